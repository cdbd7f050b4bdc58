/*
 * fuzz_pst.c - Outlook data files (.pst, .ost) as the pst extractor
 * reads them through libpff: folders, items, recipients, bodies and
 * attachments of whatever libpff agrees to open.
 */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_scan("f.pst", data, size, &pii_extractor_pst);
	return 0;
}
