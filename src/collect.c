/*
 * collect.c - the collector thread: aggregation per location x rule.
 *
 * Rows of a file are aggregated while the file is in flight (its batches
 * arrive from one worker, in order) and moved to the inventory when its
 * result arrives. Distinct values are counted from fingerprints.
 */
#include "pii_collect.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pii_limits.h"
#include "pii_queue.h"
#include "pii_records.h"
#include "pii_register.h"
#include "pii_report.h"
#include "pii_state.h"

/* Bits of HyperLogLog precision: 2^12 registers (4 KiB, 1.6% error) per
 * inventory row that outgrows the exact set; 2^14 (16 KiB, 0.8%) for
 * the few per-category totals. */
#define ROW_HLL_BITS 12
#define CATEGORY_HLL_BITS 14

enum msg_kind { MSG_BATCH, MSG_FILE, MSG_PROBLEM, MSG_TABLE };

struct pii_msg {
	enum msg_kind kind;
	struct pii_batch *batch;
	struct pii_file_result *file;
	char *path, *reason; /* MSG_TABLE: reason is the table name */
	enum pii_file_status status;
	uint64_t file_id, rows; /* MSG_TABLE */
};

/* A row being aggregated. */
struct pending_row {
	struct pii_inv_row row;
	struct pii_distinct distinct;
	uint64_t hash;
	uint64_t last_row; /* the record of its last finding */
};

/* A file whose findings are arriving. */
struct inflight {
	uint64_t file_id;
	struct pii_inv_file *file; /* in the inventory arena */
	struct pending_row *rows;
	size_t n_rows, cap_rows;
	uint32_t *index;           /* open addressing over rows, 0 = empty */
	size_t index_cap;
	struct table_rows *tables; /* record counts of its tables */
	size_t n_tables;
	int system;                /* its system in the data map; -1: not yet */
	struct pii_buf records;    /* for the state: up to PII_STATE_RECORDS_MAX */
	bool records_dropped;      /* more than that: read it again next time */
	struct inflight *next;
};

struct pii_collector {
	const struct pii_options *opt;
	const struct pii_ruleset *rs;
	struct pii_outputs *outs;
	struct pii_queue *queue;
	pthread_t thread;
	struct pii_inventory *inv;
	unsigned *report_category; /* report index -> category index */
	int *subject_kind;         /* report index -> pii_subject_kind */
	struct inflight *inflight;
	bool keep_findings;        /* an xlsx output wants the Findings sheet */
	bool records;              /* JSONL outputs carry records */
	struct pii_buf record;     /* the record being written */
	struct pii_state *state;   /* --state, or NULL */
	struct pii_jsonl *state_jsonl; /* renders findings for the state */
	bool oom;                  /* something was lost for lack of memory */
};

/* ---- sending ----------------------------------------------------------------- */

static void msg_free(struct pii_msg *m)
{
	if (!m)
		return;
	pii_batch_free(m->batch);
	pii_file_result_free(m->file);
	free(m->path);
	free(m->reason);
	free(m);
}

/* The record count of a table, kept until its file's rows are made. */
struct table_rows {
	char *path, *table;
	uint64_t rows;
};

void pii_outbox_init(struct pii_outbox *o, struct pii_collector *c)
{
	o->c = c;
	o->n = 0;
	o->lost = false;
}

void pii_outbox_flush(struct pii_outbox *o)
{
	if (o->lost) {
		/* A message could not even be made: out of memory. */
		o->c->oom = true;
		o->lost = false;
	}
	if (!o->n)
		return;
	if (!pii_queue_push_many(o->c->queue, (void *const *)o->msgs, o->n)) {
		o->c->oom = true;
		for (size_t i = 0; i < o->n; i++)
			msg_free(o->msgs[i]);
	}
	o->n = 0;
}

static void put(struct pii_outbox *o, struct pii_msg *m)
{
	if (!m) {
		o->lost = true;
		return;
	}
	o->msgs[o->n++] = m;
	if (o->n == PII_OUTBOX_SIZE)
		pii_outbox_flush(o);
}

void pii_outbox_batch(struct pii_outbox *o, struct pii_batch *b)
{
	struct pii_msg *m = calloc(1, sizeof(*m));
	if (m) {
		m->kind = MSG_BATCH;
		m->batch = b;
	} else {
		pii_batch_free(b);
	}
	put(o, m);
}

void pii_outbox_file(struct pii_outbox *o, struct pii_file_result *r)
{
	struct pii_msg *m = calloc(1, sizeof(*m));
	if (m) {
		m->kind = MSG_FILE;
		m->file = r;
	} else {
		pii_file_result_free(r);
	}
	put(o, m);
}

void pii_outbox_problem(struct pii_outbox *o, uint64_t file_id, const char *path,
			enum pii_file_status st, const char *reason)
{
	struct pii_msg *m = calloc(1, sizeof(*m));
	if (m) {
		m->kind = MSG_PROBLEM;
		m->file_id = file_id;
		m->status = st;
		m->path = strdup(path);
		m->reason = strdup(reason ? reason : "");
		if (!m->path || !m->reason) {
			msg_free(m);
			m = NULL;
		}
	}
	put(o, m);
}

void pii_outbox_table_rows(struct pii_outbox *o, uint64_t file_id, const char *path,
			   const char *table, uint64_t rows)
{
	struct pii_msg *m = calloc(1, sizeof(*m));
	if (m) {
		m->kind = MSG_TABLE;
		m->file_id = file_id;
		m->rows = rows;
		m->path = strdup(path);
		m->reason = strdup(table);
		if (!m->path || !m->reason) {
			msg_free(m);
			m = NULL;
		}
	}
	put(o, m);
}

/* ---- aggregation ----------------------------------------------------------- */

static uint64_t hash_str(uint64_t h, const char *s)
{
	/* FNV-1a; a NULL string hashes unlike an empty one */
	if (!s)
		return (h ^ 0xff) * 0x100000001b3ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return (h ^ 0xfe) * 0x100000001b3ULL;
}

static uint64_t loc_hash(const struct pii_loc *l, unsigned report)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ report;
	h = hash_str(h, l->file);
	h = hash_str(h, l->table);
	h = hash_str(h, l->column);
	h = hash_str(h, l->key);
	return hash_str(h, l->part);
}

static bool row_is(const struct pii_inv_row *r, const struct pii_loc *l, unsigned report)
{
	return r->report == report && pii_streq_null(r->path, l->file) &&
	       pii_streq_null(r->table, l->table) &&
	       pii_streq_null(r->column, l->column) && pii_streq_null(r->key, l->key) &&
	       pii_streq_null(r->part, l->part);
}

static struct inflight *inflight_get(struct pii_collector *c, uint64_t file_id,
				     bool create)
{
	for (struct inflight *f = c->inflight; f; f = f->next)
		if (f->file_id == file_id)
			return f;
	if (!create)
		return NULL;
	struct inflight *f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->file = pii_arena_alloc(&c->inv->arena, sizeof(*f->file));
	if (!f->file) {
		free(f);
		return NULL;
	}
	memset(f->file, 0, sizeof(*f->file));
	f->file_id = file_id;
	f->system = -1;
	f->next = c->inflight;
	c->inflight = f;
	return f;
}

static void inflight_remove(struct pii_collector *c, struct inflight *f)
{
	for (struct inflight **p = &c->inflight; *p; p = &(*p)->next)
		if (*p == f) {
			*p = f->next;
			break;
		}
	for (size_t i = 0; i < f->n_rows; i++)
		pii_distinct_free(&f->rows[i].distinct);
	for (size_t i = 0; i < f->n_tables; i++) {
		free(f->tables[i].path);
		free(f->tables[i].table);
	}
	free(f->tables);
	free(f->rows);
	free(f->index);
	pii_buf_free(&f->records);
	free(f);
}

/* Keeps what the state needs of f's records, within the limit. */
static void state_keep(struct pii_collector *c, struct inflight *f, bool made)
{
	if (!made || f->records.oom)
		c->oom = true;
	if (!made || f->records.oom || f->records.len > PII_STATE_RECORDS_MAX) {
		f->records_dropped = true;
		pii_buf_free(&f->records);
	}
}

/* Writes the record in c->record to the JSONL outputs. */
static void put_record(struct pii_collector *c, bool made)
{
	if (!made || c->record.oom)
		c->oom = true;
	else
		pii_outputs_write_line(c->outs, c->record.data, c->record.len);
	c->record.len = 0;
	c->record.oom = false;
}

/* Keeps a table's record count (taking the message's strings) until the
 * file's inventory rows are made. */
static void handle_table(struct pii_collector *c, struct pii_msg *m)
{
	if (c->records)
		put_record(c, pii_record_table(&c->record, m->file_id, m->path, m->reason, m->rows));
	struct inflight *f = inflight_get(c, m->file_id, true);
	if (f && c->state && !f->records_dropped)
		state_keep(c, f, pii_record_table(&f->records, m->file_id, m->path, m->reason,
						  m->rows));
	struct table_rows *grown = f ? realloc(f->tables, (f->n_tables + 1) * sizeof(*grown)) : NULL;
	if (!grown) {
		c->oom = true;
		free(m->path);
		free(m->reason);
		return;
	}
	f->tables = grown;
	f->tables[f->n_tables++] = (struct table_rows){m->path, m->reason, m->rows};
}

static uint64_t table_rows_of(const struct inflight *f, const struct pii_inv_row *row)
{
	uint64_t rows = 0;
	for (size_t i = 0; row->table && i < f->n_tables; i++)
		if (!strcmp(f->tables[i].path, row->path) && !strcmp(f->tables[i].table, row->table))
			rows += f->tables[i].rows;
	return rows;
}

static bool index_rebuild(struct inflight *f, size_t cap)
{
	uint32_t *index = calloc(cap, sizeof(uint32_t));
	if (!index)
		return false;
	for (size_t i = 0; i < f->n_rows; i++) {
		size_t slot = f->rows[i].hash & (cap - 1);
		while (index[slot])
			slot = (slot + 1) & (cap - 1);
		index[slot] = (uint32_t)i + 1;
	}
	free(f->index);
	f->index = index;
	f->index_cap = cap;
	return true;
}

/* Finds or adds the row of location l x report. Its strings are copied
 * into the inventory arena once per row. */
static struct pending_row *row_get(struct pii_collector *c, struct inflight *f,
				   const struct pii_loc *l, unsigned report)
{
	uint64_t h = loc_hash(l, report);
	if (f->index_cap) {
		size_t slot = h & (f->index_cap - 1);
		while (f->index[slot]) {
			struct pending_row *pr = &f->rows[f->index[slot] - 1];
			if (pr->hash == h && row_is(&pr->row, l, report))
				return pr;
			slot = (slot + 1) & (f->index_cap - 1);
		}
	}
	if (f->n_rows == f->cap_rows) {
		size_t cap = f->cap_rows ? f->cap_rows * 2 : 8;
		struct pending_row *grown = realloc(f->rows, cap * sizeof(*grown));
		if (!grown)
			return NULL;
		f->rows = grown;
		f->cap_rows = cap;
	}
	if ((f->n_rows + 1) * 2 > f->index_cap &&
	    !index_rebuild(f, f->index_cap ? f->index_cap * 2 : 16))
		return NULL;
	struct pii_arena *a = &c->inv->arena;
	struct pending_row *pr = &f->rows[f->n_rows];
	memset(pr, 0, sizeof(*pr));
	pr->hash = h;
	pr->row.file = f->file;
	pr->row.report = report;
	pr->row.path = pii_arena_strdup(a, l->file);
	pr->row.table = pii_arena_strdup(a, l->table);
	pr->row.column = pii_arena_strdup(a, l->column);
	pr->row.key = pii_arena_strdup(a, l->key);
	pr->row.part = pii_arena_strdup(a, l->part);
	if (!pr->row.path || (l->table && !pr->row.table) || (l->column && !pr->row.column) ||
	    (l->key && !pr->row.key) || (l->part && !pr->row.part))
		return NULL;
	pii_distinct_init(&pr->distinct, ROW_HLL_BITS);
	size_t slot = h & (f->index_cap - 1);
	while (f->index[slot])
		slot = (slot + 1) & (f->index_cap - 1);
	f->index[slot] = (uint32_t)f->n_rows + 1;
	f->n_rows++;
	return pr;
}

static void keep_finding(struct pii_collector *c, const struct pending_row *pr,
			 const struct pii_finding *fd)
{
	struct pii_inventory *inv = c->inv;
	if (inv->n_findings >= c->opt->max_findings)
		return;
	if (inv->n_findings == inv->cap_findings) {
		size_t cap = inv->cap_findings ? inv->cap_findings * 2 : 256;
		if (cap > c->opt->max_findings)
			cap = c->opt->max_findings;
		struct pii_inv_finding *grown = realloc(inv->findings, cap * sizeof(*grown));
		if (!grown) {
			c->oom = true;
			return;
		}
		inv->findings = grown;
		inv->cap_findings = cap;
	}
	const char *value = pii_arena_strdup(&inv->arena, fd->value);
	if (!value) {
		c->oom = true;
		return;
	}
	inv->findings[inv->n_findings++] = (struct pii_inv_finding){
		.file = pr->row.file,
		.path = pr->row.path,
		.table = pr->row.table,
		.column = pr->row.column,
		.key = pr->row.key,
		.part = pr->row.part,
		.page = fd->loc->page,
		.rule = fd->rule,
		.confidence = fd->confidence,
		.line = fd->line,
		.row = fd->row,
		.offset = fd->offset,
		.value = value,
	};
}

static void handle_batch(struct pii_collector *c, struct pii_batch *b)
{
	struct pii_inventory *inv = c->inv;
	if (c->outs)
		pii_outputs_write_batch(c->outs, c->rs, b);
	struct inflight *f = inflight_get(c, b->file_id, true);
	if (!f) {
		c->oom = true;
		return;
	}
	if (c->state && !f->records_dropped) {
		pii_jsonl_forget(c->state_jsonl);
		bool made = true;
		for (size_t i = 0; i < b->n && made; i++)
			made = pii_jsonl_format(c->state_jsonl, &f->records, &b->items[i], b->file_id);
		state_keep(c, f, made);
	}
	/* The file's system, for the data map's count of people. */
	struct pii_inv_system *sys = NULL;
	if (f->system < 0 && b->n)
		f->system = pii_system_of(inv, c->opt, b->items[0].loc->file);
	if (f->system >= 0)
		sys = &inv->systems[f->system];
	else if (b->n)
		c->oom = true;
	struct pending_row *last = NULL;
	const struct pii_loc *last_loc = NULL;
	unsigned last_report = 0;
	for (size_t i = 0; i < b->n; i++) {
		const struct pii_finding *fd = &b->items[i];
		const struct pii_rule *r = &c->rs->rules[fd->rule];
		unsigned report = r->report_index;
		struct pii_inv_category *cat = &inv->categories[c->report_category[report]];
		inv->findings_total++;
		inv->findings_per_rule[fd->rule]++;
		cat->findings++;
		if (!pii_distinct_add(&cat->distinct, fd->fingerprint))
			c->oom = true;
		int kind = sys ? c->subject_kind[report] : -1;
		if (kind >= 0 && !pii_distinct_add(&sys->subjects[kind], fd->fingerprint))
			c->oom = true;
		kind = c->subject_kind[report];
		if (kind >= 0 && !pii_distinct_add(&inv->subjects[kind], fd->fingerprint))
			c->oom = true;

		struct pending_row *pr = last;
		if (!pr || fd->loc != last_loc || report != last_report) {
			pr = row_get(c, f, fd->loc, report);
			if (!pr) {
				c->oom = true;
				continue;
			}
			if (!pr->row.example) {
				pr->row.example = pii_arena_strdup(&inv->arena, fd->value);
				if (!pr->row.example)
					c->oom = true;
			}
			last = pr;
			last_loc = fd->loc;
			last_report = report;
		}
		pr->row.count++;
		/* Findings of a column come in record order. */
		if (fd->row && fd->row != pr->last_row) {
			pr->row.rows_with++;
			pr->last_row = fd->row;
		}
		pr->row.by_confidence[fd->confidence & 3]++;
		if (fd->confidence > pr->row.confidence)
			pr->row.confidence = fd->confidence;
		if (!pii_distinct_add(&pr->distinct, fd->fingerprint))
			c->oom = true;
		if (c->keep_findings)
			keep_finding(c, pr, fd);
	}
}

static void add_problem(struct pii_collector *c, const char *path,
			enum pii_file_status st, const char *reason)
{
	struct pii_inventory *inv = c->inv;
	if (inv->n_problems >= PII_XLSX_MAX_ROWS) {
		inv->problems_dropped++;
		return;
	}
	if (inv->n_problems == inv->cap_problems) {
		size_t cap = inv->cap_problems ? inv->cap_problems * 2 : 64;
		struct pii_inv_problem *grown = realloc(inv->problems, cap * sizeof(*grown));
		if (!grown) {
			c->oom = true;
			return;
		}
		inv->problems = grown;
		inv->cap_problems = cap;
	}
	struct pii_inv_problem *p = &inv->problems[inv->n_problems];
	p->path = pii_arena_strdup(&inv->arena, path);
	p->reason = pii_arena_strdup(&inv->arena, reason ? reason : "");
	p->status = st;
	if (!p->path || !p->reason) {
		c->oom = true;
		return;
	}
	inv->n_problems++;
}

/* Hands a file's records to the state; a carried-over file is only
 * marked as still there. Files never opened (links, special files,
 * unreadable ones) are looked at afresh every time. */
static void state_file(struct pii_collector *c, struct inflight *f,
		       const struct pii_file_result *r)
{
	if (r->carried) {
		c->inv->files_carried++;
		pii_state_seen(c->state, r->path);
		return;
	}
	if (!r->ino)
		return;
	struct pii_buf only = {0};
	struct pii_buf *b = f ? &f->records : &only;
	bool dropped = (f && f->records_dropped) || r->transient;
	if (!dropped && (!pii_record_file(b, r) || b->oom))
		dropped = true;
	pii_state_put(c->state, r->path, r->size, r->mtime_ns, r->ino,
		      dropped ? NULL : pii_buf_cstr(b), dropped ? 0 : b->len);
	pii_buf_free(&only);
}

static void handle_file(struct pii_collector *c, struct pii_file_result *r)
{
	struct pii_inventory *inv = c->inv;
	if (c->records)
		put_record(c, pii_record_file(&c->record, r));
	inv->bytes_scanned += r->bytes_read;
	switch (r->status) {
	case PII_FILE_SCANNED: inv->files_scanned++; break;
	case PII_FILE_PARTIAL: inv->files_partial++; break;
	case PII_FILE_FAILED: inv->files_failed++; break;
	case PII_FILE_SKIPPED: inv->files_skipped++; break;
	}
	if (r->status != PII_FILE_SCANNED && !r->listed)
		add_problem(c, r->path, r->status, r->reason);

	struct inflight *f = inflight_get(c, r->file_id, false);
	if (c->state)
		state_file(c, f, r);
	if (!f)
		return;
	struct pii_inv_file *file = f->file;
	file->path = pii_arena_strdup(&inv->arena, r->path);
	file->type = pii_arena_strdup(&inv->arena, r->type);
	file->size = r->size;
	file->mtime = r->mtime;
	file->uid = r->uid;
	if (!file->path || !file->type)
		c->oom = true;
	if (f->n_rows)
		inv->files_with_findings++;

	bool *cat_seen = calloc(inv->n_categories ? inv->n_categories : 1, sizeof(bool));
	for (size_t i = 0; i < f->n_rows; i++) {
		struct pending_row *pr = &f->rows[i];
		pr->row.distinct = pii_distinct_count(&pr->distinct);
		pr->row.rows_scanned = table_rows_of(f, &pr->row);
		pr->row.distinct_estimated = pii_distinct_is_estimate(&pr->distinct);
		pr->row.system = f->system >= 0 ? (unsigned)f->system : UINT32_MAX;
		unsigned ci = c->report_category[pr->row.report];
		inv->categories[ci].locations++;
		if (cat_seen && !cat_seen[ci]) {
			cat_seen[ci] = true;
			inv->categories[ci].files++;
		}
		if (inv->n_rows == inv->cap_rows) {
			size_t cap = inv->cap_rows ? inv->cap_rows * 2 : 256;
			struct pii_inv_row *grown = realloc(inv->rows, cap * sizeof(*grown));
			if (!grown) {
				c->oom = true;
				continue;
			}
			inv->rows = grown;
			inv->cap_rows = cap;
		}
		inv->rows[inv->n_rows++] = pr->row;
	}
	free(cat_seen);
	inflight_remove(c, f);
}

static void *collector_main(void *arg)
{
	struct pii_collector *c = arg;
	struct pii_msg *m;
	while ((m = pii_queue_pop(c->queue))) {
		switch (m->kind) {
		case MSG_BATCH:
			handle_batch(c, m->batch);
			pii_batch_free(m->batch);
			break;
		case MSG_FILE:
			handle_file(c, m->file);
			pii_file_result_free(m->file);
			break;
		case MSG_PROBLEM:
			if (c->records)
				put_record(c, pii_record_problem(&c->record, m->file_id, m->path,
								 m->status, m->reason));
			if (c->state && m->file_id) {
				struct inflight *f = inflight_get(c, m->file_id, true);
				if (!f)
					c->oom = true;
				else if (!f->records_dropped)
					state_keep(c, f, pii_record_problem(&f->records, m->file_id,
									    m->path, m->status,
									    m->reason));
			}
			add_problem(c, m->path, m->status, m->reason);
			free(m->path);
			free(m->reason);
			break;
		case MSG_TABLE:
			handle_table(c, m);
			break;
		}
		free(m);
	}
	return NULL;
}

/* ---- set-up and the end ------------------------------------------------------ */

static bool init_categories(struct pii_collector *c)
{
	const struct pii_ruleset *rs = c->rs;
	struct pii_inventory *inv = c->inv;
	c->report_category = calloc(rs->n_reports ? rs->n_reports : 1, sizeof(unsigned));
	inv->categories = calloc(rs->n_reports ? rs->n_reports : 1, sizeof(*inv->categories));
	c->subject_kind = calloc(rs->n_reports ? rs->n_reports : 1, sizeof(int));
	if (!c->report_category || !inv->categories || !c->subject_kind)
		return false;
	for (size_t i = 0; i < rs->n_reports; i++)
		c->subject_kind[i] = pii_subject_kind(&rs->reports[i]);
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
		c->report_category[i] = (unsigned)ci;
	}
	return true;
}

struct pii_collector *pii_collector_start(const struct pii_options *opt,
					  const struct pii_ruleset *rs,
					  struct pii_outputs *outs)
{
	struct pii_collector *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->opt = opt;
	c->rs = rs;
	c->outs = outs;
	/* Only the workbook lists findings one by one; without one (or in
	 * tests, without outputs) there is no need to keep them. */
	c->keep_findings = !outs;
	for (size_t i = 0; outs && i < outs->n; i++)
		if (outs->v[i].spec->format == PII_FORMAT_XLSX)
			c->keep_findings = true;
	c->records = outs && opt->records;
	c->inv = calloc(1, sizeof(*c->inv));
	c->queue = pii_queue_new(PII_MSG_QUEUE_CAPACITY);
	if (!c->inv || !c->queue)
		goto fail;
	struct pii_inventory *inv = c->inv;
	inv->rules = rs;
	inv->opt = opt;
	inv->paths = opt->paths;
	inv->n_paths = opt->n_paths;
	inv->started = (int64_t)time(NULL);
	for (int k = 0; k < PII_SUBJECT_KINDS; k++)
		pii_distinct_init(&inv->subjects[k], 14);
	inv->findings_per_rule = calloc(rs->n_rules ? rs->n_rules : 1, sizeof(uint64_t));
	if (!inv->findings_per_rule || !init_categories(c))
		goto fail;
	if (pthread_create(&c->thread, NULL, collector_main, c) != 0)
		goto fail;
	return c;
fail:
	if (c->inv) {
		pii_inventory_free(c->inv);
		free(c->inv);
	}
	free(c->report_category);
	free(c->subject_kind);
	pii_queue_free(c->queue);
	free(c);
	return NULL;
}

bool pii_collector_use_state(struct pii_collector *c, struct pii_state *st)
{
	c->state_jsonl = pii_jsonl_new(c->rs, true);
	c->state = c->state_jsonl ? st : NULL;
	return c->state != NULL;
}

struct pii_inventory *pii_collector_finish(struct pii_collector *c)
{
	pii_queue_close(c->queue);
	pthread_join(c->thread, NULL);
	/* Files that never sent a result (cannot happen unless a worker
	 * died): their rows are dropped, the loss is reported. */
	while (c->inflight) {
		c->oom = true;
		inflight_remove(c, c->inflight);
	}
	struct pii_inventory *inv = c->inv;
	if (c->oom)
		add_problem(c, "(piiscan)", PII_FILE_PARTIAL,
			    "out of memory: some findings were not recorded");
	inv->finished = (int64_t)time(NULL);
	gethostname(inv->host, sizeof(inv->host) - 1);
	/* $USER is not set under cron or systemd: ask the passwd database. */
	const char *user = getenv("USER");
	if (!user || !*user)
		user = pii_owner_name(geteuid());
	snprintf(inv->user, sizeof(inv->user), "%s", user);
	pii_inventory_sort(inv);
	pii_register_compute(inv, inv->finished);
	pii_queue_free(c->queue);
	pii_buf_free(&c->record);
	pii_jsonl_free(c->state_jsonl);
	free(c->report_category);
	free(c->subject_kind);
	free(c);
	return inv;
}
