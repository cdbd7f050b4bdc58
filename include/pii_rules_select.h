/*
 * pii_rules_select.h - which of the loaded rules run (--enable and
 * --disable), and which rules each allow: entry is about (its rules:).
 */
#ifndef PII_RULES_SELECT_H
#define PII_RULES_SELECT_H

#include <stdbool.h>
#include <stddef.h>

#include "pii_rules.h"
#include "pii_util.h"

/* Whether name[0..len) names r: its id, report name, category or pack. */
bool pii_rule_named(const struct pii_rule *r, const char *name, size_t len);

/* Keeps, of rs's rules (loaded, not compiled), those that enable names
 * (every rule when enable is NULL), then drops those disable names. Each
 * is a comma-separated list of rule ids, report names (email, nl_bsn),
 * categories (contact, special_category) or packs (nl); NULL: none. A
 * name that is none of the loaded rules', or a choice that leaves no
 * rule, is an error. */
enum pii_status pii_rules_select(struct pii_ruleset *rs, const char *enable, const char *disable,
				 char *err, size_t errlen);

/* Checks that each name in the rules: of rs's allow: entries names a
 * loaded rule, before pii_rules_select drops any (an entry about a rule
 * switched off for one run is no error). PII_EFATAL with "file:line: ..."
 * in err. */
enum pii_status pii_rules_check_allow(const struct pii_ruleset *rs, char *err, size_t errlen);

/* After the rules are chosen: lists for each rule the allow: entries
 * that apply to it (pii_rule.allow) and compiles the entries' path:
 * patterns (casefold: --ignore-case-paths). PII_EFATAL when out of
 * memory. */
enum pii_status pii_rules_prepare_allow(struct pii_ruleset *rs, bool casefold, char *err,
					size_t errlen);

#endif
