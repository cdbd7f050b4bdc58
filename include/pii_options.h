/*
 * pii_options.h - the command line.
 */
#ifndef PII_OPTIONS_H
#define PII_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pii_labels.h"
#include "pii_util.h"

struct pii_config_args;
struct pii_ignore;
struct pii_writer;

struct pii_output_spec {
	const char *path; /* borrowed from argv, or in owned */
	const struct pii_writer *writer; /* its format (pii_writer.h) */
};

/* --ocr: which images are read by OCR. */
enum pii_ocr_mode {
	PII_OCR_AUTO, /* those that look like documents (a first look) */
	PII_OCR_OFF,  /* none: images give their metadata only */
	PII_OCR_ALL,  /* every image and image-only PDF page */
};

/* --color: of the text table on standard output (a file never has any). */
enum pii_color {
	PII_COLOR_AUTO,   /* on a terminal, unless NO_COLOR or TERM=dumb */
	PII_COLOR_NEVER,
	PII_COLOR_ALWAYS, /* also into a pipe (less -R) */
};

struct pii_options {
	const char **paths;
	size_t n_paths;
	struct pii_output_spec *outputs;
	size_t n_outputs;
	unsigned threads;
	const char **rule_paths; /* --rules */
	size_t n_rule_paths;
	const char *packs;       /* --packs, NULL: all shipped packs */
	const char **excludes;   /* --exclude, as given */
	size_t n_excludes;
	const char **ignore_files; /* --ignore-file */
	size_t n_ignore_files;
	bool ignore_case_paths;  /* --ignore-case-paths */
	/* --exclude and --ignore-file's patterns, compiled by the parser
	 * (pii_ignore.h); NULL (nothing skipped) in options made otherwise.
	 * Shared by the walkers, which note what matched. */
	struct pii_ignore *exclude_rules, *ignore_file_rules;
	uint64_t max_filesize;   /* 0: no limit */
	unsigned max_depth;      /* containers in containers */
	uint64_t max_expand;     /* bytes expanded per file on disk */
	unsigned max_ratio;      /* expansion ratio of an archive */
	uint64_t max_members;    /* members read per archive */
	unsigned file_timeout;   /* seconds per file on disk; 0: none */
	uint64_t sample_rows;    /* rows read per table of a live database; 0: all */
	const char *db_password_file; /* --db-password-file FILE: any database's */
	const char **db_password_files; /* --db-password-file URL=FILE: one's */
	size_t n_db_password_files;
	const char *smb_auth_file;    /* --smb-auth-file */
	enum pii_ocr_mode ocr;   /* --ocr */
	unsigned ocr_budget;     /* seconds of OCR for the run; 0: none */
	unsigned ocr_file_budget; /* seconds of OCR per file on disk; 0: none */
	uint64_t max_findings;   /* rows in the Findings sheet */
	uint64_t memory;         /* bytes of inventory rows held in memory */
	enum pii_confidence min_confidence; /* findings below are listed, not counted */
	const char *fingerprint_key_file;
	bool show_values;
	bool records;            /* JSONL carries file, error, table and summary records */
	unsigned shard_k, shard_n; /* --shard K/N; 0/0: the whole tree */
	const char *state_file;  /* --state */
	const char *review_file; /* --review: verdicts (else --state's) */
	const char *baseline_file; /* --baseline: report only what is new since */
	/* the GDPR views */
	struct pii_system_spec {
		const char *name, *glob;
	} *systems;              /* --system NAME=GLOB */
	size_t n_systems;
	int64_t stale_after;     /* seconds; locations older are deletion candidates */
	uint64_t contact_list_min; /* distinct e-mails or phones that make a list */
	bool data_map_only;      /* the workbook holds the Data map only */
	bool breach_report;      /* the outputs are the breach summary */
	const char *enable, *disable; /* --enable, --disable LIST (pii_rules_select.h) */
	const char *fail_on;     /* --fail-on LIST, unchecked (pii_failon.h); NULL: none */
	bool full;               /* --full: carry nothing over */
	bool follow_symlinks;
	bool list_symlinks;      /* links not followed are Errors rows, not only counted */
	bool dry_run;            /* --dry-run: list the files a scan would read, scan none */
	bool one_file_system;
	bool quiet;
	int progress;            /* 1 on, 0 off, -1 default (see main.c) */
	unsigned progress_interval; /* seconds between lines in a log */
	bool log_json;           /* --log-format json */
	enum pii_lang lang;      /* --lang: of the reports people read */
	enum pii_color color;    /* --color */
	const char *config_file; /* --config */
	bool list_rules;
	bool list_rules_json;    /* --list-rules --format json */
	bool export_patterns;    /* print patterns for other tools and exit */
	bool export_vectorscan;  /* --format vectorscan: widened (pii_match.h) */
	char *command_line;      /* as typed, for the summary sheet */
	/* what the strings above may point into */
	struct pii_config_args *config;
	char **owned;
	size_t n_owned;
};

/* What the caller should do after parsing. */
enum pii_parse_result {
	PII_PARSE_RUN,   /* options are complete: run */
	PII_PARSE_EXIT,  /* --help or --version was printed: exit 0 */
	PII_PARSE_ERROR, /* err holds a one-line message: exit 2 */
};

/* The settings without any option given: every limit at its default
 * (pii_limits.h), as many threads as cores. For the parser, and for tests
 * that scan without a command line. */
void pii_options_defaults(struct pii_options *o);

/* Parses argv into o (zeroed by the caller), over the settings of the
 * --config file when there is one. Strings in o are borrowed from argv or
 * held in o; pii_options_free releases what o holds. */
enum pii_parse_result pii_options_parse(int argc, char **argv,
					struct pii_options *o, char *err,
					size_t errlen);

/* The same for piiscan merge PART... (argv[0] being "merge"): the PATHs
 * are the parts; --help prints merge's own help; no parts, or --shard,
 * is an error. */
enum pii_parse_result pii_options_parse_merge(int argc, char **argv, struct pii_options *o,
					      char *err, size_t errlen);

/* The same for piiscan review import BOOK.xlsx (argv[0] being "import"):
 * the PATH is the reviewed workbook; --state or --review names the store. */
enum pii_parse_result pii_options_parse_review(int argc, char **argv, struct pii_options *o,
					       char *err, size_t errlen);

/* Where this run's verdicts are kept: --review, else --state; NULL. */
static inline const char *pii_options_review_store(const struct pii_options *o)
{
	return o->review_file ? o->review_file : o->state_file;
}

void pii_options_free(struct pii_options *o);

#endif
