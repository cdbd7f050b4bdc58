/*
 * fuzz_mrz.c - machine-readable zones: any bytes as one zone, as OCR
 * text and through the mask. What the finder reports lies in the text and
 * parses again as the fields it came with; the mask stays in its buffer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pii_mask.h"
#include "pii_mrz.h"

static void found(void *ctx, const char *mrz, size_t len, const struct pii_mrz *fields,
		  size_t start, size_t end)
{
	struct pii_mrz again;
	if (start > end || end > *(const size_t *)ctx)
		abort();
	if (!pii_mrz_parse(mrz, len, &again) || again.format != fields->format ||
	    strcmp(again.number, fields->number) || strcmp(again.birth, fields->birth) ||
	    strcmp(again.expiry, fields->expiry) || strcmp(again.personal, fields->personal) ||
	    strcmp(again.surname, fields->surname) || strcmp(again.given, fields->given))
		abort();
}

static void near_miss(void *ctx, size_t start, size_t end)
{
	if (start > end || end > *(const size_t *)ctx)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct pii_mrz m;
	if (pii_mrz_parse(text, size, &m) &&
	    (!memchr(m.number, '\0', sizeof(m.number)) || !memchr(m.given, '\0', sizeof(m.given))))
		abort();
	pii_mrz_find(text, size, found, near_miss, &size);

	static pii_mask_fn mask;
	if (!mask)
		mask = pii_mask_find("mrz");
	char out[80];
	size_t outsz = size ? 1 + data[0] % sizeof(out) : sizeof(out);
	size_t n = mask(text, size, out, outsz);
	if (n >= outsz || out[n] != '\0')
		abort();
	return 0;
}
