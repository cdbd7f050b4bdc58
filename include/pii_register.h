/*
 * pii_register.h - the inventory as a privacy officer uses it for the
 * GDPR (AVG) register: systems for the data map (Art. 30) with their
 * categories, special categories (Art. 9, 10) and estimated number of
 * people; locations older than --stale-after as deletion candidates; files
 * and tables that are contact lists (many distinct e-mail addresses or
 * phone numbers: the bought or exported marketing list).
 */
#ifndef PII_REGISTER_H
#define PII_REGISTER_H

#include "pii_finding.h"
#include "pii_inventory.h"
#include "pii_options.h"

/* The system the file at path (a display path: the part before the first
 * "!" is the file on disk) belongs to, added to inv when new; -1 when out
 * of memory. */
int pii_system_of(struct pii_inventory *inv, const struct pii_options *opt, const char *path);

/* Counts the n rows of one file (sorted in the inventory's order, all
 * of the file's rows) into the data map as the file is kept: marks the
 * deletion candidates (older than --stale-after at inv->now) and the
 * contact lists, and adds the rows to their system's totals. */
void pii_register_file(struct pii_inventory *inv, struct pii_inv_row *rows, size_t n);

/* An estimate of the people in a system: the most distinct values of any
 * one kind that counts people (subject_count: in the packs; someone with
 * an e-mail and a phone counts once), never more than its findings. */
uint64_t pii_system_subjects(const struct pii_inventory *inv, const struct pii_inv_system *s);

/* "5y", "18m", "90d", "2w": a duration in seconds; false when not one. */
bool pii_parse_duration(const char *s, int64_t *seconds);

#endif
