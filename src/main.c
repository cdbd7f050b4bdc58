/*
 * main.c - piiscan: walk, scan, collect, write.
 */
#include <errno.h>
#include <pthread.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pii_ocr.h"
#include "pii_baseline.h"
#include "pii_collect.h"
#include "pii_extract.h"
#include "pii_failon.h"
#include "pii_fingerprint.h"
#include "pii_options.h"
#include "pii_output.h"
#include "pii_progress.h"
#include "pii_records.h"
#include "pii_settings.h"
#include "pii_rules.h"
#include "pii_scan.h"
#include "pii_limits.h"
#include "pii_log.h"
#include "pii_match.h"
#include "pii_merge.h"
#include "pii_review.h"
#include "pii_roots.h"
#include "pii_rules_select.h"
#include "pii_config.h"
#include "pii_allow.h"
#include "pii_names.h"
#include "pii_state.h"
#include "pii_stop.h"
#include "pii_version.h"
#include "pii_walk.h"
#include "pii_source.h"

/* --fail-on: a finding of a kind it names was counted. */
#define EXIT_FOUND 1
#define EXIT_USAGE 2
/* SIGINT or SIGTERM: the inventory was written, marked incomplete. */
#define EXIT_INTERRUPTED 3
/* Nothing could be read under a PATH given: a job that lost its access
 * must not pass for a clean scan. Not 1: that one the user asks for. */
#define EXIT_NOTHING_READ 4

static int fatal(const char *msg)
{
	pii_log(PII_LOG_ERROR, "error", NULL, "%s", msg);
	return EXIT_USAGE;
}

/* Shipped packs (all, or --packs), then every --rules path. */
static struct pii_ruleset *load_rules(const struct pii_options *opt, char *err,
				      size_t errlen)
{
	struct pii_ruleset *rs = pii_rules_new();
	if (!rs) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	bool want_shipped = !(opt->packs && !*opt->packs);
	if (want_shipped) {
		char *dir = pii_rules_default_dir();
		if (!dir) {
			if (opt->packs || !opt->n_rule_paths) {
				snprintf(err, errlen,
					 "cannot find the shipped rule packs: set "
					 "PIISCAN_RULES_DIR or install piiscan");
				pii_rules_free(rs);
				return NULL;
			}
		} else {
			/* A folder without the core pack (a stray or half-copied
			 * one) would scan for little, and say nothing. */
			if (!opt->packs && !pii_rules_dir_has_pack(dir, "core"))
				pii_log(PII_LOG_WARNING, "rules", NULL,
					"the core rule pack is missing from %s (no core.yaml): "
					"e-mail addresses, phone numbers, IBANs, card numbers and "
					"names are not looked for; set PIISCAN_RULES_DIR to the "
					"shipped rules folder",
					dir);
			if (pii_rules_load_packs(rs, dir, opt->packs, err, errlen) != PII_OK ||
			    !pii_names_load(dir, err, errlen)) {
				free(dir);
				pii_rules_free(rs);
				return NULL;
			}
		}
		free(dir);
	}
	/* A --rules folder may bring name lists too (its names/ folder). */
	for (size_t i = 0; i < opt->n_rule_paths; i++)
		if (pii_rules_load_path(rs, opt->rule_paths[i], err, errlen) != PII_OK ||
		    !pii_names_load(opt->rule_paths[i], err, errlen)) {
			pii_rules_free(rs);
			return NULL;
		}
	/* the configuration's allow: entries after the packs' */
	if ((opt->config && opt->config->allow_line &&
	     pii_rules_load_allow(rs, opt->config_file, err, errlen) != PII_OK) ||
	    pii_rules_check_allow(rs, err, errlen) != PII_OK ||
	    pii_rules_select(rs, opt->enable, opt->disable, err, errlen) != PII_OK ||
	    pii_rules_compile(rs, err, errlen) != PII_OK ||
	    pii_rules_prepare_allow(rs, opt->ignore_case_paths, err, errlen) != PII_OK) {
		pii_rules_free(rs);
		return NULL;
	}
	return rs;
}

/* Every PATH must exist before hours of scanning start: a typo in a
 * scheduled job must fail loudly, not produce an empty inventory. */
static int check_paths(const struct pii_options *opt)
{
	for (size_t i = 0; i < opt->n_paths; i++) {
		struct stat st;
		const struct pii_source *src = pii_source_of(opt->paths[i]);
		char err[600];
		if (src) {
			/* a database or share: reachable, with credentials */
			if (!src->prepare(opt->paths[i], opt, err, sizeof(err)))
				return fatal(err);
			continue;
		}
		if (pii_is_url(opt->paths[i])) {
			/* only its scheme: the rest may hold a password */
			snprintf(err, sizeof(err),
				 "cannot scan a %.*s:// URL: this build reads no such URL (piiscan "
				 "--version lists what it reads)",
				 (int)pii_url_scheme_len(opt->paths[i]), opt->paths[i]);
			return fatal(err);
		}
		if (stat(opt->paths[i], &st) != 0) {
			char msg[512];
			snprintf(msg, sizeof(msg), "cannot scan '%s': %s", opt->paths[i],
				 strerror(errno));
			return fatal(msg);
		}
	}
	return 0;
}

/* --dry-run: the walk alone, each file a scan would read printed on
 * stdout; nothing is opened but folders (and ignore files). */
static int dry_run(const struct pii_options *opt)
{
	struct pii_counters counters = {0};
	struct pii_scan_ctx ctx = {.opt = opt, .counters = &counters};
	static char buf[1 << 16];
	setvbuf(stdout, buf, _IOFBF, sizeof(buf));
	struct pii_walker *w = pii_walker_new_lister(&ctx, stdout);
	enum pii_status st = w ? PII_OK : PII_EFATAL;
	for (size_t i = 0; i < opt->n_paths && st == PII_OK; i++)
		st = pii_walk(w, opt->paths[i]);
	if (st == PII_OK)
		pii_walk_warn_unmatched(opt);
	uint64_t n = w ? pii_walker_listed(w) : 0;
	pii_walker_free(w);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		char msg[300];
		snprintf(msg, sizeof(msg), "--dry-run: standard output: %s", strerror(errno));
		return fatal(msg);
	}
	if (st != PII_OK)
		return fatal("out of memory while walking the folders");
	if (!opt->quiet)
		pii_log(PII_LOG_INFO, "dry_run", NULL, "--dry-run: %llu file%s would be read",
			(unsigned long long)n, pii_plural(n));
	return 0;
}

/* The run in one line, with the same file figures as every report. */
static void print_summary(const struct pii_inventory *inv, const struct pii_options *opt)
{
	struct pii_file_figures f;
	pii_inventory_file_figures(inv, &f);
	char fields[640], read[200];
	snprintf(fields, sizeof(fields),
		 "\"files_seen\":%" PRIu64 ",\"files_read_whole\":%" PRIu64
		 ",\"files_read_in_part\":%" PRIu64 ",\"files_not_read\":%" PRIu64
		 ",\"files_carried\":%" PRIu64 ",\"files_with_findings\":%" PRIu64
		 ",\"bytes_scanned\":%" PRIu64 ",\"seconds\":%.1f,\"findings\":%" PRIu64
		 ",\"findings_not_counted\":%" PRIu64 ",\"complete\":%s",
		 f.seen, f.whole, f.in_part, f.not_read, f.carried, f.with_data, inv->bytes_scanned,
		 inv->duration, inv->findings_total, inv->findings_uncounted,
		 inv->interrupted ? "false" : "true");
	enum pii_lang lang = opt->lang;
	if (f.in_part || f.not_read)
		snprintf(read, sizeof(read), pii_label(lang, PII_L_RUN_READ),
			 (unsigned long long)f.whole, (unsigned long long)f.in_part,
			 (unsigned long long)f.not_read);
	else
		snprintf(read, sizeof(read), "%s", pii_label(lang, PII_L_RUN_ALL_WHOLE));
	struct pii_buf line = {0};
	pii_buf_printf(&line, pii_label_n(lang, PII_L_RUN_FILES, f.seen), (unsigned long long)f.seen);
	pii_buf_printf(&line, pii_label(lang, PII_L_RUN_IN), (double)inv->bytes_scanned / 1e6,
		       inv->duration);
	pii_buf_puts(&line, read);
	pii_buf_printf(&line, pii_label_n(lang, PII_L_RUN_FINDINGS, inv->findings_total),
		       (unsigned long long)inv->findings_total);
	pii_buf_printf(&line, pii_label_n(lang, PII_L_RUN_IN_FILES, f.with_data),
		       (unsigned long long)f.with_data);
	if (inv->findings_uncounted)
		pii_buf_printf(&line, pii_label(lang, PII_L_RUN_UNCOUNTED),
			       (unsigned long long)inv->findings_uncounted);
	if (inv->state_path)
		pii_buf_printf(&line, pii_label(lang, PII_L_RUN_CARRIED),
			       (unsigned long long)f.carried, (unsigned long long)f.seen);
	pii_log(PII_LOG_INFO, "summary", fields, "%s", pii_buf_cstr(&line));
	pii_buf_free(&line);
	for (size_t i = 0; i < opt->n_outputs; i++)
		if (strcmp(opt->outputs[i].path, "-"))
			pii_log(PII_LOG_INFO, "output", NULL, pii_label(lang, PII_L_RUN_WROTE),
				opt->outputs[i].path);
}

struct counting {
	const struct pii_scan_ctx *ctx;
	const struct pii_options *opt;
	pthread_t thread;
};

static void *count_files(void *arg)
{
	struct counting *c = arg;
	struct pii_walker *w = pii_walker_new_counter(c->ctx, &c->ctx->counters->files_counted);
	bool ok = w != NULL;
	for (size_t i = 0; ok && i < c->opt->n_paths && !pii_stop_requested() &&
			   !atomic_load(&c->ctx->counters->walk_done);
	     i++)
		ok = pii_walk(w, c->opt->paths[i]) == PII_OK;
	pii_walker_free(w);
	if (ok && !pii_stop_requested())
		atomic_store(&c->ctx->counters->count_done, true);
	return NULL;
}

/* Says which PATHs nothing could be read under; whether there was one.
 * Not for an interrupted scan: a root it never reached read nothing. */
static bool report_unread_roots(const struct pii_inventory *inv)
{
	size_t at = 0;
	const struct pii_inv_root *r;
	bool any = false;
	while ((r = pii_inventory_unread_root(inv, &at))) {
		pii_log(PII_LOG_ERROR, "nothing_read", NULL, "nothing could be read under '%s': %s",
			r->path, r->why ? r->why : "");
		any = true;
	}
	return any;
}

/* Says which kinds --fail-on names were found; whether there were any. */
static bool report_fail_on(const struct pii_fail_on *fail_on, const struct pii_inventory *inv)
{
	struct pii_buf found = {0};
	bool hit = pii_fail_on_check(fail_on, inv, &found);
	if (hit)
		pii_log(PII_LOG_WARNING, "fail_on", NULL, "--fail-on: found %s",
			found.oom ? "(out of memory)" : pii_buf_cstr(&found));
	pii_buf_free(&found);
	return hit;
}

/* Writes the reports and says how it went; the exit status, the gravest
 * first: 2 (not written), 3 (interrupted), 4 (a PATH read nothing), 1
 * (--fail-on), 0. */
static int commit(struct pii_outputs *outs, const struct pii_inventory *inv,
		  const struct pii_options *opt, const struct pii_fail_on *fail_on)
{
	char err[1024] = "";
	if (pii_outputs_commit(outs, inv, err, sizeof(err)) != PII_OK)
		return err[0] ? fatal(err) : EXIT_USAGE;
	if (!opt->quiet)
		print_summary(inv, opt);
	int rc = report_fail_on(fail_on, inv) ? EXIT_FOUND : 0;
	if (inv->interrupted) {
		pii_log(PII_LOG_WARNING, "interrupted", NULL,
			"interrupted (%s): the inventory is incomplete",
			pii_signal_name(inv->interrupted));
		return EXIT_INTERRUPTED;
	}
	return report_unread_roots(inv) ? EXIT_NOTHING_READ : rc;
}

/* piiscan merge PART...: the parts' records into one inventory. */
static int run_merge(struct pii_options *opt, const struct pii_ruleset *rules,
		     struct pii_outputs *outs, const struct pii_fail_on *fail_on,
		     const struct pii_review *review, const struct pii_baseline *baseline)
{
	/* The collector sees the scan's paths (its data map's systems are
	 * found below them); the parts are read from opt's. */
	struct pii_options scan_opt = *opt;
	struct pii_run_summary first;
	if (pii_merge_first_summary(opt, &first)) {
		scan_opt.paths = (const char **)first.paths;
		scan_opt.n_paths = first.n_paths;
	}
	struct pii_collector *col = pii_collector_start(&scan_opt, rules, outs);
	if (!col) {
		pii_run_summary_free(&first);
		return fatal("out of memory");
	}
	if (review)
		pii_collector_use_review(col, review, pii_options_review_store(opt));
	if (baseline)
		pii_collector_use_baseline(col, baseline, opt->baseline_file);
	char err[1024] = "";
	struct pii_merged m;
	enum pii_status st = pii_merge_parts(opt, rules, col, &m, err, sizeof(err));
	struct pii_inventory *inv = pii_collector_finish(col);
	int rc;
	if (st != PII_OK) {
		rc = fatal(err);
	} else {
		pii_merged_apply(&m, inv);
		if (m.n_parts)
			snprintf(inv->key_id, sizeof(inv->key_id), "%s", m.parts[0].key_id);
		for (size_t i = 0; i < m.n_parts; i++)
			scan_opt.show_values |= m.parts[i].show_values;
		rc = commit(outs, inv, &scan_opt, fail_on);
	}
	pii_inventory_free(inv);
	free(inv);
	pii_merged_free(&m);
	pii_run_summary_free(&first);
	return rc;
}

/* The verdicts this run applies (--review, or --state's), or NULL with
 * *failed false when there is no store. key_id: the run's fingerprint
 * key, or NULL when it is a random one. */
static struct pii_review *load_review(const struct pii_options *opt, const char *key_id,
				      bool *failed)
{
	const char *store = pii_options_review_store(opt);
	*failed = false;
	if (!store)
		return NULL;
	char err[1024] = "";
	struct pii_review *rv = pii_review_load(store, key_id, err, sizeof(err));
	if (!rv) {
		fatal(err);
		*failed = true;
	}
	return rv;
}

/* piiscan review import BOOK.xlsx: its verdicts into the store. */
static int review_import(const struct pii_options *opt, const struct pii_ruleset *rules)
{
	char err[1024] = "";
	struct pii_review_import done;
	const char *store = pii_options_review_store(opt);
	if (pii_review_import(opt->paths[0], store, rules, &done, err, sizeof(err)) != PII_OK)
		return fatal(err);
	if (!opt->quiet) {
		uint64_t kept = 0;
		for (int v = PII_VERDICT_PERSONAL; v < PII_VERDICTS; v++)
			kept += done.by_verdict[v];
		pii_log(PII_LOG_INFO, "review", NULL,
			"%s: %" PRIu64 " rows read, %" PRIu64 " verdicts kept in %s (%" PRIu64
			" not personal data, %" PRIu64 " personal data, %" PRIu64 " accepted, %" PRIu64
			" to delete), %" PRIu64 " taken back, %" PRIu64 " rows without a verdict",
			opt->paths[0], done.rows, kept, store, done.by_verdict[PII_VERDICT_NOT_PERSONAL],
			done.by_verdict[PII_VERDICT_PERSONAL], done.by_verdict[PII_VERDICT_ACCEPTED],
			done.by_verdict[PII_VERDICT_TO_DELETE], done.cleared,
			done.rows - kept - done.cleared);
	}
	return 0;
}

/* The closing record of the JSONL outputs (--records, --shard). */
static void write_summary_record(struct pii_outputs *outs, const struct pii_inventory *inv,
				 const struct pii_options *opt, const struct pii_ruleset *rules,
				 const struct pii_fp_key *key)
{
	struct pii_run_summary s = {.shard_k = opt->shard_k, .shard_n = opt->shard_n};
	pii_rules_hash(rules, s.rules);
	pii_settings_hash(opt, rules, s.settings);
	pii_fp_key_id(key, s.key_id);
	struct pii_buf line = {0};
	if (pii_record_summary(&line, inv, &s) && !line.oom)
		pii_outputs_write_line(outs, line.data, line.len);
	pii_buf_free(&line);
}

/* --export-patterns: the patterns for another engine (the benchmark's
 * ripgrep), without lookaround, each once (email and email_role, ipv4
 * and ipv4_relay read alike without their lookaround). Rules that need
 * a context word or prose are left out: alone their pattern matches far
 * too much (every capitalised word or pair of them, every date); so are
 * those that report nothing (hold: a mistyped IBAN's shape). With
 * vectorscan, widened for Vectorscan's byte mode (the benchmark's raw
 * Vectorscan); a pattern that is not widened is left out. */
static int export_patterns(const struct pii_ruleset *rules, bool vectorscan)
{
	char **printed = calloc(rules->n_rules + 1, sizeof(char *));
	size_t n = 0;
	int rc = 0;
	if (!printed)
		return fatal("out of memory");
	for (size_t i = 0; i < rules->n_rules && !rc; i++) {
		if (rules->rules[i].require_context || rules->rules[i].prose ||
		    rules->rules[i].n_hold)
			continue;
		const char *pattern = rules->rules[i].pattern;
		char *p = vectorscan ? pii_pattern_widen(pattern) : pii_rule_pattern_simplified(pattern);
		if (!p && vectorscan)
			continue;
		if (!p) {
			rc = fatal("out of memory");
			break;
		}
		bool seen = false;
		for (size_t j = 0; j < n && !seen; j++)
			seen = !strcmp(printed[j], p);
		if (seen) {
			free(p);
			continue;
		}
		puts(p);
		printed[n++] = p;
	}
	pii_strv_free(printed, n);
	return rc;
}

int main(int argc, char **argv)
{
	char err[1024] = "";
	struct pii_options opt = {0};
	int rc = EXIT_USAGE;
	struct pii_ruleset *rules = NULL;
	struct pii_outputs outs = {0};
	bool outs_open = false;
	struct pii_fail_on *fail_on = NULL;
	struct pii_review *review_set = NULL;
	struct pii_baseline *baseline = NULL;

	/* piiscan merge PART... [-o OUT]: the parts take the place of paths;
	 * piiscan review import BOOK: the workbook does */
	bool merge = argc > 1 && !strcmp(argv[1], "merge");
	bool review = argc > 1 && !strcmp(argv[1], "review");
	enum pii_parse_result parsed;
	if (merge)
		parsed = pii_options_parse_merge(argc - 1, argv + 1, &opt, err, sizeof(err));
	else if (review && argc > 2 && !strcmp(argv[2], "import"))
		parsed = pii_options_parse_review(argc - 2, argv + 2, &opt, err, sizeof(err));
	else if (review && argc > 2 && (!strcmp(argv[2], "--help") || !strcmp(argv[2], "-h")))
		parsed = pii_options_parse_review(argc - 1, argv + 1, &opt, err, sizeof(err));
	else if (review)
		return fatal("review: usage: piiscan review import REVIEWED.xlsx --state FILE "
			     "(or --review FILE); see piiscan review --help");
	else
		parsed = pii_options_parse(argc, argv, &opt, err, sizeof(err));
	if (merge && parsed == PII_PARSE_RUN) {
		/* the summary shows the command as typed, "merge" and all */
		char *line = pii_join_args(argc, argv);
		if (line) {
			free(opt.command_line);
			opt.command_line = line;
		}
	}
	pii_log_set_format(opt.log_json ? PII_LOG_JSON : PII_LOG_PLAIN);
	switch (parsed) {
	case PII_PARSE_EXIT:
		pii_options_free(&opt);
		return 0;
	case PII_PARSE_ERROR:
		pii_options_free(&opt);
		return fatal(err);
	case PII_PARSE_RUN:
		break;
	}

	double t0 = pii_now_monotonic();
	pii_extractors_init(); /* their libraries, before any thread scans */
	rules = load_rules(&opt, err, sizeof(err));
	if (!rules) {
		rc = fatal(err);
		goto out;
	}
	if (opt.list_rules) {
		rc = pii_rules_list(rules, stdout, opt.list_rules_json) ? 0 : fatal("out of memory");
		goto out;
	}
	if (opt.export_patterns) {
		rc = export_patterns(rules, opt.export_vectorscan);
		goto out;
	}
	if (review) {
		rc = review_import(&opt, rules);
		goto out;
	}
	/* before hours of scanning: a misspelt name is a usage error */
	if (!pii_fail_on_parse(opt.fail_on, rules, &fail_on, err, sizeof(err))) {
		rc = fatal(err);
		goto out;
	}
	/* a run without a key file has a random one: a fingerprint written
	 * down from another run matches nothing, said once */
	const struct pii_allow *fp_entry = pii_allow_first_fingerprint(rules);
	if (!merge && fp_entry && !opt.fingerprint_key_file)
		pii_log(PII_LOG_WARNING, "rules", NULL,
			"%s: allow: fingerprint: matches nothing without --fingerprint-key-file "
			"(each run has a new random key)",
			fp_entry->source);
	for (size_t i = 0; i < opt.n_paths; i++)
		if (pii_url_local_file(opt.paths[i]))
			opt.paths[i] = pii_url_local_file(opt.paths[i]);
	if ((rc = check_paths(&opt)) != 0)
		goto out;
	if (!merge)
		pii_roots_dedupe(&opt);
	if (opt.dry_run && !merge) {
		rc = dry_run(&opt);
		goto out;
	}
	rc = EXIT_USAGE;
	if (merge) {
		bool failed;
		/* the parts' fingerprints are of one key, named in their summaries */
		struct pii_run_summary first;
		bool have = pii_merge_first_summary(&opt, &first);
		const char *key_id = have && *first.key_id ? first.key_id : NULL;
		review_set = load_review(&opt, key_id, &failed);
		if (!failed && opt.baseline_file &&
		    !(baseline = pii_baseline_load(opt.baseline_file, key_id, err, sizeof(err))))
			failed = fatal(err);
		if (have)
			pii_run_summary_free(&first);
		if (failed)
			goto out;
		if (pii_outputs_open(&outs, &opt, err, sizeof(err)) != PII_OK)
			rc = fatal(err);
		else
			rc = run_merge(&opt, rules, &outs, fail_on, review_set, baseline);
		goto out_outputs;
	}

	struct pii_fp_key key;
	if (pii_fp_key_init(&key, opt.fingerprint_key_file, err, sizeof(err)) != PII_OK) {
		rc = fatal(err);
		goto out;
	}
	{
		char key_id[17];
		pii_fp_key_id(&key, key_id);
		bool failed;
		const char *own_key = opt.fingerprint_key_file ? key_id : NULL;
		review_set = load_review(&opt, own_key, &failed);
		if (!failed && opt.baseline_file &&
		    !(baseline = pii_baseline_load(opt.baseline_file, own_key, err, sizeof(err))))
			failed = fatal(err);
		if (failed)
			goto out;
	}
	if (pii_outputs_open(&outs, &opt, err, sizeof(err)) != PII_OK) {
		rc = fatal(err);
		goto out_outputs;
	}
	outs_open = true;

	struct pii_state *state = NULL;
	if (opt.state_file) {
		char settings[17];
		pii_settings_hash(&opt, rules, settings);
		state = pii_state_open(opt.state_file, settings, opt.full, err, sizeof(err));
		if (!state) {
			rc = fatal(err);
			goto out_outputs;
		}
	}

	struct pii_counters counters = {0};
	pii_ocr_run_begin();
	/* Pages in flight, each in a page buffer: enough that the workers
	 * matching pages of one big file still have some queued while its
	 * reader is matching a page itself (2 per worker, and 2 more). */
	struct pii_sched *sched = pii_sched_new(PII_JOB_QUEUE_CAPACITY, 2 * opt.threads + 2,
						PII_PAGE_PREFIX + PII_PAGE_SIZE + PII_PAGE_MARGIN);
	struct pii_collector *col = sched ? pii_collector_start(&opt, rules, &outs) : NULL;
	if (col && review_set)
		pii_collector_use_review(col, review_set, pii_options_review_store(&opt));
	if (col && baseline)
		pii_collector_use_baseline(col, baseline, opt.baseline_file);
	if (col && state && !pii_collector_use_state(col, state)) {
		struct pii_inventory *unused = pii_collector_finish(col);
		pii_inventory_free(unused);
		free(unused);
		col = NULL;
	}
	if (!col) {
		pii_state_close(state);
		pii_sched_free(sched);
		rc = fatal("out of memory");
		goto out_outputs;
	}
	struct pii_scan_ctx ctx = {
		.opt = &opt,
		.rules = rules,
		.fp_key = &key,
		.outputs = &outs,
		.state = state,
		.collector = col,
		.sched = sched,
		.counters = &counters,
	};
	struct pii_workers *workers = pii_workers_start(&ctx, opt.threads, err, sizeof(err));
	/* Progress: a bar on a terminal; in a log, a line every
	 * --progress-interval seconds (none for a short scan). */
	bool tty = isatty(STDERR_FILENO) && !opt.log_json;
	bool progress_on = opt.progress == 1 || (opt.progress < 0 && !opt.quiet);
	struct pii_progress *progress =
		workers && progress_on ? pii_progress_start(&counters, tty, opt.progress_interval)
				       : NULL;
	pii_stop_install();
	if (workers && !opt.quiet) {
		char fields[128];
		snprintf(fields, sizeof(fields), "\"paths\":%zu,\"threads\":%u,\"rules\":%zu",
			 opt.n_paths, opt.threads, rules->n_rules);
		pii_log(PII_LOG_INFO, "start", fields,
			"scanning %zu path%s with %u thread%s and %zu rule%s (version %s)", opt.n_paths,
			pii_plural(opt.n_paths), opt.threads, pii_plural(opt.threads), rules->n_rules,
			pii_plural(rules->n_rules), PII_VERSION);
	}
	/* With progress shown, a second walker counts the files ahead of the
	 * real one (which waits on the workers), for the share done and the
	 * time left. */
	struct counting counting = {.ctx = &ctx, .opt = &opt};
	bool counting_on = progress && pthread_create(&counting.thread, NULL, count_files,
						      &counting) == 0;
	struct pii_walker *walker = workers ? pii_walker_new(&ctx) : NULL;
	enum pii_status walk_st = walker ? PII_OK : PII_EFATAL;
	for (size_t i = 0; i < opt.n_paths && walk_st == PII_OK && !pii_stop_requested(); i++)
		walk_st = pii_walk(walker, opt.paths[i]);
	if (walk_st == PII_OK && !pii_stop_requested())
		pii_walk_warn_unmatched(&opt);
	atomic_store(&counters.walk_done, true);
	pii_walker_free(walker);
	if (counting_on)
		pthread_join(counting.thread, NULL);
	pii_sched_close(sched);
	pii_workers_join(workers);
	pii_progress_stop(progress, opt.progress == 1);
	struct pii_inventory *inv = pii_collector_finish(col);
	pii_sched_free(sched);
	if (!workers) {
		rc = fatal(err);
	} else if (walk_st != PII_OK) {
		rc = fatal("out of memory while walking the folders");
	} else {
		inv->duration = pii_now_monotonic() - t0;
		if (opt.fingerprint_key_file)
			pii_fp_key_id(&key, inv->key_id);
		inv->pattern_limit_hits = atomic_load(&counters.limit_hits);
		inv->interrupted = pii_stop_signal();
		inv->files_dropped = atomic_load(&counters.files_dropped);
		inv->symlinks = atomic_load(&counters.symlinks);
		pii_ocr_totals(&inv->ocr);
		bool state_ok = true;
		if (state) {
			/* the state first: the Changes sheet comes from it */
			inv->state_path = opt.state_file;
			state_ok = pii_state_finish(state, inv, !inv->interrupted, err, sizeof(err)) ==
				   PII_OK;
			if (!state_ok)
				pii_log(PII_LOG_ERROR, "error", NULL, "%s", err);
		}
		if (opt.records)
			write_summary_record(&outs, inv, &opt, rules, &key);
		rc = commit(&outs, inv, &opt, fail_on);
		if (!state_ok && rc != EXIT_INTERRUPTED)
			rc = EXIT_USAGE;
	}
	pii_state_close(state);
	pii_inventory_free(inv);
	free(inv);
out_outputs:
	if (outs_open || outs.v)
		pii_outputs_free(&outs);
out:
	pii_sources_fini(); /* passwords kept for the workers are wiped */
	pii_baseline_free(baseline);
	pii_review_free(review_set);
	pii_fail_on_free(fail_on);
	pii_rules_free(rules);
	pii_options_free(&opt);
	return rc;
}
