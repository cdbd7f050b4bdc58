/*
 * test.h - a minimal test harness: every CHECK is one test; failures
 * print where and what.
 */
#ifndef PII_TEST_H
#define PII_TEST_H

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

extern int t_passed, t_failed;

#define CHECK_MSG(cond, ...)                                                   \
	do {                                                                   \
		if (cond) {                                                    \
			t_passed++;                                            \
		} else {                                                       \
			t_failed++;                                            \
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);   \
			fprintf(stderr, __VA_ARGS__);                          \
			fputc('\n', stderr);                                   \
		}                                                              \
	} while (0)

#define CHECK(cond) CHECK_MSG((cond), "%s", #cond)

#define CHECK_STR(got, want)                                                   \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		CHECK_MSG(g_ && w_ && !strcmp(g_, w_), "%s: got \"%s\", want \"%s\"", \
			  #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");       \
	} while (0)

#define CHECK_U64(got, want)                                                   \
	do {                                                                   \
		uint64_t g_ = (uint64_t)(got), w_ = (uint64_t)(want);          \
		CHECK_MSG(g_ == w_, "%s: got %" PRIu64 ", want %" PRIu64, #got, g_, w_); \
	} while (0)

/* Directory of the repository's rules/ (set by test_main from argv). */
extern const char *t_rules_dir;


#endif
