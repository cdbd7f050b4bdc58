/*
 * pii_fingerprint.h - keyed fingerprints (HMAC-SHA256) of canonical
 * values: the inventory counts distinct values and spots the same value
 * across files without keeping the value itself.
 */
#ifndef PII_FINGERPRINT_H
#define PII_FINGERPRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pii_util.h"

#define PII_FP_KEY_LEN 32

struct pii_fp_key {
	unsigned char bytes[PII_FP_KEY_LEN];
};

/* Fills key from the first 32 bytes of keyfile, or with random bytes
 * when keyfile is NULL (then fingerprints from different runs cannot be
 * matched). Returns PII_EFATAL with a message in err on failure. */
enum pii_status pii_fp_key_init(struct pii_fp_key *key, const char *keyfile,
				char *err, size_t errlen);

/* Per-thread fingerprinting state. */
struct pii_fp;

/* NULL when out of memory or when libcrypto has no SHA-256. The key is
 * used at creation and not kept. */
struct pii_fp *pii_fp_new(const struct pii_fp_key *key);
void pii_fp_free(struct pii_fp *fp);

/* The first 64 bits of HMAC-SHA256(key, kind "\0" value): kind (the report
 * name) keeps a phone number and a BSN with the same digits apart. */
uint64_t pii_fp_compute(struct pii_fp *fp, const char *kind, const char *value,
			size_t len);

/* HMAC-SHA256(key, a || b) into out; false on a libcrypto error. */
bool pii_fp_hmac(struct pii_fp *fp, const void *a, size_t alen, const void *b,
		 size_t blen, unsigned char out[32]);

/* Names the key without giving it away (16 hex digits): runs with the
 * same id used the same key, and their fingerprints can be compared. */
void pii_fp_key_id(const struct pii_fp_key *key, char out[17]);

#endif
