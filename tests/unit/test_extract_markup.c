/*
 * The HTML and XML extractor through the recording sink: text without
 * tags, entities decoded, script and style left out, the attributes
 * people write into, the document's lines kept.
 */
#include <stdlib.h>

#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_markup;

/* Newlines in the stream before needle: its line less one. */
static long newlines_before(const struct rs_rec *r, const char *needle)
{
	const char *at = r ? strstr(r->text, needle) : NULL;
	if (!at)
		return -1;
	long n = 0;
	for (const char *p = r->text; p < at; p++)
		n += *p == '\n';
	return n;
}

/* The one stream of a markup run, or NULL. */
static const struct rs_rec *only_stream(const struct record_sink *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		if (rs->recs[i].kind == RS_TEXT)
			return rs_count(rs, RS_TEXT) == 1 && rs->recs[i].stream ? &rs->recs[i] : NULL;
	return NULL;
}

static void html(void)
{
	const char *page =
		"<!DOCTYPE html>\n"
		"<html><head><title>Titel</title><style>.x{color:red}</style>"
		"<script>var a=\"geheim@example.nl\";</script></head>\n"
		"<body><p>Jan &amp; Piet &eacute;&#233;n</p>\n"
		"<a href=\"mailto:jan@example.nl\">mail</a> <a href=\"https://example.nl/x\">link</a>"
		"<img alt=\"foto van Jan\" src=\"f.png\"><input value=\"0612345678\"></body></html>\n";
	struct t_input t;
	CHECK(t_input_bytes(&t, "site/index.html", page, strlen(page)));
	CHECK(t_bid(&t, x) == PII_BID_SHAPE);
	CHECK(pii_extractor_for(&t.in) == x);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = only_stream(&rs);
	CHECK(r && r->lines && !strcmp(r->loc.file, "site/index.html"));
	/* entities decoded, on the document's own lines */
	CHECK(newlines_before(r, "Titel") == 1);
	CHECK(newlines_before(r, "Jan & Piet \xc3\xa9\xc3\xa9n") == 2);
	CHECK(newlines_before(r, "href=mailto:jan@example.nl") == 3);
	CHECK(r && strstr(r->text, "alt=foto van Jan"));
	CHECK(r && strstr(r->text, "value=0612345678"));
	/* script, style, tags, and attributes nobody reads are not text */
	CHECK(r && !strstr(r->text, "geheim"));
	CHECK(r && !strstr(r->text, "color"));
	CHECK(r && !strstr(r->text, "https:"));
	CHECK(r && !strstr(r->text, "src"));
	CHECK(r && !strchr(r->text, '<'));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
	t_input_free(&t);
}

static void xml(void)
{
	const char *doc = "<?xml version=\"1.0\"?>\n"
			  "<klanten>\n"
			  "  <klant naam=\"Jan\">\n"
			  "    <email>jan@example.nl</email>\n"
			  "    <notitie>t&amp;t &lt;x&gt; caf&#233; <![CDATA[<rauw>]]></notitie>\n"
			  "  </klant>\n"
			  "</klanten>\n";
	struct t_input t;
	CHECK(t_input_bytes(&t, "data/klanten.xml", doc, strlen(doc)));
	CHECK(t_bid(&t, x) == PII_BID_SHAPE);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = only_stream(&rs);
	/* element names are context; attributes "name=value" */
	CHECK(newlines_before(r, "klant naam=Jan") == 2);
	CHECK(newlines_before(r, "email jan@example.nl") == 3);
	CHECK(newlines_before(r, "t&t <x> caf\xc3\xa9 <rauw>") == 4);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
	t_input_free(&t);

	/* libxml2 keeps "&amp;" in attribute values as "&#38;" (it expands no
	 * entities here): xml.c resolves character references and the five
	 * predefined entities, and leaves others as written */
	const char *attr = "<?xml version=\"1.0\"?>\n"
			   "<klant naam=\"Bakker &amp; Zonen\" code=\"&#x41;&#66;\" tag=\"a&lt;b\"/>\n";
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "a.xml", attr) == PII_OK);
	r = only_stream(&rs);
	CHECK(r && strstr(r->text, "naam=Bakker & Zonen"));
	CHECK(r && strstr(r->text, "code=AB"));
	CHECK(r && strstr(r->text, "tag=a<b"));
	rs_free(&rs);
}

/* libxml2 reads UTF-16 with its byte-order mark. */
static void xml_utf16(void)
{
	const char *ascii = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a>caf\xe9 jan@example.nl</a>\n";
	size_t n = strlen(ascii);
	unsigned char *u16 = malloc(2 + 2 * n);
	u16[0] = 0xFF;
	u16[1] = 0xFE;
	for (size_t i = 0; i < n; i++) {
		u16[2 + 2 * i] = (unsigned char)ascii[i];
		u16[3 + 2 * i] = 0;
	}
	struct t_input t;
	CHECK(t_input_bytes(&t, "u16.xml", u16, 2 + 2 * n));
	CHECK(t_bid(&t, x) == PII_BID_SHAPE);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = only_stream(&rs);
	CHECK(r && strstr(r->text, "a caf\xc3\xa9 jan@example.nl"));
	rs_free(&rs);
	t_input_free(&t);
	free(u16);
}

/* Broken markup: libxml2 recovers what it can; where it gives up, a
 * problem says so. */
static void damaged(void)
{
	const char *recoverable = "<?xml version=\"1.0\"?>\n<a><b>x</a>\n<c>na jan@example.nl</c>\n";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "r.xml", recoverable) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(rs_text(&rs, "na jan@example.nl") != NULL);
	rs_free(&rs);

	/* content after the root element ends the parse */
	const char *extra = "<?xml version=\"1.0\"?>\n<a>eerst</a>\n<b>x</b>jan@example.nl\n";
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "e.xml", extra) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && p->file_status == PII_FILE_PARTIAL && !strcmp(p->path, "e.xml"));
	CHECK(rs_text(&rs, "eerst") != NULL);
	/* read as plain text from where the parser stopped (the rest of the
	 * chunk it stopped in was once dropped: for a small file, all of it) */
	CHECK(rs_text(&rs, "jan@example.nl") != NULL);
	rs_free(&rs);

	/* bytes that are not UTF-8 in a document that says it is */
	const char *bad = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>eerst \xff\xfe rest</a>\n";
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "b.xml", bad) == PII_OK);
	CHECK(rs_text(&rs, "eerst") != NULL);
	/* libxml2 hands the raw bytes to the text callback: xml.c makes them
	 * valid UTF-8 before they go on */
	CHECK_CLEAN(&rs);
	rs_free(&rs);
}

static void fixtures(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/documents/dossier.html") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = only_stream(&rs);
	CHECK(r && strstr(r->text, "Klantdossier Bakker & Zonen"));
	CHECK(r && strstr(r->text, "Contactpersoon: Jan de Vries, e-mail j.devries@ziggo.nl, "
				   "telefoon 06-23456789."));
	CHECK(r && !strchr(r->text, '<') && !strstr(r->text, "utf-8"));
	rs_free(&rs);

	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/documents/dossier.xml") == PII_OK);
	CHECK_CLEAN(&rs);
	r = only_stream(&rs);
	CHECK(newlines_before(r, "contact naam=Jan de Vries") == 2);
	CHECK(newlines_before(r, "telefoon 06-23456789") == 4);
	CHECK(newlines_before(r, "iban NL39 RABO 0300 0652 64") == 7);
	rs_free(&rs);
}

static void bids(void)
{
	static const char *const not_markup[] = {"Beste Jan,\nhet <b> is vet.\n",
						 "a < b en c > d\n", NULL};
	for (const char *const *s = not_markup; *s; s++) {
		struct t_input t;
		CHECK(t_input_bytes(&t, "x.txt", *s, strlen(*s)));
		CHECK(t_bid(&t, x) == PII_BID_NONE);
		t_input_free(&t);
	}
	struct t_input t;
	const char *fragment = "  <div>tekst</div><body>rest</body>\n";
	CHECK(t_input_bytes(&t, "x.htm", fragment, strlen(fragment)));
	CHECK(t_bid(&t, x) == PII_BID_SHAPE);
	t_input_free(&t);
}

void test_extract_markup(void)
{
	html();
	xml();
	xml_utf16();
	damaged();
	fixtures();
	bids();
}
