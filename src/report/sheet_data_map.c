/*
 * sheet_data_map.c - the workbook's Data map sheet: the Art. 30 data map:
 * one row per system.
 */
#include "book.h"

#include "pii_register.h"

static void write_data_map(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	/* What piiscan found, then what the officer fills in. */
	static const char *const names[] = {
		"System", "Categories of personal data", "Special categories", "Locations",
		"Files", "Findings", "Data subjects (estimate)", "Oldest file (UTC)",
		"Newest file (UTC)", "Purpose", "Legal basis", "Retention period", "Recipients",
		"Transfers outside the EU", "Security measures", NULL,
	};
	static const double widths[] = {36, 50, 22, 10, 8, 10, 14, 18, 18, 24, 18, 16, 20, 18, 24};
	pii_book_header(b, ws, names, widths);
	/* by name: systems are made in the order their files are met */
	size_t by_name[inv->n_systems ? inv->n_systems : 1];
	for (size_t i = 0; i < inv->n_systems; i++) {
		size_t j = i;
		for (; j > 0 && strcmp(inv->systems[by_name[j - 1]].name, inv->systems[i].name) > 0; j--)
			by_name[j] = by_name[j - 1];
		by_name[j] = i;
	}
	struct pii_buf cats = {0};
	lxw_row_t row = 1;
	for (size_t i = 0; i < inv->n_systems; i++) {
		const struct pii_inv_system *s = &inv->systems[by_name[i]];
		if (!s->locations)
			continue;
		size_t order[inv->n_categories ? inv->n_categories : 1];
		pii_book_sort_categories(inv, order);
		cats.len = 0;
		for (size_t k = 0; s->categories && k < inv->n_categories; k++)
			if (s->categories[order[k]])
				pii_buf_printf(&cats, "%s%s", cats.len ? ", " : "",
					       inv->categories[order[k]].name);
		pii_book_str(b, ws, row, 0, s->name, NULL);
		pii_book_str(b, ws, row, 1, pii_buf_cstr(&cats), NULL);
		struct pii_buf marks = {0};
		if (s->id_copy)
			pii_buf_puts(&marks, pii_special_name(PII_SPECIAL_ID_COPY));
		if (s->art9)
			pii_buf_printf(&marks, "%sArt. 9", marks.len ? ", " : "");
		if (s->art10)
			pii_buf_printf(&marks, "%sArt. 10", marks.len ? ", " : "");
		pii_book_str(b, ws, row, 2, marks.len ? pii_buf_cstr(&marks) : NULL, b->warn);
		pii_buf_free(&marks);
		pii_book_num(b, ws, row, 3, (double)s->locations, b->integer);
		pii_book_num(b, ws, row, 4, (double)s->files, b->integer);
		pii_book_num(b, ws, row, 5, (double)s->findings, b->integer);
		pii_book_num(b, ws, row, 6, (double)pii_system_subjects(inv, s), b->integer);
		pii_book_note(b, worksheet_write_unixtime(ws, row, 7, s->oldest, b->date));
		pii_book_note(b, worksheet_write_unixtime(ws, row, 8, s->newest, b->date));
		row++;
	}
	pii_buf_free(&cats);
	pii_book_finish_table(b, ws, 15, row - 1);
}

static bool data_map_wanted(const struct pii_inventory *inv)
{
	return !inv->opt->breach_report;
}

const struct pii_sheet pii_sheet_data_map = {
	.name = "Data map",
	.wanted = data_map_wanted,
	.write = write_data_map,
};
