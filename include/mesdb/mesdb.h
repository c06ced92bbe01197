/* mesdb.h - mesdb's public API: the commands, as the CLI (or any other front end) calls them */
#ifndef MESDB_H
#define MESDB_H

#include <stdbool.h>
#include <stddef.h>

#include "mesdb/mesdb_err.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MESDB_VERSION "0.1.0"

/*
 * Output sink. The library never prints: commands hand their output here.
 * out: the command's result (stdout); note: progress and warnings (stderr).
 * Either may be NULL (discard). text is NUL-terminated; len is strlen(text).
 */
struct mesdb_sink {
	void (*out)(void *ctx, const char *text, size_t len);
	void (*note)(void *ctx, const char *text, size_t len);
	void *ctx;
	bool color;          /* ANSI colour allowed in diagnostics */
};

/*
 * Schema location: a path to a .prisma file or to a folder of .prisma files
 * (multi-file schema). NULL: the default search (prisma/schema.prisma,
 * schema.prisma, prisma/schema/ in the current folder). On success *resolved
 * receives a heap copy of the path used (caller frees).
 */
int mesdb_schema_locate(const char *given, char **resolved, struct mesdb_err *err);

/*
 * mesdb validate: parse and validate. Diagnostics are rendered to sink->note
 * (Prisma's layout) followed by "Validation Error Count: N"; on success
 * "The schema at <path> is valid" goes to sink->out. Invalid schema: -1 with
 * err->status MESDB_E_SCHEMA and err->code "P1012".
 */
int mesdb_validate(const char *schema_path, const struct mesdb_sink *sink, struct mesdb_err *err);

/* mesdb format options */
struct mesdb_format_opts {
	const char *schema_path;
	bool check;          /* do not write; fail (MESDB_E_REFUSED) if a file would change */
	bool print;          /* write the formatted text to sink->out instead of the files */
};

int mesdb_format(const struct mesdb_format_opts *opts, const struct mesdb_sink *sink,
		 struct mesdb_err *err);

/*
 * mesdb migrate deploy / status / resolve: Prisma Migrate's commands on the
 * schema's migrations folder (<schema folder>/migrations) and the
 * datasource's database. The URL is the datasource's `url` (a literal, or
 * env("VAR") from the environment or a .env file) unless opts->url is set.
 * Output goes to the sink in Prisma's words; passwords never appear.
 */
struct mesdb_migrate_opts {
	const char *schema_path;   /* NULL: the default search (mesdb_schema_locate) */
	const char *url;           /* connect here instead of the datasource's url */
	int lock_timeout_ms;       /* wait for the advisory lock; 0: Prisma's 10 s */
	bool strict;               /* status: edited or vanished migrations count as problems */
	bool drift;                /* status: check drift by a replay, even when a kept result holds */
	bool no_drift;             /* status: do not check for drift */
	const char *applied;       /* resolve --applied NAME */
	const char *rolled_back;   /* resolve --rolled-back NAME */
};

/*
 * Apply the pending migrations, each in its own transaction (scripts that
 * cannot run in one are applied statement by statement, and the output says
 * so). Errors: P1002 lock timeout (MESDB_E_LOCK), P3005 non-empty database
 * without _prisma_migrations and P3009 failed migrations (MESDB_E_REFUSED),
 * P3018 a script failed (MESDB_E_MIGRATION), P3019 provider mismatch.
 */
int mesdb_migrate_deploy(const struct mesdb_migrate_opts *opts, const struct mesdb_sink *sink,
			 struct mesdb_err *err);

/* What mesdb migrate status found (filled when it returns 0). */
struct mesdb_migrate_status {
	bool up_to_date;           /* false: the command should exit 1 */
	bool managed;              /* the database has _prisma_migrations */
	unsigned pending;          /* in the folder, not applied */
	unsigned failed;           /* failed rows */
	unsigned edited;           /* applied, but migration.sql changed since */
	unsigned missing;          /* applied, but not in the folder */
	unsigned drift;            /* differences history -> database (schema drift) */
	bool drift_checked;        /* drift was checked (not opts->no_drift, history replayable) */
	bool drift_cached;         /* ... by a kept result: nothing was replayed */
};

/*
 * Compare the folder with _prisma_migrations and report as Prisma does
 * (pending, failed, diverged histories, unmanaged database), plus warnings
 * for edited migrations and migrations missing on disk, and for schema
 * drift unless opts->no_drift: the applied migrations replayed in a
 * rolled-back transaction (or on the datasource's shadowDatabaseUrl) and
 * compared with the database. The result is kept (drift_cache.h) under a
 * key of the applied migrations and a fingerprint of the catalog, so while
 * neither changes a status replays nothing; opts->drift replays anyway.
 * Warnings make up_to_date false only with
 * opts->strict. Returns -1 only when the check could not run (no schema,
 * no connection, a history that cannot be replayed...).
 */
int mesdb_migrate_status(const struct mesdb_migrate_opts *opts, const struct mesdb_sink *sink,
			 struct mesdb_migrate_status *st, struct mesdb_err *err);

/*
 * Exactly one of opts->applied / opts->rolled_back (else MESDB_E_USAGE).
 * --applied: P3017 when the folder has no such migration, P3008 when it is
 * already applied; failed rows of it are marked rolled back and a finished
 * row is added. --rolled-back: P3011 when the database never saw it, P3012
 * when it did not fail; its failed rows get rolled_back_at. Takes the lock.
 */
int mesdb_migrate_resolve(const struct mesdb_migrate_opts *opts, const struct mesdb_sink *sink,
			  struct mesdb_err *err);

/*
 * mesdb migrate dev / reset / rollback / baseline: the development side of
 * versioned migrations, on the same folder and table as deploy. The state
 * of the history is found without a shadow database (the migrations are
 * replayed in one rolled-back transaction; a history with a script that
 * cannot run in one is replayed on the datasource's shadowDatabaseUrl, and
 * refused with the way out when there is none). Never reads the terminal:
 * questions go through confirm (NULL: refuse).
 */
struct mesdb_migrate_dev_opts {
	struct mesdb_migrate_opts base; /* schema_path, url, lock_timeout_ms */
	const char *name;          /* dev: the migration's name (slugged); baseline: the folder */
	bool create_only;          /* dev: write the migration, do not apply it */
	bool force;                /* reset: no question */
	bool skip_seed;            /* reset: do not run <schema folder>/seed.sql */
	const char *to;            /* rollback: undo every migration after this one */
	unsigned steps;            /* rollback: undo this many (0: 1) */
	bool (*confirm)(void *ctx, const char *question);
	void *confirm_ctx;
};

/*
 * Apply pending migrations, then write <ts>_<slug>/migration.sql (Prisma's
 * text, warnings block with counts from the database) and down.sql, and
 * apply it unless create_only. Drift, edited or vanished applied
 * migrations, failed rows: MESDB_E_REFUSED with the way out (reset).
 */
int mesdb_migrate_dev(const struct mesdb_migrate_dev_opts *opts, const struct mesdb_sink *sink,
		      struct mesdb_err *err);
/* Drop the datasource's schemas, re-apply every migration, run seed.sql (one transaction). */
int mesdb_migrate_reset(const struct mesdb_migrate_dev_opts *opts, const struct mesdb_sink *sink,
			struct mesdb_err *err);
/* Run down.sql files newest first, each with its row marked rolled back, in one transaction. */
int mesdb_migrate_rollback(const struct mesdb_migrate_dev_opts *opts,
			   const struct mesdb_sink *sink, struct mesdb_err *err);
/* Write the from-empty migration of the schema and mark it applied without running it. */
int mesdb_migrate_baseline(const struct mesdb_migrate_dev_opts *opts,
			   const struct mesdb_sink *sink, struct mesdb_err *err);

/*
 * mesdb db push: make the datasource's database match the schema, as
 * Prisma's `db push`, but in ONE transaction (describe, checks and every
 * statement): an error, an unexecutable step or a refused warning leaves
 * the database as it was. Prisma's lines go to sink->out ("The database is
 * already in sync with the Prisma schema.", "...now in sync with your Prisma
 * schema. Done in Xms", the data-loss warnings). Errors: MESDB_E_REFUSED
 * (unexecutable steps; warnings neither accepted nor confirmed),
 * MESDB_E_CONNECT, MESDB_E_QUERY (a statement failed), MESDB_E_SCHEMA.
 */
struct mesdb_push_opts {
	const char *schema_path;   /* NULL: the default search (mesdb_schema_locate) */
	const char *url;           /* connect here instead of the datasource's url */
	bool accept_data_loss;     /* apply despite data-loss warnings */
	bool force_reset;          /* drop and recreate the datasource's schemas first */
	/*
	 * Asked (with the question text) when there are warnings and
	 * accept_data_loss is false; true applies. NULL: refuse. The library
	 * never reads the terminal itself.
	 */
	bool (*confirm)(void *ctx, const char *question);
	void *confirm_ctx;
};

struct mesdb_push_result {
	bool applied;              /* statements ran and were committed */
	bool reset;                /* --force-reset dropped the schemas */
	unsigned nsteps, nwarnings, nunexecutable;
	double ms;
};

int mesdb_db_push(const struct mesdb_push_opts *opts, const struct mesdb_sink *sink,
		  struct mesdb_push_result *res, struct mesdb_err *err);

/* A side of mesdb migrate diff. ORDER MESDB_DIFF_SRC */
enum mesdb_diff_src {
	MESDB_DIFF_SRC_NONE,
	MESDB_DIFF_SRC_EMPTY,             /* --from-empty */
	MESDB_DIFF_SRC_SCHEMA_DATAMODEL,  /* --from-schema-datamodel PATH */
	MESDB_DIFF_SRC_SCHEMA_DATASOURCE, /* --from-schema-datasource PATH: its url, described */
	MESDB_DIFF_SRC_MIGRATIONS,        /* --from-migrations DIR: replayed and described */
	MESDB_DIFF_SRC_URL,               /* --from-url URL: described */
};

struct mesdb_diff_side {
	enum mesdb_diff_src kind;
	const char *arg;           /* path, folder or URL */
};

/*
 * mesdb migrate diff: compare two sources. --from-migrations replays the
 * scripts inside one transaction on the database of shadow_url (else the
 * URL of a schema on the other side, else the other side's URL), in fresh
 * copies of the schemas they write to, describes them and rolls back:
 * that database is left unchanged. Output to sink->out: with script,
 * exactly Prisma's `--script` text; else Prisma's summary ("[+] Added
 * tables" ...), or "No difference detected.". When output is set, the
 * text goes to that file instead. *changed: the diff has steps.
 */
struct mesdb_diff_opts {
	struct mesdb_diff_side from, to;
	const char *shadow_url;
	bool script;
	const char *output;        /* -o FILE, or NULL */
};

int mesdb_migrate_diff(const struct mesdb_diff_opts *opts, const struct mesdb_sink *sink,
		       bool *changed, struct mesdb_err *err);

/*
 * mesdb db execute: run a SQL script (text of len bytes) on url (or the
 * datasource url of schema_path) in one transaction; on error nothing is
 * kept. Errors: MESDB_E_QUERY with the SQLSTATE and, in detail, the line
 * and column of the script the server pointed at; MESDB_E_CONNECT.
 */
struct mesdb_execute_opts {
	const char *schema_path;   /* take the url from this schema's datasource */
	const char *url;           /* or this URL (exactly one of the two) */
	const char *script;
	size_t script_len;
};

int mesdb_db_execute(const struct mesdb_execute_opts *opts, const struct mesdb_sink *sink,
		     struct mesdb_err *err);

/*
 * mesdb db pull: introspect the datasource's database into the schema
 * (Prisma's rules, re-using the existing schema's names unless force) and
 * write the file, or with print hand it to sink->out as Prisma prints it.
 * An empty database: -1 with code P4001 (MESDB_E_REFUSED).
 */
struct mesdb_pull_opts {
	const char *schema_path;   /* NULL: the default search */
	const char *url;           /* connect here instead of the datasource's url */
	bool print;                /* print instead of writing the file */
	bool force;                /* ignore the existing models, enums and their names */
};

int mesdb_db_pull(const struct mesdb_pull_opts *opts, const struct mesdb_sink *sink,
		  struct mesdb_err *err);

#ifdef __cplusplus
}
#endif
#endif
