/*
 * roots.c - the roots a source has prepared (databases, shares), kept in
 * one table shape for all sources: found by the URL given or by a job
 * path, and freed at the end of the run (pii_source.h).
 */
#include "pii_source.h"

#include <stdlib.h>
#include <string.h>

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

void pii_source_root_discard(void *root, void (*free_root)(void *root))
{
	struct pii_source_root *r = root;
	if (free_root)
		free_root(r);
	free(r->given);
	free(r->display);
}

void pii_source_roots_free(struct pii_source_roots *roots, void (*free_root)(void *root))
{
	for (size_t i = 0; i < roots->n; i++)
		pii_source_root_discard(root_at(roots, i), free_root);
	free(roots->v);
	roots->v = NULL;
	roots->n = 0;
}
