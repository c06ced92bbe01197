/* pgtest.h - fresh databases on the test cluster for cmocka tests, and small query helpers */
#ifndef MESDB_PGTEST_H
#define MESDB_PGTEST_H

/*
 * The cluster is started by ctest's `pg` fixture (tests/pg/cluster.sh); a test
 * added with mesdb_add_pg_test() runs with PGHOST, PGPORT and PGUSER set to it,
 * so every function here connects to it with no further setup.
 *
 * Every helper fails the running cmocka test on any error, with the server's
 * message, the SQL and the caller's file:line: tests do not check return codes.
 * (The helpers are macros over *_at functions that take the caller's location.)
 * Strings returned are malloc'ed; the caller frees them.
 *
 * Include <cmocka.h> (with its prerequisites) before this header.
 */

#include <stddef.h>

#include <libpq-fe.h>

/* Longest database name PostgreSQL keeps (NAMEDATALEN - 1) plus the NUL. */
#define PGTEST_NAME_SIZE 64

/*
 * Create a fresh, uniquely named, empty database (mesdb_test_<pid>_<n>_<x>);
 * write its name into name_out and return its URL,
 * postgresql://<user>@127.0.0.1:<port>/<name>, which libpq also takes as a
 * conninfo string. The database is remembered and dropped by
 * pgtest_drop_all() if the test does not drop it.
 */
#define pgtest_create_db(name_out, name_size) \
	pgtest_create_db_at((name_out), (name_size), __FILE__, __LINE__)
/* Drop the database (terminating its sessions); no error when it is gone. */
#define pgtest_drop_db(name) pgtest_drop_db_at((name), __FILE__, __LINE__)
/* Drop every database this process created and has not dropped yet. */
void pgtest_drop_all(void);

/* URL of database `name` on the test cluster (malloc'ed). */
char *pgtest_db_url(const char *name);

/* Connect (fails the test when it cannot); the caller PQfinish()es. */
#define pgtest_connect(conninfo) pgtest_connect_at((conninfo), __FILE__, __LINE__)
/* Run one or more statements (simple query protocol); fail on any error. */
#define pgtest_exec(conninfo, sql) pgtest_exec_at((conninfo), (sql), __FILE__, __LINE__)
/*
 * First column of the first row of a query, as text (malloc'ed); NULL when the
 * query returns no row or the value is SQL NULL.
 */
#define pgtest_query_value(conninfo, sql) \
	pgtest_query_value_at((conninfo), (sql), __FILE__, __LINE__)
/* The same on an open connection. */
#define pgtest_exec_conn(conn, sql) pgtest_exec_conn_at((conn), (sql), __FILE__, __LINE__)
#define pgtest_query_value_conn(conn, sql) \
	pgtest_query_value_conn_at((conn), (sql), __FILE__, __LINE__)

char *pgtest_create_db_at(char *name_out, size_t name_size, const char *file, int line);
void pgtest_drop_db_at(const char *name, const char *file, int line);
PGconn *pgtest_connect_at(const char *conninfo, const char *file, int line);
void pgtest_exec_at(const char *conninfo, const char *sql, const char *file, int line);
char *pgtest_query_value_at(const char *conninfo, const char *sql, const char *file, int line);
void pgtest_exec_conn_at(PGconn *conn, const char *sql, const char *file, int line);
char *pgtest_query_value_conn_at(PGconn *conn, const char *sql, const char *file, int line);

/*
 * cmocka fixtures.
 *
 * Group: pgtest_group_setup checks that the cluster answers (with a clear
 * message when the test was not started through ctest); pgtest_group_teardown
 * drops whatever a failing test left behind.
 *
 * Per test: pgtest_setup_db gives the test its own empty database in
 * *state (a struct pgtest_db *); pgtest_teardown_db drops it, also when
 * the test failed.
 *
 *   static void test_x(void **state) { struct pgtest_db *db = *state; ... db->url ... }
 *   cmocka_unit_test_setup_teardown(test_x, pgtest_setup_db, pgtest_teardown_db)
 *   cmocka_run_group_tests(tests, pgtest_group_setup, pgtest_group_teardown)
 */
struct pgtest_db {
	char name[PGTEST_NAME_SIZE];
	char *url;
};

int pgtest_group_setup(void **state);
int pgtest_group_teardown(void **state);
int pgtest_setup_db(void **state);
int pgtest_teardown_db(void **state);

#endif
