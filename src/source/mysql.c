/*
 * mysql.c - live MariaDB and MySQL databases through libmariadb: mysql://,
 * mariadb://. Every base table the catalogue lists is a unit of work
 * ("mysql://db1/webshop!customers"), read by a worker on its own
 * connection. A URL without a database reads every database the user may
 * see but the server's own (information_schema, performance_schema,
 * mysql, sys); its tables are shown as "db.table" under "mysql://host".
 *
 * Reading never gets in anyone's way: each table is read in a transaction
 * of its own, READ ONLY on a consistent snapshot, with the file's time as
 * max_statement_time (MariaDB; max_execution_time on MySQL) and a short
 * lock_wait_timeout (a table being altered is reported, not waited for
 * while writers queue behind us). Rows are streamed (mysql_use_result):
 * memory stays bounded however large the table.
 *
 * A table larger than --sample-rows is sampled from across it: with a
 * single integer primary key, in chunks that start at evenly spaced key
 * values; without one, its first rows (ORDER BY RAND() would read and
 * sort the whole table, which sampling is there to avoid).
 *
 * The password is never on the command line: the client's own places
 * (MYSQL_PWD, ~/.my.cnf's [client]), --db-password-file, or asked for on
 * a terminal once, in prepare, and kept in memory for the workers'
 * connections until the end of the run.
 */
#include <mysql.h>
#include <mysqld_error.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>

#include "pii_column.h"
#include "pii_source.h"
#include "pii_util.h"

/* How long a table's metadata lock may be waited for, in seconds. */
#define LOCK_WAIT_SECONDS 5

/* A sample is read in up to this many chunks across the key range. */
#define SAMPLE_CHUNKS 16

/* Rows between two looks at the file's time. */
#define CHECK_EVERY 256

/* MySQL's "maximum statement execution time exceeded" (3024). */
#define ER_MYSQL_QUERY_TIMEOUT 3024

/* A database (or server) given to scan, from prepare to the end of the
 * run. */
struct my_root {
	struct pii_source_root base; /* display: mysql://host[:port][/db] */
	char *user, *host, *socket, *db; /* NULL: the client's defaults; db NULL: all */
	unsigned port;
	char *password;  /* from --db-password-file or asked; NULL: the client's */
};

static struct pii_source_roots roots = {.size = sizeof(struct my_root)};
static bool library_ready;

/* A worker's connection, kept for the next table of the same root. */
static __thread MYSQL *thread_conn;
static __thread const struct my_root *thread_conn_root;

/* A connection to r; NULL with the server's words in why and its error
 * number in *error. */
static MYSQL *connect_root(const struct my_root *r, unsigned *error, char *why, size_t whylen)
{
	*error = 0;
	MYSQL *m = mysql_init(NULL);
	if (!m) {
		snprintf(why, whylen, "out of memory");
		return NULL;
	}
	unsigned timeout = 15, no_infile = 0;
	/* ~/.my.cnf's [client]: user, password, socket, as the mariadb
	 * client reads them */
	mysql_options(m, MYSQL_READ_DEFAULT_GROUP, "client");
	mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(m, MYSQL_OPT_LOCAL_INFILE, &no_infile);
	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_optionsv(m, MYSQL_OPT_CONNECT_ATTR_ADD, "program_name", "piiscan");
	const char *host = r->socket ? "localhost" : r->host;
	if (!mysql_real_connect(m, host, r->user, r->password, r->db, r->port, r->socket, 0) ||
	    /* a my.cnf's default-character-set must not change what we read */
	    mysql_set_character_set(m, "utf8mb4")) {
		*error = mysql_errno(m);
		snprintf(why, whylen, "%s", mysql_error(m));
		mysql_close(m);
		return NULL;
	}
	return m;
}

static bool is_mariadb(MYSQL *m)
{
	const char *v = mysql_get_server_info(m);
	return v && strstr(v, "MariaDB");
}

/* Runs a statement that returns no rows; false with the server's words. */
static bool run(MYSQL *m, const char *sql, char *why, size_t whylen)
{
	if (!mysql_real_query(m, sql, strlen(sql))) {
		MYSQL_RES *res = mysql_store_result(m);
		mysql_free_result(res);
		return true;
	}
	snprintf(why, whylen, "%s", mysql_error(m));
	return false;
}

/* A query's whole (small) result; NULL with the server's words in why. */
static MYSQL_RES *query(MYSQL *m, const char *sql, char *why, size_t whylen)
{
	MYSQL_RES *res = NULL;
	if (mysql_real_query(m, sql, strlen(sql)) || !(res = mysql_store_result(m)))
		snprintf(why, whylen, "%s", mysql_errno(m) ? mysql_error(m) : "out of memory");
	return res;
}

/* s as an SQL string literal, malloc'd. */
static char *sql_string(MYSQL *m, const char *s)
{
	size_t n = strlen(s);
	char *out = malloc(2 * n + 3);
	if (!out)
		return NULL;
	out[0] = '\'';
	unsigned long len = mysql_real_escape_string(m, out + 1, s, (unsigned long)n);
	out[len + 1] = '\'';
	out[len + 2] = '\0';
	return out;
}

/* name as an identifier (`a``b`), malloc'd. */
static char *sql_name(const char *name)
{
	struct pii_buf b = {0};
	pii_buf_putc(&b, '`');
	for (const char *p = name; *p; p++) {
		if (*p == '`')
			pii_buf_putc(&b, '`');
		pii_buf_putc(&b, *p);
	}
	pii_buf_putc(&b, '`');
	char *out = b.oom ? NULL : strdup(pii_buf_cstr(&b));
	pii_buf_free(&b);
	return out;
}

/* What a root holds besides given and display. */
static void free_root_fields(void *root)
{
	struct my_root *r = root;
	free(r->user);
	free(r->host);
	free(r->socket);
	free(r->db);
	pii_secret_free(r->password);
}

/* Takes the URL apart into r; false with a message in err. */
static bool root_from_url(const char *root, struct my_root *r, char *err, size_t errlen)
{
	struct pii_url u;
	if (!pii_url_parse(root, &u, err, errlen))
		return false;
	if (pii_url_has_password(&u)) {
		pii_url_free(&u);
		snprintf(err, errlen,
			 "a password in a URL would show in the process list and the shell's "
			 "history: give it in MYSQL_PWD, ~/.my.cnf or --db-password-file");
		return false;
	}
	bool ok = false;
	r->socket = pii_url_query(&u, "socket");
	if (r->socket && u.host && strcmp(u.host, "localhost")) {
		snprintf(err, errlen, "URL '%s': ?socket= is for host localhost (or none)", root);
	} else if (u.path && strchr(u.path, '/')) {
		snprintf(err, errlen, "URL '%s': the path is one database: mysql://USER@HOST[:PORT]/DB",
			 root);
	} else if (u.port && (strlen(u.port) > 5 || atoi(u.port) > 65535)) {
		snprintf(err, errlen, "URL '%s': no such port", root);
	} else {
		ok = true;
	}
	r->port = u.port ? (unsigned)atoi(u.port) : 0;
	/* the parts are the root's now */
	r->user = u.user;
	r->host = u.host;
	r->db = u.path;
	u.user = u.host = u.path = NULL;
	pii_url_free(&u);
	if (!ok)
		return false;

	/* shown without the user: the same tables, whoever reads them */
	bool local = r->socket || !r->host;
	const char *host = local ? "localhost" : r->host;
	bool v6 = strchr(host, ':') != NULL;
	char port[16] = "";
	if (r->port && r->port != 3306)
		snprintf(port, sizeof(port), ":%u", r->port);
	if (asprintf(&r->base.display, "mysql://%s%s%s%s%s%s", v6 ? "[" : "", host, v6 ? "]" : "", port,
		     r->db ? "/" : "", r->db ? r->db : "") < 0) {
		r->base.display = NULL;
		snprintf(err, errlen, "out of memory");
		return false;
	}
	return true;
}

static bool my_prepare(const char *root, const struct pii_options *opt, char *err, size_t errlen)
{
	if (pii_source_root_given(&roots, root))
		return true;
	if (!library_ready) {
		/* not thread-safe: here, on the main thread, before the workers */
		if (mysql_library_init(0, NULL, NULL)) {
			snprintf(err, errlen, "the MariaDB client library could not start");
			return false;
		}
		library_ready = true;
	}
	struct my_root r = {0};
	if (!root_from_url(root, &r, err, errlen) || !(r.base.given = strdup(root))) {
		if (!r.base.given && r.base.display)
			snprintf(err, errlen, "out of memory");
		pii_source_root_discard(&r, free_root_fields);
		return false;
	}
	const char *pw_file = pii_db_password_file(opt, root);
	if (pw_file && !(r.password = pii_read_password_file(pw_file, err, errlen))) {
		pii_source_root_discard(&r, free_root_fields);
		return false;
	}
	unsigned error;
	char why[400];
	MYSQL *m = connect_root(&r, &error, why, sizeof(why));
	if (!m && !r.password &&
	    (error == ER_ACCESS_DENIED_ERROR || error == ER_ACCESS_DENIED_NO_PASSWORD_ERROR)) {
		char prompt[400];
		snprintf(prompt, sizeof(prompt), "Password for %s%s%s: ", r.user ? r.user : "",
			 r.user ? " on " : "", r.base.display);
		if ((r.password = pii_ask_password(prompt)))
			m = connect_root(&r, &error, why, sizeof(why));
	}
	if (!m) {
		snprintf(err, errlen, "cannot connect to the database of '%s': %s", root, why);
		pii_source_root_discard(&r, free_root_fields);
		return false;
	}
	mysql_close(m);
	if (!pii_source_root_add(&roots, &r)) {
		pii_source_root_discard(&r, free_root_fields);
		snprintf(err, errlen, "out of memory");
		return false;
	}
	return true;
}

/* ---- the walk: every base table of the catalogue -------------------------------- */

static enum pii_status my_walk(const struct pii_source_walk *w, const char *root)
{
	const struct my_root *r = pii_source_root_given(&roots, root);
	if (!r) {
		w->problem(w->walker, root, PII_FILE_FAILED, PII_CODE_OPEN_FAILED,
			   "database not prepared (internal error)");
		return PII_OK;
	}
	unsigned error;
	char why[400] = "", msg[500];
	MYSQL *m = connect_root(r, &error, why, sizeof(why));
	char *db = m && r->db ? sql_string(m, r->db) : NULL;
	char *sql = NULL;
	MYSQL_RES *res = NULL;
	/* views hold no data of their own; system-versioned tables do */
	if (m && (!r->db || db) &&
	    asprintf(&sql,
		     "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES "
		     "WHERE TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') AND %s%s "
		     "ORDER BY 1, 2",
		     db ? "TABLE_SCHEMA = " : "TABLE_SCHEMA NOT IN ('information_schema', "
					       "'performance_schema', 'mysql', 'sys')",
		     db ? db : "") >= 0)
		res = query(m, sql, why, sizeof(why));
	free(sql);
	free(db);
	if (!res) {
		snprintf(msg, sizeof(msg), "tables not listed: %s", *why ? why : "out of memory");
		w->problem(w->walker, r->base.display, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, msg);
		mysql_close(m);
		return PII_OK;
	}
	enum pii_status st = PII_OK;
	MYSQL_ROW row;
	while (st == PII_OK && (row = mysql_fetch_row(res))) {
		char *name = NULL, *path = NULL;
		int rc = r->db ? asprintf(&name, "%s", row[1])
			       : asprintf(&name, "%s.%s", row[0], row[1]);
		if (rc < 0 || asprintf(&path, "%s!%s", r->base.display, name) < 0) {
			if (rc >= 0)
				free(name);
			st = PII_EFATAL;
			break;
		}
		st = w->unit(w->walker, path, name);
		free(path);
		free(name);
	}
	mysql_free_result(res);
	mysql_close(m);
	return st;
}

/* ---- a table's figures: for the inventory and --state ---------------------------- */

struct my_figures {
	uint64_t estimate;   /* rows, by the catalogue */
	uint64_t size;       /* DATA_LENGTH */
	int64_t updated;     /* UPDATE_TIME, Unix time; 0 when not known */
	int64_t change;      /* what --state compares: the above and the max key */
	uint64_t ino;        /* a hash of schema.table */
	char *key;           /* the single integer primary key, quoted; NULL: none */
};

/* The table's schema and name from the job's shown name: the root's
 * database and the name, or "db.table" (a database's name has no dot
 * here: the first one parts them). */
static bool split_shown(const struct my_root *r, const char *shown, char **schema, char **name)
{
	const char *dot = strchr(shown, '.');
	if (r->db) {
		*schema = strdup(r->db);
		*name = strdup(shown);
	} else if (dot) {
		*schema = strndup(shown, (size_t)(dot - shown));
		*name = strdup(dot + 1);
	} else {
		*schema = *name = NULL;
		return false;
	}
	return *schema && *name;
}

static bool integer_type(const char *t)
{
	static const char *const ints[] = {"tinyint", "smallint", "mediumint", "int", "bigint",
					   NULL};
	for (size_t i = 0; ints[i]; i++)
		if (!strcmp(t, ints[i]))
			return true;
	return false;
}

/* Looks the table up: 1 found, 0 gone, -1 an error (in why). */
static int figures(MYSQL *m, const char *schema, const char *name, struct my_figures *f,
		   char *why, size_t whylen)
{
	*f = (struct my_figures){0};
	char *qs = sql_string(m, schema), *qn = sql_string(m, name), *sql = NULL;
	MYSQL_RES *tab = NULL, *key = NULL, *max = NULL;
	int found = -1;
	if (!qs || !qn ||
	    asprintf(&sql,
		     "SELECT TABLE_ROWS, DATA_LENGTH, UNIX_TIMESTAMP(UPDATE_TIME) "
		     "FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s",
		     qs, qn) < 0) {
		snprintf(why, whylen, "out of memory");
		sql = NULL;
		goto out;
	}
	if (!(tab = query(m, sql, why, whylen)))
		goto out;
	MYSQL_ROW row = mysql_fetch_row(tab);
	if (!row) {
		found = 0;
		goto out;
	}
	f->estimate = row[0] ? strtoull(row[0], NULL, 10) : 0;
	f->size = row[1] ? strtoull(row[1], NULL, 10) : 0;
	f->updated = row[2] ? strtoll(row[2], NULL, 10) : 0;
	uint64_t h = pii_fnv1a_bytes(PII_FNV1A_START, schema, strlen(schema) + 1);
	h = pii_fnv1a_bytes(h, name, strlen(name));
	f->ino = h ? h : 1;

	/* a single integer primary key the user may read: sampled by its
	 * range, and its largest value tells rows added since */
	free(sql);
	if (asprintf(&sql,
		     "SELECT COLUMN_NAME, DATA_TYPE, PRIVILEGES FROM information_schema.COLUMNS "
		     "WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s AND COLUMN_KEY = 'PRI'",
		     qs, qn) < 0) {
		sql = NULL;
		snprintf(why, whylen, "out of memory");
		goto out;
	}
	if (!(key = query(m, sql, why, whylen)))
		goto out;
	const char *max_key = "";
	if (mysql_num_rows(key) == 1 && (row = mysql_fetch_row(key)) && integer_type(row[1]) &&
	    row[2] && strstr(row[2], "select")) {
		char *qk = sql_name(row[0]), *qname = sql_name(name);
		char *qschema = sql_name(schema);
		free(sql);
		sql = NULL;
		bool asked = qk && qname && qschema &&
			     asprintf(&sql, "SELECT MAX(%s) FROM %s.%s", qk, qschema, qname) >= 0;
		if (!asked)
			sql = NULL;
		max = asked ? query(m, sql, why, whylen) : NULL;
		row = max ? mysql_fetch_row(max) : NULL;
		if (row && row[0]) {
			max_key = row[0];
			f->key = qk;
			qk = NULL;
		}
		free(qk);
		free(qname);
		free(qschema);
		/* the table locked (lock_wait_timeout) or out of time */
		if (!max) {
			if (!asked)
				snprintf(why, whylen, "out of memory");
			goto out;
		}
	}
	char change[128];
	snprintf(change, sizeof(change), "%lld|%llu|%s", (long long)f->updated,
		 (unsigned long long)f->estimate, max_key);
	/* a table whose row estimate, update time or max key moved is read
	 * again */
	f->change = (int64_t)(pii_fnv1a(change) >> 1);
	found = 1;
out:
	mysql_free_result(tab);
	mysql_free_result(key);
	mysql_free_result(max);
	free(sql);
	free(qs);
	free(qn);
	return found;
}

/* ---- reading one table ------------------------------------------------------------ */

struct my_table {
	struct pii_source_scan *s;
	const struct my_root *root;
	MYSQL *m;
	const char *shown;        /* as in the job path */
	char *schema, *name;
	char *from;               /* `schema`.`name` */
	struct my_figures fig;
	struct pii_cell cell;
	char **columns;           /* names, of the columns read */
	bool *binary;             /* blob, binary: read for its strings */
	bool *json;               /* JSON: read with key paths */
	char **contexts;          /* "name: comment" of a commented column, else NULL */
	int n_columns;
	char *unread;             /* the columns the user may not read, listed */
	uint64_t rows;            /* read so far */
	char why[500];            /* the server's error; "" when none */
	bool at_query;            /* the error came before any row */
	bool timeout;             /* it was the file's time */
	bool cut;                 /* the connection was shut mid-read */
};

static MYSQL *thread_connection(const struct my_root *r, char *why, size_t whylen)
{
	if (thread_conn && (thread_conn_root != r || mysql_ping(thread_conn))) {
		mysql_close(thread_conn);
		thread_conn = NULL;
	}
	if (thread_conn)
		return thread_conn;
	unsigned error;
	MYSQL *m = connect_root(r, &error, why, whylen);
	if (!m)
		return NULL;
	/* for the whole session: nothing written, a table being altered is
	 * not waited for, and a slow reader of a large cell is not dropped */
	char sql[100];
	snprintf(sql, sizeof(sql), "SET SESSION lock_wait_timeout = %d", LOCK_WAIT_SECONDS);
	if (!run(m, "SET SESSION TRANSACTION READ ONLY", why, whylen) || !run(m, sql, why, whylen) ||
	    !run(m, "SET SESSION net_write_timeout = 600", why, whylen)) {
		mysql_close(m);
		return NULL;
	}
	snprintf(sql, sizeof(sql), "SET SESSION innodb_lock_wait_timeout = %d", LOCK_WAIT_SECONDS);
	char ignored[200];
	run(m, sql, ignored, sizeof(ignored)); /* a server without InnoDB */
	thread_conn = m;
	thread_conn_root = r;
	return m;
}

/* The error of the last statement, kept in t. */
static void server_error(struct my_table *t, bool at_query)
{
	unsigned e = mysql_errno(t->m);
	snprintf(t->why, sizeof(t->why), "%s", e ? mysql_error(t->m) : "out of memory");
	t->at_query = at_query;
	t->timeout = e == ER_STATEMENT_TIMEOUT || e == ER_MYSQL_QUERY_TIMEOUT;
}

/* The statement's time: what is left of the table's. */
static bool set_time_limit(struct my_table *t)
{
	double left = 0;
	if (t->s->budget && t->s->budget->deadline) {
		left = t->s->budget->deadline - pii_now_monotonic();
		if (left < 1)
			left = 1;
	}
	char sql[100];
	if (is_mariadb(t->m))
		snprintf(sql, sizeof(sql), "SET SESSION max_statement_time = %.3f", left);
	else
		snprintf(sql, sizeof(sql), "SET SESSION max_execution_time = %lld",
			 (long long)(left * 1000));
	if (run(t->m, sql, t->why, sizeof(t->why)))
		return true;
	t->at_query = true;
	return false;
}

/* Types that hold no personal data: measures, bits, shapes. */
static bool skipped_type(const char *type)
{
	static const char *const skip[] = {"float", "double", "bit", "geometry", "point",
					   "linestring", "polygon", "multipoint", "multilinestring",
					   "multipolygon", "geometrycollection", NULL};
	for (size_t i = 0; skip[i]; i++)
		if (!strcmp(type, skip[i]))
			return true;
	return false;
}

static bool binary_type(const char *type)
{
	static const char *const bin[] = {"tinyblob", "blob", "mediumblob", "longblob", "binary",
					  "varbinary", NULL};
	for (size_t i = 0; bin[i]; i++)
		if (!strcmp(type, bin[i]))
			return true;
	return false;
}

/* The SELECT list of the columns the user may read; the others are
 * listed in t->unread. NULL when none may be read (*none set), or out of
 * memory. */
static char *select_list(struct my_table *t, bool *none)
{
	*none = false;
	char *qs = sql_string(t->m, t->schema), *qn = sql_string(t->m, t->name), *sql = NULL;
	MYSQL_RES *cols = NULL;
	/* a JSON column: MySQL's type; MariaDB's is a LONGTEXT that the
	 * check json_valid(`column`) guards */
	const char *json = is_mariadb(t->m)
		? "EXISTS (SELECT 1 FROM information_schema.CHECK_CONSTRAINTS k "
		  "WHERE k.CONSTRAINT_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME "
		  "AND k.CHECK_CLAUSE = CONCAT('json_valid(`', c.COLUMN_NAME, '`)'))"
		: "c.DATA_TYPE = 'json'";
	if (qs && qn &&
	    asprintf(&sql,
		     "SELECT c.COLUMN_NAME, c.DATA_TYPE, c.PRIVILEGES, %s, c.COLUMN_COMMENT "
		     "FROM information_schema.COLUMNS c WHERE c.TABLE_SCHEMA = %s AND "
		     "c.TABLE_NAME = %s ORDER BY c.ORDINAL_POSITION",
		     json, qs, qn) >= 0)
		cols = query(t->m, sql, t->why, sizeof(t->why));
	else
		sql = NULL;
	free(sql);
	free(qs);
	free(qn);
	if (!cols) {
		t->at_query = true;
		return NULL;
	}
	size_t n = mysql_num_rows(cols);
	struct pii_buf list = {0}, unread = {0};
	t->columns = calloc(n + 1, sizeof(char *));
	t->binary = calloc(n + 1, sizeof(bool));
	t->json = calloc(n + 1, sizeof(bool));
	t->contexts = calloc(n + 1, sizeof(char *));
	MYSQL_ROW row;
	while (t->columns && t->binary && t->json && t->contexts &&
	       (row = mysql_fetch_row(cols))) {
		const char *name = row[0], *type = row[1] ? row[1] : "", *priv = row[2] ? row[2] : "";
		if (!strstr(priv, "select")) {
			pii_buf_printf(&unread, "%s%s", unread.len ? ", " : "", name);
			continue;
		}
		if (skipped_type(type))
			continue;
		char *quoted = sql_name(name);
		if (!quoted)
			continue;
		pii_buf_printf(&list, "%s%s", list.len ? ", " : "", quoted);
		free(quoted);
		t->binary[t->n_columns] = binary_type(type);
		t->json[t->n_columns] = row[3] && !strcmp(row[3], "1");
		t->contexts[t->n_columns] = pii_column_context(name, row[4]);
		t->columns[t->n_columns++] = strdup(name);
	}
	mysql_free_result(cols);
	if (unread.len)
		t->unread = strdup(pii_buf_cstr(&unread));
	pii_buf_free(&unread);
	char *out = list.len && !list.oom ? strdup(pii_buf_cstr(&list)) : NULL;
	*none = !list.len && !list.oom && t->columns && t->binary && t->json && t->contexts;
	pii_buf_free(&list);
	return out;
}

static void put_value(struct my_table *t, int col, const char *v, size_t len)
{
	struct pii_loc loc = {.file = t->s->path, .table = t->shown, .column = t->columns[col],
			      .context = t->contexts[col]};
	enum pii_column_kind kind = t->json[col]     ? PII_COLUMN_JSON
				    : t->binary[col] ? PII_COLUMN_BINARY
						     : PII_COLUMN_TEXT;
	t->cell.st = pii_cell_put_value(&t->cell, &loc, kind, v, len);
}

/* Stops a streamed result mid-way: libmariadb would read the rest of it
 * to free it; with the socket shut, that ends at once, and the server
 * ends the statement and the transaction when it sees the connection
 * go. */
static void cut(struct my_table *t)
{
	my_socket fd = mysql_get_socket(t->m);
	if (fd >= 0)
		shutdown(fd, SHUT_RDWR);
	t->cut = true;
}

/* Runs one SELECT and scans its rows as they come; *got counts them.
 * false when the table's reading ends here (an error, its time, memory). */
static bool read_statement(struct my_table *t, const char *sql, uint64_t *got)
{
	if (!set_time_limit(t))
		return false;
	if (mysql_real_query(t->m, sql, strlen(sql))) {
		server_error(t, t->rows == 0);
		return false;
	}
	MYSQL_RES *res = mysql_use_result(t->m);
	if (!res) {
		server_error(t, t->rows == 0);
		return false;
	}
	MYSQL_ROW row;
	while ((row = mysql_fetch_row(res))) {
		unsigned long *len = mysql_fetch_lengths(res);
		pii_sink_set_row(t->s->out, ++t->rows);
		++*got;
		for (int c = 0; c < t->n_columns && t->cell.st == PII_OK; c++)
			if (row[c] && len[c] > 0)
				put_value(t, c, row[c], len[c]);
		if (t->cell.st != PII_OK) {
			cut(t);
			break;
		}
		if (t->rows % CHECK_EVERY == 0 &&
		    pii_input_expired(&(struct pii_input){.budget = t->s->budget})) {
			snprintf(t->why, sizeof(t->why), "stopped after %llu rows",
				 (unsigned long long)t->rows);
			t->timeout = true;
			cut(t);
			break;
		}
	}
	if (!t->cut && mysql_errno(t->m))
		server_error(t, false);
	mysql_free_result(res);
	return !t->cut && !*t->why;
}

/* A sample from across the range of the integer key: chunks that start
 * at evenly spaced key values, each the next part of what is still
 * wanted (a chunk of a sparse range that comes back short leaves more to
 * the next); false when the key's range could not be had. */
static bool read_key_ranges(struct my_table *t, const char *list, uint64_t want)
{
	char *sql = NULL;
	if (asprintf(&sql, "SELECT MIN(%s), MAX(%s) FROM %s", t->fig.key, t->fig.key, t->from) < 0)
		return false;
	char ignored[200];
	MYSQL_RES *res = query(t->m, sql, ignored, sizeof(ignored));
	free(sql);
	MYSQL_ROW row = res ? mysql_fetch_row(res) : NULL;
	long long lo = 0, hi = 0;
	bool ok = row && row[0] && row[1];
	if (ok) {
		errno = 0;
		lo = strtoll(row[0], NULL, 10);
		hi = strtoll(row[1], NULL, 10);
		ok = errno == 0 && lo <= hi; /* an unsigned key past 2^63: the first rows */
	}
	mysql_free_result(res);
	if (!ok)
		return false;
	uint64_t span = (uint64_t)hi - (uint64_t)lo, chunks = SAMPLE_CHUNKS, got = 0;
	if (chunks > want)
		chunks = want;
	if (span < chunks)
		chunks = span + 1;
	for (uint64_t i = 0; i < chunks && got < want; i++) {
		long long from = (long long)((uint64_t)lo + span / chunks * i + span % chunks * i / chunks);
		uint64_t j = i + 1;
		long long to = (long long)((uint64_t)lo + span / chunks * j + span % chunks * j / chunks);
		uint64_t left = want - got, n = (left + (chunks - i) - 1) / (chunks - i);
		int rc = j < chunks
				 ? asprintf(&sql, "SELECT %s FROM %s WHERE %s >= %lld AND %s < %lld "
						  "ORDER BY %s LIMIT %llu",
					    list, t->from, t->fig.key, from, t->fig.key, to, t->fig.key,
					    (unsigned long long)n)
				 : asprintf(&sql, "SELECT %s FROM %s WHERE %s >= %lld ORDER BY %s LIMIT %llu",
					    list, t->from, t->fig.key, from, t->fig.key,
					    (unsigned long long)n);
		if (rc < 0) {
			snprintf(t->why, sizeof(t->why), "out of memory");
			return true;
		}
		bool more = read_statement(t, sql, &got);
		free(sql);
		if (!more)
			break;
	}
	return true;
}

/* Reads the rows, or a sample of them; *sampled tells which. */
static void read_rows(struct my_table *t, const char *list, bool *sampled)
{
	uint64_t want = t->s->opt->sample_rows, got = 0;
	*sampled = want && t->fig.estimate > want;
	if (*sampled && t->fig.key && read_key_ranges(t, list, want))
		return;
	char *sql = NULL;
	/* without an integer key, the first rows: a sample that is not
	 * spread, but costs no more than reading them */
	int rc = *sampled ? asprintf(&sql, "SELECT %s FROM %s LIMIT %llu", list, t->from,
				     (unsigned long long)want)
			  : asprintf(&sql, "SELECT %s FROM %s", list, t->from);
	if (rc < 0) {
		snprintf(t->why, sizeof(t->why), "out of memory");
		t->at_query = true;
		return;
	}
	read_statement(t, sql, &got);
	free(sql);
}

static void read_table(struct my_table *t)
{
	struct pii_source_scan *s = t->s;
	char *qs = sql_name(t->schema), *qn = sql_name(t->name);
	if (qs && qn && asprintf(&t->from, "%s.%s", qs, qn) < 0)
		t->from = NULL;
	free(qs);
	free(qn);
	if (!t->from) {
		pii_file_result_set(s->res, PII_FILE_FAILED, PII_CODE_OUT_OF_MEMORY, "out of memory");
		return;
	}
	if (!run(t->m, "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY", t->why,
		 sizeof(t->why))) {
		pii_file_result_setf(s->res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, "not read: %s",
				     t->why);
		return;
	}
	int found = figures(t->m, t->schema, t->name, &t->fig, t->why, sizeof(t->why));
	if (found <= 0) {
		if (found < 0)
			pii_file_result_setf(s->res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED,
					     "not read: %s", t->why);
		else
			pii_file_result_set(s->res, PII_FILE_FAILED, PII_CODE_GONE,
					    "gone before it was read (dropped or renamed during "
					    "the scan)");
		return;
	}
	s->res->size = t->fig.size;
	/* InnoDB forgets UPDATE_TIME at a restart: then, as for PostgreSQL,
	 * the time it was read (a database in use holds current data) */
	s->res->mtime = t->fig.updated > 0 ? t->fig.updated : (int64_t)time(NULL);
	s->res->mtime_ns = t->fig.change;
	s->res->ino = t->fig.ino;
	/* no table has an owner of its own here: its database stands for it */
	snprintf(s->res->owner, sizeof(s->res->owner), "%s", t->schema);
	snprintf(s->res->type, sizeof(s->res->type), "%s table",
		 is_mariadb(t->m) ? "MariaDB" : "MySQL");

	bool none;
	char *list = select_list(t, &none);
	if (!list && none) {
		/* nothing the user may SELECT: the server says why */
		char *sql = NULL;
		if (asprintf(&sql, "SELECT * FROM %s LIMIT 0", t->from) >= 0 &&
		    !run(t->m, sql, t->why, sizeof(t->why)))
			pii_file_result_setf(s->res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED,
					     "not read: %s", t->why);
		else
			pii_file_result_setf(s->res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED,
					     "not read: permission denied: the user may read none "
					     "of its columns (%s)",
					     t->unread ? t->unread : "none");
		free(sql);
		return;
	}
	if (!list) {
		if (*t->why)
			pii_file_result_setf(s->res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED,
					     "not read: %s", t->why);
		else
			pii_file_result_set(s->res, PII_FILE_FAILED, PII_CODE_OUT_OF_MEMORY,
					    "out of memory");
		return;
	}
	bool sampled;
	read_rows(t, list, &sampled);
	free(list);
	pii_sink_set_row(s->out, 0);
	if (t->rows)
		pii_sink_table_sampled(s->out, s->path, t->shown, t->rows,
				       sampled ? t->fig.estimate : t->rows);
	if (*t->why && t->at_query) {
		pii_file_result_setf(s->res, PII_FILE_FAILED,
				     t->timeout ? PII_CODE_TIMEOUT : PII_CODE_OPEN_FAILED,
				     "not read: %s", t->why);
		s->res->transient = t->timeout;
	} else if (*t->why) {
		char msg[700];
		snprintf(msg, sizeof(msg), "read in part (%llu rows): %s; findings up to there are kept",
			 (unsigned long long)t->rows, t->why);
		pii_file_result_set(s->res, PII_FILE_PARTIAL,
				    t->timeout ? PII_CODE_TIMEOUT : PII_CODE_READ_ERROR, msg);
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

static void table_free(struct my_table *t)
{
	pii_cell_free(&t->cell);
	for (int i = 0; t->columns && t->columns[i]; i++)
		free(t->columns[i]);
	free(t->columns);
	free(t->binary);
	free(t->json);
	for (int i = 0; t->contexts && i < t->n_columns; i++)
		free(t->contexts[i]);
	free(t->contexts);
	free(t->unread);
	free(t->schema);
	free(t->name);
	free(t->from);
	free(t->fig.key);
}

static void my_scan(struct pii_source_scan *s)
{
	const struct my_root *r = pii_source_root_of(&roots, s->path, '!');
	const char *bang = strchr(s->path, '!');
	char why[400] = "";
	MYSQL *m = r && bang ? thread_connection(r, why, sizeof(why)) : NULL;
	struct my_table t = {.s = s, .root = r, .m = m, .shown = bang ? bang + 1 : NULL};
	if (!m || !split_shown(r, t.shown, &t.schema, &t.name)) {
		char msg[500];
		snprintf(msg, sizeof(msg), "not read: %s",
			 *why ? why : m ? "out of memory or no such table" : "no such database given");
		pii_file_result_set(s->res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, msg);
		table_free(&t);
		return;
	}
	t.cell.out = s->out;
	read_table(&t);
	if (t.cut) {
		/* the server rolls back what it sees closed */
		mysql_close(thread_conn);
		thread_conn = NULL;
	} else {
		/* whatever happened, the transaction ends here: nothing is
		 * held open past this table */
		char ignored[200];
		run(m, "ROLLBACK", ignored, sizeof(ignored));
	}
	table_free(&t);
}

static bool my_identity(const char *path, const struct pii_options *opt,
			struct pii_source_identity *id)
{
	const struct my_root *r = pii_source_root_of(&roots, path, '!');
	const char *bang = strchr(path, '!');
	char why[300];
	MYSQL *m = r && bang ? thread_connection(r, why, sizeof(why)) : NULL;
	char *schema = NULL, *name = NULL;
	if (!m || !split_shown(r, bang + 1, &schema, &name)) {
		free(schema);
		free(name);
		return false;
	}
	struct my_figures f;
	bool ok = figures(m, schema, name, &f, why, sizeof(why)) == 1;
	if (ok)
		*id = (struct pii_source_identity){.size = f.size, .mtime_ns = f.change, .ino = f.ino};
	free(f.key);
	free(schema);
	free(name);
	return ok;
}

static void my_thread_end(void)
{
	if (thread_conn)
		mysql_close(thread_conn);
	thread_conn = NULL;
	thread_conn_root = NULL;
	if (library_ready)
		mysql_thread_end();
}

static void my_fini(void)
{
	pii_source_roots_free(&roots, free_root_fields);
	if (library_ready)
		mysql_library_end();
	library_ready = false;
}

const struct pii_source pii_source_mysql = {
	.name = "mysql",
	.schemes = "mysql mariadb",
	.prepare = my_prepare,
	.walk = my_walk,
	.scan = my_scan,
	.identity = my_identity,
	.thread_end = my_thread_end,
	.fini = my_fini,
};
