/*
 * worker.h - a worker thread's state, shared by the thread pool
 * (worker.c) and the scanning of one file (scan.c). Private to them.
 */
#ifndef PII_WORKER_PRIVATE_H
#define PII_WORKER_PRIVATE_H

#include <pthread.h>

#include "pii_emit.h"
#include "pii_pager.h"
#include "pii_scan.h"
#include "pii_sink.h"

struct file_ctx; /* a file being scanned (scan.c) */

/* The worker's sink: text to the pager and the matcher, members back
 * through detection (scan.c). */
struct pii_scan_sink {
	struct pii_sink base;
	struct pii_worker *w;
	struct file_ctx *fc;
	const struct pii_loc *stream_loc; /* while a text stream is open */
	bool stream_lines;                /* its findings get line numbers */
};

struct pii_worker {
	const struct pii_scan_ctx *ctx;
	struct pii_magic *magic;
	struct pii_emitter emit;
	struct pii_pager pager;
	/* A read buffer (PII_READ_CHUNK) and a head buffer (PII_SNIFF_SIZE)
	 * per nesting level, made when first needed and kept for the next
	 * file: a zip of 10,000 members does not allocate 10,000 times. */
	unsigned char **scratch;
	unsigned char **head;
	unsigned levels;        /* entries in scratch and head */
	struct pii_scan_sink sink;
	struct pii_outbox outbox; /* to the collector */
	pthread_t thread;
};

/* scan.c: sets up w's sink (from pii_worker_new). */
void pii_scan_sink_init(struct pii_worker *w);

/* scan.c: matches a page of a large file handed over by another worker,
 * and frees the task. */
void pii_scan_page(struct pii_worker *w, void *page_task);

/* carry.c: --state: a file unchanged since its records were kept is not
 * read again; its records go to the collector as they are. True when
 * done so. */
bool pii_carry_over(struct pii_worker *w, uint64_t id, const char *path);

#endif
