/* pgurl.h - the parts of a postgresql:// URL (user, password, host, port, database) */
#ifndef MESDB_WORKSPACE_PGURL_H
#define MESDB_WORKSPACE_PGURL_H

/*
 * Owns splitting a postgres:// / postgresql:// URL into its parts (percent
 * escapes decoded) and rebuilding one with another host, port, user or
 * database. The password is a secret: callers never print it.
 */

#include "base/strbuf.h"
#include "mesdb/mesdb_err.h"

struct pg_url_parts {
	char *user, *password, *host, *port, *database;   /* "" when absent */
	char *query;          /* after '?', without it ("" when none) */
};

void pg_url_parts_release(struct pg_url_parts *p);
/* Split url; MESDB_E_CONFIG when it is not a postgres URL (the message never shows it). */
int pg_url_split(const char *url, struct pg_url_parts *out, struct mesdb_err *err);
/* Build a URL from parts (percent-encoding user, password, database). */
void pg_url_join(struct strbuf *out, const struct pg_url_parts *p);

/* The decoded value of key in a URL query ("a=1&b=2"): heap, or NULL when absent. */
char *pg_url_query_get(const char *query, const char *key);
/*
 * Append query to out with key set to value (percent-encoded; in place
 * when present, else at the end), or with every key=... removed when
 * value is NULL. The other parameters are copied as they are.
 */
void pg_url_query_set(struct strbuf *out, const char *query, const char *key, const char *value);

#endif
