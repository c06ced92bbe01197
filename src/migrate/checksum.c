/* checksum.c - migration.sql checksums as Prisma computes and compares them */
#include "migrate/migrate.h"

#include <string.h>

/*
 * Owns the checksum rules only. Prisma compares a stored checksum against
 * the script as it is, with CRLF turned into LF, and with LF turned into
 * CRLF; stored checksums that are not 64 characters long come from an old
 * engine that wrote each byte without its leading zero.
 */

void migration_checksum(const char *script, size_t len, char out[SHA256_HEX_LEN + 1])
{
	sha256_hex(script, len, out);
}

/* The old format: every byte's hex digits without a leading zero. */
static void unpadded(const char hex[SHA256_HEX_LEN + 1], struct strbuf *out)
{
	for (size_t i = 0; i < SHA256_HEX_LEN; i += 2) {
		if (hex[i] != '0')
			strbuf_addch(out, hex[i]);
		strbuf_addch(out, hex[i + 1]);
	}
}

static bool hex_matches(const char hex[SHA256_HEX_LEN + 1], const char *stored)
{
	struct strbuf old = STRBUF_INIT;
	bool same;
	size_t n = strlen(stored);

	if (n == SHA256_HEX_LEN || n == 0)
		return !strcmp(hex, stored);
	unpadded(hex, &old);
	same = !strcmp(old.buf, stored);
	strbuf_release(&old);
	return same;
}

/* The CRLF -> LF and LF -> CRLF forms of script against stored. */
static bool other_line_endings_match(const char *script, size_t len, const char *stored)
{
	char hex[SHA256_HEX_LEN + 1];
	struct strbuf alt = STRBUF_INIT;
	bool same;
	size_t i;

	/* CRLF -> LF */
	for (i = 0; i < len; i++) {
		if (script[i] == '\r' && i + 1 < len && script[i + 1] == '\n')
			continue;
		strbuf_addch(&alt, script[i]);
	}
	sha256_hex(alt.buf, alt.len, hex);
	same = hex_matches(hex, stored);

	/* LF -> CRLF (every LF, as Prisma does) */
	if (!same) {
		strbuf_reset(&alt);
		for (i = 0; i < len; i++) {
			if (script[i] == '\n')
				strbuf_addch(&alt, '\r');
			strbuf_addch(&alt, script[i]);
		}
		sha256_hex(alt.buf, alt.len, hex);
		same = hex_matches(hex, stored);
	}
	strbuf_release(&alt);
	return same;
}

bool migration_checksum_matches(const char *script, size_t len, const char *stored)
{
	char hex[SHA256_HEX_LEN + 1];

	migration_checksum(script, len, hex);
	return hex_matches(hex, stored) || other_line_endings_match(script, len, stored);
}

bool migration_matches_stored(const struct migration *m, const char *stored)
{
	return hex_matches(m->checksum, stored) ||
	       other_line_endings_match(m->script, m->script_len, stored);
}
