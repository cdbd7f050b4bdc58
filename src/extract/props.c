/*
 * props.c - document properties as short texts (pii_props.h).
 */
#include "pii_props.h"

#include <string.h>

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

void pii_props_begin(struct pii_props *p, const struct pii_prop_key *keys, size_t n_keys,
		     struct pii_sink *out, const char *file)
{
	p->keys = keys;
	p->n_keys = n_keys;
	p->cell.out = out;
	p->cell.loc = (struct pii_loc){.file = file, .part = "properties"};
	p->in_prop = false;
	p->st = PII_OK;
}

void pii_props_start(struct pii_props *p, const char *element)
{
	if (p->in_prop) {
		p->depth++; /* keywords may hold one element per language */
		return;
	}
	for (size_t i = 0; i < p->n_keys && p->st == PII_OK; i++)
		if (!strcmp(element, p->keys[i].element)) {
			p->in_prop = true;
			p->depth = 0;
			p->cell.loc.key = p->keys[i].key;
			pii_cell_start(&p->cell, 0, 0);
			return;
		}
}

/* Hands the property on, without the spaces around it. */
static void end_property(struct pii_props *p)
{
	struct pii_buf *t = &p->cell.text;
	while (t->len && is_blank(t->data[t->len - 1]))
		t->len--;
	p->in_prop = false;
	enum pii_status st = pii_cell_end(&p->cell);
	if (p->st == PII_OK)
		p->st = st;
}

void pii_props_end(struct pii_props *p)
{
	if (p->in_prop && p->depth)
		p->depth--;
	else if (p->in_prop)
		end_property(p);
}

void pii_props_text(struct pii_props *p, const char *text, size_t len)
{
	if (!p->in_prop)
		return;
	if (!p->cell.text.len && !p->cell.paging)
		while (len && is_blank(*text)) {
			text++;
			len--;
		}
	if (len)
		pii_cell_put(&p->cell, text, len);
}

enum pii_status pii_props_finish(struct pii_props *p)
{
	if (p->in_prop)
		end_property(p);
	return p->st;
}

void pii_props_free(struct pii_props *p)
{
	pii_cell_free(&p->cell);
}
