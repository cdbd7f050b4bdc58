/*
 * pst.c - Outlook data files (.pst, .ost) read with libpff: every folder
 * and every item in it (mails, contacts, appointments, tasks, notes).
 * Item N of a folder is located as "<file>!<folder path>/msg-N", with the
 * parts "headers" (its text properties as "Label: value" lines: subject,
 * sender, recipients, contact fields, the transport headers less message
 * ids) and "body" (the plain text). An HTML or RTF body without a plain
 * one, and each attachment, go back through detection as
 * "<file>!<folder path>/msg-N/<name>"; an attached message is read as an
 * item again, "<...>/msg-N/<name>/headers".
 *
 * libpff wants a file name: the file itself through /proc/self/fd, or for
 * a data file inside another container a memory file (memfd).
 */
#include <fcntl.h>
#include <libpff.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "pii_extractor.h"
#include "pii_limits.h"
#include "pii_mapi.h"

/* Folders nested deeper than this are taken for a damaged file's loop. */
#define PST_MAX_FOLDER_DEPTH 64

struct pst {
	struct pii_input *in;
	struct pii_sink *out;
	enum pii_status st;  /* PII_ELIMIT: a limit stopped the items */
	unsigned unreadable; /* items libpff could not give */
};

/* The text of a record entry, malloc'd; NULL when it has none. */
static char *entry_text(libpff_record_entry_t *entry)
{
	size_t size = 0;
	if (libpff_record_entry_get_data_as_utf8_string_size(entry, &size, NULL) != 1 || size < 2 ||
	    size > PII_DOC_MEMORY_MAX)
		return NULL;
	char *s = malloc(size);
	if (s && libpff_record_entry_get_data_as_utf8_string(entry, (uint8_t *)s, size, NULL) != 1) {
		free(s);
		s = NULL;
	}
	return s;
}

/* The text of property `type` of an item's first record set, or NULL. */
static char *item_text(libpff_item_t *it, uint32_t type)
{
	libpff_record_set_t *set = NULL;
	libpff_record_entry_t *entry = NULL;
	char *text = NULL;
	if (libpff_item_get_record_set_by_index(it, 0, &set, NULL) != 1)
		return NULL;
	if (libpff_record_set_get_entry_by_type(set, type, 0, &entry,
						LIBPFF_ENTRY_VALUE_FLAG_MATCH_ANY_VALUE_TYPE, NULL) == 1) {
		text = entry_text(entry);
		libpff_record_entry_free(&entry, NULL);
	}
	libpff_record_set_free(&set, NULL);
	return text;
}

/* Every text property of a record set as "Label: value" lines. */
static void append_record_set(struct pii_buf *b, libpff_record_set_t *set, const char *prefix)
{
	int n = 0;
	if (libpff_record_set_get_number_of_entries(set, &n, NULL) != 1)
		return;
	for (int i = 0; i < n; i++) {
		libpff_record_entry_t *entry = NULL;
		uint32_t type = 0, value_type = 0;
		if (libpff_record_set_get_entry_by_index(set, i, &entry, NULL) != 1)
			continue;
		if (libpff_record_entry_get_entry_type(entry, &type, NULL) == 1 &&
		    libpff_record_entry_get_value_type(entry, &value_type, NULL) == 1 &&
		    (value_type == LIBPFF_VALUE_TYPE_STRING_ASCII ||
		     value_type == LIBPFF_VALUE_TYPE_STRING_UNICODE)) {
			char *text = entry_text(entry);
			if (text && type == 0x007d) {
				pii_mapi_append_headers(b, text);
			} else if (text && !pii_mapi_skipped(type)) {
				const char *label = pii_mapi_label(type);
				if (label)
					pii_buf_printf(b, "%s%s: %s\n", prefix, label, text);
				else
					pii_buf_printf(b, "%sproperty 0x%04x: %s\n", prefix,
						       (unsigned)type, text);
			}
			free(text);
		}
		libpff_record_entry_free(&entry, NULL);
	}
}

static void append_item(struct pii_buf *b, libpff_item_t *item, const char *prefix)
{
	int sets = 0;
	if (libpff_item_get_number_of_record_sets(item, &sets, NULL) != 1)
		return;
	for (int i = 0; i < sets; i++) {
		libpff_record_set_t *set = NULL;
		if (libpff_item_get_record_set_by_index(item, i, &set, NULL) != 1)
			continue;
		append_record_set(b, set, prefix);
		libpff_record_set_free(&set, NULL);
	}
}

static void scan_part(struct pst *p, const char *where, const char *part, const char *text,
		      size_t len)
{
	if (p->st != PII_OK || !len)
		return;
	struct pii_buf file = {0};
	pii_buf_printf(&file, "%s!%s", p->in->path, where);
	if (!file.data) {
		p->st = PII_EOBJECT;
		return;
	}
	struct pii_loc loc = {.file = file.data, .part = part};
	p->st = pii_sink_text_bytes(p->out, &loc, text, len);
	pii_buf_free(&file);
}

/* A body libpff gives (size with its end-of-string), or NULL; *len is
 * SIZE_MAX for one too large to hold. */
static char *body(libpff_item_t *msg, int (*size_fn)(libpff_item_t *, size_t *, libpff_error_t **),
		  int (*get_fn)(libpff_item_t *, uint8_t *, size_t, libpff_error_t **), size_t *len)
{
	size_t size = 0;
	*len = 0;
	if (size_fn(msg, &size, NULL) != 1 || size < 2)
		return NULL;
	if (size > PII_DOC_MEMORY_MAX) {
		*len = SIZE_MAX;
		return NULL;
	}
	char *data = malloc(size);
	if (data && get_fn(msg, (uint8_t *)data, size, NULL) != 1) {
		free(data);
		return NULL;
	}
	*len = data ? strnlen(data, size) : 0;
	return data;
}

static ssize_t read_attachment(void *ctx, void *buf, size_t n)
{
	ssize_t got = libpff_attachment_data_read_buffer(ctx, buf, n, NULL);
	return got < 0 ? -1 : got;
}

static void item(struct pst *p, libpff_item_t *it, const char *where, int depth);

static void attachments(struct pst *p, libpff_item_t *msg, const char *where, int depth)
{
	int n = 0;
	if (libpff_message_get_number_of_attachments(msg, &n, NULL) != 1)
		return;
	for (int i = 0; i < n && p->st == PII_OK; i++) {
		libpff_item_t *att = NULL;
		if (libpff_message_get_attachment(msg, i, &att, NULL) != 1) {
			p->unreadable++;
			continue;
		}
		char *name = item_text(att, 0x3707); /* long file name */
		if (!name)
			name = item_text(att, 0x3704); /* 8.3 file name */
		struct pii_buf member = {0};
		pii_buf_printf(&member, "%s/", where);
		if (name)
			pii_mapi_append_name(&member, name);
		else
			pii_buf_printf(&member, "attachment-%d", i + 1);
		free(name);
		int type = 0;
		libpff_attachment_get_type(att, &type, NULL);
		if (!member.data) {
			p->st = PII_EOBJECT;
		} else if (type == LIBPFF_ATTACHMENT_TYPE_DATA) {
			size64_t data_size = 0;
			libpff_attachment_get_data_size(att, &data_size, NULL);
			enum pii_status st = pii_sink_child(p->out, p->in, member.data,
							    read_attachment, att, data_size);
			if (st != PII_OK)
				p->st = st;
		} else if (type == LIBPFF_ATTACHMENT_TYPE_ITEM) {
			libpff_item_t *attached = NULL;
			if (libpff_attachment_get_item(att, &attached, NULL) == 1) {
				item(p, attached, member.data, depth + 1);
				libpff_item_free(&attached, NULL);
			} else {
				p->unreadable++;
			}
		}
		pii_buf_free(&member);
		libpff_item_free(&att, NULL);
	}
}

/* One item: its properties, recipients, body and attachments. */
static void item(struct pst *p, libpff_item_t *it, const char *where, int depth)
{
	if (depth > PST_MAX_FOLDER_DEPTH)
		return;
	/* Each item is a member of the file, charged at the limits' door (its
	 * bytes are stored, not expanded: only its attachments are). */
	enum pii_status st = pii_sink_member(p->out, p->in, 0);
	if (st != PII_OK) {
		p->st = st;
		return;
	}
	struct pii_buf text = {0};
	append_item(&text, it, "");
	libpff_item_t *recipients = NULL;
	if (libpff_message_get_recipients(it, &recipients, NULL) == 1) {
		append_item(&text, recipients, "Recipient ");
		libpff_item_free(&recipients, NULL);
	}
	scan_part(p, where, "headers", text.data, text.len);
	pii_buf_free(&text);

	size_t len = 0;
	char *b = body(it, libpff_message_get_plain_text_body_size,
		       libpff_message_get_plain_text_body, &len);
	if (len == SIZE_MAX) {
		struct pii_buf file = {0};
		pii_buf_printf(&file, "%s!%s", p->in->path, where);
		if (file.data)
			pii_sink_problem(p->out, file.data, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE,
					 "message body larger than 256 MiB, not scanned");
		pii_buf_free(&file);
	} else if (b) {
		scan_part(p, where, "body", b, len);
	} else {
		const char *name = "body.html";
		b = body(it, libpff_message_get_html_body_size, libpff_message_get_html_body, &len);
		if (!b) {
			name = "body.rtf";
			b = body(it, libpff_message_get_rtf_body_size, libpff_message_get_rtf_body,
				 &len);
		}
		if (b && p->st == PII_OK) {
			struct pii_buf member = {0};
			pii_buf_printf(&member, "%s/%s", where, name);
			if (member.data)
				st = pii_sink_child_memory(p->out, p->in, member.data, b, len);
			if (st != PII_OK)
				p->st = st;
			pii_buf_free(&member);
		}
	}
	free(b);
	if (p->st == PII_OK)
		attachments(p, it, where, depth);
}

static void folder(struct pst *p, libpff_item_t *f, const char *path, int depth)
{
	if (depth > PST_MAX_FOLDER_DEPTH || p->st != PII_OK)
		return;
	int n = 0;
	if (libpff_folder_get_number_of_sub_messages(f, &n, NULL) == 1) {
		for (int i = 0; i < n && p->st == PII_OK; i++) {
			libpff_item_t *msg = NULL;
			if (libpff_folder_get_sub_message(f, i, &msg, NULL) != 1) {
				p->unreadable++;
				continue;
			}
			struct pii_buf where = {0};
			pii_buf_printf(&where, "%s%smsg-%d", path, *path ? "/" : "", i + 1);
			if (where.data)
				item(p, msg, where.data, 0);
			pii_buf_free(&where);
			libpff_item_free(&msg, NULL);
		}
	}
	if (libpff_folder_get_number_of_sub_folders(f, &n, NULL) != 1)
		return;
	for (int i = 0; i < n && p->st == PII_OK; i++) {
		libpff_item_t *sub = NULL;
		if (libpff_folder_get_sub_folder(f, i, &sub, NULL) != 1) {
			p->unreadable++;
			continue;
		}
		char name[256] = "";
		if (libpff_folder_get_utf8_name(sub, (uint8_t *)name, sizeof(name), NULL) != 1 ||
		    !name[0])
			snprintf(name, sizeof(name), "folder-%d", i + 1);
		struct pii_buf sub_path = {0};
		pii_buf_printf(&sub_path, "%s%s", path, *path ? "/" : "");
		pii_mapi_append_name(&sub_path, name);
		if (sub_path.data)
			folder(p, sub, sub_path.data, depth + 1);
		pii_buf_free(&sub_path);
		libpff_item_free(&sub, NULL);
	}
}

static enum pii_status pst_run(struct pii_input *in, struct pii_sink *out)
{
	int fd = in->fd >= 0 ? in->fd : pii_input_memfd(in);
	if (fd < 0) {
		pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE,
				 "Outlook data file too large to read inside a container, not scanned");
		return PII_OK;
	}
	if (in->fd >= 0)
		in->bytes_read = in->size;
	char name[64];
	snprintf(name, sizeof(name), "/proc/self/fd/%d", fd);
	struct pst p = {.in = in, .out = out};
	libpff_file_t *file = NULL;
	libpff_error_t *error = NULL;
	libpff_item_t *root = NULL;
	if (libpff_file_initialize(&file, &error) != 1 ||
	    libpff_file_open(file, name, LIBPFF_OPEN_READ, &error) != 1) {
		char why[512] = "not readable as an Outlook data file (damaged or cut short?)";
		char trace[2048];
		/* The backtrace's first line is the cause; its function name
		 * and the file name libpff was given mean nothing to a reader. */
		if (error && libpff_error_backtrace_sprint(error, trace, sizeof(trace)) > 0) {
			trace[strcspn(trace, "\n")] = '\0';
			const char *cause = strstr(trace, ": ");
			size_t at = strlen(why);
			snprintf(why + at, sizeof(why) - at, ": %.300s", cause ? cause + 2 : trace);
		}
		pii_sink_problem(out, in->path, PII_FILE_FAILED, PII_CODE_DAMAGED, why);
	} else if (libpff_file_get_root_folder(file, &root, NULL) != 1) {
		pii_sink_problem(out, in->path, PII_FILE_FAILED, PII_CODE_DAMAGED,
				 "Outlook data file without a readable folder tree");
	} else {
		folder(&p, root, "", 0);
		libpff_item_free(&root, NULL);
		if (p.unreadable) {
			char why[128];
			snprintf(why, sizeof(why),
				 "%u items or attachments could not be read (a damaged file?)",
				 p.unreadable);
			pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_DAMAGED, why);
		}
	}
	libpff_error_free(&error);
	if (file) {
		libpff_file_close(file, NULL);
		libpff_file_free(&file, NULL);
	}
	if (fd != in->fd)
		close(fd);
	return p.st == PII_EFATAL ? PII_EFATAL : PII_OK;
}

/* "!BDN", then "SM" (PST) or "SO" (OST) at offset 8. */
static int pst_bid(const struct pii_input *in, int best)
{
	if (in->head_len >= 10 && !memcmp(in->head, "!BDN", 4) &&
	    (!memcmp(in->head + 8, "SM", 2) || !memcmp(in->head + 8, "SO", 2)))
		return PII_BID_EXACT;
	return PII_BID_NONE;
}

const struct pii_extractor pii_extractor_pst = {
	.name = "pst",
	.bid = pst_bid,
	.run = pst_run,
};
