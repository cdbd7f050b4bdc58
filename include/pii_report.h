/*
 * pii_report.h - the writers: they lay out results, they never read input
 * files.
 */
#ifndef PII_REPORT_H
#define PII_REPORT_H

#include <stdio.h>
#include <sys/types.h>

#include "pii_finding.h"
#include "pii_inventory.h"
#include "pii_rules.h"

/* The JSONL writer, with the parts of lines that repeat rendered once.
 * file_ids: every line also names its file's id ("file_id"), for the
 * records piiscan merge and the state read back. NULL when out of
 * memory; rs must outlive it. */
struct pii_jsonl *pii_jsonl_new(const struct pii_ruleset *rs, bool file_ids);
void pii_jsonl_free(struct pii_jsonl *j);
void pii_jsonl_forget(struct pii_jsonl *j);

/* Appends one finding as a JSON object and a newline. Locations are told
 * apart by address: call pii_jsonl_forget before the findings of another
 * batch. */
bool pii_jsonl_format(struct pii_jsonl *j, struct pii_buf *out,
		      const struct pii_finding *f, uint64_t file_id);

/* Writes the inventory rows as CSV (RFC 4180) to f. Returns PII_OK or
 * PII_EFATAL when writing failed (errno is set). */
enum pii_status pii_csv_write(const struct pii_inventory *inv, FILE *f);

/* Writes the workbook (Summary, Inventory, Findings, Errors, Rules) to
 * path. PII_EFATAL with a message in err on failure. */
enum pii_status pii_xlsx_write(const struct pii_inventory *inv, const char *path,
			       char *err, size_t errlen);

/* The breach summary (--breach-report) as text: what was found, per
 * category with records and estimated people, special categories and the
 * files involved, for the notification within 72 hours. */
enum pii_status pii_breach_txt_write(const struct pii_inventory *inv, FILE *f);

/* The user name of uid, or its number; cached, not thread-safe. */
const char *pii_owner_name(uid_t uid);

/* "YYYY-MM-DD HH:MM:SS" (UTC) of t, into out. */
void pii_format_mtime(int64_t t, char *out, size_t outsz);

#endif
