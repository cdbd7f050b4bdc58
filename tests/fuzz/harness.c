/*
 * harness.c - the scanner in-process for the fuzz targets (harness.h).
 */
#include "harness.h"

#include <archive.h>
#include <archive_entry.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii_collect.h"
#include "pii_limits.h"
#include "pii_names.h"
#include "pii_scan.h"

/* Inputs scanned before the collector's inventory is dropped and the
 * worker made anew. */
#define RENEW_EVERY 256

static struct pii_options opt;
static struct pii_ruleset *rules;
static struct pii_fp_key key;
static struct pii_counters counters;
static struct pii_scan_ctx ctx;
static struct pii_worker *worker;
static unsigned scanned;

const char *fuzz_rules_dir(void)
{
	const char *dir = getenv("PIISCAN_RULES_DIR");
	return dir ? dir : FUZZ_RULES_DIR;
}

static void start(void)
{
	ctx.collector = pii_collector_start(&opt, rules, NULL);
	worker = ctx.collector ? pii_worker_new(&ctx) : NULL;
	if (!worker)
		abort();
}

static void stop(void)
{
	pii_worker_free(worker);
	struct pii_inventory *inv = pii_collector_finish(ctx.collector);
	pii_inventory_free(inv);
	free(inv);
	worker = NULL;
}

static void setup(void)
{
	char err[512];
	pii_extractors_init();
	pii_options_defaults(&opt);
	opt.max_findings = 100;
	opt.max_expand = (uint64_t)64 << 20; /* keep one input's work small */
	opt.max_members = 1000;
	rules = pii_rules_new();
	if (!rules || pii_rules_load_packs(rules, fuzz_rules_dir(), NULL, err, sizeof(err)) != PII_OK ||
	    !pii_names_load(fuzz_rules_dir(), err, sizeof(err)) ||
	    pii_rules_compile(rules, err, sizeof(err)) != PII_OK) {
		fprintf(stderr, "fuzz harness: %s\n", err);
		abort();
	}
	memset(key.bytes, 7, sizeof(key.bytes));
	ctx.opt = &opt;
	ctx.rules = rules;
	ctx.fp_key = &key;
	ctx.counters = &counters;
	atexit(stop);
	start();
}

void fuzz_scan(const char *name, const uint8_t *data, size_t size,
	       const struct pii_extractor *as)
{
	if (!rules)
		setup();
	if (++scanned % RENEW_EVERY == 0) {
		stop();
		start();
	}
	pii_worker_scan_buffer_as(worker, scanned, name, data, size, as);
}

void fuzz_zip_add(struct archive *a, const char *name, const void *data, size_t len)
{
	struct archive_entry *e = archive_entry_new();
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, (la_int64_t)len);
	archive_write_header(a, e);
	archive_write_data(a, data, len);
	archive_entry_free(e);
}

