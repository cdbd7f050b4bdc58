/*
 * The archive extractor through the recording sink: each member handed
 * to child with its name and bytes, encrypted and damaged archives
 * listed with their codes, the limits' door obeyed.
 */
#include <stdlib.h>

#include "record_sink.h"

static const struct pii_extractor *const x = &pii_extractor_archive;

static const char dossier_start[] = "Klantdossier Bakker & Zonen\n";
static const char dossier_end[] = "NL39 RABO 0300 0652 64.\n";

/* The text of dossier.txt, 162 bytes, as every container fixture holds it. */
static bool is_dossier(const struct rs_rec *r)
{
	return r && r->len == 162 && !strncmp(r->text, dossier_start, strlen(dossier_start)) &&
	       !strcmp(r->text + r->len - strlen(dossier_end), dossier_end) && !r->cut &&
	       !r->read_failed && r->status == PII_OK;
}

static void zip_members(void)
{
	static const struct t_zip_member m[] = {
		{"a.txt", "Jan jan@example.nl\n", 0, false},
		{"geheim.txt", "0123456789abcdefGEHEIM", 0, true},
		{"sub/b.csv", "naam,email\nPiet,piet@example.nl\n", 0, false},
	};
	size_t len;
	unsigned char *zip = t_zip(m, 3, &len);
	/* whole in memory, and streamed as a member of something else */
	for (int streamed = 0; streamed < 2; streamed++) {
		struct t_input t;
		CHECK(streamed ? t_input_stream(&t, "mail!x.zip", zip, len)
			       : t_input_bytes(&t, "mail!x.zip", zip, len));
		CHECK(t_bid(&t, x) == PII_BID_SNIFFED);
		CHECK(pii_extractor_for(&t.in) == x);
		struct record_sink rs;
		rs_init(&rs);
		CHECK(t_extract(&t, x, &rs) == PII_OK);
		CHECK_CLEAN(&rs);
		CHECK_U64(rs.n, 3);
		/* in order: a member, the encrypted one listed, a member */
		const struct rs_rec *r = &rs.recs[0];
		CHECK(r->kind == RS_CHILD && !strcmp(r->name, "a.txt") &&
		      !strcmp(r->path, "mail!x.zip") && r->count == 19 &&
		      !strcmp(r->text, "Jan jan@example.nl\n") && r->depth == 0);
		r = &rs.recs[1];
		CHECK(r->kind == RS_PROBLEM && !strcmp(r->path, "mail!x.zip!geheim.txt") &&
		      !strcmp(r->code, PII_CODE_ENCRYPTED) && r->file_status == PII_FILE_SKIPPED);
		r = &rs.recs[2];
		CHECK(r->kind == RS_CHILD && !strcmp(r->name, "sub/b.csv") &&
		      !strcmp(r->text, m[2].data));
		CHECK(rs_text(&rs, "GEHEIM") == NULL && rs_child(&rs, "geheim.txt") == NULL);
		rs_free(&rs);
		t_input_free(&t);
	}
	free(zip);
}

/* Once child answers PII_ELIMIT, no member is read any more. */
static void door(void)
{
	static const struct t_zip_member m[] = {
		{"1.txt", "een", 0, false}, {"2.txt", "twee", 0, false}, {"3.txt", "drie", 0, false},
		{"4.txt", "vier", 0, false}, {"5.txt", "vijf", 0, false},
	};
	size_t len;
	unsigned char *zip = t_zip(m, 5, &len);
	struct record_sink rs;
	rs_init(&rs);
	rs_close_door_after(&rs, 2);
	/* the limit's row is the door's to write: the archive itself is fine */
	CHECK(t_run_bytes(&rs, x, "vijf.zip", zip, len) == PII_OK);
	CHECK_CLEAN(&rs);
	CHECK_U64(rs_count(&rs, RS_CHILD), 3);
	CHECK(rs_child(&rs, "2.txt") && rs_child(&rs, "2.txt")->status == PII_OK);
	const struct rs_rec *r = rs_child(&rs, "3.txt");
	CHECK(r && r->status == PII_ELIMIT);
	CHECK(rs_child(&rs, "4.txt") == NULL);
	CHECK_U64(rs_count(&rs, RS_PROBLEM), 0);
	rs_free(&rs);
	free(zip);
}

static void formats(void)
{
	static const struct {
		const char *path, *member;
	} fx[] = {
		{"fixtures/containers/dossier.zip", "dossier/dossier.txt"},
		{"fixtures/containers/dossier.tar", "dossier.txt"},
		{"fixtures/containers/dossier.tar.gz", "dossier.txt"},
		{"fixtures/containers/dossier.tar.bz2", "dossier.txt"},
		{"fixtures/containers/dossier.tar.xz", "dossier.txt"},
		{"fixtures/containers/dossier.tar.zst", "dossier.txt"},
		{"fixtures/containers/dossier.7z", "dossier.txt"},
		{"fixtures/containers/dossier.rar", "dossier.txt"},
		{"fixtures/containers/dossier.cpio", "dossier.txt"},
		{"fixtures/containers/dossier.iso", "dossier.txt"},
		/* a zip whatever its name */
		{"fixtures/containers/backup.dat", "dossier/dossier.txt"},
	};
	for (size_t i = 0; i < sizeof(fx) / sizeof(fx[0]); i++) {
		struct t_input t;
		CHECK(t_input_fixture(&t, fx[i].path));
		CHECK_MSG(t_bid(&t, x) == PII_BID_SNIFFED, "%s: bid %d", fx[i].path, t_bid(&t, x));
		struct record_sink rs;
		rs_init(&rs);
		CHECK(t_extract(&t, x, &rs) == PII_OK);
		CHECK_CLEAN(&rs);
		const struct rs_rec *r = rs_child(&rs, fx[i].member);
		CHECK_MSG(rs.n == 1 && is_dossier(r) && r->count == 162 && !strcmp(r->path, fx[i].path),
			  "%s", fx[i].path);
		if (rs.n != 1)
			rs_dump(&rs, stderr);
		rs_free(&rs);
		t_input_free(&t);
	}
}

/* A compressed file has one member: the name its header keeps, else
 * its own name less the suffix. */
static void compressed_files(void)
{
	static const struct {
		const char *fixture, *path, *member;
	} fx[] = {
		{"fixtures/containers/dossier.txt.gz", "post/brief.log.gz", "brief.log"},
		{"fixtures/containers/dossier.txt.bz2", "post/brief.log.bz2", "brief.log"},
		{"fixtures/containers/dossier.txt.xz", "a.zip!post/notes.xz", "notes"},
		{"fixtures/containers/dossier.txt.zst", "post/brief.log.zst", "brief.log"},
		{"fixtures/containers/dossier.txt.bz2", "post/blob", "blob.uncompressed"},
	};
	for (size_t i = 0; i < sizeof(fx) / sizeof(fx[0]); i++) {
		size_t len;
		unsigned char *data = t_read_file(fx[i].fixture, &len);
		CHECK(data != NULL);
		if (!data)
			continue;
		struct record_sink rs;
		rs_init(&rs);
		CHECK(t_run_bytes(&rs, x, fx[i].path, data, len) == PII_OK);
		CHECK_CLEAN(&rs);
		const struct rs_rec *r = rs_child(&rs, fx[i].member);
		CHECK_MSG(rs.n == 1 && is_dossier(r) && r->count == 0, "%s as %s", fx[i].fixture,
			  fx[i].path);
		if (rs.n != 1 || !r)
			rs_dump(&rs, stderr);
		rs_free(&rs);
		free(data);
	}

	/* gzip with FNAME set (flags 0x08): "origineel.txt" follows the
	 * header's ten bytes */
	static const char named[] =
		"\x1f\x8b\x08\x08\xa3\x2a\x13\x6b\x02\xff" "origineel.txt\0"
		"\xcb\x48\xcc\xc9\xc9\x57\xc8\x4a\xcc\x73\x48\xad\x48\xcc\x2d\xc8\x49\xd5"
		"\xcb\xcb\xe1\x02\x00\xa2\xb7\x58\x42\x15\x00\x00\x00";
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "post/x.gz", named, sizeof(named) - 1) == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_child(&rs, "origineel.txt");
	CHECK(r && !strcmp(r->text, "hallo jan@example.nl\n")); /* 0x15 = 21 bytes */
	rs_free(&rs);
}

static void encrypted_and_damaged(void)
{
	struct record_sink rs;
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/hostile/encrypted.zip") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *p = rs_problem(&rs, PII_CODE_ENCRYPTED);
	CHECK(p && !strcmp(p->path, "fixtures/hostile/encrypted.zip!dossier.txt") &&
	      p->file_status == PII_FILE_SKIPPED);
	CHECK_U64(rs_count(&rs, RS_CHILD), 0);
	rs_free(&rs);

	/* a tar.gz cut short: the members before the cut, and a row */
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/hostile/truncated.tar.gz") == PII_OK);
	CHECK_CLEAN(&rs);
	for (int i = 0; i < 3; i++) {
		char name[32];
		snprintf(name, sizeof(name), "deel%d.txt", i);
		const struct rs_rec *r = rs_child(&rs, name);
		CHECK_MSG(r && r->len == 19662 && r->count == 19662 &&
			  !strncmp(r->text, dossier_start, strlen(dossier_start)), "%s", name);
	}
	p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && !strcmp(p->path, "fixtures/hostile/truncated.tar.gz") &&
	      p->file_status == PII_FILE_PARTIAL && strstr(p->reason, "cut short"));
	CHECK(rs_child(&rs, "deel4.txt") == NULL);
	rs_free(&rs);

	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/hostile/cut.txt.gz") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_child(&rs, "cut.txt");
	CHECK(r && r->len > 0 && !strncmp(r->text, "Klant Jan de Vries", 18));
	p = rs_problem(&rs, PII_CODE_DAMAGED);
	CHECK(p && !strcmp(p->path, "fixtures/hostile/cut.txt.gz") &&
	      p->file_status == PII_FILE_PARTIAL);
	rs_free(&rs);

	/* a zip whose central directory is broken is read by its local
	 * headers, as it streams */
	rs_init(&rs);
	CHECK(t_run_fixture(&rs, x, "fixtures/hostile/bad-central-dir.zip") == PII_OK);
	CHECK_CLEAN(&rs);
	r = rs_child(&rs, "a.txt");
	CHECK(r && !strcmp(r->text, "mail j.devries@ziggo.nl\n"));
	r = rs_child(&rs, "b.txt");
	CHECK(r && !strcmp(r->text, "BSN 725763863\n"));
	rs_free(&rs);

	/* gzip's magic and no gzip after it: libarchive reads it with no
	 * filter, as the raw format; its one member would be the input
	 * itself, an archive again down to --max-depth (as it once was): it
	 * is damaged */
	const char junk[] = "\x1f\x8bjunkjunkjunkjunk";
	rs_init(&rs);
	CHECK(t_run_bytes(&rs, x, "kapot.gz", junk, sizeof(junk) - 1) == PII_OK);
	CHECK_U64(rs_count(&rs, RS_CHILD), 0);
	CHECK(rs_problem(&rs, PII_CODE_DAMAGED) != NULL);
	rs_free(&rs);
}

/* Members of members, read as the worker would: a zip in a tar.gz in a
 * zip, each level one "!" deeper. */
static void nested(void)
{
	struct record_sink rs;
	rs_init(&rs);
	rs.recurse = true;
	CHECK(t_run_fixture(&rs, x, "fixtures/containers/nested.zip") == PII_OK);
	CHECK_CLEAN(&rs);
	const struct rs_rec *r = rs_child(&rs, "level2.tar.gz");
	CHECK(r && r->depth == 0);
	r = rs_child(&rs, "level3.zip");
	CHECK(r && r->depth == 1 && !strcmp(r->path, "fixtures/containers/nested.zip!level2.tar.gz"));
	r = rs_child(&rs, "dossier.txt");
	CHECK(is_dossier(r) && r->depth == 2);
	r = rs_text(&rs, "Contactpersoon: Jan de Vries");
	CHECK(r && r->stream &&
	      !strcmp(r->loc.file,
		      "fixtures/containers/nested.zip!level2.tar.gz!level3.zip!dossier.txt"));
	rs_free(&rs);
}

static void bids(void)
{
	struct t_input t;
	const char *text = "PK is geen zip\n";
	CHECK(t_input_bytes(&t, "a.zip", text, strlen(text)));
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	t_input_free(&t);
	static const unsigned char noise[] = {0x00, 0x13, 0x37, 0x42, 0x00, 0xfe, 0x01, 0x02};
	CHECK(t_input_bytes(&t, "a.gz", noise, sizeof(noise)));
	CHECK(t.in.type.kind == PII_KIND_BINARY);
	CHECK(t_bid(&t, x) == PII_BID_NONE);
	t_input_free(&t);
}

void test_extract_archive(void)
{
	zip_members();
	door();
	formats();
	compressed_files();
	encrypted_and_damaged();
	nested();
	bids();
}
