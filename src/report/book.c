/*
 * book.c - writing cells of the workbook (book.h): every string escaped
 * to valid UTF-8 without control characters and cut to the cell limit,
 * never a formula; the first error kept.
 */
#include "book.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pii_limits.h"

bool pii_sheet_full_book(const struct pii_inventory *inv)
{
	return !inv->opt->breach_report && !inv->opt->data_map_only;
}

void pii_book_note(struct book *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
		b->err = e;
}

/* Writes s escaped and cut to the cell limit; NULL or "" leaves the cell
 * empty. */
/* Characters, not bytes, as a column's width counts them. */
static size_t display_width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void fit(struct book *b, lxw_row_t row, lxw_col_t col, size_t chars, lxw_format *fmt)
{
	if (col >= PII_BOOK_COLS || fmt == b->title || fmt == b->spill)
		return; /* a title may run over the columns beside it */
	/* bold and header text is wider; the filter button takes two */
	double w = (double)chars * (fmt == b->header || fmt == b->bold ? 1.15 : 1.05) + 2;
	if (w > b->fit[col])
		b->fit[col] = w;
	if (row >= b->filled_from)
		b->filled[col] = true;
}

void pii_book_str(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		    const char *s, lxw_format *fmt)
{
	if (!s || !*s)
		return;
	size_t chars = display_width(s);
	fit(b, row, col, chars, fmt);
	if (chars > PII_BOOK_MAX_WIDTH && !fmt)
		fmt = b->wrap; /* wider than its column may grow: wrapped */
	b->tmp.len = 0;
	pii_escape_display(&b->tmp, s, strlen(s));
	if (b->tmp.oom) {
		pii_book_note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	if (b->tmp.len > PII_XLSX_MAX_CELL) {
		/* Cut on a character boundary. */
		size_t n = PII_XLSX_MAX_CELL;
		while (n > 0 && ((unsigned char)b->tmp.data[n] & 0xC0) == 0x80)
			n--;
		b->tmp.data[n] = '\0';
	}
	if (b->direct.ws == ws)
		pii_book_note(b, pii_book_direct_str(&b->direct, row, col, pii_buf_cstr(&b->tmp),
						    fmt));
	else
		pii_book_note(b, worksheet_write_string(ws, row, col, pii_buf_cstr(&b->tmp), fmt));
}

/* The characters of printf's "%.0f" of v, counted without printf for
 * the common ones. */
static int digits_shown(double v)
{
	if (v >= 0 && v < 1e15 && !signbit(v)) {
		/* printf rounds the exact value half to even, as nearbyint */
		int n = 1;
		for (unsigned long long u = (unsigned long long)nearbyint(v); u >= 10; u /= 10)
			n++;
		return n;
	}
	char shown[48];
	return snprintf(shown, sizeof(shown), "%.0f", v);
}

void pii_book_num(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		    double v, lxw_format *fmt)
{
	/* as shown: thousands grouped, "about " before an estimate */
	int n = digits_shown(v);
	size_t chars = n > 0 ? (size_t)n + (size_t)n / 3 : 1;
	fit(b, row, col, fmt == b->about ? chars + 6 : chars, fmt);
	if (b->direct.ws == ws)
		pii_book_note(b, pii_book_direct_num(&b->direct, row, col, v, fmt));
	else
		pii_book_note(b, worksheet_write_number(ws, row, col, v, fmt));
}

void pii_book_time(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, int64_t t)
{
	fit(b, row, col, sizeof("yyyy-mm-dd hh:mm:ss") - 1, b->date);
	if (b->direct.ws == ws)
		/* the date as worksheet_write_unixtime makes it */
		pii_book_note(b, pii_book_direct_num(
					 &b->direct, row, col,
					 lxw_unixtime_to_excel_date_epoch(t, LXW_EPOCH_1900), b->date));
	else
		pii_book_note(b, worksheet_write_unixtime(ws, row, col, t, b->date));
}

void pii_book_header(struct book *b, lxw_worksheet *ws, const struct pii_column *cols, size_t n)
{
	b->filled_from = 1;
	for (lxw_col_t c = 0; c < n; c++) {
		pii_book_min_width(b, c, cols[c].width);
		if (c < PII_BOOK_COLS) {
			b->hide_empty[c] = cols[c].show == PII_COL_HIDE_EMPTY;
			b->hidden[c] = cols[c].show == PII_COL_HIDDEN;
		}
		pii_book_str(b, ws, 0, c, pii_label(b->lang, cols[c].name), b->header);
	}
}

void pii_book_min_width(struct book *b, lxw_col_t col, double width)
{
	if (col < PII_BOOK_COLS)
		b->min_width[col] = width;
}

void pii_book_apply_columns(struct book *b, lxw_worksheet *ws)
{
	for (lxw_col_t c = 0; c < PII_BOOK_COLS; c++) {
		double w = b->fit[c] > b->min_width[c] ? b->fit[c] : b->min_width[c];
		if (w <= 0)
			continue;
		if (w > PII_BOOK_MAX_WIDTH)
			w = PII_BOOK_MAX_WIDTH;
		lxw_row_col_options hidden = {.hidden = LXW_TRUE};
		bool hide = b->hidden[c] || (b->hide_empty[c] && !b->filled[c]);
		pii_book_note(b, worksheet_set_column_opt(ws, c, c, w, NULL, hide ? &hidden : NULL));
	}
}

void pii_book_fit_columns(struct book *b, lxw_worksheet *ws)
{
	pii_book_apply_columns(b, ws);
	memset(b->min_width, 0, sizeof(b->min_width));
	memset(b->fit, 0, sizeof(b->fit));
	memset(b->hide_empty, 0, sizeof(b->hide_empty));
	memset(b->filled, 0, sizeof(b->filled));
	memset(b->hidden, 0, sizeof(b->hidden));
	b->filled_from = 0;
}

/* How a sheet prints: A4 landscape, one page wide (as many high as it
 * takes), and a page header and footer that say what the pages are of:
 * the sheet, the paths, the scan's date, page N of M. (The table sheets
 * repeat their header row on every page: pii_book_finish_table.) */
static void page_setup(struct book *b, lxw_worksheet *ws, const char *sheet,
		       const struct pii_inventory *inv)
{
	if (!ws)
		return;
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	char day[16] = "";
	time_t started = (time_t)inv->started;
	struct tm tm;
	if (gmtime_r(&started, &tm))
		strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	/* '&' starts a code in a header: a path's own is doubled; Excel takes
	 * at most 255 characters */
	char paths[120] = "";
	size_t n = 0;
	for (size_t i = 0; i < inv->n_paths; i++)
		for (const char *c = inv->paths[i]; *c && n + 8 < sizeof(paths); c++) {
			if (c == inv->paths[i] && i) {
				paths[n++] = ',';
				paths[n++] = ' ';
			}
			if (*c == '&')
				paths[n++] = '&';
			paths[n++] = *c;
			paths[n] = '\0';
		}
	char header[255];
	snprintf(header, sizeof(header), "&L&\"-,Bold\"piiscan: %s&R%s %s", sheet, paths, day);
	pii_book_note(b, worksheet_set_header(ws, header));
	char footer[160];
	snprintf(footer, sizeof(footer), "&L%s&R%s", L(BOOK_TITLE), L(PAGE_OF));
	pii_book_note(b, worksheet_set_footer(ws, footer));
}

lxw_worksheet *pii_book_add_sheet(struct book *b, const char *name,
				  const struct pii_inventory *inv)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
	if (!ws)
		pii_book_note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	page_setup(b, ws, name, inv);
	return ws;
}

size_t pii_book_sheet_rows(void)
{
	size_t rows = PII_XLSX_MAX_ROWS + 1;
	const char *env = getenv("PIISCAN_XLSX_ROW_LIMIT");
	if (env && *env) {
		char *end;
		unsigned long long n = strtoull(env, &end, 10);
		if (!*end && n >= 2 && n < rows)
			rows = (size_t)n;
	}
	return rows;
}

size_t pii_book_sheet_parts(size_t n)
{
	size_t per = pii_book_sheet_rows() - 1;
	return n ? (n + per - 1) / per : 1;
}

void pii_book_part_name(struct book *b, enum pii_label_id sheet, size_t i, char *out,
			size_t outlen)
{
	if (i)
		snprintf(out, outlen, "%s (%zu)", pii_label(b->lang, sheet), i + 1);
	else
		snprintf(out, outlen, "%s", pii_label(b->lang, sheet));
}

void pii_book_rows_read(struct book *b, struct pii_rowcursor *c)
{
	int e = c ? 0 : ENOMEM;
	if (c && !pii_rowcursor_close(c))
		e = errno ? errno : EIO;
	if (e && !b->rows_errno)
		b->rows_errno = e;
}

void pii_book_finish_table(struct book *b, lxw_worksheet *ws, size_t n_cols, size_t n_rows)
{
	pii_book_note(b, worksheet_autofilter(ws, 0, 0, (lxw_row_t)(n_rows ? n_rows : 1),
				     (lxw_col_t)(n_cols - 1)));
	worksheet_freeze_panes(ws, 1, 0);
	/* printed, every page starts with the header row */
	pii_book_note(b, worksheet_repeat_rows(ws, 0, 0));
}

void pii_book_kv_str(struct book *b, lxw_worksheet *ws, lxw_row_t *row,
		   const char *key, const char *val, lxw_format *fmt)
{
	pii_book_str(b, ws, *row, 0, key, b->bold);
	pii_book_str(b, ws, *row, 1, val, fmt);
	(*row)++;
}

void pii_book_kv_num(struct book *b, lxw_worksheet *ws, lxw_row_t *row,
		   const char *key, double val)
{
	pii_book_str(b, ws, *row, 0, key, b->bold);
	pii_book_num(b, ws, *row, 1, val, b->integer);
	(*row)++;
}

void pii_book_kv_time(struct book *b, lxw_worksheet *ws, lxw_row_t *row,
		    const char *key, int64_t t)
{
	pii_book_str(b, ws, *row, 0, key, b->bold);
	pii_book_time(b, ws, *row, 1, t);
	(*row)++;
}

/* Categories by findings, most first, special categories before all;
 * ties by name. */
static bool category_before(const struct pii_inventory *inv, const struct pii_inv_category *a,
			    const struct pii_inv_category *b)
{
	bool sa = pii_category_special(inv->rules, a->name) != 0;
	bool sb = pii_category_special(inv->rules, b->name) != 0;
	if (sa != sb)
		return sa;
	if (a->findings != b->findings)
		return a->findings > b->findings;
	return strcmp(a->name, b->name) <= 0;
}

void pii_book_sort_categories(const struct pii_inventory *inv, size_t *order)
{
	for (size_t i = 0; i < inv->n_categories; i++)
		order[i] = i;
	for (size_t i = 1; i < inv->n_categories; i++) {
		size_t k = order[i], j = i;
		const struct pii_inv_category *ck = &inv->categories[k];
		while (j > 0) {
			const struct pii_inv_category *cj = &inv->categories[order[j - 1]];
			if (category_before(inv, cj, ck))
				break;
			order[j] = order[j - 1];
			j--;
		}
		order[j] = k;
	}
}

