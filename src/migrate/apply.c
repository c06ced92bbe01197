/* apply.c - apply one migration atomically and record it in _prisma_migrations */
#include "migrate/migrate.h"
#include "migrate/sqlsplit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/*
 * Owns running a migration script. Statements are sent one at a time (the
 * splitter knows where each starts, so a failure names its line in
 * migration.sql). A transactional migration writes its row in the same
 * transaction as its statements: after a crash or a kill there is either
 * the whole migration and its row, or neither.
 */

void apply_report_init(struct apply_report *r)
{
	memset(r, 0, sizeof(*r));
	strbuf_init(&r->reason, 0);
}

void apply_report_release(struct apply_report *r)
{
	strbuf_release(&r->reason);
}

static double mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Now as a timestamptz literal in UTC with microseconds. */
static void now_text(char out[40])
{
	struct timespec ts;
	struct tm tm;
	char base[24];

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(base, sizeof(base), "%Y-%m-%d %H:%M:%S", &tm);
	snprintf(out, 40, "%.19s.%06d+00", base, (int)(ts.tv_nsec / 1000 % 1000000));
}

static void plan_script(const struct migration *m, const struct sql_script *sc,
			int server_version, struct apply_report *rep)
{
	strbuf_reset(&rep->reason);
	rep->reason_line = 0;
	rep->nstatements = sc->nr;
	rep->transactional = sql_script_transactional(sc, m->script, m->script_len, server_version,
						      &rep->reason, &rep->reason_line);
}

void migrate_plan(const struct migration *m, int server_version, struct apply_report *rep)
{
	struct sql_script sc = SQL_SCRIPT_INIT;
	sql_split(m->script, m->script_len, &sc);
	plan_script(m, &sc, server_version, rep);
	sql_script_release(&sc);
}

/* Column (characters, 1-based) of byte offset pos in its line. */
static uint32_t column_of(const char *text, size_t pos)
{
	size_t ls = pos;
	uint32_t col = 1;
	while (ls > 0 && text[ls - 1] != '\n')
		ls--;
	for (size_t i = ls; i < pos; i++)
		if (((unsigned char)text[i] & 0xC0) != 0x80)
			col++;
	return col;
}

/* The line `line` (1-based) of text, without its end of line. */
static void line_text(struct strbuf *out, const char *text, size_t len, uint32_t line)
{
	size_t p = 0, n;
	for (uint32_t l = 1; l < line && p < len; p++)
		if (text[p] == '\n')
			l++;
	n = 0;
	while (p + n < len && text[p + n] != '\n')
		n++;
	if (n && text[p + n - 1] == '\r')
		n--;
	strbuf_add(out, text + p, n);
}

/* The server's detail without pg_exec's "at line L, column C: ..." line. */
static void server_detail(struct strbuf *out, const char *detail)
{
	const char *p = detail;
	while (p && *p) {
		size_t n = strcspn(p, "\n");
		if (strncmp(p, "at line ", 8)) {
			if (out->len)
				strbuf_addch(out, '\n');
			if (!strncmp(p, "context: ", 9)) {
				strbuf_addstr(out, "CONTEXT:  ");
				strbuf_add(out, p + 9, n - 9);
			} else {
				strbuf_addstr(out, "DETAIL:  ");
				strbuf_add(out, p, n);
			}
		}
		p += n;
		if (*p == '\n')
			p++;
	}
}

/*
 * Build the P3018 error from the statement's error serr (moved into err's
 * fields) and the same text for the logs column.
 */
static void script_failure(struct pg_conn *c, const struct migration *m,
			   const struct sql_script *sc, size_t failed, bool at_commit,
			   bool transactional, struct mesdb_err *serr, struct strbuf *logs,
			   struct mesdb_err *err)
{
	struct strbuf d = STRBUF_INIT;
	uint32_t eline = 0, ecol = 0, line = 0, col = 0;
	const char *state = serr->sqlstate[0] ? serr->sqlstate : "";

	strbuf_addf(&d, "Migration name: %s\n\n", m->name);
	strbuf_addf(&d, "Database error code: %s\n\n", state[0] ? state : "(none)");
	strbuf_addf(&d, "Database error:\nERROR: %s", serr->message ? serr->message : "unknown error");
	if (serr->detail) {
		struct strbuf sd = STRBUF_INIT;
		server_detail(&sd, serr->detail);
		if (sd.len)
			strbuf_addf(&d, "\n%s", sd.buf);
		strbuf_release(&sd);
	}
	if (serr->hint)
		strbuf_addf(&d, "\nHINT:  %s", serr->hint);
	strbuf_addch(&d, '\n');

	if (at_commit) {
		strbuf_addf(&d, "\nPosition: at COMMIT, after the last statement of %s "
			    "(a deferred constraint)", m->script_path);
	} else if (failed < sc->nr) {
		const struct sql_stmt *s = &sc->stmts[failed];
		pg_last_error_position(c, &eline, &ecol);
		line = s->line;
		col = column_of(m->script, s->start);
		if (eline > 0) {
			line = s->line + eline - 1;
			col = eline == 1 ? col + ecol - 1 : ecol;
		}
		strbuf_addf(&d, "\nPosition: %s:%u:%u (statement %zu of %zu)\n", m->script_path, line,
			    col, failed + 1, sc->nr);
		strbuf_addf(&d, "%5u | ", line);
		line_text(&d, m->script, m->script_len, line);
	}

	strbuf_reset(logs);
	strbuf_addf(logs, "A migration failed to apply. New migrations cannot be applied before "
		    "the error is recovered from.\n\n%s\n\n", d.buf);
	if (transactional)
		strbuf_addstr(logs, "mesdb: the migration ran in one transaction and was rolled back: "
			      "the database is as it was before it.\n");
	else
		strbuf_addf(logs, "mesdb: the migration could not run in a transaction and ran statement "
			    "by statement: %zu statement(s) before the failing one stay applied.\n",
			    failed);

	mesdb_error(err, MESDB_E_MIGRATION, "a migration failed to apply. New migrations cannot be "
		    "applied before the error is recovered from");
	mesdb_err_set_code(err, "P3018");
	mesdb_err_set_sqlstate(err, state);
	mesdb_err_detail(err, "%s", d.buf);
	if (transactional)
		mesdb_err_hint(err, "the migration ran in one transaction and nothing of it was kept: "
			       "the database is as it was before it, and the failure is recorded in "
			       MIGRATIONS_TABLE ". Fix the script, run `mesdb migrate resolve "
			       "--rolled-back \"%s\"`, then deploy again. Read more about how to resolve "
			       "migration issues in a production database: "
			       "https://pris.ly/d/migrate-resolve", m->name);
	else
		mesdb_err_hint(err, "the migration could not run in a transaction: the %zu statement(s) "
			       "before the failing one stay applied. Repair the database, then run "
			       "`mesdb migrate resolve --rolled-back \"%s\"` (undone by hand) or "
			       "`--applied \"%s\"` (completed by hand). Read more: "
			       "https://pris.ly/d/migrate-resolve", failed, m->name, m->name);
	strbuf_release(&d);
}

/* Run statement i of the script; errors in serr. */
static int run_statement(struct pg_conn *c, const struct migration *m, const struct sql_stmt *s,
			 struct strbuf *buf, struct mesdb_err *serr)
{
	strbuf_reset(buf);
	strbuf_add(buf, m->script + s->start, s->len);
	return pg_exec(c, buf->buf, NULL, serr);
}

static int record_failed(struct pg_conn *c, const struct migration *m, const char *id,
			 const char *started, const char *logs, struct mesdb_err *err)
{
	static const char sql[] =
		"INSERT INTO _prisma_migrations"
		" (id, checksum, started_at, migration_name, logs, applied_steps_count)"
		" VALUES ($1, $2, $3::pg_catalog.timestamptz, $4, $5, 0)";
	const char *params[5] = { id, m->checksum, started, m->name, logs };
	return pg_exec_params(c, sql, 5, params, NULL, err);
}

/* A statement failed and err is P3018: record the failed row (its own error wins). */
static int after_failure(struct pg_conn *c, const struct migration *m, const char *id,
			 const char *started, bool transactional, const struct strbuf *logs,
			 struct mesdb_err *err)
{
	struct mesdb_err rerr = MESDB_ERR_INIT;
	static const char update_sql[] =
		"UPDATE _prisma_migrations SET logs = $2 WHERE id = $1";
	const char *params[2] = { id, logs->buf };
	int r;

	if (transactional)
		r = record_failed(c, m, id, started, logs->buf, &rerr);
	else
		r = pg_exec_params(c, update_sql, 2, params, NULL, &rerr);
	if (r < 0) {
		/* keep P3018 as the error; say the row could not be written */
		struct strbuf d = STRBUF_INIT;
		strbuf_addf(&d, "%s\n\nThe failure could not be recorded in " MIGRATIONS_TABLE ": %s",
			    err->detail ? err->detail : "", rerr.message ? rerr.message : "");
		mesdb_err_detail(err, "%s", d.buf);
		strbuf_release(&d);
	}
	mesdb_err_release(&rerr);
	return -1;
}

static int apply_in_transaction(struct pg_conn *c, const struct migration *m,
				const struct sql_script *sc, const char *id, const char *started,
				struct mesdb_err *err)
{
	static const char insert_sql[] =
		"INSERT INTO _prisma_migrations"
		" (id, checksum, started_at, finished_at, migration_name, applied_steps_count)"
		" VALUES ($1, $2, $3::pg_catalog.timestamptz, $4::pg_catalog.timestamptz, $5, 1)";
	struct mesdb_err serr = MESDB_ERR_INIT, rerr = MESDB_ERR_INIT;
	struct strbuf buf = STRBUF_INIT, logs = STRBUF_INIT;
	char finished[40];
	const char *params[5];
	size_t i;
	bool at_commit = false;
	int ret = -1;

	if (pg_begin(c, err) < 0)
		goto out;
	for (i = 0; i < sc->nr; i++)
		if (run_statement(c, m, &sc->stmts[i], &buf, &serr) < 0)
			goto failed;
	now_text(finished);
	params[0] = id;
	params[1] = m->checksum;
	params[2] = started;
	params[3] = finished;
	params[4] = m->name;
	if (pg_exec_params(c, insert_sql, 5, params, NULL, err) < 0) {
		pg_rollback(c, &rerr);
		goto out;
	}
	if (pg_commit(c, &serr) < 0) {
		at_commit = true;
		goto failed;
	}
	ret = 0;
	goto out;

failed:
	if (serr.status == MESDB_E_CONNECT) {
		mesdb_err_move(err, &serr);
		mesdb_err_prefix(err, "while applying migration `%s`", m->name);
		goto out;
	}
	if (pg_rollback(c, &rerr) < 0) {
		mesdb_err_move(err, &rerr);
		goto out;
	}
	script_failure(c, m, sc, i, at_commit, true, &serr, &logs, err);
	after_failure(c, m, id, started, true, &logs, err);
out:
	mesdb_err_release(&serr);
	mesdb_err_release(&rerr);
	strbuf_release(&buf);
	strbuf_release(&logs);
	return ret;
}

static int apply_one_by_one(struct pg_conn *c, const struct migration *m,
			    const struct sql_script *sc, const char *id, const char *started,
			    struct mesdb_err *err)
{
	static const char start_sql[] =
		"INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name)"
		" VALUES ($1, $2, $3::pg_catalog.timestamptz, $4)";
	static const char finish_sql[] =
		"UPDATE _prisma_migrations SET finished_at = $2::pg_catalog.timestamptz,"
		" applied_steps_count = applied_steps_count + 1 WHERE id = $1";
	struct mesdb_err serr = MESDB_ERR_INIT;
	struct strbuf buf = STRBUF_INIT, logs = STRBUF_INIT;
	char finished[40];
	const char *params[4] = { id, m->checksum, started, m->name };
	size_t i;
	int ret = -1;

	if (pg_exec_params(c, start_sql, 4, params, NULL, err) < 0)
		goto out;
	for (i = 0; i < sc->nr; i++) {
		if (run_statement(c, m, &sc->stmts[i], &buf, &serr) < 0) {
			if (serr.status == MESDB_E_CONNECT) {
				mesdb_err_move(err, &serr);
				mesdb_err_prefix(err, "while applying migration `%s`", m->name);
				goto out;
			}
			/* a script's own BEGIN may have left a transaction open */
			pg_rollback(c, NULL);
			script_failure(c, m, sc, i, false, false, &serr, &logs, err);
			after_failure(c, m, id, started, false, &logs, err);
			goto out;
		}
	}
	if (pg_in_transaction(c)) {
		/* a BEGIN without COMMIT: do not commit on the script's behalf */
		pg_rollback(c, NULL);
		mesdb_error(&serr, MESDB_E_QUERY, "the script left a transaction open "
			    "(BEGIN without COMMIT); it was rolled back");
		script_failure(c, m, sc, sc->nr, false, false, &serr, &logs, err);
		after_failure(c, m, id, started, false, &logs, err);
		goto out;
	}
	now_text(finished);
	params[1] = finished;
	if (pg_exec_params(c, finish_sql, 2, params, NULL, err) < 0)
		goto out;
	ret = 0;
out:
	mesdb_err_release(&serr);
	strbuf_release(&buf);
	strbuf_release(&logs);
	return ret;
}

int migrate_apply(struct pg_conn *c, const struct migration *m, struct apply_report *rep,
		  struct mesdb_err *err)
{
	struct sql_script sc = SQL_SCRIPT_INIT;
	char id[37], started[40];
	double t0 = mono_ms();
	int ret;

	sql_split(m->script, m->script_len, &sc);
	plan_script(m, &sc, pg_server_version(c), rep);
	migrate_uuid4(id);
	now_text(started);
	if (rep->transactional)
		ret = apply_in_transaction(c, m, &sc, id, started, err);
	else
		ret = apply_one_by_one(c, m, &sc, id, started, err);
	pg_clear_notices(c);
	rep->ms = mono_ms() - t0;
	sql_script_release(&sc);
	return ret;
}
