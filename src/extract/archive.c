/*
 * archive.c - containers: zip, tar, 7z, rar, cpio, iso, cab, ar, and
 * single compressed files (gzip, bzip2, xz, zstd, lz4). Each member goes
 * back through detection (pii_sink_child), so a zip in a tar in a mail is
 * opened too. Reaching a limit scans what was read and records a row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii_container.h"
#include "pii_extractor.h"

/* The name of the single member of a compressed file: libarchive's (the
 * gzip header keeps the original name), or the file's own name without
 * its compression suffix ("x.log.gz" gives "x.log"). */
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

static enum pii_status archive_run(struct pii_input *in, struct pii_sink *out)
{
	struct pii_container *c = pii_container_open(in);
	if (!c)
		return PII_EOBJECT;
	enum pii_status st = PII_OK;
	struct pii_member m;
	while (st == PII_OK && pii_container_next(c, &m) == 1) {
		if (!m.regular)
			continue; /* folders, links, devices in a tar: no data */
		if (pii_container_is_itself(c)) {
			pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_DAMAGED,
					 "damaged: it starts like compressed data, and none follows");
			break;
		}
		char name[1024];
		if (pii_container_is_raw(c))
			raw_member_name(in, m.name, name, sizeof(name));
		else
			snprintf(name, sizeof(name), "%s", m.name);
		if (m.encrypted) {
			char path[2048];
			snprintf(path, sizeof(path), "%s!%s", in->path, name);
			pii_sink_problem(out, path, PII_FILE_SKIPPED, PII_CODE_ENCRYPTED,
					 "encrypted, not scanned");
			continue;
		}
		st = pii_sink_child(out, in, name, pii_container_read, c, m.size);
	}
	enum pii_file_status pst;
	const char *code;
	const char *problem = pii_container_problem(c, &pst, &code);
	if (problem)
		pii_sink_problem(out, in->path, pst, code, problem);
	pii_container_close(c);
	return pii_status_after_members(st);
}

static bool at(const struct pii_input *in, size_t off, const void *magic, size_t n)
{
	return in->head_len >= off + n && !memcmp(in->head + off, magic, n);
}

/* Containers are recognised by their first bytes, whatever their name. */
static int archive_bid(const struct pii_input *in, int best)
{
	if (in->type.kind != PII_KIND_BINARY)
		return PII_BID_NONE;
	if (pii_input_is_zip(in))
		return PII_BID_SNIFFED;
	static const struct {
		size_t off;
		const char *magic;
		size_t n;
	} magics[] = {
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
			return PII_BID_SNIFFED;
	return PII_BID_NONE;
}

const struct pii_extractor pii_extractor_archive = {
	.name = "archive",
	.bid = archive_bid,
	.run = archive_run,
};
