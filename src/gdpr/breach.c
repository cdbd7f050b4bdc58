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
#include "pii_rowstore.h"

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
	return strcmp(a->path, b->path);
}

/* Offers file f (its findings counted) for the list: kept when it is
 * among the most findings so far. False when out of memory. */
static bool offer_file(struct pii_breach *b, const struct pii_breach_file *f)
{
	b->n_files++;
	size_t n = b->n_listed;
	if (n == PII_BREACH_FILES_LISTED && cmp_file(f, &b->files[n - 1]) >= 0)
		return true;
	char *path = strdup(f->path);
	if (!path)
		return false;
	if (n == PII_BREACH_FILES_LISTED)
		free(b->files[--n].path); /* the least goes */
	size_t at = n;
	while (at > 0 && cmp_file(f, &b->files[at - 1]) < 0) {
		b->files[at] = b->files[at - 1];
		at--;
	}
	b->files[at] = *f;
	b->files[at].path = path;
	b->n_listed = n + 1;
	return true;
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
	if (!b->categories) {
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
	/* a file's rows are together (pii_inv_row_cmp) */
	struct pii_buf path = {0};
	struct pii_breach_file cur = {0};
	bool ok = true;
	struct pii_rowcursor *c = pii_rowcursor_open(inv->store);
	const struct pii_inv_row *r;
	while (ok && c && (r = pii_rowcursor_next(c))) {
		if (!r->counted)
			continue; /* below --min-confidence */
		if (!path.len || strcmp(pii_buf_cstr(&path), r->file->path)) {
			if (path.len)
				ok = offer_file(b, &cur);
			path.len = 0;
			pii_buf_puts(&path, r->file->path);
			cur = (struct pii_breach_file){.path = (char *)pii_buf_cstr(&path)};
		}
		cur.findings += r->counted;
		int special = inv->rules->reports[r->report].special;
		if (special > cur.special)
			cur.special = special;
	}
	if (ok && path.len)
		ok = offer_file(b, &cur);
	ok = pii_rowcursor_close(c) && c && ok && !path.oom;
	pii_buf_free(&path);
	if (!ok) {
		pii_breach_free(b);
		return false;
	}
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
	for (size_t i = 0; i < b->n_listed; i++)
		free(b->files[i].path);
	memset(b, 0, sizeof(*b));
}

