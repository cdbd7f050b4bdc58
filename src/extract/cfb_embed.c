/*
 * cfb_embed.c - objects embedded in compound files (pii_cfb.h): in a
 * Word document's ObjectPool, an Outlook item's OLE attachment, an Excel
 * workbook's MBD storages, or the oleObject.bin of a docx. A Package
 * stream is an embedded docx or xlsx, CONTENTS a PDF or the like,
 * \001Ole10Native a packaged file ([MS-OLEDS]); an embedded 97-2003
 * document is its whole storage, written out as a compound file of its
 * own. Each goes back through detection as a member.
 */
#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-output-memory.h>
#include <string.h>

#include "pii_cfb.h"
#include "pii_limits.h"

void pii_cfb_clean_name(struct pii_buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		pii_buf_putc(b, c == '!' || c == '/' || c == '\\' || c < 0x20 ? '_' : (char)c);
	}
}

/* "<where>/<name>", or "<where>" without a name. */
static void member_name(struct pii_buf *b, const char *where, const char *name)
{
	pii_buf_puts(b, where);
	if (name) {
		if (*where)
			pii_buf_putc(b, '/');
		pii_cfb_clean_name(b, name);
	}
}

/* A NUL-terminated string at *pos, within len; false when unterminated. */
static bool skip_cstring(const unsigned char *p, size_t len, size_t *pos, const char **s)
{
	const unsigned char *end = *pos < len ? memchr(p + *pos, 0, len - *pos) : NULL;
	if (!end)
		return false;
	*s = (const char *)p + *pos;
	*pos = (size_t)(end - p) + 1;
	return true;
}

/* "\001Ole10Native" of the Packager ([MS-OLEDS] 2.3.6 OLENativeStream,
 * the Package's own layout as oletools reads it): the native size, then
 * a 2-byte type, the label, the source path, 4 bytes, the temporary path
 * (its length, then the string), the data's size and the data. *label is
 * the file's name; the whole native data when the layout does not fit. */
static const unsigned char *ole10_payload(const unsigned char *p, size_t len, size_t *n,
					  const char **label)
{
	*label = NULL;
	*n = 0;
	if (len < 4)
		return NULL;
	size_t native = pii_le32(p) < len - 4 ? pii_le32(p) : len - 4;
	const unsigned char *q = p + 4;
	const char *path = NULL, *temp = NULL;
	size_t pos = 2;
	if (native < 2 || !skip_cstring(q, native, &pos, label) ||
	    !skip_cstring(q, native, &pos, &path) || pos + 8 > native)
		goto whole;
	pos += 8; /* 4 bytes, then the temporary path's length */
	if (!skip_cstring(q, native, &pos, &temp) || pos + 4 > native ||
	    pii_le32(q + pos) > native - pos - 4)
		goto whole;
	*n = pii_le32(q + pos);
	return q + pos + 4;
whole:
	*label = NULL;
	*n = native;
	return q;
}

static enum pii_status ole10_native(struct pii_cfb *f, GsfInfile *obj, const char *where)
{
	size_t len = 0;
	bool cut = false;
	unsigned char *p = pii_cfb_read_named(obj, "\001Ole10Native", &len, &cut);
	if (!p)
		return PII_OK;
	size_t n = 0;
	const char *label = NULL;
	const unsigned char *data = ole10_payload(p, len, &n, &label);
	const char *base = label && *label ? label : "Ole10Native";
	const char *slash = strrchr(base, '\\');
	struct pii_buf name = {0};
	member_name(&name, where, slash && slash[1] ? slash + 1 : base);
	enum pii_status st = name.data && data && n
				     ? pii_sink_child_memory(f->out, f->in, name.data, data, n)
				     : PII_OK;
	pii_buf_free(&name);
	free(p);
	return st;
}

/* Copies storage `from` into `to`, streams and storages alike. */
static bool copy_storage(GsfInfile *from, GsfOutfile *to, int depth)
{
	bool ok = depth < 16;
	int n = gsf_infile_num_children(from);
	for (int i = 0; i < n && ok; i++) {
		const char *name = gsf_infile_name_by_index(from, i);
		GsfInput *child = name ? gsf_infile_child_by_index(from, i) : NULL;
		bool dir = child && pii_cfb_is_storage(child);
		GsfOutput *out = child ? gsf_outfile_new_child(to, name, dir) : NULL;
		ok = out && (dir ? copy_storage(GSF_INFILE(child), GSF_OUTFILE(out), depth + 1)
				 : gsf_input_copy(child, out));
		if (out) {
			ok = gsf_output_close(out) && ok;
			g_object_unref(out);
		}
		if (child)
			g_object_unref(child);
	}
	return ok;
}

/* The bytes of every stream under a storage, to refuse a copy too big. */
static uint64_t storage_size(GsfInfile *dir, int depth)
{
	uint64_t total = 0;
	int n = gsf_infile_num_children(dir);
	for (int i = 0; i < n && depth < 16; i++) {
		GsfInput *child = gsf_infile_child_by_index(dir, i);
		if (!child)
			continue;
		total += pii_cfb_is_storage(child) ? storage_size(GSF_INFILE(child), depth + 1)
					      : (uint64_t)gsf_input_size(child);
		g_object_unref(child);
	}
	return total;
}

/* An embedded Office document of the 97-2003 formats (an xls, a doc) is
 * a storage, not a stream: it is written out as a compound file of its
 * own, which detection hands to this extractor again. */
static enum pii_status embedded_storage(struct pii_cfb *f, GsfInfile *obj, const char *where)
{
	if (storage_size(obj, 0) > PII_DOC_MEMORY_MAX) {
		pii_cfb_problem(f, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE,
				"embedded object too large, not scanned");
		return PII_OK;
	}
	GsfOutput *mem = gsf_output_memory_new();
	GsfOutfile *ole = mem ? gsf_outfile_msole_new(mem) : NULL;
	bool ok = ole && copy_storage(obj, ole, 0);
	if (ole) {
		ok = gsf_output_close(GSF_OUTPUT(ole)) && ok;
		g_object_unref(ole);
	}
	enum pii_status st = PII_OK;
	struct pii_buf name = {0};
	member_name(&name, *where ? where : "embedded", NULL);
	if (ok && name.data) {
		const guint8 *bytes = gsf_output_memory_get_bytes(GSF_OUTPUT_MEMORY(mem));
		size_t len = (size_t)gsf_output_size(mem);
		st = pii_sink_child_memory(f->out, f->in, name.data, bytes, len);
	}
	pii_buf_free(&name);
	if (mem) {
		if (!gsf_output_is_closed(mem))
			gsf_output_close(mem);
		g_object_unref(mem);
	}
	return st;
}

enum pii_status pii_cfb_embedded(struct pii_cfb *f, GsfInfile *obj, const char *where)
{
	static const char *const office[] = {"WordDocument", "Workbook", "Book",
					     "PowerPoint Document"};
	for (size_t i = 0; i < sizeof(office) / sizeof(office[0]); i++)
		if (pii_cfb_has(obj, office[i]))
			return embedded_storage(f, obj, where);
	if (pii_cfb_has(obj, "\001Ole10Native"))
		return ole10_native(f, obj, where);
	static const char *const files[] = {"Package", "CONTENTS"};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		GsfInput *s = gsf_infile_child_by_name(obj, files[i]);
		if (!s)
			continue;
		struct pii_buf name = {0};
		member_name(&name, where, files[i]);
		enum pii_status st = name.data && !pii_cfb_is_storage(s) && gsf_input_size(s) > 0
					     ? pii_cfb_child(f, s, name.data)
					     : PII_OK;
		pii_buf_free(&name);
		g_object_unref(s);
		return st;
	}
	return PII_OK;
}
