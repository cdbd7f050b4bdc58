/*
 * pii_props.h - a document's properties (who wrote it, what it is about)
 * as short texts in part "properties", each under a readable key
 * (loc.key): "author", "last modified by", "title", "subject",
 * "keywords", "description", "company", "manager". The key is the text's
 * label for the matcher (person_name takes "author" and "last modified
 * by" as context words). For the document extractors (ooxml.c, odf.c).
 */
#ifndef PII_PROPS_H
#define PII_PROPS_H

#include <stdbool.h>

#include "pii_cell.h"

/* A format's property elements and the keys they go under. */
struct pii_prop_key {
	const char *element; /* local name in the format's XML */
	const char *key;
};

/* Reading the properties of one document from its XML events. */
struct pii_props {
	const struct pii_prop_key *keys;
	size_t n_keys;
	/* the element holding when the document was last saved (ISO 8601),
	 * told to the sink as the data's age; NULL: none */
	const char *saved_element;
	const struct pii_input *in;
	bool in_saved;
	char saved[40];
	size_t saved_len;
	struct pii_cell cell;  /* the value being read (paged when long) */
	bool in_prop;
	unsigned depth;        /* elements open inside it (one per language) */
	enum pii_status st;    /* the first error */
};

/* Starts reading the properties of file into out. */
void pii_props_begin(struct pii_props *p, const struct pii_prop_key *keys, size_t n_keys,
		     struct pii_sink *out, const char *file);

/* Also reads the last-saved time from element `element` ("modified" of
 * docx, "date" of odt) and tells it to the sink for input in. */
void pii_props_saved_from(struct pii_props *p, const char *element,
			  const struct pii_input *in);

/* The XML events of the properties part. */
void pii_props_start(struct pii_props *p, const char *element);
void pii_props_end(struct pii_props *p);
void pii_props_text(struct pii_props *p, const char *text, size_t len);

/* The part is over (also when it was cut short: what was read goes out
 * and no stream is left open). Returns the first error, or PII_OK. */
enum pii_status pii_props_finish(struct pii_props *p);

void pii_props_free(struct pii_props *p);

/* "2011-02-03T16:45:00Z" (seconds and zone optional; a zone other than
 * Z is taken as UTC: a day's precision is what retention needs) as Unix
 * time; 0 when it is no such time. */
int64_t pii_props_iso_time(const char *s);

#endif
