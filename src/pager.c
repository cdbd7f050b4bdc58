/*
 * pager.c - pages with margins over a text stream.
 */
#include "pii_pager.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "pii_decode.h"
#include "pii_limits.h"

bool pii_pager_init(struct pii_pager *p, size_t page, size_t margin, size_t prefix)
{
	memset(p, 0, sizeof(*p));
	p->page = page ? page : PII_PAGE_SIZE;
	p->margin = margin ? margin : PII_PAGE_MARGIN;
	p->prefix = prefix ? prefix : PII_PAGE_PREFIX;
	p->cap = p->prefix + p->page + p->margin;
	p->buf = malloc(p->cap);
	return p->buf != NULL;
}

void pii_pager_begin(struct pii_pager *p, pii_page_fn fn, void *ctx)
{
	p->len = 0;
	p->page_start = 0;
	p->offset = 0;
	p->lines = 0;
	p->fn = fn;
	p->ctx = ctx;
}

static bool is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* Newlines in s[0..n), 16 bytes at a time: every page is counted. */
static size_t count_newlines(const char *s, size_t n)
{
	size_t count = 0, i = 0;
#ifdef __SSE2__
	/* Each compare gives 0xFF (-1) per newline; subtracting adds 1 per
	 * lane, for at most 255 rounds before the lanes are summed. */
	const __m128i nl = _mm_set1_epi8('\n');
	while (i + 16 <= n) {
		__m128i acc = _mm_setzero_si128();
		for (int r = 0; r < 255 && i + 16 <= n; r++, i += 16)
			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + i)), nl));
		__m128i sums = _mm_sad_epu8(acc, _mm_setzero_si128());
		count += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
	}
#endif
	for (; i < n; i++)
		count += s[i] == '\n';
	return count;
}

/* Moves what the next page needs (prefix and margin, from buf[keep..len))
 * to the start of dst, which becomes the buffer. */
static void keep_tail(struct pii_pager *p, char *dst)
{
	size_t keep = p->keep;
	memmove(dst, p->buf + keep, p->len - keep);
	p->buf = dst;
	p->len -= keep;
	p->offset += keep;
	p->page_start = p->keep_to - keep;
}

/* Delivers the current page, then keeps the prefix and margin bytes for
 * the next one. */
static enum pii_status flush_page(struct pii_pager *p, bool final)
{
	size_t from = p->page_start;
	size_t len = final ? p->len : pii_utf8_trim_incomplete(p->buf, p->len);
	size_t to = final ? len : from + p->page;
	if (to > len)
		to = len;
	while (to < len && is_cont((unsigned char)p->buf[to]))
		to++;
	uint64_t lines = p->lines;
	if (!final) {
		/* Worked out before the callback, which may take the buffer. */
		p->lines += count_newlines(p->buf + from, to - from);
		size_t keep = to > p->prefix ? to - p->prefix : 0;
		while (keep < to && is_cont((unsigned char)p->buf[keep]))
			keep++;
		p->keep = keep;
		p->keep_to = to;
	}
	p->detached = false;
	p->in_callback = !final;
	enum pii_status st = PII_OK;
	if (to > from || final)
		st = p->fn(p->ctx, p->buf, len, from, to, p->offset, lines, final);
	p->in_callback = false;
	if (!final && !p->detached)
		keep_tail(p, p->buf);
	return st;
}

char *pii_pager_detach(struct pii_pager *p, char *replacement)
{
	if (!p->in_callback || p->detached)
		return NULL;
	char *old = p->buf;
	keep_tail(p, replacement);
	p->detached = true;
	return old;
}

char *pii_pager_room(struct pii_pager *p, size_t *room)
{
	*room = p->cap - p->len;
	return p->buf + p->len;
}

enum pii_status pii_pager_added(struct pii_pager *p, size_t n)
{
	p->len += n;
	if (p->len < p->cap)
		return PII_OK;
	return flush_page(p, false);
}

void pii_pager_drop(struct pii_pager *p, size_t n)
{
	if (n > p->len - p->page_start)
		n = p->len - p->page_start;
	p->len -= n;
}

enum pii_status pii_pager_write(struct pii_pager *p, const char *text, size_t len)
{
	enum pii_status first = PII_OK;
	while (len) {
		size_t room = p->cap - p->len;
		size_t n = len < room ? len : room;
		memcpy(p->buf + p->len, text, n);
		p->len += n;
		text += n;
		len -= n;
		if (p->len == p->cap) {
			/* A character cut by the end of the buffer is left out of
			 * this page's text and kept for the next one. */
			enum pii_status st = flush_page(p, false);
			if (st != PII_OK && first == PII_OK)
				first = st;
		}
	}
	return first;
}

enum pii_status pii_pager_finish(struct pii_pager *p)
{
	if (p->len == p->page_start)
		return PII_OK;
	return flush_page(p, true);
}

void pii_pager_free(struct pii_pager *p)
{
	free(p->buf);
	p->buf = NULL;
}
