/*
 * breach.c - the scope of a data breach (see pii_breach.h), and its text.
 */
#include "pii_breach.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii_register.h"
#include "pii_report.h"
#include "pii_version.h"

static int cmp_category(const void *pa, const void *pb)
{
	const struct pii_breach_category *a = pa, *b = pb;
	if ((a->special != 0) != (b->special != 0))
		return a->special ? -1 : 1;
	if (a->records != b->records)
		return a->records > b->records ? -1 : 1;
	return strcmp(a->name, b->name);
}

static int cmp_file(const void *pa, const void *pb)
{
	const struct pii_breach_file *a = pa, *b = pb;
	if (a->findings != b->findings)
		return a->findings > b->findings ? -1 : 1;
	return strcmp(a->file->path, b->file->path);
}

bool pii_breach_build(const struct pii_inventory *inv, struct pii_breach *b)
{
	memset(b, 0, sizeof(*b));
	b->categories = calloc(inv->n_categories ? inv->n_categories : 1, sizeof(*b->categories));
	b->files = calloc(inv->n_rows ? inv->n_rows : 1, sizeof(*b->files));
	if (!b->categories || !b->files) {
		pii_breach_free(b);
		return false;
	}
	for (size_t i = 0; i < inv->n_categories; i++) {
		const struct pii_inv_category *c = &inv->categories[i];
		if (!c->findings)
			continue;
		struct pii_breach_category *bc = &b->categories[b->n_categories++];
		bc->name = c->name;
		bc->special = pii_category_special(inv->rules, c->name);
		bc->records = c->findings;
		bc->files = c->files;
		bc->subjects = bc->special ? c->files : pii_distinct_count(&c->distinct);
	}
	qsort(b->categories, b->n_categories, sizeof(*b->categories), cmp_category);
	/* rows are sorted by path: a file's rows are together */
	for (size_t i = 0; i < inv->n_rows; i++) {
		const struct pii_inv_row *r = &inv->rows[i];
		struct pii_breach_file *f = b->n_files ? &b->files[b->n_files - 1] : NULL;
		if (!f || f->file != r->file) {
			f = &b->files[b->n_files++];
			f->file = r->file;
		}
		f->findings += r->count;
		int special = inv->rules->reports[r->report].special;
		if (special > f->special)
			f->special = special;
	}
	qsort(b->files, b->n_files, sizeof(*b->files), cmp_file);
	/* the special kinds with findings, by report name, each once */
	const struct pii_ruleset *rs = inv->rules;
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct pii_report_id *rep = &rs->reports[rs->rules[i].report_index];
		if (!rep->special || !inv->findings_per_rule[i])
			continue;
		size_t k = 0;
		while (k < b->n_special_kinds && strcmp(b->special_kinds[k], rep->name))
			k++;
		if (k == b->n_special_kinds && k < sizeof(b->special_kinds) / sizeof(b->special_kinds[0])) {
			b->special_kinds[k] = rep->name;
			b->special_art[k] = rep->special;
			b->n_special_kinds++;
		}
	}
	for (size_t k = 0; k < inv->rules->n_subject_kinds; k++) {
		uint64_t n = pii_distinct_count(&inv->subjects[k]);
		if (n > b->subjects)
			b->subjects = n;
	}
	return true;
}

void pii_breach_free(struct pii_breach *b)
{
	free(b->categories);
	free(b->files);
	memset(b, 0, sizeof(*b));
}

static const char *art(int special)
{
	return special == 9 ? " (Art. 9)" : special == 10 ? " (Art. 10)" : "";
}

enum pii_status pii_breach_txt_write(const struct pii_inventory *inv, FILE *f)
{
	struct pii_breach b;
	if (!pii_breach_build(inv, &b))
		return PII_EFATAL;
	char when[32];
	pii_format_mtime(inv->finished, when, sizeof(when));
	fprintf(f, "PERSONAL DATA BREACH: SCOPE OF THE DATA CONCERNED\n");
	fprintf(f, "For the notification to the supervisory authority (GDPR Art. 33, within\n"
		   "72 hours) and to the people concerned (Art. 34).\n\n");
	fprintf(f, "Examined:            ");
	for (size_t i = 0; i < inv->n_paths; i++)
		fprintf(f, "%s%s", i ? ", " : "", inv->paths[i]);
	fprintf(f, "\nOn:                  %s UTC, by piiscan %s on %s\n", when, PII_VERSION, inv->host);
	if (inv->interrupted)
		fprintf(f, "Scan:                INCOMPLETE (interrupted): the scope may be larger\n");
	uint64_t files = inv->files_scanned + inv->files_partial + inv->files_failed +
			 inv->files_skipped;
	fprintf(f, "Files examined:      %" PRIu64 " (%" PRIu64 " not fully readable: see the inventory)\n",
		files, inv->files_partial + inv->files_failed + inv->files_skipped);
	fprintf(f, "Files with personal data: %" PRIu64 "\n", (uint64_t)b.n_files);
	fprintf(f, "Records (findings):  %" PRIu64 "\n", inv->findings_total);
	fprintf(f, "Data subjects:       about %" PRIu64 " (distinct e-mail addresses, phone\n"
		   "                     numbers or national ids, whichever is most)\n\n",
		b.subjects);
	fprintf(f, "Special categories:  ");
	for (size_t i = 0; i < b.n_special_kinds; i++)
		fprintf(f, "%s%s%s", i ? ", " : "", b.special_kinds[i], art(b.special_art[i]));
	fprintf(f, "%s\n\n", b.n_special_kinds ? "" : "none found");
	fprintf(f, "%-32s %10s %14s %8s\n", "Category of personal data", "Records", "Data subjects",
		"Files");
	for (size_t i = 0; i < b.n_categories; i++) {
		char name[64];
		snprintf(name, sizeof(name), "%s%s", b.categories[i].name, art(b.categories[i].special));
		fprintf(f, "%-32s %10" PRIu64 " %14" PRIu64 " %8" PRIu64 "\n", name,
			b.categories[i].records, b.categories[i].subjects, b.categories[i].files);
	}
	fprintf(f, "\nFiles involved (most findings first):\n");
	size_t listed = b.n_files < PII_BREACH_FILES_LISTED ? b.n_files : PII_BREACH_FILES_LISTED;
	for (size_t i = 0; i < listed; i++) {
		struct pii_buf path = {0};
		pii_escape_display(&path, b.files[i].file->path, strlen(b.files[i].file->path));
		fprintf(f, "%10" PRIu64 "  %s%s\n", b.files[i].findings, pii_buf_cstr(&path),
			art(b.files[i].special));
		pii_buf_free(&path);
	}
	if (b.n_files > listed)
		fprintf(f, "       ... and %zu more files (the inventory lists them all)\n",
			b.n_files - listed);
	fprintf(f, "\nData subjects per category are estimates: distinct values for contact\n"
		   "details, ids, names and accounts; for special categories the files that\n"
		   "hold them. Values themselves are not listed here.\n");
	pii_breach_free(&b);
	return ferror(f) ? PII_EFATAL : PII_OK;
}
