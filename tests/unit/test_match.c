/*
 * The matcher: context, overlaps, reporting windows, work limits, and
 * the prefilter, which must never change what is found.
 */
#include <stdlib.h>
#include <unistd.h>

#include "pii_match.h"
#include "pii_rules.h"
#include "match_db.h"
#include "test.h"

static struct pii_ruleset *load_shipped(bool no_prefilter, bool no_vectorscan)
{
	char err[512];
	struct pii_ruleset *rs = pii_rules_new();
	if (pii_rules_load_packs(rs, t_rules_dir, NULL, err, sizeof(err)) != PII_OK)
		return NULL;
	/* Without prefilters, rules that require context run everywhere too. */
	rs->no_anchoring = no_prefilter;
	rs->no_vectorscan = no_vectorscan;
	if (no_prefilter)
		for (size_t i = 0; i < rs->n_rules; i++) {
			free(rs->rules[i].trigger);
			free(rs->rules[i].span);
			free(rs->rules[i].seed);
			rs->rules[i].trigger = rs->rules[i].span = rs->rules[i].seed = NULL;
		}
	if (pii_rules_compile(rs, err, sizeof(err)) != PII_OK) {
		pii_rules_free(rs);
		return NULL;
	}
	return rs;
}

/* The rule set of yaml, loaded and compiled; NULL with the reason in err. */
static struct pii_ruleset *load_yaml_err(const char *yaml, char *err, size_t errlen)
{
	char path[] = "/tmp/piiscan-match-XXXXXX.yaml";
	int fd = mkstemps(path, 5);
	if (fd < 0) {
		snprintf(err, errlen, "mkstemps");
		return NULL;
	}
	ssize_t w = write(fd, yaml, strlen(yaml));
	close(fd);
	err[0] = '\0';
	struct pii_ruleset *rs = pii_rules_new();
	if (w < 0 || pii_rules_load_file(rs, path, err, errlen) != PII_OK ||
	    pii_rules_compile(rs, err, errlen) != PII_OK) {
		if (!err[0])
			snprintf(err, errlen, "failed");
		pii_rules_free(rs);
		rs = NULL;
	}
	unlink(path);
	return rs;
}

static struct pii_ruleset *load_yaml(const char *yaml)
{
	char err[512];
	struct pii_ruleset *rs = load_yaml_err(yaml, err, sizeof(err));
	if (!rs)
		fprintf(stderr, "load_yaml: %s\n", err);
	return rs;
}

/* "rule:value:confidence ..." for the matches in text[from..to). */
static const char *describe(struct pii_matcher *m, const char *text, size_t from,
			    size_t to, const char *label)
{
	static char out[4096];
	const struct pii_match *ms;
	size_t n;
	pii_matcher_run(m, text, strlen(text), from, to, label, false, &ms, &n);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t used = strlen(out);
		snprintf(out + used, sizeof(out) - used, "%s%s:%.*s:%s", i ? " " : "",
			 ms[i].rule->report_as, (int)(ms[i].end - ms[i].start),
			 text + ms[i].start, pii_confidence_name(ms[i].confidence));
	}
	return out;
}

static const char *all(struct pii_matcher *m, const char *text)
{
	return describe(m, text, 0, strlen(text), NULL);
}

static void test_context_and_overlaps(struct pii_matcher *m)
{
	/* Context words raise confidence; far away they do not. */
	CHECK_STR(all(m, "BSN 111222333"), "nl_bsn:111222333:high");
	CHECK_STR(all(m, "nummer 111222333"), "nl_bsn:111222333:low");
	char far[256];
	snprintf(far, sizeof(far), "BSN%*s111222333", 80, "");
	CHECK_STR(all(m, far), "nl_bsn:111222333:low");
	/* ... at the start of a word only: "hotel" is not "tel"; short words
	 * stand alone ("iPhone" is not "ip"), longer ones may start a Dutch
	 * compound ("telefoongesprek"). */
	CHECK_STR(all(m, "hotel +31 20 123 4567"), "phone:+31 20 123 4567:medium");
	CHECK_STR(all(m, "telling +31 20 123 4567"), "phone:+31 20 123 4567:medium");
	CHECK_STR(all(m, "iPhone 81.204.13.77"), "ipv4:81.204.13.77:medium");
	CHECK_STR(all(m, "IP: 81.204.13.77"), "ipv4:81.204.13.77:high");
	CHECK_STR(all(m, "telefoongesprek +31 20 123 4567"), "phone:+31 20 123 4567:high");
	CHECK_STR(all(m, "BSN-nummer: 111222333"), "nl_bsn:111222333:high");
	CHECK_STR(all(m, "Tel. +31 20 123 4567"), "phone:+31 20 123 4567:high");
	/* Context words of one letter ("M." for Monsieur) and those that
	 * start with a letter that is no ASCII ("überwiesen") are found
	 * however many context words there are; a label word with no value
	 * after it passes ("833 ms"). */
	CHECK_STR(all(m, "Zie M. Hugo Fournier"), "person_name:Hugo Fournier:high");
	CHECK_STR(all(m, "Das Geld wurde überwiesen: de53 1986 0791 8314 0805 03"),
		  "iban:de53 1986 0791 8314 0805 03:high");
	CHECK_STR(all(m, "in 833 ms\nGET /api 200 in 12 ms"), "");
	/* Anti-context drops the match. */
	CHECK_STR(all(m, "ordernummer 111222333"), "");
	/* A column name counts as context. */
	CHECK_STR(describe(m, "111222333", 0, 9, "bsn_nummer"), "nl_bsn:111222333:high");
	/* One number, one finding: the Dutch and international phone rules
	 * agree on +31 numbers, and are reported once. */
	CHECK_STR(all(m, "mobiel +31 6 1238 5674"), "phone:+31 6 1238 5674:high");
	/* A 9-digit national number inside a phone number is not a BSN. */
	CHECK_STR(all(m, "bel 0031 111 222 333"), "phone:0031 111 222 333:high");
	/* Validation backtracks to the valid part of a greedy match. */
	CHECK_STR(all(m, "IBAN NL29 RABO 5260 1815 90 EUR"),
		  "iban:NL29 RABO 5260 1815 90:high");
	/* Only matches starting in [from, to) are returned, but text outside
	 * is visible: the BSN context word is before `from`. */
	const char *t = "BSN 111222333 en 725763863";
	CHECK_STR(describe(m, t, 4, 14, NULL), "nl_bsn:111222333:high");
	CHECK_STR(describe(m, t, 14, strlen(t), NULL), "nl_bsn:725763863:high");
	CHECK_STR(describe(m, t, 5, 14, NULL), "");
}

/* Random text with planted values: with and without the prefilters (and
 * without running context-bound rules only near their words) the matcher
 * must find exactly the same. Without them every rule runs on the whole
 * text, where Vectorscan (when built with it) is the prefilter: so once
 * more without that. */
static void test_prefilter_is_exact(void)
{
	struct pii_ruleset *with = load_shipped(false, false), *without = load_shipped(true, false);
	struct pii_ruleset *plain = load_shipped(true, true);
	CHECK(with && without && plain);
	if (!with || !without || !plain)
		return;
	CHECK(without->db->n_groups == 1 && without->db->groups[0].whole);
	CHECK(with->db->n_groups > 1);
	CHECK(!plain->db->hs && !with->db->hs);
	CHECK(!!without->db->hs == !!HAVE_VECTORSCAN);
	struct pii_matcher *a = pii_matcher_new(with), *b = pii_matcher_new(without);
	struct pii_matcher *c = pii_matcher_new(plain);
	static const char *const pieces[] = {
		" ", " ", " ", "\n", ".", ",", "-", ":", "@", "+", "(", ")", "/",
		"de", "the", "BSN", "tel", "IBAN", "Jan", "a", "Z", "0", "1", "06",
		"31", "00", "4111", "1111", "111222333", "725763863", "81.204.13.77",
		"jan@kpnmail.nl", "NL91ABNA0417164300", "+31 6 1238 5674", "1015 CS",
		"06-12385674", "2a02:a45f::1", "fe80::1c2b", "4111 1111 1111 1111",
		"\xc3\xa9", "\xe2\x82\xac", "12:34:56", "1.2.3.4", "0031",
		"75627516", "162 275 869", "sofinummer", "Sofi", "bsn:", "1234.56.782",
		"order", "3782 822463 10005", "5500-0055-5555-5559", "4539 1488 0343 6467",
		"5425-2334-3010-9903", "3714 496353 98431", "p.bakker@xs4all.nl", "010-4412233",
		/* names, the country phone rules, postcodes, spelled addresses */
		"Pieter", "Bakker", "F.", "\xc3\x89mile", "Dupont", "O'Brien", "Mme", "Fournier",
		"M.", "Naam:", "ms", "van", "(at)", "[at]", "%40", "(dot)", "example", "jan",
		"0470 12 34 56", "+49 30 1234567", "(555) 123-4567", "01 23 45 67 89",
		"020 7946 0958", "3511 AB", "3511AB", "Utrecht", "INFO", "GET",
		/* private addresses, and a mail relay's ("mx.kpn.nl [1.2.3.4]") */
		"192.168.1.34", "10.0.0.7", "172.16.4.2", "169.254.3.9", "100.64.1.2",
		"mx.kpn.nl [", "]", "[",
		/* role mailboxes: email_role, not email */
		"info@bakkerij-zonnetje.nl", "support-nl@kpnmail.nl", "info", "@",
	};
	/* Texts each with one finding of a rule whose prefilter is made of
	 * a check (names in prose, country phone numbers, postcodes). */
	static const char *const sentences[] = {
		"Gisteren belde Pieter Bakker over de factuur.",
		"Nous avons re\xc3\xa7u \xc3\x89mile Dupont hier.",
		"Voor de rapportage: F. Wagner heeft het overgenomen.",
		"Bel me op 0470 12 34 56 als het uitkomt.",
		"Call (415) 867-2390 after five.",
		"Ruf mich an: 030 1234567 bitte.",
		"Adres: Oudegracht 12, 3511 AB Utrecht",
		"mail jan (at) example (dot) nl voor info",
		"DHCPACK on 192.168.1.34 to the laptop",
		"Vragen? Mail info@bakkerij-zonnetje.nl of bel",
		"Received: from mail.rheinblick.de (mail.rheinblick.de [212.47.244.50])",
	};
	for (size_t i = 0; i < sizeof(sentences) / sizeof(sentences[0]); i++) {
		char got_a[4096];
		snprintf(got_a, sizeof(got_a), "%s", all(a, sentences[i]));
		CHECK_MSG(got_a[0] && !strcmp(got_a, all(b, sentences[i])),
			  "%s: with the prefilter '%s', without '%s'", sentences[i], got_a,
			  all(b, sentences[i]));
		CHECK_MSG(!strcmp(got_a, all(c, sentences[i])),
			  "%s: with the prefilter '%s', with none '%s'", sentences[i], got_a,
			  all(c, sentences[i]));
	}
	const size_t n_pieces = sizeof(pieces) / sizeof(pieces[0]);
	unsigned seed = 12345;
	int differ = 0, nonempty = 0, differ_plain = 0;
	char text[2048];
	for (int round = 0; round < 3000; round++) {
		size_t len = 0;
		text[0] = '\0';
		while (len < 300) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 8) % n_pieces];
			size_t pl = strlen(p);
			memcpy(text + len, p, pl + 1);
			len += pl;
		}
		char got_a[4096];
		snprintf(got_a, sizeof(got_a), "%s", all(a, text));
		const char *got_b = all(b, text);
		if (got_a[0])
			nonempty++;
		if (strcmp(got_a, got_b)) {
			if (!differ)
				fprintf(stderr, "  text: %s\n  with: %s\n  without: %s\n", text,
					got_a, got_b);
			differ++;
		}
		const char *got_c = all(c, text);
		if (strcmp(got_a, got_c)) {
			if (!differ_plain)
				fprintf(stderr, "  text: %s\n  with: %s\n  with none: %s\n", text,
					got_a, got_c);
			differ_plain++;
		}
	}
	CHECK_MSG(differ == 0, "prefilter changed the result in %d of 3000 texts", differ);
	CHECK_MSG(differ_plain == 0, "Vectorscan changed the result in %d of 3000 texts",
		  differ_plain);
	CHECK_MSG(nonempty > 2000, "only %d of 3000 texts had a finding", nonempty);
	pii_matcher_free(a);
	pii_matcher_free(b);
	pii_matcher_free(c);
	pii_rules_free(with);
	pii_rules_free(without);
	pii_rules_free(plain);
}

static void test_limits_and_user_rules(void)
{
	/* A pattern that backtracks catastrophically stops at the limit. */
	struct pii_ruleset *rs = load_yaml(
		"pack: t\nrules:\n"
		"  - id: killer\n    category: test\n    pattern: '(a|aa)+b'\n"
		"  - id: word\n    category: test\n    pattern: 'secret\\d'\n"
		"    require_context: true\n    context: [pass]\n");
	CHECK(rs != NULL);
	if (!rs)
		return;
	struct pii_matcher *m = pii_matcher_new(rs);
	char text[200];
	/* The 'b' at the end defeats PCRE2's "required character" shortcut,
	 * so the a's are really backtracked over; it is an "ab", a match,
	 * so that Vectorscan (which tells PCRE2 where no match can be) has
	 * PCRE2 look too. */
	memset(text, 'a', 120);
	strcpy(text + 120, "c pass secret7 and secret8 ab");
	const struct pii_match *ms;
	size_t n;
	pii_matcher_run(m, text, strlen(text), 0, strlen(text), NULL, false, &ms, &n);
	CHECK(pii_matcher_limit_hits(m) > 0);
	/* The rest of the text is still matched; both secrets are near "pass". */
	CHECK_U64(n, 2);
	CHECK_STR(describe(m, "secret1 alone", 0, 13, NULL), "");
	pii_matcher_free(m);
	pii_rules_free(rs);

	/* A user rule without prefilter matches anywhere, UTF-8 included. */
	rs = load_yaml("pack: t\nrules:\n  - id: naam\n    category: name\n"
		       "    pattern: 'M\\x{fc}ller'\n    confidence: high\n");
	CHECK(rs != NULL);
	if (!rs)
		return;
	m = pii_matcher_new(rs);
	CHECK_STR(all(m, "Herr M\xc3\xbcller und Frau M\xc3\xbcller"),
		  "naam:M\xc3\xbcller:high naam:M\xc3\xbcller:high");
	pii_matcher_free(m);
	pii_rules_free(rs);
}

/* A hold rule (hold: [kinds]) reports nothing, and drops the matches of
 * the report names or categories it names that it holds whole; not
 * others, nor those it holds in part. */
static void test_hold(void)
{
	struct pii_ruleset *rs = load_yaml(
		"pack: t\nrules:\n"
		"  - id: num\n    category: test\n    pattern: '(?<!\\d)\\d{4}(?!\\d)'\n"
		"    confidence: high\n"
		"    prefilter: {trigger: '[0-9]', span: '[0-9]'}\n"
		"  - id: code\n    category: test\n    pattern: '\\bK\\d{4}\\b'\n"
		"    confidence: high\n"
		"  - id: code_shape\n    report_as: code\n    category: test\n    hold: [num]\n"
		"    pattern: '\\b[A-Z]{2}-\\d{4}-\\d{4}\\b'\n"
		"  - id: wide\n    category: test\n    hold: [num, test]\n"
		"    pattern: '\\bW[ K0-9]+W\\b'\n");
	CHECK(rs != NULL);
	if (!rs)
		return;
	CHECK_U64(rs->db->n_hold, 2);
	struct pii_matcher *m = pii_matcher_new(rs);
	/* held: the numbers inside the code's shape; not the one after it */
	CHECK_STR(all(m, "ref AB-1234-5678 and 4321"), "num:4321:high");
	/* held in part only: kept */
	CHECK_STR(all(m, "AB-1234-56789"), "num:1234:high");
	/* code_shape holds num, not code; wide holds category test: all */
	CHECK_STR(all(m, "ZK-1234-5678 K1234"), "code:K1234:high");
	CHECK_STR(all(m, "W K1234 W"), "");
	CHECK_STR(all(m, "nothing 12345 here"), "");
	pii_matcher_free(m);
	pii_rules_free(rs);
	/* A hold rule runs around matches, not near words nor by a prefilter. */
	rs = load_yaml("pack: t\nrules:\n  - id: h\n    category: test\n    hold: [x]\n"
		       "    pattern: 'x'\n    require_context: true\n    context: [y]\n");
	CHECK(rs == NULL);
	pii_rules_free(rs);
}

/* The error of loading yaml, or "" when it loads. */
static const char *load_error(const char *yaml)
{
	static char err[512];
	pii_rules_free(load_yaml_err(yaml, err, sizeof(err)));
	return err;
}

/* A prefilter seed: runs are looked for from the seed's byte classes in
 * a row, 16 starts at a time with the rarest class first, the last bytes
 * one by one. A value is found wherever it stands, as often as it is
 * there; a seed the pattern's values do not hold is no seed. */
static void test_seed(void)
{
	struct pii_ruleset *rs = load_yaml(
		"pack: t\nrules:\n"
		"  - id: code\n    category: test\n    pattern: '(?<![A-Z0-9])[A-Z]{2}\\d{2}[A-Z0-9]{2}(?![A-Z0-9])'\n"
		"    confidence: high\n"
		"    prefilter: {trigger: '[0-9]', span: '[A-Z0-9 ]', seed: '[A-Z]{2}[0-9]{2}'}\n"
		"  - id: post\n    category: test\n    pattern: '(?<![0-9])[1-9]\\d{3} ?[A-Z]{2}(?![A-Za-z])'\n"
		"    confidence: high\n"
		"    prefilter: {trigger: '[0-9]', span: '[A-Z0-9 ]', seed: '[0-9]{4}[ A-Z][A-Z]'}\n");
	CHECK(rs != NULL);
	if (!rs)
		return;
	/* two seeds: two groups, not one */
	CHECK_U64(rs->db->n_groups, 2);
	CHECK_U64(rs->db->groups[0].seed_len, 4);
	CHECK_U64(rs->db->groups[1].seed_len, 6);
	/* capitals are rarer than digits or spaces: tested first */
	CHECK_U64(rs->db->groups[1].seed_order[0] >= 4, 1);
	CHECK_U64(rs->db->groups[0].seed_order[0] < 2, 1);
	struct pii_matcher *m = pii_matcher_new(rs);
	/* each value at every place of texts of every length around a block
	 * of 16: the SIMD blocks, their edges and the tail */
	static const char *const values[] = {"NL91AB", "1015 CS", "3511AB"};
	static const char *const want[] = {"code:NL91AB:high", "post:1015 CS:high",
					   "post:3511AB:high"};
	int wrong = 0;
	for (size_t v = 0; v < 3; v++)
		for (size_t len = strlen(values[v]); len < 70; len++)
			for (size_t at = 0; at + strlen(values[v]) <= len; at++) {
				char text[80];
				memset(text, 'x', len);
				text[len] = '\0';
				if (at > 0)
					text[at - 1] = ' ';
				memcpy(text + at, values[v], strlen(values[v]));
				if (at + strlen(values[v]) < len)
					text[at + strlen(values[v])] = ' ';
				if (strcmp(all(m, text), want[v]) && wrong++ < 3)
					fprintf(stderr, "  '%s': '%s'\n", text, all(m, text));
			}
	CHECK_MSG(wrong == 0, "%d texts with a seeded value found it wrong", wrong);
	/* twice in one text, in two runs, and once across a block edge */
	CHECK_STR(all(m, "xx NL91AB xxxxxxxxxxxxxxxxxxxxxxxxxxxxx DE44XY x"),
		  "code:NL91AB:high code:DE44XY:high");
	/* digits without the seed's capitals: not looked at */
	CHECK_STR(all(m, "1234 5678 9012 3456 7890 1234 5678 9012 3456"), "");
	pii_matcher_free(m);
	pii_rules_free(rs);

	/* A seed is classes of span bytes, at most 8 of them. */
	static const char *const bad[][2] = {
		{"[A-Z]{2}[a-z]", "seed bytes must be part of its span"},
		{"[A-Z]{9}", "longer than 8 bytes"},
		{"[A-Z", "without its ']'"},
		{"[A-Z]{0}", "a repeat must be {n}"},
		{"", "seed is empty"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char yaml[512];
		snprintf(yaml, sizeof(yaml),
			 "pack: t\nrules:\n  - id: r\n    category: test\n    pattern: 'AB\\d'\n"
			 "    prefilter: {trigger: '[0-9]', span: '[A-Z0-9]', seed: '%s'}\n",
			 bad[i][0]);
		const char *err = load_error(yaml);
		CHECK_MSG(strstr(err, bad[i][1]) != NULL, "seed '%s': '%s'", bad[i][0], err);
	}
}

void test_match(void)
{
	struct pii_ruleset *rs = load_shipped(false, false);
	CHECK(rs != NULL);
	if (!rs)
		return;
	struct pii_matcher *m = pii_matcher_new(rs);
	test_context_and_overlaps(m);
	pii_matcher_free(m);
	pii_rules_free(rs);
	test_prefilter_is_exact();
	test_limits_and_user_rules();
	test_hold();
	test_seed();
}
