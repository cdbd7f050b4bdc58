/*
 * writers.c - the registry of output formats, made from writers.def.
 */
#include "pii_writer.h"

#include <string.h>
#include <strings.h>

static const struct pii_writer *const writers[] = {
#define PII_WRITER(name) &pii_writer_##name,
#include "report/writers.def"
#undef PII_WRITER
};

#define N_WRITERS (sizeof(writers) / sizeof(writers[0]))

const struct pii_writer *pii_writer_named(const char *name)
{
	for (size_t i = 0; i < N_WRITERS; i++) {
		if (!strcasecmp(writers[i]->name, name))
			return writers[i];
		for (const char *const *e = writers[i]->extensions; *e; e++)
			if (!strcasecmp(*e, name))
				return writers[i];
	}
	return NULL;
}

const struct pii_writer *pii_writer_for_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');
	return dot ? pii_writer_named(dot + 1) : NULL;
}

const char *pii_writer_names(void)
{
	static char names[128];
	if (!names[0])
		for (size_t i = 0; i < N_WRITERS; i++) {
			size_t used = strlen(names);
			snprintf(names + used, sizeof(names) - used, "%s%s", i ? ", " : "",
				 writers[i]->name);
		}
	return names;
}
