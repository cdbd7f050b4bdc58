/*
 * Every example in every shipped rule pack runs here, through the real
 * matcher (prefilter, PCRE2, validator, context). And broken rule files
 * must fail with file:line.
 */
#include <stdlib.h>
#include <unistd.h>

#include "pii_match.h"
#include "pii_rules.h"
#include "test.h"

/* True when text has a match reported as report_as, with value and
 * confidence when they are given. */
static bool finds(struct pii_matcher *m, const char *report_as, const char *text,
		  const char *label, const char *value, enum pii_confidence conf, char *seen,
		  size_t seenlen)
{
	const struct pii_match *ms;
	size_t n;
	size_t len = strlen(text);
	pii_matcher_run(m, text, len, 0, len, label, false, &ms, &n);
	seen[0] = '\0';
	bool found = false;
	for (size_t i = 0; i < n; i++) {
		size_t used = strlen(seen);
		snprintf(seen + used, seenlen - used, "%s[%s:%.*s:%s]", used ? " " : "",
			 ms[i].rule->id, (int)(ms[i].end - ms[i].start), text + ms[i].start,
			 pii_confidence_name(ms[i].confidence));
		if (strcmp(ms[i].rule->report_as, report_as))
			continue;
		if (value && (strlen(value) != ms[i].end - ms[i].start ||
			      memcmp(value, text + ms[i].start, strlen(value))))
			continue;
		if (conf && ms[i].confidence != conf)
			continue;
		found = true;
	}
	return found;
}

/* For a rule that reports nothing (hold: [kinds]): true when the text
 * has no match of another report name within value (or anywhere,
 * without one). Its match examples are texts where another rule would
 * read something in the value; its nomatch ones, texts where it does. */
static bool holds(struct pii_matcher *m, const struct pii_rule *r, const char *text,
		  const char *label, const char *value, char *seen, size_t seenlen)
{
	const struct pii_match *ms;
	size_t n;
	size_t len = strlen(text);
	size_t vs = 0, ve = len;
	if (value) {
		const char *at = strstr(text, value);
		if (!at) {
			snprintf(seen, seenlen, "value not in the text");
			return false;
		}
		vs = (size_t)(at - text);
		ve = vs + strlen(value);
	}
	pii_matcher_run(m, text, len, 0, len, label, false, &ms, &n);
	seen[0] = '\0';
	bool none = true;
	for (size_t i = 0; i < n; i++) {
		size_t used = strlen(seen);
		snprintf(seen + used, seenlen - used, "%s[%s:%.*s:%s]", used ? " " : "",
			 ms[i].rule->id, (int)(ms[i].end - ms[i].start), text + ms[i].start,
			 pii_confidence_name(ms[i].confidence));
		if (strcmp(ms[i].rule->report_as, r->report_as) && ms[i].start < ve &&
		    vs < ms[i].end)
			none = false;
	}
	return none;
}

static void run_examples(void)
{
	char err[512] = "";
	struct pii_ruleset *rs = pii_rules_new();
	CHECK(pii_rules_load_packs(rs, t_rules_dir, NULL, err, sizeof(err)) == PII_OK);
	CHECK_MSG(pii_rules_compile(rs, err, sizeof(err)) == PII_OK, "compile: %s", err);
	struct pii_matcher *m = pii_matcher_new(rs);
	CHECK(m != NULL);
	size_t n_examples = 0;
	for (size_t i = 0; m && i < rs->n_rules; i++) {
		const struct pii_rule *r = &rs->rules[i];
		size_t n_match = 0;
		for (size_t k = 0; k < r->n_examples; k++) {
			const struct pii_rule_example *ex = &r->examples[k];
			char seen[1024];
			bool found = r->n_hold ? holds(m, r, ex->text, ex->label,
						     ex->match ? ex->value : NULL, seen, sizeof(seen))
					     : finds(m, r->report_as, ex->text, ex->label,
						     ex->match ? ex->value : NULL,
						     ex->match ? ex->confidence : PII_CONF_NONE, seen,
						     sizeof(seen));
			char file[512];
			snprintf(file, sizeof(file), "%s", r->source);
			if (strrchr(file, ':'))
				*strrchr(file, ':') = '\0';
			CHECK_MSG(found == ex->match,
				  "%s:%d rule %s example \"%s\" should %smatch%s%s%s (matches: %s)",
				  file, ex->line, r->id, ex->text, ex->match ? "" : "not ",
				  ex->value ? " value " : "", ex->value ? ex->value : "",
				  ex->confidence ? pii_confidence_name(ex->confidence) : "", seen);
			n_examples++;
			n_match += ex->match;
		}
		/* Every rule proves itself with at least one positive example. */
		CHECK_MSG(n_match > 0, "rule %s has no match example", r->id);
	}
	CHECK(n_examples > 50);
	pii_matcher_free(m);
	pii_rules_free(rs);
}

/* Writes text to a temporary rule file and tries to load it; returns the
 * error message (static) or "" when it loaded and compiled. */
static const char *load_text(const char *text, char *path_out, size_t pathlen)
{
	static char err[512];
	char path[] = "/tmp/piiscan-rule-XXXXXX.yaml";
	int fd = mkstemps(path, 5);
	if (fd < 0)
		return "mkstemps failed";
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
		close(fd);
		return "write failed";
	}
	close(fd);
	snprintf(path_out, pathlen, "%s", path);
	struct pii_ruleset *rs = pii_rules_new();
	err[0] = '\0';
	if (pii_rules_load_file(rs, path, err, sizeof(err)) == PII_OK)
		pii_rules_compile(rs, err, sizeof(err));
	pii_rules_free(rs);
	unlink(path);
	return err;
}

/* The error must name the file and the line, and say what is wrong. */
static void check_error(const char *text, int line, const char *what)
{
	char path[64];
	const char *e = load_text(text, path, sizeof(path));
	char want[128];
	snprintf(want, sizeof(want), "%s:%d:", path, line);
	CHECK_MSG(strstr(e, want) != NULL, "error \"%s\" should contain \"%s\"", e, want);
	CHECK_MSG(strstr(e, what) != NULL, "error \"%s\" should contain \"%s\"", e, what);
}

static void run_errors(void)
{
	const char *ok_rule = "pack: t\nrules:\n  - id: r1\n    category: c\n    pattern: 'x\\d+'\n";
	char path[64];
	CHECK_STR(load_text(ok_rule, path, sizeof(path)), "");

	check_error("pack: t\nrules:\n  - id: r1\n    category: c\n    pattern: [unclosed\n",
		    6, "");
	check_error("pack: t\nrules:\n  - id: r1\n    category: c\n    pattern: 'x'\n    colour: red\n",
		    6, "unknown rule key 'colour'");
	check_error("pack: t\nrules:\n  - id: r1\n    category: c\n    pattern: 'x'\n    validate: crc32\n",
		    3, "unknown validator 'crc32'");
	check_error("pack: t\nrules:\n  - id: r1\n    category: c\n    pattern: 'x'\n    mask: blur\n",
		    3, "unknown mask 'blur'");
	check_error("pack: t\nrules:\n  - id: r1\n    category: c\n    pattern: 'a(b'\n",
		    3, "pattern error");
	check_error("pack: t\nrules:\n  - id: r1\n    category: c\n    pattern: 'x'\n  - id: r1\n    category: c\n    pattern: 'y'\n",
		    6, "already defined");
	check_error("pack: t\nrules:\n  - id: r1\n    pattern: 'x'\n", 3, "no category");
	check_error("pack: t\nrules:\n  - id: R-1\n    category: c\n    pattern: 'x'\n", 3,
		    "lower-case");
	check_error("pack: t\nrules:\n  - id: r1\n    category: c\n    pattern: 'x'\n    confidence: sure\n",
		    6, "low, medium or high");
	check_error("pack: t\nrules:\n  - id: r1\n    category: c\n    pattern: 'x'\n    prefilter: {trigger: '[0-9]'}\n",
		    6, "both trigger");
	check_error("pack: t\nrules:\n  - id: r1\n    category: c\n    pattern: 'x'\n    prefilter: {trigger: '[0-9]', span: '[a-z]'}\n",
		    3, "part of its span");
	check_error("rules: []\n", 1, "missing pack");

	/* Unknown pack names list the packs there are. */
	struct pii_ruleset *rs = pii_rules_new();
	char err[512];
	CHECK(pii_rules_load_packs(rs, t_rules_dir, "core,xx", err, sizeof(err)) == PII_EFATAL);
	CHECK_MSG(strstr(err, "unknown rule pack 'xx'") && strstr(err, "core") && strstr(err, "nl"),
		  "%s", err);
	pii_rules_free(rs);

	/* report_as names must agree on the category. */
	check_error("pack: t\nrules:\n  - id: a\n    category: c1\n    pattern: 'x'\n"
		    "  - id: b\n    report_as: a\n    category: c2\n    pattern: 'y'\n",
		    6, "has category");
}

void test_rules(void)
{
	run_examples();
	run_errors();
}
