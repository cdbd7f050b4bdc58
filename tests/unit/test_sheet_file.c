/*
 * A sheet's rows file handed to the workbook's close as a stream that
 * frees what it has read (src/report/sheet_file.c): it reads back every
 * byte the library wrote, gives the disk back behind it where the file
 * system can punch holes, and refuses, and tells, a read back over what
 * it freed or a write.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/book.h"
#include "test.h"

/* Whether the file system of dir frees punched blocks. */
static bool punches(const char *dir)
{
	char probe[80];
	snprintf(probe, sizeof(probe), "%s/probe", dir);
	int fd = open(probe, O_RDWR | O_CREAT | O_TRUNC, 0600);
	bool ok = fd >= 0 && pwrite(fd, "x", 1, 0) == 1 &&
		  fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 1) == 0;
	if (fd >= 0)
		close(fd);
	unlink(probe);
	return ok;
}

void test_sheet_file(void)
{
	char dir[] = "/tmp/piiscan-sheetfile.XXXXXX", path[64];
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/t.xlsx", dir);
	lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = dir};
	lxw_workbook *wb = workbook_new_opt(path, &options);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	lxw_worksheet *empty = workbook_add_worksheet(wb, NULL);
	CHECK(wb && ws && empty);
	/* some 6 MB of rows, the last still in the library's hand */
	char text[200];
	for (lxw_row_t row = 0; row < 30000; row++) {
		snprintf(text, sizeof(text), "row %u of the sheet, long enough to fill megabytes", row);
		worksheet_write_string(ws, row, 0, text, NULL);
		worksheet_write_number(ws, row, 1, row, NULL);
	}
	FILE *rows = ws->optimize_tmpfile;
	int fd = fileno(rows);

	int err = 0;
	pii_sheet_file_read_once(empty, &err);
	CHECK_MSG(empty->optimize_tmpfile == empty->file && err == 0,
		  "a sheet without cells is left as it is: the library never reads its file");

	pii_sheet_file_read_once(ws, &err);
	CHECK(ws->optimize_tmpfile != rows && ws->file == ws->optimize_tmpfile && err == 0);
	/* what the library wrote, last row included, read behind the stream */
	struct stat st;
	CHECK(fstat(fd, &st) == 0 && st.st_size > (3 << 20));
	char *want = malloc((size_t)st.st_size), *got = malloc((size_t)st.st_size + 1);
	CHECK(pread(fd, want, (size_t)st.st_size, 0) == st.st_size);
	CHECK(memmem(want, (size_t)st.st_size, "row 29999 of", 12) != NULL);
	bool holes = punches(dir);

	/* as the close reads it: flush, rewind, freads to the end */
	FILE *s = ws->optimize_tmpfile;
	CHECK(fflush(s) == 0);
	rewind(s);
	/* partway, just past the second megabyte: a step back of a stdio
	 * buffer or two finds its bytes still there */
	size_t n = fread(got, 1, (2 << 20) + 8192, s), k;
	CHECK_U64(n, (2 << 20) + 8192);
	CHECK_MSG(fseek(s, -16384, SEEK_CUR) == 0 && err == 0, "a step back: err %d", err);
	n -= 16384;
	while ((k = fread(got + n, 1, 4096, s)) > 0)
		n += k;
	CHECK_U64(n, st.st_size);
	CHECK(memcmp(got, want, (size_t)st.st_size) == 0);
	CHECK(err == 0);

	struct stat after;
	CHECK(fstat(fd, &after) == 0 && after.st_size == st.st_size);
	if (holes)
		CHECK_MSG((off_t)after.st_blocks * 512 < (st.st_size & ~(((off_t)1 << 20) - 1)) / 2,
			  "read to the end, the file keeps %lld of %lld bytes on disk",
			  (long long)after.st_blocks * 512, (long long)st.st_size);
	else
		fprintf(stderr, "sheet_file: this file system does not punch holes: freeing not checked\n");

	/* back to the start, over what is freed: refused and told */
	if (holes) {
		CHECK(fseek(s, 0, SEEK_SET) != 0);
		CHECK_U64(err, ESPIPE);
	}
	err = 0;
	CHECK(fputc('x', s) == EOF || fflush(s) != 0);
	CHECK_MSG(err == EBADF, "a write is refused and told: err %d", err);

	/* closing the stream closes the library's file */
	CHECK(fclose(s) == 0);
	CHECK(fcntl(fd, F_GETFD) == -1 && errno == EBADF);
	ws->optimize_tmpfile = ws->file = NULL;
	lxw_workbook_free(wb);
	free(want);
	free(got);
	/* the empty sheet's file is the library's to leak, as it does */
	rmdir(dir);
}
