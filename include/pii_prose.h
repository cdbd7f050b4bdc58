/*
 * pii_prose.h - whether text was written by a person about something, or
 * is code, configuration, a command line, markup or a log line. Words of
 * the special categories have technical senses there ("disabled",
 * "diagnose", "union member"): rules with `prose: true` count only in
 * prose.
 */
#ifndef PII_PROSE_H
#define PII_PROSE_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the line of text[0..len) around text[start..end) reads as
 * prose: not a comment or directive, no code tokens (braces, `;`, `=`,
 * `::`, snake_case or camelCase identifiers, `--options`), not a log line
 * (a time and a level or process tag). */
bool pii_in_prose(const char *text, size_t len, size_t start, size_t end);

/* Whether a file's name says it holds code, configuration, a log, a man
 * page or build files (by its extension or name; path may hold "!"
 * between container layers). */
bool pii_path_is_technical(const char *path);

#endif
