/*
 * fuzz_markup.c - every input through the markup extractor.
 */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_scan("f.xml", data, size, &pii_extractor_markup);
	return 0;
}
