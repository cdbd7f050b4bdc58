/*
 * ignore.c - gitignore patterns (see pii_ignore.h). A pattern with a '/'
 * before its end is split at '/' into segments, each matched with
 * fnmatch(3) against one name of the path, "**" segments by hand: zero or
 * more names, or one or more when last (a trailing "**" is what is inside
 * a folder, not the folder, as git). A pattern without a '/' is matched
 * against the last name, at any depth.
 */
#include "pii_ignore.h"

#include "pii_util.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

struct rule {
	char *text;     /* as written, trailing spaces trimmed: for warnings */
	char *source;   /* "--exclude", "FILE:LINE" */
	char *pattern;  /* without '!', leading and trailing '/'; segments NUL-split */
	char **seg;     /* anchored: the segments, into pattern */
	size_t n_seg;   /* 0: not anchored, matched against the last name */
	bool negate, dir_only;
	atomic_bool matched;
};

struct pii_ignore {
	struct rule *rules;
	size_t n, cap;
	int fnm_flags;
};

struct pii_ignore *pii_ignore_new(bool casefold)
{
	struct pii_ignore *ig = calloc(1, sizeof(*ig));
	if (ig)
		ig->fnm_flags = FNM_PATHNAME | (casefold ? FNM_CASEFOLD : 0);
	return ig;
}

static void free_rule(struct rule *r)
{
	free(r->text);
	free(r->source);
	free(r->pattern);
	free(r->seg);
}

void pii_ignore_free(struct pii_ignore *ig)
{
	if (!ig)
		return;
	for (size_t i = 0; i < ig->n; i++)
		free_rule(&ig->rules[i]);
	free(ig->rules);
	free(ig);
}

size_t pii_ignore_count(const struct pii_ignore *ig)
{
	return ig ? ig->n : 0;
}

/* git's trim_trailing_spaces: spaces at the end go, but for one escaped
 * with a backslash. */
static void trim_trailing_spaces(char *s)
{
	char *last_space = NULL;
	for (char *p = s; *p; p++) {
		if (*p == ' ') {
			if (!last_space)
				last_space = p;
			continue;
		}
		if (*p == '\\' && !*++p)
			return;
		last_space = NULL;
	}
	if (last_space)
		*last_space = '\0';
}

/* Splits r->pattern at '/' into r->seg. */
static bool split(struct rule *r)
{
	size_t n = 1;
	for (const char *p = r->pattern; *p; p++)
		n += *p == '/';
	r->seg = malloc(n * sizeof(*r->seg));
	if (!r->seg)
		return false;
	char *p = r->pattern;
	for (;;) {
		r->seg[r->n_seg++] = p;
		char *slash = strchr(p, '/');
		if (!slash)
			break;
		*slash = '\0';
		p = slash + 1;
	}
	return true;
}

int pii_ignore_add(struct pii_ignore *ig, const char *line, const char *source)
{
	if (!*line || *line == '#')
		return 0;
	struct rule r = {.text = strdup(line), .source = strdup(source)};
	if (!r.text || !r.source)
		goto oom;
	trim_trailing_spaces(r.text);
	const char *p = r.text;
	if (*p == '!') {
		r.negate = true;
		p++;
	}
	size_t len = strlen(p);
	if (len && p[len - 1] == '/') {
		r.dir_only = true;
		len--;
	}
	/* a '/' at the start or in the middle anchors it to the list's folder */
	bool anchored = memchr(p, '/', len) != NULL;
	if (*p == '/') {
		p++;
		len--;
	}
	if (!len) {
		free_rule(&r);
		return 0; /* blank, or "/", "!": nothing to match */
	}
	if (!(r.pattern = strndup(p, len)) || (anchored && !split(&r)))
		goto oom;
	if (ig->n == ig->cap) {
		size_t cap = ig->cap ? ig->cap * 2 : 16;
		struct rule *grown = realloc(ig->rules, cap * sizeof(*grown));
		if (!grown)
			goto oom;
		ig->rules = grown;
		ig->cap = cap;
	}
	ig->rules[ig->n++] = r;
	return 1;
oom:
	free_rule(&r);
	return -1;
}

bool pii_ignore_add_text(struct pii_ignore *ig, const char *text, size_t len, const char *file)
{
	char *copy = malloc(len + 1), *src = malloc(strlen(file) + 24);
	bool ok = copy && src;
	if (ok)
		memcpy(copy, text, len), copy[len] = '\0';
	unsigned lineno = 0;
	for (char *line = copy; ok && line && line <= copy + len;) {
		char *nl = memchr(line, '\n', (size_t)(copy + len - line));
		if (nl)
			*nl = '\0';
		size_t ll = strlen(line); /* a NUL byte ends the line early */
		if (ll && line[ll - 1] == '\r')
			line[ll - 1] = '\0'; /* as git: files made on Windows */
		sprintf(src, "%s:%u", file, ++lineno);
		ok = pii_ignore_add(ig, line, src) >= 0;
		line = nl ? nl + 1 : NULL;
	}
	free(copy);
	free(src);
	return ok;
}

bool pii_ignore_add_file(struct pii_ignore *ig, const char *path, size_t max)
{
	int fd = pii_open_path(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat st;
	char *buf = NULL;
	bool ok = false;
	if (fstat(fd, &st) != 0)
		goto out;
	if (!S_ISREG(st.st_mode)) {
		errno = EISDIR;
		goto out;
	}
	if ((uint64_t)st.st_size > max) {
		errno = EFBIG;
		goto out;
	}
	size_t len = 0, cap = (size_t)st.st_size + 1;
	if (!(buf = malloc(cap)))
		goto out;
	for (;;) {
		ssize_t got = read(fd, buf + len, cap - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			goto out;
		if (got == 0)
			break;
		len += (size_t)got;
		if (len == cap) { /* grown since fstat */
			errno = EFBIG;
			goto out;
		}
	}
	ok = pii_ignore_add_text(ig, buf, len, path);
	if (!ok)
		errno = ENOMEM;
out:
	free(buf);
	int saved = errno;
	close(fd);
	errno = saved;
	return ok;
}

/* One pattern segment against one name, name[0..len) (not NUL-ended). */
static bool name_matches(const char *pat, const char *name, size_t len, int flags)
{
	char small[256];
	char *n = len < sizeof(small) ? small : malloc(len + 1);
	if (!n)
		return false;
	memcpy(n, name, len);
	n[len] = '\0';
	bool m = fnmatch(pat, n, flags) == 0;
	if (n != small)
		free(n);
	return m;
}

/* Segments i.. of r against the names of path. */
static bool segs_match(const struct rule *r, size_t i, const char *path, int flags)
{
	for (;; i++) {
		if (i == r->n_seg)
			return !*path;
		if (!strcmp(r->seg[i], "**")) {
			if (i + 1 == r->n_seg)
				return *path != '\0'; /* a trailing one: what is inside, not the folder */
			for (;;) { /* zero or more names */
				if (segs_match(r, i + 1, path, flags))
					return true;
				const char *slash = strchr(path, '/');
				if (!slash)
					return false;
				path = slash + 1;
			}
		}
		if (!*path)
			return false;
		size_t len = strcspn(path, "/");
		if (!name_matches(r->seg[i], path, len, flags))
			return false;
		path += len + (path[len] == '/');
	}
}

static bool rule_matches(const struct rule *r, const char *rel, const char *name, bool is_dir,
			 int flags)
{
	if (r->dir_only && !is_dir)
		return false;
	if (r->n_seg)
		return segs_match(r, 0, rel, flags);
	return fnmatch(r->pattern, name, flags) == 0;
}

enum pii_ignore_verdict pii_ignore_match(struct pii_ignore *ig, const char *rel, bool is_dir,
					 bool track)
{
	if (!ig || !rel)
		return PII_IGNORE_NONE;
	const char *slash = strrchr(rel, '/');
	const char *name = slash ? slash + 1 : rel;
	enum pii_ignore_verdict v = PII_IGNORE_NONE;
	/* the last matching pattern decides; when tracking, the earlier ones
	 * not yet seen to match are tried too, so that a pattern another
	 * overrides is not called one that matches nothing */
	for (size_t k = ig->n; k-- > 0;) {
		struct rule *r = &ig->rules[k];
		bool seen = track && atomic_load_explicit(&r->matched, memory_order_relaxed);
		if (v != PII_IGNORE_NONE && (!track || seen))
			continue;
		if (!rule_matches(r, rel, name, is_dir, ig->fnm_flags))
			continue;
		if (track && !seen)
			atomic_store_explicit(&r->matched, true, memory_order_relaxed);
		if (v == PII_IGNORE_NONE) {
			v = r->negate ? PII_IGNORE_INCLUDE : PII_IGNORE_EXCLUDE;
			if (!track)
				break;
		}
	}
	return v;
}

void pii_ignore_unmatched(const struct pii_ignore *ig,
			  void (*fn)(const char *pattern, const char *source, void *arg),
			  void *arg)
{
	for (size_t k = 0; ig && k < ig->n; k++)
		if (!atomic_load_explicit(&ig->rules[k].matched, memory_order_relaxed))
			fn(ig->rules[k].text, ig->rules[k].source, arg);
}

const char *pii_ignore_rel(const char *base, const char *path)
{
	size_t bl = strlen(base);
	if (strncmp(path, base, bl))
		return NULL;
	if (bl && base[bl - 1] == '/')
		return path[bl] ? path + bl : NULL;
	return path[bl] == '/' && path[bl + 1] ? path + bl + 1 : NULL;
}
