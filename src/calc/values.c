/* values.c - column types and database defaults of scalar fields (Prisma's PostgreSQL rules) */
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "calc/calc_internal.h"

/*
 * Owns the mapping PSL scalar / @db.* type -> sql_type and PSL default ->
 * sql_default. Literal defaults are stored as the text Prisma renders
 * inside the SQL literal: numbers as canonical text, Bytes as "\x<hex>",
 * DateTime as "YYYY-MM-DD HH:MM:SS[.fff] +HH:MM", Json as written.
 */

static const struct {
	const char *psl;
	enum sql_ptype ptype;
} native_types[] = {
	{ "Text", SQL_T_TEXT },         { "VarChar", SQL_T_VARCHAR },
	{ "Char", SQL_T_CHAR },         { "Uuid", SQL_T_UUID },
	{ "Xml", SQL_T_XML },           { "Inet", SQL_T_INET },
	{ "Citext", SQL_T_CITEXT },     { "Bit", SQL_T_BIT },
	{ "VarBit", SQL_T_VARBIT },     { "SmallInt", SQL_T_SMALLINT },
	{ "Integer", SQL_T_INTEGER },   { "BigInt", SQL_T_BIGINT },
	{ "Oid", SQL_T_OID },           { "Decimal", SQL_T_DECIMAL },
	{ "Real", SQL_T_REAL },         { "DoublePrecision", SQL_T_DOUBLE },
	{ "Money", SQL_T_MONEY },       { "Timestamp", SQL_T_TIMESTAMP },
	{ "Timestamptz", SQL_T_TIMESTAMPTZ }, { "Date", SQL_T_DATE },
	{ "Time", SQL_T_TIME },         { "Timetz", SQL_T_TIMETZ },
	{ "Boolean", SQL_T_BOOLEAN },   { "Json", SQL_T_JSON },
	{ "JsonB", SQL_T_JSONB },       { "ByteA", SQL_T_BYTEA },
};

void calc_field_type(const struct psl_db *db, const uint32_t *enum_map,
		     const struct psl_db_field *f, struct sql_type *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	out->args[0] = out->args[1] = -1;
	out->enum_id = SQL_NONE;
	out->array = f->list;
	(void)db;

	switch (f->scalar) {
	case PSL_SCALAR_ENUM:
		out->ptype = SQL_T_ENUM;
		out->enum_id = enum_map[f->enum_id];
		return;
	case PSL_SCALAR_UNSUPPORTED:
		out->ptype = SQL_T_UNSUPPORTED;
		out->unsupported = f->unsupported;
		return;
	default:
		break;
	}
	if (f->native.name) {
		for (i = 0; i < ARRAY_SIZE(native_types); i++) {
			if (!strcmp(native_types[i].psl, f->native.name)) {
				out->ptype = native_types[i].ptype;
				if (f->native.nargs >= 1)
					out->args[0] = f->native.args[0];
				if (f->native.nargs >= 2)
					out->args[1] = f->native.args[1];
				return;
			}
		}
	}
	switch (f->scalar) {
	case PSL_SCALAR_STRING: out->ptype = SQL_T_TEXT; break;
	case PSL_SCALAR_BOOLEAN: out->ptype = SQL_T_BOOLEAN; break;
	case PSL_SCALAR_INT: out->ptype = SQL_T_INTEGER; break;
	case PSL_SCALAR_BIGINT: out->ptype = SQL_T_BIGINT; break;
	case PSL_SCALAR_FLOAT: out->ptype = SQL_T_DOUBLE; break;
	case PSL_SCALAR_DECIMAL:
		out->ptype = SQL_T_DECIMAL;
		out->args[0] = 65;
		out->args[1] = 30;
		break;
	case PSL_SCALAR_DATETIME:
		out->ptype = SQL_T_TIMESTAMP;
		out->args[0] = 3;
		break;
	case PSL_SCALAR_JSON: out->ptype = SQL_T_JSONB; break;
	case PSL_SCALAR_BYTES: out->ptype = SQL_T_BYTEA; break;
	case PSL_SCALAR_ENUM:
	case PSL_SCALAR_UNSUPPORTED:
		break;
	}
}

/* ---- literal conversions ---- */

static int b64_value(int ch)
{
	if (ch >= 'A' && ch <= 'Z')
		return ch - 'A';
	if (ch >= 'a' && ch <= 'z')
		return ch - 'a' + 26;
	if (ch >= '0' && ch <= '9')
		return ch - '0' + 52;
	if (ch == '+' || ch == '-')
		return 62;
	if (ch == '/' || ch == '_')
		return 63;
	return -1;
}

/* base64 (standard alphabet, padding optional) -> "\x<lowercase hex>" */
static int bytes_literal(const char *b64, struct strbuf *out)
{
	static const char hex[] = "0123456789abcdef";
	unsigned acc = 0;
	int bits = 0;
	const char *p;

	strbuf_addstr(out, "\\x");
	for (p = b64; *p && *p != '='; p++) {
		int v = b64_value((unsigned char)*p);
		if (v < 0)
			return -1;
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			unsigned byte = (acc >> (bits - 8)) & 0xFF;
			bits -= 8;
			strbuf_addch(out, hex[byte >> 4]);
			strbuf_addch(out, hex[byte & 15]);
		}
	}
	return 0;
}

static bool digits(const char *p, int n)
{
	int i;
	for (i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	return true;
}

/*
 * RFC 3339 "YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM)" -> how Prisma prints the
 * parsed value: "YYYY-MM-DD HH:MM:SS[.frac] +HH:MM", the fraction with 3, 6
 * or 9 digits as the value needs (none when zero).
 */
static int datetime_literal(const char *s, struct strbuf *out)
{
	long nanos = 0;
	int ndig = 0;
	const char *p;

	if (strlen(s) < 20 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
	    !digits(s + 8, 2) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
	    !digits(s + 11, 2) || s[13] != ':' || !digits(s + 14, 2) || s[16] != ':' ||
	    !digits(s + 17, 2))
		return -1;
	p = s + 19;
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9') {
			if (ndig < 9) {
				nanos = nanos * 10 + (*p - '0');
				ndig++;
			}
			p++;
		}
		while (ndig < 9) {
			nanos *= 10;
			ndig++;
		}
	}
	strbuf_add(out, s, 10);
	strbuf_addch(out, ' ');
	strbuf_add(out, s + 11, 8);
	if (nanos) {
		if (nanos % 1000000 == 0)
			strbuf_addf(out, ".%03ld", nanos / 1000000);
		else if (nanos % 1000 == 0)
			strbuf_addf(out, ".%06ld", nanos / 1000);
		else
			strbuf_addf(out, ".%09ld", nanos);
	}
	if (*p == 'Z' || *p == 'z') {
		strbuf_addstr(out, " +00:00");
		p++;
	} else if ((*p == '+' || *p == '-') && digits(p + 1, 2) && p[3] == ':' && digits(p + 4, 2)) {
		strbuf_addch(out, ' ');
		strbuf_add(out, p, 6);
		p += 6;
	} else {
		return -1;
	}
	return *p ? -1 : 0;
}

/*
 * How Prisma prints a Float/Decimal literal (a BigDecimal): the digits
 * without leading zeros, the fraction exactly as written ("1.50" stays
 * "1.50", "007.5" is "7.5"), no sign on zero. NULL when text is not a plain
 * decimal number (then the canonical value is printed).
 */
static const char *decimal_text(struct arena *a, const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = text, *int_start, *r;
	bool neg = false, nonzero = false;
	size_t i;

	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	int_start = p;
	while (*p >= '0' && *p <= '9')
		p++;
	if (p == int_start && *p != '.')
		return NULL;
	for (i = 0; int_start + i < p; i++)
		if (int_start[i] != '0')
			nonzero = true;
	if (*p == '.') {
		const char *f = p + 1;
		for (; *f >= '0' && *f <= '9'; f++)
			if (*f != '0')
				nonzero = true;
		if (*f)
			return NULL;
	} else if (*p) {
		return NULL;
	}
	if (neg && nonzero)
		strbuf_addch(&sb, '-');
	while (int_start < p - 1 && *int_start == '0')
		int_start++;
	if (int_start == p)
		strbuf_addch(&sb, '0');
	strbuf_addstr(&sb, int_start);
	r = arena_strndup(a, sb.buf, sb.len);
	strbuf_release(&sb);
	return r;
}

/* One scalar literal of a field of scalar type `scalar` into d. */
static int literal_default(const struct psl_db *db, struct arena *a, enum psl_scalar scalar,
			   const struct psl_default *src, struct sql_default *d)
{
	struct strbuf sb = STRBUF_INIT;
	int ret = 0;

	switch (src->kind) {
	case PSL_DEFAULT_STRING:
		d->kind = SQL_DEFAULT_STRING;
		switch (scalar) {
		case PSL_SCALAR_BYTES:
			ret = bytes_literal(src->value, &sb);
			break;
		case PSL_SCALAR_DATETIME:
			ret = datetime_literal(src->value, &sb);
			break;
		case PSL_SCALAR_DECIMAL:
		case PSL_SCALAR_FLOAT:
			d->kind = SQL_DEFAULT_NUMBER;
			if (!sql_number_canonical(&sb, src->value))
				ret = -1;
			d->literal = decimal_text(a, src->value);
			break;
		default:
			strbuf_addstr(&sb, src->value);
			break;
		}
		break;
	case PSL_DEFAULT_NUMBER:
		d->kind = SQL_DEFAULT_NUMBER;
		if (!sql_number_canonical(&sb, src->value))
			ret = -1;
		if (scalar == PSL_SCALAR_FLOAT || scalar == PSL_SCALAR_DECIMAL)
			d->literal = decimal_text(a, src->value);
		break;
	case PSL_DEFAULT_BOOLEAN:
		d->kind = SQL_DEFAULT_BOOLEAN;
		strbuf_addstr(&sb, src->value);
		break;
	case PSL_DEFAULT_ENUM:
		d->kind = SQL_DEFAULT_ENUM;
		if (src->enum_value_id != PSL_NONE && src->enum_value_id < db->nenum_values)
			strbuf_addstr(&sb, db->enum_values[src->enum_value_id].db_name);
		else
			strbuf_addstr(&sb, src->value);
		break;
	default:
		ret = -1;
		break;
	}
	if (!ret)
		d->value = arena_strndup(a, sb.buf, sb.len);
	strbuf_release(&sb);
	return ret;
}

int calc_field_default(const struct psl_db *db, struct arena *a, const struct psl_db_field *f,
		       struct sql_column *col)
{
	const struct psl_default *src = &f->dflt;
	struct sql_default *d = &col->dflt;
	uint32_t i;

	memset(d, 0, sizeof(*d));
	switch (src->kind) {
	case PSL_DEFAULT_NONE:
	case PSL_DEFAULT_SEQUENCE:
		return 0;
	case PSL_DEFAULT_CUID:
	case PSL_DEFAULT_UUID:
	case PSL_DEFAULT_NANOID:
	case PSL_DEFAULT_ULID:
		col->client_default = true;
		return 0;
	case PSL_DEFAULT_AUTOINCREMENT:
		/* Prisma's calculated schema: a sequence default without a name */
		col->autoincrement = true;
		d->kind = SQL_DEFAULT_SEQUENCE;
		d->value = "";
		return 0;
	case PSL_DEFAULT_NOW:
		d->kind = SQL_DEFAULT_NOW;
		return 0;
	case PSL_DEFAULT_DBGENERATED:
		d->kind = SQL_DEFAULT_EXPR;
		d->value = src->value ? arena_strdup(a, src->value) : NULL;
		return 0;
	case PSL_DEFAULT_LIST:
		d->kind = SQL_DEFAULT_LIST;
		d->nitems = src->nitems;
		d->items = ARENA_NEW_ARRAY(a, struct sql_default, src->nitems + 1);
		for (i = 0; i < src->nitems; i++)
			if (literal_default(db, a, f->scalar, &src->items[i], &d->items[i]) < 0)
				return -1;
		return 0;
	case PSL_DEFAULT_STRING:
	case PSL_DEFAULT_NUMBER:
	case PSL_DEFAULT_BOOLEAN:
	case PSL_DEFAULT_ENUM:
		return literal_default(db, a, f->scalar, src, d);
	}
	return 0;
}
