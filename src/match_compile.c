/*
 * match_compile.c - a rule set compiled for the matcher (match_db.h):
 * every pattern with PCRE2 (JIT where the platform has it), the rules
 * grouped by prefilter, and the words that rules needing context are
 * anchored on.
 */
#include "match_db.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Turns a character class written as a regex ("[0-9]", "@") into a byte
 * table: byte b is in it when the class matches the one-character text b.
 * Bytes from 0x80 up are in it when the class matches non-ASCII letters,
 * since they are the parts of such characters in UTF-8 text. */
static bool class_table(const char *cls, bool table[256], char *why, size_t whylen)
{
	int errcode;
	PCRE2_SIZE erroff;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)cls, PCRE2_ZERO_TERMINATED,
					 PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
					 &errcode, &erroff, NULL);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		snprintf(why, whylen, "'%s' at offset %zu: %s", cls, (size_t)erroff, msg);
		return false;
	}
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
	if (!md) {
		pcre2_code_free(code);
		snprintf(why, whylen, "out of memory");
		return false;
	}
	memset(table, 0, 256);
	for (int b = 0; b < 0x80; b++) {
		unsigned char s[1] = {(unsigned char)b};
		table[b] = pcre2_match(code, s, 1, 0, 0, md, NULL) >= 0;
	}
	static const char *const non_ascii[] = {"\xc3\xa9", "\xc3\x9f", "\xe2\x82\xac"};
	bool high = false;
	for (size_t i = 0; i < 3; i++)
		if (pcre2_match(code, (PCRE2_SPTR)non_ascii[i], strlen(non_ascii[i]),
				0, 0, md, NULL) >= 0)
			high = true;
	for (int b = 0x80; b < 0x100; b++)
		table[b] = high;
	pcre2_match_data_free(md);
	pcre2_code_free(code);
	return true;
}

static bool compile_rule(const struct pii_rule *r, struct pii_rule_code *rc, char *err,
			 size_t errlen)
{
	int errcode;
	PCRE2_SIZE erroff;
	/* A validator runs as a callout at the end of the pattern: when it
	 * rejects a candidate, PCRE2 backtracks and tries shorter ones, so
	 * "NL91 ABNA 0417 1643 00 EUR" still yields the IBAN without " EUR". */
	char *pattern = r->pattern;
	size_t plen = strlen(r->pattern);
	if (r->validate) {
		pattern = malloc(plen + 16);
		if (!pattern) {
			pii_set_error(err, errlen, "out of memory");
			return false;
		}
		snprintf(pattern, plen + 16, "(?:%s)(?C1)", r->pattern);
	}
	/* a hold rule's match must start at or before the match it holds
	 * (pcre2_set_offset_limit in match.c) */
	rc->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
				PCRE2_UTF | PCRE2_NEVER_BACKSLASH_C |
					(r->n_hold ? PCRE2_USE_OFFSET_LIMIT : 0),
				&errcode, &erroff, NULL);
	if (rc->code && r->context_position == PII_CONTEXT_ADJACENT) {
		/* \G: one attempt where the value must start, not a search */
		size_t alen = strlen(pattern) + 8;
		char *at = malloc(alen);
		if (at) {
			snprintf(at, alen, "\\G(?:%s)", pattern);
			rc->code_at = pcre2_compile((PCRE2_SPTR)at, PCRE2_ZERO_TERMINATED,
						   PCRE2_UTF | PCRE2_NEVER_BACKSLASH_C, &errcode,
						   &erroff, NULL);
			free(at);
		}
		if (!rc->code_at) {
			pcre2_code_free(rc->code);
			rc->code = NULL;
			pii_set_error(err, errlen, "%s: rule '%s': out of memory", r->source, r->id);
			if (pattern != r->pattern)
				free(pattern);
			return false;
		}
		/* the bytes a value may start with, to pass over a word whose
		 * next byte cannot ("833 ms\n2024-..." for "Ms Jansen") */
		const uint8_t *first = NULL;
		if (pcre2_pattern_info(rc->code, PCRE2_INFO_FIRSTBITMAP, &first) == 0 && first) {
			memcpy(rc->first, first, sizeof(rc->first));
			rc->has_first = true;
		}
		if (pcre2_jit_compile(rc->code_at, PCRE2_JIT_COMPLETE) == 0) {
			size_t jitsize = 0;
			pcre2_pattern_info(rc->code_at, PCRE2_INFO_JITSIZE, &jitsize);
			rc->jit_at = jitsize > 0;
		}
	}
	if (pattern != r->pattern)
		free(pattern);
	if (r->validate && !rc->code && erroff >= 3) {
		/* Point at the user's pattern, not our wrapper. */
		erroff -= 3;
	}
	if (!rc->code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		pii_set_error(err, errlen, "%s: rule '%s': pattern error at offset %zu: %s",
			r->source, r->id, (size_t)erroff, msg);
		return false;
	}
	/* Without JIT (e.g. a platform it does not support) PCRE2 falls back
	 * to its interpreter, which is slower but gives the same results. */
	if (pcre2_jit_compile(rc->code, PCRE2_JIT_COMPLETE) == 0) {
		size_t jitsize = 0;
		pcre2_pattern_info(rc->code, PCRE2_INFO_JITSIZE, &jitsize);
		rc->jit = jitsize > 0;
	}
	uint32_t minlen = 0;
	pcre2_pattern_info(rc->code, PCRE2_INFO_MINLENGTH, &minlen);
	rc->min_length = minlen;
	return true;
}

/* Describes the group's trigger table as byte ranges when it has at
 * most four ("0-9", "@", ":"): the matcher then finds triggers with SIMD. */
static void trigger_ranges(struct pii_prefilter_group *g)
{
	unsigned n = 0;
	for (int b = 0; b < 256; b++) {
		if (!g->trigger[b])
			continue;
		int e = b;
		while (e + 1 < 256 && g->trigger[e + 1])
			e++;
		if (n == 4) {
			g->n_trigger_ranges = 0;
			return;
		}
		g->trigger_lo[n] = (unsigned char)b;
		g->trigger_hi[n] = (unsigned char)e;
		n++;
		b = e;
	}
	g->n_trigger_ranges = n;
}

/* Makes rule i an anchored rule: its context words go into the table
 * the matcher searches each page for. */
static bool add_anchored(struct pii_match_db *db, const struct pii_ruleset *rs, unsigned i,
			 char *err, size_t errlen)
{
	const struct pii_rule *r = &rs->rules[i];
	unsigned k_rule = (unsigned)db->n_anchored;
	db->code[i].anchored = true;
	db->code[i].group = UINT_MAX;
	db->anchored[db->n_anchored++] = i;
	for (size_t k = 0; k < r->n_context; k++) {
		size_t w;
		for (w = 0; w < db->n_anchor_words; w++)
			if (!strcmp(db->anchor_words[w].word, r->context[k]))
				break;
		if (w == db->n_anchor_words) {
			struct pii_anchor_word *grown = realloc(
				db->anchor_words, (db->n_anchor_words + 1) * sizeof(*grown));
			if (!grown) {
				pii_set_error(err, errlen, "out of memory");
				return false;
			}
			db->anchor_words = grown;
			grown[w] = (struct pii_anchor_word){r->context[k], {{0}}};
			db->n_anchor_words++;
			db->anchor_first[(unsigned char)r->context[k][0]] = true;
		}
		pii_anchored_add(&db->anchor_words[w].rules, k_rule);
	}
	return true;
}

static int cmp_anchor_word(const void *a, const void *b)
{
	return strcmp(((const struct pii_anchor_word *)a)->word,
		      ((const struct pii_anchor_word *)b)->word);
}

/* Notes that an anchor word may start with the bytes first, second. */
static void add_anchor_pair(struct pii_match_db *db, unsigned first, unsigned second)
{
	unsigned pair = first << 8 | second;
	db->anchor_pair_bits[pair >> 3] |= (uint8_t)(1u << (pair & 7));
}

/* Sorts the anchor words and indexes them by first byte. */
static void index_anchor_words(struct pii_match_db *db)
{
	if (db->n_anchor_words)
		qsort(db->anchor_words, db->n_anchor_words, sizeof(*db->anchor_words),
		      cmp_anchor_word);
	size_t w = 0;
	for (int c = 0; c < 256; c++) {
		db->anchor_index[c] = (uint16_t)w;
		while (w < db->n_anchor_words && (unsigned char)db->anchor_words[w].word[0] == c)
			w++;
	}
	db->anchor_index[256] = (uint16_t)w;
	memset(db->anchor_pair_bits, 0, sizeof(db->anchor_pair_bits));
	memset(db->anchor_prefix_bits, 0, sizeof(db->anchor_prefix_bits));
	db->anchor_letters = true;
	db->anchor_utf8 = false;
	db->anchor_short_split = 0;
	for (w = 0; w < db->n_anchor_words; w++) {
		const unsigned char *word = (const unsigned char *)db->anchor_words[w].word;
		size_t wl = strlen((const char *)word);
		size_t kl = wl < 4 ? wl : 4;
		for (size_t k = 0; wl <= 3 && k < wl; k++)
			if (word[k] < 0x80 && !isalnum(word[k]))
				db->anchor_short_split |= 1u << wl;
		unsigned h = pii_anchor_key_hash(pii_anchor_key(word, kl), kl);
		db->anchor_prefix_bits[h >> 3] |= (uint8_t)(1u << (h & 7));
		if (word[0] >= 0xC0)
			db->anchor_utf8 = true;
		else if (word[0] < 'a' || word[0] > 'z')
			db->anchor_letters = false;
		if (word[1])
			add_anchor_pair(db, word[0], word[1]);
		else /* a word of one letter ("m" of "M. Dupont") is followed
		      * by any byte that is no letter, digit or UTF-8 */
			for (unsigned second = 0; second < 0x80; second++)
				if (!isalnum((int)second))
					add_anchor_pair(db, word[0], second);
	}
	db->n_anchor_pairs = 0;
	for (w = 0; w < db->n_anchor_words; w++) {
		const unsigned char *word = (const unsigned char *)db->anchor_words[w].word;
		if (word[0] < 'a' || word[0] > 'z' || word[1] < 'a' || word[1] > 'z' ||
		    db->n_anchor_pairs == 16) {
			db->n_anchor_pairs = 0;
			return;
		}
		unsigned k;
		for (k = 0; k < db->n_anchor_pairs; k++)
			if (db->anchor_pairs[k][0] == word[0] && db->anchor_pairs[k][1] == word[1])
				break;
		if (k == db->n_anchor_pairs) {
			db->anchor_pairs[k][0] = word[0];
			db->anchor_pairs[k][1] = word[1];
			db->n_anchor_pairs++;
		}
	}
}

/* True when every byte of a's span is in b's span. */
static bool span_within(const struct pii_prefilter_group *a,
			const struct pii_prefilter_group *b)
{
	for (int c = 0; c < 256; c++)
		if (a->span[c] && !b->span[c])
			return false;
	return true;
}

/* A group whose span lies within the span of another group with the same
 * triggers joins that group: its rules' matches lie within the bigger
 * group's runs just as well, and one run costs less to find than two.
 * (The rules keep their own min_triggers and checks.) */
static bool absorb_groups(struct pii_match_db *db, char *err, size_t errlen)
{
	for (size_t a = 0; a < db->n_groups; a++) {
		struct pii_prefilter_group *ga = &db->groups[a];
		if (ga->whole || !ga->n_rules)
			continue;
		for (size_t b = 0; b < db->n_groups; b++) {
			struct pii_prefilter_group *gb = &db->groups[b];
			if (b == a || gb->whole || !gb->n_rules ||
			    memcmp(ga->trigger, gb->trigger, 256) || !span_within(ga, gb))
				continue;
			/* Equal spans would be one group already; a strict subset
			 * joins the superset. */
			unsigned *grown = realloc(gb->rules, (gb->n_rules + ga->n_rules) * sizeof(unsigned));
			if (!grown) {
				pii_set_error(err, errlen, "out of memory");
				return false;
			}
			gb->rules = grown;
			for (size_t i = 0; i < ga->n_rules; i++) {
				gb->rules[gb->n_rules++] = ga->rules[i];
				db->code[ga->rules[i]].group = (unsigned)b;
			}
			if (ga->min_length < gb->min_length)
				gb->min_length = ga->min_length;
			if (ga->min_triggers < gb->min_triggers)
				gb->min_triggers = ga->min_triggers;
			ga->n_rules = 0;
			break;
		}
	}
	return true;
}

/* The group of rules with the same prefilter as r (a new one if none). */
static int find_or_add_group(struct pii_match_db *db, const struct pii_rule *r,
			     char *err, size_t errlen)
{
	bool span[256], trigger[256];
	bool whole = !r->trigger;
	if (!whole) {
		char why[300];
		if (!class_table(r->trigger, trigger, why, sizeof(why)) ||
		    !class_table(r->span, span, why, sizeof(why))) {
			pii_set_error(err, errlen, "%s: rule '%s': prefilter %s", r->source,
				r->id, why);
			return -1;
		}
		for (int b = 0; b < 256; b++)
			if (trigger[b] && !span[b]) {
				pii_set_error(err, errlen,
					"%s: rule '%s': prefilter trigger bytes must be part "
					"of its span",
					r->source, r->id);
				return -1;
			}
	}
	for (size_t g = 0; g < db->n_groups; g++) {
		struct pii_prefilter_group *grp = &db->groups[g];
		if (grp->whole && whole)
			return (int)g;
		if (!grp->whole && !whole && !memcmp(grp->span, span, 256) &&
		    !memcmp(grp->trigger, trigger, 256))
			return (int)g;
	}
	struct pii_prefilter_group *grown =
		realloc(db->groups, (db->n_groups + 1) * sizeof(*grown));
	if (!grown) {
		pii_set_error(err, errlen, "out of memory");
		return -1;
	}
	db->groups = grown;
	struct pii_prefilter_group *grp = &db->groups[db->n_groups];
	memset(grp, 0, sizeof(*grp));
	grp->whole = whole;
	if (!whole) {
		memcpy(grp->span, span, 256);
		memcpy(grp->trigger, trigger, 256);
		trigger_ranges(grp);
	}
	grp->min_length = UINT32_MAX;
	grp->min_triggers = UINT32_MAX;
	return (int)db->n_groups++;
}

void pii_match_db_free(struct pii_match_db *db, size_t n_rules)
{
	if (!db)
		return;
	for (size_t i = 0; db->code && i < n_rules; i++) {
		pcre2_code_free(db->code[i].code);
		pcre2_code_free(db->code[i].code_at);
	}
	free(db->code);
	for (size_t i = 0; i < db->n_groups; i++)
		free(db->groups[i].rules);
	free(db->groups);
	for (size_t h = 0; h < db->n_hold; h++)
		free(db->hold_reports[h]);
	free(db->anchor_words);
	pii_hs_free(db->hs);
	free(db);
}

/* Puts rule i into the group of its prefilter. */
static bool join_group(struct pii_match_db *db, const struct pii_rule *r, unsigned i,
		       char *err, size_t errlen)
{
	int g = find_or_add_group(db, r, err, errlen);
	if (g < 0)
		return false;
	db->code[i].group = (unsigned)g;
	struct pii_prefilter_group *grp = &db->groups[g];
	unsigned *grown = realloc(grp->rules, (grp->n_rules + 1) * sizeof(unsigned));
	if (!grown) {
		pii_set_error(err, errlen, "out of memory");
		return false;
	}
	grp->rules = grown;
	grp->rules[grp->n_rules++] = i;
	if (db->code[i].min_length < grp->min_length)
		grp->min_length = db->code[i].min_length;
	uint32_t triggers = r->min_triggers ? r->min_triggers : 1;
	if (triggers < grp->min_triggers)
		grp->min_triggers = triggers;
	return true;
}

/* For each hold rule, the report names whose matches it holds: those
 * its list names, and those of a category it names. */
static bool hold_kinds(struct pii_match_db *db, const struct pii_ruleset *rs, char *err,
		       size_t errlen)
{
	for (size_t h = 0; h < db->n_hold; h++) {
		const struct pii_rule *r = &rs->rules[db->hold[h]];
		db->hold_reports[h] = calloc(rs->n_reports ? rs->n_reports : 1, sizeof(bool));
		if (!db->hold_reports[h]) {
			pii_set_error(err, errlen, "out of memory");
			return false;
		}
		for (size_t i = 0; i < rs->n_reports; i++)
			for (size_t k = 0; k < r->n_hold; k++)
				if (!strcmp(r->hold[k], rs->reports[i].name) ||
				    !strcmp(r->hold[k], rs->reports[i].category))
					db->hold_reports[h][i] = true;
	}
	return true;
}

struct pii_match_db *pii_match_db_build(const struct pii_ruleset *rs, char *err,
					size_t errlen)
{
	struct pii_match_db *db = calloc(1, sizeof(*db));
	if (db)
		db->code = calloc(rs->n_rules ? rs->n_rules : 1, sizeof(*db->code));
	if (!db || !db->code) {
		free(db);
		pii_set_error(err, errlen, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct pii_rule *r = &rs->rules[i];
		if (!compile_rule(r, &db->code[i], err, errlen))
			goto fail;
		uint32_t pairs = 0;
		pcre2_pattern_info(db->code[i].code, PCRE2_INFO_CAPTURECOUNT, &pairs);
		if (pairs + 1 > db->max_capture_pairs)
			db->max_capture_pairs = pairs + 1;
		/* A hold rule is in no group: it runs around the others'
		 * matches (match.c, hold_matches); its span, if it has one,
		 * bounds where. */
		if (r->n_hold) {
			if (db->n_hold == PII_HOLD_MAX) {
				pii_set_error(err, errlen, "%s: rule '%s': more than %d hold rules",
					      r->source, r->id, PII_HOLD_MAX);
				goto fail;
			}
			db->code[i].hold = true;
			db->code[i].group = UINT_MAX;
			if (r->span) {
				char why[300];
				if (!class_table(r->span, db->hold_span[db->n_hold], why, sizeof(why))) {
					pii_set_error(err, errlen, "%s: rule '%s': prefilter %s",
						      r->source, r->id, why);
					goto fail;
				}
				db->hold_spanned[db->n_hold] = true;
			}
			db->hold[db->n_hold++] = (unsigned)i;
			continue;
		}
		/* Past PII_ANCHORED_MAX, a rule that needs context runs like any
		 * other, its matches judged by their context afterwards. */
		bool anchor = r->require_context && r->n_context && !rs->no_anchoring &&
			      db->n_anchored < PII_ANCHORED_MAX;
		if (anchor ? !add_anchored(db, rs, (unsigned)i, err, errlen)
			   : !join_group(db, r, (unsigned)i, err, errlen))
			goto fail;
	}
	if (!absorb_groups(db, err, errlen) || !hold_kinds(db, rs, err, errlen) ||
	    !pii_hs_build(db, rs, err, errlen))
		goto fail;
	index_anchor_words(db);
	return db;
fail:
	pii_match_db_free(db, rs->n_rules);
	return NULL;
}
