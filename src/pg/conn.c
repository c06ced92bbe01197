/* conn.c - libpq connections: connect with timeout, exec with structured errors, notices, URLs */
#include "base/bytes.h"
#include "pg/pg_internal.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"

/*
 * Owns struct pg_conn and struct pg_result and every call to libpq's
 * connection and query functions. Never prints: notices are collected,
 * errors go into struct mesdb_err without passwords.
 */

#define MASK "****"

/* ---- URL helpers ---- */

static bool is_url(const char *s)
{
	return !strncmp(s, "postgresql://", 13) || !strncmp(s, "postgres://", 11);
}

/* Percent-decode s[0..len) into out (invalid escapes copied as they are). */
static void url_decode(struct strbuf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		int hi, lo;
		if (s[i] == '%' && i + 2 < len && (hi = hex_digit_value((unsigned char)s[i + 1])) >= 0 &&
		    (lo = hex_digit_value((unsigned char)s[i + 2])) >= 0) {
			strbuf_addch(out, hi * 16 + lo);
			i += 2;
		} else {
			strbuf_addch(out, s[i]);
		}
	}
}

/*
 * Where the password of a URL lies: [*start, *end) in url, or false when
 * there is none. url is scheme://[user[:password]@]host... The password
 * runs to the last '@' of the URL: an unencoded '/', '?' or '@' in it is
 * still masked (a '@' further on, in the query, masks too much, never too
 * little).
 */
static bool url_password_span(const char *url, size_t *start, size_t *end)
{
	const char *auth = strstr(url, "://");
	const char *at, *colon;

	if (!auth)
		return false;
	auth += 3;
	at = strrchr(auth, '@');
	if (!at)
		return false;
	colon = memchr(auth, ':', (size_t)(at - auth));
	if (!colon)
		return false;
	*start = (size_t)(colon + 1 - url);
	*end = (size_t)(at - url);
	return true;
}

/* Mask `password=` parameters of a URL query string; out gets the whole URL. */
static void mask_url_query(struct strbuf *out, const char *query)
{
	const char *p = query;
	while (*p) {
		size_t n = strcspn(p, "&");
		if (n >= 9 && !strncmp(p, "password=", 9)) {
			strbuf_addstr(out, "password=" MASK);
		} else {
			strbuf_add(out, p, n);
		}
		p += n;
		if (*p == '&')
			strbuf_addch(out, *p++);
	}
}

/* key = value pairs of a libpq conninfo string; the value of `password` masked. */
static void mask_conninfo(struct strbuf *out, const char *s)
{
	const char *p = s;
	while (*p) {
		const char *key, *seg = p;
		size_t keylen;

		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		key = p;
		while (*p && *p != '=' && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
		keylen = (size_t)(p - key);
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '=') {
			/* not key=value: copy the rest unchanged */
			strbuf_addstr(out, seg);
			return;
		}
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		strbuf_add(out, seg, (size_t)(p - seg));
		const char *val = p;
		if (*p == '\'') {
			p++;
			while (*p && *p != '\'') {
				if (*p == '\\' && p[1])
					p++;
				p++;
			}
			if (*p == '\'')
				p++;
		} else {
			while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
				p++;
		}
		if (keylen == 8 && !strncmp(key, "password", 8))
			strbuf_addstr(out, MASK);
		else
			strbuf_add(out, val, (size_t)(p - val));
	}
}

void pg_url_mask(struct strbuf *out, const char *url)
{
	const char *rest = url, *q;
	size_t start, end;

	if (!is_url(url)) {
		mask_conninfo(out, url);
		return;
	}
	if (url_password_span(url, &start, &end)) {
		strbuf_add(out, url, start);
		strbuf_addstr(out, MASK);
		rest = url + end;
	}
	q = strchr(rest, '?');
	if (!q) {
		strbuf_addstr(out, rest);
		return;
	}
	strbuf_add(out, rest, (size_t)(q - rest));
	strbuf_addch(out, '?');
	mask_url_query(out, q + 1);
}

/* Replace every occurrence of secret in sb by MASK. */
static void redact(struct strbuf *sb, const char *secret)
{
	size_t n, pos = 0;
	char *hit;

	if (!secret || !*secret)
		return;
	n = strlen(secret);
	while ((hit = strstr(sb->buf + pos, secret)) != NULL) {
		size_t at = (size_t)(hit - sb->buf);
		strbuf_remove(sb, at, n);
		strbuf_insert(sb, at, MASK, strlen(MASK));
		pos = at + strlen(MASK);
	}
}

/* libpq's message without the trailing newline, tabs of continuation lines tidied. */
static void tidy_libpq_message(struct strbuf *out, const char *msg)
{
	for (const char *p = msg; *p; p++) {
		if (*p == '\t' && p > msg && p[-1] == '\n')
			continue;
		strbuf_addch(out, *p);
	}
	strbuf_rtrim(out);
}

/*
 * Split a URL's query into libpq's parameters (kept in `kept`, raw) and
 * Prisma's; `schema` is decoded into *schema.
 */
static void filter_url_query(const char *query, struct strbuf *kept, char **schema)
{
	PQconninfoOption *defs = PQconndefaults();
	const char *p = query;

	while (*p) {
		size_t n = strcspn(p, "&");
		size_t klen = strcspn(p, "=&");
		struct strbuf key = STRBUF_INIT;
		bool known = false;

		url_decode(&key, p, klen < n ? klen : n);
		if (!strcmp(key.buf, "schema")) {
			struct strbuf v = STRBUF_INIT;
			if (klen < n)
				url_decode(&v, p + klen + 1, n - klen - 1);
			free(*schema);
			*schema = strbuf_detach(&v, NULL);
		} else if (defs) {
			for (PQconninfoOption *o = defs; o->keyword; o++)
				if (!strcmp(o->keyword, key.buf))
					known = true;
		}
		if (known) {
			if (kept->len)
				strbuf_addch(kept, '&');
			strbuf_add(kept, p, n);
		}
		strbuf_release(&key);
		p += n;
		if (*p == '&')
			p++;
	}
	if (defs)
		PQconninfoFree(defs);
}

/*
 * libpq's `options` setting the search_path to one schema: "-c search_path=NAME",
 * NAME double-quoted unless it is plain lower case; the server splits options
 * at white space, so white space and backslashes are escaped with a backslash.
 */
static void startup_search_path(struct strbuf *out, const char *schema)
{
	bool plain = *schema != '\0';
	struct strbuf q = STRBUF_INIT;

	for (const char *p = schema; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			plain = false;
	if (plain) {
		strbuf_addstr(&q, schema);
	} else {
		strbuf_addch(&q, '"');
		for (const char *p = schema; *p; p++) {
			if (*p == '"')
				strbuf_addch(&q, '"');
			strbuf_addch(&q, *p);
		}
		strbuf_addch(&q, '"');
	}
	strbuf_addstr(out, "-c search_path=");
	for (const char *p = q.buf; *p; p++) {
		if (*p == '\\' || *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f' || *p == '\v')
			strbuf_addch(out, '\\');
		strbuf_addch(out, *p);
	}
	strbuf_release(&q);
}

/* Non-empty, printable ASCII only. */
static bool ascii_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return false;
	return true;
}

/* ---- notices ---- */

static void notice_receiver(void *arg, const PGresult *res)
{
	struct pg_conn *c = arg;
	const char *sev = PQresultErrorField(res, PG_DIAG_SEVERITY);
	const char *msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	struct strbuf sb = STRBUF_INIT;

	if (c->nnotices >= PG_MAX_NOTICES) {
		c->dropped++;
		return;
	}
	if (!msg) {
		tidy_libpq_message(&sb, PQresultErrorMessage(res));
	} else {
		strbuf_addf(&sb, "%s:  %s", sev ? sev : "NOTICE", msg);
	}
	ALLOC_GROW(c->notices, c->nnotices + 1, c->anotices);
	c->notices[c->nnotices++] = strbuf_detach(&sb, NULL);
}

const char *const *pg_notices(const struct pg_conn *c, size_t *n, size_t *dropped)
{
	*n = c->nnotices;
	if (dropped)
		*dropped = c->dropped;
	return (const char *const *)c->notices;
}

void pg_clear_notices(struct pg_conn *c)
{
	for (size_t i = 0; i < c->nnotices; i++)
		free(c->notices[i]);
	c->nnotices = 0;
	c->dropped = 0;
}

/* ---- connect ---- */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/*
 * Drive PQconnectPoll until done or the deadline (deadline_ms <= 0: none).
 * Returns 0 when connected, -1 with *timed_out set when the time ran out.
 */
static int connect_poll(PGconn *conn, double deadline_ms, bool *timed_out)
{
	PostgresPollingStatusType st = PGRES_POLLING_WRITING;

	*timed_out = false;
	for (;;) {
		struct pollfd pfd;
		int wait_ms = -1, rc;

		if (st == PGRES_POLLING_OK)
			return 0;
		if (st == PGRES_POLLING_FAILED)
			return -1;
		pfd.fd = PQsocket(conn);
		pfd.events = st == PGRES_POLLING_READING ? POLLIN : POLLOUT;
		pfd.revents = 0;
		if (pfd.fd < 0)
			return -1;
		if (deadline_ms > 0) {
			double left = deadline_ms - now_ms();
			if (left <= 0) {
				*timed_out = true;
				return -1;
			}
			wait_ms = (int)left + 1;
		}
		rc = poll(&pfd, 1, wait_ms);
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc == 0) {
			*timed_out = true;
			return -1;
		}
		st = PQconnectPoll(conn);
	}
}

static char *dup_or(const char *s, const char *fallback)
{
	return xstrdup(s && *s ? s : fallback);
}

/* Prisma-style code for a failed connection, from libpq's (untranslated) text. */
static const char *connect_code(const char *msg)
{
	if (strstr(msg, "authentication failed") || strstr(msg, "no password supplied") ||
	    strstr(msg, "password authentication") || strstr(msg, "no pg_hba.conf entry"))
		return "P1000";
	if (strstr(msg, "does not exist") && strstr(msg, "database"))
		return "P1003";
	return "P1001";
}

static void conn_free(struct pg_conn *c)
{
	if (!c)
		return;
	if (c->conn)
		PQfinish(c->conn);
	pg_clear_notices(c);
	free(c->notices);
	free(c->host);
	free(c->port);
	free(c->database);
	free(c->user);
	free(c->schema);
	free(c);
}

int pg_connect(struct pg_conn **out, const char *url, int connect_timeout_s,
	       struct mesdb_err *err)
{
	struct pg_conn *c = xcalloc(1, sizeof(*c));
	struct strbuf conninfo = STRBUF_INIT, kept = STRBUF_INIT, msg = STRBUF_INIT;
	struct strbuf raw_password = STRBUF_INIT;
	PQconninfoOption *opts = NULL;
	char *parse_err = NULL, *password = NULL, *schema = NULL;
	struct strbuf options = STRBUF_INIT;
	const char *keys[6], *vals[6];
	int timeout_s = connect_timeout_s, ret = -1, nkeys = 0;
	bool timed_out = false, url_options = false, url_gssencmode = false, startup_options;

	*out = NULL;
	if (!url)
		url = "";

	/* Prisma's URL parameters are not libpq's: keep only libpq's */
	if (is_url(url)) {
		const char *q = strchr(url, '?');
		size_t start, end;
		if (url_password_span(url, &start, &end))
			strbuf_add(&raw_password, url + start, end - start);
		if (q) {
			strbuf_add(&conninfo, url, (size_t)(q - url));
			filter_url_query(q + 1, &kept, &schema);
			if (kept.len) {
				strbuf_addch(&conninfo, '?');
				strbuf_addbuf(&conninfo, &kept);
			}
		} else {
			strbuf_addstr(&conninfo, url);
		}
	} else {
		strbuf_addstr(&conninfo, url);
	}

	opts = PQconninfoParse(conninfo.buf, &parse_err);
	if (!opts) {
		struct strbuf masked = STRBUF_INIT;
		pg_url_mask(&masked, url);
		if (parse_err) {
			tidy_libpq_message(&msg, parse_err);
			redact(&msg, raw_password.buf);
		}
		mesdb_error(err, MESDB_E_CONFIG, "invalid database URL \"%s\"", masked.buf);
		if (msg.len)
			mesdb_err_detail(err, "%s", msg.buf);
		strbuf_release(&masked);
		goto out;
	}
	for (PQconninfoOption *o = opts; o->keyword; o++) {
		if (!o->val)
			continue;
		if (!strcmp(o->keyword, "connect_timeout"))
			timeout_s = atoi(o->val);
		else if (!strcmp(o->keyword, "password"))
			password = xstrdup(o->val);
		else if (!strcmp(o->keyword, "options"))
			url_options = true;
		else if (!strcmp(o->keyword, "gssencmode"))
			url_gssencmode = true;
	}
	c->schema = schema ? schema : xstrdup("public");
	schema = NULL;

	/* before dbname: the URL's own values win */
	keys[nkeys] = "client_encoding";           vals[nkeys++] = "UTF8";
	keys[nkeys] = "fallback_application_name"; vals[nkeys++] = "mesdb";
	/*
	 * GSS encryption is tried before anything else when libpq has Kerberos
	 * credentials: a round trip (and a library load) per connection for a
	 * feature the URL did not ask for.
	 */
	if (!url_gssencmode && !getenv("PGGSSENCMODE")) {
		keys[nkeys] = "gssencmode";        vals[nkeys++] = "disable";
	}
	/*
	 * The search_path in the startup packet spares a query, unless the URL
	 * (or PGOPTIONS) has options of its own or the name is not plain ASCII
	 * (the startup packet is read before the encodings are settled).
	 */
	startup_options = !url_options && !getenv("PGOPTIONS") && ascii_name(c->schema);
	if (startup_options) {
		startup_search_path(&options, c->schema);
		keys[nkeys] = "options";           vals[nkeys++] = options.buf;
	}
	keys[nkeys] = "dbname";                    vals[nkeys++] = conninfo.buf;
	keys[nkeys] = NULL;                        vals[nkeys] = NULL;

	c->conn = PQconnectStartParams(keys, vals, 1);
	if (!c->conn)
		MESDB_BUG("PQconnectStartParams: out of memory");
	PQsetNoticeReceiver(c->conn, notice_receiver, c);

	if (PQstatus(c->conn) == CONNECTION_BAD ||
	    connect_poll(c->conn, timeout_s > 0 ? now_ms() + timeout_s * 1000.0 : 0,
			 &timed_out) < 0) {
		const char *host = PQhost(c->conn), *port = PQport(c->conn), *db = PQdb(c->conn);
		host = host && *host ? host : "localhost";
		port = port && *port ? port : "5432";
		if (timed_out)
			strbuf_addf(&msg, "timeout expired after %d s", timeout_s);
		else
			tidy_libpq_message(&msg, PQerrorMessage(c->conn));
		redact(&msg, password);
		redact(&msg, raw_password.buf);
		mesdb_error(err, MESDB_E_CONNECT, "could not connect to database \"%s\" at %s:%s",
			    db ? db : "", host, port);
		mesdb_err_detail(err, "%s", msg.buf);
		mesdb_err_set_code(err, connect_code(msg.buf));
		if (!strcmp(err->code, "P1001"))
			mesdb_err_hint(err, "make sure the database server is running at %s:%s",
				       host, port);
		goto out;
	}

	c->host = dup_or(PQhost(c->conn), "localhost");
	c->port = dup_or(PQport(c->conn), "5432");
	c->database = dup_or(PQdb(c->conn), "");
	c->user = dup_or(PQuser(c->conn), "");

	if (!startup_options) {
		const char *path[1] = { c->schema };
		if (pg_set_search_path(c, path, 1, err) < 0)
			goto out;
	}
	*out = c;
	c = NULL;
	ret = 0;
out:
	conn_free(c);
	if (opts)
		PQconninfoFree(opts);
	if (parse_err)
		PQfreemem(parse_err);
	if (password) {
		memset(password, 0, strlen(password));
		free(password);
	}
	free(schema);
	strbuf_release(&conninfo);
	strbuf_release(&options);
	strbuf_release(&kept);
	strbuf_release(&msg);
	strbuf_release(&raw_password);
	return ret;
}

struct pg_connect_job {
	pthread_t thread;
	bool started;             /* the thread runs; else end connects itself */
	char *url;
	int timeout_s;
	int ret;
	struct pg_conn *conn;
	struct mesdb_err err;
};

static void *connect_thread(void *arg)
{
	struct pg_connect_job *job = arg;

	job->ret = pg_connect(&job->conn, job->url, job->timeout_s, &job->err);
	return NULL;
}

struct pg_connect_job *pg_connect_begin(const char *url, int connect_timeout_s)
{
	struct pg_connect_job *job = xcalloc(1, sizeof(*job));

	job->url = xstrdup(url ? url : "");
	job->timeout_s = connect_timeout_s;
	job->started = pthread_create(&job->thread, NULL, connect_thread, job) == 0;
	return job;
}

int pg_connect_end(struct pg_connect_job *job, struct pg_conn **out, struct mesdb_err *err)
{
	int ret;

	if (job->started)
		pthread_join(job->thread, NULL);
	else
		connect_thread(job);
	ret = job->ret;
	if (ret == 0 && out) {
		*out = job->conn;
	} else {
		pg_close(job->conn);
		if (out)
			*out = NULL;
	}
	if (ret < 0 && err)
		mesdb_err_move(err, &job->err);
	mesdb_err_release(&job->err);
	free(job->url);
	free(job);
	return ret;
}

void pg_close(struct pg_conn *c)
{
	conn_free(c);
}

const char *pg_conn_host(const struct pg_conn *c) { return c->host; }
const char *pg_conn_port(const struct pg_conn *c) { return c->port; }
const char *pg_conn_database(const struct pg_conn *c) { return c->database; }
const char *pg_conn_user(const struct pg_conn *c) { return c->user; }
const char *pg_conn_schema(const struct pg_conn *c) { return c->schema; }

int pg_server_version(const struct pg_conn *c)
{
	return PQserverVersion(c->conn);
}

bool pg_in_transaction(const struct pg_conn *c)
{
	PGTransactionStatusType t = PQtransactionStatus(c->conn);
	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

/* ---- errors of queries ---- */

/*
 * 1-based line and column of the 1-based character position pos in sql
 * (UTF-8: continuation bytes do not count); *line_start and *line_len give
 * that line.
 */
static void locate(const char *sql, long pos, uint32_t *line, uint32_t *col,
		   const char **line_start, size_t *line_len)
{
	const char *p = sql, *ls = sql;
	long chars = 0;
	uint32_t l = 1, cl = 0;

	for (; *p; p++) {
		if (((unsigned char)*p & 0xC0) == 0x80)
			continue;
		chars++;
		if (chars == pos)
			break;
		if (*p == '\n') {
			l++;
			cl = 0;
			ls = p + 1;
		} else {
			cl++;
		}
	}
	*line = l;
	*col = cl + 1;
	*line_start = ls;
	*line_len = strcspn(ls, "\n");
	if (*line_len && ls[*line_len - 1] == '\r')
		(*line_len)--;
}

static int query_error(struct pg_conn *c, const PGresult *res, const char *sql,
		       struct mesdb_err *err)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
	const char *hint = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_HINT) : NULL;
	const char *position = res ? PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION) : NULL;
	const char *context = res ? PQresultErrorField(res, PG_DIAG_CONTEXT) : NULL;
	struct strbuf d = STRBUF_INIT, m = STRBUF_INIT;

	const char *severity = res ? PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED) : NULL;

	c->err_line = c->err_column = 0;
	/*
	 * A FATAL error ends the session (terminated backend, server shutdown);
	 * in pipeline mode it arrives as a result before libpq sees the socket close.
	 */
	if (PQstatus(c->conn) == CONNECTION_BAD ||
	    (severity && (!strcmp(severity, "FATAL") || !strcmp(severity, "PANIC")))) {
		if (PQstatus(c->conn) != CONNECTION_BAD && primary) {
			mesdb_error(err, MESDB_E_CONNECT, "lost the connection to the database server "
				    "at %s:%s", c->host, c->port);
			mesdb_err_detail(err, "%s", primary);
			mesdb_err_set_sqlstate(err, state);
			mesdb_err_set_code(err, "P1017");
			return -1;
		}
		tidy_libpq_message(&m, PQerrorMessage(c->conn));
		mesdb_error(err, MESDB_E_CONNECT, "lost the connection to the database server at %s:%s",
			    c->host, c->port);
		if (m.len)
			mesdb_err_detail(err, "%s", m.buf);
		mesdb_err_set_code(err, "P1017");
		strbuf_release(&m);
		return -1;
	}
	if (primary) {
		strbuf_addstr(&m, primary);
	} else {
		tidy_libpq_message(&m, res ? PQresultErrorMessage(res) : PQerrorMessage(c->conn));
		if (!m.len)
			tidy_libpq_message(&m, PQerrorMessage(c->conn));
	}
	mesdb_error(err, MESDB_E_QUERY, "%s", m.len ? m.buf : "query failed");
	mesdb_err_set_sqlstate(err, state);

	if (detail)
		strbuf_addstr(&d, detail);
	if (position && sql) {
		const char *ls;
		size_t ll;
		locate(sql, atol(position), &c->err_line, &c->err_column, &ls, &ll);
		if (d.len)
			strbuf_addch(&d, '\n');
		strbuf_addf(&d, "at line %u, column %u: %.*s", c->err_line, c->err_column,
			    (int)ll, ls);
	}
	if (context) {
		if (d.len)
			strbuf_addch(&d, '\n');
		strbuf_addf(&d, "context: %s", context);
	}
	if (d.len)
		mesdb_err_detail(err, "%s", d.buf);
	if (hint)
		mesdb_err_hint(err, "%s", hint);
	strbuf_release(&d);
	strbuf_release(&m);
	return -1;
}

void pg_last_error_position(const struct pg_conn *c, uint32_t *line, uint32_t *column)
{
	*line = c->err_line;
	*column = c->err_column;
}

static bool result_ok(const PGresult *res)
{
	ExecStatusType st = PQresultStatus(res);
	return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY;
}

int pgi_query(struct pg_conn *c, const char *sql, int nparams, const char *const *params,
	      PGresult **out, struct mesdb_err *err)
{
	PGresult *res;

	*out = NULL;
	if (nparams > 0)
		res = PQexecParams(c->conn, sql, nparams, NULL, params, NULL, NULL, 0);
	else
		res = PQexec(c->conn, sql);
	if (!res || !result_ok(res)) {
		query_error(c, res, sql, err);
		PQclear(res);
		return -1;
	}
	*out = res;
	return 0;
}

int pgi_col(const PGresult *res, const char *name)
{
	int n = PQfnumber(res, name);
	if (n < 0)
		MESDB_BUG("catalog query lacks a column");
	return n;
}

/* ---- pipeline mode ---- */

/* A libpq failure outside a statement (sending, protocol): MESDB_E_CONNECT when the connection broke. */
static int pipe_error(struct pg_conn *c, const char *what, struct mesdb_err *err)
{
	struct strbuf m = STRBUF_INIT;

	tidy_libpq_message(&m, PQerrorMessage(c->conn));
	if (PQstatus(c->conn) == CONNECTION_BAD) {
		mesdb_error(err, MESDB_E_CONNECT, "lost the connection to the database server at %s:%s",
			    c->host, c->port);
		mesdb_err_set_code(err, "P1017");
	} else {
		mesdb_error(err, MESDB_E_QUERY, "%s", what);
	}
	if (m.len)
		mesdb_err_detail(err, "%s", m.buf);
	strbuf_release(&m);
	return -1;
}

int pgi_pipe_begin(struct pg_conn *c, struct mesdb_err *err)
{
	if (!PQenterPipelineMode(c->conn))
		return pipe_error(c, "could not enter pipeline mode", err);
	c->pipe_syncs = 0;
	return 0;
}

int pgi_pipe_send(struct pg_conn *c, const char *sql, int nparams, const char *const *params,
		  struct mesdb_err *err)
{
	if (!PQsendQueryParams(c->conn, sql, nparams, NULL, params, NULL, NULL, 0))
		return pipe_error(c, "could not send a query", err);
	return 0;
}

int pgi_pipe_sync(struct pg_conn *c, struct mesdb_err *err)
{
	if (!PQpipelineSync(c->conn))
		return pipe_error(c, "could not send a sync point", err);
	c->pipe_syncs++;
	return 0;
}

int pgi_pipe_result(struct pg_conn *c, const char *sql, PGresult **out, struct mesdb_err *err)
{
	PGresult *res = PQgetResult(c->conn), *extra;

	*out = NULL;
	if (!res)
		return pipe_error(c, "no result for a query", err);
	if (PQresultStatus(res) == PGRES_PIPELINE_ABORTED) {
		PQclear(res);
		mesdb_error(err, MESDB_E_QUERY, "a query was skipped after an earlier error");
		return -1;
	}
	if (PQresultStatus(res) == PGRES_PIPELINE_SYNC) {
		/* more results asked for than statements sent: ours */
		PQclear(res);
		c->pipe_syncs--;
		MESDB_BUG("pipeline: result asked for past the sync point");
	}
	/* each statement's results end with a NULL */
	while ((extra = PQgetResult(c->conn)) != NULL)
		PQclear(extra);
	if (!result_ok(res)) {
		query_error(c, res, sql, err);
		PQclear(res);
		return -1;
	}
	*out = res;
	return 0;
}

int pgi_pipe_end(struct pg_conn *c, struct mesdb_err *err)
{
	int nulls = 0;

	while (c->pipe_syncs > 0 && PQstatus(c->conn) != CONNECTION_BAD) {
		PGresult *res = PQgetResult(c->conn);
		if (!res) {
			/* two NULLs in a row: nothing more will come */
			if (++nulls > 1)
				break;
			continue;
		}
		nulls = 0;
		if (PQresultStatus(res) == PGRES_PIPELINE_SYNC)
			c->pipe_syncs--;
		PQclear(res);
	}
	c->pipe_syncs = 0;
	if (!PQexitPipelineMode(c->conn))
		return pipe_error(c, "could not leave pipeline mode", err);
	return 0;
}

static int wrap(PGresult *res, struct pg_result **out)
{
	if (out) {
		*out = xmalloc(sizeof(**out));
		(*out)->res = res;
	} else {
		PQclear(res);
	}
	return 0;
}

int pg_exec(struct pg_conn *c, const char *sql, struct pg_result **out, struct mesdb_err *err)
{
	PGresult *res;
	if (out)
		*out = NULL;
	if (pgi_query(c, sql, 0, NULL, &res, err) < 0)
		return -1;
	return wrap(res, out);
}

int pg_exec_params(struct pg_conn *c, const char *sql, int nparams, const char *const *params,
		   struct pg_result **out, struct mesdb_err *err)
{
	PGresult *res;
	if (out)
		*out = NULL;
	/* PQexecParams also for zero parameters: one statement, extended protocol */
	res = PQexecParams(c->conn, sql, nparams, NULL, params, NULL, NULL, 0);
	if (!res || !result_ok(res)) {
		query_error(c, res, sql, err);
		PQclear(res);
		return -1;
	}
	return wrap(res, out);
}

int pg_exec_pipelined(struct pg_conn *c, const char *const *sqls, size_t n,
		      struct pg_result **results, struct mesdb_err *err)
{
	size_t i, got = 0;

	for (i = 0; results && i < n; i++)
		results[i] = NULL;
	if (!n)
		return 0;
	if (pgi_pipe_begin(c, err) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (pgi_pipe_send(c, sqls[i], 0, NULL, err) < 0)
			goto fail;
	if (pgi_pipe_sync(c, err) < 0)
		goto fail;
	for (got = 0; got < n; got++) {
		PGresult *res;
		if (pgi_pipe_result(c, sqls[got], &res, err) < 0)
			goto fail;
		if (results)
			wrap(res, &results[got]);
		else
			PQclear(res);
	}
	return pgi_pipe_end(c, err);
fail:
	pgi_pipe_end(c, NULL);
	for (i = 0; results && i < got; i++) {
		pg_result_free(results[i]);
		results[i] = NULL;
	}
	return -1;
}

void pg_array_literal(struct strbuf *out, const char *const *items, size_t n)
{
	strbuf_addch(out, '{');
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_addch(out, ',');
		if (!items[i]) {
			strbuf_addstr(out, "NULL");
			continue;
		}
		strbuf_addch(out, '"');
		for (const char *p = items[i]; *p; p++) {
			if (*p == '"' || *p == '\\')
				strbuf_addch(out, '\\');
			strbuf_addch(out, *p);
		}
		strbuf_addch(out, '"');
	}
	strbuf_addch(out, '}');
}

void pg_result_free(struct pg_result *r)
{
	if (!r)
		return;
	PQclear(r->res);
	free(r);
}

int pg_result_rows(const struct pg_result *r) { return PQntuples(r->res); }
int pg_result_cols(const struct pg_result *r) { return PQnfields(r->res); }
int pg_result_col(const struct pg_result *r, const char *name) { return PQfnumber(r->res, name); }

const char *pg_result_value(const struct pg_result *r, int row, int col)
{
	return PQgetvalue(r->res, row, col);
}

bool pg_result_is_null(const struct pg_result *r, int row, int col)
{
	return PQgetisnull(r->res, row, col) != 0;
}

uint64_t pg_result_affected(const struct pg_result *r)
{
	const char *t = PQcmdTuples(r->res);
	return t && *t ? strtoull(t, NULL, 10) : 0;
}

/* ---- transactions and session ---- */

int pg_begin(struct pg_conn *c, struct mesdb_err *err)
{
	return pg_exec(c, "BEGIN", NULL, err);
}

int pg_commit(struct pg_conn *c, struct mesdb_err *err)
{
	return pg_exec(c, "COMMIT", NULL, err);
}

int pg_rollback(struct pg_conn *c, struct mesdb_err *err)
{
	if (PQtransactionStatus(c->conn) == PQTRANS_IDLE)
		return 0;
	return pg_exec(c, "ROLLBACK", NULL, err);
}

int pg_set_search_path(struct pg_conn *c, const char *const *schemas, size_t n,
		       struct mesdb_err *err)
{
	static const char sql[] =
		"SELECT pg_catalog.set_config('search_path', coalesce("
		"(SELECT pg_catalog.string_agg(pg_catalog.quote_ident(u.name), ', ' ORDER BY u.ord)"
		" FROM pg_catalog.unnest($1::pg_catalog.text[]) WITH ORDINALITY AS u(name, ord)),"
		" ''), false)";
	struct strbuf arr = STRBUF_INIT;
	const char *params[1];
	int ret;

	pg_array_literal(&arr, schemas, n);
	params[0] = arr.buf;
	ret = pg_exec_params(c, sql, 1, params, NULL, err);
	strbuf_release(&arr);
	return ret;
}
