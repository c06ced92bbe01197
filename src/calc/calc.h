/* calc.h - validated datamodel -> SQL schema, with Prisma's PostgreSQL naming and type rules */
#ifndef MESDB_CALC_H
#define MESDB_CALC_H

/*
 * Owns: the translation of a validated struct psl_db into the struct
 * sqlschema that Prisma's schema engine would compute for it on PostgreSQL
 * (sql_schema_calculator): column types and native types, database
 * defaults, primary keys, unique and normal indexes, foreign keys, implicit
 * many-to-many join tables, enums, namespaces and extensions, every name
 * defaulted and cut to 63 bytes the way Prisma cuts it. Pure: no I/O.
 *
 * Entity order follows Prisma (it decides the order of the migration steps):
 * namespaces, enums in declaration order, one table per model (views are
 * skipped) with its columns in field order, then the join tables of the
 * many-to-many relations; per table the primary key first, then the field
 * @unique indexes, @@index and @@unique in declaration order; foreign keys
 * in relation order, join tables last.
 */

#include <stdbool.h>

#include "mesdb/mesdb_err.h"
#include "model/sqlschema.h"
#include "psl/ast.h"
#include "psl/db.h"

/* PostgreSQL's identifier length limit, in bytes. */
#define CALC_MAX_IDENT 63

/*
 * Fill out (initialised, normally empty) from db, which must be valid
 * (its schema had no errors). Strings are copied into out->arena.
 * Returns 0, or -1 with err filled (MESDB_E_SCHEMA) when db lacks
 * something a valid schema has (e.g. a join table side without an id).
 */
int calc_schema(const struct psl_db *db, struct sqlschema *out, struct mesdb_err *err);

/*
 * Same, and also reads the arguments of the datasource's extensions
 * (`name(map: "x", schema: "s", version: "v")`) from the schema s the db
 * was validated from; calc_schema alone knows only the extension names.
 */
int calc_schema_ast(const struct psl_schema *s, const struct psl_db *db, struct sqlschema *out,
		    struct mesdb_err *err);

/* True when the datasource lists `schemas`: names are then schema-qualified. */
bool calc_multi_schema(const struct psl_db *db);

/* The default namespace of a schema without `schemas` (Prisma's search path). */
#define CALC_DEFAULT_NAMESPACE "public"

/*
 * Prisma's default constraint names, cut to CALC_MAX_IDENT bytes at a UTF-8
 * boundary exactly as Prisma cuts them; appended to out.
 *   calc_pk_name:     <table>_pkey
 *   calc_index_name:  <table>_<col>_<col>..._key (unique) / _idx
 *   calc_fk_name:     <table>_<col>..._fkey
 */
void calc_pk_name(const char *table, struct strbuf *out);
void calc_index_name(const char *table, const char *const *columns, uint32_t ncolumns, bool unique,
		     struct strbuf *out);
void calc_fk_name(const char *table, const char *const *columns, uint32_t ncolumns,
		  struct strbuf *out);

/* The SQL name of a PSL operator class ("JsonbPathOps" -> "jsonb_path_ops"; "raw:x" -> "x"). */
void calc_opclass_name(const char *psl_ops, struct strbuf *out);

#endif
