/*
 * sarif.c - the inventory as SARIF 2.1.0 (OASIS), for code scanning
 * dashboards and other tools that read static-analysis results: one
 * run; a reportingDescriptor per report name found; one result per
 * inventory row (location x report name).
 *
 * level says the row's highest confidence, not a severity: high is
 * "error" (personal data, with its evidence), medium "warning", low
 * "note" (looks like it, mostly is not; README: confidence).
 *
 * A file under a scanned path is a URI relative to that path, whose
 * absolute URI run.originalUriBaseIds gives (ROOT1, ROOT2, ...); other
 * relative paths are relative to the folder piiscan ran in (CWD). An
 * archive member ("a.zip!b.txt") is a result in its outer file, the
 * file on disk, with the member in the result's properties: SARIF's
 * nested artifacts are read by few tools.
 */
#include "pii_writer.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pii_report.h"
#include "pii_rowstore.h"
#include "pii_version.h"

#define SARIF_SCHEMA \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

static const char *level_of(enum pii_confidence c)
{
	return c == PII_CONF_HIGH ? "error" : c == PII_CONF_MEDIUM ? "warning" : "note";
}

/* Appends s percent-encoded as a URI path: all but unreserved characters
 * and '/' (RFC 3986), so ':' in a first segment, '#', '?', '%', spaces
 * and bytes past ASCII are all safe. */
static void put_uri_path(struct pii_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
			pii_buf_putc(b, (char)*p);
		else
			pii_buf_printf(b, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
	}
}

/* The length of a scanned path without its trailing slashes. */
static size_t root_len(const char *root)
{
	size_t n = strlen(root);
	while (n > 1 && root[n - 1] == '/')
		n--;
	return n;
}

/* The scanned path (index) that path is under, the longest; -1: none. */
static int root_of(const struct pii_inventory *inv, const char *path)
{
	int best = -1;
	size_t best_len = 0;
	for (size_t i = 0; i < inv->n_paths; i++) {
		size_t n = root_len(inv->paths[i]);
		if (!strcmp(inv->paths[i], "/"))
			n = 0; /* everything: the absolute file URI says it better */
		if (n && n > best_len && !strncmp(path, inv->paths[i], n) && path[n] == '/' &&
		    path[n + 1]) {
			best = (int)i;
			best_len = n;
		}
	}
	return best;
}

/* "file:///abs/dir/" of a folder, into b; false when it cannot be told. */
static bool folder_uri(struct pii_buf *b, const char *dir)
{
	char *abs = realpath(dir, NULL);
	if (!abs)
		return false;
	pii_buf_puts(b, "file://");
	put_uri_path(b, abs);
	if (strcmp(abs, "/"))
		pii_buf_putc(b, '/');
	free(abs);
	return true;
}

static void write_base_ids(struct pii_json *j, const struct pii_inventory *inv)
{
	struct pii_buf uri = {0};
	char id[32];
	pii_json_open(j, "originalUriBaseIds", '{');
	for (size_t i = 0; i < inv->n_paths; i++) {
		uri.len = 0;
		if (!folder_uri(&uri, inv->paths[i]))
			continue;
		snprintf(id, sizeof(id), "ROOT%zu", i + 1);
		pii_json_open(j, id, '{');
		pii_json_str(j, "uri", pii_buf_cstr(&uri));
		pii_json_open(j, "description", '{');
		pii_json_str(j, "text", inv->paths[i]);
		pii_json_close(j, '}');
		pii_json_close(j, '}');
	}
	uri.len = 0;
	if (folder_uri(&uri, ".")) {
		pii_json_open(j, "CWD", '{');
		pii_json_str(j, "uri", pii_buf_cstr(&uri));
		pii_json_close(j, '}');
	}
	pii_json_close(j, '}');
	pii_buf_free(&uri);
}

/* The artifactLocation of a file on disk. */
static void write_artifact(struct pii_json *j, const struct pii_inventory *inv, const char *path)
{
	struct pii_buf uri = {0};
	char id[32] = "";
	int root = root_of(inv, path);
	if (root >= 0) {
		put_uri_path(&uri, path + root_len(inv->paths[root]) + 1);
		snprintf(id, sizeof(id), "ROOT%d", root + 1);
	} else if (path[0] == '/') {
		pii_buf_puts(&uri, "file://");
		put_uri_path(&uri, path);
	} else {
		put_uri_path(&uri, path[0] == '.' && path[1] == '/' ? path + 2 : path);
		snprintf(id, sizeof(id), "CWD");
	}
	pii_json_open(j, "artifactLocation", '{');
	pii_json_str(j, "uri", pii_buf_cstr(&uri));
	if (id[0])
		pii_json_str(j, "uriBaseId", id);
	pii_json_close(j, '}');
	pii_buf_free(&uri);
}

static void write_result(struct pii_json *j, const struct pii_inventory *inv,
			 const struct pii_inv_row *r, size_t rule_index)
{
	const struct pii_report_id *rep = &inv->rules->reports[r->report];
	const char *outer = r->file->path;
	size_t outer_len = strlen(outer);
	/* the member's path inside its outer file, or NULL for the file itself */
	const char *member = !strncmp(r->path, outer, outer_len) && r->path[outer_len] == '!'
				     ? r->path + outer_len + 1
				     : NULL;
	struct pii_buf text = {0};
	char hex[17];

	pii_json_open(j, NULL, '{');
	pii_json_str(j, "ruleId", rep->name);
	pii_json_u64(j, "ruleIndex", rule_index);
	pii_json_str(j, "level", level_of(r->confidence));
	/* the example as every report has it: masked unless --show-values */
	pii_buf_printf(&text, "%llu finding%s of %s (%llu distinct) in %s, e.g. %s",
		       (unsigned long long)r->count, r->count == 1 ? "" : "s", rep->name,
		       (unsigned long long)r->distinct, r->path, r->example ? r->example : "");
	pii_json_open(j, "message", '{');
	pii_json_str(j, "text", pii_buf_cstr(&text));
	pii_json_close(j, '}');

	pii_json_open(j, "locations", '[');
	pii_json_open(j, NULL, '{');
	pii_json_open(j, "physicalLocation", '{');
	write_artifact(j, inv, outer);
	/* a line of the file itself: of a member or a converted document
	 * (the text of a PDF) it is no line of the file on disk */
	if (r->example_line && !member && r->file->type && !strncmp(r->file->type, "text/", 5)) {
		pii_json_open(j, "region", '{');
		pii_json_u64(j, "startLine", r->example_line);
		pii_json_close(j, '}');
	}
	pii_json_close(j, '}');
	pii_json_close(j, '}');
	pii_json_close(j, ']');

	/* The same location and rule in another run: its hash; the same value:
	 * the keyed fingerprint of the example (comparable across runs only
	 * with one --fingerprint-key-file). */
	uint64_t h = PII_FNV1A_START;
	const char *parts[] = {r->path, r->table, r->column, r->key, r->part, rep->name};
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		h = pii_fnv1a_bytes(h, parts[i] ? parts[i] : "", parts[i] ? strlen(parts[i]) + 1 : 0);
	pii_json_open(j, "partialFingerprints", '{');
	snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)h);
	pii_json_str(j, "piiscanLocation/v1", hex);
	snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)r->example_fingerprint);
	pii_json_str(j, "piiscanValue/v1", hex);
	pii_json_close(j, '}');

	pii_json_open(j, "properties", '{');
	pii_json_str(j, "file", r->path);
	if (member)
		pii_json_str(j, "member", member);
	const char *names[] = {"table", "column", "key", "part"};
	const char *values[] = {r->table, r->column, r->key, r->part};
	for (size_t i = 0; i < 4; i++)
		if (values[i])
			pii_json_str(j, names[i], values[i]);
	pii_json_str(j, "category", rep->category);
	pii_json_str(j, "confidence", pii_confidence_name(r->confidence));
	pii_json_u64(j, "count", r->count);
	pii_json_u64(j, "distinct", r->distinct);
	pii_json_u64(j, "high", r->by_confidence[PII_CONF_HIGH]);
	pii_json_u64(j, "medium", r->by_confidence[PII_CONF_MEDIUM]);
	pii_json_u64(j, "low", r->by_confidence[PII_CONF_LOW]);
	pii_json_str(j, "example", r->example);
	if (rep->special)
		pii_json_str(j, "special", pii_special_name(rep->special));
	if (r->review) {
		pii_json_str(j, "verdict", pii_verdict_code(r->review->verdict));
		pii_json_bool(j, "changedSinceReview", r->review_changed);
	}
	pii_json_close(j, '}');
	/* known and accepted (piiscan review import): a dashboard shows it
	 * as suppressed, with the reviewer's note as the reason */
	if (r->review && r->review->verdict == PII_VERDICT_ACCEPTED) {
		pii_json_open(j, "suppressions", '[');
		pii_json_open(j, NULL, '{');
		pii_json_str(j, "kind", "external");
		pii_json_str(j, "status", "accepted");
		if (r->review->note)
			pii_json_str(j, "justification", r->review->note);
		pii_json_close(j, '}');
		pii_json_close(j, ']');
	}
	pii_json_close(j, '}');
	pii_buf_free(&text);
}

/* One reportingDescriptor per report name with a row; used[report] is
 * its index in the list, or SIZE_MAX. */
static void write_rules(struct pii_json *j, const struct pii_inventory *inv, size_t *used)
{
	const struct pii_ruleset *rs = inv->rules;
	size_t n = 0;
	pii_json_open(j, "rules", '[');
	for (size_t rep_i = 0; rep_i < rs->n_reports; rep_i++) {
		if (used[rep_i] == SIZE_MAX)
			continue;
		used[rep_i] = n++;
		const struct pii_report_id *rep = &rs->reports[rep_i];
		const struct pii_rule *first = NULL;
		for (size_t i = 0; i < rs->n_rules && !first; i++)
			if (rs->rules[i].report_index == rep_i)
				first = &rs->rules[i];
		pii_json_open(j, NULL, '{');
		pii_json_str(j, "id", rep->name);
		pii_json_str(j, "name", rep->name);
		pii_json_open(j, "shortDescription", '{');
		pii_json_str(j, "text", first && first->name ? first->name : rep->name);
		pii_json_close(j, '}');
		pii_json_open(j, "properties", '{');
		pii_json_str(j, "category", rep->category);
		pii_json_bool(j, "specialCategory", rep->special == 9 || rep->special == 10);
		if (rep->special)
			pii_json_str(j, "special", pii_special_name(rep->special));
		pii_json_open(j, "piiscanRules", '[');
		for (size_t i = 0; i < rs->n_rules; i++)
			if (rs->rules[i].report_index == rep_i)
				pii_json_str(j, NULL, rs->rules[i].id);
		pii_json_close(j, ']');
		pii_json_open(j, "tags", '[');
		pii_json_str(j, NULL, "personal-data");
		pii_json_str(j, NULL, rep->category);
		pii_json_close(j, ']');
		pii_json_close(j, '}');
		pii_json_close(j, '}');
	}
	pii_json_close(j, ']');
}

/* The files not scanned (fully), as the Errors sheet lists them. */
static void write_invocation(struct pii_json *j, const struct pii_inventory *inv)
{
	pii_json_open(j, "invocations", '[');
	pii_json_open(j, NULL, '{');
	pii_json_str(j, "commandLine", inv->opt->command_line);
	pii_json_time(j, "startTimeUtc", inv->started);
	pii_json_time(j, "endTimeUtc", inv->finished);
	pii_json_bool(j, "executionSuccessful", !inv->interrupted);
	pii_json_open(j, "toolExecutionNotifications", '[');
	for (size_t i = 0; i < inv->n_problems; i++) {
		const struct pii_inv_problem *p = &inv->problems[i];
		pii_json_open(j, NULL, '{');
		pii_json_str(j, "level", p->status == PII_FILE_FAILED ? "error" : "warning");
		pii_json_open(j, "message", '{');
		pii_json_str(j, "text", p->reason);
		pii_json_close(j, '}');
		pii_json_open(j, "properties", '{');
		pii_json_str(j, "file", p->path);
		pii_json_str(j, "status", pii_file_status_name(p->status));
		pii_json_str(j, "code", p->code);
		pii_json_close(j, '}');
		pii_json_close(j, '}');
	}
	pii_json_close(j, ']');
	pii_json_close(j, '}');
	pii_json_close(j, ']');
}

static enum pii_status sarif_commit(const struct pii_inventory *inv, const char *path, FILE *f,
				    char *why, size_t whylen)
{
	(void)path;
	const struct pii_ruleset *rs = inv->rules;
	size_t *used = malloc((rs->n_reports ? rs->n_reports : 1) * sizeof(size_t));
	if (!used)
		return PII_EFATAL;
	for (size_t i = 0; i < rs->n_reports; i++)
		used[i] = SIZE_MAX;
	/* the report names with rows: those of the rules with findings (the
	 * rows found not personal data are neither in findings_per_rule nor
	 * rows), without reading the rows twice */
	for (size_t i = 0; i < rs->n_rules; i++)
		if (inv->findings_per_rule[i])
			used[rs->rules[i].report_index] = 0;

	struct pii_json j = {.f = f};
	pii_json_open(&j, NULL, '{');
	pii_json_str(&j, "$schema", SARIF_SCHEMA);
	pii_json_str(&j, "version", "2.1.0");
	pii_json_open(&j, "runs", '[');
	pii_json_open(&j, NULL, '{');
	pii_json_open(&j, "tool", '{');
	pii_json_open(&j, "driver", '{');
	pii_json_str(&j, "name", "piiscan");
	pii_json_str(&j, "version", PII_VERSION);
	pii_json_str(&j, "semanticVersion", PII_VERSION);
	write_rules(&j, inv, used);
	pii_json_close(&j, '}');
	pii_json_close(&j, '}');
	write_invocation(&j, inv);
	write_base_ids(&j, inv);
	pii_json_open(&j, "results", '[');
	struct pii_rowcursor *c = pii_rowcursor_open(inv->store);
	const struct pii_inv_row *r;
	while (c && (r = pii_rowcursor_next(c)))
		write_result(&j, inv, r, used[r->report]);
	bool read = pii_rowcursor_done(c, why, whylen);
	pii_json_close(&j, ']');
	pii_json_open(&j, "properties", '{');
	pii_json_bool(&j, "valuesShown", inv->opt->show_values);
	pii_json_str(&j, "countedFrom", pii_confidence_name(inv->opt->min_confidence));
	pii_json_close(&j, '}');
	pii_json_close(&j, '}');
	pii_json_close(&j, ']');
	pii_json_close(&j, '}');
	pii_buf_putc(&j.buf, '\n');
	free(used);
	return pii_json_end(&j) && read ? PII_OK : PII_EFATAL;
}

static const char *const extensions[] = {"sarif", NULL};

const struct pii_writer pii_writer_sarif = {
	.name = "sarif",
	.extensions = extensions,
	.to_stdout = true,
	.commit = sarif_commit,
};
