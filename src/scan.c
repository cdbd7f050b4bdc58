/*
 * scan.c - the workers and the sink that extractors write text to.
 *
 * A worker takes a file, reads it (read-only) and runs its extractor; the
 * text goes through the pager to the matcher. The pages of a large file
 * are offered to the other workers (pii_sched), so one big file keeps
 * every core busy; the file's outcome goes to the collector when its last
 * page is done, whoever did it.
 */
#include "pii_scan.h"

#include "pii_records.h"
#include "pii_state.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pii_detect.h"
#include "pii_extract.h"
#include "pii_stop.h"
#include "pii_limits.h"
#include "pii_match.h"
#include "pii_pager.h"

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
};

/* A page of a large file, handed to another worker. */
struct page_task {
	struct file_ctx *fc;
	char *text;      /* a page buffer from the scheduler */
	size_t len, from, to;
	uint64_t offset, lines;
	uint64_t row;       /* the record it is part of, 0 when none */
	struct pii_loc loc; /* strings malloc'd */
};

struct pii_sink {
	struct pii_worker *w;
	struct file_ctx *fc;
	struct pii_batch *batch;
	const struct pii_loc *stream_loc; /* while a text stream is open */
	bool stream_lines;                /* its findings get line numbers */
	uint64_t row;                     /* record of a table, 0 when none */
	bool oom;
	/* Special-category findings wait here until the end of the file's
	 * part this sink sees: they count if an identifier turns up too, or
	 * if there are enough of them (pii_rule.density). */
	struct pii_batch *held;
	bool identified;                  /* an identifying finding was seen */
};

struct pii_worker {
	const struct pii_scan_ctx *ctx;
	struct pii_matcher *matcher;
	struct pii_magic *magic;
	struct pii_fp *fp;
	struct pii_pager pager;
	/* A read buffer (PII_READ_CHUNK) and a head buffer (PII_SNIFF_SIZE)
	 * per nesting level, made when first needed and kept for the next
	 * file: a zip of 10,000 members does not allocate 10,000 times. */
	unsigned char **scratch;
	unsigned char **head;
	unsigned levels;        /* entries in scratch and head */
	struct pii_buf repaired;  /* text with invalid UTF-8 replaced (match_text) */
	struct pii_sink sink;
	struct pii_outbox outbox; /* to the collector */
	pthread_t thread;
};

void pii_job_free(struct pii_job *job)
{
	if (!job)
		return;
	free(job->path);
	free(job);
}

/* ---- the file's outcome --------------------------------------------------------- */

static struct file_ctx *file_ctx_new(struct pii_file_result *res)
{
	struct file_ctx *fc = calloc(1, sizeof(*fc));
	if (!fc)
		return NULL;
	atomic_init(&fc->refs, 1);
	fc->res = res;
	return fc;
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
		pii_file_result_set(res, PII_FILE_PARTIAL,
				    "out of memory while scanning; some findings may be missing");
	uint64_t hits = atomic_load(&fc->limit_hits);
	if (hits) {
		char why[160];
		atomic_fetch_add(&ctx->counters->limit_hits, hits);
		snprintf(why, sizeof(why),
			 "pattern work limit reached %llu times: values in this text may be missed",
			 (unsigned long long)hits);
		pii_outbox_problem(&w->outbox, res->file_id, res->path, PII_FILE_PARTIAL, why);
	}
	/* Problem rows count the file as not (fully) scanned in the totals. */
	int own = atomic_load(&fc->own_problem);
	if (res->status == PII_FILE_SCANNED && (own || hits || atomic_load(&fc->member_problem))) {
		res->status = own ? (enum pii_file_status)(own - 1) : PII_FILE_PARTIAL;
		res->listed = true;
	}
	atomic_fetch_add(&ctx->counters->files_done, 1);
	pii_outbox_file(&w->outbox, res);
	free(fc);
}

/* ---- findings ------------------------------------------------------------------- */

static void send_batch(struct pii_sink *s)
{
	if (s->batch && s->batch->n) {
		pii_outbox_batch(&s->w->outbox, s->batch);
		s->batch = NULL;
	}
}

/* Copies a match up into the batch: fingerprint of the canonical value,
 * and the value itself masked unless --show-values. The raw value never
 * leaves the worker otherwise. */
static void emit(struct pii_sink *s, const struct pii_loc *loc, const struct pii_match *m,
		 const char *text, uint64_t line, uint64_t offset)
{
	struct pii_worker *w = s->w;
	const struct pii_rule *r = m->rule;
	const char *value = text + m->start;
	size_t len = m->end - m->start;
	struct pii_canon canon;
	if (!r->validate || !r->validate(value, len, &canon))
		pii_canon_copy(&canon, value, len);
	struct pii_finding f = {
		.rule = (unsigned)(r - w->ctx->rules->rules),
		.confidence = m->confidence,
		.line = line,
		.row = s->row,
		.offset = offset,
		.fingerprint = pii_fp_compute(w->fp, r->report_as, canon.buf, canon.len),
	};
	char shown[PII_VALUE_MAX + 1];
	size_t shown_len;
	if (w->ctx->opt->show_values) {
		shown_len = len < PII_VALUE_MAX ? len : PII_VALUE_MAX;
		/* cut on a character boundary */
		while (shown_len < len && shown_len > 0 &&
		       ((unsigned char)value[shown_len] & 0xC0) == 0x80)
			shown_len--;
		memcpy(shown, value, shown_len);
	} else {
		shown_len = r->mask(value, len, shown, sizeof(shown));
	}
	if (r->special && (!s->held || s->held->n < PII_SPECIAL_HELD_MAX)) {
		if (!s->held)
			s->held = pii_batch_new(s->fc->res->file_id);
		if (!s->held || !pii_batch_add(s->held, &f, loc, shown, shown_len))
			s->oom = true;
		return;
	}
	if (r->special || pii_category_identifies(r->category))
		s->identified = true; /* so many special findings count as such */
	if (!s->batch)
		s->batch = pii_batch_new(s->fc->res->file_id);
	if (!s->batch || !pii_batch_add(s->batch, &f, loc, shown, shown_len)) {
		s->oom = true;
		return;
	}
	if (s->batch->n >= PII_BATCH_FINDINGS)
		send_batch(s);
}

/* The held special-category findings that count go out; the others (a
 * word in passing) are dropped. */
static void release_held(struct pii_sink *s)
{
	struct pii_batch *held = s->held;
	if (!held)
		return;
	s->held = NULL;
	const struct pii_ruleset *rs = s->w->ctx->rules;
	/* findings per rule; without memory for the count, all count */
	unsigned *per_rule = s->identified ? NULL : calloc(rs->n_rules, sizeof(unsigned));
	for (size_t i = 0; per_rule && i < held->n; i++)
		per_rule[held->items[i].rule]++;
	for (size_t i = 0; i < held->n; i++) {
		const struct pii_finding *f = &held->items[i];
		if (per_rule && per_rule[f->rule] < rs->rules[f->rule].density)
			continue;
		if (!s->batch)
			s->batch = pii_batch_new(held->file_id);
		if (!s->batch || !pii_batch_add(s->batch, f, f->loc, f->value, strlen(f->value))) {
			s->oom = true;
			break;
		}
		if (s->batch->n >= PII_BATCH_FINDINGS)
			send_batch(s);
	}
	free(per_rule);
	pii_batch_free(held);
}

/* text[0..len) with every byte that is not part of valid UTF-8 made a
 * '?', in w's buffer; NULL when out of memory. The length stays the same,
 * so offsets and lines still hold. */
static const char *repair_utf8(struct pii_worker *w, const char *text, size_t len, size_t ok)
{
	w->repaired.len = 0;
	if (!pii_buf_append(&w->repaired, text, len))
		return NULL;
	char *t = w->repaired.data;
	for (size_t i = ok; i < len;) {
		t[i++] = '?';
		i += pii_utf8_valid_prefix(t + i, len - i);
	}
	return t;
}

/* Runs the matcher over text[from..to) and emits what it finds. lines is
 * the number of newlines before text[from], or UINT64_MAX when the text
 * has no lines. */
static void match_text(struct pii_sink *s, const struct pii_loc *loc, const char *text,
		       size_t len, size_t from, size_t to, uint64_t offset0, uint64_t lines)
{
	const struct pii_match *m;
	size_t n;
	/* The matcher runs PCRE2 without its UTF-8 check (it would cost a
	 * pass per rule), so what it gets must be valid: extractors decode
	 * to UTF-8, but a library in recovery mode (libxml2) has been seen to
	 * hand out bytes that are not. */
	size_t ok = pii_utf8_valid_prefix(text, len);
	if (ok < len && !(text = repair_utf8(s->w, text, len, ok))) {
		s->oom = true;
		return;
	}
	uint64_t hits = pii_matcher_limit_hits(s->w->matcher);
	if (pii_matcher_run(s->w->matcher, text, len, from, to,
			    loc->column ? loc->column : loc->key, &m, &n) != PII_OK)
		s->oom = true;
	hits = pii_matcher_limit_hits(s->w->matcher) - hits;
	if (hits)
		atomic_fetch_add(&s->fc->limit_hits, hits);
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
		emit(s, loc, &m[i], text, lines == UINT64_MAX ? 0 : line + 1,
		     offset0 + m[i].start);
	}
}

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
	dst->file = src->file ? strdup(src->file) : NULL;
	dst->table = src->table ? strdup(src->table) : NULL;
	dst->column = src->column ? strdup(src->column) : NULL;
	dst->key = src->key ? strdup(src->key) : NULL;
	dst->part = src->part ? strdup(src->part) : NULL;
	if ((src->file && !dst->file) || (src->table && !dst->table) ||
	    (src->column && !dst->column) || (src->key && !dst->key) ||
	    (src->part && !dst->part)) {
		free_loc(dst);
		return false;
	}
	return true;
}

/* Offers a page to the other workers; false when none can take it now
 * (then the reader matches it itself). */
static bool hand_over(struct pii_sink *s, const char *text, size_t len, size_t from,
		      size_t to, uint64_t offset, uint64_t lines)
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
	(void)text;
	atomic_store(&s->fc->shared, true);
	t->fc = s->fc;
	t->text = buf;
	t->len = len;
	t->from = from;
	t->to = to;
	t->offset = offset;
	t->lines = lines;
	t->row = s->row;
	atomic_fetch_add(&s->fc->refs, 1);
	pii_sched_push_page(sched, t);
	return true;
}

static enum pii_status on_page(void *ctx, const char *text, size_t len, size_t from,
			       size_t to, uint64_t offset, uint64_t lines, bool last)
{
	struct pii_sink *s = ctx;
	/* The last page is matched here: a small file never changes hands. */
	if (!s->stream_lines)
		lines = UINT64_MAX;
	if (!last && hand_over(s, text, len, from, to, offset, lines))
		return PII_OK;
	match_text(s, s->stream_loc, text, len, from, to, offset, lines);
	return PII_OK;
}

enum pii_status pii_sink_begin_text(struct pii_sink *s, const struct pii_loc *loc,
				    bool lines)
{
	s->stream_loc = loc;
	s->stream_lines = lines;
	pii_pager_begin(&s->w->pager, on_page, s);
	return PII_OK;
}

enum pii_status pii_sink_write_text(struct pii_sink *s, const char *utf8, size_t len)
{
	return pii_pager_write(&s->w->pager, utf8, len);
}

char *pii_sink_text_room(struct pii_sink *s, size_t *room)
{
	return pii_pager_room(&s->w->pager, room);
}

enum pii_status pii_sink_text_added(struct pii_sink *s, size_t n)
{
	return pii_pager_added(&s->w->pager, n);
}

void pii_sink_text_drop(struct pii_sink *s, size_t n)
{
	pii_pager_drop(&s->w->pager, n);
}

enum pii_status pii_sink_end_text(struct pii_sink *s)
{
	enum pii_status st = pii_pager_finish(&s->w->pager);
	s->stream_loc = NULL;
	return st;
}

enum pii_status pii_sink_text(struct pii_sink *s, const struct pii_loc *loc,
			      const char *utf8, size_t len, uint64_t offset, uint64_t line)
{
	match_text(s, loc, utf8, len, 0, len, offset, line ? line - 1 : UINT64_MAX);
	return PII_OK;
}

void pii_sink_problem(struct pii_sink *s, const char *path, enum pii_file_status st,
		      const char *reason)
{
	struct file_ctx *fc = s->fc;
	pii_outbox_problem(&s->w->outbox, fc ? fc->res->file_id : 0, path, st, reason);
	if (!fc || st == PII_FILE_SCANNED)
		return;
	if (strcmp(path, fc->res->path) == 0) {
		int none = 0;
		atomic_compare_exchange_strong(&fc->own_problem, &none, (int)st + 1);
	} else {
		atomic_store(&fc->member_problem, true);
	}
}

void pii_sink_set_row(struct pii_sink *s, uint64_t row)
{
	s->row = row;
}

void pii_sink_table_rows(struct pii_sink *s, const char *file, const char *table,
			 uint64_t rows)
{
	/* The findings before it go first, in order. */
	send_batch(s);
	pii_outbox_table_rows(&s->w->outbox, s->fc->res->file_id,
			      file, table, rows);
}

/* Points the sink at file fc, with an empty batch. */
static void sink_begin(struct pii_sink *s, struct file_ctx *fc)
{
	s->fc = fc;
	s->batch = NULL;
	s->row = 0;
	s->oom = false;
	s->held = NULL;
	s->identified = false;
}

/* Sends what the sink holds for its file and lets go of the file. */
static void sink_end(struct pii_sink *s)
{
	release_held(s);
	send_batch(s);
	if (s->oom)
		atomic_store(&s->fc->oom, true);
	pii_batch_free(s->batch); /* an empty one, if any */
	s->batch = NULL;
	file_ctx_release(s->w, s->fc);
	s->fc = NULL;
}

static void do_page(struct pii_worker *w, struct page_task *t)
{
	sink_begin(&w->sink, t->fc);
	w->sink.row = t->row;
	match_text(&w->sink, &t->loc, t->text, t->len, t->from, t->to, t->offset, t->lines);
	pii_sched_release_buffer(w->ctx->sched, t->text);
	free_loc(&t->loc);
	sink_end(&w->sink);
	free(t);
}

/* ---- buffers per level -------------------------------------------------------- */

static unsigned char *level_buffer(unsigned char **v, unsigned depth, size_t size)
{
	if (!v[depth])
		v[depth] = malloc(size);
	return v[depth];
}

static unsigned char *scratch_at(struct pii_worker *w, int depth)
{
	return level_buffer(w->scratch, (unsigned)depth, PII_READ_CHUNK);
}

static unsigned char *head_at(struct pii_worker *w, int depth)
{
	return level_buffer(w->head, (unsigned)depth, PII_SNIFF_SIZE);
}

/* ---- reading a file --------------------------------------------------------- */

struct fd_reader {
	int fd;
	struct pii_counters *counters;
	uint64_t size;   /* at open; 0: read to the end (a /proc file says 0) */
	uint64_t done;
	bool shrank;     /* the end came before size: cut while being read */
};

/* Reads the file as it was when it was opened: a log that grows while it
 * is read is read up to its size then, and a file cut short meanwhile is
 * noticed. */
static ssize_t fd_read(void *ctx, void *buf, size_t n)
{
	struct fd_reader *r = ctx;
	if (r->size) {
		if (r->done >= r->size)
			return 0;
		if (n > r->size - r->done)
			n = (size_t)(r->size - r->done);
	}
	for (;;) {
		ssize_t got = read(r->fd, buf, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got > 0) {
			r->done += (uint64_t)got;
			atomic_fetch_add(&r->counters->bytes_done, (uint_fast64_t)got);
		} else if (got == 0 && r->size && r->done < r->size) {
			r->shrank = true;
		}
		return got;
	}
}

/* Opens read-only, without following a final symbolic link unless asked,
 * without blocking on a FIFO that replaced the file, and without
 * updating the access time where the file system lets us. */
static int open_readonly(const char *path, bool follow)
{
	int flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW);
	int fd = pii_open_path(path, flags | O_NOATIME);
	if (fd < 0 && errno == EPERM)
		fd = pii_open_path(path, flags); /* O_NOATIME needs ownership */
	return fd;
}

static const char *file_kind(mode_t m)
{
	if (S_ISFIFO(m))
		return "FIFO";
	if (S_ISSOCK(m))
		return "socket";
	if (S_ISCHR(m))
		return "character device";
	if (S_ISBLK(m))
		return "block device";
	if (S_ISDIR(m))
		return "folder";
	if (S_ISLNK(m))
		return "symbolic link";
	return "special file";
}

/* Detects the type and runs the extractors over in; sets the outcome. */
static void scan_input(struct pii_worker *w, struct pii_input *in,
		       struct pii_file_result *res, const struct pii_extractor *as)
{
	pii_detect(in->head, in->head_len, in->head_is_all, w->magic, &in->type);
	snprintf(res->type, sizeof(res->type), "%s", in->type.mime);
	in->scratch = scratch_at(w, 0);
	if (!in->scratch) {
		pii_file_result_set(res, PII_FILE_FAILED, "out of memory");
		return;
	}
	enum pii_status st = as ? as->run(in, &w->sink) : pii_extract(in, &w->sink);
	res->bytes_read = in->bytes_read;
	int stopped = in->budget ? in->budget->stopped : 0;
	res->transient = stopped || in->read_errno || st != PII_OK;
	if (stopped == ETIMEDOUT) {
		char why[256];
		snprintf(why, sizeof(why),
			 "timeout: not read to the end in %u s (--file-timeout); findings up to "
			 "there are kept", w->ctx->opt->file_timeout);
		pii_file_result_set(res, PII_FILE_PARTIAL, why);
	} else if (stopped == EINTR) {
		char why[160];
		snprintf(why, sizeof(why),
			 "scan interrupted (%s) while this file was read; findings up to there are kept",
			 pii_signal_name(pii_stop_signal()));
		pii_file_result_set(res, PII_FILE_PARTIAL, why);
	} else if (in->read_errno) {
		char why[256];
		snprintf(why, sizeof(why), "read error after %llu bytes: %s; findings up to there are kept",
			 (unsigned long long)in->bytes_read, strerror(in->read_errno));
		pii_file_result_set(res, PII_FILE_PARTIAL, why);
	} else if (st != PII_OK) {
		pii_file_result_set(res, PII_FILE_PARTIAL,
				    "out of memory while scanning; some findings may be missing");
	} else {
		pii_file_result_set(res, PII_FILE_SCANNED, NULL);
	}
}

/* Reads up to PII_SNIFF_SIZE bytes into in->head; false on a read error
 * before anything was read. */
static bool read_head(struct pii_input *in, unsigned char *head)
{
	in->head = head;
	in->head_len = 0;
	while (in->head_len < PII_SNIFF_SIZE) {
		ssize_t got = in->read_more(in->read_ctx, head + in->head_len,
					    PII_SNIFF_SIZE - in->head_len);
		if (got < 0) {
			in->read_errno = errno ? errno : EIO;
			break;
		}
		if (got == 0) {
			in->head_is_all = true;
			break;
		}
		in->head_len += (size_t)got;
	}
	in->bytes_read = in->head_len;
	return !(in->read_errno && !in->head_len);
}

/* Reads the file at path (open, checks, head) into in; false with the
 * outcome set in res when it is not to be scanned. */
static bool open_input(struct pii_worker *w, const char *path, struct pii_file_result *res,
		       struct pii_input *in, struct fd_reader *reader)
{
	const struct pii_options *opt = w->ctx->opt;
	char why[256];
	int fd = open_readonly(path, opt->follow_symlinks);
	if (fd < 0) {
		if (errno == ELOOP && !opt->follow_symlinks)
			pii_file_result_set(res, PII_FILE_SKIPPED,
					    "symbolic link, not followed (see --follow-symlinks)");
		else if (errno == ENOENT)
			pii_file_result_set(res, PII_FILE_FAILED,
					    "gone before it was read (deleted or moved during the scan)");
		else
			pii_file_result_set(res, PII_FILE_FAILED, strerror(errno));
		return false;
	}
	reader->fd = fd;
	reader->counters = w->ctx->counters;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		pii_file_result_set(res, PII_FILE_FAILED, strerror(errno));
		return false;
	}
	res->size = (uint64_t)st.st_size;
	res->mtime = (int64_t)st.st_mtime;
	res->mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
	res->ino = (uint64_t)st.st_ino;
	res->uid = st.st_uid;
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, sizeof(why), "%s, not read", file_kind(st.st_mode));
		pii_file_result_set(res, PII_FILE_SKIPPED, why);
		return false;
	}
	if (w->ctx->outputs && pii_outputs_is_own(w->ctx->outputs, st.st_dev, st.st_ino)) {
		pii_file_result_set(res, PII_FILE_SKIPPED, "piiscan's own output, not read");
		return false;
	}
	if (w->ctx->state && pii_state_is_own(w->ctx->state, st.st_dev, st.st_ino)) {
		pii_file_result_set(res, PII_FILE_SKIPPED, "piiscan's own state file, not read");
		return false;
	}
	if (opt->max_filesize && (uint64_t)st.st_size > opt->max_filesize) {
		snprintf(why, sizeof(why), "larger than --max-filesize (%llu bytes)",
			 (unsigned long long)st.st_size);
		pii_file_result_set(res, PII_FILE_SKIPPED, why);
		return false;
	}
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	unsigned char *head = head_at(w, 0);
	if (!head) {
		pii_file_result_set(res, PII_FILE_FAILED, "out of memory");
		return false;
	}
	in->path = path;
	in->fd = fd;
	in->size = (uint64_t)st.st_size;
	in->read_more = fd_read;
	in->read_ctx = reader;
	reader->size = (uint64_t)st.st_size;
	/* Read the head, for detection; the extractor reads on from there. */
	if (!read_head(in, head)) {
		pii_file_result_set(res, PII_FILE_FAILED, strerror(in->read_errno));
		return false;
	}
	return true;
}

/* ---- members of containers ------------------------------------------------------ */

struct mem_reader {
	const unsigned char *data;
	size_t len, pos;
};

static ssize_t mem_read(void *ctx, void *buf, size_t n)
{
	struct mem_reader *m = ctx;
	size_t k = m->len - m->pos < n ? m->len - m->pos : n;
	if (k) /* an empty member may have no data at all */
		memcpy(buf, m->data + m->pos, k);
	m->pos += k;
	return (ssize_t)k;
}

bool pii_sink_may_open(struct pii_sink *s, const struct pii_input *in)
{
	unsigned max = s->w->ctx->opt->max_depth;
	if ((unsigned)in->depth < max)
		return true;
	char why[128];
	snprintf(why, sizeof(why),
		 "container nested %u deep: its members are not read (--max-depth %u)",
		 (unsigned)in->depth, max);
	pii_sink_problem(s, in->path, PII_FILE_SKIPPED, why);
	return false;
}

enum pii_status pii_sink_child(struct pii_sink *s, const struct pii_input *parent,
			       const char *name, pii_read_fn read, void *ctx, uint64_t size)
{
	struct pii_worker *w = s->w;
	const struct pii_options *opt = w->ctx->opt;
	size_t plen = strlen(parent->path), nlen = strlen(name);
	char *path = malloc(plen + nlen + 2);
	if (!path) {
		s->oom = true;
		return PII_OK;
	}
	memcpy(path, parent->path, plen);
	path[plen] = '!';
	memcpy(path + plen + 1, name, nlen + 1);
	int depth = parent->depth + 1;
	if ((unsigned)depth > opt->max_depth) {
		char why[96];
		snprintf(why, sizeof(why), "nested more than %u deep: not scanned (--max-depth)",
			 opt->max_depth);
		pii_sink_problem(s, path, PII_FILE_SKIPPED, why);
		free(path);
		return PII_OK;
	}
	struct pii_input in = {
		.path = path,
		.depth = depth,
		.opt = opt,
		.budget = parent->budget,
		.fd = -1,
		.size = size,
		.read_more = read,
		.read_ctx = ctx,
	};
	unsigned char *head = head_at(w, depth), *scratch = scratch_at(w, depth);
	if (!head || !scratch) {
		s->oom = true;
		free(path);
		return PII_OK;
	}
	enum pii_status st = PII_OK;
	if (read_head(&in, head)) {
		pii_detect(in.head, in.head_len, in.head_is_all, w->magic, &in.type);
		in.scratch = scratch;
		st = pii_extract(&in, s);
	}
	/* Time up or interrupted: the file on disk says so, once. */
	bool stopped = in.budget && in.budget->stopped && in.read_errno == in.budget->stopped;
	if (in.read_errno && !stopped) {
		char why[256];
		snprintf(why, sizeof(why), "read error after %llu bytes: %s",
			 (unsigned long long)in.bytes_read, strerror(in.read_errno));
		pii_sink_problem(s, path, PII_FILE_PARTIAL, why);
	}
	free(path);
	return st == PII_EFATAL ? PII_EFATAL : PII_OK;
}

enum pii_status pii_sink_child_memory(struct pii_sink *s, const struct pii_input *parent,
				      const char *name, const void *data, size_t len)
{
	struct mem_reader m = {data, len, 0};
	return pii_sink_child(s, parent, name, mem_read, &m, len);
}

/* --state: a file unchanged since its records were kept is not read
 * again; its records go to the collector as they are. True when done. */
static bool carry_over(struct pii_worker *w, uint64_t id, const char *path)
{
	struct stat st;
	if (pii_stat_path(path, &st, true) != 0 || !S_ISREG(st.st_mode))
		return false;
	int64_t mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
	char *records = pii_state_lookup(w->ctx->state, path, (uint64_t)st.st_size, mtime_ns,
					 (uint64_t)st.st_ino);
	if (!records)
		return false;
	struct pii_replay rp = {
		.rs = w->ctx->rules, .out = &w->outbox, .fixed_id = id, .carried = true,
	};
	char why[256];
	bool ok = true;
	for (char *line = records, *next; ok && *line; line = next) {
		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		char saved = *next;
		*next = '\0';
		ok = pii_replay_line(&rp, line, why, sizeof(why));
		*next = saved;
	}
	pii_replay_flush(&rp);
	free(records);
	if (!ok) {
		/* Findings may have gone out already: say so rather than read
		 * the file again and count them twice. */
		struct pii_file_result *res = pii_file_result_new(id, path);
		if (res) {
			pii_file_result_set(res, PII_FILE_PARTIAL,
					    "its record in the state file could not be read back; "
					    "run with --full");
			res->carried = true;
			pii_outbox_file(&w->outbox, res);
		}
	}
	atomic_fetch_add(&w->ctx->counters->files_done, 1);
	return true;
}

void pii_worker_scan_file(struct pii_worker *w, uint64_t id, const char *path)
{
	if (w->ctx->state && carry_over(w, id, path))
		return;
	struct pii_file_result *res = pii_file_result_new(id, path);
	struct file_ctx *fc = res ? file_ctx_new(res) : NULL;
	if (!fc) {
		pii_file_result_free(res);
		return; /* out of memory: nothing to tell it with */
	}
	sink_begin(&w->sink, fc);
	struct pii_budget budget = {0};
	if (w->ctx->opt->file_timeout)
		budget.deadline = pii_now_monotonic() + w->ctx->opt->file_timeout;
	struct pii_input in = {.opt = w->ctx->opt, .budget = &budget, .fd = -1};
	struct fd_reader reader = {.fd = -1};
	if (open_input(w, path, res, &in, &reader)) {
		scan_input(w, &in, res, NULL);
		if (reader.shrank && res->status == PII_FILE_SCANNED) {
			char why[200];
			snprintf(why, sizeof(why),
				 "cut short while it was read (%llu of %llu bytes): changed by "
				 "another program? Findings up to there are kept",
				 (unsigned long long)reader.done, (unsigned long long)reader.size);
			pii_file_result_set(res, PII_FILE_PARTIAL, why);
		}
	}
	if (reader.fd >= 0)
		close(reader.fd);
	sink_end(&w->sink);
}

void pii_worker_scan_buffer(struct pii_worker *w, uint64_t id, const char *path,
			    const void *data, size_t len)
{
	pii_worker_scan_buffer_as(w, id, path, data, len, NULL);
}

void pii_worker_scan_buffer_as(struct pii_worker *w, uint64_t id, const char *path,
			       const void *data, size_t len, const struct pii_extractor *as)
{
	struct pii_file_result *res = pii_file_result_new(id, path);
	struct file_ctx *fc = res ? file_ctx_new(res) : NULL;
	if (!fc) {
		pii_file_result_free(res);
		return;
	}
	sink_begin(&w->sink, fc);
	res->size = len;
	struct pii_budget budget = {0};
	struct pii_input in = {
		.path = path,
		.opt = w->ctx->opt,
		.budget = &budget,
		.fd = -1,
		.size = len,
		.head = data,
		.head_len = len,
		.head_is_all = true,
		.bytes_read = len,
	};
	scan_input(w, &in, res, as);
	sink_end(&w->sink);
}

/* ---- threads ------------------------------------------------------------------ */

struct pii_worker *pii_worker_new(const struct pii_scan_ctx *ctx)
{
	struct pii_worker *w = calloc(1, sizeof(*w));
	if (!w)
		return NULL;
	w->ctx = ctx;
	w->sink.w = w;
	pii_outbox_init(&w->outbox, ctx->collector);
	w->matcher = pii_matcher_new(ctx->rules);
	w->magic = pii_magic_new();
	w->fp = pii_fp_new(ctx->fp_key);
	w->levels = ctx->opt->max_depth + 1;
	w->scratch = calloc(w->levels, sizeof(*w->scratch));
	w->head = calloc(w->levels, sizeof(*w->head));
	if (!w->matcher || !w->magic || !w->fp || !w->scratch || !w->head ||
	    !pii_pager_init(&w->pager, 0, 0, 0)) {
		pii_worker_free(w);
		return NULL;
	}
	return w;
}

void pii_worker_free(struct pii_worker *w)
{
	if (!w)
		return;
	if (w->outbox.c)
		pii_outbox_flush(&w->outbox);
	pii_matcher_free(w->matcher);
	pii_magic_free(w->magic);
	pii_fp_free(w->fp);
	pii_pager_free(&w->pager);
	pii_buf_free(&w->repaired);
	for (unsigned i = 0; i < w->levels; i++) {
		if (w->scratch)
			free(w->scratch[i]);
		if (w->head)
			free(w->head[i]);
	}
	free(w->scratch);
	free(w->head);
	free(w);
}

static void *worker_main(void *arg)
{
	struct pii_worker *w = arg;
	void *item;
	bool is_page;
	for (;;) {
		item = pii_sched_try_take(w->ctx->sched, &is_page);
		if (!item) {
			/* Nothing waiting: hand over what we hold, then wait. */
			pii_outbox_flush(&w->outbox);
			item = pii_sched_take(w->ctx->sched, &is_page);
			if (!item)
				break;
		}
		if (is_page) {
			do_page(w, item);
		} else {
			struct pii_job *job = item;
			/* Interrupted: files not begun are left, and counted. */
			if (pii_stop_requested())
				atomic_fetch_add(&w->ctx->counters->files_dropped, 1);
			else
				pii_worker_scan_file(w, job->id, job->path);
			pii_job_free(job);
			pii_sched_file_done(w->ctx->sched);
		}
	}
	return NULL;
}

struct pii_workers {
	struct pii_worker **v;
	unsigned n;
};

struct pii_workers *pii_workers_start(const struct pii_scan_ctx *ctx, unsigned n,
				      char *err, size_t errlen)
{
	struct pii_workers *ws = calloc(1, sizeof(*ws));
	if (!ws || !(ws->v = calloc(n, sizeof(*ws->v)))) {
		free(ws);
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	for (unsigned i = 0; i < n; i++) {
		struct pii_worker *w = pii_worker_new(ctx);
		if (!w) {
			snprintf(err, errlen, "out of memory starting worker %u", i + 1);
			break;
		}
		if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
			snprintf(err, errlen, "cannot start worker thread %u", i + 1);
			pii_worker_free(w);
			break;
		}
		ws->v[ws->n++] = w;
	}
	if (ws->n < n) {
		/* Let the started ones finish cleanly, then fail. */
		pii_sched_close(ctx->sched);
		pii_workers_join(ws);
		return NULL;
	}
	return ws;
}

void pii_workers_join(struct pii_workers *ws)
{
	if (!ws)
		return;
	for (unsigned i = 0; i < ws->n; i++) {
		pthread_join(ws->v[i]->thread, NULL);
		pii_worker_free(ws->v[i]);
	}
	free(ws->v);
	free(ws);
}
