/* migrate_status.c - mesdb migrate status: the folder against _prisma_migrations, Prisma's words */
#include "migrate_common.h"
#include "drift_cache.h"
#include "migrate_replay.h"
#include "schema_load.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "calc/calc.h"
#include "pg/pg.h"

/*
 * Prisma's diagnosis (diagnoseMigrationHistory without a shadow database):
 * migrations of the folder not in the database, rows not in the folder,
 * failed rows; then the CLI's messages and exit codes. One difference:
 * Prisma counts a rolled-back row as "in the database", so after
 * `resolve --rolled-back` it calls the database up to date while deploy
 * would still apply the migration; mesdb calls it pending.
 */

static bool name_in(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return true;
	return false;
}

static void add_names(struct strbuf *sb, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strbuf_addf(sb, "%s\n", names[i]);
}

/*
 * Schema drift: replay the applied migrations (migrate_ctx_replay) and
 * compare the result with the live database. Not with failed rows (a failed
 * migration may have left part of itself behind) or applied migrations
 * missing from the folder (the history cannot be replayed): a note says
 * why. Differences become a warning with the SQL that turns the history's
 * schema into the database's.
 *
 * The replay takes seconds on a long history, so the result is kept
 * (drift_cache.h) with the snapshot and the catalog fingerprint it holds
 * for. The same snapshot as kept: nothing was committed since, the result
 * stands (one small query). Else the same fingerprint: nothing the
 * description reads changed, the result stands and is kept with the new
 * snapshot. Else replay; the fingerprint is read before and after, and the
 * result kept only when the two agree (nothing changed meanwhile). `full`
 * (--drift) replays whatever is kept.
 */

/* What check_drift() knows of the cache: the slot, and the state read so far. */
struct drift_state {
	bool have_slot;
	char slot[SHA256_HEX_LEN + 1];
	char *identity, *snapshot;          /* pg_snapshot_state() */
	char *fp_snapshot, *fingerprint;    /* pg_catalog_fingerprint() */
};

static void drift_state_release(struct drift_state *d)
{
	free(d->identity);
	free(d->snapshot);
	free(d->fp_snapshot);
	free(d->fingerprint);
}

/* Read the fingerprint into d (once); false: none (a cache problem, not an error). */
static bool drift_fingerprint(struct migrate_ctx *x, const char *const *names, size_t nnames,
			      struct drift_state *d)
{
	struct mesdb_err ferr = MESDB_ERR_INIT;

	if (!d->fingerprint && pg_catalog_fingerprint(x->conn, names, (uint32_t)nnames,
						      &d->fp_snapshot, &d->fingerprint, &ferr) < 0)
		mesdb_err_release(&ferr);
	return d->fingerprint != NULL;
}

/* Name the cache slot of this database and history in d; false: none (no cache, not an error). */
static bool drift_slot(struct migrate_ctx *x, const struct migration *const *list, size_t n,
		       const char *const *names, size_t nnames, struct drift_state *d)
{
	struct mesdb_err ferr = MESDB_ERR_INIT;

	if (pg_snapshot_state(x->conn, &d->identity, &d->snapshot, &ferr) < 0) {
		mesdb_err_release(&ferr);
		return false;
	}
	drift_cache_slot(list, n, names, nnames, calc_multi_schema(&x->db),
			 pg_server_version(x->conn), d->identity, d->slot);
	d->have_slot = true;
	return true;
}

/* A kept result that still holds into *nsteps/sql: true. */
static bool drift_cached(struct migrate_ctx *x, const struct migration *const *list, size_t n,
			 const char *const *names, size_t nnames, struct drift_state *d,
			 uint32_t *nsteps, struct strbuf *sql)
{
	struct drift_cache_entry e;
	bool hit = false;

	if (!drift_slot(x, list, n, names, nnames, d) || !drift_cache_load(d->slot, &e))
		return false;
	if (!strcmp(e.snapshot, d->snapshot)) {
		hit = true;
	} else if (drift_fingerprint(x, names, nnames, d) && !strcmp(e.fingerprint, d->fingerprint)) {
		hit = true;
		drift_cache_store(d->slot, d->fp_snapshot, d->fingerprint, e.nsteps, e.sql.buf);
	}
	if (hit) {
		*nsteps = e.nsteps;
		strbuf_addbuf(sql, &e.sql);
	}
	drift_cache_entry_release(&e);
	return hit;
}

static int check_drift(struct migrate_ctx *x, const struct history *h, size_t nfailed,
		       size_t nunpersisted, bool full, const struct mesdb_sink *sink,
		       struct mesdb_migrate_status *st, struct strbuf *warn, struct mesdb_err *err)
{
	const struct migration **list;
	const char *const *names;
	size_t nnames = migrate_ctx_schemas(x, &names);
	struct drift_state d = { 0 };
	struct mesdb_err rerr = MESDB_ERR_INIT;
	struct sqlschema hist;
	struct strbuf sql = STRBUF_INIT;
	uint32_t nsteps = 0;
	size_t n = 0;
	int ret = -1;

	if (nfailed || nunpersisted) {
		strbuf_addf(warn, "note: drift not checked: %s\n", nfailed ? "the database has "
			    "failed migrations" : "migrations applied to the database are missing "
			    "from the folder, so the history cannot be replayed");
		return 0;
	}
	sqlschema_init(&hist);
	list = xcalloc(x->migs.nr + 1, sizeof(*list));
	for (size_t i = 0; i < x->migs.nr; i++)
		if (history_find_active(h, x->migs.items[i].name))
			list[n++] = &x->migs.items[i];
	if (!full && drift_cached(x, list, n, names, nnames, &d, &nsteps, &sql)) {
		st->drift_cached = true;
		goto report;
	}
	if (full)
		drift_slot(x, list, n, names, nnames, &d);
	if (d.have_slot)
		drift_fingerprint(x, names, nnames, &d);
	if (migrate_ctx_drift(x, list, n, sink, &hist, &nsteps, &sql, &rerr) < 0) {
		if (full) {
			mesdb_err_move(err, &rerr);
			mesdb_err_prefix(err, "could not check the database for drift");
			goto out;
		}
		/* asked for the status, not for drift: what stopped the check is a note */
		strbuf_addf(warn, "note: drift not checked: %s\n", rerr.message);
		if (rerr.hint)
			strbuf_addf(warn, "hint: %s\n", rerr.hint);
		ret = 0;
		goto out;
	}
	if (d.fingerprint) {
		struct drift_state after = { 0 };
		if (drift_fingerprint(x, names, nnames, &after) &&
		    !strcmp(after.fingerprint, d.fingerprint))
			drift_cache_store(d.slot, after.fp_snapshot, after.fingerprint, nsteps, sql.buf);
		drift_state_release(&after);
	}
report:
	st->drift_checked = true;
	st->drift = nsteps;
	if (nsteps) {
		strbuf_addf(warn, "warning: drift detected: the database schema is not in sync with "
			    "its migration history (%u difference%s). The SQL that turns the schema "
			    "the applied migrations produce into the database as it is:\n\n", nsteps,
			    nsteps > 1 ? "s" : "");
		strbuf_addbuf(warn, &sql);
		strbuf_addf(warn, "\nThe database was changed outside the migrations (db push, by "
			    "hand) or an applied migration was edited. To keep the change, write it "
			    "as a migration (`mesdb migrate diff --from-migrations %s "
			    "--to-schema-datasource %s --script`) and mark it applied (`mesdb migrate "
			    "resolve --applied NAME`); in development, `mesdb migrate reset` drops it.\n",
			    x->migrations_dir, x->schema_path);
	}
	ret = 0;
out:
	mesdb_err_release(&rerr);
	drift_state_release(&d);
	strbuf_release(&sql);
	sqlschema_release(&hist);
	free(list);
	return ret;
}

int mesdb_migrate_status(const struct mesdb_migrate_opts *opts, const struct mesdb_sink *sink,
			 struct mesdb_migrate_status *st, struct mesdb_err *err)
{
	struct migrate_ctx x;
	struct history h;
	struct strbuf sb = STRBUF_INIT, warn = STRBUF_INIT;
	const char **unapplied = NULL, **unpersisted = NULL, **failed = NULL;
	size_t nunapplied = 0, nunpersisted = 0, nfailed = 0, i;
	const char *last_common = NULL;
	int ret = -1;

	memset(st, 0, sizeof(*st));
	history_init(&h);
	if (migrate_ctx_open(&x, opts, sink, false, err) < 0)
		goto out;
	migrate_print_found(&x, sink);
	if (history_load(x.conn, &h, err) < 0)
		goto out;
	st->managed = h.table_exists;

	unapplied = xcalloc(x.migs.nr + 1, sizeof(*unapplied));
	unpersisted = xcalloc(h.nr + 1, sizeof(*unpersisted));
	failed = xcalloc(h.nr + 1, sizeof(*failed));
	for (i = 0; i < x.migs.nr; i++) {
		const struct migration *m = &x.migs.items[i];
		const struct history_row *r = history_find_active(&h, m->name);
		if (!r) {
			if (!nunapplied && i > 0)
				last_common = x.migs.items[i - 1].name;
			unapplied[nunapplied++] = m->name;
		} else if (r->finished &&
			   !migration_matches_stored(m, r->checksum)) {
			st->edited++;
			strbuf_addf(&warn, "warning: migration `%s` was modified after it was applied "
				    "(the checksum of %s differs from the one in _prisma_migrations)\n",
				    m->name, m->script_path);
		}
	}
	for (i = 0; i < h.nr; i++) {
		const struct history_row *r = &h.rows[i];
		if (history_row_failed(r))
			failed[nfailed++] = r->name;
		if (!r->rolled_back && !migrations_find(&x.migs, r->name) &&
		    !name_in(unpersisted, nunpersisted, r->name))
			unpersisted[nunpersisted++] = r->name;
	}
	st->pending = (unsigned)nunapplied;
	st->failed = (unsigned)nfailed;
	st->missing = (unsigned)nunpersisted;
	st->up_to_date = true;

	if (!opts->no_drift && h.table_exists &&
	    check_drift(&x, &h, nfailed, nunpersisted, opts->drift, sink, st, &warn, err) < 0)
		goto out;

	if (nunapplied && !nunpersisted) {
		/* Prisma: databaseIsBehind */
		sink_note(sink, warn.buf);
		strbuf_addf(&sb, "Following migration%s have not yet been applied:\n",
			    nunapplied > 1 ? "s" : "");
		add_names(&sb, unapplied, nunapplied);
		strbuf_addstr(&sb, "\nTo apply migrations in development run mesdb migrate dev.\n"
			      "To apply migrations in production run mesdb migrate deploy.\n");
		sink_out(sink, sb.buf);
		st->up_to_date = false;
		if (!h.table_exists) {
			const char *const *schemas;
			size_t nschemas = migrate_ctx_schemas(&x, &schemas);
			char *first = NULL;
			bool empty = true;
			if (history_schema_is_empty(x.conn, schemas, nschemas, &empty, &first, err) < 0)
				goto out;
			if (!empty) {
				strbuf_reset(&sb);
				strbuf_addf(&sb, "\nnote: the database has tables (%s, ...) but no "
					    "_prisma_migrations table: `migrate deploy` will refuse it "
					    "(P3005). If it already matches migration `%s`, baseline it with "
					    "`mesdb migrate resolve --applied \"%s\"`\n", first,
					    unapplied[0], unapplied[0]);
				sink_note(sink, sb.buf);
			}
			free(first);
		}
		ret = 0;
		goto out;
	}
	if (nunapplied && nunpersisted) {
		/* Prisma: historiesDiverge */
		sink_note(sink, warn.buf);
		strbuf_addstr(&sb, "Your local migration history and the migrations table from your "
			      "database are different:\n\n");
		if (last_common)
			strbuf_addf(&sb, "The last common migration is: %s\n\n", last_common);
		strbuf_addf(&sb, "The migration%s have not yet been applied:\n",
			    nunapplied > 1 ? "s" : "");
		add_names(&sb, unapplied, nunapplied);
		strbuf_addf(&sb, "\nThe migration%s from the database are not found locally in %s:\n",
			    nunpersisted > 1 ? "s" : "", x.migrations_dir);
		add_names(&sb, unpersisted, nunpersisted);
		sink_note(sink, sb.buf);
		st->up_to_date = false;
		ret = 0;
		goto out;
	}
	if (!h.table_exists) {
		strbuf_addstr(&sb, "The current database is not managed by Prisma Migrate.\n\n"
			      "Read more about how to baseline an existing production database:\n"
			      "https://pris.ly/d/migrate-baseline\n");
		sink_note(sink, sb.buf);
		st->up_to_date = false;
		ret = 0;
		goto out;
	}
	if (nfailed) {
		sink_note(sink, warn.buf);
		strbuf_addf(&sb, "Following migration%s have failed:\n", nfailed > 1 ? "s" : "");
		add_names(&sb, failed, nfailed);
		strbuf_addstr(&sb, "\nDuring development if the failed migration(s) have not been "
			      "deployed to a production database you can then fix the migration(s) "
			      "and run mesdb migrate dev.\n\n");
		strbuf_addf(&sb, "The failed migration(s) can be marked as rolled back or applied:\n\n"
			    "- If you rolled back the migration(s) manually:\n"
			    "mesdb migrate resolve --rolled-back \"%s\"\n\n"
			    "- If you fixed the database manually (hotfix):\n"
			    "mesdb migrate resolve --applied \"%s\"\n\n"
			    "Read more about how to resolve migration issues in a production database:\n"
			    "https://pris.ly/d/migrate-resolve\n", failed[0], failed[0]);
		sink_note(sink, sb.buf);
		st->up_to_date = false;
		ret = 0;
		goto out;
	}
	/* up to date, maybe with migrations missing from the folder (Prisma says nothing) */
	for (i = 0; i < nunpersisted; i++)
		strbuf_addf(&warn, "warning: migration `%s` is applied to the database but missing "
			    "from %s\n", unpersisted[i], x.migrations_dir);
	sink_note(sink, warn.buf);
	sink_out(sink, "\n");
	if (opts->strict && (st->edited || st->missing || st->drift)) {
		st->up_to_date = false;
		sink_out(sink, "Database schema is not up to date: see the warnings (--strict).\n");
	} else {
		sink_out(sink, "Database schema is up to date!\n");
	}
	ret = 0;
out:
	free(unapplied);
	free(unpersisted);
	free(failed);
	strbuf_release(&sb);
	strbuf_release(&warn);
	history_release(&h);
	migrate_ctx_close(&x);
	return ret;
}
