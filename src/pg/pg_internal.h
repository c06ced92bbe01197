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

#endif
