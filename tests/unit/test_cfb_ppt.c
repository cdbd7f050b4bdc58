/*
 * PowerPoint 97-2003 presentations through the cfb extractor
 * (src/extract/cfb_ppt.c): a real file made by LibreOffice
 * (tests/unit/data/cfb/make.py: three slides, notes on the second), and
 * record streams written here: slides numbered through the persist
 * directory (not by their place in the stream), outline text in the slide
 * list, notes, masters left out, user text in CStrings and no other,
 * damage, encryption, embedded objects.
 */
#include <gsf/gsf-output-gzip.h>
#include <stdlib.h>

#include "cfb_writer.h"
#include "pii_cfb.h"
#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_cfb;

#define SLIDES "tests/unit/data/cfb/slides.ppt"

/* The texts of page `page` and part `part` (NULL: a slide's own), joined. */
static void page_text(const struct record_sink *rs, uint32_t page, const char *part,
		      struct pii_buf *out)
{
	out->len = 0;
	pii_buf_puts(out, "");
	for (size_t i = 0; i < rs->n; i++) {
		const struct rs_rec *r = &rs->recs[i];
		if (r->kind == RS_TEXT && r->stream && r->loc.page == page &&
		    pii_streq_null(r->loc.part, part))
			pii_buf_puts(out, r->text);
	}
}

static bool page_is(const struct record_sink *rs, uint32_t page, const char *part,
		    const char *want)
{
	struct pii_buf b = {0};
	page_text(rs, page, part, &b);
	bool same = b.data && !strcmp(b.data, want);
	if (!same)
		fprintf(stderr, "page %u %s: \"%s\"\n", (unsigned)page, part ? part : "-",
			b.data ? b.data : "");
	pii_buf_free(&b);
	return same;
}

/* ---- a real file ------------------------------------------------------------------ */

static void real_file(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, SLIDES) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	CHECK(page_is(&rs, 1, NULL, "Projectoverzicht\nOpdrachtgever: Jan de Vries\n"));
	CHECK(page_is(&rs, 2, NULL, "Contact: p.jansen@kpn.nl\nTelefoon 06-98765432\n"));
	CHECK(page_is(&rs, 3, NULL, "Rekening NL39 RABO 0300 0652 64 – Müller\n"));
	CHECK(page_is(&rs, 2, "notes", "Spreker: BSN 111222333 niet noemen\n"));
	/* the masters' template text and the tags' names are no slide text */
	CHECK(!rs_text(&rs, "Click to edit") && !rs_text(&rs, "PPT10"));
	const struct rs_rec *r = rs_text(&rs, "p.jansen@kpn.nl");
	CHECK(r && r->stream && !r->lines);
	CHECK_STR(r ? r->loc.file : NULL, SLIDES);
	if (t_failed)
		rs_dump(&rs, stderr);
	rs_free(&rs);
}

/* ---- record streams written here ------------------------------------------------------ */

static size_t rec_begin(struct pii_buf *b, unsigned ver, unsigned inst, unsigned type)
{
	size_t at = b->len;
	unsigned char h[8] = {(unsigned char)(ver | inst << 4), (unsigned char)(inst >> 4),
			      (unsigned char)type, (unsigned char)(type >> 8)};
	pii_buf_append(b, h, 8);
	return at;
}

static void rec_end(struct pii_buf *b, size_t at)
{
	uint32_t len = (uint32_t)(b->len - at - 8);
	for (int i = 0; i < 4; i++)
		b->data[at + 4 + i] = (char)(len >> 8 * i);
}

static void u32(struct pii_buf *b, uint32_t v)
{
	unsigned char p[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
			      (unsigned char)(v >> 24)};
	pii_buf_append(b, p, 4);
}

static void atom(struct pii_buf *b, unsigned type, unsigned inst, const void *data, size_t n)
{
	size_t at = rec_begin(b, 0, inst, type);
	pii_buf_append(b, data, n);
	rec_end(b, at);
}

/* A UTF-16LE atom of an ASCII string. */
static void atom16(struct pii_buf *b, unsigned type, const char *s)
{
	size_t at = rec_begin(b, 0, 0, type);
	for (; *s; s++)
		pii_buf_append(b, (char[2]){*s, 0}, 2);
	rec_end(b, at);
}

static void slide_persist(struct pii_buf *b, uint32_t ref, uint32_t id)
{
	size_t at = rec_begin(b, 0, 0, 0x03F3);
	u32(b, ref);
	u32(b, 0);
	u32(b, 0);
	u32(b, id);
	u32(b, 0);
	rec_end(b, at);
}

/* A Slide container with one text box's text in a drawing-like nest. */
static size_t slide(struct pii_buf *b, const char *text)
{
	size_t at = rec_begin(b, 0xF, 0, 0x03EE);
	atom(b, 0x03EF, 0, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 24);
	size_t dg = rec_begin(b, 0xF, 0, 0x040C);
	size_t box = rec_begin(b, 0xF, 0, 0xF00D);
	atom16(b, 0x0FA0, text);
	rec_end(b, box);
	rec_end(b, dg);
	rec_end(b, at);
	return at;
}

/* A presentation of two slides stored in reverse order, their outline
 * text in the slide list, notes of the first, a master, header/footer
 * and object names in CStrings. */
static void presentation(struct pii_buf *b)
{
	size_t doc = rec_begin(b, 0xF, 0, 0x03E8);
	size_t list = rec_begin(b, 0xF, 0, 0x0FF0);
	slide_persist(b, 1, 256);
	atom16(b, 0x0FA0, "outline een");
	slide_persist(b, 2, 257);
	/* 8-bit text is Latin-1: \x80 is a control character, not the euro */
	atom(b, 0x0FA8, 0, "outline tw\xe9\x80", 12);
	rec_end(b, list);
	list = rec_begin(b, 0xF, 1, 0x0FF0);
	slide_persist(b, 3, 0x80000000u);
	atom16(b, 0x0FA0, "master outline");
	rec_end(b, list);
	size_t hf = rec_begin(b, 0xF, 3, 0x0FD9);
	atom16(b, 0x0FBA, "voettekst Jan de Vries");
	rec_end(b, hf);
	size_t objs = rec_begin(b, 0xF, 0, 0x0409);
	atom16(b, 0x0FBA, "Microsoft Excel");
	rec_end(b, objs);
	rec_end(b, doc);
	size_t master = rec_begin(b, 0xF, 0, 0x03F8);
	atom16(b, 0x0FA0, "Click to edit");
	rec_end(b, master);
	size_t second = slide(b, "tweede dia piet@example.nl");
	size_t first = slide(b, "eerste dia");
	size_t notes = rec_begin(b, 0xF, 0, 0x03F0);
	atom(b, 0x03F1, 0, "\x00\x01\0\0\0\0\0\0", 8);
	atom16(b, 0x0FA0, "notitie 111222333");
	rec_end(b, notes);
	size_t notes_master = rec_begin(b, 0xF, 0, 0x03F0);
	atom(b, 0x03F1, 0, "\0\0\0\0\0\0\0\0", 8);
	atom16(b, 0x0FA0, "notes master");
	rec_end(b, notes_master);
	size_t dir = rec_begin(b, 0, 0, 0x1772);
	u32(b, 1 | 2u << 20);
	u32(b, (uint32_t)first);
	u32(b, (uint32_t)second);
	rec_end(b, dir);
}

static enum pii_status run_ppt(struct record_sink *rs, const struct pii_buf *stream,
			       const struct t_stream *extra, size_t n_extra)
{
	struct t_stream s[4] = {{"PowerPoint Document", stream->data, stream->len}};
	size_t n = 1;
	for (size_t i = 0; i < n_extra && n < 4; i++)
		s[n++] = extra[i];
	size_t len = 0;
	unsigned char *data = t_cfb(s, n, &len);
	enum pii_status st = data ? t_run_bytes(rs, x, "t.ppt", data, len) : PII_EFATAL;
	free(data);
	return st;
}

static void slides_and_notes(void)
{
	struct pii_buf b = {0};
	presentation(&b);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run_ppt(&rs, &b, NULL, 0) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(page_is(&rs, 1, NULL, "outline een\neerste dia\n"));
	CHECK(page_is(&rs, 2, NULL, "outline twé\ntweede dia piet@example.nl\n"));
	CHECK(page_is(&rs, 1, "notes", "notitie 111222333\n"));
	CHECK(page_is(&rs, 0, NULL, "voettekst Jan de Vries\n"));
	CHECK(!rs_text(&rs, "master") && !rs_text(&rs, "Click") && !rs_text(&rs, "Excel"));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);

	/* no persist directory: slides in stream order */
	b.len -= 8 + 12;
	rs_init(&rs);
	CHECK(run_ppt(&rs, &b, NULL, 0) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(page_is(&rs, 1, NULL, "outline een\ntweede dia piet@example.nl\n"));
	rs_free(&rs);
	pii_buf_free(&b);
}

static void damage(void)
{
	/* a slide whose text atom claims more than the slide holds */
	struct pii_buf b = {0};
	slide(&b, "eerste dia");
	size_t second = slide(&b, "tweede dia");
	b.data[second + 8 + 32 + 8 + 8 + 4] = 0x40; /* the TextCharsAtom's length */
	slide(&b, "derde dia");
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run_ppt(&rs, &b, NULL, 0) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && p->file_status == PII_FILE_PARTIAL);
	CHECK(page_is(&rs, 1, NULL, "eerste dia\n"));
	CHECK(page_is(&rs, 3, NULL, "derde dia\n"));
	CHECK(!rs_text(&rs, "tweede"));
	rs_free(&rs);

	/* a top-level record past the end of the stream */
	b.len = 0;
	slide(&b, "eerste dia");
	size_t last = rec_begin(&b, 0xF, 0, 0x03EE);
	u32(&b, 0);
	rec_end(&b, last);
	b.data[last + 7] = 0x10;
	rs_init(&rs);
	CHECK(run_ppt(&rs, &b, NULL, 0) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(rs_problem(&rs, PII_CODE_DAMAGED) != NULL);
	CHECK(page_is(&rs, 1, NULL, "eerste dia\n"));
	rs_free(&rs);

	/* nested 40 deep: stops at 32 */
	b.len = 0;
	size_t open[40];
	for (int i = 0; i < 40; i++)
		open[i] = rec_begin(&b, 0xF, 0, 0x0FF3);
	atom16(&b, 0x0FA0, "diep");
	for (int i = 39; i >= 0; i--)
		rec_end(&b, open[i]);
	rs_init(&rs);
	CHECK(run_ppt(&rs, &b, NULL, 0) == PII_OK);
	CHECK_CLEAN(&rs);
	p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && strstr(p->reason, "nested too deep"));
	CHECK(!rs_text(&rs, "diep"));
	rs_free(&rs);

	/* an empty stream, and one of a few stray bytes */
	b.len = 0;
	rs_init(&rs);
	CHECK(run_ppt(&rs, &b, NULL, 0) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs.n, 0);
	rs_free(&rs);
	pii_buf_append(&b, "\0\0\0", 3);
	rs_init(&rs);
	CHECK(run_ppt(&rs, &b, NULL, 0) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs.n, 0);
	rs_free(&rs);
	pii_buf_free(&b);
}

static void encrypted(void)
{
	static const char *const reason = "encrypted PowerPoint presentation, not scanned";
	struct pii_buf b = {0};
	slide(&b, "geheim piet@example.nl");
	size_t crypt = rec_begin(&b, 0xF, 0, 0x2F14);
	u32(&b, 0);
	rec_end(&b, crypt);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run_ppt(&rs, &b, NULL, 0) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_ENCRYPTED);
	CHECK(p && !strcmp(p->reason, reason) && p->file_status == PII_FILE_SKIPPED);
	CHECK(!rs_text(&rs, "geheim"));
	rs_free(&rs);

	/* the Current User's header token, and an EncryptedSummary */
	b.len = 0;
	slide(&b, "geheim piet@example.nl");
	static const unsigned char user[20] = {0, 0, 0xF6, 0x0F, 12, 0, 0, 0, 20, 0, 0, 0,
					       0xDF, 0xC4, 0xD1, 0xF3};
	const struct t_stream extra[] = {{"Current User", user, sizeof(user)},
					 {"EncryptedSummary", "x", 1}};
	for (size_t i = 0; i < 2; i++) {
		rs_init(&rs);
		CHECK(run_ppt(&rs, &b, &extra[i], 1) == PII_OK);
		CHECK_CLEAN(&rs);
		p = rs_problem(&rs, PII_CODE_ENCRYPTED);
		CHECK(p && !strcmp(p->reason, reason));
		CHECK(!rs_text(&rs, "geheim"));
		rs_free(&rs);
	}
	pii_buf_free(&b);
}

/* ---- embedded objects ---------------------------------------------------------------------- */

/* data deflated as zlib would, with a header and no trailer (the reader
 * stops at the size it is given). */
static size_t deflated(const void *data, size_t n, unsigned char **out)
{
	GsfOutput *mem = gsf_output_memory_new();
	GsfOutput *gz = g_object_new(GSF_OUTPUT_GZIP_TYPE, "raw", TRUE, "sink", mem, NULL);
	gsf_output_write(gz, n, data);
	gsf_output_close(gz);
	size_t len = (size_t)gsf_output_size(mem);
	*out = malloc(len + 2);
	(*out)[0] = 0x78;
	(*out)[1] = 0x9C;
	memcpy(*out + 2, gsf_output_memory_get_bytes(GSF_OUTPUT_MEMORY(mem)), len);
	g_object_unref(gz);
	g_object_unref(mem);
	return len + 2;
}

static void objects(void)
{
	/* an embedded presentation, stored plain and compressed */
	struct pii_buf inner = {0};
	slide(&inner, "ingebed jan@example.nl");
	struct t_stream s[] = {{"PowerPoint Document", inner.data, inner.len}};
	size_t cfb_len = 0;
	unsigned char *cfb = t_cfb(s, 1, &cfb_len);
	unsigned char *packed = NULL;
	size_t packed_len = deflated(cfb, cfb_len, &packed);
	struct pii_buf b = {0};
	slide(&b, "zie object");
	atom(&b, 0x1011, 0, cfb, cfb_len);
	size_t at = rec_begin(&b, 0, 1, 0x1011);
	u32(&b, (uint32_t)cfb_len);
	pii_buf_append(&b, packed, packed_len);
	rec_end(&b, at);
	struct record_sink rs;
	rs_init(&rs);
	rs.recurse = true;
	CHECK(run_ppt(&rs, &b, NULL, 0) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_child(&rs, "ExOleObjStg/1");
	CHECK(r && r->len == cfb_len);
	r = rs_child(&rs, "ExOleObjStg/2");
	CHECK(r && r->len == cfb_len && !memcmp(r->text, cfb, cfb_len));
	r = rs_text(&rs, "ingebed jan@example.nl");
	CHECK_STR(r ? r->loc.file : NULL, "t.ppt!ExOleObjStg/1");
	CHECK_U64(rs_text_count(&rs, "ingebed jan@example.nl"), 2);
	if (t_failed)
		rs_dump(&rs, stderr);
	rs_free(&rs);
	pii_buf_free(&b);
	pii_buf_free(&inner);
	free(cfb);
	free(packed);
}

void test_cfb_ppt(void)
{
	real_file();
	slides_and_notes();
	damage();
	encrypted();
	objects();
}
