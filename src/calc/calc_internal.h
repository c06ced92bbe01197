/* calc_internal.h - helpers shared by the calc sources (not part of the module's API) */
#ifndef MESDB_CALC_INTERNAL_H
#define MESDB_CALC_INTERNAL_H

#include "base/arena.h"
#include "model/sqlschema.h"
#include "psl/db.h"

/*
 * The column type of a scalar field: its @db.* native type, or Prisma's
 * default native type for the scalar (String -> TEXT, DateTime ->
 * TIMESTAMP(3), Decimal -> DECIMAL(65,30), ...). enum_map maps psl enum ids
 * to sql enum ids. For Unsupported("x") the type text points into db.
 */
void calc_field_type(const struct psl_db *db, const uint32_t *enum_map,
		     const struct psl_db_field *f, struct sql_type *out);

/*
 * The database default of a field, into col->dflt (strings allocated in a),
 * and col->autoincrement / col->client_default. Returns -1 when a literal
 * cannot be converted (e.g. bad base64 for Bytes).
 */
int calc_field_default(const struct psl_db *db, struct arena *a, const struct psl_db_field *f,
		       struct sql_column *col);

#endif
