/*
 * pii_match.h - the matcher: runs the rules over UTF-8 text, validates
 * candidates, weighs context words and resolves overlaps. One matcher per
 * thread; the rule set it reads is shared and read-only.
 */
#ifndef PII_MATCH_H
#define PII_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "pii_rules.h"

struct pii_match {
	const struct pii_rule *rule;
	size_t start, end; /* byte offsets in the text */
	enum pii_confidence confidence;
};

struct pii_matcher;

/* Creates the per-thread state (PCRE2 match data, JIT stack) for rs,
 * which must be compiled and must outlive the matcher. NULL when out of
 * memory. */
struct pii_matcher *pii_matcher_new(const struct pii_ruleset *rs);

/* Frees the matcher. NULL is safe. */
void pii_matcher_free(struct pii_matcher *m);

/* Finds the personal data in text[0..len), which must be valid UTF-8.
 * Only matches that start in [from, to) are returned; the rest of the text
 * is there for lookarounds and context words (the margins of a page).
 * from and to must be character boundaries. label, when not NULL, is a
 * name that describes the text (a column or key name) and counts as
 * context; technical says the text is code, configuration or a log
 * (rules that need prose skip it). On return *out points to the matches, sorted by start, without
 * overlaps; they stay valid until the next call. Returns PII_OK, or
 * PII_EOBJECT when out of memory (matches found so far are returned). */
enum pii_status pii_matcher_run(struct pii_matcher *m, const char *text,
				size_t len, size_t from, size_t to,
				const char *label, bool technical, const struct pii_match **out,
				size_t *n_out);

/* A pattern for Vectorscan in byte mode that matches every stretch of
 * bytes the rule pattern p (PCRE2, UTF-8) can match, and maybe more
 * (match_widen.c): Vectorscan says where a match may end, PCRE2 decides;
 * --export-patterns --format vectorscan prints them. NULL when p holds
 * what is not widened so, or when out of memory; the caller frees it. */
char *pii_pattern_widen(const char *p);

/* Which prefilter this build has beside its own (trigger bytes, context
 * words): "Vectorscan 5.4.9 for ...", or that it was built without. For
 * --version. */
const char *pii_matcher_prefilter(void);

/* Times a pattern hit the PCRE2 match limit (the rest of that run was
 * skipped for that rule) since the matcher was created. */
uint64_t pii_matcher_limit_hits(const struct pii_matcher *m);

#endif
