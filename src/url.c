/*
 * url.c - what the sources share (pii_url.h): URLs taken apart, and
 * passwords read from a file or asked for on a terminal, wiped when done.
 */
#include "pii_url.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

/* The length of path's scheme when it starts "scheme://", else 0. */
size_t pii_url_scheme_len(const char *path)
{
	size_t n = 0;
	while (isalnum((unsigned char)path[n]) || path[n] == '+' || path[n] == '-' || path[n] == '.')
		n++;
	return n && isalpha((unsigned char)path[0]) && !strncmp(path + n, "://", 3) ? n : 0;
}

bool pii_is_url(const char *path)
{
	return pii_url_scheme_len(path) > 0;
}

const char *pii_url_local_file(const char *url)
{
	static const char sqlite[] = "sqlite://";
	return !strncasecmp(url, sqlite, sizeof(sqlite) - 1) && url[sizeof(sqlite) - 1]
		       ? url + sizeof(sqlite) - 1
		       : NULL;
}

/* ---- URLs ------------------------------------------------------------------------ */

/* s[0..n) with %XX decoded, malloc'd; NULL when n is 0 (absent). */
static char *decode(const char *s, size_t n, bool *oom)
{
	if (!n)
		return NULL;
	char *out = malloc(n + 1);
	if (!out) {
		*oom = true;
		return NULL;
	}
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && isxdigit((unsigned char)s[i + 1]) &&
		    isxdigit((unsigned char)s[i + 2])) {
			char hex[3] = {s[i + 1], s[i + 2], 0};
			out[o++] = (char)strtol(hex, NULL, 16);
			i += 2;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	return out;
}

bool pii_url_parse(const char *url, struct pii_url *u, char *err, size_t errlen)
{
	*u = (struct pii_url){0};
	size_t sl = pii_url_scheme_len(url);
	if (!sl) {
		snprintf(err, errlen, "'%s' is not a URL (scheme://host/...)", url);
		return false;
	}
	bool oom = false;
	u->scheme = decode(url, sl, &oom);
	const char *p = url + sl + 3;
	size_t auth = strcspn(p, "/?#");
	const char *at = memrchr(p, '@', auth);
	if (at) {
		size_t ul = (size_t)(at - p);
		const char *colon = memchr(p, ':', ul);
		if (colon) {
			u->user = decode(p, (size_t)(colon - p), &oom);
			u->password = decode(colon + 1, (size_t)(at - colon - 1), &oom);
			if (!u->password && !oom)
				u->password = strdup(""); /* "user:@host": a password, empty */
		} else {
			u->user = decode(p, ul, &oom);
		}
		auth -= ul + 1;
		p = at + 1;
	}
	/* host, [v6 address] or name, then :port */
	const char *port = NULL;
	if (*p == '[') {
		const char *close = memchr(p, ']', auth);
		if (!close) {
			/* the URL is not repeated: it may hold a password */
			snprintf(err, errlen, "a %.*s:// URL: an IPv6 address without its ']'",
				 (int)sl, url);
			pii_url_free(u);
			return false;
		}
		u->host = decode(p + 1, (size_t)(close - p - 1), &oom);
		if (close + 1 < p + auth && close[1] == ':')
			port = close + 2;
	} else {
		const char *colon = memchr(p, ':', auth);
		u->host = decode(p, colon ? (size_t)(colon - p) : auth, &oom);
		port = colon ? colon + 1 : NULL;
	}
	if (port) {
		size_t pl = (size_t)(p + auth - port);
		for (size_t i = 0; i < pl; i++)
			if (!isdigit((unsigned char)port[i])) {
				snprintf(err, errlen, "a %.*s:// URL: the port is not a number",
					 (int)sl, url);
				pii_url_free(u);
				return false;
			}
		u->port = decode(port, pl, &oom);
	}
	p += auth;
	size_t pathlen = strcspn(p, "?#");
	/* the path without its first '/' */
	u->path = pathlen > 1 ? decode(p + 1, pathlen - 1, &oom) : NULL;
	p += pathlen;
	if (*p == '?')
		u->query = oom ? NULL : strndup(p + 1, strcspn(p + 1, "#"));
	if (oom) {
		snprintf(err, errlen, "out of memory");
		pii_url_free(u);
		return false;
	}
	return true;
}

char *pii_url_query(const struct pii_url *u, const char *key)
{
	size_t kl = strlen(key);
	for (const char *q = u->query; q && *q;) {
		size_t len = strcspn(q, "&");
		if (len > kl && !strncmp(q, key, kl) && q[kl] == '=') {
			bool oom = false;
			char *v = decode(q + kl + 1, len - kl - 1, &oom);
			return v ? v : oom ? NULL : strdup("");
		}
		q += len;
		q += *q == '&';
	}
	return NULL;
}

bool pii_url_has_password(const struct pii_url *u)
{
	char *in_query = pii_url_query(u, "password");
	bool has = u->password || in_query;
	pii_secret_free(in_query);
	return has;
}

void pii_url_free(struct pii_url *u)
{
	free(u->scheme);
	free(u->user);
	pii_secret_free(u->password);
	free(u->host);
	free(u->port);
	free(u->path);
	free(u->query);
	*u = (struct pii_url){0};
}

/* ---- secrets ----------------------------------------------------------------------- */

void pii_secret_free(char *secret)
{
	if (!secret)
		return;
	pii_secret_wipe(secret, strlen(secret));
	free(secret);
}

void pii_secret_wipe(char *buf, size_t len)
{
	/* volatile: the wipe is not optimised away before the buffer goes */
	for (volatile char *p = buf; p < buf + len; p++)
		*p = 0;
}

bool pii_read_secret_file(const char *path, const char *what, char *buf, size_t bufsz,
			  char *err, size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		snprintf(err, errlen, "%s '%s': %s", what, path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return false;
	}
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		snprintf(err, errlen, "%s '%s' may be read by others: chmod 600 it first", what,
			 path);
		close(fd);
		return false;
	}
	ssize_t n = read(fd, buf, bufsz - 1);
	int e = errno;
	close(fd);
	if (n < 0) {
		snprintf(err, errlen, "%s '%s': %s", what, path, strerror(e));
		return false;
	}
	buf[n] = '\0';
	return true;
}

char *pii_read_password_file(const char *path, char *err, size_t errlen)
{
	char buf[1024];
	if (!pii_read_secret_file(path, "password file", buf, sizeof(buf), err, errlen))
		return NULL;
	buf[strcspn(buf, "\r\n")] = '\0';
	char *pw = strdup(buf);
	pii_secret_wipe(buf, sizeof(buf));
	if (!pw)
		snprintf(err, errlen, "out of memory");
	return pw;
}

const char *pii_db_password_file(const struct pii_options *opt, const char *url)
{
	size_t ul = strlen(url);
	for (size_t i = 0; i < opt->n_db_password_files; i++) {
		const char *v = opt->db_password_files[i], *eq = strrchr(v, '=');
		if ((size_t)(eq - v) == ul && !strncmp(v, url, ul))
			return eq + 1;
	}
	return opt->db_password_file;
}

char *pii_ask_password(const char *prompt)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return NULL;
	struct termios old, quiet;
	if (tcgetattr(fd, &old) != 0) {
		close(fd);
		return NULL;
	}
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
	quiet.c_lflag |= ICANON;
	if (write(fd, prompt, strlen(prompt)) < 0 || tcsetattr(fd, TCSAFLUSH, &quiet) != 0) {
		close(fd);
		return NULL;
	}
	char buf[512];
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	tcsetattr(fd, TCSAFLUSH, &old);
	if (write(fd, "\n", 1) < 0) {
		/* the line after the prompt only; nothing to do */
	}
	close(fd);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	buf[strcspn(buf, "\r\n")] = '\0';
	char *pw = buf[0] ? strdup(buf) : NULL;
	pii_secret_wipe(buf, sizeof(buf));
	return pw;
}
