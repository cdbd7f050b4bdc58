/*
 * pii_rowstore.h - the inventory's rows, in bounded memory: kept in
 * memory up to a budget (--memory), then sorted and written to a
 * temporary file as a run, as sort(1) does; read back merged, in the
 * inventory's order (pii_inv_row_cmp), as often as a writer needs them.
 *
 * Rows are added a file at a time by the collector's thread; once
 * sealed, any thread may read them through its own cursor.
 */
#ifndef PII_ROWSTORE_H
#define PII_ROWSTORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pii_inventory.h"

struct pii_rowstore;
struct pii_rowcursor;

/* The inventory's order of rows: by file, location, then report name. */
int pii_inv_row_cmp(const struct pii_ruleset *rs, const struct pii_inv_row *a,
		    const struct pii_inv_row *b);
void pii_inv_rows_sort(const struct pii_ruleset *rs, struct pii_inv_row *rows, size_t n);

/* A copy of f with its strings in arena; NULL when out of memory. */
struct pii_inv_file *pii_inv_file_copy(struct pii_arena *arena, const struct pii_inv_file *f);

/* Copies src into dst, its strings into arena (shared with prev's, the
 * row copied before it, where equal) and its file being file; false when
 * out of memory. */
bool pii_inv_row_copy(struct pii_arena *arena, struct pii_inv_row *dst,
		      const struct pii_inv_row *src, const struct pii_inv_row *prev,
		      const struct pii_inv_file *file);

/* A store for the rows of a scan with rules rs (it outlives the store),
 * holding at most about `budget` bytes in memory. NULL when out of
 * memory. */
struct pii_rowstore *pii_rowstore_new(const struct pii_ruleset *rs, uint64_t budget);

/* Adds the n rows of one file (their strings and file are copied; the
 * rows' file is `file`). False when they could not be kept for want of
 * memory. When the temporary file cannot be written, the rows stay in
 * memory, past the budget (pii_rowstore_spill_error). */
bool pii_rowstore_add_file(struct pii_rowstore *s, const struct pii_inv_file *file,
			   const struct pii_inv_row *rows, size_t n);

/* Ends the adding: sorts what is in memory. */
void pii_rowstore_seal(struct pii_rowstore *s);

/* Rows kept, and of them written to the temporary file (0: all in
 * memory). */
uint64_t pii_rowstore_count(const struct pii_rowstore *s);
uint64_t pii_rowstore_spilled(const struct pii_rowstore *s);

/* Why rows could not be written to the temporary file, or NULL. */
const char *pii_rowstore_spill_error(const struct pii_rowstore *s);

/* Frees the store and its temporary file. Safe on NULL. */
void pii_rowstore_free(struct pii_rowstore *s);

/* A reader of a sealed store's rows in order; NULL when out of memory
 * (s NULL: a reader of no rows). */
struct pii_rowcursor *pii_rowcursor_open(const struct pii_rowstore *s);

/* A reader of the n rows of an array, sorted (they outlive it). */
struct pii_rowcursor *pii_rowcursor_open_rows(const struct pii_inv_row *rows, size_t n);

/* The next row, valid until the next call; NULL at the end or when the
 * temporary file could not be read (pii_rowcursor_close says which). */
const struct pii_inv_row *pii_rowcursor_next(struct pii_rowcursor *c);

/* Frees the reader; false when a read failed (errno set). Safe on NULL. */
bool pii_rowcursor_close(struct pii_rowcursor *c);

/* The same, saying in why what failed; c NULL (it could not be opened)
 * is a failure too: out of memory. */
bool pii_rowcursor_done(struct pii_rowcursor *c, char *why, size_t whylen);

#endif
