/* history.c - Prisma's _prisma_migrations table: create, read, mark applied / rolled back */
#include "migrate/migrate.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "base/xalloc.h"

/*
 * Owns every query on _prisma_migrations except the ones apply.c runs
 * inside a migration's transaction. The table is always named unqualified:
 * it lives in the connection's schema (first on the search_path).
 */

#define UNDEFINED_TABLE "42P01"

static const char create_table_sql[] =
	"CREATE TABLE _prisma_migrations (\n"
	"    id                  VARCHAR(36) PRIMARY KEY NOT NULL,\n"
	"    checksum            VARCHAR(64) NOT NULL,\n"
	"    finished_at         TIMESTAMPTZ,\n"
	"    migration_name      VARCHAR(255) NOT NULL,\n"
	"    logs                TEXT,\n"
	"    rolled_back_at      TIMESTAMPTZ,\n"
	"    started_at          TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
	"    applied_steps_count INTEGER NOT NULL DEFAULT 0\n"
	")";

void history_init(struct history *h)
{
	memset(h, 0, sizeof(*h));
	arena_init(&h->arena);
}

void history_release(struct history *h)
{
	free(h->rows);
	arena_release(&h->arena);
	history_init(h);
}

/*
 * "2024-01-31 12:00:00.123000" -> "2024-01-31 12:00:00.123 UTC", the way
 * Prisma prints a timestamp: no fraction when it is zero, else 3 or 6 digits.
 */
static char *display_time(struct arena *a, const char *ts)
{
	struct strbuf sb = STRBUF_INIT;
	const char *dot = strchr(ts, '.');
	char *out;

	if (!dot) {
		strbuf_addstr(&sb, ts);
	} else {
		size_t frac = strlen(dot + 1);
		strbuf_add(&sb, ts, (size_t)(dot - ts));
		if (frac >= 6 && strncmp(dot + 1, "000000", 6)) {
			if (!strncmp(dot + 4, "000", 3))
				strbuf_add(&sb, dot, 4);
			else
				strbuf_add(&sb, dot, 7);
		}
	}
	strbuf_addstr(&sb, " UTC");
	out = arena_strdup(a, sb.buf);
	strbuf_release(&sb);
	return out;
}

int history_load(struct pg_conn *c, struct history *h, struct mesdb_err *err)
{
	static const char rows_sql[] =
		"SELECT id, checksum, finished_at IS NOT NULL AS finished, migration_name, logs,"
		" rolled_back_at IS NOT NULL AS rolled_back,"
		" pg_catalog.to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
		"   AS started_at,"
		" applied_steps_count"
		" FROM _prisma_migrations ORDER BY started_at, migration_name, id";
	struct mesdb_err qerr = MESDB_ERR_INIT;
	struct pg_result *r = NULL;
	int ci, cc, cf, cn, cl, crb, cs, ca;
	int ret = -1;

	h->table_exists = false;
	if (pg_in_transaction(c)) {
		/* an error would abort the caller's transaction: look first */
		if (pg_exec(c, "SELECT pg_catalog.to_regclass('_prisma_migrations') IS NOT NULL", &r,
			    err) < 0)
			goto out;
		h->table_exists = pg_result_value(r, 0, 0)[0] == 't';
		pg_result_free(r);
		r = NULL;
		if (!h->table_exists)
			return 0;
	}
	/* one round trip: a missing table is the query's "undefined table" error */
	if (pg_exec(c, rows_sql, &r, &qerr) < 0) {
		if (!strcmp(qerr.sqlstate, UNDEFINED_TABLE)) {
			mesdb_err_release(&qerr);
			return 0;
		}
		mesdb_err_move(err, &qerr);
		goto out;
	}
	h->table_exists = true;
	ci = pg_result_col(r, "id");
	cc = pg_result_col(r, "checksum");
	cf = pg_result_col(r, "finished");
	cn = pg_result_col(r, "migration_name");
	cl = pg_result_col(r, "logs");
	crb = pg_result_col(r, "rolled_back");
	cs = pg_result_col(r, "started_at");
	ca = pg_result_col(r, "applied_steps_count");
	for (int i = 0; i < pg_result_rows(r); i++) {
		struct history_row *row;
		ALLOC_GROW(h->rows, h->nr + 1, h->alloc);
		row = &h->rows[h->nr++];
		row->id = arena_strdup(&h->arena, pg_result_value(r, i, ci));
		row->checksum = arena_strdup(&h->arena, pg_result_value(r, i, cc));
		row->name = arena_strdup(&h->arena, pg_result_value(r, i, cn));
		row->logs = pg_result_is_null(r, i, cl) ? NULL
							: arena_strdup(&h->arena, pg_result_value(r, i, cl));
		row->started_at = display_time(&h->arena, pg_result_value(r, i, cs));
		row->finished = pg_result_value(r, i, cf)[0] == 't';
		row->rolled_back = pg_result_value(r, i, crb)[0] == 't';
		row->applied_steps = atoi(pg_result_value(r, i, ca));
	}
	ret = 0;
out:
	pg_result_free(r);
	return ret;
}

const struct history_row *history_find_active(const struct history *h, const char *name)
{
	for (size_t i = 0; i < h->nr; i++)
		if (!h->rows[i].rolled_back && !strcmp(h->rows[i].name, name))
			return &h->rows[i];
	return NULL;
}

int history_schema_is_empty(struct pg_conn *c, const char *const *schemas, size_t nschemas,
			    bool *empty, char **first, struct mesdb_err *err)
{
	static const char sql[] =
		"SELECT n.nspname, c.relname"
		" FROM pg_catalog.pg_class c"
		" JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
		" WHERE n.nspname = ANY($1::pg_catalog.text[])"
		"   AND c.relkind IN ('r', 'p')"
		"   AND c.relname <> '_prisma_migrations'"
		"   AND pg_catalog.lower(c.relname) NOT IN ('spatial_ref_sys', 'layer', 'topology')"
		"   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
		"                    WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
		"                      AND d.objid = c.oid AND d.deptype = 'e')"
		" ORDER BY n.nspname, c.relname LIMIT 1";
	struct strbuf arr = STRBUF_INIT;
	struct pg_result *r = NULL;
	const char *params[1];
	const char *own[1];
	int ret = -1;

	if (!nschemas) {
		own[0] = pg_conn_schema(c);
		schemas = own;
		nschemas = 1;
	}
	pg_array_literal(&arr, schemas, nschemas);
	params[0] = arr.buf;
	*first = NULL;
	if (pg_exec_params(c, sql, 1, params, &r, err) < 0)
		goto out;
	*empty = pg_result_rows(r) == 0;
	if (!*empty) {
		struct strbuf name = STRBUF_INIT;
		strbuf_addf(&name, "%s.%s", pg_result_value(r, 0, 0), pg_result_value(r, 0, 1));
		*first = strbuf_detach(&name, NULL);
	}
	ret = 0;
out:
	pg_result_free(r);
	strbuf_release(&arr);
	return ret;
}

int history_create_table(struct pg_conn *c, struct mesdb_err *err)
{
	static const char schema_sql[] =
		"SELECT pg_catalog.format('CREATE SCHEMA IF NOT EXISTS %I', $1::pg_catalog.text) AS ddl"
		" WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1)";
	const char *params[1] = { pg_conn_schema(c) };
	struct pg_result *r = NULL;
	int ret = -1;

	if (pg_exec_params(c, schema_sql, 1, params, &r, err) < 0)
		goto out;
	if (pg_result_rows(r) == 1 && pg_exec(c, pg_result_value(r, 0, 0), NULL, err) < 0)
		goto out;
	if (pg_exec(c, create_table_sql, NULL, err) < 0) {
		mesdb_err_prefix(err, "could not create the " MIGRATIONS_TABLE " table");
		goto out;
	}
	ret = 0;
out:
	pg_result_free(r);
	return ret;
}

int history_insert_applied(struct pg_conn *c, const char *name, const char *checksum,
			   struct mesdb_err *err)
{
	static const char sql[] =
		"INSERT INTO _prisma_migrations"
		" (id, checksum, logs, started_at, finished_at, migration_name, applied_steps_count)"
		" VALUES ($1, $2, '', pg_catalog.now(), pg_catalog.now(), $3, 0)";
	char id[37];
	const char *params[3] = { id, checksum, name };

	migrate_uuid4(id);
	return pg_exec_params(c, sql, 3, params, NULL, err);
}

int history_mark_rolled_back(struct pg_conn *c, const char *id, struct mesdb_err *err)
{
	static const char sql[] =
		"UPDATE _prisma_migrations SET rolled_back_at = pg_catalog.now() WHERE id = $1";
	const char *params[1] = { id };
	return pg_exec_params(c, sql, 1, params, NULL, err);
}

/* ---- ids ---- */

static void random_bytes(unsigned char *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = getrandom(buf + got, n - got, 0);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		got += (size_t)r;
	}
	if (got < n) {
		/* no getrandom(): fall back to the clock and the pid, still unique enough */
		struct timespec ts;
		unsigned long long x;
		clock_gettime(CLOCK_REALTIME, &ts);
		x = (unsigned long long)ts.tv_nsec ^ ((unsigned long long)ts.tv_sec << 20) ^
		    ((unsigned long long)getpid() << 40);
		for (; got < n; got++) {
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			buf[got] = (unsigned char)(x >> 56);
		}
	}
}

void migrate_uuid4(char out[37])
{
	unsigned char b[16];

	random_bytes(b, sizeof(b));
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(out, 37,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
		 b[13], b[14], b[15]);
}
