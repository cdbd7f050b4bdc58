/*
 * match_db.h - the matcher's compiled form of a rule set: the PCRE2
 * codes and the prefilter tables. Built by match_compile.c, read by
 * match.c; private to them (and the tests that look inside). Writers and
 * extractors never see PCRE2.
 */
#ifndef PII_MATCH_DB_H
#define PII_MATCH_DB_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "pii_match.h"
#include "pii_rules.h"

/* A rule compiled, indexed like pii_ruleset.rules. */
struct pii_rule_code {
	pcre2_code *code;
	pcre2_code *code_at;  /* adjacent rules: the pattern held to its start
			       * offset (\G), tried once right after a word */
	bool jit, jit_at;     /* JIT-compiled: pcre2_jit_match may be used */
	bool has_first;       /* first[] holds the bytes a match may start with */
	uint8_t first[32];    /* (PCRE2's start bitmap, when it has one) */
	uint32_t min_length;  /* shortest possible match, from PCRE2 */
	unsigned group;       /* prefilter group */
	bool anchored;        /* runs only near its context words */
	bool hold;            /* a hold rule: runs only around other matches */
	int hs_id;            /* its pattern in Vectorscan's database, or -1 */
};

/* The longest prefilter seed, in bytes. */
#define PII_SEED_MAX 8

/* A set of bytes as up to 4 ranges [lo, hi]. */
struct pii_byte_ranges {
	unsigned char lo[4], hi[4];
	unsigned n;
};

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
	struct pii_byte_ranges trigger_ranges;
	/* A seed: byte classes every match holds in a row (seed_len of them,
	 * 0: none). Runs are then looked for around seeds, far rarer than
	 * trigger bytes ("NL91" against every digit). For SIMD (seed_simd:
	 * every class has at most 4 ranges), each class as ranges, and the
	 * order to test them in: the rarest in common text first. */
	unsigned seed_len;
	bool seed[PII_SEED_MAX][256];
	struct pii_byte_ranges seed_ranges[PII_SEED_MAX];
	unsigned char seed_order[PII_SEED_MAX];
	bool seed_simd;
	unsigned *rules; /* indexes into pii_ruleset.rules */
	size_t n_rules;
	uint32_t min_length; /* shortest match of any rule in the group */
	uint32_t min_triggers; /* fewest trigger bytes of any rule's match */
};

/* Rules that only count with a context word near them (require_context)
 * are run only around those words, found once per page: an 8-digit
 * number is everywhere, the word "BSN" is not. The rest run as others. */
#define PII_ANCHORED_MAX 128
#define PII_ANCHORED_WORDS (PII_ANCHORED_MAX / 64)

/* A set of anchored rules: rule k (of pii_match_db.anchored) is bit
 * k % 64 of w[k / 64]. */
struct pii_anchored_set {
	uint64_t w[PII_ANCHORED_WORDS];
};

static inline void pii_anchored_add(struct pii_anchored_set *s, unsigned k)
{
	s->w[k / 64] |= (uint64_t)1 << (k % 64);
}

/* A context word of a rule that requires context, and the rules it
 * belongs to. */
struct pii_anchor_word {
	const char *word; /* lower case; owned by the rule */
	struct pii_anchored_set rules;
};

/* Rules that report nothing (hold: true) run last, only around the other
 * rules' matches: at most this many. */
#define PII_HOLD_MAX 8

struct pii_match_db {
	struct pii_rule_code *code;
	struct pii_prefilter_group *groups;
	size_t n_groups;
	unsigned anchored[PII_ANCHORED_MAX]; /* indexes into rules */
	size_t n_anchored;
	unsigned hold[PII_HOLD_MAX]; /* indexes into rules */
	size_t n_hold;
	bool hold_span[PII_HOLD_MAX][256]; /* a hold rule's prefilter span */
	bool hold_spanned[PII_HOLD_MAX];   /* it has one */
	bool *hold_reports[PII_HOLD_MAX];  /* by report index: the kinds it holds */
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
	unsigned anchor_short_split; /* bit m: a word of m <= 3 bytes holds a
				      * byte that ends a word ("i.v") */
	bool anchor_letters;    /* every anchor word starts with a letter:
				 * a-z or a UTF-8 lead byte */
	bool anchor_utf8;       /* one starts with a UTF-8 lead byte ("über") */
	/* anchor_words sorted by first byte: those starting with byte c are
	 * [anchor_index[c], anchor_index[c + 1]) */
	uint16_t anchor_index[257];
	uint32_t max_capture_pairs;
	struct pii_hs *hs;   /* Vectorscan's database (match_hs.c), or NULL */
};

/* The first min(4, n) bytes of s folded by | 0x20 (A-Z onto a-z; any
 * other byte onto some byte, the same for text and word, so equal words
 * stay equal), the rest zero, as one number: what anchor_prefix_bits is
 * keyed by. */
static inline uint32_t pii_anchor_key(const unsigned char *s, size_t n)
{
	unsigned char b[4] = {0, 0, 0, 0};
	for (size_t i = 0; i < n && i < 4; i++)
		b[i] = s[i] | 0x20;
	uint32_t key;
	memcpy(&key, b, sizeof(key));
	return key;
}

/* The bit of anchor_prefix_bits for a key of n bytes. */
static inline unsigned pii_anchor_key_hash(uint32_t key, size_t n)
{
	return ((key + (uint32_t)n) * 2654435761u) >> 16;
}

/* Vectorscan (match_hs.c): the rules of a group that is `whole` (no
 * prefilter, no context words to run near) have their widened patterns
 * in one database per rule set, shared; each matcher scans a page with
 * its own scratch. Built without Vectorscan these do nothing. */
struct pii_hs;
struct pii_hs_scratch;

/* Builds db->hs for the rules of db that want it and sets every rule's
 * hs_id (-1: none). A pattern Vectorscan refuses keeps PCRE2 alone; db->hs
 * stays NULL when no rule has one. False (and err) only when out of
 * memory. */
bool pii_hs_build(struct pii_match_db *db, const struct pii_ruleset *rs, char *err,
		  size_t errlen);
void pii_hs_free(struct pii_hs *hs);

/* Patterns in the database: last_end of pii_hs_scan has as many. */
size_t pii_hs_count(const struct pii_hs *hs);

/* A matcher's scratch for hs; NULL when out of memory. */
struct pii_hs_scratch *pii_hs_scratch_new(const struct pii_hs *hs);
void pii_hs_scratch_free(struct pii_hs_scratch *s);

/* Scans text[0..len): last_end[k] is where the last stretch that may
 * match pattern k ends, 0 when none does. False when the scan failed
 * (then last_end says nothing). */
bool pii_hs_scan(const struct pii_hs *hs, struct pii_hs_scratch *s, const char *text,
		 size_t len, size_t *last_end);

/* "Vectorscan 5.4.9 for ...", or that the build has none. */
const char *pii_hs_describe(void);

/* Compiles the rules of rs (loaded, checked) into a database; NULL with
 * "file:line: what" in err on a pattern or prefilter error. */
struct pii_match_db *pii_match_db_build(const struct pii_ruleset *rs, char *err,
					size_t errlen);

void pii_match_db_free(struct pii_match_db *db, size_t n_rules);

#endif
