/*
 * ical.c - iCalendar files (.ics, RFC 5545): each event, to-do, journal
 * entry or free/busy block a row of the table "events", each property a
 * column (ATTENDEE, ORGANIZER, SUMMARY, LOCATION, DESCRIPTION). An alarm
 * belongs to its event. An attendee or organizer is handed on as its
 * name (CN=) and its address without "mailto:"; ids, time stamps, rules
 * and time zones are not read (a UID such as 1234@example.com is no
 * mailbox). A yearly event about a birthday (the birthday calendars of
 * Outlook and Google: "Verjaardag Jan Jansen", RRULE:FREQ=YEARLY) holds a
 * date of birth in its DTSTART: handed on in column BDAY.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "pii_calcard.h"

static const char *const rows[] = {"VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", NULL};

/* Time zone definitions hold no one's data. */
static const char *const hidden[] = {"VTIMEZONE", NULL};

static const char *const technical[] = {
	"UID", "PRODID", "VERSION", "CALSCALE", "METHOD", "DTSTAMP", "DTEND",
	"DUE", "COMPLETED", "CREATED", "LAST-MODIFIED", "SEQUENCE", "RDATE",
	"EXDATE", "EXRULE", "RECURRENCE-ID", "TZID", "TZNAME", "TZOFFSETFROM",
	"TZOFFSETTO", "TZURL", "TRANSP", "STATUS", "CLASS", "PRIORITY", "ACTION",
	"TRIGGER", "DURATION", "REPEAT", "PERCENT-COMPLETE", "FREEBUSY", "ATTACH",
	"RELATED-TO", "REQUEST-STATUS", "X-WR-TIMEZONE", "X-WR-RELCALID", NULL,
};

/* Outlook's, Thunderbird's and libical's own bookkeeping. */
static const char *const technical_prefixes[] = {"X-MICROSOFT-", "X-MS-OLK-", "X-MOZ-",
						 "X-LIC-", NULL};

/* What an event tells of a birthday, gathered until its END. */
struct birthday {
	char date[11];        /* DTSTART as 1985-03-12; "" when not a date */
	struct pii_contentline at; /* where DTSTART stands */
	bool yearly;          /* RRULE:FREQ=YEARLY */
	bool about_birthday;  /* its SUMMARY or CATEGORIES say so */
};

static const char *const birthday_words[] = {
	"verjaardag", "jarig", "birthday", "geburtstag", "anniversaire", "cumpleaños",
	"compleanno", "urodziny", "doğum günü", NULL,
};

static bool mentions_birthday(const char *s, size_t n)
{
	for (const char *const *w = birthday_words; *w; w++)
		if (pii_memcasemem(s, n, *w, strlen(*w)))
			return true;
	return false;
}

/* DTSTART;VALUE=DATE:19850312 (or a date-time): its date, when whole. */
static void start_date(struct birthday *b, const struct pii_contentline *cl)
{
	const char *v = cl->value;
	b->date[0] = '\0';
	for (int i = 0; i < 8; i++)
		if (!v[i] || v[i] < '0' || v[i] > '9')
			return;
	if (v[8] && v[8] != 'T')
		return;
	snprintf(b->date, sizeof(b->date), "%.4s-%.2s-%.2s", v, v + 4, v + 6);
	b->at = (struct pii_contentline){.name = "BDAY", .line = cl->line, .offset = cl->offset};
}

/* At the event's end: a yearly birthday's start is a date of birth. */
static bool birthday_end(struct pii_calcard *cc)
{
	struct birthday *b = pii_calcard_state(cc);
	bool ok = true;
	if (b->yearly && b->about_birthday && b->date[0])
		ok = pii_calcard_put(cc, &b->at, b->date, strlen(b->date));
	*b = (struct birthday){0};
	return ok;
}

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
	struct birthday *b = pii_calcard_state(cc);
	if (!strcmp(cl->name, "ATTENDEE") || !strcmp(cl->name, "ORGANIZER"))
		return put_person(cc, cl);
	if (!strcmp(cl->name, "DTSTART")) {
		start_date(b, cl);
		return true;
	}
	if (!strcmp(cl->name, "RRULE")) {
		b->yearly = pii_memcasemem(cl->value, cl->value_len, "FREQ=YEARLY", 11) != NULL;
		return true;
	}
	if (!strcmp(cl->name, "SUMMARY") || !strcmp(cl->name, "CATEGORIES"))
		b->about_birthday |= mentions_birthday(cl->value, cl->value_len);
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
	.row_end = birthday_end,
};

static int ical_bid(const struct pii_input *in, int best)
{
	return best >= PII_BID_SIGNATURE ? PII_BID_NONE : pii_calcard_bid(in, ical.begin);
}

static enum pii_status ical_run(struct pii_input *in, struct pii_sink *out)
{
	struct birthday b = {0};
	return pii_calcard_run(in, out, &ical, &b);
}

const struct pii_extractor pii_extractor_ical = {
	.name = "ical",
	.bid = ical_bid,
	.run = ical_run,
};
