/*
 * The mail extractor through the recording sink: headers and body as
 * parts, decoded (RFC 2047, quoted-printable, base64, charsets);
 * attachments and forwarded messages handed to child by name; the
 * messages of an mbox as members at the limits' door.
 */
#include "record_sink.h"

/* A build without GMime has no mail extractor: the suite is empty. */
#if HAVE_GMIME

static const struct pii_extractor *const x = &pii_extractor_mail;

/* The stream of part `part` located at file `file`, or NULL. */
static const struct rs_rec *part_of(const struct record_sink *rs, const char *file,
				    const char *part)
{
	for (size_t i = 0; i < rs->n; i++) {
		const struct rs_rec *r = &rs->recs[i];
		if (r->kind == RS_TEXT && r->loc.part && !strcmp(r->loc.part, part) &&
		    !strcmp(r->loc.file, file))
			return r;
	}
	return NULL;
}

static void eml_fixture(void)
{
	struct t_input t;
	CHECK(t_input_fixture(&t, "fixtures/mail/dossier.eml"));
	CHECK(t_bid(&t, x) == PII_BID_SHAPE);
	CHECK(pii_extractor_for(&t.in) == x);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *h = part_of(&rs, "fixtures/mail/dossier.eml!headers", "headers");
	CHECK(h && h->stream && h->lines);
	if (h) {
		/* =?UTF-8?Q?Jan_de_Vries?= and =?ISO-8859-1?Q?...?= decoded */
		CHECK(strstr(h->text, "From: Jan de Vries <j.devries@ziggo.nl>\n"));
		CHECK(strstr(h->text, "Subject: Mijn gegevens voor het dossier\n"));
		CHECK(strstr(h->text, "[81.204.13.77])"));
		/* message ids look like addresses: left out */
		CHECK(!strstr(h->text, "Message-ID") && !strstr(h->text, "20240312100102.1234"));
	}
	/* quoted-printable undone (a soft break joined, =E9 in Latin-1) */
	const struct rs_rec *b = part_of(&rs, "fixtures/mail/dossier.eml!body", "body");
	CHECK(b && !strcmp(b->text, "Goedemorgen,\n\nU kunt mij bellen op telefoon 06-23456789. "
				    "Mijn BSN is 725763863.\nMet vriendelijke groet, Jan de Vries "
				    "(Caf\xc3\xa9 De Zwaluw)\n"));
	/* the base64 attachment, decoded, by its file name */
	const struct rs_rec *c = rs_child(&rs, "dossier.txt");
	CHECK(c && !strcmp(c->path, "fixtures/mail/dossier.eml") && c->len == 162 && c->count == 162 &&
	      !strncmp(c->text, "Klantdossier Bakker & Zonen\n", 28) &&
	      strstr(c->text, "BSN 725763863. Rekening (IBAN) NL39 RABO 0300 0652 64.\n"));
	/* one message: no members */
	CHECK_U64(rs_count(&rs, RS_MEMBER), 0);
	CHECK_U64(rs_count(&rs, RS_TEXT), 2);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
	t_input_free(&t);
}

static void mbox_fixture(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/mail/archief.mbox") == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs_count(&rs, RS_MEMBER), 3);
	const struct rs_rec *r = part_of(&rs, "fixtures/mail/archief.mbox!msg-1/headers", "headers");
	CHECK(r && strstr(r->text, "Subject: Vraag over mijn bestelling\n"));
	r = part_of(&rs, "fixtures/mail/archief.mbox!msg-1/body", "body");
	CHECK(r && !strcmp(r->text, "Kunt u mij terugbellen? Mijn telefoon is 06-23456789.\n"));
	r = part_of(&rs, "fixtures/mail/archief.mbox!msg-2/body", "body");
	CHECK(r && !strcmp(r->text, "Bijgaand uw dossier."));
	/* attachments are named after their message */
	r = rs_child(&rs, "msg-2/dossier.zip");
	CHECK(r && r->len == 268 && !memcmp(r->text, "PK\x03\x04", 4) &&
	      !strcmp(r->path, "fixtures/mail/archief.mbox"));
	/* an HTML body goes through detection as a member */
	r = rs_child(&rs, "msg-3/body.html");
	CHECK(r && strstr(r->text, "<p>Graag afschrijven van rekening NL39 RABO 0300 0652 64.</p>"));
	CHECK(part_of(&rs, "fixtures/mail/archief.mbox!msg-3/body", "body") == NULL);
	CHECK_U64(rs_count(&rs, RS_CHILD), 2);
	rs_free(&rs);

	/* the door: once a message is refused, no more are read */
	rs_init(&rs);
	rs_close_door_after(&rs, 1);
	CHECK(t_run_fixture(&rs, x, "fixtures/mail/archief.mbox") == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs_count(&rs, RS_MEMBER), 2);
	CHECK(rs.n && rs.recs[rs.n - 1].kind == RS_MEMBER &&
	      rs.recs[rs.n - 1].status == PII_ELIMIT);
	CHECK(part_of(&rs, "fixtures/mail/archief.mbox!msg-1/body", "body") != NULL);
	CHECK(rs_text(&rs, "Uw dossier") == NULL);
	CHECK_U64(rs_count(&rs, RS_CHILD), 0);
	rs_free(&rs);
}

static const char multipart[] =
	"From: Piet <piet@example.nl>\n"
	"To: jan@example.nl\n"
	"Subject: Stukken\n"
	"Message-ID: <abc.123@example.nl>\n"
	"MIME-Version: 1.0\n"
	"Content-Type: multipart/mixed; boundary=\"b1\"\n"
	"\n"
	"--b1\n"
	"Content-Type: text/plain; charset=utf-8\n"
	"\n"
	"Zie bijlagen.\n"
	"--b1\n"
	"Content-Type: application/octet-stream\n"
	"Content-Transfer-Encoding: base64\n"
	"\n"
	"AAECAw==\n"
	"--b1\n"
	"Content-Type: text/csv; name=\"map/lijst.csv\"\n"
	"Content-Disposition: attachment; filename=\"map/lijst.csv\"\n"
	"\n"
	"naam,email\n"
	"Kees,kees@example.nl\n"
	"--b1\n"
	"Content-Type: message/rfc822\n"
	"\n"
	"From: Kees <kees@example.nl>\n"
	"Subject: Oud bericht\n"
	"\n"
	"Doorgestuurd.\n"
	"--b1--\n";

static void attachments(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_text(&rs, x, "in/stukken.eml", multipart) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = part_of(&rs, "in/stukken.eml!headers", "headers");
	CHECK(r && strstr(r->text, "Subject: Stukken\n") && !strstr(r->text, "abc.123"));
	r = part_of(&rs, "in/stukken.eml!body", "body");
	CHECK(r && !strcmp(r->text, "Zie bijlagen."));
	/* no name: numbered; "/" in a name is no folder */
	r = rs_child(&rs, "attachment-1");
	CHECK(r && r->len == 4 && !memcmp(r->text, "\x00\x01\x02\x03", 4));
	r = rs_child(&rs, "map_lijst.csv");
	CHECK(r && !strncmp(r->text, "naam,email\nKees,kees@example.nl", 31));
	/* a forwarded message is written out whole, as a mail of its own */
	r = rs_child(&rs, "forwarded-2.eml");
	CHECK(r && strstr(r->text, "From: Kees <kees@example.nl>") && strstr(r->text, "Doorgestuurd."));
	CHECK_U64(rs_count(&rs, RS_CHILD), 3);
	rs_free(&rs);

	/* followed into: the forwarded mail's parts and the CSV's cells */
	rs_init(&rs);
	rs.recurse = true;
	CHECK(t_run_text(&rs, x, "in/stukken.eml", multipart) == PII_OK);
	CHECK_CLEAN(&rs);
	r = part_of(&rs, "in/stukken.eml!forwarded-2.eml!body", "body");
	CHECK(r && strstr(r->text, "Doorgestuurd."));
	r = rs_text_eq(&rs, "kees@example.nl");
	CHECK(r && !strcmp(r->loc.file, "in/stukken.eml!map_lijst.csv") && r->loc.column &&
	      !strcmp(r->loc.column, "email"));
	rs_free(&rs);

	/* attachments stop at the door; the message's own text is read */
	rs_init(&rs);
	rs_close_door_after(&rs, 1);
	CHECK(t_run_text(&rs, x, "in/stukken.eml", multipart) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs_count(&rs, RS_CHILD), 2);
	r = rs_child(&rs, "map_lijst.csv");
	CHECK(r && r->status == PII_ELIMIT);
	CHECK(rs_child(&rs, "forwarded-2.eml") == NULL);
	CHECK(part_of(&rs, "in/stukken.eml!body", "body") != NULL);
	rs_free(&rs);
}

static void bids(void)
{
	static const struct {
		const char *text;
		int bid;
	} cases[] = {
		{"From: a@example.nl\nTo: b@example.nl\n\nHallo\n", PII_BID_SHAPE},
		{"From jan@example.nl Tue Mar 12 10:01:02 2024\nFrom: a@example.nl\n"
		 "Subject: x\n\nHallo\n", PII_BID_SHAPE},
		/* header-like lines, but none every mail has */
		{"Naam: Jan\nAdres: Kerkstraat 1\n\nrest\n", PII_BID_NONE},
		{"Beste Jan,\n\nHallo\n", PII_BID_NONE},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct t_input t;
		CHECK(t_input_bytes(&t, "m", cases[i].text, strlen(cases[i].text)));
		CHECK_MSG(t_bid(&t, x) == cases[i].bid, "case %zu: bid %d", i, t_bid(&t, x));
		t_input_free(&t);
	}
}

#endif

void test_extract_mail(void)
{
#if HAVE_GMIME
	eml_fixture();
	mbox_fixture();
	attachments();
	bids();
#endif
}
