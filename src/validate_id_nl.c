/*
 * validate_id_nl.c - Dutch identifiers of people beyond the BSN (whose
 * elfproef is in validate.c) (validators.h):
 *
 * - nl_document_number: the number of a Dutch passport or identity card
 *   (documentnummer), 9 characters: positions 1-2 letters, 3-8 letters
 *   or digits, 9 a digit; the letter O is never used (the digit 0 is, in
 *   numbers issued before December 2019). No check digit of its own (the
 *   MRZ's is beside it). The specimen documents' numbers (SPECI2014,
 *   SPECI2021, ...) are refused. EM0000000 is python-stdnum's own valid
 *   example and stays valid (its digits are not all of the number).
 *
 * Sources: Rijksoverheid / RvIG on the document number (9 positions, no
 * letter O); python-stdnum nl.identiteitskaartnummer (2.0; not in the
 * 1.18 installed here) for the positions and its doctests. RvIG's table
 * of first letters per document type (I identity card, N passport, ...)
 * is not enforced: stdnum's examples (XR1001R58, EM0000000) and
 * documents issued before the table have others.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "validators.h"

bool pii_validate_nl_document_number(const char *value, size_t len, struct pii_canon *canon)
{
	char s[9];
	if (pii_collect_alnum(value, len, " ", s, sizeof(s)) != 9 || !isalpha((unsigned char)s[0]) || !isalpha((unsigned char)s[1]) ||
	    !isdigit((unsigned char)s[8]) || memchr(s, 'O', 9))
		return false;
	if (!memcmp(s, "SPECI", 5))
		return false;
	pii_canon_copy(canon, s, 9);
	return true;
}
