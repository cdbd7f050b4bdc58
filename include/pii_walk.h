/*
 * pii_walk.h - the walker: turns the paths on the command line into jobs
 * for the workers. It never reads a file; it only lists folders. Things
 * it will not hand on (special files, links not followed, loops) become
 * rows in the errors sheet.
 */
#ifndef PII_WALK_H
#define PII_WALK_H

#include "pii_scan.h"

struct pii_walker;

/* NULL when out of memory. ctx must outlive the walker. */
struct pii_walker *pii_walker_new(const struct pii_scan_ctx *ctx);

/* A walker that only counts the files the real one will hand on, into
 * count, and reports nothing: run ahead of the scan for the progress
 * bar's total. */
struct pii_walker *pii_walker_new_counter(const struct pii_scan_ctx *ctx,
					  atomic_uint_fast64_t *count);
void pii_walker_free(struct pii_walker *w);

/* Walks root (a file or a folder, as given by the user) and pushes a job
 * for each regular file, in name order. Returns PII_OK, or PII_EFATAL
 * when out of memory. */
enum pii_status pii_walk(struct pii_walker *w, const char *root);

/* True when name (a base name) or path (the full path) matches one of
 * the --exclude globs. A glob without '/' is matched against the base
 * name, one with '/' against the path. */
bool pii_walk_excluded(const struct pii_options *opt, const char *path,
		       const char *name);

/* The shard (1..n) of a path below a scan root: a stable hash, the same
 * on every machine (--shard K/N). */
unsigned pii_shard_of(const char *rel, unsigned n);

#endif
