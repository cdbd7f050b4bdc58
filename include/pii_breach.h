/*
 * pii_breach.h - the scope of a data breach (--breach-report): for the
 * notification to the supervisory authority within 72 hours (GDPR Art.
 * 33) and to the people concerned (Art. 34): which categories of personal
 * data, how many records and people, special categories, which files.
 * Laid out as text (report/txt.c) and as a workbook sheet.
 */
#ifndef PII_BREACH_H
#define PII_BREACH_H

#include <stdbool.h>
#include <stdint.h>

#include "pii_inventory.h"

/* The files listed by name on the one page; the rest are counted. */
#define PII_BREACH_FILES_LISTED 40

struct pii_breach_category {
	const char *name;
	int special;          /* 9, 10 or 0 */
	uint64_t records;     /* findings */
	uint64_t subjects;    /* estimated people (see pii_breach_build) */
	uint64_t files;
};

struct pii_breach_file {
	char *path;           /* the file's, owned */
	uint64_t findings;
	int special;          /* the highest Art. of its findings, or 0 */
};

struct pii_breach {
	struct pii_breach_category *categories; /* special first, then most records */
	size_t n_categories;
	/* the PII_BREACH_FILES_LISTED files with most findings, most first;
	 * n_files counts them all */
	struct pii_breach_file files[PII_BREACH_FILES_LISTED];
	size_t n_listed;
	uint64_t n_files;
	uint64_t subjects;    /* estimated people in all: the most of any
			       * category, so never fewer than one of them */
	/* the special kinds found ("health", "criminal_data") and their Art. */
	const char *special_kinds[32];
	int special_art[32];
	size_t n_special_kinds;
};

/* People per category: for a category whose values count people
 * (subject_count: e-mail addresses, phone numbers, national ids) the most
 * distinct values of one such kind; the files holding it for a special
 * category (such a document is mostly about one person); distinct values
 * otherwise. false when out of memory or the rows could not be read. */
bool pii_breach_build(const struct pii_inventory *inv, struct pii_breach *b);
void pii_breach_free(struct pii_breach *b);

#endif
