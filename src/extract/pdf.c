/*
 * pdf.c - PDF text through pdftotext (poppler-utils), run as a child
 * process: a hostile PDF can crash or hang a PDF parser, and then only
 * the child dies, or is killed at the time limit. Pages (pdftotext ends
 * each with a form feed) become page numbers in the location. A PDF that
 * gives no text at all has no text layer: it is listed, as it may be a
 * scan that needs OCR.
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

/* Memory pdftotext may use: large documents need a few hundred MB. */
#define PDF_CHILD_MEMORY ((rlim_t)1 << 30)

static const char *pdftotext_path(void)
{
	static const char *const places[] = {"/usr/bin/pdftotext", "/usr/local/bin/pdftotext",
					     "/bin/pdftotext", NULL};
	for (const char *const *p = places; *p; p++)
		if (access(*p, X_OK) == 0)
			return *p;
	return NULL;
}

/* Starts pdftotext on pdf_fd; its output on *out_fd, errors on *err_fd.
 * Only async-signal-safe calls between fork and exec: the path and
 * arguments are made before. */
static pid_t start_child(const char *exe, int pdf_fd, int *out_fd, int *err_fd)
{
	int out[2], err[2];
	if (pipe2(out, O_CLOEXEC) != 0)
		return -1;
	if (pipe2(err, O_CLOEXEC) != 0) {
		close(out[0]);
		close(out[1]);
		return -1;
	}
	char *const argv[] = {(char *)"pdftotext", (char *)"-enc", (char *)"UTF-8",
			      (char *)"-eol", (char *)"unix", (char *)"/dev/fd/3",
			      (char *)"-", NULL};
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

struct pdf_text {
	struct pii_sink *out;
	struct pii_loc loc;
	bool open;
	uint64_t visible; /* non-space characters seen */
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

/* Text from pdftotext: pages end with a form feed. */
static void take(struct pdf_text *t, const char *s, size_t n)
{
	while (n && t->st == PII_OK) {
		const char *ff = memchr(s, '\f', n);
		size_t k = ff ? (size_t)(ff - s) : n;
		for (size_t i = 0; i < k; i++)
			t->visible += (unsigned char)s[i] > ' ';
		if (k) {
			page_begin(t);
			/* pdftotext writes UTF-8; make sure of it */
			t->utf8.len = 0;
			if (pii_decode(&t->dec, s, k, false, &t->utf8) && t->utf8.len)
				t->st = pii_sink_write_text(t->out, t->utf8.data, t->utf8.len);
		}
		if (!ff)
			break;
		page_end(t);
		t->loc.page++;
		s = ff + 1;
		n -= k + 1;
	}
}

static enum pii_status pdf_run(struct pii_input *in, struct pii_sink *out)
{
	const char *exe = pdftotext_path();
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
	int out_fd = -1, err_fd = -1;
	pid_t pid = start_child(exe, pdf_fd, &out_fd, &err_fd);
	if (own_fd)
		close(pdf_fd);
	if (pid < 0) {
		pii_sink_problem(out, in->path, PII_FILE_FAILED, PII_CODE_TOOL_FAILED,
				 "cannot start pdftotext");
		return PII_OK;
	}
	struct pdf_text t = {.out = out, .loc = {.file = in->path, .page = 1}};
	pii_decoder_init(&t.dec, PII_ENC_UTF8);
	char errbuf[512];
	size_t errlen = 0;
	bool timed_out = false;
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
			timed_out = true;
			kill(pid, SIGKILL);
			break;
		}
		int r = poll(fds, 2, (int)left_ms);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		for (int i = 0; i < 2; i++) {
			if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			ssize_t n;
			if (i == 0)
				n = read(out_fd, in->scratch, PII_READ_CHUNK);
			else
				n = read(err_fd, errbuf + errlen, sizeof(errbuf) - 1 - errlen);
			if (n > 0 && i == 0)
				take(&t, (const char *)in->scratch, (size_t)n);
			else if (n > 0)
				errlen += (size_t)n;
			if (n <= 0 || (i == 1 && errlen == sizeof(errbuf) - 1)) {
				fds[i].fd = -1;
				open_fds--;
			}
		}
	}
	page_end(&t);
	pii_buf_free(&t.utf8);
	close(out_fd);
	close(err_fd);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	errbuf[errlen] = '\0';
	char *nl = strchr(errbuf, '\n');
	if (nl)
		*nl = '\0';
	char why[700];
	if (timed_out) {
		snprintf(why, sizeof(why), "PDF took longer than %d s to read: stopped; "
			 "text up to there is scanned", PII_PDF_TIMEOUT_SEC);
		pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_TIMEOUT, why);
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		bool password = strstr(errbuf, "assword") || strstr(errbuf, "ncrypt");
		if (password)
			snprintf(why, sizeof(why), "encrypted, not scanned (%s)", errbuf);
		else if (WIFSIGNALED(status))
			snprintf(why, sizeof(why), "pdftotext stopped (signal %d) on a damaged PDF%s%s",
				 WTERMSIG(status), errbuf[0] ? ": " : "", errbuf);
		else
			snprintf(why, sizeof(why), "pdftotext could not read it%s%s",
				 errbuf[0] ? ": " : "", errbuf);
		pii_sink_problem(out, in->path, password ? PII_FILE_SKIPPED : PII_FILE_PARTIAL,
				 password ? PII_CODE_ENCRYPTED : PII_CODE_DAMAGED, why);
	} else if (t.visible == 0) {
		pii_sink_problem(out, in->path, PII_FILE_SKIPPED, PII_CODE_NEEDS_OCR,
				 "PDF has no text layer (a scanned image? it needs OCR to be read)");
	}
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
