/*
 * pii_extract.h - the registry of extractors (src/extract/extract.c):
 * which one reads an input, set-up of their libraries, and what this
 * build reads.
 */
#ifndef PII_EXTRACT_H
#define PII_EXTRACT_H

#include <stdio.h>

#include "pii_extractor.h"

/* Runs every extractor's init, once, from the main thread before any
 * thread scans (GMime, libxml2); pii_extractors_fini at the end. */
void pii_extractors_init(void);
void pii_extractors_fini(void);

/* The extractor that bids highest for in, or NULL (an empty input). */
const struct pii_extractor *pii_extractor_for(const struct pii_input *in);

/* Runs the extractor that bids highest for in. */
enum pii_status pii_extract(struct pii_input *in, struct pii_sink *out);

/* Prints what this build reads, and what it was built without, for
 * --version. */
void pii_extractors_describe(FILE *f);

#endif
