/*
 * walk.c - depth-first walk over folders with an explicit stack (a deep
 * tree cannot overflow the C stack), folders read whole and sorted so the
 * order is the same on every run, and each folder closed before its
 * children are visited (no descriptor per level).
 *
 * What is skipped: the --exclude patterns first, then the .piiscanignore
 * files of the folders on the way, the deepest first, then the
 * --ignore-file patterns (git's order: the command line, nested files,
 * core.excludesFile). A folder's .piiscanignore lives in its frame, so
 * memory follows the depth of the walk, not the size of the tree.
 *
 * The tree is the local file system's, or one a source lists (a share,
 * struct pii_walk_fs): the same patterns, order, shards and rows apply.
 */
#include "pii_walk.h"

#include "pii_dict.h"
#include "pii_ignore.h"
#include "pii_limits.h"
#include "pii_log.h"
#include "pii_source.h"
#include "pii_stop.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

struct entry {
	char *name;         /* in its frame's names */
	unsigned char type; /* DT_* */
};

struct frame {
	char *path;
	dev_t dev;
	ino_t ino;
	struct entry *entries;
	char *names;        /* the entries' names, one block for the folder */
	size_t n, next;
	struct pii_ignore *ignore; /* its .piiscanignore, or NULL */
};

struct dirkey {
	dev_t dev;
	ino_t ino;
};

struct pii_walker {
	const struct pii_scan_ctx *ctx;
	struct pii_outbox outbox; /* rows for files not handed on */
	uint64_t next_id;
	dev_t root_dev;
	const char *root;         /* the path being walked, as given */
	atomic_uint_fast64_t *count; /* a counter: files counted, nothing sent */
	FILE *list;               /* a lister (--dry-run): paths printed here */
	atomic_uint_fast64_t listed; /* a lister's count */
	struct frame *stack;
	size_t depth, cap;
	/* Folders already walked, when following links (a link to a folder
	 * seen before would walk it twice). */
	struct dirkey *seen;
	size_t n_seen, cap_seen;
	struct pii_dict seen_index;
	/* A root of a source (a database, a share): what it names is hashed
	 * for the shard as the source says (a table's name). */
	const struct pii_source *source;
	const char *unit_key;
	const struct pii_walk_fs *fs; /* the tree being walked */
	char *path;               /* the entry being visited: folder, '/', name */
	size_t path_cap;
};

/* ---- the local file system --------------------------------------------------------- */

static int local_stat(void *ctx, const char *path, struct stat *st, bool follow)
{
	return pii_stat_path(path, st, follow);
}

static void *local_opendir(void *ctx, const char *path)
{
	int dfd = pii_open_path(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
	if (!d && dfd >= 0) {
		int e = errno;
		close(dfd);
		errno = e;
	}
	return d;
}

static const char *local_readdir(void *ctx, void *dir, unsigned char *type)
{
	struct dirent *e = readdir(dir);
	if (!e)
		return NULL;
	*type = e->d_type;
	return e->d_name;
}

static void local_closedir(void *ctx, void *dir)
{
	closedir(dir);
}

static bool local_read_ignore(void *ctx, struct pii_ignore *ig, const char *path, size_t max)
{
	return pii_ignore_add_file(ig, path, max);
}

static const struct pii_walk_fs local_fs = {
	.stat = local_stat,
	.opendir = local_opendir,
	.readdir = local_readdir,
	.closedir = local_closedir,
	.read_ignore = local_read_ignore,
};

struct pii_walker *pii_walker_new(const struct pii_scan_ctx *ctx)
{
	struct pii_walker *w = calloc(1, sizeof(*w));
	if (w) {
		w->ctx = ctx;
		pii_outbox_init(&w->outbox, pii_collector_mailbox(ctx->collector));
	}
	return w;
}

struct pii_walker *pii_walker_new_counter(const struct pii_scan_ctx *ctx,
					  atomic_uint_fast64_t *count)
{
	struct pii_walker *w = pii_walker_new(ctx);
	if (w)
		w->count = count;
	return w;
}

static void free_frame(struct frame *f)
{
	free(f->names);
	free(f->entries);
	free(f->path);
	pii_ignore_free(f->ignore);
}

static char *join(const char *dir, const char *name)
{
	size_t dl = strlen(dir), nl = strlen(name);
	bool slash = dl && dir[dl - 1] == '/';
	char *p = malloc(dl + nl + 2);
	if (!p)
		return NULL;
	memcpy(p, dir, dl);
	if (!slash)
		p[dl++] = '/';
	memcpy(p + dl, name, nl + 1);
	return p;
}

struct pii_walker *pii_walker_new_lister(const struct pii_scan_ctx *ctx, FILE *out)
{
	struct pii_walker *w = calloc(1, sizeof(*w));
	if (w) {
		w->ctx = ctx;
		w->list = out;
		w->count = &w->listed;
	}
	return w;
}

uint64_t pii_walker_listed(const struct pii_walker *w)
{
	return atomic_load(&w->listed);
}

void pii_walker_free(struct pii_walker *w)
{
	if (!w)
		return;
	pii_outbox_flush(&w->outbox);
	while (w->depth)
		free_frame(&w->stack[--w->depth]);
	free(w->stack);
	free(w->seen);
	pii_dict_free(&w->seen_index);
	free(w->path);
	free(w);
}

/* Whether path (below root, in the folders frames[0..n) on the way, each
 * with its ignore file) is skipped; track: note which of the options'
 * patterns matched. */
static bool skipped(const struct pii_options *opt, const char *root, const struct frame *frames,
		    size_t n, const char *path, bool is_dir, bool track)
{
	const char *rel = pii_ignore_rel(root, path);
	enum pii_ignore_verdict v = pii_ignore_match(opt->exclude_rules, rel, is_dir, track);
	/* tracked, the ignore files' patterns are tried even when --exclude
	 * decided: they matched too */
	enum pii_ignore_verdict last = track || v == PII_IGNORE_NONE
		? pii_ignore_match(opt->ignore_file_rules, rel, is_dir, track)
		: PII_IGNORE_NONE;
	for (size_t i = n; v == PII_IGNORE_NONE && i-- > 0;)
		if (frames[i].ignore)
			v = pii_ignore_match(frames[i].ignore, pii_ignore_rel(frames[i].path, path),
					     is_dir, false);
	return (v == PII_IGNORE_NONE ? last : v) == PII_IGNORE_EXCLUDE;
}

/* The .piiscanignore of folder dir, or NULL when it has none or it cannot
 * be read (said on stderr when loud). */
static struct pii_ignore *load_ignore(const struct pii_options *opt, const struct pii_walk_fs *fs,
				      const char *dir, bool loud)
{
	char *file = join(dir, PII_IGNORE_FILE_NAME);
	struct pii_ignore *ig = file ? pii_ignore_new(opt->ignore_case_paths) : NULL;
	if (ig && !fs->read_ignore(fs->ctx, ig, file, PII_IGNORE_FILE_MAX)) {
		if (loud && errno != ENOENT)
			pii_log(PII_LOG_WARNING, "ignore_file", NULL, "'%s' not read, not applied: %s",
				file,
				errno == EFBIG	? "larger than 1 MiB"
				: errno == ELOOP ? "a symbolic link (not followed)"
						 : strerror(errno));
		pii_ignore_free(ig);
		ig = NULL;
	}
	free(file);
	return ig;
}

bool pii_walk_reaches(const struct pii_options *opt, const char *root, const char *path)
{
	const char *rest = pii_ignore_rel(root, path);
	struct frame *frames = calloc(strlen(path) / 2 + 2, sizeof(*frames)); /* a folder a name */
	size_t n = 0;
	bool reaches = true;
	char *dir = frames ? strdup(root) : NULL;
	while (rest && dir) {
		frames[n++] = (struct frame){.path = dir, .ignore = load_ignore(opt, &local_fs, dir, false)};
		size_t len = strcspn(rest, "/");
		dir = strndup(path, (size_t)(rest + len - path));
		struct stat st;
		bool is_dir = dir && rest[len] == '/';
		if (dir && !is_dir)
			is_dir = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
		if (dir && skipped(opt, root, frames, n, dir, is_dir, false)) {
			reaches = false;
			break;
		}
		rest += len;
		while (*rest == '/')
			rest++;
		if (!*rest)
			break;
	}
	free(dir);
	for (size_t i = 0; i < n; i++)
		free_frame(&frames[i]);
	free(frames);
	return reaches;
}

static void warn_unmatched(const char *pattern, const char *source, void *arg)
{
	if (!strcmp(source, "--exclude"))
		pii_log(PII_LOG_WARNING, "pattern_unmatched", NULL,
			"--exclude '%s' matched nothing under the scanned paths", pattern);
	else
		pii_log(PII_LOG_WARNING, "pattern_unmatched", NULL,
			"--ignore-file %s: '%s' matched nothing under the scanned paths", source,
			pattern);
}

void pii_walk_warn_unmatched(const struct pii_options *opt)
{
	pii_ignore_unmatched(opt->exclude_rules, warn_unmatched, NULL);
	pii_ignore_unmatched(opt->ignore_file_rules, warn_unmatched, NULL);
}

unsigned pii_shard_of(const char *rel, unsigned n)
{
	return (unsigned)(pii_fnv1a(rel) % n) + 1;
}

/* --shard K/N: whether path is this shard's. What is hashed is the path
 * below the root given (the name, when the root is a file), so that
 * machines that mount the share in other places split it alike. */
static bool in_shard(const struct pii_walker *w, const char *path)
{
	unsigned n = w->ctx->opt->shard_n;
	if (!n)
		return true;
	if (w->source)
		return pii_shard_of(w->unit_key ? w->unit_key : path, n) == w->ctx->opt->shard_k;
	const char *rel = path;
	size_t rl = strlen(w->root);
	if (!strncmp(path, w->root, rl) && (path[rl] == '/' || path[rl] == '\0' ||
					    (rl && w->root[rl - 1] == '/'))) {
		rel = path + rl;
		if (!*rel) {
			const char *slash = strrchr(w->root, '/');
			rel = slash && slash[1] ? slash + 1 : w->root;
		}
	}
	while (*rel == '/')
		rel++;
	return pii_shard_of(rel, n) == w->ctx->opt->shard_k;
}

/* A row for the errors sheet about something not scanned. */
static void report(struct pii_walker *w, const char *path, enum pii_file_status st,
		   const char *code, const char *reason)
{
	if (w->list && st != PII_FILE_SKIPPED && in_shard(w, path)) {
		pii_log(PII_LOG_WARNING, code, NULL, "'%s' not read: %s", path, reason);
		return; /* a lister's problems are said on stderr */
	}
	if (w->count || !in_shard(w, path))
		return; /* a counter's, or another shard's row */
	struct pii_file_result *r = pii_file_result_new(w->next_id++, path);
	if (!r)
		return;
	pii_file_result_set(r, st, code, reason);
	pii_outbox_file(&w->outbox, r);
}

/* A symbolic link not followed is counted, not listed: a tree such as
 * /etc holds hundreds, and as Errors rows they buried the files that
 * could not be read. --list-symlinks lists them too. */
static void skip_symlink(struct pii_walker *w, const char *path)
{
	if (w->count || !in_shard(w, path))
		return; /* a counter's, or another shard's link */
	atomic_fetch_add(&w->ctx->counters->symlinks, 1);
	if (w->ctx->opt->list_symlinks)
		report(w, path, PII_FILE_SKIPPED, PII_CODE_SYMLINK,
		       "symbolic link, not followed (see --follow-symlinks)");
}

static enum pii_status push_job(struct pii_walker *w, const char *path)
{
	if (!in_shard(w, path))
		return PII_OK;
	if (w->list) {
		/* --max-filesize is the worker's, from the file it opened: a
		 * lister asks for the size only when there is a limit */
		struct stat st;
		uint64_t max = w->ctx->opt->max_filesize;
		if (max && !w->source && w->fs->stat(w->fs->ctx, path, &st, true) == 0 &&
		    (uint64_t)st.st_size > max)
			return PII_OK;
		fputs(path, w->list);
		putc('\n', w->list);
	}
	if (w->count) {
		atomic_fetch_add(w->count, 1);
		return PII_OK;
	}
	struct pii_job *job = malloc(sizeof(*job));
	if (!job || !(job->path = strdup(path))) {
		free(job);
		return PII_EFATAL;
	}
	job->id = w->next_id++;
	atomic_fetch_add(&w->ctx->counters->files_found, 1);
	pii_sched_push_file(w->ctx->sched, job);
	return PII_OK;
}

static uint64_t key_hash(dev_t dev, ino_t ino)
{
	uint64_t h = (uint64_t)dev * 0x9E3779B97F4A7C15ULL ^ (uint64_t)ino;
	return h ^ (h >> 29);
}

static uint64_t seen_hash(const void *owner, size_t i)
{
	const struct dirkey *k = &((const struct pii_walker *)owner)->seen[i];
	return key_hash(k->dev, k->ino);
}

static bool seen_matches(const void *owner, size_t i, const void *key)
{
	const struct dirkey *a = &((const struct pii_walker *)owner)->seen[i], *b = key;
	return a->dev == b->dev && a->ino == b->ino;
}

static const struct pii_dict_type seen_dict = {seen_hash, seen_matches};

/* Adds (dev, ino) to the folders seen; false when it was there already. */
static bool seen_add(struct pii_walker *w, dev_t dev, ino_t ino)
{
	struct dirkey key = {dev, ino};
	uint64_t h = key_hash(dev, ino);
	if (!w->seen_index.type)
		pii_dict_init(&w->seen_index, &seen_dict, w);
	if (pii_dict_find(&w->seen_index, h, &key) != PII_DICT_NONE)
		return false;
	if (w->n_seen == w->cap_seen) {
		size_t cap = w->cap_seen ? w->cap_seen * 2 : 64;
		struct dirkey *grown = realloc(w->seen, cap * sizeof(*grown));
		if (!grown)
			return true; /* out of memory: walk it rather than lose it */
		w->seen = grown;
		w->cap_seen = cap;
	}
	w->seen[w->n_seen] = key;
	if (pii_dict_add(&w->seen_index, h, w->n_seen))
		w->n_seen++;
	return true;
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

/* Reads a folder's entries into a new frame on the stack. */
static enum pii_status push_dir(struct pii_walker *w, const char *path,
				const struct stat *st)
{
	for (size_t i = 0; i < w->depth; i++)
		if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino) {
			report(w, path, PII_FILE_SKIPPED, PII_CODE_SYMLINK,
			       "folder loop: this folder contains itself through a link");
			return PII_OK;
		}
	if (w->ctx->opt->follow_symlinks && !seen_add(w, st->st_dev, st->st_ino)) {
		report(w, path, PII_FILE_SKIPPED, PII_CODE_SYMLINK,
		       "folder already scanned through another path (symbolic link)");
		return PII_OK;
	}
	const struct pii_walk_fs *fs = w->fs;
	void *d = fs->opendir(fs->ctx, path);
	if (!d) {
		char why[256];
		snprintf(why, sizeof(why), "cannot open folder: %s", strerror(errno));
		report(w, path, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, why);
		return PII_OK;
	}
	struct frame f = {.dev = st->st_dev, .ino = st->st_ino};
	size_t cap = 0, used = 0, room = 0;
	const char *name;
	unsigned char type;
	enum pii_status result = PII_OK;
	errno = 0;
	while ((name = fs->readdir(fs->ctx, d, &type))) {
		if (!strcmp(name, ".") || !strcmp(name, ".."))
			continue;
		if (f.n == cap) {
			cap = cap ? cap * 2 : 32;
			struct entry *grown = realloc(f.entries, cap * sizeof(*grown));
			if (!grown) {
				result = PII_EFATAL;
				break;
			}
			f.entries = grown;
		}
		/* the names in one block, at offsets until it stops growing */
		size_t len = strlen(name) + 1;
		if (used + len > room) {
			size_t r = room ? room * 2 : 4096;
			while (r < used + len)
				r *= 2;
			char *grown = realloc(f.names, r);
			if (!grown) {
				result = PII_EFATAL;
				break;
			}
			f.names = grown;
			room = r;
		}
		memcpy(f.names + used, name, len);
		f.entries[f.n].name = (char *)(uintptr_t)used;
		used += len;
		f.entries[f.n++].type = type;
		errno = 0;
	}
	if (result == PII_OK && errno) {
		char why[256];
		snprintf(why, sizeof(why), "folder read in part: %s", strerror(errno));
		report(w, path, PII_FILE_PARTIAL, PII_CODE_READ_ERROR, why);
	}
	fs->closedir(fs->ctx, d);
	for (size_t i = 0; i < f.n; i++)
		f.entries[i].name = f.names + (uintptr_t)f.entries[i].name;
	f.path = strdup(path);
	if (result != PII_OK || !f.path) {
		free_frame(&f);
		return PII_EFATAL;
	}
	if (f.n)
		qsort(f.entries, f.n, sizeof(*f.entries), cmp_entry);
	/* its ignore file, found in the list just read: no extra system call
	 * for the folders without one */
	struct entry key = {.name = (char *)PII_IGNORE_FILE_NAME};
	if (f.n && bsearch(&key, f.entries, f.n, sizeof(*f.entries), cmp_entry))
		f.ignore = load_ignore(w->ctx->opt, fs, path, !w->count);
	if (w->depth == w->cap) {
		size_t c = w->cap ? w->cap * 2 : 16;
		struct frame *grown = realloc(w->stack, c * sizeof(*grown));
		if (!grown) {
			free_frame(&f);
			return PII_EFATAL;
		}
		w->stack = grown;
		w->cap = c;
	}
	w->stack[w->depth++] = f;
	return PII_OK;
}

static const char *special_reason(unsigned char type)
{
	switch (type) {
	case DT_FIFO: return "FIFO, not read";
	case DT_SOCK: return "socket, not read";
	case DT_CHR: return "character device, not read";
	case DT_BLK: return "block device, not read";
	default: return "special file, not read";
	}
}

static unsigned char mode_type(mode_t m)
{
	if (S_ISREG(m)) return DT_REG;
	if (S_ISDIR(m)) return DT_DIR;
	if (S_ISLNK(m)) return DT_LNK;
	if (S_ISFIFO(m)) return DT_FIFO;
	if (S_ISSOCK(m)) return DT_SOCK;
	if (S_ISCHR(m)) return DT_CHR;
	if (S_ISBLK(m)) return DT_BLK;
	return DT_UNKNOWN;
}

/* Handles one path of type `type` (DT_UNKNOWN: find out). */
static enum pii_status visit(struct pii_walker *w, const char *path, unsigned char type)
{
	const struct pii_options *opt = w->ctx->opt;
	struct stat st;
	bool have_stat = false;
	if (type == DT_UNKNOWN || type == DT_DIR) {
		if (w->fs->stat(w->fs->ctx, path, &st, false) != 0) {
			report(w, path, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, strerror(errno));
			return PII_OK;
		}
		have_stat = true;
		type = mode_type(st.st_mode);
	}
	if (type == DT_LNK) {
		if (!opt->follow_symlinks) {
			skip_symlink(w, path);
			return PII_OK;
		}
		if (w->fs->stat(w->fs->ctx, path, &st, true) != 0) {
			char why[256];
			snprintf(why, sizeof(why), "%s: %s",
				 errno == ELOOP ? "symbolic link loop" : "broken symbolic link",
				 strerror(errno));
			report(w, path, PII_FILE_FAILED, PII_CODE_SYMLINK, why);
			return PII_OK;
		}
		have_stat = true;
		type = mode_type(st.st_mode);
	}
	switch (type) {
	case DT_REG:
		return push_job(w, path);
	case DT_DIR:
		if (!have_stat && w->fs->stat(w->fs->ctx, path, &st, true) != 0) {
			report(w, path, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, strerror(errno));
			return PII_OK;
		}
		if (opt->one_file_system && st.st_dev != w->root_dev) {
			report(w, path, PII_FILE_SKIPPED, PII_CODE_EXCLUDED,
			       "on another file system (--one-file-system)");
			return PII_OK;
		}
		return push_dir(w, path, &st);
	default:
		report(w, path, PII_FILE_SKIPPED, PII_CODE_SPECIAL_FILE, special_reason(type));
		return PII_OK;
	}
}

/* Whether an entry of type type is a folder, for "dir/" patterns: a
 * link is one when it is followed to a folder. */
static bool is_dir(const struct pii_walker *w, const char *path, unsigned char type)
{
	bool follow = type == DT_LNK && w->ctx->opt->follow_symlinks;
	struct stat st;
	if (type != DT_UNKNOWN && !follow)
		return type == DT_DIR;
	return w->fs->stat(w->fs->ctx, path, &st, follow) == 0 && S_ISDIR(st.st_mode);
}

/* ---- a source's walk (pii_source.h): what it hands its units to ----------------- */

static enum pii_status source_unit(void *walker, const char *path, const char *shard_key)
{
	struct pii_walker *w = walker;
	w->unit_key = shard_key;
	enum pii_status st = push_job(w, path);
	w->unit_key = NULL;
	return st;
}

static void source_problem(void *walker, const char *path, enum pii_file_status st,
			   const char *code, const char *reason)
{
	report(walker, path, st, code, reason);
}

/* Walks the tree of fs from root. */
static enum pii_status walk_tree(struct pii_walker *w, const char *root,
				 const struct pii_walk_fs *fs)
{
	struct stat st;
	w->root = root;
	w->fs = fs;
	/* Paths given on the command line are followed, links or not. */
	if (fs->stat(fs->ctx, root, &st, true) != 0) {
		report(w, root, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, strerror(errno));
		return PII_OK;
	}
	w->root_dev = st.st_dev;
	enum pii_status result;
	if (S_ISDIR(st.st_mode))
		result = push_dir(w, root, &st);
	else if (S_ISREG(st.st_mode))
		return push_job(w, root);
	else {
		report(w, root, PII_FILE_SKIPPED, PII_CODE_SPECIAL_FILE, special_reason(mode_type(st.st_mode)));
		return PII_OK;
	}
	/* Interrupted: no more files are queued; the stack is freed later. */
	while (result == PII_OK && w->depth && !pii_stop_requested()) {
		struct frame *f = &w->stack[w->depth - 1];
		if (f->next == f->n) {
			free_frame(f);
			w->depth--;
			continue;
		}
		struct entry *e = &f->entries[f->next++];
		/* the path in the walker's buffer: nothing allocated per entry
		 * (what keeps it, a job or a frame, copies it) */
		size_t dl = strlen(f->path), nl = strlen(e->name);
		bool slash = dl && f->path[dl - 1] == '/';
		if (dl + nl + 2 > w->path_cap) {
			size_t c = w->path_cap ? w->path_cap : 256;
			while (c < dl + nl + 2)
				c *= 2;
			char *grown = realloc(w->path, c);
			if (!grown)
				return PII_EFATAL;
			w->path = grown;
			w->path_cap = c;
		}
		char *path = w->path;
		memcpy(path, f->path, dl);
		if (!slash)
			path[dl++] = '/';
		memcpy(path + dl, e->name, nl + 1);
		if (!skipped(w->ctx->opt, w->root, w->stack, w->depth, path, is_dir(w, path, e->type),
			     true))
			result = visit(w, path, e->type);
	}
	return result;
}

static enum pii_status source_tree(void *walker, const char *root, const struct pii_walk_fs *fs)
{
	struct pii_walker *w = walker;
	/* a file of the tree is sharded by its path below root, as a local
	 * file is: the same share splits alike from every machine */
	const struct pii_source *source = w->source;
	const char *given = w->root;
	w->source = NULL;
	enum pii_status result = walk_tree(w, root, fs);
	while (w->depth)
		free_frame(&w->stack[--w->depth]);
	w->source = source;
	w->root = given;
	w->fs = &local_fs;
	return result;
}

enum pii_status pii_walk(struct pii_walker *w, const char *root)
{
	w->root = root;
	if ((w->source = pii_source_of(root))) {
		struct pii_source_walk sw = {
			.walker = w, .opt = w->ctx->opt, .counting = w->count != NULL,
			.unit = source_unit, .problem = source_problem, .tree = source_tree,
		};
		enum pii_status result = w->source->walk(&sw, root);
		w->source = NULL;
		return result;
	}
	return walk_tree(w, root, &local_fs);
}
