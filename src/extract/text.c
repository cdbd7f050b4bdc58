/*
 * text.c - plain text in UTF-8, UTF-16 or Windows-1252: decoded to UTF-8
 * and handed to the sink as one paged stream with line numbers.
 */
#include "pii_extract.h"
#include "pii_limits.h"

static int text_bid(const struct pii_input *in)
{
	return in->type.kind == PII_KIND_TEXT ? 10 : 0;
}

static enum pii_status text_run(struct pii_input *in, struct pii_sink *out)
{
	struct pii_loc loc = {.file = in->path};
	struct pii_decoder dec;
	struct pii_buf utf8 = {0};
	enum pii_status st = PII_OK;
	pii_decoder_init(&dec, in->type.encoding);

	/* Skip the byte-order mark. */
	unsigned char bom[4];
	if (in->type.bom && pii_input_read(in, bom, in->type.bom) != (ssize_t)in->type.bom)
		return PII_EOBJECT;

	st = pii_sink_begin_text(out, &loc);
	for (;;) {
		if (st != PII_OK)
			break;
		ssize_t n = pii_input_read(in, in->scratch, PII_READ_CHUNK);
		if (n < 0) {
			st = PII_EOBJECT;
			break;
		}
		utf8.len = 0;
		if (!pii_decode(&dec, (const char *)in->scratch, (size_t)n, n == 0, &utf8)) {
			st = PII_EOBJECT;
			break;
		}
		if (utf8.len)
			st = pii_sink_write_text(out, utf8.data, utf8.len);
		if (n == 0)
			break;
	}
	enum pii_status end = pii_sink_end_text(out);
	if (st == PII_OK)
		st = end;
	pii_buf_free(&utf8);
	return st;
}

const struct pii_extractor pii_extractor_text = {
	.name = "text",
	.bid = text_bid,
	.run = text_run,
};
