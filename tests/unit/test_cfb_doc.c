/*
 * Word 97-2003 documents through the cfb extractor (src/extract/cfb_doc.c):
 * a real file made by LibreOffice (tests/unit/data/cfb/make.py: body,
 * footnote, header and footer, comment, table, hyperlink field), the same
 * file damaged or marked encrypted, and documents written here byte by
 * byte (8-bit and UTF-16 pieces, fields, Word's control characters,
 * sub-documents, Word 6/95, embedded objects).
 */
#include <stdlib.h>

#include "cfb_writer.h"
#include "pii_cfb.h"
#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_cfb;

#define BRIEF "tests/unit/data/cfb/brief.doc"

/* The stream of part `part` (NULL: the main text), or "". */
static const char *part_text(const struct record_sink *rs, const char *part)
{
	for (size_t i = 0; i < rs->n; i++) {
		const struct rs_rec *r = &rs->recs[i];
		if (r->kind == RS_TEXT && r->stream && pii_streq_null(r->loc.part, part))
			return r->text;
	}
	return "";
}

static size_t streams(const struct record_sink *rs)
{
	size_t n = 0;
	for (size_t i = 0; i < rs->n; i++)
		n += rs->recs[i].kind == RS_TEXT && rs->recs[i].stream;
	return n;
}

static enum pii_status run_cfb(struct record_sink *rs, const unsigned char *data, size_t len)
{
	return t_run_bytes(rs, x, "t.doc", data, len);
}

/* ---- a real file ---------------------------------------------------------------- */

static void real_file(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, BRIEF) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	const char *body = part_text(&rs, NULL);
	/* the footnote's mark is left out, the field's code too */
	CHECK(strstr(body, "Geachte heer Müller,\nUw e-mailadres j.devries@ziggo.nl staat in ons "
			   "bestand, met het BSN 725763863.\n"));
	CHECK(strstr(body, "\nPrijs: € 100 voor “Jürgen” en collega’s.\n"));
	CHECK(strstr(body, "\nMail ons via de servicebalie vandaag.\n"));
	CHECK(!strstr(body, "HYPERLINK") && !strstr(body, "verborgen.code"));
	/* a table: cells by tabs, rows by lines */
	CHECK(strstr(body, "\nNaam\tTelefoon\t\nAnna Dekker\t06-11223344\t\n"));
	CHECK(strstr(body, "\nMet vriendelijke groet,\nSanne Visser"));
	CHECK(strstr(part_text(&rs, "footnotes"), "Rekening NL39 RABO 0300 0652 64 van de klant."));
	CHECK(strstr(part_text(&rs, "headers"), "Kopregel dossier van Pieter Bosman"));
	CHECK(strstr(part_text(&rs, "headers"), "Voettekst telefoon 020-5551234"));
	CHECK(strstr(part_text(&rs, "comments"), "Notitie: BSN 111222333 nagaan"));
	const struct rs_rec *r = rs_text(&rs, "j.devries@ziggo.nl");
	CHECK(r && r->stream && r->lines && r->loc.page == 0);
	CHECK_STR(r ? r->loc.file : NULL, BRIEF);
	/* the document properties (cfb.c) */
	r = rs_text_eq(&rs, "Sanne Visser");
	CHECK(r && pii_streq_null(r->loc.part, "properties"));
	if (t_failed)
		rs_dump(&rs, stderr);
	rs_free(&rs);
}

/* ---- documents written here ----------------------------------------------------- */

/* A piece: 8-bit bytes (compressed) or UTF-16LE bytes. */
struct t_piece {
	const char *bytes;
	size_t len;
	bool compressed;
};

struct t_doc {
	const struct t_piece *pieces;
	size_t n;
	uint32_t ccp[8];        /* text, footnotes, headers, macros, comments, ... */
	uint16_t flags;
	uint32_t fc_past;       /* piece index + 1 whose fc points past the end */
	const uint32_t *cps;    /* the CPs as given, instead of counted */
	const struct t_stream *extra;
	size_t n_extra;
	bool same_fc;           /* every piece at the first one's bytes */
	size_t pad;             /* zero bytes after the text */
};

#define FIB_LEN 898  /* FibBase, csw 14, cslw 22, cbRgFcLcb 93 as Word 97 */
#define TEXT_AT 1024

static void put16(unsigned char *p, uint16_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, uint32_t v)
{
	put16(p, (uint16_t)v);
	put16(p + 2, (uint16_t)(v >> 16));
}

/* The FIB: counts in FibRgLw97 from index 3, the Clx in pair 33. */
static void fib(unsigned char *wd, uint16_t nfib, uint16_t flags, const uint32_t ccp[8],
		uint32_t lcb_clx)
{
	put16(wd, 0xA5EC);
	put16(wd + 2, nfib);
	put16(wd + 0x0A, flags);
	put16(wd + 32, 14);
	put16(wd + 34 + 28, 22);
	for (int i = 0; i < 8; i++)
		put32(wd + 34 + 28 + 2 + 4 * (3 + i), ccp[i]);
	size_t fclcb = 34 + 28 + 2 + 88;
	put16(wd + fclcb, 93);
	put32(wd + fclcb + 2 + 8 * 33, 0);
	put32(wd + fclcb + 2 + 8 * 33 + 4, lcb_clx);
}

/* A .doc of the pieces: the text after the FIB, a Clx of one Prc and the
 * Pcdt in 1Table. */
static unsigned char *make_doc(const struct t_doc *d, size_t *len)
{
	size_t text = 0;
	for (size_t i = 0; i < d->n; i++)
		text += d->pieces[i].len;
	size_t wd_len = TEXT_AT + text + d->pad;
	unsigned char *wd = calloc(1, wd_len);
	size_t plc = 4 * (d->n + 1) + 8 * d->n, tbl_len = 4 + 5 + plc;
	unsigned char *tbl = calloc(1, tbl_len);
	tbl[0] = 0x01; /* a Prc of one byte */
	put16(tbl + 1, 1);
	tbl[4] = 0x02;
	put32(tbl + 5, (uint32_t)plc);
	unsigned char *cp = tbl + 9, *pcd = cp + 4 * (d->n + 1);
	uint32_t at = TEXT_AT, cpos = 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct t_piece *p = &d->pieces[i];
		memcpy(wd + at, p->bytes, p->len);
		put32(cp + 4 * i, d->cps ? d->cps[i] : cpos);
		uint32_t fc = d->fc_past == i + 1 ? (uint32_t)wd_len - 2 : d->same_fc ? TEXT_AT : at;
		put32(pcd + 8 * i + 2, p->compressed ? (fc * 2) | 0x40000000u : fc);
		cpos += (uint32_t)(p->compressed ? p->len : p->len / 2);
		at += (uint32_t)p->len;
	}
	put32(cp + 4 * d->n, d->cps ? d->cps[d->n] : cpos);
	fib(wd, 0xC1, d->flags | 0x0200, d->ccp, (uint32_t)tbl_len);
	struct t_stream s[8] = {{"1Table", tbl, tbl_len}, {"WordDocument", wd, wd_len}};
	size_t n = 2;
	for (size_t i = 0; i < d->n_extra && n < 8; i++)
		s[n++] = d->extra[i];
	unsigned char *out = t_cfb(s, n, len);
	free(wd);
	free(tbl);
	return out;
}

static enum pii_status run_doc(struct record_sink *rs, const struct t_doc *d)
{
	size_t len = 0;
	unsigned char *data = make_doc(d, &len);
	enum pii_status st = data ? run_cfb(rs, data, len) : PII_EFATAL;
	free(data);
	return st;
}

#define PIECE8(s) {s, sizeof(s) - 1, true}
#define PIECE16(s) {s, sizeof(s) - 1, false}

/* Word's control characters, fields (nested), Windows-1252 in 8-bit
 * pieces, a surrogate pair and a lone surrogate in a UTF-16 piece, and the
 * sub-documents after the main text. */
/* The last-saved time of the summary properties, for the retention
 * view: 2010-05-21 08:05 UTC in scripts/make-legacy-fixtures.py. */
static void last_saved(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/legacy/brief.doc") == PII_OK);
	CHECK_U64(rs.saved, 1274429100);
	rs_free(&rs);
}

static void characters(void)
{
	static const char main8[] =
		"Hallo \x93Piet\x94 \x80" "5\r"
		"\x13 HYPERLINK \"mailto:code@example.nl\" \x14piet@example.nl\x15\r"
		"\x13 IF \x13 PAGE \x14" "3\x15 = 3 \"ja\" \x14ja\x15\r"
		"a\x07" "b\x07\x07"
		"non\x1e" "breek zacht\x1fstreepje vast\xa0spatie\x0b"
		"plaatje\x01 object\x08 noot\x02 opm\x05.\x0c";
	static const char main16[] = "Z\0o\0\xeb\0 \0\x3d\xd8\x00\xde!\0\x00\xd8x\0\r\0";
	static const char notes[] = "voet\r" "kop\r" "\r";
	static const struct t_piece pieces[] = {PIECE8(main8), PIECE16(main16), PIECE8(notes)};
	struct t_doc d = {pieces, 3, {0}, 0, 0, NULL, NULL, 0, false, 0};
	d.ccp[0] = sizeof(main8) - 1 + (sizeof(main16) - 1) / 2;
	d.ccp[1] = 5; /* footnotes */
	d.ccp[2] = 4; /* headers */
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run_doc(&rs, &d) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_STR(part_text(&rs, NULL), "Hallo “Piet” €5\npiet@example.nl\nja\na\tb\t\n"
					"non-breek zachtstreepje vast spatie\n"
					"plaatje object noot opm.\nZoë 😀!\xef\xbf\xbdx\n");
	CHECK_STR(part_text(&rs, "footnotes"), "voet\n");
	CHECK_STR(part_text(&rs, "headers"), "kop\n");
	CHECK_U64(streams(&rs), 3);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);

	/* pieces cut into small writes, the same text */
	rs_init(&rs);
	rs.room_max = 3;
	CHECK(run_doc(&rs, &d) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(strstr(part_text(&rs, NULL), "Zoë 😀!"));
	rs_free(&rs);
}

static void damaged_tables(void)
{
	static const struct t_piece pieces[] = {PIECE8("eerst jan@example.nl\r"),
						PIECE8("dan niets\r")};
	/* the second piece points past the stream: the first one stays */
	struct t_doc d = {pieces, 2, {31}, 0, 2, NULL, NULL, 0, false, 0};
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run_doc(&rs, &d) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_STR(part_text(&rs, NULL), "eerst jan@example.nl\n");
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && strstr(p->reason, "points outside the document") &&
	      p->file_status == PII_FILE_PARTIAL);
	rs_free(&rs);

	/* CPs that go backwards */
	static const uint32_t back[] = {0, 21, 5};
	d = (struct t_doc){pieces, 2, {31}, 0, 0, back, NULL, 0, false, 0};
	rs_init(&rs);
	CHECK(run_doc(&rs, &d) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_STR(part_text(&rs, NULL), "eerst jan@example.nl\n");
	p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && strstr(p->reason, "backwards"));
	rs_free(&rs);

	/* an absurd CP: far past the stream */
	static const uint32_t absurd[] = {0, 21, 0x7fffffff};
	d = (struct t_doc){pieces, 2, {0}, 0, 0, absurd, NULL, 0, false, 0};
	rs_init(&rs);
	CHECK(run_doc(&rs, &d) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(rs_problem(&rs, PII_CODE_DAMAGED) != NULL);
	CHECK(strstr(part_text(&rs, NULL), "eerst jan@example.nl\n"));
	rs_free(&rs);

	/* pieces that overlap, each within the stream, together more text
	 * than it holds: stopped at the first that passes its size */
	static const struct t_piece same[] = {PIECE8("abc"), PIECE8("abc"), PIECE8("abc")};
	static const uint32_t wide[] = {0, 2000, 4000, 6000};
	d = (struct t_doc){same, 3, {0}, 0, 0, wide, NULL, 0, true, 2100};
	rs_init(&rs);
	CHECK(run_doc(&rs, &d) == PII_OK);
	CHECK_CLEAN(&rs);
	p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && strstr(p->reason, "overlap"));
	CHECK_U64(rs_text_count(&rs, "abc"), 1);
	rs_free(&rs);

	/* an empty document: a piece table of no pieces */
	d = (struct t_doc){NULL, 0, {0}, 0, 0, NULL, NULL, 0, false, 0};
	rs_init(&rs);
	CHECK(run_doc(&rs, &d) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs.n, 0);
	rs_free(&rs);
}

/* ---- Word 6/95 and headers that cannot be read ------------------------------------- */

static unsigned char *make_word95(uint16_t flags, const char *text, size_t *len)
{
	size_t n = strlen(text), wd_len = 0x300 + n;
	unsigned char *wd = calloc(1, wd_len);
	put16(wd, 0xA5EC);
	put16(wd + 2, 104);
	put16(wd + 0x0A, flags);
	put32(wd + 0x18, 0x300);
	put32(wd + 0x1C, (uint32_t)wd_len);
	memcpy(wd + 0x300, text, n);
	struct t_stream s[] = {{"WordDocument", wd, wd_len}};
	unsigned char *out = t_cfb(s, 1, len);
	free(wd);
	return out;
}

static void old_and_short(void)
{
	size_t len = 0;
	unsigned char *data = make_word95(0, "Beste Jan,\rmail jan@example.nl\x07\r", &len);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run_cfb(&rs, data, len) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_STR(part_text(&rs, NULL), "Beste Jan,\nmail jan@example.nl\t\n");
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
	free(data);

	/* fast-saved: printable strings, and a row */
	data = make_word95(0x0004, "Beste Jan,\r", &len);
	rs_init(&rs);
	CHECK(run_cfb(&rs, data, len) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_UNSUPPORTED);
	CHECK(p && strstr(p->reason, "Word 6/95"));
	CHECK(rs_child(&rs, "WordDocument") != NULL);
	rs_free(&rs);
	free(data);

	/* a FIB cut short */
	static const char stub[20] = {(char)0xEC, (char)0xA5, (char)0xC1};
	struct t_stream s[] = {{"WordDocument", stub, sizeof(stub)}};
	data = t_cfb(s, 1, &len);
	rs_init(&rs);
	CHECK(run_cfb(&rs, data, len) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(rs_problem(&rs, PII_CODE_DAMAGED) != NULL);
	CHECK(rs_child(&rs, "WordDocument") != NULL);
	rs_free(&rs);
	free(data);

	/* no table stream */
	static const struct t_piece one[] = {PIECE8("tekst\r")};
	struct t_doc d = {one, 1, {6}, 0, 0, NULL, NULL, 0, false, 0};
	unsigned char *doc = make_doc(&d, &len);
	struct t_stream only[] = {{"WordDocument", NULL, 0}};
	GsfInput *in = gsf_input_memory_new(doc, (gsf_off_t)len, FALSE);
	GsfInfile *root = gsf_infile_msole_new(in, NULL);
	GsfInput *wd = root ? gsf_infile_child_by_name(root, "WordDocument") : NULL;
	size_t wd_len = wd ? (size_t)gsf_input_size(wd) : 0;
	unsigned char *bytes = malloc(wd_len + 1);
	if (wd && bytes && gsf_input_read(wd, wd_len, bytes)) {
		only[0].data = bytes;
		only[0].len = wd_len;
	}
	data = t_cfb(only, 1, &len);
	rs_init(&rs);
	CHECK(run_cfb(&rs, data, len) == PII_OK);
	CHECK_CLEAN(&rs);
	p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && strstr(p->reason, "table stream"));
	rs_free(&rs);
	free(data);
	free(bytes);
	if (wd)
		g_object_unref(wd);
	if (root)
		g_object_unref(root);
	g_object_unref(in);
	free(doc);
}

/* ---- the real file changed -------------------------------------------------------------- */

static uint32_t clx_fc, clx_lcb;

static void set_encrypted(const char *name, unsigned char *data, size_t len)
{
	if (!strcmp(name, "WordDocument") && len > 0x0B)
		data[0x0B] |= 0x01; /* fEncrypted: bit 8 of the flags at 0x0A */
}

/* Every piece of the Pcdt made to point far past the document. */
static void pieces_outside(const char *name, unsigned char *data, size_t len)
{
	if (!strcmp(name, "WordDocument") && len > 0x1A2 + 8) {
		clx_fc = pii_le32(data + 0x1A2);
		clx_lcb = pii_le32(data + 0x1A6);
	}
	if (strcmp(name, "1Table") || !clx_lcb || clx_fc + clx_lcb > len)
		return;
	unsigned char *t = data + clx_fc;
	size_t pos = 0;
	while (pos + 3 < clx_lcb && t[pos] == 0x01)
		pos += 3 + pii_le16(t + pos + 1);
	if (pos + 5 > clx_lcb || t[pos] != 0x02)
		return;
	size_t lcb = pii_le32(t + pos + 1), n = (lcb - 4) / 12;
	unsigned char *pcd = t + pos + 5 + 4 * (n + 1);
	for (size_t i = 0; i < n; i++)
		put32(pcd + 8 * i + 2, 0x3ffffff0u);
}

static unsigned char *rewritten(t_cfb_patch patch, size_t *len)
{
	size_t n = 0;
	unsigned char *real = t_read_file(BRIEF, &n);
	unsigned char *out = real ? t_cfb_rewrite(real, n, patch, len) : NULL;
	free(real);
	return out;
}

static void real_file_changed(void)
{
	size_t len = 0;
	unsigned char *data = rewritten(set_encrypted, &len);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(data && run_cfb(&rs, data, len) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_ENCRYPTED);
	CHECK(p && p->file_status == PII_FILE_SKIPPED &&
	      !strcmp(p->reason, "encrypted Word document, not scanned"));
	CHECK_U64(streams(&rs), 0);
	CHECK(!rs_text(&rs, "ziggo"));
	rs_free(&rs);
	free(data);

	/* the WordDocument stream comes after 1Table: the Clx is found first */
	data = rewritten(pieces_outside, &len);
	free(data);
	data = rewritten(pieces_outside, &len);
	rs_init(&rs);
	CHECK(clx_lcb && data && run_cfb(&rs, data, len) == PII_OK);
	CHECK_CLEAN(&rs);
	p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && strstr(p->reason, "piece table points outside the document"));
	CHECK(!rs_text(&rs, "ziggo"));
	rs_free(&rs);
	free(data);
}

/* ---- embedded objects -------------------------------------------------------------------- */

/* "\001Ole10Native" of a packaged file: size, type, label, path, 4
 * bytes, the temporary path's length and string, the data's size, data. */
static size_t ole10(unsigned char *out, const char *label, const char *data)
{
	size_t at = 4;
	put16(out + at, 2);
	at += 2;
	at += (size_t)sprintf((char *)out + at, "%s", label) + 1;
	at += (size_t)sprintf((char *)out + at, "C:\\Temp\\%s", label) + 1;
	put32(out + at, 0x00030000);
	at += 4;
	int n = sprintf((char *)out + at + 4, "C:\\Tmp\\%s", label) + 1;
	put32(out + at, (uint32_t)n);
	at += 4 + (size_t)n;
	put32(out + at, (uint32_t)strlen(data));
	at += 4;
	at += (size_t)sprintf((char *)out + at, "%s", data);
	put32(out, (uint32_t)(at - 4));
	return at;
}

static void embedded(void)
{
	static unsigned char native[256], broken[] = {200, 0, 0, 0, 'a', 'b', 'c'};
	size_t native_len = ole10(native, "lijst!.txt", "mail piet@example.nl\n");
	static const char package[] = "PK\x03\x04 not really a zip";
	static const struct t_piece inner_text[] = {PIECE8("ingebed jan@example.nl\r")};
	struct t_doc inner = {inner_text, 1, {23}, 0, 0, NULL, NULL, 0, false, 0};
	size_t inner_len = 0;
	unsigned char *inner_doc = make_doc(&inner, &inner_len);
	/* the embedded document's streams, under its storage */
	GsfInput *in = gsf_input_memory_new(inner_doc, (gsf_off_t)inner_len, FALSE);
	GsfInfile *root = gsf_infile_msole_new(in, NULL);
	unsigned char *tbl = NULL, *wd = NULL;
	size_t tbl_len = 0, wd_len = 0;
	GsfInput *c = gsf_infile_child_by_name(root, "1Table");
	tbl_len = (size_t)gsf_input_size(c);
	tbl = malloc(tbl_len);
	gsf_input_read(c, tbl_len, tbl);
	g_object_unref(c);
	c = gsf_infile_child_by_name(root, "WordDocument");
	wd_len = (size_t)gsf_input_size(c);
	wd = malloc(wd_len);
	gsf_input_read(c, wd_len, wd);
	g_object_unref(c);
	g_object_unref(root);
	g_object_unref(in);

	const struct t_stream extra[] = {
		{"ObjectPool/_1/\001Ole10Native", native, native_len},
		{"ObjectPool/_2/Package", package, sizeof(package) - 1},
		{"ObjectPool/_3/1Table", tbl, tbl_len},
		{"ObjectPool/_3/WordDocument", wd, wd_len},
		{"ObjectPool/_4/\001Ole10Native", broken, sizeof(broken)},
	};
	static const struct t_piece body[] = {PIECE8("zie bijlage\r")};
	struct t_doc d = {body, 1, {12}, 0, 0, NULL, extra, 5, false, 0};
	struct record_sink rs;
	rs_init(&rs);
	rs.recurse = true;
	CHECK(run_doc(&rs, &d) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_child(&rs, "ObjectPool/_1/lijst_.txt");
	CHECK(r && !strcmp(r->text, "mail piet@example.nl\n"));
	r = rs_child(&rs, "ObjectPool/_2/Package");
	CHECK(r && !strcmp(r->text, package));
	r = rs_child(&rs, "ObjectPool/_3");
	CHECK(r && r->len > 512 && !memcmp(r->text, "\xd0\xcf\x11\xe0", 4));
	r = rs_text(&rs, "ingebed jan@example.nl");
	CHECK_STR(r ? r->loc.file : NULL, "t.doc!ObjectPool/_3");
	/* a native stream not laid out as a package: all of it */
	r = rs_child(&rs, "ObjectPool/_4/Ole10Native");
	CHECK(r && r->len == 3 && !memcmp(r->text, "abc", 3));
	CHECK_STR(part_text(&rs, NULL), "zie bijlage\n");
	if (t_failed)
		rs_dump(&rs, stderr);
	rs_free(&rs);
	free(inner_doc);
	free(tbl);
	free(wd);
}

void test_cfb_doc(void)
{
	real_file();
	last_saved();
	characters();
	damaged_tables();
	old_and_short();
	real_file_changed();
	embedded();
}
