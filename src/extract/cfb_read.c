/*
 * cfb_read.c - what the formats in compound files share (pii_cfb.h):
 * streams read whole or handed to detection, and the string encodings of
 * Office files.
 */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii_cfb.h"
#include "pii_decode.h"
#include "pii_limits.h"

unsigned char *pii_cfb_read(GsfInput *stream, size_t *len, bool *cut)
{
	*len = 0;
	*cut = false;
	gsf_off_t size = gsf_input_size(stream);
	if (size < 0)
		return NULL;
	size_t n = (size_t)size;
	if ((uint64_t)size > PII_DOC_MEMORY_MAX) {
		n = PII_DOC_MEMORY_MAX;
		*cut = true;
	}
	unsigned char *data = malloc(n + 1);
	if (!data)
		return NULL;
	/* gsf_input_seek returns TRUE on failure */
	if (n && (gsf_input_seek(stream, 0, G_SEEK_SET) || !gsf_input_read(stream, n, data))) {
		free(data);
		return NULL;
	}
	data[n] = 0;
	*len = n;
	return data;
}

unsigned char *pii_cfb_read_named(GsfInfile *dir, const char *name, size_t *len, bool *cut)
{
	*len = 0;
	*cut = false;
	GsfInput *s = gsf_infile_child_by_name(dir, name);
	if (!s)
		return NULL;
	unsigned char *data = pii_cfb_is_storage(s) ? NULL : pii_cfb_read(s, len, cut);
	g_object_unref(s);
	return data;
}

bool pii_cfb_is_storage(GsfInput *child)
{
	/* libgsf makes streams GsfInfiles too, with no children list */
	return GSF_IS_INFILE(child) && gsf_infile_num_children(GSF_INFILE(child)) >= 0;
}

bool pii_cfb_has(GsfInfile *dir, const char *name)
{
	/* By name only: opening the child would read its sector chain. */
	int n = gsf_infile_num_children(dir);
	for (int i = 0; i < n; i++) {
		const char *child = gsf_infile_name_by_index(dir, i);
		if (child && !strcmp(child, name))
			return true;
	}
	return false;
}

static ssize_t read_stream(void *ctx, void *buf, size_t n)
{
	GsfInput *s = ctx;
	gsf_off_t left = gsf_input_remaining(s);
	if (left <= 0)
		return 0;
	if ((gsf_off_t)n > left)
		n = (size_t)left;
	return gsf_input_read(s, n, buf) ? (ssize_t)n : -1;
}

enum pii_status pii_cfb_child(struct pii_cfb *f, GsfInput *stream, const char *name)
{
	gsf_input_seek(stream, 0, G_SEEK_SET);
	gsf_off_t size = gsf_input_size(stream);
	return pii_sink_child(f->out, f->in, name, read_stream, stream,
			      size > 0 ? (uint64_t)size : 0);
}

void pii_cfb_problem(struct pii_cfb *f, enum pii_file_status st, const char *code,
		     const char *reason)
{
	pii_sink_problem(f->out, f->in->path, st, code, reason);
	f->told = true;
}

bool pii_utf16le_append(struct pii_buf *b, const unsigned char *s, size_t n)
{
	struct pii_decoder dec;
	pii_decoder_init(&dec, PII_ENC_UTF16LE);
	return pii_decode(&dec, (const char *)s, n & ~(size_t)1, true, b);
}

bool pii_codepage_append(struct pii_buf *b, int codepage, const unsigned char *s, size_t n)
{
	struct pii_decoder dec;
	if (codepage == 65001 || codepage == 1252 || codepage <= 0 || codepage == 1200) {
		/* 1200 (UTF-16) in an 8-bit string is a writer's mistake:
		 * Windows-1252 reads it best. */
		pii_decoder_init(&dec, codepage == 65001 ? PII_ENC_UTF8 : PII_ENC_CP1252);
		return pii_decode(&dec, (const char *)s, n, true, b);
	}
	char name[16];
	snprintf(name, sizeof(name), "CP%d", codepage);
	iconv_t cd = iconv_open("UTF-8//TRANSLIT", name);
	if (cd == (iconv_t)-1) {
		pii_decoder_init(&dec, PII_ENC_CP1252);
		return pii_decode(&dec, (const char *)s, n, true, b);
	}
	char *in = (char *)s;
	size_t left = n;
	/* once the input is done the converter is flushed: the Hebrew and
	 * Vietnamese code pages hold a last character back */
	for (bool flushed = false; !flushed;) {
		size_t want = (left ? left : 1) * 4 + 16;
		char *room = pii_buf_reserve(b, want);
		if (!room) {
			iconv_close(cd);
			return false;
		}
		char *outp = room;
		size_t out_left = want;
		if (!left) {
			iconv(cd, NULL, NULL, &outp, &out_left);
			flushed = true;
		} else if (iconv(cd, &in, &left, &outp, &out_left) == (size_t)-1 && left &&
			   out_left) {
			/* a byte the code page has no character for */
			in++;
			left--;
			*outp++ = '?';
		}
		pii_buf_commit(b, (size_t)(outp - room));
	}
	iconv_close(cd);
	return true;
}

/* Text is handed on in pieces of this size. */
#define TEXT_PIECE 16384

static void text_flush(struct pii_cfb_text *t)
{
	if (t->st == PII_OK && t->buf.len)
		t->st = pii_sink_write_text(t->out, t->buf.data, t->buf.len);
	t->buf.len = 0;
}

void pii_cfb_text_close(struct pii_cfb_text *t)
{
	if (!t->open)
		return;
	text_flush(t);
	enum pii_status end = pii_sink_end_text(t->out);
	if (t->st == PII_OK)
		t->st = end;
	t->open = false;
}

void pii_cfb_text_open(struct pii_cfb_text *t, const struct pii_loc *loc, bool lines)
{
	pii_cfb_text_close(t);
	t->loc = *loc;
	if (t->st == PII_OK)
		t->st = pii_sink_begin_text(t->out, &t->loc, lines);
	t->open = t->st == PII_OK;
}

void pii_cfb_text_put(struct pii_cfb_text *t, uint32_t c)
{
	if (!pii_utf8_put(&t->buf, c))
		t->st = PII_EOBJECT;
	else if (t->buf.len >= TEXT_PIECE)
		text_flush(t);
}
