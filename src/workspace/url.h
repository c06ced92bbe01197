/* url.h - the datasource URL of a schema: a literal or env("VAR") from the environment or .env */
#ifndef MESDB_WORKSPACE_URL_H
#define MESDB_WORKSPACE_URL_H

/*
 * Owns turning `url = "..."` / `url = env("VAR")` into a connection URL.
 * VAR comes from the process environment, else from the first of these
 * .env files that defines it (Prisma reads the project root's .env and the
 * one beside the schema):
 *   1. <schema folder>/.env          (prisma/.env)
 *   2. <project root>/.env           (the parent of a schema folder named
 *                                      "prisma": services/auth/.env)
 *   3. ./.env                        (the current folder)
 * The URL is a secret: errors and `masked` never show its password.
 */

#include <stdbool.h>

#include "base/fs.h"
#include "mesdb/mesdb_err.h"

struct ws_url {
	char *url;         /* the URL to connect with (holds the password) */
	char *masked;      /* the URL with the password as **** */
	char *env_name;    /* VAR of env("VAR"), or NULL for a literal */
	char *env_file;    /* the .env file it came from, or NULL */
};

void ws_url_init(struct ws_url *u);
void ws_url_release(struct ws_url *u);

/*
 * Resolve the datasource URL of the schema at schema_path (a file or a
 * schema folder): literal, or env_name looked up as above. Errors
 * (MESDB_E_CONFIG): the variable is not set anywhere ("environment variable
 * not found: VAR", naming the files looked at), is empty, or the URL does
 * not start with postgresql:// or postgres:// (Prisma's P1012 words).
 */
int ws_resolve_url(const char *schema_path, const char *literal, const char *env_name,
		   struct ws_url *out, struct mesdb_err *err);

/* The .env files looked at for schema_path, in order, without duplicates. */
void ws_env_files(const char *schema_path, struct fs_list *out);

#endif
