/* introspect.h - a described database -> Prisma schema text, re-using an existing schema's names */
#ifndef MESDB_INTROSPECT_H
#define MESDB_INTROSPECT_H

/*
 * Owns: Prisma's introspection rules for PostgreSQL (what `prisma db pull`
 * writes): models from tables, fields from columns with types and @db.*
 * native types where they differ from the default, keys and indexes with
 * map: only where the name differs from Prisma's default, defaults,
 * relations from foreign keys (field names, back relations, relation names
 * when ambiguous, referential actions when not the default), implicit
 * many-to-many join tables, enums, Unsupported types, @@ignore for tables
 * without a unique criteria, views (the views preview feature: plain views
 * with optional fields), schema-prefixed names for duplicates across the
 * schemas of multiSchema, and, on re-introspection, the names, @map /
 * @@map, relation field names, doc comments and datasource / generator
 * blocks of the existing schema. Pure: reads the two inputs, writes text.
 */

#include <stdbool.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "mesdb/mesdb_err.h"
#include "model/sqlschema.h"
#include "psl/ast.h"
#include "psl/db.h"

struct introspect_input {
	const struct sqlschema *sql;       /* the described database */
	const struct psl_schema *prev;     /* the existing schema (parsed), or NULL */
	const struct psl_db *prev_db;      /* its validated datamodel, or NULL (db pull --force:
					    * no names are kept) */
	uint32_t prev_file;                /* the source of prev whose blocks are kept */
	/*
	 * The validated schema whose datasource and generators are in effect
	 * (multiSchema: @@schema attributes; the views preview feature), also
	 * when prev_db is NULL; NULL: prev_db's.
	 */
	const struct psl_db *config_db;
};

struct introspect_result {
	struct strbuf schema;      /* the formatted schema text */
	uint32_t nmodels;          /* models written (tables) */
	uint32_t nviews;           /* views written (views preview feature) */
	uint32_t nenums;
	/*
	 * Prisma's warnings, one paragraph per kind: a message line, then
	 * "  - item" lines; paragraphs separated by one blank line. Empty: none.
	 */
	struct strbuf warnings;
};

void introspect_result_init(struct introspect_result *r);
void introspect_result_release(struct introspect_result *r);

/*
 * Introspect in->sql into r (initialised). Returns 0, or -1 with err filled
 * when the generated schema does not parse again (a bug: MESDB_E_INTERNAL).
 * An empty database is not an error here: r->nmodels + r->nenums == 0.
 */
int introspect_schema(const struct introspect_input *in, struct introspect_result *r,
		      struct mesdb_err *err);

/*
 * Prisma's identifier sanitising: strip leading characters that are not
 * ASCII letters, then replace every character outside [A-Za-z0-9_] by '_'.
 * Appends to out (possibly nothing).
 */
void introspect_sanitize(const char *name, struct strbuf *out);

#endif
