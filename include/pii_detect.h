/*
 * pii_detect.h - what a file or member is: text in which encoding, or a
 * binary format. Cheap checks on the first bytes decide text files;
 * libmagic (one handle per thread, loaded on first use) names the rest.
 */
#ifndef PII_DETECT_H
#define PII_DETECT_H

#include <stdbool.h>
#include <stddef.h>

#include "pii_decode.h"

enum pii_kind {
	PII_KIND_EMPTY,
	PII_KIND_TEXT,
	PII_KIND_BINARY,
};

struct pii_type {
	enum pii_kind kind;
	enum pii_encoding encoding; /* for text */
	size_t bom;                 /* bytes of byte-order mark to skip */
	char mime[128];             /* "text/plain; charset=utf-8", ... */
};

/* A libmagic handle for one thread. */
struct pii_magic;

/* Returns a handle whose database is loaded on first use; NULL when out
 * of memory. */
struct pii_magic *pii_magic_new(void);
void pii_magic_free(struct pii_magic *m);

/* Looks at head[0..n), the first bytes of a file or member (all of it
 * when complete is set), and fills *out. magic may be NULL (binary files
 * are then "application/octet-stream"). */
void pii_detect(const unsigned char *head, size_t n, bool complete,
		struct pii_magic *magic, struct pii_type *out);

#endif
