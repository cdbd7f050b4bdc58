/*
 * roots.c - the paths given to scan, each file scanned once (see
 * pii_roots.h).
 */
#include "pii_roots.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pii_log.h"
#include "pii_url.h"
#include "pii_util.h"
#include "pii_walk.h"

struct root {
	bool ok;       /* stat worked */
	dev_t dev;
	ino_t ino;
	char *real;    /* realpath, or NULL */
};

static bool same(const struct root *a, dev_t dev, ino_t ino)
{
	return a->ok && a->dev == dev && a->ino == ino;
}

/* Would the walk of outer (its real path real_outer, given as given)
 * reach inner's real path real_inner below it? Not when a folder on the
 * way is skipped (--exclude, ignore files). */
static bool walk_reaches(const struct pii_options *opt, const char *given, size_t real_outer_len,
			 const char *real_inner)
{
	/* inner as the walk of outer would spell it */
	struct pii_buf walked = {0};
	bool ok = pii_buf_puts(&walked, given);
	const char *rest = real_inner + real_outer_len;
	while (*rest == '/')
		rest++;
	if (*rest && walked.len && walked.data[walked.len - 1] != '/')
		ok = ok && pii_buf_putc(&walked, '/');
	ok = ok && pii_buf_puts(&walked, rest);
	bool reaches = ok && pii_walk_reaches(opt, given, pii_buf_cstr(&walked));
	pii_buf_free(&walked);
	return reaches;
}

/* The root i lies inside (index returned), or n. */
static size_t outer_root(const struct pii_options *opt, const struct root *r, size_t n, size_t i)
{
	if (!r[i].real)
		return n;
	char *up = strdup(r[i].real);
	bool one_device = true; /* every folder from i up to here on i's device */
	size_t found = n;
	while (up && found == n) {
		char *slash = strrchr(up, '/');
		if (!slash)
			break;
		if (slash == up) {
			if (!up[1])
				break; /* "/" done */
			slash[1] = '\0';
		} else {
			*slash = '\0';
		}
		struct stat st;
		if (stat(up, &st) != 0)
			break;
		one_device = one_device && st.st_dev == r[i].dev;
		for (size_t j = 0; j < n && found == n; j++)
			if (j != i && same(&r[j], st.st_dev, st.st_ino) &&
			    !same(&r[i], r[j].dev, r[j].ino) &&
			    (!opt->one_file_system || one_device) &&
			    walk_reaches(opt, opt->paths[j], strlen(up) > 1 ? strlen(up) : 0, r[i].real))
				found = j;
	}
	free(up);
	return found;
}

size_t pii_roots_dedupe(struct pii_options *opt)
{
	size_t n = opt->n_paths;
	struct root *r = calloc(n ? n : 1, sizeof(*r));
	bool *drop = calloc(n ? n : 1, sizeof(*drop));
	size_t dropped = 0;
	if (!r || !drop)
		goto out;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (stat(opt->paths[i], &st) != 0)
			continue;
		r[i] = (struct root){.ok = true, .dev = st.st_dev, .ino = st.st_ino,
				     .real = realpath(opt->paths[i], NULL)};
	}
	for (size_t i = 0; i < n; i++) {
		/* a URL (a database, a share) given twice, as written */
		for (size_t j = 0; j < i && !drop[i] && pii_is_url(opt->paths[i]); j++)
			if (!drop[j] && !strcmp(opt->paths[i], opt->paths[j])) {
				drop[i] = true;
				dropped++;
				pii_log(PII_LOG_WARNING, "path_overlap", NULL,
					"'%s' is given twice: scanning it once", opt->paths[i]);
			}
		if (!r[i].ok)
			continue;
		size_t twice = n;
		for (size_t j = 0; j < i && twice == n; j++)
			if (!drop[j] && same(&r[j], r[i].dev, r[i].ino))
				twice = j;
		size_t outer = twice < n ? twice : outer_root(opt, r, n, i);
		if (outer == n)
			continue;
		drop[i] = true;
		dropped++;
		pii_log(PII_LOG_WARNING, "path_overlap", NULL,
			"'%s' is %s '%s': scanning its files once", opt->paths[i],
			twice < n ? "the same as" : "inside", opt->paths[outer]);
	}
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (!drop[i])
			opt->paths[kept++] = opt->paths[i];
	opt->n_paths = kept;
out:
	for (size_t i = 0; r && i < n; i++)
		free(r[i].real);
	free(r);
	free(drop);
	return dropped;
}
