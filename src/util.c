/*
 * util.c - arena, growable buffer, escaping and small parsers.
 */
#include "pii_util.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char *pii_confidence_name(enum pii_confidence c)
{
	switch (c) {
	case PII_CONF_LOW: return "low";
	case PII_CONF_MEDIUM: return "medium";
	case PII_CONF_HIGH: return "high";
	default: return "";
	}
}

enum pii_confidence pii_confidence_parse(const char *s)
{
	if (!s)
		return PII_CONF_NONE;
	if (!strcmp(s, "low"))
		return PII_CONF_LOW;
	if (!strcmp(s, "medium"))
		return PII_CONF_MEDIUM;
	if (!strcmp(s, "high"))
		return PII_CONF_HIGH;
	return PII_CONF_NONE;
}

/* ---- arena ---------------------------------------------------------------- */

struct pii_arena_chunk {
	struct pii_arena_chunk *next;
	size_t size, used;
	char data[];
};

#define ARENA_CHUNK_MIN ((size_t)16 << 10)

void *pii_arena_alloc(struct pii_arena *a, size_t len)
{
	len = (len + 7) & ~(size_t)7;
	struct pii_arena_chunk *c = a->head;
	if (!c || c->size - c->used < len) {
		size_t size = len > ARENA_CHUNK_MIN ? len : ARENA_CHUNK_MIN;
		c = malloc(sizeof(*c) + size);
		if (!c)
			return NULL;
		c->size = size;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = c->data + c->used;
	c->used += len;
	a->used_total += len;
	return p;
}

char *pii_arena_strndup(struct pii_arena *a, const char *s, size_t len)
{
	char *p = pii_arena_alloc(a, len + 1);
	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *pii_arena_strdup(struct pii_arena *a, const char *s)
{
	return s ? pii_arena_strndup(a, s, strlen(s)) : NULL;
}

const char *pii_arena_share(struct pii_arena *a, const char *prev, const char *s)
{
	if (s && prev && !strcmp(prev, s))
		return prev;
	return pii_arena_strdup(a, s);
}

size_t pii_u64_dec(char *dst, uint64_t v)
{
	char tmp[20];
	size_t n = 0;
	do {
		tmp[sizeof(tmp) - 1 - n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	memcpy(dst, tmp + sizeof(tmp) - n, n);
	return n;
}

void pii_arena_reset(struct pii_arena *a)
{
	struct pii_arena_chunk *c = a->head;
	if (!c)
		return;
	/* Keep the oldest chunk (at the tail): it is the standard size. */
	while (c->next) {
		struct pii_arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	c->used = 0;
	a->head = c;
	a->used_total = 0;
}

void pii_arena_free(struct pii_arena *a)
{
	struct pii_arena_chunk *c = a->head;
	while (c) {
		struct pii_arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->used_total = 0;
}

/* ---- growable buffer ------------------------------------------------------ */

static bool buf_reserve(struct pii_buf *b, size_t extra)
{
	if (b->oom)
		return false;
	if (b->len + extra + 1 <= b->cap && extra < SIZE_MAX / 4)
		return true;
	if (extra >= SIZE_MAX / 4 - b->len) { /* doubling would wrap round */
		b->oom = true;
		return false;
	}
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->data = p;
	b->cap = cap;
	return true;
}

char *pii_buf_reserve(struct pii_buf *b, size_t n)
{
	if (!buf_reserve(b, n))
		return NULL;
	return b->data + b->len;
}

void pii_buf_commit(struct pii_buf *b, size_t n)
{
	b->len += n;
	b->data[b->len] = '\0';
}

bool pii_buf_append(struct pii_buf *b, const void *p, size_t n)
{
	if (!buf_reserve(b, n))
		return false;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}

bool pii_buf_puts(struct pii_buf *b, const char *s)
{
	return pii_buf_append(b, s, strlen(s));
}

bool pii_buf_putc(struct pii_buf *b, char c)
{
	return pii_buf_append(b, &c, 1);
}

bool pii_buf_printf(struct pii_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !buf_reserve(b, (size_t)n))
		return false;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return true;
}

const char *pii_buf_cstr(struct pii_buf *b)
{
	if (!b->data)
		return "";
	/* len may have been set back by hand: the NUL goes where it ends
	 * (there is always room for it, see buf_reserve). */
	b->data[b->len] = '\0';
	return b->data;
}

void pii_buf_free(struct pii_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->oom = false;
}

/* ---- UTF-8 and escaping --------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid.
 * Rejects overlong forms, surrogates and code points above U+10FFFF. */
static size_t utf8_seq_len(const unsigned char *s, size_t avail)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	size_t n;
	unsigned int min;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		min = 0x10000;
	} else {
		return 0;
	}
	if (avail < n)
		return 0;
	unsigned int cp = c & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

size_t pii_utf8_valid_prefix(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		/* ASCII, 8 bytes at a time: most text is. */
		while (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, u + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i == len)
			break;
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = utf8_seq_len(u + i, len - i);
		if (!n)
			break;
		i += n;
	}
	return i;
}

/* Writes the escaped form of s[0..len) to dst, which has room for
 * 5 * len bytes (the longest escape, "\\xNN" in JSON, is five bytes for
 * one); returns the bytes written. */
static size_t escape_to(char *dst, const unsigned char *u, size_t len, bool json)
{
	static const char hex[] = "0123456789ABCDEF";
	char *d = dst;
	size_t i = 0;
	while (i < len) {
		/* Printable ASCII that needs no escape goes in one piece. */
		size_t j = i;
		while (j < len && u[j] >= 0x20 && u[j] < 0x7F &&
		       (!json || (u[j] != '"' && u[j] != '\\')))
			j++;
		memcpy(d, u + i, j - i);
		d += j - i;
		i = j;
		if (i == len)
			break;
		unsigned char c = u[i];
		if (c == '"' || c == '\\') { /* only reached in JSON */
			*d++ = '\\';
			*d++ = (char)c;
			i++;
			continue;
		}
		if (c >= 0x80) {
			size_t n = utf8_seq_len(u + i, len - i);
			if (n) {
				memcpy(d, u + i, n);
				d += n;
				i += n;
				continue;
			}
		}
		/* Control character or byte outside valid UTF-8. */
		*d++ = '\\';
		if (c == '\n' || c == '\r' || c == '\t') {
			*d++ = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
		} else {
			if (json)
				*d++ = '\\'; /* the text "\xNN", written in JSON */
			*d++ = 'x';
			*d++ = hex[c >> 4];
			*d++ = hex[c & 15];
		}
		i++;
	}
	return (size_t)(d - dst);
}

static bool escape_common(struct pii_buf *out, const char *s, size_t len, bool json)
{
	char *dst = pii_buf_reserve(out, len * 5);
	if (!dst)
		return false;
	pii_buf_commit(out, escape_to(dst, (const unsigned char *)s, len, json));
	return true;
}

bool pii_escape_display(struct pii_buf *out, const char *s, size_t len)
{
	return escape_common(out, s, len, false);
}

bool pii_escape_json(struct pii_buf *out, const char *s, size_t len)
{
	return escape_common(out, s, len, true);
}

size_t pii_escape_json_to(char *dst, const char *s, size_t len)
{
	return escape_to(dst, (const unsigned char *)s, len, true);
}

/* ---- parsing -------------------------------------------------------------- */

bool pii_parse_size(const char *s, uint64_t *out)
{
	if (!s || !isdigit((unsigned char)*s))
		return false;
	errno = 0;
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno)
		return false;
	unsigned shift = 0;
	switch (toupper((unsigned char)*end)) {
	case '\0': break;
	case 'K': shift = 10; break;
	case 'M': shift = 20; break;
	case 'G': shift = 30; break;
	case 'T': shift = 40; break;
	default: return false;
	}
	if (*end) {
		end++;
		/* Accept "100M", "100MB", "100MiB". */
		if (toupper((unsigned char)*end) == 'I')
			end++;
		if (toupper((unsigned char)*end) == 'B')
			end++;
		if (*end)
			return false;
	}
	if (shift && v > (UINT64_MAX >> shift))
		return false;
	*out = (uint64_t)v << shift;
	return true;
}

const char *pii_memcasemem(const char *hay, size_t hlen, const char *needle,
			   size_t nlen)
{
	if (nlen == 0)
		return hay;
	if (hlen < nlen)
		return NULL;
	unsigned char first = (unsigned char)tolower((unsigned char)needle[0]);
	for (size_t i = 0; i + nlen <= hlen; i++) {
		if ((unsigned char)tolower((unsigned char)hay[i]) != first)
			continue;
		size_t j = 1;
		while (j < nlen && tolower((unsigned char)hay[i + j]) ==
					   tolower((unsigned char)needle[j]))
			j++;
		if (j == nlen)
			return hay + i;
	}
	return NULL;
}

void pii_format_utc(int64_t t, char *out, size_t outsz)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) ||
	    !strftime(out, outsz, "%Y-%m-%d %H:%M:%S UTC", &tm))
		snprintf(out, outsz, "%lld", (long long)t);
}

double pii_now_monotonic(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- paths longer than PATH_MAX ------------------------------------------------ */

/* Opens path one folder at a time with openat, for a path the kernel
 * will not take whole (ENAMETOOLONG); each name in it is short. */
static int open_by_parts(const char *path, int flags)
{
	int dir = open(*path == '/' ? "/" : ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
	const char *p = path;
	while (dir >= 0) {
		while (*p == '/')
			p++;
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		char name[NAME_MAX + 1];
		if (n > NAME_MAX) {
			close(dir);
			errno = ENAMETOOLONG;
			return -1;
		}
		memcpy(name, p, n);
		name[n] = '\0';
		const char *rest = slash;
		while (rest && *rest == '/')
			rest++;
		if (!rest || !*rest) {
			int fd = openat(dir, n ? name : ".", flags);
			int e = errno;
			close(dir);
			errno = e;
			return fd;
		}
		int next = openat(dir, name, O_PATH | O_DIRECTORY | O_CLOEXEC);
		int e = errno;
		close(dir);
		errno = e;
		dir = next;
		p = rest;
	}
	return -1;
}

int pii_open_path(const char *path, int flags)
{
	int fd = open(path, flags);
	if (fd < 0 && errno == ENAMETOOLONG)
		fd = open_by_parts(path, flags);
	return fd;
}

int pii_stat_path(const char *path, struct stat *st, bool follow)
{
	int r = follow ? stat(path, st) : lstat(path, st);
	if (r == 0 || errno != ENAMETOOLONG)
		return r;
	/* the folder by parts, then the last name in it */
	const char *slash = strrchr(path, '/');
	if (!slash)
		return -1;
	size_t n = (size_t)(slash - path);
	char *dir = strndup(path, n ? n : 1);
	if (!dir)
		return -1;
	int fd = open_by_parts(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return -1;
	r = fstatat(fd, slash + 1, st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
	int e = errno;
	close(fd);
	errno = e;
	return r;
}

bool pii_json_str_field(struct pii_buf *out, const char *key, const char *value)
{
	return pii_buf_printf(out, ",\"%s\":\"", key) && pii_escape_json(out, value, strlen(value)) &&
	       pii_buf_putc(out, '"');
}

int pii_strcmp_null(const char *a, const char *b)
{
	if (a == b)
		return 0;
	if (!a)
		return -1;
	if (!b)
		return 1;
	return strcmp(a, b);
}

bool pii_streq_null(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* Whether path is root or lies below it as the walk names it. */
static bool path_below(const char *root, const char *path)
{
	size_t rl = strlen(root);
	return !strncmp(path, root, rl) &&
	       (path[rl] == '\0' || path[rl] == '/' || (rl && root[rl - 1] == '/'));
}

size_t pii_path_root(const char *const *roots, size_t n, const char *path)
{
	/* A root inside another is kept only when the other's walk does not
	 * reach it (pii_roots_dedupe): then the longer is the file's. */
	size_t found = n;
	for (size_t i = 0; i < n; i++)
		if (path_below(roots[i], path) &&
		    (found == n || strlen(roots[i]) > strlen(roots[found])))
			found = i;
	return found;
}

uint64_t pii_fnv1a_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ULL;
	return h;
}

uint64_t pii_fnv1a(const char *s)
{
	return pii_fnv1a_bytes(PII_FNV1A_START, s, strlen(s));
}

char *pii_join_args(int argc, char **argv)
{
	size_t len = 1;
	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	char *s = malloc(len);
	if (!s)
		return NULL;
	s[0] = '\0';
	for (int i = 0; i < argc; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}

void pii_set_error(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

void pii_strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
