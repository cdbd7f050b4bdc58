/*
 * rules.c - the rule set as a whole: what each rule reports as, which
 * kinds of values count people, and compiling it for the matcher
 * (match_compile.c). Loading the packs is rules_load.c.
 */
#include "pii_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match_db.h"
#include "pii_allow.h"

void pii_rule_free(struct pii_rule *r)
{
	free(r->id);
	free(r->report_as);
	free(r->name);
	free(r->category);
	free(r->pack);
	free(r->country);
	free(r->source);
	free(r->pattern);
	free(r->validator_name);
	free(r->mask_name);
	free(r->trigger);
	free(r->span);
	free(r->seed);
	free(r->check_name);
	free(r->subject_count);
	pii_strv_free(r->context, r->n_context);
	pii_strv_free(r->anti_context, r->n_anti_context);
	pii_strv_free(r->hold, r->n_hold);
	for (size_t i = 0; i < r->n_examples; i++) {
		free(r->examples[i].text);
		free(r->examples[i].value);
		free(r->examples[i].label);
	}
	free(r->examples);
	free(r->allow);
}

struct pii_ruleset *pii_rules_new(void)
{
	return calloc(1, sizeof(struct pii_ruleset));
}

void pii_rules_free(struct pii_ruleset *rs)
{
	if (!rs)
		return;
	pii_match_db_free(rs->db, rs->n_rules);
	for (size_t i = 0; i < rs->n_rules; i++)
		pii_rule_free(&rs->rules[i]);
	free(rs->rules);
	for (size_t i = 0; i < rs->n_reports; i++) {
		free(rs->reports[i].name);
		free(rs->reports[i].category);
	}
	free(rs->reports);
	pii_strv_free(rs->packs, rs->n_packs);
	for (size_t i = 0; i < rs->n_allow; i++)
		pii_allow_free(&rs->allow[i]);
	free(rs->allow);
	free(rs);
}

const char *pii_rule_source_name(const struct pii_rule *r)
{
	const char *slash = strrchr(r->source, '/');
	return slash ? slash + 1 : r->source;
}

const char *pii_special_name(int special)
{
	return special == 9		       ? "Art. 9"
	       : special == 10		       ? "Art. 10"
	       : special == PII_SPECIAL_ID_COPY ? "ID document copy"
						: NULL;
}

int pii_category_special(const struct pii_ruleset *rs, const char *category)
{
	for (size_t i = 0; i < rs->n_reports; i++)
		if (rs->reports[i].special && !rs->reports[i].identifies &&
		    !strcmp(rs->reports[i].category, category))
			return rs->reports[i].special;
	return 0;
}

/* The kind of values that count people r's findings belong to (its
 * subject_count:), -1 when none; -2 when there are too many kinds. */
static int subject_kind_of(struct pii_ruleset *rs, const struct pii_rule *r)
{
	if (!r->subject_count)
		return -1;
	for (size_t k = 0; k < rs->n_subject_kinds; k++)
		if (!strcmp(rs->subject_kinds[k], r->subject_count))
			return (int)k;
	if (rs->n_subject_kinds == PII_SUBJECT_KINDS_MAX)
		return -2;
	rs->subject_kinds[rs->n_subject_kinds] = r->subject_count;
	return (int)rs->n_subject_kinds++;
}

/* The report r's findings go under (its report_as), made when new: all
 * rules reporting as one name must agree on its category and kind. */
static int find_or_add_report(struct pii_ruleset *rs, const struct pii_rule *r,
			      char *err, size_t errlen)
{
	int kind = subject_kind_of(rs, r);
	if (kind == -2) {
		pii_set_error(err, errlen, "%s: rule '%s': more than %d kinds of subject_count", r->source,
			r->id, PII_SUBJECT_KINDS_MAX);
		return -1;
	}
	for (size_t i = 0; i < rs->n_reports; i++) {
		struct pii_report_id *rep = &rs->reports[i];
		if (strcmp(rep->name, r->report_as))
			continue;
		if (strcmp(rep->category, r->category)) {
			pii_set_error(err, errlen,
				"%s: rule '%s' reports as '%s' with category '%s', "
				"but '%s' has category '%s'",
				r->source, r->id, r->report_as, r->category,
				r->report_as, rep->category);
			return -1;
		}
		if (rep->subject_kind != kind) {
			pii_set_error(err, errlen,
				"%s: rule '%s' reports as '%s' with another subject_count than "
				"the rules before it",
				r->source, r->id, r->report_as);
			return -1;
		}
		return (int)i;
	}
	struct pii_report_id *grown =
		realloc(rs->reports, (rs->n_reports + 1) * sizeof(*grown));
	if (!grown) {
		pii_set_error(err, errlen, "out of memory");
		return -1;
	}
	rs->reports = grown;
	struct pii_report_id *rep = &grown[rs->n_reports];
	*rep = (struct pii_report_id){.name = strdup(r->report_as),
				      .category = strdup(r->category),
				      .special = r->special	 ? r->special
						 : r->id_copy ? PII_SPECIAL_ID_COPY
							      : 0,
				      .subject_kind = kind,
				      .identifies = r->identifies};
	if (!rep->name || !rep->category) {
		free(rep->name);
		free(rep->category);
		pii_set_error(err, errlen, "out of memory");
		return -1;
	}
	return (int)rs->n_reports++;
}

enum pii_status pii_rules_compile(struct pii_ruleset *rs, char *err, size_t errlen)
{
	if (rs->compiled)
		return PII_OK;
	if (rs->n_rules == 0) {
		pii_set_error(err, errlen, "no rules loaded");
		return PII_EFATAL;
	}
	for (size_t i = 0; i < rs->n_rules; i++) {
		struct pii_rule *r = &rs->rules[i];
		int rep = find_or_add_report(rs, r, err, errlen);
		if (rep < 0)
			return PII_EFATAL;
		r->report_index = (unsigned)rep;
		if (!r->min_triggers)
			r->min_triggers = 1;
		/* The first bytes of the context words: most bytes of a text are
		 * passed over after one look at this table. */
		for (size_t k = 0; k < r->n_context; k++)
			r->context_first[(unsigned char)r->context[k][0]] = true;
		for (size_t k = 0; k < r->n_anti_context; k++)
			r->anti_context_first[(unsigned char)r->anti_context[k][0]] = true;
	}
	rs->db = pii_match_db_build(rs, err, errlen);
	if (!rs->db)
		return PII_EFATAL;
	rs->compiled = true;
	return PII_OK;
}
