/*
 * fingerprint.c - HMAC-SHA256 with OpenSSL's EVP_MAC.
 */
#include "pii_fingerprint.h"

#include <errno.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum pii_status pii_fp_key_init(struct pii_fp_key *key, const char *keyfile,
				char *err, size_t errlen)
{
	if (!keyfile) {
		if (RAND_bytes(key->bytes, sizeof(key->bytes)) != 1) {
			snprintf(err, errlen, "cannot get random bytes for the fingerprint key");
			return PII_EFATAL;
		}
		return PII_OK;
	}
	FILE *f = fopen(keyfile, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: %s", keyfile, strerror(errno));
		return PII_EFATAL;
	}
	size_t n = fread(key->bytes, 1, sizeof(key->bytes), f);
	fclose(f);
	if (n < 16) {
		snprintf(err, errlen, "%s: a fingerprint key needs at least 16 bytes", keyfile);
		return PII_EFATAL;
	}
	/* A shorter key is used as is: HMAC pads it. */
	if (n < sizeof(key->bytes))
		memset(key->bytes + n, 0, sizeof(key->bytes) - n);
	return PII_OK;
}

struct pii_fp {
	EVP_MAC *mac;
	EVP_MAC_CTX *ctx;
};

struct pii_fp *pii_fp_new(const struct pii_fp_key *key)
{
	struct pii_fp *fp = calloc(1, sizeof(*fp));
	if (!fp)
		return NULL;
	fp->mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
	fp->ctx = fp->mac ? EVP_MAC_CTX_new(fp->mac) : NULL;
	OSSL_PARAM params[] = {
		OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, "SHA256", 0),
		OSSL_PARAM_construct_end(),
	};
	if (!fp->ctx || !EVP_MAC_init(fp->ctx, key->bytes, sizeof(key->bytes), params)) {
		pii_fp_free(fp);
		return NULL;
	}
	return fp;
}

void pii_fp_free(struct pii_fp *fp)
{
	if (!fp)
		return;
	EVP_MAC_CTX_free(fp->ctx);
	EVP_MAC_free(fp->mac);
	free(fp);
}

uint64_t pii_fp_compute(struct pii_fp *fp, const char *kind, const char *value,
			size_t len)
{
	unsigned char out[32];
	size_t outlen = 0;
	/* NULL key: the key given at creation is used again. */
	if (!EVP_MAC_init(fp->ctx, NULL, 0, NULL) ||
	    !EVP_MAC_update(fp->ctx, (const unsigned char *)kind, strlen(kind) + 1) ||
	    !EVP_MAC_update(fp->ctx, (const unsigned char *)value, len) ||
	    !EVP_MAC_final(fp->ctx, out, &outlen, sizeof(out)))
		return 0;
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | out[i];
	return v;
}
