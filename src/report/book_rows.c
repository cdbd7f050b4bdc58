/*
 * book_rows.c - a table's rows written straight into the sheet's XML.
 *
 * In constant-memory mode libxlsxwriter keeps one row of cells, one
 * malloc'd cell and string copy each, and prints a finished row with an
 * fprintf per cell into the sheet's temporary file; at close it copies
 * that file into the workbook. For an Inventory of a million rows of
 * some twenty cells that was most of the time the workbook took. Here a
 * row's cells are put together in a buffer and appended to the same
 * temporary file in large blocks, in exactly the XML the library writes
 * for them (libxlsxwriter 1.1: worksheet.c, _write_row, _write_cell,
 * worksheet_write_string); the library still writes everything else of
 * the sheet, and is told the rows and columns that now hold data.
 *
 * PIISCAN_XLSX_LIBRARY_ROWS=1 in the environment leaves every cell to the
 * library: the tests compare the two workbooks byte for byte.
 */
#include "book.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Finished rows are written to the sheet's file in blocks of this size. */
#define BLOCK_BYTES (256u << 10)

static bool library_rows_wanted(void)
{
	const char *env = getenv("PIISCAN_XLSX_LIBRARY_ROWS");
	return env && *env && strcmp(env, "0") != 0;
}

bool pii_book_direct_begin(struct book_direct *d, lxw_worksheet *ws)
{
	/* Only a plain sheet in constant-memory mode, whose rows the library
	 * writes as the plain <row r="N"> this file writes. */
	if (!ws || library_rows_wanted() || !ws->optimize || !ws->optimize_row ||
	    !ws->optimize_tmpfile || ws->file != ws->optimize_tmpfile ||
	    ws->excel_version == 2010 || ws->default_row_height != LXW_DEF_ROW_HEIGHT)
		return false;
	/* the library's row in hand (the header) goes out first */
	struct lxw_row *pending = ws->optimize_row;
	bool had_data = pending->data_changed || pending->row_changed;
	lxw_worksheet_write_single_row(ws);
	d->ws = ws;
	d->first_allowed = pending->row_num + (had_data ? 1 : 0);
	d->open = false;
	d->any = false;
	d->cells.len = 0;
	d->out.len = 0;
	return true;
}

/* u in decimal, without printf: some twenty times a row. */
static void put_uint(struct pii_buf *out, uint64_t u)
{
	char *p = pii_buf_reserve(out, 20);
	if (p)
		pii_buf_commit(out, pii_u64_dec(p, u));
}

/* "AF1000001", as lxw_rowcol_to_cell writes it. */
static void put_ref(struct pii_buf *out, lxw_row_t row, lxw_col_t col)
{
	char name[8];
	size_t n = 0;
	for (unsigned c = (unsigned)col + 1; c; c = (c - 1) / 26)
		name[n++] = (char)('A' + (c - 1) % 26);
	while (n)
		pii_buf_putc(out, name[--n]);
	put_uint(out, (uint64_t)row + 1);
}

static void flush_out(struct book_direct *d)
{
	if (d->out.len)
		(void)fwrite(d->out.data, 1, d->out.len, d->ws->optimize_tmpfile);
	/* a failed write shows in the file's error flag, which the workbook
	 * checks before it is closed (xlsx.c, temp_space_ok) */
	d->out.len = 0;
}

/* The row being gathered, to out: its cells in the order of their
 * columns, as the library writes them. */
static lxw_error finish_row(struct book_direct *d)
{
	if (!d->open)
		return LXW_NO_ERROR;
	d->open = false;
	pii_buf_puts(&d->out, "<row r=\"");
	put_uint(&d->out, (uint64_t)d->row + 1);
	pii_buf_puts(&d->out, "\">");
	for (lxw_col_t c = 0; c < PII_BOOK_COLS; c++)
		if (d->to[c] > d->from[c])
			pii_buf_append(&d->out, d->cells.data + d->from[c], d->to[c] - d->from[c]);
	pii_buf_puts(&d->out, "</row>");
	d->cells.len = 0;
	bool oom = d->out.oom || d->cells.oom;
	if (d->out.len >= BLOCK_BYTES)
		flush_out(d);
	return oom ? LXW_ERROR_MEMORY_MALLOC_FAILED : LXW_NO_ERROR;
}

/* A cell at row, col: its place checked and noted for the dimension,
 * and the start of its XML, <c r="A2" s="5", in cells. */
static lxw_error start_cell(struct book_direct *d, lxw_row_t row, lxw_col_t col,
			    lxw_format *fmt)
{
	/* the library refuses a row it has written: so does this */
	if (row >= LXW_ROW_MAX || col >= PII_BOOK_COLS || row < d->first_allowed ||
	    (d->open && row < d->row))
		return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
	lxw_error err = d->open && row > d->row ? finish_row(d) : LXW_NO_ERROR;
	if (!d->open) {
		d->open = true;
		d->row = row;
		memset(d->from, 0, sizeof(d->from));
		memset(d->to, 0, sizeof(d->to));
	}
	if (!d->any) {
		d->rowmin = d->rowmax = row;
		d->colmin = d->colmax = col;
		d->any = true;
	}
	if (row > d->rowmax)
		d->rowmax = row;
	if (col < d->colmin)
		d->colmin = col;
	if (col > d->colmax)
		d->colmax = col;

	/* written twice: the later cell stands, as in the library */
	d->from[col] = (uint32_t)d->cells.len;
	lxw_worksheet *ws = d->ws;
	if (!fmt && col < ws->col_formats_max && ws->col_formats[col])
		fmt = ws->col_formats[col];
	pii_buf_puts(&d->cells, "<c r=\"");
	put_ref(&d->cells, row, col);
	int32_t style = fmt ? lxw_format_get_xf_index(fmt) : 0;
	if (style > 0) {
		pii_buf_puts(&d->cells, "\" s=\"");
		put_uint(&d->cells, (uint64_t)style);
	}
	pii_buf_putc(&d->cells, '"');
	return err;
}

static lxw_error end_cell(struct book_direct *d, lxw_col_t col, lxw_error err)
{
	d->to[col] = (uint32_t)d->cells.len;
	return err != LXW_NO_ERROR ? err : d->cells.oom ? LXW_ERROR_MEMORY_MALLOC_FAILED : err;
}

/* A number as printf's "%.16G" writes it: the integers of a count
 * without printf, the others (dates, ages, shares) through it, but
 * once for a column's value repeated from the row before. */
static void put_number(struct book_direct *d, lxw_col_t col, double v)
{
	if (v >= 0 && v < 1e15 && v == floor(v) && !signbit(v)) {
		/* %.16G prints an integer below 10^16 as its digits */
		put_uint(&d->cells, (uint64_t)v);
		return;
	}
	struct book_number *last = &d->last_number[col];
	if (!last->len || memcmp(&last->v, &v, sizeof(v)) != 0) {
		int n = snprintf(last->text, sizeof(last->text), "%.16G", v);
		last->len = n > 0 && (size_t)n < sizeof(last->text) ? (uint8_t)n : 0;
		last->v = v;
		if (!last->len) {
			pii_buf_printf(&d->cells, "%.16G", v);
			return;
		}
	}
	pii_buf_append(&d->cells, last->text, last->len);
}

lxw_error pii_book_direct_num(struct book_direct *d, lxw_row_t row, lxw_col_t col, double v,
			      lxw_format *fmt)
{
	lxw_error err = start_cell(d, row, col, fmt);
	if (err == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
		return err;
	pii_buf_puts(&d->cells, "><v>");
	put_number(d, col, v);
	pii_buf_puts(&d->cells, "</v></c>");
	return end_cell(d, col, err);
}

/* s as the library stores and prints an inline string: control
 * characters but tab and newline as _xHHHH_, then &, < and > as
 * entities (quotes stay). */
static void put_text(struct pii_buf *out, const char *s)
{
	const char *run = s;
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		const char *entity = NULL;
		char esc[8];
		if (ch == '&')
			entity = "&amp;";
		else if (ch == '<')
			entity = "&lt;";
		else if (ch == '>')
			entity = "&gt;";
		else if (ch < 0x20 && ch != '\t' && ch != '\n') {
			snprintf(esc, sizeof(esc), "_x%04X_", ch);
			entity = esc;
		} else
			continue;
		pii_buf_append(out, run, (size_t)(s - run));
		pii_buf_puts(out, entity);
		run = s + 1;
	}
	pii_buf_append(out, run, (size_t)(s - run));
}

lxw_error pii_book_direct_str(struct book_direct *d, lxw_row_t row, lxw_col_t col,
			      const char *s, lxw_format *fmt)
{
	lxw_error err = start_cell(d, row, col, fmt);
	if (err == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
		return err;
	pii_buf_puts(&d->cells, " t=\"inlineStr\"><is><t>");
	size_t text = d->cells.len;
	put_text(&d->cells, s);
	if (d->cells.oom)
		return end_cell(d, col, err);
	/* leading or trailing white space kept, as the library marks it */
	size_t len = d->cells.len - text;
	if (len && (isspace((unsigned char)d->cells.data[text]) ||
		    isspace((unsigned char)d->cells.data[d->cells.len - 1]))) {
		static const char preserve[] = " xml:space=\"preserve\"";
		size_t at = text - 1; /* before the '>' of <t> */
		if (pii_buf_reserve(&d->cells, sizeof(preserve) - 1)) {
			memmove(d->cells.data + at + sizeof(preserve) - 1, d->cells.data + at,
				d->cells.len - at);
			memcpy(d->cells.data + at, preserve, sizeof(preserve) - 1);
			d->cells.len += sizeof(preserve) - 1;
		}
	}
	pii_buf_puts(&d->cells, "</t></is></c>");
	return end_cell(d, col, err);
}

lxw_error pii_book_direct_end(struct book_direct *d)
{
	if (!d->ws)
		return LXW_NO_ERROR;
	lxw_error err = finish_row(d);
	flush_out(d);
	lxw_worksheet *ws = d->ws;
	if (d->any) {
		/* the sheet's dimension; and the library's row is our last, as
		 * if it had written it: the filter over the table checks that
		 * it reaches that far */
		if (d->rowmin < ws->dim_rowmin)
			ws->dim_rowmin = d->rowmin;
		if (d->rowmax > ws->dim_rowmax)
			ws->dim_rowmax = d->rowmax;
		if (d->colmin < ws->dim_colmin)
			ws->dim_colmin = d->colmin;
		if (d->colmax > ws->dim_colmax)
			ws->dim_colmax = d->colmax;
		ws->optimize_row->row_num = d->rowmax;
	}
	d->ws = NULL;
	return err;
}

void pii_book_direct_free(struct book_direct *d)
{
	pii_buf_free(&d->cells);
	pii_buf_free(&d->out);
}
