/*
 * column.c - the values of a live database's columns (pii_column.h),
 * shared by the database sources.
 */
#include "pii_column.h"

#include <stdio.h>
#include <stdlib.h>

enum pii_status pii_cell_put_value(struct pii_cell *c, const struct pii_loc *loc,
				   enum pii_column_kind kind, const char *v, size_t len)
{
	c->loc = *loc;
	if (kind == PII_COLUMN_JSON) {
		enum pii_status st = pii_cell_json(c->out, loc, v, len);
		if (st != PII_EOBJECT)
			return st;
	}
	pii_cell_start(c, 0, 0);
	if (kind == PII_COLUMN_BINARY)
		pii_cell_put_strings(c, (const unsigned char *)v, len);
	else
		pii_cell_put(c, v, len);
	return pii_cell_end(c);
}

char *pii_column_context(const char *name, const char *comment)
{
	if (!comment || !*comment)
		return NULL;
	char *out = NULL;
	if (asprintf(&out, "%s: %.200s", name, comment) < 0)
		return NULL;
	return out;
}

