/* dotenv.h - .env files: KEY=VALUE lines, quotes, comments, ${VAR} expansion */
#ifndef MESDB_WORKSPACE_DOTENV_H
#define MESDB_WORKSPACE_DOTENV_H

/*
 * Owns the .env syntax the Prisma CLI accepts (the dotenv and dotenv-expand
 * packages): `KEY=value` or `KEY: value` lines, an optional `export `,
 * `#` comments, values in '...' (literal), "..." (\n and \r escapes, may
 * span lines) or `...`, unquoted values up to a ` #` comment, trimmed.
 * Unquoted and double-quoted values expand ${VAR}, ${VAR:-default} and $VAR
 * (the process environment first, then keys defined earlier in the file;
 * unknown: empty); \$ is a literal $. Malformed lines are skipped, as dotenv
 * does. A key defined twice: the last one counts. Never touches the
 * process environment.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mesdb/mesdb_err.h"

struct dotenv_entry {
	char *key;
	char *value;
	uint32_t line;
};

struct dotenv {
	struct dotenv_entry *items;
	size_t nr, alloc;
};

#define DOTENV_INIT { NULL, 0, 0 }
void dotenv_init(struct dotenv *e);
void dotenv_release(struct dotenv *e);

/* Add the definitions of text to e. */
void dotenv_parse(struct dotenv *e, const char *text, size_t len);
/* Read and parse the file path; a missing file sets *found false and is no error. */
int dotenv_load(struct dotenv *e, const char *path, bool *found, struct mesdb_err *err);
/* The value of key (the last definition), or NULL. */
const char *dotenv_get(const struct dotenv *e, const char *key);

#endif
