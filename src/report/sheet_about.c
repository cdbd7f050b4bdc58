/*
 * sheet_about.c - the workbook's hidden sheet "piiscan": how it was made,
 * for piiscan review import (and --baseline) to check that its row keys
 * are ones this piiscan reads: key | value rows, in English whatever the
 * language of the rest.
 */
#include "book.h"

#include "pii_review.h"
#include "pii_settings.h"
#include "pii_version.h"

static void write_about(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	char rules[17];
	pii_rules_hash(inv->rules, rules);
	lxw_row_t row = 0;
	pii_book_kv_str(b, ws, &row, "review format", PII_REVIEW_FORMAT, NULL);
	pii_book_kv_str(b, ws, &row, "piiscan version", PII_VERSION, NULL);
	pii_book_kv_str(b, ws, &row, "rules", rules, NULL);
	/* empty for a random key: its fingerprints match no other run's */
	pii_book_kv_str(b, ws, &row, "fingerprint key", inv->key_id, NULL);
	worksheet_hide(ws);
}

const struct pii_sheet pii_sheet_about = {
	.name = PII_L_SHEET_ABOUT,
	.wanted = pii_sheet_full_book,
	.write = write_about,
};
