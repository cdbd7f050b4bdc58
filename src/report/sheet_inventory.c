/*
 * sheet_inventory.c - the workbook's Inventory sheet: one row per location
 * x rule. What was found comes first (file, rule, category, count,
 * example), then what a reviewer says of it (verdict, note: read back by
 * piiscan review import); where in the file, and the file's own facts,
 * after it; last, hidden, the row's key for the review.
 */
#include "book.h"

#include <stdlib.h>

#include "pii_report.h"
#include "pii_rowstore.h"

enum column {
	FILE_,
	RULE,
	CATEGORY,
	COUNT,
	EXAMPLE,
	VERDICT,
	NOTE,
	SINCE_REVIEW,
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
	ROWS_IN_TABLE,
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
	ROW_KEY,
	FINGERPRINT,
	N_COLUMNS
};

/* the location's parts and the table figures are empty for most files:
 * hidden when empty in the whole sheet */
static const struct pii_column columns[N_COLUMNS] = {
	[FILE_] = {PII_L_COL_FILE, 40, PII_COL_SHOW},
	[RULE] = {PII_L_COL_RULE, 12, PII_COL_SHOW},
	[CATEGORY] = {PII_L_COL_CATEGORY, 14, PII_COL_SHOW},
	[COUNT] = {PII_L_COL_COUNT, 8, PII_COL_SHOW},
	[EXAMPLE] = {PII_L_COL_EXAMPLE, 16, PII_COL_SHOW},
	[VERDICT] = {PII_L_COL_VERDICT, 18, PII_COL_SHOW},
	[NOTE] = {PII_L_COL_NOTE, 24, PII_COL_SHOW},
	[SINCE_REVIEW] = {PII_L_COL_SINCE_REVIEW, 12, PII_COL_HIDE_EMPTY},
	[DISTINCT] = {PII_L_COL_DISTINCT, 8, PII_COL_SHOW},
	[CONFIDENCE] = {PII_L_COL_CONFIDENCE, 8, PII_COL_SHOW},
	[HIGH] = {PII_L_COL_HIGH, 6, PII_COL_SHOW},
	[MEDIUM] = {PII_L_COL_MEDIUM, 6, PII_COL_SHOW},
	[LOW] = {PII_L_COL_LOW, 6, PII_COL_SHOW},
	[SPECIAL] = {PII_L_COL_SPECIAL, 8, PII_COL_SHOW},
	[TABLE] = {PII_L_COL_TABLE, 10, PII_COL_HIDE_EMPTY},
	[COLUMN] = {PII_L_COL_COLUMN, 10, PII_COL_HIDE_EMPTY},
	[KEY] = {PII_L_COL_KEY, 10, PII_COL_HIDE_EMPTY},
	[PART] = {PII_L_COL_PART, 8, PII_COL_HIDE_EMPTY},
	[ROWS] = {PII_L_COL_ROWS, 8, PII_COL_HIDE_EMPTY},
	[ROWS_IN_TABLE] = {PII_L_COL_ROWS_IN_TABLE, 10, PII_COL_HIDE_EMPTY},
	[ROWS_WITH] = {PII_L_COL_ROWS_WITH, 8, PII_COL_HIDE_EMPTY},
	[ROW_SHARE] = {PII_L_COL_ROW_SHARE, 8, PII_COL_HIDE_EMPTY},
	[FILE_SIZE] = {PII_L_COL_FILE_SIZE, 10, PII_COL_SHOW},
	[OWNER] = {PII_L_COL_OWNER, 8, PII_COL_SHOW},
	[MODIFIED] = {PII_L_COL_MODIFIED, 20, PII_COL_SHOW},
	[TYPE] = {PII_L_COL_TYPE, 12, PII_COL_SHOW},
	[AGE] = {PII_L_COL_AGE, 8, PII_COL_SHOW},
	[DELETION] = {PII_L_COL_DELETION, 10, PII_COL_SHOW},
	[CONTACT_LIST] = {PII_L_COL_CONTACT_LIST, 8, PII_COL_SHOW},
	[SYSTEM] = {PII_L_COL_SYSTEM, 16, PII_COL_SHOW},
	[ROW_KEY] = {PII_L_COL_ROW_KEY, 18, PII_COL_HIDDEN},
	[FINGERPRINT] = {PII_L_COL_FINGERPRINT, 18, PII_COL_HIDDEN},
};

/* The Verdict column's cells offer the verdicts in a drop-down; a cell
 * left empty is a row not reviewed yet. */
static void verdict_choices(struct book *b, lxw_worksheet *ws, size_t n)
{
	if (!n)
		return;
	/* libxlsxwriter copies them: the casts drop a const it never writes */
	char *choices[PII_VERDICTS];
	size_t k = 0;
	for (int v = PII_VERDICT_PERSONAL; v < PII_VERDICTS; v++)
		choices[k++] = (char *)pii_verdict_label(b->lang, (enum pii_verdict)v);
	choices[k] = NULL;
	lxw_data_validation dv = {
		.validate = LXW_VALIDATION_TYPE_LIST,
		.value_list = choices,
		.ignore_blank = LXW_VALIDATION_ON,
		.input_message = (char *)L(VERDICT_PROMPT),
		.error_type = LXW_VALIDATION_ERROR_TYPE_STOP,
	};
	pii_book_note(b, worksheet_data_validation_range(ws, 1, VERDICT, (lxw_row_t)n, VERDICT,
							 &dv));
}

/* "changed since review: count 3 then, 5 now" */
static void since_review(struct book *b, lxw_worksheet *ws, lxw_row_t row,
			 const struct pii_inv_row *r)
{
	if (!r->review_changed)
		return;
	char text[160];
	if (r->review->count != r->count)
		snprintf(text, sizeof(text), L(REVIEW_CHANGED), (unsigned long long)r->review->count,
			 (unsigned long long)r->count);
	else
		snprintf(text, sizeof(text), "%s", L(REVIEW_VALUE_CHANGED));
	pii_book_str(b, ws, row, SINCE_REVIEW, text, b->warn);
}

/* The next n rows of c on ws, from its second row on, under the header. */
static void write_rows(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv,
		       struct pii_rowcursor *c, size_t n)
{
	pii_book_header(b, ws, columns, N_COLUMNS);
	pii_book_direct_begin(&b->direct, ws); /* a million rows: see book_rows.c */
	const struct pii_inv_row *r;
	for (size_t i = 0; i < n && (r = pii_rowcursor_next(c)); i++) {
		const struct pii_report_id *rep = &inv->rules->reports[r->report];
		lxw_row_t row = (lxw_row_t)i + 1;
		pii_book_str(b, ws, row, FILE_, r->path, NULL);
		pii_book_str(b, ws, row, RULE, rep->name, NULL);
		pii_book_str(b, ws, row, CATEGORY, pii_label_category(b->lang, rep->category), NULL);
		pii_book_num(b, ws, row, COUNT, (double)r->count, b->integer);
		pii_book_str(b, ws, row, EXAMPLE, r->example, NULL);
		if (r->review) {
			pii_book_str(b, ws, row, VERDICT,
				     pii_verdict_label(b->lang, r->review->verdict), NULL);
			pii_book_str(b, ws, row, NOTE, r->review->note, NULL);
			since_review(b, ws, row, r);
		}
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
			if (r->rows_in_table)
				pii_book_num(b, ws, row, ROWS_IN_TABLE, (double)r->rows_in_table,
					     b->integer);
			pii_book_num(b, ws, row, ROWS_WITH, (double)r->rows_with, b->integer);
			pii_book_num(b, ws, row, ROW_SHARE,
				     (double)r->rows_with / (double)r->rows_scanned, b->percent);
		}
		pii_book_num(b, ws, row, FILE_SIZE, (double)r->file->size, b->integer);
		pii_book_str(b, ws, row, OWNER, pii_inv_file_owner(r->file), NULL);
		pii_book_time(b, ws, row, MODIFIED, r->file->mtime);
		pii_book_str(b, ws, row, TYPE, r->file->type, NULL);
		double age = (double)(inv->now - pii_inv_file_data_time(r->file)) / (365.25 * 86400);
		pii_book_num(b, ws, row, AGE, (double)(int64_t)(age * 10 + 0.5) / 10, NULL);
		pii_book_str(b, ws, row, DELETION, r->stale ? L(STALE_YES) : NULL, b->warn);
		if (r->contact_list)
			pii_book_num(b, ws, row, CONTACT_LIST, (double)r->contact_list, b->integer);
		if (r->system < inv->n_systems)
			pii_book_str(b, ws, row, SYSTEM, inv->systems[r->system].name, NULL);
		char hex[17];
		snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)r->row_key);
		pii_book_str(b, ws, row, ROW_KEY, hex, NULL);
		snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)r->example_fingerprint);
		pii_book_str(b, ws, row, FINGERPRINT, hex, NULL);
	}
	pii_book_note(b, pii_book_direct_end(&b->direct));
	verdict_choices(b, ws, n);
	pii_book_finish_table(b, ws, N_COLUMNS, n);
}

void pii_book_inventory_rows(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv,
			     struct pii_rowcursor *c, size_t n_rows, enum pii_label_id sheet)
{
	size_t per = pii_book_sheet_rows() - 1, parts = pii_book_sheet_parts(n_rows);
	write_rows(b, ws, inv, c, n_rows < per ? n_rows : per);
	if (parts < 2)
		return;
	/* Past the row limit: "Inventory (2)", ... right after it, written
	 * one after the other (constant memory: each sheet's rows in order).
	 * The columns are fitted to all parts together, so every part has
	 * the same widths and hidden columns; the first gets them from the
	 * caller (pii_book_fit_columns), the others here, once all are
	 * written. */
	lxw_worksheet **more = calloc(parts - 1, sizeof(*more));
	if (!more) {
		pii_book_note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (size_t p = 1; p < parts; p++) {
		char name[64];
		pii_book_part_name(b, sheet, p, name, sizeof(name));
		more[p - 1] = pii_book_add_sheet(b, name, inv);
		if (!more[p - 1])
			break;
		size_t from = p * per, n = n_rows - from < per ? n_rows - from : per;
		write_rows(b, more[p - 1], inv, c, n);
	}
	for (size_t p = 1; p < parts; p++)
		if (more[p - 1])
			pii_book_apply_columns(b, more[p - 1]);
	free(more);
}

static void write_inventory(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	struct pii_rowcursor *c = pii_rowcursor_open(inv->store);
	if (c)
		pii_book_inventory_rows(b, ws, inv, c, inv->n_rows, PII_L_SHEET_INVENTORY);
	pii_book_rows_read(b, c);
}

const struct pii_sheet pii_sheet_inventory = {
	.name = PII_L_SHEET_INVENTORY,
	.wanted = pii_sheet_full_book,
	.write = write_inventory,
};
