/*
 * fuzz_rtf.c - every input through the rtf extractor.
 */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_scan("f.rtf", data, size, &pii_extractor_rtf);
	return 0;
}
