/*
 * The Outlook data file extractor through the recording sink: every item
 * a member at the limits' door, its properties as "headers" and its text
 * as "body", attachments and HTML bodies handed to child.
 */
#include "record_sink.h"

/* A build without libpff has no Outlook extractor: the suite is empty. */
#if HAVE_LIBPFF

static const struct pii_extractor *const x = &pii_extractor_pst;

#define PST "fixtures/mail/dossier.pst"

/* The stream of part `part` of item `item` ("Inbox/msg-1"), or NULL. */
static const struct rs_rec *item_part(const struct record_sink *rs, const char *item,
				      const char *part)
{
	char file[256];
	snprintf(file, sizeof(file), "%s!%s", PST, item);
	for (size_t i = 0; i < rs->n; i++) {
		const struct rs_rec *r = &rs->recs[i];
		if (r->kind == RS_TEXT && r->loc.part && !strcmp(r->loc.part, part) &&
		    !strcmp(r->loc.file, file))
			return r;
	}
	return NULL;
}

static void check_items(const struct record_sink *rs)
{
	CHECK_CLEAN(rs);
	/* two mails in Inbox, a contact in Contacts */
	CHECK_U64(rs_count(rs, RS_MEMBER), 3);
	const struct rs_rec *r = item_part(rs, "Inbox/msg-1", "headers");
	CHECK(r && r->stream);
	if (r) {
		CHECK(strstr(r->text, "Subject: Mijn gegevens voor het dossier\n"));
		CHECK(strstr(r->text, "[81.204.13.77])"));
		CHECK(strstr(r->text, "Recipient E-mail: klantenservice@bakkerzonen.nl\n"));
		/* the transport headers without the message id */
		CHECK(!strstr(r->text, "Message-ID") && !strstr(r->text, "20240312100102.1234"));
	}
	r = item_part(rs, "Inbox/msg-1", "body");
	CHECK(r && strstr(r->text, "U kunt mij bellen op telefoon 06-23456789. Mijn BSN is 725763863."));
	r = rs_child(rs, "Inbox/msg-1/dossier.txt");
	CHECK(r && r->len == 162 && r->count == 162 && !strcmp(r->path, PST) &&
	      !strncmp(r->text, "Klantdossier Bakker & Zonen\n", 28));
	/* an HTML body without a plain one goes through detection */
	r = item_part(rs, "Inbox/msg-2", "headers");
	CHECK(r && !strcmp(r->text, "Subject: Betaling\n"));
	CHECK(item_part(rs, "Inbox/msg-2", "body") == NULL);
	r = rs_child(rs, "Inbox/msg-2/body.html");
	CHECK(r && strstr(r->text, "NL39 RABO 0300 0652 64"));
	/* a contact: its fields with their labels */
	r = item_part(rs, "Contacts/msg-1", "headers");
	CHECK(r && strstr(r->text, "E-mail: j.devries@ziggo.nl\n") &&
	      strstr(r->text, "Mobile phone: 06-23456789\n") &&
	      strstr(r->text, "Postal address: Keizersgracht 1"));
	CHECK_U64(rs_count(rs, RS_CHILD), 2);
	CHECK_U64(rs_count(rs, RS_PROBLEM), 0);
}

static void fixture(void)
{
	/* a member of something else (a memory file), and a file on disk */
	for (int on_disk = 0; on_disk < 2; on_disk++) {
		struct t_input t;
		CHECK(on_disk ? t_input_open(&t, PST) : t_input_fixture(&t, PST));
		CHECK(t_bid(&t, x) == PII_BID_EXACT);
		CHECK(pii_extractor_for(&t.in) == x);
		struct record_sink rs;
		rs_init(&rs);
		CHECK(t_extract(&t, x, &rs) == PII_OK);
		check_items(&rs);
		rs_free(&rs);
		t_input_free(&t);
	}
}

/* Once the door closes no item is read any more. */
static void door(void)
{
	struct record_sink rs;
	rs_init(&rs);
	/* the first mail, its attachment; the second mail is refused */
	rs_close_door_after(&rs, 2);
	CHECK(t_run_fixture(&rs, x, PST) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs_count(&rs, RS_MEMBER), 2);
	CHECK(rs.n && rs.recs[rs.n - 1].kind == RS_MEMBER &&
	      rs.recs[rs.n - 1].status == PII_ELIMIT);
	CHECK(item_part(&rs, "Inbox/msg-1", "body") != NULL);
	CHECK(item_part(&rs, "Inbox/msg-2", "headers") == NULL);
	CHECK(item_part(&rs, "Contacts/msg-1", "headers") == NULL);
	rs_free(&rs);
}

static void damaged_and_bids(void)
{
	unsigned char pst[1024] = {0};
	memcpy(pst, "!BDN\x87\xe1\xa7\x49SM\x17\x00", 12);
	struct t_input t;
	CHECK(t_input_bytes(&t, "kapot.pst", pst, sizeof(pst)));
	CHECK(t_bid(&t, x) == PII_BID_EXACT);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_extract(&t, x, &rs) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && !strcmp(p->path, "kapot.pst") && p->file_status == PII_FILE_FAILED &&
	      !strncmp(p->reason, "not readable as an Outlook data file", 36));
	CHECK_U64(rs_count(&rs, RS_TEXT), 0);
	rs_free(&rs);
	t_input_free(&t);

	/* an OST says "SO" */
	memcpy(pst + 8, "SO", 2);
	CHECK(t_input_bytes(&t, "a.ost", pst, sizeof(pst)));
	CHECK(t_bid(&t, x) == PII_BID_EXACT);
	t_input_free(&t);
	memcpy(pst + 8, "XY", 2);
	CHECK(t_input_bytes(&t, "a.pst", pst, sizeof(pst)));
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	t_input_free(&t);
}

#endif

void test_extract_pst(void)
{
#if HAVE_LIBPFF
	fixture();
	door();
	damaged_and_bids();
#endif
}
