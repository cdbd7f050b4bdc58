/*
 * pii_ignore.h - gitignore patterns: --exclude, --ignore-file and the
 * .piiscanignore files of the scanned folders. A list of patterns is
 * matched against a path relative to the folder the list belongs to (the
 * ignore file's, or the scanned root for the options); the walker decides
 * which lists apply where.
 */
#ifndef PII_IGNORE_H
#define PII_IGNORE_H

#include <stdbool.h>
#include <stddef.h>

/* The ignore file looked for in every scanned folder. */
#define PII_IGNORE_FILE_NAME ".piiscanignore"

struct pii_ignore;

/* What a list says of a path: nothing (no pattern matched), skip it, or
 * keep it (the last pattern matching was a '!' one). */
enum pii_ignore_verdict {
	PII_IGNORE_NONE,
	PII_IGNORE_EXCLUDE,
	PII_IGNORE_INCLUDE,
};

/* A new, empty list. casefold: match letters in any case
 * (--ignore-case-paths). NULL when out of memory. */
struct pii_ignore *pii_ignore_new(bool casefold);
void pii_ignore_free(struct pii_ignore *ig);

/* Adds one line of an ignore file (gitignore syntax; no newline). source
 * names where it came from in warnings ("--exclude", "FILE:LINE") and is
 * copied. Returns 1 when a pattern was added, 0 for a blank or comment
 * line, -1 when out of memory. */
int pii_ignore_add(struct pii_ignore *ig, const char *line, const char *source);

/* Adds every line of text[0..len). false when out of memory. */
bool pii_ignore_add_text(struct pii_ignore *ig, const char *text, size_t len,
			 const char *file);

/* Reads the ignore file at path into ig: at most max bytes (a larger file
 * is refused, errno EFBIG), never through a symbolic link (as git). false
 * with errno set when it cannot be read. */
bool pii_ignore_add_file(struct pii_ignore *ig, const char *path, size_t max);

/* Number of patterns in ig (NULL: 0). */
size_t pii_ignore_count(const struct pii_ignore *ig);

/* What ig says of rel, a path below the list's folder ("a/b.txt", no
 * leading '/'); is_dir: rel is a folder. The last matching pattern
 * decides. track: note which patterns matched (for
 * pii_ignore_unmatched), every one that matches rel and not only the
 * one that decides; thread-safe. ig may be NULL. */
enum pii_ignore_verdict pii_ignore_match(struct pii_ignore *ig, const char *rel, bool is_dir,
					 bool track);

/* Calls fn for each pattern of ig that no tracked match has met, in the
 * order given: its text as written and its source. */
void pii_ignore_unmatched(const struct pii_ignore *ig,
			  void (*fn)(const char *pattern, const char *source, void *arg),
			  void *arg);

/* rel of path below base (the folder a list belongs to, as the walker
 * spells it: path starts with base); NULL when path is base itself. */
const char *pii_ignore_rel(const char *base, const char *path);

#endif
