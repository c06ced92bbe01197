/* strmap.h - open-addressing hash map from (namespace id, string) to a uint32 value */
#ifndef MESDB_STRMAP_H
#define MESDB_STRMAP_H

/*
 * Owns: its slot array only. Keys are NOT copied: the caller keeps every key
 * string alive (typically in an arena) for as long as the map is used.
 * Stored keys are NUL-terminated strings (also those given to strmap_putn:
 * key[len] must be '\0'); a lookup by strmap_getn may use any slice.
 * A key is the pair (ns, bytes): ns lets one map hold per-scope names
 * (e.g. the fields of every model, ns = model id) without building keys.
 * strmap_init allocates nothing; strmap_release frees the slots.
 * strmap_init_arena makes a map whose slots come from an arena instead:
 * they share its (huge) pages with the data the map indexes, and go with
 * the arena; strmap_release then only forgets them.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

#define STRMAP_MISSING UINT32_MAX

/* 16 bytes: big maps touch few pages (a key's length and hash are computed again when needed) */
struct strmap_slot {
	const char *key;         /* NULL: empty slot */
	uint32_t ns;
	uint32_t value;
};

struct strmap {
	struct strmap_slot *slots;
	uint32_t cap;            /* power of two, or 0 */
	uint32_t n;
	struct arena *arena;     /* where the slots come from, or NULL: xzalloc() */
};

#define STRMAP_INIT { NULL, 0, 0, NULL }

void strmap_init(struct strmap *m);
void strmap_init_arena(struct strmap *m, struct arena *a);
void strmap_release(struct strmap *m);
/* Make room for n entries in all (no rehashing until then). */
void strmap_reserve(struct strmap *m, uint32_t n);

/* Value stored for (ns, key), or STRMAP_MISSING. */
uint32_t strmap_get(const struct strmap *m, uint32_t ns, const char *key);
uint32_t strmap_getn(const struct strmap *m, uint32_t ns, const char *key, size_t len);

/*
 * Insert (ns, key) -> value unless the key is present. Returns the value
 * already stored (and leaves it), or STRMAP_MISSING when value was inserted.
 */
uint32_t strmap_put(struct strmap *m, uint32_t ns, const char *key, uint32_t value);
uint32_t strmap_putn(struct strmap *m, uint32_t ns, const char *key, size_t len, uint32_t value);

/* Insert or overwrite. */
void strmap_set(struct strmap *m, uint32_t ns, const char *key, uint32_t value);

/*
 * The value stored for (ns, key), inserted as `init` when the key is absent:
 * one lookup for read-modify-write (counting). The pointer is valid until
 * the next insertion into m.
 */
uint32_t *strmap_ref(struct strmap *m, uint32_t ns, const char *key, uint32_t init);

#endif
