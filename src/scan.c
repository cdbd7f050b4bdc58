/*
 * scan.c - scanning one file on disk: open it (read-only, as it is when
 * opened), detect its type, extract it through the worker's sink
 * (worker_sink.c), and set its outcome.
 */
#include "worker.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pii_detect.h"
#include "pii_extract.h"
#include "pii_limits.h"
#include "pii_source.h"
#include "pii_state.h"
#include "pii_stop.h"

/* ---- a file on disk --------------------------------------------------------------- */

/* Detects the type and runs the extractors over in; sets the outcome. */
static void scan_input(struct pii_worker *w, struct pii_input *in,
		       struct pii_file_result *res, const struct pii_extractor *as)
{
	pii_detect(in->head, in->head_len, in->head_is_all, w->magic, &in->type);
	snprintf(res->type, sizeof(res->type), "%s", in->type.mime);
	in->scratch = pii_worker_level_buffer(w->scratch, 0, PII_READ_CHUNK);
	if (!in->scratch) {
		pii_file_result_set(res, PII_FILE_FAILED, PII_CODE_OUT_OF_MEMORY, "out of memory");
		return;
	}
	enum pii_status st = as ? as->run(in, &w->sink.base) : pii_extract(in, &w->sink.base);
	res->bytes_read = in->bytes_read;
	int stopped = in->budget ? in->budget->stopped : 0;
	bool ocr_cut = in->budget && in->budget->ocr_cut;
	res->transient = stopped || ocr_cut || in->read_errno || (st != PII_OK && st != PII_ELIMIT);
	char why[256];
	if (stopped == ETIMEDOUT) {
		snprintf(why, sizeof(why),
			 "timeout: not read to the end in %u s (--file-timeout); findings up to "
			 "there are kept", w->ctx->opt->file_timeout);
		pii_file_result_set(res, PII_FILE_PARTIAL, PII_CODE_TIMEOUT, why);
	} else if (stopped == EINTR) {
		snprintf(why, sizeof(why),
			 "scan interrupted (%s) while this file was read; findings up to there are kept",
			 pii_signal_name(pii_stop_signal()));
		pii_file_result_set(res, PII_FILE_PARTIAL, PII_CODE_INTERRUPTED, why);
	} else if (in->read_errno) {
		snprintf(why, sizeof(why), "read error after %llu bytes: %s; findings up to there are kept",
			 (unsigned long long)in->bytes_read, strerror(in->read_errno));
		pii_file_result_set(res, PII_FILE_PARTIAL, PII_CODE_READ_ERROR, why);
	} else if (st != PII_OK && st != PII_ELIMIT) {
		pii_file_result_set(res, PII_FILE_PARTIAL, PII_CODE_OUT_OF_MEMORY,
				    "out of memory while scanning; some findings may be missing");
	} else {
		pii_file_result_set(res, PII_FILE_SCANNED, NULL, NULL);
	}
}

static void count_bytes(void *counters, uint64_t n)
{
	atomic_fetch_add(&((struct pii_counters *)counters)->bytes_done, (uint_fast64_t)n);
}

/* Opens the file at path and reads its head into in; false with the
 * outcome set in res when it is not to be scanned. */
static bool open_input(struct pii_worker *w, const char *path, struct pii_file_result *res,
		       struct pii_input *in, struct pii_file_reader *reader)
{
	const struct pii_options *opt = w->ctx->opt;
	char why[256];
	int fd = pii_open_readonly(path, opt->follow_symlinks);
	if (fd < 0) {
		if (errno == ELOOP && !opt->follow_symlinks)
			pii_file_result_set(res, PII_FILE_SKIPPED, PII_CODE_SYMLINK,
					    "symbolic link, not followed (see --follow-symlinks)");
		else if (errno == ENOENT)
			pii_file_result_set(res, PII_FILE_FAILED, PII_CODE_GONE,
					    "gone before it was read (deleted or moved during the scan)");
		else
			pii_file_result_set(res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, strerror(errno));
		return false;
	}
	*reader = (struct pii_file_reader){.fd = fd, .progress = count_bytes,
					   .progress_ctx = w->ctx->counters};
	struct stat st;
	if (fstat(fd, &st) != 0) {
		pii_file_result_set(res, PII_FILE_FAILED, PII_CODE_OPEN_FAILED, strerror(errno));
		return false;
	}
	res->size = (uint64_t)st.st_size;
	res->mtime = (int64_t)st.st_mtime;
	res->mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
	res->ino = (uint64_t)st.st_ino;
	res->uid = st.st_uid;
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, sizeof(why), "%s, not read", pii_file_kind(st.st_mode));
		pii_file_result_set(res, PII_FILE_SKIPPED, PII_CODE_SPECIAL_FILE, why);
		return false;
	}
	if (w->ctx->outputs && pii_outputs_is_own(w->ctx->outputs, st.st_dev, st.st_ino)) {
		pii_file_result_set(res, PII_FILE_SKIPPED, PII_CODE_OWN_FILE,
				    "piiscan's own output, not read");
		return false;
	}
	if (w->ctx->state && pii_state_is_own(w->ctx->state, st.st_dev, st.st_ino)) {
		pii_file_result_set(res, PII_FILE_SKIPPED, PII_CODE_OWN_FILE,
				    "piiscan's own state file, not read");
		return false;
	}
	if (opt->max_filesize && (uint64_t)st.st_size > opt->max_filesize) {
		snprintf(why, sizeof(why), "larger than --max-filesize (%llu bytes)",
			 (unsigned long long)st.st_size);
		pii_file_result_set(res, PII_FILE_SKIPPED, PII_CODE_LIMIT_SIZE, why);
		return false;
	}
	/* a small file is read whole with the head: no read-ahead to ask for
	 * (a system call saved per file of a share of small files) */
	if ((uint64_t)st.st_size > PII_SNIFF_SIZE)
		posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	unsigned char *head = pii_worker_level_buffer(w->head, 0, PII_SNIFF_SIZE);
	if (!head) {
		pii_file_result_set(res, PII_FILE_FAILED, PII_CODE_OUT_OF_MEMORY, "out of memory");
		return false;
	}
	in->path = path;
	in->fd = fd;
	in->size = (uint64_t)st.st_size;
	in->read_more = pii_file_read;
	in->read_ctx = reader;
	reader->size = (uint64_t)st.st_size;
	/* Read the head, for detection; the extractor reads on from there. */
	if (!pii_input_read_head(in, head)) {
		pii_file_result_set(res, PII_FILE_FAILED, PII_CODE_READ_ERROR,
				    strerror(in->read_errno));
		return false;
	}
	return true;
}

/* ---- a unit of a source: a table of a database, a file on a share ----------------- */

/* A file source's file, opened: its head read, then scanned as a file on
 * disk is. */
static void extract_source_input(struct pii_source_scan *s, struct pii_input *in)
{
	struct pii_worker *w = s->worker;
	unsigned char *head = pii_worker_level_buffer(w->head, 0, PII_SNIFF_SIZE);
	if (!head) {
		pii_file_result_set(s->res, PII_FILE_FAILED, PII_CODE_OUT_OF_MEMORY, "out of memory");
		return;
	}
	if (!pii_input_read_head(in, head)) {
		pii_file_result_set(s->res, PII_FILE_FAILED, PII_CODE_READ_ERROR,
				    strerror(in->read_errno));
		return;
	}
	scan_input(w, in, s->res, NULL);
}

static void scan_source(struct pii_worker *w, const struct pii_source *src,
			struct pii_file_result *res, struct pii_budget *budget)
{
	struct pii_source_scan s = {
		.path = res->path, .opt = w->ctx->opt, .res = res, .out = &w->sink.base,
		.budget = budget, .extract = extract_source_input, .worker = w,
	};
	src->scan(&s);
}

void pii_worker_scan_file(struct pii_worker *w, uint64_t id, const char *path)
{
	if (w->ctx->state && pii_carry_over(w, id, path))
		return;
	struct pii_file_result *res = pii_file_result_new(id, path);
	struct file_ctx *fc = res ? pii_file_ctx_new(w->ctx, res) : NULL;
	if (!fc) {
		pii_file_result_free(res);
		return; /* out of memory: nothing to tell it with */
	}
	pii_scan_sink_begin(&w->sink, fc, 0);
	struct pii_budget budget = {0};
	if (w->ctx->opt->file_timeout)
		budget.deadline = pii_now_monotonic() + w->ctx->opt->file_timeout;
	const struct pii_source *src = pii_source_of(path);
	if (src) {
		scan_source(w, src, res, &budget);
		pii_scan_sink_end(&w->sink);
		return;
	}
	struct pii_input in = {.opt = w->ctx->opt, .budget = &budget, .fd = -1};
	struct pii_file_reader reader = {.fd = -1};
	if (open_input(w, path, res, &in, &reader)) {
		scan_input(w, &in, res, NULL);
		if (reader.shrank && res->status == PII_FILE_SCANNED) {
			char why[200];
			snprintf(why, sizeof(why),
				 "cut short while it was read (%llu of %llu bytes): changed by "
				 "another program? Findings up to there are kept",
				 (unsigned long long)reader.done, (unsigned long long)reader.size);
			pii_file_result_set(res, PII_FILE_PARTIAL, PII_CODE_CHANGED, why);
		}
	}
	if (reader.fd >= 0)
		close(reader.fd);
	pii_scan_sink_end(&w->sink);
}

void pii_worker_scan_buffer(struct pii_worker *w, uint64_t id, const char *path,
			    const void *data, size_t len)
{
	pii_worker_scan_buffer_as(w, id, path, data, len, NULL);
}

void pii_worker_scan_buffer_as(struct pii_worker *w, uint64_t id, const char *path,
			       const void *data, size_t len, const struct pii_extractor *as)
{
	struct pii_file_result *res = pii_file_result_new(id, path);
	struct file_ctx *fc = res ? pii_file_ctx_new(w->ctx, res) : NULL;
	if (!fc) {
		pii_file_result_free(res);
		return;
	}
	pii_scan_sink_begin(&w->sink, fc, 0);
	res->size = len;
	struct pii_budget budget = {0};
	struct pii_input in;
	pii_input_init_memory(&in, path, data, len, w->ctx->opt, &budget);
	scan_input(w, &in, res, as);
	pii_scan_sink_end(&w->sink);
}
