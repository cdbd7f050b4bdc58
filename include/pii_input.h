/*
 * pii_input.h - what an extractor reads: a file on disk or a member of a
 * container, its first bytes already read for detection, the rest read
 * on demand. The file on disk's budget (bytes expanded, time) is shared
 * by all its members.
 */
#ifndef PII_INPUT_H
#define PII_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "pii_detect.h"
#include "pii_options.h"
#include "pii_util.h"

/* What one file on disk may still spend, over all its levels. */
struct pii_budget {
	uint64_t expanded;          /* bytes that came out of its containers */
	bool exhausted;             /* --max-expand reached: stop reading */
	double deadline;            /* pii_now_monotonic() past which reading
				     * stops (--file-timeout); 0: none */
	int stopped;                /* ETIMEDOUT or EINTR once reading stopped */
	double ocr_seconds;         /* spent on OCR (--ocr-file-budget) */
	bool ocr_cut;               /* an OCR budget left part unread */
};

/* Reads the rest of an input (or a member of a container): returns bytes
 * read, 0 at the end, -1 on error (errno set). */
typedef ssize_t (*pii_read_fn)(void *ctx, void *buf, size_t n);

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
	pii_read_fn read_more;      /* the rest, after head */
	void *read_ctx;
	uint64_t bytes_read;        /* head and rest, so far */
	int read_errno;             /* set when a read failed */
	unsigned char *scratch;     /* PII_READ_CHUNK bytes the extractor may use */
	/* As a container, charged by the limits (pii_limits.h): */
	uint64_t members;           /* members admitted so far */
	uint64_t bytes_out;         /* bytes that came out of its members */
	const char *limit_code;     /* a limit stopped its members: no more */
};

/* An input over data[0..len), all of it in head (a unit test's bytes, a
 * fuzzer's input). Detection is not run: in->type is left empty. */
void pii_input_init_memory(struct pii_input *in, const char *path, const void *data,
			   size_t len, const struct pii_options *opt,
			   struct pii_budget *budget);

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

/* Reads up to PII_SNIFF_SIZE bytes into head (the caller's buffer of
 * that size) as in->head, from in->read_more; false on a read error
 * before anything was read. */
bool pii_input_read_head(struct pii_input *in, unsigned char *head);

/* Decoding text inputs to UTF-8, for the extractors of text formats. */
struct pii_decoder;
typedef bool (*pii_utf8_fn)(void *ctx, const char *utf8, size_t len);

/* Skips the input's byte-order mark and sets dec up for its encoding: 8-bit
 * text (UTF-8 or Windows-1252) through the UTF-8 decoder, which reads each
 * byte that is not UTF-8 as Windows-1252 (a Latin-1 file comes out the
 * same, a UTF-8 file with a stray Latin-1 byte keeps its characters).
 * false on a read error. */
bool pii_input_start_text(struct pii_input *in, struct pii_decoder *dec);

/* Decodes pending[0..n_pending) (bytes already read), then the rest of the
 * input, handing the UTF-8 to fn in pieces of whole characters until the
 * end or until fn returns false. PII_EOBJECT on a read error or out of
 * memory. */
enum pii_status pii_input_decode(struct pii_input *in, struct pii_decoder *dec,
				 const char *pending, size_t n_pending, pii_utf8_fn fn,
				 void *ctx);

/* True when the input starts like a zip (archives and the documents
 * that are zips). */
bool pii_input_is_zip(const struct pii_input *in);

/* A reader over bytes in memory, for pii_read_fn. */
struct pii_mem_reader {
	const unsigned char *data;
	size_t len, pos;
};
ssize_t pii_mem_read(void *mem_reader, void *buf, size_t n);

/* A file on disk, read as it was when opened: a log that grows while it
 * is read is read up to its size then, and a file cut short meanwhile is
 * noticed (shrank). */
struct pii_file_reader {
	int fd;
	uint64_t size;       /* at open; 0: read to the end (a /proc file says 0) */
	uint64_t done;
	bool shrank;         /* the end came before size */
	void (*progress)(void *ctx, uint64_t bytes); /* may be NULL */
	void *progress_ctx;
};
ssize_t pii_file_read(void *file_reader, void *buf, size_t n);

/* Opens path read-only, without following a final symbolic link unless
 * follow, without blocking on a FIFO that replaced the file, and without
 * updating the access time where the file system lets us. -1 (errno) on
 * failure. */
int pii_open_readonly(const char *path, bool follow);

/* "FIFO", "socket", ... for a file that is not a regular one. */
const char *pii_file_kind(mode_t mode);

#endif
