/* Finland (validate_id_fi.c): the henkilötunnus, on the vectors of
 * python-stdnum's fi.hetu doctests, DVV's rules (the century signs of
 * 2023, the individual numbers 002-899) and values generated here whose
 * check character python-stdnum computed. */
#include "pii_validate.h"
#include "test.h"

#include <string.h>

static void valid(const char *value, const char *canon)
{
	pii_validator_fn fn = pii_validator_find("fi_hetu");
	struct pii_canon c = {.len = 0};
	bool ok = fn && fn(value, strlen(value), &c);
	CHECK_MSG(ok, "fi_hetu(\"%s\") should be valid", value);
	if (ok)
		CHECK_MSG(c.len == strlen(canon) && !memcmp(c.buf, canon, c.len),
			  "fi_hetu(\"%s\"): canon \"%.*s\", want \"%s\"", value, (int)c.len, c.buf,
			  canon);
}

static void invalid(const char *value)
{
	pii_validator_fn fn = pii_validator_find("fi_hetu");
	struct pii_canon c;
	CHECK_MSG(fn && !fn(value, strlen(value), &c), "fi_hetu(\"%s\") should be invalid", value);
}

void test_validate_id_fi(void)
{
	/* python-stdnum fi.hetu doctests */
	valid("131052-308T", "131052-308T");
	invalid("131052-308U");  /* InvalidChecksum */
	invalid("310252-308Y");  /* 31 February */
	/* the doctest of compact: '131052a308t' is 131052A308T, born in 2052
	 * (stdnum does not look at the future); the lower case of another */
	invalid("131052a308t");
	valid("290200a1239", "290200A1239");
	/* generated, check character by python-stdnum: the signs '+', '-', 'A' */
	valid("010199-0022", "010199-0022");
	valid("010199+0022", "010199+0022"); /* 1899 */
	valid("290200A1239", "290200A1239"); /* 29 February 2000 */
	valid("310101A8992", "310101A8992"); /* individual number 899 */
	valid("121212-345M", "121212-345M");
	/* the signs of 2023 (DVV): Y X W V U for the 1900s, B-F for the 2000s;
	 * python-stdnum 1.18 knows none of them, its check character the same */
	valid("071185Y4561", "071185Y4561");
	valid("241270X789N", "241270X789N");
	valid("241270w789n", "241270W789N");
	valid("241270V789N", "241270V789N");
	valid("241270U789N", "241270U789N");
	valid("150605B234B", "150605B234B");
	valid("150605C234B", "150605C234B");
	valid("150605F234B", "150605F234B");
	invalid("150605G234B");  /* no sign */
	invalid("150605T234B");
	invalid("150605Z234B");
	/* 29 February: 2000 a leap year, 1900 and 2001 not */
	invalid("290200-1239");
	invalid("290201A123J");
	/* month 13 (check character right) */
	invalid("011399-002R");
	/* individual numbers 000-001 and 900-999 (check characters right) */
	invalid("010199-0011");
	invalid("010199-9001");
	/* not born yet: 1 January 2099 */
	invalid("010199A0022");
	/* shapes */
	invalid("131052-308");
	invalid("131052-308TT");
	invalid("131052 308T");
	invalid("13105-2308T");
	invalid("131052-3O8T");
	invalid("");
	/* a check character that is none (G, I, O, Q, Z are left out) */
	invalid("131052-308G");
	/* one repeated digit: 11 November 1911, individual 111, check right */
	invalid("111111-111C");
}
