/*
 * report_common.c - what several writers need.
 */
#include "pii_report.h"
#include "pii_inventory.h"

#include <errno.h>
#include <inttypes.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define OWNER_CACHE 64

const char *pii_owner_name(uid_t uid)
{
	/* Shares have few owners: a small cache saves a passwd (or LDAP)
	 * lookup per row. Round-robin replacement. */
	static struct {
		uid_t uid;
		char name[64];
		int used;
	} cache[OWNER_CACHE];
	static unsigned next;
	for (unsigned i = 0; i < OWNER_CACHE; i++)
		if (cache[i].used && cache[i].uid == uid)
			return cache[i].name;
	unsigned slot = next++ % OWNER_CACHE;
	struct passwd pw, *res = NULL;
	char buf[4096];
	cache[slot].uid = uid;
	cache[slot].used = 1;
	if (getpwuid_r(uid, &pw, buf, sizeof(buf), &res) == 0 && res)
		snprintf(cache[slot].name, sizeof(cache[slot].name), "%s", pw.pw_name);
	else
		snprintf(cache[slot].name, sizeof(cache[slot].name), "%lu",
			 (unsigned long)uid);
	return cache[slot].name;
}

const char *pii_inv_file_owner(const struct pii_inv_file *f)
{
	return f->owner ? f->owner : pii_owner_name(f->uid);
}

void pii_format_mtime(int64_t t, char *out, size_t outsz)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) || !strftime(out, outsz, "%Y-%m-%d %H:%M:%S", &tm))
		snprintf(out, outsz, "%lld", (long long)t);
}

/* ---- a JSON document -------------------------------------------------------- */

/* Writes what is buffered once it is big: a document of a million rows
 * is not kept whole in memory. */
static void json_spill(struct pii_json *j, size_t at_least)
{
	if (j->buf.oom && !j->failed) {
		j->failed = true;
		errno = ENOMEM;
	}
	if (j->buf.len < at_least)
		return;
	if (!j->failed && fwrite(j->buf.data, 1, j->buf.len, j->f) != j->buf.len) {
		j->failed = true;
		if (!errno)
			errno = EIO;
	}
	j->buf.len = 0;
}

static void json_key(struct pii_json *j, const char *key)
{
	if (j->comma)
		pii_buf_putc(&j->buf, ',');
	if (key) {
		pii_buf_putc(&j->buf, '"');
		pii_escape_json(&j->buf, key, strlen(key));
		pii_buf_puts(&j->buf, "\":");
	}
	j->comma = true;
}

void pii_json_open(struct pii_json *j, const char *key, char bracket)
{
	json_key(j, key);
	pii_buf_putc(&j->buf, bracket);
	j->comma = false;
}

void pii_json_close(struct pii_json *j, char bracket)
{
	pii_buf_putc(&j->buf, bracket);
	j->comma = true;
	json_spill(j, 65536);
}

void pii_json_str(struct pii_json *j, const char *key, const char *s)
{
	json_key(j, key);
	if (!s) {
		pii_buf_puts(&j->buf, "null");
		return;
	}
	pii_buf_putc(&j->buf, '"');
	pii_escape_json(&j->buf, s, strlen(s));
	pii_buf_putc(&j->buf, '"');
}

void pii_json_u64(struct pii_json *j, const char *key, uint64_t v)
{
	json_key(j, key);
	pii_buf_printf(&j->buf, "%" PRIu64, v);
}

void pii_json_bool(struct pii_json *j, const char *key, bool v)
{
	json_key(j, key);
	pii_buf_puts(&j->buf, v ? "true" : "false");
}

void pii_json_seconds(struct pii_json *j, const char *key, double v)
{
	json_key(j, key);
	pii_buf_printf(&j->buf, "%.3f", v);
}

void pii_json_time(struct pii_json *j, const char *key, int64_t t)
{
	char s[32];
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) || !strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(s, sizeof(s), "1970-01-01T00:00:00Z");
	pii_json_str(j, key, s);
}

bool pii_json_end(struct pii_json *j)
{
	json_spill(j, 0);
	pii_buf_free(&j->buf);
	return !j->failed;
}
