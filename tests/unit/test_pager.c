/*
 * Page edges: text cut into pages (small ones here, so that values fall
 * on every edge) must give exactly the findings, offsets and line
 * numbers of the text matched in one piece.
 */
#include <stdlib.h>

#include "pii_match.h"
#include "pii_pager.h"
#include "pii_rules.h"
#include "test.h"

struct collected {
	struct pii_matcher *m;
	char out[65536];
	size_t pages;
};

static void add_finding(char *out, size_t outsz, const char *text,
			const struct pii_match *mt, uint64_t offset, uint64_t line)
{
	size_t used = strlen(out);
	snprintf(out + used, outsz - used, "%s@%llu/L%llu=%.*s;", mt->rule->report_as,
		 (unsigned long long)offset, (unsigned long long)line,
		 (int)(mt->end - mt->start), text + mt->start);
}

static enum pii_status on_page(void *ctx, const char *text, size_t len, size_t from,
			       size_t to, uint64_t offset, uint64_t lines, bool last)
{
	(void)last;
	struct collected *c = ctx;
	const struct pii_match *ms;
	size_t n;
	c->pages++;
	pii_matcher_run(c->m, text, len, from, to, NULL, false, &ms, &n);
	for (size_t i = 0; i < n; i++) {
		uint64_t line = lines + 1;
		for (size_t k = from; k < ms[i].start; k++)
			line += text[k] == '\n';
		add_finding(c->out, sizeof(c->out), text, &ms[i], offset + ms[i].start, line);
	}
	return PII_OK;
}

static void whole(struct pii_matcher *m, const char *text, char *out, size_t outsz)
{
	const struct pii_match *ms;
	size_t n, len = strlen(text);
	pii_matcher_run(m, text, len, 0, len, NULL, false, &ms, &n);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		uint64_t line = 1;
		for (size_t k = 0; k < ms[i].start; k++)
			line += text[k] == '\n';
		add_finding(out, outsz, text, &ms[i], ms[i].start, line);
	}
}

void test_pager(void)
{
	char err[512];
	struct pii_ruleset *rs = pii_rules_new();
	pii_rules_load_packs(rs, t_rules_dir, NULL, err, sizeof(err));
	CHECK(pii_rules_compile(rs, err, sizeof(err)) == PII_OK);
	struct pii_matcher *m = pii_matcher_new(rs);

	/* About 6 KB of text: values, multi-byte characters and newlines at
	 * irregular distances. */
	static const char *const parts[] = {
		"mail jan.devries@kpnmail.nl ", "BSN 111222333\n", "caf\xc3\xa9 ",
		"tel +31 20 123 4567, ", "IBAN NL91ABNA0417164300\n", "\xe2\x82\xac 12 ",
		"from 81.204.13.77 ", "lorem ipsum dolor ", "\n", "x",
	};
	char *text = malloc(8192);
	size_t len = 0;
	unsigned seed = 7;
	while (len < 6000) {
		seed = seed * 1103515245u + 12345u;
		const char *p = parts[(seed >> 8) % (sizeof(parts) / sizeof(parts[0]))];
		memcpy(text + len, p, strlen(p) + 1);
		len += strlen(p);
	}
	static char want[65536];
	whole(m, text, want, sizeof(want));
	CHECK(strlen(want) > 1000);

	int bad = 0;
	struct collected *c = calloc(1, sizeof(*c));
	c->m = m;
	for (size_t page = 40; page <= 400 && c; page += 7) {
		struct pii_pager pg;
		pii_pager_init(&pg, page, 64, 32);
		/* Written in odd-sized pieces, cut inside characters too. */
		for (size_t piece = 1; piece <= 97; piece += 48) {
			c->out[0] = '\0';
			c->pages = 0;
			pii_pager_begin(&pg, on_page, c);
			for (size_t at = 0; at < len; at += piece)
				pii_pager_write(&pg, text + at, at + piece < len ? piece : len - at);
			pii_pager_finish(&pg);
			if (strcmp(c->out, want)) {
				if (!bad) {
					size_t d = 0;
					while (c->out[d] && c->out[d] == want[d])
						d++;
					d = d > 60 ? d - 60 : 0;
					fprintf(stderr, "  page %zu piece %zu:\n  got  %.200s\n  want %.200s\n",
						page, piece, c->out + d, want + d);
				}
				bad++;
			}
			/* every page but the last holds `page` bytes; the last up to
			 * page + margin */
			if (c->pages < (len - 64) / page) {
				fprintf(stderr, "  page %zu piece %zu: %zu pages for %zu bytes\n",
					page, piece, c->pages, len);
				bad++;
			}
		}
		pii_pager_free(&pg);
	}
	CHECK_MSG(bad == 0, "%d page sizes gave other findings than the whole text", bad);
	free(c);
	free(text);
	pii_matcher_free(m);
	pii_rules_free(rs);
}
