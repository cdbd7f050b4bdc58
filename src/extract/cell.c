/*
 * cell.c - cells of tables on their way to the sink (see pii_cell.h).
 */
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
