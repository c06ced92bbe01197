/* describe.c - live database -> SQL schema model, from pg_catalog in thirteen pipelined queries */
#include "pg/pg_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/xalloc.h"
#include "queries.h"

/*
 * Owns the reading of pg_catalog into struct sqlschema and the parsing of
 * column defaults into sqlschema.h's normalised forms. Queries live in
 * queries/NAME.sql; results are read by column name. Does not decide what a
 * difference is (diff) nor how SQL is written (render).
 */

/* ---- oid -> id map (open addressing; oid 0 is never a key) ---- */

struct oidmap {
	uint32_t *keys, *vals;
	uint32_t cap, n;
};

static void oidmap_release(struct oidmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

static uint32_t oid_hash(uint32_t oid)
{
	oid ^= oid >> 16;
	oid *= 0x7feb352dU;
	oid ^= oid >> 15;
	return oid;
}

static void oidmap_put(struct oidmap *m, uint32_t oid, uint32_t val);

static void oidmap_grow(struct oidmap *m)
{
	struct oidmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 256;
	m->keys = xcalloc(m->cap, sizeof(*m->keys));
	m->vals = xcalloc(m->cap, sizeof(*m->vals));
	m->n = 0;
	for (uint32_t i = 0; i < old.cap; i++)
		if (old.keys[i])
			oidmap_put(m, old.keys[i], old.vals[i]);
	free(old.keys);
	free(old.vals);
}

static void oidmap_put(struct oidmap *m, uint32_t oid, uint32_t val)
{
	uint32_t i;
	if ((m->n + 1) * 2 > m->cap)
		oidmap_grow(m);
	for (i = oid_hash(oid) & (m->cap - 1); m->keys[i] && m->keys[i] != oid;
	     i = (i + 1) & (m->cap - 1))
		;
	if (!m->keys[i])
		m->n++;
	m->keys[i] = oid;
	m->vals[i] = val;
}

static uint32_t oidmap_get(const struct oidmap *m, uint32_t oid)
{
	uint32_t i;
	if (!m->cap || !oid)
		return SQL_NONE;
	for (i = oid_hash(oid) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
		if (m->keys[i] == oid)
			return m->vals[i];
	return SQL_NONE;
}

/* ---- reading results ---- */

static uint32_t get_oid(const PGresult *r, int row, int col)
{
	return (uint32_t)strtoul(PQgetvalue(r, row, col), NULL, 10);
}

static long get_long(const PGresult *r, int row, int col)
{
	return strtol(PQgetvalue(r, row, col), NULL, 10);
}

static bool get_bool(const PGresult *r, int row, int col)
{
	return PQgetvalue(r, row, col)[0] == 't';
}

static char get_char(const PGresult *r, int row, int col)
{
	return PQgetvalue(r, row, col)[0];
}

/* The value copied into the arena, or NULL for SQL NULL. */
static const char *get_str(struct sqlschema *s, const PGresult *r, int row, int col)
{
	if (PQgetisnull(r, row, col))
		return NULL;
	return arena_strdup(&s->arena, PQgetvalue(r, row, col));
}

/* ---- default expressions ---- */

/*
 * The parser works on pg_get_expr()'s output, which is regular: string
 * literals are '...' with '' doubled (E'...' only when
 * standard_conforming_strings is off), casts are ::type, negative numbers
 * are quoted and cast. Anything it does not recognise is an EXPR.
 */

struct cursor {
	const char *p;
};

static void skip_ws(struct cursor *c)
{
	while (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')
		c->p++;
}

/* string literal: '...' with '' escapes, or E'...' with backslash escapes */
static bool parse_string_literal(struct cursor *c, struct strbuf *out)
{
	const char *p = c->p;
	bool esc = false;

	if ((*p == 'E' || *p == 'e') && p[1] == '\'') {
		esc = true;
		p++;
	}
	if (*p != '\'')
		return false;
	p++;
	for (;;) {
		if (!*p)
			return false;
		if (*p == '\'') {
			if (p[1] == '\'') {
				strbuf_addch(out, '\'');
				p += 2;
				continue;
			}
			p++;
			break;
		}
		if (esc && *p == '\\' && p[1]) {
			p++;
			switch (*p) {
			case 'n': strbuf_addch(out, '\n'); break;
			case 't': strbuf_addch(out, '\t'); break;
			case 'r': strbuf_addch(out, '\r'); break;
			case 'b': strbuf_addch(out, '\b'); break;
			case 'f': strbuf_addch(out, '\f'); break;
			default: strbuf_addch(out, *p); break;
			}
			p++;
			continue;
		}
		strbuf_addch(out, *p++);
	}
	c->p = p;
	return true;
}

/* Words that continue a type name after a space: "double precision", "timestamp(3)
 * without time zone", "character varying", "bit varying". */
static bool type_word_continues(const char *p)
{
	static const char *const words[] = { "varying", "precision", "without", "with", "time",
					     "zone" };
	for (size_t i = 0; i < ARRAY_SIZE(words); i++) {
		size_t n = strlen(words[i]);
		if (!strncmp(p, words[i], n) && !isalnum((unsigned char)p[n]) && p[n] != '_')
			return true;
	}
	return false;
}

/*
 * Skip "::type" casts (any number). A type is made of identifiers (quoted
 * or not), dots, a parenthesised modifier list, "[]" and the words that
 * continue a multi-word type name; it stops at anything else.
 */
static void skip_casts(struct cursor *c)
{
	for (;;) {
		const char *p;

		skip_ws(c);
		if (c->p[0] != ':' || c->p[1] != ':')
			return;
		p = c->p + 2;
		for (;;) {
			if (*p == '"') {
				p++;
				while (*p && !(*p == '"' && p[1] != '"'))
					p += *p == '"' ? 2 : 1;
				if (*p)
					p++;
			} else if (isalnum((unsigned char)*p) || *p == '_' || *p == '.' || *p == '$') {
				p++;
			} else if (*p == '(') {
				const char *close = strchr(p, ')');
				if (!close)
					break;
				p = close + 1;
			} else if (p[0] == '[' && p[1] == ']') {
				p += 2;
			} else if (*p == ' ' && type_word_continues(p + 1)) {
				p++;
			} else {
				break;
			}
		}
		c->p = p;
	}
}

static bool is_numeric_ptype(enum sql_ptype t)
{
	switch (t) {
	case SQL_T_SMALLINT: case SQL_T_INTEGER: case SQL_T_BIGINT: case SQL_T_REAL:
	case SQL_T_DOUBLE: case SQL_T_DECIMAL: case SQL_T_OID: case SQL_T_MONEY:
		return true;
	default:
		return false;
	}
}

/* "true"/"false" from the spellings PostgreSQL accepts for booleans */
static const char *bool_text(const char *t)
{
	static const char *const yes[] = { "t", "true", "y", "yes", "on", "1" };
	static const char *const no[] = { "f", "false", "n", "no", "off", "0" };
	for (size_t i = 0; i < ARRAY_SIZE(yes); i++)
		if (!strcasecmp(t, yes[i]))
			return "true";
	for (size_t i = 0; i < ARRAY_SIZE(no); i++)
		if (!strcasecmp(t, no[i]))
			return "false";
	return NULL;
}

/* -?digits[.digits]: a number PSL writes as it is. */
static bool plain_decimal(const char *t)
{
	bool digits = false;

	if (*t == '-')
		t++;
	while (isdigit((unsigned char)*t)) {
		t++;
		digits = true;
	}
	if (*t == '.') {
		t++;
		if (!isdigit((unsigned char)*t))
			return false;
		while (isdigit((unsigned char)*t))
			t++;
	}
	return digits && !*t;
}

/* A literal's text interpreted for a column of type t: fills d, false if it does not fit. */
static bool literal_value(struct sqlschema *s, enum sql_ptype t, const char *text, bool quoted,
			  struct sql_default *d)
{
	struct strbuf num = STRBUF_INIT;

	if (is_numeric_ptype(t) || !quoted) {
		if (!sql_number_canonical(&num, text)) {
			/* 'NaN'::double precision and the like: an EXPR */
			strbuf_release(&num);
			return false;
		}
		d->kind = SQL_DEFAULT_NUMBER;
		d->value = arena_strdup(&s->arena, num.buf);
		/* the spelling the server keeps ("1.50" of a NUMERIC(10,2)), for db pull */
		if (strcmp(text, num.buf) && plain_decimal(text))
			d->literal = arena_strdup(&s->arena, text);
		strbuf_release(&num);
		return true;
	}
	if (t == SQL_T_BOOLEAN) {
		const char *b = bool_text(text);
		if (!b)
			return false;
		d->kind = SQL_DEFAULT_BOOLEAN;
		d->value = b;
		return true;
	}
	d->kind = t == SQL_T_ENUM ? SQL_DEFAULT_ENUM : SQL_DEFAULT_STRING;
	d->value = arena_strdup(&s->arena, text);
	return true;
}

/* true/false/number/'literal' with casts, possibly in parentheses; all of c consumed up to a delimiter */
static bool parse_scalar(struct sqlschema *s, enum sql_ptype t, struct cursor *c,
			 struct sql_default *d)
{
	struct strbuf lit = STRBUF_INIT;
	bool ok = false;

	skip_ws(c);
	if (*c->p == '(') {
		c->p++;
		if (!parse_scalar(s, t, c, d))
			goto out;
		skip_ws(c);
		if (*c->p != ')')
			goto out;
		c->p++;
		skip_casts(c);
		ok = true;
		goto out;
	}
	if (parse_string_literal(c, &lit)) {
		skip_casts(c);
		ok = literal_value(s, t, lit.buf, true, d);
		goto out;
	}
	if (*c->p == '-' || *c->p == '+' || *c->p == '.' || isdigit((unsigned char)*c->p)) {
		const char *start = c->p;
		c->p++;
		while (isalnum((unsigned char)*c->p) || *c->p == '.' ||
		       ((*c->p == '-' || *c->p == '+') && (c->p[-1] == 'e' || c->p[-1] == 'E')))
			c->p++;
		strbuf_add(&lit, start, (size_t)(c->p - start));
		skip_casts(c);
		ok = literal_value(s, t, lit.buf, false, d);
		goto out;
	}
	if (!strncasecmp(c->p, "true", 4) && !isalnum((unsigned char)c->p[4]) && c->p[4] != '_') {
		c->p += 4;
		skip_casts(c);
		d->kind = SQL_DEFAULT_BOOLEAN;
		d->value = "true";
		ok = true;
	} else if (!strncasecmp(c->p, "false", 5) && !isalnum((unsigned char)c->p[5]) &&
		   c->p[5] != '_') {
		c->p += 5;
		skip_casts(c);
		d->kind = SQL_DEFAULT_BOOLEAN;
		d->value = "false";
		ok = true;
	}
out:
	strbuf_release(&lit);
	return ok;
}

static void push_item(struct sqlschema *s, struct sql_default *list, uint32_t *alloc,
		      const struct sql_default *item)
{
	if (list->nitems == *alloc) {
		struct sql_default *n;
		*alloc = *alloc ? *alloc * 2 : 4;
		n = ARENA_NEW_ARRAY(&s->arena, struct sql_default, *alloc);
		if (list->nitems)
			memcpy(n, list->items, list->nitems * sizeof(*n));
		list->items = n;
	}
	list->items[list->nitems++] = *item;
}

/* ARRAY[item, ...] (the "ARRAY" already consumed) */
static bool parse_array_constructor(struct sqlschema *s, enum sql_ptype t, struct cursor *c,
				    struct sql_default *d)
{
	uint32_t alloc = 0;

	skip_ws(c);
	if (*c->p != '[')
		return false;
	c->p++;
	skip_ws(c);
	if (*c->p == ']') {
		c->p++;
		return true;
	}
	for (;;) {
		struct sql_default item = { 0 };
		if (!parse_scalar(s, t, c, &item))
			return false;
		push_item(s, d, &alloc, &item);
		skip_ws(c);
		if (*c->p == ',') {
			c->p++;
			continue;
		}
		if (*c->p == ']') {
			c->p++;
			return true;
		}
		return false;
	}
}

/* The text of an array literal: {a,"b c",NULL}; one dimension only. */
static bool parse_array_text(struct sqlschema *s, enum sql_ptype t, const char *text,
			     struct sql_default *d)
{
	const char *p = text;
	uint32_t alloc = 0;
	struct strbuf el = STRBUF_INIT;
	bool ok = false;

	while (isspace((unsigned char)*p))
		p++;
	if (*p++ != '{')
		return false;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '}') {
		p++;
		goto tail;
	}
	for (;;) {
		struct sql_default item = { 0 };
		bool quoted = false;

		strbuf_reset(&el);
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '"') {
			quoted = true;
			p++;
			while (*p && *p != '"') {
				if (*p == '\\' && p[1])
					p++;
				strbuf_addch(&el, *p++);
			}
			if (*p++ != '"')
				goto out;
		} else {
			while (*p && *p != ',' && *p != '}') {
				if (*p == '{' || *p == '"')
					goto out; /* nested arrays */
				if (*p == '\\' && p[1])
					p++;
				strbuf_addch(&el, *p++);
			}
			strbuf_rtrim(&el);
			if (!strcasecmp(el.buf, "NULL"))
				goto out;
		}
		while (isspace((unsigned char)*p))
			p++;
		if (!literal_value(s, t, el.buf, !is_numeric_ptype(t) || quoted, &item))
			goto out;
		push_item(s, d, &alloc, &item);
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p == '}') {
			p++;
			break;
		}
		goto out;
	}
tail:
	while (isspace((unsigned char)*p))
		p++;
	ok = *p == '\0';
out:
	strbuf_release(&el);
	return ok;
}

/* A list default: ARRAY[...] or '{...}', with casts */
static bool parse_list(struct sqlschema *s, enum sql_ptype t, struct cursor *c,
		       struct sql_default *d)
{
	struct strbuf lit = STRBUF_INIT;
	bool ok = false;

	d->kind = SQL_DEFAULT_LIST;
	d->items = NULL;
	d->nitems = 0;
	skip_ws(c);
	if (!strncasecmp(c->p, "ARRAY", 5) && !isalnum((unsigned char)c->p[5])) {
		c->p += 5;
		ok = parse_array_constructor(s, t, c, d);
	} else if (parse_string_literal(c, &lit)) {
		ok = parse_array_text(s, t, lit.buf, d);
	}
	if (ok)
		skip_casts(c);
	strbuf_release(&lit);
	return ok;
}

/*
 * The name of the relation a nextval('...'::regclass) argument names:
 * the last part of a possibly qualified, possibly quoted name.
 */
static bool regclass_last_name(const char *text, struct strbuf *out)
{
	const char *p = text;
	for (;;) {
		strbuf_reset(out);
		if (*p == '"') {
			p++;
			for (;;) {
				if (!*p)
					return false;
				if (*p == '"') {
					if (p[1] == '"') {
						strbuf_addch(out, '"');
						p += 2;
						continue;
					}
					p++;
					break;
				}
				strbuf_addch(out, *p++);
			}
		} else {
			while (*p && *p != '.')
				strbuf_addch(out, tolower((unsigned char)*p++));
		}
		if (*p == '.') {
			p++;
			continue;
		}
		return *p == '\0' && out->len > 0;
	}
}

static bool parse_nextval(const char *expr, const char *owned_sequence)
{
	struct cursor c = { expr };
	struct strbuf lit = STRBUF_INIT, name = STRBUF_INIT;
	bool ok = false;

	if (!owned_sequence || strncmp(c.p, "nextval(", 8))
		goto out;
	c.p += 8;
	if (!parse_string_literal(&c, &lit))
		goto out;
	skip_casts(&c);
	if (strcmp(c.p, ")"))
		goto out;
	ok = regclass_last_name(lit.buf, &name) && !strcmp(name.buf, owned_sequence);
out:
	strbuf_release(&lit);
	strbuf_release(&name);
	return ok;
}

void pg_parse_default(struct sqlschema *s, struct sql_column *col, const char *expr,
		      const char *owned_sequence)
{
	struct sql_default *d = &col->dflt;
	struct sql_default parsed = { 0 };
	struct cursor c;
	bool ok;

	memset(d, 0, sizeof(*d));
	if (!expr)
		return;
	while (isspace((unsigned char)*expr))
		expr++;
	if (!*expr)
		return;

	if (parse_nextval(expr, owned_sequence)) {
		d->kind = SQL_DEFAULT_SEQUENCE;
		d->value = arena_strdup(&s->arena, owned_sequence);
		col->autoincrement = true;
		return;
	}
	if (col->type.ptype == SQL_T_UNSUPPORTED) {
		/* PSL can only write these as dbgenerated("..."): keep the text */
		d->kind = SQL_DEFAULT_EXPR;
		d->value = arena_strdup(&s->arena, expr);
		return;
	}
	if (!strcasecmp(expr, "CURRENT_TIMESTAMP") || !strcasecmp(expr, "now()")) {
		d->kind = SQL_DEFAULT_NOW;
		return;
	}

	c.p = expr;
	if (col->type.array)
		ok = parse_list(s, col->type.ptype, &c, &parsed);
	else
		ok = parse_scalar(s, col->type.ptype, &c, &parsed);
	skip_ws(&c);
	if (ok && *c.p == '\0') {
		*d = parsed;
		return;
	}
	d->kind = SQL_DEFAULT_EXPR;
	d->value = arena_strdup(&s->arena, expr);
}

/* ---- types ---- */

/*
 * The built-in types of sql_ptype by oid, and their array types. These oids
 * are fixed in PostgreSQL's catalog (pg_type.dat) and never change between
 * versions; columns.sql and view_columns.sql get them as $2 (builtin_oids()),
 * to print only the other types' names.
 */
struct builtin_type {
	uint32_t oid, array_oid;
	enum sql_ptype ptype;
};

static const struct builtin_type builtin_types[] = {
	{ 25, 1009, SQL_T_TEXT }, { 1043, 1015, SQL_T_VARCHAR }, { 1042, 1014, SQL_T_CHAR },
	{ 21, 1005, SQL_T_SMALLINT }, { 23, 1007, SQL_T_INTEGER }, { 20, 1016, SQL_T_BIGINT },
	{ 700, 1021, SQL_T_REAL }, { 701, 1022, SQL_T_DOUBLE }, { 1700, 1231, SQL_T_DECIMAL },
	{ 790, 791, SQL_T_MONEY }, { 16, 1000, SQL_T_BOOLEAN }, { 1114, 1115, SQL_T_TIMESTAMP },
	{ 1184, 1185, SQL_T_TIMESTAMPTZ }, { 1082, 1182, SQL_T_DATE }, { 1083, 1183, SQL_T_TIME },
	{ 1266, 1270, SQL_T_TIMETZ }, { 114, 199, SQL_T_JSON }, { 3802, 3807, SQL_T_JSONB },
	{ 17, 1001, SQL_T_BYTEA }, { 2950, 2951, SQL_T_UUID }, { 142, 143, SQL_T_XML },
	{ 869, 1041, SQL_T_INET }, { 26, 1028, SQL_T_OID }, { 1560, 1561, SQL_T_BIT },
	{ 1562, 1563, SQL_T_VARBIT },
};

/* builtin_types' oids and array oids as an oid[] literal: "{25,1009,...}". */
#define BUILTIN_OIDS_SIZE (ARRAY_SIZE(builtin_types) * 2 * 11 + 3)
static void builtin_oids(char text[BUILTIN_OIDS_SIZE])
{
	size_t n = 0;

	text[n++] = '{';
	for (size_t i = 0; i < ARRAY_SIZE(builtin_types); i++)
		n += (size_t)snprintf(text + n, BUILTIN_OIDS_SIZE - n, "%s%u,%u", i ? "," : "",
				      builtin_types[i].oid, builtin_types[i].array_oid);
	text[n++] = '}';
	text[n] = '\0';
}

/* FirstNormalObjectId: oids below it were made by initdb */
#define PG_FIRST_NORMAL_OID 16384u

static bool builtin_type(uint32_t oid, enum sql_ptype *ptype, bool *array)
{
	for (size_t i = 0; i < ARRAY_SIZE(builtin_types); i++) {
		if (builtin_types[i].oid == oid || builtin_types[i].array_oid == oid) {
			*ptype = builtin_types[i].ptype;
			*array = builtin_types[i].array_oid == oid;
			return true;
		}
	}
	return false;
}

/* A row of types.sql: a type created in the database. */
struct type_row {
	uint32_t base_oid;
	const char *base_name;   /* in the PGresult */
	const char *text;        /* format_type() without modifier, NULL for enums (in the PGresult) */
	char base_kind;
	bool is_array;
};

/* Type arguments from the typmod of a built-in type. */
static void builtin_args(struct sqlschema *s, struct sql_type *ty, long typmod)
{
	switch (ty->ptype) {
	case SQL_T_VARCHAR:
	case SQL_T_CHAR:
		if (typmod >= 4)
			ty->args[0] = typmod - 4;
		break;
	case SQL_T_DECIMAL:
		if (typmod >= 4) {
			ty->args[0] = ((typmod - 4) >> 16) & 0xffff;
			ty->args[1] = (((typmod - 4) & 0x7ff) ^ 1024) - 1024;
			if (ty->args[1] < 0) {
				/* NUMERIC(p,-s) (PostgreSQL 15): -1 would read as "no scale" */
				struct strbuf t = STRBUF_INIT;
				strbuf_addf(&t, "numeric(%lld,%lld)", (long long)ty->args[0],
					    (long long)ty->args[1]);
				ty->ptype = SQL_T_UNSUPPORTED;
				ty->args[0] = ty->args[1] = -1;
				ty->unsupported = arena_strdup(&s->arena, t.buf);
				strbuf_release(&t);
			}
		}
		break;
	case SQL_T_TIMESTAMP:
	case SQL_T_TIMESTAMPTZ:
	case SQL_T_TIME:
	case SQL_T_TIMETZ:
	case SQL_T_BIT:
	case SQL_T_VARBIT:
		if (typmod >= 0)
			ty->args[0] = typmod;
		break;
	default:
		break;
	}
}

/* ---- the passes ---- */

struct describe {
	struct pg_conn *conn;
	struct sqlschema *s;
	struct oidmap nsp;       /* namespace oid -> namespace id */
	struct oidmap enums;     /* type oid -> enum id */
	struct oidmap tables;    /* table oid -> table id */
	struct oidmap owned;     /* table oid -> first owned sequence (index into seqs) */
	struct oidmap types;     /* type oid -> index into type_rows */
	struct oidmap opclasses; /* opclass oid -> row of the opclasses result */
	struct oidmap views;     /* view oid -> view id */
	struct type_row *type_rows;
	struct seq_row {
		uint32_t nsp_id;
		const char *name;
		uint32_t owner_oid;
		int owner_attnum;
		uint32_t next_owned; /* next sequence owned by a column of the same table */
	} *seqs;
	uint32_t nseqs;
	int16_t *attnums;        /* column id -> attnum */
	uint32_t *collations;    /* column id -> attcollation */
	PGresult *types_res, *opclasses_res; /* kept while rows point into them */
};

/* sql_type of a column from its type oid, typmod and format_type() text (NULL for built-ins). */
static void column_type(struct describe *ds, struct sql_type *ty, uint32_t oid, long typmod,
			const char *text)
{
	struct sqlschema *s = ds->s;
	uint32_t row;

	ty->args[0] = ty->args[1] = -1;
	ty->enum_id = SQL_NONE;
	ty->unsupported = NULL;
	ty->array = false;
	ty->ptype = SQL_T_UNSUPPORTED;

	if (builtin_type(oid, &ty->ptype, &ty->array)) {
		builtin_args(s, ty, typmod);
		return;
	}
	row = oid >= PG_FIRST_NORMAL_OID ? oidmap_get(&ds->types, oid) : SQL_NONE;
	if (row != SQL_NONE) {
		const struct type_row *t = &ds->type_rows[row];
		ty->array = t->is_array;
		if (t->base_kind == 'e') {
			ty->enum_id = oidmap_get(&ds->enums, t->base_oid);
			if (ty->enum_id != SQL_NONE) {
				ty->ptype = SQL_T_ENUM;
				return;
			}
		} else if (t->base_kind == 'b' && !strcmp(t->base_name, "citext")) {
			ty->ptype = SQL_T_CITEXT; /* an extension's type, in whatever schema */
			return;
		}
		/* columns.sql gives the text only for a type with a modifier */
		if (!text)
			text = t->text;
	} else {
		/* a built-in type mesdb does not know: its text says whether it is an array */
		size_t n = text ? strlen(text) : 0;
		ty->array = n > 2 && !strcmp(text + n - 2, "[]");
	}
	/* the element's text: format_type() writes an array as the element's text + "[]" */
	if (text) {
		size_t n = strlen(text);
		if (ty->array && n > 2 && !strcmp(text + n - 2, "[]"))
			n -= 2;
		ty->unsupported = arena_strndup(&s->arena, text, n);
	} else {
		ty->unsupported = "";
	}
}

static int read_namespaces(struct describe *ds, PGresult *r)
{
	int c_oid = pgi_col(r, "oid");
	int c_name = pgi_col(r, "name");

	for (int i = 0; i < PQntuples(r); i++) {
		uint32_t id = sqlschema_push_namespace(ds->s, get_str(ds->s, r, i, c_name));
		oidmap_put(&ds->nsp, get_oid(r, i, c_oid), id);
	}
	return 0;
}

/* Rows of a result in an order the reader chose (qsort with a context). */
struct enum_row {
	uint32_t nsp_id, oid;
	const char *name, *label;   /* in the PGresult; label NULL for an enum without values */
	double sort_order;
};

static int enum_row_cmp(const void *a, const void *b)
{
	const struct enum_row *x = a, *y = b;
	int c;

	if (x->nsp_id != y->nsp_id)
		return x->nsp_id < y->nsp_id ? -1 : 1;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	if (x->oid != y->oid)
		return x->oid < y->oid ? -1 : 1;
	if (x->sort_order != y->sort_order)
		return x->sort_order < y->sort_order ? -1 : 1;
	return 0;
}

static int read_enums(struct describe *ds, PGresult *r)
{
	struct sqlschema *s = ds->s;
	int c_oid = pgi_col(r, "oid");
	int c_nsp = pgi_col(r, "nsp_oid");
	int c_name = pgi_col(r, "name");
	int c_label = pgi_col(r, "label");
	int c_order = pgi_col(r, "sort_order");
	int n = PQntuples(r);
	struct enum_row *rows = xmalloc(((size_t)n + 1) * sizeof(*rows));

	/* namespaces in the order asked for (their ids), enums by name, values in order */
	for (int i = 0; i < n; i++) {
		rows[i].nsp_id = oidmap_get(&ds->nsp, get_oid(r, i, c_nsp));
		rows[i].oid = get_oid(r, i, c_oid);
		rows[i].name = PQgetvalue(r, i, c_name);
		rows[i].label = PQgetisnull(r, i, c_label) ? NULL : PQgetvalue(r, i, c_label);
		rows[i].sort_order = PQgetisnull(r, i, c_order) ? 0 :
			strtod(PQgetvalue(r, i, c_order), NULL);
	}
	qsort(rows, (size_t)n, sizeof(*rows), enum_row_cmp);
	for (int i = 0; i < n;) {
		struct sql_enum e = { 0 };
		int j;

		for (j = i; j < n && rows[j].oid == rows[i].oid; j++)
			;
		e.namespace_id = rows[i].nsp_id;
		e.name = arena_strdup(&s->arena, rows[i].name);
		e.values = ARENA_NEW_ARRAY(&s->arena, const char *, (size_t)(j - i));
		for (int k = i; k < j; k++)
			if (rows[k].label)
				e.values[e.nvalues++] = arena_strdup(&s->arena, rows[k].label);
		oidmap_put(&ds->enums, rows[i].oid, sqlschema_push_enum(s, &e));
		i = j;
	}
	free(rows);
	return 0;
}

/* types.sql: kept (rows point into the result) until the columns are read. */
static int read_types(struct describe *ds, PGresult *r)
{
	int c_oid = pgi_col(r, "oid");
	int c_array = pgi_col(r, "is_array");
	int c_base = pgi_col(r, "base_oid");
	int c_name = pgi_col(r, "base_name");
	int c_kind = pgi_col(r, "base_kind");
	int c_text = pgi_col(r, "text");
	int n = PQntuples(r);

	ds->types_res = r;
	ds->type_rows = xmalloc(((size_t)n + 1) * sizeof(*ds->type_rows));
	for (int i = 0; i < n; i++) {
		struct type_row *t = &ds->type_rows[i];
		t->is_array = get_bool(r, i, c_array);
		t->base_oid = get_oid(r, i, c_base);
		t->base_name = PQgetvalue(r, i, c_name);
		t->base_kind = get_char(r, i, c_kind);
		t->text = PQgetisnull(r, i, c_text) ? NULL : PQgetvalue(r, i, c_text);
		oidmap_put(&ds->types, get_oid(r, i, c_oid), (uint32_t)i);
	}
	return 1; /* keep the result */
}

static int read_tables(struct describe *ds, PGresult *r)
{
	struct sqlschema *s = ds->s;
	int c_oid = pgi_col(r, "oid");
	int c_nsp = pgi_col(r, "nsp_oid");
	int c_name = pgi_col(r, "name");
	int c_kind = pgi_col(r, "kind");

	for (int i = 0; i < PQntuples(r); i++) {
		struct sql_table t = { 0 };
		t.namespace_id = oidmap_get(&ds->nsp, get_oid(r, i, c_nsp));
		t.name = get_str(s, r, i, c_name);
		t.partitioned = get_char(r, i, c_kind) == 'p';
		oidmap_put(&ds->tables, get_oid(r, i, c_oid), sqlschema_push_table(s, &t));
	}
	return 0;
}

/* Sequences are read before the columns (for nextval defaults), pushed after them. */
static int read_sequences(struct describe *ds, PGresult *r)
{
	struct sqlschema *s = ds->s;
	int c_nsp = pgi_col(r, "nsp_oid");
	int c_name = pgi_col(r, "name");
	int c_owner = pgi_col(r, "owner_table_oid");
	int c_attnum = pgi_col(r, "owner_attnum");
	int n = PQntuples(r);

	ds->seqs = xcalloc((size_t)n + 1, sizeof(*ds->seqs));
	for (int i = 0; i < n; i++) {
		struct seq_row *q = &ds->seqs[ds->nseqs];
		q->nsp_id = oidmap_get(&ds->nsp, get_oid(r, i, c_nsp));
		q->name = get_str(s, r, i, c_name);
		q->owner_oid = PQgetisnull(r, i, c_owner) ? 0 : get_oid(r, i, c_owner);
		q->owner_attnum = (int)get_long(r, i, c_attnum);
		q->next_owned = SQL_NONE;
		if (q->owner_oid) {
			q->next_owned = oidmap_get(&ds->owned, q->owner_oid);
			oidmap_put(&ds->owned, q->owner_oid, ds->nseqs);
		}
		ds->nseqs++;
	}
	return 0;
}

static const char *owned_sequence(const struct describe *ds, uint32_t table_oid, int attnum)
{
	for (uint32_t q = oidmap_get(&ds->owned, table_oid); q != SQL_NONE; q = ds->seqs[q].next_owned)
		if (ds->seqs[q].owner_attnum == attnum)
			return ds->seqs[q].name;
	return NULL;
}

/* A column row: its table and attnum, to put the rows in (table id, attnum) order. */
struct column_row {
	uint32_t table_id;
	int attnum, row;
};

static int column_row_cmp(const void *a, const void *b)
{
	const struct column_row *x = a, *y = b;
	if (x->table_id != y->table_id)
		return x->table_id < y->table_id ? -1 : 1;
	return (x->attnum > y->attnum) - (x->attnum < y->attnum);
}

static int read_columns(struct describe *ds, PGresult *r)
{
	struct sqlschema *s = ds->s;
	int c_table = pgi_col(r, "table_oid");
	int c_attnum = pgi_col(r, "attnum");
	int c_name = pgi_col(r, "name");
	int c_notnull = pgi_col(r, "notnull");
	int c_identity = pgi_col(r, "identity");
	int c_generated = pgi_col(r, "generated");
	int c_type = pgi_col(r, "type_oid");
	int c_typmod = pgi_col(r, "typmod");
	int c_coll = pgi_col(r, "collation");
	int c_text = pgi_col(r, "type_text");
	int c_default = pgi_col(r, "default_expr");
	int n = PQntuples(r), m = 0;
	struct column_row *rows = xmalloc(((size_t)n + 1) * sizeof(*rows));
	bool sorted = true;

	/* the rows of the described tables, in (table id, attnum) order */
	for (int i = 0; i < n; i++) {
		uint32_t t = oidmap_get(&ds->tables, get_oid(r, i, c_table));
		if (t == SQL_NONE)
			continue;
		rows[m].table_id = t;
		rows[m].attnum = (int)get_long(r, i, c_attnum);
		rows[m].row = i;
		if (m && column_row_cmp(&rows[m - 1], &rows[m]) > 0)
			sorted = false;
		m++;
	}
	if (!sorted)
		qsort(rows, (size_t)m, sizeof(*rows), column_row_cmp);
	ds->attnums = xmalloc(((size_t)m + 1) * sizeof(*ds->attnums));
	ds->collations = xmalloc(((size_t)m + 1) * sizeof(*ds->collations));
	sqlschema_reserve_columns(s, (uint32_t)m);

	for (int k = 0; k < m; k++) {
		int i = rows[k].row;
		struct sql_column col = { 0 };
		const char *expr = PQgetisnull(r, i, c_default) ? NULL : PQgetvalue(r, i, c_default);
		char identity = get_char(r, i, c_identity);
		char generated = get_char(r, i, c_generated);
		uint32_t id;

		col.table_id = rows[k].table_id;
		col.name = get_str(s, r, i, c_name);
		col.nullable = !get_bool(r, i, c_notnull);
		column_type(ds, &col.type, get_oid(r, i, c_type), get_long(r, i, c_typmod),
			    PQgetisnull(r, i, c_text) ? NULL : PQgetvalue(r, i, c_text));
		if (identity == 'a' || identity == 'd') {
			col.identity = true;
			col.autoincrement = true;
		}
		if (generated == 's') {
			col.generated = expr ? arena_strdup(&s->arena, expr) : NULL;
		} else {
			pg_parse_default(s, &col, expr,
					 owned_sequence(ds, get_oid(r, i, c_table), rows[k].attnum));
		}
		id = sqlschema_push_column(s, &col);
		ds->attnums[id] = (int16_t)rows[k].attnum;
		ds->collations[id] = get_oid(r, i, c_coll);
	}
	free(rows);
	return 0;
}

/* The column of table t with attribute number attnum, or SQL_NONE (binary search). */
static uint32_t column_by_attnum(const struct describe *ds, uint32_t t, long attnum)
{
	const struct sql_table *tb = &ds->s->tables[t];
	uint32_t lo = tb->first_column, hi = tb->first_column + tb->ncolumns;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (ds->attnums[mid] == attnum)
			return mid;
		if (ds->attnums[mid] < attnum)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SQL_NONE;
}

/* Comments on tables (attnum 0) and columns. */
static int read_descriptions(struct describe *ds, PGresult *r)
{
	struct sqlschema *s = ds->s;
	int c_table = pgi_col(r, "table_oid");
	int c_attnum = pgi_col(r, "attnum");
	int c_descr = pgi_col(r, "description");

	for (int i = 0; i < PQntuples(r); i++) {
		uint32_t t = oidmap_get(&ds->tables, get_oid(r, i, c_table)), col;
		long attnum = get_long(r, i, c_attnum);

		if (t == SQL_NONE)
			continue;
		if (attnum == 0) {
			s->tables[t].description = get_str(s, r, i, c_descr);
		} else if ((col = column_by_attnum(ds, t, attnum)) != SQL_NONE) {
			s->columns[col].description = get_str(s, r, i, c_descr);
		}
	}
	return 0;
}

static void push_sequences(struct describe *ds)
{
	for (uint32_t i = 0; i < ds->nseqs; i++) {
		const struct seq_row *q = &ds->seqs[i];
		struct sql_sequence seq = { 0 };
		seq.namespace_id = q->nsp_id;
		seq.name = q->name;
		seq.owner_table_id = oidmap_get(&ds->tables, q->owner_oid);
		seq.owner_column_id = seq.owner_table_id == SQL_NONE
			? SQL_NONE : column_by_attnum(ds, seq.owner_table_id, q->owner_attnum);
		if (seq.owner_column_id == SQL_NONE)
			seq.owner_table_id = SQL_NONE;
		sqlschema_push_sequence(ds->s, &seq);
	}
}

/* Rows of one object each (an index, a foreign key), sorted by table id then name. */
struct group {
	uint32_t table_id;
	const char *name;
	int row;
};

static int group_cmp(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	if (x->table_id != y->table_id)
		return x->table_id < y->table_id ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The rows of known tables in (table id, name) order. */
static struct group *sorted_rows(struct describe *ds, const PGresult *r, int c_table, int c_name,
				 uint32_t *ngroups)
{
	int n = PQntuples(r);
	struct group *g = xmalloc(((size_t)n + 1) * sizeof(*g));
	uint32_t ng = 0;

	for (int i = 0; i < n; i++) {
		g[ng].table_id = oidmap_get(&ds->tables, get_oid(r, i, c_table));
		g[ng].name = PQgetvalue(r, i, c_name);
		g[ng].row = i;
		if (g[ng].table_id != SQL_NONE)
			ng++;
	}
	qsort(g, ng, sizeof(*g), group_cmp);
	*ngroups = ng;
	return g;
}

/*
 * Parse a list of integers as PostgreSQL prints vectors ("1 2 3") and arrays
 * ("{1,2,3}") into out (at most max); returns how many.
 */
static uint32_t parse_int_list(const char *text, long *out, uint32_t max)
{
	const char *p = text;
	uint32_t n = 0;

	while (*p && n < max) {
		char *end;
		long v;
		while (*p == ' ' || *p == ',' || *p == '{' || *p == '}')
			p++;
		if (!*p)
			break;
		v = strtol(p, &end, 10);
		if (end == p)
			break;
		out[n++] = v;
		p = end;
	}
	return n;
}

/* Access methods by their fixed oids (pg_am.dat), in sql_index_algo order. */
static enum sql_index_algo index_algo(uint32_t am_oid, bool *known)
{
	static const uint32_t oids[] = { 403, 405, 783, 2742, 4000, 3580 };
	/* ORDER SQL_ALGO */
	for (size_t i = 0; i < ARRAY_SIZE(oids); i++)
		if (am_oid == oids[i]) {
			*known = true;
			return (enum sql_index_algo)i;
		}
	*known = false;
	return SQL_ALGO_BTREE;
}

/* opclasses.sql: oid -> row; kept until the indexes are read. */
static int read_opclasses(struct describe *ds, PGresult *r)
{
	int c_oid = pgi_col(r, "oid");

	ds->opclasses_res = r;
	for (int i = 0; i < PQntuples(r); i++)
		oidmap_put(&ds->opclasses, get_oid(r, i, c_oid), (uint32_t)i);
	return 1; /* keep the result */
}

/* pg_get_indexdef() of the unsupported indexes, in one more query (only when there are some). */
static int read_index_definitions(struct describe *ds, const struct oidmap *unsupported,
				  struct mesdb_err *err)
{
	struct strbuf arr = STRBUF_INIT;
	const char *params[1];
	PGresult *r;
	int c_oid, c_def, ret;

	if (!unsupported->n)
		return 0;
	strbuf_addch(&arr, '{');
	for (uint32_t i = 0; i < unsupported->cap; i++)
		if (unsupported->keys[i])
			strbuf_addf(&arr, "%s%u", arr.len > 1 ? "," : "", unsupported->keys[i]);
	strbuf_addch(&arr, '}');
	params[0] = arr.buf;
	ret = pgi_query(ds->conn, pgq_index_definitions, 1, params, &r, err);
	strbuf_release(&arr);
	if (ret < 0)
		return -1;
	c_oid = pgi_col(r, "oid");
	c_def = pgi_col(r, "definition");
	for (int i = 0; i < PQntuples(r); i++) {
		uint32_t id = oidmap_get(unsupported, get_oid(r, i, c_oid));
		if (id != SQL_NONE)
			ds->s->indexes[id].definition = get_str(ds->s, r, i, c_def);
	}
	PQclear(r);
	return 0;
}

/* PostgreSQL's INDEX_MAX_KEYS */
#define PG_INDEX_MAX_KEYS 32

static int read_indexes(struct describe *ds, PGresult *r, struct oidmap *unsupported)
{
	struct sqlschema *s = ds->s;
	struct group *g;
	uint32_t ng;
	int c_table = pgi_col(r, "table_oid");
	int c_oid = pgi_col(r, "oid");
	int c_name = pgi_col(r, "name");
	int c_primary = pgi_col(r, "is_primary");
	int c_unique = pgi_col(r, "is_unique");
	int c_am = pgi_col(r, "am_oid");
	int c_contype = pgi_col(r, "contype");
	int c_complex = pgi_col(r, "complex");
	int c_nkeys = pgi_col(r, "nkeys");
	int c_attnums = pgi_col(r, "attnums");
	int c_options = pgi_col(r, "options");
	int c_opclasses = pgi_col(r, "opclasses");
	int c_collations = pgi_col(r, "collations");
	const PGresult *opc = ds->opclasses_res;
	int c_opc_name = opc ? pgi_col(opc, "name") : -1;
	int c_opc_default = opc ? pgi_col(opc, "is_default") : -1;

	g = sorted_rows(ds, r, c_table, c_name, &ng);
	for (uint32_t k = 0; k < ng; k++) {
		int i = g[k].row;
		struct sql_index ix = { 0 };
		char contype = PQgetisnull(r, i, c_contype) ? 0 : get_char(r, i, c_contype);
		long attnums[PG_INDEX_MAX_KEYS], options[PG_INDEX_MAX_KEYS];
		long opclasses[PG_INDEX_MAX_KEYS], collations[PG_INDEX_MAX_KEYS];
		uint32_t nkeys = (uint32_t)get_long(r, i, c_nkeys), n;
		bool known_algo;
		uint32_t id;

		if (nkeys > PG_INDEX_MAX_KEYS)
			nkeys = PG_INDEX_MAX_KEYS;
		n = parse_int_list(PQgetvalue(r, i, c_attnums), attnums, nkeys);
		if (parse_int_list(PQgetvalue(r, i, c_options), options, nkeys) != n ||
		    parse_int_list(PQgetvalue(r, i, c_opclasses), opclasses, nkeys) != n ||
		    parse_int_list(PQgetvalue(r, i, c_collations), collations, nkeys) != n)
			MESDB_BUG("index vectors of different lengths");

		ix.table_id = g[k].table_id;
		ix.name = arena_strdup(&s->arena, g[k].name);
		ix.kind = get_bool(r, i, c_primary) ? SQL_INDEX_PRIMARY
			: get_bool(r, i, c_unique) ? SQL_INDEX_UNIQUE : SQL_INDEX_NORMAL;
		ix.algo = index_algo(get_oid(r, i, c_am), &known_algo);
		ix.constraint = contype == 'p' || contype == 'u';
		ix.unsupported = get_bool(r, i, c_complex) || !known_algo || contype == 'x';
		ix.columns = ARENA_NEW_ARRAY(&s->arena, struct sql_index_column, (size_t)n + 1);
		for (uint32_t j = 0; j < n; j++) {
			uint32_t col = attnums[j] > 0 ? column_by_attnum(ds, ix.table_id, attnums[j])
				: SQL_NONE;
			uint32_t orow = oidmap_get(&ds->opclasses, (uint32_t)opclasses[j]);
			struct sql_index_column *ic;

			if (col == SQL_NONE) {
				ix.unsupported = true; /* an expression */
				continue;
			}
			ic = &ix.columns[ix.ncolumns++];
			ic->column_id = col;
			ic->sort = (options[j] & 1) ? -1 : 0;
			if (orow != SQL_NONE) {
				const char *name = get_str(s, opc, (int)orow, c_opc_name);
				if (get_bool(opc, (int)orow, c_opc_default))
					ic->default_opclass = name;
				else
					ic->opclass = name;
			}
			/* NULLS FIRST on ASC / NULLS LAST on DESC: not expressible */
			if (((options[j] & 1) != 0) != ((options[j] & 2) != 0))
				ix.unsupported = true;
			/* COLLATE other than the column's */
			if ((uint32_t)collations[j] != ds->collations[col])
				ix.unsupported = true;
		}
		id = sqlschema_push_index(s, &ix);
		if (ix.unsupported)
			oidmap_put(unsupported, get_oid(r, i, c_oid), id);
	}
	free(g);
	return 0;
}

static enum sql_fk_action fk_action(char c)
{
	switch (c) {
	case 'r': return SQL_ACTION_RESTRICT;
	case 'c': return SQL_ACTION_CASCADE;
	case 'n': return SQL_ACTION_SET_NULL;
	case 'd': return SQL_ACTION_SET_DEFAULT;
	default: return SQL_ACTION_NO_ACTION;
	}
}

/* PostgreSQL's INDEX_MAX_KEYS bounds the columns of a key too */
static int read_fks(struct describe *ds, PGresult *r)
{
	struct sqlschema *s = ds->s;
	struct group *g;
	uint32_t ng;
	int c_table = pgi_col(r, "table_oid");
	int c_name = pgi_col(r, "name");
	int c_ref = pgi_col(r, "ref_table_oid");
	int c_del = pgi_col(r, "on_delete");
	int c_upd = pgi_col(r, "on_update");
	int c_attnums = pgi_col(r, "attnums");
	int c_refattnums = pgi_col(r, "ref_attnums");

	g = sorted_rows(ds, r, c_table, c_name, &ng);
	for (uint32_t k = 0; k < ng; k++) {
		int i = g[k].row;
		struct sql_foreign_key fk = { 0 };
		long a[PG_INDEX_MAX_KEYS], b[PG_INDEX_MAX_KEYS];
		uint32_t n = parse_int_list(PQgetvalue(r, i, c_attnums), a, PG_INDEX_MAX_KEYS);
		bool complete = n > 0;

		fk.table_id = g[k].table_id;
		fk.referenced_table_id = oidmap_get(&ds->tables, get_oid(r, i, c_ref));
		if (fk.referenced_table_id == SQL_NONE)
			continue; /* references a table outside the described schemas */
		if (parse_int_list(PQgetvalue(r, i, c_refattnums), b, PG_INDEX_MAX_KEYS) != n)
			continue;
		fk.name = arena_strdup(&s->arena, g[k].name);
		fk.on_delete = fk_action(get_char(r, i, c_del));
		fk.on_update = fk_action(get_char(r, i, c_upd));
		fk.columns = ARENA_NEW_ARRAY(&s->arena, uint32_t, (size_t)n);
		fk.referenced_columns = ARENA_NEW_ARRAY(&s->arena, uint32_t, (size_t)n);
		for (uint32_t j = 0; j < n; j++) {
			uint32_t x = column_by_attnum(ds, fk.table_id, a[j]);
			uint32_t y = column_by_attnum(ds, fk.referenced_table_id, b[j]);
			if (x == SQL_NONE || y == SQL_NONE)
				complete = false;
			fk.columns[fk.ncolumns] = x;
			fk.referenced_columns[fk.ncolumns++] = y;
		}
		if (complete)
			sqlschema_push_fk(s, &fk);
	}
	free(g);
	return 0;
}

static int read_views(struct describe *ds, PGresult *r)
{
	struct sqlschema *s = ds->s;
	int c_oid = pgi_col(r, "oid");
	int c_nsp = pgi_col(r, "nsp_oid");
	int c_name = pgi_col(r, "name");
	int c_kind = pgi_col(r, "kind");
	int c_def = pgi_col(r, "definition");

	for (int i = 0; i < PQntuples(r); i++) {
		struct sql_view v = { 0 };
		v.namespace_id = oidmap_get(&ds->nsp, get_oid(r, i, c_nsp));
		v.name = get_str(s, r, i, c_name);
		v.definition = get_str(s, r, i, c_def);
		v.materialized = get_char(r, i, c_kind) == 'm';
		oidmap_put(&ds->views, get_oid(r, i, c_oid), sqlschema_push_view(s, &v));
	}
	return 0;
}

/* Columns of plain views: nullable, no default (what a view can say). */
static int read_view_columns(struct describe *ds, PGresult *r)
{
	struct sqlschema *s = ds->s;
	int c_view = pgi_col(r, "view_oid");
	int c_attnum = pgi_col(r, "attnum");
	int c_name = pgi_col(r, "name");
	int c_type = pgi_col(r, "type_oid");
	int c_typmod = pgi_col(r, "typmod");
	int c_text = pgi_col(r, "type_text");
	int n = PQntuples(r), m = 0;
	struct column_row *rows = xmalloc(((size_t)n + 1) * sizeof(*rows));

	for (int i = 0; i < n; i++) {
		uint32_t v = oidmap_get(&ds->views, get_oid(r, i, c_view));
		if (v == SQL_NONE)
			continue;
		rows[m].table_id = v;
		rows[m].attnum = (int)get_long(r, i, c_attnum);
		rows[m].row = i;
		m++;
	}
	qsort(rows, (size_t)m, sizeof(*rows), column_row_cmp);
	for (int k = 0; k < m; k++) {
		int i = rows[k].row;
		struct sql_column col = { 0 };

		col.table_id = rows[k].table_id;
		col.name = get_str(s, r, i, c_name);
		col.nullable = true;
		column_type(ds, &col.type, get_oid(r, i, c_type), get_long(r, i, c_typmod),
			    PQgetisnull(r, i, c_text) ? NULL : PQgetvalue(r, i, c_text));
		sqlschema_push_view_column(s, &col);
	}
	free(rows);
	return 0;
}

static int read_extensions(struct describe *ds, PGresult *r)
{
	struct sqlschema *s = ds->s;
	int c_name = pgi_col(r, "name");
	int c_schema = pgi_col(r, "schema");
	int c_version = pgi_col(r, "version");

	for (int i = 0; i < PQntuples(r); i++) {
		struct sql_extension x = { 0 };
		x.name = get_str(s, r, i, c_name);
		x.schema = get_str(s, r, i, c_schema);
		x.version = get_str(s, r, i, c_version);
		sqlschema_push_extension(s, &x);
	}
	return 0;
}

/*
 * The catalog queries, in the order they are sent and read: each reader
 * needs only what the earlier ones read (enums and types before columns,
 * columns before descriptions, indexes and foreign keys, opclasses before
 * indexes). A reader returns 1 to keep its result (describe frees it).
 */
struct pass {
	const char *sql;
	int nparams;              /* $1 = the schemas, $2 = builtin_oids() */
	int (*read)(struct describe *ds, PGresult *r);
	unsigned skipped_by;      /* PG_DESCRIBE_NO_* flags that leave the query out */
};

static const struct pass passes[] = {
	{ pgq_namespaces, 1, read_namespaces, 0 },
	{ pgq_enums, 1, read_enums, 0 },
	{ pgq_types, 1, read_types, 0 },
	{ pgq_tables, 1, read_tables, 0 },
	{ pgq_sequences, 1, read_sequences, 0 },
	{ pgq_columns, 2, read_columns, 0 },
	{ pgq_descriptions, 1, read_descriptions, PG_DESCRIBE_NO_COMMENTS },
	{ pgq_opclasses, 0, read_opclasses, 0 },
	{ pgq_indexes, 1, NULL, 0 }, /* read_indexes: it has an output */
	{ pgq_foreign_keys, 1, read_fks, 0 },
	{ pgq_views, 1, read_views, PG_DESCRIBE_NO_VIEWS },
	{ pgq_view_columns, 2, read_view_columns, PG_DESCRIBE_NO_VIEWS },
	{ pgq_extensions, 0, read_extensions, 0 },
};

struct pg_describe_job {
	struct describe ds;
	struct strbuf arr;        /* $1: the schemas as a text[] literal */
	char oids[BUILTIN_OIDS_SIZE]; /* $2: builtin_oids() */
	bool own_tx;              /* describe's own transaction: committed by finish */
	bool began;               /* a BEGIN was sent (begin_sql) */
	const char *begin_sql;
	unsigned flags;           /* PG_DESCRIBE_* */
};

static void job_free(struct pg_describe_job *job)
{
	struct describe *ds = &job->ds;

	PQclear(ds->types_res);
	PQclear(ds->opclasses_res);
	oidmap_release(&ds->nsp);
	oidmap_release(&ds->enums);
	oidmap_release(&ds->tables);
	oidmap_release(&ds->owned);
	oidmap_release(&ds->types);
	oidmap_release(&ds->opclasses);
	oidmap_release(&ds->views);
	free(ds->type_rows);
	free(ds->seqs);
	free(ds->attnums);
	free(ds->collations);
	strbuf_release(&job->arr);
	free(job);
}

static const char begin_sql[] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
static const char begin_rw_sql[] = "BEGIN ISOLATION LEVEL REPEATABLE READ";

int pg_describe_start(struct pg_conn *c, const char *const *schemas, uint32_t nschemas,
		      unsigned flags, struct pg_describe_job **out, struct mesdb_err *err)
{
	struct pg_describe_job *job = xcalloc(1, sizeof(*job));
	const char *default_schema[1], *params[2];

	*out = NULL;
	job->ds.conn = c;
	job->flags = flags;
	strbuf_init(&job->arr, 0);
	if (nschemas == 0) {
		default_schema[0] = pg_conn_schema(c);
		schemas = default_schema;
		nschemas = 1;
	}
	pg_array_literal(&job->arr, schemas, nschemas);
	params[0] = job->arr.buf;
	builtin_oids(job->oids);
	params[1] = job->oids;

	/* every query in one pipeline: one round trip, and the server runs ahead of the reader */
	if (pgi_pipe_begin(c, err) < 0)
		goto fail;
	if (!pg_in_transaction(c)) {
		/* describe's own read-only transaction, or the caller's (left open) */
		job->begin_sql = (flags & PG_DESCRIBE_BEGIN) ? begin_rw_sql : begin_sql;
		if (pgi_pipe_send(c, job->begin_sql, 0, NULL, err) < 0)
			goto fail_piped;
		job->own_tx = !(flags & PG_DESCRIBE_BEGIN);
		job->began = true;
	}
	for (size_t i = 0; i < ARRAY_SIZE(passes); i++)
		if (!(passes[i].skipped_by & flags) &&
		    pgi_pipe_send(c, passes[i].sql, passes[i].nparams,
				  passes[i].nparams ? params : NULL, err) < 0)
			goto fail_piped;
	if (pgi_pipe_sync(c, err) < 0)
		goto fail_piped;
	*out = job;
	return 0;
fail_piped:
	pgi_pipe_end(c, NULL);
	if (job->began)
		pg_rollback(c, NULL);
fail:
	mesdb_err_prefix(err, "could not describe the database");
	job_free(job);
	return -1;
}

int pg_describe_finish(struct pg_describe_job *job, struct sqlschema *out,
		       struct mesdb_err *err)
{
	struct describe *ds = &job->ds;
	struct pg_conn *c = ds->conn;
	struct oidmap unsupported = { 0 }; /* index oid -> index id */
	bool own_tx = job->own_tx, piped = true;
	int ret = -1;

	ds->s = out;
	if (job->began) {
		PGresult *r;
		if (pgi_pipe_result(c, job->begin_sql, &r, err) < 0)
			goto out;
		PQclear(r);
	}
	for (size_t i = 0; i < ARRAY_SIZE(passes); i++) {
		PGresult *r;
		int kept;

		if (passes[i].skipped_by & job->flags)
			continue;
		if (pgi_pipe_result(c, passes[i].sql, &r, err) < 0)
			goto out;
		if (passes[i].read)
			kept = passes[i].read(ds, r);
		else
			kept = read_indexes(ds, r, &unsupported);
		if (passes[i].read == read_columns)
			push_sequences(ds);
		if (kept != 1)
			PQclear(r);
	}
	piped = false;
	if (pgi_pipe_end(c, err) < 0)
		goto out;
	if (read_index_definitions(ds, &unsupported, err) < 0)
		goto out;
	if (own_tx) {
		own_tx = false;
		if (pg_commit(c, err) < 0)
			goto out;
	}
	ret = 0;
out:
	if (piped)
		pgi_pipe_end(c, NULL);
	if (own_tx || (ret < 0 && job->began))
		pg_rollback(c, NULL);
	if (ret < 0 && err && err->message)
		mesdb_err_prefix(err, "could not describe the database");
	oidmap_release(&unsupported);
	job_free(job);
	return ret;
}

void pg_describe_cancel(struct pg_describe_job *job)
{
	struct pg_conn *c;

	if (!job)
		return;
	c = job->ds.conn;
	pgi_pipe_end(c, NULL);
	if (job->began)
		pg_rollback(c, NULL);
	job_free(job);
}

int pg_describe(struct pg_conn *c, const char *const *schemas, uint32_t nschemas,
		struct sqlschema *out, struct mesdb_err *err)
{
	struct pg_describe_job *job;

	if (pg_describe_start(c, schemas, nschemas, 0, &job, err) < 0)
		return -1;
	return pg_describe_finish(job, out, err);
}

/* The two text columns of a one-row result into heap strings. */
static int two_values(struct pg_result *r, const char *what, char **a, char **b,
		      struct mesdb_err *err)
{
	if (pg_result_rows(r) != 1 || pg_result_cols(r) != 2 || pg_result_is_null(r, 0, 0) ||
	    pg_result_is_null(r, 0, 1))
		return mesdb_error(err, MESDB_E_QUERY, "could not read %s: no value", what);
	*a = xstrdup(pg_result_value(r, 0, 0));
	*b = xstrdup(pg_result_value(r, 0, 1));
	return 0;
}

int pg_snapshot_state(struct pg_conn *c, char **identity, char **snapshot, struct mesdb_err *err)
{
	struct pg_result *r = NULL;
	int ret = -1;

	*identity = *snapshot = NULL;
	if (pg_exec(c, pgq_snapshot, &r, err) < 0) {
		mesdb_err_prefix(err, "could not read the database's snapshot");
		return -1;
	}
	ret = two_values(r, "the database's snapshot", identity, snapshot, err);
	pg_result_free(r);
	return ret;
}

int pg_catalog_fingerprint(struct pg_conn *c, const char *const *schemas, uint32_t nschemas,
			   char **snapshot, char **fingerprint, struct mesdb_err *err)
{
	struct strbuf arr = STRBUF_INIT;
	const char *default_schema[1], *params[1];
	struct pg_result *r = NULL;
	int ret = -1;

	*snapshot = *fingerprint = NULL;
	if (nschemas == 0) {
		default_schema[0] = pg_conn_schema(c);
		schemas = default_schema;
		nschemas = 1;
	}
	pg_array_literal(&arr, schemas, nschemas);
	params[0] = arr.buf;
	if (pg_exec_params(c, pgq_fingerprint, 1, params, &r, err) < 0)
		mesdb_err_prefix(err, "could not read the catalog's fingerprint");
	else
		ret = two_values(r, "the catalog's fingerprint", snapshot, fingerprint, err);
	pg_result_free(r);
	strbuf_release(&arr);
	return ret;
}
