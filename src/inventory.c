/*
 * inventory.c - ordering and freeing of the scan results.
 */
#include "pii_inventory.h"

#include <stdlib.h>
#include <string.h>

#include "pii_rowstore.h"

static int cmp_u64(uint64_t a, uint64_t b)
{
	return a < b ? -1 : a > b;
}

/* qsort has no context argument in C11: the rule set is passed here. */
static const struct pii_ruleset *sort_rules;

static int cmp_finding(const void *pa, const void *pb)
{
	const struct pii_inv_finding *a = pa, *b = pb;
	int c;
	if ((c = pii_strcmp_null(a->path, b->path)) || (c = pii_strcmp_null(a->table, b->table)) ||
	    (c = pii_strcmp_null(a->column, b->column)) || (c = pii_strcmp_null(a->key, b->key)) ||
	    (c = pii_strcmp_null(a->part, b->part)) || (c = cmp_u64(a->page, b->page)) ||
	    (c = cmp_u64(a->offset, b->offset)))
		return c;
	return strcmp(sort_rules->rules[a->rule].id, sort_rules->rules[b->rule].id);
}

static int cmp_problem(const void *pa, const void *pb)
{
	const struct pii_inv_problem *a = pa, *b = pb;
	int c = pii_strcmp_null(a->path, b->path);
	return c ? c : pii_strcmp_null(a->reason, b->reason);
}

void pii_inventory_sort(struct pii_inventory *inv)
{
	/* Only the collector's thread sorts, once, at the end. */
	pii_rowstore_seal(inv->store);
	pii_inv_rows_sort(inv->rules, inv->reviewed, inv->n_reviewed);
	sort_rules = inv->rules;
	if (inv->n_findings)
		qsort(inv->findings, inv->n_findings, sizeof(*inv->findings), cmp_finding);
	if (inv->n_problems)
		qsort(inv->problems, inv->n_problems, sizeof(*inv->problems), cmp_problem);
	sort_rules = NULL;
}

void pii_inventory_file_figures(const struct pii_inventory *inv, struct pii_file_figures *f)
{
	f->whole = inv->files_scanned;
	f->in_part = inv->files_partial;
	f->not_read = inv->files_failed + inv->files_skipped;
	f->seen = f->whole + f->in_part + f->not_read;
	f->carried = inv->files_carried;
	f->with_data = inv->files_with_findings;
}

const struct pii_inv_root *pii_inventory_unread_root(const struct pii_inventory *inv,
						     size_t *from)
{
	for (; *from < inv->n_roots; (*from)++) {
		const struct pii_inv_root *r = &inv->roots[*from];
		if (!r->read && r->failed) {
			(*from)++;
			return r;
		}
	}
	return NULL;
}

void pii_inventory_free(struct pii_inventory *inv)
{
	if (!inv)
		return;
	free(inv->findings_per_rule);
	free(inv->counted_per_rule);
	free(inv->allowed_per_entry);
	free(inv->roots);
	pii_rowstore_free(inv->store);
	free(inv->reviewed);
	free(inv->findings);
	free(inv->problems);
	free(inv->changes);
	for (size_t i = 0; i < inv->n_systems; i++) {
		for (int k = 0; k < PII_SUBJECT_KINDS_MAX; k++)
			pii_distinct_free(&inv->systems[i].subjects[k]);
		free(inv->systems[i].categories);
	}
	free(inv->systems);
	pii_dict_free(&inv->system_index);
	for (int k = 0; k < PII_SUBJECT_KINDS_MAX; k++)
		pii_distinct_free(&inv->subjects[k]);
	for (size_t i = 0; i < inv->n_categories; i++)
		pii_distinct_free(&inv->categories[i].distinct);
	free(inv->categories);
	pii_arena_free(&inv->arena);
	memset(inv, 0, sizeof(*inv));
}
