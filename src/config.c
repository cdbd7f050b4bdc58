/*
 * config.c - the configuration file into arguments (see pii_config.h).
 */
#include "pii_config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "pii_util.h"

static bool add_arg(struct pii_config_args *a, char *arg, int line)
{
	if (!arg)
		return false;
	char **argv = realloc(a->argv, (size_t)(a->argc + 2) * sizeof(char *));
	if (!argv) {
		free(arg);
		return false;
	}
	a->argv = argv;
	int *lines = realloc(a->line, (size_t)(a->argc + 1) * sizeof(int));
	if (!lines) {
		free(arg);
		return false;
	}
	a->line = lines;
	a->argv[a->argc] = arg;
	a->line[a->argc++] = line;
	a->argv[a->argc] = NULL;
	return true;
}

static char *printf_dup(const char *fmt, const char *a, const char *b)
{
	size_t n = strlen(fmt) + strlen(a) + strlen(b) + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, fmt, a, b);
	return s;
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static bool is_true(const char *v)
{
	return !strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "on");
}

static bool is_false(const char *v)
{
	return !strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "off");
}

/* Options that take no value: true turns them on; false leaves them off,
 * but for progress, which is on by default on a terminal. */
static const char *const switches[] = {
	"show-values", "follow-symlinks", "list-symlinks", "one-file-system", "quiet",
	"progress", "full", "records", "data-map-only", "breach-report", "ignore-case-paths",
	NULL,
};

static bool is_switch(const char *key)
{
	for (size_t i = 0; switches[i]; i++)
		if (!strcmp(key, switches[i]))
			return true;
	return false;
}

/* The options that may be given more than once, so as a list. */
static bool is_list(const char *key)
{
	return !strcmp(key, "output") || !strcmp(key, "exclude") || !strcmp(key, "rules") ||
	       !strcmp(key, "ignore-file") ||
	       !strcmp(key, "packs");
}

static bool fail(char *err, size_t errlen, const char *path, const yaml_node_t *n,
		 const char *what, const char *key)
{
	snprintf(err, errlen, "%s:%zu: %s%s%s", path, n ? (size_t)n->start_mark.line + 1 : 1,
		 what, key ? " " : "", key ? key : "");
	return false;
}

/* One key: value pair into arguments. */
static bool add_setting(struct pii_config_args *a, yaml_document_t *doc, const char *path,
			const char *key, yaml_node_t *v, char *err, size_t errlen)
{
	int line = (int)v->start_mark.line + 1;
	if (!strcmp(key, "config"))
		return fail(err, errlen, path, v, "a configuration file cannot name another", NULL);
	/* allow: entries name rules: they are read with the rules
	 * (pii_rules_load_allow), not as an option */
	if (!strcmp(key, "allow")) {
		a->allow_line = line;
		return true;
	}
	/* a misspelt key is that, whatever its value looks like */
	if (a->known && strcmp(key, "systems") && strcmp(key, "databases") && !a->known(key)) {
		char quoted[128];
		snprintf(quoted, sizeof(quoted), "'%s'", key);
		return fail(err, errlen, path, v, "unknown setting", quoted);
	}
	if (is_switch(key)) {
		const char *s = scalar(v);
		if (!s || (!is_true(s) && !is_false(s)))
			return fail(err, errlen, path, v, "true or false expected for", key);
		if (is_true(s))
			return add_arg(a, printf_dup("--%s%s", key, ""), line) ||
			       fail(err, errlen, path, v, "out of memory", NULL);
		if (!strcmp(key, "progress"))
			return add_arg(a, strdup("--no-progress"), line) ||
			       fail(err, errlen, path, v, "out of memory", NULL);
		return true;
	}
	/* systems: {HR: "shares/hr/..."}: one --system NAME=GLOB each */
	if (!strcmp(key, "systems")) {
		if (v->type != YAML_MAPPING_NODE)
			return fail(err, errlen, path, v, "systems: a mapping of NAME: GLOB expected",
				    NULL);
		for (yaml_node_pair_t *p = v->data.mapping.pairs.start;
		     p < v->data.mapping.pairs.top; p++) {
			const char *name = scalar(yaml_document_get_node(doc, p->key));
			yaml_node_t *g = yaml_document_get_node(doc, p->value);
			if (!name || !scalar(g))
				return fail(err, errlen, path, g ? g : v,
					    "systems: a mapping of NAME: GLOB expected", NULL);
			char *arg = printf_dup("--system=%s=%s", name, scalar(g));
			if (!add_arg(a, arg, (int)g->start_mark.line + 1))
				return fail(err, errlen, path, g, "out of memory", NULL);
		}
		return true;
	}
	/* packs, fail-on, enable, disable: a list is the comma-separated value */
	if ((!strcmp(key, "packs") || !strcmp(key, "fail-on") || !strcmp(key, "enable") ||
	     !strcmp(key, "disable")) &&
	    v->type == YAML_SEQUENCE_NODE) {
		struct pii_buf joined = {0};
		for (yaml_node_item_t *i = v->data.sequence.items.start;
		     i < v->data.sequence.items.top; i++) {
			const char *s = scalar(yaml_document_get_node(doc, *i));
			if (!s)
				return pii_buf_free(&joined),
				       fail(err, errlen, path, v, "a list of names expected for", key);
			if (joined.len)
				pii_buf_putc(&joined, ',');
			pii_buf_puts(&joined, s);
		}
		bool ok = !joined.oom && add_arg(a, printf_dup("--%s=%s", key, pii_buf_cstr(&joined)), line);
		pii_buf_free(&joined);
		return ok || fail(err, errlen, path, v, "out of memory", NULL);
	}
	if (v->type == YAML_SEQUENCE_NODE) {
		if (!is_list(key))
			return fail(err, errlen, path, v, "one value expected for", key);
		for (yaml_node_item_t *i = v->data.sequence.items.start;
		     i < v->data.sequence.items.top; i++) {
			yaml_node_t *item = yaml_document_get_node(doc, *i);
			const char *s = scalar(item);
			if (!s)
				return fail(err, errlen, path, item, "a list of values expected for", key);
			if (!add_arg(a, printf_dup("--%s=%s", key, s), (int)item->start_mark.line + 1))
				return fail(err, errlen, path, item, "out of memory", NULL);
		}
		return true;
	}
	const char *s = scalar(v);
	if (!s)
		return fail(err, errlen, path, v, "a value or a list expected for", key);
	return add_arg(a, printf_dup("--%s=%s", key, s), line) ||
	       fail(err, errlen, path, v, "out of memory", NULL);
}

static bool add_paths(struct pii_config_args *a, yaml_document_t *doc, const char *path,
		      yaml_node_t *v, char *err, size_t errlen)
{
	if (v->type == YAML_SCALAR_NODE)
		return add_arg(a, strdup(scalar(v)), (int)v->start_mark.line + 1) ||
		       fail(err, errlen, path, v, "out of memory", NULL);
	if (v->type != YAML_SEQUENCE_NODE)
		return fail(err, errlen, path, v, "paths: a list of folders and files expected", NULL);
	for (yaml_node_item_t *i = v->data.sequence.items.start; i < v->data.sequence.items.top;
	     i++) {
		yaml_node_t *item = yaml_document_get_node(doc, *i);
		if (!scalar(item))
			return fail(err, errlen, path, item, "paths: a list of folders and files expected",
				    NULL);
		if (!add_arg(a, strdup(scalar(item)), (int)item->start_mark.line + 1))
			return fail(err, errlen, path, item, "out of memory", NULL);
	}
	return true;
}

/* databases: a list of URLs, or of {url: URL, password_file: FILE}: with
 * options false, each URL as a path; with options true, the
 * --db-password-file URL=FILE of those that name one. */
static bool add_databases(struct pii_config_args *a, yaml_document_t *doc, const char *path,
			  yaml_node_t *v, bool options, char *err, size_t errlen)
{
	static const char shape[] =
		"databases: a list of URLs or of {url: URL, password_file: FILE} expected";
	if (v->type != YAML_SEQUENCE_NODE)
		return fail(err, errlen, path, v, shape, NULL);
	for (yaml_node_item_t *i = v->data.sequence.items.start; i < v->data.sequence.items.top;
	     i++) {
		yaml_node_t *item = yaml_document_get_node(doc, *i);
		const char *url = scalar(item), *file = NULL;
		if (item->type == YAML_MAPPING_NODE) {
			for (yaml_node_pair_t *p = item->data.mapping.pairs.start;
			     p < item->data.mapping.pairs.top; p++) {
				const char *k = scalar(yaml_document_get_node(doc, p->key));
				const char *val = scalar(yaml_document_get_node(doc, p->value));
				if (k && val && !strcmp(k, "url"))
					url = val;
				else if (k && val && !strcmp(k, "password_file"))
					file = val;
				else
					return fail(err, errlen, path, item, shape, NULL);
			}
		}
		if (!url)
			return fail(err, errlen, path, item, shape, NULL);
		int line = (int)item->start_mark.line + 1;
		bool ok = true;
		if (options && file)
			ok = add_arg(a, printf_dup("--db-password-file=%s=%s", url, file), line);
		else if (!options)
			ok = add_arg(a, strdup(url), line);
		if (!ok)
			return fail(err, errlen, path, item, "out of memory", NULL);
	}
	return true;
}

bool pii_config_load(const char *path, struct pii_config_args *a, char *err, size_t errlen)
{
	bool (*known)(const char *) = a->known;
	memset(a, 0, sizeof(*a));
	a->known = known;
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "--config: cannot read '%s': %s", path, strerror(errno));
		return false;
	}
	yaml_parser_t parser;
	yaml_document_t doc;
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		snprintf(err, errlen, "out of memory");
		return false;
	}
	yaml_parser_set_input_file(&parser, f);
	bool ok = yaml_parser_load(&parser, &doc);
	if (!ok)
		snprintf(err, errlen, "%s:%zu: %s", path, (size_t)parser.problem_mark.line + 1,
			 parser.problem ? parser.problem : "YAML syntax error");
	yaml_parser_delete(&parser);
	fclose(f);
	if (!ok)
		return false;
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	yaml_node_t *paths = NULL, *databases = NULL;
	ok = add_arg(a, strdup("piiscan"), 0);
	if (!ok)
		snprintf(err, errlen, "out of memory");
	else if (root && root->type != YAML_MAPPING_NODE)
		ok = fail(err, errlen, path, root, "a mapping of settings expected (threads: 4, ...)",
			  NULL);
	for (yaml_node_pair_t *p = root && ok ? root->data.mapping.pairs.start : NULL;
	     p && p < root->data.mapping.pairs.top && ok; p++) {
		yaml_node_t *k = yaml_document_get_node(&doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&doc, p->value);
		const char *key = scalar(k);
		if (!key)
			ok = fail(err, errlen, path, k, "settings are named by text", NULL);
		else if (!strcmp(key, "paths"))
			paths = v;
		else if (!strcmp(key, "databases"))
			ok = add_databases(a, &doc, path, databases = v, true, err, errlen);
		else
			ok = add_setting(a, &doc, path, key, v, err, errlen);
	}
	if (ok && !add_arg(a, strdup("--"), 0))
		ok = fail(err, errlen, path, NULL, "out of memory", NULL);
	if (ok && paths)
		ok = add_paths(a, &doc, path, paths, err, errlen);
	if (ok && databases)
		ok = add_databases(a, &doc, path, databases, false, err, errlen);
	yaml_document_delete(&doc);
	if (!ok)
		pii_config_free(a);
	return ok;
}

void pii_config_free(struct pii_config_args *a)
{
	for (int i = 0; i < a->argc; i++)
		free(a->argv[i]);
	free(a->argv);
	free(a->line);
	memset(a, 0, sizeof(*a));
}
