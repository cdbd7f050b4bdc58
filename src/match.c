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

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pii_limits.h"

struct pii_matcher {
	const struct pii_ruleset *rs;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit_stack;
	struct pii_match *matches;
	size_t n_matches, cap_matches;
	bool is_trigger[256]; /* union of all groups' triggers */
	uint64_t limit_hits;
};

struct pii_matcher *pii_matcher_new(const struct pii_ruleset *rs)
{
	struct pii_matcher *m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	m->rs = rs;
	m->md = pcre2_match_data_create(rs->max_capture_pairs ? rs->max_capture_pairs : 1,
					NULL);
	m->mctx = pcre2_match_context_create(NULL);
	m->jit_stack = pcre2_jit_stack_create(PII_JIT_STACK_START, PII_JIT_STACK_MAX, NULL);
	if (!m->md || !m->mctx || !m->jit_stack) {
		pii_matcher_free(m);
		return NULL;
	}
	pcre2_set_match_limit(m->mctx, PII_PCRE2_MATCH_LIMIT);
	pcre2_set_depth_limit(m->mctx, PII_PCRE2_DEPTH_LIMIT);
	pcre2_jit_stack_assign(m->mctx, NULL, m->jit_stack);
	for (int b = 0; b < 256; b++)
		m->is_trigger[b] = rs->trigger_groups[b] != 0;
	return m;
}

void pii_matcher_free(struct pii_matcher *m)
{
	if (!m)
		return;
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mctx);
	pcre2_jit_stack_free(m->jit_stack);
	free(m->matches);
	free(m);
}

uint64_t pii_matcher_limit_hits(const struct pii_matcher *m)
{
	return m->limit_hits;
}

/* ---- context words ------------------------------------------------------------- */

static bool is_word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* True when word occurs in s[0..n), case-insensitively, at the start of a
 * word: "telefoon" in "Telefoongesprek" (Dutch glues words together), not
 * in "autotelefoon". Words of three letters or less must stand alone:
 * "ip" is not in "iPhone", "tel" not in "telling". */
static bool has_word(const char *s, size_t n, const char *word)
{
	size_t wl = strlen(word);
	const char *p = s;
	size_t left = n;
	const char *end = s + n;
	while (left >= wl) {
		const char *hit = pii_memcasemem(p, left, word, wl);
		if (!hit)
			return false;
		bool starts = hit == s || !is_word_byte((unsigned char)hit[-1]);
		bool ends = hit + wl == end || !is_word_byte((unsigned char)hit[wl]);
		if (starts && (wl > 3 || ends))
			return true;
		left -= (size_t)(hit + 1 - p);
		p = hit + 1;
	}
	return false;
}

/* True when one of words occurs near text[start..end), or in label. */
static bool near_words(char *const *words, size_t n_words, const char *text,
		       size_t len, size_t start, size_t end, const char *label)
{
	if (!n_words)
		return false;
	size_t before = start > PII_CONTEXT_WINDOW ? start - PII_CONTEXT_WINDOW : 0;
	size_t after = end + PII_CONTEXT_WINDOW < len ? end + PII_CONTEXT_WINDOW : len;
	for (size_t i = 0; i < n_words; i++) {
		if (has_word(text + before, start - before, words[i]) ||
		    has_word(text + end, after - end, words[i]))
			return true;
		if (label && has_word(label, strlen(label), words[i]))
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
static enum pii_confidence judge(const struct pii_rule *r, const char *text,
				 size_t len, size_t start, size_t end,
				 const char *label)
{
	/* The validator already ran, as a callout inside the match. */
	if (near_words(r->anti_context, r->n_anti_context, text, len, start, end, NULL))
		return PII_CONF_NONE;
	if (near_words(r->context, r->n_context, text, len, start, end, label))
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
 * with text[0..sublen) visible to the regex. */
static bool run_rule(struct pii_matcher *m, const struct pii_rule *r,
		     const char *text, size_t len, size_t sublen, size_t start,
		     size_t stop, size_t from, size_t to, const char *label)
{
	size_t pos = start;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
	pcre2_set_callout(m->mctx, r->validate ? validate_callout : NULL, (void *)r);
	while (pos < stop) {
		int rc = pcre2_match(r->code, (PCRE2_SPTR)text, sublen, pos,
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
		enum pii_confidence conf = judge(r, text, len, ms, me, label);
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

/* Bytes past the end of a run that lookahead assertions may look at. */
#define LOOKAHEAD 8

static bool run_group_on_run(struct pii_matcher *m,
			     const struct pii_prefilter_group *g, const char *text,
			     size_t len, size_t s, size_t e, size_t from, size_t to,
			     const char *label)
{
	size_t sublen = e + LOOKAHEAD < len ? e + LOOKAHEAD : len;
	while (sublen < len && ((unsigned char)text[sublen] & 0xC0) == 0x80)
		sublen++;
	for (size_t i = 0; i < g->n_rules; i++) {
		const struct pii_rule *r = &m->rs->rules[g->rules[i]];
		if (r->min_length > e - s)
			continue;
		if (!run_rule(m, r, text, len, sublen, s, e, from, to, label))
			return false;
	}
	return true;
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

/* True when a should be kept over b where they overlap: the more certain
 * one, then the longer one, then the rule loaded first. */
static bool better(const struct pii_match *a, const struct pii_match *b)
{
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
				const char *label, const struct pii_match **out,
				size_t *n_out)
{
	const struct pii_ruleset *rs = m->rs;
	enum pii_status st = PII_OK;
	m->n_matches = 0;
	if (to > len)
		to = len;

	/* Groups without prefilter see the whole text; they start before
	 * `from` for the same reason as above. */
	for (size_t gi = 0; gi < rs->n_groups && st == PII_OK; gi++) {
		const struct pii_prefilter_group *g = &rs->groups[gi];
		if (!g->whole)
			continue;
		for (size_t i = 0; i < g->n_rules; i++)
			if (!run_rule(m, &rs->rules[g->rules[i]], text, len, len, 0,
				      to, from, to, label)) {
				st = PII_EOBJECT;
				break;
			}
	}

	/* Groups with a prefilter: walk the trigger bytes. A match starting
	 * in [from, to) has its trigger at or after from. */
	size_t done_until[64];
	memset(done_until, 0, sizeof(done_until));
	const unsigned char *u = (const unsigned char *)text;
	for (size_t p = from; p < len && st == PII_OK; p++) {
		if (!m->is_trigger[u[p]])
			continue;
		uint64_t groups = rs->trigger_groups[u[p]];
		while (groups) {
			unsigned gi = (unsigned)__builtin_ctzll(groups);
			groups &= groups - 1;
			if (p < done_until[gi])
				continue;
			const struct pii_prefilter_group *g = &rs->groups[gi];
			size_t s = p, e = p + 1;
			while (s > 0 && g->span[u[s - 1]])
				s--;
			while (e < len && g->span[u[e]])
				e++;
			done_until[gi] = e;
			if (s >= to || e - s < g->min_length)
				continue;
			if (!run_group_on_run(m, g, text, len, s, e, from, to, label))
				st = PII_EOBJECT;
		}
	}

	resolve_overlaps(m);
	*out = m->matches;
	*n_out = m->n_matches;
	return st;
}
