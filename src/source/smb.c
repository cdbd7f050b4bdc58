/*
 * smb.c - Windows shares read without mounting them, through
 * libsmbclient: smb://SERVER[:PORT]/SHARE[/PATH]. Every file of the share
 * is a unit of work ("smb://fs1/data/hr/list.xlsx"), listed by the
 * walker as a local folder is (walk.c's struct pii_walk_fs: the same
 * --exclude, ignore files, order and shards) and read by a worker as a
 * stream, never copied to disk.
 *
 * Reading never writes: files are opened O_RDONLY, allowing others to
 * read, write and delete them meanwhile (deny none). SMB2 and SMB3 only;
 * signing and encryption as the server asks.
 *
 * libsmbclient contexts are not thread-safe: each worker thread has its
 * own (a __thread cache, freed in thread_end), each walk its own. Nor is
 * the library itself as Debian builds it (no smbc_thread_posix: one
 * talloc stack for the process), so every call into it is made under one
 * lock; a worker's extraction runs outside it, in parallel.
 *
 * Credentials are never on the command line: --smb-auth-file (mount.cifs'
 * format: username=, password=, domain= lines), else Kerberos (a ticket
 * from kinit) falling back to a guest logon. A user name in the URL
 * (smb://DOM;user@fs1/data) is allowed and never shown in a job path.
 */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <libsmbclient.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pii_ignore.h"
#include "pii_source.h"
#include "pii_util.h"

/* How long one request to the server may take, in ms: a server gone
 * quiet fails the file rather than hold its worker. */
#define SMB_TIMEOUT_MS 30000

#define LOCKED_REASON "locked by another user (open in another program?)"

/* A share given to scan, from prepare to the end of the run. */
struct smb_root {
	struct pii_source_root base; /* display: smb://host[:port]/share[/path] */
	size_t host_len; /* of "smb://host[:port]" in display */
	char *user, *domain, *password; /* NULL: Kerberos or guest */
};

static struct pii_source_roots roots = {.size = sizeof(struct smb_root)};

/* A worker's context, kept for the next file of the same share. */
static __thread SMBCCTX *thread_ctx;
static __thread const struct smb_root *thread_ctx_root;

/* Held around every call into libsmbclient. */
static pthread_mutex_t lib_lock = PTHREAD_MUTEX_INITIALIZER;

/* libsmbclient, loaded with dlopen at the first smb:// path: linked in,
 * its hundred Samba libraries added some 20 ms to the start of every run,
 * shares or not. */
#define SMB_FUNCTIONS(X) \
	X(smbc_free_context) \
	X(smbc_getFunctionClose) \
	X(smbc_getFunctionClosedir) \
	X(smbc_getFunctionGetxattr) \
	X(smbc_getFunctionOpen) \
	X(smbc_getFunctionOpendir) \
	X(smbc_getFunctionRead) \
	X(smbc_getFunctionReaddir) \
	X(smbc_getFunctionStat) \
	X(smbc_getOptionUserData) \
	X(smbc_init_context) \
	X(smbc_new_context) \
	X(smbc_setDebug) \
	X(smbc_setFunctionAuthDataWithContext) \
	X(smbc_setOptionFallbackAfterKerberos) \
	X(smbc_setOptionNoAutoAnonymousLogin) \
	X(smbc_setOptionOpenShareMode) \
	X(smbc_setOptionProtocols) \
	X(smbc_setOptionUseCCache) \
	X(smbc_setOptionUseKerberos) \
	X(smbc_setOptionUserData) \
	X(smbc_setTimeout)

static struct {
#define SMB_POINTER(f) __typeof__(f) *f;
	SMB_FUNCTIONS(SMB_POINTER)
#undef SMB_POINTER
} lib;

/* Loads the library once (prepare runs on the main thread); false with
 * the reason in err. */
static bool load_library(char *err, size_t errlen)
{
	static void *handle;
	if (handle)
		return true;
	static const char *const names[] = {"libsmbclient.so.0", "libsmbclient.so", NULL};
	for (const char *const *n = names; *n && !handle; n++)
		handle = dlopen(*n, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		snprintf(err, errlen, "smb:// needs libsmbclient (Debian: libsmbclient): %s",
			 dlerror());
		return false;
	}
#define SMB_LOAD(f)                                                                       \
	if (!(*(void **)&lib.f = dlsym(handle, #f))) {                                    \
		snprintf(err, errlen, "libsmbclient has no %s: too old?", #f);            \
		dlclose(handle);                                                          \
		handle = NULL;                                                            \
		return false;                                                             \
	}
	SMB_FUNCTIONS(SMB_LOAD)
#undef SMB_LOAD
	return true;
}

/* ---- contexts -------------------------------------------------------------------------- */

static void auth(SMBCCTX *c, const char *server, const char *share, char *workgroup,
		 int wglen, char *user, int userlen, char *password, int pwlen)
{
	const struct smb_root *r = lib.smbc_getOptionUserData(c);
	if (!r)
		return;
	if (r->domain)
		snprintf(workgroup, (size_t)wglen, "%s", r->domain);
	if (r->user)
		snprintf(user, (size_t)userlen, "%s", r->user);
	if (r->password)
		snprintf(password, (size_t)pwlen, "%s", r->password);
}

/* A new context for root's share; NULL with errno. */
static SMBCCTX *new_context_locked(const struct smb_root *r)
{
	SMBCCTX *c = lib.smbc_new_context();
	if (!c)
		return NULL;
	lib.smbc_setDebug(c, 0);
	lib.smbc_setOptionUserData(c, (void *)r);
	lib.smbc_setFunctionAuthDataWithContext(c, auth);
	lib.smbc_setTimeout(c, SMB_TIMEOUT_MS);
	lib.smbc_setOptionProtocols(c, "SMB2_02", "SMB3");
	lib.smbc_setOptionOpenShareMode(c, SMBC_SHAREMODE_DENY_NONE);
	if (r->password) {
		/* the account given, or nothing: never a guest logon instead */
		lib.smbc_setOptionNoAutoAnonymousLogin(c, 1);
	} else {
		lib.smbc_setOptionUseKerberos(c, 1);
		lib.smbc_setOptionFallbackAfterKerberos(c, 1);
		lib.smbc_setOptionUseCCache(c, 1);
	}
	if (!lib.smbc_init_context(c)) {
		int e = errno;
		lib.smbc_free_context(c, 1);
		errno = e;
		return NULL;
	}
	return c;
}

static SMBCCTX *new_context(const struct smb_root *r)
{
	pthread_mutex_lock(&lib_lock);
	SMBCCTX *c = new_context_locked(r);
	int e = errno;
	pthread_mutex_unlock(&lib_lock);
	errno = e;
	return c;
}

static void free_context(SMBCCTX *c)
{
	pthread_mutex_lock(&lib_lock);
	lib.smbc_free_context(c, 1);
	pthread_mutex_unlock(&lib_lock);
}

/* The calls into the library, each under the lock; errno as it set it. */
#define LIB_CALL(type, expr)                      \
	do {                                      \
		pthread_mutex_lock(&lib_lock);    \
		type result_ = (expr);            \
		int errno_ = errno;               \
		pthread_mutex_unlock(&lib_lock);  \
		errno = errno_;                   \
		return result_;                   \
	} while (0)

static int lib_stat_url(SMBCCTX *c, const char *url, struct stat *st)
{
	LIB_CALL(int, lib.smbc_getFunctionStat(c)(c, url, st));
}

static SMBCFILE *lib_open(SMBCCTX *c, const char *url)
{
	LIB_CALL(SMBCFILE *, lib.smbc_getFunctionOpen(c)(c, url, O_RDONLY, 0));
}

static ssize_t lib_read(SMBCCTX *c, SMBCFILE *f, void *buf, size_t n)
{
	LIB_CALL(ssize_t, lib.smbc_getFunctionRead(c)(c, f, buf, n));
}

static int lib_close(SMBCCTX *c, SMBCFILE *f)
{
	LIB_CALL(int, lib.smbc_getFunctionClose(c)(c, f));
}

static SMBCFILE *lib_opendir(SMBCCTX *c, const char *url)
{
	LIB_CALL(SMBCFILE *, lib.smbc_getFunctionOpendir(c)(c, url));
}

static struct smbc_dirent *lib_readdir(SMBCCTX *c, SMBCFILE *d)
{
	LIB_CALL(struct smbc_dirent *, lib.smbc_getFunctionReaddir(c)(c, d));
}

static int lib_closedir(SMBCCTX *c, SMBCFILE *d)
{
	LIB_CALL(int, lib.smbc_getFunctionClosedir(c)(c, d));
}

static int lib_getxattr(SMBCCTX *c, const char *url, const char *name, char *buf, size_t n)
{
	LIB_CALL(int, lib.smbc_getFunctionGetxattr(c)(c, url, name, buf, n));
}

static SMBCCTX *thread_context(const struct smb_root *r)
{
	if (thread_ctx && thread_ctx_root != r) {
		free_context(thread_ctx);
		thread_ctx = NULL;
	}
	if (!thread_ctx) {
		thread_ctx = new_context(r);
		thread_ctx_root = r;
	}
	return thread_ctx;
}

/* ---- paths ------------------------------------------------------------------------------ */

/* libsmbclient's URL of a path of root (display spelling): the names
 * percent-encoded, as it decodes them ('%', '?', '#' in a name). */
static char *lib_url(const struct smb_root *r, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *rest = path + r->host_len;
	size_t n = strlen(rest);
	char *url = malloc(r->host_len + 3 * n + 1);
	if (!url)
		return NULL;
	memcpy(url, path, r->host_len);
	char *o = url + r->host_len;
	for (const unsigned char *p = (const unsigned char *)rest; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~", *p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return url;
}

static int lib_stat(SMBCCTX *c, const struct smb_root *r, const char *path, struct stat *st)
{
	char *url = lib_url(r, path);
	if (!url) {
		errno = ENOMEM;
		return -1;
	}
	int rc = lib_stat_url(c, url, st);
	int e = errno;
	free(url);
	errno = e;
	return rc;
}

/* ---- credentials --------------------------------------------------------------------- */

static bool set_secret(char **field, const char *value, char *err, size_t errlen)
{
	pii_secret_free(*field);
	if (!(*field = strdup(value)))
		snprintf(err, errlen, "out of memory");
	return *field != NULL;
}

/* "DOM\user", "DOM/user", "DOM;user" into domain and user. */
static bool set_user(struct smb_root *r, const char *value, char *err, size_t errlen)
{
	size_t sep = strcspn(value, "\\/;");
	if (!value[sep])
		return set_secret(&r->user, value, err, errlen);
	char *dom = strndup(value, sep);
	bool ok = dom && set_secret(&r->domain, dom, err, errlen) &&
		  set_secret(&r->user, value + sep + 1, err, errlen);
	free(dom);
	if (!dom)
		snprintf(err, errlen, "out of memory");
	return ok;
}

/* --smb-auth-file: mount.cifs' credentials file (username=, password=,
 * domain=; user, pass, dom for short), readable by its owner only. */
static bool read_auth_file(struct smb_root *r, const char *path, bool user_given, char *err,
			   size_t errlen)
{
	char buf[4096];
	if (!pii_read_secret_file(path, "--smb-auth-file", buf, sizeof(buf), err, errlen))
		return false;
	bool ok = true;
	for (char *line = buf, *next; ok && *line; line = next) {
		size_t len = strcspn(line, "\r\n");
		next = line + len;
		next += strspn(next, "\r\n");
		line[len] = '\0';
		while (*line == ' ' || *line == '\t')
			line++;
		char *eq = strchr(line, '=');
		if (!*line || *line == '#' || !eq)
			continue;
		*eq = '\0';
		const char *value = eq + 1;
		if (!strncasecmp(line, "user", 4)) {
			if (!user_given)
				ok = set_user(r, value, err, errlen);
		} else if (!strncasecmp(line, "pass", 4)) {
			ok = set_secret(&r->password, value, err, errlen);
		} else if (!strncasecmp(line, "dom", 3) || !strcasecmp(line, "workgroup")) {
			if (!user_given || !r->domain)
				ok = set_secret(&r->domain, value, err, errlen);
		}
	}
	pii_secret_wipe(buf, sizeof(buf));
	if (ok && !r->password)
		snprintf(err, errlen, "--smb-auth-file '%s': no password= line", path), ok = false;
	return ok;
}

/* What a root holds besides given and display. */
static void free_root_fields(void *root)
{
	struct smb_root *r = root;
	pii_secret_free(r->user);
	pii_secret_free(r->domain);
	pii_secret_free(r->password);
}

/* "cannot reach smb://...: why" for prepare, in words a user can act on. */
static const char *reach_reason(int e)
{
	switch (e) {
	case EACCES:
	case EPERM:
		return "logon refused or access denied (check --smb-auth-file, or kinit for "
		       "Kerberos)";
	case ENOENT:
		return "no such share, folder or file";
	case ECONNREFUSED:
		return "connection refused (no SMB server on that port?)";
	case ETIMEDOUT:
		return "no answer from the server";
	default:
		return strerror(e);
	}
}

static bool smb_prepare(const char *root, const struct pii_options *opt, char *err,
			size_t errlen)
{
	if (pii_source_root_given(&roots, root))
		return true;
	struct pii_url u;
	if (!pii_url_parse(root, &u, err, errlen))
		return false;
	if (!load_library(err, errlen)) {
		pii_url_free(&u);
		return false;
	}
	struct smb_root r = {0};
	bool ok = false;
	if (pii_url_has_password(&u)) {
		snprintf(err, errlen,
			 "a password in a URL would show in the process list and the shell's "
			 "history: give it in --smb-auth-file (username=, password=, domain= "
			 "lines, as mount.cifs reads)");
		goto out;
	}
	if (!u.host || !u.path || !*u.path || *u.path == '/') {
		snprintf(err, errlen, "'%s': give a share to scan: smb://SERVER[:PORT]/SHARE[/PATH]",
			 root);
		goto out;
	}
	/* shown without the user, and without a final '/' */
	size_t pl = strlen(u.path);
	while (pl && u.path[pl - 1] == '/')
		pl--;
	bool v6 = strchr(u.host, ':') != NULL;
	if (asprintf(&r.base.display, "smb://%s%s%s%s%s/%.*s", v6 ? "[" : "", u.host, v6 ? "]" : "",
		     u.port ? ":" : "", u.port ? u.port : "", (int)pl, u.path) < 0) {
		r.base.display = NULL;
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	r.host_len = strcspn(r.base.display + 6, "/") + 6;
	if (!(r.base.given = strdup(root))) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	if (u.user && !set_user(&r, u.user, err, errlen))
		goto out;
	if (opt->smb_auth_file && !read_auth_file(&r, opt->smb_auth_file, u.user != NULL, err, errlen))
		goto out;
	SMBCCTX *c = new_context(&r);
	if (!c) {
		snprintf(err, errlen, "cannot start libsmbclient: %s", strerror(errno));
		goto out;
	}
	struct stat st;
	int rc = lib_stat(c, &r, r.base.display, &st);
	int e = errno;
	free_context(c);
	if (rc != 0) {
		snprintf(err, errlen, "cannot reach '%s': %s", r.base.display, reach_reason(e));
		goto out;
	}
	if (!pii_source_root_add(&roots, &r)) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	r = (struct smb_root){0};
	ok = true;
out:
	pii_source_root_discard(&r, free_root_fields);
	pii_url_free(&u);
	return ok;
}

/* ---- the walk: the share as a tree for walk.c ------------------------------------------- */

struct smb_tree {
	SMBCCTX *c;
	const struct smb_root *r;
};

static int tree_stat(void *ctx, const char *path, struct stat *st, bool follow)
{
	/* the server follows its links: what is listed is files and folders */
	struct smb_tree *t = ctx;
	return lib_stat(t->c, t->r, path, st);
}

static void *tree_opendir(void *ctx, const char *path)
{
	struct smb_tree *t = ctx;
	char *url = lib_url(t->r, path);
	if (!url) {
		errno = ENOMEM;
		return NULL;
	}
	SMBCFILE *d = lib_opendir(t->c, url);
	int e = errno;
	free(url);
	errno = e;
	return d;
}

static const char *tree_readdir(void *ctx, void *dir, unsigned char *type)
{
	struct smb_tree *t = ctx;
	/* the listing was read whole by opendir: its end is no error */
	struct smbc_dirent *e = lib_readdir(t->c, dir);
	if (!e) {
		errno = 0;
		return NULL;
	}
	switch (e->smbc_type) {
	case SMBC_DIR: *type = DT_DIR; break;
	case SMBC_FILE: *type = DT_REG; break;
	case SMBC_LINK: *type = DT_LNK; break;
	default: *type = DT_UNKNOWN; break;
	}
	return e->name;
}

static void tree_closedir(void *ctx, void *dir)
{
	struct smb_tree *t = ctx;
	lib_closedir(t->c, dir);
}

/* Reads at most max bytes of the file at path, malloc'd; NULL with errno
 * (EFBIG when larger). */
static char *read_small(SMBCCTX *c, const struct smb_root *r, const char *path, size_t max,
			size_t *len)
{
	char *url = lib_url(r, path);
	SMBCFILE *f = url ? lib_open(c, url) : NULL;
	int e = url ? errno : ENOMEM;
	free(url);
	char *buf = f ? malloc(max + 1) : NULL;
	size_t got = 0;
	if (f && !buf)
		e = ENOMEM;
	while (buf && got <= max) {
		ssize_t n = lib_read(c, f, buf + got, max + 1 - got);
		if (n < 0) {
			e = errno;
			free(buf);
			buf = NULL;
		} else if (n == 0) {
			break;
		}
		got += n > 0 ? (size_t)n : 0;
	}
	if (buf && got > max) {
		e = EFBIG;
		free(buf);
		buf = NULL;
	}
	if (f)
		lib_close(c, f);
	*len = got;
	errno = e;
	return buf;
}

static bool tree_read_ignore(void *ctx, struct pii_ignore *ig, const char *path, size_t max)
{
	struct smb_tree *t = ctx;
	size_t len;
	char *text = read_small(t->c, t->r, path, max, &len);
	if (!text)
		return false;
	bool ok = pii_ignore_add_text(ig, text, len, path);
	free(text);
	if (!ok)
		errno = ENOMEM;
	return ok;
}

static enum pii_status smb_walk(const struct pii_source_walk *w, const char *root)
{
	const struct smb_root *r = pii_source_root_given(&roots, root);
	if (!r) {
		w->problem(w->walker, root, PII_FILE_FAILED, PII_CODE_OPEN_FAILED,
			   "share not prepared (internal error)");
		return PII_OK;
	}
	/* the walker's own context: a counting walk runs beside the real one */
	struct smb_tree t = {.c = new_context(r), .r = r};
	if (!t.c) {
		char why[300];
		snprintf(why, sizeof(why), "cannot start libsmbclient: %s", strerror(errno));
		w->problem(w->walker, r->base.display, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, why);
		return PII_OK;
	}
	const struct pii_walk_fs fs = {
		.stat = tree_stat,
		.opendir = tree_opendir,
		.readdir = tree_readdir,
		.closedir = tree_closedir,
		.read_ignore = tree_read_ignore,
		.ctx = &t,
	};
	enum pii_status st = w->tree(w->walker, r->base.display, &fs);
	free_context(t.c);
	return st;
}

/* ---- reading one file ----------------------------------------------------------------------- */

struct smb_reader {
	SMBCCTX *c;
	SMBCFILE *f;
};

static ssize_t smb_read(void *ctx, void *buf, size_t n)
{
	struct smb_reader *rd = ctx;
	return lib_read(rd->c, rd->f, buf, n);
}

/* A stable non-zero number for a file whose server gives none. */
static uint64_t path_ino(const char *path)
{
	uint64_t h = pii_fnv1a(path);
	return h ? h : 1;
}

static void set_identity(struct pii_source_identity *id, const char *path, const struct stat *st)
{
	id->size = (uint64_t)st->st_size;
	id->mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
	id->ino = st->st_ino ? (uint64_t)st->st_ino : path_ino(path);
}

/* The file's owner as Windows names it (DOMAIN\user), else its SID;
 * empty when the server does not tell (no rights to read its security
 * descriptor, no LSA to ask). */
static void read_owner(SMBCCTX *c, const char *url, char *owner, size_t len)
{
	static const char *const names[] = {"system.nt_sec_desc.owner+",
					    "system.nt_sec_desc.owner"};
	char buf[256];
	owner[0] = '\0';
	for (size_t i = 0; i < 2; i++) {
		memset(buf, 0, sizeof(buf));
		int n = lib_getxattr(c, url, names[i], buf, sizeof(buf) - 1);
		if (n >= 0 && buf[0]) {
			/* a name longer than the inventory keeps is cut */
			size_t l = strnlen(buf, len - 1);
			memcpy(owner, buf, l);
			owner[l] = '\0';
			return;
		}
	}
}

static void open_failed(struct pii_source_scan *s, int e)
{
	if (e == ENOENT || e == ENOTDIR)
		pii_file_result_set(s->res, PII_FILE_FAILED, PII_CODE_GONE,
				    "gone before it was read (deleted or moved during the scan)");
	else if (e == EBUSY || e == ETXTBSY)
		/* NT_STATUS_SHARING_VIOLATION: someone holds it open denying
		 * readers (an Outlook PST, an Access database) */
		pii_file_result_set(s->res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, LOCKED_REASON);
	else if (e == EACCES || e == EPERM)
		pii_file_result_set(s->res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED,
				    "Permission denied (the share's or the file's rights)");
	else
		pii_file_result_set(s->res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, strerror(e));
}

static void smb_scan(struct pii_source_scan *s)
{
	const struct smb_root *r = pii_source_root_of(&roots, s->path, '/');
	SMBCCTX *c = r ? thread_context(r) : NULL;
	if (!c) {
		char msg[300];
		snprintf(msg, sizeof(msg), "not read: %s",
			 r ? strerror(errno) : "no such share given");
		pii_file_result_set(s->res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, msg);
		return;
	}
	char *url = lib_url(r, s->path);
	if (!url) {
		pii_file_result_set(s->res, PII_FILE_FAILED, PII_CODE_OUT_OF_MEMORY, "out of memory");
		return;
	}
	struct stat st;
	if (lib_stat_url(c, url, &st) != 0) {
		open_failed(s, errno);
		free(url);
		return;
	}
	struct pii_source_identity id;
	set_identity(&id, s->path, &st);
	s->res->size = id.size;
	s->res->mtime = (int64_t)st.st_mtim.tv_sec;
	s->res->mtime_ns = id.mtime_ns;
	s->res->ino = id.ino;
	read_owner(c, url, s->res->owner, sizeof(s->res->owner));
	const struct pii_options *opt = s->opt;
	if (opt->max_filesize && id.size > opt->max_filesize) {
		char why[128];
		snprintf(why, sizeof(why), "larger than --max-filesize (%llu bytes)",
			 (unsigned long long)id.size);
		pii_file_result_set(s->res, PII_FILE_SKIPPED, PII_CODE_LIMIT_SIZE, why);
		free(url);
		return;
	}
	SMBCFILE *f = lib_open(c, url);
	int e = errno;
	free(url);
	if (!f) {
		open_failed(s, e);
		return;
	}
	struct smb_reader rd = {.c = c, .f = f};
	struct pii_input in = {
		.path = s->path, .opt = opt, .budget = s->budget, .fd = -1, .size = id.size,
		.read_more = smb_read, .read_ctx = &rd,
	};
	s->extract(s, &in);
	lib_close(c, f);
}

static bool smb_identity(const char *path, const struct pii_options *opt,
			 struct pii_source_identity *id)
{
	const struct smb_root *r = pii_source_root_of(&roots, path, '/');
	SMBCCTX *c = r ? thread_context(r) : NULL;
	struct stat st;
	if (!c || lib_stat(c, r, path, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	set_identity(id, path, &st);
	return true;
}

static void smb_thread_end(void)
{
	if (thread_ctx)
		free_context(thread_ctx);
	thread_ctx = NULL;
	thread_ctx_root = NULL;
}

static void smb_fini(void)
{
	pii_source_roots_free(&roots, free_root_fields);
}

const struct pii_source pii_source_smb = {
	.name = "smb",
	.schemes = "smb",
	.prepare = smb_prepare,
	.walk = smb_walk,
	.scan = smb_scan,
	.identity = smb_identity,
	.thread_end = smb_thread_end,
	.fini = smb_fini,
};
