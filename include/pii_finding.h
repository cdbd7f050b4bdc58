/*
 * pii_finding.h - what the workers hand to the collector: findings with
 * their location, in batches, and per-file results and problems.
 */
#ifndef PII_FINDING_H
#define PII_FINDING_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "pii_util.h"

/* Where a finding is. file is the display path, with "!" between the
 * layers of containers; the other parts are NULL where the format has no
 * such thing. */
struct pii_loc {
	const char *file;
	const char *table;  /* SQL table, spreadsheet sheet */
	const char *column; /* column header or number */
	const char *key;    /* JSON key path */
	const char *part;   /* e-mail part */
	const char *context; /* words about the column that count as context
			      * in its name's place (a live database's
			      * "name: comment"); matched, never shown or kept */
	uint32_t page;      /* PDF page, slide; 0 when none. Findings carry
			     * it; inventory rows are not split by it. */
	bool technical;     /* code, configuration, a log or man page: rules
			     * that need prose (prose: true) skip it */
};

struct pii_finding {
	unsigned rule;       /* index into the rule set */
	enum pii_confidence confidence;
	bool lone_word;      /* of a row_evidence rule: one word, all its
			      * table cell holds */
	uint64_t line;       /* 1-based; 0 when the format has no lines */
	uint64_t row;        /* record of a table, 1-based; 0 when not in one */
	uint64_t offset;     /* byte offset in the text as decoded to UTF-8 */
	uint64_t fingerprint;
	const struct pii_loc *loc; /* owned by the batch */
	const char *value;   /* masked unless --show-values; owned by the batch */
};

/* Findings of one file, handed over in pieces of at most
 * PII_BATCH_FINDINGS so that no file piles them up. */
struct pii_batch {
	uint64_t file_id;
	struct pii_finding *items;
	size_t n, cap;
	struct pii_arena arena;       /* values and locations */
	const struct pii_loc *last_loc; /* in arena; reused while unchanged */
};

/* How a file ended up. */
enum pii_file_status {
	PII_FILE_SCANNED,  /* read to the end */
	PII_FILE_PARTIAL,  /* read in part; findings so far are kept */
	PII_FILE_FAILED,   /* could not be read at all */
	PII_FILE_SKIPPED,  /* not read on purpose (type, size, link) */
};

/* Stable codes next to the words of every Errors row, in every output,
 * so that a script or a later run can count them. Never renamed. */
#define PII_CODE_LIMIT_DEPTH    "limit.depth"    /* --max-depth */
#define PII_CODE_LIMIT_MEMBERS  "limit.members"  /* --max-members */
#define PII_CODE_LIMIT_EXPAND   "limit.expand"   /* --max-expand */
#define PII_CODE_LIMIT_RATIO    "limit.ratio"    /* --max-ratio */
#define PII_CODE_LIMIT_SIZE     "limit.size"     /* --max-filesize, a size cap */
#define PII_CODE_LIMIT_PATTERN  "limit.pattern"  /* PCRE2 work limit */
#define PII_CODE_TIMEOUT        "timeout"        /* --file-timeout, a tool's time */
#define PII_CODE_INTERRUPTED    "interrupted"    /* SIGINT, SIGTERM */
#define PII_CODE_ENCRYPTED      "encrypted"
#define PII_CODE_DAMAGED        "damaged"        /* not well-formed, cut short */
#define PII_CODE_NEEDS_OCR      "needs_ocr"      /* no text layer */
#define PII_CODE_OCR_NO_TEXT    "ocr.no_text"    /* first look saw no text: not OCRed */
#define PII_CODE_OCR_BUDGET     "ocr.budget"     /* --ocr-budget, --ocr-file-budget */
#define PII_CODE_OCR_OFF        "ocr.off"        /* --ocr off */
#define PII_CODE_OCR_MISSING    "ocr.unavailable" /* no tesseract or language data */
#define PII_CODE_UNSUPPORTED    "unsupported"    /* a format read only in part */
#define PII_CODE_READ_ERROR     "read_error"
#define PII_CODE_OPEN_FAILED    "open_failed"
#define PII_CODE_GONE           "gone"           /* deleted or moved meanwhile */
#define PII_CODE_CHANGED        "changed"        /* cut short while read */
#define PII_CODE_OUT_OF_MEMORY  "out_of_memory"
#define PII_CODE_SPILL          "spill"          /* --memory: no temporary file */
#define PII_CODE_TOOL_FAILED    "tool_failed"    /* a helper program failed */
#define PII_CODE_SYMLINK        "symlink"
#define PII_CODE_SPECIAL_FILE   "special_file"   /* FIFO, socket, device */
#define PII_CODE_OWN_FILE       "own_file"       /* piiscan's output or state */
#define PII_CODE_EXCLUDED       "excluded"
#define PII_CODE_STATE          "state"          /* --state could not carry it */
#define PII_CODE_MAX 24                          /* longest code, with its NUL */

/* The outcome of one file, sent after its last batch. */
struct pii_file_result {
	uint64_t file_id;
	char *path;          /* display path, malloc'd */
	enum pii_file_status status;
	char *reason;        /* why not scanned (fully), or NULL; malloc'd */
	char code[PII_CODE_MAX]; /* its PII_CODE_..., "" when scanned */
	bool listed;         /* the why is already in errors-sheet rows of its own
			      * (archive members, limits): no row for the file */
	uint64_t size;       /* from fstat */
	uint64_t bytes_read;
	int64_t mtime;
	uid_t uid;
	char owner[64];      /* by name, where the owner is no local user (a
			      * share's SID, a database role); "": the uid's */
	char type[128];
	/* for the state (--state) */
	uint64_t ino;
	int64_t mtime_ns;
	bool carried;        /* from the state, not read again */
	int64_t saved;       /* when its content was last saved, by its own
			      * properties (a .doc's); 0 when unknown */
	bool transient;      /* not read whole for a passing reason (time, signal,
			      * memory, read error): not carried over */
	uint64_t *allowed;   /* per allow: entry (pii_ruleset.allow), the findings
			      * it let go; malloc'd, NULL when none */
	size_t n_allowed;    /* entries in allowed */
};

/* Allocates an empty batch for file_id; NULL when out of memory. */
struct pii_batch *pii_batch_new(uint64_t file_id);
void pii_batch_free(struct pii_batch *b);

/* Adds a finding; loc and value are copied into the batch. Returns false
 * when out of memory. */
bool pii_batch_add(struct pii_batch *b, const struct pii_finding *f,
		   const struct pii_loc *loc, const char *value, size_t value_len);

/* Allocates a result; path is copied. NULL when out of memory. */
struct pii_file_result *pii_file_result_new(uint64_t file_id, const char *path);

/* Sets the status, its code (PII_CODE_...; NULL when scanned) and a
 * reason (copied, may be NULL). */
void pii_file_result_set(struct pii_file_result *r, enum pii_file_status st,
			 const char *code, const char *reason);
/* The same with a reason made as printf makes it. */
void pii_file_result_setf(struct pii_file_result *r, enum pii_file_status st, const char *code,
			  const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void pii_file_result_free(struct pii_file_result *r);

/* "scanned", "partial", "failed", "skipped". */
const char *pii_file_status_name(enum pii_file_status st);

#endif
