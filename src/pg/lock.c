/* lock.c - session-level advisory locks with a timeout (Prisma Migrate's P1002) */
#include "pg/pg_internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"

/*
 * Owns taking and releasing pg_advisory_lock(key). Outside a transaction
 * the wait happens in the server (lock_timeout, restored afterwards);
 * inside one, pg_try_advisory_lock is polled so that a timeout cannot
 * abort the caller's transaction.
 */

#define LOCK_NOT_AVAILABLE "55P03"

static double mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) < 0)
		;
}

static int lock_timeout_error(struct pg_conn *c, int64_t key, int timeout_ms,
			      struct mesdb_err *err)
{
	mesdb_error(err, MESDB_E_LOCK,
		    "timed out trying to acquire a postgres advisory lock "
		    "(SELECT pg_advisory_lock(%" PRId64 ")), timeout: %dms", key, timeout_ms);
	mesdb_err_detail(err, "the database server at %s:%s was reached but the lock is held "
			 "by another session", c->host, c->port);
	mesdb_err_hint(err, "another migration command is probably running against database "
		       "\"%s\"; see https://pris.ly/d/migrate-advisory-locking", c->database);
	mesdb_err_set_code(err, "P1002");
	return -1;
}

/* Wait in the server's lock queue, with lock_timeout set for the wait only. */
static int lock_waiting(struct pg_conn *c, const char *keytext, int64_t key, int timeout_ms,
			struct mesdb_err *err)
{
	struct mesdb_err lerr = MESDB_ERR_INIT, rerr = MESDB_ERR_INIT;
	char ms[32];
	const char *params[1];
	PGresult *r = NULL;
	char *old = NULL;
	int ret = -1;

	snprintf(ms, sizeof(ms), "%d", timeout_ms > 0 ? timeout_ms : 0);
	params[0] = ms;
	if (pgi_query(c,
		      "SELECT pg_catalog.current_setting('lock_timeout') AS old,"
		      " pg_catalog.set_config('lock_timeout', $1, false) AS new",
		      1, params, &r, err) < 0)
		return -1;
	old = xstrdup(PQgetvalue(r, 0, pgi_col(r, "old")));
	PQclear(r);
	r = NULL;

	params[0] = keytext;
	if (pgi_query(c, "SELECT pg_catalog.pg_advisory_lock($1::pg_catalog.int8)", 1, params, &r,
		      &lerr) == 0) {
		ret = 0;
	} else if (!strcmp(lerr.sqlstate, LOCK_NOT_AVAILABLE)) {
		lock_timeout_error(c, key, timeout_ms, err);
	} else {
		mesdb_err_move(err, &lerr);
	}
	PQclear(r);
	r = NULL;

	/* restore the session's setting, whatever happened */
	params[0] = old;
	if (pgi_query(c, "SELECT pg_catalog.set_config('lock_timeout', $1, false)", 1, params, &r,
		      &rerr) < 0) {
		if (ret == 0)
			mesdb_err_move(err, &rerr);
		ret = -1;
	}
	PQclear(r);
	mesdb_err_release(&lerr);
	mesdb_err_release(&rerr);
	free(old);
	return ret;
}

/* Poll pg_try_advisory_lock until the deadline (inside a transaction). */
static int lock_polling(struct pg_conn *c, const char *keytext, int64_t key, int timeout_ms,
			struct mesdb_err *err)
{
	const char *params[1] = { keytext };
	double deadline = mono_ms() + timeout_ms;
	int pause = 10;

	for (;;) {
		PGresult *r;
		bool got;
		if (pgi_query(c, "SELECT pg_catalog.pg_try_advisory_lock($1::pg_catalog.int8) AS got",
			      1, params, &r, err) < 0)
			return -1;
		got = PQgetvalue(r, 0, pgi_col(r, "got"))[0] == 't';
		PQclear(r);
		if (got)
			return 0;
		if (timeout_ms > 0 && mono_ms() >= deadline)
			return lock_timeout_error(c, key, timeout_ms, err);
		if (timeout_ms > 0 && mono_ms() + pause > deadline)
			pause = (int)(deadline - mono_ms()) + 1;
		sleep_ms(pause);
		if (pause < 100)
			pause *= 2;
	}
}

int pg_advisory_lock_timeout(struct pg_conn *c, int64_t key, int timeout_ms,
			     struct mesdb_err *err)
{
	char keytext[32];

	snprintf(keytext, sizeof(keytext), "%" PRId64, key);
	if (pg_in_transaction(c))
		return lock_polling(c, keytext, key, timeout_ms, err);
	return lock_waiting(c, keytext, key, timeout_ms, err);
}

int pg_advisory_unlock(struct pg_conn *c, int64_t key, struct mesdb_err *err)
{
	char keytext[32];
	const char *params[1] = { keytext };
	PGresult *r;
	bool released;

	snprintf(keytext, sizeof(keytext), "%" PRId64, key);
	if (pgi_query(c, "SELECT pg_catalog.pg_advisory_unlock($1::pg_catalog.int8) AS released", 1,
		      params, &r, err) < 0)
		return -1;
	released = PQgetvalue(r, 0, pgi_col(r, "released"))[0] == 't';
	PQclear(r);
	if (!released)
		return mesdb_error(err, MESDB_E_LOCK,
				   "advisory lock %" PRId64 " was not held by this session", key);
	return 0;
}
