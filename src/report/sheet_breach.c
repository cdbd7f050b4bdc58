/*
 * sheet_breach.c - the workbook's Breach sheet: the scope of a breach
 * (--breach-report).
 */
#include "book.h"

#include "pii_breach.h"

static const char *art_name(int special)
{
	return pii_special_name(special);
}

static void write_breach(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	struct pii_breach br;
	if (!pii_breach_build(inv, &br)) {
		pii_book_note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	pii_book_note(b, worksheet_set_column(ws, 0, 0, 40, NULL));
	pii_book_note(b, worksheet_set_column(ws, 1, 3, 16, NULL));
	lxw_row_t row = 0;
	pii_book_str(b, ws, row, 0, "Personal data breach: scope of the data concerned", b->title);
	row++;
	pii_book_str(b, ws, row++, 0,
		"For the notification to the supervisory authority (GDPR Art. 33, within 72 hours) "
		"and to the people concerned (Art. 34).",
		NULL);
	row++;
	struct pii_buf s = {0};
	for (size_t i = 0; i < inv->n_paths; i++)
		pii_buf_printf(&s, "%s%s", i ? ", " : "", inv->paths[i]);
	pii_book_kv_str(b, ws, &row, "Examined", pii_buf_cstr(&s), NULL);
	pii_book_kv_time(b, ws, &row, "On (UTC)", inv->finished);
	if (inv->interrupted)
		pii_book_kv_str(b, ws, &row, "Scan", "INCOMPLETE (interrupted): the scope may be larger",
		       b->warn);
	struct pii_file_figures f;
	pii_inventory_file_figures(inv, &f);
	pii_book_kv_num(b, ws, &row, "Files examined", (double)f.seen);
	pii_book_kv_num(b, ws, &row, "Files not read whole (see the inventory)",
			(double)(f.in_part + f.not_read));
	pii_book_kv_num(b, ws, &row, "Files with personal data", (double)f.with_data);
	pii_book_kv_num(b, ws, &row, "Records (findings)", (double)inv->findings_total);
	pii_book_kv_num(b, ws, &row, "Data subjects (estimate)", (double)br.subjects);
	s.len = 0;
	for (size_t i = 0; i < br.n_special_kinds; i++)
		pii_buf_printf(&s, "%s%s (%s)", i ? ", " : "", br.special_kinds[i],
			       art_name(br.special_art[i]));
	pii_book_kv_str(b, ws, &row, "Special categories", s.len ? pii_buf_cstr(&s) : "none found",
	       s.len ? b->warn : NULL);
	row++;
	static const char *const cat_header[] = {"Category of personal data", "Records",
						 "Data subjects (estimate)", "Files", "Special",
						 NULL};
	for (lxw_col_t c = 0; cat_header[c]; c++)
		pii_book_str(b, ws, row, c, cat_header[c], b->header);
	row++;
	for (size_t i = 0; i < br.n_categories; i++, row++) {
		pii_book_str(b, ws, row, 0, br.categories[i].name, NULL);
		pii_book_num(b, ws, row, 1, (double)br.categories[i].records, b->integer);
		pii_book_num(b, ws, row, 2, (double)br.categories[i].subjects, b->integer);
		pii_book_num(b, ws, row, 3, (double)br.categories[i].files, b->integer);
		pii_book_str(b, ws, row, 4, art_name(br.categories[i].special), b->warn);
	}
	row++;
	pii_book_str(b, ws, row, 0, "Files involved (most findings first)", b->header);
	pii_book_str(b, ws, row, 1, "Findings", b->header);
	pii_book_str(b, ws, row, 2, "Special", b->header);
	row++;
	size_t listed = br.n_files < PII_BREACH_FILES_LISTED ? br.n_files : PII_BREACH_FILES_LISTED;
	for (size_t i = 0; i < listed; i++, row++) {
		pii_book_str(b, ws, row, 0, br.files[i].file->path, NULL);
		pii_book_num(b, ws, row, 1, (double)br.files[i].findings, b->integer);
		pii_book_str(b, ws, row, 2, art_name(br.files[i].special), b->warn);
	}
	if (br.n_files > listed) {
		s.len = 0;
		pii_buf_printf(&s, "... and %zu more files (the inventory lists them all)",
			       br.n_files - listed);
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
	.name = "Breach",
	.wanted = breach_wanted,
	.write = write_breach,
};
