/*
 * pii_collect.h - the collector: one thread that receives what the
 * workers and the walker produce, aggregates it into the inventory and
 * streams the JSONL output. The only thread that touches the reports.
 */
#ifndef PII_COLLECT_H
#define PII_COLLECT_H

#include <stdbool.h>
#include <stddef.h>

#include "pii_finding.h"
#include "pii_inventory.h"
#include "pii_options.h"
#include "pii_output.h"
#include "pii_rules.h"

struct pii_collector;

/* Creates the collector and starts its thread. outs (may be NULL in
 * tests) receives the streamed findings. Everything passed must outlive
 * the collector. NULL when out of memory or threads cannot start. */
struct pii_collector *pii_collector_start(const struct pii_options *opt,
					  const struct pii_ruleset *rs,
					  struct pii_outputs *outs);

/* Keeps each file's records in the state (--state) as they arrive.
 * Before anything is sent; false when out of memory. */
struct pii_state;
bool pii_collector_use_state(struct pii_collector *c, struct pii_state *st);

/* What producers (workers, the walker) send goes through an outbox of
 * their own, handed over PII_OUTBOX_SIZE messages at a time: one wake-up
 * of the collector per bundle, not per file. Messages of one outbox
 * arrive in order. */
#define PII_OUTBOX_SIZE 64
struct pii_msg;
struct pii_outbox {
	struct pii_collector *c;
	struct pii_msg *msgs[PII_OUTBOX_SIZE];
	size_t n;
	bool lost; /* a message could not be made (out of memory) */
};

void pii_outbox_init(struct pii_outbox *o, struct pii_collector *c);

/* Hands over what the outbox holds. Producers flush before they wait for
 * work, before another thread may send a message that must come later
 * (a file's outcome after its findings), and when they finish. */
void pii_outbox_flush(struct pii_outbox *o);

/* A batch of findings (ownership passes; the collector frees it). */
void pii_outbox_batch(struct pii_outbox *o, struct pii_batch *b);

/* A file's outcome, after its last batch (ownership passes). */
void pii_outbox_file(struct pii_outbox *o, struct pii_file_result *r);

/* A row for the errors sheet that is not a whole file's outcome (an
 * archive member, a warning) met while scanning file_id. path and reason
 * are copied. */
void pii_outbox_problem(struct pii_outbox *o, uint64_t file_id, const char *path,
			enum pii_file_status st, const char *reason);

/* The record count of a table of the file being scanned (file_id). path
 * and table are copied. */
void pii_outbox_table_rows(struct pii_outbox *o, uint64_t file_id, const char *path,
			   const char *table, uint64_t rows);

/* Waits until everything sent is handled, stops the thread and returns
 * the inventory (owned by the caller: pii_inventory_free, then free). */
struct pii_inventory *pii_collector_finish(struct pii_collector *c);

#endif
