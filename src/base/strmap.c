/* strmap.c - open-addressing hash map from (namespace id, string) to a uint32 value */
#include "base/strmap.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static inline uint64_t strmap_load64(const char *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof(v));
	return v;
}

static inline uint64_t strmap_load32(const char *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof(v));
	return v;
}

#if defined(__GNUC__)
#define STRMAP_INLINE static inline __attribute__((always_inline))
#else
#define STRMAP_INLINE static inline
#endif

/*
 * Keys are mostly short names: up to 16 bytes are two (overlapping) loads,
 * longer keys eight bytes at a time before that; mixed with the length and
 * the namespace by multiply-xorshift rounds.
 */
STRMAP_INLINE uint32_t strmap_hash(uint32_t ns, const char *key, size_t len)
{
	uint64_t h = ((uint64_t)ns << 32 | (uint64_t)(uint32_t)len) * 0x9e3779b97f4a7c15ull;
	uint64_t a, b;
	size_t n = len;

	while (n > 16) {
		h = (h ^ strmap_load64(key)) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
		key += 8;
		n -= 8;
	}
	if (n >= 8) {
		a = strmap_load64(key);
		b = strmap_load64(key + n - 8);
	} else if (n >= 4) {
		a = strmap_load32(key);
		b = strmap_load32(key + n - 4);
	} else if (n) {
		a = (uint64_t)(unsigned char)key[0] | ((uint64_t)(unsigned char)key[n / 2] << 8) |
		    ((uint64_t)(unsigned char)key[n - 1] << 16);
		b = 0;
	} else {
		a = b = 0;
	}
	h = (h ^ a) * 0xff51afd7ed558ccdull;
	h = (h ^ (h >> 32) ^ b) * 0xc4ceb9fe1a85ec53ull;
	/* once more: the high bytes of b (a key's last bytes) reach the low bits, the slot */
	h = (h ^ (h >> 32)) * 0xff51afd7ed558ccdull;
	h ^= h >> 32;
	return (uint32_t)h;
}

void strmap_init(struct strmap *m)
{
	m->slots = NULL;
	m->cap = 0;
	m->n = 0;
	m->arena = NULL;
}

void strmap_init_arena(struct strmap *m, struct arena *a)
{
	strmap_init(m);
	m->arena = a;
}

void strmap_release(struct strmap *m)
{
	struct arena *a = m->arena;

	if (!a)
		xzfree(m->slots);
	strmap_init(m);
	m->arena = a;
}

/* Does the stored (NUL-terminated) key equal the len bytes at key? */
STRMAP_INLINE bool strmap_key_eq(const char *stored, const char *key, size_t len)
{
	if (!len)
		return !stored[0];
	/* strncmp stops at the stored key's end, so a shorter one is never read past */
	return stored[0] == key[0] && !strncmp(stored, key, len) && !stored[len];
}

STRMAP_INLINE struct strmap_slot *strmap_find(const struct strmap *m, uint32_t ns, const char *key,
					      size_t len, uint32_t h)
{
	uint32_t mask = m->cap - 1;
	for (uint32_t i = h & mask;; i = (i + 1) & mask) {
		struct strmap_slot *s = &m->slots[i];
		if (!s->key)
			return s;
		if (s->ns == ns && strmap_key_eq(s->key, key, len))
			return s;
	}
}

static void strmap_rehash(struct strmap *m, uint32_t newcap)
{
	struct strmap_slot *old = m->slots;
	uint32_t oldcap = m->cap;

	m->cap = newcap;
	if (m->arena)
		m->slots = ARENA_NEW_ARRAY(m->arena, struct strmap_slot, m->cap);
	else
		m->slots = xzalloc(xmul(m->cap, sizeof(*m->slots)));
	for (uint32_t i = 0; i < oldcap; i++) {
		if (!old[i].key)
			continue;
		/* keys are distinct: the first free slot of the probe sequence */
		uint32_t mask = m->cap - 1;
		uint32_t j = strmap_hash(old[i].ns, old[i].key, strlen(old[i].key)) & mask;
		while (m->slots[j].key)
			j = (j + 1) & mask;
		m->slots[j] = old[i];
	}
	if (!m->arena)
		xzfree(old);
}

static void strmap_grow(struct strmap *m)
{
	strmap_rehash(m, m->cap ? m->cap * 2 : 64);
}

void strmap_reserve(struct strmap *m, uint32_t n)
{
	uint32_t cap = 64;
	while (cap / 4 * 3 < n + 1)
		cap *= 2;
	if (cap > m->cap)
		strmap_rehash(m, cap);
}

uint32_t strmap_getn(const struct strmap *m, uint32_t ns, const char *key, size_t len)
{
	if (!m->n)
		return STRMAP_MISSING;
	struct strmap_slot *s = strmap_find(m, ns, key, len, strmap_hash(ns, key, len));
	return s->key ? s->value : STRMAP_MISSING;
}

uint32_t strmap_get(const struct strmap *m, uint32_t ns, const char *key)
{
	return strmap_getn(m, ns, key, strlen(key));
}

STRMAP_INLINE struct strmap_slot *strmap_slot_for(struct strmap *m, uint32_t ns, const char *key,
						  size_t len)
{
	if (m->n + 1 > m->cap / 4 * 3)
		strmap_grow(m);
	return strmap_find(m, ns, key, len, strmap_hash(ns, key, len));
}

uint32_t strmap_putn(struct strmap *m, uint32_t ns, const char *key, size_t len, uint32_t value)
{
	struct strmap_slot *s = strmap_slot_for(m, ns, key, len);
	if (s->key)
		return s->value;
	s->key = key;
	s->ns = ns;
	s->value = value;
	m->n++;
	return STRMAP_MISSING;
}

uint32_t strmap_put(struct strmap *m, uint32_t ns, const char *key, uint32_t value)
{
	return strmap_putn(m, ns, key, strlen(key), value);
}

void strmap_set(struct strmap *m, uint32_t ns, const char *key, uint32_t value)
{
	struct strmap_slot *s = strmap_slot_for(m, ns, key, strlen(key));
	if (!s->key) {
		s->key = key;
		s->ns = ns;
		m->n++;
	}
	s->value = value;
}

uint32_t *strmap_ref(struct strmap *m, uint32_t ns, const char *key, uint32_t init)
{
	struct strmap_slot *s = strmap_slot_for(m, ns, key, strlen(key));
	if (!s->key) {
		s->key = key;
		s->ns = ns;
		s->value = init;
		m->n++;
	}
	return &s->value;
}
