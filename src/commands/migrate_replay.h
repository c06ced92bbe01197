/* migrate_replay.h - the state a migration history produces, found without a shadow database */
#ifndef MESDB_COMMANDS_MIGRATE_REPLAY_H
#define MESDB_COMMANDS_MIGRATE_REPLAY_H

#include <stddef.h>
#include <stdint.h>

#include "mesdb/mesdb_err.h"
#include "migrate/migrate.h"
#include "model/sqlschema.h"
#include "pg/pg.h"

/*
 * Replay the scripts list[0..n) inside one transaction on c: the schemas
 * names[0..nnames) (none: the connection's) are renamed away and created
 * afresh, the scripts run in order, the fresh schemas are described into
 * out (initialised), and everything is rolled back: the database is left
 * unchanged. A failing script: P3006 naming the migration.
 */
int migrate_replay(struct pg_conn *c, const struct migration *const *list, size_t n,
		   const char *const *names, uint32_t nnames, struct sqlschema *out,
		   struct mesdb_err *err);

#endif
