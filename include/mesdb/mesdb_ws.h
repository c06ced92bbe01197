/* mesdb_ws.h - mesdb's workspace commands: db seed, setup, and a service's database name */
#ifndef MESDB_WS_H
#define MESDB_WS_H

#include "mesdb/mesdb.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The workspace: the nearest folder from start (NULL: the current folder)
 * upwards that has services/, and every services/<name>/prisma/schema.prisma
 * below it, sorted by name. No such folder: MESDB_E_CONFIG.
 */
struct mesdb_service {
	char *name;          /* "auth" */
	char *dir;           /* <root>/services/auth */
	char *schema;        /* <root>/services/auth/prisma/schema.prisma */
};

struct mesdb_workspace {
	char *root;
	struct mesdb_service *items;
	size_t nr, alloc;
};

int mesdb_workspace_open(const char *start, struct mesdb_workspace *ws, struct mesdb_err *err);
void mesdb_workspace_release(struct mesdb_workspace *ws);
/* The service named name, or NULL. */
const struct mesdb_service *mesdb_workspace_find(const struct mesdb_workspace *ws,
						  const char *name);
/* The service whose folder holds the folder dir (absolute), or NULL. */
const struct mesdb_service *mesdb_workspace_service_of(const struct mesdb_workspace *ws,
							const char *dir);
/* Copy .env.example to .env (0600) when .env is missing; never overwrites. */
int mesdb_service_ensure_env(const struct mesdb_service *svc, bool *created,
			     struct mesdb_err *err);

/*
 * Where url points: *host and *port (heap; "" when absent) and *socket_dir
 * (heap): the folder of the server's Unix socket when the URL goes through
 * one (a `host` query parameter, or a host that is a path), else "". Not a
 * postgres URL: MESDB_E_CONFIG (the URL is not shown).
 */
int mesdb_url_endpoint(const char *url, char **host, char **port, char **socket_dir,
		       struct mesdb_err *err);

/*
 * url pointed elsewhere (heap, caller frees; keeps the password and the
 * other parameters): host (NULL: kept) and port (NULL: kept), through the
 * Unix socket folder socket_dir (as Prisma writes it: a `host` query
 * parameter) or, when socket_dir is NULL, over TCP (a `host` parameter
 * removed).
 */
int mesdb_url_point(const char *url, const char *host, const char *port, const char *socket_dir,
		    char **out, struct mesdb_err *err);

/*
 * mesdb up --port / --socket: point the service's URL at port (and
 * socket_dir, or TCP when NULL) for every later command too, Prisma's
 * included, by rewriting the one line of <service>/.env that defines it.
 * Only a URL mesdb can tell is .env.example's is rewritten: the
 * datasource's env("VAR") must come from <service>/.env and equal the
 * .env.example value but for host, port and the `host` parameter. A local
 * host (localhost, 127.0.0.1, ::1) is kept, any other becomes localhost.
 */
enum mesdb_env_point {
	MESDB_ENV_POINTED,        /* .env was rewritten */
	MESDB_ENV_ALREADY,        /* .env already pointed there */
	MESDB_ENV_FROM_PROCESS,   /* VAR is set in the environment: .env does not count */
	MESDB_ENV_LITERAL,        /* the schema has a literal url */
	MESDB_ENV_OTHER_FILE,     /* VAR comes from another .env file (prisma/.env, ./.env) */
	MESDB_ENV_EDITED,         /* the URL is not .env.example's (or there is none) */
};

struct mesdb_env_point_result {
	enum mesdb_env_point what;
	char *var;                /* VAR (heap), or NULL for a literal url */
	char *file;               /* the .env file looked at or rewritten (heap), or NULL */
	char *masked;             /* the URL now in effect, password masked (heap) */
};

int mesdb_service_env_point(const struct mesdb_service *svc, const char *port,
			    const char *socket_dir, struct mesdb_env_point_result *res,
			    struct mesdb_err *err);
void mesdb_env_point_result_release(struct mesdb_env_point_result *res);

/* What the per-service commands below take. */
struct mesdb_service_opts {
	const char *service;       /* named in errors ("service auth: ..."), or NULL */
	const char *schema_path;   /* NULL: the default search (mesdb_schema_locate) */
	const char *url;           /* connect here instead of the datasource's url */
	const char *admin_url;     /* setup: a superuser's URL (NULL: MESDB_ADMIN_URL, else
				      user postgres at the service URL's host and port) */
};

/*
 * The database name of the schema's datasource URL (heap, caller frees)
 * and, when url_out is not NULL, the URL itself (heap, holds the password).
 */
int mesdb_service_database(const char *schema_path, char **database, char **url_out,
			   struct mesdb_err *err);

/*
 * mesdb db seed: run <schema folder>/seed.sql in one transaction, statement
 * by statement. A failing statement rolls everything back: MESDB_E_QUERY
 * with the service, the seed file's line of the statement and SQLSTATE.
 * No seed.sql: MESDB_E_CONFIG.
 */
struct mesdb_seed_result {
	unsigned statements;
	double ms;
};

int mesdb_db_seed(const struct mesdb_service_opts *opts, const struct mesdb_sink *sink,
		  struct mesdb_seed_result *res, struct mesdb_err *err);

/*
 * mesdb setup: from the service's URL, create its role (LOGIN PASSWORD, or
 * bring the password up to date) and its database owned by the role,
 * revoke CONNECT from PUBLIC and grant it to the role. Idempotent. The
 * password travels inside the SQL sent to the server only: never in
 * arguments, output or error text.
 */
int mesdb_setup(const struct mesdb_service_opts *opts, const struct mesdb_sink *sink,
		struct mesdb_err *err);

/* What mesdb up reports per service: applied migrations, tables, rows (exact counts). */
struct mesdb_service_stats {
	unsigned migrations;       /* finished, not rolled back rows of _prisma_migrations */
	unsigned tables;           /* the tables mesdb db tables lists */
	unsigned long long rows;   /* their rows, all together */
};

/* mesdb_db_tables' totals. */
int mesdb_service_stats(const struct mesdb_service_opts *opts, struct mesdb_service_stats *st,
			struct mesdb_err *err);

/*
 * mesdb db tables: the service's tables (ordinary and partitioned, not
 * partitions, _prisma_migrations aside) in the datasource's schemas (its
 * `schemas`, else the URL's schema), with exact row counts and total sizes
 * (pg_total_relation_size: table, indexes and TOAST), sorted by schema and
 * name in byte order. Two queries, in one read-only snapshot: the list with
 * sizes, then every count at once. On failure *out is left empty.
 */
struct mesdb_table_row {
	char *schema;
	char *name;
	unsigned long long rows;
	long long bytes;
	char *size;                /* as pg_size_pretty() prints bytes: "48 kB" */
};

struct mesdb_tables {
	char *database, *host, *port, *schema;  /* of the connection */
	bool qualified;            /* more than one schema: show names as schema.table */
	struct mesdb_table_row *items;
	size_t nr;
	unsigned long long rows;   /* all tables together */
	long long bytes;
	char *size;                /* pg_size_pretty() of bytes */
	long migrations;           /* finished, not rolled back rows of _prisma_migrations in
				      the URL's schema; -1: there is no such table */
};

int mesdb_db_tables(const struct mesdb_service_opts *opts, struct mesdb_tables *out,
		    struct mesdb_err *err);
void mesdb_tables_release(struct mesdb_tables *t);

/*
 * mesdb verify: is the service's database what its files say? It must be
 * reachable (else -1 with MESDB_E_CONNECT), its migrations up to date
 * (mesdb_migrate_status: nothing pending, failed or missing from the
 * folder; a service without migrations whose database has no
 * _prisma_migrations passes), and it must not drift from schema.prisma
 * (the live database diffed with what the schema calculates to, as a
 * no-op db push does, is empty). Also counts the rows of every table
 * (mesdb_db_tables). Returns -1 only when the checks could not run
 * (unreachable, invalid schema...); the verdict is res->ok.
 */
enum mesdb_verify_migrations {
	MESDB_VERIFY_MIGRATIONS_OK,       /* up to date */
	MESDB_VERIFY_MIGRATIONS_NONE,     /* no migrations and an unmanaged database: push-managed */
	MESDB_VERIFY_MIGRATIONS_BAD,      /* pending, failed, missing, diverged, or unmanaged */
};

struct mesdb_verify_result {
	bool ok;
	enum mesdb_verify_migrations migrations;
	struct mesdb_migrate_status status;
	char *status_text;         /* migrate status's report when not up to date (heap), or NULL */
	bool drift;
	char *drift_summary;       /* migrate diff's summary of the differences (heap), or NULL */
	struct mesdb_tables tables;
	double ms;
};

int mesdb_verify(const struct mesdb_service_opts *opts, struct mesdb_verify_result *res,
		 struct mesdb_err *err);
void mesdb_verify_result_release(struct mesdb_verify_result *res);

#ifdef __cplusplus
}
#endif
#endif
