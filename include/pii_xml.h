/*
 * pii_xml.h - XML and HTML as a stream of events (libxml2's SAX push
 * parser), for the extractors of markup, office documents and OpenDocument.
 * Fed in pieces as they are read: a document is never held whole.
 * External entities and the network are never loaded; internal entities
 * are not expanded (no "billion laughs").
 */
#ifndef PII_XML_H
#define PII_XML_H

#include <stdbool.h>
#include <stddef.h>

struct pii_xml_events {
	void *ctx;
	/* An element opens. name is its local name (no prefix); attrs is a
	 * NULL-terminated list of local-name, value pairs. Both borrowed. */
	void (*start)(void *ctx, const char *name, const char *const *attrs);
	void (*end)(void *ctx, const char *name);
	/* Character data, UTF-8, entities decoded; may come in pieces. */
	void (*text)(void *ctx, const char *text, size_t len);
};

struct pii_xml;

/* Call once, from the main thread, before any thread parses. */
void pii_xml_init(void);

/* A parser for XML, or for HTML (lenient, as browsers are). NULL when out
 * of memory. ev is copied. */
struct pii_xml *pii_xml_new(const struct pii_xml_events *ev, bool html);
void pii_xml_free(struct pii_xml *x);

/* Parses the next piece of the document (any encoding libxml2 knows,
 * declared or with a byte-order mark). Returns false once the parser
 * gave up on a fatal error (the events so far stand). */
bool pii_xml_feed(struct pii_xml *x, const char *data, size_t len);

/* The end of the document. */
bool pii_xml_finish(struct pii_xml *x);

/* Bytes of the document the parser has consumed so far (after a
 * pii_xml_feed that failed: about where it stopped); -1 when unknown. */
long long pii_xml_consumed(const struct pii_xml *x);

/* The line of the document being parsed (1-based), for locations. */
unsigned long pii_xml_line(const struct pii_xml *x);

/* True when the document was not well-formed (its text was read as far
 * as possible). */
bool pii_xml_malformed(const struct pii_xml *x);

/* Value of attribute name in attrs, or NULL. */
const char *pii_xml_attr(const char *const *attrs, const char *name);

#endif
