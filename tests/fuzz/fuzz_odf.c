/*
 * fuzz_odf.c - the XML of OpenDocument files: the input becomes the
 * content.xml of a spreadsheet or a text document made here (the first
 * byte says which), after the stored mimetype ODF requires, so the
 * fuzzer works on the XML and not on the zip around it.
 */
#include <archive.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	bool spreadsheet = data[0] & 1;
	data++;
	size--;
	const char *mimetype = spreadsheet ? "application/vnd.oasis.opendocument.spreadsheet"
					   : "application/vnd.oasis.opendocument.text";
	size_t cap = size + 16384;
	void *zip = malloc(cap);
	size_t used = 0;
	struct archive *a = archive_write_new();
	if (!zip || !a)
		abort();
	archive_write_set_format_zip(a);
	/* ODF's mimetype comes first and is stored, not deflated. */
	archive_write_zip_set_compression_store(a);
	archive_write_open_memory(a, zip, cap, &used);
	fuzz_zip_add(a, "mimetype", mimetype, strlen(mimetype));
	archive_write_zip_set_compression_deflate(a);
	fuzz_zip_add(a, "content.xml", data, size);
	archive_write_close(a);
	archive_write_free(a);
	fuzz_scan(spreadsheet ? "f.ods" : "f.odt", zip, used, &pii_extractor_odf);
	free(zip);
	return 0;
}
