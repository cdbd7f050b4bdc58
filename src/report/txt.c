/*
 * txt.c - the breach summary (--breach-report) as text: one page for the
 * notification within 72 hours.
 */
#include "pii_writer.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "pii_breach.h"
#include "pii_report.h"
#include "pii_version.h"

/* " (Art. 9)" after a category or file, or "". */
static void art(FILE *f, enum pii_lang lang, int special)
{
	const char *name = pii_label_special(lang, special);
	if (name)
		fprintf(f, " (%s)", name);
}

/* A paragraph in lines of at most 72 columns that start at column
 * indent (the caller has put the first line there). */
static void wrapped(FILE *f, const char *text, size_t indent)
{
	size_t col = 0;
	while (*text) {
		size_t len = strcspn(text, " ");
		size_t chars = 0;
		for (size_t i = 0; i < len; i++)
			chars += ((unsigned char)text[i] & 0xC0) != 0x80;
		if (col && indent + col + 1 + chars > 72) {
			fprintf(f, "\n%*s", (int)indent, "");
			col = 0;
		} else if (col) {
			fputc(' ', f);
			col++;
		}
		fwrite(text, 1, len, f);
		col += chars;
		text += len;
		while (*text == ' ')
			text++;
	}
	fputc('\n', f);
}

/* "Key:" padded so that the values stand in one column. */
static void key(FILE *f, const char *k)
{
	size_t chars = 0;
	for (const char *c = k; *c; c++)
		chars += ((unsigned char)*c & 0xC0) != 0x80;
	fprintf(f, "%s:%*s", k, chars < 26 ? (int)(26 - chars) : 1, "");
}

static enum pii_status txt_commit(const struct pii_inventory *inv, const char *path, FILE *f,
				  char *why, size_t whylen)
{
	struct pii_breach b;
	if (!pii_breach_build(inv, &b)) {
		errno = ENOMEM;
		return PII_EFATAL;
	}
	enum pii_lang lang = inv->opt->lang;
#define T(id) pii_label(lang, PII_L_##id)
	char when[32];
	pii_format_mtime(inv->finished, when, sizeof(when));
	fprintf(f, "%s\n", T(BR_TEXT_TITLE));
	wrapped(f, T(BR_FOR), 0);
	fputc('\n', f);
	key(f, T(BR_EXAMINED));
	for (size_t i = 0; i < inv->n_paths; i++)
		fprintf(f, "%s%s", i ? ", " : "", inv->paths[i]);
	fputc('\n', f);
	key(f, T(BR_ON));
	fprintf(f, "%s, ", when);
	fprintf(f, T(BR_BY), PII_VERSION, inv->host);
	fputc('\n', f);
	if (inv->interrupted) {
		key(f, T(SUM_SCAN));
		fprintf(f, "%s\n", T(BR_INCOMPLETE));
	}
	struct pii_file_figures ff;
	pii_inventory_file_figures(inv, &ff);
	key(f, T(BR_FILES));
	fprintf(f, "%" PRIu64 "\n", ff.seen);
	key(f, T(BR_NOT_WHOLE));
	fprintf(f, "%" PRIu64 "\n", ff.in_part + ff.not_read);
	key(f, T(SUM_FILES_WITH_DATA));
	fprintf(f, "%" PRIu64 "\n", ff.with_data);
	key(f, T(BR_RECORDS));
	fprintf(f, "%" PRIu64 "\n", inv->findings_total);
	key(f, T(COL_SUBJECTS));
	fprintf(f, T(BR_ABOUT), (unsigned long long)b.subjects);
	fprintf(f, "\n%27s", "");
	char note[300];
	snprintf(note, sizeof(note), "(%s)", T(BR_SUBJECTS_ALL));
	wrapped(f, note, 27);
	key(f, T(COL_SPECIAL_CATEGORIES));
	for (size_t i = 0; i < b.n_special_kinds; i++) {
		fprintf(f, "%s%s", i ? ", " : "", b.special_kinds[i]);
		art(f, lang, b.special_art[i]);
	}
	fprintf(f, "%s\n\n", b.n_special_kinds ? "" : T(BR_NONE_FOUND));
	fprintf(f, "%-46s %10s %14s %8s\n", T(COL_BREACH_CATEGORY), T(COL_RECORDS),
		T(SUM_SUBJECTS_SHORT), T(COL_FILES));
	for (size_t i = 0; i < b.n_categories; i++) {
		char name[160];
		const char *special = pii_label_special(lang, b.categories[i].special);
		snprintf(name, sizeof(name), "%s%s%s%s", pii_label_category(lang, b.categories[i].name),
			 special ? " (" : "", special ? special : "", special ? ")" : "");
		fprintf(f, "  %-44s %10" PRIu64 " %14" PRIu64 " %8" PRIu64 "\n", name,
			b.categories[i].records, b.categories[i].subjects, b.categories[i].files);
	}
	fprintf(f, "\n%s:\n", T(BR_FILES_INVOLVED));
	size_t listed = b.n_listed;
	for (size_t i = 0; i < listed; i++) {
		struct pii_buf shown = {0};
		pii_escape_display(&shown, b.files[i].path, strlen(b.files[i].path));
		fprintf(f, "%10" PRIu64 "  %s", b.files[i].findings, pii_buf_cstr(&shown));
		art(f, lang, b.files[i].special);
		fputc('\n', f);
		pii_buf_free(&shown);
	}
	if (b.n_files > listed) {
		fprintf(f, "       ");
		fprintf(f, T(BR_MORE_FILES), (unsigned long long)(b.n_files - listed));
		fputc('\n', f);
	}
	fputc('\n', f);
	wrapped(f, T(BR_ESTIMATES), 0);
#undef T
	pii_breach_free(&b);
	return ferror(f) ? PII_EFATAL : PII_OK;
}

static const char *const extensions[] = {"txt", NULL};

const struct pii_writer pii_writer_txt = {
	.name = "txt",
	.extensions = extensions,
	.to_stdout = true,
	.breach_only = true,
	.commit = txt_commit,
};
