/*
 * pager.c - pages with margins over a text stream.
 */
#include "pii_pager.h"

#include <stdlib.h>
#include <string.h>

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

static size_t count_newlines(const char *s, size_t n)
{
	size_t count = 0;
	const char *end = s + n;
	while ((s = memchr(s, '\n', (size_t)(end - s)))) {
		count++;
		s++;
	}
	return count;
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
	enum pii_status st = PII_OK;
	if (to > from || final)
		st = p->fn(p->ctx, p->buf, len, from, to, p->offset, p->lines);
	if (final)
		return st;
	p->lines += count_newlines(p->buf + from, to - from);
	size_t keep = to > p->prefix ? to - p->prefix : 0;
	while (keep < to && is_cont((unsigned char)p->buf[keep]))
		keep++;
	memmove(p->buf, p->buf + keep, p->len - keep);
	p->len -= keep;
	p->offset += keep;
	p->page_start = to - keep;
	return st;
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
