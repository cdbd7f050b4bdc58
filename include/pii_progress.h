/*
 * pii_progress.h - the progress line on stderr: files, bytes, MB/s.
 */
#ifndef PII_PROGRESS_H
#define PII_PROGRESS_H

#include "pii_scan.h"

struct pii_progress;

/* Starts a thread that shows the counters: on a terminal (tty) by
 * redrawing one line every PII_PROGRESS_INTERVAL_MS, else (a log) as a
 * line every PII_PROGRESS_LOG_INTERVAL_MS. NULL when it cannot start. */
struct pii_progress *pii_progress_start(struct pii_counters *counters, bool tty);

/* Stops the thread; clears the line on a terminal, prints the final
 * counts in a log. NULL is safe. */
void pii_progress_stop(struct pii_progress *p);

#endif
