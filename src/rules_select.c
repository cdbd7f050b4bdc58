/*
 * rules_select.c - which of the loaded rules run: --enable and --disable
 * (see pii_rules_select.h). Done before the rules are compiled, so a rule
 * switched off costs nothing in the scan. The allow: entries' rules: name
 * rules the same way.
 */
#include "pii_rules_select.h"

#include "pii_allow.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

bool pii_rule_named(const struct pii_rule *r, const char *name, size_t len)
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
			if (len && pii_rule_named(&rs->rules[i], p, len)) {
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

/* ---- the rules each allow: entry is about ------------------------------------------ */

static bool names_rule(const struct pii_allow *a, const struct pii_rule *r)
{
	if (!a->n_rules)
		return true;
	for (size_t k = 0; k < a->n_rules; k++)
		if (pii_rule_named(r, a->rules[k], strlen(a->rules[k])))
			return true;
	return false;
}

enum pii_status pii_rules_check_allow(const struct pii_ruleset *rs, char *err, size_t errlen)
{
	for (size_t i = 0; i < rs->n_allow; i++) {
		const struct pii_allow *a = &rs->allow[i];
		for (size_t k = 0; k < a->n_rules; k++) {
			size_t r;
			for (r = 0; r < rs->n_rules; r++)
				if (pii_rule_named(&rs->rules[r], a->rules[k], strlen(a->rules[k])))
					break;
			if (r == rs->n_rules) {
				pii_set_error(err, errlen,
					      "%s: allow: '%s' is no rule id, report name, category or "
					      "pack loaded (see piiscan --list-rules)",
					      a->rules_source ? a->rules_source : a->source, a->rules[k]);
				return PII_EFATAL;
			}
		}
	}
	return PII_OK;
}

enum pii_status pii_rules_prepare_allow(struct pii_ruleset *rs, bool casefold, char *err,
					size_t errlen)
{
	for (size_t i = 0; i < rs->n_allow; i++)
		if (!pii_allow_compile_paths(&rs->allow[i], casefold))
			goto oom;
	for (size_t r = 0; r < rs->n_rules; r++) {
		struct pii_rule *rule = &rs->rules[r];
		free(rule->allow);
		rule->allow = NULL;
		rule->n_allow = 0;
		for (size_t i = 0; i < rs->n_allow; i++) {
			if (!names_rule(&rs->allow[i], rule))
				continue;
			unsigned *grown = realloc(rule->allow, (rule->n_allow + 1) * sizeof(*grown));
			if (!grown)
				goto oom;
			rule->allow = grown;
			rule->allow[rule->n_allow++] = (unsigned)i;
		}
	}
	return PII_OK;
oom:
	pii_set_error(err, errlen, "out of memory");
	return PII_EFATAL;
}
