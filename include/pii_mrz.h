/*
 * pii_mrz.h - machine-readable zones of identity documents (ICAO Doc 9303
 * parts 4 to 6): the two or three lines of capitals, digits and '<' at
 * the foot of a passport's data page or the back of an ID card. A copy of
 * one in a file is a copy of the document.
 */
#ifndef PII_MRZ_H
#define PII_MRZ_H

#include <stdbool.h>
#include <stddef.h>

enum pii_mrz_format {
	PII_MRZ_TD1, /* 3 lines of 30: ID cards, residence permits (part 5) */
	PII_MRZ_TD2, /* 2 lines of 36: older ID cards (part 6) */
	PII_MRZ_TD3, /* 2 lines of 44: passports (part 4) */
};

/* The fields of a valid MRZ, NUL-terminated, fillers ('<') removed. */
struct pii_mrz {
	enum pii_mrz_format format;
	char doc_code[3];     /* "P", "I", "ID", "AC"... */
	char issuer[4];       /* issuing state: "NLD", "D" */
	char number[32];      /* document number; a long one (TD1, TD2) whole */
	char birth[7];        /* YYMMDD */
	char sex;             /* 'M', 'F', '<' (unspecified) or 'X' */
	char expiry[7];       /* YYMMDD */
	char nationality[4];
	char surname[64], given[64]; /* '<' between names as a space */
	/* TD3: the personal number; TD1, TD2: the optional data (past a long
	 * document number), both fields of a TD1 joined by a space. In Dutch
	 * documents the BSN. */
	char personal[32];
};

/* Whether text[0..len) (borrowed) is exactly one MRZ: its 2 or 3 lines,
 * separated by \n or \r\n (spaces at the ends of a line, and a line break
 * at the end, are ignored), every field of its kind, both dates real days,
 * and every check digit right: document number, birth, expiry, the TD3
 * personal number (unless all fillers), composite. Fills out (may be
 * NULL) when it is. */
bool pii_mrz_parse(const char *text, size_t len, struct pii_mrz *out);

/* An MRZ found in OCR text: mrz[0..mrz_len) is its canonical text,
 * repaired (lines joined by '\n', no spaces); text[start..end) is where its
 * lines were read. Both borrowed for the call. */
typedef void (*pii_mrz_found_fn)(void *ctx, const char *mrz, size_t mrz_len,
				 const struct pii_mrz *fields, size_t start, size_t end);

/* Lines that have an MRZ's shape (2 or more lines of 28 to 46 of its
 * characters, with fillers) but are no valid MRZ, repaired or not:
 * text[start..end) is worth reading again with a character whitelist. */
typedef void (*pii_mrz_near_fn)(void *ctx, size_t start, size_t end);

/* Finds the MRZs in OCR output text[0..len) (borrowed), where lines may
 * hold spaces, '«' for "<<" and the usual misreadings (K for '<' in a run
 * of fillers; O/0, I/1, B/8, S/5, Z/2, G/6). A field's misreadings are
 * repaired only where its kind says which reading is right (letters in a
 * date or a check digit, digits in a name or a country), or where a check
 * digit then passes: in a document or personal number, letters among
 * digits read as digits, else the one reading with the fewest changes (at
 * most two) that makes its check digit pass, and only when no other with
 * as few does; in optional data without a check digit, letters among
 * digits, if the composite then passes. The composite must pass in the
 * end. Calls found (may be NULL) for every valid MRZ and near_miss (may be
 * NULL) for every near miss, in text order; returns the number found. */
size_t pii_mrz_find(const char *text, size_t len, pii_mrz_found_fn found,
		    pii_mrz_near_fn near_miss, void *ctx);

/* The ICAO check digit of s[0..n): weights 7, 3, 1 over '<' = 0, the
 * digits, and A-Z = 10..35; -1 when s holds any other byte. */
int pii_mrz_check_digit(const char *s, size_t n);

#endif
