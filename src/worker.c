/*
 * worker.c - the worker threads: each takes files and pages from the
 * scheduler until it is closed and no work is left (scan.c scans them).
 */
#include "worker.h"

#include <stdio.h>
#include <stdlib.h>

#include "pii_detect.h"
#include "pii_source.h"
#include "pii_stop.h"

void pii_job_free(struct pii_job *job)
{
	if (!job)
		return;
	free(job->path);
	free(job);
}

struct pii_worker *pii_worker_new(const struct pii_scan_ctx *ctx)
{
	struct pii_worker *w = calloc(1, sizeof(*w));
	if (!w)
		return NULL;
	w->ctx = ctx;
	pii_scan_sink_init(w);
	pii_outbox_init(&w->outbox, pii_collector_mailbox(ctx->collector));
	bool emit_ok = pii_emitter_init(&w->emit, ctx->rules, ctx->fp_key, ctx->opt->show_values,
					&w->outbox);
	w->magic = pii_magic_new();
	w->levels = ctx->opt->max_depth + 1;
	w->scratch = calloc(w->levels, sizeof(*w->scratch));
	w->head = calloc(w->levels, sizeof(*w->head));
	if (!emit_ok || !w->magic || !w->scratch || !w->head || !pii_pager_init(&w->pager, 0, 0, 0)) {
		pii_worker_free(w);
		return NULL;
	}
	return w;
}

void pii_worker_free(struct pii_worker *w)
{
	if (!w)
		return;
	if (w->outbox.to)
		pii_outbox_flush(&w->outbox);
	pii_emitter_free(&w->emit);
	pii_magic_free(w->magic);
	pii_pager_free(&w->pager);
	for (unsigned i = 0; i < w->levels; i++) {
		if (w->scratch)
			free(w->scratch[i]);
		if (w->head)
			free(w->head[i]);
	}
	free(w->scratch);
	free(w->head);
	free(w);
}

static void *worker_main(void *arg)
{
	struct pii_worker *w = arg;
	void *item;
	bool is_page;
	for (;;) {
		item = pii_sched_try_take(w->ctx->sched, &is_page);
		if (!item) {
			/* Nothing waiting: hand over what we hold, then wait. */
			pii_outbox_flush(&w->outbox);
			item = pii_sched_take(w->ctx->sched, &is_page);
			if (!item)
				break;
		}
		if (is_page) {
			pii_scan_page(w, item);
		} else {
			struct pii_job *job = item;
			/* Interrupted: files not begun are left, and counted. */
			if (pii_stop_requested())
				atomic_fetch_add(&w->ctx->counters->files_dropped, 1);
			else
				pii_worker_scan_file(w, job->id, job->path);
			pii_job_free(job);
			pii_sched_file_done(w->ctx->sched);
		}
	}
	pii_sources_thread_end(); /* this thread's connections */
	return NULL;
}

struct pii_workers {
	struct pii_worker **v;
	unsigned n;
};

struct pii_workers *pii_workers_start(const struct pii_scan_ctx *ctx, unsigned n,
				      char *err, size_t errlen)
{
	struct pii_workers *ws = calloc(1, sizeof(*ws));
	if (!ws || !(ws->v = calloc(n, sizeof(*ws->v)))) {
		free(ws);
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	for (unsigned i = 0; i < n; i++) {
		struct pii_worker *w = pii_worker_new(ctx);
		if (!w) {
			snprintf(err, errlen, "out of memory starting worker %u", i + 1);
			break;
		}
		if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
			snprintf(err, errlen, "cannot start worker thread %u", i + 1);
			pii_worker_free(w);
			break;
		}
		ws->v[ws->n++] = w;
	}
	if (ws->n < n) {
		/* Let the started ones finish cleanly, then fail. */
		pii_sched_close(ctx->sched);
		pii_workers_join(ws);
		return NULL;
	}
	return ws;
}

void pii_workers_join(struct pii_workers *ws)
{
	if (!ws)
		return;
	for (unsigned i = 0; i < ws->n; i++) {
		pthread_join(ws->v[i]->thread, NULL);
		pii_worker_free(ws->v[i]);
	}
	free(ws->v);
	free(ws);
}
