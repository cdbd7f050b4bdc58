/*
 * The content-line reader and the vCard extractor through the recording
 * sink: folding, quoted-printable with soft breaks, CHARSET, groups,
 * versions 2.1 to 4.0, N in reading order, birthdays with and without a
 * year, escapes, UTF-16, damaged and hostile input.
 */
#include <stdlib.h>

#include "pii_contentline.h"
#include "pii_limits.h"
#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_vcard;

/* A text equal to want in column col of row row, on line line. */
static void check_cell(const struct record_sink *rs, const char *want, const char *col,
		       uint64_t row, uint64_t line)
{
	const struct rs_rec *r = rs_text_eq(rs, want);
	while (r && (strcmp(r->text, want) || !r->loc.column || strcmp(r->loc.column, col)))
		r = rs_text_next(rs, r, want);
	CHECK_MSG(r != NULL, "no text \"%s\" in column %s", want, col);
	if (!r)
		return;
	CHECK_STR(r->loc.table, "cards");
	CHECK_U64(r->row, row);
	CHECK_U64(r->line, line);
}

/* ---- the content-line reader ------------------------------------------------------ */

struct collected {
	struct pii_buf names, values; /* one a line */
	struct pii_buf params;        /* "NAME=value;" per line */
	uint64_t lines[16];
	size_t n;
};

static bool collect(void *ctx, const struct pii_contentline *cl)
{
	struct collected *c = ctx;
	pii_buf_printf(&c->names, "%s%s%s\n", cl->group, *cl->group ? "." : "", cl->name);
	pii_buf_append(&c->values, cl->value, cl->value_len);
	pii_buf_putc(&c->values, '\n');
	for (size_t i = 0; i < cl->n_params; i++)
		pii_buf_printf(&c->params, "%s=%s;", cl->params[i].name, cl->params[i].value);
	pii_buf_putc(&c->params, '\n');
	if (c->n < 16)
		c->lines[c->n] = cl->line;
	c->n++;
	return true;
}

/* Feeds text one byte at a time (every cut a stream can make) and whole;
 * both must read alike. */
static void read_lines(const char *text, struct collected *c)
{
	struct pii_cl_reader r;
	memset(c, 0, sizeof(*c));
	pii_cl_init(&r, false, collect, c);
	for (size_t i = 0; text[i]; i++)
		pii_cl_feed(&r, text + i, 1);
	pii_cl_finish(&r);
	pii_cl_free(&r);

	struct collected whole = {0};
	pii_cl_init(&r, false, collect, &whole);
	pii_cl_feed(&r, text, strlen(text));
	pii_cl_finish(&r);
	pii_cl_free(&r);
	CHECK_STR(pii_buf_cstr(&whole.values), pii_buf_cstr(&c->values));
	pii_buf_free(&whole.names);
	pii_buf_free(&whole.values);
	pii_buf_free(&whole.params);
}

static void free_lines(struct collected *c)
{
	pii_buf_free(&c->names);
	pii_buf_free(&c->values);
	pii_buf_free(&c->params);
}

static void unfolding(void)
{
	struct collected c;
	read_lines("NOTE:een lange\r\n  regel\r\n\tdoor\nFN:Jan\n\n\nX:\"quoted: colon\"\n", &c);
	CHECK_STR(pii_buf_cstr(&c.names), "NOTE\nFN\nX\n");
	/* the break and one blank go, the second blank stays */
	CHECK_STR(pii_buf_cstr(&c.values), "een lange regeldoor\nJan\n\"quoted: colon\"\n");
	CHECK_U64(c.lines[0], 1);
	CHECK_U64(c.lines[1], 4);
	CHECK_U64(c.lines[2], 7); /* blank lines are no lines */
	free_lines(&c);
}

static void params_and_groups(void)
{
	struct collected c;
	read_lines("item1.email;type=INTERNET;TYPE=pref:jan@ziggo.nl\r\n"
		   "ATTENDEE;CN=\"Jansen; Jan: HR\";ROLE=CHAIR:mailto:jan@ziggo.nl\r\n"
		   "TEL;HOME;VOICE:030-2345678\r\n",
		   &c);
	CHECK_STR(pii_buf_cstr(&c.names), "item1.EMAIL\nATTENDEE\nTEL\n");
	/* quotes keep ';' and ':' inside a parameter, and go */
	CHECK_STR(pii_buf_cstr(&c.params),
		  "TYPE=INTERNET;TYPE=pref;\nCN=Jansen; Jan: HR;ROLE=CHAIR;\nTYPE=HOME;TYPE=VOICE;\n");
	CHECK_STR(pii_buf_cstr(&c.values), "jan@ziggo.nl\nmailto:jan@ziggo.nl\n030-2345678\n");
	free_lines(&c);
}

/* vCard 2.1: "=" at a line's end joins the next line, as it is; =XX is a
 * byte of the CHARSET; a bad escape stays as written. */
static void quoted_printable(void)
{
	struct collected c;
	read_lines("NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Geboren in D=FCssel=\r\n"
		   "dorf, tel=\r\n"
		   " 06-19283746 =ZZ=\r\n"
		   "\r\n"
		   "FN;QUOTED-PRINTABLE;CHARSET=UTF-8:S=C3=B6ren=\r\n",
		   &c);
	CHECK_STR(pii_buf_cstr(&c.names), "NOTE\nFN\n");
	CHECK_STR(pii_buf_cstr(&c.values), "Geboren in Düsseldorf, tel 06-19283746 =ZZ\nSören\n");
	CHECK_STR(pii_buf_cstr(&c.params),
		  "ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1;\nENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8;\n");
	free_lines(&c);
}

/* 8-bit values are decoded by their CHARSET, or read as UTF-8 (with
 * Windows-1252 for what is not). */
static void charsets(void)
{
	struct collected c;
	read_lines("N;CHARSET=ISO-8859-1:M\xfcller\nN;CHARSET=UTF-8:M\xc3\xbcller\n"
		   "N:M\xc3\xbcller\nN:M\xfcller\nN;CHARSET=windows-1252:\x80 5\n",
		   &c);
	CHECK_STR(pii_buf_cstr(&c.values), "Müller\nMüller\nMüller\nMüller\n€ 5\n");
	free_lines(&c);
}

static void components(void)
{
	const char *v = "de Vries;Jan\\, Piet;;dr.\\;;a\\\\b\\nc";
	size_t pos = 0, len = strlen(v);
	struct pii_buf b = {0};
	const char *want[] = {"de Vries", "Jan, Piet", "", "dr.;", "a\\b\nc"};
	for (size_t i = 0; i < 5; i++) {
		b.len = 0;
		CHECK(pii_cl_component(v, len, &pos, ';', &b));
		CHECK_STR(pii_buf_cstr(&b), want[i]);
	}
	CHECK(!pii_cl_component(v, len, &pos, ';', &b));
	pii_buf_free(&b);
}

/* A line longer than the cap is cut and marked; memory stays bounded;
 * the next line is read. */
static void long_line(void)
{
	size_t n = PII_CONTENTLINE_MAX * 3;
	char *big = malloc(n + 64);
	CHECK(big != NULL);
	if (!big)
		return;
	memcpy(big, "NOTE:", 5);
	memset(big + 5, 'a', n);
	strcpy(big + 5 + n, "\nFN:Jan\n");
	struct collected c = {0};
	struct pii_cl_reader r;
	pii_cl_init(&r, false, collect, &c);
	pii_cl_feed(&r, big, strlen(big));
	pii_cl_finish(&r);
	CHECK(r.line.cap <= PII_CONTENTLINE_MAX * 2 + 64);
	pii_cl_free(&r);
	CHECK_STR(pii_buf_cstr(&c.names), "NOTE\nFN\n");
	CHECK_U64(c.values.len, PII_CONTENTLINE_MAX - 5 + 1 + 4);
	free_lines(&c);
	free(big);
}

/* ---- the extractor -------------------------------------------------------------- */

static void bids(void)
{
	static const char *const yes[] = {"BEGIN:VCARD\r\nVERSION:3.0\r\n", "\xEF\xBB\xBF"
			"begin:vcard\nFN:x\n", "\r\n  BEGIN:VCARD\n", NULL};
	static const char *const no[] = {"BEGIN:VCALENDAR\r\n", "Zie BEGIN:VCARD hieronder\n",
					 "BEGIN:VCARDS\n", NULL};
	for (const char *const *s = yes; *s; s++) {
		struct t_input t;
		CHECK(t_input_bytes(&t, "x.dat", *s, strlen(*s)));
		CHECK_MSG(t_bid(&t, x) == PII_BID_SIGNATURE, "bid on %s", *s);
		CHECK(pii_extractor_for(&t.in) == x);
		t_input_free(&t);
	}
	for (const char *const *s = no; *s; s++) {
		struct t_input t;
		CHECK(t_input_bytes(&t, "x.vcf", *s, strlen(*s)));
		CHECK_MSG(t_bid(&t, x) == PII_BID_NONE, "no bid on %s", *s);
		t_input_free(&t);
	}
}

static void version_3(void)
{
	const char *vcf = "BEGIN:VCARD\r\n"
			  "VERSION:3.0\r\n"
			  "PRODID:-//Apple Inc.//macOS 13.4//EN\r\n"
			  "N:de Vries;Jan;Willem;dhr.;\r\n"
			  "FN:Jan Willem de Vries\r\n"
			  "item1.EMAIL;type=INTERNET:jan.devries@ziggo.nl\r\n"
			  "item1.X-ABLabel:_$!<Home>!$_\r\n"
			  "TEL;type=CELL:06-48213975\r\n"
			  "ADR;type=HOME:;;Kerkstraat 12;Utrecht;;3511 AB;Nederland\r\n"
			  "BDAY:1985-03-14\r\n"
			  "NOTE:Klant\\, BSN 628194821\\nbellen\r\n"
			  "  na 18:00\r\n" /* folded: one blank goes, one stays */
			  "UID:k.vermeulen@planning-noord.nl\r\n"
			  "PHOTO;ENCODING=b;TYPE=JPEG:MIICajCCAdOgAwIBAgICBEUwDQ111222333\r\n"
			  "END:VCARD\r\n";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "contacts/adresboek.vcf", vcf) == PII_OK);
	CHECK_CLEAN(&rs);
	/* N as a person writes it: Given Middle Family (no prefix) */
	check_cell(&rs, "Jan Willem de Vries", "N", 1, 4);
	CHECK_U64(rs_text_count(&rs, "Jan Willem de Vries"), 2);
	check_cell(&rs, "jan.devries@ziggo.nl", "EMAIL", 1, 6);
	check_cell(&rs, "06-48213975", "TEL", 1, 8);
	check_cell(&rs, "Kerkstraat 12, Utrecht, 3511 AB, Nederland", "ADR", 1, 9);
	check_cell(&rs, "1985-03-14", "BDAY", 1, 10);
	check_cell(&rs, "Klant, BSN 628194821\nbellen na 18:00", "NOTE", 1, 11);
	/* ids, versions, labels and photos are not handed on */
	CHECK(rs_text(&rs, "vermeulen") == NULL);
	CHECK(rs_text(&rs, "Apple") == NULL);
	CHECK(rs_text(&rs, "3.0") == NULL);
	CHECK(rs_text(&rs, "Home") == NULL);
	CHECK(rs_text(&rs, "111222333") == NULL);
	const struct rs_rec *t = rs_table_rows(&rs, "cards");
	CHECK(t && t->count == 1 && !strcmp(t->path, "contacts/adresboek.vcf"));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	CHECK_U64(rs.row, 0);
	rs_free(&rs);
}

/* vCard 2.1 from an old phone: Latin-1 bytes, quoted-printable with soft
 * breaks, bare parameters; vCard 4.0: a birthday without a year, a tel:
 * URI and a data: photo. Rows in order. */
static void versions_21_and_40(void)
{
	const char *vcf = "BEGIN:VCARD\r\n"
			  "VERSION:2.1\r\n"
			  "N;CHARSET=ISO-8859-1:M\xfcller;S\xf6ren;;;\r\n"
			  "FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:S=F6ren M=FCller\r\n"
			  "ADR;HOME;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:;;Stationsplein 5;Utr=\r\n"
			  "echt;;3521 AG;Nederland\r\n"
			  "NOTE:woont aan de\r\n" /* 2.1 folds as RFC 822: the blank stays */
			  " Hoofdstraat\r\n"
			  "PHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n"
			  "    MIICajCCAdOgAwIBAgICBEUwDQYJKoZIhvcNAQEEBQAwdzELMAkGA1UEBhMCVVMx\r\n"
			  "MTExMjIyMzMzAQEEBQAwdzELMAkGA1UE111222333\r\n"
			  "\r\n"
			  "END:VCARD\r\n"
			  "BEGIN:VCARD\r\n"
			  "VERSION:4.0\r\n"
			  "FN:Fatima El Amrani\r\n"
			  "TEL;VALUE=uri;TYPE=\"voice,cell\":tel:+31629384756\r\n"
			  "EMAIL:mailto:f.elamrani@gmail.com\r\n"
			  "BDAY:--0215\r\n"
			  "ANNIVERSARY:--02-15\r\n"
			  "PHOTO:data:image/jpeg;base64,MIICajCCAdOgA111222333\r\n"
			  "END:VCARD\r\n";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "oud.vcf", vcf) == PII_OK);
	CHECK_CLEAN(&rs);
	check_cell(&rs, "Sören Müller", "FN", 1, 4);
	check_cell(&rs, "Sören Müller", "N", 1, 3);
	check_cell(&rs, "Stationsplein 5, Utrecht, 3521 AG, Nederland", "ADR", 1, 5);
	check_cell(&rs, "woont aan de Hoofdstraat", "NOTE", 1, 7);
	CHECK(rs_text(&rs, "111222333") == NULL); /* the 2.1 photo's lines too */
	CHECK(rs_text(&rs, "MIIC") == NULL);
	check_cell(&rs, "Fatima El Amrani", "FN", 2, 16);
	check_cell(&rs, "+31629384756", "TEL", 2, 17);
	check_cell(&rs, "f.elamrani@gmail.com", "EMAIL", 2, 18);
	/* a day in the year is no date of birth: not handed on as one */
	CHECK(rs_text(&rs, "0215") == NULL);
	CHECK(rs_text_eq(&rs, "--02-15") && !strcmp(rs_text_eq(&rs, "--02-15")->loc.column,
						      "ANNIVERSARY"));
	const struct rs_rec *t = rs_table_rows(&rs, "cards");
	CHECK(t && t->count == 2);
	rs_free(&rs);
}

/* UTF-16 with a byte-order mark (old phones' exports). */
static void utf16(void)
{
	const char *ascii = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Jansen;Sanne\r\n"
			    "TEL;CELL:06-19283746\r\nEND:VCARD\r\n";
	size_t n = strlen(ascii);
	unsigned char *u = malloc(2 + 2 * n);
	CHECK(u != NULL);
	if (!u)
		return;
	u[0] = 0xFF;
	u[1] = 0xFE;
	for (size_t i = 0; i < n; i++) {
		u[2 + 2 * i] = (unsigned char)ascii[i];
		u[3 + 2 * i] = 0;
	}
	struct t_input t;
	CHECK(t_input_bytes(&t, "telefoon.vcf", u, 2 + 2 * n));
	CHECK(t.in.type.encoding == PII_ENC_UTF16LE);
	CHECK(pii_extractor_for(&t.in) == x);
	t_input_free(&t);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "telefoon.vcf", u, 2 + 2 * n) == PII_OK);
	CHECK_CLEAN(&rs);
	check_cell(&rs, "Sanne Jansen", "N", 1, 3);
	check_cell(&rs, "06-19283746", "TEL", 1, 4);
	rs_free(&rs);
	free(u);
}

/* A missing END, a BEGIN inside a card, stray lines, an END of nothing:
 * everything is read, nothing is reported lost. */
static void damaged(void)
{
	const char *vcf = "Zomaar een regel: Kees\n"
			  "END:VCARD\n"
			  "BEGIN:VCARD\n"
			  "FN:Jan de Vries\n"
			  "losse tekst zonder dubbelepunt 030-2345678\n"
			  "BEGIN:VCARD\n"
			  "FN:Pieter Bakker\n"
			  "END:VCARD\n"
			  "EMAIL:jan.devries@ziggo.nl\n"
			  "NOTE;ENCODING=QUOTED-PRINTABLE:=\n";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "kapot.vcf", vcf) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_text_eq(&rs, "Zomaar een regel: Kees");
	CHECK(r && r->loc.column == NULL && r->row == 0);
	check_cell(&rs, "Jan de Vries", "FN", 1, 4);
	r = rs_text_eq(&rs, "losse tekst zonder dubbelepunt 030-2345678");
	CHECK(r && r->loc.column == NULL && r->row == 1);
	check_cell(&rs, "Pieter Bakker", "FN", 2, 7);
	/* the nested card ended: back in the first */
	check_cell(&rs, "jan.devries@ziggo.nl", "EMAIL", 1, 9);
	const struct rs_rec *t = rs_table_rows(&rs, "cards");
	CHECK(t && t->count == 2);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
}

/* A note past the cap: the part read is handed on, a problem row says
 * the rest was not read; a photo past it says nothing. */
static void giant_property(void)
{
	size_t n = PII_CONTENTLINE_MAX + 100;
	struct pii_buf b = {0};
	pii_buf_puts(&b, "BEGIN:VCARD\nPHOTO;ENCODING=b:");
	for (size_t i = 0; i < n; i++)
		pii_buf_putc(&b, 'A');
	pii_buf_puts(&b, "\nNOTE:BSN 628194821 ");
	for (size_t i = 0; i < n; i++)
		pii_buf_putc(&b, 'x');
	pii_buf_puts(&b, "\nFN:Jan de Vries\nEND:VCARD\n");
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "groot.vcf", b.data, b.len) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(rs_text(&rs, "BSN 628194821") != NULL);
	check_cell(&rs, "Jan de Vries", "FN", 1, 4);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_LIMIT_SIZE);
	CHECK(p && p->file_status == PII_FILE_PARTIAL && strstr(p->reason, "line 3"));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 1);
	rs_free(&rs);
	pii_buf_free(&b);
}

void test_vcard(void)
{
	unfolding();
	params_and_groups();
	quoted_printable();
	charsets();
	components();
	long_line();
	bids();
	version_3();
	versions_21_and_40();
	utf16();
	damaged();
	giant_property();
}
