/*
 * pii_sched.h - the work the workers share: files from the walker, and
 * pages of large files from the workers reading them, so that the pages
 * of one big file are matched by every core. Both queues are bounded:
 * the walker waits when the file queue is full; a reader whose page is
 * not taken (queue full, no spare buffer) matches the page itself.
 */
#ifndef PII_SCHED_H
#define PII_SCHED_H

#include <stdbool.h>
#include <stddef.h>

struct pii_sched;

/* NULL when out of memory. file_capacity bounds the files waiting;
 * max_pages the pages in flight (each holds a page buffer of
 * page_bytes). */
struct pii_sched *pii_sched_new(size_t file_capacity, size_t max_pages,
				size_t page_bytes);
void pii_sched_free(struct pii_sched *s);

/* The walker: adds a file job, waiting while the queue is full. */
void pii_sched_push_file(struct pii_sched *s, void *job);

/* The walker is done: workers exit once nothing is left. */
void pii_sched_close(struct pii_sched *s);

/* A reader: a buffer of page_bytes for a page to hand over, or NULL when
 * every page buffer is in use (then it matches the page itself). */
void *pii_sched_page_buffer(struct pii_sched *s);

/* The size of a page buffer. */
size_t pii_sched_page_bytes(const struct pii_sched *s);

/* A reader: hands over a page task (it holds a buffer from
 * pii_sched_page_buffer). Never waits. */
void pii_sched_push_page(struct pii_sched *s, void *task);

/* A worker: returns the buffer of a page task it has done. */
void pii_sched_release_buffer(struct pii_sched *s, void *buffer);

/* A worker: the next piece of work, pages first; *is_page says which.
 * NULL when the walker is done and no file or page is left or can come
 * (no worker is still reading a file). Between pii_sched_take returning
 * a file and pii_sched_file_done, the worker counts as reading. */
void *pii_sched_take(struct pii_sched *s, bool *is_page);

/* Like pii_sched_take, but returns NULL at once when no work is waiting
 * (the worker then sends what it holds before it waits). */
void *pii_sched_try_take(struct pii_sched *s, bool *is_page);

/* A worker finished reading the file it took. */
void pii_sched_file_done(struct pii_sched *s);

/* Files waiting (for progress display). */
size_t pii_sched_files_waiting(struct pii_sched *s);

#endif
