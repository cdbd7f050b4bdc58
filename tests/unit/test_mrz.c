/*
 * Machine-readable zones: the ICAO specimens of Doc 9303 parts 4 to 6,
 * Dutch documents with a BSN, every check digit wrong in turn, dates that
 * do not exist, and OCR text repaired only where the field's kind or a
 * check digit says how.
 */
#include <stdlib.h>

#include "pii_mask.h"
#include "pii_mrz.h"
#include "pii_validate.h"
#include "test.h"

/* ICAO Doc 9303 part 4 appendix (TD3), part 5 (TD1), part 6 (TD2), and
 * the TD1 long document number of part 5 (D23145890734). */
#define TD3_1 "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
#define TD3_2 "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
#define TD1_1 "I<UTOD231458907<<<<<<<<<<<<<<<"
#define TD1_2 "7408122F1204159UTO<<<<<<<<<<<6"
#define TD1_3 "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"
#define TD2_1 "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<"
#define TD2_2 "D231458907UTO7408122F1204159<<<<<<<6"
#define TD1_LONG_1 "I<UTOD23145890<7349<<<<<<<<<<<"
#define TD2_LONG_2 "D23145890<UTO7408122F12041597349<<<2"

/* Made for these tests: a Dutch passport and ID card, BSN 111222333 and
 * 232262536 as personal number, the card's holder born on 29 February. */
#define NLP_1 "P<NLDDE<VRIES<<JAN<PIETER<<<<<<<<<<<<<<<<<<<"
#define NLP_2 "NXC4F82P57NLD8503149M3105227111222333<<<<<64"
#define NLI_1 "I<NLDIXJ2B7T849232262536<<<<<<"
#define NLI_2 "9202298F2908177NLD<<<<<<<<<<<3"
#define NLI_3 "EL<KHATIB<<SARA<<<<<<<<<<<<<<<"

static bool parses(const char *text, struct pii_mrz *out)
{
	return pii_mrz_parse(text, strlen(text), out);
}

static void check_digits(void)
{
	CHECK(pii_mrz_check_digit("L898902C3", 9) == 6);
	CHECK(pii_mrz_check_digit("740812", 6) == 2);
	CHECK(pii_mrz_check_digit("120415", 6) == 9);
	CHECK(pii_mrz_check_digit("ZE184226B<<<<<", 14) == 1);
	CHECK(pii_mrz_check_digit("<<<", 3) == 0);
	CHECK(pii_mrz_check_digit("ab1", 3) == -1);
}

static void specimens(void)
{
	struct pii_mrz m;
	CHECK(parses(TD3_1 "\n" TD3_2, &m));
	CHECK(m.format == PII_MRZ_TD3);
	CHECK_STR(m.doc_code, "P");
	CHECK_STR(m.issuer, "UTO");
	CHECK_STR(m.number, "L898902C3");
	CHECK_STR(m.birth, "740812");
	CHECK(m.sex == 'F');
	CHECK_STR(m.expiry, "120415");
	CHECK_STR(m.nationality, "UTO");
	CHECK_STR(m.surname, "ERIKSSON");
	CHECK_STR(m.given, "ANNA MARIA");
	CHECK_STR(m.personal, "ZE184226B");

	CHECK(parses(TD1_1 "\n" TD1_2 "\n" TD1_3, &m));
	CHECK(m.format == PII_MRZ_TD1);
	CHECK_STR(m.doc_code, "I");
	CHECK_STR(m.number, "D23145890");
	CHECK_STR(m.surname, "ERIKSSON");
	CHECK_STR(m.given, "ANNA MARIA");
	CHECK_STR(m.personal, "");

	CHECK(parses(TD2_1 "\n" TD2_2, &m));
	CHECK(m.format == PII_MRZ_TD2);
	CHECK_STR(m.number, "D23145890");
	CHECK_STR(m.birth, "740812");
	CHECK_STR(m.expiry, "120415");
	CHECK_STR(m.given, "ANNA MARIA");
	CHECK_STR(m.personal, "");
}

static void long_numbers(void)
{
	struct pii_mrz m;
	/* the check digit position holds '<'; the number goes on in the
	 * optional data, with its check digit over all 12 characters */
	CHECK(parses(TD1_LONG_1 "\n" TD1_2 "\n" TD1_3, &m));
	CHECK_STR(m.number, "D23145890734");
	CHECK_STR(m.personal, "");
	CHECK(parses(TD2_1 "\n" TD2_LONG_2, &m));
	CHECK_STR(m.number, "D23145890734");
	/* its check digit wrong; no filler after it; a '<' where a TD3
	 * number's check digit is */
	CHECK(!parses("I<UTOD23145890<7348<<<<<<<<<<<\n" TD1_2 "\n" TD1_3, NULL));
	CHECK(!parses("I<UTOD23145890<7349111111111111\n" TD1_2 "\n" TD1_3, NULL));
	CHECK(!parses(TD3_1 "\nL898902C3<UTO7408122F1204159ZE184226B<<<<<10", NULL));
	/* a short number may not say it is long */
	CHECK(!parses("I<UTOD2314589<<<<<<<<<<<<<<<<<\n" TD1_2 "\n" TD1_3, NULL));
}

static void dutch(void)
{
	struct pii_mrz m;
	CHECK(parses(NLP_1 "\n" NLP_2, &m));
	CHECK_STR(m.issuer, "NLD");
	CHECK_STR(m.number, "NXC4F82P5");
	CHECK_STR(m.surname, "DE VRIES");
	CHECK_STR(m.given, "JAN PIETER");
	CHECK(m.sex == 'M');
	CHECK_STR(m.personal, "111222333");
	CHECK(parses(NLI_1 "\n" NLI_2 "\n" NLI_3, &m));
	CHECK(m.format == PII_MRZ_TD1);
	CHECK_STR(m.doc_code, "I");
	CHECK_STR(m.number, "IXJ2B7T84");
	CHECK_STR(m.birth, "920229");
	CHECK_STR(m.surname, "EL KHATIB");
	CHECK_STR(m.given, "SARA");
	CHECK_STR(m.personal, "232262536");
	/* the BSN passes the elfproef */
	struct pii_canon c;
	CHECK(pii_validator_find("elfproef")(m.personal, strlen(m.personal), &c));
}

/* Every other character in a check digit's place, one at a time. */
static void each_check_digit_wrong(const char *const *lines, size_t n_lines, const int (*where)[2],
				   size_t n_where)
{
	char text[200];
	for (size_t w = 0; w < n_where; w++) {
		size_t rejected = 0, tried = 0;
		for (const char *c = "0123456789<AK"; *c; c++) {
			size_t len = 0;
			for (size_t i = 0; i < n_lines; i++) {
				size_t l = strlen(lines[i]);
				memcpy(text + len, lines[i], l);
				if ((int)i == where[w][0]) {
					if (text[len + where[w][1]] == *c)
						break;
					text[len + where[w][1]] = *c;
				}
				len += l;
				text[len++] = '\n';
			}
			if (len != n_lines * (strlen(lines[0]) + 1))
				continue; /* the right digit */
			tried++;
			rejected += !pii_mrz_parse(text, len - 1, NULL);
		}
		CHECK_MSG(rejected == tried && tried == 12, "line %d position %d: %zu of %zu rejected",
			  where[w][0], where[w][1], rejected, tried);
	}
}

static void wrong_check_digits(void)
{
	static const char *const td3[] = {TD3_1, TD3_2};
	static const int td3_at[][2] = {{1, 9}, {1, 19}, {1, 27}, {1, 42}, {1, 43}};
	each_check_digit_wrong(td3, 2, td3_at, 5);
	static const char *const nlp[] = {NLP_1, NLP_2};
	each_check_digit_wrong(nlp, 2, td3_at, 5);
	static const char *const td2[] = {TD2_1, TD2_2};
	static const int td2_at[][2] = {{1, 9}, {1, 19}, {1, 27}, {1, 35}};
	each_check_digit_wrong(td2, 2, td2_at, 4);
	static const char *const td1[] = {TD1_1, TD1_2, TD1_3};
	static const int td1_at[][2] = {{0, 14}, {1, 6}, {1, 14}, {1, 29}};
	each_check_digit_wrong(td1, 3, td1_at, 4);
	static const char *const nli[] = {NLI_1, NLI_2, NLI_3};
	each_check_digit_wrong(nli, 3, td1_at, 4);
	static const char *const td1_long[] = {TD1_LONG_1, TD1_2, TD1_3};
	static const int td1_long_at[][2] = {{0, 18}, {1, 29}};
	each_check_digit_wrong(td1_long, 3, td1_long_at, 2);

	/* a digit of a field changed, its check digit not */
	CHECK(!parses(TD3_1 "\nL898912C36UTO7408122F1204159ZE184226B<<<<<10", NULL));
	CHECK(!parses(TD3_1 "\nL898902C36UTO7408132F1204159ZE184226B<<<<<10", NULL));
	CHECK(!parses(TD3_1 "\nL898902C36UTO7408122F1204169ZE184226B<<<<<10", NULL));
	CHECK(!parses(TD3_1 "\nL898902C36UTO7408122F1204159ZE184227B<<<<<10", NULL));
	CHECK(!parses(NLI_1 "\n9202298F2908177NLD<<<<<<<1<<<3\n" NLI_3, NULL));
	CHECK(!parses("I<NLDIXJ2B7T849232262537<<<<<<\n" NLI_2 "\n" NLI_3, NULL));
}

/* Recomputes the check digits of a TD3's second line. */
static void seal_td3(char *l2)
{
	l2[9] = (char)('0' + pii_mrz_check_digit(l2, 9));
	l2[19] = (char)('0' + pii_mrz_check_digit(l2 + 13, 6));
	l2[27] = (char)('0' + pii_mrz_check_digit(l2 + 21, 6));
	l2[42] = (char)('0' + pii_mrz_check_digit(l2 + 28, 14));
	char composite[40];
	memcpy(composite, l2, 10);
	memcpy(composite + 10, l2 + 13, 7);
	memcpy(composite + 17, l2 + 21, 22);
	l2[43] = (char)('0' + pii_mrz_check_digit(composite, 39));
}

static bool td3_with(const char *l2)
{
	char text[100];
	snprintf(text, sizeof(text), "%s\n%s", TD3_1, l2);
	return parses(text, NULL);
}

static void dates(void)
{
	static const char *const bad[] = {"741312", "740230", "740231", "740431", "740800",
					  "740012", "750229", "000000"};
	char l2[45];
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		/* as date of birth and as date of expiry, check digits right */
		snprintf(l2, sizeof(l2), "%s", TD3_2);
		memcpy(l2 + 13, bad[i], 6);
		seal_td3(l2);
		CHECK_MSG(!td3_with(l2), "birth %s", bad[i]);
		snprintf(l2, sizeof(l2), "%s", TD3_2);
		memcpy(l2 + 21, bad[i], 6);
		seal_td3(l2);
		CHECK_MSG(!td3_with(l2), "expiry %s", bad[i]);
	}
	static const char *const good[] = {"760229", "001231", "990131", "740630"};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		snprintf(l2, sizeof(l2), "%s", TD3_2);
		memcpy(l2 + 13, good[i], 6);
		seal_td3(l2);
		CHECK_MSG(td3_with(l2), "birth %s", good[i]);
	}
	/* the sealing itself gives the specimen back */
	snprintf(l2, sizeof(l2), "%s", TD3_2);
	seal_td3(l2);
	CHECK_STR(l2, TD3_2);
}

static void personal_number_fillers(void)
{
	/* no personal number: its check digit '<' or 0, nothing else */
	char l2[45];
	snprintf(l2, sizeof(l2), "%s", TD3_2);
	memcpy(l2 + 28, "<<<<<<<<<<<<<<", 14);
	seal_td3(l2);
	CHECK(l2[42] == '0');
	CHECK(td3_with(l2));
	struct pii_mrz m;
	char text[100];
	snprintf(text, sizeof(text), "%s\n%s", TD3_1, l2);
	CHECK(parses(text, &m) && !m.personal[0]);
	l2[42] = '<';
	CHECK(td3_with(l2)); /* '<' weighs 0 in the composite too */
	l2[42] = '1';
	CHECK(!td3_with(l2));
	/* a personal number with '<' for its check digit */
	snprintf(l2, sizeof(l2), "%s", TD3_2);
	l2[42] = '<';
	CHECK(!td3_with(l2));
}

static void shapes(void)
{
	struct pii_mrz m;
	CHECK(parses(TD3_1 "\r\n" TD3_2, &m) && m.format == PII_MRZ_TD3);
	CHECK(parses(TD3_1 "\r\n" TD3_2 "\r\n", NULL));
	CHECK(parses(TD1_1 "\r\n" TD1_2 "\r\n" TD1_3 "\n", NULL));
	CHECK(parses(TD3_1 "  \n" TD3_2 " ", NULL));
	CHECK(parses("  " TD2_1 "\n\t" TD2_2 "\n  ", NULL));
	CHECK(!parses(TD3_1, NULL));
	CHECK(!parses(TD3_1 "\n\n" TD3_2, NULL));
	CHECK(!parses("\n" TD3_1 "\n" TD3_2, NULL));
	CHECK(!parses(TD3_1 "\n" TD3_2 "\n" TD3_2, NULL));
	CHECK(!parses(TD3_1 "\n" TD3_2 "<", NULL));
	CHECK(!parses("x" TD3_1 "\n" TD3_2, NULL));
	CHECK(!parses(TD3_1 " " TD3_2, NULL));
	CHECK(!parses(TD1_1 "\n" TD1_2, NULL));
	CHECK(!parses(TD1_1 "\n" TD1_3 "\n" TD1_2, NULL));
	CHECK(!parses("", NULL));
	/* lower case; a passport's code on a TD1; a name with a digit;
	 * a state code with a letter after its filler; no sex */
	CHECK(!parses("p<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" TD3_2, NULL));
	CHECK(!parses("P<UTOD231458907<<<<<<<<<<<<<<<\n" TD1_2 "\n" TD1_3, NULL));
	CHECK(!parses("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n" TD3_2, NULL));
	CHECK(!parses(TD1_1 "\n" TD1_2 "\nERIKSSON<<ANNA<MARIA2<<<<<<<<<", NULL));
	CHECK(!parses("P<U<OERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" TD3_2, NULL));
	CHECK(!parses(TD3_1 "\nL898902C36UTO7408122Q1204159ZE184226B<<<<<10", NULL));
	CHECK(!parses(TD3_1 "\nL898902C36U1O7408122F1204159ZE184226B<<<<<10", NULL));
	/* a line of fillers */
	CHECK(!parses("<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
		      "<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", NULL));
}

/* ---- OCR ---------------------------------------------------------------------- */

struct seen {
	size_t found, near;
	char mrz[4][100];
	struct pii_mrz fields[4];
	size_t start[4], end[4];
	size_t near_start[4], near_end[4];
};

static void on_found(void *ctx, const char *mrz, size_t len, const struct pii_mrz *fields,
		     size_t start, size_t end)
{
	struct seen *s = ctx;
	if (s->found < 4) {
		snprintf(s->mrz[s->found], sizeof(s->mrz[0]), "%.*s", (int)len, mrz);
		s->fields[s->found] = *fields;
		s->start[s->found] = start;
		s->end[s->found] = end;
	}
	s->found++;
}

static void on_near(void *ctx, size_t start, size_t end)
{
	struct seen *s = ctx;
	if (s->near < 4) {
		s->near_start[s->near] = start;
		s->near_end[s->near] = end;
	}
	s->near++;
}

static struct seen ocr(const char *text)
{
	struct seen s = {0};
	size_t n = pii_mrz_find(text, strlen(text), on_found, on_near, &s);
	CHECK(n == s.found);
	return s;
}

/* text reads as the one MRZ want, nothing near. */
static void ocr_reads(const char *text, const char *want)
{
	struct seen s = ocr(text);
	CHECK_MSG(s.found == 1 && s.near == 0 && !strcmp(s.mrz[0], want),
		  "\"%s\": %zu found (\"%s\"), %zu near", text, s.found, s.found ? s.mrz[0] : "",
		  s.near);
}

/* text holds no MRZ, and one near miss. */
static void ocr_misses(const char *text)
{
	struct seen s = ocr(text);
	CHECK_MSG(s.found == 0 && s.near == 1, "\"%s\": %zu found (\"%s\"), %zu near", text,
		  s.found, s.found ? s.mrz[0] : "", s.near);
}

static void ocr_exact(void)
{
	ocr_reads(TD3_1 "\n" TD3_2, TD3_1 "\n" TD3_2);
	ocr_reads(TD1_1 "\r\n" TD1_2 "\r\n" TD1_3 "\r\n", TD1_1 "\n" TD1_2 "\n" TD1_3);
	ocr_reads(TD2_1 "\n" TD2_2 "\n", TD2_1 "\n" TD2_2);
	ocr_reads(NLI_1 "\n" NLI_2 "\n" NLI_3, NLI_1 "\n" NLI_2 "\n" NLI_3);
	/* where it was read, among other text */
	const char *text = "REPUBLIEK DER NEDERLANDEN\nPaspoort\n" NLP_1 "\n" NLP_2 "\nend";
	struct seen s = ocr(text);
	CHECK(s.found == 1 && s.near == 0);
	CHECK_U64(s.start[0], strlen("REPUBLIEK DER NEDERLANDEN\nPaspoort\n"));
	CHECK_U64(s.end[0], strlen(text) - strlen("\nend"));
	CHECK_STR(s.fields[0].personal, "111222333");
	/* two documents on one page */
	s = ocr(NLP_1 "\n" NLP_2 "\nblah\n\n" NLI_1 "\n" NLI_2 "\n" NLI_3 "\n");
	CHECK(s.found == 2 && s.near == 0);
	CHECK_STR(s.fields[0].number, "NXC4F82P5");
	CHECK_STR(s.fields[1].number, "IXJ2B7T84");
	/* a stray line before the zone is not part of it */
	ocr_reads("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123\n" NLI_1 "\n" NLI_2 "\n" NLI_3,
		  NLI_1 "\n" NLI_2 "\n" NLI_3);
}

static void ocr_repairs(void)
{
	/* spaces inside lines, and blank lines between them */
	ocr_reads("P<UTO ERIKSSON<< ANNA<MARIA <<<<<<<<<<<<<<<<<<<\n\n"
		  "L898902C3 6UTO 7408122 F 1204159 ZE184226B <<<<<10",
		  TD3_1 "\n" TD3_2);
	/* '«' for "<<" */
	ocr_reads("P<UTOERIKSSON\xc2\xab" "ANNA<MARIA\xc2\xab\xc2\xab\xc2\xab\xc2\xab\xc2\xab"
		  "\xc2\xab\xc2\xab\xc2\xab\xc2\xab<\n"
		  "L898902C36UTO7408122F1204159ZE184226B\xc2\xab\xc2\xab<10",
		  TD3_1 "\n" TD3_2);
	/* K for '<' in the fillers */
	ocr_reads("P<UTOERIKSSON<<ANNA<MARIAKKKKKKKKKKKKKKKKKKK\n"
		  "L898902C36UTO7408122F1204159ZE184226BKKKKK10",
		  TD3_1 "\n" TD3_2);
	ocr_reads(TD1_1 "\n7408122F1204159UTO<<K<<<<<<<<6\nERIKSSON<<ANNA<MARIA<K<<<<<<<K",
		  TD1_1 "\n" TD1_2 "\n" TD1_3);
	/* a K after a letter is one: nothing says it is a filler */
	struct seen s = ocr(TD1_1 "\n" TD1_2 "\nERIKSSON<<ANNA<MARIAK<<<<<<<<<");
	CHECK(s.found == 1 && !strcmp(s.fields[0].given, "ANNA MARIAK"));
	/* O for 0 in the dates, I for 1 and S for 5 in check digits */
	ocr_reads(TD3_1 "\nL898902C36UTO74O8122F12O4IS9ZE184226B<<<<<IO", TD3_1 "\n" TD3_2);
	/* 0 for O and 1 for I in the names and the state */
	ocr_reads("P<UT0ERIKSS0N<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<\n" TD3_2, TD3_1 "\n" TD3_2);
	/* S for 5 in the document number: fixed because the check digit
	 * then passes (and no other reading does), and the composite too */
	s = ocr(NLP_1 "\nNXC4F82PS7NLD8503149M3105227111222333<<<<<64");
	CHECK(s.found == 1 && !strcmp(s.fields[0].number, "NXC4F82P5"));
	CHECK(s.found == 1 && !strcmp(s.mrz[0], NLP_1 "\n" NLP_2));
	/* O for 0 and B for 8 in the specimen's number, one and two */
	ocr_reads(TD3_1 "\nL8989O2C36UTO7408122F1204159ZE184226B<<<<<10", TD3_1 "\n" TD3_2);
	ocr_reads(TD3_1 "\nL89B902C36UTO7408122F1204159ZE184226B<<<<<10", TD3_1 "\n" TD3_2);
	ocr_reads(TD3_1 "\nL89B9O2C36UTO7408122F1204159ZE184226B<<<<<10", TD3_1 "\n" TD3_2);
	ocr_reads(NLP_1 "\nNXC4FBZP57NLD8503149M3105227111222333<<<<<64", NLP_1 "\n" NLP_2);
	/* the passport's BSN: I for 1 among digits, Z for 2 */
	ocr_reads(NLP_1 "\nNXC4F82P57NLD8503149M310522711I222333<<<<<64", NLP_1 "\n" NLP_2);
	ocr_reads(NLP_1 "\nNXC4F82P57NLD8503149M3105227I1I222333<<<<<64", NLP_1 "\n" NLP_2);
	ocr_reads(NLP_1 "\nNXC4F82P57NLD8503149M3105227111Z22333<<<<<64", NLP_1 "\n" NLP_2);
	/* the BSN of an ID card, its check the composite only */
	ocr_reads(NLI_1 "\n" NLI_2 "\n" NLI_3, NLI_1 "\n" NLI_2 "\n" NLI_3);
	ocr_reads("I<NLDIXJ2B7T849232262S36<<<<<<\n" NLI_2 "\n" NLI_3,
		  NLI_1 "\n" NLI_2 "\n" NLI_3);
	/* a long number, the '<' in its check digit's place read as K */
	ocr_reads("I<UTOD23145890K7349<<<<<<<<<<<\n" TD1_2 "\n" TD1_3,
		  TD1_LONG_1 "\n" TD1_2 "\n" TD1_3);
}

static void ocr_no_wrong_repairs(void)
{
	/* a digit misread as another digit: no repair makes it pass */
	ocr_misses(TD3_1 "\nL898902C36UTO7408172F1204159ZE184226B<<<<<10");
	/* a document number misread in a way no confusion explains */
	ocr_misses(TD3_1 "\nL898702C36UTO7408122F1204159ZE184226B<<<<<10");
	/* three confusions in one number: more than is tried */
	ocr_misses(NLP_1 "\nNXC4FBZPS7NLD8503149M3105227111222333<<<<<64");
	/* B for 8: read back it passes, and so do two other readings
	 * (LB9B902C3, LB9890ZC3), which the composite cannot tell apart */
	ocr_misses(TD3_1 "\nLB98902C36UTO7408122F1204159ZE184226B<<<<<10");
	/* the number's own check passes after a repair (S for 5), the
	 * composite not: a digit of the BSN read as another digit */
	ocr_reads("I<NLDD2314S8907232262536<<<<<<\n9202298F2908177NLD<<<<<<<<<<<7\n" NLI_3,
		  "I<NLDD231458907232262536<<<<<<\n9202298F2908177NLD<<<<<<<<<<<7\n" NLI_3);
	ocr_misses("I<NLDD2314S8907232262586<<<<<<\n9202298F2908177NLD<<<<<<<<<<<7\n" NLI_3);
	/* a letter no confusion turns into a digit, in a date */
	ocr_misses(TD3_1 "\nL898902C36UTO74X8122F1204159ZE184226B<<<<<10");
	/* a month 13 is not read as anything else */
	ocr_misses(TD3_1 "\nL898902C36UTO7413122F1204159ZE184226B<<<<<10");
}

/* A number misread in one character whose check digit passes when read
 * back, and also when another character is read the other way: the
 * composite cannot tell them apart (it weighs the number as its check
 * digit does), so neither is taken. */
static void ocr_ambiguous(void)
{
	static const char pairs[] = "O0I1B8S5Z2";
	char l2[45], text[100];
	size_t ties = 0;
	for (int v = 0; v < 1000000 && ties < 5; v += 7919) {
		snprintf(l2, sizeof(l2), "%s", TD3_2);
		char num[24];
		snprintf(num, sizeof(num), "IS%06dO", v);
		memcpy(l2, num, 9);
		seal_td3(l2);
		for (int i = 0; i < 9; i++) {
			const char *p = strchr(pairs, l2[i]);
			if (!p)
				continue;
			char truth = l2[i];
			l2[i] = pairs[(p - pairs) ^ 1]; /* as OCR read it */
			size_t passing = 0;
			for (int j = 0; j < 9; j++) {
				const char *q = strchr(pairs, l2[j]);
				if (!q)
					continue;
				char keep = l2[j];
				l2[j] = pairs[(q - pairs) ^ 1];
				passing += pii_mrz_check_digit(l2, 9) == l2[9] - '0';
				l2[j] = keep;
			}
			if (passing >= 2) {
				snprintf(text, sizeof(text), "%s\n%s", TD3_1, l2);
				struct seen s = ocr(text);
				CHECK_MSG(s.found == 0 && s.near == 1, "%s: %s", text,
					  s.found ? s.mrz[0] : "");
				ties++;
			}
			l2[i] = truth;
		}
	}
	CHECK(ties > 0);
}

static void ocr_near_misses(void)
{
	/* a check digit wrong */
	const char *text = "Paspoort\n" TD3_1 "\nL898902C36UTO7408122F1204159ZE184226B<<<<<19\nmore";
	struct seen s = ocr(text);
	CHECK(s.found == 0 && s.near == 1);
	CHECK_U64(s.near_start[0], strlen("Paspoort\n"));
	CHECK_U64(s.near_end[0], strlen(text) - strlen("\nmore"));
	/* a character lost */
	ocr_misses(TD3_1 "\nL898902C36UTO7408122F1204159ZE184226B<<<<10");
	/* but fillers lost at the end of the names, or read twice over ("cc"
	 * for '<'), are put back: no check digit covers them */
	ocr_reads(TD1_1 "\n" TD1_2 "\nERIKSSON<<ANNA<MARIA<<<<<<<<<",
		  TD1_1 "\n" TD1_2 "\nERIKSSON<<ANNA<MARIA<<<<<<<<<<");
	ocr_reads(TD3_1 "\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
		  TD3_1 "\nL898902C36UTO7408122F1204159ZE184226B<<<<<10");
	ocr_reads("P<UTOERIKSSON<<ANNA<MARIA<<<<<<cceccecc\n"
		  "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
		  TD3_1 "\nL898902C36UTO7408122F1204159ZE184226B<<<<<10");
	ocr_reads("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<cc\n"
		  "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
		  TD3_1 "\nL898902C36UTO7408122F1204159ZE184226B<<<<<10");
	/* not when the short line is not the names' */
	ocr_misses(TD1_1 "\n7408122F1204159UTO<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<");
	/* characters OCR could not place */
	ocr_misses(TD3_1 "\nL898902C36UTO7408122F12041#9ZE184226B<<<<<10");
	/* not near: prose, one line of a zone, a line of fillers, a table */
	s = ocr("The machine readable zone is printed at the bottom of the page.\n"
		"It holds two lines of forty-four characters each.");
	CHECK(s.found == 0 && s.near == 0);
	s = ocr(TD3_1 "\nDear Sir,");
	CHECK(s.found == 0 && s.near == 0);
	s = ocr("<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
		"<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<");
	CHECK(s.found == 0 && s.near == 0);
	s = ocr("INVOICE 2024 0042 TOTAL 1234 EUR VAT 21\nORDER 99812 SHIPPED 2024 03 01 ROTTERDAM");
	CHECK(s.found == 0 && s.near == 0);
	CHECK(pii_mrz_find("", 0, NULL, NULL, NULL) == 0);
}

static void mask_and_validate(void)
{
	pii_mask_fn mask = pii_mask_find("mrz");
	pii_validator_fn validate = pii_validator_find("mrz");
	CHECK(mask && validate);
	if (!mask || !validate)
		return;
	char out[320];
	const char *nlp = NLP_1 "\n" NLP_2;
	mask(nlp, strlen(nlp), out, sizeof(out));
	CHECK_STR(out, "passport NLD, no. *********, born 19**, expires 2031, J.P. D* V****, with BSN");
	const char *nli = NLI_1 "\r\n" NLI_2 "\r\n" NLI_3;
	mask(nli, strlen(nli), out, sizeof(out));
	CHECK_STR(out, "identity card NLD, no. *********, born 19**, expires 2029, S. E* K*****, with BSN");
	const char *td3 = TD3_1 "\n" TD3_2;
	mask(td3, strlen(td3), out, sizeof(out));
	CHECK_STR(out, "passport UTO, no. *********, born 19**, expires 2012, A.M. E*******, with personal no.");
	const char *td1 = TD1_LONG_1 "\n" TD1_2 "\n" TD1_3;
	mask(td1, strlen(td1), out, sizeof(out));
	CHECK_STR(out, "identity card UTO, no. ************, born 19**, expires 2012, A.M. E*******");
	/* never the number, the birth date nor the BSN */
	mask(nlp, strlen(nlp), out, sizeof(out));
	CHECK(!strstr(out, "NXC4") && !strstr(out, "850314") && !strstr(out, "111222333"));
	/* not valid: every letter and digit hidden */
	const char *bad = TD3_1 "\nL898902C37UTO7408122F1204159ZE184226B<<<<<10";
	mask(bad, strlen(bad), out, sizeof(out));
	CHECK(strlen(out) == strlen(bad) && !strpbrk(out, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"));
	/* cut to a small buffer */
	char small[16];
	size_t n = mask(nlp, strlen(nlp), small, sizeof(small));
	CHECK(n == strlen(small) && n < sizeof(small));

	struct pii_canon c;
	CHECK(validate(nlp, strlen(nlp), &c));
	CHECK(c.len == 12 && !memcmp(c.buf, "NLDNXC4F82P5", 12));
	CHECK(validate(td1, strlen(td1), &c));
	CHECK(c.len == 15 && !memcmp(c.buf, "UTOD23145890734", 15));
	CHECK(!validate(bad, strlen(bad), &c));
}

void test_mrz(void)
{
	check_digits();
	specimens();
	long_numbers();
	dutch();
	wrong_check_digits();
	dates();
	personal_number_fillers();
	shapes();
	ocr_exact();
	ocr_repairs();
	ocr_no_wrong_repairs();
	ocr_ambiguous();
	ocr_near_misses();
	mask_and_validate();
}
