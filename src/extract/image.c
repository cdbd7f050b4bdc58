/*
 * image.c - images: scans, photos of documents, pictures inside other
 * files. What their metadata says about people (EXIF, XMP: pii_imagemeta.h)
 * and, where the OCR policy takes them, the text on them (pii_ocr.h).
 * The image is held in memory: its decoder needs all of it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii_extractor.h"
#include "pii_imagemeta.h"
#include "pii_limits.h"
#include "pii_ocr.h"
#include "pii_ocr_engine.h"
#include "pii_xml.h"

/* The formats the image readers (leptonica, libheif) decode, by signature. */
static bool image_signature(const unsigned char *h, size_t n)
{
	static const struct {
		const char *magic;
		size_t len;
	} sigs[] = {
		{"\x89PNG\r\n\x1a\n", 8}, {"\xff\xd8\xff", 3},   {"II*\0", 4},
		{"MM\0*", 4},		  {"GIF87a", 6},	 {"GIF89a", 6},
		{"\0\0\0\x0cjP  \r\n\x87\n", 12},		 /* JPEG 2000 */
	};
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (n >= sigs[i].len && !memcmp(h, sigs[i].magic, sigs[i].len))
			return true;
	if (n >= 12 && !memcmp(h, "RIFF", 4) && !memcmp(h + 8, "WEBP", 4))
		return true;
	if (pii_ocr_engine_is_heif(h, n))
		return true;
	/* a BMP: "BM", then a header size the format has (40, 108, 124) */
	return n >= 18 && h[0] == 'B' && h[1] == 'M' && (h[14] == 40 || h[14] == 108 || h[14] == 124) &&
	       !h[15] && !h[16] && !h[17];
}

static int image_bid(const struct pii_input *in, int best)
{
	(void)best;
	return image_signature(in->head, in->head_len) ? PII_BID_SIGNATURE : PII_BID_NONE;
}

static enum pii_status image_run(struct pii_input *in, struct pii_sink *out)
{
	size_t len;
	bool cut;
	unsigned char *data = pii_input_slurp(in, &len, &cut);
	if (!data)
		return PII_EOBJECT;
	int orientation;
	enum pii_status st = pii_image_meta(in, data, len, out, &orientation);
	if (st == PII_OK && cut) {
		char why[120];
		snprintf(why, sizeof(why), "image larger than %zu MB: its metadata was read, its "
			 "picture not", PII_DOC_MEMORY_MAX >> 20);
		pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE, why);
	} else if (st == PII_OK) {
		st = pii_ocr_image(in, data, len, orientation, out);
	}
	free(data);
	return st;
}

/* tesseract's OpenMP runtime reads OMP_THREAD_LIMIT when it is loaded, at
 * the first image: each worker's engine then runs on its worker alone,
 * instead of every engine starting threads of its own on cores the others
 * use. */
static void image_init(void)
{
	setenv("OMP_THREAD_LIMIT", "1", 0);
	pii_xml_init(); /* the XMP packets */
}

static void image_fini(void)
{
	pii_ocr_thread_end();
}

const struct pii_extractor pii_extractor_image = {
	.name = "image",
	.bid = image_bid,
	.run = image_run,
	.init = image_init,
	.fini = image_fini,
};
