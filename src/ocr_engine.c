/*
 * ocr_engine.c - tesseract and leptonica through dlopen (pii_ocr_engine.h).
 * Every function used is named once in OCR_FUNCTIONS; its type comes from
 * the library's own header, so a wrong signature does not compile.
 */
#include "pii_ocr_engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool pii_ocr_engine_is_heif(const void *data, size_t n)
{
	static const char *const brands[] = {"heic", "heix", "heim", "heis", "hevc", "mif1",
					     "avif", NULL};
	const unsigned char *d = data;
	if (n < 12 || memcmp(d + 4, "ftyp", 4))
		return false;
	for (const char *const *b = brands; *b; b++)
		if (!memcmp(d + 8, *b, 4))
			return true;
	return false;
}

#if HAVE_TESSERACT

#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <pthread.h>
#include <tesseract/capi.h>

#define OCR_FUNCTIONS(X)                                                                 \
	X(lept, setMsgSeverity)                                                          \
	X(lept, pixReadHeaderMem)                                                        \
	X(lept, pixReadMem)                                                              \
	X(lept, pixReadMemJpeg)                                                          \
	X(lept, pixReadMemFromMultipageTiff)                                             \
	X(lept, pixGetWidth)                                                             \
	X(lept, pixGetHeight)                                                            \
	X(lept, pixGetXRes)                                                              \
	X(lept, pixConvertTo8)                                                           \
	X(lept, pixScale)                                                                \
	X(lept, pixRotateOrth)                                                           \
	X(lept, pixOtsuAdaptiveThreshold)                                                \
	X(lept, pixConnComp)                                                             \
	X(lept, boxaGetCount)                                                            \
	X(lept, boxaGetBoxGeometry)                                                      \
	X(lept, boxaDestroy)                                                             \
	X(lept, pixDestroy)                                                              \
	X(lept, pixCreate)                                                               \
	X(lept, pixGetData)                                                              \
	X(lept, pixGetWpl)                                                               \
	X(tess, TessBaseAPICreate)                                                       \
	X(tess, TessBaseAPIDelete)                                                       \
	X(tess, TessBaseAPIEnd)                                                          \
	X(tess, TessBaseAPIInit3)                                                        \
	X(tess, TessBaseAPISetVariable)                                                  \
	X(tess, TessBaseAPISetPageSegMode)                                               \
	X(tess, TessBaseAPISetImage2)                                                    \
	X(tess, TessBaseAPISetSourceResolution)                                          \
	X(tess, TessBaseAPISetRectangle)                                                 \
	X(tess, TessBaseAPIRecognize)                                                    \
	X(tess, TessBaseAPIClear)                                                        \
	X(tess, TessBaseAPIGetIterator)                                                  \
	X(tess, TessResultIteratorDelete)                                                \
	X(tess, TessResultIteratorNext)                                                  \
	X(tess, TessResultIteratorGetUTF8Text)                                           \
	X(tess, TessResultIteratorConfidence)                                            \
	X(tess, TessResultIteratorGetPageIteratorConst)                                  \
	X(tess, TessPageIteratorIsAtBeginningOf)                                         \
	X(tess, TessPageIteratorBoundingBox)                                             \
	X(tess, TessDeleteText)                                                          \
	X(tess, TessMonitorCreate)                                                       \
	X(tess, TessMonitorDelete)                                                       \
	X(tess, TessMonitorSetDeadlineMSecs)

static struct {
#define X(lib, f) __typeof__(&f) f;
	OCR_FUNCTIONS(X)
#undef X
} fn;

/* The language data: Dutch first, English for the rest. */
#define OCR_LANGUAGES "nld+eng"

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static bool loaded;
static char load_error[256];
static pthread_key_t engine_key, zone_engine_key;

/* The machine-readable zone is read again by an English engine alone: the
 * Dutch model takes its '<' for 'S' even when only the zone's characters
 * are allowed (measured on the fixtures: nld+eng gives "HENDRIKS<S<SANDER",
 * eng "HENDRIKS<<SANDER"). */
#define ZONE_LANGUAGES "eng"

static void *open_library(const char *const *names)
{
	for (; *names; names++) {
		void *h = dlopen(*names, RTLD_NOW | RTLD_LOCAL);
		if (h)
			return h;
	}
	return NULL;
}

/* libheif, for HEIC photos: optional, loaded beside them (its codecs
 * are as many libraries again). */
#if HAVE_LIBHEIF
#include <libheif/heif.h>
#define HEIF_FUNCTIONS(X)                                                                \
	X(heif_context_alloc)                                                            \
	X(heif_context_free)                                                             \
	X(heif_context_read_from_memory_without_copy)                                    \
	X(heif_context_get_primary_image_handle)                                         \
	X(heif_image_handle_get_width)                                                   \
	X(heif_image_handle_get_height)                                                  \
	X(heif_image_handle_release)                                                     \
	X(heif_decode_image)                                                             \
	X(heif_image_get_plane_readonly)                                                 \
	X(heif_image_release)
static struct {
#define X(f) __typeof__(&f) f;
	HEIF_FUNCTIONS(X)
#undef X
} heif;
static bool heif_loaded;

static void load_heif(void)
{
	static const char *const names[] = {"libheif.so.1", "libheif.so", NULL};
	void *h = open_library(names);
	if (!h)
		return;
#define X(f)                                                                             \
	if (!(*(void **)&heif.f = dlsym(h, #f)))                                         \
		return;
	HEIF_FUNCTIONS(X)
#undef X
	heif_loaded = true;
}
#endif

static void engine_free(void *api)
{
	if (api) {
		fn.TessBaseAPIEnd(api);
		fn.TessBaseAPIDelete(api);
	}
}

/* Makes an engine to see that the language data is there: better one
 * clear reason at the first image than a failure per image. */
static bool languages_present(void)
{
	TessBaseAPI *api = fn.TessBaseAPICreate();
	if (!api)
		return false;
	/* tesseract's messages: debug_file is one variable for the process
	 * (set here, once, before any worker has an engine) */
	fn.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
	bool ok = fn.TessBaseAPIInit3(api, NULL, OCR_LANGUAGES) == 0;
	engine_free(api);
	return ok;
}

static void load(void)
{
	static const char *const lept_names[] = {"liblept.so.5", "libleptonica.so.6",
						 "libleptonica.so", "liblept.so", NULL};
	static const char *const tess_names[] = {"libtesseract.so.5", "libtesseract.so", NULL};
	void *lept = open_library(lept_names), *tess = lept ? open_library(tess_names) : NULL;
	if (!lept || !tess) {
		snprintf(load_error, sizeof(load_error),
			 "OCR not available: %s is not installed (Debian: %s)",
			 lept ? "tesseract" : "leptonica",
			 lept ? "libtesseract5 tesseract-ocr-nld tesseract-ocr-eng" : "liblept5");
		return;
	}
#define X(lib, f)                                                                        \
	if (!(*(void **)&fn.f = dlsym(lib, #f))) {                                       \
		snprintf(load_error, sizeof(load_error),                                \
			 "OCR not available: %s lacks %s (too old?)", #lib, #f);          \
		return;                                                                  \
	}
	OCR_FUNCTIONS(X)
#undef X
	/* leptonica writes its complaints about bad images to stderr */
	fn.setMsgSeverity(L_SEVERITY_NONE);
#if HAVE_LIBHEIF
	load_heif();
#endif
	if (!languages_present()) {
		snprintf(load_error, sizeof(load_error),
			 "OCR not available: tesseract's language data " OCR_LANGUAGES
			 " is missing (Debian: tesseract-ocr-nld tesseract-ocr-eng)");
		return;
	}
	if (pthread_key_create(&engine_key, engine_free) != 0 ||
	    pthread_key_create(&zone_engine_key, engine_free) != 0) {
		snprintf(load_error, sizeof(load_error), "OCR not available: out of thread keys");
		return;
	}
	loaded = true;
}

bool pii_ocr_engine_load(char *why, size_t whylen)
{
	pthread_once(&load_once, load);
	if (!loaded && why)
		snprintf(why, whylen, "%s", load_error);
	return loaded;
}

#if HAVE_LIBHEIF
/* The primary image of a HEIF file; its width and height; NULL when it
 * cannot be read. The context is freed with the handle. */
struct heif_read {
	struct heif_context *ctx;
	struct heif_image_handle *handle;
};

static bool heif_open(const void *data, size_t len, struct heif_read *r)
{
	r->handle = NULL;
	r->ctx = heif_loaded ? heif.heif_context_alloc() : NULL;
	if (!r->ctx)
		return false;
	if (heif.heif_context_read_from_memory_without_copy(r->ctx, data, len, NULL).code ==
		    heif_error_Ok &&
	    heif.heif_context_get_primary_image_handle(r->ctx, &r->handle).code == heif_error_Ok)
		return true;
	heif.heif_context_free(r->ctx);
	return false;
}

static void heif_close(struct heif_read *r)
{
	if (r->handle)
		heif.heif_image_handle_release(r->handle);
	heif.heif_context_free(r->ctx);
}

/* Decoded to grey (the luma plane: what OCR reads), into a PIX. */
static PIX *heif_decode_gray(const void *data, size_t len)
{
	struct heif_read r;
	if (!heif_open(data, len, &r))
		return NULL;
	struct heif_image *img = NULL;
	PIX *pix = NULL;
	/* as YCbCr, whatever it was coded as: its luma plane is the grey
	 * (libheif 1.15 leaves an RGB-coded picture RGB when asked for the
	 * native form, and crashed converting to monochrome) */
	if (heif.heif_decode_image(r.handle, &img, heif_colorspace_YCbCr, heif_chroma_420,
				   NULL).code == heif_error_Ok) {
		int stride = 0;
		const uint8_t *y = heif.heif_image_get_plane_readonly(img, heif_channel_Y, &stride);
		int w = heif.heif_image_handle_get_width(r.handle);
		int h = heif.heif_image_handle_get_height(r.handle);
		pix = y && w > 0 && h > 0 ? fn.pixCreate(w, h, 8) : NULL;
		for (int row = 0; pix && row < h; row++) {
			l_uint32 *line = fn.pixGetData(pix) + row * fn.pixGetWpl(pix);
			for (int col = 0; col < w; col++)
				SET_DATA_BYTE(line, col, y[(size_t)row * (size_t)stride + (size_t)col]);
		}
		heif.heif_image_release(img);
	}
	heif_close(&r);
	return pix;
}
#endif

bool pii_ocr_engine_probe(const void *data, size_t len, struct pii_image_info *info)
{
	l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
	memset(info, 0, sizeof(*info));
	if (pii_ocr_engine_is_heif(data, len)) {
#if HAVE_LIBHEIF
		struct heif_read r;
		if (!heif_open(data, len, &r))
			return false;
		info->heif = true;
		info->width = heif.heif_image_handle_get_width(r.handle);
		info->height = heif.heif_image_handle_get_height(r.handle);
		heif_close(&r);
		return info->width > 0 && info->height > 0;
#else
		return false;
#endif
	}
	if (fn.pixReadHeaderMem(data, len, &format, &w, &h, &bps, &spp, &cmap) != 0 || w <= 0 ||
	    h <= 0)
		return false;
	info->format = format;
	info->tiff = L_FORMAT_IS_TIFF(format);
	info->jpeg = format == IFF_JFIF_JPEG;
	info->width = w;
	info->height = h;
	return true;
}

struct pii_pix *pii_ocr_engine_decode(const void *data, size_t len, bool tiff,
				      size_t *tiff_offset, int reduce)
{
	PIX *pix;
	if (pii_ocr_engine_is_heif(data, len)) {
#if HAVE_LIBHEIF
		return (struct pii_pix *)heif_decode_gray(data, len);
#else
		return NULL;
#endif
	} else if (tiff) {
		pix = fn.pixReadMemFromMultipageTiff(data, len, tiff_offset);
	} else if (reduce > 1) {
		l_int32 warnings = 0;
		pix = fn.pixReadMemJpeg(data, len, 0, reduce, &warnings, 0);
	} else {
		pix = fn.pixReadMem(data, len);
	}
	/* grey, without a colour map: what tesseract reads best, a quarter
	 * of a colour image's memory, and no palette images, on which
	 * tesseract 5.3 was seen to crash when given a rectangle */
	PIX *gray = pix ? fn.pixConvertTo8(pix, 0) : NULL;
	if (pix)
		fn.pixDestroy(&pix);
	return (struct pii_pix *)gray;
}

void pii_ocr_engine_free(struct pii_pix *pix)
{
	PIX *p = (PIX *)pix;
	if (p)
		fn.pixDestroy(&p);
}

struct pii_pix *pii_ocr_engine_turn(struct pii_pix *pix, int quarter_turns)
{
	PIX *p = (PIX *)pix, *turned = fn.pixRotateOrth(p, quarter_turns);
	fn.pixDestroy(&p);
	return (struct pii_pix *)turned;
}

void pii_ocr_engine_size(const struct pii_pix *pix, int *width, int *height)
{
	*width = fn.pixGetWidth((PIX *)pix);
	*height = fn.pixGetHeight((PIX *)pix);
}

/* A mark of the first look: left edge, baseline, width, height. */
struct mark {
	int x, base, w, h;
};

static int by_baseline(const void *a, const void *b)
{
	const struct mark *m = a, *n = b;
	return m->base != n->base ? (m->base > n->base) - (m->base < n->base)
				  : (m->x > n->x) - (m->x < n->x);
}

/* (leptonica's pixDecideIfText was tried first: it wants lines across
 * most of a page, and says "no text" to an ID card.) */
unsigned pii_ocr_engine_letters_in_lines(const struct pii_pix *pix, unsigned *marks_out)
{
	PIX *p = (PIX *)pix;
	int w = fn.pixGetWidth(p), h = fn.pixGetHeight(p);
	int longest = w > h ? w : h;
	float scale = longest > 1600 ? 1600.0f / (float)longest : 1.0f;
	PIX *gray = fn.pixConvertTo8(p, 0);
	PIX *small = gray && scale < 1.0f ? fn.pixScale(gray, scale, scale) : NULL;
	PIX *bin = NULL;
	if (gray)
		fn.pixOtsuAdaptiveThreshold(small ? small : gray, 100, 100, 0, 0, 0.1f, NULL, &bin);
	BOXA *boxes = bin ? fn.pixConnComp(bin, NULL, 8) : NULL;
	int n = boxes ? fn.boxaGetCount(boxes) : 0;
	struct mark *marks = n > 0 ? malloc((size_t)n * sizeof(*marks)) : NULL;
	size_t n_marks = 0;
	for (int i = 0; marks && i < n; i++) {
		l_int32 x, y, bw, bh;
		fn.boxaGetBoxGeometry(boxes, i, &x, &y, &bw, &bh);
		/* 7 to 60 pixels high at this size is 5 to 40 points on a page */
		if (bh >= 7 && bh <= 60 && bw >= 2 && bw <= 2 * bh)
			marks[n_marks++] = (struct mark){x, y + bh, bw, bh};
	}
	unsigned in_lines = 0;
	if (marks) {
		qsort(marks, n_marks, sizeof(*marks), by_baseline);
		for (size_t i = 0; i < n_marks; i++)
			for (size_t j = i + 1; j < n_marks && marks[j].base - marks[i].base <= 2; j++) {
				int gap = marks[j].x - (marks[i].x + marks[i].w);
				if (gap >= -1 && gap <= marks[i].h &&
				    abs(marks[j].h - marks[i].h) <= marks[i].h / 2 + 2) {
					in_lines++;
					break;
				}
			}
	}
	*marks_out = (unsigned)n_marks;
	free(marks);
	if (boxes)
		fn.boxaDestroy(&boxes);
	PIX *owned[] = {bin, small, gray};
	for (size_t i = 0; i < 3; i++)
		if (owned[i])
			fn.pixDestroy(&owned[i]);
	return in_lines;
}

/* This thread's engine, made on first use: loading the language data
 * takes a while, so it is kept for the thread's next image. */
static TessBaseAPI *thread_engine(pthread_key_t key, const char *languages)
{
	TessBaseAPI *api = pthread_getspecific(key);
	if (api)
		return api;
	api = fn.TessBaseAPICreate();
	if (!api)
		return NULL;
	if (fn.TessBaseAPIInit3(api, NULL, languages) != 0 ||
	    pthread_setspecific(key, api) != 0) {
		engine_free(api);
		return NULL;
	}
	return api;
}

int pii_ocr_engine_read(struct pii_pix *pix, int ppi, const char *whitelist, int left,
			int top, int right, int bottom, int deadline_ms, pii_ocr_word_fn cb,
			void *ctx)
{
	TessBaseAPI *api = whitelist ? thread_engine(zone_engine_key, ZONE_LANGUAGES)
				     : thread_engine(engine_key, OCR_LANGUAGES);
	if (!api)
		return -1;
	PIX *p = (PIX *)pix;
	fn.TessBaseAPISetPageSegMode(api, whitelist ? PSM_SINGLE_BLOCK : PSM_AUTO);
	fn.TessBaseAPISetVariable(api, "tessedit_char_whitelist", whitelist ? whitelist : "");
	fn.TessBaseAPISetImage2(api, p);
	/* a scan that does not say is most likely 300 ppi; tesseract would
	 * otherwise guess from the text, and warn */
	int res = ppi > 0 ? ppi : fn.pixGetXRes(p);
	fn.TessBaseAPISetSourceResolution(api, res >= 70 && res <= 2400 ? res : 300);
	if (right > left && bottom > top)
		fn.TessBaseAPISetRectangle(api, left, top, right - left, bottom - top);
	ETEXT_DESC *monitor = deadline_ms > 0 ? fn.TessMonitorCreate() : NULL;
	if (monitor)
		fn.TessMonitorSetDeadlineMSecs(monitor, deadline_ms);
	int rc = fn.TessBaseAPIRecognize(api, monitor);
	int done = rc == 0 ? 1 : monitor ? 0 : -1;
	TessResultIterator *it = rc == 0 ? fn.TessBaseAPIGetIterator(api) : NULL;
	if (it) {
		const TessPageIterator *page = fn.TessResultIteratorGetPageIteratorConst(it);
		do {
			char *text = fn.TessResultIteratorGetUTF8Text(it, RIL_WORD);
			if (!text)
				continue;
			struct pii_ocr_word w = {
				.text = text,
				.confidence = fn.TessResultIteratorConfidence(it, RIL_WORD),
				.new_line = fn.TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE),
				.new_block = fn.TessPageIteratorIsAtBeginningOf(page, RIL_PARA),
			};
			fn.TessPageIteratorBoundingBox(page, RIL_WORD, &w.left, &w.top, &w.right,
						       &w.bottom);
			cb(ctx, &w);
			fn.TessDeleteText(text);
		} while (fn.TessResultIteratorNext(it, RIL_WORD));
		fn.TessResultIteratorDelete(it);
	}
	if (monitor)
		fn.TessMonitorDelete(monitor);
	/* the image stays the caller's; the engine lets go of it */
	fn.TessBaseAPIClear(api);
	return done;
}

void pii_ocr_engine_thread_end(void)
{
	if (!loaded)
		return;
	engine_free(pthread_getspecific(engine_key));
	pthread_setspecific(engine_key, NULL);
	engine_free(pthread_getspecific(zone_engine_key));
	pthread_setspecific(zone_engine_key, NULL);
}

#else /* built without tesseract's headers */

bool pii_ocr_engine_load(char *why, size_t whylen)
{
	if (why)
		snprintf(why, whylen, "OCR left out of this build (no libtesseract-dev, "
				      "libleptonica-dev when it was built)");
	return false;
}

bool pii_ocr_engine_probe(const void *data, size_t len, struct pii_image_info *info)
{
	(void)data;
	(void)len;
	memset(info, 0, sizeof(*info));
	return false;
}

struct pii_pix *pii_ocr_engine_decode(const void *data, size_t len, bool tiff,
				      size_t *tiff_offset, int reduce)
{
	(void)data, (void)len, (void)tiff, (void)tiff_offset, (void)reduce;
	return NULL;
}

void pii_ocr_engine_free(struct pii_pix *pix)
{
	(void)pix;
}

struct pii_pix *pii_ocr_engine_turn(struct pii_pix *pix, int quarter_turns)
{
	(void)quarter_turns;
	return pix;
}

void pii_ocr_engine_size(const struct pii_pix *pix, int *width, int *height)
{
	(void)pix;
	*width = *height = 0;
}

unsigned pii_ocr_engine_letters_in_lines(const struct pii_pix *pix, unsigned *marks)
{
	(void)pix;
	*marks = 0;
	return 0;
}

int pii_ocr_engine_read(struct pii_pix *pix, int ppi, const char *whitelist, int left,
			int top, int right, int bottom, int deadline_ms, pii_ocr_word_fn fn,
			void *ctx)
{
	(void)pix, (void)ppi, (void)whitelist, (void)left, (void)top, (void)right;
	(void)bottom, (void)deadline_ms, (void)fn, (void)ctx;
	return -1;
}

void pii_ocr_engine_thread_end(void)
{
}

#endif
