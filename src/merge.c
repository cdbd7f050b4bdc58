/*
 * merge.c - one inventory from the records of several runs (pii_merge.h).
 */
#include "pii_merge.h"

#include "pii_settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* File ids of part i become (i + 1) << 40 | id: apart from each other. */
#define PART_ID_SHIFT 40

static enum pii_status read_part(const char *path, size_t index, struct pii_replay *rp,
				 char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "cannot read '%s': %s", path, strerror(errno));
		return PII_EFATAL;
	}
	rp->id_base = (uint64_t)(index + 1) << PART_ID_SHIFT;
	char *line = NULL;
	size_t cap = 0;
	unsigned long n = 0;
	enum pii_status st = PII_OK;
	char why[256];
	while (getline(&line, &cap, f) >= 0) {
		n++;
		if (!pii_replay_line(rp, line, why, sizeof(why))) {
			snprintf(err, errlen, "%s:%lu: %s", path, n, why);
			st = PII_EFATAL;
			break;
		}
	}
	if (st == PII_OK && ferror(f)) {
		snprintf(err, errlen, "cannot read '%s': %s", path, strerror(errno));
		st = PII_EFATAL;
	}
	pii_replay_flush(rp);
	free(line);
	fclose(f);
	if (st == PII_OK && !rp->have_summary) {
		snprintf(err, errlen,
			 "'%s' has no summary record: not the JSONL of a --shard or --records run, "
			 "or cut short",
			 path);
		st = PII_EFATAL;
	}
	return st;
}

/* The parts agree with each other and with the rules loaded here, and
 * are each shard of one split once. */
static enum pii_status check_parts(const struct pii_merged *m, const struct pii_ruleset *rs,
				   const struct pii_options *opt, char *err, size_t errlen)
{
	char rules[17];
	pii_rules_hash(rs, rules);
	const struct pii_run_summary *first = &m->parts[0];
	for (size_t i = 0; i < m->n_parts; i++) {
		const struct pii_run_summary *p = &m->parts[i];
		const char *name = opt->paths[i];
		if (strcmp(p->rules, rules)) {
			snprintf(err, errlen,
				 "'%s' was made with other rules or another piiscan version (%s): "
				 "merge with the same --packs, --rules and allow: lists",
				 name, p->version);
			return PII_EFATAL;
		}
		if (strcmp(p->key_id, first->key_id)) {
			snprintf(err, errlen,
				 "'%s' and '%s' were scanned with different fingerprint keys: give "
				 "every shard the same --fingerprint-key-file",
				 opt->paths[0], name);
			return PII_EFATAL;
		}
		if (strcmp(p->settings, first->settings)) {
			snprintf(err, errlen, "'%s' and '%s' were scanned with different limits",
				 opt->paths[0], name);
			return PII_EFATAL;
		}
		if (p->shard_n != first->shard_n) {
			snprintf(err, errlen, "'%s' is shard %u/%u, '%s' %u/%u: not one split",
				 name, p->shard_k, p->shard_n, opt->paths[0], first->shard_k,
				 first->shard_n);
			return PII_EFATAL;
		}
	}
	unsigned n = first->shard_n;
	if (!n)
		return PII_OK; /* runs of --records, not shards: any set */
	for (unsigned k = 1; k <= n; k++) {
		size_t seen = 0;
		for (size_t i = 0; i < m->n_parts; i++)
			seen += m->parts[i].shard_k == k;
		if (seen != 1) {
			snprintf(err, errlen, "shard %u/%u is %s: the parts must be every shard once",
				 k, n, seen ? "given twice" : "missing");
			return PII_EFATAL;
		}
	}
	return PII_OK;
}

bool pii_merge_first_summary(const struct pii_options *opt, struct pii_run_summary *s)
{
	memset(s, 0, sizeof(*s));
	FILE *f = opt->n_paths ? fopen(opt->paths[0], "r") : NULL;
	if (!f)
		return false;
	/* the summary is the last line: read the file's tail */
	char *tail = malloc(65537);
	size_t got = 0;
	if (tail && fseeko(f, 0, SEEK_END) == 0) {
		off_t size = ftello(f);
		off_t from = size > 65536 ? size - 65536 : 0;
		if (fseeko(f, from, SEEK_SET) == 0)
			got = fread(tail, 1, 65536, f);
	}
	fclose(f);
	struct pii_replay rp = {0};
	if (tail) {
		tail[got] = '\0';
		while (got && tail[got - 1] == '\n')
			tail[--got] = '\0';
		char *line = strrchr(tail, '\n');
		line = line ? line + 1 : tail;
		static const char summary[] = "{\"record\":\"summary\"";
		char why[64];
		if (!strncmp(line, summary, sizeof(summary) - 1))
			pii_replay_line(&rp, line, why, sizeof(why));
	}
	free(tail);
	*s = rp.summary;
	return rp.have_summary;
}

enum pii_status pii_merge_parts(const struct pii_options *opt, const struct pii_ruleset *rs,
				struct pii_collector *c, struct pii_merged *m, char *err,
				size_t errlen)
{
	memset(m, 0, sizeof(*m));
	m->parts = calloc(opt->n_paths ? opt->n_paths : 1, sizeof(*m->parts));
	if (!m->parts) {
		snprintf(err, errlen, "out of memory");
		return PII_EFATAL;
	}
	struct pii_outbox out;
	pii_outbox_init(&out, pii_collector_mailbox(c));
	enum pii_status st = PII_OK;
	for (size_t i = 0; i < opt->n_paths && st == PII_OK; i++) {
		struct pii_replay rp = {.rs = rs, .out = &out};
		st = read_part(opt->paths[i], i, &rp, err, errlen);
		pii_outbox_flush(&out);
		m->parts[m->n_parts++] = rp.summary;
	}
	if (st == PII_OK)
		st = check_parts(m, rs, opt, err, errlen);
	return st;
}

void pii_merged_apply(const struct pii_merged *m, struct pii_inventory *inv)
{
	if (!m->n_parts)
		return;
	const struct pii_run_summary *first = &m->parts[0];
	inv->paths = (const char *const *)first->paths;
	inv->n_paths = first->n_paths;
	inv->started = first->started;
	inv->finished = first->finished;
	inv->duration = 0;
	inv->host[0] = '\0';
	snprintf(inv->user, sizeof(inv->user), "%s", first->user);
	for (size_t i = 0; i < m->n_parts; i++) {
		const struct pii_run_summary *p = &m->parts[i];
		if (p->started < inv->started)
			inv->started = p->started;
		if (p->finished > inv->finished)
			inv->finished = p->finished;
		/* shards run side by side: the slowest is the scan's time */
		if (p->duration > inv->duration)
			inv->duration = p->duration;
		if (!inv->interrupted)
			inv->interrupted = p->interrupted;
		inv->files_dropped += p->files_dropped;
		inv->pattern_limit_hits += p->pattern_limit_hits;
		inv->symlinks += p->symlinks;
		pii_ocr_totals_add(&inv->ocr, &p->ocr);
		/* the hosts, each once */
		if (!strstr(inv->host, p->host)) {
			size_t len = strlen(inv->host);
			snprintf(inv->host + len, sizeof(inv->host) - len, "%s%s", len ? ", " : "",
				 p->host);
		}
	}
}

void pii_merged_free(struct pii_merged *m)
{
	for (size_t i = 0; i < m->n_parts; i++)
		pii_run_summary_free(&m->parts[i]);
	free(m->parts);
	memset(m, 0, sizeof(*m));
}
