/* cmd_pull.c - mesdb db pull: introspect the database into the schema */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static const char pull_usage[] =
	"mesdb db pull [--schema PATH [--url URL] | -s NAME... | --all [-j N]] [--print] [--force]";
static const char pull_help[] =
	"usage: mesdb db pull [--schema PATH [--url URL] | -s NAME... | --all [-j N]] [--print]\n"
	"                     [--force]\n"
	"\n"
	"Read the tables, enums, keys, indexes and foreign keys of the datasource's\n"
	"database and write them into the schema as Prisma models (Prisma's db pull).\n"
	"The existing schema's model, field and enum names, @map/@@map, relation\n"
	"field names, doc comments, datasource and generator blocks are kept.\n"
	"\n"
	"  --schema PATH       the schema (default: the current folder's service, else\n"
	"                      prisma/schema.prisma, schema.prisma)\n"
	"  --url URL           connect here instead of the datasource's url\n"
	"  -s, --service NAME  the workspace's service NAME; repeatable\n"
	"  --all               every service, in parallel (each service's schema file\n"
	"                      is rewritten in place), then a summary table\n"
	"  -j, --jobs N        at most N services at once (default: all)\n"
	"  --print             print the schema instead of writing the file\n"
	"  --force             ignore the existing models and enums (keep only the\n"
	"                      datasource and generator blocks)\n"
	"  -h, --help          this text\n"
	"\n"
	"Exit: 0 ok, 1 failed (invalid schema, empty database: P4001), 2 could not\n"
	"connect, 129 usage error.\n";

enum { OPT_SCHEMA = 256, OPT_URL, OPT_PRINT, OPT_FORCE };

/* One service's pull (cli_sel_run callback; ctx: the options). */
static int pull_one(const struct cli_svc *svc, void *ctx)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_pull_opts opts = *(struct mesdb_pull_opts *)ctx;

	if (svc)
		opts.schema_path = svc->schema;
	if (mesdb_db_pull(&opts, &sink, &err) < 0) {
		if (svc)
			mesdb_err_prefix(&err, "service %s", svc->name);
		return cli_fail(&err);
	}
	return EXIT_OK;
}

int cmd_db_pull(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_SEL_LONGOPTS,
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "url", required_argument, NULL, OPT_URL },
		{ "print", no_argument, NULL, OPT_PRINT },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mesdb_pull_opts opts;
	struct cli_sel sel;
	char buf[4096];
	int c, code;

	memset(&opts, 0, sizeof(opts));
	memset(&sel, 0, sizeof(sel));
	while ((c = cli_sel_getopt(argc, argv, longopts, &sel, pull_usage, &code)) != -1) {
		if (c == CLI_OPT_FAILED)
			return code;
		switch (c) {
		case OPT_SCHEMA:
			opts.schema_path = optarg;
			break;
		case OPT_URL:
			opts.url = optarg;
			break;
		case OPT_PRINT:
			opts.print = true;
			break;
		case OPT_FORCE:
			opts.force = true;
			break;
		default:
			return cli_opt_common(c, argv, pull_usage, pull_help);
		}
	}
	if (optind < argc)
		return cli_usage_error(pull_usage, "unexpected argument \"%s\"", argv[optind]);
	if (cli_sel_active(&sel) && (opts.schema_path || opts.url))
		return cli_usage_error(pull_usage, "pass either --schema/--url or -s/--all, not both");
	if (cli_sel_active(&sel))
		return cli_sel_run(&sel, pull_one, &opts);
	if (!opts.schema_path)
		opts.schema_path = cli_sel_cwd_schema(buf, sizeof(buf));
	return pull_one(NULL, &opts);
}
