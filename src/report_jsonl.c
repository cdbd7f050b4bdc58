/*
 * report_jsonl.c - one JSON object per finding.
 */
#include "pii_report.h"

#include <inttypes.h>
#include <string.h>

static bool put_str(struct pii_buf *out, const char *key, const char *val)
{
	return pii_buf_printf(out, ",\"%s\":\"", key) &&
	       pii_escape_json(out, val, strlen(val)) && pii_buf_putc(out, '"');
}

bool pii_jsonl_format(struct pii_buf *out, const struct pii_ruleset *rs,
		      const struct pii_finding *f)
{
	const struct pii_rule *r = &rs->rules[f->rule];
	const struct pii_loc *l = f->loc;
	bool ok = pii_buf_puts(out, "{\"file\":\"") &&
		  pii_escape_json(out, l->file, strlen(l->file)) &&
		  pii_buf_putc(out, '"') &&
		  put_str(out, "rule", r->report_as) &&
		  put_str(out, "category", r->category) &&
		  put_str(out, "value", f->value) &&
		  put_str(out, "confidence", pii_confidence_name(f->confidence));
	if (ok && f->line)
		ok = pii_buf_printf(out, ",\"line\":%" PRIu64, f->line);
	if (ok)
		ok = pii_buf_printf(out, ",\"offset\":%" PRIu64, f->offset);
	if (ok && l->table)
		ok = put_str(out, "table", l->table);
	if (ok && l->column)
		ok = put_str(out, "column", l->column);
	if (ok && l->key)
		ok = put_str(out, "key", l->key);
	if (ok && l->part)
		ok = put_str(out, "part", l->part);
	if (ok && r->report_as != r->id && strcmp(r->report_as, r->id))
		ok = put_str(out, "rule_id", r->id);
	if (ok)
		ok = pii_buf_printf(out, ",\"fingerprint\":\"%016" PRIx64 "\"}\n",
				    f->fingerprint);
	return ok;
}
