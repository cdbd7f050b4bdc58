/*
 * validate.c - the validators rule packs refer to by name.
 *
 * Each one confirms what a regex cannot: a checksum (Luhn, mod-97,
 * elfproef), a range (IPv4 octets), a reserved value that is not personal
 * data (documentation networks, example.com), and produces the canonical
 * form the fingerprint is computed over.
 */
#include "pii_validate.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "pii_mrz.h"
#include "pii_names.h"
#include "validators.h"

/* ---- IBAN: country length and mod-97 ---------------------------------- */

/* The IBAN of each country of the SWIFT IBAN registry: the structure of
 * its BBAN (the part after the check digits) as the registry writes it,
 * without the '!' (4n: four digits, 4a: four capitals, 4c: four of
 * either), the IBAN four longer. From python-stdnum 1.18's iban.dat (the
 * registry's text file), plus the countries the registry added since:
 * FK, MN, NI, OM, SO and YE (releases 2021-2024: 18, 20, 28, 23, 23 and
 * 30 long) and HN (release 99, 2025: 4a20n, 28). BL, GF, GP, MF, MQ, NC,
 * PF, PM, RE, TF, WF and YT: France's overseas departments and
 * territories, whose accounts the registry lists under FR; some write
 * them with their own code and France's structure. */
static const struct iban_format {
	char cc[3];
	const char *bban;
} iban_formats[] = {
	{"AD", "4n4n12c"}, {"AE", "3n16n"}, {"AL", "8n16c"}, {"AT", "5n11n"},
	{"AZ", "4a20c"}, {"BA", "3n3n8n2n"}, {"BE", "3n7n2n"},
	{"BG", "4a4n2n8c"}, {"BH", "4a14c"}, {"BI", "5n5n11n2n"},
	{"BL", "5n5n11c2n"}, {"BR", "8n5n10n1a1c"}, {"BY", "4c4n16c"},
	{"CH", "5n12c"}, {"CR", "4n14n"}, {"CY", "3n5n16c"}, {"CZ", "4n6n10n"},
	{"DE", "8n10n"}, {"DJ", "5n5n11n2n"}, {"DK", "4n9n1n"},
	{"DO", "4c20n"}, {"EE", "2n2n11n1n"}, {"EG", "4n4n17n"},
	{"ES", "4n4n1n1n10n"}, {"FI", "3n11n"}, {"FK", "2a12n"},
	{"FO", "4n9n1n"}, {"FR", "5n5n11c2n"}, {"GB", "4a6n8n"},
	{"GE", "2a16n"}, {"GF", "5n5n11c2n"}, {"GI", "4a15c"},
	{"GL", "4n9n1n"}, {"GP", "5n5n11c2n"}, {"GR", "3n4n16c"},
	{"GT", "4c20c"}, {"HN", "4a20n"}, {"HR", "7n10n"},
	{"HU", "3n4n1n15n1n"}, {"IE", "4a6n8n"}, {"IL", "3n3n13n"},
	{"IQ", "4a3n12n"}, {"IS", "4n2n6n10n"}, {"IT", "1a5n5n12c"},
	{"JO", "4a4n18c"}, {"KW", "4a22c"}, {"KZ", "3n13c"}, {"LB", "4n20c"},
	{"LC", "4a24c"}, {"LI", "5n12c"}, {"LT", "5n11n"}, {"LU", "3n13c"},
	{"LV", "4a13c"}, {"LY", "3n3n15n"}, {"MC", "5n5n11c2n"},
	{"MD", "2c18c"}, {"ME", "3n13n2n"}, {"MF", "5n5n11c2n"},
	{"MK", "3n10c2n"}, {"MN", "4n12n"}, {"MQ", "5n5n11c2n"},
	{"MR", "5n5n11n2n"}, {"MT", "4a5n18c"}, {"MU", "4a2n2n12n3n3a"},
	{"NC", "5n5n11c2n"}, {"NI", "4a20n"}, {"NL", "4a10n"},
	{"NO", "4n6n1n"}, {"OM", "3n16c"}, {"PF", "5n5n11c2n"},
	{"PK", "4a16c"}, {"PL", "8n16n"}, {"PM", "5n5n11c2n"}, {"PS", "4a21c"},
	{"PT", "4n4n11n2n"}, {"QA", "4a21c"}, {"RE", "5n5n11c2n"},
	{"RO", "4a16c"}, {"RS", "3n13n2n"}, {"RU", "9n5n15c"}, {"SA", "2n18c"},
	{"SC", "4a2n2n16n3a"}, {"SD", "2n12n"}, {"SE", "3n16n1n"},
	{"SI", "5n8n2n"}, {"SK", "4n6n10n"}, {"SM", "1a5n5n12c"},
	{"SO", "4n3n12n"}, {"ST", "4n4n11n2n"}, {"SV", "4a20n"},
	{"TF", "5n5n11c2n"}, {"TL", "3n14n2n"}, {"TN", "2n3n13n2n"},
	{"TR", "5n1n16c"}, {"UA", "6n19c"}, {"VA", "3n15n"}, {"VG", "4a16n"},
	{"WF", "5n5n11c2n"}, {"XK", "4n10n2n"}, {"YE", "4a4n18c"},
	{"YT", "5n5n11c2n"},
};

static const char *iban_bban_of(const char *cc)
{
	for (size_t i = 0; i < sizeof(iban_formats) / sizeof(iban_formats[0]); i++)
		if (iban_formats[i].cc[0] == cc[0] && iban_formats[i].cc[1] == cc[1])
			return iban_formats[i].bban;
	return NULL;
}

/* The length of a BBAN of structure f ("4a10n": 14). */
static size_t iban_bban_length(const char *f)
{
	size_t n = 0;
	while (*f) {
		size_t count = 0;
		while (*f >= '0' && *f <= '9')
			count = count * 10 + (size_t)(*f++ - '0');
		n += count;
		f++;
	}
	return n;
}

/* Whether bban[0..n) (upper case) has the structure f ("4a10n"). */
static bool iban_bban_fits(const char *bban, size_t n, const char *f)
{
	size_t k = 0;
	while (*f) {
		size_t count = 0;
		while (*f >= '0' && *f <= '9')
			count = count * 10 + (size_t)(*f++ - '0');
		char cls = *f++;
		for (; count; count--, k++) {
			if (k == n)
				return false;
			unsigned char c = (unsigned char)bban[k];
			if (cls == 'n' ? !isdigit(c) : cls == 'a' ? !isupper(c) : !isalnum(c))
				return false;
		}
	}
	return k == n;
}

/* The examples of the IBAN registry, of Wikipedia and of the banks'
 * manuals: in code, manuals and test data, on nobody's account. */
static const char *const iban_examples[] = {
	"NL91ABNA0417164300", "NL02ABNA0123456789", "NL20INGB0001234567",
	"BE68539007547034", "BE71096123456769", "DE89370400440532013000",
	"DE75512108001245126199", "DE02120300000000202051", "DE44500105175407324931",
	"GB29NWBK60161331926819", "GB82WEST12345698765432", "FR1420041010050500013M02606",
	"FR7630006000011234567890189", "ES9121000418450200051332",
	"IT60X0542811101000000123456", "AT611904300234573201", "CH9300762011623852957",
	"LU280019400644750000",
	/* the example of every other country's entry in the registry (of
	 * this release and an earlier one: BR changed its) */
	"AD1200012030200359100100", "AE070331234567890123456",
	"AL47212110090000000235698741", "AZ21NABZ00000000137010001944",
	"BA391290079401028494", "BG80BNBG96611020345678",
	"BH67BMAG00001299123456", "BI4210000100010000332045181",
	"BR1800360305000010009795493C1", "BR9700360305000010009795493P1",
	"BY13NBRB3600900000002Z00AB00", "CR05015202001026284066",
	"CY17002001280000001200527600", "CZ6508000000192000145399",
	"DJ2100010000000154000100186", "DK5000400440116243",
	"DO28BAGR00000001212453611324", "EE382200221020145685",
	"EG380019000500000000263180002", "FI2112345600000785",
	"FK88SC123456789012", "FO6264600001631634", "GE29NB0000000101904917",
	"GI75NWBK000000007099453", "GL8964710001000206",
	"GR1601101250000000012300695", "GT82TRAJ01020000001210029690",
	"HN88CABF00000000000250005469", "HR1210010051863000160",
	"HU42117730161111101800000000", "IE29AIBK93115212345678",
	"IL620108000000099999999", "IQ98NBIQ850123456789012",
	"IS140159260076545510730339", "JO94CBJO0010000000000131000302",
	"KW81CBKU0000000000001234560101", "KZ86125KZT5004100100",
	"LB62099900000001001901229114", "LC07HEMM000100010012001200013015",
	"LI21088100002324013AA", "LT121000011101001000",
	"LV80BANK0000435195001", "LY83002048000020100120361",
	"MC5811222000010123456789030", "MD24AG000225100013104168",
	"ME25505000012345678951", "MK07250120000058984",
	"MN121234123456789123", "MR1300020001010000123456753",
	"MT84MALT011000012345MTLCAST001S", "MU17BOMM0101101030300200000MUR",
	"NI45BAPR00000013000003558124", "NO9386011117947",
	"OM810180000001299123456", "PK36SCBL0000001123456702",
	"PL61109010140000071219812874", "PS92PALS000000000400123456702",
	"PT50000201231234567890154", "QA58DOHB00001234567890ABCDEFG",
	"RO49AAAA1B31007593840000", "RS35260005601001611379",
	"RU0204452560040702810412345678901", "SA0380000000608010167519",
	"SC18SSCB11010000000000001497USD", "SD2129010501234001",
	"SE4550000000058398257466", "SI56263300012039086",
	"SK3112000000198742637541", "SM86U0322509800000000270100",
	"SO211000001001000100141", "ST68000100010051845310112",
	"SV62CENR00000000000000700025", "TL380080012345678910157",
	"TN5910006035183598478831", "TR330006100519786457841326",
	"UA213223130000026007233566001", "VA59001123000012345678",
	"VG96VPVG0000012345678901", "XK051212012345678906",
	"YE15CBYE0001018861234567891234",
	NULL,
};

static bool iban_is_example(const struct pii_canon *canon)
{
	for (const char *const *e = iban_examples; *e; e++)
		if (strlen(*e) == canon->len && !memcmp(*e, canon->buf, canon->len))
			return true;
	return false;
}

/* The letters and digits of an IBAN as written, in upper case, into
 * s[0..40): their count; 0 when it holds another character, or more
 * than 40. */
static size_t iban_compact(const char *value, size_t len, char s[40])
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)value[i];
		if (c == ' ' || c == '.' || c == '-' || c == '\n' || c == '\r')
			continue; /* grouped by spaces, dots or dashes; split over a line */
		/* grouped by no-break spaces (U+00A0, U+202F), as in HTML */
		if (c == 0xC2 && i + 1 < len && (unsigned char)value[i + 1] == 0xA0) {
			i++;
			continue;
		}
		if (c == 0xE2 && i + 2 < len && (unsigned char)value[i + 1] == 0x80 &&
		    (unsigned char)value[i + 2] == 0xAF) {
			i += 2;
			continue;
		}
		if (!isalnum(c) || n == 40)
			return 0;
		s[n++] = (char)toupper(c);
	}
	return n;
}

static bool iban_checks(const char *value, size_t len, struct pii_canon *canon)
{
	char s[40];
	size_t n = iban_compact(value, len, s);
	if (n < 15 || !isalpha((unsigned char)s[0]) ||
	    !isalpha((unsigned char)s[1]) || !isdigit((unsigned char)s[2]) ||
	    !isdigit((unsigned char)s[3]))
		return false;
	/* the country's length, and its BBAN's letters and digits where the
	 * registry puts them */
	const char *bban = iban_bban_of(s);
	if (!bban || !iban_bban_fits(s + 4, n - 4, bban))
		return false;
	int check = (s[2] - '0') * 10 + (s[3] - '0');
	if (check < 2 || check > 98)
		return false;
	/* mod-97 over BBAN + country + check digits, letters as 10..35. */
	unsigned rem = 0;
	for (size_t k = 0; k < n; k++) {
		char c = s[(k + 4) % n];
		if (isdigit((unsigned char)c))
			rem = (rem * 10 + (unsigned)(c - '0')) % 97;
		else
			rem = (rem * 100 + (unsigned)(c - 'A' + 10)) % 97;
	}
	if (rem != 1)
		return false;
	pii_canon_copy(canon, s, n);
	return true;
}

static bool validate_iban(const char *value, size_t len, struct pii_canon *canon)
{
	return iban_checks(value, len, canon) && !iban_is_example(canon);
}

static bool validate_iban_example(const char *value, size_t len, struct pii_canon *canon)
{
	return iban_checks(value, len, canon) && iban_is_example(canon);
}

/* Shaped like an IBAN, valid or not: a country of the registry, its
 * check digits, and within two characters of the country's length (one
 * or two left out or typed twice). What rule iban_shape holds, so that no
 * phone or card number is read in its digits. */
static bool validate_iban_shape(const char *value, size_t len, struct pii_canon *canon)
{
	char s[40];
	size_t n = iban_compact(value, len, s);
	if (n < 15 || !isdigit((unsigned char)s[2]) || !isdigit((unsigned char)s[3]))
		return false;
	const char *bban = iban_bban_of(s);
	if (!bban)
		return false;
	size_t want = 4 + iban_bban_length(bban);
	if (n + 2 < want || n > want + 2)
		return false;
	pii_canon_copy(canon, s, n);
	return true;
}

/* ---- Dutch BSN: elfproef ------------------------------------------------ */

static bool validate_elfproef(const char *value, size_t len,
			      struct pii_canon *canon)
{
	char d[10];
	int n = pii_collect_digits(value, len, ". ", d + 1, 9);
	if (n == 8) {
		/* Written without its leading zero. */
		d[0] = '0';
	} else if (n == 9) {
		memmove(d, d + 1, 9);
	} else {
		return false;
	}
	if (pii_all_same(d, 9))
		return false;
	/* 123456782, the number every form and test is filled in with */
	bool counting = true;
	for (int i = 1; i < 8 && counting; i++)
		counting = d[i] == d[i - 1] + 1;
	if (counting)
		return false;
	int sum = 0;
	for (int i = 0; i < 8; i++)
		sum += (9 - i) * (d[i] - '0');
	sum -= d[8] - '0';
	if (sum % 11 != 0)
		return false;
	pii_canon_copy(canon, d, 9);
	return true;
}

/* A phone number stored as a number (612345678), unless the nine digits
 * pass the BSN's eleven-test: a BSN column is the likelier place. */
static bool validate_nl_phone_short(const char *value, size_t len, struct pii_canon *canon)
{
	struct pii_canon as_bsn;
	return !validate_elfproef(value, len, &as_bsn) &&
	       pii_validate_nl_phone_short(value, len, canon);
}

/* ---- Dutch postcode ------------------------------------------------------ */

static bool nl_postcode_checks(const char *value, size_t len, struct pii_canon *canon)
{
	char s[6];
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)value[i];
		if (c == ' ')
			continue;
		if (n == sizeof(s))
			return false;
		s[n++] = (char)toupper(c);
	}
	if (n != 6 || s[0] < '1' || s[0] > '9')
		return false;
	for (int i = 1; i < 4; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	if (!isupper((unsigned char)s[4]) || !isupper((unsigned char)s[5]))
		return false;
	/* SA, SD and SS are never issued. */
	if (s[4] == 'S' && (s[5] == 'A' || s[5] == 'D' || s[5] == 'S'))
		return false;
	pii_canon_copy(canon, s, 6);
	return true;
}

static bool validate_nl_postcode(const char *value, size_t len, struct pii_canon *canon)
{
	return nl_postcode_checks(value, len, canon);
}

/* A postcode in free text, with nothing around it to say so: not a size
 * or a product (3072MB, 2048 GB, 5700 XT), a unit written against a number
 * (1250KG), nor a year and a country ("2019 NL"). In a postcode column
 * such letters are a postcode's (2521HZ, 6517 PX): validate_nl_postcode. */
static bool validate_nl_postcode_free(const char *value, size_t len, struct pii_canon *canon)
{
	if (!nl_postcode_checks(value, len, canon))
		return false;
	const char *s = canon->buf;
	static const char always[][3] = {"KB", "MB", "GB", "TB", "PB", "PX", "XT"};
	static const char attached[][3] = {"KG", "CM", "MM", "KM", "ML", "MS", "HZ", "PT", "GR"};
	static const char countries[][3] = {"NL", "BE", "DE", "FR", "UK", "US", "EU",
					    "CH", "AT", "LU", "ES", "IT"};
	bool spaced = memchr(value, ' ', len) != NULL;
	for (size_t i = 0; i < sizeof(always) / sizeof(always[0]); i++)
		if (!memcmp(s + 4, always[i], 2))
			return false;
	for (size_t i = 0; !spaced && i < sizeof(attached) / sizeof(attached[0]); i++)
		if (!memcmp(s + 4, attached[i], 2))
			return false;
	int number = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	for (size_t i = 0; number >= 1950 && number <= 2049 && i < sizeof(countries) / sizeof(countries[0]); i++)
		if (!memcmp(s + 4, countries[i], 2))
			return false;
	return true;
}

/* ---- machine-readable zone of an identity document ------------------------ */

/* Every check digit of the MRZ right; counted by issuing state and
 * document number, so the same document copied twice is one. */
static bool validate_mrz(const char *value, size_t len, struct pii_canon *canon)
{
	struct pii_mrz mrz;
	if (!pii_mrz_parse(value, len, &mrz))
		return false;
	char id[sizeof(mrz.issuer) + sizeof(mrz.number)];
	int n = snprintf(id, sizeof(id), "%s%s", mrz.issuer, mrz.number);
	pii_canon_copy(canon, id, (size_t)n);
	return true;
}

/* ---- lookup ---------------------------------------------------------------- */

static const struct {
	const char *name;
	pii_validator_fn fn;
} validators[] = {
	{"card", pii_validate_card},
	{"luhn", pii_validate_card}, /* its name before brands were checked */
	{"iban", validate_iban},
	{"iban_example", validate_iban_example},
	{"iban_shape", validate_iban_shape},
	{"elfproef", validate_elfproef},
	{"ipv4", pii_validate_ipv4},
	{"ipv4_private", pii_validate_ipv4_private},
	{"ipv6", pii_validate_ipv6},
	{"ipv6_private", pii_validate_ipv6_private},
	{"email", pii_validate_email},
	{"email_role", pii_validate_email_role},
	{"email_obfuscated", pii_validate_email_obfuscated},
	{"phone", pii_validate_phone},
	{"nl_phone", pii_validate_nl_phone},
	{"nl_phone_short", validate_nl_phone_short},
	{"de_phone", pii_validate_de_phone},
	{"fr_phone", pii_validate_fr_phone},
	{"be_phone", pii_validate_be_phone},
	{"uk_phone", pii_validate_uk_phone},
	{"us_phone", pii_validate_us_phone},
	{"nl_postcode", validate_nl_postcode},
	{"nl_postcode_free", validate_nl_postcode_free},
	{"date", pii_validate_date},
	{"gps", pii_validate_gps},
	{"mrz", validate_mrz},
	{"person_name", pii_name_validate},
	{"person_name_plausible", pii_name_validate_plausible},
	{"person_name_sure", pii_name_validate_sure},
	{"person_name_full", pii_name_validate_full},
	/* national identifiers (validate_id_CC.c), by group as in validators.h */
	/* -- ids: BE, NL, LU -- */
	{"be_nrn", pii_validate_be_nrn},
	{"be_bis", pii_validate_be_bis},
	{"nl_document_number", pii_validate_nl_document_number},
	{"lu_nin", pii_validate_lu_nin},

	/* -- ids: DE, AT -- */
	{"de_idnr", pii_validate_de_idnr},
	{"de_rvnr", pii_validate_de_rvnr},
	{"de_kvnr", pii_validate_de_kvnr},
	{"de_id_card", pii_validate_de_id_card},
	{"de_passport", pii_validate_de_passport},
	{"at_svnr", pii_validate_at_svnr},

	/* -- ids: FR, UK, IE -- */
	{"ie_ppsn", pii_validate_ie_ppsn},
	{"fr_nir", pii_validate_fr_nir},
	{"fr_spi", pii_validate_fr_spi},
	{"fr_cni", pii_validate_fr_cni},
	{"uk_nino", pii_validate_uk_nino},
	{"uk_nhs", pii_validate_uk_nhs},
	{"uk_passport", pii_validate_uk_passport},

	/* -- ids: US, ES, PT, IT -- */
	{"us_ssn", pii_validate_us_ssn},
	{"us_itin", pii_validate_us_itin},
	{"es_dni", pii_validate_es_dni},
	{"es_nie", pii_validate_es_nie},
	{"es_nuss", pii_validate_es_nuss},
	{"it_cf", pii_validate_it_cf},
	{"it_partita_iva", pii_validate_it_partita_iva},
	{"pt_nif", pii_validate_pt_nif},
	{"ro_cnp", pii_validate_ro_cnp},
	{"bg_egn", pii_validate_bg_egn},
	{"gr_amka", pii_validate_gr_amka},

	/* -- ids: PL, CZ, SK, HU, RO, BG, HR, SI, GR -- */
	{"pl_pesel", pii_validate_pl_pesel},
	{"pl_nip", pii_validate_pl_nip},
	{"cz_rc", pii_validate_cz_rc},
	{"sk_rc", pii_validate_cz_rc}, /* the same number */
	{"hr_oib", pii_validate_hr_oib},
	{"si_emso", pii_validate_si_emso},
	{"hu_adoazonosito", pii_validate_hu_adoazonosito},

	/* -- ids: DK, SE, FI, NO, EE, LT, LV -- */
	{"se_personnummer", pii_validate_se_personnummer},
	{"se_samordningsnummer", pii_validate_se_samordningsnummer},
	{"dk_cpr", pii_validate_dk_cpr},
	{"fi_hetu", pii_validate_fi_hetu},
	{"no_fodselsnummer", pii_validate_no_fodselsnummer},
	{"ee_ik", pii_validate_ee_ik},
	{"lt_asmens", pii_validate_lt_asmens},
	{"lv_personas_kods", pii_validate_lv_personas_kods},

	/* -- end of ids -- */
};

#define N_VALIDATORS (sizeof(validators) / sizeof(validators[0]))

pii_validator_fn pii_validator_find(const char *name)
{
	for (size_t i = 0; i < N_VALIDATORS; i++)
		if (!strcmp(validators[i].name, name))
			return validators[i].fn;
	return NULL;
}

const char *const *pii_validator_names(void)
{
	static const char *names[N_VALIDATORS + 1];
	for (size_t i = 0; i < N_VALIDATORS; i++)
		names[i] = validators[i].name;
	names[N_VALIDATORS] = NULL;
	return names;
}
