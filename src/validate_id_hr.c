/*
 * validate_id_hr.c - Croatian national identifiers (validators.h):
 *
 * - hr_oib: OIB (osobni identifikacijski broj), 11 digits that hold no
 *   personal information, the last the check digit of ISO 7064 MOD 11,10
 *   (python-stdnum hr.oib; Zakon o osobnom identifikacijskom broju,
 *   NN 60/08, and the Porezna uprava's specification). Firms have one
 *   too: rules/hr.yaml keeps the words of a firm away.
 */
#include "validators.h"

bool pii_validate_hr_oib(const char *value, size_t len, struct pii_canon *canon)
{
	char d[11];
	if (pii_collect_digits(value, len, "", d, sizeof(d)) != 11 || pii_all_same(d, 11) ||
	    !pii_iso7064_11_10_ok(d, 11))
		return false;
	pii_canon_copy(canon, d, 11);
	return true;
}
