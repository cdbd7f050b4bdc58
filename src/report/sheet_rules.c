/*
 * sheet_rules.c - the workbook's Rules sheet: the rules used.
 */
#include "book.h"

#include <string.h>

static void write_rules(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	static const char *const names[] = {
		"Pack", "Rule id", "Reported as", "Name", "Category", "Validator",
		"Mask", "Confidence", "Context words", "Pattern", "Findings",
		"Defined in", NULL,
	};
	static const double widths[] = {8, 16, 14, 34, 14, 12, 10, 11, 40, 60, 10, 30};
	pii_book_header(b, ws, names, widths);
	const struct pii_ruleset *rs = inv->rules;
	struct pii_buf words = {0};
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct pii_rule *r = &rs->rules[i];
		lxw_row_t row = (lxw_row_t)i + 1;
		pii_book_str(b, ws, row, 0, r->pack, NULL);
		pii_book_str(b, ws, row, 1, r->id, NULL);
		pii_book_str(b, ws, row, 2, r->report_as, NULL);
		pii_book_str(b, ws, row, 3, r->name, NULL);
		pii_book_str(b, ws, row, 4, r->category, NULL);
		pii_book_str(b, ws, row, 5, r->validator_name, NULL);
		pii_book_str(b, ws, row, 6, r->mask_name, NULL);
		pii_book_str(b, ws, row, 7,
			r->require_context ? "needs context"
					   : pii_confidence_name(r->confidence),
			NULL);
		words.len = 0;
		for (size_t k = 0; k < r->n_context; k++)
			pii_buf_printf(&words, "%s%s", k ? ", " : "", r->context[k]);
		pii_book_str(b, ws, row, 8, pii_buf_cstr(&words), NULL);
		pii_book_str(b, ws, row, 9, r->pattern, NULL);
		pii_book_num(b, ws, row, 10, (double)inv->findings_per_rule[i], b->integer);
		/* the rule file as in its rule folder ("core.yaml:14"), not the
		 * scanning machine's path to that folder */
		const char *slash = strrchr(r->source, '/');
		pii_book_str(b, ws, row, 11, slash ? slash + 1 : r->source, NULL);
	}
	pii_buf_free(&words);
	pii_book_finish_table(b, ws, 12, rs->n_rules);
}

const struct pii_sheet pii_sheet_rules = {
	.name = "Rules",
	.wanted = pii_sheet_full_book,
	.write = write_rules,
};
