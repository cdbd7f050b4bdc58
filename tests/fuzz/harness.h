/*
 * harness.h - what the fuzz targets share: the shipped rules, a worker
 * and a collector, made once and renewed now and then so that the
 * inventory does not grow over millions of inputs.
 */
#ifndef FUZZ_HARNESS_H
#define FUZZ_HARNESS_H

#include <stddef.h>
#include <stdint.h>

#include "pii_extract.h"

/* Scans data[0..size) as a file named name, through extractor `as` (NULL:
 * the one detection picks). Aborts if the scanner cannot be set up. */
void fuzz_scan(const char *name, const uint8_t *data, size_t size,
	       const struct pii_extractor *as);

/* Adds a member name with data[0..len) to the zip being written by a. */
struct archive;
void fuzz_zip_add(struct archive *a, const char *name, const void *data, size_t len);

/* The folder of the shipped rule packs. */
const char *fuzz_rules_dir(void);

#endif
