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

/* Short texts that held nothing, under their label: a table's cells
 * repeat (a status, a city, a quantity), and on a cell of a few bytes
 * the matcher's cost per call (every prefilter group, the context words)
 * is most of the work. A text found to hold nothing under a label holds
 * nothing the next time: its matches depend on the text, the label and
 * whether it is technical, nothing else. Slots by hash, each keeps its
 * text and label to compare whole; a text that hit a PCRE2 limit is not
 * kept (its limit row must count again). */
#define MEMO_SLOTS 4096
#define MEMO_BYTES 80 /* text and label together at most */

struct memo_slot {
	uint64_t hash;
	uint8_t text_len, label_len;
	bool technical;
	char bytes[MEMO_BYTES];
};

struct pii_emit_memo {
	struct memo_slot slot[MEMO_SLOTS];
};

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
	free(e->memo);
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

/* A hash of the short text and its label, eight bytes at a time. */
static uint64_t memo_hash(const char *text, size_t len, const char *label, size_t ll,
			  bool technical)
{
	uint64_t h = (uint64_t)len << 32 ^ (uint64_t)ll << 8 ^ technical;
	const char *part[2] = {text, label};
	size_t n[2] = {len, ll};
	for (int i = 0; i < 2; i++) {
		const char *p = part[i];
		size_t k = n[i];
		for (; k >= 8; p += 8, k -= 8) {
			uint64_t w;
			memcpy(&w, p, 8);
			h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
			h ^= h >> 29;
		}
		uint64_t w = 0;
		if (k)
			memcpy(&w, p, k);
		h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
		h ^= h >> 29;
	}
	return h | 1; /* 0 is an empty slot */
}

/* Whether text under label (ll bytes) is known to hold nothing; else
 * *slot is where to remember it if it does not (NULL when it is too
 * long to remember). */
static bool memo_knows(struct pii_emitter *e, const char *text, size_t len, const char *label,
		       size_t ll, bool technical, struct memo_slot **slot, uint64_t *hash)
{
	*slot = NULL;
	if (!len || len + ll > MEMO_BYTES ||
	    (!e->memo && !(e->memo = calloc(1, sizeof(*e->memo)))))
		return false;
	*hash = memo_hash(text, len, label, ll, technical);
	struct memo_slot *s = &e->memo->slot[*hash % MEMO_SLOTS];
	*slot = s;
	return s->hash == *hash && s->text_len == len && s->label_len == ll &&
	       s->technical == technical && !memcmp(s->bytes, text, len) &&
	       (!ll || !memcmp(s->bytes + len, label, ll));
}

static void memo_keep(struct memo_slot *s, uint64_t hash, const char *text, size_t len,
		      const char *label, size_t ll, bool technical)
{
	s->hash = hash;
	s->text_len = (uint8_t)len;
	s->label_len = (uint8_t)ll;
	s->technical = technical;
	memcpy(s->bytes, text, len);
	if (ll)
		memcpy(s->bytes + len, label, ll);
}

void pii_emit_text(struct pii_emitter *e, const struct pii_loc *loc, const char *text,
		   size_t len, size_t from, size_t to, uint64_t offset0, uint64_t lines)
{
	const struct pii_match *m;
	size_t n;
	const char *label = loc->context ? loc->context : loc->column ? loc->column : loc->key;
	size_t ll = label ? strlen(label) : 0;
	struct memo_slot *slot = NULL;
	uint64_t hash = 0;
	if (from == 0 && to == len && !e->doubtful &&
	    memo_knows(e, text, len, label, ll, loc->technical, &slot, &hash))
		return;
	const char *raw = text;
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
	enum pii_status st = pii_matcher_run(e->matcher, text, len, from, to, label,
					     loc->technical, &m, &n);
	if (st != PII_OK)
		e->oom = true;
	hits = pii_matcher_limit_hits(e->matcher) - hits;
	e->limit_hits += hits;
	if (slot && st == PII_OK && !n && !hits)
		memo_keep(slot, hash, raw, len, label, ll, loc->technical);
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
