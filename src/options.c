/*
 * options.c - command-line parsing (getopt_long).
 */
#include "pii_options.h"
#include "pii_source.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pii_completion.h"
#include "pii_config.h"
#include "pii_limits.h"
#include "pii_log.h"
#include "pii_match.h"
#include "pii_register.h"
#include "pii_util.h"
#include "pii_extract.h"
#include "pii_ignore.h"
#include "pii_writer.h"
#include "pii_version.h"

static const char usage_text[] =
"Usage: piiscan [OPTIONS] PATH...\n"
"       piiscan --config piiscan.yaml [OPTIONS] [PATH...]\n"
"Finds personal data (e-mail addresses, phone numbers, IBANs, BSNs, card\n"
"numbers, IP addresses, ...) in files and folders and writes an inventory.\n"
"\n"
"Output:\n"
"  -o, --output FILE        write the report to FILE; repeatable. The format\n"
"                           follows the extension: .xlsx, .jsonl (a finding a\n"
"                           line), .json (one document), .sarif, .csv, .text\n"
"                           (a table to read). Default: inventory.xlsx;\n"
"                           data-map.xlsx with --data-map-only;\n"
"                           breach-DATE.xlsx and .txt with --breach-report.\n"
"                           '-' is standard output: the table on a terminal,\n"
"                           else JSON lines.\n"
"                           strftime fields are filled in with the start time:\n"
"                           inventory-%Y-%m-%d.xlsx\n"
"      --format FMT         format of '-' and of outputs without a known\n"
"                           extension; text: the table (.text), on standard\n"
"                           output when no -o is given\n"
"      --color WHEN         colour in the table: auto (on a terminal, unless\n"
"                           NO_COLOR is set), always or never\n"
"      --show-values        write found values in full (default: masked)\n"
"      --lang LANG          language of the workbook, the breach summary, the\n"
"                           text table and the terminal's summary: en or nl\n"
"                           (default: the locale's, from LC_ALL, LC_MESSAGES\n"
"                           or LANG)\n"
"      --max-findings N     rows in the Findings sheet (default: 100000)\n"
"      --memory SIZE        memory for the inventory's rows (default 128M);\n"
"                           past it they go to a temporary file in TMPDIR,\n"
"                           else /tmp, and are read back from there\n"
"      --min-confidence L   count findings of confidence L and above in the\n"
"                           totals, data map and breach summary: high, medium\n"
"                           (default) or low; the others are listed only\n"
"      --fingerprint-key-file FILE\n"
"                           key for value fingerprints (default: random per run)\n"
"      --records            JSONL outputs also carry a record per file, errors\n"
"                           row and table, and a summary (for piiscan merge)\n"
"\n"
"Review (the Verdict and Note columns of the Inventory sheet):\n"
"      --review FILE        apply the verdicts kept in FILE (by piiscan review\n"
"                           import): rows found not personal data are left out\n"
"                           of every count and listed on the Reviewed sheet;\n"
"                           the others keep their verdict and note, flagged\n"
"                           when changed since. With --state and no --review,\n"
"                           the state file keeps the verdicts\n"
"      --baseline FILE      report only what is new since the run that wrote\n"
"                           FILE: its .jsonl output (by value fingerprint and\n"
"                           location; needs the same --fingerprint-key-file) or\n"
"                           its .xlsx inventory (by location and rule)\n"
"\n"
"What to scan:\n"
"      --exclude GLOB       skip files and folders matching GLOB, a line of a\n"
"                           .gitignore (relative to each PATH); repeatable\n"
"      --ignore-file FILE   skip what the patterns in FILE (.gitignore syntax,\n"
"                           relative to each PATH) match; repeatable. A\n"
"                           .piiscanignore in any scanned folder is read too\n"
"      --ignore-case-paths  --exclude and ignore patterns match letters in any\n"
"                           case (Windows shares)\n"
"      --max-filesize SIZE  skip files larger than SIZE (e.g. 500M, 2G)\n"
"      --dry-run            list the files a scan would read, one a line on\n"
"                           standard output, and read none (the walk alone:\n"
"                           excludes, ignore files, --max-filesize, --shard)\n"
"\n"
"Archives and other containers (a limit reached is listed in the report):\n"
"      --max-depth N        read members up to N containers deep (default 10)\n"
"      --max-expand SIZE    bytes expanded from one file (default 32G)\n"
"      --max-ratio N        expansion ratio taken for a bomb (default 200)\n"
"      --max-members N      members read from one archive (default 100000)\n"
"      --file-timeout SEC   give up a file after SEC seconds (default 600; 0: never)\n"
"      --follow-symlinks    follow symbolic links (default: count them in the\n"
"                           Summary)\n"
"      --list-symlinks      also list each link not followed in the Errors sheet\n"
"      --one-file-system    do not cross into other file systems\n"
"      --shard K/N          scan only the K-th of N parts of the tree (split by a\n"
"                           hash of the path below each PATH); implies --records\n"
"                           and needs --fingerprint-key-file. Then:\n"
"                           piiscan merge PART.jsonl... -o inventory.xlsx\n"
"\n"
"Databases and shares (a PATH may be a URL; no password in it, ever):\n"
"  postgres://USER@HOST[:PORT]/DB (?host=DIR: a socket), mysql://USER@HOST\n"
"  [:PORT][/DB] (mariadb://; ?socket=PATH), sqlite:///PATH,\n"
"  smb://SERVER[:PORT]/SHARE[/FOLDER]. Database passwords come from\n"
"  the client's own places (PGPASSWORD, ~/.pgpass, PGSERVICE; MYSQL_PWD,\n"
"  ~/.my.cnf), from --db-password-file, or are asked for on a terminal\n"
"      --sample-rows N      rows read per table of a live database, drawn from\n"
"                           across the table (default 10000); all: every row\n"
"      --db-password-file [URL=]FILE\n"
"                           the database password (of URL only, when given):\n"
"                           the file's first line; the file must not be\n"
"                           readable by others\n"
"      --smb-auth-file FILE user, password and domain for smb:// paths, in the\n"
"                           format of mount.cifs' credentials= file (default:\n"
"                           Kerberos, else a guest)\n"
"\n"
"Scans and photos (OCR; every image not read is listed with its reason):\n"
"      --ocr MODE           auto: images that look like documents at a first\n"
"                           look, and PDF pages without text (default); all:\n"
"                           every image; off: none (metadata only)\n"
"      --ocr-budget SEC     seconds of OCR for the whole run (default 0: none)\n"
"      --ocr-file-budget SEC\n"
"                           seconds of OCR per file (default 300; 0: none)\n"
"\n"
"Rules:\n"
"      --packs LIST         shipped rule packs to use, e.g. core,nl (default: all)\n"
"      --rules PATH         extra rule file or folder of .yaml files; repeatable\n"
"      --enable LIST        run only the rules LIST names: rule ids, report\n"
"                           names (email, nl_bsn), categories or packs\n"
"      --disable LIST       do not run the rules LIST names (as --enable)\n"
"      --list-rules         list the rules and exit (--format json: as JSON)\n"
"      --export-patterns    print the patterns of the rules that need no context\n"
"                           (--format vectorscan: widened as Vectorscan runs them)\n"
"                           word, without lookaround, one per line (for\n"
"                           grep-like tools, e.g. rg -f), and exit\n"
"\n"
"The GDPR register:\n"
"      --system NAME=GLOB   files whose path matches GLOB (* crosses folders)\n"
"                           are system NAME in the Data map; repeatable. Else a\n"
"                           system is a dump or SQLite file, or the top-level\n"
"                           folder of a PATH\n"
"      --data-map-only      the workbook holds the Data map sheet only\n"
"      --stale-after AGE    personal data older than AGE (5y, 18m, 90d) is a\n"
"                           deletion candidate (default 5y; 0d: none)\n"
"      --contact-list-min N a file or table with N or more distinct e-mail\n"
"                           addresses or phone numbers is a contact list\n"
"                           (default 50; 0: none)\n"
"      --breach-report      the workbook (and a .txt output) is the one-page\n"
"                           summary for a data breach notification\n"
"\n"
"Incremental rescans:\n"
"      --state FILE         keep per file its size, time, inode and findings\n"
"                           (masked) in FILE (SQLite); the next run does not\n"
"                           read unchanged files again, resumes a killed run,\n"
"                           and lists what changed in a Changes sheet\n"
"      --full               with --state: read every file again\n"
"\n"
"Running:\n"
"      --config FILE        read settings from a YAML file (keys: the long\n"
"                           options, paths, and allow: entries); the command\n"
"                           line overrides it\n"
"      --fail-on LIST       exit 1 when a finding of these kinds is counted\n"
"                           (at --min-confidence): categories, rules (see\n"
"                           --list-rules) or any, comma-separated, e.g.\n"
"                           national_id,special_category\n"
"  -j, --threads N          worker threads (default: number of cores)\n"
"  -q, --quiet              no progress line or summary, errors only\n"
"      --progress           progress on stderr, and its final count in a log\n"
"      --no-progress        no progress\n"
"      --progress-interval SEC\n"
"                           seconds between progress lines when stderr is\n"
"                           not a terminal (default 60)\n"
"      --log-format FMT     stderr lines as plain text (default) or json\n"
"  -h, --help               show this help\n"
"  -V, --version            show the version\n"
"\n"
"Exit status: 0 when the scan completed (findings are normal); 1 when it\n"
"counted a finding of a kind --fail-on names; 2 on a usage or fatal error;\n"
"3 when SIGINT or SIGTERM stopped it (the report is written, marked\n"
"INCOMPLETE); 4 when nothing could be read under a PATH (it, or every\n"
"file under it, could not be opened; an empty folder is no error).\n"
"Files that cannot be read are listed in the report; the reports are\n"
"written in every case but 2.\n";

/* piiscan merge --help: what a merge takes of the options above. */
static const char merge_usage_text[] =
"Usage: piiscan merge [OPTIONS] PART.jsonl... [-o OUT]\n"
"Builds one inventory from the parts of a scan split over machines or runs:\n"
"the JSONL outputs of piiscan --shard K/N (every shard once) or of runs with\n"
"--records. The result is the same as one run over the whole tree would give.\n"
"Parts made with other rules, limits or fingerprint keys are refused.\n"
"\n"
"  -o, --output FILE        write the inventory to FILE; repeatable (.xlsx,\n"
"                           .jsonl, .json, .sarif, .csv, .text; default:\n"
"                           inventory.xlsx)\n"
"      --format FMT         format of '-' and of outputs without a known\n"
"                           extension (text: a table to read)\n"
"      --color WHEN         colour in the table: auto, always or never\n"
"      --lang LANG          language of the workbook and the table: en or nl\n"
"      --packs LIST, --rules PATH, --enable LIST, --disable LIST\n"
"                           the rules the parts were scanned with (as given to\n"
"                           the shards)\n"
"      --max-findings N, --memory SIZE, --min-confidence L, --system NAME=GLOB,\n"
"      --stale-after AGE, --contact-list-min N, --data-map-only, --breach-report,\n"
"      --fail-on LIST       as for a scan (piiscan --help); exit status 1 and\n"
"                           4 as for a scan, of the merged inventory\n"
"      --review FILE        apply the verdicts kept in FILE (piiscan review\n"
"                           import), as a scan does\n"
"  -q, --quiet              no summary, errors only\n"
"      --log-format FMT     stderr lines as plain text (default) or json\n"
"  -h, --help               show this help\n"
"\n"
"No --fingerprint-key-file: the parts carry their values' fingerprints, made\n"
"with the one key every shard was given.\n"
"\n"
"Example:\n"
"  piiscan merge part-1.jsonl part-2.jsonl part-3.jsonl -o inventory.xlsx\n";

/* piiscan review import --help */
static const char review_usage_text[] =
"Usage: piiscan review import REVIEWED.xlsx (--state FILE | --review FILE)\n"
"Reads the verdicts and notes given in a piiscan workbook (the Verdict and\n"
"Note columns of its Inventory and Reviewed sheets, edited in Excel or\n"
"LibreOffice) into the state file of the scans, or a review file of their\n"
"own, for every next run given the same --state or --review:\n"
"  not personal data  the row is left out of every count and listed on the\n"
"                     Reviewed sheet (nothing disappears unseen)\n"
"  personal data, accepted, to delete\n"
"                     the row stays, with its verdict and note\n"
"A row whose count changed since its verdict is marked \"changed since\n"
"review\". An emptied Verdict cell takes a verdict back; rows not in the\n"
"workbook keep theirs. Rows are known by location and rule (the hidden Row\n"
"key column). A workbook of another key format, of another fingerprint key\n"
"than the verdicts kept, with a rule not loaded here, or with rows whose\n"
"key no longer fits them, is refused and nothing is written.\n"
"\n"
"      --state FILE         the state file of the scans (--state)\n"
"      --review FILE        a review file of its own (created when missing)\n"
"      --packs LIST, --rules PATH, --enable LIST, --disable LIST, --config FILE\n"
"                           the rules of the scans (as given to them)\n"
"  -h, --help               show this help\n"
"\n"
"Example:\n"
"  piiscan --state share.db /srv/share -o inventory.xlsx\n"
"  (review inventory.xlsx, save it)\n"
"  piiscan review import inventory.xlsx --state share.db\n"
"  piiscan --state share.db /srv/share -o inventory.xlsx\n";

enum {
	OPT_FORMAT = 256,
	OPT_SHOW_VALUES,
	OPT_SAMPLE_ROWS,
	OPT_DB_PASSWORD_FILE,
	OPT_SMB_AUTH_FILE,
	OPT_MAX_FINDINGS,
	OPT_MEMORY,
	OPT_MIN_CONFIDENCE,
	OPT_FP_KEY,
	OPT_EXCLUDE,
	OPT_IGNORE_FILE,
	OPT_IGNORE_CASE_PATHS,
	OPT_MAX_FILESIZE,
	OPT_MAX_DEPTH,
	OPT_MAX_EXPAND,
	OPT_MAX_RATIO,
	OPT_MAX_MEMBERS,
	OPT_FILE_TIMEOUT,
	OPT_OCR,
	OPT_OCR_BUDGET,
	OPT_OCR_FILE_BUDGET,
	OPT_FOLLOW,
	OPT_LIST_SYMLINKS,
	OPT_DRY_RUN,
	OPT_ONE_FS,
	OPT_PACKS,
	OPT_RULES,
	OPT_LIST_RULES,
	OPT_EXPORT_PATTERNS,
	OPT_PROGRESS,
	OPT_NO_PROGRESS,
	OPT_PROGRESS_INTERVAL,
	OPT_LOG_FORMAT,
	OPT_CONFIG,
	OPT_RECORDS,
	OPT_SHARD,
	OPT_STATE,
	OPT_REVIEW,
	OPT_BASELINE,
	OPT_FULL,
	OPT_SYSTEM,
	OPT_DATA_MAP_ONLY,
	OPT_STALE_AFTER,
	OPT_CONTACT_LIST_MIN,
	OPT_BREACH_REPORT,
	OPT_COMPLETION,
	OPT_LANG,
	OPT_FAIL_ON,
	OPT_ENABLE,
	OPT_DISABLE,
	OPT_COLOR,
};

static const struct option long_options[] = {
	{"output", required_argument, NULL, 'o'},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"color", required_argument, NULL, OPT_COLOR},
	{"show-values", no_argument, NULL, OPT_SHOW_VALUES},
	{"sample-rows", required_argument, NULL, OPT_SAMPLE_ROWS},
	{"db-password-file", required_argument, NULL, OPT_DB_PASSWORD_FILE},
	{"smb-auth-file", required_argument, NULL, OPT_SMB_AUTH_FILE},
	{"lang", required_argument, NULL, OPT_LANG},
	{"max-findings", required_argument, NULL, OPT_MAX_FINDINGS},
	{"memory", required_argument, NULL, OPT_MEMORY},
	{"min-confidence", required_argument, NULL, OPT_MIN_CONFIDENCE},
	{"fingerprint-key-file", required_argument, NULL, OPT_FP_KEY},
	{"exclude", required_argument, NULL, OPT_EXCLUDE},
	{"ignore-file", required_argument, NULL, OPT_IGNORE_FILE},
	{"ignore-case-paths", no_argument, NULL, OPT_IGNORE_CASE_PATHS},
	{"max-filesize", required_argument, NULL, OPT_MAX_FILESIZE},
	{"max-depth", required_argument, NULL, OPT_MAX_DEPTH},
	{"max-expand", required_argument, NULL, OPT_MAX_EXPAND},
	{"max-ratio", required_argument, NULL, OPT_MAX_RATIO},
	{"max-members", required_argument, NULL, OPT_MAX_MEMBERS},
	{"file-timeout", required_argument, NULL, OPT_FILE_TIMEOUT},
	{"ocr", required_argument, NULL, OPT_OCR},
	{"ocr-budget", required_argument, NULL, OPT_OCR_BUDGET},
	{"ocr-file-budget", required_argument, NULL, OPT_OCR_FILE_BUDGET},
	{"follow-symlinks", no_argument, NULL, OPT_FOLLOW},
	{"list-symlinks", no_argument, NULL, OPT_LIST_SYMLINKS},
	{"dry-run", no_argument, NULL, OPT_DRY_RUN},
	{"one-file-system", no_argument, NULL, OPT_ONE_FS},
	{"packs", required_argument, NULL, OPT_PACKS},
	{"rules", required_argument, NULL, OPT_RULES},
	{"list-rules", no_argument, NULL, OPT_LIST_RULES},
	{"export-patterns", no_argument, NULL, OPT_EXPORT_PATTERNS},
	{"threads", required_argument, NULL, 'j'},
	{"quiet", no_argument, NULL, 'q'},
	{"progress", no_argument, NULL, OPT_PROGRESS},
	{"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
	{"progress-interval", required_argument, NULL, OPT_PROGRESS_INTERVAL},
	{"log-format", required_argument, NULL, OPT_LOG_FORMAT},
	{"config", required_argument, NULL, OPT_CONFIG},
	{"records", no_argument, NULL, OPT_RECORDS},
	{"shard", required_argument, NULL, OPT_SHARD},
	{"state", required_argument, NULL, OPT_STATE},
	{"review", required_argument, NULL, OPT_REVIEW},
	{"baseline", required_argument, NULL, OPT_BASELINE},
	{"full", no_argument, NULL, OPT_FULL},
	{"system", required_argument, NULL, OPT_SYSTEM},
	{"data-map-only", no_argument, NULL, OPT_DATA_MAP_ONLY},
	{"stale-after", required_argument, NULL, OPT_STALE_AFTER},
	{"contact-list-min", required_argument, NULL, OPT_CONTACT_LIST_MIN},
	{"breach-report", no_argument, NULL, OPT_BREACH_REPORT},
	{"fail-on", required_argument, NULL, OPT_FAIL_ON},
	{"enable", required_argument, NULL, OPT_ENABLE},
	{"disable", required_argument, NULL, OPT_DISABLE},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	/* hidden (not in --help): make install writes the scripts with it */
	{"completion", required_argument, NULL, OPT_COMPLETION},
	{NULL, 0, NULL, 0},
};

/* What the value of an option is, for the shell completions: a file name,
 * or one of the words the parser accepts (tests/e2e/package.sh checks
 * them against its messages). Other options take a value of their own. */
static const struct {
	int val; /* long_options' */
	enum pii_arg arg;
	const char *words; /* NULL: the writers' names (pii_writer_names) */
} option_args[] = {
	{'o', PII_ARG_FILE, NULL},
	{OPT_FP_KEY, PII_ARG_FILE, NULL},
	{OPT_IGNORE_FILE, PII_ARG_FILE, NULL},
	{OPT_RULES, PII_ARG_FILE, NULL},
	{OPT_CONFIG, PII_ARG_FILE, NULL},
	{OPT_STATE, PII_ARG_FILE, NULL},
	{OPT_REVIEW, PII_ARG_FILE, NULL},
	{OPT_BASELINE, PII_ARG_FILE, NULL},
	{OPT_FORMAT, PII_ARG_WORD, NULL},
	{OPT_MIN_CONFIDENCE, PII_ARG_WORD, "high medium low"},
	{OPT_OCR, PII_ARG_WORD, "auto all off"},
	{OPT_LOG_FORMAT, PII_ARG_WORD, "plain json"},
	{OPT_LANG, PII_ARG_WORD, "en nl"},
	{OPT_COLOR, PII_ARG_WORD, "auto always never"},
};

/* piiscan --completion SHELL: the script, from long_options and
 * option_args; "merge" and "review" are main.c's subcommands. false: no such shell. */
static bool print_completion(const char *shell)
{
	struct pii_completion_option opts[sizeof(long_options) / sizeof(long_options[0])];
	size_t n = 0;
	for (const struct option *lo = long_options; lo->name; lo++) {
		if (lo->val == OPT_COMPLETION)
			continue;
		struct pii_completion_option *c = &opts[n++];
		*c = (struct pii_completion_option){
			.name = lo->name,
			.short_name = lo->val < OPT_FORMAT ? lo->val : 0,
			.arg = lo->has_arg == no_argument ? PII_ARG_NONE : PII_ARG_ANY,
		};
		for (size_t i = 0; i < sizeof(option_args) / sizeof(option_args[0]); i++)
			if (option_args[i].val == lo->val) {
				c->arg = option_args[i].arg;
				c->words = option_args[i].words;
				if (c->arg == PII_ARG_WORD && !c->words)
					c->words = pii_writer_names();
			}
	}
	return pii_completion_write(stdout, shell, opts, n, "merge review");
}

static bool option_known(const char *name)
{
	if (!strcmp(name, "completion"))
		return false; /* the command line's alone */
	for (const struct option *o = long_options; o->name; o++)
		if (!strcmp(o->name, name))
			return true;
	return false;
}

static bool push_str(const char ***v, size_t *n, const char *s)
{
	const char **grown = realloc(*v, (*n + 1) * sizeof(char *));
	if (!grown)
		return false;
	grown[(*n)++] = s;
	*v = grown;
	return true;
}

static enum pii_parse_result usage_error(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static enum pii_parse_result usage_error(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return PII_PARSE_ERROR;
}

static bool parse_count(const char *s, uint64_t max, uint64_t *out)
{
	if (!s || !*s || *s == '-')
		return false;
	errno = 0;
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end || v > max)
		return false;
	*out = v;
	return true;
}

/* What is being parsed: a scan's options, or a subcommand's. */
enum command {
	CMD_SCAN,
	CMD_MERGE,  /* piiscan merge: PATHs are its parts */
	CMD_REVIEW, /* piiscan review import: the PATH is the workbook */
};

/* What the passes over the configuration file's arguments and then the
 * command line's gather before the outputs are worked out. */
struct parse {
	struct pii_options *o;
	const char **outputs;
	size_t n_outputs;
	const char *format;
	const struct pii_config_args *config; /* the pass over it, or NULL */
	enum command command;
	/* list options the command line has begun to give: they replace the
	 * configuration's instead of adding to it */
	bool cli_outputs, cli_excludes, cli_ignore_files, cli_rules;
};

/* An --exclude value is one line of an ignore file: one that would be a
 * blank or a comment there is refused, not silently dropped. */
static bool pattern_ok(const char *value)
{
	struct pii_ignore *ig = pii_ignore_new(false);
	bool ok = ig && pii_ignore_add(ig, value, "--exclude") == 1;
	pii_ignore_free(ig);
	return ok;
}

/* The --exclude and --ignore-file patterns, compiled once the command
 * line has had its say over the configuration file's. */
static enum pii_parse_result compile_ignores(struct pii_options *o, char *err, size_t errlen)
{
	o->exclude_rules = pii_ignore_new(o->ignore_case_paths);
	o->ignore_file_rules = pii_ignore_new(o->ignore_case_paths);
	if (!o->exclude_rules || !o->ignore_file_rules)
		return usage_error(err, errlen, "out of memory");
	for (size_t i = 0; i < o->n_excludes; i++)
		if (pii_ignore_add(o->exclude_rules, o->excludes[i], "--exclude") < 0)
			return usage_error(err, errlen, "out of memory");
	for (size_t i = 0; i < o->n_ignore_files; i++)
		if (!pii_ignore_add_file(o->ignore_file_rules, o->ignore_files[i],
					 PII_IGNORE_FILE_MAX))
			return usage_error(err, errlen, "--ignore-file: cannot read '%s': %s",
					   o->ignore_files[i],
					   errno == EFBIG ? "larger than 1 MiB" : strerror(errno));
	return PII_PARSE_RUN;
}

/* Starts a list option's values from the command line afresh. */
static void cli_list(struct parse *ps, bool *started, size_t *n)
{
	if (!ps->config && !*started) {
		*n = 0;
		*started = true;
	}
}

static enum pii_parse_result parse_args(struct parse *ps, int argc, char **argv, char *err,
					size_t errlen)
{
	struct pii_options *o = ps->o;
	enum pii_parse_result res = PII_PARSE_RUN;
	uint64_t v;
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":o:j:qhV", long_options, NULL)) != -1) {
		switch (c) {
		case 'o':
			cli_list(ps, &ps->cli_outputs, &ps->n_outputs);
			if (!push_str(&ps->outputs, &ps->n_outputs, optarg))
				res = usage_error(err, errlen, "out of memory");
			break;
		case OPT_FORMAT:
			ps->format = optarg;
			break;
		case OPT_COLOR:
			if (!strcmp(optarg, "auto"))
				o->color = PII_COLOR_AUTO;
			else if (!strcmp(optarg, "always"))
				o->color = PII_COLOR_ALWAYS;
			else if (!strcmp(optarg, "never"))
				o->color = PII_COLOR_NEVER;
			else
				res = usage_error(err, errlen,
						  "--color: '%s' is not auto, always or never", optarg);
			break;
		case OPT_SHOW_VALUES:
			o->show_values = true;
			break;
		case OPT_SAMPLE_ROWS:
			if (!strcmp(optarg, "all"))
				o->sample_rows = 0;
			else if (!parse_count(optarg, UINT32_MAX, &o->sample_rows) || !o->sample_rows)
				res = usage_error(err, errlen,
						  "--sample-rows: '%s' is not 'all' or a number of rows",
						  optarg);
			break;
		case OPT_DB_PASSWORD_FILE:
			/* URL=FILE: that database's (the configuration's
			 * databases: entries); FILE: any database's */
			if (!pii_is_url(optarg))
				o->db_password_file = optarg;
			else if (!strrchr(optarg, '='))
				res = usage_error(err, errlen,
						  "--db-password-file: '%s' is a URL without its =FILE",
						  optarg);
			else if (!push_str(&o->db_password_files, &o->n_db_password_files, optarg))
				res = usage_error(err, errlen, "out of memory");
			break;
		case OPT_SMB_AUTH_FILE:
			o->smb_auth_file = optarg;
			break;
		case OPT_MAX_FINDINGS:
			if (!parse_count(optarg, PII_XLSX_MAX_ROWS, &o->max_findings))
				res = usage_error(err, errlen,
						  "--max-findings: '%s' is not a number from 0 to %d",
						  optarg, PII_XLSX_MAX_ROWS);
			break;
		case OPT_MEMORY:
			if (!pii_parse_size(optarg, &o->memory) || !o->memory)
				res = usage_error(err, errlen,
						  "--memory: '%s' is not a size such as 128M or 1G",
						  optarg);
			break;
		case OPT_MIN_CONFIDENCE:
			o->min_confidence = pii_confidence_parse(optarg);
			if (o->min_confidence == PII_CONF_NONE)
				res = usage_error(err, errlen,
						  "--min-confidence: '%s' is not high, medium or low",
						  optarg);
			break;
		case OPT_FP_KEY:
			o->fingerprint_key_file = optarg;
			break;
		case OPT_EXCLUDE:
			cli_list(ps, &ps->cli_excludes, &o->n_excludes);
			if (!pattern_ok(optarg))
				res = usage_error(err, errlen,
						  "--exclude: '%s' is a blank or comment line, no pattern "
						  "(a name starting with # is written \\#)", optarg);
			else if (!push_str(&o->excludes, &o->n_excludes, optarg))
				res = usage_error(err, errlen, "out of memory");
			break;
		case OPT_IGNORE_FILE:
			cli_list(ps, &ps->cli_ignore_files, &o->n_ignore_files);
			if (!push_str(&o->ignore_files, &o->n_ignore_files, optarg))
				res = usage_error(err, errlen, "out of memory");
			break;
		case OPT_IGNORE_CASE_PATHS:
			o->ignore_case_paths = true;
			break;
		case OPT_MAX_FILESIZE:
			if (!pii_parse_size(optarg, &o->max_filesize) || !o->max_filesize)
				res = usage_error(err, errlen,
						  "--max-filesize: '%s' is not a size such as 500M or 2G",
						  optarg);
			break;
		case OPT_MAX_DEPTH:
			if (!parse_count(optarg, 1000, &v))
				res = usage_error(err, errlen, "--max-depth: '%s' is not a number from 0 to 1000",
						  optarg);
			else
				o->max_depth = (unsigned)v;
			break;
		case OPT_MAX_EXPAND:
			if (!pii_parse_size(optarg, &o->max_expand) || !o->max_expand)
				res = usage_error(err, errlen,
						  "--max-expand: '%s' is not a size such as 500M or 32G",
						  optarg);
			break;
		case OPT_MAX_RATIO:
			if (!parse_count(optarg, 1000000, &v) || v < 2)
				res = usage_error(err, errlen,
						  "--max-ratio: '%s' is not a number from 2 to 1000000", optarg);
			else
				o->max_ratio = (unsigned)v;
			break;
		case OPT_MAX_MEMBERS:
			if (!parse_count(optarg, UINT64_MAX, &o->max_members) || !o->max_members)
				res = usage_error(err, errlen, "--max-members: '%s' is not a number above 0",
						  optarg);
			break;
		case OPT_FILE_TIMEOUT:
			if (!parse_count(optarg, 1000000, &v))
				res = usage_error(err, errlen,
						  "--file-timeout: '%s' is not a number of seconds (0: none)",
						  optarg);
			else
				o->file_timeout = (unsigned)v;
			break;
		case OPT_OCR:
			if (!strcmp(optarg, "auto"))
				o->ocr = PII_OCR_AUTO;
			else if (!strcmp(optarg, "all"))
				o->ocr = PII_OCR_ALL;
			else if (!strcmp(optarg, "off"))
				o->ocr = PII_OCR_OFF;
			else
				res = usage_error(err, errlen, "--ocr: '%s' is not auto, all or off",
						  optarg);
			break;
		case OPT_OCR_BUDGET:
		case OPT_OCR_FILE_BUDGET:
			if (!parse_count(optarg, 100000000, &v))
				res = usage_error(err, errlen, "--%s: '%s' is not a number of seconds (0: none)",
						  c == OPT_OCR_BUDGET ? "ocr-budget" : "ocr-file-budget",
						  optarg);
			else if (c == OPT_OCR_BUDGET)
				o->ocr_budget = (unsigned)v;
			else
				o->ocr_file_budget = (unsigned)v;
			break;
		case OPT_FOLLOW:
			o->follow_symlinks = true;
			break;
		case OPT_LIST_SYMLINKS:
			o->list_symlinks = true;
			break;
		case OPT_DRY_RUN:
			o->dry_run = true;
			break;
		case OPT_ONE_FS:
			o->one_file_system = true;
			break;
		case OPT_PACKS:
			o->packs = optarg;
			break;
		case OPT_RULES:
			cli_list(ps, &ps->cli_rules, &o->n_rule_paths);
			if (!push_str(&o->rule_paths, &o->n_rule_paths, optarg))
				res = usage_error(err, errlen, "out of memory");
			break;
		case OPT_LIST_RULES:
			o->list_rules = true;
			break;
		case OPT_EXPORT_PATTERNS:
			o->export_patterns = true;
			break;
		case 'j':
			if (!parse_count(optarg, 256, &v) || v == 0)
				res = usage_error(err, errlen,
						  "--threads: '%s' is not a number from 1 to 256",
						  optarg);
			else
				o->threads = (unsigned)v;
			break;
		case 'q':
			o->quiet = true;
			break;
		case OPT_PROGRESS:
			o->progress = 1;
			break;
		case OPT_NO_PROGRESS:
			o->progress = 0;
			break;
		case OPT_PROGRESS_INTERVAL:
			if (!parse_count(optarg, 86400, &v) || v == 0)
				res = usage_error(err, errlen,
						  "--progress-interval: '%s' is not a number of seconds from 1 to 86400",
						  optarg);
			else
				o->progress_interval = (unsigned)v;
			break;
		case OPT_LOG_FORMAT:
			if (!strcmp(optarg, "plain"))
				o->log_json = false;
			else if (!strcmp(optarg, "json"))
				o->log_json = true;
			else
				res = usage_error(err, errlen, "--log-format: '%s' is not plain or json",
						  optarg);
			break;
		case OPT_LANG:
			if (!strcmp(optarg, "en"))
				o->lang = PII_LANG_EN;
			else if (!strcmp(optarg, "nl"))
				o->lang = PII_LANG_NL;
			else
				res = usage_error(err, errlen, "--lang: '%s' is not en or nl", optarg);
			break;
		case OPT_CONFIG:
			break; /* read before this pass */
		case OPT_RECORDS:
			o->records = true;
			break;
		case OPT_STATE:
			o->state_file = optarg;
			break;
		case OPT_REVIEW:
			o->review_file = optarg;
			break;
		case OPT_BASELINE:
			o->baseline_file = optarg;
			break;
		case OPT_FULL:
			o->full = true;
			break;
		case OPT_SYSTEM: {
			const char *eq = strchr(optarg, '=');
			struct pii_system_spec *grown =
				eq && eq != optarg && eq[1]
					? realloc(o->systems, (o->n_systems + 1) * sizeof(*grown))
					: NULL;
			char *name = grown ? strndup(optarg, (size_t)(eq - optarg)) : NULL;
			if (grown)
				o->systems = grown;
			if (!name || !push_str((const char ***)&o->owned, &o->n_owned, name)) {
				free(name);
				res = usage_error(err, errlen, "--system: '%s' is not NAME=GLOB", optarg);
				break;
			}
			o->systems[o->n_systems++] = (struct pii_system_spec){name, eq + 1};
			break;
		}
		case OPT_DATA_MAP_ONLY:
			o->data_map_only = true;
			break;
		case OPT_STALE_AFTER:
			if (!pii_parse_duration(optarg, &o->stale_after))
				res = usage_error(err, errlen,
						  "--stale-after: '%s' is not an age such as 5y, 18m or 90d",
						  optarg);
			break;
		case OPT_CONTACT_LIST_MIN:
			if (!parse_count(optarg, UINT32_MAX, &o->contact_list_min))
				res = usage_error(err, errlen, "--contact-list-min: '%s' is not a number",
						  optarg);
			break;
		case OPT_BREACH_REPORT:
			o->breach_report = true;
			break;
		case OPT_ENABLE:
			o->enable = optarg; /* names checked against the rules (main.c) */
			break;
		case OPT_DISABLE:
			o->disable = optarg;
			break;
		case OPT_FAIL_ON:
			o->fail_on = optarg; /* names checked against the rules (main.c) */
			break;
		case OPT_SHARD: {
			unsigned k, n;
			char end;
			if (sscanf(optarg, "%u/%u%c", &k, &n, &end) != 2 || n < 1 || n > 100000 ||
			    k < 1 || k > n)
				res = usage_error(err, errlen,
						  "--shard: '%s' is not K/N with 1 <= K <= N (e.g. 2/4)",
						  optarg);
			o->shard_k = k;
			o->shard_n = n;
			break;
		}
		case 'h':
			fputs(ps->command == CMD_MERGE	 ? merge_usage_text
			      : ps->command == CMD_REVIEW ? review_usage_text
							  : usage_text,
			      stdout);
			res = PII_PARSE_EXIT;
			break;
		case OPT_COMPLETION:
			res = PII_PARSE_EXIT;
			if (!print_completion(optarg))
				res = usage_error(err, errlen, "--completion: '%s' is not bash or zsh",
						  optarg);
			else if (fflush(stdout) || ferror(stdout))
				res = usage_error(err, errlen, "--completion: cannot write the script");
			break;
		case 'V':
			printf("piiscan %s\n", PII_VERSION);
			pii_extractors_describe(stdout);
			printf("Scans besides paths:\n");
			pii_sources_describe(stdout);
			printf("Prefilter: trigger bytes and context words; %s\n",
			       pii_matcher_prefilter());
			printf("Workbook: zipped at %s\n", pii_xlsx_zip_level());
			res = PII_PARSE_EXIT;
			break;
		case ':':
			res = usage_error(err, errlen, "option '%s' needs a value",
					  argv[optind - 1]);
			break;
		default:
			if (ps->config) {
				/* "--treads=4" back to the key as written */
				const char *key = argv[optind - 1] + 2;
				res = usage_error(err, errlen, "unknown setting '%.*s'",
						  (int)strcspn(key, "="), key);
			} else {
				res = usage_error(err, errlen, "unknown option '%s' (see piiscan --help)",
						  argv[optind - 1]);
			}
			break;
		}
		if (res != PII_PARSE_RUN) {
			if (ps->config && res == PII_PARSE_ERROR) {
				/* the message, as from the file's line */
				char msg[512];
				int at = optind - 1 < ps->config->argc ? optind - 1 : ps->config->argc - 1;
				snprintf(msg, sizeof(msg), "%s", err);
				snprintf(err, errlen, "%s:%d: %s", o->config_file,
					 ps->config->line[at > 0 ? at : 0], msg);
			}
			return res;
		}
	}
	if (optind < argc) {
		o->n_paths = 0; /* the command line's paths replace the file's */
		for (int i = optind; i < argc; i++)
			if (!push_str(&o->paths, &o->n_paths, argv[i]))
				return usage_error(err, errlen, "out of memory");
	}
	return res;
}

/* The value of --config in argv, or NULL. */
static const char *config_option(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "--config") && i + 1 < argc)
			return argv[i + 1];
		if (!strncmp(argv[i], "--config=", 9))
			return argv[i] + 9;
	}
	return NULL;
}

/* path with strftime fields filled in from t ("inventory-%Y-%m-%d.xlsx"),
 * kept in o; NULL when out of memory or the result would be empty. */
static const char *expand_date(struct pii_options *o, const char *path, const struct tm *t)
{
	if (!strchr(path, '%'))
		return path;
	size_t cap = strlen(path) * 4 + 64;
	char *out = malloc(cap);
	if (!out || strftime(out, cap, path, t) == 0 ||
	    !push_str((const char ***)&o->owned, &o->n_owned, out)) {
		free(out);
		return NULL;
	}
	return out;
}

void pii_options_defaults(struct pii_options *o)
{
	*o = (struct pii_options){
		.progress = -1,
		.progress_interval = PII_PROGRESS_LOG_INTERVAL_DEFAULT,
		.max_findings = PII_FINDINGS_ROWS_DEFAULT,
		.memory = PII_MEMORY_DEFAULT,
		.sample_rows = PII_SAMPLE_ROWS_DEFAULT,
		.min_confidence = PII_CONF_MEDIUM,
		.max_depth = PII_MAX_DEPTH_DEFAULT,
		.max_expand = PII_MAX_EXPAND_DEFAULT,
		.max_ratio = PII_MAX_RATIO_DEFAULT,
		.max_members = PII_MAX_MEMBERS_DEFAULT,
		.file_timeout = PII_FILE_TIMEOUT_DEFAULT,
		.ocr_file_budget = PII_OCR_FILE_BUDGET_DEFAULT,
		.stale_after = PII_STALE_AFTER_DEFAULT,
		.contact_list_min = PII_CONTACT_LIST_MIN_DEFAULT,
		.lang = pii_lang_default(),
	};
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	o->threads = cores > 0 ? (unsigned)(cores > 256 ? 256 : cores) : 1;
}

static enum pii_parse_result parse_command(int argc, char **argv, struct pii_options *o,
					   char *err, size_t errlen, enum command command)
{
	struct parse ps = {.o = o, .command = command};
	bool merge = command == CMD_MERGE;
	enum pii_parse_result res = PII_PARSE_RUN;

	pii_options_defaults(o);
	o->command_line = pii_join_args(argc, argv);

	/* The configuration file first, then the command line over it. */
	o->config_file = config_option(argc, argv);
	if (o->config_file) {
		o->config = calloc(1, sizeof(*o->config));
		if (!o->config) {
			res = usage_error(err, errlen, "out of memory");
			goto out;
		}
		o->config->known = option_known;
		if (!pii_config_load(o->config_file, o->config, err, errlen)) {
			res = PII_PARSE_ERROR;
			goto out;
		}
		ps.config = o->config;
		res = parse_args(&ps, o->config->argc, o->config->argv, err, errlen);
		ps.config = NULL;
		if (res != PII_PARSE_RUN)
			goto out;
	}
	res = parse_args(&ps, argc, argv, err, errlen);
	if (res != PII_PARSE_RUN)
		goto out;

	/* --list-rules writes no output: --format says how it prints */
	if (o->list_rules && ps.format) {
		o->list_rules_json = !strcmp(ps.format, "json");
		if (!o->list_rules_json && strcmp(ps.format, "text")) {
			res = usage_error(err, errlen, "--list-rules --format: '%s' is not text or json",
					  ps.format);
			goto out;
		}
		ps.format = NULL;
	}
	/* --export-patterns --format vectorscan: as Vectorscan gets them
	 * (another --format is an output's, as without --export-patterns) */
	if (o->export_patterns && ps.format && !strcmp(ps.format, "vectorscan")) {
		o->export_vectorscan = true;
		ps.format = NULL;
	}
	const struct pii_writer *fmt_override = NULL;
	if (ps.format && !(fmt_override = pii_writer_named(ps.format))) {
		res = usage_error(err, errlen, "--format: '%s' is none of %s", ps.format,
				  pii_writer_names());
		goto out;
	}
	/* Without -o each kind of workbook has its own name: a breach report
	 * or a data map alone never replaces the full inventory of an earlier
	 * run (#17). The breach summary comes as text too, and on the terminal
	 * unless --quiet. */
	bool defaults_ok = true;
	if (ps.n_outputs == 0 && o->breach_report)
		defaults_ok = push_str(&ps.outputs, &ps.n_outputs, "breach-%Y-%m-%d.xlsx") &&
			      push_str(&ps.outputs, &ps.n_outputs, "breach-%Y-%m-%d.txt") &&
			      (o->quiet || push_str(&ps.outputs, &ps.n_outputs, "-"));
	else if (ps.n_outputs == 0 && fmt_override == &pii_writer_text)
		/* the table is to read now: a quick look, no workbook */
		defaults_ok = push_str(&ps.outputs, &ps.n_outputs, "-");
	else if (ps.n_outputs == 0 && o->data_map_only)
		defaults_ok = push_str(&ps.outputs, &ps.n_outputs, "data-map.xlsx");
	else if (ps.n_outputs == 0)
		defaults_ok = push_str(&ps.outputs, &ps.n_outputs, "inventory.xlsx");
	if (!defaults_ok) {
		res = usage_error(err, errlen, "out of memory");
		goto out;
	}
	o->outputs = calloc(ps.n_outputs, sizeof(*o->outputs));
	if (!o->outputs) {
		res = usage_error(err, errlen, "out of memory");
		goto out;
	}
	time_t now = time(NULL);
	struct tm started;
	localtime_r(&now, &started);
	for (size_t i = 0; i < ps.n_outputs; i++) {
		struct pii_output_spec *spec = &o->outputs[i];
		spec->path = expand_date(o, ps.outputs[i], &started);
		if (!spec->path) {
			res = usage_error(err, errlen, "output '%s': cannot fill in its date fields",
					  ps.outputs[i]);
			goto out;
		}
		if (!strcmp(spec->path, "-")) {
			/* Standard output: a breach report's text; the table to
			 * read on a terminal; JSON lines into a pipe or a file,
			 * as before, so that scripts keep what they had, and for
			 * records, which are for a program (merge) in any case. */
			bool tty = isatty(STDOUT_FILENO) && !o->records && !o->shard_n;
			spec->writer = fmt_override	  ? fmt_override
				       : o->breach_report ? &pii_writer_txt
				       : tty		  ? &pii_writer_text
							  : &pii_writer_jsonl;
			if (!spec->writer->to_stdout) {
				res = usage_error(err, errlen,
						  "%s cannot be written to standard output",
						  spec->writer->name);
				goto out;
			}
		} else if (!(spec->writer = pii_writer_for_path(spec->path))) {
			if (!fmt_override) {
				res = usage_error(err, errlen,
						  "cannot tell the format of '%s' from its name: "
						  "use .xlsx, .jsonl, .json, .sarif, .csv or .text, or --format",
						  spec->path);
				goto out;
			}
			spec->writer = fmt_override;
		}
		for (size_t j = 0; j < i; j++)
			if (!strcmp(o->outputs[j].path, spec->path)) {
				res = usage_error(err, errlen, "output '%s' is given twice",
						  spec->path);
				goto out;
			}
	}
	o->n_outputs = ps.n_outputs;

	if (merge && o->n_paths == 0)
		res = usage_error(err, errlen,
				  "merge: no parts given; usage: piiscan merge "
				  "PART.jsonl... [-o OUT] (see piiscan merge --help)");
	else if (command == CMD_REVIEW && o->n_paths != 1)
		res = usage_error(err, errlen, "review import: give one reviewed workbook; usage: "
				  "piiscan review import REVIEWED.xlsx --state FILE");
	else if (command == CMD_REVIEW && !pii_options_review_store(o))
		res = usage_error(err, errlen, "review import: where are the verdicts kept? Give "
				  "the scans' --state FILE, or --review FILE");
	else if (!o->list_rules && !o->export_patterns && o->n_paths == 0)
		res = usage_error(err, errlen, "no PATH to scan (see piiscan --help)");
	if (res == PII_PARSE_RUN && merge && o->shard_n)
		res = usage_error(err, errlen, "merge takes no --shard: it joins them");
	if (o->quiet && o->progress < 0)
		o->progress = 0;
	if (res == PII_PARSE_RUN && command == CMD_SCAN)
		res = compile_ignores(o, err, errlen);
	for (size_t i = 0; res == PII_PARSE_RUN && i < o->n_outputs; i++)
		if (o->outputs[i].writer->breach_only && !o->breach_report)
			res = usage_error(err, errlen,
					  "'%s': a .txt output is the breach summary: add --breach-report",
					  o->outputs[i].path);
	if (res == PII_PARSE_RUN && o->state_file && o->show_values)
		res = usage_error(err, errlen,
				  "--state keeps no values: it cannot be used with --show-values");
	if (res == PII_PARSE_RUN && o->full && !o->state_file)
		res = usage_error(err, errlen, "--full goes with --state");
	if (res == PII_PARSE_RUN && o->shard_n) {
		/* Shards' fingerprints must be comparable to be merged. */
		if (!o->fingerprint_key_file && !o->dry_run)
			res = usage_error(err, errlen,
					  "--shard needs --fingerprint-key-file (the same key on "
					  "every shard), so that the parts can be merged");
		o->records = true;
	}
	if (res == PII_PARSE_RUN && o->records && !o->dry_run) {
		bool jsonl = false;
		for (size_t i = 0; i < o->n_outputs; i++)
			jsonl |= o->outputs[i].writer->streams;
		if (!jsonl)
			res = usage_error(err, errlen,
					  "%s writes its records to a JSONL output: add -o PART.jsonl",
					  o->shard_n ? "--shard" : "--records");
	}
out:
	free(ps.outputs);
	return res;
}

enum pii_parse_result pii_options_parse(int argc, char **argv, struct pii_options *o, char *err,
					size_t errlen)
{
	return parse_command(argc, argv, o, err, errlen, CMD_SCAN);
}

enum pii_parse_result pii_options_parse_merge(int argc, char **argv, struct pii_options *o,
					      char *err, size_t errlen)
{
	return parse_command(argc, argv, o, err, errlen, CMD_MERGE);
}

enum pii_parse_result pii_options_parse_review(int argc, char **argv, struct pii_options *o,
					       char *err, size_t errlen)
{
	return parse_command(argc, argv, o, err, errlen, CMD_REVIEW);
}

void pii_options_free(struct pii_options *o)
{
	for (size_t i = 0; i < o->n_owned; i++)
		free(o->owned[i]);
	free(o->owned);
	if (o->config) {
		pii_config_free(o->config);
		free(o->config);
	}
	free(o->systems);
	free(o->paths);
	free(o->outputs);
	free(o->rule_paths);
	free(o->excludes);
	free(o->db_password_files);
	free(o->ignore_files);
	pii_ignore_free(o->exclude_rules);
	pii_ignore_free(o->ignore_file_rules);
	free(o->command_line);
	memset(o, 0, sizeof(*o));
}
