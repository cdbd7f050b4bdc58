/*
 * gencorpus.c - a deterministic benchmark corpus (fixed seed, nothing
 * downloaded).
 *
 *   gencorpus file PATH SIZE     one text file of SIZE bytes (e.g. 1G)
 *   gencorpus sparse PATH SIZE   the same, but only prose and log lines,
 *                                with a value planted about once in 50 KB
 *   gencorpus tree DIR NFILES    NFILES small files (1-8 KB) in folders of
 *                                100, one in 100 a zip of text files
 *
 * The text mixes prose (English and Dutch), log lines, CSV lines and lines
 * of numbers, with personal data planted at a realistic density: most
 * lines hold none; about one line in 25 holds a value (log lines carry a
 * client IP more often than that, as real logs do).
 */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t rng_state = 0x5EEDF00DCAFEULL;

static uint64_t rnd(void)
{
	/* xorshift64*: fast and the same on every machine */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static unsigned rn(unsigned n)
{
	return (unsigned)(rnd() % n);
}

#define PICK(a) (a[rn(sizeof(a) / sizeof(a[0]))])

static const char *const words[] = {
	"the", "project", "meeting", "agreed", "budget", "report", "customer",
	"delivery", "quality", "review", "planning", "next", "week", "team",
	"results", "de", "het", "een", "vergadering", "klant", "levering",
	"afspraak", "offerte", "rapport", "volgende", "week", "besproken",
	"and", "with", "for", "naar", "voor", "met", "over", "about", "status",
	"update", "server", "backup", "invoice", "factuur", "contract",
	"approved", "goedgekeurd", "pending", "open", "closed", "risk",
};
static const char *const first[] = {"jan", "sanne", "pieter", "fatima",
	"mark", "lotte", "ahmed", "emma", "daan", "sophie", "noah", "julia"};
static const char *const last[] = {"devries", "jansen", "bakker", "visser",
	"smit", "meijer", "elamrani", "dekker", "mulder", "bos", "vos", "peters"};
static const char *const domains[] = {"ziggo.nl", "kpnmail.nl", "gmail.com",
	"outlook.com", "hotmail.com", "xs4all.nl", "planet.nl", "bakkerzonen.nl"};
static const char *const paths[] = {"/index.html", "/css/site.css",
	"/api/v1/orders", "/img/logo.png", "/contact", "/nieuws/2024/03",
	"/js/app.min.js", "/healthz", "/search?q=fiets"};
static const char *const ibans[] = {"NL91ABNA0417164300", "NL39RABO0300065264",
	"NL73INGB0004567891", "DE89370400440532013000", "BE68539007547034"};
static const char *const bsns[] = {"111222333", "123456782", "725763863",
	"162275869", "192285142", "691682483"};

struct out {
	char *buf;
	size_t len, cap;
};

static void put(struct out *o, const char *s)
{
	size_t n = strlen(s);
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->buf = realloc(o->buf, o->cap);
		if (!o->buf)
			exit(1);
	}
	memcpy(o->buf + o->len, s, n + 1);
	o->len += n;
}

static void putf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(struct out *o, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	put(o, tmp);
}

static void pii_value(struct out *o)
{
	switch (rn(8)) {
	case 0:
	case 1: putf(o, "%s.%s@%s", PICK(first), PICK(last), PICK(domains)); break;
	case 2: putf(o, "06-%08u", 10000000 + rn(89999999)); break;
	case 3: putf(o, "+31 20 %03u %04u", rn(1000), rn(10000)); break;
	case 4: putf(o, "IBAN %s", PICK(ibans)); break;
	case 5: putf(o, "BSN %s", PICK(bsns)); break;
	case 6: putf(o, "%u.%u.%u.%u", 80 + rn(100), rn(256), rn(256), 1 + rn(254)); break;
	default: putf(o, "postcode %u %c%c", 1000 + rn(9000), 'A' + rn(18), 'A' + rn(26)); break;
	}
}

/* Dense text: a value in one line in 25. Sparse text (logs and prose
 * where personal data is rare): one in 600 lines (about 50 KB), no client
 * addresses in the log lines, no CSV or lists of numbers. */
static bool sparse;

static void line(struct out *o)
{
	unsigned kind = sparse ? rn(70) : rn(100);
	bool pii = sparse ? rn(600) == 0 : rn(25) == 0;
	if (kind < 40) { /* prose */
		unsigned n = 8 + rn(14);
		for (unsigned i = 0; i < n; i++) {
			put(o, PICK(words));
			put(o, i + 1 < n ? " " : "");
			if (pii && i == n / 2) {
				pii_value(o);
				put(o, " ");
			}
		}
		put(o, rn(3) ? ".\n" : ", and more.\n");
	} else if (kind < 70) { /* log */
		putf(o, "2024-03-%02u %02u:%02u:%02u.%03u INFO [worker-%u] ", 1 + rn(28),
		     rn(24), rn(60), rn(60), rn(1000), rn(16));
		if (!sparse && rn(5) == 0)
			putf(o, "client %u.%u.%u.%u ", 80 + rn(100), rn(256), rn(256), 1 + rn(254));
		putf(o, "GET %s %u %u bytes in %u ms", PICK(paths), rn(2) ? 200 : 304,
		     rn(100000), rn(2000));
		if (pii) {
			put(o, " user=");
			pii_value(o);
		}
		put(o, "\n");
	} else if (kind < 90) { /* CSV */
		putf(o, "%u;%s;%u.%02u;2023-%02u-%02u;SKU-%05u;%u", 100000 + rn(900000),
		     PICK(words), rn(5000), rn(100), 1 + rn(12), 1 + rn(28), rn(100000),
		     rn(50));
		if (pii) {
			put(o, ";");
			pii_value(o);
		}
		put(o, "\n");
	} else { /* numbers */
		unsigned n = 4 + rn(8);
		for (unsigned i = 0; i < n; i++)
			putf(o, "%s%u", i ? " " : "", rn(100000000));
		put(o, "\n");
	}
}

static uint64_t parse_size(const char *s)
{
	char *end;
	uint64_t v = strtoull(s, &end, 10);
	switch (*end) {
	case 'K': case 'k': v <<= 10; break;
	case 'M': case 'm': v <<= 20; break;
	case 'G': case 'g': v <<= 30; break;
	default: break;
	}
	return v;
}

static int gen_file(const char *path, uint64_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f) {
		perror(path);
		return 1;
	}
	struct out o = {0};
	uint64_t written = 0;
	while (written < size) {
		o.len = 0;
		while (o.len < (1 << 20))
			line(&o);
		size_t n = o.len;
		if (written + n > size)
			n = (size_t)(size - written);
		if (fwrite(o.buf, 1, n, f) != n) {
			perror(path);
			return 1;
		}
		written += n;
	}
	free(o.buf);
	return fclose(f) != 0;
}

static void text_of(struct out *o, size_t size)
{
	o->len = 0;
	while (o->len < size)
		line(o);
}

static int gen_zip(const char *path, struct out *o)
{
	struct archive *a = archive_write_new();
	archive_write_set_format_zip(a);
	if (archive_write_open_filename(a, path) != ARCHIVE_OK) {
		fprintf(stderr, "%s: %s\n", path, archive_error_string(a));
		return 1;
	}
	for (int m = 0; m < 3; m++) {
		text_of(o, 1024 + rn(6000));
		struct archive_entry *e = archive_entry_new();
		char name[32];
		snprintf(name, sizeof(name), "part-%d.txt", m);
		archive_entry_set_pathname(e, name);
		archive_entry_set_size(e, (la_int64_t)o->len);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_mtime(e, 1700000000, 0);
		archive_write_header(a, e);
		archive_write_data(a, o->buf, o->len);
		archive_entry_free(e);
	}
	archive_write_close(a);
	archive_write_free(a);
	return 0;
}

static int gen_tree(const char *dir, unsigned nfiles)
{
	struct out o = {0};
	char path[4096];
	mkdir(dir, 0755);
	for (unsigned i = 0; i < nfiles; i++) {
		if (i % 100 == 0) {
			snprintf(path, sizeof(path), "%s/d%04u", dir, i / 100);
			if (mkdir(path, 0755) != 0 && errno != EEXIST) {
				perror(path);
				return 1;
			}
		}
		if (i % 100 == 42) {
			snprintf(path, sizeof(path), "%s/d%04u/f%06u.zip", dir, i / 100, i);
			if (gen_zip(path, &o))
				return 1;
			continue;
		}
		snprintf(path, sizeof(path), "%s/d%04u/f%06u.txt", dir, i / 100, i);
		text_of(&o, 1024 + rn(7168));
		FILE *f = fopen(path, "wb");
		if (!f || fwrite(o.buf, 1, o.len, f) != o.len || fclose(f) != 0) {
			perror(path);
			return 1;
		}
	}
	free(o.buf);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "file"))
		return gen_file(argv[2], parse_size(argv[3]));
	if (argc == 4 && !strcmp(argv[1], "sparse")) {
		sparse = true;
		return gen_file(argv[2], parse_size(argv[3]));
	}
	if (argc == 4 && !strcmp(argv[1], "tree"))
		return gen_tree(argv[2], (unsigned)strtoul(argv[3], NULL, 10));
	fprintf(stderr, "usage: gencorpus file|sparse PATH SIZE | tree DIR NFILES\n");
	return 2;
}
