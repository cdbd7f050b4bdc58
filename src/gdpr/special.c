/*
 * special.c - special categories decided per record of a whole file,
 * and the one-word values of row_evidence rules per table row
 * (pii_special.h).
 */
#include "pii_special.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pii_limits.h"

/* Lines of a text that make one record: a finding counts with someone
 * identified in its band of lines or the next one either side, so within
 * 16 to 32 lines of them. Text without lines goes by bytes. */
#define RECORD_LINES 16
#define RECORD_BYTES 2048

/* Records identifying someone kept per file; past this many, everyone
 * counts (a file naming 64 thousand people is personal data throughout). */
#define PEOPLE_MAX 65536

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
	return pii_fnv1a_bytes(pii_fnv1a_bytes(h, p, n), "\xfe", 1);
}

static uint64_t mix_str(uint64_t h, const char *s)
{
	return s ? mix(h, s, strlen(s)) : pii_fnv1a_bytes(h, "\xff", 1);
}

/* The message a mail part belongs to: its location without the part
 * ("a.mbox!msg-3/body" and "a.mbox!msg-3/headers" are one message). */
static size_t message_len(const struct pii_loc *l)
{
	size_t n = strlen(l->file), p = strlen(l->part);
	if (n > p && !strcmp(l->file + n - p, l->part) && strchr("/!", l->file[n - p - 1]))
		return n - p - 1;
	return n;
}

/* The record a finding is in; band moves a text's band of lines. */
static uint64_t record_of(const struct pii_finding *f, int64_t band)
{
	const struct pii_loc *l = f->loc;
	uint64_t h = PII_FNV1A_START;
	if (l->part)
		return mix(mix(h, "mail", 4), l->file, message_len(l));
	h = mix_str(mix_str(h, l->file), l->table);
	if (f->row)
		return mix(mix(h, "row", 3), &f->row, sizeof(f->row));
	int64_t at = f->line ? (int64_t)(f->line / RECORD_LINES) : (int64_t)(f->offset / RECORD_BYTES);
	at += band;
	h = mix(h, f->line ? "lines" : "bytes", 5);
	h = mix(h, &l->page, sizeof(l->page));
	return mix(h, &at, sizeof(at));
}

static uint64_t people_hash(const void *owner, size_t i)
{
	return ((const struct pii_special_hold *)owner)->people[i];
}

static bool people_match(const void *owner, size_t i, const void *key)
{
	return ((const struct pii_special_hold *)owner)->people[i] == *(const uint64_t *)key;
}

static const struct pii_dict_type people_type = {people_hash, people_match};

static bool has_person(const struct pii_special_hold *h, uint64_t record)
{
	return h->people_index.type && pii_dict_find(&h->people_index, record, &record) != PII_DICT_NONE;
}

/* Notes that someone is identified in record. */
static void note_person(struct pii_special_hold *h, uint64_t record)
{
	if (h->everyone || has_person(h, record))
		return;
	if (!h->people_index.type)
		pii_dict_init(&h->people_index, &people_type, h);
	if (h->n_people == h->cap_people) {
		size_t cap = h->cap_people ? h->cap_people * 2 : 64;
		uint64_t *grown = cap <= PEOPLE_MAX ? realloc(h->people, cap * sizeof(*grown)) : NULL;
		if (!grown) {
			h->everyone = true; /* so many (or no memory): all count */
			return;
		}
		h->people = grown;
		h->cap_people = cap;
	}
	h->people[h->n_people] = record;
	if (pii_dict_add(&h->people_index, record, h->n_people))
		h->n_people++;
	else
		h->everyone = true;
}

/* A finding of a row_evidence rule that waits for its row: one word that
 * is all its table cell holds ("Max" under "Name" may be a setting;
 * "Koch" of "Birgit Koch" is part of a name). */
static bool waits_for_row(const struct pii_rule *r, const struct pii_finding *f)
{
	return r->row_evidence && f->lone_word;
}

void pii_special_take(struct pii_special_hold *h, const struct pii_ruleset *rs,
		      struct pii_batch *b)
{
	size_t kept = 0;
	for (size_t i = 0; i < b->n; i++) {
		const struct pii_finding *f = &b->items[i];
		const struct pii_rule *r = &rs->rules[f->rule];
		bool waits = waits_for_row(r, f);
		if (r->identifies && !waits)
			note_person(h, record_of(f, 0));
		/* a special rule that identifies someone (a health insurance
		 * number) is its own evidence: it is not held */
		if (((r->special && !r->identifies) || waits) &&
		    (!h->held || h->held->n < PII_SPECIAL_HELD_MAX)) {
			if (!h->held)
				h->held = pii_batch_new(b->file_id);
			if (h->held && pii_batch_add(h->held, f, f->loc, f->value, strlen(f->value)))
				continue;
		}
		b->items[kept++] = *f; /* past the limit, or no memory: it counts */
	}
	b->n = kept;
}

/* Whether someone is identified in f's record (or a text's neighbouring
 * band of lines). */
static bool about_someone(const struct pii_special_hold *h, const struct pii_finding *f)
{
	if (h->everyone || has_person(h, record_of(f, 0)))
		return true;
	bool text = !f->loc->part && !f->row;
	return text && (has_person(h, record_of(f, -1)) || has_person(h, record_of(f, 1)));
}

/* A held finding, for counting the different words of one rule in one
 * record. */
struct word {
	unsigned rule;
	uint64_t record;
	const char *value;
	size_t index;
};

static int cmp_word(const void *pa, const void *pb)
{
	const struct word *a = pa, *b = pb;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	if (a->record != b->record)
		return a->record < b->record ? -1 : 1;
	return strcasecmp(a->value, b->value);
}

/* Marks in dense[] the held findings whose record holds at least their
 * rule's density of different words (case aside): the density of one
 * record, not of a file (a thousand "disabled" in one file are one word).
 * false when out of memory. */
static bool mark_dense(const struct pii_batch *held, const struct pii_ruleset *rs, bool *dense)
{
	struct word *w = calloc(held->n ? held->n : 1, sizeof(*w));
	if (!w)
		return false;
	for (size_t i = 0; i < held->n; i++)
		w[i] = (struct word){held->items[i].rule, record_of(&held->items[i], 0),
				     held->items[i].value, i};
	qsort(w, held->n, sizeof(*w), cmp_word);
	for (size_t i = 0; i < held->n;) {
		size_t j = i;
		unsigned words = 0;
		for (; j < held->n && w[j].rule == w[i].rule && w[j].record == w[i].record; j++)
			words += j == i || strcasecmp(w[j].value, w[j - 1].value) != 0;
		unsigned density = rs->rules[w[i].rule].density;
		for (size_t k = i; density && words >= density && k < j; k++)
			dense[w[k].index] = true;
		i = j;
	}
	free(w);
	return true;
}

/* A row_evidence finding and its cell, for finding the rows where two
 * cells hold such words (a given name and a family name). */
struct cell {
	uint64_t record;
	const char *column;
};

static int cmp_cell(const void *pa, const void *pb)
{
	const struct cell *a = pa, *b = pb;
	if (a->record != b->record)
		return a->record < b->record ? -1 : 1;
	return strcmp(a->column, b->column);
}

/* Notes as identifying the rows where row_evidence findings stand in two
 * different columns: "Max" under "Voornaam" beside "Bakker" under
 * "Achternaam" is someone, one word under "Name" alone may be a host. */
static void note_named_rows(struct pii_special_hold *h, const struct pii_batch *held,
			    const struct pii_ruleset *rs)
{
	struct cell *c = calloc(held->n ? held->n : 1, sizeof(*c));
	if (!c) {
		h->everyone = true; /* without memory to tell: all count */
		return;
	}
	size_t n = 0;
	for (size_t i = 0; i < held->n; i++)
		if (!rs->rules[held->items[i].rule].special)
			c[n++] = (struct cell){record_of(&held->items[i], 0), held->items[i].loc->column};
	qsort(c, n, sizeof(*c), cmp_cell);
	for (size_t i = 1; i < n; i++)
		if (c[i].record == c[i - 1].record && strcmp(c[i].column, c[i - 1].column))
			note_person(h, c[i].record);
	free(c);
}

struct pii_batch *pii_special_decide(struct pii_special_hold *h, const struct pii_ruleset *rs)
{
	struct pii_batch *held = h->held;
	h->held = NULL;
	if (held) {
		/* without memory to count words, they count as dense */
		bool *dense = calloc(held->n ? held->n : 1, sizeof(bool));
		if (dense && !mark_dense(held, rs, dense))
			memset(dense, 1, held->n * sizeof(bool));
		note_named_rows(h, held, rs);
		size_t kept = 0;
		for (size_t i = 0; i < held->n; i++) {
			struct pii_finding *f = &held->items[i];
			if (!rs->rules[f->rule].special) {
				/* a row_evidence finding: low where nothing else
				 * in its row identifies someone */
				if (!h->everyone && !has_person(h, record_of(f, 0)))
					f->confidence = PII_CONF_LOW;
				held->items[kept++] = *f;
			} else if (!dense || dense[i] || about_someone(h, f)) {
				held->items[kept++] = *f;
			}
		}
		held->n = kept;
		free(dense);
		if (!kept) {
			pii_batch_free(held);
			held = NULL;
		}
	}
	pii_special_free(h);
	return held;
}

void pii_special_free(struct pii_special_hold *h)
{
	pii_batch_free(h->held);
	pii_dict_free(&h->people_index);
	free(h->people);
	memset(h, 0, sizeof(*h));
}
