/*
 * validate_id_es.c - Spain's personal identifiers:
 *
 * - DNI, Documento Nacional de Identidad (also the NIF of a Spaniard):
 *   eight digits and a check letter, TRWAGMYFPDXBNJZSQVHLCKE[number mod
 *   23] (Real Decreto 1553/2005; the Ministerio del Interior's "Cálculo
 *   del dígito de control del NIF/NIE"; python-stdnum es.dni). Written
 *   12345678Z, 12345678-Z, 12345678 Z or 12.345.678-Z, the letter in
 *   either case. Refused: one digit eight times (99999999R is the
 *   specimen card's) and 12345678Z, the number of every example form.
 * - NIE, Número de Identidad de Extranjero: X, Y or Z (read as 0, 1, 2),
 *   seven digits and the same check letter over the eight digits
 *   (python-stdnum es.nie). Written X1234567L, X-1234567-L, X 1234567 L.
 * - NUSS / NAF, número de afiliación a la Seguridad Social: twelve
 *   digits, province (2), number (8), control (2). The control is the
 *   rest of the division by 97 of the province followed by the number;
 *   a number below 10,000,000 (an old seven-digit one, padded with a
 *   zero) counts without that zero: province * 10,000,000 + number
 *   (Tesorería General de la Seguridad Social, as described in
 *   "Cómo obtener el dígito de control de un Número de Seguridad Social
 *   español", E. Martínez Montejo). python-stdnum 1.18 has no module for
 *   it. Written 28/12345678/40, 28 12345678 40, 28-12345678-40,
 *   281234567840. Province 00 and all-same digits are refused.
 */
#include "validators.h"

#include <string.h>

static const char dni_letters[] = "TRWAGMYFPDXBNJZSQVHLCKE";

/* The check letter of eight digits. */
static char dni_letter(const char *d)
{
	unsigned long n = 0;
	for (int i = 0; i < 8; i++)
		n = n * 10 + (unsigned long)(d[i] - '0');
	return dni_letters[n % 23];
}

static char upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

/* The digits of value[from..to) into d (seps between them allowed), and
 * its last character, a letter, as upper case into *letter; the letter
 * may follow a '-' or ' '. Returns the number of digits, or -1. */
static int digits_and_letter(const char *value, size_t len, size_t from, char *d,
			     size_t max, char *letter)
{
	if (len < from + 2)
		return -1;
	char c = upper(value[len - 1]);
	if (c < 'A' || c > 'Z')
		return -1;
	*letter = c;
	size_t end = len - 1;
	if (value[end - 1] == '-' || value[end - 1] == ' ')
		end--;
	if (end <= from || value[end - 1] < '0' || value[end - 1] > '9')
		return -1;
	return pii_collect_digits(value + from, end - from, ". ", d, max);
}

bool pii_validate_es_dni(const char *value, size_t len, struct pii_canon *canon)
{
	char d[9], letter;
	if (digits_and_letter(value, len, 0, d, 8, &letter) != 8)
		return false;
	if (pii_all_same(d, 8) || !memcmp(d, "12345678", 8))
		return false;
	if (dni_letter(d) != letter)
		return false;
	d[8] = letter;
	pii_canon_copy(canon, d, 9);
	return true;
}

bool pii_validate_es_nie(const char *value, size_t len, struct pii_canon *canon)
{
	if (len < 1)
		return false;
	char first = upper(value[0]);
	const char *xyz = strchr("XYZ", first);
	if (!first || !xyz)
		return false;
	size_t from = 1;
	if (len > 1 && (value[1] == '-' || value[1] == ' '))
		from = 2;
	char d[8], letter;
	if (from < len && (value[from] < '0' || value[from] > '9'))
		return false;
	if (digits_and_letter(value, len, from, d + 1, 7, &letter) != 7)
		return false;
	if (pii_all_same(d + 1, 7))
		return false;
	d[0] = (char)('0' + (xyz - "XYZ"));
	if (dni_letter(d) != letter)
		return false;
	char c[9];
	c[0] = first;
	memcpy(c + 1, d + 1, 7);
	c[8] = letter;
	pii_canon_copy(canon, c, 9);
	return true;
}

bool pii_validate_es_nuss(const char *value, size_t len, struct pii_canon *canon)
{
	char d[12];
	if (pii_collect_digits(value, len, "/ -", d, 12) != 12 || pii_all_same(d, 12))
		return false;
	unsigned long long province = (unsigned long long)((d[0] - '0') * 10 + (d[1] - '0'));
	unsigned long long number = 0;
	for (int i = 2; i < 10; i++)
		number = number * 10 + (unsigned long long)(d[i] - '0');
	unsigned long long control = (unsigned long long)((d[10] - '0') * 10 + (d[11] - '0'));
	if (province == 0)
		return false;
	unsigned long long whole = number < 10000000ULL ? province * 10000000ULL + number
						  : province * 100000000ULL + number;
	if (whole % 97 != control)
		return false;
	pii_canon_copy(canon, d, 12);
	return true;
}
