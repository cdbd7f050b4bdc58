/*
 * pii_allow.h - allowlists: values and places known not to be reported
 * (the company's own switchboard number and IBAN, noreply@ addresses, IP
 * addresses in logs/). Entries come from the allow: lists of the rule
 * packs and of the configuration file (read in rules_load.c) and belong
 * to the rule set, so that the rules' hash covers them. A finding an
 * entry matches is dropped in the worker, where its raw value is still
 * at hand, before it is counted or listed anywhere; only how many each
 * entry let go is kept.
 */
#ifndef PII_ALLOW_H
#define PII_ALLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pii_rules.h"
#include "pii_util.h"

struct pii_ignore;

/* One entry. Every condition it has must hold; it has at least one of
 * value, fingerprint and path. */
struct pii_allow {
	char *source;         /* "file:line" of the entry */
	char *reason;         /* reason:, or NULL */
	char *value;          /* value: as written (a PCRE2 pattern), or NULL */
	void *value_code;     /* its pcre2_code, held to the whole value */
	bool has_fingerprint;
	uint64_t fingerprint; /* fingerprint: the keyed fingerprint */
	char **paths;         /* path: gitignore patterns as written */
	size_t n_paths;
	struct pii_ignore *path; /* them compiled (pii_allow_compile_paths), or NULL */
	char **rules;         /* rules: names as written; none: every rule */
	size_t n_rules;
	char *rules_source;   /* "file:line" of rules:, for messages */
};

/* Compiles pattern as a's value: condition: it must match the whole
 * value. false with PCRE2's reason in err. */
bool pii_allow_set_value(struct pii_allow *a, const char *pattern, char *err, size_t errlen);

/* Sets a's fingerprint: from 16 hex digits ("%016llx", as the reports
 * show it). false when hex is not that. */
bool pii_allow_set_fingerprint(struct pii_allow *a, const char *hex);

/* Where a is written as in its folder ("acme.yaml:12"), not the
 * scanning machine's path to it: for the reports. */
const char *pii_allow_source_name(const struct pii_allow *a);

/* Frees what a holds. */
void pii_allow_free(struct pii_allow *a);

/* Compiles a's path: patterns (casefold: letters in either case) into
 * a->path. false when out of memory. */
bool pii_allow_compile_paths(struct pii_allow *a, bool casefold);

/* Whether any entry of rs has a path: (then --ignore-case-paths changes
 * findings) or a fingerprint: (then only --fingerprint-key-file makes it
 * match); the first such entry, or NULL. */
const struct pii_allow *pii_allow_first_path(const struct pii_ruleset *rs);
const struct pii_allow *pii_allow_first_fingerprint(const struct pii_ruleset *rs);

/* Sets ok[k] for each entry k of rs: whether its path: holds for the file
 * on disk at path (true when it has none). The path is matched below the
 * root of roots[0..n_roots) it was found under, as --exclude is; a file
 * given as a root itself by its name. A pattern that matches one of its
 * folders matches it, as in git. */
void pii_allow_paths(const struct pii_ruleset *rs, const char *const *roots, size_t n_roots,
		     const char *path, unsigned char *ok);

/* A worker's own match data for the value: patterns. NULL when out of
 * memory. */
struct pii_allow_matcher *pii_allow_matcher_new(void);
void pii_allow_matcher_free(struct pii_allow_matcher *m);

/* The entry (an index into rs->allow) that lets a finding of rule r go:
 * its raw value[0..len) (valid UTF-8), its fingerprint fp, in a file for
 * which path_ok says which entries' path: holds (pii_allow_paths; NULL:
 * none). -1 when none does. */
long pii_allow_find(const struct pii_ruleset *rs, const struct pii_rule *r,
		    const unsigned char *path_ok, const char *value, size_t len, uint64_t fp,
		    struct pii_allow_matcher *m);

#endif
