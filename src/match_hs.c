/*
 * match_hs.c - Vectorscan (Hyperscan's portable fork) as the prefilter of
 * the rules that have none of their own: a rule without `prefilter:` or
 * context words would run PCRE2 over every byte of every page. One
 * database per rule set holds their patterns, widened to what Vectorscan
 * takes exactly (match_widen.c); it is compiled once and shared, and
 * each matcher has its own scratch. One scan of a page says, per rule,
 * where the last stretch that may match ends; PCRE2 stops looking past
 * it, or is not called at all.
 *
 * Why only those rules: the shipped rules all have a prefilter, and
 * Vectorscan over their patterns (digits and separators, no literal to
 * anchor on) runs at 80-130 MB/s, slower than the trigger bytes; over
 * their 942 context words at 550-650 MB/s, no faster than the word
 * starts (measured: README "Performance"). Built without Vectorscan
 * (HAVE_VECTORSCAN=0) these rules run PCRE2 on every page, with the
 * same findings.
 */
#include "match_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if HAVE_VECTORSCAN
#include <hs.h>

struct pii_hs {
	hs_database_t *db;
	hs_scratch_t *proto; /* cloned for each matcher */
	size_t n;            /* patterns: ids 0..n-1 */
};

struct pii_hs_scratch {
	hs_scratch_t *s;
};

const char *pii_hs_describe(void)
{
	static char text[128];
	/* hs_version(): "5.4.9 2023-03-20" */
	snprintf(text, sizeof(text), "Vectorscan %.*s for rules without a prefilter of their own",
		 (int)strcspn(hs_version(), " "), hs_version());
	return text;
}

/* Compiles the patterns, pattern k with id k; one Vectorscan refuses is
 * left out (its rule keeps PCRE2 alone: rules[] moves with pats[]) and
 * the rest compiled again. */
static hs_database_t *compile(char **pats, unsigned *rules, size_t *n)
{
	for (;;) {
		if (!*n)
			return NULL;
		unsigned *flags = calloc(*n, sizeof(unsigned));
		unsigned *ids = calloc(*n, sizeof(unsigned));
		if (!flags || !ids) {
			free(flags);
			free(ids);
			return NULL;
		}
		for (size_t k = 0; k < *n; k++)
			ids[k] = (unsigned)k;
		hs_database_t *db = NULL;
		hs_compile_error_t *ce = NULL;
		hs_error_t rc = hs_compile_multi((const char *const *)pats, flags, ids, (unsigned)*n,
						 HS_MODE_BLOCK, NULL, &db, &ce);
		free(flags);
		free(ids);
		if (rc == HS_SUCCESS)
			return db;
		int bad = ce ? ce->expression : -1;
		hs_free_compile_error(ce);
		if (bad < 0 || (size_t)bad >= *n)
			return NULL; /* not one pattern's fault: no database */
		free(pats[bad]);
		memmove(pats + bad, pats + bad + 1, (*n - (size_t)bad - 1) * sizeof(*pats));
		memmove(rules + bad, rules + bad + 1, (*n - (size_t)bad - 1) * sizeof(*rules));
		(*n)--;
	}
}

/* Whether Vectorscan takes p alone, and it cannot match nothing (an
 * empty match would be a candidate everywhere). */
static bool usable(const char *p)
{
	hs_expr_info_t *info = NULL;
	hs_compile_error_t *ce = NULL;
	if (hs_expression_info(p, 0, &info, &ce) != HS_SUCCESS) {
		hs_free_compile_error(ce);
		return false;
	}
	bool ok = info->min_width > 0;
	free(info);
	return ok;
}

bool pii_hs_build(struct pii_match_db *db, const struct pii_ruleset *rs, char *err, size_t errlen)
{
	char **pats = calloc(rs->n_rules ? rs->n_rules : 1, sizeof(char *));
	unsigned *rules = calloc(rs->n_rules ? rs->n_rules : 1, sizeof(unsigned));
	size_t n = 0;
	bool ok = pats && rules;
	for (size_t i = 0; ok && i < rs->n_rules; i++) {
		struct pii_rule_code *rc = &db->code[i];
		rc->hs_id = -1;
		if (rc->anchored || rc->hold || !db->groups[rc->group].whole || rs->no_vectorscan)
			continue;
		char *p = pii_pattern_widen(rs->rules[i].pattern);
		if (p && usable(p)) {
			pats[n] = p;
			rules[n++] = (unsigned)i;
		} else {
			free(p);
		}
	}
	if (!ok) {
		pii_set_error(err, errlen, "out of memory");
		goto out;
	}
	hs_database_t *hdb = compile(pats, rules, &n);
	if (!hdb)
		goto out; /* nothing to filter: PCRE2 alone, as without Vectorscan */
	struct pii_hs *hs = calloc(1, sizeof(*hs));
	if (!hs || hs_alloc_scratch(hdb, &hs->proto) != HS_SUCCESS) {
		free(hs);
		hs_free_database(hdb);
		pii_set_error(err, errlen, "out of memory");
		ok = false;
		goto out;
	}
	hs->db = hdb;
	hs->n = n;
	for (size_t k = 0; k < n; k++)
		db->code[rules[k]].hs_id = (int)k;
	db->hs = hs;
out:
	for (size_t k = 0; pats && k < n; k++)
		free(pats[k]);
	free(pats);
	free(rules);
	return ok;
}

void pii_hs_free(struct pii_hs *hs)
{
	if (!hs)
		return;
	hs_free_scratch(hs->proto);
	hs_free_database(hs->db);
	free(hs);
}

size_t pii_hs_count(const struct pii_hs *hs)
{
	return hs ? hs->n : 0;
}

struct pii_hs_scratch *pii_hs_scratch_new(const struct pii_hs *hs)
{
	struct pii_hs_scratch *s = calloc(1, sizeof(*s));
	if (s && hs_clone_scratch(hs->proto, &s->s) != HS_SUCCESS) {
		free(s);
		return NULL;
	}
	return s;
}

void pii_hs_scratch_free(struct pii_hs_scratch *s)
{
	if (!s)
		return;
	hs_free_scratch(s->s);
	free(s);
}

/* Matches come in order of their end: the last one of a pattern is
 * where its last candidate ends. */
static int on_match(unsigned id, unsigned long long from, unsigned long long to,
		    unsigned flags, void *ctx)
{
	((size_t *)ctx)[id] = (size_t)to;
	return 0;
}

bool pii_hs_scan(const struct pii_hs *hs, struct pii_hs_scratch *s, const char *text,
		 size_t len, size_t *last_end)
{
	memset(last_end, 0, hs->n * sizeof(*last_end));
	/* block mode takes an unsigned length: a longer text (none is: pages
	 * are 1 MB) goes without the prefilter */
	if (len > UINT32_MAX)
		return false;
	return hs_scan(hs->db, text, (unsigned)len, 0, s->s, on_match, last_end) == HS_SUCCESS;
}

#else /* built without Vectorscan: every rule keeps its own prefilter */

const char *pii_hs_describe(void)
{
	return "built without Vectorscan";
}

bool pii_hs_build(struct pii_match_db *db, const struct pii_ruleset *rs, char *err, size_t errlen)
{
	for (size_t i = 0; i < rs->n_rules; i++)
		db->code[i].hs_id = -1;
	return true;
}

void pii_hs_free(struct pii_hs *hs)
{
}

size_t pii_hs_count(const struct pii_hs *hs)
{
	return 0;
}

struct pii_hs_scratch *pii_hs_scratch_new(const struct pii_hs *hs)
{
	return NULL;
}

void pii_hs_scratch_free(struct pii_hs_scratch *s)
{
}

bool pii_hs_scan(const struct pii_hs *hs, struct pii_hs_scratch *s, const char *text,
		 size_t len, size_t *last_end)
{
	return false;
}

#endif
