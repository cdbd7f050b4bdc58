/*
 * ocr.c - the OCR policy and the text it makes (pii_ocr.h).
 *
 * Cost: a page takes about a second, and a share holds folders of tens of
 * thousands of photos. In --ocr auto an image is first looked at cheaply
 * (a JPEG decoded at a fraction of its size, then leptonica's own test
 * for lines of text at about 150 ppi); only what shows lines of text is
 * recognised. Each file on disk and the run have a time budget; what a
 * budget leaves unread is counted and listed, never dropped in silence.
 * Each worker thread has its own single-threaded engine, so OCR work is
 * spread over the workers like any other.
 */
#include "pii_ocr.h"

#include <limits.h>
#include <stddef.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pii_limits.h"
#include "pii_mrz.h"
#include "pii_ocr_engine.h"

static struct {
	atomic_uint_fast64_t images, pages, milliseconds, id_documents, skipped_no_text,
		skipped_budget, skipped_off, skipped_large, skipped_missing, unreadable;
} totals;

void pii_ocr_run_begin(void)
{
	atomic_uint_fast64_t *all[] = {&totals.images,	       &totals.pages,
				       &totals.milliseconds,   &totals.id_documents,
				       &totals.skipped_no_text, &totals.skipped_budget,
				       &totals.skipped_off,    &totals.skipped_large,
				       &totals.skipped_missing, &totals.unreadable};
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		atomic_store(all[i], 0);
}

void pii_ocr_totals(struct pii_ocr_totals *out)
{
	*out = (struct pii_ocr_totals){
		.images = atomic_load(&totals.images),
		.pages = atomic_load(&totals.pages),
		.milliseconds = atomic_load(&totals.milliseconds),
		.id_documents = atomic_load(&totals.id_documents),
		.skipped_no_text = atomic_load(&totals.skipped_no_text),
		.skipped_budget = atomic_load(&totals.skipped_budget),
		.skipped_off = atomic_load(&totals.skipped_off),
		.skipped_large = atomic_load(&totals.skipped_large),
		.skipped_missing = atomic_load(&totals.skipped_missing),
		.unreadable = atomic_load(&totals.unreadable),
	};
}

#define TOTAL(field) {"ocr_" #field, offsetof(struct pii_ocr_totals, field)}
const struct pii_ocr_total_field pii_ocr_total_fields[] = {
	TOTAL(images),		TOTAL(pages),	       TOTAL(milliseconds),
	TOTAL(id_documents),	TOTAL(skipped_no_text), TOTAL(skipped_budget),
	TOTAL(skipped_off),	TOTAL(skipped_large),  TOTAL(skipped_missing),
	TOTAL(unreadable),
};
#undef TOTAL
const size_t pii_ocr_n_total_fields = sizeof(pii_ocr_total_fields) / sizeof(pii_ocr_total_fields[0]);

void pii_ocr_totals_add(struct pii_ocr_totals *to, const struct pii_ocr_totals *from)
{
	for (size_t i = 0; i < pii_ocr_n_total_fields; i++)
		*(uint64_t *)((char *)to + pii_ocr_total_fields[i].offset) +=
			*(const uint64_t *)((const char *)from + pii_ocr_total_fields[i].offset);
}

void pii_ocr_thread_end(void)
{
	pii_ocr_engine_thread_end();
}

/* ---- the budget ------------------------------------------------------------------- */

/* Milliseconds in may still spend on OCR: the least of what is left of
 * its file's OCR budget, of the run's and of --file-timeout. 0 when
 * nothing is left, INT_MAX when nothing limits it. */
static int ms_left(const struct pii_input *in)
{
	double left = (double)INT_MAX;
	const struct pii_options *o = in->opt;
	if (o->ocr_file_budget && in->budget) {
		double l = (o->ocr_file_budget - in->budget->ocr_seconds) * 1000.0;
		left = l < left ? l : left;
	}
	if (o->ocr_budget) {
		double l = (double)o->ocr_budget * 1000.0 - (double)atomic_load(&totals.milliseconds);
		left = l < left ? l : left;
	}
	if (in->budget && in->budget->deadline > 0) {
		double l = (in->budget->deadline - pii_now_monotonic()) * 1000.0;
		left = l < left ? l : left;
	}
	return left < 1.0 ? 0 : (int)left;
}

static void charge(struct pii_input *in, double seconds)
{
	if (in->budget)
		in->budget->ocr_seconds += seconds;
	atomic_fetch_add(&totals.milliseconds, (uint64_t)(seconds * 1000.0));
}

/* The budget stopped the OCR of in at page `page` (1 for an image of one
 * page), in the middle of it when cut: listed once, and not carried over
 * by --state, so that the next run reads it again. */
static void budget_spent(struct pii_input *in, struct pii_sink *out, uint32_t page, bool cut)
{
	char why[200];
	atomic_fetch_add(&totals.skipped_budget, 1);
	if (in->budget)
		in->budget->ocr_cut = true;
	int n = snprintf(why, sizeof(why), "OCR budget spent (--ocr-file-budget, --ocr-budget, "
					   "--file-timeout): ");
	if (page > 1)
		snprintf(why + n, sizeof(why) - (size_t)n, "read up to page %u", page - 1);
	else
		snprintf(why + n, sizeof(why) - (size_t)n, cut ? "cut short" : "not read");
	pii_sink_problem(out, in->path, page > 1 || cut ? PII_FILE_PARTIAL : PII_FILE_SKIPPED,
			 PII_CODE_OCR_BUDGET, why);
}

/* ---- the text of a page ------------------------------------------------------------- */

struct ocr_line {
	size_t start, end;           /* in the text */
	int left, top, right, bottom; /* on the image */
};

/* A page's text as the words come. */
struct page_text {
	struct pii_buf text;
	struct pii_span *doubtful;
	size_t n_doubtful, cap_doubtful;
	struct ocr_line *lines;
	size_t n_lines, cap_lines;
	double confidence;   /* over all its words, for their mean */
	size_t words;
	bool oom;
};

static bool grow(void **v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return true;
	size_t c = *cap ? *cap * 2 : 64;
	void *g = realloc(*v, c * size);
	if (!g)
		return false;
	*v = g;
	*cap = c;
	return true;
}

static void on_word(void *ctx, const struct pii_ocr_word *w)
{
	struct page_text *p = ctx;
	size_t wlen = strlen(w->text);
	size_t valid = pii_utf8_valid_prefix(w->text, wlen);
	if (!valid || p->oom)
		return;
	bool first = p->n_lines == 0;
	if (first || w->new_line) {
		if (!first && !pii_buf_puts(&p->text, w->new_block ? "\n\n" : "\n"))
			p->oom = true;
		if (!grow((void **)&p->lines, &p->cap_lines, p->n_lines, sizeof(*p->lines))) {
			p->oom = true;
			return;
		}
		p->lines[p->n_lines++] = (struct ocr_line){p->text.len, p->text.len, w->left, w->top,
							   w->right, w->bottom};
	} else if (!pii_buf_putc(&p->text, ' ')) {
		p->oom = true;
	}
	size_t start = p->text.len;
	if (!pii_buf_append(&p->text, w->text, valid)) {
		p->oom = true;
		return;
	}
	p->confidence += w->confidence;
	p->words++;
	struct ocr_line *l = &p->lines[p->n_lines - 1];
	l->end = p->text.len;
	l->left = w->left < l->left ? w->left : l->left;
	l->top = w->top < l->top ? w->top : l->top;
	l->right = w->right > l->right ? w->right : l->right;
	l->bottom = w->bottom > l->bottom ? w->bottom : l->bottom;
	if (w->confidence < PII_OCR_DOUBTFUL_CONFIDENCE) {
		if (!grow((void **)&p->doubtful, &p->cap_doubtful, p->n_doubtful,
			  sizeof(*p->doubtful))) {
			p->oom = true;
			return;
		}
		p->doubtful[p->n_doubtful++] = (struct pii_span){start, p->text.len};
	}
}

static void page_text_free(struct page_text *p)
{
	pii_buf_free(&p->text);
	free(p->doubtful);
	free(p->lines);
}

/* ---- identity documents ------------------------------------------------------------ */

/* The characters of a machine-readable zone: read again with only these
 * allowed, the engine no longer takes '<' for 'K', 'S' or '«'. */
#define MRZ_CHARACTERS "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"

/* Zones looked for on one page: a scan holds one document, a few at most. */
#define MRZ_PER_PAGE 8

/* A zone of the page: read whole, or (near) only its shape. */
struct mrz_hit {
	char text[3 * 45];  /* canonical lines, '\n' between */
	size_t len;
	struct pii_mrz fields;
	size_t start, end;  /* where the page text has it */
	bool valid;
};

struct mrz_hits {
	struct mrz_hit hit[MRZ_PER_PAGE];
	size_t n;
};

static void mrz_found(void *ctx, const char *mrz, size_t len, const struct pii_mrz *m,
		      size_t start, size_t end)
{
	struct mrz_hits *h = ctx;
	if (h->n == MRZ_PER_PAGE || len >= sizeof(h->hit[0].text))
		return;
	struct mrz_hit *hit = &h->hit[h->n++];
	memcpy(hit->text, mrz, len);
	hit->len = len;
	hit->fields = *m;
	hit->start = start;
	hit->end = end;
	hit->valid = true;
}

static void mrz_near(void *ctx, size_t start, size_t end)
{
	struct mrz_hits *h = ctx;
	if (h->n < MRZ_PER_PAGE)
		h->hit[h->n++] = (struct mrz_hit){.start = start, .end = end};
}

/* A zone whose check digits pass can still have its fillers misread in
 * the names, which no check digit covers: a names field without a single
 * '<' ("HENDRIKSSSSANDERSWILLEMSSSS") was read so. */
static bool names_misread(const struct mrz_hit *h)
{
	/* the names: the third line of a TD1, else the first past the
	 * document code and the issuing state */
	static const size_t at[] = {[PII_MRZ_TD1] = 62, [PII_MRZ_TD2] = 5, [PII_MRZ_TD3] = 5};
	static const size_t width[] = {[PII_MRZ_TD1] = 30, [PII_MRZ_TD2] = 31, [PII_MRZ_TD3] = 39};
	size_t from = at[h->fields.format], n = width[h->fields.format];
	return from + n <= h->len && !memchr(h->text + from, '<', n);
}

/* Reads the band of the page where text[start..end) was read again, as
 * one block, with only the zone's characters allowed; a zone found there
 * replaces *hit. */
static void mrz_reread(struct pii_input *in, struct pii_pix *pix, int ppi,
		       const struct page_text *p, struct mrz_hit *hit)
{
	int left = INT_MAX, top = INT_MAX, right = 0, bottom = 0;
	for (size_t i = 0; i < p->n_lines; i++) {
		const struct ocr_line *l = &p->lines[i];
		if (l->end <= hit->start || l->start >= hit->end)
			continue;
		left = l->left < left ? l->left : left;
		top = l->top < top ? l->top : top;
		right = l->right > right ? l->right : right;
		bottom = l->bottom > bottom ? l->bottom : bottom;
	}
	int ms = ms_left(in);
	if (right <= left || bottom <= top || !ms)
		return;
	/* a margin around the band: a line's box is its letters' */
	int margin = (bottom - top) / 4, w, h;
	pii_ocr_engine_size(pix, &w, &h);
	left = left > margin ? left - margin : 0;
	top = top > margin ? top - margin : 0;
	right = right + margin < w ? right + margin : w;
	bottom = bottom + margin < h ? bottom + margin : h;
	struct page_text band = {0};
	double t0 = pii_now_monotonic();
	pii_ocr_engine_read(pix, ppi, MRZ_CHARACTERS, left, top, right, bottom, ms, on_word,
			    &band);
	charge(in, pii_now_monotonic() - t0);
	struct mrz_hits again = {0};
	if (!band.oom && band.text.len)
		pii_mrz_find(band.text.data, band.text.len, mrz_found, NULL, &again);
	if (again.n) {
		size_t start = hit->start, end = hit->end;
		*hit = again.hit[0];
		hit->start = start; /* where the page text has it */
		hit->end = end;
	}
	page_text_free(&band);
}

/* "Van Den Berg" from "VAN DEN BERG" */
static void put_name(struct pii_buf *b, const char *name)
{
	bool start = true;
	for (const char *c = name; *c; c++) {
		pii_buf_putc(b, start ? *c : (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c));
		start = *c == ' ';
	}
}

/* What a zone says, in the words the other rules know: the holder's name
 * (person_name), date of birth (date_of_birth: the century is the one
 * that puts it in the past) and personal number (nl_bsn for a Dutch
 * document, which passes the elfproef or is not taken). */
static void mrz_describe(const struct pii_mrz *m, struct pii_buf *b)
{
	if (m->given[0] || m->surname[0]) {
		pii_buf_puts(b, "Naam: ");
		put_name(b, m->given);
		pii_buf_puts(b, m->given[0] ? " " : "");
		put_name(b, m->surname);
		pii_buf_putc(b, '\n');
	}
	int yy = (m->birth[0] - '0') * 10 + (m->birth[1] - '0');
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	int year = 2000 + yy > tm.tm_year + 1900 ? 1900 + yy : 2000 + yy;
	pii_buf_printf(b, "Geboortedatum: %.2s-%.2s-%d\n", m->birth + 4, m->birth + 2, year);
	if (m->personal[0] && !strcmp(m->issuer, "NLD"))
		pii_buf_printf(b, "BSN: %s\n", m->personal);
	else if (m->personal[0])
		pii_buf_printf(b, "Persoonsnummer: %s\n", m->personal);
}

/* A zone read whole: its lines as text of part "MRZ", where rule
 * id_document finds them, and what they say in words, where the rules
 * for names, dates of birth and national numbers find those. */
static enum pii_status mrz_emit(struct pii_sink *out, const struct pii_loc *page_loc,
				const struct mrz_hit *hit)
{
	struct pii_loc loc = *page_loc;
	loc.part = "MRZ";
	atomic_fetch_add(&totals.id_documents, 1);
	enum pii_status st = pii_sink_text(out, &loc, hit->text, hit->len, 0, 0);
	struct pii_buf said = {0};
	mrz_describe(&hit->fields, &said);
	if (st == PII_OK && said.len)
		st = pii_sink_text(out, &loc, said.data, said.len, 0, 0);
	pii_buf_free(&said);
	return st;
}

/* ---- one page ------------------------------------------------------------------------- */

/* Recognises pix into p, charged to in's budget: 1 read to the end, 0
 * stopped by the deadline, -1 the engine failed. */
static int recognize(struct pii_input *in, struct pii_pix *pix, int ppi, int ms,
		     struct page_text *p)
{
	double t0 = pii_now_monotonic();
	int done = pii_ocr_engine_read(pix, ppi, NULL, 0, 0, 0, 0, ms, on_word, p);
	charge(in, pii_now_monotonic() - t0);
	return done;
}

static double mean_confidence(const struct page_text *p)
{
	return p->words ? p->confidence / (double)p->words : 0.0;
}

/* Recognises *pix as page `page` of in (0: an image of one page) and hands
 * its text and zones to out: each zone once, in part "MRZ" (its lines in
 * the page text are blanked, so that the zone as misread is not found as
 * well). A page the first look found sideways is read both ways up (the
 * look cannot tell a quarter turn left from right), the one the engine is
 * surer of kept, and *pix turned so. *cut is set when the budget stopped
 * it. */
static enum pii_status read_page(struct pii_input *in, struct pii_sink *out,
				 struct pii_pix **pix_io, int ppi, uint32_t page, bool sideways,
				 int ms, bool *cut)
{
	struct page_text p = {0};
	int done = recognize(in, *pix_io, ppi, ms, &p);
	if (sideways && done == 1) {
		struct pii_pix *other = pii_ocr_engine_turn(*pix_io, 2);
		*pix_io = other;
		struct page_text q = {0};
		int ms_other = ms_left(in);
		int done_other = other && ms_other ? recognize(in, other, ppi, ms_other, &q) : -1;
		if (done_other >= 0 && mean_confidence(&q) > mean_confidence(&p)) {
			page_text_free(&p);
			p = q;
			done = done_other;
		} else {
			page_text_free(&q);
			*pix_io = other ? pii_ocr_engine_turn(other, 2) : NULL;
		}
		if (!*pix_io)
			p.oom = true;
	}
	struct pii_pix *pix = *pix_io;
	atomic_fetch_add(&totals.pages, 1);
	struct pii_loc loc = {.file = in->path, .page = page};
	if (done < 0)
		pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_TOOL_FAILED,
				 "the OCR engine failed on this image");
	*cut = done == 0;
	enum pii_status st = p.oom ? PII_EOBJECT : PII_OK;
	struct mrz_hits zones = {0};
	if (p.text.len && st == PII_OK)
		pii_mrz_find(p.text.data, p.text.len, mrz_found, mrz_near, &zones);
	for (size_t i = 0; i < zones.n; i++) {
		if (pix && (!zones.hit[i].valid || names_misread(&zones.hit[i])))
			mrz_reread(in, pix, ppi, &p, &zones.hit[i]);
		for (size_t k = zones.hit[i].start; zones.hit[i].valid && k < zones.hit[i].end; k++)
			if (p.text.data[k] != '\n')
				p.text.data[k] = ' ';
	}
	if (p.text.len && st == PII_OK)
		st = pii_sink_ocr_text(out, &loc, p.text.data, p.text.len, p.doubtful, p.n_doubtful);
	for (size_t i = 0; i < zones.n && st == PII_OK; i++)
		if (zones.hit[i].valid)
			st = mrz_emit(out, &loc, &zones.hit[i]);
	page_text_free(&p);
	return st;
}

/* ---- images ------------------------------------------------------------------------------ */

static void not_read(struct pii_input *in, struct pii_sink *out, atomic_uint_fast64_t *count,
		     enum pii_file_status st, const char *code, const char *why)
{
	atomic_fetch_add(count, 1);
	pii_sink_problem(out, in->path, st, code, why);
}

/* The first look (--ocr auto): letters standing in lines, enough of them
 * and a share of the marks (the grain of a photo makes many marks, a few
 * of which line up by chance). */
static bool looks_like_text(const struct pii_pix *pix)
{
	unsigned marks;
	unsigned in_lines = pii_ocr_engine_letters_in_lines(pix, &marks);
	return in_lines >= PII_OCR_LOOK_MIN_LETTERS &&
	       in_lines * 100 >= marks * PII_OCR_LOOK_MIN_SHARE;
}

/* The first look at *pix: 1 when it shows lines of text as it stands,
 * 2 when it does after a quarter turn (a page scanned or photographed
 * sideways: *pix is then turned), 0 when neither (NULL *pix: out of
 * memory). Upside down looks the same as upright here: tesseract is left
 * to read that as it can. */
static int look(struct pii_pix **pix)
{
	if (looks_like_text(*pix))
		return 1;
	*pix = pii_ocr_engine_turn(*pix, 1);
	return *pix && looks_like_text(*pix) ? 2 : 0;
}

/* The JPEG reduction (1, 2, 4, 8) that brings w x h within max pixels,
 * or 0 when none does. */
static int reduction_for(int w, int h, uint64_t max)
{
	for (int r = 1; r <= 8; r *= 2)
		if ((uint64_t)(w / r) * (uint64_t)(h / r) <= max)
			return r;
	return 0;
}

enum pii_status pii_ocr_image(struct pii_input *in, const void *data, size_t len,
			      int orientation, struct pii_sink *out)
{
	const struct pii_options *o = in->opt;
	char why[300];
	atomic_fetch_add(&totals.images, 1);
	if (o->ocr == PII_OCR_OFF) {
		not_read(in, out, &totals.skipped_off, PII_FILE_SKIPPED, PII_CODE_OCR_OFF,
			 "image not read by OCR (--ocr off); its metadata was read");
		return PII_OK;
	}
	if (!pii_ocr_engine_load(why, sizeof(why))) {
		not_read(in, out, &totals.skipped_missing, PII_FILE_SKIPPED, PII_CODE_OCR_MISSING,
			 why);
		return PII_OK;
	}
	struct pii_image_info info;
	if (!pii_ocr_engine_probe(data, len, &info)) {
		not_read(in, out, &totals.unreadable, PII_FILE_FAILED, PII_CODE_DAMAGED,
			 "not a readable image (damaged, or a kind the image reader lacks)");
		return PII_OK;
	}
	if (info.jpeg && !memmem((const char *)data + (len > 4096 ? len - 4096 : 0),
				 len > 4096 ? 4096 : len, "\xff\xd9", 2)) {
		/* libjpeg would decode it, grey below the cut, and say so on
		 * stderr: a cut file is listed instead */
		not_read(in, out, &totals.unreadable, PII_FILE_PARTIAL, PII_CODE_DAMAGED,
			 "JPEG cut short (no end marker): its picture not read by OCR; its metadata "
			 "was read");
		return PII_OK;
	}
	int reduce = info.jpeg ? reduction_for(info.width, info.height, PII_OCR_MAX_PIXELS)
			       : (uint64_t)info.width * (uint64_t)info.height <= PII_OCR_MAX_PIXELS;
	if (!reduce) {
		snprintf(why, sizeof(why),
			 "image of %d x %d pixels is larger than the OCR limit of %llu megapixels "
			 "(a decompression bomb?): not decoded",
			 info.width, info.height, (unsigned long long)(PII_OCR_MAX_PIXELS >> 20));
		not_read(in, out, &totals.skipped_large, PII_FILE_SKIPPED, PII_CODE_LIMIT_SIZE, why);
		return PII_OK;
	}
	/* a phone held sideways or upside down stores its pixels so and says
	 * so in EXIF: the picture is turned upright first */
	int turns = orientation == 6 ? 1 : orientation == 3 ? 2 : orientation == 8 ? 3 : 0;
	if (info.heif)
		turns = 0; /* libheif turns it itself, as the file's own box says */
	enum pii_status st = PII_OK;
	size_t offset = 0;
	uint32_t page = 0, read = 0, no_text = 0;
	do {
		page++;
		if (page > PII_OCR_MAX_PAGES) {
			snprintf(why, sizeof(why), "more than %d pages: page %d and after not read",
				 PII_OCR_MAX_PAGES, PII_OCR_MAX_PAGES + 1);
			not_read(in, out, &totals.skipped_large, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE,
				 why);
			break;
		}
		int ms = ms_left(in);
		if (!ms) {
			budget_spent(in, out, page, false);
			break;
		}
		struct pii_pix *pix = NULL;
		bool looked = o->ocr == PII_OCR_ALL, sideways_jpeg = false;
		if (!looked && info.jpeg) {
			/* a photo is looked at from its half, quarter or eighth
			 * size, as large as the look needs (1600 pixels), which
			 * the JPEG decoder makes at a fraction of the cost */
			int longest = info.width > info.height ? info.width : info.height, smaller = 1;
			while (smaller < 8 && longest / (smaller * 2) >= 1600)
				smaller *= 2;
			struct pii_pix *small = pii_ocr_engine_decode(data, len, false, NULL,
								       smaller > reduce ? smaller : reduce);
			if (small && turns)
				small = pii_ocr_engine_turn(small, turns);
			int seen = small ? look(&small) : 0;
			pii_ocr_engine_free(small);
			if (!seen) {
				no_text++;
				break;
			}
			turns = (turns + seen - 1) % 4;
			sideways_jpeg = seen == 2;
			looked = true;
		}
		pix = pii_ocr_engine_decode(data, len, info.tiff, &offset, reduce);
		if (pix && turns)
			pix = pii_ocr_engine_turn(pix, turns);
		if (!pix) {
			if (page == 1)
				not_read(in, out, &totals.unreadable, PII_FILE_FAILED, PII_CODE_DAMAGED,
					 "image could not be decoded (damaged or cut short)");
			else
				not_read(in, out, &totals.unreadable, PII_FILE_PARTIAL, PII_CODE_DAMAGED,
					 "a page of the image could not be decoded: pages after it not read");
			break;
		}
		int w, h;
		pii_ocr_engine_size(pix, &w, &h);
		if ((uint64_t)w * (uint64_t)h > PII_OCR_MAX_PIXELS * 4) {
			/* a later TIFF page larger than the first: decoded (the
			 * library's own limits held), but not read */
			pii_ocr_engine_free(pix);
			not_read(in, out, &totals.skipped_large, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE,
				 "a page of the image is too large to read by OCR");
			continue;
		}
		bool sideways = false;
		if (!looked) {
			int seen = look(&pix);
			if (!seen) {
				pii_ocr_engine_free(pix);
				no_text++;
				continue;
			}
			sideways = seen == 2;
		}
		bool cut = false;
		st = read_page(in, out, &pix, info.ppi, info.tiff ? page : 0, sideways || sideways_jpeg,
			       ms, &cut);
		pii_ocr_engine_free(pix);
		read++;
		if (cut) {
			budget_spent(in, out, info.tiff ? page : 1, true);
			break;
		}
	} while (st == PII_OK && info.tiff && offset != 0);
	if (read && no_text) {
		atomic_fetch_add(&totals.skipped_no_text, no_text);
	} else if (no_text) {
		not_read(in, out, &totals.skipped_no_text, PII_FILE_SCANNED, PII_CODE_OCR_NO_TEXT,
			 "no text seen at a first look (a photo?): not read by OCR; its metadata was "
			 "read (--ocr all reads every image)");
	}
	return st == PII_EFATAL ? PII_EFATAL : PII_OK;
}

/* ---- PDF pages ------------------------------------------------------------------------------ */

bool pii_ocr_pdf_wanted(struct pii_input *in, struct pii_sink *out, uint32_t pages)
{
	char why[300];
	if (in->opt->ocr == PII_OCR_OFF) {
		atomic_fetch_add(&totals.skipped_off, pages);
		snprintf(why, sizeof(why), "%u page%s without a text layer (scanned?) not read: "
			 "--ocr off", pages, pages == 1 ? "" : "s");
		pii_sink_problem(out, in->path, PII_FILE_SKIPPED, PII_CODE_NEEDS_OCR, why);
		return false;
	}
	if (!pii_ocr_engine_load(why, sizeof(why))) {
		atomic_fetch_add(&totals.skipped_missing, pages);
		char full[400];
		snprintf(full, sizeof(full), "PDF has %u page%s without a text layer (scanned?): %s",
			 pages, pages == 1 ? "" : "s", why);
		pii_sink_problem(out, in->path, PII_FILE_SKIPPED, PII_CODE_NEEDS_OCR, full);
		return false;
	}
	return true;
}

enum pii_status pii_ocr_pdf_page(struct pii_input *in, uint32_t page, const void *data,
				 size_t len, int ppi, struct pii_sink *out)
{
	int ms = ms_left(in);
	if (!ms) {
		budget_spent(in, out, page, false);
		return PII_OK;
	}
	size_t offset = 0;
	struct pii_pix *pix = pii_ocr_engine_decode(data, len, false, &offset, 1);
	if (!pix) {
		atomic_fetch_add(&totals.unreadable, 1);
		pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_TOOL_FAILED,
				 "a PDF page rendered for OCR could not be decoded");
		return PII_OK;
	}
	bool cut = false;
	enum pii_status st = read_page(in, out, &pix, ppi, page, false, ms, &cut);
	pii_ocr_engine_free(pix);
	if (cut)
		budget_spent(in, out, page, true);
	return st;
}
