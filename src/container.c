/*
 * container.c - libarchive behind the container interface. Nothing is
 * extracted to disk: members are streamed.
 */
#include "pii_container.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pii_limits.h"

struct pii_container {
	struct pii_input *in;
	struct archive *a;
	unsigned char *buf;       /* what libarchive reads into (input, fd) */
	int fd;                   /* reading the file on disk again, or -1 */
	unsigned char *owned;     /* a member held in memory to seek in */
	char why[512];
	const char *stop;         /* why reading stopped early */
	const char *stop_code;    /* its PII_CODE_... */
	enum pii_file_status stop_st;
};

static la_ssize_t read_input(struct archive *a, void *ctx, const void **buf)
{
	struct pii_container *c = ctx;
	ssize_t n = pii_input_read(c->in, c->buf, PII_READ_CHUNK);
	if (n < 0) {
		archive_set_error(a, c->in->read_errno, "%s", strerror(c->in->read_errno));
		return -1;
	}
	*buf = c->buf;
	return n;
}

static la_ssize_t read_fd(struct archive *a, void *ctx, const void **buf)
{
	struct pii_container *c = ctx;
	for (;;) {
		ssize_t n = read(c->fd, c->buf, PII_READ_CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			archive_set_error(a, errno, "%s", strerror(errno));
			return -1;
		}
		*buf = c->buf;
		return n;
	}
}

static struct pii_container *new_container(struct pii_input *in, bool buffer)
{
	struct pii_container *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->in = in;
	c->fd = -1;
	c->a = archive_read_new();
	c->buf = buffer ? malloc(PII_READ_CHUNK) : NULL;
	if (!c->a || (buffer && !c->buf)) {
		pii_container_close(c);
		return NULL;
	}
	archive_read_support_filter_all(c->a);
	archive_read_support_format_all(c->a);
	/* After every other format: a compressed single file. */
	archive_read_support_format_raw(c->a);
	return c;
}

static void open_failed(struct pii_container *c)
{
	snprintf(c->why, sizeof(c->why), "not readable as an archive: %s",
		 archive_error_string(c->a) ? archive_error_string(c->a) : "unknown format");
	c->stop = c->why;
	c->stop_code = PII_CODE_DAMAGED;
	c->stop_st = PII_FILE_FAILED;
}

static la_int64_t seek_fd(struct archive *a, void *ctx, la_int64_t offset, int whence)
{
	(void)a;
	struct pii_container *c = ctx;
	off_t r = lseek(c->fd, (off_t)offset, whence);
	return r < 0 ? ARCHIVE_FATAL : (la_int64_t)r;
}

/* 7-Zip keeps its directory at the end: it must be read from a source
 * that can seek. */
static bool needs_seeking(const struct pii_input *in)
{
	return in->head_len >= 6 && !memcmp(in->head, "7z\xbc\xaf\x27\x1c", 6);
}

struct pii_container *pii_container_open(struct pii_input *in)
{
	if (needs_seeking(in)) {
		if (in->fd >= 0)
			return pii_container_open_fd(in);
		size_t len;
		bool cut;
		unsigned char *data = pii_input_slurp(in, &len, &cut);
		if (!data)
			return NULL;
		struct pii_container *c = pii_container_open_memory(in, data, len);
		if (!c) {
			free(data);
			return NULL;
		}
		c->owned = data;
		if (cut) {
			snprintf(c->why, sizeof(c->why),
				 "7-Zip archive inside a container larger than %zu MiB: read in part",
				 PII_DOC_MEMORY_MAX >> 20);
			c->stop = c->why;
			c->stop_code = PII_CODE_LIMIT_SIZE;
			c->stop_st = PII_FILE_PARTIAL;
		}
		return c;
	}
	struct pii_container *c = new_container(in, true);
	if (c && archive_read_open(c->a, c, NULL, read_input, NULL) != ARCHIVE_OK)
		open_failed(c);
	return c;
}

struct pii_container *pii_container_open_fd(struct pii_input *in)
{
	struct pii_container *c = new_container(in, true);
	if (!c)
		return NULL;
	c->fd = in->fd;
	archive_read_set_seek_callback(c->a, seek_fd);
	if (lseek(c->fd, 0, SEEK_SET) != 0 ||
	    archive_read_open(c->a, c, NULL, read_fd, NULL) != ARCHIVE_OK)
		open_failed(c);
	/* read again from the disk: all of it counts as read */
	in->bytes_read = in->size;
	return c;
}

struct pii_container *pii_container_open_memory(struct pii_input *in, const void *data,
						size_t len)
{
	struct pii_container *c = new_container(in, false);
	if (c && archive_read_open_memory(c->a, data, len) != ARCHIVE_OK)
		open_failed(c);
	return c;
}

/* libarchive's error, classified once for every caller: encrypted
 * (skipped), else damaged or cut short (read in part). */
static void stop_on_error(struct pii_container *c, const char *what)
{
	const char *msg = archive_error_string(c->a);
	if (msg && (strstr(msg, "ncrypt") || strstr(msg, "assphrase") || strstr(msg, "assword"))) {
		snprintf(c->why, sizeof(c->why), "encrypted, not scanned (%s)", msg);
		c->stop_code = PII_CODE_ENCRYPTED;
		c->stop_st = PII_FILE_SKIPPED;
	} else {
		snprintf(c->why, sizeof(c->why), "damaged or cut short: %s", msg ? msg : what);
		c->stop_code = PII_CODE_DAMAGED;
		c->stop_st = PII_FILE_PARTIAL;
	}
	c->stop = c->why;
}

int pii_container_next(struct pii_container *c, struct pii_member *m)
{
	if (c->stop)
		return 0;
	struct archive_entry *e;
	int r = archive_read_next_header(c->a, &e);
	if (r == ARCHIVE_EOF)
		return 0;
	if (r < ARCHIVE_WARN) {
		stop_on_error(c, "bad header");
		return 0;
	}
	/* No type at all (archivers that store no mode) is read as a file:
	 * better a member scanned than a result lost. */
	m->regular = archive_entry_filetype(e) == AE_IFREG || archive_entry_filetype(e) == 0;
	m->name = archive_entry_pathname_utf8(e);
	if (!m->name)
		m->name = archive_entry_pathname(e);
	if (!m->name)
		m->name = "(no name)";
	m->size = archive_entry_size_is_set(e) && archive_entry_size(e) > 0
			  ? (uint64_t)archive_entry_size(e) : 0;
	m->encrypted = archive_entry_is_encrypted(e);
	return 1;
}

ssize_t pii_container_read(void *container, void *buf, size_t n)
{
	struct pii_container *c = container;
	if (c->stop)
		return 0;
	la_ssize_t got = archive_read_data(c->a, buf, n);
	if (got < 0) {
		stop_on_error(c, "read error");
		return 0;
	}
	return got;
}

ssize_t pii_container_read_part(void *container, void *buf, size_t n)
{
	struct pii_container *c = container;
	ssize_t got = pii_container_read(c, buf, n);
	if (got <= 0)
		return got;
	struct pii_limit_hit hit;
	uint64_t used = pii_limits_charge(c->in, (uint64_t)got, &hit);
	if (hit.code && !c->stop) {
		snprintf(c->why, sizeof(c->why), "%s", hit.why);
		c->stop = c->why;
		c->stop_code = hit.code;
		c->stop_st = hit.status;
	}
	return (ssize_t)used;
}

const char *pii_container_problem(const struct pii_container *c, enum pii_file_status *st,
				  const char **code)
{
	if (c->stop) {
		*st = c->stop_st;
		*code = c->stop_code;
	}
	return c->stop;
}

bool pii_container_is_raw(const struct pii_container *c)
{
	return archive_format(c->a) == ARCHIVE_FORMAT_RAW;
}

bool pii_container_is_itself(const struct pii_container *c)
{
	/* the raw format over no decompression: the bytes as they are */
	return pii_container_is_raw(c) && archive_filter_count(c->a) <= 1;
}

void pii_container_close(struct pii_container *c)
{
	if (!c)
		return;
	if (c->a)
		archive_read_free(c->a);
	free(c->buf);
	free(c->owned);
	free(c);
}
