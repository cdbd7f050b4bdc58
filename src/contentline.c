/*
 * contentline.c - the content lines of vCard and iCalendar (see
 * pii_contentline.h).
 *
 * Written by hand rather than with libical: one small reader serves both
 * formats (libical reads no vCard), streams with bounded memory, and
 * reads the damaged and old (vCard 2.1 quoted-printable) files that a
 * strict parser refuses.
 */
#include "pii_contentline.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "pii_decode.h"
#include "pii_limits.h"

void pii_cl_init(struct pii_cl_reader *r, bool transcoded, pii_cl_fn fn, void *ctx)
{
	memset(r, 0, sizeof(*r));
	r->fn = fn;
	r->ctx = ctx;
	r->transcoded = transcoded;
	r->line_no = 1;
	r->qp = -1;
}

void pii_cl_free(struct pii_cl_reader *r)
{
	pii_buf_free(&r->line);
	pii_buf_free(&r->bytes);
	pii_buf_free(&r->value);
}

/* ---- one logical line -------------------------------------------------------- */

/* The first ':' outside double quotes in s[0..len), or len. */
static size_t value_colon(const char *s, size_t len)
{
	bool quoted = false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (s[i] == ':' && !quoted)
			return i;
	}
	return len;
}

/* A property name: letters, digits, '-', and '.' between a group and it. */
static bool is_name(const char *s, size_t len)
{
	if (!len)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '.' && s[i] != '_')
			return false;
	return true;
}

static bool is_encoding_word(const char *s)
{
	return !strcasecmp(s, "QUOTED-PRINTABLE") || !strcasecmp(s, "BASE64") ||
	       !strcasecmp(s, "8BIT") || !strcasecmp(s, "7BIT") || !strcasecmp(s, "B");
}

static void upper(char *s)
{
	for (; *s; s++)
		*s = (char)toupper((unsigned char)*s);
}

/* Takes the quotes off "value". */
static char *unquote(char *v)
{
	size_t n = strlen(v);
	if (n >= 2 && v[0] == '"' && v[n - 1] == '"') {
		v[n - 1] = '\0';
		return v + 1;
	}
	return v;
}

/* Splits the parameters in p[0..len) (after the name's ';') in place. */
static void parse_params(struct pii_contentline *cl, char *p, size_t len)
{
	size_t start = 0;
	bool quoted = false;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && p[i] == '"')
			quoted = !quoted;
		if (i < len && (p[i] != ';' || quoted))
			continue;
		p[i] = '\0';
		char *param = p + start;
		start = i + 1;
		if (!*param || cl->n_params == PII_CONTENTLINE_PARAMS)
			continue;
		struct pii_cl_param *pp = &cl->params[cl->n_params++];
		char *eq = strchr(param, '=');
		if (eq) {
			*eq = '\0';
			upper(param);
			pp->name = param;
			pp->value = unquote(eq + 1);
		} else {
			/* vCard 2.1: ";HOME;QUOTED-PRINTABLE" */
			pp->name = is_encoding_word(param) ? "ENCODING" : "TYPE";
			pp->value = param;
		}
	}
}

const char *pii_cl_param(const struct pii_contentline *cl, const char *name)
{
	for (size_t i = 0; i < cl->n_params; i++)
		if (!strcmp(cl->params[i].name, name))
			return cl->params[i].value;
	return NULL;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)toupper((unsigned char)c);
	return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Quoted-printable: "=XX" is a byte; an '=' not followed by two hex
 * digits is kept as it is (writers get it wrong, nothing is lost). */
static void qp_decode(const char *s, size_t n, struct pii_buf *out)
{
	for (size_t i = 0; i < n; i++) {
		int hi, lo;
		if (s[i] == '=' && i + 2 < n && (hi = hex_digit(s[i + 1])) >= 0 &&
		    (lo = hex_digit(s[i + 2])) >= 0) {
			pii_buf_putc(out, (char)(hi << 4 | lo));
			i += 2;
		} else {
			pii_buf_putc(out, s[i]);
		}
	}
}

/* The encoding that CHARSET names: Western 8-bit ones as Windows-1252 (a
 * superset of Latin-1's printables); anything else as UTF-8, whose
 * decoder reads what is not UTF-8 as Windows-1252. */
static enum pii_encoding charset_encoding(const char *cs)
{
	static const char *const western[] = {"ISO-8859-1", "ISO8859-1", "ISO_8859-1",
					      "ISO-8859-15", "LATIN1", "LATIN-1",
					      "WINDOWS-1252", "CP1252", "US-ASCII", NULL};
	for (const char *const *w = western; cs && *w; w++)
		if (!strcasecmp(cs, *w))
			return PII_ENC_CP1252;
	return PII_ENC_UTF8;
}

static bool is_binary(const struct pii_contentline *cl, const char *v, size_t n)
{
	const char *enc = pii_cl_param(cl, "ENCODING");
	const char *type = pii_cl_param(cl, "VALUE");
	if ((enc && (!strcasecmp(enc, "B") || !strcasecmp(enc, "BASE64"))) ||
	    (type && !strcasecmp(type, "BINARY")))
		return true;
	/* vCard 4.0: PHOTO:data:image/jpeg;base64,... */
	return n > 5 && !strncasecmp(v, "data:", 5) && pii_memcasemem(v, n, ";base64,", 8);
}

/* The value v[0..n) to UTF-8 in r->value. */
static bool decode_value(struct pii_cl_reader *r, const struct pii_contentline *cl,
			 const char *v, size_t n)
{
	const char *enc = pii_cl_param(cl, "ENCODING");
	bool qp = enc && !strcasecmp(enc, "QUOTED-PRINTABLE");
	r->value.len = 0;
	if (r->transcoded && !qp)
		return pii_buf_append(&r->value, v, n) || !n;
	if (qp) {
		r->bytes.len = 0;
		qp_decode(v, n, &r->bytes);
		if (r->bytes.oom)
			return false;
		v = r->bytes.data;
		n = r->bytes.len;
	}
	struct pii_decoder dec;
	pii_decoder_init(&dec, charset_encoding(pii_cl_param(cl, "CHARSET")));
	return pii_decode(&dec, v, n, true, &r->value);
}

/* A line that is no property (no ':', or no name before it): handed on
 * whole, as text. */
static bool plain_line(struct pii_cl_reader *r, struct pii_contentline *cl, char *s, size_t n)
{
	r->value.len = 0;
	if (r->transcoded) {
		if (!pii_buf_append(&r->value, s, n))
			return false;
	} else {
		struct pii_decoder dec;
		pii_decoder_init(&dec, PII_ENC_UTF8);
		if (!pii_decode(&dec, s, n, true, &r->value))
			return false;
	}
	cl->group = cl->name = "";
	cl->value = pii_buf_cstr(&r->value);
	cl->value_len = r->value.len;
	return true;
}

/* Parses the logical line s[0..n) (NUL-terminated, changed in place). */
static bool parse_line(struct pii_cl_reader *r, struct pii_contentline *cl, char *s, size_t n)
{
	size_t colon = value_colon(s, n);
	size_t name_len = strcspn(s, ";:");
	if (colon == n || name_len > colon || !is_name(s, name_len))
		return plain_line(r, cl, s, n);
	char *v = s + colon + 1;
	size_t vn = n - colon - 1;
	bool has_params = s[name_len] == ';';
	s[name_len] = '\0';
	s[colon] = '\0';
	if (has_params)
		parse_params(cl, s + name_len + 1, colon - name_len - 1);
	char *dot = strrchr(s, '.');
	cl->group = dot ? s : "";
	cl->name = dot ? dot + 1 : s;
	if (dot)
		*dot = '\0';
	upper((char *)cl->name);
	cl->binary = is_binary(cl, v, vn);
	if (cl->binary) {
		cl->value = "";
		return true;
	}
	if (!decode_value(r, cl, v, vn))
		return false;
	cl->value = pii_buf_cstr(&r->value);
	cl->value_len = r->value.len;
	return true;
}

/* The logical line is complete: parses it and hands it on. */
static void deliver(struct pii_cl_reader *r)
{
	bool cut = r->cut;
	r->open = false;
	r->cut = false;
	r->colon_scanned = 0;
	r->colon_quoted = false;
	r->qp = -1;
	size_t n = r->line.len;
	char *s = (char *)pii_buf_cstr(&r->line);
	r->line.len = 0;
	if (r->line.oom) {
		r->oom = r->stopped = true;
		return;
	}
	if (!n) {
		r->in_base64 = false; /* a blank line ends vCard 2.1 base64 */
		return;
	}
	if (r->in_base64 && value_colon(s, n) == n)
		return; /* a line of a vCard 2.1 photo */
	struct pii_contentline cl = {.line = r->start_line, .offset = r->start_offset,
				     .cut = cut};
	if (!parse_line(r, &cl, s, n)) {
		r->oom = r->stopped = true;
		return;
	}
	r->in_base64 = cl.binary;
	if (!strcmp(cl.name, "VERSION"))
		r->keep_fold_blank = !strncmp(cl.value, "2.1", 3);
	if (!r->fn(r->ctx, &cl))
		r->stopped = true;
}

/* ---- the stream -------------------------------------------------------------- */

/* Adds s[0..n) of a physical line to the logical one, up to the cap. */
static void append(struct pii_cl_reader *r, const char *s, size_t n)
{
	if (n >= 2) {
		r->last[0] = s[n - 2];
		r->last[1] = s[n - 1];
	} else if (n == 1) {
		r->last[0] = r->last[1];
		r->last[1] = s[0];
	}
	size_t room = PII_CONTENTLINE_MAX - r->line.len;
	if (n > room) {
		r->cut = true;
		n = room;
	}
	if (n)
		pii_buf_append(&r->line, s, n);
}

/* Whether the logical line so far is a quoted-printable property (its
 * parameters, before the value's ':', say so). Known once the ':' is
 * read; the search goes on from where it stopped, so a line of many soft
 * breaks and no ':' costs its length, not its square. */
static bool is_qp_line(struct pii_cl_reader *r)
{
	for (; r->qp < 0 && r->colon_scanned < r->line.len; r->colon_scanned++) {
		char c = r->line.data[r->colon_scanned];
		if (c == '"')
			r->colon_quoted = !r->colon_quoted;
		else if (c == ':' && !r->colon_quoted)
			r->qp = pii_memcasemem(r->line.data, r->colon_scanned, "QUOTED-PRINTABLE",
					       16) != NULL;
	}
	return r->qp == 1;
}

/* A physical line ended (its '\n' read). */
static void line_ended(struct pii_cl_reader *r)
{
	bool cr = r->last[1] == '\r';
	if (cr && !r->cut && r->line.len)
		r->line.len--;
	char end = cr ? r->last[0] : r->last[1];
	if (end == '=' && r->line.len && is_qp_line(r)) {
		/* vCard 2.1: "=" at the end of a line is a soft line break */
		if (!r->cut && r->line.data[r->line.len - 1] == '=')
			r->line.len--;
		r->soft_break = true;
	}
	r->last[0] = r->last[1] = '\0';
	r->at_break = true;
}

bool pii_cl_feed(struct pii_cl_reader *r, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && !r->stopped) {
		if (r->at_break) {
			r->at_break = false;
			if (r->soft_break) {
				r->soft_break = false; /* the next line goes on as it is */
			} else if (s[i] == ' ' || s[i] == '\t') {
				if (r->keep_fold_blank)
					continue; /* folded: the break goes, the blank stays */
				i++; /* folded: the break and one blank go */
				r->offset++;
				continue;
			} else {
				deliver(r);
				if (r->stopped)
					break;
			}
		}
		if (!r->open) {
			r->open = true;
			r->start_line = r->line_no;
			r->start_offset = r->offset;
		}
		const char *nl = memchr(s + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - s) : n;
		append(r, s + i, end - i);
		r->offset += end - i;
		i = end;
		if (nl) {
			i++;
			r->offset++;
			r->line_no++;
			line_ended(r);
		}
	}
	return !r->stopped;
}

bool pii_cl_finish(struct pii_cl_reader *r)
{
	if (!r->stopped && r->open)
		deliver(r);
	return !r->stopped;
}

/* ---- structured values ------------------------------------------------------- */

bool pii_cl_component(const char *v, size_t len, size_t *pos, char sep, struct pii_buf *out)
{
	size_t i = *pos;
	if (i >= len)
		return false;
	for (; i < len && v[i] != sep; i++) {
		if (v[i] != '\\' || i + 1 == len) {
			pii_buf_putc(out, v[i]);
			continue;
		}
		char c = v[++i];
		pii_buf_putc(out, c == 'n' || c == 'N' ? '\n' : c);
	}
	*pos = i < len ? i + 1 : len;
	return true;
}

bool pii_cl_unescape(const struct pii_contentline *cl, struct pii_buf *out)
{
	size_t pos = 0;
	/* no separator: the value is one component */
	while (pii_cl_component(cl->value, cl->value_len, &pos, '\0', out))
		;
	return !out->oom;
}
