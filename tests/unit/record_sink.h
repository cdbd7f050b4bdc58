/*
 * record_sink.h - a sink for the unit tests that keeps everything an
 * extractor hands it, in order: located texts, members, problems and
 * table rows. An extractor is then tested alone, "these bytes in, these
 * located texts and problems out", without workers or a collector.
 *
 * It also checks the sink's contract (pii_sink.h) as it goes: a stream
 * opened once and closed, pieces within the room offered, valid UTF-8,
 * no member while a stream is open. Breaches are counted in misuse.
 */
#ifndef RECORD_SINK_H
#define RECORD_SINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "pii_extract.h"
#include "pii_sink.h"
#include "test.h"

/* Checks that an extractor kept to the sink's contract, and closed the
 * stream it opened. */
#define CHECK_CLEAN(rs)                                                        \
	CHECK_MSG((rs)->misuse == 0 && !(rs)->streaming, "sink misuse: %s",   \
		  (rs)->misuse ? (rs)->misuse_why : "a text stream left open")

/* Checks of behaviour found broken stand in the suites inside
 * #ifdef PII_TEST_KNOWN_BUGS, for whoever fixes it: built with
 * -DPII_TEST_KNOWN_BUGS they run, and fail until then. */

/* A child's bytes are kept up to this many; the rest is not read. */
#define RS_CHILD_MAX ((size_t)16 << 20)

enum rs_kind {
	RS_TEXT,       /* a stream (text_begin..text_end) or a short text */
	RS_CHILD,      /* a member read through child */
	RS_MEMBER,     /* a member the extractor read itself */
	RS_PROBLEM,    /* an Errors row */
	RS_TABLE_ROWS, /* the records of a table */
};

struct rs_rec {
	enum rs_kind kind;
	/* RS_TEXT: where (strings are copies) and the row set at the time */
	struct pii_loc loc;
	uint64_t row;
	bool stream;        /* from text_begin..text_end, its pieces joined */
	bool lines;         /* the stream asked for line numbers */
	uint64_t offset;    /* short text: where it starts in the input */
	uint64_t line;      /* short text: its line, 0 when unknown */
	bool ocr;           /* read by OCR (ocr_text) */
	size_t n_doubtful;  /* OCR: words it was unsure of */
	/* RS_TEXT: the text; RS_CHILD: the bytes read. NUL-terminated. */
	char *text;
	size_t len;
	/* RS_CHILD, RS_MEMBER: the container's path; RS_PROBLEM: its path;
	 * RS_TABLE_ROWS: the location's file */
	char *path;
	/* RS_CHILD: the member's name; RS_TABLE_ROWS: the table */
	char *name;
	/* RS_CHILD: the size given; RS_MEMBER: bytes; RS_TABLE_ROWS: rows */
	uint64_t count;
	int depth;          /* RS_CHILD, RS_MEMBER: the container's depth */
	/* RS_CHILD, RS_MEMBER: what the sink answered (PII_ELIMIT when the
	 * door was closed: then nothing was read) */
	enum pii_status status;
	bool cut;           /* RS_CHILD: more than RS_CHILD_MAX bytes */
	bool read_failed;   /* RS_CHILD: the read function returned -1 */
	/* RS_PROBLEM */
	enum pii_file_status file_status;
	char *code;
	char *reason;
};

struct record_sink {
	struct pii_sink base; /* what the extractor is given: &rs.base */
	struct rs_rec *recs;
	size_t n, cap;
	uint64_t row;         /* as set_row left it */
	int64_t saved;        /* as saved left it; 0 when never called */
	/* the open stream */
	bool streaming;
	struct rs_rec open;
	struct pii_buf stream;
	size_t room_max;      /* most bytes text_room offers; small values cut
			       * the pieces into small ones */
	size_t room_given;    /* offered by the last text_room */
	/* the limits' door: child and member calls let in before every later
	 * one gets PII_ELIMIT; -1: all */
	long door_after;
	unsigned door_calls;
	/* child: detect and extract the member too, its texts recorded as
	 * "<parent>!<name>" (as deep as the options' max_depth) */
	bool recurse;
	/* breaches of the sink's contract, the first one described */
	unsigned misuse;
	char misuse_why[256];
};

void rs_init(struct record_sink *rs);
void rs_free(struct record_sink *rs);

/* Child and member calls after the first n answer PII_ELIMIT. */
void rs_close_door_after(struct record_sink *rs, unsigned n);

/* Records of a kind. */
size_t rs_count(const struct record_sink *rs, enum rs_kind kind);

/* The first text containing needle / equal to text, or NULL; the next
 * one after `after` with rs_text_next. */
const struct rs_rec *rs_text(const struct record_sink *rs, const char *needle);
const struct rs_rec *rs_text_next(const struct record_sink *rs, const struct rs_rec *after,
				  const char *needle);
const struct rs_rec *rs_text_eq(const struct record_sink *rs, const char *text);

/* Texts containing needle. */
size_t rs_text_count(const struct record_sink *rs, const char *needle);

/* The first problem with code, or NULL. */
const struct rs_rec *rs_problem(const struct record_sink *rs, const char *code);

/* The first child call for a member named name, or NULL. */
const struct rs_rec *rs_child(const struct record_sink *rs, const char *name);

/* The table_rows record of table, or NULL. */
const struct rs_rec *rs_table_rows(const struct record_sink *rs, const char *table);

/* Every record, one a line, to f: for a failing test. */
void rs_dump(const struct record_sink *rs, FILE *f);

/* ---- inputs ------------------------------------------------------------------- */

/* An input for an extractor: the input, its options and budget, and the
 * buffers it needs. */
struct t_input {
	struct pii_input in;
	struct pii_options opt;
	struct pii_budget budget;
	unsigned char *scratch;       /* PII_READ_CHUNK bytes */
	unsigned char *head;          /* PII_SNIFF_SIZE bytes, when streamed */
	unsigned char *owned;         /* a fixture's bytes */
	size_t owned_len;
	struct pii_mem_reader mem;    /* t_input_stream */
	struct pii_file_reader file;  /* t_input_open */
};

/* Options with the default limits (PII_*_DEFAULT). */
void t_default_options(struct pii_options *opt);

/* data[0..len), all of it in head (pii_input_init_memory), detected;
 * data is borrowed. path is the display path: extractors look at its
 * extension. False when out of memory. */
bool t_input_bytes(struct t_input *t, const char *path, const void *data, size_t len);

/* The same bytes as a member of a container sees them: the first
 * PII_SNIFF_SIZE in head, the rest read on demand. */
bool t_input_stream(struct t_input *t, const char *path, const void *data, size_t len);

/* A file of the repository (fixtures/...) read into memory, then as
 * t_input_bytes. False when it cannot be read. */
bool t_input_fixture(struct t_input *t, const char *path);

/* A file on disk as the worker opens one: in->fd set, the head read. */
bool t_input_open(struct t_input *t, const char *path);

void t_input_free(struct t_input *t);

/* Reads a whole file into memory (malloc'd); NULL when it cannot. */
unsigned char *t_read_file(const char *path, size_t *len);

/* A member of a zip made by t_zip: stored, not compressed. len 0 takes
 * strlen(data). An encrypted one is only flagged so (its bytes are
 * plain): enough for a reader to refuse it. */
struct t_zip_member {
	const char *name;
	const char *data;
	size_t len;
	bool encrypted;
};

/* A zip of the n members, in that order, each with no extra field (an
 * OpenDocument's mimetype then sits where readers look for it);
 * malloc'd, *len its size. */
unsigned char *t_zip(const struct t_zip_member *m, size_t n, size_t *len);

/* Runs extractor x over t into rs (rs_init'd by the caller, who may
 * set its door or recursion first). */
enum pii_status t_extract(struct t_input *t, const struct pii_extractor *x,
			  struct record_sink *rs);

/* Its bid for the input. */
int t_bid(const struct t_input *t, const struct pii_extractor *x);

/* The three steps at once: an input over data (t_input_bytes), over a
 * string, or over a fixture, run by x into rs, and freed. A fixture that
 * cannot be read gives PII_EFATAL. */
enum pii_status t_run_bytes(struct record_sink *rs, const struct pii_extractor *x,
			    const char *path, const void *data, size_t len);
enum pii_status t_run_text(struct record_sink *rs, const struct pii_extractor *x,
			   const char *path, const char *text);
enum pii_status t_run_fixture(struct record_sink *rs, const struct pii_extractor *x,
			      const char *path);

#endif
