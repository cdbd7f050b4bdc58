/*
 * ical.c - iCalendar files (.ics, RFC 5545): each event, to-do, journal
 * entry or free/busy block a row of the table "events", each property a
 * column (ATTENDEE, ORGANIZER, SUMMARY, LOCATION, DESCRIPTION). An alarm
 * belongs to its event. An attendee or organizer is handed on as its
 * name (CN=) and its address without "mailto:"; ids, time stamps, rules
 * and time zones are not read (a UID such as 1234@example.com is no
 * mailbox).
 */
#include <string.h>
#include <strings.h>

#include "pii_calcard.h"

static const char *const rows[] = {"VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", NULL};

/* Time zone definitions hold no one's data. */
static const char *const hidden[] = {"VTIMEZONE", NULL};

static const char *const technical[] = {
	"UID", "PRODID", "VERSION", "CALSCALE", "METHOD", "DTSTAMP", "DTSTART", "DTEND",
	"DUE", "COMPLETED", "CREATED", "LAST-MODIFIED", "SEQUENCE", "RRULE", "RDATE",
	"EXDATE", "EXRULE", "RECURRENCE-ID", "TZID", "TZNAME", "TZOFFSETFROM",
	"TZOFFSETTO", "TZURL", "TRANSP", "STATUS", "CLASS", "PRIORITY", "ACTION",
	"TRIGGER", "DURATION", "REPEAT", "PERCENT-COMPLETE", "FREEBUSY", "ATTACH",
	"RELATED-TO", "REQUEST-STATUS", "X-WR-TIMEZONE", "X-WR-RELCALID", NULL,
};

/* Outlook's, Thunderbird's and libical's own bookkeeping. */
static const char *const technical_prefixes[] = {"X-MICROSOFT-", "X-MS-OLK-", "X-MOZ-",
						 "X-LIC-", NULL};

/* An address of a CAL-ADDRESS: what follows "mailto:"; other URIs (urn:
 * uuid) are ids. */
static bool put_address(struct pii_calcard *cc, const struct pii_contentline *cl,
			const char *uri)
{
	size_t n = strlen(uri);
	if (n < 7 || strncasecmp(uri, "mailto:", 7))
		return true;
	return pii_calcard_put(cc, cl, uri + 7, n - 7);
}

/* ATTENDEE;CN="Jan Jansen";SENT-BY="mailto:sec@x.nl":mailto:jan@x.nl */
static bool put_person(struct pii_calcard *cc, const struct pii_contentline *cl)
{
	const char *cn = pii_cl_param(cl, "CN");
	if (cn && !pii_calcard_put(cc, cl, cn, strlen(cn)))
		return false;
	const char *sent_by = pii_cl_param(cl, "SENT-BY");
	if (sent_by && !put_address(cc, cl, sent_by))
		return false;
	const char *email = pii_cl_param(cl, "EMAIL"); /* RFC 7986: a bare address */
	if (email && !pii_calcard_put(cc, cl, email, strlen(email)))
		return false;
	return put_address(cc, cl, cl->value);
}

static bool property(struct pii_calcard *cc, const struct pii_contentline *cl,
		     struct pii_buf *scratch)
{
	if (!strcmp(cl->name, "ATTENDEE") || !strcmp(cl->name, "ORGANIZER"))
		return put_person(cc, cl);
	return pii_calcard_put_value(cc, cl, scratch);
}

static const struct pii_calcard_format ical = {
	.begin = "VCALENDAR",
	.table = "events",
	.rows = rows,
	.hidden = hidden,
	.technical = technical,
	.technical_prefixes = technical_prefixes,
	.property = property,
};

static int ical_bid(const struct pii_input *in, int best)
{
	return best >= PII_BID_SIGNATURE ? PII_BID_NONE : pii_calcard_bid(in, ical.begin);
}

static enum pii_status ical_run(struct pii_input *in, struct pii_sink *out)
{
	return pii_calcard_run(in, out, &ical);
}

const struct pii_extractor pii_extractor_ical = {
	.name = "ical",
	.bid = ical_bid,
	.run = ical_run,
};
