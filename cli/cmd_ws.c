/* cmd_ws.c - mesdb db seed / setup / db tables / verify: the workspace's per-service commands */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mesdb/mesdb_ws.h"

static const char seed_usage[] = "mesdb db seed [--schema PATH | -s NAME... | --all [-j N]]";
static const char seed_help[] =
	"usage: mesdb db seed [--schema PATH | -s NAME... | --all [-j N]]\n"
	"\n"
	"Run <schema folder>/seed.sql (services/NAME/prisma/seed.sql) on the service's\n"
	"database in one transaction, statement by statement. A failing statement\n"
	"names the service, the seed file's line and the SQLSTATE, and nothing of the\n"
	"seed is kept.\n"
	"\n"
	"  --schema PATH       the schema (default: the current folder's service)\n"
	"  -s, --service NAME  the workspace's service NAME; repeatable\n"
	"  --all               every service, in parallel, then a summary table\n"
	"  -j, --jobs N        at most N services at once (default: all)\n"
	"  -h, --help          this text\n"
	"\n"
	"Exit: 0 ok, 1 the seed failed (nothing kept), 2 could not connect, 129 usage\n"
	"error.\n";

static const char setup_usage[] =
	"mesdb setup [--admin-url URL] [--schema PATH | -s NAME... | --all [-j N]]";
static const char setup_help[] =
	"usage: mesdb setup [--admin-url URL] [--schema PATH | -s NAME... | --all [-j N]]\n"
	"\n"
	"Create each service's role and database from its URL (role, password,\n"
	"database): the role with LOGIN PASSWORD (its password brought up to date when\n"
	"it exists), the database owned by the role, CONNECT revoked from PUBLIC and\n"
	"granted to the role, so that no service's role can open another service's\n"
	"database. Idempotent. The password never appears in arguments or output.\n"
	"\n"
	"  --admin-url URL     a superuser's URL (default: MESDB_ADMIN_URL, else user\n"
	"                      postgres at the service URL's host and port)\n"
	"  --schema PATH       the schema (default: the current folder's service)\n"
	"  -s, --service NAME  the workspace's service NAME; repeatable\n"
	"  --all               every service, in parallel, then a summary table\n"
	"  -j, --jobs N        at most N services at once (default: all)\n"
	"  -h, --help          this text\n"
	"\n"
	"Exit: 0 ok, 1 failed, 2 could not connect, 129 usage error.\n";

static const char tables_usage[] =
	"mesdb db tables [--schema PATH [--url URL] | -s NAME... | --all [-j N]]";
static const char tables_help[] =
	"usage: mesdb db tables [--schema PATH [--url URL] | -s NAME... | --all [-j N]]\n"
	"\n"
	"The runbook's \\dt check: each table of the service's database (the\n"
	"datasource's schemas; names schema-qualified when there are several) with\n"
	"its exact row count and total size (table, indexes and TOAST, as psql\n"
	"prints sizes), sorted by name, then the totals and the applied migrations.\n"
	"\n"
	"  --schema PATH       the schema (default: the current folder's service)\n"
	"  --url URL           connect here instead of the datasource's url\n"
	"  -s, --service NAME  the workspace's service NAME; repeatable\n"
	"  --all               every service, in parallel, then a summary table\n"
	"  -j, --jobs N        at most N services at once (default: all)\n"
	"  -h, --help          this text\n"
	"\n"
	"Exit: 0 ok, 1 failed, 2 could not connect, 129 usage error.\n";

static const char verify_usage[] =
	"mesdb verify [--schema PATH [--url URL] | -s NAME... | --all [-j N]]";
static const char verify_help[] =
	"usage: mesdb verify [--schema PATH [--url URL] | -s NAME... | --all [-j N]]\n"
	"\n"
	"Check that each service's database is what its files say:\n"
	"  reachable    the service's URL connects (else exit 2)\n"
	"  migrations   migrate status: nothing pending, failed, or applied but missing\n"
	"               from the folder (a service without migrations whose database\n"
	"               has no _prisma_migrations table passes: db push manages it)\n"
	"  drift        the database equals what schema.prisma calculates to (a db push\n"
	"               would change nothing); else the differences are listed\n"
	"  rows         the row count of every table, and the total\n"
	"\n"
	"  --schema PATH       the schema (default: the current folder's service)\n"
	"  --url URL           connect here instead of the datasource's url\n"
	"  -s, --service NAME  the workspace's service NAME; repeatable\n"
	"  --all               every service, in parallel, then a summary table\n"
	"  -j, --jobs N        at most N services at once (default: all)\n"
	"  -h, --help          this text\n"
	"\n"
	"Exit: 0 every service passed, 1 a check failed, 2 could not connect, 129\n"
	"usage error.\n";

enum { OPT_SCHEMA = 256, OPT_ADMIN_URL, OPT_URL };

/* ORDER WS_KIND */
enum ws_kind { WS_SEED, WS_SETUP, WS_TABLES, WS_VERIFY };

struct ws_run {
	struct mesdb_service_opts opts;
	enum ws_kind kind;
};

/* "mes_auth_db at localhost:5432 (schema public)" */
static void print_where(const struct mesdb_tables *t)
{
	printf("%s at %s:%s (schema %s)\n", t->database, t->host, t->port, t->schema);
}

static void table_name(const struct mesdb_tables *t, size_t i, char *buf, size_t size)
{
	if (t->qualified)
		snprintf(buf, size, "%s.%s", t->items[i].schema, t->items[i].name);
	else
		snprintf(buf, size, "%s", t->items[i].name);
}

/* The list: name, rows and (with sizes) size, aligned; then the totals line. */
static void print_tables(const struct mesdb_tables *t, bool sizes, const char *indent)
{
	char name[256], num[32], total[64];
	int wn = 5, wr = 4, ws = 4, len;
	size_t i;

	snprintf(total, sizeof(total), "%zu table%s", t->nr, t->nr == 1 ? "" : "s");
	wn = (int)strlen(total) > wn ? (int)strlen(total) : wn;
	len = snprintf(num, sizeof(num), "%llu", t->rows);
	wr = len > wr ? len : wr;
	ws = (int)strlen(t->size) > ws ? (int)strlen(t->size) : ws;
	for (i = 0; i < t->nr; i++) {
		table_name(t, i, name, sizeof(name));
		len = (int)strlen(name);
		wn = len > wn ? len : wn;
		len = (int)strlen(t->items[i].size);
		ws = len > ws ? len : ws;
	}
	printf("%s%-*s  %*s", indent, wn, "table", wr, "rows");
	if (sizes)
		printf("  %*s", ws, "size");
	putchar('\n');
	for (i = 0; i < t->nr; i++) {
		table_name(t, i, name, sizeof(name));
		printf("%s%-*s  %*llu", indent, wn, name, wr, t->items[i].rows);
		if (sizes)
			printf("  %*s", ws, t->items[i].size);
		putchar('\n');
	}
	printf("%s%-*s  %*llu", indent, wn, total, wr, t->rows);
	if (sizes)
		printf("  %*s", ws, t->size);
	putchar('\n');
}

static void print_migrations(const struct mesdb_tables *t)
{
	if (t->migrations < 0)
		printf("No _prisma_migrations table\n");
	else
		printf("%ld migration%s applied (_prisma_migrations)\n", t->migrations,
		       t->migrations == 1 ? "" : "s");
}

static int tables_one(const struct mesdb_service_opts *opts)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_tables t;

	if (mesdb_db_tables(opts, &t, &err) < 0) {
		cli_sel_note("%6s %10s %9s", "-", "-", "-");
		return cli_fail(&err);
	}
	print_where(&t);
	print_tables(&t, true, "");
	print_migrations(&t);
	cli_sel_note("%6zu %10llu %9s", t.nr, t.rows, t.size);
	mesdb_tables_release(&t);
	return EXIT_OK;
}

/* Each line of text, indented. */
static void print_indented(const char *text, const char *indent)
{
	while (*text) {
		size_t n = strcspn(text, "\n");
		if (n)
			printf("%s%.*s", indent, (int)n, text);
		putchar('\n');
		text += n;
		if (*text)
			text++;
	}
}

static int verify_one(const struct mesdb_service_opts *opts)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_verify_result r;
	const struct mesdb_migrate_status *st = &r.status;
	const char *mig = "ok";
	bool ok;

	if (mesdb_verify(opts, &r, &err) < 0) {
		cli_sel_note("%-10s  %-6s  %6s %10s", "-", "-", "-", "-");
		return cli_fail(&err);
	}
	print_where(&r.tables);
	printf("  reachable    ok\n");
	switch (r.migrations) {
	case MESDB_VERIFY_MIGRATIONS_OK:
		printf("  migrations   ok: %ld applied, up to date", r.tables.migrations);
		if (st->edited)
			printf(" (warning: %u edited after they were applied)", st->edited);
		putchar('\n');
		break;
	case MESDB_VERIFY_MIGRATIONS_NONE:
		mig = "none";
		printf("  migrations   ok: none (no migrations, no _prisma_migrations table)\n");
		break;
	case MESDB_VERIFY_MIGRATIONS_BAD:
		mig = "FAILED";
		if (!st->managed)
			printf("  migrations   FAILED: the database is not managed by migrations "
			       "(no _prisma_migrations table)\n");
		else
			printf("  migrations   FAILED: %u pending, %u failed, %u missing from the "
			       "folder\n", st->pending, st->failed, st->missing);
		if (r.status_text)
			print_indented(r.status_text, "      ");
		break;
	}
	if (!r.drift) {
		printf("  drift        ok: the database matches the schema\n");
	} else {
		printf("  drift        FAILED: the database differs from the schema (what a db push "
		       "would change):\n");
		print_indented(r.drift_summary ? r.drift_summary : "", "      ");
	}
	printf("  rows         %llu in %zu table%s\n", r.tables.rows, r.tables.nr,
	       r.tables.nr == 1 ? "" : "s");
	print_tables(&r.tables, false, "      ");
	printf("verify: %s (%.0f ms)\n", r.ok ? "ok" : "FAILED", r.ms);
	cli_sel_note("%-10s  %-6s  %6zu %10llu", mig, r.drift ? "FAILED" : "ok", r.tables.nr,
		     r.tables.rows);
	ok = r.ok;
	mesdb_verify_result_release(&r);
	return ok ? EXIT_OK : EXIT_FAILED;
}

static int ws_one(const struct cli_svc *svc, void *ctx)
{
	struct ws_run *run = ctx;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_service_opts opts = run->opts;
	struct mesdb_seed_result res;

	if (svc) {
		opts.schema_path = svc->schema;
		opts.service = svc->name;
	}
	switch (run->kind) {
	case WS_SEED:
		if (mesdb_db_seed(&opts, &sink, &res, &err) < 0)
			return cli_fail(&err);
		break;
	case WS_SETUP:
		if (mesdb_setup(&opts, &sink, &err) < 0)
			return cli_fail(&err);
		break;
	case WS_TABLES:
		return tables_one(&opts);
	case WS_VERIFY:
		return verify_one(&opts);
	}
	return EXIT_OK;
}

static int ws_cmd(int argc, char **argv, enum ws_kind kind)
{
	static const struct option longopts[] = {
		CLI_SEL_LONGOPTS,
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "admin-url", required_argument, NULL, OPT_ADMIN_URL },
		{ "url", required_argument, NULL, OPT_URL },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	/* ORDER WS_KIND */
	static const char *const usages[] = { seed_usage, setup_usage, tables_usage, verify_usage };
	static const char *const helps[] = { seed_help, setup_help, tables_help, verify_help };
	const char *usage = usages[kind];
	struct ws_run run;
	struct cli_sel sel;
	char buf[4096];
	int c, code;

	memset(&run, 0, sizeof(run));
	memset(&sel, 0, sizeof(sel));
	run.kind = kind;
	while ((c = cli_sel_getopt(argc, argv, longopts, &sel, usage, &code)) != -1) {
		if (c == CLI_OPT_FAILED)
			return code;
		switch (c) {
		case OPT_SCHEMA:
			run.opts.schema_path = optarg;
			break;
		case OPT_ADMIN_URL:
			if (kind != WS_SETUP)
				return cli_usage_error(usage, "unknown option \"%s\"", argv[optind - 1]);
			run.opts.admin_url = optarg;
			break;
		case OPT_URL:
			if (kind != WS_TABLES && kind != WS_VERIFY)
				return cli_usage_error(usage, "unknown option \"%s\"", argv[optind - 1]);
			run.opts.url = optarg;
			break;
		default:
			return cli_opt_common(c, argv, usage, helps[kind]);
		}
	}
	if (optind < argc)
		return cli_usage_error(usage, "unexpected argument \"%s\"", argv[optind]);
	if (cli_sel_active(&sel) && (run.opts.schema_path || run.opts.url))
		return cli_usage_error(usage, "pass either --schema%s or -s/--all, not both",
				       kind == WS_TABLES || kind == WS_VERIFY ? "/--url" : "");
	if (cli_sel_active(&sel)) {
		if (kind == WS_TABLES)
			sel.note_head = "tables       rows      size";
		else if (kind == WS_VERIFY)
			sel.note_head = "migrations  drift   tables       rows";
		return cli_sel_run(&sel, ws_one, &run);
	}
	if (!run.opts.schema_path)
		run.opts.schema_path = cli_sel_cwd_schema(buf, sizeof(buf));
	return ws_one(NULL, &run);
}

int cmd_db_seed(int argc, char **argv)
{
	return ws_cmd(argc, argv, WS_SEED);
}

int cmd_setup(int argc, char **argv)
{
	return ws_cmd(argc, argv, WS_SETUP);
}

int cmd_db_tables(int argc, char **argv)
{
	return ws_cmd(argc, argv, WS_TABLES);
}

int cmd_verify(int argc, char **argv)
{
	return ws_cmd(argc, argv, WS_VERIFY);
}
