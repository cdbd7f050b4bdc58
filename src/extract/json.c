/*
 * json.c - JSON and NDJSON (one value per line: mongoexport, log
 * shippers), streamed through yajl: no document is held whole. Every
 * string and number is matched as a cell located by its key path,
 * "$.customer.email", with arrays folded as "[]" ("$.orders[].email"), and
 * the key path counts as context, as a column name does.
 *
 * Records: the values of an NDJSON file, or the elements of a top-level
 * array, are the rows of a table named after the file; a single document
 * is no table. The text is fed to yajl a line at a time, so each value
 * gets its line (a JSON string cannot span lines).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "pii_cell.h"
#include "pii_decode.h"
#include "pii_extractor.h"
#include "pii_limits.h"

/* The key path is cut past this (and levels deeper than JSON_DEPTH_MAX
 * share their ancestor's path): keys of real documents are short. */
#define JSON_PATH_MAX 1024
#define JSON_DEPTH_MAX 256

struct json {
	struct pii_input *in;           /* NULL for a cell's value */
	const struct pii_loc *cell_loc; /* a cell's location (pii_cell_json) */
	struct pii_sink *out;
	yajl_handle parser;
	struct pii_cell cell;
	char path[JSON_PATH_MAX];
	size_t path_len;
	size_t marks[JSON_DEPTH_MAX]; /* path length where each level began */
	size_t depth;                 /* levels open */
	bool records;                 /* NDJSON or a top-level array: a table */
	size_t record_depth;          /* the depth at which records start */
	uint64_t record, line;
	char table[PII_NAME_MAX];
	unsigned malformed;           /* NDJSON lines that did not parse */
	uint64_t first_malformed;
	enum pii_status st;
};

static void path_append(struct json *j, const char *s, size_t n)
{
	if (n > JSON_PATH_MAX - 1 - j->path_len)
		n = JSON_PATH_MAX - 1 - j->path_len;
	memcpy(j->path + j->path_len, s, n);
	j->path_len += n;
	j->path[j->path_len] = '\0';
}

/* A value (or container) starts: the first of a record opens its row. */
static void value_starts(struct json *j)
{
	if (j->depth == j->record_depth && !j->cell_loc) {
		j->record++;
		pii_sink_set_row(j->out, j->records ? j->record : 0);
	}
}

static int on_scalar(struct json *j, const char *s, size_t n)
{
	value_starts(j);
	if (!n)
		return 1;
	if (j->cell_loc) {
		j->cell.loc = *j->cell_loc;
		j->cell.loc.key = j->path;
	} else {
		j->cell.loc = (struct pii_loc){.file = j->in->path,
					       .table = j->records ? j->table : NULL, .key = j->path};
	}
	pii_cell_start(&j->cell, j->line, 0);
	pii_cell_put(&j->cell, s, n);
	j->st = pii_cell_end(&j->cell);
	return j->st == PII_OK;
}

static int on_string(void *ctx, const unsigned char *s, size_t n)
{
	return on_scalar(ctx, (const char *)s, n);
}

static int on_number(void *ctx, const char *s, size_t n)
{
	return on_scalar(ctx, s, n);
}

static int on_plain(void *ctx)
{
	value_starts(ctx); /* null: a value, nothing in it */
	return 1;
}

static int on_boolean(void *ctx, int b)
{
	(void)b;
	return on_plain(ctx);
}

static void level_open(struct json *j, const char *suffix)
{
	value_starts(j);
	if (j->depth < JSON_DEPTH_MAX)
		j->marks[j->depth] = j->path_len;
	j->depth++;
	if (j->depth <= JSON_DEPTH_MAX && suffix)
		path_append(j, suffix, strlen(suffix));
}

static int level_close(void *ctx)
{
	struct json *j = ctx;
	j->depth--;
	if (j->depth < JSON_DEPTH_MAX) {
		j->path_len = j->marks[j->depth];
		j->path[j->path_len] = '\0';
	}
	return 1;
}

static int on_start_map(void *ctx)
{
	level_open(ctx, NULL);
	return 1;
}

static int on_start_array(void *ctx)
{
	level_open(ctx, "[]");
	return 1;
}

static int on_key(void *ctx, const unsigned char *key, size_t n)
{
	struct json *j = ctx;
	if (j->depth > JSON_DEPTH_MAX)
		return 1;
	j->path_len = j->marks[j->depth - 1];
	path_append(j, ".", 1);
	path_append(j, (const char *)key, n < PII_NAME_MAX ? n : PII_NAME_MAX);
	return 1;
}

static const yajl_callbacks callbacks = {
	.yajl_null = on_plain,
	.yajl_boolean = on_boolean,
	.yajl_number = on_number,
	.yajl_string = on_string,
	.yajl_start_map = on_start_map,
	.yajl_map_key = on_key,
	.yajl_end_map = level_close,
	.yajl_start_array = on_start_array,
	.yajl_end_array = level_close,
};

static bool parser_new(struct json *j)
{
	if (j->parser)
		yajl_free(j->parser);
	j->parser = yajl_alloc(&callbacks, NULL, j);
	if (!j->parser)
		return false;
	yajl_config(j->parser, yajl_allow_multiple_values, 1);
	yajl_config(j->parser, yajl_allow_comments, 1);
	yajl_config(j->parser, yajl_dont_validate_strings, 1); /* decoded already */
	j->depth = 0;
	j->path_len = 1;
	j->path[1] = '\0';
	return true;
}

/* yajl's own words, without the quoted input (personal data) it can add. */
static void parse_error(struct json *j, char *why, size_t whylen)
{
	unsigned char *msg = yajl_get_error(j->parser, 0, NULL, 0);
	snprintf(why, whylen, "%s", msg ? (const char *)msg : "malformed JSON");
	yajl_free_error(j->parser, msg);
	why[strcspn(why, "\n")] = '\0';
}

/* Feeds one line (or a piece of a long one). False when the document
 * cannot go on. */
static bool feed(struct json *j, const char *s, size_t n, bool ndjson)
{
	yajl_status ys = yajl_parse(j->parser, (const unsigned char *)s, n);
	if (ys == yajl_status_ok)
		return true;
	if (ys == yajl_status_client_canceled)
		return false;
	if (!ndjson) {
		char why[200], line[300];
		parse_error(j, why, sizeof(why));
		snprintf(line, sizeof(line), "malformed JSON on line %llu (%s); the rest was not read",
			 (unsigned long long)j->line, why);
		pii_sink_problem(j->out, j->in->path, PII_FILE_PARTIAL, PII_CODE_DAMAGED, line);
		return false;
	}
	/* NDJSON: that record is lost, the next line starts afresh */
	if (!j->malformed++)
		j->first_malformed = j->line;
	return parser_new(j);
}

/* Whether the head holds two lines that start with '{': NDJSON. */
static bool looks_ndjson(const char *t, size_t n)
{
	unsigned objects = 0;
	bool line_start = true;
	for (size_t i = 0; i < n && objects < 2; i++) {
		if (line_start && t[i] == '{')
			objects++;
		line_start = t[i] == '\n';
	}
	return objects >= 2;
}

static const char *skip_space(const char *t, size_t n)
{
	const char *end = t + n;
	if (n >= 3 && !memcmp(t, "\xef\xbb\xbf", 3))
		t += 3;
	while (t < end && (*t == ' ' || *t == '\t' || *t == '\r' || *t == '\n'))
		t++;
	return t < end ? t : NULL;
}

/* Feeds decoded text to the parser line by line (lines are counted for
 * the locations, and an NDJSON line is a record of its own). */
struct feeding {
	struct json *j;
	bool ndjson;
	bool going; /* false once the parser gave up */
};

static bool feed_piece(void *ctx, const char *utf8, size_t len)
{
	struct feeding *f = ctx;
	const char *p = utf8, *end = utf8 + len;
	while (f->going && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl + 1 : end;
		f->going = feed(f->j, p, (size_t)(stop - p), f->ndjson) && f->j->st == PII_OK;
		if (nl)
			f->j->line++;
		p = stop;
	}
	return f->going;
}

static enum pii_status json_run(struct pii_input *in, struct pii_sink *out)
{
	struct json j = {.in = in, .out = out, .line = 1, .path = "$"};
	j.path_len = 1;
	j.cell.out = out;
	const char *head = (const char *)in->head;
	const char *first = skip_space(head, in->head_len);
	bool ndjson = looks_ndjson(head, in->head_len);
	j.records = ndjson || (first && *first == '[');
	j.record_depth = !ndjson && first && *first == '[' ? 1 : 0;
	pii_table_name_of(in->path, j.table, sizeof(j.table));
	if (!parser_new(&j))
		return PII_EOBJECT;

	struct pii_decoder dec;
	if (!pii_input_start_text(in, &dec)) {
		yajl_free(j.parser);
		return PII_EOBJECT;
	}
	struct feeding f = {&j, ndjson, true};
	/* A read error ends the text: what was read is kept, the error row
	 * is the file's. */
	if (pii_input_decode(in, &dec, NULL, 0, feed_piece, &f) != PII_OK && !in->read_errno)
		j.st = PII_EOBJECT;
	if (f.going && j.st == PII_OK && yajl_complete_parse(j.parser) != yajl_status_ok) {
		char why[200], msg[300];
		parse_error(&j, why, sizeof(why));
		snprintf(msg, sizeof(msg), "JSON ends too soon (%s): cut short?", why);
		pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_DAMAGED, msg);
	}
	if (j.malformed) {
		char msg[200];
		snprintf(msg, sizeof(msg), "%u malformed NDJSON lines (the first on line %llu) not read",
			 j.malformed, (unsigned long long)j.first_malformed);
		pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_DAMAGED, msg);
	}
	pii_sink_set_row(out, 0);
	if (j.records && j.record)
		pii_sink_table_rows(out, in->path, j.table, j.record);
	yajl_free(j.parser);
	pii_cell_free(&j.cell);
	if (j.st == PII_EFATAL)
		return PII_EFATAL;
	return in->read_errno ? PII_EOBJECT : PII_OK;
}

enum pii_status pii_cell_json(struct pii_sink *out, const struct pii_loc *loc, const char *text,
			      size_t len)
{
	struct json j = {.out = out, .cell_loc = loc, .path = "$"};
	j.path_len = 1;
	j.cell.out = out;
	if (!parser_new(&j))
		return PII_EOBJECT;
	bool ok = yajl_parse(j.parser, (const unsigned char *)text, len) == yajl_status_ok &&
		  yajl_complete_parse(j.parser) == yajl_status_ok;
	yajl_free(j.parser);
	pii_cell_free(&j.cell);
	if (j.st != PII_OK)
		return j.st;
	return ok ? PII_OK : PII_EOBJECT;
}

/* Text whose first character is { or [ and that parses so far. */
static int json_bid(const struct pii_input *in, int best)
{
	/* A parse of the head verified it: a little above a signature. */
	const int bid = PII_BID_SIGNATURE + 1;
	if (best >= bid || in->type.kind != PII_KIND_TEXT ||
	    in->type.encoding == PII_ENC_UTF16LE || in->type.encoding == PII_ENC_UTF16BE)
		return PII_BID_NONE;
	const char *first = skip_space((const char *)in->head, in->head_len);
	if (!first || (*first != '{' && *first != '['))
		return PII_BID_NONE;
	yajl_handle h = yajl_alloc(NULL, NULL, NULL);
	if (!h)
		return PII_BID_NONE;
	yajl_config(h, yajl_allow_multiple_values, 1);
	yajl_config(h, yajl_allow_partial_values, 1);
	yajl_config(h, yajl_allow_comments, 1);
	yajl_config(h, yajl_dont_validate_strings, 1);
	/* NDJSON: its first line decides (a later one may be damaged) */
	size_t n = in->head_len;
	const char *nl = memchr(in->head, '\n', n);
	if (nl && looks_ndjson((const char *)in->head, n))
		n = (size_t)(nl - (const char *)in->head);
	yajl_status ys = yajl_parse(h, in->head, n);
	yajl_free(h);
	return ys == yajl_status_ok ? bid : PII_BID_NONE;
}

const struct pii_extractor pii_extractor_json = {
	.name = "json",
	.bid = json_bid,
	.run = json_run,
};
