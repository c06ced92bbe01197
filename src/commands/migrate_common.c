/* migrate_common.c - open a migrate command: schema, migrations folder, URL, connection, lock */
#include "migrate_common.h"
#include "schema_load.h"

#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/xalloc.h"

static char *migrations_dir_of(const char *schema_path)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n;

	if (fs_is_dir(schema_path)) {
		strbuf_addstr(&sb, schema_path);
		while (sb.len > 1 && sb.buf[sb.len - 1] == '/')
			strbuf_setlen(&sb, sb.len - 1);
		strbuf_addstr(&sb, "/migrations");
		return strbuf_detach(&sb, NULL);
	}
	n = strlen(schema_path);
	while (n > 0 && schema_path[n - 1] != '/')
		n--;
	strbuf_add(&sb, schema_path, n);
	strbuf_addstr(&sb, "migrations");
	return strbuf_detach(&sb, NULL);
}

size_t migrate_ctx_schemas(const struct migrate_ctx *x, const char *const **schemas)
{
	*schemas = (const char *const *)x->db.datasource.schemas;
	return x->db.datasource.nschemas;
}

int migrate_ctx_open(struct migrate_ctx *x, const struct mesdb_migrate_opts *opts,
		     const struct mesdb_sink *sink, bool lock, struct mesdb_err *err)
{
	const struct psl_db_datasource *ds;
	struct strbuf sb = STRBUF_INIT;
	struct mesdb_err uerr = MESDB_ERR_INIT;
	struct pg_connect_job *job = NULL;
	bool bad_url = false;
	int ret = -1;

	memset(x, 0, sizeof(*x));
	psl_schema_init(&x->schema);
	psl_db_init(&x->db);
	ws_url_init(&x->url);
	migrations_init(&x->migs);

	if (mesdb_schema_locate(opts->schema_path, &x->schema_path, err) < 0)
		goto out;
	if (schema_load_valid(&x->schema, &x->db, x->schema_path, sink, err) < 0)
		goto out;
	ds = &x->db.datasource;
	if (!x->db.has_datasource) {
		mesdb_error(err, MESDB_E_CONFIG, "the schema at \"%s\" has no datasource block",
			    x->schema_path);
		goto out;
	}
	if (!ds->provider || (strcmp(ds->provider, "postgresql") && strcmp(ds->provider, "postgres"))) {
		mesdb_error(err, MESDB_E_CONFIG, "the datasource provider \"%s\" is not supported",
			    ds->provider ? ds->provider : "");
		mesdb_err_hint(err, "mesdb works with provider = \"postgresql\"");
		goto out;
	}
	strbuf_addf(&sb, "Prisma schema loaded from %s\n", x->schema_path);
	sink_out(sink, sb.buf);

	/*
	 * Connect on a thread while the migrations are read (libpq's loading and
	 * the server's session start take as long as reading a long history);
	 * the errors keep their order: the folder's first, then the URL's.
	 */
	if (opts->url) {
		struct strbuf masked = STRBUF_INIT;
		x->url.url = xstrdup(opts->url);
		pg_url_mask(&masked, opts->url);
		x->url.masked = strbuf_detach(&masked, NULL);
	} else if (ws_resolve_url(x->schema_path, ds->url, ds->url_env, &x->url, &uerr) < 0) {
		bad_url = true;
	}
	if (!bad_url)
		job = pg_connect_begin(x->url.url, PG_DEFAULT_CONNECT_TIMEOUT_S);
	x->migrations_dir = migrations_dir_of(x->schema_path);
	if (migrations_load(&x->migs, x->migrations_dir, err) < 0)
		goto out;
	if (migrations_check_provider(&x->migs, ds->provider, err) < 0)
		goto out;
	if (bad_url) {
		mesdb_err_move(err, &uerr);
		goto out;
	}
	ret = pg_connect_end(job, &x->conn, err);
	job = NULL;
	if (ret < 0)
		goto out;
	ret = -1;
	strbuf_reset(&sb);
	strbuf_addf(&sb, "Datasource \"%s\": PostgreSQL database \"%s\", schema \"%s\" at \"%s:%s\"\n",
		    ds->name ? ds->name : "db", pg_conn_database(x->conn), pg_conn_schema(x->conn),
		    pg_conn_host(x->conn), pg_conn_port(x->conn));
	sink_out(sink, sb.buf);

	if (lock) {
		int ms = opts->lock_timeout_ms > 0 ? opts->lock_timeout_ms : PG_MIGRATE_LOCK_TIMEOUT_MS;
		if (pg_advisory_lock_timeout(x->conn, PG_MIGRATE_LOCK_KEY, ms, err) < 0)
			goto out;
		x->locked = true;
	}
	ret = 0;
out:
	if (job)
		pg_connect_end(job, NULL, NULL);
	mesdb_err_release(&uerr);
	strbuf_release(&sb);
	return ret;
}

void migrate_ctx_close(struct migrate_ctx *x)
{
	if (x->conn) {
		if (x->locked) {
			pg_rollback(x->conn, NULL);
			pg_advisory_unlock(x->conn, PG_MIGRATE_LOCK_KEY, NULL);
		}
		pg_close(x->conn);
	}
	migrations_release(&x->migs);
	free(x->migrations_dir);
	ws_url_release(&x->url);
	psl_db_release(&x->db);
	psl_schema_release(&x->schema);
	free(x->schema_path);
	memset(x, 0, sizeof(*x));
}

void migrate_print_found(const struct migrate_ctx *x, const struct mesdb_sink *sink)
{
	struct strbuf sb = STRBUF_INIT;

	if (x->migs.nr)
		strbuf_addf(&sb, "\n%zu migration%s found in %s\n", x->migs.nr, x->migs.nr > 1 ? "s" : "",
			    x->migrations_dir);
	else
		strbuf_addf(&sb, "\nNo migration found in %s\n", x->migrations_dir);
	sink_out(sink, sb.buf);
	strbuf_release(&sb);
}
