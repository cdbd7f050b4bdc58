/*
 * postgres.c - live PostgreSQL databases through libpq: postgres://,
 * postgresql://. Every table the catalogue lists is a unit of work, read
 * by a worker on its own connection, and a location of its own, as an
 * archive's member is: "postgres://db1/hr!employees" ("schema.table"
 * outside the public schema, as a pg_dump is shown), its table and
 * column; the database is one system of the data map.
 *
 * Reading never gets in anyone's way: each table is read in a transaction
 * of its own, READ ONLY, with a statement_timeout (the file's time) and a
 * lock_timeout (a table being altered is reported, not waited for while
 * writers queue behind us), so no snapshot outlives one table. Rows come
 * through a cursor, a few hundred at a time: memory stays bounded however
 * large the table.
 *
 * A table larger than --sample-rows is sampled from across it with
 * TABLESAMPLE: BERNOULLI (row by row) up to a hundred samples' worth of
 * rows, SYSTEM (page by page, without reading the rest) beyond.
 *
 * The password is never on the command line: libpq's own places
 * (PGPASSWORD, ~/.pgpass, PGSERVICE), --db-password-file, or asked for
 * on a terminal once, in prepare, and kept in memory for the workers'
 * connections until the end of the run.
 */
#include <libpq-fe.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pii_column.h"
#include "pii_source.h"
#include "pii_util.h"

/* Rows fetched from the cursor at a time: at most FETCH_ROWS, and no more
 * than FETCH_BYTES of the table's average row (a table of documents in
 * text columns is fetched a few rows at a time). */
#define FETCH_ROWS 500
#define FETCH_BYTES ((double)(8 << 20))

/* How long a table's lock may be waited for. */
#define LOCK_TIMEOUT_MS 5000

/* A database given to scan, from prepare to the end of the run. */
struct pg_root {
	struct pii_source_root base; /* display: postgres://host[:port]/db */
	char *password;  /* from --db-password-file or asked; NULL: libpq's */
};

static struct pii_source_roots roots = {.size = sizeof(struct pg_root)};

/* A worker's connection, kept for the next table of the same database. */
static __thread PGconn *thread_conn;
static __thread const struct pg_root *thread_conn_root;

static PGconn *connect_root(const struct pg_root *r)
{
	const char *keys[] = {"dbname", "password", "application_name", "client_encoding",
			      "connect_timeout", NULL};
	const char *values[] = {r->base.given, r->password, "piiscan", "UTF8", "15", NULL};
	if (!r->password) {
		/* no password of ours: libpq looks in its own places */
		keys[1] = "application_name";
		values[1] = "piiscan";
	}
	return PQconnectdbParams(keys, values, 1);
}

/* The first line of libpq's message. */
static void pg_message(const char *msg, char *out, size_t outsz)
{
	if (!msg || !*msg)
		msg = "unknown error";
	snprintf(out, outsz, "%.*s", (int)strcspn(msg, "\n"), msg);
}

/* What a root holds besides given and display. */
static void free_root_fields(void *root)
{
	pii_secret_free(((struct pg_root *)root)->password);
}

static bool pg_prepare(const char *root, const struct pii_options *opt, char *err, size_t errlen)
{
	if (pii_source_root_given(&roots, root))
		return true;
	struct pii_url u;
	if (!pii_url_parse(root, &u, err, errlen))
		return false;
	bool has_password = pii_url_has_password(&u);
	pii_url_free(&u);
	if (has_password) {
		snprintf(err, errlen,
			 "a password in a URL would show in the process list and the shell's "
			 "history: give it in PGPASSWORD, ~/.pgpass or --db-password-file");
		return false;
	}
	struct pg_root r = {.base.given = strdup(root)};
	if (!r.base.given) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	const char *pw_file = pii_db_password_file(opt, root);
	if (pw_file && !(r.password = pii_read_password_file(pw_file, err, errlen))) {
		pii_source_root_discard(&r, free_root_fields);
		return false;
	}
	PGconn *c = connect_root(&r);
	if (PQstatus(c) != CONNECTION_OK && PQconnectionNeedsPassword(c) && !r.password) {
		char prompt[300];
		snprintf(prompt, sizeof(prompt), "Password for %s@%s/%s: ", PQuser(c),
			 PQhost(c) && PQhost(c)[0] != '/' ? PQhost(c) : "localhost", PQdb(c));
		if ((r.password = pii_ask_password(prompt))) {
			PQfinish(c);
			c = connect_root(&r);
		}
	}
	if (PQstatus(c) != CONNECTION_OK) {
		char why[300];
		pg_message(PQerrorMessage(c), why, sizeof(why));
		snprintf(err, errlen, "cannot connect to the database of '%s': %s", root, why);
		PQfinish(c);
		pii_source_root_discard(&r, free_root_fields);
		return false;
	}
	/* shown without the user: the same tables, whoever reads them */
	const char *host = PQhost(c), *port = PQport(c);
	bool socket = !host || !*host || host[0] == '/';
	char display[600];
	snprintf(display, sizeof(display), "postgres://%s%s%s/%s", socket ? "localhost" : host,
		 port && *port && strcmp(port, "5432") ? ":" : "",
		 port && *port && strcmp(port, "5432") ? port : "", PQdb(c));
	PQfinish(c);
	if (!(r.base.display = strdup(display)) || !pii_source_root_add(&roots, &r)) {
		pii_source_root_discard(&r, free_root_fields);
		snprintf(err, errlen, "out of memory");
		return false;
	}
	return true;
}

/* ---- the walk: every table of the catalogue ------------------------------------ */

/* Tables, partitioned tables (read through their parent, once) and
 * materialized views, outside the system's schemas; views hold no data
 * of their own, foreign tables live elsewhere. */
static const char list_sql[] =
	"SELECT n.nspname, c.relname FROM pg_catalog.pg_class c "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE c.relkind IN ('r', 'p', 'm') AND NOT c.relispartition "
	"AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%' "
	"ORDER BY 1, 2";

/* The name a table is shown by: "schema.table", or "table" in public. */
static char *shown_name(const char *schema, const char *table)
{
	char *out = NULL;
	if (!strcmp(schema, "public"))
		return strdup(table);
	return asprintf(&out, "%s.%s", schema, table) < 0 ? NULL : out;
}

static enum pii_status pg_walk(const struct pii_source_walk *w, const char *root)
{
	const struct pg_root *r = pii_source_root_given(&roots, root);
	if (!r) {
		w->problem(w->walker, root, PII_FILE_FAILED, PII_CODE_OPEN_FAILED,
			   "database not prepared (internal error)");
		return PII_OK;
	}
	PGconn *c = connect_root(r);
	PGresult *res = PQstatus(c) == CONNECTION_OK ? PQexec(c, list_sql) : NULL;
	if (!res || PQresultStatus(res) != PGRES_TUPLES_OK) {
		char why[400], msg[500];
		pg_message(PQerrorMessage(c), why, sizeof(why));
		snprintf(msg, sizeof(msg), "tables not listed: %s", why);
		w->problem(w->walker, r->base.display, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, msg);
		PQclear(res);
		PQfinish(c);
		return PII_OK;
	}
	enum pii_status st = PII_OK;
	for (int i = 0; i < PQntuples(res) && st == PII_OK; i++) {
		char *name = shown_name(PQgetvalue(res, i, 0), PQgetvalue(res, i, 1));
		char *path = NULL;
		if (!name || asprintf(&path, "%s!%s", r->base.display, name) < 0) {
			free(name);
			st = PII_EFATAL;
			break;
		}
		st = w->unit(w->walker, path, name);
		free(path);
		free(name);
	}
	PQclear(res);
	PQfinish(c);
	return st;
}

/* ---- reading one table ------------------------------------------------------------ */

struct pg_table {
	struct pii_source_scan *s;
	const struct pg_root *root;
	PGconn *c;
	const char *shown;        /* as in the job path */
	char *schema, *name;
	char *oid;
	double estimate;          /* rows, by the catalogue; < 0: not known */
	int fetch_rows;           /* rows a FETCH asks for */
	struct pii_cell cell;
	char **columns;           /* names, of the columns read */
	bool *binary;             /* bytea: read for its strings */
	bool *json;               /* json, jsonb: read with key paths */
	char **contexts;          /* "name: comment" of a commented column, else NULL */
	int n_columns;
	char *unread;             /* the columns the user may not read, listed */
};

/* Whether a connection kept from an earlier table still answers: the
 * server may have closed it meanwhile (a restart, an idle timeout), which
 * only a round trip tells. */
static bool answers(PGconn *c)
{
	PGresult *ping = PQexec(c, "");
	bool alive = PQresultStatus(ping) == PGRES_EMPTY_QUERY;
	PQclear(ping);
	return alive;
}

static PGconn *thread_connection(const struct pg_root *r, char *why, size_t whylen)
{
	if (thread_conn && (thread_conn_root != r || PQstatus(thread_conn) != CONNECTION_OK ||
			    !answers(thread_conn))) {
		PQfinish(thread_conn);
		thread_conn = NULL;
	}
	if (!thread_conn) {
		thread_conn = connect_root(r);
		thread_conn_root = r;
		if (PQstatus(thread_conn) != CONNECTION_OK) {
			pg_message(PQerrorMessage(thread_conn), why, whylen);
			PQfinish(thread_conn);
			thread_conn = NULL;
		}
	}
	return thread_conn;
}

/* Runs a statement that returns no rows; false with the server's words. */
static bool run(PGconn *c, const char *sql, char *why, size_t whylen)
{
	PGresult *res = PQexec(c, sql);
	bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!ok)
		pg_message(PQresultErrorMessage(res), why, whylen);
	PQclear(res);
	return ok;
}

/* Looks the table up: its oid, row estimate, size and change count.
 * The job's "a.b" is schema a, table b; or public's table "a.b". */
static PGresult *look_up(struct pg_table *t)
{
	static const char sql[] =
		"SELECT c.oid, c.reltuples::float8, pg_catalog.pg_relation_size(c.oid), "
		"COALESCE(s.n_tup_ins + s.n_tup_upd + s.n_tup_del, 0), "
		"pg_catalog.pg_get_userbyid(c.relowner), pg_catalog.pg_is_in_recovery(), "
		"pg_catalog.pg_total_relation_size(c.oid)::float8 "
		"FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
		"LEFT JOIN pg_catalog.pg_stat_all_tables s ON s.relid = c.oid "
		"WHERE n.nspname = $1 AND c.relname = $2";
	const char *dot = strchr(t->shown, '.');
	for (int attempt = 0; attempt < 2; attempt++) {
		free(t->schema);
		free(t->name);
		if (dot && attempt == 0) {
			t->schema = strndup(t->shown, (size_t)(dot - t->shown));
			t->name = strdup(dot + 1);
		} else {
			t->schema = strdup("public");
			t->name = strdup(t->shown);
		}
		if (!t->schema || !t->name)
			return NULL;
		const char *params[] = {t->schema, t->name};
		PGresult *res = PQexecParams(t->c, sql, 2, NULL, params, NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) == 1)
			return res;
		PQclear(res);
		if (!dot)
			break;
	}
	return NULL;
}

static const char columns_sql[] =
	"SELECT a.attname, t.typname, "
	"pg_catalog.has_column_privilege(a.attrelid, a.attnum, 'SELECT'), "
	"COALESCE(pg_catalog.col_description(a.attrelid, a.attnum), '') "
	"FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
	"WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

/* Types that hold no personal data: truth values, measures. */
static bool skipped_type(const char *typname)
{
	static const char *const skip[] = {"bool", "float4", "float8", NULL};
	for (size_t i = 0; skip[i]; i++)
		if (!strcmp(typname, skip[i]))
			return true;
	return false;
}

/* The SELECT list of the columns the user may read; the others are
 * listed in t->unread. NULL when none may be read, or out of memory. */
static char *select_list(struct pg_table *t, PGresult *cols)
{
	struct pii_buf list = {0}, unread = {0};
	int n = PQntuples(cols);
	t->columns = calloc((size_t)n + 1, sizeof(char *));
	t->binary = calloc((size_t)n + 1, sizeof(bool));
	t->json = calloc((size_t)n + 1, sizeof(bool));
	t->contexts = calloc((size_t)n + 1, sizeof(char *));
	if (!t->columns || !t->binary || !t->json || !t->contexts)
		return NULL;
	for (int i = 0; i < n; i++) {
		const char *name = PQgetvalue(cols, i, 0), *type = PQgetvalue(cols, i, 1);
		if (strcmp(PQgetvalue(cols, i, 2), "t")) {
			pii_buf_printf(&unread, "%s%s", unread.len ? ", " : "", name);
			continue;
		}
		if (skipped_type(type))
			continue;
		char *quoted = PQescapeIdentifier(t->c, name, strlen(name));
		if (!quoted)
			continue;
		pii_buf_printf(&list, "%s%s", list.len ? ", " : "", quoted);
		PQfreemem(quoted);
		t->binary[t->n_columns] = !strcmp(type, "bytea");
		t->json[t->n_columns] = !strcmp(type, "json") || !strcmp(type, "jsonb");
		t->contexts[t->n_columns] = pii_column_context(name, PQgetvalue(cols, i, 3));
		t->columns[t->n_columns++] = strdup(name);
	}
	if (unread.len)
		t->unread = strdup(pii_buf_cstr(&unread));
	pii_buf_free(&unread);
	if (!list.len || list.oom) {
		pii_buf_free(&list);
		return NULL;
	}
	char *out = strdup(pii_buf_cstr(&list));
	pii_buf_free(&list);
	return out;
}

/* The statement that reads the table, or its sample; *sampled tells
 * which. */
static char *read_sql(struct pg_table *t, const char *list, bool *sampled)
{
	char *qs = PQescapeIdentifier(t->c, t->schema, strlen(t->schema));
	char *qn = PQescapeIdentifier(t->c, t->name, strlen(t->name));
	char *sql = NULL;
	uint64_t want = t->s->opt->sample_rows;
	*sampled = want && t->estimate > (double)want;
	int rc;
	if (!qs || !qn)
		rc = -1;
	else if (*sampled) {
		/* a quarter more than needed: a sample's size varies */
		double pct = 100.0 * (double)want * 1.25 / t->estimate;
		const char *method = t->estimate > 100.0 * (double)want ? "SYSTEM" : "BERNOULLI";
		rc = asprintf(&sql, "SELECT %s FROM %s.%s TABLESAMPLE %s (%.6f) LIMIT %llu", list, qs,
			      qn, method, pct > 100 ? 100 : pct, (unsigned long long)want);
	} else if (want && t->estimate < 0) {
		/* never analysed: no estimate to sample by; the first rows */
		rc = asprintf(&sql, "SELECT %s FROM %s.%s LIMIT %llu", list, qs, qn,
			      (unsigned long long)want);
	} else {
		rc = asprintf(&sql, "SELECT %s FROM %s.%s", list, qs, qn);
	}
	PQfreemem(qs);
	PQfreemem(qn);
	return rc < 0 ? NULL : sql;
}

static unsigned nibble(char c)
{
	return c >= 'a' ? (unsigned)(c - 'a' + 10) : c >= 'A' ? (unsigned)(c - 'A' + 10)
							       : (unsigned)(c - '0') & 15;
}

/* One value of column col: a bytea's hex text ("\\x4a61...") decoded first. */
static void put_value(struct pg_table *t, int col, const char *v, size_t len)
{
	struct pii_loc loc = {.file = t->s->path, .table = t->shown, .column = t->columns[col],
			      .context = t->contexts[col]};
	if (!t->binary[col]) {
		t->cell.st = pii_cell_put_value(&t->cell, &loc,
						t->json[col] ? PII_COLUMN_JSON : PII_COLUMN_TEXT, v, len);
		return;
	}
	if (len < 2 || v[0] != '\\' || v[1] != 'x')
		return;
	size_t n = (len - 2) / 2;
	char *bytes = malloc(n ? n : 1);
	if (!bytes) {
		t->cell.st = PII_EOBJECT;
		return;
	}
	for (size_t i = 0; i < n; i++)
		bytes[i] = (char)(nibble(v[2 + 2 * i]) << 4 | nibble(v[3 + 2 * i]));
	t->cell.st = pii_cell_put_value(&t->cell, &loc, PII_COLUMN_BINARY, bytes, n);
	free(bytes);
}

/* Reads the rows of the cursor; the rows read, with *why set on an
 * error of the server. */
static uint64_t read_rows(struct pg_table *t, char *why, size_t whylen)
{
	uint64_t rows = 0;
	char fetch[64];
	snprintf(fetch, sizeof(fetch), "FETCH FORWARD %d FROM piiscan_rows", t->fetch_rows);
	for (;;) {
		if (pii_input_expired(&(struct pii_input){.budget = t->s->budget})) {
			snprintf(why, whylen, "stopped after %llu rows", (unsigned long long)rows);
			break;
		}
		PGresult *res = PQexec(t->c, fetch);
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			pg_message(PQresultErrorMessage(res), why, whylen);
			PQclear(res);
			break;
		}
		int n = PQntuples(res);
		for (int i = 0; i < n && t->cell.st == PII_OK; i++) {
			pii_sink_set_row(t->s->out, ++rows);
			for (int c = 0; c < t->n_columns && t->cell.st == PII_OK; c++)
				if (!PQgetisnull(res, i, c) && PQgetlength(res, i, c) > 0)
					put_value(t, c, PQgetvalue(res, i, c),
						  (size_t)PQgetlength(res, i, c));
		}
		PQclear(res);
		if (n < t->fetch_rows || t->cell.st != PII_OK)
			break;
	}
	pii_sink_set_row(t->s->out, 0);
	return rows;
}

/* The statement_timeout of a table: what is left of its time. */
static long timeout_ms(const struct pii_budget *b)
{
	if (!b->deadline)
		return 0;
	double left = b->deadline - pii_now_monotonic();
	return left < 1 ? 1000 : (long)(left * 1000);
}

static void read_table(struct pg_table *t)
{
	struct pii_source_scan *s = t->s;
	char why[500] = "", sql[200];
	snprintf(sql, sizeof(sql),
		 "BEGIN TRANSACTION READ ONLY; SET LOCAL statement_timeout = %ld; "
		 "SET LOCAL lock_timeout = %d",
		 timeout_ms(s->budget), LOCK_TIMEOUT_MS);
	if (!run(t->c, sql, why, sizeof(why))) {
		pii_file_result_setf(s->res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, "not read: %s",
				     why);
		return;
	}
	PGresult *found = look_up(t);
	if (!found || PQresultStatus(found) != PGRES_TUPLES_OK) {
		if (found)
			pg_message(PQresultErrorMessage(found), why, sizeof(why));
		if (found)
			pii_file_result_setf(s->res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED,
					     "not read: %s", why);
		else
			pii_file_result_set(s->res, PII_FILE_FAILED, PII_CODE_GONE,
					    "gone before it was read (dropped or renamed during "
					    "the scan)");
		PQclear(found);
		return;
	}
	t->oid = strdup(PQgetvalue(found, 0, 0));
	t->estimate = strtod(PQgetvalue(found, 0, 1), NULL);
	double row_bytes = t->estimate > 0 ? strtod(PQgetvalue(found, 0, 6), NULL) / t->estimate : 0;
	t->fetch_rows = row_bytes * FETCH_ROWS > FETCH_BYTES ? (int)(FETCH_BYTES / row_bytes) + 1
							       : FETCH_ROWS;
	s->res->size = strtoull(PQgetvalue(found, 0, 2), NULL, 10);
	/* for --state: the table's changes since the server's statistics
	 * began, with its oid; a table changed reads again */
	s->res->mtime_ns = (int64_t)strtoll(PQgetvalue(found, 0, 3), NULL, 10);
	s->res->ino = strtoull(PQgetvalue(found, 0, 0), NULL, 10);
	/* A table keeps no time of its last change: a database in use holds
	 * current data, so its time is when it was read (never a deletion
	 * candidate by age). */
	s->res->mtime = (int64_t)time(NULL);
	snprintf(s->res->owner, sizeof(s->res->owner), "%s", PQgetvalue(found, 0, 4));
	snprintf(s->res->type, sizeof(s->res->type), "PostgreSQL table");
	PQclear(found);

	const char *params[] = {t->oid};
	PGresult *cols = PQexecParams(t->c, columns_sql, 1, NULL, params, NULL, NULL, 0);
	char *list = PQresultStatus(cols) == PGRES_TUPLES_OK ? select_list(t, cols) : NULL;
	PQclear(cols);
	if (!list) {
		pii_file_result_setf(s->res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED,
				     "not read: permission denied: the user may read none of its "
				     "columns (%s)",
				     t->unread ? t->unread : "none");
		return;
	}
	bool sampled;
	char *select = read_sql(t, list, &sampled);
	free(list);
	char *declare = NULL;
	if (!select || asprintf(&declare, "DECLARE piiscan_rows NO SCROLL CURSOR FOR %s", select) < 0) {
		free(select);
		pii_file_result_set(s->res, PII_FILE_FAILED, PII_CODE_OUT_OF_MEMORY, "out of memory");
		return;
	}
	free(select);
	bool declared = run(t->c, declare, why, sizeof(why));
	free(declare);
	if (!declared) {
		pii_file_result_setf(s->res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, "not read: %s",
				     why);
		return;
	}
	uint64_t rows = read_rows(t, why, sizeof(why));
	uint64_t total = sampled ? (uint64_t)llround(t->estimate) : rows;
	if (rows)
		pii_sink_table_sampled(s->out, s->path, t->shown, rows, total);
	if (*why) {
		char msg[700];
		snprintf(msg, sizeof(msg), "read in part (%llu rows): %s; findings up to there are kept",
			 (unsigned long long)rows, why);
		bool timeout = strstr(why, "statement timeout") || strstr(why, "stopped after");
		pii_file_result_set(s->res, PII_FILE_PARTIAL,
				    timeout ? PII_CODE_TIMEOUT : PII_CODE_READ_ERROR, msg);
		s->res->transient = true;
	} else if (t->cell.st != PII_OK) {
		pii_file_result_set(s->res, PII_FILE_PARTIAL, PII_CODE_OUT_OF_MEMORY,
				    "out of memory while scanning; some findings may be missing");
	} else if (t->unread) {
		pii_file_result_setf(s->res, PII_FILE_PARTIAL, PII_CODE_OPEN_FAILED,
				     "permission denied for some columns, not read: %s", t->unread);
	} else {
		pii_file_result_set(s->res, PII_FILE_SCANNED, NULL, NULL);
	}
	s->res->bytes_read = s->res->size;
}

static void pg_scan(struct pii_source_scan *s)
{
	const struct pg_root *r = pii_source_root_of(&roots, s->path, '!');
	const char *bang = strchr(s->path, '!');
	char why[400] = "";
	PGconn *c = r && bang ? thread_connection(r, why, sizeof(why)) : NULL;
	if (!c) {
		char msg[500];
		snprintf(msg, sizeof(msg), "not read: %s", *why ? why : "no such database given");
		pii_file_result_set(s->res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, msg);
		return;
	}
	struct pg_table t = {.s = s, .root = r, .c = c, .shown = bang + 1};
	t.cell.out = s->out;
	read_table(&t);
	/* whatever happened, the transaction ends here: nothing is held
	 * open past this table */
	PGresult *end = PQexec(c, "ROLLBACK");
	PQclear(end);
	pii_cell_free(&t.cell);
	for (int i = 0; t.columns && t.columns[i]; i++)
		free(t.columns[i]);
	for (int i = 0; t.contexts && i < t.n_columns; i++)
		free(t.contexts[i]);
	free(t.contexts);
	free(t.columns);
	free(t.binary);
	free(t.json);
	free(t.unread);
	free(t.schema);
	free(t.name);
	free(t.oid);
}

static bool pg_identity(const char *path, const struct pii_options *opt,
			struct pii_source_identity *id)
{
	const struct pg_root *r = pii_source_root_of(&roots, path, '!');
	const char *bang = strchr(path, '!');
	char why[300];
	PGconn *c = r && bang ? thread_connection(r, why, sizeof(why)) : NULL;
	if (!c)
		return false;
	struct pii_source_scan s = {.path = path, .opt = opt};
	struct pg_table t = {.s = &s, .root = r, .c = c, .shown = bang + 1};
	PGresult *found = look_up(&t);
	/* a standby counts no changes (replayed ones are not counted): its
	 * tables are read again each time */
	bool ok = found && PQresultStatus(found) == PGRES_TUPLES_OK &&
		  strcmp(PQgetvalue(found, 0, 5), "t");
	if (ok)
		*id = (struct pii_source_identity){
			.size = strtoull(PQgetvalue(found, 0, 2), NULL, 10),
			.mtime_ns = (int64_t)strtoll(PQgetvalue(found, 0, 3), NULL, 10),
			.ino = strtoull(PQgetvalue(found, 0, 0), NULL, 10),
		};
	PQclear(found);
	free(t.schema);
	free(t.name);
	return ok;
}

static void pg_thread_end(void)
{
	PQfinish(thread_conn);
	thread_conn = NULL;
	thread_conn_root = NULL;
}

static void pg_fini(void)
{
	pii_source_roots_free(&roots, free_root_fields);
}

const struct pii_source pii_source_postgres = {
	.name = "postgres",
	.schemes = "postgres postgresql",
	.prepare = pg_prepare,
	.walk = pg_walk,
	.scan = pg_scan,
	.identity = pg_identity,
	.thread_end = pg_thread_end,
	.fini = pg_fini,
};
