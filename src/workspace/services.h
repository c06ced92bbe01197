/* services.h - the workspace: its root, the services below it, the current one, .env files */
#ifndef MESDB_WORKSPACE_SERVICES_H
#define MESDB_WORKSPACE_SERVICES_H

/*
 * Owns the workspace layout: the root is the nearest ancestor folder (the
 * start folder included) that has a `services/` folder; a service is every
 * services/<name>/ holding prisma/schema.prisma. Nothing lists the
 * services: they are discovered. Never prints.
 */

#include <stdbool.h>
#include <stddef.h>

#include "mesdb/mesdb_err.h"

struct ws_service {
	char *name;          /* folder name: "auth" */
	char *dir;           /* <root>/services/auth */
	char *schema;        /* <root>/services/auth/prisma/schema.prisma */
};

struct ws_services {
	char *root;          /* the workspace root (absolute) */
	struct ws_service *items;   /* sorted by name */
	size_t nr, alloc;
};

void ws_services_init(struct ws_services *s);
void ws_services_release(struct ws_services *s);

/*
 * Find the workspace root from start (NULL: the current folder) and list
 * its services. No root: MESDB_E_CONFIG ("no services/ folder in ... or
 * above").
 */
int ws_discover(const char *start, struct ws_services *out, struct mesdb_err *err);

/* The service named name, or NULL. */
const struct ws_service *ws_service_find(const struct ws_services *s, const char *name);

/* The service whose folder holds the folder cwd (absolute), or NULL. */
const struct ws_service *ws_service_of_dir(const struct ws_services *s, const char *cwd);

/*
 * Copy <service dir>/.env.example to .env when .env is missing (mode 0600);
 * an existing .env is never touched. *created tells whether it was written.
 */
int ws_ensure_env(const struct ws_service *svc, bool *created, struct mesdb_err *err);

#endif
