/*
 * Excel workbooks (cfb_xls.c) made record by record in the test, so that
 * what LibreOffice does not write is covered too: a shared string split
 * by CONTINUE where it changes from 8-bit to UTF-16, rich and phonetic
 * strings, RK/MULRK/NUMBER/FORMULA cells, custom and built-in date
 * formats in both date systems, BIFF5 with its code page, FILEPASS, and
 * damage (a record cut short, an SST index out of range, a second SST).
 */
#include <stdlib.h>

#include "cfb_writer.h"
#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_cfb;

static void f64(struct pii_buf *b, double v)
{
	pii_buf_append(b, &v, 8); /* little-endian machines only, as [MS-XLS] */
}

/* One record: type, then its body. */
static void rec(struct pii_buf *b, unsigned type, const struct pii_buf *body)
{
	t_u16(b, type);
	t_u16(b, (unsigned)body->len);
	pii_buf_append(b, body->data, body->len);
}

static void bof(struct pii_buf *b, unsigned version, unsigned kind)
{
	struct pii_buf r = {0};
	t_u16(&r, version);
	t_u16(&r, kind);
	t_u32(&r, 0);
	t_u32(&r, 0);
	rec(b, 0x0809, &r);
	pii_buf_free(&r);
}

static void eof(struct pii_buf *b)
{
	struct pii_buf r = {0};
	rec(b, 0x000a, &r);
}

/* A cell's first six bytes: row, column, XF. */
static void cell_head(struct pii_buf *r, unsigned row, unsigned col, unsigned xf)
{
	t_u16(r, row);
	t_u16(r, col);
	t_u16(r, xf);
}

static void labelsst(struct pii_buf *b, unsigned row, unsigned col, uint32_t i)
{
	struct pii_buf r = {0};
	cell_head(&r, row, col, 0);
	t_u32(&r, i);
	rec(b, 0x00fd, &r);
	pii_buf_free(&r);
}

static void number(struct pii_buf *b, unsigned row, unsigned col, unsigned xf, double v)
{
	struct pii_buf r = {0};
	cell_head(&r, row, col, xf);
	f64(&r, v);
	rec(b, 0x0203, &r);
	pii_buf_free(&r);
}

static void rk(struct pii_buf *b, unsigned row, unsigned col, unsigned xf, uint32_t v)
{
	struct pii_buf r = {0};
	cell_head(&r, row, col, xf);
	t_u32(&r, v);
	rec(b, 0x027e, &r);
	pii_buf_free(&r);
}

/* XF records: 0 General, 1 the custom format 164, 2 built-in 14. */
static void formats(struct pii_buf *b, const char *custom)
{
	struct pii_buf r = {0};
	t_u16(&r, 164);
	t_u16(&r, (unsigned)strlen(custom));
	pii_buf_putc(&r, 0);
	pii_buf_puts(&r, custom);
	rec(b, 0x041e, &r);
	static const unsigned fmt[3] = {0, 164, 14};
	for (int i = 0; i < 3; i++) {
		r.len = 0;
		t_u16(&r, 0);
		t_u16(&r, fmt[i]);
		for (int k = 0; k < 16; k++)
			pii_buf_putc(&r, 0);
		rec(b, 0x00e0, &r);
	}
	pii_buf_free(&r);
}

/* The globals: formats, the SST (given whole, CONTINUEs included), the
 * one sheet "Personeel" whose BOF follows at the offset it names. */
static size_t globals(struct pii_buf *b, const struct pii_buf *sst, bool date1904)
{
	bof(b, 0x0600, 0x0005);
	formats(b, "dd\\-mm\\-yyyy");
	struct pii_buf r = {0};
	if (date1904) {
		t_u16(&r, 1);
		rec(b, 0x0022, &r);
		r.len = 0;
	}
	size_t boundsheet = b->len + 4;
	t_u32(&r, 0); /* filled in below */
	t_u16(&r, 0);
	pii_buf_putc(&r, 9);
	pii_buf_putc(&r, 0);
	pii_buf_puts(&r, "Personeel");
	rec(b, 0x0085, &r);
	pii_buf_free(&r);
	pii_buf_append(b, sst->data, sst->len);
	eof(b);
	return boundsheet;
}

static void set_u32(struct pii_buf *b, size_t at, uint32_t v)
{
	unsigned char *p = (unsigned char *)b->data + at;
	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
	p[2] = (v >> 16) & 0xff;
	p[3] = v >> 24;
}

static enum pii_status run(struct record_sink *rs, const char *stream, const struct pii_buf *wb)
{
	struct t_stream s[1] = {{stream, wb->data, wb->len}};
	size_t len = 0;
	unsigned char *data = t_cfb(s, 1, &len);
	enum pii_status st = data ? t_run_bytes(rs, x, "t.xls", data, len) : PII_EFATAL;
	free(data);
	return st;
}

/* The cell text at column header `column` in row `row`, or NULL. */
static const char *cell_at(const struct record_sink *rs, const char *column, uint64_t row)
{
	for (size_t i = 0; i < rs->n; i++) {
		const struct rs_rec *r = &rs->recs[i];
		if (r->kind == RS_TEXT && r->row == row && r->loc.column &&
		    !strcmp(r->loc.column, column))
			return r->text;
	}
	return NULL;
}

/* The SST: "Naam", "Telefoon", "Geboren", then "Jürgen Müller" split by
 * a CONTINUE after "Jürgen " whose flags byte turns to UTF-16 for
 * "Müller", then a rich string with a phonetic block. */
static void shared_strings(struct pii_buf *sst)
{
	struct pii_buf r = {0};
	t_u32(&r, 5);
	t_u32(&r, 5);
	const char *plain[3] = {"Naam", "Telefoon", "Geboren"};
	for (int i = 0; i < 3; i++) {
		t_u16(&r, (unsigned)strlen(plain[i]));
		pii_buf_putc(&r, 0);
		pii_buf_puts(&r, plain[i]);
	}
	t_u16(&r, 13);
	pii_buf_putc(&r, 0);
	pii_buf_puts(&r, "J\xfcrgen "); /* 8-bit: Latin-1 */
	rec(sst, 0x00fc, &r);
	r.len = 0;
	pii_buf_putc(&r, 1); /* the rest in UTF-16 */
	static const uint16_t muller[6] = {'M', 0xfc, 'l', 'l', 'e', 'r'};
	for (int i = 0; i < 6; i++)
		t_u16(&r, muller[i]);
	/* rich (2 runs) and phonetic (3 bytes) */
	t_u16(&r, 5);
	pii_buf_putc(&r, 0x0c);
	t_u16(&r, 2);
	t_u32(&r, 3);
	pii_buf_puts(&r, "Smits");
	for (int i = 0; i < 8 + 3; i++)
		pii_buf_putc(&r, 'Z');
	rec(sst, 0x003c, &r);
	pii_buf_free(&r);
}

static void biff8(void)
{
	struct pii_buf sst = {0}, wb = {0};
	shared_strings(&sst);
	size_t at = globals(&wb, &sst, false);
	set_u32(&wb, at, (uint32_t)wb.len);
	bof(&wb, 0x0600, 0x0010);
	labelsst(&wb, 0, 0, 0);
	labelsst(&wb, 0, 1, 1);
	labelsst(&wb, 0, 2, 2);
	labelsst(&wb, 1, 0, 3);
	number(&wb, 1, 1, 0, 612385674.0);            /* a phone number as a number */
	number(&wb, 1, 2, 1, 31118.0);                /* 12-03-1985, custom format */
	labelsst(&wb, 2, 0, 4);
	rk(&wb, 2, 1, 0, (123456782u << 2) | 2);      /* an integer RK */
	rk(&wb, 2, 2, 2, (uint32_t)((uint64_t)0x40dd8d0000000000ull >> 32)); /* 30260 as a double RK */
	/* MULRK: row 3, columns 1..2, then the last column */
	struct pii_buf r = {0};
	t_u16(&r, 3);
	t_u16(&r, 1);
	t_u16(&r, 0);
	t_u32(&r, (1250u << 2) | 2 | 1); /* 12.5: an integer RK divided by 100 */
	t_u16(&r, 0);
	t_u32(&r, (31118u << 2) | 2);
	t_u16(&r, 2);
	rec(&wb, 0x00bd, &r);
	/* FORMULA with a string result, then its STRING */
	r.len = 0;
	cell_head(&r, 4, 0, 0);
	unsigned char result[8] = {0, 0, 0, 0, 0, 0, 0xff, 0xff};
	pii_buf_append(&r, result, 8);
	t_u16(&r, 0);
	t_u32(&r, 0);
	rec(&wb, 0x0006, &r);
	r.len = 0;
	t_u16(&r, 11);
	pii_buf_putc(&r, 0);
	pii_buf_puts(&r, "Anna Jansen");
	rec(&wb, 0x0207, &r);
	eof(&wb);

	struct record_sink rs;
	rs_init(&rs);
	CHECK(run(&rs, "Workbook", &wb) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	CHECK_STR(cell_at(&rs, "Naam", 2), "J\xc3\xbcrgen M\xc3\xbcller");
	CHECK_STR(cell_at(&rs, "Naam", 3), "Smits");
	CHECK_STR(cell_at(&rs, "Telefoon", 2), "612385674");
	CHECK_STR(cell_at(&rs, "Geboren", 2), "1985-03-12");
	CHECK_STR(cell_at(&rs, "Telefoon", 3), "123456782");
	CHECK_STR(cell_at(&rs, "Geboren", 3), "1982-11-05");
	CHECK_STR(cell_at(&rs, "Telefoon", 4), "12.5");
	CHECK_STR(cell_at(&rs, "Geboren", 4), "31118"); /* General: a number */
	CHECK_STR(cell_at(&rs, "Naam", 5), "Anna Jansen");
	const struct rs_rec *t = rs_text_eq(&rs, "Smits");
	CHECK(t && t->loc.table && !strcmp(t->loc.table, "Personeel") && t->line == 3);
	t = rs_table_rows(&rs, "Personeel");
	CHECK(t && t->count == 4);
	rs_free(&rs);

	/* the 1904 date system: the same serial four years and a day later */
	wb.len = 0;
	at = globals(&wb, &sst, true);
	set_u32(&wb, at, (uint32_t)wb.len);
	bof(&wb, 0x0600, 0x0010);
	labelsst(&wb, 0, 0, 2);
	number(&wb, 1, 0, 1, 31118.0);
	eof(&wb);
	rs_init(&rs);
	CHECK(run(&rs, "Workbook", &wb) == PII_OK);
	CHECK_STR(cell_at(&rs, "Geboren", 2), "1989-03-13");
	rs_free(&rs);
	pii_buf_free(&r);
	pii_buf_free(&sst);
	pii_buf_free(&wb);
}

/* Excel 5.0/95: no SST, 8-bit strings in the workbook's code page. */
static void biff5(void)
{
	struct pii_buf wb = {0}, r = {0};
	bof(&wb, 0x0500, 0x0005);
	t_u16(&r, 1250); /* Central European: 0x8a is Š */
	rec(&wb, 0x0042, &r);
	r.len = 0;
	size_t at = wb.len + 4;
	t_u32(&r, 0);
	t_u16(&r, 0);
	pii_buf_putc(&r, 5);
	pii_buf_puts(&r, "Lijst");
	rec(&wb, 0x0085, &r);
	eof(&wb);
	set_u32(&wb, at, (uint32_t)wb.len);
	bof(&wb, 0x0500, 0x0010);
	const char *cells[2][2] = {{"Naam", "E-mail"}, {"\x8a" "imon Novak", "s.novak@example.nl"}};
	for (unsigned row = 0; row < 2; row++)
		for (unsigned col = 0; col < 2; col++) {
			r.len = 0;
			cell_head(&r, row, col, 0);
			t_u16(&r, (unsigned)strlen(cells[row][col]));
			pii_buf_puts(&r, cells[row][col]);
			rec(&wb, 0x0204, &r);
		}
	eof(&wb);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run(&rs, "Book", &wb) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_STR(cell_at(&rs, "Naam", 2), "\xc5\xa0imon Novak");
	CHECK_STR(cell_at(&rs, "E-mail", 2), "s.novak@example.nl");
	const struct rs_rec *t = rs_text_eq(&rs, "s.novak@example.nl");
	CHECK(t && t->loc.table && !strcmp(t->loc.table, "Lijst"));
	rs_free(&rs);
	pii_buf_free(&r);
	pii_buf_free(&wb);
}

static void encrypted_and_damaged(void)
{
	struct pii_buf wb = {0}, r = {0}, sst = {0};
	/* FILEPASS in the globals: an errors row, no cell */
	bof(&wb, 0x0600, 0x0005);
	t_u16(&r, 1);
	rec(&wb, 0x002f, &r);
	eof(&wb);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run(&rs, "Workbook", &wb) == PII_OK);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_ENCRYPTED);
	CHECK(p && p->file_status == PII_FILE_SKIPPED);
	CHECK_U64(rs_count(&rs, RS_TEXT), 0);
	rs_free(&rs);

	/* an SST index out of range, a second SST, then a record cut short:
	 * what came before is kept, the cut is a row */
	shared_strings(&sst);
	wb.len = 0;
	size_t at = globals(&wb, &sst, false);
	set_u32(&wb, at, (uint32_t)wb.len);
	bof(&wb, 0x0600, 0x0010);
	labelsst(&wb, 0, 0, 0);
	labelsst(&wb, 1, 0, 3);
	labelsst(&wb, 2, 0, 99);
	pii_buf_append(&wb, sst.data, sst.len);
	labelsst(&wb, 3, 0, 4);
	t_u16(&wb, 0x0203);
	t_u16(&wb, 14);
	pii_buf_append(&wb, "\x04\x00", 2); /* ... and the stream ends */
	rs_init(&rs);
	CHECK(run(&rs, "Workbook", &wb) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_STR(cell_at(&rs, "Naam", 2), "J\xc3\xbcrgen M\xc3\xbcller");
	CHECK_STR(cell_at(&rs, "Naam", 4), "Smits");
	p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && p->file_status == PII_FILE_PARTIAL);
	rs_free(&rs);
	pii_buf_free(&r);
	pii_buf_free(&sst);
	pii_buf_free(&wb);
}

void test_cfb_xls(void)
{
	biff8();
	biff5();
	encrypted_and_damaged();
}
