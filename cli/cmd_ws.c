/* cmd_ws.c - mesdb db seed / mesdb setup: the workspace's per-service commands */
#include "cli.h"

#include <getopt.h>
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

enum { OPT_SCHEMA = 256, OPT_ADMIN_URL };

struct ws_run {
	struct mesdb_service_opts opts;
	bool setup;
};

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
	if (run->setup ? mesdb_setup(&opts, &sink, &err) : mesdb_db_seed(&opts, &sink, &res, &err))
		return cli_fail(&err);
	return EXIT_OK;
}

static int ws_cmd(int argc, char **argv, bool setup)
{
	static const struct option longopts[] = {
		CLI_SEL_LONGOPTS,
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "admin-url", required_argument, NULL, OPT_ADMIN_URL },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *usage = setup ? setup_usage : seed_usage;
	struct ws_run run;
	struct cli_sel sel;
	char buf[4096];
	int c, code;

	memset(&run, 0, sizeof(run));
	memset(&sel, 0, sizeof(sel));
	run.setup = setup;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h" CLI_SEL_SHORTOPTS, longopts, NULL)) != -1) {
		int r = cli_sel_opt(&sel, c, optarg, usage, &code);
		if (r < 0)
			return code;
		if (r > 0)
			continue;
		switch (c) {
		case OPT_SCHEMA:
			run.opts.schema_path = optarg;
			break;
		case OPT_ADMIN_URL:
			if (!setup)
				return cli_usage_error(usage, "unknown option \"%s\"", argv[optind - 1]);
			run.opts.admin_url = optarg;
			break;
		default:
			return cli_opt_common(c, argv, usage, setup ? setup_help : seed_help);
		}
	}
	if (optind < argc)
		return cli_usage_error(usage, "unexpected argument \"%s\"", argv[optind]);
	if (cli_sel_active(&sel) && run.opts.schema_path)
		return cli_usage_error(usage, "pass either --schema or -s/--all, not both");
	if (cli_sel_active(&sel))
		return cli_sel_run(&sel, ws_one, &run);
	if (!run.opts.schema_path)
		run.opts.schema_path = cli_sel_cwd_schema(buf, sizeof(buf));
	return ws_one(NULL, &run);
}

int cmd_db_seed(int argc, char **argv)
{
	return ws_cmd(argc, argv, false);
}

int cmd_setup(int argc, char **argv)
{
	return ws_cmd(argc, argv, true);
}
