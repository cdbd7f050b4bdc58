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
	/* Cells (short texts) of the file waiting to be matched, packed in a
	 * page buffer of the scheduler: a full one goes to another worker as
	 * a page does, so a big table is matched by every core. */
	bool batch_cells;                 /* more than one worker */
	char *cells;                      /* NULL when none wait */
	size_t cells_len, cells_cap;
	struct pii_loc cells_loc;         /* the last location in cells */
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

/* worker_sink.c: sets up w's sink (from pii_worker_new). */
void pii_scan_sink_init(struct pii_worker *w);

/* worker_sink.c: a file being scanned, for its result (taken), with what
 * ctx's allow: entries say of its path; NULL when out of memory. */
struct file_ctx *pii_file_ctx_new(const struct pii_scan_ctx *ctx, struct pii_file_result *res);

/* worker_sink.c: points the sink at file fc, in record row; and, at the
 * end, sends what the sink holds for the file and lets go of it (the
 * last to let go sends its outcome). */
void pii_scan_sink_begin(struct pii_scan_sink *s, struct file_ctx *fc, uint64_t row);
void pii_scan_sink_end(struct pii_scan_sink *s);

/* worker_sink.c: matches a page of a large file handed over by another
 * worker, and frees the task. */
void pii_scan_page(struct pii_worker *w, void *page_task);

/* worker_sink.c: w's buffer of size bytes for nesting level depth, made
 * on first use; NULL when out of memory. */
unsigned char *pii_worker_level_buffer(unsigned char **v, unsigned depth, size_t size);

/* carry.c: --state: a file unchanged since its records were kept is not
 * read again; its records go to the collector as they are. True when
 * done so. */
bool pii_carry_over(struct pii_worker *w, uint64_t id, const char *path);

#endif
