/*
 * report_common.c - what several writers need.
 */
#include "pii_report.h"

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

void pii_format_mtime(int64_t t, char *out, size_t outsz)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) || !strftime(out, outsz, "%Y-%m-%d %H:%M:%S", &tm))
		snprintf(out, outsz, "%lld", (long long)t);
}
