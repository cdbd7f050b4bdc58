/*
 * pii_calcard.h - what the vCard and iCalendar extractors share: a file
 * of content lines (pii_contentline.h) read as one table, each component
 * of a kind (a card, an event) a row, each property a column named by
 * the property (EMAIL, TEL, ATTENDEE), its values cells with the line
 * they start on. A format says which components are rows, which hold
 * nothing personal (time zones), which properties are technical (UID,
 * PRODID), and how a property's value reads to a person.
 */
#ifndef PII_CALCARD_H
#define PII_CALCARD_H

#include "pii_contentline.h"
#include "pii_extractor.h"

struct pii_calcard;

struct pii_calcard_format {
	const char *begin;               /* what BEGIN: names at the start */
	const char *table;               /* the table the rows make */
	const char *const *rows;         /* components that are rows; NULL-ended */
	const char *const *hidden;       /* components whose properties are not read */
	const char *const *technical;    /* properties never read (ids, stamps) */
	const char *const *technical_prefixes; /* and those starting so (X-MOZ-) */
	/* Hands cl's values on with pii_calcard_put; scratch is the format's
	 * to use. false stops the file. NULL: the value, unescaped. */
	bool (*property)(struct pii_calcard *cc, const struct pii_contentline *cl,
			 struct pii_buf *scratch);
	/* Optional: a row's component ends (its END read, or the file's);
	 * what the format gathered from its properties may go out now, as
	 * cells of that row. false stops the file. */
	bool (*row_end)(struct pii_calcard *cc);
};

/* PII_BID_SIGNATURE when the text starts (after a byte-order mark and
 * blanks) with BEGIN:<begin>, in any case; UTF-16 text too. */
int pii_calcard_bid(const struct pii_input *in, const char *begin);

/* Reads in as f says into out. PII_OK; PII_EOBJECT when it could not be
 * read to the end (what was read is kept); PII_EFATAL. */
enum pii_status pii_calcard_run(struct pii_input *in, struct pii_sink *out,
				const struct pii_calcard_format *f, void *state);

/* The format's own state, as given to pii_calcard_run. */
void *pii_calcard_state(struct pii_calcard *cc);

/* Hands text[0..len) (UTF-8) on as a cell of cl's column in the current
 * row; blanks around it are trimmed, an empty one is not handed on.
 * false when the file must stop. */
bool pii_calcard_put(struct pii_calcard *cc, const struct pii_contentline *cl,
		     const char *text, size_t len);

/* The whole value of cl, unescaped, as pii_calcard_put. */
bool pii_calcard_put_value(struct pii_calcard *cc, const struct pii_contentline *cl,
			   struct pii_buf *scratch);

/* Out of memory while shaping a value: the file is lost (PII_EOBJECT).
 * Returns false, for the format's callback to return. */
bool pii_calcard_out_of_memory(struct pii_calcard *cc);

/* Whether s is one of the NULL-ended words (ASCII, any case). */
bool pii_calcard_is_one_of(const char *s, const char *const *words);

#endif
