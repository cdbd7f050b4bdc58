/*
 * pii_outbox.h - how producers (workers, the walker, a replay of
 * records) send to the collector: messages in a bounded mailbox, handed
 * over PII_OUTBOX_SIZE at a time through an outbox of their own, so the
 * collector wakes once per bundle, not per file. Messages of one outbox
 * arrive in order.
 */
#ifndef PII_OUTBOX_H
#define PII_OUTBOX_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pii_finding.h"

/* The collector's end: a bounded queue of messages. */
struct pii_mailbox {
	struct pii_queue *queue;
	atomic_bool lost;   /* a message was lost for lack of memory */
};

enum pii_msg_kind {
	PII_MSG_BATCH,      /* findings of a file */
	PII_MSG_FILE,       /* a file's outcome, after its last batch */
	PII_MSG_PROBLEM,    /* an errors row about a member or part */
	PII_MSG_TABLE,      /* the record count of a table */
};

struct pii_msg {
	enum pii_msg_kind kind;
	uint64_t file_id;
	struct pii_batch *batch;       /* PII_MSG_BATCH */
	struct pii_file_result *file;  /* PII_MSG_FILE */
	char *path;                    /* PII_MSG_PROBLEM, PII_MSG_TABLE */
	char *text;                    /* the reason; the table's name */
	char code[PII_CODE_MAX];       /* PII_MSG_PROBLEM */
	enum pii_file_status status;   /* PII_MSG_PROBLEM */
	uint64_t rows;                 /* PII_MSG_TABLE: read */
	uint64_t total;                /* PII_MSG_TABLE: in the table, when sampled */
};

/* Frees a message and what it holds. NULL is safe. */
void pii_msg_free(struct pii_msg *m);

#define PII_OUTBOX_SIZE 64
struct pii_outbox {
	struct pii_mailbox *to;
	struct pii_msg *msgs[PII_OUTBOX_SIZE];
	size_t n;
	bool lost; /* a message could not be made (out of memory) */
};

void pii_outbox_init(struct pii_outbox *o, struct pii_mailbox *to);

/* Hands over what the outbox holds. Producers flush before they wait for
 * work, before another thread may send a message that must come later
 * (a file's outcome after its findings), and when they finish. */
void pii_outbox_flush(struct pii_outbox *o);

/* A batch of findings (ownership passes). */
void pii_outbox_batch(struct pii_outbox *o, struct pii_batch *b);

/* A file's outcome, after its last batch (ownership passes). */
void pii_outbox_file(struct pii_outbox *o, struct pii_file_result *r);

/* A row for the errors sheet that is not a whole file's outcome (an
 * archive member, a warning) met while scanning file_id. path, code
 * (PII_CODE_...) and reason are copied. */
void pii_outbox_problem(struct pii_outbox *o, uint64_t file_id, const char *path,
			enum pii_file_status st, const char *code, const char *reason);

/* The record count of a table of the file being scanned (file_id). path
 * and table are copied. */
void pii_outbox_table_rows(struct pii_outbox *o, uint64_t file_id, const char *path,
			   const char *table, uint64_t rows, uint64_t total);

#endif
