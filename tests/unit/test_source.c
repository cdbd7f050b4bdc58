/*
 * The table of roots the sources share (source.c): a root by the URL
 * given, the root a job path is of (the longest, and only where the path
 * goes on with the source's separator), and freeing.
 */
#include <stdlib.h>
#include <string.h>

#include "pii_source.h"
#include "test.h"

struct test_root {
	struct pii_source_root base;
	char *secret;
};

static int fields_freed;

static void free_fields(void *root)
{
	struct test_root *r = root;
	free(r->secret);
	fields_freed++;
}

static bool add(struct pii_source_roots *roots, const char *given, const char *display)
{
	struct test_root r = {.base = {strdup(given), strdup(display)}, .secret = strdup("s")};
	return pii_source_root_add(roots, &r);
}

void test_source(void)
{
	struct pii_source_roots roots = {.size = sizeof(struct test_root)};
	CHECK(pii_source_root_given(&roots, "smb://fs/share") == NULL);
	CHECK(pii_source_root_of(&roots, "smb://fs/share/a.txt", '/') == NULL);

	CHECK(add(&roots, "smb://jan@fs/share", "smb://fs/share"));
	CHECK(add(&roots, "smb://fs/share/hr/", "smb://fs/share/hr"));
	CHECK(add(&roots, "postgres:///crm?host=/tmp", "postgres://localhost/crm"));
	CHECK_U64(roots.n, 3);

	const struct test_root *r = pii_source_root_given(&roots, "smb://fs/share/hr/");
	CHECK(r && !strcmp(r->base.display, "smb://fs/share/hr"));
	CHECK(pii_source_root_given(&roots, "smb://fs/share/hr") == NULL); /* as given only */

	/* the longest root a file is below */
	r = pii_source_root_of(&roots, "smb://fs/share/hr/cv/jan.pdf", '/');
	CHECK(r && !strcmp(r->base.given, "smb://fs/share/hr/"));
	r = pii_source_root_of(&roots, "smb://fs/share/finance/a.xlsx", '/');
	CHECK(r && !strcmp(r->base.given, "smb://jan@fs/share"));
	r = pii_source_root_of(&roots, "smb://fs/share/hr", '/');
	CHECK(r && !strcmp(r->base.given, "smb://fs/share/hr/"));
	/* a sibling whose name begins with a root's ("hr!old", "hr2") is
	 * not below it */
	r = pii_source_root_of(&roots, "smb://fs/share/hr!old/a.txt", '/');
	CHECK(r && !strcmp(r->base.given, "smb://jan@fs/share"));
	r = pii_source_root_of(&roots, "smb://fs/share/hr2/a.txt", '/');
	CHECK(r && !strcmp(r->base.given, "smb://jan@fs/share"));
	CHECK(pii_source_root_of(&roots, "smb://fs/sharex/a.txt", '/') == NULL);

	/* a table: the database's display name, then '!' */
	r = pii_source_root_of(&roots, "postgres://localhost/crm!klanten", '!');
	CHECK(r && !strcmp(r->base.given, "postgres:///crm?host=/tmp"));
	CHECK(pii_source_root_of(&roots, "postgres://localhost/crm2!klanten", '!') == NULL);
	CHECK(pii_source_root_of(&roots, "postgres://localhost/crm/x", '!') == NULL);

	/* a root that was never added is freed the same way */
	fields_freed = 0;
	struct test_root lone = {.base = {strdup("smb://x/y"), strdup("smb://x/y")},
				 .secret = strdup("s")};
	pii_source_root_discard(&lone, free_fields);
	CHECK(fields_freed == 1);

	fields_freed = 0;
	pii_source_roots_free(&roots, free_fields);
	CHECK(fields_freed == 3);
	CHECK(roots.n == 0 && roots.v == NULL);
	CHECK(pii_source_root_given(&roots, "smb://fs/share/hr/") == NULL);
}
