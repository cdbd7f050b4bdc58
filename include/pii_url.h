/*
 * pii_url.h - scan paths that are URLs (postgres://, smb://, ...) taken
 * apart, and the secrets the sources that read them need: read from a
 * file or asked for on a terminal, wiped when done.
 */
#ifndef PII_URL_H
#define PII_URL_H

#include <stdbool.h>
#include <stddef.h>

#include "pii_options.h"

/* The length of path's scheme when it starts "scheme://", else 0. */
size_t pii_url_scheme_len(const char *path);

/* Whether path has the form of a URL (scheme://), supported or not. */
bool pii_is_url(const char *path);

/* sqlite:///PATH names a local file, read as any file is (the SQLite
 * extractor): PATH, inside url; NULL for another URL. */
const char *pii_url_local_file(const char *url);

/* A URL taken apart: scheme://user:password@host:port/path?query. The
 * parts are decoded (%2F -> /) and malloc'd; NULL when absent. */
struct pii_url {
	char *scheme, *user, *password, *host, *port, *path, *query;
};

/* false with a message in err when url is not of that form. */
bool pii_url_parse(const char *url, struct pii_url *u, char *err, size_t errlen);

/* The value of key in the URL's query (?socket=/run/x&ssl=1), malloc'd
 * and decoded, or NULL. */
char *pii_url_query(const struct pii_url *u, const char *key);

/* Whether the URL holds a password: user:password@, or in its query
 * (?password=, as libpq takes one). A scan path must not: it would show
 * in the process list, the shell's history and the Summary. */
bool pii_url_has_password(const struct pii_url *u);

/* Frees the parts; the password's bytes are wiped first. */
void pii_url_free(struct pii_url *u);

/* Reads a password from a file (its first line, without the newline),
 * malloc'd; NULL with a message in err. The file must not be readable by
 * others, as ssh and .pgpass ask. */
char *pii_read_password_file(const char *path, char *err, size_t errlen);

/* Reads a file of secrets whole into buf (NUL-terminated, at most bufsz -
 * 1 bytes), refusing one that others may read; false with a message in
 * err that names it as `what` ("password file"). The caller wipes buf. */
bool pii_read_secret_file(const char *path, const char *what, char *buf, size_t bufsz,
			  char *err, size_t errlen);

/* Zeroes len bytes of buf, in a way the compiler keeps. */
void pii_secret_wipe(char *buf, size_t len);

/* The --db-password-file for database url: its own (URL=FILE), else the
 * one for every database, else NULL. */
const char *pii_db_password_file(const struct pii_options *opt, const char *url);

/* Asks for a password on the terminal, not echoed; NULL when there is no
 * terminal (a scheduled run) or nothing was typed. */
char *pii_ask_password(const char *prompt);

/* Wipes and frees a secret. */
void pii_secret_free(char *secret);

#endif
