/* db_defaults.c - dbgenerated() defaults of a schema compared as PostgreSQL stores them */
#include "db_defaults.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "diff/diff.h"
#include "render/render.h"

#define SAVEPOINT "mesdb_stored_defaults"
#define TEMP_TABLE "mesdb_stored_defaults"

/* A target column whose expression the server is asked about, and its live twin. */
struct pending {
	uint32_t target_column, live_column;
};

/* The live column of the same schema, table and name, or SQL_NONE. */
static uint32_t live_twin(const struct sqlschema *live, const struct sqlschema *target,
			  const struct sql_column *col)
{
	const struct sql_table *t = &target->tables[col->table_id];
	uint32_t ns, tb;

	if (t->namespace_id >= target->nnamespaces)
		return SQL_NONE;
	ns = sqlschema_find_namespace(live, target->namespaces[t->namespace_id].name);
	if (ns == SQL_NONE)
		return SQL_NONE;
	tb = sqlschema_find_table(live, ns, t->name);
	return tb == SQL_NONE ? SQL_NONE : sqlschema_find_column(live, tb, col->name);
}

/* Types written alike (enums with their schema): the same type. */
static bool same_type(const struct sqlschema *live, const struct sql_column *a,
		      const struct sqlschema *target, const struct sql_column *b)
{
	struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;
	bool same;

	render_column_type(live, a, true, &x);
	render_column_type(target, b, true, &y);
	same = !strcmp(x.buf, y.buf);
	strbuf_release(&x);
	strbuf_release(&y);
	return same;
}

/* The columns worth asking about: an expression default that differs from live's. */
static uint32_t collect(const struct sqlschema *live, const struct sqlschema *target,
			struct pending **out)
{
	struct pending *v = NULL;
	uint32_t n = 0, alloc = 0;

	for (uint32_t i = 0; i < target->ncolumns; i++) {
		const struct sql_column *col = &target->columns[i];
		uint32_t twin;

		if (col->dflt.kind != SQL_DEFAULT_EXPR || !col->dflt.value || col->autoincrement)
			continue;
		twin = live_twin(live, target, col);
		if (twin == SQL_NONE || live->columns[twin].autoincrement ||
		    live->columns[twin].generated ||
		    diff_defaults_match(&live->columns[twin], col) ||
		    !same_type(live, &live->columns[twin], target, col))
			continue;
		ALLOC_GROW(v, n + 1, alloc);
		v[n].target_column = i;
		v[n].live_column = twin;
		n++;
	}
	*out = v;
	return n;
}

/* CREATE TEMP TABLE with one column per pending default: "c1" TYPE DEFAULT (expr), ... */
static void create_sql(const struct sqlschema *target, bool qualified, const struct pending *v,
		       uint32_t n, struct strbuf *out)
{
	strbuf_addstr(out, "CREATE TEMPORARY TABLE " TEMP_TABLE " (");
	for (uint32_t i = 0; i < n; i++) {
		const struct sql_column *col = &target->columns[v[i].target_column];
		strbuf_addf(out, "%s\"c%u\" ", i ? ", " : "", i + 1);
		render_column_type(target, col, qualified, out);
		strbuf_addstr(out, " DEFAULT ");
		strbuf_addstr(out, col->dflt.value);
	}
	strbuf_addstr(out, ")");
}

int db_match_stored_defaults(struct pg_conn *c, const struct sqlschema *live,
			     struct sqlschema *target, bool qualified, struct mesdb_err *err)
{
	static const char select_sql[] =
		"SELECT a.attnum AS attnum, pg_catalog.pg_get_expr(d.adbin, 0) AS expr "
		"FROM pg_catalog.pg_attrdef d "
		"JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
		"WHERE d.adrelid = 'pg_temp." TEMP_TABLE "'::pg_catalog.regclass";
	struct pending *v = NULL;
	struct strbuf create = STRBUF_INIT;
	struct pg_result *res[5] = { NULL };
	struct mesdb_err e = MESDB_ERR_INIT;
	const char *sqls[5];
	uint32_t n = collect(live, target, &v);
	int ret = 0;

	if (!n)
		goto out;
	create_sql(target, qualified, v, n, &create);
	sqls[0] = "SAVEPOINT " SAVEPOINT;
	sqls[1] = create.buf;
	sqls[2] = select_sql;
	sqls[3] = "ROLLBACK TO SAVEPOINT " SAVEPOINT;
	sqls[4] = "RELEASE SAVEPOINT " SAVEPOINT;
	if (pg_exec_pipelined(c, sqls, 5, res, &e) < 0) {
		/* an expression the server rejects: compare the texts, as before */
		if (e.status == MESDB_E_CONNECT) {
			if (err)
				*err = e;
			else
				mesdb_err_release(&e);
			ret = -1;
			goto out;
		}
		mesdb_err_release(&e);
		if (pg_exec(c, "ROLLBACK TO SAVEPOINT " SAVEPOINT "; RELEASE SAVEPOINT " SAVEPOINT,
			    NULL, err) < 0)
			ret = -1;
		goto out;
	}
	for (int i = 0; i < pg_result_rows(res[2]); i++) {
		long k = strtol(pg_result_value(res[2], i, 0), NULL, 10);
		struct sql_column *col, stored;
		const struct sql_column *twin;

		if (k < 1 || (uint32_t)k > n || pg_result_is_null(res[2], i, 1))
			continue;
		col = &target->columns[v[k - 1].target_column];
		twin = &live->columns[v[k - 1].live_column];
		stored = *col;
		pg_parse_default(target, &stored, pg_result_value(res[2], i, 1), NULL);
		if (diff_defaults_match(twin, &stored))
			col->dflt = stored.dflt;
	}
out:
	for (size_t i = 0; i < 5; i++)
		pg_result_free(res[i]);
	strbuf_release(&create);
	free(v);
	return ret;
}
