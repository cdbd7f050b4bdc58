/*
 * output.c - output files: temporary name, then rename.
 */
#include "pii_output.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pii_inventory.h"
#include "pii_records.h"
#include "pii_writer.h"
#include "pii_stop.h"

/* "<dir>/.<name>.XXXXXX": hidden, in the target's folder so that the
 * final rename stays on one file system and is atomic. */
static char *temp_name_for(const char *path)
{
	char *a = strdup(path), *b = strdup(path);
	char *out = NULL;
	if (a && b) {
		const char *dir = dirname(a);
		const char *base = basename(b);
		size_t n = strlen(dir) + strlen(base) + 16;
		out = malloc(n);
		if (out)
			snprintf(out, n, "%s/.%s.XXXXXX", dir, base);
	}
	free(a);
	free(b);
	return out;
}

enum pii_status pii_outputs_open(struct pii_outputs *o, const struct pii_options *opt,
				 char *err, size_t errlen)
{
	memset(o, 0, sizeof(*o));
	o->show_values = opt->show_values;
	o->records = opt->records;
	o->v = calloc(opt->n_outputs, sizeof(*o->v));
	o->old_dev = calloc(opt->n_outputs, sizeof(dev_t));
	o->old_ino = calloc(opt->n_outputs, sizeof(ino_t));
	if (!o->v || !o->old_dev || !o->old_ino) {
		snprintf(err, errlen, "out of memory");
		return PII_EFATAL;
	}
	for (size_t i = 0; i < opt->n_outputs; i++) {
		struct pii_output *out = &o->v[i];
		out->spec = &opt->outputs[i];
		o->n = i + 1;
		if (!strcmp(out->spec->path, "-")) {
			out->fp = stdout;
			continue;
		}
		struct stat st;
		if (stat(out->spec->path, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				snprintf(err, errlen, "cannot write '%s': it is a folder",
					 out->spec->path);
				return PII_EFATAL;
			}
			o->old_dev[o->n_old] = st.st_dev;
			o->old_ino[o->n_old++] = st.st_ino;
			if (!S_ISREG(st.st_mode)) {
				/* /dev/null, a FIFO: written to, never replaced (a
				 * rename would put a file in /dev/null's place) */
				if (out->spec->writer->by_name) {
					snprintf(err, errlen, "cannot write '%s': it is no "
						 "regular file (a workbook is written to a file)",
						 out->spec->path);
					return PII_EFATAL;
				}
				out->fp = fopen(out->spec->path, "w");
				if (!out->fp) {
					snprintf(err, errlen, "cannot write '%s': %s",
						 out->spec->path, strerror(errno));
					return PII_EFATAL;
				}
				continue;
			}
		}
		out->tmp_path = temp_name_for(out->spec->path);
		if (!out->tmp_path) {
			snprintf(err, errlen, "out of memory");
			return PII_EFATAL;
		}
		/* mkstemp creates the file with mode 0600: the report holds
		 * facts about personal data and is only for its owner. */
		int fd = mkstemp(out->tmp_path);
		if (fd < 0) {
			snprintf(err, errlen, "cannot write '%s': %s", out->spec->path,
				 strerror(errno));
			free(out->tmp_path);
			out->tmp_path = NULL;
			return PII_EFATAL;
		}
		pii_stop_track_temp(out->tmp_path);
		if (fstat(fd, &st) == 0) {
			out->dev = st.st_dev;
			out->ino = st.st_ino;
		}
		if (out->spec->writer->by_name) {
			/* libxlsxwriter writes by name; the file keeps its mode. */
			close(fd);
			continue;
		}
		out->fp = fdopen(fd, "w");
		if (!out->fp) {
			snprintf(err, errlen, "cannot write '%s': %s", out->spec->path,
				 strerror(errno));
			close(fd);
			return PII_EFATAL;
		}
	}
	return PII_OK;
}

bool pii_outputs_is_own(const struct pii_outputs *o, dev_t dev, ino_t ino)
{
	for (size_t i = 0; i < o->n; i++)
		if (o->v[i].tmp_path && o->v[i].dev == dev && o->v[i].ino == ino)
			return true;
	for (size_t i = 0; i < o->n_old; i++)
		if (o->old_dev[i] == dev && o->old_ino[i] == ino)
			return true;
	return false;
}

bool pii_outputs_want_findings(const struct pii_outputs *o)
{
	for (size_t i = 0; i < o->n; i++)
		if (o->v[i].spec->writer->lists_findings)
			return true;
	return false;
}

void pii_outputs_write_batch(struct pii_outputs *o, const struct pii_ruleset *rs,
			     const struct pii_batch *b)
{
	if (!o->jsonl) {
		bool wanted = false;
		for (size_t i = 0; i < o->n; i++)
			wanted |= o->v[i].spec->writer->streams;
		if (!wanted)
			return;
		if (!(o->jsonl = pii_jsonl_new(rs, o->records))) {
			for (size_t i = 0; i < o->n; i++)
				if (o->v[i].spec->writer->streams)
					o->v[i].write_errno = ENOMEM;
			return;
		}
	}
	/* Rendered once for all JSONL outputs; the batch's locations are new
	 * memory, whatever their addresses. */
	pii_jsonl_forget(o->jsonl);
	o->line.len = 0;
	for (size_t k = 0; k < b->n; k++)
		pii_jsonl_format(o->jsonl, &o->line, &b->items[k], b->file_id);
	for (size_t i = 0; i < o->n; i++) {
		struct pii_output *out = &o->v[i];
		if (!out->spec->writer->streams || out->write_errno)
			continue;
		if (o->line.oom) {
			out->write_errno = ENOMEM;
			pii_buf_free(&o->line);
			continue;
		}
		if (o->line.len && fwrite(o->line.data, 1, o->line.len, out->fp) != o->line.len)
			out->write_errno = errno ? errno : EIO;
	}
}

void pii_outputs_write_line(struct pii_outputs *o, const char *line, size_t len)
{
	for (size_t i = 0; i < o->n; i++) {
		struct pii_output *out = &o->v[i];
		if (!out->spec->writer->streams || out->write_errno)
			continue;
		if (fwrite(line, 1, len, out->fp) != len)
			out->write_errno = errno ? errno : EIO;
	}
}

/* Flushes and closes a stream output; returns 0 or an errno. */
static int close_stream(struct pii_output *out)
{
	int e = out->write_errno;
	if (!out->fp)
		return e;
	if (fflush(out->fp) != 0 && !e)
		e = errno;
	if (out->fp != stdout) {
		if (!e && fsync(fileno(out->fp)) != 0 && errno != EINVAL)
			e = errno;
		if (fclose(out->fp) != 0 && !e)
			e = errno;
	}
	out->fp = NULL;
	return e;
}

/* Records a failure to write out as the message, unless one is there. */
static void output_failed(struct pii_output *out, int e, const char *why, bool to_stdout,
			  enum pii_status *result, char *err, size_t errlen)
{
	/* A reader that went away (| head) is not worth a message. */
	bool reader_gone = e == EPIPE && to_stdout;
	if (*result == PII_OK && !reader_gone)
		snprintf(err, errlen, "cannot write '%s': %s", out->spec->path,
			 why && why[0] ? why : strerror(e));
	*result = PII_EFATAL;
}

enum pii_status pii_outputs_commit(struct pii_outputs *o,
				   const struct pii_inventory *inv, char *err,
				   size_t errlen)
{
	enum pii_status result = PII_OK;
	/* Every output is written whole first; only when all are do they
	 * replace the files of the same name, so that a failure leaves the
	 * previous inventory as it was, in every format. */
	for (size_t i = 0; i < o->n; i++) {
		struct pii_output *out = &o->v[i];
		int e = 0;
		char why[512] = "";
		bool to_stdout = out->fp == stdout;
		const struct pii_writer *w = out->spec->writer;
		errno = 0;
		if (w->commit && w->commit(inv, out->tmp_path, out->fp, why, sizeof(why)) != PII_OK) {
			if (w->by_name)
				e = EIO;
			else
				out->write_errno = errno ? errno : EIO;
		}
		if (!w->by_name)
			e = close_stream(out);
		if (e)
			output_failed(out, e, why, to_stdout, &result, err, errlen);
	}
	for (size_t i = 0; i < o->n; i++) {
		struct pii_output *out = &o->v[i];
		if (!out->tmp_path)
			continue;
		pii_stop_untrack_temp(out->tmp_path);
		if (result == PII_OK && rename(out->tmp_path, out->spec->path) != 0)
			output_failed(out, errno, NULL, false, &result, err, errlen);
		if (result != PII_OK)
			unlink(out->tmp_path);
		free(out->tmp_path);
		out->tmp_path = NULL;
	}
	return result;
}

void pii_outputs_abort(struct pii_outputs *o)
{
	for (size_t i = 0; i < o->n; i++) {
		struct pii_output *out = &o->v[i];
		if (out->fp && out->fp != stdout)
			fclose(out->fp);
		out->fp = NULL;
		if (out->tmp_path) {
			pii_stop_untrack_temp(out->tmp_path);
			unlink(out->tmp_path);
		}
		free(out->tmp_path);
		out->tmp_path = NULL;
	}
}

void pii_outputs_free(struct pii_outputs *o)
{
	pii_outputs_abort(o);
	free(o->v);
	free(o->old_dev);
	free(o->old_ino);
	pii_buf_free(&o->line);
	pii_jsonl_free(o->jsonl);
	memset(o, 0, sizeof(*o));
}
