/*
 * sheet_folders.c - the workbook's Folders sheet: the Inventory rolled up
 * per folder, one row each, sorted by folder: files with personal data,
 * findings per category (the Summary's categories, in its order), all
 * findings, and the special categories present. What it counts is what
 * the Summary counts: findings of --min-confidence or above, files (or
 * live tables) with such findings; rows found not to be personal data
 * (the Reviewed sheet) are out of it as of every count.
 *
 * A folder is the folder of the file on disk: an archive's members are
 * in the archive's folder. The same rule holds for paths of other
 * sources: a live database's table (postgres://host/db!table) is in its
 * database (postgres://host/db), a file on a share
 * (smb://host/share/dir/a.txt) in its share folder (smb://host/share/dir).
 *
 * Always written, small runs too, not only past some number of rows: on
 * a big share it is the sheet a DPO reads first (where is the data, how
 * much, is any of it special), and a sheet that comes and goes with the
 * run's size would be a workbook of two shapes for people and programs
 * alike; on a small run it costs a few rows.
 *
 * Memory: one entry per folder (a pii_dict over them) with a copy of its
 * name, never one per row.
 */
#include "book.h"

#include <stdlib.h>
#include <string.h>

#include "pii_dict.h"
#include "pii_rowstore.h"

/* Specials present, as bits. */
enum {
	HAS_ID_COPY = 1,
	HAS_ART9 = 2,
	HAS_ART10 = 4,
};

struct folder {
	const char *name; /* not NUL-terminated: name[0..len) */
	size_t len;
	uint64_t files, findings;
	unsigned special;
};

struct folders {
	struct folder *v;
	size_t n, cap;
	uint64_t *per_cat; /* n x n_cat: folder i's category k at [i * n_cat + k] */
	size_t n_cat;
	struct pii_dict index;
	struct pii_arena names;
};

struct key {
	const char *name;
	size_t len;
};

static uint64_t folder_hash(const void *owner, size_t i)
{
	const struct folders *fs = owner;
	return pii_fnv1a_bytes(PII_FNV1A_START, fs->v[i].name, fs->v[i].len);
}

static bool folder_matches(const void *owner, size_t i, const void *key)
{
	const struct folders *fs = owner;
	const struct key *k = key;
	return fs->v[i].len == k->len && !memcmp(fs->v[i].name, k->name, k->len);
}

static const struct pii_dict_type folder_dict = {folder_hash, folder_matches};

/* The folder of the file (or live table) at path, as path[0..*len);
 * "." for a file given without a folder, "?" for a file whose path was
 * lost (out of memory: the Summary says findings were lost). */
static const char *folder_of(const char *path, size_t *len)
{
	if (!strcmp(path, PII_INV_PATH_LOST)) {
		*len = 1;
		return "?";
	}
	static const char *const databases[] = {"postgres://", "postgresql://", "mysql://",
						"mariadb://"};
	for (size_t i = 0; i < sizeof(databases) / sizeof(databases[0]); i++)
		if (!strncmp(path, databases[i], strlen(databases[i])) && strchr(path, '!')) {
			*len = (size_t)(strchr(path, '!') - path);
			return path;
		}
	const char *slash = strrchr(path, '/');
	if (!slash) {
		*len = 1;
		return ".";
	}
	*len = slash == path ? 1 : (size_t)(slash - path);
	return path;
}

/* The folder's entry, made when new; NULL when out of memory. */
static struct folder *folder_get(struct folders *fs, const char *name, size_t len)
{
	struct key k = {name, len};
	uint64_t h = pii_fnv1a_bytes(PII_FNV1A_START, name, len);
	size_t at = pii_dict_find(&fs->index, h, &k);
	if (at != PII_DICT_NONE)
		return &fs->v[at];
	if (fs->n == fs->cap) {
		size_t cap = fs->cap ? fs->cap * 2 : 64;
		struct folder *v = realloc(fs->v, cap * sizeof(*v));
		if (!v)
			return NULL;
		fs->v = v;
		uint64_t *per = realloc(fs->per_cat, cap * (fs->n_cat ? fs->n_cat : 1) * sizeof(*per));
		if (!per)
			return NULL;
		fs->per_cat = per;
		fs->cap = cap;
	}
	const char *copy = pii_arena_strndup(&fs->names, name, len);
	if (!copy)
		return NULL;
	fs->v[fs->n] = (struct folder){.name = copy, .len = len};
	for (size_t c = 0; c < fs->n_cat; c++)
		fs->per_cat[fs->n * fs->n_cat + c] = 0;
	if (!pii_dict_add(&fs->index, h, fs->n))
		return NULL;
	return &fs->v[fs->n++];
}

static int folder_cmp(const void *pa, const void *pb)
{
	const struct folder *a = *(const struct folder *const *)pa, *b = *(const struct folder *const *)pb;
	int c = memcmp(a->name, b->name, a->len < b->len ? a->len : b->len);
	return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* Rolls the counted rows up into fs; false when out of memory or the
 * rows could not be read. A file's rows come together (pii_inv_row_cmp). */
static bool roll_up(struct folders *fs, const struct pii_inventory *inv, const size_t *cat_of,
		    struct pii_rowcursor *c)
{
	struct pii_buf file = {0}; /* the file whose rows are being read */
	bool file_counted = false;
	const struct pii_inv_row *r;
	while ((r = pii_rowcursor_next(c))) {
		if (!file.len || strcmp(pii_buf_cstr(&file), r->file->path)) {
			file.len = 0;
			pii_buf_puts(&file, r->file->path);
			file_counted = false;
		}
		if (!r->counted)
			continue;
		size_t len;
		const char *name = folder_of(r->file->path, &len);
		struct folder *f = folder_get(fs, name, len);
		if (!f || file.oom) {
			pii_buf_free(&file);
			return false;
		}
		if (!file_counted) {
			file_counted = true;
			f->files++;
		}
		const struct pii_report_id *rep = &inv->rules->reports[r->report];
		f->findings += r->counted;
		size_t k = cat_of[r->report];
		if (k < fs->n_cat)
			fs->per_cat[(size_t)(f - fs->v) * fs->n_cat + k] += r->counted;
		f->special |= rep->special == PII_SPECIAL_ID_COPY ? HAS_ID_COPY
			    : rep->special == 9			  ? HAS_ART9
			    : rep->special == 10		  ? HAS_ART10
								  : 0;
	}
	pii_buf_free(&file);
	return true;
}

static void write_folders(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	size_t n_cat = inv->n_categories;
	struct folders fs = {.n_cat = n_cat};
	pii_dict_init(&fs.index, &folder_dict, &fs);
	/* each report's category: its index in inv->categories */
	size_t *cat_of = malloc((inv->rules->n_reports ? inv->rules->n_reports : 1) * sizeof(*cat_of));
	size_t *order = malloc((n_cat ? n_cat : 1) * sizeof(*order));
	struct folder **sorted = NULL;
	if (!cat_of || !order)
		goto oom;
	for (size_t r = 0; r < inv->rules->n_reports; r++) {
		cat_of[r] = SIZE_MAX;
		for (size_t c = 0; c < n_cat; c++)
			if (!strcmp(inv->categories[c].name, inv->rules->reports[r].category))
				cat_of[r] = c;
	}
	pii_book_sort_categories(inv, order);
	struct pii_rowcursor *c = pii_rowcursor_open(inv->store);
	bool rolled = c && roll_up(&fs, inv, cat_of, c);
	pii_book_rows_read(b, c);
	if (!rolled)
		goto oom;
	sorted = malloc((fs.n ? fs.n : 1) * sizeof(*sorted));
	if (!sorted)
		goto oom;
	for (size_t i = 0; i < fs.n; i++)
		sorted[i] = &fs.v[i];
	qsort(sorted, fs.n, sizeof(*sorted), folder_cmp);

	/* the header: Folder, Files with personal data, a column per
	 * category, Findings, Special categories */
	lxw_col_t col = 0;
	b->filled_from = 1;
	pii_book_min_width(b, col, 40);
	pii_book_str(b, ws, 0, col++, L(COL_FOLDER), b->header);
	pii_book_min_width(b, col, 10);
	pii_book_str(b, ws, 0, col++, L(SUM_FILES_WITH_DATA), b->header);
	for (size_t k = 0; k < n_cat; k++) {
		pii_book_min_width(b, col, 10);
		pii_book_str(b, ws, 0, col++,
			     pii_label_category(b->lang, inv->categories[order[k]].name), b->header);
	}
	pii_book_min_width(b, col, 10);
	pii_book_str(b, ws, 0, col++, L(COL_FINDINGS), b->header);
	pii_book_min_width(b, col, 12);
	pii_book_str(b, ws, 0, col++, L(COL_SPECIAL_CATEGORIES), b->header);
	lxw_col_t n_cols = col;

	struct pii_buf name = {0}, marks = {0};
	for (size_t i = 0; i < fs.n; i++) {
		const struct folder *f = sorted[i];
		lxw_row_t row = (lxw_row_t)i + 1;
		size_t at = (size_t)(f - fs.v);
		name.len = 0;
		pii_buf_append(&name, f->name, f->len);
		col = 0;
		pii_book_str(b, ws, row, col++, pii_buf_cstr(&name), NULL);
		pii_book_num(b, ws, row, col++, (double)f->files, b->integer);
		/* a category not in the folder: an empty cell, not a 0 among the
		 * figures that matter */
		for (size_t k = 0; k < n_cat; k++, col++)
			if (fs.per_cat[at * n_cat + order[k]])
				pii_book_num(b, ws, row, col, (double)fs.per_cat[at * n_cat + order[k]],
					     b->integer);
		pii_book_num(b, ws, row, col++, (double)f->findings, b->integer);
		marks.len = 0;
		if (f->special & HAS_ID_COPY)
			pii_buf_puts(&marks, L(SPECIAL_ID_COPY));
		if (f->special & HAS_ART9)
			pii_buf_printf(&marks, "%s%s", marks.len ? ", " : "", L(SPECIAL_ART9));
		if (f->special & HAS_ART10)
			pii_buf_printf(&marks, "%s%s", marks.len ? ", " : "", L(SPECIAL_ART10));
		pii_book_str(b, ws, row, col++, marks.len ? pii_buf_cstr(&marks) : NULL, b->warn);
	}
	if (name.oom || marks.oom)
		pii_book_note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	pii_buf_free(&name);
	pii_buf_free(&marks);
	pii_book_finish_table(b, ws, n_cols, fs.n);
	goto done;
oom:
	pii_book_note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
done:
	free(sorted);
	free(order);
	free(cat_of);
	free(fs.v);
	free(fs.per_cat);
	pii_dict_free(&fs.index);
	pii_arena_free(&fs.names);
}

const struct pii_sheet pii_sheet_folders = {
	.name = PII_L_SHEET_FOLDERS,
	.wanted = pii_sheet_full_book,
	.write = write_folders,
};
