/*
 * worker_sink.c - the worker's sink (pii_sink.h): long text is paged to
 * the matcher, and the pages of a large file are offered to the other
 * workers (pii_sched), so one big file keeps every core busy; the file's
 * outcome goes to the collector when its last page is done, whoever did
 * it. Members of containers go back through detection, past the limits'
 * door (pii_limits.h).
 */
#include "worker.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii_allow.h"
#include "pii_detect.h"
#include "pii_extract.h"
#include "pii_limits.h"

/* A file being scanned, shared by the worker reading it and the workers
 * matching its pages. The last to let go sends its outcome. */
struct file_ctx {
	atomic_int refs;
	atomic_bool shared;              /* pages went to other workers */
	struct pii_file_result *res;
	atomic_bool oom;                 /* a finding was lost */
	atomic_uint_fast64_t limit_hits; /* PCRE2 work limits reached */
	atomic_int own_problem;          /* status+1 of a problem row for the file itself */
	atomic_bool member_problem;      /* a problem row for a member or part of it */
	/* allow: entries: per entry, whether its path: holds for the file
	 * (decided once, here), and the findings it let go, from every
	 * worker that matched a page */
	unsigned char *allow_path;
	atomic_uint_fast64_t *allowed;
	size_t n_allow;
};

/* A page of a large file, or a buffer of its cells, handed to another
 * worker. */
struct page_task {
	struct file_ctx *fc;
	char *text;      /* a page buffer from the scheduler */
	bool cells;      /* text[0..len) holds cells (below), not a page */
	size_t len, from, to;
	uint64_t offset, lines;
	uint64_t row;       /* the record it is part of, 0 when none */
	struct pii_loc loc; /* strings malloc'd */
};

static struct pii_scan_sink *as_scan(struct pii_sink *s)
{
	return (struct pii_scan_sink *)s;
}

/* ---- the file's outcome --------------------------------------------------------- */

static void file_ctx_free(struct file_ctx *fc)
{
	free(fc->allow_path);
	free(fc->allowed);
	free(fc);
}

struct file_ctx *pii_file_ctx_new(const struct pii_scan_ctx *ctx, struct pii_file_result *res)
{
	struct file_ctx *fc = calloc(1, sizeof(*fc));
	if (!fc)
		return NULL;
	atomic_init(&fc->refs, 1);
	fc->res = res;
	size_t n = ctx->rules->n_allow;
	if (n) {
		fc->allow_path = malloc(n);
		fc->allowed = calloc(n, sizeof(*fc->allowed));
		if (!fc->allow_path || !fc->allowed) {
			file_ctx_free(fc);
			return NULL;
		}
		for (size_t i = 0; i < n; i++)
			atomic_init(&fc->allowed[i], 0);
		fc->n_allow = n;
		pii_allow_paths(ctx->rules, ctx->opt->paths, ctx->opt->n_paths, res->path,
				fc->allow_path);
	}
	return fc;
}

/* What the allow: entries let go in the file, into its result. */
static void take_allowed(struct file_ctx *fc)
{
	uint64_t any = 0;
	for (size_t i = 0; i < fc->n_allow; i++)
		any |= atomic_load(&fc->allowed[i]);
	struct pii_file_result *res = fc->res;
	if (!any || !(res->allowed = malloc(fc->n_allow * sizeof(*res->allowed))))
		return; /* out of memory: the count is lost, not a finding */
	for (size_t i = 0; i < fc->n_allow; i++)
		res->allowed[i] = atomic_load(&fc->allowed[i]);
	res->n_allowed = fc->n_allow;
}

/* Drops worker w's reference; the last one sends the outcome. A file
 * whose pages went to other workers has its batches in several outboxes:
 * each holder flushes its own before letting go, so that the outcome,
 * sent after the last one lets go, comes after every batch. */
static void file_ctx_release(struct pii_worker *w, struct file_ctx *fc)
{
	const struct pii_scan_ctx *ctx = w->ctx;
	if (atomic_load(&fc->shared))
		pii_outbox_flush(&w->outbox);
	if (atomic_fetch_sub(&fc->refs, 1) != 1)
		return;
	struct pii_file_result *res = fc->res;
	if (atomic_load(&fc->oom))
		res->transient = true;
	if (atomic_load(&fc->oom) && res->status == PII_FILE_SCANNED)
		pii_file_result_set(res, PII_FILE_PARTIAL, PII_CODE_OUT_OF_MEMORY,
				    "out of memory while scanning; some findings may be missing");
	uint64_t hits = atomic_load(&fc->limit_hits);
	if (hits) {
		char why[160];
		atomic_fetch_add(&ctx->counters->limit_hits, hits);
		snprintf(why, sizeof(why),
			 "pattern work limit reached %llu times: values in this text may be missed",
			 (unsigned long long)hits);
		pii_outbox_problem(&w->outbox, res->file_id, res->path, PII_FILE_PARTIAL,
				   PII_CODE_LIMIT_PATTERN, why);
	}
	/* Problem rows count the file as not (fully) scanned in the totals. */
	int own = atomic_load(&fc->own_problem);
	if (res->status == PII_FILE_SCANNED && (own || hits || atomic_load(&fc->member_problem))) {
		res->status = own ? (enum pii_file_status)(own - 1) : PII_FILE_PARTIAL;
		res->listed = true;
	}
	take_allowed(fc);
	atomic_fetch_add(&ctx->counters->files_done, 1);
	pii_outbox_file(&w->outbox, res);
	file_ctx_free(fc);
}

void pii_scan_sink_begin(struct pii_scan_sink *s, struct file_ctx *fc, uint64_t row)
{
	s->fc = fc;
	pii_emit_begin(&s->w->emit, fc->res->file_id, row);
	s->w->emit.allow_path = fc->allow_path;
}

static void cells_match_own(struct pii_scan_sink *s);

void pii_scan_sink_end(struct pii_scan_sink *s)
{
	struct pii_emitter *e = &s->w->emit;
	/* The last cells are matched here, as the last page of a text is. */
	cells_match_own(s);
	pii_emit_flush(e);
	if (e->oom)
		atomic_store(&s->fc->oom, true);
	if (e->limit_hits)
		atomic_fetch_add(&s->fc->limit_hits, e->limit_hits);
	for (size_t i = 0; e->any_allowed && i < s->fc->n_allow; i++) {
		atomic_fetch_add(&s->fc->allowed[i], e->allowed[i]);
		e->allowed[i] = 0;
	}
	e->any_allowed = false;
	e->allow_path = NULL;
	file_ctx_release(s->w, s->fc);
	s->fc = NULL;
}

/* ---- pages handed over ------------------------------------------------------------ */

static void free_loc(struct pii_loc *l)
{
	free((char *)l->file);
	free((char *)l->table);
	free((char *)l->column);
	free((char *)l->key);
	free((char *)l->part);
}

static bool copy_loc(struct pii_loc *dst, const struct pii_loc *src)
{
	*dst = (struct pii_loc){.page = src->page, .technical = src->technical};
	const char *const from[] = {src->file, src->table, src->column, src->key, src->part};
	const char **to[] = {&dst->file, &dst->table, &dst->column, &dst->key, &dst->part};
	for (size_t i = 0; i < 5; i++)
		if (from[i] && !(*to[i] = strdup(from[i]))) {
			free_loc(dst);
			return false;
		}
	return true;
}

/* Offers a page to the other workers; false when none can take it now
 * (then the reader matches it itself). */
static bool hand_over(struct pii_scan_sink *s, size_t len, size_t from, size_t to,
		      uint64_t offset, uint64_t lines)
{
	struct pii_sched *sched = s->w->ctx->sched;
	if (!sched)
		return false;
	char *spare = pii_sched_page_buffer(sched);
	if (!spare)
		return false;
	struct page_task *t = calloc(1, sizeof(*t));
	if (!t || !copy_loc(&t->loc, s->stream_loc)) {
		free(t);
		pii_sched_release_buffer(sched, spare);
		return false;
	}
	/* The page goes with its buffer; the pager goes on in the spare one. */
	char *buf = pii_pager_detach(&s->w->pager, spare);
	if (!buf) {
		free_loc(&t->loc);
		free(t);
		pii_sched_release_buffer(sched, spare);
		return false;
	}
	atomic_store(&s->fc->shared, true);
	t->fc = s->fc;
	t->text = buf;
	t->len = len;
	t->from = from;
	t->to = to;
	t->offset = offset;
	t->lines = lines;
	t->row = s->w->emit.row;
	atomic_fetch_add(&s->fc->refs, 1);
	pii_sched_push_page(sched, t);
	return true;
}

/* ---- cells handed over ------------------------------------------------------------ */

/* Cells are packed one after the other in a page buffer: a head, the
 * location when it is not the one of the cell before (a loc_head, then
 * the strings that are there, each ending in NUL), then the text and a
 * NUL (as the cell's own buffer has: nothing reads past it). Heads
 * are copied in and out with memcpy: nothing in the buffer is aligned.
 * Each cell is matched alone, with its own location and row, exactly as
 * when it came: only who matches it and when changes; what depends on a
 * whole record or file is decided by the collector (pii_special.h). */
struct cell_head {
	uint64_t offset, line, row; /* as given to the sink's text, and its row */
	uint32_t len;               /* bytes of text */
	uint32_t loc_len;           /* bytes of location before it; 0: the same */
};

struct loc_head {
	uint32_t page;
	uint8_t technical;
	uint8_t fields; /* bit i: field i of loc_fields is there */
};

enum { LOC_FIELDS = 6 };

static const char **loc_field(struct pii_loc *l, int i)
{
	const char **f[LOC_FIELDS] = {&l->file, &l->table, &l->column, &l->key, &l->part,
				      &l->context};
	return f[i];
}

static const char *loc_field_of(const struct pii_loc *l, int i)
{
	return *loc_field((struct pii_loc *)l, i);
}

static bool same_string(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool same_loc(const struct pii_loc *a, const struct pii_loc *b)
{
	if (a->page != b->page || a->technical != b->technical)
		return false;
	for (int i = 0; i < LOC_FIELDS; i++)
		if (!same_string(loc_field_of(a, i), loc_field_of(b, i)))
			return false;
	return true;
}

static size_t loc_bytes(const struct pii_loc *l)
{
	size_t n = sizeof(struct loc_head);
	for (int i = 0; i < LOC_FIELDS; i++)
		if (loc_field_of(l, i))
			n += strlen(loc_field_of(l, i)) + 1;
	return n;
}

/* Writes l at p; out points into p's copy. */
static void loc_write(char *p, const struct pii_loc *l, struct pii_loc *out)
{
	struct loc_head h = {.page = l->page, .technical = l->technical};
	char *q = p + sizeof(h);
	*out = (struct pii_loc){.page = l->page, .technical = l->technical};
	for (int i = 0; i < LOC_FIELDS; i++) {
		const char *f = loc_field_of(l, i);
		if (!f)
			continue;
		size_t n = strlen(f) + 1;
		memcpy(q, f, n);
		*loc_field(out, i) = q;
		q += n;
		h.fields |= (uint8_t)(1u << i);
	}
	memcpy(p, &h, sizeof(h));
}

static void loc_read(const char *p, struct pii_loc *out)
{
	struct loc_head h;
	memcpy(&h, p, sizeof(h));
	const char *q = p + sizeof(h);
	*out = (struct pii_loc){.page = h.page, .technical = h.technical};
	for (int i = 0; i < LOC_FIELDS; i++)
		if (h.fields & (1u << i)) {
			*loc_field(out, i) = q;
			q += strlen(q) + 1;
		}
}

/* Matches the cells in buf[0..len) with w's emitter. */
static void match_cells(struct pii_worker *w, const char *buf, size_t len)
{
	struct pii_emitter *e = &w->emit;
	uint64_t row = e->row;
	struct pii_loc loc = {0};
	for (size_t at = 0; at < len;) {
		struct cell_head h;
		memcpy(&h, buf + at, sizeof(h));
		at += sizeof(h);
		if (h.loc_len)
			loc_read(buf + at, &loc);
		at += h.loc_len;
		e->row = h.row;
		pii_emit_text(e, &loc, buf + at, h.len, 0, h.len, h.offset,
			      h.line ? h.line - 1 : UINT64_MAX);
		at += h.len + 1;
	}
	e->row = row;
}

/* The reader matches the cells waiting itself and gives back their buffer. */
static void cells_match_own(struct pii_scan_sink *s)
{
	if (!s->cells)
		return;
	match_cells(s->w, s->cells, s->cells_len);
	pii_sched_release_buffer(s->w->ctx->sched, s->cells);
	s->cells = NULL;
}

/* A full buffer of cells goes to the other workers (as a page does);
 * without memory for the task the reader matches it. */
static void cells_send(struct pii_scan_sink *s)
{
	struct page_task *t = calloc(1, sizeof(*t));
	if (!t) {
		cells_match_own(s);
		return;
	}
	atomic_store(&s->fc->shared, true);
	t->fc = s->fc;
	t->text = s->cells;
	t->cells = true;
	t->len = s->cells_len;
	atomic_fetch_add(&s->fc->refs, 1);
	pii_sched_push_page(s->w->ctx->sched, t);
	s->cells = NULL;
}

/* Puts a cell in the buffer of cells waiting; false when it is to be
 * matched now (no buffer free: the others are busy; or too big). */
static bool cells_add(struct pii_scan_sink *s, const struct pii_loc *loc, const char *text,
		      size_t len, uint64_t offset, uint64_t line)
{
	size_t loc_len = s->cells && same_loc(&s->cells_loc, loc) ? 0 : loc_bytes(loc);
	struct cell_head h = {.offset = offset, .line = line, .row = s->w->emit.row,
			      .len = (uint32_t)len};
	if (s->cells && s->cells_len + sizeof(h) + loc_len + len + 1 > s->cells_cap) {
		cells_send(s);
		loc_len = loc_bytes(loc);
	}
	if (!s->cells) {
		if (sizeof(h) + loc_len + len + 1 > s->cells_cap || len > UINT32_MAX ||
		    !(s->cells = pii_sched_page_buffer(s->w->ctx->sched)))
			return false;
		s->cells_len = 0;
	}
	h.loc_len = (uint32_t)loc_len;
	char *p = s->cells + s->cells_len;
	memcpy(p, &h, sizeof(h));
	p += sizeof(h);
	if (loc_len)
		loc_write(p, loc, &s->cells_loc);
	memcpy(p + loc_len, text, len);
	p[loc_len + len] = '\0';
	s->cells_len += sizeof(h) + loc_len + len + 1;
	return true;
}

void pii_scan_page(struct pii_worker *w, void *task)
{
	struct page_task *t = task;
	pii_scan_sink_begin(&w->sink, t->fc, t->row);
	if (t->cells)
		match_cells(w, t->text, t->len);
	else
		pii_emit_text(&w->emit, &t->loc, t->text, t->len, t->from, t->to, t->offset,
			      t->lines);
	pii_sched_release_buffer(w->ctx->sched, t->text);
	free_loc(&t->loc);
	pii_scan_sink_end(&w->sink);
	free(t);
}

/* ---- the sink's operations --------------------------------------------------------- */

static enum pii_status on_page(void *ctx, const char *text, size_t len, size_t from,
			       size_t to, uint64_t offset, uint64_t lines, bool last)
{
	struct pii_scan_sink *s = ctx;
	if (!s->stream_lines)
		lines = UINT64_MAX;
	/* The last page is matched here: a small file never changes hands. */
	if (!last && hand_over(s, len, from, to, offset, lines))
		return PII_OK;
	pii_emit_text(&s->w->emit, s->stream_loc, text, len, from, to, offset, lines);
	return PII_OK;
}

static enum pii_status text_begin(struct pii_sink *base, const struct pii_loc *loc, bool lines)
{
	struct pii_scan_sink *s = as_scan(base);
	s->stream_loc = loc;
	s->stream_lines = lines;
	pii_pager_begin(&s->w->pager, on_page, s);
	return PII_OK;
}

static char *text_room(struct pii_sink *s, size_t *room)
{
	return pii_pager_room(&as_scan(s)->w->pager, room);
}

static enum pii_status text_added(struct pii_sink *s, size_t n)
{
	return pii_pager_added(&as_scan(s)->w->pager, n);
}

static void text_drop(struct pii_sink *s, size_t n)
{
	pii_pager_drop(&as_scan(s)->w->pager, n);
}

static enum pii_status text_end(struct pii_sink *base)
{
	struct pii_scan_sink *s = as_scan(base);
	enum pii_status st = pii_pager_finish(&s->w->pager);
	s->stream_loc = NULL;
	return st;
}

static enum pii_status text_short(struct pii_sink *s, const struct pii_loc *loc,
				  const char *utf8, size_t len, uint64_t offset, uint64_t line)
{
	struct pii_scan_sink *ss = as_scan(s);
	if (ss->batch_cells && ss->fc && cells_add(ss, loc, utf8, len, offset, line))
		return PII_OK;
	pii_emit_text(&as_scan(s)->w->emit, loc, utf8, len, 0, len, offset,
		      line ? line - 1 : UINT64_MAX);
	return PII_OK;
}

static enum pii_status ocr_text(struct pii_sink *s, const struct pii_loc *loc, const char *utf8,
			       size_t len, const struct pii_span *doubtful, size_t n_doubtful)
{
	struct pii_emitter *e = &as_scan(s)->w->emit;
	e->doubtful = doubtful;
	e->n_doubtful = n_doubtful;
	pii_emit_text(e, loc, utf8, len, 0, len, 0, 0);
	e->doubtful = NULL;
	e->n_doubtful = 0;
	return PII_OK;
}

static void problem(struct pii_sink *base, const char *path, enum pii_file_status st,
		    const char *code, const char *reason)
{
	struct pii_scan_sink *s = as_scan(base);
	struct file_ctx *fc = s->fc;
	pii_outbox_problem(&s->w->outbox, fc ? fc->res->file_id : 0, path, st, code, reason);
	if (!fc || st == PII_FILE_SCANNED)
		return;
	if (strcmp(path, fc->res->path) == 0) {
		int none = 0;
		atomic_compare_exchange_strong(&fc->own_problem, &none, (int)st + 1);
	} else {
		atomic_store(&fc->member_problem, true);
	}
}

static void set_row(struct pii_sink *s, uint64_t row)
{
	as_scan(s)->w->emit.row = row;
}

static void table_rows(struct pii_sink *base, const char *file, const char *table,
		       uint64_t rows, uint64_t total)
{
	struct pii_scan_sink *s = as_scan(base);
	/* The findings before it go first, in order. */
	pii_emit_flush(&s->w->emit);
	pii_outbox_table_rows(&s->w->outbox, s->fc->res->file_id, file, table, rows, total);
}

static void saved(struct pii_sink *base, const struct pii_input *in, int64_t unix_time)
{
	struct pii_scan_sink *s = as_scan(base);
	if (in->depth == 0 && unix_time > 0)
		s->fc->res->saved = unix_time;
}

/* A limit stopped the members of container c: its row, once. */
static enum pii_status limit_reached(struct pii_scan_sink *s, struct pii_input *c,
				     const struct pii_limit_hit *hit)
{
	if (!c->limit_code) {
		c->limit_code = hit->code;
		if (!hit->silent)
			problem(&s->base, c->path, hit->status, hit->code, hit->why);
	}
	return PII_ELIMIT;
}

static enum pii_status member(struct pii_sink *base, struct pii_input *parent, uint64_t bytes)
{
	struct pii_scan_sink *s = as_scan(base);
	struct pii_limit_hit hit;
	if (parent->limit_code)
		return PII_ELIMIT;
	if (!pii_limits_admit(parent, &hit))
		return limit_reached(s, parent, &hit);
	pii_limits_charge(parent, bytes, &hit);
	return hit.code ? limit_reached(s, parent, &hit) : PII_OK;
}

/* A member's bytes, charged to its container as they are read. */
struct charged_reader {
	pii_read_fn read;
	void *ctx;
	struct pii_input *parent;
	struct pii_limit_hit hit;
};

static ssize_t charged_read(void *ctx, void *buf, size_t n)
{
	struct charged_reader *r = ctx;
	if (r->hit.code)
		return 0;
	ssize_t got = r->read(r->ctx, buf, n);
	if (got <= 0)
		return got;
	return (ssize_t)pii_limits_charge(r->parent, (uint64_t)got, &r->hit);
}

unsigned char *pii_worker_level_buffer(unsigned char **v, unsigned depth, size_t size)
{
	if (!v[depth])
		v[depth] = malloc(size);
	return v[depth];
}

static enum pii_status child(struct pii_sink *base, struct pii_input *parent, const char *name,
			     pii_read_fn read, void *ctx, uint64_t size)
{
	struct pii_scan_sink *s = as_scan(base);
	struct pii_worker *w = s->w;
	struct pii_limit_hit hit;
	if (parent->limit_code)
		return PII_ELIMIT;
	if (!pii_limits_admit(parent, &hit))
		return limit_reached(s, parent, &hit);
	unsigned depth = (unsigned)parent->depth + 1;
	unsigned char *head = pii_worker_level_buffer(w->head, depth, PII_SNIFF_SIZE);
	unsigned char *scratch = pii_worker_level_buffer(w->scratch, depth, PII_READ_CHUNK);
	struct pii_buf path = {0};
	pii_buf_printf(&path, "%s!%s", parent->path, name);
	if (!head || !scratch || path.oom) {
		w->emit.oom = true;
		pii_buf_free(&path);
		return PII_OK;
	}
	struct charged_reader charged = {.read = read, .ctx = ctx, .parent = parent};
	struct pii_input in = {
		.path = path.data,
		.depth = (int)depth,
		.opt = parent->opt,
		.budget = parent->budget,
		.fd = -1,
		.size = size,
		.read_more = charged_read,
		.read_ctx = &charged,
	};
	enum pii_status st = PII_OK;
	if (pii_input_read_head(&in, head)) {
		pii_detect(in.head, in.head_len, in.head_is_all, w->magic, &in.type);
		in.scratch = scratch;
		st = pii_extract(&in, base);
	}
	/* Time up or interrupted: the file on disk says so, once. */
	bool stopped = in.budget && in.budget->stopped && in.read_errno == in.budget->stopped;
	if (in.read_errno && !stopped) {
		char why[256];
		snprintf(why, sizeof(why), "read error after %llu bytes: %s",
			 (unsigned long long)in.bytes_read, strerror(in.read_errno));
		problem(base, path.data, PII_FILE_PARTIAL, PII_CODE_READ_ERROR, why);
	}
	pii_buf_free(&path);
	if (st == PII_EFATAL)
		return st;
	if (charged.hit.code)
		return limit_reached(s, parent, &charged.hit);
	return parent->limit_code ? PII_ELIMIT : PII_OK;
}

static const struct pii_sink_ops scan_sink_ops = {
	.text_begin = text_begin,
	.text_room = text_room,
	.text_added = text_added,
	.text_drop = text_drop,
	.text_end = text_end,
	.text = text_short,
	.ocr_text = ocr_text,
	.child = child,
	.member = member,
	.problem = problem,
	.set_row = set_row,
	.table_rows = table_rows,
	.saved = saved,
};

void pii_scan_sink_init(struct pii_worker *w)
{
	w->sink = (struct pii_scan_sink){.base = {&scan_sink_ops}, .w = w};
	if (w->ctx->sched && w->ctx->opt->threads > 1) {
		w->sink.batch_cells = true;
		w->sink.cells_cap = pii_sched_page_bytes(w->ctx->sched);
	}
}

