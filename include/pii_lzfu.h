/*
 * pii_lzfu.h - the compressed RTF of Outlook items ([MS-OXRTFCP]): the
 * body of a .msg that has no plain text is often only this.
 */
#ifndef PII_LZFU_H
#define PII_LZFU_H

#include <stddef.h>

#include "pii_util.h"

enum pii_lzfu_result {
	PII_LZFU_OK,
	PII_LZFU_DAMAGED,  /* a bad header or a stream that ends early */
	PII_LZFU_NOMEM,
};

/* Decompresses src[0..n) (header included) into out, at most `max`
 * bytes of RTF; an uncompressed ("MELA") body is copied. */
enum pii_lzfu_result pii_lzfu_decompress(const unsigned char *src, size_t n, size_t max,
					 struct pii_buf *out);

#endif
