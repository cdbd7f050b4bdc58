/*
 * pii_cfb.h - OLE2 compound files (Compound File Binary, [MS-CFB]): the
 * legacy Office formats (.doc, .xls, .ppt) and saved Outlook items
 * (.msg). One extractor (src/extract/cfb.c) opens the container with
 * libgsf, reads its document properties and hands the root to the
 * format that owns it: each format is one file in src/extract/ and one
 * line in src/extract/cfb_formats.def, found by a stream of its own
 * (Word's "WordDocument", Excel's "Workbook"), as the extractors are
 * found by their bids. What the formats share is in cfb_read.c.
 */
#ifndef PII_CFB_H
#define PII_CFB_H

#include <gsf/gsf-infile.h>
#include <gsf/gsf-input.h>

#include "pii_extractor.h"

/* An open compound file and where its text goes. */
struct pii_cfb {
	struct pii_input *in;
	struct pii_sink *out;
	GsfInfile *root;
	bool told;            /* a row about the file was written (pii_cfb_problem) */
};

struct pii_cfb_format {
	const char *name;
	/* Streams (or storages) of the root, any one of which names the
	 * format; NULL-terminated. */
	const char *const *streams;
	/* Reads the document. Returns as an extractor's run does: PII_OK
	 * (problems told through the sink), PII_EOBJECT or PII_EFATAL. */
	enum pii_status (*run)(struct pii_cfb *f);
};

#define PII_CFB_FORMAT(name, what) extern const struct pii_cfb_format pii_cfb_##name;
#include "extract/cfb_formats.def"
#undef PII_CFB_FORMAT

/* The whole of a stream in memory (malloc'd, with a NUL after it), up to
 * PII_DOC_MEMORY_MAX bytes (*cut set when there was more). NULL when the
 * stream cannot be read (damaged: a sector chain that ends early or
 * loops) or memory runs out; *len 0 then. */
unsigned char *pii_cfb_read(GsfInput *stream, size_t *len, bool *cut);

/* The same for the stream `name` of storage dir; NULL also when there is
 * no such stream. */
unsigned char *pii_cfb_read_named(GsfInfile *dir, const char *name, size_t *len, bool *cut);

/* Whether a child is a storage (a folder), not a stream. */
bool pii_cfb_is_storage(GsfInput *child);

/* Whether storage dir has a child of that name. */
bool pii_cfb_has(GsfInfile *dir, const char *name);

/* A stream handed back to detection as a member `name` of f's input
 * (an attachment of a .msg, an object embedded in a .doc), read as it
 * goes. Returns as pii_sink_child. */
enum pii_status pii_cfb_child(struct pii_cfb *f, GsfInput *stream, const char *name);

/* An object embedded in storage obj (cfb_embed.c), handed to detection
 * as members named "<where>/<file>" ("ObjectPool/_1/list.txt"): an Office
 * 97-2003 document, a Package (docx, xlsx), CONTENTS or a packaged file
 * (\001Ole10Native). Nothing when obj holds none of those. Returns as
 * pii_sink_child. */
enum pii_status pii_cfb_embedded(struct pii_cfb *f, GsfInfile *obj, const char *where);

/* Appends a stored name to b as one step of a member name: no "!" (the
 * layer separator), "/", "\\" or control characters in it. */
void pii_cfb_clean_name(struct pii_buf *b, const char *s);

/* A row for the errors sheet about f's input as a whole. */
void pii_cfb_problem(struct pii_cfb *f, enum pii_file_status st, const char *code,
		     const char *reason);

/* Decoded text on its way to the sink, one location at a time, for the
 * formats that decode it character by character (Word, PowerPoint). */
struct pii_cfb_text {
	struct pii_sink *out;
	struct pii_loc loc;   /* of the open location */
	bool open;
	struct pii_buf buf;   /* UTF-8 not yet handed on */
	enum pii_status st;   /* the first error */
};

/* Opens location loc (copied), closing the one before. */
void pii_cfb_text_open(struct pii_cfb_text *t, const struct pii_loc *loc, bool lines);

/* Adds character c to the open location. */
void pii_cfb_text_put(struct pii_cfb_text *t, uint32_t c);

/* Hands on what is held and closes the open location, if any. */
void pii_cfb_text_close(struct pii_cfb_text *t);

/* UTF-16LE (n bytes; an odd last byte ignored) appended to b as UTF-8;
 * unpaired surrogates become U+FFFD. Returns false when out of memory. */
bool pii_utf16le_append(struct pii_buf *b, const unsigned char *s, size_t n);

/* Bytes of Windows code page `codepage` (1252 when 0 or unknown; 65001
 * is UTF-8) appended to b as UTF-8. */
bool pii_codepage_append(struct pii_buf *b, int codepage, const unsigned char *s, size_t n);

/* Little-endian numbers at p. */
static inline uint16_t pii_le16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t pii_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

#endif
