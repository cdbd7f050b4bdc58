/*
 * extract.c - the registry of extractors, made from extractors.def, and
 * the dispatch: the highest bid reads the input.
 */
#include "pii_ocr_engine.h"
#include "pii_extract.h"
#include "pii_have.h"

#include <pthread.h>
#include <stdbool.h>

/* Every format this build reads, in the order of extractors.def. */
static const struct pii_extractor *const extractors[] = {
#define PII_EXTRACTOR(name, have, what) PII_IF(have, &pii_extractor_##name,)
#include "extract/extractors.def"
#undef PII_EXTRACTOR
};

#define N_EXTRACTORS (sizeof(extractors) / sizeof(extractors[0]))

static void init_all(void)
{
	for (size_t i = 0; i < N_EXTRACTORS; i++)
		if (extractors[i]->init)
			extractors[i]->init();
}

void pii_extractors_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, init_all);
}

void pii_extractors_fini(void)
{
	for (size_t i = N_EXTRACTORS; i-- > 0;)
		if (extractors[i]->fini)
			extractors[i]->fini();
}

const struct pii_extractor *pii_extractor_for(const struct pii_input *in)
{
	const struct pii_extractor *best = NULL;
	int best_bid = PII_BID_NONE;
	for (size_t i = 0; i < N_EXTRACTORS; i++) {
		int bid = extractors[i]->bid(in, best_bid);
		if (bid > best_bid) {
			best = extractors[i];
			best_bid = bid;
		}
	}
	return best;
}

enum pii_status pii_extract(struct pii_input *in, struct pii_sink *out)
{
	const struct pii_extractor *x = pii_extractor_for(in);
	if (!x)
		return PII_OK; /* nothing to read in it (an empty file) */
	return x->run(in, out);
}

void pii_extractors_describe(FILE *f)
{
	fprintf(f, "Reads:\n");
#define PII_EXTRACTOR(name, have, what) PII_IF(have, fprintf(f, "  %-8s %s\n", #name, what);)
#include "extract/extractors.def"
#undef PII_EXTRACTOR
#define PII_EXTRACTOR(name, have, what) \
	PII_IFNOT(have, fprintf(f, "  %-8s %s: left out of this build\n", #name, what);)
#include "extract/extractors.def"
#undef PII_EXTRACTOR
	/* OCR is loaded at the first image: say here whether it will be */
	char why[256];
	if (pii_ocr_engine_load(why, sizeof(why)))
		fprintf(f, "OCR: tesseract, languages nld+eng\n");
	else
		fprintf(f, "%s\n", why);
}
