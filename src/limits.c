/*
 * limits.c - the one door every member of every container passes
 * (pii_limits.h): depth, members, expansion, ratio and time are charged
 * here, whatever the container, and nowhere else.
 */
#include "pii_limits.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static bool refuse(struct pii_limit_hit *hit, const char *code, enum pii_file_status st)
{
	hit->code = code;
	hit->status = st;
	hit->silent = false;
	return false;
}

bool pii_limits_admit(struct pii_input *c, struct pii_limit_hit *hit)
{
	const struct pii_options *opt = c->opt;
	memset(hit, 0, sizeof(*hit));
	if ((unsigned)c->depth >= opt->max_depth) {
		snprintf(hit->why, sizeof(hit->why),
			 "container nested %u deep: its members are not read (--max-depth %u)",
			 (unsigned)c->depth, opt->max_depth);
		return refuse(hit, PII_CODE_LIMIT_DEPTH, PII_FILE_SKIPPED);
	}
	if (pii_input_expired(c)) {
		/* the file on disk's outcome says why, once */
		refuse(hit, c->budget->stopped == ETIMEDOUT ? PII_CODE_TIMEOUT
							     : PII_CODE_INTERRUPTED,
		       PII_FILE_PARTIAL);
		hit->silent = true;
		return false;
	}
	if (c->budget && (c->budget->exhausted || c->budget->expanded >= opt->max_expand)) {
		c->budget->exhausted = true;
		snprintf(hit->why, sizeof(hit->why),
			 "expansion limit of %llu bytes reached (--max-expand): the rest was not "
			 "scanned",
			 (unsigned long long)opt->max_expand);
		return refuse(hit, PII_CODE_LIMIT_EXPAND, PII_FILE_PARTIAL);
	}
	if (c->members >= opt->max_members) {
		snprintf(hit->why, sizeof(hit->why),
			 "more than %llu members (--max-members): the rest was not scanned",
			 (unsigned long long)opt->max_members);
		return refuse(hit, PII_CODE_LIMIT_MEMBERS, PII_FILE_PARTIAL);
	}
	c->members++;
	return true;
}

uint64_t pii_limits_charge(struct pii_input *c, uint64_t n, struct pii_limit_hit *hit)
{
	const struct pii_options *opt = c->opt;
	struct pii_budget *b = c->budget;
	memset(hit, 0, sizeof(*hit));
	if (b) {
		if (b->exhausted || b->expanded >= opt->max_expand) {
			b->exhausted = true;
			snprintf(hit->why, sizeof(hit->why),
				 "expansion limit of %llu bytes reached (--max-expand): the rest "
				 "was not scanned",
				 (unsigned long long)opt->max_expand);
			refuse(hit, PII_CODE_LIMIT_EXPAND, PII_FILE_PARTIAL);
			return 0;
		}
		if (n > opt->max_expand - b->expanded)
			n = opt->max_expand - b->expanded;
		b->expanded += n;
	}
	c->bytes_out += n;
	/* A bomb: far more comes out than goes in. Judged once enough came
	 * out: a small file of zeros compresses a thousand times and is
	 * harmless. */
	if (c->bytes_out > PII_RATIO_MIN_BYTES && c->bytes_read > 0 &&
	    c->bytes_out / c->bytes_read >= opt->max_ratio) {
		snprintf(hit->why, sizeof(hit->why),
			 "expands more than %u times (--max-ratio): a compression bomb? "
			 "%llu bytes read, the rest not scanned",
			 opt->max_ratio, (unsigned long long)c->bytes_out);
		refuse(hit, PII_CODE_LIMIT_RATIO, PII_FILE_PARTIAL);
	}
	return n;
}
