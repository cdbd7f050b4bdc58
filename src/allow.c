/*
 * allow.c - allowlists (pii_allow.h): an entry's conditions compiled,
 * its rules: resolved, and a finding tested against the entries of its
 * rule. Reading them from YAML is the packs' loader's (rules_load.c),
 * which rules they are about rules_select.c's.
 */
#include "pii_allow.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "pii_ignore.h"
#include "pii_limits.h"

bool pii_allow_set_value(struct pii_allow *a, const char *pattern, char *err, size_t errlen)
{
	int errcode;
	PCRE2_SIZE erroff;
	/* held to the whole value: "noreply@.*" says what it lets go, and a
	 * company's number does not let go a longer one holding it */
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
					 PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED |
						 PCRE2_NEVER_BACKSLASH_C,
					 &errcode, &erroff, NULL);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		pii_set_error(err, errlen, "pattern error at offset %zu: %s", (size_t)erroff, msg);
		return false;
	}
	pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* without JIT: the interpreter */
	char *copy = strdup(pattern);
	if (!copy) {
		pcre2_code_free(code);
		pii_set_error(err, errlen, "out of memory");
		return false;
	}
	free(a->value);
	pcre2_code_free(a->value_code);
	a->value = copy;
	a->value_code = code;
	return true;
}

bool pii_allow_set_fingerprint(struct pii_allow *a, const char *hex)
{
	uint64_t v = 0;
	size_t n = 0;
	for (; hex[n]; n++) {
		char c = hex[n];
		int d = c >= '0' && c <= '9'   ? c - '0'
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10
					       : -1;
		if (d < 0 || n == 16)
			return false;
		v = v << 4 | (uint64_t)d;
	}
	if (n != 16)
		return false;
	a->has_fingerprint = true;
	a->fingerprint = v;
	return true;
}

const char *pii_allow_source_name(const struct pii_allow *a)
{
	const char *slash = strrchr(a->source, '/');
	return slash ? slash + 1 : a->source;
}

void pii_allow_free(struct pii_allow *a)
{
	free(a->source);
	free(a->reason);
	free(a->value);
	pcre2_code_free(a->value_code);
	pii_strv_free(a->paths, a->n_paths);
	pii_ignore_free(a->path);
	pii_strv_free(a->rules, a->n_rules);
	free(a->rules_source);
	memset(a, 0, sizeof(*a));
}

bool pii_allow_compile_paths(struct pii_allow *a, bool casefold)
{
	pii_ignore_free(a->path);
	a->path = NULL;
	if (!a->n_paths)
		return true;
	if (!(a->path = pii_ignore_new(casefold)))
		return false;
	for (size_t k = 0; k < a->n_paths; k++)
		if (pii_ignore_add(a->path, a->paths[k], a->source) < 0)
			return false;
	return true;
}

const struct pii_allow *pii_allow_first_path(const struct pii_ruleset *rs)
{
	for (size_t i = 0; i < rs->n_allow; i++)
		if (rs->allow[i].n_paths)
			return &rs->allow[i];
	return NULL;
}

const struct pii_allow *pii_allow_first_fingerprint(const struct pii_ruleset *rs)
{
	for (size_t i = 0; i < rs->n_allow; i++)
		if (rs->allow[i].has_fingerprint)
			return &rs->allow[i];
	return NULL;
}

/* Whether ig excludes rel (a file) as git would: a folder of it excluded
 * takes it along, whatever comes after (a file in an ignored folder
 * cannot be brought back). rel is borrowed for the while. */
static bool path_excluded(struct pii_ignore *ig, char *rel)
{
	for (char *slash = strchr(rel, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		bool dir = pii_ignore_match(ig, rel, true, false) == PII_IGNORE_EXCLUDE;
		*slash = '/';
		if (dir)
			return true;
	}
	return pii_ignore_match(ig, rel, false, false) == PII_IGNORE_EXCLUDE;
}

void pii_allow_paths(const struct pii_ruleset *rs, const char *const *roots, size_t n_roots,
		     const char *path, unsigned char *ok)
{
	bool any = false;
	for (size_t i = 0; i < rs->n_allow; i++) {
		ok[i] = !rs->allow[i].path;
		any |= !ok[i];
	}
	if (!any)
		return;
	size_t r = pii_path_root(roots, n_roots, path);
	const char *below = r < n_roots ? pii_ignore_rel(roots[r], path) : path;
	if (!below) { /* the root itself: a file given by its name */
		const char *slash = strrchr(path, '/');
		below = slash ? slash + 1 : path;
	}
	char *rel = strdup(below);
	if (!rel)
		return; /* out of memory: no path: holds, the findings are kept */
	for (size_t i = 0; i < rs->n_allow; i++)
		if (rs->allow[i].path)
			ok[i] = path_excluded(rs->allow[i].path, rel);
	free(rel);
}

struct pii_allow_matcher {
	pcre2_match_data *md;
	pcre2_match_context *mctx;
};

struct pii_allow_matcher *pii_allow_matcher_new(void)
{
	struct pii_allow_matcher *m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	m->md = pcre2_match_data_create(1, NULL);
	m->mctx = pcre2_match_context_create(NULL);
	if (!m->md || !m->mctx) {
		pii_allow_matcher_free(m);
		return NULL;
	}
	/* a user's pattern may backtrack badly: the matcher's own limits */
	pcre2_set_match_limit(m->mctx, PII_PCRE2_MATCH_LIMIT);
	pcre2_set_depth_limit(m->mctx, PII_PCRE2_DEPTH_LIMIT);
	return m;
}

void pii_allow_matcher_free(struct pii_allow_matcher *m)
{
	if (!m)
		return;
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mctx);
	free(m);
}

long pii_allow_find(const struct pii_ruleset *rs, const struct pii_rule *r,
		    const unsigned char *path_ok, const char *value, size_t len, uint64_t fp,
		    struct pii_allow_matcher *m)
{
	for (size_t k = 0; k < r->n_allow; k++) {
		unsigned i = r->allow[k];
		const struct pii_allow *a = &rs->allow[i];
		if (a->path && !(path_ok && path_ok[i]))
			continue;
		if (a->has_fingerprint && a->fingerprint != fp)
			continue;
		/* a value the pattern cannot be run on (no memory, a limit
		 * reached) is not let go: reported rather than lost */
		if (a->value_code &&
		    (!m || pcre2_match(a->value_code, (PCRE2_SPTR)value, len, 0, PCRE2_NO_UTF_CHECK,
				       m->md, m->mctx) < 0))
			continue;
		return (long)i;
	}
	return -1;
}
