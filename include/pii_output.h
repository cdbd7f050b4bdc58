/*
 * pii_output.h - the output files. Each is written under a temporary name
 * in its target folder (mode 0600) and renamed over the target only when
 * complete, so an interrupted or failed run never leaves a half-written
 * inventory and never destroys the previous one.
 */
#ifndef PII_OUTPUT_H
#define PII_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "pii_finding.h"
#include "pii_options.h"
#include "pii_rules.h"

struct pii_inventory;
struct pii_jsonl;

struct pii_output {
	const struct pii_output_spec *spec;
	char *tmp_path;   /* NULL for standard output */
	FILE *fp;         /* JSONL and CSV */
	int write_errno;  /* first write error, 0 if none */
	dev_t dev;        /* of the temporary file */
	ino_t ino;
};

struct pii_outputs {
	struct pii_output *v;
	size_t n;
	/* existing targets (a previous run's inventory): not scanned */
	dev_t *old_dev;
	ino_t *old_ino;
	size_t n_old;
	bool show_values;
	bool records;            /* JSONL outputs carry records (--records) */
	struct pii_jsonl *jsonl; /* when there is a JSONL output */
	struct pii_buf line;     /* JSONL lines being formatted */
};

/* Creates the temporary files. Fails (PII_EFATAL, message in err) when an
 * output folder does not exist or cannot be written: better before the
 * scan than after hours of it. */
enum pii_status pii_outputs_open(struct pii_outputs *o, const struct pii_options *opt,
				 char *err, size_t errlen);

/* True when (dev, ino) is one of our own output files, which the scan
 * must not read. */
bool pii_outputs_is_own(const struct pii_outputs *o, dev_t dev, ino_t ino);

/* Whether an output lists findings one by one (the workbook's Findings
 * sheet), so the collector must keep them. */
bool pii_outputs_want_findings(const struct pii_outputs *o);

/* Streams the findings of a batch to the JSONL outputs. */
void pii_outputs_write_batch(struct pii_outputs *o, const struct pii_ruleset *rs,
			     const struct pii_batch *b);

/* Writes line[0..len) (whole lines: records) to the JSONL outputs. */
void pii_outputs_write_line(struct pii_outputs *o, const char *line, size_t len);

/* Writes the xlsx and CSV outputs from the inventory, finishes the JSONL
 * ones and renames every temporary file to its target. On failure the
 * failing output's temporary file is removed and the target left as it
 * was; returns PII_EFATAL with a message. */
enum pii_status pii_outputs_commit(struct pii_outputs *o,
				   const struct pii_inventory *inv, char *err,
				   size_t errlen);

/* Removes every temporary file (the run failed). */
void pii_outputs_abort(struct pii_outputs *o);

void pii_outputs_free(struct pii_outputs *o);

#endif
