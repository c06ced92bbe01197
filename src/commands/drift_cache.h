/* drift_cache.h - migrate status's last drift result per database and history */
#ifndef MESDB_COMMANDS_DRIFT_CACHE_H
#define MESDB_COMMANDS_DRIFT_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/sha256.h"
#include "base/strbuf.h"
#include "migrate/migrate.h"

/*
 * Checking drift means replaying the applied migrations (seconds for a long
 * history). Its result depends only on the migrations' text, the server,
 * mesdb itself and the catalog rows the description reads, so it is kept:
 * one slot per database and history (the slot's name hashes the applied
 * migrations' names and checksums, the schemas, the server version, mesdb's
 * build and the database's identity), holding the result with the
 * snapshot and the catalog fingerprint it holds for (pg_snapshot_state(),
 * pg_catalog_fingerprint()). The same snapshot means nothing was committed
 * since; the same fingerprint means nothing the description reads changed.
 *
 * Slots are files under $MESDB_CACHE_DIR, else $XDG_CACHE_HOME/mesdb, else
 * $HOME/.cache/mesdb (folder drift/, 0700; files 0600, written
 * atomically). A cache that cannot be read or written is no cache, never an
 * error. Slots not used for 30 days are removed when a new one is written.
 */
struct drift_cache_entry {
	char *snapshot;
	char *fingerprint;
	uint32_t nsteps;
	struct strbuf sql;        /* the drift's SQL ("" when nsteps is 0) */
};

void drift_cache_slot(const struct migration *const *list, size_t n, const char *const *schemas,
		      size_t nschemas, bool qualified, int server_version, const char *identity,
		      char out[SHA256_HEX_LEN + 1]);
/* 1: found and e filled (release it); 0: none (or unreadable). */
int drift_cache_load(const char *slot, struct drift_cache_entry *e);
void drift_cache_entry_release(struct drift_cache_entry *e);
/* Keep a result in the slot (best effort). */
void drift_cache_store(const char *slot, const char *snapshot, const char *fingerprint,
		       uint32_t nsteps, const char *sql);

#endif
