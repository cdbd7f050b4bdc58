/*
 * xlsx_read.c - the cells of an xlsx worksheet, row by row
 * (pii_xlsx_read.h): libarchive for the zip, libxml2's SAX parser
 * (pii_xml.h) for the parts.
 *
 * A workbook names its sheets in xl/workbook.xml, each with a
 * relationship id that xl/_rels/workbook.xml.rels maps to its part;
 * text cells mostly point into xl/sharedStrings.xml. Excel, LibreOffice
 * and openpyxl all write it so; inline strings (t="inlineStr") and
 * formula strings (t="str") are read too.
 */
#include "pii_xlsx_read.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pii_xml.h"

/* No part read into memory may be larger: a workbook of 1,048,576 rows
 * of paths has shared strings of some hundreds of MiB. */
#define PART_MAX ((size_t)1 << 30)

struct sheet {
	char *name, *rid, *part;
};

struct pii_xlsx {
	char *path;
	struct sheet *sheets;
	size_t n_sheets;
	char **strings; /* shared strings */
	size_t n_strings, cap_strings;
};

/* ---- reading parts of the zip --------------------------------------------------------- */

static struct archive *zip_open(const char *path)
{
	struct archive *a = archive_read_new();
	if (!a)
		return NULL;
	archive_read_support_format_zip(a);
	if (archive_read_open_filename(a, path, 65536) != ARCHIVE_OK) {
		archive_read_free(a);
		return NULL;
	}
	return a;
}

/* Feeds the part named name to the parser (or, x NULL, into buf). */
static enum pii_status read_part(const char *path, const char *name, struct pii_xml *x,
				 struct pii_buf *buf, bool *found, char *err, size_t errlen)
{
	*found = false;
	struct archive *a = zip_open(path);
	if (!a) {
		pii_set_error(err, errlen, "'%s' is not an xlsx workbook (not a zip file)", path);
		return PII_EFATAL;
	}
	struct archive_entry *e;
	enum pii_status st = PII_OK;
	int r;
	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
		const char *n = archive_entry_pathname(e);
		if (!n || strcmp(n[0] == '/' ? n + 1 : n, name))
			continue;
		*found = true;
		char chunk[65536];
		la_ssize_t got;
		size_t total = 0;
		while ((got = archive_read_data(a, chunk, sizeof(chunk))) > 0) {
			total += (size_t)got;
			if (total > PART_MAX) {
				pii_set_error(err, errlen, "'%s': part %s is too large", path, name);
				st = PII_EFATAL;
				break;
			}
			if (x ? !pii_xml_feed(x, chunk, (size_t)got)
			      : !pii_buf_append(buf, chunk, (size_t)got)) {
				pii_set_error(err, errlen, "'%s': part %s cannot be read%s", path, name,
					      x ? " (not well-formed XML)" : " (out of memory)");
				st = PII_EFATAL;
				break;
			}
		}
		if (st == PII_OK && got < 0) {
			pii_set_error(err, errlen, "'%s': part %s: %s", path, name,
				      archive_error_string(a));
			st = PII_EFATAL;
		}
		break;
	}
	if (r != ARCHIVE_OK && r != ARCHIVE_EOF && !*found) {
		pii_set_error(err, errlen, "'%s' is not an xlsx workbook: %s", path,
			      archive_error_string(a));
		st = PII_EFATAL;
	}
	archive_read_free(a);
	return st;
}

/* Parses part name with events ev; a missing part is fine when optional. */
static enum pii_status parse_part(const char *path, const char *name,
				  const struct pii_xml_events *ev, bool optional, char *err,
				  size_t errlen)
{
	struct pii_xml *x = pii_xml_new(ev, false);
	if (!x) {
		pii_set_error(err, errlen, "out of memory");
		return PII_EFATAL;
	}
	bool found;
	enum pii_status st = read_part(path, name, x, NULL, &found, err, errlen);
	if (st == PII_OK && found && !pii_xml_finish(x)) {
		pii_set_error(err, errlen, "'%s': part %s is not well-formed XML", path, name);
		st = PII_EFATAL;
	}
	if (st == PII_OK && !found && !optional) {
		pii_set_error(err, errlen, "'%s' is not an xlsx workbook (no %s)", path, name);
		st = PII_EFATAL;
	}
	pii_xml_free(x);
	return st;
}

static const char *attr(const char *const *attrs, const char *name)
{
	for (size_t i = 0; attrs && attrs[i]; i += 2)
		if (!strcmp(attrs[i], name))
			return attrs[i + 1];
	return NULL;
}

/* ---- the sheet list ----------------------------------------------------------------- */

struct list_ctx {
	struct pii_xlsx *x;
	bool oom;
};

static void workbook_start(void *ctx, const char *name, const char *const *attrs)
{
	struct list_ctx *c = ctx;
	const char *sheet = attr(attrs, "name"), *rid = attr(attrs, "id");
	if (strcmp(name, "sheet") || !sheet || !rid)
		return;
	struct sheet *grown = realloc(c->x->sheets, (c->x->n_sheets + 1) * sizeof(*grown));
	if (!grown) {
		c->oom = true;
		return;
	}
	c->x->sheets = grown;
	struct sheet *s = &grown[c->x->n_sheets++];
	s->name = strdup(sheet);
	s->rid = strdup(rid);
	s->part = NULL;
	c->oom |= !s->name || !s->rid;
}

static void rels_start(void *ctx, const char *name, const char *const *attrs)
{
	struct list_ctx *c = ctx;
	const char *id = attr(attrs, "Id"), *target = attr(attrs, "Target");
	if (strcmp(name, "Relationship") || !id || !target)
		return;
	for (size_t i = 0; i < c->x->n_sheets; i++) {
		struct sheet *s = &c->x->sheets[i];
		if (strcmp(s->rid, id) || s->part)
			continue;
		/* relative to xl/, or absolute from the package's root */
		struct pii_buf p = {0};
		if (target[0] == '/')
			pii_buf_puts(&p, target + 1);
		else
			pii_buf_printf(&p, "xl/%s", target);
		s->part = p.oom ? NULL : strdup(pii_buf_cstr(&p));
		c->oom |= !s->part;
		pii_buf_free(&p);
	}
}

/* ---- shared strings ----------------------------------------------------------------- */

/* Text of a string item: the <t> of the item or of its runs, not of its
 * phonetic reading (<rPh>). */
struct text_ctx {
	struct pii_buf text;
	bool in_t;
	unsigned in_phonetic;
};

struct strings_ctx {
	struct pii_xlsx *x;
	struct text_ctx t;
	bool in_si, oom;
};

static void text_start(struct text_ctx *t, const char *name)
{
	if (!strcmp(name, "rPh"))
		t->in_phonetic++;
	else if (!strcmp(name, "t") && !t->in_phonetic)
		t->in_t = true;
}

static void text_end(struct text_ctx *t, const char *name)
{
	if (!strcmp(name, "rPh") && t->in_phonetic)
		t->in_phonetic--;
	else if (!strcmp(name, "t"))
		t->in_t = false;
}

static void strings_start(void *ctx, const char *name, const char *const *attrs)
{
	(void)attrs;
	struct strings_ctx *c = ctx;
	if (!strcmp(name, "si")) {
		c->in_si = true;
		c->t.text.len = 0;
	} else if (c->in_si) {
		text_start(&c->t, name);
	}
}

static void strings_end(void *ctx, const char *name)
{
	struct strings_ctx *c = ctx;
	if (!c->in_si)
		return;
	if (strcmp(name, "si")) {
		text_end(&c->t, name);
		return;
	}
	c->in_si = false;
	struct pii_xlsx *x = c->x;
	if (x->n_strings == x->cap_strings) {
		size_t cap = x->cap_strings ? x->cap_strings * 2 : 256;
		char **grown = realloc(x->strings, cap * sizeof(*grown));
		if (!grown) {
			c->oom = true;
			return;
		}
		x->strings = grown;
		x->cap_strings = cap;
	}
	char *s = strdup(c->t.text.len ? pii_buf_cstr(&c->t.text) : "");
	c->oom |= !s || c->t.text.oom;
	x->strings[x->n_strings++] = s;
}

static void collect_text(struct text_ctx *t, const char *text, size_t len)
{
	if (t->in_t)
		pii_buf_append(&t->text, text, len);
}

static void strings_text(void *ctx, const char *text, size_t len)
{
	struct strings_ctx *c = ctx;
	if (c->in_si)
		collect_text(&c->t, text, len);
}

/* ---- opening ---------------------------------------------------------------------- */

struct pii_xlsx *pii_xlsx_open(const char *path, char *err, size_t errlen)
{
	if (access(path, R_OK) != 0) {
		pii_set_error(err, errlen, "cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	struct pii_xlsx *x = calloc(1, sizeof(*x));
	if (!x || !(x->path = strdup(path))) {
		free(x);
		pii_set_error(err, errlen, "out of memory");
		return NULL;
	}
	struct list_ctx lc = {.x = x};
	struct pii_xml_events wb = {.ctx = &lc, .start = workbook_start};
	struct pii_xml_events rels = {.ctx = &lc, .start = rels_start};
	struct strings_ctx sc = {.x = x};
	struct pii_xml_events strings = {
		.ctx = &sc, .start = strings_start, .end = strings_end, .text = strings_text};
	if (parse_part(path, "xl/workbook.xml", &wb, false, err, errlen) != PII_OK ||
	    parse_part(path, "xl/_rels/workbook.xml.rels", &rels, false, err, errlen) != PII_OK ||
	    parse_part(path, "xl/sharedStrings.xml", &strings, true, err, errlen) != PII_OK) {
		pii_buf_free(&sc.t.text);
		pii_xlsx_close(x);
		return NULL;
	}
	pii_buf_free(&sc.t.text);
	if (lc.oom || sc.oom) {
		pii_set_error(err, errlen, "out of memory");
		pii_xlsx_close(x);
		return NULL;
	}
	return x;
}

void pii_xlsx_close(struct pii_xlsx *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->n_sheets; i++) {
		free(x->sheets[i].name);
		free(x->sheets[i].rid);
		free(x->sheets[i].part);
	}
	free(x->sheets);
	pii_strv_free(x->strings, x->n_strings);
	free(x->path);
	free(x);
}

static const struct sheet *sheet_named(const struct pii_xlsx *x, const char *name)
{
	for (size_t i = 0; i < x->n_sheets; i++)
		if (!strcmp(x->sheets[i].name, name) && x->sheets[i].part)
			return &x->sheets[i];
	return NULL;
}

bool pii_xlsx_has_sheet(const struct pii_xlsx *x, const char *name)
{
	return sheet_named(x, name) != NULL;
}

const char *pii_xlsx_sheet_name(const struct pii_xlsx *x, size_t i)
{
	return i < x->n_sheets ? x->sheets[i].name : NULL;
}

/* ---- a sheet's rows --------------------------------------------------------------- */

/* More columns than any sheet piiscan writes; others are not read. */
#define MAX_COLUMNS 64

struct rows_ctx {
	const struct pii_xlsx *x;
	pii_xlsx_row_fn fn;
	void *fn_ctx;
	size_t row, next_col;     /* the row being read; where a cell without r= goes */
	bool in_row, in_cell, in_v, in_is, stopped, oom;
	size_t col;               /* of the cell being read */
	char type[16];            /* its t= */
	struct pii_buf v;         /* its <v> */
	struct text_ctx t;        /* its inline string */
	char *cells[MAX_COLUMNS];
	size_t n_cells;
};

/* "BC12" -> column 54 (0-based: 54), the row number ignored. */
static bool column_of(const char *ref, size_t *col)
{
	size_t c = 0;
	const char *p = ref;
	for (; *p >= 'A' && *p <= 'Z'; p++)
		c = c * 26 + (size_t)(*p - 'A' + 1);
	if (p == ref || c == 0)
		return false;
	*col = c - 1;
	return true;
}

static void clear_cells(struct rows_ctx *c)
{
	for (size_t i = 0; i < c->n_cells; i++) {
		free(c->cells[i]);
		c->cells[i] = NULL;
	}
	c->n_cells = 0;
}

static void rows_start(void *ctx, const char *name, const char *const *attrs)
{
	struct rows_ctx *c = ctx;
	if (c->stopped)
		return;
	if (!strcmp(name, "row")) {
		const char *r = attr(attrs, "r");
		c->row = r ? strtoull(r, NULL, 10) : c->row + 1;
		c->in_row = true;
		c->next_col = 0;
		clear_cells(c);
	} else if (c->in_row && !strcmp(name, "c")) {
		const char *r = attr(attrs, "r"), *t = attr(attrs, "t");
		if (!r || !column_of(r, &c->col))
			c->col = c->next_col;
		c->next_col = c->col + 1;
		snprintf(c->type, sizeof(c->type), "%s", t ? t : "n");
		c->in_cell = true;
		c->v.len = 0;
		c->t.text.len = 0;
	} else if (c->in_cell && !strcmp(name, "v")) {
		c->in_v = true;
	} else if (c->in_cell && !strcmp(name, "is")) {
		c->in_is = true;
	} else if (c->in_is) {
		text_start(&c->t, name);
	}
}

/* The text of the cell just read. */
static const char *cell_text(struct rows_ctx *c)
{
	if (!strcmp(c->type, "inlineStr"))
		return pii_buf_cstr(&c->t.text);
	const char *v = c->v.len ? pii_buf_cstr(&c->v) : NULL;
	if (!strcmp(c->type, "s")) {
		size_t i = v ? strtoull(v, NULL, 10) : SIZE_MAX;
		return i < c->x->n_strings ? c->x->strings[i] : NULL;
	}
	return v;
}

static void rows_end(void *ctx, const char *name)
{
	struct rows_ctx *c = ctx;
	if (c->stopped)
		return;
	if (!strcmp(name, "v")) {
		c->in_v = false;
	} else if (!strcmp(name, "is")) {
		c->in_is = false;
	} else if (c->in_is) {
		text_end(&c->t, name);
	} else if (!strcmp(name, "c") && c->in_cell) {
		c->in_cell = false;
		const char *text = cell_text(c);
		if (c->col >= MAX_COLUMNS || !text || !*text)
			return;
		while (c->n_cells <= c->col)
			c->cells[c->n_cells++] = NULL;
		free(c->cells[c->col]);
		c->cells[c->col] = strdup(text);
		c->oom |= !c->cells[c->col] || c->v.oom || c->t.text.oom;
	} else if (!strcmp(name, "row") && c->in_row) {
		c->in_row = false;
		if (c->n_cells && !c->fn(c->fn_ctx, c->row, (const char *const *)c->cells, c->n_cells))
			c->stopped = true;
		clear_cells(c);
	}
}

static void rows_text(void *ctx, const char *text, size_t len)
{
	struct rows_ctx *c = ctx;
	if (c->in_v)
		pii_buf_append(&c->v, text, len);
	else if (c->in_is)
		collect_text(&c->t, text, len);
}

enum pii_status pii_xlsx_rows(struct pii_xlsx *x, const char *name, pii_xlsx_row_fn fn,
			      void *ctx, char *err, size_t errlen)
{
	const struct sheet *s = sheet_named(x, name);
	if (!s) {
		pii_set_error(err, errlen, "'%s' has no sheet '%s'", x->path, name);
		return PII_EFATAL;
	}
	struct rows_ctx c = {.x = x, .fn = fn, .fn_ctx = ctx};
	struct pii_xml_events ev = {
		.ctx = &c, .start = rows_start, .end = rows_end, .text = rows_text};
	enum pii_status st = parse_part(x->path, s->part, &ev, false, err, errlen);
	clear_cells(&c);
	pii_buf_free(&c.v);
	pii_buf_free(&c.t.text);
	if (st == PII_OK && c.oom) {
		pii_set_error(err, errlen, "out of memory");
		st = PII_EFATAL;
	}
	if (st == PII_OK && c.stopped) {
		if (!*err)
			pii_set_error(err, errlen, "'%s': sheet '%s' not read to its end", x->path,
				      name);
		st = PII_EFATAL;
	}
	return st;
}
