/*
 * strings.c - the printable strings of a binary file that no extractor
 * understands, as strings(1) finds them: runs of printable ASCII and of
 * UTF-16LE ASCII (how Windows programs and documents store text). Each
 * string goes to the sink with its file offset.
 */
#include <stdlib.h>
#include <string.h>

#include "pii_extractor.h"
#include "pii_limits.h"

struct run {
	char text[PII_STRINGS_MAX];
	size_t len;
	uint64_t start; /* offset of the first byte */
};

struct strings_state {
	struct run ascii;
	struct run wide[2]; /* UTF-16LE at even and odd offsets */
	struct pii_loc loc;
	struct pii_sink *out;
	enum pii_status st;
};

static bool printable(unsigned char c)
{
	return (c >= 0x20 && c < 0x7F) || c == '\t';
}

static void flush(struct strings_state *s, struct run *r)
{
	if (r->len >= PII_STRINGS_MIN && s->st == PII_OK)
		s->st = pii_sink_text(s->out, &s->loc, r->text, r->len, r->start, 0);
	r->len = 0;
}

static void add(struct strings_state *s, struct run *r, char c, uint64_t offset)
{
	if (r->len == 0)
		r->start = offset;
	r->text[r->len++] = c;
	/* A very long run is cut; a value across the cut may be missed. */
	if (r->len == sizeof(r->text))
		flush(s, r);
}

static int strings_bid(const struct pii_input *in, int best)
{
	/* The fallback for anything binary. */
	return in->type.kind == PII_KIND_BINARY ? PII_BID_FALLBACK : PII_BID_NONE;
}

static enum pii_status strings_run(struct pii_input *in, struct pii_sink *out)
{
	struct strings_state *s = calloc(1, sizeof(*s));
	if (!s)
		return PII_EOBJECT;
	s->loc.file = in->path;
	/* the strings of programs and libraries are messages and symbols */
	static const char *const programs[] = {"executable", "sharedlib", "x-object", "x-mach",
					       "dosexec", "java-applet", "x-elf", NULL};
	for (const char *const *p = programs; *p; p++)
		if (strstr(in->type.mime, *p))
			s->loc.technical = true;
	s->out = out;
	uint64_t offset = 0;
	int prev = -1; /* previous byte, for UTF-16 units */
	enum pii_status st = PII_OK;
	for (;;) {
		ssize_t n = pii_input_read(in, in->scratch, PII_READ_CHUNK);
		if (n <= 0) {
			if (n < 0)
				st = PII_EOBJECT;
			break;
		}
		for (ssize_t i = 0; i < n; i++, offset++) {
			unsigned char c = in->scratch[i];
			if (printable(c))
				add(s, &s->ascii, (char)c, offset);
			else
				flush(s, &s->ascii);
			/* A UTF-16 unit ends at this byte: (prev, c). */
			if (prev >= 0) {
				struct run *w = &s->wide[(offset - 1) & 1];
				if (c == 0 && printable((unsigned char)prev))
					add(s, w, (char)prev, offset - 1);
				else
					flush(s, w);
			}
			prev = c;
		}
		if (s->st != PII_OK)
			break;
	}
	flush(s, &s->ascii);
	flush(s, &s->wide[0]);
	flush(s, &s->wide[1]);
	if (st == PII_OK)
		st = s->st;
	free(s);
	return st;
}

const struct pii_extractor pii_extractor_strings = {
	.name = "strings",
	.bid = strings_bid,
	.run = strings_run,
};
