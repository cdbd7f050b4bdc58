/*
 * pii_mapi.h - the properties of Outlook items ([MS-OXPROPS]) as people
 * read them, shared by the Outlook data file (pst.c) and the saved
 * Outlook item (cfb_msg.c): a label for each property that holds
 * personal data, the properties that are not written out, and the
 * transport headers without their message ids.
 */
#ifndef PII_MAPI_H
#define PII_MAPI_H

#include <stdbool.h>
#include <stdint.h>

#include "pii_util.h"

/* "Subject", "Mobile phone", ... for property id `id` (the high 16 bits
 * of a property tag); NULL when it has none. The labels are also
 * context words for the rules ("Mobile phone: ..."). */
const char *pii_mapi_label(uint32_t id);

/* Text properties not written as "Label: value" lines: the bodies (read
 * as parts of their own), the transport headers (see below), message
 * ids (they look like addresses and are not), the message class and
 * copies of the subject. */
bool pii_mapi_skipped(uint32_t id);

/* Appends transport headers h to b without the ids (lines and their
 * continuations): Message-ID, In-Reply-To, References, Content-ID, DKIM
 * and ARC signatures. Ends with a line end. */
void pii_mapi_append_headers(struct pii_buf *b, const char *h);

/* Appends name to b as one step of a location: "/" and "!" made "_". */
void pii_mapi_append_name(struct pii_buf *b, const char *name);

#endif
