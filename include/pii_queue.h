/*
 * pii_queue.h - a bounded, blocking, multi-producer multi-consumer queue
 * of pointers. Bounded so that memory does not grow with the input:
 * producers wait when it is full.
 */
#ifndef PII_QUEUE_H
#define PII_QUEUE_H

#include <stdbool.h>
#include <stddef.h>

struct pii_queue;

/* NULL when out of memory. */
struct pii_queue *pii_queue_new(size_t capacity);

/* Frees the queue; items still in it are not freed. NULL is safe. */
void pii_queue_free(struct pii_queue *q);

/* Adds item (not NULL), waiting while the queue is full. Returns false,
 * without taking the item, when the queue is closed. */
bool pii_queue_push(struct pii_queue *q, void *item);

/* Adds items[0..n) in order, waking the consumer once. Returns false when
 * the queue is closed (items not added are not taken). */
bool pii_queue_push_many(struct pii_queue *q, void *const *items, size_t n);

/* Takes the oldest item, waiting while the queue is empty; NULL once the
 * queue is closed and empty. */
void *pii_queue_pop(struct pii_queue *q);

/* Like pii_queue_pop but waits at most timeout_ms; NULL on timeout too
 * (*closed tells which). */
void *pii_queue_pop_timed(struct pii_queue *q, unsigned timeout_ms, bool *closed);

/* No more items: wakes every waiter. */
void pii_queue_close(struct pii_queue *q);

/* Items in the queue now (for progress display). */
size_t pii_queue_length(struct pii_queue *q);

#endif
