/*
 * validate_id_pt.c - Portugal's NIF (número de identificação fiscal) of a
 * person: nine digits, the last a check digit, 11 - (the first eight
 * weighted 9, 8, ..., 2) mod 11, 10 read as 0 (Decreto-Lei 463/79;
 * python-stdnum pt.nif). The first digit says whose it is (Autoridade
 * Tributária): 1, 2 or 3 a resident person, 45 a non-resident person;
 * 5, 6, 8 and 9 are companies, public bodies and the like, 7 estates and
 * funds - not personal, refused here (the rule's decoys). Written
 * 123456789, 123 456 789, 123.456.789, with or without "PT". Refused:
 * 123456789, the number of every example, and one digit repeated.
 */
#include "validators.h"

#include <string.h>

bool pii_validate_pt_nif(const char *value, size_t len, struct pii_canon *canon)
{
	if (len >= 2 && (value[0] == 'P' || value[0] == 'p') &&
	    (value[1] == 'T' || value[1] == 't')) {
		value += 2;
		len -= 2;
	}
	char d[9];
	if (pii_collect_digits(value, len, " .-", d, 9) != 9 || pii_all_same(d, 9))
		return false;
	if (!(d[0] == '1' || d[0] == '2' || d[0] == '3' || (d[0] == '4' && d[1] == '5')))
		return false;
	if (!memcmp(d, "123456789", 9))
		return false;
	static const unsigned char weights[8] = {9, 8, 7, 6, 5, 4, 3, 2};
	unsigned check = (11 - pii_weighted_sum(d, weights, 8) % 11) % 11 % 10;
	if ((unsigned)(d[8] - '0') != check)
		return false;
	pii_canon_copy(canon, d, 9);
	return true;
}
