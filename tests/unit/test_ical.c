/*
 * The iCalendar extractor through the recording sink: events and to-dos
 * as rows, attendees and organizers as name and address, an alarm in its
 * event, time zones and ids not read, damaged nesting.
 */
#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_ical;

/* The texts equal to want in column col of row row, on line line. */
static size_t cells(const struct record_sink *rs, const char *want, const char *col,
		    uint64_t row, uint64_t line)
{
	size_t k = 0;
	for (const struct rs_rec *r = rs_text_eq(rs, want); r;
	     r = rs_text_next(rs, r, want)) {
		if (strcmp(r->text, want))
			continue;
		k += r->loc.column && !strcmp(r->loc.column, col) && r->loc.table &&
		     !strcmp(r->loc.table, "events") && r->row == row && r->line == line;
	}
	return k;
}

static const char agenda[] =
	"BEGIN:VCALENDAR\r\n"
	"VERSION:2.0\r\n"
	"PRODID:-//piiscan//test//NL\r\n"
	"X-WR-CALNAME:Agenda van Anna Visser\r\n"
	"BEGIN:VTIMEZONE\r\n"
	"TZID:Europe/Amsterdam\r\n"
	"X-LIC-LOCATION:Europe/Amsterdam\r\n"
	"BEGIN:STANDARD\r\n"
	"TZNAME:CET\r\n"
	"COMMENT:tijdzone 3511 AB\r\n"
	"END:STANDARD\r\n"
	"END:VTIMEZONE\r\n"
	"BEGIN:VEVENT\r\n"
	"UID:e.dekker@hotmail.com\r\n"
	"DTSTAMP:20240301T120000Z\r\n"
	"SUMMARY:Functioneringsgesprek\r\n"
	"LOCATION:Kerkstraat 12\\, 3511 AB Utrecht\r\n"
	"DESCRIPTION:Bij vragen:\\nbel 06-48213975\r\n"
	"ORGANIZER;CN=Anna Visser;SENT-BY=\"mailto:secretariaat@hr-bureau.nl\":mailto:a.visser@hr-bureau.nl\r\n"
	"ATTENDEE;CN=\"Jan de Vries\";ROLE=REQ-PARTICIPANT:MAILTO:jan.devries@ziggo.nl\r\n"
	"ATTENDEE;CUTYPE=INDIVIDUAL;CN=Sanne Jansen:mailto:sanne.jansen@\r\n"
	" kpnmail.nl\r\n"
	"ATTENDEE;CUTYPE=RESOURCE:urn:uuid:4f9c2d1e-8a7b-4c3d\r\n"
	"BEGIN:VALARM\r\n"
	"ACTION:EMAIL\r\n"
	"TRIGGER:-PT15M\r\n"
	"DESCRIPTION:Herinnering\r\n"
	"ATTENDEE:mailto:p.bakker@xs4all.nl\r\n"
	"END:VALARM\r\n"
	"X-MICROSOFT-CDO-OWNERAPPTID:628194821\r\n"
	"END:VEVENT\r\n"
	"BEGIN:VTODO\r\n"
	"UID:20240312-0001@hr-bureau.nl\r\n"
	"SUMMARY:Loonstrook nasturen\r\n"
	"END:VTODO\r\n"
	"END:VCALENDAR\r\n";

static void calendar(void)
{
	struct t_input t;
	CHECK(t_input_bytes(&t, "agenda.dat", agenda, strlen(agenda)));
	CHECK(t_bid(&t, x) == PII_BID_SIGNATURE);
	CHECK(t_bid(&t, &pii_extractor_vcard) == PII_BID_NONE);
	CHECK(pii_extractor_for(&t.in) == x);
	t_input_free(&t);

	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "agenda.ics", agenda) == PII_OK);
	CHECK_CLEAN(&rs);
	/* the calendar's own properties are in no row */
	CHECK_U64(cells(&rs, "Agenda van Anna Visser", "X-WR-CALNAME", 0, 4), 1);
	CHECK_U64(cells(&rs, "Functioneringsgesprek", "SUMMARY", 1, 16), 1);
	CHECK_U64(cells(&rs, "Kerkstraat 12, 3511 AB Utrecht", "LOCATION", 1, 17), 1);
	CHECK_U64(cells(&rs, "Bij vragen:\nbel 06-48213975", "DESCRIPTION", 1, 18), 1);
	/* name and address (mailto: in any case), and who sends for them */
	CHECK_U64(cells(&rs, "Anna Visser", "ORGANIZER", 1, 19), 1);
	CHECK_U64(cells(&rs, "a.visser@hr-bureau.nl", "ORGANIZER", 1, 19), 1);
	CHECK_U64(cells(&rs, "secretariaat@hr-bureau.nl", "ORGANIZER", 1, 19), 1);
	CHECK_U64(cells(&rs, "Jan de Vries", "ATTENDEE", 1, 20), 1);
	CHECK_U64(cells(&rs, "jan.devries@ziggo.nl", "ATTENDEE", 1, 20), 1);
	CHECK_U64(cells(&rs, "Sanne Jansen", "ATTENDEE", 1, 21), 1);
	CHECK_U64(cells(&rs, "sanne.jansen@kpnmail.nl", "ATTENDEE", 1, 21), 1);
	CHECK(rs_text(&rs, "mailto") == NULL);
	CHECK(rs_text(&rs, "urn:uuid") == NULL);
	/* the alarm is its event's */
	CHECK_U64(cells(&rs, "p.bakker@xs4all.nl", "ATTENDEE", 1, 28), 1);
	CHECK_U64(cells(&rs, "Herinnering", "DESCRIPTION", 1, 27), 1);
	CHECK_U64(cells(&rs, "Loonstrook nasturen", "SUMMARY", 2, 34), 1);
	/* ids, stamps, time zones and Outlook's bookkeeping are not read */
	CHECK(rs_text(&rs, "dekker") == NULL);
	CHECK(rs_text(&rs, "hr-bureau.nl") && !rs_text(&rs, "20240312"));
	CHECK(rs_text(&rs, "Europe") == NULL);
	CHECK(rs_text(&rs, "tijdzone") == NULL);
	CHECK(rs_text(&rs, "628194821") == NULL);
	CHECK(rs_text(&rs, "EMAIL") == NULL);
	const struct rs_rec *r = rs_table_rows(&rs, "events");
	CHECK(r && r->count == 2 && !strcmp(r->path, "agenda.ics"));
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
}

/* An event inside an event, an END that closes what is open inside it,
 * and a calendar cut short: every property read, in its own row. */
static void nesting(void)
{
	const char *ics = "begin:vcalendar\n"
			  "BEGIN:VEVENT\n"
			  "SUMMARY:buiten\n"
			  "BEGIN:VEVENT\n"
			  "SUMMARY:binnen\n"
			  "BEGIN:VALARM\n"
			  "END:VEVENT\n"
			  "LOCATION:weer buiten\n"
			  "END:VEVENT\n"
			  "END:VTODO\n"
			  "BEGIN:VTODO\n"
			  "SUMMARY:afgebroken";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "nest.ics", ics) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(cells(&rs, "buiten", "SUMMARY", 1, 3), 1);
	CHECK_U64(cells(&rs, "binnen", "SUMMARY", 2, 5), 1);
	CHECK_U64(cells(&rs, "weer buiten", "LOCATION", 1, 8), 1);
	CHECK_U64(cells(&rs, "afgebroken", "SUMMARY", 3, 12), 1);
	const struct rs_rec *r = rs_table_rows(&rs, "events");
	CHECK(r && r->count == 3);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);

	/* nested past the stack: the scan goes on, nothing lost */
	struct pii_buf deep = {0};
	for (int i = 0; i < 1000; i++)
		pii_buf_printf(&deep, "BEGIN:VEVENT\nSUMMARY:e%d\n", i);
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "diep.ics", deep.data, deep.len) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(cells(&rs, "e999", "SUMMARY", 1000, 2000), 1);
	r = rs_table_rows(&rs, "events");
	CHECK(r && r->count == 1000);
	rs_free(&rs);
	pii_buf_free(&deep);
}

/* A birthday calendar: a yearly event about a birthday holds a date of
 * birth in its DTSTART (column BDAY, on the DTSTART's line); a yearly
 * meeting and a one-off birthday party do not. */
static void birthdays(void)
{
	const char *ics = "BEGIN:VCALENDAR\r\n"
			  "BEGIN:VEVENT\r\n"
			  "DTSTART;VALUE=DATE:19850312\r\n"
			  "RRULE:FREQ=YEARLY\r\n"
			  "SUMMARY:Verjaardag Jan de Vries\r\n"
			  "END:VEVENT\r\n"
			  "BEGIN:VEVENT\r\n"
			  "SUMMARY:Anna Jansen's birthday\r\n"
			  "DTSTART:19790521T000000\r\n"
			  "RRULE:FREQ=YEARLY;BYMONTH=5\r\n"
			  "END:VEVENT\r\n"
			  "BEGIN:VEVENT\r\n"
			  "DTSTART;VALUE=DATE:20200102\r\n"
			  "RRULE:FREQ=YEARLY\r\n"
			  "SUMMARY:Jaarvergadering\r\n"
			  "END:VEVENT\r\n"
			  "BEGIN:VEVENT\r\n"
			  "DTSTART:20240601T180000\r\n"
			  "SUMMARY:Verjaardagsfeest Piet\r\n"
			  "END:VEVENT\r\n"
			  "END:VCALENDAR\r\n";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "verjaardagen.ics", ics) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(cells(&rs, "1985-03-12", "BDAY", 1, 3), 1);
	CHECK_U64(cells(&rs, "1979-05-21", "BDAY", 2, 9), 1);
	CHECK(rs_text(&rs, "2020-01-02") == NULL && rs_text(&rs, "2024-06-01") == NULL);
	CHECK(rs_text(&rs, "20200102") == NULL);
	rs_free(&rs);
}

void test_ical(void)
{
	birthdays();
	calendar();
	nesting();
}
