/*
 * sched.c - two bounded queues behind one lock, so a worker waits for
 * either kind of work at once.
 */
#include "pii_sched.h"

#include <pthread.h>
#include <stdlib.h>

struct ring {
	void **items;
	size_t cap, head, count;
};

static bool ring_init(struct ring *r, size_t cap)
{
	r->items = calloc(cap ? cap : 1, sizeof(void *));
	r->cap = cap ? cap : 1;
	r->head = r->count = 0;
	return r->items != NULL;
}

static void ring_push(struct ring *r, void *item)
{
	r->items[(r->head + r->count++) % r->cap] = item;
}

static void *ring_pop(struct ring *r)
{
	void *item = r->items[r->head];
	r->head = (r->head + 1) % r->cap;
	r->count--;
	return item;
}

struct pii_sched {
	pthread_mutex_t lock;
	pthread_cond_t work;      /* a file or page arrived, or the end came */
	pthread_cond_t file_room; /* the file queue has room */
	struct ring files, pages;
	void **free_buffers;      /* page buffers not in use */
	size_t n_free, n_buffers, max_pages, page_bytes;
	unsigned reading;         /* workers reading a file: pages may come */
	bool closed;
};

struct pii_sched *pii_sched_new(size_t file_capacity, size_t max_pages, size_t page_bytes)
{
	struct pii_sched *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->free_buffers = calloc(max_pages ? max_pages : 1, sizeof(void *));
	if (!s->free_buffers || !ring_init(&s->files, file_capacity) ||
	    !ring_init(&s->pages, max_pages)) {
		pii_sched_free(s);
		return NULL;
	}
	s->max_pages = max_pages;
	s->page_bytes = page_bytes;
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->work, NULL);
	pthread_cond_init(&s->file_room, NULL);
	return s;
}

void pii_sched_free(struct pii_sched *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_free; i++)
		free(s->free_buffers[i]);
	free(s->free_buffers);
	free(s->files.items);
	free(s->pages.items);
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->work);
	pthread_cond_destroy(&s->file_room);
	free(s);
}

void pii_sched_push_file(struct pii_sched *s, void *job)
{
	pthread_mutex_lock(&s->lock);
	while (s->files.count == s->files.cap) {
		pthread_cond_broadcast(&s->work);
		pthread_cond_wait(&s->file_room, &s->lock);
	}
	ring_push(&s->files, job);
	pthread_cond_signal(&s->work);
	pthread_mutex_unlock(&s->lock);
}

void pii_sched_close(struct pii_sched *s)
{
	pthread_mutex_lock(&s->lock);
	s->closed = true;
	pthread_cond_broadcast(&s->work);
	pthread_mutex_unlock(&s->lock);
}

void *pii_sched_page_buffer(struct pii_sched *s)
{
	void *buf = NULL;
	bool allocate = false;
	pthread_mutex_lock(&s->lock);
	if (s->n_free)
		buf = s->free_buffers[--s->n_free];
	else if (s->n_buffers < s->max_pages)
		allocate = true, s->n_buffers++;
	pthread_mutex_unlock(&s->lock);
	if (allocate && !(buf = malloc(s->page_bytes))) {
		pthread_mutex_lock(&s->lock);
		s->n_buffers--;
		pthread_mutex_unlock(&s->lock);
	}
	return buf;
}

size_t pii_sched_page_bytes(const struct pii_sched *s)
{
	return s->page_bytes;
}

void pii_sched_push_page(struct pii_sched *s, void *task)
{
	pthread_mutex_lock(&s->lock);
	/* Cannot be full: there are as many slots as buffers. */
	ring_push(&s->pages, task);
	pthread_cond_signal(&s->work);
	pthread_mutex_unlock(&s->lock);
}

void pii_sched_release_buffer(struct pii_sched *s, void *buffer)
{
	pthread_mutex_lock(&s->lock);
	s->free_buffers[s->n_free++] = buffer;
	pthread_mutex_unlock(&s->lock);
}

static void *take(struct pii_sched *s, bool *is_page, bool wait)
{
	void *item = NULL;
	pthread_mutex_lock(&s->lock);
	for (;;) {
		if (s->pages.count) {
			item = ring_pop(&s->pages);
			*is_page = true;
			break;
		}
		if (s->files.count) {
			item = ring_pop(&s->files);
			*is_page = false;
			s->reading++;
			/* The walker is woken when the queue is half empty. */
			if (s->files.count == s->files.cap / 2)
				pthread_cond_signal(&s->file_room);
			break;
		}
		if (!wait)
			break;
		if (s->closed && s->reading == 0)
			break;
		pthread_cond_wait(&s->work, &s->lock);
	}
	pthread_mutex_unlock(&s->lock);
	return item;
}

void *pii_sched_take(struct pii_sched *s, bool *is_page)
{
	return take(s, is_page, true);
}

void *pii_sched_try_take(struct pii_sched *s, bool *is_page)
{
	return take(s, is_page, false);
}

void pii_sched_file_done(struct pii_sched *s)
{
	pthread_mutex_lock(&s->lock);
	s->reading--;
	if (s->closed && s->reading == 0)
		pthread_cond_broadcast(&s->work);
	pthread_mutex_unlock(&s->lock);
}

size_t pii_sched_files_waiting(struct pii_sched *s)
{
	pthread_mutex_lock(&s->lock);
	size_t n = s->files.count;
	pthread_mutex_unlock(&s->lock);
	return n;
}
