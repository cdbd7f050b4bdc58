/*
 * archive.c - containers read with libarchive: zip, tar, 7z, rar, cpio,
 * iso, cab, ar, and single compressed files (gzip, bzip2, xz, zstd, lz4).
 * Each member goes back through detection (pii_sink_child), so a zip in a
 * tar in a mail is opened too. Nothing is extracted to disk: members are
 * streamed.
 *
 * Limits (--max-members, --max-expand, --max-ratio; depth is the
 * scanner's): reaching one scans what was read so far and records a row.
 */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii_extract.h"
#include "pii_limits.h"

/* The container and what has come out of it. */
struct container {
	struct pii_input *in;
	struct archive *a;
	unsigned char *buf;       /* what libarchive reads the input into */
	uint64_t out;             /* bytes of members read */
	const char *stop;         /* why reading stopped early, or NULL */
	char why[512];
	bool damaged;             /* libarchive failed on the data */
};

/* libarchive's read callback: the container's bytes, from the input. */
static la_ssize_t container_read(struct archive *a, void *ctx, const void **buf)
{
	struct container *c = ctx;
	ssize_t n = pii_input_read(c->in, c->buf, PII_READ_CHUNK);
	if (n < 0) {
		archive_set_error(a, c->in->read_errno, "%s", strerror(c->in->read_errno));
		return -1;
	}
	*buf = c->buf;
	return n;
}

/* The member reader: libarchive's data, with the limits applied. Errors
 * end the member (0); the container reports them once. */
static ssize_t member_read(void *ctx, void *buf, size_t n)
{
	struct container *c = ctx;
	if (c->stop || c->damaged)
		return 0;
	const struct pii_options *opt = c->in->opt;
	struct pii_budget *b = c->in->budget;
	if (b->exhausted || b->expanded >= opt->max_expand) {
		b->exhausted = true;
		snprintf(c->why, sizeof(c->why),
			 "expansion limit of %llu bytes reached (--max-expand): the rest was not scanned",
			 (unsigned long long)opt->max_expand);
		c->stop = c->why;
		return 0;
	}
	if (n > opt->max_expand - b->expanded)
		n = (size_t)(opt->max_expand - b->expanded);
	la_ssize_t got = archive_read_data(c->a, buf, n);
	if (got < 0) {
		snprintf(c->why, sizeof(c->why), "damaged or cut short: %s",
			 archive_error_string(c->a) ? archive_error_string(c->a) : "read error");
		c->damaged = true;
		return 0;
	}
	c->out += (uint64_t)got;
	b->expanded += (uint64_t)got;
	/* A bomb: far more comes out than goes in. */
	la_int64_t in_bytes = archive_filter_bytes(c->a, -1);
	if (c->out > PII_RATIO_MIN_BYTES && in_bytes > 0 &&
	    c->out / (uint64_t)in_bytes >= opt->max_ratio) {
		snprintf(c->why, sizeof(c->why),
			 "expands more than %u times (--max-ratio): a compression bomb? "
			 "%llu bytes read, the rest not scanned",
			 opt->max_ratio, (unsigned long long)c->out);
		c->stop = c->why;
	}
	return got;
}

/* The name of the single member of a compressed file: libarchive's, or
 * the file's own name without its compression suffix ("x.log.gz" gives
 * "x.log"). */
static void raw_member_name(const struct pii_input *in, const char *name, char *out,
			    size_t outsz)
{
	if (name && strcmp(name, "data")) {
		snprintf(out, outsz, "%s", name);
		return;
	}
	const char *base = strrchr(in->path, '!');
	const char *slash = strrchr(in->path, '/');
	if (!base || (slash && slash > base))
		base = slash;
	base = base ? base + 1 : in->path;
	snprintf(out, outsz, "%s", base);
	static const char *const suffixes[] = {".gz", ".tgz", ".bz2", ".xz", ".zst",
					       ".lz4", ".lzma", ".Z", NULL};
	size_t len = strlen(out);
	for (const char *const *s = suffixes; *s; s++) {
		size_t sl = strlen(*s);
		if (len > sl && !strcmp(out + len - sl, *s)) {
			out[len - sl] = '\0';
			if (!strcmp(*s, ".tgz"))
				strncat(out, ".tar", outsz - strlen(out) - 1);
			return;
		}
	}
	strncat(out, ".uncompressed", outsz - strlen(out) - 1);
}

static bool is_encryption_error(const char *msg)
{
	return msg && (strstr(msg, "ncrypt") || strstr(msg, "assphrase") ||
		       strstr(msg, "assword"));
}

static enum pii_status archive_run(struct pii_input *in, struct pii_sink *out)
{
	struct container c = {.in = in};
	c.buf = malloc(PII_READ_CHUNK);
	c.a = archive_read_new();
	if (!c.buf || !c.a) {
		free(c.buf);
		if (c.a)
			archive_read_free(c.a);
		return PII_EOBJECT;
	}
	archive_read_support_filter_all(c.a);
	archive_read_support_format_all(c.a);
	/* After every other format: a compressed single file. */
	archive_read_support_format_raw(c.a);
	enum pii_status st = PII_OK;
	const char *problem = NULL;
	enum pii_file_status problem_st = PII_FILE_PARTIAL;
	char why[600];
	if (archive_read_open(c.a, &c, NULL, container_read, NULL) != ARCHIVE_OK) {
		snprintf(why, sizeof(why), "not readable as an archive: %s",
			 archive_error_string(c.a) ? archive_error_string(c.a) : "unknown error");
		problem = why;
		problem_st = PII_FILE_FAILED;
		goto out;
	}
	uint64_t members = 0;
	struct archive_entry *e;
	for (;;) {
		int r = archive_read_next_header(c.a, &e);
		if (r == ARCHIVE_EOF)
			break;
		if (r < ARCHIVE_WARN) {
			const char *msg = archive_error_string(c.a);
			if (is_encryption_error(msg)) {
				snprintf(why, sizeof(why), "encrypted, not scanned (%s)", msg);
				problem_st = PII_FILE_SKIPPED;
			} else {
				snprintf(why, sizeof(why), "damaged or cut short: %s",
					 msg ? msg : "bad header");
			}
			problem = why;
			break;
		}
		if (archive_entry_filetype(e) != AE_IFREG)
			continue; /* folders, links, devices in a tar: no data */
		if (++members > in->opt->max_members) {
			snprintf(why, sizeof(why),
				 "more than %llu members (--max-members): the rest was not scanned",
				 (unsigned long long)in->opt->max_members);
			problem = why;
			break;
		}
		char name[1024];
		const char *path = archive_entry_pathname_utf8(e);
		if (!path)
			path = archive_entry_pathname(e);
		if (archive_format(c.a) == ARCHIVE_FORMAT_RAW)
			raw_member_name(in, path, name, sizeof(name));
		else
			snprintf(name, sizeof(name), "%s", path ? path : "(no name)");
		if (archive_entry_is_encrypted(e)) {
			char mpath[2048];
			snprintf(mpath, sizeof(mpath), "%s!%s", in->path, name);
			pii_sink_problem(out, mpath, PII_FILE_SKIPPED, "encrypted, not scanned");
			continue;
		}
		uint64_t size = archive_entry_size_is_set(e) && archive_entry_size(e) > 0
					? (uint64_t)archive_entry_size(e) : 0;
		st = pii_sink_child(out, in, name, member_read, &c, size);
		if (st == PII_EFATAL)
			break;
		if (c.damaged || c.stop) {
			problem = c.why;
			break;
		}
	}
out:
	if (problem)
		pii_sink_problem(out, in->path, problem_st, problem);
	archive_read_free(c.a);
	free(c.buf);
	return st;
}

static bool at(const struct pii_input *in, size_t off, const void *magic, size_t n)
{
	return in->head_len >= off + n && !memcmp(in->head + off, magic, n);
}

/* Containers are recognised by their first bytes, whatever their name. */
static int archive_bid(const struct pii_input *in)
{
	if (in->type.kind != PII_KIND_BINARY)
		return 0;
	static const struct {
		size_t off;
		const char *magic;
		size_t n;
	} magics[] = {
		{0, "PK\x03\x04", 4},             /* zip */
		{0, "PK\x05\x06", 4},             /* empty zip */
		{0, "PK\x07\x08", 4},             /* spanned zip */
		{0, "\x1f\x8b", 2},               /* gzip */
		{0, "BZh", 3},                    /* bzip2 */
		{0, "\xfd" "7zXZ\x00", 6},        /* xz */
		{0, "\x28\xb5\x2f\xfd", 4},       /* zstd */
		{0, "\x04\x22\x4d\x18", 4},       /* lz4 */
		{0, "7z\xbc\xaf\x27\x1c", 6},     /* 7-Zip */
		{0, "Rar!\x1a\x07", 6},           /* RAR 4 and 5 */
		{0, "MSCF\0\0\0\0", 8},           /* cab */
		{0, "!<arch>\n", 8},              /* ar */
		{0, "070707", 6},                 /* cpio, odc */
		{0, "070701", 6},                 /* cpio, newc */
		{0, "070702", 6},                 /* cpio, crc */
		{0, "\xc7\x71", 2},               /* cpio, binary */
		{0, "\x71\xc7", 2},
		{257, "ustar", 5},                /* tar */
		{32769, "CD001", 5},              /* ISO 9660 */
	};
	for (size_t i = 0; i < sizeof(magics) / sizeof(magics[0]); i++)
		if (at(in, magics[i].off, magics[i].magic, magics[i].n))
			return 20;
	return 0;
}

const struct pii_extractor pii_extractor_archive = {
	.name = "archive",
	.bid = archive_bid,
	.run = archive_run,
};
