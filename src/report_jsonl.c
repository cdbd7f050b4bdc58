/*
 * report_jsonl.c - one JSON object per finding.
 *
 * This runs for every finding on the collector's thread, which shares the
 * cores with the workers, so the parts that repeat are rendered once: the
 * rule's part of a line once per rule, the location's part once per
 * location of a batch. Formatted by hand into room reserved once per line:
 * printf cost more than everything else the collector does.
 */
#include "pii_report.h"

#include <stdlib.h>
#include <string.h>

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
	char tmp[20];
	size_t n = 0;
	do {
		tmp[sizeof(tmp) - 1 - n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return put(d, tmp + sizeof(tmp) - n, n);
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
