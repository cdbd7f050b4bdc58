/*
 * pii_inventory.h - the results of a scan, as the collector has gathered
 * them, for the writers (xlsx, csv) to lay out. Read-only for writers.
 */
#ifndef PII_INVENTORY_H
#define PII_INVENTORY_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "pii_ocr.h"
#include "pii_dict.h"
#include "pii_distinct.h"
#include "pii_finding.h"
#include "pii_options.h"
#include "pii_review.h"
#include "pii_rules.h"
#include "pii_util.h"

/* The path of a file whose own could not be copied (out of memory; the
 * Summary then says findings were lost). */
#define PII_INV_PATH_LOST "?"

/* A file that has findings: inventory and findings rows point at it. */
struct pii_inv_file {
	const char *path;      /* never NULL */
	uint64_t size;
	int64_t mtime;
	int64_t saved;  /* last saved, by the document's own properties; 0: unknown */
	uid_t uid;
	const char *owner; /* by name (a share's, a database's); NULL: uid's */
	const char *type;
};

/* The name of the file's owner. */
const char *pii_inv_file_owner(const struct pii_inv_file *f);

/* When the data in a file dates from: its last save by its own
 * properties when that is older than the file's time (a copy made today
 * of a letter saved in 2011 holds 2011's data), else the file's time. */
static inline int64_t pii_inv_file_data_time(const struct pii_inv_file *f)
{
	return f->saved > 0 && f->saved < f->mtime ? f->saved : f->mtime;
}

struct pii_rowstore;

/* One location x report name: an inventory row. There is one for every
 * location found, so its fields are ordered to leave no padding. */
struct pii_inv_row {
	const struct pii_inv_file *file;   /* the file on disk */
	const char *path;                  /* the location's file: "a.zip!b.csv" */
	const char *table, *column, *key, *part; /* NULL when not applicable */
	uint64_t count;
	uint64_t by_confidence[4];         /* indexed by enum pii_confidence */
	uint64_t counted;                  /* of --min-confidence or above */
	uint64_t distinct;
	const char *example;               /* first value, masked unless shown */
	uint64_t example_line;             /* its line, or 0 when not known */
	uint64_t example_fingerprint;      /* its keyed fingerprint (pii_fingerprint.h) */
	uint64_t rows_scanned;             /* records of its table; 0 when not a table */
	uint64_t rows_in_table;            /* when rows_scanned is a sample of a live
					    * database's table: the table's rows, by
					    * its catalogue; else 0 */
	uint64_t rows_with;                /* records with a finding of this row */
	unsigned report;                   /* index into rules->reports */
	enum pii_confidence confidence;    /* highest seen */
	bool distinct_estimated;
	/* the data map (pii_register.h) */
	bool stale;                        /* older than --stale-after */
	bool review_changed;               /* (the review) its count or value moved since */
	unsigned system;                   /* index into systems */
	uint64_t contact_list;             /* its file or table's list size, or 0 */
	/* the review (pii_review.h) */
	uint64_t row_key;                  /* pii_row_key of its location and report */
	const struct pii_review_entry *review; /* its verdict, or NULL */
};

/* A row of the Findings sheet. */
struct pii_inv_finding {
	const struct pii_inv_file *file;
	const char *path;
	const char *table, *column, *key, *part;
	uint32_t page;
	unsigned rule; /* index into rules->rules */
	enum pii_confidence confidence;
	uint64_t line, row, offset;
	const char *value;
};

/* A row of the Errors sheet: a file or member not scanned (fully). */
struct pii_inv_problem {
	const char *path;
	enum pii_file_status status;
	const char *code;   /* PII_CODE_...: stable, for scripts */
	const char *reason; /* the words */
};

/* A row of the Changes sheet (--state): a location whose count of a
 * rule is new, gone or different since the previous complete run. */
enum pii_change_kind {
	PII_CHANGE_NEW,
	PII_CHANGE_GONE,
	PII_CHANGE_COUNT,
};

struct pii_inv_change {
	enum pii_change_kind kind;
	const char *report;                      /* the rule's report name */
	const char *path, *table, *column, *key, *part;
	uint64_t before, after;
};

/* A system of the data map (Art. 30 register): a top-level folder of a
 * scanned path, a database dump or SQLite file, or what --system names. */
struct pii_inv_system {
	const char *name;
	uint64_t locations, findings, files;
	struct pii_distinct subjects[PII_SUBJECT_KINDS_MAX]; /* per kind that counts people */
	bool *categories;          /* indexed like categories */
	int64_t oldest, newest;    /* modification times of its files */
	bool art9, art10;
	bool id_copy;          /* holds copies of identity documents */
};

/* What became of the files under one PATH given: whether anything at all
 * could be read there (exit status 4 when not). */
struct pii_inv_root {
	const char *path;      /* as given */
	uint64_t read;         /* files read whole or in part */
	uint64_t failed;       /* files and folders that could not be opened or read */
	const char *why;       /* the first failure's reason, or NULL */
};

/* Totals per category, for the summary. */
struct pii_inv_category {
	const char *name;
	uint64_t findings, locations, files;
	struct pii_distinct distinct;
};

struct pii_inventory {
	const struct pii_ruleset *rules;
	const struct pii_options *opt;
	const char *const *paths;
	size_t n_paths;

	int64_t started, finished; /* seconds since the epoch */
	double duration;           /* seconds */
	char host[256];
	char user[64];
	char key_id[17];           /* the fingerprint key's (pii_fp_key_id) when it
				    * came from a file; "" for a random one */

	uint64_t files_scanned, files_partial, files_failed, files_skipped;
	uint64_t files_with_findings;
	uint64_t bytes_scanned;
	uint64_t findings_total;   /* of --min-confidence or above: the ones counted */
	uint64_t findings_uncounted; /* below it: listed only */
	uint64_t findings_allowed; /* let go by allow: entries, of any confidence:
				    * neither counted nor listed */
	uint64_t *allowed_per_entry; /* of them, indexed like rules->allow */
	uint64_t locations_high;   /* rows whose findings include one of confidence high */
	uint64_t pattern_limit_hits;
	int interrupted;           /* the signal that stopped the scan, or 0 */
	uint64_t files_dropped;    /* queued but not scanned when it stopped */
	uint64_t symlinks;         /* symbolic links not followed (counted, not listed) */
	struct pii_ocr_totals ocr; /* what OCR read and left (pii_ocr.h) */
	uint64_t *findings_per_rule; /* indexed like rules->rules */
	uint64_t *counted_per_rule;  /* of them, of --min-confidence or above */

	/* the rows: read them with pii_rowcursor_open(inv->store)
	 * (pii_rowstore.h), in memory or spilled to disk past --memory */
	struct pii_rowstore *store;
	size_t n_rows;
	/* --review, or --state's verdicts: rows found not to be personal
	 * data, out of every count and view but this list */
	const char *review_path;   /* NULL: no review store */
	struct pii_inv_row *reviewed;
	size_t n_reviewed, cap_reviewed;
	uint64_t findings_reviewed; /* their findings */
	uint64_t rows_with_verdict, rows_open, rows_changed; /* rows and reviewed together */
	/* --baseline: findings it already had, left out */
	const char *baseline_path;
	uint64_t findings_in_baseline;
	struct pii_inv_finding *findings; /* at most opt->max_findings */
	size_t n_findings, cap_findings;
	struct pii_inv_problem *problems;
	size_t n_problems, cap_problems;
	uint64_t problems_dropped; /* past the worksheet's row limit */
	struct pii_inv_category *categories;
	size_t n_categories;
	struct pii_inv_root *roots; /* one per PATH given, in order */
	size_t n_roots;

	/* the GDPR views (pii_register.h) */
	struct pii_inv_system *systems;
	size_t n_systems, cap_systems;
	struct pii_dict system_index; /* systems by name */
	uint64_t stale_locations, stale_files, stale_bytes;
	uint64_t contact_lists, largest_contact_list;
	struct pii_distinct subjects[PII_SUBJECT_KINDS_MAX]; /* all systems together */
	int64_t now;               /* the time ages are measured at */

	/* --state */
	const char *state_path;    /* NULL: no state */
	uint64_t files_carried;    /* not read again: carried over */
	bool changes_compared;     /* a previous complete run to compare with */
	struct pii_inv_change *changes;
	size_t n_changes, cap_changes;

	struct pii_arena arena; /* every string above */
};

/* The files of a run, each figure defined once for every report (the
 * terminal line, Summary, breach report, JSON): every file seen was read
 * whole, read in part, or not read (failed or skipped); the ones carried
 * over unchanged by --state are among them, with the status they had. */
struct pii_file_figures {
	uint64_t seen, whole, in_part, not_read;
	uint64_t carried;   /* of seen: not read again this run */
	uint64_t with_data; /* of seen: with a finding counted */
};
void pii_inventory_file_figures(const struct pii_inventory *inv, struct pii_file_figures *f);

/* A PATH given under which nothing could be read: no file was read whole
 * or in part, and it, or at least one file or folder under it, could not
 * be opened or read (an empty folder, one whose files were all skipped on
 * purpose, or a damaged file given alone, is not). The first such root at or after *from (an index into inv->roots),
 * with *from moved past it; NULL when none is left. */
const struct pii_inv_root *pii_inventory_unread_root(const struct pii_inventory *inv,
						     size_t *from);

/* Sorts rows, findings and problems into reading order (path, then
 * location, then rule) so that every report lists them the same way. */
void pii_inventory_sort(struct pii_inventory *inv);

/* Frees everything the inventory owns. */
void pii_inventory_free(struct pii_inventory *inv);

#endif
