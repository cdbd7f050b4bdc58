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

/* IBAN lengths per country from the SWIFT IBAN registry. */
static const char iban_lengths[][3] = {
	"AD\x18", "AE\x17", "AL\x1c", "AT\x14", "AZ\x1c", "BA\x14", "BE\x10",
	"BG\x16", "BH\x16", "BI\x1b", "BL\x1b", "BR\x1d", "BY\x1c", "CH\x15",
	"CR\x16", "CY\x1c", "CZ\x18", "DE\x16", "DJ\x1b", "DK\x12", "DO\x1c",
	"EE\x14", "EG\x1d", "ES\x18", "FI\x12", "FK\x12", "FO\x12", "FR\x1b",
	"GB\x16", "GE\x16", "GF\x1b", "GI\x17", "GL\x12", "GP\x1b", "GR\x1b",
	"GT\x1c", "HR\x15", "HU\x1c", "IE\x16", "IL\x17", "IQ\x17", "IS\x1a",
	"IT\x1b", "JO\x1e", "KW\x1e", "KZ\x14", "LB\x1c", "LC\x20", "LI\x15",
	"LT\x14", "LU\x14", "LV\x15", "LY\x19", "MC\x1b", "MD\x18", "ME\x16",
	"MF\x1b", "MK\x13", "MN\x14", "MQ\x1b", "MR\x1b", "MT\x1f", "MU\x1e",
	"NC\x1b", "NI\x1c", "NL\x12", "NO\x0f", "OM\x17", "PF\x1b", "PK\x18",
	"PL\x1c", "PM\x1b", "PS\x1d", "PT\x19", "QA\x1d", "RE\x1b", "RO\x18",
	"RS\x16", "RU\x21", "SA\x18", "SC\x1f", "SD\x12", "SE\x18", "SI\x13",
	"SK\x18", "SM\x1b", "SO\x17", "ST\x19", "SV\x1c", "TF\x1b", "TL\x17",
	"TN\x18", "TR\x1a", "UA\x1d", "VA\x16", "VG\x18", "WF\x1b", "XK\x14",
	"YE\x1e", "YT\x1b",
};

static int iban_length_for(const char *cc)
{
	for (size_t i = 0; i < sizeof(iban_lengths) / sizeof(iban_lengths[0]); i++)
		if (iban_lengths[i][0] == cc[0] && iban_lengths[i][1] == cc[1])
			return (unsigned char)iban_lengths[i][2];
	return -1;
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
	"LU280019400644750000", NULL,
};

static bool iban_is_example(const struct pii_canon *canon)
{
	for (const char *const *e = iban_examples; *e; e++)
		if (strlen(*e) == canon->len && !memcmp(*e, canon->buf, canon->len))
			return true;
	return false;
}

static bool iban_checks(const char *value, size_t len, struct pii_canon *canon)
{
	char s[40];
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)value[i];
		if (c == ' ' || c == '.' || c == '-' || c == '\n' || c == '\r')
			continue; /* grouped by spaces, dots or dashes; split over a line */
		if (!isalnum(c) || n == sizeof(s))
			return false;
		s[n++] = (char)toupper(c);
	}
	if (n < 15 || !isalpha((unsigned char)s[0]) ||
	    !isalpha((unsigned char)s[1]) || !isdigit((unsigned char)s[2]) ||
	    !isdigit((unsigned char)s[3]))
		return false;
	if (iban_length_for(s) != (int)n)
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
