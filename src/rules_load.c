/*
 * rules_load.c - reads rule packs: YAML files with libyaml's document
 * API, every key checked, errors as "file:line: what is wrong".
 */
#include "pii_rules.h"

#include "pii_allow.h"
#include "pii_limits.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

/* ---- YAML reading ------------------------------------------------------------ */

/* State of one file being read: where errors point to. */
struct loader {
	const char *path;
	yaml_document_t *doc;
	char *err;
	size_t errlen;
};

static int node_line(const yaml_node_t *n)
{
	return (int)n->start_mark.line + 1;
}

static bool fail(struct loader *ld, const yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool fail(struct loader *ld, const yaml_node_t *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pii_set_error(ld->err, ld->errlen, "%s:%d: %s", ld->path, n ? node_line(n) : 0, msg);
	return false;
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* Reads a scalar into *out (malloc'd). */
static bool get_string(struct loader *ld, yaml_node_t *n, const char *key,
		       char **out)
{
	const char *s = scalar(n);
	if (!s)
		return fail(ld, n, "'%s' must be a text value", key);
	free(*out);
	*out = strdup(s);
	return *out != NULL || fail(ld, n, "out of memory");
}

static bool get_bool(struct loader *ld, yaml_node_t *n, const char *key, bool *out)
{
	const char *s = scalar(n);
	if (s && (!strcmp(s, "true") || !strcmp(s, "yes"))) {
		*out = true;
		return true;
	}
	if (s && (!strcmp(s, "false") || !strcmp(s, "no"))) {
		*out = false;
		return true;
	}
	return fail(ld, n, "'%s' must be true or false", key);
}

/* Reads a sequence of scalars (or one scalar) into a string vector;
 * lower_case folds ASCII letters, for context words. */
static bool get_strv(struct loader *ld, yaml_node_t *n, const char *key,
		     char ***out, size_t *count, bool lower_case)
{
	yaml_node_item_t *items = NULL;
	size_t n_items = 1;
	if (n->type == YAML_SEQUENCE_NODE) {
		items = n->data.sequence.items.start;
		n_items = (size_t)(n->data.sequence.items.top - items);
	} else if (n->type != YAML_SCALAR_NODE) {
		return fail(ld, n, "'%s' must be a list of words", key);
	}
	char **v = calloc(n_items ? n_items : 1, sizeof(char *));
	if (!v)
		return fail(ld, n, "out of memory");
	for (size_t i = 0; i < n_items; i++) {
		yaml_node_t *item = items ? yaml_document_get_node(ld->doc, items[i]) : n;
		const char *s = scalar(item);
		if (!s || !*s) {
			pii_strv_free(v, i);
			return fail(ld, item, "'%s' entries must be non-empty words", key);
		}
		v[i] = strdup(s);
		if (!v[i]) {
			pii_strv_free(v, i);
			return fail(ld, item, "out of memory");
		}
		if (lower_case)
			for (char *p = v[i]; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p = (char)(*p - 'A' + 'a');
	}
	pii_strv_free(*out, *count);
	*out = v;
	*count = n_items;
	return true;
}

static bool add_example(struct loader *ld, struct pii_rule *r, yaml_node_t *n,
			bool match)
{
	struct pii_rule_example ex = {.match = match, .line = node_line(n)};
	bool oom = false; /* a copy failed: not the file's fault */
	if (n->type == YAML_SCALAR_NODE) {
		ex.text = strdup(scalar(n));
		oom |= !ex.text;
	} else if (n->type == YAML_MAPPING_NODE) {
		for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
		     p < n->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
			yaml_node_t *v = yaml_document_get_node(ld->doc, p->value);
			const char *key = scalar(k);
			const char *val = scalar(v);
			if (!key || !val) {
				free(ex.text);
				free(ex.value);
				free(ex.label);
				return fail(ld, k, "example keys are text, value, label and confidence");
			}
			if (!strcmp(key, "text")) {
				free(ex.text);
				ex.text = strdup(val);
				oom |= !ex.text;
			} else if (!strcmp(key, "value")) {
				free(ex.value);
				ex.value = strdup(val);
				oom |= !ex.value;
			} else if (!strcmp(key, "label")) {
				free(ex.label);
				ex.label = strdup(val);
				oom |= !ex.label;
			} else if (!strcmp(key, "confidence")) {
				ex.confidence = pii_confidence_parse(val);
				if (!ex.confidence) {
					free(ex.text);
					free(ex.value);
					free(ex.label);
					return fail(ld, v, "confidence must be low, medium or high");
				}
			} else {
				free(ex.text);
				free(ex.value);
				free(ex.label);
				return fail(ld, k,
					    "unknown example key '%s' (text, value, label, confidence)", key);
			}
		}
	} else {
		return fail(ld, n, "an example is a text or a mapping with text:");
	}
	if (oom || !ex.text) {
		free(ex.text);
		free(ex.value);
		free(ex.label);
		return fail(ld, n, oom ? "out of memory" : "example without text");
	}
	struct pii_rule_example *grown =
		realloc(r->examples, (r->n_examples + 1) * sizeof(*grown));
	if (!grown) {
		free(ex.text);
		free(ex.value);
		free(ex.label);
		return fail(ld, n, "out of memory");
	}
	r->examples = grown;
	r->examples[r->n_examples++] = ex;
	return true;
}

static bool read_examples(struct loader *ld, struct pii_rule *r, yaml_node_t *n)
{
	if (n->type != YAML_MAPPING_NODE)
		return fail(ld, n, "examples must have match: and/or nomatch: lists");
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(ld->doc, p->value);
		const char *key = scalar(k);
		bool match;
		if (key && !strcmp(key, "match"))
			match = true;
		else if (key && !strcmp(key, "nomatch"))
			match = false;
		else
			return fail(ld, k, "examples take match: and nomatch:");
		if (v->type != YAML_SEQUENCE_NODE)
			return fail(ld, v, "'%s' must be a list", key);
		for (yaml_node_item_t *it = v->data.sequence.items.start;
		     it < v->data.sequence.items.top; it++)
			if (!add_example(ld, r, yaml_document_get_node(ld->doc, *it), match))
				return false;
	}
	return true;
}

static bool read_prefilter(struct loader *ld, struct pii_rule *r, yaml_node_t *n)
{
	if (n->type != YAML_MAPPING_NODE)
		return fail(ld, n, "prefilter must have trigger: and span:");
	r->min_triggers = 1;
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(ld->doc, p->value);
		const char *key = scalar(k);
		if (key && !strcmp(key, "trigger")) {
			if (!get_string(ld, v, key, &r->trigger))
				return false;
		} else if (key && !strcmp(key, "span")) {
			if (!get_string(ld, v, key, &r->span))
				return false;
		} else if (key && !strcmp(key, "seed")) {
			if (!get_string(ld, v, key, &r->seed))
				return false;
		} else if (key && !strcmp(key, "min_triggers")) {
			const char *val = scalar(v);
			char *end = NULL;
			unsigned long count = val ? strtoul(val, &end, 10) : 0;
			if (!val || *end || count < 1 || count > 1000)
				return fail(ld, v, "min_triggers must be a number from 1 to 1000");
			r->min_triggers = (uint32_t)count;
		} else if (key && !strcmp(key, "check")) {
			if (!get_string(ld, v, key, &r->check_name))
				return false;
			r->check = pii_precheck_find(r->check_name);
			if (!r->check)
				return fail(ld, v, "unknown prefilter check '%s'", r->check_name);
		} else {
			return fail(ld, k,
				    "prefilter takes trigger:, span:, seed:, min_triggers: and check:");
		}
	}
	if (!r->trigger || !r->span)
		return fail(ld, n, "prefilter needs both trigger: and span:");
	return true;
}

/* context_window: bytes, from 1 to the default window. */
static bool get_window(struct loader *ld, yaml_node_t *v, uint32_t *out)
{
	const char *s = scalar(v);
	char *end;
	unsigned long n = s ? strtoul(s, &end, 10) : 0;
	if (!s || *end || n < 1 || n > PII_CONTEXT_WINDOW)
		return fail(ld, v, "context_window must be a number of bytes from 1 to %d",
			    PII_CONTEXT_WINDOW);
	*out = (uint32_t)n;
	return true;
}

static bool read_rule(struct loader *ld, yaml_node_t *n, const char *pack,
		      const char *country, struct pii_rule *r)
{
	if (n->type != YAML_MAPPING_NODE)
		return fail(ld, n, "a rule is a mapping with id:, pattern:, ...");
	char src[PATH_MAX + 32];
	snprintf(src, sizeof(src), "%s:%d", ld->path, node_line(n));
	r->source = strdup(src);
	r->pack = strdup(pack);
	r->country = country ? strdup(country) : NULL;
	if (!r->source || !r->pack || (country && !r->country))
		return fail(ld, n, "out of memory");
	r->confidence = PII_CONF_MEDIUM;
	r->context_window = PII_CONTEXT_WINDOW;
	bool caseless = false;
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(ld->doc, p->value);
		const char *key = scalar(k);
		bool ok;
		if (!key)
			return fail(ld, k, "rule keys must be text");
		if (!strcmp(key, "id"))
			ok = get_string(ld, v, key, &r->id);
		else if (!strcmp(key, "name"))
			ok = get_string(ld, v, key, &r->name);
		else if (!strcmp(key, "category"))
			ok = get_string(ld, v, key, &r->category);
		else if (!strcmp(key, "pattern"))
			ok = get_string(ld, v, key, &r->pattern);
		else if (!strcmp(key, "report_as"))
			ok = get_string(ld, v, key, &r->report_as);
		else if (!strcmp(key, "validate"))
			ok = get_string(ld, v, key, &r->validator_name);
		else if (!strcmp(key, "mask"))
			ok = get_string(ld, v, key, &r->mask_name);
		else if (!strcmp(key, "confidence")) {
			r->confidence = pii_confidence_parse(scalar(v));
			ok = r->confidence != PII_CONF_NONE ||
			     fail(ld, v, "confidence must be low, medium or high");
		} else if (!strcmp(key, "context"))
			ok = get_strv(ld, v, key, &r->context, &r->n_context, true);
		else if (!strcmp(key, "anti_context"))
			ok = get_strv(ld, v, key, &r->anti_context, &r->n_anti_context, true);
		else if (!strcmp(key, "require_context"))
			ok = get_bool(ld, v, key, &r->require_context);
		else if (!strcmp(key, "context_window"))
			ok = get_window(ld, v, &r->context_window);
		else if (!strcmp(key, "context_position")) {
			const char *pos = scalar(v);
			if (pos && !strcmp(pos, "around"))
				r->context_position = PII_CONTEXT_AROUND;
			else if (pos && !strcmp(pos, "before"))
				r->context_position = PII_CONTEXT_BEFORE;
			else if (pos && !strcmp(pos, "adjacent"))
				r->context_position = PII_CONTEXT_ADJACENT;
			else if (pos && !strcmp(pos, "inside"))
				r->context_position = PII_CONTEXT_INSIDE;
			else
				return fail(ld, v,
					    "context_position is around, before, adjacent or inside");
			ok = true;
		}
		else if (!strcmp(key, "special")) {
			const char *sv = scalar(v);
			r->special = sv && !strcmp(sv, "art9") ? 9 : sv && !strcmp(sv, "art10") ? 10 : 0;
			ok = r->special || fail(ld, v, "special is art9 or art10");
		} else if (!strcmp(key, "density")) {
			const char *sv = scalar(v);
			char *end;
			unsigned long d = sv ? strtoul(sv, &end, 10) : 0;
			ok = (sv && *sv && !*end && d >= 1 && d <= 1000) ||
			     fail(ld, v, "density is a number from 1 to 1000");
			r->density = (unsigned)d;
		}
		else if (!strcmp(key, "prose"))
			ok = get_bool(ld, v, key, &r->prose);
		else if (!strcmp(key, "id_copy"))
			ok = get_bool(ld, v, key, &r->id_copy);
		else if (!strcmp(key, "row_evidence"))
			ok = get_bool(ld, v, key, &r->row_evidence);
		else if (!strcmp(key, "subject_count"))
			ok = get_string(ld, v, key, &r->subject_count);
		else if (!strcmp(key, "identifies")) {
			const char *sv = scalar(v);
			r->identifies = sv && !strcmp(sv, "person");
			ok = r->identifies || fail(ld, v, "identifies is person");
		} else if (!strcmp(key, "caseless"))
			ok = get_bool(ld, v, key, &caseless);
		else if (!strcmp(key, "override"))
			ok = get_bool(ld, v, key, &r->override);
		else if (!strcmp(key, "hold"))
			ok = get_strv(ld, v, key, &r->hold, &r->n_hold, false);
		else if (!strcmp(key, "prefilter"))
			ok = read_prefilter(ld, r, v);
		else if (!strcmp(key, "examples"))
			ok = read_examples(ld, r, v);
		else
			ok = fail(ld, k, "unknown rule key '%s'", key);
		if (!ok)
			return false;
	}
	if (!r->id)
		return fail(ld, n, "rule without id:");
	for (const char *c = r->id; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
			return fail(ld, n, "rule id '%s': use lower-case letters, digits and _", r->id);
	if (!r->pattern)
		return fail(ld, n, "rule '%s' has no pattern:", r->id);
	if (!r->category)
		return fail(ld, n, "rule '%s' has no category:", r->id);
	if (!r->name)
		r->name = strdup(r->id);
	if (!r->report_as)
		r->report_as = strdup(r->id);
	if (!r->name || !r->report_as)
		return fail(ld, n, "out of memory");
	if (r->density && !r->special)
		return fail(ld, n, "rule '%s': density goes with special:", r->id);
	/* it runs where the others found something, not near words */
	if (r->n_hold && r->require_context)
		return fail(ld, n, "rule '%s': a hold rule has no require_context", r->id);
	if (r->validator_name) {
		r->validate = pii_validator_find(r->validator_name);
		if (!r->validate)
			return fail(ld, n, "rule '%s': unknown validator '%s'", r->id,
				    r->validator_name);
	}
	if (!r->mask_name)
		r->mask_name = strdup("whole");
	r->mask = pii_mask_find(r->mask_name);
	if (!r->mask)
		return fail(ld, n, "rule '%s': unknown mask '%s'", r->id, r->mask_name);
	if (caseless) {
		/* Kept as an inline option so the pattern text says it all. */
		size_t len = strlen(r->pattern);
		char *p = malloc(len + 5);
		if (!p)
			return fail(ld, n, "out of memory");
		memcpy(p, "(?i)", 4);
		memcpy(p + 4, r->pattern, len + 1);
		free(r->pattern);
		r->pattern = p;
	}
	if (!r->name || !r->report_as || !r->source || !r->pack)
		return fail(ld, n, "out of memory");
	return true;
}

/* ---- allow: entries ------------------------------------------------------------ */

static bool read_allow_entry(struct loader *ld, yaml_node_t *n, struct pii_allow *a)
{
	if (n->type != YAML_MAPPING_NODE)
		return fail(ld, n, "an allow: entry is a mapping with value:, fingerprint: or path:");
	char src[PATH_MAX + 32];
	snprintf(src, sizeof(src), "%s:%d", ld->path, node_line(n));
	if (!(a->source = strdup(src)))
		return fail(ld, n, "out of memory");
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(ld->doc, p->value);
		const char *key = scalar(k), *val = scalar(v);
		bool ok;
		char why[300];
		if (!key)
			return fail(ld, k, "allow: keys must be text");
		if (!strcmp(key, "value")) {
			ok = (val && *val) || fail(ld, v, "allow: value: must be a pattern");
			ok = ok && (pii_allow_set_value(a, val, why, sizeof(why)) ||
				    fail(ld, v, "allow: value: %s", why));
		} else if (!strcmp(key, "fingerprint")) {
			ok = (val && pii_allow_set_fingerprint(a, val)) ||
			     fail(ld, v, "allow: fingerprint: must be 16 hex digits, as the "
					 "reports' fingerprint or example_fingerprint");
		} else if (!strcmp(key, "path")) {
			ok = get_strv(ld, v, key, &a->paths, &a->n_paths, false);
			for (size_t i = 0; ok && i < a->n_paths; i++) {
				const char *pat = a->paths[i] + (a->paths[i][0] == '!');
				/* what an ignore file would skip as a comment or blank
				 * would make the entry match nothing */
				if (a->paths[i][0] == '#' || !pat[strspn(pat, "/")])
					ok = fail(ld, v, "allow: path: '%s' is no pattern", a->paths[i]);
			}
		} else if (!strcmp(key, "rules")) {
			snprintf(src, sizeof(src), "%s:%d", ld->path, node_line(v));
			free(a->rules_source);
			ok = get_strv(ld, v, key, &a->rules, &a->n_rules, false) &&
			     ((a->rules_source = strdup(src)) || fail(ld, v, "out of memory"));
		} else if (!strcmp(key, "reason")) {
			ok = get_string(ld, v, key, &a->reason);
		} else {
			ok = fail(ld, k, "unknown allow: key '%s' (value, fingerprint, path, rules, "
					 "reason)", key);
		}
		if (!ok)
			return false;
	}
	if (!a->value && !a->has_fingerprint && !a->n_paths)
		return fail(ld, n, "an allow: entry needs value:, fingerprint: or path:");
	return true;
}

/* Appends the entries of an allow: list to rs. */
static bool read_allow(struct loader *ld, struct pii_ruleset *rs, yaml_node_t *n)
{
	if (n->type != YAML_SEQUENCE_NODE)
		return fail(ld, n, "allow: must be a list of entries (value:, fingerprint:, path:)");
	for (yaml_node_item_t *it = n->data.sequence.items.start;
	     it < n->data.sequence.items.top; it++) {
		struct pii_allow *grown = realloc(rs->allow, (rs->n_allow + 1) * sizeof(*grown));
		if (!grown)
			return fail(ld, n, "out of memory");
		rs->allow = grown;
		struct pii_allow *a = &rs->allow[rs->n_allow];
		memset(a, 0, sizeof(*a));
		if (!read_allow_entry(ld, yaml_document_get_node(ld->doc, *it), a)) {
			pii_allow_free(a);
			return false;
		}
		rs->n_allow++;
	}
	return true;
}

static bool add_pack_name(struct pii_ruleset *rs, const char *pack)
{
	for (size_t i = 0; i < rs->n_packs; i++)
		if (!strcmp(rs->packs[i], pack))
			return true;
	char **grown = realloc(rs->packs, (rs->n_packs + 1) * sizeof(char *));
	if (!grown)
		return false;
	rs->packs = grown;
	rs->packs[rs->n_packs] = strdup(pack);
	return rs->packs[rs->n_packs++] != NULL;
}

static bool read_document(struct loader *ld, struct pii_ruleset *rs)
{
	yaml_node_t *root = yaml_document_get_root_node(ld->doc);
	if (!root || root->type != YAML_MAPPING_NODE)
		return fail(ld, root, "a rule file is a mapping with pack: and rules:");
	const char *pack = NULL, *country = NULL;
	yaml_node_t *rules = NULL, *allow = NULL;
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
	     p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(ld->doc, p->value);
		const char *key = scalar(k);
		if (key && !strcmp(key, "pack")) {
			pack = scalar(v);
			if (!pack || !*pack)
				return fail(ld, v, "pack: must be a name");
		} else if (key && !strcmp(key, "country")) {
			/* ISO 3166-1 alpha-2, as the IBAN and the passport use */
			country = scalar(v);
			if (!country || strlen(country) != 2 || !isupper((unsigned char)country[0]) ||
			    !isupper((unsigned char)country[1]))
				return fail(ld, v, "country: must be a country code of two capitals (BE)");
		} else if (key && !strcmp(key, "rules")) {
			rules = v;
		} else if (key && !strcmp(key, "allow")) {
			allow = v;
		} else if (key && !strcmp(key, "description")) {
			/* for people reading the file */
		} else {
			return fail(ld, k, "unknown key '%s' (pack, country, description, rules, allow)",
				    key ? key : "?");
		}
	}
	if (!pack)
		return fail(ld, root, "missing pack:");
	/* a pack of allow: entries alone needs no rules */
	if ((rules || !allow) && (!rules || rules->type != YAML_SEQUENCE_NODE))
		return fail(ld, rules ? rules : root, "rules: must be a list of rules");
	for (yaml_node_item_t *it = rules ? rules->data.sequence.items.start : NULL;
	     rules && it < rules->data.sequence.items.top; it++) {
		struct pii_rule *grown =
			realloc(rs->rules, (rs->n_rules + 1) * sizeof(*grown));
		if (!grown)
			return fail(ld, rules, "out of memory");
		rs->rules = grown;
		struct pii_rule *r = &rs->rules[rs->n_rules];
		memset(r, 0, sizeof(*r));
		yaml_node_t *rn = yaml_document_get_node(ld->doc, *it);
		if (!read_rule(ld, rn, pack, country, r)) {
			pii_rule_free(r);
			return false;
		}
		size_t same;
		for (same = 0; same < rs->n_rules; same++)
			if (!strcmp(rs->rules[same].id, r->id))
				break;
		if (same < rs->n_rules && !r->override) {
			fail(ld, rn, "rule id '%s' is already defined at %s (override: true replaces it)",
			     r->id, rs->rules[same].source);
			pii_rule_free(r);
			return false;
		}
		/* a misspelt id would otherwise add a rule beside the one meant */
		if (same == rs->n_rules && r->override) {
			fail(ld, rn, "rule '%s' has override: true, but no rule of that id is loaded "
				     "before it: nothing to override", r->id);
			pii_rule_free(r);
			return false;
		}
		if (same < rs->n_rules) {
			/* in its place: the order of the packs still decides */
			pii_rule_free(&rs->rules[same]);
			rs->rules[same] = *r;
		} else {
			rs->n_rules++;
		}
	}
	if (allow && !read_allow(ld, rs, allow))
		return false;
	if (!add_pack_name(rs, pack))
		return fail(ld, root, "out of memory");
	return true;
}

/* Loads rules from a parser whose input is set; name is for messages. */
static enum pii_status load_parser(struct pii_ruleset *rs, yaml_parser_t *parser,
				   const char *name, char *err, size_t errlen)
{
	yaml_document_t doc;
	if (!yaml_parser_load(parser, &doc)) {
		pii_set_error(err, errlen, "%s:%zu: %s", name, (size_t)parser->problem_mark.line + 1,
			parser->problem ? parser->problem : "YAML syntax error");
		return PII_EFATAL;
	}
	enum pii_status st = PII_EFATAL;
	struct loader ld = {.path = name, .doc = &doc, .err = err, .errlen = errlen};
	if (!yaml_document_get_root_node(&doc))
		pii_set_error(err, errlen, "%s:1: empty rule file", name);
	else if (read_document(&ld, rs))
		st = PII_OK;
	yaml_document_delete(&doc);
	return st;
}

enum pii_status pii_rules_load_file(struct pii_ruleset *rs, const char *path,
				    char *err, size_t errlen)
{
	if (rs->compiled) {
		pii_set_error(err, errlen, "%s: rules are already compiled", path);
		return PII_EFATAL;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		pii_set_error(err, errlen, "%s: %s", path, strerror(errno));
		return PII_EFATAL;
	}
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		pii_set_error(err, errlen, "%s: out of memory", path);
		fclose(f);
		return PII_EFATAL;
	}
	yaml_parser_set_input_file(&parser, f);
	enum pii_status st = load_parser(rs, &parser, path, err, errlen);
	yaml_parser_delete(&parser);
	fclose(f);
	return st;
}

/* The configuration's allow: list, its other keys passed over. */
static bool read_config_allow(struct loader *ld, struct pii_ruleset *rs)
{
	yaml_node_t *root = yaml_document_get_root_node(ld->doc);
	if (!root || root->type != YAML_MAPPING_NODE)
		return true; /* pii_config_load says what is wrong with it */
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
	     p < root->data.mapping.pairs.top; p++) {
		const char *key = scalar(yaml_document_get_node(ld->doc, p->key));
		if (key && !strcmp(key, "allow") &&
		    !read_allow(ld, rs, yaml_document_get_node(ld->doc, p->value)))
			return false;
	}
	return true;
}

enum pii_status pii_rules_load_allow(struct pii_ruleset *rs, const char *path, char *err,
				     size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		pii_set_error(err, errlen, "%s: %s", path, strerror(errno));
		return PII_EFATAL;
	}
	yaml_parser_t parser;
	yaml_document_t doc;
	enum pii_status st = PII_EFATAL;
	if (!yaml_parser_initialize(&parser)) {
		pii_set_error(err, errlen, "%s: out of memory", path);
		fclose(f);
		return PII_EFATAL;
	}
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &doc)) {
		pii_set_error(err, errlen, "%s:%zu: %s", path, (size_t)parser.problem_mark.line + 1,
			      parser.problem ? parser.problem : "YAML syntax error");
	} else {
		struct loader ld = {.path = path, .doc = &doc, .err = err, .errlen = errlen};
		if (read_config_allow(&ld, rs))
			st = PII_OK;
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return st;
}

enum pii_status pii_rules_load_text(struct pii_ruleset *rs, const char *name,
				    const char *text, size_t len, char *err, size_t errlen)
{
	if (rs->compiled) {
		pii_set_error(err, errlen, "%s: rules are already compiled", name);
		return PII_EFATAL;
	}
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		pii_set_error(err, errlen, "%s: out of memory", name);
		return PII_EFATAL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	enum pii_status st = load_parser(rs, &parser, name, err, errlen);
	yaml_parser_delete(&parser);
	return st;
}

/* Where rules of two packs read the same text alike (0612345678 is a
 * Dutch and a French mobile number), the rule loaded first wins: core,
 * then nl (piiscan's home), then the others by name. --packs sets its
 * own order. */
static int pack_rank(const char *name)
{
	if (!strcmp(name, "core.yaml"))
		return 0;
	return strcmp(name, "nl.yaml") ? 2 : 1;
}

static int name_cmp(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	int rx = pack_rank(x), ry = pack_rank(y);
	return rx != ry ? rx - ry : strcmp(x, y);
}

static bool is_yaml_name(const char *name)
{
	size_t n = strlen(name);
	if (name[0] == '.')
		return false;
	return (n > 5 && !strcmp(name + n - 5, ".yaml")) ||
	       (n > 4 && !strcmp(name + n - 4, ".yml"));
}

/* Lists the YAML files of a folder, sorted; returns NULL on error. */
static char **list_yaml(const char *dir, size_t *count, char *err, size_t errlen)
{
	DIR *d = opendir(dir);
	if (!d) {
		pii_set_error(err, errlen, "%s: %s", dir, strerror(errno));
		return NULL;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!is_yaml_name(e->d_name))
			continue;
		char **grown = realloc(names, (n + 1) * sizeof(char *));
		if (!grown || !(grown[n] = strdup(e->d_name))) {
			free(grown ? grown : names);
			closedir(d);
			pii_set_error(err, errlen, "out of memory");
			return NULL;
		}
		names = grown;
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(char *), name_cmp);
	*count = n;
	if (!names)
		names = calloc(1, sizeof(char *));
	return names;
}

enum pii_status pii_rules_load_path(struct pii_ruleset *rs, const char *path,
				    char *err, size_t errlen)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		pii_set_error(err, errlen, "%s: %s", path, strerror(errno));
		return PII_EFATAL;
	}
	if (!S_ISDIR(st.st_mode))
		return pii_rules_load_file(rs, path, err, errlen);
	size_t n;
	char **names = list_yaml(path, &n, err, errlen);
	if (!names)
		return PII_EFATAL;
	enum pii_status result = PII_OK;
	if (n == 0) {
		pii_set_error(err, errlen, "%s: no .yaml rule files in this folder", path);
		result = PII_EFATAL;
	}
	for (size_t i = 0; i < n && result == PII_OK; i++) {
		char file[PATH_MAX];
		snprintf(file, sizeof(file), "%s/%s", path, names[i]);
		result = pii_rules_load_file(rs, file, err, errlen);
	}
	pii_strv_free(names, n);
	return result;
}

enum pii_status pii_rules_load_packs(struct pii_ruleset *rs, const char *dir,
				     const char *packs, char *err, size_t errlen)
{
	if (!packs)
		return pii_rules_load_path(rs, dir, err, errlen);
	char *list = strdup(packs);
	if (!list) {
		pii_set_error(err, errlen, "out of memory");
		return PII_EFATAL;
	}
	enum pii_status result = PII_OK;
	char *save = NULL;
	for (char *name = strtok_r(list, ",", &save); name && result == PII_OK;
	     name = strtok_r(NULL, ",", &save)) {
		while (*name == ' ')
			name++;
		if (!*name)
			continue;
		char file[PATH_MAX];
		snprintf(file, sizeof(file), "%s/%s.yaml", dir, name);
		if (access(file, R_OK) != 0) {
			size_t n = 0;
			char **names = list_yaml(dir, &n, err, errlen);
			char avail[512] = "";
			for (size_t i = 0; names && i < n; i++) {
				size_t used = strlen(avail);
				snprintf(avail + used, sizeof(avail) - used, "%s%.*s",
					 i ? ", " : "", (int)(strcspn(names[i], ".")), names[i]);
			}
			if (names)
				pii_strv_free(names, n);
			pii_set_error(err, errlen, "unknown rule pack '%s' (packs in %s: %s)",
				name, dir, avail);
			result = PII_EFATAL;
			break;
		}
		result = pii_rules_load_file(rs, file, err, errlen);
	}
	free(list);
	return result;
}

/* ---- where the shipped packs are -------------------------------------------- */

/* The installation's data folder, from the Makefile's PREFIX. */
#ifndef PII_DATADIR
#define PII_DATADIR "/usr/local/share/piiscan"
#endif

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Whether dir/name exists. */
static bool has(const char *dir, const char *name)
{
	char p[PATH_MAX];
	return (size_t)snprintf(p, sizeof(p), "%s/%s", dir, name) < sizeof(p) && access(p, F_OK) == 0;
}

bool pii_rules_dir_has_pack(const char *dir, const char *pack)
{
	char name[256];
	return (size_t)snprintf(name, sizeof(name), "%s.yaml", pack) < sizeof(name) &&
	       has(dir, name);
}

static char *found(const char *dir)
{
	char *real = realpath(dir, NULL);
	return real ? real : strdup(dir);
}

char *pii_rules_default_dir(void)
{
	const char *env = getenv("PIISCAN_RULES_DIR");
	if (env && *env)
		return strdup(env);
	char exe[PATH_MAX], cand[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash = n > 0 ? memrchr(exe, '/', (size_t)n) : NULL;
	if (slash) {
		*slash = '\0'; /* the binary's folder */
		/* an installed tree or an extracted .deb, wherever it is */
		if ((size_t)snprintf(cand, sizeof(cand), "%s/../share/piiscan/rules", exe) <
			    sizeof(cand) &&
		    is_dir(cand))
			return found(cand);
		/* the binary of a build in the source tree (build/piiscan):
		 * the tree's own packs, before any installed ones, which may be
		 * older. Only piiscan's source tree: a stray "rules" folder
		 * beside a copied binary is no rule folder of ours. */
		if ((size_t)snprintf(cand, sizeof(cand), "%s/..", exe) < sizeof(cand) &&
		    has(cand, "src/rules_load.c") && has(cand, "rules/core.yaml") &&
		    (size_t)snprintf(cand, sizeof(cand), "%s/../rules", exe) < sizeof(cand))
			return found(cand);
	}
	/* where make install put them */
	if (is_dir(PII_DATADIR "/rules"))
		return found(PII_DATADIR "/rules");
	return NULL;
}

