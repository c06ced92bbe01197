/* workspace_cmds.c - mesdb db seed and setup, the workspace API, services' URLs and their .env */
#include "db_common.h"
#include "schema_load.h"
#include "ws_common.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/xalloc.h"
#include "mesdb/mesdb_ws.h"
#include "migrate/sqlsplit.h"
#include "render/render.h"
#include "workspace/dotenv.h"
#include "workspace/pgurl.h"
#include "workspace/services.h"

int ws_service_url(const struct mesdb_service_opts *opts, struct db_schema *schema,
		   struct ws_url *url, const struct mesdb_sink *sink, struct mesdb_err *err)
{
	if (db_schema_load(schema, opts->schema_path, !opts->url, sink, err) < 0)
		return -1;
	if (opts->url) {
		db_url_literal(url, opts->url);
		return 0;
	}
	return db_schema_url(schema, url, err);
}

void ws_name_service(const struct mesdb_service_opts *opts, struct mesdb_err *err)
{
	if (opts->service && err && err->status != MESDB_OK)
		mesdb_err_prefix(err, "service %s", opts->service);
}

int mesdb_service_database(const char *schema_path, char **database, char **url_out,
			   struct mesdb_err *err)
{
	struct db_schema schema;
	struct ws_url url;
	struct pg_url_parts parts;
	int ret = -1;

	*database = NULL;
	if (url_out)
		*url_out = NULL;
	db_schema_init(&schema);
	ws_url_init(&url);
	memset(&parts, 0, sizeof(parts));
	if (db_schema_load(&schema, schema_path, true, NULL, err) < 0 ||
	    db_schema_url(&schema, &url, err) < 0 || pg_url_split(url.url, &parts, err) < 0)
		goto out;
	*database = xstrdup(parts.database);
	if (url_out)
		*url_out = xstrdup(url.url);
	ret = 0;
out:
	pg_url_parts_release(&parts);
	ws_url_release(&url);
	db_schema_release(&schema);
	return ret;
}

/* <schema folder>/seed.sql: beside a schema file, or beside a schema folder. */
static void seed_path(const char *schema_path, struct strbuf *out)
{
	const char *slash = strrchr(schema_path, '/');

	strbuf_reset(out);
	if (fs_is_dir(schema_path)) {
		strbuf_addstr(out, schema_path);
		while (out->len > 1 && out->buf[out->len - 1] == '/')
			strbuf_setlen(out, out->len - 1);
		slash = strrchr(out->buf, '/');
		if (slash)
			strbuf_setlen(out, (size_t)(slash - out->buf));
		else
			strbuf_reset(out);
	} else if (slash) {
		strbuf_add(out, schema_path, (size_t)(slash - schema_path));
	}
	if (!out->len)
		strbuf_addstr(out, ".");
	strbuf_addstr(out, "/seed.sql");
}

int mesdb_db_seed(const struct mesdb_service_opts *opts, const struct mesdb_sink *sink,
		  struct mesdb_seed_result *res, struct mesdb_err *err)
{
	struct db_schema schema;
	struct ws_url url;
	struct pg_conn *conn = NULL;
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT, stmt = STRBUF_INIT,
		      sb = STRBUF_INIT;
	struct sql_script script = SQL_SCRIPT_INIT;
	double t0 = db_now_ms();
	size_t i;
	int ret = -1;

	memset(res, 0, sizeof(*res));
	db_schema_init(&schema);
	ws_url_init(&url);
	if (ws_service_url(opts, &schema, &url, sink, err) < 0)
		goto out;
	seed_path(schema.path, &path);
	if (!fs_is_file(path.buf)) {
		mesdb_error(err, MESDB_E_CONFIG, "no seed file: %s", path.buf);
		goto out;
	}
	if (fs_read_file(path.buf, &text, err) < 0)
		goto out;
	if (memchr(text.buf, '\0', text.len)) {
		mesdb_error(err, MESDB_E_CONFIG, "the seed file %s contains a NUL byte", path.buf);
		goto out;
	}
	sql_split(text.buf, text.len, &script);
	if (pg_connect(&conn, url.url, PG_DEFAULT_CONNECT_TIMEOUT_S, err) < 0)
		goto out;
	if (pg_begin(conn, err) < 0)
		goto out;
	for (i = 0; i < script.nr; i++) {
		const struct sql_stmt *st = &script.stmts[i];
		uint32_t line = 0, col = 0;
		const char *nl;

		strbuf_reset(&stmt);
		strbuf_add(&stmt, text.buf + st->start, st->len);
		if (pg_exec(conn, stmt.buf, NULL, err) < 0) {
			pg_last_error_position(conn, &line, &col);
			line = line ? st->line + line - 1 : st->line;
			nl = strchr(stmt.buf, '\n');
			strbuf_reset(&sb);
			if (err && err->detail)
				strbuf_addf(&sb, "%s\n", err->detail);
			strbuf_addf(&sb, "statement %zu at %s:%u", i + 1, path.buf, (unsigned)line);
			strbuf_addf(&sb, ": %.*s%s", (int)(nl ? (size_t)(nl - stmt.buf) : stmt.len),
				    stmt.buf, nl ? " ..." : "");
			mesdb_err_detail(err, "%s", sb.buf);
			mesdb_err_hint(err, "the seed runs in one transaction: nothing of it was kept");
			mesdb_err_prefix(err, "the seed failed at line %u", (unsigned)line);
			goto out;
		}
	}
	if (pg_commit(conn, err) < 0)
		goto out;
	res->statements = (unsigned)script.nr;
	res->ms = db_now_ms() - t0;
	strbuf_reset(&sb);
	strbuf_addf(&sb, "Seeded %s from %s: %zu statements in %.0f ms\n",
		    pg_conn_database(conn), path.buf, script.nr, res->ms);
	sink_out(sink, sb.buf);
	ret = 0;
out:
	if (conn) {
		pg_rollback(conn, NULL);
		pg_close(conn);
	}
	ws_name_service(opts, err);
	sql_script_release(&script);
	strbuf_release(&path);
	strbuf_release(&text);
	strbuf_release(&stmt);
	strbuf_release(&sb);
	ws_url_release(&url);
	db_schema_release(&schema);
	return ret;
}

/* Does the query with one parameter return a row? -1 on error. */
static int exists(struct pg_conn *c, const char *sql, const char *param, struct mesdb_err *err)
{
	struct pg_result *r = NULL;
	int n;

	if (pg_exec_params(c, sql, 1, &param, &r, err) < 0)
		return -1;
	n = pg_result_rows(r);
	pg_result_free(r);
	return n > 0;
}

/* Run a statement that holds the password: errors never carry the text. */
static int exec_secret(struct pg_conn *c, const char *sql, struct mesdb_err *err)
{
	struct mesdb_err e = MESDB_ERR_INIT;

	if (pg_exec(c, sql, NULL, &e) == 0)
		return 0;
	mesdb_error(err, e.status, "%s", e.message ? e.message : "the role statement failed");
	mesdb_err_set_sqlstate(err, e.sqlstate);
	mesdb_err_release(&e);
	return -1;
}

int mesdb_setup(const struct mesdb_service_opts *opts, const struct mesdb_sink *sink,
		struct mesdb_err *err)
{
	struct db_schema schema;
	struct ws_url url;
	struct pg_url_parts svc, admin;
	struct pg_conn *conn = NULL;
	struct strbuf sql = STRBUF_INIT, role = STRBUF_INIT, db = STRBUF_INIT,
		      admin_url = STRBUF_INIT, sb = STRBUF_INIT;
	const char *given_admin = opts->admin_url;
	int r, ret = -1;
	bool created_role = false, created_db = false;

	db_schema_init(&schema);
	ws_url_init(&url);
	memset(&svc, 0, sizeof(svc));
	memset(&admin, 0, sizeof(admin));
	if (ws_service_url(opts, &schema, &url, sink, err) < 0 || pg_url_split(url.url, &svc, err) < 0)
		goto out;
	if (!*svc.user || !*svc.database) {
		mesdb_error(err, MESDB_E_CONFIG, "the URL %s names no user or no database",
			    url.masked);
		goto out;
	}
	if (!given_admin || !*given_admin)
		given_admin = getenv("MESDB_ADMIN_URL");
	if (given_admin && *given_admin) {
		strbuf_addstr(&admin_url, given_admin);
	} else {
		admin.user = xstrdup("postgres");
		admin.password = xstrdup("");
		admin.host = xstrdup(svc.host);
		admin.port = xstrdup(svc.port);
		admin.database = xstrdup("postgres");
		{
			/* a Unix socket folder (`host` parameter) is where the server is */
			char *sock = pg_url_query_get(svc.query, "host");
			struct strbuf q = STRBUF_INIT;
			if (sock)
				pg_url_query_set(&q, "", "host", sock);
			admin.query = strbuf_detach(&q, NULL);
			free(sock);
		}
		pg_url_join(&admin_url, &admin);
	}
	if (pg_connect(&conn, admin_url.buf, PG_DEFAULT_CONNECT_TIMEOUT_S, err) < 0)
		goto out;
	sql_quote_ident(&role, svc.user);
	sql_quote_ident(&db, svc.database);

	r = exists(conn, "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1", svc.user, err);
	if (r < 0)
		goto out;
	strbuf_addf(&sql, "%s ROLE %s LOGIN", r ? "ALTER" : "CREATE", role.buf);
	if (*svc.password) {
		strbuf_addstr(&sql, " PASSWORD ");
		sql_quote_literal(&sql, svc.password);
	}
	if (exec_secret(conn, sql.buf, err) < 0)
		goto out;
	created_role = !r;

	r = exists(conn, "SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1", svc.database,
		   err);
	if (r < 0)
		goto out;
	strbuf_reset(&sql);
	if (!r)
		strbuf_addf(&sql, "CREATE DATABASE %s OWNER %s", db.buf, role.buf);
	else
		strbuf_addf(&sql, "ALTER DATABASE %s OWNER TO %s", db.buf, role.buf);
	if (pg_exec(conn, sql.buf, NULL, err) < 0)
		goto out;
	created_db = !r;
	strbuf_reset(&sql);
	strbuf_addf(&sql, "REVOKE CONNECT ON DATABASE %s FROM PUBLIC; "
		    "GRANT CONNECT ON DATABASE %s TO %s",
		    db.buf, db.buf, role.buf);
	if (pg_exec(conn, sql.buf, NULL, err) < 0)
		goto out;
	strbuf_addf(&sb, "Role %s %s, database %s %s (owner %s, CONNECT revoked from PUBLIC)\n",
		    svc.user, created_role ? "created" : "exists", svc.database,
		    created_db ? "created" : "exists", svc.user);
	sink_out(sink, sb.buf);
	ret = 0;
out:
	pg_close(conn);
	ws_name_service(opts, err);
	pg_url_parts_release(&svc);
	pg_url_parts_release(&admin);
	strbuf_release(&sql);
	strbuf_release(&role);
	strbuf_release(&db);
	strbuf_release(&admin_url);
	strbuf_release(&sb);
	ws_url_release(&url);
	db_schema_release(&schema);
	return ret;
}

int mesdb_service_stats(const struct mesdb_service_opts *opts, struct mesdb_service_stats *st,
			struct mesdb_err *err)
{
	struct mesdb_tables t;

	memset(st, 0, sizeof(*st));
	if (mesdb_db_tables(opts, &t, err) < 0)
		return -1;
	st->tables = (unsigned)t.nr;
	st->rows = t.rows;
	st->migrations = t.migrations > 0 ? (unsigned)t.migrations : 0;
	mesdb_tables_release(&t);
	return 0;
}

/* ---- the workspace, through the public API (struct layouts match) ---- */

_Static_assert(sizeof(struct mesdb_service) == sizeof(struct ws_service),
	       "mesdb_service mirrors ws_service");
_Static_assert(sizeof(struct mesdb_workspace) == sizeof(struct ws_services),
	       "mesdb_workspace mirrors ws_services");

int mesdb_workspace_open(const char *start, struct mesdb_workspace *ws, struct mesdb_err *err)
{
	struct ws_services w;
	size_t i;

	memset(ws, 0, sizeof(*ws));
	ws_services_init(&w);
	if (ws_discover(start, &w, err) < 0) {
		ws_services_release(&w);
		return -1;
	}
	ws->root = w.root;
	ws->nr = ws->alloc = w.nr;
	ws->items = ws->nr ? xmalloc(ws->nr * sizeof(*ws->items)) : NULL;
	for (i = 0; i < w.nr; i++) {
		ws->items[i].name = w.items[i].name;
		ws->items[i].dir = w.items[i].dir;
		ws->items[i].schema = w.items[i].schema;
	}
	free(w.items);
	return 0;
}

void mesdb_workspace_release(struct mesdb_workspace *ws)
{
	size_t i;

	for (i = 0; i < ws->nr; i++) {
		free(ws->items[i].name);
		free(ws->items[i].dir);
		free(ws->items[i].schema);
	}
	free(ws->items);
	free(ws->root);
	memset(ws, 0, sizeof(*ws));
}

const struct mesdb_service *mesdb_workspace_find(const struct mesdb_workspace *ws,
						  const char *name)
{
	size_t i;

	for (i = 0; i < ws->nr; i++)
		if (!strcmp(ws->items[i].name, name))
			return &ws->items[i];
	return NULL;
}

const struct mesdb_service *mesdb_workspace_service_of(const struct mesdb_workspace *ws,
							const char *dir)
{
	size_t i;

	for (i = 0; i < ws->nr; i++) {
		size_t n = strlen(ws->items[i].dir);
		if (!strncmp(dir, ws->items[i].dir, n) && (dir[n] == '\0' || dir[n] == '/'))
			return &ws->items[i];
	}
	return NULL;
}

int mesdb_service_ensure_env(const struct mesdb_service *svc, bool *created,
			     struct mesdb_err *err)
{
	struct ws_service s = { svc->name, svc->dir, svc->schema };
	return ws_ensure_env(&s, created, err);
}

static bool is_local_host(const char *host)
{
	return !*host || !strcmp(host, "localhost") || !strcmp(host, "127.0.0.1") ||
	       !strcmp(host, "::1") || !strcmp(host, "[::1]") || host[0] == '/';
}

int mesdb_url_endpoint(const char *url, char **host, char **port, char **socket_dir,
		       struct mesdb_err *err)
{
	struct pg_url_parts parts;
	char *sock;

	*host = *port = *socket_dir = NULL;
	if (pg_url_split(url, &parts, err) < 0) {
		pg_url_parts_release(&parts);
		return -1;
	}
	sock = pg_url_query_get(parts.query, "host");
	if (!sock && parts.host[0] == '/')
		sock = xstrdup(parts.host);
	if (sock && sock[0] != '/') {
		/* a host=NAME parameter: it is the host */
		free(parts.host);
		parts.host = sock;
		sock = NULL;
	}
	*host = xstrdup(parts.host[0] == '/' ? "" : parts.host);
	*port = xstrdup(parts.port);
	*socket_dir = sock ? sock : xstrdup("");
	pg_url_parts_release(&parts);
	return 0;
}

/* parts pointed at host/port (NULL: kept), socket_dir (NULL: TCP), into out. */
static void point_parts(struct pg_url_parts *parts, const char *host, const char *port,
			const char *socket_dir, struct strbuf *out)
{
	struct strbuf q = STRBUF_INIT;

	if (host) {
		free(parts->host);
		parts->host = xstrdup(host);
	}
	if (port) {
		free(parts->port);
		parts->port = xstrdup(port);
	}
	pg_url_query_set(&q, parts->query, "host", socket_dir);
	free(parts->query);
	parts->query = strbuf_detach(&q, NULL);
	pg_url_join(out, parts);
}

int mesdb_url_point(const char *url, const char *host, const char *port, const char *socket_dir,
		    char **out, struct mesdb_err *err)
{
	struct pg_url_parts parts;
	struct strbuf sb = STRBUF_INIT;

	*out = NULL;
	if (pg_url_split(url, &parts, err) < 0) {
		pg_url_parts_release(&parts);
		return -1;
	}
	point_parts(&parts, host, port, socket_dir, &sb);
	*out = strbuf_detach(&sb, NULL);
	pg_url_parts_release(&parts);
	return 0;
}

void mesdb_env_point_result_release(struct mesdb_env_point_result *res)
{
	free(res->var);
	free(res->file);
	free(res->masked);
	memset(res, 0, sizeof(*res));
}

/* Are a and b the same URL but for host, port and the `host` parameter? */
static bool same_but_endpoint(const struct pg_url_parts *a, const struct pg_url_parts *b)
{
	struct strbuf qa = STRBUF_INIT, qb = STRBUF_INIT;
	bool same;

	pg_url_query_set(&qa, a->query, "host", NULL);
	pg_url_query_set(&qb, b->query, "host", NULL);
	same = !strcmp(a->user, b->user) && !strcmp(a->password, b->password) &&
	       !strcmp(a->database, b->database) && !strcmp(qa.buf, qb.buf);
	strbuf_release(&qa);
	strbuf_release(&qb);
	return same;
}

static bool same_file(const char *a, const char *b)
{
	char ra[PATH_MAX], rb[PATH_MAX];

	return realpath(a, ra) && realpath(b, rb) && !strcmp(ra, rb);
}

/*
 * text with the line that defines var (the last definition) replaced by
 * var="url", keeping an `export ` prefix; false when the result would not
 * define exactly that (a value over several lines...).
 */
static bool replace_definition(struct strbuf *text, const char *var, const char *url)
{
	struct dotenv before = DOTENV_INIT, after = DOTENV_INIT;
	struct strbuf line = STRBUF_INIT;
	const char *p, *end, *got;
	uint32_t target = 0, n;
	size_t start, len;
	bool ok = false;

	dotenv_parse(&before, text->buf, text->len);
	for (size_t i = 0; i < before.nr; i++)
		if (!strcmp(before.items[i].key, var))
			target = before.items[i].line;
	if (!target)
		goto out;
	p = text->buf;
	for (n = 1; n < target && (p = strchr(p, '\n')); n++)
		p++;
	if (!p)
		goto out;
	end = strchr(p, '\n');
	start = (size_t)(p - text->buf);
	len = end ? (size_t)(end - p) : strlen(p);
	if (len && p[len - 1] == '\r')
		len--;
	p += strspn(p, " \t");
	if (!strncmp(p, "export ", 7))
		strbuf_addstr(&line, "export ");
	strbuf_addf(&line, "%s=\"%s\"", var, url);
	strbuf_remove(text, start, len);
	strbuf_insert(text, start, line.buf, line.len);
	dotenv_parse(&after, text->buf, text->len);
	got = dotenv_get(&after, var);
	ok = got && !strcmp(got, url) && after.nr == before.nr;
	for (size_t i = 0; ok && i < before.nr; i++)
		ok = !strcmp(before.items[i].key, var) ||
		     (dotenv_get(&after, before.items[i].key) &&
		      !strcmp(dotenv_get(&after, before.items[i].key), before.items[i].value));
out:
	strbuf_release(&line);
	dotenv_release(&before);
	dotenv_release(&after);
	return ok;
}

int mesdb_service_env_point(const struct mesdb_service *svc, const char *port,
			    const char *socket_dir, struct mesdb_env_point_result *res,
			    struct mesdb_err *err)
{
	struct db_schema schema;
	struct ws_url url;
	struct dotenv example = DOTENV_INIT;
	struct pg_url_parts cur, ex;
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT, sb = STRBUF_INIT;
	const struct psl_db_datasource *ds;
	const char *exval;
	char *cur_sock = NULL;
	bool found;
	int ret = -1;

	memset(res, 0, sizeof(*res));
	memset(&cur, 0, sizeof(cur));
	memset(&ex, 0, sizeof(ex));
	db_schema_init(&schema);
	ws_url_init(&url);
	if (db_schema_load(&schema, svc->schema, true, NULL, err) < 0)
		goto out;
	ds = &schema.db.datasource;
	if (db_schema_url(&schema, &url, err) < 0)
		goto out;
	res->masked = xstrdup(url.masked);
	if (!ds->url_env) {
		res->what = MESDB_ENV_LITERAL;
		ret = 0;
		goto out;
	}
	res->var = xstrdup(ds->url_env);
	if (!url.env_file) {
		res->what = MESDB_ENV_FROM_PROCESS;
		ret = 0;
		goto out;
	}
	res->file = xstrdup(url.env_file);
	fs_path_join(&path, svc->dir, ".env");
	if (!same_file(url.env_file, path.buf)) {
		res->what = MESDB_ENV_OTHER_FILE;
		ret = 0;
		goto out;
	}
	res->what = MESDB_ENV_EDITED;
	fs_path_join(&path, svc->dir, ".env.example");
	if (dotenv_load(&example, path.buf, &found, err) < 0)
		goto out;
	exval = found ? dotenv_get(&example, ds->url_env) : NULL;
	if (!exval || pg_url_split(url.url, &cur, NULL) < 0 || pg_url_split(exval, &ex, NULL) < 0 ||
	    !same_but_endpoint(&cur, &ex)) {
		ret = 0;
		goto out;
	}
	cur_sock = pg_url_query_get(cur.query, "host");
	if ((!port || !strcmp(port, cur.port)) && is_local_host(cur.host) && cur.host[0] != '/' &&
	    (socket_dir ? cur_sock && !strcmp(cur_sock, socket_dir) : !cur_sock)) {
		res->what = MESDB_ENV_ALREADY;
		ret = 0;
		goto out;
	}
	point_parts(&cur, is_local_host(cur.host) && cur.host[0] != '/' ? NULL : "localhost", port,
		    socket_dir, &sb);
	if (fs_read_file(url.env_file, &text, err) < 0)
		goto out;
	if (!replace_definition(&text, ds->url_env, sb.buf)) {
		ret = 0;
		goto out;
	}
	if (fs_write_file(url.env_file, text.buf, text.len, 0600, err) < 0)
		goto out;
	res->what = MESDB_ENV_POINTED;
	free(res->masked);
	strbuf_reset(&text);
	pg_url_mask(&text, sb.buf);
	res->masked = strbuf_detach(&text, NULL);
	ret = 0;
out:
	free(cur_sock);
	pg_url_parts_release(&cur);
	pg_url_parts_release(&ex);
	dotenv_release(&example);
	strbuf_release(&path);
	strbuf_release(&text);
	strbuf_release(&sb);
	ws_url_release(&url);
	db_schema_release(&schema);
	if (ret < 0)
		mesdb_err_prefix(err, "service %s", svc->name);
	return ret;
}
