/*
 * pii_emit.h - from text to findings: runs the matcher over a piece of
 * located text and turns each match into a finding (canonical value
 * fingerprinted, value masked unless --show-values), batched for the
 * collector, unless an allow: entry lets it go (then only counted). The
 * raw value never leaves the worker otherwise. One emitter per worker
 * thread.
 */
#ifndef PII_EMIT_H
#define PII_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pii_collect.h"
#include "pii_finding.h"
#include "pii_fingerprint.h"
#include "pii_rules.h"
#include "pii_sink.h"

struct pii_emitter {
	const struct pii_ruleset *rules;
	bool show_values;
	struct pii_matcher *matcher;
	struct pii_fp *fp;
	struct pii_buf repaired;   /* text with invalid UTF-8 replaced */
	struct pii_outbox *out;
	/* the file on disk the findings are of */
	uint64_t file_id;
	struct pii_batch *batch;
	uint64_t row;              /* record of a table, 0 when none */
	/* text read by OCR: spans of words it was unsure of, sorted; a
	 * value touching one is at most medium (pii_sink.h ocr_text) */
	const struct pii_span *doubtful;
	size_t n_doubtful;
	/* allow: entries (pii_allow.h): which entries' path: holds for the
	 * file (set per file by the sink; NULL: none), and how many findings
	 * each let go since the sink last took them */
	const unsigned char *allow_path;
	uint64_t *allowed;         /* indexed like rules->allow; NULL: no entries */
	bool any_allowed;
	struct pii_allow_matcher *allow_m;
	bool oom;                  /* a finding was lost */
	uint64_t limit_hits;       /* PCRE2 work limits reached */
	struct pii_emit_memo *memo; /* short texts that held nothing */
};

/* Sets up e for rules (compiled, shared) sending to out. false when out
 * of memory. */
bool pii_emitter_init(struct pii_emitter *e, const struct pii_ruleset *rules,
		      const struct pii_fp_key *key, bool show_values,
		      struct pii_outbox *out);
void pii_emitter_free(struct pii_emitter *e);

/* Findings from here on are of file file_id, in record row (0: none). */
void pii_emit_begin(struct pii_emitter *e, uint64_t file_id, uint64_t row);

/* Matches text[0..len) and emits the matches that start in [from, to).
 * offset0 is the offset of text[0] in the location's text; lines the
 * newlines before text[from], or UINT64_MAX when the text has no lines. */
void pii_emit_text(struct pii_emitter *e, const struct pii_loc *loc, const char *text,
		   size_t len, size_t from, size_t to, uint64_t offset0, uint64_t lines);

/* Hands the findings batched so far to the collector (before a message
 * that must come after them). */
void pii_emit_flush(struct pii_emitter *e);

#endif
