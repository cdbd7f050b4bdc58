/*
 * ooxml.c - Office Open XML: docx, xlsx, pptx and their macro and template
 * variants. The text of documents and slides goes to the sink as one
 * location per file (slides carry their number as the page); every cell
 * of a spreadsheet goes as its own text, located by sheet and column
 * header, with its row as the line. Embedded files (an xlsx in a docx)
 * go back through detection. The document's properties (author, title,
 * company...) go as short texts, each under its key.
 *
 * A spreadsheet is read twice: its shared strings come after the sheets
 * in most files. A file on disk is simply read again; one inside another
 * container is held in memory (up to PII_DOC_MEMORY_MAX).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pii_container.h"
#include "pii_cell.h"
#include "pii_props.h"
#include "pii_sheetdate.h"
#include "pii_extractor.h"
#include "pii_limits.h"
#include "pii_xml.h"

enum flavour { UNKNOWN, DOCX, XLSX, PPTX };

/* A sheet: the member holding it and its name. */
struct sheet {
	char *target; /* "xl/worksheets/sheet1.xml" */
	char *rid;
	char *name;
};

struct ooxml {
	struct pii_input *in;
	struct pii_sink *out;
	enum flavour flavour;
	enum pii_status st;
	bool reported;          /* a pass's problem row is written */
	/* shared strings */
	char **shared;
	size_t n_shared, cap_shared, shared_bytes;
	bool shared_full;
	struct pii_buf cur;       /* the string, cell or run being read */
	bool in_t;                /* inside a <t> (or <v>) worth keeping */
	int skip;                 /* inside content to leave out */
	/* sheets */
	struct sheet *sheets;
	size_t n_sheets;
	/* which cell styles show dates (xl/styles.xml), and the date system */
	bool *xf_date;
	size_t n_xf, cap_xf;
	unsigned *date_fmts;      /* custom number formats that are dates */
	size_t n_date_fmts, cap_date_fmts;
	bool in_cell_xfs, date1904;
	unsigned long cell_style; /* s="" of the cell being read */
	char date_text[32];
	/* the sheet being read */
	const char *sheet_name;
	struct pii_sheet_cells cells_out; /* header, rows, the sink */
	uint32_t row, col;
	bool in_row, in_cell, in_value;
	char cell_type[16];
	unsigned long cells;
	/* a document or slide */
	struct pii_loc loc;
	bool streaming;
	/* the document property being read, and elements open inside it */
	struct pii_props props;
	bool members_closed;      /* child answered PII_ELIMIT: no more members */
};

/* Empties b. Its length alone is not enough: it is read back as a C
 * string (pii_buf_cstr), which must not find the old text. */
static void buf_clear(struct pii_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static char *dupn(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* ---- document and slide text -------------------------------------------------- */

static void put(struct ooxml *o, const char *s, size_t n)
{
	if (o->st == PII_OK && n && o->streaming)
		o->st = pii_sink_write_text(o->out, s, n);
}

/* w:t (docx), a:t (drawing text: pptx, charts, shapes) hold the text;
 * paragraphs, breaks and tabs separate it. Alternate content is given
 * twice (new and fallback form): the fallback is left out. */
static void doc_start(void *ctx, const char *name, const char *const *attrs)
{
	(void)attrs;
	struct ooxml *o = ctx;
	if (!strcmp(name, "Fallback"))
		o->skip++;
	else if (!o->skip && (!strcmp(name, "tab") || !strcmp(name, "br") || !strcmp(name, "cr")))
		put(o, !strcmp(name, "tab") ? "\t" : "\n", 1);
	if (!strcmp(name, "t") || !strcmp(name, "instrText") || !strcmp(name, "delText"))
		o->in_t = true;
}

static void doc_end(void *ctx, const char *name)
{
	struct ooxml *o = ctx;
	if (!strcmp(name, "Fallback") && o->skip)
		o->skip--;
	else if (!strcmp(name, "t") || !strcmp(name, "instrText") || !strcmp(name, "delText"))
		o->in_t = false;
	else if (!o->skip && (!strcmp(name, "p") || !strcmp(name, "tc")))
		put(o, "\n", 1);
}

static void doc_text(void *ctx, const char *text, size_t len)
{
	struct ooxml *o = ctx;
	if (o->in_t && !o->skip)
		put(o, text, len);
}

/* ---- document properties ------------------------------------------------------ */

/* The property elements of docProps/core.xml and app.xml, and the keys
 * they go out under (pii_props.h). */
static const struct pii_prop_key property_keys[] = {
	/* docProps/core.xml */
	{"creator", "author"},
	{"lastModifiedBy", "last modified by"},
	{"title", "title"},
	{"subject", "subject"},
	{"keywords", "keywords"},
	{"description", "description"},
	/* docProps/app.xml */
	{"Company", "company"},
	{"Manager", "manager"},
};

static bool is_property_member(const char *name)
{
	return !strcmp(name, "docProps/core.xml") || !strcmp(name, "docProps/app.xml");
}

static void prop_start(void *ctx, const char *name, const char *const *attrs)
{
	(void)attrs;
	pii_props_start(&((struct ooxml *)ctx)->props, name);
}

static void prop_end(void *ctx, const char *name)
{
	(void)name;
	pii_props_end(&((struct ooxml *)ctx)->props);
}

static void prop_text(void *ctx, const char *text, size_t len)
{
	pii_props_text(&((struct ooxml *)ctx)->props, text, len);
}

/* ---- package parts read in the first pass --------------------------------------- */

static void shared_start(void *ctx, const char *name, const char *const *attrs)
{
	(void)attrs;
	struct ooxml *o = ctx;
	if (!strcmp(name, "si"))
		buf_clear(&o->cur);
	else if (!strcmp(name, "t"))
		o->in_t = true;
	else if (!strcmp(name, "rPh"))
		o->skip++; /* phonetic guide: not the string */
}

static void shared_end(void *ctx, const char *name)
{
	struct ooxml *o = ctx;
	if (!strcmp(name, "t")) {
		o->in_t = false;
	} else if (!strcmp(name, "rPh")) {
		if (o->skip)
			o->skip--;
	} else if (!strcmp(name, "si")) {
		if (o->shared_bytes + o->cur.len > PII_DOC_MEMORY_MAX) {
			o->shared_full = true;
			return;
		}
		if (o->n_shared == o->cap_shared) {
			size_t cap = o->cap_shared ? o->cap_shared * 2 : 256;
			char **grown = realloc(o->shared, cap * sizeof(char *));
			if (!grown) {
				o->shared_full = true;
				return;
			}
			o->shared = grown;
			o->cap_shared = cap;
		}
		char *s = dupn(o->cur.data ? o->cur.data : "", o->cur.len);
		if (!s) {
			o->shared_full = true;
			return;
		}
		o->shared[o->n_shared++] = s;
		o->shared_bytes += o->cur.len;
	}
}

static void collect_text(void *ctx, const char *text, size_t len)
{
	struct ooxml *o = ctx;
	if (o->in_t && !o->skip)
		pii_buf_append(&o->cur, text, len);
}

static struct sheet *add_sheet(struct ooxml *o)
{
	struct sheet *grown = realloc(o->sheets, (o->n_sheets + 1) * sizeof(*grown));
	if (!grown)
		return NULL;
	o->sheets = grown;
	memset(&grown[o->n_sheets], 0, sizeof(*grown));
	return &grown[o->n_sheets++];
}

static struct sheet *sheet_by_rid(struct ooxml *o, const char *rid)
{
	for (size_t i = 0; i < o->n_sheets; i++)
		if (o->sheets[i].rid && !strcmp(o->sheets[i].rid, rid))
			return &o->sheets[i];
	return NULL;
}

/* xl/workbook.xml: <sheet name="Staff" r:id="rId1"/> */
static void workbook_start(void *ctx, const char *name, const char *const *attrs)
{
	struct ooxml *o = ctx;
	if (!strcmp(name, "workbookPr")) {
		const char *d = pii_xml_attr(attrs, "date1904");
		o->date1904 = d && (!strcmp(d, "1") || !strcmp(d, "true"));
		return;
	}
	if (strcmp(name, "sheet"))
		return;
	const char *sname = pii_xml_attr(attrs, "name"), *rid = pii_xml_attr(attrs, "id");
	if (!sname || !rid)
		return;
	struct sheet *sh = sheet_by_rid(o, rid);
	if (!sh && !(sh = add_sheet(o)))
		return;
	free(sh->name);
	sh->name = strdup(sname);
	if (!sh->rid)
		sh->rid = strdup(rid);
}

/* Grows an array of n elements of size each to hold one more; false
 * past a bound no real workbook reaches (a damaged one asks for more). */
static bool grow(void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return true;
	size_t c = *cap ? *cap * 2 : 64;
	void *grown = c <= 1 << 20 ? realloc(*arr, c * size) : NULL;
	if (!grown)
		return false;
	*arr = grown;
	*cap = c;
	return true;
}

/* xl/styles.xml: <numFmt numFmtId="164" formatCode="dd-mm-yyyy"/>, then
 * the cell styles <cellXfs><xf numFmtId="164"/>: which show dates. */
static void styles_start(void *ctx, const char *name, const char *const *attrs)
{
	struct ooxml *o = ctx;
	const char *id = pii_xml_attr(attrs, "numFmtId");
	if (!strcmp(name, "numFmt")) {
		const char *code = pii_xml_attr(attrs, "formatCode");
		if (id && code && pii_numfmt_is_date(code) &&
		    grow((void **)&o->date_fmts, &o->cap_date_fmts, o->n_date_fmts,
			 sizeof(*o->date_fmts)))
			o->date_fmts[o->n_date_fmts++] = (unsigned)strtoul(id, NULL, 10);
	} else if (!strcmp(name, "cellXfs")) {
		o->in_cell_xfs = true;
	} else if (!strcmp(name, "xf") && o->in_cell_xfs &&
		   grow((void **)&o->xf_date, &o->cap_xf, o->n_xf, sizeof(*o->xf_date))) {
		unsigned fmt = id ? (unsigned)strtoul(id, NULL, 10) : 0;
		bool date = pii_numfmt_builtin_date(fmt);
		for (size_t i = 0; i < o->n_date_fmts && !date; i++)
			date = o->date_fmts[i] == fmt;
		o->xf_date[o->n_xf++] = date;
	}
}

static void styles_end(void *ctx, const char *name)
{
	struct ooxml *o = ctx;
	if (!strcmp(name, "cellXfs"))
		o->in_cell_xfs = false;
}

/* xl/_rels/workbook.xml.rels: <Relationship Id="rId1" Target="worksheets/sheet1.xml"/> */
static void rels_start(void *ctx, const char *name, const char *const *attrs)
{
	struct ooxml *o = ctx;
	if (strcmp(name, "Relationship"))
		return;
	const char *rid = pii_xml_attr(attrs, "Id"), *target = pii_xml_attr(attrs, "Target");
	if (!rid || !target)
		return;
	struct sheet *sh = sheet_by_rid(o, rid);
	if (!sh && !(sh = add_sheet(o)))
		return;
	if (!sh->rid)
		sh->rid = strdup(rid);
	free(sh->target);
	char path[1024];
	/* Relative to xl/, or absolute from the package root. */
	if (target[0] == '/')
		snprintf(path, sizeof(path), "%s", target + 1);
	else
		snprintf(path, sizeof(path), "xl/%s", target);
	sh->target = strdup(path);
}

/* ---- spreadsheet cells ----------------------------------------------------------- */

/* "BC12" -> column 55; 0 when there is no column. */
static uint32_t column_of(const char *ref)
{
	uint32_t col = 0;
	for (; ref && *ref >= 'A' && *ref <= 'Z'; ref++)
		col = col * 26 + (uint32_t)(*ref - 'A' + 1);
	return col > 16384 ? 0 : col;
}

static void sheet_start(void *ctx, const char *name, const char *const *attrs)
{
	struct ooxml *o = ctx;
	if (!strcmp(name, "row")) {
		const char *r = pii_xml_attr(attrs, "r");
		o->row = r ? (uint32_t)strtoul(r, NULL, 10) : o->row + 1;
		o->col = 0;
		o->in_row = true;
		pii_sheet_cells_row(&o->cells_out, o->row);
	} else if (!strcmp(name, "c") && o->in_row) {
		uint32_t col = column_of(pii_xml_attr(attrs, "r"));
		o->col = col ? col : o->col + 1;
		const char *t = pii_xml_attr(attrs, "t");
		snprintf(o->cell_type, sizeof(o->cell_type), "%s", t ? t : "n");
		const char *style = pii_xml_attr(attrs, "s");
		o->cell_style = style ? strtoul(style, NULL, 10) : 0;
		o->in_cell = true;
		buf_clear(&o->cur);
	} else if (o->in_cell && (!strcmp(name, "v") || !strcmp(name, "t"))) {
		o->in_t = true;
	} else if (!strcmp(name, "f") || !strcmp(name, "rPh")) {
		o->skip++; /* the formula and phonetics are not the value */
	}
}

static bool type_is(const struct ooxml *o, const char *type)
{
	return !strcmp(o->cell_type, type);
}

/* The value of the cell just read; *text when it is a string. */
static const char *cell_value(struct ooxml *o, bool *text)
{
	const char *raw = o->cur.len ? o->cur.data : "";
	*text = type_is(o, "s") || type_is(o, "inlineStr") || type_is(o, "str");
	if (type_is(o, "s")) {
		unsigned long idx = strtoul(raw, NULL, 10);
		return o->cur.len && idx < o->n_shared ? o->shared[idx] : "";
	}
	if (type_is(o, "b") || type_is(o, "e"))
		return ""; /* booleans and errors hold nothing personal */
	/* a number in a date style is a date, as a person reads it */
	if (type_is(o, "n") && o->cur.len && o->cell_style < o->n_xf &&
	    o->xf_date[o->cell_style] &&
	    pii_serial_date(strtod(raw, NULL), o->date1904, o->date_text, sizeof(o->date_text)))
		return o->date_text;
	return raw;
}

static void end_cell(struct ooxml *o)
{
	o->in_cell = false;
	o->cells++;
	bool text;
	const char *value = cell_value(o, &text);
	/* A blank (a formatted empty cell, <c r="B2" s="1"/>) is no value,
	 * names no column and counts no row; a boolean or an error is data. */
	if (!*value && !type_is(o, "b") && !type_is(o, "e"))
		return;
	pii_sheet_cells_put(&o->cells_out, o->row, o->col, value, text);
	if (o->st == PII_OK)
		o->st = o->cells_out.st; /* the sink's error stops the sheet */
}

static void sheet_end(void *ctx, const char *name)
{
	struct ooxml *o = ctx;
	if (!strcmp(name, "v") || !strcmp(name, "t")) {
		o->in_t = false;
	} else if ((!strcmp(name, "f") || !strcmp(name, "rPh")) && o->skip) {
		o->skip--;
	} else if (!strcmp(name, "c") && o->in_cell) {
		end_cell(o);
	} else if (!strcmp(name, "row")) {
		o->in_row = false;
		pii_sheet_cells_row_end(&o->cells_out, o->row);
	}
}

/* ---- reading members ----------------------------------------------------------- */

/* Feeds the current member of c through an XML parser with events ev. */
static void parse_member(struct ooxml *o, struct pii_container *c,
			 const struct pii_xml_events *ev)
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

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static bool ends(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

/* The number in "ppt/slides/slide12.xml". */
static uint32_t number_in(const char *name)
{
	const char *p = name + strlen(name);
	while (p > name && (p[-1] < '0' || p[-1] > '9'))
		p--;
	while (p > name && p[-1] >= '0' && p[-1] <= '9')
		p--;
	return (uint32_t)strtoul(p, NULL, 10);
}

static enum flavour flavour_of_member(const char *name)
{
	if (!strcmp(name, "word/document.xml"))
		return DOCX;
	if (!strcmp(name, "xl/workbook.xml"))
		return XLSX;
	if (!strcmp(name, "ppt/presentation.xml"))
		return PPTX;
	return UNKNOWN;
}

/* Text members: the body, headers, footers, notes, comments, slides. */
static bool is_text_member(const struct ooxml *o, const char *name)
{
	if (!ends(name, ".xml"))
		return false;
	switch (o->flavour) {
	case DOCX:
		return starts(name, "word/") && !strchr(name + 5, '/') &&
		       (starts(name + 5, "document") || starts(name + 5, "header") ||
			starts(name + 5, "footer") || starts(name + 5, "footnotes") ||
			starts(name + 5, "endnotes") || starts(name + 5, "comments"));
	case PPTX:
		return starts(name, "ppt/slides/slide") || starts(name, "ppt/notesSlides/") ||
		       starts(name, "ppt/comments/");
	case XLSX:
		return starts(name, "xl/comments") || starts(name, "xl/drawings/drawing") ||
		       starts(name, "xl/charts/chart");
	default:
		return false;
	}
}

static void text_member(struct ooxml *o, struct pii_container *c, const char *name)
{
	o->loc = (struct pii_loc){.file = o->in->path};
	if (o->flavour == PPTX && (starts(name, "ppt/slides/") || starts(name, "ppt/notesSlides/")))
		o->loc.page = number_in(name);
	o->st = pii_sink_begin_text(o->out, &o->loc, false);
	o->streaming = true;
	o->in_t = false;
	o->skip = 0;
	struct pii_xml_events ev = {o, doc_start, doc_end, doc_text};
	parse_member(o, c, &ev);
	o->streaming = false;
	enum pii_status end = pii_sink_end_text(o->out);
	if (o->st == PII_OK)
		o->st = end;
}

static void property_member(struct ooxml *o, struct pii_container *c)
{
	if (o->st != PII_OK)
		return;
	pii_props_begin(&o->props, property_keys, sizeof(property_keys) / sizeof(property_keys[0]),
			o->out, o->in->path);
	pii_props_saved_from(&o->props, "modified", o->in); /* dcterms:modified */
	struct pii_xml_events ev = {o, prop_start, prop_end, prop_text};
	parse_member(o, c, &ev);
	o->st = pii_props_finish(&o->props);
}

/* An embedded file goes back through detection. Past a limit no more are
 * offered (pii_sink.h); the document's own parts are still read. */
static void embedded_member(struct ooxml *o, struct pii_container *c, const struct pii_member *m)
{
	if (o->members_closed)
		return;
	enum pii_status st = pii_sink_child(o->out, o->in, m->name, pii_container_read, c, m->size);
	if (st == PII_ELIMIT)
		o->members_closed = true;
	else if (st == PII_EFATAL)
		o->st = PII_EFATAL;
}

static const struct sheet *sheet_for(const struct ooxml *o, const char *name)
{
	for (size_t i = 0; i < o->n_sheets; i++)
		if (o->sheets[i].target && !strcmp(o->sheets[i].target, name))
			return &o->sheets[i];
	return NULL;
}

static void sheet_member(struct ooxml *o, struct pii_container *c, const char *name)
{
	const struct sheet *sh = sheet_for(o, name);
	char fallback[64];
	snprintf(fallback, sizeof(fallback), "sheet %u", number_in(name));
	o->sheet_name = sh && sh->name ? sh->name : fallback;
	o->row = o->col = 0;
	pii_sheet_cells_begin(&o->cells_out, o->out, o->in->path, o->sheet_name, 16384);
	o->in_row = o->in_cell = o->in_t = false;
	o->skip = 0;
	struct pii_xml_events ev = {o, sheet_start, sheet_end, collect_text};
	parse_member(o, c, &ev);
	enum pii_status st = pii_sheet_cells_end(&o->cells_out);
	if (o->st == PII_OK)
		o->st = st;
	o->sheet_name = NULL;
}

/* Pass one: what kind of package, and for a spreadsheet its sheets and
 * shared strings. */
static void first_pass(struct ooxml *o, struct pii_container *c)
{
	struct pii_member m;
	while (pii_container_next(c, &m) == 1 && o->st == PII_OK) {
		if (!m.regular)
			continue;
		enum flavour f = flavour_of_member(m.name);
		if (f != UNKNOWN)
			o->flavour = f;
		if (!strcmp(m.name, "xl/workbook.xml")) {
			struct pii_xml_events ev = {o, workbook_start, NULL, NULL};
			parse_member(o, c, &ev);
		} else if (!strcmp(m.name, "xl/_rels/workbook.xml.rels")) {
			struct pii_xml_events ev = {o, rels_start, NULL, NULL};
			parse_member(o, c, &ev);
		} else if (!strcmp(m.name, "xl/styles.xml")) {
			struct pii_xml_events ev = {o, styles_start, styles_end, NULL};
			parse_member(o, c, &ev);
		} else if (!strcmp(m.name, "xl/sharedStrings.xml")) {
			buf_clear(&o->cur);
			struct pii_xml_events ev = {o, shared_start, shared_end, collect_text};
			parse_member(o, c, &ev);
			o->in_t = false;
			o->skip = 0;
		}
	}
}

/* Pass two: the text, the cells, and the embedded files. */
static void second_pass(struct ooxml *o, struct pii_container *c)
{
	struct pii_member m;
	while (pii_container_next(c, &m) == 1 && o->st == PII_OK) {
		if (!m.regular || m.encrypted)
			continue;
		if (o->flavour == XLSX && sheet_for(o, m.name))
			sheet_member(o, c, m.name);
		else if (o->flavour == XLSX && starts(m.name, "xl/worksheets/sheet") &&
			 ends(m.name, ".xml"))
			sheet_member(o, c, m.name);
		else if (is_property_member(m.name))
			property_member(o, c);
		else if (is_text_member(o, m.name))
			text_member(o, c, m.name);
		else if (strstr(m.name, "/embeddings/") || strstr(m.name, "/media/"))
			embedded_member(o, c, &m); /* files, pictures (a scan pasted in) */
	}
}

/* Why a pass stopped early, once for both passes. */
static void report(struct ooxml *o, struct pii_container *c)
{
	enum pii_file_status st;
	const char *code;
	const char *problem = c ? pii_container_problem(c, &st, &code) : NULL;
	if (problem && !o->reported)
		pii_sink_problem(o->out, o->in->path, st, code, problem);
	o->reported |= problem != NULL;
}

static enum pii_status ooxml_run(struct pii_input *in, struct pii_sink *out)
{
	struct ooxml o = {.in = in, .out = out};
	unsigned char *data = NULL;
	size_t len = 0;
	bool cut = false;
	if (in->fd < 0) {
		data = pii_input_slurp(in, &len, &cut);
		if (!data)
			return PII_EOBJECT;
		if (cut)
			pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE,
					 "document too large to read inside a container: "
					 "scanned in part");
	}
	struct pii_container *c = data ? pii_container_open_memory(in, data, len)
				       : pii_container_open_fd(in);
	if (c) {
		first_pass(&o, c);
		report(&o, c);
		pii_container_close(c);
	}
	if (o.shared_full)
		pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE,
				 "shared strings too large or out of memory: some cells not read");
	c = data ? pii_container_open_memory(in, data, len) : pii_container_open_fd(in);
	if (c) {
		second_pass(&o, c);
		report(&o, c);
		pii_container_close(c);
	}
	if (in->fd >= 0)
		in->bytes_read = in->size;
	for (size_t i = 0; i < o.n_shared; i++)
		free(o.shared[i]);
	free(o.shared);
	for (size_t i = 0; i < o.n_sheets; i++) {
		free(o.sheets[i].target);
		free(o.sheets[i].rid);
		free(o.sheets[i].name);
	}
	free(o.sheets);
	free(o.xf_date);
	free(o.date_fmts);
	pii_buf_free(&o.cur);
	pii_props_free(&o.props);
	free(data);
	return o.st == PII_EFATAL ? PII_EFATAL : PII_OK;
}

/* A zip whose first member is the package's content types, or named like
 * an Office file. */
static int ooxml_bid(const struct pii_input *in, int best)
{
	if (in->type.kind != PII_KIND_BINARY || !pii_input_is_zip(in))
		return PII_BID_NONE;
	size_t n = in->head_len < 512 ? in->head_len : 512;
	if (memmem(in->head, n, "[Content_Types].xml", 19))
		return PII_BID_SIGNATURE;
	static const char *const exts[] = {".docx", ".docm", ".dotx", ".dotm", ".xlsx",
					   ".xlsm", ".xltx", ".xltm", ".pptx", ".pptm",
					   ".potx", ".potm", ".ppsx", ".ppsm", NULL};
	for (const char *const *e = exts; *e; e++) {
		size_t pl = strlen(in->path), el = strlen(*e);
		if (pl > el && !strcasecmp(in->path + pl - el, *e))
			return PII_BID_SIGNATURE;
	}
	return PII_BID_NONE;
}

const struct pii_extractor pii_extractor_ooxml = {
	.name = "ooxml",
	.bid = ooxml_bid,
	.run = ooxml_run,
	.init = pii_xml_init,
};
