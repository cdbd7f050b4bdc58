/*
 * pii_container.h - reading containers with libarchive, with the limits
 * (--max-members, --max-expand, --max-ratio) applied: for the archive
 * extractor, and for documents that are zips (Office, OpenDocument).
 */
#ifndef PII_CONTAINER_H
#define PII_CONTAINER_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "pii_extract.h"

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

/* The next member: 1, or 0 at the end or when reading stopped (a limit,
 * damage, encryption: see pii_container_problem). */
int pii_container_next(struct pii_container *c, struct pii_member *m);

/* Reads the current member's data: bytes read, 0 at its end or when a
 * limit stopped reading. Matches pii_read_fn, for pii_sink_child. */
ssize_t pii_container_read(void *container, void *buf, size_t n);

/* Why reading stopped early, or NULL; *st says how to list it. */
const char *pii_container_problem(const struct pii_container *c,
				  enum pii_file_status *st);

/* True when the container is a compressed single file (x.log.gz). */
bool pii_container_is_raw(const struct pii_container *c);

void pii_container_close(struct pii_container *c);

#endif
