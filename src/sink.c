/*
 * sink.c - helpers every sink gets on top of its operations (pii_sink.h).
 */
#include "pii_sink.h"

#include <string.h>

#include "pii_decode.h"

enum pii_status pii_sink_write_text(struct pii_sink *s, const char *utf8, size_t len)
{
	while (len) {
		size_t room;
		char *dst = pii_sink_text_room(s, &room);
		if (!dst)
			return PII_EOBJECT;
		size_t k = len < room ? len : room;
		memcpy(dst, utf8, k);
		enum pii_status st = pii_sink_text_added(s, k);
		if (st != PII_OK)
			return st;
		utf8 += k;
		len -= k;
	}
	return PII_OK;
}

enum pii_status pii_sink_text_bytes(struct pii_sink *s, const struct pii_loc *loc,
				    const char *bytes, size_t len)
{
	if (!len)
		return PII_OK;
	struct pii_decoder dec;
	struct pii_buf utf8 = {0};
	pii_decoder_init(&dec, PII_ENC_UTF8);
	enum pii_status st = pii_sink_begin_text(s, loc, true);
	if (st == PII_OK && pii_decode(&dec, bytes, len, true, &utf8) && utf8.len)
		st = pii_sink_write_text(s, utf8.data, utf8.len);
	enum pii_status end = pii_sink_end_text(s);
	pii_buf_free(&utf8);
	return st == PII_OK ? end : st;
}

enum pii_status pii_sink_child_memory(struct pii_sink *s, struct pii_input *parent,
				      const char *name, const void *data, size_t len)
{
	struct pii_mem_reader m = {data, len, 0};
	return pii_sink_child(s, parent, name, pii_mem_read, &m, len);
}
