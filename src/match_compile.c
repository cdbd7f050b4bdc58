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

/* A byte table as up to 4 ranges of bytes ("0-9", "@", ":"), so that the
 * matcher can look for its bytes 16 at a time; 0 when it needs more. */
static unsigned byte_ranges(const bool table[256], unsigned char lo[4], unsigned char hi[4])
{
	unsigned n = 0;
	for (int b = 0; b < 256; b++) {
		if (!table[b])
			continue;
		int e = b;
		while (e + 1 < 256 && table[e + 1])
			e++;
		if (n == 4)
			return 0;
		lo[n] = (unsigned char)b;
		hi[n] = (unsigned char)e;
		n++;
		b = e;
	}
	return n;
}

/* Reads a prefilter seed ("[A-Z]{2}[0-9]{2}", "[0-9][.][0-9]"): byte
 * classes in a row, each a regex class "[...]", an escape ("\d") or one
 * ASCII byte, with an optional repeat "{n}"; at most PII_SEED_MAX bytes. */
static bool seed_tables(const char *seed, bool tables[PII_SEED_MAX][256], unsigned *len,
			char *why, size_t whylen)
{
	unsigned n = 0;
	const char *p = seed;
	while (*p) {
		const char *atom = p;
		if (*p == '[') {
			p++;
			if (*p == '^')
				p++;
			if (*p == ']')
				p++;
			while (*p && *p != ']')
				p += p[0] == '\\' && p[1] ? 2 : 1;
			if (!*p) {
				snprintf(why, whylen, "seed '%s': a class without its ']'", seed);
				return false;
			}
			p++;
		} else if (*p == '\\' && p[1]) {
			p += 2;
		} else if ((unsigned char)*p < 0x80 && *p != '{') {
			p++;
		} else {
			snprintf(why, whylen, "seed '%s': '%c' is no byte class", seed, *p);
			return false;
		}
		char cls[128];
		size_t cls_len = (size_t)(p - atom);
		if (cls_len >= sizeof(cls)) {
			snprintf(why, whylen, "seed '%s': a class is too long", seed);
			return false;
		}
		memcpy(cls, atom, cls_len);
		cls[cls_len] = '\0';
		unsigned long repeat = 1;
		if (*p == '{') {
			char *end = NULL;
			repeat = strtoul(p + 1, &end, 10);
			if (*end != '}' || repeat < 1) {
				snprintf(why, whylen, "seed '%s': a repeat must be {n}, n >= 1", seed);
				return false;
			}
			p = end + 1;
		}
		if (repeat > PII_SEED_MAX - n) {
			snprintf(why, whylen, "seed '%s' is longer than %d bytes", seed, PII_SEED_MAX);
			return false;
		}
		bool table[256];
		if (!class_table(cls, table, why, whylen))
			return false;
		while (repeat--)
			memcpy(tables[n++], table, 256);
	}
	if (!n) {
		snprintf(why, whylen, "seed is empty");
		return false;
	}
	*len = n;
	return true;
}

/* Whether groups a and b look for their runs from the same seed (or
 * both from their trigger bytes). */
static bool same_seed(const struct pii_prefilter_group *a, const struct pii_prefilter_group *b)
{
	return a->seed_len == b->seed_len && !memcmp(a->seed, b->seed, a->seed_len * 256);
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
 * triggers and seed joins that group: its rules' matches lie within the bigger
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
			    memcmp(ga->trigger, gb->trigger, 256) || !same_seed(ga, gb) ||
			    !span_within(ga, gb))
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

/* About how many in 10,000 bytes of common text (prose, logs, exports)
 * are in a class: a rough table, only good for telling a rare class
 * ("[A-Z]", "(") from a common one ("[a-z]", " ", digits). */
static unsigned class_share(const bool table[256])
{
	unsigned share = 0;
	for (int b = 0; b < 256; b++) {
		if (!table[b])
			continue;
		if (b == ' ')
			share += 1500;
		else if (b >= 'a' && b <= 'z')
			share += 250;
		else if (b >= '0' && b <= '9')
			share += 150;
		else if (b == '\n' || b == '.' || b == ',' || b == '-' || b == ':' || b == '/')
			share += 100;
		else if (b >= 'A' && b <= 'Z')
			share += 12;
		else if (b >= 0x80)
			share += 4;
		else
			share += 8;
	}
	return share;
}

/* Fills g's span, trigger and seed tables from r's prefilter. */
static bool prefilter_tables(const struct pii_rule *r, struct pii_prefilter_group *g, char *err,
			     size_t errlen)
{
	char why[300];
	if (!class_table(r->trigger, g->trigger, why, sizeof(why)) ||
	    !class_table(r->span, g->span, why, sizeof(why)) ||
	    (r->seed && !seed_tables(r->seed, g->seed, &g->seed_len, why, sizeof(why)))) {
		pii_set_error(err, errlen, "%s: rule '%s': prefilter %s", r->source, r->id, why);
		return false;
	}
	/* a run is made of span bytes: what it is found by must be some */
	for (int b = 0; b < 256; b++) {
		bool in_seed = false;
		for (unsigned k = 0; k < g->seed_len; k++)
			in_seed |= g->seed[k][b];
		if ((g->trigger[b] || in_seed) && !g->span[b]) {
			pii_set_error(err, errlen,
				"%s: rule '%s': prefilter %s bytes must be part of its span",
				r->source, r->id, g->trigger[b] ? "trigger" : "seed");
			return false;
		}
	}
	g->trigger_ranges.n = byte_ranges(g->trigger, g->trigger_ranges.lo, g->trigger_ranges.hi);
	g->seed_simd = true;
	for (unsigned k = 0; k < g->seed_len; k++) {
		struct pii_byte_ranges *cls = &g->seed_ranges[k];
		cls->n = byte_ranges(g->seed[k], cls->lo, cls->hi);
		g->seed_simd &= cls->n > 0;
		g->seed_order[k] = (unsigned char)k;
	}
	/* rarest first, so that most blocks of text are passed over after
	 * one test (insertion sort: at most 8) */
	for (unsigned k = 1; k < g->seed_len; k++)
		for (unsigned j = k; j > 0 && class_share(g->seed[g->seed_order[j]]) <
						    class_share(g->seed[g->seed_order[j - 1]]);
		     j--) {
			unsigned char t = g->seed_order[j];
			g->seed_order[j] = g->seed_order[j - 1];
			g->seed_order[j - 1] = t;
		}
	return true;
}

/* The group of rules with the same prefilter as r (a new one if none). */
static int find_or_add_group(struct pii_match_db *db, const struct pii_rule *r,
			     char *err, size_t errlen)
{
	/* a new group as r's prefilter makes it, compared with the others */
	struct pii_prefilter_group *want = calloc(1, sizeof(*want));
	if (!want) {
		pii_set_error(err, errlen, "out of memory");
		return -1;
	}
	want->whole = !r->trigger;
	if (!want->whole && !prefilter_tables(r, want, err, errlen)) {
		free(want);
		return -1;
	}
	for (size_t g = 0; g < db->n_groups; g++) {
		struct pii_prefilter_group *grp = &db->groups[g];
		if ((grp->whole && want->whole) ||
		    (!grp->whole && !want->whole && !memcmp(grp->span, want->span, 256) &&
		     !memcmp(grp->trigger, want->trigger, 256) && same_seed(grp, want))) {
			free(want);
			return (int)g;
		}
	}
	struct pii_prefilter_group *grown =
		realloc(db->groups, (db->n_groups + 1) * sizeof(*grown));
	if (!grown) {
		free(want);
		pii_set_error(err, errlen, "out of memory");
		return -1;
	}
	db->groups = grown;
	want->min_length = UINT32_MAX;
	want->min_triggers = UINT32_MAX;
	db->groups[db->n_groups] = *want;
	free(want);
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
