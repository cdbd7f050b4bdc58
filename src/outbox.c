/*
 * outbox.c - messages to the collector (pii_outbox.h).
 */
#include "pii_outbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii_queue.h"

void pii_msg_free(struct pii_msg *m)
{
	if (!m)
		return;
	pii_batch_free(m->batch);
	pii_file_result_free(m->file);
	free(m->path);
	free(m->text);
	free(m);
}

void pii_outbox_init(struct pii_outbox *o, struct pii_mailbox *to)
{
	o->to = to;
	o->n = 0;
	o->lost = false;
}

void pii_outbox_flush(struct pii_outbox *o)
{
	if (o->lost) {
		atomic_store(&o->to->lost, true);
		o->lost = false;
	}
	if (!o->n)
		return;
	if (!pii_queue_push_many(o->to->queue, (void *const *)o->msgs, o->n)) {
		atomic_store(&o->to->lost, true);
		for (size_t i = 0; i < o->n; i++)
			pii_msg_free(o->msgs[i]);
	}
	o->n = 0;
}

static void put(struct pii_outbox *o, struct pii_msg *m)
{
	if (!m) {
		o->lost = true;
		return;
	}
	o->msgs[o->n++] = m;
	if (o->n == PII_OUTBOX_SIZE)
		pii_outbox_flush(o);
}

static struct pii_msg *msg_new(enum pii_msg_kind kind, uint64_t file_id)
{
	struct pii_msg *m = calloc(1, sizeof(*m));
	if (m) {
		m->kind = kind;
		m->file_id = file_id;
	}
	return m;
}

void pii_outbox_batch(struct pii_outbox *o, struct pii_batch *b)
{
	struct pii_msg *m = msg_new(PII_MSG_BATCH, b->file_id);
	if (m)
		m->batch = b;
	else
		pii_batch_free(b);
	put(o, m);
}

void pii_outbox_file(struct pii_outbox *o, struct pii_file_result *r)
{
	struct pii_msg *m = msg_new(PII_MSG_FILE, r->file_id);
	if (m)
		m->file = r;
	else
		pii_file_result_free(r);
	put(o, m);
}

void pii_outbox_problem(struct pii_outbox *o, uint64_t file_id, const char *path,
			enum pii_file_status st, const char *code, const char *reason)
{
	struct pii_msg *m = msg_new(PII_MSG_PROBLEM, file_id);
	if (m) {
		m->status = st;
		snprintf(m->code, sizeof(m->code), "%s", code ? code : "");
		m->path = strdup(path);
		m->text = strdup(reason ? reason : "");
		if (!m->path || !m->text) {
			pii_msg_free(m);
			m = NULL;
		}
	}
	put(o, m);
}

void pii_outbox_table_rows(struct pii_outbox *o, uint64_t file_id, const char *path,
			   const char *table, uint64_t rows, uint64_t total)
{
	struct pii_msg *m = msg_new(PII_MSG_TABLE, file_id);
	if (m) {
		m->rows = rows;
		m->total = total;
		m->path = strdup(path);
		m->text = strdup(table);
		if (!m->path || !m->text) {
			pii_msg_free(m);
			m = NULL;
		}
	}
	put(o, m);
}
