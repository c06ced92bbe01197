/* migrate_replay.h - the state a migration history produces, found without a shadow database */
#ifndef MESDB_COMMANDS_MIGRATE_REPLAY_H
#define MESDB_COMMANDS_MIGRATE_REPLAY_H

#include <stddef.h>
#include <stdint.h>

#include "mesdb/mesdb.h"
#include "mesdb/mesdb_err.h"
#include "migrate/migrate.h"
#include "migrate_common.h"
#include "model/sqlschema.h"
#include "pg/pg.h"

/*
 * Replay the scripts list[0..n) inside one transaction on c: the schemas
 * names[0..nnames) (none: the connection's) are renamed away and created
 * afresh, the scripts run in order, the fresh schemas are described into
 * out (initialised), and everything is rolled back: the database is left
 * unchanged. A failing script: P3006 naming the migration. A script that
 * cannot run inside a transaction block (sqlsplit.h: CONCURRENTLY, VACUUM,
 * explicit COMMIT, ...) is refused before anything runs: MESDB_E_REFUSED
 * naming the migration, the statement and its line.
 */
int migrate_replay(struct pg_conn *c, const struct migration *const *list, size_t n,
		   const char *const *names, uint32_t nnames, struct sqlschema *out,
		   struct mesdb_err *err);

/*
 * The same for a migrate command's history, on x's connection and
 * schemas: replayed in one rolled-back transaction when every script
 * allows it. When one does not (a statement that cannot run in a
 * transaction block, or an enum value added and used by a later
 * migration of the same replay), the history is replayed on the
 * datasource's shadowDatabaseUrl instead: its copies of the schemas are
 * dropped and created empty, the scripts run (each migration in its own
 * transaction, or statement by statement), the schemas are described and
 * dropped again (a schema that existed there before is left empty). A
 * note to sink says so. With no shadowDatabaseUrl: MESDB_E_REFUSED
 * naming the migration and the way out.
 */
int migrate_ctx_replay(struct migrate_ctx *x, const struct migration *const *list, size_t n,
		       const struct mesdb_sink *sink, struct sqlschema *out, struct mesdb_err *err);

/*
 * Drift: the schema the applied migrations list[0..n) produce
 * (migrate_ctx_replay, into hist, initialised) against the live database.
 * *nsteps gets the number of differences and, when there are some,
 * drift_sql the SQL that turns the history's schema into the database as
 * it is (Prisma's script shape).
 */
int migrate_ctx_drift(struct migrate_ctx *x, const struct migration *const *list, size_t n,
		      const struct mesdb_sink *sink, struct sqlschema *hist, uint32_t *nsteps,
		      struct strbuf *drift_sql, struct mesdb_err *err);

#endif
