/* pg.h - PostgreSQL connections, queries, describe and advisory locks (the only libpq user) */
#ifndef MESDB_PG_PG_H
#define MESDB_PG_PG_H

/*
 * Owns: every use of libpq. Nothing outside src/pg includes <libpq-fe.h>;
 * this header exposes opaque handles only. Never prints: server errors
 * become struct mesdb_err (status, message, detail, hint, SQLSTATE),
 * server notices are collected on the connection.
 *
 * Passwords: no error message, detail or hint built here contains the
 * password of a URL or conninfo; pg_url_mask() is the helper for anyone
 * who needs to show a URL.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "mesdb/mesdb_err.h"
#include "model/sqlschema.h"

struct pg_conn;
struct pg_result;

/* ---- connections (conn.c) ---- */

#define PG_DEFAULT_CONNECT_TIMEOUT_S 5

/*
 * Connect to a postgres:// or postgresql:// URL, or a libpq "key=value"
 * conninfo string. connect_timeout_s (seconds, 0 = libpq's default of
 * none) applies unless the URL names its own connect_timeout.
 *
 * URL query parameters that libpq knows are passed on; Prisma's own
 * (schema, connection_limit, pool_timeout, socket_timeout, pgbouncer,
 * statement_cache_size, sslaccept, sslidentity, ...) are not given to
 * libpq: `schema` becomes the connection's schema (pg_conn_schema(), and
 * the search_path is set to it), the others are ignored.
 *
 * Errors: MESDB_E_CONFIG for a malformed URL; MESDB_E_CONNECT with
 * message "could not connect to database "DB" at HOST:PORT", the server's
 * or libpq's reason in detail, and a Prisma code where one fits (P1000
 * authentication failed, P1001 server unreachable, P1003 no such
 * database). On success *out is a connection to release with pg_close().
 */
int pg_connect(struct pg_conn **out, const char *url, int connect_timeout_s,
	       struct mesdb_err *err);
/*
 * pg_connect() on a thread of its own, so that the caller can work (read
 * files) while libpq loads and the server starts the session: begin starts
 * it (never fails: without a thread, end connects), end waits for it and
 * returns what pg_connect() returned, filling *out or err (err may be NULL:
 * the result is discarded). Every begin needs its end. The caller must not
 * change the environment meanwhile (libpq reads PG* variables).
 */
struct pg_connect_job;
struct pg_connect_job *pg_connect_begin(const char *url, int connect_timeout_s);
int pg_connect_end(struct pg_connect_job *job, struct pg_conn **out, struct mesdb_err *err);
/* Close and free (NULL is fine). */
void pg_close(struct pg_conn *c);

/* "host:port" / database / user of the connection (never the password). */
const char *pg_conn_host(const struct pg_conn *c);
const char *pg_conn_port(const struct pg_conn *c);
const char *pg_conn_database(const struct pg_conn *c);
const char *pg_conn_user(const struct pg_conn *c);
/* The URL's `schema` parameter, or "public" when it had none. */
const char *pg_conn_schema(const struct pg_conn *c);
/* PQserverVersion(): 150004 for 15.4. */
int pg_server_version(const struct pg_conn *c);
/* True while a transaction block is open (also an aborted one). */
bool pg_in_transaction(const struct pg_conn *c);

/*
 * Copy url into out with the password replaced by "****": the password of
 * a URL's userinfo, a `password` query parameter, and `password=...` of a
 * key=value conninfo. Anything unparsable is copied unchanged.
 */
void pg_url_mask(struct strbuf *out, const char *url);

/* ---- notices ---- */

/*
 * Server notices (NOTICE, WARNING, ...) received so far, oldest first, as
 * "SEVERITY:  message" strings owned by the connection; at most
 * PG_MAX_NOTICES are kept (later ones are counted in *dropped).
 */
#define PG_MAX_NOTICES 1000
const char *const *pg_notices(const struct pg_conn *c, size_t *n, size_t *dropped);
void pg_clear_notices(struct pg_conn *c);

/* ---- queries ---- */

/*
 * Run sql (one or more statements, simple query protocol). res may be
 * NULL (results discarded); otherwise *res gets the last statement's
 * result, to release with pg_result_free().
 *
 * Errors: MESDB_E_QUERY, message = the server's primary message, detail =
 * the server's detail plus, when the server gave a position, a line
 * "at line L, column C: <that line of the query>", hint = the server's
 * hint, sqlstate set. A broken connection is MESDB_E_CONNECT.
 */
int pg_exec(struct pg_conn *c, const char *sql, struct pg_result **res, struct mesdb_err *err);
/*
 * One statement with text parameters $1..$n (extended protocol); a NULL
 * entry is SQL NULL. Arrays travel as one text parameter in array syntax
 * (pg_array_literal) and are cast in the SQL: `= ANY($1::text[])`.
 */
int pg_exec_params(struct pg_conn *c, const char *sql, int nparams, const char *const *params,
		   struct pg_result **res, struct mesdb_err *err);

/*
 * Run n statements (one each, no parameters) in one round trip (libpq
 * pipeline mode) inside whatever transaction is open. results may be NULL
 * (discarded); otherwise results[i] gets statement i's result (release
 * each with pg_result_free()). Errors as pg_exec(), for the first statement
 * that failed (the server skips the rest); then every results[i] is NULL.
 */
int pg_exec_pipelined(struct pg_conn *c, const char *const *sqls, size_t n,
		      struct pg_result **results, struct mesdb_err *err);

/* The text of the position the last failed query's error pointed at: 1-based
 * line and column (characters), or 0/0 when there was none. */
void pg_last_error_position(const struct pg_conn *c, uint32_t *line, uint32_t *column);

/* Append items as a PostgreSQL array literal: {"a","b \"c\""} (NULL item = NULL). */
void pg_array_literal(struct strbuf *out, const char *const *items, size_t n);

/* Result access (rows and columns 0-based; values are text, "" for NULL). */
void pg_result_free(struct pg_result *r);
int pg_result_rows(const struct pg_result *r);
int pg_result_cols(const struct pg_result *r);
/* Column number of a column name, or -1. */
int pg_result_col(const struct pg_result *r, const char *name);
const char *pg_result_value(const struct pg_result *r, int row, int col);
bool pg_result_is_null(const struct pg_result *r, int row, int col);
/* Rows affected by the command (INSERT/UPDATE/DELETE...), 0 if none. */
uint64_t pg_result_affected(const struct pg_result *r);

/* ---- transactions and session ---- */

int pg_begin(struct pg_conn *c, struct mesdb_err *err);
int pg_commit(struct pg_conn *c, struct mesdb_err *err);
/* Roll back; also fine on an aborted transaction, and a no-op outside one. */
int pg_rollback(struct pg_conn *c, struct mesdb_err *err);
/* SET search_path to the schemas, in order (names are quoted by the server). */
int pg_set_search_path(struct pg_conn *c, const char *const *schemas, size_t n,
		       struct mesdb_err *err);

/* ---- describe (describe.c) ---- */

/*
 * Describe the schemas (PostgreSQL namespaces) named into *out, which
 * must be freshly initialised (sqlschema_init). nschemas == 0 describes
 * pg_conn_schema(c). Schemas that do not exist are skipped (no
 * namespace). Namespaces are pushed in the order given.
 *
 * What is described: ordinary and partitioned tables (not partitions,
 * not objects that belong to an extension), in name order per namespace,
 * columns in ordinal order; primary keys, unique and normal indexes;
 * foreign keys whose referenced table is described; enums; views and
 * materialized views, with the columns of plain views (nullable, no
 * defaults: for db pull); sequences with OWNED BY; all extensions of the
 * database (whatever their schema); table and column comments.
 * Prisma's `_prisma_migrations` table is described like any other table:
 * filtering it out is the differ's business (as in Prisma's schema engine).
 *
 * Normalisation (what calc must produce to compare equal):
 *  - types: sql_ptype + args from the typmod; arrays set type.array and
 *    describe the element; a domain, a type mesdb does not know, an enum of
 *    a schema not described and NUMERIC with a negative scale are
 *    SQL_T_UNSUPPORTED with format_type() of the (element) type as text;
 *  - defaults: see pg_parse_default(); identity columns have autoincrement
 *    and identity set and no default; a generated column has `generated`
 *    set and no default;
 *  - indexes: sort is -1 for DESC, else 0 (ASC is never "written");
 *    opclass is NULL for the type's default operator class; expression,
 *    partial and INCLUDE indexes, NULLS FIRST/LAST against the default, a
 *    COLLATE other than the column's, exclusion constraints and access
 *    methods other than the six of sql_index_algo are `unsupported`, with
 *    pg_get_indexdef() in definition and only their plain key columns in
 *    columns. constraint is set for PRIMARY KEY / UNIQUE constraints;
 *  - foreign keys: column pairs in constraint order; keys whose referenced
 *    table is not described are left out.
 *
 * On error *out holds what was read so far: release it.
 *
 * Runs in one REPEATABLE READ READ ONLY transaction when the connection is
 * idle; inside a caller's transaction it uses that one (so a scratch
 * schema created there is visible). Thirteen catalog queries in all, whatever
 * the number of tables, sent together (libpq pipeline mode: one round
 * trip; the server runs the next query while the client reads a result),
 * plus one for pg_get_indexdef() when there are unsupported indexes.
 */
int pg_describe(struct pg_conn *c, const char *const *schemas, uint32_t nschemas,
		struct sqlschema *out, struct mesdb_err *err);

/*
 * pg_describe() in two halves, so that the caller can work while the
 * server answers (flags: PG_DESCRIBE_NO_* below, 0 for everything as
 * pg_describe() reads): start sends the queries, finish reads them into out
 * (freshly initialised) and frees the job; cancel drops a started job
 * (reads and discards the answers). Between the two the connection is
 * busy: no other pg_* call on it.
 */
struct pg_describe_job;
/* What a diff does not look at, left out (less work for the server): */
#define PG_DESCRIBE_NO_VIEWS    0x1u  /* no views (nor their columns) */
#define PG_DESCRIBE_NO_COMMENTS 0x2u  /* no table and column comments */
/*
 * On an idle connection: BEGIN ISOLATION LEVEL REPEATABLE READ (read-write)
 * in the same round trip, and the transaction stays open for the caller
 * (also when finish fails: roll it back). Without it describe uses a read-
 * only transaction of its own, or the caller's when one is open.
 */
#define PG_DESCRIBE_BEGIN       0x4u
int pg_describe_start(struct pg_conn *c, const char *const *schemas, uint32_t nschemas,
		      unsigned flags, struct pg_describe_job **job, struct mesdb_err *err);
int pg_describe_finish(struct pg_describe_job *job, struct sqlschema *out,
		       struct mesdb_err *err);
void pg_describe_cancel(struct pg_describe_job *job);

/*
 * Change detection for results computed from a description (migrate
 * status's drift cache):
 *
 * pg_snapshot_state(): *identity names the database ("<system identifier>/
 * <database OID>": no two databases share it) and *snapshot is the current
 * snapshot (pg_current_snapshot()): while it stays the same no transaction
 * has committed or started writing anywhere on the server, so nothing
 * changed. One query that reads no catalog of the schemas.
 *
 * pg_catalog_fingerprint(): a text that changes whenever a committed change
 * reaches a catalog row pg_describe() reads for these schemas (tables,
 * columns, defaults, constraints, indexes, enums, views, comments, owned
 * sequences, extensions): each row counts by its key and the transaction
 * that wrote it (xmin). *snapshot is the snapshot it was read in.
 *
 * Both return heap strings.
 */
int pg_snapshot_state(struct pg_conn *c, char **identity, char **snapshot, struct mesdb_err *err);
int pg_catalog_fingerprint(struct pg_conn *c, const char *const *schemas, uint32_t nschemas,
			   char **snapshot, char **fingerprint, struct mesdb_err *err);

/*
 * Parse one column default as pg_get_expr() prints it into the normalised
 * form of sqlschema.h (strings in s->arena), by col->type (set it first):
 *   nextval('seq'::regclass) of the column's own sequence -> SEQUENCE "seq"
 *     and col->autoincrement (of another sequence: EXPR);
 *   CURRENT_TIMESTAMP, now() -> NOW (CURRENT_TIMESTAMP(3) and others: EXPR);
 *   numeric columns: 42, -1.5, '-1'::integer, '42'::numeric, (-1.5)
 *     -> NUMBER in sql_number_canonical() form ('NaN'::double precision: EXPR),
 *     with the server's spelling in `literal` when it differs and is a plain
 *     decimal ("1.50" of a NUMERIC(10,2): what db pull writes; diff compares
 *     the canonical value);
 *   boolean: true / false / 't'::boolean -> BOOLEAN "true" / "false";
 *   enum: 'USER'::"Role" -> ENUM "USER";
 *   any other type: 'abc'::text, 'x'::character varying, '{}'::jsonb,
 *     '2020-01-01 00:00:00'::timestamp without time zone -> STRING with ''
 *     (and E'' escapes) undone;
 *   arrays: '{a,"b c"}'::text[], ARRAY['a'::text], ARRAY[]::text[] -> LIST of
 *     the above per element (NULL elements, nested arrays: EXPR);
 *   a column of SQL_T_UNSUPPORTED type: always EXPR (PSL has only dbgenerated);
 *   anything else -> EXPR with the text as printed.
 * owned_sequence is the name of the sequence OWNED BY this column, or
 * NULL. Exposed for tests.
 */
void pg_parse_default(struct sqlschema *s, struct sql_column *col, const char *expr,
		      const char *owned_sequence);

/* ---- advisory locks (lock.c) ---- */

/* Prisma Migrate's lock key: SELECT pg_advisory_lock(72707369). */
#define PG_MIGRATE_LOCK_KEY INT64_C(72707369)
#define PG_MIGRATE_LOCK_TIMEOUT_MS 10000

/*
 * Take the session-level advisory lock `key`, waiting at most timeout_ms.
 * Outside a transaction this waits in the server's lock queue (with
 * lock_timeout, restored afterwards); inside one it polls
 * pg_try_advisory_lock so that a timeout does not abort the caller's
 * transaction. timeout_ms <= 0 waits without limit. Timeout: MESDB_E_LOCK
 * with code P1002 (Prisma's words in the message).
 */
int pg_advisory_lock_timeout(struct pg_conn *c, int64_t key, int timeout_ms,
			     struct mesdb_err *err);
/* Release it; MESDB_E_LOCK when this session did not hold it. */
int pg_advisory_unlock(struct pg_conn *c, int64_t key, struct mesdb_err *err);

#endif
