/*
 * finding.c - batches of findings and per-file results.
 */
#include "pii_finding.h"

#include <stdio.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pii_batch *pii_batch_new(uint64_t file_id)
{
	struct pii_batch *b = calloc(1, sizeof(*b));
	if (b)
		b->file_id = file_id;
	return b;
}

void pii_batch_free(struct pii_batch *b)
{
	if (!b)
		return;
	free(b->items);
	pii_arena_free(&b->arena);
	free(b);
}

static bool loc_eq(const struct pii_loc *a, const struct pii_loc *b)
{
	return pii_streq_null(a->file, b->file) && pii_streq_null(a->table, b->table) &&
	       pii_streq_null(a->column, b->column) && pii_streq_null(a->key, b->key) &&
	       pii_streq_null(a->part, b->part) && a->page == b->page;
}

/* Copies loc into the batch, or reuses the last copy when it is the same
 * location (the common case: many findings in one file or column). */
static const struct pii_loc *intern_loc(struct pii_batch *b, const struct pii_loc *loc)
{
	if (b->last_loc && loc_eq(b->last_loc, loc))
		return b->last_loc;
	struct pii_loc *copy = pii_arena_alloc(&b->arena, sizeof(*copy));
	if (!copy)
		return NULL;
	copy->file = pii_arena_strdup(&b->arena, loc->file);
	copy->table = pii_arena_strdup(&b->arena, loc->table);
	copy->column = pii_arena_strdup(&b->arena, loc->column);
	copy->key = pii_arena_strdup(&b->arena, loc->key);
	copy->part = pii_arena_strdup(&b->arena, loc->part);
	copy->page = loc->page;
	copy->technical = loc->technical;
	if (!copy->file || (loc->table && !copy->table) ||
	    (loc->column && !copy->column) || (loc->key && !copy->key) ||
	    (loc->part && !copy->part))
		return NULL;
	b->last_loc = copy;
	return copy;
}

bool pii_batch_add(struct pii_batch *b, const struct pii_finding *f,
		   const struct pii_loc *loc, const char *value, size_t value_len)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		struct pii_finding *grown = realloc(b->items, cap * sizeof(*grown));
		if (!grown)
			return false;
		b->items = grown;
		b->cap = cap;
	}
	const struct pii_loc *l = intern_loc(b, loc);
	char *v = pii_arena_strndup(&b->arena, value, value_len);
	if (!l || !v)
		return false;
	struct pii_finding *dst = &b->items[b->n++];
	*dst = *f;
	dst->loc = l;
	dst->value = v;
	return true;
}

struct pii_file_result *pii_file_result_new(uint64_t file_id, const char *path)
{
	struct pii_file_result *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->file_id = file_id;
	r->path = strdup(path);
	if (!r->path) {
		free(r);
		return NULL;
	}
	return r;
}

void pii_file_result_set(struct pii_file_result *r, enum pii_file_status st,
			 const char *code, const char *reason)
{
	r->status = st;
	snprintf(r->code, sizeof(r->code), "%s", code ? code : "");
	free(r->reason);
	r->reason = reason ? strdup(reason) : NULL;
}

void pii_file_result_setf(struct pii_file_result *r, enum pii_file_status st, const char *code,
			  const char *fmt, ...)
{
	char why[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	pii_file_result_set(r, st, code, why);
}

void pii_file_result_free(struct pii_file_result *r)
{
	if (!r)
		return;
	free(r->path);
	free(r->reason);
	free(r->allowed);
	free(r);
}

const char *pii_file_status_name(enum pii_file_status st)
{
	switch (st) {
	case PII_FILE_SCANNED: return "scanned";
	case PII_FILE_PARTIAL: return "partial";
	case PII_FILE_FAILED: return "failed";
	case PII_FILE_SKIPPED: return "skipped";
	}
	return "?";
}
