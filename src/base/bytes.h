/* bytes.h - tiny inline byte helpers shared by every module: hex digits, short copies */
#ifndef MESDB_BYTES_H
#define MESDB_BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Value of an ASCII hex digit (either case), or -1. */
static inline int hex_digit_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * memcpy for the many short strings of a schema: up to 16 bytes with two
 * overlapping word stores (reading only s[0..n)), longer ones with memcpy.
 */
static inline void bytes_copy(char *d, const char *s, size_t n)
{
	if (n > 16) {
		memcpy(d, s, n);
	} else if (n >= 8) {
		uint64_t x, y;
		memcpy(&x, s, 8);
		memcpy(&y, s + n - 8, 8);
		memcpy(d, &x, 8);
		memcpy(d + n - 8, &y, 8);
	} else if (n >= 4) {
		uint32_t x, y;
		memcpy(&x, s, 4);
		memcpy(&y, s + n - 4, 4);
		memcpy(d, &x, 4);
		memcpy(d + n - 4, &y, 4);
	} else {
		for (size_t i = 0; i < n; i++)
			d[i] = s[i];
	}
}

#endif
