/* db_common.h - what db push, migrate diff and db execute share: schema, URL, connection */
#ifndef MESDB_COMMANDS_DB_COMMON_H
#define MESDB_COMMANDS_DB_COMMON_H

/*
 * Owns the opening steps of the engine commands: locate + validate a schema,
 * turn its datasource (or a --url) into a connection, and compute the SQL
 * schema the datamodel wants. Never prints except through the sink.
 */

#include <stdbool.h>

#include "base/strbuf.h"
#include "mesdb/mesdb.h"
#include "model/sqlschema.h"
#include "pg/pg.h"
#include "psl/ast.h"
#include "psl/db.h"
#include "workspace/url.h"

struct db_schema {
	char *path;                 /* as located */
	struct psl_schema ast;
	struct psl_db db;
	bool valid;                 /* ast + db hold a validated schema */
};

void db_schema_init(struct db_schema *s);
void db_schema_release(struct db_schema *s);

/*
 * Locate (NULL: the default search), parse and validate. Diagnostics of an
 * invalid schema go to sink->note (P1012). With require_datasource, a
 * schema without a PostgreSQL datasource is MESDB_E_CONFIG.
 */
int db_schema_load(struct db_schema *s, const char *given, bool require_datasource,
		   const struct mesdb_sink *sink, struct mesdb_err *err);

/* The datasource's URL (literal or env("VAR"), .env files: workspace/url.h). */
int db_schema_url(const struct db_schema *s, struct ws_url *out, struct mesdb_err *err);

/* A URL given on the command line, with its masked form. */
void db_url_literal(struct ws_url *out, const char *url);

/* The datasource's `schemas` list (none: NULL and 0). */
uint32_t db_schema_namespaces(const struct db_schema *s, const char *const **names);

/*
 * calc the SQL schema the datamodel wants into out (initialised). Without
 * `schemas`, the one namespace is named default_namespace (the connection's
 * schema, "public" when NULL), as Prisma puts the models there.
 */
int db_schema_calc(const struct db_schema *s, const char *default_namespace,
		   struct sqlschema *out, struct mesdb_err *err);

/* Prisma's `Datasource "db": PostgreSQL database "d", schema "s" at "h:p"` line. */
void db_datasource_line(const struct db_schema *s, const struct pg_conn *c, struct strbuf *out);

/* Milliseconds of a monotonic clock. */
double db_now_ms(void);

/* Run the count queries of a plan and fill p->counts[].value. */
struct plan;
int db_fill_counts(struct pg_conn *c, struct plan *p, struct mesdb_err *err);

#endif
