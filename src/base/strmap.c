/* strmap.c - open-addressing hash map from (namespace id, string) to a uint32 value */
#include "base/strmap.h"

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
	h ^= h >> 29;
	return (uint32_t)h;
}

void strmap_init(struct strmap *m)
{
	m->slots = NULL;
	m->cap = 0;
	m->n = 0;
}

void strmap_release(struct strmap *m)
{
	xzfree(m->slots);
	strmap_init(m);
}

STRMAP_INLINE struct strmap_slot *strmap_find(const struct strmap *m, uint32_t ns, const char *key,
					      size_t len, uint32_t h)
{
	uint32_t mask = m->cap - 1;
	for (uint32_t i = h & mask;; i = (i + 1) & mask) {
		struct strmap_slot *s = &m->slots[i];
		if (!s->key)
			return s;
		if (s->hash == h && s->ns == ns && s->len == len && !memcmp(s->key, key, len))
			return s;
	}
}

static void strmap_rehash(struct strmap *m, uint32_t newcap)
{
	struct strmap_slot *old = m->slots;
	uint32_t oldcap = m->cap;

	m->cap = newcap;
	m->slots = xzalloc(xmul(m->cap, sizeof(*m->slots)));
	for (uint32_t i = 0; i < oldcap; i++) {
		if (!old[i].key)
			continue;
		struct strmap_slot *s = strmap_find(m, old[i].ns, old[i].key, old[i].len, old[i].hash);
		*s = old[i];
	}
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
						  size_t len, uint32_t *hash)
{
	if (m->n + 1 > m->cap / 4 * 3)
		strmap_grow(m);
	*hash = strmap_hash(ns, key, len);
	return strmap_find(m, ns, key, len, *hash);
}

uint32_t strmap_putn(struct strmap *m, uint32_t ns, const char *key, size_t len, uint32_t value)
{
	uint32_t h;
	struct strmap_slot *s = strmap_slot_for(m, ns, key, len, &h);
	if (s->key)
		return s->value;
	s->key = key;
	s->len = (uint32_t)len;
	s->ns = ns;
	s->hash = h;
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
	uint32_t h;
	size_t len = strlen(key);
	struct strmap_slot *s = strmap_slot_for(m, ns, key, len, &h);
	if (!s->key) {
		s->key = key;
		s->len = (uint32_t)len;
		s->ns = ns;
		s->hash = h;
		m->n++;
	}
	s->value = value;
}

uint32_t *strmap_ref(struct strmap *m, uint32_t ns, const char *key, uint32_t init)
{
	uint32_t h;
	size_t len = strlen(key);
	struct strmap_slot *s = strmap_slot_for(m, ns, key, len, &h);
	if (!s->key) {
		s->key = key;
		s->len = (uint32_t)len;
		s->ns = ns;
		s->hash = h;
		s->value = init;
		m->n++;
	}
	return &s->value;
}
