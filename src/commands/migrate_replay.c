/* migrate_replay.c - replay migrations in fresh schemas inside one rolled-back transaction */
/*
 * The state of a migration history is found by running its scripts in
 * fresh copies of the datasource's schemas inside one transaction that is
 * rolled back. Scripts that cannot run there (statements PostgreSQL
 * refuses in a transaction block, explicit COMMITs that would end the
 * replay's transaction, enum values added and used before a commit) are
 * found before anything runs, or by the server's SQLSTATE, and replayed
 * on the datasource's shadowDatabaseUrl instead, where each migration
 * commits as it would on a real database.
 */
#include "migrate_replay.h"
#include "schema_load.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "calc/calc.h"
#include "diff/diff.h"
#include "migrate/sqlsplit.h"
#include "render/render.h"

/* replay_tx(): the history needs commits between migrations */
#define NEEDS_COMMITS (-2)

#define SHADOW_HINT "set shadowDatabaseUrl in the datasource block to a scratch database " \
	"(mesdb replays the history there, each migration committed, and empties its schemas " \
	"afterwards); or, in development, `mesdb migrate reset` and a history whose scripts " \
	"run in a transaction"

/* Errors of a statement that needs to run outside (or after) a transaction block. */
static bool needs_commit_state(const char *sqlstate)
{
	return !strcmp(sqlstate, "25001") ||   /* active_sql_transaction */
	       !strcmp(sqlstate, "55P04") ||   /* unsafe_new_enum_value_usage */
	       !strcmp(sqlstate, "2D000") ||   /* invalid_transaction_termination */
	       !strcmp(sqlstate, "25P01");     /* no_active_sql_transaction */
}

/*
 * How each script runs in the replay's transaction. Most run whole. A
 * script that wraps statements in its own BEGIN ... COMMIT (as Prisma
 * writes enum changes) runs without those, statement by statement: the
 * replay's transaction gives the same atomicity, and its COMMIT must not
 * end the replay. Anything else that cannot run in a transaction block
 * (CONCURRENTLY, VACUUM, ROLLBACK, an enum value used after it is added
 * in the same script...) makes the history need commits: true, with the
 * first such script in *bad and the reason in why.
 */
struct replay_plan {
	struct sql_script *scripts;   /* per migration: the statements to run one by one, or none */
	bool *split;                  /* run scripts[i] statement by statement */
};

static void replay_plan_release(struct replay_plan *rp, size_t n)
{
	for (size_t i = 0; rp->scripts && i < n; i++)
		sql_script_release(&rp->scripts[i]);
	free(rp->scripts);
	free(rp->split);
}

static bool plan_replay(struct pg_conn *c, const struct migration *const *list, size_t n,
			struct replay_plan *rp, size_t *bad, struct strbuf *why)
{
	struct strbuf reason = STRBUF_INIT;
	bool needs_commits = false;

	rp->scripts = xcalloc(n + 1, sizeof(*rp->scripts));
	rp->split = xcalloc(n + 1, sizeof(*rp->split));
	for (size_t i = 0; i < n && !needs_commits; i++) {
		const struct migration *m = list[i];
		struct sql_script *sc = &rp->scripts[i];
		uint32_t line = 0;
		size_t k = 0;

		sql_split(m->script, m->script_len, sc);
		strbuf_reset(&reason);
		if (sql_script_transactional(sc, m->script, m->script_len, pg_server_version(c),
					     &reason, &line)) {
			sql_script_release(sc);
			continue;
		}
		for (size_t j = 0; j < sc->nr; j++)
			if (!sql_stmt_is_tx_boundary(&sc->stmts[j]))
				sc->stmts[k++] = sc->stmts[j];
		if (k < sc->nr) {
			sc->nr = k;
			strbuf_reset(&reason);
			if (sql_script_transactional(sc, m->script, m->script_len,
						     pg_server_version(c), &reason, &line)) {
				rp->split[i] = true;
				continue;
			}
		}
		*bad = i;
		strbuf_addf(why, "%s, line %u of migration.sql", reason.buf, line);
		needs_commits = true;
	}
	strbuf_release(&reason);
	return needs_commits;
}

/* Run migration m of the replay (plan rp, index i) inside the open transaction. */
static int replay_one(struct pg_conn *c, const struct migration *m, const struct replay_plan *rp,
		      size_t i, struct mesdb_err *err)
{
	struct strbuf stmt = STRBUF_INIT;
	int ret = 0;

	if (!rp->split[i])
		return pg_exec(c, m->script, NULL, err);
	for (size_t j = 0; j < rp->scripts[i].nr && ret == 0; j++) {
		const struct sql_stmt *st = &rp->scripts[i].stmts[j];
		strbuf_reset(&stmt);
		strbuf_add(&stmt, m->script + st->start, st->len);
		ret = pg_exec(c, stmt.buf, NULL, err);
	}
	strbuf_release(&stmt);
	return ret;
}

/*
 * The schemas a replay works in: names, plus the connection's schema when
 * names lacks it (unqualified statements of the scripts land there).
 * *n gets the count; the array is heap (caller frees), the strings not.
 */
static const char **replay_schemas(struct pg_conn *c, const char *const *names, uint32_t nnames,
				   uint32_t *n)
{
	const char *conn = pg_conn_schema(c);
	const char **all = xcalloc(nnames + 1, sizeof(*all));
	bool have = false;

	for (uint32_t i = 0; i < nnames; i++) {
		all[i] = names[i];
		have |= !strcmp(names[i], conn);
	}
	*n = nnames;
	if (!have)
		all[(*n)++] = conn;
	return all;
}

/*
 * Inside the caller's transaction, make the database look like an empty
 * one for the replay: every schema of the replay that exists is renamed
 * away, and only the connection's schema is created again (an empty
 * database has it, like "public"); the scripts create the others, as
 * they would on Prisma's shadow database.
 */
static int fresh_schemas(struct pg_conn *c, const char *const *names, uint32_t nnames,
			 struct mesdb_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	const char **all;
	uint32_t n;
	int ret = -1;

	all = replay_schemas(c, names, nnames, &n);
	for (uint32_t i = 0; i < n; i++) {
		const char *param[1] = { all[i] };
		struct pg_result *r = NULL;
		bool exists;
		if (pg_exec_params(c, "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1", 1,
				   param, &r, err) < 0)
			goto out;
		exists = pg_result_rows(r) > 0;
		pg_result_free(r);
		strbuf_reset(&sql);
		if (exists) {
			struct strbuf tmp = STRBUF_INIT;
			strbuf_addf(&tmp, "mesdb_replay_%ld_%u", (long)getpid(), i);
			strbuf_addstr(&sql, "ALTER SCHEMA ");
			sql_quote_ident(&sql, all[i]);
			strbuf_addstr(&sql, " RENAME TO ");
			sql_quote_ident(&sql, tmp.buf);
			strbuf_addstr(&sql, ";\n");
			strbuf_release(&tmp);
		}
		if (!strcmp(all[i], pg_conn_schema(c))) {
			strbuf_addstr(&sql, "CREATE SCHEMA ");
			sql_quote_ident(&sql, all[i]);
		}
		if (sql.len && pg_exec(c, sql.buf, NULL, err) < 0) {
			mesdb_err_prefix(err, "could not prepare the schema \"%s\" to replay the "
					 "migrations", all[i]);
			goto out;
		}
	}
	ret = 0;
out:
	free(all);
	strbuf_release(&sql);
	return ret;
}

/*
 * The rolled-back replay. NEEDS_COMMITS (err empty, *bad and why filled)
 * when a script cannot run in it; -1 with err on other failures.
 */
static int replay_tx(struct pg_conn *c, const struct migration *const *list, size_t n,
		     const char *const *names, uint32_t nnames, struct sqlschema *out,
		     size_t *bad, struct strbuf *why, struct mesdb_err *err)
{
	const char *one = pg_conn_schema(c);
	struct replay_plan rp;
	int ret = -1;

	if (!nnames) {
		names = &one;
		nnames = 1;
	}
	memset(&rp, 0, sizeof(rp));
	if (plan_replay(c, list, n, &rp, bad, why)) {
		ret = NEEDS_COMMITS;
		goto out;
	}
	if (pg_begin(c, err) < 0)
		goto out;
	if (fresh_schemas(c, names, nnames, err) < 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		if (replay_one(c, list[i], &rp, i, err) < 0) {
			if (needs_commit_state(err->sqlstate)) {
				*bad = i;
				strbuf_addf(why, "%s", err->message ? err->message : err->sqlstate);
				mesdb_err_release(err);
				ret = NEEDS_COMMITS;
				goto out;
			}
			mesdb_err_prefix(err, "Migration `%s` failed to apply cleanly to the shadow "
					 "database", list[i]->name);
			mesdb_err_set_code(err, "P3006");
			goto out;
		}
	}
	if (pg_describe(c, names, nnames, out, err) < 0)
		goto out;
	ret = 0;
out:
	pg_rollback(c, NULL);
	replay_plan_release(&rp, n);
	return ret;
}

static void needs_commits_error(const struct migration *m, const char *why, struct mesdb_err *err)
{
	mesdb_error(err, MESDB_E_REFUSED, "migration `%s` cannot be replayed inside one "
		    "transaction (%s)", m->name, why);
	mesdb_err_detail(err, "mesdb finds the schema a migration history produces by replaying "
			 "it in a rolled-back transaction; %s needs to run outside a transaction "
			 "block, or after a commit", m->script_path);
}

int migrate_replay(struct pg_conn *c, const struct migration *const *list, size_t n,
		   const char *const *names, uint32_t nnames, struct sqlschema *out,
		   struct mesdb_err *err)
{
	struct strbuf why = STRBUF_INIT;
	size_t bad = 0;
	int ret;

	ret = replay_tx(c, list, n, names, nnames, out, &bad, &why, err);
	if (ret == NEEDS_COMMITS) {
		needs_commits_error(list[bad], why.buf, err);
		mesdb_err_hint(err, "replay the history on a scratch database where each migration "
			       "commits (Prisma's shadow database)");
		ret = -1;
	}
	strbuf_release(&why);
	return ret;
}

/* ---- the shadow database ---- */

/* Is shadow the very database c is connected to? */
static int same_database(struct pg_conn *c, struct pg_conn *shadow, bool *same,
			 struct mesdb_err *err)
{
	static const char q[] = "SELECT current_database() || '/' || "
		"coalesce(inet_server_port()::text, '') || '/' || pg_postmaster_start_time()::text";
	struct pg_result *a = NULL, *b = NULL;
	int ret = -1;

	if (pg_exec(c, q, &a, err) < 0 || pg_exec(shadow, q, &b, err) < 0)
		goto out;
	*same = !strcmp(pg_result_value(a, 0, 0), pg_result_value(b, 0, 0));
	ret = 0;
out:
	pg_result_free(a);
	pg_result_free(b);
	return ret;
}

/*
 * DROP SCHEMA IF EXISTS ... CASCADE for each name, then CREATE SCHEMA for
 * those recreate[i] says (NULL: only `keep`, the connection's schema).
 */
static int drop_schemas(struct pg_conn *s, const char *const *names, uint32_t nnames,
			const bool *recreate, const char *keep, struct mesdb_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	int ret;

	for (uint32_t i = 0; i < nnames; i++) {
		strbuf_addstr(&sql, "DROP SCHEMA IF EXISTS ");
		sql_quote_ident(&sql, names[i]);
		strbuf_addstr(&sql, " CASCADE;\n");
		if (recreate ? recreate[i] : !strcmp(names[i], keep)) {
			strbuf_addstr(&sql, "CREATE SCHEMA ");
			sql_quote_ident(&sql, names[i]);
			strbuf_addstr(&sql, ";\n");
		}
	}
	ret = pg_exec(s, sql.buf, NULL, err);
	strbuf_release(&sql);
	return ret;
}

/* Run one migration on the shadow database: one transaction, or statement by statement. */
static int shadow_apply(struct pg_conn *s, const struct migration *m, struct mesdb_err *err)
{
	struct apply_report rep;
	struct sql_script sc = SQL_SCRIPT_INIT;
	struct strbuf stmt = STRBUF_INIT;
	int ret = -1;

	apply_report_init(&rep);
	migrate_plan(m, pg_server_version(s), &rep);
	if (rep.transactional) {
		if (pg_begin(s, err) < 0)
			goto out;
		if (pg_exec(s, m->script, NULL, err) < 0 || pg_commit(s, err) < 0) {
			pg_rollback(s, NULL);
			goto fail;
		}
		ret = 0;
		goto out;
	}
	sql_split(m->script, m->script_len, &sc);
	for (size_t i = 0; i < sc.nr; i++) {
		strbuf_reset(&stmt);
		strbuf_add(&stmt, m->script + sc.stmts[i].start, sc.stmts[i].len);
		if (pg_exec(s, stmt.buf, NULL, err) < 0) {
			pg_rollback(s, NULL);
			goto fail;
		}
	}
	if (pg_in_transaction(s)) {
		/* a BEGIN without COMMIT: deploy does not commit on the script's behalf either */
		pg_rollback(s, NULL);
		mesdb_error(err, MESDB_E_QUERY, "the script left a transaction open (BEGIN without "
			    "COMMIT)");
		goto fail;
	}
	ret = 0;
	goto out;
fail:
	mesdb_err_prefix(err, "Migration `%s` failed to apply cleanly to the shadow database",
			 m->name);
	mesdb_err_set_code(err, "P3006");
out:
	strbuf_release(&stmt);
	sql_script_release(&sc);
	apply_report_release(&rep);
	return ret;
}

static int replay_shadow(struct migrate_ctx *x, const struct ws_url *url,
			 const struct migration *const *list, size_t n, const char *const *names,
			 uint32_t nnames, struct sqlschema *out, struct mesdb_err *err)
{
	struct pg_conn *s = NULL;
	const char *one = pg_conn_schema(x->conn);
	bool *existed = NULL, same = false, dirty = false;
	const char **all = NULL;
	uint32_t nall = 0;
	int ret = -1;

	if (pg_connect(&s, url->url, PG_DEFAULT_CONNECT_TIMEOUT_S, err) < 0) {
		mesdb_err_prefix(err, "could not connect to the shadow database (shadowDatabaseUrl)");
		goto out;
	}
	if (same_database(x->conn, s, &same, err) < 0)
		goto out;
	if (same) {
		mesdb_error(err, MESDB_E_CONFIG, "shadowDatabaseUrl points at the datasource's own "
			    "database \"%s\": the history was not replayed", pg_conn_database(s));
		mesdb_err_hint(err, "the shadow database is emptied on every use: give it a database "
			       "of its own");
		goto out;
	}
	all = replay_schemas(x->conn, names, nnames, &nall);
	existed = xcalloc(nall, sizeof(*existed));
	for (uint32_t i = 0; i < nall; i++) {
		const char *param[1] = { all[i] };
		struct pg_result *r = NULL;
		if (pg_exec_params(s, "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1", 1,
				   param, &r, err) < 0)
			goto out;
		existed[i] = pg_result_rows(r) > 0;
		pg_result_free(r);
	}
	dirty = true;
	if (drop_schemas(s, all, nall, NULL, one, err) < 0 ||
	    pg_set_search_path(s, &one, 1, err) < 0) {
		mesdb_err_prefix(err, "could not prepare the shadow database");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (shadow_apply(s, list[i], err) < 0)
			goto out;
	if (pg_describe(s, names, nnames, out, err) < 0)
		goto out;
	ret = 0;
out:
	if (dirty) {
		pg_rollback(s, NULL);
		if (ret < 0) {
			drop_schemas(s, all, nall, existed, NULL, NULL);
		} else if (drop_schemas(s, all, nall, existed, NULL, err) < 0) {
			mesdb_err_prefix(err, "could not empty the shadow database after the replay");
			ret = -1;
		}
	}
	free(all);
	free(existed);
	pg_close(s);
	return ret;
}

int migrate_ctx_replay(struct migrate_ctx *x, const struct migration *const *list, size_t n,
		       const struct mesdb_sink *sink, struct sqlschema *out, struct mesdb_err *err)
{
	const struct psl_db_datasource *ds = &x->db.datasource;
	const char *const *names;
	const char *one = pg_conn_schema(x->conn);
	uint32_t nnames = (uint32_t)migrate_ctx_schemas(x, &names);
	struct strbuf why = STRBUF_INIT, sb = STRBUF_INIT;
	struct ws_url url;
	size_t bad = 0;
	int ret;

	ws_url_init(&url);
	if (!nnames) {
		names = &one;
		nnames = 1;
	}
	ret = replay_tx(x->conn, list, n, names, nnames, out, &bad, &why, err);
	if (ret != NEEDS_COMMITS)
		goto out;
	ret = -1;
	sqlschema_release(out);
	sqlschema_init(out);
	if (!ds->shadow_url && !ds->shadow_url_env) {
		needs_commits_error(list[bad], why.buf, err);
		mesdb_err_hint(err, SHADOW_HINT);
		goto out;
	}
	if (ws_resolve_url(x->schema_path, ds->shadow_url, ds->shadow_url_env, &url, err) < 0) {
		mesdb_err_prefix(err, "shadowDatabaseUrl (needed to replay migration `%s`, which "
				 "cannot run inside one transaction)", list[bad]->name);
		goto out;
	}
	strbuf_addf(&sb, "note: migration `%s` cannot be replayed inside one transaction (%s): "
		    "replaying the history on the shadow database %s (shadowDatabaseUrl)\n",
		    list[bad]->name, why.buf, url.masked);
	sink_note(sink, sb.buf);
	ret = replay_shadow(x, &url, list, n, names, nnames, out, err);
out:
	ws_url_release(&url);
	strbuf_release(&why);
	strbuf_release(&sb);
	return ret;
}

int migrate_ctx_drift(struct migrate_ctx *x, const struct migration *const *list, size_t n,
		      const struct mesdb_sink *sink, struct sqlschema *hist, uint32_t *nsteps,
		      struct strbuf *drift_sql, struct mesdb_err *err)
{
	const char *const *names;
	uint32_t nnames = (uint32_t)migrate_ctx_schemas(x, &names);
	struct diff_opts dopts = DIFF_OPTS_INIT;
	struct sqlschema live;
	struct plan drift;
	int ret = -1;

	*nsteps = 0;
	sqlschema_init(&live);
	plan_init(&drift);
	if (migrate_ctx_replay(x, list, n, sink, hist, err) < 0)
		goto out;
	if (pg_describe(x->conn, names, nnames, &live, err) < 0)
		goto out;
	dopts.from_described = true;
	dopts.qualify_from = dopts.qualify_to = calc_multi_schema(&x->db);
	if (diff_schemas(hist, &live, &dopts, &drift, err) < 0)
		goto out;
	*nsteps = drift.nsteps;
	if (drift.nsteps)
		render_script(&drift, NULL, drift_sql);
	ret = 0;
out:
	plan_release(&drift);
	sqlschema_release(&live);
	return ret;
}
