/*
 * xml.c - libxml2's SAX push parsers behind one small interface.
 */
#include "pii_xml.h"

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
	char *attr_values;   /* NUL-terminated copies of the values */
	size_t attr_cap;
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
	/* attributes: localname, prefix, URI, value start, value end */
	int n = nb_attributes < MAX_ATTRS ? nb_attributes : MAX_ATTRS;
	size_t need = 0;
	for (int i = 0; i < n; i++)
		need += (size_t)(attributes[5 * i + 4] - attributes[5 * i + 3]) + 1;
	if (need > x->attr_cap) {
		char *grown = realloc(x->attr_values, need);
		if (!grown)
			n = 0;
		else {
			x->attr_values = grown;
			x->attr_cap = need;
		}
	}
	char *v = x->attr_values;
	for (int i = 0; i < n; i++) {
		size_t len = (size_t)(attributes[5 * i + 4] - attributes[5 * i + 3]);
		memcpy(v, attributes[5 * i + 3], len);
		v[len] = '\0';
		x->attrs[2 * i] = (const char *)attributes[5 * i];
		x->attrs[2 * i + 1] = v;
		v += len + 1;
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
	if (x->ev.start) {
		static const char *const none[] = {NULL};
		x->ev.start(x->ev.ctx, (const char *)name,
			    atts ? (const char *const *)atts : none);
	}
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
	if (x->ev.text && len > 0)
		x->ev.text(x->ev.ctx, (const char *)ch, (size_t)len);
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
	free(x->attr_values);
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
