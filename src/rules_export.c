/*
 * rules_export.c - the rules' patterns for other engines (the
 * benchmark's ripgrep, --export-patterns).
 */
#include "pii_rules.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- patterns for other engines -------------------------------------------- */

/* Index just past the group that starts at p[i] == '(' (escapes and
 * character classes skipped). */
static size_t group_end(const char *p, size_t i)
{
	int depth = 0;
	bool in_class = false;
	for (; p[i]; i++) {
		if (p[i] == '\\' && p[i + 1]) {
			i++;
		} else if (in_class) {
			if (p[i] == ']')
				in_class = false;
		} else if (p[i] == '[') {
			in_class = true;
			if (p[i + 1] == '^')
				i++;
			if (p[i + 1] == ']')
				i++;
		} else if (p[i] == '(') {
			depth++;
		} else if (p[i] == ')' && --depth == 0) {
			return i + 1;
		}
	}
	return i;
}

char *pii_rule_pattern_simplified(const char *p)
{
	struct pii_buf out = {0};
	bool in_class = false;
	for (size_t i = 0; p[i];) {
		if (!in_class && p[i] == '(' && p[i + 1] == '?' &&
		    (p[i + 2] == '=' || p[i + 2] == '!' ||
		     (p[i + 2] == '<' && (p[i + 3] == '=' || p[i + 3] == '!')))) {
			i = group_end(p, i);
			continue;
		}
		if (p[i] == '\\' && p[i + 1]) {
			unsigned char c = (unsigned char)p[i + 1];
			if (!isalnum(c) && !strchr("\\.+*?()|[]{}^$#&-~ ", c))
				pii_buf_printf(&out, "\\x{%02x}", c);
			else
				pii_buf_append(&out, p + i, 2);
			i += 2;
			continue;
		}
		if (in_class && p[i] == ']')
			in_class = false;
		else if (!in_class && p[i] == '[') {
			in_class = true;
			pii_buf_putc(&out, p[i++]);
			if (p[i] == '^')
				pii_buf_putc(&out, p[i++]);
			if (p[i] == ']')
				pii_buf_putc(&out, p[i++]);
			continue;
		}
		pii_buf_putc(&out, p[i++]);
	}
	if (out.oom) {
		pii_buf_free(&out);
		return NULL;
	}
	return out.data ? out.data : strdup("");
}

