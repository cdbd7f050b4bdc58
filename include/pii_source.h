/*
 * pii_source.h - where tables and files come from when they are not on a
 * mounted file system: a live database (postgres://, mysql://) or a
 * Windows share (smb://). A scan path that starts with a source's scheme
 * is listed and read by that source; every other path is a local file or
 * folder. One source per file in src/source/, listed once in
 * src/source/sources.def (as the extractors are).
 *
 * A source's unit of work is a job path: a table
 * ("postgres://db1:5433/hr!employees") or a file on a share
 * ("smb://fs1/data/hr/list.xlsx"). Job paths never hold a user name or a
 * password: they are shown in every output and kept in the state.
 */
#ifndef PII_SOURCE_H
#define PII_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "pii_finding.h"
#include "pii_input.h"
#include "pii_options.h"
#include "pii_sink.h"
#include "pii_url.h"
#include "pii_walk.h"

/* What a source's walk hands its units to: the walker (walk.c), through
 * these, so that a source never calls the walker that calls it. */
struct pii_source_walk {
	void *walker;
	const struct pii_options *opt;
	bool counting; /* it only counts: no passwords asked, nothing logged */
	/* a unit (a table, a file) as a job, when it is this shard's by
	 * shard_key (NULL: the path) */
	enum pii_status (*unit)(void *walker, const char *path, const char *shard_key);
	/* a row for the errors sheet about something not handed on */
	void (*problem)(void *walker, const char *path, enum pii_file_status st,
			const char *code, const char *reason);
	/* a tree (a share) walked as a local folder is: --exclude, ignore
	 * files, order, shards by the path below root */
	enum pii_status (*tree)(void *walker, const char *root, const struct pii_walk_fs *fs);
};

/* One unit being scanned by a worker. */
struct pii_source_scan {
	const char *path;              /* the job path */
	const struct pii_options *opt;
	struct pii_file_result *res;   /* its outcome, size, dates, owner */
	struct pii_sink *out;          /* a table source's cells go here */
	struct pii_budget *budget;     /* its deadline (--file-timeout) */
	/* A file source hands the opened file here: detection, extraction
	 * and the outcome, as for a file on disk (scan.c). */
	void (*extract)(struct pii_source_scan *s, struct pii_input *in);
	void *worker;                  /* scan.c's, for extract */
};

/* What --state keeps of a unit to see that it changed (size, mtime_ns,
 * ino of a file; a table's own figures). */
struct pii_source_identity {
	uint64_t size;
	int64_t mtime_ns;
	uint64_t ino;
};

struct pii_source {
	const char *name;
	/* its URL schemes, space-separated: "postgres postgresql" */
	const char *schemes;
	/* Main thread, before the scan: checks the root URL and that it can be
	 * reached with the credentials found (asking on a terminal when none
	 * are), so that a typo fails the run before hours of work. false
	 * with a message in err. */
	bool (*prepare)(const char *root, const struct pii_options *opt, char *err, size_t errlen);
	/* The walker: lists the units under root through w. PII_EFATAL
	 * when out of memory only. */
	enum pii_status (*walk)(const struct pii_source_walk *w, const char *root);
	/* A worker: reads one unit. Sets s->res's outcome. */
	void (*scan)(struct pii_source_scan *s);
	/* --state: the unit's identity now; false when it cannot be told
	 * (then it is read again). May be NULL. */
	bool (*identity)(const char *path, const struct pii_options *opt,
			 struct pii_source_identity *id);
	/* A worker thread ends: its connections are closed. May be NULL. */
	void (*thread_end)(void);
	/* The end of the run: what prepare kept is wiped. May be NULL. */
	void (*fini)(void);
};

/* A root a source has prepared (a database, a share): the first member
 * of the source's own struct for it. */
struct pii_source_root {
	char *given;   /* the URL as given (no password: prepare refuses one) */
	char *display; /* as locations begin: no user, no password */
};

/* A source's prepared roots: structs of `size` bytes, each beginning with
 * a pii_source_root. Written by prepare on the main thread before any
 * walker or worker starts; read-only afterwards. */
struct pii_source_roots {
	void *v;
	size_t n, size;
};

/* The root prepared for the URL given, or NULL. */
const void *pii_source_root_given(const struct pii_source_roots *roots, const char *given);

/* The root a job path is of: the longest display name that the path
 * starts with, followed by its end or by sep ('!' before a table, '/'
 * before a file below it). NULL when none is. */
const void *pii_source_root_of(const struct pii_source_roots *roots, const char *path, char sep);

/* Adds a copy of root (size bytes); false when out of memory, when the
 * caller still owns what root points to. */
bool pii_source_root_add(struct pii_source_roots *roots, const void *root);

/* Frees a root: free_root (may be NULL) the source's own fields, then
 * given and display. For one not added, and for each at the end. */
void pii_source_root_discard(void *root, void (*free_root)(void *root));

/* Discards every root, then frees the table. */
void pii_source_roots_free(struct pii_source_roots *roots, void (*free_root)(void *root));

/* The source whose scheme path starts with ("postgres://..."), or NULL
 * for a local path. */
const struct pii_source *pii_source_of(const char *path);

/* What the build reads besides files, and what it was made without
 * (its library missing), for --version. */
void pii_sources_describe(FILE *f);

/* Calls every source's thread_end / fini. */
void pii_sources_thread_end(void);
void pii_sources_fini(void);

#endif
