/*
 * The workbook's zip deflated in blocks on several threads
 * (src/report/zip_deflate.c): parts of every size around the block and
 * the ring of blocks in flight, written through minizip as libxlsxwriter
 * writes them, read back whole and CRC-checked by libarchive (another
 * zip reader); the same bytes on one thread as on four; a zip not
 * prepared for it is left to minizip as before; a part left open is
 * stopped cleanly.
 */
#include <archive.h>
#include <archive_entry.h>
#include <minizip/zip.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pii_writer.h"
#include "test.h"

#define BLOCK (256u << 10)

static const size_t sizes[] = {0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 9 * BLOCK + 12345};
#define N_PARTS (sizeof(sizes) / sizeof(sizes[0]))

/* Sheet-like data: compressible, never the same 32 KiB twice. */
static unsigned char *part_data(size_t n, unsigned seed)
{
	unsigned char *p = malloc(n + 1);
	unsigned x = seed * 2654435761u + 1;
	size_t i = 0;
	while (i < n) {
		x = x * 1103515245u + 12345u;
		int len = snprintf((char *)p + i, n + 1 - i, "<row r=\"%u\"><c><v>%u</v></c></row>",
				   (unsigned)i, (x >> 8) % 100000);
		i += (size_t)len < n + 1 - i ? (size_t)len : n - i;
	}
	return p;
}

/* The parts, each in pieces of 4 KiB as the library hands them over;
 * true when every call went through. */
static bool write_zip(const char *path, unsigned char **data, size_t n_parts)
{
	zipFile zip = zipOpen64(path, APPEND_STATUS_CREATE);
	if (!zip)
		return false;
	zip_fileinfo info = {.tmz_date = {0, 0, 0, 1, 0, 1980}};
	bool ok = true;
	for (size_t i = 0; i < n_parts; i++) {
		char name[32];
		snprintf(name, sizeof(name), "part%zu.xml", i);
		ok = zipOpenNewFileInZip4_64(zip, name, &info, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
					     Z_DEFAULT_COMPRESSION, 0, -MAX_WBITS, 8,
					     Z_DEFAULT_STRATEGY, NULL, 0, 0, 0, 0) == ZIP_OK &&
		     ok;
		for (size_t off = 0; off < sizes[i]; off += 4096) {
			unsigned len = (unsigned)(sizes[i] - off < 4096 ? sizes[i] - off : 4096);
			ok = zipWriteInFileInZip(zip, data[i] + off, len) == ZIP_OK && ok;
		}
		ok = zipCloseFileInZip(zip) == ZIP_OK && ok;
	}
	return zipClose(zip, NULL) == ZIP_OK && ok;
}

/* Each part read back by libarchive, which checks its CRC: the bytes
 * that went in. */
static bool read_back(const char *path, unsigned char **data, size_t n_parts)
{
	struct archive *a = archive_read_new();
	archive_read_support_format_zip(a);
	bool ok = archive_read_open_filename(a, path, 1 << 16) == ARCHIVE_OK;
	size_t seen = 0;
	struct archive_entry *e;
	unsigned char *got = malloc(sizes[N_PARTS - 1] + 1);
	while (ok && archive_read_next_header(a, &e) == ARCHIVE_OK) {
		size_t i = seen++, n = 0;
		ssize_t k;
		while ((k = archive_read_data(a, got + n, sizes[N_PARTS - 1] + 1 - n)) > 0)
			n += (size_t)k;
		CHECK_MSG(k == 0 && n == sizes[i] && (!n || memcmp(got, data[i], n) == 0),
			  "part %zu of %zu bytes: read %zu back (%s)", i, sizes[i], n,
			  k < 0 ? archive_error_string(a) : "no error");
	}
	free(got);
	archive_read_free(a);
	return ok && seen == n_parts;
}

static bool same_file(const char *a, const char *b)
{
	FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
	bool same = fa && fb;
	int ca, cb;
	while (same && ((ca = getc(fa)) != EOF) | ((cb = getc(fb)) != EOF))
		same = ca == cb;
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return same;
}

void test_zip_deflate(void)
{
	char dir[] = "/tmp/piiscan-zip.XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	unsigned char *data[N_PARTS];
	for (size_t i = 0; i < N_PARTS; i++)
		data[i] = part_data(sizes[i], (unsigned)i);

	char one[64], four[64], plain[64];
	snprintf(one, sizeof(one), "%s/one.zip", dir);
	snprintf(four, sizeof(four), "%s/four.zip", dir);
	snprintf(plain, sizeof(plain), "%s/plain.zip", dir);
	CHECK(pii_xlsx_zip_prepare(1));
	CHECK_MSG(write_zip(one, data, N_PARTS), "written on the closing thread alone");
	pii_xlsx_zip_release();
	CHECK(pii_xlsx_zip_prepare(4));
	CHECK_MSG(write_zip(four, data, N_PARTS), "written on four workers");
	pii_xlsx_zip_release();
	CHECK(read_back(one, data, N_PARTS));
	CHECK(read_back(four, data, N_PARTS));
	CHECK_MSG(same_file(one, four), "one thread and four write the same bytes");

	/* not prepared: minizip deflates as before (at level 1), the same
	 * data, another stream */
	CHECK(write_zip(plain, data, N_PARTS));
	CHECK(read_back(plain, data, N_PARTS));
	CHECK(!same_file(one, plain));

	/* a part the library gives up on without closing it: its workers
	 * stop and its buffers go at release (ASan, TSan), and the next
	 * workbook is written as ever */
	CHECK(pii_xlsx_zip_prepare(4));
	zipFile zip = zipOpen64(plain, APPEND_STATUS_CREATE);
	CHECK(zip && zipOpenNewFileInZip4_64(zip, "left.xml", NULL, NULL, 0, NULL, 0, NULL,
					    Z_DEFLATED, 6, 0, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
					    NULL, 0, 0, 0, 0) == ZIP_OK);
	CHECK(zipWriteInFileInZip(zip, data[N_PARTS - 1], (unsigned)sizes[N_PARTS - 1]) == ZIP_OK);
	pii_xlsx_zip_release();
	zipClose(zip, NULL);
	CHECK(pii_xlsx_zip_prepare(4));
	CHECK_MSG(write_zip(four, data, N_PARTS) && read_back(four, data, N_PARTS),
		  "a workbook after one given up");
	pii_xlsx_zip_release();

	for (size_t i = 0; i < N_PARTS; i++)
		free(data[i]);
	unlink(one);
	unlink(four);
	unlink(plain);
	rmdir(dir);
}
