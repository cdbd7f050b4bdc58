/*
 * pii_scan.h - the workers: each takes files from the job queue, reads
 * them (read-only), runs the extractors and the matcher, and hands
 * findings and outcomes to the collector.
 */
#ifndef PII_SCAN_H
#define PII_SCAN_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "pii_collect.h"
#include "pii_fingerprint.h"
#include "pii_options.h"
#include "pii_output.h"
#include "pii_sched.h"
#include "pii_rules.h"

/* A file to scan, from the walker. */
struct pii_job {
	uint64_t id;
	char *path;
};

/* Counters shared by walker, workers and the progress line. */
struct pii_counters {
	atomic_uint_fast64_t files_found;
	atomic_uint_fast64_t files_done;
	atomic_uint_fast64_t bytes_done;
	atomic_uint_fast64_t limit_hits;
	atomic_uint_fast64_t files_dropped; /* queued, not scanned: interrupted */
	atomic_uint_fast64_t symlinks;      /* symbolic links not followed */
	atomic_bool walk_done;              /* files_found is the total */
	atomic_uint_fast64_t files_counted; /* by the counting walker, ahead */
	atomic_bool count_done;             /* files_counted is the total */
};

/* What every worker shares, read-only (but for the counters). */
struct pii_scan_ctx {
	const struct pii_options *opt;
	const struct pii_ruleset *rules;
	const struct pii_fp_key *fp_key;
	const struct pii_outputs *outputs; /* may be NULL: nothing to skip */
	struct pii_state *state;           /* --state, or NULL */
	struct pii_collector *collector;
	struct pii_sched *sched;   /* files and pages; NULL in tests */
	struct pii_counters *counters;
};

struct pii_workers;

/* Starts n worker threads taking files and pages from ctx->sched until
 * it is closed and no work is left. NULL (message in err) when they
 * cannot start. */
struct pii_workers *pii_workers_start(const struct pii_scan_ctx *ctx, unsigned n,
				      char *err, size_t errlen);

/* Waits for every worker to finish and frees them. */
void pii_workers_join(struct pii_workers *w);

/* Frees a job. NULL is safe. */
void pii_job_free(struct pii_job *job);

/* ---- for tests: scan one buffer as if it were a file ------------------- */

struct pii_worker;

/* Per-thread state: matcher, libmagic, fingerprints, buffers. */
struct pii_worker *pii_worker_new(const struct pii_scan_ctx *ctx);
void pii_worker_free(struct pii_worker *w);

/* Scans the file at path as the job with id. */
void pii_worker_scan_file(struct pii_worker *w, uint64_t id, const char *path);

/* Scans data[0..len) under the display name path, through detection and
 * extraction, as a file with the given id. */
void pii_worker_scan_buffer(struct pii_worker *w, uint64_t id, const char *path,
			    const void *data, size_t len);

/* The same with extractor `as` instead of the one detection picks (for
 * the fuzz targets: every input goes to the parser under test). Members
 * of containers still go through detection. */
struct pii_extractor;
void pii_worker_scan_buffer_as(struct pii_worker *w, uint64_t id, const char *path,
			       const void *data, size_t len, const struct pii_extractor *as);

#endif
