/*
 * csv.c - the inventory rows as CSV (RFC 4180).
 */
#include "pii_writer.h"

#include "pii_report.h"
#include "pii_rowstore.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

/* Appends one field: escaped for display, guarded against formula
 * injection (a leading =, +, -, @, tab or CR makes spreadsheets run the
 * cell as a formula, so it gets a leading apostrophe), and quoted when it
 * holds a comma, quote or line break. */
static bool put_field(struct pii_buf *line, const char *s, bool first)
{
	struct pii_buf esc = {0};
	if (!first && !pii_buf_putc(line, ','))
		return false;
	if (!s || !*s)
		return true;
	if (strchr("=+-@\t\r", s[0]) && !pii_buf_putc(&esc, '\''))
		return false;
	if (!pii_escape_display(&esc, s, strlen(s))) {
		pii_buf_free(&esc);
		return false;
	}
	const char *e = pii_buf_cstr(&esc);
	bool quote = strpbrk(e, ",\"\r\n") != NULL;
	bool ok = !quote || pii_buf_putc(line, '"');
	for (const char *p = e; ok && *p; p++) {
		if (*p == '"')
			ok = pii_buf_putc(line, '"');
		if (ok)
			ok = pii_buf_putc(line, *p);
	}
	if (ok && quote)
		ok = pii_buf_putc(line, '"');
	pii_buf_free(&esc);
	return ok;
}

static bool put_num(struct pii_buf *line, uint64_t v)
{
	return pii_buf_printf(line, ",%" PRIu64, v);
}

static const char *const header[] = {
	"file", "table", "column", "key", "part", "rule", "category",
	"confidence", "count", "distinct", "rows", "rows_with", "high", "medium", "low", "example",
	"file_size", "owner", "modified", "type", "special", "deletion_candidate",
	"contact_list", "system", "verdict", "note", "row_key", NULL,
};

/* Writes out the lines gathered in line; false when that failed. */
static bool put_lines(struct pii_buf *line, FILE *f)
{
	if (line->oom) {
		errno = ENOMEM;
		return false;
	}
	if (line->len && fwrite(line->data, 1, line->len, f) != line->len)
		return false;
	line->len = 0;
	return true;
}

static enum pii_status csv_commit(const struct pii_inventory *inv, const char *path, FILE *f,
				  char *why, size_t whylen)
{
	struct pii_buf line = {0};
	for (size_t i = 0; header[i]; i++)
		pii_buf_printf(&line, "%s%s", i ? "," : "", header[i]);
	pii_buf_puts(&line, "\r\n");
	struct pii_rowcursor *c = pii_rowcursor_open(inv->store);
	const struct pii_inv_row *r;
	bool ok = true;
	while (c && (r = pii_rowcursor_next(c))) {
		const struct pii_report_id *rep = &inv->rules->reports[r->report];
		char mtime[32];
		pii_format_mtime(r->file->mtime, mtime, sizeof(mtime));
		put_field(&line, r->path, true);
		put_field(&line, r->table, false);
		put_field(&line, r->column, false);
		put_field(&line, r->key, false);
		put_field(&line, r->part, false);
		put_field(&line, rep->name, false);
		put_field(&line, rep->category, false);
		put_field(&line, pii_confidence_name(r->confidence), false);
		put_num(&line, r->count);
		put_num(&line, r->distinct);
		if (r->rows_scanned) {
			put_num(&line, r->rows_scanned);
			put_num(&line, r->rows_with);
		} else {
			pii_buf_puts(&line, ",,");
		}
		put_num(&line, r->by_confidence[PII_CONF_HIGH]);
		put_num(&line, r->by_confidence[PII_CONF_MEDIUM]);
		put_num(&line, r->by_confidence[PII_CONF_LOW]);
		put_field(&line, r->example, false);
		put_num(&line, r->file->size);
		put_field(&line, pii_inv_file_owner(r->file), false);
		put_field(&line, mtime, false);
		put_field(&line, r->file->type, false);
		int special = inv->rules->reports[r->report].special;
		put_field(&line, pii_special_name(special), false);
		put_field(&line, r->stale ? "yes" : NULL, false);
		if (r->contact_list)
			put_num(&line, r->contact_list);
		else
			pii_buf_putc(&line, ',');
		put_field(&line, r->system < inv->n_systems ? inv->systems[r->system].name : NULL,
			  false);
		put_field(&line, r->review ? pii_verdict_code(r->review->verdict) : NULL, false);
		put_field(&line, r->review ? r->review->note : NULL, false);
		pii_buf_printf(&line, ",%016" PRIx64, r->row_key);
		pii_buf_puts(&line, "\r\n");
		if (line.len > 65536 && !(ok = put_lines(&line, f)))
			break;
	}
	ok = pii_rowcursor_done(c, why, whylen) && ok && put_lines(&line, f);
	pii_buf_free(&line);
	return ok ? PII_OK : PII_EFATAL;
}

static const char *const extensions[] = {"csv", NULL};

const struct pii_writer pii_writer_csv = {
	.name = "csv",
	.extensions = extensions,
	.to_stdout = true,
	.commit = csv_commit,
};
