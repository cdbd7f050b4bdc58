/*
 * sql.c - SQL dumps: mysqldump/MariaDB and pg_dump plain text (and any
 * .sql file of INSERT statements). CREATE TABLE gives a table's column
 * names; the rows of INSERT ... VALUES (...),(...) (with or without a
 * column list) and of COPY ... FROM stdin blocks are matched cell by cell,
 * located by table and column. A pg_dump custom-format archive is
 * recognised and listed with the way to convert it.
 *
 * Written by hand, as a byte-driven state machine over the decoded text:
 * extended INSERT lines run to megabytes and a dump to gigabytes, so
 * nothing but the statement head (bounded) and one cell is ever held.
 * MySQL strings take backslash escapes; PostgreSQL's standard strings do
 * not, its E'...' strings and COPY data do.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pii_cell.h"
#include "pii_decode.h"
#include "pii_extractor.h"
#include "pii_limits.h"

/* A statement head (up to VALUES, or a whole CREATE TABLE) longer than
 * this is skipped: real ones are a few kilobytes. */
#define HEAD_MAX ((size_t)1 << 20)

/* Tables with their own column names; past this, columns get numbers. */
#define TABLES_MAX 4096

enum state {
	S_TOP,            /* between statements */
	S_LINE_COMMENT,   /* -- or # to the end of the line */
	S_BLOCK_COMMENT,  /* slash-star ... star-slash */
	S_HEAD,           /* a statement, gathered until it can be told */
	S_HEAD_STRING,    /* a string inside the head */
	S_SKIP,           /* the rest of a statement of no interest */
	S_SKIP_STRING,
	S_SKIP_DOLLAR,    /* a $tag$ ... $tag$ body (PostgreSQL functions) */
	S_SKIP_LINE,      /* after a malformed row: to the next line */
	S_VALUES,         /* between the tuples of an INSERT */
	S_TUPLE,          /* inside a tuple */
	S_STRING,         /* a string value */
	S_COPY_WAIT,      /* COPY ... FROM stdin; up to its line end */
	S_COPY,           /* COPY data lines */
};

struct table {
	char *name;
	char **columns;
	uint32_t n_columns;
	uint64_t rows;
};

struct sql {
	struct pii_input *in;
	struct pii_sink *out;
	bool mysql;                 /* backslash escapes in every string */
	enum state st;
	uint64_t line, offset;
	/* statement head */
	struct pii_buf head;
	char quote;                 /* the quote of a string being read */
	bool quote_pending;         /* a quote seen: doubled or the end? */
	bool escape;                /* a backslash seen */
	char prev;                  /* the previous byte (comment starts) */
	char dollar_tag[64];        /* the $tag$ of a body being skipped */
	size_t dollar_len, dollar_match;
	bool dollar_body;           /* the tag is read; in the body */
	/* the table whose rows are being read */
	struct table *tables;
	size_t n_tables;
	struct table *cur;
	char **cols;                /* column list of this INSERT/COPY, or NULL */
	uint32_t n_cols;
	uint32_t col;               /* 0-based value of the tuple */
	int depth;                  /* parentheses inside a tuple */
	uint64_t stmt_line;         /* where the statement began */
	uint64_t head_line;         /* where the statement being read began */
	/* the value being read */
	struct pii_cell cell;
	bool value_quoted, value_hex, value_estring;
	bool row_open;              /* COPY: a row has begun on this line */
	int copy_end;               /* COPY: 1 after a line-start \, 2 after \. */
	uint32_t octal;             /* E-string / COPY: digits of an escape */
	int octal_left, hex_left;
	char column_name[32];
	unsigned malformed;         /* rows or statements skipped */
	uint64_t first_malformed;
	enum pii_status status;
};

/* ---- tables and columns -------------------------------------------------------- */

/* An identifier without its quotes and, for PostgreSQL's default schema,
 * without "public.": `customers`, "public"."customers" -> customers. */
static char *identifier(const char *s, size_t n)
{
	char buf[PII_NAME_MAX];
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < sizeof(buf); i++)
		if (s[i] != '`' && s[i] != '"' && s[i] != '[' && s[i] != ']')
			buf[k++] = s[i];
	buf[k] = '\0';
	const char *name = buf;
	if (!strncasecmp(name, "public.", 7) || !strncasecmp(name, "dbo.", 4))
		name = strchr(name, '.') + 1;
	return strdup(name);
}

static struct table *table_get(struct sql *q, const char *name, bool create)
{
	for (size_t i = 0; i < q->n_tables; i++)
		if (!strcmp(q->tables[i].name, name))
			return &q->tables[i];
	if (!create || q->n_tables >= TABLES_MAX)
		return NULL;
	struct table *grown = realloc(q->tables, (q->n_tables + 1) * sizeof(*grown));
	if (!grown)
		return NULL;
	q->tables = grown;
	struct table *t = &q->tables[q->n_tables];
	memset(t, 0, sizeof(*t));
	t->name = strdup(name);
	if (!t->name)
		return NULL;
	q->n_tables++;
	return t;
}

static void free_columns(char **cols, uint32_t n)
{
	for (uint32_t i = 0; cols && i < n; i++)
		free(cols[i]);
	free(cols);
}

/* The next token of s: an identifier (quoted or not), a string, or one
 * punctuation character. Returns its length; *start is set past blanks. */
static size_t token(const char *s, const char **start)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	*start = s;
	if (!*s)
		return 0;
	if (*s == '`' || *s == '"' || *s == '\'' || *s == '[') {
		char close = *s == '[' ? ']' : *s;
		const char *p = s + 1;
		while (*p && !(*p == close && p[1] != close))
			p += *p == close ? 2 : 1;
		return (size_t)(p - s) + (*p ? 1 : 0);
	}
	if (isalnum((unsigned char)*s) || *s == '_' || (unsigned char)*s >= 0x80) {
		const char *p = s;
		while (*p && (isalnum((unsigned char)*p) || *p == '_' || *p == '$' || *p == '.' ||
			      *p == '`' || *p == '"' || (unsigned char)*p >= 0x80))
			p++;
		return (size_t)(p - s);
	}
	return 1;
}

static bool is_word(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && !strncasecmp(s, word, n);
}

/* A list of column names "(a, `b`, "c")" at *s; NULL when there is none.
 * Sets *s past it. */
static char **column_list(const char **s, uint32_t *n)
{
	const char *t;
	size_t len = token(*s, &t);
	*n = 0;
	if (len != 1 || *t != '(')
		return NULL;
	char **cols = NULL;
	const char *p = t + 1;
	for (;;) {
		len = token(p, &t);
		if (!len)
			break;
		if (*t == ')') {
			p = t + 1;
			break;
		}
		if (*t != ',' && *n < PII_COLUMNS_MAX) {
			char **grown = realloc(cols, (*n + 1) * sizeof(char *));
			if (!grown)
				break;
			cols = grown;
			cols[(*n)++] = identifier(t, len);
		}
		p = t + len;
	}
	*s = p;
	return cols;
}

/* CREATE TABLE [IF NOT EXISTS] name ( col type ..., PRIMARY KEY ..., ... ) */
static void create_table(struct sql *q, const char *s)
{
	const char *t;
	size_t len;
	for (int i = 0; i < 2; i++) { /* CREATE TABLE */
		len = token(s, &t);
		s = t + len;
	}
	len = token(s, &t);
	if (is_word(t, len, "IF")) {
		for (int i = 0; i < 3; i++) {
			len = token(s, &t);
			s = t + len;
		}
		len = token(s, &t);
	}
	char *name = identifier(t, len);
	s = t + len;
	len = token(s, &t);
	if (!name || len != 1 || *t != '(') {
		free(name);
		return;
	}
	char **cols = NULL;
	uint32_t n = 0;
	s = t + 1;
	/* each item: a column "name type ...", or a key/constraint */
	static const char *const not_columns[] = {"PRIMARY", "KEY", "UNIQUE", "CONSTRAINT",
						  "INDEX", "FOREIGN", "CHECK", "FULLTEXT",
						  "SPATIAL", "EXCLUDE", "LIKE", "PERIOD", NULL};
	while ((len = token(s, &t)) > 0 && n < PII_COLUMNS_MAX) {
		bool column = *t != ')' && *t != ',';
		for (const char *const *w = not_columns; column && *w; w++)
			if (is_word(t, len, *w))
				column = false;
		if (column) {
			char **grown = realloc(cols, (n + 1) * sizeof(char *));
			if (!grown)
				break;
			cols = grown;
			cols[n++] = identifier(t, len);
		}
		/* to the comma that ends the item, over nested parentheses */
		int depth = 0;
		const char *p = t;
		for (;;) {
			len = token(p, &t);
			if (!len)
				break;
			if (*t == '(')
				depth++;
			else if (*t == ')' && depth-- == 0)
				break;
			else if (*t == ',' && depth == 0)
				break;
			p = t + len;
		}
		if (!len || *t == ')')
			break;
		s = t + 1;
	}
	struct table *tb = table_get(q, name, true);
	if (tb) {
		free_columns(tb->columns, tb->n_columns);
		tb->columns = cols;
		tb->n_columns = n;
	} else {
		free_columns(cols, n);
	}
	free(name);
}

/* INSERT [IGNORE] INTO name [(cols)] VALUES, or COPY name [(cols)] FROM:
 * the table and the column list. False when the head is not one. */
static bool data_head(struct sql *q, const char *s, bool copy)
{
	const char *t;
	size_t len = token(s, &t);
	s = t + len;
	if (!copy) {
		while ((len = token(s, &t)) > 0 && !is_word(t, len, "INTO")) {
			if (!isalpha((unsigned char)*t))
				return false;
			s = t + len; /* IGNORE, LOW_PRIORITY, ... */
		}
		if (!len)
			return false;
		s = t + len;
	}
	len = token(s, &t);
	if (!len)
		return false;
	char *name = identifier(t, len);
	s = t + len;
	q->cur = name ? table_get(q, name, true) : NULL;
	free(name);
	free_columns(q->cols, q->n_cols);
	q->cols = column_list(&s, &q->n_cols);
	return q->cur != NULL;
}

static const char *column_name(struct sql *q, uint32_t col)
{
	if (q->cols && col < q->n_cols && q->cols[col])
		return q->cols[col];
	if (!q->cols && q->cur && col < q->cur->n_columns && q->cur->columns[col])
		return q->cur->columns[col];
	snprintf(q->column_name, sizeof(q->column_name), "column %u", col + 1);
	return q->column_name;
}

/* ---- values ---------------------------------------------------------------------- */

static void value_begin(struct sql *q)
{
	pii_cell_start(&q->cell, q->line, q->offset);
	q->cell.loc = (struct pii_loc){.file = q->in->path, .table = q->cur ? q->cur->name : NULL,
				       .column = column_name(q, q->col)};
	q->value_quoted = q->value_hex = q->value_estring = false;
}

static int hex_digit(char c)
{
	return isdigit((unsigned char)c) ? c - '0'
	       : (c >= 'a' && c <= 'f') ? c - 'a' + 10
	       : (c >= 'A' && c <= 'F') ? c - 'A' + 10
					: -1;
}

/* X'4a616e' and 0x4a616e: bytes that are text (a name stored in a binary
 * column) are matched; images and other binary data are not. */
static void decode_hex(struct sql *q)
{
	struct pii_buf *t = &q->cell.text;
	const char *h = t->data;
	size_t n = t->len;
	if (n >= 2 && h[0] == '0' && (h[1] == 'x' || h[1] == 'X')) {
		h += 2;
		n -= 2;
	}
	size_t out = 0, printable = 0;
	for (size_t i = 0; i + 1 < n; i += 2) {
		int a = hex_digit(h[i]), b = hex_digit(h[i + 1]);
		if (a < 0 || b < 0)
			break;
		unsigned char c = (unsigned char)(a * 16 + b);
		printable += c >= 0x20 || c == '\n' || c == '\t';
		t->data[out++] = (char)c;
	}
	t->len = printable * 10 >= out * 9 ? out : 0; /* 90% printable, or nothing */
}

static void value_end(struct sql *q)
{
	struct pii_buf *t = &q->cell.text;
	if (!q->value_quoted) {
		/* numbers, NULL, TRUE, functions: NULL holds nothing */
		while (t->len && isspace((unsigned char)t->data[t->len - 1]))
			t->len--;
		if (t->len == 4 && !strncasecmp(t->data, "NULL", 4))
			t->len = 0;
		else if (t->len > 2 && t->data[0] == '0' && (t->data[1] == 'x' || t->data[1] == 'X'))
			decode_hex(q);
	} else if (q->value_hex) {
		decode_hex(q);
	}
	enum pii_status st = pii_cell_end(&q->cell);
	if (q->status == PII_OK)
		q->status = st;
}

/* The row of a tuple or COPY line begins. */
static void row_begin(struct sql *q)
{
	if (q->cur)
		q->cur->rows++;
	pii_sink_set_row(q->out, q->cur ? q->cur->rows : 0);
	q->col = 0;
}

static void malformed(struct sql *q)
{
	if (!q->malformed++)
		q->first_malformed = q->line;
	pii_cell_end(&q->cell);
	q->st = S_SKIP_LINE;
}

/* An escaped character of a MySQL string or PostgreSQL E-string / COPY. */
static void escaped(struct sql *q, char c)
{
	char out;
	switch (c) {
	/* An escaped line break is no line of the dump: it becomes \r, which
	 * separates words like one but is not counted as a line. */
	case 'n': out = '\r'; break;
	case 'r': out = '\r'; break;
	case 't': out = '\t'; break;
	case 'b': out = '\b'; break;
	case 'f': out = '\f'; break;
	case 'v': out = '\v'; break;
	case 'Z': out = q->mysql ? 0x1a : 'Z'; break;
	case '0':
		if (q->mysql)
			return; /* NUL: nothing to match */
		__attribute__((fallthrough)); /* PostgreSQL: an octal escape */
	default:
		if (!q->mysql && c >= '0' && c <= '7') {
			q->octal = (uint32_t)(c - '0');
			q->octal_left = 2;
			return;
		}
		if (!q->mysql && c == 'x') {
			q->octal = 0;
			q->hex_left = 2;
			return;
		}
		out = c;
	}
	pii_cell_putc(&q->cell, out);
}

/* Digits of an octal (\101) or hex (\x41) escape; true when c was one. */
static bool numeric_escape(struct sql *q, char c)
{
	if (q->octal_left) {
		if (c >= '0' && c <= '7') {
			q->octal = q->octal * 8 + (uint32_t)(c - '0');
			if (--q->octal_left == 0)
				pii_cell_putc(&q->cell, (char)q->octal);
			return true;
		}
		q->octal_left = 0;
		pii_cell_putc(&q->cell, (char)q->octal);
	}
	if (q->hex_left) {
		int h = hex_digit(c);
		if (h >= 0) {
			q->octal = q->octal * 16 + (uint32_t)h;
			if (--q->hex_left == 0)
				pii_cell_putc(&q->cell, (char)q->octal);
			return true;
		}
		q->hex_left = 0;
		pii_cell_putc(&q->cell, (char)q->octal);
	}
	return false;
}

/* ---- COPY data ------------------------------------------------------------------- */

static void copy_row_open(struct sql *q)
{
	row_begin(q);
	value_begin(q);
	q->row_open = true;
}

/* One byte of COPY ... FROM stdin data: tab-separated fields, a row per
 * line, backslash escapes, \N for NULL, and "\." alone ending it. */
static void copy_char(struct sql *q, char c)
{
	if (!q->row_open) {
		if (q->copy_end == 0 && c == '\\') {
			q->copy_end = 1;
			return;
		}
		if (q->copy_end == 1) {
			q->copy_end = 0;
			if (c == '.') {
				q->copy_end = 2;
				return;
			}
			copy_row_open(q);
			q->escape = true; /* the backslash escaped c */
		} else if (q->copy_end == 2) {
			if (c == '\r')
				return;
			q->copy_end = 0;
			if (c == '\n') {
				q->st = S_TOP;
				return;
			}
			copy_row_open(q);
			pii_cell_putc(&q->cell, '.');
		} else if (c == '\n') {
			return;
		} else {
			copy_row_open(q);
		}
	}
	if (numeric_escape(q, c))
		return;
	if (q->escape) {
		q->escape = false;
		if (c == 'N')
			q->cell.text.len = 0; /* NULL */
		else
			escaped(q, c);
	} else if (c == '\\') {
		q->escape = true;
	} else if (c == '\t') {
		value_end(q);
		q->col++;
		value_begin(q);
	} else if (c == '\n') {
		value_end(q);
		q->row_open = false;
	} else {
		pii_cell_putc(&q->cell, c);
	}
}

/* ---- statements ------------------------------------------------------------------ */

/* A '$' was read: maybe the $tag$ that opens a dollar-quoted body. */
static void dollar_begin(struct sql *q)
{
	q->dollar_len = 0;
	q->dollar_tag[q->dollar_len++] = '$';
	q->dollar_body = false;
	q->dollar_match = 0;
	q->st = S_SKIP_DOLLAR;
}

/* The head so far ends in the keyword VALUES: INSERT ... VALUES. */
static bool head_at_values(const struct pii_buf *h)
{
	size_t n = h->len;
	while (n && isspace((unsigned char)h->data[n - 1]))
		n--;
	return n > 6 && !strncasecmp(h->data + n - 6, "VALUES", 6) &&
	       !isalnum((unsigned char)h->data[n - 7]) && h->data[n - 7] != '_';
}

static bool head_is(const struct pii_buf *h, const char *word)
{
	size_t n = strlen(word);
	return h->len > n && !strncasecmp(h->data, word, n) &&
	       !isalnum((unsigned char)h->data[n]) && h->data[n] != '_';
}

/* A statement ended with ';' while its head was being gathered. */
static void head_complete(struct sql *q)
{
	const char *h = pii_buf_cstr(&q->head);
	if (head_is(&q->head, "CREATE")) {
		const char *t;
		size_t len = token(h, &t);
		len = token(t + len, &t);
		if (is_word(t, len, "TABLE"))
			create_table(q, h);
		q->st = S_TOP;
	} else if (head_is(&q->head, "COPY") && strcasestr(h, "FROM stdin")) {
		q->st = data_head(q, h, true) ? S_COPY_WAIT : S_TOP;
	} else {
		q->st = S_TOP;
	}
	q->head.len = 0;
}

static void head_char(struct sql *q, char c)
{
	if (q->head.len >= HEAD_MAX) {
		q->head.len = 0;
		q->st = S_SKIP;
		return;
	}
	if (!pii_buf_putc(&q->head, c)) {
		q->status = PII_EOBJECT; /* out of memory */
		return;
	}
	if (c == '\'' || c == '"' || c == '`') {
		q->quote = c;
		q->st = S_HEAD_STRING;
	} else if (c == ';') {
		q->head.len--;
		head_complete(q);
	} else if ((c == '(' || isspace((unsigned char)c)) &&
		   (head_is(&q->head, "INSERT") || head_is(&q->head, "REPLACE"))) {
		struct pii_buf probe = q->head;
		probe.len -= c == '(';
		if (head_at_values(&probe)) {
			bool ok = data_head(q, pii_buf_cstr(&q->head), false);
			q->head.len = 0;
			q->st = ok ? S_VALUES : S_SKIP;
			q->stmt_line = q->head_line;
			if (ok && c == '(') {
				row_begin(q);
				q->depth = 1;
				value_begin(q);
				q->st = S_TUPLE;
			}
		}
	} else if (c == '$' && (head_is(&q->head, "CREATE") || head_is(&q->head, "DO"))) {
		/* a function body may hold ';': skip the statement, body first */
		q->head.len = 0;
		dollar_begin(q);
	}
}

static void parse(struct sql *q, const char *t, size_t n)
{
	for (size_t i = 0; i < n && q->status == PII_OK; i++, q->offset++) {
		char c = t[i];
		char prev = q->prev;
		q->prev = c;
		if (c == '\n')
			q->line++;
		switch (q->st) {
		case S_TOP:
			if (isspace((unsigned char)c) || c == ';')
				break;
			if (c == '#' && q->mysql) {
				q->st = S_LINE_COMMENT;
				break;
			}
			q->head.len = 0;
			q->head_line = q->line;
			q->st = S_HEAD;
			head_char(q, c);
			break;
		case S_LINE_COMMENT:
			if (c == '\n')
				q->st = S_TOP;
			break;
		case S_BLOCK_COMMENT:
			if (c == '/' && prev == '*')
				q->st = S_TOP;
			break;
		case S_HEAD:
			/* comments: -- and slash-star at the start of a statement */
			if (q->head.len == 1 && q->head.data[0] == '-' && c == '-') {
				q->st = S_LINE_COMMENT;
				break;
			}
			if (q->head.len == 1 && q->head.data[0] == '/' && c == '*') {
				q->st = S_BLOCK_COMMENT;
				q->prev = 0;
				break;
			}
			head_char(q, c);
			break;
		case S_HEAD_STRING:
			if (!pii_buf_putc(&q->head, c)) {
				q->status = PII_EOBJECT; /* out of memory */
				break;
			}
			if (q->escape) {
				q->escape = false;
			} else if (c == '\\' && q->mysql && q->quote != '`') {
				q->escape = true;
			} else if (c == q->quote) {
				q->st = S_HEAD; /* a doubled quote reopens at once */
			}
			break;
		case S_SKIP:
			if (c == '\'' || c == '"') {
				q->quote = c;
				q->st = S_SKIP_STRING;
			} else if (c == '$') {
				dollar_begin(q);
			} else if (c == ';') {
				q->st = S_TOP;
			}
			break;
		case S_SKIP_STRING:
			if (q->escape)
				q->escape = false;
			else if (c == '\\' && q->mysql)
				q->escape = true;
			else if (c == q->quote)
				q->st = S_SKIP;
			break;
		case S_SKIP_DOLLAR:
			if (!q->dollar_body) {
				/* the tag: $$ or $name$; "$1" is a parameter */
				if (c == '$') {
					q->dollar_tag[q->dollar_len++] = '$';
					q->dollar_body = true;
					q->dollar_match = 0;
				} else if ((isalpha((unsigned char)c) || c == '_' ||
					    (isdigit((unsigned char)c) && q->dollar_len > 1)) &&
					   q->dollar_len < sizeof(q->dollar_tag) - 1) {
					q->dollar_tag[q->dollar_len++] = c;
				} else {
					q->st = S_SKIP;
				}
			} else if (c == q->dollar_tag[q->dollar_match]) {
				if (++q->dollar_match == q->dollar_len)
					q->st = S_SKIP;
			} else {
				q->dollar_match = c == '$' ? 1 : 0;
			}
			break;
		case S_SKIP_LINE:
			/* dumps put a tuple, or an INSERT, on each line: go on there */
			if (c == '\n')
				q->st = S_VALUES;
			break;
		case S_VALUES:
			if (isspace((unsigned char)c) || c == ',')
				break;
			if (c == '(') {
				row_begin(q);
				q->depth = 1;
				value_begin(q);
				q->st = S_TUPLE;
			} else if (c == ';') {
				q->st = S_TOP;
			} else {
				/* the next statement (after a malformed line), or the
				 * ON DUPLICATE KEY UPDATE / RETURNING tail: a head */
				q->head.len = 0;
				q->st = S_HEAD;
				head_char(q, c);
			}
			break;
		case S_TUPLE:
			if (c == '\'' || (c == '"' && q->mysql)) {
				/* a prefix before the quote says what kind of string */
				struct pii_buf *v = &q->cell.text;
				while (v->len && isspace((unsigned char)v->data[v->len - 1]))
					v->len--;
				if (v->len == 1 && (v->data[0] == 'E' || v->data[0] == 'e'))
					q->value_estring = true;
				else if (v->len == 1 && (v->data[0] == 'X' || v->data[0] == 'x'))
					q->value_hex = true;
				if (q->depth == 1)
					v->len = 0; /* _binary, N, E, X: the prefix goes */
				q->value_quoted = true;
				q->quote = c;
				q->quote_pending = false;
				q->st = S_STRING;
			} else if (c == '(') {
				q->depth++;
				pii_cell_putc(&q->cell, c);
			} else if (c == ')') {
				if (--q->depth == 0) {
					value_end(q);
					q->st = S_VALUES;
				} else {
					pii_cell_putc(&q->cell, c);
				}
			} else if (c == ',' && q->depth == 1) {
				value_end(q);
				q->col++;
				value_begin(q);
			} else if (q->value_quoted && q->depth == 1 && !isspace((unsigned char)c)) {
				malformed(q); /* 'O'Brien': a string ended too soon */
			} else if (q->cell.text.len || !isspace((unsigned char)c)) {
				pii_cell_putc(&q->cell, c);
			}
			break;
		case S_STRING:
			if (q->quote_pending) {
				q->quote_pending = false;
				if (c == q->quote) {
					pii_cell_putc(&q->cell, c); /* '' is one quote */
					break;
				}
				q->st = S_TUPLE;
				i--, q->offset--; /* read c again as part of the tuple */
				if (c == '\n')
					q->line--;
				q->prev = prev;
				break;
			}
			if (numeric_escape(q, c))
				break;
			if (q->escape) {
				q->escape = false;
				escaped(q, c);
			} else if (c == '\\' && (q->mysql || q->value_estring)) {
				q->escape = true;
			} else if (c == q->quote) {
				q->quote_pending = true;
			} else {
				pii_cell_putc(&q->cell, c);
			}
			break;
		case S_COPY_WAIT:
			if (c == '\n') {
				q->st = S_COPY;
				q->row_open = false;
				q->copy_end = 0;
			}
			break;
		case S_COPY:
			copy_char(q, c);
			break;
		}
	}
}

/* ---- the extractor --------------------------------------------------------------- */

/* Whether a line of t[0..n) starts (after blanks) with one of words,
 * ignoring case. Only line starts are looked at: this runs on the head
 * of every text file. */
static bool line_starts_with(const char *t, size_t n, const char *const *words)
{
	const char *p = t, *end = t + n;
	while (p < end) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		for (const char *const *w = words; *w; w++) {
			size_t len = strlen(*w);
			if ((size_t)(end - p) >= len && !strncasecmp(p, *w, len))
				return true;
		}
		p = memchr(p, '\n', (size_t)(end - p));
		if (!p)
			break;
		p++;
	}
	return false;
}

static const char *const dump_banners[] = {"-- MySQL dump", "-- MariaDB dump",
					   "-- PostgreSQL database dump", NULL};
static const char *const mysql_banners[] = {"-- MySQL dump", "-- MariaDB dump", NULL};
static const char *const statements[] = {"INSERT INTO", "CREATE TABLE", "COPY ", NULL};

static bool is_pg_custom(const struct pii_input *in)
{
	return in->head_len >= 5 && !memcmp(in->head, "PGDMP", 5);
}

static int sql_bid(const struct pii_input *in, int best)
{
	if (is_pg_custom(in))
		return PII_BID_EXACT;
	if (in->type.kind != PII_KIND_TEXT || in->type.encoding == PII_ENC_UTF16LE ||
	    in->type.encoding == PII_ENC_UTF16BE)
		return PII_BID_NONE;
	const char *t = (const char *)in->head;
	size_t n = in->head_len;
	if (line_starts_with(t, n, dump_banners))
		return PII_BID_SIGNATURE;
	/* A .sql file of statements: a line starts with INSERT INTO, ...:
	 * more than a CSV sniff can say about the same text. */
	return line_starts_with(t, n, statements) ? PII_BID_SNIFFED + 2 : PII_BID_NONE;
}

static bool parse_piece(void *ctx, const char *utf8, size_t len)
{
	struct sql *q = ctx;
	parse(q, utf8, len);
	return q->status == PII_OK;
}

static enum pii_status sql_run(struct pii_input *in, struct pii_sink *out)
{
	if (is_pg_custom(in)) {
		pii_sink_problem(out, in->path, PII_FILE_SKIPPED, PII_CODE_UNSUPPORTED,
				 "PostgreSQL custom-format dump (pg_dump -Fc): not readable as it is; "
				 "convert it with pg_restore -f dump.sql and scan that");
		return PII_OK;
	}
	const char *h = (const char *)in->head;
	struct sql q = {.in = in, .out = out, .line = 1};
	q.mysql = line_starts_with(h, in->head_len, mysql_banners) || memchr(h, '`', in->head_len);
	q.cell.out = out;
	struct pii_decoder dec;
	if (!pii_input_start_text(in, &dec))
		return PII_EOBJECT;
	/* A read error ends the dump: what was read is kept, the error row is
	 * the file's. */
	if (pii_input_decode(in, &dec, NULL, 0, parse_piece, &q) != PII_OK && !in->read_errno)
		q.status = PII_EOBJECT;
	/* Cut short inside a row: what was read is kept, and said. */
	char why[256] = "";
	if (q.st == S_TUPLE || q.st == S_STRING || q.st == S_VALUES) {
		value_end(&q);
		snprintf(why, sizeof(why),
			 "the dump ends inside the INSERT of table %s begun on line %llu: cut short?",
			 q.cur ? q.cur->name : "?", (unsigned long long)q.stmt_line);
	} else if (q.st == S_COPY) {
		if (q.row_open)
			value_end(&q);
		snprintf(why, sizeof(why),
			 "the dump ends inside the COPY data of table %s (no \\. line): cut short?",
			 q.cur ? q.cur->name : "?");
	}
	if (*why)
		pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_DAMAGED, why);
	if (q.malformed) {
		snprintf(why, sizeof(why),
			 "%u malformed row%s (first on line %llu: a quote not escaped?); the rest "
			 "of each such line was not read",
			 q.malformed, pii_plural(q.malformed), (unsigned long long)q.first_malformed);
		pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_DAMAGED, why);
	}
	pii_sink_set_row(out, 0);
	for (size_t i = 0; i < q.n_tables; i++) {
		if (q.tables[i].rows)
			pii_sink_table_rows(out, in->path, q.tables[i].name, q.tables[i].rows);
		free(q.tables[i].name);
		free_columns(q.tables[i].columns, q.tables[i].n_columns);
	}
	free(q.tables);
	free_columns(q.cols, q.n_cols);
	pii_buf_free(&q.head);
	pii_cell_free(&q.cell);
	if (q.status == PII_EFATAL)
		return PII_EFATAL;
	return in->read_errno ? PII_EOBJECT : PII_OK;
}

const struct pii_extractor pii_extractor_sql = {
	.name = "sql",
	.bid = sql_bid,
	.run = sql_run,
};
