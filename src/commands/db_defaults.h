/* db_defaults.h - dbgenerated() defaults of a schema compared as PostgreSQL stores them */
#ifndef MESDB_COMMANDS_DB_DEFAULTS_H
#define MESDB_COMMANDS_DB_DEFAULTS_H

#include <stdbool.h>

#include "mesdb/mesdb_err.h"
#include "model/sqlschema.h"
#include "pg/pg.h"

/*
 * A dbgenerated("...") default is compared as text, but PostgreSQL stores
 * the expression parsed and prints it back its own way ("now()" stays
 * now(), "floor(random() * 100)::int" comes back as
 * "(floor((random() * (100)::double precision)))::integer", "'it''s'::text"
 * is a plain string default). For each column of `target` with such a
 * default that differs from the one of the same column in `live` (same
 * type), the server parses the expression as it would (a temporary table
 * with those defaults, created and rolled back under a savepoint inside the
 * caller's transaction: one round trip for all of them) and when what it
 * stores equals live's default, the target column takes live's form, so
 * that diff sees no change. Expressions the server rejects keep their text.
 *
 * c must be inside a transaction. qualified: the schemas are named in SQL
 * ("auth"."Role"). Returns 0, or -1 when the connection failed.
 */
int db_match_stored_defaults(struct pg_conn *c, const struct sqlschema *live,
			     struct sqlschema *target, bool qualified, struct mesdb_err *err);

#endif
