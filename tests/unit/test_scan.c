/*
 * A worker and the collector in-process: bytes in, inventory out, through
 * detection, decoding, extraction and aggregation.
 */
#include <stdlib.h>

#include "pii_collect.h"
#include "pii_limits.h"
#include "pii_rowstore.h"
#include "pii_scan.h"
#include "test.h"

struct harness {
	struct pii_options opt;
	struct pii_ruleset *rs;
	struct pii_fp_key key;
	struct pii_counters counters;
	struct pii_scan_ctx ctx;
	struct pii_worker *w;
};

static bool setup(struct harness *h, bool show_values)
{
	char err[512];
	memset(h, 0, sizeof(*h));
	pii_options_defaults(&h->opt);
	h->opt.show_values = show_values;
	h->opt.max_findings = 1000;
	h->rs = pii_rules_new();
	if (pii_rules_load_packs(h->rs, t_rules_dir, NULL, err, sizeof(err)) != PII_OK ||
	    pii_rules_compile(h->rs, err, sizeof(err)) != PII_OK)
		return false;
	memset(h->key.bytes, 7, sizeof(h->key.bytes));
	h->ctx.opt = &h->opt;
	h->ctx.rules = h->rs;
	h->ctx.fp_key = &h->key;
	h->ctx.counters = &h->counters;
	h->ctx.collector = pii_collector_start(&h->opt, h->rs, NULL);
	h->w = pii_worker_new(&h->ctx);
	return h->ctx.collector && h->w;
}

static struct pii_inventory *finish(struct harness *h)
{
	pii_worker_free(h->w);
	return pii_collector_finish(h->ctx.collector);
}

static void teardown(struct harness *h, struct pii_inventory *inv)
{
	pii_inventory_free(inv);
	free(inv);
	pii_rules_free(h->rs);
}

/* The rows of the inventory as "path|rule|count|distinct" lines. */
static const char *rows(const struct pii_inventory *inv)
{
	static char out[4096];
	out[0] = '\0';
	struct pii_rowcursor *c = pii_rowcursor_open(inv->store);
	const struct pii_inv_row *r;
	while (c && (r = pii_rowcursor_next(c))) {
		size_t used = strlen(out);
		snprintf(out + used, sizeof(out) - used, "%s|%s|%llu|%llu\n", r->path,
			 inv->rules->reports[r->report].name, (unsigned long long)r->count,
			 (unsigned long long)r->distinct);
	}
	if (!pii_rowcursor_close(c) || !c)
		return "(the rows could not be read)";
	return out;
}

static const char *finding_values(const struct pii_inventory *inv)
{
	static char out[4096];
	out[0] = '\0';
	for (size_t i = 0; i < inv->n_findings; i++) {
		size_t used = strlen(out);
		snprintf(out + used, sizeof(out) - used, "%s:%llu:%s;", inv->findings[i].path,
			 (unsigned long long)inv->findings[i].line, inv->findings[i].value);
	}
	return out;
}

void test_scan(void)
{
	struct harness h;
	CHECK(setup(&h, true));

	/* UTF-16LE with BOM, two lines */
	const char u16[] = "\xff\xfe" "m\0a\0i\0l\0 \0a\0.\0b\0@\0k\0p\0n\0.\0n\0l\0\n\0"
			   "0\0""6\0-\0""1\0""2\0""3\0""8\0""5\0""6\0""7\0""4\0";
	pii_worker_scan_buffer(h.w, 1, "u16.txt", u16, sizeof(u16) - 1);
	/* Windows-1252: the e-mail sits after accented words */
	const char latin[] = "Caf\xe9 M\xfcller: j.muller@caf\xe9" "bar.nl no, m.muller@ziggo.nl";
	pii_worker_scan_buffer(h.w, 2, "latin1.txt", latin, sizeof(latin) - 1);
	/* A binary with an ASCII string and a UTF-16LE string */
	unsigned char bin[256];
	memset(bin, 0, sizeof(bin));
	memcpy(bin, "\x7f" "ELF\x02\x01\x01", 7);
	memcpy(bin + 40, "user=p.bakker@xs4all.nl;", 24);
	const char wide[] = "I\0B\0A\0N\0 \0N\0L\0""9\0""1\0A\0B\0N\0A\0""0\0""4\0""1\0""7\0"
			    "1\0""6\0""4\0""3\0""0\0""0\0";
	memcpy(bin + 100, wide, sizeof(wide) - 1);
	pii_worker_scan_buffer(h.w, 3, "app.bin", bin, sizeof(bin));
	/* Same value twice, once written differently: one distinct value */
	const char twice[] = "06-12385674\n+31 6 1238 5674\n0612385674\n";
	pii_worker_scan_buffer(h.w, 4, "phones.txt", twice, sizeof(twice) - 1);
	/* Nothing to find */
	pii_worker_scan_buffer(h.w, 5, "empty.txt", "", 0);

	struct pii_inventory *inv = finish(&h);
	CHECK_STR(rows(inv),
		  "app.bin|email|1|1\n"
		  "app.bin|iban|1|1\n"
		  "latin1.txt|email|1|1\n"
		  "phones.txt|phone|3|1\n"
		  "u16.txt|email|1|1\n"
		  "u16.txt|phone|1|1\n");
	CHECK_STR(finding_values(inv),
		  "app.bin:0:p.bakker@xs4all.nl;app.bin:0:NL91ABNA0417164300;"
		  "latin1.txt:1:m.muller@ziggo.nl;"
		  "phones.txt:1:06-12385674;phones.txt:2:+31 6 1238 5674;phones.txt:3:0612385674;"
		  "u16.txt:1:a.b@kpn.nl;u16.txt:2:06-12385674;");
	/* The offsets of binary strings are file offsets. */
	for (size_t i = 0; i < inv->n_findings; i++)
		if (!strcmp(inv->findings[i].path, "app.bin") && inv->findings[i].value[0] == 'p')
			CHECK_U64(inv->findings[i].offset, 45);
	CHECK_U64(inv->files_scanned, 5);
	CHECK_U64(inv->files_with_findings, 4);
	/* The IBAN in app.bin is the registry's example (low): listed, not
	 * counted. */
	CHECK_U64(inv->findings_total, 7);
	CHECK_U64(inv->findings_uncounted, 1);
	teardown(&h, inv);

	/* UTF-8 read in place across read boundaries (an "é" cut by the end
	 * of the first read), a stray Latin-1 byte half-way (the rest of the
	 * file is then decoded), and a cut character at the very end. */
	CHECK(setup(&h, true));
	size_t big = 3 * PII_READ_CHUNK;
	char *text = malloc(big + 64);
	memset(text, 'x', big);
	for (size_t i = 80; i < big; i += 80)
		text[i] = '\n';
	static const char p1[] = " a.b@kpn.nl caf\xc3\xa9 ";  /* \xc3 at 15 */
	static const char p2[] = " c.d@kpn.nl \xe9 e.f@kpn.nl ";
	static const char p3[] = " g.h@kpn.nl \xe2\x82";
	size_t cut = PII_READ_CHUNK - 4 - 1; /* the first read's last byte */
	size_t at1 = cut - 15, at2 = PII_READ_CHUNK + 1001, at3 = big - 30;
	memcpy(text + at1, p1, sizeof(p1) - 1);
	memcpy(text + at2, p2, sizeof(p2) - 1);
	memcpy(text + at3, p3, sizeof(p3) - 1);
	size_t n = at3 + sizeof(p3) - 1;
	/* Where each address starts, and its line, from the bytes themselves. */
	size_t pos[4] = {at1 + 1, at2 + 1, at2 + 14, at3 + 1};
	uint64_t line[4];
	for (int k = 0; k < 4; k++) {
		line[k] = 1;
		for (size_t i = 0; i < pos[k]; i++)
			line[k] += text[i] == '\n';
	}
	pii_worker_scan_buffer(h.w, 1, "mixed.txt", text, n);
	inv = finish(&h);
	CHECK_STR(rows(inv), "mixed.txt|email|4|4\n");
	char want[256];
	snprintf(want, sizeof(want),
		 "mixed.txt:%llu:a.b@kpn.nl;mixed.txt:%llu:c.d@kpn.nl;"
		 "mixed.txt:%llu:e.f@kpn.nl;mixed.txt:%llu:g.h@kpn.nl;",
		 (unsigned long long)line[0], (unsigned long long)line[1],
		 (unsigned long long)line[2], (unsigned long long)line[3]);
	CHECK_STR(finding_values(inv), want);
	/* Offsets count the text as decoded: the Latin-1 byte became two. */
	if (inv->n_findings == 4) {
		CHECK_U64(inv->findings[0].offset, pos[0]);
		CHECK_U64(inv->findings[1].offset, pos[1]);
		CHECK_U64(inv->findings[2].offset, pos[2] + 1);
		CHECK_U64(inv->findings[3].offset, pos[3] + 1);
	}
	CHECK(inv->files_scanned == 1);
	teardown(&h, inv);
	free(text);

	/* Masked by default: no finding carries a digit of the BSN. */
	CHECK(setup(&h, false));
	pii_worker_scan_buffer(h.w, 1, "bsn.txt", "BSN 111222333 en 725763863", 26);
	inv = finish(&h);
	CHECK_STR(finding_values(inv), "bsn.txt:1:*********;bsn.txt:1:*********;");
	CHECK_STR(rows(inv), "bsn.txt|nl_bsn|2|2\n");
	teardown(&h, inv);
}
