/*
 * sheet_summary.c - the workbook's Summary sheet: what was scanned, when,
 * how long, totals per category with a chart.
 */
#include "book.h"

#include <inttypes.h>

#include "pii_stop.h"
#include "pii_version.h"

static void write_summary(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	pii_book_note(b, worksheet_set_column(ws, 0, 0, 30, NULL));
	pii_book_note(b, worksheet_set_column(ws, 1, 1, 22, NULL));
	pii_book_note(b, worksheet_set_column(ws, 2, 4, 14, NULL));
	lxw_row_t row = 0;
	pii_book_str(b, ws, row, 0, "piiscan inventory of personal data", b->title);
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
		pii_book_kv_str(b, ws, &row, "Scan", pii_buf_cstr(&s), b->warn);
	} else {
		pii_book_kv_str(b, ws, &row, "Scan", "complete", NULL);
	}
	s.len = 0;
	for (size_t i = 0; i < inv->n_paths; i++)
		pii_buf_printf(&s, "%s%s", i ? ", " : "", inv->paths[i]);
	pii_book_kv_str(b, ws, &row, "Scanned paths", pii_buf_cstr(&s), NULL);
	pii_book_kv_time(b, ws, &row, "Started (UTC)", inv->started);
	pii_book_kv_time(b, ws, &row, "Finished (UTC)", inv->finished);
	pii_book_str(b, ws, row, 0, "Duration (seconds)", b->bold);
	pii_book_num(b, ws, row++, 1, (double)(int64_t)(inv->duration * 1000 + 0.5) / 1000, NULL);
	pii_book_kv_str(b, ws, &row, "Host", inv->host, NULL);
	pii_book_kv_str(b, ws, &row, "User", inv->user, NULL);
	pii_book_kv_str(b, ws, &row, "piiscan version", PII_VERSION, NULL);
	pii_book_kv_str(b, ws, &row, "Command line", inv->opt->command_line, NULL);
	s.len = 0;
	for (size_t i = 0; i < inv->rules->n_packs; i++)
		pii_buf_printf(&s, "%s%s", i ? ", " : "", inv->rules->packs[i]);
	pii_buf_printf(&s, " (%zu rule%s)", inv->rules->n_rules, pii_plural(inv->rules->n_rules));
	pii_book_kv_str(b, ws, &row, "Rule packs", pii_buf_cstr(&s), NULL);
	if (inv->opt->show_values)
		pii_book_kv_str(b, ws, &row, "Values",
		       "SHOWN IN FULL (--show-values): this file holds personal data; "
		       "protect and delete it as such",
		       b->warn);
	else
		pii_book_kv_str(b, ws, &row, "Values", "masked", NULL);
	row++;
	struct pii_file_figures f;
	pii_inventory_file_figures(inv, &f);
	pii_book_kv_num(b, ws, &row, "Files seen", (double)f.seen);
	pii_book_kv_num(b, ws, &row, "Files read whole", (double)f.whole);
	pii_book_kv_num(b, ws, &row, "Files read in part (Errors sheet)", (double)f.in_part);
	pii_book_kv_num(b, ws, &row, "Files not read (Errors sheet)", (double)f.not_read);
	pii_book_kv_num(b, ws, &row, "Symbolic links not followed", (double)inv->symlinks);
	pii_book_kv_num(b, ws, &row, "Files with personal data", (double)f.with_data);
	pii_book_kv_num(b, ws, &row, "Bytes scanned", (double)inv->bytes_scanned);
	pii_book_kv_num(b, ws, &row, "Findings", (double)inv->findings_total);
	static const char *const counted[] = {
		[PII_CONF_LOW] = "all confidence levels (--min-confidence low)",
		[PII_CONF_MEDIUM] = "confidence high and medium (--min-confidence)",
		[PII_CONF_HIGH] = "confidence high only (--min-confidence high)",
	};
	enum pii_confidence min = inv->opt->min_confidence;
	pii_book_kv_str(b, ws, &row, "Counted",
			min >= PII_CONF_LOW && min <= PII_CONF_HIGH ? counted[min] : "", NULL);
	if (min > PII_CONF_LOW)
		pii_book_kv_num(b, ws, &row, "Findings of lower confidence (listed, not counted)",
				(double)inv->findings_uncounted);
	pii_book_kv_num(b, ws, &row, "Locations of high confidence", (double)inv->locations_high);
	uint64_t listed = inv->findings_total + inv->findings_uncounted;
	s.len = 0;
	if (inv->n_findings < listed)
		pii_buf_printf(&s, "first %zu of %" PRIu64
			       " (raise with --max-findings; JSONL output has all)",
			       inv->n_findings, listed);
	else
		pii_buf_printf(&s, "all %" PRIu64, listed);
	pii_book_kv_str(b, ws, &row, "Findings sheet lists", pii_buf_cstr(&s), NULL);
	if (inv->opt->stale_after) {
		char key[96];
		snprintf(key, sizeof(key), "Stale locations (older than %.0f days)",
			 (double)inv->opt->stale_after / 86400);
		pii_book_kv_num(b, ws, &row, key, (double)inv->stale_locations);
		pii_book_kv_num(b, ws, &row, "Stale files (deletion candidates)", (double)inv->stale_files);
		pii_book_kv_num(b, ws, &row, "Stale bytes", (double)inv->stale_bytes);
	}
	if (inv->opt->contact_list_min) {
		pii_book_kv_num(b, ws, &row, "Contact lists", (double)inv->contact_lists);
		if (inv->contact_lists)
			pii_book_kv_num(b, ws, &row, "Largest contact list", (double)inv->largest_contact_list);
	}
	if (inv->state_path) {
		pii_book_kv_str(b, ws, &row, "State file", inv->state_path, NULL);
		pii_book_kv_num(b, ws, &row, "Files read this run", (double)(f.seen - f.carried));
		pii_book_kv_num(b, ws, &row, "Files carried over (unchanged)", (double)f.carried);
		s.len = 0;
		if (inv->interrupted)
			pii_buf_puts(&s, "not compared: the scan is incomplete");
		else if (!inv->changes_compared)
			pii_buf_puts(&s, "none: the first complete run with this state file");
		else
			pii_buf_printf(&s, "%zu (Changes sheet)", inv->n_changes);
		pii_book_kv_str(b, ws, &row, "Changes since the previous run", pii_buf_cstr(&s), NULL);
	}
	if (inv->problems_dropped)
		pii_book_kv_num(b, ws, &row, "Errors not listed (sheet full)",
		       (double)inv->problems_dropped);
	if (inv->pattern_limit_hits)
		pii_book_kv_num(b, ws, &row, "Pattern work limit reached", (double)inv->pattern_limit_hits);
	const struct pii_ocr_totals *ocr = &inv->ocr;
	if (ocr->images || ocr->pages || ocr->skipped_off || ocr->skipped_missing) {
		/* what this run read by OCR (a run with --state reads only what
		 * changed); the time apart, as it varies from run to run */
		s.len = 0;
		pii_buf_printf(&s, "%" PRIu64 " page%s read (%s); %" PRIu64
			       " identity document zone%s; %" PRIu64 " image%s looked at",
			       ocr->pages, ocr->pages == 1 ? "" : "s",
			       inv->opt->ocr == PII_OCR_ALL ? "--ocr all"
			       : inv->opt->ocr == PII_OCR_OFF ? "--ocr off" : "--ocr auto",
			       ocr->id_documents, ocr->id_documents == 1 ? "" : "s", ocr->images,
			       ocr->images == 1 ? "" : "s");
		pii_book_kv_str(b, ws, &row, "OCR", pii_buf_cstr(&s), NULL);
		pii_book_str(b, ws, row, 0, "OCR time (seconds, all threads)", b->bold);
		pii_book_num(b, ws, row++, 1, (double)ocr->milliseconds / 1000.0, NULL);
		s.len = 0;
		const struct {
			uint64_t n;
			const char *why;
		} left[] = {
			{ocr->skipped_no_text, "no text at a first look"},
			{ocr->skipped_budget, "OCR budget spent"},
			{ocr->skipped_off, "--ocr off"},
			{ocr->skipped_large, "too large"},
			{ocr->skipped_missing, "OCR not installed"},
			{ocr->unreadable, "unreadable"},
		};
		for (size_t i = 0; i < sizeof(left) / sizeof(left[0]); i++)
			if (left[i].n)
				pii_buf_printf(&s, "%s%" PRIu64 " %s", s.len ? ", " : "", left[i].n,
					       left[i].why);
		if (s.len)
			pii_book_kv_str(b, ws, &row, "Images and pages not read by OCR (Errors sheet)",
					pii_buf_cstr(&s), b->warn);
	}
	row++;

	static const char *const cat_header[] = {"Category", "Findings", "Locations",
						 "Files", "Distinct values", "Special", NULL};
	lxw_row_t table_row = row;
	for (lxw_col_t c = 0; cat_header[c]; c++)
		pii_book_str(b, ws, row, c, cat_header[c], b->header);
	row++;
	size_t order[inv->n_categories ? inv->n_categories : 1];
	pii_book_sort_categories(inv, order);
	for (size_t i = 0; i < inv->n_categories; i++) {
		const struct pii_inv_category *c = &inv->categories[order[i]];
		pii_book_str(b, ws, row, 0, c->name, NULL);
		pii_book_num(b, ws, row, 1, (double)c->findings, b->integer);
		pii_book_num(b, ws, row, 2, (double)c->locations, b->integer);
		pii_book_num(b, ws, row, 3, (double)c->files, b->integer);
		pii_book_num(b, ws, row, 4, (double)pii_distinct_count_of(&c->distinct, c->findings),
			     pii_distinct_is_estimate(&c->distinct) ? b->about : b->integer);
		int special = pii_category_special(inv->rules, c->name);
		pii_book_str(b, ws, row, 5, pii_special_name(special), b->warn);
		row++;
	}
	pii_buf_free(&s);

	if (inv->n_categories) {
		lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_BAR);
		if (!chart) {
			pii_book_note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
		chart_series_set_categories(series, "Summary", table_row + 1, 0,
					    table_row + (lxw_row_t)inv->n_categories, 0);
		chart_series_set_values(series, "Summary", table_row + 1, 1,
					table_row + (lxw_row_t)inv->n_categories, 1);
		/* each bar labelled with its count: a special category's few
		 * findings are a sliver beside hundreds of contact details, but
		 * stand first (the table's order) and say their number */
		chart_series_set_labels(series);
		chart_title_set_name(chart, "Findings per category");
		chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
		/* Bars are drawn bottom-up: the categories reversed so the
		 * biggest is on top. In a bar chart the categories are the
		 * y axis (libxlsxwriter, as Excel): reversing x_axis turned the
		 * values round, the bars growing right to left. */
		chart_axis_set_reverse(chart->y_axis);
		pii_book_note(b, worksheet_insert_chart(ws, 2, 6, chart));
	}
}

const struct pii_sheet pii_sheet_summary = {
	.name = "Summary",
	.wanted = pii_sheet_full_book,
	.write = write_summary,
};
