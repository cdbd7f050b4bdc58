/*
 * pii_ocr.h - reading scans and photos: which images are read by OCR
 * (--ocr), what it may cost (--ocr-budget, --ocr-file-budget), and what
 * the recognised text becomes: located text for the matcher, with the
 * words the engine was unsure of marked, and the machine-readable zones
 * of identity documents (pii_mrz.h) read again where the first pass got
 * them wrong. Every image not read, or read in part, is counted and gets
 * an Errors row with its reason. The engine itself is pii_ocr_engine.h.
 */
#ifndef PII_OCR_H
#define PII_OCR_H

#include <stdint.h>

#include "pii_input.h"
#include "pii_sink.h"

/* What OCR did in this run, for the Summary and the progress line. */
struct pii_ocr_totals {
	uint64_t images;           /* image files and members looked at */
	uint64_t pages;            /* pages recognised (images, TIFF and PDF pages) */
	uint64_t milliseconds;     /* spent recognising, over all threads */
	uint64_t id_documents;     /* machine-readable zones read */
	uint64_t skipped_no_text;  /* the first look saw no text */
	uint64_t skipped_budget;   /* pages left for the OCR budget */
	uint64_t skipped_off;      /* --ocr off */
	uint64_t skipped_large;    /* too large to decode, or past the page limit */
	uint64_t skipped_missing;  /* no OCR engine or language data */
	uint64_t unreadable;       /* could not be decoded */
};

/* The totals by name, as the summary record carries them (records.c):
 * name and place in struct pii_ocr_totals, a uint64_t each. */
struct pii_ocr_total_field {
	const char *name;
	size_t offset;
};
extern const struct pii_ocr_total_field pii_ocr_total_fields[];
extern const size_t pii_ocr_n_total_fields;

/* to += from (the parts of a sharded scan, merged). */
void pii_ocr_totals_add(struct pii_ocr_totals *to, const struct pii_ocr_totals *from);

/* A new run: the totals and the run's budget start again. */
void pii_ocr_run_begin(void);

/* The totals so far (any thread). */
void pii_ocr_totals(struct pii_ocr_totals *out);

/* Reads the image data[0..len) of in (a file or a member): each page (of
 * a multi-page TIFF) that the policy takes goes to out as OCR text of
 * in->path (page numbers for a TIFF). orientation is the EXIF one (3, 6,
 * 8: turned 180, 90, 270 degrees; others: as stored). PII_OK, or
 * PII_EFATAL when the sink says so. */
enum pii_status pii_ocr_image(struct pii_input *in, const void *data, size_t len,
			      int orientation, struct pii_sink *out);

/* Whether a PDF page without text should be rendered for OCR; when not,
 * the reason is counted and listed here (once per PDF: pages is how many
 * such pages it has). */
bool pii_ocr_pdf_wanted(struct pii_input *in, struct pii_sink *out, uint32_t pages);

/* Reads page `page` of a PDF, rendered at ppi into the image data[0..len)
 * (PGM), as OCR text of in->path on that page. */
enum pii_status pii_ocr_pdf_page(struct pii_input *in, uint32_t page, const void *data,
				 size_t len, int ppi, struct pii_sink *out);

/* Frees the calling thread's OCR engine. */
void pii_ocr_thread_end(void);

#endif
