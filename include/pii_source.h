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

struct pii_walker;

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
	/* The walker: lists the units under root through pii_walk_unit and
	 * pii_walk_problem. PII_EFATAL when out of memory only. */
	enum pii_status (*walk)(struct pii_walker *w, const char *root);
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

/* The source whose scheme path starts with ("postgres://..."), or NULL
 * for a local path. */
const struct pii_source *pii_source_of(const char *path);

/* What the build reads besides files, and what it was made without
 * (its library missing), for --version. */
void pii_sources_describe(FILE *f);

/* sqlite:///PATH names a local file, read as any file is (the SQLite
 * extractor): PATH, inside url; NULL for another URL. */
const char *pii_source_local_file(const char *url);

/* Whether path has the form of a URL (scheme://), supported or not. */
bool pii_source_is_url(const char *path);

/* Calls every source's thread_end / fini. */
void pii_sources_thread_end(void);
void pii_sources_fini(void);

/* ---- for the sources: URLs and secrets ------------------------------------------ */

/* A URL taken apart: scheme://user:password@host:port/path?query. The
 * parts are decoded (%2F -> /) and malloc'd; NULL when absent. */
struct pii_url {
	char *scheme, *user, *password, *host, *port, *path, *query;
};

/* false with a message in err when url is not of that form. */
bool pii_url_parse(const char *url, struct pii_url *u, char *err, size_t errlen);

/* The value of key in the URL's query (?socket=/run/x&ssl=1), malloc'd
 * and decoded, or NULL. */
char *pii_url_query(const struct pii_url *u, const char *key);

/* Frees the parts; the password's bytes are wiped first. */
void pii_url_free(struct pii_url *u);

/* Reads a password from a file (its first line, without the newline),
 * malloc'd; NULL with a message in err. The file must not be readable by
 * others, as ssh and .pgpass ask. */
char *pii_read_password_file(const char *path, char *err, size_t errlen);

/* The --db-password-file for database url: its own (URL=FILE), else the
 * one for every database, else NULL. */
const char *pii_db_password_file(const struct pii_options *opt, const char *url);

/* Asks for a password on the terminal, not echoed; NULL when there is no
 * terminal (a scheduled run) or nothing was typed. */
char *pii_ask_password(const char *prompt);

/* Wipes and frees a secret. */
void pii_secret_free(char *secret);

#endif
