/*
 * csv.c - delimited text (CSV, TSV, semicolon and pipe separated): the
 * delimiter is sniffed from the first lines, fields are read as RFC 4180
 * has them (quotes, doubled quotes, newlines inside quotes), and each
 * field is matched as a cell located by table (the file's name) and
 * column (its header, or "column N" when the first row is data).
 *
 * Written by hand: the format is small and this is the hot loop of a
 * scan of exports; it reads the decoded text once, byte by byte, and
 * holds one field at a time.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pii_cell.h"
#include "pii_decode.h"
#include "pii_extractor.h"
#include "pii_limits.h"

static const char delimiters[] = {',', ';', '\t', '|'};

/* Records looked at to sniff the delimiter, in at most this much text:
 * this runs on the head of every text file. */
#define SNIFF_RECORDS 50
#define SNIFF_BYTES ((size_t)16 << 10)

/* The first record is held until it is judged a header or data; one
 * longer than this is data (a header names columns in a few kilobytes). */
#define FIRST_RECORD_MAX ((size_t)1 << 20)

/* ---- sniffing --------------------------------------------------------------------- */

static bool has_table_name(const char *path)
{
	const char *dot = strrchr(path, '.');
	return dot && (!strcasecmp(dot, ".csv") || !strcasecmp(dot, ".tsv") ||
		       !strcasecmp(dot, ".tab") || !strcasecmp(dot, ".psv"));
}

#define N_DELIMS (sizeof(delimiters))

/* The delimiter that splits the first records of t[0..len) into the same
 * number (two or more) of fields, the most fields winning; 0 when none
 * does. One quote-aware pass counts every candidate at once and stops as
 * soon as none can win: this runs on the head of every text file. A
 * record cut by the end of the text is left out unless it is complete. A
 * file named .csv/.tsv needs fewer records to show it. */
static char sniff(const char *t, size_t len, bool complete, bool named)
{
	unsigned first[N_DELIMS] = {0}, cur[N_DELIMS] = {0};
	unsigned same[N_DELIMS] = {0}, differ[N_DELIMS] = {0};
	size_t records = 0;
	bool quoted = false, at_start = true;
	for (size_t i = 0; i <= len && records < SNIFF_RECORDS; i++) {
		char c = i < len ? t[i] : '\n';
		if (i == len && (!complete || !len || t[len - 1] == '\n' || quoted))
			break; /* the last record is cut (or there is none) */
		if (quoted) {
			if (c == '"') {
				if (i + 1 < len && t[i + 1] == '"')
					i++;
				else
					quoted = false;
			}
			continue;
		}
		if (c == '"' && at_start) {
			quoted = true;
			continue;
		}
		if (c == '\n') {
			bool alive = false;
			for (size_t d = 0; d < N_DELIMS; d++) {
				unsigned fields = cur[d] + 1;
				if (records == 0)
					first[d] = fields;
				else if (fields == first[d])
					same[d]++;
				else
					differ[d]++;
				cur[d] = 0;
				/* more than one in ten differs: it cannot win */
				alive |= first[d] >= 2 && differ[d] * 10 <= SNIFF_RECORDS;
			}
			records++;
			at_start = true;
			if (!alive)
				return 0;
			continue;
		}
		for (size_t d = 0; d < N_DELIMS; d++)
			if (c == delimiters[d]) {
				cur[d]++;
				at_start = true;
				goto next;
			}
		if (c != ' ' && c != '\r')
			at_start = false;
	next:;
	}
	char best = 0;
	unsigned best_fields = 0;
	for (size_t d = 0; d < N_DELIMS; d++) {
		if (!records || first[d] < 2)
			continue;
		/* Prose has commas too, never in step over many lines. */
		bool steady = records >= 3 ? (same[d] + 1) * 10 >= records * 9 : differ[d] == 0;
		if (!steady || (records < 3 && !named))
			continue;
		if (first[d] > best_fields) {
			best = delimiters[d];
			best_fields = first[d];
		}
	}
	return best;
}

/* The start of the input as UTF-8, for sniffing (UTF-16 only: the
 * delimiters and quotes are ASCII in 8-bit text whatever its encoding). */
static bool head_utf16(const struct pii_input *in, size_t n, struct pii_buf *out)
{
	struct pii_decoder dec;
	pii_decoder_init(&dec, in->type.encoding);
	size_t skip = in->type.bom < n ? in->type.bom : n;
	return pii_decode(&dec, (const char *)in->head + skip, n - skip, true, out);
}

static char delimiter_of(const struct pii_input *in)
{
	if (in->type.kind != PII_KIND_TEXT)
		return 0;
	bool complete = in->head_is_all && in->head_len <= SNIFF_BYTES;
	size_t n = in->head_len < SNIFF_BYTES ? in->head_len : SNIFF_BYTES;
	bool named = has_table_name(in->path);
	if (in->type.encoding == PII_ENC_UTF8 || in->type.encoding == PII_ENC_CP1252)
		return sniff((const char *)in->head + in->type.bom, n - in->type.bom, complete, named);
	struct pii_buf t = {0};
	char d = head_utf16(in, n & ~(size_t)1, &t) && t.len ? sniff(t.data, t.len, complete, named)
							     : 0;
	pii_buf_free(&t);
	return d;
}

static int csv_bid(const struct pii_input *in, int best)
{
	/* Sniffing is costly: no need when something else read more of it. */
	if (best >= PII_BID_SNIFFED)
		return PII_BID_NONE;
	return delimiter_of(in) ? PII_BID_SNIFFED : PII_BID_NONE;
}

/* ---- reading ---------------------------------------------------------------------- */

struct csv {
	struct pii_input *in;
	struct pii_sink *out;
	char delim;
	char table[PII_NAME_MAX];
	struct pii_cell cell;
	char column_name[32];     /* "column N" */
	/* where the parser is */
	bool quoted, quote_seen, field_open;
	uint32_t col;             /* 1-based field of the record */
	uint64_t record;          /* records begun, the header included */
	uint64_t line, offset;    /* of the byte being read */
	uint64_t quote_line;      /* where the open quoted field began */
	/* the first record, held until it is judged a header or data */
	bool first_done, has_header;
	char **names;             /* header names, per column (1-based) */
	uint32_t n_names;
	struct pii_buf first;     /* first record: "col\tline\toffset\tvalue\n" */
	uint64_t data_rows;
	enum pii_status st;
};

static const char *column_of(struct csv *c, uint32_t col)
{
	if (c->has_header && col <= c->n_names && c->names[col] && *c->names[col])
		return c->names[col];
	snprintf(c->column_name, sizeof(c->column_name), "column %u", col);
	return c->column_name;
}

/* A header names columns: every field text with a letter in it, short,
 * and none that looks like a value (an address, a number, a date). */
static bool looks_like_header(const char **fields, uint32_t n)
{
	if (n < 2)
		return false;
	for (uint32_t i = 1; i <= n; i++) {
		const char *f = fields[i];
		size_t len = f ? strlen(f) : 0;
		if (!len || len > 64 || pii_header_holds_value(f))
			return false;
		bool letter = false;
		for (const char *p = f; *p; p++)
			if (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80)
				letter = true;
		if (!letter)
			return false;
		unsigned digits = 0;
		for (const char *p = f; *p; p++)
			digits += isdigit((unsigned char)*p) != 0;
		if (digits * 2 > len)
			return false;
	}
	return true;
}

static void emit(struct csv *c, uint32_t col, uint64_t row)
{
	/* A header cell (row 0) names its column and is no value in it. */
	c->cell.loc = (struct pii_loc){.file = c->in->path, .table = c->table,
				       .column = row ? column_of(c, col) : NULL};
	pii_sink_set_row(c->out, row);
	enum pii_status st = pii_cell_end(&c->cell);
	if (c->st == PII_OK)
		c->st = st;
}

/* The first record is complete (or too long to hold): header or data.
 * Its fields were held. */
static void judge_first(struct csv *c, bool may_be_header)
{
	c->first_done = true;
	const char **fields = calloc(c->col + 2, sizeof(char *));
	uint64_t *lines = calloc(c->col + 2, sizeof(uint64_t));
	uint64_t *offsets = calloc(c->col + 2, sizeof(uint64_t));
	uint32_t n = 0;
	char *rec = c->first.data;
	for (char *p = rec, *next; fields && lines && offsets && p && *p; p = next) {
		next = strchr(p, '\n');
		if (next)
			*next++ = '\0';
		char *a = strchr(p, '\t'), *b = a ? strchr(a + 1, '\t') : NULL,
		     *v = b ? strchr(b + 1, '\t') : NULL;
		if (!v)
			continue;
		uint32_t col = (uint32_t)strtoul(p, NULL, 10);
		if (col > c->col + 1)
			continue;
		lines[col] = strtoull(a + 1, NULL, 10);
		offsets[col] = strtoull(b + 1, NULL, 10);
		fields[col] = v + 1;
		if (col > n)
			n = col;
	}
	if (may_be_header && fields && looks_like_header(fields, n) && n <= PII_COLUMNS_MAX) {
		c->names = calloc(n + 1, sizeof(char *));
		for (uint32_t i = 1; c->names && i <= n; i++)
			c->names[i] = strndup(fields[i], PII_NAME_MAX);
		c->n_names = c->names ? n : 0;
		c->has_header = c->names != NULL;
	}
	/* Header or not, its fields are scanned: as the header (no record)
	 * or as record 1. */
	if (!c->has_header)
		c->data_rows++;
	for (uint32_t i = 1; fields && i <= n; i++) {
		if (!fields[i] || !*fields[i])
			continue;
		pii_cell_start(&c->cell, lines[i], offsets[i]);
		pii_cell_put(&c->cell, fields[i], strlen(fields[i]));
		emit(c, i, c->has_header ? 0 : 1);
	}
	free(fields);
	free(lines);
	free(offsets);
	pii_buf_free(&c->first);
}

static void field_end(struct csv *c)
{
	if (!c->first_done && c->cell.paging) {
		/* A first field past 64 KiB was scanned as it came: no header. */
		pii_cell_end(&c->cell);
		pii_buf_printf(&c->first, "%u\t0\t0\t\n", c->col);
	} else if (!c->first_done) {
		/* Held: tabs and newlines inside become spaces in the holder. */
		pii_buf_printf(&c->first, "%u\t%llu\t%llu\t", c->col,
			       (unsigned long long)c->cell.line, (unsigned long long)c->cell.offset);
		for (size_t i = 0; i < c->cell.text.len; i++) {
			char ch = c->cell.text.data[i];
			pii_buf_putc(&c->first, ch == '\n' || ch == '\t' ? ' ' : ch);
		}
		pii_buf_putc(&c->first, '\n');
		c->cell.text.len = 0;
		/* A header is short: past this the record is judged as it is,
		 * and its fields go on as data, so memory stays bounded. */
		if (c->first.len > FIRST_RECORD_MAX)
			judge_first(c, false);
	} else {
		/* the record number as a spreadsheet shows it: the header is row 1 */
		emit(c, c->col, c->record);
	}
	c->field_open = false;
}

static void record_end(struct csv *c)
{
	field_end(c);
	if (!c->first_done)
		judge_first(c, true);
	else
		c->data_rows++;
	c->col = 1;
}

static void field_begin(struct csv *c)
{
	if (c->col == 1 && !c->field_open && c->record == 0)
		c->record = 1;
	pii_cell_start(&c->cell, c->line, c->offset);
	/* where a cell longer than PII_CELL_MAX pages to before it ends, and
	 * in which record (a data record's: the first one is still held) */
	c->cell.loc = (struct pii_loc){.file = c->in->path, .table = c->table,
				       .column = column_of(c, c->col)};
	if (c->first_done)
		pii_sink_set_row(c->out, c->record);
	c->field_open = true;
}

/* Reads text[0..n), decoded UTF-8. */
static void parse(struct csv *c, const char *t, size_t n)
{
	for (size_t i = 0; i < n && c->st == PII_OK; i++, c->offset++) {
		char ch = t[i];
		if (!c->field_open && c->col == 1 && (ch == '\n' || ch == '\r')) {
			c->line += ch == '\n'; /* blank lines are no records */
			continue;
		}
		if (!c->field_open) {
			field_begin(c);
			if (ch == '"') {
				c->quoted = true;
				c->quote_line = c->line;
				continue;
			}
		}
		if (c->quoted) {
			if (c->quote_seen) {
				c->quote_seen = false;
				if (ch == '"') {
					pii_cell_putc(&c->cell, '"');
					continue;
				}
				c->quoted = false; /* the closing quote; ch is read below */
			} else if (ch == '"') {
				c->quote_seen = true;
				continue;
			} else {
				if (ch == '\n')
					c->line++;
				pii_cell_putc(&c->cell, ch);
				continue;
			}
		}
		if (ch == c->delim) {
			field_end(c);
			c->col++;
		} else if (ch == '\n') {
			/* a \r before it belongs to the line end */
			if (c->cell.text.len && c->cell.text.data[c->cell.text.len - 1] == '\r')
				c->cell.text.len--;
			record_end(c);
			c->record++;
			c->line++;
		} else {
			pii_cell_putc(&c->cell, ch);
		}
	}
}

static bool parse_piece(void *ctx, const char *utf8, size_t len)
{
	struct csv *c = ctx;
	parse(c, utf8, len);
	return c->st == PII_OK;
}

static enum pii_status csv_run(struct pii_input *in, struct pii_sink *out)
{
	struct csv c = {.in = in, .out = out, .delim = delimiter_of(in), .col = 1, .line = 1};
	c.cell.out = out;
	if (!c.delim)
		return PII_EOBJECT;
	pii_table_name_of(in->path, c.table, sizeof(c.table));
	struct pii_decoder dec;
	if (!pii_input_start_text(in, &dec))
		return PII_EOBJECT;
	/* A read error ends the text: what was read is kept (its last record
	 * too), the error row is the file's. */
	if (pii_input_decode(in, &dec, NULL, 0, parse_piece, &c) != PII_OK && !in->read_errno)
		c.st = PII_EOBJECT;
	if (c.st == PII_OK) {
		if (c.quoted && !c.quote_seen) {
			char why[160];
			snprintf(why, sizeof(why),
				 "a quoted field opened on line %llu is not closed: damaged or cut "
				 "short? The rest was read as that field",
				 (unsigned long long)c.quote_line);
			pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_DAMAGED, why);
		}
		if (c.field_open || c.col > 1)
			record_end(&c);
		else if (!c.first_done && c.first.len)
			judge_first(&c, true);
	}
	pii_sink_set_row(out, 0);
	if (c.data_rows)
		pii_sink_table_rows(out, in->path, c.table, c.data_rows);
	for (uint32_t i = 0; c.names && i <= c.n_names; i++)
		free(c.names[i]);
	free(c.names);
	pii_buf_free(&c.first);
	pii_cell_free(&c.cell);
	return c.st == PII_EFATAL ? PII_EFATAL : in->read_errno ? PII_EOBJECT : PII_OK;
}

const struct pii_extractor pii_extractor_csv = {
	.name = "csv",
	.bid = csv_bid,
	.run = csv_run,
};
