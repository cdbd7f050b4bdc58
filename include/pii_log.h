/*
 * pii_log.h - what piiscan tells its user on stderr: one line per event,
 * plain ("piiscan: ...") or JSON (--log-format json) for log collectors.
 * Messages hold counts, option values, the paths given on the command
 * line and of outputs, reasons: never a found value.
 */
#ifndef PII_LOG_H
#define PII_LOG_H

enum pii_log_format {
	PII_LOG_PLAIN,
	PII_LOG_JSON,
};

enum pii_log_level {
	PII_LOG_INFO,
	PII_LOG_WARNING,
	PII_LOG_ERROR,
};

void pii_log_set_format(enum pii_log_format f);
enum pii_log_format pii_log_get_format(void);

/* Writes one line for event (a short name: "start", "progress",
 * "summary", "output", "interrupted", "error"). fields, when not NULL,
 * is a JSON object's inside ("\"files\":3,\"bytes\":10") added to the JSON
 * line; the plain line is the message alone. */
void pii_log(enum pii_log_level level, const char *event, const char *fields,
	     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* A line drawn over by the next (a terminal's progress line): plain only,
 * no newline, after "\r" and a clear to the end of the line. */
void pii_log_status(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The terminal's width in columns (stderr's, else $COLUMNS, else 80): a
 * status line is cut to one less, so that it never wraps. */
unsigned pii_log_columns(void);

/* Ends a status line: clears it. */
void pii_log_status_clear(void);

#endif
