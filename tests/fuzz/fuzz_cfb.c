/*
 * fuzz_cfb.c - every input through the OLE2 compound file extractor:
 * libgsf's reading of the container, then whichever format owns it (.doc,
 * .xls, .ppt, .msg; cfb_formats.def). The corpus holds small real files
 * of each.
 */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_scan("f.doc", data, size, &pii_extractor_cfb);
	return 0;
}
