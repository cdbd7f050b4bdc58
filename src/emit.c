/*
 * emit.c - matches to findings (pii_emit.h).
 */
#include "pii_emit.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pii_allow.h"
#include "pii_limits.h"
#include "pii_match.h"
#include "pii_validate.h"

bool pii_emitter_init(struct pii_emitter *e, const struct pii_ruleset *rules,
		      const struct pii_fp_key *key, bool show_values,
		      struct pii_outbox *out)
{
	memset(e, 0, sizeof(*e));
	e->rules = rules;
	e->show_values = show_values;
	e->out = out;
	e->matcher = pii_matcher_new(rules);
	e->fp = pii_fp_new(key);
	if (rules->n_allow) {
		e->allowed = calloc(rules->n_allow, sizeof(*e->allowed));
		e->allow_m = pii_allow_matcher_new();
		if (!e->allowed || !e->allow_m)
			return false;
	}
	return e->matcher && e->fp;
}

void pii_emitter_free(struct pii_emitter *e)
{
	pii_matcher_free(e->matcher);
	pii_fp_free(e->fp);
	pii_buf_free(&e->repaired);
	pii_batch_free(e->batch);
	free(e->allowed);
	pii_allow_matcher_free(e->allow_m);
	memset(e, 0, sizeof(*e));
}

void pii_emit_begin(struct pii_emitter *e, uint64_t file_id, uint64_t row)
{
	e->file_id = file_id;
	e->row = row;
	e->oom = false;
	e->limit_hits = 0;
}

void pii_emit_flush(struct pii_emitter *e)
{
	if (e->batch && e->batch->n) {
		pii_outbox_batch(e->out, e->batch);
		e->batch = NULL;
	}
}

/* Whether [start, end) is one word and text[0..len) holds nothing beside
 * it but spaces and punctuation: the word is all its cell says. */
static bool lone_word(const char *text, size_t len, size_t start, size_t end)
{
	if (memchr(text + start, ' ', end - start))
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if ((i < start || i >= end) && (c >= 0x80 || isalnum(c)))
			return false;
	}
	return true;
}

/* Whether text[start..end) touches a word the OCR engine was unsure of. */
static bool doubtful(const struct pii_emitter *e, uint64_t start, uint64_t end)
{
	for (size_t i = 0; i < e->n_doubtful; i++)
		if (e->doubtful[i].start < end && start < e->doubtful[i].end)
			return true;
	return false;
}

/* Copies a match up into the batch. */
static void emit(struct pii_emitter *e, const struct pii_loc *loc, const struct pii_match *m,
		 const char *text, size_t text_len, uint64_t line, uint64_t offset)
{
	const struct pii_rule *r = m->rule;
	const char *value = text + m->start;
	size_t len = m->end - m->start;
	struct pii_canon canon;
	if (!r->validate || !r->validate(value, len, &canon))
		pii_canon_copy(&canon, value, len);
	struct pii_finding f = {
		.rule = (unsigned)(r - e->rules->rules),
		.confidence = m->confidence,
		.line = line,
		.row = e->row,
		.lone_word = r->row_evidence && e->row && loc->column &&
			     lone_word(text, text_len, m->start, m->end),
		.offset = offset,
		.fingerprint = pii_fp_compute(e->fp, r->report_as, canon.buf, canon.len),
	};
	/* known and allowed: gone before anything counts or lists it */
	if (r->n_allow) {
		long k = pii_allow_find(e->rules, r, e->allow_path, value, len, f.fingerprint,
					e->allow_m);
		if (k >= 0) {
			e->allowed[k]++;
			e->any_allowed = true;
			return;
		}
	}
	char shown[PII_VALUE_MAX + 1];
	size_t shown_len;
	if (e->show_values) {
		shown_len = len < PII_VALUE_MAX ? len : PII_VALUE_MAX;
		/* cut on a character boundary */
		while (shown_len < len && shown_len > 0 &&
		       ((unsigned char)value[shown_len] & 0xC0) == 0x80)
			shown_len--;
		memcpy(shown, value, shown_len);
	} else {
		shown_len = r->mask(value, len, shown, sizeof(shown));
	}
	if (f.confidence > PII_CONF_MEDIUM && doubtful(e, offset, offset + len))
		f.confidence = PII_CONF_MEDIUM;
	if (e->batch && e->batch->file_id != e->file_id)
		pii_emit_flush(e);
	if (!e->batch)
		e->batch = pii_batch_new(e->file_id);
	if (!e->batch || !pii_batch_add(e->batch, &f, loc, shown, shown_len)) {
		e->oom = true;
		return;
	}
	if (e->batch->n >= PII_BATCH_FINDINGS)
		pii_emit_flush(e);
}

/* text[0..len) with every byte that is not part of valid UTF-8 made a
 * '?', in e's buffer; NULL when out of memory. The length stays the same,
 * so offsets and lines still hold. */
static const char *repair_utf8(struct pii_emitter *e, const char *text, size_t len, size_t ok)
{
	e->repaired.len = 0;
	if (!pii_buf_append(&e->repaired, text, len))
		return NULL;
	char *t = e->repaired.data;
	for (size_t i = ok; i < len;) {
		t[i++] = '?';
		i += pii_utf8_valid_prefix(t + i, len - i);
	}
	return t;
}

void pii_emit_text(struct pii_emitter *e, const struct pii_loc *loc, const char *text,
		   size_t len, size_t from, size_t to, uint64_t offset0, uint64_t lines)
{
	const struct pii_match *m;
	size_t n;
	/* The matcher runs PCRE2 without its UTF-8 check (it would cost a
	 * pass per rule), so what it gets must be valid: extractors decode
	 * to UTF-8, but a library in recovery mode (libxml2) has been seen to
	 * hand out bytes that are not. */
	size_t ok = pii_utf8_valid_prefix(text, len);
	if (ok < len && !(text = repair_utf8(e, text, len, ok))) {
		e->oom = true;
		return;
	}
	uint64_t hits = pii_matcher_limit_hits(e->matcher);
	if (pii_matcher_run(e->matcher, text, len, from, to,
			    loc->column ? loc->column : loc->key, loc->technical, &m, &n) != PII_OK)
		e->oom = true;
	e->limit_hits += pii_matcher_limit_hits(e->matcher) - hits;
	size_t counted = from;
	uint64_t line = lines;
	for (size_t i = 0; i < n; i++) {
		if (lines != UINT64_MAX) {
			/* Matches come sorted: count newlines incrementally. */
			const char *p = text + counted, *end = text + m[i].start;
			while ((p = memchr(p, '\n', (size_t)(end - p)))) {
				line++;
				p++;
			}
			counted = m[i].start;
		}
		emit(e, loc, &m[i], text, len, lines == UINT64_MAX ? 0 : line + 1,
		     offset0 + m[i].start);
	}
}
