/*
 * rules_select.c - which of the loaded rules run: --enable and --disable
 * (see pii_rules_select.h). Done before the rules are compiled, so a rule
 * switched off costs nothing in the scan.
 */
#include "pii_rules_select.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static bool names(const struct pii_rule *r, const char *name, size_t len)
{
	const char *const of[] = {r->id, r->report_as, r->category, r->pack};
	for (size_t i = 0; i < sizeof(of) / sizeof(of[0]); i++)
		if (of[i] && strlen(of[i]) == len && !strncmp(of[i], name, len))
			return true;
	return false;
}

/* Marks in hit the rules the list names; false (and err) for a name that
 * names none. */
static bool mark(const struct pii_ruleset *rs, const char *option, const char *list, bool *hit,
		 char *err, size_t errlen)
{
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, ",");
		bool any = false;
		for (size_t i = 0; i < rs->n_rules; i++)
			if (len && names(&rs->rules[i], p, len)) {
				hit[i] = true;
				any = true;
			}
		if (len && !any) {
			pii_set_error(err, errlen,
				      "%s: '%.*s' is no rule id, report name, category or pack "
				      "loaded (see piiscan --list-rules)",
				      option, (int)len, p);
			return false;
		}
		p += len;
		p += *p == ',';
	}
	return true;
}

enum pii_status pii_rules_select(struct pii_ruleset *rs, const char *enable, const char *disable,
				 char *err, size_t errlen)
{
	if (!enable && !disable)
		return PII_OK;
	bool *on = calloc(rs->n_rules ? rs->n_rules : 1, sizeof(*on));
	bool *off = calloc(rs->n_rules ? rs->n_rules : 1, sizeof(*off));
	enum pii_status st = PII_EFATAL;
	if (!on || !off) {
		pii_set_error(err, errlen, "out of memory");
		goto out;
	}
	if (!enable)
		memset(on, true, rs->n_rules * sizeof(*on));
	if ((enable && !mark(rs, "--enable", enable, on, err, errlen)) ||
	    (disable && !mark(rs, "--disable", disable, off, err, errlen)))
		goto out;
	size_t kept = 0;
	for (size_t i = 0; i < rs->n_rules; i++) {
		if (on[i] && !off[i])
			rs->rules[kept++] = rs->rules[i];
		else
			pii_rule_free(&rs->rules[i]);
	}
	rs->n_rules = kept;
	if (!kept) {
		pii_set_error(err, errlen, "--enable and --disable leave no rule to look for");
		goto out;
	}
	st = PII_OK;
out:
	free(on);
	free(off);
	return st;
}
