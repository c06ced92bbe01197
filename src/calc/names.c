/* names.c - Prisma's default constraint names and operator class names for PostgreSQL */
#include "calc/calc.h"

#include <ctype.h>
#include <string.h>

#include "base/xalloc.h"

/*
 * Owns only name computation; knows nothing of the datamodel. Prisma cuts a
 * default name so that name + suffix fits CALC_MAX_IDENT bytes, at the last
 * UTF-8 character boundary not after the cut (floor_char_boundary).
 */

/* Largest n <= limit such that s[n] starts a UTF-8 character (or n == len). */
static size_t floor_boundary(const char *s, size_t len, size_t limit)
{
	if (limit >= len)
		return len;
	while (limit > 0 && ((unsigned char)s[limit] & 0xC0) == 0x80)
		limit--;
	return limit;
}

void calc_pk_name(const char *table, struct strbuf *out)
{
	size_t len = strlen(table);
	size_t keep = len;

	if (len >= CALC_MAX_IDENT - 5)
		keep = floor_boundary(table, len, CALC_MAX_IDENT - 5);
	strbuf_add(out, table, keep);
	strbuf_addstr(out, "_pkey");
}

/* <table>_<c1>_<c2>... cut at limit - strlen(suffix) when it reaches it, then suffix */
static void joined_name(const char *table, const char *const *columns, uint32_t ncolumns,
			const char *suffix, struct strbuf *out)
{
	struct strbuf sb = STRBUF_INIT;
	size_t room = CALC_MAX_IDENT - strlen(suffix);
	uint32_t i;

	strbuf_addstr(&sb, table);
	strbuf_addch(&sb, '_');
	for (i = 0; i < ncolumns; i++) {
		if (i)
			strbuf_addch(&sb, '_');
		strbuf_addstr(&sb, columns[i]);
	}
	if (sb.len >= room)
		strbuf_setlen(&sb, floor_boundary(sb.buf, sb.len, room));
	strbuf_addbuf(out, &sb);
	strbuf_addstr(out, suffix);
	strbuf_release(&sb);
}

void calc_index_name(const char *table, const char *const *columns, uint32_t ncolumns, bool unique,
		     struct strbuf *out)
{
	joined_name(table, columns, ncolumns, unique ? "_key" : "_idx", out);
}

void calc_fk_name(const char *table, const char *const *columns, uint32_t ncolumns,
		  struct strbuf *out)
{
	/* Prisma cuts the joined name at limit - 5 ("_fkey"), like the index names */
	joined_name(table, columns, ncolumns, "_fkey", out);
}

/*
 * Operator classes: Prisma's names are the SQL names in CamelCase, with a
 * few words written as one token: "MinMax" (minmax), "TimestampTz"
 * (timestamptz), "TimeTz" (timetz), "VarBit" (varbit). Digits stay with the
 * word before them ("Int4MinMaxOps" -> "int4_minmax_ops").
 */
void calc_opclass_name(const char *ops, struct strbuf *out)
{
	static const char *const joined[] = { "MinMax", "TimestampTz", "TimeTz", "VarBit" };
	const char *p = ops;
	bool first = true;

	if (!strncmp(ops, "raw:", 4)) {
		strbuf_addstr(out, ops + 4);
		return;
	}
	while (*p) {
		size_t n = 0, k;
		bool matched = false;

		for (k = 0; k < ARRAY_SIZE(joined); k++) {
			size_t jl = strlen(joined[k]);
			/* a joined word must end at a word boundary */
			if (!strncmp(p, joined[k], jl) && !islower((unsigned char)p[jl])) {
				n = jl;
				matched = true;
				break;
			}
		}
		if (!matched) {
			n = 1;
			while (p[n] && !isupper((unsigned char)p[n]))
				n++;
		}
		if (!first)
			strbuf_addch(out, '_');
		for (k = 0; k < n; k++)
			strbuf_addch(out, tolower((unsigned char)p[k]));
		first = false;
		p += n;
	}
}
