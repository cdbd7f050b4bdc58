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

static const char *art(int special)
{
	return special == 9		       ? " (Art. 9)"
	       : special == 10		       ? " (Art. 10)"
	       : special == PII_SPECIAL_ID_COPY ? " (ID document copy)"
						: "";
}

static enum pii_status txt_commit(const struct pii_inventory *inv, const char *path, FILE *f,
				  char *why, size_t whylen)
{
	struct pii_breach b;
	if (!pii_breach_build(inv, &b)) {
		errno = ENOMEM;
		return PII_EFATAL;
	}
	char when[32];
	pii_format_mtime(inv->finished, when, sizeof(when));
	fprintf(f, "PERSONAL DATA BREACH: SCOPE OF THE DATA CONCERNED\n");
	fprintf(f, "For the notification to the supervisory authority (GDPR Art. 33, within\n"
		   "72 hours) and to the people concerned (Art. 34).\n\n");
	fprintf(f, "Examined:            ");
	for (size_t i = 0; i < inv->n_paths; i++)
		fprintf(f, "%s%s", i ? ", " : "", inv->paths[i]);
	fprintf(f, "\nOn:                  %s UTC, by piiscan %s on %s\n", when, PII_VERSION, inv->host);
	if (inv->interrupted)
		fprintf(f, "Scan:                INCOMPLETE (interrupted): the scope may be larger\n");
	struct pii_file_figures ff;
	pii_inventory_file_figures(inv, &ff);
	fprintf(f, "Files examined:      %" PRIu64 " (%" PRIu64 " not read whole: see the inventory)\n",
		ff.seen, ff.in_part + ff.not_read);
	fprintf(f, "Files with personal data: %" PRIu64 "\n", ff.with_data);
	fprintf(f, "Records (findings):  %" PRIu64 "\n", inv->findings_total);
	fprintf(f, "Data subjects:       about %" PRIu64 " (the largest estimate of a category\n"
		   "                     below: one person may be in several)\n\n",
		b.subjects);
	fprintf(f, "Special categories:  ");
	for (size_t i = 0; i < b.n_special_kinds; i++)
		fprintf(f, "%s%s%s", i ? ", " : "", b.special_kinds[i], art(b.special_art[i]));
	fprintf(f, "%s\n\n", b.n_special_kinds ? "" : "none found");
	fprintf(f, "%-32s %10s %14s %8s\n", "Category of personal data", "Records", "Data subjects",
		"Files");
	for (size_t i = 0; i < b.n_categories; i++) {
		char name[64];
		snprintf(name, sizeof(name), "%s%s", b.categories[i].name, art(b.categories[i].special));
		fprintf(f, "%-32s %10" PRIu64 " %14" PRIu64 " %8" PRIu64 "\n", name,
			b.categories[i].records, b.categories[i].subjects, b.categories[i].files);
	}
	fprintf(f, "\nFiles involved (most findings first):\n");
	size_t listed = b.n_files < PII_BREACH_FILES_LISTED ? b.n_files : PII_BREACH_FILES_LISTED;
	for (size_t i = 0; i < listed; i++) {
		struct pii_buf shown = {0};
		pii_escape_display(&shown, b.files[i].file->path, strlen(b.files[i].file->path));
		fprintf(f, "%10" PRIu64 "  %s%s\n", b.files[i].findings, pii_buf_cstr(&shown),
			art(b.files[i].special));
		pii_buf_free(&shown);
	}
	if (b.n_files > listed)
		fprintf(f, "       ... and %zu more files (the inventory lists them all)\n",
			b.n_files - listed);
	fprintf(f, "\nData subjects per category are estimates: distinct values for contact\n"
		   "details, ids, names and accounts; for special categories the files that\n"
		   "hold them. Values themselves are not listed here.\n");
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
