/*
 * pii_collect.h - the collector: one thread that receives what the
 * workers and the walker produce, aggregates it into the inventory and
 * streams the JSONL output. The only thread that touches the reports.
 */
#ifndef PII_COLLECT_H
#define PII_COLLECT_H

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

/* Hand a batch over (ownership passes; it is freed by the collector). */
void pii_collector_send_batch(struct pii_collector *c, struct pii_batch *b);

/* Hand a file's outcome over, after its last batch (ownership passes). */
void pii_collector_send_file(struct pii_collector *c, struct pii_file_result *r);

/* Adds a row to the errors sheet that is not a whole file's outcome (an
 * archive member, a warning). path and reason are copied. */
void pii_collector_send_problem(struct pii_collector *c, const char *path,
				enum pii_file_status st, const char *reason);

/* Waits until everything sent is handled, stops the thread and returns
 * the inventory (owned by the caller: pii_inventory_free, then free). */
struct pii_inventory *pii_collector_finish(struct pii_collector *c);

#endif
