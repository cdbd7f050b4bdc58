/*
 * pii_review.h - what a person decided about the inventory's rows: a
 * verdict (personal data, not personal data, accepted, to delete) and a
 * note per location x rule, read back from a reviewed workbook
 * (`piiscan review import`) into a review store, and applied by the next
 * runs: rows found not to be personal data are left out of the counts
 * and listed apart, the others keep their verdict and note, and a row
 * whose count moved since is flagged.
 *
 * The store is an SQLite file: the state (--state, its table "review")
 * or a file of its own (--review FILE). A row is known by its row key:
 * a hash of its location (file, table, column, key path, part) and its
 * rule's report name, the same on every machine and in every version
 * that writes the same key format (PII_REVIEW_FORMAT).
 */
#ifndef PII_REVIEW_H
#define PII_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pii_labels.h"
#include "pii_rules.h"
#include "pii_util.h"

/* The row key's format, written in the workbook's hidden piiscan sheet:
 * a workbook of another format is refused. */
#define PII_REVIEW_FORMAT "1"

enum pii_verdict {
	PII_VERDICT_NONE,         /* not reviewed */
	PII_VERDICT_PERSONAL,     /* personal data: confirmed */
	PII_VERDICT_NOT_PERSONAL, /* a false positive: out of the counts */
	PII_VERDICT_ACCEPTED,     /* personal data, known and accepted */
	PII_VERDICT_TO_DELETE,    /* personal data to be deleted */
	PII_VERDICTS
};

/* The stable code of a verdict ("not_personal"), for the store and the
 * machine formats; "" for none. */
const char *pii_verdict_code(enum pii_verdict v);

/* Its words in the workbook's language; NULL for none. */
const char *pii_verdict_label(enum pii_lang lang, enum pii_verdict v);

/* A verdict from its code or its words in any language of the workbook
 * (case and surrounding blanks ignored); PII_VERDICT_NONE for "" and
 * -1 for words that are no verdict. */
int pii_verdict_parse(const char *s);

/* The row key of a location x report: 64 bits, written as 16 hex digits.
 * A missing part hashes unlike an empty one. */
uint64_t pii_row_key(const char *report, const char *file, const char *table,
		     const char *column, const char *key, const char *part);

/* A row key as written (16 lower-case hex digits) into *key; false when
 * s is not one. */
bool pii_row_key_parse(const char *s, uint64_t *key);

/* The sheets of a piiscan workbook whose rows carry row keys: Inventory
 * and Reviewed, in either language, and their parts past the row limit
 * ("Inventory (2)", ...). The next one of x from sheet *at on, in the
 * workbook's order, *at moved past it; NULL when there is none. */
struct pii_xlsx;
const char *pii_review_sheet_next(const struct pii_xlsx *x, size_t *at);

/* One verdict as kept. */
struct pii_review_entry {
	uint64_t key;
	enum pii_verdict verdict;
	const char *note;      /* NULL: none */
	uint64_t count;        /* the row's count when it was reviewed */
	uint64_t fingerprint;  /* its example's, when the row held one value; else 0 */
	int64_t reviewed;      /* when it was imported, seconds since the epoch */
};

/* The verdicts of a store, in memory for a run (their number is what a
 * person reviewed: small next to the findings). */
struct pii_review;

/* Loads the verdicts of store (an SQLite file). A file that does not
 * exist, or has no review table yet, gives an empty set. key_id: this
 * run's fingerprint key id, or NULL when the key is a random one: only
 * with the same key are the fingerprints of the review compared. NULL
 * with a message in err when the file cannot be read. */
struct pii_review *pii_review_load(const char *store, const char *key_id, char *err,
				   size_t errlen);
void pii_review_free(struct pii_review *rv);

/* The verdict on key, or NULL. */
const struct pii_review_entry *pii_review_find(const struct pii_review *rv, uint64_t key);

/* Whether fingerprints of this run and of the review can be compared. */
bool pii_review_same_key(const struct pii_review *rv);

/* What an import did. */
struct pii_review_import {
	uint64_t rows;            /* rows of the workbook read */
	uint64_t by_verdict[PII_VERDICTS]; /* verdicts kept, by kind */
	uint64_t cleared;         /* verdicts taken back (emptied cells) */
	uint64_t notes;           /* rows with a note */
};

/* Reads the verdicts and notes of the Inventory and Reviewed sheets of
 * book (an xlsx written by piiscan and edited in Excel or LibreOffice)
 * into store (created 0600 when missing). rs: the rules loaded now.
 * An emptied Verdict cell takes the row's verdict back. Refuses, writing nothing, a workbook that is not a
 * piiscan inventory, has another key format, was made with another
 * fingerprint key than the store's verdicts, names a rule not loaded
 * here, or whose row keys do not fit their rows: PII_EFATAL with one
 * line in err. */
enum pii_status pii_review_import(const char *book, const char *store,
				  const struct pii_ruleset *rs, struct pii_review_import *done,
				  char *err, size_t errlen);

#endif
