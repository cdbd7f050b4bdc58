/* US SSN and ITIN (src/validate_id_us.c): python-stdnum's us.ssn and
 * us.itin doctests, the area/group/serial rules of the SSA, the numbers
 * printed on wallet inserts and leaflets, and the written forms. */
#include "pii_validate.h"
#include "test.h"
#include "validator_case.h"

void test_validate_id_us(void)
{
	/* python-stdnum us.ssn doctests */
	CHECK(valid("us_ssn", "536-90-4399", "536904399"));
	CHECK(!valid("us_ssn", "1112-23333", NULL));  /* dash in the wrong place */
	CHECK(!valid("us_ssn", "666-00-0000", NULL)); /* area 666 */
	CHECK(!valid("us_ssn", "078-05-1120", NULL)); /* the Woolworth number */
	CHECK(valid("us_ssn", "111-22-3333", "111223333")); /* its format() */
	/* the written forms of issue #20 */
	CHECK(valid("us_ssn", "078-05-1123", "078051123"));
	CHECK(valid("us_ssn", "078 05 1123", "078051123"));
	CHECK(valid("us_ssn", "078051123", "078051123"));
	CHECK(!valid("us_ssn", "078-05 1123", NULL)); /* two kinds of separator */
	CHECK(!valid("us_ssn", "078.05.1123", NULL));
	CHECK(!valid("us_ssn", "07805112", NULL));
	CHECK(!valid("us_ssn", "0780511234", NULL));
	/* SSA: never area 000, 666 or 900-999, group 00, serial 0000 */
	CHECK(!valid("us_ssn", "000-12-3456", NULL));
	CHECK(!valid("us_ssn", "666-12-3456", NULL));
	CHECK(!valid("us_ssn", "900-12-3456", NULL));
	CHECK(!valid("us_ssn", "999-99-9999", NULL));
	CHECK(!valid("us_ssn", "536-00-4399", NULL));
	CHECK(!valid("us_ssn", "536-90-0000", NULL));
	CHECK(valid("us_ssn", "899-01-0001", "899010001"));
	/* printed everywhere: python-stdnum's blacklist, and forms' filler */
	CHECK(!valid("us_ssn", "219-09-9999", NULL));
	CHECK(!valid("us_ssn", "457-55-5462", NULL));
	CHECK(!valid("us_ssn", "123-45-6789", NULL));
	CHECK(!valid("us_ssn", "111111111", NULL));
	/* python-stdnum us.itin doctests */
	CHECK(valid("us_itin", "912-90-3456", "912903456"));
	CHECK(!valid("us_itin", "9129-03456", NULL));  /* dash in the wrong place */
	CHECK(!valid("us_itin", "123-45-6789", NULL)); /* wrong start digit */
	CHECK(!valid("us_itin", "912-93-4567", NULL)); /* wrong group */
	/* the groups: 70-88, 90-92, 94-99 */
	CHECK(valid("us_itin", "912-70-3456", "912703456"));
	CHECK(valid("us_itin", "912 88 3456", "912883456"));
	CHECK(valid("us_itin", "912943456", "912943456"));
	CHECK(valid("us_itin", "912-99-3456", "912993456"));
	CHECK(!valid("us_itin", "912-89-3456", NULL));
	CHECK(!valid("us_itin", "912-69-3456", NULL));
	CHECK(!valid("us_itin", "912-00-3456", NULL));
	/* an ITIN is no SSN, and the other way round */
	CHECK(!valid("us_ssn", "912-90-3456", NULL));
	CHECK(!valid("us_itin", "536-90-4399", NULL));
}
