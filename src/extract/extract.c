/*
 * extract.c - the table of extractors and the dispatch.
 */
#include "pii_extract.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "pii_decode.h"
#include "pii_limits.h"
#include "pii_stop.h"

/* Every format this build understands. Order breaks ties in bids. */
static const struct pii_extractor *const extractors[] = {
	&pii_extractor_ooxml,
	&pii_extractor_odf,
	&pii_extractor_pdf,
	&pii_extractor_rtf,
	&pii_extractor_mail,
	&pii_extractor_pst,
	&pii_extractor_archive,
	&pii_extractor_sqlite,
	&pii_extractor_json,
	&pii_extractor_sql,
	&pii_extractor_csv,
	&pii_extractor_markup,
	&pii_extractor_text,
	&pii_extractor_strings,
};

bool pii_input_expired(struct pii_input *in)
{
	int why = 0;
	if (pii_stop_requested())
		why = EINTR;
	else if (in->budget && in->budget->deadline > 0 &&
		 pii_now_monotonic() > in->budget->deadline)
		why = ETIMEDOUT;
	if (!why)
		return false;
	in->read_errno = why;
	if (in->budget)
		in->budget->stopped = why; /* the file on disk says why */
	return true;
}

ssize_t pii_input_read(struct pii_input *in, void *buf, size_t n)
{
	if (in->head_pos < in->head_len) {
		size_t left = in->head_len - in->head_pos;
		size_t k = n < left ? n : left;
		memcpy(buf, in->head + in->head_pos, k);
		in->head_pos += k;
		return (ssize_t)k;
	}
	if (in->head_is_all || !in->read_more || n == 0)
		return 0;
	/* Time up or interrupted: the rest is not read, like a read error. */
	if (pii_input_expired(in))
		return -1;
	ssize_t got = in->read_more(in->read_ctx, buf, n);
	if (got < 0) {
		in->read_errno = errno ? errno : EIO;
		return -1;
	}
	in->bytes_read += (uint64_t)got;
	return got;
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

int pii_input_memfd(struct pii_input *in)
{
	int fd = memfd_create("piiscan-member", MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	uint64_t total = 0;
	for (;;) {
		ssize_t n = pii_input_read(in, in->scratch, PII_READ_CHUNK);
		if (n <= 0)
			break;
		total += (uint64_t)n;
		if (total > PII_DOC_MEMORY_MAX || write(fd, in->scratch, (size_t)n) != n) {
			close(fd);
			return -1;
		}
	}
	return fd;
}

unsigned char *pii_input_slurp(struct pii_input *in, size_t *len, bool *cut)
{
	size_t cap = in->size && in->size < PII_DOC_MEMORY_MAX ? (size_t)in->size + 1 : 1 << 20;
	unsigned char *data = malloc(cap);
	*len = 0;
	*cut = false;
	while (data) {
		if (*len == cap) {
			if (cap >= PII_DOC_MEMORY_MAX) {
				unsigned char probe;
				*cut = pii_input_read(in, &probe, 1) > 0;
				break;
			}
			cap = cap * 2 > PII_DOC_MEMORY_MAX ? PII_DOC_MEMORY_MAX : cap * 2;
			unsigned char *grown = realloc(data, cap);
			if (!grown) {
				free(data);
				return NULL;
			}
			data = grown;
		}
		ssize_t n = pii_input_read(in, data + *len, cap - *len);
		if (n <= 0)
			break;
		*len += (size_t)n;
	}
	return data;
}

const struct pii_extractor *pii_extractor_for(const struct pii_input *in)
{
	const struct pii_extractor *best = NULL;
	int best_bid = 0;
	for (size_t i = 0; i < sizeof(extractors) / sizeof(extractors[0]); i++) {
		int bid = extractors[i]->bid(in);
		if (bid > best_bid) {
			best = extractors[i];
			best_bid = bid;
		}
	}
	return best;
}

enum pii_status pii_extract(struct pii_input *in, struct pii_sink *out)
{
	const struct pii_extractor *x = pii_extractor_for(in);
	if (!x)
		return PII_OK; /* nothing to read in it (an empty file) */
	return x->run(in, out);
}
