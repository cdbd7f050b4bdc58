/*
 * The PDF extractor through the recording sink: the text of each page,
 * located by its page number, from pdftotext; PDFs without text and
 * damaged ones listed.
 */
#include <unistd.h>

#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_pdf;

static const char page1[] = "Klantdossier Bakker & Zonen\nContactpersoon: Jan de Vries, "
			    "e-mail j.devries@ziggo.nl, telefoon 06-23456789.\n\n";
static const char page2[] = "BSN 725763863. Rekening (IBAN) NL39 RABO 0300 0652 64.\n\n";

/* The text of page `page` (one stream), or NULL. */
static const struct rs_rec *page_text(const struct record_sink *rs, uint32_t page)
{
	const struct rs_rec *found = NULL;
	for (size_t i = 0; i < rs->n; i++) {
		const struct rs_rec *r = &rs->recs[i];
		if (r->kind == RS_TEXT && r->loc.page == page) {
			if (found)
				return NULL; /* one stream a page */
			found = r;
		}
	}
	return found;
}

static void check_dossier(const struct record_sink *rs, const char *path)
{
	CHECK_CLEAN(rs);
	CHECK_U64(rs_count(rs, RS_TEXT), 2);
	const struct rs_rec *r = page_text(rs, 1);
	CHECK(r && r->stream && !strcmp(r->text, page1) && !strcmp(r->loc.file, path));
	r = page_text(rs, 2);
	CHECK(r && r->stream && !strcmp(r->text, page2));
	CHECK_U64(rs_count(rs, RS_PROBLEM), 0);
}

static void dossier(void)
{
	/* inside a container: through a memory file */
	struct t_input t;
	CHECK(t_input_fixture(&t, "fixtures/documents/dossier.pdf"));
	CHECK(t_bid(&t, x) == PII_BID_SIGNATURE);
	CHECK(pii_extractor_for(&t.in) == x);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	check_dossier(&rs, "fixtures/documents/dossier.pdf");
	rs_free(&rs);
	t_input_free(&t);

	/* a file on disk: its own descriptor */
	CHECK(t_input_open(&t, "fixtures/documents/dossier.pdf"));
	CHECK(t.in.fd >= 0);
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	check_dossier(&rs, "fixtures/documents/dossier.pdf");
	CHECK_U64(t.in.bytes_read, t.in.size);
	rs_free(&rs);
	t_input_free(&t);
}

/* A PDF of three pages, the second without text: built here, with its
 * cross-reference table. */
static void three_pages(struct pii_buf *pdf)
{
	static const char *const texts[] = {"Pagina een jan@example.nl", NULL, "Pagina drie"};
	size_t offsets[10];
	int obj = 0;
	pii_buf_puts(pdf, "%PDF-1.4\n");
	offsets[++obj] = pdf->len;
	pii_buf_puts(pdf, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
	offsets[++obj] = pdf->len;
	pii_buf_puts(pdf, "2 0 obj << /Type /Pages /Kids [4 0 R 6 0 R 8 0 R] /Count 3 >> endobj\n");
	offsets[++obj] = pdf->len;
	pii_buf_puts(pdf, "3 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n");
	for (int p = 0; p < 3; p++) {
		struct pii_buf content = {0};
		if (texts[p])
			pii_buf_printf(&content, "BT /F1 12 Tf 72 720 Td (%s) Tj ET", texts[p]);
		offsets[++obj] = pdf->len;
		pii_buf_printf(pdf,
			       "%d 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
			       "/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >> endobj\n",
			       obj, obj + 1);
		offsets[++obj] = pdf->len;
		pii_buf_printf(pdf, "%d 0 obj << /Length %zu >> stream\n%s\nendstream endobj\n", obj,
			       content.len, content.data ? content.data : "");
		pii_buf_free(&content);
	}
	size_t xref = pdf->len;
	pii_buf_printf(pdf, "xref\n0 %d\n0000000000 65535 f \n", obj + 1);
	for (int i = 1; i <= obj; i++)
		pii_buf_printf(pdf, "%010zu 00000 n \n", offsets[i]);
	pii_buf_printf(pdf, "trailer << /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", obj + 1,
		       xref);
}

/* A page without text has no stream, and the next keeps its number. */
static void empty_page(void)
{
	struct pii_buf pdf = {0};
	three_pages(&pdf);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "drie.pdf", pdf.data, pdf.len) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs_count(&rs, RS_TEXT), 2);
	const struct rs_rec *r = page_text(&rs, 1);
	CHECK(r && strstr(r->text, "Pagina een jan@example.nl"));
	CHECK(page_text(&rs, 2) == NULL);
	r = page_text(&rs, 3);
	CHECK(r && strstr(r->text, "Pagina drie"));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
	pii_buf_free(&pdf);
}

static void no_text_and_damaged(void)
{
	struct record_sink rs;
	rs_init(&rs);
	/* a page without a text layer, with OCR off: listed as needing it */
	struct t_input t;
	CHECK(t_input_fixture(&t, "fixtures/hostile/scanned.pdf"));
	t.opt.ocr = PII_OCR_OFF;
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	t_input_free(&t);
	CHECK_CLEAN(&rs);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_NEEDS_OCR);
	CHECK(p && p->file_status == PII_FILE_SKIPPED &&
	      !strcmp(p->path, "fixtures/hostile/scanned.pdf") && strstr(p->reason, "--ocr off"));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 1);
	rs_free(&rs);
	/* with OCR on (the default) the page is rendered and read: a blank
	 * page gives no text and no row */
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/hostile/scanned.pdf") == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
	/* a scanned page: its text comes from OCR, on its page, marked so */
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/images/mixed.pdf") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *typed = rs_text(&rs, "sander.hendriks92@outlook.com");
	CHECK(typed && typed->loc.page == 1 && !typed->ocr);
	const struct rs_rec *scanned = rs_text(&rs, "Hendriks");
	while (scanned && !scanned->ocr)
		scanned = rs_text_next(&rs, scanned, "Hendriks");
	CHECK(scanned && scanned->loc.page == 2 && !scanned->loc.part);
	const struct rs_rec *zone = rs_text(&rs, "P<NLDHENDRIKS<<SANDER<WILLEM");
	CHECK(zone && zone->loc.page == 2 && zone->loc.part && !strcmp(zone->loc.part, "MRZ"));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);

	const char *junk = "%PDF-1.4\nniets dan rommel\n";
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "kapot.pdf", junk) == PII_OK);
	CHECK_CLEAN(&rs);
	p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && p->file_status == PII_FILE_PARTIAL && strstr(p->reason, "pdftotext could not read it"));
	CHECK_U64(rs_count(&rs, RS_TEXT), 0);
	rs_free(&rs);
}

static void bids(void)
{
	struct t_input t;
	const char *late = "rommel ervoor\n%PDF-1.4\n";
	CHECK(t_input_bytes(&t, "a.pdf", late, strlen(late)));
	CHECK(t_bid(&t, x) == PII_BID_SHAPE);
	t_input_free(&t);
	const char *text = "geen pdf\n";
	CHECK(t_input_bytes(&t, "b.pdf", text, strlen(text)));
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	t_input_free(&t);
}

/* Without pdftotext a PDF is listed, not read. */
static bool have_pdftotext(void)
{
	static const char *const places[] = {"/usr/bin/pdftotext", "/usr/local/bin/pdftotext",
					     "/bin/pdftotext", NULL};
	for (const char *const *p = places; *p; p++)
		if (access(*p, X_OK) == 0)
			return true;
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/documents/dossier.pdf") == PII_OK);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_TOOL_FAILED);
	CHECK(p && p->file_status == PII_FILE_SKIPPED);
	rs_free(&rs);
	fprintf(stderr, "extract_pdf: pdftotext not installed, its text not tested\n");
	return false;
}

void test_extract_pdf(void)
{
	bids();
	if (!have_pdftotext())
		return;
	dossier();
	empty_page();
	no_text_and_damaged();
}
