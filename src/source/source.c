/*
 * source.c - the registry of sources, made from sources.def (URLs and
 * secrets, which they share, are url.c's).
 */
#include "pii_source.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pii_have.h"

#define PII_SOURCE(name, have, what) PII_IF(have, extern const struct pii_source pii_source_##name;)
#include "source/sources.def"
#undef PII_SOURCE

static const struct pii_source *const sources[] = {
#define PII_SOURCE(name, have, what) PII_IF(have, &pii_source_##name,)
#include "source/sources.def"
#undef PII_SOURCE
	NULL,
};

const struct pii_source *pii_source_of(const char *path)
{
	size_t n = pii_url_scheme_len(path);
	if (!n)
		return NULL;
	for (size_t i = 0; sources[i]; i++)
		for (const char *s = sources[i]->schemes; *s;) {
			size_t len = strcspn(s, " ");
			if (len == n && !strncasecmp(s, path, n))
				return sources[i];
			s += len;
			s += *s == ' ';
		}
	return NULL;
}

static struct pii_source_root *root_at(const struct pii_source_roots *roots, size_t i)
{
	return (struct pii_source_root *)((char *)roots->v + i * roots->size);
}

const void *pii_source_root_given(const struct pii_source_roots *roots, const char *given)
{
	for (size_t i = 0; i < roots->n; i++)
		if (!strcmp(root_at(roots, i)->given, given))
			return root_at(roots, i);
	return NULL;
}

const void *pii_source_root_of(const struct pii_source_roots *roots, const char *path, char sep)
{
	const struct pii_source_root *best = NULL;
	size_t best_len = 0;
	for (size_t i = 0; i < roots->n; i++) {
		const struct pii_source_root *r = root_at(roots, i);
		size_t len = strlen(r->display);
		if (!strncmp(r->display, path, len) && (path[len] == sep || !path[len]) &&
		    (!best || len > best_len)) {
			best = r;
			best_len = len;
		}
	}
	return best;
}

bool pii_source_root_add(struct pii_source_roots *roots, const void *root)
{
	void *grown = realloc(roots->v, (roots->n + 1) * roots->size);
	if (!grown)
		return false;
	roots->v = grown;
	memcpy(root_at(roots, roots->n++), root, roots->size);
	return true;
}

void pii_source_roots_free(struct pii_source_roots *roots, void (*free_root)(void *root))
{
	for (size_t i = 0; i < roots->n; i++) {
		struct pii_source_root *r = root_at(roots, i);
		if (free_root)
			free_root(r);
		free(r->given);
		free(r->display);
	}
	free(roots->v);
	roots->v = NULL;
	roots->n = 0;
}

void pii_sources_thread_end(void)
{
	for (size_t i = 0; sources[i]; i++)
		if (sources[i]->thread_end)
			sources[i]->thread_end();
}

void pii_sources_fini(void)
{
	for (size_t i = 0; sources[i]; i++)
		if (sources[i]->fini)
			sources[i]->fini();
}

void pii_sources_describe(FILE *f)
{
#define PII_SOURCE(name, have, what) PII_IF(have, fprintf(f, "  %-8s %s\n", #name, what);)
#include "source/sources.def"
#undef PII_SOURCE
#define PII_SOURCE(name, have, what) \
	PII_IFNOT(have, fprintf(f, "  %-8s %s: left out of this build\n", #name, what);)
#include "source/sources.def"
#undef PII_SOURCE
}
