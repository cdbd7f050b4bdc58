/*
 * Rule patterns widened for Vectorscan (match_widen.c): the constructs
 * one by one, and, built with Vectorscan, that the widened pattern of
 * every shipped rule ends wherever a match of the PCRE2 pattern can end,
 * on the rules' examples and on random text.
 */
#include <stdlib.h>

#include "match_db.h"
#include "pii_rules.h"
#include "test.h"

#if HAVE_VECTORSCAN
#include <hs.h>
#endif

#define HIGH "[\\xc2-\\xf4][\\x80-\\xbf]{1,3}"

static void check_widen(const char *pattern, const char *want)
{
	char *got = pii_pattern_widen(pattern);
	if (want)
		CHECK_MSG(got && !strcmp(got, want), "widen '%s': got '%s', want '%s'", pattern,
			  got ? got : "(null)", want);
	else
		CHECK_MSG(!got, "widen '%s': got '%s', want none", pattern, got);
	free(got);
}

static void test_constructs(void)
{
	check_widen("a.", "\\x61(?:[\\x00-\\x09\\x0b-\\x7f]|" HIGH ")");
	check_widen("(?s).", "(?:[\\x00-\\x7f]|" HIGH ")");
	/* lookarounds, anchors, \b and \K match nothing themselves */
	check_widen("(?<![\\w.])^\\d\\b(?=x)(?!y)\\K$", "[\\x30-\\x39]");
	check_widen("(?<=ab|c)x", "\\x78");
	/* repeats: open-ended above 16, lazy and possessive alike */
	check_widen("a{2,100}b{3}c{20}d*?e++", "(?:\\x61){2,}(?:\\x62){3}(?:\\x63){16,}(?:\\x64)*(?:\\x65)+");
	check_widen("a{x", "\\x61\\x7b\\x78");
	/* a repeat takes the group it follows, not its last part */
	check_widen("(?:-\\p{Lu}x)?",
		    "(?:(?:\\x2d(?:[\\x41-\\x5a]|" HIGH ")\\x78)){0,1}");
	check_widen("\\Qa.b\\E+", "\\x61\\x2e(?:\\x62)+");
	/* caseless: both cases, and the Kelvin sign and long s of PCRE2 */
	check_widen("(?i)ak", "[\\x41\\x61](?:[\\x4b\\x6b]|" HIGH ")");
	check_widen("(?i:s)S", "(?:(?:[\\x53\\x73]|" HIGH "))\\x53");
	check_widen("(?i)[a-c]", "[\\x41-\\x43\\x61-\\x63]");
	check_widen("x(?i)y|z", "\\x78[\\x59\\x79]|[\\x5a\\x7a]");
	/* beyond ASCII: the bytes, or any character when caseless */
	check_widen("\xc3\xa9\\x{20ac}", "(?:\\xc3\\xa9)(?:\\xe2\\x82\\xac)");
	check_widen("(?i)\xc3\xa9", "(?:[\\x00-\\x7f]|" HIGH ")");
	check_widen("[^a]", "(?:[\\x00-\\x60\\x62-\\x7f]|" HIGH ")");
	check_widen("[\\p{L}\\d]", "(?:[\\x30-\\x39\\x41-\\x5a\\x61-\\x7a]|" HIGH ")");
	check_widen("[[:digit:]x]", "[\\x30-\\x39\\x78]");
	check_widen("[]a]", "[\\x5d\\x61]");
	check_widen("\\R", "(?:\\x0d\\x0a|[\\x0a-\\x0d]|\\xc2\\x85|\\xe2\\x80[\\xa8\\xa9])");
	/* back references: any bytes */
	check_widen("(a)\\1", "(?:\\x61)(?:[\\x00-\\xff]*)");
	/* groups of every kind, comments, callouts, extended mode */
	check_widen("(?<n>a)(?'m'b)(?P<o>c)(?>d)(?|e)(?#x)(?C1)",
		    "(?:\\x61)(?:\\x62)(?:\\x63)(?:\\x64)(?:\\x65)");
	check_widen("(?x) a b # c\n c \\  [ ]", "\\x61\\x62\\x63\\x20[\\x20]");
	/* what is not widened */
	check_widen("(?&x)(?(DEFINE)(?<x>a))", NULL);
	check_widen("(?1)(a)", NULL);
	check_widen("(*UTF)a", NULL);
	check_widen("a)", NULL);
	check_widen("(a", NULL);
	check_widen("\\X", NULL);
	check_widen("a(?C\"x)\")b", NULL); /* a callout with text */
	check_widen("(?=a)", NULL); /* nothing left to look for */
	check_widen("", NULL);
}

#if HAVE_VECTORSCAN
/* Ends (bit per byte offset) where Vectorscan saw a pattern end. */
struct ends {
	uint8_t *bits; /* [rule][offset] */
	size_t stride;
};

static int on_end(unsigned id, unsigned long long from, unsigned long long to,
		  unsigned flags, void *ctx)
{
	struct ends *e = ctx;
	e->bits[id * e->stride + to / 8] |= (uint8_t)(1u << (to % 8));
	return 0;
}

struct probe {
	size_t start;
	uint8_t *ends; /* the PCRE2 ends seen */
};

/* Called at the end of every match PCRE2 finds: note where it ends and
 * refuse it, so that PCRE2 backtracks into all the others. */
static int every_end(pcre2_callout_block *cb, void *data)
{
	struct probe *p = data;
	if (cb->current_position > cb->start_match)
		p->ends[cb->current_position / 8] |= (uint8_t)(1u << (cb->current_position % 8));
	return 1;
}

/* Every end a match of rule i's pattern can have in text, from every
 * start, must be one Vectorscan reported. Returns the ends missed. */
static int check_text(pcre2_code *const *codes, const struct ends *hs, size_t n_rules,
		      const struct pii_ruleset *rs, const char *text, size_t len,
		      pcre2_match_context *mctx, pcre2_match_data *md)
{
	int missed = 0;
	uint8_t ends[512 / 8 + 1];
	for (size_t i = 0; i < n_rules; i++) {
		if (!codes[i])
			continue;
		memset(ends, 0, sizeof(ends));
		struct probe p = {0, ends};
		pcre2_set_callout(mctx, every_end, &p);
		for (size_t s = 0; s < len; s++) {
			if (((unsigned char)text[s] & 0xC0) == 0x80)
				continue;
			p.start = s;
			pcre2_match(codes[i], (PCRE2_SPTR)text, len, s, PCRE2_ANCHORED, md, mctx);
		}
		for (size_t e = 1; e <= len; e++)
			if ((ends[e / 8] & (1u << (e % 8))) &&
			    !(hs->bits[i * hs->stride + e / 8] & (1u << (e % 8)))) {
				if (!missed)
					fprintf(stderr, "  %s: a match ends at %zu of '%s', "
						"Vectorscan said not\n", rs->rules[i].id, e, text);
				missed++;
			}
	}
	return missed;
}

static void test_widened_rules_are_supersets(void)
{
	char err[512];
	struct pii_ruleset *rs = pii_rules_new();
	CHECK(pii_rules_load_packs(rs, t_rules_dir, NULL, err, sizeof(err)) == PII_OK);
	size_t n = rs->n_rules;
	pcre2_code **codes = calloc(n, sizeof(*codes));
	char **pats = calloc(n, sizeof(*pats));
	unsigned *ids = calloc(n, sizeof(*ids)), *flags = calloc(n, sizeof(*flags));
	size_t n_pats = 0, widened = 0;
	for (size_t i = 0; codes && pats && ids && flags && i < n; i++) {
		char *w = pii_pattern_widen(rs->rules[i].pattern);
		hs_expr_info_t *info = NULL;
		hs_compile_error_t *ce = NULL;
		if (!w || hs_expression_info(w, 0, &info, &ce) != HS_SUCCESS) {
			hs_free_compile_error(ce);
			free(w);
			continue; /* such a rule keeps PCRE2 alone */
		}
		free(info);
		/* the pattern with a callout at its end, as the matcher has one */
		size_t plen = strlen(rs->rules[i].pattern) + 16;
		char *p = malloc(plen);
		snprintf(p, plen, "(?:%s)(?C1)", rs->rules[i].pattern);
		int errcode;
		PCRE2_SIZE erroff;
		codes[i] = pcre2_compile((PCRE2_SPTR)p, PCRE2_ZERO_TERMINATED,
					 PCRE2_UTF | PCRE2_NEVER_BACKSLASH_C, &errcode, &erroff, NULL);
		free(p);
		pats[n_pats] = w;
		ids[n_pats++] = (unsigned)i;
		widened++;
	}
	CHECK_MSG(widened >= 30, "only %zu shipped rules widened", widened);
	hs_database_t *db = NULL;
	hs_compile_error_t *ce = NULL;
	CHECK(hs_compile_multi((const char *const *)pats, flags, ids, (unsigned)n_pats,
			       HS_MODE_BLOCK, NULL, &db, &ce) == HS_SUCCESS);
	hs_scratch_t *scratch = NULL;
	if (db)
		hs_alloc_scratch(db, &scratch);
	pcre2_match_context *mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(mctx, 200000);
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	struct ends hs = {NULL, 512 / 8 + 1};
	hs.bits = malloc(n * hs.stride);
	int missed = 0, texts = 0;
	/* the rules' own examples */
	for (size_t i = 0; db && i < n && !missed; i++)
		for (size_t k = 0; k < rs->rules[i].n_examples; k++) {
			const char *t = rs->rules[i].examples[k].text;
			size_t len = strlen(t);
			if (len >= 512)
				continue;
			memset(hs.bits, 0, n * hs.stride);
			hs_scan(db, t, (unsigned)len, 0, scratch, on_end, &hs);
			missed += check_text(codes, &hs, n, rs, t, len, mctx, md);
			texts++;
		}
	/* random text of pieces that make, break and fold matches */
	static const char *const pieces[] = {
		" ", " ", "\n", ".", ",", "-", ":", "@", "+", "(", ")", "/", "'", "<",
		"Jan", "de", "van", "BSN", "Tel", "IBAN", "M.", "Ms", "ab", "Z", "0", "1", "06",
		"31", "00", "111222333", "81.204.13.77", "jan@kpnmail.nl", "NL91ABNA0417164300",
		"+31 6 1238 5674", "1015 CS", "2a02:a45f::1", "4111 1111 1111 1111", "(at)",
		"%40", "dot", "\xc3\xa9", "\xc3\x89mile", "\xe2\x84\xaa", "\xc5\xbf", "M\xc3\xbcller",
		"Stra\xc3\x9f" "e", "P<UTO", "<<<", "geboren", "14 maart 1985", "52.3702, 4.8952",
	};
	unsigned seed = 4242;
	char text[512];
	for (int round = 0; db && round < 150 && !missed; round++) {
		size_t len = 0;
		while (len < 160) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 8) % (sizeof(pieces) / sizeof(pieces[0]))];
			memcpy(text + len, p, strlen(p) + 1);
			len += strlen(p);
		}
		memset(hs.bits, 0, n * hs.stride);
		hs_scan(db, text, (unsigned)len, 0, scratch, on_end, &hs);
		missed += check_text(codes, &hs, n, rs, text, len, mctx, md);
		texts++;
	}
	CHECK_MSG(missed == 0, "%d match ends Vectorscan did not report", missed);
	CHECK(texts > 200);
	free(hs.bits);
	pcre2_match_data_free(md);
	pcre2_match_context_free(mctx);
	hs_free_scratch(scratch);
	hs_free_database(db);
	for (size_t i = 0; i < n; i++)
		pcre2_code_free(codes ? codes[i] : NULL);
	for (size_t k = 0; k < n_pats; k++)
		free(pats[k]);
	free(codes);
	free(pats);
	free(ids);
	free(flags);
	pii_rules_free(rs);
}
#endif

void test_match_widen(void)
{
	test_constructs();
#if HAVE_VECTORSCAN
	test_widened_rules_are_supersets();
#endif
}
