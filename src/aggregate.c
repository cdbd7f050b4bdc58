/*
 * aggregate.c - the inventory as it is built (pii_aggregate.h).
 *
 * Rows of a file are aggregated while the file is in flight and moved to
 * the inventory when its outcome arrives. Distinct values are counted
 * from fingerprints.
 */
#include "pii_aggregate.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pii_dict.h"
#include "pii_limits.h"
#include "pii_register.h"
#include "pii_report.h"
#include "pii_rowstore.h"
#include "pii_url.h"

/* Bits of HyperLogLog precision: 2^12 registers (4 KiB, 1.6% error) per
 * inventory row that outgrows the exact set; 2^14 (16 KiB, 0.8%) for
 * the few per-category totals. */
#define ROW_HLL_BITS 12
#define CATEGORY_HLL_BITS 14

/* A row being aggregated. */
struct pending_row {
	struct pii_inv_row row;
	struct pii_distinct distinct;
	uint64_t hash;
	uint64_t last_row; /* the record of its last finding */
};

/* The record count of a table, kept until its file's rows are made. */
struct table_rows {
	char *path, *table;
	uint64_t rows;
	uint64_t total;   /* in the table, when rows is a sample's; else 0 */
};

struct pii_agg_file {
	struct pii_inv_file file;  /* its strings in arena */
	struct pii_inv_file *kept; /* the copy its kept findings point at (in
				    * the inventory's arena), or NULL */
	struct pii_arena arena;    /* the strings of its rows and file */
	struct pending_row *rows;
	size_t n_rows, cap_rows;
	struct pii_dict index;     /* rows by location x report */
	struct table_rows *tables;
	size_t n_tables;
	int system;                /* its system in the data map; -1: not yet */
};

struct pii_aggregate {
	const struct pii_options *opt;
	const struct pii_ruleset *rs;
	struct pii_inventory *inv;
	unsigned *report_category; /* report index -> category index */
	const struct pii_review *review; /* verdicts, or NULL */
	bool keep_findings;
	bool oom;
	/* the file types copied last: a tree holds few, and a copy for each
	 * of a million files would be a tenth of the inventory's memory */
	const char *types[16];
	unsigned next_type;
};

/* The inventory's copy of a file type, shared with earlier files of the
 * same type where it can be; NULL for NULL or out of memory. */
static const char *file_type(struct pii_aggregate *a, const char *type)
{
	if (!type)
		return NULL;
	for (size_t i = 0; i < sizeof(a->types) / sizeof(a->types[0]) && a->types[i]; i++)
		if (!strcmp(a->types[i], type))
			return a->types[i];
	const char *copy = pii_arena_strdup(&a->inv->arena, type);
	if (copy) {
		a->types[a->next_type] = copy;
		a->next_type = (a->next_type + 1) % (sizeof(a->types) / sizeof(a->types[0]));
	}
	return copy;
}

/* ---- rows by location ---------------------------------------------------------- */

struct row_key {
	const struct pii_loc *loc;
	unsigned report;
};

static uint64_t row_hash(const void *owner, size_t i)
{
	return ((const struct pii_agg_file *)owner)->rows[i].hash;
}

static bool row_matches(const void *owner, size_t i, const void *key)
{
	const struct pii_inv_row *r = &((const struct pii_agg_file *)owner)->rows[i].row;
	const struct row_key *k = key;
	const struct pii_loc *l = k->loc;
	return r->report == k->report && pii_streq_null(r->path, l->file) &&
	       pii_streq_null(r->table, l->table) && pii_streq_null(r->column, l->column) &&
	       pii_streq_null(r->key, l->key) && pii_streq_null(r->part, l->part);
}

static const struct pii_dict_type row_dict = {row_hash, row_matches};

/* Finds or adds the row of location l x report. Its strings are copied
 * into the file's arena once per row. */
static struct pending_row *row_get(struct pii_aggregate *a, struct pii_agg_file *f,
				   const struct pii_loc *l, unsigned report)
{
	/* the row's key for the review is its hash here too */
	uint64_t h = pii_row_key(a->rs->reports[report].name, l->file, l->table, l->column, l->key,
				 l->part);
	struct row_key key = {l, report};
	size_t at = pii_dict_find(&f->index, h, &key);
	if (at != PII_DICT_NONE)
		return &f->rows[at];
	if (f->n_rows == f->cap_rows) {
		size_t cap = f->cap_rows ? f->cap_rows * 2 : 8;
		struct pending_row *grown = realloc(f->rows, cap * sizeof(*grown));
		if (!grown)
			return NULL;
		f->rows = grown;
		f->cap_rows = cap;
	}
	struct pii_arena *arena = &f->arena;
	const struct pii_inv_row *prev = f->n_rows ? &f->rows[f->n_rows - 1].row : NULL;
	struct pending_row *pr = &f->rows[f->n_rows];
	memset(pr, 0, sizeof(*pr));
	pr->hash = h;
	pr->row.file = &f->file;
	pr->row.report = report;
	/* a location's rows (one per kind) come one after another: they
	 * share the copies of its path, table, column and part */
	pr->row.path = pii_arena_share(arena, prev ? prev->path : NULL, l->file);
	pr->row.table = pii_arena_share(arena, prev ? prev->table : NULL, l->table);
	pr->row.column = pii_arena_share(arena, prev ? prev->column : NULL, l->column);
	pr->row.key = pii_arena_strdup(arena, l->key);
	pr->row.part = pii_arena_share(arena, prev ? prev->part : NULL, l->part);
	if (!pr->row.path || (l->table && !pr->row.table) || (l->column && !pr->row.column) ||
	    (l->key && !pr->row.key) || (l->part && !pr->row.part))
		return NULL;
	if (!pii_dict_add(&f->index, h, f->n_rows))
		return NULL;
	pii_distinct_init(&pr->distinct, ROW_HLL_BITS);
	pr->row.row_key = h;
	pr->row.review = pii_review_find(a->review, pr->row.row_key);
	f->n_rows++;
	return pr;
}

/* ---- files in flight ---------------------------------------------------------------- */

struct pii_agg_file *pii_agg_file_new(struct pii_aggregate *a)
{
	(void)a;
	struct pii_agg_file *f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->system = -1;
	pii_dict_init(&f->index, &row_dict, f);
	return f;
}

void pii_agg_file_free(struct pii_agg_file *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n_rows; i++)
		pii_distinct_free(&f->rows[i].distinct);
	for (size_t i = 0; i < f->n_tables; i++) {
		free(f->tables[i].path);
		free(f->tables[i].table);
	}
	free(f->tables);
	free(f->rows);
	pii_dict_free(&f->index);
	pii_arena_free(&f->arena);
	free(f);
}

void pii_agg_table(struct pii_aggregate *a, struct pii_agg_file *f, const char *path,
		   const char *table, uint64_t rows, uint64_t total)
{
	struct table_rows *grown = realloc(f->tables, (f->n_tables + 1) * sizeof(*grown));
	char *p = strdup(path), *t = strdup(table);
	if (!grown || !p || !t) {
		if (grown)
			f->tables = grown;
		free(p);
		free(t);
		a->oom = true;
		return;
	}
	f->tables = grown;
	f->tables[f->n_tables++] = (struct table_rows){p, t, rows, total};
}

/* The rows of row's table read, and *total those it holds when they
 * were a sample (else 0). */
static uint64_t table_rows_of(const struct pii_agg_file *f, const struct pii_inv_row *row,
			      uint64_t *total)
{
	uint64_t rows = 0;
	*total = 0;
	for (size_t i = 0; row->table && i < f->n_tables; i++)
		if (!strcmp(f->tables[i].path, row->path) && !strcmp(f->tables[i].table, row->table)) {
			rows += f->tables[i].rows;
			*total += f->tables[i].total;
		}
	return rows;
}

/* ---- findings --------------------------------------------------------------------- */

/* The copy of f's file that its kept findings point at: it outlives f,
 * and is filled in when f's outcome arrives. */
static const struct pii_inv_file *kept_file(struct pii_aggregate *a, struct pii_agg_file *f)
{
	if (!f->kept && (f->kept = pii_arena_alloc(&a->inv->arena, sizeof(*f->kept)))) {
		memset(f->kept, 0, sizeof(*f->kept));
		f->kept->path = PII_INV_PATH_LOST; /* until then */
	}
	return f->kept;
}

static void keep_finding(struct pii_aggregate *a, struct pii_agg_file *f,
			 const struct pending_row *pr, const struct pii_finding *fd)
{
	struct pii_inventory *inv = a->inv;
	if (inv->n_findings >= a->opt->max_findings)
		return;
	if (inv->n_findings == inv->cap_findings) {
		size_t cap = inv->cap_findings ? inv->cap_findings * 2 : 256;
		if (cap > a->opt->max_findings)
			cap = a->opt->max_findings;
		struct pii_inv_finding *grown = realloc(inv->findings, cap * sizeof(*grown));
		if (!grown) {
			a->oom = true;
			return;
		}
		inv->findings = grown;
		inv->cap_findings = cap;
	}
	/* the file's rows and strings go when it is kept: the finding's own
	 * copies, shared with the finding before where they are the same */
	struct pii_arena *arena = &inv->arena;
	const struct pii_inv_finding *prev = inv->n_findings ? &inv->findings[inv->n_findings - 1]
							     : NULL;
	struct pii_inv_finding kf = {
		.file = kept_file(a, f),
		.path = pii_arena_share(arena, prev ? prev->path : NULL, pr->row.path),
		.table = pii_arena_share(arena, prev ? prev->table : NULL, pr->row.table),
		.column = pii_arena_share(arena, prev ? prev->column : NULL, pr->row.column),
		.key = pii_arena_share(arena, prev ? prev->key : NULL, pr->row.key),
		.part = pii_arena_share(arena, prev ? prev->part : NULL, pr->row.part),
		.value = pii_arena_strdup(arena, fd->value),
	};
	if (!kf.file || !kf.path || !kf.value || (pr->row.table && !kf.table) ||
	    (pr->row.column && !kf.column) || (pr->row.key && !kf.key) ||
	    (pr->row.part && !kf.part)) {
		a->oom = true;
		return;
	}
	inv->findings[inv->n_findings++] = (struct pii_inv_finding){
		.file = kf.file,
		.path = kf.path,
		.table = kf.table,
		.column = kf.column,
		.key = kf.key,
		.part = kf.part,
		.page = fd->loc->page,
		.rule = fd->rule,
		.confidence = fd->confidence,
		.line = fd->line,
		.row = fd->row,
		.offset = fd->offset,
		.value = kf.value,
	};
}

static void add_distinct(struct pii_aggregate *a, struct pii_distinct *d, uint64_t fp)
{
	if (!pii_distinct_add(d, fp))
		a->oom = true;
}

void pii_agg_batch(struct pii_aggregate *a, struct pii_agg_file *f, const struct pii_batch *b)
{
	struct pii_inventory *inv = a->inv;
	if (!b->n)
		return;
	/* The file's system, for the data map's count of people. */
	if (f->system < 0)
		f->system = pii_system_of(inv, a->opt, b->items[0].loc->file);
	struct pii_inv_system *sys = f->system >= 0 ? &inv->systems[f->system] : NULL;
	if (!sys)
		a->oom = true;
	struct pending_row *last = NULL;
	const struct pii_loc *last_loc = NULL;
	unsigned last_report = 0;
	for (size_t i = 0; i < b->n; i++) {
		const struct pii_finding *fd = &b->items[i];
		unsigned report = a->rs->rules[fd->rule].report_index;
		struct pending_row *pr = last;
		if (!pr || fd->loc != last_loc || report != last_report) {
			pr = row_get(a, f, fd->loc, report);
			if (!pr) {
				a->oom = true;
				continue;
			}
			if (!pr->row.example) {
				/* where the example is and what it is, without
				 * the value: for SARIF's region and fingerprint */
				pr->row.example_line = fd->line;
				pr->row.example_fingerprint = fd->fingerprint;
				if (!(pr->row.example = pii_arena_strdup(&f->arena, fd->value)))
					a->oom = true;
			}
			last = pr;
			last_loc = fd->loc;
			last_report = report;
		}
		/* A row found not to be personal data is kept apart: nothing
		 * of it is counted or listed, its own figures aside. */
		bool reviewed_out = pr->row.review &&
				    pr->row.review->verdict == PII_VERDICT_NOT_PERSONAL;
		/* Below --min-confidence a finding is listed (its row, the
		 * Findings sheet), not counted: no total, category or person. */
		bool counted = !reviewed_out && fd->confidence >= a->opt->min_confidence;
		if (reviewed_out)
			inv->findings_reviewed++;
		else
			inv->findings_per_rule[fd->rule]++;
		if (counted) {
			struct pii_inv_category *cat = &inv->categories[a->report_category[report]];
			inv->findings_total++;
			inv->counted_per_rule[fd->rule]++;
			cat->findings++;
			add_distinct(a, &cat->distinct, fd->fingerprint);
			int kind = a->rs->reports[report].subject_kind;
			if (kind >= 0) {
				if (sys)
					add_distinct(a, &sys->subjects[kind], fd->fingerprint);
				add_distinct(a, &inv->subjects[kind], fd->fingerprint);
			}
		} else if (!reviewed_out) {
			inv->findings_uncounted++;
		}
		pr->row.count++;
		pr->row.counted += counted;
		/* Findings of a column come in record order. */
		if (fd->row && fd->row != pr->last_row) {
			pr->row.rows_with++;
			pr->last_row = fd->row;
		}
		pr->row.by_confidence[fd->confidence & 3]++;
		if (fd->confidence > pr->row.confidence)
			pr->row.confidence = fd->confidence;
		add_distinct(a, &pr->distinct, fd->fingerprint);
		if (a->keep_findings && !reviewed_out)
			keep_finding(a, f, pr, fd);
	}
}

/* ---- errors rows and outcomes ----------------------------------------------------------- */

void pii_agg_problem(struct pii_aggregate *a, const char *path, enum pii_file_status st,
		     const char *code, const char *reason)
{
	struct pii_inventory *inv = a->inv;
	if (inv->n_problems >= PII_XLSX_MAX_ROWS) {
		inv->problems_dropped++;
		return;
	}
	if (inv->n_problems == inv->cap_problems) {
		size_t cap = inv->cap_problems ? inv->cap_problems * 2 : 64;
		struct pii_inv_problem *grown = realloc(inv->problems, cap * sizeof(*grown));
		if (!grown) {
			a->oom = true;
			return;
		}
		inv->problems = grown;
		inv->cap_problems = cap;
	}
	struct pii_inv_problem *p = &inv->problems[inv->n_problems];
	p->path = pii_arena_strdup(&inv->arena, path);
	p->reason = pii_arena_strdup(&inv->arena, reason ? reason : "");
	p->code = pii_arena_strdup(&inv->arena, code ? code : "");
	p->status = st;
	if (!p->path || !p->reason || !p->code) {
		a->oom = true;
		return;
	}
	inv->n_problems++;
}

/* A row found not to be personal data: kept apart, in memory (there are
 * no more than the review's verdicts), with its own copies. */
static void keep_reviewed(struct pii_aggregate *a, const struct pii_inv_row *row,
			  const struct pii_inv_file **file)
{
	struct pii_inventory *inv = a->inv;
	if (inv->n_reviewed == inv->cap_reviewed) {
		size_t more = inv->cap_reviewed ? inv->cap_reviewed * 2 : 64;
		struct pii_inv_row *grown = realloc(inv->reviewed, more * sizeof(*grown));
		if (!grown) {
			a->oom = true;
			return;
		}
		inv->reviewed = grown;
		inv->cap_reviewed = more;
	}
	if (!*file && !(*file = pii_inv_file_copy(&inv->arena, row->file))) {
		a->oom = true;
		return;
	}
	const struct pii_inv_row *prev = inv->n_reviewed ? &inv->reviewed[inv->n_reviewed - 1]
							 : NULL;
	if (!pii_inv_row_copy(&inv->arena, &inv->reviewed[inv->n_reviewed], row, prev, *file))
		a->oom = true;
	else
		inv->n_reviewed++;
}

/* Counts a finished row's review: with a verdict or open, and whether it
 * moved since (its count; its one value, where the fingerprints of the
 * review can be compared). True when it is not personal data. */
static bool review_row(struct pii_aggregate *a, struct pii_inv_row *row)
{
	struct pii_inventory *inv = a->inv;
	const struct pii_review_entry *e = row->review;
	if (!a->review)
		return false;
	if (!e) {
		inv->rows_open++;
		return false;
	}
	inv->rows_with_verdict++;
	row->review_changed = e->count != row->count ||
			      (e->fingerprint && pii_review_same_key(a->review) &&
			       (row->distinct != 1 || e->fingerprint != row->example_fingerprint));
	inv->rows_changed += row->review_changed;
	return e->verdict == PII_VERDICT_NOT_PERSONAL;
}

/* Moves the rows of f into the inventory: the data map counts them
 * (pii_register_file), then the row store keeps them. */
static void keep_rows(struct pii_aggregate *a, struct pii_agg_file *f)
{
	struct pii_inventory *inv = a->inv;
	bool *cat_seen = calloc(inv->n_categories ? inv->n_categories : 1, sizeof(bool));
	struct pii_inv_row *kept = malloc((f->n_rows ? f->n_rows : 1) * sizeof(*kept));
	const struct pii_inv_file *reviewed_file = NULL;
	size_t n_kept = 0;
	if (!kept) {
		a->oom = true;
		free(cat_seen);
		return;
	}
	for (size_t i = 0; i < f->n_rows; i++) {
		struct pending_row *pr = &f->rows[i];
		/* an estimate (past PII_DISTINCT_EXACT_MAX values) can come out a
		 * little above the findings it counts: never more distinct
		 * values than values (#17: "Distinct 321,402 of Count 314,832") */
		pr->row.distinct = pii_distinct_count_of(&pr->distinct, pr->row.count);
		if (!pr->row.distinct && pr->row.count)
			pr->row.distinct = 1; /* not kept for want of memory */
		pr->row.rows_scanned = table_rows_of(f, &pr->row, &pr->row.rows_in_table);
		pr->row.distinct_estimated = pii_distinct_is_estimate(&pr->distinct);
		pr->row.system = f->system >= 0 ? (unsigned)f->system : UINT32_MAX;
		if (review_row(a, &pr->row)) {
			keep_reviewed(a, &pr->row, &reviewed_file);
			continue;
		}
		inv->locations_high += pr->row.confidence == PII_CONF_HIGH;
		unsigned ci = a->report_category[pr->row.report];
		if (pr->row.counted) {
			inv->categories[ci].locations++;
			if (cat_seen && !cat_seen[ci]) {
				cat_seen[ci] = true;
				inv->categories[ci].files++;
			}
		}
		kept[n_kept++] = pr->row;
	}
	pii_inv_rows_sort(a->rs, kept, n_kept);
	pii_register_file(inv, kept, n_kept);
	if (!pii_rowstore_add_file(inv->store, &f->file, kept, n_kept))
		a->oom = true;
	free(kept);
	free(cat_seen);
}

/* Whether anything could be read under the PATH the file was found
 * under (pii_inventory_unread_root). Only what the file system refused
 * counts against it: a file opened but damaged or encrypted is the
 * content's doing, an Errors row like any other. */
static void count_root(struct pii_aggregate *a, const struct pii_file_result *r)
{
	struct pii_inventory *inv = a->inv;
	size_t i = pii_path_root(a->opt->paths, a->opt->n_paths, r->path);
	if (i >= inv->n_roots)
		return;
	struct pii_inv_root *root = &inv->roots[i];
	bool refused = r->status == PII_FILE_FAILED && (!strcmp(r->code, PII_CODE_OPEN_FAILED) ||
							!strcmp(r->code, PII_CODE_READ_ERROR));
	if (r->status == PII_FILE_SCANNED || r->status == PII_FILE_PARTIAL)
		root->read++;
	else if (refused && !root->failed++ &&
		 !(root->why = pii_arena_strdup(&inv->arena, r->reason ? r->reason : r->code)))
		a->oom = true;
}

void pii_agg_result(struct pii_aggregate *a, struct pii_agg_file *f,
		    const struct pii_file_result *r)
{
	struct pii_inventory *inv = a->inv;
	inv->bytes_scanned += r->bytes_read;
	switch (r->status) {
	case PII_FILE_SCANNED: inv->files_scanned++; break;
	case PII_FILE_PARTIAL: inv->files_partial++; break;
	case PII_FILE_FAILED: inv->files_failed++; break;
	case PII_FILE_SKIPPED: inv->files_skipped++; break;
	}
	if (r->carried)
		inv->files_carried++;
	for (size_t i = 0; i < r->n_allowed && i < a->rs->n_allow; i++) {
		inv->allowed_per_entry[i] += r->allowed[i];
		inv->findings_allowed += r->allowed[i];
	}
	count_root(a, r);
	if (r->status != PII_FILE_SCANNED && !r->listed)
		pii_agg_problem(a, r->path, r->status, r->code, r->reason);
	if (!f)
		return;
	struct pii_inv_file *file = &f->file;
	/* the file's own rows hold its path already: one copy serves both */
	for (size_t i = 0; i < f->n_rows && !file->path; i++)
		if (!strcmp(f->rows[i].row.path, r->path))
			file->path = f->rows[i].row.path;
	if (!file->path)
		file->path = pii_arena_strdup(&f->arena, r->path);
	if (!file->path) { /* every writer prints or sorts it: never NULL */
		file->path = PII_INV_PATH_LOST;
		a->oom = true;
	}
	file->type = file_type(a, r->type);
	file->size = r->size;
	file->mtime = r->mtime;
	file->saved = r->saved;
	file->uid = r->uid;
	/* a share's or a database's unit has no local owner: its own name,
	 * or none (a share that does not tell), never uid 0's */
	if ((r->owner[0] || pii_is_url(r->path)) &&
	    !(file->owner = pii_arena_strdup(&f->arena, r->owner)))
		a->oom = true;
	if (!file->type)
		a->oom = true;
	if (f->kept) { /* its findings' copy */
		*f->kept = *file;
		if (!(f->kept->path = pii_arena_strdup(&inv->arena, file->path))) {
			f->kept->path = PII_INV_PATH_LOST;
			a->oom = true;
		}
		if (file->owner && !(f->kept->owner = pii_arena_strdup(&inv->arena, file->owner)))
			a->oom = true;
	}
	bool counted = false;
	for (size_t i = 0; i < f->n_rows && !counted; i++)
		counted = f->rows[i].row.counted > 0;
	if (counted)
		inv->files_with_findings++;
	keep_rows(a, f);
	pii_agg_file_free(f);
}

void pii_agg_lost(struct pii_aggregate *a)
{
	a->oom = true;
}

/* ---- set-up and the end ------------------------------------------------------------ */

static bool init_categories(struct pii_aggregate *a)
{
	const struct pii_ruleset *rs = a->rs;
	struct pii_inventory *inv = a->inv;
	size_t n = rs->n_reports ? rs->n_reports : 1;
	a->report_category = calloc(n, sizeof(unsigned));
	inv->categories = calloc(n, sizeof(*inv->categories));
	if (!a->report_category || !inv->categories)
		return false;
	for (size_t i = 0; i < rs->n_reports; i++) {
		size_t ci;
		for (ci = 0; ci < inv->n_categories; ci++)
			if (!strcmp(inv->categories[ci].name, rs->reports[i].category))
				break;
		if (ci == inv->n_categories) {
			inv->categories[ci].name = rs->reports[i].category;
			pii_distinct_init(&inv->categories[ci].distinct, CATEGORY_HLL_BITS);
			inv->n_categories++;
		}
		a->report_category[i] = (unsigned)ci;
	}
	return true;
}

static void agg_free(struct pii_aggregate *a)
{
	free(a->report_category);
	free(a);
}

struct pii_aggregate *pii_agg_new(const struct pii_options *opt, const struct pii_ruleset *rs,
				  bool keep_findings)
{
	struct pii_aggregate *a = calloc(1, sizeof(*a));
	if (!a)
		return NULL;
	a->opt = opt;
	a->rs = rs;
	a->keep_findings = keep_findings;
	a->inv = calloc(1, sizeof(*a->inv));
	if (!a->inv) {
		free(a);
		return NULL;
	}
	struct pii_inventory *inv = a->inv;
	inv->rules = rs;
	inv->opt = opt;
	inv->paths = opt->paths;
	inv->n_paths = opt->n_paths;
	inv->started = (int64_t)time(NULL);
	/* ages and deletion candidates are measured from the scan's start */
	inv->now = inv->started;
	inv->store = pii_rowstore_new(rs, opt->memory);
	for (int k = 0; k < PII_SUBJECT_KINDS_MAX; k++)
		pii_distinct_init(&inv->subjects[k], 14);
	inv->findings_per_rule = calloc(rs->n_rules ? rs->n_rules : 1, sizeof(uint64_t));
	inv->counted_per_rule = calloc(rs->n_rules ? rs->n_rules : 1, sizeof(uint64_t));
	inv->allowed_per_entry = calloc(rs->n_allow ? rs->n_allow : 1, sizeof(uint64_t));
	inv->roots = calloc(opt->n_paths ? opt->n_paths : 1, sizeof(*inv->roots));
	for (size_t i = 0; inv->roots && i < opt->n_paths; i++)
		inv->roots[i].path = opt->paths[i];
	inv->n_roots = inv->roots ? opt->n_paths : 0;
	if (!inv->findings_per_rule || !inv->counted_per_rule || !inv->allowed_per_entry ||
	    !inv->roots || !inv->store ||
	    !init_categories(a)) {
		pii_inventory_free(inv);
		free(inv);
		agg_free(a);
		return NULL;
	}
	return a;
}

void pii_agg_use_review(struct pii_aggregate *a, const struct pii_review *rv, const char *path)
{
	a->review = rv;
	a->inv->review_path = path;
}

struct pii_inventory *pii_agg_finish(struct pii_aggregate *a)
{
	struct pii_inventory *inv = a->inv;
	if (a->oom)
		pii_agg_problem(a, "(piiscan)", PII_FILE_PARTIAL, PII_CODE_OUT_OF_MEMORY,
				"out of memory: some findings were not recorded");
	const char *spill_error = pii_rowstore_spill_error(inv->store);
	if (spill_error) {
		char why[400];
		snprintf(why, sizeof(why), "%s; the rows past --memory were kept in memory",
			 spill_error);
		pii_agg_problem(a, "(piiscan)", PII_FILE_PARTIAL, PII_CODE_SPILL, why);
	}
	inv->finished = (int64_t)time(NULL);
	gethostname(inv->host, sizeof(inv->host) - 1);
	/* $USER is not set under cron or systemd: ask the passwd database. */
	const char *user = getenv("USER");
	if (!user || !*user)
		user = pii_owner_name(geteuid());
	snprintf(inv->user, sizeof(inv->user), "%s", user);
	pii_inventory_sort(inv);
	inv->n_rows = pii_rowstore_count(inv->store);
	agg_free(a);
	return inv;
}
