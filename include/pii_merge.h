/*
 * pii_merge.h - piiscan merge PART.jsonl... -o inventory.xlsx: one
 * inventory from the records of the shards of a scan (--shard K/N), the
 * same in content as one run over the whole tree would give.
 */
#ifndef PII_MERGE_H
#define PII_MERGE_H

#include <stddef.h>

#include "pii_collect.h"
#include "pii_inventory.h"
#include "pii_options.h"
#include "pii_records.h"
#include "pii_rules.h"

/* What the parts said about their runs, combined. */
struct pii_merged {
	struct pii_run_summary *parts; /* one per part, in order */
	size_t n_parts;
};

/* The summary record of the first part (its last line) into s, for the
 * paths its scan covered: the systems of the data map are found below
 * them, as in the scan. false when it has none (s is then empty). */
bool pii_merge_first_summary(const struct pii_options *opt, struct pii_run_summary *s);

/* Reads every part (opt->paths) into the collector c. Refuses parts made
 * with other rules than rs, with different fingerprint keys or limits,
 * or that are not one complete set of shards: PII_EFATAL with a message.
 * m is filled either way; pii_merged_free releases it. */
enum pii_status pii_merge_parts(const struct pii_options *opt, const struct pii_ruleset *rs,
				struct pii_collector *c, struct pii_merged *m, char *err,
				size_t errlen);

/* Sets the run's facts in inv (times, host, paths scanned, signals) from
 * the parts'. inv keeps pointers into m. */
void pii_merged_apply(const struct pii_merged *m, struct pii_inventory *inv);

void pii_merged_free(struct pii_merged *m);

#endif
