/*
 * record_sink.c - the recording sink and the inputs of the extractor
 * tests (record_sink.h).
 */
#include "record_sink.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pii_detect.h"
#include "pii_limits.h"

/* Bytes text_room offers unless a test asks for smaller pieces. */
#define RS_ROOM_DEFAULT ((size_t)64 << 10)

/* A child is read in pieces of this size. */
#define RS_CHILD_PIECE ((size_t)64 << 10)

static struct record_sink *as_rs(struct pii_sink *s)
{
	return (struct record_sink *)s;
}

/* The first breach is kept in words; later ones are counted. */
static void misuse(struct record_sink *rs, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void misuse(struct record_sink *rs, const char *fmt, ...)
{
	if (!rs->misuse++) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(rs->misuse_why, sizeof(rs->misuse_why), fmt, ap);
		va_end(ap);
	}
}

static char *dup_or_null(const char *s)
{
	if (!s)
		return NULL;
	char *d = strdup(s);
	if (!d)
		abort(); /* a test without memory cannot say anything */
	return d;
}

static char *dup_bytes(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (!d)
		abort();
	if (n)
		memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static bool valid_utf8(const char *s, size_t n)
{
	return pii_utf8_valid_prefix(s, n) == n;
}

/* A copy of loc, its strings owned; a location without a file is a
 * breach. */
static void copy_loc(struct record_sink *rs, struct pii_loc *dst, const struct pii_loc *src,
		     const char *op)
{
	memset(dst, 0, sizeof(*dst));
	if (!src || !src->file) {
		misuse(rs, "%s without a location or its file", op);
		return;
	}
	dst->file = dup_or_null(src->file);
	dst->table = dup_or_null(src->table);
	dst->column = dup_or_null(src->column);
	dst->key = dup_or_null(src->key);
	dst->part = dup_or_null(src->part);
	dst->page = src->page;
}

static void free_rec(struct rs_rec *r)
{
	free((char *)r->loc.file);
	free((char *)r->loc.table);
	free((char *)r->loc.column);
	free((char *)r->loc.key);
	free((char *)r->loc.part);
	free(r->text);
	free(r->path);
	free(r->name);
	free(r->code);
	free(r->reason);
	memset(r, 0, sizeof(*r));
}

/* Appends r (taken over); returns its index. */
static size_t push(struct record_sink *rs, const struct rs_rec *r)
{
	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 64;
		struct rs_rec *grown = realloc(rs->recs, cap * sizeof(*grown));
		if (!grown)
			abort();
		rs->recs = grown;
		rs->cap = cap;
	}
	rs->recs[rs->n] = *r;
	return rs->n++;
}

/* ---- text ------------------------------------------------------------------------ */

static enum pii_status text_begin(struct pii_sink *s, const struct pii_loc *loc, bool lines)
{
	struct record_sink *rs = as_rs(s);
	if (rs->streaming) {
		misuse(rs, "text_begin while a stream is open");
		return PII_OK;
	}
	rs->streaming = true;
	rs->stream.len = 0;
	rs->room_given = 0;
	memset(&rs->open, 0, sizeof(rs->open));
	rs->open.kind = RS_TEXT;
	rs->open.stream = true;
	rs->open.lines = lines;
	rs->open.row = rs->row;
	copy_loc(rs, &rs->open.loc, loc, "text_begin");
	return PII_OK;
}

static char *text_room(struct pii_sink *s, size_t *room)
{
	struct record_sink *rs = as_rs(s);
	if (!rs->streaming) {
		misuse(rs, "text_room without an open stream");
		return NULL;
	}
	char *dst = pii_buf_reserve(&rs->stream, rs->room_max);
	if (!dst)
		abort();
	rs->room_given = rs->room_max;
	*room = rs->room_max;
	return dst;
}

static enum pii_status text_added(struct pii_sink *s, size_t n)
{
	struct record_sink *rs = as_rs(s);
	if (!rs->streaming) {
		misuse(rs, "text_added without an open stream");
		return PII_OK;
	}
	if (n > rs->room_given) {
		misuse(rs, "text_added %zu bytes, room for %zu", n, rs->room_given);
		n = rs->room_given;
	}
	pii_buf_commit(&rs->stream, n);
	/* the room is used: the next piece asks for room again */
	rs->room_given = 0;
	return PII_OK;
}

static void text_drop(struct pii_sink *s, size_t n)
{
	struct record_sink *rs = as_rs(s);
	if (!rs->streaming) {
		misuse(rs, "text_drop without an open stream");
		return;
	}
	if (n > rs->stream.len) {
		misuse(rs, "text_drop %zu bytes of %zu", n, rs->stream.len);
		n = rs->stream.len;
	}
	rs->stream.len -= n;
}

static enum pii_status text_end(struct pii_sink *s)
{
	struct record_sink *rs = as_rs(s);
	if (!rs->streaming) {
		misuse(rs, "text_end without an open stream");
		return PII_OK;
	}
	rs->streaming = false;
	struct rs_rec r = rs->open;
	memset(&rs->open, 0, sizeof(rs->open));
	r.text = dup_bytes(rs->stream.data ? rs->stream.data : "", rs->stream.len);
	r.len = rs->stream.len;
	if (!valid_utf8(r.text, r.len))
		misuse(rs, "stream of %s is not valid UTF-8", r.loc.file ? r.loc.file : "?");
	push(rs, &r);
	return PII_OK;
}

static enum pii_status text_short(struct pii_sink *s, const struct pii_loc *loc,
				  const char *utf8, size_t len, uint64_t offset, uint64_t line)
{
	struct record_sink *rs = as_rs(s);
	struct rs_rec r = {.kind = RS_TEXT, .row = rs->row, .offset = offset, .line = line};
	copy_loc(rs, &r.loc, loc, "text");
	if (len && !utf8)
		misuse(rs, "text of %zu bytes without the bytes", len);
	r.text = dup_bytes(utf8 ? utf8 : "", utf8 ? len : 0);
	r.len = utf8 ? len : 0;
	if (!valid_utf8(r.text, r.len))
		misuse(rs, "text \"%.40s\" is not valid UTF-8", r.text);
	push(rs, &r);
	return PII_OK;
}

static enum pii_status ocr_text(struct pii_sink *s, const struct pii_loc *loc, const char *utf8,
			       size_t len, const struct pii_span *doubtful, size_t n_doubtful)
{
	struct record_sink *rs = as_rs(s);
	text_short(s, loc, utf8, len, 0, 1);
	struct rs_rec *r = &rs->recs[rs->n - 1];
	r->ocr = true;
	r->n_doubtful = n_doubtful;
	for (size_t i = 0; i < n_doubtful; i++)
		if (doubtful[i].start >= doubtful[i].end || doubtful[i].end > len ||
		    (i && doubtful[i].start < doubtful[i - 1].end))
			misuse(rs, "doubtful span %zu of an OCR text is out of order", i);
	return PII_OK;
}

/* ---- members --------------------------------------------------------------------- */

/* Whether the door lets one more member in. */
static bool admitted(struct record_sink *rs)
{
	rs->door_calls++;
	return rs->door_after < 0 || rs->door_calls <= (unsigned long)rs->door_after;
}

static struct pii_magic *shared_magic;

static void magic_release(void)
{
	pii_magic_free(shared_magic);
	shared_magic = NULL;
}

/* One libmagic handle for every test: loading its database is the slow
 * part of detection. */
static struct pii_magic *magic(void)
{
	if (!shared_magic) {
		shared_magic = pii_magic_new();
		if (!shared_magic)
			abort();
		atexit(magic_release);
	}
	return shared_magic;
}

/* Detection and extraction of a member read into data[0..len), streamed
 * as the worker streams one (head first, the rest on demand). */
static enum pii_status extract_member(struct record_sink *rs, struct pii_input *parent,
				      const char *name, const char *data, size_t len)
{
	if ((unsigned)parent->depth + 1 > parent->opt->max_depth)
		return PII_OK;
	struct pii_buf path = {0};
	pii_buf_printf(&path, "%s!%s", parent->path, name);
	unsigned char *head = malloc(PII_SNIFF_SIZE), *scratch = malloc(PII_READ_CHUNK);
	if (!head || !scratch || path.oom)
		abort();
	struct pii_mem_reader mem = {(const unsigned char *)data, len, 0};
	struct pii_input in = {
		.path = path.data,
		.depth = parent->depth + 1,
		.opt = parent->opt,
		.budget = parent->budget,
		.fd = -1,
		.size = len,
		.read_more = pii_mem_read,
		.read_ctx = &mem,
	};
	enum pii_status st = PII_OK;
	if (pii_input_read_head(&in, head)) {
		pii_detect(in.head, in.head_len, in.head_is_all, magic(), &in.type);
		in.scratch = scratch;
		st = pii_extract(&in, &rs->base);
	}
	free(head);
	free(scratch);
	pii_buf_free(&path);
	return st == PII_EFATAL ? PII_EFATAL : PII_OK;
}

static enum pii_status child(struct pii_sink *s, struct pii_input *parent, const char *name,
			     pii_read_fn read, void *ctx, uint64_t size)
{
	struct record_sink *rs = as_rs(s);
	if (rs->streaming)
		misuse(rs, "child \"%s\" while a text stream is open", name ? name : "?");
	if (!parent || !name || !read)
		misuse(rs, "child without a parent, name or read function");
	struct rs_rec r = {.kind = RS_CHILD, .count = size, .row = rs->row};
	r.path = dup_or_null(parent && parent->path ? parent->path : "?");
	r.name = dup_or_null(name ? name : "?");
	r.depth = parent ? parent->depth : 0;
	if (!admitted(rs) || !read || !parent) {
		r.status = PII_ELIMIT;
		r.text = dup_bytes("", 0);
		push(rs, &r);
		return PII_ELIMIT;
	}
	struct pii_buf bytes = {0};
	for (;;) {
		size_t want = RS_CHILD_MAX - bytes.len < RS_CHILD_PIECE ? RS_CHILD_MAX - bytes.len
									: RS_CHILD_PIECE;
		if (want == 0) {
			unsigned char probe;
			r.cut = read(ctx, &probe, 1) > 0;
			break;
		}
		char *dst = pii_buf_reserve(&bytes, want);
		if (!dst)
			abort();
		ssize_t got = read(ctx, dst, want);
		if (got < 0) {
			r.read_failed = true;
			break;
		}
		if (got == 0)
			break;
		pii_buf_commit(&bytes, (size_t)got);
	}
	r.text = dup_bytes(bytes.data ? bytes.data : "", bytes.len);
	r.len = bytes.len;
	pii_buf_free(&bytes);
	r.status = PII_OK;
	size_t at = push(rs, &r);
	if (!rs->recurse)
		return PII_OK;
	/* rs->recs may move while the member is read; its strings do not */
	const struct rs_rec *r_at = &rs->recs[at];
	const char *data = r_at->text, *member_name = r_at->name;
	size_t len = r_at->len;
	return extract_member(rs, parent, member_name, data, len);
}

static enum pii_status member(struct pii_sink *s, struct pii_input *parent, uint64_t bytes)
{
	struct record_sink *rs = as_rs(s);
	if (rs->streaming)
		misuse(rs, "member while a text stream is open");
	struct rs_rec r = {.kind = RS_MEMBER, .count = bytes, .row = rs->row};
	r.path = dup_or_null(parent && parent->path ? parent->path : "?");
	r.depth = parent ? parent->depth : 0;
	r.status = admitted(rs) ? PII_OK : PII_ELIMIT;
	push(rs, &r);
	return r.status;
}

/* ---- problems and tables ----------------------------------------------------------- */

static bool known_code(const char *code)
{
	static const char *const codes[] = {
		PII_CODE_LIMIT_DEPTH, PII_CODE_LIMIT_MEMBERS, PII_CODE_LIMIT_EXPAND,
		PII_CODE_LIMIT_RATIO, PII_CODE_LIMIT_SIZE, PII_CODE_LIMIT_PATTERN,
		PII_CODE_TIMEOUT, PII_CODE_INTERRUPTED, PII_CODE_ENCRYPTED,
		PII_CODE_DAMAGED, PII_CODE_NEEDS_OCR, PII_CODE_UNSUPPORTED,
		PII_CODE_READ_ERROR, PII_CODE_OPEN_FAILED, PII_CODE_GONE,
		PII_CODE_CHANGED, PII_CODE_OUT_OF_MEMORY, PII_CODE_TOOL_FAILED,
		PII_CODE_SYMLINK, PII_CODE_SPECIAL_FILE, PII_CODE_OWN_FILE,
		PII_CODE_EXCLUDED, PII_CODE_STATE, NULL,
	};
	for (const char *const *c = codes; code && *c; c++)
		if (!strcmp(code, *c))
			return true;
	return false;
}

static void problem(struct pii_sink *s, const char *path, enum pii_file_status st,
		    const char *code, const char *reason)
{
	struct record_sink *rs = as_rs(s);
	if (!path || !reason || !*reason)
		misuse(rs, "problem without a path or reason");
	if (!known_code(code))
		misuse(rs, "problem with code \"%s\", not a PII_CODE_", code ? code : "(null)");
	struct rs_rec r = {.kind = RS_PROBLEM, .file_status = st, .row = rs->row};
	r.path = dup_or_null(path ? path : "?");
	r.code = dup_or_null(code ? code : "");
	r.reason = dup_or_null(reason ? reason : "");
	push(rs, &r);
}

static void set_row(struct pii_sink *s, uint64_t row)
{
	as_rs(s)->row = row;
}

static void table_rows(struct pii_sink *s, const char *file, const char *table, uint64_t rows,
		       uint64_t total)
{
	struct record_sink *rs = as_rs(s);
	if (!file || !table)
		misuse(rs, "table_rows without a file or table");
	struct rs_rec r = {.kind = RS_TABLE_ROWS, .count = rows, .row = rs->row};
	r.path = dup_or_null(file ? file : "?");
	r.name = dup_or_null(table ? table : "?");
	push(rs, &r);
}

static void saved(struct pii_sink *s, const struct pii_input *in, int64_t unix_time)
{
	(void)in;
	as_rs(s)->saved = unix_time;
}

static const struct pii_sink_ops record_ops = {
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

/* ---- the sink ---------------------------------------------------------------------- */

void rs_init(struct record_sink *rs)
{
	memset(rs, 0, sizeof(*rs));
	rs->base.ops = &record_ops;
	rs->room_max = RS_ROOM_DEFAULT;
	rs->door_after = -1;
}

void rs_free(struct record_sink *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		free_rec(&rs->recs[i]);
	free(rs->recs);
	free_rec(&rs->open);
	pii_buf_free(&rs->stream);
	rs->recs = NULL;
	rs->n = rs->cap = 0;
}

void rs_close_door_after(struct record_sink *rs, unsigned n)
{
	rs->door_after = (long)n;
	rs->door_calls = 0;
}

size_t rs_count(const struct record_sink *rs, enum rs_kind kind)
{
	size_t k = 0;
	for (size_t i = 0; i < rs->n; i++)
		k += rs->recs[i].kind == kind;
	return k;
}

const struct rs_rec *rs_text_next(const struct record_sink *rs, const struct rs_rec *after,
				  const char *needle)
{
	size_t from = after ? (size_t)(after - rs->recs) + 1 : 0;
	for (size_t i = from; i < rs->n; i++)
		if (rs->recs[i].kind == RS_TEXT && strstr(rs->recs[i].text, needle))
			return &rs->recs[i];
	return NULL;
}

const struct rs_rec *rs_text(const struct record_sink *rs, const char *needle)
{
	return rs_text_next(rs, NULL, needle);
}

const struct rs_rec *rs_text_eq(const struct record_sink *rs, const char *text)
{
	for (size_t i = 0; i < rs->n; i++)
		if (rs->recs[i].kind == RS_TEXT && !strcmp(rs->recs[i].text, text))
			return &rs->recs[i];
	return NULL;
}

size_t rs_text_count(const struct record_sink *rs, const char *needle)
{
	size_t k = 0;
	for (const struct rs_rec *r = rs_text(rs, needle); r; r = rs_text_next(rs, r, needle))
		k++;
	return k;
}

const struct rs_rec *rs_problem(const struct record_sink *rs, const char *code)
{
	for (size_t i = 0; i < rs->n; i++)
		if (rs->recs[i].kind == RS_PROBLEM && !strcmp(rs->recs[i].code, code))
			return &rs->recs[i];
	return NULL;
}

const struct rs_rec *rs_child(const struct record_sink *rs, const char *name)
{
	for (size_t i = 0; i < rs->n; i++)
		if (rs->recs[i].kind == RS_CHILD && !strcmp(rs->recs[i].name, name))
			return &rs->recs[i];
	return NULL;
}

const struct rs_rec *rs_table_rows(const struct record_sink *rs, const char *table)
{
	for (size_t i = 0; i < rs->n; i++)
		if (rs->recs[i].kind == RS_TABLE_ROWS && !strcmp(rs->recs[i].name, table))
			return &rs->recs[i];
	return NULL;
}

static const char *or_dash(const char *s)
{
	return s ? s : "-";
}

/* Prints at most 120 bytes of s, control characters escaped. */
static void print_short(FILE *f, const char *s, size_t len)
{
	fputc('"', f);
	for (size_t i = 0; i < len && i < 120; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n')
			fputs("\\n", f);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\x%02x", c);
		else
			fputc(c, f);
	}
	fputs(len > 120 ? "\"..." : "\"", f);
}

void rs_dump(const struct record_sink *rs, FILE *f)
{
	static const char *const kinds[] = {"text", "child", "member", "problem", "rows"};
	for (size_t i = 0; i < rs->n; i++) {
		const struct rs_rec *r = &rs->recs[i];
		fprintf(f, "  %-7s ", kinds[r->kind]);
		switch (r->kind) {
		case RS_TEXT:
			fprintf(f, "file=%s table=%s column=%s key=%s part=%s page=%u row=%llu "
				   "line=%llu %s ",
				or_dash(r->loc.file), or_dash(r->loc.table), or_dash(r->loc.column),
				or_dash(r->loc.key), or_dash(r->loc.part), (unsigned)r->loc.page,
				(unsigned long long)r->row, (unsigned long long)r->line,
				r->stream ? "stream" : "short");
			print_short(f, r->text, r->len);
			break;
		case RS_CHILD:
			fprintf(f, "%s ! %s size=%llu read=%zu status=%d ", r->path, r->name,
				(unsigned long long)r->count, r->len, (int)r->status);
			print_short(f, r->text, r->len < 40 ? r->len : 40);
			break;
		case RS_MEMBER:
			fprintf(f, "%s bytes=%llu status=%d", r->path, (unsigned long long)r->count,
				(int)r->status);
			break;
		case RS_PROBLEM:
			fprintf(f, "%s %s [%s] %s", r->path, pii_file_status_name(r->file_status),
				r->code, r->reason);
			break;
		case RS_TABLE_ROWS:
			fprintf(f, "%s table=%s rows=%llu", r->path, r->name,
				(unsigned long long)r->count);
			break;
		}
		fputc('\n', f);
	}
	if (rs->misuse)
		fprintf(f, "  misuse: %u (%s)\n", rs->misuse, rs->misuse_why);
}

/* ---- inputs ---------------------------------------------------------------------- */

void t_default_options(struct pii_options *opt)
{
	/* every limit (max_depth, max_members, max_expand, max_ratio) at its
	 * PII_*_DEFAULT */
	pii_options_defaults(opt);
}

/* What every input needs besides its bytes. */
static bool input_start(struct t_input *t)
{
	memset(t, 0, sizeof(*t));
	t_default_options(&t->opt);
	t->file.fd = -1;
	t->scratch = malloc(PII_READ_CHUNK);
	return t->scratch != NULL;
}

static void input_detect(struct t_input *t)
{
	pii_detect(t->in.head, t->in.head_len, t->in.head_is_all, magic(), &t->in.type);
	t->in.scratch = t->scratch;
}

bool t_input_bytes(struct t_input *t, const char *path, const void *data, size_t len)
{
	if (!input_start(t))
		return false;
	pii_input_init_memory(&t->in, path, data, len, &t->opt, &t->budget);
	input_detect(t);
	return true;
}

bool t_input_stream(struct t_input *t, const char *path, const void *data, size_t len)
{
	if (!input_start(t) || !(t->head = malloc(PII_SNIFF_SIZE))) {
		t_input_free(t);
		return false;
	}
	t->mem = (struct pii_mem_reader){data, len, 0};
	t->in = (struct pii_input){.path = path, .opt = &t->opt, .budget = &t->budget,
				   .fd = -1, .size = len, .read_more = pii_mem_read,
				   .read_ctx = &t->mem};
	if (!pii_input_read_head(&t->in, t->head)) {
		t_input_free(t);
		return false;
	}
	input_detect(t);
	return true;
}

unsigned char *t_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct pii_buf b = {0};
	for (;;) {
		char *dst = pii_buf_reserve(&b, 1 << 16);
		if (!dst)
			break;
		size_t got = fread(dst, 1, 1 << 16, f);
		pii_buf_commit(&b, got);
		if (got == 0)
			break;
	}
	bool failed = ferror(f) || b.oom;
	fclose(f);
	if (failed) {
		pii_buf_free(&b);
		return NULL;
	}
	*len = b.len;
	/* an empty file is an empty buffer, not a failure */
	return b.data ? (unsigned char *)b.data : calloc(1, 1);
}

bool t_input_fixture(struct t_input *t, const char *path)
{
	size_t len = 0;
	unsigned char *data = t_read_file(path, &len);
	if (!data) {
		fprintf(stderr, "cannot read %s: %s (run from the repository's root)\n", path,
			strerror(errno));
		memset(t, 0, sizeof(*t));
		t->file.fd = -1;
		return false;
	}
	if (!t_input_bytes(t, path, data, len)) {
		free(data);
		return false;
	}
	t->owned = data;
	t->owned_len = len;
	return true;
}

bool t_input_open(struct t_input *t, const char *path)
{
	if (!input_start(t) || !(t->head = malloc(PII_SNIFF_SIZE))) {
		t_input_free(t);
		return false;
	}
	int fd = pii_open_readonly(path, true);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		fprintf(stderr, "cannot open %s: %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		t_input_free(t);
		return false;
	}
	t->file = (struct pii_file_reader){.fd = fd, .size = (uint64_t)st.st_size};
	t->in = (struct pii_input){.path = path, .opt = &t->opt, .budget = &t->budget,
				   .fd = fd, .size = (uint64_t)st.st_size,
				   .read_more = pii_file_read, .read_ctx = &t->file};
	if (!pii_input_read_head(&t->in, t->head)) {
		t_input_free(t);
		return false;
	}
	input_detect(t);
	return true;
}

void t_input_free(struct t_input *t)
{
	if (t->file.fd >= 0)
		close(t->file.fd);
	free(t->scratch);
	free(t->head);
	free(t->owned);
	memset(t, 0, sizeof(*t));
	t->file.fd = -1;
}

enum pii_status t_extract(struct t_input *t, const struct pii_extractor *x,
			  struct record_sink *rs)
{
	return x->run(&t->in, &rs->base);
}

int t_bid(const struct t_input *t, const struct pii_extractor *x)
{
	return x->bid(&t->in, PII_BID_NONE);
}

enum pii_status t_run_bytes(struct record_sink *rs, const struct pii_extractor *x,
			    const char *path, const void *data, size_t len)
{
	struct t_input t;
	if (!t_input_bytes(&t, path, data, len))
		abort();
	enum pii_status st = t_extract(&t, x, rs);
	t_input_free(&t);
	return st;
}

enum pii_status t_run_text(struct record_sink *rs, const struct pii_extractor *x,
			   const char *path, const char *text)
{
	return t_run_bytes(rs, x, path, text, strlen(text));
}

enum pii_status t_run_fixture(struct record_sink *rs, const struct pii_extractor *x,
			      const char *path)
{
	struct t_input t;
	if (!t_input_fixture(&t, path))
		return PII_EFATAL;
	enum pii_status st = t_extract(&t, x, rs);
	t_input_free(&t);
	return st;
}

/* ---- zips made in memory ------------------------------------------------------- */

static uint32_t crc32_of(const unsigned char *p, size_t n)
{
	uint32_t crc = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++) {
		crc ^= p[i];
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
	}
	return ~crc;
}

static void put16(struct pii_buf *b, unsigned v)
{
	unsigned char le[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
	pii_buf_append(b, le, 2);
}

static void put32(struct pii_buf *b, uint32_t v)
{
	put16(b, v & 0xFFFF);
	put16(b, v >> 16);
}

/* The fields local and central headers share, from "version needed". */
static void common_fields(struct pii_buf *b, const struct t_zip_member *m, uint32_t crc,
			  size_t len)
{
	put16(b, 20);                   /* version needed: 2.0 */
	put16(b, m->encrypted ? 1 : 0); /* flags: bit 0, encrypted */
	put16(b, 0);                    /* method: stored */
	put16(b, 0);                    /* time */
	put16(b, (44 << 9) | (1 << 5) | 1); /* date: 2024-01-01 */
	put32(b, crc);
	put32(b, (uint32_t)len);        /* compressed */
	put32(b, (uint32_t)len);        /* uncompressed */
	put16(b, (unsigned)strlen(m->name));
	put16(b, 0);                    /* extra field */
}

unsigned char *t_zip(const struct t_zip_member *m, size_t n, size_t *len)
{
	struct pii_buf out = {0}, dir = {0};
	for (size_t i = 0; i < n; i++) {
		size_t size = m[i].len ? m[i].len : strlen(m[i].data);
		uint32_t crc = crc32_of((const unsigned char *)m[i].data, size);
		uint32_t at = (uint32_t)out.len;
		put32(&out, 0x04034b50);
		common_fields(&out, &m[i], crc, size);
		pii_buf_append(&out, m[i].name, strlen(m[i].name));
		pii_buf_append(&out, m[i].data, size);
		put32(&dir, 0x02014b50);
		put16(&dir, (3 << 8) | 20);    /* made by: Unix, 2.0 */
		common_fields(&dir, &m[i], crc, size);
		put16(&dir, 0);                /* comment */
		put16(&dir, 0);                /* disk */
		put16(&dir, 0);                /* internal attributes */
		put32(&dir, (uint32_t)0100644 << 16); /* a regular file */
		put32(&dir, at);
		pii_buf_append(&dir, m[i].name, strlen(m[i].name));
	}
	uint32_t dir_at = (uint32_t)out.len;
	if (dir.len)
		pii_buf_append(&out, dir.data, dir.len);
	put32(&out, 0x06054b50);
	put16(&out, 0);
	put16(&out, 0);
	put16(&out, (unsigned)n);
	put16(&out, (unsigned)n);
	put32(&out, (uint32_t)dir.len);
	put32(&out, dir_at);
	put16(&out, 0);
	pii_buf_free(&dir);
	if (out.oom)
		abort();
	*len = out.len;
	return (unsigned char *)out.data;
}
