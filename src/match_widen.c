/*
 * match_widen.c - a rule's PCRE2 pattern widened into one Vectorscan can
 * run (match_db.h): it matches every stretch of bytes the PCRE2 pattern
 * can match, and maybe more, so that Vectorscan may say where a match
 * can end and PCRE2 still decides what matches. The widened pattern is
 * plain bytes (no UTF-8 mode, no flags): Vectorscan compiles that in a
 * fraction of the time, and its case folding is no question.
 *
 * What is widened, and why it stays a superset:
 * - lookarounds, anchors, \b, \K and callouts are dropped: a match
 *   consumes the same bytes without them;
 * - a character that may lie beyond ASCII becomes any UTF-8 sequence
 *   (the class's ASCII members stay exact); a caseless k or s may also
 *   be the Kelvin sign or the long s, as PCRE2 folds them;
 * - a back reference becomes any bytes;
 * - repeats longer than WIDEN_REPEAT become open-ended (smaller and
 *   faster databases).
 * What cannot be widened so (subroutine calls, conditions, verbs, \X)
 * gives NULL: the rule then runs without Vectorscan, as it always has.
 */
#include "match_db.h"

#include <stdlib.h>
#include <string.h>

#include "pii_util.h"

/* Repeat counts above this become open-ended. */
#define WIDEN_REPEAT 16

/* Any one character of UTF-8 text beyond ASCII. */
#define ANY_HIGH "[\\xc2-\\xf4][\\x80-\\xbf]{1,3}"

struct flags {
	bool caseless, extended, extended_more, dotall;
};

struct widen {
	const unsigned char *p;
	size_t i;
	struct pii_buf out;
	size_t last_q; /* where the last character of a \\Q...\\E starts */
	bool fail;
};

/* The bytes 0-127 a character class or escape may match, and whether it
 * may match a character beyond ASCII. */
struct cset {
	uint8_t ascii[16];
	bool high;
};

static void cset_add(struct cset *c, unsigned b)
{
	c->ascii[b >> 3] |= (uint8_t)(1u << (b & 7));
}

static bool cset_has(const struct cset *c, unsigned b)
{
	return c->ascii[b >> 3] & (1u << (b & 7));
}

/* PCRE2 folds k and s onto the Kelvin sign and the long s too. */
static void cset_fold(struct cset *c)
{
	for (unsigned b = 'a'; b <= 'z'; b++)
		if (cset_has(c, b) || cset_has(c, b - 32)) {
			cset_add(c, b);
			cset_add(c, b - 32);
		}
	if (cset_has(c, 'k') || cset_has(c, 's'))
		c->high = true;
}

static void emit_cset(struct widen *w, const struct cset *c)
{
	bool any = false;
	for (unsigned b = 0; b < 128 && !any; b++)
		any = cset_has(c, b);
	if (!any && !c->high) {
		w->fail = true; /* matches nothing: not worth a pattern */
		return;
	}
	if (c->high)
		pii_buf_puts(&w->out, any ? "(?:" : "");
	if (any) {
		pii_buf_putc(&w->out, '[');
		for (unsigned b = 0; b < 128; b++) {
			if (!cset_has(c, b))
				continue;
			unsigned e = b;
			while (e + 1 < 128 && cset_has(c, e + 1))
				e++;
			pii_buf_printf(&w->out, e > b ? "\\x%02x-\\x%02x" : "\\x%02x", b, e);
			b = e;
		}
		pii_buf_putc(&w->out, ']');
	}
	if (c->high)
		pii_buf_puts(&w->out, any ? "|" ANY_HIGH ")" : "(?:" ANY_HIGH ")");
}

/* The ASCII members of the class or escape item[0..n), as PCRE2 sees
 * them under f: each of the 128 bytes tried. */
static bool ascii_members(const unsigned char *item, size_t n, struct flags f, struct cset *c)
{
	int errcode;
	PCRE2_SIZE erroff;
	uint32_t opts = PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED |
			(f.caseless ? PCRE2_CASELESS : 0) | (f.extended_more ? PCRE2_EXTENDED_MORE : 0);
	pcre2_code *code = pcre2_compile(item, n, opts, &errcode, &erroff, NULL);
	if (!code)
		return false;
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	if (!md) {
		pcre2_code_free(code);
		return false;
	}
	for (unsigned b = 0; b < 128; b++) {
		unsigned char s[1] = {(unsigned char)b};
		if (pcre2_match(code, s, 1, 0, 0, md, NULL) >= 0)
			cset_add(c, b);
	}
	pcre2_match_data_free(md);
	pcre2_code_free(code);
	return true;
}

/* Length of the UTF-8 character that starts with byte b (1 for a stray
 * byte, which the rules' checks would have refused anyway). */
static size_t utf8_len(unsigned char b)
{
	return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}

static void emit_byte(struct widen *w, unsigned b)
{
	pii_buf_printf(&w->out, "\\x%02x", b);
}

/* One character c (a code point), as a literal under f. */
static void emit_char(struct widen *w, uint32_t c, struct flags f)
{
	if (c < 0x80) {
		struct cset cs = {{0}, false};
		cset_add(&cs, c);
		if (f.caseless && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
			cset_fold(&cs);
			emit_cset(w, &cs);
		} else {
			emit_byte(w, c);
		}
		return;
	}
	if (f.caseless) {
		/* its other cases may be other bytes, even ASCII (the Kelvin
		 * sign is a k): any character */
		pii_buf_puts(&w->out, "(?:[\\x00-\\x7f]|" ANY_HIGH ")");
		return;
	}
	unsigned char b[4];
	size_t n = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
	if (n == 2) {
		b[0] = (unsigned char)(0xC0 | c >> 6);
	} else if (n == 3) {
		b[0] = (unsigned char)(0xE0 | c >> 12);
		b[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
	} else {
		b[0] = (unsigned char)(0xF0 | c >> 18);
		b[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
		b[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
	}
	b[n - 1] = (unsigned char)(0x80 | (c & 0x3F));
	pii_buf_puts(&w->out, "(?:");
	for (size_t k = 0; k < n; k++)
		emit_byte(w, b[k]);
	pii_buf_putc(&w->out, ')');
}

/* The code point of the UTF-8 character at p (valid: PCRE2 compiled it). */
static uint32_t utf8_decode(const unsigned char *p, size_t *n)
{
	*n = utf8_len(p[0]);
	if (*n == 1)
		return p[0];
	uint32_t c = p[0] & (0x7F >> *n);
	for (size_t k = 1; k < *n; k++)
		c = c << 6 | (p[k] & 0x3F);
	return c;
}

static bool is_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* \x.. at w->i (past the x): the code point, w->i moved past it. */
static uint32_t hex_escape(struct widen *w)
{
	uint32_t c = 0;
	if (w->p[w->i] == '{') {
		size_t k = w->i + 1;
		while (is_hex(w->p[k]))
			c = c * 16 + (uint32_t)((w->p[k] <= '9') ? w->p[k] - '0' : (w->p[k] | 0x20) - 'a' + 10),
			k++;
		if (w->p[k] != '}')
			w->fail = true;
		w->i = k + 1;
		return c;
	}
	for (int k = 0; k < 2 && is_hex(w->p[w->i]); k++, w->i++)
		c = c * 16 + (uint32_t)((w->p[w->i] <= '9') ? w->p[w->i] - '0'
							     : (w->p[w->i] | 0x20) - 'a' + 10);
	return c;
}

/* The character a simple escape (\n, \x41, \.) stands for, or -1 when
 * it is none. w->i is at the letter after the backslash and moves on. */
static long escaped_char(struct widen *w)
{
	unsigned char e = w->p[w->i++];
	switch (e) {
	case 'a': return 7;
	case 'e': return 27;
	case 'f': return 12;
	case 'n': return 10;
	case 'r': return 13;
	case 't': return 9;
	case 'x': return (long)hex_escape(w);
	case '0': { /* \0, \012: octal */
		long c = 0;
		for (int k = 0; k < 2 && w->p[w->i] >= '0' && w->p[w->i] <= '7'; k++)
			c = c * 8 + (w->p[w->i++] - '0');
		return c;
	}
	default:
		if (e < 0x80 && !((e | 0x20) >= 'a' && (e | 0x20) <= 'z') && !(e >= '0' && e <= '9'))
			return e; /* \. \( \\ ... */
		w->i--;
		return -1;
	}
}

/* A character class at w->i ('['): its members, w->i moved past it. */
static void parse_class(struct widen *w, struct flags f, struct cset *c)
{
	size_t start = w->i++;
	bool negated = w->p[w->i] == '^';
	if (negated)
		w->i++;
	c->high = negated;
	if (w->p[w->i] == ']')
		w->i++; /* a ']' first is a member */
	while (w->p[w->i] && w->p[w->i] != ']') {
		unsigned char b = w->p[w->i];
		if (b == '[' && w->p[w->i + 1] == ':') { /* [:alpha:], [:^alpha:] */
			size_t k = w->i + 2 + (w->p[w->i + 2] == '^');
			while ((w->p[k] | 0x20) >= 'a' && (w->p[k] | 0x20) <= 'z')
				k++;
			if (w->p[k] == ':' && w->p[k + 1] == ']') {
				c->high |= w->p[w->i + 2] == '^';
				w->i = k + 2;
				continue;
			}
		}
		if (b == '\\') {
			unsigned char e = w->p[w->i + 1];
			if (e == 'p' || e == 'P' || e == 'D' || e == 'W' || e == 'S' || e == 'H' ||
			    e == 'V' || e == 'h' || e == 'v' || e == 'N' || e == 'X' || e == 'R')
				c->high = true;
			if (e == 'x') {
				w->i += 2;
				c->high |= hex_escape(w) >= 0x80;
				continue;
			}
			if (e == 'o' || e == 'Q' || e == 'E' || e >= 0x80) {
				w->fail = true; /* rare: not worth it */
				return;
			}
			if ((e == 'p' || e == 'P') && w->p[w->i + 2] == '{') {
				const char *end = strchr((const char *)w->p + w->i, '}');
				if (!end) {
					w->fail = true;
					return;
				}
				w->i = (size_t)((const unsigned char *)end - w->p) + 1;
				continue;
			}
			w->i += e ? 2 : 1;
			continue;
		}
		if (b >= 0x80) {
			c->high = true;
			w->i += utf8_len(b);
			continue;
		}
		w->i++;
	}
	if (w->p[w->i] != ']') {
		w->fail = true;
		return;
	}
	w->i++;
	if (!ascii_members(w->p + start, w->i - start, f, c)) {
		w->fail = true;
		return;
	}
	if (f.caseless && (cset_has(c, 'k') || cset_has(c, 'K') || cset_has(c, 's') ||
			   cset_has(c, 'S')))
		c->high = true;
}

/* Skips white space and # comments of extended mode. */
static void skip_extended(struct widen *w, struct flags f)
{
	if (!f.extended)
		return;
	for (;;) {
		unsigned char b = w->p[w->i];
		if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') {
			w->i++;
		} else if (b == '#') {
			while (w->p[w->i] && w->p[w->i] != '\n')
				w->i++;
		} else if (b == 0xC2 && w->p[w->i + 1] == 0x85) { /* NEL */
			w->i += 2;
		} else if (b == 0xE2 && w->p[w->i + 1] == 0x80 &&
			   (w->p[w->i + 2] == 0x8E || w->p[w->i + 2] == 0x8F ||
			    w->p[w->i + 2] == 0xA8 || w->p[w->i + 2] == 0xA9)) {
			w->i += 3; /* LRM, RLM, line and paragraph separators */
		} else {
			return;
		}
	}
}

/* A quantifier at w->i: its bounds (max UINT32_MAX: open). False when
 * there is none ("{" that is no quantifier is a literal). */
static bool parse_quantifier(struct widen *w, uint32_t *min, uint32_t *max)
{
	const unsigned char *p = w->p;
	size_t i = w->i;
	switch (p[i]) {
	case '*': *min = 0, *max = UINT32_MAX, i++; break;
	case '+': *min = 1, *max = UINT32_MAX, i++; break;
	case '?': *min = 0, *max = 1, i++; break;
	case '{': {
		size_t k = i + 1;
		uint32_t a = 0, b;
		if (!(p[k] >= '0' && p[k] <= '9'))
			return false;
		while (p[k] >= '0' && p[k] <= '9')
			a = a * 10 + (p[k++] - '0');
		if (p[k] == '}') {
			b = a;
		} else if (p[k] == ',') {
			k++;
			if (p[k] == '}') {
				b = UINT32_MAX;
			} else {
				if (!(p[k] >= '0' && p[k] <= '9'))
					return false;
				b = 0;
				while (p[k] >= '0' && p[k] <= '9')
					b = b * 10 + (p[k++] - '0');
				if (p[k] != '}')
					return false;
			}
		} else {
			return false;
		}
		*min = a, *max = b, i = k + 1;
		break;
	}
	default:
		return false;
	}
	if (p[i] == '?' || p[i] == '+') /* lazy, possessive: the same matches */
		i++;
	w->i = i;
	return true;
}

static void emit_quantifier(struct widen *w, uint32_t min, uint32_t max)
{
	if (min > WIDEN_REPEAT)
		min = WIDEN_REPEAT;
	if (max != UINT32_MAX && max > WIDEN_REPEAT)
		max = UINT32_MAX;
	if (max == UINT32_MAX)
		pii_buf_printf(&w->out, min == 0 ? "*" : min == 1 ? "+" : "{%u,}", min);
	else if (min == max)
		pii_buf_printf(&w->out, "{%u}", min);
	else
		pii_buf_printf(&w->out, "{%u,%u}", min, max);
}

static void alternation(struct widen *w, struct flags f, bool group);

/* Option letters at w->i ("i", "-x", "^i") applied to f; w->i stops at
 * ':' or ')'. */
static void parse_options(struct widen *w, struct flags *f)
{
	bool on = true;
	for (;; w->i++) {
		switch (w->p[w->i]) {
		case '-': on = false; break;
		case '^': f->caseless = f->extended = f->extended_more = f->dotall = false; break;
		case 'i': f->caseless = on; break;
		case 's': f->dotall = on; break;
		case 'x':
			if (w->p[w->i + 1] == 'x') {
				w->i++;
				f->extended_more = on;
			}
			f->extended = on;
			break;
		case 'm': case 'n': case 'U': case 'J': break;
		case ':': case ')': return;
		default: w->fail = true; return;
		}
	}
}

/* A back reference: any bytes at all. */
static void emit_backref(struct widen *w)
{
	pii_buf_puts(&w->out, "(?:[\\x00-\\xff]*)");
}

/* A group at w->i ('('). Returns false when it matched nothing itself
 * (an assertion, an option change, a comment): no quantifier applies. */
static bool parse_group(struct widen *w, struct flags *f)
{
	const unsigned char *p = w->p;
	w->i++;
	if (p[w->i] == '*') { /* verbs and alpha assertions */
		w->fail = true;
		return false;
	}
	if (p[w->i] != '?') {
		pii_buf_puts(&w->out, "(?:");
		alternation(w, *f, true);
		pii_buf_putc(&w->out, ')');
		return true;
	}
	w->i++;
	unsigned char k = p[w->i];
	if (k == '#') {
		while (p[w->i] && p[w->i] != ')')
			w->i++;
		if (p[w->i])
			w->i++;
		return false;
	}
	if (k == 'C') { /* callout: matches nothing (one with a text
			  * argument, which may hold a ')', is not widened) */
		if (p[w->i + 1] != ')' && !(p[w->i + 1] >= '0' && p[w->i + 1] <= '9')) {
			w->fail = true;
			return false;
		}
		while (p[w->i] && p[w->i] != ')')
			w->i++;
		if (p[w->i])
			w->i++;
		return false;
	}
	bool lookaround = k == '=' || k == '!' || (k == '<' && (p[w->i + 1] == '=' || p[w->i + 1] == '!'));
	if (lookaround) {
		w->i += k == '<' ? 2 : 1;
		size_t mark = w->out.len;
		alternation(w, *f, true);
		w->out.len = mark; /* checked for its syntax, then dropped */
		return false;
	}
	if (k == ':' || k == '|' || k == '>') {
		w->i++;
	} else if (k == '<' || k == '\'' || (k == 'P' && p[w->i + 1] == '<')) {
		/* a named group */
		unsigned char close = k == '\'' ? '\'' : '>';
		w->i++;
		while (p[w->i] && p[w->i] != close)
			w->i++;
		if (!p[w->i]) {
			w->fail = true;
			return false;
		}
		w->i++;
	} else if (k == 'P' && p[w->i + 1] == '=') { /* (?P=name) */
		while (p[w->i] && p[w->i] != ')')
			w->i++;
		if (p[w->i])
			w->i++;
		emit_backref(w);
		return true;
	} else if ((k >= 'a' && k <= 'z') || (k >= 'A' && k <= 'Z') || k == '-' || k == '^') {
		struct flags inner = *f;
		parse_options(w, &inner);
		if (w->fail)
			return false;
		if (p[w->i] == ')') { /* (?i): for the rest of the group */
			w->i++;
			*f = inner;
			return false;
		}
		w->i++; /* (?i:...) */
		pii_buf_puts(&w->out, "(?:");
		alternation(w, inner, true);
		pii_buf_putc(&w->out, ')');
		return true;
	} else { /* (?R), (?1), (?&name), (?(cond)...): not widened */
		w->fail = true;
		return false;
	}
	pii_buf_puts(&w->out, "(?:");
	alternation(w, *f, true);
	pii_buf_putc(&w->out, ')');
	return true;
}

/* An escape at w->i ('\\'). Returns false when it matched nothing
 * itself (an anchor, \K). */
static bool parse_escape(struct widen *w, struct flags f)
{
	const unsigned char *p = w->p;
	size_t at = w->i++;
	unsigned char e = p[w->i];
	switch (e) {
	case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G': case 'K':
		w->i++;
		return false;
	case 'E':
		w->i++;
		return false;
	case 'Q': {
		w->i++;
		bool any = false;
		while (p[w->i] && !(p[w->i] == '\\' && p[w->i + 1] == 'E')) {
			size_t n;
			uint32_t c = utf8_decode(p + w->i, &n);
			w->last_q = w->out.len; /* a repeat takes the last one */
			emit_char(w, c, f);
			w->i += n;
			any = true;
		}
		if (p[w->i])
			w->i += 2;
		return any;
	}
	case 'R':
		w->i++;
		pii_buf_puts(&w->out, "(?:\\x0d\\x0a|[\\x0a-\\x0d]|\\xc2\\x85|\\xe2\\x80[\\xa8\\xa9])");
		return true;
	case 'd': case 'D': case 'w': case 'W': case 's': case 'S':
	case 'h': case 'H': case 'v': case 'V': case 'N': case 'p': case 'P': {
		if (e == 'N' && p[w->i + 1] == '{') {
			w->fail = true; /* \N{U+...} */
			return false;
		}
		w->i++;
		if ((e == 'p' || e == 'P') && p[w->i] == '{') {
			while (p[w->i] && p[w->i] != '}')
				w->i++;
			if (p[w->i])
				w->i++;
		} else if (e == 'p' || e == 'P') {
			w->i++; /* \pL */
		}
		struct cset c = {{0}, e != 'd' && e != 'w' && e != 's'};
		if (!ascii_members(p + at, w->i - at, f, &c)) {
			w->fail = true;
			return false;
		}
		emit_cset(w, &c);
		return true;
	}
	case 'g': case 'k':
		if ((e == 'g' && (p[w->i + 1] == '<' || p[w->i + 1] == '\''))) {
			w->fail = true; /* a subroutine call */
			return false;
		}
		w->i++;
		if (p[w->i] == '{' || p[w->i] == '<' || p[w->i] == '\'') {
			unsigned char close = p[w->i] == '{' ? '}' : p[w->i] == '<' ? '>' : '\'';
			while (p[w->i] && p[w->i] != close)
				w->i++;
			if (p[w->i])
				w->i++;
		} else {
			if (p[w->i] == '-' || p[w->i] == '+')
				w->i++;
			while (p[w->i] >= '0' && p[w->i] <= '9')
				w->i++;
		}
		emit_backref(w);
		return true;
	case 'o':
		w->fail = true; /* \o{...}: rare, not worth it */
		return false;
	default:
		break;
	}
	if (e >= '1' && e <= '9') { /* a back reference */
		while (p[w->i] >= '0' && p[w->i] <= '9')
			w->i++;
		emit_backref(w);
		return true;
	}
	long c = escaped_char(w);
	if (c < 0 || w->fail) {
		w->fail = true; /* \X, \c, \u and the like */
		return false;
	}
	emit_char(w, (uint32_t)c, f);
	return true;
}

/* Alternatives up to the ')' that closes the group (consumed), or to
 * the end of the pattern when not in a group. */
static void alternation(struct widen *w, struct flags f, bool group)
{
	const unsigned char *p = w->p;
	for (;;) {
		skip_extended(w, f);
		unsigned char b = p[w->i];
		if (w->fail)
			return;
		if (!b || b == ')') {
			if (group != (b == ')'))
				w->fail = true; /* unbalanced */
			w->i += b == ')';
			return;
		}
		if (b == '|') {
			pii_buf_putc(&w->out, '|');
			w->i++;
			continue;
		}
		size_t mark = w->out.len;
		bool atom;
		if (b == '(') {
			atom = parse_group(w, &f);
		} else if (b == '[') {
			struct cset c = {{0}, false};
			parse_class(w, f, &c);
			if (!w->fail)
				emit_cset(w, &c);
			atom = true;
		} else if (b == '\\') {
			bool quoted = p[w->i + 1] == 'Q';
			atom = parse_escape(w, f);
			if (quoted)
				mark = w->last_q;
		} else if (b == '.') {
			w->i++;
			struct cset c = {{0}, true};
			for (unsigned k = 0; k < 128; k++)
				if (k != '\n' || f.dotall)
					cset_add(&c, k);
			emit_cset(w, &c);
			atom = true;
		} else if (b == '^' || b == '$') {
			w->i++;
			atom = false;
		} else if (b == '*' || b == '+' || b == '?') {
			w->fail = true; /* nothing to repeat */
			return;
		} else {
			size_t n;
			uint32_t c = utf8_decode(p + w->i, &n);
			w->i += n;
			emit_char(w, c, f);
			atom = true;
		}
		if (w->fail)
			return;
		skip_extended(w, f);
		uint32_t min, max;
		if (!parse_quantifier(w, &min, &max))
			continue;
		if (!atom)
			continue; /* a repeated assertion is still an assertion */
		/* the atom just written, wrapped so the repeat takes all of it */
		size_t n = w->out.len - mark;
		char *copy = malloc(n + 1);
		if (!copy) {
			w->fail = true;
			return;
		}
		memcpy(copy, w->out.data + mark, n);
		w->out.len = mark;
		pii_buf_puts(&w->out, "(?:");
		pii_buf_append(&w->out, copy, n);
		pii_buf_putc(&w->out, ')');
		free(copy);
		emit_quantifier(w, min, max);
	}
}

char *pii_pattern_widen(const char *pattern)
{
	struct widen w = {.p = (const unsigned char *)pattern};
	struct flags f = {false, false, false, false};
	alternation(&w, f, false);
	if (w.fail || w.out.oom || !w.out.len) {
		pii_buf_free(&w.out);
		return NULL;
	}
	pii_buf_putc(&w.out, 0);
	if (w.out.oom) {
		pii_buf_free(&w.out);
		return NULL;
	}
	return w.out.data;
}
