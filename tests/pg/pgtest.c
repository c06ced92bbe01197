/* pgtest.c - fresh databases on the test cluster for cmocka tests, and small query helpers */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pgtest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Databases created and not yet dropped (dropped by pgtest_drop_all). */
static char **live_dbs;
static size_t live_nr, live_alloc;
static unsigned db_counter;

/* The maintenance database, over the socket the environment names. */
#define ADMIN_CONNINFO "dbname=postgres"

/* Fail the running test at the caller's file:line (after freeing what we hold). */
static void fail_at(const char *file, int line, const char *msg)
{
	print_error("pgtest: %s\n", msg);
	_fail(file, line);
}

static void *alloc_at(size_t n, const char *file, int line)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		fail_at(file, line, "out of memory");
	return p;
}

static char *dup_at(const char *s, const char *file, int line)
{
	size_t n = strlen(s);
	char *p = alloc_at(n + 1, file, line);
	memcpy(p, s, n + 1);
	return p;
}

static void check_env(const char *file, int line)
{
	if (!getenv("PGPORT") || !getenv("PGHOST"))
		fail_at(file, line,
			"PGHOST/PGPORT are not set: run database tests through ctest "
			"(their pg_cluster_start fixture starts the cluster), or by hand with "
			"tests/pg/run-with-env.sh BUILD/test-pg/env COMMAND");
}

/* Server NOTICEs ("database ... does not exist, skipping") are not test output. */
static void quiet_notices(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

PGconn *pgtest_connect_at(const char *conninfo, const char *file, int line)
{
	char msg[1024];
	PGconn *conn;

	check_env(file, line);
	conn = PQconnectdb(conninfo);
	if (PQstatus(conn) == CONNECTION_OK) {
		PQsetNoticeProcessor(conn, quiet_notices, NULL);
		return conn;
	}
	snprintf(msg, sizeof(msg), "could not connect to \"%s\": %s", conninfo,
		 PQerrorMessage(conn));
	PQfinish(conn);
	fail_at(file, line, msg);
	return NULL;
}

/* Run sql; on error build the message, clear everything and fail the test. */
static PGresult *run(PGconn *conn, const char *sql, int close_on_error, const char *file,
		     int line)
{
	char msg[2048];
	PGresult *res = PQexec(conn, sql);
	ExecStatusType st = PQresultStatus(res);
	const char *state;

	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY)
		return res;
	state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	snprintf(msg, sizeof(msg), "query failed (SQLSTATE %s): %s  query: %.600s",
		 state ? state : "?", PQerrorMessage(conn), sql);
	PQclear(res);
	if (close_on_error)
		PQfinish(conn);
	fail_at(file, line, msg);
	return NULL;
}

static char *first_value(PGresult *res, const char *file, int line)
{
	if (PQntuples(res) > 0 && PQnfields(res) > 0 && !PQgetisnull(res, 0, 0))
		return dup_at(PQgetvalue(res, 0, 0), file, line);
	return NULL;
}

void pgtest_exec_conn_at(PGconn *conn, const char *sql, const char *file, int line)
{
	PQclear(run(conn, sql, 0, file, line));
}

char *pgtest_query_value_conn_at(PGconn *conn, const char *sql, const char *file, int line)
{
	PGresult *res = run(conn, sql, 0, file, line);
	char *v = first_value(res, file, line);
	PQclear(res);
	return v;
}

void pgtest_exec_at(const char *conninfo, const char *sql, const char *file, int line)
{
	PGconn *conn = pgtest_connect_at(conninfo, file, line);
	PQclear(run(conn, sql, 1, file, line));
	PQfinish(conn);
}

char *pgtest_query_value_at(const char *conninfo, const char *sql, const char *file, int line)
{
	PGconn *conn = pgtest_connect_at(conninfo, file, line);
	PGresult *res = run(conn, sql, 1, file, line);
	char *v = first_value(res, file, line);
	PQclear(res);
	PQfinish(conn);
	return v;
}

char *pgtest_db_url(const char *name)
{
	const char *user = getenv("PGUSER");
	const char *port = getenv("PGPORT");
	size_t n;
	char *url;

	check_env(__FILE__, __LINE__);
	if (!user || !*user)
		user = "postgres";
	n = strlen(user) + strlen(port) + strlen(name) + 64;
	url = alloc_at(n, __FILE__, __LINE__);
	snprintf(url, n, "postgresql://%s@127.0.0.1:%s/%s", user, port, name);
	return url;
}

static void forget_db(const char *name)
{
	size_t i;
	for (i = 0; i < live_nr; i++) {
		if (!strcmp(live_dbs[i], name)) {
			free(live_dbs[i]);
			live_dbs[i] = live_dbs[--live_nr];
			return;
		}
	}
}

char *pgtest_create_db_at(char *name_out, size_t name_size, const char *file, int line)
{
	char name[PGTEST_NAME_SIZE];
	char sql[128];
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	/* [a-z0-9_] only, so double quotes are all the quoting needed below. */
	snprintf(name, sizeof(name), "mesdb_test_%ld_%u_%lx", (long)getpid(), ++db_counter,
		 ((unsigned long)ts.tv_nsec ^ ((unsigned long)ts.tv_sec << 12)) & 0xffffffUL);
	if (strlen(name) >= name_size)
		fail_at(file, line, "pgtest_create_db: name buffer too small");
	snprintf(sql, sizeof(sql), "CREATE DATABASE \"%s\"", name);
	pgtest_exec_at(ADMIN_CONNINFO, sql, file, line);

	if (live_nr == live_alloc) {
		size_t n = live_alloc ? 2 * live_alloc : 16;
		char **grown = realloc(live_dbs, n * sizeof(*live_dbs));
		if (!grown)
			fail_at(file, line, "out of memory");
		live_dbs = grown;
		live_alloc = n;
	}
	live_dbs[live_nr++] = dup_at(name, file, line);
	memcpy(name_out, name, strlen(name) + 1);
	return pgtest_db_url(name);
}

void pgtest_drop_db_at(const char *name, const char *file, int line)
{
	char sql[128];

	if (strlen(name) >= PGTEST_NAME_SIZE || strchr(name, '"'))
		fail_at(file, line, "pgtest_drop_db: not a test database name");
	snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", name);
	forget_db(name);
	pgtest_exec_at(ADMIN_CONNINFO, sql, file, line);
}

void pgtest_drop_all(void)
{
	while (live_nr) {
		char name[PGTEST_NAME_SIZE];
		snprintf(name, sizeof(name), "%s", live_dbs[live_nr - 1]);
		pgtest_drop_db_at(name, __FILE__, __LINE__);
	}
	free(live_dbs);
	live_dbs = NULL;
	live_alloc = 0;
}

int pgtest_group_setup(void **state)
{
	char *v;

	(void)state;
	v = pgtest_query_value_at(ADMIN_CONNINFO, "SELECT 1", __FILE__, __LINE__);
	if (!v || strcmp(v, "1")) {
		free(v);
		fail_at(__FILE__, __LINE__, "the test cluster did not answer SELECT 1");
	}
	free(v);
	return 0;
}

int pgtest_group_teardown(void **state)
{
	(void)state;
	pgtest_drop_all();
	return 0;
}

int pgtest_setup_db(void **state)
{
	struct pgtest_db *db = alloc_at(sizeof(*db), __FILE__, __LINE__);

	db->url = NULL;
	db->name[0] = '\0';
	*state = db;
	db->url = pgtest_create_db_at(db->name, sizeof(db->name), __FILE__, __LINE__);
	return 0;
}

int pgtest_teardown_db(void **state)
{
	struct pgtest_db *db = *state;

	*state = NULL;
	if (!db)
		return 0;
	if (db->name[0])
		pgtest_drop_db_at(db->name, __FILE__, __LINE__);
	free(db->url);
	free(db);
	return 0;
}
