/*
 * report_xlsx.c - the inventory workbook (libxlsxwriter, constant-memory
 * mode: rows go to disk as they are written, so memory does not grow with
 * the number of rows). Every cell is written as a string or number, never
 * as a formula, and every string is escaped to valid UTF-8 without
 * control characters, so the file stays valid whatever the file names.
 */
#include "pii_writer.h"

#include "pii_report.h"

#include <inttypes.h>
#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <xlsxwriter.h>

#include "pii_breach.h"
#include "pii_limits.h"
#include "pii_register.h"
#include "pii_stop.h"
#include "pii_version.h"

struct book {
	lxw_workbook *wb;
	lxw_format *title, *header, *bold, *date, *integer, *percent, *warn, *wrap;
	struct pii_buf tmp;
	lxw_error err; /* first error */
};

static void note(struct book *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
		b->err = e;
}

/* Writes s escaped and cut to the cell limit; NULL or "" leaves the cell
 * empty. */
static void put_str(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		    const char *s, lxw_format *fmt)
{
	if (!s || !*s)
		return;
	b->tmp.len = 0;
	pii_escape_display(&b->tmp, s, strlen(s));
	if (b->tmp.oom) {
		note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	if (b->tmp.len > PII_XLSX_MAX_CELL) {
		/* Cut on a character boundary. */
		size_t n = PII_XLSX_MAX_CELL;
		while (n > 0 && ((unsigned char)b->tmp.data[n] & 0xC0) == 0x80)
			n--;
		b->tmp.data[n] = '\0';
	}
	note(b, worksheet_write_string(ws, row, col, pii_buf_cstr(&b->tmp), fmt));
}

static void put_num(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		    double v, lxw_format *fmt)
{
	note(b, worksheet_write_number(ws, row, col, v, fmt));
}

static void put_header(struct book *b, lxw_worksheet *ws, const char *const *names,
		       const double *widths)
{
	for (lxw_col_t c = 0; names[c]; c++) {
		put_str(b, ws, 0, c, names[c], b->header);
		note(b, worksheet_set_column(ws, c, c, widths[c], NULL));
	}
}

static void finish_table(struct book *b, lxw_worksheet *ws, size_t n_cols, size_t n_rows)
{
	note(b, worksheet_autofilter(ws, 0, 0, (lxw_row_t)(n_rows ? n_rows : 1),
				     (lxw_col_t)(n_cols - 1)));
	worksheet_freeze_panes(ws, 1, 0);
}

/* ---- Summary ----------------------------------------------------------------- */

static void kv_str(struct book *b, lxw_worksheet *ws, lxw_row_t *row,
		   const char *key, const char *val, lxw_format *fmt)
{
	put_str(b, ws, *row, 0, key, b->bold);
	put_str(b, ws, *row, 1, val, fmt);
	(*row)++;
}

static void kv_num(struct book *b, lxw_worksheet *ws, lxw_row_t *row,
		   const char *key, double val)
{
	put_str(b, ws, *row, 0, key, b->bold);
	put_num(b, ws, *row, 1, val, b->integer);
	(*row)++;
}

static void kv_time(struct book *b, lxw_worksheet *ws, lxw_row_t *row,
		    const char *key, int64_t t)
{
	put_str(b, ws, *row, 0, key, b->bold);
	note(b, worksheet_write_unixtime(ws, *row, 1, t, b->date));
	(*row)++;
}

/* Categories by findings, most first, special categories before all;
 * ties by name. */
static bool category_before(const struct pii_inventory *inv, const struct pii_inv_category *a,
			    const struct pii_inv_category *b)
{
	bool sa = pii_category_special(inv->rules, a->name) != 0;
	bool sb = pii_category_special(inv->rules, b->name) != 0;
	if (sa != sb)
		return sa;
	if (a->findings != b->findings)
		return a->findings > b->findings;
	return strcmp(a->name, b->name) <= 0;
}

static void sort_categories(const struct pii_inventory *inv, size_t *order)
{
	for (size_t i = 0; i < inv->n_categories; i++)
		order[i] = i;
	for (size_t i = 1; i < inv->n_categories; i++) {
		size_t k = order[i], j = i;
		const struct pii_inv_category *ck = &inv->categories[k];
		while (j > 0) {
			const struct pii_inv_category *cj = &inv->categories[order[j - 1]];
			if (category_before(inv, cj, ck))
				break;
			order[j] = order[j - 1];
			j--;
		}
		order[j] = k;
	}
}

static void write_summary(struct book *b, const struct pii_inventory *inv)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Summary");
	if (!ws) {
		note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	note(b, worksheet_set_column(ws, 0, 0, 30, NULL));
	note(b, worksheet_set_column(ws, 1, 1, 22, NULL));
	note(b, worksheet_set_column(ws, 2, 4, 14, NULL));
	lxw_row_t row = 0;
	put_str(b, ws, row, 0, "piiscan inventory of personal data", b->title);
	row += 2;

	struct pii_buf s = {0};
	if (inv->interrupted) {
		pii_buf_printf(&s, "INCOMPLETE: interrupted (%s). Files under way were scanned "
			       "in part (Errors sheet)",
			       pii_signal_name(inv->interrupted));
		if (inv->files_dropped)
			pii_buf_printf(&s, ", %" PRIu64 " queued files were not scanned",
				       inv->files_dropped);
		pii_buf_puts(&s, ", and folders not yet reached are missing.");
		kv_str(b, ws, &row, "Scan", pii_buf_cstr(&s), b->warn);
	} else {
		kv_str(b, ws, &row, "Scan", "complete", NULL);
	}
	s.len = 0;
	for (size_t i = 0; i < inv->n_paths; i++)
		pii_buf_printf(&s, "%s%s", i ? ", " : "", inv->paths[i]);
	kv_str(b, ws, &row, "Scanned paths", pii_buf_cstr(&s), NULL);
	kv_time(b, ws, &row, "Started (UTC)", inv->started);
	kv_time(b, ws, &row, "Finished (UTC)", inv->finished);
	put_str(b, ws, row, 0, "Duration (seconds)", b->bold);
	put_num(b, ws, row++, 1, (double)(int64_t)(inv->duration * 1000 + 0.5) / 1000, NULL);
	kv_str(b, ws, &row, "Host", inv->host, NULL);
	kv_str(b, ws, &row, "User", inv->user, NULL);
	kv_str(b, ws, &row, "piiscan version", PII_VERSION, NULL);
	kv_str(b, ws, &row, "Command line", inv->opt->command_line, NULL);
	s.len = 0;
	for (size_t i = 0; i < inv->rules->n_packs; i++)
		pii_buf_printf(&s, "%s%s", i ? ", " : "", inv->rules->packs[i]);
	pii_buf_printf(&s, " (%zu rules)", inv->rules->n_rules);
	kv_str(b, ws, &row, "Rule packs", pii_buf_cstr(&s), NULL);
	if (inv->opt->show_values)
		kv_str(b, ws, &row, "Values",
		       "SHOWN IN FULL (--show-values): this file holds personal data; "
		       "protect and delete it as such",
		       b->warn);
	else
		kv_str(b, ws, &row, "Values", "masked", NULL);
	row++;
	kv_num(b, ws, &row, "Files scanned", (double)inv->files_scanned);
	kv_num(b, ws, &row, "Bytes scanned", (double)inv->bytes_scanned);
	kv_num(b, ws, &row, "Files with personal data", (double)inv->files_with_findings);
	kv_num(b, ws, &row, "Files scanned in part", (double)inv->files_partial);
	kv_num(b, ws, &row, "Files that could not be read", (double)inv->files_failed);
	kv_num(b, ws, &row, "Files skipped", (double)inv->files_skipped);
	kv_num(b, ws, &row, "Findings", (double)inv->findings_total);
	s.len = 0;
	if (inv->n_findings < inv->findings_total)
		pii_buf_printf(&s, "first %zu of %" PRIu64
			       " (raise with --max-findings; JSONL output has all)",
			       inv->n_findings, inv->findings_total);
	else
		pii_buf_printf(&s, "all %" PRIu64, inv->findings_total);
	kv_str(b, ws, &row, "Findings sheet lists", pii_buf_cstr(&s), NULL);
	if (inv->opt->stale_after) {
		char key[96];
		snprintf(key, sizeof(key), "Stale locations (older than %.0f days)",
			 (double)inv->opt->stale_after / 86400);
		kv_num(b, ws, &row, key, (double)inv->stale_locations);
		kv_num(b, ws, &row, "Stale files (deletion candidates)", (double)inv->stale_files);
		kv_num(b, ws, &row, "Stale bytes", (double)inv->stale_bytes);
	}
	if (inv->opt->contact_list_min) {
		kv_num(b, ws, &row, "Contact lists", (double)inv->contact_lists);
		if (inv->contact_lists)
			kv_num(b, ws, &row, "Largest contact list", (double)inv->largest_contact_list);
	}
	if (inv->state_path) {
		kv_str(b, ws, &row, "State file", inv->state_path, NULL);
		kv_num(b, ws, &row, "Files read this run",
		       (double)(inv->files_scanned + inv->files_partial + inv->files_failed +
				inv->files_skipped - inv->files_carried));
		kv_num(b, ws, &row, "Files carried over (unchanged)", (double)inv->files_carried);
		s.len = 0;
		if (inv->interrupted)
			pii_buf_puts(&s, "not compared: the scan is incomplete");
		else if (!inv->changes_compared)
			pii_buf_puts(&s, "none: the first complete run with this state file");
		else
			pii_buf_printf(&s, "%zu (Changes sheet)", inv->n_changes);
		kv_str(b, ws, &row, "Changes since the previous run", pii_buf_cstr(&s), NULL);
	}
	if (inv->problems_dropped)
		kv_num(b, ws, &row, "Errors not listed (sheet full)",
		       (double)inv->problems_dropped);
	if (inv->pattern_limit_hits)
		kv_num(b, ws, &row, "Pattern work limit reached", (double)inv->pattern_limit_hits);
	row++;

	static const char *const cat_header[] = {"Category", "Findings", "Locations",
						 "Files", "Distinct values", "Special", NULL};
	lxw_row_t table_row = row;
	for (lxw_col_t c = 0; cat_header[c]; c++)
		put_str(b, ws, row, c, cat_header[c], b->header);
	row++;
	size_t order[inv->n_categories ? inv->n_categories : 1];
	sort_categories(inv, order);
	for (size_t i = 0; i < inv->n_categories; i++) {
		const struct pii_inv_category *c = &inv->categories[order[i]];
		put_str(b, ws, row, 0, c->name, NULL);
		put_num(b, ws, row, 1, (double)c->findings, b->integer);
		put_num(b, ws, row, 2, (double)c->locations, b->integer);
		put_num(b, ws, row, 3, (double)c->files, b->integer);
		put_num(b, ws, row, 4, (double)pii_distinct_count(&c->distinct), b->integer);
		int special = pii_category_special(inv->rules, c->name);
		put_str(b, ws, row, 5, special == 9 ? "Art. 9" : special == 10 ? "Art. 10" : NULL, b->warn);
		row++;
	}
	pii_buf_free(&s);

	if (inv->n_categories) {
		lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_BAR);
		if (!chart) {
			note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
		chart_series_set_categories(series, "Summary", table_row + 1, 0,
					    table_row + (lxw_row_t)inv->n_categories, 0);
		chart_series_set_values(series, "Summary", table_row + 1, 1,
					table_row + (lxw_row_t)inv->n_categories, 1);
		chart_title_set_name(chart, "Findings per category");
		chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
		/* Bars are drawn bottom-up: reverse so the biggest is on top. */
		chart_axis_set_reverse(chart->x_axis);
		note(b, worksheet_insert_chart(ws, 2, 6, chart));
	}
}

/* ---- Inventory --------------------------------------------------------------- */

static void write_inventory(struct book *b, const struct pii_inventory *inv)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Inventory");
	if (!ws) {
		note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	static const char *const names[] = {
		"File", "Table / sheet", "Column", "Key", "Part", "Rule", "Category",
		"Confidence", "Count", "Distinct", "Rows", "Rows with it", "Share of rows",
		"High", "Medium", "Low", "Example", "File size", "Owner", "Modified (UTC)",
		"Type", "Special", "Age (years)", "Deletion candidate", "Contact list",
		"System", NULL,
	};
	static const double widths[] = {60, 16, 16, 12, 10, 14, 14, 11, 9, 9, 9, 11, 12,
					8, 8, 8, 24, 12, 12, 18, 26, 9, 11, 18, 12, 30};
	put_header(b, ws, names, widths);
	size_t n = inv->n_rows < PII_XLSX_MAX_ROWS ? inv->n_rows : PII_XLSX_MAX_ROWS;
	for (size_t i = 0; i < n; i++) {
		const struct pii_inv_row *r = &inv->rows[i];
		const struct pii_report_id *rep = &inv->rules->reports[r->report];
		lxw_row_t row = (lxw_row_t)i + 1;
		put_str(b, ws, row, 0, r->path, NULL);
		put_str(b, ws, row, 1, r->table, NULL);
		put_str(b, ws, row, 2, r->column, NULL);
		put_str(b, ws, row, 3, r->key, NULL);
		put_str(b, ws, row, 4, r->part, NULL);
		put_str(b, ws, row, 5, rep->name, NULL);
		put_str(b, ws, row, 6, rep->category, NULL);
		put_str(b, ws, row, 7, pii_confidence_name(r->confidence), NULL);
		put_num(b, ws, row, 8, (double)r->count, b->integer);
		put_num(b, ws, row, 9, (double)r->distinct, b->integer);
		/* A column of e-mail addresses or a free text that mentions a few */
		if (r->rows_scanned) {
			put_num(b, ws, row, 10, (double)r->rows_scanned, b->integer);
			put_num(b, ws, row, 11, (double)r->rows_with, b->integer);
			put_num(b, ws, row, 12, (double)r->rows_with / (double)r->rows_scanned,
				b->percent);
		}
		put_num(b, ws, row, 13, (double)r->by_confidence[PII_CONF_HIGH], b->integer);
		put_num(b, ws, row, 14, (double)r->by_confidence[PII_CONF_MEDIUM], b->integer);
		put_num(b, ws, row, 15, (double)r->by_confidence[PII_CONF_LOW], b->integer);
		put_str(b, ws, row, 16, r->example, NULL);
		put_num(b, ws, row, 17, (double)r->file->size, b->integer);
		put_str(b, ws, row, 18, pii_owner_name(r->file->uid), NULL);
		note(b, worksheet_write_unixtime(ws, row, 19, r->file->mtime, b->date));
		put_str(b, ws, row, 20, r->file->type, NULL);
		put_str(b, ws, row, 21, rep->special == 9 ? "Art. 9" : rep->special == 10 ? "Art. 10" : NULL,
			b->warn);
		double age = (double)(inv->now - r->file->mtime) / (365.25 * 86400);
		put_num(b, ws, row, 22, (double)(int64_t)(age * 10 + 0.5) / 10, NULL);
		put_str(b, ws, row, 23, r->stale ? "yes: older than --stale-after" : NULL, b->warn);
		if (r->contact_list)
			put_num(b, ws, row, 24, (double)r->contact_list, b->integer);
		if (r->system < inv->n_systems)
			put_str(b, ws, row, 25, inv->systems[r->system].name, NULL);
	}
	finish_table(b, ws, 26, n);
}

/* ---- Findings ------------------------------------------------------------------ */

static void write_findings(struct book *b, const struct pii_inventory *inv)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Findings");
	if (!ws) {
		note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	static const char *const names[] = {
		"File", "Line", "Offset", "Page", "Table / sheet", "Column", "Row", "Key", "Part",
		"Rule", "Category", "Confidence", "Value", NULL,
	};
	static const double widths[] = {60, 8, 10, 6, 16, 16, 8, 12, 10, 14, 14, 11, 28};
	put_header(b, ws, names, widths);
	for (size_t i = 0; i < inv->n_findings; i++) {
		const struct pii_inv_finding *f = &inv->findings[i];
		const struct pii_rule *r = &inv->rules->rules[f->rule];
		lxw_row_t row = (lxw_row_t)i + 1;
		put_str(b, ws, row, 0, f->path, NULL);
		if (f->line)
			put_num(b, ws, row, 1, (double)f->line, NULL);
		put_num(b, ws, row, 2, (double)f->offset, NULL);
		if (f->page)
			put_num(b, ws, row, 3, (double)f->page, NULL);
		put_str(b, ws, row, 4, f->table, NULL);
		put_str(b, ws, row, 5, f->column, NULL);
		if (f->row)
			put_num(b, ws, row, 6, (double)f->row, NULL);
		put_str(b, ws, row, 7, f->key, NULL);
		put_str(b, ws, row, 8, f->part, NULL);
		put_str(b, ws, row, 9, r->report_as, NULL);
		put_str(b, ws, row, 10, r->category, NULL);
		put_str(b, ws, row, 11, pii_confidence_name(f->confidence), NULL);
		put_str(b, ws, row, 12, f->value, NULL);
	}
	finish_table(b, ws, 13, inv->n_findings);
}

/* ---- Errors -------------------------------------------------------------------- */

static void write_errors(struct book *b, const struct pii_inventory *inv)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Errors");
	if (!ws) {
		note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	static const char *const names[] = {"File", "Status", "Code", "Reason", NULL};
	static const double widths[] = {60, 10, 16, 70};
	put_header(b, ws, names, widths);
	for (size_t i = 0; i < inv->n_problems; i++) {
		const struct pii_inv_problem *p = &inv->problems[i];
		lxw_row_t row = (lxw_row_t)i + 1;
		put_str(b, ws, row, 0, p->path, NULL);
		put_str(b, ws, row, 1, pii_file_status_name(p->status), NULL);
		put_str(b, ws, row, 2, p->code, NULL);
		put_str(b, ws, row, 3, p->reason, NULL);
	}
	finish_table(b, ws, 4, inv->n_problems);
}

/* ---- Data map (Art. 30) ----------------------------------------------------------- */

static void write_data_map(struct book *b, const struct pii_inventory *inv)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Data map");
	if (!ws) {
		note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	/* What piiscan found, then what the officer fills in. */
	static const char *const names[] = {
		"System", "Categories of personal data", "Special categories", "Locations",
		"Files", "Findings", "Data subjects (estimate)", "Oldest file (UTC)",
		"Newest file (UTC)", "Purpose", "Legal basis", "Retention period", "Recipients",
		"Transfers outside the EU", "Security measures", NULL,
	};
	static const double widths[] = {36, 50, 22, 10, 8, 10, 14, 18, 18, 24, 18, 16, 20, 18, 24};
	put_header(b, ws, names, widths);
	/* by name: systems are made in the order their files are met */
	size_t by_name[inv->n_systems ? inv->n_systems : 1];
	for (size_t i = 0; i < inv->n_systems; i++) {
		size_t j = i;
		for (; j > 0 && strcmp(inv->systems[by_name[j - 1]].name, inv->systems[i].name) > 0; j--)
			by_name[j] = by_name[j - 1];
		by_name[j] = i;
	}
	struct pii_buf cats = {0};
	lxw_row_t row = 1;
	for (size_t i = 0; i < inv->n_systems; i++) {
		const struct pii_inv_system *s = &inv->systems[by_name[i]];
		if (!s->locations)
			continue;
		size_t order[inv->n_categories ? inv->n_categories : 1];
		sort_categories(inv, order);
		cats.len = 0;
		for (size_t k = 0; s->categories && k < inv->n_categories; k++)
			if (s->categories[order[k]])
				pii_buf_printf(&cats, "%s%s", cats.len ? ", " : "",
					       inv->categories[order[k]].name);
		put_str(b, ws, row, 0, s->name, NULL);
		put_str(b, ws, row, 1, pii_buf_cstr(&cats), NULL);
		put_str(b, ws, row, 2,
			s->art9 && s->art10 ? "Art. 9, Art. 10" : s->art9 ? "Art. 9" : s->art10 ? "Art. 10" : NULL,
			b->warn);
		put_num(b, ws, row, 3, (double)s->locations, b->integer);
		put_num(b, ws, row, 4, (double)s->files, b->integer);
		put_num(b, ws, row, 5, (double)s->findings, b->integer);
		put_num(b, ws, row, 6, (double)pii_system_subjects(inv, s), b->integer);
		note(b, worksheet_write_unixtime(ws, row, 7, s->oldest, b->date));
		note(b, worksheet_write_unixtime(ws, row, 8, s->newest, b->date));
		row++;
	}
	pii_buf_free(&cats);
	finish_table(b, ws, 15, row - 1);
}

/* ---- Breach (--breach-report) -------------------------------------------------------- */

static const char *art_name(int special)
{
	return special == 9 ? "Art. 9" : special == 10 ? "Art. 10" : NULL;
}

static void write_breach(struct book *b, const struct pii_inventory *inv)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Breach");
	struct pii_breach br;
	if (!ws || !pii_breach_build(inv, &br)) {
		note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	note(b, worksheet_set_column(ws, 0, 0, 40, NULL));
	note(b, worksheet_set_column(ws, 1, 3, 16, NULL));
	lxw_row_t row = 0;
	put_str(b, ws, row, 0, "Personal data breach: scope of the data concerned", b->title);
	row++;
	put_str(b, ws, row++, 0,
		"For the notification to the supervisory authority (GDPR Art. 33, within 72 hours) "
		"and to the people concerned (Art. 34).",
		NULL);
	row++;
	struct pii_buf s = {0};
	for (size_t i = 0; i < inv->n_paths; i++)
		pii_buf_printf(&s, "%s%s", i ? ", " : "", inv->paths[i]);
	kv_str(b, ws, &row, "Examined", pii_buf_cstr(&s), NULL);
	kv_time(b, ws, &row, "On (UTC)", inv->finished);
	if (inv->interrupted)
		kv_str(b, ws, &row, "Scan", "INCOMPLETE (interrupted): the scope may be larger",
		       b->warn);
	kv_num(b, ws, &row, "Files examined",
	       (double)(inv->files_scanned + inv->files_partial + inv->files_failed +
			inv->files_skipped));
	kv_num(b, ws, &row, "Files with personal data", (double)br.n_files);
	kv_num(b, ws, &row, "Records (findings)", (double)inv->findings_total);
	kv_num(b, ws, &row, "Data subjects (estimate)", (double)br.subjects);
	s.len = 0;
	for (size_t i = 0; i < br.n_special_kinds; i++)
		pii_buf_printf(&s, "%s%s (%s)", i ? ", " : "", br.special_kinds[i],
			       art_name(br.special_art[i]));
	kv_str(b, ws, &row, "Special categories", s.len ? pii_buf_cstr(&s) : "none found",
	       s.len ? b->warn : NULL);
	row++;
	static const char *const cat_header[] = {"Category of personal data", "Records",
						 "Data subjects (estimate)", "Files", "Special",
						 NULL};
	for (lxw_col_t c = 0; cat_header[c]; c++)
		put_str(b, ws, row, c, cat_header[c], b->header);
	row++;
	for (size_t i = 0; i < br.n_categories; i++, row++) {
		put_str(b, ws, row, 0, br.categories[i].name, NULL);
		put_num(b, ws, row, 1, (double)br.categories[i].records, b->integer);
		put_num(b, ws, row, 2, (double)br.categories[i].subjects, b->integer);
		put_num(b, ws, row, 3, (double)br.categories[i].files, b->integer);
		put_str(b, ws, row, 4, art_name(br.categories[i].special), b->warn);
	}
	row++;
	put_str(b, ws, row, 0, "Files involved (most findings first)", b->header);
	put_str(b, ws, row, 1, "Findings", b->header);
	put_str(b, ws, row, 2, "Special", b->header);
	row++;
	size_t listed = br.n_files < PII_BREACH_FILES_LISTED ? br.n_files : PII_BREACH_FILES_LISTED;
	for (size_t i = 0; i < listed; i++, row++) {
		put_str(b, ws, row, 0, br.files[i].file->path, NULL);
		put_num(b, ws, row, 1, (double)br.files[i].findings, b->integer);
		put_str(b, ws, row, 2, art_name(br.files[i].special), b->warn);
	}
	if (br.n_files > listed) {
		s.len = 0;
		pii_buf_printf(&s, "... and %zu more files (the inventory lists them all)",
			       br.n_files - listed);
		put_str(b, ws, row++, 0, pii_buf_cstr(&s), NULL);
	}
	pii_buf_free(&s);
	pii_breach_free(&br);
}

/* ---- Changes (--state) ------------------------------------------------------------- */

static void write_changes(struct book *b, const struct pii_inventory *inv)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Changes");
	if (!ws) {
		note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	static const char *const names[] = {"File", "Table / sheet", "Column", "Key", "Part",
					    "Rule", "Change", "Before", "Now", NULL};
	static const double widths[] = {50, 16, 16, 16, 10, 14, 10, 10, 10};
	put_header(b, ws, names, widths);
	static const char *const kinds[] = {"new", "gone", "count"};
	for (size_t i = 0; i < inv->n_changes; i++) {
		const struct pii_inv_change *c = &inv->changes[i];
		lxw_row_t row = (lxw_row_t)i + 1;
		put_str(b, ws, row, 0, c->path, NULL);
		put_str(b, ws, row, 1, c->table, NULL);
		put_str(b, ws, row, 2, c->column, NULL);
		put_str(b, ws, row, 3, c->key, NULL);
		put_str(b, ws, row, 4, c->part, NULL);
		put_str(b, ws, row, 5, c->report, NULL);
		put_str(b, ws, row, 6, kinds[c->kind], NULL);
		put_num(b, ws, row, 7, (double)c->before, b->integer);
		put_num(b, ws, row, 8, (double)c->after, b->integer);
	}
	finish_table(b, ws, 9, inv->n_changes);
}

/* ---- Rules ------------------------------------------------------------------------ */

static void write_rules(struct book *b, const struct pii_inventory *inv)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Rules");
	if (!ws) {
		note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	static const char *const names[] = {
		"Pack", "Rule id", "Reported as", "Name", "Category", "Validator",
		"Mask", "Confidence", "Context words", "Pattern", "Findings",
		"Defined in", NULL,
	};
	static const double widths[] = {8, 16, 14, 34, 14, 12, 10, 11, 40, 60, 10, 30};
	put_header(b, ws, names, widths);
	const struct pii_ruleset *rs = inv->rules;
	struct pii_buf words = {0};
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct pii_rule *r = &rs->rules[i];
		lxw_row_t row = (lxw_row_t)i + 1;
		put_str(b, ws, row, 0, r->pack, NULL);
		put_str(b, ws, row, 1, r->id, NULL);
		put_str(b, ws, row, 2, r->report_as, NULL);
		put_str(b, ws, row, 3, r->name, NULL);
		put_str(b, ws, row, 4, r->category, NULL);
		put_str(b, ws, row, 5, r->validator_name, NULL);
		put_str(b, ws, row, 6, r->mask_name, NULL);
		put_str(b, ws, row, 7,
			r->require_context ? "needs context"
					   : pii_confidence_name(r->confidence),
			NULL);
		words.len = 0;
		for (size_t k = 0; k < r->n_context; k++)
			pii_buf_printf(&words, "%s%s", k ? ", " : "", r->context[k]);
		put_str(b, ws, row, 8, pii_buf_cstr(&words), NULL);
		put_str(b, ws, row, 9, r->pattern, NULL);
		put_num(b, ws, row, 10, (double)inv->findings_per_rule[i], b->integer);
		put_str(b, ws, row, 11, r->source, NULL);
	}
	pii_buf_free(&words);
	finish_table(b, ws, 12, rs->n_rules);
}

static enum pii_status xlsx_commit(const struct pii_inventory *inv, const char *path, FILE *f,
				   char *err, size_t errlen)
{
	lxw_workbook_options options = {.constant_memory = LXW_TRUE};
	struct book b = {0};
	b.wb = workbook_new_opt(path, &options);
	if (!b.wb) {
		snprintf(err, errlen, "cannot create the workbook: %s", strerror(errno ? errno : EIO));
		return PII_EFATAL;
	}
	b.title = workbook_add_format(b.wb);
	format_set_bold(b.title);
	format_set_font_size(b.title, 14);
	b.header = workbook_add_format(b.wb);
	format_set_bold(b.header);
	format_set_bg_color(b.header, 0xDDE7F0);
	format_set_bottom(b.header, LXW_BORDER_THIN);
	b.bold = workbook_add_format(b.wb);
	format_set_bold(b.bold);
	b.date = workbook_add_format(b.wb);
	format_set_num_format(b.date, "yyyy-mm-dd hh:mm:ss");
	format_set_align(b.date, LXW_ALIGN_LEFT);
	b.integer = workbook_add_format(b.wb);
	format_set_num_format(b.integer, "#,##0");
	b.percent = workbook_add_format(b.wb);
	format_set_num_format(b.percent, "0.0%");
	b.warn = workbook_add_format(b.wb);
	format_set_bold(b.warn);
	format_set_font_color(b.warn, LXW_COLOR_RED);

	lxw_doc_properties props = {
		.title = "Inventory of personal data",
		.subject = "piiscan scan results",
		.comments = "Created by piiscan " PII_VERSION,
	};
	note(&b, workbook_set_properties(b.wb, &props));

	if (inv->opt->breach_report) {
		write_breach(&b, inv);
	} else if (inv->opt->data_map_only) {
		write_data_map(&b, inv);
	} else {
		write_summary(&b, inv);
		write_data_map(&b, inv);
		write_inventory(&b, inv);
		write_findings(&b, inv);
		write_errors(&b, inv);
		if (inv->state_path)
			write_changes(&b, inv);
		write_rules(&b, inv);
	}
	pii_buf_free(&b.tmp);

	errno = 0;
	lxw_error close_err = workbook_close(b.wb);
	int close_errno = errno;
	if (b.err == LXW_NO_ERROR)
		b.err = close_err;
	if (b.err != LXW_NO_ERROR) {
		/* A full disk or a size limit shows as a zip error: the system's
		 * own words say more. The temporary name means nothing to a user. */
		if (b.err == LXW_ERROR_ZIP_FILE_OPERATION || close_errno)
			snprintf(err, errlen, "%s", strerror(close_errno ? close_errno : EIO));
		else
			snprintf(err, errlen, "%s", lxw_strerror(b.err));
		return PII_EFATAL;
	}
	return PII_OK;
}

static const char *const extensions[] = {"xlsx", NULL};

const struct pii_writer pii_writer_xlsx = {
	.name = "xlsx",
	.extensions = extensions,
	.lists_findings = true,
	.by_name = true,
	.commit = xlsx_commit,
};
