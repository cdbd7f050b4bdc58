/*
 * pii_ocr_engine.h - the OCR engine (tesseract) and the image reader
 * (leptonica), loaded with dlopen when the first image needs them: they
 * pull in some sixty libraries, which would add milliseconds to every
 * start-up, and tesseract's OpenMP runtime reads OMP_THREAD_LIMIT when
 * it is loaded, which must be after piiscan has set it (pii_ocr.h: one
 * engine per worker thread, each single-threaded). What the rest of
 * piiscan sees is this small surface; the policy is in ocr.c.
 */
#ifndef PII_OCR_ENGINE_H
#define PII_OCR_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Loads the libraries, once for the process (thread-safe). False, with
 * the reason in why, when they cannot be loaded or the language data
 * is missing. libheif, for HEIC photos, is loaded with them where it is
 * installed. */
bool pii_ocr_engine_load(char *why, size_t whylen);

/* Whether d[0..n) starts a HEIF file (HEIC, AVIF): "ftyp" and a brand
 * of the family. Needs no library. */
bool pii_ocr_engine_is_heif(const void *d, size_t n);

/* What an image's header says, without decoding it. */
struct pii_image_info {
	int format;   /* leptonica's IFF_ number */
	bool heif;    /* HEIC/HEIF (an iPhone's photos): decoded by libheif */
	bool tiff;    /* may hold more than one page */
	bool jpeg;    /* can be decoded at 1/2, 1/4, 1/8 cheaply */
	int width, height;
	int ppi;      /* 0: the file does not say */
};
bool pii_ocr_engine_probe(const void *data, size_t len, struct pii_image_info *info);

/* A decoded image (leptonica's PIX), owned by the caller. */
struct pii_pix;

/* Decodes the image; for a TIFF, the page at *tiff_offset (0 for the
 * first), which is then set to the next page's (0 after the last);
 * reduce (1, 2, 4, 8) decodes a JPEG that much smaller. NULL when the
 * image cannot be decoded. */
struct pii_pix *pii_ocr_engine_decode(const void *data, size_t len, bool tiff,
				      size_t *tiff_offset, int reduce);
void pii_ocr_engine_free(struct pii_pix *pix);

/* pix turned clockwise by quarter_turns (1-3) quarter turns, in place of
 * pix (freed); NULL when out of memory (pix freed too). */
struct pii_pix *pii_ocr_engine_turn(struct pii_pix *pix, int quarter_turns);
void pii_ocr_engine_size(const struct pii_pix *pix, int *width, int *height);

/* The first look: how many character-shaped marks pix has (*marks), and
 * how many of them stand in a row with a neighbour of the same height and
 * baseline, as letters of a line of text do (returned). Measured at most
 * 1600 pixels wide or high (pix is scaled, never changed), after a local
 * threshold (Otsu, in tiles). A page of text has hundreds in lines, most
 * of its marks; an ID card a hundred and more; a photo a handful, of
 * hundreds of marks. */
unsigned pii_ocr_engine_letters_in_lines(const struct pii_pix *pix, unsigned *marks);

/* One recognised word: its UTF-8 text, the engine's confidence (0-100),
 * its box, and whether it starts a new line or a new block. */
struct pii_ocr_word {
	const char *text;
	float confidence;
	int left, top, right, bottom;
	bool new_line, new_block;
};
typedef void (*pii_ocr_word_fn)(void *ctx, const struct pii_ocr_word *w);

/* Recognises pix with this thread's engine (made on first use, freed when
 * the thread ends or at pii_ocr_engine_thread_end), giving each word to
 * fn in reading order. ppi: the scan's resolution, 0 when unknown. A
 * whitelist (NULL: none) restricts the characters and reads the region
 * as one block of text, with the engine of the machine-readable zone of a
 * passport (English alone, made on first use as well); left..
 * bottom (all 0: the whole image) is the region read. Stops at
 * deadline_ms from now (<= 0: no deadline). Returns 1 when read to the
 * end, 0 when stopped by the deadline, -1 when the engine failed. */
int pii_ocr_engine_read(struct pii_pix *pix, int ppi, const char *whitelist, int left,
			int top, int right, int bottom, int deadline_ms, pii_ocr_word_fn fn,
			void *ctx);

/* Frees this thread's engine (the worker threads' are freed by a
 * thread-exit destructor; this is for the main thread). */
void pii_ocr_engine_thread_end(void);

#endif
