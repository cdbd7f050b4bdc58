/*
 * markup.c - HTML and XML: tags stripped, entities decoded (libxml2),
 * the text streamed with the document's own line numbers. Script and
 * style are skipped in HTML; attribute values count as text in XML (data
 * files keep values there: <customer email="...">) and in the HTML
 * attributes people write into (title, alt, value, mailto: links).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pii_decode.h"
#include "pii_extractor.h"
#include "pii_limits.h"
#include "pii_xml.h"

struct markup {
	struct pii_sink *out;
	struct pii_xml *x;
	bool html;
	unsigned long line; /* the stream's current line */
	int skip;           /* inside <script> or <style> */
	enum pii_status st;
};

static void put(struct markup *m, const char *s, size_t n)
{
	if (m->st == PII_OK && n)
		m->st = pii_sink_write_text(m->out, s, n);
}

/* Keeps the stream on the document's line, so findings get its lines:
 * newlines up to the parser's line, else a space between elements. */
static void boundary(struct markup *m)
{
	unsigned long doc = pii_xml_line(m->x);
	if (m->line >= doc) {
		put(m, " ", 1);
		return;
	}
	static const char nl[] = "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n";
	while (m->line < doc) {
		unsigned long k = doc - m->line < 16 ? doc - m->line : 16;
		put(m, nl, k);
		m->line += k;
	}
}

static bool skipped_html(const char *name)
{
	return !strcasecmp(name, "script") || !strcasecmp(name, "style") ||
	       !strcasecmp(name, "template");
}

static bool text_attr_html(const char *name, const char *value)
{
	if (!strcasecmp(name, "href"))
		return !strncasecmp(value, "mailto:", 7) || !strncasecmp(value, "tel:", 4);
	return !strcasecmp(name, "title") || !strcasecmp(name, "alt") ||
	       !strcasecmp(name, "value") || !strcasecmp(name, "content");
}

static void on_start(void *ctx, const char *name, const char *const *attrs)
{
	struct markup *m = ctx;
	boundary(m);
	if (m->html && skipped_html(name)) {
		m->skip++;
		return;
	}
	if (m->skip)
		return;
	/* In XML data the element names say what the values are
	 * (<telefoon>06-...</telefoon>): they are written as context. */
	if (!m->html) {
		put(m, name, strlen(name));
		put(m, " ", 1);
	}
	for (const char *const *a = attrs; a && a[0]; a += 2) {
		const char *value = a[1] ? a[1] : "";
		if (!*value || (m->html && !text_attr_html(a[0], value)))
			continue;
		/* "name=value": the attribute's name is context for the value */
		put(m, a[0], strlen(a[0]));
		put(m, "=", 1);
		put(m, value, strlen(value));
		put(m, " ", 1);
	}
}

static void on_end(void *ctx, const char *name)
{
	struct markup *m = ctx;
	if (m->html && skipped_html(name) && m->skip > 0)
		m->skip--;
	put(m, " ", 1);
}

static void on_text(void *ctx, const char *text, size_t len)
{
	struct markup *m = ctx;
	if (m->skip)
		return;
	put(m, text, len);
	for (const char *p = text, *end = text + len; (p = memchr(p, '\n', (size_t)(end - p))); p++)
		m->line++;
}

/* The first bytes, without the NULs of UTF-16 and a byte-order mark, in
 * lower case: enough to see what the markup is. */
static void sniff(const struct pii_input *in, char *out, size_t outsz)
{
	size_t n = 0;
	for (size_t i = 0; i < in->head_len && i < 1024 && n + 1 < outsz; i++) {
		unsigned char c = in->head[i];
		if (c == 0 || c >= 0x80)
			continue;
		out[n++] = (char)tolower(c);
	}
	out[n] = '\0';
}

static const char *skip_space(const char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	return s;
}

static int markup_kind(const struct pii_input *in)
{
	if (in->type.kind != PII_KIND_TEXT)
		return 0;
	char h[1024];
	sniff(in, h, sizeof(h));
	const char *s = skip_space(h);
	if (!strncmp(s, "<!doctype html", 14) || !strncmp(s, "<html", 5) ||
	    strstr(h, "<html") || strstr(h, "<body") || strstr(h, "<head>"))
		return 2;
	if (!strncmp(s, "<?xml", 5))
		return 1;
	return 0;
}

static int markup_bid(const struct pii_input *in, int best)
{
	return markup_kind(in) ? PII_BID_SHAPE : PII_BID_NONE;
}

static enum pii_status markup_run(struct pii_input *in, struct pii_sink *out)
{
	struct markup m = {.out = out, .html = markup_kind(in) == 2, .line = 1};
	struct pii_xml_events ev = {&m, on_start, on_end, on_text};
	m.x = pii_xml_new(&ev, m.html);
	if (!m.x)
		return PII_EOBJECT;
	struct pii_loc loc = {.file = in->path};
	m.st = pii_sink_begin_text(out, &loc, true);
	enum pii_status st = PII_OK;
	bool parsing = true;
	struct pii_decoder dec;
	struct pii_buf rest = {0};
	pii_decoder_init(&dec, PII_ENC_UTF8);
	uint64_t fed = 0; /* bytes given to the parser before this chunk */
	for (;;) {
		ssize_t n = pii_input_read(in, in->scratch, PII_READ_CHUNK);
		if (n < 0) {
			st = PII_EOBJECT;
			break;
		}
		if (n == 0)
			break;
		size_t from = 0; /* where in the chunk plain text starts */
		if (parsing && !pii_xml_feed(m.x, (const char *)in->scratch, (size_t)n)) {
			/* The parser gave up: the rest is read as plain text, from
			 * where it stopped (its text so far went out as events). */
			parsing = false;
			pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_DAMAGED,
					 "not well-formed markup: read as plain text from where "
					 "the parser stopped");
			long long consumed = pii_xml_consumed(m.x);
			from = consumed >= (long long)fed && consumed - (long long)fed <= n
				       ? (size_t)(consumed - (long long)fed) : 0;
		}
		fed += (uint64_t)n;
		if (!parsing) {
			rest.len = 0;
			if (pii_decode(&dec, (const char *)in->scratch + from, (size_t)n - from, false,
				       &rest) && rest.len)
				put(&m, rest.data, rest.len);
		}
		if (m.st != PII_OK)
			break;
	}
	if (parsing)
		pii_xml_finish(m.x);
	pii_buf_free(&rest);
	enum pii_status end = pii_sink_end_text(out);
	pii_xml_free(m.x);
	if (st == PII_OK)
		st = m.st != PII_OK ? m.st : end;
	return st;
}

const struct pii_extractor pii_extractor_markup = {
	.name = "markup",
	.bid = markup_bid,
	.run = markup_run,
	.init = pii_xml_init,
};
