/*
 * The SQL dump extractor through the recording sink: tables and columns
 * from CREATE TABLE, INSERT and COPY rows, escapes of MySQL and
 * PostgreSQL, damaged and unsupported dumps.
 */
#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_sql;

static bool cell_is(const struct rs_rec *r, const char *table, const char *column, uint64_t row)
{
	return r && r->loc.table && !strcmp(r->loc.table, table) && r->loc.column &&
	       !strcmp(r->loc.column, column) && r->row == row;
}

static void mysqldump(void)
{
	const char *sql =
		"-- MySQL dump 10.13  Distrib 8.0.36\n"                          /* 1 */
		"/*!40101 SET NAMES utf8mb4 */;\n"                               /* 2 */
		"DROP TABLE IF EXISTS `klanten`;\n"                              /* 3 */
		"CREATE TABLE `klanten` (\n"                                     /* 4 */
		"  `id` int NOT NULL AUTO_INCREMENT,\n"
		"  `naam` varchar(100) DEFAULT NULL,\n"
		"  `email` varchar(255) DEFAULT NULL,\n"
		"  `foto` blob,\n"
		"  PRIMARY KEY (`id`),\n"
		"  KEY `idx_email` (`email`)\n"
		") ENGINE=InnoDB;\n"                                             /* 11 */
		"INSERT INTO `klanten` VALUES (1,'Jan de Vries','jan@example.nl',0x4A616E),"
		"(2,'O\\'Brien','ob@example.nl',NULL);\n"                        /* 12 */
		"INSERT INTO `klanten` (`email`, `naam`) VALUES ('kees@example.nl','Kees');\n";
	struct t_input t;
	CHECK(t_input_bytes(&t, "backup/shop.sql", sql, strlen(sql)));
	CHECK(t_bid(&t, x) == PII_BID_SIGNATURE);
	CHECK(pii_extractor_for(&t.in) == x);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_text_eq(&rs, "Jan de Vries");
	CHECK(cell_is(r, "klanten", "naam", 1) && r->line == 12);
	CHECK(cell_is(rs_text_eq(&rs, "1"), "klanten", "id", 1));
	/* 0x4A616E is text in a binary column: decoded */
	CHECK(cell_is(rs_text_eq(&rs, "Jan"), "klanten", "foto", 1));
	CHECK(cell_is(rs_text_eq(&rs, "O'Brien"), "klanten", "naam", 2));
	/* a column list names the columns of its own INSERT */
	CHECK(cell_is(rs_text_eq(&rs, "kees@example.nl"), "klanten", "email", 3));
	CHECK(cell_is(rs_text_eq(&rs, "Kees"), "klanten", "naam", 3));
	/* NULL is no text: 4 + 3 + 2 */
	CHECK_U64(rs_count(&rs, RS_TEXT), 9);
	r = rs_table_rows(&rs, "klanten");
	CHECK(r && r->count == 3 && !strcmp(r->path, "backup/shop.sql"));
	CHECK_U64(rs_count(&rs, RS_TABLE_ROWS), 1);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
	t_input_free(&t);
}

static void pg_dump(void)
{
	const char *sql =
		"-- PostgreSQL database dump\n"
		"CREATE TABLE public.personen (\n"
		"    id integer NOT NULL,\n"
		"    naam text,\n"
		"    email text,\n"
		"    CONSTRAINT naam_check CHECK ((naam <> ''::text))\n"
		");\n"
		"CREATE FUNCTION public.log() RETURNS trigger AS $body$\n"
		"BEGIN\n"
		"  INSERT INTO logboek VALUES ('geen data');\n"
		"  RETURN NEW;\n"
		"END;\n"
		"$body$ LANGUAGE plpgsql;\n"
		"COPY public.personen (id, naam, email) FROM stdin;\n"
		"1\tJan\tjan@example.nl\n"
		"2\tO'Brien\t\\N\n"
		"3\tTab\\there\tregel\\nbreuk@example.nl\n"
		"\\.\n"
		"INSERT INTO public.personen VALUES (4, 'D''Artagnan', E'e\\x41\\101'),"
		" (5, 'C:\\temp', NULL);\n";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "pg.sql", sql) == PII_OK);
	CHECK_CLEAN(&rs);
	/* "public." goes; the COPY's column list names its fields */
	CHECK(cell_is(rs_text_eq(&rs, "Jan"), "personen", "naam", 1));
	CHECK(cell_is(rs_text_eq(&rs, "O'Brien"), "personen", "naam", 2));
	size_t row2 = 0;
	for (size_t i = 0; i < rs.n; i++)
		row2 += rs.recs[i].kind == RS_TEXT && rs.recs[i].row == 2;
	CHECK_U64(row2, 2); /* \N is NULL */
	CHECK(cell_is(rs_text_eq(&rs, "Tab\there"), "personen", "naam", 3));
	/* an escaped line break separates words but counts no line */
	CHECK(cell_is(rs_text_eq(&rs, "regel\rbreuk@example.nl"), "personen", "email", 3));
	/* a function body is no data */
	CHECK(rs_text(&rs, "geen data") == NULL);
	CHECK(rs_table_rows(&rs, "logboek") == NULL);
	/* INSERT without a column list: CREATE TABLE's columns, without the
	 * constraint; '' is a quote; E-strings take \x41 and octal \101 */
	CHECK(cell_is(rs_text_eq(&rs, "D'Artagnan"), "personen", "naam", 4));
	CHECK(cell_is(rs_text_eq(&rs, "eAA"), "personen", "email", 4));
	/* a standard string keeps its backslash */
	CHECK(cell_is(rs_text_eq(&rs, "C:\\temp"), "personen", "naam", 5));
	const struct rs_rec *r = rs_table_rows(&rs, "personen");
	CHECK(r && r->count == 5);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
}

/* No CREATE TABLE, no column list: columns by number. */
static void bare_insert(void)
{
	const char *sql = "INSERT INTO log VALUES ('a@example.nl', 12, X'426f62');\n";
	struct t_input t;
	CHECK(t_input_bytes(&t, "log.sql", sql, strlen(sql)));
	CHECK(t_bid(&t, x) == PII_BID_SNIFFED + 2);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(cell_is(rs_text_eq(&rs, "a@example.nl"), "log", "column 1", 1));
	CHECK(cell_is(rs_text_eq(&rs, "12"), "log", "column 2", 1));
	CHECK(cell_is(rs_text_eq(&rs, "Bob"), "log", "column 3", 1));
	rs_free(&rs);
	t_input_free(&t);

	const char *prose = "Beste Jan,\ninsert coin to continue\n";
	CHECK(t_input_bytes(&t, "brief.txt", prose, strlen(prose)));
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	t_input_free(&t);
}

/* INSERT IGNORE, REPLACE, and the tail after the tuples: no values. */
static void statement_forms(void)
{
	const char *sql = "INSERT IGNORE INTO `t` (`a`, `b`) VALUES ('x1','y1') "
			  "ON DUPLICATE KEY UPDATE b='geheim';\n"
			  "REPLACE INTO `t` VALUES ('x2','y2');\n";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "forms.sql", sql) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(cell_is(rs_text_eq(&rs, "y1"), "t", "b", 1));
	/* REPLACE has no column list of its own, nor a CREATE TABLE */
	CHECK(cell_is(rs_text_eq(&rs, "x2"), "t", "column 1", 2) && rs_text_eq(&rs, "x2")->line == 2);
	CHECK(rs_text(&rs, "geheim") == NULL);
	CHECK_U64(rs_count(&rs, RS_TEXT), 4);
	const struct rs_rec *r = rs_table_rows(&rs, "t");
	CHECK(r && r->count == 2);
	rs_free(&rs);
}

static void pg_fixture(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/dumps/hr-pg_dump.sql") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_text_eq(&rs, "Kerkstraat 12\r3511 AB Utrecht");
	CHECK(cell_is(r, "employees", "adres", 1) && r->line == 103);
	CHECK(cell_is(rs_text_eq(&rs, "Tab\tin de notitie, backslash \\ en een quote ' erin"),
		      "employees", "notitie", 2));
	CHECK(cell_is(rs_text_eq(&rs, "Unicode: caf\xc3\xa9 \xe2\x80\x93 \xe2\x82\xac 10"),
		      "employees", "notitie", 3));
	CHECK(cell_is(rs_text_eq(&rs, "Loon maart"), "salarissen", "omschrijving", 1));
	r = rs_table_rows(&rs, "employees");
	CHECK(r && r->count == 3);
	r = rs_table_rows(&rs, "salarissen");
	CHECK(r && r->count == 3);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
}

static void mysql_fixture(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/dumps/webshop-mysqldump.sql") == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK(cell_is(rs_text_eq(&rs, "O'Brien"), "customers", "last_name", 2));
	CHECK(cell_is(rs_text_eq(&rs, "Se\xc3\xa1n"), "customers", "first_name", 2));
	CHECK(cell_is(rs_text_eq(&rs, "Zegt: \"bel niet op zondag\""), "customers", "notes", 2));
	CHECK(cell_is(rs_text_eq(&rs, "juergen.mueller@web.de"), "customers", "email", 3));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
}

/* A quote not escaped: that row's line is skipped, the next row read. */
static void bad_escaping(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/hostile/webshop-bad-escaping.sql") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && p->file_status == PII_FILE_PARTIAL &&
	      strstr(p->reason, "1 malformed row (first on line 50"));
	CHECK(rs_text(&rs, "sean.obrien@eircom.net") == NULL);
	CHECK(cell_is(rs_text_eq(&rs, "juergen.mueller@web.de"), "customers", "email", 3));
	rs_free(&rs);
}

static void truncated(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/hostile/webshop-truncated.sql") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && p->file_status == PII_FILE_PARTIAL &&
	      strstr(p->reason, "inside the INSERT of table orders begun on line"));
	/* "INSERT INTO `orders` VALUES" is line 83 (the line of the newline
	 * after VALUES was once taken: 84) */
	CHECK(p && strstr(p->reason, "begun on line 83:"));
	CHECK(cell_is(rs_text_eq(&rs, "j.devries@ziggo.nl"), "customers", "email", 1));
	rs_free(&rs);
}

/* pg_dump -Fc is binary: listed, not read. */
static void custom_format(void)
{
	struct t_input t;
	CHECK(t_input_fixture(&t, "fixtures/dumps/hr.dump"));
	CHECK(t_bid(&t, x) == PII_BID_EXACT);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_UNSUPPORTED);
	CHECK(p && p->file_status == PII_FILE_SKIPPED && !strcmp(p->path, "fixtures/dumps/hr.dump"));
	CHECK_U64(rs_count(&rs, RS_TEXT), 0);
	rs_free(&rs);
	t_input_free(&t);
}

void test_extract_sql(void)
{
	mysqldump();
	pg_dump();
	bare_insert();
	statement_forms();
	pg_fixture();
	mysql_fixture();
	bad_escaping();
	truncated();
	custom_format();
}
