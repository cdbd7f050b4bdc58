/*
 * validate_geo.c - a position on the earth written in decimal degrees
 * ("52.370216, 4.895168"), as image metadata and location exports have it.
 */
#include <math.h>
#include <stdio.h>

#include "validators.h"

/* One coordinate, "-52.370216": its degrees and the decimals it was
 * written with; the bytes read, 0 when there is none. Read without the
 * locale, whose decimal mark may be a comma. */
static size_t read_degrees(const char *s, size_t n, double *deg, size_t *decimals)
{
	size_t i = n && s[0] == '-' ? 1 : 0, whole = i;
	double v = 0, unit = 1;
	for (; i < n && s[i] >= '0' && s[i] <= '9' && i - whole < 4; i++)
		v = v * 10 + (s[i] - '0');
	if (i == whole || i >= n || s[i] != '.')
		return 0;
	size_t first = ++i;
	for (; i < n && s[i] >= '0' && s[i] <= '9' && i - first < 20; i++)
		v += (s[i] - '0') * (unit /= 10);
	*decimals = i - first;
	*deg = s[0] == '-' ? -v : v;
	return i;
}

bool pii_validate_gps(const char *value, size_t len, struct pii_canon *canon)
{
	double lat, lon;
	size_t lat_decimals, lon_decimals;
	size_t i = read_degrees(value, len, &lat, &lat_decimals);
	if (!i)
		return false;
	size_t sep = i;
	while (i < len && (value[i] == ',' || value[i] == ';' || value[i] == ' ') && i - sep < 3)
		i++;
	size_t used = i > sep ? read_degrees(value + i, len - i, &lon, &lon_decimals) : 0;
	if (!used || i + used != len)
		return false;
	/* Four decimals are some 10 m; fewer are a price, a measure or a
	 * version more often than a place. 0, 0 is what a device writes
	 * without a fix. */
	if (lat_decimals < 4 || lon_decimals < 4 || fabs(lat) > 90 || fabs(lon) > 180 ||
	    (lat == 0 && lon == 0))
		return false;
	/* the same place however many decimals it was written with */
	char s[48];
	int n = snprintf(s, sizeof(s), "%.6f,%.6f", lat, lon);
	pii_canon_copy(canon, s, n > 0 && (size_t)n < sizeof(s) ? (size_t)n : 0);
	return true;
}
