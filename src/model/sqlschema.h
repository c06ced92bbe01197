/* sqlschema.h - the SQL schema model: what calc builds, describe reads, diff compares, render prints */
#ifndef MESDB_MODEL_SQLSCHEMA_H
#define MESDB_MODEL_SQLSCHEMA_H

/*
 * Owns: one PostgreSQL schema description as flat arrays with uint32 ids,
 * all strings and arrays in s->arena. Entities refer to each other by id
 * (SQL_NONE when absent). Children of an entity are contiguous only when
 * pushed so; use the owner ids (column.table_id, ...) and the iteration
 * helpers, never assume ranges. Pure: no I/O.
 *
 * Producers: calc (from a validated datamodel), describe (from pg_catalog).
 * Both must normalise to the same representation so that diff of a pushed
 * schema against its description is empty: types as sql_ptype + args, names
 * exactly as in the database, defaults in the normalised forms below.
 */

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "base/strmap.h"

#define SQL_NONE UINT32_MAX

/* PostgreSQL column types mesdb knows. ORDER SQL_PTYPE (sql_ptype_names in sqlschema.c) */
enum sql_ptype {
	SQL_T_TEXT,            /* text */
	SQL_T_VARCHAR,         /* varchar(n) / varchar: args[0] = n or -1 */
	SQL_T_CHAR,            /* char(n): args[0] */
	SQL_T_SMALLINT,
	SQL_T_INTEGER,
	SQL_T_BIGINT,
	SQL_T_REAL,
	SQL_T_DOUBLE,          /* double precision */
	SQL_T_DECIMAL,         /* numeric(p,s): args[0] = p, args[1] = s, or -1 */
	SQL_T_MONEY,
	SQL_T_BOOLEAN,
	SQL_T_TIMESTAMP,       /* timestamp(p) without time zone: args[0] = p or -1 */
	SQL_T_TIMESTAMPTZ,
	SQL_T_DATE,
	SQL_T_TIME,            /* time(p) */
	SQL_T_TIMETZ,
	SQL_T_JSON,
	SQL_T_JSONB,
	SQL_T_BYTEA,
	SQL_T_UUID,
	SQL_T_XML,
	SQL_T_INET,
	SQL_T_CITEXT,
	SQL_T_OID,
	SQL_T_BIT,             /* bit(n) */
	SQL_T_VARBIT,          /* varbit(n) */
	SQL_T_ENUM,            /* enum_id */
	SQL_T_UNSUPPORTED,     /* anything else: `unsupported` holds the type text */
	SQL_T__COUNT
};

struct sql_type {
	enum sql_ptype ptype;
	int64_t args[2];       /* -1 when absent */
	uint32_t enum_id;      /* SQL_T_ENUM */
	const char *unsupported; /* SQL_T_UNSUPPORTED: format_type() text */
	bool array;            /* T[] */
};

/* ORDER SQL_DEFAULT */
enum sql_default_kind {
	SQL_DEFAULT_NONE,
	SQL_DEFAULT_STRING,    /* a string literal: value is the unescaped text */
	SQL_DEFAULT_NUMBER,    /* a numeric literal: value as canonical text (no ::casts) */
	SQL_DEFAULT_BOOLEAN,   /* "true" / "false" */
	SQL_DEFAULT_ENUM,      /* an enum value: value is the database name of the value */
	SQL_DEFAULT_LIST,      /* an array literal: items */
	SQL_DEFAULT_NOW,       /* CURRENT_TIMESTAMP / now() */
	SQL_DEFAULT_SEQUENCE,  /* nextval of the column's owned sequence (SERIAL) : value = sequence name */
	SQL_DEFAULT_EXPR,      /* anything else (dbgenerated): value is the expression text */
};

struct sql_default {
	enum sql_default_kind kind;
	const char *value;
	struct sql_default *items;
	uint32_t nitems;
	const char *constraint_name; /* named default constraint (not PostgreSQL), NULL */
	const char *literal;   /* calc, SQL_DEFAULT_NUMBER of a Float/Decimal field: the literal
				* as Prisma prints it ("1.50", scale kept); NULL: print value.
				* Never compared (value is). */
};

struct sql_column {
	uint32_t table_id;
	const char *name;
	struct sql_type type;
	bool nullable;         /* arrays are always nullable in Prisma's PostgreSQL model */
	bool autoincrement;    /* SERIAL / BIGSERIAL / SMALLSERIAL (or identity) */
	bool identity;         /* GENERATED ... AS IDENTITY (describe only) */
	struct sql_default dflt;
	const char *description; /* COMMENT ON COLUMN, or NULL */
	const char *generated;   /* GENERATED ALWAYS AS (expr) STORED: the expression
				  * (describe only; dflt stays NONE), or NULL */
	bool client_default;     /* calc only: @default(cuid()/uuid()/nanoid()/ulid()), a value
				  * the client fills in (no database default; Prisma's
				  * "prisma-level default", used in data-loss messages) */
};

/* ORDER SQL_INDEX_KIND */
enum sql_index_kind {
	SQL_INDEX_PRIMARY,
	SQL_INDEX_UNIQUE,
	SQL_INDEX_NORMAL,
};

/* ORDER SQL_ALGO */
enum sql_index_algo {
	SQL_ALGO_BTREE,
	SQL_ALGO_HASH,
	SQL_ALGO_GIST,
	SQL_ALGO_GIN,
	SQL_ALGO_SPGIST,
	SQL_ALGO_BRIN,
};

struct sql_index_column {
	uint32_t column_id;
	int sort;              /* 0 default (ASC), 1 ASC written, -1 DESC */
	const char *opclass;   /* operator class name, or NULL for the default */
	/*
	 * Described indexes only: the name of the default operator class in
	 * use when opclass is NULL (a schema may name it explicitly), else NULL.
	 */
	const char *default_opclass;
};

struct sql_index {
	uint32_t table_id;
	const char *name;
	enum sql_index_kind kind;
	enum sql_index_algo algo;
	struct sql_index_column *columns;
	uint32_t ncolumns;
	/*
	 * An index mesdb cannot express in PSL (expression or partial index,
	 * INCLUDE columns, ...): kept so it is never dropped silently;
	 * definition holds pg_get_indexdef().
	 */
	bool unsupported;
	const char *definition;
	bool constraint;       /* backed by a UNIQUE/PRIMARY KEY constraint (vs a bare index) */
};

/* ORDER SQL_ACTION */
enum sql_fk_action {
	SQL_ACTION_NO_ACTION,
	SQL_ACTION_RESTRICT,
	SQL_ACTION_CASCADE,
	SQL_ACTION_SET_NULL,
	SQL_ACTION_SET_DEFAULT,
};

struct sql_foreign_key {
	uint32_t table_id;
	const char *name;
	uint32_t referenced_table_id;
	uint32_t *columns;            /* ids of table_id's columns */
	uint32_t *referenced_columns; /* ids of referenced_table_id's columns */
	uint32_t ncolumns;
	enum sql_fk_action on_delete, on_update;
};

struct sql_table {
	uint32_t namespace_id;
	const char *name;
	const char *description;      /* COMMENT ON TABLE */
	uint32_t first_column, ncolumns; /* a table's columns are contiguous, in ordinal order:
					  * push them right after the table (push_column keeps these;
					  * pushing a table's columns apart is a MESDB_BUG) */
	bool partitioned;             /* describe: partitioned / has row level security etc. (kept, not diffed) */
};

struct sql_enum {
	uint32_t namespace_id;
	const char *name;
	const char **values;          /* in declaration order */
	uint32_t nvalues;
};

struct sql_view {
	uint32_t namespace_id;
	const char *name;
	const char *definition;
	bool materialized;            /* CREATE MATERIALIZED VIEW (describe only) */
	uint32_t first_column, ncolumns; /* in view_columns, contiguous, in ordinal order
					  * (describe, plain views only; for db pull) */
};

struct sql_sequence {
	uint32_t namespace_id;
	const char *name;
	uint32_t owner_table_id;      /* OWNED BY table.column, or SQL_NONE */
	uint32_t owner_column_id;
};

struct sql_extension {
	const char *name;
	const char *schema;
	const char *version;
};

struct sql_namespace {
	const char *name;
};

struct sqlschema {
	struct arena arena;
	struct sql_namespace *namespaces; uint32_t nnamespaces, anamespaces;
	struct sql_table *tables;         uint32_t ntables, atables;
	struct sql_column *columns;       uint32_t ncolumns, acolumns;
	struct sql_index *indexes;        uint32_t nindexes, aindexes;
	struct sql_foreign_key *fks;      uint32_t nfks, afks;
	struct sql_enum *enums;           uint32_t nenums, aenums;
	struct sql_view *views;           uint32_t nviews, aviews;
	struct sql_column *view_columns;  uint32_t nview_columns, aview_columns; /* table_id = view id */
	struct sql_sequence *sequences;   uint32_t nsequences, asequences;
	struct sql_extension *extensions; uint32_t nextensions, aextensions;

	/*
	 * Name indexes kept by the pushers, for the sqlschema_find_*() lookups
	 * (O(1)). Names are read when an entity is pushed: set them before the
	 * push and do not change them afterwards, or call sqlschema_reindex().
	 * Private to sqlschema.c.
	 */
	struct strmap by_name_namespace;  /* (0, name) -> namespace id */
	struct strmap by_name_table;      /* (namespace id, name) -> table id */
	struct strmap by_name_column;     /* (table id, name) -> column id */
	struct strmap by_name_enum;       /* (namespace id, name) -> enum id */
	struct strmap by_name_index;      /* (table id, name) -> index id */
	struct strmap by_name_fk;         /* (table id, name) -> fk id */
	struct strmap by_name_view;       /* (namespace id, name) -> view id */
	struct strmap by_name_sequence;   /* (namespace id, name) -> sequence id */
	uint32_t *table_pk_ids;           /* parallel to tables: first PRIMARY index pushed, or SQL_NONE */
	uint32_t atable_pk_ids;
};

void sqlschema_init(struct sqlschema *s);
void sqlschema_release(struct sqlschema *s);

/*
 * Pushers copy the struct (strings must already live in s->arena, or be
 * string literals) and return the new id. Pointers into the arrays are
 * invalidated by the next push of the same kind: keep ids, not pointers.
 */
uint32_t sqlschema_push_namespace(struct sqlschema *s, const char *name);
uint32_t sqlschema_push_table(struct sqlschema *s, const struct sql_table *t);
uint32_t sqlschema_push_column(struct sqlschema *s, const struct sql_column *c);
uint32_t sqlschema_push_index(struct sqlschema *s, const struct sql_index *i);
uint32_t sqlschema_push_fk(struct sqlschema *s, const struct sql_foreign_key *fk);
uint32_t sqlschema_push_enum(struct sqlschema *s, const struct sql_enum *e);
uint32_t sqlschema_push_view(struct sqlschema *s, const struct sql_view *v);
/*
 * Make room for n more columns (the array and its name index) when the
 * count is known beforehand: no reallocation or rehashing while they are
 * pushed.
 */
void sqlschema_reserve_columns(struct sqlschema *s, uint32_t n);
/* A column of view c->table_id (pushed contiguously per view, like a table's). */
uint32_t sqlschema_push_view_column(struct sqlschema *s, const struct sql_column *c);
uint32_t sqlschema_push_sequence(struct sqlschema *s, const struct sql_sequence *q);
uint32_t sqlschema_push_extension(struct sqlschema *s, const struct sql_extension *x);

/*
 * Lookups by name: hashed, O(1); SQL_NONE when absent. With duplicate
 * names the first pushed wins. The names indexed are those present at push
 * time (see by_name_* above).
 */
uint32_t sqlschema_find_namespace(const struct sqlschema *s, const char *name);
uint32_t sqlschema_find_table(const struct sqlschema *s, uint32_t namespace_id, const char *name);
uint32_t sqlschema_find_column(const struct sqlschema *s, uint32_t table_id, const char *name);
uint32_t sqlschema_find_enum(const struct sqlschema *s, uint32_t namespace_id, const char *name);
uint32_t sqlschema_find_index(const struct sqlschema *s, uint32_t table_id, const char *name);
uint32_t sqlschema_find_fk(const struct sqlschema *s, uint32_t table_id, const char *name);
uint32_t sqlschema_find_view(const struct sqlschema *s, uint32_t namespace_id, const char *name);
uint32_t sqlschema_find_sequence(const struct sqlschema *s, uint32_t namespace_id, const char *name);

/* Rebuild every name index (after a producer renamed entities in place). */
void sqlschema_reindex(struct sqlschema *s);

/* The primary key index of a table, or SQL_NONE. O(1). */
uint32_t sqlschema_table_pk(const struct sqlschema *s, uint32_t table_id);

/*
 * Keyword of a type as Prisma renders it, without arguments or []:
 * "TEXT", "VARCHAR", "DOUBLE PRECISION", "TIMESTAMPTZ", ...; "ENUM" and
 * "UNSUPPORTED" for the two that have no keyword of their own.
 */
const char *sql_ptype_name(enum sql_ptype t);
/* "BTREE", "HASH", "GIST", "GIN", "SPGIST", "BRIN" (as in USING ...). */
const char *sql_index_algo_name(enum sql_index_algo a);
/* "NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT". */
const char *sql_fk_action_name(enum sql_fk_action a);
/* "NONE", "STRING", ... (for messages and tests). */
const char *sql_default_kind_name(enum sql_default_kind k);

/*
 * The canonical text of a numeric literal, as SQL_DEFAULT_NUMBER values are
 * stored by both producers: optional '-', no '+', no leading zeros, no
 * trailing fractional zeros, no exponent ("1.50" -> "1.5", "-0" -> "0",
 * "1e3" -> "1000", "007" -> "7"). Appends to out and returns true when text
 * is a number ([+-]digits[.digits][e[+-]digits], |exponent| <= 1000);
 * returns false and leaves out untouched otherwise.
 */
bool sql_number_canonical(struct strbuf *out, const char *text);

/*
 * Append a column type as text: "VARCHAR(255)", "DECIMAL(65,30)",
 * "TIMESTAMP(3)", "\"Role\"[]" (enum names double-quoted), the
 * unsupported type's own text. For messages, dumps and tests; render has
 * its own, quoting-aware spelling.
 */
void sql_type_format(const struct sqlschema *s, const struct sql_type *t, struct strbuf *out);

/*
 * Append a stable, line-oriented text of the whole model (one line per
 * entity, children indented under their table), for tests and debugging:
 * two models are equivalent when their dumps are equal. Format:
 *   namespace NAME
 *   enum NS.NAME: V1, V2
 *   table NS.NAME [partitioned] [-- comment]
 *     column NAME TYPE NULL|NOT NULL [DEFAULT KIND VALUE] [autoincrement] [identity] ...
 *     index NAME PRIMARY|UNIQUE|NORMAL ALGO (COL [DESC] [OPCLASS], ...) [constraint] [unsupported: DEF]
 *     fk NAME (COLS) -> NS.TABLE (COLS) ON DELETE A ON UPDATE A
 *   sequence NS.NAME [owned by TABLE.COLUMN]
 *   view NS.NAME [materialized]: DEFINITION
 *     column NAME TYPE NULL|NOT NULL (its columns)
 *   extension NAME VERSION in SCHEMA
 * Indexes and foreign keys are listed under their table in id order.
 */
void sqlschema_dump(const struct sqlschema *s, struct strbuf *out);

#endif
