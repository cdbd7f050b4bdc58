/*
 * book.h - the workbook being written (libxlsxwriter) and its sheets:
 * shared by the xlsx writer and the sheet files of src/report/. Private
 * to them.
 */
#ifndef PII_BOOK_H
#define PII_BOOK_H

#include <stdbool.h>
#include <xlsxwriter.h>

#include "pii_inventory.h"
#include "pii_util.h"

struct book {
	lxw_workbook *wb;
	lxw_format *title, *header, *bold, *date, *integer, *percent, *warn, *wrap;
	lxw_format *about; /* an estimate: "about 12,345", still a number */
	struct pii_buf tmp;
	lxw_error err; /* first error */
};

/* A sheet of the workbook (sheets.def). */
struct pii_sheet {
	const char *name;
	/* Whether this run's workbook has the sheet. */
	bool (*wanted)(const struct pii_inventory *inv);
	/* Fills the sheet ws, added under name. */
	void (*write)(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv);
};

#define PII_SHEET(name) extern const struct pii_sheet pii_sheet_##name;
#include "report/sheets.def"
#undef PII_SHEET

/* The whole workbook is wanted: not the breach report or the data map
 * alone. */
bool pii_sheet_full_book(const struct pii_inventory *inv);

/* Keeps the first libxlsxwriter error. */
void pii_book_note(struct book *b, lxw_error e);

/* Writes s escaped and cut to the cell limit; NULL or "" leaves the cell
 * empty. */
void pii_book_str(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		  const char *s, lxw_format *fmt);
void pii_book_num(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		  double v, lxw_format *fmt);

/* The header row (names, NULL-terminated) and the columns' widths. */
void pii_book_header(struct book *b, lxw_worksheet *ws, const char *const *names,
		     const double *widths);

/* Filter and frozen header over a table of n_cols x n_rows. */
void pii_book_finish_table(struct book *b, lxw_worksheet *ws, size_t n_cols, size_t n_rows);

/* "key | value" rows, one at *row, moving it on. */
void pii_book_kv_str(struct book *b, lxw_worksheet *ws, lxw_row_t *row, const char *key,
		     const char *val, lxw_format *fmt);
void pii_book_kv_num(struct book *b, lxw_worksheet *ws, lxw_row_t *row, const char *key,
		     double val);
void pii_book_kv_time(struct book *b, lxw_worksheet *ws, lxw_row_t *row, const char *key,
		      int64_t t);

/* The categories' indexes by findings, most first, special categories
 * before all; ties by name. order has room for inv->n_categories. */
void pii_book_sort_categories(const struct pii_inventory *inv, size_t *order);

#endif
