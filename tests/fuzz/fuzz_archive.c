/*
 * fuzz_archive.c - every input through detection and the archive path.
 */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_scan("f.bin", data, size, NULL);
	return 0;
}
