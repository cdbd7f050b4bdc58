/*
 * imagemeta.c - what an image's metadata says about people
 * (pii_imagemeta.h). The container is walked to its metadata blocks
 * (JPEG segments, PNG and WebP chunks; a TIFF is itself the EXIF
 * structure), EXIF is read by libexif and XMP by the XML reader (xml.c),
 * and every value that names, places or ties a person goes to the sink
 * under a key that the matcher takes as its label.
 */
#include "pii_imagemeta.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pii_decode.h"
#include "pii_xml.h"

#if HAVE_LIBEXIF
#include <libexif/exif-data.h>
#endif

/* Bytes of one value read: a caption or a comment is far shorter; past
 * this it is a document stored in the metadata, not a description. */
#define META_TEXT_MAX ((size_t)8 << 10)
/* Bytes of an XMP packet parsed: Photoshop's edit history and preview
 * images make packets of some hundred KiB; past this it is a payload. */
#define XMP_MAX ((size_t)1 << 20)
/* What libexif may allocate while reading one EXIF block. It copies every
 * entry out of the block: a real block needs some tens of KiB, a hostile
 * one of 64 KiB whose thousands of entries all point at the whole of it
 * would make it copy hundreds of MiB. */
#define EXIF_MEMORY_MAX ((size_t)2 << 20)
/* libexif reads no more of a block than a JPEG segment can hold, its
 * "Exif\0\0" mark included. */
#define EXIF_BLOCK_MAX ((size_t)0xfffe)

/* Reading the metadata of one image. */
struct meta {
	struct pii_input *in;
	struct pii_sink *out;
	struct pii_loc loc;       /* of the text going out */
	uint64_t offset;          /* of the block being read, in the image */
	struct pii_buf text;      /* a value decoded to UTF-8 */
	bool exif_read, xmp_read; /* the first block of each is read, no other */
	int64_t exif_time;        /* when the picture was taken; 0: not said */
	int orientation;          /* EXIF Orientation, 1-8; 0: not said */
	int64_t xmp_time;
	enum pii_status st;       /* PII_EFATAL once the sink said so */
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\0';
}

/* Hands the value utf8[0..len) (valid UTF-8) to the sink under key,
 * without the blanks around it (cameras pad their fields with spaces). */
static void emit(struct meta *m, const char *key, const char *utf8, size_t len)
{
	while (len && is_blank(*utf8)) {
		utf8++;
		len--;
	}
	while (len && is_blank(utf8[len - 1]))
		len--;
	if (!len || m->st != PII_OK)
		return;
	m->loc.key = key;
	if (pii_sink_text(m->out, &m->loc, utf8, len, m->offset, 0) == PII_EFATAL)
		m->st = PII_EFATAL;
}

/* A position as "52.370216, 4.895168", the form the gps_location rule
 * reads; 0, 0 is what devices write when they had no fix. */
static void emit_position(struct meta *m, double lat, double lon)
{
	if (!(fabs(lat) <= 90 && fabs(lon) <= 180) || (lat == 0 && lon == 0))
		return; /* out of range, or not a number */
	char s[48];
	int n = snprintf(s, sizeof(s), "%.6f, %.6f", lat, lon);
	if (n > 0 && (size_t)n < sizeof(s))
		emit(m, "GPS position", s, (size_t)n);
}

/* "2019:06:22 14:03:07" (EXIF) or "2019-06-22T14:03:07+02:00" (XMP,
 * the time optional) as Unix time, taken as UTC (EXIF's has no zone, and
 * XMP's is dropped: a day's precision is what retention needs); 0 when
 * it is no such time (EXIF's blank "0000:00:00 00:00:00"). */
static int64_t picture_time(const char *s, size_t n)
{
	char b[40];
	if (n >= sizeof(b))
		n = sizeof(b) - 1;
	memcpy(b, s, n);
	b[n] = '\0';
	struct tm tm = {0};
	int got = sscanf(b, "%4d%*1[:-]%2d%*1[:-]%2d%*1[ T]%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
			 &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec);
	if (got < 3 || tm.tm_year < 1900 || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31 || (unsigned)tm.tm_hour > 23 || (unsigned)tm.tm_min > 59 ||
	    (unsigned)tm.tm_sec > 60)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	int64_t t = (int64_t)timegm(&tm);
	return t > 0 ? t : 0;
}

/* ---- EXIF --------------------------------------------------------------------- */

#if HAVE_LIBEXIF

/* libexif's allocations, charged to what the block being read may still
 * take; per thread, as libexif's allocator takes no context. Memory given
 * back is not credited: the charge bounds the copying too. */
static _Thread_local size_t exif_memory_left;

static void *exif_alloc(ExifLong n)
{
	if (n > exif_memory_left)
		return NULL;
	exif_memory_left -= n;
	return calloc(n ? n : 1, 1); /* libexif counts on zeroed memory */
}

static void *exif_realloc(void *p, ExifLong n)
{
	if (!n || n > exif_memory_left)
		return NULL; /* realloc(p, 0) would free what libexif still holds */
	exif_memory_left -= n;
	return realloc(p, n);
}

static void exif_release(void *p)
{
	free(p);
}

/* Decodes bytes[0..n) from enc and hands the value on; a NUL inside
 * becomes a line break (EXIF's Copyright is "photographer\0editor\0"). */
static void emit_bytes(struct meta *m, const char *key, const void *bytes, size_t n,
		       enum pii_encoding enc)
{
	if (n > META_TEXT_MAX)
		n = META_TEXT_MAX;
	struct pii_decoder dec;
	pii_decoder_init(&dec, enc);
	m->text.len = 0;
	if (!pii_decode(&dec, bytes, n, true, &m->text))
		return; /* out of memory: this value is passed over */
	for (size_t i = 0; i < m->text.len; i++)
		if (!m->text.data[i])
			m->text.data[i] = '\n';
	emit(m, key, m->text.data, m->text.len);
}

enum exif_text_kind {
	TEXT_8BIT,    /* ASCII as the standard says; UTF-8 or Latin-1 in practice */
	TEXT_UTF16LE, /* Windows' XP* tags, ending in a NUL */
	TEXT_COMMENT, /* UserComment: a character set code, then the text */
};

/* The tags that name or tie a person, in IFD0 or the Exif IFD. */
static const struct exif_text {
	ExifTag tag;
	const char *key;
	enum exif_text_kind kind;
} exif_texts[] = {
	{EXIF_TAG_ARTIST, "artist", TEXT_8BIT},
	{EXIF_TAG_XP_AUTHOR, "author", TEXT_UTF16LE},
	{EXIF_TAG_COPYRIGHT, "copyright", TEXT_8BIT},
	{EXIF_TAG_CAMERA_OWNER_NAME, "owner", TEXT_8BIT},
	{(ExifTag)0xfde8, "owner", TEXT_8BIT}, /* OwnerName of Photoshop's raw files */
	{EXIF_TAG_BODY_SERIAL_NUMBER, "camera serial number", TEXT_8BIT},
	{EXIF_TAG_LENS_SERIAL_NUMBER, "camera serial number", TEXT_8BIT},
	{(ExifTag)0xfde9, "camera serial number", TEXT_8BIT}, /* SerialNumber, Photoshop */
	{(ExifTag)0xc62f, "camera serial number", TEXT_8BIT}, /* CameraSerialNumber, DNG */
	{EXIF_TAG_IMAGE_DESCRIPTION, "image description", TEXT_8BIT},
	{EXIF_TAG_XP_TITLE, "image description", TEXT_UTF16LE},
	{EXIF_TAG_XP_SUBJECT, "image description", TEXT_UTF16LE},
	{EXIF_TAG_USER_COMMENT, "user comment", TEXT_COMMENT},
	{EXIF_TAG_XP_COMMENT, "user comment", TEXT_UTF16LE},
	{EXIF_TAG_XP_KEYWORDS, "keywords", TEXT_UTF16LE},
};

/* Bytes of the UTF-16 string d[0..n) before its NUL. */
static size_t utf16_len(const unsigned char *d, size_t n)
{
	size_t i = 0;
	while (i + 1 < n && (d[i] || d[i + 1]))
		i += 2;
	return i;
}

/* UserComment: "UNICODE" is UTF-16 in the block's byte order (a byte-order
 * mark, where there is one, says otherwise); "JIS" is not read (rare, and
 * no decoder here); "ASCII", an undefined code or none: 8-bit text. */
static void emit_comment(struct meta *m, const char *key, const unsigned char *d, size_t n,
			 ExifByteOrder order)
{
	if (n >= 8 && !memcmp(d, "UNICODE\0", 8)) {
		d += 8;
		n -= 8;
		enum pii_encoding enc =
			order == EXIF_BYTE_ORDER_MOTOROLA ? PII_ENC_UTF16BE : PII_ENC_UTF16LE;
		if (n >= 2 && (d[0] == 0xFF || d[0] == 0xFE) && d[1] == (d[0] ^ 1)) {
			enc = d[0] == 0xFF ? PII_ENC_UTF16LE : PII_ENC_UTF16BE;
			d += 2;
			n -= 2;
		}
		emit_bytes(m, key, d, utf16_len(d, n), enc);
		return;
	}
	if (n >= 8 && !memcmp(d, "JIS\0\0\0\0\0", 8))
		return;
	if (n >= 8 && (!memcmp(d, "ASCII\0\0\0", 8) || !memcmp(d, "\0\0\0\0\0\0\0\0", 8))) {
		d += 8;
		n -= 8;
	}
	emit_bytes(m, key, d, n, PII_ENC_UTF8);
}

static ExifEntry *exif_entry(ExifData *ed, ExifTag tag)
{
	ExifEntry *e = exif_content_get_entry(ed->ifd[EXIF_IFD_0], tag);
	if (!e)
		e = exif_content_get_entry(ed->ifd[EXIF_IFD_EXIF], tag);
	return e && e->data && e->size ? e : NULL;
}

/* Degrees of GPS tag `tag` (one to three rationals: degrees, minutes,
 * seconds), negative where its reference tag says S or W. A reference
 * that is missing is taken as N or E: the place may be mirrored, but
 * that the picture holds a position is what the inventory needs. */
static bool gps_degrees(ExifData *ed, ExifTag tag, ExifTag ref_tag, double *out)
{
	ExifContent *gps = ed->ifd[EXIF_IFD_GPS];
	ExifEntry *e = exif_content_get_entry(gps, tag);
	if (!e || !e->data || (e->format != EXIF_FORMAT_RATIONAL && e->format != EXIF_FORMAT_SRATIONAL))
		return false;
	ExifByteOrder order = exif_data_get_byte_order(ed);
	size_t parts = e->components < 3 ? (size_t)e->components : 3;
	if (!parts || parts * 8 > e->size)
		return false;
	double v = 0, unit = 1;
	for (size_t i = 0; i < parts; i++, unit *= 60) {
		double num, den;
		if (e->format == EXIF_FORMAT_RATIONAL) {
			ExifRational r = exif_get_rational(e->data + 8 * i, order);
			num = r.numerator;
			den = r.denominator;
		} else {
			ExifSRational r = exif_get_srational(e->data + 8 * i, order);
			num = r.numerator;
			den = r.denominator;
		}
		if (den == 0) {
			if (num != 0)
				return false;
			continue; /* 0/0: a part not filled in */
		}
		v += num / den / unit;
	}
	ExifEntry *ref = exif_content_get_entry(gps, ref_tag);
	if (ref && ref->data && ref->size && (ref->data[0] == 'S' || ref->data[0] == 'W'))
		v = -fabs(v);
	*out = v;
	return true;
}

/* When the picture was taken: DateTimeOriginal, else DateTime (when it
 * was last changed); 0 when neither says. */
static int64_t exif_taken(ExifData *ed)
{
	static const ExifTag tags[] = {EXIF_TAG_DATE_TIME_ORIGINAL, EXIF_TAG_DATE_TIME};
	for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
		ExifEntry *e = exif_entry(ed, tags[i]);
		int64_t t = e ? picture_time((const char *)e->data, e->size) : 0;
		if (t)
			return t;
	}
	return 0;
}

/* Reads the EXIF block[0..n) at offset: a TIFF header and its IFDs, with
 * the "Exif\0\0" mark of a JPEG segment before them or without. */
static void read_exif(struct meta *m, const unsigned char *block, size_t n, uint64_t offset)
{
	if (m->exif_read)
		return;
	m->exif_read = true;
	unsigned char *marked = NULL;
	if (n >= 6 && !memcmp(block, "Exif\0\0", 6)) {
		if (n > EXIF_BLOCK_MAX)
			n = EXIF_BLOCK_MAX;
	} else {
		/* libexif starts at the mark: a bare TIFF header gets one */
		if (n > EXIF_BLOCK_MAX - 6)
			n = EXIF_BLOCK_MAX - 6;
		marked = malloc(n + 6);
		if (!marked)
			return;
		memcpy(marked, "Exif\0\0", 6);
		memcpy(marked + 6, block, n);
		block = marked;
		n += 6;
	}
	exif_memory_left = EXIF_MEMORY_MAX;
	ExifMem *mem = exif_mem_new(exif_alloc, exif_realloc, exif_release);
	ExifData *ed = mem ? exif_data_new_mem(mem) : NULL;
	exif_mem_unref(mem);
	if (!ed)
		goto out;
	/* Unknown tags too (Photoshop's and DNG's owner and serial number),
	 * and no fixing up to the standard, which adds entries the file does
	 * not have. */
	exif_data_unset_option(ed, EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS);
	exif_data_unset_option(ed, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
	exif_data_load_data(ed, block, (unsigned)n);

	m->loc.part = "EXIF";
	m->offset = offset;
	ExifByteOrder order = exif_data_get_byte_order(ed);
	for (size_t i = 0; i < sizeof(exif_texts) / sizeof(exif_texts[0]); i++) {
		const struct exif_text *t = &exif_texts[i];
		ExifEntry *e = exif_entry(ed, t->tag);
		if (!e)
			continue;
		if (t->kind == TEXT_8BIT && t->tag == EXIF_TAG_COPYRIGHT)
			emit_bytes(m, t->key, e->data, e->size, PII_ENC_UTF8);
		else if (t->kind == TEXT_8BIT) /* up to its NUL: what follows is a former value's */
			emit_bytes(m, t->key, e->data, strnlen((const char *)e->data, e->size),
				   PII_ENC_UTF8);
		else if (t->kind == TEXT_UTF16LE)
			emit_bytes(m, t->key, e->data, utf16_len(e->data, e->size), PII_ENC_UTF16LE);
		else
			emit_comment(m, t->key, e->data, e->size, order);
	}
	double lat, lon;
	if (gps_degrees(ed, EXIF_TAG_GPS_LATITUDE, EXIF_TAG_GPS_LATITUDE_REF, &lat) &&
	    gps_degrees(ed, EXIF_TAG_GPS_LONGITUDE, EXIF_TAG_GPS_LONGITUDE_REF, &lon))
		emit_position(m, lat, lon);
	m->exif_time = exif_taken(ed);
	ExifEntry *o = exif_entry(ed, EXIF_TAG_ORIENTATION);
	if (o && o->format == EXIF_FORMAT_SHORT && o->size >= 2)
		m->orientation = exif_get_short(o->data, order);
	exif_data_unref(ed);
out:
	free(marked);
}

#else

/* Built without libexif: the XMP is read, the EXIF passed over. */
static void read_exif(struct meta *m, const unsigned char *block, size_t n, uint64_t offset)
{
	(void)m;
	(void)block;
	(void)n;
	(void)offset;
}

#endif

/* ---- XMP ---------------------------------------------------------------------- */

enum xmp_kind {
	XMP_TEXT,
	XMP_LATITUDE,  /* "52,22.2130N" or "52,22,12N" */
	XMP_LONGITUDE,
	XMP_TIME,      /* ranked by the order below: the first found wins */
};

/* The properties that name or tie a person, by local name: the XML
 * reader drops the prefixes (dc:, xmpRights:, ...), and the other
 * namespaces XMP writers use (edit history, layers, licences) name their
 * properties otherwise. Each one may be an element (a simple value, or a
 * list of rdf:li) or an attribute of rdf:Description. */
static const struct xmp_prop {
	const char *name;
	const char *key;
	enum xmp_kind kind;
} xmp_props[] = {
	{"creator", "author", XMP_TEXT},                  /* dc:, a list of names */
	{"Artist", "artist", XMP_TEXT},                   /* tiff: */
	{"AuthorsPosition", "author position", XMP_TEXT}, /* photoshop: */
	{"CiEmailWork", "author contact", XMP_TEXT},      /* Iptc4xmpCore:CreatorContactInfo */
	{"CiTelWork", "author contact", XMP_TEXT},
	{"CiAdrExtadr", "author contact", XMP_TEXT},
	{"CiAdrPcode", "author contact", XMP_TEXT},
	{"CiAdrCity", "author contact", XMP_TEXT},
	{"rights", "copyright", XMP_TEXT},                /* dc: */
	{"Copyright", "copyright", XMP_TEXT},             /* tiff: */
	{"Owner", "owner", XMP_TEXT},                     /* xmpRights:, a list */
	{"CameraOwnerName", "owner", XMP_TEXT},           /* exifEX: */
	{"OwnerName", "owner", XMP_TEXT},                 /* aux: */
	{"SerialNumber", "camera serial number", XMP_TEXT},     /* aux: */
	{"BodySerialNumber", "camera serial number", XMP_TEXT}, /* exifEX: */
	{"LensSerialNumber", "camera serial number", XMP_TEXT}, /* aux:, exifEX: */
	{"PersonInImage", "person in image", XMP_TEXT},   /* Iptc4xmpExt:, a list */
	{"PersonDisplayName", "person in image", XMP_TEXT}, /* MPReg: (Windows) */
	{"description", "image description", XMP_TEXT},  /* dc:, per language */
	{"title", "image description", XMP_TEXT},        /* dc:, per language */
	{"ImageDescription", "image description", XMP_TEXT}, /* tiff: */
	{"UserComment", "user comment", XMP_TEXT},       /* exif: */
	{"subject", "keywords", XMP_TEXT},               /* dc:, a list */
	{"GPSLatitude", NULL, XMP_LATITUDE},             /* exif: */
	{"GPSLongitude", NULL, XMP_LONGITUDE},
	{"DateTimeOriginal", NULL, XMP_TIME},            /* exif: */
	{"DateCreated", NULL, XMP_TIME},                 /* photoshop: */
	{"CreateDate", NULL, XMP_TIME},                  /* xmp: */
};

#define N_XMP_PROPS (sizeof(xmp_props) / sizeof(xmp_props[0]))

/* The name of a face region (mwg-rs:Name in a RegionList) is a person's:
 * "Name" alone is too common a local name to take anywhere else. */
static const struct xmp_prop region_name = {"Name", "person in image", XMP_TEXT};

struct xmp {
	struct meta *m;
	const struct xmp_prop *prop; /* the property element being read, or NULL */
	unsigned depth;              /* elements open */
	unsigned prop_depth;         /* prop's element */
	unsigned item_depth;         /* the rdf:li being read; 0: none */
	unsigned regions;            /* RegionList elements open */
	struct pii_buf value;        /* of prop or its item */
	struct pii_buf last;         /* the value last handed on, for its key */
	const char *last_key;
	double lat, lon;
	bool have_lat, have_lon;
	size_t time_rank;            /* of xmp_time's property; N_XMP_PROPS: none */
};

static const struct xmp_prop *xmp_prop_of(const struct xmp *x, const char *name)
{
	if (x->regions && !strcmp(name, "Name"))
		return &region_name;
	for (size_t i = 0; i < N_XMP_PROPS; i++)
		if (!strcmp(name, xmp_props[i].name))
			return &xmp_props[i];
	return NULL;
}

/* A number "12", "12.5" or "-12.5", read without the locale; the bytes
 * read, 0 when there is none. */
static size_t read_decimal(const char *s, size_t n, double *out)
{
	size_t i = 0;
	bool neg = n && s[0] == '-', digits = false;
	double v = 0, scale = 1;
	if (neg)
		i++;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits = true)
		v = v * 10 + (s[i] - '0');
	if (i < n && s[i] == '.')
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits = true)
			v += (s[i] - '0') * (scale /= 10);
	*out = neg ? -v : v;
	return digits ? i : 0;
}

/* XMP's "DDD,MM,SSk" or "DDD,MM.mmk" (k: N, S, E or W) as signed
 * degrees; decimal degrees as some writers put them are read too. *out
 * is left as it was when the text is none of these. */
static bool xmp_degrees(const char *s, size_t n, double *out)
{
	while (n && is_blank(*s)) {
		s++;
		n--;
	}
	while (n && is_blank(s[n - 1]))
		n--;
	double parts[3] = {0, 0, 0};
	size_t k = 0, i = 0;
	while (k < 3) {
		size_t used = read_decimal(s + i, n - i, &parts[k]);
		if (!used)
			return false;
		k++;
		i += used;
		if (i >= n || s[i] != ',')
			break;
		i++;
	}
	double v = fabs(parts[0]) + parts[1] / 60 + parts[2] / 3600;
	if (parts[0] < 0)
		v = -v;
	if (i < n && strchr("NSEWnsew", s[i])) {
		if (strchr("SWsw", s[i]))
			v = -fabs(v);
		i++;
	}
	if (i != n)
		return false;
	*out = v;
	return true;
}

/* A value of prop is complete. */
static void xmp_value(struct xmp *x, const struct xmp_prop *prop, const char *s, size_t n)
{
	if (!n)
		return;
	if (n > META_TEXT_MAX) /* an attribute's value comes whole */
		n = pii_utf8_trim_incomplete(s, META_TEXT_MAX);
	switch (prop->kind) {
	case XMP_TEXT:
		/* dc:description and dc:rights come once per language, most
		 * often all alike: one is enough */
		while (n && is_blank(*s)) {
			s++;
			n--;
		}
		while (n && is_blank(s[n - 1]))
			n--;
		if (!n || (x->last_key == prop->key && x->last.len == n &&
			   !memcmp(x->last.data, s, n)))
			return;
		x->last.len = 0;
		x->last_key = pii_buf_append(&x->last, s, n) ? prop->key : NULL;
		emit(x->m, prop->key, s, n);
		break;
	case XMP_LATITUDE:
		x->have_lat |= xmp_degrees(s, n, &x->lat);
		break;
	case XMP_LONGITUDE:
		x->have_lon |= xmp_degrees(s, n, &x->lon);
		break;
	case XMP_TIME: {
		size_t rank = (size_t)(prop - xmp_props);
		int64_t t = rank < x->time_rank ? picture_time(s, n) : 0;
		if (t) {
			x->m->xmp_time = t;
			x->time_rank = rank;
		}
		break;
	}
	}
}

static void xmp_start(void *ctx, const char *name, const char *const *attrs)
{
	struct xmp *x = ctx;
	x->depth++;
	if (!strcmp(name, "RegionList"))
		x->regions++;
	if (x->prop) {
		/* an item of a list (rdf:Seq, rdf:Bag, rdf:Alt) */
		if (!x->item_depth && !strcmp(name, "li")) {
			x->item_depth = x->depth;
			x->value.len = 0;
		}
	} else {
		const struct xmp_prop *p = xmp_prop_of(x, name);
		if (p) {
			x->prop = p;
			x->prop_depth = x->depth;
			x->item_depth = 0;
			x->value.len = 0;
		}
	}
	for (; attrs && attrs[0]; attrs += 2) {
		const struct xmp_prop *p = xmp_prop_of(x, attrs[0]);
		if (p)
			xmp_value(x, p, attrs[1], strlen(attrs[1]));
	}
}

static void xmp_end(void *ctx, const char *name)
{
	struct xmp *x = ctx;
	if (x->prop && x->depth == x->item_depth) {
		xmp_value(x, x->prop, x->value.data, x->value.len);
		x->item_depth = 0;
		x->value.len = 0;
	} else if (x->prop && x->depth == x->prop_depth) {
		xmp_value(x, x->prop, x->value.data, x->value.len);
		x->prop = NULL;
	}
	if (x->regions && !strcmp(name, "RegionList"))
		x->regions--;
	if (x->depth)
		x->depth--;
}

static void xmp_text(void *ctx, const char *text, size_t len)
{
	struct xmp *x = ctx;
	if (!x->prop || x->value.len >= META_TEXT_MAX)
		return;
	if (len > META_TEXT_MAX - x->value.len) /* cut on a character's edge */
		len = pii_utf8_trim_incomplete(text, META_TEXT_MAX - x->value.len);
	pii_buf_append(&x->value, text, len);
}

/* The XMP packet in d[0..n): from its x:xmpmeta element (or, in an old
 * one, rdf:RDF) to its end tag, or at most XMP_MAX bytes of it. */
static const unsigned char *xmp_packet(const unsigned char *d, size_t n, size_t *len)
{
	static const struct {
		const char *start, *end;
	} forms[] = {
		{"<x:xmpmeta", "</x:xmpmeta>"},
		{"<x:xapmeta", "</x:xapmeta>"},
		{"<rdf:RDF", "</rdf:RDF>"},
	};
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		const unsigned char *s = memmem(d, n, forms[i].start, strlen(forms[i].start));
		if (!s)
			continue;
		size_t rest = n - (size_t)(s - d), el = strlen(forms[i].end);
		if (rest > XMP_MAX)
			rest = XMP_MAX;
		const unsigned char *e = memmem(s, rest, forms[i].end, el);
		*len = e ? (size_t)(e - s) + el : rest;
		return s;
	}
	return NULL;
}

/* Reads the XMP packet found in block[0..n), which starts at offset. */
static void read_xmp(struct meta *m, const unsigned char *block, size_t n, uint64_t offset)
{
	size_t len;
	const unsigned char *packet = m->xmp_read ? NULL : xmp_packet(block, n, &len);
	if (!packet)
		return;
	m->xmp_read = true;
	struct xmp x = {.m = m, .time_rank = N_XMP_PROPS};
	struct pii_xml_events ev = {.ctx = &x, .start = xmp_start, .end = xmp_end, .text = xmp_text};
	struct pii_xml *parser = pii_xml_new(&ev, false);
	if (!parser)
		return;
	m->loc.part = "XMP";
	m->offset = offset + (uint64_t)(packet - block);
	/* a broken packet is read as far as it goes */
	if (pii_xml_feed(parser, (const char *)packet, len))
		pii_xml_finish(parser);
	if (x.have_lat && x.have_lon)
		emit_position(m, x.lat, x.lon);
	pii_xml_free(parser);
	pii_buf_free(&x.value);
	pii_buf_free(&x.last);
}

/* ---- containers ------------------------------------------------------------------- */

static size_t be16(const unsigned char *p)
{
	return (size_t)p[0] << 8 | p[1];
}

static size_t be32(const unsigned char *p)
{
	return (size_t)p[0] << 24 | (size_t)p[1] << 16 | (size_t)p[2] << 8 | p[3];
}

static size_t le32(const unsigned char *p)
{
	return (size_t)p[3] << 24 | (size_t)p[2] << 16 | (size_t)p[1] << 8 | p[0];
}

static bool starts_with(const unsigned char *d, size_t n, const char *s, size_t sl)
{
	return n >= sl && !memcmp(d, s, sl);
}

/* JPEG: the segments up to the image data (SOS), where the metadata is;
 * EXIF and XMP are APP1 segments told apart by their marks. A segment
 * cut short by the end of the file is read as far as it goes. */
static void walk_jpeg(struct meta *m, const unsigned char *d, size_t len)
{
	static const char xmp_mark[] = "http://ns.adobe.com/xap/1.0/"; /* and its NUL */
	size_t p = 2;
	while (p + 4 <= len && m->st == PII_OK) {
		if (d[p] != 0xFF)
			return; /* not a marker: damaged */
		unsigned marker = d[p + 1];
		if (marker == 0xFF) {
			p++; /* fill byte */
			continue;
		}
		if (marker == 0xDA || marker == 0xD9)
			return; /* the image data, or its end */
		if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
			p += 2; /* a marker without a length */
			continue;
		}
		size_t seg = be16(d + p + 2);
		if (seg < 2)
			return;
		const unsigned char *body = d + p + 4;
		size_t n = seg - 2 < len - p - 4 ? seg - 2 : len - p - 4;
		if (marker == 0xE1 && starts_with(body, n, "Exif\0\0", 6))
			read_exif(m, body, n, p + 4);
		else if (marker == 0xE1 && starts_with(body, n, xmp_mark, sizeof(xmp_mark)))
			read_xmp(m, body, n, p + 4);
		p += 2 + seg;
	}
}

/* PNG: the eXIf chunk (a TIFF header, no mark) and the iTXt chunk of
 * keyword XML:com.adobe.xmp (a compressed one is not read: writers do
 * not compress it, as the XMP standard asks). */
static void walk_png(struct meta *m, const unsigned char *d, size_t len)
{
	static const char xmp_key[] = "XML:com.adobe.xmp"; /* and its NUL */
	size_t p = 8;
	while (p + 8 <= len && m->st == PII_OK) {
		size_t n = be32(d + p);
		const unsigned char *type = d + p + 4, *body = d + p + 8;
		if (n > len - p - 8)
			n = len - p - 8; /* cut short: what there is */
		if (!memcmp(type, "eXIf", 4)) {
			read_exif(m, body, n, p + 8);
		} else if (!memcmp(type, "iTXt", 4) && starts_with(body, n, xmp_key, sizeof(xmp_key)) &&
			   n > sizeof(xmp_key) && body[sizeof(xmp_key)] == 0) {
			read_xmp(m, body, n, p + 8);
		} else if (!memcmp(type, "IEND", 4)) {
			return;
		}
		p += 8 + n + 4; /* length, type, data, CRC */
	}
}

/* WebP: RIFF chunks "EXIF" (a TIFF header; some writers put the JPEG
 * mark before it) and "XMP ", each padded to an even length. */
static void walk_webp(struct meta *m, const unsigned char *d, size_t len)
{
	size_t p = 12;
	while (p + 8 <= len && m->st == PII_OK) {
		size_t n = le32(d + p + 4);
		const unsigned char *body = d + p + 8;
		if (n > len - p - 8)
			n = len - p - 8;
		if (!memcmp(d + p, "EXIF", 4))
			read_exif(m, body, n, p + 8);
		else if (!memcmp(d + p, "XMP ", 4))
			read_xmp(m, body, n, p + 8);
		p += 8 + n + (n & 1);
	}
}

/* Another format (GIF, HEIF, ...): the EXIF block wherever its
 * "Exif\0\0" mark and a TIFF header are. */
static void find_exif(struct meta *m, const unsigned char *d, size_t len)
{
	const unsigned char *best = NULL;
	static const char *const marks[] = {"Exif\0\0II*\0", "Exif\0\0MM\0*"};
	for (size_t i = 0; i < 2; i++) {
		const unsigned char *s = memmem(d, len, marks[i], 10);
		if (s && (!best || s < best))
			best = s;
	}
	if (best)
		read_exif(m, best, len - (size_t)(best - d), (uint64_t)(best - d));
}

enum pii_status pii_image_meta(struct pii_input *in, const unsigned char *data, size_t len,
			       struct pii_sink *out, int *orientation)
{
	struct meta m = {.in = in, .out = out, .loc = {.file = in->path}, .st = PII_OK};
	if (starts_with(data, len, "\xFF\xD8", 2)) {
		walk_jpeg(&m, data, len);
	} else if (starts_with(data, len, "\x89PNG\r\n\x1A\n", 8)) {
		walk_png(&m, data, len);
	} else if (starts_with(data, len, "RIFF", 4) && len >= 12 && !memcmp(data + 8, "WEBP", 4)) {
		walk_webp(&m, data, len);
	} else if (starts_with(data, len, "II*\0", 4) || starts_with(data, len, "MM\0*", 4)) {
		/* the raw formats built on TIFF too (DNG, CR2, NEF, ARW) */
		read_exif(&m, data, len, 0);
	} else {
		find_exif(&m, data, len);
	}
	/* XMP where no chunk or segment holds it: anywhere (TIFF tag 700, a
	 * GIF's application extension) */
	if (m.st == PII_OK && !m.xmp_read)
		read_xmp(&m, data, len, 0);
	*orientation = m.orientation >= 1 && m.orientation <= 8 ? m.orientation : 0;
	int64_t taken = m.exif_time ? m.exif_time : m.xmp_time;
	if (m.st == PII_OK && taken)
		pii_sink_saved(out, in, taken);
	pii_buf_free(&m.text);
	return m.st;
}
