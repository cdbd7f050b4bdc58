/*
 * text.c - plain text in UTF-8, UTF-16 or Windows-1252: decoded to UTF-8
 * and handed to the sink as one paged stream with line numbers.
 *
 * Text that is valid UTF-8 (most of it) is read straight into the pager's
 * buffer and only checked, not copied; at the first byte that is not
 * UTF-8 the rest of the file goes through the decoder.
 */
#include <stdbool.h>
#include <string.h>

#include "pii_decode.h"
#include "pii_extractor.h"
#include "pii_limits.h"
#include "pii_prose.h"

struct writing {
	struct pii_sink *out;
	enum pii_status st;
};

static bool write_piece(void *ctx, const char *utf8, size_t len)
{
	struct writing *w = ctx;
	w->st = pii_sink_write_text(w->out, utf8, len);
	return w->st == PII_OK;
}

/* Decodes raw[0..n_raw) (bytes already read, not written), then the rest
 * of the input, through the decoder into the stream. */
static enum pii_status decode_rest(struct pii_input *in, struct pii_sink *out,
				   struct pii_decoder *dec, const char *raw, size_t n_raw)
{
	struct writing w = {out, PII_OK};
	enum pii_status st = pii_input_decode(in, dec, raw, n_raw, write_piece, &w);
	return st != PII_OK ? st : w.st;
}

/* UTF-8 read in place. tail counts the bytes of a character cut by the
 * end of the last read, which the next read completes. */
static enum pii_status utf8_in_place(struct pii_input *in, struct pii_sink *out,
				     struct pii_decoder *dec)
{
	size_t tail = 0;
	for (;;) {
		size_t room;
		char *dst = pii_sink_text_room(out, &room);
		/* At most a chunk: on a bad byte, the chunk and the tail move
		 * to the scratch buffer. */
		if (room > PII_READ_CHUNK - 4)
			room = PII_READ_CHUNK - 4;
		ssize_t n = pii_input_read(in, dst, room);
		if (n < 0)
			return PII_EOBJECT;
		const char *chk = dst - tail;
		size_t len = tail + (size_t)n;
		size_t ok = pii_utf8_valid_prefix(chk, len);
		if (n > 0 && (ok == len || (len - ok < 4 && pii_utf8_trim_incomplete(chk, len) == ok))) {
			tail = len - ok;
			enum pii_status st = pii_sink_text_added(out, (size_t)n);
			if (st != PII_OK)
				return st;
			continue;
		}
		if (n == 0 && tail == 0)
			return PII_OK;
		/* Not UTF-8 after all (or a cut character at the very end): the
		 * decoder reads such bytes as Windows-1252. */
		memmove(in->scratch, chk, len);
		pii_sink_text_drop(out, tail);
		return decode_rest(in, out, dec, (const char *)in->scratch, len);
	}
}

static int text_bid(const struct pii_input *in, int best)
{
	return in->type.kind == PII_KIND_TEXT ? PII_BID_KIND : PII_BID_NONE;
}

/* Whether the text is a script, a man page or PostScript by its first
 * bytes, whatever its name. */
static bool technical_head(const struct pii_input *in)
{
	static const char *const heads[] = {"#!", ".TH ", ".\\\"", "'\\\"", "%!PS", NULL};
	for (const char *const *h = heads; *h; h++)
		if (in->head_len >= strlen(*h) + in->type.bom &&
		    !memcmp(in->head + in->type.bom, *h, strlen(*h)))
			return true;
	return false;
}

static enum pii_status text_run(struct pii_input *in, struct pii_sink *out)
{
	struct pii_loc loc = {.file = in->path,
			      .technical = pii_path_is_technical(in->path) || technical_head(in)};
	struct pii_decoder dec;
	if (!pii_input_start_text(in, &dec))
		return PII_EOBJECT;
	/* 8-bit text is read in place while it is UTF-8. */
	bool eight_bit = dec.enc == PII_ENC_UTF8;

	enum pii_status st = pii_sink_begin_text(out, &loc, true);
	if (st == PII_OK)
		st = eight_bit ? utf8_in_place(in, out, &dec) : decode_rest(in, out, &dec, NULL, 0);
	enum pii_status end = pii_sink_end_text(out);
	return st == PII_OK ? end : st;
}

const struct pii_extractor pii_extractor_text = {
	.name = "text",
	.bid = text_bid,
	.run = text_run,
};
