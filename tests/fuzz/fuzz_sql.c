/*
 * fuzz_sql.c - every input through the sql extractor.
 */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_scan("f.sql", data, size, &pii_extractor_sql);
	return 0;
}
