/* push.c - mesdb db push: make the database match the schema, in one transaction */
/*
 * The pipeline of Prisma's `db push`, run inside ONE transaction: (reset,)
 * describe the datasource's schemas, calc the target, diff, run the COUNT
 * queries of the data-loss checks, evaluate, then apply every statement
 * and commit. Unexecutable steps, or warnings that are not accepted,
 * roll back: nothing is changed. Never reads stdin: the question about
 * warnings goes through opts->confirm.
 *
 * The one exception to the single transaction: a push that adds enum
 * values and uses them (as a default) in the same push. PostgreSQL refuses
 * a value in the transaction that added it (55P04), so the ALTER TYPE ...
 * ADD VALUE statements are committed first and the rest runs in a second
 * transaction; the output says so.
 */
#include "db_common.h"
#include "db_defaults.h"
#include "schema_load.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "calc/calc.h"
#include "diff/diff.h"
#include "render/render.h"

#define ROCKET "\xf0\x9f\x9a\x80"
#define WARNING_SIGN "\xe2\x9a\xa0\xef\xb8\x8f"
#define BULLET "\xe2\x80\xa2"

/* The schemas push manages: the datasource's `schemas`, or the connection's. */
static uint32_t push_namespaces(const struct db_schema *s, struct pg_conn *c,
				const char *const **names, const char **one)
{
	uint32_t n = db_schema_namespaces(s, names);

	if (n)
		return n;
	*one = pg_conn_schema(c);
	*names = one;
	return 1;
}

/* DROP SCHEMA ... CASCADE; CREATE SCHEMA ... for each managed schema. */
static int force_reset(struct pg_conn *c, const char *const *names, uint32_t n,
		       struct mesdb_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	int ret;

	for (uint32_t i = 0; i < n; i++) {
		strbuf_addstr(&sql, "DROP SCHEMA IF EXISTS ");
		sql_quote_ident(&sql, names[i]);
		strbuf_addstr(&sql, " CASCADE;\nCREATE SCHEMA ");
		sql_quote_ident(&sql, names[i]);
		strbuf_addstr(&sql, ";\n");
	}
	ret = pg_exec(c, sql.buf, NULL, err);
	if (ret < 0)
		mesdb_err_prefix(err, "could not reset the database");
	strbuf_release(&sql);
	return ret;
}

static void add_messages(struct strbuf *sb, const struct diff_message *m, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		strbuf_addf(sb, "%s  " BULLET " %s\n", i ? "\n" : "", m[i].text);
}

/* Does d (a default of a column of the enum) name one of the values? */
static bool default_names_value(const struct sql_default *d, const char *const *values,
				uint32_t n)
{
	struct strbuf lit = STRBUF_INIT;
	bool found = false;

	for (uint32_t i = 0; i < n && !found; i++) {
		switch (d->kind) {
		case SQL_DEFAULT_ENUM:
			found = d->value && !strcmp(d->value, values[i]);
			break;
		case SQL_DEFAULT_LIST:
			for (uint32_t k = 0; k < d->nitems && !found; k++)
				found = d->items[k].kind == SQL_DEFAULT_ENUM && d->items[k].value &&
					!strcmp(d->items[k].value, values[i]);
			break;
		case SQL_DEFAULT_EXPR:
			/* dbgenerated("'NEW'::\"Role\""): the value as a literal */
			strbuf_reset(&lit);
			sql_quote_literal(&lit, values[i]);
			found = d->value && strstr(d->value, lit.buf);
			break;
		default:
			break;
		}
	}
	strbuf_release(&lit);
	return found;
}

/* An ALTER TYPE ... ADD VALUE step (values added, none dropped). */
static bool adds_enum_values(const struct diff_step *st)
{
	return st->kind == DIFF_ALTER_ENUM && st->nadded_values && !st->ndropped_values;
}

/*
 * Does the wanted schema use a value an ALTER TYPE ... ADD VALUE of the plan
 * adds (as a column default: the statements that set it run in the same
 * push)? PostgreSQL refuses (55P04, unsafe use of new value) until the
 * transaction that added the value has committed.
 */
static bool uses_new_enum_values(const struct plan *p)
{
	for (uint32_t i = 0; i < p->nsteps; i++) {
		const struct diff_step *st = &p->steps[i];
		if (!adds_enum_values(st))
			continue;
		for (uint32_t c = 0; c < p->to->ncolumns; c++) {
			const struct sql_column *col = &p->to->columns[c];
			if (col->type.ptype == SQL_T_ENUM && col->type.enum_id == st->next &&
			    default_names_value(&col->dflt, st->added_values, st->nadded_values))
				return true;
		}
	}
	return false;
}

/*
 * The statements of the plan as scripts: with split, the ALTER TYPE ... ADD
 * VALUE steps go to first, the rest to rest. The BEGIN / COMMIT that
 * Prisma's script puts around an enum's recreation are left out: the push
 * has its own transaction.
 */
static void push_scripts(const struct plan *p, bool split, struct strbuf *first,
			 struct strbuf *rest)
{
	for (uint32_t i = 0; i < p->nsteps; i++) {
		struct render_stmts st = RENDER_STMTS_INIT;
		struct strbuf *to = split && adds_enum_values(&p->steps[i]) ? first : rest;

		render_step_statements(p, i, &st);
		for (size_t k = 0; k < st.n; k++) {
			if (!strcmp(st.v[k], "BEGIN") || !strcmp(st.v[k], "COMMIT"))
				continue;
			strbuf_addstr(to, st.v[k]);
			strbuf_addstr(to, ";\n");
		}
		render_stmts_release(&st);
	}
}

/*
 * Run the plan's statements and commit: in the transaction of the push,
 * or, when the push uses enum values it adds, the ADD VALUE statements in
 * that transaction (committed) and the rest in a second one.
 */
static int apply(struct pg_conn *conn, const struct plan *p, const struct mesdb_sink *sink,
		 struct mesdb_err *err)
{
	struct strbuf first = STRBUF_INIT, rest = STRBUF_INIT;
	bool split = uses_new_enum_values(p);
	int ret = -1;

	push_scripts(p, split, &first, &rest);
	if (split) {
		sink_out(sink, "\nThe new enum values are added first, in a transaction of their own: "
			 "PostgreSQL cannot use an enum value in the transaction that adds it.\n");
		if (pg_exec(conn, first.buf, NULL, err) < 0) {
			mesdb_err_prefix(err, "could not add the enum values");
			if (!err->hint)
				mesdb_err_hint(err, "nothing was applied");
			goto out;
		}
		if (pg_commit(conn, err) < 0 ||
		    pg_exec(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ", NULL, err) < 0)
			goto out;
	}
	if (pg_exec(conn, rest.buf, NULL, err) < 0) {
		mesdb_err_prefix(err, "could not apply the changes");
		if (!err->hint)
			mesdb_err_hint(err, split ? "the enum values were added (committed first); "
				       "nothing else was applied" :
				       "the push runs in one transaction: nothing was applied");
		goto out;
	}
	ret = pg_commit(conn, err);
out:
	strbuf_release(&first);
	strbuf_release(&rest);
	return ret;
}

int mesdb_db_push(const struct mesdb_push_opts *opts, const struct mesdb_sink *sink,
		  struct mesdb_push_result *res, struct mesdb_err *err)
{
	struct db_schema schema;
	struct ws_url url;
	struct pg_conn *conn = NULL;
	struct pg_describe_job *job = NULL;
	struct sqlschema live, target;
	struct diff_opts dopts = DIFF_OPTS_INIT;
	struct diff_messages msgs;
	struct plan plan;
	struct strbuf sb = STRBUF_INIT;
	const char *const *names;
	const char *one = NULL;
	uint32_t nnames;
	double t0;
	bool leave_open = false;   /* a read-only no-op: the server ends it when we close */
	int ret = -1;

	memset(res, 0, sizeof(*res));
	db_schema_init(&schema);
	ws_url_init(&url);
	sqlschema_init(&live);
	sqlschema_init(&target);
	plan_init(&plan);
	diff_messages_init(&msgs);

	if (db_schema_load(&schema, opts->schema_path, true, sink, err) < 0)
		goto out;
	strbuf_addf(&sb, "Prisma schema loaded from %s\n", schema.path);
	sink_out(sink, sb.buf);
	if (opts->url)
		db_url_literal(&url, opts->url);
	else if (db_schema_url(&schema, &url, err) < 0)
		goto out;
	if (pg_connect(&conn, url.url, PG_DEFAULT_CONNECT_TIMEOUT_S, err) < 0)
		goto out;
	strbuf_reset(&sb);
	db_datasource_line(&schema, conn, &sb);
	sink_out(sink, sb.buf);
	t0 = db_now_ms();

	nnames = push_namespaces(&schema, conn, &names, &one);
	if (opts->force_reset) {
		if (pg_exec(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ", NULL, err) < 0 ||
		    force_reset(conn, names, nnames, err) < 0)
			goto out;
		res->reset = true;
	}
	/*
	 * The transaction begins with the catalog queries (one round trip), and
	 * the target is computed while the server answers them.
	 */
	if (pg_describe_start(conn, names, nnames, PG_DESCRIBE_NO_VIEWS | PG_DESCRIBE_NO_COMMENTS |
			      PG_DESCRIBE_BEGIN, &job, err) < 0)
		goto out;
	if (db_schema_calc(&schema, pg_conn_schema(conn), &target, err) < 0)
		goto out;
	ret = pg_describe_finish(job, &live, err);
	job = NULL;
	if (ret < 0)
		goto out;
	ret = -1;

	dopts.from_described = true;
	dopts.qualify_from = dopts.qualify_to = calc_multi_schema(&schema.db);
	if (db_match_stored_defaults(conn, &live, &target, dopts.qualify_to, err) < 0)
		goto out;
	if (diff_schemas(&live, &target, &dopts, &plan, err) < 0)
		goto out;
	if (db_fill_counts(conn, &plan, err) < 0) {
		mesdb_err_prefix(err, "could not check the data");
		goto out;
	}
	diff_evaluate(&plan, &msgs);
	res->nsteps = plan.nsteps;
	res->nwarnings = msgs.nwarnings;
	res->nunexecutable = msgs.nunexecutable;

	strbuf_reset(&sb);
	if (res->reset)
		strbuf_addf(&sb, "\nThe PostgreSQL database \"%s\" schema \"%s\" at \"%s:%s\" was "
			    "successfully reset.\n", pg_conn_database(conn), pg_conn_schema(conn),
			    pg_conn_host(conn), pg_conn_port(conn));
	if (msgs.nunexecutable) {
		sink_out(sink, sb.buf);
		strbuf_reset(&sb);
		strbuf_addstr(&sb, "\n" WARNING_SIGN " We found changes that cannot be executed:\n\n");
		add_messages(&sb, msgs.unexecutable, msgs.nunexecutable);
		strbuf_addch(&sb, '\n');
		sink_note(sink, sb.buf);
		mesdb_error(err, MESDB_E_REFUSED, "the changes cannot be executed: nothing was applied");
		mesdb_err_hint(err, "You may use the --force-reset flag to drop the database before "
			       "push like mesdb db push --force-reset\nAll data will be lost.");
		goto out;
	}
	if (msgs.nwarnings) {
		strbuf_addstr(&sb, "\n" WARNING_SIGN "  There might be data loss when applying the "
			      "changes:\n\n");
		add_messages(&sb, msgs.warnings, msgs.nwarnings);
		sink_out(sink, sb.buf);
		strbuf_reset(&sb);
		if (!opts->accept_data_loss &&
		    !(opts->confirm &&
		      opts->confirm(opts->confirm_ctx, "Do you want to ignore the warning(s)?"))) {
			mesdb_error(err, MESDB_E_REFUSED, "the changes would lose data: nothing was "
				    "applied");
			mesdb_err_hint(err, "Use the --accept-data-loss flag to ignore the data loss "
				       "warnings like mesdb db push --accept-data-loss");
			goto out;
		}
	}

	if (!plan.nsteps) {
		/* nothing changed: a reset is committed; a no-op is simply left (closing ends it) */
		if (res->reset && pg_commit(conn, err) < 0)
			goto out;
		leave_open = !res->reset;
		if (res->reset)
			strbuf_addf(&sb, "\n" ROCKET "  Your database is now in sync with your Prisma "
				    "schema. Done in %.0fms\n", db_now_ms() - t0);
		else
			strbuf_addstr(&sb, "\nThe database is already in sync with the Prisma schema.\n");
		sink_out(sink, sb.buf);
		ret = 0;
		goto out;
	}

	if (apply(conn, &plan, sink, err) < 0)
		goto out;
	res->applied = true;
	res->ms = db_now_ms() - t0;
	strbuf_addf(&sb, "\n" ROCKET "  Your database is now in sync with your Prisma schema. "
		    "Done in %.0fms\n", res->ms);
	sink_out(sink, sb.buf);
	ret = 0;
out:
	pg_describe_cancel(job);
	if (conn) {
		if (!leave_open)
			pg_rollback(conn, NULL);
		pg_close(conn);
	}
	strbuf_release(&sb);
	diff_messages_release(&msgs);
	plan_release(&plan);
	sqlschema_release(&target);
	sqlschema_release(&live);
	ws_url_release(&url);
	db_schema_release(&schema);
	return ret;
}
