/*
 * progress.c - a thread that shows how far the scan is (pii_progress.h).
 * It shows counts only, never a path or a value: those could be personal
 * data on a shared screen or in a captured log.
 */
#include "pii_progress.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pii_limits.h"
#include "pii_log.h"
#include "pii_ocr.h"

struct pii_progress {
	struct pii_counters *counters;
	bool tty;   /* redraw one line; else print a line now and then */
	unsigned interval_ms;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;
	double started;
};

/* "1:02:03" or "2:03". */
static void format_duration(double secs, char *out, size_t len)
{
	unsigned long s = secs > 0 && secs < 1e9 ? (unsigned long)(secs + 0.5) : 0;
	if (s >= 3600)
		snprintf(out, len, "%lu:%02lu:%02lu", s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(out, len, "%lu:%02lu", s / 60, s % 60);
}

/* final: the scan is over, no time is left to estimate. */
static void draw(struct pii_progress *p, bool final)
{
	/* The total: from the walker that counts ahead when it is done,
	 * else the files queued so far (or counted so far, if more). */
	uint64_t found = atomic_load(&p->counters->files_found);
	uint64_t ahead = atomic_load(&p->counters->files_counted);
	bool counted = atomic_load(&p->counters->walk_done);
	if (!counted && atomic_load(&p->counters->count_done)) {
		found = ahead;
		counted = true;
	} else if (ahead > found) {
		found = ahead;
	}
	uint64_t done = atomic_load(&p->counters->files_done);
	if (done > found)
		found = done;
	uint64_t bytes = atomic_load(&p->counters->bytes_done);
	double secs = pii_now_monotonic() - p->started;
	double mb = (double)bytes / 1e6, rate = secs > 0 ? mb / secs : 0.0;
	/* Time left: files left at the pace so far. Only once every file is
	 * counted; before that the total is not known. */
	double eta = counted && done && !final ? secs * (double)(found - done) / (double)done : -1;
	char left[32] = "";
	if (eta >= 0)
		format_duration(eta, left, sizeof(left));
	/* OCR pages, once there are any: a page takes a second, so a share of
	 * scans moves slowly in files and bytes */
	struct pii_ocr_totals ocr;
	pii_ocr_totals(&ocr);
	char pages[48] = "";
	if (ocr.pages)
		snprintf(pages, sizeof(pages), ", %llu OCR page%s", (unsigned long long)ocr.pages,
			 ocr.pages == 1 ? "" : "s");
	if (p->tty) {
		if (counted && found) {
			char rest[200];
			int n = snprintf(rest, sizeof(rest), "%3u%% %llu/%llu files, %.1f MB, %.1f MB/s%s%s%s",
					 (unsigned)(100 * done / found), (unsigned long long)done,
					 (unsigned long long)found, mb, rate, pages,
					 left[0] ? ", ETA " : "", left);
			/* the bar takes what the line leaves of the terminal's
			 * width, up to 20: the numbers are worth more */
			int width = (int)pii_log_columns() - 1 - (int)strlen("piiscan: [] ") - n;
			width = width > 20 ? 20 : width;
			char bar[24] = "";
			unsigned filled = width > 0 ? (unsigned)((uint64_t)width * done / found) : 0;
			for (int i = 0; i < width; i++)
				bar[i] = (unsigned)i < filled ? '#' : '-';
			if (width >= 4)
				pii_log_status("[%s] %s", bar, rest);
			else
				pii_log_status("%s", rest);
		} else {
			pii_log_status("%llu/%llu files (counting), %.1f MB, %.1f MB/s%s",
				       (unsigned long long)done, (unsigned long long)found, mb, rate,
				       pages);
		}
		return;
	}
	char fields[256];
	snprintf(fields, sizeof(fields),
		 "\"files_done\":%llu,\"files_found\":%llu,\"counting\":%s,\"bytes_done\":%llu,"
		 "\"mb_per_s\":%.1f,\"eta_s\":%.0f,\"ocr_pages\":%llu",
		 (unsigned long long)done, (unsigned long long)found, counted ? "false" : "true",
		 (unsigned long long)bytes, rate, eta >= 0 ? eta : -1.0,
		 (unsigned long long)ocr.pages);
	pii_log(PII_LOG_INFO, "progress", fields, "%llu/%llu files%s, %.1f MB, %.1f MB/s%s%s%s",
		(unsigned long long)done, (unsigned long long)found, counted ? "" : " (counting)",
		mb, rate, pages, left[0] ? ", ETA " : "", left);
}

static void *progress_main(void *arg)
{
	struct pii_progress *p = arg;
	pthread_mutex_lock(&p->lock);
	while (!p->stop) {
		struct timespec t;
		clock_gettime(CLOCK_REALTIME, &t);
		long ms = p->interval_ms;
		t.tv_sec += ms / 1000;
		t.tv_nsec += (ms % 1000) * 1000000L;
		if (t.tv_nsec >= 1000000000L) {
			t.tv_sec++;
			t.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&p->wake, &p->lock, &t);
		if (!p->stop)
			draw(p, false);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct pii_progress *pii_progress_start(struct pii_counters *counters, bool tty,
					unsigned interval_s)
{
	struct pii_progress *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->counters = counters;
	p->tty = tty;
	p->interval_ms = tty ? PII_PROGRESS_INTERVAL_MS : (interval_s ? interval_s : 1) * 1000u;
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

void pii_progress_stop(struct pii_progress *p, bool final)
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
	if (p->tty)
		pii_log_status_clear();
	else if (final)
		draw(p, true); /* the final count, for the log */
	free(p);
}
