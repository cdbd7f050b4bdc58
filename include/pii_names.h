/*
 * pii_names.h - known given names, family names and name particles
 * (tussenvoegsels) of Dutch, English, German and French, and how much a
 * candidate string looks like a person's name.
 *
 * The lists are the text files of rules/names/ (README.md there says where
 * they come from): given-*.txt, family-*.txt, particles*.txt and
 * common-words*.txt, one entry a line, '#' lines are comments. They are
 * loaded once, before any thread scans, and only read after that; words
 * are compared without case (ASCII, Latin-1 and Latin Extended-A letters
 * in UTF-8: "MÜLLER" is "müller") and without apostrophes ("O'Brien" is
 * "obrien"); accents count ("Andre" is not "André").
 */
#ifndef PII_NAMES_H
#define PII_NAMES_H

#include <stdbool.h>
#include <stddef.h>

/* Adds the lists of RULES_DIR/names/ (the shipped packs' folder, or a
 * user's --rules folder). A folder loaded before is not read again; a
 * missing names/ folder means no lists, not an error. false (err says
 * which file and line) when a list cannot be read or is broken. */
bool pii_names_load(const char *rules_dir, char *err, size_t errlen);

/* Whether any list is loaded. Without lists nothing is known, and the
 * person_name validator lets every candidate through, as before there
 * were lists. */
bool pii_names_loaded(void);

/* Forgets every list (for tests). */
void pii_names_reset(void);

/* One word (word[0..len), UTF-8, not NUL-terminated): a known given
 * name, a known family name (written without its particles: "vries" of
 * "de Vries"), or a particle: "van", "de", "von", "d'", and the runs of
 * several words listed as one ("van der", "in 't"; words separated by
 * single spaces). A name that is also a common word ("Will", "Mark",
 * "Rose", "Berg") is known too: see pii_name_is_common. */
bool pii_name_is_given(const char *word, size_t len);
bool pii_name_is_family(const char *word, size_t len);
bool pii_name_is_particle(const char *word, size_t len);

/* An ordinary word of one of the four languages ("the", "will", "may",
 * "june", "klein", "pierre"): as a name alone it proves nothing. */
bool pii_name_is_common(const char *word, size_t len);

/* How much candidate[0..len) looks like a person's name:
 *   2  a given name (or initials) and a family name: both known ("Mark
 *      Jansen", "J. Jansen"), or one known and the other capitalised
 *      after a particle ("Jan de Xyz", "Xyz van Dijk");
 *   1  one known name, given or family ("Müller", "de Vries", "Jan
 *      Xyz");
 *   0  no name: no word known, or known only as a common word ("Will",
 *      "Rose"), or a common word that is no name ("The", "Jan The"), or
 *      what is no name's shape (lower-case words other than particles,
 *      digits, punctuation).
 * Words are split at spaces; hyphenated parts ("Anne-Marie",
 * "Müller-Lüdenscheidt"), initials ("J.", "J.P.", "Th."), particles in
 * lower case inside or capitalised at the start ("Van der Berg"), "d'" and
 * "l'" before a name ("d'Artagnan") are understood. A common word right
 * after a particle is a family name ("van den Berg"). */
int pii_name_score(const char *candidate, size_t len);

/* The person_name validator (pii_validate.h): true when the candidate
 * scores 1 or more, canon then being it with runs of spaces made one.
 * Without lists (no names/ folder) every candidate passes, as before
 * there were lists. */
struct pii_canon;
bool pii_name_validate(const char *value, size_t len, struct pii_canon *canon);

/* person_name_plausible, for values a label says are names ("Vorname:",
 * a column last_name): whatever has a name's shape and no word that is
 * no name ("Sørensen" passes, unknown as it is; "Vorname" and "Kunde" do
 * not). Without lists every candidate passes. */
bool pii_name_validate_plausible(const char *value, size_t len, struct pii_canon *canon);

/* person_name_sure, for values that only a generic word ("name", "nom",
 * a key "name" that may hold a product or a job) says are names: one
 * known name ("Smith", "de Vries"), a given and a family name ("Jan de
 * Vries"), or a known given name and more words of a name's shape
 * ("Ahmed Benali"); not "Appel Taart", "Price Update" nor "Max
 * Connections". Without lists every candidate passes. */
bool pii_name_validate_sure(const char *value, size_t len, struct pii_canon *canon);

/* person_name_full, for names that nothing but themselves says are
 * names (in prose): two words or more scoring 2. Without lists nothing
 * passes: capitalised words alone are no finding. */
bool pii_name_validate_full(const char *value, size_t len, struct pii_canon *canon);

#endif
