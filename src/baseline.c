/*
 * baseline.c - what an earlier run reported (pii_baseline.h): a sorted
 * set of 64-bit keys, one per finding of a JSONL baseline (its row key
 * mixed with its fingerprint) or per row of an xlsx one (its row key).
 */
#include "pii_baseline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yajl/yajl_tree.h>

#include "pii_review.h"
#include "pii_util.h"
#include "pii_xlsx_read.h"
#include "pii_labels.h"

struct pii_baseline {
	uint64_t *keys; /* sorted, each once */
	size_t n, cap;
	bool by_value;  /* keys are row key x fingerprint (JSONL) */
};

/* A finding's key: its row's and its value's, mixed so that neither alone
 * decides (splitmix64's finaliser over their combination). */
static uint64_t value_key(uint64_t row_key, uint64_t fingerprint)
{
	uint64_t z = row_key ^ (fingerprint + 0x9e3779b97f4a7c15ULL + (row_key << 6));
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static bool add(struct pii_baseline *bl, uint64_t k)
{
	if (bl->n == bl->cap) {
		size_t cap = bl->cap ? bl->cap * 2 : 1024;
		uint64_t *grown = realloc(bl->keys, cap * sizeof(*grown));
		if (!grown)
			return false;
		bl->keys = grown;
		bl->cap = cap;
	}
	bl->keys[bl->n++] = k;
	return true;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static void sort_keys(struct pii_baseline *bl)
{
	if (!bl->n)
		return;
	qsort(bl->keys, bl->n, sizeof(*bl->keys), cmp_u64);
	size_t out = 1;
	for (size_t i = 1; i < bl->n; i++)
		if (bl->keys[i] != bl->keys[out - 1])
			bl->keys[out++] = bl->keys[i];
	bl->n = out;
}

/* ---- JSONL ------------------------------------------------------------------------ */

static const char *str_of(yajl_val obj, const char *key)
{
	const char *path[] = {key, NULL};
	yajl_val v = yajl_tree_get(obj, path, yajl_t_string);
	return v ? YAJL_GET_STRING(v) : NULL;
}

/* One line: a finding is added; a run's summary names its key. */
static bool jsonl_line(struct pii_baseline *bl, const char *line, const char *key_id,
		       const char *path, size_t lineno, char *err, size_t errlen)
{
	char why[256] = "";
	yajl_val obj = yajl_tree_parse(line, why, sizeof(why));
	if (!obj || !YAJL_IS_OBJECT(obj)) {
		yajl_tree_free(obj);
		pii_set_error(err, errlen, "--baseline: '%s', line %zu is not JSON: is it a piiscan "
			      ".jsonl output?", path, lineno);
		return false;
	}
	bool ok = true;
	const char *record = str_of(obj, "record");
	if (record) {
		const char *kept = str_of(obj, "key_id");
		if (!strcmp(record, "summary") && kept && strcmp(kept, key_id)) {
			pii_set_error(err, errlen, "--baseline: '%s' was made with fingerprint key %s, "
				      "this run's is %s: give the --fingerprint-key-file it used",
				      path, kept, key_id);
			ok = false;
		}
	} else {
		const char *file = str_of(obj, "file"), *rule = str_of(obj, "rule");
		const char *fp = str_of(obj, "fingerprint");
		uint64_t fingerprint;
		if (!file || !rule || !fp || strlen(fp) != 16) {
			pii_set_error(err, errlen, "--baseline: '%s', line %zu is no piiscan finding "
				      "(file, rule and fingerprint)", path, lineno);
			ok = false;
		} else {
			fingerprint = strtoull(fp, NULL, 16);
			uint64_t row = pii_row_key(rule, file, str_of(obj, "table"),
						   str_of(obj, "column"), str_of(obj, "key"),
						   str_of(obj, "part"));
			if (!(ok = add(bl, value_key(row, fingerprint))))
				pii_set_error(err, errlen, "out of memory");
		}
	}
	yajl_tree_free(obj);
	return ok;
}

static bool load_jsonl(struct pii_baseline *bl, const char *path, const char *key_id, char *err,
		       size_t errlen)
{
	if (!key_id) {
		pii_set_error(err, errlen, "--baseline: '%s' is known by value fingerprints: give "
			      "the --fingerprint-key-file its run used (a random key matches "
			      "nothing)", path);
		return false;
	}
	FILE *f = fopen(path, "r");
	if (!f) {
		pii_set_error(err, errlen, "--baseline: cannot open '%s': %s", path, strerror(errno));
		return false;
	}
	bl->by_value = true;
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t len;
	bool ok = true;
	while (ok && (len = getline(&line, &cap, f)) > 0) {
		lineno++;
		if (len == 1 && line[0] == '\n')
			continue;
		ok = jsonl_line(bl, line, key_id, path, lineno, err, errlen);
	}
	if (ok && ferror(f)) {
		pii_set_error(err, errlen, "--baseline: cannot read '%s': %s", path, strerror(errno));
		ok = false;
	}
	free(line);
	fclose(f);
	return ok;
}

/* ---- xlsx ------------------------------------------------------------------------- */

struct sheet_ctx {
	struct pii_baseline *bl;
	int key_col; /* -1 until the header row is read */
	bool oom;
};

static bool xlsx_row(void *ctx, size_t row, const char *const *cells, size_t n)
{
	(void)row;
	struct sheet_ctx *c = ctx;
	if (c->key_col < 0) {
		for (size_t i = 0; i < n; i++)
			if (pii_label_is(PII_L_COL_ROW_KEY, cells[i]))
				c->key_col = (int)i;
		return c->key_col >= 0;
	}
	uint64_t key;
	if ((size_t)c->key_col < n && pii_row_key_parse(cells[c->key_col], &key) &&
	    !add(c->bl, key))
		return !(c->oom = true);
	return true;
}

static bool load_xlsx(struct pii_baseline *bl, const char *path, char *err, size_t errlen)
{
	struct pii_xlsx *x = pii_xlsx_open(path, err, errlen);
	if (!x)
		return false;
	bool ok = true;
	size_t at = 0, n_sheets = 0;
	for (const char *sheet; ok && (sheet = pii_review_sheet_next(x, &at)); n_sheets++) {
		struct sheet_ctx c = {.bl = bl, .key_col = -1};
		ok = pii_xlsx_rows(x, sheet, xlsx_row, &c, err, errlen) == PII_OK;
		if (c.oom)
			pii_set_error(err, errlen, "out of memory");
		else if (!ok)
			pii_set_error(err, errlen, "--baseline: '%s': its %s sheet has no Row "
				      "key column: not an inventory of this piiscan", path, sheet);
	}
	if (ok && !n_sheets) {
		pii_set_error(err, errlen, "--baseline: '%s' has no Inventory sheet", path);
		ok = false;
	}
	pii_xlsx_close(x);
	return ok;
}

/* ---- use ------------------------------------------------------------------------- */

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n >= t && !strcasecmp(s + n - t, tail);
}

struct pii_baseline *pii_baseline_load(const char *path, const char *key_id, char *err,
				       size_t errlen)
{
	struct pii_baseline *bl = calloc(1, sizeof(*bl));
	if (!bl) {
		pii_set_error(err, errlen, "out of memory");
		return NULL;
	}
	bool ok;
	if (ends_with(path, ".jsonl"))
		ok = load_jsonl(bl, path, key_id, err, errlen);
	else if (ends_with(path, ".xlsx"))
		ok = load_xlsx(bl, path, err, errlen);
	else {
		pii_set_error(err, errlen, "--baseline: '%s' is neither .jsonl nor .xlsx", path);
		ok = false;
	}
	if (!ok) {
		pii_baseline_free(bl);
		return NULL;
	}
	sort_keys(bl);
	return bl;
}

void pii_baseline_free(struct pii_baseline *bl)
{
	if (!bl)
		return;
	free(bl->keys);
	free(bl);
}

bool pii_baseline_known(const struct pii_baseline *bl, uint64_t row_key, uint64_t fingerprint)
{
	uint64_t k = bl->by_value ? value_key(row_key, fingerprint) : row_key;
	return bl->n && bsearch(&k, bl->keys, bl->n, sizeof(k), cmp_u64);
}
