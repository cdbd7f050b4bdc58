/*
 * cfb_xls.c - Excel 97-2003 (BIFF8, stream "Workbook") and Excel 5.0/95
 * (BIFF5, stream "Book") workbooks, read record by record ([MS-XLS]) as
 * the stream goes, so memory holds one record and the shared strings,
 * never a sheet. Each cell goes out as its own text, located by sheet and
 * column header like an xlsx cell, with its row (1-based) as line and
 * record: strings (the shared string table, continued over CONTINUE
 * records), numbers as written (612345678, not 6.12345678E+08: a phone
 * or BSN stored as a number is found), dates in a date format as dates
 * (1985-03-12), and the cached results of formulas.
 *
 * libfreexl was the other choice: it reads only by file name and keeps
 * every cell of a sheet in an array of rows x columns taken from the
 * sheet's DIMENSION record, so one damaged record can ask for gigabytes;
 * here row numbers come from the cells themselves (16 bits in BIFF) and
 * the DIMENSION and INDEX records are not needed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii_cell.h"
#include "pii_cfb.h"
#include "pii_limits.h"
#include "pii_sheetdate.h"

#define XLS_COLUMNS 256     /* BIFF8 has 256 columns; a column index is a byte */
#define XLS_MAX_NESTING 8   /* BOF inside BOF: a chart in a sheet */

enum {
	REC_FORMULA = 0x0006,
	REC_EOF = 0x000a,
	REC_DATEMODE = 0x0022,
	REC_FILEPASS = 0x002f,
	REC_CONTINUE = 0x003c,
	REC_CODEPAGE = 0x0042,
	REC_BOUNDSHEET = 0x0085,
	REC_MULRK = 0x00bd,
	REC_RSTRING = 0x00d6,
	REC_XF = 0x00e0,
	REC_SST = 0x00fc,
	REC_LABELSST = 0x00fd,
	REC_NUMBER = 0x0203,
	REC_LABEL = 0x0204,
	REC_STRING = 0x0207,
	REC_RK = 0x027e,
	REC_FORMAT = 0x041e,
	REC_BOF = 0x0809,
	REC_BOF_OLD = 0x0409, /* BIFF4 and older: not read */
};

struct sheet_name {
	uint32_t offset; /* of its BOF in the stream */
	char *name;
};

struct xls {
	struct pii_cfb *f;
	bool biff8;
	int codepage;
	bool date1904;
	enum pii_status st;

	/* the workbook's globals */
	struct sheet_name *sheets;
	size_t n_sheets, cap_sheets;
	/* The shared strings stay as they were read, each decoded when a
	 * cell names it: memory is the table's bytes and four per string,
	 * whatever the strings are. */
	uint32_t *sst_pos;       /* where string i starts in sst_data */
	size_t n_sst, cap_sst;
	struct pii_buf sst_text; /* the string of the cell being read */
	uint16_t *xf_format;  /* number format of each XF */
	size_t n_xf, cap_xf;
	uint16_t *date_formats; /* custom number formats that show dates */
	size_t n_date_formats, cap_date_formats;
	struct pii_buf sst_data; /* SST and its CONTINUE records, gathered */
	uint32_t *sst_breaks;    /* where each CONTINUE starts in sst_data */
	size_t n_breaks, cap_breaks;
	bool in_sst;
	bool sst_too_large;      /* past PII_DOC_MEMORY_MAX: told once */

	/* the sheet being read */
	int depth;             /* BOF..EOF substreams open */
	uint32_t substreams;   /* top-level substreams begun: the globals, then sheets */
	bool in_sheet;         /* a worksheet's cells are read */
	char sheet_fallback[32];
	const char *sheet;
	struct pii_sheet_cells cells; /* header, rows, the sink */
	uint16_t formula_row, formula_col; /* a string result follows in STRING */
	bool formula_string;
	bool damaged;
};

/* ---- strings ------------------------------------------------------------------- */

/* Characters of a BIFF string: 8-bit (compressed UTF-16, or BIFF5 in the
 * code page) or UTF-16LE. */
static bool put_chars(struct xls *x, struct pii_buf *b, const unsigned char *p, size_t cch,
		      bool high)
{
	if (high)
		return pii_utf16le_append(b, p, cch * 2);
	if (x->biff8) {
		/* BIFF8's 8-bit strings are UTF-16 with the high bytes left
		 * out: Latin-1, whatever the code page. */
		for (size_t i = 0; i < cch; i++)
			if (!pii_utf8_put(b, p[i]))
				return false;
		return true;
	}
	return pii_codepage_append(b, x->codepage, p, cch);
}

/* A string of a cell record at p (n bytes): BIFF8 XLUnicodeString (16-bit
 * count, flags) or BIFF5 (16-bit count, bytes); into b. */
static bool cell_string(struct xls *x, const unsigned char *p, size_t n, struct pii_buf *b)
{
	if (n < 2)
		return false;
	size_t cch = pii_le16(p);
	if (!x->biff8)
		return put_chars(x, b, p + 2, cch < n - 2 ? cch : n - 2, false);
	if (n < 3)
		return false;
	bool high = p[2] & 0x01;
	size_t at = 3;
	if (p[2] & 0x08)
		at += 2; /* rich text runs: their count, the runs after the text */
	if (p[2] & 0x04)
		at += 4; /* phonetic block size */
	if (at > n)
		return false;
	size_t room = (n - at) / (high ? 2 : 1);
	return put_chars(x, b, p + at, cch < room ? cch : room, high);
}

/* ---- the shared string table ---------------------------------------------------- */

/* Reading the gathered SST: raw bytes run over the CONTINUE boundaries;
 * characters that do start a new record get a new flags byte there. */
struct sst_cursor {
	const unsigned char *data;
	size_t len, pos;
	const uint32_t *breaks;
	size_t n_breaks, next_break;
};

static size_t next_break(struct sst_cursor *c)
{
	while (c->next_break < c->n_breaks && c->breaks[c->next_break] < c->pos)
		c->next_break++;
	return c->next_break < c->n_breaks ? c->breaks[c->next_break] : c->len;
}

static bool sst_bytes(struct sst_cursor *c, size_t n, const unsigned char **p)
{
	if (n > c->len - c->pos)
		return false;
	*p = c->data + c->pos;
	c->pos += n;
	return true;
}

/* cch characters, starting 8-bit or 16-bit as high says; a CONTINUE in
 * the middle restarts with its own flags byte. */
static bool sst_chars(struct xls *x, struct sst_cursor *c, size_t cch, bool high,
		      struct pii_buf *b)
{
	while (cch) {
		size_t end = next_break(c);
		if (c->pos == end && end < c->len) {
			/* a record boundary inside the string: new flags */
			high = c->data[c->pos] & 0x01;
			c->pos++;
			c->next_break++;
			end = next_break(c);
		}
		size_t width = high ? 2 : 1;
		size_t fit = (end - c->pos) / width;
		if (!fit)
			return false;
		size_t take = cch < fit ? cch : fit;
		if (!put_chars(x, b, c->data + c->pos, take, high))
			return false;
		c->pos += take * width;
		cch -= take;
	}
	return true;
}

/* One XLUnicodeRichExtendedString of the SST. */
static bool sst_string(struct xls *x, struct sst_cursor *c, struct pii_buf *b)
{
	const unsigned char *h;
	if (!sst_bytes(c, 3, &h))
		return false;
	size_t cch = pii_le16(h);
	uint8_t flags = h[2];
	size_t runs = 0, ext = 0;
	if (flags & 0x08) {
		if (!sst_bytes(c, 2, &h))
			return false;
		runs = pii_le16(h);
	}
	if (flags & 0x04) {
		if (!sst_bytes(c, 4, &h))
			return false;
		ext = pii_le32(h);
	}
	if (!sst_chars(x, c, cch, flags & 0x01, b))
		return false;
	/* formatting runs and phonetic text are not the value */
	size_t skip = runs * 4 + ext;
	if (skip > c->len - c->pos)
		return false;
	c->pos += skip;
	return true;
}

/* The first CONTINUE at or after pos (binary search). */
static size_t break_at_or_after(const struct xls *x, size_t pos)
{
	size_t lo = 0, hi = x->n_breaks;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->sst_breaks[mid] < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static struct sst_cursor cursor_at(const struct xls *x, size_t pos)
{
	return (struct sst_cursor){(const unsigned char *)x->sst_data.data, x->sst_data.len, pos,
				   x->sst_breaks, x->n_breaks, break_at_or_after(x, pos)};
}

/* Where each string starts. Strings are read until the table's bytes
 * end (the count in its header is not trusted either way); a string cut
 * short is damage. */
static void sst_finish(struct xls *x)
{
	x->in_sst = false;
	x->n_sst = 0;
	if (x->sst_data.len < 8)
		return;
	struct sst_cursor c = cursor_at(x, 8);
	struct pii_buf scratch = {0};
	while (c.pos < c.len && x->st == PII_OK) {
		size_t start = c.pos;
		scratch.len = 0;
		if (!sst_string(x, &c, &scratch)) {
			x->damaged = true;
			break;
		}
		if (x->n_sst == x->cap_sst) {
			size_t cap = x->cap_sst ? x->cap_sst * 2 : 256;
			uint32_t *grown = realloc(x->sst_pos, cap * sizeof(*grown));
			if (!grown) {
				x->st = PII_EOBJECT;
				break;
			}
			x->sst_pos = grown;
			x->cap_sst = cap;
		}
		x->sst_pos[x->n_sst++] = (uint32_t)start;
	}
	pii_buf_free(&scratch);
}

/* Shared string i, decoded into x->sst_text; NULL when there is none. */
static const char *shared_string(struct xls *x, uint32_t i)
{
	if (i >= x->n_sst)
		return NULL;
	struct sst_cursor c = cursor_at(x, x->sst_pos[i]);
	x->sst_text.len = 0;
	return sst_string(x, &c, &x->sst_text) ? pii_buf_cstr(&x->sst_text) : NULL;
}

static void sst_gather(struct xls *x, const unsigned char *p, size_t n, bool continued)
{
	if (continued) {
		if (x->n_breaks == x->cap_breaks) {
			size_t cap = x->cap_breaks ? x->cap_breaks * 2 : 16;
			uint32_t *grown = realloc(x->sst_breaks, cap * sizeof(*grown));
			if (!grown) {
				x->st = PII_EOBJECT;
				return;
			}
			x->sst_breaks = grown;
			x->cap_breaks = cap;
		}
		x->sst_breaks[x->n_breaks++] = (uint32_t)x->sst_data.len;
	}
	if (x->sst_data.len + n > PII_DOC_MEMORY_MAX) {
		/* the strings past it are not read; the cells still are */
		if (!x->sst_too_large)
			pii_cfb_problem(x->f, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE,
					"shared string table larger than 256 MiB: the strings past "
					"it were not read");
		x->sst_too_large = true;
	} else if (!pii_buf_append(&x->sst_data, p, n)) {
		x->st = PII_EOBJECT;
	}
}

/* ---- number formats -------------------------------------------------------------- */

static bool xf_is_date(const struct xls *x, uint16_t ixfe)
{
	if (ixfe >= x->n_xf)
		return false;
	uint16_t ifmt = x->xf_format[ixfe];
	if (pii_numfmt_builtin_date(ifmt))
		return true;
	for (size_t i = 0; i < x->n_date_formats; i++)
		if (x->date_formats[i] == ifmt)
			return true;
	return false;
}

static void add_u16(struct xls *x, uint16_t **arr, size_t *n, size_t *cap, uint16_t v)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		if (c > 1 << 20)
			return; /* more than any workbook has: damage */
		uint16_t *grown = realloc(*arr, c * sizeof(**arr));
		if (!grown) {
			x->st = PII_EOBJECT;
			return;
		}
		*arr = grown;
		*cap = c;
	}
	(*arr)[(*n)++] = v;
}

static void format_record(struct xls *x, const unsigned char *p, size_t n)
{
	if (n < 3)
		return;
	struct pii_buf fmt = {0};
	bool ok = x->biff8 ? cell_string(x, p + 2, n - 2, &fmt)
			   : put_chars(x, &fmt, p + 3, p[2] < n - 3 ? p[2] : n - 3, false);
	if (ok && pii_numfmt_is_date(pii_buf_cstr(&fmt)))
		add_u16(x, &x->date_formats, &x->n_date_formats, &x->cap_date_formats,
			pii_le16(p));
	pii_buf_free(&fmt);
}

/* ---- values as text ----------------------------------------------------------------- */

static void number_text(const struct xls *x, double v, uint16_t ixfe, char *out, size_t n)
{
	if (!isfinite(v)) {
		*out = 0;
	} else if (xf_is_date(x, ixfe) && pii_serial_date(v, x->date1904, out, n)) {
		/* a date, as a person reads it */
	} else if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(out, n, "%.0f", v);
	} else {
		snprintf(out, n, "%.15g", v);
	}
}

static double rk_value(uint32_t rk)
{
	double v;
	if (rk & 0x02) {
		v = (double)((int32_t)rk >> 2);
	} else {
		uint64_t bits = (uint64_t)(rk & 0xfffffffcu) << 32;
		memcpy(&v, &bits, sizeof(v));
	}
	return rk & 0x01 ? v / 100 : v;
}

/* ---- cells ------------------------------------------------------------------------ */

static void cell(struct xls *x, uint32_t row, uint16_t col, const char *value, bool text)
{
	if (!x->in_sheet || x->depth != 1 || col >= XLS_COLUMNS)
		return;
	/* BIFF counts rows and columns from 0, a person from 1 */
	pii_sheet_cells_put(&x->cells, row + 1, (uint32_t)col + 1, value, text);
	if (x->st == PII_OK)
		x->st = x->cells.st; /* the sink's error stops the workbook */
}

static void text_cell(struct xls *x, uint32_t row, uint16_t col, const unsigned char *p,
		      size_t n)
{
	struct pii_buf b = {0};
	if (cell_string(x, p, n, &b))
		cell(x, row, col, pii_buf_cstr(&b), true);
	pii_buf_free(&b);
}

static void number_cell(struct xls *x, uint32_t row, uint16_t col, uint16_t ixfe, double v)
{
	char text[64];
	number_text(x, v, ixfe, text, sizeof(text));
	cell(x, row, col, text, false);
}

static void cell_record(struct xls *x, uint16_t type, const unsigned char *p, size_t n)
{
	if (n < 6)
		return;
	uint16_t row = pii_le16(p), col = pii_le16(p + 2), ixfe = pii_le16(p + 4);
	double v;
	switch (type) {
	case REC_LABELSST:
		if (n >= 10) {
			const char *text = shared_string(x, pii_le32(p + 6));
			if (text)
				cell(x, row, col, text, true);
		}
		break;
	case REC_LABEL:
	case REC_RSTRING:
		text_cell(x, row, col, p + 6, n - 6);
		break;
	case REC_NUMBER:
		if (n >= 14) {
			memcpy(&v, p + 6, sizeof(v));
			number_cell(x, row, col, ixfe, v);
		}
		break;
	case REC_RK:
		if (n >= 10)
			number_cell(x, row, col, ixfe, rk_value(pii_le32(p + 6)));
		break;
	case REC_MULRK:
		/* col, then (ixfe, rk) pairs, then the last column */
		for (size_t at = 4; at + 6 <= n - 2; at += 6, col++)
			number_cell(x, row, col, pii_le16(p + at), rk_value(pii_le32(p + at + 2)));
		break;
	case REC_FORMULA:
		if (n < 14)
			break;
		if (p[12] == 0xff && p[13] == 0xff) {
			/* not a number: a string result follows in a STRING record */
			x->formula_string = p[6] == 0;
			x->formula_row = row;
			x->formula_col = col;
		} else {
			memcpy(&v, p + 6, sizeof(v));
			number_cell(x, row, col, ixfe, v);
		}
		break;
	}
}

/* ---- records ---------------------------------------------------------------------- */

static void add_sheet_name(struct xls *x, const unsigned char *p, size_t n)
{
	if (n < 8 || x->n_sheets >= 65536)
		return;
	struct pii_buf name = {0};
	bool ok;
	size_t cch = p[6];
	if (x->biff8)
		ok = n >= 8 && put_chars(x, &name, p + 8,
					 cch < (n - 8) / ((p[7] & 1) ? 2 : 1)
						 ? cch
						 : (n - 8) / ((p[7] & 1) ? 2 : 1),
					 p[7] & 1);
	else
		ok = put_chars(x, &name, p + 7, cch < n - 7 ? cch : n - 7, false);
	if (x->n_sheets == x->cap_sheets) {
		size_t cap = x->cap_sheets ? x->cap_sheets * 2 : 8;
		struct sheet_name *grown = realloc(x->sheets, cap * sizeof(*grown));
		if (!grown) {
			pii_buf_free(&name);
			x->st = PII_EOBJECT;
			return;
		}
		x->sheets = grown;
		x->cap_sheets = cap;
	}
	x->sheets[x->n_sheets++] = (struct sheet_name){pii_le32(p), ok ? strdup(pii_buf_cstr(&name)) : NULL};
	pii_buf_free(&name);
}

static const char *sheet_at(struct xls *x, uint32_t offset)
{
	for (size_t i = 0; i < x->n_sheets; i++)
		if (x->sheets[i].offset == offset && x->sheets[i].name && *x->sheets[i].name)
			return x->sheets[i].name;
	snprintf(x->sheet_fallback, sizeof(x->sheet_fallback), "sheet %u", x->substreams - 1);
	return x->sheet_fallback;
}

static void end_sheet(struct xls *x)
{
	enum pii_status st = pii_sheet_cells_end(&x->cells);
	if (x->st == PII_OK)
		x->st = st;
	x->in_sheet = false;
	x->formula_string = false;
}

/* The stream is the workbook's globals, then one BOF..EOF substream per
 * sheet; a chart inside a sheet nests its own. */
static void bof(struct xls *x, const unsigned char *p, size_t n, uint32_t offset)
{
	if (x->depth++ > 0)
		return;
	if (x->substreams++ == 0) {
		x->biff8 = n >= 2 && pii_le16(p) == 0x0600;
		return;
	}
	/* worksheets are read; charts, macro and dialog sheets are not */
	if (n >= 4 && pii_le16(p + 2) == 0x0010) {
		x->in_sheet = true;
		x->sheet = sheet_at(x, offset);
		pii_sheet_cells_begin(&x->cells, x->f->out, x->f->in->path, x->sheet, XLS_COLUMNS);
	}
}

static void eof(struct xls *x)
{
	if (x->depth > 0 && --x->depth == 0 && x->in_sheet)
		end_sheet(x);
}

static void record(struct xls *x, uint16_t type, const unsigned char *p, size_t n,
		   uint32_t offset)
{
	if (x->in_sst && type != REC_CONTINUE)
		sst_finish(x);
	switch (type) {
	case REC_BOF:
		bof(x, p, n, offset);
		break;
	case REC_EOF:
		eof(x);
		break;
	case REC_CODEPAGE:
		if (n >= 2)
			x->codepage = pii_le16(p);
		break;
	case REC_DATEMODE:
		if (n >= 2)
			x->date1904 = pii_le16(p) == 1;
		break;
	case REC_BOUNDSHEET:
		add_sheet_name(x, p, n);
		break;
	case REC_XF:
		if (n >= 4)
			add_u16(x, &x->xf_format, &x->n_xf, &x->cap_xf, pii_le16(p + 2));
		break;
	case REC_FORMAT:
		format_record(x, p, n);
		break;
	case REC_SST:
		/* a second SST (damage) replaces the first */
		x->sst_data.len = 0;
		x->n_breaks = 0;
		x->n_sst = 0;
		x->in_sst = true;
		sst_gather(x, p, n, false);
		break;
	case REC_CONTINUE:
		if (x->in_sst)
			sst_gather(x, p, n, true);
		break;
	case REC_STRING:
		if (x->formula_string)
			text_cell(x, x->formula_row, x->formula_col, p, n);
		x->formula_string = false;
		break;
	default:
		cell_record(x, type, p, n);
	}
}

/* ---- the format -------------------------------------------------------------------- */

static void free_xls(struct xls *x)
{
	for (size_t i = 0; i < x->n_sheets; i++)
		free(x->sheets[i].name);
	free(x->sheets);
	free(x->sst_pos);
	pii_buf_free(&x->sst_text);
	free(x->xf_format);
	free(x->date_formats);
	pii_buf_free(&x->sst_data);
	free(x->sst_breaks);
}

/* Objects embedded in the workbook: storages "MBD<id>" at its root. */
static enum pii_status embedded_objects(struct pii_cfb *f)
{
	enum pii_status st = PII_OK;
	int n = gsf_infile_num_children(f->root);
	for (int i = 0; i < n && st == PII_OK; i++) {
		const char *name = gsf_infile_name_by_index(f->root, i);
		if (!name || strncmp(name, "MBD", 3))
			continue;
		GsfInput *obj = gsf_infile_child_by_index(f->root, i);
		struct pii_buf where = {0};
		pii_cfb_clean_name(&where, name);
		if (obj && pii_cfb_is_storage(obj) && where.data)
			st = pii_cfb_embedded(f, GSF_INFILE(obj), where.data);
		pii_buf_free(&where);
		if (obj)
			g_object_unref(obj);
	}
	return pii_status_after_members(st);
}

static GsfInput *workbook_stream(GsfInfile *root)
{
	GsfInput *s = gsf_infile_child_by_name(root, "Workbook");
	if (!s)
		s = gsf_infile_child_by_name(root, "Book");
	if (s && pii_cfb_is_storage(s)) {
		g_object_unref(s);
		s = NULL;
	}
	return s;
}

static enum pii_status xls_run(struct pii_cfb *f)
{
	GsfInput *s = workbook_stream(f->root);
	if (!s) {
		pii_cfb_problem(f, PII_FILE_FAILED, PII_CODE_DAMAGED,
				"Excel workbook whose Workbook stream cannot be opened");
		return PII_OK;
	}
	struct xls *x = calloc(1, sizeof(*x));
	if (!x) {
		g_object_unref(s);
		return PII_EOBJECT;
	}
	x->f = f;
	x->codepage = 1252;
	const char *problem = NULL;
	const char *code = PII_CODE_DAMAGED;
	enum pii_file_status status = PII_FILE_PARTIAL;
	while (x->st == PII_OK && gsf_input_remaining(s) >= 4) {
		uint32_t offset = (uint32_t)gsf_input_tell(s);
		const guint8 *h = gsf_input_read(s, 4, NULL);
		if (!h) {
			problem = "the Workbook stream ends inside a record (damaged?)";
			break;
		}
		uint16_t type = pii_le16(h), len = pii_le16(h + 2);
		const guint8 *body = len ? gsf_input_read(s, len, NULL) : h;
		if (!body) {
			problem = "the Workbook stream ends inside a record (damaged?)";
			break;
		}
		if (type == REC_FILEPASS) {
			problem = "encrypted Excel workbook, not scanned";
			code = PII_CODE_ENCRYPTED;
			status = PII_FILE_SKIPPED;
			break;
		}
		if (offset == 0 && type != REC_BOF) {
			problem = type == REC_BOF_OLD || type == 0x0209 || type == 0x0009
					  ? "Excel 2-4 workbook, not read"
					  : "not an Excel workbook stream (damaged?)";
			code = type == REC_BOF_OLD ? PII_CODE_UNSUPPORTED : PII_CODE_DAMAGED;
			break;
		}
		if (x->depth > XLS_MAX_NESTING) {
			problem = "sheets nested too deep (damaged?)";
			break;
		}
		record(x, type, body, len, offset);
	}
	if (x->in_sst)
		sst_finish(x);
	if (x->in_sheet)
		end_sheet(x);
	if (!problem && x->damaged)
		problem = "the shared string table is damaged: some cells were not read";
	if (problem && x->st != PII_EFATAL)
		pii_cfb_problem(f, status, code, problem);
	enum pii_status st = x->st;
	free_xls(x);
	free(x);
	g_object_unref(s);
	if (st == PII_OK && status != PII_FILE_SKIPPED) /* not when encrypted */
		st = embedded_objects(f);
	return st;
}

static const char *const xls_streams[] = {"Workbook", "Book", NULL};

const struct pii_cfb_format pii_cfb_xls = {
	.name = "xls",
	.streams = xls_streams,
	.run = xls_run,
};
