/* ws_common.h - what the workspace commands share: the service's URL, errors named by service */
#ifndef MESDB_COMMANDS_WS_COMMON_H
#define MESDB_COMMANDS_WS_COMMON_H

#include "db_common.h"
#include "mesdb/mesdb_ws.h"

/*
 * Load the schema of opts (validated; its datasource required unless
 * opts->url is given) and the URL to connect with: opts->url, else the
 * datasource's.
 */
int ws_service_url(const struct mesdb_service_opts *opts, struct db_schema *schema,
		   struct ws_url *url, const struct mesdb_sink *sink, struct mesdb_err *err);

/* Prefix a filled err with "service NAME" when opts names the service. */
void ws_name_service(const struct mesdb_service_opts *opts, struct mesdb_err *err);

#endif
