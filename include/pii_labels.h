/*
 * pii_labels.h - the words of the reports in the language of --lang
 * (src/labels.def holds them all: one table, no language strings in the
 * code that lays out a report).
 */
#ifndef PII_LABELS_H
#define PII_LABELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum pii_lang {
	PII_LANG_EN,
	PII_LANG_NL,
};

enum pii_label_id {
#define PII_LABEL(id, en, nl) PII_L_##id,
#define PII_PLURAL(id, en1, en, nl1, nl) PII_L_##id, PII_L_##id##_MANY,
#include "labels.def"
#undef PII_LABEL
#undef PII_PLURAL
	PII_L_COUNT_
};

/* The label in lang. */
const char *pii_label(enum pii_lang lang, enum pii_label_id id);

/* A PII_PLURAL label's form for the count n. */
const char *pii_label_n(enum pii_lang lang, enum pii_label_id id, uint64_t n);

/* A category's readable name ("national_id": "National identifier"); a
 * category a pack of the user's own brings stays as named. */
const char *pii_label_category(enum pii_lang lang, const char *category);

/* high, medium, low. */
const char *pii_label_confidence(enum pii_lang lang, int confidence);

/* "Art. 9", "Art. 10", "ID document copy"; NULL for 0. */
const char *pii_label_special(enum pii_lang lang, int special);

/* scanned, partial, failed, skipped (enum pii_file_status). */
const char *pii_label_status(enum pii_lang lang, int status);

/* What an Errors row's code (PII_CODE_*) means, in lang; "" for a code
 * it does not know. */
const char *pii_label_code(enum pii_lang lang, const char *code);

/* An age given as --stale-after in the unit it was given in: "5 years",
 * "18 months", "90 days". */
void pii_label_age(enum pii_lang lang, int64_t seconds, char *out, size_t outlen);

/* Whether text is the label id in any language: for reading back what
 * piiscan wrote in either (a reviewed workbook's headers). */
bool pii_label_is(enum pii_label_id id, const char *text);

/* "en" or "nl" (or a locale name such as nl_NL.UTF-8). false: neither. */
bool pii_lang_parse(const char *s, enum pii_lang *lang);

/* The language of the locale: LC_ALL, LC_MESSAGES, then LANG; English
 * unless it is Dutch. */
enum pii_lang pii_lang_default(void);

#endif
