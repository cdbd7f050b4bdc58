/*
 * sheet_findings.c - the workbook's Findings sheet: one row per finding,
 * up to --max-findings.
 */
#include "book.h"

static void write_findings(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	static const struct pii_column columns[] = {
		{PII_L_COL_FILE, 40, PII_COL_SHOW},	    {PII_L_COL_LINE, 6, PII_COL_SHOW},
		{PII_L_COL_OFFSET, 8, PII_COL_SHOW},	    {PII_L_COL_PAGE, 6, PII_COL_HIDE_EMPTY},
		{PII_L_COL_TABLE, 10, PII_COL_HIDE_EMPTY},	    {PII_L_COL_COLUMN, 10, PII_COL_HIDE_EMPTY},
		{PII_L_COL_ROW, 6, PII_COL_HIDE_EMPTY},	    {PII_L_COL_KEY, 10, PII_COL_HIDE_EMPTY},
		{PII_L_COL_PART, 8, PII_COL_HIDE_EMPTY},	    {PII_L_COL_RULE, 12, PII_COL_SHOW},
		{PII_L_COL_CATEGORY, 14, PII_COL_SHOW},    {PII_L_COL_CONFIDENCE, 8, PII_COL_SHOW},
		{PII_L_COL_VALUE, 20, PII_COL_SHOW},
	};
	pii_book_header(b, ws, columns, sizeof(columns) / sizeof(columns[0]));
	for (size_t i = 0; i < inv->n_findings; i++) {
		const struct pii_inv_finding *f = &inv->findings[i];
		const struct pii_rule *r = &inv->rules->rules[f->rule];
		lxw_row_t row = (lxw_row_t)i + 1;
		pii_book_str(b, ws, row, 0, f->path, NULL);
		if (f->line)
			pii_book_num(b, ws, row, 1, (double)f->line, NULL);
		pii_book_num(b, ws, row, 2, (double)f->offset, NULL);
		if (f->page)
			pii_book_num(b, ws, row, 3, (double)f->page, NULL);
		pii_book_str(b, ws, row, 4, f->table, NULL);
		pii_book_str(b, ws, row, 5, f->column, NULL);
		if (f->row)
			pii_book_num(b, ws, row, 6, (double)f->row, NULL);
		pii_book_str(b, ws, row, 7, f->key, NULL);
		pii_book_str(b, ws, row, 8, f->part, NULL);
		pii_book_str(b, ws, row, 9, r->report_as, NULL);
		pii_book_str(b, ws, row, 10, pii_label_category(b->lang, r->category), NULL);
		pii_book_str(b, ws, row, 11, pii_label_confidence(b->lang, f->confidence), NULL);
		pii_book_str(b, ws, row, 12, f->value, NULL);
	}
	pii_book_finish_table(b, ws, 13, inv->n_findings);
}

const struct pii_sheet pii_sheet_findings = {
	.name = PII_L_SHEET_FINDINGS,
	.wanted = pii_sheet_full_book,
	.write = write_findings,
};
