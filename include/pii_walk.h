/*
 * pii_walk.h - the walker: turns the paths on the command line into jobs
 * for the workers. It never reads a file; it only lists folders. Things
 * it will not hand on (special files, links not followed, loops) become
 * rows in the errors sheet.
 */
#ifndef PII_WALK_H
#define PII_WALK_H

#include "pii_scan.h"

#include <stdio.h>

struct pii_walker;

/* NULL when out of memory. ctx must outlive the walker. */
struct pii_walker *pii_walker_new(const struct pii_scan_ctx *ctx);

/* A walker that only counts the files the real one will hand on, into
 * count, and reports nothing: run ahead of the scan for the progress
 * bar's total. */
struct pii_walker *pii_walker_new_counter(const struct pii_scan_ctx *ctx,
					  atomic_uint_fast64_t *count);
/* A walker that prints the path of each file the real one would hand
 * on, one a line, to out (--dry-run): --max-filesize applied too; what
 * could not be walked (a folder not listed) is said on stderr. */
struct pii_walker *pii_walker_new_lister(const struct pii_scan_ctx *ctx, FILE *out);
/* The files a lister printed. */
uint64_t pii_walker_listed(const struct pii_walker *w);
void pii_walker_free(struct pii_walker *w);

/* Walks root (a file or a folder, as given by the user) and pushes a job
 * for each regular file, in name order. Returns PII_OK, or PII_EFATAL
 * when out of memory. */
enum pii_status pii_walk(struct pii_walker *w, const char *root);

/* A tree that is not the local file system's: a share a source lists.
 * Paths are the walker's (root, '/', names). */
struct stat;
struct pii_ignore;
struct pii_walk_fs {
	/* 0, or -1 with errno; follow: through a final link */
	int (*stat)(void *ctx, const char *path, struct stat *st, bool follow);
	/* a folder opened for listing, or NULL with errno */
	void *(*opendir)(void *ctx, const char *path);
	/* the next entry's name and DT_ type (DT_UNKNOWN: stat tells); NULL
	 * at the end, errno set when the listing failed */
	const char *(*readdir)(void *ctx, void *dir, unsigned char *type);
	void (*closedir)(void *ctx, void *dir);
	/* as pii_ignore_add_file: at most max bytes, false with errno */
	bool (*read_ignore)(void *ctx, struct pii_ignore *ig, const char *path, size_t max);
	void *ctx;
};

/* Whether the walk of root reaches path, below it (as the walker spells
 * it: root, '/', names): false when the folder path or one on the way is
 * skipped by an --exclude, --ignore-file or .piiscanignore pattern. Reads
 * the .piiscanignore files on the way; notes no pattern as matched. */
bool pii_walk_reaches(const struct pii_options *opt, const char *root, const char *path);

/* After the walk of every path: one warning on stderr for each --exclude
 * and --ignore-file pattern that matched nothing the walkers met (a
 * pattern that can never match, as share/hr below the root share). The
 * .piiscanignore files of the tree are not checked: a pattern waiting
 * for files to come is normal there, as in a .gitignore. */
void pii_walk_warn_unmatched(const struct pii_options *opt);

/* The shard (1..n) of a path below a scan root: a stable hash, the same
 * on every machine (--shard K/N). */
unsigned pii_shard_of(const char *rel, unsigned n);

#endif
