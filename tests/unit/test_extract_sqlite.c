/*
 * The SQLite extractor through the recording sink: every row of every
 * table, located by table and column; numbers with a fraction and
 * binary blobs left out; views and SQLite's own tables not read.
 */
#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_sqlite;

static bool cell_is(const struct rs_rec *r, const char *table, const char *column, uint64_t row)
{
	return r && !r->stream && r->loc.table && !strcmp(r->loc.table, table) && r->loc.column &&
	       !strcmp(r->loc.column, column) && r->row == row;
}

/* The texts of table `table`. */
static size_t texts_of(const struct record_sink *rs, const char *table)
{
	size_t k = 0;
	for (size_t i = 0; i < rs->n; i++)
		k += rs->recs[i].kind == RS_TEXT && rs->recs[i].loc.table &&
		     !strcmp(rs->recs[i].loc.table, table);
	return k;
}

static void check_crm(const struct record_sink *rs, const char *path)
{
	CHECK_CLEAN(rs);
	const struct rs_rec *r = rs_text_eq(rs, "l.jansen@planet.nl");
	CHECK(cell_is(r, "contacts", "email", 1) && r->line == 0);
	CHECK_STR(r ? r->loc.file : NULL, path);
	CHECK(cell_is(rs_text_eq(rs, "BSN 111222333 telefonisch bevestigd"), "contacts", "opmerking", 2));
	CHECK(cell_is(rs_text_eq(rs, "+31 6 1122 3344"), "contacts", "telefoon", 3));
	CHECK(cell_is(rs_text_eq(rs, "2"), "contacts", "id", 2));
	/* the photo (\x89PNG\r\n\x1a\n) is binary; NULLs are nothing:
	 * 6 + 6 + 3 */
	CHECK(rs_text(rs, "PNG") == NULL);
	CHECK_U64(texts_of(rs, "contacts"), 15);
	CHECK(cell_is(rs_text_eq(rs, "145.53.12.9"), "visits", "ip", 2));
	CHECK_U64(texts_of(rs, "visits"), 6);
	const struct rs_rec *t = rs_table_rows(rs, "contacts");
	CHECK(t && t->count == 3 && !strcmp(t->path, path));
	t = rs_table_rows(rs, "visits");
	CHECK(t && t->count == 2);
	CHECK_U64(rs_count(rs, RS_PROBLEM), 0);
	CHECK_U64(rs->row, 0);
}

static void fixture(void)
{
	struct t_input t;
	CHECK(t_input_open(&t, "fixtures/dumps/crm.sqlite"));
	CHECK(t_bid(&t, x) == PII_BID_EXACT);
	CHECK(pii_extractor_for(&t.in) == x);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	check_crm(&rs, "fixtures/dumps/crm.sqlite");
	CHECK_U64(t.in.bytes_read, t.in.size);
	rs_free(&rs);
	t_input_free(&t);

	/* inside a container (no file of its own) the database is read from
	 * memory; it once went to a memory file SQLite could not open */
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/dumps/crm.sqlite") == PII_OK);
	check_crm(&rs, "fixtures/dumps/crm.sqlite");
	rs_free(&rs);
}

/* A database of sql made here, serialized; *len its size. */
static unsigned char *db_of(const char *sql, sqlite3_int64 *len)
{
	sqlite3 *db = NULL;
	unsigned char *out = NULL;
	if (sqlite3_open(":memory:", &db) == SQLITE_OK &&
	    sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK) {
		unsigned char *ser = sqlite3_serialize(db, "main", len, 0);
		if (ser && (out = malloc((size_t)*len)))
			memcpy(out, ser, (size_t)*len);
		sqlite3_free(ser);
	}
	sqlite3_close(db);
	return out;
}

/* A database made here: a quoted table name, a fraction, blobs of text
 * and of binary, a view, an AUTOINCREMENT table (and so sqlite_sequence). */
static unsigned char *make_db(sqlite3_int64 *len)
{
	return db_of("CREATE TABLE \"we\"\"ird\" "
		     "(naam TEXT, bedrag REAL, foto BLOB, tekst BLOB, n INTEGER);"
		     "INSERT INTO \"we\"\"ird\" VALUES ('Jan', 12.5, x'00010203', "
		     "CAST('piet@example.nl' AS BLOB), 42);"
		     "INSERT INTO \"we\"\"ird\" VALUES (NULL, NULL, NULL, NULL, NULL);"
		     "CREATE VIEW v AS SELECT naam FROM \"we\"\"ird\";"
		     "CREATE TABLE t2 (id INTEGER PRIMARY KEY AUTOINCREMENT, x TEXT);"
		     "INSERT INTO t2 (x) VALUES ('y1');",
		     len);
}

/* Writes data to a new file under /tmp; its path in path. */
static bool temp_file(const void *data, size_t len, char *path, size_t pathsz)
{
	snprintf(path, pathsz, "/tmp/piiscan-unit-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		return false;
	bool ok = write(fd, data, len) == (ssize_t)len;
	close(fd);
	return ok;
}

static void made_here(void)
{
	sqlite3_int64 len = 0;
	unsigned char *db = make_db(&len);
	CHECK(db != NULL);
	char path[64];
	if (!db || !temp_file(db, (size_t)len, path, sizeof(path))) {
		free(db);
		CHECK(!"temporary database");
		return;
	}
	struct t_input t;
	CHECK(t_input_open(&t, path));
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_text_eq(&rs, "Jan");
	CHECK(cell_is(r, "we\"ird", "naam", 1));
	CHECK_STR(r ? r->loc.file : NULL, path);
	CHECK(cell_is(rs_text_eq(&rs, "piet@example.nl"), "we\"ird", "tekst", 1));
	CHECK(cell_is(rs_text_eq(&rs, "42"), "we\"ird", "n", 1));
	CHECK(rs_text(&rs, "12.5") == NULL);
	CHECK_U64(texts_of(&rs, "we\"ird"), 3);
	r = rs_table_rows(&rs, "we\"ird");
	CHECK(r && r->count == 2);
	CHECK(cell_is(rs_text_eq(&rs, "y1"), "t2", "x", 1));
	CHECK(rs_table_rows(&rs, "v") == NULL && rs_table_rows(&rs, "sqlite_sequence") == NULL);
	CHECK_U64(rs_count(&rs, RS_TABLE_ROWS), 2);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
	t_input_free(&t);

	/* the same bytes, damaged after the header */
	memset(db + 100, 0xAA, (size_t)len - 100);
	char damaged[64];
	if (temp_file(db, (size_t)len, damaged, sizeof(damaged))) {
		CHECK(t_input_open(&t, damaged));
		rs_init(&rs);
		CHECK(t_extract(&t, x, &rs) == PII_OK);
		CHECK_CLEAN(&rs);
		const struct rs_rec *p = rs_problem(&rs, PII_CODE_DAMAGED);
		CHECK(p && !strcmp(p->path, damaged) && p->file_status == PII_FILE_FAILED);
		CHECK_U64(rs_count(&rs, RS_TEXT), 0);
		rs_free(&rs);
		t_input_free(&t);
		unlink(damaged);
	}
	unlink(path);
	free(db);
}

/* Rows are numbered in the order of the table's b-tree: rowid order,
 * primary key order WITHOUT ROWID, whatever the order of the inserts;
 * a value longer than a cell (64 KiB) goes out whole, as one stream, its
 * characters not cut where it is handed over in pieces. */
static void order_and_long_values(void)
{
	sqlite3_int64 len = 0;
	unsigned char *db = db_of(
		"CREATE TABLE sess (token TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;"
		"INSERT INTO sess VALUES ('zz', 's3'), ('aa', 's1'), ('mm', 's2');"
		"CREATE TABLE ids (id INTEGER PRIMARY KEY, v TEXT);"
		"INSERT INTO ids VALUES (30, 'i3'), (10, 'i1'), (20, 'i2');"
		"CREATE INDEX ids_v ON ids(v DESC);"
		"CREATE TABLE big (body TEXT);"
		"INSERT INTO big VALUES (replace(printf('%.*c', 70000, 'x'), 'x', 'a\xc3\xa9'));",
		&len);
	CHECK(db != NULL);
	if (!db)
		return;
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "order.sqlite", db, (size_t)len) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(cell_is(rs_text_eq(&rs, "s1"), "sess", "v", 1));
	CHECK(cell_is(rs_text_eq(&rs, "s2"), "sess", "v", 2));
	CHECK(cell_is(rs_text_eq(&rs, "s3"), "sess", "v", 3));
	CHECK(cell_is(rs_text_eq(&rs, "i1"), "ids", "v", 1));
	CHECK(cell_is(rs_text_eq(&rs, "10"), "ids", "id", 1));
	CHECK(cell_is(rs_text_eq(&rs, "i3"), "ids", "v", 3));
	const struct rs_rec *r = rs_text(&rs, "a\xc3\xa9" "a\xc3\xa9");
	CHECK(r && r->stream && r->row == 1 && r->loc.table && !strcmp(r->loc.table, "big") &&
	      r->loc.column && !strcmp(r->loc.column, "body"));
	CHECK_U64(r ? r->len : 0, 70000 * 3);
	bool whole = r && r->len == 70000 * 3;
	for (size_t i = 0; whole && i < r->len; i += 3)
		whole = !memcmp(r->text + i, "a\xc3\xa9", 3);
	CHECK(whole);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
	free(db);
}

/* Past the file's deadline (--file-timeout) or once the scan is
 * interrupted, SQLite's progress handler ends the statement: nothing
 * more is read, no row says the database is damaged, and the input says
 * why (the file's outcome is written from that). */
static void stops_when_told(void)
{
	sqlite3_int64 len = 0;
	unsigned char *db = make_db(&len);
	char path[64];
	CHECK(db != NULL);
	if (!db || !temp_file(db, (size_t)len, path, sizeof(path))) {
		free(db);
		return;
	}
	for (int in_memory = 0; in_memory <= 1; in_memory++) {
		struct t_input t;
		CHECK(in_memory ? t_input_bytes(&t, path, db, (size_t)len) : t_input_open(&t, path));
		t.budget.deadline = pii_now_monotonic() - 1;
		struct record_sink rs;
		rs_init(&rs);
		CHECK(t_extract(&t, x, &rs) == PII_EOBJECT);
		CHECK_CLEAN(&rs);
		CHECK(t.in.read_errno == ETIMEDOUT && t.budget.stopped == ETIMEDOUT);
		CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
		CHECK_U64(rs_count(&rs, RS_TEXT), 0);
		rs_free(&rs);
		t_input_free(&t);
	}
	unlink(path);
	free(db);
}

void test_extract_sqlite(void)
{
	fixture();
	made_here();
	order_and_long_values();
	stops_when_told();
}
