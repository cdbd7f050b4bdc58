/*
 * Image metadata through the recording sink: the files exiftool tags
 * (tests/unit/data/image/make.sh) in JPEG, PNG, TIFF and WebP, and EXIF
 * and XMP blocks made here: XPAuthor in UTF-16, positions south and
 * west, UserComment's character sets, an XMP creator list and position
 * in XMP's own form, and hostile blocks (an IFD loop, counts past the
 * data, thousands of entries over the whole block, every cut of a file).
 */
#include <stdlib.h>
#include <time.h>

#include "pii_imagemeta.h"
#include "pii_xml.h"
#include "record_sink.h"

#define DATA "tests/unit/data/image/"

/* ---- what the sink got ---------------------------------------------------------- */

/* The texts of part and key, joined by " | " in the order given. */
static const char *texts_of(const struct record_sink *rs, const char *part, const char *key)
{
	static char out[1024];
	size_t n = 0;
	out[0] = '\0';
	for (size_t i = 0; i < rs->n; i++) {
		const struct rs_rec *r = &rs->recs[i];
		if (r->kind != RS_TEXT || !pii_streq_null(r->loc.part, part) ||
		    !pii_streq_null(r->loc.key, key))
			continue;
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s", n ? " | " : "", r->text);
		if (n >= sizeof(out))
			break;
	}
	return out;
}

/* Runs pii_image_meta over a copy of data[0..len) of its own (so that
 * AddressSanitizer sees a read past its end) into rs. */
static enum pii_status run_raw(struct record_sink *rs, const char *path, const void *data,
				size_t len)
{
	unsigned char *copy = malloc(len ? len : 1);
	if (!copy)
		abort();
	memcpy(copy, data, len);
	/* no detection: the function is handed the bytes of an image */
	struct pii_options opt;
	struct pii_budget budget = {0};
	struct pii_input in;
	t_default_options(&opt);
	pii_input_init_memory(&in, path, copy, len, &opt, &budget);
	int orientation;
	enum pii_status st = pii_image_meta(&in, copy, len, &rs->base, &orientation);
	free(copy);
	return st;
}

/* The same, and the sink's contract kept. */
static enum pii_status run_meta(struct record_sink *rs, const char *path, const void *data,
				size_t len)
{
	enum pii_status st = run_raw(rs, path, data, len);
	CHECK_CLEAN(rs);
	return st;
}

static int64_t utc(int y, int mo, int d, int h, int mi, int s)
{
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
			.tm_hour = h, .tm_min = mi, .tm_sec = s};
	return (int64_t)timegm(&tm);
}

/* ---- blocks made by hand --------------------------------------------------------- */

/* A JPEG of one APP1 segment holding body[0..n) after mark[0..mark_len). */
static unsigned char *jpeg_app1(const char *mark, size_t mark_len, const void *body, size_t n,
				size_t *len)
{
	struct pii_buf b = {0};
	size_t seg = 2 + mark_len + n;
	unsigned char head[6] = {0xFF, 0xD8, 0xFF, 0xE1, (unsigned char)(seg >> 8),
				 (unsigned char)seg};
	pii_buf_append(&b, head, sizeof(head));
	pii_buf_append(&b, mark, mark_len);
	pii_buf_append(&b, body, n);
	pii_buf_append(&b, "\xFF\xD9", 2);
	*len = b.len;
	return (unsigned char *)b.data;
}

static unsigned char *jpeg_xmp(const char *packet, size_t *len)
{
	static const char mark[] = "http://ns.adobe.com/xap/1.0/";
	return jpeg_app1(mark, sizeof(mark), packet, strlen(packet), len);
}

#if HAVE_LIBEXIF

enum { T_BYTE = 1, T_ASCII = 2, T_SHORT = 3, T_LONG = 4, T_RATIONAL = 5, T_UNDEFINED = 7 };

/* A little-endian TIFF block: IFDs and their values in the order written. */
struct tb {
	unsigned char d[1 << 17];
	size_t n;
};

/* An entry: its values (copied; after the IFD when longer than four
 * bytes), or with no data its value field as given (an offset). */
struct te {
	unsigned tag, type;
	uint32_t count;
	const void *data;
	size_t len;
	uint32_t value;
};

static void put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xFFFF);
	put16(p + 2, v >> 16);
}

static void tb_init(struct tb *t)
{
	memset(t, 0, sizeof(*t));
	memcpy(t->d, "II*\0", 4);
	t->n = 8;
}

/* Writes an IFD of e[0..n) and then its values; returns its offset. */
static uint32_t tb_ifd(struct tb *t, const struct te *e, size_t n, uint32_t next)
{
	size_t at = t->n;
	t->n += 2 + 12 * n + 4;
	put16(t->d + at, (unsigned)n);
	for (size_t i = 0; i < n; i++) {
		unsigned char *p = t->d + at + 2 + 12 * i;
		put16(p, e[i].tag);
		put16(p + 2, e[i].type);
		put32(p + 4, e[i].count);
		if (e[i].data && e[i].len <= 4) {
			memcpy(p + 8, e[i].data, e[i].len);
		} else if (e[i].data) {
			put32(p + 8, (uint32_t)t->n);
			memcpy(t->d + t->n, e[i].data, e[i].len);
			t->n += e[i].len + (e[i].len & 1);
		} else {
			put32(p + 8, e[i].value);
		}
	}
	put32(t->d + at + 2 + 12 * n, next);
	return (uint32_t)at;
}

static void tb_root(struct tb *t, uint32_t ifd0)
{
	put32(t->d + 4, ifd0);
}

static unsigned char *jpeg_exif(const struct tb *t, size_t *len)
{
	return jpeg_app1("Exif\0\0", 6, t->d, t->n, len);
}

/* Rationals a/b, c/d, e/f, little-endian. */
static void rationals(unsigned char out[24], uint32_t a, uint32_t b, uint32_t c, uint32_t d,
		      uint32_t e, uint32_t f)
{
	uint32_t v[6] = {a, b, c, d, e, f};
	for (size_t i = 0; i < 6; i++)
		put32(out + 4 * i, v[i]);
}

#endif

/* ---- the files exiftool tagged ------------------------------------------------------- */

static void check_exif_of_tagged(const struct record_sink *rs, const char *file)
{
#if HAVE_LIBEXIF
	CHECK_MSG(!strcmp(texts_of(rs, "EXIF", "artist"), "Willeke de Bruijn"), "%s artist: %s",
		  file, texts_of(rs, "EXIF", "artist"));
	CHECK_MSG(!strcmp(texts_of(rs, "EXIF", "author"), "Sjoerd Visser"), "%s author: %s", file,
		  texts_of(rs, "EXIF", "author"));
	CHECK_MSG(!strcmp(texts_of(rs, "EXIF", "copyright"), "(c) 2019 Willeke de Bruijn"),
		  "%s copyright: %s", file, texts_of(rs, "EXIF", "copyright"));
	CHECK_MSG(!strcmp(texts_of(rs, "EXIF", "owner"), "Jan de Vries"), "%s owner: %s", file,
		  texts_of(rs, "EXIF", "owner"));
	CHECK_MSG(!strcmp(texts_of(rs, "EXIF", "camera serial number"), "2081234567 | 0000c1234"),
		  "%s serial: %s", file, texts_of(rs, "EXIF", "camera serial number"));
	CHECK_MSG(!strcmp(texts_of(rs, "EXIF", "image description"), "Verjaardag oma | Familie"),
		  "%s description: %s", file, texts_of(rs, "EXIF", "image description"));
	CHECK_MSG(!strcmp(texts_of(rs, "EXIF", "user comment"),
			  "Gemaakt door Pieter | Vakantie Texel"),
		  "%s comment: %s", file, texts_of(rs, "EXIF", "user comment"));
	CHECK_MSG(!strcmp(texts_of(rs, "EXIF", "keywords"), "strand;familie"), "%s keywords: %s",
		  file, texts_of(rs, "EXIF", "keywords"));
	CHECK_MSG(!strcmp(texts_of(rs, "EXIF", "GPS position"), "-33.865143, -70.209900"),
		  "%s position: %s", file, texts_of(rs, "EXIF", "GPS position"));
	CHECK_MSG(rs->saved == utc(2019, 6, 22, 14, 3, 7), "%s saved %lld", file,
		  (long long)rs->saved);
#else
	(void)rs;
	(void)file;
#endif
}

static void check_xmp_of_tagged(const struct record_sink *rs, const char *file)
{
	CHECK_MSG(!strcmp(texts_of(rs, "XMP", "author"), "Willeke de Bruijn | Sjoerd Visser"),
		  "%s XMP author: %s", file, texts_of(rs, "XMP", "author"));
	CHECK_MSG(!strcmp(texts_of(rs, "XMP", "copyright"), "(c) 2019 Willeke de Bruijn"),
		  "%s XMP rights: %s", file, texts_of(rs, "XMP", "copyright"));
	CHECK_MSG(!strcmp(texts_of(rs, "XMP", "image description"), "Verjaardag oma"),
		  "%s XMP description: %s", file, texts_of(rs, "XMP", "image description"));
	CHECK_MSG(!strcmp(texts_of(rs, "XMP", "author position"), "Fotograaf"),
		  "%s XMP position: %s", file, texts_of(rs, "XMP", "author position"));
	CHECK_MSG(!strcmp(texts_of(rs, "XMP", "owner"), "Jan de Vries"), "%s XMP owner: %s", file,
		  texts_of(rs, "XMP", "owner"));
	CHECK_MSG(!strcmp(texts_of(rs, "XMP", "camera serial number"), "2081234567"),
		  "%s XMP serial: %s", file, texts_of(rs, "XMP", "camera serial number"));
	CHECK_MSG(!strcmp(texts_of(rs, "XMP", "person in image"), "Anouk Smit"),
		  "%s XMP person: %s", file, texts_of(rs, "XMP", "person in image"));
	/* located in the file, and nothing else than texts */
	CHECK_U64(rs_count(rs, RS_CHILD) + rs_count(rs, RS_PROBLEM), 0);
	for (size_t i = 0; i < rs->n; i++)
		CHECK_MSG(rs->recs[i].loc.file && !strcmp(rs->recs[i].loc.file, file),
			  "text located in %s", rs->recs[i].loc.file);
}

static void test_tagged_files(void)
{
	static const char *const files[] = {DATA "tagged.jpg", DATA "tagged.png", DATA "tagged.tif",
					    DATA "tagged.webp"};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		size_t len;
		unsigned char *data = t_read_file(files[i], &len);
		CHECK_MSG(data != NULL, "cannot read %s (run from the repository's root)", files[i]);
		if (!data)
			continue;
		struct record_sink rs;
		rs_init(&rs);
		CHECK(run_meta(&rs, files[i], data, len) == PII_OK);
		check_exif_of_tagged(&rs, files[i]);
		check_xmp_of_tagged(&rs, files[i]);
		if (strstr(files[i], ".png")) /* its XMP has the position too */
			CHECK_STR(texts_of(&rs, "XMP", "GPS position"), "-33.865143, -70.209900");
		rs_free(&rs);

		/* Every cut of the file: nothing read past its end (ASan), the
		 * sink's contract kept, whatever comes out before the cut. */
		size_t bad = 0, first_bad = 0;
		for (size_t cut = 0; cut < len; cut++) {
			rs_init(&rs);
			if ((run_raw(&rs, files[i], data, cut) != PII_OK || rs.misuse ||
			     rs.streaming) && !bad++)
				first_bad = cut;
			rs_free(&rs);
		}
		CHECK_MSG(!bad, "%s: %zu cuts failed, the first at %zu", files[i], bad, first_bad);
		free(data);
	}
}

/* ---- EXIF made by hand -------------------------------------------------------------- */

#if HAVE_LIBEXIF

/* XPAuthor in UTF-16 with a letter beyond ASCII, a position south and
 * west in degrees, minutes and seconds, and only DateTime for the time. */
static void test_xp_and_gps(void)
{
	static const unsigned char author[] = "J\0\xfc\0r\0g\0e\0n\0 \0M\0\xfc\0l\0l\0e\0r\0\0\0";
	unsigned char lat[24], lon[24];
	rationals(lat, 33, 1, 51, 1, 5451, 100);
	rationals(lon, 70, 1, 12, 1, 3564, 100);
	struct tb t;
	tb_init(&t);
	const struct te gps[] = {
		{0x0001, T_ASCII, 2, "S", 2, 0},
		{0x0002, T_RATIONAL, 3, lat, 24, 0},
		{0x0003, T_ASCII, 2, "W", 2, 0},
		{0x0004, T_RATIONAL, 3, lon, 24, 0},
	};
	uint32_t gps_at = tb_ifd(&t, gps, 4, 0);
	const struct te ifd0[] = {
		{0x0132, T_ASCII, 20, "2021:02:03 04:05:06", 20, 0},
		{0x8825, T_LONG, 1, NULL, 0, gps_at},
		{0x9c9d, T_BYTE, sizeof(author) - 1, author, sizeof(author) - 1, 0},
	};
	tb_root(&t, tb_ifd(&t, ifd0, 3, 0));
	size_t len;
	unsigned char *jpg = jpeg_exif(&t, &len);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run_meta(&rs, "xp.jpg", jpg, len) == PII_OK);
	CHECK_STR(texts_of(&rs, "EXIF", "author"), "J\xc3\xbcrgen M\xc3\xbcller");
	CHECK_STR(texts_of(&rs, "EXIF", "GPS position"), "-33.865142, -70.209900");
	CHECK(rs.saved == utc(2021, 2, 3, 4, 5, 6));
	rs_free(&rs);

	/* North and east; 0, 0 (no fix) and a zero denominator are no position */
	rationals(lat, 52370216, 1000000, 0, 1, 0, 1);
	rationals(lon, 4895168, 1000000, 0, 0, 0, 0);
	tb_init(&t);
	const struct te north[] = {
		{0x0001, T_ASCII, 2, "N", 2, 0},
		{0x0002, T_RATIONAL, 3, lat, 24, 0},
		{0x0003, T_ASCII, 2, "E", 2, 0},
		{0x0004, T_RATIONAL, 3, lon, 24, 0},
	};
	gps_at = tb_ifd(&t, north, 4, 0);
	const struct te ifd0_north[] = {{0x8825, T_LONG, 1, NULL, 0, gps_at}};
	tb_root(&t, tb_ifd(&t, ifd0_north, 1, 0));
	free(jpg);
	jpg = jpeg_exif(&t, &len);
	rs_init(&rs);
	CHECK(run_meta(&rs, "north.jpg", jpg, len) == PII_OK);
	CHECK_STR(texts_of(&rs, "EXIF", "GPS position"), "52.370216, 4.895168");
	CHECK(rs.saved == 0);
	rs_free(&rs);

	rationals(lat, 0, 1, 0, 1, 0, 1);
	rationals(lon, 0, 1, 0, 1, 0, 1);
	free(jpg);
	tb_init(&t);
	gps_at = tb_ifd(&t, north, 4, 0);
	tb_root(&t, tb_ifd(&t, ifd0_north, 1, 0));
	jpg = jpeg_exif(&t, &len);
	rs_init(&rs);
	CHECK(run_meta(&rs, "nofix.jpg", jpg, len) == PII_OK);
	CHECK_STR(texts_of(&rs, "EXIF", "GPS position"), "");
	rs_free(&rs);
	free(jpg);
}

/* UserComment in its character sets; a camera's blank fields and a
 * copyright of photographer and editor. */
static void test_comments(void)
{
	static const unsigned char unicode[] = "UNICODE\0H\0a\0n\0s\0";
	static const char ascii[] = "ASCII\0\0\0Gemaakt door Pieter";
	static const char jis[] = "JIS\0\0\0\0\0\x1b$B";
	static const char copyright[] = "Willeke de Bruijn\0Jan de Vries";
	const struct {
		const void *data;
		size_t len;
		const char *want;
	} cases[] = {
		{unicode, sizeof(unicode) - 1, "Hans"},
		{ascii, sizeof(ascii) - 1, "Gemaakt door Pieter"},
		{jis, sizeof(jis) - 1, ""},
		{"\0\0\0\0\0\0\0\0       ", 15, ""},
		{"Caf\xe9 Pieter", 12, "Caf\xc3\xa9 Pieter"}, /* no code; Latin-1 */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct tb t;
		tb_init(&t);
		const struct te exif[] = {{0x9286, T_UNDEFINED, (uint32_t)cases[i].len, cases[i].data,
					   cases[i].len, 0}};
		uint32_t exif_at = tb_ifd(&t, exif, 1, 0);
		const struct te ifd0[] = {
			{0x013b, T_ASCII, 11, "          ", 11, 0}, /* blank: nothing */
			{0x8298, T_ASCII, sizeof(copyright), copyright, sizeof(copyright), 0},
			{0x8769, T_LONG, 1, NULL, 0, exif_at},
		};
		tb_root(&t, tb_ifd(&t, ifd0, 3, 0));
		size_t len;
		unsigned char *jpg = jpeg_exif(&t, &len);
		struct record_sink rs;
		rs_init(&rs);
		CHECK(run_meta(&rs, "comment.jpg", jpg, len) == PII_OK);
		CHECK_MSG(!strcmp(texts_of(&rs, "EXIF", "user comment"), cases[i].want),
			  "comment %zu: \"%s\"", i, texts_of(&rs, "EXIF", "user comment"));
		CHECK_STR(texts_of(&rs, "EXIF", "artist"), "");
		CHECK_STR(texts_of(&rs, "EXIF", "copyright"), "Willeke de Bruijn\nJan de Vries");
		rs_free(&rs);
		free(jpg);
	}
}

/* IFDs that point at themselves and at each other: each read once. */
static void test_ifd_loop(void)
{
	struct tb t;
	tb_init(&t);
	/* IFD0 at 8: its Exif and GPS pointers and its next IFD are itself */
	const struct te ifd0[] = {
		{0x013b, T_ASCII, 18, "Willeke de Bruijn", 18, 0},
		{0x8769, T_LONG, 1, NULL, 0, 8},
		{0x8825, T_LONG, 1, NULL, 0, 8},
		{0xa005, T_LONG, 1, NULL, 0, 8},
	};
	tb_root(&t, tb_ifd(&t, ifd0, 4, 8));
	size_t len;
	unsigned char *jpg = jpeg_exif(&t, &len);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run_meta(&rs, "loop.jpg", jpg, len) == PII_OK);
	CHECK_STR(texts_of(&rs, "EXIF", "artist"), "Willeke de Bruijn");
	rs_free(&rs);
	free(jpg);

	/* Exif, GPS and Interoperability IFDs of pointers only, each to the
	 * other two: libexif's recursion cost stops it */
	tb_init(&t);
	uint32_t a = 8, b = 8 + 2 + 12 * 3 + 4, c = b + 2 + 12 * 3 + 4;
	const struct te to_bc[] = {{0x8825, T_LONG, 1, NULL, 0, b}, {0xa005, T_LONG, 1, NULL, 0, c},
				   {0x8769, T_LONG, 1, NULL, 0, a}};
	tb_ifd(&t, to_bc, 3, a);
	tb_ifd(&t, to_bc, 3, b);
	tb_ifd(&t, to_bc, 3, c);
	const struct te root[] = {{0x013b, T_ASCII, 4, "Ann", 4, 0},
				  {0x8769, T_LONG, 1, NULL, 0, a}};
	tb_root(&t, tb_ifd(&t, root, 2, a));
	jpg = jpeg_exif(&t, &len);
	rs_init(&rs);
	clock_t start = clock();
	CHECK(run_meta(&rs, "mesh.jpg", jpg, len) == PII_OK);
	double secs = (double)(clock() - start) / CLOCKS_PER_SEC;
	CHECK_MSG(secs < 5, "an IFD mesh took %.1f s", secs);
	CHECK_STR(texts_of(&rs, "EXIF", "artist"), "Ann");
	rs_free(&rs);
	free(jpg);
}

/* Counts past the data: an IFD of 65535 entries in a block of a few,
 * an entry of 2^32 - 1 values, and thousands of entries that each
 * claim the whole block (libexif would copy it for every one of them). */
static void test_huge_counts(void)
{
	static struct tb t;
	tb_init(&t);
	const struct te first[] = {
		{0x013b, T_ASCII, 18, "Willeke de Bruijn", 18, 0},
		{0x010e, T_LONG, 0xFFFFFFFF, NULL, 0, 8},
	};
	uint32_t ifd0 = tb_ifd(&t, first, 2, 0);
	put16(t.d + ifd0, 0xFFFF); /* the count says 65535 */
	tb_root(&t, ifd0);
	size_t len;
	unsigned char *jpg = jpeg_exif(&t, &len);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run_meta(&rs, "count.jpg", jpg, len) == PII_OK);
	CHECK_STR(texts_of(&rs, "EXIF", "artist"), "Willeke de Bruijn");
	rs_free(&rs);
	free(jpg);

	/* 5000 entries of distinct tags, each 60000 bytes from offset 8 */
	tb_init(&t);
	size_t n = 5000;
	struct te *many = calloc(n, sizeof(*many));
	if (!many)
		abort();
	many[0] = (struct te){0x013b, T_ASCII, 4, "Ann", 4, 0};
	for (size_t i = 1; i < n; i++)
		many[i] = (struct te){(unsigned)(0x1000 + i), T_UNDEFINED, 60000, NULL, 0, 8};
	tb_root(&t, tb_ifd(&t, many, n, 0));
	t.n = 65000; /* the entries point into a block this long */
	jpg = jpeg_exif(&t, &len);
	rs_init(&rs);
	clock_t start = clock();
	CHECK(run_meta(&rs, "many.jpg", jpg, len) == PII_OK);
	double secs = (double)(clock() - start) / CLOCKS_PER_SEC;
	CHECK_MSG(secs < 5, "5000 entries over the block took %.1f s", secs);
	CHECK_STR(texts_of(&rs, "EXIF", "artist"), "Ann");
	rs_free(&rs);
	free(jpg);
	free(many);
}

/* A segment cut short, one that claims more than the file holds, and a
 * TIFF block in a format that is none of the four. */
static void test_damaged(void)
{
	struct tb t;
	tb_init(&t);
	const struct te ifd0[] = {
		{0x013b, T_ASCII, 18, "Willeke de Bruijn", 18, 0},
		{0x8298, T_ASCII, 13, "Jan de Vries", 13, 0},
	};
	tb_root(&t, tb_ifd(&t, ifd0, 2, 0));
	size_t len;
	unsigned char *jpg = jpeg_exif(&t, &len);
	/* the APP1 says 0xFFF0 bytes; the file ends within the second value */
	jpg[4] = 0xFF;
	jpg[5] = 0xF0;
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run_meta(&rs, "cut.jpg", jpg, len - 8) == PII_OK);
	CHECK_STR(texts_of(&rs, "EXIF", "artist"), "Willeke de Bruijn");
	CHECK_STR(texts_of(&rs, "EXIF", "copyright"), "");
	rs_free(&rs);
	/* a length of 1 (less than its own two bytes) */
	jpg[4] = 0;
	jpg[5] = 1;
	rs_init(&rs);
	CHECK(run_meta(&rs, "short.jpg", jpg, len) == PII_OK);
	CHECK_U64(rs_count(&rs, RS_TEXT), 0);
	rs_free(&rs);
	free(jpg);

	/* HEIF and the like: the block found by its mark */
	struct pii_buf b = {0};
	pii_buf_append(&b, "\0\0\0\x18" "ftypheic junk junk junk", 27);
	pii_buf_append(&b, "Exif\0\0", 6);
	pii_buf_append(&b, t.d, t.n);
	rs_init(&rs);
	CHECK(run_meta(&rs, "photo.heic", b.data, b.len) == PII_OK);
	CHECK_STR(texts_of(&rs, "EXIF", "artist"), "Willeke de Bruijn");
	rs_free(&rs);
	pii_buf_free(&b);

	/* a bare TIFF is read as itself */
	rs_init(&rs);
	CHECK(run_meta(&rs, "scan.tif", t.d, t.n) == PII_OK);
	CHECK_STR(texts_of(&rs, "EXIF", "copyright"), "Jan de Vries");
	rs_free(&rs);
}

/* A sink that stops the scan: nothing more is handed to it. */
static unsigned fatal_calls;

static enum pii_status fatal_text(struct pii_sink *s, const struct pii_loc *loc,
				  const char *utf8, size_t len, uint64_t offset, uint64_t line)
{
	(void)loc;
	(void)utf8;
	(void)len;
	(void)offset;
	(void)line;
	(void)s;
	fatal_calls++;
	return PII_EFATAL;
}

static void test_fatal_sink(void)
{
	size_t len;
	unsigned char *data = t_read_file(DATA "tagged.jpg", &len);
	if (!data)
		return;
	struct record_sink rs;
	rs_init(&rs);
	struct pii_sink_ops ops = *rs.base.ops;
	ops.text = fatal_text;
	rs.base.ops = &ops;
	struct t_input t;
	CHECK(t_input_bytes(&t, "tagged.jpg", data, len));
	fatal_calls = 0;
	int orientation;
	CHECK(pii_image_meta(&t.in, data, len, &rs.base, &orientation) == PII_EFATAL);
	CHECK_U64(fatal_calls, 1);
	CHECK(rs.saved == 0);
	t_input_free(&t);
	rs_free(&rs);
	free(data);
}

#endif

/* ---- XMP made by hand ------------------------------------------------------------- */

static void test_xmp(void)
{
	static const char packet[] =
		"<?xpacket begin='\xef\xbb\xbf' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
		"<x:xmpmeta xmlns:x='adobe:ns:meta/'>\n"
		"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n"
		" <rdf:Description rdf:about=''\n"
		"  xmlns:dc='http://purl.org/dc/elements/1.1/'\n"
		"  xmlns:exif='http://ns.adobe.com/exif/1.0/'\n"
		"  xmlns:aux='http://ns.adobe.com/exif/1.0/aux/'\n"
		"  xmlns:mwg-rs='http://www.metadataworkinggroup.com/schemas/regions/'\n"
		"  xmlns:st='http://example.org/studio/'\n"
		"  st:Name='Studio Zuid'\n"
		"  aux:SerialNumber='SN-1234567'\n"
		"  exif:GPSLatitude='52,22.21296N'\n"
		"  exif:GPSLongitude='4,53.71008E'\n"
		"  exif:DateTimeOriginal='2018-03-04T10:11:12+01:00'>\n"
		"  <dc:creator><rdf:Seq>\n"
		"   <rdf:li>Willeke de Bruijn</rdf:li>\n"
		"   <rdf:li> Jan de Vries </rdf:li>\n"
		"  </rdf:Seq></dc:creator>\n"
		"  <dc:rights><rdf:Alt>\n"
		"   <rdf:li xml:lang='x-default'>&#169; Willeke de Bruijn</rdf:li>\n"
		"   <rdf:li xml:lang='nl'>&#169; Willeke de Bruijn</rdf:li>\n"
		"  </rdf:Alt></dc:rights>\n"
		"  <dc:format>image/jpeg</dc:format>\n"
		"  <mwg-rs:Regions rdf:parseType='Resource'><mwg-rs:RegionList><rdf:Bag>\n"
		"   <rdf:li><rdf:Description mwg-rs:Name='Anouk Smit' mwg-rs:Type='Face'/></rdf:li>\n"
		"  </rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>\n"
		"  <dc:title><rdf:Alt><rdf:li xml:lang='x-default'>Verjaardag</rdf:li></rdf:Alt></dc:title>\n"
		" </rdf:Description>\n"
		"</rdf:RDF>\n"
		"</x:xmpmeta>\n"
		"<?xpacket end='w'?>";
	size_t len;
	unsigned char *jpg = jpeg_xmp(packet, &len);
	struct record_sink rs;
	rs_init(&rs);
	CHECK(run_meta(&rs, "xmp.jpg", jpg, len) == PII_OK);
	CHECK_STR(texts_of(&rs, "XMP", "author"), "Willeke de Bruijn | Jan de Vries");
	CHECK_STR(texts_of(&rs, "XMP", "copyright"), "\xc2\xa9 Willeke de Bruijn");
	CHECK_STR(texts_of(&rs, "XMP", "camera serial number"), "SN-1234567");
	CHECK_STR(texts_of(&rs, "XMP", "GPS position"), "52.370216, 4.895168");
	CHECK_STR(texts_of(&rs, "XMP", "person in image"), "Anouk Smit");
	CHECK_STR(texts_of(&rs, "XMP", "image description"), "Verjaardag");
	CHECK(rs.saved == utc(2018, 3, 4, 10, 11, 12));
	CHECK_U64(rs_count(&rs, RS_TEXT), 7);
	rs_free(&rs);
	free(jpg);

	/* degrees, minutes and seconds; south and west; a broken packet is
	 * read as far as it goes */
	static const char dms[] =
		"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
		"xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
		"xmlns:exif='http://ns.adobe.com/exif/1.0/' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
		"<exif:GPSLatitude>33,51,54.51S</exif:GPSLatitude>"
		"<exif:GPSLongitude>70,12,35.64W</exif:GPSLongitude>"
		"<dc:creator><rdf:Seq><rdf:li>Sjoerd Visser</rdf:li><rdf:li>Pieter";
	jpg = jpeg_xmp(dms, &len);
	rs_init(&rs);
	CHECK(run_meta(&rs, "dms.jpg", jpg, len) == PII_OK);
	CHECK_STR(texts_of(&rs, "XMP", "GPS position"), "-33.865142, -70.209900");
	CHECK_STR(texts_of(&rs, "XMP", "author"), "Sjoerd Visser");
	rs_free(&rs);
	free(jpg);

	/* no packet, or an empty one: nothing */
	jpg = jpeg_xmp("<x:xmpmeta xmlns:x='adobe:ns:meta/'></x:xmpmeta>", &len);
	rs_init(&rs);
	CHECK(run_meta(&rs, "empty.jpg", jpg, len) == PII_OK);
	CHECK_U64(rs.n, 0);
	rs_free(&rs);
	free(jpg);
	rs_init(&rs);
	CHECK(run_meta(&rs, "none.jpg", "\xFF\xD8\xFF\xD9", 4) == PII_OK);
	CHECK(run_meta(&rs, "nothing.gif", "GIF89a", 6) == PII_OK);
	CHECK(run_meta(&rs, "empty.png", "", 0) == PII_OK);
	CHECK_U64(rs.n, 0);
	rs_free(&rs);
}

void test_imagemeta(void)
{
	pii_xml_init();
	test_tagged_files();
	test_xmp();
#if HAVE_LIBEXIF
	test_xp_and_gps();
	test_comments();
	test_ifd_loop();
	test_huge_counts();
	test_damaged();
	test_fatal_sink();
#endif
}
