/*
 * sheet_breach.c - the workbook's Breach sheet: the scope of a breach
 * (--breach-report).
 */
#include "book.h"

#include "pii_breach.h"

static void write_breach(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	struct pii_breach br;
	if (!pii_breach_build(inv, &br)) {
		pii_book_note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	pii_book_min_width(b, 0, 30);
	for (lxw_col_t c = 1; c <= 4; c++)
		pii_book_min_width(b, c, 12);
	lxw_row_t row = 0;
	pii_book_str(b, ws, row, 0, L(BR_TITLE), b->title);
	row++;
	pii_book_str(b, ws, row++, 0, L(BR_FOR), b->spill);
	row++;
	struct pii_buf s = {0};
	for (size_t i = 0; i < inv->n_paths; i++)
		pii_buf_printf(&s, "%s%s", i ? ", " : "", inv->paths[i]);
	pii_book_kv_str(b, ws, &row, L(BR_EXAMINED), pii_buf_cstr(&s), NULL);
	pii_book_kv_time(b, ws, &row, L(BR_ON), inv->finished);
	if (inv->interrupted)
		pii_book_kv_str(b, ws, &row, L(SUM_SCAN), L(BR_INCOMPLETE), b->warn);
	struct pii_file_figures f;
	pii_inventory_file_figures(inv, &f);
	pii_book_kv_num(b, ws, &row, L(BR_FILES), (double)f.seen);
	pii_book_kv_num(b, ws, &row, L(BR_NOT_WHOLE), (double)(f.in_part + f.not_read));
	pii_book_kv_num(b, ws, &row, L(SUM_FILES_WITH_DATA), (double)f.with_data);
	pii_book_kv_num(b, ws, &row, L(BR_RECORDS), (double)inv->findings_total);
	pii_book_kv_num(b, ws, &row, L(COL_SUBJECTS), (double)br.subjects);
	s.len = 0;
	for (size_t i = 0; i < br.n_special_kinds; i++)
		pii_buf_printf(&s, "%s%s (%s)", i ? ", " : "", br.special_kinds[i],
			       pii_label_special(b->lang, br.special_art[i]));
	pii_book_kv_str(b, ws, &row, L(COL_SPECIAL_CATEGORIES),
			s.len ? pii_buf_cstr(&s) : L(BR_NONE_FOUND), s.len ? b->warn : NULL);
	row++;
	static const enum pii_label_id cat_header[] = {
		PII_L_COL_BREACH_CATEGORY, PII_L_COL_RECORDS, PII_L_COL_SUBJECTS,
		PII_L_COL_FILES,	   PII_L_COL_SPECIAL,
	};
	for (lxw_col_t c = 0; c < sizeof(cat_header) / sizeof(cat_header[0]); c++)
		pii_book_str(b, ws, row, c, pii_label(b->lang, cat_header[c]), b->header);
	row++;
	for (size_t i = 0; i < br.n_categories; i++, row++) {
		pii_book_str(b, ws, row, 0, pii_label_category(b->lang, br.categories[i].name), NULL);
		pii_book_num(b, ws, row, 1, (double)br.categories[i].records, b->integer);
		pii_book_num(b, ws, row, 2, (double)br.categories[i].subjects, b->integer);
		pii_book_num(b, ws, row, 3, (double)br.categories[i].files, b->integer);
		pii_book_str(b, ws, row, 4, pii_label_special(b->lang, br.categories[i].special),
			     b->warn);
	}
	row++;
	pii_book_str(b, ws, row, 0, L(BR_FILES_INVOLVED), b->header);
	pii_book_str(b, ws, row, 1, L(COL_FINDINGS), b->header);
	pii_book_str(b, ws, row, 2, L(COL_SPECIAL), b->header);
	row++;
	size_t listed = br.n_listed;
	for (size_t i = 0; i < listed; i++, row++) {
		pii_book_str(b, ws, row, 0, br.files[i].path, NULL);
		pii_book_num(b, ws, row, 1, (double)br.files[i].findings, b->integer);
		pii_book_str(b, ws, row, 2, pii_label_special(b->lang, br.files[i].special), b->warn);
	}
	if (br.n_files > listed) {
		s.len = 0;
		pii_buf_printf(&s, L(BR_MORE_FILES), (unsigned long long)(br.n_files - listed));
		pii_book_str(b, ws, row++, 0, pii_buf_cstr(&s), NULL);
	}
	pii_buf_free(&s);
	pii_breach_free(&br);
}

static bool breach_wanted(const struct pii_inventory *inv)
{
	return inv->opt->breach_report;
}

const struct pii_sheet pii_sheet_breach = {
	.name = PII_L_SHEET_BREACH,
	.wanted = breach_wanted,
	.write = write_breach,
};
