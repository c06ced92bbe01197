/* workspace_cmds.c - mesdb db seed and mesdb setup: per-service data and roles/databases */
#include "db_common.h"
#include "schema_load.h"

#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/xalloc.h"
#include "mesdb/mesdb_ws.h"
#include "migrate/sqlsplit.h"
#include "render/render.h"
#include "workspace/pgurl.h"
#include "workspace/services.h"

/* The service URL of opts: opts->url, else the schema's datasource. */
static int service_url(const struct mesdb_service_opts *opts, struct db_schema *schema,
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

static void name_service(const struct mesdb_service_opts *opts, struct mesdb_err *err)
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
	if (service_url(opts, &schema, &url, sink, err) < 0)
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
	name_service(opts, err);
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
	if (service_url(opts, &schema, &url, sink, err) < 0 || pg_url_split(url.url, &svc, err) < 0)
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
		admin.query = xstrdup("");
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
	name_service(opts, err);
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
	struct db_schema schema;
	struct ws_url url;
	struct pg_conn *conn = NULL;
	struct pg_result *r = NULL;
	struct strbuf sql = STRBUF_INIT;
	const char *ns;
	int i, ret = -1;

	memset(st, 0, sizeof(*st));
	db_schema_init(&schema);
	ws_url_init(&url);
	if (service_url(opts, &schema, &url, NULL, err) < 0)
		goto out;
	if (pg_connect(&conn, url.url, PG_DEFAULT_CONNECT_TIMEOUT_S, err) < 0)
		goto out;
	ns = pg_conn_schema(conn);
	if (pg_exec_params(conn,
			   "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
			   "ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') "
			   "AND c.relname <> '_prisma_migrations' ORDER BY 1",
			   1, &ns, &r, err) < 0)
		goto out;
	st->tables = (unsigned)pg_result_rows(r);
	strbuf_addstr(&sql, "SELECT 0::bigint");
	for (i = 0; i < pg_result_rows(r); i++) {
		strbuf_addstr(&sql, " + (SELECT count(*) FROM ");
		sql_quote_ident(&sql, ns);
		strbuf_addch(&sql, '.');
		sql_quote_ident(&sql, pg_result_value(r, i, 0));
		strbuf_addch(&sql, ')');
	}
	pg_result_free(r);
	r = NULL;
	if (pg_exec(conn, sql.buf, &r, err) < 0)
		goto out;
	st->rows = strtoull(pg_result_value(r, 0, 0), NULL, 10);
	pg_result_free(r);
	r = NULL;
	if (pg_exec_params(conn, "SELECT to_regclass(format('%I._prisma_migrations', $1::text)) IS NOT NULL",
			   1, &ns, &r, err) < 0)
		goto out;
	if (!strcmp(pg_result_value(r, 0, 0), "t")) {
		pg_result_free(r);
		r = NULL;
		strbuf_reset(&sql);
		strbuf_addstr(&sql, "SELECT count(*) FROM ");
		sql_quote_ident(&sql, ns);
		strbuf_addstr(&sql, "._prisma_migrations WHERE finished_at IS NOT NULL "
			      "AND rolled_back_at IS NULL");
		if (pg_exec(conn, sql.buf, &r, err) < 0)
			goto out;
		st->migrations = (unsigned)strtoul(pg_result_value(r, 0, 0), NULL, 10);
	}
	ret = 0;
out:
	pg_result_free(r);
	pg_close(conn);
	name_service(opts, err);
	strbuf_release(&sql);
	ws_url_release(&url);
	db_schema_release(&schema);
	return ret;
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

int mesdb_url_host_port(const char *url, const char *new_host, const char *new_port,
			char **out, char **host, char **port, struct mesdb_err *err)
{
	struct pg_url_parts parts;
	struct strbuf sb = STRBUF_INIT;

	if (pg_url_split(url, &parts, err) < 0) {
		pg_url_parts_release(&parts);
		return -1;
	}
	if (host)
		*host = xstrdup(parts.host);
	if (port)
		*port = xstrdup(parts.port);
	if (out) {
		if (new_host) {
			free(parts.host);
			parts.host = xstrdup(new_host);
		}
		if (new_port) {
			free(parts.port);
			parts.port = xstrdup(new_port);
		}
		pg_url_join(&sb, &parts);
		*out = strbuf_detach(&sb, NULL);
	}
	pg_url_parts_release(&parts);
	return 0;
}
