/*
 * pii_report.h - what several writers (src/report/) share. Writers lay
 * out results; they never read input files.
 */
#ifndef PII_REPORT_H
#define PII_REPORT_H

#include <stdint.h>
#include <sys/types.h>

/* The user name of uid, or its number; cached, not thread-safe. */
const char *pii_owner_name(uid_t uid);

/* "YYYY-MM-DD HH:MM:SS" (UTC) of t, into out. */
void pii_format_mtime(int64_t t, char *out, size_t outsz);

#endif
