/*
 * pii_writer.h - an output format: one writer in src/report/<name>.c,
 * listed once in src/report/writers.def. Opening the file (under a
 * temporary name), streaming finding lines to the writers that stream,
 * and renaming at the end are output.c's, the same for every writer.
 */
#ifndef PII_WRITER_H
#define PII_WRITER_H

#include <stdbool.h>
#include <stdio.h>

#include "pii_inventory.h"

struct pii_writer {
	const char *name;               /* for --format */
	const char *const *extensions;  /* of file names it is chosen by, lower
					 * case, NULL-terminated */
	bool streams;        /* gets every finding line (and record) as it is
			      * found, rendered once by the JSONL codec */
	bool lists_findings; /* shows findings one by one: the collector
			      * keeps them (up to --max-findings) */
	bool by_name;        /* writes its file by name (not through a stream) */
	bool to_stdout;      /* may go to standard output (-o -) */
	bool breach_only;    /* the breach summary: only with --breach-report */
	/* Writes the results, when the scan is over: to path (by_name) or to
	 * f. NULL: nothing more to write. PII_EFATAL on failure, with the
	 * reason in why (or errno set, for a stream). */
	enum pii_status (*commit)(const struct pii_inventory *inv, const char *path, FILE *f,
				  char *why, size_t whylen);
};

#define PII_WRITER(name) extern const struct pii_writer pii_writer_##name;
#include "report/writers.def"
#undef PII_WRITER

/* The writer called name (--format), or NULL. */
const struct pii_writer *pii_writer_named(const char *name);

/* The writer for a file name's extension, or NULL. */
const struct pii_writer *pii_writer_for_path(const char *path);

/* The level the workbook is zipped at, for --version. */
const char *pii_xlsx_zip_level(void);

/* Before the workbook is closed: the buffers its zip is deflated with,
 * on up to threads threads (the run's -j, at most 4;
 * src/report/zip_deflate.c). false when out of memory. Released after. */
bool pii_xlsx_zip_prepare(unsigned threads);
void pii_xlsx_zip_release(void);

/* "xlsx, jsonl, csv, txt": the names, for messages. */
const char *pii_writer_names(void);

#endif
