/* cmd_schema.c - mesdb validate, mesdb format: the schema edit loop */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static const char validate_usage[] = "mesdb validate [--schema PATH | -s NAME... | --all]";
static const char validate_help[] =
	"usage: mesdb validate [--schema PATH | -s NAME... | --all [-j N]]\n"
	"\n"
	"Check a Prisma schema (a file, or a folder of .prisma files) and print every\n"
	"problem with its file:line and the source line.\n"
	"\n"
	"  --schema PATH   the schema (default: prisma/schema.prisma, schema.prisma,\n"
	"                  prisma/schema/)\n"
	"  -s, --service NAME  a workspace service's schema (repeatable)\n"
	"  --all           every service's schema, in parallel, with a summary table\n"
	"  -j, --jobs N    at most N services at once (with --all)\n"
	"  -h, --help      this text\n"
	"\n"
	"Exit: 0 valid, 1 invalid, 129 usage error.\n";

static const char format_usage[] =
	"mesdb format [--schema PATH | -s NAME... | --all] [--check] [--print]";
static const char format_help[] =
	"usage: mesdb format [--schema PATH | -s NAME... | --all [-j N]] [--check] [--print]\n"
	"\n"
	"Rewrite schema files in the canonical layout (the same bytes as prisma format).\n"
	"\n"
	"  --schema PATH   the schema (default: prisma/schema.prisma, schema.prisma,\n"
	"                  prisma/schema/)\n"
	"  -s, --service NAME  a workspace service's schema (repeatable)\n"
	"  --all           every service's schema, in parallel, with a summary table\n"
	"  -j, --jobs N    at most N services at once (with --all)\n"
	"  --check         change nothing; exit 1 if a file is not formatted\n"
	"  --print         print the formatted schema instead of writing it\n"
	"  -h, --help      this text\n"
	"\n"
	"Exit: 0 ok, 1 invalid schema or unformatted files (--check), 129 usage error.\n";

enum { OPT_SCHEMA = 256, OPT_CHECK, OPT_PRINT };

/* One service's validate (cli_sel_run callback; ctx: unused). */
static int validate_one(const struct cli_svc *svc, void *ctx)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();

	(void)ctx;
	if (mesdb_validate(svc->schema, &sink, &err) < 0)
		return cli_fail(&err);
	return EXIT_OK;
}

int cmd_validate(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_SEL_LONGOPTS,
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	const char *schema = NULL;
	struct cli_sel sel;
	int c, code;

	memset(&sel, 0, sizeof(sel));
	while ((c = cli_sel_getopt(argc, argv, longopts, &sel, validate_usage, &code)) != -1) {
		if (c == CLI_OPT_FAILED)
			return code;
		switch (c) {
		case OPT_SCHEMA:
			schema = optarg;
			break;
		default:
			return cli_opt_common(c, argv, validate_usage, validate_help);
		}
	}
	if (optind < argc)
		return cli_usage_error(validate_usage, "unexpected argument \"%s\"", argv[optind]);
	if (cli_sel_active(&sel) && schema)
		return cli_usage_error(validate_usage, "pass either --schema or -s/--all, not both");
	if (cli_sel_active(&sel))
		return cli_sel_run(&sel, validate_one, NULL);
	if (mesdb_validate(schema, &sink, &err) < 0)
		return cli_fail(&err);
	return EXIT_OK;
}

/* One service's format (cli_sel_run callback; ctx: the options). */
static int format_one(const struct cli_svc *svc, void *ctx)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_format_opts opts = *(struct mesdb_format_opts *)ctx;

	opts.schema_path = svc->schema;
	if (mesdb_format(&opts, &sink, &err) < 0)
		return cli_fail(&err);
	return EXIT_OK;
}

int cmd_format(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_SEL_LONGOPTS,
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "print", no_argument, NULL, OPT_PRINT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_format_opts opts;
	struct cli_sel sel;
	int c, code;

	memset(&opts, 0, sizeof(opts));
	memset(&sel, 0, sizeof(sel));
	while ((c = cli_sel_getopt(argc, argv, longopts, &sel, format_usage, &code)) != -1) {
		if (c == CLI_OPT_FAILED)
			return code;
		switch (c) {
		case OPT_SCHEMA:
			opts.schema_path = optarg;
			break;
		case OPT_CHECK:
			opts.check = true;
			break;
		case OPT_PRINT:
			opts.print = true;
			break;
		default:
			return cli_opt_common(c, argv, format_usage, format_help);
		}
	}
	if (optind < argc)
		return cli_usage_error(format_usage, "unexpected argument \"%s\"", argv[optind]);
	if (opts.check && opts.print)
		return cli_usage_error(format_usage, "--check and --print cannot be used together");
	if (cli_sel_active(&sel) && opts.schema_path)
		return cli_usage_error(format_usage, "pass either --schema or -s/--all, not both");
	if (cli_sel_active(&sel))
		return cli_sel_run(&sel, format_one, &opts);
	if (mesdb_format(&opts, &sink, &err) < 0)
		return cli_fail(&err);
	return EXIT_OK;
}
