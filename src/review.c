/*
 * review.c - verdicts on inventory rows (pii_review.h): kept in an
 * SQLite store, read back from a reviewed workbook, looked up by row key
 * while the next run builds its inventory.
 */
#include "pii_review.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "pii_dict.h"
#include "pii_labels.h"
#include "pii_xlsx_read.h"

static const char *const verdict_codes[PII_VERDICTS] = {
	[PII_VERDICT_NONE] = "",
	[PII_VERDICT_PERSONAL] = "personal",
	[PII_VERDICT_NOT_PERSONAL] = "not_personal",
	[PII_VERDICT_ACCEPTED] = "accepted",
	[PII_VERDICT_TO_DELETE] = "to_delete",
};

static const enum pii_label_id verdict_labels[PII_VERDICTS] = {
	[PII_VERDICT_PERSONAL] = PII_L_VERDICT_PERSONAL,
	[PII_VERDICT_NOT_PERSONAL] = PII_L_VERDICT_NOT_PERSONAL,
	[PII_VERDICT_ACCEPTED] = PII_L_VERDICT_ACCEPTED,
	[PII_VERDICT_TO_DELETE] = PII_L_VERDICT_TO_DELETE,
};

const char *pii_verdict_code(enum pii_verdict v)
{
	return v < PII_VERDICTS ? verdict_codes[v] : "";
}

const char *pii_verdict_label(enum pii_lang lang, enum pii_verdict v)
{
	return v > PII_VERDICT_NONE && v < PII_VERDICTS ? pii_label(lang, verdict_labels[v]) : NULL;
}

int pii_verdict_parse(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t len = strlen(s);
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (!len)
		return PII_VERDICT_NONE;
	for (int v = PII_VERDICT_PERSONAL; v < PII_VERDICTS; v++) {
		const char *words[] = {verdict_codes[v], pii_label(PII_LANG_EN, verdict_labels[v]),
				       pii_label(PII_LANG_NL, verdict_labels[v])};
		for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
			if (strlen(words[i]) == len && !strncasecmp(words[i], s, len))
				return v;
	}
	return -1;
}

/* FNV-1a of a location part; a missing part hashes unlike an empty one. */
static uint64_t key_part(uint64_t h, const char *s)
{
	if (!s)
		return pii_fnv1a_bytes(h, "\xff", 1);
	return pii_fnv1a_bytes(pii_fnv1a_bytes(h, s, strlen(s)), "\xfe", 1);
}

uint64_t pii_row_key(const char *report, const char *file, const char *table,
		     const char *column, const char *key, const char *part)
{
	uint64_t h = key_part(PII_FNV1A_START, report);
	h = key_part(h, file);
	h = key_part(h, table);
	h = key_part(h, column);
	h = key_part(h, key);
	return key_part(h, part);
}

/* ---- the store ---------------------------------------------------------------------- */

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS review(row_key TEXT PRIMARY KEY, verdict TEXT, note TEXT,"
	" count INTEGER, fingerprint TEXT, report TEXT, path TEXT, reviewed INTEGER);"
	"CREATE TABLE IF NOT EXISTS review_meta(k TEXT PRIMARY KEY, v TEXT);";

struct pii_review {
	struct pii_review_entry *entries;
	size_t n, cap;
	struct pii_dict index;  /* entries by key */
	struct pii_arena arena; /* notes */
	bool same_key;          /* the review's fingerprints are this run's */
};

static uint64_t entry_hash(const void *owner, size_t i)
{
	return ((const struct pii_review *)owner)->entries[i].key;
}

static bool entry_matches(const void *owner, size_t i, const void *key)
{
	return ((const struct pii_review *)owner)->entries[i].key == *(const uint64_t *)key;
}

static const struct pii_dict_type entry_dict = {entry_hash, entry_matches};

bool pii_row_key_parse(const char *s, uint64_t *out)
{
	if (!s || strlen(s) != 16 || strspn(s, "0123456789abcdef") != 16)
		return false;
	*out = strtoull(s, NULL, 16);
	return true;
}

/* The fingerprint key the store's verdicts were made with, into out ("" when none). */
static void store_key_id(sqlite3 *db, char out[17])
{
	out[0] = '\0';
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, "SELECT v FROM review_meta WHERE k = 'key_id'", -1, &s, NULL) !=
	    SQLITE_OK)
		return;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		snprintf(out, 17, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
}

static bool table_exists(sqlite3 *db, const char *name)
{
	sqlite3_stmt *s;
	bool found = false;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
			       -1, &s, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	found = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return found;
}

static bool add_entry(struct pii_review *rv, const struct pii_review_entry *e)
{
	if (rv->n == rv->cap) {
		size_t cap = rv->cap ? rv->cap * 2 : 64;
		struct pii_review_entry *grown = realloc(rv->entries, cap * sizeof(*grown));
		if (!grown)
			return false;
		rv->entries = grown;
		rv->cap = cap;
	}
	rv->entries[rv->n] = *e;
	if (!pii_dict_add(&rv->index, e->key, rv->n))
		return false;
	rv->n++;
	return true;
}

struct pii_review *pii_review_load(const char *store, const char *key_id, char *err,
				   size_t errlen)
{
	struct pii_review *rv = calloc(1, sizeof(*rv));
	if (!rv) {
		pii_set_error(err, errlen, "out of memory");
		return NULL;
	}
	pii_dict_init(&rv->index, &entry_dict, rv);
	if (access(store, F_OK) != 0 && errno == ENOENT)
		return rv; /* nothing reviewed yet */
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(store, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		pii_set_error(err, errlen, "review: cannot open '%s': %s", store,
			      db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		pii_review_free(rv);
		return NULL;
	}
	sqlite3_busy_timeout(db, 10000);
	if (!table_exists(db, "review")) {
		sqlite3_close(db);
		return rv;
	}
	char kept[17];
	store_key_id(db, kept);
	rv->same_key = key_id && *kept && !strcmp(kept, key_id);
	sqlite3_stmt *s;
	bool ok = sqlite3_prepare_v2(db,
				     "SELECT row_key, verdict, note, count, fingerprint, reviewed "
				     "FROM review",
				     -1, &s, NULL) == SQLITE_OK;
	int step;
	while (ok && (step = sqlite3_step(s)) == SQLITE_ROW) {
		struct pii_review_entry e = {0};
		const char *note = (const char *)sqlite3_column_text(s, 2);
		const char *code = (const char *)sqlite3_column_text(s, 1);
		int v = pii_verdict_parse(code ? code : "");
		if (!pii_row_key_parse((const char *)sqlite3_column_text(s, 0), &e.key) || v <= 0)
			continue; /* not ours: left alone */
		e.verdict = (enum pii_verdict)v;
		e.count = (uint64_t)sqlite3_column_int64(s, 3);
		if (!pii_row_key_parse((const char *)sqlite3_column_text(s, 4), &e.fingerprint))
			e.fingerprint = 0;
		e.reviewed = sqlite3_column_int64(s, 5);
		if (note && *note && !(e.note = pii_arena_strdup(&rv->arena, note)))
			ok = false;
		else
			ok = add_entry(rv, &e);
		if (!ok)
			pii_set_error(err, errlen, "out of memory");
	}
	if (ok && step != SQLITE_DONE) {
		pii_set_error(err, errlen, "review: cannot read '%s': %s", store, sqlite3_errmsg(db));
		ok = false;
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	if (!ok) {
		if (!*err)
			pii_set_error(err, errlen, "review: cannot read '%s'", store);
		pii_review_free(rv);
		return NULL;
	}
	return rv;
}

void pii_review_free(struct pii_review *rv)
{
	if (!rv)
		return;
	free(rv->entries);
	pii_dict_free(&rv->index);
	pii_arena_free(&rv->arena);
	free(rv);
}

const struct pii_review_entry *pii_review_find(const struct pii_review *rv, uint64_t key)
{
	if (!rv || !rv->n)
		return NULL;
	size_t at = pii_dict_find(&rv->index, key, &key);
	return at == PII_DICT_NONE ? NULL : &rv->entries[at];
}

bool pii_review_same_key(const struct pii_review *rv)
{
	return rv && rv->same_key;
}

/* ---- reading a reviewed workbook ------------------------------------------------------ */

/* Whether name is sheet's, in either language, or one of its parts: "
 * (2)", " (3)", ... after it. */
static bool sheet_or_part(const char *name, enum pii_label_id sheet)
{
	for (int lang = PII_LANG_EN; lang <= PII_LANG_NL; lang++) {
		const char *label = pii_label((enum pii_lang)lang, sheet);
		size_t n = strlen(label);
		if (strncmp(name, label, n))
			continue;
		const char *p = name + n;
		if (!*p)
			return true;
		if (p[0] != ' ' || p[1] != '(' || p[2] < '1' || p[2] > '9')
			continue;
		for (p += 2; *p >= '0' && *p <= '9'; p++)
			;
		if (p[0] == ')' && !p[1])
			return true;
	}
	return false;
}

const char *pii_review_sheet_next(const struct pii_xlsx *x, size_t *at)
{
	for (const char *name; (name = pii_xlsx_sheet_name(x, *at)); (*at)++)
		if ((sheet_or_part(name, PII_L_SHEET_INVENTORY) ||
		     sheet_or_part(name, PII_L_SHEET_REVIEWED)) &&
		    pii_xlsx_has_sheet(x, name)) {
			(*at)++;
			return name;
		}
	return NULL;
}

/* The columns import reads, found by their headers in either language. */
enum col {
	C_FILE,
	C_RULE,
	C_COUNT,
	C_TABLE,
	C_COLUMN,
	C_KEY,
	C_PART,
	C_VERDICT,
	C_NOTE,
	C_ROW_KEY,
	C_FINGERPRINT,
	C_DISTINCT,
	N_COLS
};

static const enum pii_label_id col_labels[N_COLS] = {
	[C_FILE] = PII_L_COL_FILE,     [C_RULE] = PII_L_COL_RULE,
	[C_COUNT] = PII_L_COL_COUNT,   [C_TABLE] = PII_L_COL_TABLE,
	[C_COLUMN] = PII_L_COL_COLUMN, [C_KEY] = PII_L_COL_KEY,
	[C_PART] = PII_L_COL_PART,     [C_VERDICT] = PII_L_COL_VERDICT,
	[C_NOTE] = PII_L_COL_NOTE,     [C_ROW_KEY] = PII_L_COL_ROW_KEY,
	[C_FINGERPRINT] = PII_L_COL_FINGERPRINT, [C_DISTINCT] = PII_L_COL_DISTINCT,
};

/* One row as read, before anything is written. */
struct read_row {
	uint64_t key, count, fingerprint;
	enum pii_verdict verdict;
	char *note, *report, *path;
};

struct import_ctx {
	const struct pii_ruleset *rs;
	const char *book, *sheet;
	int col[N_COLS];          /* -1: the sheet has no such column */
	bool header_seen;
	struct read_row *rows;
	size_t n, cap;
	char *err;
	size_t errlen;
};

static const char *cell(const struct import_ctx *c, const char *const *cells, size_t n,
			enum col which)
{
	int i = c->col[which];
	return i >= 0 && (size_t)i < n ? cells[i] : NULL;
}

static bool header_row(struct import_ctx *c, const char *const *cells, size_t n)
{
	for (int k = 0; k < N_COLS; k++) {
		c->col[k] = -1;
		for (size_t i = 0; i < n && c->col[k] < 0; i++)
			if (pii_label_is(col_labels[k], cells[i]))
				c->col[k] = (int)i;
	}
	c->header_seen = true;
	if (c->col[C_ROW_KEY] < 0 || c->col[C_VERDICT] < 0 || c->col[C_FILE] < 0 ||
	    c->col[C_RULE] < 0) {
		pii_set_error(c->err, c->errlen,
			      "'%s': sheet '%s' has no Verdict and Row key columns: not an "
			      "inventory written for review by this piiscan",
			      c->book, c->sheet);
		return false;
	}
	return true;
}

static bool report_known(const struct pii_ruleset *rs, const char *name)
{
	for (size_t i = 0; i < rs->n_reports; i++)
		if (!strcmp(rs->reports[i].name, name))
			return true;
	return false;
}

static bool import_row(void *ctx, size_t row, const char *const *cells, size_t n)
{
	struct import_ctx *c = ctx;
	if (!c->header_seen)
		return header_row(c, cells, n);
	const char *keytext = cell(c, cells, n, C_ROW_KEY);
	const char *file = cell(c, cells, n, C_FILE), *report = cell(c, cells, n, C_RULE);
	if (!keytext && !file)
		return true; /* an empty or note-only line below the table */
	struct read_row r = {0};
	if (!pii_row_key_parse(keytext, &r.key) || !file || !report) {
		pii_set_error(c->err, c->errlen, "'%s': sheet '%s', row %zu: no row key, file "
			      "or rule: was the row edited?", c->book, c->sheet, row);
		return false;
	}
	/* the key must still be its location's: a row edited by hand, or
	 * cells moved between rows, would file the verdict elsewhere */
	if (pii_row_key(report, file, cell(c, cells, n, C_TABLE), cell(c, cells, n, C_COLUMN),
			cell(c, cells, n, C_KEY), cell(c, cells, n, C_PART)) != r.key) {
		pii_set_error(c->err, c->errlen, "'%s': sheet '%s', row %zu: its row key does not "
			      "fit its file, rule and location: was the row edited?",
			      c->book, c->sheet, row);
		return false;
	}
	if (!report_known(c->rs, report)) {
		pii_set_error(c->err, c->errlen, "'%s': sheet '%s', row %zu: rule '%s' is not "
			      "loaded here: the workbook was made with other rules (give the same "
			      "--packs and configuration)", c->book, c->sheet, row, report);
		return false;
	}
	const char *verdict = cell(c, cells, n, C_VERDICT);
	int v = pii_verdict_parse(verdict ? verdict : "");
	if (v < 0) {
		pii_set_error(c->err, c->errlen, "'%s': sheet '%s', row %zu: '%s' is no verdict "
			      "(personal data, not personal data, accepted, to delete, or empty)",
			      c->book, c->sheet, row, verdict);
		return false;
	}
	r.verdict = (enum pii_verdict)v;
	const char *count = cell(c, cells, n, C_COUNT), *distinct = cell(c, cells, n, C_DISTINCT);
	r.count = count ? strtoull(count, NULL, 10) : 0;
	/* a verdict on a row of one value is about that value too */
	if (!distinct || strtoull(distinct, NULL, 10) != 1 ||
	    !pii_row_key_parse(cell(c, cells, n, C_FINGERPRINT), &r.fingerprint))
		r.fingerprint = 0;
	const char *note = cell(c, cells, n, C_NOTE);
	r.note = note ? strdup(note) : NULL;
	r.report = strdup(report);
	r.path = strdup(file);
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256;
		struct read_row *grown = realloc(c->rows, cap * sizeof(*grown));
		if (grown) {
			c->rows = grown;
			c->cap = cap;
		}
	}
	if (c->n == c->cap || !r.report || !r.path || (note && !r.note)) {
		free(r.note);
		free(r.report);
		free(r.path);
		pii_set_error(c->err, c->errlen, "out of memory");
		return false;
	}
	c->rows[c->n++] = r;
	return true;
}

/* The hidden sheet "piiscan": key | value rows saying how the workbook
 * was made. */
struct about {
	char format[16], key_id[17];
};

static bool about_row(void *ctx, size_t row, const char *const *cells, size_t n)
{
	(void)row;
	struct about *a = ctx;
	if (n < 2 || !cells[0] || !cells[1])
		return true;
	if (!strcmp(cells[0], "review format"))
		snprintf(a->format, sizeof(a->format), "%s", cells[1]);
	else if (!strcmp(cells[0], "fingerprint key"))
		snprintf(a->key_id, sizeof(a->key_id), "%s", cells[1]);
	return true;
}

static enum pii_status read_sheet(struct import_ctx *c, struct pii_xlsx *x, const char *sheet)
{
	c->sheet = sheet;
	c->header_seen = false;
	return pii_xlsx_rows(x, sheet, import_row, c, c->err, c->errlen);
}

/* Reads book's rows into c; refuses what does not fit. */
static enum pii_status read_book(struct import_ctx *c, char *book_key, size_t book_keylen)
{
	struct pii_xlsx *x = pii_xlsx_open(c->book, c->err, c->errlen);
	if (!x)
		return PII_EFATAL;
	struct about about = {{0}, {0}};
	enum pii_status st = PII_OK;
	if (!pii_xlsx_has_sheet(x, "piiscan") ||
	    pii_xlsx_rows(x, "piiscan", about_row, &about, c->err, c->errlen) != PII_OK ||
	    !*about.format) {
		pii_set_error(c->err, c->errlen, "'%s' is not an inventory written by piiscan for "
			      "review (no piiscan sheet: made before reviews, or by another program)",
			      c->book);
		st = PII_EFATAL;
	} else if (strcmp(about.format, PII_REVIEW_FORMAT)) {
		pii_set_error(c->err, c->errlen, "'%s' has row keys of format %s, this piiscan "
			      "reads format %s: rescan and review the new workbook",
			      c->book, about.format, PII_REVIEW_FORMAT);
		st = PII_EFATAL;
	}
	snprintf(book_key, book_keylen, "%s", about.key_id);
	size_t at = 0, n_sheets = 0;
	for (const char *sheet; st == PII_OK && (sheet = pii_review_sheet_next(x, &at)); n_sheets++)
		st = read_sheet(c, x, sheet);
	if (st == PII_OK && !n_sheets) {
		pii_set_error(c->err, c->errlen, "'%s' has no Inventory sheet", c->book);
		st = PII_EFATAL;
	}
	pii_xlsx_close(x);
	return st;
}

static void free_rows(struct import_ctx *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->rows[i].note);
		free(c->rows[i].report);
		free(c->rows[i].path);
	}
	free(c->rows);
}

static bool db_fail(sqlite3 *db, const char *store, char *err, size_t errlen)
{
	pii_set_error(err, errlen, "review: '%s': %s", store, db ? sqlite3_errmsg(db) : "out of memory");
	return false;
}

/* Writes c's rows into the open store in one transaction. */
static bool write_rows(sqlite3 *db, const char *store, const struct import_ctx *c,
		       const char *book_key, struct pii_review_import *done, char *err,
		       size_t errlen)
{
	if (sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, store, err, errlen);
	sqlite3_stmt *put = NULL, *del = NULL, *meta = NULL;
	bool ok = sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO review VALUES(?,?,?,?,?,?,?,?)",
				     -1, &put, NULL) == SQLITE_OK &&
		  sqlite3_prepare_v2(db, "DELETE FROM review WHERE row_key = ?", -1, &del,
				     NULL) == SQLITE_OK &&
		  sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO review_meta VALUES('key_id', ?)",
				     -1, &meta, NULL) == SQLITE_OK;
	int64_t now = (int64_t)time(NULL);
	for (size_t i = 0; i < c->n && ok; i++) {
		const struct read_row *r = &c->rows[i];
		char key[17], fp[17];
		snprintf(key, sizeof(key), "%016" PRIx64, r->key);
		snprintf(fp, sizeof(fp), "%016" PRIx64, r->fingerprint);
		done->rows++;
		if (r->verdict == PII_VERDICT_NONE) {
			/* an emptied verdict takes it back */
			sqlite3_bind_text(del, 1, key, -1, SQLITE_TRANSIENT);
			ok = sqlite3_step(del) == SQLITE_DONE;
			done->cleared += ok && sqlite3_changes(db) > 0;
			sqlite3_reset(del);
			continue;
		}
		sqlite3_bind_text(put, 1, key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(put, 2, pii_verdict_code(r->verdict), -1, SQLITE_STATIC);
		if (r->note)
			sqlite3_bind_text(put, 3, r->note, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(put, 3);
		sqlite3_bind_int64(put, 4, (int64_t)r->count);
		/* a random key's fingerprints match no later run's */
		if (r->fingerprint && *book_key)
			sqlite3_bind_text(put, 5, fp, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(put, 5);
		sqlite3_bind_text(put, 6, r->report, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 7, r->path, -1, SQLITE_STATIC);
		sqlite3_bind_int64(put, 8, now);
		ok = sqlite3_step(put) == SQLITE_DONE;
		sqlite3_reset(put);
		sqlite3_clear_bindings(put);
		done->by_verdict[r->verdict]++;
		done->notes += r->note != NULL;
	}
	if (ok && *book_key) {
		sqlite3_bind_text(meta, 1, book_key, -1, SQLITE_STATIC);
		ok = sqlite3_step(meta) == SQLITE_DONE;
	}
	sqlite3_finalize(put);
	sqlite3_finalize(del);
	sqlite3_finalize(meta);
	if (!ok || sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(db, store, err, errlen);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return false;
	}
	return true;
}

enum pii_status pii_review_import(const char *book, const char *store,
				  const struct pii_ruleset *rs, struct pii_review_import *done,
				  char *err, size_t errlen)
{
	memset(done, 0, sizeof(*done));
	struct import_ctx c = {.rs = rs, .book = book, .err = err, .errlen = errlen};
	char book_key[17] = "";
	enum pii_status st = read_book(&c, book_key, sizeof(book_key));
	if (st != PII_OK) {
		free_rows(&c);
		return st;
	}
	/* Created 0600 (it says where personal data is), locked as a run
	 * locks its state: not written under a scan that is reading it. */
	int fd = open(store, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		pii_set_error(err, errlen, "review: cannot open '%s': %s", store, strerror(errno));
		free_rows(&c);
		return PII_EFATAL;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		pii_set_error(err, errlen, "review: '%s' is in use by a piiscan run; wait for it to "
			      "end", store);
		close(fd);
		free_rows(&c);
		return PII_EFATAL;
	}
	sqlite3 *db = NULL;
	bool ok = sqlite3_open_v2(store, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK ||
		  db_fail(db, store, err, errlen);
	if (ok) {
		sqlite3_busy_timeout(db, 10000);
		ok = sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL) == SQLITE_OK &&
		     sqlite3_exec(db, schema, NULL, NULL, NULL) == SQLITE_OK;
		if (!ok)
			db_fail(db, store, err, errlen);
	}
	if (ok) {
		/* the verdicts of a store are of one fingerprint key: a
		 * workbook of another machine's key is not mixed in */
		char kept[17];
		store_key_id(db, kept);
		if (*kept && *book_key && strcmp(kept, book_key)) {
			pii_set_error(err, errlen, "'%s' was made with fingerprint key %s, the "
				      "verdicts in '%s' with key %s: review a workbook of the same "
				      "--fingerprint-key-file", book, book_key, store, kept);
			ok = false;
		}
	}
	ok = ok && write_rows(db, store, &c, book_key, done, err, errlen);
	sqlite3_close(db);
	close(fd);
	free_rows(&c);
	return ok ? PII_OK : PII_EFATAL;
}
