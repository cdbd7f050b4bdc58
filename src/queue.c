/*
 * queue.c - bounded blocking queue (ring buffer, mutex, two conditions).
 */
#include "pii_queue.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

struct pii_queue {
	pthread_mutex_t lock;
	pthread_cond_t not_empty, not_full;
	void **items;
	size_t cap, head, count;
	bool closed;
};

struct pii_queue *pii_queue_new(size_t capacity)
{
	struct pii_queue *q = calloc(1, sizeof(*q));
	if (!q)
		return NULL;
	q->items = calloc(capacity, sizeof(void *));
	if (!q->items) {
		free(q);
		return NULL;
	}
	q->cap = capacity;
	pthread_mutex_init(&q->lock, NULL);
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&q->not_empty, &attr);
	pthread_cond_init(&q->not_full, &attr);
	pthread_condattr_destroy(&attr);
	return q;
}

void pii_queue_free(struct pii_queue *q)
{
	if (!q)
		return;
	pthread_mutex_destroy(&q->lock);
	pthread_cond_destroy(&q->not_empty);
	pthread_cond_destroy(&q->not_full);
	free(q->items);
	free(q);
}

bool pii_queue_push(struct pii_queue *q, void *item)
{
	pthread_mutex_lock(&q->lock);
	while (q->count == q->cap && !q->closed)
		pthread_cond_wait(&q->not_full, &q->lock);
	if (q->closed) {
		pthread_mutex_unlock(&q->lock);
		return false;
	}
	q->items[(q->head + q->count) % q->cap] = item;
	q->count++;
	pthread_cond_signal(&q->not_empty);
	pthread_mutex_unlock(&q->lock);
	return true;
}

static void *take(struct pii_queue *q)
{
	void *item = q->items[q->head];
	q->head = (q->head + 1) % q->cap;
	q->count--;
	/* Waiting producers are woken once the queue is half empty, not for
	 * every free slot: one wake-up for many items. */
	if (q->count == q->cap / 2)
		pthread_cond_broadcast(&q->not_full);
	return item;
}

bool pii_queue_push_many(struct pii_queue *q, void *const *items, size_t n)
{
	pthread_mutex_lock(&q->lock);
	for (size_t i = 0; i < n; i++) {
		while (q->count == q->cap && !q->closed) {
			pthread_cond_signal(&q->not_empty);
			pthread_cond_wait(&q->not_full, &q->lock);
		}
		if (q->closed) {
			pthread_mutex_unlock(&q->lock);
			return false;
		}
		q->items[(q->head + q->count) % q->cap] = items[i];
		q->count++;
	}
	pthread_cond_signal(&q->not_empty);
	pthread_mutex_unlock(&q->lock);
	return true;
}

void *pii_queue_pop(struct pii_queue *q)
{
	pthread_mutex_lock(&q->lock);
	while (q->count == 0 && !q->closed)
		pthread_cond_wait(&q->not_empty, &q->lock);
	void *item = q->count ? take(q) : NULL;
	pthread_mutex_unlock(&q->lock);
	return item;
}

void *pii_queue_pop_timed(struct pii_queue *q, unsigned timeout_ms, bool *closed)
{
	struct timespec deadline;
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += timeout_ms / 1000;
	deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&q->lock);
	int rc = 0;
	while (q->count == 0 && !q->closed && rc != ETIMEDOUT)
		rc = pthread_cond_timedwait(&q->not_empty, &q->lock, &deadline);
	void *item = q->count ? take(q) : NULL;
	*closed = q->closed && q->count == 0 && !item;
	pthread_mutex_unlock(&q->lock);
	return item;
}

void pii_queue_close(struct pii_queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->closed = true;
	pthread_cond_broadcast(&q->not_empty);
	pthread_cond_broadcast(&q->not_full);
	pthread_mutex_unlock(&q->lock);
}

size_t pii_queue_length(struct pii_queue *q)
{
	pthread_mutex_lock(&q->lock);
	size_t n = q->count;
	pthread_mutex_unlock(&q->lock);
	return n;
}
