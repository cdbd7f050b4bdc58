/*
 * pii_decode.h - text decoding to UTF-8, the only encoding the matcher
 * sees. Streaming: input may be cut anywhere, even inside a character.
 */
#ifndef PII_DECODE_H
#define PII_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pii_util.h"

enum pii_encoding {
	PII_ENC_UTF8,    /* invalid bytes are read as Windows-1252 */
	PII_ENC_UTF16LE,
	PII_ENC_UTF16BE,
	PII_ENC_CP1252,  /* Windows-1252, a superset of Latin-1's printables */
};

/* "utf-8", "utf-16le", "utf-16be", "windows-1252". */
const char *pii_encoding_name(enum pii_encoding enc);

struct pii_decoder {
	enum pii_encoding enc;
	unsigned char pending[4]; /* start of a character cut by the input */
	size_t n_pending;
	uint32_t high_surrogate;  /* UTF-16: first half of a pair, or 0 */
};

void pii_decoder_init(struct pii_decoder *d, enum pii_encoding enc);

/* Decodes in[0..n) and appends it to out as valid UTF-8, whole characters
 * only. A character cut at the end of in is kept for the next call; with
 * final set it is flushed as U+FFFD. Unpaired UTF-16 surrogates become
 * U+FFFD. Returns false when out ran out of memory. */
bool pii_decode(struct pii_decoder *d, const char *in, size_t n, bool final,
		struct pii_buf *out);

/* Appends code point cp to out as UTF-8. */
bool pii_utf8_put(struct pii_buf *out, uint32_t cp);

/* The character of byte c in Windows-1252 (its five holes as the C1
 * controls they are in Latin-1). */
uint32_t pii_cp1252_to_unicode(unsigned char c);

/* Length of s[0..len) without a UTF-8 character cut at its end. */
size_t pii_utf8_trim_incomplete(const char *s, size_t len);

#endif
