/*
 * test_main.c - runs the unit test suites. Every tests/unit/test_NAME.c
 * defines test_NAME(); the Makefile lists them in list.h, so a new suite
 * is one new file. Usage: unit_tests RULES_DIR [SUITE...]
 */
#include <stdio.h>
#include <string.h>

#include "pii_extract.h"
#include "pii_names.h"
#include "test.h"

int t_passed, t_failed;
const char *t_rules_dir = "rules";

#define SUITE(name) void test_##name(void);
#include "list.h"
#undef SUITE

static const struct {
	const char *name;
	void (*fn)(void);
} suites[] = {
#define SUITE(name) {#name, test_##name},
#include "list.h"
#undef SUITE
};

static bool wanted(const char *name, int argc, char **argv)
{
	if (argc <= 2)
		return true;
	for (int i = 2; i < argc; i++)
		if (!strcmp(argv[i], name))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		t_rules_dir = argv[1];
	pii_extractors_init();
	/* The name lists ship with the packs: loaded once, as piiscan does. */
	char err[512];
	if (!pii_names_load(t_rules_dir, err, sizeof(err))) {
		fprintf(stderr, "unit_tests: %s\n", err);
		t_failed++;
	}
	int ran = 0;
	for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++) {
		if (!wanted(suites[i].name, argc, argv))
			continue;
		int p = t_passed, f = t_failed;
		suites[i].fn();
		ran++;
		printf("unit %-11s %d passed, %d failed\n", suites[i].name, t_passed - p,
		       t_failed - f);
	}
	if (!ran) {
		fprintf(stderr, "unit_tests: no such suite\n");
		t_failed++;
	}
	printf("%d passed, %d failed\n", t_passed, t_failed);
	return t_failed ? 1 : 0;
}
