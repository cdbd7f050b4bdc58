/*
 * names.c - the name lists of rules/names/ and the name score
 * (pii_names.h).
 *
 * Every entry of every list is one folded key in one hash set (the
 * project's pii_dict over an arena), with the lists it is on as flags: a
 * word costs one lookup, whatever it turns out to be. A set grown by
 * adding folders keeps no order to maintain, which a sorted array would
 * have to redo on every folder; at some 17,000 keys the set is under half
 * a megabyte and builds in about 1.5 ms.
 */
#include "pii_names.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pii_dict.h"
#include "pii_util.h"
#include "pii_validate.h"

/* Longest key, folded, in bytes: longer words are no known name. */
#define KEY_MAX 64
/* A candidate of more bytes or words than this is no name. */
#define CAND_MAX_BYTES 256
#define CAND_MAX_WORDS 12
/* Longest run of words that is one particle ("von und zu"). */
#define PARTICLE_MAX_WORDS 3

enum {
	NM_GIVEN = 1,
	NM_FAMILY = 2,
	NM_PARTICLE = 4,
	NM_COMMON = 8,
};
#define NM_NAME (NM_GIVEN | NM_FAMILY)

/* Entry i is at arena + off[i]: its flags, its length, its bytes. */
static struct names_set {
	unsigned char *arena;
	size_t arena_len, arena_cap;
	uint32_t *off;
	size_t n, cap;
	struct pii_dict dict;
	char **dirs; /* the names/ folders read (realpath) */
	size_t n_dirs;
} set;

struct key {
	const char *s;
	size_t len;
};

static uint64_t key_hash(const char *s, size_t len)
{
	return pii_fnv1a_bytes(PII_FNV1A_START, s, len);
}

static uint64_t entry_hash(const void *owner, size_t i)
{
	const struct names_set *s = owner;
	const unsigned char *e = s->arena + s->off[i];
	return key_hash((const char *)e + 2, e[1]);
}

static bool entry_matches(const void *owner, size_t i, const void *k)
{
	const struct names_set *s = owner;
	const struct key *key = k;
	const unsigned char *e = s->arena + s->off[i];
	return e[1] == key->len && !memcmp(e + 2, key->s, key->len);
}

static const struct pii_dict_type entry_type = {entry_hash, entry_matches};

/* ---- UTF-8 letters and their case -------------------------------------- */

/* The code point at s[*i] (advancing *i); a byte that does not start a
 * valid sequence is U+FFFD, one byte long. */
static uint32_t utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *b = (const unsigned char *)s + *i;
	size_t left = len - *i;
	if (b[0] < 0x80) {
		(*i)++;
		return b[0];
	}
	size_t n = b[0] >= 0xf0 && b[0] < 0xf5 ? 4 : b[0] >= 0xe0 ? 3 : b[0] >= 0xc2 && b[0] < 0xe0 ? 2 : 0;
	if (n == 0 || n > left) {
		(*i)++;
		return 0xfffd;
	}
	uint32_t cp = b[0] & (0xff >> (n + 1));
	for (size_t k = 1; k < n; k++) {
		if ((b[k] & 0xc0) != 0x80) {
			(*i)++;
			return 0xfffd;
		}
		cp = cp << 6 | (b[k] & 0x3f);
	}
	static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
	if (cp < least[n] || (cp >= 0xd800 && cp < 0xe000) || cp > 0x10ffff) {
		(*i)++;
		return 0xfffd;
	}
	*i += n;
	return cp;
}

static size_t utf8_put(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Latin Extended-A (U+0100..U+017F) pairs upper and lower case by
 * parity: even upper in these ranges, odd upper in the others. */
static bool ext_a_even_upper(uint32_t cp)
{
	return (cp >= 0x100 && cp <= 0x12f) || (cp >= 0x132 && cp <= 0x137) ||
	       (cp >= 0x14a && cp <= 0x177);
}

static bool ext_a_odd_upper(uint32_t cp)
{
	return (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e);
}

static bool is_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp >= 0xc0 && cp <= 0xde)
		return cp != 0xd7;
	if (cp == 0x130 || cp == 0x178)
		return true;
	return (ext_a_even_upper(cp) && cp % 2 == 0) || (ext_a_odd_upper(cp) && cp % 2 == 1);
}

static uint32_t to_lower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		return cp + 32;
	if (cp == 0x130)
		return 'i';
	if (cp == 0x178)
		return 0xff;
	if ((ext_a_even_upper(cp) && cp % 2 == 0) || (ext_a_odd_upper(cp) && cp % 2 == 1))
		return cp + 1;
	return cp;
}

/* A letter as names have them: ASCII and Latin letters, and whatever
 * lies beyond Latin Extended-B (other scripts), but not the symbols and
 * punctuation of U+0080..U+00BF, × and ÷. */
static bool is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
	if (cp < 0xc0 || cp == 0xd7 || cp == 0xf7 || cp == 0xfffd)
		return false;
	return !(cp >= 0x2000 && cp <= 0x2bff) && !(cp >= 0x3000 && cp <= 0x303f);
}

static bool is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

static bool is_space(const char *s, size_t len, size_t i, size_t *n)
{
	unsigned char c = (unsigned char)s[i];
	if (c == ' ' || (c >= '\t' && c <= '\r')) {
		*n = 1;
		return true;
	}
	if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] == 0xa0) {
		*n = 2; /* no-break space */
		return true;
	}
	return false;
}

/* The key of s[0..len): lower case, apostrophes dropped, runs of spaces
 * one space, none at the ends. Returns its length, or 0 when empty or
 * longer than KEY_MAX. */
static size_t fold(const char *s, size_t len, char out[KEY_MAX])
{
	size_t n = 0, i = 0;
	bool space = false;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t sp;
		if (c < 0x80 && c != ' ' && !(c >= '\t' && c <= '\r')) {
			i++;
			if (c == '\'')
				continue;
			if (n + space + 1 > KEY_MAX)
				return 0;
			if (space) {
				out[n++] = ' ';
				space = false;
			}
			out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			continue;
		}
		if (is_space(s, len, i, &sp)) {
			i += sp;
			space = n > 0;
			continue;
		}
		uint32_t cp = utf8_next(s, len, &i);
		if (is_apostrophe(cp))
			continue;
		char buf[4];
		size_t m = utf8_put(buf, to_lower(cp));
		if (n + space + m > KEY_MAX)
			return 0;
		if (space) {
			out[n++] = ' ';
			space = false;
		}
		memcpy(out + n, buf, m);
		n += m;
	}
	return n;
}

/* ---- the set ------------------------------------------------------------- */

static unsigned lookup_key(const char *k, size_t klen)
{
	struct key key = {k, klen};
	size_t i = pii_dict_find(&set.dict, key_hash(k, klen), &key);
	return i == PII_DICT_NONE ? 0 : set.arena[set.off[i]];
}

static unsigned lookup(const char *s, size_t len)
{
	char k[KEY_MAX];
	size_t klen = fold(s, len, k);
	return klen ? lookup_key(k, klen) : 0;
}

static bool add(const char *k, size_t klen, unsigned flag)
{
	struct key key = {k, klen};
	uint64_t h = key_hash(k, klen);
	size_t i = pii_dict_find(&set.dict, h, &key);
	if (i != PII_DICT_NONE) {
		set.arena[set.off[i]] |= (unsigned char)flag;
		return true;
	}
	if (set.n == set.cap) {
		size_t cap = set.cap ? set.cap * 2 : 4096;
		uint32_t *off = realloc(set.off, cap * sizeof(*off));
		if (!off)
			return false;
		set.off = off;
		set.cap = cap;
	}
	if (set.arena_len + 2 + klen > set.arena_cap) {
		size_t cap = set.arena_cap ? set.arena_cap * 2 : 65536;
		unsigned char *arena = realloc(set.arena, cap);
		if (!arena)
			return false;
		set.arena = arena;
		set.arena_cap = cap;
	}
	if (set.arena_len > UINT32_MAX)
		return false;
	set.off[set.n] = (uint32_t)set.arena_len;
	set.arena[set.arena_len] = (unsigned char)flag;
	set.arena[set.arena_len + 1] = (unsigned char)klen;
	memcpy(set.arena + set.arena_len + 2, k, klen);
	if (!pii_dict_add(&set.dict, h, set.n))
		return false;
	set.arena_len += 2 + klen;
	set.n++;
	return true;
}

/* Which list a file of names/ is, by the start of its name. */
static unsigned list_kind(const char *name)
{
	size_t n = strlen(name);
	if (n < 5 || strcmp(name + n - 4, ".txt") != 0)
		return 0;
	static const struct {
		const char *prefix;
		unsigned flag;
	} kinds[] = {
		{"given", NM_GIVEN},
		{"family", NM_FAMILY},
		{"particles", NM_PARTICLE},
		{"common-words", NM_COMMON},
	};
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strncmp(name, kinds[i].prefix, strlen(kinds[i].prefix)))
			return kinds[i].flag;
	return 0;
}

/* The whole of a list file, malloc'd; NULL (err set) when unreadable. */
static char *read_file(const char *path, size_t *len, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	if (!f || fstat(fileno(f), &st) != 0) {
		pii_set_error(err, errlen, "%s: %s", path, strerror(errno));
		if (f)
			fclose(f);
		return NULL;
	}
	size_t cap = st.st_size > 0 ? (size_t)st.st_size : 0;
	char *buf = malloc(cap + 1);
	size_t n = buf ? fread(buf, 1, cap, f) : 0;
	bool failed = !buf || ferror(f);
	fclose(f);
	if (failed) {
		pii_set_error(err, errlen, buf ? "%s: read error" : "%s: out of memory", path);
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

static bool load_file(const char *path, unsigned flag, char *err, size_t errlen)
{
	size_t len;
	char *text = read_file(path, &len, err, errlen);
	if (!text)
		return false;
	bool ok = true;
	size_t lineno = 0;
	for (const char *p = text, *end = text + len; ok && p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		lineno++;
		size_t i = 0, n = (size_t)(eol - p), sp;
		while (i < n && is_space(p, n, i, &sp))
			i += sp;
		if (i < n && p[i] != '#') {
			char k[KEY_MAX];
			size_t klen = fold(p + i, n - i, k);
			if (klen == 0) {
				pii_set_error(err, errlen, "%s:%zu: longer than %d bytes", path, lineno,
					      KEY_MAX);
				ok = false;
			} else if (!add(k, klen, flag)) {
				pii_set_error(err, errlen, "out of memory");
				ok = false;
			}
		}
		p = eol + 1;
	}
	free(text);
	return ok;
}

bool pii_names_load(const char *rules_dir, char *err, size_t errlen)
{
	char dir[PATH_MAX];
	if ((size_t)snprintf(dir, sizeof(dir), "%s/names", rules_dir) >= sizeof(dir)) {
		pii_set_error(err, errlen, "%s: path too long", rules_dir);
		return false;
	}
	char *real = realpath(dir, NULL);
	struct stat st;
	if (!real || stat(real, &st) != 0 || !S_ISDIR(st.st_mode)) {
		free(real);
		return true; /* no lists here */
	}
	for (size_t i = 0; i < set.n_dirs; i++)
		if (!strcmp(set.dirs[i], real)) {
			free(real);
			return true;
		}
	if (!set.dict.type)
		pii_dict_init(&set.dict, &entry_type, &set);
	DIR *d = opendir(real);
	if (!d) {
		pii_set_error(err, errlen, "%s: %s", real, strerror(errno));
		free(real);
		return false;
	}
	bool ok = true;
	struct dirent *e;
	while (ok && (e = readdir(d))) {
		unsigned flag = list_kind(e->d_name);
		if (!flag)
			continue;
		char path[PATH_MAX];
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", real, e->d_name) >= sizeof(path))
			continue;
		ok = load_file(path, flag, err, errlen);
	}
	closedir(d);
	char **dirs = ok ? realloc(set.dirs, (set.n_dirs + 1) * sizeof(*dirs)) : NULL;
	if (!dirs) {
		if (ok)
			pii_set_error(err, errlen, "out of memory");
		free(real);
		return false;
	}
	set.dirs = dirs;
	set.dirs[set.n_dirs++] = real;
	return true;
}

bool pii_names_loaded(void)
{
	return set.n > 0;
}

void pii_names_reset(void)
{
	free(set.arena);
	free(set.off);
	pii_dict_free(&set.dict);
	for (size_t i = 0; i < set.n_dirs; i++)
		free(set.dirs[i]);
	free(set.dirs);
	memset(&set, 0, sizeof(set));
}

bool pii_name_is_given(const char *word, size_t len)
{
	return lookup(word, len) & NM_GIVEN;
}

bool pii_name_is_family(const char *word, size_t len)
{
	return lookup(word, len) & NM_FAMILY;
}

bool pii_name_is_particle(const char *word, size_t len)
{
	return lookup(word, len) & NM_PARTICLE;
}

bool pii_name_is_common(const char *word, size_t len)
{
	return lookup(word, len) & NM_COMMON;
}

/* ---- the score ------------------------------------------------------------ */

struct word {
	const char *s;
	size_t n;
};

enum item_kind { IT_INITIALS, IT_PARTICLE, IT_NAME };

struct item {
	enum item_kind kind;
	unsigned flags;  /* of a name: NM_* */
	bool after_particle;
};

static uint32_t first_cp(struct word w)
{
	size_t i = 0;
	return utf8_next(w.s, w.n, &i);
}

/* "J", "J.", "J.P.", "J.-P.", "Th.", "Chr.": capitals, each with up to
 * two lower-case ASCII letters and a dot (the dot may be left out of a
 * single capital). */
static bool is_initials(struct word w)
{
	size_t i = 0, groups = 0;
	while (i < w.n) {
		if (groups && w.s[i] == '-')
			i++;
		if (i == w.n || !is_upper(utf8_next(w.s, w.n, &i)))
			return false;
		size_t lower = 0;
		while (lower < 2 && i < w.n && w.s[i] >= 'a' && w.s[i] <= 'z') {
			lower++;
			i++;
		}
		groups++;
		if (i == w.n)
			return groups == 1 && lower == 0; /* "J" */
		if (w.s[i] != '.')
			return false;
		i++;
	}
	return groups > 0;
}

/* A word shaped like a name: a capital, then letters, with single
 * hyphens and apostrophes between letters ("O'Brien", "Müller-Lüdenscheidt",
 * "McDonald", "JANSEN"). */
static bool name_shaped(struct word w)
{
	size_t i = 0;
	if (!is_upper(utf8_next(w.s, w.n, &i)))
		return false;
	bool after_letter = true;
	while (i < w.n) {
		uint32_t cp = utf8_next(w.s, w.n, &i);
		if (is_letter(cp)) {
			after_letter = true;
		} else if ((cp == '-' || is_apostrophe(cp)) && after_letter && i < w.n) {
			after_letter = false;
		} else {
			return false;
		}
	}
	return after_letter;
}

/* A lower-case word that can be (part of) a particle: letters and
 * apostrophes ("van", "'t", "d'"). */
static bool particle_shaped(struct word w)
{
	size_t i = 0;
	bool letter = false;
	while (i < w.n) {
		uint32_t cp = utf8_next(w.s, w.n, &i);
		if (is_letter(cp))
			letter = true;
		else if (!is_apostrophe(cp))
			return false;
	}
	return letter;
}

/* The lists a name-shaped word is on; a hyphenated word not listed whole
 * is what its parts make it: a given name when every part is one
 * ("Anne-Sophie"), a family name when a part is one ("Smith-Xyz"), weak
 * when its known parts are; a common word when a part is a common word
 * and no name ("Self-Service"). */
static unsigned word_flags(struct word w)
{
	unsigned f = lookup(w.s, w.n);
	if ((f & NM_NAME) || !memchr(w.s, '-', w.n))
		return f;
	bool all_given = true, given_strong = false, family = false, family_strong = false;
	const char *p = w.s, *end = w.s + w.n;
	while (p < end) {
		const char *h = memchr(p, '-', (size_t)(end - p));
		const char *e = h ? h : end;
		unsigned pf = lookup(p, (size_t)(e - p));
		if (!(pf & NM_NAME) && (pf & NM_COMMON))
			return NM_COMMON;
		if (!(pf & NM_GIVEN))
			all_given = false;
		else if (!(pf & NM_COMMON))
			given_strong = true;
		if (pf & NM_FAMILY) {
			family = true;
			family_strong |= !(pf & NM_COMMON);
		}
		p = h ? h + 1 : end;
	}
	unsigned r = (all_given ? NM_GIVEN : 0) | (family ? NM_FAMILY : 0);
	if (r && !((all_given && given_strong) || family_strong))
		r |= NM_COMMON;
	return r;
}

/* How many words from w[i] make one particle followed by a name-shaped
 * word, 0 when none does. With names_first, a capitalised one-word
 * particle that is a known name, and no common word, is a name ("Al
 * Pacino"); "Van" and "Ben" are common words, "Van der" two words. */
static size_t particle_run(const struct word *w, size_t nw, size_t i, bool names_first)
{
	for (size_t k = nw - i - 1 < PARTICLE_MAX_WORDS ? nw - i - 1 : PARTICLE_MAX_WORDS; k > 0; k--) {
		if (!name_shaped(w[i + k]) || is_initials(w[i + k]))
			continue;
		char k_buf[KEY_MAX];
		size_t klen = 0;
		bool fits = true;
		for (size_t j = 0; j < k && fits; j++) {
			if (!particle_shaped(w[i + j]))
				fits = false;
			char part[KEY_MAX];
			size_t n = fits ? fold(w[i + j].s, w[i + j].n, part) : 0;
			if (!n || klen + (j > 0) + n > KEY_MAX) {
				fits = false;
				break;
			}
			if (j > 0)
				k_buf[klen++] = ' ';
			memcpy(k_buf + klen, part, n);
			klen += n;
		}
		if (!fits || !(lookup_key(k_buf, klen) & NM_PARTICLE))
			continue;
		unsigned f = k == 1 && names_first && is_upper(first_cp(w[i])) ? word_flags(w[i]) : 0;
		return (f & NM_NAME) && !(f & NM_COMMON) ? 0 : k;
	}
	return 0;
}

/* Reads the words into items; false when one is no part of a name. */
static bool parse(const struct word *w, size_t nw, bool names_first, struct item *it, size_t *n_it)
{
	size_t n = 0;
	bool after_particle = false;
	for (size_t i = 0; i < nw;) {
		/* after a particle comes the name */
		size_t k = after_particle ? 0 : particle_run(w, nw, i, names_first);
		if (k) {
			it[n++] = (struct item){.kind = IT_PARTICLE};
			after_particle = true;
			i += k;
			continue;
		}
		if (is_initials(w[i])) {
			it[n++] = (struct item){.kind = IT_INITIALS};
		} else if (name_shaped(w[i])) {
			unsigned f = word_flags(w[i]);
			if (!(f & NM_NAME) && (f & NM_COMMON))
				return false; /* "The", "Jan The" */
			it[n++] = (struct item){.kind = IT_NAME, .flags = f & (NM_NAME | NM_COMMON),
						.after_particle = after_particle};
		} else {
			return false;
		}
		after_particle = false;
		i++;
	}
	*n_it = n;
	return true;
}

static bool given_known(const struct item *it)
{
	return it->kind == IT_NAME && (it->flags & NM_GIVEN);
}

static bool given_strong(const struct item *it)
{
	return given_known(it) && !(it->flags & NM_COMMON);
}

static bool family_known(const struct item *it)
{
	return it->kind == IT_NAME && (it->flags & NM_FAMILY);
}

/* A common word right after a particle is a family name: "van den Berg". */
static bool family_strong(const struct item *it)
{
	return family_known(it) && (!(it->flags & NM_COMMON) || it->after_particle);
}

static int score_items(const struct item *it, size_t n)
{
	size_t last = n;
	bool strong = false;
	for (size_t i = 0; i < n; i++)
		if (it[i].kind == IT_NAME) {
			last = i;
			strong |= given_strong(&it[i]) || family_strong(&it[i]);
		}
	if (last == n)
		return 0;
	const struct item *fam = &it[last], *first = &it[0];
	size_t given_end = fam->after_particle ? last - 1 : last;
	bool initials = false, particle_inside = false;
	for (size_t i = 0; i < given_end; i++) {
		initials |= it[i].kind == IT_INITIALS;
		particle_inside |= it[i].kind == IT_PARTICLE;
	}
	if (given_end > 0 && !particle_inside) {
		if (first->kind == IT_INITIALS || given_known(first)) {
			/* "Mark Jansen", "J. Jansen", "Will Smith", "J. van der Berg" */
			if (family_known(fam) && (given_strong(first) || family_strong(fam) ||
						  initials || fam->after_particle))
				return 2;
			/* "Jan de Xyz" */
			if (!(fam->flags & NM_NAME) && fam->after_particle && given_strong(first))
				return 2;
		} else if (!(first->flags & NM_NAME) && fam->after_particle && family_strong(fam)) {
			/* "Xyz de Vries" */
			return 2;
		}
	}
	return strong ? 1 : 0;
}

/* Splits "d'Artagnan" and "l'Hermite" into the particle and the name
 * (unless listed whole: "D'Angelo"). */
static size_t split_elision(struct word w, struct word out[2])
{
	size_t i = 1;
	if (w.n > 2 && (w.s[0] == 'd' || w.s[0] == 'D' || w.s[0] == 'l' || w.s[0] == 'L') &&
	    is_apostrophe(utf8_next(w.s, w.n, &i)) && i < w.n) {
		size_t rest = i;
		if (is_upper(utf8_next(w.s, w.n, &i)) && !(lookup(w.s, w.n) & NM_NAME)) {
			out[0] = (struct word){w.s, rest};
			out[1] = (struct word){w.s + rest, w.n - rest};
			return 2;
		}
	}
	out[0] = w;
	return 1;
}

/* The words of s[0..len), split at spaces and elisions into w (room for
 * 2 * CAND_MAX_WORDS): how many, or SIZE_MAX past CAND_MAX_WORDS words. */
static size_t split_words(const char *s, size_t len, struct word *w)
{
	size_t nw = 0, words = 0;
	for (size_t i = 0; i < len;) {
		size_t sp;
		if (is_space(s, len, i, &sp)) {
			i += sp;
			continue;
		}
		size_t start = i;
		while (i < len && !is_space(s, len, i, &sp))
			i++;
		if (++words > CAND_MAX_WORDS)
			return SIZE_MAX;
		nw += split_elision((struct word){s + start, i - start}, w + nw);
	}
	return nw;
}

int pii_name_score(const char *candidate, size_t len)
{
	if (!set.n || len > CAND_MAX_BYTES)
		return 0;
	struct word w[2 * CAND_MAX_WORDS];
	size_t nw = split_words(candidate, len, w);
	if (nw == SIZE_MAX)
		return 0;
	struct item it[2 * CAND_MAX_WORDS];
	size_t n;
	int best = 0;
	for (int names_first = 0; names_first < 2 && best < 2; names_first++)
		if (parse(w, nw, names_first, it, &n)) {
			int s = score_items(it, n);
			best = s > best ? s : best;
		}
	return best;
}

/* canon: the candidate with runs of spaces made one; false when empty. */
static bool name_canon(const char *value, size_t len, struct pii_canon *canon)
{
	size_t n = 0;
	bool space = false;
	for (size_t i = 0; i < len;) {
		size_t sp;
		if (is_space(value, len, i, &sp)) {
			i += sp;
			space = n > 0;
			continue;
		}
		/* whole characters only */
		size_t start = i;
		utf8_next(value, len, &i);
		if (n + space + (i - start) > sizeof(canon->buf))
			break;
		if (space) {
			canon->buf[n++] = ' ';
			space = false;
		}
		memcpy(canon->buf + n, value + start, i - start);
		n += i - start;
	}
	canon->len = n;
	return n > 0;
}

/* The number of words of value (split at spaces). */
static size_t count_words(const char *value, size_t len)
{
	size_t words = 0;
	bool in_word = false;
	for (size_t i = 0; i < len;) {
		size_t sp;
		if (is_space(value, len, i, &sp)) {
			i += sp;
			in_word = false;
			continue;
		}
		words += !in_word;
		in_word = true;
		i++;
	}
	return words;
}

bool pii_name_validate(const char *value, size_t len, struct pii_canon *canon)
{
	if (set.n && pii_name_score(value, len) < 1)
		return false;
	return name_canon(value, len, canon);
}

/* Whether w is two letters or more, all capitals. */
static bool all_capitals(struct word w)
{
	size_t i = 0, letters = 0;
	while (i < w.n) {
		uint32_t cp = utf8_next(w.s, w.n, &i);
		if (is_letter(cp) && !is_upper(cp))
			return false;
		letters += is_letter(cp);
	}
	return letters >= 2;
}

/* Whether value has a name's shape and no word that is no name: the
 * words parse (capitalised words, initials, particles), and none is a
 * common word that no list has as a name ("Vorname", "Kunde", "The"). */
static bool name_plausible(const char *value, size_t len)
{
	if (len > CAND_MAX_BYTES)
		return false;
	struct word w[2 * CAND_MAX_WORDS];
	size_t nw = split_words(value, len, w);
	if (nw == SIZE_MAX)
		return false;
	struct item it[2 * CAND_MAX_WORDS];
	size_t n;
	if (!nw || !(parse(w, nw, false, it, &n) || parse(w, nw, true, it, &n)))
		return false;
	/* a word in capitals is a name only when known ("BAKKER"): "PASS",
	 * "RS" and "DOT" are the words of programs */
	for (size_t k = 0; k < nw; k++)
		if (all_capitals(w[k]) && !(lookup(w[k].s, w[k].n) & (NM_NAME | NM_PARTICLE)))
			return false;
	return true;
}

/* The first word of value, up to a space. */
static size_t first_word(const char *value, size_t len)
{
	size_t n = 0, sp;
	while (n < len && !is_space(value, len, n, &sp))
		n++;
	return n;
}

/* The words of value that are no particle ("de Vries" has one). */
static size_t name_words(const char *value, size_t len)
{
	size_t words = 0;
	for (size_t i = 0; i < len;) {
		size_t sp;
		if (is_space(value, len, i, &sp)) {
			i += sp;
			continue;
		}
		size_t start = i;
		while (i < len && !is_space(value, len, i, &sp))
			i++;
		words += !pii_name_is_particle(value + start, i - start);
	}
	return words;
}

bool pii_name_validate_plausible(const char *value, size_t len, struct pii_canon *canon)
{
	if (set.n && !name_plausible(value, len))
		return false;
	return name_canon(value, len, canon);
}

bool pii_name_validate_sure(const char *value, size_t len, struct pii_canon *canon)
{
	if (set.n) {
		size_t fw = first_word(value, len);
		int score = pii_name_score(value, len);
		/* a hyphenated given name counts by its parts ("Dirk-Jan") */
		unsigned first = word_flags((struct word){value, fw});
		bool given_first = (first & NM_GIVEN) && !(first & NM_COMMON);
		size_t words = name_words(value, len);
		if (!(score >= 2 || (score >= 1 && words <= 1) ||
		      (given_first && name_plausible(value, len))))
			return false;
		/* one word in capitals is a program's ("SACK", "MAC"); names in
		 * capitals come whole ("BRAM POSTMA") */
		if (words <= 1 && all_capitals((struct word){value, fw}))
			return false;
	}
	return name_canon(value, len, canon);
}

/* Whether the first word of value is initials ("F.") or a known given
 * name: in prose "Geschrieben von Tobias" and "Absence de Louis" are no
 * "Xyz de Vries". */
static bool starts_with_given(const char *value, size_t len)
{
	size_t n = first_word(value, len);
	return (n >= 2 && value[n - 1] == '.') || pii_name_is_given(value, n);
}

bool pii_name_validate_full(const char *value, size_t len, struct pii_canon *canon)
{
	if (!set.n || count_words(value, len) < 2 || !starts_with_given(value, len) ||
	    pii_name_score(value, len) < 2)
		return false;
	return name_canon(value, len, canon);
}
