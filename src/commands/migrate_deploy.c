/* migrate_deploy.c - mesdb migrate deploy: apply pending migrations, each in one transaction */
#include "migrate_common.h"
#include "schema_load.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

struct applied {
	const struct migration *m;
	double ms;
	bool transactional;
};

/* Prisma's tree of applied migrations, with each one's duration. */
static void print_applied(const struct mesdb_sink *sink, const struct applied *a, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "The following migration(s) have been applied:\n\nmigrations/\n");
	for (size_t i = 0; i < n; i++) {
		strbuf_addf(&sb, "  \xe2\x94\x94\xe2\x94\x80 %s/\n", a[i].m->name);
		strbuf_addf(&sb, "    \xe2\x94\x94\xe2\x94\x80 migration.sql (%.0f ms%s)\n", a[i].ms,
			    a[i].transactional ? "" : ", statement by statement");
	}
	sink_out(sink, sb.buf);
	strbuf_release(&sb);
}

/* Warnings Prisma does not give: edited migrations, migrations gone from the folder. */
static void warn_history(const struct migrate_ctx *x, const struct history *h,
			 const struct mesdb_sink *sink)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < h->nr; i++) {
		const struct history_row *r = &h->rows[i];
		const struct migration *m;
		if (r->rolled_back || !r->finished)
			continue;
		m = migrations_find(&x->migs, r->name);
		if (!m)
			strbuf_addf(&sb, "warning: migration `%s` is applied to the database but missing "
				    "from %s\n", r->name, x->migrations_dir);
		else if (!migration_matches_stored(m, r->checksum))
			strbuf_addf(&sb, "warning: migration `%s` was modified after it was applied "
				    "(the checksum of %s differs from the one in _prisma_migrations)\n",
				    r->name, m->script_path);
	}
	sink_note(sink, sb.buf);
	strbuf_release(&sb);
}

static int failed_migrations_error(const struct history *h, struct mesdb_err *err)
{
	struct strbuf d = STRBUF_INIT;
	const char *first = NULL;

	for (size_t i = 0; i < h->nr; i++) {
		const struct history_row *r = &h->rows[i];
		const char *logs = r->logs;
		if (!history_row_failed(r))
			continue;
		if (!first)
			first = r->name;
		if (d.len)
			strbuf_addch(&d, '\n');
		strbuf_addf(&d, "The `%s` migration started at %s failed", r->name, r->started_at);
		while (logs && (*logs == ' ' || *logs == '\n' || *logs == '\t' || *logs == '\r'))
			logs++;
		if (logs && *logs) {
			struct strbuf l = STRBUF_INIT;
			strbuf_addstr(&l, logs);
			strbuf_rtrim(&l);
			strbuf_addf(&d, " with the following logs:\n%s", l.buf);
			strbuf_release(&l);
		}
	}
	mesdb_error(err, MESDB_E_REFUSED, "migrate found failed migrations in the target database, "
		    "new migrations will not be applied. Read more about how to resolve migration "
		    "issues in a production database: https://pris.ly/d/migrate-resolve");
	mesdb_err_set_code(err, "P3009");
	mesdb_err_detail(err, "%s", d.buf);
	mesdb_err_hint(err, "if the failed migration left nothing behind (mesdb runs each migration "
		       "in one transaction), mark it rolled back: `mesdb migrate resolve --rolled-back "
		       "\"%s\"`, fix it and deploy again; if you completed it by hand: `mesdb migrate "
		       "resolve --applied \"%s\"`", first, first);
	strbuf_release(&d);
	return -1;
}

int migrate_check_deployable(const struct migrate_ctx *x, const struct history *h,
			     struct mesdb_err *err)
{
	size_t i;

	if (!h->table_exists) {
		const char *const *schemas;
		size_t nschemas = migrate_ctx_schemas(x, &schemas);
		char *first = NULL;
		bool empty;
		if (history_schema_is_empty(x->conn, schemas, nschemas, &empty, &first, err) < 0)
			return -1;
		if (!empty) {
			mesdb_error(err, MESDB_E_REFUSED, "the database schema is not empty. Read more "
				    "about how to baseline an existing production database: "
				    "https://pris.ly/d/migrate-baseline");
			mesdb_err_set_code(err, "P3005");
			mesdb_err_detail(err, "database \"%s\" has tables (%s, ...) but no "
					 MIGRATIONS_TABLE " table: it is not managed by migrations",
					 pg_conn_database(x->conn), first);
			if (x->migs.nr)
				mesdb_err_hint(err, "baseline it: if the database already matches migration "
					       "`%s`, run `mesdb migrate resolve --applied \"%s\"` (or "
					       "`mesdb migrate baseline`), then deploy",
					       x->migs.items[0].name, x->migs.items[0].name);
			else
				mesdb_err_hint(err, "baseline it with `mesdb migrate baseline`");
			free(first);
			return -1;
		}
	}
	for (i = 0; i < h->nr; i++)
		if (history_row_failed(&h->rows[i]))
			return failed_migrations_error(h, err);
	return 0;
}

int mesdb_migrate_deploy(const struct mesdb_migrate_opts *opts, const struct mesdb_sink *sink,
			 struct mesdb_err *err)
{
	struct migrate_ctx x;
	struct history h;
	struct applied *done = NULL;
	struct apply_report rep;
	struct strbuf sb = STRBUF_INIT;
	size_t ndone = 0, i;
	int ret = -1;

	history_init(&h);
	apply_report_init(&rep);
	if (migrate_ctx_open(&x, opts, sink, true, err) < 0)
		goto out;
	migrate_print_found(&x, sink);

	if (history_load(x.conn, &h, err) < 0)
		goto out;
	if (migrate_check_deployable(&x, &h, err) < 0)
		goto out;
	if (!h.table_exists && history_create_table(x.conn, err) < 0)
		goto out;
	warn_history(&x, &h, sink);

	sink_out(sink, "\n");
	done = xcalloc(x.migs.nr ? x.migs.nr : 1, sizeof(*done));
	for (i = 0; i < x.migs.nr; i++) {
		const struct migration *m = &x.migs.items[i];
		if (history_find_active(&h, m->name))
			continue;
		strbuf_reset(&sb);
		strbuf_addf(&sb, "Applying migration `%s`\n", m->name);
		migrate_plan(m, pg_server_version(x.conn), &rep);
		if (!rep.transactional)
			strbuf_addf(&sb, "note: `%s` cannot run in a transaction (%s, line %u of "
				    "migration.sql): applying it statement by statement\n", m->name,
				    rep.reason.buf, rep.reason_line);
		sink_note(sink, sb.buf);
		if (migrate_apply(x.conn, m, &rep, err) < 0) {
			if (ndone) {
				print_applied(sink, done, ndone);
				sink_out(sink, "\n");
			}
			goto out;
		}
		done[ndone].m = m;
		done[ndone].ms = rep.ms;
		done[ndone].transactional = rep.transactional;
		ndone++;
	}
	if (!ndone) {
		sink_out(sink, "No pending migrations to apply.\n");
	} else {
		print_applied(sink, done, ndone);
		sink_out(sink, "\nAll migrations have been successfully applied.\n");
	}
	ret = 0;
out:
	free(done);
	strbuf_release(&sb);
	apply_report_release(&rep);
	history_release(&h);
	migrate_ctx_close(&x);
	return ret;
}
