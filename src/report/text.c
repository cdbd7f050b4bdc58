/*
 * text.c - the inventory as a table to read on a terminal (--format text,
 * and -o - when standard output is one), for a quick look at a folder
 * without opening the workbook. Grouped as ripgrep groups its matches:
 * the path of each file with findings, then a line per location x rule
 * (where in the file, the rule, the count, the confidence, the example,
 * masked unless --show-values), a blank line; at the end the files not
 * read whole and the run's figures. Colour only on a terminal.
 */
#include "pii_writer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pii_report.h"
#include "pii_rowstore.h"
#include "pii_stop.h"

/* Errors rows listed at the end: enough to see what went wrong on a
 * folder; a share's thousands are for the workbook and the JSON. */
#define TEXT_ERRORS_LISTED 20

/* A location wider than this does not widen its column: one long JSON
 * key would push every other row of the file off the screen. */
#define TEXT_LOCATION_WIDTH 48

#define SGR_PATH "\033[1;35m" /* bold magenta, as ripgrep's paths */
#define SGR_BOLD "\033[1m"
#define SGR_OFF "\033[0m"

enum { C_LOCATION, C_RULE, C_COUNT, C_CONFIDENCE, C_EXAMPLE, N_CELLS };

struct table {
	const struct pii_inventory *inv;
	enum pii_lang lang;
	bool colour;
	struct pii_buf out;          /* written out in pieces */
	struct pii_buf cell[N_CELLS]; /* one row's, as shown */
	struct pii_buf scratch;
	size_t width[N_CELLS];       /* of the file's group */
	/* the rows of the location path being read, copied: the reader
	 * hands out one at a time, and the group is laid out twice */
	struct pii_inv_row *group;
	size_t n_group, cap_group;
	struct pii_arena group_arena;
	const struct pii_inv_file *group_file;
	bool any;                    /* a group was written */
	bool oom;
};

/* Adds r to the group being gathered (the rows of one path). */
static void gather(struct table *t, const struct pii_inv_row *r)
{
	if (t->n_group == t->cap_group) {
		size_t cap = t->cap_group ? t->cap_group * 2 : 16;
		struct pii_inv_row *grown = realloc(t->group, cap * sizeof(*grown));
		if (!grown) {
			t->oom = true;
			return;
		}
		t->group = grown;
		t->cap_group = cap;
	}
	if (!t->n_group || strcmp(t->group_file->path, r->file->path))
		t->group_file = pii_inv_file_copy(&t->group_arena, r->file);
	const struct pii_inv_row *prev = t->n_group ? &t->group[t->n_group - 1] : NULL;
	if (!t->group_file ||
	    !pii_inv_row_copy(&t->group_arena, &t->group[t->n_group], r, prev, t->group_file))
		t->oom = true;
	else
		t->n_group++;
}

/* Colour as ripgrep gives it: on a terminal that can show it, unless
 * NO_COLOR (no-color.org) is set, or --color says otherwise; never in a
 * file, whatever --color says. */
static bool use_colour(const struct pii_options *opt, FILE *f)
{
	if (f != stdout || opt->color == PII_COLOR_NEVER)
		return false;
	if (opt->color == PII_COLOR_ALWAYS)
		return true;
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
	return isatty(fileno(f)) && !(no && *no) && term && *term && strcmp(term, "dumb");
}

/* Characters, not bytes: the columns line up under UTF-8 names. */
static size_t chars_of(const struct pii_buf *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->len; i++)
		n += ((unsigned char)b->data[i] & 0xC0) != 0x80;
	return n;
}

/* Appends s as a terminal may show it: pii_escape_display's escapes
 * (control characters, invalid UTF-8), and also the C1 controls
 * (U+0080 to U+009F: U+009B starts an escape sequence on some terminals)
 * and the bidirectional overrides and isolates (they reorder the rest of
 * the line), so that no name or value can move the cursor, change the
 * colours or disguise itself. */
static void put_shown(struct pii_buf *out, struct pii_buf *scratch, const char *s)
{
	if (!s)
		return;
	scratch->len = 0;
	pii_escape_display(scratch, s, strlen(s));
	const unsigned char *p = (const unsigned char *)pii_buf_cstr(scratch);
	size_t n = scratch->len, from = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned cp = 0;
		size_t len = 0;
		if (p[i] == 0xC2 && i + 1 < n && p[i + 1] <= 0x9F) {
			cp = p[i + 1];
			len = 2;
		} else if (p[i] == 0xE2 && i + 2 < n &&
			   ((p[i + 1] == 0x80 && p[i + 2] >= 0xAA && p[i + 2] <= 0xAE) ||
			    (p[i + 1] == 0x81 && p[i + 2] >= 0xA6 && p[i + 2] <= 0xA9))) {
			cp = 0x2000u | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
			len = 3;
		}
		if (!len)
			continue;
		pii_buf_append(out, p + from, i - from);
		pii_buf_printf(out, "\\u%04X", cp);
		from = i + len;
		i += len - 1;
	}
	pii_buf_append(out, p + from, n - from);
}

/* Where in its file a row is, outer to inner: "EXIF, artist",
 * "sheet.column", a JSON key; empty for the file as a whole. */
static void put_location(struct table *t, const struct pii_inv_row *r)
{
	struct pii_buf *b = &t->cell[C_LOCATION];
	if (r->part)
		put_shown(b, &t->scratch, r->part);
	if ((r->table || r->column) && b->len)
		pii_buf_puts(b, ", ");
	put_shown(b, &t->scratch, r->table);
	if (r->table && r->column)
		pii_buf_putc(b, '.');
	put_shown(b, &t->scratch, r->column);
	if (r->key && b->len)
		pii_buf_puts(b, ", ");
	put_shown(b, &t->scratch, r->key);
}

static void fill_cells(struct table *t, const struct pii_inv_row *r)
{
	const struct pii_report_id *rep = &t->inv->rules->reports[r->report];
	for (size_t i = 0; i < N_CELLS; i++)
		t->cell[i].len = 0;
	put_location(t, r);
	put_shown(&t->cell[C_RULE], &t->scratch, rep->name);
	const char *special = pii_label_special(t->lang, rep->special);
	if (special)
		pii_buf_printf(&t->cell[C_RULE], " (%s)", special);
	pii_buf_printf(&t->cell[C_COUNT], "%llu", (unsigned long long)r->count);
	pii_buf_puts(&t->cell[C_CONFIDENCE], pii_label_confidence(t->lang, r->confidence));
	put_shown(&t->cell[C_EXAMPLE], &t->scratch, r->example);
}

/* Appends a cell padded to width (the last one is not), in colour sgr
 * when the table has colour. */
static void put_cell(struct table *t, size_t c, const char *sgr, bool right)
{
	const struct pii_buf *b = &t->cell[c];
	size_t chars = chars_of(b);
	size_t pad = t->width[c] > chars ? t->width[c] - chars : 0;
	if (right)
		pii_buf_printf(&t->out, "%*s", (int)pad, "");
	if (sgr && t->colour)
		pii_buf_puts(&t->out, sgr);
	pii_buf_append(&t->out, b->data, b->len);
	if (sgr && t->colour)
		pii_buf_puts(&t->out, SGR_OFF);
	if (!right && c != C_EXAMPLE)
		pii_buf_printf(&t->out, "%*s", (int)pad, "");
}

/* The rows of one path gathered: the path, then a line each. */
static void put_group(struct table *t)
{
	const struct pii_inv_row *rows = t->group;
	size_t from = 0, to = t->n_group;
	if (!to)
		return;
	memset(t->width, 0, sizeof(t->width));
	for (size_t i = from; i < to; i++) {
		fill_cells(t, &rows[i]);
		for (size_t c = 0; c < N_CELLS; c++) {
			size_t chars = chars_of(&t->cell[c]);
			if (c == C_LOCATION && chars > TEXT_LOCATION_WIDTH)
				chars = TEXT_LOCATION_WIDTH;
			if (chars > t->width[c])
				t->width[c] = chars;
		}
	}
	if (t->any)
		pii_buf_putc(&t->out, '\n');
	t->any = true;
	if (t->colour)
		pii_buf_puts(&t->out, SGR_PATH);
	put_shown(&t->out, &t->scratch, rows[from].path);
	if (t->colour)
		pii_buf_puts(&t->out, SGR_OFF);
	pii_buf_putc(&t->out, '\n');
	for (size_t i = from; i < to; i++) {
		fill_cells(t, &rows[i]);
		pii_buf_puts(&t->out, "  ");
		if (t->width[C_LOCATION]) {
			put_cell(t, C_LOCATION, NULL, false);
			pii_buf_puts(&t->out, "  ");
		}
		put_cell(t, C_RULE, NULL, false);
		pii_buf_puts(&t->out, "  ");
		put_cell(t, C_COUNT, SGR_BOLD, true);
		pii_buf_puts(&t->out, "  ");
		put_cell(t, C_CONFIDENCE, NULL, false);
		if (t->cell[C_EXAMPLE].len) {
			pii_buf_puts(&t->out, "  ");
			put_cell(t, C_EXAMPLE, NULL, false);
		} else {
			/* no example: no padding left at the end of the line */
			while (t->out.len && t->out.data[t->out.len - 1] == ' ')
				t->out.len--;
		}
		pii_buf_putc(&t->out, '\n');
	}
}

/* The Errors rows, the first few of them, and the run's figures. */
static void put_end(struct table *t)
{
	const struct pii_inventory *inv = t->inv;
	enum pii_lang lang = t->lang;
	uint64_t errors = inv->n_problems + inv->problems_dropped;
	if (inv->n_rows)
		pii_buf_putc(&t->out, '\n');
	if (errors) {
		pii_buf_printf(&t->out, "%s\n", pii_label(lang, PII_L_TEXT_NOT_READ));
		size_t listed = inv->n_problems < TEXT_ERRORS_LISTED ? inv->n_problems
								   : TEXT_ERRORS_LISTED;
		for (size_t i = 0; i < listed; i++) {
			pii_buf_puts(&t->out, "  ");
			put_shown(&t->out, &t->scratch, inv->problems[i].path);
			pii_buf_puts(&t->out, ": ");
			put_shown(&t->out, &t->scratch, inv->problems[i].reason);
			pii_buf_putc(&t->out, '\n');
		}
		if (errors > listed) {
			pii_buf_puts(&t->out, "  ");
			pii_buf_printf(&t->out, pii_label(lang, PII_L_TEXT_MORE_ERRORS),
				       (unsigned long long)(errors - listed));
			pii_buf_putc(&t->out, '\n');
		}
		pii_buf_putc(&t->out, '\n');
	}
	if (inv->interrupted) {
		pii_buf_printf(&t->out, pii_label(lang, PII_L_SUM_INCOMPLETE),
			       pii_signal_name(inv->interrupted));
		pii_buf_putc(&t->out, '\n');
	}
	struct pii_file_figures ff;
	pii_inventory_file_figures(inv, &ff);
	pii_buf_printf(&t->out, pii_label_n(lang, PII_L_TEXT_SEEN, ff.seen),
		       (unsigned long long)ff.seen);
	pii_buf_printf(&t->out, pii_label(lang, PII_L_TEXT_WITH_DATA),
		       (unsigned long long)ff.with_data);
	pii_buf_printf(&t->out, pii_label_n(lang, PII_L_TEXT_COUNTED, inv->findings_total),
		       (unsigned long long)inv->findings_total);
	if (inv->findings_uncounted)
		pii_buf_printf(&t->out, pii_label(lang, PII_L_RUN_UNCOUNTED),
			       (unsigned long long)inv->findings_uncounted);
	pii_buf_printf(&t->out, pii_label_n(lang, PII_L_TEXT_ERRORS, errors),
		       (unsigned long long)errors);
	pii_buf_putc(&t->out, '\n');
}

/* Writes what is buffered once it is big: a share's table is not kept
 * whole in memory. */
static bool spill(struct table *t, size_t at_least, FILE *f)
{
	bool oom = t->out.oom || t->scratch.oom;
	for (size_t i = 0; i < N_CELLS; i++)
		oom |= t->cell[i].oom;
	if (oom) {
		errno = ENOMEM;
		return false;
	}
	if (t->out.len < at_least)
		return true;
	bool ok = fwrite(t->out.data, 1, t->out.len, f) == t->out.len;
	t->out.len = 0;
	return ok;
}

static enum pii_status text_commit(const struct pii_inventory *inv, const char *path, FILE *f,
				   char *why, size_t whylen)
{
	(void)path;
	struct table t = {
		.inv = inv,
		.lang = inv->opt->lang,
		.colour = use_colour(inv->opt, f),
	};
	bool ok = true;
	/* rows are sorted by path: a path's are together */
	struct pii_rowcursor *c = pii_rowcursor_open(inv->store);
	const struct pii_inv_row *r;
	while (ok && c && (r = pii_rowcursor_next(c))) {
		if (t.n_group && strcmp(t.group[0].path, r->path)) {
			put_group(&t);
			t.n_group = 0;
			pii_arena_reset(&t.group_arena);
			ok = spill(&t, 65536, f);
		}
		gather(&t, r);
	}
	put_group(&t);
	ok = pii_rowcursor_done(c, why, whylen) && ok && !t.oom;
	if (ok) {
		put_end(&t);
		ok = spill(&t, 0, f);
	}
	for (size_t i = 0; i < N_CELLS; i++)
		pii_buf_free(&t.cell[i]);
	pii_buf_free(&t.scratch);
	pii_buf_free(&t.out);
	free(t.group);
	pii_arena_free(&t.group_arena);
	return ok && !ferror(f) ? PII_OK : PII_EFATAL;
}

static const char *const extensions[] = {"text", NULL};

const struct pii_writer pii_writer_text = {
	.name = "text",
	.extensions = extensions,
	.to_stdout = true,
	.commit = text_commit,
};
