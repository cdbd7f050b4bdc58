/*
 * log.c - one line per event on stderr, plain or JSON (see pii_log.h).
 */
#include "pii_log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "pii_util.h"

static enum pii_log_format format = PII_LOG_PLAIN;

void pii_log_set_format(enum pii_log_format f)
{
	format = f;
}

enum pii_log_format pii_log_get_format(void)
{
	return format;
}

static const char *level_name(enum pii_log_level level)
{
	switch (level) {
	case PII_LOG_WARNING: return "warning";
	case PII_LOG_ERROR: return "error";
	default: return "info";
	}
}

void pii_log(enum pii_log_level level, const char *event, const char *fields,
	     const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (format == PII_LOG_PLAIN) {
		fprintf(stderr, "piiscan: %s\n", msg);
		return;
	}
	/* RFC 3339 in UTC, to the millisecond */
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	struct tm tm;
	gmtime_r(&now.tv_sec, &tm);
	char when[40];
	size_t n = strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(when + n, sizeof(when) - n, ".%03ldZ", now.tv_nsec / 1000000);
	struct pii_buf line = {0};
	pii_buf_printf(&line, "{\"time\":\"%s\",\"level\":\"%s\",\"event\":\"%s\",\"message\":\"",
		       when, level_name(level), event);
	pii_escape_json(&line, msg, strlen(msg));
	pii_buf_puts(&line, "\"");
	if (fields && *fields) {
		pii_buf_putc(&line, ',');
		pii_buf_puts(&line, fields);
	}
	pii_buf_puts(&line, "}\n");
	if (!line.oom)
		fputs(pii_buf_cstr(&line), stderr); /* one call: lines do not mix */
	else
		fprintf(stderr, "{\"level\":\"error\",\"event\":\"error\",\"message\":\"out of memory\"}\n");
	fflush(stderr);
	pii_buf_free(&line);
}

unsigned pii_log_columns(void)
{
	struct winsize ws;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	const char *env = getenv("COLUMNS");
	long n = env ? strtol(env, NULL, 10) : 0;
	return n >= 20 && n <= 1000 ? (unsigned)n : 80;
}

void pii_log_status(const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* "piiscan: " and the message, one column short of the width (the
	 * line is ASCII) */
	size_t room = pii_log_columns() - 1 - strlen("piiscan: ");
	if (strlen(msg) > room)
		msg[room] = '\0';
	fprintf(stderr, "\r\033[Kpiiscan: %s", msg);
	fflush(stderr);
}

void pii_log_status_clear(void)
{
	fputs("\r\033[K", stderr);
	fflush(stderr);
}
