/* execute.c - mesdb db execute: run a SQL script on a database in one transaction */
#include "db_common.h"
#include "schema_load.h"

#include <string.h>

#include "base/xalloc.h"

int mesdb_db_execute(const struct mesdb_execute_opts *opts, const struct mesdb_sink *sink,
		     struct mesdb_err *err)
{
	struct db_schema schema;
	struct ws_url url;
	struct pg_conn *conn = NULL;
	int ret = -1;

	db_schema_init(&schema);
	ws_url_init(&url);
	if (!opts->url == !opts->schema_path) {
		mesdb_error(err, MESDB_E_USAGE, "pass either --url or --schema");
		goto out;
	}
	if (memchr(opts->script, '\0', opts->script_len)) {
		mesdb_error(err, MESDB_E_USAGE, "the script contains a NUL byte");
		goto out;
	}
	if (opts->url) {
		db_url_literal(&url, opts->url);
	} else if (db_schema_load(&schema, opts->schema_path, true, sink, err) < 0 ||
		   db_schema_url(&schema, &url, err) < 0) {
		goto out;
	}
	if (pg_connect(&conn, url.url, PG_DEFAULT_CONNECT_TIMEOUT_S, err) < 0)
		goto out;
	if (pg_begin(conn, err) < 0)
		goto out;
	if (pg_exec(conn, opts->script, NULL, err) < 0) {
		if (!err->hint)
			mesdb_err_hint(err, "the script runs in one transaction: nothing was applied");
		goto out;
	}
	if (pg_in_transaction(conn)) {
		if (pg_commit(conn, err) < 0)
			goto out;
	}
	sink_out(sink, "Script executed successfully.\n");
	ret = 0;
out:
	if (conn) {
		pg_rollback(conn, NULL);
		pg_close(conn);
	}
	ws_url_release(&url);
	db_schema_release(&schema);
	return ret;
}
