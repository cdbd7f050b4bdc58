/*
 * fuzz_csv.c - every input through the csv extractor.
 */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_scan("f.csv", data, size, &pii_extractor_csv);
	return 0;
}
