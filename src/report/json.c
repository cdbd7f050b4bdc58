/*
 * json.c - the results as one JSON document (not JSON lines): the
 * Summary's figures, the Inventory's rows, the Errors and the Rules, with
 * ids and English keys (never the workbook's labels), for a program to
 * read. schema/piiscan.schema.json describes it.
 */
#include "pii_writer.h"

#include <stdio.h>
#include <string.h>

#include "pii_allow.h"
#include "pii_report.h"
#include "pii_rowstore.h"
#include "pii_stop.h"
#include "pii_version.h"

static void write_summary(struct pii_json *j, const struct pii_inventory *inv)
{
	const struct pii_options *opt = inv->opt;
	struct pii_file_figures f;
	pii_inventory_file_figures(inv, &f);
	pii_json_open(j, "summary", '{');
	pii_json_bool(j, "complete", !inv->interrupted);
	pii_json_str(j, "interrupted_by", inv->interrupted ? pii_signal_name(inv->interrupted) : NULL);
	pii_json_u64(j, "files_dropped", inv->files_dropped);
	pii_json_open(j, "paths", '[');
	for (size_t i = 0; i < inv->n_paths; i++)
		pii_json_str(j, NULL, inv->paths[i]);
	pii_json_close(j, ']');
	pii_json_time(j, "started", inv->started);
	pii_json_time(j, "finished", inv->finished);
	pii_json_seconds(j, "duration", inv->duration);
	pii_json_str(j, "host", inv->host);
	pii_json_str(j, "user", inv->user);
	pii_json_str(j, "command_line", opt->command_line);
	pii_json_open(j, "packs", '[');
	for (size_t i = 0; i < inv->rules->n_packs; i++)
		pii_json_str(j, NULL, inv->rules->packs[i]);
	pii_json_close(j, ']');
	pii_json_u64(j, "rules", inv->rules->n_rules);
	pii_json_bool(j, "values_shown", opt->show_values);
	/* the file figures as every report defines them (pii_inventory.h) */
	pii_json_u64(j, "files_seen", f.seen);
	pii_json_u64(j, "files_read_whole", f.whole);
	pii_json_u64(j, "files_read_in_part", f.in_part);
	pii_json_u64(j, "files_not_read", f.not_read);
	pii_json_u64(j, "symlinks_not_followed", inv->symlinks);
	pii_json_u64(j, "files_with_personal_data", f.with_data);
	pii_json_u64(j, "bytes_scanned", inv->bytes_scanned);
	pii_json_u64(j, "findings", inv->findings_total);
	pii_json_str(j, "counted_from", pii_confidence_name(opt->min_confidence));
	pii_json_u64(j, "findings_not_counted", inv->findings_uncounted);
	pii_json_u64(j, "locations_high", inv->locations_high);
	/* what allow: entries let go, by entry: never the values, nor the
	 * patterns that may spell one */
	pii_json_u64(j, "findings_allowed", inv->findings_allowed);
	pii_json_open(j, "allow", '[');
	for (size_t i = 0; i < inv->rules->n_allow; i++) {
		const struct pii_allow *a = &inv->rules->allow[i];
		pii_json_open(j, NULL, '{');
		pii_json_str(j, "source", pii_allow_source_name(a));
		pii_json_str(j, "reason", a->reason);
		pii_json_open(j, "conditions", '[');
		if (a->value)
			pii_json_str(j, NULL, "value");
		if (a->has_fingerprint)
			pii_json_str(j, NULL, "fingerprint");
		if (a->n_paths)
			pii_json_str(j, NULL, "path");
		pii_json_close(j, ']');
		pii_json_open(j, "rules", '[');
		for (size_t k = 0; k < a->n_rules; k++)
			pii_json_str(j, NULL, a->rules[k]);
		pii_json_close(j, ']');
		pii_json_u64(j, "findings", inv->allowed_per_entry[i]);
		pii_json_close(j, '}');
	}
	pii_json_close(j, ']');
	/* what the Summary shows only when it was asked for, here too */
	if (opt->stale_after) {
		pii_json_u64(j, "stale_after_seconds", (uint64_t)opt->stale_after);
		pii_json_u64(j, "stale_locations", inv->stale_locations);
		pii_json_u64(j, "stale_files", inv->stale_files);
		pii_json_u64(j, "stale_bytes", inv->stale_bytes);
	}
	if (opt->contact_list_min) {
		pii_json_u64(j, "contact_lists", inv->contact_lists);
		pii_json_u64(j, "largest_contact_list", inv->largest_contact_list);
	}
	if (inv->state_path) {
		pii_json_str(j, "state_file", inv->state_path);
		pii_json_u64(j, "files_read_this_run", f.seen - f.carried);
		pii_json_u64(j, "files_carried_over", f.carried);
		if (inv->changes_compared && !inv->interrupted)
			pii_json_u64(j, "changes", inv->n_changes);
		else
			pii_json_str(j, "changes", NULL);
	}
	if (inv->review_path) {
		pii_json_str(j, "review_file", inv->review_path);
		pii_json_u64(j, "locations_reviewed", inv->rows_with_verdict);
		pii_json_u64(j, "locations_open", inv->rows_open);
		pii_json_u64(j, "changed_since_review", inv->rows_changed);
		pii_json_u64(j, "not_personal_locations", inv->n_reviewed);
		pii_json_u64(j, "not_personal_findings", inv->findings_reviewed);
	}
	if (inv->baseline_path) {
		pii_json_str(j, "baseline_file", inv->baseline_path);
		pii_json_u64(j, "findings_in_baseline", inv->findings_in_baseline);
	}
	pii_json_u64(j, "errors_not_listed", inv->problems_dropped);
	pii_json_u64(j, "pattern_limit_hits", inv->pattern_limit_hits);
	pii_json_open(j, "categories", '[');
	for (size_t i = 0; i < inv->n_categories; i++) {
		const struct pii_inv_category *c = &inv->categories[i];
		pii_json_open(j, NULL, '{');
		pii_json_str(j, "category", c->name);
		pii_json_u64(j, "findings", c->findings);
		pii_json_u64(j, "locations", c->locations);
		pii_json_u64(j, "files", c->files);
		pii_json_u64(j, "distinct", pii_distinct_count_of(&c->distinct, c->findings));
		pii_json_bool(j, "distinct_estimated", pii_distinct_is_estimate(&c->distinct));
		pii_json_str(j, "special", pii_special_name(pii_category_special(inv->rules, c->name)));
		pii_json_close(j, '}');
	}
	pii_json_close(j, ']');
	pii_json_close(j, '}');
}

static void write_row(struct pii_json *j, const struct pii_inventory *inv,
		      const struct pii_inv_row *r)
{
	const struct pii_report_id *rep = &inv->rules->reports[r->report];
	char fp[17];
	snprintf(fp, sizeof(fp), "%016llx", (unsigned long long)r->example_fingerprint);
	pii_json_open(j, NULL, '{');
	pii_json_str(j, "file", r->path);
	pii_json_str(j, "table", r->table);
	pii_json_str(j, "column", r->column);
	pii_json_str(j, "key", r->key);
	pii_json_str(j, "part", r->part);
	pii_json_str(j, "rule", rep->name);
	pii_json_str(j, "category", rep->category);
	pii_json_str(j, "confidence", pii_confidence_name(r->confidence));
	pii_json_u64(j, "count", r->count);
	pii_json_u64(j, "distinct", r->distinct);
	pii_json_bool(j, "distinct_estimated", r->distinct_estimated);
	pii_json_u64(j, "high", r->by_confidence[PII_CONF_HIGH]);
	pii_json_u64(j, "medium", r->by_confidence[PII_CONF_MEDIUM]);
	pii_json_u64(j, "low", r->by_confidence[PII_CONF_LOW]);
	pii_json_str(j, "example", r->example);
	if (r->example_line)
		pii_json_u64(j, "example_line", r->example_line);
	else
		pii_json_str(j, "example_line", NULL);
	pii_json_str(j, "example_fingerprint", fp);
	if (r->rows_scanned) {
		pii_json_u64(j, "rows", r->rows_scanned);
		pii_json_u64(j, "rows_with", r->rows_with);
		if (r->rows_in_table)
			pii_json_u64(j, "rows_in_table", r->rows_in_table);
	} else {
		pii_json_str(j, "rows", NULL);
		pii_json_str(j, "rows_with", NULL);
	}
	pii_json_str(j, "special", pii_special_name(rep->special));
	pii_json_u64(j, "file_size", r->file->size);
	pii_json_str(j, "owner", pii_inv_file_owner(r->file));
	pii_json_time(j, "modified", r->file->mtime);
	pii_json_str(j, "type", r->file->type);
	pii_json_bool(j, "deletion_candidate", r->stale);
	if (r->contact_list)
		pii_json_u64(j, "contact_list", r->contact_list);
	else
		pii_json_str(j, "contact_list", NULL);
	pii_json_str(j, "system", r->system < inv->n_systems ? inv->systems[r->system].name : NULL);
	char key[17];
	snprintf(key, sizeof(key), "%016llx", (unsigned long long)r->row_key);
	pii_json_str(j, "row_key", key);
	pii_json_str(j, "verdict", r->review ? pii_verdict_code(r->review->verdict) : NULL);
	pii_json_str(j, "note", r->review ? r->review->note : NULL);
	pii_json_bool(j, "changed_since_review", r->review_changed);
	pii_json_close(j, '}');
}

static void write_rules(struct pii_json *j, const struct pii_inventory *inv)
{
	const struct pii_ruleset *rs = inv->rules;
	pii_json_open(j, "rules", '[');
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct pii_rule *r = &rs->rules[i];
		pii_json_open(j, NULL, '{');
		pii_json_str(j, "id", r->id);
		pii_json_str(j, "report_as", r->report_as);
		pii_json_str(j, "name", r->name);
		pii_json_str(j, "pack", r->pack);
		pii_json_str(j, "country", r->country);
		pii_json_str(j, "category", r->category);
		pii_json_str(j, "validate", r->validator_name);
		pii_json_str(j, "mask", r->mask_name);
		pii_json_str(j, "confidence", pii_confidence_name(r->confidence));
		pii_json_bool(j, "require_context", r->require_context);
		pii_json_str(j, "special", pii_special_name(r->special));
		pii_json_u64(j, "findings", inv->findings_per_rule[i]);
		pii_json_str(j, "source", pii_rule_source_name(r));
		pii_json_close(j, '}');
	}
	pii_json_close(j, ']');
}

static enum pii_status json_commit(const struct pii_inventory *inv, const char *path, FILE *f,
				   char *why, size_t whylen)
{
	(void)path;
	struct pii_json j = {.f = f};
	pii_json_open(&j, NULL, '{');
	pii_json_str(&j, "piiscan", PII_VERSION);
	write_summary(&j, inv);
	pii_json_open(&j, "inventory", '[');
	struct pii_rowcursor *c = pii_rowcursor_open(inv->store);
	const struct pii_inv_row *r;
	while (c && (r = pii_rowcursor_next(c)))
		write_row(&j, inv, r);
	bool read = pii_rowcursor_done(c, why, whylen);
	pii_json_close(&j, ']');
	/* rows found not to be personal data: out of the inventory, not lost */
	if (inv->review_path) {
		pii_json_open(&j, "reviewed", '[');
		for (size_t i = 0; i < inv->n_reviewed; i++)
			write_row(&j, inv, &inv->reviewed[i]);
		pii_json_close(&j, ']');
	}
	pii_json_open(&j, "errors", '[');
	for (size_t i = 0; i < inv->n_problems; i++) {
		const struct pii_inv_problem *p = &inv->problems[i];
		pii_json_open(&j, NULL, '{');
		pii_json_str(&j, "path", p->path);
		pii_json_str(&j, "status", pii_file_status_name(p->status));
		pii_json_str(&j, "code", p->code);
		pii_json_str(&j, "reason", p->reason);
		pii_json_close(&j, '}');
	}
	pii_json_close(&j, ']');
	write_rules(&j, inv);
	pii_json_close(&j, '}');
	pii_buf_putc(&j.buf, '\n');
	return pii_json_end(&j) && read ? PII_OK : PII_EFATAL;
}

static const char *const extensions[] = {"json", NULL};

const struct pii_writer pii_writer_json = {
	.name = "json",
	.extensions = extensions,
	.to_stdout = true,
	.commit = json_commit,
};
