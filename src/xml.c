/*
 * xml.c - libxml2's SAX push parsers behind one small interface.
 */
#include "pii_xml.h"

#include "pii_decode.h"

#include <pthread.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlversion.h>
#include <stdlib.h>
#include <string.h>

/* Attributes are handed on as name/value pairs built here. */
#define MAX_ATTRS 64

struct pii_xml {
	struct pii_xml_events ev;
	xmlParserCtxtPtr ctxt;
	bool html;
	bool stopped;
	const char *attrs[2 * MAX_ATTRS + 1];
	struct pii_buf attr_values; /* NUL-terminated copies of the values */
	struct pii_buf repaired;    /* text made valid UTF-8 */
};

/* libxml2's messages can quote the document (personal data): none is
 * ever printed. */
static void quiet_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void xml_init_once(void)
{
	xmlInitParser();
	/* the handler is kept per thread: the default for new threads too */
	xmlThrDefSetGenericErrorFunc(NULL, quiet_generic);
	xmlSetGenericErrorFunc(NULL, quiet_generic);
}

void pii_xml_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, xml_init_once);
}

/* libxml2 2.12 made the error const. */
#if LIBXML_VERSION >= 21200
static void quiet(void *ctx, const xmlError *error)
#else
static void quiet(void *ctx, xmlError *error)
#endif
{
	(void)ctx;
	(void)error;
}

/* s[0..len) as valid UTF-8: itself, or a copy in x->repaired with each
 * byte that is not part of a character made '?'. libxml2 recovering
 * from a broken document has been seen to hand out such bytes, and the
 * sink takes UTF-8 only. NULL when out of memory. */
static const char *valid_utf8(struct pii_xml *x, const char *s, size_t len)
{
	size_t ok = pii_utf8_valid_prefix(s, len);
	if (ok == len)
		return s;
	x->repaired.len = 0;
	if (!pii_buf_append(&x->repaired, s, len))
		return NULL;
	char *t = x->repaired.data;
	for (size_t i = ok; i < len;) {
		t[i++] = '?';
		i += pii_utf8_valid_prefix(t + i, len - i);
	}
	return t;
}

/* Appends an attribute value with its references resolved: libxml2,
 * which substitutes no entities here (XML_PARSE_NOENT is off against
 * entity bombs), keeps "&amp;" as "&#38;". Character references and the
 * five predefined entities are safe to resolve; any other entity stays
 * as written. */
static void put_attr_value(struct pii_buf *out, const char *v, size_t len)
{
	static const struct {
		const char *name;
		char c;
	} predefined[] = {{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''}};
	for (size_t i = 0; i < len;) {
		if (v[i] != '&') {
			const char *amp = memchr(v + i, '&', len - i);
			size_t n = amp ? (size_t)(amp - (v + i)) : len - i;
			pii_buf_append(out, v + i, n);
			i += n;
			continue;
		}
		const char *semi = memchr(v + i, ';', len - i < 12 ? len - i : 12);
		size_t ref = semi ? (size_t)(semi - (v + i)) + 1 : 0;
		bool done = false;
		if (ref > 3 && v[i + 1] == '#') {
			bool hex = v[i + 2] == 'x' || v[i + 2] == 'X';
			char *end;
			unsigned long cp = strtoul(v + i + (hex ? 3 : 2), &end, hex ? 16 : 10);
			if (end == semi && cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF))
				done = pii_utf8_put(out, (uint32_t)cp);
		}
		for (size_t k = 0; !done && ref && k < sizeof(predefined) / sizeof(predefined[0]); k++)
			if (ref == strlen(predefined[k].name) + 1 &&
			    !memcmp(v + i + 1, predefined[k].name, ref - 1))
				done = pii_buf_putc(out, predefined[k].c);
		if (!done) {
			pii_buf_putc(out, '&');
			i++;
			continue;
		}
		i += ref;
	}
}

static void xml_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
		      const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
		      int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	(void)prefix;
	(void)uri;
	(void)nb_namespaces;
	(void)namespaces;
	(void)nb_defaulted;
	struct pii_xml *x = ctx;
	if (!x->ev.start)
		return;
	/* attributes: localname, prefix, URI, value start, value end; the
	 * values are copied first, then pointed at (the buffer may move) */
	int n = nb_attributes < MAX_ATTRS ? nb_attributes : MAX_ATTRS;
	size_t at[MAX_ATTRS];
	x->attr_values.len = 0;
	for (int i = 0; i < n; i++) {
		const char *v = (const char *)attributes[5 * i + 3];
		size_t len = (size_t)(attributes[5 * i + 4] - attributes[5 * i + 3]);
		const char *valid = valid_utf8(x, v, len);
		at[i] = x->attr_values.len;
		if (valid)
			put_attr_value(&x->attr_values, valid, len);
		pii_buf_putc(&x->attr_values, '\0');
	}
	if (x->attr_values.oom) {
		pii_buf_free(&x->attr_values);
		n = 0;
	}
	for (int i = 0; i < n; i++) {
		x->attrs[2 * i] = (const char *)attributes[5 * i];
		x->attrs[2 * i + 1] = x->attr_values.data + at[i];
	}
	x->attrs[2 * n] = NULL;
	x->ev.start(x->ev.ctx, (const char *)localname, x->attrs);
}

static void xml_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
		    const xmlChar *uri)
{
	(void)prefix;
	(void)uri;
	struct pii_xml *x = ctx;
	if (x->ev.end)
		x->ev.end(x->ev.ctx, (const char *)localname);
}

static void html_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct pii_xml *x = ctx;
	if (!x->ev.start)
		return;
	/* name, value pairs, their references resolved by the HTML parser;
	 * copied to be made valid UTF-8 */
	size_t at[2 * MAX_ATTRS];
	int n = 0;
	x->attr_values.len = 0;
	for (; atts && atts[n] && n < 2 * MAX_ATTRS; n++) {
		const char *s = (const char *)atts[n];
		const char *valid = valid_utf8(x, s, strlen(s));
		at[n] = x->attr_values.len;
		pii_buf_puts(&x->attr_values, valid ? valid : "");
		pii_buf_putc(&x->attr_values, '\0');
	}
	if (x->attr_values.oom || n % 2) {
		pii_buf_free(&x->attr_values);
		n = 0;
	}
	for (int i = 0; i < n; i++)
		x->attrs[i] = x->attr_values.data + at[i];
	x->attrs[n] = NULL;
	x->ev.start(x->ev.ctx, (const char *)name, x->attrs);
}

static void html_end(void *ctx, const xmlChar *name)
{
	struct pii_xml *x = ctx;
	if (x->ev.end)
		x->ev.end(x->ev.ctx, (const char *)name);
}

static void characters(void *ctx, const xmlChar *ch, int len)
{
	struct pii_xml *x = ctx;
	if (!x->ev.text || len <= 0)
		return;
	const char *text = valid_utf8(x, (const char *)ch, (size_t)len);
	if (text)
		x->ev.text(x->ev.ctx, text, (size_t)len);
}

struct pii_xml *pii_xml_new(const struct pii_xml_events *ev, bool html)
{
	struct pii_xml *x = calloc(1, sizeof(*x));
	if (!x)
		return NULL;
	x->ev = *ev;
	x->html = html;
	xmlSAXHandler sax;
	memset(&sax, 0, sizeof(sax));
	sax.characters = characters;
	sax.cdataBlock = characters;
	sax.serror = quiet;
	xmlSetGenericErrorFunc(NULL, quiet_generic); /* this thread's handler */
	if (html) {
		sax.startElement = html_start;
		sax.endElement = html_end;
		x->ctxt = htmlCreatePushParserCtxt(&sax, x, NULL, 0, NULL, XML_CHAR_ENCODING_NONE);
		if (x->ctxt)
			htmlCtxtUseOptions(x->ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET |
							    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
							    HTML_PARSE_NOBLANKS);
	} else {
		sax.initialized = XML_SAX2_MAGIC;
		sax.startElementNs = xml_start;
		sax.endElementNs = xml_end;
		x->ctxt = xmlCreatePushParserCtxt(&sax, x, NULL, 0, NULL);
		/* Recover: read the text of a broken document as far as it goes.
		 * No NOENT: entities are not expanded. NONET: nothing fetched. */
		if (x->ctxt)
			xmlCtxtUseOptions(x->ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET |
							   XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	}
	if (!x->ctxt) {
		free(x);
		return NULL;
	}
	return x;
}

void pii_xml_free(struct pii_xml *x)
{
	if (!x)
		return;
	if (x->html)
		htmlFreeParserCtxt(x->ctxt);
	else
		xmlFreeParserCtxt(x->ctxt);
	pii_buf_free(&x->attr_values);
	pii_buf_free(&x->repaired);
	free(x);
}

static bool parse(struct pii_xml *x, const char *data, size_t len, bool last)
{
	if (x->stopped)
		return false;
	/* libxml2 takes an int: feed very large pieces in parts. */
	do {
		int n = len > (1 << 30) ? (1 << 30) : (int)len;
		int rc = x->html ? htmlParseChunk(x->ctxt, data, n, last && (size_t)n == len)
				 : xmlParseChunk(x->ctxt, data, n, last && (size_t)n == len);
		if (rc != 0 && x->ctxt->disableSAX) {
			x->stopped = true;
			return false;
		}
		data += n;
		len -= (size_t)n;
	} while (len);
	return true;
}

bool pii_xml_feed(struct pii_xml *x, const char *data, size_t len)
{
	return len ? parse(x, data, len, false) : true;
}

bool pii_xml_finish(struct pii_xml *x)
{
	return parse(x, "", 0, true);
}

long long pii_xml_consumed(const struct pii_xml *x)
{
	return (long long)xmlByteConsumed(x->ctxt);
}

unsigned long pii_xml_line(const struct pii_xml *x)
{
	return x->ctxt->input ? (unsigned long)x->ctxt->input->line : 0;
}

bool pii_xml_malformed(const struct pii_xml *x)
{
	return x->stopped || !x->ctxt->wellFormed;
}

const char *pii_xml_attr(const char *const *attrs, const char *name)
{
	for (; attrs && attrs[0]; attrs += 2)
		if (!strcmp(attrs[0], name))
			return attrs[1];
	return NULL;
}
