/* A validator's verdict on one value, for the tests of the validators:
 * true when the validator named name accepts value and, where canon is
 * not NULL, gives that canonical form. */
#ifndef PII_TEST_VALIDATOR_CASE_H
#define PII_TEST_VALIDATOR_CASE_H

#include <stdbool.h>
#include <string.h>

#include "pii_validate.h"

static inline bool valid(const char *name, const char *value, const char *canon)
{
	pii_validator_fn fn = pii_validator_find(name);
	struct pii_canon c;
	if (!fn || !fn(value, strlen(value), &c))
		return false;
	return !canon || (c.len == strlen(canon) && !memcmp(c.buf, canon, c.len));
}

#endif
