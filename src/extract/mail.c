/*
 * mail.c - e-mail: a single message (.eml) or an mbox, read with GMime 3:
 * MIME parts, base64 and quoted-printable, RFC 2047 headers, charsets to
 * UTF-8. Every message of an mbox is located as "<file>!msg-N/..."; its
 * headers ("headers": addresses, Received lines with IP addresses) and
 * its text ("body") are scanned, with that name also as their part; each
 * attachment, and each forwarded message, goes back through detection as
 * "<file>!msg-N/<name>", so a zip attached to a mail in an mbox is opened.
 *
 * A file on disk is parsed where it lies (GMime keeps references into
 * it, not copies); a mail inside another container is held in memory,
 * up to PII_DOC_MEMORY_MAX.
 */
#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "pii_extractor.h"
#include "pii_limits.h"

struct mail {
	struct pii_input *in;
	struct pii_sink *out;
	bool mbox;
	unsigned msg;             /* number of the message, 1-based */
	unsigned attachments;     /* unnamed ones, numbered */
	enum pii_status st;
};

static void drop_log(const gchar *domain, GLogLevelFlags level, const gchar *message,
		     gpointer data)
{
	/* GMime's warnings could quote the mail: they are never printed. */
	(void)domain;
	(void)level;
	(void)message;
	(void)data;
}

/* GMime, once, from the main thread before any thread reads mail. */
static void mail_init(void)
{
	g_mime_init();
	g_log_set_handler("gmime", G_LOG_LEVEL_MASK, drop_log, NULL);
}

/* "<file>!msg-3/what" in an mbox, "<file>!what" for one message. */
static char *location(const struct mail *m, const char *what)
{
	size_t n = strlen(m->in->path) + strlen(what) + 32;
	char *s = malloc(n);
	if (s) {
		if (m->mbox)
			snprintf(s, n, "%s!msg-%u/%s", m->in->path, m->msg, what);
		else
			snprintf(s, n, "%s!%s", m->in->path, what);
	}
	return s;
}

/* The member name of an attachment: "msg-3/report.pdf". */
static char *member(const struct mail *m, const char *what)
{
	size_t n = strlen(what) + 32;
	char *s = malloc(n);
	if (s) {
		if (m->mbox)
			snprintf(s, n, "msg-%u/%s", m->msg, what);
		else
			snprintf(s, n, "%s", what);
	}
	return s;
}

/* Scans text (any bytes; made valid UTF-8 here) as one location. */
static void scan_text(struct mail *m, const char *what, const char *text, size_t len)
{
	if (!len || m->st != PII_OK)
		return;
	char *file = location(m, what);
	if (!file) {
		m->st = PII_EOBJECT;
		return;
	}
	/* The part also in its own key, so the inventory can filter on it. */
	struct pii_loc loc = {.file = file, .part = what};
	m->st = pii_sink_text_bytes(m->out, &loc, text, len);
	free(file);
}

static void scan_headers(struct mail *m, GMimeObject *obj)
{
	GMimeHeaderList *list = g_mime_object_get_header_list(obj);
	int n = list ? g_mime_header_list_get_count(list) : 0;
	struct pii_buf text = {0};
	for (int i = 0; i < n; i++) {
		GMimeHeader *h = g_mime_header_list_get_header_at(list, i);
		const char *name = g_mime_header_get_name(h);
		const char *value = g_mime_header_get_value(h); /* RFC 2047 decoded */
		/* Message ids look like addresses and are not: left out. */
		if (name && value && g_ascii_strcasecmp(name, "Message-ID") &&
		    g_ascii_strcasecmp(name, "In-Reply-To") && g_ascii_strcasecmp(name, "References") &&
		    g_ascii_strcasecmp(name, "Content-ID") && g_ascii_strncasecmp(name, "DKIM-", 5) &&
		    g_ascii_strncasecmp(name, "ARC-", 4))
			pii_buf_printf(&text, "%s: %s\n", name, value);
	}
	scan_text(m, "headers", text.data ? text.data : "", text.len);
	pii_buf_free(&text);
}

/* The decoded content of a part: transfer encoding undone, and for text
 * the charset converted to UTF-8. NULL when too large or unreadable. */
static GByteArray *decode_part(GMimePart *part, bool text, GMimeStream **keep)
{
	GMimeDataWrapper *content = g_mime_part_get_content(part);
	if (!content)
		return NULL;
	GMimeStream *raw = g_mime_data_wrapper_get_stream(content);
	if (raw && g_mime_stream_length(raw) > (gint64)PII_DOC_MEMORY_MAX)
		return NULL;
	GMimeStream *mem = g_mime_stream_mem_new();
	GMimeStream *target = mem;
	const char *charset = text ? g_mime_object_get_content_type_parameter(
					     (GMimeObject *)part, "charset")
				   : NULL;
	GMimeStream *filtered = NULL;
	if (charset && g_ascii_strcasecmp(charset, "utf-8") &&
	    g_ascii_strcasecmp(charset, "us-ascii")) {
		GMimeFilter *conv = g_mime_filter_charset_new(charset, "UTF-8");
		if (conv) {
			filtered = g_mime_stream_filter_new(mem);
			g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered), conv);
			g_object_unref(conv);
			target = filtered;
		}
	}
	g_mime_data_wrapper_write_to_stream(content, target);
	if (filtered) {
		g_mime_stream_flush(filtered);
		g_object_unref(filtered);
	}
	*keep = mem;
	return g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
}

static void walk(struct mail *m, GMimeObject *obj);

static void attachment(struct mail *m, const char *name, const void *data, size_t len)
{
	char *mem = member(m, name);
	if (!mem) {
		m->st = PII_EOBJECT;
		return;
	}
	enum pii_status st = pii_sink_child_memory(m->out, m->in, mem, data, len);
	if (st != PII_OK)
		m->st = st; /* PII_ELIMIT: no more attachments, nor messages */
	free(mem);
}

static void part(struct mail *m, GMimePart *p)
{
	GMimeContentType *ct = g_mime_object_get_content_type((GMimeObject *)p);
	const char *filename = g_mime_part_get_filename(p);
	bool is_text = ct && g_mime_content_type_is_type(ct, "text", "*");
	bool attached = g_mime_part_is_attachment(p) || filename || !is_text;
	GMimeStream *keep = NULL;
	GByteArray *bytes = decode_part(p, is_text, &keep);
	if (!bytes) {
		char *where = location(m, filename ? filename : "part");
		if (where)
			pii_sink_problem(m->out, where, PII_FILE_SKIPPED, PII_CODE_LIMIT_SIZE,
					 "attachment too large to decode, or unreadable: not scanned");
		free(where);
		if (keep)
			g_object_unref(keep);
		return;
	}
	if (!attached && g_mime_content_type_is_type(ct, "text", "plain")) {
		scan_text(m, "body", (const char *)bytes->data, bytes->len);
	} else {
		/* An attachment, or the HTML body: through detection. */
		char name[300];
		if (filename && *filename)
			snprintf(name, sizeof(name), "%s", filename);
		else if (is_text && g_mime_content_type_is_type(ct, "text", "html"))
			snprintf(name, sizeof(name), "body.html");
		else
			snprintf(name, sizeof(name), "attachment-%u", ++m->attachments);
		/* a name is one member: no "!" or "/" of its own */
		for (char *c = name; *c; c++)
			if (*c == '!' || *c == '/')
				*c = '_';
		attachment(m, name, bytes->data, bytes->len);
	}
	g_object_unref(keep);
}

static void walk(struct mail *m, GMimeObject *obj)
{
	if (!obj || m->st != PII_OK)
		return;
	if (GMIME_IS_MULTIPART(obj)) {
		GMimeMultipart *mp = GMIME_MULTIPART(obj);
		int n = g_mime_multipart_get_count(mp);
		for (int i = 0; i < n && m->st == PII_OK; i++)
			walk(m, g_mime_multipart_get_part(mp, i));
	} else if (GMIME_IS_MESSAGE_PART(obj)) {
		/* A forwarded message: written out whole, read as a mail. */
		GMimeMessage *fwd = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
		if (!fwd)
			return;
		GMimeStream *mem = g_mime_stream_mem_new();
		g_mime_object_write_to_stream((GMimeObject *)fwd, NULL, mem);
		GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
		char name[32];
		snprintf(name, sizeof(name), "forwarded-%u.eml", ++m->attachments);
		attachment(m, name, bytes->data, bytes->len);
		g_object_unref(mem);
	} else if (GMIME_IS_PART(obj)) {
		part(m, GMIME_PART(obj));
	}
}

static void message(struct mail *m, GMimeMessage *msg)
{
	m->attachments = 0;
	scan_headers(m, (GMimeObject *)msg);
	walk(m, g_mime_message_get_mime_part(msg));
}

static bool starts_mbox(const struct pii_input *in)
{
	return in->head_len > 5 && !memcmp(in->head, "From ", 5);
}

static enum pii_status mail_run(struct pii_input *in, struct pii_sink *out)
{
	struct mail m = {.in = in, .out = out, .mbox = starts_mbox(in)};
	GMimeStream *stream;
	unsigned char *data = NULL;
	int fd = -1;
	if (in->fd >= 0) {
		fd = dup(in->fd);
		if (fd < 0 || lseek(fd, 0, SEEK_SET) != 0) {
			if (fd >= 0)
				close(fd);
			return PII_EOBJECT;
		}
		/* closed here, not by GMime: a close inside GMime is one the
		 * thread sanitizer does not see, and a number the next dup of
		 * another thread reuses would look like a race */
		stream = g_mime_stream_fs_new(fd);
		g_mime_stream_fs_set_owner(GMIME_STREAM_FS(stream), FALSE);
		in->bytes_read = in->size;
	} else {
		size_t len;
		bool cut;
		data = pii_input_slurp(in, &len, &cut);
		if (!data)
			return PII_EOBJECT;
		if (cut)
			pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE,
					 "mail too large to read inside a container: scanned in part");
		stream = g_mime_stream_mem_new_with_buffer((const char *)data, len);
	}
	GMimeParser *parser = g_mime_parser_new_with_stream(stream);
	g_mime_parser_set_format(parser, m.mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
	while (m.st == PII_OK) {
		GMimeMessage *msg = g_mime_parser_construct_message(parser, NULL);
		if (!msg)
			break;
		/* The messages of an mbox are its members, like Outlook items. */
		if (m.mbox && (m.st = pii_sink_member(out, in, 0)) != PII_OK) {
			g_object_unref(msg);
			break;
		}
		m.msg++;
		message(&m, msg);
		g_object_unref(msg);
		if (!m.mbox || g_mime_parser_eos(parser))
			break;
	}
	if (m.msg == 0 && m.st == PII_OK)
		pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_DAMAGED,
				 "looks like e-mail but no message could be read from it");
	g_object_unref(parser);
	g_object_unref(stream);
	if (fd >= 0)
		close(fd);
	free(data);
	return m.st == PII_EFATAL ? PII_EFATAL : PII_OK;
}

/* Header lines ("Name: value") up to a blank line, with the headers every
 * mail has; or an mbox's "From " line. */
static int mail_bid(const struct pii_input *in, int best)
{
	if (in->type.kind != PII_KIND_TEXT || in->type.encoding != PII_ENC_UTF8 ||
	    in->type.bom)
		return in->type.kind == PII_KIND_TEXT && in->type.encoding == PII_ENC_CP1252 &&
			       starts_mbox(in) ? PII_BID_SHAPE : PII_BID_NONE;
	const char *p = (const char *)in->head, *end = p + in->head_len;
	if (starts_mbox(in)) {
		p = memchr(p, '\n', (size_t)(end - p));
		if (!p)
			return 0;
		p++;
	}
	int headers = 0, known = 0;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			break;
		size_t len = (size_t)(eol - p);
		if (len == 0 || (len == 1 && *p == '\r'))
			return headers >= 2 && known ? PII_BID_SHAPE : PII_BID_NONE;
		if (*p == ' ' || *p == '\t') {
			p = eol + 1; /* a folded header goes on */
			continue;
		}
		const char *colon = memchr(p, ':', len);
		if (!colon || colon == p)
			return 0;
		for (const char *c = p; c < colon; c++)
			if (*c <= ' ' || *c > '~')
				return 0;
		size_t nlen = (size_t)(colon - p);
		static const char *const names[] = {"From", "To", "Subject", "Date",
						    "Message-ID", "Received", "Return-Path",
						    "MIME-Version", "Delivered-To", NULL};
		for (const char *const *n = names; *n; n++)
			if (nlen == strlen(*n) && !strncasecmp(p, *n, nlen))
				known++;
		headers++;
		p = eol + 1;
	}
	return 0;
}

const struct pii_extractor pii_extractor_mail = {
	.name = "mail",
	.bid = mail_bid,
	.run = mail_run,
	.init = mail_init,
	.fini = g_mime_shutdown,
};
