/* bench_describe.c - time pg_describe on a fresh database of N generated tables */
/*
 * bench_describe [--url URL] [--tables N] [--runs R] [--keep | --reuse DB]
 *
 * Creates database mesdb_bench_describe_<pid> on the server of URL (default:
 * $MESDB_TEST_PG_URL, else postgresql://postgres@127.0.0.1:55432/postgres),
 * with N tables (default 1000) of 11 columns each, a primary key, one
 * secondary index and one foreign key, Prisma-style; then runs pg_describe R
 * times (default 11) on one connection and prints the median, min and max.
 * The database is dropped at the end unless --keep; --reuse DB describes a
 * database kept earlier instead of building a new one.
 *
 * Wall time depends on how busy the machine is; the CPU time of the server
 * backend (read from /proc when the server runs on this machine) and of
 * this process are printed too, and a reference query shows the server's
 * speed at the time.
 *
 * The DDL is generated from fixed templates with numbers only; nothing
 * user-supplied reaches SQL text except the database name made here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "pg/pg.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* utime + stime of process pid in ms, or -1 when /proc does not tell. */
static double proc_cpu_ms(long pid)
{
	char path[64], buf[1024];
	unsigned long ut, st;
	FILE *f;
	char *p;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')'); /* the command name may hold spaces */
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
		return -1;
	return (double)(ut + st) * 1000.0 / (double)sysconf(_SC_CLK_TCK);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void die_err(const char *what, struct mesdb_err *err)
{
	fprintf(stderr, "bench_describe: %s: %s\n", what, err->message ? err->message : "failed");
	if (err->detail)
		fprintf(stderr, "detail: %s\n", err->detail);
	mesdb_err_release(err);
	exit(1);
}

/* url with its database replaced by db (URL path, or a dbname= for a conninfo string). */
static void url_with_db(struct strbuf *out, const char *url, const char *db)
{
	const char *auth = strstr(url, "://");
	if (!auth) {
		strbuf_addf(out, "%s dbname=%s", url, db);
		return;
	}
	auth += 3;
	size_t auth_len = strcspn(auth, "/?");
	const char *rest = auth + auth_len;
	const char *query = strchr(rest, '?');
	strbuf_add(out, url, (size_t)(auth + auth_len - url));
	strbuf_addf(out, "/%s", db);
	if (query)
		strbuf_addstr(out, query);
}

/* Tables Table_1..Table_n; Table_i's fk points at Table_(i-1) (Table_1 at itself). */
static void add_table_ddl(struct strbuf *sql, unsigned i)
{
	unsigned ref = i > 1 ? i - 1 : 1;
	strbuf_addf(sql,
		    "CREATE TABLE \"Table_%u\" (\n"
		    "    \"id\" SERIAL NOT NULL,\n"
		    "    \"code\" VARCHAR(64) NOT NULL,\n"
		    "    \"name\" TEXT NOT NULL,\n"
		    "    \"description\" TEXT,\n"
		    "    \"status\" \"Status\" NOT NULL DEFAULT 'ACTIVE',\n"
		    "    \"qty\" INTEGER NOT NULL DEFAULT 0,\n"
		    "    \"price\" DECIMAL(65,30) NOT NULL DEFAULT 0,\n"
		    "    \"tags\" TEXT[] DEFAULT ARRAY[]::TEXT[],\n"
		    "    \"createdAt\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
		    "    \"updatedAt\" TIMESTAMP(3) NOT NULL,\n"
		    "    \"parentId\" INTEGER,\n\n"
		    "    CONSTRAINT \"Table_%u_pkey\" PRIMARY KEY (\"id\")\n"
		    ");\n"
		    "CREATE INDEX \"Table_%u_code_createdAt_idx\" ON \"Table_%u\"(\"code\", \"createdAt\");\n",
		    i, i, i, i);
	strbuf_addf(sql,
		    "ALTER TABLE \"Table_%u\" ADD CONSTRAINT \"Table_%u_parentId_fkey\" FOREIGN KEY "
		    "(\"parentId\") REFERENCES \"Table_%u\"(\"id\") ON DELETE SET NULL ON UPDATE CASCADE;\n",
		    i, i, ref);
}

int main(int argc, char **argv)
{
	const char *url = getenv("MESDB_TEST_PG_URL");
	unsigned ntables = 1000, runs = 11;
	int keep = 0;
	const char *reuse = NULL;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct pg_conn *admin = NULL, *c = NULL;
	struct strbuf sql = STRBUF_INIT, dburl = STRBUF_INIT;
	char dbname[64];
	double *ms, *server_ms, *client_ms, t0;
	long backend = -1;

	if (!url || !*url)
		url = "postgresql://postgres@127.0.0.1:55432/postgres";
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--url") && i + 1 < argc) {
			url = argv[++i];
		} else if (!strcmp(argv[i], "--tables") && i + 1 < argc) {
			ntables = (unsigned)strtoul(argv[++i], NULL, 10);
		} else if (!strcmp(argv[i], "--runs") && i + 1 < argc) {
			runs = (unsigned)strtoul(argv[++i], NULL, 10);
		} else if (!strcmp(argv[i], "--keep")) {
			keep = 1;
		} else if (!strcmp(argv[i], "--reuse") && i + 1 < argc) {
			reuse = argv[++i];
			keep = 1;
		} else {
			fprintf(stderr, "usage: bench_describe [--url URL] [--tables N] [--runs R]"
				" [--keep | --reuse DB]\n");
			return 129;
		}
	}
	if (ntables == 0 || runs == 0) {
		fprintf(stderr, "bench_describe: --tables and --runs must be positive\n");
		return 129;
	}

	snprintf(dbname, sizeof(dbname), "%s", reuse ? reuse : "");
	if (!reuse)
		snprintf(dbname, sizeof(dbname), "mesdb_bench_describe_%ld", (long)getpid());
	if (pg_connect(&admin, url, 10, &err) < 0)
		die_err("connect", &err);
	if (!reuse) {
		strbuf_addf(&sql, "DROP DATABASE IF EXISTS \"%s\"", dbname);
		if (pg_exec(admin, sql.buf, NULL, &err) < 0)
			die_err("drop database", &err);
		strbuf_reset(&sql);
		strbuf_addf(&sql, "CREATE DATABASE \"%s\"", dbname);
		if (pg_exec(admin, sql.buf, NULL, &err) < 0)
			die_err("create database", &err);
	}

	url_with_db(&dburl, url, dbname);
	if (pg_connect(&c, dburl.buf, 10, &err) < 0)
		die_err("connect to the bench database", &err);
	if (reuse)
		goto describe;

	t0 = now_ms();
	strbuf_reset(&sql);
	strbuf_addstr(&sql, "BEGIN;\nCREATE TYPE \"Status\" AS ENUM ('ACTIVE', 'HOLD', 'DONE');\n");
	for (unsigned i = 1; i <= ntables; i++) {
		add_table_ddl(&sql, i);
		if (i % 200 == 0 || i == ntables) {
			if (i == ntables)
				strbuf_addstr(&sql, "COMMIT;\n");
			if (pg_exec(c, sql.buf, NULL, &err) < 0)
				die_err("create tables", &err);
			strbuf_reset(&sql);
		}
	}
	if (pg_exec(c, "VACUUM ANALYZE", NULL, &err) < 0)
		die_err("vacuum", &err);
	fprintf(stderr, "bench_describe: created %u tables in %.0f ms\n", ntables, now_ms() - t0);

describe:
	/* the server's speed, to compare runs on different machines */
	t0 = now_ms();
	if (pg_exec(c, "SELECT count(*) FROM generate_series(1, 1000000)", NULL, &err) < 0)
		die_err("calibration", &err);
	printf("server reference: count(*) of generate_series(1, 1000000) in %.1f ms\n",
	       now_ms() - t0);

	{
		struct pg_result *r = NULL;
		if (pg_exec(c, "SELECT pg_backend_pid()", &r, &err) < 0)
			die_err("backend pid", &err);
		backend = strtol(pg_result_value(r, 0, 0), NULL, 10);
		pg_result_free(r);
	}

	ms = calloc(runs, sizeof(*ms));
	server_ms = calloc(runs, sizeof(*server_ms));
	client_ms = calloc(runs, sizeof(*client_ms));
	if (!ms || !server_ms || !client_ms)
		return 1;
	for (unsigned r = 0; r < runs; r++) {
		struct sqlschema s;
		double s0 = proc_cpu_ms(backend), c0 = cpu_ms();
		sqlschema_init(&s);
		t0 = now_ms();
		if (pg_describe(c, NULL, 0, &s, &err) < 0)
			die_err("describe", &err);
		ms[r] = now_ms() - t0;
		client_ms[r] = cpu_ms() - c0;
		server_ms[r] = s0 < 0 ? -1 : proc_cpu_ms(backend) - s0;
		if (r == 0)
			printf("described %u tables, %u columns, %u indexes, %u foreign keys, "
			       "%u enums, %u sequences\n", s.ntables, s.ncolumns, s.nindexes, s.nfks,
			       s.nenums, s.nsequences);
		sqlschema_release(&s);
	}
	printf("first run %.1f ms\n", ms[0]);
	qsort(ms, runs, sizeof(*ms), cmp_double);
	printf("pg_describe: median %.1f ms, min %.1f ms, max %.1f ms over %u runs\n",
	       ms[runs / 2], ms[0], ms[runs - 1], runs);
	qsort(client_ms, runs, sizeof(*client_ms), cmp_double);
	qsort(server_ms, runs, sizeof(*server_ms), cmp_double);
	if (server_ms[0] >= 0)
		printf("cpu time: server backend median %.0f ms, mesdb median %.1f ms\n",
		       server_ms[runs / 2], client_ms[runs / 2]);
	else
		printf("cpu time: mesdb median %.1f ms (server not on this machine)\n",
		       client_ms[runs / 2]);
	free(ms);
	free(server_ms);
	free(client_ms);

	pg_close(c);
	if (!keep) {
		strbuf_reset(&sql);
		strbuf_addf(&sql, "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", dbname);
		if (pg_exec(admin, sql.buf, NULL, &err) < 0)
			die_err("drop database", &err);
	} else {
		printf("kept database %s\n", dbname);
	}
	pg_close(admin);
	strbuf_release(&sql);
	strbuf_release(&dburl);
	return fflush(stdout) || ferror(stdout) ? 1 : 0;
}
