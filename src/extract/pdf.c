/*
 * pdf.c - PDF text through pdftotext (poppler-utils), run as a child
 * process: a hostile PDF can crash or hang a PDF parser, and then only
 * the child dies, or is killed at the time limit. Pages (pdftotext ends
 * each with a form feed) become page numbers in the location. A page
 * that gives no text has no text layer (a scan): it is rendered by
 * pdftoppm, in a child process the same way, and read by OCR (pii_ocr.h)
 * as far as the OCR policy and budget allow.
 *
 * pdftotext reads the file as /dev/fd/3: the file itself, or for a PDF
 * inside another container a memory file (memfd), never a file on disk.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pii_decode.h"
#include "pii_extractor.h"
#include "pii_limits.h"
#include "pii_ocr.h"
#include "pii_props.h"

/* Memory pdftotext may use: large documents need a few hundred MB. */
#define PDF_CHILD_MEMORY ((rlim_t)1 << 30)

/* Where poppler-utils' tool `name` is; NULL when it is not installed. */
static const char *tool_path(char *buf, size_t size, const char *name)
{
	static const char *const dirs[] = {"/usr/bin", "/usr/local/bin", "/bin", NULL};
	for (const char *const *d = dirs; *d; d++) {
		snprintf(buf, size, "%s/%s", *d, name);
		if (access(buf, X_OK) == 0)
			return buf;
	}
	return NULL;
}

/* Starts exe with argv on pdf_fd (as fd 3); its output on *out_fd, errors
 * on *err_fd. Only async-signal-safe calls between fork and exec: the
 * path and arguments are made before. */
static pid_t start_child(const char *exe, char *const argv[], int pdf_fd, int *out_fd,
			 int *err_fd)
{
	int out[2], err[2];
	if (pipe2(out, O_CLOEXEC) != 0)
		return -1;
	if (pipe2(err, O_CLOEXEC) != 0) {
		close(out[0]);
		close(out[1]);
		return -1;
	}
	pid_t pid = fork();
	if (pid == 0) {
		struct rlimit mem = {PDF_CHILD_MEMORY, PDF_CHILD_MEMORY};
		struct rlimit cpu = {PII_PDF_TIMEOUT_SEC, PII_PDF_TIMEOUT_SEC + 5};
		/* dup2 onto itself keeps close-on-exec: clear it by hand */
		if ((pdf_fd == 3 ? fcntl(3, F_SETFD, 0) : dup2(pdf_fd, 3)) < 0 ||
		    dup2(out[1], 1) < 0 || dup2(err[1], 2) < 0)
			_exit(127);
		setrlimit(RLIMIT_AS, &mem);
		setrlimit(RLIMIT_CPU, &cpu);
		execv(exe, argv);
		_exit(127);
	}
	close(out[1]);
	close(err[1]);
	if (pid < 0) {
		close(out[0]);
		close(err[0]);
		return -1;
	}
	*out_fd = out[0];
	*err_fd = err[0];
	return pid;
}

/* A child run to its end, its output handed to take(ctx) as it comes:
 * stopped at PII_PDF_TIMEOUT_SEC. */
struct child_run {
	void (*take)(void *ctx, const char *s, size_t n);
	void *ctx;
	bool timed_out;
	int status;     /* as waitpid gives it */
	char err[512];  /* the first line it wrote to stderr */
};

/* Runs exe with argv on pdf_fd; false when it cannot be started. */
static bool run_child(const char *exe, char *const argv[], int pdf_fd, unsigned char *buf,
		      struct child_run *r)
{
	int out_fd = -1, err_fd = -1;
	pid_t pid = start_child(exe, argv, pdf_fd, &out_fd, &err_fd);
	if (pid < 0)
		return false;
	size_t errlen = 0;
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	struct pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
	int open_fds = 2;
	while (open_fds) {
		struct timespec now;
		clock_gettime(CLOCK_MONOTONIC, &now);
		long left_ms = PII_PDF_TIMEOUT_SEC * 1000L -
			       ((now.tv_sec - start.tv_sec) * 1000L +
				(now.tv_nsec - start.tv_nsec) / 1000000L);
		if (left_ms <= 0) {
			r->timed_out = true;
			kill(pid, SIGKILL);
			break;
		}
		int n_ready = poll(fds, 2, (int)left_ms);
		if (n_ready < 0 && errno == EINTR)
			continue;
		if (n_ready < 0)
			break;
		for (int i = 0; i < 2; i++) {
			if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			ssize_t n;
			if (i == 0)
				n = read(out_fd, buf, PII_READ_CHUNK);
			else
				n = read(err_fd, r->err + errlen, sizeof(r->err) - 1 - errlen);
			if (n > 0 && i == 0)
				r->take(r->ctx, (const char *)buf, (size_t)n);
			else if (n > 0)
				errlen += (size_t)n;
			if (n <= 0 || (i == 1 && errlen == sizeof(r->err) - 1)) {
				fds[i].fd = -1;
				open_fds--;
			}
		}
	}
	close(out_fd);
	close(err_fd);
	while (waitpid(pid, &r->status, 0) < 0 && errno == EINTR)
		;
	r->err[errlen] = '\0';
	char *nl = strchr(r->err, '\n');
	if (nl)
		*nl = '\0';
	return true;
}

static bool child_failed(const struct child_run *r)
{
	return r->timed_out || !WIFEXITED(r->status) || WEXITSTATUS(r->status) != 0;
}

/* Pages without a text layer, kept to be read by OCR. */
#define PDF_BLANK_MAX PII_OCR_MAX_PAGES

struct pdf_text {
	struct pii_sink *out;
	struct pii_loc loc;
	bool open;
	uint64_t page_visible; /* non-space characters of this page */
	uint32_t *blank;       /* pages with none */
	uint32_t n_blank;
	uint32_t more_blank;   /* past PDF_BLANK_MAX */
	enum pii_status st;
	struct pii_decoder dec;
	struct pii_buf utf8;
};

static void page_begin(struct pdf_text *t)
{
	if (!t->open && t->st == PII_OK) {
		t->st = pii_sink_begin_text(t->out, &t->loc, false);
		t->open = true;
	}
}

static void page_end(struct pdf_text *t)
{
	if (t->open) {
		enum pii_status st = pii_sink_end_text(t->out);
		if (t->st == PII_OK)
			t->st = st;
		t->open = false;
	}
}

/* A form feed: the page is over. */
static void page_done(struct pdf_text *t)
{
	page_end(t);
	if (!t->page_visible) {
		if (!t->blank)
			t->blank = malloc(PDF_BLANK_MAX * sizeof(*t->blank));
		if (t->blank && t->n_blank < PDF_BLANK_MAX)
			t->blank[t->n_blank++] = t->loc.page;
		else
			t->more_blank++;
	}
	t->page_visible = 0;
	t->loc.page++;
}

/* Text from pdftotext: pages end with a form feed. */
static void take(void *ctx, const char *s, size_t n)
{
	struct pdf_text *t = ctx;
	while (n && t->st == PII_OK) {
		const char *ff = memchr(s, '\f', n);
		size_t k = ff ? (size_t)(ff - s) : n;
		for (size_t i = 0; i < k; i++)
			t->page_visible += (unsigned char)s[i] > ' ';
		if (k) {
			page_begin(t);
			/* pdftotext writes UTF-8; make sure of it */
			t->utf8.len = 0;
			if (pii_decode(&t->dec, s, k, false, &t->utf8) && t->utf8.len)
				t->st = pii_sink_write_text(t->out, t->utf8.data, t->utf8.len);
		}
		if (!ff)
			break;
		page_done(t);
		s = ff + 1;
		n -= k + 1;
	}
}

/* ---- pages without a text layer ------------------------------------------------- */

/* A rendered page, collected up to the OCR's pixel limit (a grey pixel
 * is a byte). */
struct rendered {
	struct pii_buf image;
	bool too_large;
};

static void take_image(void *ctx, const char *s, size_t n)
{
	struct rendered *r = ctx;
	if (r->too_large || r->image.len + n > PII_OCR_MAX_PIXELS + 64) {
		r->too_large = true;
		return;
	}
	if (!pii_buf_append(&r->image, s, n))
		r->too_large = true;
}

/* Renders each page of t->blank with pdftoppm and reads it by OCR. */
static enum pii_status read_blank_pages(struct pii_input *in, struct pii_sink *out,
					int pdf_fd, const struct pdf_text *t)
{
	char path[64];
	const char *exe = tool_path(path, sizeof(path), "pdftoppm");
	uint32_t pages = t->n_blank + t->more_blank;
	if (!pii_ocr_pdf_wanted(in, out, pages))
		return PII_OK;
	if (!exe) {
		pii_sink_problem(out, in->path, PII_FILE_SKIPPED, PII_CODE_NEEDS_OCR,
				 "PDF has pages without a text layer; pdftoppm (poppler-utils), "
				 "which renders them for OCR, is not installed");
		return PII_OK;
	}
	enum pii_status st = PII_OK;
	for (uint32_t i = 0; i < t->n_blank && st != PII_EFATAL; i++) {
		char first[16], ppi[16];
		snprintf(first, sizeof(first), "%u", t->blank[i]);
		snprintf(ppi, sizeof(ppi), "%d", PII_OCR_PDF_PPI);
		char *const argv[] = {(char *)"pdftoppm", (char *)"-gray", (char *)"-r", ppi,
				      (char *)"-f", first, (char *)"-l", first,
				      (char *)"-singlefile", (char *)"/dev/fd/3", NULL};
		struct rendered r = {0};
		struct child_run run = {.take = take_image, .ctx = &r};
		char why[700];
		if (!run_child(exe, argv, pdf_fd, in->scratch, &run)) {
			pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_TOOL_FAILED,
					 "cannot start pdftoppm to render a page for OCR");
		} else if (r.too_large) {
			snprintf(why, sizeof(why), "page %u is too large to render for OCR", t->blank[i]);
			pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE, why);
		} else if (child_failed(&run)) {
			snprintf(why, sizeof(why), "pdftoppm could not render page %u for OCR%s%s",
				 t->blank[i], run.err[0] ? ": " : "", run.err);
			pii_sink_problem(out, in->path, PII_FILE_PARTIAL,
					 run.timed_out ? PII_CODE_TIMEOUT : PII_CODE_TOOL_FAILED, why);
		} else {
			st = pii_ocr_pdf_page(in, t->blank[i], r.image.data, r.image.len,
					      PII_OCR_PDF_PPI, out);
		}
		pii_buf_free(&r.image);
		if (in->budget && in->budget->ocr_cut)
			break; /* the budget's row is written */
	}
	if (t->more_blank && st != PII_EFATAL) {
		char why[200];
		snprintf(why, sizeof(why), "more than %d pages without a text layer: %u of them not "
			 "read by OCR", PDF_BLANK_MAX, t->more_blank);
		pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE, why);
	}
	return st;
}

/* ---- the document's properties -------------------------------------------------- */

/* pdfinfo's output, kept up to a size no real one reaches. */
struct info_text {
	char buf[16 << 10];
	size_t len;
};

static void take_info(void *ctx, const char *s, size_t n)
{
	struct info_text *t = ctx;
	size_t room = sizeof(t->buf) - 1 - t->len;
	memcpy(t->buf + t->len, s, n < room ? n : room);
	t->len += n < room ? n : room;
}

/* Who wrote it and what it is about, from pdfinfo (a child process, as
 * pdftotext), as text of part "properties" under the keys the Office
 * formats use; when it was last changed as the data's age. */
static enum pii_status read_properties(struct pii_input *in, struct pii_sink *out, int pdf_fd)
{
	static const struct {
		const char *field, *key;
	} fields[] = {{"Author:", "author"}, {"Title:", "title"}, {"Subject:", "subject"},
		      {"Keywords:", "keywords"}};
	char path[64];
	const char *exe = tool_path(path, sizeof(path), "pdfinfo");
	struct info_text info = {.len = 0};
	struct child_run run = {.take = take_info, .ctx = &info};
	char *const argv[] = {(char *)"pdfinfo", (char *)"-isodates", (char *)"-enc",
			      (char *)"UTF-8", (char *)"/dev/fd/3", NULL};
	if (!exe || !run_child(exe, argv, pdf_fd, in->scratch, &run) || child_failed(&run))
		return PII_OK; /* pdftotext's outcome says what is wrong with it */
	info.buf[info.len] = '\0';
	int64_t created = 0, modified = 0;
	enum pii_status st = PII_OK;
	for (char *line = info.buf, *next; line && st == PII_OK; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		char *colon = strchr(line, ':');
		if (!colon)
			continue;
		const char *value = colon + 1 + strspn(colon + 1, " ");
		size_t n = strlen(value), field_len = (size_t)(colon + 1 - line);
		if (!strncmp(line, "CreationDate:", field_len))
			created = pii_props_iso_time(value);
		else if (!strncmp(line, "ModDate:", field_len))
			modified = pii_props_iso_time(value);
		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
			if (n && strlen(fields[i].field) == field_len &&
			    !strncmp(line, fields[i].field, field_len) &&
			    pii_utf8_valid_prefix(value, n) == n) {
				struct pii_loc loc = {.file = in->path, .part = "properties",
						      .key = fields[i].key};
				st = pii_sink_text(out, &loc, value, n, 0, 0);
			}
	}
	pii_sink_saved(out, in, modified ? modified : created);
	return st;
}

static enum pii_status pdf_run(struct pii_input *in, struct pii_sink *out)
{
	char path[64];
	const char *exe = tool_path(path, sizeof(path), "pdftotext");
	if (!exe) {
		pii_sink_problem(out, in->path, PII_FILE_SKIPPED, PII_CODE_TOOL_FAILED,
				 "PDF not scanned: pdftotext (poppler-utils) is not installed");
		return PII_OK;
	}
	int pdf_fd = in->fd;
	bool own_fd = false;
	if (pdf_fd < 0) {
		pdf_fd = pii_input_memfd(in);
		own_fd = true;
		if (pdf_fd < 0) {
			pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE,
					 "PDF too large to read inside a container, not scanned");
			return PII_OK;
		}
	} else {
		in->bytes_read = in->size;
	}
	char *const argv[] = {(char *)"pdftotext", (char *)"-enc", (char *)"UTF-8",
			      (char *)"-eol", (char *)"unix", (char *)"/dev/fd/3",
			      (char *)"-", NULL};
	struct pdf_text t = {.out = out, .loc = {.file = in->path, .page = 1}};
	pii_decoder_init(&t.dec, PII_ENC_UTF8);
	struct child_run run = {.take = take, .ctx = &t};
	if (!run_child(exe, argv, pdf_fd, in->scratch, &run)) {
		if (own_fd)
			close(pdf_fd);
		pii_sink_problem(out, in->path, PII_FILE_FAILED, PII_CODE_TOOL_FAILED,
				 "cannot start pdftotext");
		return PII_OK;
	}
	page_end(&t);
	pii_buf_free(&t.utf8);
	char why[700];
	if (run.timed_out) {
		snprintf(why, sizeof(why), "PDF took longer than %d s to read: stopped; "
			 "text up to there is scanned", PII_PDF_TIMEOUT_SEC);
		pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_TIMEOUT, why);
	} else if (child_failed(&run)) {
		bool password = strstr(run.err, "assword") || strstr(run.err, "ncrypt");
		if (password)
			snprintf(why, sizeof(why), "encrypted, not scanned (%s)", run.err);
		else if (WIFSIGNALED(run.status))
			snprintf(why, sizeof(why), "pdftotext stopped (signal %d) on a damaged PDF%s%s",
				 WTERMSIG(run.status), run.err[0] ? ": " : "", run.err);
		else
			snprintf(why, sizeof(why), "pdftotext could not read it%s%s",
				 run.err[0] ? ": " : "", run.err);
		pii_sink_problem(out, in->path, password ? PII_FILE_SKIPPED : PII_FILE_PARTIAL,
				 password ? PII_CODE_ENCRYPTED : PII_CODE_DAMAGED, why);
	} else {
		if (t.st == PII_OK)
			t.st = read_properties(in, out, pdf_fd);
		if (t.n_blank + t.more_blank && t.st == PII_OK)
			t.st = read_blank_pages(in, out, pdf_fd, &t);
	}
	free(t.blank);
	if (own_fd)
		close(pdf_fd);
	return t.st == PII_EFATAL ? PII_EFATAL : PII_OK;
}

/* "%PDF-" starts a PDF; readers also accept it anywhere in the first
 * 1024 bytes, but there it may as well be a PDF stored in a zip, which
 * the archive extractor (bidding higher) opens. */
static int pdf_bid(const struct pii_input *in, int best)
{
	if (in->head_len >= 5 && !memcmp(in->head, "%PDF-", 5))
		return PII_BID_SIGNATURE;
	/* a signature further in, after junk some writers put first */
	size_t n = in->head_len < 1024 ? in->head_len : 1024;
	return n >= 5 && memmem(in->head, n, "%PDF-", 5) ? PII_BID_SHAPE : PII_BID_NONE;
}

const struct pii_extractor pii_extractor_pdf = {
	.name = "pdf",
	.bid = pdf_bid,
	.run = pdf_run,
};
