/*
 * Outlook items (cfb_msg.c) and embedded objects (cfb_embed.c) made
 * stream by stream: an OLE attachment holding a packaged file, a
 * damaged compressed RTF body, an attachment whose data is missing; a
 * packaged file as a compound file of its own (a docx's oleObject.bin)
 * and in an Excel workbook's MBD storage.
 */
#include <stdlib.h>

#include "cfb_writer.h"
#include "pii_cfb.h"
#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_cfb;

/* \001Ole10Native of the Packager: a file `label` holding `text`. */
static void packaged(struct pii_buf *b, const char *label, const char *text)
{
	struct pii_buf in = {0};
	t_u16(&in, 2);
	pii_buf_append(&in, label, strlen(label) + 1);
	pii_buf_append(&in, "C:\\tmp\\x", 9);
	t_u32(&in, 0x00030000);
	t_u32(&in, 9);
	pii_buf_append(&in, "C:\\tmp\\x", 9);
	t_u32(&in, (uint32_t)strlen(text));
	pii_buf_puts(&in, text);
	t_u32(b, (uint32_t)in.len);
	pii_buf_append(b, in.data, in.len);
	pii_buf_free(&in);
}

/* A property stream: header bytes, then (tag, value) entries. */
static void props(struct pii_buf *b, size_t header, const uint32_t *tags,
		  const uint32_t *values, size_t n)
{
	for (size_t i = 0; i < header; i++)
		pii_buf_putc(b, 0);
	for (size_t i = 0; i < n; i++) {
		t_u32(b, tags[i]);
		t_u32(b, 6); /* readable, writable */
		t_u32(b, values[i]);
		t_u32(b, 0);
	}
}

static void utf16(struct pii_buf *b, const char *ascii)
{
	for (; *ascii; ascii++)
		t_u16(b, (unsigned char)*ascii);
}

static enum pii_status run(struct record_sink *rs, const struct t_stream *s, size_t n,
			   const char *path)
{
	size_t len = 0;
	unsigned char *data = t_cfb(s, n, &len);
	enum pii_status st = data ? t_run_bytes(rs, x, path, data, len) : PII_EFATAL;
	free(data);
	return st;
}

static void ole_attachment_and_damage(void)
{
	struct pii_buf top = {0}, body = {0}, att = {0}, pkg = {0}, rtf = {0}, att2 = {0};
	props(&top, 32, NULL, NULL, 0);
	utf16(&body, "Zie bijlage.");
	static const uint32_t method_tag[1] = {0x37050003};
	static const uint32_t ole[1] = {6}, by_value[1] = {1};
	props(&att, 8, method_tag, ole, 1);
	packaged(&pkg, "lijst.txt", "BSN 111222333");
	props(&att2, 8, method_tag, by_value, 1);
	struct t_stream s[] = {
		{"__properties_version1.0", top.data, top.len},
		{"__substg1.0_1000001F", body.data, body.len},
		{"__attach_version1.0_#00000000/__properties_version1.0", att.data, att.len},
		{"__attach_version1.0_#00000000/__substg1.0_3701000D/\001Ole10Native", pkg.data,
		 pkg.len},
		/* an attachment by value whose data stream is missing */
		{"__attach_version1.0_#00000001/__properties_version1.0", att2.data, att2.len},
	};
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run(&rs, s, sizeof(s) / sizeof(s[0]), "m.msg") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *c = rs_child(&rs, "attachment-1/lijst.txt");
	CHECK(c && !strcmp(c->text, "BSN 111222333"));
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && strstr(p->reason, "could not be read") && !strcmp(p->path, "m.msg"));
	rs_free(&rs);

	/* a compressed RTF body cut short: its row names the file */
	unsigned char lz[20] = {0x40, 0, 0, 0, 0x40, 0, 0, 0, 'L', 'Z', 'F', 'u', 0, 0, 0, 0,
				0x00, '{', '\\', 'r'};
	struct t_stream r[] = {
		{"__properties_version1.0", top.data, top.len},
		{"__substg1.0_10090102", lz, sizeof(lz)},
	};
	rs_init(&rs);
	CHECK(run(&rs, r, 2, "m.msg") == PII_OK);
	p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && !strcmp(p->path, "m.msg!body.rtf"));
	CHECK(rs_child(&rs, "body.rtf") != NULL);
	rs_free(&rs);
	pii_buf_free(&top);
	pii_buf_free(&body);
	pii_buf_free(&att);
	pii_buf_free(&att2);
	pii_buf_free(&pkg);
	pii_buf_free(&rtf);
}

static void objects_on_their_own(void)
{
	struct pii_buf pkg = {0};
	packaged(&pkg, "adressen.csv", "naam;email\nJan;jan@example.nl\n");
	/* a docx's word/embeddings/oleObject1.bin */
	struct t_stream s[] = {{"\001Ole10Native", pkg.data, pkg.len}};
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run(&rs, s, 1, "oleObject1.bin") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *c = rs_child(&rs, "adressen.csv");
	CHECK(c && strstr(c->text, "jan@example.nl"));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);

	/* in an Excel workbook: a storage MBD0001A2B3 beside the Workbook */
	static const unsigned char book[] = {0x09, 0x08, 0x08, 0x00, 0x00, 0x06, 0x05, 0x00,
					     0, 0, 0, 0, 0x0a, 0x00, 0x00, 0x00};
	struct t_stream w[] = {
		{"MBD0001A2B3/\001Ole10Native", pkg.data, pkg.len},
		{"Workbook", book, sizeof(book)},
	};
	rs_init(&rs);
	CHECK(run(&rs, w, 2, "t.xls") == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(rs_child(&rs, "MBD0001A2B3/adressen.csv") != NULL);
	rs_free(&rs);
	pii_buf_free(&pkg);
}

/* 8-bit strings in a code page: the last character of a Hebrew one is
 * not lost in the converter; a byte with no character is a '?'. */
static void code_pages(void)
{
	struct pii_buf b = {0};
	CHECK(pii_codepage_append(&b, 1255, (const unsigned char *)"\xf9\xec\xe5\xed", 4));
	CHECK_STR(pii_buf_cstr(&b), "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d"); /* shalom */
	b.len = 0;
	CHECK(pii_codepage_append(&b, 1250, (const unsigned char *)"\x8a" "ime\x81", 5));
	CHECK_STR(pii_buf_cstr(&b), "\xc5\xa0ime?");
	b.len = 0;
	CHECK(pii_codepage_append(&b, 1252, (const unsigned char *)"caf\xe9", 4));
	CHECK_STR(pii_buf_cstr(&b), "caf\xc3\xa9");
	pii_buf_free(&b);
}

void test_cfb_msg(void)
{
	code_pages();
	ole_attachment_and_damage();
	objects_on_their_own();
}
