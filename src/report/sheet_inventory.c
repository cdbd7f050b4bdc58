/*
 * sheet_inventory.c - the workbook's Inventory sheet: one row per location
 * x rule. What was found comes first (file, rule, category, count,
 * example); where in the file, and the file's own facts, after it.
 */
#include "book.h"

#include "pii_report.h"

enum column {
	FILE_,
	RULE,
	CATEGORY,
	COUNT,
	EXAMPLE,
	DISTINCT,
	CONFIDENCE,
	HIGH,
	MEDIUM,
	LOW,
	SPECIAL,
	TABLE,
	COLUMN,
	KEY,
	PART,
	ROWS,
	ROWS_WITH,
	ROW_SHARE,
	FILE_SIZE,
	OWNER,
	MODIFIED,
	TYPE,
	AGE,
	DELETION,
	CONTACT_LIST,
	SYSTEM,
	N_COLUMNS
};

/* the location's parts and the table figures are empty for most files:
 * hidden when empty in the whole sheet */
static const struct pii_column columns[N_COLUMNS] = {
	[FILE_] = {PII_L_COL_FILE, 40, false},
	[RULE] = {PII_L_COL_RULE, 12, false},
	[CATEGORY] = {PII_L_COL_CATEGORY, 14, false},
	[COUNT] = {PII_L_COL_COUNT, 8, false},
	[EXAMPLE] = {PII_L_COL_EXAMPLE, 16, false},
	[DISTINCT] = {PII_L_COL_DISTINCT, 8, false},
	[CONFIDENCE] = {PII_L_COL_CONFIDENCE, 8, false},
	[HIGH] = {PII_L_COL_HIGH, 6, false},
	[MEDIUM] = {PII_L_COL_MEDIUM, 6, false},
	[LOW] = {PII_L_COL_LOW, 6, false},
	[SPECIAL] = {PII_L_COL_SPECIAL, 8, false},
	[TABLE] = {PII_L_COL_TABLE, 10, true},
	[COLUMN] = {PII_L_COL_COLUMN, 10, true},
	[KEY] = {PII_L_COL_KEY, 10, true},
	[PART] = {PII_L_COL_PART, 8, true},
	[ROWS] = {PII_L_COL_ROWS, 8, true},
	[ROWS_WITH] = {PII_L_COL_ROWS_WITH, 8, true},
	[ROW_SHARE] = {PII_L_COL_ROW_SHARE, 8, true},
	[FILE_SIZE] = {PII_L_COL_FILE_SIZE, 10, false},
	[OWNER] = {PII_L_COL_OWNER, 8, false},
	[MODIFIED] = {PII_L_COL_MODIFIED, 20, false},
	[TYPE] = {PII_L_COL_TYPE, 12, false},
	[AGE] = {PII_L_COL_AGE, 8, false},
	[DELETION] = {PII_L_COL_DELETION, 10, false},
	[CONTACT_LIST] = {PII_L_COL_CONTACT_LIST, 8, false},
	[SYSTEM] = {PII_L_COL_SYSTEM, 16, false},
};

static void write_inventory(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	pii_book_header(b, ws, columns, N_COLUMNS);
	size_t n = inv->n_rows < PII_XLSX_MAX_ROWS ? inv->n_rows : PII_XLSX_MAX_ROWS;
	for (size_t i = 0; i < n; i++) {
		const struct pii_inv_row *r = &inv->rows[i];
		const struct pii_report_id *rep = &inv->rules->reports[r->report];
		lxw_row_t row = (lxw_row_t)i + 1;
		pii_book_str(b, ws, row, FILE_, r->path, NULL);
		pii_book_str(b, ws, row, RULE, rep->name, NULL);
		pii_book_str(b, ws, row, CATEGORY, pii_label_category(b->lang, rep->category), NULL);
		pii_book_num(b, ws, row, COUNT, (double)r->count, b->integer);
		pii_book_str(b, ws, row, EXAMPLE, r->example, NULL);
		pii_book_num(b, ws, row, DISTINCT, (double)r->distinct,
			     r->distinct_estimated ? b->about : b->integer);
		pii_book_str(b, ws, row, CONFIDENCE, pii_label_confidence(b->lang, r->confidence),
			     NULL);
		pii_book_num(b, ws, row, HIGH, (double)r->by_confidence[PII_CONF_HIGH], b->integer);
		pii_book_num(b, ws, row, MEDIUM, (double)r->by_confidence[PII_CONF_MEDIUM], b->integer);
		pii_book_num(b, ws, row, LOW, (double)r->by_confidence[PII_CONF_LOW], b->integer);
		pii_book_str(b, ws, row, SPECIAL, pii_label_special(b->lang, rep->special), b->warn);
		pii_book_str(b, ws, row, TABLE, r->table, NULL);
		pii_book_str(b, ws, row, COLUMN, r->column, NULL);
		pii_book_str(b, ws, row, KEY, r->key, NULL);
		pii_book_str(b, ws, row, PART, r->part, NULL);
		/* A column of e-mail addresses or a free text that mentions a few */
		if (r->rows_scanned) {
			pii_book_num(b, ws, row, ROWS, (double)r->rows_scanned, b->integer);
			pii_book_num(b, ws, row, ROWS_WITH, (double)r->rows_with, b->integer);
			pii_book_num(b, ws, row, ROW_SHARE,
				     (double)r->rows_with / (double)r->rows_scanned, b->percent);
		}
		pii_book_num(b, ws, row, FILE_SIZE, (double)r->file->size, b->integer);
		pii_book_str(b, ws, row, OWNER, pii_owner_name(r->file->uid), NULL);
		pii_book_time(b, ws, row, MODIFIED, r->file->mtime);
		pii_book_str(b, ws, row, TYPE, r->file->type, NULL);
		double age = (double)(inv->now - pii_inv_file_data_time(r->file)) / (365.25 * 86400);
		pii_book_num(b, ws, row, AGE, (double)(int64_t)(age * 10 + 0.5) / 10, NULL);
		pii_book_str(b, ws, row, DELETION, r->stale ? L(STALE_YES) : NULL, b->warn);
		if (r->contact_list)
			pii_book_num(b, ws, row, CONTACT_LIST, (double)r->contact_list, b->integer);
		if (r->system < inv->n_systems)
			pii_book_str(b, ws, row, SYSTEM, inv->systems[r->system].name, NULL);
	}
	pii_book_finish_table(b, ws, N_COLUMNS, n);
}

const struct pii_sheet pii_sheet_inventory = {
	.name = PII_L_SHEET_INVENTORY,
	.wanted = pii_sheet_full_book,
	.write = write_inventory,
};
