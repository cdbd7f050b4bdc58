/*
 * pii_util.h - small shared helpers: status codes, an arena, a growable
 * byte buffer, and the escaping every writer needs.
 */
#ifndef PII_UTIL_H
#define PII_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Result of an operation (libarchive's split): PII_OK; PII_EOBJECT when
 * this file or member is lost (it becomes a row in the errors sheet and
 * the scan goes on); PII_EFATAL when the run cannot go on. PII_ELIMIT:
 * a limit stops the members of a container (its row is written; the
 * extractor reads no more members and carries on). */
enum pii_status {
	PII_OK = 0,
	PII_EOBJECT = 1,
	PII_EFATAL = 2,
	PII_ELIMIT = 3,
};

/* How sure we are that a match is personal data. */
enum pii_confidence {
	PII_CONF_NONE = 0,
	PII_CONF_LOW = 1,
	PII_CONF_MEDIUM = 2,
	PII_CONF_HIGH = 3,
};

/* "s" after a count other than 1, "" after 1: "1 file", "2 files". */
static inline const char *pii_plural(uint64_t n)
{
	return n == 1 ? "" : "s";
}

/* "low", "medium", "high"; "" for PII_CONF_NONE. Static string. */
const char *pii_confidence_name(enum pii_confidence c);

/* Parses "low"/"medium"/"high"; returns PII_CONF_NONE when unknown. */
enum pii_confidence pii_confidence_parse(const char *s);

/* ---- arena: many small copies freed at once ---------------------------- */

struct pii_arena_chunk;
struct pii_arena {
	struct pii_arena_chunk *head;
	size_t used_total; /* bytes handed out, for accounting */
};

/* Returns len bytes aligned to 8, or NULL when out of memory. The memory
 * lives until pii_arena_reset/free. */
void *pii_arena_alloc(struct pii_arena *a, size_t len);

/* Copies s[0..len) and a NUL into the arena; NULL when out of memory. */
char *pii_arena_strndup(struct pii_arena *a, const char *s, size_t len);

/* Same for a NUL-terminated string; NULL in gives NULL out. */
char *pii_arena_strdup(struct pii_arena *a, const char *s);

/* s copied into the arena, or prev (a copy made before) when it is the
 * same string: the rows of one location share its path. */
const char *pii_arena_share(struct pii_arena *a, const char *prev, const char *s);

/* Frees every chunk but the first, which is kept for reuse. */
void pii_arena_reset(struct pii_arena *a);

/* Frees everything. Safe on a zeroed arena. */
void pii_arena_free(struct pii_arena *a);

/* ---- growable buffer ------------------------------------------------------ */

struct pii_buf {
	char *data;
	size_t len, cap;
	bool oom; /* an append failed; contents are truncated */
};

/* Appends; on allocation failure sets buf->oom and returns false. */
bool pii_buf_append(struct pii_buf *b, const void *p, size_t n);
bool pii_buf_puts(struct pii_buf *b, const char *s);
bool pii_buf_putc(struct pii_buf *b, char c);
bool pii_buf_printf(struct pii_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* v in decimal at dst (room for 20 digits), without printf: for the
 * writers that print millions of numbers. Returns the digits written. */
size_t pii_u64_dec(char *dst, uint64_t v);

/* Room for n more bytes (and a NUL): a pointer to write them to, or NULL
 * when out of memory. pii_buf_commit then adds the n' <= n written. */
char *pii_buf_reserve(struct pii_buf *b, size_t n);
void pii_buf_commit(struct pii_buf *b, size_t n);

/* Keeps data[0..len) NUL-terminated; returns data ("" when empty). */
const char *pii_buf_cstr(struct pii_buf *b);
void pii_buf_free(struct pii_buf *b);

/* ---- escaping ---------------------------------------------------------------- */

/* Appends s[0..len) for display in a spreadsheet or log: valid UTF-8 is
 * kept, control characters become \n, \t, \xNN, and bytes that are not
 * valid UTF-8 become \xNN, so the result is always valid UTF-8 and valid
 * in XML. */
bool pii_escape_display(struct pii_buf *out, const char *s, size_t len);

/* Appends s as the inside of a JSON string (quotes not included), with
 * the same treatment of invalid UTF-8 as pii_escape_display. */
bool pii_escape_json(struct pii_buf *out, const char *s, size_t len);

/* Appends ,"key":"value" with value escaped as above. */
bool pii_json_str_field(struct pii_buf *out, const char *key, const char *value);

/* Writes what pii_escape_json appends to dst, which has room for
 * 5 * len bytes; returns the bytes written. */
size_t pii_escape_json_to(char *dst, const char *s, size_t len);

/* Length of the longest prefix of s[0..len) that is valid UTF-8. */
size_t pii_utf8_valid_prefix(const char *s, size_t len);

/* ---- parsing ----------------------------------------------------------------- */

/* Parses a size such as "500", "64K", "100M", "2G", "1T" (powers of 1024).
 * Returns false when the text is not a size. */
bool pii_parse_size(const char *s, uint64_t *out);

/* Case-insensitive (ASCII) search for needle in hay; NULL if absent. */
const char *pii_memcasemem(const char *hay, size_t hlen, const char *needle,
			   size_t nlen);

/* Formats t (seconds since the epoch) as "2026-11-29 02:44:03 UTC". */
void pii_format_utc(int64_t t, char *out, size_t outsz);

/* Monotonic clock in seconds. */
double pii_now_monotonic(void);

struct stat;

/* open(2) and stat(2)/lstat(2) (follow: stat) that also take a path
 * longer than PATH_MAX, by walking its folders with openat. */
int pii_open_path(const char *path, int flags);
int pii_stat_path(const char *path, struct stat *st, bool follow);

/* The index of the root (one of roots[0..n), paths as given to scan) that
 * path was found under, as the walk joins names to it ("share" for
 * "share/hr/a.txt"), the longest when several are; n when none. */
size_t pii_path_root(const char *const *roots, size_t n, const char *path);

/* strcmp where NULL (a location part the format has not) sorts first and
 * equals only NULL. */
int pii_strcmp_null(const char *a, const char *b);

bool pii_streq_null(const char *a, const char *b);

/* FNV-1a of a string: stable across runs and machines. */
uint64_t pii_fnv1a(const char *s);

/* FNV-1a of n more bytes, going on from h (PII_FNV1A_START to begin). */
#define PII_FNV1A_START 0xcbf29ce484222325ULL
uint64_t pii_fnv1a_bytes(uint64_t h, const void *p, size_t n);

/* Writes a message into err[0..errlen) (printf-style). */
void pii_set_error(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Frees v[0..n) and v. */
void pii_strv_free(char **v, size_t n);

/* argv[0..argc) joined by spaces (the command line as typed), malloc'd. */
char *pii_join_args(int argc, char **argv);

#endif
