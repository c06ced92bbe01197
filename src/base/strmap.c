/* strmap.c - open-addressing hash map from (namespace id, string) to a uint32 value */
#include "base/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

/* FNV-1a over the bytes, mixed with the namespace id. */
static uint32_t strmap_hash(uint32_t ns, const char *key, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)key[i];
		h *= 16777619u;
	}
	/* mix in the namespace, then murmur3's finalizer for the low bits */
	h ^= ns * 0x9e3779b9u;
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

void strmap_init(struct strmap *m)
{
	m->slots = NULL;
	m->cap = 0;
	m->n = 0;
}

void strmap_release(struct strmap *m)
{
	free(m->slots);
	strmap_init(m);
}

static struct strmap_slot *strmap_find(const struct strmap *m, uint32_t ns, const char *key,
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
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	for (uint32_t i = 0; i < oldcap; i++) {
		if (!old[i].key)
			continue;
		struct strmap_slot *s = strmap_find(m, old[i].ns, old[i].key, old[i].len, old[i].hash);
		*s = old[i];
	}
	free(old);
}

static void strmap_grow(struct strmap *m)
{
	strmap_rehash(m, m->cap ? m->cap * 2 : 64);
}

void strmap_reserve(struct strmap *m, uint32_t n)
{
	uint32_t cap = 64;
	while (cap / 2 < n + 1)
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

static struct strmap_slot *strmap_slot_for(struct strmap *m, uint32_t ns, const char *key,
					   size_t len, uint32_t *hash)
{
	if ((m->n + 1) * 2 > m->cap)
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
