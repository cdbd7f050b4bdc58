/*
 * cfb_ppt.c - PowerPoint 97-2003 presentations ([MS-PPT]) in an OLE2
 * compound file. The "PowerPoint Document" stream is a tree of records
 * (8-byte header: version and instance, type, length; a version of 0xF
 * makes a container). Text lives in TextCharsAtom (UTF-16) and
 * TextBytesAtom (8-bit) records, in the slide list of the document (the
 * outline text PowerPoint writes) and in each slide's drawing (text
 * boxes; LibreOffice writes all text there); CString records are read
 * only where they hold what a user typed (header and footer text,
 * comments), not font names or tags.
 *
 * Slide numbers: a slide's place in the presentation is its place in
 * the document's slide list (SlideListWithText instance 0), whose
 * SlidePersistAtoms name each slide's persist id; the persist directory
 * maps ids to where the Slide container lies in the stream. The stream
 * is walked in order; a Slide container found at a slide's offset takes
 * that slide's number as page, notes (NotesAtom.slideIdRef) the number of
 * their slide with part "notes". Without a usable directory, slides are
 * numbered in stream order. Masters and the handout are left out: their
 * text is the template's ("Click to edit ...").
 *
 * Objects embedded in slides (ExOleObjStg, a compound file of their own,
 * zlib-compressed when its instance is 1) go back through detection.
 */
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-gzip.h>
#include <gsf/gsf-input-memory.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii_cfb.h"
#include "pii_limits.h"

#define REC_HEADER 8
#define REC_CONTAINER 0xF
#define DEPTH_MAX 32
#define PERSIST_ID_MAX 0xFFFFFu /* 20 bits */

enum rec_type {
	RT_DOCUMENT = 0x03E8,
	RT_SLIDE = 0x03EE,
	RT_NOTES = 0x03F0,
	RT_NOTES_ATOM = 0x03F1,
	RT_SLIDE_PERSIST_ATOM = 0x03F3,
	RT_MAIN_MASTER = 0x03F8,
	RT_TEXT_CHARS_ATOM = 0x0FA0,
	RT_TEXT_BYTES_ATOM = 0x0FA8,
	RT_CSTRING = 0x0FBA,
	RT_HANDOUT = 0x0FC9,
	RT_HEADERS_FOOTERS = 0x0FD9,
	RT_SLIDE_LIST_WITH_TEXT = 0x0FF0,
	RT_EX_OLE_OBJ_STG = 0x1011,
	RT_PERSIST_DIRECTORY_ATOM = 0x1772,
	RT_COMMENT10 = 0x2EE0,
	RT_CRYPT_SESSION10 = 0x2F14,
};

/* SlideListWithText instances */
#define SLWT_SLIDES 0
#define SLWT_MASTERS 1
#define SLWT_NOTES 2

/* CurrentUserAtom.headerToken of an encrypted presentation */
#define TOKEN_ENCRYPTED 0xF3D1C4DFu

struct rec {
	unsigned ver, inst, type;
	size_t at, body, len;
};

/* A slide: where its container is (or its slide id) and its number. */
struct slide_key {
	uint32_t key;
	uint32_t page;
};

struct ppt {
	struct pii_cfb *f;
	const unsigned char *s;
	size_t len;
	/* the index, from a first walk of the top level */
	uint32_t *persist;        /* persist id -> offset + 1; 0 none */
	size_t n_persist;
	size_t doc_at;            /* the last DocumentContainer, + 1 */
	bool encrypted;
	struct slide_key *by_offset, *by_id;
	size_t n_slides;
	uint32_t slides_seen;     /* Slide containers so far, in stream order */
	unsigned objects;         /* embedded objects handed on */
	/* the location being written */
	struct pii_cfb_text text; /* the location, and the first error */
	uint32_t page;
	const char *part;
	bool damage_told, depth_told;
};

/* What a record's text belongs to as the walk goes down. */
struct ctx {
	uint32_t page;
	const char *part;
	unsigned parent;
};

/* ---- records ---------------------------------------------------------------- */

/* The record at `at`, which must end by `end`; false (damage) when its
 * header or body runs past. */
static bool rec_at(const struct ppt *p, size_t at, size_t end, struct rec *r)
{
	if (at > end || end - at < REC_HEADER)
		return false;
	uint16_t vi = pii_le16(p->s + at);
	r->ver = vi & 0xF;
	r->inst = vi >> 4;
	r->type = pii_le16(p->s + at + 2);
	r->len = pii_le32(p->s + at + 4);
	r->at = at;
	r->body = at + REC_HEADER;
	return r->len <= end - r->body;
}

static void damaged(struct ppt *p)
{
	if (p->damage_told)
		return;
	p->damage_told = true;
	pii_cfb_problem(p->f, PII_FILE_PARTIAL, PII_CODE_DAMAGED,
			"PowerPoint record runs past its container (damaged): read in part");
}

/* ---- the index: persist directory, slide list ------------------------------- */

static bool persist_set(struct ppt *p, uint32_t id, size_t offset)
{
	if (id > PERSIST_ID_MAX + 0xFFF || offset >= p->len)
		return true;
	if (id >= p->n_persist) {
		size_t n = id + 1 > 2 * p->n_persist ? id + 1 : 2 * p->n_persist;
		uint32_t *grown = realloc(p->persist, n * sizeof(*grown));
		if (!grown)
			return false;
		memset(grown + p->n_persist, 0, (n - p->n_persist) * sizeof(*grown));
		p->persist = grown;
		p->n_persist = n;
	}
	p->persist[id] = (uint32_t)offset + 1;
	return true;
}

/* PersistDirectoryAtom: entries of a 20-bit first id and a 12-bit count,
 * then that many offsets. A later directory (an incremental save)
 * overrides an earlier one. */
static bool read_persist_directory(struct ppt *p, const struct rec *r)
{
	size_t at = r->body, end = r->body + r->len;
	while (end - at >= 4) {
		uint32_t e = pii_le32(p->s + at);
		at += 4;
		for (uint32_t k = 0; k < e >> 20 && end - at >= 4; k++, at += 4)
			if (!persist_set(p, (e & PERSIST_ID_MAX) + k, pii_le32(p->s + at)))
				return false;
	}
	return true;
}

static uint32_t persist_offset(const struct ppt *p, uint32_t id)
{
	return id < p->n_persist ? p->persist[id] : 0;
}

static int key_cmp(const void *a, const void *b)
{
	const struct slide_key *x = a, *y = b;
	return x->key < y->key ? -1 : x->key > y->key;
}

static uint32_t page_of(const struct slide_key *keys, size_t n, uint32_t key)
{
	struct slide_key want = {.key = key};
	const struct slide_key *k = n ? bsearch(&want, keys, n, sizeof(*keys), key_cmp) : NULL;
	return k ? k->page : 0;
}

/* The slides of the document's SlideListWithText instance 0, in order:
 * SlidePersistAtom's persistIdRef (its Slide container's offset through
 * the directory) and slideId (what notes name). */
static bool read_slide_list(struct ppt *p, const struct rec *list)
{
	size_t cap = list->len / (REC_HEADER + 16);
	p->by_offset = cap ? calloc(cap, sizeof(*p->by_offset)) : NULL;
	p->by_id = cap ? calloc(cap, sizeof(*p->by_id)) : NULL;
	if (cap && (!p->by_offset || !p->by_id))
		return false;
	struct rec r;
	size_t end = list->body + list->len;
	uint32_t page = 0;
	for (size_t at = list->body; rec_at(p, at, end, &r); at = r.body + r.len) {
		if (r.type != RT_SLIDE_PERSIST_ATOM || r.len < 16 || p->n_slides == cap)
			continue;
		page++;
		uint32_t offset = persist_offset(p, pii_le32(p->s + r.body));
		p->by_offset[p->n_slides] = (struct slide_key){offset ? offset - 1 : UINT32_MAX, page};
		p->by_id[p->n_slides] = (struct slide_key){pii_le32(p->s + r.body + 12), page};
		p->n_slides++;
	}
	qsort(p->by_offset, p->n_slides, sizeof(*p->by_offset), key_cmp);
	qsort(p->by_id, p->n_slides, sizeof(*p->by_id), key_cmp);
	return true;
}

/* The first walk, of the top level only: directories, the document,
 * whether it is encrypted. Then the slide list of the last document. */
static bool read_index(struct ppt *p)
{
	struct rec r;
	for (size_t at = 0; rec_at(p, at, p->len, &r); at = r.body + r.len) {
		if (r.type == RT_PERSIST_DIRECTORY_ATOM && !read_persist_directory(p, &r))
			return false;
		if (r.type == RT_DOCUMENT && r.ver == REC_CONTAINER)
			p->doc_at = r.at + 1;
		if (r.type == RT_CRYPT_SESSION10)
			p->encrypted = true;
	}
	if (!p->doc_at || !rec_at(p, p->doc_at - 1, p->len, &r))
		return true;
	struct rec child;
	size_t end = r.body + r.len;
	for (size_t at = r.body; rec_at(p, at, end, &child); at = child.body + child.len)
		if (child.type == RT_SLIDE_LIST_WITH_TEXT && child.inst == SLWT_SLIDES &&
		    child.ver == REC_CONTAINER)
			return read_slide_list(p, &child);
	return true;
}

/* ---- text out ----------------------------------------------------------------- */

/* Each slide's text is a location of its own, with the slide as page
 * (as pptx's). */
static void locate(struct ppt *p, const struct ctx *c)
{
	if (p->text.open && p->page == c->page && p->part == c->part)
		return;
	p->page = c->page;
	p->part = c->part;
	struct pii_loc loc = {.file = p->f->in->path, .page = c->page, .part = c->part};
	pii_cfb_text_open(&p->text, &loc, false);
}

static void put_char(struct ppt *p, uint32_t c)
{
	if (c == 0x0D || c == 0x0B) /* paragraph, line break */
		c = '\n';
	else if (c == 0xA0)
		c = ' ';
	else if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c < 0xA0))
		return;
	pii_cfb_text_put(&p->text, c);
}

static void put_utf16(struct ppt *p, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n && p->text.st == PII_OK; i += 2) {
		uint32_t u = pii_le16(s + i);
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n && pii_le16(s + i + 2) >= 0xDC00 &&
		    pii_le16(s + i + 2) <= 0xDFFF) {
			u = 0x10000 + ((u - 0xD800) << 10) + (pii_le16(s + i + 2) - 0xDC00);
			i += 2;
		} else if (u >= 0xD800 && u <= 0xDFFF) {
			u = 0xFFFD;
		}
		put_char(p, u);
	}
}

/* A text atom: its characters, then a line end so that two boxes never
 * run together. */
static void text_atom(struct ppt *p, const struct ctx *c, const struct rec *r, bool wide)
{
	if (!r->len)
		return;
	locate(p, c);
	const unsigned char *s = p->s + r->body;
	if (wide)
		put_utf16(p, s, r->len);
	/* [MS-PPT] TextBytesAtom: each byte is the low byte of a UTF-16
	 * character whose high byte is 0 (Latin-1, not Windows-1252) */
	for (size_t i = 0; !wide && i < r->len && p->text.st == PII_OK; i++)
		if (s[i])
			put_char(p, s[i]);
	put_char(p, '\n');
}

/* ---- the walk ------------------------------------------------------------------- */

static void walk(struct ppt *p, size_t at, size_t end, unsigned depth, struct ctx c);

/* Notes take their slide's number. Slide ids lie in 0x100..0x7FFFFFFF;
 * the notes master names none (0) or, as LibreOffice writes it, a
 * master's id (0x80000000 and up): a template, left out. */
static bool notes_ctx(struct ppt *p, const struct rec *notes, struct ctx *c)
{
	struct rec atom;
	if (!rec_at(p, notes->body, notes->body + notes->len, &atom) ||
	    atom.type != RT_NOTES_ATOM || atom.len < 4)
		return true;
	uint32_t slide_id = pii_le32(p->s + atom.body);
	if (!slide_id || slide_id >= 0x80000000u)
		return false;
	c->page = page_of(p->by_id, p->n_slides, slide_id);
	return true;
}

/* The slide list: text after the n-th SlidePersistAtom is slide n's (the
 * notes list's is notes, not numbered here). */
static void slide_list(struct ppt *p, const struct rec *list, struct ctx c)
{
	if (list->inst == SLWT_MASTERS)
		return;
	if (list->inst == SLWT_NOTES)
		c.part = "notes";
	uint32_t page = 0;
	struct rec r;
	size_t end = list->body + list->len;
	for (size_t at = list->body; p->text.st == PII_OK && at < end; at = r.body + r.len) {
		if (!rec_at(p, at, end, &r)) {
			damaged(p);
			return;
		}
		if (r.type == RT_SLIDE_PERSIST_ATOM)
			page++;
		c.page = list->inst == SLWT_SLIDES ? page : 0;
		if (r.type == RT_TEXT_CHARS_ATOM || r.type == RT_TEXT_BYTES_ATOM)
			text_atom(p, &c, &r, r.type == RT_TEXT_CHARS_ATOM);
	}
}

/* A container: what it holds is whose, then its children. */
static void container(struct ppt *p, const struct rec *r, unsigned depth, struct ctx c)
{
	switch (r->type) {
	case RT_MAIN_MASTER:
	case RT_HANDOUT:
		return;
	case RT_SLIDE_LIST_WITH_TEXT:
		slide_list(p, r, c);
		return;
	case RT_SLIDE:
		p->slides_seen++;
		c.part = NULL;
		c.page = p->n_slides && p->n_persist ? page_of(p->by_offset, p->n_slides, (uint32_t)r->at)
				     : p->slides_seen;
		break;
	case RT_NOTES:
		c.part = "notes";
		c.page = 0;
		if (!notes_ctx(p, r, &c))
			return;
		break;
	case RT_COMMENT10:
		c.part = "comments";
		break;
	default:
		break;
	}
	if (depth + 1 >= DEPTH_MAX) {
		if (!p->depth_told)
			pii_cfb_problem(p->f, PII_FILE_PARTIAL, PII_CODE_DAMAGED,
					"PowerPoint records nested too deep: read in part");
		p->depth_told = true;
		return;
	}
	c.parent = r->type;
	walk(p, r->body, r->body + r->len, depth + 1, c);
}

static void record(struct ppt *p, const struct rec *r, unsigned depth, const struct ctx *c)
{
	if (r->ver == REC_CONTAINER) {
		container(p, r, depth, *c);
		return;
	}
	switch (r->type) {
	case RT_TEXT_CHARS_ATOM:
	case RT_TEXT_BYTES_ATOM:
		text_atom(p, c, r, r->type == RT_TEXT_CHARS_ATOM);
		break;
	case RT_CSTRING:
		/* user text only: a header or footer, a comment and its author */
		if (c->parent == RT_HEADERS_FOOTERS || c->parent == RT_COMMENT10)
			text_atom(p, c, r, true);
		break;
	default:
		break;
	}
}

static void walk(struct ppt *p, size_t at, size_t end, unsigned depth, struct ctx c)
{
	struct rec r;
	while (p->text.st == PII_OK && at < end) {
		if (!rec_at(p, at, end, &r)) {
			/* a few bytes of padding at the end of the stream are no damage */
			if (depth || end - at >= REC_HEADER)
				damaged(p);
			return;
		}
		record(p, &r, depth, &c);
		at = r.body + r.len;
	}
}

/* ---- embedded objects ------------------------------------------------------------- */

/* ExOleObjStg: the object's compound file, after a 4-byte size and
 * compressed with zlib when the instance is 1 (read as raw deflate past
 * the 2-byte zlib header, as it goes). */
static enum pii_status ole_object(struct ppt *p, const struct rec *r)
{
	char name[48];
	snprintf(name, sizeof(name), "ExOleObjStg/%u", ++p->objects);
	if (r->inst != 1)
		return pii_sink_child_memory(p->f->out, p->f->in, name, p->s + r->body, r->len);
	if (r->len < 6)
		return PII_OK;
	uint32_t size = pii_le32(p->s + r->body);
	GsfInput *packed = gsf_input_memory_new(p->s + r->body + 6, (gsf_off_t)(r->len - 6), FALSE);
	GsfInput *plain = packed ? g_object_new(GSF_INPUT_GZIP_TYPE, "raw", TRUE, "source", packed,
						"uncompressed-size", (gint64)size, NULL)
				 : NULL;
	enum pii_status st = PII_OK;
	if (plain && GSF_IS_INPUT(plain) && gsf_input_size(plain) > 0)
		st = pii_cfb_child(p->f, plain, name);
	if (plain)
		g_object_unref(plain);
	if (packed)
		g_object_unref(packed);
	return st;
}

static enum pii_status objects(struct ppt *p)
{
	enum pii_status st = PII_OK;
	struct rec r;
	for (size_t at = 0; st == PII_OK && rec_at(p, at, p->len, &r); at = r.body + r.len)
		if (r.type == RT_EX_OLE_OBJ_STG && r.ver != REC_CONTAINER)
			st = ole_object(p, &r);
	return pii_status_after_members(st);
}

/* ---- the format --------------------------------------------------------------------- */

/* A password sets the Current User's header token, writes the
 * CryptSession10Container and mostly an EncryptedSummary stream. */
static bool encrypted(struct pii_cfb *f)
{
	if (pii_cfb_has(f->root, "EncryptedSummary"))
		return true;
	GsfInput *s = gsf_infile_child_by_name(f->root, "Current User");
	unsigned char head[16];
	bool token = s && gsf_input_size(s) >= 16 && gsf_input_read(s, 16, head) &&
		     pii_le32(head + 12) == TOKEN_ENCRYPTED;
	if (s)
		g_object_unref(s);
	return token;
}

static enum pii_status read_presentation(struct ppt *p)
{
	if (!read_index(p))
		return PII_EOBJECT; /* out of memory: this file is lost, not the scan */
	if (p->encrypted) {
		pii_cfb_problem(p->f, PII_FILE_SKIPPED, PII_CODE_ENCRYPTED,
				"encrypted PowerPoint presentation, not scanned");
		return PII_OK;
	}
	walk(p, 0, p->len, 0, (struct ctx){0});
	pii_cfb_text_close(&p->text);
	return p->text.st == PII_OK ? objects(p) : p->text.st;
}

static enum pii_status ppt_run(struct pii_cfb *f)
{
	if (encrypted(f)) {
		pii_cfb_problem(f, PII_FILE_SKIPPED, PII_CODE_ENCRYPTED,
				"encrypted PowerPoint presentation, not scanned");
		return PII_OK;
	}
	GsfInput *s = gsf_infile_child_by_name(f->root, "PowerPoint Document");
	struct ppt p = {.f = f, .text = {.out = f->out}};
	bool cut = false;
	unsigned char *data = s && !pii_cfb_is_storage(s) ? pii_cfb_read(s, &p.len, &cut) : NULL;
	if (s)
		g_object_unref(s);
	if (!data) {
		pii_cfb_problem(f, PII_FILE_FAILED, PII_CODE_DAMAGED,
				"PowerPoint stream cannot be read (damaged?)");
		return PII_OK;
	}
	p.s = data;
	if (cut)
		pii_cfb_problem(f, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE,
				"PowerPoint presentation too large, read in part");
	enum pii_status st = read_presentation(&p);
	pii_buf_free(&p.text.buf);
	free(p.persist);
	free(p.by_offset);
	free(p.by_id);
	free(data);
	return st;
}

static const char *const ppt_streams[] = {"PowerPoint Document", NULL};

const struct pii_cfb_format pii_cfb_ppt = {
	.name = "ppt",
	.streams = ppt_streams,
	.run = ppt_run,
};
