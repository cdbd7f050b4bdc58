/*
 * register.c - the GDPR views of an inventory (see pii_register.h).
 */
#include "pii_register.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "pii_limits.h"

/* A system's people: exact up to 256 values a kind (a 4 KiB set), then a
 * 4 KiB estimate (1.6% error). A share of 10,000 top-level folders holds
 * 40 MB of them a kind, not the 640 MB exact sets of 4,096 would take;
 * the Data map shows them as estimates in any case. */
#define SYSTEM_HLL_BITS 12
#define SYSTEM_EXACT_MAX 256

bool pii_parse_duration(const char *s, int64_t *seconds)
{
	char *end;
	if (!s || !*s || *s == '-')
		return false;
	double v = strtod(s, &end);
	double unit;
	if (!strcmp(end, "y"))
		unit = 365.25 * 86400;
	else if (!strcmp(end, "m"))
		unit = 365.25 * 86400 / 12;
	else if (!strcmp(end, "w"))
		unit = 7 * 86400;
	else if (!strcmp(end, "d"))
		unit = 86400;
	else
		return false;
	if (v < 0 || v > 1000)
		return false;
	*seconds = (int64_t)(v * unit);
	return true;
}

/* Dumps and SQLite files are systems of their own, known by their name. */
static bool is_database(const char *path, size_t len)
{
	static const char *const ext[] = {".sql", ".dump", ".sqlite", ".sqlite3", ".db", NULL};
	for (size_t i = 0; ext[i]; i++) {
		size_t n = strlen(ext[i]);
		if (len > n && !strncasecmp(path + len - n, ext[i], n))
			return true;
	}
	return false;
}

/* The system's name for the file on disk path[0..len). */
static char *system_name(const struct pii_options *opt, const char *path, size_t len)
{
	char *file = strndup(path, len);
	if (!file)
		return NULL;
	for (size_t i = 0; i < opt->n_systems; i++)
		if (fnmatch(opt->systems[i].glob, file, 0) == 0) {
			free(file);
			return strdup(opt->systems[i].name);
		}
	if (is_database(file, len))
		return file;
	/* the top-level folder below the scanned path it is in */
	for (size_t i = 0; i < opt->n_paths; i++) {
		const char *root = opt->paths[i];
		size_t rl = strlen(root);
		while (rl > 1 && root[rl - 1] == '/')
			rl--;
		if (strncmp(file, root, rl) || (file[rl] != '/' && file[rl] != '\0'))
			continue;
		const char *rel = file + rl;
		while (*rel == '/')
			rel++;
		const char *slash = strchr(rel, '/');
		size_t n = slash ? (size_t)(slash - file) : rl;
		file[n] = '\0';
		return file;
	}
	return file;
}

static uint64_t system_hash(const void *owner, size_t i)
{
	return pii_fnv1a(((const struct pii_inventory *)owner)->systems[i].name);
}

static bool system_matches(const void *owner, size_t i, const void *name)
{
	return !strcmp(((const struct pii_inventory *)owner)->systems[i].name, name);
}

static const struct pii_dict_type system_dict = {system_hash, system_matches};

int pii_system_of(struct pii_inventory *inv, const struct pii_options *opt, const char *path)
{
	const char *bang = strchr(path, '!');
	char *name = system_name(opt, path, bang ? (size_t)(bang - path) : strlen(path));
	if (!name)
		return -1;
	/* a share with thousands of top-level folders: found by hash */
	if (!inv->system_index.type)
		pii_dict_init(&inv->system_index, &system_dict, inv);
	uint64_t h = pii_fnv1a(name);
	size_t at = pii_dict_find(&inv->system_index, h, name);
	if (at != PII_DICT_NONE) {
		free(name);
		return (int)at;
	}
	if (inv->n_systems == inv->cap_systems) {
		size_t cap = inv->cap_systems ? inv->cap_systems * 2 : 16;
		struct pii_inv_system *grown = realloc(inv->systems, cap * sizeof(*grown));
		if (!grown) {
			free(name);
			return -1;
		}
		inv->systems = grown;
		inv->cap_systems = cap;
	}
	struct pii_inv_system *s = &inv->systems[inv->n_systems];
	memset(s, 0, sizeof(*s));
	s->name = pii_arena_strdup(&inv->arena, name);
	free(name);
	if (!s->name)
		return -1;
	for (int k = 0; k < PII_SUBJECT_KINDS_MAX; k++)
		pii_distinct_init_small(&s->subjects[k], SYSTEM_HLL_BITS, SYSTEM_EXACT_MAX);
	s->oldest = INT64_MAX;
	s->newest = INT64_MIN;
	if (!(s->categories = calloc(inv->n_categories ? inv->n_categories : 1, sizeof(bool))))
		return -1;
	if (!pii_dict_add(&inv->system_index, h, inv->n_systems))
		return -1;
	return (int)inv->n_systems++;
}

uint64_t pii_system_subjects(const struct pii_inventory *inv, const struct pii_inv_system *s)
{
	uint64_t most = 0;
	for (size_t k = 0; k < inv->rules->n_subject_kinds; k++) {
		uint64_t n = pii_distinct_count_of(&s->subjects[k], s->findings);
		if (n > most)
			most = n;
	}
	return most;
}

/* Contact lists: per file or table (location without column or key),
 * the distinct values of each kind that counts people in the contact
 * category (e-mail addresses, phone numbers in the shipped packs); its
 * size is the most of any kind. A file's rows come sorted by path, then
 * table. */
static void contact_lists(struct pii_inventory *inv, struct pii_inv_row *rows, size_t n,
			  uint64_t min)
{
	const struct pii_ruleset *rs = inv->rules;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		uint64_t per_kind[PII_SUBJECT_KINDS_MAX] = {0};
		for (; j < n && !strcmp(rows[j].path, rows[i].path) &&
		       pii_streq_null(rows[j].table, rows[i].table);
		     j++) {
			const struct pii_report_id *rep = &rs->reports[rows[j].report];
			if (rows[j].counted && rep->subject_kind >= 0 &&
			    !strcmp(rep->category, "contact"))
				per_kind[rep->subject_kind] += rows[j].distinct;
		}
		uint64_t size = 0;
		for (size_t k = 0; k < rs->n_subject_kinds; k++)
			if (per_kind[k] > size)
				size = per_kind[k];
		if (min && size >= min) {
			inv->contact_lists++;
			if (size > inv->largest_contact_list)
				inv->largest_contact_list = size;
			for (size_t k = i; k < j; k++)
				rows[k].contact_list = size;
		}
		i = j;
	}
}

void pii_register_file(struct pii_inventory *inv, struct pii_inv_row *rows, size_t n)
{
	const struct pii_options *opt = inv->opt;
	bool stale_file = false, system_file = false;
	for (size_t i = 0; i < n; i++) {
		struct pii_inv_row *r = &rows[i];
		const struct pii_report_id *rep = &inv->rules->reports[r->report];
		if (!r->counted)
			continue; /* below --min-confidence: listed, not in the data map */
		r->stale = opt->stale_after &&
			   inv->now - pii_inv_file_data_time(r->file) > opt->stale_after;
		if (r->stale) {
			inv->stale_locations++;
			if (!stale_file) {
				stale_file = true;
				inv->stale_files++;
				inv->stale_bytes += r->file->size;
			}
		}
		if (r->system >= inv->n_systems)
			continue;
		struct pii_inv_system *s = &inv->systems[r->system];
		s->locations++;
		s->findings += r->counted;
		if (!system_file) {
			system_file = true;
			s->files++;
		}
		for (size_t c = 0; s->categories && c < inv->n_categories; c++)
			if (!strcmp(inv->categories[c].name, rep->category))
				s->categories[c] = true;
		int64_t t = pii_inv_file_data_time(r->file);
		if (t < s->oldest)
			s->oldest = t;
		if (t > s->newest)
			s->newest = t;
		s->art9 |= rep->special == 9;
		s->art10 |= rep->special == 10;
		s->id_copy |= rep->special == PII_SPECIAL_ID_COPY;
	}
	contact_lists(inv, rows, n, opt->contact_list_min);
}
