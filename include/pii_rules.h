/*
 * pii_rules.h - rule packs: YAML files read with libyaml (rules_load.c),
 * checked as a whole and compiled once (rules.c; the patterns into the
 * matcher's own database, match_compile.c), then shared read-only by all
 * threads. What a rule means for the GDPR views (identifies a person,
 * counts people, special category) is said in the pack, not in C.
 */
#ifndef PII_RULES_H
#define PII_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "pii_mask.h"
#include "pii_precheck.h"
#include "pii_util.h"
#include "pii_validate.h"

/* One example from a rule's `examples:`; run by the test suite. */
struct pii_rule_example {
	char *text;           /* input text */
	char *value;          /* expected value found, or NULL: any */
	char *label;          /* column or key name the text comes with, or NULL */
	enum pii_confidence confidence; /* expected, or NONE: any */
	bool match;           /* true: must be found; false: must not */
	int line;             /* line in the rule file */
};

struct pii_rule {
	char *id;             /* unique among the loaded rules */
	char *report_as;      /* rule name written in reports (default: id) */
	char *name;           /* human name, e.g. "Burgerservicenummer (BSN)" */
	char *category;       /* e.g. "national_id" */
	char *pack;           /* pack name from the file */
	char *country;        /* the pack's country (ISO 3166 "BE"), or NULL */
	char *source;         /* "file:line" where the rule is defined */
	char *pattern;
	char *validator_name; /* or NULL */
	char *mask_name;
	char *trigger;        /* prefilter classes as written, or NULL */
	char *span;
	char *seed;           /* prefilter classes every match holds in a row,
			       * as written ("[A-Z]{2}[0-9]{2}"), or NULL */
	char *check_name;     /* prefilter check, or NULL */
	const struct pii_precheck *check;
	pii_validator_fn validate; /* NULL: the regex alone decides */
	pii_mask_fn mask;
	enum pii_confidence confidence; /* without context words */
	char **context;       /* lower-case words that raise confidence */
	size_t n_context;
	char **anti_context;  /* words that mean "not personal data" */
	size_t n_anti_context;
	bool context_first[256];      /* first bytes of the context words */
	bool anti_context_first[256];
	bool require_context; /* drop matches with no context word near */
	uint32_t context_window; /* bytes either side where context counts */
	enum pii_context_position {
		PII_CONTEXT_AROUND,   /* a word within the window either side */
		PII_CONTEXT_BEFORE,   /* within the window before the value */
		PII_CONTEXT_ADJACENT, /* the word(s) right before the value */
		PII_CONTEXT_INSIDE,   /* in the value itself ("jan at example dot nl") */
	} context_position;
	struct pii_rule_example *examples;
	size_t n_examples;
	unsigned report_index; /* index into pii_ruleset.reports */
	uint32_t min_triggers; /* trigger bytes every match holds (>= 1) */
	/* Special categories (GDPR Art. 9) and criminal data (Art. 10): such a
	 * rule's findings count only in a record that also identifies someone
	 * (pii_special.h), or where one record holds `density` different
	 * words of it (0: never on their own). */
	int special;           /* 0, 9 or 10 */
	unsigned density;
	bool identifies;       /* identifies: person - its findings name someone */
	bool id_copy;          /* id_copy: true - a finding is a copy of an identity
				* document, marked in every view as the special
				* categories are (PII_SPECIAL_ID_COPY) */
	bool prose;            /* prose: true - counts only in prose (pii_prose.h) */
	bool row_evidence;     /* row_evidence: true - a one-word value in a table
				* row counts only beside another identifying
				* finding of its row, else it is low (pii_special.h) */
	char *subject_count;   /* subject_count: KIND - its distinct values count
				* people; rules of one kind count the same people */
	bool override;         /* override: true - replaces the rule of its id
				* loaded before, in its place */
	char **hold;           /* hold: [phone, national_id] - the rule reports
				* nothing: it runs last, only around the matches
				* of these report names or categories, and drops
				* those it holds whole (the digits of a mistyped
				* IBAN are no phone number; match.c) */
	size_t n_hold;         /* 0: not such a rule */
	unsigned *allow;       /* the allow: entries that apply to it, indices
				* into pii_ruleset.allow (pii_rules_prepare_allow) */
	size_t n_allow;
};

/* A name under which findings are reported (a rule's report_as). */
/* The mark of a report name holding copies of identity documents: not an
 * article of its own, but what a privacy officer looks for first, so
 * marked and listed first as the special categories are. */
#define PII_SPECIAL_ID_COPY 1

struct pii_report_id {
	char *name;
	char *category;
	int special;           /* 9 or 10: a special category (Art. 9, 10);
				* PII_SPECIAL_ID_COPY: identity document copies */
	int subject_kind;      /* index into pii_ruleset.subject_kinds, or -1 */
	bool identifies;       /* its rules identify a person (identifies:) */
};

/* Kinds of values that count people (subject_count:), at most this many:
 * the data subjects estimated are the most of any kind. */
#define PII_SUBJECT_KINDS_MAX 8

struct pii_ruleset;
/* 9 or 10 when a category holds special categories (Art. 9) or criminal
 * data (Art. 10) in rs, else 0. An identifier that is also such data (a
 * health insurance number) does not make its category one: its findings
 * are Art. 9 by their kind, the other national identifiers are not. */
int pii_category_special(const struct pii_ruleset *rs, const char *category);

/* How the views mark special: "Art. 9", "Art. 10", "ID document copy";
 * NULL for 0. */
const char *pii_special_name(int special);

/* Where a rule is defined as in its rule folder ("core.yaml:14"), not the
 * scanning machine's path to that folder: for every report of rules. */
const char *pii_rule_source_name(const struct pii_rule *r);

struct pii_match_db; /* the compiled patterns (match_compile.c) */
struct pii_allow;    /* an allow: entry (pii_allow.h) */

struct pii_ruleset {
	struct pii_rule *rules;
	size_t n_rules;
	struct pii_report_id *reports;
	size_t n_reports;
	char *subject_kinds[PII_SUBJECT_KINDS_MAX]; /* borrowed from the rules */
	size_t n_subject_kinds;
	char **packs;          /* names of the loaded packs, in load order */
	size_t n_packs;
	struct pii_allow *allow; /* allow: entries, the packs' then the configuration's */
	size_t n_allow;
	struct pii_match_db *db;
	bool no_anchoring;      /* tests: run require_context rules like others */
	bool no_vectorscan;     /* tests: rules without a prefilter run PCRE2 alone */
	bool compiled;
};

/* Returns an empty rule set, or NULL when out of memory. */
struct pii_ruleset *pii_rules_new(void);

/* Loads one YAML rule file and appends its rules. On error returns
 * PII_EFATAL and writes "file:line: what is wrong" to err. */
enum pii_status pii_rules_load_file(struct pii_ruleset *rs, const char *path,
				    char *err, size_t errlen);

/* The same for rule text in memory; name stands for the file in messages. */
enum pii_status pii_rules_load_text(struct pii_ruleset *rs, const char *name,
				    const char *text, size_t len, char *err, size_t errlen);

/* Reads the allow: list of the configuration file at path (its other
 * keys are the options', pii_config.h) and appends its entries, as a
 * pack's are. On error PII_EFATAL and "file:line: what is wrong". */
enum pii_status pii_rules_load_allow(struct pii_ruleset *rs, const char *path, char *err,
				     size_t errlen);

/* Loads every *.yaml / *.yml file of a folder, in name order, or the file
 * itself when path is a file. */
enum pii_status pii_rules_load_path(struct pii_ruleset *rs, const char *path,
				    char *err, size_t errlen);

/* Loads the shipped packs named in the comma-separated list `packs`
 * (NULL: every pack) from the folder dir. Unknown pack names are an
 * error that lists the packs there are. */
enum pii_status pii_rules_load_packs(struct pii_ruleset *rs, const char *dir,
				     const char *packs, char *err,
				     size_t errlen);

/* Checks the rule set as a whole (one category per report name, the
 * kinds that count people) and compiles every pattern for the matcher
 * (PCRE2 JIT, prefilter groups). Must be called once, after loading and
 * before matching. */
enum pii_status pii_rules_compile(struct pii_ruleset *rs, char *err,
				  size_t errlen);

/* Frees the rule set and everything in it. NULL is safe. */
void pii_rules_free(struct pii_ruleset *rs);

/* Frees what a rule holds (the loader's, on a rule it gives up). */
void pii_rule_free(struct pii_rule *r);

/* A copy of pattern that a DFA regex engine (ripgrep's default) accepts:
 * lookaround assertions removed, escaped punctuation that such engines
 * reject written as \x{..}. It matches a superset of what the pattern
 * matches. For benchmarks (--export-patterns). malloc'd; NULL when out of
 * memory. */
char *pii_rule_pattern_simplified(const char *pattern);

/* --list-rules: prints the rules of rs to out, as columns aligned to the
 * widest value (pack, rule, reported as, category, validator, confidence,
 * name), or with json as a JSON array of one object per rule, its keys
 * named as in the packs. false when out of memory. */
bool pii_rules_list(const struct pii_ruleset *rs, FILE *out, bool json);

/* Finds the folder of the shipped rule packs: $PIISCAN_RULES_DIR; else
 * ../share/piiscan/rules from the executable's folder (an installed tree
 * wherever it is); else, for a binary built in piiscan's source tree
 * (build/piiscan), that tree's rules/; else PREFIX/share/piiscan/rules
 * as the Makefile installs them. Never a "rules" folder that merely sits
 * near the executable. Returns a malloc'd path or NULL. */
char *pii_rules_default_dir(void);

/* Whether the folder dir holds the pack PACK.yaml. */
bool pii_rules_dir_has_pack(const char *dir, const char *pack);

#endif
