/*
 * pii_sink.h - where an extractor puts what it reads: located text,
 * members of containers, table rows and problems. A table of operations,
 * as ripgrep's Sink is a trait: the worker's sink (scan.c) pages the text
 * to the matcher and scans members, a recording sink in the unit tests
 * keeps it all, so that an extractor is tested alone, bytes in and
 * located text out.
 */
#ifndef PII_SINK_H
#define PII_SINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pii_finding.h"
#include "pii_input.h"
#include "pii_util.h"

struct pii_sink;

/* Bytes [start, end) of a text. */
struct pii_span {
	size_t start, end;
};

struct pii_sink_ops {
	/* Text of one location that may be long (a text file, a mail body):
	 * begin, add any number of pieces (valid UTF-8, cut anywhere), end.
	 * loc must stay valid until end. With lines set, findings get the
	 * line numbers of the text. Pieces are written in place: room gives
	 * a pointer to room for up to *room bytes (never 0), added says how
	 * many were written there, drop takes back the last n bytes added
	 * and not yet delivered. */
	enum pii_status (*text_begin)(struct pii_sink *s, const struct pii_loc *loc,
				      bool lines);
	char *(*text_room)(struct pii_sink *s, size_t *room);
	enum pii_status (*text_added)(struct pii_sink *s, size_t n);
	void (*text_drop)(struct pii_sink *s, size_t n);
	enum pii_status (*text_end)(struct pii_sink *s);
	/* A short text with its own location (a cell, a string of a binary
	 * file), matched as a whole; offset is where it starts in the input,
	 * line 0 when unknown. Borrowed for the call. */
	enum pii_status (*text)(struct pii_sink *s, const struct pii_loc *loc,
				const char *utf8, size_t len, uint64_t offset,
				uint64_t line);
	/* Text read by OCR (a scanned page), matched as a whole like text,
	 * with line numbers; doubtful[0..n_doubtful) are the spans of words
	 * the OCR engine was unsure of: a value that touches one is at most
	 * of medium confidence. Borrowed for the call. */
	enum pii_status (*ocr_text)(struct pii_sink *s, const struct pii_loc *loc,
				    const char *utf8, size_t len,
				    const struct pii_span *doubtful, size_t n_doubtful);
	/* A member of container `parent`, read through read(ctx): detected
	 * and extracted like a file, one level deeper, located as
	 * "<parent path>!<name>"; size when known, else 0. The limits are
	 * charged here, for every kind of container (pii_limits.h). No text
	 * stream may be open. PII_OK; PII_ELIMIT when a limit stops the
	 * members of parent (its row is written: read no more of them);
	 * PII_EFATAL when the scan must stop. */
	enum pii_status (*child)(struct pii_sink *s, struct pii_input *parent,
				 const char *name, pii_read_fn read, void *ctx,
				 uint64_t size);
	/* A member that the extractor reads itself (an Outlook item): the
	 * limits are charged as for child; bytes is its size when known.
	 * PII_OK, PII_ELIMIT or PII_EFATAL as for child. */
	enum pii_status (*member)(struct pii_sink *s, struct pii_input *parent,
				  uint64_t bytes);
	/* A row for the errors sheet about part of the input (a member that
	 * is encrypted, a limit reached), besides the file's own outcome.
	 * code is a stable word (PII_CODE_...), reason the words. */
	void (*problem)(struct pii_sink *s, const char *path, enum pii_file_status st,
			const char *code, const char *reason);
	/* The record (row of a table, 1-based) the next text belongs to; 0
	 * when not in a table. Stays until changed. */
	void (*set_row)(struct pii_sink *s, uint64_t row);
	/* How many records of table `table` of location file `file` were
	 * read, and how many it holds when only a sample was read (0: all
	 * were); sent once per table, when it has been read. */
	void (*table_rows)(struct pii_sink *s, const char *file, const char *table,
			   uint64_t rows, uint64_t total);
	/* When input `in` was last saved, as its own properties say (Unix
	 * time): the age of the data in it, which a copy's file time hides.
	 * Kept for the file on disk (depth 0) only. */
	void (*saved)(struct pii_sink *s, const struct pii_input *in, int64_t unix_time);
};

struct pii_sink {
	const struct pii_sink_ops *ops;
};

static inline enum pii_status pii_sink_begin_text(struct pii_sink *s, const struct pii_loc *loc,
						  bool lines)
{
	return s->ops->text_begin(s, loc, lines);
}

static inline char *pii_sink_text_room(struct pii_sink *s, size_t *room)
{
	return s->ops->text_room(s, room);
}

static inline enum pii_status pii_sink_text_added(struct pii_sink *s, size_t n)
{
	return s->ops->text_added(s, n);
}

static inline void pii_sink_text_drop(struct pii_sink *s, size_t n)
{
	s->ops->text_drop(s, n);
}

static inline enum pii_status pii_sink_end_text(struct pii_sink *s)
{
	return s->ops->text_end(s);
}

static inline enum pii_status pii_sink_text(struct pii_sink *s, const struct pii_loc *loc,
					    const char *utf8, size_t len, uint64_t offset,
					    uint64_t line)
{
	return s->ops->text(s, loc, utf8, len, offset, line);
}

static inline enum pii_status pii_sink_ocr_text(struct pii_sink *s, const struct pii_loc *loc,
						const char *utf8, size_t len,
						const struct pii_span *doubtful,
						size_t n_doubtful)
{
	return s->ops->ocr_text(s, loc, utf8, len, doubtful, n_doubtful);
}

static inline enum pii_status pii_sink_child(struct pii_sink *s, struct pii_input *parent,
					     const char *name, pii_read_fn read, void *ctx,
					     uint64_t size)
{
	return s->ops->child(s, parent, name, read, ctx, size);
}

static inline enum pii_status pii_sink_member(struct pii_sink *s, struct pii_input *parent,
					      uint64_t bytes)
{
	return s->ops->member(s, parent, bytes);
}

static inline void pii_sink_problem(struct pii_sink *s, const char *path,
				    enum pii_file_status st, const char *code,
				    const char *reason)
{
	s->ops->problem(s, path, st, code, reason);
}

static inline void pii_sink_set_row(struct pii_sink *s, uint64_t row)
{
	s->ops->set_row(s, row);
}

static inline void pii_sink_table_rows(struct pii_sink *s, const char *file,
				       const char *table, uint64_t rows)
{
	s->ops->table_rows(s, file, table, rows, 0);
}

/* A sample of rows of a table that holds total (a live database's). */
static inline void pii_sink_table_sampled(struct pii_sink *s, const char *file,
					  const char *table, uint64_t rows, uint64_t total)
{
	s->ops->table_rows(s, file, table, rows, total > rows ? total : 0);
}

static inline void pii_sink_saved(struct pii_sink *s, const struct pii_input *in,
				  int64_t unix_time)
{
	s->ops->saved(s, in, unix_time);
}

/* ---- helpers on top of the operations (sink.c) ---------------------------- */

/* Adds text to the open stream (a copy through text_room/text_added). */
enum pii_status pii_sink_write_text(struct pii_sink *s, const char *utf8, size_t len);

/* A whole text held in memory (bytes meant as UTF-8; invalid sequences
 * replaced), as one location with line numbers. */
enum pii_status pii_sink_text_bytes(struct pii_sink *s, const struct pii_loc *loc,
				    const char *bytes, size_t len);

/* A member held in memory (a decoded mail attachment), as child. */
enum pii_status pii_sink_child_memory(struct pii_sink *s, struct pii_input *parent,
				      const char *name, const void *data, size_t len);

/* What an extractor returns after its members: PII_ELIMIT (the limit's
 * row is written) is not a failure of the container itself. */
static inline enum pii_status pii_status_after_members(enum pii_status st)
{
	return st == PII_ELIMIT ? PII_OK : st;
}

#endif
