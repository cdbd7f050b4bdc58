/*
 * odf.c - OpenDocument: odt, ods, odp (and their templates). content.xml
 * holds everything, in one pass: the text of documents and slides (a
 * slide's number as the page), and for spreadsheets each cell located by
 * sheet and column header, with its row as the line, as for xlsx.
 * Repeated empty rows and cells (a sheet says "1,048,576 empty rows") are
 * counted, never walked. Embedded objects go back through detection.
 * meta.xml gives the document's properties (author, title...) as short
 * texts, each under its key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pii_container.h"
#include "pii_cell.h"
#include "pii_props.h"
#include "pii_extractor.h"
#include "pii_limits.h"
#include "pii_xml.h"

#define MAX_COLUMNS 16384

struct odf {
	struct pii_input *in;
	struct pii_sink *out;
	bool spreadsheet;
	enum pii_status st;
	struct pii_loc loc;
	bool streaming;
	int depth_text;       /* inside text:p / text:h */
	int skip;             /* inside content that is not text */
	/* spreadsheet */
	char *sheet;
	uint32_t row, col;
	uint32_t row_repeat, col_repeat;
	bool in_cell;
	struct pii_buf cell;
	const char *cell_value;   /* office:value etc. of a non-text cell */
	char cell_attr[64];
	char **header;            /* per column, from the first row */
	struct pii_buf first;     /* the first row's cells: "col\tvalue\n" */
	bool first_all_text;
	uint32_t first_row_cells;
	uint64_t data_rows;       /* rows with a value, the header not counted */
	uint32_t last_counted;    /* the row data_rows last counted */
	uint32_t page;            /* odp: the slide being read */
	/* the document property being read, and elements open inside it */
	struct pii_props props;
	bool members_closed;      /* child answered PII_ELIMIT: no more members */
};

/* ---- documents and slides ------------------------------------------------------- */

static void put(struct odf *o, const char *s, size_t n)
{
	if (o->st == PII_OK && n && o->streaming)
		o->st = pii_sink_write_text(o->out, s, n);
}

static void open_stream(struct odf *o, uint32_t page)
{
	if (o->streaming && o->loc.page == page)
		return;
	if (o->streaming) {
		enum pii_status st = pii_sink_end_text(o->out);
		if (o->st == PII_OK)
			o->st = st;
	}
	o->loc = (struct pii_loc){.file = o->in->path, .page = page};
	if (o->st == PII_OK)
		o->st = pii_sink_begin_text(o->out, &o->loc, false);
	o->streaming = true;
}

static void close_stream(struct odf *o)
{
	if (!o->streaming)
		return;
	enum pii_status st = pii_sink_end_text(o->out);
	if (o->st == PII_OK)
		o->st = st;
	o->streaming = false;
}

/* Empties b. Its length alone is not enough: it is read back as a C
 * string (pii_buf_cstr), which must not find the old text. */
static void buf_clear(struct pii_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

/* ---- spreadsheets ---------------------------------------------------------------- */

static void emit_cell(struct odf *o, uint32_t col, uint32_t row, const char *value)
{
	if (!*value || o->st != PII_OK)
		return;
	char letters[8];
	pii_column_letters(col, letters);
	const char *column = o->header && col <= MAX_COLUMNS && o->header[col] ? o->header[col]
									      : letters;
	struct pii_loc loc = {.file = o->in->path, .table = o->sheet, .column = column};
	bool header_row = o->header && row == 1;
	if (!header_row && row != o->last_counted) {
		o->data_rows++;
		o->last_counted = row;
	}
	/* A header cell names its column and is no value in it. */
	if (header_row)
		loc.column = NULL;
	pii_sink_set_row(o->out, header_row ? 0 : row);
	o->st = pii_sink_text(o->out, &loc, value, strlen(value), 0, row);
}

/* The first row is a header when every cell in it is text. */
static void judge_first_row(struct odf *o)
{
	char *rows = o->first.data;
	if (!rows)
		return;
	bool header = o->first_all_text && o->first_row_cells > 0;
	if (header)
		o->header = calloc(MAX_COLUMNS + 1, sizeof(char *));
	for (char *line = rows, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		char *tab = strchr(line, '\t');
		if (!tab)
			continue;
		*tab = '\0';
		uint32_t col = (uint32_t)strtoul(line, NULL, 10);
		if (o->header && col <= MAX_COLUMNS && !o->header[col])
			o->header[col] = strdup(tab + 1);
		emit_cell(o, col, 1, tab + 1);
	}
	pii_buf_free(&o->first);
}

static void end_sheet(struct odf *o)
{
	if (o->first.len)
		judge_first_row(o);
	pii_sink_set_row(o->out, 0);
	if (o->sheet && o->data_rows)
		pii_sink_table_rows(o->out, o->in->path, o->sheet, o->data_rows);
	o->data_rows = 0;
	o->last_counted = 0;
	if (o->header) {
		for (size_t i = 0; i <= MAX_COLUMNS; i++)
			free(o->header[i]);
		free(o->header);
		o->header = NULL;
	}
	free(o->sheet);
	o->sheet = NULL;
}

static uint32_t repeat_of(const char *const *attrs, const char *name)
{
	const char *r = pii_xml_attr(attrs, name);
	unsigned long n = r ? strtoul(r, NULL, 10) : 1;
	return n ? (uint32_t)(n > 1048576 ? 1048576 : n) : 1;
}

/* ---- events ------------------------------------------------------------------------ */

static void on_start(void *ctx, const char *name, const char *const *attrs)
{
	struct odf *o = ctx;
	/* Tables are sheets in a spreadsheet; elsewhere, text like any other. */
	if (!strcmp(name, "table") && o->spreadsheet) {
		end_sheet(o);
		const char *n = pii_xml_attr(attrs, "name");
		o->sheet = strdup(n ? n : "sheet");
		o->row = 0;
		o->first_all_text = true;
		o->first_row_cells = 0;
	} else if (!strcmp(name, "table-row") && o->spreadsheet) {
		o->row_repeat = repeat_of(attrs, "number-rows-repeated");
		o->row++;
		o->col = 0;
	} else if ((!strcmp(name, "table-cell") || !strcmp(name, "covered-table-cell")) &&
		   o->spreadsheet) {
		o->col_repeat = repeat_of(attrs, "number-columns-repeated");
		o->col++;
		o->in_cell = true;
		buf_clear(&o->cell);
		/* A number, date or currency keeps its value in an attribute. */
		const char *type = pii_xml_attr(attrs, "value-type");
		const char *v = pii_xml_attr(attrs, "value");
		if (!v)
			v = pii_xml_attr(attrs, "date-value");
		o->cell_value = NULL;
		if (type && strcmp(type, "string") && v) {
			snprintf(o->cell_attr, sizeof(o->cell_attr), "%s", v);
			o->cell_value = o->cell_attr;
		}
	} else if (!strcmp(name, "page")) {
		o->page++;
		if (!o->spreadsheet)
			open_stream(o, o->page);
	} else if (!strcmp(name, "p") || !strcmp(name, "h")) {
		o->depth_text++;
	} else if (!strcmp(name, "s")) {
		put(o, " ", 1);
		if (o->in_cell)
			pii_buf_putc(&o->cell, ' ');
	} else if (!strcmp(name, "tab") || !strcmp(name, "line-break")) {
		put(o, "\n", 1);
		if (o->in_cell)
			pii_buf_putc(&o->cell, ' ');
	} else if (!strcmp(name, "annotation") && o->in_cell) {
		o->skip++; /* a comment on a cell is not the cell */
	}
}

static void on_end(void *ctx, const char *name)
{
	struct odf *o = ctx;
	if (!strcmp(name, "p") || !strcmp(name, "h")) {
		if (o->depth_text)
			o->depth_text--;
		put(o, "\n", 1);
		if (o->in_cell && o->cell.len)
			pii_buf_putc(&o->cell, ' ');
	} else if (!strcmp(name, "annotation") && o->skip) {
		o->skip--;
	} else if ((!strcmp(name, "table-cell") || !strcmp(name, "covered-table-cell")) &&
		   o->in_cell) {
		o->in_cell = false;
		/* paragraphs in a cell were joined with spaces: none at the end */
		while (o->cell.len && o->cell.data[o->cell.len - 1] == ' ')
			o->cell.data[--o->cell.len] = '\0';
		const char *value = o->cell_value ? o->cell_value
						  : o->cell.len ? o->cell.data : "";
		if (*value && o->row == 1) {
			if (o->cell_value || pii_header_holds_value(value))
				o->first_all_text = false;
			o->first_row_cells++;
			pii_buf_printf(&o->first, "%u\t", o->col);
			for (const char *p = value; *p; p++)
				pii_buf_putc(&o->first, *p == '\n' || *p == '\t' ? ' ' : *p);
			pii_buf_putc(&o->first, '\n');
		} else if (*value) {
			emit_cell(o, o->col, o->row, value);
		}
		o->col += o->col_repeat - 1;
	} else if (!strcmp(name, "table-row") && o->spreadsheet) {
		if (o->row == 1)
			judge_first_row(o);
		o->row += o->row_repeat - 1;
	} else if (!strcmp(name, "table") && o->spreadsheet) {
		end_sheet(o);
	}
}

static void on_text(void *ctx, const char *text, size_t len)
{
	struct odf *o = ctx;
	if (o->skip)
		return;
	if (o->in_cell) {
		pii_buf_append(&o->cell, text, len);
		return;
	}
	if (o->depth_text)
		put(o, text, len);
}

/* ---- document properties ------------------------------------------------------ */

/* The property elements of meta.xml, and the keys they go out under
 * (pii_props.h). In meta.xml dc:creator is whoever saved it last. */
static const struct pii_prop_key property_keys[] = {
	{"initial-creator", "author"},
	{"creator", "last modified by"},
	{"title", "title"},
	{"subject", "subject"},
	{"keyword", "keywords"},
	{"description", "description"},
};

static void prop_start(void *ctx, const char *name, const char *const *attrs)
{
	(void)attrs;
	pii_props_start(&((struct odf *)ctx)->props, name);
}

static void prop_end(void *ctx, const char *name)
{
	(void)name;
	pii_props_end(&((struct odf *)ctx)->props);
}

static void prop_text(void *ctx, const char *text, size_t len)
{
	pii_props_text(&((struct odf *)ctx)->props, text, len);
}

/* ---- the package ------------------------------------------------------------------ */

static void parse_member(struct odf *o, struct pii_container *c, const struct pii_xml_events *ev)
{
	struct pii_xml *x = pii_xml_new(ev, false);
	if (!x) {
		o->st = PII_EOBJECT;
		return;
	}
	for (;;) {
		ssize_t n = pii_container_read_part(c, o->in->scratch, PII_READ_CHUNK);
		if (n <= 0 || !pii_xml_feed(x, (const char *)o->in->scratch, (size_t)n))
			break;
	}
	pii_xml_finish(x);
	pii_xml_free(x);
}

/* content.xml, styles.xml (headers and footers), an embedded chart's or
 * formula's content.xml: text, or a spreadsheet's cells. */
static void text_member(struct odf *o, struct pii_container *c, bool cells)
{
	o->page = 0;
	if (!cells)
		open_stream(o, 0);
	struct pii_xml_events ev = {o, on_start, on_end, on_text};
	parse_member(o, c, &ev);
	close_stream(o);
	end_sheet(o);
}

static void property_member(struct odf *o, struct pii_container *c)
{
	if (o->st != PII_OK)
		return;
	pii_props_begin(&o->props, property_keys, sizeof(property_keys) / sizeof(property_keys[0]),
			o->out, o->in->path);
	pii_props_saved_from(&o->props, "date", o->in); /* dc:date: the last save */
	struct pii_xml_events ev = {o, prop_start, prop_end, prop_text};
	parse_member(o, c, &ev);
	o->st = pii_props_finish(&o->props);
}

/* An embedded file goes back through detection. Past a limit no more are
 * offered (pii_sink.h); the document's own parts are still read. */
static void embedded_member(struct odf *o, struct pii_container *c, const struct pii_member *m)
{
	if (o->members_closed)
		return;
	enum pii_status st = pii_sink_child(o->out, o->in, m->name, pii_container_read, c, m->size);
	if (st == PII_ELIMIT)
		o->members_closed = true;
	else if (st == PII_EFATAL)
		o->st = PII_EFATAL;
}

static bool is_object_content(const char *name)
{
	const char *slash = strchr(name, '/');
	return !strncmp(name, "Object ", 7) && slash && !strcmp(slash, "/content.xml");
}

/* Parts of the package that are neither text nor an embedded file (nor a
 * picture: Pictures/ goes to detection, a scan pasted in is read by OCR;
 * the thumbnail of the first page is too small to read). */
static bool is_package_part(const char *name)
{
	return !strncmp(name, "Thumbnails/", 11) ||
	       !strncmp(name, "META-INF/", 9) || !strcmp(name, "mimetype") ||
	       !strcmp(name, "settings.xml") || !strcmp(name, "manifest.rdf") ||
	       !strncmp(name, "Configurations2/", 16) || !strncmp(name, "Object ", 7);
}

static void read_member(struct odf *o, struct pii_container *c, const struct pii_member *m)
{
	if (!strcmp(m->name, "meta.xml"))
		property_member(o, c);
	else if (!strcmp(m->name, "content.xml"))
		text_member(o, c, o->spreadsheet);
	else if (!strcmp(m->name, "styles.xml") || is_object_content(m->name))
		text_member(o, c, false);
	else if (!is_package_part(m->name))
		embedded_member(o, c, m);
}

/* The mimetype, stored first and uncompressed, as ODF requires. */
static const char *odf_mimetype(const struct pii_input *in)
{
	static const char prefix[] = "application/vnd.oasis.opendocument.";
	if (in->head_len < 38 + sizeof(prefix) || memcmp(in->head + 30, "mimetype", 8))
		return NULL;
	const char *m = (const char *)in->head + 38;
	return !memcmp(m, prefix, sizeof(prefix) - 1) ? m + sizeof(prefix) - 1 : NULL;
}

static enum pii_status odf_run(struct pii_input *in, struct pii_sink *out)
{
	const char *kind = odf_mimetype(in);
	struct odf o = {.in = in, .out = out};
	o.spreadsheet = kind && !strncmp(kind, "spreadsheet", 11);
	struct pii_container *c = pii_container_open(in);
	if (!c)
		return PII_EOBJECT;
	struct pii_member m;
	while (o.st == PII_OK && pii_container_next(c, &m) == 1)
		if (m.regular && !m.encrypted)
			read_member(&o, c, &m);
	enum pii_file_status pst;
	const char *code;
	const char *problem = pii_container_problem(c, &pst, &code);
	if (problem)
		pii_sink_problem(out, in->path, pst, code, problem);
	pii_container_close(c);
	pii_buf_free(&o.cell);
	pii_buf_free(&o.first);
	pii_props_free(&o.props);
	end_sheet(&o);
	return o.st == PII_EFATAL ? PII_EFATAL : PII_OK;
}

static int odf_bid(const struct pii_input *in, int best)
{
	return in->type.kind == PII_KIND_BINARY && pii_input_is_zip(in) && odf_mimetype(in)
		       ? PII_BID_SIGNATURE
		       : PII_BID_NONE;
}

const struct pii_extractor pii_extractor_odf = {
	.name = "odf",
	.bid = odf_bid,
	.run = odf_run,
	.init = pii_xml_init,
};
