/*
 * source.c - the registry of sources, made from sources.def (URLs and
 * secrets, which they share, are url.c's).
 */
#include "pii_source.h"

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
