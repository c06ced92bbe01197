/* pg_internal.h - what conn.c shares with describe.c and lock.c (libpq types) */
#ifndef MESDB_PG_INTERNAL_H
#define MESDB_PG_INTERNAL_H

#include <libpq-fe.h>

#include "pg/pg.h"

struct pg_conn {
	PGconn *conn;
	char *host, *port, *database, *user;
	char *schema;                 /* URL's `schema`, or "public" */
	char **notices;               /* "SEVERITY:  message", malloc'ed */
	size_t nnotices, anotices, dropped;
	uint32_t err_line, err_column; /* position of the last query error, 0 if none */
	int pipe_syncs;               /* pipeline mode: sync points sent, not yet read */
};

struct pg_result {
	PGresult *res;
};

/*
 * Run sql with text parameters (nparams may be 0) and hand the PGresult
 * over in *out (the caller PQclear()s it); on error *out is NULL and err
 * is filled as pg_exec_params() documents.
 */
int pgi_query(struct pg_conn *c, const char *sql, int nparams, const char *const *params,
	      PGresult **out, struct mesdb_err *err);

/* Column number of `name` in res; MESDB_BUG() when missing (queries are ours). */
int pgi_col(const PGresult *res, const char *name);

/*
 * Pipeline mode: statements sent back to back (extended protocol, text
 * parameters), one sync point, results read in order. The server runs the
 * next statement while the client reads the previous result, and the whole
 * batch costs one round trip. After a failed statement the server skips the
 * rest up to the sync point (pgi_pipe_result reports the first error).
 *
 *   pgi_pipe_begin(c);  pgi_pipe_send(c, sql1, ...);  pgi_pipe_send(c, sql2, ...);
 *   pgi_pipe_sync(c);   pgi_pipe_result(c, sql1, &r1); ... ;  pgi_pipe_end(c);
 *
 * pgi_pipe_end() reads whatever is left up to the last sync point and leaves
 * pipeline mode: call it on every path once pgi_pipe_begin() succeeded.
 */
int pgi_pipe_begin(struct pg_conn *c, struct mesdb_err *err);
int pgi_pipe_send(struct pg_conn *c, const char *sql, int nparams, const char *const *params,
		  struct mesdb_err *err);
int pgi_pipe_sync(struct pg_conn *c, struct mesdb_err *err);
/* The next statement's result (the caller PQclear()s it); errors as pgi_query(). */
int pgi_pipe_result(struct pg_conn *c, const char *sql, PGresult **out, struct mesdb_err *err);
int pgi_pipe_end(struct pg_conn *c, struct mesdb_err *err);

#endif
