/*
 * The name lists of rules/names/ and the name score: lookups in the four
 * languages with case and accents, particles, common words, the score of
 * names and of what is no name, the person_name validator, and loading
 * (a missing folder, a second folder, twice the same, a broken list).
 *
 * The expected values follow from the lists and the scoring rule
 * (pii_names.h): each premise about the lists that a score rests on is
 * checked in the list files themselves first (listed()), so that lists
 * made anew that change a premise say so here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pii_names.h"
#include "pii_validate.h"
#include "test.h"

#define S(lit) lit, sizeof(lit) - 1

/* Whether rules/names/LIST.txt has the line word (as written there: lower
 * case). */
static bool listed(const char *list, const char *word)
{
	char path[1024], line[256];
	snprintf(path, sizeof(path), "%s/names/%s.txt", t_rules_dir, list);
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	bool found = false;
	while (!found && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		found = !strcmp(line, word);
	}
	fclose(f);
	return found;
}

static bool any_listed(const char *word)
{
	static const char *const lists[] = {
		"given-nl", "given-en", "given-de", "given-fr", "family-nl", "family-en",
		"family-de", "family-fr", "common-words", "particles",
	};
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (listed(lists[i], word))
			return true;
	return false;
}

static int score(const char *s)
{
	return pii_name_score(s, strlen(s));
}

#define CHECK_SCORE(cand, want)                                                \
	CHECK_MSG(score(cand) == (want), "score(\"%s\") = %d, want %d", cand, score(cand), want)

static void lookups(void)
{
	/* Dutch */
	CHECK(pii_name_is_given(S("Jan")));
	CHECK(pii_name_is_given(S("Kees")));
	CHECK(pii_name_is_given(S("SANNE")));
	CHECK(pii_name_is_family(S("Vries")));      /* of "de Vries" */
	CHECK(pii_name_is_family(S("Jansen")));
	CHECK(pii_name_is_family(S("bakker")));
	CHECK(!pii_name_is_family(S("de Vries")));  /* stored without its particle */
	CHECK(pii_name_is_given(S("Daniël")));
	CHECK(pii_name_is_given(S("DANIËL")));
	/* English */
	CHECK(pii_name_is_given(S("John")));
	CHECK(pii_name_is_given(S("mary")));
	CHECK(pii_name_is_family(S("Smith")));
	CHECK(pii_name_is_family(S("O'Brien")));
	CHECK(pii_name_is_family(S("O\u2019Brien")));
	CHECK(pii_name_is_family(S("OBRIEN")));
	/* German */
	CHECK(pii_name_is_given(S("Klaus")));
	CHECK(pii_name_is_given(S("Hans-Peter")));
	CHECK(pii_name_is_family(S("Müller")));
	CHECK(pii_name_is_family(S("MÜLLER")));
	CHECK(pii_name_is_family(S("Schröder")));
	CHECK(pii_name_is_family(S("SCHRÖDER")));
	/* French */
	CHECK(pii_name_is_given(S("François")));
	CHECK(pii_name_is_given(S("FRANÇOIS")));
	CHECK(pii_name_is_given(S("Véronique")));
	CHECK(pii_name_is_given(S("VÉRONIQUE")));
	CHECK(pii_name_is_given(S("Loïc")));
	CHECK(pii_name_is_family(S("Dupont")));
	CHECK(pii_name_is_family(S("Lefèvre")));
	/* accents count: these are listed only with theirs */
	CHECK(!listed("given-fr", "veronique") && !listed("given-en", "veronique"));
	CHECK(!pii_name_is_given(S("Veronique")));
	CHECK(!pii_name_is_given(S("Loic")));
	/* Latin Extended-A: Š folds to š */
	CHECK(listed("given-de", "maša") || listed("given-fr", "maša") || listed("given-en", "maša"));
	CHECK(pii_name_is_given(S("MAŠA")));
	/* not names */
	CHECK(!pii_name_is_given(S("Windows")) && !pii_name_is_family(S("Windows")));
	CHECK(!pii_name_is_given(S("Amsterdam")) && !pii_name_is_family(S("Amsterdam")));
	CHECK(!pii_name_is_given(S("The")) && !pii_name_is_family(S("The")));
	CHECK(!pii_name_is_given(S("")));
	CHECK(!pii_name_is_given(S("Jannnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn")));

	/* particles: single words, runs of words, in any case and spacing */
	CHECK(pii_name_is_particle(S("van")));
	CHECK(pii_name_is_particle(S("van der")));
	CHECK(pii_name_is_particle(S("van  den")));
	CHECK(pii_name_is_particle(S("Van Der")));
	CHECK(pii_name_is_particle(S("in 't")));
	CHECK(pii_name_is_particle(S("ter")));
	CHECK(pii_name_is_particle(S("von")));
	CHECK(pii_name_is_particle(S("von der")));
	CHECK(pii_name_is_particle(S("zu")));
	CHECK(pii_name_is_particle(S("vom")));
	CHECK(pii_name_is_particle(S("de la")));
	CHECK(pii_name_is_particle(S("du")));
	CHECK(pii_name_is_particle(S("d'")));
	CHECK(!pii_name_is_particle(S("in")));
	CHECK(!pii_name_is_particle(S("aan de")));
	CHECK(!pii_name_is_particle(S("Jan")));

	/* common words: names among them are still names, but weak */
	CHECK(pii_name_is_common(S("the")));
	CHECK(pii_name_is_common(S("Will")) && pii_name_is_given(S("Will")));
	CHECK(pii_name_is_common(S("May")));
	CHECK(pii_name_is_common(S("June")));
	CHECK(pii_name_is_common(S("Klein")) && pii_name_is_family(S("Klein")));
	CHECK(!pii_name_is_common(S("Jan")));
	CHECK(!pii_name_is_common(S("Jansen")));
}

static void scores(void)
{
	/* the premises of the table below, in the lists */
	CHECK(listed("given-nl", "jan") && !listed("common-words", "jan"));
	CHECK(listed("family-nl", "vries") && !listed("common-words", "vries"));
	CHECK(listed("family-nl", "berg") && listed("common-words", "berg"));
	CHECK(listed("given-de", "anne-marie") && listed("family-fr", "dupont"));
	CHECK(listed("family-de", "müller") && !listed("common-words", "müller"));
	CHECK(listed("given-en", "mark") && listed("common-words", "mark"));
	CHECK(listed("family-nl", "jansen") && !listed("common-words", "jansen"));
	CHECK(listed("common-words", "the") && !listed("given-en", "the") && !listed("family-en", "the"));
	CHECK(!any_listed("windows") && !any_listed("description") && !any_listed("amsterdam"));
	CHECK(!any_listed("update") && !any_listed("manager") && !any_listed("xyzzy"));
	CHECK(listed("family-en", "obrien") && listed("family-en", "smith"));
	CHECK(listed("given-en", "will") && listed("common-words", "will"));
	CHECK(listed("common-words", "may") && listed("common-words", "june"));
	CHECK(listed("given-fr", "jean-pierre") || listed("given-de", "jean-pierre"));
	CHECK(listed("given-fr", "pierre") && listed("common-words", "pierre"));
	CHECK(listed("family-nl", "bakker") && !listed("common-words", "bakker"));
	CHECK(listed("given-nl", "anouk") && listed("family-nl", "smit"));
	CHECK(listed("given-fr", "jean") && !listed("common-words", "jean"));
	CHECK(listed("given-de", "anna") && listed("family-de", "klein") &&
	      listed("common-words", "klein"));
	CHECK(listed("given-de", "hans-peter") && listed("family-en", "mcdonald"));
	CHECK(listed("given-fr", "fatima") && listed("particles", "el") && listed("common-words", "el"));

	/* given + family, both known (one may be a common word) */
	CHECK_SCORE("Jan de Vries", 2);
	CHECK_SCORE("J. van der Berg", 2);      /* initials, particle, "berg" after it */
	CHECK_SCORE("Anne-Marie Dupont", 2);
	CHECK_SCORE("Mark Jansen", 2);          /* "mark" weak, "jansen" strong */
	CHECK_SCORE("Will Smith", 2);
	CHECK_SCORE("Anouk Smit", 2);
	CHECK_SCORE("Jean-Pierre Dupont", 2);
	CHECK_SCORE("Pierre Dupont", 2);
	CHECK_SCORE("Anna Klein", 2);
	CHECK_SCORE("Rose Bakker", 2);
	CHECK_SCORE("Hans-Peter Müller", 2);
	CHECK_SCORE("J. Jansen", 2);
	CHECK_SCORE("J.P. Jansen", 2);
	CHECK_SCORE("Th. de Vries", 2);
	CHECK_SCORE("Jan Willem de Vries", 2);  /* a second given name inside */
	CHECK_SCORE("JAN DE VRIES", 2);
	CHECK_SCORE("Jan  de\tVries", 2);
	/* one known, the other capitalised after a particle */
	CHECK_SCORE("Jan de Xyzzy", 2);
	CHECK_SCORE("Xyzzy de Vries", 2);
	CHECK_SCORE("Xyzzy van der Berg", 2);
	CHECK_SCORE("Fatima El Amrani", 2);     /* "El" read as the particle */
	CHECK_SCORE("Jean d'Xyzzy", 2);         /* d' before the name */

	/* one known name */
	CHECK_SCORE("Müller", 1);
	CHECK_SCORE("MÜLLER", 1);
	CHECK_SCORE("O'Brien", 1);
	CHECK_SCORE("de Vries", 1);
	CHECK_SCORE("De Vries", 1);
	CHECK_SCORE("van den Berg", 1);         /* a common word after a particle */
	CHECK_SCORE("Van der Berg", 1);
	CHECK_SCORE("McDonald-Smith", 1);
	CHECK_SCORE("Jan Xyzzy", 1);            /* no particle: the other is unknown */
	CHECK_SCORE("Xyzzy Jansen", 1);
	CHECK_SCORE("Jansen J.", 1);
	CHECK_SCORE("Jean", 1);

	/* no name */
	CHECK_SCORE("The", 0);
	CHECK_SCORE("Windows", 0);
	CHECK_SCORE("Description", 0);
	CHECK_SCORE("Amsterdam", 0);
	CHECK_SCORE("Update Manager", 0);
	CHECK_SCORE("Windows Update", 0);
	CHECK_SCORE("Xyzzy", 0);
	CHECK_SCORE("J. Xyzzy", 0);             /* nothing known */
	CHECK_SCORE("Will", 0);                 /* known only as a common word */
	CHECK_SCORE("May", 0);
	CHECK_SCORE("June", 0);
	CHECK_SCORE("Pierre", 0);
	CHECK_SCORE("Klein", 0);
	CHECK_SCORE("Will May", 0);
	CHECK_SCORE("Jan The", 0);              /* a common word that is no name */
	CHECK_SCORE("The Jansen", 0);
	CHECK_SCORE("jan de vries", 0);         /* names are capitalised */
	CHECK_SCORE("Jan, de Vries", 0);
	CHECK_SCORE("Jan 2 Vries", 0);
	CHECK_SCORE("Jan van", 0);              /* a particle needs its name */
	CHECK_SCORE("Jan in Xyzzy", 0);         /* "in" alone is no particle */
	CHECK_SCORE("Jan-", 0);
	CHECK_SCORE("", 0);
	CHECK_SCORE("   ", 0);
	CHECK_SCORE("Jan Jan Jan Jan Jan Jan Jan Jan Jan Jan Jan Jan Jan", 0);  /* 13 words */
	CHECK_SCORE("\xff\xfe", 0);
	CHECK(pii_name_score("Jan de Vries", 3) == 1);  /* only what len says */
}

static void validator(void)
{
	pii_validator_fn v = pii_validator_find("person_name");
	CHECK(v != NULL);
	if (!v)
		return;
	bool listed_name = false;
	for (const char *const *n = pii_validator_names(); *n; n++)
		listed_name |= !strcmp(*n, "person_name");
	CHECK(listed_name);
	struct pii_canon c;
	CHECK(v(S("Jan  de   Vries"), &c));
	CHECK(c.len == strlen("Jan de Vries") && !memcmp(c.buf, "Jan de Vries", c.len));
	CHECK(v(S(" Müller\t"), &c));
	CHECK(c.len == strlen("Müller") && !memcmp(c.buf, "Müller", c.len));
	CHECK(v(S("Anne-Marie\xc2\xa0" "Dupont"), &c));  /* no-break space */
	CHECK(c.len == strlen("Anne-Marie Dupont") && !memcmp(c.buf, "Anne-Marie Dupont", c.len));
	CHECK(v(S("Jan Xyzzy"), &c));
	CHECK(!v(S("The"), &c));
	CHECK(!v(S("Windows Update"), &c));
	CHECK(!v(S("Will"), &c));
	CHECK(!v(S("Description"), &c));
}

/* The three validators of the person_name rules (rules/core.yaml), each
 * as strict as what says a name follows. */
static void validators_by_evidence(void)
{
	pii_validator_fn plausible = pii_validator_find("person_name_plausible"),
			 sure = pii_validator_find("person_name_sure"),
			 full = pii_validator_find("person_name_full");
	CHECK(plausible && sure && full);
	if (!plausible || !sure || !full)
		return;
	struct pii_canon c;
	/* after a form's field: any name's shape, no known non-name */
	CHECK(plausible(S("Sørensen"), &c));
	CHECK(plausible(S("Xyzzy Qwertz"), &c));
	CHECK(plausible(S("de Vries"), &c));
	CHECK(plausible(S("BRAM POSTMA"), &c));
	CHECK(!plausible(S("Vorname"), &c));     /* a form's label */
	CHECK(!plausible(S("Kunde"), &c));       /* a template's addressee */
	CHECK(!plausible(S("PASS"), &c));        /* capitals, no known name */
	CHECK(!plausible(S("the Vries"), &c));
	/* after a generic label or a salutation */
	CHECK(sure(S("Smith"), &c));
	CHECK(sure(S("de Vries"), &c));
	CHECK(sure(S("Jan de Vries"), &c));
	CHECK(sure(S("Ahmed Benali"), &c));      /* a known given name and more */
	CHECK(sure(S("Müller"), &c));
	CHECK(!sure(S("Appel Taart"), &c));      /* a family name, then a word */
	CHECK(!sure(S("Price Update"), &c));
	CHECK(!sure(S("Max Connections"), &c));
	CHECK(!sure(S("Bakkerij Het Zonnetje"), &c));
	CHECK(!sure(S("Account Manager"), &c));
	CHECK(!sure(S("Microsoft Office User"), &c));
	CHECK(!sure(S("Xyzzy"), &c));            /* unknown alone */
	CHECK(!sure(S("SACK"), &c));             /* one word in capitals */
	CHECK(!sure(S("Python"), &c));
	/* in prose: a known given and a known family name */
	CHECK(full(S("Leonie Müller"), &c));
	CHECK(full(S("F. Wagner"), &c));
	CHECK(full(S("Pieter ter Horst"), &c));
	CHECK(full(S("Jean Dupont"), &c));
	CHECK(!full(S("Müller"), &c));           /* one word */
	CHECK(!full(S("Geschrieben von Tobias"), &c));
	CHECK(!full(S("Absence de Louis"), &c));
	CHECK(!full(S("Windows Defender"), &c));
	CHECK(!full(S("Jan Xyzzy"), &c));        /* the family name unknown */
}

static char tmp_dir[64];

static void write_file(const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/names/%s", tmp_dir, name);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void remove_tmp(void)
{
	static const char *const files[] = {
		"given-xx.txt", "family-xx.txt", "particles-xx.txt", "common-words-xx.txt",
		"notes.txt", "given-broken.txt",
	};
	char path[256];
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/names/%s", tmp_dir, files[i]);
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/names", tmp_dir);
	rmdir(path);
	rmdir(tmp_dir);
}

static void loading(void)
{
	char err[512];
	snprintf(tmp_dir, sizeof(tmp_dir), "/tmp/piiscan-names-XXXXXX");
	CHECK(mkdtemp(tmp_dir) != NULL);
	char names[128];
	snprintf(names, sizeof(names), "%s/names", tmp_dir);

	/* a folder without names/: nothing, no error; without lists every
	 * candidate passes the validator, and scores 0 */
	pii_names_reset();
	CHECK(!pii_names_loaded());
	CHECK(pii_names_load(tmp_dir, err, sizeof(err)));
	CHECK(!pii_names_loaded());
	CHECK(pii_names_load("/nonexistent/piiscan", err, sizeof(err)));
	CHECK(!pii_names_loaded());
	CHECK_SCORE("Jan de Vries", 0);
	struct pii_canon c;
	pii_validator_fn v = pii_validator_find("person_name");
	CHECK(v && v(S("Xyzzy  Qwertz"), &c) && c.len == 12 && !memcmp(c.buf, "Xyzzy Qwertz", 12));

	/* a user's folder: the lists by the start of their file names */
	CHECK(mkdir(names, 0700) == 0);
	write_file("given-xx.txt", "# made-up test names\n\n  Xyzzy  \nPLUGH\r\n");
	write_file("family-xx.txt", "# comment\nQwertz\n");
	write_file("particles-xx.txt", "zum  beispiel\n");
	write_file("common-words-xx.txt", "frobnicate\nplugh\n");
	write_file("notes.txt", "Description\n"); /* not a list */
	CHECK(pii_names_load(tmp_dir, err, sizeof(err)));
	CHECK(pii_names_loaded());
	CHECK(pii_name_is_given(S("xyzzy")));
	CHECK(pii_name_is_given(S("Plugh")) && pii_name_is_common(S("Plugh")));
	CHECK(pii_name_is_family(S("QWERTZ")));
	CHECK(pii_name_is_particle(S("zum beispiel")));
	CHECK(!pii_name_is_given(S("Description")) && !pii_name_is_common(S("Description")));
	CHECK(!pii_name_is_given(S("Jan")));
	CHECK_SCORE("Xyzzy Qwertz", 2);
	CHECK_SCORE("Xyzzy zum Beispiel Qwertz", 2); /* a particle of two words */
	CHECK_SCORE("Xyzzy zum beispiel Foo", 2);
	CHECK_SCORE("Plugh", 0);
	CHECK_SCORE("Frobnicate Qwertz", 0);

	/* the same folder again: nothing changes; another one adds */
	CHECK(pii_names_load(tmp_dir, err, sizeof(err)));
	char again[160];
	snprintf(again, sizeof(again), "%s/names/..", tmp_dir);
	CHECK(pii_names_load(again, err, sizeof(err)));
	CHECK(pii_names_load(t_rules_dir, err, sizeof(err)));
	CHECK(pii_name_is_given(S("Jan")) && pii_name_is_given(S("Xyzzy")));
	CHECK_SCORE("Jan Qwertz", 2);

	/* a broken list is an error with its file and line */
	write_file("given-broken.txt",
		   "Jan\nAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n");
	pii_names_reset();
	err[0] = '\0';
	CHECK(!pii_names_load(tmp_dir, err, sizeof(err)));
	CHECK_MSG(strstr(err, "given-broken.txt:2:") != NULL, "err: %s", err);

	/* as before: the shipped lists alone */
	remove_tmp();
	pii_names_reset();
	CHECK(pii_names_load(t_rules_dir, err, sizeof(err)));
	CHECK(pii_names_loaded() && !pii_name_is_given(S("Xyzzy")));
}

void test_names(void)
{
	char err[512];
	/* test_main loaded them; loading again changes nothing */
	CHECK(pii_names_load(t_rules_dir, err, sizeof(err)));
	CHECK(pii_names_loaded());
	lookups();
	scores();
	validator();
	validators_by_evidence();
	loading();
}
