/* cmd_diff.c - mesdb migrate diff: compare two schema sources (Prisma 6's flags) */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static const char diff_usage[] =
	"mesdb migrate diff --from-... X --to-... Y [--script] [--exit-code] [-o FILE]";
static const char diff_help[] =
	"usage: mesdb migrate diff --from-... X --to-... Y [--script] [--exit-code] [-o FILE]\n"
	"\n"
	"Compare two sources and print the difference: a summary, or with --script the\n"
	"SQL that turns the first into the second (Prisma's migrate diff).\n"
	"\n"
	"Sources (exactly one --from-... and one --to-...):\n"
	"  --from-empty / --to-empty                         nothing\n"
	"  --from-schema-datamodel / --to-schema-datamodel PATH   a schema's models\n"
	"  --from-schema-datasource / --to-schema-datasource PATH the database of a\n"
	"                                                    schema's datasource url\n"
	"  --from-migrations / --to-migrations DIR           a migrations folder, replayed\n"
	"                                                    in one rolled-back transaction\n"
	"  --from-url / --to-url URL                         a database\n"
	"\n"
	"  --shadow-database-url URL  where migrations are replayed (default: the url of\n"
	"                      a schema given on the other side); it is left unchanged\n"
	"  --script            print SQL instead of the summary\n"
	"  --exit-code         exit 0 when there is no difference, 2 when there is one\n"
	"  -o, --output FILE   write to FILE instead of standard output\n"
	"  -h, --help          this text\n"
	"\n"
	"Exit: 0 ok (with --exit-code: no difference), 1 error, 2 could not connect\n"
	"(with --exit-code: differences), 129 usage error.\n";

enum {
	OPT_FROM_EMPTY = 256, OPT_TO_EMPTY, OPT_FROM_DM, OPT_TO_DM, OPT_FROM_DS, OPT_TO_DS,
	OPT_FROM_MIG, OPT_TO_MIG, OPT_FROM_URL, OPT_TO_URL, OPT_SHADOW, OPT_SCRIPT, OPT_EXIT_CODE,
};

/* Set a side once; a second --from-... (or --to-...) is a usage error. */
static int set_side(struct mesdb_diff_side *s, enum mesdb_diff_src kind, const char *arg,
		    const char *which)
{
	if (s->kind != MESDB_DIFF_SRC_NONE)
		return cli_usage_error(diff_usage, "only one --%s-... may be given", which);
	s->kind = kind;
	s->arg = arg;
	return 0;
}

int cmd_migrate_diff(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "from-empty", no_argument, NULL, OPT_FROM_EMPTY },
		{ "to-empty", no_argument, NULL, OPT_TO_EMPTY },
		{ "from-schema-datamodel", required_argument, NULL, OPT_FROM_DM },
		{ "to-schema-datamodel", required_argument, NULL, OPT_TO_DM },
		{ "from-schema-datasource", required_argument, NULL, OPT_FROM_DS },
		{ "to-schema-datasource", required_argument, NULL, OPT_TO_DS },
		{ "from-migrations", required_argument, NULL, OPT_FROM_MIG },
		{ "to-migrations", required_argument, NULL, OPT_TO_MIG },
		{ "from-url", required_argument, NULL, OPT_FROM_URL },
		{ "to-url", required_argument, NULL, OPT_TO_URL },
		{ "shadow-database-url", required_argument, NULL, OPT_SHADOW },
		{ "script", no_argument, NULL, OPT_SCRIPT },
		{ "exit-code", no_argument, NULL, OPT_EXIT_CODE },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_diff_opts opts;
	bool exit_code = false, changed = false;
	int c, r = 0;

	memset(&opts, 0, sizeof(opts));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_FROM_EMPTY: r = set_side(&opts.from, MESDB_DIFF_SRC_EMPTY, NULL, "from"); break;
		case OPT_TO_EMPTY: r = set_side(&opts.to, MESDB_DIFF_SRC_EMPTY, NULL, "to"); break;
		case OPT_FROM_DM:
			r = set_side(&opts.from, MESDB_DIFF_SRC_SCHEMA_DATAMODEL, optarg, "from");
			break;
		case OPT_TO_DM: r = set_side(&opts.to, MESDB_DIFF_SRC_SCHEMA_DATAMODEL, optarg, "to"); break;
		case OPT_FROM_DS:
			r = set_side(&opts.from, MESDB_DIFF_SRC_SCHEMA_DATASOURCE, optarg, "from");
			break;
		case OPT_TO_DS:
			r = set_side(&opts.to, MESDB_DIFF_SRC_SCHEMA_DATASOURCE, optarg, "to");
			break;
		case OPT_FROM_MIG: r = set_side(&opts.from, MESDB_DIFF_SRC_MIGRATIONS, optarg, "from"); break;
		case OPT_TO_MIG: r = set_side(&opts.to, MESDB_DIFF_SRC_MIGRATIONS, optarg, "to"); break;
		case OPT_FROM_URL: r = set_side(&opts.from, MESDB_DIFF_SRC_URL, optarg, "from"); break;
		case OPT_TO_URL: r = set_side(&opts.to, MESDB_DIFF_SRC_URL, optarg, "to"); break;
		case OPT_SHADOW: opts.shadow_url = optarg; break;
		case OPT_SCRIPT: opts.script = true; break;
		case OPT_EXIT_CODE: exit_code = true; break;
		case 'o': opts.output = optarg; break;
		default:
			return cli_opt_common(c, argv, diff_usage, diff_help);
		}
		if (r)
			return r;
	}
	if (optind < argc)
		return cli_usage_error(diff_usage, "unexpected argument \"%s\"", argv[optind]);
	if (opts.from.kind == MESDB_DIFF_SRC_NONE)
		return cli_usage_error(diff_usage, "a --from-... option must be given");
	if (opts.to.kind == MESDB_DIFF_SRC_NONE)
		return cli_usage_error(diff_usage, "a --to-... option must be given");
	if (mesdb_migrate_diff(&opts, &sink, &changed, &err) < 0) {
		int code = cli_fail(&err);
		/* --exit-code: every error is 1 (2 means "differences") */
		return exit_code && code != EXIT_USAGE ? EXIT_FAILED : code;
	}
	return exit_code && changed ? 2 : EXIT_OK;
}
