/* migrate_status.c - mesdb migrate status: the folder against _prisma_migrations, Prisma's words */
#include "migrate_common.h"
#include "migrate_replay.h"
#include "schema_load.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

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
 * --drift: replay the applied migrations (migrate_ctx_replay) and compare
 * the result with the live database. Not with failed rows (a failed
 * migration may have left part of itself behind) or applied migrations
 * missing from the folder (the history cannot be replayed): a note says
 * why. Differences become a warning with the SQL that turns the history's
 * schema into the database's.
 */
static int check_drift(struct migrate_ctx *x, const struct history *h, size_t nfailed,
		       size_t nunpersisted, const struct mesdb_sink *sink,
		       struct mesdb_migrate_status *st, struct strbuf *warn, struct mesdb_err *err)
{
	const struct migration **list;
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
	if (migrate_ctx_drift(x, list, n, sink, &hist, &nsteps, &sql, err) < 0) {
		mesdb_err_prefix(err, "could not check the database for drift");
		goto out;
	}
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

	if (opts->drift && h.table_exists && check_drift(&x, &h, nfailed, nunpersisted, sink, st,
							 &warn, err) < 0)
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
