/*
 * progress.c - a thread that redraws one status line on stderr. It shows
 * counts only, never a path or a value: those could be personal data on a
 * shared screen or in a captured log.
 */
#include "pii_progress.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "pii_limits.h"

struct pii_progress {
	struct pii_counters *counters;
	bool tty;   /* redraw one line; else print a line now and then */
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;
	double started;
};

static void draw(struct pii_progress *p)
{
	uint64_t found = atomic_load(&p->counters->files_found);
	uint64_t done = atomic_load(&p->counters->files_done);
	uint64_t bytes = atomic_load(&p->counters->bytes_done);
	double secs = pii_now_monotonic() - p->started;
	double mb = (double)bytes / 1e6;
	fprintf(stderr, "%spiiscan: %llu/%llu files, %.1f MB, %.1f MB/s%s",
		p->tty ? "\r\033[K" : "", (unsigned long long)done,
		(unsigned long long)found, mb, secs > 0 ? mb / secs : 0.0,
		p->tty ? "" : "\n");
	fflush(stderr);
}

static void *progress_main(void *arg)
{
	struct pii_progress *p = arg;
	pthread_mutex_lock(&p->lock);
	while (!p->stop) {
		struct timespec t;
		clock_gettime(CLOCK_REALTIME, &t);
		long ms = p->tty ? PII_PROGRESS_INTERVAL_MS : PII_PROGRESS_LOG_INTERVAL_MS;
		t.tv_sec += ms / 1000;
		t.tv_nsec += (ms % 1000) * 1000000L;
		if (t.tv_nsec >= 1000000000L) {
			t.tv_sec++;
			t.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&p->wake, &p->lock, &t);
		if (!p->stop)
			draw(p);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct pii_progress *pii_progress_start(struct pii_counters *counters, bool tty)
{
	struct pii_progress *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->counters = counters;
	p->tty = tty;
	p->started = pii_now_monotonic();
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->wake, NULL);
	if (pthread_create(&p->thread, NULL, progress_main, p) != 0) {
		pthread_mutex_destroy(&p->lock);
		pthread_cond_destroy(&p->wake);
		free(p);
		return NULL;
	}
	return p;
}

void pii_progress_stop(struct pii_progress *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_signal(&p->wake);
	pthread_mutex_unlock(&p->lock);
	pthread_join(p->thread, NULL);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->wake);
	if (p->tty) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	} else {
		draw(p); /* the final count, for the log */
	}
	free(p);
}
