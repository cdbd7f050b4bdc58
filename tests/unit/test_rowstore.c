/*
 * The inventory's row store (rowstore.c): rows past the budget go to
 * the temporary file in sorted runs and come back merged, in the
 * inventory's order, every field as it went in; a reader of an array;
 * the order itself (a file's rows together).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii_rowstore.h"
#include "test.h"

static char report_a[] = "email", report_b[] = "phone", cat[] = "contact";
static struct pii_report_id reports[] = {
	{.name = report_a, .category = cat, .subject_kind = -1},
	{.name = report_b, .category = cat, .subject_kind = -1},
};
static struct pii_ruleset rules = {.reports = reports, .n_reports = 2};

/* The review entry a row points at: the pointer must come back as it went. */
static struct pii_review_entry review_entry;

#define N_FILES 300
#define ROW_STRS 64

/* An example far longer than the 64 KiB a run is read through. */
static char long_example[100001];

/* Row k of file i, its fields all made from i and k (its strings in
 * strs); some strings NULL, some empty, some far longer than a read
 * buffer. */
static void make_row(struct pii_inv_row *r, const struct pii_inv_file *f, int i, int k,
		     char *strs, size_t len)
{
	memset(r, 0, sizeof(*r));
	r->file = f;
	char *p = strs;
	/* rows 2 and 3 are one location's (two tables): a path repeated */
	snprintf(p, len, k == 0 ? "%s" : "%s!m%d.csv", f->path, k == 3 ? 2 : k);
	r->path = p;
	p += strlen(p) + 1;
	if (k) {
		snprintf(p, 16, "t%d", k % 3);
		r->table = p;
		p += strlen(p) + 1;
	}
	r->column = k == 2 ? "" : NULL; /* empty is not NULL */
	r->example = i % 7 == 3 ? long_example : i % 7 == 4 ? "j***@example.nl" : NULL;
	r->report = (unsigned)((i + k) % 2);
	r->count = (uint64_t)i * 1000 + (uint64_t)k;
	r->by_confidence[3] = UINT64_MAX - (uint64_t)i; /* a 10-byte varint */
	r->counted = (uint64_t)k;
	r->distinct = 1;
	r->example_fingerprint = 0x0123456789abcdefULL ^ (uint64_t)i;
	r->row_key = (uint64_t)i << 32 | (uint64_t)k;
	r->rows_with = (uint64_t)(i % 5);
	r->contact_list = i % 11 == 0 ? 60 : 0;
	r->system = i % 13 == 0 ? UINT32_MAX : (unsigned)(i % 4);
	r->confidence = (enum pii_confidence)(k % 4);
	r->stale = i % 2;
	r->distinct_estimated = k % 2;
	r->review_changed = i % 3 == 0;
	r->review = i % 4 == 0 ? &review_entry : NULL;
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool same_row(const struct pii_inv_row *a, const struct pii_inv_row *b)
{
	return same_str(a->path, b->path) && same_str(a->table, b->table) &&
	       same_str(a->column, b->column) && same_str(a->key, b->key) &&
	       same_str(a->part, b->part) && same_str(a->example, b->example) &&
	       !strcmp(a->file->path, b->file->path) && same_str(a->file->owner, b->file->owner) &&
	       same_str(a->file->type, b->file->type) && a->file->size == b->file->size &&
	       a->file->mtime == b->file->mtime && a->file->saved == b->file->saved &&
	       a->file->uid == b->file->uid && a->report == b->report && a->count == b->count &&
	       !memcmp(a->by_confidence, b->by_confidence, sizeof(a->by_confidence)) &&
	       a->counted == b->counted && a->distinct == b->distinct &&
	       a->example_line == b->example_line &&
	       a->example_fingerprint == b->example_fingerprint && a->row_key == b->row_key &&
	       a->rows_scanned == b->rows_scanned && a->rows_in_table == b->rows_in_table &&
	       a->rows_with == b->rows_with && a->contact_list == b->contact_list &&
	       a->system == b->system && a->confidence == b->confidence && a->stale == b->stale &&
	       a->distinct_estimated == b->distinct_estimated &&
	       a->review_changed == b->review_changed && a->review == b->review;
}

/* Files added in an order other than the inventory's, 1 to 4 rows each,
 * into a store of `budget` bytes; what comes back must be every row, in
 * the order of sorting them all in memory. */
static void round_trip(uint64_t budget, bool want_spill)
{
	struct pii_rowstore *s = pii_rowstore_new(&rules, budget);
	struct pii_inv_file files[N_FILES];
	char paths[N_FILES][32];
	struct pii_inv_row *all = calloc(N_FILES * 4, sizeof(*all));
	char *strs = malloc((size_t)N_FILES * 4 * ROW_STRS);
	size_t n_all = 0;
	bool added = s && all && strs;
	for (int j = 0; added && j < N_FILES; j++) {
		int i = (j * 7919) % N_FILES; /* not in path order */
		snprintf(paths[i], sizeof(paths[i]), "/share/d%d/f%03d.txt", i % 5, i);
		files[i] = (struct pii_inv_file){.path = paths[i], .size = (uint64_t)i << 20,
						 .mtime = -86400 * (int64_t)i, .saved = i % 2 ? 0 : 1,
						 .uid = (uid_t)(1000 + i),
						 .owner = i % 3 ? NULL : "svc",
						 .type = i % 2 ? "text/plain" : "application/zip"};
		struct pii_inv_row rows[4];
		int n = 1 + i % 4;
		for (int k = 0; k < n; k++) {
			make_row(&rows[k], &files[i], i, k, strs + n_all * ROW_STRS, ROW_STRS);
			all[n_all++] = rows[k];
		}
		added = pii_rowstore_add_file(s, &files[i], rows, (size_t)n);
		CHECK(added);
	}
	pii_rowstore_seal(s);
	pii_inv_rows_sort(&rules, all, n_all);
	CHECK_U64(pii_rowstore_count(s), n_all);
	CHECK_MSG((pii_rowstore_spilled(s) > 0) == want_spill, "budget %llu: %llu rows spilled",
		  (unsigned long long)budget, (unsigned long long)pii_rowstore_spilled(s));
	CHECK(pii_rowstore_spill_error(s) == NULL);
	/* twice: a store is read as often as a writer needs */
	for (int pass = 0; pass < 2; pass++) {
		struct pii_rowcursor *c = pii_rowcursor_open(s);
		size_t got = 0, wrong = 0;
		const struct pii_inv_row *r;
		while (c && (r = pii_rowcursor_next(c))) {
			if (got >= n_all || !same_row(r, &all[got]))
				wrong++;
			got++;
		}
		CHECK(c != NULL);
		CHECK(pii_rowcursor_close(c));
		CHECK_U64(got, n_all);
		CHECK_MSG(wrong == 0, "budget %llu, pass %d: %zu of %zu rows differ",
			  (unsigned long long)budget, pass, wrong, got);
	}
	pii_rowstore_free(s);
	free(all);
	free(strs);
}

/* A file's rows stay together, also where another file's name sorts
 * between its own path and its members' ("a.eml" < "a.eml x" < "a.eml!b"). */
static void file_order(void)
{
	struct pii_inv_file mail = {.path = "m/a.eml"}, other = {.path = "m/a.eml x.txt"};
	struct pii_inv_row rows[3] = {
		{.file = &mail, .path = "m/a.eml!b.pdf"},
		{.file = &other, .path = "m/a.eml x.txt"},
		{.file = &mail, .path = "m/a.eml"},
	};
	pii_inv_rows_sort(&rules, rows, 3);
	CHECK_STR(rows[0].path, "m/a.eml");
	CHECK_STR(rows[1].path, "m/a.eml!b.pdf");
	CHECK_STR(rows[2].path, "m/a.eml x.txt");
	/* then the rule's name: email before phone */
	struct pii_inv_row two[2] = {{.file = &mail, .path = "m/a.eml", .report = 1},
				     {.file = &mail, .path = "m/a.eml", .report = 0}};
	pii_inv_rows_sort(&rules, two, 2);
	CHECK(two[0].report == 0 && two[1].report == 1);
}

static void array_reader(void)
{
	struct pii_inv_file f = {.path = "x"};
	struct pii_inv_row rows[2] = {{.file = &f, .path = "x", .count = 1},
				      {.file = &f, .path = "x", .count = 2}};
	struct pii_rowcursor *c = pii_rowcursor_open_rows(rows, 2);
	const struct pii_inv_row *r = pii_rowcursor_next(c);
	uint64_t first = r ? r->count : 0; /* a row is good until the next call */
	r = r ? pii_rowcursor_next(c) : NULL;
	CHECK(first == 1 && r && r->count == 2 && !pii_rowcursor_next(c));
	CHECK(pii_rowcursor_close(c));
	/* no store: no rows */
	c = pii_rowcursor_open(NULL);
	CHECK(c && !pii_rowcursor_next(c));
	CHECK(pii_rowcursor_close(c));
}

void test_rowstore(void)
{
	memset(long_example, 'x', sizeof(long_example) - 1);
	file_order();
	array_reader();
	round_trip((uint64_t)1 << 30, false); /* all in memory */
	round_trip(4096, true);               /* a run every few rows */
	round_trip(256 << 10, true);          /* runs of a few hundred rows and the rest in memory */
}
