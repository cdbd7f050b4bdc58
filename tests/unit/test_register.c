/* The register's and the shards' small functions: ages for --stale-after,
 * and the shard of a path, which must never change between versions
 * (expected values from an independent FNV-1a, in Python). */
#include "pii_register.h"
#include "pii_walk.h"
#include "test.h"

void test_register(void)
{
	int64_t s = 0;
	CHECK(pii_parse_duration("5y", &s) && s == (int64_t)(5 * 365.25 * 86400));
	CHECK(pii_parse_duration("18m", &s) && s == (int64_t)(18 * 365.25 * 86400 / 12));
	CHECK(pii_parse_duration("90d", &s) && s == 90 * 86400);
	CHECK(pii_parse_duration("2w", &s) && s == 14 * 86400);
	CHECK(pii_parse_duration("0d", &s) && s == 0);
	CHECK(!pii_parse_duration("5", &s));
	CHECK(!pii_parse_duration("-1y", &s));
	CHECK(!pii_parse_duration("5 y", &s));
	CHECK(!pii_parse_duration("", &s));
	CHECK(!pii_parse_duration("2000y", &s));

	CHECK(pii_shard_of("hr/ziekmelding-jansen.txt", 4) == 4);
	CHECK(pii_shard_of("a", 2) == 1);
	CHECK(pii_shard_of("", 3) == 3);
	CHECK(pii_shard_of("marketing/mailing-list-2019.csv", 7) == 4);
	CHECK(pii_shard_of("anything", 1) == 1);
}
