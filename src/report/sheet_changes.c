/*
 * sheet_changes.c - the workbook's Changes sheet: locations new, gone or
 * changed since the previous complete run (--state).
 */
#include "book.h"

static void write_changes(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	static const struct pii_column columns[] = {
		{PII_L_COL_FILE, 40, PII_COL_SHOW},  {PII_L_COL_TABLE, 10, PII_COL_HIDE_EMPTY},
		{PII_L_COL_COLUMN, 10, PII_COL_HIDE_EMPTY}, {PII_L_COL_KEY, 10, PII_COL_HIDE_EMPTY},
		{PII_L_COL_PART, 8, PII_COL_HIDE_EMPTY},    {PII_L_COL_RULE, 12, PII_COL_SHOW},
		{PII_L_COL_CHANGE, 8, PII_COL_SHOW}, {PII_L_COL_BEFORE, 8, PII_COL_SHOW},
		{PII_L_COL_NOW, 8, PII_COL_SHOW},
	};
	pii_book_header(b, ws, columns, sizeof(columns) / sizeof(columns[0]));
	const char *const kinds[] = {L(CHANGE_NEW), L(CHANGE_GONE), L(CHANGE_COUNT)};
	for (size_t i = 0; i < inv->n_changes; i++) {
		const struct pii_inv_change *c = &inv->changes[i];
		lxw_row_t row = (lxw_row_t)i + 1;
		pii_book_str(b, ws, row, 0, c->path, NULL);
		pii_book_str(b, ws, row, 1, c->table, NULL);
		pii_book_str(b, ws, row, 2, c->column, NULL);
		pii_book_str(b, ws, row, 3, c->key, NULL);
		pii_book_str(b, ws, row, 4, c->part, NULL);
		pii_book_str(b, ws, row, 5, c->report, NULL);
		pii_book_str(b, ws, row, 6, kinds[c->kind], NULL);
		pii_book_num(b, ws, row, 7, (double)c->before, b->integer);
		pii_book_num(b, ws, row, 8, (double)c->after, b->integer);
	}
	pii_book_finish_table(b, ws, 9, inv->n_changes);
}

static bool changes_wanted(const struct pii_inventory *inv)
{
	return pii_sheet_full_book(inv) && inv->state_path;
}

const struct pii_sheet pii_sheet_changes = {
	.name = PII_L_SHEET_CHANGES,
	.wanted = changes_wanted,
	.write = write_changes,
};
