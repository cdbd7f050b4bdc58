/*
 * validators.h - the validators of the rule packs, in the files of their
 * kind (validate_*.c), for the table in validate.c. Each has the
 * signature of pii_validator_fn (pii_validate.h).
 */
#ifndef PII_VALIDATORS_PRIVATE_H
#define PII_VALIDATORS_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "pii_validate.h"

/* validate_phone.c: international numbers (+CC, 00CC), and the national
 * written forms of NL, DE, FR, BE, UK and North America. */
bool pii_validate_phone(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_nl_phone(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_nl_phone_short(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_de_phone(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_fr_phone(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_be_phone(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_uk_phone(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_us_phone(const char *value, size_t len, struct pii_canon *canon);

/* validate_digits.c: the digits of value into out (at most max), or -1 when a
 * character other than a digit or one of seps appears; whether d[0..n)
 * is one digit repeated. */
int pii_collect_digits(const char *value, size_t len, const char *seps, char *out, size_t max);
/* The letters and digits of value into out, letters in upper case (at
 * most max), or -1 when a character other than those or one of seps
 * appears. */
int pii_collect_alnum(const char *value, size_t len, const char *seps, char *out, size_t max);
/* The digits of a number that begins with a date (DDMMYY, YYMMDD) into
 * out (at most max), or -1: one '-' or ' ' may follow the first six
 * digits, nothing else but digits may stand in it. */
int pii_collect_date_digits(const char *value, size_t len, char *out, size_t max);
bool pii_all_same(const char *d, size_t n);

/* validate_card.c: payment cards (Luhn, brand range and length, no test
 * number or pattern). */
bool pii_validate_card(const char *value, size_t len, struct pii_canon *canon);

/* validate_net.c: IPv4 and IPv6 addresses of devices, public or in a
 * private range; e-mail addresses of people, of roles (info@, support@),
 * and written to dodge harvesters ("jan (at) example (dot) nl"). */
bool pii_validate_ipv4(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_ipv4_private(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_ipv6(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_ipv6_private(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_email(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_email_role(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_email_obfuscated(const char *value, size_t len, struct pii_canon *canon);

/* validate_date.c: a date of birth as written in the four languages. */
bool pii_validate_date(const char *value, size_t len, struct pii_canon *canon);

/* validate_geo.c: a latitude and a longitude in decimal degrees, each in
 * range and with four decimals or more, not 0, 0. */
bool pii_validate_gps(const char *value, size_t len, struct pii_canon *canon);

/* validate_phone.c: the digits of a phone number as written (see there). */
int pii_phone_digits(const char *v, size_t len, char *out, size_t max, bool *intl);

/* validate_checks.c: what national identifiers share. d holds n ASCII
 * digits (the check digit last where there is one). */
bool pii_real_date(int year, int month, int day); /* 1800-2199, a real day */
bool pii_birth_date_ok(int year, int month, int day); /* a real day, not after today (UTC) */
void pii_today(int *year, int *month, int *day);      /* in UTC */
bool pii_luhn_ok(const char *d, size_t n);
bool pii_verhoeff_ok(const char *d, size_t n);
bool pii_iso7064_11_10_ok(const char *d, size_t n); /* Steuer-IdNr, OIB */
unsigned pii_weighted_sum(const char *d, const unsigned char *weights, size_t n);

/* National identifiers, a file per country (validate_id_CC.c); each
 * group below is kept by one piece of work, to merge apart. */
/* -- ids: BE, NL, LU -- */
/* validate_id_be.c: national register number and BIS number (mod 97). */
bool pii_validate_be_nrn(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_be_bis(const char *value, size_t len, struct pii_canon *canon);
/* validate_id_nl.c: passport and identity card number (format, no O). */
bool pii_validate_nl_document_number(const char *value, size_t len, struct pii_canon *canon);
/* validate_id_lu.c: national identification number (date, Luhn, Verhoeff). */
bool pii_validate_lu_nin(const char *value, size_t len, struct pii_canon *canon);

/* -- ids: DE, AT -- */
bool pii_validate_de_idnr(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_de_rvnr(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_de_kvnr(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_de_id_card(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_de_passport(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_at_svnr(const char *value, size_t len, struct pii_canon *canon);

/* -- ids: FR, UK, IE -- */
/* validate_id_ie.c: PPSN (mod 23, one or two letters). */
bool pii_validate_ie_ppsn(const char *value, size_t len, struct pii_canon *canon);
/* validate_id_fr.c: NIR (key 97 - n mod 97, Corsica 2A/2B), SPI tax number
 * (mod 511), old identity card number. */
bool pii_validate_fr_nir(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_fr_spi(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_fr_cni(const char *value, size_t len, struct pii_canon *canon);
/* validate_id_uk.c: National Insurance number (prefix rules), NHS number
 * (mod 11), passport number. */
bool pii_validate_uk_nino(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_uk_nhs(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_uk_passport(const char *value, size_t len, struct pii_canon *canon);

/* -- ids: US, ES, PT, IT -- */
/* validate_id_us.c */
bool pii_validate_us_ssn(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_us_itin(const char *value, size_t len, struct pii_canon *canon);
/* validate_id_es.c */
bool pii_validate_es_dni(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_es_nie(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_es_nuss(const char *value, size_t len, struct pii_canon *canon);
/* validate_id_it.c */
bool pii_validate_it_cf(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_it_partita_iva(const char *value, size_t len, struct pii_canon *canon);
/* validate_id_pt.c */
bool pii_validate_pt_nif(const char *value, size_t len, struct pii_canon *canon);
/* validate_id_ro.c */
bool pii_validate_ro_cnp(const char *value, size_t len, struct pii_canon *canon);
/* validate_id_bg.c */
bool pii_validate_bg_egn(const char *value, size_t len, struct pii_canon *canon);
/* validate_id_gr.c */
bool pii_validate_gr_amka(const char *value, size_t len, struct pii_canon *canon);

/* -- ids: PL, CZ, SK, HU, RO, BG, HR, SI, GR -- */
bool pii_validate_pl_pesel(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_pl_nip(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_cz_rc(const char *value, size_t len, struct pii_canon *canon); /* and sk_rc */
bool pii_validate_hr_oib(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_si_emso(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_hu_adoazonosito(const char *value, size_t len, struct pii_canon *canon);

/* -- ids: DK, SE, FI, NO, EE, LT, LV -- */
bool pii_validate_se_personnummer(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_se_samordningsnummer(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_dk_cpr(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_fi_hetu(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_no_fodselsnummer(const char *value, size_t len, struct pii_canon *canon);
/* validate_id_ee.c: the isikukood and the asmens kodas, one make-up; with
 * dateless_9 a code that starts with 9 holds no date (Lithuania) */
bool pii_ee_lt_code_ok(const char *value, size_t len, struct pii_canon *canon,
		       bool dateless_9);
bool pii_validate_ee_ik(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_lt_asmens(const char *value, size_t len, struct pii_canon *canon);
bool pii_validate_lv_personas_kods(const char *value, size_t len, struct pii_canon *canon);

/* -- end of ids -- */

#endif
