/* columns.c - column pair comparison: arity, type casts, defaults (Prisma's PostgreSQL rules) */
#include <string.h>
#include <strings.h>

#include "base/strbuf.h"
#include "diff/diff_internal.h"

/*
 * Owns the decision of what changed between two versions of a column and
 * how risky a type change is. The cast table is Prisma's
 * (postgres_native_type_change_riskyness), including its quirks: a
 * timestamp precision written on one side only is no change, time(p) ->
 * time(q) is not castable, and two Unsupported types never differ.
 */

enum diff_arity diff_column_arity(const struct sql_column *c)
{
	if (c->type.array)
		return DIFF_ARITY_LIST;
	return c->nullable ? DIFF_ARITY_NULLABLE : DIFF_ARITY_REQUIRED;
}

#define A0(t) ((t)->args[0])
#define A1(t) ((t)->args[1])
#define HAS(t) ((t)->args[0] >= 0)

/* char and bit without a length are char(1) and bit(1): PostgreSQL stores them so */
static int64_t length_arg(const struct sql_type *t)
{
	if (t->args[0] < 0 && (t->ptype == SQL_T_CHAR || t->ptype == SQL_T_BIT))
		return 1;
	return t->args[0];
}

static bool same_type(const struct sql_type *a, const struct sql_type *b)
{
	return a->ptype == b->ptype && length_arg(a) == length_arg(b) && a->args[1] == b->args[1];
}

static bool is_strlike(enum sql_ptype t)
{
	return t == SQL_T_VARCHAR || t == SQL_T_CHAR;
}

/* VarChar(len)|Char(len) with len < limit is risky, a bare char(1) too, else safe */
static enum diff_cast to_string_len(const struct sql_type *n, int64_t limit)
{
	if (HAS(n))
		return A0(n) < limit ? DIFF_CAST_RISKY : DIFF_CAST_SAFE;
	return n->ptype == SQL_T_CHAR ? DIFF_CAST_RISKY : DIFF_CAST_SAFE;
}

/* Prisma's postgres_native_type_change_riskyness; DIFF_CAST_NONE = no change. */
static enum diff_cast native_cast(const struct sql_type *o, const struct sql_type *n)
{
	enum sql_ptype nt = n->ptype;
	bool n_char = nt == SQL_T_CHAR;

	if (same_type(o, n))
		return DIFF_CAST_NONE;

	switch (o->ptype) {
	case SQL_T_INET:
		return (nt == SQL_T_CITEXT || nt == SQL_T_TEXT || nt == SQL_T_VARCHAR) ? DIFF_CAST_SAFE
										      : DIFF_CAST_NOT_CASTABLE;
	case SQL_T_MONEY:
		return (nt == SQL_T_CITEXT || nt == SQL_T_TEXT || nt == SQL_T_VARCHAR) ? DIFF_CAST_SAFE
										      : DIFF_CAST_RISKY;
	case SQL_T_CITEXT:
		return (nt == SQL_T_TEXT || nt == SQL_T_VARCHAR) ? DIFF_CAST_SAFE : DIFF_CAST_RISKY;
	case SQL_T_OID:
		if (nt == SQL_T_TEXT || nt == SQL_T_VARCHAR || nt == SQL_T_BIGINT || nt == SQL_T_INTEGER)
			return DIFF_CAST_SAFE;
		return DIFF_CAST_NOT_CASTABLE;
	case SQL_T_SMALLINT:
	case SQL_T_INTEGER:
	case SQL_T_BIGINT: {
		/* digits the type can hold: 3 / 10 / 19; string room: 4 / 11 / 20 */
		int64_t digs = o->ptype == SQL_T_SMALLINT ? 3 : o->ptype == SQL_T_INTEGER ? 10 : 19;
		int64_t room = o->ptype == SQL_T_SMALLINT ? 4 : o->ptype == SQL_T_INTEGER ? 11 : 20;
		switch (nt) {
		case SQL_T_SMALLINT:
			return DIFF_CAST_RISKY; /* from integer or bigint */
		case SQL_T_INTEGER:
			return o->ptype == SQL_T_BIGINT ? DIFF_CAST_RISKY : DIFF_CAST_SAFE;
		case SQL_T_BIGINT:
			return DIFF_CAST_SAFE;
		case SQL_T_DECIMAL:
			if (HAS(n) && A1(n) >= 0 && A0(n) - A1(n) < digs)
				return DIFF_CAST_RISKY;
			return DIFF_CAST_SAFE;
		case SQL_T_REAL:
		case SQL_T_DOUBLE:
		case SQL_T_TEXT:
			return DIFF_CAST_SAFE;
		case SQL_T_VARCHAR:
		case SQL_T_CHAR:
			return to_string_len(n, room);
		default:
			return DIFF_CAST_NOT_CASTABLE;
		}
	}
	case SQL_T_DECIMAL: {
		bool has = HAS(o) && A1(o) >= 0;
		int64_t p = A0(o), s = A1(o);
		switch (nt) {
		case SQL_T_SMALLINT:
		case SQL_T_INTEGER:
		case SQL_T_BIGINT: {
			int64_t maxp = nt == SQL_T_SMALLINT ? 2 : nt == SQL_T_INTEGER ? 9 : 18;
			if (!has || s > 0 || p > maxp)
				return DIFF_CAST_RISKY;
			return DIFF_CAST_SAFE;
		}
		case SQL_T_DECIMAL: {
			bool nhas = HAS(n) && A1(n) >= 0;
			if (has && !nhas)
				return DIFF_CAST_SAFE;
			if (!has && nhas)
				return (A0(n) < 131072 || A1(n) < 16383) ? DIFF_CAST_RISKY : DIFF_CAST_SAFE;
			if (has && nhas && (p - s > A0(n) - A1(n) || s > A1(n)))
				return DIFF_CAST_RISKY;
			return DIFF_CAST_SAFE;
		}
		case SQL_T_REAL:
		case SQL_T_DOUBLE:
			return DIFF_CAST_RISKY;
		case SQL_T_VARCHAR:
		case SQL_T_CHAR:
			if (HAS(n) && has && s == 0 && p + 1 > A0(n))
				return DIFF_CAST_RISKY;
			if (HAS(n) && has && s > 0 && p + 2 > A0(n))
				return DIFF_CAST_RISKY;
			if (HAS(n) && !has && A0(n) < 131073)
				return DIFF_CAST_RISKY;
			if (!HAS(n) && n_char)
				return DIFF_CAST_RISKY;
			return DIFF_CAST_SAFE;
		case SQL_T_TEXT:
			return DIFF_CAST_SAFE;
		default:
			return DIFF_CAST_NOT_CASTABLE;
		}
	}
	case SQL_T_REAL:
	case SQL_T_DOUBLE: {
		bool dbl = o->ptype == SQL_T_DOUBLE;
		switch (nt) {
		case SQL_T_SMALLINT:
		case SQL_T_INTEGER:
		case SQL_T_BIGINT:
		case SQL_T_DECIMAL:
			return DIFF_CAST_RISKY;
		case SQL_T_REAL:
			return dbl ? DIFF_CAST_RISKY : DIFF_CAST_SAFE;
		case SQL_T_DOUBLE:
		case SQL_T_TEXT:
			return DIFF_CAST_SAFE;
		case SQL_T_VARCHAR:
		case SQL_T_CHAR:
			return to_string_len(n, dbl ? 317 : 47);
		default:
			return DIFF_CAST_NOT_CASTABLE;
		}
	}
	case SQL_T_VARCHAR:
	case SQL_T_CHAR: {
		bool from_char = o->ptype == SQL_T_CHAR;
		if (nt == SQL_T_TEXT)
			return DIFF_CAST_SAFE;
		if (!is_strlike(nt))
			return DIFF_CAST_NOT_CASTABLE;
		if (from_char) {
			if (!HAS(o))
				return DIFF_CAST_SAFE;
		} else {
			if (!HAS(o) && !HAS(n))
				return n_char ? DIFF_CAST_RISKY : DIFF_CAST_SAFE;
			if (!HAS(o))
				return DIFF_CAST_RISKY;
		}
		if (!HAS(n)) {
			if (A0(o) == 1)
				return DIFF_CAST_SAFE;
			return n_char ? DIFF_CAST_RISKY : DIFF_CAST_SAFE;
		}
		return A0(o) > A0(n) ? DIFF_CAST_RISKY : DIFF_CAST_SAFE;
	}
	case SQL_T_TEXT:
		if (nt == SQL_T_TEXT || nt == SQL_T_CITEXT || (nt == SQL_T_VARCHAR && !HAS(n)))
			return DIFF_CAST_SAFE;
		return is_strlike(nt) ? DIFF_CAST_RISKY : DIFF_CAST_NOT_CASTABLE;
	case SQL_T_BYTEA:
		if (nt == SQL_T_TEXT || (nt == SQL_T_VARCHAR && !HAS(n)))
			return DIFF_CAST_SAFE;
		if (is_strlike(nt) && HAS(n) && A0(n) > 2)
			return DIFF_CAST_RISKY;
		return DIFF_CAST_NOT_CASTABLE;
	case SQL_T_TIMESTAMP:
	case SQL_T_TIMESTAMPTZ: {
		int64_t room = o->ptype == SQL_T_TIMESTAMP ? 22 : 27;
		if (nt == SQL_T_TEXT || (nt == SQL_T_VARCHAR && !HAS(n)))
			return DIFF_CAST_SAFE;
		if (is_strlike(nt) && HAS(n) && A0(n) > room)
			return DIFF_CAST_SAFE;
		if (nt == o->ptype && (!HAS(n) || !HAS(o) || A0(o) == A0(n)))
			return DIFF_CAST_NONE;
		if (nt == SQL_T_TIMESTAMP || nt == SQL_T_TIMESTAMPTZ || nt == SQL_T_DATE ||
		    nt == SQL_T_TIME || nt == SQL_T_TIMETZ)
			return DIFF_CAST_SAFE;
		return DIFF_CAST_NOT_CASTABLE;
	}
	case SQL_T_DATE:
		if (nt == SQL_T_TEXT || (nt == SQL_T_VARCHAR && !HAS(n)))
			return DIFF_CAST_SAFE;
		if (is_strlike(nt) && HAS(n) && A0(n) > 27)
			return DIFF_CAST_SAFE;
		if (nt == SQL_T_TIMESTAMP || nt == SQL_T_TIMESTAMPTZ)
			return DIFF_CAST_SAFE;
		return DIFF_CAST_NOT_CASTABLE;
	case SQL_T_TIME:
	case SQL_T_TIMETZ: {
		bool tz = o->ptype == SQL_T_TIMETZ;
		if (nt == SQL_T_TEXT || (nt == SQL_T_VARCHAR && !HAS(n)))
			return DIFF_CAST_SAFE;
		if (is_strlike(nt) && HAS(n) && A0(n) > (tz ? 18 : 13))
			return DIFF_CAST_SAFE;
		if (nt == o->ptype && (!HAS(n) || !HAS(o) || A0(o) == A0(n)))
			return DIFF_CAST_NONE;
		if (nt == SQL_T_TIMETZ || (tz && nt == SQL_T_TIME))
			return DIFF_CAST_SAFE;
		return DIFF_CAST_NOT_CASTABLE;
	}
	case SQL_T_BOOLEAN:
		if (nt == SQL_T_TEXT || nt == SQL_T_VARCHAR)
			return DIFF_CAST_SAFE;
		if (nt == SQL_T_CHAR && HAS(n) && A0(n) > 4)
			return DIFF_CAST_SAFE;
		if (nt == SQL_T_CHAR && HAS(n) && A0(n) > 3)
			return DIFF_CAST_RISKY;
		return DIFF_CAST_NOT_CASTABLE;
	case SQL_T_BIT:
		if (!HAS(o))
			return (nt == SQL_T_TEXT || is_strlike(nt) || nt == SQL_T_VARBIT)
				       ? DIFF_CAST_SAFE : DIFF_CAST_NOT_CASTABLE;
		if (nt == SQL_T_TEXT || ((nt == SQL_T_VARCHAR || nt == SQL_T_VARBIT) && !HAS(n)))
			return DIFF_CAST_SAFE;
		if ((nt == SQL_T_VARCHAR || nt == SQL_T_VARBIT || nt == SQL_T_CHAR) && HAS(n) &&
		    A0(n) >= A0(o))
			return DIFF_CAST_SAFE;
		return DIFF_CAST_NOT_CASTABLE;
	case SQL_T_VARBIT:
		if (!HAS(o)) {
			if (nt == SQL_T_TEXT || (nt == SQL_T_VARCHAR && !HAS(n)))
				return DIFF_CAST_SAFE;
			if (is_strlike(nt) || nt == SQL_T_BIT)
				return DIFF_CAST_RISKY;
			return DIFF_CAST_NOT_CASTABLE;
		}
		if (nt == SQL_T_TEXT || ((nt == SQL_T_VARCHAR || nt == SQL_T_VARBIT) && !HAS(n)))
			return DIFF_CAST_SAFE;
		if (nt == SQL_T_VARBIT && A0(n) > A0(o))
			return DIFF_CAST_SAFE;
		if (is_strlike(nt) && HAS(n) && A0(n) >= A0(o))
			return DIFF_CAST_SAFE;
		if (nt == SQL_T_BIT && (!HAS(n) || A0(n) <= A0(o)))
			return DIFF_CAST_RISKY;
		if (is_strlike(nt))
			return DIFF_CAST_RISKY;
		return DIFF_CAST_NOT_CASTABLE;
	case SQL_T_UUID:
		if (nt == SQL_T_TEXT || (nt == SQL_T_VARCHAR && !HAS(n)))
			return DIFF_CAST_SAFE;
		if (is_strlike(nt) && HAS(n) && A0(n) > 31)
			return DIFF_CAST_SAFE;
		return DIFF_CAST_NOT_CASTABLE;
	case SQL_T_XML:
	case SQL_T_JSON:
	case SQL_T_JSONB:
		if (nt == SQL_T_TEXT || (nt == SQL_T_VARCHAR && !HAS(n)))
			return DIFF_CAST_SAFE;
		if ((o->ptype == SQL_T_JSON && nt == SQL_T_JSONB) ||
		    (o->ptype == SQL_T_JSONB && nt == SQL_T_JSON))
			return DIFF_CAST_SAFE;
		return is_strlike(nt) ? DIFF_CAST_RISKY : DIFF_CAST_NOT_CASTABLE;
	default:
		return DIFF_CAST_NOT_CASTABLE;
	}
}

const char *diff_ns_name(const struct sqlschema *s, uint32_t namespace_id, bool qualified)
{
	if (!qualified || namespace_id >= s->nnamespaces)
		return NULL;
	return s->namespaces[namespace_id].name;
}

static bool str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a, b);
}

enum diff_cast diff_column_cast(const struct sqlschema *from, const struct sql_column *a,
				const struct sqlschema *to, const struct sql_column *b,
				bool qualified)
{
	const struct sql_type *ta = &a->type, *tb = &b->type;
	bool ea = ta->ptype == SQL_T_ENUM, eb = tb->ptype == SQL_T_ENUM;
	bool list_to_scalar = ta->array && !tb->array;
	bool scalar_to_list = !ta->array && tb->array;
	bool ua = ta->ptype == SQL_T_UNSUPPORTED, ub = tb->ptype == SQL_T_UNSUPPORTED;

	if (ea && eb) {
		const struct sql_enum *x = &from->enums[ta->enum_id], *y = &to->enums[tb->enum_id];
		if (!strcmp(x->name, y->name) &&
		    str_eq(diff_ns_name(from, x->namespace_id, qualified),
			   diff_ns_name(to, y->namespace_id, qualified)))
			return DIFF_CAST_NONE;
		return DIFF_CAST_NOT_CASTABLE;
	}
	if (ea || eb)
		return DIFF_CAST_NOT_CASTABLE;

	if (list_to_scalar && !ub) {
		if (tb->ptype == SQL_T_TEXT || (tb->ptype == SQL_T_VARCHAR && !HAS(tb)))
			return DIFF_CAST_SAFE;
		if (is_strlike(tb->ptype))
			return DIFF_CAST_RISKY;
	}
	if (list_to_scalar || scalar_to_list)
		return DIFF_CAST_NOT_CASTABLE;
	if (!ua && !ub)
		return native_cast(ta, tb);
	if (ua && ub)
		return DIFF_CAST_NONE; /* Prisma compares the previous type with itself */
	return DIFF_CAST_RISKY;
}

/* ---- defaults ---- */

static bool is_datetime(const struct sql_column *c)
{
	switch (c->type.ptype) {
	case SQL_T_TIMESTAMP:
	case SQL_T_TIMESTAMPTZ:
	case SQL_T_DATE:
	case SQL_T_TIME:
	case SQL_T_TIMETZ:
		return true;
	default:
		return false;
	}
}

static bool is_json(const struct sql_column *c)
{
	return c->type.ptype == SQL_T_JSON || c->type.ptype == SQL_T_JSONB;
}

static bool is_integer(const struct sql_column *c)
{
	switch (c->type.ptype) {
	case SQL_T_SMALLINT:
	case SQL_T_INTEGER:
	case SQL_T_BIGINT:
	case SQL_T_OID:
		return true;
	default:
		return false;
	}
}

static bool is_value(enum sql_default_kind k)
{
	return k == SQL_DEFAULT_STRING || k == SQL_DEFAULT_NUMBER || k == SQL_DEFAULT_BOOLEAN ||
	       k == SQL_DEFAULT_ENUM || k == SQL_DEFAULT_LIST;
}

static bool scalar_values_equal(const struct sql_default *x, const struct sql_column *a,
				const struct sql_default *y, const struct sql_column *b)
{
	bool xs = x->kind == SQL_DEFAULT_STRING || x->kind == SQL_DEFAULT_ENUM;
	bool ys = y->kind == SQL_DEFAULT_STRING || y->kind == SQL_DEFAULT_ENUM;

	if (xs && ys)
		return str_eq(x->value, y->value);
	if (x->kind != y->kind)
		return false;
	if (x->kind == SQL_DEFAULT_NUMBER && is_integer(a) != is_integer(b))
		return false; /* Prisma's Int(1) and Float(1) differ */
	return str_eq(x->value, y->value);
}

static bool lists_match(const struct sql_default *x, const struct sql_column *a,
			const struct sql_default *y, const struct sql_column *b)
{
	uint32_t i;

	if (x->nitems != y->nitems)
		return false;
	for (i = 0; i < x->nitems; i++) {
		const struct sql_default *p = &x->items[i], *q = &y->items[i];
		if ((is_json(a) || is_json(b)) && p->kind == SQL_DEFAULT_STRING &&
		    q->kind == SQL_DEFAULT_STRING) {
			if (!diff_json_equal(p->value, q->value))
				return false;
			continue;
		}
		if ((is_datetime(a) && p->kind == SQL_DEFAULT_STRING) ||
		    (is_datetime(b) && q->kind == SQL_DEFAULT_STRING))
			continue;
		if (!scalar_values_equal(p, a, q, b))
			return false;
	}
	return true;
}

bool diff_defaults_match(const struct sql_column *a, const struct sql_column *b)
{
	const struct sql_default *x = &a->dflt, *y = &b->dflt;
	enum sql_default_kind p = x->kind, n = y->kind;

	if (((p == SQL_DEFAULT_EXPR && n == SQL_DEFAULT_LIST) ||
	     (p == SQL_DEFAULT_LIST && n == SQL_DEFAULT_EXPR)) &&
	    (is_datetime(a) || is_datetime(b)))
		return true;
	if (p == SQL_DEFAULT_LIST && n == SQL_DEFAULT_LIST)
		return lists_match(x, a, y, b);
	if (p == SQL_DEFAULT_STRING && n == SQL_DEFAULT_STRING && (is_json(a) || is_json(b)))
		return diff_json_equal(x->value, y->value);
	if ((p == SQL_DEFAULT_STRING && is_datetime(a) && n != SQL_DEFAULT_NONE) ||
	    (n == SQL_DEFAULT_STRING && is_datetime(b) && p != SQL_DEFAULT_NONE))
		return true; /* Prisma cannot diff datetime literals */
	if (is_value(p) && is_value(n))
		return scalar_values_equal(x, a, y, b);
	if (is_value(p) && (n == SQL_DEFAULT_NOW || n == SQL_DEFAULT_NONE))
		return false;
	if (p == SQL_DEFAULT_NOW && n == SQL_DEFAULT_NOW)
		return true;
	if (p == SQL_DEFAULT_NOW && (n == SQL_DEFAULT_NONE || is_value(n)))
		return false;
	if (p == SQL_DEFAULT_EXPR && (is_value(n) || n == SQL_DEFAULT_NOW || n == SQL_DEFAULT_NONE))
		return false;
	if (n == SQL_DEFAULT_EXPR && !y->value)
		return true; /* dbgenerated() matches anything */
	if (p == SQL_DEFAULT_SEQUENCE && n == SQL_DEFAULT_NONE)
		return true; /* sequences are dropped separately */
	if (p == SQL_DEFAULT_SEQUENCE && (is_value(n) || n == SQL_DEFAULT_NOW))
		return false;
	if (p == SQL_DEFAULT_NONE && n == SQL_DEFAULT_NONE)
		return true;
	if (p == SQL_DEFAULT_NONE && (is_value(n) || n == SQL_DEFAULT_NOW))
		return false;
	if (p == SQL_DEFAULT_EXPR && n == SQL_DEFAULT_EXPR && x->value && y->value)
		return !strcasecmp(x->value, y->value);
	if (n == SQL_DEFAULT_EXPR)
		return false;
	return true; /* (_, sequence) */
}

unsigned diff_column_changes(const struct sqlschema *from, const struct sql_column *a,
			     const struct sqlschema *to, const struct sql_column *b, bool qualified,
			     enum diff_cast *cast)
{
	unsigned what = 0;

	*cast = diff_column_cast(from, a, to, b, qualified);
	if (diff_column_arity(a) != diff_column_arity(b))
		what |= DIFF_COL_ARITY;
	if (*cast != DIFF_CAST_NONE)
		what |= DIFF_COL_TYPE;
	if (!diff_defaults_match(a, b))
		what |= DIFF_COL_DEFAULT;
	if (a->autoincrement != b->autoincrement)
		what |= DIFF_COL_AUTOINCREMENT;
	return what;
}
