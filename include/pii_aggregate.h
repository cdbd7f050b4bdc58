/*
 * pii_aggregate.h - the inventory as it is built: findings counted per
 * location x rule while their file is in flight, then moved into the
 * inventory when the file's outcome arrives; totals per category, rule
 * and system; errors rows. Used by the collector's thread only.
 */
#ifndef PII_AGGREGATE_H
#define PII_AGGREGATE_H

#include <stdbool.h>
#include <stdint.h>

#include "pii_finding.h"
#include "pii_inventory.h"
#include "pii_options.h"
#include "pii_review.h"
#include "pii_rules.h"

struct pii_aggregate;
struct pii_agg_file; /* a file whose findings are arriving */

/* A new inventory for a scan with opt and rs (both outlive it);
 * keep_findings: list findings one by one (the Findings sheet). NULL when
 * out of memory. */
struct pii_aggregate *pii_agg_new(const struct pii_options *opt, const struct pii_ruleset *rs,
				  bool keep_findings);

/* Applies the verdicts of rv (kept at path; both outlive the inventory)
 * to the rows; before the first batch. */
void pii_agg_use_review(struct pii_aggregate *a, const struct pii_review *rv, const char *path);

/* A file in flight; NULL when out of memory. */
struct pii_agg_file *pii_agg_file_new(struct pii_aggregate *a);

/* Counts the findings of a batch of file f. */
void pii_agg_batch(struct pii_aggregate *a, struct pii_agg_file *f, const struct pii_batch *b);

/* The record count of table `table` of location `path` of file f (the
 * strings are copied). */
void pii_agg_table(struct pii_aggregate *a, struct pii_agg_file *f, const char *path,
		   const char *table, uint64_t rows, uint64_t total);

/* An errors row (strings copied). */
void pii_agg_problem(struct pii_aggregate *a, const char *path, enum pii_file_status st,
		     const char *code, const char *reason);

/* A file's outcome: its totals, its errors row when not scanned whole,
 * and the rows of f (NULL when it had no findings or tables) moved into
 * the inventory. Frees f. */
void pii_agg_result(struct pii_aggregate *a, struct pii_agg_file *f,
		    const struct pii_file_result *r);

/* Frees a file in flight without keeping its rows. */
void pii_agg_file_free(struct pii_agg_file *f);

/* Something was lost for lack of memory. */
void pii_agg_lost(struct pii_aggregate *a);

/* Sorts the inventory, works out the GDPR views and returns it (owned
 * by the caller: pii_inventory_free, then free); frees a. */
struct pii_inventory *pii_agg_finish(struct pii_aggregate *a);

#endif
