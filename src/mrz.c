/*
 * mrz.c - machine-readable zones (ICAO Doc 9303 part 3: characters and
 * check digits; part 4: TD3; part 5: TD1; part 6: TD2).
 *
 * Every format is a table of fields (struct layout); one decoder checks
 * and reads any of them. OCR text goes through the same decoder after
 * repairs of what OCR-B is misread as, each repair either forced by the
 * kind of the field (no letter is ever part of a date) or confirmed by a
 * check digit. Written by hand: it is small, and Debian packages no C
 * library that reads MRZs.
 */
#include "pii_mrz.h"

#include <string.h>

#define MRZ_LINES_MAX 3
#define MRZ_WIDTH_MAX 44

/* Line lengths of OCR output that still look like an MRZ's: a character
 * or two lost or added. */
#define OCR_WIDTH_MIN 28
#define OCR_WIDTH_MAX 46

/* Candidates for the repair of a document or personal number: each may
 * be read either way, so 2 to the power of this many readings; only those
 * with one or two changes are tried. */
#define DOUBTFUL_MAX 16

typedef char mrz_line[MRZ_WIDTH_MAX + 1];

struct span {
	unsigned char line, pos, len;
};

struct layout {
	unsigned char lines, width;
	const char *doc_kinds; /* the first letters of its document codes */
	/* a document number of over 9 characters goes on in `optional`, its
	 * check digit position holding '<' (parts 5 and 6, note j) */
	bool long_number;
	struct span code, issuer, name, number, number_cd, nationality, birth, birth_cd, sex;
	struct span expiry, expiry_cd, optional, optional_cd, optional2, composite;
	struct span composite_of[4]; /* the ranges the composite check digit covers */
};

static const struct layout layouts[] = {
	[PII_MRZ_TD1] = {
		.lines = 3, .width = 30, .doc_kinds = "ACI", .long_number = true,
		.code = {0, 0, 2}, .issuer = {0, 2, 3}, .number = {0, 5, 9},
		.number_cd = {0, 14, 1}, .optional = {0, 15, 15},
		.birth = {1, 0, 6}, .birth_cd = {1, 6, 1}, .sex = {1, 7, 1},
		.expiry = {1, 8, 6}, .expiry_cd = {1, 14, 1}, .nationality = {1, 15, 3},
		.optional2 = {1, 18, 11}, .composite = {1, 29, 1},
		.name = {2, 0, 30},
		.composite_of = {{0, 5, 25}, {1, 0, 7}, {1, 8, 7}, {1, 18, 11}},
	},
	[PII_MRZ_TD2] = {
		.lines = 2, .width = 36, .doc_kinds = "ACI", .long_number = true,
		.code = {0, 0, 2}, .issuer = {0, 2, 3}, .name = {0, 5, 31},
		.number = {1, 0, 9}, .number_cd = {1, 9, 1}, .nationality = {1, 10, 3},
		.birth = {1, 13, 6}, .birth_cd = {1, 19, 1}, .sex = {1, 20, 1},
		.expiry = {1, 21, 6}, .expiry_cd = {1, 27, 1}, .optional = {1, 28, 7},
		.composite = {1, 35, 1},
		.composite_of = {{1, 0, 10}, {1, 13, 7}, {1, 21, 14}},
	},
	[PII_MRZ_TD3] = {
		.lines = 2, .width = 44, .doc_kinds = "P",
		.code = {0, 0, 2}, .issuer = {0, 2, 3}, .name = {0, 5, 39},
		.number = {1, 0, 9}, .number_cd = {1, 9, 1}, .nationality = {1, 10, 3},
		.birth = {1, 13, 6}, .birth_cd = {1, 19, 1}, .sex = {1, 20, 1},
		.expiry = {1, 21, 6}, .expiry_cd = {1, 27, 1}, .optional = {1, 28, 14},
		.optional_cd = {1, 42, 1}, .composite = {1, 43, 1},
		.composite_of = {{1, 0, 10}, {1, 13, 7}, {1, 21, 22}},
	},
};

static char *at(mrz_line *l, struct span s)
{
	return l[s.line] + s.pos;
}

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_mrz_char(char c)
{
	return is_upper(c) || is_digit(c) || c == '<';
}

/* A check digit character as a number; -2 (never a computed one) when it
 * is no digit. */
static int digit_of(char c)
{
	return is_digit(c) ? c - '0' : -2;
}

static bool all_fillers(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != '<')
			return false;
	return true;
}

/* ---- check digits (part 3, 4.9) ------------------------------------------ */

/* Adds s[0..n) to a running sum whose weights go on from *i. */
static bool weigh(const char *s, size_t n, unsigned *sum, unsigned *i)
{
	static const unsigned weights[3] = {7, 3, 1};
	for (size_t k = 0; k < n; k++, (*i)++) {
		char c = s[k];
		unsigned v;
		if (c == '<')
			v = 0;
		else if (is_digit(c))
			v = (unsigned)(c - '0');
		else if (is_upper(c))
			v = (unsigned)(c - 'A' + 10);
		else
			return false;
		*sum += v * weights[*i % 3];
	}
	return true;
}

int pii_mrz_check_digit(const char *s, size_t n)
{
	unsigned sum = 0, i = 0;
	return weigh(s, n, &sum, &i) ? (int)(sum % 10) : -1;
}

/* The check digit over several ranges read as one string. */
static int check_over(mrz_line *l, const struct span *spans, size_t n)
{
	unsigned sum = 0, i = 0;
	for (size_t k = 0; k < n && spans[k].len; k++)
		if (!weigh(at(l, spans[k]), spans[k].len, &sum, &i))
			return -1;
	return (int)(sum % 10);
}

/* Where a long document number goes on in the optional data: its other
 * characters in [0, *ext), its check digit at *ext, then a filler. */
static bool long_number_tail(const struct layout *lay, mrz_line *l, size_t *ext)
{
	const char *opt = at(l, lay->optional);
	const char *filler = memchr(opt, '<', lay->optional.len);
	if (!filler || filler - opt < 2)
		return false;
	*ext = (size_t)(filler - opt) - 1;
	return true;
}

static bool number_passes(const struct layout *lay, mrz_line *l)
{
	char cd = *at(l, lay->number_cd);
	if (cd != '<' || !lay->long_number)
		return pii_mrz_check_digit(at(l, lay->number), lay->number.len) == digit_of(cd);
	size_t ext;
	/* the 9 principal characters are all there, the rest follows */
	if (memchr(at(l, lay->number), '<', lay->number.len) || !long_number_tail(lay, l, &ext))
		return false;
	struct span whole[2] = {lay->number, {lay->optional.line, lay->optional.pos, (unsigned char)ext}};
	return check_over(l, whole, 2) == digit_of(at(l, lay->optional)[ext]);
}

/* The TD3 personal number's check digit; '<' or 0 when the field is
 * all fillers (part 4, 4.2.2.2). */
static bool optional_passes(const struct layout *lay, mrz_line *l)
{
	if (!lay->optional_cd.len)
		return true;
	const char *opt = at(l, lay->optional);
	char cd = *at(l, lay->optional_cd);
	if (all_fillers(opt, lay->optional.len))
		return cd == '<' || cd == '0';
	return pii_mrz_check_digit(opt, lay->optional.len) == digit_of(cd);
}

static bool composite_passes(const struct layout *lay, mrz_line *l)
{
	return check_over(l, lay->composite_of, 4) == digit_of(*at(l, lay->composite));
}

/* ---- fields ----------------------------------------------------------------- */

/* YYMMDD, a day the calendar has. The century is unknown, so 29 February
 * of every year divisible by 4 (1900 is the one wrong guess). */
static bool date_ok(const char *s)
{
	static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	for (int i = 0; i < 6; i++)
		if (!is_digit(s[i]))
			return false;
	int yy = (s[0] - '0') * 10 + (s[1] - '0');
	int mm = (s[2] - '0') * 10 + (s[3] - '0');
	int dd = (s[4] - '0') * 10 + (s[5] - '0');
	if (mm < 1 || mm > 12 || dd < 1 || dd > days[mm - 1])
		return false;
	return !(mm == 2 && dd == 29 && yy % 4);
}

/* A state's code: letters, then fillers ("NLD", "D<<"). */
static bool country_ok(const char *s)
{
	if (!is_upper(s[0]))
		return false;
	bool ended = false;
	for (int i = 1; i < 3; i++) {
		if (s[i] == '<')
			ended = true;
		else if (!is_upper(s[i]) || ended)
			return false;
	}
	return true;
}

static bool name_ok(const char *s, size_t n)
{
	if (!is_upper(s[0]))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!is_upper(s[i]) && s[i] != '<')
			return false;
	return true;
}

/* s[0..n) without its fillers. */
static void copy_without_fillers(char *dst, size_t dstsz, const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < dstsz; i++)
		if (s[i] != '<')
			dst[k++] = s[i];
	dst[k] = '\0';
}

/* s[0..n) with every run of fillers inside as one space, none at the
 * ends; appended to dst after a space when dst is not empty. */
static void append_spaced(char *dst, size_t dstsz, const char *s, size_t n)
{
	size_t k = strlen(dst);
	bool gap = k > 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '<') {
			gap = k > 0;
			continue;
		}
		if (k + 1 + gap >= dstsz)
			break;
		if (gap)
			dst[k++] = ' ';
		gap = false;
		dst[k++] = s[i];
	}
	dst[k] = '\0';
}

static void read_fields(const struct layout *lay, mrz_line *l, struct pii_mrz *out)
{
	memset(out, 0, sizeof(*out));
	out->format = (enum pii_mrz_format)(lay - layouts);
	copy_without_fillers(out->doc_code, sizeof(out->doc_code), at(l, lay->code), 2);
	copy_without_fillers(out->issuer, sizeof(out->issuer), at(l, lay->issuer), 3);
	copy_without_fillers(out->nationality, sizeof(out->nationality), at(l, lay->nationality), 3);
	copy_without_fillers(out->number, sizeof(out->number), at(l, lay->number), 9);
	memcpy(out->birth, at(l, lay->birth), 6);
	memcpy(out->expiry, at(l, lay->expiry), 6);
	out->sex = *at(l, lay->sex);

	const char *opt = at(l, lay->optional);
	size_t opt_from = 0, ext;
	if (lay->long_number && *at(l, lay->number_cd) == '<' && long_number_tail(lay, l, &ext)) {
		size_t n = strlen(out->number);
		copy_without_fillers(out->number + n, sizeof(out->number) - n, opt, ext);
		opt_from = ext + 2; /* past its check digit and the filler */
	}
	if (opt_from < lay->optional.len)
		append_spaced(out->personal, sizeof(out->personal), opt + opt_from,
			      lay->optional.len - opt_from);
	if (lay->optional2.len)
		append_spaced(out->personal, sizeof(out->personal), at(l, lay->optional2),
			      lay->optional2.len);

	/* primary identifier << secondary identifier (part 3, 4.6) */
	const char *name = at(l, lay->name);
	size_t n = lay->name.len, split = n;
	for (size_t i = 0; i + 1 < n; i++)
		if (name[i] == '<' && name[i + 1] == '<') {
			split = i;
			break;
		}
	append_spaced(out->surname, sizeof(out->surname), name, split);
	if (split < n)
		append_spaced(out->given, sizeof(out->given), name + split, n - split);
}

/* Whether l holds a valid MRZ of layout lay; fills out (may be NULL). */
static bool decode(const struct layout *lay, mrz_line *l, struct pii_mrz *out)
{
	for (int i = 0; i < lay->lines; i++)
		for (int k = 0; k < lay->width; k++)
			if (!is_mrz_char(l[i][k]))
				return false;
	const char *code = at(l, lay->code);
	if (!strchr(lay->doc_kinds, code[0]) || (!is_upper(code[1]) && code[1] != '<'))
		return false;
	char sex = *at(l, lay->sex);
	/* '<' unspecified; X is printed by some states for the same */
	if (sex != 'M' && sex != 'F' && sex != '<' && sex != 'X')
		return false;
	if (!country_ok(at(l, lay->issuer)) || !country_ok(at(l, lay->nationality)) ||
	    !name_ok(at(l, lay->name), lay->name.len) || *at(l, lay->number) == '<')
		return false;
	if (!date_ok(at(l, lay->birth)) || !date_ok(at(l, lay->expiry)))
		return false;
	if (pii_mrz_check_digit(at(l, lay->birth), 6) != digit_of(*at(l, lay->birth_cd)) ||
	    pii_mrz_check_digit(at(l, lay->expiry), 6) != digit_of(*at(l, lay->expiry_cd)) ||
	    !number_passes(lay, l) || !optional_passes(lay, l) || !composite_passes(lay, l))
		return false;
	if (out)
		read_fields(lay, l, out);
	return true;
}

static const struct layout *layout_of(size_t lines, size_t width)
{
	for (size_t i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++)
		if (layouts[i].lines == lines && layouts[i].width == width)
			return &layouts[i];
	return NULL;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

bool pii_mrz_parse(const char *text, size_t len, struct pii_mrz *out)
{
	mrz_line l[MRZ_LINES_MAX];
	size_t lines = 0, width = 0;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		size_t s = i, t = e;
		if (t > s && text[t - 1] == '\r')
			t--;
		while (s < t && is_blank(text[s]))
			s++;
		while (t > s && is_blank(text[t - 1]))
			t--;
		i = e + 1;
		if (s == t) {
			if (i >= len && lines) /* spaces after the last line break */
				break;
			return false;
		}
		if (lines == MRZ_LINES_MAX || t - s > MRZ_WIDTH_MAX || (lines && t - s != width))
			return false;
		width = t - s;
		memcpy(l[lines], text + s, width);
		l[lines][width] = '\0';
		lines++;
	}
	const struct layout *lay = layout_of(lines, width);
	return lay && decode(lay, l, out);
}

/* ---- OCR repairs ------------------------------------------------------------ */

/* What OCR-B characters are misread as, by the kind of field. G and 6
 * are told apart only by a field's kind: their values (16, 6) weigh the
 * same in every check digit. */
static char as_digit(char c)
{
	switch (c) {
	case 'O': case 'Q': case 'D': return '0';
	case 'I': case 'L': return '1';
	case 'Z': return '2';
	case 'S': return '5';
	case 'G': return '6';
	case 'B': return '8';
	default: return c;
	}
}

static char as_letter(char c)
{
	switch (c) {
	case '0': return 'O';
	case '1': return 'I';
	case '2': return 'Z';
	case '5': return 'S';
	case '6': return 'G';
	case '8': return 'B';
	default: return c;
	}
}

/* The other reading of a character of a number that may be either,
 * where a check digit tells them apart; 0 for none. K and '<' weigh the
 * same (20, 0), and G and 6: no check digit tells them apart. */
static char other_reading(char c)
{
	static const char pairs[] = "O0I1B8S5Z2";
	const char *p = c ? strchr(pairs, c) : NULL;
	return p ? pairs[(p - pairs) ^ 1] : 0;
}

static void letters_in(mrz_line *l, struct span f)
{
	char *s = at(l, f);
	for (size_t i = 0; i < f.len; i++)
		s[i] = as_letter(s[i]);
}

/* Letters in a field of digits; K in a check digit that may be a
 * filler is one. */
static void digits_in(mrz_line *l, struct span f, bool filler_ok)
{
	char *s = at(l, f);
	for (size_t i = 0; i < f.len; i++)
		s[i] = filler_ok && s[i] == 'K' ? '<' : as_digit(s[i]);
}

/* '<' read as K: a run of three or more K (no name or number has one),
 * or K between fillers, or after one at the field's end. A K after a
 * letter stays one ("DIRK<<<"): nothing tells it from a misread filler. */
static void fillers_in(mrz_line *l, struct span f)
{
	char *s = at(l, f);
	size_t n = f.len;
	for (size_t i = 0; i < n;) {
		if (s[i] != 'K') {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && s[j] == 'K')
			j++;
		bool between = i > 0 && s[i - 1] == '<' && (j == n || s[j] == '<');
		if (j - i >= 3 || between)
			memset(s + i, '<', j - i);
		i = j;
	}
}

/* A state's code of one letter: D (Germany), its fillers read as K. */
static void country_fillers_in(mrz_line *l, struct span f)
{
	char *s = at(l, f);
	fillers_in(l, f);
	if (s[0] == 'D' && (s[1] == 'K' || s[1] == '<') && (s[2] == 'K' || s[2] == '<'))
		s[1] = s[2] = '<';
}

/* Reads a letter that may be a digit among digits as one ("11I222333"):
 * a filler or the field's edge is as good as a digit, one neighbour must
 * be one. Kept only where three quarters of the field are digits then:
 * in numbers of letters and digits it makes about as many wrong readings
 * as right ones. One reading, for a check digit (or for optional data
 * without one, the composite) to confirm. */
static void read_digits_among_digits(mrz_line *l, const struct span *fields, size_t n_fields)
{
	mrz_line before[MRZ_LINES_MAX];
	memcpy(before, l, sizeof(before));
	size_t digits = 0, others = 0;
	for (size_t f = 0; f < n_fields; f++) {
		const char *was = at(before, fields[f]);
		char *s = at(l, fields[f]);
		size_t n = fields[f].len;
		for (size_t i = 0; i < n; i++) {
			char other = other_reading(was[i]);
			char left = i > 0 ? was[i - 1] : '<', right = i + 1 < n ? was[i + 1] : '<';
			if (other && is_digit(other) && (is_digit(left) || left == '<') &&
			    (is_digit(right) || right == '<') && (is_digit(left) || is_digit(right)))
				s[i] = other;
			digits += is_digit(s[i]);
			others += s[i] != '<' && !is_digit(s[i]);
		}
	}
	if (digits < 3 * others)
		memcpy(l, before, sizeof(before));
}

struct cell {
	unsigned char line, pos;
};

static void flip(mrz_line *l, struct cell c)
{
	l[c.line][c.pos] = other_reading(l[c.line][c.pos]);
}

/* Makes passes() true by reading fields[0..n_fields) (the parts of a
 * number) otherwise: letters among digits as digits, else one or two
 * characters the other way: the one such reading with the fewest
 * changes, none when several tie. */
static bool repair_by_check(const struct layout *lay, mrz_line *l, const struct span *fields,
			    size_t n_fields, bool (*passes)(const struct layout *, mrz_line *))
{
	if (passes(lay, l))
		return true;
	mrz_line before[MRZ_LINES_MAX];
	memcpy(before, l, sizeof(before));
	read_digits_among_digits(l, fields, n_fields);
	if (passes(lay, l))
		return true;
	memcpy(l, before, sizeof(before));

	struct cell cells[MRZ_WIDTH_MAX];
	size_t n = 0;
	for (size_t i = 0; i < n_fields; i++)
		for (size_t k = 0; k < fields[i].len && n < MRZ_WIDTH_MAX; k++)
			cells[n++] = (struct cell){fields[i].line, (unsigned char)(fields[i].pos + k)};
	struct cell doubt[DOUBTFUL_MAX];
	size_t k = 0;
	for (size_t i = 0; i < n && k < DOUBTFUL_MAX; i++)
		if (other_reading(l[cells[i].line][cells[i].pos]))
			doubt[k++] = cells[i];
	size_t hits = 0, hit_a = 0, hit_b = 0;
	for (size_t a = 0; a < k; a++) {
		flip(l, doubt[a]);
		if (passes(lay, l)) {
			hits++;
			hit_a = a;
		}
		flip(l, doubt[a]);
	}
	if (hits == 1) {
		flip(l, doubt[hit_a]);
		return true;
	}
	if (hits > 1)
		return false;
	for (size_t a = 0; a < k; a++) {
		flip(l, doubt[a]);
		for (size_t b = a + 1; b < k; b++) {
			flip(l, doubt[b]);
			if (passes(lay, l)) {
				hits++;
				hit_a = a;
				hit_b = b;
			}
			flip(l, doubt[b]);
		}
		flip(l, doubt[a]);
	}
	if (hits != 1)
		return false;
	flip(l, doubt[hit_a]);
	flip(l, doubt[hit_b]);
	return true;
}

/* Repairs l as far as its fields' kinds and check digits allow, and
 * decodes it. */
static bool repair(const struct layout *lay, mrz_line *l, struct pii_mrz *out)
{
	letters_in(l, lay->code);
	letters_in(l, lay->issuer);
	letters_in(l, lay->nationality);
	letters_in(l, lay->name);
	letters_in(l, lay->sex);
	if (*at(l, lay->sex) == 'K')
		*at(l, lay->sex) = '<';
	country_fillers_in(l, lay->issuer);
	country_fillers_in(l, lay->nationality);
	fillers_in(l, lay->name);
	fillers_in(l, lay->number);
	fillers_in(l, lay->optional);
	if (lay->optional2.len)
		fillers_in(l, lay->optional2);
	digits_in(l, lay->birth, false);
	digits_in(l, lay->birth_cd, false);
	digits_in(l, lay->expiry, false);
	digits_in(l, lay->expiry_cd, false);
	digits_in(l, lay->composite, false);
	digits_in(l, lay->number_cd, lay->long_number);
	if (lay->optional_cd.len)
		digits_in(l, lay->optional_cd, true);
	if (decode(lay, l, out))
		return true;

	struct span number[2] = {lay->number};
	size_t ext = 0;
	if (lay->long_number && *at(l, lay->number_cd) == '<' && long_number_tail(lay, l, &ext))
		number[1] = (struct span){lay->optional.line, lay->optional.pos, (unsigned char)ext};
	if (!repair_by_check(lay, l, number, number[1].len ? 2 : 1, number_passes))
		return false;
	if (lay->optional_cd.len && !repair_by_check(lay, l, &lay->optional, 1, optional_passes))
		return false;
	if (decode(lay, l, out))
		return true;
	if (lay->optional_cd.len)
		return false;
	/* optional data with no check digit of its own (past a long
	 * number's tail): the composite's */
	struct span optional = lay->optional;
	if (number[1].len) {
		optional.pos = (unsigned char)(optional.pos + ext + 2);
		optional.len = (unsigned char)(optional.len > ext + 2 ? optional.len - ext - 2 : 0);
	}
	read_digits_among_digits(l, &optional, 1);
	if (lay->optional2.len)
		read_digits_among_digits(l, &lay->optional2, 1);
	return decode(lay, l, out);
}

/* ---- finding MRZs in OCR text ---------------------------------------------- */

struct ocr_line {
	size_t start, end;   /* in the text, without the line break */
	char s[OCR_WIDTH_MAX + 1];
	size_t n;            /* OCR_WIDTH_MAX + 1: longer */
	unsigned others;     /* characters no MRZ has */
	unsigned alnum;
	unsigned fillers;    /* '<', and K in runs of three or more */
};

struct finder {
	pii_mrz_found_fn found;
	pii_mrz_near_fn near_miss;
	void *ctx;
	size_t n_found;
	/* the last lines of an MRZ's shape that are not part of one yet */
	struct ocr_line ring[MRZ_LINES_MAX];
	size_t n_ring;
	/* the lines before them that made no MRZ */
	size_t miss_start, miss_end;
	unsigned miss_lines, miss_fillers;
};

static void put(struct ocr_line *ln, char c)
{
	if (ln->n < OCR_WIDTH_MAX)
		ln->s[ln->n] = c;
	if (ln->n <= OCR_WIDTH_MAX)
		ln->n++;
}

/* The line text[start..end) with its spaces taken out, '«' as "<<". */
static void normalise(const char *text, size_t start, size_t end, struct ocr_line *ln)
{
	const unsigned char *u = (const unsigned char *)text;
	memset(ln, 0, sizeof(*ln));
	ln->start = start;
	ln->end = end;
	unsigned k_run = 0;
	for (size_t i = start; i < end; i++) {
		unsigned char c = u[i];
		if (c == 'K') {
			k_run++;
		} else {
			if (k_run >= 3)
				ln->fillers += k_run;
			k_run = 0;
		}
		if (c == ' ' || c == '\t' || c == '\r') {
			continue;
		} else if (c == 0xC2 && i + 1 < end && (u[i + 1] == 0xAB || u[i + 1] == 0xA0)) {
			if (u[i + 1] == 0xAB) { /* « */
				put(ln, '<');
				put(ln, '<');
				ln->fillers += 2;
			}
			i++;
		} else if (c == 0xE2 && i + 2 < end && u[i + 1] == 0x80 && u[i + 2] == 0xB9) {
			put(ln, '<'); /* ‹ */
			ln->fillers++;
			i += 2;
		} else if ((c == 'c' || c == 'e') && ln->n && ln->n <= OCR_WIDTH_MAX &&
			   ln->s[ln->n - 1] == '<') {
			/* a run of fillers read as "cccec" in the engine's normal
			 * mode, once a real '<' has started it */
			put(ln, '<');
			ln->fillers++;
		} else if (is_mrz_char((char)c)) {
			put(ln, (char)c);
			ln->fillers += c == '<';
			ln->alnum += c != '<';
		} else if ((c & 0xC0) != 0x80) {
			put(ln, '?'); /* one for every character, not byte */
			ln->others++;
		}
	}
	if (k_run >= 3)
		ln->fillers += k_run;
	ln->s[ln->n <= OCR_WIDTH_MAX ? ln->n : OCR_WIDTH_MAX] = '\0';
}

static bool mrz_shaped(const struct ocr_line *ln)
{
	return ln->n >= OCR_WIDTH_MIN && ln->n <= OCR_WIDTH_MAX && ln->others <= 2 &&
	       ln->alnum >= 3;
}

static void miss_add(struct finder *f, const struct ocr_line *ln)
{
	if (!f->miss_lines)
		f->miss_start = ln->start;
	f->miss_end = ln->end;
	f->miss_lines++;
	f->miss_fillers += ln->fillers;
}

/* Ends a run of lines that made no MRZ: a near miss when it has the
 * shape of one, two lines or more with fillers. */
static void miss_flush(struct finder *f)
{
	if (f->miss_lines >= 2 && f->miss_fillers >= 4 && f->near_miss)
		f->near_miss(f->ctx, f->miss_start, f->miss_end);
	f->miss_lines = 0;
	f->miss_fillers = 0;
}

static void ring_drop(struct finder *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		miss_add(f, &f->ring[i]);
	memmove(f->ring, f->ring + n, (f->n_ring - n) * sizeof(f->ring[0]));
	f->n_ring -= n;
}

/* Tries the last lines of the ring as an MRZ of the format whose line
 * length they have. */
static void try_window(struct finder *f)
{
	/* three lines when the two before the last have a TD1's 30: the
	 * last, the names, may be short */
	size_t lines = f->n_ring >= 3 && f->ring[f->n_ring - 3].n == 30 &&
				   f->ring[f->n_ring - 2].n == 30
			       ? 3
			       : 2;
	if (f->n_ring < lines)
		return;
	const struct ocr_line *w = f->ring + f->n_ring - lines;
	/* the names line is the first of a TD2 or TD3 and the last of a TD1 */
	size_t names = lines == 3 ? 2 : 0, other = lines == 3 ? 0 : 1;
	const struct layout *lay = layout_of(lines, w[other].n);
	if (!lay)
		return;
	mrz_line l[MRZ_LINES_MAX];
	for (size_t i = 0; i < lines; i++) {
		/* the engine drops the fillers at the end of the names line
		 * now and then; put back, they change no check digit */
		bool short_names = i == names && w[i].n < lay->width &&
				   w[i].n + 16 >= lay->width && w[i].s[w[i].n - 1] == '<';
		/* or reads a filler as two ("cc" for "<"): past the width,
		 * fillers only */
		bool long_names = i == names && w[i].n > lay->width && w[i].n <= OCR_WIDTH_MAX &&
				  all_fillers(w[i].s + lay->width - 1, w[i].n - lay->width + 1);
		if (w[i].n != lay->width && !short_names && !long_names)
			return;
		size_t n = w[i].n < lay->width ? w[i].n : lay->width;
		memcpy(l[i], w[i].s, n);
		memset(l[i] + n, '<', lay->width - n);
		l[i][lay->width] = '\0';
	}
	struct pii_mrz mrz;
	if (!repair(lay, l, &mrz))
		return;
	char canon[MRZ_LINES_MAX * (MRZ_WIDTH_MAX + 1)];
	size_t n = 0;
	for (size_t i = 0; i < lines; i++) {
		if (i)
			canon[n++] = '\n';
		memcpy(canon + n, l[i], lay->width);
		n += lay->width;
	}
	size_t start = w[0].start, end = w[lines - 1].end;
	ring_drop(f, f->n_ring - lines);
	miss_flush(f);
	f->n_ring = 0;
	f->n_found++;
	if (f->found)
		f->found(f->ctx, canon, n, &mrz, start, end);
}

static void block_end(struct finder *f)
{
	ring_drop(f, f->n_ring);
	miss_flush(f);
}

size_t pii_mrz_find(const char *text, size_t len, pii_mrz_found_fn found,
		    pii_mrz_near_fn near_miss, void *ctx)
{
	struct finder f = {.found = found, .near_miss = near_miss, .ctx = ctx};
	struct ocr_line ln;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		normalise(text, i, e, &ln);
		i = e + 1;
		if (!ln.n && !ln.others)
			continue; /* a blank line between the lines of an MRZ */
		if (!mrz_shaped(&ln)) {
			block_end(&f);
			continue;
		}
		if (f.n_ring == MRZ_LINES_MAX)
			ring_drop(&f, 1);
		f.ring[f.n_ring++] = ln;
		try_window(&f);
	}
	block_end(&f);
	return f.n_found;
}
