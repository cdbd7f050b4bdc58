/*
 * sheet_file.c - a sheet's rows, on disk, given back as the workbook's
 * close reads them.
 *
 * In constant-memory mode libxlsxwriter keeps a sheet's rows in a
 * temporary file; when the workbook is closed it copies them, between
 * the sheet's head and tail, into a second temporary file, which it then
 * zips. For a million Inventory rows both files hold about a gigabyte,
 * and both stay until the workbook is written: twice the disk, and twice
 * the page cache the system has to find room for, where one would do.
 * So before the close each sheet's rows file is handed to the library as
 * a stream that reads the same file and frees (punches out) what it has
 * read; the copy then takes the room the rows give up.
 *
 * The library reads that file once, front to back. Should it ever go
 * back over what is already freed, the stream refuses and says so, and
 * the workbook fails rather than come out without its rows.
 */
#include "book.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Freed a megabyte at a time: fewer calls, the same room. */
#define FREE_STEP ((off_t)1 << 20)
/* Kept behind the read: more than a stdio buffer. */
#define FREE_LAG ((off_t)64 << 10)

struct read_once {
	FILE *file;  /* the library's, closed with the stream */
	int fd;
	off_t pos;   /* where reading is */
	off_t freed; /* given back below here */
	int *err;    /* where a refusal or a read error is told */
};

static void tell(struct read_once *r, int e)
{
	if (!*r->err)
		*r->err = e;
}

static ssize_t once_read(void *cookie, char *buf, size_t size)
{
	struct read_once *r = cookie;
	ssize_t n;
	do
		n = pread(r->fd, buf, size, r->pos);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		tell(r, errno);
		return -1;
	}
	r->pos += n;
	/* a little behind the read: stdio may step back over what it holds
	 * unread in its buffer */
	off_t upto = (r->pos > FREE_LAG ? r->pos - FREE_LAG : 0) & ~(FREE_STEP - 1);
	/* where the file system cannot punch holes, nothing is freed and
	 * the stream is a plain reader */
	if (upto > r->freed &&
	    fallocate(r->fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, r->freed,
		      upto - r->freed) == 0)
		r->freed = upto;
	return n;
}

static ssize_t once_write(void *cookie, const char *buf, size_t size)
{
	(void)buf;
	(void)size;
	tell(cookie, EBADF); /* the rows were all written before the close */
	errno = EBADF;
	return -1;
}

static int once_seek(void *cookie, off64_t *offset, int whence)
{
	struct read_once *r = cookie;
	off_t to = *offset;
	if (whence == SEEK_CUR) {
		to += r->pos;
	} else if (whence == SEEK_END) {
		struct stat st;
		if (fstat(r->fd, &st) != 0)
			return -1;
		to += st.st_size;
	}
	if (to < r->freed || to < 0) {
		/* back over what is given back: refused, and told */
		tell(r, ESPIPE);
		errno = ESPIPE;
		return -1;
	}
	r->pos = to;
	*offset = to;
	return 0;
}

static int once_close(void *cookie)
{
	struct read_once *r = cookie;
	int rc = fclose(r->file);
	free(r);
	return rc;
}

void pii_sheet_file_read_once(lxw_worksheet *ws, int *err)
{
	FILE *f = ws->optimize_tmpfile;
	/* a sheet without a cell: the library never reads its file */
	if (!f || ws->file != f || !ws->optimize_row || ws->dim_rowmin == LXW_ROW_MAX)
		return;
	/* the row in hand goes to the file now, not to the stream */
	lxw_worksheet_write_single_row(ws);
	if (fflush(f) != 0)
		return;
	struct read_once *r = calloc(1, sizeof(*r));
	if (!r)
		return;
	*r = (struct read_once){.file = f, .fd = fileno(f), .err = err};
	cookie_io_functions_t io = {
		.read = once_read, .write = once_write, .seek = once_seek, .close = once_close};
	/* open for writing too: a stray write reaches once_write and is told */
	FILE *stream = fopencookie(r, "r+", io);
	if (!stream) {
		free(r);
		return;
	}
	ws->optimize_tmpfile = ws->file = stream;
}
