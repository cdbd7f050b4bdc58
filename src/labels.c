/*
 * labels.c - the words of the reports in each language (labels.def).
 */
#include "pii_labels.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii_finding.h"
#include "pii_rules.h"

static const char *const labels[][2] = {
#define PII_LABEL(id, en, nl) {en, nl},
#define PII_PLURAL(id, en1, en, nl1, nl) {en1, nl1}, {en, nl},
#include "labels.def"
#undef PII_LABEL
#undef PII_PLURAL
};

const char *pii_label(enum pii_lang lang, enum pii_label_id id)
{
	return labels[id][lang == PII_LANG_NL];
}

bool pii_label_is(enum pii_label_id id, const char *text)
{
	return text && (!strcmp(text, labels[id][0]) || !strcmp(text, labels[id][1]));
}

const char *pii_label_n(enum pii_lang lang, enum pii_label_id id, uint64_t n)
{
	return pii_label(lang, n == 1 ? id : id + 1);
}

const char *pii_label_category(enum pii_lang lang, const char *category)
{
	static const struct {
		const char *id;
		enum pii_label_id label;
	} known[] = {
		{"contact", PII_L_CAT_CONTACT},
		{"identity", PII_L_CAT_IDENTITY},
		{"national_id", PII_L_CAT_NATIONAL_ID},
		{"financial", PII_L_CAT_FINANCIAL},
		{"address", PII_L_CAT_ADDRESS},
		{"online_id", PII_L_CAT_ONLINE_ID},
		{"location", PII_L_CAT_LOCATION},
		{"special_category", PII_L_CAT_SPECIAL},
		{"criminal_data", PII_L_CAT_CRIMINAL},
		{"identity_document", PII_L_CAT_ID_DOCUMENT},
	};
	for (size_t i = 0; category && i < sizeof(known) / sizeof(known[0]); i++)
		if (!strcmp(known[i].id, category))
			return pii_label(lang, known[i].label);
	return category;
}

const char *pii_label_confidence(enum pii_lang lang, int confidence)
{
	switch (confidence) {
	case PII_CONF_HIGH: return pii_label(lang, PII_L_CONF_HIGH);
	case PII_CONF_MEDIUM: return pii_label(lang, PII_L_CONF_MEDIUM);
	case PII_CONF_LOW: return pii_label(lang, PII_L_CONF_LOW);
	}
	return "";
}

const char *pii_label_special(enum pii_lang lang, int special)
{
	switch (special) {
	case 9: return pii_label(lang, PII_L_SPECIAL_ART9);
	case 10: return pii_label(lang, PII_L_SPECIAL_ART10);
	case PII_SPECIAL_ID_COPY: return pii_label(lang, PII_L_SPECIAL_ID_COPY);
	}
	return NULL;
}

const char *pii_label_status(enum pii_lang lang, int status)
{
	switch (status) {
	case PII_FILE_SCANNED: return pii_label(lang, PII_L_STATUS_SCANNED);
	case PII_FILE_PARTIAL: return pii_label(lang, PII_L_STATUS_PARTIAL);
	case PII_FILE_FAILED: return pii_label(lang, PII_L_STATUS_FAILED);
	case PII_FILE_SKIPPED: return pii_label(lang, PII_L_STATUS_SKIPPED);
	}
	return "?";
}

const char *pii_label_code(enum pii_lang lang, const char *code)
{
	static const struct {
		const char *code;
		enum pii_label_id label;
	} codes[] = {
		{PII_CODE_LIMIT_DEPTH, PII_L_CODE_LIMIT_DEPTH},
		{PII_CODE_LIMIT_MEMBERS, PII_L_CODE_LIMIT_MEMBERS},
		{PII_CODE_LIMIT_EXPAND, PII_L_CODE_LIMIT_EXPAND},
		{PII_CODE_LIMIT_RATIO, PII_L_CODE_LIMIT_RATIO},
		{PII_CODE_LIMIT_SIZE, PII_L_CODE_LIMIT_SIZE},
		{PII_CODE_LIMIT_PATTERN, PII_L_CODE_LIMIT_PATTERN},
		{PII_CODE_TIMEOUT, PII_L_CODE_TIMEOUT},
		{PII_CODE_INTERRUPTED, PII_L_CODE_INTERRUPTED},
		{PII_CODE_ENCRYPTED, PII_L_CODE_ENCRYPTED},
		{PII_CODE_DAMAGED, PII_L_CODE_DAMAGED},
		{PII_CODE_NEEDS_OCR, PII_L_CODE_NEEDS_OCR},
		{PII_CODE_OCR_NO_TEXT, PII_L_CODE_OCR_NO_TEXT},
		{PII_CODE_OCR_BUDGET, PII_L_CODE_OCR_BUDGET},
		{PII_CODE_OCR_OFF, PII_L_CODE_OCR_OFF},
		{PII_CODE_OCR_MISSING, PII_L_CODE_OCR_MISSING},
		{PII_CODE_UNSUPPORTED, PII_L_CODE_UNSUPPORTED},
		{PII_CODE_READ_ERROR, PII_L_CODE_READ_ERROR},
		{PII_CODE_OPEN_FAILED, PII_L_CODE_OPEN_FAILED},
		{PII_CODE_GONE, PII_L_CODE_GONE},
		{PII_CODE_CHANGED, PII_L_CODE_CHANGED},
		{PII_CODE_OUT_OF_MEMORY, PII_L_CODE_OUT_OF_MEMORY},
		{PII_CODE_SPILL, PII_L_CODE_SPILL},
		{PII_CODE_TOOL_FAILED, PII_L_CODE_TOOL_FAILED},
		{PII_CODE_SYMLINK, PII_L_CODE_SYMLINK},
		{PII_CODE_SPECIAL_FILE, PII_L_CODE_SPECIAL_FILE},
		{PII_CODE_OWN_FILE, PII_L_CODE_OWN_FILE},
		{PII_CODE_EXCLUDED, PII_L_CODE_EXCLUDED},
		{PII_CODE_STATE, PII_L_CODE_STATE},
	};
	for (size_t i = 0; code && i < sizeof(codes) / sizeof(codes[0]); i++)
		if (!strcmp(code, codes[i].code))
			return pii_label(lang, codes[i].label);
	return "";
}

void pii_label_age(enum pii_lang lang, int64_t seconds, char *out, size_t outlen)
{
	/* the units of pii_parse_duration, largest first: the first that
	 * gives back the seconds exactly is the one the age was given in */
	static const struct {
		double seconds;
		enum pii_label_id label;
	} units[] = {
		{365.25 * 86400, PII_L_AGE_YEARS},
		{365.25 * 86400 / 12, PII_L_AGE_MONTHS},
		{7 * 86400, PII_L_AGE_WEEKS},
	};
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		uint64_t k = (uint64_t)((double)seconds / units[i].seconds + 0.5);
		if (k && (int64_t)((double)k * units[i].seconds) == seconds) {
			snprintf(out, outlen, pii_label_n(lang, units[i].label, k), (unsigned long long)k);
			return;
		}
	}
	uint64_t days = (uint64_t)(seconds / 86400);
	snprintf(out, outlen, pii_label_n(lang, PII_L_AGE_DAYS, days), (unsigned long long)days);
}

bool pii_lang_parse(const char *s, enum pii_lang *lang)
{
	if (!s)
		return false;
	if (!strncmp(s, "nl", 2) && (!s[2] || s[2] == '_' || s[2] == '.' || s[2] == '-')) {
		*lang = PII_LANG_NL;
		return true;
	}
	if (!strncmp(s, "en", 2) && (!s[2] || s[2] == '_' || s[2] == '.' || s[2] == '-')) {
		*lang = PII_LANG_EN;
		return true;
	}
	return false;
}

enum pii_lang pii_lang_default(void)
{
	/* as setlocale(LC_MESSAGES, "") would choose, without changing the
	 * program's locale (which decides how numbers are parsed) */
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);
		if (v && *v) {
			enum pii_lang lang = PII_LANG_EN;
			pii_lang_parse(v, &lang);
			return lang;
		}
	}
	return PII_LANG_EN;
}
