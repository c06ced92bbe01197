/* migrate_dev.c - mesdb migrate dev / reset / rollback / baseline: migrations during development */
/*
 * dev: the state of the history is found by replaying the applied
 * migrations in one rolled-back transaction (migrate_replay.h) and compared
 * with the live database (drift); pending migrations are applied, the
 * history's state is diffed with the schema into a new migration.sql (and
 * its reverse into down.sql), which is applied like deploy applies.
 */
#include "db_common.h"
#include "migrate_common.h"
#include "migrate_replay.h"
#include "schema_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/fs.h"
#include "base/xalloc.h"
#include "migrate/sqlsplit.h"
#include "calc/calc.h"
#include "diff/diff.h"
#include "render/render.h"

#define BULLET "\xe2\x80\xa2"
#define TREE "\xe2\x94\x94\xe2\x94\x80"
#define RESET_HINT "in development, `mesdb migrate reset` drops the database's schemas and " \
	"re-applies every migration (all data is lost)"

/* The SQL schema the datamodel wants, its default namespace being the connection's schema. */
static int ctx_calc(const struct migrate_ctx *x, struct sqlschema *out, struct mesdb_err *err)
{
	const char *ns = pg_conn_schema(x->conn);

	if (calc_schema_ast(&x->schema, &x->db, out, err) < 0)
		return -1;
	if (!calc_multi_schema(&x->db) && ns && strcmp(ns, CALC_DEFAULT_NAMESPACE) &&
	    out->nnamespaces == 1) {
		out->namespaces[0].name = arena_strdup(&out->arena, ns);
		sqlschema_reindex(out);
	}
	return 0;
}

/* Apply one migration with deploy's machinery, printing "Applying migration `X`". */
static int apply_one(struct migrate_ctx *x, const struct migration *m, const struct mesdb_sink *sink,
		     struct mesdb_err *err)
{
	struct apply_report rep;
	struct strbuf sb = STRBUF_INIT;
	int ret;

	apply_report_init(&rep);
	strbuf_addf(&sb, "Applying migration `%s`\n", m->name);
	migrate_plan(m, pg_server_version(x->conn), &rep);
	if (!rep.transactional)
		strbuf_addf(&sb, "note: `%s` cannot run in a transaction (%s, line %u of "
			    "migration.sql): applying it statement by statement\n", m->name,
			    rep.reason.buf, rep.reason_line);
	sink_note(sink, sb.buf);
	ret = migrate_apply(x->conn, m, &rep, err);
	apply_report_release(&rep);
	strbuf_release(&sb);
	return ret;
}

static void print_tree(const struct mesdb_sink *sink, const char *title,
		       const struct migration *const *list, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "\n%s\n\nmigrations/\n", title);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sb, "  " TREE " %s/\n    " TREE " migration.sql\n", list[i]->name);
	sink_out(sink, sb.buf);
	strbuf_release(&sb);
}

/* Ensure _prisma_migrations exists. */
static int ensure_table(struct migrate_ctx *x, const struct history *h, struct mesdb_err *err)
{
	return h->table_exists ? 0 : history_create_table(x->conn, err);
}

/* Failed rows, edited or vanished applied migrations: -1 with the explanation. */
static int check_history(const struct migrate_ctx *x, const struct history *h,
			 struct mesdb_err *err)
{
	struct strbuf d = STRBUF_INIT;
	bool failed = false;

	for (size_t i = 0; i < h->nr; i++) {
		const struct history_row *r = &h->rows[i];
		const struct migration *m;
		if (r->rolled_back)
			continue;
		if (history_row_failed(r)) {
			strbuf_addf(&d, "%smigration `%s` failed (started at %s)", d.len ? "\n" : "",
				    r->name, r->started_at);
			failed = true;
			continue;
		}
		m = migrations_find(&x->migs, r->name);
		if (!m)
			strbuf_addf(&d, "%smigration `%s` is applied to the database but missing from %s",
				    d.len ? "\n" : "", r->name, x->migrations_dir);
		else if (!migration_matches_stored(m, r->checksum))
			strbuf_addf(&d, "%smigration `%s` was modified after it was applied (the "
				    "checksum of %s differs from the one in _prisma_migrations)",
				    d.len ? "\n" : "", r->name, m->script_path);
	}
	if (!d.len) {
		strbuf_release(&d);
		return 0;
	}
	mesdb_error(err, MESDB_E_REFUSED, failed ? "the database has failed migrations: no new "
		    "migration was created" : "the migration history of the database does not match "
		    "the migrations folder: no new migration was created");
	mesdb_err_detail(err, "%s", d.buf);
	mesdb_err_hint(err, RESET_HINT "; or restore the migrations as they were applied");
	strbuf_release(&d);
	return -1;
}

/* The folder's migrations that the database has applied (folder order). */
static size_t applied_list(const struct migrate_ctx *x, const struct history *h,
			   const struct migration **list)
{
	size_t n = 0;

	for (size_t i = 0; i < x->migs.nr; i++)
		if (history_find_active(h, x->migs.items[i].name))
			list[n++] = &x->migs.items[i];
	return n;
}

/* <UTC YYYYMMDDHHMMSS>_<slug>, the timestamp later than every existing migration's. */
static void new_migration_name(const struct migrate_ctx *x, const char *name, struct strbuf *out)
{
	time_t now = time(NULL);
	struct tm tm;
	char ts[32];
	size_t limit;

	for (size_t i = 0; i < x->migs.nr; i++) {
		const char *e = x->migs.items[i].name;
		struct tm et;
		size_t k;
		for (k = 0; k < 14 && e[k] >= '0' && e[k] <= '9'; k++)
			;
		if (k < 14)
			continue;
		memset(&et, 0, sizeof(et));
		if (sscanf(e, "%4d%2d%2d%2d%2d%2d", &et.tm_year, &et.tm_mon, &et.tm_mday, &et.tm_hour,
			   &et.tm_min, &et.tm_sec) != 6)
			continue;
		et.tm_year -= 1900;
		et.tm_mon -= 1;
		if (timegm(&et) >= now)
			now = timegm(&et) + 1;
	}
	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y%m%d%H%M%S", &tm);
	strbuf_addf(out, "%s_", ts);
	limit = MIGRATION_NAME_MAX;
	for (const char *p = name; *p && out->len < limit; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			strbuf_addch(out, c);
		else if (out->buf[out->len - 1] != '_')
			strbuf_addch(out, '_');
	}
	while (out->len > 15 && out->buf[out->len - 1] == '_')
		strbuf_setlen(out, out->len - 1);
}

/* Write <dir>/<name>/migration.sql and down.sql, and migration_lock.toml when missing. */
static int write_migration(const struct migrate_ctx *x, const char *name, const struct strbuf *up,
			   const struct strbuf *down, struct mesdb_err *err)
{
	struct strbuf path = STRBUF_INIT;
	int ret = -1;

	fs_path_join(&path, x->migrations_dir, name);
	if (fs_mkdir_p(path.buf, 0755, err) < 0)
		goto out;
	strbuf_addstr(&path, "/migration.sql");
	if (fs_write_file(path.buf, up->buf, up->len, 0644, err) < 0)
		goto out;
	strbuf_setlen(&path, path.len - strlen("migration.sql"));
	strbuf_addstr(&path, "down.sql");
	if (fs_write_file(path.buf, down->buf, down->len, 0644, err) < 0)
		goto out;
	if (!x->migs.has_lock_file &&
	    migration_lock_write(x->migrations_dir, "postgresql", err) < 0)
		goto out;
	ret = 0;
out:
	strbuf_release(&path);
	return ret;
}

static bool is_extension_step(enum diff_step_kind k)
{
	return k == DIFF_CREATE_EXTENSION || k == DIFF_DROP_EXTENSION || k == DIFF_ALTER_EXTENSION;
}

/*
 * The extension steps of the down script. The reverse diff compares the
 * schema with the described history, which has extensions the datamodel
 * does not list (plpgsql...): it would create those, and it never drops
 * the ones up creates (diffs never drop unlisted extensions). So: no
 * CREATE EXTENSION but for one up dropped, and a DROP EXTENSION, after
 * everything else (tables may use its types), for each one up created.
 */
static void fix_extension_steps(const struct plan *up, struct plan *rev)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < rev->nsteps; i++) {
		const struct diff_step *st = &rev->steps[i];
		bool keep = !is_extension_step(st->kind);
		for (uint32_t k = 0; !keep && k < up->nsteps; k++) {
			const struct diff_step *u = &up->steps[k];
			if (st->kind == DIFF_CREATE_EXTENSION && u->kind == DIFF_DROP_EXTENSION)
				keep = !strcmp(rev->to->extensions[st->next].name,
					       up->from->extensions[u->prev].name);
			else if (st->kind == DIFF_ALTER_EXTENSION && u->kind == DIFF_ALTER_EXTENSION)
				keep = !strcmp(rev->to->extensions[st->next].name,
					       up->to->extensions[u->next].name);
		}
		if (keep)
			rev->steps[n++] = rev->steps[i];
	}
	rev->nsteps = n;
	for (uint32_t k = 0; k < up->nsteps; k++) {
		struct diff_step *d;
		if (up->steps[k].kind != DIFF_CREATE_EXTENSION)
			continue;
		/* rev->from is up->to: the extension's id there is the same */
		ALLOC_GROW(rev->steps, rev->nsteps + 1, rev->asteps);
		d = &rev->steps[rev->nsteps++];
		memset(d, 0, sizeof(*d));
		d->kind = DIFF_DROP_EXTENSION;
		d->prev = up->steps[k].next;
		d->next = d->table_prev = d->table_next = SQL_NONE;
	}
}

/*
 * Diffs never drop schemas, so the reverse of a CREATE SCHEMA is written
 * here: a DROP SCHEMA (not CASCADE: it fails, and the rollback with it,
 * when something else lives there now) per schema up creates, after
 * everything else. Appended to down (a script already there gets a blank
 * line first). Returns whether up creates any schema.
 */
static bool add_drop_schemas(const struct plan *up, struct strbuf *down)
{
	bool any = false;

	for (uint32_t i = 0; i < up->nsteps; i++) {
		if (up->steps[i].kind != DIFF_CREATE_SCHEMA)
			continue;
		if (down->len)
			strbuf_addch(down, '\n');
		strbuf_addstr(down, "-- DropSchema\nDROP SCHEMA ");
		sql_quote_ident(down, up->to->namespaces[up->steps[i].next].name);
		strbuf_addstr(down, ";\n");
		any = true;
	}
	return any;
}

/* Render the up script (with messages) and the down script of plan. */
static int render_pair(const struct plan *plan, const struct diff_messages *msgs,
		       struct strbuf *up, struct strbuf *down, struct mesdb_err *err)
{
	struct render_opts ro = RENDER_OPTS_INIT;
	struct plan rev;
	int ret = -1;

	plan_init(&rev);
	ro.messages = msgs;
	render_script(plan, &ro, up);
	if (diff_reverse(plan, &rev, err) < 0)
		goto out;
	fix_extension_steps(plan, &rev);
	if (rev.nsteps || !add_drop_schemas(plan, down))
		render_script(&rev, NULL, down);
	if (rev.nsteps)
		add_drop_schemas(plan, down);
	ret = 0;
out:
	plan_release(&rev);
	return ret;
}

static int reload(struct migrate_ctx *x, struct mesdb_err *err)
{
	migrations_release(&x->migs);
	migrations_init(&x->migs);
	return migrations_load(&x->migs, x->migrations_dir, err);
}

static void add_messages(struct strbuf *sb, const struct diff_message *m, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		strbuf_addf(sb, "  " BULLET " %s\n", m[i].text);
}

int mesdb_migrate_dev(const struct mesdb_migrate_dev_opts *opts, const struct mesdb_sink *sink,
		      struct mesdb_err *err)
{
	struct migrate_ctx x;
	struct history h;
	struct sqlschema hist, target;
	struct diff_opts dopts = DIFF_OPTS_INIT;
	struct diff_messages msgs;
	struct plan plan;
	struct strbuf name = STRBUF_INIT, up = STRBUF_INIT, down = STRBUF_INIT, sb = STRBUF_INIT;
	struct strbuf drift_sql = STRBUF_INIT;
	const struct migration **list = NULL, **pending = NULL;
	const struct migration *created;
	size_t napplied, npending = 0;
	uint32_t ndrift = 0;
	bool multi;
	int ret = -1;

	if (!opts->name || !*opts->name) {
		mesdb_error(err, MESDB_E_USAGE, "migrate dev needs a name for the migration (--name)");
		return -1;
	}
	history_init(&h);
	sqlschema_init(&hist);
	sqlschema_init(&target);
	plan_init(&plan);
	diff_messages_init(&msgs);
	if (migrate_ctx_open(&x, &opts->base, sink, true, err) < 0)
		goto out;
	multi = calc_multi_schema(&x.db);
	if (history_load(x.conn, &h, err) < 0 || check_history(&x, &h, err) < 0)
		goto out;

	/* drift: what the applied migrations produce vs the live database */
	list = xcalloc(x.migs.nr + 1, sizeof(*list));
	pending = xcalloc(x.migs.nr + 1, sizeof(*pending));
	napplied = applied_list(&x, &h, list);
	if (migrate_ctx_drift(&x, list, napplied, sink, &hist, &ndrift, &drift_sql, err) < 0)
		goto out;
	if (ndrift) {
		strbuf_addstr(&sb, "the SQL that turns the migration history into the database as it "
			      "is:\n\n");
		strbuf_addbuf(&sb, &drift_sql);
		mesdb_error(err, MESDB_E_REFUSED, "Drift detected: Your database schema is not in sync "
			    "with your migration history.");
		mesdb_err_detail(err, "%s", sb.buf);
		mesdb_err_hint(err, "the database was changed outside the migrations (db push, by hand); "
			       RESET_HINT ", or turn the change into a migration by hand");
		goto out;
	}

	/* pending migrations first, as Prisma does */
	if (ensure_table(&x, &h, err) < 0)
		goto out;
	for (size_t i = 0; i < x.migs.nr; i++) {
		const struct migration *m = &x.migs.items[i];
		if (history_find_active(&h, m->name))
			continue;
		if (apply_one(&x, m, sink, err) < 0)
			goto out;
		pending[npending++] = m;
	}
	if (npending) {
		print_tree(sink, "The following migration(s) have been applied:", pending, npending);
		sqlschema_release(&hist);
		sqlschema_init(&hist);
		for (size_t i = 0; i < x.migs.nr; i++)
			list[i] = &x.migs.items[i];
		if (migrate_ctx_replay(&x, list, x.migs.nr, sink, &hist, err) < 0)
			goto out;
	}

	/* the new migration: history -> schema */
	if (ctx_calc(&x, &target, err) < 0)
		goto out;
	dopts = (struct diff_opts)DIFF_OPTS_INIT;
	diff_opts_migration(&dopts);
	dopts.qualify_from = dopts.qualify_to = multi;
	if (diff_schemas(&hist, &target, &dopts, &plan, err) < 0)
		goto out;
	if (!plan.nsteps) {
		sink_out(sink, npending ? "\nYour database is now in sync with your schema.\n" :
			 "Already in sync, no schema change or pending migration was found.\n");
		ret = 0;
		goto out;
	}
	if (db_fill_counts(x.conn, &plan, err) < 0) {
		mesdb_err_prefix(err, "could not check the data");
		goto out;
	}
	diff_evaluate(&plan, &msgs);
	if (!opts->create_only && (msgs.nwarnings || msgs.nunexecutable)) {
		strbuf_reset(&sb);
		if (msgs.nwarnings) {
			strbuf_addstr(&sb, "\n\xe2\x9a\xa0\xef\xb8\x8f  Warnings for the current "
				      "datasource:\n\n");
			add_messages(&sb, msgs.warnings, msgs.nwarnings);
		}
		if (msgs.nunexecutable) {
			strbuf_addstr(&sb, "\n\xe2\x9a\xa0\xef\xb8\x8f We found changes that cannot be "
				      "executed:\n\n");
			add_messages(&sb, msgs.unexecutable, msgs.nunexecutable);
		}
		sink_out(sink, sb.buf);
		if (msgs.nunexecutable ||
		    !(opts->confirm && opts->confirm(opts->confirm_ctx, "Are you sure you want to "
						     "create and apply this migration?"))) {
			mesdb_error(err, MESDB_E_REFUSED, "the migration was not created");
			mesdb_err_hint(err, "create it with --create-only, review and edit its "
				       "migration.sql, then apply it with `mesdb migrate dev` or "
				       "`mesdb migrate deploy`");
			goto out;
		}
	}
	if (render_pair(&plan, &msgs, &up, &down, err) < 0)
		goto out;
	new_migration_name(&x, opts->name, &name);
	if (write_migration(&x, name.buf, &up, &down, err) < 0 || reload(&x, err) < 0)
		goto out;
	created = migrations_find(&x.migs, name.buf);
	if (!created) {
		mesdb_error(err, MESDB_E_INTERNAL, "the new migration `%s` could not be read back",
			    name.buf);
		goto out;
	}
	if (opts->create_only) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "Prisma Migrate created the following migration without applying it "
			    "%s\n\nYou can now edit it and apply it by running mesdb migrate dev.\n",
			    name.buf);
		sink_out(sink, sb.buf);
		ret = 0;
		goto out;
	}
	sink_out(sink, "\n");
	if (apply_one(&x, created, sink, err) < 0)
		goto out;
	print_tree(sink, "The following migration(s) have been created and applied from new "
		   "schema changes:", &created, 1);
	sink_out(sink, "\nYour database is now in sync with your schema.\n");
	ret = 0;
out:
	free(list);
	free(pending);
	strbuf_release(&name);
	strbuf_release(&up);
	strbuf_release(&down);
	strbuf_release(&sb);
	diff_messages_release(&msgs);
	strbuf_release(&drift_sql);
	plan_release(&plan);
	sqlschema_release(&target);
	sqlschema_release(&hist);
	history_release(&h);
	migrate_ctx_close(&x);
	return ret;
}

/* ---- reset ---- */

static int run_seed(struct migrate_ctx *x, const struct mesdb_sink *sink, struct mesdb_err *err)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT, sb = STRBUF_INIT;
	size_t n = strlen(x->migrations_dir);
	int ret = -1;

	strbuf_add(&path, x->migrations_dir, n - strlen("migrations"));
	strbuf_addstr(&path, "seed.sql");
	if (!fs_is_file(path.buf)) {
		ret = 0;
		goto out;
	}
	if (fs_read_file(path.buf, &text, err) < 0)
		goto out;
	strbuf_addf(&sb, "\nRunning seed from %s ...\n", path.buf);
	sink_out(sink, sb.buf);
	if (pg_begin(x->conn, err) < 0)
		goto out;
	if (pg_exec(x->conn, text.buf, NULL, err) < 0) {
		pg_rollback(x->conn, NULL);
		mesdb_err_prefix(err, "the seed %s failed (nothing of it was kept)", path.buf);
		goto out;
	}
	if (pg_commit(x->conn, err) < 0)
		goto out;
	sink_out(sink, "\n\xf0\x9f\x8c\xb1  The seed command has been executed.\n");
	ret = 0;
out:
	strbuf_release(&path);
	strbuf_release(&text);
	strbuf_release(&sb);
	return ret;
}

int mesdb_migrate_reset(const struct mesdb_migrate_dev_opts *opts, const struct mesdb_sink *sink,
			struct mesdb_err *err)
{
	struct migrate_ctx x;
	struct strbuf sb = STRBUF_INIT, sql = STRBUF_INIT;
	const struct migration **list = NULL;
	const char *const *names;
	const char *one;
	size_t nnames;
	int ret = -1;

	if (migrate_ctx_open(&x, &opts->base, sink, true, err) < 0)
		goto out;
	nnames = migrate_ctx_schemas(&x, &names);
	one = pg_conn_schema(x.conn);
	if (!nnames) {
		names = &one;
		nnames = 1;
	}
	if (!opts->force) {
		strbuf_addf(&sb, "We need to reset the PostgreSQL database \"%s\" schema%s ",
			    pg_conn_database(x.conn), nnames > 1 ? "s" : "");
		for (size_t i = 0; i < nnames; i++)
			strbuf_addf(&sb, "%s\"%s\"", i ? ", " : "", names[i]);
		strbuf_addf(&sb, " at \"%s:%s\"\nAll data will be lost. Do you want to continue?",
			    pg_conn_host(x.conn), pg_conn_port(x.conn));
		if (!opts->confirm || !opts->confirm(opts->confirm_ctx, sb.buf)) {
			mesdb_error(err, MESDB_E_REFUSED, "the reset was not confirmed: nothing was "
				    "dropped");
			mesdb_err_hint(err, "without a terminal to ask on, pass --force: `mesdb migrate "
				       "reset --force` (all data is lost)");
			goto out;
		}
	}
	for (size_t i = 0; i < nnames; i++) {
		strbuf_addstr(&sql, "DROP SCHEMA IF EXISTS ");
		sql_quote_ident(&sql, names[i]);
		strbuf_addstr(&sql, " CASCADE;\nCREATE SCHEMA ");
		sql_quote_ident(&sql, names[i]);
		strbuf_addstr(&sql, ";\n");
	}
	if (pg_begin(x.conn, err) < 0 || pg_exec(x.conn, sql.buf, NULL, err) < 0 ||
	    pg_commit(x.conn, err) < 0) {
		mesdb_err_prefix(err, "could not reset the database");
		goto out;
	}
	if (history_create_table(x.conn, err) < 0)
		goto out;
	list = xcalloc(x.migs.nr + 1, sizeof(*list));
	for (size_t i = 0; i < x.migs.nr; i++) {
		if (apply_one(&x, &x.migs.items[i], sink, err) < 0)
			goto out;
		list[i] = &x.migs.items[i];
	}
	sink_out(sink, "\nDatabase reset successful\n");
	if (x.migs.nr)
		print_tree(sink, "The following migration(s) have been applied:", list, x.migs.nr);
	if (!opts->skip_seed && run_seed(&x, sink, err) < 0)
		goto out;
	ret = 0;
out:
	free(list);
	strbuf_release(&sb);
	strbuf_release(&sql);
	migrate_ctx_close(&x);
	return ret;
}

/* ---- rollback ---- */

/*
 * Run the down.sql (text, at path) of migration m and mark its row r rolled
 * back: in one transaction with the row, or, when the script cannot run in
 * one (sqlsplit.h: CONCURRENTLY, an enum value added and then used...),
 * statement by statement, the row marked after the last one. *tx says which.
 */
static int run_down(struct migrate_ctx *x, const struct migration *m, const struct history_row *r,
		    const struct strbuf *path, const struct strbuf *text,
		    const struct mesdb_sink *sink, bool *tx, struct mesdb_err *err)
{
	struct migration down;
	struct apply_report rep;
	struct sql_script sc = SQL_SCRIPT_INIT;
	struct strbuf stmt = STRBUF_INIT, sb = STRBUF_INIT;
	int ret = -1;

	memset(&down, 0, sizeof(down));
	down.name = m->name;
	down.script_path = path->buf;
	down.script = text->buf;
	down.script_len = text->len;
	apply_report_init(&rep);
	migrate_plan(&down, pg_server_version(x->conn), &rep);
	*tx = rep.transactional;
	if (rep.transactional) {
		if (pg_begin(x->conn, err) < 0)
			goto out;
		if (pg_exec(x->conn, text->buf, NULL, err) < 0 ||
		    history_mark_rolled_back(x->conn, r->id, err) < 0) {
			pg_rollback(x->conn, NULL);
			mesdb_err_prefix(err, "the down.sql of `%s` failed (the database is as before "
					 "it)", m->name);
			goto out;
		}
		ret = pg_commit(x->conn, err);
		goto out;
	}
	strbuf_addf(&sb, "note: the down.sql of `%s` cannot run in a transaction (%s, line %u): "
		    "running it statement by statement\n", m->name, rep.reason.buf, rep.reason_line);
	sink_note(sink, sb.buf);
	sql_split(text->buf, text->len, &sc);
	for (size_t i = 0; i < sc.nr; i++) {
		strbuf_reset(&stmt);
		strbuf_add(&stmt, text->buf + sc.stmts[i].start, sc.stmts[i].len);
		if (pg_exec(x->conn, stmt.buf, NULL, err) < 0) {
			pg_rollback(x->conn, NULL);
			mesdb_err_prefix(err, "the down.sql of `%s` failed at its statement %zu (line %u)",
					 m->name, i + 1, sc.stmts[i].line);
			mesdb_err_hint(err, "the %zu statement%s before it stay applied and the migration "
				       "still counts as applied: run the rest of %s by hand, then mark "
				       "it with `UPDATE _prisma_migrations SET rolled_back_at = now() "
				       "WHERE id = '%s'`", i, i == 1 ? "" : "s", path->buf, r->id);
			goto out;
		}
	}
	if (pg_in_transaction(x->conn)) {
		/* a BEGIN without COMMIT: do not commit on the script's behalf */
		pg_rollback(x->conn, NULL);
		mesdb_error(err, MESDB_E_QUERY, "the down.sql of `%s` left a transaction open (BEGIN "
			    "without COMMIT): its open part was rolled back, the migration still "
			    "counts as applied", m->name);
		goto out;
	}
	ret = history_mark_rolled_back(x->conn, r->id, err);
out:
	strbuf_release(&stmt);
	strbuf_release(&sb);
	sql_script_release(&sc);
	apply_report_release(&rep);
	return ret;
}

int mesdb_migrate_rollback(const struct mesdb_migrate_dev_opts *opts,
			   const struct mesdb_sink *sink, struct mesdb_err *err)
{
	struct migrate_ctx x;
	struct history h;
	struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT, text = STRBUF_INIT;
	const struct migration **list = NULL;
	size_t napplied, from, i;
	int ret = -1;

	if (opts->to && opts->steps) {
		mesdb_error(err, MESDB_E_USAGE, "pass either --to or --steps, not both");
		return -1;
	}
	history_init(&h);
	if (migrate_ctx_open(&x, &opts->base, sink, true, err) < 0)
		goto out;
	if (history_load(x.conn, &h, err) < 0)
		goto out;
	for (i = 0; i < h.nr; i++) {
		if (history_row_failed(&h.rows[i])) {
			mesdb_error(err, MESDB_E_REFUSED, "migration `%s` failed: nothing was rolled "
				    "back", h.rows[i].name);
			mesdb_err_hint(err, "resolve it first: `mesdb migrate resolve --rolled-back "
				       "\"%s\"`", h.rows[i].name);
			goto out;
		}
	}
	list = xcalloc(x.migs.nr + 1, sizeof(*list));
	napplied = applied_list(&x, &h, list);
	if (opts->to) {
		for (i = 0; i < napplied; i++)
			if (!strcmp(list[i]->name, opts->to))
				break;
		if (i == napplied) {
			mesdb_error(err, MESDB_E_REFUSED, "migration `%s` is not applied to the "
				    "database: nothing was rolled back", opts->to);
			goto out;
		}
		from = i + 1;
	} else {
		size_t steps = opts->steps ? opts->steps : 1;
		if (steps > napplied) {
			mesdb_error(err, MESDB_E_REFUSED, "%zu migration%s to roll back, but only %zu "
				    "applied: nothing was rolled back", steps, steps > 1 ? "s" : "",
				    napplied);
			goto out;
		}
		from = napplied - steps;
	}
	if (from == napplied) {
		sink_out(sink, "\nNo migration to roll back.\n");
		ret = 0;
		goto out;
	}
	for (i = from; i < napplied; i++)
		if (!list[i]->has_down)
			strbuf_addf(&sb, "%s%s", sb.len ? ", " : "", list[i]->name);
	if (sb.len) {
		mesdb_error(err, MESDB_E_REFUSED, "no down.sql for migration(s) %s: nothing was "
			    "rolled back", sb.buf);
		mesdb_err_hint(err, "write their down.sql (the SQL that undoes migration.sql) beside "
			       "migration.sql");
		goto out;
	}
	sink_out(sink, "\n");
	for (i = napplied; i-- > from;) {
		const struct migration *m = list[i];
		const struct history_row *r = history_find_active(&h, m->name);
		double t0 = db_now_ms();
		bool tx;
		strbuf_reset(&path);
		strbuf_reset(&text);
		fs_path_join(&path, x.migrations_dir, m->name);
		strbuf_addstr(&path, "/down.sql");
		if (fs_read_file(path.buf, &text, err) < 0)
			goto out;
		if (run_down(&x, m, r, &path, &text, sink, &tx, err) < 0)
			goto out;
		strbuf_reset(&sb);
		strbuf_addf(&sb, "Rolled back migration `%s` (%.0f ms%s)\n", m->name, db_now_ms() - t0,
			    tx ? "" : ", statement by statement");
		sink_out(sink, sb.buf);
	}
	strbuf_reset(&sb);
	strbuf_addf(&sb, "\n%zu migration%s rolled back; `mesdb migrate deploy` applies %s again.\n",
		    napplied - from, napplied - from > 1 ? "s" : "", napplied - from > 1 ? "them" : "it");
	sink_out(sink, sb.buf);
	ret = 0;
out:
	free(list);
	strbuf_release(&sb);
	strbuf_release(&path);
	strbuf_release(&text);
	history_release(&h);
	migrate_ctx_close(&x);
	return ret;
}

/* ---- baseline ---- */

int mesdb_migrate_baseline(const struct mesdb_migrate_dev_opts *opts,
			   const struct mesdb_sink *sink, struct mesdb_err *err)
{
	struct migrate_ctx x;
	struct history h;
	struct sqlschema empty, target;
	struct diff_opts dopts = DIFF_OPTS_INIT;
	struct diff_messages msgs;
	struct plan plan;
	struct strbuf up = STRBUF_INIT, down = STRBUF_INIT, sb = STRBUF_INIT;
	const char *name = opts->name && *opts->name ? opts->name : "0_init";
	const struct migration *m;
	int ret = -1;

	if (strchr(name, '/') || strlen(name) > MIGRATION_NAME_MAX || !strcmp(name, ".") ||
	    !strcmp(name, "..")) {
		mesdb_error(err, MESDB_E_USAGE, "\"%s\" is not a migration name", name);
		return -1;
	}
	history_init(&h);
	sqlschema_init(&empty);
	sqlschema_init(&target);
	plan_init(&plan);
	diff_messages_init(&msgs);
	if (migrate_ctx_open(&x, &opts->base, sink, true, err) < 0)
		goto out;
	if (x.migs.nr) {
		mesdb_error(err, MESDB_E_REFUSED, "%s already has %zu migration%s: nothing was "
			    "written", x.migrations_dir, x.migs.nr, x.migs.nr > 1 ? "s" : "");
		mesdb_err_hint(err, "baseline starts a history; to mark an existing migration applied "
			       "use `mesdb migrate resolve --applied NAME`");
		goto out;
	}
	if (history_load(x.conn, &h, err) < 0)
		goto out;
	if (ctx_calc(&x, &target, err) < 0)
		goto out;
	diff_opts_migration(&dopts);
	dopts.qualify_from = dopts.qualify_to = calc_multi_schema(&x.db);
	if (diff_schemas(&empty, &target, &dopts, &plan, err) < 0)
		goto out;
	if (render_pair(&plan, &msgs, &up, &down, err) < 0 ||
	    write_migration(&x, name, &up, &down, err) < 0 || reload(&x, err) < 0)
		goto out;
	m = migrations_find(&x.migs, name);
	if (!m) {
		mesdb_error(err, MESDB_E_INTERNAL, "the new migration `%s` could not be read back", name);
		goto out;
	}
	if (ensure_table(&x, &h, err) < 0 ||
	    history_insert_applied(x.conn, m->name, m->checksum, err) < 0)
		goto out;
	strbuf_addf(&sb, "\nWrote %s and marked it applied (it was not run).\n", m->script_path);
	sink_out(sink, sb.buf);
	ret = 0;
out:
	strbuf_release(&up);
	strbuf_release(&down);
	strbuf_release(&sb);
	diff_messages_release(&msgs);
	plan_release(&plan);
	sqlschema_release(&target);
	sqlschema_release(&empty);
	history_release(&h);
	migrate_ctx_close(&x);
	return ret;
}
