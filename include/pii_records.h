/*
 * pii_records.h - the JSONL codec: a scan's results as JSON lines,
 * written and read back by one module (records.c): the finding lines of
 * the JSONL output (with "file_id" in records) and, around
 * them, a record per file outcome, per errors-sheet row and per table,
 * and a closing summary. `piiscan merge` builds one inventory from the
 * records of several shards; the state (--state) keeps a file's records
 * to carry them into the next run. Values in them are as the JSONL
 * output has them: masked unless --show-values.
 *
 *   {"record":"file","file_id":3,"path":"a.zip","status":"partial",...}
 *   {"record":"problem","file_id":3,"path":"a.zip!b","status":...,"reason":...}
 *   {"record":"table","file_id":3,"path":"a.csv","table":"a","rows":12}
 *   {"record":"summary","version":"0.1.0","settings":"...","key_id":"...",...}
 */
#ifndef PII_RECORDS_H
#define PII_RECORDS_H

#include <stdbool.h>
#include <stdint.h>

#include "pii_ocr.h"
#include "pii_collect.h"
#include "pii_finding.h"
#include "pii_inventory.h"
#include "pii_rules.h"
#include "pii_util.h"

/* Finding lines, with the parts that repeat rendered once.
 * file_ids: every line also names its file's id ("file_id"), for the
 * records piiscan merge and the state read back. NULL when out of
 * memory; rs must outlive it. */
struct pii_jsonl *pii_jsonl_new(const struct pii_ruleset *rs, bool file_ids);
void pii_jsonl_free(struct pii_jsonl *j);
void pii_jsonl_forget(struct pii_jsonl *j);

/* Appends one finding as a JSON object and a newline. Locations are told
 * apart by address: call pii_jsonl_forget before the findings of another
 * batch. */
bool pii_jsonl_format(struct pii_jsonl *j, struct pii_buf *out,
		      const struct pii_finding *f, uint64_t file_id);

/* Append one record line (with its newline) to out; false when out of
 * memory. */
bool pii_record_file(struct pii_buf *out, const struct pii_file_result *r);
bool pii_record_problem(struct pii_buf *out, uint64_t file_id, const char *path,
			enum pii_file_status st, const char *code, const char *reason);
bool pii_record_table(struct pii_buf *out, uint64_t file_id, const char *path,
		      const char *table, uint64_t rows, uint64_t total);

/* What a run's summary record says. */
struct pii_run_summary {
	char version[32];
	char rules[17];      /* pii_rules_hash: piiscan's version and the rules */
	char settings[17];   /* pii_settings_hash: those and the limits */
	char key_id[17];     /* pii_fp_key_id */
	unsigned shard_k, shard_n;
	int64_t started, finished;
	double duration;
	char host[256];
	char user[64];
	int interrupted;
	bool show_values;    /* values in full (--show-values) */
	uint64_t files_dropped, pattern_limit_hits, symlinks;
	struct pii_ocr_totals ocr;
	char **paths;        /* malloc'd, when read back */
	size_t n_paths;
};

bool pii_record_summary(struct pii_buf *out, const struct pii_inventory *inv,
			const struct pii_run_summary *s);

/* Reading records back into a collector, through an outbox. */
struct pii_replay {
	const struct pii_ruleset *rs;
	struct pii_outbox *out;
	/* file ids as read are mapped: id_base + id, or fixed_id for all
	 * when it is not 0 (one file's records, from the state) */
	uint64_t id_base, fixed_id;
	bool carried;                /* the outcome is marked carried over */
	struct pii_batch *batch;     /* findings of one file, not yet sent */
	bool have_summary;
	struct pii_run_summary summary;
};

/* Reads one line (NUL-terminated; a trailing newline is allowed). false
 * with a message in err when it is not a record or finding this build
 * can read, or out of memory. */
bool pii_replay_line(struct pii_replay *rp, const char *line, char *err, size_t errlen);

/* Sends what is pending; call at the end and before another thread may
 * send about the same file. */
void pii_replay_flush(struct pii_replay *rp);

void pii_run_summary_free(struct pii_run_summary *s);

#endif
