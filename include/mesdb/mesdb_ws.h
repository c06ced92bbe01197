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
 * url with its host and port replaced (heap, caller frees; keeps the
 * password), or only read them: *host / *port (heap; "" when absent) when
 * not NULL. Not a postgres URL: MESDB_E_CONFIG (the URL is not shown).
 */
int mesdb_url_host_port(const char *url, const char *new_host, const char *new_port,
			char **out, char **host, char **port, struct mesdb_err *err);

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
	unsigned tables;           /* ordinary tables of the URL's schema, _prisma_migrations aside */
	unsigned long long rows;   /* their rows, all together */
};

/* Connect to url (or the schema's datasource url) and count. */
int mesdb_service_stats(const struct mesdb_service_opts *opts, struct mesdb_service_stats *st,
			struct mesdb_err *err);

#ifdef __cplusplus
}
#endif
#endif
