/*
 * settings.c - what decides a file's findings, hashed (pii_settings.h).
 */
#include "pii_settings.h"
#include "pii_limits.h"

#include <stdio.h>
#include <string.h>
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include "pii_allow.h"
#include "pii_version.h"

static void hash_str(SHA256_CTX *h, const char *s)
{
	SHA256_Update(h, s ? s : "", s ? strlen(s) + 1 : 1);
}

static void hash_u64(SHA256_CTX *h, uint64_t v)
{
	SHA256_Update(h, &v, sizeof(v));
}

static void hash_rules(SHA256_CTX *h, const struct pii_ruleset *rs)
{
	hash_str(h, PII_VERSION);
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct pii_rule *r = &rs->rules[i];
		hash_str(h, r->id);
		hash_str(h, r->report_as);
		hash_str(h, r->name);
		hash_str(h, r->category);
		hash_str(h, r->pattern);
		hash_str(h, r->validator_name);
		hash_str(h, r->mask_name);
		hash_str(h, r->trigger);
		hash_str(h, r->span);
		hash_str(h, r->seed);
		hash_str(h, r->check_name);
		hash_u64(h, r->confidence);
		hash_u64(h, r->require_context);
		hash_u64(h, r->context_window);
		hash_u64(h, r->context_position);
		hash_u64(h, (uint64_t)r->special);
		hash_u64(h, (uint64_t)r->id_copy);
		/* (only where there is one: the hash of other rules stays) */
		for (size_t k = 0; k < r->n_hold; k++)
			hash_str(h, r->hold[k]);
		if (r->n_hold)
			hash_str(h, "|");
		hash_u64(h, r->density);
		hash_u64(h, r->identifies);
		hash_u64(h, r->prose);
		hash_u64(h, r->row_evidence);
		hash_str(h, r->subject_count);
		for (size_t k = 0; k < r->n_context; k++)
			hash_str(h, r->context[k]);
		hash_str(h, "|");
		for (size_t k = 0; k < r->n_anti_context; k++)
			hash_str(h, r->anti_context[k]);
		hash_str(h, "|");
		/* the allow: entries that drop its findings, as resolved;
		 * without any, the hash is what it was before there were */
		for (size_t k = 0; k < r->n_allow; k++)
			hash_u64(h, r->allow[k]);
		if (rs->n_allow)
			hash_str(h, "|");
	}
	/* what each entry lets go (its source and reason do not change it) */
	for (size_t i = 0; i < rs->n_allow; i++) {
		const struct pii_allow *a = &rs->allow[i];
		hash_str(h, "allow");
		hash_str(h, a->value);
		hash_u64(h, a->has_fingerprint);
		hash_u64(h, a->fingerprint);
		for (size_t k = 0; k < a->n_paths; k++)
			hash_str(h, a->paths[k]);
		hash_str(h, "|");
		for (size_t k = 0; k < a->n_rules; k++)
			hash_str(h, a->rules[k]);
		hash_str(h, "|");
	}
}

static void hash_out(SHA256_CTX *h, char out[17])
{
	unsigned char d[32];
	SHA256_Final(d, h);
	for (int i = 0; i < 8; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

void pii_rules_hash(const struct pii_ruleset *rs, char out[17])
{
	SHA256_CTX h;
	SHA256_Init(&h);
	hash_rules(&h, rs);
	hash_out(&h, out);
}

void pii_settings_hash(const struct pii_options *opt, const struct pii_ruleset *rs,
		       char out[17])
{
	SHA256_CTX h;
	SHA256_Init(&h);
	hash_rules(&h, rs);
	/* the limits that change what is read; values shown or masked too.
	 * Not --file-timeout: a file that ran out of time is read again
	 * anyway (pii_file_result.transient). */
	hash_u64(&h, opt->max_filesize);
	hash_u64(&h, opt->max_depth);
	hash_u64(&h, opt->max_expand);
	hash_u64(&h, opt->max_ratio);
	hash_u64(&h, opt->max_members);
	hash_u64(&h, opt->show_values);
	/* a table's sample (only when not the default, so that the states of
	 * runs without databases stay valid) */
	if (opt->sample_rows != PII_SAMPLE_ROWS_DEFAULT)
		hash_u64(&h, opt->sample_rows);
	/* what OCR reads (its budgets not: a file a budget cut short is read
	 * again anyway) */
	hash_u64(&h, opt->ocr);
	/* how allow: path: patterns match, where there are any (so that a
	 * state made without them is not read again for nothing) */
	if (pii_allow_first_path(rs))
		hash_u64(&h, opt->ignore_case_paths);
	hash_out(&h, out);
}

