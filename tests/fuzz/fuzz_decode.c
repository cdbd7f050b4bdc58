/*
 * fuzz_decode.c - the text decoder: any bytes, any encoding, cut into
 * pieces anywhere, must come out as valid UTF-8 (checked here).
 */
#include <stdlib.h>

#include "pii_decode.h"
#include "pii_util.h"

static bool valid_utf8(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
		if (!len || i + len > n)
			return false;
		uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += len;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	/* the first byte picks the encoding, the second the size of the pieces */
	static const enum pii_encoding encs[] = {PII_ENC_UTF8, PII_ENC_UTF16LE, PII_ENC_UTF16BE,
						 PII_ENC_CP1252};
	struct pii_decoder dec;
	pii_decoder_init(&dec, encs[data[0] % 4]);
	size_t piece = (size_t)data[1] + 1;
	data += 2;
	size -= 2;
	struct pii_buf out = {0};
	for (size_t at = 0; at < size || at == 0; at += piece) {
		size_t n = size - at < piece ? size - at : piece;
		bool last = at + n >= size;
		if (!pii_decode(&dec, (const char *)data + at, n, last, &out))
			abort();
		if (last)
			break;
	}
	if (!valid_utf8((const unsigned char *)out.data, out.len))
		abort();
	pii_buf_free(&out);
	return 0;
}
