/*
 * records.c - results as JSON lines, and reading them back (pii_records.h).
 */
#include "pii_records.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_tree.h>
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include "pii_limits.h"
#include "pii_version.h"

/* ---- writing ------------------------------------------------------------------ */

bool pii_record_file(struct pii_buf *out, const struct pii_file_result *r)
{
	bool ok = pii_buf_printf(out, "{\"record\":\"file\",\"file_id\":%" PRIu64, r->file_id) &&
		  pii_json_str_field(out, "path", r->path) &&
		  pii_json_str_field(out, "status", pii_file_status_name(r->status));
	if (ok && r->code[0])
		ok = pii_json_str_field(out, "code", r->code);
	if (ok && r->reason)
		ok = pii_json_str_field(out, "reason", r->reason);
	return ok && pii_json_str_field(out, "type", r->type) &&
	       pii_buf_printf(out,
			      ",\"listed\":%s,\"size\":%" PRIu64 ",\"bytes_read\":%" PRIu64
			      ",\"mtime\":%" PRId64 ",\"uid\":%lu}\n",
			      r->listed ? "true" : "false", r->size, r->bytes_read, r->mtime,
			      (unsigned long)r->uid);
}

bool pii_record_problem(struct pii_buf *out, uint64_t file_id, const char *path,
			enum pii_file_status st, const char *code, const char *reason)
{
	return pii_buf_printf(out, "{\"record\":\"problem\",\"file_id\":%" PRIu64, file_id) &&
	       pii_json_str_field(out, "path", path) && pii_json_str_field(out, "status", pii_file_status_name(st)) &&
	       pii_json_str_field(out, "code", code ? code : "") &&
	       pii_json_str_field(out, "reason", reason ? reason : "") && pii_buf_puts(out, "}\n");
}

bool pii_record_table(struct pii_buf *out, uint64_t file_id, const char *path,
		      const char *table, uint64_t rows)
{
	return pii_buf_printf(out, "{\"record\":\"table\",\"file_id\":%" PRIu64, file_id) &&
	       pii_json_str_field(out, "path", path) && pii_json_str_field(out, "table", table) &&
	       pii_buf_printf(out, ",\"rows\":%" PRIu64 "}\n", rows);
}

bool pii_record_summary(struct pii_buf *out, const struct pii_inventory *inv,
			const struct pii_run_summary *s)
{
	bool ok = pii_buf_puts(out, "{\"record\":\"summary\"") &&
		  pii_json_str_field(out, "version", PII_VERSION) && pii_json_str_field(out, "rules", s->rules) &&
		  pii_json_str_field(out, "settings", s->settings) &&
		  pii_json_str_field(out, "key_id", s->key_id) &&
		  pii_buf_printf(out,
				 ",\"shard\":\"%u/%u\",\"started\":%" PRId64 ",\"finished\":%" PRId64
				 ",\"duration\":%.3f",
				 s->shard_k, s->shard_n, inv->started, inv->finished, inv->duration) &&
		  pii_json_str_field(out, "host", inv->host) && pii_json_str_field(out, "user", inv->user) &&
		  pii_buf_printf(out,
				 ",\"show_values\":%s,\"interrupted\":%d,\"files_dropped\":%" PRIu64
				 ",\"pattern_limit_hits\":%" PRIu64 ",\"paths\":[",
				 inv->opt->show_values ? "true" : "false", inv->interrupted,
				 inv->files_dropped, inv->pattern_limit_hits);
	for (size_t i = 0; ok && i < inv->n_paths; i++)
		ok = pii_buf_puts(out, i ? ",\"" : "\"") &&
		     pii_escape_json(out, inv->paths[i], strlen(inv->paths[i])) &&
		     pii_buf_putc(out, '"');
	return ok && pii_buf_puts(out, "]}\n");
}

/* ---- the settings hash ----------------------------------------------------------- */

static void hash_str(SHA256_CTX *h, const char *s)
{
	SHA256_Update(h, s ? s : "", s ? strlen(s) + 1 : 1);
}

static void hash_u64(SHA256_CTX *h, uint64_t v)
{
	SHA256_Update(h, &v, sizeof(v));
}

static void hash_rules(SHA256_CTX *h, const struct pii_ruleset *rs)
{
	hash_str(h, PII_VERSION);
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct pii_rule *r = &rs->rules[i];
		hash_str(h, r->id);
		hash_str(h, r->report_as);
		hash_str(h, r->name);
		hash_str(h, r->category);
		hash_str(h, r->pattern);
		hash_str(h, r->validator_name);
		hash_str(h, r->mask_name);
		hash_str(h, r->trigger);
		hash_str(h, r->span);
		hash_str(h, r->check_name);
		hash_u64(h, r->confidence);
		hash_u64(h, r->require_context);
		hash_u64(h, r->context_window);
		hash_u64(h, r->context_position);
		hash_u64(h, (uint64_t)r->special);
		hash_u64(h, r->density);
		for (size_t k = 0; k < r->n_context; k++)
			hash_str(h, r->context[k]);
		hash_str(h, "|");
		for (size_t k = 0; k < r->n_anti_context; k++)
			hash_str(h, r->anti_context[k]);
		hash_str(h, "|");
	}
}

static void hash_out(SHA256_CTX *h, char out[17])
{
	unsigned char d[32];
	SHA256_Final(d, h);
	for (int i = 0; i < 8; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

void pii_rules_hash(const struct pii_ruleset *rs, char out[17])
{
	SHA256_CTX h;
	SHA256_Init(&h);
	hash_rules(&h, rs);
	hash_out(&h, out);
}

void pii_settings_hash(const struct pii_options *opt, const struct pii_ruleset *rs,
		       char out[17])
{
	SHA256_CTX h;
	SHA256_Init(&h);
	hash_rules(&h, rs);
	/* the limits that change what is read; values shown or masked too.
	 * Not --file-timeout: a file that ran out of time is read again
	 * anyway (pii_file_result.transient). */
	hash_u64(&h, opt->max_filesize);
	hash_u64(&h, opt->max_depth);
	hash_u64(&h, opt->max_expand);
	hash_u64(&h, opt->max_ratio);
	hash_u64(&h, opt->max_members);
	hash_u64(&h, opt->show_values);
	hash_out(&h, out);
}

/* ---- reading back ------------------------------------------------------------- */

static const char *get_str(yajl_val obj, const char *key)
{
	const char *path[] = {key, NULL};
	yajl_val v = yajl_tree_get(obj, path, yajl_t_string);
	return v ? YAJL_GET_STRING(v) : NULL;
}

static uint64_t get_u64(yajl_val obj, const char *key)
{
	const char *path[] = {key, NULL};
	yajl_val v = yajl_tree_get(obj, path, yajl_t_number);
	if (!v)
		return 0;
	const char *s = YAJL_GET_NUMBER(v);
	return s && *s != '-' ? strtoull(s, NULL, 10) : 0;
}

static int64_t get_i64(yajl_val obj, const char *key)
{
	const char *path[] = {key, NULL};
	yajl_val v = yajl_tree_get(obj, path, yajl_t_number);
	const char *s = v ? YAJL_GET_NUMBER(v) : NULL;
	return s ? strtoll(s, NULL, 10) : 0;
}

static bool get_bool(yajl_val obj, const char *key)
{
	const char *path[] = {key, NULL};
	yajl_val v = yajl_tree_get(obj, path, yajl_t_any);
	return v && YAJL_IS_TRUE(v);
}

static bool status_parse(const char *s, enum pii_file_status *st)
{
	for (int i = PII_FILE_SCANNED; i <= PII_FILE_SKIPPED; i++)
		if (s && !strcmp(s, pii_file_status_name((enum pii_file_status)i))) {
			*st = (enum pii_file_status)i;
			return true;
		}
	return false;
}

static uint64_t map_id(const struct pii_replay *rp, uint64_t id)
{
	return rp->fixed_id ? rp->fixed_id : rp->id_base + id;
}

void pii_replay_flush(struct pii_replay *rp)
{
	if (rp->batch) {
		pii_outbox_batch(rp->out, rp->batch);
		rp->batch = NULL;
	}
}

static bool fail(char *err, size_t errlen, const char *what, const char *detail)
{
	snprintf(err, errlen, "%s%s%s", what, detail ? ": " : "", detail ? detail : "");
	return false;
}

static bool replay_finding(struct pii_replay *rp, yajl_val obj, char *err, size_t errlen)
{
	if (!rp->rs)
		return fail(err, errlen, "a finding, but no rules to read it with", NULL);
	const char *rule_id = get_str(obj, "rule_id");
	if (!rule_id)
		rule_id = get_str(obj, "rule");
	size_t ri;
	for (ri = 0; rule_id && ri < rp->rs->n_rules; ri++)
		if (!strcmp(rp->rs->rules[ri].id, rule_id))
			break;
	if (!rule_id || ri == rp->rs->n_rules)
		return fail(err, errlen, "a finding of a rule not loaded here (other rules?)",
			    rule_id);
	const char *file = get_str(obj, "file"), *value = get_str(obj, "value");
	const char *fp = get_str(obj, "fingerprint");
	if (!file || !value || !fp)
		return fail(err, errlen, "a finding without file, value or fingerprint", NULL);
	uint64_t id = map_id(rp, get_u64(obj, "file_id"));
	if (rp->batch && (rp->batch->file_id != id || rp->batch->n >= PII_BATCH_FINDINGS))
		pii_replay_flush(rp);
	if (!rp->batch && !(rp->batch = pii_batch_new(id)))
		return fail(err, errlen, "out of memory", NULL);
	struct pii_loc loc = {
		.file = file,
		.table = get_str(obj, "table"),
		.column = get_str(obj, "column"),
		.key = get_str(obj, "key"),
		.part = get_str(obj, "part"),
		.page = (uint32_t)get_u64(obj, "page"),
	};
	enum pii_confidence conf = pii_confidence_parse(get_str(obj, "confidence"));
	struct pii_finding f = {
		.rule = (unsigned)ri,
		.confidence = conf ? conf : PII_CONF_LOW,
		.line = get_u64(obj, "line"),
		.row = get_u64(obj, "row"),
		.offset = get_u64(obj, "offset"),
		.fingerprint = strtoull(fp, NULL, 16),
	};
	if (!pii_batch_add(rp->batch, &f, &loc, value, strlen(value)))
		return fail(err, errlen, "out of memory", NULL);
	return true;
}

static bool replay_file(struct pii_replay *rp, yajl_val obj, char *err, size_t errlen)
{
	const char *path = get_str(obj, "path");
	enum pii_file_status st;
	if (!path || !status_parse(get_str(obj, "status"), &st))
		return fail(err, errlen, "a file record without path or status", NULL);
	struct pii_file_result *r = pii_file_result_new(map_id(rp, get_u64(obj, "file_id")), path);
	if (!r)
		return fail(err, errlen, "out of memory", NULL);
	pii_file_result_set(r, st, get_str(obj, "code"), get_str(obj, "reason"));
	r->listed = get_bool(obj, "listed");
	r->carried = rp->carried;
	r->size = get_u64(obj, "size");
	r->bytes_read = get_u64(obj, "bytes_read");
	r->mtime = get_i64(obj, "mtime");
	r->uid = (uid_t)get_u64(obj, "uid");
	const char *type = get_str(obj, "type");
	snprintf(r->type, sizeof(r->type), "%s", type ? type : "");
	pii_outbox_file(rp->out, r);
	return true;
}

static bool replay_summary(struct pii_replay *rp, yajl_val obj, char *err, size_t errlen)
{
	struct pii_run_summary *s = &rp->summary;
	pii_run_summary_free(s);
	const char *v;
	snprintf(s->version, sizeof(s->version), "%s", (v = get_str(obj, "version")) ? v : "");
	snprintf(s->rules, sizeof(s->rules), "%s", (v = get_str(obj, "rules")) ? v : "");
	snprintf(s->settings, sizeof(s->settings), "%s", (v = get_str(obj, "settings")) ? v : "");
	snprintf(s->key_id, sizeof(s->key_id), "%s", (v = get_str(obj, "key_id")) ? v : "");
	snprintf(s->host, sizeof(s->host), "%s", (v = get_str(obj, "host")) ? v : "");
	snprintf(s->user, sizeof(s->user), "%s", (v = get_str(obj, "user")) ? v : "");
	v = get_str(obj, "shard");
	if (!v || sscanf(v, "%u/%u", &s->shard_k, &s->shard_n) != 2)
		s->shard_k = s->shard_n = 0;
	s->started = get_i64(obj, "started");
	s->finished = get_i64(obj, "finished");
	const char *dpath[] = {"duration", NULL};
	yajl_val d = yajl_tree_get(obj, dpath, yajl_t_number);
	s->duration = d ? YAJL_GET_DOUBLE(d) : 0;
	s->interrupted = (int)get_i64(obj, "interrupted");
	s->show_values = get_bool(obj, "show_values");
	s->files_dropped = get_u64(obj, "files_dropped");
	s->pattern_limit_hits = get_u64(obj, "pattern_limit_hits");
	const char *ppath[] = {"paths", NULL};
	yajl_val paths = yajl_tree_get(obj, ppath, yajl_t_array);
	size_t n = paths ? YAJL_GET_ARRAY(paths)->len : 0;
	s->paths = calloc(n ? n : 1, sizeof(char *));
	if (!s->paths)
		return fail(err, errlen, "out of memory", NULL);
	for (size_t i = 0; i < n; i++) {
		const char *p = YAJL_GET_STRING(YAJL_GET_ARRAY(paths)->values[i]);
		if (p && !(s->paths[s->n_paths++] = strdup(p)))
			return fail(err, errlen, "out of memory", NULL);
	}
	rp->have_summary = true;
	return true;
}

bool pii_replay_line(struct pii_replay *rp, const char *line, char *err, size_t errlen)
{
	if (!line[0] || line[0] == '\n')
		return true;
	char why[256];
	yajl_val obj = yajl_tree_parse(line, why, sizeof(why));
	if (!obj || !YAJL_IS_OBJECT(obj)) {
		yajl_tree_free(obj);
		return fail(err, errlen, "not a JSON object", NULL);
	}
	const char *kind = get_str(obj, "record");
	bool ok;
	if (!rp->out && (!kind || strcmp(kind, "summary"))) {
		yajl_tree_free(obj);
		return fail(err, errlen, "only a summary record was expected", NULL);
	}
	if (!kind) {
		ok = replay_finding(rp, obj, err, errlen);
	} else {
		/* a record about a file comes after its findings */
		pii_replay_flush(rp);
		if (!strcmp(kind, "file")) {
			ok = replay_file(rp, obj, err, errlen);
		} else if (!strcmp(kind, "problem")) {
			enum pii_file_status st;
			const char *path = get_str(obj, "path");
			ok = path && status_parse(get_str(obj, "status"), &st);
			if (ok)
				pii_outbox_problem(rp->out, map_id(rp, get_u64(obj, "file_id")), path,
						   st, get_str(obj, "code"), get_str(obj, "reason"));
			else
				fail(err, errlen, "a problem record without path or status", NULL);
		} else if (!strcmp(kind, "table")) {
			const char *path = get_str(obj, "path"), *table = get_str(obj, "table");
			ok = path && table;
			if (ok)
				pii_outbox_table_rows(rp->out, map_id(rp, get_u64(obj, "file_id")), path,
						      table, get_u64(obj, "rows"));
			else
				fail(err, errlen, "a table record without path or table", NULL);
		} else if (!strcmp(kind, "summary")) {
			ok = replay_summary(rp, obj, err, errlen);
		} else {
			ok = fail(err, errlen, "an unknown record", kind);
		}
	}
	yajl_tree_free(obj);
	return ok;
}

void pii_run_summary_free(struct pii_run_summary *s)
{
	for (size_t i = 0; i < s->n_paths; i++)
		free(s->paths[i]);
	free(s->paths);
	s->paths = NULL;
	s->n_paths = 0;
}
