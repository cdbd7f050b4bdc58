/*
 * validate_net.c - IP addresses and e-mail addresses: what identifies a
 * person's device or mailbox, apart from what identifies a network, a
 * server, a service, a role or a message.
 */
#include "validators.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

/* ---- IPv4 ------------------------------------------------------------------ */

/* Addresses that never identify a person: "this network", loopback,
 * documentation, multicast, future use and broadcast. */
static bool ipv4_reserved(const unsigned o[4])
{
	if (o[0] == 0 || o[0] == 127 || o[0] >= 224)
		return true;
	if (o[0] == 192 && o[1] == 0 && o[2] == 2)
		return true;
	if (o[0] == 198 && o[1] == 51 && o[2] == 100)
		return true;
	if (o[0] == 203 && o[1] == 0 && o[2] == 113)
		return true;
	return false;
}

/* Addresses of no one's device: a network (x.x.x.0), a broadcast
 * (x.x.x.255), a netmask, the public resolvers everyone configures. */
static bool ipv4_not_a_device(const unsigned o[4])
{
	if (o[3] == 0 || o[3] == 255)
		return true;
	if (o[0] == 255)
		return true; /* 255.255.255.0 and the like */
	static const unsigned resolvers[][4] = {
		{1, 1, 1, 1}, {1, 0, 0, 1}, {8, 8, 8, 8}, {8, 8, 4, 4}, {9, 9, 9, 9},
		{149, 112, 112, 112}, {208, 67, 222, 222}, {208, 67, 220, 220},
		{4, 2, 2, 1}, {4, 2, 2, 2}, {64, 6, 64, 6}, {64, 6, 65, 6},
	};
	for (size_t i = 0; i < sizeof(resolvers) / sizeof(resolvers[0]); i++)
		if (!memcmp(o, resolvers[i], sizeof(resolvers[i])))
			return true;
	return false;
}

/* A version number written like an address: three of its four numbers
 * one digit long, the first among them (1.7.0.6, 2.4.1.3, 3.10.2.1).
 * Addresses of people's devices rarely look like that (10.0.0.1 does). */
static bool ipv4_version_like(const unsigned o[4])
{
	int small = 0;
	for (int k = 0; k < 4; k++)
		small += o[k] < 10;
	return o[0] < 10 && small >= 3;
}

/* Private (RFC 1918), shared (CGNAT) and link-local ranges: a device
 * inside a network, a person's workstation or a server alike. */
static bool ipv4_private(const unsigned o[4])
{
	return o[0] == 10 || (o[0] == 172 && o[1] >= 16 && o[1] <= 31) ||
	       (o[0] == 192 && o[1] == 168) || (o[0] == 100 && o[1] >= 64 && o[1] <= 127) ||
	       (o[0] == 169 && o[1] == 254);
}

static bool parse_ipv4(const char *value, size_t len, unsigned o[4])
{
	size_t i = 0;
	for (int k = 0; k < 4; k++) {
		if (k) {
			if (i >= len || value[i] != '.')
				return false;
			i++;
		}
		size_t start = i;
		unsigned v = 0;
		while (i < len && isdigit((unsigned char)value[i]) && i - start < 3)
			v = v * 10 + (unsigned)(value[i++] - '0');
		size_t nd = i - start;
		/* Leading zeros ("010") are not how addresses are written; they
		 * are how version and part numbers are. */
		if (nd == 0 || v > 255 || (nd > 1 && value[start] == '0'))
			return false;
		o[k] = v;
	}
	return i == len;
}

/* An address that may be a device's; *private tells which range. */
static bool ipv4_device(const char *value, size_t len, bool *private)
{
	unsigned o[4];
	if (!parse_ipv4(value, len, o) || ipv4_reserved(o) || ipv4_not_a_device(o) ||
	    ipv4_version_like(o))
		return false;
	*private = ipv4_private(o);
	return true;
}

bool pii_validate_ipv4(const char *value, size_t len, struct pii_canon *canon)
{
	bool private;
	if (!ipv4_device(value, len, &private) || private)
		return false;
	pii_canon_copy(canon, value, len);
	return true;
}

bool pii_validate_ipv4_private(const char *value, size_t len, struct pii_canon *canon)
{
	bool private;
	if (!ipv4_device(value, len, &private) || !private)
		return false;
	pii_canon_copy(canon, value, len);
	return true;
}

/* ---- IPv6 ------------------------------------------------------------------ */

/* The address in a, or false when it is not one a device of a person
 * has: unspecified, loopback, multicast, documentation, or a mapped
 * reserved IPv4. Short forms such as "a::b" are C++ scope operators and
 * the like far more often than addresses: a group of three or more hex
 * digits is needed. */
static bool ipv6_parse(const char *value, size_t len, unsigned char a[16])
{
	char s[64];
	if (len >= sizeof(s))
		return false;
	memcpy(s, value, len);
	s[len] = '\0';
	size_t run = 0, longest = 0;
	for (size_t i = 0; i < len; i++) {
		run = isxdigit((unsigned char)s[i]) ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	if (longest < 3 || inet_pton(AF_INET6, s, a) != 1)
		return false;
	static const unsigned char zero[16];
	if (!memcmp(a, zero, 15) && a[15] <= 1)
		return false; /* :: and ::1 */
	if (a[0] == 0xff)
		return false; /* multicast */
	if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == 0xb8)
		return false; /* 2001:db8::/32 documentation */
	static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	if (!memcmp(a, mapped, 12)) {
		unsigned o[4] = {a[12], a[13], a[14], a[15]};
		if (ipv4_reserved(o))
			return false;
	}
	return true;
}

/* Link-local (fe80::/10) and unique local (fc00::/7) addresses: inside a
 * network, like IPv4's private ranges. */
static bool ipv6_private(const unsigned char a[16])
{
	return (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) || (a[0] & 0xfe) == 0xfc;
}

static bool ipv6_canon(const unsigned char a[16], struct pii_canon *canon)
{
	char out[INET6_ADDRSTRLEN];
	if (!inet_ntop(AF_INET6, a, out, sizeof(out)))
		return false;
	pii_canon_copy(canon, out, strlen(out));
	return true;
}

bool pii_validate_ipv6(const char *value, size_t len, struct pii_canon *canon)
{
	unsigned char a[16];
	return ipv6_parse(value, len, a) && !ipv6_private(a) && ipv6_canon(a, canon);
}

bool pii_validate_ipv6_private(const char *value, size_t len, struct pii_canon *canon)
{
	unsigned char a[16];
	return ipv6_parse(value, len, a) && ipv6_private(a) && ipv6_canon(a, canon);
}

/* ---- e-mail ---------------------------------------------------------------- */

static bool label_eq(const char *s, size_t n, const char *lit)
{
	size_t m = strlen(lit);
	if (n != m)
		return false;
	for (size_t i = 0; i < n; i++)
		if (tolower((unsigned char)s[i]) != lit[i])
			return false;
	return true;
}

/* Top-level "domains" that are really file extensions: "logo@2x.png" in
 * a web project is an image, not an address. */
static const char *const file_extension_tlds[] = {
	"png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif",
	"tiff", "css", "js", "html", "htm", "php", "txt", "json", "xml",
	"pdf", "zip", "gz", "min", "map", "woff", "woff2", "ttf", NULL,
};

/* Reserved by RFC 2606 / RFC 6761 for examples and tests. */
static const char *const reserved_tlds[] = {
	"test", "invalid", "example", "localhost", "local", NULL,
};

static const char *const reserved_domains[] = {
	"example.com", "example.net", "example.org",
	/* and what templates write in Dutch, German and French */
	"voorbeeld.nl", "voorbeeld.be", "beispiel.de", "exemple.fr", "exemple.com", NULL,
};

/* Mailboxes of a role or a machine rather than a person (RFC 2142 and
 * what companies and projects use in four languages). Compared whole,
 * and as the part before a '-' or '.' ("support-nl", "info.sales"). */
static const char *const roles[] = {
	"info", "contact", "kontakt", "service", "services", "support", "helpdesk", "help",
	"hulp", "hilfe", "aide", "sales", "verkoop", "vertrieb", "ventes", "orders", "order",
	"bestellingen", "bestellung", "commandes", "billing", "invoice", "invoices",
	"facturen", "factuur", "rechnung", "rechnungen", "factures", "accounts", "finance",
	"financien", "boekhouding", "buchhaltung", "comptabilite", "admin", "administratie",
	"administration", "verwaltung", "office", "kantoor", "buero", "bureau", "secretariaat",
	"sekretariat", "secretariat", "reception", "receptie", "empfang", "accueil", "hr",
	"personeelszaken", "personal", "people", "jobs", "vacatures", "karriere", "careers",
	"recrutement", "recruitment", "marketing", "press", "pers", "presse", "media",
	"communicatie", "communications", "social", "newsletter", "nieuwsbrief", "events",
	"team", "hello", "hallo", "bonjour", "mail", "post", "postmaster", "webmaster",
	"hostmaster", "abuse", "security", "privacy", "noc", "root", "noreply", "no-reply",
	"donotreply", "do-not-reply", "nepasrepondre", "bounce", "bounces", "mailer-daemon",
	"notifications", "notification", "alerts", "alert", "bugs", "bug", "issues", "git",
	"svn", "dev", "devel", "ci", "build", "klantenservice", "kundenservice",
	"service-client", "serviceclient", "klantcontact", "inkoop", "einkauf", "achats",
	"planning", "logistiek", "logistik", "it", "ict", "helpdeskict", "servicedesk",
	"ops", "devops", "sysadmin", "monitoring", "nagios", "zabbix", "jenkins", "gitlab",
	"github", "bitbucket", "jira", "confluence", "deploy", "backup", "backups", "cron",
	"daemon", "system", "server", "www", "www-data", "bot", "robot", "automation",
	"scanner", "printer", "fax", "voicemail", "calendar", "agenda", "feedback",
	"klachten", "beschwerde", "reclamation", "reclamations", "tickets", "ticket",
	"status", "updates", "news", "nieuws", "dpo", "fg", "gdpr", "avg", "datenschutz",
	"dsgvo", "rgpd", "compliance", "legal", "juridisch", "recht", "juridique",
	"customerservice", "customer-service", "customercare", "klantendienst",
	"kundendienst", "serviceclients", "servicecenter", NULL,
};

bool pii_email_role_local(const char *local, size_t n)
{
	/* every address is held against two hundred roles: their first
	 * letter first (a table's column of addresses spent a tenth of its
	 * time here) */
	int first = tolower((unsigned char)local[0]);
	for (const char *const *r = roles; *r; r++) {
		if ((unsigned char)**r != first)
			continue;
		size_t m = strlen(*r);
		if (n >= m && !strncasecmp(local, *r, m) &&
		    (n == m || ((local[m] == '-' || local[m] == '.' || local[m] == '_') &&
				isalpha((unsigned char)local[m + 1]))))
			return true;
	}
	return false;
}

/* A local part made by a machine: a message or calendar id (a long run
 * of digits: 20240105142732.465001996), a hash or a UUID (a long run of
 * hex digits). */
static bool machine_local(const char *local, size_t n)
{
	size_t digits = 0, hex = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)local[i];
		digits = isdigit(c) ? digits + 1 : 0;
		hex = isxdigit(c) ? hex + 1 : (c == '-' ? hex : 0);
		if (digits >= 9 || hex >= 16)
			return true;
	}
	return false;
}

/* Checks an address; *role tells a role's mailbox from a person's. */
static bool email_ok(const char *value, size_t len, bool *role)
{
	const char *at = memchr(value, '@', len);
	if (!at || len > 254)
		return false;
	size_t local = (size_t)(at - value);
	if (local == 0 || local > 64 || machine_local(value, local))
		return false;
	const char *dom = at + 1;
	size_t dlen = len - local - 1;
	const char *tld = dom;
	for (size_t i = 0; i < dlen; i++)
		if (dom[i] == '.')
			tld = dom + i + 1;
	size_t tlen = (size_t)(dom + dlen - tld);
	if (tld == dom || tlen < 2)
		return false;
	for (size_t i = 0; i < tlen; i++)
		if (!isalpha((unsigned char)tld[i]))
			return false;
	for (const char *const *t = reserved_tlds; *t; t++)
		if (label_eq(tld, tlen, *t))
			return false;
	for (const char *const *t = file_extension_tlds; *t; t++)
		if (label_eq(tld, tlen, *t))
			return false;
	for (const char *const *d = reserved_domains; *d; d++) {
		size_t m = strlen(*d);
		/* the domain itself or any subdomain of it */
		if (dlen >= m && label_eq(dom + dlen - m, m, *d) &&
		    (dlen == m || dom[dlen - m - 1] == '.'))
			return false;
	}
	*role = pii_email_role_local(value, local);
	return len <= PII_CANON_MAX;
}

static bool email_canon(const char *value, size_t len, struct pii_canon *canon)
{
	for (size_t i = 0; i < len; i++)
		canon->buf[i] = (char)tolower((unsigned char)value[i]);
	canon->len = len;
	return true;
}

bool pii_validate_email(const char *value, size_t len, struct pii_canon *canon)
{
	bool role;
	return email_ok(value, len, &role) && !role && email_canon(value, len, canon);
}

bool pii_validate_email_role(const char *value, size_t len, struct pii_canon *canon)
{
	bool role;
	return email_ok(value, len, &role) && role && email_canon(value, len, canon);
}

/* "jan (at) example (dot) nl", "jan[at]example.nl", "jan at example dot
 * nl": the address with its "at" and "dot" put back, then checked as
 * any other; its canonical form is the plain address, so that it counts
 * as the same value. */
bool pii_validate_email_obfuscated(const char *value, size_t len, struct pii_canon *canon)
{
	char plain[PII_CANON_MAX];
	size_t n = 0;
	bool bare_at = false, dot_mark = false;
	for (size_t i = 0; i < len && n < sizeof(plain);) {
		static const struct {
			const char *word;
			char c;
		} marks[] = {{" (at) ", '@'}, {"(at)", '@'}, {" [at] ", '@'}, {"[at]", '@'},
			     {" {at} ", '@'}, {"{at}", '@'}, {" at ", '@'}, {" (dot) ", '.'},
			     {"(dot)", '.'}, {" [dot] ", '.'}, {"[dot]", '.'}, {" {dot} ", '.'},
			     {"{dot}", '.'}, {" dot ", '.'}, {"%40", '@'}};
		bool replaced = false;
		for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]) && !replaced; k++) {
			size_t m = strlen(marks[k].word);
			if (i + m <= len && !strncasecmp(value + i, marks[k].word, m)) {
				plain[n++] = marks[k].c;
				i += m;
				replaced = true;
				bare_at |= !strcmp(marks[k].word, " at ");
				dot_mark |= marks[k].c == '.';
			}
		}
		if (!replaced)
			plain[n++] = value[i++];
	}
	/* "look at example.com" is English: a bare "at" counts with a
	 * spelled-out dot only ("jan at example dot nl") */
	if (bare_at && !dot_mark)
		return false;
	bool role;
	if (n == sizeof(plain) || !memchr(plain, '@', n) || !email_ok(plain, n, &role) || role)
		return false;
	return email_canon(plain, n, canon);
}
