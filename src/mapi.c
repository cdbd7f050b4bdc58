/*
 * mapi.c - the properties of Outlook items as people read them
 * (pii_mapi.h).
 */
#include "pii_mapi.h"

#include <string.h>
#include <strings.h>

/* Labels for the properties people read; they also serve as context
 * words ("Mobile phone: ..."). Others get their number. */
static const struct {
	uint32_t id;
	const char *label;
} labels[] = {
	{0x0037, "Subject"},
	{0x0064, "Address type"},
	{0x0042, "Sent on behalf of"},
	{0x0065, "Sent on behalf of e-mail"},
	{0x0c1a, "From"},
	{0x0c1e, "Address type"},
	{0x0c1f, "From e-mail"},
	{0x0e02, "Bcc"},
	{0x0e03, "Cc"},
	{0x0e04, "To"},
	{0x3001, "Name"},
	{0x3002, "Address type"},
	{0x3003, "E-mail"},
	{0x39fe, "E-mail"},
	{0x3a02, "Callback phone"},
	{0x3a06, "Given name"},
	{0x3a08, "Business phone"},
	{0x3a09, "Home phone"},
	{0x3a11, "Surname"},
	{0x3a15, "Postal address"},
	{0x3a16, "Company"},
	{0x3a17, "Job title"},
	{0x3a1a, "Primary phone"},
	{0x3a1b, "Business phone 2"},
	{0x3a1c, "Mobile phone"},
	{0x3a24, "Business fax"},
	{0x3a26, "Country"},
	{0x3a27, "Locality"},
	{0x3a28, "State or province"},
	{0x3a29, "Street address"},
	{0x3a2a, "Postal code"},
	{0x3a1f, "Other phone"},
	{0x3a2f, "Home phone 2"},
	{0x3a59, "Home city"},
	{0x3a5a, "Home country"},
	{0x3a5b, "Home postal code"},
	{0x3a5d, "Home street"},
	{0x8083, "E-mail"},
	{0x8093, "E-mail 2"},
	{0x80a3, "E-mail 3"},
};

/* Text properties not written out: the bodies (scanned as parts of their
 * own), the transport headers (filtered below), message ids (they look
 * like addresses and are not), the message class, and copies of the
 * subject. */
bool pii_mapi_skipped(uint32_t id)
{
	switch (id) {
	case 0x001a: /* message class */
	case 0x0070: /* conversation topic */
	case 0x007d: /* transport headers */
	case 0x1000: /* plain body */
	case 0x1013: /* HTML body */
	case 0x1035: /* Internet message id */
	case 0x1039: /* references */
	case 0x0e1d: /* normalized subject */
	case 0x1042: /* in-reply-to id */
		return true;
	default:
		return false;
	}
}

const char *pii_mapi_label(uint32_t id)
{
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (labels[i].id == id)
			return labels[i].label;
	return NULL;
}

/* "a/b" with "/" and "!" in the name made "_": a name is one step. */
void pii_mapi_append_name(struct pii_buf *b, const char *name)
{
	size_t at = b->len;
	pii_buf_printf(b, "%s", name);
	for (size_t i = at; i < b->len; i++)
		if (b->data[i] == '/' || b->data[i] == '!')
			b->data[i] = '_';
}

/* Transport headers without the ids (lines and their continuations). */
void pii_mapi_append_headers(struct pii_buf *b, const char *h)
{
	static const char *const ids[] = {"message-id:", "in-reply-to:", "references:",
					  "content-id:", "dkim-", "arc-", "x-google-dkim-",
					  NULL};
	bool skipping = false;
	while (*h) {
		const char *eol = strchr(h, '\n');
		size_t n = eol ? (size_t)(eol - h) + 1 : strlen(h);
		if (*h != ' ' && *h != '\t') {
			skipping = false;
			for (const char *const *id = ids; *id; id++)
				if (!strncasecmp(h, *id, strlen(*id)))
					skipping = true;
		}
		if (!skipping)
			pii_buf_append(b, h, n);
		h += n;
	}
	if (b->len && b->data[b->len - 1] != '\n')
		pii_buf_append(b, "\n", 1);
}
