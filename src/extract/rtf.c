/*
 * rtf.c - the text of RTF documents. Written by hand: the format is a
 * small grammar of groups, control words and escapes, and no Debian
 * library extracts RTF text. Control words become nothing or a
 * separator, \'hh is a byte in the document's code page (Windows-1252
 * unless it says otherwise; others are read as 1252 as well), \uN is a
 * Unicode character followed by \ucN fallback bytes to skip. Groups that
 * hold no text (font and colour tables, pictures, embedded objects'
 * data, \* destinations) are skipped; \bin N skips N raw bytes.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pii_decode.h"
#include "pii_extractor.h"
#include "pii_limits.h"

/* Nesting deeper than this is not followed (it is not a real document). */
#define RTF_MAX_GROUPS 256

enum state { TEXT, BACKSLASH, WORD, NUMBER, HEX1, HEX2, BIN };

struct rtf {
	struct pii_sink *out;
	enum pii_status st;
	enum state state;
	char word[32];
	size_t word_len;
	long number;
	bool negative;
	bool has_number;
	int hex;
	long bin_left;
	/* per group: skipped, and the \uc count */
	bool skip[RTF_MAX_GROUPS];
	int uc[RTF_MAX_GROUPS];
	int depth;
	int fallback_left;       /* bytes after \uN to skip */
	bool star;               /* \* seen: the group is an ignorable destination */
	struct pii_buf text;     /* decoded text waiting to be written */
};

static bool skipping(const struct rtf *r)
{
	return r->depth >= 0 && r->depth < RTF_MAX_GROUPS && r->skip[r->depth];
}

static void flush(struct rtf *r)
{
	if (r->text.len && r->st == PII_OK)
		r->st = pii_sink_write_text(r->out, r->text.data, r->text.len);
	r->text.len = 0;
}

static void emit_cp(struct rtf *r, uint32_t cp)
{
	if (skipping(r))
		return;
	pii_utf8_put(&r->text, cp);
	if (r->text.len > 4096)
		flush(r);
}

/* A byte of text in the document's code page. */
static void emit_byte(struct rtf *r, unsigned char c)
{
	if (r->fallback_left > 0) {
		r->fallback_left--;
		return;
	}
	if (c < 0x80) {
		emit_cp(r, c);
		return;
	}
	struct pii_decoder d;
	pii_decoder_init(&d, PII_ENC_CP1252);
	if (!skipping(r))
		pii_decode(&d, (const char *)&c, 1, true, &r->text);
}

/* Destinations that hold no text a person wrote. */
static bool skipped_destination(const char *w)
{
	static const char *const skip[] = {
		"fonttbl", "colortbl", "stylesheet", "listtable", "listoverridetable",
		"pict", "object", "objdata", "themedata", "colorschememapping",
		"datastore", "latentstyles", "rsidtbl", "generator", "xmlnstbl",
		"mmathPr", "filetbl", "revtbl", "pgdsctbl", "fldinst", "wgrffmtfilter",
		"pnseclvl", "listtext", "defchp", "defpap", NULL,
	};
	for (const char *const *s = skip; *s; s++)
		if (!strcmp(w, *s))
			return true;
	return false;
}

static void control_word(struct rtf *r)
{
	const char *w = r->word;
	if (r->depth >= 0 && r->depth < RTF_MAX_GROUPS) {
		if (r->star || skipped_destination(w))
			r->skip[r->depth] = true;
	}
	r->star = false;
	if (!strcmp(w, "par") || !strcmp(w, "line") || !strcmp(w, "sect") ||
	    !strcmp(w, "page") || !strcmp(w, "row") || !strcmp(w, "cell"))
		emit_cp(r, '\n');
	else if (!strcmp(w, "tab"))
		emit_cp(r, '\t');
	else if (!strcmp(w, "emdash") || !strcmp(w, "endash"))
		emit_cp(r, '-');
	else if (!strcmp(w, "lquote") || !strcmp(w, "rquote"))
		emit_cp(r, '\'');
	else if (!strcmp(w, "ldblquote") || !strcmp(w, "rdblquote"))
		emit_cp(r, '"');
	else if (!strcmp(w, "uc") && r->has_number && r->depth >= 0 && r->depth < RTF_MAX_GROUPS)
		r->uc[r->depth] = (int)(r->number < 0 ? 0 : r->number > 8 ? 8 : r->number);
	else if (!strcmp(w, "u") && r->has_number) {
		long n = r->number < 0 ? r->number + 65536 : r->number;
		emit_cp(r, (uint32_t)n);
		r->fallback_left = r->depth >= 0 && r->depth < RTF_MAX_GROUPS ? r->uc[r->depth] : 1;
	} else if (!strcmp(w, "bin") && r->has_number && r->number > 0) {
		r->bin_left = r->number;
		r->state = BIN;
		return;
	}
	r->state = TEXT;
}

static void open_group(struct rtf *r)
{
	r->depth++;
	if (r->depth > 0 && r->depth < RTF_MAX_GROUPS) {
		r->skip[r->depth] = r->skip[r->depth - 1];
		r->uc[r->depth] = r->uc[r->depth - 1];
	}
}

static void close_group(struct rtf *r)
{
	if (r->depth > 0)
		r->depth--;
	r->fallback_left = 0;
}

static int hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (unsigned char)tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static void feed(struct rtf *r, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n && r->st == PII_OK; i++) {
		unsigned char c = p[i];
		switch (r->state) {
		case BIN:
			if (--r->bin_left <= 0)
				r->state = TEXT;
			break;
		case TEXT:
			if (c == '\\')
				r->state = BACKSLASH;
			else if (c == '{')
				open_group(r);
			else if (c == '}')
				close_group(r);
			else if (c != '\r' && c != '\n')
				emit_byte(r, c);
			break;
		case BACKSLASH:
			if (isalpha(c)) {
				r->word[0] = (char)c;
				r->word_len = 1;
				r->has_number = r->negative = false;
				r->number = 0;
				r->state = WORD;
			} else if (c == '\'') {
				r->state = HEX1;
			} else if (c == '*') {
				r->star = true;
				r->state = TEXT;
			} else {
				/* \\ \{ \} and other control symbols */
				if (c == '\\' || c == '{' || c == '}')
					emit_byte(r, c);
				else if (c == '~')
					emit_cp(r, ' ');
				else if (c == '\n' || c == '\r')
					emit_cp(r, '\n');
				r->state = TEXT;
			}
			break;
		case WORD:
			if (isalpha(c)) {
				if (r->word_len + 1 < sizeof(r->word))
					r->word[r->word_len++] = (char)c;
				break;
			}
			r->word[r->word_len] = '\0';
			if (c == '-' || isdigit(c)) {
				r->negative = c == '-';
				r->number = c == '-' ? 0 : c - '0';
				r->has_number = c != '-';
				r->state = NUMBER;
				break;
			}
			control_word(r);
			/* a space ends the word and is part of it; else c is text,
			 * or the first byte of \bin's data */
			if (c != ' ')
				feed(r, &c, 1);
			break;
		case NUMBER:
			if (isdigit(c) && r->number < 100000000) {
				r->number = r->number * 10 + (c - '0');
				r->has_number = true;
				break;
			}
			if (r->negative)
				r->number = -r->number;
			control_word(r);
			if (c != ' ')
				feed(r, &c, 1);
			break;
		case HEX1:
			r->hex = hex_value(c);
			r->state = r->hex < 0 ? TEXT : HEX2;
			break;
		case HEX2:
			if (hex_value(c) >= 0)
				emit_byte(r, (unsigned char)(r->hex * 16 + hex_value(c)));
			r->state = TEXT;
			break;
		}
	}
}

static enum pii_status rtf_run(struct pii_input *in, struct pii_sink *out)
{
	struct rtf *r = calloc(1, sizeof(*r));
	if (!r)
		return PII_EOBJECT;
	r->out = out;
	r->depth = -1;
	r->uc[0] = 1;
	struct pii_loc loc = {.file = in->path};
	r->st = pii_sink_begin_text(out, &loc, false);
	for (;;) {
		ssize_t n = pii_input_read(in, in->scratch, PII_READ_CHUNK);
		if (n <= 0 || r->st != PII_OK)
			break;
		feed(r, in->scratch, (size_t)n);
	}
	flush(r);
	enum pii_status end = pii_sink_end_text(out);
	enum pii_status st = r->st == PII_OK ? end : r->st;
	pii_buf_free(&r->text);
	free(r);
	return st;
}

static int rtf_bid(const struct pii_input *in, int best)
{
	return in->head_len >= 5 && !memcmp(in->head, "{\\rtf", 5) ? PII_BID_SHAPE : PII_BID_NONE;
}

const struct pii_extractor pii_extractor_rtf = {
	.name = "rtf",
	.bid = rtf_bid,
	.run = rtf_run,
};
