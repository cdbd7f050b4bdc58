/*
 * Prose or technical text: the line around a word, and file names.
 */
#include "pii_prose.h"
#include "test.h"

/* Whether the first occurrence of word in text is in prose. */
static bool prose_at(const char *text, const char *word)
{
	const char *at = strstr(text, word);
	if (!at)
		return false;
	size_t start = (size_t)(at - text);
	return pii_in_prose(text, strlen(text), start, start + strlen(word));
}

void test_prose(void)
{
	static const struct {
		const char *text, *word;
		bool prose;
	} lines[] = {
		/* what people write */
		{"Jan heeft zich vanochtend ziek gemeld bij de leidinggevende.", "ziek", true},
		{"10-06-2023  Thijs is onder behandeling bij een psycholoog.", "psycholoog", true},
		{"Sophie has been on sick leave since 13 January 2024.", "sick", true},
		{"Geloofsovertuiging: katholiek", "katholiek", true},
		{"Herr Müller ist seit dem 20. Dezember krankgeschrieben.", "krankgeschrieben", true},
		{"Karim est en arrêt maladie depuis le 5 avril (voir le dossier).", "arrêt", true},
		{"> Anna is zwanger, zei ze gisteren.", "zwanger", true},
		{"- Pieter: lid van de FNV", "FNV", true},
		{"Diagnose: diabetes type 2", "diabetes", true},
		/* code, configuration, logs, man pages, markup */
		{"    union member { int id; char *name; };", "union", false},
		{"disabled = true", "disabled", false},
		{"if (dev->disabled) return -ENODEV;", "disabled", false},
		{"  --disable-diagnostics    do not diagnose", "diagnose", false},
		{"# the feature is disabled by default", "disabled", false},
		{"// TODO: diagnose why the build fails", "diagnose", false},
		{".B disabled", "disabled", false},
		{"2023-11-08 01:02:03 WARN service health check disabled", "disabled", false},
		{"Nov  8 01:02:03 host kernel: usb 1-1: port disabled", "disabled", false},
		{"Nov  8 01:02:03 host sshd[1234]: session disabled", "disabled", false},
		{"<field name=\"religion\" type=\"string\"/>", "religion", false},
		{"Religion=none", "Religion", false},
		{"set_health_status(diagnose_mode);", "diagnose", false},
		{"call isDisabled() before diagnose", "diagnose", false},
		{"if (dev->disabled) diagnose(dev);", "diagnose", false},
		{"The physician will write to david.smith@btinternet.com soon.", "physician", true},
		{"[diagnostics] enabled", "diagnostics", false},
	};
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		CHECK_MSG(prose_at(lines[i].text, lines[i].word) == lines[i].prose, "%s: %s",
			  lines[i].prose ? "prose" : "not prose", lines[i].text);

	/* only the word's own line counts */
	const char *mixed = "int disabled = 1;\nJan is sinds maandag ziek gemeld en thuis.\n";
	CHECK(!prose_at(mixed, "disabled"));
	CHECK(prose_at(mixed, "ziek"));

	static const struct {
		const char *path;
		bool technical;
	} files[] = {
		{"src/main.c", true},
		{"share/man/man1/ls.1.gz", true},
		{"etc/app.conf", true},
		{"logs/app.log", true},
		{"build/Makefile", true},
		{"a.zip!project/setup.py", true},
		{"print/brief.ps", true},
		{"HR/dossier-jan.txt", false},
		{"exports/klanten.csv", false},
		{"export/patients.json", false},
		{"mail/archief.mbox!msg-3/body", false},
		{"documents/verslag.docx", false},
		{"notes/v1.2", false},
	};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		CHECK_MSG(pii_path_is_technical(files[i].path) == files[i].technical, "%s",
			  files[i].path);
}
