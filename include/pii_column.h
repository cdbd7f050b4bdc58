/*
 * pii_column.h - the values of a live database's columns on their way to
 * the matcher (src/source/column.c): by what the column holds, with its
 * comment as context.
 */
#ifndef PII_COLUMN_H
#define PII_COLUMN_H

#include "pii_cell.h"

/* What a live database's column holds, for pii_cell_put_value. */
enum pii_column_kind {
	PII_COLUMN_TEXT,
	PII_COLUMN_BINARY, /* blob, bytea: its printable strings */
	PII_COLUMN_JSON,   /* JSON: its values by key path */
};

/* One value of a live database's column as a cell of loc (kept as c's
 * location): text as it is, a binary value's printable strings, a JSON
 * document's values by key path (as text when it is no JSON). Returns
 * the first error. */
enum pii_status pii_cell_put_value(struct pii_cell *c, const struct pii_loc *loc,
				   enum pii_column_kind kind, const char *v, size_t len);

/* The context of a live database's column: "name: comment" when it has a
 * comment (its words count as the column's name does: "BSN van de
 * medewerker" on a column "nr"), cut to 200 bytes; NULL when it has none
 * or out of memory. malloc'd. */
char *pii_column_context(const char *name, const char *comment);

#endif
