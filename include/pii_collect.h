/*
 * pii_collect.h - the collector: one thread that receives what the
 * workers and the walker produce (pii_outbox.h), where each file's
 * results come together: it takes the decisions about whole files,
 * streams the JSONL output, keeps the state and builds the inventory.
 * The only thread that touches the reports.
 */
#ifndef PII_COLLECT_H
#define PII_COLLECT_H

#include <stdbool.h>
#include <stddef.h>

#include "pii_finding.h"
#include "pii_outbox.h"
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

/* Applies the verdicts of rv (kept at path) to the inventory's rows
 * (pii_review.h). Before anything is sent. */
struct pii_review;
void pii_collector_use_review(struct pii_collector *c, const struct pii_review *rv,
			      const char *path);

/* --baseline: findings bl (loaded from path) had are left out of the
 * outputs and the inventory, not of the state. Before anything is sent. */
struct pii_baseline;
void pii_collector_use_baseline(struct pii_collector *c, const struct pii_baseline *bl,
				const char *path);

/* Where producers send their messages: pii_outbox_init(&o, this). */
struct pii_mailbox *pii_collector_mailbox(struct pii_collector *c);

/* Waits until everything sent is handled, stops the thread and returns
 * the inventory (owned by the caller: pii_inventory_free, then free). */
struct pii_inventory *pii_collector_finish(struct pii_collector *c);

#endif
