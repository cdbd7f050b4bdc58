/*
 * collect.c - the collector thread: where each file's results come
 * together. Findings are streamed to the JSONL outputs, kept for the
 * state (--state) and counted into the inventory (aggregate.c); decisions
 * about a whole file (special categories) are taken when its outcome
 * arrives, after its last batch, whichever workers sent them.
 */
#include "pii_collect.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "pii_aggregate.h"
#include "pii_baseline.h"
#include "pii_limits.h"
#include "pii_queue.h"
#include "pii_records.h"
#include "pii_report.h"
#include "pii_special.h"
#include "pii_state.h"

/* A file whose results are arriving. */
struct inflight {
	uint64_t file_id;
	struct pii_agg_file *agg;      /* its inventory rows, or NULL when none yet */
	struct pii_special_hold hold;  /* findings that wait for its end */
	struct pii_buf records;        /* for the state: up to PII_STATE_RECORDS_MAX */
	bool records_dropped;          /* more than that: read it again next time */
	struct inflight *next;
};

struct pii_collector {
	const struct pii_options *opt;
	const struct pii_ruleset *rs;
	struct pii_outputs *outs;
	struct pii_mailbox mailbox;
	pthread_t thread;
	struct pii_aggregate *agg;
	struct inflight *inflight;
	bool records;              /* JSONL outputs carry records */
	struct pii_buf record;     /* the record being written */
	struct pii_state *state;   /* --state, or NULL */
	struct pii_jsonl *state_jsonl; /* renders findings for the state */
	const struct pii_baseline *baseline; /* --baseline, or NULL */
	const char *baseline_path;
	uint64_t in_baseline;      /* findings it had: left out */
};

/* ---- files in flight -------------------------------------------------------------- */

static struct inflight *inflight_get(struct pii_collector *c, uint64_t file_id, bool create)
{
	for (struct inflight *f = c->inflight; f; f = f->next)
		if (f->file_id == file_id)
			return f;
	if (!create)
		return NULL;
	struct inflight *f = calloc(1, sizeof(*f));
	if (!f) {
		pii_agg_lost(c->agg);
		return NULL;
	}
	f->file_id = file_id;
	f->next = c->inflight;
	c->inflight = f;
	return f;
}

static struct pii_agg_file *agg_file(struct pii_collector *c, struct inflight *f)
{
	if (!f->agg && !(f->agg = pii_agg_file_new(c->agg)))
		pii_agg_lost(c->agg);
	return f->agg;
}

static void inflight_remove(struct pii_collector *c, struct inflight *f)
{
	for (struct inflight **p = &c->inflight; *p; p = &(*p)->next)
		if (*p == f) {
			*p = f->next;
			break;
		}
	pii_agg_file_free(f->agg);
	pii_special_free(&f->hold);
	pii_buf_free(&f->records);
	free(f);
}

/* ---- the state and the records ------------------------------------------------------- */

/* Keeps what the state needs of f's records, within the limit. */
static void state_keep(struct pii_collector *c, struct inflight *f, bool made)
{
	if (!made || f->records.oom)
		pii_agg_lost(c->agg);
	if (!made || f->records.oom || f->records.len > PII_STATE_RECORDS_MAX) {
		f->records_dropped = true;
		pii_buf_free(&f->records);
	}
}

/* Writes the record in c->record to the JSONL outputs. */
static void put_record(struct pii_collector *c, bool made)
{
	if (!made || c->record.oom)
		pii_agg_lost(c->agg);
	else
		pii_outputs_write_line(c->outs, c->record.data, c->record.len);
	c->record.len = 0;
	c->record.oom = false;
}

/* Hands a file's records to the state; a carried-over file is only
 * marked as still there. Files never opened (links, special files,
 * unreadable ones) are looked at afresh every time. */
static void state_file(struct pii_collector *c, struct inflight *f,
		       const struct pii_file_result *r)
{
	if (r->carried) {
		pii_state_seen(c->state, r->path);
		return;
	}
	if (!r->ino)
		return;
	struct pii_buf only = {0};
	struct pii_buf *b = f ? &f->records : &only;
	bool dropped = (f && f->records_dropped) || r->transient;
	if (!dropped && (!pii_record_file(b, r) || b->oom))
		dropped = true;
	pii_state_put(c->state, r->path, r->size, r->mtime_ns, r->ino,
		      dropped ? NULL : pii_buf_cstr(b), dropped ? 0 : b->len);
	pii_buf_free(&only);
}

/* ---- messages ------------------------------------------------------------------- */

/* --baseline: leaves out of b the findings the baseline run had. */
static void drop_known(struct pii_collector *c, struct pii_batch *b)
{
	const struct pii_loc *loc = NULL;
	unsigned report = UINT32_MAX;
	uint64_t row_key = 0;
	size_t kept = 0;
	for (size_t i = 0; i < b->n; i++) {
		const struct pii_finding *fd = &b->items[i];
		unsigned r = c->rs->rules[fd->rule].report_index;
		if (fd->loc != loc || r != report) {
			loc = fd->loc;
			report = r;
			row_key = pii_row_key(c->rs->reports[r].name, loc->file, loc->table,
					      loc->column, loc->key, loc->part);
		}
		if (pii_baseline_known(c->baseline, row_key, fd->fingerprint))
			c->in_baseline++;
		else
			b->items[kept++] = *fd;
	}
	b->n = kept;
}

/* Findings that count: to the state (all of them: a baseline is this
 * run's view), then the outputs and the inventory. */
static void take_findings(struct pii_collector *c, struct inflight *f, struct pii_batch *b)
{
	if (!b->n)
		return;
	if (c->state && !f->records_dropped) {
		pii_jsonl_forget(c->state_jsonl);
		bool made = true;
		for (size_t i = 0; i < b->n && made; i++)
			made = pii_jsonl_format(c->state_jsonl, &f->records, &b->items[i], b->file_id);
		state_keep(c, f, made);
	}
	if (c->baseline)
		drop_known(c, b);
	if (!b->n)
		return;
	if (c->outs)
		pii_outputs_write_batch(c->outs, c->rs, b);
	struct pii_agg_file *af = agg_file(c, f);
	if (af)
		pii_agg_batch(c->agg, af, b);
}

static void handle_batch(struct pii_collector *c, struct pii_batch *b)
{
	struct inflight *f = inflight_get(c, b->file_id, true);
	if (!f)
		return;
	pii_special_take(&f->hold, c->rs, b);
	take_findings(c, f, b);
}

static void handle_table(struct pii_collector *c, struct pii_msg *m)
{
	if (c->records)
		put_record(c, pii_record_table(&c->record, m->file_id, m->path, m->text, m->rows,
					       m->total));
	struct inflight *f = inflight_get(c, m->file_id, true);
	if (!f)
		return;
	if (c->state && !f->records_dropped)
		state_keep(c, f, pii_record_table(&f->records, m->file_id, m->path, m->text,
						  m->rows, m->total));
	struct pii_agg_file *af = agg_file(c, f);
	if (af)
		pii_agg_table(c->agg, af, m->path, m->text, m->rows, m->total);
}

static void handle_problem(struct pii_collector *c, struct pii_msg *m)
{
	if (c->records)
		put_record(c, pii_record_problem(&c->record, m->file_id, m->path, m->status, m->code,
						 m->text));
	if (c->state && m->file_id) {
		struct inflight *f = inflight_get(c, m->file_id, true);
		if (f && !f->records_dropped)
			state_keep(c, f, pii_record_problem(&f->records, m->file_id, m->path,
							    m->status, m->code, m->text));
	}
	pii_agg_problem(c->agg, m->path, m->status, m->code, m->text);
}

/* The file's outcome: its last findings are in, so what waited for the
 * whole file is decided now. */
static void handle_file(struct pii_collector *c, struct pii_file_result *r)
{
	struct inflight *f = inflight_get(c, r->file_id, false);
	if (f) {
		struct pii_batch *counted = pii_special_decide(&f->hold, c->rs);
		if (counted)
			take_findings(c, f, counted);
		pii_batch_free(counted);
	}
	if (c->records)
		put_record(c, pii_record_file(&c->record, r));
	if (c->state)
		state_file(c, f, r);
	pii_agg_result(c->agg, f ? f->agg : NULL, r);
	if (f) {
		f->agg = NULL; /* taken by pii_agg_result */
		inflight_remove(c, f);
	}
}

static void *collector_main(void *arg)
{
	struct pii_collector *c = arg;
	struct pii_msg *m;
	while ((m = pii_queue_pop(c->mailbox.queue))) {
		switch (m->kind) {
		case PII_MSG_BATCH:
			handle_batch(c, m->batch);
			break;
		case PII_MSG_FILE:
			handle_file(c, m->file);
			break;
		case PII_MSG_PROBLEM:
			handle_problem(c, m);
			break;
		case PII_MSG_TABLE:
			handle_table(c, m);
			break;
		}
		pii_msg_free(m);
	}
	return NULL;
}

/* ---- set-up and the end ------------------------------------------------------ */

struct pii_collector *pii_collector_start(const struct pii_options *opt,
					  const struct pii_ruleset *rs,
					  struct pii_outputs *outs)
{
	struct pii_collector *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->opt = opt;
	c->rs = rs;
	c->outs = outs;
	c->records = outs && opt->records;
	/* Only the workbook lists findings one by one; without one (or in
	 * tests, without outputs) there is no need to keep them. */
	c->agg = pii_agg_new(opt, rs, !outs || pii_outputs_want_findings(outs));
	c->mailbox.queue = pii_queue_new(PII_MSG_QUEUE_CAPACITY);
	if (!c->agg || !c->mailbox.queue ||
	    pthread_create(&c->thread, NULL, collector_main, c) != 0) {
		if (c->agg) {
			struct pii_inventory *inv = pii_agg_finish(c->agg);
			pii_inventory_free(inv);
			free(inv);
		}
		pii_queue_free(c->mailbox.queue);
		free(c);
		return NULL;
	}
	return c;
}

struct pii_mailbox *pii_collector_mailbox(struct pii_collector *c)
{
	return &c->mailbox;
}

bool pii_collector_use_state(struct pii_collector *c, struct pii_state *st)
{
	c->state_jsonl = pii_jsonl_new(c->rs, true);
	c->state = c->state_jsonl ? st : NULL;
	return c->state != NULL;
}

void pii_collector_use_review(struct pii_collector *c, const struct pii_review *rv,
			      const char *path)
{
	pii_agg_use_review(c->agg, rv, path);
}

void pii_collector_use_baseline(struct pii_collector *c, const struct pii_baseline *bl,
				const char *path)
{
	c->baseline = bl;
	c->baseline_path = path;
}

struct pii_inventory *pii_collector_finish(struct pii_collector *c)
{
	pii_queue_close(c->mailbox.queue);
	pthread_join(c->thread, NULL);
	/* Files that never sent a result (cannot happen unless a worker
	 * died): their rows are dropped, the loss is reported. */
	while (c->inflight) {
		pii_agg_lost(c->agg);
		inflight_remove(c, c->inflight);
	}
	if (atomic_load(&c->mailbox.lost))
		pii_agg_lost(c->agg);
	struct pii_inventory *inv = pii_agg_finish(c->agg);
	inv->baseline_path = c->baseline_path;
	inv->findings_in_baseline = c->in_baseline;
	pii_queue_free(c->mailbox.queue);
	pii_buf_free(&c->record);
	pii_jsonl_free(c->state_jsonl);
	free(c);
	return inv;
}
