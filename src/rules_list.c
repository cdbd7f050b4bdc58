/*
 * rules_list.c - --list-rules: the loaded rules as aligned columns for a
 * person, or as a JSON array for a program (pii_rules.h).
 */
#include "pii_rules.h"

#include <stdio.h>
#include <string.h>

#include "pii_util.h"

/* ---- columns ---------------------------------------------------------------- */

enum { COL_PACK, COL_COUNTRY, COL_RULE, COL_REPORT, COL_CATEGORY, COL_VALIDATOR, COL_CONFIDENCE, COL_NAME, N_COLS };

static const char *const col_header[N_COLS] = {
	"PACK", "COUNTRY", "RULE", "REPORTED AS", "CATEGORY", "VALIDATOR", "CONFIDENCE", "NAME",
};

static const char *cell(const struct pii_rule *r, int col)
{
	switch (col) {
	case COL_PACK: return r->pack;
	case COL_COUNTRY: return r->country ? r->country : "-";
	case COL_RULE: return r->id;
	case COL_REPORT: return r->report_as;
	case COL_CATEGORY: return r->category;
	case COL_VALIDATOR: return r->validator_name ? r->validator_name : "-";
	case COL_CONFIDENCE:
		return r->require_context ? "context" : pii_confidence_name(r->confidence);
	default: return r->name;
	}
}

/* Characters as a terminal shows them: UTF-8 continuation bytes take no
 * column of their own (a rule name may be "Sécurité sociale"). */
static size_t columns(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void print_row(FILE *out, const char *const v[N_COLS], const size_t width[N_COLS])
{
	for (int c = 0; c < N_COLS; c++) {
		fputs(v[c], out);
		if (c == N_COLS - 1)
			break; /* the last column is not padded */
		for (size_t pad = columns(v[c]); pad <= width[c]; pad++)
			fputc(' ', out);
	}
	fputc('\n', out);
}

static void list_text(const struct pii_ruleset *rs, FILE *out)
{
	size_t width[N_COLS];
	for (int c = 0; c < N_COLS; c++) {
		width[c] = columns(col_header[c]);
		for (size_t i = 0; i < rs->n_rules; i++) {
			size_t w = columns(cell(&rs->rules[i], c));
			if (w > width[c])
				width[c] = w;
		}
	}
	print_row(out, col_header, width);
	for (size_t i = 0; i < rs->n_rules; i++) {
		const char *v[N_COLS];
		for (int c = 0; c < N_COLS; c++)
			v[c] = cell(&rs->rules[i], c);
		print_row(out, v, width);
	}
}

/* ---- JSON --------------------------------------------------------------------- */

/* ,"key":"value", or ,"key":null without a value */
static bool str_or_null(struct pii_buf *b, const char *key, const char *value)
{
	return value ? pii_json_str_field(b, key, value) : pii_buf_printf(b, ",\"%s\":null", key);
}

static bool words(struct pii_buf *b, const char *key, char *const *v, size_t n)
{
	bool ok = pii_buf_printf(b, ",\"%s\":[", key);
	for (size_t i = 0; ok && i < n; i++)
		ok = pii_buf_puts(b, i ? ",\"" : "\"") && pii_escape_json(b, v[i], strlen(v[i])) &&
		     pii_buf_putc(b, '"');
	return ok && pii_buf_putc(b, ']');
}

/* One object per rule, its keys named as in the rule packs. */
static bool rule_json(struct pii_buf *b, const struct pii_rule *r)
{
	return pii_buf_puts(b, "{\"id\":\"") && pii_escape_json(b, r->id, strlen(r->id)) &&
	       pii_buf_putc(b, '"') && pii_json_str_field(b, "name", r->name) &&
	       pii_json_str_field(b, "pack", r->pack) &&
	       str_or_null(b, "country", r->country) &&
	       pii_json_str_field(b, "category", r->category) &&
	       pii_json_str_field(b, "report_as", r->report_as) &&
	       pii_json_str_field(b, "confidence", pii_confidence_name(r->confidence)) &&
	       pii_buf_printf(b, ",\"require_context\":%s", r->require_context ? "true" : "false") &&
	       str_or_null(b, "validate", r->validator_name) &&
	       str_or_null(b, "mask", r->mask_name) &&
	       str_or_null(b, "special", r->special == 9    ? "art9"
					 : r->special == 10 ? "art10"
							    : NULL) &&
	       pii_buf_printf(b, ",\"identifies\":%s,\"prose\":%s,\"id_copy\":%s",
			      r->identifies ? "true" : "false", r->prose ? "true" : "false",
			      r->id_copy ? "true" : "false") &&
	       str_or_null(b, "subject_count", r->subject_count) &&
	       words(b, "context", r->context, r->n_context) &&
	       words(b, "anti_context", r->anti_context, r->n_anti_context) &&
	       words(b, "hold", r->hold, r->n_hold) &&
	       pii_json_str_field(b, "pattern", r->pattern) &&
	       pii_json_str_field(b, "source", pii_rule_source_name(r)) &&
	       pii_buf_putc(b, '}');
}

static bool list_json(const struct pii_ruleset *rs, FILE *out)
{
	struct pii_buf b = {0};
	bool ok = pii_buf_putc(&b, '[');
	for (size_t i = 0; ok && i < rs->n_rules; i++)
		ok = pii_buf_puts(&b, i ? ",\n " : "\n ") && rule_json(&b, &rs->rules[i]);
	ok = ok && pii_buf_puts(&b, "\n]\n") && !b.oom;
	if (ok)
		fwrite(b.data, 1, b.len, out);
	pii_buf_free(&b);
	return ok;
}

bool pii_rules_list(const struct pii_ruleset *rs, FILE *out, bool json)
{
	if (json)
		return list_json(rs, out);
	list_text(rs, out);
	return true;
}
