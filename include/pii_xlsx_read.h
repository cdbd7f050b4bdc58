/*
 * pii_xlsx_read.h - the cells of a worksheet of an xlsx workbook, row by
 * row, as text: for reading back a workbook piiscan wrote and a person
 * edited (verdicts, a baseline). Not the scanner's reader of spreadsheets
 * (extract/ooxml.c), which wants text and no cell addresses.
 *
 * The shared strings are held in memory while the sheet streams through
 * the XML parser; numbers come as written ("12"), booleans as 0 or 1.
 */
#ifndef PII_XLSX_READ_H
#define PII_XLSX_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "pii_util.h"

struct pii_xlsx;

/* Opens path and reads its sheet list and shared strings. NULL with a
 * message in err when it is no xlsx workbook. */
struct pii_xlsx *pii_xlsx_open(const char *path, char *err, size_t errlen);
void pii_xlsx_close(struct pii_xlsx *x);

/* Whether the workbook has a sheet of that name. */
bool pii_xlsx_has_sheet(const struct pii_xlsx *x, const char *name);

/* The name of the workbook's sheet i (0-based, in the workbook's order),
 * or NULL past the last. */
const char *pii_xlsx_sheet_name(const struct pii_xlsx *x, size_t i);

/* Called per row that has cells: row is 1-based, cells[i] the text of
 * column i (0 = A), NULL when empty, for i < n. Returns false to stop. */
typedef bool (*pii_xlsx_row_fn)(void *ctx, size_t row, const char *const *cells, size_t n);

/* Streams the rows of sheet name to fn. PII_EFATAL with a message when
 * the sheet is missing or cannot be read, or fn stopped. */
enum pii_status pii_xlsx_rows(struct pii_xlsx *x, const char *name, pii_xlsx_row_fn fn,
			      void *ctx, char *err, size_t errlen);

#endif
