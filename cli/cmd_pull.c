/* cmd_pull.c - mesdb db pull: introspect the database into the schema */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static const char pull_usage[] = "mesdb db pull [--schema PATH] [--url URL] [--print] [--force]";
static const char pull_help[] =
	"usage: mesdb db pull [--schema PATH] [--url URL] [--print] [--force]\n"
	"\n"
	"Read the tables, enums, keys, indexes and foreign keys of the datasource's\n"
	"database and write them into the schema as Prisma models (Prisma's db pull).\n"
	"The existing schema's model, field and enum names, @map/@@map, relation\n"
	"field names, doc comments, datasource and generator blocks are kept.\n"
	"\n"
	"  --schema PATH   the schema (default: prisma/schema.prisma, schema.prisma)\n"
	"  --url URL       connect here instead of the datasource's url\n"
	"  --print         print the schema instead of writing the file\n"
	"  --force         ignore the existing models and enums (keep only the\n"
	"                  datasource and generator blocks)\n"
	"  -h, --help      this text\n"
	"\n"
	"Exit: 0 ok, 1 failed (invalid schema, empty database: P4001), 2 could not\n"
	"connect, 129 usage error.\n";

enum { OPT_SCHEMA = 256, OPT_URL, OPT_PRINT, OPT_FORCE };

int cmd_db_pull(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "url", required_argument, NULL, OPT_URL },
		{ "print", no_argument, NULL, OPT_PRINT },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_pull_opts opts;
	int c;

	memset(&opts, 0, sizeof(opts));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
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
	if (mesdb_db_pull(&opts, &sink, &err) < 0)
		return cli_fail(&err);
	return EXIT_OK;
}
