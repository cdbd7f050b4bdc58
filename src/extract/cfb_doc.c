/*
 * cfb_doc.c - Word 97-2003 documents ([MS-DOC]) in an OLE2 compound file.
 * The text is found as antiword and catdoc find it: the FIB at the start
 * of the WordDocument stream names the table stream (0Table or 1Table)
 * and the Clx in it; the Clx's piece table maps character positions (CPs)
 * to runs of 8-bit or UTF-16 text in the WordDocument stream. The main
 * text, footnotes, headers and footers, comments, endnotes and text boxes
 * follow each other in one CP space; each goes out as a location of its
 * own (the main text with no part, as for docx), streamed piece by piece.
 * Word's control characters become what a matcher reads well; the code of
 * a field (HYPERLINK "mailto:...") is left out, its result kept.
 *
 * Word 6/95 files keep their text in one run (fcMin..fcMac) unless they
 * were fast-saved; those, and files whose header is too short, are read
 * as printable strings. Objects embedded in the document (ObjectPool)
 * go back through detection.
 */
#include <gsf/gsf-infile.h>
#include <gsf/gsf-utils.h>
#include <stdlib.h>
#include <string.h>

#include "pii_cfb.h"
#include "pii_decode.h"
#include "pii_limits.h"

#define FIB_IDENT 0xA5EC
#define FIB_IDENT_WORD6 0xA5DC
#define NFIB_WORD95_MAX 105    /* Word 6.0 is 101, Word 95 104 */
#define FIB_BASE_LEN 32

/* FibBase flags at offset 0x0A */
#define F_COMPLEX 0x0004
#define F_ENCRYPTED 0x0100     /* RC4 / CryptoAPI, or XOR with fObfuscated */
#define F_WHICH_TBL_STM 0x0200

/* FibRgFcLcb97: index of the fcClx/lcbClx pair */
#define FCLCB_CLX 33

#define CLXT_PRC 0x01
#define CLXT_PCDT 0x02
#define PCD_LEN 8
#define FC_COMPRESSED 0x40000000u

#define FIELD_DEPTH_MAX 64

/* The sub-documents in the order of the CP space, by their count's index
 * in FibRgLw97; the main text has no part, as docx's body has none. */
static const struct {
	unsigned lw;
	const char *part;
} subdocs[] = {
	{3, NULL},                  /* ccpText */
	{4, "footnotes"},           /* ccpFtn */
	{5, "headers"},             /* ccpHdd: headers and footers */
	{6, "macros"},              /* ccpMcr: 0 since Word 97 */
	{7, "comments"},            /* ccpAtn */
	{8, "endnotes"},            /* ccpEdn */
	{9, "text boxes"},          /* ccpTxbx */
	{10, "header text boxes"},  /* ccpHdrTxbx */
};
#define N_SUBDOCS (sizeof(subdocs) / sizeof(subdocs[0]))

struct fib {
	uint16_t ident, nfib, flags;
	uint32_t fc_min, fc_mac;          /* Word 6/95: the text's bytes */
	uint32_t ccp[N_SUBDOCS];
	uint32_t fc_clx, lcb_clx;
	bool has_lw, has_clx;
};

struct doc {
	struct pii_cfb *f;
	const unsigned char *wd;
	size_t wd_len;
	/* where each sub-document ends in the CP space */
	uint64_t end_cp[N_SUBDOCS];
	size_t sub;             /* the sub-document being read */
	struct pii_cfb_text text; /* its location, and the first error */
	/* what the characters read so far leave open */
	unsigned field_depth;
	uint64_t field_code;    /* bit i: field i+1 is in its code */
	uint32_t high_surrogate;
	uint32_t prev;          /* the character before, for row marks */
};

/* ---- the FIB --------------------------------------------------------------- */

/* Reads the FIB's fixed part and walks its variable parts (csw, fibRgW,
 * cslw, fibRgLw, cbRgFcLcb, fibRgFcLcb) to the counts and the Clx, each
 * checked against the stream. False when not even FibBase is there. */
static bool read_fib(const unsigned char *wd, size_t len, struct fib *fib)
{
	memset(fib, 0, sizeof(*fib));
	if (len < FIB_BASE_LEN)
		return false;
	fib->ident = pii_le16(wd);
	fib->nfib = pii_le16(wd + 2);
	fib->flags = pii_le16(wd + 0x0A);
	fib->fc_min = pii_le32(wd + 0x18);
	fib->fc_mac = pii_le32(wd + 0x1C);
	size_t pos = FIB_BASE_LEN;
	if (pos + 2 > len)
		return true;
	pos += 2 + 2 * (size_t)pii_le16(wd + pos); /* csw, fibRgW */
	if (pos + 2 > len)
		return true;
	size_t cslw = pii_le16(wd + pos), lw = pos + 2;
	pos = lw + 4 * cslw;
	if (pos + 2 > len)
		return true;
	fib->has_lw = cslw > subdocs[N_SUBDOCS - 1].lw;
	for (size_t i = 0; fib->has_lw && i < N_SUBDOCS; i++)
		fib->ccp[i] = pii_le32(wd + lw + 4 * subdocs[i].lw);
	size_t pairs = pii_le16(wd + pos), fclcb = pos + 2;
	if (pairs > FCLCB_CLX && fclcb + 8 * (size_t)(FCLCB_CLX + 1) <= len) {
		fib->fc_clx = pii_le32(wd + fclcb + 8 * FCLCB_CLX);
		fib->lcb_clx = pii_le32(wd + fclcb + 8 * FCLCB_CLX + 4);
		fib->has_clx = true;
	}
	return true;
}

/* ---- text out ---------------------------------------------------------------- */

/* Opens the location of sub-document sub, the one before closed. Fields
 * never span sub-documents: one left open does not hide the next. */
static void open_location(struct doc *d, size_t sub)
{
	d->sub = sub;
	d->field_depth = 0;
	d->field_code = 0;
	d->high_surrogate = 0;
	d->prev = 0;
	struct pii_loc loc = {.file = d->f->in->path, .part = subdocs[sub].part};
	pii_cfb_text_open(&d->text, &loc, true);
}

static void put_utf8(struct doc *d, uint32_t c)
{
	pii_cfb_text_put(&d->text, c);
}

/* Fields: 0x13 code 0x14 result 0x15, nested. The text is kept only
 * when no field around it is in its code. */
static bool field_mark(struct doc *d, uint32_t c)
{
	unsigned i = d->field_depth;
	switch (c) {
	case 0x13:
		if (i < FIELD_DEPTH_MAX)
			d->field_code |= (uint64_t)1 << i;
		d->field_depth++;
		return true;
	case 0x14:
		if (i && i <= FIELD_DEPTH_MAX)
			d->field_code &= ~((uint64_t)1 << (i - 1));
		return true;
	case 0x15:
		if (i && i <= FIELD_DEPTH_MAX)
			d->field_code &= ~((uint64_t)1 << (i - 1));
		if (i)
			d->field_depth--;
		return true;
	default:
		return false;
	}
}

/* One character of Word text, as the matcher should read it. */
static void put_char(struct doc *d, uint32_t c)
{
	uint32_t prev = d->prev;
	d->prev = c;
	if (field_mark(d, c) || d->field_code || d->field_depth > FIELD_DEPTH_MAX)
		return;
	switch (c) {
	case 0x0D: /* paragraph */
	case 0x0B: /* line break */
	case 0x0C: /* page or section break */
		put_utf8(d, '\n');
		return;
	case 0x07: /* end of a cell; right after one, end of the row */
		put_utf8(d, prev == 0x07 ? '\n' : '\t');
		return;
	case 0x09:
		put_utf8(d, '\t');
		return;
	case 0x1E: /* non-breaking hyphen */
		put_utf8(d, '-');
		return;
	case 0xA0:
		put_utf8(d, ' ');
		return;
	default:
		break;
	}
	/* pictures, drawn objects, note and comment marks, soft hyphens */
	if (c < 0x20 || (c >= 0x7F && c < 0xA0))
		return;
	put_utf8(d, c);
}

/* UTF-16 code units, surrogate pairs joined. */
static void put_unit(struct doc *d, uint32_t u)
{
	if (d->high_surrogate) {
		uint32_t hi = d->high_surrogate;
		d->high_surrogate = 0;
		if (u >= 0xDC00 && u <= 0xDFFF) {
			put_char(d, 0x10000 + ((hi - 0xD800) << 10) + (u - 0xDC00));
			return;
		}
		put_char(d, 0xFFFD);
	}
	if (u >= 0xD800 && u <= 0xDBFF)
		d->high_surrogate = u;
	else
		put_char(d, u >= 0xDC00 && u <= 0xDFFF ? 0xFFFD : u);
}

/* n characters of width 1 (8-bit) or 2 (UTF-16LE) at p. */
static void put_run(struct doc *d, const unsigned char *p, uint64_t n, unsigned width)
{
	for (uint64_t i = 0; i < n && d->text.st == PII_OK; i++) {
		if (width == 1) {
			uint32_t c = pii_cp1252_to_unicode(p[i]);
			if (c)
				put_char(d, c);
		} else {
			put_unit(d, pii_le16(p + 2 * i));
		}
	}
}

/* Text of CPs [cp, cp + n) at p, cut where sub-documents end; what lies
 * past the last one (the final paragraph mark) is left out. */
static void put_text(struct doc *d, uint64_t cp, const unsigned char *p, uint64_t n,
		     unsigned width)
{
	while (n && d->text.st == PII_OK) {
		size_t sub = d->sub;
		while (sub < N_SUBDOCS && cp >= d->end_cp[sub])
			sub++;
		if (sub == N_SUBDOCS)
			return;
		if (!d->text.open || sub != d->sub)
			open_location(d, sub);
		uint64_t take = d->end_cp[sub] - cp < n ? d->end_cp[sub] - cp : n;
		put_run(d, p, take, width);
		cp += take;
		p += take * width;
		n -= take;
	}
}

/* ---- the piece table ------------------------------------------------------------ */

static void damaged(struct doc *d, const char *why)
{
	pii_cfb_problem(d->f, PII_FILE_PARTIAL, PII_CODE_DAMAGED, why);
}

/* The PlcPcd: n+1 CPs, then n PCDs of 8 bytes (2 bytes of flags, the fc
 * with fCompressed in bit 30, a prm). Each piece is checked against the
 * stream before it is read; the first bad one ends the text. */
static void read_pieces(struct doc *d, const unsigned char *plc, size_t len)
{
	if (len < 4 || (len - 4) % (4 + PCD_LEN)) {
		damaged(d, "Word document's piece table has a broken size: text not read");
		return;
	}
	size_t n = (len - 4) / (4 + PCD_LEN);
	const unsigned char *pcd = plc + 4 * (n + 1);
	/* Pieces of a real document never overlap: all of them together are
	 * no longer than the stream. Overlapping ones would multiply it. */
	uint64_t total = 0;
	for (size_t i = 0; i < n && d->text.st == PII_OK; i++) {
		uint32_t cp = pii_le32(plc + 4 * i), next = pii_le32(plc + 4 * (i + 1));
		if (next < cp) {
			damaged(d, "Word document's piece table goes backwards: read in part");
			return;
		}
		uint32_t fc = pii_le32(pcd + PCD_LEN * i + 2);
		unsigned width = fc & FC_COMPRESSED ? 1 : 2;
		uint64_t at = width == 1 ? (fc & ~FC_COMPRESSED) / 2 : fc;
		uint64_t count = next - cp;
		if (at > d->wd_len || count > (d->wd_len - at) / width) {
			damaged(d, "Word document's piece table points outside the document: "
				   "read in part");
			return;
		}
		total += count * width;
		if (total > d->wd_len) {
			damaged(d, "Word document's pieces overlap (more text than the document "
				   "holds): read in part");
			return;
		}
		put_text(d, cp, d->wd + at, count, width);
	}
}

/* The Clx: Prc entries (formatting, skipped), then the Pcdt. */
static void read_clx(struct doc *d, const unsigned char *t, size_t len)
{
	size_t pos = 0;
	while (pos < len && t[pos] == CLXT_PRC) {
		if (pos + 3 > len)
			break;
		int16_t cb = (int16_t)pii_le16(t + pos + 1);
		if (cb < 0)
			break;
		pos += 3 + (size_t)cb;
	}
	if (pos + 5 > len || t[pos] != CLXT_PCDT || pii_le32(t + pos + 1) > len - pos - 5) {
		damaged(d, "Word document's piece table (Clx) is damaged: text not read");
		return;
	}
	read_pieces(d, t + pos + 5, pii_le32(t + pos + 1));
}

/* Where each sub-document ends: from FibRgLw97's counts, or, when they
 * are missing or all 0, the whole piece table as main text. */
static void set_subdocs(struct doc *d, const struct fib *fib)
{
	uint64_t cp = 0;
	for (size_t i = 0; i < N_SUBDOCS; i++) {
		cp += fib->has_lw ? fib->ccp[i] : 0;
		d->end_cp[i] = cp;
	}
	if (!cp)
		d->end_cp[0] = UINT64_MAX;
	for (size_t i = 1; !cp && i < N_SUBDOCS; i++)
		d->end_cp[i] = UINT64_MAX;
}

/* ---- Word 97 and later, Word 6/95, and what cannot be read ---------------------- */

/* The stream as printable strings, with a row saying why. */
static enum pii_status as_strings(struct pii_cfb *f, const char *code, const char *why)
{
	pii_cfb_problem(f, PII_FILE_PARTIAL, code, why);
	GsfInput *s = gsf_infile_child_by_name(f->root, "WordDocument");
	if (!s)
		return PII_OK;
	enum pii_status st = pii_cfb_child(f, s, "WordDocument");
	g_object_unref(s);
	return pii_status_after_members(st);
}

static void read_word97(struct doc *d, const struct fib *fib)
{
	const char *table = fib->flags & F_WHICH_TBL_STM ? "1Table" : "0Table";
	size_t len = 0;
	bool cut = false;
	unsigned char *t = pii_cfb_read_named(d->f->root, table, &len, &cut);
	if (!t) {
		damaged(d, "Word document's table stream is missing or unreadable: text not read");
		return;
	}
	if (fib->fc_clx > len || fib->lcb_clx > len - fib->fc_clx)
		damaged(d, "Word document's piece table (Clx) lies outside the table stream: "
			   "text not read");
	else
		read_clx(d, t + fib->fc_clx, fib->lcb_clx);
	free(t);
}

/* Word 6/95 saved in full: its text is bytes fcMin..fcMac. */
static void read_word95(struct doc *d, const struct fib *fib)
{
	if (fib->fc_mac < fib->fc_min || fib->fc_mac > d->wd_len) {
		damaged(d, "Word 6/95 document's text lies outside the document: text not read");
		return;
	}
	set_subdocs(d, &(struct fib){0});
	put_text(d, 0, d->wd + fib->fc_min, fib->fc_mac - fib->fc_min, 1);
}

static enum pii_status read_text(struct pii_cfb *f, const unsigned char *wd, size_t len,
				 const struct fib *fib)
{
	struct doc d = {.f = f, .wd = wd, .wd_len = len, .text = {.out = f->out}};
	bool word95 = fib->nfib <= NFIB_WORD95_MAX;
	if (word95) {
		read_word95(&d, fib);
	} else {
		set_subdocs(&d, fib);
		read_word97(&d, fib);
	}
	pii_cfb_text_close(&d.text);
	pii_buf_free(&d.text.buf);
	return d.text.st;
}

/* ---- embedded objects ------------------------------------------------------------- */

static enum pii_status object_pool(struct pii_cfb *f)
{
	GsfInput *pool = gsf_infile_child_by_name(f->root, "ObjectPool");
	if (!pool)
		return PII_OK;
	enum pii_status st = PII_OK;
	int n = pii_cfb_is_storage(pool) ? gsf_infile_num_children(GSF_INFILE(pool)) : 0;
	for (int i = 0; i < n && st == PII_OK; i++) {
		const char *name = gsf_infile_name_by_index(GSF_INFILE(pool), i);
		GsfInput *obj = name ? gsf_infile_child_by_index(GSF_INFILE(pool), i) : NULL;
		struct pii_buf where = {0};
		pii_buf_puts(&where, "ObjectPool/");
		pii_cfb_clean_name(&where, name ? name : "");
		if (obj && pii_cfb_is_storage(obj) && where.data)
			st = pii_cfb_embedded(f, GSF_INFILE(obj), where.data);
		pii_buf_free(&where);
		if (obj)
			g_object_unref(obj);
	}
	g_object_unref(pool);
	return pii_status_after_members(st);
}

/* ---- the format ------------------------------------------------------------------- */

static enum pii_status doc_run(struct pii_cfb *f)
{
	GsfInput *s = gsf_infile_child_by_name(f->root, "WordDocument");
	size_t len = 0;
	bool cut = false;
	unsigned char *wd = s && !pii_cfb_is_storage(s) ? pii_cfb_read(s, &len, &cut) : NULL;
	if (s)
		g_object_unref(s);
	if (!wd) {
		pii_cfb_problem(f, PII_FILE_FAILED, PII_CODE_DAMAGED,
				"Word document's text stream cannot be read (damaged?)");
		return PII_OK;
	}
	struct fib fib;
	enum pii_status st = PII_OK;
	bool fib_ok = read_fib(wd, len, &fib);
	bool word95 = fib_ok && fib.nfib <= NFIB_WORD95_MAX;
	if (fib_ok && (fib.flags & F_ENCRYPTED)) {
		pii_cfb_problem(f, PII_FILE_SKIPPED, PII_CODE_ENCRYPTED,
				"encrypted Word document, not scanned");
		free(wd);
		return PII_OK;
	}
	if (!fib_ok || (fib.ident != FIB_IDENT && fib.ident != FIB_IDENT_WORD6))
		st = as_strings(f, PII_CODE_DAMAGED,
				"Word document with a damaged header (FIB), read as printable strings");
	else if (word95 && (fib.flags & F_COMPLEX))
		st = as_strings(f, PII_CODE_UNSUPPORTED,
				"Word 6/95 document, read as printable strings");
	else if (!word95 && !fib.has_clx)
		st = as_strings(f, PII_CODE_DAMAGED,
				"Word document's header (FIB) is cut short, read as printable strings");
	else
		st = read_text(f, wd, len, &fib);
	if (cut && st == PII_OK)
		pii_cfb_problem(f, PII_FILE_PARTIAL, PII_CODE_LIMIT_SIZE,
				"Word document too large, read in part");
	free(wd);
	if (st == PII_OK)
		st = object_pool(f);
	return st;
}

static const char *const doc_streams[] = {"WordDocument", NULL};

const struct pii_cfb_format pii_cfb_doc = {
	.name = "doc",
	.streams = doc_streams,
	.run = doc_run,
};
