/*
 * pii_extractor.h - what an extractor is: one format, in one file of
 * src/extract/, listed once in src/extract/extractors.def (as yara lists
 * its modules). It turns an input into located text through a sink.
 */
#ifndef PII_EXTRACTOR_H
#define PII_EXTRACTOR_H

#include "pii_input.h"
#include "pii_sink.h"

/* Bids, in tiers by how much of the format the bidder has verified
 * (libarchive's "bits verified"); the highest bid runs, ties go to the
 * extractor listed first. A bidder may add a little within its tier for
 * what else it checked. */
enum pii_bid {
	PII_BID_NONE = 0,
	PII_BID_FALLBACK = 1,   /* reads any input of its kind, poorly (strings) */
	PII_BID_KIND = 10,      /* reads any input of the kind detection gave (text) */
	PII_BID_SHAPE = 15,     /* the first bytes have the format's shape */
	PII_BID_SNIFFED = 20,   /* a generic magic, or the head parsed as the format */
	PII_BID_SIGNATURE = 25, /* the format's own signature */
	PII_BID_EXACT = 30,     /* signature and version both checked */
};

struct pii_extractor {
	const char *name;
	/* How well this extractor reads in: a pii_bid. Must only look at
	 * in->type, in->head and in->path. best is the highest bid so far: a
	 * costly bidder that cannot beat it returns PII_BID_NONE at once. */
	int (*bid)(const struct pii_input *in, int best);
	/* Extracts the text of in into out. Returns PII_OK, PII_EOBJECT when
	 * the input could not be read to the end (findings so far are kept;
	 * in->read_errno or a problem row says why) or PII_EFATAL. */
	enum pii_status (*run)(struct pii_input *in, struct pii_sink *out);
	/* Optional: set-up of the libraries it uses, once, from the main
	 * thread before any thread scans; and their tear-down. */
	void (*init)(void);
	void (*fini)(void);
};

#define PII_EXTRACTOR(name, have, what) extern const struct pii_extractor pii_extractor_##name;
#include "extract/extractors.def"
#undef PII_EXTRACTOR

#endif
