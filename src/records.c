/*
 * records.c - the JSONL codec (pii_records.h): finding lines and records
 * written, and read back, side by side, so that what one writes the other
 * reads (Vectorscan's serialize/deserialize pairing).
 */
#include "pii_records.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_tree.h>

#include "pii_limits.h"
#include "pii_version.h"

/* ---- writing finding lines ------------------------------------------------------- */

/* This runs for every finding on the collector's thread, which shares the
 * cores with the workers, so the parts that repeat are rendered once: the
 * rule's part of a line once per rule, the location's part once per
 * location of a batch. Formatted by hand into room reserved once per line:
 * printf cost more than everything else the collector does. */
struct pii_jsonl {
	const struct pii_ruleset *rs;
	bool file_ids;                 /* lines carry "file_id" (records) */
	struct pii_buf *rule_part;     /* ,"rule":..,"category":..,"value":" */
	struct pii_buf *rule_tail;     /* ,"rule_id":".." or empty */
	const struct pii_loc *last_loc;
	struct pii_buf loc_head;       /* {"file":".." */
	struct pii_buf loc_tail;       /* ,"table":.. etc. */
};

static char *put(char *d, const char *s, size_t n)
{
	memcpy(d, s, n);
	return d + n;
}

#define LIT(d, s) put((d), (s), sizeof(s) - 1)

static char *put_u64(char *d, uint64_t v)
{
	return d + pii_u64_dec(d, v);
}

static char *put_hex64(char *d, uint64_t v)
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 15; i >= 0; i--) {
		d[i] = digits[v & 15];
		v >>= 4;
	}
	return d + 16;
}

struct pii_jsonl *pii_jsonl_new(const struct pii_ruleset *rs, bool file_ids)
{
	struct pii_jsonl *j = calloc(1, sizeof(*j));
	if (!j)
		return NULL;
	j->rs = rs;
	j->file_ids = file_ids;
	j->rule_part = calloc(rs->n_rules ? rs->n_rules : 1, sizeof(struct pii_buf));
	j->rule_tail = calloc(rs->n_rules ? rs->n_rules : 1, sizeof(struct pii_buf));
	if (!j->rule_part || !j->rule_tail) {
		pii_jsonl_free(j);
		return NULL;
	}
	bool ok = true;
	for (size_t i = 0; i < rs->n_rules && ok; i++) {
		const struct pii_rule *r = &rs->rules[i];
		ok = pii_json_str_field(&j->rule_part[i], "rule", r->report_as) &&
		     pii_json_str_field(&j->rule_part[i], "category", r->category) &&
		     pii_buf_puts(&j->rule_part[i], ",\"value\":\"");
		if (ok && strcmp(r->report_as, r->id))
			ok = pii_json_str_field(&j->rule_tail[i], "rule_id", r->id);
		ok = ok && pii_buf_puts(&j->rule_tail[i], "");
	}
	if (!ok) {
		pii_jsonl_free(j);
		return NULL;
	}
	return j;
}

void pii_jsonl_free(struct pii_jsonl *j)
{
	if (!j)
		return;
	for (size_t i = 0; j->rule_part && i < j->rs->n_rules; i++)
		pii_buf_free(&j->rule_part[i]);
	for (size_t i = 0; j->rule_tail && i < j->rs->n_rules; i++)
		pii_buf_free(&j->rule_tail[i]);
	free(j->rule_part);
	free(j->rule_tail);
	pii_buf_free(&j->loc_head);
	pii_buf_free(&j->loc_tail);
	free(j);
}

void pii_jsonl_forget(struct pii_jsonl *j)
{
	j->last_loc = NULL;
}

/* Renders the location's parts, unless it is the one rendered last. */
static bool render_loc(struct pii_jsonl *j, const struct pii_loc *l)
{
	if (l == j->last_loc)
		return true;
	j->last_loc = NULL;
	j->loc_head.len = 0;
	j->loc_tail.len = 0;
	bool ok = pii_buf_puts(&j->loc_head, "{\"file\":\"") &&
		  pii_escape_json(&j->loc_head, l->file, strlen(l->file)) &&
		  pii_buf_putc(&j->loc_head, '"') && pii_buf_puts(&j->loc_tail, "");
	if (ok && l->table)
		ok = pii_json_str_field(&j->loc_tail, "table", l->table);
	if (ok && l->column)
		ok = pii_json_str_field(&j->loc_tail, "column", l->column);
	if (ok && l->key)
		ok = pii_json_str_field(&j->loc_tail, "key", l->key);
	if (ok && l->part)
		ok = pii_json_str_field(&j->loc_tail, "part", l->part);
	if (ok)
		j->last_loc = l;
	return ok;
}

bool pii_jsonl_format(struct pii_jsonl *j, struct pii_buf *out, const struct pii_finding *f,
		      uint64_t file_id)
{
	const struct pii_buf *rp = &j->rule_part[f->rule], *rt = &j->rule_tail[f->rule];
	if (!render_loc(j, f->loc))
		return false;
	size_t vlen = strlen(f->value);
	size_t room = j->loc_head.len + rp->len + vlen * 5 + 64 + 40 + j->loc_tail.len +
		      rt->len + 48 + 28;
	char *start = pii_buf_reserve(out, room);
	if (!start)
		return false;
	char *d = put(start, j->loc_head.data, j->loc_head.len);
	d = put(d, rp->data, rp->len);
	d += pii_escape_json_to(d, f->value, vlen);
	d = LIT(d, "\",\"confidence\":\"");
	const char *conf = pii_confidence_name(f->confidence);
	d = put(d, conf, strlen(conf));
	d = LIT(d, "\"");
	if (f->line) {
		d = LIT(d, ",\"line\":");
		d = put_u64(d, f->line);
	}
	if (f->row) {
		d = LIT(d, ",\"row\":");
		d = put_u64(d, f->row);
	}
	d = LIT(d, ",\"offset\":");
	d = put_u64(d, f->offset);
	if (f->loc->page) {
		d = LIT(d, ",\"page\":");
		d = put_u64(d, f->loc->page);
	}
	d = put(d, j->loc_tail.data, j->loc_tail.len);
	d = put(d, rt->data, rt->len);
	d = LIT(d, ",\"fingerprint\":\"");
	d = put_hex64(d, f->fingerprint);
	d = LIT(d, "\"");
	if (j->file_ids) {
		d = LIT(d, ",\"file_id\":");
		d = put_u64(d, file_id);
	}
	d = LIT(d, "}\n");
	pii_buf_commit(out, (size_t)(d - start));
	return true;
}

/* ---- writing records ------------------------------------------------------------ */

bool pii_record_file(struct pii_buf *out, const struct pii_file_result *r)
{
	bool ok = pii_buf_printf(out, "{\"record\":\"file\",\"file_id\":%" PRIu64, r->file_id) &&
		  pii_json_str_field(out, "path", r->path) &&
		  pii_json_str_field(out, "status", pii_file_status_name(r->status));
	if (ok && r->code[0])
		ok = pii_json_str_field(out, "code", r->code);
	if (ok && r->reason)
		ok = pii_json_str_field(out, "reason", r->reason);
	ok = ok && pii_json_str_field(out, "type", r->type) &&
	     pii_buf_printf(out,
			    ",\"listed\":%s,\"size\":%" PRIu64 ",\"bytes_read\":%" PRIu64
			    ",\"mtime\":%" PRId64 ",\"saved\":%" PRId64 ",\"uid\":%lu",
			    r->listed ? "true" : "false", r->size, r->bytes_read, r->mtime,
			    r->saved, (unsigned long)r->uid);
	if (ok && r->owner[0])
		ok = pii_json_str_field(out, "owner", r->owner);
	/* what the allow: entries let go, per entry: counted again when the
	 * file is carried over or merged, the values long gone */
	for (size_t i = 0; ok && i < r->n_allowed; i++)
		ok = pii_buf_printf(out, "%s%" PRIu64, i ? "," : ",\"allowed\":[", r->allowed[i]);
	if (ok && r->n_allowed)
		ok = pii_buf_putc(out, ']');
	return ok && pii_buf_puts(out, "}\n");
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
		      const char *table, uint64_t rows, uint64_t total)
{
	return pii_buf_printf(out, "{\"record\":\"table\",\"file_id\":%" PRIu64, file_id) &&
	       pii_json_str_field(out, "path", path) && pii_json_str_field(out, "table", table) &&
	       pii_buf_printf(out, ",\"rows\":%" PRIu64, rows) &&
	       (!total || pii_buf_printf(out, ",\"rows_in_table\":%" PRIu64, total)) &&
	       pii_buf_puts(out, "}\n");
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
				 ",\"pattern_limit_hits\":%" PRIu64 ",\"symlinks_not_followed\":%" PRIu64
				 ",\"ocr\":{",
				 inv->opt->show_values ? "true" : "false", inv->interrupted,
				 inv->files_dropped, inv->pattern_limit_hits, inv->symlinks);
	/* what OCR did, summed by the merge */
	for (size_t i = 0; ok && i < pii_ocr_n_total_fields; i++)
		ok = pii_buf_printf(out, "%s\"%s\":%" PRIu64, i ? "," : "",
				    pii_ocr_total_fields[i].name,
				    *(const uint64_t *)((const char *)&inv->ocr +
							pii_ocr_total_fields[i].offset));
	ok = ok && pii_buf_puts(out, "},\"paths\":[");
	for (size_t i = 0; ok && i < inv->n_paths; i++)
		ok = pii_buf_puts(out, i ? ",\"" : "\"") &&
		     pii_escape_json(out, inv->paths[i], strlen(inv->paths[i])) &&
		     pii_buf_putc(out, '"');
	return ok && pii_buf_puts(out, "]}\n");
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
	r->saved = get_i64(obj, "saved");
	r->uid = (uid_t)get_u64(obj, "uid");
	const char *owner = get_str(obj, "owner");
	snprintf(r->owner, sizeof(r->owner), "%s", owner ? owner : "");
	const char *type = get_str(obj, "type");
	snprintf(r->type, sizeof(r->type), "%s", type ? type : "");
	const char *apath[] = {"allowed", NULL};
	yajl_val allowed = yajl_tree_get(obj, apath, yajl_t_array);
	if (allowed) {
		size_t n = YAJL_GET_ARRAY(allowed)->len;
		/* the rules' hash holds the entries, so a state of other
		 * entries is not read back; a merge's part of others is
		 * refused here, before its summary is compared */
		if (!rp->rs || n != rp->rs->n_allow) {
			pii_file_result_free(r);
			return fail(err, errlen,
				    "a file record of other allow: entries than loaded here (give "
				    "the same allow: lists)",
				    path);
		}
		if (!(r->allowed = calloc(n ? n : 1, sizeof(*r->allowed)))) {
			pii_file_result_free(r);
			return fail(err, errlen, "out of memory", NULL);
		}
		r->n_allowed = n;
		for (size_t i = 0; i < n; i++) {
			yajl_val v = YAJL_GET_ARRAY(allowed)->values[i];
			const char *num = YAJL_IS_NUMBER(v) ? YAJL_GET_NUMBER(v) : NULL;
			r->allowed[i] = num && *num != '-' ? strtoull(num, NULL, 10) : 0;
		}
	}
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
	s->symlinks = get_u64(obj, "symlinks_not_followed");
	const char *opath[] = {"ocr", NULL};
	yajl_val ocr = yajl_tree_get(obj, opath, yajl_t_object);
	for (size_t i = 0; ocr && i < pii_ocr_n_total_fields; i++)
		*(uint64_t *)((char *)&s->ocr + pii_ocr_total_fields[i].offset) =
			get_u64(ocr, pii_ocr_total_fields[i].name);
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
						      table, get_u64(obj, "rows"),
						      get_u64(obj, "rows_in_table"));
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
