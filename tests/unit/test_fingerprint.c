/* Fingerprints: real HMAC-SHA256, keyed, and the same for the same value. */
#include "pii_fingerprint.h"
#include "test.h"

void test_fingerprint(void)
{
	/* RFC 4231 test case 2: key "Jefe" (HMAC pads a short key with zeros,
	 * so our 32-byte key "Jefe\\0..." is the same key). */
	struct pii_fp_key key = {{'J', 'e', 'f', 'e'}};
	struct pii_fp *fp = pii_fp_new(&key);
	CHECK(fp != NULL);
	if (!fp)
		return;
	unsigned char out[32];
	const char *data = "what do ya want for nothing?";
	CHECK(pii_fp_hmac(fp, data, 10, data + 10, strlen(data) - 10, out));
	static const unsigned char want[32] = {
		0x5b, 0xdc, 0xc1, 0x46, 0xbf, 0x60, 0x75, 0x4e, 0x6a, 0x04, 0x24,
		0x26, 0x08, 0x95, 0x75, 0xc7, 0x5a, 0x00, 0x3f, 0x08, 0x9d, 0x27,
		0x39, 0x83, 0x9d, 0xec, 0x58, 0xb9, 0x64, 0xec, 0x38, 0x43};
	CHECK(!memcmp(out, want, 32));
	/* Same value, same fingerprint; the kind keeps kinds apart. */
	uint64_t a = pii_fp_compute(fp, "nl_bsn", "111222333", 9);
	CHECK(a == pii_fp_compute(fp, "nl_bsn", "111222333", 9));
	CHECK(a != pii_fp_compute(fp, "phone", "111222333", 9));
	CHECK(a != pii_fp_compute(fp, "nl_bsn", "111222334", 9));
	pii_fp_free(fp);
	/* Another key, another fingerprint. */
	struct pii_fp_key other = {{'K'}};
	fp = pii_fp_new(&other);
	CHECK(fp && a != pii_fp_compute(fp, "nl_bsn", "111222333", 9));
	pii_fp_free(fp);
	/* A random key differs each time. */
	struct pii_fp_key r1, r2;
	char err[128];
	CHECK(pii_fp_key_init(&r1, NULL, err, sizeof(err)) == PII_OK);
	CHECK(pii_fp_key_init(&r2, NULL, err, sizeof(err)) == PII_OK);
	CHECK(memcmp(r1.bytes, r2.bytes, sizeof(r1.bytes)) != 0);
}
