/*
 * cfb.c - OLE2 compound files (pii_cfb.h), opened with libgsf: the
 * structured-file library of GNOME, which Gnumeric and AbiWord read
 * these files with, and which checks the sector chains (a FAT that loops
 * or points past the end is refused, not followed; damage it mends, a
 * directory that loops, is an errors row too). The document
 * properties (author, last saved by, title, ...) go out as part
 * "properties", as for docx and odt; then the format that owns the file
 * (cfb_formats.def) reads it. An Office file encrypted with a password
 * (RC4 or CryptoAPI in the file, or OOXML in an encrypted wrapper) is an
 * errors row "encrypted, not scanned", never a clean file.
 *
 * A file on disk is read where it lies, through stdio (no mmap: a file
 * cut short on a share while it is read must give a read error, not
 * SIGBUS); a compound file inside another container is held in memory.
 */
#include <gsf/gsf-doc-meta-data.h>
#include <gsf/gsf-docprop-vector.h>
#include <gsf/gsf-input-gzip.h>
#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-meta-names.h>
#include <gsf/gsf-msole-utils.h>
#include <gsf/gsf-timestamp.h>
#include <gsf/gsf-utils.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pii_cfb.h"
#include "pii_limits.h"

static const struct pii_cfb_format *const formats[] = {
#define PII_CFB_FORMAT(name, what) &pii_cfb_##name,
#include "extract/cfb_formats.def"
#undef PII_CFB_FORMAT
};

/* ---- document properties ----------------------------------------------------- */

/* The properties people read, under the keys docx and odt use. */
static const struct {
	const char *meta;
	const char *key;
} property_keys[] = {
	/* libgsf reads the summary's author as dc:creator */
	{GSF_META_NAME_CREATOR, "author"},
	{GSF_META_NAME_LAST_SAVED_BY, "last modified by"},
	{GSF_META_NAME_TITLE, "title"},
	{GSF_META_NAME_SUBJECT, "subject"},
	{GSF_META_NAME_KEYWORDS, "keywords"},
	{GSF_META_NAME_DESCRIPTION, "description"},
	{GSF_META_NAME_COMPANY, "company"},
	{GSF_META_NAME_MANAGER, "manager"},
};

static enum pii_status property(struct pii_cfb *f, GsfDocMetaData *meta, const char *name,
				const char *key)
{
	GsfDocProp *prop = gsf_doc_meta_data_lookup(meta, name);
	GValue const *v = prop ? gsf_doc_prop_get_val(prop) : NULL;
	const char *text = v && G_VALUE_HOLDS_STRING(v) ? g_value_get_string(v) : NULL;
	if (!text || !*text)
		return PII_OK;
	struct pii_loc loc = {.file = f->in->path, .part = "properties", .key = key};
	return pii_sink_text(f->out, &loc, text, strlen(text), 0, 0);
}

/* The last-saved time: the age of the data, for the retention view. */
static void last_saved(struct pii_cfb *f, GsfDocMetaData *meta)
{
	GsfDocProp *prop = gsf_doc_meta_data_lookup(meta, GSF_META_NAME_DATE_MODIFIED);
	GValue const *v = prop ? gsf_doc_prop_get_val(prop) : NULL;
	if (v && G_VALUE_HOLDS(v, GSF_TIMESTAMP_TYPE)) {
		const GsfTimestamp *ts = g_value_get_boxed(v);
		if (ts && ts->timet)
			pii_sink_saved(f->out, f->in, (int64_t)ts->timet);
	}
}

/* Reads one property set stream (summary or document summary). */
static enum pii_status properties_of(struct pii_cfb *f, const char *stream)
{
	GsfInput *s = gsf_infile_child_by_name(f->root, stream);
	if (!s)
		return PII_OK;
	enum pii_status st = PII_OK;
	GsfDocMetaData *meta = gsf_doc_meta_data_new();
	GError *err = meta ? gsf_doc_meta_data_read_from_msole(meta, s) : NULL;
	if (meta && !err) {
		for (size_t i = 0; i < sizeof(property_keys) / sizeof(property_keys[0]); i++)
			if (st == PII_OK)
				st = property(f, meta, property_keys[i].meta, property_keys[i].key);
		last_saved(f, meta);
	}
	if (err)
		g_error_free(err); /* damaged properties: the document is still read */
	if (meta)
		g_object_unref(meta);
	g_object_unref(s);
	return st;
}

/* ---- the extractor ----------------------------------------------------------- */

/* What libgsf complained of in this thread: a directory that loops, a
 * sector chain cut short. It mends what it can and says so only in its
 * log, so the count is what tells the scan that the file is damaged. */
static _Thread_local unsigned gsf_complaints;

static void drop_log(const gchar *domain, GLogLevelFlags level, const gchar *message,
		     gpointer data)
{
	/* libgsf's warnings name streams and could quote the file: never
	 * printed. What went wrong is told by the errors row. */
	(void)domain;
	(void)message;
	(void)data;
	if (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
		gsf_complaints++;
}

static void cfb_init(void)
{
	gsf_init();
	/* libgsf registers its types on first use without a lock (a check
	 * of a static, then registration): two workers meeting their first
	 * compound file at once could both register one, and the loser
	 * reads its timestamps as no type at all. Here, before any worker,
	 * every type piiscan uses is registered once. */
	GType types[] = {
		gsf_input_get_type(),         gsf_infile_get_type(),
		gsf_output_get_type(),        gsf_outfile_get_type(),
		gsf_input_stdio_get_type(),   gsf_input_memory_get_type(),
		gsf_infile_msole_get_type(),  gsf_output_memory_get_type(),
		gsf_outfile_msole_get_type(), gsf_input_gzip_get_type(),
		gsf_doc_meta_data_get_type(), gsf_doc_prop_get_type(),
		gsf_docprop_vector_get_type(), gsf_timestamp_get_type(),
	};
	(void)types;
	/* libgsf logs without a domain of its own */
	static const char *const domains[] = {NULL, "libgsf", "libgsf:msole", "libgsf:utils",
					      "libgsf:docprop"};
	for (size_t i = 0; i < sizeof(domains) / sizeof(domains[0]); i++)
		g_log_set_handler(domains[i], G_LOG_LEVEL_MASK, drop_log, NULL);
}

static void cfb_fini(void)
{
	gsf_shutdown();
}

/* An OOXML file encrypted with a password is an OLE2 wrapper around an
 * encrypted package ([MS-OFFCRYPTO]). */
static bool encrypted_ooxml(GsfInfile *root)
{
	return pii_cfb_has(root, "EncryptionInfo") && pii_cfb_has(root, "EncryptedPackage");
}

/* An OLE object on its own (a docx's word/embeddings/oleObject1.bin): a
 * packaged file, a Package or CONTENTS stream. */
static bool is_object(GsfInfile *root)
{
	return pii_cfb_has(root, "\001Ole10Native") || pii_cfb_has(root, "Package") ||
	       pii_cfb_has(root, "CONTENTS");
}

static const struct pii_cfb_format *format_of(GsfInfile *root)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		for (const char *const *s = formats[i]->streams; *s; s++)
			if (pii_cfb_has(root, *s))
				return formats[i];
	return NULL;
}

/* A compound file of another kind (Visio, Publisher, an installer, a
 * thumbnail cache): each stream goes through detection as a member
 * "<file>!<storage>/<stream>", so its text is still found (as printable
 * strings at worst). */
static enum pii_status other_streams(struct pii_cfb *f, GsfInfile *dir, const char *path,
				     int depth)
{
	if (depth >= 16) {
		pii_cfb_problem(f, PII_FILE_PARTIAL, PII_CODE_LIMIT_DEPTH,
				"storages nested more than 16 deep in a compound file: the "
				"deeper ones were not read");
		return PII_OK;
	}
	enum pii_status st = PII_OK;
	int n = gsf_infile_num_children(dir);
	for (int i = 0; i < n && st == PII_OK; i++) {
		const char *name = gsf_infile_name_by_index(dir, i);
		if (!name || (unsigned char)name[0] < 0x20)
			continue; /* property sets (read above) and other control streams */
		struct pii_buf member = {0};
		pii_buf_puts(&member, path);
		pii_cfb_clean_name(&member, name);
		GsfInput *child = member.data ? gsf_infile_child_by_index(dir, i) : NULL;
		if (child && pii_cfb_is_storage(child)) {
			pii_buf_putc(&member, '/');
			if (member.data)
				st = other_streams(f, GSF_INFILE(child), member.data, depth + 1);
		} else if (child && gsf_input_size(child) > 0) {
			st = pii_cfb_child(f, child, member.data);
		}
		if (child)
			g_object_unref(child);
		pii_buf_free(&member);
	}
	/* PII_ELIMIT goes up as it is: no storage reads more members */
	return st;
}

/* The input as a GsfInput: the file through stdio, a member in memory
 * (*held, freed by the caller after the input); NULL with *why set when
 * it cannot be had. */
static GsfInput *open_source(struct pii_input *in, unsigned char **held, const char **why,
			     const char **code)
{
	*held = NULL;
	*code = PII_CODE_OUT_OF_MEMORY;
	*why = "out of memory, not scanned";
	if (in->fd >= 0) {
		/* its own open file description, with an offset of its own;
		 * without /proc, a copy of the descriptor rewound */
		char self[64];
		snprintf(self, sizeof(self), "/proc/self/fd/%d", in->fd);
		int fd = open(self, O_RDONLY | O_CLOEXEC);
		if (fd < 0 && (fd = dup(in->fd)) >= 0 && lseek(fd, 0, SEEK_SET) != 0) {
			close(fd);
			fd = -1;
		}
		FILE *fp = fd >= 0 ? fdopen(fd, "rb") : NULL;
		if (!fp) {
			if (fd >= 0)
				close(fd);
			*code = PII_CODE_OPEN_FAILED;
			*why = "could not be opened again to be read as an Office file";
			return NULL;
		}
		in->bytes_read = in->size;
		GsfInput *s = gsf_input_stdio_new_FILE(in->path, fp, FALSE);
		if (!s)
			fclose(fp);
		return s;
	}
	size_t len = 0;
	bool cut = false;
	*held = pii_input_slurp(in, &len, &cut);
	if (*held && cut) {
		*code = PII_CODE_LIMIT_SIZE;
		*why = "Office file too large to read inside a container, not scanned";
		return NULL;
	}
	if (!*held && in->read_errno) {
		*code = PII_CODE_READ_ERROR;
		*why = "could not be read";
	}
	return *held ? gsf_input_memory_new(*held, (gsf_off_t)len, FALSE) : NULL;
}

static enum pii_status cfb_run(struct pii_input *in, struct pii_sink *out)
{
	unsigned char *held = NULL;
	const char *why_not, *code;
	GsfInput *source = open_source(in, &held, &why_not, &code);
	if (!source) {
		pii_sink_problem(out, in->path, PII_FILE_PARTIAL, code, why_not);
		free(held);
		return PII_OK;
	}
	unsigned complaints_before = gsf_complaints;
	GError *err = NULL;
	GsfInfile *root = gsf_infile_msole_new(source, &err);
	enum pii_status st = PII_OK;
	if (!root) {
		char why[300];
		snprintf(why, sizeof(why),
			 "not readable as an OLE2 compound file (damaged or cut short?)%s%.200s",
			 err && err->message ? ": " : "", err && err->message ? err->message : "");
		pii_sink_problem(out, in->path, PII_FILE_FAILED, PII_CODE_DAMAGED, why);
	} else {
		struct pii_cfb f = {.in = in, .out = out, .root = root};
		const struct pii_cfb_format *fmt = format_of(root);
		if (encrypted_ooxml(root)) {
			pii_cfb_problem(&f, PII_FILE_SKIPPED, PII_CODE_ENCRYPTED,
					"encrypted Office document (password-protected OOXML), "
					"not scanned");
		} else {
			st = properties_of(&f, "\005SummaryInformation");
			if (st == PII_OK)
				st = properties_of(&f, "\005DocumentSummaryInformation");
			if (st == PII_OK && fmt)
				st = fmt->run(&f);
			else if (st == PII_OK && is_object(root))
				st = pii_status_after_members(pii_cfb_embedded(&f, root, ""));
			else if (st == PII_OK)
				st = pii_status_after_members(other_streams(&f, root, "", 0));
		}
		/* damage libgsf mended quietly, when no row said so already */
		if (gsf_complaints != complaints_before && !f.told && st != PII_EFATAL)
			pii_cfb_problem(&f, PII_FILE_PARTIAL, PII_CODE_DAMAGED,
					"the compound file's structure is damaged (a directory or "
					"sector chain that loops or ends early): parts of it may not "
					"have been read");
		g_object_unref(root);
	}
	/* a format stopped for want of memory: a member is read in part (the
	 * file on disk's own result says so for it) */
	if (st == PII_EOBJECT && in->depth > 0)
		pii_sink_problem(out, in->path, PII_FILE_PARTIAL, PII_CODE_OUT_OF_MEMORY,
				 "out of memory while reading the document: read in part");
	/* an outer compound file counts only its own complaints */
	gsf_complaints = complaints_before;
	if (err)
		g_error_free(err);
	g_object_unref(source);
	free(held);
	return st == PII_ELIMIT ? PII_OK : st;
}

/* The signature of [MS-CFB], then a major version of 3 or 4. */
static int cfb_bid(const struct pii_input *in, int best)
{
	static const unsigned char sig[8] = {0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1};
	if (in->head_len < 32 || memcmp(in->head, sig, 8))
		return PII_BID_NONE;
	unsigned major = pii_le16(in->head + 26);
	return major == 3 || major == 4 ? PII_BID_EXACT : PII_BID_SIGNATURE;
}

const struct pii_extractor pii_extractor_cfb = {
	.name = "cfb",
	.bid = cfb_bid,
	.run = cfb_run,
	.init = cfb_init,
	.fini = cfb_fini,
};
