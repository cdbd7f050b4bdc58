/*
 * lzfu.c - compressed RTF ([MS-OXRTFCP] 2.1.3.1): an LZ77 variant with a
 * 4096-byte ring that starts with a fixed RTF prologue. A control byte
 * says, bit by bit from the lowest, whether a literal byte (0) or a
 * 2-byte reference (1: 12-bit offset into the ring, 4-bit length - 2)
 * follows; a reference to the write position ends the stream.
 */
#include "pii_lzfu.h"

#include <string.h>

#define RING 4096

static const char prologue[] =
	"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss "
	"\\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier"
	"{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";

static unsigned le32(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8 | (unsigned)p[2] << 16 | (unsigned)p[3] << 24;
}

enum pii_lzfu_result pii_lzfu_decompress(const unsigned char *src, size_t n, size_t max,
					 struct pii_buf *out)
{
	if (n < 16)
		return PII_LZFU_DAMAGED;
	size_t comp_size = le32(src);  /* counts the bytes after this field */
	size_t raw_size = le32(src + 4);
	unsigned type = le32(src + 8);
	if (comp_size < 12)
		return PII_LZFU_DAMAGED; /* shorter than its own header */
	/* where the data ends: as the header says, or where the bytes do */
	size_t end = comp_size <= n - 4 ? comp_size + 4 : n;
	if (raw_size < max)
		max = raw_size;
	if (type == 0x414c454du) { /* "MELA": stored as it is */
		size_t len = end - 16 < max ? end - 16 : max;
		return pii_buf_append(out, src + 16, len) ? PII_LZFU_OK : PII_LZFU_NOMEM;
	}
	if (type != 0x75465a4cu) /* "LZFu" */
		return PII_LZFU_DAMAGED;
	unsigned char ring[RING];
	size_t pro = sizeof(prologue) - 1;
	memcpy(ring, prologue, pro);
	memset(ring + pro, 0, RING - pro);
	size_t write = pro, at = 16, produced = 0;
	while (at < end) {
		unsigned control = src[at++];
		for (int bit = 0; bit < 8; bit++) {
			if (produced >= max)
				return PII_LZFU_OK;
			if (!(control & 1u << bit)) {
				if (at >= end)
					return PII_LZFU_DAMAGED;
				unsigned char c = src[at++];
				ring[write] = c;
				write = (write + 1) % RING;
				if (!pii_buf_append(out, &c, 1))
					return PII_LZFU_NOMEM;
				produced++;
				continue;
			}
			if (at + 2 > end)
				return PII_LZFU_DAMAGED;
			size_t ref = (size_t)src[at] << 8 | src[at + 1];
			at += 2;
			size_t offset = ref >> 4, len = (ref & 0xf) + 2;
			if (offset == write)
				return PII_LZFU_OK; /* the end */
			for (size_t i = 0; i < len && produced < max; i++) {
				unsigned char c = ring[(offset + i) % RING];
				ring[write] = c;
				write = (write + 1) % RING;
				if (!pii_buf_append(out, &c, 1))
					return PII_LZFU_NOMEM;
				produced++;
			}
		}
	}
	return PII_LZFU_OK;
}
