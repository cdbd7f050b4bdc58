/*
 * sheet_rules.c - the workbook's Rules sheet: the rules used.
 */
#include "book.h"

#include <string.h>

static void write_rules(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	static const struct pii_column columns[] = {
		{PII_L_COL_PACK, 6, PII_COL_SHOW},	       {PII_L_COL_COUNTRY, 6, PII_COL_SHOW},
		{PII_L_COL_RULE_ID, 12, PII_COL_SHOW},
		{PII_L_COL_REPORTED_AS, 12, PII_COL_SHOW},    {PII_L_COL_NAME, 20, PII_COL_SHOW},
		{PII_L_COL_CATEGORY, 14, PII_COL_SHOW},       {PII_L_COL_VALIDATOR, 10, PII_COL_SHOW},
		{PII_L_COL_MASK, 8, PII_COL_SHOW},	       {PII_L_COL_CONFIDENCE, 8, PII_COL_SHOW},
		{PII_L_COL_CONTEXT, 30, PII_COL_SHOW},	       {PII_L_COL_PATTERN, 40, PII_COL_SHOW},
		{PII_L_COL_FINDINGS, 8, PII_COL_SHOW},	       {PII_L_COL_DEFINED_IN, 14, PII_COL_SHOW},
	};
	pii_book_header(b, ws, columns, sizeof(columns) / sizeof(columns[0]));
	const struct pii_ruleset *rs = inv->rules;
	struct pii_buf words = {0};
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct pii_rule *r = &rs->rules[i];
		lxw_row_t row = (lxw_row_t)i + 1;
		pii_book_str(b, ws, row, 0, r->pack, NULL);
		pii_book_str(b, ws, row, 1, r->country, NULL);
		pii_book_str(b, ws, row, 2, r->id, NULL);
		pii_book_str(b, ws, row, 3, r->report_as, NULL);
		pii_book_str(b, ws, row, 4, r->name, NULL);
		pii_book_str(b, ws, row, 5, pii_label_category(b->lang, r->category), NULL);
		pii_book_str(b, ws, row, 6, r->validator_name, NULL);
		pii_book_str(b, ws, row, 7, r->mask_name, NULL);
		pii_book_str(b, ws, row, 8,
			r->require_context ? L(NEEDS_CONTEXT)
					   : pii_label_confidence(b->lang, r->confidence),
			NULL);
		words.len = 0;
		for (size_t k = 0; k < r->n_context; k++)
			pii_buf_printf(&words, "%s%s", k ? ", " : "", r->context[k]);
		pii_book_str(b, ws, row, 9, pii_buf_cstr(&words), NULL);
		pii_book_str(b, ws, row, 10, r->pattern, NULL);
		pii_book_num(b, ws, row, 11, (double)inv->findings_per_rule[i], b->integer);
		pii_book_str(b, ws, row, 12, pii_rule_source_name(r), NULL);
	}
	pii_buf_free(&words);
	pii_book_finish_table(b, ws, 13, rs->n_rules);
}

const struct pii_sheet pii_sheet_rules = {
	.name = PII_L_SHEET_RULES,
	.wanted = pii_sheet_full_book,
	.write = write_rules,
};
