/*
 * fuzz_vcard.c - every input through the vCard and the iCalendar
 * extractors: they share the content-line reader and differ in how
 * components nest.
 */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_scan("f.vcf", data, size, &pii_extractor_vcard);
	fuzz_scan("f.ics", data, size, &pii_extractor_ical);
	return 0;
}
