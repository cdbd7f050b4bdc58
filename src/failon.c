/*
 * failon.c - --fail-on LIST (see pii_failon.h).
 */
#include "pii_failon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind {
	KIND_ANY,
	KIND_CATEGORY,
	KIND_REPORT,
	KIND_RULE,
};

struct item {
	enum kind kind;
	const char *name; /* borrowed from the rule set ("any": a literal) */
	size_t index;     /* the report's or rule's */
};

struct pii_fail_on {
	struct item *items;
	size_t n;
};

static bool is_category(const struct pii_ruleset *rs, const char *name, const char **found)
{
	for (size_t i = 0; i < rs->n_rules; i++)
		if (!strcmp(rs->rules[i].category, name)) {
			*found = rs->rules[i].category;
			return true;
		}
	return false;
}

/* The categories of rs, each once, in rule order: for the message. */
static void list_categories(const struct pii_ruleset *rs, struct pii_buf *b)
{
	for (size_t i = 0; i < rs->n_rules; i++) {
		const char *c = rs->rules[i].category;
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = !strcmp(rs->rules[j].category, c);
		if (!seen)
			pii_buf_printf(b, "%s%s", b->len ? ", " : "", c);
	}
}

static bool resolve(const struct pii_ruleset *rs, const char *name, struct item *it)
{
	if (!strcmp(name, "any")) {
		*it = (struct item){KIND_ANY, "any", 0};
		return true;
	}
	if (is_category(rs, name, &it->name)) {
		it->kind = KIND_CATEGORY;
		return true;
	}
	for (size_t i = 0; i < rs->n_reports; i++)
		if (!strcmp(rs->reports[i].name, name)) {
			*it = (struct item){KIND_REPORT, rs->reports[i].name, i};
			return true;
		}
	for (size_t i = 0; i < rs->n_rules; i++)
		if (!strcmp(rs->rules[i].id, name)) {
			*it = (struct item){KIND_RULE, rs->rules[i].id, i};
			return true;
		}
	return false;
}

bool pii_fail_on_parse(const char *list, const struct pii_ruleset *rs,
		       struct pii_fail_on **out, char *err, size_t errlen)
{
	*out = NULL;
	if (!list || !*list)
		return true;
	struct pii_fail_on *f = calloc(1, sizeof(*f));
	char *copy = strdup(list);
	size_t cap = 1;
	for (const char *p = list; *p; p++)
		cap += *p == ',';
	if (f)
		f->items = calloc(cap, sizeof(*f->items));
	if (!f || !copy || !f->items) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	char *save = NULL;
	for (char *name = strtok_r(copy, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
		name += strspn(name, " ");
		name[strcspn(name, " ")] = '\0';
		if (!*name)
			continue;
		if (resolve(rs, name, &f->items[f->n])) {
			f->n++;
			continue;
		}
		struct pii_buf cats = {0};
		list_categories(rs, &cats);
		snprintf(err, errlen,
			 "--fail-on: '%s' is no category, rule or 'any'; categories: %s; "
			 "rules: see piiscan --list-rules",
			 name, pii_buf_cstr(&cats));
		pii_buf_free(&cats);
		goto fail;
	}
	free(copy);
	if (!f->n) { /* only commas: nothing to alert on */
		pii_fail_on_free(f);
		f = NULL;
	}
	*out = f;
	return true;
fail:
	free(copy);
	pii_fail_on_free(f);
	return false;
}

/* The findings counted of item it in inv. */
static uint64_t counted(const struct item *it, const struct pii_inventory *inv)
{
	const struct pii_ruleset *rs = inv->rules;
	uint64_t n = 0;
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct pii_rule *r = &rs->rules[i];
		bool mine = it->kind == KIND_RULE ? i == it->index
			    : it->kind == KIND_REPORT ? r->report_index == it->index
						      : !strcmp(r->category, it->name);
		if (mine)
			n += inv->counted_per_rule[i];
	}
	return n;
}

bool pii_fail_on_check(const struct pii_fail_on *f, const struct pii_inventory *inv,
		       struct pii_buf *msg)
{
	bool hit = false;
	for (size_t i = 0; f && i < f->n; i++) {
		const struct item *it = &f->items[i];
		if (it->kind != KIND_ANY) {
			uint64_t n = counted(it, inv);
			if (n)
				pii_buf_printf(msg, "%s%s (%llu)", hit ? ", " : "", it->name,
					       (unsigned long long)n);
			hit |= n > 0;
			continue;
		}
		/* any: every category that has a finding counted */
		for (size_t c = 0; c < inv->n_categories; c++) {
			uint64_t n = inv->categories[c].findings;
			if (n)
				pii_buf_printf(msg, "%s%s (%llu)", hit ? ", " : "",
					       inv->categories[c].name, (unsigned long long)n);
			hit |= n > 0;
		}
	}
	return hit;
}

void pii_fail_on_free(struct pii_fail_on *f)
{
	if (!f)
		return;
	free(f->items);
	free(f);
}
