/*
 * pii_container.h - reading containers with libarchive: for the archive
 * extractor, and for documents that are zips (Office, OpenDocument). The
 * limits are charged at the door (pii_limits.h): members through the
 * sink's child, parts a document extractor reads itself through
 * pii_container_read_part.
 */
#ifndef PII_CONTAINER_H
#define PII_CONTAINER_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "pii_finding.h"
#include "pii_input.h"

struct pii_container;

/* Opens the container in `in`: streamed from the input; from its file
 * on disk, read again from the start (in->fd must be set; for documents
 * read twice); or from data[0..len) in memory (borrowed). NULL when out
 * of memory; a format libarchive does not know shows at the first
 * pii_container_next. */
struct pii_container *pii_container_open(struct pii_input *in);
struct pii_container *pii_container_open_fd(struct pii_input *in);
struct pii_container *pii_container_open_memory(struct pii_input *in, const void *data,
						size_t len);

struct pii_member {
	const char *name;  /* path inside the container (borrowed) */
	uint64_t size;     /* 0 when unknown */
	bool regular;      /* a file, not a folder or link */
	bool encrypted;
};

/* The next member: 1, or 0 at the end or when reading stopped (damage,
 * encryption: see pii_container_problem). */
int pii_container_next(struct pii_container *c, struct pii_member *m);

/* Reads the current member's data: bytes read, 0 at its end or when
 * reading stopped. A pii_read_fn, for pii_sink_child (which charges the
 * limits). */
ssize_t pii_container_read(void *container, void *buf, size_t n);

/* The same for a part the extractor reads itself (a document's XML):
 * the bytes are charged to the limits here; 0 once one is reached. */
ssize_t pii_container_read_part(void *container, void *buf, size_t n);

/* Why reading stopped early, or NULL; *st says how to list it, *code is
 * its PII_CODE_... */
const char *pii_container_problem(const struct pii_container *c,
				  enum pii_file_status *st, const char **code);

/* True when the container is a compressed single file (x.log.gz). */
bool pii_container_is_raw(const struct pii_container *c);

/* True when its one member would be the input itself (the raw format
 * over no decompression: a compressed file's magic with no compressed
 * data after it). Reading it would nest the input into itself. */
bool pii_container_is_itself(const struct pii_container *c);

void pii_container_close(struct pii_container *c);

#endif
