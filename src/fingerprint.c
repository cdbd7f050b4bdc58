/*
 * fingerprint.c - HMAC-SHA256 of found values (OpenSSL SHA-256).
 */
#include "pii_fingerprint.h"

#include <errno.h>
/* SHA256_Init and friends: deprecated, not removed, in OpenSSL 3. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
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

/* HMAC-SHA256 (RFC 2104) with the hashes of the padded key computed
 * once. One runs per finding, so it must be cheap: OpenSSL's SHA256_*
 * functions (deprecated in 3.0 in favour of EVP, but kept through 3.x)
 * hash a short value with the CPU's SHA instructions in a fraction of
 * what the EVP layer spends on dispatch for each call. */
struct pii_fp {
	SHA256_CTX inner; /* after (key ^ ipad) */
	SHA256_CTX outer; /* after (key ^ opad) */
};

struct pii_fp *pii_fp_new(const struct pii_fp_key *key)
{
	struct pii_fp *fp = calloc(1, sizeof(*fp));
	if (!fp)
		return NULL;
	unsigned char ipad[64], opad[64];
	for (size_t i = 0; i < 64; i++) {
		unsigned char k = i < sizeof(key->bytes) ? key->bytes[i] : 0;
		ipad[i] = k ^ 0x36;
		opad[i] = k ^ 0x5c;
	}
	if (!SHA256_Init(&fp->inner) || !SHA256_Update(&fp->inner, ipad, sizeof(ipad)) ||
	    !SHA256_Init(&fp->outer) || !SHA256_Update(&fp->outer, opad, sizeof(opad))) {
		free(fp);
		return NULL;
	}
	return fp;
}

void pii_fp_free(struct pii_fp *fp)
{
	free(fp);
}

bool pii_fp_hmac(struct pii_fp *fp, const void *a, size_t alen, const void *b,
		 size_t blen, unsigned char out[32])
{
	unsigned char h[32];
	SHA256_CTX c = fp->inner;
	if (!SHA256_Update(&c, a, alen) || !SHA256_Update(&c, b, blen) || !SHA256_Final(h, &c))
		return false;
	c = fp->outer;
	return SHA256_Update(&c, h, sizeof(h)) && SHA256_Final(out, &c);
}

uint64_t pii_fp_compute(struct pii_fp *fp, const char *kind, const char *value,
			size_t len)
{
	unsigned char out[32];
	if (!pii_fp_hmac(fp, kind, strlen(kind) + 1, value, len, out))
		return 0;
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | out[i];
	return v;
}

void pii_fp_key_id(const struct pii_fp_key *key, char out[17])
{
	struct pii_fp *fp = pii_fp_new(key);
	uint64_t id = fp ? pii_fp_compute(fp, "piiscan key id", "", 0) : 0;
	pii_fp_free(fp);
	snprintf(out, 17, "%016llx", (unsigned long long)id);
}
