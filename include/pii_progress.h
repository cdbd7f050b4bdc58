/*
 * pii_progress.h - the progress line on stderr: files, bytes, MB/s.
 */
#ifndef PII_PROGRESS_H
#define PII_PROGRESS_H

#include "pii_scan.h"

struct pii_progress;

/* Starts a thread that redraws the line every PII_PROGRESS_INTERVAL_MS
 * from the counters. NULL when it cannot start (no progress then). */
struct pii_progress *pii_progress_start(struct pii_counters *counters);

/* Stops the thread and clears the line. NULL is safe. */
void pii_progress_stop(struct pii_progress *p);

#endif
