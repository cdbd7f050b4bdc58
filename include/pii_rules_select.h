/*
 * pii_rules_select.h - which of the loaded rules run: --enable and
 * --disable.
 */
#ifndef PII_RULES_SELECT_H
#define PII_RULES_SELECT_H

#include <stddef.h>

#include "pii_rules.h"
#include "pii_util.h"

/* Keeps, of rs's rules (loaded, not compiled), those that enable names
 * (every rule when enable is NULL), then drops those disable names. Each
 * is a comma-separated list of rule ids, report names (email, nl_bsn),
 * categories (contact, special_category) or packs (nl); NULL: none. A
 * name that is none of the loaded rules', or a choice that leaves no
 * rule, is an error. */
enum pii_status pii_rules_select(struct pii_ruleset *rs, const char *enable, const char *disable,
				 char *err, size_t errlen);

#endif
