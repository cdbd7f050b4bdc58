/*
 * pii_stop.h - stopping a scan on SIGINT or SIGTERM: the walker stops,
 * the files in flight stop where they are (what was found is kept), the
 * inventory is written and marked incomplete. A second signal ends the
 * program at once.
 */
#ifndef PII_STOP_H
#define PII_STOP_H

#include <stdbool.h>

/* Installs the handlers (and ignores SIGXFSZ, so that an output past the
 * file size limit fails with EFBIG and a clear message). */
void pii_stop_install(void);

/* The signal that asked the scan to stop, or 0. Safe from any thread. */
int pii_stop_signal(void);

/* Registers the temporary file path (kept by the caller until
 * pii_stop_untrack_temp) to be removed if a second signal ends the program;
 * up to 64 are taken. pii_stop_untrack_temp forgets it, before it is renamed
 * or freed. */
void pii_stop_track_temp(const char *path);
void pii_stop_untrack_temp(const char *path);

/* "SIGINT", "SIGTERM": the signal's name as a user knows it. */
const char *pii_signal_name(int sig);

static inline bool pii_stop_requested(void)
{
	return pii_stop_signal() != 0;
}

#endif
