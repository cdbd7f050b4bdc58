/*
 * match.c - the matcher.
 *
 * Most text holds no personal data, so the matcher first looks for the
 * bytes a match cannot do without (a rule group's trigger bytes: '@' for
 * e-mail, digits for numbers) and runs PCRE2 only on the run of span bytes
 * around each one, never over the whole text. Each run is handled once per
 * group, however many triggers it holds.
 */
#include "pii_match.h"

#include "match_db.h"
#include "pii_prose.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "pii_limits.h"

/* Labels (column names) remembered with the anchored rules whose
 * context words they hold: a table's cells come one by one, each under
 * its column's name, and looking for every rule's words in the name
 * again for each cell took a third of the time on an SQLite database.
 * Slots by the label's hash; a longer label is looked at every time. */
#define LABEL_SLOTS 64
#define LABEL_LEN_MAX 63

struct label_slot {
	char label[LABEL_LEN_MAX + 1]; /* "" when empty */
	struct pii_anchored_set rules; /* the anchored rules with a word in it */
};

struct pii_matcher {
	const struct pii_ruleset *rs;
	const struct pii_match_db *db;
	bool technical;       /* the text being matched is technical */
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit_stack;
	struct pii_match *matches;
	size_t n_matches, cap_matches;
	uint64_t limit_hits;
	struct label_slot labels[LABEL_SLOTS];
	struct pii_hs_scratch *hs; /* with db->hs: Vectorscan's scratch */
	size_t *hs_last;           /* and where each pattern's last candidate ends */
};

static void init_tables(void);

struct pii_matcher *pii_matcher_new(const struct pii_ruleset *rs)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, init_tables);
	struct pii_matcher *m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	m->rs = rs;
	m->db = rs->db;
	m->md = pcre2_match_data_create(rs->db->max_capture_pairs ? rs->db->max_capture_pairs : 1,
					NULL);
	m->mctx = pcre2_match_context_create(NULL);
	m->jit_stack = pcre2_jit_stack_create(PII_JIT_STACK_START, PII_JIT_STACK_MAX, NULL);
	if (rs->db->hs) {
		m->hs = pii_hs_scratch_new(rs->db->hs);
		m->hs_last = calloc(pii_hs_count(rs->db->hs), sizeof(*m->hs_last));
	}
	if (!m->md || !m->mctx || !m->jit_stack || (rs->db->hs && (!m->hs || !m->hs_last))) {
		pii_matcher_free(m);
		return NULL;
	}
	pcre2_set_match_limit(m->mctx, PII_PCRE2_MATCH_LIMIT);
	pcre2_set_depth_limit(m->mctx, PII_PCRE2_DEPTH_LIMIT);
	pcre2_jit_stack_assign(m->mctx, NULL, m->jit_stack);
	return m;
}

void pii_matcher_free(struct pii_matcher *m)
{
	if (!m)
		return;
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mctx);
	pcre2_jit_stack_free(m->jit_stack);
	pii_hs_scratch_free(m->hs);
	free(m->hs_last);
	free(m->matches);
	free(m);
}

uint64_t pii_matcher_limit_hits(const struct pii_matcher *m)
{
	return m->limit_hits;
}

const char *pii_matcher_prefilter(void)
{
	return pii_hs_describe();
}

/* ---- context words ------------------------------------------------------------- */

static unsigned char lower_of[256];
static bool word_byte[256]; /* letters, digits, and bytes of UTF-8 characters */
static uint32_t prefix_mask[5]; /* keeps the first m bytes of a loaded key */

static void init_tables(void)
{
	for (int c = 0; c < 256; c++) {
		lower_of[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		word_byte[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
			       (c >= 'A' && c <= 'Z') || c >= 0x80;
	}
	for (size_t m = 0; m <= 4; m++) {
		unsigned char b[4] = {0, 0, 0, 0};
		memset(b, 0xFF, m);
		memcpy(&prefix_mask[m], b, sizeof(prefix_mask[m]));
	}
}

/* True when one of the words (lower case; first[] holds their first
 * bytes) starts in t[a..b) and ends by b, ignoring case, at the start of
 * a word: "telefoon" in "Telefoongesprek" (Dutch glues words together),
 * not in "autotelefoon". Words of three letters or less must stand
 * alone: "ip" is not in "iPhone", "tel" not in "telling". Word edges are
 * judged on the whole text t[0..len), not on the window, so that the
 * answer does not depend on where the window is cut. Most bytes are
 * passed over after one table lookup. */
static bool has_any_word(const unsigned char *t, size_t len, size_t a, size_t b,
			 char *const *words, size_t n_words, const bool *first)
{
	for (size_t i = a; i < b; i++) {
		unsigned char c = lower_of[t[i]];
		if (!first[c] || (i > 0 && word_byte[t[i - 1]]))
			continue;
		for (size_t k = 0; k < n_words; k++) {
			const char *w = words[k];
			if ((unsigned char)w[0] != c)
				continue;
			size_t j = 1;
			while (w[j] && i + j < b && lower_of[t[i + j]] == (unsigned char)w[j])
				j++;
			if (w[j])
				continue;
			if (j > 3 || i + j == len || !word_byte[t[i + j]])
				return true;
		}
	}
	return false;
}

/* True when one of words occurs within `window` bytes before or after
 * text[start..end), or in label. */
static bool near_words(char *const *words, size_t n_words, const bool *first,
		       const char *text, size_t len, size_t start, size_t end,
		       const char *label, size_t window)
{
	if (!n_words)
		return false;
	const unsigned char *u = (const unsigned char *)text;
	size_t nb = start > window ? window : start;
	size_t na = len - end > window ? window : len - end;
	return has_any_word(u, len, start - nb, start, words, n_words, first) ||
	       has_any_word(u, len, end, end + na, words, n_words, first) ||
	       (label && has_any_word((const unsigned char *)label, strlen(label), 0,
				      strlen(label), words, n_words, first));
}

/* True when the word or words right before text[start] (past spaces and
 * punctuation such as ": ", at most one line break) are one of words,
 * whole: "Naam: Jan", "Geachte heer Jansen", not "naamloos Jan" nor a
 * label two lines up. */
static bool word_before(char *const *words, size_t n_words, const char *text, size_t start)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t p = start;
	unsigned breaks = 0;
	while (p > 0 && !word_byte[u[p - 1]]) {
		unsigned char c = u[p - 1];
		if (c == '\n' && ++breaks > 1)
			return false;
		if (!strchr(" \t\r\n:.,;=-\"'(", c))
			return false;
		if (start - p > 8)
			return false;
		p--;
	}
	for (size_t k = 0; k < n_words; k++) {
		size_t wl = strlen(words[k]);
		if (wl > p)
			continue;
		size_t q = p - wl;
		if (q > 0 && word_byte[u[q - 1]])
			continue;
		size_t j = 0;
		while (j < wl && lower_of[u[q + j]] == (unsigned char)words[k][j])
			j++;
		if (j == wl)
			return true;
	}
	return false;
}

/* ---- one candidate ---------------------------------------------------------- */

static bool push_match(struct pii_matcher *m, const struct pii_rule *r,
		       size_t start, size_t end, enum pii_confidence conf)
{
	if (m->n_matches == m->cap_matches) {
		size_t cap = m->cap_matches ? m->cap_matches * 2 : 64;
		struct pii_match *grown = realloc(m->matches, cap * sizeof(*grown));
		if (!grown)
			return false;
		m->matches = grown;
		m->cap_matches = cap;
	}
	m->matches[m->n_matches++] = (struct pii_match){r, start, end, conf};
	return true;
}

/* Decides whether the regex match text[start..end) is a finding, and with
 * which confidence; NONE when it is not. */
static enum pii_confidence judge(const struct pii_matcher *m, const struct pii_rule *r,
				 const char *text, size_t len, size_t start, size_t end,
				 const char *label)
{
	if (r->prose && (m->technical || !pii_in_prose(text, len, start, end)))
		return PII_CONF_NONE;
	/* The validator already ran, as a callout inside the match. Without
	 * anti-context, a rule that is sure of itself needs no context. */
	if (r->confidence == PII_CONF_HIGH && !r->n_anti_context)
		return PII_CONF_HIGH;
	/* A column named "ordernummer" says it as well as the words beside. */
	if (near_words(r->anti_context, r->n_anti_context, r->anti_context_first, text,
		       len, start, end, label, PII_ANTI_CONTEXT_WINDOW))
		return PII_CONF_NONE;
	bool context;
	switch (r->context_position) {
	case PII_CONTEXT_ADJACENT:
		context = word_before(r->context, r->n_context, text, start) ||
			  near_words(r->context, r->n_context, r->context_first, "", 0, 0, 0,
				     label, 0);
		break;
	case PII_CONTEXT_BEFORE:
		context = near_words(r->context, r->n_context, r->context_first, text, start,
				     start, start, label, r->context_window);
		break;
	case PII_CONTEXT_INSIDE:
		context = has_any_word((const unsigned char *)text, end, start, end, r->context,
				       r->n_context, r->context_first);
		break;
	default:
		context = near_words(r->context, r->n_context, r->context_first, text, len,
				     start, end, label, r->context_window);
	}
	if (context)
		return PII_CONF_HIGH;
	if (r->require_context)
		return PII_CONF_NONE;
	return r->confidence;
}

static size_t next_char(const char *text, size_t len, size_t pos)
{
	pos++;
	while (pos < len && ((unsigned char)text[pos] & 0xC0) == 0x80)
		pos++;
	return pos;
}

/* The callout (?C1) that ends the pattern of every rule with a validator:
 * a non-zero return makes PCRE2 backtrack and look for another match. */
static int validate_callout(pcre2_callout_block *cb, void *data)
{
	const struct pii_rule *r = data;
	struct pii_canon canon;
	const char *s = (const char *)cb->subject + cb->start_match;
	size_t n = cb->current_position - cb->start_match;
	return r->validate(s, n, &canon) ? 0 : 1;
}

/* Runs rule r over text[start..stop) (matches must start before stop),
 * with text[0..sublen) visible to the regex. No match ends after `until`
 * (Vectorscan's last candidate; SIZE_MAX: not known): from there on
 * PCRE2 would find nothing, and is not asked. */
static bool run_rule(struct pii_matcher *m, const struct pii_rule *r,
		     const char *text, size_t len, size_t sublen, size_t start,
		     size_t stop, size_t from, size_t to, const char *label, size_t until)
{
	size_t pos = start;
	const struct pii_rule_code *rc_ = &m->db->code[r - m->rs->rules];
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
	pcre2_set_callout(m->mctx, r->validate ? validate_callout : NULL, (void *)r);
	while (pos < stop && pos < until) {
		/* pcre2_jit_match skips pcre2_match's checks of its arguments,
		 * which ours pass by construction: valid UTF-8, offsets in range. */
		int rc = rc_->jit ? pcre2_jit_match(rc_->code, (PCRE2_SPTR)text, sublen, pos,
						    PCRE2_NO_UTF_CHECK, m->md, m->mctx)
				  : pcre2_match(rc_->code, (PCRE2_SPTR)text, sublen, pos,
					      PCRE2_NO_UTF_CHECK, m->md, m->mctx);
		if (rc == PCRE2_ERROR_NOMATCH)
			break;
		if (rc < 0) {
			/* Match, depth or JIT stack limit: give up on this run for
			 * this rule rather than let one input stall the scan. */
			m->limit_hits++;
			break;
		}
		size_t ms = ov[0], me = ov[1];
		if (ms >= stop)
			break;
		if (me <= ms) {
			pos = next_char(text, len, ms);
			continue;
		}
		/* A match outside [from, to) is not ours to report, but it is
		 * judged all the same, so that the search goes on from where the
		 * neighbouring page's went: else the tail of a value reported
		 * by the previous page ("devries@kpn.nl" of "jan.devries@kpn.nl")
		 * would be found again here. */
		enum pii_confidence conf = judge(m, r, text, len, ms, me, label);
		if (conf != PII_CONF_NONE) {
			if (ms >= from && ms < to && !push_match(m, r, ms, me, conf))
				return false;
			pos = me;
		} else {
			/* A rejected candidate may hide a valid shorter one. */
			pos = next_char(text, len, ms);
		}
	}
	return true;
}

/* A set of at most 4 byte ranges made ready to test 16 bytes at once
 * (once per page and group, not once per run). */
struct class_vec {
#ifdef __SSE2__
	__m128i lo[4], width[4];
#endif
	unsigned n; /* ranges; 0: more than 4 (or no SIMD), use the table */
};

static void class_vec_init(struct class_vec *cv, const struct pii_byte_ranges *r)
{
	cv->n = 0;
#ifdef __SSE2__
	cv->n = r->n;
	for (unsigned k = 0; k < r->n; k++) {
		cv->lo[k] = _mm_set1_epi8((char)r->lo[k]);
		cv->width[k] = _mm_set1_epi8((char)(r->hi[k] - r->lo[k]));
	}
#else
	(void)r;
#endif
}

#ifdef __SSE2__
/* Bit i: whether byte i of v is in the class. */
static inline unsigned class_vec_mask(const struct class_vec *cv, __m128i v)
{
	__m128i hit = _mm_setzero_si128();
	for (unsigned k = 0; k < cv->n; k++) {
		/* v - lo <= hi - lo, unsigned: v in [lo, hi] */
		__m128i d = _mm_sub_epi8(v, cv->lo[k]);
		hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_min_epu8(d, cv->width[k]), d));
	}
	return (unsigned)_mm_movemask_epi8(hit);
}

static inline __m128i load16(const unsigned char *u)
{
	return _mm_loadu_si128((const __m128i *)u);
}
#endif

/* A group's classes made ready for SIMD, for one page. */
struct run_finder {
	struct class_vec trigger, seed[PII_SEED_MAX];
};

static void run_finder_init(struct run_finder *f, const struct pii_prefilter_group *g)
{
	class_vec_init(&f->trigger, &g->trigger_ranges);
	for (unsigned j = 0; j < g->seed_len; j++)
		class_vec_init(&f->seed[j], &g->seed_ranges[j]);
}

/* Index of the first trigger byte of group g in u[p..len), or len. Trigger
 * sets of a few byte ranges (digits, '@') are searched 16 bytes at a
 * time: most text holds few of them, and this is the matcher's inner
 * loop. */
static size_t find_trigger(const struct pii_prefilter_group *g, const struct run_finder *f,
			   const unsigned char *u, size_t p, size_t len)
{
#ifdef __SSE2__
	if (f->trigger.n)
		for (; p + 16 <= len; p += 16) {
			unsigned mask = class_vec_mask(&f->trigger, load16(u + p));
			if (mask)
				return p + (size_t)__builtin_ctz(mask);
		}
#endif
	while (p < len && !g->trigger[u[p]])
		p++;
	return p;
}

/* Index of the first seed of group g (its seed_len byte classes in a
 * row) that starts in u[p..len), or len. With SIMD, 16 starts at a time:
 * the rarest class alone, as find_trigger does, and the others only in
 * the blocks where it is. */
static size_t find_seed(const struct pii_prefilter_group *g, const struct run_finder *f,
			const unsigned char *u, size_t p, size_t len)
{
	unsigned k = g->seed_len;
#ifdef __SSE2__
	if (g->seed_simd) {
		unsigned rare = g->seed_order[0];
		for (; p + 16 + k - 1 <= len; p += 16) {
			unsigned mask = class_vec_mask(&f->seed[rare], load16(u + p + rare));
			for (unsigned i = 1; i < k && mask; i++) {
				unsigned j = g->seed_order[i];
				mask &= class_vec_mask(&f->seed[j], load16(u + p + j));
			}
			if (mask)
				return p + (size_t)__builtin_ctz(mask);
		}
	}
#endif
	for (; p + k <= len; p++) {
		unsigned j = 0;
		while (j < k && g->seed[j][u[p + j]])
			j++;
		if (j == k)
			return p;
	}
	return len;
}

/* Bytes past the end of a run that lookahead assertions may look at. */
#define LOOKAHEAD 8

/* Where the regex's view of the text ends for a run ending at e: a few
 * bytes on, for lookahead, on a character boundary. */
static size_t subject_end(const char *text, size_t len, size_t e)
{
	size_t sublen = e + LOOKAHEAD < len ? e + LOOKAHEAD : len;
	while (sublen < len && ((unsigned char)text[sublen] & 0xC0) == 0x80)
		sublen++;
	return sublen;
}

static bool run_group_on_run(struct pii_matcher *m,
			     const struct pii_prefilter_group *g, const char *text,
			     size_t len, size_t s, size_t e, uint32_t triggers,
			     size_t from, size_t to, const char *label)
{
	size_t sublen = subject_end(text, len, e);
	struct pii_run_profile profile;
	bool profiled = false; /* made once, for the first rule with a check */
	for (size_t i = 0; i < g->n_rules; i++) {
		const struct pii_rule *r = &m->rs->rules[g->rules[i]];
		if (m->db->code[g->rules[i]].min_length > e - s || r->min_triggers > triggers)
			continue;
		if (r->check && r->check->on_run) {
			if (!r->check->on_run((const unsigned char *)text + s, e - s))
				continue;
		} else if (r->check) {
			if (!profiled) {
				pii_run_profile((const unsigned char *)text + s, e - s, &profile);
				profiled = true;
			}
			if (!r->check->on_profile(&profile))
				continue;
		}
		if (!run_rule(m, r, text, len, sublen, s, e, from, to, label, SIZE_MAX))
			return false;
	}
	return true;
}

/* Runs group g from trigger to trigger (or seed to seed), one run of
 * span bytes at a time. A match starting in [from, to) has its trigger
 * (or seed) at or after from;
 * runs come in order, so the first that starts at or after `to` ends the
 * group. */
static enum pii_status run_group(struct pii_matcher *m,
				 const struct pii_prefilter_group *g, const char *text,
				 size_t len, size_t from, size_t to, const char *label)
{
	const unsigned char *u = (const unsigned char *)text;
	const bool *span = g->span, *trigger = g->trigger;
	struct run_finder f;
	run_finder_init(&f, g);
	size_t p = from;
	while ((p = g->seed_len ? find_seed(g, &f, u, p, len) : find_trigger(g, &f, u, p, len)) <
	       len) {
		/* u[p] is a span byte: the run holds it */
		size_t s = p;
		uint32_t triggers = 0;
		while (s > 0 && span[u[s - 1]])
			triggers += trigger[u[--s]];
		size_t e = p;
		while (e < len && span[u[e]])
			triggers += trigger[u[e++]];
		if (s >= to)
			break;
		if (e - s >= g->min_length && triggers >= g->min_triggers &&
		    !run_group_on_run(m, g, text, len, s, e, triggers, from, to, label))
			return PII_EOBJECT;
		p = e;
	}
	return PII_OK;
}

/* Whether the two bytes at u are, folded to lower case, the first two of
 * an anchor word. */
static inline bool anchor_pair_at(const struct pii_match_db *db, const unsigned char *u)
{
	unsigned pair = (unsigned)lower_of[u[0]] << 8 | lower_of[u[1]];
	return db->anchor_pair_bits[pair >> 3] & (1u << (pair & 7));
}

/* A sharper look at a word start u[0..n): whether an anchor word may
 * start there. A word of four bytes or more is looked up by its first
 * four; one of up to three must stand alone, so only by the length of
 * the word in the text (a "m" is looked for where the text has "M.",
 * not in "meeting"), unless it holds a byte that ends a word ("i.v"),
 * when by its own length. False means surely not. */
static bool anchor_prefix_at(const struct pii_match_db *db, const unsigned char *u, size_t n)
{
	uint32_t key;
	if (n >= 4) {
		memcpy(&key, u, sizeof(key));
		key |= 0x20202020u;
		unsigned h = pii_anchor_key_hash(key, 4);
		if (db->anchor_prefix_bits[h >> 3] & (1u << (h & 7)))
			return true;
	} else {
		key = pii_anchor_key(u, n);
	}
	size_t l = 1;
	while (l < 4 && l < n && word_byte[u[l]])
		l++;
	if (!db->anchor_short_split) { /* the usual: only the word's own length */
		if (l > 3)
			return false;
		unsigned h = pii_anchor_key_hash(key & prefix_mask[l], l);
		return db->anchor_prefix_bits[h >> 3] & (1u << (h & 7));
	}
	unsigned lengths = db->anchor_short_split | (l <= 3 ? 1u << l : 0);
	for (size_t m = 1; m <= 3 && m <= n; m++) {
		if (!(lengths & (1u << m)))
			continue;
		unsigned h = pii_anchor_key_hash(key & prefix_mask[m], m);
		if (db->anchor_prefix_bits[h >> 3] & (1u << (h & 7)))
			return true;
	}
	return false;
}

/* Index of the next byte in u[p..len) that may start an anchor word, or
 * len. When the words' first two letters are few, 16 positions are
 * looked at a time for those pairs (OR 0x20 folds A-Z onto a-z and no
 * other byte onto a letter). */
static size_t find_anchor_start(const struct pii_match_db *db, const unsigned char *u,
				size_t p, size_t len)
{
#ifdef __SSE2__
	unsigned n = db->n_anchor_pairs;
	if (n) {
		__m128i fold = _mm_set1_epi8(0x20);
		__m128i first[16], second[16];
		for (unsigned k = 0; k < n; k++) {
			first[k] = _mm_set1_epi8((char)db->anchor_pairs[k][0]);
			second[k] = _mm_set1_epi8((char)db->anchor_pairs[k][1]);
		}
		while (p + 17 <= len) {
			__m128i v0 = _mm_or_si128(_mm_loadu_si128((const __m128i *)(u + p)), fold);
			__m128i v1 = _mm_or_si128(_mm_loadu_si128((const __m128i *)(u + p + 1)), fold);
			__m128i hit = _mm_setzero_si128();
			for (unsigned k = 0; k < n; k++)
				hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(v0, first[k]),
								      _mm_cmpeq_epi8(v1, second[k])));
			int mask = _mm_movemask_epi8(hit);
			if (mask)
				return p + (size_t)__builtin_ctz((unsigned)mask);
			p += 16;
		}
	}
	/* Many pairs: anchor words only count at the start of a word, so
	 * the starts of words are found 16 bytes at a time (a letter, a-z or
	 * a UTF-8 lead byte, after a byte that is no letter, digit or UTF-8),
	 * and only there the first four bytes are looked up (the pairs of
	 * first letters are too many to tell much). */
	if (!db->anchor_letters)
		goto scalar;
	if (p == 0 && len > 1 && anchor_pair_at(db, u))
		return 0;
	if (p == 0)
		p = 1;
	__m128i fold = _mm_set1_epi8(0x20), zero = _mm_setzero_si128();
	__m128i a1 = _mm_set1_epi8('a' - 1), z1 = _mm_set1_epi8('z' + 1);
	__m128i d1 = _mm_set1_epi8('0' - 1), n1 = _mm_set1_epi8('9' + 1);
	__m128i lead1 = _mm_set1_epi8((char)0xBF);
	bool utf8 = db->anchor_utf8;
	while (p + 17 <= len) {
		__m128i prev = _mm_loadu_si128((const __m128i *)(u + p - 1));
		__m128i cur = _mm_or_si128(_mm_loadu_si128((const __m128i *)(u + p)), fold);
		__m128i lp = _mm_or_si128(prev, fold);
		__m128i word_prev = _mm_or_si128(
			_mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(lp, a1), _mm_cmplt_epi8(lp, z1)),
				     _mm_and_si128(_mm_cmpgt_epi8(prev, d1), _mm_cmplt_epi8(prev, n1))),
			_mm_cmplt_epi8(prev, zero));
		__m128i letter = _mm_and_si128(_mm_cmpgt_epi8(cur, a1), _mm_cmplt_epi8(cur, z1));
		if (utf8) /* a lead byte, 0xC0 to 0xFF (folding keeps it one) */
			letter = _mm_or_si128(letter, _mm_and_si128(_mm_cmpgt_epi8(cur, lead1),
								    _mm_cmplt_epi8(cur, zero)));
		unsigned mask = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(word_prev, letter));
		while (mask) {
			size_t i = p + (size_t)__builtin_ctz(mask);
			if (anchor_prefix_at(db, u + i, len - i))
				return i;
			mask &= mask - 1;
		}
		p += 16;
	}
scalar:
#endif
	for (; p + 1 < len; p++)
		if (anchor_pair_at(db, u + p))
			return p;
	while (p < len && !db->anchor_first[lower_of[u[p]]])
		p++;
	return p;
}

/* How far from a context word a match of an anchored rule may lie: the
 * context window, plus room for the value itself. */
#define ANCHOR_REACH (PII_CONTEXT_WINDOW + 256)

/* Where rule r's matches may start around its context word t[ws..we):
 * within its window after it (before), or within reach either side
 * (around); adjacent rules take run_adjacent. The narrower, the less work. */
static void anchor_region(const struct pii_rule *r, size_t ws, size_t we, size_t len,
			  size_t *hs, size_t *he)
{
	switch (r->context_position) {
	case PII_CONTEXT_BEFORE:
		*hs = ws;
		*he = we + r->context_window + 1;
		break;
	default:
		*hs = ws > ANCHOR_REACH ? ws - ANCHOR_REACH : 0;
		*he = we + ANCHOR_REACH;
	}
	if (*he > len)
		*he = len;
}

/* Runs anchored rule number k over text[s..e). A match must start in
 * the region; a date of birth may run a little past its end. */
static bool run_anchored_region(struct pii_matcher *m, unsigned k, const char *text,
				size_t len, size_t s, size_t e, size_t from, size_t to,
				const char *label)
{
	const struct pii_rule *r = &m->rs->rules[m->db->anchored[k]];
	size_t past = r->context_position == PII_CONTEXT_BEFORE ? 64 : 0;
	size_t sublen = subject_end(text, len, e + past < len ? e + past : len);
	return run_rule(m, r, text, len, sublen, s, e, from, to, label, SIZE_MAX);
}

/* An adjacent rule after its context word ending at text[we]: past the
 * separators word_before allows, one attempt where the value must start.
 * False when out of memory. */
static bool run_adjacent(struct pii_matcher *m, const struct pii_rule *r, const char *text,
			 size_t len, size_t we, size_t from, size_t to, const char *label)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t p = we;
	unsigned breaks = 0;
	while (p < len && !word_byte[u[p]]) {
		if (p - we >= 8 || !strchr(" \t\r\n:.,;=-\"'(", u[p]) ||
		    (u[p] == '\n' && ++breaks > 1))
			return true;
		p++;
	}
	if (p >= len || p == we)
		return true; /* the word went on: "naamloos" */
	const struct pii_rule_code *code = &m->db->code[r - m->rs->rules];
	if (code->has_first && !(code->first[u[p] >> 3] & (1u << (u[p] & 7))))
		return true; /* no value starts so */
	/* a name may run on: 256 bytes is more than any */
	size_t sublen = subject_end(text, len, p + 256 < len ? p + 256 : len);
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
	pcre2_set_callout(m->mctx, r->validate ? validate_callout : NULL, (void *)r);
	int rc = code->jit_at ? pcre2_jit_match(code->code_at, (PCRE2_SPTR)text, sublen, p,
						PCRE2_NO_UTF_CHECK, m->md, m->mctx)
			      : pcre2_match(code->code_at, (PCRE2_SPTR)text, sublen, p,
					 PCRE2_NO_UTF_CHECK, m->md, m->mctx);
	if (rc < 0) {
		if (rc != PCRE2_ERROR_NOMATCH)
			m->limit_hits++;
		return true;
	}
	size_t ms = ov[0], me = ov[1];
	if (me <= ms || ms < from || ms >= to)
		return true;
	enum pii_confidence conf = judge(m, r, text, len, ms, me, label);
	return conf == PII_CONF_NONE || push_match(m, r, ms, me, conf);
}

/* The anchor words that may start with the bytes c0 c1 (folded to lower
 * case): [returned, *end) of the sorted words, those that start with
 * c0 c1 and, where c1 ends a word, those before them. Binary search in
 * c0's bucket: a bucket may hold a hundred words, a pair a few. */
static size_t words_of_pair(const struct pii_match_db *db, unsigned char c0, unsigned char c1,
			    size_t *end)
{
	size_t lo = db->anchor_index[c0], hi = db->anchor_index[c0 + 1];
	while (lo < hi) { /* first word whose second byte is >= c1 */
		size_t mid = lo + (hi - lo) / 2;
		if ((unsigned char)db->anchor_words[mid].word[1] < c1)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t e = lo;
	while (e < db->anchor_index[c0 + 1] && (unsigned char)db->anchor_words[e].word[1] == c1)
		e++;
	*end = e;
	/* a word of one letter ("m" of "M. Dupont") sorts first in its
	 * bucket; it stands alone where c1 is no letter or digit */
	if (!word_byte[c1] && db->anchor_index[c0] < lo &&
	    !db->anchor_words[db->anchor_index[c0]].word[1])
		return db->anchor_index[c0];
	return lo;
}

/* The anchored rules with a context word in label. */
static struct pii_anchored_set anchored_in_label(struct pii_matcher *m, const char *label)
{
	const struct pii_ruleset *rs = m->rs;
	const struct pii_match_db *db = m->db;
	size_t nl = strlen(label);
	struct label_slot *slot = NULL;
	if (nl && nl <= LABEL_LEN_MAX) {
		slot = &m->labels[pii_fnv1a_bytes(PII_FNV1A_START, label, nl) % LABEL_SLOTS];
		if (!strcmp(slot->label, label))
			return slot->rules;
	}
	struct pii_anchored_set rules = {{0}};
	for (size_t k = 0; k < db->n_anchored; k++) {
		const struct pii_rule *r = &rs->rules[db->anchored[k]];
		if (has_any_word((const unsigned char *)label, nl, 0, nl, r->context,
				 r->n_context, r->context_first))
			pii_anchored_add(&rules, (unsigned)k);
	}
	if (slot) {
		memcpy(slot->label, label, nl + 1);
		slot->rules = rules;
	}
	return rules;
}

/* Rules that require context run only around their context words: one
 * pass finds the words (most bytes are passed over after one table
 * lookup), then each rule runs on the regions around its words, merged
 * where they overlap. A rule whose context word is in the label (a
 * column named "bsn") runs on the whole text. */
static enum pii_status run_anchored(struct pii_matcher *m, const char *text,
				    size_t len, size_t from, size_t to, const char *label)
{
	const struct pii_ruleset *rs = m->rs;
	const struct pii_match_db *db = m->db;
	if (!db->n_anchored)
		return PII_OK;
	struct pii_anchored_set everywhere = {{0}};
	if (label)
		everywhere = anchored_in_label(m, label);
	for (unsigned q = 0; q < PII_ANCHORED_WORDS; q++)
		for (uint64_t rules = everywhere.w[q]; rules; rules &= rules - 1)
			if (!run_anchored_region(m, q * 64 + (unsigned)__builtin_ctzll(rules), text,
						 len, 0, len, from, to, label))
				return PII_EOBJECT;
	size_t rstart[PII_ANCHORED_MAX], rend[PII_ANCHORED_MAX];
	struct pii_anchored_set open = {{0}}; /* rules with a region not yet run */
	const unsigned char *u = (const unsigned char *)text;
	size_t a = from > ANCHOR_REACH ? from - ANCHOR_REACH : 0;
	size_t b = to + ANCHOR_REACH < len ? to + ANCHOR_REACH : len;
	for (size_t i = a; (i = find_anchor_start(db, u, i, b)) < b; i++) {
		unsigned char c = lower_of[u[i]];
		if (i > 0 && word_byte[u[i - 1]])
			continue;
		size_t w_end;
		for (size_t w = words_of_pair(db, c, i + 1 < len ? lower_of[u[i + 1]] : 0, &w_end);
		     w < w_end; w++) {
			const char *word = db->anchor_words[w].word;
			size_t j = 1;
			while (word[j] && i + j < len && lower_of[u[i + j]] == (unsigned char)word[j])
				j++;
			if (word[j] || (j <= 3 && i + j < len && word_byte[u[i + j]]))
				continue;
			for (unsigned q = 0; q < PII_ANCHORED_WORDS; q++) {
				for (uint64_t rules = db->anchor_words[w].rules.w[q] & ~everywhere.w[q];
				     rules; rules &= rules - 1) {
					unsigned k = q * 64 + (unsigned)__builtin_ctzll(rules);
					uint64_t bit = rules & -rules;
					const struct pii_rule *r = &rs->rules[db->anchored[k]];
					if (r->context_position == PII_CONTEXT_ADJACENT) {
						if (!run_adjacent(m, r, text, len, i + j, from, to, label))
							return PII_EOBJECT;
						continue;
					}
					size_t hs, he;
					anchor_region(r, i, i + j, len, &hs, &he);
					bool is_open = open.w[q] & bit;
					if (is_open && hs <= rend[k]) {
						if (he > rend[k])
							rend[k] = he;
						continue;
					}
					if (is_open && !run_anchored_region(m, k, text, len, rstart[k],
									    rend[k], from, to, label))
						return PII_EOBJECT;
					rstart[k] = hs;
					rend[k] = he;
					open.w[q] |= bit;
				}
			}
		}
	}
	for (unsigned q = 0; q < PII_ANCHORED_WORDS; q++)
		for (uint64_t rules = open.w[q]; rules; rules &= rules - 1) {
			unsigned k = q * 64 + (unsigned)__builtin_ctzll(rules);
			if (!run_anchored_region(m, k, text, len, rstart[k], rend[k], from, to, label))
				return PII_EOBJECT;
		}
	return PII_OK;
}

/* How far before the start of a match a hold rule's match may start:
 * more than the 34 characters of the longest IBAN with a separator
 * between every two. */
#define HOLD_REACH 72

/* Hold rules (hold: [phone, ...]) report nothing. They run last, only
 * over and just before each match of the kinds they name, and a match of
 * theirs that holds it whole drops it: the digits of a mistyped IBAN, or
 * of one in lower case with no word for an account near, are no phone
 * number. */
static enum pii_status hold_matches(struct pii_matcher *m, const char *text, size_t len,
				    const char *label)
{
	const struct pii_ruleset *rs = m->rs;
	const struct pii_match_db *db = m->db;
	size_t n = m->n_matches, kept = 0;
	for (size_t i = 0; i < n; i++) {
		size_t s = m->matches[i].start, e = m->matches[i].end;
		bool held = false;
		for (size_t h = 0; h < db->n_hold && !held; h++) {
			const struct pii_rule *r = &rs->rules[db->hold[h]];
			if (!db->hold_reports[h][m->matches[i].rule->report_index])
				continue;
			size_t from = s > HOLD_REACH ? s - HOLD_REACH : 0;
			size_t until = e + HOLD_REACH < len ? e + HOLD_REACH : len;
			if (db->hold_spanned[h]) {
				/* its match is of span bytes only: so is the one it
				 * holds, and the run of them around that one bounds
				 * where it may lie */
				const bool *span = db->hold_span[h];
				size_t p = s;
				while (p < e && span[(unsigned char)text[p]])
					p++;
				if (p < e)
					continue;
				for (p = s; p > from && span[(unsigned char)text[p - 1]]; p--)
					;
				from = p;
				for (p = e; p < until && span[(unsigned char)text[p]]; p++)
					;
				until = p;
			}
			while (from < s && ((unsigned char)text[from] & 0xC0) == 0x80)
				from++;
			/* its matches go after the n, and are gone after the look;
			 * none may start after the one it would hold */
			m->n_matches = n;
			pcre2_set_offset_limit(m->mctx, s);
			bool ok = run_rule(m, r, text, len, subject_end(text, len, until), from,
					   s + 1, 0, len, label, SIZE_MAX);
			pcre2_set_offset_limit(m->mctx, PCRE2_UNSET);
			for (size_t k = n; ok && k < m->n_matches && !held; k++)
				held = m->matches[k].start <= s && m->matches[k].end >= e;
			if (!ok) {
				memmove(m->matches + kept, m->matches + i, (n - i) * sizeof(*m->matches));
				m->n_matches = kept + n - i;
				return PII_EOBJECT;
			}
		}
		if (!held)
			m->matches[kept++] = m->matches[i];
	}
	m->n_matches = kept;
	return PII_OK;
}

static int cmp_match(const void *a, const void *b)
{
	const struct pii_match *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->confidence != y->confidence)
		return x->confidence > y->confidence ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return x->rule < y->rule ? -1 : (x->rule > y->rule);
}

/* True when a should be kept over b where they overlap: the one that
 * holds the other whole (an IBAN over the phone number in its digits, a
 * card over the one in its last twelve: the larger reading explains all
 * of the text), then the more certain one, then the longer one, then the
 * rule loaded first. */
static bool better(const struct pii_match *a, const struct pii_match *b)
{
	size_t alen = a->end - a->start, blen = b->end - b->start;
	if (alen != blen && a->start <= b->start && a->end >= b->end)
		return true;
	if (alen != blen && b->start <= a->start && b->end >= a->end)
		return false;
	if (a->confidence != b->confidence)
		return a->confidence > b->confidence;
	if (a->end - a->start != b->end - b->start)
		return a->end - a->start > b->end - b->start;
	return a->rule < b->rule;
}

/* Sorts the matches and keeps one of any overlapping pair, so that a
 * number is not reported as both a phone number and a BSN. */
static void resolve_overlaps(struct pii_matcher *m)
{
	if (m->n_matches < 2)
		return;
	qsort(m->matches, m->n_matches, sizeof(struct pii_match), cmp_match);
	size_t kept = 0;
	for (size_t i = 0; i < m->n_matches; i++) {
		struct pii_match *cur = &m->matches[i];
		if (kept && cur->start < m->matches[kept - 1].end) {
			if (better(cur, &m->matches[kept - 1]))
				m->matches[kept - 1] = *cur;
			continue;
		}
		m->matches[kept++] = *cur;
	}
	m->n_matches = kept;
}

enum pii_status pii_matcher_run(struct pii_matcher *m, const char *text,
				size_t len, size_t from, size_t to,
				const char *label, bool technical, const struct pii_match **out,
				size_t *n_out)
{
	const struct pii_ruleset *rs = m->rs;
	const struct pii_match_db *db = m->db;
	enum pii_status st = PII_OK;
	m->n_matches = 0;
	m->technical = technical;
	if (to > len)
		to = len;

	/* Groups without prefilter see the whole text; they start before
	 * `from` for the same reason as above. Where Vectorscan has their
	 * patterns, one scan says where each one's last candidate ends. */
	bool hs = db->hs && pii_hs_scan(db->hs, m->hs, text, len, m->hs_last);
	for (size_t gi = 0; gi < db->n_groups && st == PII_OK; gi++) {
		const struct pii_prefilter_group *g = &db->groups[gi];
		if (!g->whole)
			continue;
		for (size_t i = 0; i < g->n_rules; i++) {
			int id = db->code[g->rules[i]].hs_id;
			size_t until = hs && id >= 0 ? m->hs_last[id] : SIZE_MAX;
			if (!run_rule(m, &rs->rules[g->rules[i]], text, len, len, 0,
				      to, from, to, label, until)) {
				st = PII_EOBJECT;
				break;
			}
		}
	}

	/* Groups with a prefilter (those that joined another have no rules). */
	for (size_t gi = 0; gi < db->n_groups && st == PII_OK; gi++)
		if (!db->groups[gi].whole && db->groups[gi].n_rules)
			st = run_group(m, &db->groups[gi], text, len, from, to, label);
	if (st == PII_OK)
		st = run_anchored(m, text, len, from, to, label);
	if (st == PII_OK && db->n_hold && m->n_matches)
		st = hold_matches(m, text, len, label);

	resolve_overlaps(m);
	*out = m->matches;
	*n_out = m->n_matches;
	return st;
}
