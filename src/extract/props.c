/*
 * props.c - document properties as short texts (pii_props.h).
 */
#include "pii_props.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

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
	p->saved_element = NULL;
	p->in_saved = false;
	p->saved_len = 0;
}

void pii_props_saved_from(struct pii_props *p, const char *element,
			  const struct pii_input *in)
{
	p->saved_element = element;
	p->in = in;
}

int64_t pii_props_iso_time(const char *s)
{
	struct tm tm = {0};
	int n = sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
		       &tm.tm_hour, &tm.tm_min, &tm.tm_sec);
	if (n < 3 || tm.tm_year < 1980 || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return (int64_t)timegm(&tm);
}

void pii_props_start(struct pii_props *p, const char *element)
{
	if (p->saved_element && !p->in_prop && !strcmp(element, p->saved_element)) {
		p->in_saved = true;
		p->saved_len = 0;
		return;
	}
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
	if (p->in_saved) {
		p->in_saved = false;
		p->saved[p->saved_len] = '\0';
		int64_t t = pii_props_iso_time(p->saved);
		if (t > 0 && p->in)
			pii_sink_saved(p->cell.out, p->in, t);
		return;
	}
	if (p->in_prop && p->depth)
		p->depth--;
	else if (p->in_prop)
		end_property(p);
}

void pii_props_text(struct pii_props *p, const char *text, size_t len)
{
	if (p->in_saved) {
		size_t room = sizeof(p->saved) - 1 - p->saved_len;
		size_t n = len < room ? len : room;
		memcpy(p->saved + p->saved_len, text, n);
		p->saved_len += n;
		return;
	}
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
