/*
 * rowstore.c - the inventory's rows in bounded memory (pii_rowstore.h).
 *
 * Rows live in an array and an arena (their strings and files) until
 * these pass the budget; then the array is sorted and encoded as one run
 * at the end of a single unlinked temporary file, and the memory is used
 * again. A reader merges the runs and what is still in memory with a
 * heap, each run read through its own small buffer with pread, so any
 * number of runs needs one file descriptor.
 *
 * A run's row: a flags byte; when its file differs from the row before,
 * the file (size, times, uid, path, owner, type); its location path
 * unless the same as the row before's or the file's own; table, column,
 * key, part, example; then its figures as varints. Strings are a varint
 * of length + 1, 0 for NULL. The review entry is a pointer: the file
 * never outlives the run.
 */
#include "pii_rowstore.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Bytes each run is read through: 64 KiB, less when there are so many
 * runs that their buffers would pass the budget, never under 4 KiB. */
#define RUN_BUFFER_MAX ((size_t)64 << 10)
#define RUN_BUFFER_MIN ((size_t)4 << 10)
/* Encoded rows are written a megabyte at a time. */
#define WRITE_CHUNK ((size_t)1 << 20)

enum {
	F_NEW_FILE = 1,
	F_SAME_PATH = 2,
	F_ESTIMATED = 4,
	F_STALE = 8,
	F_REVIEW_CHANGED = 16,
	F_CONF_SHIFT = 5, /* two bits: enum pii_confidence */
	F_FILE_PATH = 128, /* the location is the file itself: its path */
};

struct run {
	uint64_t off, end; /* its bytes in the temporary file */
};

struct pii_rowstore {
	const struct pii_ruleset *rs;
	uint64_t budget;
	/* in memory */
	struct pii_inv_row *mem;
	size_t n_mem, cap_mem;
	struct pii_arena arena;
	const struct pii_inv_file *file_src;  /* the file being added */
	const struct pii_inv_file *file_copy; /* its copy in arena; NULL once spilled */
	/* on disk */
	int fd;                               /* -1: nothing spilled yet */
	uint64_t file_size;
	struct run *runs;
	size_t n_runs;
	uint64_t spilled, count;
	char spill_error[256];                /* why it could not spill, or "" */
};

struct pii_rowstore *pii_rowstore_new(const struct pii_ruleset *rs, uint64_t budget)
{
	struct pii_rowstore *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->rs = rs;
	/* a budget below a few rows would spill every file by itself */
	s->budget = budget < 4096 ? 4096 : budget;
	s->fd = -1;
	return s;
}

uint64_t pii_rowstore_count(const struct pii_rowstore *s)
{
	return s ? s->count : 0;
}

uint64_t pii_rowstore_spilled(const struct pii_rowstore *s)
{
	return s ? s->spilled : 0;
}

const char *pii_rowstore_spill_error(const struct pii_rowstore *s)
{
	return s && s->spill_error[0] ? s->spill_error : NULL;
}

void pii_rowstore_free(struct pii_rowstore *s)
{
	if (!s)
		return;
	if (s->fd >= 0)
		close(s->fd);
	free(s->runs);
	free(s->mem);
	pii_arena_free(&s->arena);
	free(s);
}

/* ---- the rows' order, and their copies ------------------------------------------ */

int pii_inv_row_cmp(const struct pii_ruleset *rs, const struct pii_inv_row *a,
		    const struct pii_inv_row *b)
{
	int c;
	/* the file first: all rows of a file are together, also where
	 * another file's name starts with its name ("a.zip" and "a.zip x") */
	if ((c = strcmp(a->file->path, b->file->path)) || (c = pii_strcmp_null(a->path, b->path)) ||
	    (c = pii_strcmp_null(a->table, b->table)) ||
	    (c = pii_strcmp_null(a->column, b->column)) || (c = pii_strcmp_null(a->key, b->key)) ||
	    (c = pii_strcmp_null(a->part, b->part)))
		return c;
	return strcmp(rs->reports[a->report].name, rs->reports[b->report].name);
}

/* qsort has no context argument in C11: the rule set is passed here. */
static const struct pii_ruleset *sort_rules;

static int cmp_row(const void *pa, const void *pb)
{
	return pii_inv_row_cmp(sort_rules, pa, pb);
}

void pii_inv_rows_sort(const struct pii_ruleset *rs, struct pii_inv_row *rows, size_t n)
{
	/* Only the collector's thread sorts rows. */
	sort_rules = rs;
	if (n > 1)
		qsort(rows, n, sizeof(*rows), cmp_row);
	sort_rules = NULL;
}

struct pii_inv_file *pii_inv_file_copy(struct pii_arena *arena, const struct pii_inv_file *f)
{
	struct pii_inv_file *copy = pii_arena_alloc(arena, sizeof(*copy));
	if (!copy)
		return NULL;
	*copy = *f;
	copy->path = pii_arena_strdup(arena, f->path);
	copy->owner = pii_arena_strdup(arena, f->owner);
	copy->type = pii_arena_strdup(arena, f->type);
	if (!copy->path || (f->owner && !copy->owner) || (f->type && !copy->type))
		return NULL;
	return copy;
}

bool pii_inv_row_copy(struct pii_arena *arena, struct pii_inv_row *dst,
		      const struct pii_inv_row *src, const struct pii_inv_row *prev,
		      const struct pii_inv_file *file)
{
	*dst = *src;
	dst->file = file;
	dst->path = !strcmp(src->path, file->path) ? file->path
						    : pii_arena_share(arena, prev ? prev->path : NULL,
								  src->path);
	dst->table = pii_arena_share(arena, prev ? prev->table : NULL, src->table);
	dst->column = pii_arena_share(arena, prev ? prev->column : NULL, src->column);
	dst->key = pii_arena_strdup(arena, src->key);
	dst->part = pii_arena_share(arena, prev ? prev->part : NULL, src->part);
	dst->example = pii_arena_strdup(arena, src->example);
	return dst->path && (!src->table || dst->table) && (!src->column || dst->column) &&
	       (!src->key || dst->key) && (!src->part || dst->part) &&
	       (!src->example || dst->example);
}

/* ---- writing a run ------------------------------------------------------------ */

static void put_varint(struct pii_buf *b, uint64_t v)
{
	char tmp[10];
	size_t n = 0;
	while (v >= 0x80) {
		tmp[n++] = (char)(v | 0x80);
		v >>= 7;
	}
	tmp[n++] = (char)v;
	pii_buf_append(b, tmp, n);
}

/* Signed times as zigzag varints: small either side of 0. */
static void put_signed(struct pii_buf *b, int64_t v)
{
	put_varint(b, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

static void put_raw64(struct pii_buf *b, uint64_t v)
{
	pii_buf_append(b, &v, sizeof(v));
}

static void put_str(struct pii_buf *b, const char *s)
{
	if (!s) {
		put_varint(b, 0);
		return;
	}
	size_t len = strlen(s);
	put_varint(b, (uint64_t)len + 1);
	pii_buf_append(b, s, len);
}

static void encode_row(struct pii_buf *b, const struct pii_inv_row *r,
		       const struct pii_inv_row *prev)
{
	bool new_file = !prev || prev->file != r->file;
	bool file_path = !strcmp(r->file->path, r->path);
	/* the path decoded last is the row before's unless that was its file's */
	bool same_path = !file_path && prev && strcmp(prev->path, prev->file->path) &&
			 !strcmp(prev->path, r->path);
	unsigned flags = (new_file ? F_NEW_FILE : 0) | (same_path ? F_SAME_PATH : 0) |
			 (file_path ? F_FILE_PATH : 0) |
			 (r->distinct_estimated ? F_ESTIMATED : 0) | (r->stale ? F_STALE : 0) |
			 (r->review_changed ? F_REVIEW_CHANGED : 0) |
			 ((unsigned)(r->confidence & 3) << F_CONF_SHIFT);
	pii_buf_putc(b, (char)flags);
	if (new_file) {
		const struct pii_inv_file *f = r->file;
		put_varint(b, f->size);
		put_signed(b, f->mtime);
		put_signed(b, f->saved);
		put_varint(b, f->uid);
		put_str(b, f->path);
		put_str(b, f->owner);
		put_str(b, f->type);
	}
	if (!same_path && !file_path)
		put_str(b, r->path);
	put_str(b, r->table);
	put_str(b, r->column);
	put_str(b, r->key);
	put_str(b, r->part);
	put_str(b, r->example);
	const uint64_t figures[] = {
		r->report,	    r->system,		     r->count,
		r->by_confidence[0], r->by_confidence[1],    r->by_confidence[2],
		r->by_confidence[3], r->counted,	     r->distinct,
		r->example_line,    r->rows_scanned,	     r->rows_in_table,
		r->rows_with,	    r->contact_list,
	};
	for (size_t i = 0; i < sizeof(figures) / sizeof(figures[0]); i++)
		put_varint(b, figures[i]);
	put_raw64(b, r->example_fingerprint);
	put_raw64(b, r->row_key);
	uintptr_t review = (uintptr_t)r->review;
	pii_buf_append(b, &review, sizeof(review));
}

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = ENOSPC;
			return false;
		}
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* An unlinked temporary file in TMPDIR, else /tmp. */
static int open_spill_file(void)
{
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	struct pii_buf path = {0};
	pii_buf_printf(&path, "%s/piiscan-rows-XXXXXX", dir);
	if (path.oom) {
		pii_buf_free(&path);
		errno = ENOMEM;
		return -1;
	}
	int fd = mkstemp(path.data);
	if (fd >= 0) {
		unlink(path.data);
		(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	}
	int saved = errno;
	pii_buf_free(&path);
	errno = saved;
	return fd;
}

/* Sorts what is in memory, writes it as a run and frees the memory for
 * the next rows. */
static bool spill(struct pii_rowstore *s, char *why, size_t whylen)
{
	struct run *grown = realloc(s->runs, (s->n_runs + 1) * sizeof(*grown));
	if (!grown) {
		snprintf(why, whylen, "out of memory");
		return false;
	}
	s->runs = grown;
	if (s->fd < 0 && (s->fd = open_spill_file()) < 0) {
		snprintf(why, whylen,
			 "the inventory's temporary file (in TMPDIR, else /tmp) could not be made: %s",
			 strerror(errno));
		return false;
	}
	pii_inv_rows_sort(s->rs, s->mem, s->n_mem);
	struct pii_buf b = {0};
	uint64_t start = s->file_size;
	bool ok = true;
	for (size_t i = 0; i < s->n_mem && ok; i++) {
		encode_row(&b, &s->mem[i], i ? &s->mem[i - 1] : NULL);
		if (b.oom) {
			errno = ENOMEM;
			ok = false;
		} else if (b.len >= WRITE_CHUNK || i + 1 == s->n_mem) {
			ok = write_all(s->fd, b.data, b.len);
			s->file_size += b.len;
			b.len = 0;
		}
	}
	pii_buf_free(&b);
	if (!ok) {
		snprintf(why, whylen,
			 "the inventory's temporary file (in TMPDIR, else /tmp) could not be written: %s",
			 strerror(errno));
		return false;
	}
	s->runs[s->n_runs++] = (struct run){start, s->file_size};
	s->spilled += s->n_mem;
	s->n_mem = 0;
	pii_arena_reset(&s->arena);
	s->file_copy = NULL;
	return true;
}

static uint64_t mem_used(const struct pii_rowstore *s)
{
	return (uint64_t)s->n_mem * sizeof(*s->mem) + s->arena.used_total;
}

static bool add_row(struct pii_rowstore *s, const struct pii_inv_row *row)
{
	/* Rows that cannot go to disk stay in memory, past the budget:
	 * the run goes on and loses nothing, and the Errors sheet says why. */
	if (s->n_mem && !s->spill_error[0] && mem_used(s) >= s->budget &&
	    !spill(s, s->spill_error, sizeof(s->spill_error)) && !s->spill_error[0])
		snprintf(s->spill_error, sizeof(s->spill_error), "failed");
	if (s->n_mem == s->cap_mem) {
		/* the array never grows past the budget by itself */
		size_t most = s->spill_error[0] ? SIZE_MAX / sizeof(*s->mem)
						: (size_t)(s->budget / sizeof(*s->mem));
		size_t cap = s->cap_mem ? s->cap_mem * 2 : 256;
		if (cap > most)
			cap = most > s->cap_mem ? most : s->cap_mem + 1;
		struct pii_inv_row *grown = realloc(s->mem, cap * sizeof(*grown));
		if (!grown)
			return false;
		s->mem = grown;
		s->cap_mem = cap;
	}
	if (!s->file_copy && !(s->file_copy = pii_inv_file_copy(&s->arena, s->file_src)))
		return false;
	const struct pii_inv_row *prev = s->n_mem ? &s->mem[s->n_mem - 1] : NULL;
	if (!pii_inv_row_copy(&s->arena, &s->mem[s->n_mem], row, prev, s->file_copy))
		return false;
	s->n_mem++;
	s->count++;
	return true;
}

bool pii_rowstore_add_file(struct pii_rowstore *s, const struct pii_inv_file *file,
			   const struct pii_inv_row *rows, size_t n)
{
	s->file_src = file;
	s->file_copy = NULL;
	for (size_t i = 0; i < n; i++)
		if (!add_row(s, &rows[i]))
			return false;
	return true;
}

void pii_rowstore_seal(struct pii_rowstore *s)
{
	if (s)
		pii_inv_rows_sort(s->rs, s->mem, s->n_mem);
}

/* ---- reading: a run's rows ------------------------------------------------------- */

enum { S_FILE_PATH, S_OWNER, S_TYPE, S_PATH, S_TABLE, S_COLUMN, S_KEY, S_PART, S_EXAMPLE, N_STR };

struct source {
	/* a run on disk, or the rows in memory when run is NULL */
	const struct run *run;
	uint64_t at;          /* next byte of the run to read into buf */
	char *buf;
	size_t pos, len;
	size_t next_mem;      /* the rows in memory: the next one */
	struct pii_inv_row row;
	struct pii_inv_file file;
	struct pii_buf str[N_STR];
	const char *val[N_STR]; /* the strings of row and file: in str, or NULL */
	bool has_row;
};

struct pii_rowcursor {
	const struct pii_rowstore *s;         /* NULL: rows of an array */
	const struct pii_inv_row *mem;        /* the rows in memory */
	size_t n_mem;
	struct source *src;
	size_t n_src;
	size_t *heap;         /* source indices, smallest row first */
	size_t n_heap;
	size_t last;          /* the source of the row handed out last */
	size_t buf_size;      /* each run's buffer */
	bool started, failed;
	int error;
};

/* Refills src's buffer; false at the end of its run or on an error. */
static bool refill(struct pii_rowcursor *c, struct source *src)
{
	uint64_t left = src->run->end - src->at;
	if (!left)
		return false;
	size_t want = left < c->buf_size ? (size_t)left : c->buf_size;
	ssize_t got;
	do
		got = pread(c->s->fd, src->buf, want, (off_t)src->at);
	while (got < 0 && errno == EINTR);
	if (got <= 0) {
		c->failed = true;
		c->error = got < 0 ? errno : EIO;
		return false;
	}
	src->at += (uint64_t)got;
	src->pos = 0;
	src->len = (size_t)got;
	return true;
}

static bool get_bytes(struct pii_rowcursor *c, struct source *src, void *dst, size_t n)
{
	char *d = dst;
	while (n) {
		if (src->pos == src->len && !refill(c, src))
			return false;
		size_t take = src->len - src->pos < n ? src->len - src->pos : n;
		memcpy(d, src->buf + src->pos, take);
		src->pos += take;
		d += take;
		n -= take;
	}
	return true;
}

static bool get_varint(struct pii_rowcursor *c, struct source *src, uint64_t *v)
{
	*v = 0;
	for (unsigned shift = 0; shift < 70; shift += 7) {
		unsigned char byte;
		if (!get_bytes(c, src, &byte, 1))
			return false;
		*v |= (uint64_t)(byte & 0x7f) << shift;
		if (!(byte & 0x80))
			return true;
	}
	return false;
}

static bool get_signed(struct pii_rowcursor *c, struct source *src, int64_t *v)
{
	uint64_t u;
	if (!get_varint(c, src, &u))
		return false;
	*v = (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
	return true;
}

/* A string into src->str[k], src->val[k] pointing at it (NULL for NULL). */
static bool get_str(struct pii_rowcursor *c, struct source *src, int k)
{
	uint64_t len;
	struct pii_buf *b = &src->str[k];
	b->len = 0;
	if (!get_varint(c, src, &len))
		return false;
	/* never longer than what is left of the run: a damaged file */
	if (len && len - 1 > src->run->end - src->at + (src->len - src->pos)) {
		c->failed = true;
		c->error = EIO;
		return false;
	}
	if (len > 1) {
		char *p = pii_buf_reserve(b, (size_t)len - 1);
		if (!p || !get_bytes(c, src, p, (size_t)len - 1)) {
			if (!p) {
				c->failed = true;
				c->error = ENOMEM;
			}
			return false;
		}
		pii_buf_commit(b, (size_t)len - 1);
	}
	src->val[k] = len ? pii_buf_cstr(b) : NULL;
	return true;
}

/* Decodes the next row of a run into src->row; false at its end. */
static bool decode_row(struct pii_rowcursor *c, struct source *src)
{
	unsigned char flags;
	if (src->pos == src->len && src->at == src->run->end)
		return false; /* the run's end */
	if (!get_bytes(c, src, &flags, 1))
		return false;
	struct pii_inv_row *r = &src->row;
	bool ok = true;
	if (flags & F_NEW_FILE) {
		uint64_t size = 0, uid = 0;
		ok = get_varint(c, src, &size) && get_signed(c, src, &src->file.mtime) &&
		     get_signed(c, src, &src->file.saved) && get_varint(c, src, &uid) &&
		     get_str(c, src, S_FILE_PATH) && get_str(c, src, S_OWNER) &&
		     get_str(c, src, S_TYPE);
		src->file.size = size;
		src->file.uid = (uid_t)uid;
	}
	if (ok && !(flags & (F_SAME_PATH | F_FILE_PATH)))
		ok = get_str(c, src, S_PATH);
	for (int k = S_TABLE; ok && k <= S_EXAMPLE; k++)
		ok = get_str(c, src, k);
	uint64_t figures[14];
	for (size_t i = 0; ok && i < sizeof(figures) / sizeof(figures[0]); i++)
		ok = get_varint(c, src, &figures[i]);
	uintptr_t review = 0;
	ok = ok && get_bytes(c, src, &r->example_fingerprint, sizeof(r->example_fingerprint)) &&
	     get_bytes(c, src, &r->row_key, sizeof(r->row_key)) &&
	     get_bytes(c, src, &review, sizeof(review));
	if (!ok) {
		if (!c->failed) { /* cut short: the file was changed under us */
			c->failed = true;
			c->error = EIO;
		}
		return false;
	}
	/* a path is never NULL in the inventory */
	src->file.path = src->val[S_FILE_PATH] ? src->val[S_FILE_PATH] : "";
	src->file.owner = src->val[S_OWNER];
	src->file.type = src->val[S_TYPE];
	r->file = &src->file;
	if (flags & F_FILE_PATH)
		r->path = src->file.path;
	else
		r->path = src->val[S_PATH] ? src->val[S_PATH] : "";
	r->table = src->val[S_TABLE];
	r->column = src->val[S_COLUMN];
	r->key = src->val[S_KEY];
	r->part = src->val[S_PART];
	r->example = src->val[S_EXAMPLE];
	r->report = (unsigned)figures[0];
	r->system = (unsigned)figures[1];
	r->count = figures[2];
	for (int k = 0; k < 4; k++)
		r->by_confidence[k] = figures[3 + k];
	r->counted = figures[7];
	r->distinct = figures[8];
	r->example_line = figures[9];
	r->rows_scanned = figures[10];
	r->rows_in_table = figures[11];
	r->rows_with = figures[12];
	r->contact_list = figures[13];
	r->review = (const struct pii_review_entry *)review;
	r->confidence = (enum pii_confidence)((flags >> F_CONF_SHIFT) & 3);
	r->distinct_estimated = flags & F_ESTIMATED;
	r->stale = flags & F_STALE;
	r->review_changed = flags & F_REVIEW_CHANGED;
	return true;
}

/* Moves src to its next row; false when it has no more. */
static bool advance(struct pii_rowcursor *c, struct source *src)
{
	if (!src->run) {
		if (src->next_mem >= c->n_mem)
			return src->has_row = false;
		src->row = c->mem[src->next_mem++];
		return src->has_row = true;
	}
	return src->has_row = decode_row(c, src);
}

/* ---- reading: the merge ------------------------------------------------------------- */

static bool src_less(const struct pii_rowcursor *c, size_t a, size_t b)
{
	int cmp = pii_inv_row_cmp(c->s->rs, &c->src[a].row, &c->src[b].row);
	return cmp < 0 || (cmp == 0 && a < b); /* equal rows: the earlier run first */
}

static void sift_down(struct pii_rowcursor *c, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < c->n_heap && src_less(c, c->heap[l], c->heap[m]))
			m = l;
		if (r < c->n_heap && src_less(c, c->heap[r], c->heap[m]))
			m = r;
		if (m == i)
			return;
		size_t t = c->heap[i];
		c->heap[i] = c->heap[m];
		c->heap[m] = t;
		i = m;
	}
}

/* A reader of the runs of s (NULL: none) and the n_mem rows mem. */
static struct pii_rowcursor *open_cursor(const struct pii_rowstore *s,
					 const struct pii_inv_row *mem, size_t n_mem)
{
	struct pii_rowcursor *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->s = s;
	c->mem = mem;
	c->n_mem = n_mem;
	size_t n = (s ? s->n_runs : 0) + 1;
	c->src = calloc(n, sizeof(*c->src));
	c->heap = calloc(n, sizeof(*c->heap));
	if (!c->src || !c->heap) {
		pii_rowcursor_close(c);
		return NULL;
	}
	c->n_src = n;
	c->buf_size = RUN_BUFFER_MAX;
	if (s && s->n_runs && s->budget / 2 / s->n_runs < c->buf_size)
		c->buf_size = s->budget / 2 / s->n_runs;
	if (c->buf_size < RUN_BUFFER_MIN)
		c->buf_size = RUN_BUFFER_MIN;
	for (size_t i = 0; s && i < s->n_runs; i++) {
		c->src[i].run = &s->runs[i];
		c->src[i].at = s->runs[i].off;
		if (!(c->src[i].buf = malloc(c->buf_size))) {
			pii_rowcursor_close(c);
			return NULL;
		}
	}
	return c;
}

struct pii_rowcursor *pii_rowcursor_open(const struct pii_rowstore *s)
{
	return open_cursor(s, s ? s->mem : NULL, s ? s->n_mem : 0);
}

struct pii_rowcursor *pii_rowcursor_open_rows(const struct pii_inv_row *rows, size_t n)
{
	return open_cursor(NULL, rows, n);
}

/* Reads every source's first row and builds the heap. */
static void start(struct pii_rowcursor *c)
{
	c->started = true;
	for (size_t i = 0; i < c->n_src; i++)
		if (advance(c, &c->src[i]))
			c->heap[c->n_heap++] = i;
	for (size_t i = c->n_heap / 2; i-- > 0;)
		sift_down(c, i);
}

const struct pii_inv_row *pii_rowcursor_next(struct pii_rowcursor *c)
{
	if (!c->started) {
		start(c);
	} else if (c->n_heap) {
		/* the row handed out last is at the top: its source moves on */
		if (advance(c, &c->src[c->last]))
			sift_down(c, 0);
		else
			c->heap[0] = c->heap[--c->n_heap], sift_down(c, 0);
	}
	if (c->failed || !c->n_heap)
		return NULL;
	c->last = c->heap[0];
	return &c->src[c->last].row;
}

bool pii_rowcursor_close(struct pii_rowcursor *c)
{
	if (!c)
		return true;
	bool ok = !c->failed;
	int error = c->error;
	for (size_t i = 0; c->src && i < c->n_src; i++) {
		free(c->src[i].buf);
		for (int k = 0; k < N_STR; k++)
			pii_buf_free(&c->src[i].str[k]);
	}
	free(c->src);
	free(c->heap);
	free(c);
	if (!ok)
		errno = error;
	return ok;
}

bool pii_rowcursor_done(struct pii_rowcursor *c, char *why, size_t whylen)
{
	if (!c) {
		errno = ENOMEM;
		snprintf(why, whylen, "out of memory");
		return false;
	}
	if (pii_rowcursor_close(c))
		return true;
	int e = errno;
	snprintf(why, whylen,
		 "the inventory's rows could not be read back from their temporary file "
		 "(in TMPDIR, else /tmp): %s",
		 strerror(e));
	errno = e;
	return false;
}
