/* gitignore patterns (src/ignore.c): table-driven, each case one list of
 * lines, one path and what the list says of it. */
#include "pii_ignore.h"
#include "pii_util.h"
#include "test.h"

#define EX PII_IGNORE_EXCLUDE
#define IN PII_IGNORE_INCLUDE
#define NO PII_IGNORE_NONE

static const struct {
	const char *lines; /* newline-separated, as in a file */
	const char *rel;
	bool dir;
	enum pii_ignore_verdict want;
} cases[] = {
	/* a name without '/': at any depth */
	{"*.log", "a.log", false, EX},
	{"*.log", "x/y/a.log", false, EX},
	{"*.log", "a.log.txt", false, NO},
	{"*.log", ".log", false, EX},          /* '*' matches a leading dot, as git */
	{"tmp", "x/tmp", true, EX},
	{"tmp", "x/tmp", false, EX},
	/* blank lines, comments, escapes */
	{"\n# a.txt\n\n", "# a.txt", false, NO},
	{"\\#a.txt", "#a.txt", false, EX},
	{"\\!a.txt", "!a.txt", false, EX},
	{"a\\*b", "a*b", false, EX},
	{"a\\*b", "axb", false, NO},
	/* trailing spaces go, but an escaped one */
	{"a.txt   ", "a.txt", false, EX},
	{"a.txt\\ ", "a.txt ", false, EX},
	{"a.txt\\ ", "a.txt", false, NO},
	{"a.txt\r", "a.txt", false, EX},       /* a file written on Windows */
	/* negation: the last match wins */
	{"*.txt\n!keep.txt", "keep.txt", false, IN},
	{"*.txt\n!keep.txt", "x/drop.txt", false, EX},
	{"!keep.txt\n*.txt", "keep.txt", false, EX},
	/* dir/: folders only */
	{"build/", "build", true, EX},
	{"build/", "build", false, NO},
	{"build/", "src/build", true, EX},
	/* a leading or middle '/' anchors to the list's folder */
	{"/top.txt", "top.txt", false, EX},
	{"/top.txt", "x/top.txt", false, NO},
	{"doc/frotz", "doc/frotz", true, EX},
	{"doc/frotz", "a/doc/frotz", true, NO},
	{"doc/frotz/", "doc/frotz", false, NO},
	/* wildcards never cross '/' */
	{"a/*.txt", "a/b.txt", false, EX},
	{"a/*.txt", "a/b/c.txt", false, NO},
	{"a?c", "abc", false, EX},
	{"a/?/c", "a/b/c", false, EX},
	{"x/a?c", "x/a/c", false, NO},
	{"[abc].txt", "b.txt", false, EX},
	{"[abc].txt", "d.txt", false, NO},
	{"[!abc].txt", "d.txt", false, EX},
	{"[a-c]/x", "b/x", false, EX},
	/* ** */
	{"**/foo", "foo", false, EX},
	{"**/foo", "a/b/foo", false, EX},
	{"**/foo/bar", "a/foo/bar", false, EX},
	{"**/foo/bar", "a/foo/x/bar", false, NO},
	{"abc/**", "abc/x", false, EX},
	{"abc/**", "abc/x/y/z", false, EX},
	{"abc/**", "abc", true, NO},
	{"abc/**", "x/abc/y", false, NO},
	{"a/**/b", "a/b", false, EX},
	{"a/**/b", "a/x/b", false, EX},
	{"a/**/b", "a/x/y/b", false, EX},
	{"a/**/b", "a/x/y/c", false, NO},
	{"a/**/*.log", "a/x/y/z.log", false, EX},
	{"**", "any/thing", false, EX},
	{"a**b", "axxb", false, EX},           /* not a whole segment: '*' */
	{"a**b", "ax/xb", false, NO},
	{"/", "a", true, NO},                  /* nothing to match */
	{"!", "a", false, NO},
};

static enum pii_ignore_verdict verdict(const char *lines, const char *rel, bool dir, bool fold)
{
	struct pii_ignore *ig = pii_ignore_new(fold);
	if (!ig || !pii_ignore_add_text(ig, lines, strlen(lines), "test"))
		return (enum pii_ignore_verdict)-1;
	enum pii_ignore_verdict v = pii_ignore_match(ig, rel, dir, false);
	pii_ignore_free(ig);
	return v;
}

static void collect(const char *pattern, const char *source, void *arg)
{
	struct pii_buf *b = arg;
	pii_buf_printf(b, "%s %s;", source, pattern);
}

void test_ignore(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum pii_ignore_verdict got = verdict(cases[i].lines, cases[i].rel, cases[i].dir, false);
		CHECK_MSG(got == cases[i].want, "'%s' on %s%s: got %d, want %d", cases[i].lines,
			  cases[i].rel, cases[i].dir ? "/" : "", (int)got, (int)cases[i].want);
	}

	/* --ignore-case-paths */
	CHECK(verdict("*.PDF", "x/scan.pdf", false, true) == EX);
	CHECK(verdict("*.PDF", "x/scan.pdf", false, false) == NO);
	CHECK(verdict("Share/HR", "share/hr", true, true) == EX);
	CHECK(verdict("[A-C].txt", "b.txt", false, true) == EX);

	/* blank and comment lines add nothing; the rest do */
	struct pii_ignore *ig = pii_ignore_new(false);
	CHECK(pii_ignore_add(ig, "", "--exclude") == 0);
	CHECK(pii_ignore_add(ig, "# x", "--exclude") == 0);
	CHECK(pii_ignore_add(ig, "*.tmp", "--exclude") == 1);
	CHECK(pii_ignore_add(ig, "a.txt", "--exclude") == 1);
	CHECK(pii_ignore_add(ig, "hr/", "--exclude") == 1);
	CHECK(pii_ignore_add(ig, "share/hr", "--exclude") == 1);
	CHECK_U64(pii_ignore_count(ig), 4);

	/* tracking: a pattern overridden by a later one still matched; one
	 * that met nothing is reported, in order, with its source */
	CHECK(pii_ignore_match(ig, "x/a.txt", false, true) == EX);
	CHECK(pii_ignore_match(ig, "b.tmp", false, true) == EX);
	CHECK(pii_ignore_match(ig, "hr", false, true) == NO); /* a file: hr/ is for folders */
	struct pii_buf got = {0};
	pii_ignore_unmatched(ig, collect, &got);
	CHECK_STR(pii_buf_cstr(&got), "--exclude hr/;--exclude share/hr;");
	pii_buf_free(&got);
	pii_ignore_free(ig);

	ig = pii_ignore_new(false);
	const char *text = "*.txt\n!keep.txt\n";
	pii_ignore_add_text(ig, text, strlen(text), "dir/.piiscanignore");
	CHECK(pii_ignore_match(ig, "keep.txt", false, true) == IN);
	pii_ignore_unmatched(ig, collect, &got);
	CHECK_STR(pii_buf_cstr(&got), "");
	pii_buf_free(&got);
	pii_ignore_match(ig, "a.csv", false, false);
	pii_ignore_free(ig);
	ig = pii_ignore_new(false);
	pii_ignore_add_text(ig, text, strlen(text), "dir/.piiscanignore");
	pii_ignore_match(ig, "a.txt", false, true);
	pii_ignore_unmatched(ig, collect, &got);
	CHECK_STR(pii_buf_cstr(&got), "dir/.piiscanignore:2 !keep.txt;");
	pii_buf_free(&got);
	pii_ignore_free(ig);

	/* paths below a list's folder, as the walker spells them */
	CHECK_STR(pii_ignore_rel("share", "share/hr/a.txt"), "hr/a.txt");
	CHECK_STR(pii_ignore_rel("share/", "share/hr"), "hr");
	CHECK_STR(pii_ignore_rel("/", "/etc"), "etc");
	CHECK_STR(pii_ignore_rel(".", "./a"), "a");
	CHECK(pii_ignore_rel("share", "share") == NULL);
	CHECK(pii_ignore_rel("share", "shared/a") == NULL);
}
