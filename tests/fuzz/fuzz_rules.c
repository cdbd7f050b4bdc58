/*
 * fuzz_rules.c - rule files: YAML, the rule keys, patterns compiled by
 * PCRE2 (and JIT), validators and masks looked up by name.
 */
#include <stdlib.h>

#include "harness.h"
#include "pii_rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512];
	struct pii_ruleset *rs = pii_rules_new();
	if (!rs)
		abort();
	if (pii_rules_load_text(rs, "fuzz.yaml", (const char *)data, size, err, sizeof(err)) ==
	    PII_OK)
		pii_rules_compile(rs, err, sizeof(err));
	pii_rules_free(rs);
	return 0;
}
