/* db_common.c - opening the engine commands: schema, datasource URL, target SQL schema, counts */
#include "db_common.h"
#include "schema_load.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"
#include "calc/calc.h"
#include "diff/diff.h"
#include "render/render.h"

void db_schema_init(struct db_schema *s)
{
	memset(s, 0, sizeof(*s));
	psl_schema_init(&s->ast);
	psl_db_init(&s->db);
}

void db_schema_release(struct db_schema *s)
{
	psl_db_release(&s->db);
	psl_schema_release(&s->ast);
	free(s->path);
	memset(s, 0, sizeof(*s));
}

int db_schema_load(struct db_schema *s, const char *given, bool require_datasource,
		   const struct mesdb_sink *sink, struct mesdb_err *err)
{
	const struct psl_db_datasource *ds = &s->db.datasource;

	if (mesdb_schema_locate(given, &s->path, err) < 0)
		return -1;
	if (schema_load_valid(&s->ast, &s->db, s->path, sink, err) < 0)
		return -1;
	s->valid = true;
	if (!require_datasource)
		return 0;
	if (!s->db.has_datasource)
		return mesdb_error(err, MESDB_E_CONFIG, "the schema at \"%s\" has no datasource block",
				   s->path);
	if (!ds->provider || (strcmp(ds->provider, "postgresql") && strcmp(ds->provider, "postgres"))) {
		mesdb_error(err, MESDB_E_CONFIG, "the datasource provider \"%s\" is not supported",
			    ds->provider ? ds->provider : "");
		mesdb_err_hint(err, "mesdb works with provider = \"postgresql\"");
		return -1;
	}
	return 0;
}

int db_schema_url(const struct db_schema *s, struct ws_url *out, struct mesdb_err *err)
{
	const struct psl_db_datasource *ds = &s->db.datasource;

	if (!s->db.has_datasource || (!ds->url && !ds->url_env))
		return mesdb_error(err, MESDB_E_CONFIG, "the schema at \"%s\" has no datasource url",
				   s->path);
	return ws_resolve_url(s->path, ds->url, ds->url_env, out, err);
}

void db_url_literal(struct ws_url *out, const char *url)
{
	struct strbuf masked = STRBUF_INIT;

	out->url = xstrdup(url);
	pg_url_mask(&masked, url);
	out->masked = strbuf_detach(&masked, NULL);
}

uint32_t db_schema_namespaces(const struct db_schema *s, const char *const **names)
{
	*names = (const char *const *)s->db.datasource.schemas;
	return s->db.has_datasource ? s->db.datasource.nschemas : 0;
}

int db_schema_calc(const struct db_schema *s, const char *default_namespace,
		   struct sqlschema *out, struct mesdb_err *err)
{
	if (calc_schema_ast(&s->ast, &s->db, out, err) < 0)
		return -1;
	if (!calc_multi_schema(&s->db) && default_namespace &&
	    strcmp(default_namespace, CALC_DEFAULT_NAMESPACE) && out->nnamespaces == 1) {
		out->namespaces[0].name = arena_strdup(&out->arena, default_namespace);
		sqlschema_reindex(out);
	}
	return 0;
}

void db_datasource_line(const struct db_schema *s, const struct pg_conn *c, struct strbuf *out)
{
	const char *name = s && s->db.has_datasource && s->db.datasource.name ?
		s->db.datasource.name : "db";

	strbuf_addf(out, "Datasource \"%s\": PostgreSQL database \"%s\", schema \"%s\" at \"%s:%s\"\n",
		    name, pg_conn_database(c), pg_conn_schema(c), pg_conn_host(c), pg_conn_port(c));
}

double db_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

int db_fill_counts(struct pg_conn *c, struct plan *p, struct mesdb_err *err)
{
	struct strbuf *sql = NULL;
	const char **sqls = NULL;
	struct pg_result **res = NULL;
	int ret = -1;

	if (!p->ncounts)
		return 0;
	/* all of them in one round trip */
	sql = xcalloc(p->ncounts, sizeof(*sql));
	sqls = xcalloc(p->ncounts, sizeof(*sqls));
	res = xcalloc(p->ncounts, sizeof(*res));
	for (uint32_t i = 0; i < p->ncounts; i++) {
		strbuf_init(&sql[i], 0);
		render_count_query(&p->counts[i], &sql[i]);
		sqls[i] = sql[i].buf;
	}
	if (pg_exec_pipelined(c, sqls, p->ncounts, res, err) < 0)
		goto out;
	for (uint32_t i = 0; i < p->ncounts; i++) {
		if (pg_result_rows(res[i]) == 1 && pg_result_cols(res[i]) == 1)
			p->counts[i].value = strtoll(pg_result_value(res[i], 0, 0), NULL, 10);
		pg_result_free(res[i]);
	}
	ret = 0;
out:
	for (uint32_t i = 0; i < p->ncounts; i++)
		strbuf_release(&sql[i]);
	free(sql);
	free(sqls);
	free(res);
	return ret;
}
