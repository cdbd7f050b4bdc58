/*
 * pii_contentline.h - the content lines of vCard (2.1, RFC 2426, RFC 6350)
 * and iCalendar (RFC 5545), which share one syntax:
 *
 *     [group.]NAME[;PARAM=VALUE[,VALUE]][;PARAM="quoted"]:value
 *
 * read as a stream with bounded memory: folded lines unfolded (a line
 * break followed by a space or tab), the soft line breaks of vCard 2.1's
 * quoted-printable joined, the value decoded from quoted-printable and
 * its CHARSET to UTF-8. Escapes (\n \, \; \\) are left in the value, so
 * that structured values (N, ADR) can still be split on ';'.
 */
#ifndef PII_CONTENTLINE_H
#define PII_CONTENTLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pii_util.h"

/* Parameters kept per line; more are ignored (real lines have a few). */
#define PII_CONTENTLINE_PARAMS 32

struct pii_cl_param {
	const char *name;  /* upper-cased; a vCard 2.1 bare TYPE ("HOME") is
			    * named TYPE, a bare QUOTED-PRINTABLE ENCODING */
	const char *value; /* quotes taken off; never NULL */
};

/* One logical line. Everything is borrowed for the callback. */
struct pii_contentline {
	const char *group;   /* "item1" of item1.EMAIL, or "" */
	const char *name;    /* upper-cased; "" for a line with no ':' */
	struct pii_cl_param params[PII_CONTENTLINE_PARAMS];
	size_t n_params;
	const char *value;   /* valid UTF-8, NUL-terminated; for a line with
			      * no ':', the whole line */
	size_t value_len;
	uint64_t line;       /* 1-based, of its first physical line */
	uint64_t offset;     /* of its first byte in the bytes fed */
	bool cut;            /* longer than PII_CONTENTLINE_MAX: the end lost */
	bool binary;         /* base64 or other binary data (ENCODING=b,
			      * BASE64, VALUE=BINARY, a data: URI) */
};

/* Called for every logical line but blank ones; false stops the reader. */
typedef bool (*pii_cl_fn)(void *ctx, const struct pii_contentline *cl);

struct pii_cl_reader {
	pii_cl_fn fn;
	void *ctx;
	bool transcoded;      /* fed UTF-8 made from UTF-16: CHARSET applies to
			       * quoted-printable bytes only */
	struct pii_buf line;  /* the logical line, unfolded, as read, up to
			       * PII_CONTENTLINE_MAX (pii_limits.h) */
	struct pii_buf bytes; /* the value's bytes, quoted-printable undone */
	struct pii_buf value; /* the value decoded to UTF-8 */
	uint64_t line_no, offset;          /* of the next byte fed */
	uint64_t start_line, start_offset; /* of the logical line */
	bool open;            /* a logical line has begun */
	bool at_break;        /* a line ended: folded or not, the next byte says */
	bool soft_break;      /* it ended in a quoted-printable soft break */
	bool cut;
	char last[2];         /* the last two bytes of the physical line, kept
			       * or not (a cut line's soft break) */
	bool keep_fold_blank; /* vCard 2.1 folds as RFC 822: the blank after a
			       * line break is kept ("Hoofdstraat\r\n 12") */
	bool in_base64;       /* vCard 2.1: a BASE64 value whose lines follow
			       * unfolded, up to a blank line */
	/* how far the logical line was searched for its value's ':' (each
	 * byte once, however many soft breaks ask), and what was found */
	size_t colon_scanned;
	bool colon_quoted;    /* inside double quotes at colon_scanned */
	int qp;               /* -1 not known yet, 0 no, 1 quoted-printable */
	bool stopped;         /* fn said stop, or out of memory */
	bool oom;
};

/* Sets r up to call fn(ctx, line) for every logical line. */
void pii_cl_init(struct pii_cl_reader *r, bool transcoded, pii_cl_fn fn, void *ctx);

/* Reads s[0..n), cut anywhere. false once the reader stopped. */
bool pii_cl_feed(struct pii_cl_reader *r, const char *s, size_t n);

/* The end of the input: hands on the last line. false when stopped. */
bool pii_cl_finish(struct pii_cl_reader *r);

void pii_cl_free(struct pii_cl_reader *r);

/* The value of the first parameter called name (upper-case), or NULL. */
const char *pii_cl_param(const struct pii_contentline *cl, const char *name);

/* Appends the component of v[0..len) that starts at *pos, up to the next
 * unescaped sep (';' or ','), unescaped (\n \N a line break; \, \; \\ the
 * character), to out; moves *pos past the separator. false when there
 * was no component left (*pos == len). */
bool pii_cl_component(const char *v, size_t len, size_t *pos, char sep, struct pii_buf *out);

/* Appends the whole value of cl, unescaped, to out. false when out of
 * memory. */
bool pii_cl_unescape(const struct pii_contentline *cl, struct pii_buf *out);

#endif
