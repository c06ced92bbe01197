/* deploy_all.c - mesdb deploy: preflight, backup, migrate and verify a set of services, undo on failure */
#include "db_common.h"
#include "migrate_common.h"
#include "schema_load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/xalloc.h"
#include "mesdb/mesdb_ops.h"
#include "migrate/sqlsplit.h"
#include "render/render.h"

/*
 * Owns the production workflow across services: the order of the stages,
 * the migrate locks held from the preflight to the end of the apply, the
 * decision of what to undo, the run log. What one stage does to one
 * database is the job of the public commands it calls (mesdb_backup,
 * mesdb_migrate_status, mesdb_migrate_rollback, mesdb_restore,
 * mesdb_service_stats) or of the migrate module (migrate_apply).
 *
 * The locks: each service's connection takes the migrate advisory lock in
 * the preflight and keeps it while the backups are written and the
 * migrations applied, so no other migrate command can slip in between the
 * proof and the apply. They are released before anything is undone (the
 * rollback takes the lock itself; a restore terminates the database's
 * connections).
 */

#define DEFAULT_LOCK_MS 10000

static const char *const end_names[] = {
	/* ORDER MESDB_DEPLOY_END */
	"unchanged", "migrated", "failed", "rolled back", "restored", "left",
};

_Static_assert(sizeof(end_names) / sizeof(end_names[0]) == MESDB_DEPLOY_END__COUNT,
	       "one name per enum mesdb_deploy_end");

const char *mesdb_deploy_end_name(enum mesdb_deploy_end end)
{
	return (unsigned)end < MESDB_DEPLOY_END__COUNT ? end_names[end] : "?";
}

struct svc_state {
	const struct mesdb_service *svc;
	struct mesdb_deploy_service *rep;
	struct migrate_ctx x;
	bool opened;                /* migrate_ctx_open was called: close it */
	struct history h;
	const struct migration **pending;
	size_t npending;
	bool partial;               /* a failed script left statements applied (no transaction) */
	struct strbuf notes;        /* becomes rep->notes */
	struct strbuf captured;     /* what the commands called sent to their sink's note */
};

struct run {
	const struct mesdb_deploy_opts *opts;
	const struct mesdb_sink *sink;
	struct mesdb_deploy_result *res;
	struct svc_state *st;
	int log_fd;
	char *backup_dir;
};

static double now_ms(void)
{
	return db_now_ms();
}

/* ---- sinks for the commands called: their output is not the run's output ---- */

static void capture(void *ctx, const char *text, size_t len)
{
	strbuf_add(ctx, text, len);
}

static struct mesdb_sink quiet_sink(struct svc_state *s)
{
	struct mesdb_sink k = { NULL, capture, &s->captured, false };
	return k;
}

/* ---- the run log: one JSON object per line ---- */

static void json_str(struct strbuf *sb, const char *s)
{
	if (!s) {
		strbuf_addstr(sb, "null");
		return;
	}
	strbuf_addch(sb, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': strbuf_addstr(sb, "\\\""); break;
		case '\\': strbuf_addstr(sb, "\\\\"); break;
		case '\n': strbuf_addstr(sb, "\\n"); break;
		case '\r': strbuf_addstr(sb, "\\r"); break;
		case '\t': strbuf_addstr(sb, "\\t"); break;
		default:
			if (*p < 0x20)
				strbuf_addf(sb, "\\u%04x", *p);
			else
				strbuf_addch(sb, (char)*p);
		}
	}
	strbuf_addch(sb, '"');
}

/* "P3018: message (SQLSTATE x)" */
static void err_text(struct strbuf *sb, const struct mesdb_err *e)
{
	if (e->code[0])
		strbuf_addf(sb, "%s: ", e->code);
	strbuf_addstr(sb, e->message ? e->message : "unknown error");
	if (e->sqlstate[0])
		strbuf_addf(sb, " (SQLSTATE %s)", e->sqlstate);
}

static void log_line(struct run *r, const char *service, const char *step, const char *migration,
		     const char *result, double ms, const struct mesdb_err *e, const char *note)
{
	struct strbuf sb = STRBUF_INIT, et = STRBUF_INIT;
	struct timespec ts;
	struct tm tm;
	char when[40], base[24];
	size_t off = 0;

	if (r->log_fd < 0)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(base, sizeof(base), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(when, sizeof(when), "%s.%03ldZ", base, ts.tv_nsec / 1000000L);
	strbuf_addstr(&sb, "{\"timestamp\":");
	json_str(&sb, when);
	strbuf_addstr(&sb, ",\"run\":");
	json_str(&sb, r->res->stamp);
	strbuf_addstr(&sb, ",\"service\":");
	json_str(&sb, service);
	strbuf_addstr(&sb, ",\"step\":");
	json_str(&sb, step);
	strbuf_addstr(&sb, ",\"migration\":");
	json_str(&sb, migration);
	strbuf_addstr(&sb, ",\"result\":");
	json_str(&sb, result);
	strbuf_addf(&sb, ",\"duration_ms\":%.0f,\"error\":", ms < 0 ? 0 : ms);
	if (e && e->status != MESDB_OK) {
		err_text(&et, e);
		json_str(&sb, et.buf);
	} else {
		strbuf_addstr(&sb, "null");
	}
	if (note && *note) {
		strbuf_addstr(&sb, ",\"note\":");
		json_str(&sb, note);
	}
	strbuf_addstr(&sb, "}\n");
	/* one write per line (O_APPEND): lines of concurrent runs never interleave */
	while (off < sb.len) {
		ssize_t n = write(r->log_fd, sb.buf + off, sb.len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	strbuf_release(&sb);
	strbuf_release(&et);
}

static int open_log(struct run *r, struct mesdb_err *err)
{
	struct strbuf dir = STRBUF_INIT;
	int ret = -1;

	fs_path_join(&dir, r->opts->root, ".mesdb");
	if (fs_mkdir_p(dir.buf, 0700, err) < 0)
		goto out;
	strbuf_addstr(&dir, "/deploy.log");
	r->log_fd = open(dir.buf, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (r->log_fd < 0) {
		mesdb_error(err, MESDB_E_IO, "could not open the run log %s: %s", dir.buf,
			    strerror(errno));
		goto out;
	}
	r->res->log_path = strbuf_detach(&dir, NULL);
	ret = 0;
out:
	strbuf_release(&dir);
	return ret;
}

/* ---- steps: the event, the log line, the progress line ---- */

static void step_start(struct run *r, const char *service, const char *step, const char *migration)
{
	struct mesdb_deploy_step ev = { service, step, migration, false, false, 0, NULL };

	if (r->opts->on_step)
		r->opts->on_step(r->opts->step_ctx, &ev);
}

static void step_end(struct run *r, const char *service, const char *step, const char *migration,
		     bool ok, double t0, const struct mesdb_err *e, const char *note)
{
	struct mesdb_deploy_step ev = { service, step, migration, true, ok, now_ms() - t0, e };
	struct strbuf sb = STRBUF_INIT;

	log_line(r, service, step, migration, ok ? "ok" : "failed", ev.ms, ok ? NULL : e, note);
	strbuf_addf(&sb, "%-9s %-14s", step, service ? service : "");
	if (migration)
		strbuf_addf(&sb, " %s", migration);
	strbuf_addf(&sb, " %s (%.0f ms)", ok ? "ok" : "FAILED", ev.ms);
	if (note && *note)
		strbuf_addf(&sb, ": %s", note);
	if (!ok && e && e->message) {
		strbuf_addstr(&sb, ": ");
		err_text(&sb, e);
	}
	strbuf_addch(&sb, '\n');
	sink_note(r->sink, sb.buf);
	strbuf_release(&sb);
	if (r->opts->on_step)
		r->opts->on_step(r->opts->step_ctx, &ev);
}

static void add_note(struct svc_state *s, const char *fmt, ...) MESDB_PRINTF(2, 3);

static void add_note(struct svc_state *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&s->notes, fmt, ap);
	va_end(ap);
	strbuf_addch(&s->notes, '\n');
}

/* Give the service's error its troubleshooting hint. */
static void explain(struct svc_state *s)
{
	struct mesdb_trouble_ctx tc = { "deploy", s->svc->name, s->svc->schema };
	mesdb_troubleshoot(&s->rep->err, &tc);
}

/* ---- preflight ---- */

/* The migration's statements inside the open transaction; -1 with the failing statement's error. */
static int try_script(struct pg_conn *c, const struct migration *m, struct mesdb_err *err)
{
	struct sql_script sc = SQL_SCRIPT_INIT;
	struct strbuf stmt = STRBUF_INIT, d = STRBUF_INIT;
	int ret = 0;

	sql_split(m->script, m->script_len, &sc);
	for (size_t i = 0; i < sc.nr; i++) {
		const struct sql_stmt *st = &sc.stmts[i];
		struct mesdb_err serr = MESDB_ERR_INIT;
		uint32_t line = 0, col = 0;

		strbuf_reset(&stmt);
		strbuf_add(&stmt, m->script + st->start, st->len);
		if (pg_exec(c, stmt.buf, NULL, &serr) == 0)
			continue;
		pg_last_error_position(c, &line, &col);
		line = line ? st->line + line - 1 : st->line;
		strbuf_addf(&d, "at %s:%u (statement %zu of %zu)", m->script_path, (unsigned)line,
			    i + 1, sc.nr);
		if (serr.detail)
			strbuf_addf(&d, "\n%s", serr.detail);
		mesdb_error(err, serr.status == MESDB_E_CONNECT ? MESDB_E_CONNECT : MESDB_E_MIGRATION,
			    "migration `%s` does not apply: %s", m->name,
			    serr.message ? serr.message : "statement failed");
		mesdb_err_set_sqlstate(err, serr.sqlstate);
		mesdb_err_detail(err, "%s", d.buf);
		mesdb_err_hint(err, "the preflight ran it in a transaction that was rolled back: "
			       "nothing was changed; fix migration.sql and deploy again");
		mesdb_err_release(&serr);
		ret = -1;
		break;
	}
	sql_script_release(&sc);
	strbuf_release(&stmt);
	strbuf_release(&d);
	return ret;
}

/* The rows of the ordinary tables of the connection's schema (_prisma_migrations aside). */
static int count_rows(struct pg_conn *c, unsigned long long *rows, struct mesdb_err *err)
{
	static const char tables_sql[] =
		"SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
		" ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')"
		" AND c.relname <> '_prisma_migrations' ORDER BY 1";
	const char *ns = pg_conn_schema(c);
	struct pg_result *res = NULL;
	struct strbuf sql = STRBUF_INIT;
	int ret = -1;

	if (pg_exec_params(c, tables_sql, 1, &ns, &res, err) < 0)
		goto out;
	strbuf_addstr(&sql, "SELECT 0::pg_catalog.int8");
	for (int i = 0; i < pg_result_rows(res); i++) {
		strbuf_addstr(&sql, " + (SELECT pg_catalog.count(*) FROM ");
		sql_quote_ident(&sql, ns);
		strbuf_addch(&sql, '.');
		sql_quote_ident(&sql, pg_result_value(res, i, 0));
		strbuf_addch(&sql, ')');
	}
	pg_result_free(res);
	res = NULL;
	if (pg_exec(c, sql.buf, &res, err) < 0)
		goto out;
	*rows = strtoull(pg_result_value(res, 0, 0), NULL, 10);
	ret = 0;
out:
	pg_result_free(res);
	strbuf_release(&sql);
	return ret;
}

/*
 * In one transaction that is rolled back, with lock_timeout set (a busy
 * table fails the preflight instead of stalling it): count the rows, then
 * run the pending migrations.
 */
static int prove(struct run *r, struct svc_state *s, struct mesdb_err *err)
{
	struct pg_conn *c = s->x.conn;
	struct apply_report rep;
	struct strbuf sql = STRBUF_INIT;
	int ms = r->opts->lock_timeout_ms > 0 ? r->opts->lock_timeout_ms : DEFAULT_LOCK_MS;
	int ret = -1;
	size_t i;

	apply_report_init(&rep);
	if (pg_begin(c, err) < 0)
		goto out;
	strbuf_addf(&sql, "SET LOCAL lock_timeout = %d", ms);
	if (pg_exec(c, sql.buf, NULL, err) < 0)
		goto out;
	if (count_rows(c, &s->rep->rows_before, err) < 0)
		goto out;
	for (i = 0; i < s->npending; i++) {
		const struct migration *m = s->pending[i];
		migrate_plan(m, pg_server_version(c), &rep);
		if (!rep.transactional) {
			s->rep->unproven = (unsigned)(s->npending - i);
			add_note(s, "migration `%s` cannot be proven: it cannot run in a transaction (%s, "
				 "line %u of migration.sql); it and the %zu migration(s) after it will be "
				 "applied unproven, statement by statement; should it fail, the "
				 "statements before the failing one stay applied%s", m->name,
				 rep.reason.buf, rep.reason_line, s->npending - i - 1,
				 r->opts->on_failure == MESDB_DEPLOY_RESTORE ?
				 " until the restore" : " (--on-failure=restore undoes them)");
			break;
		}
		if (try_script(c, m, err) < 0)
			goto out;
	}
	ret = 0;
out:
	pg_rollback(c, NULL);
	apply_report_release(&rep);
	strbuf_release(&sql);
	return ret;
}

static int preflight_one(struct run *r, struct svc_state *s, struct mesdb_err *err)
{
	struct mesdb_migrate_opts mo;
	struct mesdb_sink q = quiet_sink(s);
	const struct migration *newest = NULL;
	struct strbuf nodown = STRBUF_INIT;
	size_t i;
	int ret = -1;

	memset(&mo, 0, sizeof(mo));
	mo.schema_path = s->svc->schema;
	mo.lock_timeout_ms = r->opts->lock_timeout_ms;
	s->opened = true;
	if (migrate_ctx_open(&s->x, &mo, &q, true, err) < 0) {
		if (!strcmp(err->code, "P1012") && s->captured.len)
			mesdb_err_detail(err, "%s", s->captured.buf);
		goto out;
	}
	s->rep->database = xstrdup(pg_conn_database(s->x.conn));
	if (history_load(s->x.conn, &s->h, err) < 0)
		goto out;
	if (migrate_check_deployable(&s->x, &s->h, err) < 0)
		goto out;

	s->pending = xcalloc(s->x.migs.nr + 1, sizeof(*s->pending));
	for (i = 0; i < s->x.migs.nr; i++) {
		const struct migration *m = &s->x.migs.items[i];
		const struct history_row *row = history_find_active(&s->h, m->name);
		if (!row) {
			s->pending[s->npending++] = m;
			if (!m->has_down)
				strbuf_addf(&nodown, "%s%s", nodown.len ? ", " : "", m->name);
			continue;
		}
		newest = m;
		if (!migration_checksum_matches(m->script, m->script_len, row->checksum))
			add_note(s, "warning: migration `%s` was modified after it was applied", m->name);
	}
	for (i = 0; i < s->h.nr; i++)
		if (!s->h.rows[i].rolled_back && s->h.rows[i].finished &&
		    !migrations_find(&s->x.migs, s->h.rows[i].name))
			add_note(s, "warning: migration `%s` is applied but missing from %s",
				 s->h.rows[i].name, s->x.migrations_dir);
	s->rep->pending = (unsigned)s->npending;
	if (newest)
		s->rep->head_before = xstrdup(newest->name);

	if (r->opts->on_failure == MESDB_DEPLOY_ROLLBACK && nodown.len) {
		mesdb_error(err, MESDB_E_REFUSED, "--on-failure=rollback cannot undo pending "
			    "migration(s) %s: no down.sql", nodown.buf);
		mesdb_err_hint(err, "write their down.sql beside migration.sql, or deploy with "
			       "--on-failure=restore (undo from this run's backup)");
		goto out;
	}
	if (r->opts->on_failure == MESDB_DEPLOY_ROLLBACK && newest && s->npending &&
	    strcmp(s->pending[0]->name, newest->name) < 0) {
		mesdb_error(err, MESDB_E_REFUSED, "pending migration `%s` sorts before the applied "
			    "migration `%s`: a rollback would undo the wrong migrations",
			    s->pending[0]->name, newest->name);
		mesdb_err_hint(err, "deploy with --on-failure=restore, or rename the migration "
			       "folder so that it sorts after `%s`", newest->name);
		goto out;
	}

	if (prove(r, s, err) < 0)
		goto out;
	ret = 0;
out:
	strbuf_release(&nodown);
	return ret;
}

static bool preflight(struct run *r)
{
	size_t i, nfailed = 0;

	for (i = 0; i < r->res->nr; i++) {
		struct svc_state *s = &r->st[i];
		struct strbuf note = STRBUF_INIT;
		double t0 = now_ms();

		step_start(r, s->svc->name, "preflight", NULL);
		if (preflight_one(r, s, &s->rep->err) < 0) {
			explain(s);
			nfailed++;
		} else {
			s->rep->preflight_ok = true;
			if (!s->npending)
				strbuf_addstr(&note, "up to date");
			else
				strbuf_addf(&note, "%zu pending, %zu proven in a rolled-back transaction",
					    s->npending, s->npending - s->rep->unproven);
			if (s->rep->unproven)
				strbuf_addf(&note, ", %u unproven (not transactional)", s->rep->unproven);
		}
		step_end(r, s->svc->name, "preflight", NULL, s->rep->preflight_ok, t0, &s->rep->err,
			 note.buf);
		strbuf_release(&note);
	}
	return nfailed == 0;
}

/* ---- backup ---- */

static int backup_one(struct run *r, struct svc_state *s, struct mesdb_err *err)
{
	struct mesdb_backup_opts bo;
	struct mesdb_backup_result br;
	struct mesdb_sink q = quiet_sink(s);
	int ret;

	memset(&bo, 0, sizeof(bo));
	memset(&br, 0, sizeof(br));
	bo.svc.service = s->svc->name;
	bo.svc.schema_path = s->svc->schema;
	bo.dir = r->opts->backup_dir;
	bo.stamp = r->res->stamp;
	ret = mesdb_backup(&bo, &q, &br, err);
	if (ret == 0 && br.file)
		s->rep->backup = xstrdup(br.file);
	mesdb_backup_result_release(&br);
	return ret;
}

/* ---- apply and verify ---- */

/* The failed row of m that migrate_apply just wrote: mark it rolled back. */
static int retire_failed_row(struct svc_state *s, const struct migration *m, struct mesdb_err *err)
{
	struct history h;
	int ret = 0;

	history_init(&h);
	if (history_load(s->x.conn, &h, err) < 0) {
		ret = -1;
		goto out;
	}
	for (size_t i = 0; i < h.nr; i++)
		if (history_row_failed(&h.rows[i]) && !strcmp(h.rows[i].name, m->name) &&
		    history_mark_rolled_back(s->x.conn, h.rows[i].id, err) < 0) {
			ret = -1;
			break;
		}
out:
	history_release(&h);
	return ret;
}

static int apply_one(struct run *r, struct svc_state *s, struct mesdb_err *err)
{
	struct apply_report rep;
	int ret = -1;

	apply_report_init(&rep);
	if (!s->h.table_exists) {
		if (history_create_table(s->x.conn, err) < 0)
			goto out;
		s->h.table_exists = true;
	}
	for (size_t i = 0; i < s->npending; i++) {
		const struct migration *m = s->pending[i];
		double t0 = now_ms();

		step_start(r, s->svc->name, "apply", m->name);
		if (migrate_apply(s->x.conn, m, &rep, err) < 0) {
			struct mesdb_err rerr = MESDB_ERR_INIT;
			if (err->status == MESDB_E_MIGRATION && rep.transactional) {
				if (retire_failed_row(s, m, &rerr) == 0)
					add_note(s, "migration `%s` failed; its transaction was rolled back "
						 "and its _prisma_migrations row (with the error in logs) "
						 "marked rolled back", m->name);
				else
					add_note(s, "migration `%s` failed and was rolled back, but its "
						 "failed row could not be marked rolled back: %s", m->name,
						 rerr.message ? rerr.message : "");
			} else if (err->status == MESDB_E_MIGRATION) {
				s->partial = true;
				add_note(s, "migration `%s` failed while applied statement by statement: "
					 "the statements before the failing one stay applied", m->name);
			}
			mesdb_err_release(&rerr);
			step_end(r, s->svc->name, "apply", m->name, false, t0, err, NULL);
			goto out;
		}
		s->rep->applied++;
		step_end(r, s->svc->name, "apply", m->name, true, t0, NULL,
			 rep.transactional ? NULL : "statement by statement");
	}
	ret = 0;
out:
	apply_report_release(&rep);
	return ret;
}

static int verify_one(struct svc_state *s, struct strbuf *note, struct mesdb_err *err)
{
	struct mesdb_migrate_opts mo;
	struct mesdb_migrate_status st;
	struct mesdb_service_opts so;
	struct mesdb_service_stats stats;
	struct mesdb_sink q = quiet_sink(s);

	memset(&mo, 0, sizeof(mo));
	mo.schema_path = s->svc->schema;
	mo.no_drift = true;       /* only pending and failed migrations matter here */
	if (mesdb_migrate_status(&mo, &q, &st, err) < 0)
		return -1;
	if (st.pending || st.failed)
		return mesdb_error(err, MESDB_E_REFUSED, "after the apply, migrate status still "
				   "finds %u pending and %u failed migration(s)", st.pending, st.failed);
	memset(&so, 0, sizeof(so));
	so.service = s->svc->name;
	so.schema_path = s->svc->schema;
	if (mesdb_service_stats(&so, &stats, err) < 0)
		return -1;
	s->rep->rows_after = stats.rows;
	s->rep->tables_after = stats.tables;
	strbuf_addf(note, "up to date, %u migrations, %u tables, %llu rows (%llu before)",
		    stats.migrations, stats.tables, stats.rows, s->rep->rows_before);
	if (stats.rows < s->rep->rows_before)
		add_note(s, "warning: %llu rows before the run, %llu after: a migration deleted data",
			 s->rep->rows_before, stats.rows);
	return 0;
}

/* ---- undo ---- */

static void close_all(struct run *r)
{
	for (size_t i = 0; i < r->res->nr; i++) {
		if (r->st[i].opened)
			migrate_ctx_close(&r->st[i].x);
		r->st[i].opened = false;
	}
}

/* Keep the first error of a service; later ones go to its notes. */
static void keep_error(struct svc_state *s, struct mesdb_err *e, const char *what)
{
	if (s->rep->err.status == MESDB_OK) {
		mesdb_err_move(&s->rep->err, e);
		explain(s);
		return;
	}
	add_note(s, "%s failed too: %s", what, e->message ? e->message : "unknown error");
	mesdb_err_release(e);
}

static void undo_rollback(struct run *r, struct svc_state *s)
{
	struct mesdb_migrate_dev_opts o;
	struct mesdb_sink q = quiet_sink(s);
	struct mesdb_err e = MESDB_ERR_INIT;
	double t0 = now_ms();

	memset(&o, 0, sizeof(o));
	o.base.schema_path = s->svc->schema;
	o.base.lock_timeout_ms = r->opts->lock_timeout_ms;
	if (s->rep->head_before)
		o.to = s->rep->head_before;
	else
		o.steps = s->rep->applied;
	step_start(r, s->svc->name, "rollback", NULL);
	if (mesdb_migrate_rollback(&o, &q, &e) < 0) {
		step_end(r, s->svc->name, "rollback", NULL, false, t0, &e, NULL);
		keep_error(s, &e, "the rollback");
		s->rep->end = MESDB_DEPLOY_LEFT;
		return;
	}
	add_note(s, "rolled back with down.sql: %u migration(s) of this run", s->rep->applied);
	step_end(r, s->svc->name, "rollback", NULL, true, t0, NULL, NULL);
	s->rep->applied = 0;
	if (s->rep->end != MESDB_DEPLOY_FAILED)
		s->rep->end = MESDB_DEPLOY_ROLLED_BACK;
}

static void undo_restore(struct run *r, struct svc_state *s)
{
	struct mesdb_restore_opts o;
	struct mesdb_restore_result rr;
	struct mesdb_sink q = quiet_sink(s);
	struct mesdb_err e = MESDB_ERR_INIT;
	double t0 = now_ms();

	memset(&o, 0, sizeof(o));
	memset(&rr, 0, sizeof(rr));
	o.svc.service = s->svc->name;
	o.svc.schema_path = s->svc->schema;
	o.dir = r->opts->backup_dir;
	o.from = s->rep->backup;
	step_start(r, s->svc->name, "restore", NULL);
	if (!s->rep->backup) {
		mesdb_error(&e, MESDB_E_REFUSED, "no backup of this run to restore from");
	} else if (mesdb_restore(&o, &q, &rr, &e) == 0) {
		add_note(s, "restored from %s", s->rep->backup);
		step_end(r, s->svc->name, "restore", NULL, true, t0, NULL, s->rep->backup);
		mesdb_restore_result_release(&rr);
		s->rep->applied = 0;
		s->partial = false;
		if (s->rep->end != MESDB_DEPLOY_FAILED)
			s->rep->end = MESDB_DEPLOY_RESTORED;
		return;
	}
	mesdb_restore_result_release(&rr);
	step_end(r, s->svc->name, "restore", NULL, false, t0, &e, NULL);
	keep_error(s, &e, "the restore");
	s->rep->end = MESDB_DEPLOY_LEFT;
}

/* Services 0..upto (upto failed): bring back what this run changed, newest first. */
static void undo(struct run *r, size_t upto)
{
	close_all(r);
	for (size_t i = upto + 1; i-- > 0;) {
		struct svc_state *s = &r->st[i];
		bool changed = s->rep->applied > 0 || s->partial;

		if (!changed)
			continue;
		switch (r->opts->on_failure) {
		case MESDB_DEPLOY_ROLLBACK:
			if (s->partial) {
				add_note(s, "left as it is: a migration that ran statement by statement "
					 "failed halfway; down.sql cannot undo half a migration "
					 "(repair by hand, or restore from %s)",
					 s->rep->backup ? s->rep->backup : "a backup");
				s->rep->end = MESDB_DEPLOY_LEFT;
			} else {
				undo_rollback(r, s);
			}
			break;
		case MESDB_DEPLOY_RESTORE:
			undo_restore(r, s);
			break;
		case MESDB_DEPLOY_STOP:
			add_note(s, "left as it is (--on-failure=stop): %u migration(s) of this run stay "
				 "applied", s->rep->applied);
			s->rep->end = MESDB_DEPLOY_LEFT;
			break;
		}
	}
}

/* ---- the run ---- */

static void finish_notes(struct run *r)
{
	for (size_t i = 0; i < r->res->nr; i++) {
		struct svc_state *s = &r->st[i];
		if (s->notes.len)
			r->res->items[i].notes = strbuf_detach(&s->notes, NULL);
	}
}

static const char *on_failure_name(enum mesdb_deploy_on_failure f)
{
	return f == MESDB_DEPLOY_RESTORE ? "restore" : f == MESDB_DEPLOY_STOP ? "stop" : "rollback";
}

int mesdb_deploy(const struct mesdb_deploy_opts *opts, const struct mesdb_sink *sink,
		 struct mesdb_deploy_result *res, struct mesdb_err *err)
{
	struct run r;
	struct strbuf sb = STRBUF_INIT;
	size_t i, npending = 0, failed_at = 0;
	double t_run = now_ms(), t0;
	bool failed = false;
	int ret = -1;

	memset(res, 0, sizeof(*res));
	memset(&r, 0, sizeof(r));
	r.opts = opts;
	r.sink = sink;
	r.res = res;
	r.log_fd = -1;
	mesdb_backup_stamp(res->stamp);
	if (!opts->root || !opts->nservices) {
		return mesdb_error(err, MESDB_E_USAGE, "deploy needs a workspace root and at least "
				   "one service");
	}
	if (opts->skip_backup && opts->on_failure == MESDB_DEPLOY_RESTORE)
		return mesdb_error(err, MESDB_E_USAGE, "--on-failure=restore needs this run's backup: "
				   "it cannot go with --skip-backup");
	res->nr = opts->nservices;
	res->items = xcalloc(res->nr, sizeof(*res->items));
	r.st = xcalloc(res->nr, sizeof(*r.st));
	for (i = 0; i < res->nr; i++) {
		r.st[i].svc = opts->services[i];
		r.st[i].rep = &res->items[i];
		res->items[i].name = opts->services[i]->name;
		history_init(&r.st[i].h);
		strbuf_init(&r.st[i].notes, 0);
		strbuf_init(&r.st[i].captured, 0);
	}
	if (open_log(&r, err) < 0)
		goto out;
	strbuf_addf(&sb, "%zu service(s), on failure: %s%s", res->nr,
		    on_failure_name(opts->on_failure), opts->skip_backup ? ", no backup" : "");
	log_line(&r, NULL, "deploy", NULL, "started", 0, NULL, sb.buf);

	/* 1. preflight: nothing is changed */
	if (!preflight(&r)) {
		size_t n = 0;
		for (i = 0; i < res->nr; i++)
			n += !res->items[i].preflight_ok;
		res->stopped_at = "preflight";
		mesdb_error(err, MESDB_E_REFUSED, "preflight failed for %zu of %zu service(s): "
			    "nothing was changed", n, res->nr);
		goto out;
	}
	for (i = 0; i < res->nr; i++)
		npending += r.st[i].npending;
	if (!npending) {
		sink_note(sink, "No pending migrations to apply.\n");
		ret = 0;
		goto out;
	}

	/* 2. backup of each service that will change, one stamp */
	if (!opts->skip_backup) {
		for (i = 0; i < res->nr; i++) {
			struct svc_state *s = &r.st[i];
			if (!s->npending)
				continue;
			t0 = now_ms();
			step_start(&r, s->svc->name, "backup", NULL);
			if (backup_one(&r, s, &s->rep->err) < 0) {
				explain(s);
				step_end(&r, s->svc->name, "backup", NULL, false, t0, &s->rep->err, NULL);
				res->stopped_at = "backup";
				mesdb_error(err, MESDB_E_REFUSED, "the backup of service %s failed: no "
					    "migration was applied", s->svc->name);
				goto out;
			}
			step_end(&r, s->svc->name, "backup", NULL, true, t0, NULL, s->rep->backup);
		}
	}

	/* 3. apply and verify, service by service */
	for (i = 0; i < res->nr && !failed; i++) {
		struct svc_state *s = &r.st[i];
		struct strbuf note = STRBUF_INIT;

		if (!s->npending)
			continue;
		if (apply_one(&r, s, &s->rep->err) < 0) {
			explain(s);
			s->rep->end = MESDB_DEPLOY_FAILED;
			res->stopped_at = "apply";
			failed = true;
			failed_at = i;
			break;
		}
		t0 = now_ms();
		step_start(&r, s->svc->name, "verify", NULL);
		if (verify_one(s, &note, &s->rep->err) < 0) {
			explain(s);
			step_end(&r, s->svc->name, "verify", NULL, false, t0, &s->rep->err, NULL);
			s->rep->end = MESDB_DEPLOY_LEFT;
			res->stopped_at = "verify";
			failed = true;
			failed_at = i;
		} else {
			s->rep->end = MESDB_DEPLOY_MIGRATED;
			step_end(&r, s->svc->name, "verify", NULL, true, t0, NULL, note.buf);
		}
		strbuf_release(&note);
	}
	if (!failed) {
		ret = 0;
		goto out;
	}

	/* 4. on failure: undo what this run changed, per --on-failure */
	undo(&r, failed_at);
	for (i = failed_at + 1; i < res->nr; i++)
		if (r.st[i].npending)
			add_note(&r.st[i], "not reached: its %zu pending migration(s) were not applied",
				 r.st[i].npending);
	{
		const struct svc_state *f = &r.st[failed_at];
		size_t nleft = 0;
		for (i = 0; i <= failed_at; i++)
			nleft += res->items[i].end == MESDB_DEPLOY_LEFT;
		mesdb_error(err, f->rep->err.status == MESDB_E_MIGRATION ? MESDB_E_MIGRATION :
			    MESDB_E_REFUSED, "deploy failed at service %s (%s); on failure: %s%s",
			    f->svc->name, res->stopped_at, on_failure_name(opts->on_failure),
			    nleft && opts->on_failure != MESDB_DEPLOY_STOP ?
			    " - some services could not be brought back" : "");
	}
out:
	close_all(&r);
	finish_notes(&r);
	if (r.log_fd >= 0) {
		log_line(&r, NULL, "deploy", NULL, ret == 0 ? "ok" : "failed", now_ms() - t_run,
			 ret == 0 ? NULL : err, NULL);
		close(r.log_fd);
	}
	if (r.st) {
		for (i = 0; i < res->nr; i++) {
			free(r.st[i].pending);
			history_release(&r.st[i].h);
			strbuf_release(&r.st[i].notes);
			strbuf_release(&r.st[i].captured);
		}
		free(r.st);
	}
	strbuf_release(&sb);
	return ret;
}

void mesdb_deploy_result_release(struct mesdb_deploy_result *res)
{
	for (size_t i = 0; i < res->nr; i++) {
		struct mesdb_deploy_service *s = &res->items[i];
		free(s->database);
		free(s->backup);
		free(s->head_before);
		free(s->notes);
		mesdb_err_release(&s->err);
	}
	free(res->items);
	free(res->log_path);
	memset(res, 0, sizeof(*res));
}
