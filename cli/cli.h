/* cli.h - shared pieces of the command-line front end: output, errors, options, exit codes */
#ifndef MESDB_CLI_H
#define MESDB_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "mesdb/mesdb.h"

/* Exit codes (documented in README.md and `mesdb help`). */
enum cli_exit {
	EXIT_OK = 0,
	EXIT_FAILED = 1,      /* invalid schema, refused change, pending/failed migrations */
	EXIT_CONNECT = 2,     /* could not connect; `migrate diff --exit-code`: differences */
	EXIT_MIGRATION = 3,   /* a migration script failed */
	EXIT_USAGE = 129,     /* bad command line */
};

struct cli_ctx {
	bool color_out, color_err;
	const char *prog;
};

extern struct cli_ctx cli;

/* A sink writing out to stdout and notes to stderr. */
struct mesdb_sink cli_sink(void);

/* Print err on stderr (mesdb: error: / detail: / hint:) and return its exit code. */
int cli_fail(struct mesdb_err *err);
/* Usage error: message + the command's usage line; returns EXIT_USAGE. */
int cli_usage_error(const char *usage, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/*
 * The getopt_long results every command handles alike: 'h' prints help
 * (exit 0), ':' is a missing value and anything else an unknown option
 * (usage errors). Returns the exit code.
 */
int cli_opt_common(int c, char **argv, const char *usage, const char *help);
/* Map an error status to the exit code. */
int cli_exit_code(const struct mesdb_err *err);

/* Each command: argc/argv start at the command name. */
int cmd_validate(int argc, char **argv);
int cmd_format(int argc, char **argv);
int cmd_migrate_deploy(int argc, char **argv);
int cmd_migrate_status(int argc, char **argv);
int cmd_migrate_resolve(int argc, char **argv);
int cmd_migrate_diff(int argc, char **argv);
int cmd_migrate_dev(int argc, char **argv);
int cmd_migrate_reset(int argc, char **argv);
int cmd_migrate_rollback(int argc, char **argv);
int cmd_migrate_baseline(int argc, char **argv);
int cmd_db_push(int argc, char **argv);
int cmd_db_execute(int argc, char **argv);
int cmd_db_pull(int argc, char **argv);

#endif
