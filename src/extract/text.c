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

#include "pii_extractor.h"
#include "pii_limits.h"

/* Decodes the rest of the input (after `raw`, bytes already read but not
 * written) through the decoder into the stream. */
static enum pii_status decode_rest(struct pii_input *in, struct pii_sink *out,
				   struct pii_decoder *dec, const char *raw, size_t n_raw)
{
	struct pii_buf utf8 = {0};
	enum pii_status st = PII_OK;
	if (n_raw) {
		if (!pii_decode(dec, raw, n_raw, false, &utf8))
			st = PII_EOBJECT;
		else if (utf8.len)
			st = pii_sink_write_text(out, utf8.data, utf8.len);
	}
	while (st == PII_OK) {
		ssize_t n = pii_input_read(in, in->scratch, PII_READ_CHUNK);
		if (n < 0) {
			st = PII_EOBJECT;
			break;
		}
		utf8.len = 0;
		if (!pii_decode(dec, (const char *)in->scratch, (size_t)n, n == 0, &utf8)) {
			st = PII_EOBJECT;
			break;
		}
		if (utf8.len)
			st = pii_sink_write_text(out, utf8.data, utf8.len);
		if (n == 0)
			break;
	}
	pii_buf_free(&utf8);
	return st;
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
		if (n == 0) {
			struct pii_buf utf8 = {0};
			enum pii_status st = PII_OK;
			if (!pii_decode(dec, (const char *)in->scratch, len, true, &utf8))
				st = PII_EOBJECT;
			else if (utf8.len)
				st = pii_sink_write_text(out, utf8.data, utf8.len);
			pii_buf_free(&utf8);
			return st;
		}
		return decode_rest(in, out, dec, (const char *)in->scratch, len);
	}
}

static int text_bid(const struct pii_input *in, int best)
{
	return in->type.kind == PII_KIND_TEXT ? PII_BID_KIND : PII_BID_NONE;
}

static enum pii_status text_run(struct pii_input *in, struct pii_sink *out)
{
	struct pii_loc loc = {.file = in->path};
	/* 8-bit text, UTF-8 or Windows-1252, goes through the UTF-8 decoder,
	 * which reads each byte that is not UTF-8 as Windows-1252: a Latin-1
	 * file comes out the same, and a UTF-8 file with a stray Latin-1
	 * byte keeps its UTF-8 characters. */
	bool eight_bit = in->type.encoding == PII_ENC_UTF8 || in->type.encoding == PII_ENC_CP1252;
	struct pii_decoder dec;
	pii_decoder_init(&dec, eight_bit ? PII_ENC_UTF8 : in->type.encoding);

	/* Skip the byte-order mark. */
	unsigned char bom[4];
	if (in->type.bom && pii_input_read(in, bom, in->type.bom) != (ssize_t)in->type.bom)
		return PII_EOBJECT;

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
