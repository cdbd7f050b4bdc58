/*
 * sheet_errors.c - the workbook's Errors sheet: every file or member not
 * read (whole), with a stable code, the reason and what the code means
 * in the workbook's language.
 */
#include "book.h"

static void write_errors(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	static const struct pii_column columns[] = {
		{PII_L_COL_FILE, 40, PII_COL_SHOW},
		{PII_L_COL_STATUS, 10, PII_COL_SHOW},
		{PII_L_COL_CODE, 12, PII_COL_SHOW},
		{PII_L_COL_REASON, 40, PII_COL_SHOW},
		{PII_L_COL_MEANING, 50, PII_COL_SHOW},
	};
	pii_book_header(b, ws, columns, sizeof(columns) / sizeof(columns[0]));
	for (size_t i = 0; i < inv->n_problems; i++) {
		const struct pii_inv_problem *p = &inv->problems[i];
		lxw_row_t row = (lxw_row_t)i + 1;
		pii_book_str(b, ws, row, 0, p->path, NULL);
		pii_book_str(b, ws, row, 1, pii_label_status(b->lang, p->status), NULL);
		pii_book_str(b, ws, row, 2, p->code, NULL);
		pii_book_str(b, ws, row, 3, p->reason, NULL);
		pii_book_str(b, ws, row, 4, pii_label_code(b->lang, p->code), NULL);
	}
	pii_book_finish_table(b, ws, 5, inv->n_problems);
}

const struct pii_sheet pii_sheet_errors = {
	.name = PII_L_SHEET_ERRORS,
	.wanted = pii_sheet_full_book,
	.write = write_errors,
};
