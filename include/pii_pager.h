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
 * boundaries. last is set for the stream's last page. The text is
 * borrowed for the duration of the call. */
typedef enum pii_status (*pii_page_fn)(void *ctx, const char *text, size_t len,
					size_t from, size_t to, uint64_t offset,
					uint64_t lines, bool last);

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
	size_t keep, keep_to; /* the flush under way keeps buf[keep..len) */
	bool in_callback, detached;
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

/* Writing in place, to save a copy: a pointer to the free space at the
 * end of the buffer and its size (never 0), then pii_pager_added with the
 * bytes written there (valid UTF-8, which may end inside a character).
 * Delivers a page when the buffer is full. */
char *pii_pager_room(struct pii_pager *p, size_t *room);
enum pii_status pii_pager_added(struct pii_pager *p, size_t n);

/* Takes back the last n bytes written (not yet delivered in a page). */
void pii_pager_drop(struct pii_pager *p, size_t n);

/* From inside the page callback (not for the last page): takes the
 * buffer, with the page in it, for the caller to keep, and continues in
 * replacement (the same size, malloc'd), into which it moves what the
 * next page needs first. The pager frees its buffer at the end, so the
 * buffers change hands. NULL when not allowed now. */
char *pii_pager_detach(struct pii_pager *p, char *replacement);

/* Delivers what is left as the last page. */
enum pii_status pii_pager_finish(struct pii_pager *p);

void pii_pager_free(struct pii_pager *p);

#endif
