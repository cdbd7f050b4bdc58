/*
 * pii_validate.h - validators: C functions that confirm a regex candidate
 * (checksums, ranges, reserved values), looked up by name from rule packs.
 */
#ifndef PII_VALIDATE_H
#define PII_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "pii_limits.h"

/* The canonical form of a value: what the fingerprint is computed over, so
 * that "06-12345678" and "+31 6 1234 5678" count as one distinct value. */
struct pii_canon {
	char buf[PII_CANON_MAX];
	size_t len;
};

/* A validator looks at value[0..len) (borrowed, not NUL-terminated),
 * returns true when it is a real value of its kind, and then fills canon.
 * It must not keep any pointer into value. */
typedef bool (*pii_validator_fn)(const char *value, size_t len,
				 struct pii_canon *canon);

/* Looks up a validator by name; NULL when there is none of that name. */
pii_validator_fn pii_validator_find(const char *name);

/* NULL-terminated list of validator names, for --list-rules and errors. */
const char *const *pii_validator_names(void);

/* Whether local, the part of an address before its '@', is a role's or a
 * machine's mailbox ("info", "support-nl", "noreply"): what email_role's
 * validator asks, and its prefilter check too. */
bool pii_email_role_local(const char *local, size_t n);

/* Fills canon with value as it is (the default when a rule has no
 * validator). Truncates at PII_CANON_MAX. */
void pii_canon_copy(struct pii_canon *canon, const char *value, size_t len);

#endif
