/*
 * cell.c - cells of tables on their way to the sink (see pii_cell.h).
 */
#include <stdlib.h>
#include <string.h>

#include "pii_cell.h"
#include "pii_decode.h"
#include "pii_limits.h"
#include "pii_names.h"

void pii_cell_start(struct pii_cell *c, uint64_t line, uint64_t offset)
{
	c->text.len = 0;
	c->paging = false;
	c->line = line;
	c->offset = offset;
	c->st = PII_OK;
}

/* The sink takes valid UTF-8 only; parsers may have made bytes that are
 * not (an octal escape in a COPY block): those go through the decoder,
 * which reads them as Windows-1252. Most cells are ASCII and pass as
 * they are. */
static const char *valid_utf8(struct pii_cell *c, const char *s, size_t *n)
{
	size_t i = 0;
	while (i < *n && !((unsigned char)s[i] & 0x80))
		i++;
	if (i == *n)
		return s;
	struct pii_decoder dec;
	pii_decoder_init(&dec, PII_ENC_UTF8);
	c->clean.len = 0;
	if (!pii_decode(&dec, s, *n, true, &c->clean)) {
		c->st = PII_EOBJECT;
		*n = 0;
		return s;
	}
	*n = c->clean.len;
	return c->clean.data;
}

/* Past PII_CELL_MAX the cell becomes a text stream: what is gathered goes
 * out, whole characters only (a cut one waits for the next bytes). */
static void page_out(struct pii_cell *c)
{
	if (!c->paging) {
		c->paging = true;
		c->st = pii_sink_begin_text(c->out, &c->loc, false);
	}
	size_t whole = pii_utf8_trim_incomplete(c->text.data, c->text.len);
	size_t n = whole;
	const char *s = valid_utf8(c, c->text.data, &n);
	if (c->st == PII_OK && n)
		c->st = pii_sink_write_text(c->out, s, n);
	memmove(c->text.data, c->text.data + whole, c->text.len - whole);
	c->text.len -= whole;
}

void pii_cell_put(struct pii_cell *c, const char *s, size_t n)
{
	if (!pii_buf_append(&c->text, s, n))
		c->st = PII_EOBJECT;
	if (c->text.len >= PII_CELL_MAX)
		page_out(c);
}

void pii_cell_putc(struct pii_cell *c, char ch)
{
	pii_cell_put(c, &ch, 1);
}

void pii_cell_put_strings(struct pii_cell *c, const unsigned char *bytes, size_t len)
{
	size_t run = 0; /* bytes of the printable run at bytes[i - run] */
	for (size_t i = 0; i <= len; i++) {
		bool printable = i < len && ((bytes[i] >= 0x20 && bytes[i] < 0x7f) ||
					     bytes[i] == '\t' || bytes[i] >= 0x80);
		if (printable) {
			run++;
			continue;
		}
		if (run >= 4) { /* shorter: not a word */
			pii_cell_put(c, (const char *)bytes + i - run, run);
			pii_cell_putc(c, '\n');
		}
		run = 0;
	}
}

enum pii_status pii_cell_end(struct pii_cell *c)
{
	size_t n = c->text.len;
	const char *s = n ? valid_utf8(c, c->text.data, &n) : NULL;
	if (c->paging) {
		if (c->st == PII_OK && n)
			c->st = pii_sink_write_text(c->out, s, n);
		enum pii_status end = pii_sink_end_text(c->out);
		if (c->st == PII_OK)
			c->st = end;
	} else if (n && c->st == PII_OK) {
		c->st = pii_sink_text(c->out, &c->loc, s, n, c->offset, c->line);
	}
	c->text.len = 0;
	c->paging = false;
	return c->st;
}

void pii_cell_free(struct pii_cell *c)
{
	pii_buf_free(&c->text);
	pii_buf_free(&c->clean);
}

void pii_table_name_of(const char *path, char *out, size_t outsz)
{
	const char *base = path;
	for (const char *p = path; *p; p++)
		if (*p == '/' || *p == '!')
			base = p + 1;
	size_t n = strlen(base);
	const char *dot = strrchr(base, '.');
	if (dot && dot > base)
		n = (size_t)(dot - base);
	if (n >= outsz)
		n = outsz - 1;
	memcpy(out, base, n);
	out[n] = '\0';
}

void pii_column_letters(uint32_t col, char out[8])
{
	char tmp[8];
	int n = 0;
	while (col && n < 7) {
		col--;
		tmp[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	for (int i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

bool pii_header_holds_value(const char *text)
{
	return strchr(text, '@') || pii_name_score(text, strlen(text)) >= 2;
}

/* ---- spreadsheet cells -------------------------------------------------------- */

void pii_sheet_cells_begin(struct pii_sheet_cells *s, struct pii_sink *out, const char *file,
			   const char *table, uint32_t max_col)
{
	*s = (struct pii_sheet_cells){.out = out, .file = file, .table = table, .max_col = max_col};
}

void pii_sheet_cells_row(struct pii_sheet_cells *s, uint32_t row)
{
	if (!s->first_row)
		s->first_row = row;
}

/* Hands one cell's text to the matcher, located by sheet and column. */
static void emit(struct pii_sheet_cells *s, uint32_t row, uint32_t col, const char *value)
{
	if (!*value || s->st != PII_OK)
		return;
	char letters[8];
	pii_column_letters(col, letters);
	bool header_row = s->header && row == s->first_row;
	struct pii_loc loc = {.file = s->file, .table = s->table};
	/* a header cell names its column and is no value in it */
	if (!header_row)
		loc.column = s->header && col && s->header[col] ? s->header[col] : letters;
	if (!header_row && row != s->last_counted) {
		s->data_rows++;
		s->last_counted = row;
	}
	pii_sink_set_row(s->out, header_row ? 0 : row);
	s->st = pii_sink_text(s->out, &loc, value, strlen(value), 0, row);
}

/* The first row is a header when every cell in it is text, in a known
 * column, and none is a person's value. Its cells are scanned all the
 * same. */
static void judge(struct pii_sheet_cells *s)
{
	s->judged = true;
	bool header = s->n_held > 0;
	for (size_t i = 0; i < s->n_held; i++)
		if (!s->held[i].text || !s->held[i].col ||
		    pii_header_holds_value(s->held[i].value))
			header = false;
	if (header)
		s->header = calloc((size_t)s->max_col + 1, sizeof(char *));
	for (size_t i = 0; s->header && i < s->n_held; i++) {
		/* a damaged sheet can name a column twice: the last wins */
		free(s->header[s->held[i].col]);
		s->header[s->held[i].col] = strdup(s->held[i].value);
	}
	for (size_t i = 0; i < s->n_held; i++) {
		emit(s, s->first_row, s->held[i].col, s->held[i].value);
		free(s->held[i].value);
	}
	s->n_held = 0;
}

void pii_sheet_cells_put(struct pii_sheet_cells *s, uint32_t row, uint32_t col,
			 const char *value, bool text)
{
	if (!*value)
		return;
	if (col > s->max_col)
		col = 0;
	pii_sheet_cells_row(s, row);
	if (row == s->first_row && !s->judged && s->n_held < s->max_col) {
		if (s->n_held == s->cap_held) {
			size_t cap = s->cap_held ? s->cap_held * 2 : 32;
			struct pii_held_cell *grown = realloc(s->held, cap * sizeof(*grown));
			if (!grown) {
				s->st = PII_EOBJECT;
				return;
			}
			s->held = grown;
			s->cap_held = cap;
		}
		char *copy = strdup(value);
		if (!copy) {
			s->st = PII_EOBJECT;
			return;
		}
		s->held[s->n_held++] = (struct pii_held_cell){col, copy, text};
		return;
	}
	if (!s->judged)
		judge(s);
	emit(s, row, col, value);
}

void pii_sheet_cells_row_end(struct pii_sheet_cells *s, uint32_t row)
{
	if (row == s->first_row && !s->judged)
		judge(s);
}

enum pii_status pii_sheet_cells_end(struct pii_sheet_cells *s)
{
	if (!s->judged)
		judge(s); /* a sheet of one row */
	pii_sink_set_row(s->out, 0);
	if (s->data_rows && s->st == PII_OK)
		pii_sink_table_rows(s->out, s->file, s->table, s->data_rows);
	if (s->header)
		for (size_t i = 0; i <= s->max_col; i++)
			free(s->header[i]);
	free(s->header);
	free(s->held);
	s->header = NULL;
	s->held = NULL;
	return s->st;
}
