/*
 * rules.c - reads rule packs (YAML, libyaml's document API), compiles
 * their patterns with PCRE2 and groups the rules by prefilter.
 */
#include "pii_rules.h"

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

/* ---- small helpers ---------------------------------------------------------- */

static void set_err(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static void free_strv(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void rule_free(struct pii_rule *r)
{
	free(r->id);
	free(r->report_as);
	free(r->name);
	free(r->category);
	free(r->pack);
	free(r->source);
	free(r->pattern);
	free(r->validator_name);
	free(r->mask_name);
	free(r->trigger);
	free(r->span);
	free(r->check_name);
	pcre2_code_free(r->code);
	pcre2_code_free(r->code_at);
	free_strv(r->context, r->n_context);
	free_strv(r->anti_context, r->n_anti_context);
	for (size_t i = 0; i < r->n_examples; i++) {
		free(r->examples[i].text);
		free(r->examples[i].value);
		free(r->examples[i].label);
	}
	free(r->examples);
}

struct pii_ruleset *pii_rules_new(void)
{
	return calloc(1, sizeof(struct pii_ruleset));
}

void pii_rules_free(struct pii_ruleset *rs)
{
	if (!rs)
		return;
	for (size_t i = 0; i < rs->n_rules; i++)
		rule_free(&rs->rules[i]);
	free(rs->rules);
	for (size_t i = 0; i < rs->n_reports; i++) {
		free(rs->reports[i].name);
		free(rs->reports[i].category);
	}
	free(rs->reports);
	for (size_t i = 0; i < rs->n_groups; i++)
		free(rs->groups[i].rules);
	free(rs->groups);
	free(rs->anchor_words);
	free_strv(rs->packs, rs->n_packs);
	free(rs);
}

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
	set_err(ld->err, ld->errlen, "%s:%d: %s", ld->path, n ? node_line(n) : 0, msg);
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
			free_strv(v, i);
			return fail(ld, item, "'%s' entries must be non-empty words", key);
		}
		v[i] = strdup(s);
		if (!v[i]) {
			free_strv(v, i);
			return fail(ld, item, "out of memory");
		}
		if (lower_case)
			for (char *p = v[i]; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p = (char)(*p - 'A' + 'a');
	}
	free_strv(*out, *count);
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
				    "prefilter takes trigger:, span:, min_triggers: and check:");
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
		      struct pii_rule *r)
{
	if (n->type != YAML_MAPPING_NODE)
		return fail(ld, n, "a rule is a mapping with id:, pattern:, ...");
	char src[PATH_MAX + 32];
	snprintf(src, sizeof(src), "%s:%d", ld->path, node_line(n));
	r->source = strdup(src);
	r->pack = strdup(pack);
	if (!r->source || !r->pack)
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
			else
				return fail(ld, v, "context_position is around, before or adjacent");
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
		else if (!strcmp(key, "identifies")) {
			const char *sv = scalar(v);
			r->identifies = sv && !strcmp(sv, "person");
			ok = r->identifies || fail(ld, v, "identifies is person");
		} else if (!strcmp(key, "caseless"))
			ok = get_bool(ld, v, key, &caseless);
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
	if (r->special && !r->density)
		r->density = PII_SPECIAL_DENSITY_DEFAULT;
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
	const char *pack = NULL;
	yaml_node_t *rules = NULL;
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
	     p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(ld->doc, p->value);
		const char *key = scalar(k);
		if (key && !strcmp(key, "pack")) {
			pack = scalar(v);
			if (!pack || !*pack)
				return fail(ld, v, "pack: must be a name");
		} else if (key && !strcmp(key, "rules")) {
			rules = v;
		} else if (key && !strcmp(key, "description")) {
			/* for people reading the file */
		} else {
			return fail(ld, k, "unknown key '%s' (pack, description, rules)",
				    key ? key : "?");
		}
	}
	if (!pack)
		return fail(ld, root, "missing pack:");
	if (!rules || rules->type != YAML_SEQUENCE_NODE)
		return fail(ld, rules ? rules : root, "rules: must be a list of rules");
	for (yaml_node_item_t *it = rules->data.sequence.items.start;
	     it < rules->data.sequence.items.top; it++) {
		struct pii_rule *grown =
			realloc(rs->rules, (rs->n_rules + 1) * sizeof(*grown));
		if (!grown)
			return fail(ld, rules, "out of memory");
		rs->rules = grown;
		struct pii_rule *r = &rs->rules[rs->n_rules];
		memset(r, 0, sizeof(*r));
		yaml_node_t *rn = yaml_document_get_node(ld->doc, *it);
		if (!read_rule(ld, rn, pack, r)) {
			rule_free(r);
			return false;
		}
		for (size_t i = 0; i < rs->n_rules; i++)
			if (!strcmp(rs->rules[i].id, r->id)) {
				fail(ld, rn, "rule id '%s' is already defined at %s", r->id,
				     rs->rules[i].source);
				rule_free(r);
				return false;
			}
		rs->n_rules++;
	}
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
		set_err(err, errlen, "%s:%zu: %s", name, (size_t)parser->problem_mark.line + 1,
			parser->problem ? parser->problem : "YAML syntax error");
		return PII_EFATAL;
	}
	enum pii_status st = PII_EFATAL;
	struct loader ld = {.path = name, .doc = &doc, .err = err, .errlen = errlen};
	if (!yaml_document_get_root_node(&doc))
		set_err(err, errlen, "%s:1: empty rule file", name);
	else if (read_document(&ld, rs))
		st = PII_OK;
	yaml_document_delete(&doc);
	return st;
}

enum pii_status pii_rules_load_file(struct pii_ruleset *rs, const char *path,
				    char *err, size_t errlen)
{
	if (rs->compiled) {
		set_err(err, errlen, "%s: rules are already compiled", path);
		return PII_EFATAL;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		set_err(err, errlen, "%s: %s", path, strerror(errno));
		return PII_EFATAL;
	}
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		set_err(err, errlen, "%s: out of memory", path);
		fclose(f);
		return PII_EFATAL;
	}
	yaml_parser_set_input_file(&parser, f);
	enum pii_status st = load_parser(rs, &parser, path, err, errlen);
	yaml_parser_delete(&parser);
	fclose(f);
	return st;
}

enum pii_status pii_rules_load_text(struct pii_ruleset *rs, const char *name,
				    const char *text, size_t len, char *err, size_t errlen)
{
	if (rs->compiled) {
		set_err(err, errlen, "%s: rules are already compiled", name);
		return PII_EFATAL;
	}
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		set_err(err, errlen, "%s: out of memory", name);
		return PII_EFATAL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	enum pii_status st = load_parser(rs, &parser, name, err, errlen);
	yaml_parser_delete(&parser);
	return st;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
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
		set_err(err, errlen, "%s: %s", dir, strerror(errno));
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
			set_err(err, errlen, "out of memory");
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
		set_err(err, errlen, "%s: %s", path, strerror(errno));
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
		set_err(err, errlen, "%s: no .yaml rule files in this folder", path);
		result = PII_EFATAL;
	}
	for (size_t i = 0; i < n && result == PII_OK; i++) {
		char file[PATH_MAX];
		snprintf(file, sizeof(file), "%s/%s", path, names[i]);
		result = pii_rules_load_file(rs, file, err, errlen);
	}
	free_strv(names, n);
	return result;
}

enum pii_status pii_rules_load_packs(struct pii_ruleset *rs, const char *dir,
				     const char *packs, char *err, size_t errlen)
{
	if (!packs)
		return pii_rules_load_path(rs, dir, err, errlen);
	char *list = strdup(packs);
	if (!list) {
		set_err(err, errlen, "out of memory");
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
				free_strv(names, n);
			set_err(err, errlen, "unknown rule pack '%s' (packs in %s: %s)",
				name, dir, avail);
			result = PII_EFATAL;
			break;
		}
		result = pii_rules_load_file(rs, file, err, errlen);
	}
	free(list);
	return result;
}

/* ---- compiling ------------------------------------------------------------- */

/* Turns a character class written as a regex ("[0-9]", "@") into a byte
 * table: byte b is in it when the class matches the one-character text b.
 * Bytes from 0x80 up are in it when the class matches non-ASCII letters,
 * since they are the parts of such characters in UTF-8 text. */
static bool class_table(const char *cls, bool table[256], char *why, size_t whylen)
{
	int errcode;
	PCRE2_SIZE erroff;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)cls, PCRE2_ZERO_TERMINATED,
					 PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
					 &errcode, &erroff, NULL);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		snprintf(why, whylen, "'%s' at offset %zu: %s", cls, (size_t)erroff, msg);
		return false;
	}
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
	if (!md) {
		pcre2_code_free(code);
		snprintf(why, whylen, "out of memory");
		return false;
	}
	memset(table, 0, 256);
	for (int b = 0; b < 0x80; b++) {
		unsigned char s[1] = {(unsigned char)b};
		table[b] = pcre2_match(code, s, 1, 0, 0, md, NULL) >= 0;
	}
	static const char *const non_ascii[] = {"\xc3\xa9", "\xc3\x9f", "\xe2\x82\xac"};
	bool high = false;
	for (size_t i = 0; i < 3; i++)
		if (pcre2_match(code, (PCRE2_SPTR)non_ascii[i], strlen(non_ascii[i]),
				0, 0, md, NULL) >= 0)
			high = true;
	for (int b = 0x80; b < 0x100; b++)
		table[b] = high;
	pcre2_match_data_free(md);
	pcre2_code_free(code);
	return true;
}

static bool compile_rule(struct pii_rule *r, char *err, size_t errlen)
{
	int errcode;
	PCRE2_SIZE erroff;
	/* A validator runs as a callout at the end of the pattern: when it
	 * rejects a candidate, PCRE2 backtracks and tries shorter ones, so
	 * "NL91 ABNA 0417 1643 00 EUR" still yields the IBAN without " EUR". */
	char *pattern = r->pattern;
	size_t plen = strlen(r->pattern);
	if (r->validate) {
		pattern = malloc(plen + 16);
		if (!pattern) {
			set_err(err, errlen, "out of memory");
			return false;
		}
		snprintf(pattern, plen + 16, "(?:%s)(?C1)", r->pattern);
	}
	r->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
				PCRE2_UTF | PCRE2_NEVER_BACKSLASH_C, &errcode,
				&erroff, NULL);
	if (r->code && r->context_position == PII_CONTEXT_ADJACENT) {
		/* \G: one attempt where the value must start, not a search */
		size_t alen = strlen(pattern) + 8;
		char *at = malloc(alen);
		if (at) {
			snprintf(at, alen, "\\G(?:%s)", pattern);
			r->code_at = pcre2_compile((PCRE2_SPTR)at, PCRE2_ZERO_TERMINATED,
						   PCRE2_UTF | PCRE2_NEVER_BACKSLASH_C, &errcode,
						   &erroff, NULL);
			free(at);
		}
		if (!r->code_at) {
			pcre2_code_free(r->code);
			r->code = NULL;
			set_err(err, errlen, "%s: rule '%s': out of memory", r->source, r->id);
			if (pattern != r->pattern)
				free(pattern);
			return false;
		}
		if (pcre2_jit_compile(r->code_at, PCRE2_JIT_COMPLETE) == 0) {
			size_t jitsize = 0;
			pcre2_pattern_info(r->code_at, PCRE2_INFO_JITSIZE, &jitsize);
			r->jit_at = jitsize > 0;
		}
	}
	if (pattern != r->pattern)
		free(pattern);
	if (r->validate && !r->code && erroff >= 3) {
		/* Point at the user's pattern, not our wrapper. */
		erroff -= 3;
	}
	if (!r->code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		set_err(err, errlen, "%s: rule '%s': pattern error at offset %zu: %s",
			r->source, r->id, (size_t)erroff, msg);
		return false;
	}
	/* Without JIT (e.g. a platform it does not support) PCRE2 falls back
	 * to its interpreter, which is slower but gives the same results. */
	if (pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE) == 0) {
		size_t jitsize = 0;
		pcre2_pattern_info(r->code, PCRE2_INFO_JITSIZE, &jitsize);
		r->jit = jitsize > 0;
	}
	uint32_t minlen = 0;
	pcre2_pattern_info(r->code, PCRE2_INFO_MINLENGTH, &minlen);
	r->min_length = minlen;
	for (size_t i = 0; i < r->n_context; i++)
		r->context_first[(unsigned char)r->context[i][0]] = true;
	for (size_t i = 0; i < r->n_anti_context; i++)
		r->anti_context_first[(unsigned char)r->anti_context[i][0]] = true;
	return true;
}

bool pii_category_identifies(const char *category)
{
	static const char *const kinds[] = {"contact", "national_id", "identity", "financial",
					    NULL};
	for (size_t i = 0; kinds[i]; i++)
		if (!strcmp(category, kinds[i]))
			return true;
	return false;
}

int pii_category_special(const struct pii_ruleset *rs, const char *category)
{
	for (size_t i = 0; i < rs->n_reports; i++)
		if (rs->reports[i].special && !strcmp(rs->reports[i].category, category))
			return rs->reports[i].special;
	return 0;
}

static int find_or_add_report(struct pii_ruleset *rs, const struct pii_rule *r,
			      char *err, size_t errlen)
{
	for (size_t i = 0; i < rs->n_reports; i++) {
		if (strcmp(rs->reports[i].name, r->report_as))
			continue;
		if (strcmp(rs->reports[i].category, r->category)) {
			set_err(err, errlen,
				"%s: rule '%s' reports as '%s' with category '%s', "
				"but '%s' has category '%s'",
				r->source, r->id, r->report_as, r->category,
				r->report_as, rs->reports[i].category);
			return -1;
		}
		return (int)i;
	}
	struct pii_report_id *grown =
		realloc(rs->reports, (rs->n_reports + 1) * sizeof(*grown));
	if (!grown) {
		set_err(err, errlen, "out of memory");
		return -1;
	}
	rs->reports = grown;
	grown[rs->n_reports].name = strdup(r->report_as);
	grown[rs->n_reports].category = strdup(r->category);
	grown[rs->n_reports].special = r->special;
	if (!grown[rs->n_reports].name || !grown[rs->n_reports].category) {
		set_err(err, errlen, "out of memory");
		return -1;
	}
	return (int)rs->n_reports++;
}

/* Describes the group's trigger table as byte ranges when it has at
 * most four ("0-9", "@", ":"): the matcher then finds triggers with SIMD. */
static void trigger_ranges(struct pii_prefilter_group *g)
{
	unsigned n = 0;
	for (int b = 0; b < 256; b++) {
		if (!g->trigger[b])
			continue;
		int e = b;
		while (e + 1 < 256 && g->trigger[e + 1])
			e++;
		if (n == 4) {
			g->n_trigger_ranges = 0;
			return;
		}
		g->trigger_lo[n] = (unsigned char)b;
		g->trigger_hi[n] = (unsigned char)e;
		n++;
		b = e;
	}
	g->n_trigger_ranges = n;
}

/* Makes rule i an anchored rule: its context words go into the table
 * the matcher searches each page for. */
static bool add_anchored(struct pii_ruleset *rs, unsigned i, char *err, size_t errlen)
{
	struct pii_rule *r = &rs->rules[i];
	uint64_t bit = (uint64_t)1 << rs->n_anchored;
	r->anchored = true;
	r->group = UINT_MAX;
	rs->anchored[rs->n_anchored++] = i;
	for (size_t k = 0; k < r->n_context; k++) {
		size_t w;
		for (w = 0; w < rs->n_anchor_words; w++)
			if (!strcmp(rs->anchor_words[w].word, r->context[k]))
				break;
		if (w == rs->n_anchor_words) {
			struct pii_anchor_word *grown = realloc(
				rs->anchor_words, (rs->n_anchor_words + 1) * sizeof(*grown));
			if (!grown) {
				set_err(err, errlen, "out of memory");
				return false;
			}
			rs->anchor_words = grown;
			grown[w] = (struct pii_anchor_word){r->context[k], 0};
			rs->n_anchor_words++;
			rs->anchor_first[(unsigned char)r->context[k][0]] = true;
		}
		rs->anchor_words[w].rules |= bit;
	}
	return true;
}

static int cmp_anchor_word(const void *a, const void *b)
{
	return strcmp(((const struct pii_anchor_word *)a)->word,
		      ((const struct pii_anchor_word *)b)->word);
}

/* Sorts the anchor words and indexes them by first byte. */
static void index_anchor_words(struct pii_ruleset *rs)
{
	if (rs->n_anchor_words)
		qsort(rs->anchor_words, rs->n_anchor_words, sizeof(*rs->anchor_words),
		      cmp_anchor_word);
	size_t w = 0;
	for (int c = 0; c < 256; c++) {
		rs->anchor_index[c] = (uint16_t)w;
		while (w < rs->n_anchor_words && (unsigned char)rs->anchor_words[w].word[0] == c)
			w++;
	}
	rs->anchor_index[256] = (uint16_t)w;
	memset(rs->anchor_pair_bits, 0, sizeof(rs->anchor_pair_bits));
	memset(rs->anchor_prefix_bits, 0, sizeof(rs->anchor_prefix_bits));
	rs->anchor_ascii = true;
	for (w = 0; w < rs->n_anchor_words; w++) {
		const unsigned char *word = (const unsigned char *)rs->anchor_words[w].word;
		size_t wl = strlen((const char *)word);
		unsigned h = pii_anchor_prefix_hash(word, wl < 4 ? wl : 4);
		rs->anchor_prefix_bits[h >> 3] |= (uint8_t)(1u << (h & 7));
		if (word[0] < 'a' || word[0] > 'z')
			rs->anchor_ascii = false;
		unsigned pair = (unsigned)word[0] << 8 | word[1];
		rs->anchor_pair_bits[pair >> 3] |= (uint8_t)(1u << (pair & 7));
	}
	rs->n_anchor_pairs = 0;
	for (w = 0; w < rs->n_anchor_words; w++) {
		const unsigned char *word = (const unsigned char *)rs->anchor_words[w].word;
		if (word[0] < 'a' || word[0] > 'z' || word[1] < 'a' || word[1] > 'z' ||
		    rs->n_anchor_pairs == 16) {
			rs->n_anchor_pairs = 0;
			return;
		}
		unsigned k;
		for (k = 0; k < rs->n_anchor_pairs; k++)
			if (rs->anchor_pairs[k][0] == word[0] && rs->anchor_pairs[k][1] == word[1])
				break;
		if (k == rs->n_anchor_pairs) {
			rs->anchor_pairs[k][0] = word[0];
			rs->anchor_pairs[k][1] = word[1];
			rs->n_anchor_pairs++;
		}
	}
}

/* True when every byte of a's span is in b's span. */
static bool span_within(const struct pii_prefilter_group *a,
			const struct pii_prefilter_group *b)
{
	for (int c = 0; c < 256; c++)
		if (a->span[c] && !b->span[c])
			return false;
	return true;
}

/* A group whose span lies within the span of another group with the same
 * triggers joins that group: its rules' matches lie within the bigger
 * group's runs just as well, and one run costs less to find than two.
 * (The rules keep their own min_triggers and checks.) */
static bool absorb_groups(struct pii_ruleset *rs, char *err, size_t errlen)
{
	for (size_t a = 0; a < rs->n_groups; a++) {
		struct pii_prefilter_group *ga = &rs->groups[a];
		if (ga->whole || !ga->n_rules)
			continue;
		for (size_t b = 0; b < rs->n_groups; b++) {
			struct pii_prefilter_group *gb = &rs->groups[b];
			if (b == a || gb->whole || !gb->n_rules ||
			    memcmp(ga->trigger, gb->trigger, 256) || !span_within(ga, gb))
				continue;
			/* Equal spans would be one group already; a strict subset
			 * joins the superset. */
			unsigned *grown = realloc(gb->rules, (gb->n_rules + ga->n_rules) * sizeof(unsigned));
			if (!grown) {
				set_err(err, errlen, "out of memory");
				return false;
			}
			gb->rules = grown;
			for (size_t i = 0; i < ga->n_rules; i++) {
				gb->rules[gb->n_rules++] = ga->rules[i];
				rs->rules[ga->rules[i]].group = (unsigned)b;
			}
			if (ga->min_length < gb->min_length)
				gb->min_length = ga->min_length;
			if (ga->min_triggers < gb->min_triggers)
				gb->min_triggers = ga->min_triggers;
			ga->n_rules = 0;
			break;
		}
	}
	return true;
}

/* The group of rules with the same prefilter as r (a new one if none). */
static int find_or_add_group(struct pii_ruleset *rs, const struct pii_rule *r,
			     char *err, size_t errlen)
{
	bool span[256], trigger[256];
	bool whole = !r->trigger;
	if (!whole) {
		char why[300];
		if (!class_table(r->trigger, trigger, why, sizeof(why)) ||
		    !class_table(r->span, span, why, sizeof(why))) {
			set_err(err, errlen, "%s: rule '%s': prefilter %s", r->source,
				r->id, why);
			return -1;
		}
		for (int b = 0; b < 256; b++)
			if (trigger[b] && !span[b]) {
				set_err(err, errlen,
					"%s: rule '%s': prefilter trigger bytes must be part "
					"of its span",
					r->source, r->id);
				return -1;
			}
	}
	for (size_t g = 0; g < rs->n_groups; g++) {
		struct pii_prefilter_group *grp = &rs->groups[g];
		if (grp->whole && whole)
			return (int)g;
		if (!grp->whole && !whole && !memcmp(grp->span, span, 256) &&
		    !memcmp(grp->trigger, trigger, 256))
			return (int)g;
	}
	struct pii_prefilter_group *grown =
		realloc(rs->groups, (rs->n_groups + 1) * sizeof(*grown));
	if (!grown) {
		set_err(err, errlen, "out of memory");
		return -1;
	}
	rs->groups = grown;
	struct pii_prefilter_group *grp = &rs->groups[rs->n_groups];
	memset(grp, 0, sizeof(*grp));
	grp->whole = whole;
	if (!whole) {
		memcpy(grp->span, span, 256);
		memcpy(grp->trigger, trigger, 256);
		trigger_ranges(grp);
	}
	grp->min_length = UINT32_MAX;
	grp->min_triggers = UINT32_MAX;
	return (int)rs->n_groups++;
}

enum pii_status pii_rules_compile(struct pii_ruleset *rs, char *err, size_t errlen)
{
	if (rs->compiled)
		return PII_OK;
	if (rs->n_rules == 0) {
		set_err(err, errlen, "no rules loaded");
		return PII_EFATAL;
	}
	for (size_t i = 0; i < rs->n_rules; i++) {
		struct pii_rule *r = &rs->rules[i];
		if (!compile_rule(r, err, errlen))
			return PII_EFATAL;
		uint32_t pairs = 0;
		pcre2_pattern_info(r->code, PCRE2_INFO_CAPTURECOUNT, &pairs);
		if (pairs + 1 > rs->max_capture_pairs)
			rs->max_capture_pairs = pairs + 1;
		int rep = find_or_add_report(rs, r, err, errlen);
		if (rep < 0)
			return PII_EFATAL;
		r->report_index = (unsigned)rep;
		if (r->require_context && r->n_context && !rs->no_anchoring &&
		    rs->n_anchored < PII_ANCHORED_MAX) {
			if (!add_anchored(rs, (unsigned)i, err, errlen))
				return PII_EFATAL;
			continue;
		}
		int g = find_or_add_group(rs, r, err, errlen);
		if (g < 0)
			return PII_EFATAL;
		r->group = (unsigned)g;
		struct pii_prefilter_group *grp = &rs->groups[g];
		unsigned *grown = realloc(grp->rules, (grp->n_rules + 1) * sizeof(unsigned));
		if (!grown) {
			set_err(err, errlen, "out of memory");
			return PII_EFATAL;
		}
		grp->rules = grown;
		grp->rules[grp->n_rules++] = (unsigned)i;
		if (r->min_length < grp->min_length)
			grp->min_length = r->min_length;
		if (!r->min_triggers)
			r->min_triggers = 1;
		if (r->min_triggers < grp->min_triggers)
			grp->min_triggers = r->min_triggers;
	}
	if (!absorb_groups(rs, err, errlen))
		return PII_EFATAL;
	index_anchor_words(rs);
	rs->compiled = true;
	return PII_OK;
}

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

/* ---- where the shipped packs are -------------------------------------------- */

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

char *pii_rules_default_dir(void)
{
	const char *env = getenv("PIISCAN_RULES_DIR");
	if (env && *env)
		return strdup(env);
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	static const char *const rel[] = {"/../share/piiscan/rules", "/../rules",
					  "/rules"};
	for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		char cand[PATH_MAX];
		if ((size_t)snprintf(cand, sizeof(cand), "%s%s", exe, rel[i]) >= sizeof(cand))
			continue;
		if (is_dir(cand)) {
			char *real = realpath(cand, NULL);
			return real ? real : strdup(cand);
		}
	}
	return NULL;
}
