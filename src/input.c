/*
 * input.c - reading an input: head, rest, into memory or a memory file,
 * and the readers underneath (a file on disk, bytes in memory).
 */
#include "pii_input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pii_decode.h"
#include "pii_limits.h"
#include "pii_stop.h"
#include "pii_util.h"

void pii_input_init_memory(struct pii_input *in, const char *path, const void *data,
			   size_t len, const struct pii_options *opt,
			   struct pii_budget *budget)
{
	memset(in, 0, sizeof(*in));
	in->path = path;
	in->opt = opt;
	in->budget = budget;
	in->fd = -1;
	in->size = len;
	in->head = data;
	in->head_len = len;
	in->head_is_all = true;
	in->bytes_read = len;
}

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

bool pii_input_read_head(struct pii_input *in, unsigned char *head)
{
	in->head = head;
	in->head_len = 0;
	while (in->head_len < PII_SNIFF_SIZE) {
		ssize_t got = in->read_more(in->read_ctx, head + in->head_len,
					    PII_SNIFF_SIZE - in->head_len);
		if (got < 0) {
			in->read_errno = errno ? errno : EIO;
			break;
		}
		if (got == 0) {
			in->head_is_all = true;
			break;
		}
		in->head_len += (size_t)got;
	}
	in->bytes_read = in->head_len;
	return !(in->read_errno && !in->head_len);
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

bool pii_input_start_text(struct pii_input *in, struct pii_decoder *dec)
{
	enum pii_encoding enc = in->type.encoding;
	pii_decoder_init(dec, enc == PII_ENC_CP1252 ? PII_ENC_UTF8 : enc);
	unsigned char bom[4];
	return !in->type.bom || pii_input_read(in, bom, in->type.bom) == (ssize_t)in->type.bom;
}

enum pii_status pii_input_decode(struct pii_input *in, struct pii_decoder *dec,
				 const char *pending, size_t n_pending, pii_utf8_fn fn,
				 void *ctx)
{
	struct pii_buf utf8 = {0};
	enum pii_status st = PII_OK;
	bool going = true;
	if (n_pending) {
		if (!pii_decode(dec, pending, n_pending, false, &utf8))
			st = PII_EOBJECT;
		else if (utf8.len)
			going = fn(ctx, utf8.data, utf8.len);
	}
	while (st == PII_OK && going) {
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
			going = fn(ctx, utf8.data, utf8.len);
		if (n == 0)
			break;
	}
	pii_buf_free(&utf8);
	return st;
}

bool pii_input_is_zip(const struct pii_input *in)
{
	return in->head_len >= 4 && (!memcmp(in->head, "PK\x03\x04", 4) ||
				     !memcmp(in->head, "PK\x05\x06", 4) ||
				     !memcmp(in->head, "PK\x07\x08", 4));
}

ssize_t pii_mem_read(void *ctx, void *buf, size_t n)
{
	struct pii_mem_reader *m = ctx;
	size_t k = m->len - m->pos < n ? m->len - m->pos : n;
	if (k) /* an empty member may have no data at all */
		memcpy(buf, m->data + m->pos, k);
	m->pos += k;
	return (ssize_t)k;
}

ssize_t pii_file_read(void *ctx, void *buf, size_t n)
{
	struct pii_file_reader *r = ctx;
	if (r->size) {
		if (r->done >= r->size)
			return 0;
		if (n > r->size - r->done)
			n = (size_t)(r->size - r->done);
	}
	for (;;) {
		ssize_t got = read(r->fd, buf, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got > 0) {
			r->done += (uint64_t)got;
			if (r->progress)
				r->progress(r->progress_ctx, (uint64_t)got);
		} else if (got == 0 && r->size && r->done < r->size) {
			r->shrank = true;
		}
		return got;
	}
}

int pii_open_readonly(const char *path, bool follow)
{
	int flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW);
	int fd = pii_open_path(path, flags | O_NOATIME);
	if (fd < 0 && errno == EPERM)
		fd = pii_open_path(path, flags); /* O_NOATIME needs ownership */
	return fd;
}

const char *pii_file_kind(mode_t m)
{
	if (S_ISFIFO(m))
		return "FIFO";
	if (S_ISSOCK(m))
		return "socket";
	if (S_ISCHR(m))
		return "character device";
	if (S_ISBLK(m))
		return "block device";
	if (S_ISDIR(m))
		return "folder";
	if (S_ISLNK(m))
		return "symbolic link";
	return "special file";
}
