/* migrate.h - the migrations folder, the lock file, checksums, _prisma_migrations, applying */
#ifndef MESDB_MIGRATE_MIGRATE_H
#define MESDB_MIGRATE_MIGRATE_H

/*
 * Owns: Prisma Migrate's on-disk and in-database formats, and applying one
 * migration script. Never diffs (that is the engine's job), never prints.
 *
 *  - the migrations folder: <dir>/<name>/migration.sql, every sub-directory
 *    a migration, sorted by name (bytewise), plus migration_lock.toml;
 *  - checksums: SHA-256 of migration.sql, lowercase hex, tolerant of
 *    CRLF/LF conversions and of the old zero-dropping hex format;
 *  - the _prisma_migrations table, created unqualified (it lands in the
 *    connection's schema, which pg_connect() puts first on the search_path);
 *  - applying: each migration in one transaction with its row, or statement
 *    by statement when the script cannot run in a transaction (sqlsplit.h).
 *
 * Callers take the advisory lock (pg_advisory_lock_timeout with
 * PG_MIGRATE_LOCK_KEY) around anything that writes.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/sha256.h"
#include "base/strbuf.h"
#include "mesdb/mesdb_err.h"
#include "pg/pg.h"

/* Prisma's limit on migration (folder) names, in bytes (P3010). */
#define MIGRATION_NAME_MAX 200
#define MIGRATIONS_TABLE "_prisma_migrations"

/* ---- the migrations folder (folder.c) ---- */

struct migration {
	char *name;               /* the folder name */
	char *script_path;        /* <dir>/<name>/migration.sql */
	char *script;             /* its text, NUL-terminated */
	size_t script_len;
	char checksum[SHA256_HEX_LEN + 1];
	bool has_down;            /* mesdb's down.sql beside it */
};

struct migrations {
	char *dir;                /* the migrations folder as given */
	bool dir_exists;
	struct migration *items;  /* sorted by name */
	size_t nr, alloc;
	bool has_lock_file;
	char *lock_provider;      /* provider of migration_lock.toml; NULL: none given */
};

/* migrations_init allocates nothing; migrations_release frees everything. */
void migrations_init(struct migrations *m);
void migrations_release(struct migrations *m);

/*
 * Read the folder dir: each sub-directory is a migration, read with its
 * migration.sql and checksum. A missing folder is an empty list
 * (dir_exists false). Errors: a name longer than MIGRATION_NAME_MAX bytes
 * (P3010), a sub-directory without migration.sql (P3015), I/O errors.
 */
int migrations_load(struct migrations *m, const char *dir, struct mesdb_err *err);

/* The migration named name, or NULL. */
const struct migration *migrations_find(const struct migrations *m, const char *name);

/*
 * P3019 when migration_lock.toml names another provider than `provider`
 * ("postgresql"; "postgres" counts as "postgresql"); no lock file or no
 * provider line in it: no check.
 */
int migrations_check_provider(const struct migrations *m, const char *provider,
			      struct mesdb_err *err);

/* The text of migration_lock.toml, exactly as Prisma writes it. */
void migration_lock_render(struct strbuf *out, const char *provider);
/* Write <dir>/migration_lock.toml (atomically). */
int migration_lock_write(const char *dir, const char *provider, struct mesdb_err *err);

/* ---- checksums (checksum.c) ---- */

/* SHA-256 of the script as lowercase hex (what Prisma stores). */
void migration_checksum(const char *script, size_t len, char out[SHA256_HEX_LEN + 1]);
/*
 * Does stored (a checksum column) match the script? Also true for the
 * script with every CRLF turned into LF, or every LF into CRLF (git may
 * have converted line endings), and for checksums written by old Prisma
 * versions without zero padding (any stored length other than 64).
 */
bool migration_checksum_matches(const char *script, size_t len, const char *stored);
/* The same for a loaded migration, using its checksum (no hashing when it matches). */
bool migration_matches_stored(const struct migration *m, const char *stored);

/* ---- _prisma_migrations (history.c) ---- */

struct history_row {
	const char *id;
	const char *checksum;
	const char *name;
	const char *logs;         /* NULL when SQL NULL */
	const char *started_at;   /* Prisma's display form: 2024-01-31 12:00:00.123 UTC */
	bool finished;            /* finished_at IS NOT NULL */
	bool rolled_back;         /* rolled_back_at IS NOT NULL */
	int applied_steps;
};

/* Failed: neither finished nor rolled back. */
static inline bool history_row_failed(const struct history_row *r)
{
	return !r->finished && !r->rolled_back;
}

struct history {
	struct arena arena;       /* every string of the rows */
	bool table_exists;
	struct history_row *rows; /* in started_at order */
	size_t nr, alloc;
};

void history_init(struct history *h);
void history_release(struct history *h);

/* Read every row (table_exists false and no rows when there is no table). */
int history_load(struct pg_conn *c, struct history *h, struct mesdb_err *err);

/*
 * The row that makes `name` applied for deploy: one with rolled_back_at
 * NULL (finished or failed). NULL when none.
 */
const struct history_row *history_find_active(const struct history *h, const char *name);

/*
 * Whether the schemas (none: the connection's schema) hold a table that
 * makes the database "not empty" for Prisma (P3005): any ordinary or
 * partitioned table except _prisma_migrations, PostGIS's own tables and
 * tables of extensions. *first gets the first such table's name (heap,
 * caller frees) or NULL.
 */
int history_schema_is_empty(struct pg_conn *c, const char *const *schemas, size_t nschemas,
			    bool *empty, char **first, struct mesdb_err *err);

/* Create the connection's schema when missing, then the table (Prisma's DDL). */
int history_create_table(struct pg_conn *c, struct mesdb_err *err);

/* resolve --applied: a finished row (started_at = finished_at = now, logs ''). */
int history_insert_applied(struct pg_conn *c, const char *name, const char *checksum,
			   struct mesdb_err *err);
/* Set rolled_back_at = now on the row with this id. */
int history_mark_rolled_back(struct pg_conn *c, const char *id, struct mesdb_err *err);

/* A random UUID v4 (Prisma's row ids) into out[37]. */
void migrate_uuid4(char out[37]);

/* ---- applying one migration (apply.c) ---- */

struct apply_report {
	double ms;                 /* wall time of the whole migration */
	bool transactional;        /* ran in one transaction */
	struct strbuf reason;      /* why not: "CREATE INDEX CONCURRENTLY" ... */
	uint32_t reason_line;      /* line of migration.sql that made it so */
	size_t nstatements;
};

void apply_report_init(struct apply_report *r);
void apply_report_release(struct apply_report *r);

/*
 * Decide how the script runs (sqlsplit.h) without running it: fills
 * transactional / reason / reason_line / nstatements. server_version as
 * pg_server_version() (ALTER TYPE ... ADD VALUE needs 12+ in a transaction).
 */
void migrate_plan(const struct migration *m, int server_version, struct apply_report *rep);

/*
 * Apply migration m and record it in _prisma_migrations (which must exist).
 *
 * Transactional scripts: BEGIN, each statement, INSERT of the finished row,
 * COMMIT: a crash or a kill leaves nothing at all. On a failing statement:
 * ROLLBACK (the database is exactly as before), then the row is inserted
 * as failed (finished_at NULL) with the error in logs.
 *
 * Other scripts (rep->transactional false): as Prisma does, the row is
 * inserted first, the statements run one by one in autocommit, then the
 * row is marked finished, or gets the error in logs.
 *
 * Failure of the script: MESDB_E_MIGRATION with code P3018, the SQLSTATE,
 * Prisma's message, and in detail the migration name, the database error
 * and the failing statement's line in migration.sql. Other errors
 * (connection lost...) are returned as they are.
 */
int migrate_apply(struct pg_conn *c, const struct migration *m, struct apply_report *rep,
		  struct mesdb_err *err);

#endif
