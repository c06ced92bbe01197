/* output.c - the only place that writes to stdout/stderr: sinks, error lines, exit codes */
#include "cli.h"

#include "mesdb/mesdb_ops.h"

#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

struct cli_ctx cli;

static void write_out(void *ctx, const char *text, size_t len)
{
	(void)ctx;
	fwrite(text, 1, len, stdout);
}

static void write_note(void *ctx, const char *text, size_t len)
{
	(void)ctx;
	fflush(stdout);
	fwrite(text, 1, len, stderr);
}

struct mesdb_sink cli_sink(void)
{
	struct mesdb_sink s = { write_out, write_note, NULL, cli.color_err };
	return s;
}

int cli_exit_code(const struct mesdb_err *err)
{
	switch (err->status) {
	case MESDB_OK:
		return EXIT_OK;
	case MESDB_E_USAGE:
		return EXIT_USAGE;
	case MESDB_E_CONNECT:
		return EXIT_CONNECT;
	case MESDB_E_MIGRATION:
		return EXIT_MIGRATION;
	case MESDB_E_IO:
	case MESDB_E_SCHEMA:
	case MESDB_E_CONFIG:
	case MESDB_E_QUERY:
	case MESDB_E_REFUSED:
	case MESDB_E_LOCK:
	case MESDB_E_INTERNAL:
	case MESDB_E__COUNT:
		break;
	}
	return EXIT_FAILED;
}

int cli_fail(struct mesdb_err *err)
{
	struct mesdb_trouble_ctx trouble = { cli.command, cli.service, cli.schema };
	int code;
	const char *red = cli.color_err ? "\x1b[1;31m" : "";
	const char *reset = cli.color_err ? "\x1b[0m" : "";

	/* the runbook's known problems: cause and fixing command as the hint */
	mesdb_troubleshoot(err, &trouble);
	code = cli_exit_code(err);

	fflush(stdout);
	fprintf(stderr, "%smesdb: error:%s ", red, reset);
	if (err->code[0])
		fprintf(stderr, "%s: ", err->code);
	fprintf(stderr, "%s", err->message ? err->message : "unknown error");
	if (err->sqlstate[0])
		fprintf(stderr, " (SQLSTATE %s)", err->sqlstate);
	fputc('\n', stderr);
	if (err->detail)
		fprintf(stderr, "detail: %s\n", err->detail);
	if (err->hint)
		fprintf(stderr, "hint: %s\n", err->hint);
	mesdb_err_release(err);
	return code;
}

int cli_usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	fprintf(stderr, "mesdb: error: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: %s\n", usage);
	return EXIT_USAGE;
}

int cli_lock_timeout_ms(void)
{
	const char *v = getenv("MESDB_LOCK_TIMEOUT_MS");
	char *end;
	long ms;

	if (!v || !*v)
		return 0;
	ms = strtol(v, &end, 10);
	if (*end || ms <= 0 || ms > 3600L * 1000)
		return 0;
	return (int)ms;
}

int cli_opt_common(int c, char **argv, const char *usage, const char *help)
{
	if (c == 'h') {
		fputs(help, stdout);
		return EXIT_OK;
	}
	if (c == ':')
		return cli_usage_error(usage, "option \"%s\" needs a value", argv[optind - 1]);
	return cli_usage_error(usage, "unknown option \"%s\"", argv[optind - 1]);
}
