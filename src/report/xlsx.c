/*
 * xlsx.c - the inventory workbook (libxlsxwriter, constant-memory mode:
 * rows go to disk as they are written, so memory does not grow with the
 * number of rows): its formats, then the sheets of sheets.def that this
 * run wants. Cells are written by book.c (the Inventory's rows by
 * book_rows.c), never as formulas; before the close, the sheets' files
 * are handed over to be freed as they are read (sheet_file.c) and the
 * zip's buffers made (zip_deflate.c).
 */
#include "book.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/statvfs.h>

#include "pii_version.h"
#include "pii_writer.h"

/* The sheets, in the workbook's order; each says when it is wanted. */
static const struct pii_sheet *const sheets[] = {
#define PII_SHEET(name) &pii_sheet_##name,
#include "report/sheets.def"
#undef PII_SHEET
};

/* libxlsxwriter does not check its writes to the temporary files that
 * hold the sheets' rows (in TMPDIR, else /tmp): a full disk there gave a
 * workbook without rows, and no error. So: every write of those files
 * must have gone through, and the disk must hold the largest sheet once
 * more, which libxlsxwriter writes there again as it zips each sheet.
 * false with the reason in err. */
static bool temp_space_ok(lxw_workbook *wb, char *err, size_t errlen)
{
	lxw_worksheet *ws;
	long largest = 0;
	FILE *largest_file = NULL;
	LXW_FOREACH_WORKSHEET(ws, wb) {
		FILE *f = ws->optimize_tmpfile;
		if (!f)
			continue;
		errno = 0;
		if (fflush(f) != 0 || ferror(f)) {
			snprintf(err, errlen, "cannot write the workbook's temporary files "
				 "(in TMPDIR, else /tmp): %s", strerror(errno ? errno : EIO));
			return false;
		}
		long size = ftell(f);
		if (size > largest) {
			largest = size;
			largest_file = f;
		}
	}
	struct statvfs vfs;
	if (!largest_file || fstatvfs(fileno(largest_file), &vfs) != 0)
		return true; /* nothing to tell */
	/* the sheet again, with its head, its last row and the small parts:
	 * a margin of 1% and 64 KB */
	double need = (double)largest * 1.01 + (64 << 10);
	double free_bytes = (double)vfs.f_bavail * (double)vfs.f_frsize;
	if (free_bytes < need) {
		snprintf(err, errlen, "the workbook's temporary files (in TMPDIR, else /tmp) need "
			 "%.0f MB more, and their disk has %.0f MB free: set TMPDIR to a "
			 "folder on a larger disk", need / 1e6, free_bytes / 1e6);
		return false;
	}
	return true;
}

static enum pii_status xlsx_commit(const struct pii_inventory *inv, const char *path, FILE *f,
				   char *err, size_t errlen)
{
	lxw_workbook_options options = {.constant_memory = LXW_TRUE};
	struct book b = {.lang = inv->opt->lang};
	b.wb = workbook_new_opt(path, &options);
	if (!b.wb) {
		snprintf(err, errlen, "cannot create the workbook: %s", strerror(errno ? errno : EIO));
		return PII_EFATAL;
	}
	b.title = workbook_add_format(b.wb);
	format_set_bold(b.title);
	format_set_font_size(b.title, 14);
	b.header = workbook_add_format(b.wb);
	format_set_bold(b.header);
	format_set_bg_color(b.header, 0xDDE7F0);
	format_set_bottom(b.header, LXW_BORDER_THIN);
	b.bold = workbook_add_format(b.wb);
	format_set_bold(b.bold);
	b.date = workbook_add_format(b.wb);
	format_set_num_format(b.date, "yyyy-mm-dd hh:mm:ss");
	format_set_align(b.date, LXW_ALIGN_LEFT);
	b.integer = workbook_add_format(b.wb);
	format_set_num_format(b.integer, "#,##0");
	b.about = workbook_add_format(b.wb);
	format_set_num_format(b.about, "\"about \"#,##0");
	b.percent = workbook_add_format(b.wb);
	format_set_num_format(b.percent, "0.0%");
	b.spill = workbook_add_format(b.wb);
	b.wrap = workbook_add_format(b.wb);
	format_set_text_wrap(b.wrap);
	format_set_align(b.wrap, LXW_ALIGN_VERTICAL_TOP);
	b.warn = workbook_add_format(b.wb);
	format_set_bold(b.warn);
	format_set_font_color(b.warn, LXW_COLOR_RED);

	char title[80];
	snprintf(title, sizeof(title), "%s", pii_label(b.lang, PII_L_BOOK_TITLE));
	lxw_doc_properties props = {
		.title = title,
		.subject = "piiscan scan results",
		.comments = "Created by piiscan " PII_VERSION,
	};
	pii_book_note(&b, workbook_set_properties(b.wb, &props));

	for (size_t i = 0; i < sizeof(sheets) / sizeof(sheets[0]); i++) {
		if (!sheets[i]->wanted(inv))
			continue;
		const char *name = pii_label(b.lang, sheets[i]->name);
		lxw_worksheet *ws = pii_book_add_sheet(&b, name, inv);
		if (ws) {
			sheets[i]->write(&b, ws, inv);
			pii_book_fit_columns(&b, ws);
		}
	}
	pii_buf_free(&b.tmp);
	pii_book_direct_free(&b.direct);

	if (!temp_space_ok(b.wb, err, errlen)) {
		lxw_workbook_free(b.wb); /* freed unwritten: no workbook made */
		return PII_EFATAL;
	}
	if (!pii_xlsx_zip_prepare(inv->opt->threads)) {
		lxw_workbook_free(b.wb);
		snprintf(err, errlen, "%s", strerror(ENOMEM));
		return PII_EFATAL;
	}
	lxw_worksheet *ws;
	LXW_FOREACH_WORKSHEET(ws, b.wb)
		pii_sheet_file_read_once(ws, &b.sheet_file_errno);
	errno = 0;
	lxw_error close_err = workbook_close(b.wb);
	int close_errno = errno;
	pii_xlsx_zip_release();
	if (b.err == LXW_NO_ERROR)
		b.err = close_err;
	if (b.sheet_file_errno) {
		snprintf(err, errlen, "the sheets' rows could not be read back from their "
			 "temporary files (in TMPDIR, else /tmp): %s", strerror(b.sheet_file_errno));
		return PII_EFATAL;
	}
	if (b.rows_errno) {
		snprintf(err, errlen, "the inventory's rows could not be read back from their "
			 "temporary file (in TMPDIR, else /tmp): %s", strerror(b.rows_errno));
		return PII_EFATAL;
	}
	if (b.err != LXW_NO_ERROR) {
		/* A full disk or a size limit shows as a zip error: the system's
		 * own words say more. The temporary name means nothing to a user. */
		if (b.err == LXW_ERROR_ZIP_FILE_OPERATION || close_errno)
			snprintf(err, errlen, "%s", strerror(close_errno ? close_errno : EIO));
		else
			snprintf(err, errlen, "%s", lxw_strerror(b.err));
		return PII_EFATAL;
	}
	return PII_OK;
}

static const char *const extensions[] = {"xlsx", NULL};

const struct pii_writer pii_writer_xlsx = {
	.name = "xlsx",
	.extensions = extensions,
	.lists_findings = true,
	.by_name = true,
	.commit = xlsx_commit,
};
