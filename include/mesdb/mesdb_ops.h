/* mesdb_ops.h - mesdb's production operations: backup, restore, deploy --all */
#ifndef MESDB_OPS_H
#define MESDB_OPS_H

#include "mesdb/mesdb.h"
#include "mesdb/mesdb_ws.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * mesdb backup: `pg_dump -Fc` of one service's database into
 * <dir>/<database>_<YYYYMMDD_HHMMSS>.dump (mode 0600), checked with
 * `pg_restore --list` before it counts as written, and its manifest line
 * (service, database, file, size, SHA-256, migration head, mesdb version)
 * added to <dir>/manifest.json. The password reaches pg_dump through the
 * environment (PGPASSWORD), never through its arguments.
 */
struct mesdb_backup_opts {
	struct mesdb_service_opts svc;  /* service name, schema, url */
	const char *dir;                /* NULL: "backups" under the workspace root */
	const char *stamp;              /* YYYYMMDD_HHMMSS shared by an --all run; NULL: now (UTC) */
	bool progress;                  /* report growing dump size through sink->note */
};

struct mesdb_backup_result {
	char *file;                     /* heap: the dump's path */
	char *database;                 /* heap */
	char *head;                     /* heap: newest applied migration, NULL when none */
	unsigned long long size;        /* bytes */
	char sha256[65];                /* hex */
	double ms;
};

int mesdb_backup(const struct mesdb_backup_opts *opts, const struct mesdb_sink *sink,
		 struct mesdb_backup_result *res, struct mesdb_err *err);
void mesdb_backup_result_release(struct mesdb_backup_result *res);

/* The stamp of a backup taken now: "YYYYMMDD_HHMMSS" (UTC) and a NUL. */
#define MESDB_STAMP_SIZE 16
void mesdb_backup_stamp(char out[MESDB_STAMP_SIZE]);

/*
 * mesdb restore: find the dump (a timestamp: the manifest's entry for this
 * service's database at that stamp; or a file path), check it (size and
 * SHA-256 against the manifest, `pg_restore --list`) before anything is
 * dropped, terminate the database's other connections, drop and recreate
 * it with its owner, `pg_restore` into it, then compare the migration head
 * with the manifest's. The caller has confirmed (typed name or --force).
 *
 * How: the dump is restored (one transaction) into a fresh database
 * <database>__restore created like the old one (owner, encoding, locale),
 * its migration head compared with the manifest's, the old database's
 * privileges, settings, comment and connection limit copied; only then are
 * the other connections ended, the old database dropped and the new one
 * renamed. A failure before the swap leaves the old database untouched
 * (the scratch database is dropped). Two restores of one database never
 * overlap (an advisory lock: MESDB_E_LOCK). A file that is not in a
 * manifest (beside it, or in dir) is checked with pg_restore --list only.
 * The archive's database name must be the service's. A database that is
 * gone is created (owner: the URL's user; mesdb setup's privileges).
 * Every other connection to the database is ended, the caller's own
 * included: close them first. Release res whatever the return.
 */
struct mesdb_restore_opts {
	struct mesdb_service_opts svc;  /* svc.admin_url: the superuser that drops and creates
					   (NULL: as mesdb setup finds one) */
	const char *dir;                /* NULL: "backups" under the workspace root */
	const char *from;               /* YYYYMMDD_HHMMSS or a .dump file */
	bool check_only;                /* find and verify the dump, then stop: nothing dropped */
	/*
	 * Asked once the dump is verified, before anything is dropped, with
	 * the database's name and what will happen; false: MESDB_E_REFUSED.
	 * NULL: the caller has confirmed already (typed name or --force).
	 */
	bool (*confirm)(void *ctx, const char *database, const char *question);
	void *confirm_ctx;
};

struct mesdb_restore_result {
	char *file;                     /* heap: the dump restored */
	char *database;                 /* heap */
	char *head;                     /* heap: migration head after the restore, or NULL */
	char *backup_head;              /* heap: the manifest's migration head, or NULL */
	bool in_manifest;               /* size and SHA-256 were checked against the manifest */
	unsigned terminated;            /* other connections ended before the drop */
	double ms;
};

int mesdb_restore(const struct mesdb_restore_opts *opts, const struct mesdb_sink *sink,
		  struct mesdb_restore_result *res, struct mesdb_err *err);
void mesdb_restore_result_release(struct mesdb_restore_result *res);

/*
 * mesdb deploy: the production workflow for a set of services in one call.
 *
 *  1. preflight, every service: connect, take the migrate lock (held until
 *     the apply is over), no failed migration (P3009), no unmanaged
 *     non-empty database (P3005), and every pending migration run inside
 *     one transaction that is rolled back (proven). A script that cannot
 *     run in a transaction (CREATE INDEX CONCURRENTLY...) cannot be
 *     proven: it and the later migrations of its service are counted in
 *     `unproven` and applied statement by statement as migrate deploy
 *     does. With MESDB_DEPLOY_ROLLBACK a pending migration without
 *     down.sql, or pending older than an applied one, fails the preflight.
 *     Any preflight failure: nothing was changed anywhere.
 *  2. backup (unless skip_backup) of each service with pending
 *     migrations, with one stamp for the run (mesdb_backup).
 *  3. apply, service by service, each migration in its own transaction;
 *     verify each service (no pending or failed migration, row counts).
 *  4. on a failure: the failing migration's transaction is rolled back
 *     (its _prisma_migrations row is kept as a record, marked rolled
 *     back); what this run applied before it, in that service and the
 *     services before it, is undone per on_failure, newest first.
 *
 * Every step is appended as a JSON line (timestamp, run, service, step,
 * migration, result, duration_ms, error) to <root>/.mesdb/deploy.log.
 * Progress lines go to sink->note. Returns -1 when the run did not
 * complete (err says why; res says what became of each service).
 */
/* ORDER MESDB_DEPLOY_ON */
enum mesdb_deploy_on_failure {
	MESDB_DEPLOY_ROLLBACK,          /* run down.sql of what this run applied (default) */
	MESDB_DEPLOY_RESTORE,           /* restore the changed databases from this run's backup */
	MESDB_DEPLOY_STOP,              /* leave them as they are */
};

/* What a service ended as. ORDER MESDB_DEPLOY_END: mesdb_deploy_end_name() */
enum mesdb_deploy_end {
	MESDB_DEPLOY_UNCHANGED,         /* nothing was changed (nothing pending, or not reached) */
	MESDB_DEPLOY_MIGRATED,          /* its pending migrations were applied and verified */
	MESDB_DEPLOY_FAILED,            /* its migration failed and was rolled back: as before */
	MESDB_DEPLOY_ROLLED_BACK,       /* what this run applied was undone with down.sql */
	MESDB_DEPLOY_RESTORED,          /* restored from this run's backup */
	MESDB_DEPLOY_LEFT,              /* changed by this run and left so (stop, or no way back) */
	MESDB_DEPLOY_END__COUNT
};

/* One step, as it starts (done false) and as it ends (done true). */
struct mesdb_deploy_step {
	const char *service;            /* NULL: the whole run */
	const char *step;               /* "preflight" "backup" "apply" "verify" "rollback" "restore" */
	const char *migration;          /* apply: the migration, else NULL */
	bool done, ok;
	double ms;
	const struct mesdb_err *err;    /* done && !ok: why */
};

struct mesdb_deploy_opts {
	const char *root;               /* the workspace root: .mesdb/deploy.log, backups/ */
	const struct mesdb_service *const *services;   /* in the order to apply */
	size_t nservices;
	enum mesdb_deploy_on_failure on_failure;
	bool skip_backup;               /* refused with MESDB_DEPLOY_RESTORE */
	const char *backup_dir;         /* NULL: "backups" under root */
	int lock_timeout_ms;            /* migrate lock, and lock_timeout of the preflight; 0: 10 s */
	void (*on_step)(void *ctx, const struct mesdb_deploy_step *step);  /* or NULL */
	void *step_ctx;
};

struct mesdb_deploy_service {
	const char *name;               /* the service's name (borrowed from opts) */
	char *database;                 /* heap, or NULL when unknown */
	bool preflight_ok;
	unsigned pending;               /* pending migrations the preflight found */
	unsigned unproven;              /* of those, not provable in a transaction */
	unsigned applied;               /* applied by this run and still applied */
	char *backup;                   /* heap: this run's dump, or NULL */
	char *head_before;              /* heap: newest applied migration before the run, or NULL */
	unsigned long long rows_before, rows_after;
	unsigned tables_after;
	enum mesdb_deploy_end end;
	char *notes;                    /* heap: what happened, one line each (warnings too), or NULL */
	struct mesdb_err err;           /* its own failure (preflight, apply, undo), or MESDB_OK */
};

struct mesdb_deploy_result {
	char stamp[MESDB_STAMP_SIZE];   /* YYYYMMDD_HHMMSS (UTC) of the run, its backups' stamp */
	char *log_path;                 /* heap */
	const char *stopped_at;         /* NULL: completed; else the step that failed */
	struct mesdb_deploy_service *items;   /* one per opts->services, same order */
	size_t nr;
};

int mesdb_deploy(const struct mesdb_deploy_opts *opts, const struct mesdb_sink *sink,
		 struct mesdb_deploy_result *res, struct mesdb_err *err);
void mesdb_deploy_result_release(struct mesdb_deploy_result *res);
/* "unchanged", "migrated", "failed", "rolled back", "restored", "left" */
const char *mesdb_deploy_end_name(enum mesdb_deploy_end end);

/*
 * Troubleshooting: recognise the runbook's known problems in an error
 * (SQLSTATE, Prisma code, the server's words) and set err->hint to the
 * cause and the exact command that fixes it; the SQLSTATE the server sent
 * with a failed connection is filled in when libpq did not give it.
 * ctx names where the error happened so that the command names the right
 * service. Returns true when the error was recognised (unknown errors are
 * left as they are).
 */
struct mesdb_trouble_ctx {
	const char *command;            /* "db seed", "migrate deploy", ... or NULL */
	const char *service;            /* workspace service: fix commands say -s NAME; or NULL */
	const char *schema_path;        /* its schema (seed file, migrations folder), or NULL */
};

bool mesdb_troubleshoot(struct mesdb_err *err, const struct mesdb_trouble_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
