/*
 * sheet_inventory.c - the workbook's Inventory sheet: one row per location
 * x rule.
 */
#include "book.h"

#include "pii_report.h"

static void write_inventory(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	static const char *const names[] = {
		"File", "Table / sheet", "Column", "Key", "Part", "Rule", "Category",
		"Confidence", "Count", "Distinct", "Rows", "Rows with it", "Share of rows",
		"High", "Medium", "Low", "Example", "File size", "Owner", "Modified (UTC)",
		"Type", "Special", "Age (years)", "Deletion candidate", "Contact list",
		"System", NULL,
	};
	static const double widths[] = {60, 16, 16, 12, 10, 14, 14, 11, 9, 9, 9, 11, 12,
					8, 8, 8, 24, 12, 12, 18, 26, 9, 11, 18, 12, 30};
	pii_book_header(b, ws, names, widths);
	size_t n = inv->n_rows < PII_XLSX_MAX_ROWS ? inv->n_rows : PII_XLSX_MAX_ROWS;
	for (size_t i = 0; i < n; i++) {
		const struct pii_inv_row *r = &inv->rows[i];
		const struct pii_report_id *rep = &inv->rules->reports[r->report];
		lxw_row_t row = (lxw_row_t)i + 1;
		pii_book_str(b, ws, row, 0, r->path, NULL);
		pii_book_str(b, ws, row, 1, r->table, NULL);
		pii_book_str(b, ws, row, 2, r->column, NULL);
		pii_book_str(b, ws, row, 3, r->key, NULL);
		pii_book_str(b, ws, row, 4, r->part, NULL);
		pii_book_str(b, ws, row, 5, rep->name, NULL);
		pii_book_str(b, ws, row, 6, rep->category, NULL);
		pii_book_str(b, ws, row, 7, pii_confidence_name(r->confidence), NULL);
		pii_book_num(b, ws, row, 8, (double)r->count, b->integer);
		pii_book_num(b, ws, row, 9, (double)r->distinct,
			     r->distinct_estimated ? b->about : b->integer);
		/* A column of e-mail addresses or a free text that mentions a few */
		if (r->rows_scanned) {
			pii_book_num(b, ws, row, 10, (double)r->rows_scanned, b->integer);
			pii_book_num(b, ws, row, 11, (double)r->rows_with, b->integer);
			pii_book_num(b, ws, row, 12, (double)r->rows_with / (double)r->rows_scanned,
				b->percent);
		}
		pii_book_num(b, ws, row, 13, (double)r->by_confidence[PII_CONF_HIGH], b->integer);
		pii_book_num(b, ws, row, 14, (double)r->by_confidence[PII_CONF_MEDIUM], b->integer);
		pii_book_num(b, ws, row, 15, (double)r->by_confidence[PII_CONF_LOW], b->integer);
		pii_book_str(b, ws, row, 16, r->example, NULL);
		pii_book_num(b, ws, row, 17, (double)r->file->size, b->integer);
		pii_book_str(b, ws, row, 18, pii_owner_name(r->file->uid), NULL);
		pii_book_note(b, worksheet_write_unixtime(ws, row, 19, r->file->mtime, b->date));
		pii_book_str(b, ws, row, 20, r->file->type, NULL);
		pii_book_str(b, ws, row, 21, pii_special_name(rep->special), b->warn);
		double age = (double)(inv->now - pii_inv_file_data_time(r->file)) / (365.25 * 86400);
		pii_book_num(b, ws, row, 22, (double)(int64_t)(age * 10 + 0.5) / 10, NULL);
		pii_book_str(b, ws, row, 23, r->stale ? "yes: older than --stale-after" : NULL, b->warn);
		if (r->contact_list)
			pii_book_num(b, ws, row, 24, (double)r->contact_list, b->integer);
		if (r->system < inv->n_systems)
			pii_book_str(b, ws, row, 25, inv->systems[r->system].name, NULL);
	}
	pii_book_finish_table(b, ws, 26, n);
}

const struct pii_sheet pii_sheet_inventory = {
	.name = "Inventory",
	.wanted = pii_sheet_full_book,
	.write = write_inventory,
};
