/*
 * fuzz_sqlite.c - SQLite databases as the sqlite extractor reads them
 * (read-only, immutable, defensive): tables, columns and cells of
 * whatever file SQLite agrees to open.
 */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_scan("f.sqlite", data, size, &pii_extractor_sqlite);
	return 0;
}
