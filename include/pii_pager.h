/*
 * pii_pager.h - cuts a stream of UTF-8 text into pages with margins
 * (bulk_extractor's sbuf), so that memory stays bounded whatever the size
 * of the text and a value crossing a page edge is seen whole, and
 * reported once: by the page it starts in.
 */
#ifndef PII_PAGER_H
#define PII_PAGER_H

#include <stddef.h>
#include <stdint.h>

#include "pii_util.h"

/* Called for each page. text[0..len) holds the page with up to `prefix`
 * bytes before it and up to `margin` bytes after it; the page itself is
 * text[from..to). offset is the stream offset of text[0]; lines is the
 * number of newlines in the stream before text[from]. Both are character
 * boundaries. The text is borrowed for the duration of the call. */
typedef enum pii_status (*pii_page_fn)(void *ctx, const char *text, size_t len,
					size_t from, size_t to, uint64_t offset,
					uint64_t lines);

struct pii_pager {
	char *buf;
	size_t cap;        /* prefix + page + margin */
	size_t len;        /* bytes in buf */
	size_t page_start; /* where the current page starts in buf */
	uint64_t offset;   /* stream offset of buf[0] */
	uint64_t lines;    /* newlines in the stream before buf[page_start] */
	size_t page, margin, prefix;
	pii_page_fn fn;
	void *ctx;
};

/* Allocates the buffer. Sizes of 0 take PII_PAGE_SIZE, PII_PAGE_MARGIN and
 * PII_PAGE_PREFIX (tests use small ones). Returns false when out of memory. */
bool pii_pager_init(struct pii_pager *p, size_t page, size_t margin,
		    size_t prefix);

/* Starts a new stream that will be delivered to fn(ctx, ...). The buffer
 * is reused. */
void pii_pager_begin(struct pii_pager *p, pii_page_fn fn, void *ctx);

/* Adds text (valid UTF-8; it may end inside a character only if the next
 * write completes it). Calls fn for each page that is complete. Returns
 * the first status other than PII_OK that fn returned. */
enum pii_status pii_pager_write(struct pii_pager *p, const char *text, size_t len);

/* Delivers what is left as the last page. */
enum pii_status pii_pager_finish(struct pii_pager *p);

void pii_pager_free(struct pii_pager *p);

#endif
