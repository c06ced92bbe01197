/* migrate_replay.c - replay migrations in fresh schemas inside one rolled-back transaction */
#include "migrate_replay.h"

#include <unistd.h>

#include "base/strbuf.h"
#include "render/render.h"

int migrate_replay(struct pg_conn *c, const struct migration *const *list, size_t n,
		   const char *const *names, uint32_t nnames, struct sqlschema *out,
		   struct mesdb_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	const char *one = pg_conn_schema(c);
	int ret = -1;

	if (!nnames) {
		names = &one;
		nnames = 1;
	}
	if (pg_begin(c, err) < 0)
		goto out;
	for (uint32_t i = 0; i < nnames; i++) {
		const char *param[1] = { names[i] };
		struct pg_result *r = NULL;
		bool exists;
		if (pg_exec_params(c, "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1", 1,
				   param, &r, err) < 0)
			goto out;
		exists = pg_result_rows(r) > 0;
		pg_result_free(r);
		strbuf_reset(&sql);
		if (exists) {
			struct strbuf tmp = STRBUF_INIT;
			strbuf_addf(&tmp, "mesdb_replay_%ld_%u", (long)getpid(), i);
			strbuf_addstr(&sql, "ALTER SCHEMA ");
			sql_quote_ident(&sql, names[i]);
			strbuf_addstr(&sql, " RENAME TO ");
			sql_quote_ident(&sql, tmp.buf);
			strbuf_addstr(&sql, ";\n");
			strbuf_release(&tmp);
		}
		strbuf_addstr(&sql, "CREATE SCHEMA ");
		sql_quote_ident(&sql, names[i]);
		if (pg_exec(c, sql.buf, NULL, err) < 0) {
			mesdb_err_prefix(err, "could not prepare the schema \"%s\" to replay the "
					 "migrations", names[i]);
			goto out;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (pg_exec(c, list[i]->script, NULL, err) < 0) {
			mesdb_err_prefix(err, "Migration `%s` failed to apply cleanly to the shadow "
					 "database", list[i]->name);
			mesdb_err_set_code(err, "P3006");
			goto out;
		}
	}
	if (pg_describe(c, names, nnames, out, err) < 0)
		goto out;
	ret = 0;
out:
	pg_rollback(c, NULL);
	strbuf_release(&sql);
	return ret;
}
