/* cmd_schema.c - mesdb validate, mesdb format: the schema edit loop */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static const char validate_usage[] = "mesdb validate [--schema PATH]";
static const char validate_help[] =
	"usage: mesdb validate [--schema PATH]\n"
	"\n"
	"Check a Prisma schema (a file, or a folder of .prisma files) and print every\n"
	"problem with its file:line and the source line.\n"
	"\n"
	"  --schema PATH   the schema (default: prisma/schema.prisma, schema.prisma,\n"
	"                  prisma/schema/)\n"
	"  -h, --help      this text\n"
	"\n"
	"Exit: 0 valid, 1 invalid, 129 usage error.\n";

static const char format_usage[] = "mesdb format [--schema PATH] [--check] [--print]";
static const char format_help[] =
	"usage: mesdb format [--schema PATH] [--check] [--print]\n"
	"\n"
	"Rewrite schema files in the canonical layout (the same bytes as prisma format).\n"
	"\n"
	"  --schema PATH   the schema (default: prisma/schema.prisma, schema.prisma,\n"
	"                  prisma/schema/)\n"
	"  --check         change nothing; exit 1 if a file is not formatted\n"
	"  --print         print the formatted schema instead of writing it\n"
	"  -h, --help      this text\n"
	"\n"
	"Exit: 0 ok, 1 invalid schema or unformatted files (--check), 129 usage error.\n";

enum { OPT_SCHEMA = 256, OPT_CHECK, OPT_PRINT };

int cmd_validate(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	const char *schema = NULL;
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
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
	if (mesdb_validate(schema, &sink, &err) < 0)
		return cli_fail(&err);
	return EXIT_OK;
}

int cmd_format(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "print", no_argument, NULL, OPT_PRINT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_format_opts opts;
	int c;

	memset(&opts, 0, sizeof(opts));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
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
	if (mesdb_format(&opts, &sink, &err) < 0)
		return cli_fail(&err);
	return EXIT_OK;
}
