/*
 * cfb_msg.c - a saved Outlook item (.msg, [MS-OXMSG]): a mail dragged out
 * of Outlook, or a contact, appointment or task. Located as a mail is
 * (.eml): "<file>!headers" (subject, sender, recipients with their
 * names and addresses, contact fields, the transport headers less
 * message ids, as "Label: value" lines) and "<file>!body" (the plain
 * text), both also as part. An HTML body, or a compressed RTF body
 * ([MS-OXRTFCP]) when there is no plain one, and every attachment go
 * back through detection: "<file>!body.rtf", "<file>!list.xls" (an OLE
 * attachment as the document or packaged file it holds, cfb_embed.c).
 * An attached Outlook item is read as an item again:
 * "<file>!<name>/headers".
 *
 * Properties live in streams named __substg1.0_<id><type> (type 001F
 * UTF-16, 001E 8-bit in the item's code page, 0102 binary); fixed-size
 * ones (the attachment method, the code page) in __properties_version1.0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii_cfb.h"
#include "pii_limits.h"
#include "pii_lzfu.h"
#include "pii_mapi.h"

enum {
	PT_STRING8 = 0x001e,
	PT_UNICODE = 0x001f,
	PT_BINARY = 0x0102,
	PT_OBJECT = 0x000d,

	PID_TRANSPORT_HEADERS = 0x007d,
	PID_BODY = 0x1000,
	PID_RTF_COMPRESSED = 0x1009,
	PID_HTML = 0x1013,
	PID_INTERNET_CPID = 0x3fde,
	PID_MESSAGE_CODEPAGE = 0x3ffd,
	PID_ATTACH_DATA = 0x3701,
	PID_ATTACH_FILENAME = 0x3704,
	PID_ATTACH_METHOD = 0x3705,
	PID_ATTACH_LONG_FILENAME = 0x3707,
	PID_DISPLAY_NAME = 0x3001,

	ATTACH_BY_VALUE = 1,
	ATTACH_EMBEDDED_MSG = 5,
	ATTACH_OLE = 6,
};

/* Bytes before the property entries of __properties_version1.0. */
enum props_header { TOP_LEVEL = 32, EMBEDDED = 24, SUB_OBJECT = 8 };

struct msg {
	struct pii_cfb *f;
	enum pii_status st;
	unsigned unreadable; /* streams libgsf could not read */
};

/* The fixed-size properties of a storage (__properties_version1.0). */
struct fixed_props {
	unsigned char *data; /* NULL when there are none */
	size_t len;
	enum props_header header;
};

static struct fixed_props read_fixed(GsfInfile *dir, enum props_header header)
{
	struct fixed_props fp = {.header = header};
	bool cut = false;
	fp.data = pii_cfb_read_named(dir, "__properties_version1.0", &fp.len, &cut);
	return fp;
}

/* Property id's value (its low 32 bits), or fallback. */
static uint32_t fixed_property(const struct fixed_props *fp, uint32_t id, uint32_t fallback)
{
	for (size_t at = fp->header; fp->data && at + 16 <= fp->len; at += 16)
		if (pii_le32(fp->data + at) >> 16 == id)
			return pii_le32(fp->data + at + 8);
	return fallback;
}

/* The property's id and type from its stream name; false for other names. */
static bool property_of(const char *name, uint32_t *id, uint32_t *type)
{
	unsigned tag;
	char rest;
	if (strncmp(name, "__substg1.0_", 12) || strlen(name) < 20 ||
	    sscanf(name + 12, "%8x%c", &tag, &rest) != 1)
		return false;
	*id = tag >> 16;
	*type = tag & 0xffff;
	return true;
}

/* The text of a string property stream, appended to b. */
static bool string_value(GsfInfile *dir, const char *name, uint32_t type, int codepage,
			 struct pii_buf *b)
{
	size_t len = 0;
	bool cut = false;
	unsigned char *p = pii_cfb_read_named(dir, name, &len, &cut);
	if (!p)
		return false;
	/* a writer may keep the terminating NUL */
	if (type == PT_UNICODE) {
		while (len >= 2 && !p[len - 1] && !p[len - 2])
			len -= 2;
		pii_utf16le_append(b, p, len);
	} else {
		while (len && !p[len - 1])
			len--;
		pii_codepage_append(b, codepage, p, len);
	}
	free(p);
	return true;
}

/* The string property `id` of dir (Unicode or 8-bit), malloc'd, or NULL. */
static char *string_property(GsfInfile *dir, uint32_t id, int codepage)
{
	char name[32];
	struct pii_buf b = {0};
	snprintf(name, sizeof(name), "__substg1.0_%04X%04X", (unsigned)id, PT_UNICODE);
	if (!string_value(dir, name, PT_UNICODE, codepage, &b)) {
		snprintf(name, sizeof(name), "__substg1.0_%04X%04X", (unsigned)id, PT_STRING8);
		string_value(dir, name, PT_STRING8, codepage, &b);
	}
	if (!b.len) {
		pii_buf_free(&b);
		return NULL;
	}
	return b.data;
}

/* Every string property of dir as "Label: value" lines. */
static void append_properties(struct msg *m, GsfInfile *dir, int codepage, const char *prefix,
			      struct pii_buf *out)
{
	int n = gsf_infile_num_children(dir);
	for (int i = 0; i < n; i++) {
		const char *name = gsf_infile_name_by_index(dir, i);
		uint32_t id, type;
		if (!name || !property_of(name, &id, &type) ||
		    (type != PT_UNICODE && type != PT_STRING8))
			continue;
		if (id == PID_TRANSPORT_HEADERS) {
			char *h = string_property(dir, id, codepage);
			if (h)
				pii_mapi_append_headers(out, h);
			free(h);
			continue;
		}
		if (pii_mapi_skipped(id) || id == PID_ATTACH_DATA)
			continue;
		struct pii_buf value = {0};
		if (!string_value(dir, name, type, codepage, &value))
			m->unreadable++;
		if (value.len) {
			/* ids from 0x8000 are named properties, numbered by
			 * each file itself: no fixed label fits them */
			const char *label = id < 0x8000 ? pii_mapi_label(id) : NULL;
			if (label)
				pii_buf_printf(out, "%s%s: %s\n", prefix, label, pii_buf_cstr(&value));
			else
				pii_buf_printf(out, "%sproperty 0x%04x: %s\n", prefix, (unsigned)id,
					       pii_buf_cstr(&value));
		}
		pii_buf_free(&value);
	}
}

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* Text of one part of the item at `where` ("" for the file's own item,
 * else "<attachment>/"). */
static void scan_part(struct msg *m, const char *where, const char *part, const char *text,
		      size_t len)
{
	if (m->st != PII_OK || !len)
		return;
	struct pii_buf file = {0};
	pii_buf_printf(&file, "%s!%s%s", m->f->in->path, where, part);
	if (!file.data) {
		m->st = PII_EOBJECT;
		return;
	}
	struct pii_loc loc = {.file = file.data, .part = part};
	m->st = pii_sink_text_bytes(m->f->out, &loc, text, len);
	pii_buf_free(&file);
}

static void member_status(struct msg *m, enum pii_status st)
{
	if (st != PII_OK && m->st == PII_OK)
		m->st = st;
}

/* A body that is not plain text goes through detection as a member. */
static void other_body(struct msg *m, GsfInfile *dir, const char *where, int codepage)
{
	char name[32];
	size_t len = 0;
	bool cut = false;
	struct pii_buf member = {0};
	snprintf(name, sizeof(name), "__substg1.0_%04X%04X", PID_HTML, PT_BINARY);
	unsigned char *html = pii_cfb_read_named(dir, name, &len, &cut);
	char *html_text = html ? NULL : string_property(dir, PID_HTML, codepage);
	if (html || html_text) {
		pii_buf_printf(&member, "%sbody.html", where);
		if (member.data)
			member_status(m, pii_sink_child_memory(m->f->out, m->f->in, member.data,
							       html ? (char *)html : html_text,
							       html ? len : strlen(html_text)));
		free(html);
		free(html_text);
		pii_buf_free(&member);
		return;
	}
	snprintf(name, sizeof(name), "__substg1.0_%04X%04X", PID_RTF_COMPRESSED, PT_BINARY);
	unsigned char *packed = pii_cfb_read_named(dir, name, &len, &cut);
	if (!packed)
		return;
	struct pii_buf rtf = {0};
	enum pii_lzfu_result r = pii_lzfu_decompress(packed, len, PII_DOC_MEMORY_MAX, &rtf);
	pii_buf_printf(&member, "%sbody.rtf", where);
	if (rtf.len && member.data)
		member_status(m, pii_sink_child_memory(m->f->out, m->f->in, member.data, rtf.data,
						       rtf.len));
	if (r == PII_LZFU_DAMAGED && member.data) {
		struct pii_buf path = {0};
		pii_buf_printf(&path, "%s!%s", m->f->in->path, member.data);
		if (path.data)
			pii_sink_problem(m->f->out, path.data, PII_FILE_PARTIAL, PII_CODE_DAMAGED,
					 "compressed RTF body damaged or cut short: read in part");
		pii_buf_free(&path);
	}
	else if (r == PII_LZFU_NOMEM)
		m->st = PII_EOBJECT;
	free(packed);
	pii_buf_free(&rtf);
	pii_buf_free(&member);
}

static void item(struct msg *m, GsfInfile *dir, enum props_header header, const char *where,
		 unsigned depth);

/* One attachment: its data through detection, an attached item read as
 * an item. */
static void attachment(struct msg *m, GsfInfile *att, const char *where, unsigned number,
		       int codepage, unsigned depth)
{
	char *name = string_property(att, PID_ATTACH_LONG_FILENAME, codepage);
	if (!name)
		name = string_property(att, PID_ATTACH_FILENAME, codepage);
	if (!name)
		name = string_property(att, PID_DISPLAY_NAME, codepage);
	struct pii_buf member = {0};
	pii_buf_printf(&member, "%s", where);
	if (name && *name)
		pii_mapi_append_name(&member, name);
	else
		pii_buf_printf(&member, "attachment-%u", number);
	free(name);
	if (!member.data) {
		m->st = PII_EOBJECT;
		return;
	}
	struct fixed_props fp = read_fixed(att, SUB_OBJECT);
	uint32_t method = fixed_property(&fp, PID_ATTACH_METHOD, ATTACH_BY_VALUE);
	free(fp.data);
	char data_name[32];
	snprintf(data_name, sizeof(data_name), "__substg1.0_%04X%04X", PID_ATTACH_DATA,
		 method == ATTACH_BY_VALUE ? PT_BINARY : PT_OBJECT);
	GsfInput *data = gsf_infile_child_by_name(att, data_name);
	if (data && method == ATTACH_EMBEDDED_MSG && pii_cfb_is_storage(data)) {
		pii_buf_putc(&member, '/');
		if (member.data)
			item(m, GSF_INFILE(data), EMBEDDED, member.data, depth + 1);
	} else if (data && method == ATTACH_BY_VALUE && !pii_cfb_is_storage(data)) {
		member_status(m, pii_cfb_child(m->f, data, member.data));
	} else if (data && method == ATTACH_OLE && pii_cfb_is_storage(data)) {
		/* an OLE object: an embedded document, a package, a picture */
		member_status(m, pii_cfb_embedded(m->f, GSF_INFILE(data), member.data));
	} else if (!data && (method == ATTACH_BY_VALUE || method == ATTACH_EMBEDDED_MSG ||
			     method == ATTACH_OLE)) {
		m->unreadable++; /* its data is missing or cannot be opened */
	}
	/* references to files elsewhere hold no text of their own here */
	if (data)
		g_object_unref(data);
	pii_buf_free(&member);
}

/* One item (the file's own, or an attached one at `where`). */
static void item(struct msg *m, GsfInfile *dir, enum props_header header, const char *where,
		 unsigned depth)
{
	if (m->st != PII_OK)
		return;
	/* the file's own depth counts: a .msg in a zip in a mail is deeper */
	unsigned nested = (unsigned)m->f->in->depth + depth;
	if (nested >= m->f->in->opt->max_depth) {
		char why[160];
		snprintf(why, sizeof(why),
			 "Outlook item nested %u deep: the items in it are not read (--max-depth %u)",
			 nested, m->f->in->opt->max_depth);
		struct pii_buf file = {0};
		/* the item itself, without the "/" its parts would follow */
		size_t len = strlen(where);
		if (len && where[len - 1] == '/')
			len--;
		pii_buf_printf(&file, "%s!%.*s", m->f->in->path, (int)len, where);
		if (file.data)
			pii_sink_problem(m->f->out, file.data, PII_FILE_SKIPPED, PII_CODE_LIMIT_DEPTH,
					 why);
		pii_buf_free(&file);
		return;
	}
	/* an attached item is a member of the file, charged at the limits' door */
	if (depth > 0) {
		enum pii_status st = pii_sink_member(m->f->out, m->f->in, 0);
		if (st != PII_OK) {
			m->st = st;
			return;
		}
	}
	/* [MS-OXCMSG]: the item's 8-bit properties are in its message code
	 * page, its bodies in the Internet code page when it has one */
	struct fixed_props fp = read_fixed(dir, header);
	int codepage = (int)fixed_property(&fp, PID_MESSAGE_CODEPAGE, 1252);
	int body_codepage = (int)fixed_property(&fp, PID_INTERNET_CPID, 0);
	free(fp.data);
	if (!body_codepage)
		body_codepage = codepage;

	struct pii_buf headers = {0};
	append_properties(m, dir, codepage, "", &headers);
	/* the recipients go into the headers; the attachments come after */
	int n = gsf_infile_num_children(dir);
	for (int i = 0; i < n; i++) {
		const char *name = gsf_infile_name_by_index(dir, i);
		if (!name || !starts(name, "__recip_version1.0_"))
			continue;
		GsfInput *r = gsf_infile_child_by_index(dir, i);
		if (r && pii_cfb_is_storage(r))
			append_properties(m, GSF_INFILE(r), codepage, "Recipient ", &headers);
		else
			m->unreadable++;
		if (r)
			g_object_unref(r);
	}
	scan_part(m, where, "headers", headers.data, headers.len);
	pii_buf_free(&headers);

	char *body = string_property(dir, PID_BODY, body_codepage);
	if (body)
		scan_part(m, where, "body", body, strlen(body));
	else if (m->st == PII_OK)
		other_body(m, dir, where, body_codepage);
	free(body);

	unsigned number = 0;
	for (int i = 0; i < n && m->st == PII_OK; i++) {
		const char *name = gsf_infile_name_by_index(dir, i);
		if (!name || !starts(name, "__attach_version1.0_"))
			continue;
		GsfInput *a = gsf_infile_child_by_index(dir, i);
		number++;
		if (a && pii_cfb_is_storage(a))
			attachment(m, GSF_INFILE(a), where, number, codepage, depth);
		else
			m->unreadable++;
		if (a)
			g_object_unref(a);
	}
}

static enum pii_status msg_run(struct pii_cfb *f)
{
	struct msg m = {.f = f};
	item(&m, f->root, TOP_LEVEL, "", 0);
	if (m.unreadable && m.st != PII_EFATAL) {
		char why[128];
		snprintf(why, sizeof(why),
			 "%u %s could not be read (a damaged file?)", m.unreadable,
			 m.unreadable == 1 ? "property or attachment" : "properties or attachments");
		pii_cfb_problem(f, PII_FILE_PARTIAL, PII_CODE_DAMAGED, why);
	}
	if (m.st == PII_ELIMIT)
		return PII_OK;
	return m.st;
}

static const char *const msg_streams[] = {"__properties_version1.0", "__nameid_version1.0",
					  NULL};

const struct pii_cfb_format pii_cfb_msg = {
	.name = "msg",
	.streams = msg_streams,
	.run = msg_run,
};
