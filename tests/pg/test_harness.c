/* test_harness.c - the database test harness works: private server, fresh databases, cleanup */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pgtest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The cluster is PostgreSQL 15, the version mesdb targets. */
static void test_server_is_15(void **state)
{
	char *v = pgtest_query_value("dbname=postgres", "SHOW server_version_num");

	(void)state;
	assert_non_null(v);
	assert_int_equal(strlen(v), 6);
	assert_memory_equal(v, "15", 2);
	free(v);
}

/* The server listens on 127.0.0.1 only, and the URLs handed out use it. */
static void test_tcp_url(void **state)
{
	char *url = pgtest_db_url("postgres");
	char *v;

	(void)state;
	assert_non_null(strstr(url, "@127.0.0.1:"));
	v = pgtest_query_value(url, "SELECT current_setting('listen_addresses')");
	assert_string_equal(v, "127.0.0.1");
	free(v);
	v = pgtest_query_value(url, "SELECT current_setting('fsync')");
	assert_string_equal(v, "off");
	free(v);
	free(url);
}

/* create table, insert, select in the test's own database */
static void test_roundtrip(void **state)
{
	struct pgtest_db *db = *state;
	char *v;

	pgtest_exec(db->url, "CREATE TABLE \"WorkOrder\" (id serial PRIMARY KEY, number text NOT NULL);"
			     "INSERT INTO \"WorkOrder\" (number) VALUES ('WO-1'), ('WO-2');");
	v = pgtest_query_value(db->url, "SELECT count(*) FROM \"WorkOrder\"");
	assert_string_equal(v, "2");
	free(v);
	v = pgtest_query_value(db->url, "SELECT number FROM \"WorkOrder\" ORDER BY id DESC");
	assert_string_equal(v, "WO-2");
	free(v);
	v = pgtest_query_value(db->url, "SELECT number FROM \"WorkOrder\" WHERE false");
	assert_null(v);
	v = pgtest_query_value(db->url, "SELECT current_database()");
	assert_string_equal(v, db->name);
	free(v);
}

/* Two tests get two different, empty databases. */
static char first_name[PGTEST_NAME_SIZE];

static void test_fresh_db_1(void **state)
{
	struct pgtest_db *db = *state;
	char *v;

	snprintf(first_name, sizeof(first_name), "%s", db->name);
	pgtest_exec(db->url, "CREATE TABLE only_in_first (x int)");
	v = pgtest_query_value(db->url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
	assert_string_equal(v, "1");
	free(v);
}

static void test_fresh_db_2(void **state)
{
	struct pgtest_db *db = *state;
	char *v;

	assert_true(first_name[0] != '\0');
	assert_string_not_equal(first_name, db->name);
	v = pgtest_query_value(db->url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
	assert_string_equal(v, "0");
	free(v);
	/* the first test's database was dropped by its teardown */
	char sql[256];
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM pg_database WHERE datname = '%s'", first_name);
	v = pgtest_query_value("dbname=postgres", sql);
	assert_string_equal(v, "0");
	free(v);
}

/* pgtest_create_db / pgtest_drop_db by hand; dropping twice is fine. */
static void test_create_drop(void **state)
{
	char name[PGTEST_NAME_SIZE];
	char sql[256];
	char *url, *v;

	(void)state;
	url = pgtest_create_db(name, sizeof(name));
	assert_non_null(strstr(url, name));
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM pg_database WHERE datname = '%s'", name);
	v = pgtest_query_value("dbname=postgres", sql);
	assert_string_equal(v, "1");
	free(v);
	/* an open session does not keep the database alive */
	PGconn *conn = pgtest_connect(url);
	pgtest_drop_db(name);
	PQfinish(conn);
	v = pgtest_query_value("dbname=postgres", sql);
	assert_string_equal(v, "0");
	free(v);
	pgtest_drop_db(name);
	free(url);
}

/* The contrib extensions later tests use are installed (postgresql-contrib). */
static void test_contrib(void **state)
{
	struct pgtest_db *db = *state;
	char *v;

	pgtest_exec(db->url, "CREATE EXTENSION citext; CREATE TABLE t (e citext UNIQUE);"
			     "INSERT INTO t VALUES ('Ab')");
	v = pgtest_query_value(db->url, "SELECT count(*) FROM t WHERE e = 'aB'");
	assert_string_equal(v, "1");
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_server_is_15),
		cmocka_unit_test(test_tcp_url),
		cmocka_unit_test_setup_teardown(test_roundtrip, pgtest_setup_db, pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_fresh_db_1, pgtest_setup_db, pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_fresh_db_2, pgtest_setup_db, pgtest_teardown_db),
		cmocka_unit_test(test_create_drop),
		cmocka_unit_test_setup_teardown(test_contrib, pgtest_setup_db, pgtest_teardown_db),
	};
	return cmocka_run_group_tests(tests, pgtest_group_setup, pgtest_group_teardown);
}
