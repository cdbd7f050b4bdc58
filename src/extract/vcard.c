/*
 * vcard.c - vCard address books (.vcf; versions 2.1, 3.0 and 4.0): each
 * card a row of the table "cards", each property a column (FN, N, EMAIL,
 * TEL, ADR, BDAY, NOTE). Values are handed on as a person reads them: N
 * as "Given Middle Family", ADR's parts joined with ", ", a tel: or
 * mailto: URI as the number or address. A birthday without a year
 * (--0215) is no date of birth and is left out; photos, keys and ids are
 * not read.
 */
#include <string.h>
#include <strings.h>

#include "pii_calcard.h"

static const char *const rows[] = {"VCARD", NULL};

/* Properties that hold no one's data, or ids that look like it (a UID
 * such as 1234@example.com is no mailbox). */
static const char *const technical[] = {
	"VERSION", "PRODID", "UID", "REV", "PHOTO", "LOGO", "SOUND", "KEY",
	"CLIENTPIDMAP", "KIND", "PROFILE", "SOURCE", "X-ABUID", "X-ABLABEL",
	"X-ABSHOWAS", NULL,
};

/* Components of N in the order a person writes a name: Given, Middle,
 * Family (N is Family;Given;Middle;Prefix;Suffix). */
static const int name_order[] = {1, 2, 0};

/* Appends component k of the structured value, its lists (Jan,Pieter)
 * joined by sep; empty components give nothing. */
static void component(const struct pii_contentline *cl, int k, const char *sep,
		      struct pii_buf *out)
{
	size_t pos = 0;
	struct pii_buf part = {0};
	for (int i = 0; i <= k; i++) {
		part.len = 0;
		if (!pii_cl_component(cl->value, cl->value_len, &pos, ';', &part) && i < k) {
			pii_buf_free(&part);
			return;
		}
	}
	size_t p = 0;
	struct pii_buf item = {0};
	while (pii_cl_component(part.data, part.len, &p, ',', &item)) {
		if (item.len) {
			if (out->len && sep)
				pii_buf_puts(out, sep);
			pii_buf_append(out, item.data, item.len);
		}
		item.len = 0;
	}
	pii_buf_free(&item);
	pii_buf_free(&part);
}

static bool put_name(struct pii_calcard *cc, const struct pii_contentline *cl,
		     struct pii_buf *scratch)
{
	scratch->len = 0;
	for (size_t i = 0; i < sizeof(name_order) / sizeof(name_order[0]); i++) {
		struct pii_buf words = {0};
		component(cl, name_order[i], " ", &words);
		if (words.len) {
			if (scratch->len)
				pii_buf_putc(scratch, ' ');
			pii_buf_append(scratch, words.data, words.len);
		}
		pii_buf_free(&words);
	}
	if (scratch->oom)
		return pii_calcard_out_of_memory(cc);
	return pii_calcard_put(cc, cl, scratch->data, scratch->len);
}

/* ADR: PO box;extended;street;locality;region;postal code;country */
static bool put_address(struct pii_calcard *cc, const struct pii_contentline *cl,
			struct pii_buf *scratch)
{
	scratch->len = 0;
	for (int k = 0; k < 7; k++) {
		struct pii_buf part = {0};
		component(cl, k, " ", &part);
		if (part.len) {
			if (scratch->len)
				pii_buf_puts(scratch, ", ");
			pii_buf_append(scratch, part.data, part.len);
		}
		pii_buf_free(&part);
	}
	if (scratch->oom)
		return pii_calcard_out_of_memory(cc);
	return pii_calcard_put(cc, cl, scratch->data, scratch->len);
}

/* The value without a URI scheme a person does not write (tel:, mailto:). */
static bool put_without_scheme(struct pii_calcard *cc, const struct pii_contentline *cl,
			       struct pii_buf *scratch, const char *scheme)
{
	scratch->len = 0;
	if (!pii_cl_unescape(cl, scratch))
		return pii_calcard_out_of_memory(cc);
	const char *v = scratch->data ? scratch->data : "";
	size_t n = scratch->len, k = strlen(scheme);
	if (n >= k && !strncasecmp(v, scheme, k)) {
		v += k;
		n -= k;
	}
	return pii_calcard_put(cc, cl, v, n);
}

static bool property(struct pii_calcard *cc, const struct pii_contentline *cl,
		     struct pii_buf *scratch)
{
	const char *name = cl->name;
	if (!strcmp(name, "N"))
		return put_name(cc, cl, scratch);
	if (!strcmp(name, "ADR"))
		return put_address(cc, cl, scratch);
	if (!strcmp(name, "TEL"))
		return put_without_scheme(cc, cl, scratch, "tel:");
	if (!strcmp(name, "EMAIL"))
		return put_without_scheme(cc, cl, scratch, "mailto:");
	/* --0215, --02-15: a day in the year, no date of birth */
	if (!strcmp(name, "BDAY") && cl->value_len >= 2 && !strncmp(cl->value, "--", 2))
		return true;
	return pii_calcard_put_value(cc, cl, scratch);
}

static const struct pii_calcard_format vcard = {
	.begin = "VCARD",
	.table = "cards",
	.rows = rows,
	.technical = technical,
	.property = property,
};

static int vcard_bid(const struct pii_input *in, int best)
{
	return best >= PII_BID_SIGNATURE ? PII_BID_NONE : pii_calcard_bid(in, vcard.begin);
}

static enum pii_status vcard_run(struct pii_input *in, struct pii_sink *out)
{
	return pii_calcard_run(in, out, &vcard, NULL);
}

const struct pii_extractor pii_extractor_vcard = {
	.name = "vcard",
	.bid = vcard_bid,
	.run = vcard_run,
};
