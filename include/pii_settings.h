/*
 * pii_settings.h - what decides a file's findings, as short hashes: runs
 * to be merged, and a file's state to be carried over, need the same.
 */
#ifndef PII_SETTINGS_H
#define PII_SETTINGS_H

#include "pii_options.h"
#include "pii_rules.h"

/* A hash (16 hex digits) of piiscan's version and the rules: merge needs
 * the rules the parts were made with. */
void pii_rules_hash(const struct pii_ruleset *rs, char out[17]);

/* A hash of the above and the limits that change what is read. */
void pii_settings_hash(const struct pii_options *opt, const struct pii_ruleset *rs,
		       char out[17]);

#endif
