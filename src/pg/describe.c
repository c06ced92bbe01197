/* describe.c - live database -> SQL schema model, from pg_catalog in nine queries */
#include "pg/pg_internal.h"

#include <ctype.h>
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

struct builtin_type {
	const char *name;         /* pg_type.typname in pg_catalog */
	enum sql_ptype ptype;
};

static const struct builtin_type builtin_types[] = {
	{ "text", SQL_T_TEXT }, { "varchar", SQL_T_VARCHAR }, { "bpchar", SQL_T_CHAR },
	{ "int2", SQL_T_SMALLINT }, { "int4", SQL_T_INTEGER }, { "int8", SQL_T_BIGINT },
	{ "float4", SQL_T_REAL }, { "float8", SQL_T_DOUBLE }, { "numeric", SQL_T_DECIMAL },
	{ "money", SQL_T_MONEY }, { "bool", SQL_T_BOOLEAN }, { "timestamp", SQL_T_TIMESTAMP },
	{ "timestamptz", SQL_T_TIMESTAMPTZ }, { "date", SQL_T_DATE }, { "time", SQL_T_TIME },
	{ "timetz", SQL_T_TIMETZ }, { "json", SQL_T_JSON }, { "jsonb", SQL_T_JSONB },
	{ "bytea", SQL_T_BYTEA }, { "uuid", SQL_T_UUID }, { "xml", SQL_T_XML },
	{ "inet", SQL_T_INET }, { "oid", SQL_T_OID }, { "bit", SQL_T_BIT },
	{ "varbit", SQL_T_VARBIT },
};

/* sql_type from the base (element) type of a column and its typmod */
static void column_type(struct sqlschema *s, struct sql_type *ty, const char *name,
			const char *schema, char kind, long typmod, uint32_t enum_id, const char *text)
{
	ty->args[0] = ty->args[1] = -1;
	ty->enum_id = SQL_NONE;
	ty->unsupported = NULL;
	ty->ptype = SQL_T_UNSUPPORTED;

	if (kind == 'e' && enum_id != SQL_NONE) {
		ty->ptype = SQL_T_ENUM;
		ty->enum_id = enum_id;
		return;
	}
	if (kind == 'b' && !strcmp(name, "citext")) {
		ty->ptype = SQL_T_CITEXT; /* an extension's type, in whatever schema */
		return;
	}
	if (kind == 'b' && !strcmp(schema, "pg_catalog")) {
		for (size_t i = 0; i < ARRAY_SIZE(builtin_types); i++) {
			if (strcmp(name, builtin_types[i].name))
				continue;
			ty->ptype = builtin_types[i].ptype;
			break;
		}
	}
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
				ty->ptype = SQL_T_UNSUPPORTED;
				ty->args[0] = ty->args[1] = -1;
				ty->unsupported = arena_strdup(&s->arena, text);
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
	case SQL_T_UNSUPPORTED:
		ty->unsupported = arena_strdup(&s->arena, text);
		break;
	default:
		break;
	}
}

/* ---- the passes ---- */

struct describe {
	struct pg_conn *conn;
	struct sqlschema *s;
	const char *params[1];
	struct oidmap nsp;       /* namespace oid -> namespace id */
	struct oidmap enums;     /* type oid -> enum id */
	struct oidmap tables;    /* table oid -> table id */
	struct oidmap owned;     /* table oid -> first owned sequence (index into seqs) */
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
};

static int run(struct describe *ds, const char *sql, bool with_param, PGresult **res,
	       struct mesdb_err *err)
{
	return pgi_query(ds->conn, sql, with_param ? 1 : 0, with_param ? ds->params : NULL, res,
			 err);
}

static int read_namespaces(struct describe *ds, struct mesdb_err *err)
{
	PGresult *r;
	int c_oid, c_name;

	if (run(ds, pgq_namespaces, true, &r, err) < 0)
		return -1;
	c_oid = pgi_col(r, "oid");
	c_name = pgi_col(r, "name");
	for (int i = 0; i < PQntuples(r); i++) {
		uint32_t id = sqlschema_push_namespace(ds->s, get_str(ds->s, r, i, c_name));
		oidmap_put(&ds->nsp, get_oid(r, i, c_oid), id);
	}
	PQclear(r);
	return 0;
}

static int read_enums(struct describe *ds, struct mesdb_err *err)
{
	struct sqlschema *s = ds->s;
	PGresult *r;
	int c_oid, c_nsp, c_name, c_label, n;

	if (run(ds, pgq_enums, true, &r, err) < 0)
		return -1;
	c_oid = pgi_col(r, "oid");
	c_nsp = pgi_col(r, "nsp_oid");
	c_name = pgi_col(r, "name");
	c_label = pgi_col(r, "label");
	n = PQntuples(r);
	for (int i = 0; i < n;) {
		uint32_t oid = get_oid(r, i, c_oid);
		struct sql_enum e = { 0 };
		int j;

		for (j = i; j < n && get_oid(r, j, c_oid) == oid; j++)
			;
		e.namespace_id = oidmap_get(&ds->nsp, get_oid(r, i, c_nsp));
		e.name = get_str(s, r, i, c_name);
		e.values = ARENA_NEW_ARRAY(&s->arena, const char *, (size_t)(j - i));
		for (int k = i; k < j; k++)
			if (!PQgetisnull(r, k, c_label))
				e.values[e.nvalues++] = get_str(s, r, k, c_label);
		oidmap_put(&ds->enums, oid, sqlschema_push_enum(s, &e));
		i = j;
	}
	PQclear(r);
	return 0;
}

static int read_tables(struct describe *ds, struct mesdb_err *err)
{
	struct sqlschema *s = ds->s;
	PGresult *r;
	int c_oid, c_nsp, c_name, c_kind, c_descr;

	if (run(ds, pgq_tables, true, &r, err) < 0)
		return -1;
	c_oid = pgi_col(r, "oid");
	c_nsp = pgi_col(r, "nsp_oid");
	c_name = pgi_col(r, "name");
	c_kind = pgi_col(r, "kind");
	c_descr = pgi_col(r, "description");
	for (int i = 0; i < PQntuples(r); i++) {
		struct sql_table t = { 0 };
		t.namespace_id = oidmap_get(&ds->nsp, get_oid(r, i, c_nsp));
		t.name = get_str(s, r, i, c_name);
		t.description = get_str(s, r, i, c_descr);
		t.partitioned = get_char(r, i, c_kind) == 'p';
		oidmap_put(&ds->tables, get_oid(r, i, c_oid), sqlschema_push_table(s, &t));
	}
	PQclear(r);
	return 0;
}

/* Sequences are read before the columns (for nextval defaults), pushed after them. */
static int read_sequences(struct describe *ds, struct mesdb_err *err)
{
	struct sqlschema *s = ds->s;
	PGresult *r;
	int c_nsp, c_name, c_owner, c_attnum, n;

	if (run(ds, pgq_sequences, true, &r, err) < 0)
		return -1;
	c_nsp = pgi_col(r, "nsp_oid");
	c_name = pgi_col(r, "name");
	c_owner = pgi_col(r, "owner_table_oid");
	c_attnum = pgi_col(r, "owner_attnum");
	n = PQntuples(r);
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
	PQclear(r);
	return 0;
}

static const char *owned_sequence(const struct describe *ds, uint32_t table_oid, int attnum)
{
	for (uint32_t q = oidmap_get(&ds->owned, table_oid); q != SQL_NONE; q = ds->seqs[q].next_owned)
		if (ds->seqs[q].owner_attnum == attnum)
			return ds->seqs[q].name;
	return NULL;
}

static int read_columns(struct describe *ds, struct mesdb_err *err)
{
	struct sqlschema *s = ds->s;
	PGresult *r;
	int c_table, c_attnum, c_name, c_notnull, c_identity, c_generated, c_typmod, c_coll, c_array;
	int c_base_oid, c_base_name, c_base_schema, c_base_kind, c_base_text, c_default, c_descr;
	int n, *first_row = NULL, *nrows = NULL;

	if (run(ds, pgq_columns, true, &r, err) < 0)
		return -1;
	c_table = pgi_col(r, "table_oid");
	c_attnum = pgi_col(r, "attnum");
	c_name = pgi_col(r, "name");
	c_notnull = pgi_col(r, "notnull");
	c_identity = pgi_col(r, "identity");
	c_generated = pgi_col(r, "generated");
	c_typmod = pgi_col(r, "typmod");
	c_coll = pgi_col(r, "collation");
	c_array = pgi_col(r, "is_array");
	c_base_oid = pgi_col(r, "base_oid");
	c_base_name = pgi_col(r, "base_name");
	c_base_schema = pgi_col(r, "base_schema");
	c_base_kind = pgi_col(r, "base_kind");
	c_base_text = pgi_col(r, "base_text");
	c_default = pgi_col(r, "default_expr");
	c_descr = pgi_col(r, "description");

	/* rows come grouped by table oid; push them in table id order */
	n = PQntuples(r);
	first_row = xmalloc(((size_t)s->ntables + 1) * sizeof(int));
	nrows = xcalloc((size_t)s->ntables + 1, sizeof(int));
	for (int i = 0; i < n;) {
		uint32_t oid = get_oid(r, i, c_table), t = oidmap_get(&ds->tables, oid);
		int j;
		for (j = i; j < n && get_oid(r, j, c_table) == oid; j++)
			;
		if (t != SQL_NONE) {
			first_row[t] = i;
			nrows[t] = j - i;
		}
		i = j;
	}
	ds->attnums = xmalloc(((size_t)n + 1) * sizeof(*ds->attnums));
	ds->collations = xmalloc(((size_t)n + 1) * sizeof(*ds->collations));

	for (uint32_t t = 0; t < s->ntables; t++) {
		for (int i = first_row[t]; i < first_row[t] + nrows[t]; i++) {
			struct sql_column col = { 0 };
			const char *expr = PQgetisnull(r, i, c_default) ? NULL : PQgetvalue(r, i, c_default);
			char identity = get_char(r, i, c_identity);
			char generated = get_char(r, i, c_generated);
			int attnum = (int)get_long(r, i, c_attnum);
			uint32_t id;

			col.table_id = t;
			col.name = get_str(s, r, i, c_name);
			col.nullable = !get_bool(r, i, c_notnull);
			column_type(s, &col.type, PQgetvalue(r, i, c_base_name),
				    PQgetvalue(r, i, c_base_schema), get_char(r, i, c_base_kind),
				    get_long(r, i, c_typmod),
				    oidmap_get(&ds->enums, get_oid(r, i, c_base_oid)),
				    PQgetvalue(r, i, c_base_text));
			col.type.array = get_bool(r, i, c_array);
			col.description = get_str(s, r, i, c_descr);
			if (identity == 'a' || identity == 'd') {
				col.identity = true;
				col.autoincrement = true;
			}
			if (generated == 's') {
				col.generated = expr ? arena_strdup(&s->arena, expr) : NULL;
			} else {
				pg_parse_default(s, &col, expr,
						 owned_sequence(ds, get_oid(r, i, c_table), attnum));
			}
			id = sqlschema_push_column(s, &col);
			ds->attnums[id] = (int16_t)attnum;
			ds->collations[id] = get_oid(r, i, c_coll);
		}
	}
	free(first_row);
	free(nrows);
	PQclear(r);
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

/* Groups of rows (one object each), sorted by table id then name before pushing. */
struct group {
	uint32_t table_id;
	const char *name;
	int first, n;
};

static int group_cmp(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	if (x->table_id != y->table_id)
		return x->table_id < y->table_id ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Split rows ordered by (table oid, name) into groups of known tables; sorted. */
static struct group *group_rows(struct describe *ds, const PGresult *r, int c_table, int c_name,
				uint32_t *ngroups)
{
	int n = PQntuples(r);
	struct group *g = xmalloc(((size_t)n + 1) * sizeof(*g));
	uint32_t ng = 0;

	for (int i = 0; i < n;) {
		const char *oid = PQgetvalue(r, i, c_table), *name = PQgetvalue(r, i, c_name);
		int j;
		for (j = i + 1; j < n && !strcmp(PQgetvalue(r, j, c_table), oid) &&
				!strcmp(PQgetvalue(r, j, c_name), name); j++)
			;
		g[ng].table_id = oidmap_get(&ds->tables, get_oid(r, i, c_table));
		g[ng].name = name;
		g[ng].first = i;
		g[ng].n = j - i;
		if (g[ng].table_id != SQL_NONE)
			ng++;
		i = j;
	}
	qsort(g, ng, sizeof(*g), group_cmp);
	*ngroups = ng;
	return g;
}

static enum sql_index_algo index_algo(const char *method, bool *known)
{
	static const char *const names[] = { "btree", "hash", "gist", "gin", "spgist", "brin" };
	/* ORDER SQL_ALGO */
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(method, names[i])) {
			*known = true;
			return (enum sql_index_algo)i;
		}
	*known = false;
	return SQL_ALGO_BTREE;
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

static int read_indexes(struct describe *ds, struct mesdb_err *err)
{
	struct sqlschema *s = ds->s;
	PGresult *r;
	struct group *g;
	struct oidmap unsupported = { 0 }; /* index oid -> index id */
	uint32_t ng;
	int c_table, c_oid, c_name, c_primary, c_unique, c_method, c_contype, c_complex, c_attnum;
	int c_options, c_opclass, c_default_opclass, c_collation, ret;

	if (run(ds, pgq_indexes, true, &r, err) < 0)
		return -1;
	c_table = pgi_col(r, "table_oid");
	c_oid = pgi_col(r, "oid");
	c_name = pgi_col(r, "name");
	c_primary = pgi_col(r, "is_primary");
	c_unique = pgi_col(r, "is_unique");
	c_method = pgi_col(r, "method");
	c_contype = pgi_col(r, "contype");
	c_complex = pgi_col(r, "complex");
	c_attnum = pgi_col(r, "attnum");
	c_options = pgi_col(r, "options");
	c_opclass = pgi_col(r, "opclass");
	c_default_opclass = pgi_col(r, "default_opclass");
	c_collation = pgi_col(r, "collation");

	g = group_rows(ds, r, c_table, c_name, &ng);
	for (uint32_t k = 0; k < ng; k++) {
		int i = g[k].first;
		struct sql_index ix = { 0 };
		char contype = PQgetisnull(r, i, c_contype) ? 0 : get_char(r, i, c_contype);
		bool known_algo;
		uint32_t id;

		ix.table_id = g[k].table_id;
		ix.name = arena_strdup(&s->arena, g[k].name);
		ix.kind = get_bool(r, i, c_primary) ? SQL_INDEX_PRIMARY
			: get_bool(r, i, c_unique) ? SQL_INDEX_UNIQUE : SQL_INDEX_NORMAL;
		ix.algo = index_algo(PQgetvalue(r, i, c_method), &known_algo);
		ix.constraint = contype == 'p' || contype == 'u';
		ix.unsupported = get_bool(r, i, c_complex) || !known_algo || contype == 'x';
		ix.columns = ARENA_NEW_ARRAY(&s->arena, struct sql_index_column, (size_t)g[k].n);
		for (int j = i; j < i + g[k].n; j++) {
			long attnum = get_long(r, j, c_attnum);
			long options = get_long(r, j, c_options);
			struct sql_index_column *ic;
			uint32_t col = attnum > 0 ? column_by_attnum(ds, ix.table_id, attnum) : SQL_NONE;

			if (col == SQL_NONE) {
				ix.unsupported = true; /* an expression */
				continue;
			}
			ic = &ix.columns[ix.ncolumns++];
			ic->column_id = col;
			ic->sort = (options & 1) ? -1 : 0;
			ic->opclass = get_str(s, r, j, c_opclass);
			ic->default_opclass = get_str(s, r, j, c_default_opclass);
			/* NULLS FIRST on ASC / NULLS LAST on DESC: not expressible */
			if (((options & 1) != 0) != ((options & 2) != 0))
				ix.unsupported = true;
			/* COLLATE other than the column's */
			if (get_oid(r, j, c_collation) != ds->collations[col])
				ix.unsupported = true;
		}
		id = sqlschema_push_index(s, &ix);
		if (ix.unsupported)
			oidmap_put(&unsupported, get_oid(r, i, c_oid), id);
	}
	free(g);
	PQclear(r);
	ret = read_index_definitions(ds, &unsupported, err);
	oidmap_release(&unsupported);
	return ret;
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

static int read_fks(struct describe *ds, struct mesdb_err *err)
{
	struct sqlschema *s = ds->s;
	PGresult *r;
	struct group *g;
	uint32_t ng;
	int c_table, c_name, c_ref, c_del, c_upd, c_attnum, c_refattnum;

	if (run(ds, pgq_foreign_keys, true, &r, err) < 0)
		return -1;
	c_table = pgi_col(r, "table_oid");
	c_name = pgi_col(r, "name");
	c_ref = pgi_col(r, "ref_table_oid");
	c_del = pgi_col(r, "on_delete");
	c_upd = pgi_col(r, "on_update");
	c_attnum = pgi_col(r, "attnum");
	c_refattnum = pgi_col(r, "ref_attnum");

	g = group_rows(ds, r, c_table, c_name, &ng);
	for (uint32_t k = 0; k < ng; k++) {
		int i = g[k].first;
		struct sql_foreign_key fk = { 0 };
		bool complete = true;

		fk.table_id = g[k].table_id;
		fk.referenced_table_id = oidmap_get(&ds->tables, get_oid(r, i, c_ref));
		if (fk.referenced_table_id == SQL_NONE)
			continue; /* references a table outside the described schemas */
		fk.name = arena_strdup(&s->arena, g[k].name);
		fk.on_delete = fk_action(get_char(r, i, c_del));
		fk.on_update = fk_action(get_char(r, i, c_upd));
		fk.columns = ARENA_NEW_ARRAY(&s->arena, uint32_t, (size_t)g[k].n);
		fk.referenced_columns = ARENA_NEW_ARRAY(&s->arena, uint32_t, (size_t)g[k].n);
		for (int j = i; j < i + g[k].n; j++) {
			uint32_t a = column_by_attnum(ds, fk.table_id, get_long(r, j, c_attnum));
			uint32_t b = column_by_attnum(ds, fk.referenced_table_id,
						      get_long(r, j, c_refattnum));
			if (a == SQL_NONE || b == SQL_NONE)
				complete = false;
			fk.columns[fk.ncolumns] = a;
			fk.referenced_columns[fk.ncolumns++] = b;
		}
		if (complete)
			sqlschema_push_fk(s, &fk);
	}
	free(g);
	PQclear(r);
	return 0;
}

static int read_views(struct describe *ds, struct mesdb_err *err)
{
	struct sqlschema *s = ds->s;
	PGresult *r;
	int c_nsp, c_name, c_kind, c_def;

	if (run(ds, pgq_views, true, &r, err) < 0)
		return -1;
	c_nsp = pgi_col(r, "nsp_oid");
	c_name = pgi_col(r, "name");
	c_kind = pgi_col(r, "kind");
	c_def = pgi_col(r, "definition");
	for (int i = 0; i < PQntuples(r); i++) {
		struct sql_view v = { 0 };
		v.namespace_id = oidmap_get(&ds->nsp, get_oid(r, i, c_nsp));
		v.name = get_str(s, r, i, c_name);
		v.definition = get_str(s, r, i, c_def);
		v.materialized = get_char(r, i, c_kind) == 'm';
		sqlschema_push_view(s, &v);
	}
	PQclear(r);
	return 0;
}

static int read_extensions(struct describe *ds, struct mesdb_err *err)
{
	struct sqlschema *s = ds->s;
	PGresult *r;
	int c_name, c_schema, c_version;

	if (run(ds, pgq_extensions, false, &r, err) < 0)
		return -1;
	c_name = pgi_col(r, "name");
	c_schema = pgi_col(r, "schema");
	c_version = pgi_col(r, "version");
	for (int i = 0; i < PQntuples(r); i++) {
		struct sql_extension x = { 0 };
		x.name = get_str(s, r, i, c_name);
		x.schema = get_str(s, r, i, c_schema);
		x.version = get_str(s, r, i, c_version);
		sqlschema_push_extension(s, &x);
	}
	PQclear(r);
	return 0;
}

int pg_describe(struct pg_conn *c, const char *const *schemas, uint32_t nschemas,
		struct sqlschema *out, struct mesdb_err *err)
{
	struct describe ds;
	struct strbuf arr = STRBUF_INIT;
	const char *default_schema[1];
	bool own_tx = false;
	int ret = -1;

	memset(&ds, 0, sizeof(ds));
	ds.conn = c;
	ds.s = out;
	if (nschemas == 0) {
		default_schema[0] = pg_conn_schema(c);
		schemas = default_schema;
		nschemas = 1;
	}
	pg_array_literal(&arr, schemas, nschemas);
	ds.params[0] = arr.buf;

	if (!pg_in_transaction(c)) {
		if (pg_exec(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", NULL, err) < 0)
			goto out;
		own_tx = true;
	}
	if (read_namespaces(&ds, err) < 0 || read_enums(&ds, err) < 0 ||
	    read_tables(&ds, err) < 0 || read_sequences(&ds, err) < 0 ||
	    read_columns(&ds, err) < 0)
		goto out;
	push_sequences(&ds);
	if (read_indexes(&ds, err) < 0 || read_fks(&ds, err) < 0 || read_views(&ds, err) < 0 ||
	    read_extensions(&ds, err) < 0)
		goto out;
	if (own_tx) {
		own_tx = false;
		if (pg_commit(c, err) < 0)
			goto out;
	}
	ret = 0;
out:
	if (own_tx)
		pg_rollback(c, NULL);
	if (ret < 0 && err && err->message)
		mesdb_err_prefix(err, "could not describe the database");
	oidmap_release(&ds.nsp);
	oidmap_release(&ds.enums);
	oidmap_release(&ds.tables);
	oidmap_release(&ds.owned);
	free(ds.seqs);
	free(ds.attnums);
	free(ds.collations);
	strbuf_release(&arr);
	return ret;
}
