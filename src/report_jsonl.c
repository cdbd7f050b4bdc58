/*
 * report_jsonl.c - one JSON object per finding. Formatted by hand into
 * room reserved once per line: this runs for every finding on the
 * collector's thread, and printf cost more than everything else there.
 */
#include "pii_report.h"

#include <string.h>

/* The worst case of a field: 5 bytes per byte of an escaped value. */
#define ESCAPED_MAX(s) (strlen(s) * 5)

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

/* ,"key":"escaped value" */
static char *put_str(char *d, const char *key, size_t keylen, const char *val)
{
	d = LIT(d, ",\"");
	d = put(d, key, keylen);
	d = LIT(d, "\":\"");
	d += pii_escape_json_to(d, val, strlen(val));
	return LIT(d, "\"");
}

#define STR(d, key, val) put_str((d), (key), sizeof(key) - 1, (val))

bool pii_jsonl_format(struct pii_buf *out, const struct pii_ruleset *rs,
		      const struct pii_finding *f)
{
	const struct pii_rule *r = &rs->rules[f->rule];
	const struct pii_loc *l = f->loc;
	size_t room = 256 + ESCAPED_MAX(l->file) + ESCAPED_MAX(r->report_as) +
		      ESCAPED_MAX(r->category) + ESCAPED_MAX(f->value) + ESCAPED_MAX(r->id) +
		      (l->table ? ESCAPED_MAX(l->table) : 0) +
		      (l->column ? ESCAPED_MAX(l->column) : 0) +
		      (l->key ? ESCAPED_MAX(l->key) : 0) + (l->part ? ESCAPED_MAX(l->part) : 0);
	char *start = pii_buf_reserve(out, room);
	if (!start)
		return false;
	char *d = LIT(start, "{\"file\":\"");
	d += pii_escape_json_to(d, l->file, strlen(l->file));
	d = LIT(d, "\"");
	d = STR(d, "rule", r->report_as);
	d = STR(d, "category", r->category);
	d = STR(d, "value", f->value);
	d = STR(d, "confidence", pii_confidence_name(f->confidence));
	if (f->line) {
		d = LIT(d, ",\"line\":");
		d = put_u64(d, f->line);
	}
	d = LIT(d, ",\"offset\":");
	d = put_u64(d, f->offset);
	if (l->table)
		d = STR(d, "table", l->table);
	if (l->column)
		d = STR(d, "column", l->column);
	if (l->key)
		d = STR(d, "key", l->key);
	if (l->part)
		d = STR(d, "part", l->part);
	if (r->report_as != r->id && strcmp(r->report_as, r->id))
		d = STR(d, "rule_id", r->id);
	d = LIT(d, ",\"fingerprint\":\"");
	d = put_hex64(d, f->fingerprint);
	d = LIT(d, "\"}\n");
	pii_buf_commit(out, (size_t)(d - start));
	return true;
}
