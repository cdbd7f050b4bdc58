/*
 * The image extractor and the OCR policy (pii_ocr.h) on the generated
 * scans and photos of fixtures/images (scripts/make-image-fixtures.py):
 * what is read, where it goes, what is left and why; and the confidence
 * of a value read from a word the engine was unsure of.
 */
#include <stdlib.h>

#include "pii_emit.h"
#include "pii_limits.h"
#include "pii_ocr.h"
#include "pii_ocr_engine.h"
#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_image;

/* An OCR text of rs holding needle, or NULL. */
static const struct rs_rec *ocr_text(const struct record_sink *rs, const char *needle)
{
	const struct rs_rec *r = rs_text(rs, needle);
	while (r && !r->ocr)
		r = rs_text_next(rs, r, needle);
	return r;
}

/* Runs the image extractor on a fixture with OCR mode `mode`. */
static enum pii_status run(struct record_sink *rs, const char *path, enum pii_ocr_mode mode)
{
	struct t_input t;
	if (!t_input_fixture(&t, path))
		return PII_EFATAL;
	t.opt.ocr = mode;
	enum pii_status st = t_extract(&t, x, rs);
	t_input_free(&t);
	return st;
}

static void scanned_id_card(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run(&rs, "fixtures/images/id-kaart.png", PII_OCR_AUTO) == PII_OK);
	CHECK_CLEAN(&rs);
	/* the printed text as OCR text of the image, no page number */
	const struct rs_rec *page = ocr_text(&rs, "6519.08.048");
	CHECK(page && page->loc.page == 0 && !page->loc.part);
	/* the zone once, repaired and whole, in part MRZ; blanked in the page
	 * text, so that its misreading is not found as well */
	const struct rs_rec *zone = rs_text_eq(&rs, "I<NLDKR966HZP29651908048<<<<<<\n"
						    "8609236F3105124NLD<<<<<<<<<<<5\n"
						    "VAN<DEN<AKKER<<EMMA<LOUISE<<<<");
	CHECK(zone && zone->loc.part && !strcmp(zone->loc.part, "MRZ") && !zone->ocr);
	CHECK(page && !strstr(page->text, "8609236F"));
	/* and what it says, for the rules of names, dates and the BSN */
	const struct rs_rec *said = rs_text(&rs, "BSN: 651908048");
	CHECK(said && strstr(said->text, "Naam: Emma Louise Van Den Akker") &&
	      strstr(said->text, "Geboortedatum: 23-09-1986"));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
}

static void decoy_zones(void)
{
	/* MRZ-looking lines of a manual, each with a check digit wrong */
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run(&rs, "fixtures/images/decoy-handleiding.png", PII_OCR_AUTO) == PII_OK);
	CHECK(ocr_text(&rs, "ERIKSSON") != NULL);
	for (size_t i = 0; i < rs.n; i++)
		CHECK(!rs.recs[i].loc.part || strcmp(rs.recs[i].loc.part, "MRZ"));
	rs_free(&rs);
}

static void multi_page_tiff(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run(&rs, "fixtures/images/stapel.tif", PII_OCR_AUTO) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *letter = ocr_text(&rs, "m.devries79@ziggo.nl");
	CHECK(letter && letter->loc.page == 1);
	const struct rs_rec *zone = rs_text(&rs, "I<NLDKR966HZP2");
	CHECK(zone && zone->loc.page == 2 && !strcmp(zone->loc.part, "MRZ"));
	rs_free(&rs);
}

static void photos(void)
{
	/* auto: a photo without text is looked at, not read; listed, the file
	 * still counted as scanned (its metadata was read) */
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run(&rs, "fixtures/images/foto-zonder-tekst.jpg", PII_OCR_AUTO) == PII_OK);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_OCR_NO_TEXT);
	CHECK(p && p->file_status == PII_FILE_SCANNED);
	CHECK_U64(rs_count(&rs, RS_TEXT), 0);
	rs_free(&rs);
	/* all: read whatever it looks like */
	rs_init(&rs);
	CHECK(run(&rs, "fixtures/images/foto-zonder-tekst.jpg", PII_OCR_ALL) == PII_OK);
	CHECK(rs_problem(&rs, PII_CODE_OCR_NO_TEXT) == NULL);
	rs_free(&rs);
	/* off: metadata only, listed */
	rs_init(&rs);
	CHECK(run(&rs, "fixtures/images/scan-brief.png", PII_OCR_OFF) == PII_OK);
	p = rs_problem(&rs, PII_CODE_OCR_OFF);
	CHECK(p && p->file_status == PII_FILE_SKIPPED);
	CHECK(ocr_text(&rs, "ziggo") == NULL);
	rs_free(&rs);
	/* the metadata of a photo, with OCR or without */
	rs_init(&rs);
	CHECK(run(&rs, "fixtures/images/vakantie.jpg", PII_OCR_OFF) == PII_OK);
	const struct rs_rec *gps = rs_text(&rs, "52.349012, 5.620145");
	CHECK(gps && gps->loc.part && !strcmp(gps->loc.part, "EXIF"));
	CHECK(rs.saved > 0);
	rs_free(&rs);
}

static void budget(void)
{
	/* nothing left of the file's OCR budget: listed, and the file is
	 * marked to be read again by the next run (--state) */
	struct record_sink rs;
	rs_init(&rs);
	struct t_input t;
	CHECK(t_input_fixture(&t, "fixtures/images/scan-brief.png"));
	t.opt.ocr_file_budget = 10;
	t.budget.ocr_seconds = 10;
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_OCR_BUDGET);
	CHECK(p && p->file_status == PII_FILE_SKIPPED && strstr(p->reason, "not read"));
	CHECK(t.budget.ocr_cut);
	CHECK(ocr_text(&rs, "ziggo") == NULL);
	t_input_free(&t);
	rs_free(&rs);
	/* what a page costs is charged to its file */
	rs_init(&rs);
	CHECK(t_input_fixture(&t, "fixtures/images/td2-document.png"));
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK(t.budget.ocr_seconds > 0 && !t.budget.ocr_cut);
	t_input_free(&t);
	rs_free(&rs);
}

/* A PNG whose header says w x h, with no pixels: a decompression bomb's
 * header. The CRC is left 0: the header is read, its pixels never. */
static size_t png_header(unsigned char *out, uint32_t w, uint32_t h)
{
	static const unsigned char sig[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
					    0, 0, 0, 13, 'I', 'H', 'D', 'R'};
	memcpy(out, sig, sizeof(sig));
	unsigned char *p = out + sizeof(sig);
	for (int i = 0; i < 4; i++) {
		p[i] = (unsigned char)(w >> (24 - 8 * i));
		p[4 + i] = (unsigned char)(h >> (24 - 8 * i));
	}
	p[8] = 8;  /* bits */
	p[9] = 0;  /* grey */
	p[10] = p[11] = p[12] = 0;
	memset(p + 13, 0, 4 + 12);
	return sizeof(sig) + 13 + 4 + 12;
}

static void hostile(void)
{
	struct record_sink rs;
	unsigned char bomb[64];
	size_t n = png_header(bomb, 30000, 30000);
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "bomb.png", bomb, n) == PII_OK);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_LIMIT_SIZE);
	CHECK(p && strstr(p->reason, "30000 x 30000"));
	rs_free(&rs);

	rs_init(&rs);
	CHECK(run(&rs, "fixtures/images/hostile/truncated.jpg", PII_OCR_AUTO) == PII_OK);
	p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && p->file_status == PII_FILE_PARTIAL && strstr(p->reason, "cut short"));
	rs_free(&rs);

	rs_init(&rs);
	CHECK(run(&rs, "fixtures/images/hostile/not-really.png", PII_OCR_AUTO) == PII_OK);
	p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && p->file_status == PII_FILE_FAILED);
	rs_free(&rs);
}

/* The bid: image signatures, not their look-alikes. */
static void bids(void)
{
	struct t_input t;
	static const char png[] = "\x89PNG\r\n\x1a\n....";
	CHECK(t_input_bytes(&t, "a.png", png, sizeof(png) - 1));
	CHECK(t_bid(&t, x) == PII_BID_SIGNATURE);
	t_input_free(&t);
	CHECK(t_input_bytes(&t, "a.txt", "BM is a word", 12));
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	t_input_free(&t);
	static const char heic[] = "\0\0\0\x18" "ftypheic\0\0\0\0mif1heic";
	CHECK(t_input_bytes(&t, "IMG_0001.HEIC", heic, sizeof(heic) - 1));
	CHECK(t_bid(&t, x) == PII_BID_SIGNATURE);
	t_input_free(&t);
	static const char mp4[] = "\0\0\0\x18" "ftypisom\0\0\0\0isomiso2";
	CHECK(t_input_bytes(&t, "film.mp4", mp4, sizeof(mp4) - 1));
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	t_input_free(&t);
}

/* A value that touches a word the engine was unsure of is at most medium:
 * through the worker's emitter, as ocr_text hands it over. */
static void doubtful_words(void)
{
	char err[512];
	struct pii_ruleset *rules = pii_rules_new();
	CHECK(pii_rules_load_packs(rules, t_rules_dir, NULL, err, sizeof(err)) == PII_OK &&
	      pii_rules_compile(rules, err, sizeof(err)) == PII_OK);
	struct pii_fp_key key;
	memset(key.bytes, 7, sizeof(key.bytes));
	struct pii_emitter e;
	CHECK(pii_emitter_init(&e, rules, &key, false, NULL));
	pii_emit_begin(&e, 1, 0);
	const char *text = "BSN: 111222333\nE-mail: jan.devries@kpnmail.nl";
	struct pii_span unsure[] = {{5, 14}}; /* the BSN */
	e.doubtful = unsure;
	e.n_doubtful = 1;
	struct pii_loc loc = {.file = "scan.png"};
	pii_emit_text(&e, &loc, text, strlen(text), 0, strlen(text), 0, 0);
	CHECK(e.batch && e.batch->n == 2);
	for (size_t i = 0; e.batch && i < e.batch->n; i++) {
		const char *rule = rules->rules[e.batch->items[i].rule].id;
		enum pii_confidence want = !strcmp(rule, "nl_bsn") ? PII_CONF_MEDIUM : PII_CONF_HIGH;
		CHECK_MSG(e.batch->items[i].confidence == want, "%s: confidence %d", rule,
			  e.batch->items[i].confidence);
	}
	pii_emitter_free(&e);
	pii_rules_free(rules);
}

void test_ocr(void)
{
	char why[256];
	bids();
	doubtful_words();
	if (!pii_ocr_engine_load(why, sizeof(why))) {
		/* the set-up installs tesseract and its language data: a machine
		 * without them fails here, loudly */
		CHECK_MSG(false, "%s", why);
		return;
	}
	scanned_id_card();
	decoy_zones();
	multi_page_tiff();
	photos();
	budget();
	hostile();
}
