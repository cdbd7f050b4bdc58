/*
 * test_main.c - runs every unit test suite. Usage: unit_tests RULES_DIR
 */
#include <stdio.h>

#include "pii_extract.h"
#include "pii_xml.h"
#include "test.h"

int t_passed, t_failed;
const char *t_rules_dir = "rules";

int main(int argc, char **argv)
{
	if (argc > 1)
		t_rules_dir = argv[1];
	pii_xml_init();
	pii_mail_init();
	struct {
		const char *name;
		void (*fn)(void);
	} suites[] = {
		{"util", test_util},       {"validate", test_validate},
		{"mask", test_mask},       {"decode", test_decode},
		{"detect", test_detect},   {"distinct", test_distinct},
		{"rules", test_rules},     {"match", test_match},
		{"pager", test_pager},     {"scan", test_scan},
		{"fingerprint", test_fingerprint}, {"register", test_register},
	};
	for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++) {
		int p = t_passed, f = t_failed;
		suites[i].fn();
		printf("unit %-9s %d passed, %d failed\n", suites[i].name, t_passed - p,
		       t_failed - f);
	}
	printf("%d passed, %d failed\n", t_passed, t_failed);
	return t_failed ? 1 : 0;
}
