/*
 * pii_rules.h - rule packs: YAML files read with libyaml, patterns
 * compiled once with PCRE2 (JIT) and then shared read-only by all threads.
 */
#ifndef PII_RULES_H
#define PII_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
	char *source;         /* "file:line" where the rule is defined */
	char *pattern;
	char *validator_name; /* or NULL */
	char *mask_name;
	char *trigger;        /* prefilter classes as written, or NULL */
	char *span;
	char *check_name;     /* prefilter check, or NULL */
	pii_precheck_fn check;
	pcre2_code *code;
	pcre2_code *code_at;  /* adjacent rules: the pattern held to its start
			       * offset (\G), tried once right after a word */
	bool jit_at;
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
	} context_position;
	struct pii_rule_example *examples;
	size_t n_examples;
	unsigned report_index; /* index into pii_ruleset.reports */
	unsigned group;        /* prefilter group */
	uint32_t min_length;   /* shortest possible match, from PCRE2 */
	uint32_t min_triggers; /* trigger bytes every match holds (>= 1) */
	/* Special categories (GDPR Art. 9) and criminal data (Art. 10): such a
	 * rule's findings in a file count only when the file also holds an
	 * identifier (e-mail, phone, national id, name, IBAN, date of birth)
	 * or at least `density` of them: a word in passing is not a finding. */
	int special;           /* 0, 9 or 10 */
	unsigned density;
	bool identifies;       /* identifies: person - its findings name someone */
	bool jit;              /* JIT-compiled: pcre2_jit_match may be used */
	bool anchored;         /* runs only near its context words */
};

/* A name under which findings are reported (a rule's report_as). */
struct pii_report_id {
	char *name;
	char *category;
	int special;           /* 9 or 10: a special category (Art. 9, 10) */
};

/* Whether findings of a category identify a person (for the special
 * categories' rule above): contact, national_id, identity, financial. */
bool pii_category_identifies(const char *category);

struct pii_ruleset;
/* 9 or 10 when a category holds special categories (Art. 9) or criminal
 * data (Art. 10) in rs, else 0. */
int pii_category_special(const struct pii_ruleset *rs, const char *category);

/* The hash of the first min(4, n) bytes of s (lower case) that
 * anchor_prefix_bits holds. */
static inline unsigned pii_anchor_prefix_hash(const unsigned char *s, size_t n)
{
	uint32_t x = (uint32_t)n << 24;
	for (size_t i = 0; i < n && i < 4; i++)
		x = x * 257 + s[i];
	return (x * 2654435761u) >> 16;
}

/* Rules that share a prefilter: a match consists only of `span` bytes
 * and contains at least one `trigger` byte, so the matcher only runs the
 * rules of a group on runs of span bytes that hold a trigger byte. A group
 * with `whole` set has no prefilter: its rules see the whole text. */
struct pii_prefilter_group {
	bool span[256];
	bool trigger[256];
	bool whole;
	/* The trigger set as up to 4 byte ranges, so the matcher can look for
	 * triggers 16 bytes at a time; 0 ranges: use the table. */
	unsigned char trigger_lo[4], trigger_hi[4];
	unsigned n_trigger_ranges;
	unsigned *rules; /* indexes into pii_ruleset.rules */
	size_t n_rules;
	uint32_t min_length; /* shortest match of any rule in the group */
	uint32_t min_triggers; /* fewest trigger bytes of any rule's match */
};

/* A context word of a rule that requires context, and the rules (bits
 * of pii_ruleset.anchored) it belongs to. */
struct pii_anchor_word {
	const char *word; /* lower case; owned by the rule */
	uint64_t rules;
};

/* Rules that only count with a context word near them (require_context)
 * are run only around those words, found once per page: an 8-digit
 * number is everywhere, the word "BSN" is not. */
#define PII_ANCHORED_MAX 64

struct pii_ruleset {
	struct pii_rule *rules;
	size_t n_rules;
	struct pii_report_id *reports;
	size_t n_reports;
	struct pii_prefilter_group *groups;
	size_t n_groups;
	unsigned anchored[PII_ANCHORED_MAX]; /* indexes into rules */
	size_t n_anchored;
	struct pii_anchor_word *anchor_words;
	size_t n_anchor_words;
	bool anchor_first[256]; /* first bytes of the anchor words */
	/* The distinct first two letters of the anchor words, when there are
	 * at most 16 such pairs of letters: the matcher looks for them 16
	 * bytes at a time. 0: search with the table. */
	unsigned char anchor_pairs[16][2];
	unsigned n_anchor_pairs;
	/* every anchor word's first two bytes, as a bit per byte pair: the
	 * search when there are more than 16 pairs */
	uint8_t anchor_pair_bits[65536 / 8];
	/* the first four bytes of the anchor words (or all of a shorter
	 * one), hashed to a bit: a second, sharper look at a candidate */
	uint8_t anchor_prefix_bits[65536 / 8];
	bool anchor_ascii;      /* every anchor word starts with a-z */
	/* anchor_words sorted by first byte: those starting with byte c are
	 * [anchor_index[c], anchor_index[c + 1]) */
	uint16_t anchor_index[257];
	bool no_anchoring;      /* tests: run require_context rules like others */
	char **packs;          /* names of the loaded packs, in load order */
	size_t n_packs;
	uint32_t max_capture_pairs;
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

/* Compiles every pattern (PCRE2, JIT), builds the prefilter groups and
 * checks the rule set as a whole (unique ids, one category per report
 * name). Must be called once, after loading and before matching. */
enum pii_status pii_rules_compile(struct pii_ruleset *rs, char *err,
				  size_t errlen);

/* Frees the rule set and everything in it. NULL is safe. */
void pii_rules_free(struct pii_ruleset *rs);

/* A copy of pattern that a DFA regex engine (ripgrep's default) accepts:
 * lookaround assertions removed, escaped punctuation that such engines
 * reject written as \x{..}. It matches a superset of what the pattern
 * matches. For benchmarks (--export-patterns). malloc'd; NULL when out of
 * memory. */
char *pii_rule_pattern_simplified(const char *pattern);

/* Finds the folder of the shipped rule packs: $PIISCAN_RULES_DIR, else
 * next to the executable (../share/piiscan/rules, ../rules, ./rules).
 * Returns a malloc'd path or NULL. */
char *pii_rules_default_dir(void);

#endif
