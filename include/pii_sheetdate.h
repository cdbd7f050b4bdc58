/*
 * pii_sheetdate.h - dates in spreadsheets: a cell holds a serial number
 * of days, and only its number format says it is a date. Shared by the
 * .xls (cfb_xls.c) and .xlsx (ooxml.c) readers, so that a date-of-birth
 * column reads "1985-03-12" in both, as in an ods.
 */
#ifndef PII_SHEETDATE_H
#define PII_SHEETDATE_H

#include <stdbool.h>
#include <stddef.h>

/* Whether a number format's code shows a date: d, m or y outside quotes,
 * escapes and [brackets] ("dd-mm-yyyy", "[$-413]d mmmm yyyy"); "m" in a
 * format with hours is minutes. */
bool pii_numfmt_is_date(const char *code);

/* Whether a built-in number format (its id, 0-163) is a date. */
bool pii_numfmt_builtin_date(unsigned id);

/* Serial day number v as "1985-03-12" ("1985-03-12 14:30" with a time
 * of day), in the 1900 or the 1904 date system; false (out left empty)
 * when v is no date (below 1, past 9999). */
bool pii_serial_date(double v, bool date1904, char *out, size_t n);

#endif
