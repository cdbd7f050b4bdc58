/*
 * state.c - incremental rescans in SQLite (see pii_state.h).
 *
 * One connection, behind a mutex: workers look files up, the collector
 * writes. Writes are grouped in transactions of up to STATE_BATCH files
 * or STATE_BATCH_SECONDS, so that a run killed halfway loses at most
 * that much of its work.
 */
#include "pii_state.h"

#include "pii_rowstore.h"
#include "pii_util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define STATE_BATCH 500
#define STATE_BATCH_SECONDS 2.0

struct pii_state {
	sqlite3 *db;
	pthread_mutex_t lock;
	int lock_fd;             /* flock: one run at a time */
	dev_t dev;               /* the file's, so that the scan leaves it out */
	ino_t ino;
	char settings[17];
	bool full;
	int64_t run;             /* this run's number */
	bool in_tx;
	unsigned pending;        /* writes in the open transaction */
	double tx_started;
	sqlite3_stmt *lookup, *put, *seen;
};

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT);"
	"CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
	" ino INTEGER, settings TEXT, run INTEGER, records TEXT);"
	"CREATE TABLE IF NOT EXISTS baseline(loc TEXT, report TEXT, path TEXT, tbl TEXT,"
	" col TEXT, key TEXT, part TEXT, count INTEGER, PRIMARY KEY(loc, report));";

static bool db_fail(struct pii_state *st, const char *what, char *err, size_t errlen)
{
	snprintf(err, errlen, "state: %s: %s", what, sqlite3_errmsg(st->db));
	return false;
}

/* Runs sql; what says what failed in words (never the SQL itself). */
static bool exec(struct pii_state *st, const char *sql, const char *what, char *err,
		 size_t errlen)
{
	return sqlite3_exec(st->db, sql, NULL, NULL, NULL) == SQLITE_OK ||
	       db_fail(st, what, err, errlen);
}

static int64_t meta_int(struct pii_state *st, const char *k, int64_t dflt)
{
	sqlite3_stmt *s;
	int64_t v = dflt;
	if (sqlite3_prepare_v2(st->db, "SELECT v FROM meta WHERE k = ?", -1, &s, NULL) != SQLITE_OK)
		return dflt;
	sqlite3_bind_text(s, 1, k, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static bool meta_set(struct pii_state *st, const char *k, int64_t v)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO meta VALUES(?, ?)", -1, &s, NULL) !=
	    SQLITE_OK)
		return false;
	sqlite3_bind_text(s, 1, k, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, v);
	bool ok = sqlite3_step(s) == SQLITE_DONE;
	sqlite3_finalize(s);
	return ok;
}

/* Removes the state file this run created and could not set up (a full
 * disk), with SQLite's files beside it, so that a failed first run
 * leaves nothing behind. */
static void remove_new_state(const char *path)
{
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		char name[PATH_MAX];
		if (snprintf(name, sizeof(name), "%s%s", path, suffixes[i]) < (int)sizeof(name))
			unlink(name);
	}
}

struct pii_state *pii_state_open(const char *path, const char *settings, bool full,
				 char *err, size_t errlen)
{
	struct pii_state *st = calloc(1, sizeof(*st));
	if (!st) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	st->full = full;
	st->lock_fd = -1;
	snprintf(st->settings, sizeof(st->settings), "%s", settings);
	pthread_mutex_init(&st->lock, NULL);
	/* Created 0600 by us (SQLite gives its -wal and -shm files the same
	 * mode): it describes where personal data is. Whether this run made
	 * it decides what a failure leaves: a state this run could not even
	 * set up is removed, an earlier one never. */
	bool created = true;
	st->lock_fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (st->lock_fd < 0 && errno == EEXIST) {
		created = false;
		st->lock_fd = open(path, O_RDWR | O_CLOEXEC);
	}
	if (st->lock_fd < 0) {
		snprintf(err, errlen, "--state: cannot open '%s': %s", path, strerror(errno));
		goto fail;
	}
	struct stat sb;
	if (fstat(st->lock_fd, &sb) == 0) {
		st->dev = sb.st_dev;
		st->ino = sb.st_ino;
	}
	if (flock(st->lock_fd, LOCK_EX | LOCK_NB) != 0) {
		snprintf(err, errlen,
			 errno == EWOULDBLOCK
				 ? "--state: '%s' is in use by another piiscan run; wait for it to end"
				 : "--state: cannot lock '%s'",
			 path);
		goto fail;
	}
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		snprintf(err, errlen, "--state: cannot open '%s': %s", path,
			 st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(st->db, 10000); /* a reader may hold it briefly */
	if (!exec(st, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "cannot open", err,
		  errlen) ||
	    !exec(st, schema, "cannot make its tables", err, errlen))
		goto fail;
	st->run = meta_int(st, "run", 0) + 1;
	if (!meta_set(st, "run", st->run)) {
		db_fail(st, "cannot start a run", err, errlen);
		goto fail;
	}
	if (sqlite3_prepare_v2(st->db,
			       "SELECT size, mtime_ns, ino, settings, records FROM files WHERE path = ?",
			       -1, &st->lookup, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO files VALUES(?, ?, ?, ?, ?, ?, ?)",
			       -1, &st->put, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(st->db, "UPDATE files SET run = ? WHERE path = ?", -1, &st->seen,
			       NULL) != SQLITE_OK) {
		db_fail(st, "prepare", err, errlen);
		goto fail;
	}
	return st;
fail:
	pii_state_close(st);
	if (created)
		remove_new_state(path);
	return NULL;
}

bool pii_state_is_own(const struct pii_state *st, dev_t dev, ino_t ino)
{
	return st->dev == dev && st->ino == ino;
}

char *pii_state_lookup(struct pii_state *st, const char *path, uint64_t size,
		       int64_t mtime_ns, uint64_t ino)
{
	if (st->full)
		return NULL;
	char *records = NULL;
	pthread_mutex_lock(&st->lock);
	sqlite3_bind_text(st->lookup, 1, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st->lookup) == SQLITE_ROW &&
	    (uint64_t)sqlite3_column_int64(st->lookup, 0) == size &&
	    sqlite3_column_int64(st->lookup, 1) == mtime_ns &&
	    (uint64_t)sqlite3_column_int64(st->lookup, 2) == ino &&
	    sqlite3_column_text(st->lookup, 3) &&
	    !strcmp((const char *)sqlite3_column_text(st->lookup, 3), st->settings) &&
	    sqlite3_column_text(st->lookup, 4))
		records = strdup((const char *)sqlite3_column_text(st->lookup, 4));
	sqlite3_reset(st->lookup);
	sqlite3_clear_bindings(st->lookup);
	pthread_mutex_unlock(&st->lock);
	return records;
}

/* Opens a transaction when none is, commits one that has grown; under
 * the lock. */
static void write_begin(struct pii_state *st)
{
	if (st->in_tx && (st->pending >= STATE_BATCH ||
			  pii_now_monotonic() - st->tx_started >= STATE_BATCH_SECONDS)) {
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
		st->in_tx = false;
	}
	if (!st->in_tx) {
		st->in_tx = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
		st->pending = 0;
		st->tx_started = pii_now_monotonic();
	}
	st->pending++;
}

void pii_state_put(struct pii_state *st, const char *path, uint64_t size, int64_t mtime_ns,
		   uint64_t ino, const char *records, size_t len)
{
	pthread_mutex_lock(&st->lock);
	write_begin(st);
	sqlite3_bind_text(st->put, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st->put, 2, (int64_t)size);
	sqlite3_bind_int64(st->put, 3, mtime_ns);
	sqlite3_bind_int64(st->put, 4, (int64_t)ino);
	sqlite3_bind_text(st->put, 5, st->settings, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st->put, 6, st->run);
	if (records)
		sqlite3_bind_text(st->put, 7, records, (int)len, SQLITE_STATIC);
	else
		sqlite3_bind_null(st->put, 7);
	sqlite3_step(st->put);
	sqlite3_reset(st->put);
	sqlite3_clear_bindings(st->put);
	pthread_mutex_unlock(&st->lock);
}

void pii_state_seen(struct pii_state *st, const char *path)
{
	pthread_mutex_lock(&st->lock);
	write_begin(st);
	sqlite3_bind_int64(st->seen, 1, st->run);
	sqlite3_bind_text(st->seen, 2, path, -1, SQLITE_STATIC);
	sqlite3_step(st->seen);
	sqlite3_reset(st->seen);
	sqlite3_clear_bindings(st->seen);
	pthread_mutex_unlock(&st->lock);
}

/* ---- the Changes sheet -------------------------------------------------------- */

/* A location as one key: its parts with a separator no path holds. */
static const char *loc_key(struct pii_buf *b, const struct pii_inv_row *r)
{
	const char *parts[] = {r->path, r->table, r->column, r->key, r->part};
	b->len = 0;
	for (int i = 0; i < 5; i++) {
		pii_buf_puts(b, parts[i] ? parts[i] : "\x1e");
		pii_buf_putc(b, '\x1f');
	}
	return pii_buf_cstr(b);
}

static const char *col_str(struct pii_inventory *inv, sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? pii_arena_strdup(&inv->arena, (const char *)t) : NULL;
}

static bool add_change(struct pii_inventory *inv, sqlite3_stmt *s, enum pii_change_kind kind)
{
	if (inv->n_changes == inv->cap_changes) {
		size_t cap = inv->cap_changes ? inv->cap_changes * 2 : 64;
		struct pii_inv_change *grown = realloc(inv->changes, cap * sizeof(*grown));
		if (!grown)
			return false;
		inv->changes = grown;
		inv->cap_changes = cap;
	}
	struct pii_inv_change *c = &inv->changes[inv->n_changes++];
	c->kind = kind;
	c->report = col_str(inv, s, 0);
	c->path = col_str(inv, s, 1);
	c->table = col_str(inv, s, 2);
	c->column = col_str(inv, s, 3);
	c->key = col_str(inv, s, 4);
	c->part = col_str(inv, s, 5);
	c->before = (uint64_t)sqlite3_column_int64(s, 6);
	c->after = (uint64_t)sqlite3_column_int64(s, 7);
	return c->report && c->path;
}

static bool query_changes(struct pii_state *st, struct pii_inventory *inv, const char *sql,
			  enum pii_change_kind kind)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return false;
	int rc;
	bool ok = true;
	while (ok && (rc = sqlite3_step(s)) == SQLITE_ROW)
		ok = add_change(inv, s, kind);
	sqlite3_finalize(s);
	return ok && rc == SQLITE_DONE;
}

static int change_cmp(const void *pa, const void *pb)
{
	const struct pii_inv_change *a = pa, *b = pb;
	int c;
	if ((c = pii_strcmp_null(a->path, b->path)) || (c = pii_strcmp_null(a->table, b->table)) ||
	    (c = pii_strcmp_null(a->column, b->column)) || (c = pii_strcmp_null(a->key, b->key)) ||
	    (c = pii_strcmp_null(a->part, b->part)))
		return c;
	return pii_strcmp_null(a->report, b->report);
}

/* This run's counts in temp.cur; the changes from the baseline into inv;
 * then cur becomes the baseline. */
static bool changes(struct pii_state *st, struct pii_inventory *inv, char *err, size_t errlen)
{
	if (!exec(st,
		  "CREATE TEMP TABLE cur(loc TEXT, report TEXT, path TEXT, tbl TEXT, col TEXT,"
		  " key TEXT, part TEXT, count INTEGER, PRIMARY KEY(loc, report))",
		  "changes", err, errlen))
		return false;
	sqlite3_stmt *ins;
	if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO cur VALUES(?, ?, ?, ?, ?, ?, ?, ?)", -1,
			       &ins, NULL) != SQLITE_OK)
		return db_fail(st, "changes", err, errlen);
	struct pii_buf key = {0};
	bool ok = true;
	struct pii_rowcursor *c = pii_rowcursor_open(inv->store);
	const struct pii_inv_row *r;
	while (ok && c && (r = pii_rowcursor_next(c))) {
		sqlite3_bind_text(ins, 1, loc_key(&key, r), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 2, inv->rules->reports[r->report].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 3, r->path, -1, SQLITE_STATIC);
		const char *opt[] = {r->table, r->column, r->key, r->part};
		for (int k = 0; k < 4; k++)
			if (opt[k])
				sqlite3_bind_text(ins, 4 + k, opt[k], -1, SQLITE_STATIC);
			else
				sqlite3_bind_null(ins, 4 + k);
		sqlite3_bind_int64(ins, 8, (int64_t)r->count);
		ok = sqlite3_step(ins) == SQLITE_DONE && !key.oom;
		sqlite3_reset(ins);
		sqlite3_clear_bindings(ins);
	}
	sqlite3_finalize(ins);
	pii_buf_free(&key);
	char why[256];
	if (!pii_rowcursor_done(c, why, sizeof(why))) {
		snprintf(err, errlen, "state: %s", why);
		return false;
	}
	if (!ok)
		return db_fail(st, "changes", err, errlen);
	inv->changes_compared = meta_int(st, "baseline", 0) > 0;
	if (inv->changes_compared &&
	    (!query_changes(st, inv,
			    "SELECT c.report, c.path, c.tbl, c.col, c.key, c.part, 0, c.count FROM cur c"
			    " LEFT JOIN baseline b USING(loc, report) WHERE b.loc IS NULL",
			    PII_CHANGE_NEW) ||
	     !query_changes(st, inv,
			    "SELECT b.report, b.path, b.tbl, b.col, b.key, b.part, b.count, 0"
			    " FROM baseline b LEFT JOIN cur c USING(loc, report) WHERE c.loc IS NULL",
			    PII_CHANGE_GONE) ||
	     !query_changes(st, inv,
			    "SELECT c.report, c.path, c.tbl, c.col, c.key, c.part, b.count, c.count"
			    " FROM cur c JOIN baseline b USING(loc, report) WHERE b.count <> c.count",
			    PII_CHANGE_COUNT)))
		return db_fail(st, "changes", err, errlen);
	if (inv->n_changes)
		qsort(inv->changes, inv->n_changes, sizeof(*inv->changes), change_cmp);
	return exec(st, "DELETE FROM baseline; INSERT INTO baseline SELECT * FROM cur;"
			" DROP TABLE cur;", "changes", err, errlen) &&
	       (meta_set(st, "baseline", st->run) || db_fail(st, "changes", err, errlen));
}

enum pii_status pii_state_finish(struct pii_state *st, struct pii_inventory *inv,
				 bool complete, char *err, size_t errlen)
{
	pthread_mutex_lock(&st->lock);
	bool ok = true;
	if (st->in_tx) {
		ok = exec(st, "COMMIT", "cannot save the files read", err, errlen);
		st->in_tx = false;
	}
	if (ok && complete) {
		ok = exec(st, "BEGIN", "cannot start the run's end", err, errlen);
		if (ok) {
			sqlite3_stmt *s;
			/* files not met this run are gone (or excluded now) */
			ok = sqlite3_prepare_v2(st->db, "DELETE FROM files WHERE run <> ?", -1, &s,
						NULL) == SQLITE_OK;
			if (ok) {
				sqlite3_bind_int64(s, 1, st->run);
				ok = sqlite3_step(s) == SQLITE_DONE;
				sqlite3_finalize(s);
			}
			if (!ok)
				db_fail(st, "forgetting files gone", err, errlen);
		}
		ok = ok && changes(st, inv, err, errlen) &&
		     exec(st, "COMMIT", "cannot save the run's end", err, errlen);
		if (!ok)
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	}
	pthread_mutex_unlock(&st->lock);
	return ok ? PII_OK : PII_EFATAL;
}

void pii_state_close(struct pii_state *st)
{
	if (!st)
		return;
	if (st->db) {
		if (st->in_tx)
			sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
		sqlite3_finalize(st->lookup);
		sqlite3_finalize(st->put);
		sqlite3_finalize(st->seen);
		sqlite3_close(st->db);
	}
	if (st->lock_fd >= 0)
		close(st->lock_fd); /* and the lock with it */
	pthread_mutex_destroy(&st->lock);
	free(st);
}
