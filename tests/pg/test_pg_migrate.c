/* test_pg_migrate.c - src/migrate against a real server: table, apply, atomicity, splitting, lock */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pgtest.h"

#include "base/strbuf.h"
#include "migrate/migrate.h"
#include "pg/pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers ---- */

static void fail_err(const char *what, const struct mesdb_err *err)
{
	fail_msg("%s: [%s %s %s] %s | detail: %s | hint: %s", what, mesdb_status_name(err->status),
		 err->code, err->sqlstate, err->message ? err->message : "",
		 err->detail ? err->detail : "", err->hint ? err->hint : "");
}

static struct pg_conn *connect_ok(const char *url)
{
	struct pg_conn *c = NULL;
	struct mesdb_err err = MESDB_ERR_INIT;
	if (pg_connect(&c, url, 5, &err) < 0)
		fail_err("pg_connect", &err);
	return c;
}

static void mig_init(struct migration *m, const char *name, const char *script)
{
	char path[512];
	memset(m, 0, sizeof(*m));
	m->name = strdup(name);
	snprintf(path, sizeof(path), "prisma/migrations/%s/migration.sql", name);
	m->script_path = strdup(path);
	m->script = strdup(script);
	m->script_len = strlen(script);
	migration_checksum(m->script, m->script_len, m->checksum);
}

static void mig_free(struct migration *m)
{
	free(m->name);
	free(m->script_path);
	free(m->script);
}

/* A database with _prisma_migrations, connected. */
static struct pg_conn *managed(const char *url)
{
	struct pg_conn *c = connect_ok(url);
	struct mesdb_err err = MESDB_ERR_INIT;
	if (history_create_table(c, &err) < 0)
		fail_err("history_create_table", &err);
	return c;
}

/* Apply script as migration `name`; must succeed; returns whether it ran in one transaction. */
static bool apply_ok(struct pg_conn *c, const char *name, const char *script)
{
	struct migration m;
	struct apply_report rep;
	struct mesdb_err err = MESDB_ERR_INIT;
	bool tx;

	mig_init(&m, name, script);
	apply_report_init(&rep);
	if (migrate_apply(c, &m, &rep, &err) < 0)
		fail_err(name, &err);
	tx = rep.transactional;
	apply_report_release(&rep);
	mig_free(&m);
	return tx;
}

/* Apply script as `name`; it must fail with P3018; err is returned filled. */
static void apply_fails(struct pg_conn *c, const char *name, const char *script,
			struct mesdb_err *err)
{
	struct migration m;
	struct apply_report rep;

	mig_init(&m, name, script);
	apply_report_init(&rep);
	assert_int_equal(migrate_apply(c, &m, &rep, err), -1);
	assert_int_equal(err->status, MESDB_E_MIGRATION);
	assert_string_equal(err->code, "P3018");
	apply_report_release(&rep);
	mig_free(&m);
}

static char *q(const char *url, const char *sql)
{
	return pgtest_query_value(url, sql);
}

static void assert_query(const char *url, const char *sql, const char *want)
{
	char *v = q(url, sql);
	if (!want) {
		assert_null(v);
		return;
	}
	assert_non_null(v);
	assert_string_equal(v, want);
	free(v);
}

/* ---- tests ---- */

static void test_table_and_history(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = connect_ok(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;
	struct history h;
	char *first = NULL;
	bool empty = false;

	history_init(&h);
	assert_int_equal(history_load(c, &h, &err), 0);
	assert_false(h.table_exists);
	assert_int_equal(h.nr, 0);
	history_release(&h);

	assert_int_equal(history_schema_is_empty(c, NULL, 0, &empty, &first, &err), 0);
	assert_true(empty);
	assert_null(first);

	assert_int_equal(history_create_table(c, &err), 0);
	/* the table alone does not make the database "not empty" */
	assert_int_equal(history_schema_is_empty(c, NULL, 0, &empty, &first, &err), 0);
	assert_true(empty);
	/* Prisma's columns, in Prisma's order */
	assert_query(db->url,
		     "SELECT string_agg(column_name || ':' || data_type || ':' || is_nullable, ',' "
		     "ORDER BY ordinal_position) FROM information_schema.columns "
		     "WHERE table_name = '_prisma_migrations' AND table_schema = 'public'",
		     "id:character varying:NO,checksum:character varying:NO,"
		     "finished_at:timestamp with time zone:YES,migration_name:character varying:NO,"
		     "logs:text:YES,rolled_back_at:timestamp with time zone:YES,"
		     "started_at:timestamp with time zone:NO,applied_steps_count:integer:NO");

	pgtest_exec(db->url, "CREATE TABLE machine (id int)");
	assert_int_equal(history_schema_is_empty(c, NULL, 0, &empty, &first, &err), 0);
	assert_false(empty);
	assert_string_equal(first, "public.machine");
	free(first);
	pg_close(c);
}

static void test_apply_history(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = managed(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;
	struct history h;

	assert_true(apply_ok(c, "20240101000000_a", "-- CreateTable\nCREATE TABLE a (id int);\n"));
	assert_true(apply_ok(c, "20240102000000_b", "CREATE TABLE b (id int);\nINSERT INTO b VALUES (1);"));
	assert_true(apply_ok(c, "20240103000000_empty", "-- This is an empty migration."));

	history_init(&h);
	assert_int_equal(history_load(c, &h, &err), 0);
	assert_true(h.table_exists);
	assert_int_equal(h.nr, 3);
	assert_string_equal(h.rows[0].name, "20240101000000_a");
	assert_true(h.rows[0].finished);
	assert_false(h.rows[0].rolled_back);
	assert_int_equal(h.rows[0].applied_steps, 1);
	assert_null(h.rows[0].logs);
	assert_int_equal(strlen(h.rows[0].id), 36);
	assert_int_equal(h.rows[0].id[14], '4');   /* uuid v4 */
	assert_true(migration_checksum_matches("-- CreateTable\nCREATE TABLE a (id int);\n",
					       strlen("-- CreateTable\nCREATE TABLE a (id int);\n"),
					       h.rows[0].checksum));
	assert_non_null(strstr(h.rows[0].started_at, " UTC"));
	assert_non_null(history_find_active(&h, "20240102000000_b"));
	assert_null(history_find_active(&h, "20240104000000_x"));
	history_release(&h);

	assert_query(db->url, "SELECT count(*) FROM b", "1");
	assert_query(db->url, "SELECT bool_and(finished_at >= started_at) FROM _prisma_migrations", "t");
	pg_close(c);
}

static void test_failure_leaves_no_trace(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = managed(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;
	struct history h;

	apply_fails(c, "20240101000000_bad",
		    "CREATE TABLE t1 (id int);\n"
		    "INSERT INTO t1 VALUES (1);\n"
		    "INSERT INTO t1\n  VALUES ('x');\n"
		    "CREATE TABLE t2 (id int);\n",
		    &err);
	assert_string_equal(err.sqlstate, "22P02");
	assert_non_null(strstr(err.detail, "Migration name: 20240101000000_bad"));
	assert_non_null(strstr(err.detail, "Database error code: 22P02"));
	assert_non_null(strstr(err.detail, "invalid input syntax for type integer"));
	/* the server's position: line 4, inside the third statement */
	assert_non_null(strstr(err.detail,
			       "prisma/migrations/20240101000000_bad/migration.sql:4:11 (statement 3 of 4)"));
	assert_non_null(strstr(err.hint, "--rolled-back \"20240101000000_bad\""));
	mesdb_err_release(&err);

	/* nothing of it: not even the first statement */
	assert_query(db->url, "SELECT to_regclass('t1') IS NULL", "t");
	/* the row is there, failed, with the error */
	history_init(&h);
	assert_int_equal(history_load(c, &h, &err), 0);
	assert_int_equal(h.nr, 1);
	assert_true(history_row_failed(&h.rows[0]));
	assert_int_equal(h.rows[0].applied_steps, 0);
	assert_non_null(h.rows[0].logs);
	assert_non_null(strstr(h.rows[0].logs, "Database error code: 22P02"));
	assert_non_null(strstr(h.rows[0].logs, "rolled back"));
	/* a failed row counts as applied for deploy (P3009 is the caller's) */
	assert_non_null(history_find_active(&h, "20240101000000_bad"));
	assert_int_equal(history_mark_rolled_back(c, h.rows[0].id, &err), 0);
	history_release(&h);

	history_init(&h);
	assert_int_equal(history_load(c, &h, &err), 0);
	assert_true(h.rows[0].rolled_back);
	assert_null(history_find_active(&h, "20240101000000_bad"));
	history_release(&h);

	/* an execution error without a position: the statement's line */
	apply_fails(c, "20240102000000_div", "SELECT 1;\n\n  SELECT 1/0;\n", &err);
	assert_string_equal(err.sqlstate, "22012");
	assert_non_null(strstr(err.detail, "migration.sql:3:3 (statement 2 of 2)"));
	assert_non_null(strstr(err.detail, "    3 |   SELECT 1/0;"));
	mesdb_err_release(&err);
	pg_close(c);
}

static void test_deferred_failure_at_commit(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = managed(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;

	apply_fails(c, "20240101000000_fk",
		    "CREATE TABLE p (id int PRIMARY KEY);\n"
		    "CREATE TABLE ch (pid int REFERENCES p DEFERRABLE INITIALLY DEFERRED);\n"
		    "INSERT INTO ch VALUES (5);\n",
		    &err);
	assert_string_equal(err.sqlstate, "23503");
	assert_non_null(strstr(err.detail, "at COMMIT"));
	mesdb_err_release(&err);
	assert_query(db->url, "SELECT to_regclass('p') IS NULL", "t");
	assert_query(db->url, "SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NULL", "1");
	pg_close(c);
}

static void test_splitting_against_the_server(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = managed(db->url);
	const char *script =
		"CREATE TABLE \"we;ird\" (v text);\n"
		"INSERT INTO \"we;ird\" VALUES ('a;b'), ('it''s; ok'), (E'back\\';slash');\n"
		"-- a comment; with a semicolon\n"
		"/* block; /* nested; */ comment; */\n"
		"CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $$\n"
		"BEGIN\n"
		"  RETURN 'x;y';\n"
		"END;\n"
		"$$;\n"
		"CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $body$ SELECT '$$;'::text $body$;\n"
		"CREATE FUNCTION h(a int) RETURNS int LANGUAGE sql\n"
		"BEGIN ATOMIC\n"
		"  SELECT CASE WHEN a > 0 THEN a ELSE 0 END;\n"
		"END;\n"
		"DO $do$ BEGIN PERFORM 1; PERFORM 2; END $do$;\n";

	assert_true(apply_ok(c, "20240101000000_tricky", script));
	assert_query(db->url, "SELECT string_agg(v, '|' ORDER BY v) FROM \"we;ird\"",
		     "a;b|back';slash|it's; ok");
	assert_query(db->url, "SELECT f() || g() || h(3)", "x;y$$;3");
	pg_close(c);
}

static void test_concurrently_runs_statement_by_statement(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = managed(db->url);
	struct migration m;
	struct apply_report rep;
	struct mesdb_err err = MESDB_ERR_INIT;

	mig_init(&m, "20240101000000_idx",
		 "CREATE TABLE c (id int);\n\nCREATE INDEX CONCURRENTLY \"c_idx\" ON c (id);\n");
	apply_report_init(&rep);
	migrate_plan(&m, pg_server_version(c), &rep);
	assert_false(rep.transactional);
	assert_string_equal(rep.reason.buf, "CREATE INDEX CONCURRENTLY");
	assert_int_equal(rep.reason_line, 3);
	assert_int_equal(rep.nstatements, 2);
	if (migrate_apply(c, &m, &rep, &err) < 0)
		fail_err("concurrently", &err);
	assert_false(rep.transactional);
	assert_true(rep.ms >= 0);
	apply_report_release(&rep);
	mig_free(&m);
	assert_query(db->url, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'c_idx'::regclass", "t");
	assert_query(db->url, "SELECT finished_at IS NOT NULL AND applied_steps_count = 1 "
		     "FROM _prisma_migrations", "t");

	/* explicit transaction control in the script: it runs as written */
	assert_false(apply_ok(c, "20240102000000_tx", "BEGIN;\nCREATE TABLE bt (id int);\nCOMMIT;\n"));
	assert_query(db->url, "SELECT to_regclass('bt') IS NOT NULL", "t");

	/* an enum value added and used in the same file */
	assert_true(apply_ok(c, "20240103000000_enum", "CREATE TYPE \"Role\" AS ENUM ('USER');"));
	assert_true(apply_ok(c, "20240104000000_add", "ALTER TYPE \"Role\" ADD VALUE 'STAFF';"));
	assert_false(apply_ok(c, "20240105000000_use",
			      "ALTER TYPE \"Role\" ADD VALUE 'ADMIN';\n"
			      "CREATE TABLE u (r \"Role\" NOT NULL DEFAULT 'ADMIN');\n"));
	assert_query(db->url, "SELECT count(*) FROM pg_enum", "3");
	pg_close(c);
}

static void test_statement_by_statement_failure(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = managed(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;

	apply_fails(c, "20240101000000_half",
		    "CREATE TABLE n1 (id int);\n"
		    "CREATE INDEX CONCURRENTLY n1_i ON n1 (id);\n"
		    "SELECT 1/0;\n",
		    &err);
	assert_string_equal(err.sqlstate, "22012");
	assert_non_null(strstr(err.hint, "could not run in a transaction"));
	mesdb_err_release(&err);
	/* what ran stays, and the row says it failed */
	assert_query(db->url, "SELECT to_regclass('n1') IS NOT NULL", "t");
	assert_query(db->url, "SELECT finished_at IS NULL AND rolled_back_at IS NULL AND "
		     "logs LIKE '%22012%statement by statement%' FROM _prisma_migrations", "t");

	/* BEGIN without COMMIT: not committed on the script's behalf */
	apply_fails(c, "20240102000000_open", "BEGIN;\nCREATE TABLE o (id int);\n", &err);
	mesdb_err_release(&err);
	assert_query(db->url, "SELECT to_regclass('o') IS NULL", "t");
	pg_close(c);
}

static void test_resolve_rows(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = managed(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;
	struct history h;
	char sum[SHA256_HEX_LEN + 1];

	migration_checksum("SELECT 1;", 9, sum);
	assert_int_equal(history_insert_applied(c, "0_init", sum, &err), 0);
	history_init(&h);
	assert_int_equal(history_load(c, &h, &err), 0);
	assert_int_equal(h.nr, 1);
	assert_true(h.rows[0].finished);
	assert_int_equal(h.rows[0].applied_steps, 0);
	assert_string_equal(h.rows[0].logs, "");
	assert_string_equal(h.rows[0].checksum, sum);
	history_release(&h);
	assert_query(db->url, "SELECT started_at = finished_at FROM _prisma_migrations", "t");
	pg_close(c);
}

static void test_connection_schema(void **state)
{
	struct pgtest_db *db = *state;
	struct strbuf url = STRBUF_INIT;
	struct pg_conn *c;

	strbuf_addf(&url, "%s?schema=app", db->url);
	c = managed(url.buf);
	assert_true(apply_ok(c, "20240101000000_a", "CREATE TABLE a (id int);"));
	assert_query(db->url, "SELECT to_regclass('app._prisma_migrations') IS NOT NULL AND "
		     "to_regclass('app.a') IS NOT NULL AND to_regclass('public.a') IS NULL", "t");
	pg_close(c);
	strbuf_release(&url);
}

static void test_lock_timeout(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *a = connect_ok(db->url), *b = connect_ok(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;

	assert_int_equal(pg_advisory_lock_timeout(a, PG_MIGRATE_LOCK_KEY, 1000, &err), 0);
	assert_int_equal(pg_advisory_lock_timeout(b, PG_MIGRATE_LOCK_KEY, 300, &err), -1);
	assert_int_equal(err.status, MESDB_E_LOCK);
	assert_string_equal(err.code, "P1002");
	assert_non_null(strstr(err.message, "pg_advisory_lock(72707369)"));
	mesdb_err_release(&err);
	assert_int_equal(pg_advisory_unlock(a, PG_MIGRATE_LOCK_KEY, &err), 0);
	assert_int_equal(pg_advisory_lock_timeout(b, PG_MIGRATE_LOCK_KEY, 300, &err), 0);
	pg_close(a);
	pg_close(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_table_and_history, pgtest_setup_db,
						pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_apply_history, pgtest_setup_db, pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_failure_leaves_no_trace, pgtest_setup_db,
						pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_deferred_failure_at_commit, pgtest_setup_db,
						pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_splitting_against_the_server, pgtest_setup_db,
						pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_concurrently_runs_statement_by_statement,
						pgtest_setup_db, pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_statement_by_statement_failure, pgtest_setup_db,
						pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_resolve_rows, pgtest_setup_db, pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_connection_schema, pgtest_setup_db,
						pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_lock_timeout, pgtest_setup_db, pgtest_teardown_db),
	};
	return cmocka_run_group_tests(tests, pgtest_group_setup, pgtest_group_teardown);
}
