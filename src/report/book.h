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
#include "pii_rowstore.h"
#include "pii_labels.h"
#include "pii_util.h"

/* Columns whose width follows what they hold (pii_book_fit_columns). */
#define PII_BOOK_COLS 32
/* No column wider than this many characters: a longer text wraps. */
#define PII_BOOK_MAX_WIDTH 80

/* A number as written last in a column (book_rows.c). */
struct book_number {
	double v;
	char text[32];
	uint8_t len; /* 0: none */
};

/* A table's rows written straight into its sheet's XML (book_rows.c). */
struct book_direct {
	lxw_worksheet *ws;	  /* the sheet; NULL: cells go through libxlsxwriter */
	lxw_row_t first_allowed;  /* rows above this one are written already */
	bool open;		  /* a row is being gathered: */
	lxw_row_t row;		  /* which one */
	struct pii_buf cells;	  /* its cells' XML, */
	uint32_t from[PII_BOOK_COLS], to[PII_BOOK_COLS]; /* each column's in cells,
							  * none where equal */
	struct pii_buf out;	  /* finished rows, written to the sheet in blocks */
	bool any;		  /* the cells written, for the sheet's dimension */
	lxw_row_t rowmin, rowmax;
	lxw_col_t colmin, colmax;
	struct book_number last_number[PII_BOOK_COLS];
};

struct book {
	lxw_workbook *wb;
	lxw_format *title, *header, *bold, *date, *integer, *percent, *warn, *wrap;
	lxw_format *about; /* an estimate: "about 12,345", still a number */
	lxw_format *spill; /* a line of text that runs over the empty cells
			    * beside it, not widening its column */
	enum pii_lang lang; /* of every word shown (pii_labels.h) */
	struct pii_buf tmp;
	lxw_error err; /* first error */
	int rows_errno; /* the inventory's rows could not be read: why */
	int sheet_file_errno; /* a sheet's rows could not be read back at close */
	/* the sheet being written: per column its narrowest width, the
	 * widest text written in it, and whether it may be hidden when no
	 * row has a value in it */
	double min_width[PII_BOOK_COLS], fit[PII_BOOK_COLS];
	bool hide_empty[PII_BOOK_COLS], filled[PII_BOOK_COLS], hidden[PII_BOOK_COLS];
	lxw_row_t filled_from; /* rows below the header */
	struct book_direct direct;
};

/* A label of the workbook's language: L(SUM_FINDINGS). */
#define L(id) pii_label(b->lang, PII_L_##id)

/* Whether a column of a table sheet is shown. */
enum pii_column_show {
	PII_COL_SHOW,
	PII_COL_HIDE_EMPTY, /* hidden when it is empty in the whole sheet */
	PII_COL_HIDDEN,     /* for programs, not people: the row keys */
};

/* A column of a table sheet: its header, narrowest width, and whether it
 * is shown. */
struct pii_column {
	enum pii_label_id name;
	double width;
	enum pii_column_show show;
};

/* A sheet of the workbook (sheets.def). */
struct pii_sheet {
	enum pii_label_id name;
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

/* A time (seconds since the epoch) as a date cell, its column wide
 * enough to show it (not "###"). */
void pii_book_time(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, int64_t t);

/* From here on until pii_book_direct_end, the cells of ws, in rows
 * after those written so far and row by row, are written straight into
 * its XML rather than by libxlsxwriter's cell functions, which take a
 * malloc and an fprintf per cell: for the sheets of many rows. The
 * cells come out the same, byte for byte; the library still writes the
 * rest of the sheet. false, and cells go through the library as before,
 * when ws is not a plain constant-memory sheet, or the environment says
 * PIISCAN_XLSX_LIBRARY_ROWS=1 (for the tests, which compare the two).
 * After the end, the library may write cells below the last row only:
 * it takes that row as its own, written. */
bool pii_book_direct_begin(struct book_direct *d, lxw_worksheet *ws);
lxw_error pii_book_direct_end(struct book_direct *d);
void pii_book_direct_free(struct book_direct *d);
/* The cells, for pii_book_str and pii_book_num: s escaped for display
 * and cut to the cell limit, not empty. */
lxw_error pii_book_direct_str(struct book_direct *d, lxw_row_t row, lxw_col_t col,
			      const char *s, lxw_format *fmt);
lxw_error pii_book_direct_num(struct book_direct *d, lxw_row_t row, lxw_col_t col, double v,
			      lxw_format *fmt);

/* Before the workbook is closed: ws's rows file handed to the close as
 * a stream that frees what it has read (sheet_file.c), so the close's
 * copy of the rows takes their room. A read that fails, or goes back
 * over what is freed, is told in *err. ws unchanged where it cannot. */
void pii_sheet_file_read_once(lxw_worksheet *ws, int *err);

/* The header row of the n columns. */
void pii_book_header(struct book *b, lxw_worksheet *ws, const struct pii_column *cols, size_t n);

/* A column's narrowest width, for a sheet without a header row. */
void pii_book_min_width(struct book *b, lxw_col_t col, double width);

/* Once a sheet is written: each column as wide as its widest text (header
 * included, at most PII_BOOK_MAX_WIDTH), empty ones hidden where their
 * column says so. Then ready for the next sheet. */
void pii_book_fit_columns(struct book *b, lxw_worksheet *ws);

/* The same widths and hidden columns on ws, the widths kept for the next
 * one: the parts of a split sheet all look alike. */
void pii_book_apply_columns(struct book *b, lxw_worksheet *ws);

/* A new worksheet named name, set up to print as every sheet does; NULL,
 * the error noted, when it cannot be added. */
lxw_worksheet *pii_book_add_sheet(struct book *b, const char *name,
				  const struct pii_inventory *inv);

/* Rows a worksheet holds, its header included: Excel's 1,048,576, or
 * fewer when the environment variable PIISCAN_XLSX_ROW_LIMIT says so (for
 * the tests, which split a sheet without writing a million rows; at
 * least 2: a header and one row). */
size_t pii_book_sheet_rows(void);

/* Sheets n table rows take: 1 for none. */
size_t pii_book_sheet_parts(size_t n);

/* The name of part i (0-based) of a split sheet: "Inventory",
 * "Inventory (2)", ... in the workbook's language, into out. */
void pii_book_part_name(struct book *b, enum pii_label_id sheet, size_t i, char *out,
			size_t outlen);

/* Filter and frozen header over a table of n_cols x n_rows. */
void pii_book_finish_table(struct book *b, lxw_worksheet *ws, size_t n_cols, size_t n_rows);

/* "key | value" rows, one at *row, moving it on. */
void pii_book_kv_str(struct book *b, lxw_worksheet *ws, lxw_row_t *row, const char *key,
		     const char *val, lxw_format *fmt);
void pii_book_kv_num(struct book *b, lxw_worksheet *ws, lxw_row_t *row, const char *key,
		     double val);
void pii_book_kv_time(struct book *b, lxw_worksheet *ws, lxw_row_t *row, const char *key,
		      int64_t t);

/* The rows of the Inventory sheet, on the Inventory or the Reviewed
 * sheet ws (sheet_inventory.c), named sheet: past a sheet's rows
 * (pii_book_sheet_rows) they go on in sheets "<sheet> (2)", "<sheet> (3)",
 * ..., added after ws, each with the same header, columns, filter and
 * verdict drop-down. */
void pii_book_inventory_rows(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv,
			     struct pii_rowcursor *c, size_t n, enum pii_label_id sheet);

/* Closes c, a reader of the inventory's rows (NULL: it could not be
 * opened, for want of memory); a failure to read them fails the
 * workbook. */
void pii_book_rows_read(struct book *b, struct pii_rowcursor *c);

/* The categories' indexes by findings, most first, special categories
 * before all; ties by name. order has room for inv->n_categories. */
void pii_book_sort_categories(const struct pii_inventory *inv, size_t *order);

#endif
