/*
 * pii_extract.h - extractors turn a file or member into text segments
 * with locations. One extractor per format in src/extract/, registered in
 * one table (extract.c), as libarchive registers formats and yara its
 * modules: adding a format is one file and one table line.
 */
#ifndef PII_EXTRACT_H
#define PII_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "pii_detect.h"
#include "pii_finding.h"
#include "pii_options.h"
#include "pii_util.h"

/* Bytes expanded from one file on disk, over all its levels. */
struct pii_budget {
	uint64_t expanded;
	bool exhausted;             /* --max-expand reached: stop reading */
	double deadline;            /* pii_now_monotonic() past which reading
				     * stops (--file-timeout); 0: none */
	int stopped;                /* ETIMEDOUT or EINTR once reading stopped */
};


/* What an extractor reads: a file on disk or a member of a container. */
struct pii_input {
	const char *path;           /* display path ("a.zip!b.csv") */
	int depth;                  /* 0 for a file on disk */
	const struct pii_options *opt; /* limits */
	struct pii_budget *budget;  /* of the file on disk this came from */
	int fd;                     /* the file on disk (depth 0), else -1 */
	uint64_t size;              /* when known (a file, a member), else 0 */
	struct pii_type type;       /* what detection said */
	const unsigned char *head;  /* the first bytes, already read */
	size_t head_len;
	bool head_is_all;           /* the input ends within head */
	size_t head_pos;            /* how much of head was consumed */
	/* The rest of the input, after head: returns bytes read, 0 at the
	 * end, -1 on error (errno set). */
	ssize_t (*read_more)(void *ctx, void *buf, size_t n);
	void *read_ctx;
	uint64_t bytes_read;        /* head and rest, so far */
	int read_errno;             /* set when a read failed */
	unsigned char *scratch;     /* PII_READ_CHUNK bytes the extractor may use */
};

/* Whether the file this input belongs to must stop being read: its
 * time is up, or the scan was interrupted. Sets in->read_errno
 * (ETIMEDOUT, EINTR) when so. */
bool pii_input_expired(struct pii_input *in);

/* Reads up to n bytes of the input, from the start (head first). Returns
 * the bytes read, 0 at the end, -1 on a read error (in->read_errno). */
ssize_t pii_input_read(struct pii_input *in, void *buf, size_t n);

/* Reads the rest of the input into memory (malloc'd), up to
 * PII_DOC_MEMORY_MAX bytes; *cut tells whether there was more. For formats
 * that need to seek, when the input is a member with no file of its own.
 * NULL when out of memory. */
unsigned char *pii_input_slurp(struct pii_input *in, size_t *len, bool *cut);

/* Copies the rest of the input into a memory file (memfd, never on disk)
 * for a reader that wants a file; -1 when that fails or the input is
 * larger than PII_DOC_MEMORY_MAX. Uses in->scratch. */
int pii_input_memfd(struct pii_input *in);

/* Where extracted text goes: implemented by the scanner (scan.c). */
struct pii_sink;

/* Text of one location that may be long (a text file, a mail body): it is
 * paged. Begin, write any number of times (valid UTF-8, cut anywhere),
 * end. loc must stay valid until end. With lines set, findings get the
 * line numbers of the text; else none (the text was made from a format
 * whose lines mean nothing to a reader). */
enum pii_status pii_sink_begin_text(struct pii_sink *s, const struct pii_loc *loc,
				    bool lines);
enum pii_status pii_sink_write_text(struct pii_sink *s, const char *utf8, size_t len);
enum pii_status pii_sink_end_text(struct pii_sink *s);

/* Writing into an open text stream in place, to save a copy of text that
 * is UTF-8 already: a pointer to room for up to *room bytes (never 0),
 * then added with how many were written (valid UTF-8, possibly ending
 * inside a character that the next write completes). drop takes back the
 * last n bytes written, not yet delivered. */
char *pii_sink_text_room(struct pii_sink *s, size_t *room);
enum pii_status pii_sink_text_added(struct pii_sink *s, size_t n);
void pii_sink_text_drop(struct pii_sink *s, size_t n);

/* A whole text held in memory (bytes meant as UTF-8; invalid sequences
 * replaced), paged as one location with line numbers. */
enum pii_status pii_sink_text_bytes(struct pii_sink *s, const struct pii_loc *loc,
				    const char *bytes, size_t len);

/* A short text with its own location (a cell, a string from a binary
 * file), matched as a whole. offset is where it starts in the input;
 * line is 0 when unknown. text is borrowed for the call. */
enum pii_status pii_sink_text(struct pii_sink *s, const struct pii_loc *loc,
			      const char *utf8, size_t len, uint64_t offset,
			      uint64_t line);

/* Reads a member of a container: bytes read, 0 at its end, -1 on error
 * (errno set). */
typedef ssize_t (*pii_read_fn)(void *ctx, void *buf, size_t n);

/* Whether the members of container `in` may be read: false, with one
 * errors row for it, when they would be deeper than --max-depth. */
bool pii_sink_may_open(struct pii_sink *s, const struct pii_input *in);

/* Scans a member of the container in `parent`: it goes through detection
 * and extraction like a file, one level deeper, located as
 * "<parent path>!<name>". size is its size when known, else 0. A member
 * deeper than --max-depth is listed, not scanned. No text stream may be
 * open. Returns PII_OK, or PII_EFATAL when the scan must stop. */
enum pii_status pii_sink_child(struct pii_sink *s, const struct pii_input *parent,
			       const char *name, pii_read_fn read, void *ctx,
			       uint64_t size);

/* Same for a member held in memory (a decoded mail attachment). */
enum pii_status pii_sink_child_memory(struct pii_sink *s, const struct pii_input *parent,
				      const char *name, const void *data, size_t len);

/* The record (row of a table, 1-based) the next findings belong to; 0
 * when the text is not part of a table. Stays until changed. */
void pii_sink_set_row(struct pii_sink *s, uint64_t row);

/* How many records table `table` of location file `file` (the input's
 * path) holds: the inventory sets the rows with findings of each column
 * against it. Sent once per table, when it has been read. */
void pii_sink_table_rows(struct pii_sink *s, const char *file, const char *table,
			 uint64_t rows);

/* A row for the errors sheet about part of the input (a member that is
 * encrypted, a limit reached), besides the file's own outcome. */
void pii_sink_problem(struct pii_sink *s, const char *path,
		      enum pii_file_status st, const char *reason);

struct pii_extractor {
	const char *name;
	/* How well this extractor handles in: 0 = not at all; the highest
	 * bid runs. Must only look at in->type, in->head and in->path. */
	int (*bid)(const struct pii_input *in);
	/* Extracts the text of in into out. Returns PII_OK, PII_EOBJECT when
	 * the input could not be read to the end (findings so far are kept;
	 * in->read_errno or a problem row says why) or PII_EFATAL. */
	enum pii_status (*run)(struct pii_input *in, struct pii_sink *out);
};

/* Runs the extractor that bids highest for in. */
enum pii_status pii_extract(struct pii_input *in, struct pii_sink *out);

/* The extractor that would run for in (for tests and logs). */
const struct pii_extractor *pii_extractor_for(const struct pii_input *in);

/* True when in starts like a zip (the archive extractor and the document
 * extractors that read zips share it). */
bool pii_is_zip(const struct pii_input *in);

/* The extractors (extract/<name>.c). */
extern const struct pii_extractor pii_extractor_archive;
extern const struct pii_extractor pii_extractor_ooxml;
extern const struct pii_extractor pii_extractor_odf;
extern const struct pii_extractor pii_extractor_pdf;
extern const struct pii_extractor pii_extractor_rtf;
extern const struct pii_extractor pii_extractor_mail;
extern const struct pii_extractor pii_extractor_pst;
extern const struct pii_extractor pii_extractor_csv;
extern const struct pii_extractor pii_extractor_sql;
extern const struct pii_extractor pii_extractor_sqlite;
extern const struct pii_extractor pii_extractor_json;

/* GMime, once, from the main thread before any thread reads mail. */
void pii_mail_init(void);
extern const struct pii_extractor pii_extractor_markup;
extern const struct pii_extractor pii_extractor_text;
extern const struct pii_extractor pii_extractor_strings;

#endif
