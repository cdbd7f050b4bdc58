/*
 * validate_id_lt.c - Lithuania: the asmens kodas (personal code),
 * GYYMMDDSSSC, made like Estonia's isikukood (validate_id_ee.c: the sex
 * and century digit, the date of birth, a serial number, the same check
 * digit with its two sets of weights). A code that starts with 9 was
 * given in a special case without a date of birth in it: only its check
 * digit is tested, as python-stdnum does. Sources: lt.wikipedia.org
 * "Asmens kodas"; python-stdnum lt.asmens.
 */
#include "validators.h"

bool pii_validate_lt_asmens(const char *value, size_t len, struct pii_canon *canon)
{
	return pii_ee_lt_code_ok(value, len, canon, true);
}
