/*
 * jsonl.c - one JSON object per finding, streamed as findings come (the
 * lines are rendered by the JSONL codec, records.c), and the records of
 * --records / --shard.
 */
#include "pii_writer.h"

/* Not "json": a file of that name is expected to hold one JSON document,
 * which JSON Lines are not (#17): json.c writes that. */
static const char *const extensions[] = {"jsonl", "ndjson", NULL};

const struct pii_writer pii_writer_jsonl = {
	.name = "jsonl",
	.extensions = extensions,
	.streams = true,
	.to_stdout = true,
};
