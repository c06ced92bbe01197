/* ops_common.h - what backup and restore share: pg_dump/pg_restore children, the manifest, dump checks */
#ifndef MESDB_COMMANDS_OPS_COMMON_H
#define MESDB_COMMANDS_OPS_COMMON_H

/*
 * Owns running PostgreSQL's client programs (pg_dump, pg_restore) as child
 * processes (posix_spawn, never a shell), the backup folder's manifest,
 * and the checks of a dump file. Never prints: progress goes through a
 * callback, errors into struct mesdb_err.
 *
 * Secrets: a connection's password reaches a child through its
 * environment (PGPASSWORD) only; argument vectors hold host, port, user
 * and database names, never the password. Child stderr captured into an
 * error is cut to a few lines and has the password removed all the same.
 */

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "mesdb/mesdb_err.h"
#include "pg/pg.h"
#include "workspace/pgurl.h"

/* ---- connection parameters of a child ---- */

/*
 * The environment a child connects with: "NAME=value" strings for PGHOST,
 * PGPORT, PGUSER, PGDATABASE, PGPASSWORD and the libpq parameters of the
 * URL's query (sslmode, connect_timeout...; Prisma's own are dropped).
 * Values the URL does not give are inherited from mesdb's environment,
 * as libpq would for mesdb's own connections.
 */
struct ops_env {
	char **vars;
	size_t nr, alloc;
	char *password;      /* copy of the password, to redact child messages */
};

void ops_env_init(struct ops_env *e);
void ops_env_release(struct ops_env *e);
/* Fill e from a postgres URL; database (when not NULL) replaces the URL's. */
int ops_env_from_url(struct ops_env *e, const char *url, const char *database,
		     struct mesdb_err *err);

/* ---- finding the programs ---- */

/*
 * The path of tool ("pg_dump", "pg_restore") for a server of version
 * server_version (PQserverVersion form): $MESDB_PG_BINDIR/tool, then
 * /usr/lib/postgresql/<major>/bin/tool, /usr/pgsql-<major>/bin/tool, then
 * tool on PATH (whose major version must not be older than the server's).
 * None: MESDB_E_CONFIG with a hint.
 */
int ops_tool_path(const char *tool, int server_version, struct strbuf *out,
		  struct mesdb_err *err);

/* ---- running a child ---- */

struct ops_run {
	const char *const *argv;   /* argv[0]: the program's path; NULL-terminated */
	const struct ops_env *env; /* added to (replacing) mesdb's environment; may be NULL */
	int stdout_fd;             /* the child's stdout; -1: captured into out (or discarded) */
	struct strbuf *out;        /* stdout when stdout_fd is -1; may be NULL */
	struct strbuf errout;      /* the child's stderr (the first 64 KiB) */
	/* called about every 250 ms while the child runs; may be NULL */
	void (*tick)(void *ctx);
	void *tick_ctx;
	int status;                /* exit status; 128+signal when killed */
};

/*
 * Spawn argv with stdin from /dev/null, wait for it, fill r->status and
 * r->errout. -1 only when it could not be started (MESDB_E_IO); a non-zero
 * exit status is the caller's business (see ops_run_error).
 */
int ops_run(struct ops_run *r, struct mesdb_err *err);
void ops_run_release(struct ops_run *r);
/* Fill err (status) with "<what>: <program> exited with status N" and its stderr in detail. */
int ops_run_error(const struct ops_run *r, enum mesdb_status status, const char *what,
		  const char *password, struct mesdb_err *err);

/* ---- files ---- */

/* SHA-256 (hex) and size of a file, read in pieces. */
int ops_file_sha256(const char *path, char hex[65], unsigned long long *size,
		    struct mesdb_err *err);

/* "YYYYMMDD_HHMMSS" (UTC) into out[16]; and whether s has that shape. */
void ops_stamp_now(char out[16]);
bool ops_stamp_valid(const char *s);

/*
 * The backup folder: given, else <workspace root>/backups for the
 * workspace holding schema_path, else "backups".
 */
void ops_backup_dir(const char *given, const char *schema_path, struct strbuf *out);

/* ---- the manifest: <dir>/manifest.json ---- */

/*
 * A JSON array with one object per line, one object per dump:
 *   {"service": "auth", "database": "mes_auth_db", "file": "mes_auth_db_<stamp>.dump",
 *    "stamp": "<stamp>", "created_at": "2026-01-02T03:04:05Z", "size": 123,
 *    "sha256": "<hex>", "migration_head": "<name>" or null, "mesdb_version": "0.1.0",
 *    "server_version": "15.4"}
 * "file" is relative to the folder. Entries are added under a lock
 * (<dir>/.manifest.lock) by writing a new file and renaming it (0600), so
 * parallel backups of an --all run never lose each other's line.
 */
struct ops_manifest_entry {
	char *service, *database, *file, *stamp, *created_at, *sha256, *head;
	char *mesdb_version, *server_version;
	unsigned long long size;
};

void ops_manifest_entry_release(struct ops_manifest_entry *e);
int ops_manifest_add(const char *dir, const struct ops_manifest_entry *e, struct mesdb_err *err);
/*
 * The newest entry of dir's manifest with, when given (not NULL), this
 * database, stamp and file (its base name). No manifest or no such entry: 0 with
 * *found false. A manifest that cannot be read: MESDB_E_CONFIG.
 */
int ops_manifest_find(const char *dir, const char *database, const char *stamp,
		      const char *file, struct ops_manifest_entry *out, bool *found,
		      struct mesdb_err *err);

/* ---- pg_restore --list ---- */

struct ops_dump_info {
	char *database;            /* "dbname:" of the archive's header */
	unsigned entries;          /* TOC entries */
};

void ops_dump_info_release(struct ops_dump_info *i);
/*
 * Run `pg_restore --list file` (the pg_restore for server_version): the
 * archive's header must be readable and its table of contents complete.
 * A damaged or truncated archive: MESDB_E_REFUSED naming the file.
 */
int ops_dump_check(const char *file, int server_version, struct ops_dump_info *info,
		   struct mesdb_err *err);

/* ---- the administrator's connection ---- */

/*
 * A superuser's URL, as mesdb setup finds one: given, else MESDB_ADMIN_URL,
 * else user postgres (no password) at the service URL's host and port,
 * database postgres.
 */
void ops_admin_url(const struct pg_url_parts *svc, const char *given, struct strbuf *out);

/* The decoded `schema` parameter of a URL's query, or "public". */
void ops_url_schema(const struct pg_url_parts *url, struct strbuf *out);

/*
 * The migration head of the connection's database: the newest finished,
 * not rolled back row of ns._prisma_migrations (heap), or NULL when the
 * table is missing or has none.
 */
int ops_migration_head(struct pg_conn *c, const char *ns, char **head, struct mesdb_err *err);

#endif
