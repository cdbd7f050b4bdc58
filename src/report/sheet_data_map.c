/*
 * sheet_data_map.c - the workbook's Data map sheet: the Art. 30 data map:
 * one row per system.
 */
#include "book.h"

#include "pii_register.h"

static void write_data_map(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	/* What piiscan found, then what the officer fills in. */
	static const struct pii_column columns[] = {
		{PII_L_COL_SYSTEM, 20, PII_COL_SHOW},	       {PII_L_COL_CATEGORIES, 30, PII_COL_SHOW},
		{PII_L_COL_SPECIAL_CATEGORIES, 12, PII_COL_SHOW}, {PII_L_COL_LOCATIONS, 8, PII_COL_SHOW},
		{PII_L_COL_FILES, 8, PII_COL_SHOW},	       {PII_L_COL_FINDINGS, 8, PII_COL_SHOW},
		{PII_L_COL_SUBJECTS, 10, PII_COL_SHOW},       {PII_L_COL_OLDEST, 20, PII_COL_SHOW},
		{PII_L_COL_NEWEST, 20, PII_COL_SHOW},	       {PII_L_COL_PURPOSE, 24, PII_COL_SHOW},
		{PII_L_COL_LEGAL_BASIS, 18, PII_COL_SHOW},    {PII_L_COL_RETENTION, 16, PII_COL_SHOW},
		{PII_L_COL_RECIPIENTS, 20, PII_COL_SHOW},     {PII_L_COL_TRANSFERS, 18, PII_COL_SHOW},
		{PII_L_COL_SECURITY, 24, PII_COL_SHOW},
	};
	pii_book_header(b, ws, columns, sizeof(columns) / sizeof(columns[0]));
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
					       pii_label_category(b->lang, inv->categories[order[k]].name));
		pii_book_str(b, ws, row, 0, s->name, NULL);
		pii_book_str(b, ws, row, 1, pii_buf_cstr(&cats), NULL);
		struct pii_buf marks = {0};
		if (s->id_copy)
			pii_buf_puts(&marks, L(SPECIAL_ID_COPY));
		if (s->art9)
			pii_buf_printf(&marks, "%s%s", marks.len ? ", " : "", L(SPECIAL_ART9));
		if (s->art10)
			pii_buf_printf(&marks, "%s%s", marks.len ? ", " : "", L(SPECIAL_ART10));
		pii_book_str(b, ws, row, 2, marks.len ? pii_buf_cstr(&marks) : NULL, b->warn);
		pii_buf_free(&marks);
		pii_book_num(b, ws, row, 3, (double)s->locations, b->integer);
		pii_book_num(b, ws, row, 4, (double)s->files, b->integer);
		pii_book_num(b, ws, row, 5, (double)s->findings, b->integer);
		pii_book_num(b, ws, row, 6, (double)pii_system_subjects(inv, s), b->integer);
		pii_book_time(b, ws, row, 7, s->oldest);
		pii_book_time(b, ws, row, 8, s->newest);
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
	.name = PII_L_SHEET_DATA_MAP,
	.wanted = data_map_wanted,
	.write = write_data_map,
};
