/*
 * sheet_summary.c - the workbook's Summary sheet: what was scanned, when,
 * how long, totals per category with a chart.
 */
#include "book.h"

#include <inttypes.h>

#include "pii_allow.h"
#include "pii_stop.h"
#include "pii_version.h"

/* A line for each sheet split past the row limit (sheet_inventory.c):
 * "Inventory sheet split | over 3 sheets, Inventory to Inventory (3)
 * (at most 1048575 rows a sheet)". */
static void split_lines(struct book *b, lxw_worksheet *ws, lxw_row_t *row,
			const struct pii_inventory *inv, struct pii_buf *s)
{
	const struct {
		enum pii_label_id sheet;
		size_t rows;
	} tables[] = {{PII_L_SHEET_INVENTORY, inv->n_rows}, {PII_L_SHEET_REVIEWED, inv->n_reviewed}};
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		size_t parts = pii_book_sheet_parts(tables[i].rows);
		if (parts < 2)
			continue;
		char last[64], key[96];
		pii_book_part_name(b, tables[i].sheet, parts - 1, last, sizeof(last));
		snprintf(key, sizeof(key), L(SUM_SPLIT), pii_label(b->lang, tables[i].sheet));
		s->len = 0;
		pii_buf_printf(s, L(SUM_SPLIT_OVER), (unsigned long long)parts,
			       pii_label(b->lang, tables[i].sheet), last,
			       (unsigned long long)(pii_book_sheet_rows() - 1));
		pii_book_kv_str(b, ws, row, key, pii_buf_cstr(s), b->warn);
	}
}

static void write_summary(struct book *b, lxw_worksheet *ws, const struct pii_inventory *inv)
{
	pii_book_min_width(b, 0, 30);
	pii_book_min_width(b, 1, 22);
	for (lxw_col_t c = 2; c <= 5; c++)
		pii_book_min_width(b, c, 12);
	lxw_row_t row = 0;
	pii_book_str(b, ws, row, 0, L(SUM_TITLE), b->title);
	row += 2;

	struct pii_buf s = {0};
	if (inv->interrupted) {
		pii_buf_printf(&s, L(SUM_INCOMPLETE), pii_signal_name(inv->interrupted));
		if (inv->files_dropped)
			pii_buf_printf(&s, pii_label_n(b->lang, PII_L_SUM_DROPPED, inv->files_dropped),
				       (unsigned long long)inv->files_dropped);
		pii_buf_puts(&s, L(SUM_MISSING));
		pii_book_kv_str(b, ws, &row, L(SUM_SCAN), pii_buf_cstr(&s), b->warn);
	} else {
		pii_book_kv_str(b, ws, &row, L(SUM_SCAN), L(SUM_COMPLETE), NULL);
	}
	s.len = 0;
	for (size_t i = 0; i < inv->n_paths; i++)
		pii_buf_printf(&s, "%s%s", i ? ", " : "", inv->paths[i]);
	pii_book_kv_str(b, ws, &row, L(SUM_PATHS), pii_buf_cstr(&s), NULL);
	pii_book_kv_time(b, ws, &row, L(SUM_STARTED), inv->started);
	pii_book_kv_time(b, ws, &row, L(SUM_FINISHED), inv->finished);
	pii_book_str(b, ws, row, 0, L(SUM_DURATION), b->bold);
	pii_book_num(b, ws, row++, 1, (double)(int64_t)(inv->duration * 1000 + 0.5) / 1000, NULL);
	pii_book_kv_str(b, ws, &row, L(SUM_HOST), inv->host, NULL);
	pii_book_kv_str(b, ws, &row, L(SUM_USER), inv->user, NULL);
	pii_book_kv_str(b, ws, &row, L(SUM_VERSION), PII_VERSION, NULL);
	pii_book_kv_str(b, ws, &row, L(SUM_COMMAND), inv->opt->command_line, NULL);
	s.len = 0;
	for (size_t i = 0; i < inv->rules->n_packs; i++)
		pii_buf_printf(&s, "%s%s", i ? ", " : "", inv->rules->packs[i]);
	pii_buf_printf(&s, pii_label_n(b->lang, PII_L_SUM_RULES, inv->rules->n_rules),
		       (unsigned long long)inv->rules->n_rules);
	pii_book_kv_str(b, ws, &row, L(SUM_PACKS), pii_buf_cstr(&s), NULL);
	if (inv->opt->show_values)
		pii_book_kv_str(b, ws, &row, L(SUM_VALUES), L(SUM_SHOWN), b->warn);
	else
		pii_book_kv_str(b, ws, &row, L(SUM_VALUES), L(SUM_MASKED), NULL);
	row++;
	struct pii_file_figures f;
	pii_inventory_file_figures(inv, &f);
	pii_book_kv_num(b, ws, &row, L(SUM_FILES_SEEN), (double)f.seen);
	pii_book_kv_num(b, ws, &row, L(SUM_FILES_WHOLE), (double)f.whole);
	pii_book_kv_num(b, ws, &row, L(SUM_FILES_PART), (double)f.in_part);
	pii_book_kv_num(b, ws, &row, L(SUM_FILES_NOT_READ), (double)f.not_read);
	pii_book_kv_num(b, ws, &row, L(SUM_SYMLINKS), (double)inv->symlinks);
	pii_book_kv_num(b, ws, &row, L(SUM_FILES_WITH_DATA), (double)f.with_data);
	pii_book_kv_num(b, ws, &row, L(SUM_BYTES), (double)inv->bytes_scanned);
	pii_book_kv_num(b, ws, &row, L(SUM_FINDINGS), (double)inv->findings_total);
	enum pii_confidence min = inv->opt->min_confidence;
	pii_book_kv_str(b, ws, &row, L(SUM_COUNTED),
			min == PII_CONF_LOW    ? L(SUM_COUNTED_LOW)
			: min == PII_CONF_HIGH ? L(SUM_COUNTED_HIGH)
					       : L(SUM_COUNTED_MEDIUM),
			NULL);
	if (min > PII_CONF_LOW)
		pii_book_kv_num(b, ws, &row, L(SUM_UNCOUNTED), (double)inv->findings_uncounted);
	if (inv->rules->n_allow) {
		/* what was let go, by which entry: never the values */
		pii_book_kv_num(b, ws, &row, L(SUM_ALLOWED), (double)inv->findings_allowed);
		for (size_t i = 0; i < inv->rules->n_allow; i++) {
			const struct pii_allow *a = &inv->rules->allow[i];
			struct pii_buf by = {0}, key = {0};
			pii_buf_puts(&by, pii_allow_source_name(a));
			if (a->reason)
				pii_buf_printf(&by, ": %s", a->reason);
			pii_buf_printf(&key, L(SUM_ALLOWED_BY), pii_buf_cstr(&by));
			pii_book_kv_num(b, ws, &row, pii_buf_cstr(&key), (double)inv->allowed_per_entry[i]);
			pii_buf_free(&by);
			pii_buf_free(&key);
		}
	}
	pii_book_kv_num(b, ws, &row, L(SUM_LOCATIONS_HIGH), (double)inv->locations_high);
	uint64_t listed = inv->findings_total + inv->findings_uncounted;
	s.len = 0;
	if (inv->n_findings < listed)
		pii_buf_printf(&s, L(SUM_LISTS_FIRST), (unsigned long long)inv->n_findings,
			       (unsigned long long)listed);
	else
		pii_buf_printf(&s, L(SUM_LISTS_ALL), (unsigned long long)listed);
	pii_book_kv_str(b, ws, &row, L(SUM_LISTS), pii_buf_cstr(&s), NULL);
	split_lines(b, ws, &row, inv, &s);
	if (inv->opt->stale_after) {
		char age[48], key[160];
		pii_label_age(b->lang, inv->opt->stale_after, age, sizeof(age));
		snprintf(key, sizeof(key), L(SUM_STALE_LOCATIONS), age);
		pii_book_kv_num(b, ws, &row, key, (double)inv->stale_locations);
		pii_book_kv_num(b, ws, &row, L(SUM_STALE_FILES), (double)inv->stale_files);
		pii_book_kv_num(b, ws, &row, L(SUM_STALE_BYTES), (double)inv->stale_bytes);
	}
	if (inv->opt->contact_list_min) {
		pii_book_kv_num(b, ws, &row, L(SUM_CONTACT_LISTS), (double)inv->contact_lists);
		if (inv->contact_lists)
			pii_book_kv_num(b, ws, &row, L(SUM_LARGEST_LIST),
					(double)inv->largest_contact_list);
	}
	if (inv->state_path) {
		pii_book_kv_str(b, ws, &row, L(SUM_STATE_FILE), inv->state_path, NULL);
		pii_book_kv_num(b, ws, &row, L(SUM_READ_THIS_RUN), (double)(f.seen - f.carried));
		pii_book_kv_num(b, ws, &row, L(SUM_CARRIED), (double)f.carried);
		s.len = 0;
		if (inv->interrupted)
			pii_buf_puts(&s, L(SUM_CHANGES_INCOMPLETE));
		else if (!inv->changes_compared)
			pii_buf_puts(&s, L(SUM_CHANGES_FIRST));
		else
			pii_buf_printf(&s, L(SUM_CHANGES_N), (unsigned long long)inv->n_changes);
		pii_book_kv_str(b, ws, &row, L(SUM_CHANGES), pii_buf_cstr(&s), NULL);
	}
	if (inv->review_path) {
		pii_book_kv_str(b, ws, &row, L(SUM_REVIEW_FILE), inv->review_path, NULL);
		pii_book_kv_num(b, ws, &row, L(SUM_REVIEWED), (double)inv->rows_with_verdict);
		pii_book_kv_num(b, ws, &row, L(SUM_REVIEW_OPEN), (double)inv->rows_open);
		pii_book_kv_num(b, ws, &row, L(SUM_REVIEW_CHANGED), (double)inv->rows_changed);
		s.len = 0;
		pii_buf_printf(&s, L(SUM_REVIEW_OUT_N), (unsigned long long)inv->n_reviewed,
			       (unsigned long long)inv->findings_reviewed);
		pii_book_kv_str(b, ws, &row, L(SUM_REVIEW_OUT), pii_buf_cstr(&s), NULL);
	}
	if (inv->baseline_path) {
		pii_book_kv_str(b, ws, &row, L(SUM_BASELINE), inv->baseline_path, NULL);
		pii_book_kv_num(b, ws, &row, L(SUM_BASELINE_KNOWN),
				(double)inv->findings_in_baseline);
	}
	if (inv->problems_dropped)
		pii_book_kv_num(b, ws, &row, L(SUM_ERRORS_DROPPED), (double)inv->problems_dropped);
	if (inv->pattern_limit_hits)
		pii_book_kv_num(b, ws, &row, L(SUM_PATTERN_LIMIT), (double)inv->pattern_limit_hits);
	const struct pii_ocr_totals *ocr = &inv->ocr;
	if (ocr->images || ocr->pages || ocr->skipped_off || ocr->skipped_missing) {
		/* what this run read by OCR (a run with --state reads only what
		 * changed); the time apart, as it varies from run to run */
		s.len = 0;
		pii_buf_printf(&s, pii_label_n(b->lang, PII_L_SUM_OCR_PAGES, ocr->pages),
			       (unsigned long long)ocr->pages);
		pii_buf_printf(&s, " (%s); ", inv->opt->ocr == PII_OCR_ALL   ? "--ocr all"
					     : inv->opt->ocr == PII_OCR_OFF ? "--ocr off"
									    : "--ocr auto");
		pii_buf_printf(&s, pii_label_n(b->lang, PII_L_SUM_OCR_ZONES, ocr->id_documents),
			       (unsigned long long)ocr->id_documents);
		pii_buf_puts(&s, "; ");
		pii_buf_printf(&s, pii_label_n(b->lang, PII_L_SUM_OCR_IMAGES, ocr->images),
			       (unsigned long long)ocr->images);
		pii_book_kv_str(b, ws, &row, L(SUM_OCR), pii_buf_cstr(&s), NULL);
		pii_book_str(b, ws, row, 0, L(SUM_OCR_TIME), b->bold);
		pii_book_num(b, ws, row++, 1, (double)ocr->milliseconds / 1000.0, NULL);
		s.len = 0;
		const struct {
			uint64_t n;
			enum pii_label_id why;
		} left[] = {
			{ocr->skipped_no_text, PII_L_OCR_NO_TEXT}, {ocr->skipped_budget, PII_L_OCR_BUDGET},
			{ocr->skipped_off, PII_L_OCR_OFF},	   {ocr->skipped_large, PII_L_OCR_LARGE},
			{ocr->skipped_missing, PII_L_OCR_MISSING}, {ocr->unreadable, PII_L_OCR_UNREADABLE},
		};
		for (size_t i = 0; i < sizeof(left) / sizeof(left[0]); i++)
			if (left[i].n)
				pii_buf_printf(&s, "%s%" PRIu64 " %s", s.len ? ", " : "", left[i].n,
					       pii_label(b->lang, left[i].why));
		if (s.len)
			pii_book_kv_str(b, ws, &row, L(SUM_OCR_LEFT), pii_buf_cstr(&s), b->warn);
	}
	row++;

	static const enum pii_label_id cat_header[] = {
		PII_L_COL_CATEGORY, PII_L_COL_FINDINGS,	       PII_L_COL_LOCATIONS,
		PII_L_COL_FILES,    PII_L_COL_DISTINCT_VALUES, PII_L_COL_SPECIAL,
	};
	lxw_row_t table_row = row;
	for (lxw_col_t c = 0; c < sizeof(cat_header) / sizeof(cat_header[0]); c++)
		pii_book_str(b, ws, row, c, pii_label(b->lang, cat_header[c]), b->header);
	row++;
	size_t order[inv->n_categories ? inv->n_categories : 1];
	pii_book_sort_categories(inv, order);
	for (size_t i = 0; i < inv->n_categories; i++) {
		const struct pii_inv_category *c = &inv->categories[order[i]];
		pii_book_str(b, ws, row, 0, pii_label_category(b->lang, c->name), NULL);
		pii_book_num(b, ws, row, 1, (double)c->findings, b->integer);
		pii_book_num(b, ws, row, 2, (double)c->locations, b->integer);
		pii_book_num(b, ws, row, 3, (double)c->files, b->integer);
		pii_book_num(b, ws, row, 4, (double)pii_distinct_count_of(&c->distinct, c->findings),
			     pii_distinct_is_estimate(&c->distinct) ? b->about : b->integer);
		int special = pii_category_special(inv->rules, c->name);
		pii_book_str(b, ws, row, 5, pii_label_special(b->lang, special), b->warn);
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
		const char *sheet = L(SHEET_SUMMARY);
		chart_series_set_categories(series, sheet, table_row + 1, 0,
					    table_row + (lxw_row_t)inv->n_categories, 0);
		chart_series_set_values(series, sheet, table_row + 1, 1,
					table_row + (lxw_row_t)inv->n_categories, 1);
		/* each bar labelled with its count: a special category's few
		 * findings are a sliver beside hundreds of contact details, but
		 * stand first (the table's order) and say their number */
		chart_series_set_labels(series);
		chart_title_set_name(chart, L(SUM_CHART));
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
	.name = PII_L_SHEET_SUMMARY,
	.wanted = pii_sheet_full_book,
	.write = write_summary,
};
