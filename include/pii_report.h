/*
 * pii_report.h - what several writers (src/report/) share. Writers lay
 * out results; they never read input files.
 */
#ifndef PII_REPORT_H
#define PII_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "pii_util.h"

/* The user name of uid, or its number; cached, not thread-safe. */
const char *pii_owner_name(uid_t uid);

/* "YYYY-MM-DD HH:MM:SS" (UTC) of t, into out. */
void pii_format_mtime(int64_t t, char *out, size_t outsz);

/* A JSON document written to f as it is built (the json and sarif
 * writers): commas come where they are due, strings are escaped as in
 * the JSONL output. Errors are sticky: check pii_json_end once. */
struct pii_json {
	struct pii_buf buf;
	FILE *f;
	bool comma;  /* a value came before: the next one needs a comma */
	bool failed; /* out of memory (errno ENOMEM) or a write failed */
};

/* key NULL: a value of an array. bracket: '{' or '['. */
void pii_json_open(struct pii_json *j, const char *key, char bracket);
void pii_json_close(struct pii_json *j, char bracket);
/* s NULL: null. */
void pii_json_str(struct pii_json *j, const char *key, const char *s);
void pii_json_u64(struct pii_json *j, const char *key, uint64_t v);
void pii_json_bool(struct pii_json *j, const char *key, bool v);
/* A number in seconds, to the millisecond. */
void pii_json_seconds(struct pii_json *j, const char *key, double v);
/* "2024-05-01T12:00:00Z" of t (UTC). */
void pii_json_time(struct pii_json *j, const char *key, int64_t t);

/* Writes out what is buffered; false (errno set) when anything failed.
 * Frees the buffer. */
bool pii_json_end(struct pii_json *j);

#endif
