/* pull.c - mesdb db pull: describe the database and write (or print) the introspected schema */
#include "schema_load.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "base/fs.h"
#include "base/xalloc.h"
#include "introspect/introspect.h"
#include "pg/pg.h"
#include "workspace/url.h"

static double pull_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* "*** WARNING ***" and the paragraphs, each line prefixed (Prisma's two layouts) */
static void render_warnings(const struct strbuf *w, const char *prefix, struct strbuf *out)
{
	const char *p = w->buf;

	strbuf_addf(out, "%s*** WARNING ***\n%s\n", prefix, *prefix ? "// " : "");
	while (*p) {
		size_t n = strcspn(p, "\n");
		if (n)
			strbuf_addf(out, "%s", prefix);
		else if (*prefix)
			strbuf_addstr(out, "// ");
		strbuf_add(out, p, n);
		strbuf_addch(out, '\n');
		p += n;
		if (*p)
			p++;
	}
}

int mesdb_db_pull(const struct mesdb_pull_opts *opts, const struct mesdb_sink *sink,
		  struct mesdb_err *err)
{
	struct psl_schema schema;
	struct psl_db db;
	struct ws_url url;
	struct pg_conn *conn = NULL;
	struct sqlschema sql;
	struct introspect_result res;
	struct introspect_input in;
	struct strbuf sb = STRBUF_INIT;
	char *path = NULL;
	const struct psl_db_datasource *ds;
	double t0 = pull_now_ms();
	int ret = -1;

	psl_schema_init(&schema);
	psl_db_init(&db);
	ws_url_init(&url);
	sqlschema_init(&sql);
	introspect_result_init(&res);

	if (mesdb_schema_locate(opts->schema_path, &path, err) < 0)
		goto out;
	if (schema_load_valid(&schema, &db, path, sink, err) < 0)
		goto out;
	ds = &db.datasource;
	if (!db.has_datasource) {
		mesdb_error(err, MESDB_E_CONFIG, "the schema at \"%s\" has no datasource block", path);
		goto out;
	}
	if (!ds->provider || (strcmp(ds->provider, "postgresql") && strcmp(ds->provider, "postgres"))) {
		mesdb_error(err, MESDB_E_CONFIG, "the datasource provider \"%s\" is not supported",
			    ds->provider ? ds->provider : "");
		goto out;
	}
	if (schema.nsources != 1) {
		mesdb_error(err, MESDB_E_CONFIG,
			    "db pull works on a single schema file, \"%s\" has %u", path,
			    schema.nsources);
		goto out;
	}
	if (!opts->print) {
		strbuf_addf(&sb, "Prisma schema loaded from %s\n", path);
		sink_out(sink, sb.buf);
	}
	if (opts->url) {
		url.url = xstrdup(opts->url);
	} else if (ws_resolve_url(path, ds->url, ds->url_env, &url, err) < 0) {
		goto out;
	}
	if (pg_connect(&conn, url.url, PG_DEFAULT_CONNECT_TIMEOUT_S, err) < 0)
		goto out;
	if (!opts->print) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "Datasource \"%s\": PostgreSQL database \"%s\", schema \"%s\" at \"%s:%s\"\n\n"
			    "- Introspecting based on datasource defined in %s\n",
			    ds->name ? ds->name : "db", pg_conn_database(conn), pg_conn_schema(conn),
			    pg_conn_host(conn), pg_conn_port(conn), path);
		sink_out(sink, sb.buf);
	}
	if (pg_describe(conn, (const char *const *)ds->schemas, ds->nschemas, &sql, err) < 0)
		goto out;

	memset(&in, 0, sizeof(in));
	in.sql = &sql;
	in.prev = &schema;
	in.prev_db = opts->force ? NULL : &db;
	in.config_db = &db;
	in.prev_file = 0;
	if (introspect_schema(&in, &res, err) < 0)
		goto out;
	if (res.nmodels + res.nviews + res.nenums == 0) {
		if (!opts->print)
			sink_out(sink, "\xe2\x9c\x96 Introspecting based on datasource defined in ");
		if (!opts->print) {
			sink_out(sink, path);
			sink_out(sink, "\n");
		}
		mesdb_error(err, MESDB_E_REFUSED, "P4001 The introspected database was empty");
		mesdb_err_set_code(err, "P4001");
		mesdb_err_detail(err, "db pull could not create any models in your schema file "
				 "(database \"%s\", schema \"%s\" has no tables)",
				 pg_conn_database(conn), pg_conn_schema(conn));
		mesdb_err_hint(err, "create a table in the database, or make sure the datasource URL "
			       "points to a database that is not empty, then run db pull again");
		goto out;
	}

	strbuf_reset(&sb);
	if (opts->print) {
		strbuf_addch(&sb, '\n');
		strbuf_addbuf(&sb, &res.schema);
		strbuf_addstr(&sb, "\n\n");
		sink_out(sink, sb.buf);
		if (res.warnings.len) {
			strbuf_reset(&sb);
			render_warnings(&res.warnings, "// ", &sb);
			strbuf_addstr(&sb, "// \n");
			sink_note(sink, sb.buf);
		}
	} else {
		if (fs_write_file(path, res.schema.buf, res.schema.len, 0644, err) < 0)
			goto out;
		strbuf_addf(&sb, "\xe2\x9c\x94 Introspected %u model%s", res.nmodels,
			    res.nmodels == 1 ? "" : "s");
		strbuf_addf(&sb, " and wrote them into %s in %.0fms\n      \n", path, pull_now_ms() - t0);
		if (res.warnings.len) {
			render_warnings(&res.warnings, "", &sb);
			strbuf_addch(&sb, '\n');
		}
		strbuf_addstr(&sb, "Run prisma generate to generate Prisma Client.\n");
		sink_out(sink, sb.buf);
	}
	ret = 0;
out:
	strbuf_release(&sb);
	introspect_result_release(&res);
	sqlschema_release(&sql);
	pg_close(conn);
	ws_url_release(&url);
	psl_db_release(&db);
	psl_schema_release(&schema);
	free(path);
	return ret;
}
