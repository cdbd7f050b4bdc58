/*
 * calcard.c - a file of vCard or iCalendar content lines as a table (see
 * pii_calcard.h): the components nest on a small stack, so that an
 * alarm belongs to its event and a card whose END is missing still ends
 * where the next one begins.
 */
#include "pii_calcard.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "pii_cell.h"
#include "pii_decode.h"
#include "pii_limits.h"

/* Components open at once. Real files nest three deep (calendar, event,
 * alarm); past this a BEGIN takes the place of the innermost component,
 * as a missing END would have it. */
#define STACK_MAX 16

struct frame {
	char name[32];
	uint64_t row;  /* the row its properties belong to; 0: none */
	bool hidden;
};

struct pii_calcard {
	struct pii_input *in;
	struct pii_sink *out;
	const struct pii_calcard_format *f;
	struct frame stack[STACK_MAX];
	size_t depth;
	uint64_t rows;       /* rows begun */
	struct pii_cell cell;
	struct pii_buf scratch;
	char column[PII_NAME_MAX];
	uint64_t cut_line;   /* the first text property cut, and how many */
	uint64_t n_cut;
	enum pii_status st;
	void *state;         /* the format's */
};

void *pii_calcard_state(struct pii_calcard *cc)
{
	return cc->state;
}

bool pii_calcard_is_one_of(const char *s, const char *const *words)
{
	for (; words && *words; words++)
		if (!strcasecmp(s, *words))
			return true;
	return false;
}

/* ---- bidding ------------------------------------------------------------------- */

/* Whether t[0..n) starts, past blanks, with BEGIN:<begin> and a line end. */
static bool starts_with_begin(const char *t, size_t n, const char *begin)
{
	size_t i = 0;
	while (i < n && strchr(" \t\r\n", t[i]))
		i++;
	size_t w = strlen(begin);
	if (n - i < 6 + w || strncasecmp(t + i, "BEGIN:", 6) || strncasecmp(t + i + 6, begin, w))
		return false;
	i += 6 + w;
	return i == n || t[i] == '\r' || t[i] == '\n' || t[i] == ' ' || t[i] == '\t';
}

int pii_calcard_bid(const struct pii_input *in, const char *begin)
{
	if (in->type.kind != PII_KIND_TEXT)
		return PII_BID_NONE;
	size_t skip = in->type.bom < in->head_len ? in->type.bom : in->head_len;
	const char *t = (const char *)in->head + skip;
	size_t n = in->head_len - skip;
	if (n > 256)
		n = 256; /* blanks and the BEGIN line fit */
	enum pii_encoding enc = in->type.encoding;
	if (enc == PII_ENC_UTF8 || enc == PII_ENC_CP1252)
		return starts_with_begin(t, n, begin) ? PII_BID_SIGNATURE : PII_BID_NONE;
	/* UTF-16 (old phones wrote it): the head decoded. */
	struct pii_decoder dec;
	pii_decoder_init(&dec, enc);
	struct pii_buf u = {0};
	bool yes = pii_decode(&dec, t, n & ~(size_t)1, true, &u) &&
		   starts_with_begin(u.data, u.len, begin);
	pii_buf_free(&u);
	return yes ? PII_BID_SIGNATURE : PII_BID_NONE;
}

/* ---- cells --------------------------------------------------------------------- */

static uint64_t current_row(const struct pii_calcard *cc)
{
	return cc->depth ? cc->stack[cc->depth - 1].row : 0;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool pii_calcard_put(struct pii_calcard *cc, const struct pii_contentline *cl,
		     const char *text, size_t len)
{
	while (len && is_blank(*text)) {
		text++;
		len--;
	}
	while (len && is_blank(text[len - 1]))
		len--;
	if (!len)
		return cc->st == PII_OK;
	snprintf(cc->column, sizeof(cc->column), "%s", cl->name);
	pii_sink_set_row(cc->out, current_row(cc));
	pii_cell_start(&cc->cell, cl->line, cl->offset);
	/* A line that is no property has no column. */
	cc->cell.loc = (struct pii_loc){.file = cc->in->path, .table = cc->f->table,
					.column = *cl->name ? cc->column : NULL};
	pii_cell_put(&cc->cell, text, len);
	enum pii_status st = pii_cell_end(&cc->cell);
	if (cc->st == PII_OK)
		cc->st = st;
	return cc->st == PII_OK;
}

bool pii_calcard_out_of_memory(struct pii_calcard *cc)
{
	if (cc->st == PII_OK)
		cc->st = PII_EOBJECT;
	return false;
}

bool pii_calcard_put_value(struct pii_calcard *cc, const struct pii_contentline *cl,
			   struct pii_buf *scratch)
{
	scratch->len = 0;
	if (!pii_cl_unescape(cl, scratch))
		return pii_calcard_out_of_memory(cc);
	return pii_calcard_put(cc, cl, scratch->data, scratch->len);
}

/* ---- components ---------------------------------------------------------------- */

/* The components from the innermost down to index i close: a row's
 * end is told to the format while the row is still current. */
static void close_to(struct pii_calcard *cc, size_t i)
{
	while (cc->depth > i) {
		const struct frame *top = &cc->stack[cc->depth - 1];
		if (cc->f->row_end && cc->st == PII_OK &&
		    pii_calcard_is_one_of(top->name, cc->f->rows))
			cc->f->row_end(cc);
		cc->depth--;
	}
}

static void begin_component(struct pii_calcard *cc, const char *name)
{
	const struct frame *top = cc->depth ? &cc->stack[cc->depth - 1] : NULL;
	struct frame fr = {.row = top ? top->row : 0, .hidden = top && top->hidden};
	snprintf(fr.name, sizeof(fr.name), "%s", name);
	if (pii_calcard_is_one_of(name, cc->f->rows))
		fr.row = ++cc->rows;
	fr.hidden |= pii_calcard_is_one_of(name, cc->f->hidden);
	if (cc->depth == STACK_MAX)
		close_to(cc, cc->depth - 1);
	cc->stack[cc->depth++] = fr;
}

/* Closes the innermost component of that name and what is open inside
 * it; an END of nothing open is passed over. */
static void end_component(struct pii_calcard *cc, const char *name)
{
	for (size_t i = cc->depth; i-- > 0;)
		if (!strcasecmp(cc->stack[i].name, name)) {
			close_to(cc, i);
			return;
		}
}

static bool technical(const struct pii_calcard_format *f, const char *name)
{
	if (pii_calcard_is_one_of(name, f->technical))
		return true;
	for (const char *const *p = f->technical_prefixes; p && *p; p++)
		if (!strncasecmp(name, *p, strlen(*p)))
			return true;
	return false;
}

/* The component's name: the value up to blanks. */
static void component_name(const struct pii_contentline *cl, char *out, size_t outsz)
{
	size_t n = 0;
	while (n < cl->value_len && !is_blank(cl->value[n]))
		n++;
	snprintf(out, outsz, "%.*s", (int)n, cl->value);
}

static bool on_line(void *ctx, const struct pii_contentline *cl)
{
	struct pii_calcard *cc = ctx;
	bool is_begin = !strcmp(cl->name, "BEGIN"), is_end = !strcmp(cl->name, "END");
	if (is_begin || is_end) {
		char name[32];
		component_name(cl, name, sizeof(name));
		if (is_begin)
			begin_component(cc, name);
		else
			end_component(cc, name);
		return true;
	}
	bool hidden = cc->depth && cc->stack[cc->depth - 1].hidden;
	if (hidden || cl->binary || technical(cc->f, cl->name))
		return true;
	if (cl->cut && !cc->n_cut++)
		cc->cut_line = cl->line;
	if (!*cl->name || !cc->f->property)
		return pii_calcard_put_value(cc, cl, &cc->scratch);
	return cc->f->property(cc, cl, &cc->scratch);
}

/* ---- reading ------------------------------------------------------------------- */

static bool feed(void *ctx, const char *utf8, size_t len)
{
	return pii_cl_feed(ctx, utf8, len);
}

/* 8-bit text is read as it is: each value is decoded by its CHARSET. */
static enum pii_status read_raw(struct pii_input *in, struct pii_cl_reader *r)
{
	for (;;) {
		ssize_t n = pii_input_read(in, in->scratch, PII_READ_CHUNK);
		if (n < 0)
			return PII_EOBJECT;
		if (n == 0 || !pii_cl_feed(r, (const char *)in->scratch, (size_t)n))
			return PII_OK;
	}
}

static void report_cut(struct pii_calcard *cc)
{
	char why[200];
	snprintf(why, sizeof(why),
		 "%llu propert%s longer than %zu KiB (the first on line %llu): the rest of %s "
		 "was not read",
		 (unsigned long long)cc->n_cut, cc->n_cut == 1 ? "y" : "ies",
		 PII_CONTENTLINE_MAX >> 10, (unsigned long long)cc->cut_line,
		 cc->n_cut == 1 ? "it" : "each");
	pii_sink_problem(cc->out, cc->in->path, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE, why);
}

enum pii_status pii_calcard_run(struct pii_input *in, struct pii_sink *out,
				const struct pii_calcard_format *f, void *state)
{
	struct pii_calcard cc = {.in = in, .out = out, .f = f, .state = state};
	cc.cell.out = out;
	struct pii_decoder dec;
	if (!pii_input_start_text(in, &dec))
		return PII_EOBJECT;
	struct pii_cl_reader r;
	bool transcoded = dec.enc != PII_ENC_UTF8;
	pii_cl_init(&r, transcoded, on_line, &cc);
	/* A read error ends the text: what was read is kept, the error row
	 * is the file's. */
	enum pii_status rd = transcoded ? pii_input_decode(in, &dec, NULL, 0, feed, &r)
					: read_raw(in, &r);
	pii_cl_finish(&r);
	close_to(&cc, 0); /* components the file left open end with it */
	if (rd != PII_OK && !in->read_errno && cc.st == PII_OK)
		cc.st = PII_EOBJECT;
	if (r.oom && cc.st == PII_OK)
		cc.st = PII_EOBJECT;
	if (cc.n_cut)
		report_cut(&cc);
	pii_sink_set_row(out, 0);
	if (cc.rows)
		pii_sink_table_rows(out, in->path, f->table, cc.rows);
	pii_cl_free(&r);
	pii_cell_free(&cc.cell);
	pii_buf_free(&cc.scratch);
	if (cc.st == PII_EFATAL)
		return PII_EFATAL;
	return cc.st != PII_OK || in->read_errno ? PII_EOBJECT : PII_OK;
}
