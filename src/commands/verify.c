/* verify.c - mesdb db tables and mesdb verify: a service's tables, counts, sizes, migrations, drift */
/*
 * db tables reads the list and the sizes in one catalog query and every
 * row count in a second one, both in one read-only snapshot. verify puts
 * three checks on top: mesdb_migrate_status (the migrations), and
 * mesdb_migrate_diff from the live database to the datamodel (the drift:
 * what a db push would change), each through the public call with its
 * report captured instead of printed.
 */
#include "ws_common.h"
#include "schema_load.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "render/render.h"

#define MIGRATIONS_TABLE "_prisma_migrations"

void mesdb_tables_release(struct mesdb_tables *t)
{
	for (size_t i = 0; i < t->nr; i++) {
		free(t->items[i].schema);
		free(t->items[i].name);
		free(t->items[i].size);
	}
	free(t->items);
	free(t->database);
	free(t->host);
	free(t->port);
	free(t->schema);
	free(t->size);
	memset(t, 0, sizeof(*t));
}

/* The list with sizes: one row per table of the schemas in $1, _prisma_migrations included. */
static const char tables_sql[] =
	"SELECT n.nspname, c.relname, pg_catalog.pg_total_relation_size(c.oid) AS bytes, "
	"pg_catalog.pg_size_pretty(pg_catalog.pg_total_relation_size(c.oid)) AS size, "
	"pg_catalog.pg_size_pretty(sum(pg_catalog.pg_total_relation_size(c.oid)) "
	"FILTER (WHERE c.relname <> '" MIGRATIONS_TABLE "') OVER ()) AS total "
	"FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = ANY ($1::text[]) AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
	"ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"";

/* Fill t from the list query's result r; *has_migrations: the URL's schema has _prisma_migrations. */
static void read_list(struct mesdb_tables *t, const struct pg_result *r, bool *has_migrations)
{
	int cn = pg_result_col(r, "nspname"), cr = pg_result_col(r, "relname"),
	    cb = pg_result_col(r, "bytes"), cs = pg_result_col(r, "size"),
	    ct = pg_result_col(r, "total");
	int n = pg_result_rows(r);

	*has_migrations = false;
	t->items = xcalloc(n ? (size_t)n : 1, sizeof(*t->items));
	for (int i = 0; i < n; i++) {
		const char *ns = pg_result_value(r, i, cn), *name = pg_result_value(r, i, cr);
		struct mesdb_table_row *row;

		if (!strcmp(name, MIGRATIONS_TABLE)) {
			if (!strcmp(ns, t->schema))
				*has_migrations = true;
			continue;
		}
		row = &t->items[t->nr++];
		row->schema = xstrdup(ns);
		row->name = xstrdup(name);
		row->bytes = strtoll(pg_result_value(r, i, cb), NULL, 10);
		row->size = xstrdup(pg_result_value(r, i, cs));
		t->bytes += row->bytes;
	}
	t->size = xstrdup(n && *pg_result_value(r, 0, ct) ? pg_result_value(r, 0, ct) : "0 bytes");
}

/* One query for every count: c0..cN-1 the tables, then the applied migrations. */
static int count_rows(struct pg_conn *conn, struct mesdb_tables *t, bool has_migrations,
		      struct mesdb_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct pg_result *r = NULL;
	int ret = -1;

	if (!t->nr && !has_migrations)
		return 0;
	strbuf_addstr(&sql, "SELECT ");
	for (size_t i = 0; i < t->nr; i++) {
		strbuf_addf(&sql, "%s(SELECT count(*) FROM ", i ? ", " : "");
		sql_quote_ident(&sql, t->items[i].schema);
		strbuf_addch(&sql, '.');
		sql_quote_ident(&sql, t->items[i].name);
		strbuf_addch(&sql, ')');
	}
	if (has_migrations) {
		strbuf_addf(&sql, "%s(SELECT count(*) FROM ", t->nr ? ", " : "");
		sql_quote_ident(&sql, t->schema);
		strbuf_addstr(&sql, "." MIGRATIONS_TABLE " WHERE finished_at IS NOT NULL AND "
			      "rolled_back_at IS NULL)");
	}
	if (pg_exec(conn, sql.buf, &r, err) < 0) {
		mesdb_err_prefix(err, "could not count the rows");
		goto out;
	}
	for (size_t i = 0; i < t->nr; i++) {
		t->items[i].rows = strtoull(pg_result_value(r, 0, (int)i), NULL, 10);
		t->rows += t->items[i].rows;
	}
	if (has_migrations)
		t->migrations = strtol(pg_result_value(r, 0, (int)t->nr), NULL, 10);
	ret = 0;
out:
	pg_result_free(r);
	strbuf_release(&sql);
	return ret;
}

int mesdb_db_tables(const struct mesdb_service_opts *opts, struct mesdb_tables *t,
		    struct mesdb_err *err)
{
	struct db_schema schema;
	struct ws_url url;
	struct pg_conn *conn = NULL;
	struct pg_result *r = NULL;
	struct strbuf names = STRBUF_INIT;
	const char *const *list;
	const char *one, *param;
	uint32_t n;
	bool has_migrations = false;
	int ret = -1;

	memset(t, 0, sizeof(*t));
	t->migrations = -1;
	db_schema_init(&schema);
	ws_url_init(&url);
	if (ws_service_url(opts, &schema, &url, NULL, err) < 0)
		goto out;
	if (pg_connect(&conn, url.url, PG_DEFAULT_CONNECT_TIMEOUT_S, err) < 0)
		goto out;
	t->database = xstrdup(pg_conn_database(conn));
	t->host = xstrdup(pg_conn_host(conn));
	t->port = xstrdup(pg_conn_port(conn));
	t->schema = xstrdup(pg_conn_schema(conn));
	n = db_schema_namespaces(&schema, &list);
	if (!n) {
		one = t->schema;
		list = &one;
		n = 1;
	}
	t->qualified = n > 1;
	pg_array_literal(&names, list, n);
	param = names.buf;
	if (pg_exec(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", NULL, err) < 0)
		goto out;
	if (pg_exec_params(conn, tables_sql, 1, &param, &r, err) < 0) {
		mesdb_err_prefix(err, "could not list the tables");
		goto out;
	}
	read_list(t, r, &has_migrations);
	if (count_rows(conn, t, has_migrations, err) < 0)
		goto out;
	ret = 0;
out:
	if (ret < 0)
		mesdb_tables_release(t);   /* the caller gets nothing half filled */
	pg_result_free(r);
	if (conn) {
		pg_rollback(conn, NULL);
		pg_close(conn);
	}
	ws_name_service(opts, err);
	strbuf_release(&names);
	ws_url_release(&url);
	db_schema_release(&schema);
	return ret;
}

/* ---- verify ---- */

static void capture(void *ctx, const char *text, size_t len)
{
	strbuf_add(ctx, text, len);
}

void mesdb_verify_result_release(struct mesdb_verify_result *res)
{
	free(res->status_text);
	free(res->drift_summary);
	mesdb_tables_release(&res->tables);
	memset(res, 0, sizeof(*res));
}

/* The text of sb after its "Datasource ..." line (what status / diff found, not where). */
static char *report_text(struct strbuf *sb)
{
	const char *p = strstr(sb->buf, "\nDatasource ");

	if (p && (p = strchr(p + 1, '\n')))
		strbuf_remove(sb, 0, (size_t)(p + 1 - sb->buf));
	strbuf_trim(sb);
	return strbuf_detach(sb, NULL);
}

int mesdb_verify(const struct mesdb_service_opts *opts, struct mesdb_verify_result *res,
		 struct mesdb_err *err)
{
	struct db_schema schema;
	struct ws_url url;
	struct strbuf text = STRBUF_INIT;
	struct mesdb_sink sink = { capture, capture, &text, false };
	struct mesdb_migrate_opts mo;
	struct mesdb_diff_opts dopts;
	struct mesdb_service_opts unnamed = *opts;
	double t0 = db_now_ms();
	int ret = -1;

	memset(res, 0, sizeof(*res));
	db_schema_init(&schema);
	ws_url_init(&url);
	unnamed.service = NULL;   /* named once, below */
	if (mesdb_db_tables(&unnamed, &res->tables, err) < 0)
		goto out;
	/* the same schema and URL again (db tables checked them): the calls below take them */
	if (ws_service_url(&unnamed, &schema, &url, NULL, err) < 0)
		goto out;

	memset(&mo, 0, sizeof(mo));
	mo.schema_path = schema.path;
	mo.url = url.url;
	mo.no_drift = true;       /* drift against schema.prisma is checked below */
	if (mesdb_migrate_status(&mo, &sink, &res->status, err) < 0)
		goto out;
	if (res->status.up_to_date && !res->status.missing)
		res->migrations = MESDB_VERIFY_MIGRATIONS_OK;
	else if (!res->status.managed && !res->status.pending && !res->status.missing)
		res->migrations = MESDB_VERIFY_MIGRATIONS_NONE;
	else
		res->migrations = MESDB_VERIFY_MIGRATIONS_BAD;
	if (res->migrations == MESDB_VERIFY_MIGRATIONS_BAD)
		res->status_text = report_text(&text);
	strbuf_reset(&text);

	memset(&dopts, 0, sizeof(dopts));
	dopts.from.kind = MESDB_DIFF_SRC_URL;
	dopts.from.arg = url.url;
	dopts.to.kind = MESDB_DIFF_SRC_SCHEMA_DATAMODEL;
	dopts.to.arg = schema.path;
	if (mesdb_migrate_diff(&dopts, &sink, &res->drift, err) < 0) {
		mesdb_err_prefix(err, "could not compare the database with %s", schema.path);
		goto out;
	}
	if (res->drift) {
		strbuf_trim(&text);
		res->drift_summary = strbuf_detach(&text, NULL);
	}
	res->ok = res->migrations != MESDB_VERIFY_MIGRATIONS_BAD && !res->drift;
	res->ms = db_now_ms() - t0;
	ret = 0;
out:
	ws_name_service(opts, err);
	strbuf_release(&text);
	ws_url_release(&url);
	db_schema_release(&schema);
	return ret;
}
