/* diff.h - SQL schema x SQL schema -> ordered migration steps, data-loss checks, reverse diff */
#ifndef MESDB_DIFF_H
#define MESDB_DIFF_H

/*
 * Owns: the comparison of two SQL schemas ("from", the database as it is or
 * was, and "to", the wanted schema) and the plan it yields: Prisma's
 * migration steps in Prisma's order (sql_schema_differ), plus the checks of
 * its destructive change checker. Pure: no I/O. Render (src/render) turns
 * a plan into SQL text.
 *
 * A plan refers to both schemas by id (step.prev = id in from, step.next =
 * id in to) and keeps pointers to them: the schemas must outlive the plan
 * and must not change while it is used. Tables named _prisma_migrations
 * and PostGIS's tables are ignored, views are never diffed.
 *
 * Data-loss checks, Prisma's way (no I/O here):
 *   1. diff_schemas() fills plan->checks and plan->counts: the row counts
 *      ("SELECT COUNT(*) FROM t") and non-null value counts ("... WHERE c
 *      IS NOT NULL") the checks need; render_count_query() prints the SQL.
 *   2. A caller with a connection runs them and stores each result in
 *      counts[i].value (left at -1 when unknown).
 *   3. diff_evaluate() turns the checks into Prisma's warning and
 *      unexecutable-step messages. Without counts (all -1) it gives what
 *      Prisma writes into a new migration.sql (its "pure check").
 */

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "mesdb/mesdb_err.h"
#include "model/sqlschema.h"

/*
 * Step kinds, in Prisma's order: the steps of a plan are sorted by kind
 * first, then by the ids they refer to. ORDER DIFF_STEP (diff_step_names in
 * diff.c).
 */
enum diff_step_kind {
	DIFF_CREATE_SCHEMA,       /* next = namespace */
	DIFF_DROP_EXTENSION,      /* prev = extension */
	DIFF_CREATE_EXTENSION,    /* next = extension */
	DIFF_ALTER_EXTENSION,     /* prev, next = extension; alter_version / alter_schema */
	DIFF_CREATE_ENUM,         /* next = enum */
	DIFF_ALTER_ENUM,          /* prev, next = enum; added / dropped values */
	DIFF_DROP_FOREIGN_KEY,    /* prev = fk */
	DIFF_DROP_INDEX,          /* prev = index */
	DIFF_ALTER_TABLE,         /* prev, next = table; changes */
	DIFF_DROP_TABLE,          /* prev = table */
	DIFF_DROP_ENUM,           /* prev = enum */
	DIFF_CREATE_TABLE,        /* next = table */
	DIFF_CREATE_INDEX,        /* next = index; table_prev (SQL_NONE for a new table), table_next */
	DIFF_RENAME_FOREIGN_KEY,  /* prev, next = fk */
	DIFF_ADD_FOREIGN_KEY,     /* next = fk */
	DIFF_RENAME_INDEX,        /* prev, next = index */
	DIFF_STEP__COUNT
};

/* ORDER DIFF_CHANGE (Prisma's TableChange order) */
enum diff_change_kind {
	DIFF_ADD_COLUMN,          /* next = column */
	DIFF_ALTER_COLUMN,        /* prev, next = column; what / cast */
	DIFF_DROP_COLUMN,         /* prev = column */
	DIFF_DROP_AND_RECREATE_COLUMN, /* prev, next = column: no cast exists */
	DIFF_DROP_PRIMARY_KEY,
	DIFF_ADD_PRIMARY_KEY,
	DIFF_RENAME_PRIMARY_KEY,
};

/* What changed in a column pair (bits, Prisma's ColumnChange order). */
#define DIFF_COL_ARITY         0x1u  /* nullability, or scalar <-> array */
#define DIFF_COL_DEFAULT       0x2u
#define DIFF_COL_TYPE          0x4u
#define DIFF_COL_AUTOINCREMENT 0x8u

/* ORDER DIFF_CAST */
enum diff_cast {
	DIFF_CAST_NONE,           /* the type did not change */
	DIFF_CAST_SAFE,
	DIFF_CAST_RISKY,          /* a warning */
	DIFF_CAST_NOT_CASTABLE,   /* drop and recreate the column */
};

struct diff_change {
	enum diff_change_kind kind;
	uint32_t prev, next;      /* column ids (SQL_NONE when not applicable) */
	unsigned what;            /* DIFF_COL_* */
	enum diff_cast cast;
	bool has_virtual_default; /* DIFF_ADD_COLUMN: the new column has a client-side default */
};

/* An enum column whose default must be dropped and maybe reinstalled around an AlterEnum. */
struct diff_enum_default {
	uint32_t prev_column;     /* in from */
	uint32_t next_column;     /* in to, or SQL_NONE: do not reinstall */
};

struct diff_step {
	enum diff_step_kind kind;
	uint32_t prev, next;      /* ids in from / to, SQL_NONE when not applicable */
	uint32_t table_prev, table_next; /* DIFF_CREATE_INDEX */
	bool from_drop_and_recreate;     /* DIFF_CREATE_INDEX: index of a recreated column */
	struct diff_change *changes;     /* DIFF_ALTER_TABLE */
	uint32_t nchanges;
	const char **added_values;       /* DIFF_ALTER_ENUM */
	uint32_t nadded_values;
	const char **dropped_values;
	uint32_t ndropped_values;
	struct diff_enum_default *enum_defaults;
	uint32_t nenum_defaults;
	bool alter_version, alter_schema; /* DIFF_ALTER_EXTENSION */
};

/* ORDER DIFF_CHECK: warnings first, then unexecutable steps (as Prisma lists them). */
enum diff_check_kind {
	DIFF_WARN_DROP_AND_RECREATE_COLUMN,
	DIFF_WARN_NON_EMPTY_COLUMN_DROP,
	DIFF_WARN_NON_EMPTY_TABLE_DROP,
	DIFF_WARN_RISKY_CAST,
	DIFF_WARN_NOT_CASTABLE,
	DIFF_WARN_PRIMARY_KEY_CHANGE,
	DIFF_WARN_UNIQUE_CONSTRAINT_ADDITION,
	DIFF_WARN_ENUM_VALUE_REMOVAL,
	DIFF_UNEXEC_ADDED_REQUIRED_FIELD,
	DIFF_UNEXEC_ADDED_REQUIRED_FIELD_WITH_CLIENT_DEFAULT,
	DIFF_UNEXEC_MADE_OPTIONAL_FIELD_REQUIRED,
	DIFF_UNEXEC_MADE_SCALAR_FIELD_INTO_LIST,
	DIFF_UNEXEC_DROP_AND_RECREATE_REQUIRED_COLUMN,
};

#define DIFF_CHECK_IS_WARNING(k) ((k) <= DIFF_WARN_ENUM_VALUE_REMOVAL)

struct diff_check {
	enum diff_check_kind kind;
	uint32_t step;            /* index into plan->steps */
	const char *namespace;    /* NULL unless names are schema-qualified */
	const char *table;        /* unique addition: the table; enum removal: NULL */
	const char *column;
	const char *previous_type, *next_type; /* casts, as Prisma names them ("VarChar(10)") */
	const char **names;       /* unique addition: columns; enum removal: values */
	uint32_t nnames;
	const char *enum_name;
	uint32_t row_count;       /* index into plan->counts, or SQL_NONE */
	uint32_t value_count;     /* index into plan->counts, or SQL_NONE */
};

/* A count the checks need: rows of a table, or non-null values of a column. */
struct diff_count {
	const char *namespace;    /* NULL unless names are schema-qualified */
	const char *table;
	const char *column;       /* NULL: row count */
	int64_t value;            /* filled by the caller; -1 = unknown */
};

struct diff_opts {
	/*
	 * Namespaces assumed to exist before the migration although absent
	 * from `from`: no CREATE SCHEMA is generated for them. Prisma's
	 * `migrate diff --from-empty` assumes none (it begins with CREATE
	 * SCHEMA IF NOT EXISTS "public"); a migration.sql written by `migrate
	 * dev` is diffed from an empty database, which has "public". The
	 * array must outlive the plan (the plan keeps the pointer).
	 */
	const char *const *existing_namespaces;
	uint32_t nexisting_namespaces;
	/*
	 * Schema-qualify the names of `from` / `to` ("auth"."User"): that
	 * schema's datasource lists `schemas` (Prisma's explicit namespaces).
	 * Matching always compares schema names; this only changes the text.
	 */
	bool qualify_from, qualify_to;
	/*
	 * Indexes of `from` marked unsupported (expression, partial, INCLUDE
	 * ... indexes PSL cannot express) are kept: never dropped. Prisma
	 * 6.19's describer skips expression and partial indexes (so it never
	 * drops them either) but reads an index with INCLUDE columns as a
	 * plain one and drops it. When false, unsupported indexes are diffed
	 * like any other index.
	 */
	bool keep_unsupported_indexes;
	/*
	 * `from` was read from a live database (describe). Prisma's describer
	 * gives enums an explicit schema, and its enum alteration then drops
	 * the old type schema-qualified (DROP TYPE "public"."Role_old");
	 * render does the same.
	 */
	bool from_described;
	/*
	 * A plan made by diff_reverse() (a down migration, not Prisma's): the
	 * sequences of SERIAL columns are named as the forward plan created
	 * (or found) them, and the target's extensions the forward plan left
	 * alone are not created again.
	 */
	bool reverse;
};

/* Prisma's `migrate diff --script` behaviour. */
#define DIFF_OPTS_INIT { NULL, 0, false, false, true, false, false }

/*
 * Options for the migration.sql form (what `migrate dev` writes): the
 * database already has the "public" schema and `from` was described from
 * a database. Other fields are left alone.
 */
void diff_opts_migration(struct diff_opts *o);

struct plan {
	struct arena arena;
	const struct sqlschema *from, *to;
	struct diff_opts opts;
	struct diff_step *steps;
	uint32_t nsteps, asteps;
	struct diff_check *checks;
	uint32_t nchecks, achecks;
	struct diff_count *counts;
	uint32_t ncounts, acounts;
};

/* plan_init allocates nothing; plan_release frees everything (not the schemas). */
void plan_init(struct plan *p);
void plan_release(struct plan *p);

/*
 * Compute the steps that turn `from` into `to`, in Prisma's order, and the
 * data-loss checks. out must be initialised (plan_init) and empty. opts may
 * be NULL (DIFF_OPTS_INIT). Returns 0, or -1 with err filled.
 */
int diff_schemas(const struct sqlschema *from, const struct sqlschema *to,
		 const struct diff_opts *opts, struct plan *out, struct mesdb_err *err);

/*
 * Whether the defaults of column a (of from) and column b (of to) are the
 * same for Prisma (its defaults_match): what diff_schemas() asks of every
 * column pair.
 */
bool diff_defaults_match(const struct sql_column *a, const struct sql_column *b);

/*
 * The reverse plan (to -> from) of p, with p's options and `reverse` set:
 * what a down migration runs. What Prisma's rules cannot undo stays: an
 * extension the forward plan created is not dropped, an enum value the
 * reverse adds cannot be used in the transaction that adds it (run the
 * ALTER TYPE ... ADD VALUE statements first).
 */
int diff_reverse(const struct plan *p, struct plan *out, struct mesdb_err *err);

/* Prisma's step name: "CreateTable", "AlterEnum", ... (the "-- X" comments). */
const char *diff_step_name(enum diff_step_kind k);

/* Messages of the checks (strings owned by the struct). */
struct diff_message {
	char *text;
	uint32_t step;
};

struct diff_messages {
	struct diff_message *warnings;
	uint32_t nwarnings, awarnings;
	struct diff_message *unexecutable;
	uint32_t nunexecutable, aunexecutable;
};

void diff_messages_init(struct diff_messages *m);
void diff_messages_release(struct diff_messages *m);

/*
 * Evaluate the checks of p with the counts filled in p->counts (-1 for
 * unknown) into Prisma's messages, appended to out in Prisma's order.
 */
void diff_evaluate(const struct plan *p, struct diff_messages *out);

/* Name of a column type for messages, as Prisma shows it: "VarChar(10)", "Integer", "Text". */
void diff_type_display(const struct sqlschema *s, const struct sql_column *c, struct strbuf *out);

#endif
