/* migrate_common.h - what migrate deploy/status/resolve share: schema, URL, folder, connection */
#ifndef MESDB_COMMANDS_MIGRATE_COMMON_H
#define MESDB_COMMANDS_MIGRATE_COMMON_H

#include "mesdb/mesdb.h"
#include "migrate/migrate.h"
#include "pg/pg.h"
#include "psl/ast.h"
#include "psl/db.h"
#include "workspace/url.h"

struct migrate_ctx {
	char *schema_path;          /* as located */
	struct psl_schema schema;
	struct psl_db db;
	struct ws_url url;
	char *migrations_dir;       /* <schema folder>/migrations */
	struct migrations migs;
	struct pg_conn *conn;
	bool locked;
};

/*
 * Locate and validate the schema, read the migrations folder (checking
 * migration_lock.toml), resolve the URL, print Prisma's two header lines
 * ("Prisma schema loaded from ...", "Datasource ...") to sink->out, connect
 * and, with lock, take the advisory lock. migrate_ctx_close() undoes all of
 * it, also after a failure.
 */
int migrate_ctx_open(struct migrate_ctx *x, const struct mesdb_migrate_opts *opts,
		     const struct mesdb_sink *sink, bool lock, struct mesdb_err *err);
void migrate_ctx_close(struct migrate_ctx *x);

/* "\nN migrations found in DIR\n" / "\nNo migration found in DIR\n" */
void migrate_print_found(const struct migrate_ctx *x, const struct mesdb_sink *sink);

/* The schemas the datasource manages (schemas = [...]), or none (the connection's). */
size_t migrate_ctx_schemas(const struct migrate_ctx *x, const char *const **schemas);

struct history;
/*
 * What deploy checks before it applies anything (h loaded by history_load):
 * no history table on a database with tables: P3005 (with the baseline
 * hint); a failed row: P3009 (with the resolve hints). 0 when deployable.
 */
int migrate_check_deployable(const struct migrate_ctx *x, const struct history *h,
			     struct mesdb_err *err);

#endif
