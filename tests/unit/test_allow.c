/* allow: entries (src/allow.c, their reading in rules_load.c and their
 * rules: in rules_select.c): a value: is held to the whole value, a
 * path: matches as git would (a folder takes what is in it), rules:
 * limits an entry, every condition must hold. */
#include "pii_allow.h"
#include "pii_rules_select.h"
#include "test.h"

static const char pack[] =
	"pack: t\n"
	"rules:\n"
	"  - id: mail\n    category: contact\n    pattern: '\\w+@\\w+\\.nl'\n"
	"  - id: ip\n    category: online_id\n    pattern: '\\d+\\.\\d+\\.\\d+\\.\\d+'\n"
	"allow:\n"
	"  - value: 'noreply@.*'\n"                                  /* 0 */
	"  - value: 'jan@a\\.nl'\n    rules: mail\n    path: /docs/\n" /* 1 */
	"  - path: logs/\n    rules: [online_id]\n"                  /* 2 */
	"  - fingerprint: 00000000000000FF\n    rules: t\n"          /* 3 */
	"  - path: ['*.csv', '!keep.csv']\n    rules: ip\n";         /* 4 */

static const char *const roots[] = {"share", "one.csv"};

/* The entry that lets value of rule id go in the file at path, or -1. */
static long find(const struct pii_ruleset *rs, const char *id, const char *path,
		 const char *value, uint64_t fp)
{
	const struct pii_rule *r = NULL;
	for (size_t i = 0; i < rs->n_rules; i++)
		if (!strcmp(rs->rules[i].id, id))
			r = &rs->rules[i];
	unsigned char ok[8];
	pii_allow_paths(rs, roots, 2, path, ok);
	struct pii_allow_matcher *m = pii_allow_matcher_new();
	long k = r && m ? pii_allow_find(rs, r, ok, value, strlen(value), fp, m) : -2;
	pii_allow_matcher_free(m);
	return k;
}

static void check_errors(void)
{
	static const struct {
		const char *allow;
		const char *want; /* in "t.yaml:LINE: ..." */
	} bad[] = {
		{"  - value: 'a(b'\n", "t.yaml:4: allow: value: pattern error"},
		{"  - reason: why\n", "t.yaml:4: an allow: entry needs value:"},
		{"  - fingerprint: abc\n", "t.yaml:4: allow: fingerprint: must be 16 hex"},
		{"  - fingerprint: 0123456789abcdef0\n", "t.yaml:4: allow: fingerprint:"},
		{"  - value: x\n    colour: red\n", "t.yaml:5: unknown allow: key 'colour'"},
		{"  - path: '#x'\n", "t.yaml:4: allow: path: '#x' is no pattern"},
		{"  - value: x\n    rules: [r, nope]\n", "t.yaml:5: allow: 'nope' is no rule id"},
		{"  value: x\n", "t.yaml:4: allow: must be a list"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char text[256], err[512] = "";
		snprintf(text, sizeof(text),
			 "pack: t\nrules: [{id: r, category: c, pattern: x}]\nallow:\n%s",
			 bad[i].allow);
		struct pii_ruleset *rs = pii_rules_new();
		bool failed = pii_rules_load_text(rs, "t.yaml", text, strlen(text), err,
						  sizeof(err)) != PII_OK ||
			      pii_rules_check_allow(rs, err, sizeof(err)) != PII_OK;
		CHECK_MSG(failed && strstr(err, bad[i].want), "%s: got \"%s\", want \"%s\"",
			  bad[i].allow, err, bad[i].want);
		pii_rules_free(rs);
	}
	/* a pack of allow: entries alone needs no rules: */
	const char only[] = "pack: ours\nallow:\n  - value: x\n";
	char err[512] = "";
	struct pii_ruleset *rs = pii_rules_new();
	CHECK_MSG(pii_rules_load_text(rs, "o.yaml", only, strlen(only), err, sizeof(err)) == PII_OK &&
			  rs->n_allow == 1 && rs->n_rules == 0,
		  "%s", err);
	pii_rules_free(rs);
}

void test_allow(void)
{
	char err[512] = "";
	struct pii_ruleset *rs = pii_rules_new();
	bool ok = pii_rules_load_text(rs, "t.yaml", pack, strlen(pack), err, sizeof(err)) == PII_OK &&
		  pii_rules_check_allow(rs, err, sizeof(err)) == PII_OK &&
		  pii_rules_compile(rs, err, sizeof(err)) == PII_OK &&
		  pii_rules_prepare_allow(rs, false, err, sizeof(err)) == PII_OK;
	CHECK_MSG(ok, "%s", err);
	if (ok) {
		/* a value: is the whole value */
		CHECK(find(rs, "mail", "share/a.txt", "noreply@a.nl", 1) == 0);
		CHECK(find(rs, "mail", "share/a.txt", "xnoreply@a.nl", 1) == -1);
		CHECK(find(rs, "ip", "share/a.txt", "noreply@a.nl", 1) == 0); /* no rules: every rule */
		/* value and path and rules, all of them */
		CHECK(find(rs, "mail", "share/docs/x/a.txt", "jan@a.nl", 1) == 1);
		CHECK(find(rs, "mail", "share/a.txt", "jan@a.nl", 1) == -1);
		CHECK(find(rs, "mail", "share/x/docs/a.txt", "jan@a.nl", 1) == -1); /* anchored */
		CHECK(find(rs, "mail", "share/docs/a.txt", "jan@a.nla", 1) == -1);
		CHECK(find(rs, "ip", "share/docs/a.txt", "jan@a.nl", 1) == -1);
		/* a folder anywhere below the root, by category */
		CHECK(find(rs, "ip", "share/logs/a.log", "1.2.3.4", 1) == 2);
		CHECK(find(rs, "ip", "share/app/logs/2024/a.log", "1.2.3.4", 1) == 2);
		CHECK(find(rs, "ip", "share/logs", "1.2.3.4", 1) == -1); /* a file named so */
		CHECK(find(rs, "mail", "share/logs/a.log", "jo@a.nl", 1) == -1);
		/* below the root it was found under, not its name there */
		CHECK(find(rs, "ip", "logs/a.txt", "1.2.3.4", 1) == 2);     /* under no root */
		/* a fingerprint, of the pack's rules */
		CHECK(find(rs, "mail", "share/a.txt", "jo@a.nl", 0xff) == 3);
		CHECK(find(rs, "mail", "share/a.txt", "jo@a.nl", 0xfe) == -1);
		/* gitignore's negation; a root that is a file, by its name */
		CHECK(find(rs, "ip", "share/x/a.csv", "1.2.3.4", 1) == 4);
		CHECK(find(rs, "ip", "share/x/keep.csv", "1.2.3.4", 1) == -1);
		CHECK(find(rs, "ip", "one.csv", "1.2.3.4", 1) == 4);
	}
	/* --enable leaves an entry about a rule switched off alone */
	struct pii_ruleset *rs2 = pii_rules_new();
	err[0] = '\0';
	ok = pii_rules_load_text(rs2, "t.yaml", pack, strlen(pack), err, sizeof(err)) == PII_OK &&
	     pii_rules_check_allow(rs2, err, sizeof(err)) == PII_OK &&
	     pii_rules_select(rs2, "ip", NULL, err, sizeof(err)) == PII_OK &&
	     pii_rules_compile(rs2, err, sizeof(err)) == PII_OK &&
	     pii_rules_prepare_allow(rs2, false, err, sizeof(err)) == PII_OK;
	CHECK_MSG(ok && rs2->n_rules == 1 && rs2->rules[0].n_allow == 4, "%s", err);
	pii_rules_free(rs2);
	pii_rules_free(rs);
	check_errors();
}
