/* Validators, table-driven: real values, near misses and reserved ones. */
#include "pii_validate.h"
#include "test.h"

struct vcase {
	const char *validator;
	const char *value;
	bool valid;
	const char *canon; /* expected canonical form when valid */
};

static const struct vcase cases[] = {
	/* Luhn with brand prefix and length */
	{"luhn", "4111111111111111", true, "4111111111111111"},
	{"luhn", "4111 1111 1111 1111", true, "4111111111111111"},
	{"luhn", "4111-1111-1111-1111", true, "4111111111111111"},
	{"luhn", "5500005555555559", true, "5500005555555559"},
	{"luhn", "2221000000000009", true, "2221000000000009"}, /* MC 2-series */
	{"luhn", "378282246310005", true, "378282246310005"},   /* Amex, 15 */
	{"luhn", "6011111111111117", true, "6011111111111117"},
	{"luhn", "3530111333300000", true, "3530111333300000"}, /* JCB */
	{"luhn", "4111111111111112", false, NULL},  /* checksum */
	{"luhn", "378282246310005 ", true, "378282246310005"},
	{"luhn", "3782822463100050", false, NULL},  /* Amex is 15 long */
	{"luhn", "1234567812345670", false, NULL},  /* Luhn ok, no brand */
	{"luhn", "0000000000000000", false, NULL},  /* all the same */
	{"luhn", "411111111111", false, NULL},      /* too short */
	{"luhn", "4111.1111.1111.1111", false, NULL},
	/* IBAN: country length and mod-97 */
	{"iban", "NL91ABNA0417164300", true, "NL91ABNA0417164300"},
	{"iban", "NL91 ABNA 0417 1643 00", true, "NL91ABNA0417164300"},
	{"iban", "nl91abna0417164300", true, "NL91ABNA0417164300"},
	{"iban", "DE89370400440532013000", true, "DE89370400440532013000"},
	{"iban", "GB82WEST12345698765432", true, "GB82WEST12345698765432"},
	{"iban", "BE68539007547034", true, "BE68539007547034"},
	{"iban", "FR1420041010050500013M02606", true, "FR1420041010050500013M02606"},
	{"iban", "NL91ABNA0417164301", false, NULL},   /* checksum */
	{"iban", "NL91ABNA041716430", false, NULL},    /* NL is 18 long */
	{"iban", "DE8937040044053201300", false, NULL},
	{"iban", "XX89370400440532013000", false, NULL},
	{"iban", "NL00ABNA0417164300", false, NULL},  /* check digits 00 */
	/* elfproef */
	{"elfproef", "111222333", true, "111222333"},
	{"elfproef", "123456782", true, "123456782"},
	{"elfproef", "1234.56.782", true, "123456782"},
	{"elfproef", "725 763 863", true, "725763863"},
	{"elfproef", "75627516", true, "075627516"},  /* without leading 0 */
	{"elfproef", "111222334", false, NULL},
	{"elfproef", "000000000", false, NULL},
	{"elfproef", "1112223330", false, NULL},
	{"elfproef", "1234567", false, NULL},
	/* IPv4 */
	{"ipv4", "81.204.13.77", true, "81.204.13.77"},
	{"ipv4", "10.0.0.1", true, "10.0.0.1"},
	{"ipv4", "192.168.1.254", true, "192.168.1.254"},
	{"ipv4", "127.0.0.1", false, NULL},
	{"ipv4", "0.0.0.0", false, NULL},
	{"ipv4", "255.255.255.255", false, NULL},
	{"ipv4", "255.255.255.0", false, NULL},
	{"ipv4", "192.0.2.10", false, NULL},
	{"ipv4", "198.51.100.1", false, NULL},
	{"ipv4", "203.0.113.99", false, NULL},
	{"ipv4", "224.0.0.251", false, NULL},
	{"ipv4", "256.1.1.1", false, NULL},
	{"ipv4", "01.2.3.4", false, NULL},
	{"ipv4", "1.2.3", false, NULL},
	/* IPv6 */
	{"ipv6", "2a02:a45f:1c3e:0:8d1:2f3a:9b4c:1d2e", true, "2a02:a45f:1c3e:0:8d1:2f3a:9b4c:1d2e"},
	{"ipv6", "2A02:A45F:0000:0000:0000:0000:0000:0001", true, "2a02:a45f::1"},
	{"ipv6", "fe80::1c2b:3fff:fe4d:5e6f", true, "fe80::1c2b:3fff:fe4d:5e6f"},
	{"ipv6", "::ffff:81.204.13.77", true, "::ffff:81.204.13.77"},
	{"ipv6", "::1", false, NULL},
	{"ipv6", "::", false, NULL},
	{"ipv6", "2001:db8::1", false, NULL},
	{"ipv6", "ff02::1", false, NULL},
	{"ipv6", "::ffff:127.0.0.1", false, NULL},
	{"ipv6", "a::b", false, NULL},       /* too short to be an address */
	{"ipv6", "12:34:56", false, NULL},
	{"ipv6", "1:2:3:4:5:6:7:8:9", false, NULL},
	/* e-mail */
	{"email", "Jan.DeVries@KPNMail.nl", true, "jan.devries@kpnmail.nl"},
	{"email", "a@b.co", true, "a@b.co"},
	{"email", "info@example.com", false, NULL},
	{"email", "info@sub.example.org", false, NULL},
	{"email", "x@notexample.com", true, "x@notexample.com"},
	{"email", "a@host.test", false, NULL},
	{"email", "a@host.invalid", false, NULL},
	{"email", "a@b.localhost", false, NULL},
	{"email", "logo@2x.png", false, NULL},
	{"email", "a@b.c", false, NULL},
	{"email", "a@b.c0m", false, NULL},
	/* international phone numbers */
	{"phone", "+31 20 123 4567", true, "+31201234567"},
	{"phone", "+31 (0)6 1234 5678", true, "+31612345678"},
	{"phone", "0031 6 12345678", true, "+31612345678"},
	{"phone", "+1 (415) 555-2671", true, "+14155552671"},
	{"phone", "+44 20 7946 0958", true, "+442079460958"},
	{"phone", "+49 30 901820", true, "+4930901820"},
	{"phone", "+1 (015) 555-2671", false, NULL}, /* NANP area code */
	{"phone", "+1 415 555 267", false, NULL},
	{"phone", "+31 800 1234567", false, NULL},   /* NL: national part 10 */
	{"phone", "+31 900 123456", false, NULL},    /* NL service number */
	{"phone", "+0 123 456 789", false, NULL},
	{"phone", "+28 123 456 789", false, NULL},   /* unassigned zone */
	{"phone", "+31 1234", false, NULL},
	{"phone", "020 123 4567", false, NULL},      /* not international */
	/* Dutch phone numbers */
	{"nl_phone", "06-12345678", true, "+31612345678"},
	{"nl_phone", "(020) 123 45 67", true, "+31201234567"},
	{"nl_phone", "+31 6 1234 5678", true, "+31612345678"},
	{"nl_phone", "0031 20 123 4567", true, "+31201234567"},
	{"nl_phone", "+31 (0)20 123 4567", true, "+31201234567"},
	{"nl_phone", "010 - 123 45 67", true, "+31101234567"},
	{"nl_phone", "0800-1234567", false, NULL},
	{"nl_phone", "0900 123 4567", false, NULL},
	{"nl_phone", "0909 123 4567", false, NULL},
	{"nl_phone", "0666666666", false, NULL},
	{"nl_phone", "0012345678", false, NULL},
	{"nl_phone", "+32 2 123 45 67", false, NULL},
	{"nl_phone", "061234567", false, NULL},
	/* Dutch postcodes */
	{"nl_postcode", "1015 CS", true, "1015CS"},
	{"nl_postcode", "3511ab", true, "3511AB"},
	{"nl_postcode", "0123 AB", false, NULL},
	{"nl_postcode", "1234 SS", false, NULL},
	{"nl_postcode", "1234 SA", false, NULL},
	{"nl_postcode", "1234 ABC", false, NULL},
};

void test_validate(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct vcase *c = &cases[i];
		pii_validator_fn fn = pii_validator_find(c->validator);
		CHECK_MSG(fn != NULL, "validator %s exists", c->validator);
		if (!fn)
			continue;
		struct pii_canon canon = {.len = 0};
		bool ok = fn(c->value, strlen(c->value), &canon);
		CHECK_MSG(ok == c->valid, "%s(\"%s\") = %d, want %d", c->validator,
			  c->value, ok, c->valid);
		if (ok && c->valid) {
			char got[sizeof(canon.buf) + 1];
			memcpy(got, canon.buf, canon.len);
			got[canon.len] = '\0';
			CHECK_MSG(!strcmp(got, c->canon), "%s(\"%s\") canonical \"%s\", want \"%s\"",
				  c->validator, c->value, got, c->canon);
		}
	}
	CHECK(pii_validator_find("no_such_validator") == NULL);
	/* A value longer than any buffer is rejected, not overflowed. */
	char longv[400];
	memset(longv, '4', sizeof(longv));
	struct pii_canon canon;
	CHECK(!pii_validator_find("luhn")(longv, sizeof(longv), &canon));
	CHECK(!pii_validator_find("ipv6")(longv, sizeof(longv), &canon));
	CHECK(!pii_validator_find("email")(longv, sizeof(longv), &canon));
	CHECK(!pii_validator_find("iban")(longv, sizeof(longv), &canon));
}
