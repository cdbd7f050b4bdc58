/*
 * breach.c - the scope of a data breach (see pii_breach.h); the text and
 * the sheet lay it out (report/txt.c, report/xlsx.c).
 */
#include "pii_breach.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii_register.h"

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

/* People in a category: where its values count people (e-mail addresses,
 * phone numbers), the most distinct values of any one kind, as for the
 * whole scan: one person's address and number are one person, not two.
 * Else its distinct values. */
static uint64_t category_subjects(const struct pii_inventory *inv,
				  const struct pii_inv_category *c)
{
	const struct pii_ruleset *rs = inv->rules;
	uint64_t most = 0;
	bool counts_people = false;
	for (size_t i = 0; i < rs->n_reports; i++) {
		const struct pii_report_id *rep = &rs->reports[i];
		if (rep->subject_kind < 0 || strcmp(rep->category, c->name))
			continue;
		counts_people = true;
		uint64_t n = pii_distinct_count_of(&inv->subjects[rep->subject_kind], c->findings);
		if (n > most)
			most = n;
	}
	return counts_people ? most : pii_distinct_count_of(&c->distinct, c->findings);
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
		bc->subjects = bc->special ? c->files : category_subjects(inv, c);
		if (bc->subjects > b->subjects)
			b->subjects = bc->subjects;
	}
	qsort(b->categories, b->n_categories, sizeof(*b->categories), cmp_category);
	/* rows are sorted by path: a file's rows are together */
	for (size_t i = 0; i < inv->n_rows; i++) {
		const struct pii_inv_row *r = &inv->rows[i];
		if (!r->counted)
			continue; /* below --min-confidence */
		struct pii_breach_file *f = b->n_files ? &b->files[b->n_files - 1] : NULL;
		if (!f || f->file != r->file) {
			f = &b->files[b->n_files++];
			f->file = r->file;
		}
		f->findings += r->counted;
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
	return true;
}

void pii_breach_free(struct pii_breach *b)
{
	free(b->categories);
	free(b->files);
	memset(b, 0, sizeof(*b));
}

