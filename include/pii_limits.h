/*
 * pii_limits.h - every size, count and ratio limit of the scanner, in one
 * place, each with the reason for its value.
 */
#ifndef PII_LIMITS_H
#define PII_LIMITS_H

#include <stdbool.h>
#include <stdint.h>

#include "pii_finding.h"
#include "pii_input.h"

/* An ignore file (.piiscanignore, --ignore-file) is read whole and kept
 * while its folder is walked: 1 MiB is tens of thousands of patterns,
 * more than any hand-written one, and bounds what a folder can cost. */
#define PII_IGNORE_FILE_MAX ((size_t)1 << 20)

/* Text is matched one page at a time. 1 MiB amortises the per-page work
 * (prefilter set-up, line counting) while N workers with a few buffers each
 * stay far below the 100 MB resident-memory budget. */
#define PII_PAGE_SIZE ((size_t)1 << 20)

/* Bytes after the page that are visible to the matcher, so that a value
 * starting in the page but crossing its end is still seen whole. No shipped
 * rule matches more than ~320 bytes (an e-mail address is at most 254);
 * 4 KiB leaves room for user rules. Longer matches may be cut at an edge. */
#define PII_PAGE_MARGIN ((size_t)4096)

/* Bytes before the page kept from the previous one, for lookbehind
 * assertions and context words that sit just before a match. */
#define PII_PAGE_PREFIX ((size_t)256)

/* Raw bytes read from a file per read(2): large enough for sequential
 * throughput on network shares, small next to the page. */
#define PII_READ_CHUNK ((size_t)256 << 10)

/* Bytes looked at to decide a file's type and encoding: an ISO 9660
 * image says so at byte 32769, libmagic needs a few KiB for most other
 * formats, the text heuristics less. */
#define PII_SNIFF_SIZE ((size_t)40 << 10)

/* Files waiting between the walker and the workers. Bounds memory on a
 * tree of any size while keeping every worker busy. */
#define PII_JOB_QUEUE_CAPACITY 1024

/* Messages (finding batches, file results, errors) waiting for the
 * collector. Producers block when it is full: back-pressure, not growth.
 * A batch of a dense table holds up to PII_BATCH_FINDINGS findings: 256
 * of them waiting took peak RSS past 100 MB on a 1 GB NDJSON at -j 2;
 * 64 keep it near 50 MB, as fast (the collector is the bottleneck then). */
#define PII_MSG_QUEUE_CAPACITY 64

/* Findings a worker collects before it hands them to the collector, so
 * that a file with millions of findings never piles them up in memory. */
#define PII_BATCH_FINDINGS 1024

/* Bytes on each side of a match searched for context words ("BSN:",
 * "IBAN", "tel."). About one line of text: further away, a word says
 * little about this value. */
#define PII_CONTEXT_WINDOW 64

/* Bytes on each side of a match searched for words that say it is not
 * personal data ("ordernummer", "version"). They name the value itself,
 * so they stand right next to it; further away they are about something
 * else ("MIME-Version: 1.0" above a Received line with an IP address). */
#define PII_ANTI_CONTEXT_WINDOW 24

/* PCRE2 work limits: no input may make a pattern run away. The match
 * limit caps backtracking steps per match attempt; the depth limit caps
 * nested backtracking memory (interpreter only); the JIT stack caps the
 * JIT's equivalent. Normal PII patterns need a tiny fraction of these. */
#define PII_PCRE2_MATCH_LIMIT 100000u
#define PII_PCRE2_DEPTH_LIMIT 5000u
#define PII_JIT_STACK_START ((size_t)32 << 10)
#define PII_JIT_STACK_MAX ((size_t)512 << 10)

/* Longest canonical form of a value kept for fingerprinting. Longer than
 * any shipped rule's match; a longer value is fingerprinted on its prefix. */
#define PII_CANON_MAX 320

/* Longest value (masked or not) copied into a report. */
#define PII_VALUE_MAX 320

/* Printable runs shorter than this are not taken from binary files.
 * strings(1) uses 4; every value we look for is longer than 5, and 6
 * cuts most of the noise in executables. */
#define PII_STRINGS_MIN 6

/* A printable run in a binary file is cut into segments of this size. */
#define PII_STRINGS_MAX ((size_t)64 << 10)

/* Distinct values per inventory row are counted exactly up to this many,
 * then estimated with HyperLogLog (1.6% error) so memory stays bounded
 * for a column with millions of values. */
#define PII_DISTINCT_EXACT_MAX 4096

/* Rows in the Findings sheet unless --max-findings says otherwise. Enough
 * to give evidence for every location in a typical audit; the JSONL output
 * always has every finding. */
#define PII_FINDINGS_ROWS_DEFAULT 100000

/* Memory for the inventory's rows (--memory): past it they are sorted
 * and written to a temporary file, and merged when read. 128 MiB holds
 * some 400,000 rows; the rest of a run takes well under 100 MB, so the
 * whole stays under 300 MB for any number of locations. */
#define PII_MEMORY_DEFAULT ((uint64_t)128 << 20)

/* Rows read per table of a live database (--sample-rows), as pdscan
 * does: a kind of personal data in one row of 2,000 is seen in such a
 * sample with 99.3% certainty (1 - (1 - 1/2000)^10000), and a table of
 * millions of rows is read in seconds, not hours. */
#define PII_SAMPLE_ROWS_DEFAULT 10000

/* A worksheet holds at most 1,048,576 rows; one is the header. */
#define PII_XLSX_MAX_ROWS 1048575

/* Characters per xlsx cell allowed by Excel. */
#define PII_XLSX_MAX_CELL 32767

/* ---- containers (archives, compressed files, documents, mail) ---- */

/* Containers inside containers opened at most this deep (the file on disk
 * is level 0). Real nesting stops at three or four (a mail with a zip
 * with a docx); ten leaves room and stops a 100-deep nesting bomb. */
#define PII_MAX_DEPTH_DEFAULT 10

/* Bytes expanded from one file on disk, all levels together. At the
 * scanner's ~200 MB/s this caps one archive at about three minutes,
 * while any real document collection fits. --max-expand */
#define PII_MAX_EXPAND_DEFAULT ((uint64_t)32 << 30)

/* Expansion ratio (bytes out of an archive / bytes read into it) past
 * which it is a bomb. Documents compress 2-20 times, repetitive logs up
 * to ~100; beyond 200 it is a file of zeros or an attack. --max-ratio */
#define PII_MAX_RATIO_DEFAULT 200

/* The ratio is only judged once this much came out: a small file of
 * zeros compresses 1000 times and is harmless. */
#define PII_RATIO_MIN_BYTES ((uint64_t)16 << 20)

/* Members read from one archive. A large project tarball holds tens of
 * thousands; a million empty members is an attack on the scanner's time.
 * --max-members */
#define PII_MAX_MEMBERS_DEFAULT 100000

/* A document that must be read twice (an xlsx, whose shared strings come
 * after the sheets) and sits inside another container is held in memory
 * up to this size; a larger one is scanned as plain XML text. */
#define PII_DOC_MEMORY_MAX ((size_t)256 << 20)

/* ---- tables (CSV, SQL dumps, JSON, SQLite) ---- */

/* A cell is matched as one short text up to this size; a longer one (a
 * note, a document in a blob) is paged like a file, so no cell is ever
 * held whole. */
#define PII_CELL_MAX ((size_t)64 << 10)

/* Columns of a table that get their own name; past this they are named
 * by number. Wider tables are rare (Excel stops at 16384). */
#define PII_COLUMNS_MAX 16384

/* Longest column name or JSON key kept; longer ones are cut. */
#define PII_NAME_MAX 256

/* A content line of a vCard or iCalendar file (unfolded) is kept up to
 * this many bytes; the rest of a longer one is skipped, and reported
 * when it was text, not a photo. 1 MiB holds any note or address people
 * write and most photos, and bounds memory whatever the input: a file of
 * one line of gigabytes costs 1 MiB. */
#define PII_CONTENTLINE_MAX ((size_t)1 << 20)

/* Seconds one file on disk (all its members together) may take before it
 * is given up with an errors row, so that one pathological file cannot
 * hold a scheduled scan hostage. At ~130 MB/s per core ten minutes is a
 * file of ~75 GB. --file-timeout */
#define PII_FILE_TIMEOUT_DEFAULT 600

/* OCR (pii_ocr.h). Seconds of OCR one file may take, over all its pages
 * and members: a page takes about a second, so five minutes is a
 * scanned document of a few hundred pages. --ocr-file-budget */
#define PII_OCR_FILE_BUDGET_DEFAULT 300

/* Pixels of an image (of one page) that are decoded for OCR: a decoded
 * pixel takes 4 bytes, so 40 megapixels (A4 at 600 ppi is 35) cost 160 MB
 * per worker. A 30000 x 30000 image that compresses to a few KB is a
 * decompression bomb: its header is read, its pixels never. A larger JPEG
 * is decoded at a half, a quarter or an eighth of its size instead. */
#define PII_OCR_MAX_PIXELS ((uint64_t)40 << 20)

/* Pages of one image file (a multi-page TIFF) looked at: a fax archive
 * has hundreds; more are listed, not read. */
#define PII_OCR_MAX_PAGES 2000

/* The first look (--ocr auto) takes an image for a document when this
 * many character-shaped marks stand in lines, and this percentage of its
 * marks (pii_ocr_engine.h). Measured on the generated scans and photos: a
 * letter has 650 to 1500 in lines, 24 to 85% of its marks; an ID card or
 * passport page 170 to 400, 70% and more; photos of 1 to 12 megapixels 0
 * to 13, 2% at most (the grain of a 12-megapixel photo lines up 13). */
#define PII_OCR_LOOK_MIN_LETTERS 20
#define PII_OCR_LOOK_MIN_SHARE 10

/* Resolution a PDF page without text is rendered at for OCR: tesseract
 * reads best at 300 ppi, and an A4 page is then 2480 x 3508 pixels. */
#define PII_OCR_PDF_PPI 300

/* Below this word confidence (0-100) the OCR engine was unsure of a word:
 * a value read from it is at most of medium confidence. tesseract gives
 * clean print 90 and above; at 60 a word has about one character wrong
 * in four (measured on the fixtures, bench/RESULTS.md). */
#define PII_OCR_DOUBTFUL_CONFIDENCE 60.0f

/* Seconds a PDF may take in pdftotext before it is stopped. */
#define PII_PDF_TIMEOUT_SEC 60

/* Interval between progress-line updates on a terminal: smooth enough to
 * look alive, rare enough to cost nothing. */
#define PII_PROGRESS_INTERVAL_MS 250

/* Seconds between progress lines when stderr is a log, not a terminal
 * (--progress-interval): a long scan leaves a trace without flooding the
 * log. */
#define PII_PROGRESS_LOG_INTERVAL_DEFAULT 60

/* Personal data older than this is a deletion candidate (--stale-after):
 * five years, a common retention period for business records. */
#define PII_STALE_AFTER_DEFAULT ((int64_t)(5 * 365.25 * 86400))

/* Distinct e-mail addresses or phone numbers that make a file or table a
 * contact list (--contact-list-min). */
#define PII_CONTACT_LIST_MIN_DEFAULT 50

/* A special-category rule's findings held per file until it is known
 * whether they count; past this many they count anyway. */
#define PII_SPECIAL_HELD_MAX 4096

/* A file's records kept in the state (--state) at most: a file with more
 * findings than fit is read again on the next run. */
#define PII_STATE_RECORDS_MAX (4u << 20)

/* ---- the door: every member of every container passes here ---- */

/* Why a limit stopped the members of a container: an Errors row on the
 * container's path, unless silent (the file on disk's own outcome says
 * it: its time is up, or the scan was interrupted). */
struct pii_limit_hit {
	const char *code;             /* PII_CODE_LIMIT_..., PII_CODE_TIMEOUT */
	enum pii_file_status status;
	bool silent;
	char why[256];
};

/* Admits one more member of `container`, as ClamAV's cli_checklimits at
 * every layer: its depth (--max-depth), the container's members
 * (--max-members), the file's time and the expansion already spent.
 * Every kind of container is charged here: archives, mail attachments,
 * Outlook items, embedded documents. false, with hit filled, when the
 * member may not be read (nor any later one). */
bool pii_limits_admit(struct pii_input *container, struct pii_limit_hit *hit);

/* Charges n bytes that came out of container's members: the file on
 * disk's --max-expand and the container's --max-ratio (out against the
 * bytes read in). Returns how many of them may be used: n, or fewer once
 * a limit is reached (then hit is filled). */
uint64_t pii_limits_charge(struct pii_input *container, uint64_t n,
			   struct pii_limit_hit *hit);

#endif
