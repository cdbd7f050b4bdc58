/*
 * fuzz_mime.c - every input through the mail extractor.
 */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_scan("f.eml", data, size, &pii_extractor_mail);
	return 0;
}
