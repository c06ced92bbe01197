/* pq_lazy.c - libpq loaded on first use, so commands that never connect start without it */
/*
 * The mesdb executable links these definitions of the libpq functions that
 * src/pg calls; the linker (--as-needed) then leaves libpq and its two dozen
 * dependencies (GSSAPI, LDAP, ...) out of the start-up of `validate`,
 * `format` and `migrate diff` between schema files. The first call loads
 * libpq.so.5 and resolves each function once. tests/cli/test_schema_cmds.sh
 * checks that the executable does not list libpq as needed, so a libpq
 * function missing here cannot go unnoticed.
 */
#include "lazy.h"

#include <libpq-fe.h>

static struct lazy_lib pq = { "libpq.so.5", "the PostgreSQL client library", "libpq5", 2, NULL };

#define PQ_FN(...) LAZY_FN(pq, __VA_ARGS__)
#define PQ_VOID(...) LAZY_VOID(pq, __VA_ARGS__)

PQ_FN(PGconn *, PQconnectStartParams, (const char *const *k, const char *const *v, int e), (k, v, e))
PQ_FN(PostgresPollingStatusType, PQconnectPoll, (PGconn *c), (c))
PQ_FN(PQconninfoOption *, PQconndefaults, (void), ())
PQ_FN(PQconninfoOption *, PQconninfoParse, (const char *s, char **e), (s, e))
PQ_VOID(PQconninfoFree, (PQconninfoOption *o), (o))
PQ_VOID(PQfinish, (PGconn *c), (c))
PQ_FN(char *, PQdb, (const PGconn *c), (c))
PQ_FN(char *, PQuser, (const PGconn *c), (c))
PQ_FN(char *, PQhost, (const PGconn *c), (c))
PQ_FN(char *, PQport, (const PGconn *c), (c))
PQ_FN(ConnStatusType, PQstatus, (const PGconn *c), (c))
PQ_FN(PGTransactionStatusType, PQtransactionStatus, (const PGconn *c), (c))
PQ_FN(int, PQserverVersion, (const PGconn *c), (c))
PQ_FN(char *, PQerrorMessage, (const PGconn *c), (c))
PQ_FN(int, PQsocket, (const PGconn *c), (c))
PQ_FN(PQnoticeReceiver, PQsetNoticeReceiver, (PGconn *c, PQnoticeReceiver r, void *a), (c, r, a))
PQ_FN(PGresult *, PQexec, (PGconn *c, const char *q), (c, q))
PQ_FN(PGresult *, PQexecParams,
      (PGconn *c, const char *q, int n, const Oid *t, const char *const *v, const int *l,
       const int *f, int rf),
      (c, q, n, t, v, l, f, rf))
PQ_FN(int, PQsendQueryParams,
      (PGconn *c, const char *q, int n, const Oid *t, const char *const *v, const int *l,
       const int *f, int rf),
      (c, q, n, t, v, l, f, rf))
PQ_FN(PGresult *, PQgetResult, (PGconn *c), (c))
PQ_FN(int, PQenterPipelineMode, (PGconn *c), (c))
PQ_FN(int, PQexitPipelineMode, (PGconn *c), (c))
PQ_FN(int, PQpipelineSync, (PGconn *c), (c))
PQ_FN(ExecStatusType, PQresultStatus, (const PGresult *r), (r))
PQ_FN(char *, PQresultErrorMessage, (const PGresult *r), (r))
PQ_FN(char *, PQresultErrorField, (const PGresult *r, int f), (r, f))
PQ_FN(int, PQntuples, (const PGresult *r), (r))
PQ_FN(int, PQnfields, (const PGresult *r), (r))
PQ_FN(int, PQfnumber, (const PGresult *r, const char *n), (r, n))
PQ_FN(char *, PQgetvalue, (const PGresult *r, int t, int f), (r, t, f))
PQ_FN(int, PQgetisnull, (const PGresult *r, int t, int f), (r, t, f))
PQ_FN(char *, PQcmdTuples, (PGresult *r), (r))
PQ_VOID(PQclear, (PGresult *r), (r))
PQ_VOID(PQfreemem, (void *p), (p))
