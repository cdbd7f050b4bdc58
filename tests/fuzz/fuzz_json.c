/*
 * fuzz_json.c - every input through the json extractor.
 */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_scan("f.json", data, size, &pii_extractor_json);
	return 0;
}
