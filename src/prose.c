/*
 * prose.c - prose or technical text (pii_prose.h). Cheap checks on one
 * line: they run only for the few matches of rules that need prose.
 */
#include "pii_prose.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* How far a line is looked at either side of a match. */
#define LINE_REACH 400

static bool is_letter(unsigned char c)
{
	return isalpha(c) || c >= 0x80;
}

/* An identifier as programmers write them: letters joined by '_', or a
 * lower-case letter then an upper-case one inside a word (camelCase).
 * (Not letters joined by '.': people write domains and addresses.) */
static bool code_word(const unsigned char *w, size_t n)
{
	for (size_t i = 1; i + 1 < n; i++) {
		if (w[i] == '_' && is_letter(w[i - 1]) && is_letter(w[i + 1]))
			return true;
		if (islower(w[i - 1]) && isupper(w[i]))
			return true;
	}
	return false;
}

/* Level words of log lines. */
static bool log_level(const unsigned char *w, size_t n)
{
	static const char *const levels[] = {"INFO", "WARN", "WARNING", "ERROR", "ERR",
					     "DEBUG", "NOTICE", "CRIT", "CRITICAL", "ALERT",
					     "FATAL", "TRACE", "EMERG", NULL};
	for (const char *const *l = levels; *l; l++)
		if (strlen(*l) == n && !memcmp(w, *l, n))
			return true;
	return false;
}

/* A log line: a time of day (hh:mm) near its start, and a level word or
 * a process tag ("sshd[123]:", "kernel:") on it. */
static bool log_line(const unsigned char *l, const unsigned char *e)
{
	const unsigned char *p = l;
	bool time = false;
	for (; p + 4 < e && p - l < 32; p++)
		if (isdigit(p[0]) && isdigit(p[1]) && p[2] == ':' && isdigit(p[3]) && isdigit(p[4])) {
			time = true;
			break;
		}
	if (!time)
		return false;
	for (const unsigned char *w = l; w < e;) {
		while (w < e && !isalnum(*w))
			w++;
		const unsigned char *s = w;
		while (w < e && (isalnum(*w) || *w == '-' || *w == '_'))
			w++;
		if (w > s && log_level(s, (size_t)(w - s)))
			return true;
		if (w > s && w < e && (*w == '[' || (*w == ':' && !strncmp((const char *)s, "kernel", 6))))
			return true;
	}
	return false;
}

bool pii_in_prose(const char *text, size_t len, size_t start, size_t end)
{
	size_t a = start, b = end;
	while (a > 0 && start - a < LINE_REACH && text[a - 1] != '\n')
		a--;
	while (b < len && b - end < LINE_REACH && text[b] != '\n')
		b++;
	const unsigned char *l = (const unsigned char *)text + a, *e = (const unsigned char *)text + b;
	while (l < e && (*l == ' ' || *l == '\t'))
		l++;
	if (l == e)
		return true;
	/* comments, directives, troff requests, sections, tags, prompts */
	if (strchr("#;%.[<@$", *l) || (e - l >= 2 && l[0] == '/' && (l[1] == '/' || l[1] == '*')) ||
	    (e - l >= 2 && l[0] == '-' && l[1] == '-'))
		return false;
	if (log_line(l, e))
		return false;
	unsigned marks = 0, words = 0;
	for (const unsigned char *p = l; p < e;) {
		if (strchr("{};=|\\`<>", *p) && *p) {
			marks++;
			p++;
			continue;
		}
		if (p + 1 < e && ((p[0] == '-' && (p[1] == '-' || p[1] == '>')) ||
				  (p[0] == '(' && p[1] == ')') || (p[0] == ':' && p[1] == ':'))) {
			marks++;
			p += 2;
			continue;
		}
		if (!isalnum(*p) && *p != '_' && *p < 0x80) {
			p++;
			continue;
		}
		const unsigned char *s = p;
		while (p < e && (isalnum(*p) || *p == '_' || *p >= 0x80))
			p++;
		words++;
		if (code_word(s, (size_t)(p - s)))
			marks++;
	}
	/* One mark in a long sentence is punctuation someone typed; more, or
	 * one in a few words, is code or configuration. */
	return marks == 0 || (marks == 1 && words >= 6);
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && !strncasecmp(s + n - k, suffix, k);
}

/* Whether the folder that holds name (in path) is "man" or "man1".."man9". */
static bool in_man_folder(const char *path, const char *name)
{
	if (name == path || name[-1] != '/')
		return false;
	const char *end = name - 1, *start = end;
	while (start > path && start[-1] != '/' && start[-1] != '!')
		start--;
	size_t n = (size_t)(end - start);
	return n >= 3 && !strncmp(start, "man", 3) && (n == 3 || isdigit((unsigned char)start[3]));
}

bool pii_path_is_technical(const char *path)
{
	/* the last component, past folders and container layers */
	const char *name = path;
	for (const char *p = path; *p; p++)
		if (*p == '/' || *p == '!')
			name = p + 1;
	size_t n = strlen(name);
	/* man pages compressed or not, in a man folder: man1/ls.1, ls.8.gz */
	if (n > 2 && ends_with(name, n, ".gz"))
		n -= 3;
	if (n > 2 && name[n - 2] == '.' && name[n - 1] >= '1' && name[n - 1] <= '9' &&
	    in_man_folder(path, name))
		return true;
	static const char *const suffixes[] = {
		/* code */
		".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh", ".m", ".mm", ".py", ".pyi", ".js",
		".mjs", ".ts", ".tsx", ".jsx", ".java", ".kt", ".scala", ".go", ".rs", ".rb", ".php",
		".pl", ".pm", ".sh", ".bash", ".zsh", ".ksh", ".ps1", ".bat", ".cmd", ".cs", ".vb",
		".swift", ".lua", ".r", ".el", ".lisp", ".hs", ".ml", ".erl", ".ex", ".exs", ".dart",
		".groovy", ".asm", ".s", ".f90", ".pas", ".tcl", ".awk", ".sed", ".vim",
		/* configuration and build */
		".conf", ".cfg", ".cnf", ".ini", ".yaml", ".yml", ".toml", ".properties", ".env",
		".plist", ".desktop", ".service", ".timer", ".socket", ".rules", ".mk", ".cmake",
		".am", ".in", ".ac", ".m4", ".gradle", ".sln", ".csproj", ".vcxproj", ".pom",
		".xsd", ".xsl", ".xslt", ".dtd", ".wsdl", ".svg", ".css", ".scss", ".less",
		/* logs, diffs, PostScript, troff */
		".log", ".diff", ".patch", ".ps", ".eps", ".man", ".roff", ".troff", ".tex", ".sty",
		NULL,
	};
	/* the extension, lower-cased: every suffix is a dot and a word, so
	 * one comparison of first letters rules out nearly all of them (this
	 * runs for every text file: a million small files, a million times) */
	const char *dot = NULL;
	for (size_t i = n; i-- > 0;)
		if (name[i] == '.') {
			dot = name + i;
			break;
		}
	size_t el = dot ? n - (size_t)(dot - name) : 0;
	if (el >= 2 && el <= 12) {
		char ext[13];
		for (size_t i = 0; i < el; i++)
			ext[i] = (char)tolower((unsigned char)dot[i]);
		ext[el] = '\0';
		for (const char *const *s = suffixes; *s; s++)
			if ((*s)[1] == ext[1] && !strcmp(*s, ext))
				return true;
	}
	static const char *const names[] = {"Makefile", "makefile", "GNUmakefile", "CMakeLists.txt",
					    "Dockerfile", "configure", "meson.build", NULL};
	for (const char *const *s = names; *s; s++)
		if (n == strlen(*s) && !strncmp(name, *s, n))
			return true;
	return false;
}
