/*
 * decode.c - UTF-8 (with a Windows-1252 fallback per invalid byte),
 * UTF-16LE/BE and Windows-1252 to UTF-8. Written by hand rather than with
 * iconv: iconv stops at the first invalid byte, while files in the wild
 * mix encodings and we must read past every bad byte.
 */
#include "pii_decode.h"

#include <string.h>

const char *pii_encoding_name(enum pii_encoding enc)
{
	switch (enc) {
	case PII_ENC_UTF8: return "utf-8";
	case PII_ENC_UTF16LE: return "utf-16le";
	case PII_ENC_UTF16BE: return "utf-16be";
	case PII_ENC_CP1252: return "windows-1252";
	}
	return "unknown";
}

void pii_decoder_init(struct pii_decoder *d, enum pii_encoding enc)
{
	memset(d, 0, sizeof(*d));
	d->enc = enc;
}

bool pii_utf8_put(struct pii_buf *out, uint32_t cp)
{
	char b[4];
	size_t n;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return pii_buf_append(out, b, n);
}

/* Windows-1252 0x80..0x9F; the five unassigned bytes map to themselves. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

uint32_t pii_cp1252_to_unicode(unsigned char c)
{
	if (c >= 0x80 && c < 0xA0)
		return cp1252_high[c - 0x80];
	return c;
}

/* Classifies the UTF-8 sequence at s: returns its length when complete
 * and valid, 0 when invalid, and -1 when it is a valid start cut short by
 * the end of the input. */
static int utf8_seq(const unsigned char *s, size_t avail)
{
	unsigned char c = s[0];
	size_t n;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if (i >= avail)
			return -1;
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		/* Second-byte ranges that exclude overlongs, surrogates and
		 * code points above U+10FFFF. */
		if (i == 1) {
			if (c == 0xE0 && s[1] < 0xA0)
				return 0;
			if (c == 0xED && s[1] > 0x9F)
				return 0;
			if (c == 0xF0 && s[1] < 0x90)
				return 0;
			if (c == 0xF4 && s[1] > 0x8F)
				return 0;
		}
	}
	return (int)n;
}

static bool decode_utf8(struct pii_decoder *d, const unsigned char *in, size_t n,
			bool final, struct pii_buf *out)
{
	/* Finish a character cut by the previous input. */
	while (d->n_pending && n) {
		d->pending[d->n_pending++] = *in++;
		n--;
		int len = utf8_seq(d->pending, d->n_pending);
		if (len > 0) {
			if (!pii_buf_append(out, d->pending, (size_t)len))
				return false;
			/* len == n_pending: a sequence ends exactly here */
			d->n_pending = 0;
		} else if (len == 0) {
			/* Not UTF-8 after all: the first byte is Windows-1252, the
			 * rest is decoded again from the start. */
			unsigned char rest[4];
			size_t nrest = d->n_pending - 1;
			memcpy(rest, d->pending + 1, nrest);
			d->n_pending = 0;
			if (!pii_utf8_put(out, pii_cp1252_to_unicode(d->pending[0])))
				return false;
			if (!decode_utf8(d, rest, nrest, false, out))
				return false;
		}
	}
	size_t i = 0;
	while (i < n) {
		/* Copy runs of ASCII in one go, looking at 8 bytes at a time. */
		size_t j = i;
		while (j + 8 <= n) {
			uint64_t w;
			memcpy(&w, in + j, 8);
			if (w & 0x8080808080808080ULL)
				break;
			j += 8;
		}
		while (j < n && in[j] < 0x80)
			j++;
		if (j > i) {
			if (!pii_buf_append(out, in + i, j - i))
				return false;
			i = j;
			if (i == n)
				break;
		}
		int len = utf8_seq(in + i, n - i);
		if (len > 0) {
			if (!pii_buf_append(out, in + i, (size_t)len))
				return false;
			i += (size_t)len;
		} else if (len < 0) {
			memcpy(d->pending, in + i, n - i);
			d->n_pending = n - i;
			i = n;
		} else {
			if (!pii_utf8_put(out, pii_cp1252_to_unicode(in[i])))
				return false;
			i++;
		}
	}
	if (final && d->n_pending) {
		/* A cut sequence at the very end: its bytes were Windows-1252. */
		for (size_t k = 0; k < d->n_pending; k++)
			if (!pii_utf8_put(out, pii_cp1252_to_unicode(d->pending[k])))
				return false;
		d->n_pending = 0;
	}
	return true;
}

static bool decode_cp1252(const unsigned char *in, size_t n, struct pii_buf *out)
{
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && in[j] < 0x80)
			j++;
		if (j > i && !pii_buf_append(out, in + i, j - i))
			return false;
		i = j;
		if (i < n && !pii_utf8_put(out, pii_cp1252_to_unicode(in[i++])))
			return false;
	}
	return true;
}

static bool put_utf16_unit(struct pii_decoder *d, uint32_t u, struct pii_buf *out)
{
	if (u >= 0xD800 && u <= 0xDBFF) {
		bool ok = true;
		if (d->high_surrogate)
			ok = pii_utf8_put(out, 0xFFFD);
		d->high_surrogate = u;
		return ok;
	}
	if (u >= 0xDC00 && u <= 0xDFFF) {
		if (!d->high_surrogate)
			return pii_utf8_put(out, 0xFFFD);
		uint32_t cp = 0x10000 + ((d->high_surrogate - 0xD800) << 10) + (u - 0xDC00);
		d->high_surrogate = 0;
		return pii_utf8_put(out, cp);
	}
	bool ok = true;
	if (d->high_surrogate) {
		ok = pii_utf8_put(out, 0xFFFD);
		d->high_surrogate = 0;
	}
	return ok && pii_utf8_put(out, u);
}

static bool decode_utf16(struct pii_decoder *d, const unsigned char *in, size_t n,
			 bool final, struct pii_buf *out)
{
	bool le = d->enc == PII_ENC_UTF16LE;
	size_t i = 0;
	if (d->n_pending && n) {
		unsigned char a = d->pending[0], b = in[0];
		d->n_pending = 0;
		i = 1;
		if (!put_utf16_unit(d, le ? (uint32_t)(a | b << 8) : (uint32_t)(a << 8 | b), out))
			return false;
	}
	for (; i + 1 < n; i += 2) {
		uint32_t u = le ? (uint32_t)(in[i] | in[i + 1] << 8)
				: (uint32_t)(in[i] << 8 | in[i + 1]);
		/* ASCII fast path */
		if (u < 0x80 && !d->high_surrogate) {
			if (!pii_buf_putc(out, (char)u))
				return false;
			continue;
		}
		if (!put_utf16_unit(d, u, out))
			return false;
	}
	if (i < n) {
		d->pending[0] = in[i];
		d->n_pending = 1;
	}
	if (final) {
		if ((d->n_pending || d->high_surrogate) && !pii_utf8_put(out, 0xFFFD))
			return false;
		d->n_pending = 0;
		d->high_surrogate = 0;
	}
	return true;
}

bool pii_decode(struct pii_decoder *d, const char *in, size_t n, bool final,
		struct pii_buf *out)
{
	const unsigned char *u = (const unsigned char *)in;
	switch (d->enc) {
	case PII_ENC_UTF8:
		return decode_utf8(d, u, n, final, out);
	case PII_ENC_CP1252:
		return decode_cp1252(u, n, out);
	case PII_ENC_UTF16LE:
	case PII_ENC_UTF16BE:
		return decode_utf16(d, u, n, final, out);
	}
	return false;
}

size_t pii_utf8_trim_incomplete(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	/* Find the start of the last character (at most 3 bytes back). */
	size_t i = len;
	size_t back = 0;
	while (i > 0 && back < 4 && (u[i - 1] & 0xC0) == 0x80) {
		i--;
		back++;
	}
	if (i == 0)
		return len;
	unsigned char lead = u[i - 1];
	size_t need;
	if (lead < 0x80)
		return len;
	else if (lead >= 0xF0)
		need = 4;
	else if (lead >= 0xE0)
		need = 3;
	else if (lead >= 0xC0)
		need = 2;
	else
		return len;
	return back + 1 >= need ? len : i - 1;
}
