/*
 * pii_state.h - the state of incremental rescans (--state FILE): an
 * SQLite database that keeps, per file, its size, modification time and
 * inode, the settings it was scanned with (pii_settings_hash) and its
 * records (pii_records.h: findings with masked values and fingerprints,
 * table counts, errors rows, its outcome; never a raw value). The next
 * run does not read a file whose entry still matches: its records are
 * carried into the new inventory. What a run scans is committed in
 * batches, so a run that is killed is resumed by the next. At the end of
 * a complete run, the inventory's counts per location are compared with
 * the previous complete run's (the Changes sheet).
 *
 * The file is created 0600 and locked for the run: a second run on it
 * is refused. Other readers (sqlite3) may look at it meanwhile (WAL).
 */
#ifndef PII_STATE_H
#define PII_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "pii_inventory.h"

struct pii_state;

/* Opens or creates the state file and locks it. settings is this run's
 * pii_settings_hash; full: carry nothing over (--full). NULL with a
 * message in err. */
struct pii_state *pii_state_open(const char *path, const char *settings, bool full,
				 char *err, size_t errlen);

/* True when (dev, ino) is the state file: the scan does not read it. */
bool pii_state_is_own(const struct pii_state *st, dev_t dev, ino_t ino);

/* The records kept for path (malloc'd, NUL-terminated), when its entry
 * matches size, mtime_ns and ino and the settings; else NULL. Safe from
 * any thread. */
char *pii_state_lookup(struct pii_state *st, const char *path, uint64_t size,
		       int64_t mtime_ns, uint64_t ino);

/* Keeps a scanned file's records (NULL: too large to keep; it will be
 * read again next time). From the collector's thread. */
void pii_state_put(struct pii_state *st, const char *path, uint64_t size, int64_t mtime_ns,
		   uint64_t ino, const char *records, size_t len);

/* Notes that a carried-over file is still there. */
void pii_state_seen(struct pii_state *st, const char *path);

/* Ends the run: commits; when complete, forgets files no longer seen,
 * fills inv's Changes from the previous complete run's counts and keeps
 * this run's. PII_EFATAL with a message when the database fails. */
enum pii_status pii_state_finish(struct pii_state *st, struct pii_inventory *inv,
				 bool complete, char *err, size_t errlen);

/* Commits what is pending and unlocks. NULL is safe. */
void pii_state_close(struct pii_state *st);

#endif
