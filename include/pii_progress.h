/*
 * pii_progress.h - progress on stderr: files, bytes, MB/s and, once the
 * walker has counted every file, the share done and an estimate of the
 * time left. On a terminal, a bar redrawn in place; in a log, a line now
 * and then (pii_log: plain or JSON).
 */
#ifndef PII_PROGRESS_H
#define PII_PROGRESS_H

#include "pii_scan.h"

struct pii_progress;

/* Starts a thread that shows the counters: on a terminal (tty) by
 * redrawing one line every PII_PROGRESS_INTERVAL_MS, else as a log line
 * every interval_s seconds. NULL when it cannot start. */
struct pii_progress *pii_progress_start(struct pii_counters *counters, bool tty,
					unsigned interval_s);

/* Stops the thread; clears the line on a terminal; in a log, prints the
 * final counts when final is set. NULL is safe. */
void pii_progress_stop(struct pii_progress *p, bool final);

#endif
