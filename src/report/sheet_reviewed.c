/*
 * sheet_reviewed.c - the workbook's Reviewed sheet: the rows a reviewer
 * found not to be personal data (--review, --state), left out of every
 * count and view but this one, so that nothing disappears unseen. Laid
 * out as the Inventory; a verdict changed here is read back too.
 */
#include "book.h"

static bool wanted(const struct pii_inventory *inv)
{
	return pii_sheet_full_book(inv) && inv->n_reviewed;
}

static void write_reviewed(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	struct pii_rowcursor *c = pii_rowcursor_open_rows(inv->reviewed, inv->n_reviewed);
	if (c)
		pii_book_inventory_rows(b, ws, inv, c, inv->n_reviewed, PII_L_SHEET_REVIEWED);
	pii_book_rows_read(b, c);
}

const struct pii_sheet pii_sheet_reviewed = {
	.name = PII_L_SHEET_REVIEWED,
	.wanted = wanted,
	.write = write_reviewed,
};
