/*
 * sqlite.c - SQLite database files, read through libsqlite3: every table,
 * every row, every column, located by table and column name.
 *
 * The file is opened read-only and immutable (no locks taken, no journal
 * or WAL file looked for or written), through /proc/self/fd: the file
 * itself, or for a database inside another container a memory file. The
 * schema is not trusted: only plain tables are read, with SELECT.
 *
 * Tables are read in the order of their own b-tree, rowid order or, for
 * a table WITHOUT ROWID, primary key order: NOT INDEXED holds the
 * planner to that, so rows are numbered as a database browser shows
 * them whatever an index offers. A progress handler ends a statement
 * once the file's time is up or the scan is interrupted, so a large
 * database stops as promptly as a text file.
 */
#include <ctype.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pii_cell.h"
#include "pii_extractor.h"
#include "pii_limits.h"

/* SQLite calls the progress handler every this many steps of its virtual
 * machine: a row of a table is some ten steps a column, so this is a
 * few hundred rows, a millisecond or two, between looks at the clock. */
#define PROGRESS_STEPS 4096

/* And the matcher's side: the clock is looked at again after this many
 * bytes of values, some tens of milliseconds of matching, so that rows
 * of long values (few steps, much text) stop as soon. */
#define CHECK_BYTES ((size_t)1 << 20)

/* A blob is matched as text when this share of it is printable: a name
 * stored as bytes is found, an image is not read as noise. */
static bool mostly_text(const unsigned char *p, int n)
{
	int printable = 0;
	for (int i = 0; i < n; i++)
		printable += p[i] >= 0x20 || p[i] == '\n' || p[i] == '\t' || p[i] == '\r';
	return n > 0 && printable * 10 >= n * 9;
}

struct sqlite_scan {
	struct pii_input *in;
	struct pii_sink *out;
	sqlite3 *db;
	struct pii_cell cell;
	enum pii_status st;
	bool stopped;     /* time up or interrupted: the file's outcome says so */
	size_t unchecked; /* bytes of values since the clock was looked at */
};

/* Whether the scan of this file must end: its time is up or the scan
 * was interrupted (pii_input_expired tells the file's outcome). */
static bool stop_now(struct sqlite_scan *s)
{
	if (!s->stopped && pii_input_expired(s->in))
		s->stopped = true;
	return s->stopped;
}

/* SQLite's progress handler: non-zero ends the running statement with
 * SQLITE_INTERRUPT. */
static int on_progress(void *ctx)
{
	return stop_now(ctx);
}

/* Hands one value to the matcher as a cell of table.column, in pieces
 * of a cell's size (SQLite allows a value of a gigabyte: it is not
 * copied whole), looking at the clock every CHECK_BYTES. */
static void put_value(struct sqlite_scan *s, const char *table, const char *column,
		      const unsigned char *v, size_t n)
{
	s->cell.loc = (struct pii_loc){.file = s->in->path, .table = table, .column = column};
	pii_cell_start(&s->cell, 0, 0);
	for (size_t done = 0; done < n && !s->stopped;) {
		size_t k = n - done < PII_CELL_MAX ? n - done : PII_CELL_MAX;
		pii_cell_put(&s->cell, (const char *)v + done, k);
		done += k;
		if ((s->unchecked += k) >= CHECK_BYTES) {
			s->unchecked = 0;
			stop_now(s);
		}
	}
	s->st = pii_cell_end(&s->cell);
}

/* The names of a statement's columns, copied: SQLite's own are valid only
 * until the statement is prepared again. NULL when out of memory. */
static char **column_names(sqlite3_stmt *stmt, int n_cols)
{
	char **names = calloc((size_t)n_cols + 1, sizeof(char *));
	for (int c = 0; names && c < n_cols; c++) {
		const char *name = sqlite3_column_name(stmt, c);
		if (!(names[c] = strdup(name ? name : "?"))) {
			for (int i = 0; i < c; i++)
				free(names[i]);
			free(names);
			return NULL;
		}
	}
	return names;
}

static void free_names(char **names)
{
	for (size_t i = 0; names && names[i]; i++)
		free(names[i]);
	free(names);
}

/* Reads every row of one table; false with *why set on an SQLite error
 * (not when the scan was stopped: the file's outcome says that). */
static bool read_table(struct sqlite_scan *s, const char *table, char *why, size_t whylen)
{
	char *sql = sqlite3_mprintf("SELECT * FROM \"%w\" NOT INDEXED", table);
	sqlite3_stmt *stmt = NULL;
	int rc = sql ? sqlite3_prepare_v2(s->db, sql, -1, &stmt, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		if (!s->stopped)
			snprintf(why, whylen, "table %s not read: %s", table, sqlite3_errmsg(s->db));
		return s->stopped;
	}
	int n_cols = sqlite3_column_count(stmt);
	char **names = NULL;
	uint64_t rows = 0;
	while (s->st == PII_OK && !s->stopped && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (!names && !(names = column_names(stmt, n_cols))) {
			s->st = PII_EOBJECT;
			break;
		}
		pii_sink_set_row(s->out, ++rows);
		for (int c = 0; c < n_cols && s->st == PII_OK; c++) {
			int type = sqlite3_column_type(stmt, c);
			if (type == SQLITE_NULL || type == SQLITE_FLOAT)
				continue; /* amounts and measures: no personal data */
			const unsigned char *v = type == SQLITE_BLOB ? sqlite3_column_blob(stmt, c)
								     : sqlite3_column_text(stmt, c);
			int n = sqlite3_column_bytes(stmt, c);
			if (!v || n <= 0 || (type == SQLITE_BLOB && !mostly_text(v, n)))
				continue;
			put_value(s, table, names[c], v, (size_t)n);
		}
	}
	bool read = rc == SQLITE_ROW || rc == SQLITE_DONE || s->stopped;
	if (!read)
		snprintf(why, whylen, "table %s read in part (%llu rows): %s", table,
			 (unsigned long long)rows, sqlite3_errmsg(s->db));
	sqlite3_finalize(stmt);
	free_names(names);
	pii_sink_set_row(s->out, 0);
	if (rows)
		pii_sink_table_rows(s->out, s->in->path, table, rows);
	return read;
}

/* The file is data, not code: no schema functions, no extensions. And
 * the handle stops when the file's time is up. */
static void defend(struct sqlite_scan *s)
{
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	sqlite3_progress_handler(s->db, PROGRESS_STEPS, on_progress, s);
}

static bool open_failed(struct sqlite_scan *s, int rc, char *why, size_t whylen)
{
	snprintf(why, whylen, "not readable as an SQLite database: %s",
		 s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
	return false;
}

/* A database that is a file on disk: opened read-only and immutable
 * (no journal, no lock, nothing written). */
static bool open_file(struct sqlite_scan *s, int fd, char *why, size_t whylen)
{
	char uri[96];
	snprintf(uri, sizeof(uri), "file:/proc/self/fd/%d?mode=ro&immutable=1", fd);
	int rc = sqlite3_open_v2(uri, &s->db,
				 SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return open_failed(s, rc, why, whylen);
	defend(s);
	return true;
}

/* A database that is a member of a container, held in memory: SQLite
 * reads it there (a memory file's /proc link names no file SQLite can
 * open). data stays the caller's and outlives the handle. */
static bool open_memory(struct sqlite_scan *s, unsigned char *data, size_t len, char *why,
			size_t whylen)
{
	int rc = sqlite3_open_v2(":memory:", &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
				 NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_deserialize(s->db, "main", data, (sqlite3_int64)len,
					 (sqlite3_int64)len, SQLITE_DESERIALIZE_READONLY);
	if (rc != SQLITE_OK)
		return open_failed(s, rc, why, whylen);
	defend(s);
	return true;
}

static enum pii_status sqlite_run(struct pii_input *in, struct pii_sink *out)
{
	struct sqlite_scan s = {.in = in, .out = out};
	s.cell.out = out;
	char why[512] = "";
	unsigned char *data = NULL;
	bool opened;
	if (in->fd >= 0) {
		in->bytes_read = in->size;
		opened = open_file(&s, in->fd, why, sizeof(why));
	} else {
		size_t len;
		bool cut;
		data = pii_input_slurp(in, &len, &cut);
		if (!data || in->read_errno) {
			/* a read error, the time up or a signal: a database cut
			 * short is not opened (its reader's row says why) */
			free(data);
			return PII_EOBJECT;
		}
		if (cut) {
			free(data);
			pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE,
					 "SQLite database too large to read inside a container, "
					 "not scanned");
			return PII_OK;
		}
		opened = open_memory(&s, data, len, why, sizeof(why));
	}
	if (opened) {
		sqlite3_stmt *list = NULL;
		int rc = sqlite3_prepare_v2(s.db,
					    "SELECT name FROM sqlite_master WHERE type = 'table' "
					    "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
					    -1, &list, NULL);
		if (rc != SQLITE_OK && !s.stopped)
			snprintf(why, sizeof(why), "not readable as an SQLite database: %s",
				 sqlite3_errmsg(s.db));
		while (rc == SQLITE_OK && s.st == PII_OK && !stop_now(&s) &&
		       sqlite3_step(list) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(list, 0);
			char *table = name ? strdup(name) : NULL;
			char table_why[300] = "";
			if (table && !read_table(&s, table, table_why, sizeof(table_why)) && !*why)
				snprintf(why, sizeof(why), "damaged? %s", table_why);
			free(table);
		}
		sqlite3_finalize(list);
	}
	if (*why)
		pii_sink_problem(out, in->path, s.db && !strstr(why, "not readable")
						? PII_FILE_PARTIAL : PII_FILE_FAILED, PII_CODE_DAMAGED, why);
	sqlite3_close(s.db);
	free(data);
	pii_cell_free(&s.cell);
	if (s.st == PII_EFATAL)
		return PII_EFATAL;
	return s.stopped ? PII_EOBJECT : PII_OK;
}

static int sqlite_bid(const struct pii_input *in, int best)
{
	return in->head_len >= 16 && !memcmp(in->head, "SQLite format 3", 16) ? PII_BID_EXACT
										: PII_BID_NONE;
}

const struct pii_extractor pii_extractor_sqlite = {
	.name = "sqlite",
	.bid = sqlite_bid,
	.run = sqlite_run,
};
