/*
 * detect.c - type and encoding detection.
 */
#include "pii_detect.h"

#include <magic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pii_magic {
	magic_t cookie;
	bool tried; /* magic_load was attempted (it may have failed) */
};

struct pii_magic *pii_magic_new(void)
{
	return calloc(1, sizeof(struct pii_magic));
}

void pii_magic_free(struct pii_magic *m)
{
	if (!m)
		return;
	if (m->cookie)
		magic_close(m->cookie);
	free(m);
}

static const char *magic_mime(struct pii_magic *m, const unsigned char *head, size_t n)
{
	if (!m)
		return NULL;
	if (!m->tried) {
		m->tried = true;
		/* MIME type only; no decompression: containers are the
		 * extractors' job. */
		m->cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS |
				       MAGIC_ERROR);
		if (m->cookie && magic_load(m->cookie, NULL) != 0) {
			magic_close(m->cookie);
			m->cookie = NULL;
		}
	}
	if (!m->cookie)
		return NULL;
	return magic_buffer(m->cookie, head, n);
}

/* UTF-16 without a byte-order mark: text that is mostly ASCII has a zero
 * in every other byte. Returns 1 for little-endian, 2 for big-endian. */
static int sniff_utf16(const unsigned char *h, size_t n)
{
	if (n > 4096)
		n = 4096;
	n &= ~(size_t)1;
	if (n < 8)
		return 0;
	size_t zero_even = 0, zero_odd = 0;
	for (size_t i = 0; i < n; i += 2) {
		zero_even += h[i] == 0;
		zero_odd += h[i + 1] == 0;
	}
	size_t units = n / 2;
	if (zero_odd * 10 >= units * 7 && zero_even * 20 <= units)
		return 1;
	if (zero_even * 10 >= units * 7 && zero_odd * 20 <= units)
		return 2;
	return 0;
}

/* Text has no NUL bytes and few control characters other than
 * whitespace, escape and form feed. */
static bool looks_like_text(const unsigned char *h, size_t n)
{
	size_t ctrl = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = h[i];
		if (c == 0)
			return false;
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' &&
		    c != 0x1B && c != '\v')
			ctrl++;
	}
	return ctrl * 100 <= n * 3;
}

/* True when h[0..n) is valid UTF-8, but for a character cut by the end of
 * the sniffed bytes. */
static bool valid_utf8(const unsigned char *h, size_t n, bool complete)
{
	size_t ok = pii_utf8_valid_prefix((const char *)h, n);
	if (ok == n)
		return true;
	return !complete && n - ok < 4 &&
	       pii_utf8_trim_incomplete((const char *)h, n) == ok;
}

static void set_text(struct pii_type *out, enum pii_encoding enc, size_t bom)
{
	out->kind = PII_KIND_TEXT;
	out->encoding = enc;
	out->bom = bom;
	snprintf(out->mime, sizeof(out->mime), "text/plain; charset=%s",
		 pii_encoding_name(enc));
}

void pii_detect(const unsigned char *h, size_t n, bool complete,
		struct pii_magic *magic, struct pii_type *out)
{
	memset(out, 0, sizeof(*out));
	if (n == 0) {
		out->kind = PII_KIND_EMPTY;
		snprintf(out->mime, sizeof(out->mime), "inode/x-empty");
		return;
	}
	if (n >= 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF) {
		set_text(out, PII_ENC_UTF8, 3);
		return;
	}
	if (n >= 2 && h[0] == 0xFF && h[1] == 0xFE && !(n >= 4 && !h[2] && !h[3])) {
		set_text(out, PII_ENC_UTF16LE, 2);
		return;
	}
	if (n >= 2 && h[0] == 0xFE && h[1] == 0xFF) {
		set_text(out, PII_ENC_UTF16BE, 2);
		return;
	}
	int u16 = sniff_utf16(h, n);
	if (u16) {
		set_text(out, u16 == 1 ? PII_ENC_UTF16LE : PII_ENC_UTF16BE, 0);
		return;
	}
	if (looks_like_text(h, n)) {
		set_text(out, valid_utf8(h, n, complete) ? PII_ENC_UTF8 : PII_ENC_CP1252, 0);
		return;
	}
	out->kind = PII_KIND_BINARY;
	const char *mime = magic_mime(magic, h, n);
	snprintf(out->mime, sizeof(out->mime), "%s", mime ? mime : "application/octet-stream");
}
