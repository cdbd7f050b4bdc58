/*
 * pii_mask.h - masking of found values for the reports, so that the
 * inventory does not become a new leak. Looked up by name from rule packs.
 */
#ifndef PII_MASK_H
#define PII_MASK_H

#include <stddef.h>

/* Writes a masked copy of value[0..len) (borrowed) to out (NUL-terminated,
 * truncated to outsz) and returns its length. Masks never keep the digits
 * of a national ID or card number: those use "whole". */
typedef size_t (*pii_mask_fn)(const char *value, size_t len, char *out,
			      size_t outsz);

/* Looks up a mask by name; NULL when there is none of that name. */
pii_mask_fn pii_mask_find(const char *name);

/* NULL-terminated list of mask names. */
const char *const *pii_mask_names(void);

#endif
