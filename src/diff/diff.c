/* diff.c - the differ: match tables, columns, indexes, foreign keys, enums; emit sorted steps */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/strmap.h"
#include "base/xalloc.h"
#include "diff/diff_internal.h"

/*
 * Owns the matching of the two schemas and the steps of the plan, in the
 * order of Prisma's sql_schema_differ: tables are matched by (schema,
 * name), columns by name and visited in byte order of their names (Prisma
 * keeps them in a BTreeMap), indexes and foreign keys by shape (names only
 * decide renames); the steps are then sorted by kind and ids, and a dropped
 * unique index is moved after the AlterTable that makes it a primary key.
 * Column comparison lives in columns.c, checks in checks.c.
 */

/* ORDER DIFF_STEP */
static const char *const step_names[] = {
	"CreateSchema", "DropExtension", "CreateExtension", "AlterExtension", "CreateEnum",
	"AlterEnum", "DropForeignKey", "DropIndex", "AlterTable", "DropTable", "DropEnum",
	"CreateTable", "CreateIndex", "RenameForeignKey", "AddForeignKey", "RenameIndex",
};

const char *diff_step_name(enum diff_step_kind k)
{
	_Static_assert(ARRAY_SIZE(step_names) == DIFF_STEP__COUNT, "step_names out of sync");
	if ((unsigned)k >= DIFF_STEP__COUNT)
		MESDB_BUG("bad diff_step_kind");
	return step_names[k];
}

void plan_init(struct plan *p)
{
	memset(p, 0, sizeof(*p));
	arena_init(&p->arena);
}

void plan_release(struct plan *p)
{
	free(p->steps);
	free(p->checks);
	free(p->counts);
	arena_release(&p->arena);
	plan_init(p);
}

/* ---- the differ's working state ---- */

struct colpair {
	const char *name;
	uint32_t prev, next;       /* SQL_NONE when only on one side */
	unsigned what;
	enum diff_cast cast;
};

struct tablepair {
	uint32_t prev, next;
	struct colpair *cols;      /* sorted by name */
	uint32_t ncols;
};

/* Ids of the indexes (or foreign keys) of each table: ids[start[t] .. start[t + 1]). */
struct bytable {
	uint32_t *start;
	uint32_t *ids;
};

struct differ {
	struct plan *p;
	const struct sqlschema *from, *to;
	struct bytable ix_from, ix_to, fk_from, fk_to;
	struct tablepair *tables;  /* previous tables in id order, then new ones */
	uint32_t ntables, atables;
};

static void bytable_build(struct bytable *b, uint32_t ntables, uint32_t n, const void *items,
			  size_t size, size_t table_offset)
{
	const char *base = items;
	uint32_t i, t, *fill;

	b->start = xcalloc(ntables + 2, sizeof(uint32_t));
	b->ids = xcalloc(n + 1, sizeof(uint32_t));
	for (i = 0; i < n; i++) {
		memcpy(&t, base + i * size + table_offset, sizeof(t));
		if (t < ntables)
			b->start[t + 1]++;
	}
	for (t = 0; t < ntables; t++)
		b->start[t + 1] += b->start[t];
	fill = xcalloc(ntables + 1, sizeof(uint32_t));
	for (i = 0; i < n; i++) {
		memcpy(&t, base + i * size + table_offset, sizeof(t));
		if (t < ntables)
			b->ids[b->start[t] + fill[t]++] = i;
	}
	free(fill);
}

static void bytable_release(struct bytable *b)
{
	free(b->start);
	free(b->ids);
}

/*
 * PostgreSQL cuts identifiers to NAMEDATALEN - 1 = 63 bytes, at a character
 * boundary: a schema's long name and the database's cut one are the same.
 */
#define PG_IDENT_MAX 63

static size_t ident_len(const char *name)
{
	size_t n = strlen(name);

	if (n <= PG_IDENT_MAX)
		return n;
	n = PG_IDENT_MAX;
	while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80)
		n--; /* name[n] continues a UTF-8 character: cut before it */
	return n;
}

static int ident_cmp(const char *a, const char *b)
{
	size_t na = ident_len(a), nb = ident_len(b);
	int c = memcmp(a, b, na < nb ? na : nb);

	if (c)
		return c;
	return na < nb ? -1 : na > nb;
}

static bool ignored_table(const char *name)
{
	static const char *const postgis[] = {
		"spatial_ref_sys", "geometry_columns", "geography_columns", "raster_columns",
		"raster_overviews",
	};
	size_t i;

	if (!strcmp(name, "_prisma_migrations"))
		return true;
	for (i = 0; i < ARRAY_SIZE(postgis); i++)
		if (!strcasecmp(name, postgis[i]))
			return true;
	return false;
}

static const char *table_ns(const struct differ *d, const struct sqlschema *s, uint32_t t)
{
	return diff_ns_name(s, s->tables[t].namespace_id, true);
}

static void table_key(const struct differ *d, const struct sqlschema *s, uint32_t t,
		      struct strbuf *out)
{
	const char *ns = table_ns(d, s, t);
	strbuf_reset(out);
	if (ns) {
		strbuf_addstr(out, ns);
		strbuf_addch(out, '\x01');
	}
	strbuf_add(out, s->tables[t].name, ident_len(s->tables[t].name));
}

static int cmp_colpair(const void *a, const void *b)
{
	return ident_cmp(((const struct colpair *)a)->name, ((const struct colpair *)b)->name);
}

static void pair_columns(struct differ *d, struct tablepair *tp)
{
	const struct sql_table *a = &d->from->tables[tp->prev], *b = &d->to->tables[tp->next];
	uint32_t n = a->ncolumns + b->ncolumns, i, k = 0;
	struct colpair *cp = ARENA_NEW_ARRAY(&d->p->arena, struct colpair, n + 1);

	for (i = 0; i < a->ncolumns; i++) {
		uint32_t c = a->first_column + i;
		cp[k].name = d->from->columns[c].name;
		cp[k].prev = c;
		cp[k].next = SQL_NONE;
		k++;
	}
	for (i = 0; i < b->ncolumns; i++) {
		uint32_t c = b->first_column + i, j;
		const char *name = d->to->columns[c].name;
		for (j = 0; j < a->ncolumns; j++)
			if (cp[j].next == SQL_NONE && !ident_cmp(cp[j].name, name))
				break;
		if (j < a->ncolumns) {
			cp[j].next = c;
			continue;
		}
		cp[k].name = name;
		cp[k].prev = SQL_NONE;
		cp[k].next = c;
		k++;
	}
	for (i = 0; i < k; i++)
		if (cp[i].prev != SQL_NONE && cp[i].next != SQL_NONE)
			cp[i].what = diff_column_changes(d->from, &d->from->columns[cp[i].prev], d->to,
							 &d->to->columns[cp[i].next], true,
							 &cp[i].cast);
	qsort(cp, k, sizeof(*cp), cmp_colpair);
	tp->cols = cp;
	tp->ncols = k;
}

static void match_tables(struct differ *d)
{
	struct strmap map = STRMAP_INIT;
	struct strbuf key = STRBUF_INIT;
	uint32_t i;

	for (i = 0; i < d->from->ntables; i++) {
		if (ignored_table(d->from->tables[i].name))
			continue;
		table_key(d, d->from, i, &key);
		if (strmap_get(&map, 0, key.buf) != STRMAP_MISSING)
			continue;
		ALLOC_GROW(d->tables, d->ntables + 1, d->atables);
		d->tables[d->ntables].prev = i;
		d->tables[d->ntables].next = SQL_NONE;
		d->tables[d->ntables].cols = NULL;
		d->tables[d->ntables].ncols = 0;
		strmap_put(&map, 0, arena_strndup(&d->p->arena, key.buf, key.len), d->ntables);
		d->ntables++;
	}
	for (i = 0; i < d->to->ntables; i++) {
		uint32_t at;
		if (ignored_table(d->to->tables[i].name))
			continue;
		table_key(d, d->to, i, &key);
		at = strmap_get(&map, 0, key.buf);
		if (at != STRMAP_MISSING) {
			if (d->tables[at].next != SQL_NONE)
				continue;
			d->tables[at].next = i;
			pair_columns(d, &d->tables[at]);
			continue;
		}
		ALLOC_GROW(d->tables, d->ntables + 1, d->atables);
		d->tables[d->ntables].prev = SQL_NONE;
		d->tables[d->ntables].next = i;
		d->tables[d->ntables].cols = NULL;
		d->tables[d->ntables].ncols = 0;
		strmap_put(&map, 0, arena_strndup(&d->p->arena, key.buf, key.len), d->ntables);
		d->ntables++;
	}
	strmap_release(&map);
	strbuf_release(&key);
}

static const struct colpair *find_colpair(const struct tablepair *tp, const char *name)
{
	uint32_t lo = 0, hi = tp->ncols;

	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		int c = ident_cmp(tp->cols[mid].name, name);
		if (!c)
			return &tp->cols[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ---- steps ---- */

static struct diff_step *push_step(struct differ *d, enum diff_step_kind kind, uint32_t prev,
				   uint32_t next)
{
	struct plan *p = d->p;
	struct diff_step *s;

	ALLOC_GROW(p->steps, p->nsteps + 1, p->asteps);
	s = &p->steps[p->nsteps++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->prev = prev;
	s->next = next;
	s->table_prev = s->table_next = SQL_NONE;
	return s;
}

static bool ns_exists_before(const struct differ *d, const char *name)
{
	uint32_t i;

	if (sqlschema_find_namespace(d->from, name) != SQL_NONE)
		return true;
	for (i = 0; i < d->p->opts.nexisting_namespaces; i++)
		if (!strcmp(d->p->opts.existing_namespaces[i], name))
			return true;
	return false;
}

static bool enum_is_new(const struct differ *d, uint32_t e);

/*
 * A namespace is created only when a (not ignored) table of either schema
 * lives in it, or a new enum does: Prisma calls the others external.
 */
static bool namespace_used(const struct differ *d, const char *name)
{
	uint32_t i;

	for (i = 0; i < d->ntables; i++) {
		const struct tablepair *tp = &d->tables[i];
		const char *ns = tp->prev != SQL_NONE ? table_ns(d, d->from, tp->prev)
						      : table_ns(d, d->to, tp->next);
		if (ns && !strcmp(ns, name))
			return true;
	}
	for (i = 0; i < d->to->nenums; i++) {
		const char *ns = diff_ns_name(d->to, d->to->enums[i].namespace_id, true);
		if (ns && !strcmp(ns, name) && enum_is_new(d, i))
			return true;
	}
	return false;
}

static void push_created_schemas(struct differ *d)
{
	uint32_t i, k;

	for (i = 0; i < d->to->nnamespaces; i++) {
		const char *name = d->to->namespaces[i].name;
		bool seen = false;
		for (k = 0; k < i; k++)
			if (!strcmp(d->to->namespaces[k].name, name))
				seen = true;
		if (seen || ns_exists_before(d, name) || !namespace_used(d, name))
			continue;
		push_step(d, DIFF_CREATE_SCHEMA, SQL_NONE, i);
	}
}

static bool extensions_match(const struct sql_extension *a, const struct sql_extension *b)
{
	const char *va = a->version ? a->version : "", *vb = b->version ? b->version : "";
	const char *sa = a->schema ? a->schema : "", *sb = b->schema ? b->schema : "";

	return !strcmp(a->name, b->name) && (!strcmp(va, vb) || !*va || !*vb) &&
	       (!strcmp(sa, sb) || !*sa || !*sb);
}

static void push_extension_steps(struct differ *d)
{
	uint32_t i, k;

	for (i = 0; i < d->to->nextensions; i++) {
		const struct sql_extension *x = &d->to->extensions[i];
		uint32_t found = SQL_NONE;
		for (k = 0; k < d->from->nextensions; k++)
			if (!strcmp(d->from->extensions[k].name, x->name)) {
				found = k;
				break;
			}
		if (found == SQL_NONE) {
			push_step(d, DIFF_CREATE_EXTENSION, SQL_NONE, i);
		} else if (!extensions_match(&d->from->extensions[found], x)) {
			/* not relocatable: drop and create again */
			push_step(d, DIFF_DROP_EXTENSION, found, SQL_NONE);
			push_step(d, DIFF_CREATE_EXTENSION, SQL_NONE, i);
		}
	}
}

/* Secondary (non primary key) indexes `var` of table t of s (per-table list bt), in id order. */
#define FOR_SECONDARY(bt, s, t, j, var)                                             \
	for (j = (bt)->start[t]; j < (bt)->start[(t) + 1]; j++)                     \
		if (((var) = (bt)->ids[j]), (s)->indexes[var].kind != SQL_INDEX_PRIMARY)

static void push_created_tables(struct differ *d)
{
	uint32_t i, j, k;

	for (i = 0; i < d->ntables; i++) {
		uint32_t t = d->tables[i].next;
		if (d->tables[i].prev != SQL_NONE || t == SQL_NONE)
			continue;
		push_step(d, DIFF_CREATE_TABLE, SQL_NONE, t);
		for (j = d->fk_to.start[t]; j < d->fk_to.start[t + 1]; j++)
			push_step(d, DIFF_ADD_FOREIGN_KEY, SQL_NONE, d->fk_to.ids[j]);
		FOR_SECONDARY(&d->ix_to, d->to, t, j, k) {
			struct diff_step *s = push_step(d, DIFF_CREATE_INDEX, SQL_NONE, k);
			s->table_next = t;
		}
	}
}

static void push_dropped_tables(struct differ *d)
{
	uint32_t i, k;

	for (i = 0; i < d->ntables; i++) {
		uint32_t t = d->tables[i].prev;
		if (d->tables[i].next != SQL_NONE || t == SQL_NONE)
			continue;
		push_step(d, DIFF_DROP_TABLE, t, SQL_NONE);
		for (k = d->fk_from.start[t]; k < d->fk_from.start[t + 1]; k++)
			push_step(d, DIFF_DROP_FOREIGN_KEY, d->fk_from.ids[k], SQL_NONE);
	}
}

/* ---- indexes ---- */

static bool index_kept(const struct differ *d, const struct sql_index *ix)
{
	return ix->unsupported && d->p->opts.keep_unsupported_indexes;
}

/*
 * Same columns (name and sort), same kind, same algorithm and operator classes
 * (a default one named or not).
 */
static bool indexes_match(const struct differ *d, const struct sql_index *a, const struct sql_index *b)
{
	uint32_t i;

	if (a->ncolumns != b->ncolumns || a->kind != b->kind || a->algo != b->algo)
		return false;
	if (a->unsupported || b->unsupported)
		return a->unsupported && b->unsupported && a->definition && b->definition &&
		       !strcmp(a->definition, b->definition);
	for (i = 0; i < a->ncolumns; i++) {
		const struct sql_index_column *x = &a->columns[i], *y = &b->columns[i];
		/* an explicit default operator class is the default one */
		const char *oa = x->opclass, *ob = y->opclass;
		if (oa && !ob)
			ob = y->default_opclass;
		else if (ob && !oa)
			oa = x->default_opclass;
		if (ident_cmp(d->from->columns[x->column_id].name, d->to->columns[y->column_id].name))
			return false;
		if ((x->sort < 0) != (y->sort < 0))
			return false;
		if ((oa || ob) && !(oa && ob && !strcmp(oa, ob)))
			return false;
	}
	return true;
}


static bool has_match_in_next(const struct differ *d, const struct tablepair *tp, uint32_t pi)
{
	uint32_t j, k;
	FOR_SECONDARY(&d->ix_to, d->to, tp->next, j, k)
		if (indexes_match(d, &d->from->indexes[pi], &d->to->indexes[k]))
			return true;
	return false;
}

static bool has_match_in_prev(const struct differ *d, const struct tablepair *tp, uint32_t ni)
{
	uint32_t j, k;
	FOR_SECONDARY(&d->ix_from, d->from, tp->prev, j, k)
		if (!index_kept(d, &d->from->indexes[k]) &&
		    indexes_match(d, &d->from->indexes[k], &d->to->indexes[ni]))
			return true;
	return false;
}

static bool same_column_names(const struct sqlschema *s, const struct sql_index *a,
			      const struct sql_index *b)
{
	uint32_t i;
	if (a->ncolumns != b->ncolumns)
		return false;
	for (i = 0; i < a->ncolumns; i++)
		if (strcmp(s->columns[a->columns[i].column_id].name,
			   s->columns[b->columns[i].column_id].name))
			return false;
	return true;
}

/* The next index paired with previous index pi (for renames), or SQL_NONE. */
static uint32_t index_partner(const struct differ *d, const struct tablepair *tp, uint32_t pi)
{
	const struct sql_index *a = &d->from->indexes[pi];
	uint32_t j, k, identical = 0;

	if (index_kept(d, a))
		return SQL_NONE;
	FOR_SECONDARY(&d->ix_from, d->from, tp->prev, j, k)
		if (same_column_names(d->from, a, &d->from->indexes[k]) &&
		    (a->kind == SQL_INDEX_UNIQUE) == (d->from->indexes[k].kind == SQL_INDEX_UNIQUE))
			identical++;
	if (identical != 1)
		return SQL_NONE;
	FOR_SECONDARY(&d->ix_to, d->to, tp->next, j, k)
		if (indexes_match(d, a, &d->to->indexes[k]))
			return k;
	return SQL_NONE;
}

static void push_dropped_indexes(struct differ *d)
{
	uint32_t i, j, k;

	for (i = 0; i < d->ntables; i++) {
		const struct tablepair *tp = &d->tables[i];
		if (tp->prev == SQL_NONE || tp->next == SQL_NONE)
			continue;
		FOR_SECONDARY(&d->ix_from, d->from, tp->prev, j, k)
			if (!index_kept(d, &d->from->indexes[k]) && !has_match_in_next(d, tp, k))
				push_step(d, DIFF_DROP_INDEX, k, SQL_NONE);
	}
}

static void push_created_indexes(struct differ *d)
{
	uint32_t i, j, k, c;

	for (i = 0; i < d->ntables; i++) {
		const struct tablepair *tp = &d->tables[i];
		if (tp->prev == SQL_NONE || tp->next == SQL_NONE)
			continue;
		FOR_SECONDARY(&d->ix_to, d->to, tp->next, j, k)
			if (!has_match_in_prev(d, tp, k)) {
				struct diff_step *s = push_step(d, DIFF_CREATE_INDEX, SQL_NONE, k);
				s->table_prev = tp->prev;
				s->table_next = tp->next;
			}
		/* indexes on a column that is dropped and recreated go with it: create them again */
		FOR_SECONDARY(&d->ix_from, d->from, tp->prev, j, k) {
			uint32_t partner = index_partner(d, tp, k);
			const struct sql_index *ni;
			bool recreated = false;
			if (partner == SQL_NONE)
				continue;
			ni = &d->to->indexes[partner];
			for (c = 0; c < ni->ncolumns; c++) {
				const struct colpair *cp =
					find_colpair(tp, d->to->columns[ni->columns[c].column_id].name);
				if (cp && cp->prev != SQL_NONE && cp->next == ni->columns[c].column_id &&
				    cp->cast == DIFF_CAST_NOT_CASTABLE)
					recreated = true;
			}
			if (recreated) {
				struct diff_step *s = push_step(d, DIFF_CREATE_INDEX, SQL_NONE, partner);
				s->table_prev = tp->prev;
				s->table_next = tp->next;
				s->from_drop_and_recreate = true;
			}
		}
	}
}

/* ---- foreign keys ---- */

static bool fks_match(const struct differ *d, const struct tablepair *tp,
		      const struct sql_foreign_key *a, const struct sql_foreign_key *b)
{
	uint32_t i;

	if (ident_cmp(d->from->tables[a->referenced_table_id].name,
		   d->to->tables[b->referenced_table_id].name))
		return false;
	if (a->ncolumns != b->ncolumns || a->on_delete != b->on_delete || a->on_update != b->on_update)
		return false;
	for (i = 0; i < a->ncolumns; i++) {
		const char *ca = d->from->columns[a->columns[i]].name;
		const char *cb = d->to->columns[b->columns[i]].name;
		const struct colpair *cp;
		if (ident_cmp(ca, cb))
			return false;
		cp = find_colpair(tp, ca);
		if (cp && (cp->what & DIFF_COL_TYPE))
			return false;
		if (ident_cmp(d->from->columns[a->referenced_columns[i]].name,
			   d->to->columns[b->referenced_columns[i]].name))
			return false;
	}
	return true;
}

static bool is_join_table_fk(const struct sqlschema *s, const struct sql_foreign_key *fk)
{
	const struct sql_table *t = &s->tables[fk->table_id];
	return t->ncolumns == 2 && sqlschema_find_column(s, fk->table_id, "A") != SQL_NONE &&
	       sqlschema_find_column(s, fk->table_id, "B") != SQL_NONE;
}

static void push_fk_steps(struct differ *d, const struct tablepair *tp)
{
	const struct sqlschema *f = d->from, *t = d->to;
	const uint32_t *pf = d->fk_from.ids + d->fk_from.start[tp->prev];
	const uint32_t *nf = d->fk_to.ids + d->fk_to.start[tp->next];
	uint32_t np = d->fk_from.start[tp->prev + 1] - d->fk_from.start[tp->prev];
	uint32_t nn = d->fk_to.start[tp->next + 1] - d->fk_to.start[tp->next];
	bool *seen = xcalloc(nn + 1, sizeof(bool));
	uint32_t i, k;

	for (k = 0; k < nn; k++) {
		bool found = false;
		for (i = 0; i < np && !found; i++)
			found = fks_match(d, tp, &f->fks[pf[i]], &t->fks[nf[k]]);
		if (!found)
			push_step(d, DIFF_ADD_FOREIGN_KEY, SQL_NONE, nf[k]);
	}
	for (i = 0; i < np; i++) {
		bool found = false;
		for (k = 0; k < nn && !found; k++)
			found = fks_match(d, tp, &f->fks[pf[i]], &t->fks[nf[k]]);
		if (!found)
			push_step(d, DIFF_DROP_FOREIGN_KEY, pf[i], SQL_NONE);
	}
	/* pairs: renamed foreign keys (never those of join tables) */
	for (i = 0; i < np; i++) {
		const struct sql_foreign_key *a = &f->fks[pf[i]];
		for (k = 0; k < nn; k++) {
			const struct sql_foreign_key *b = &t->fks[nf[k]];
			if (seen[k] || !fks_match(d, tp, a, b))
				continue;
			seen[k] = true;
			if (a->name && b->name && strcmp(a->name, b->name) &&
			    !(is_join_table_fk(f, a) && is_join_table_fk(t, b)))
				push_step(d, DIFF_RENAME_FOREIGN_KEY, pf[i], nf[k]);
			break;
		}
	}
	free(seen);
}

/* ---- primary keys and the AlterTable step ---- */

static bool pk_changed(const struct differ *d, const struct tablepair *tp, uint32_t a, uint32_t b)
{
	const struct sql_index *x = &d->from->indexes[a], *y = &d->to->indexes[b];
	uint32_t i, k;

	if (x->ncolumns != y->ncolumns)
		return true;
	for (i = 0; i < x->ncolumns; i++) {
		if (ident_cmp(d->from->columns[x->columns[i].column_id].name,
			   d->to->columns[y->columns[i].column_id].name))
			return true;
		if ((x->columns[i].sort < 0) != (y->columns[i].sort < 0))
			return true;
	}
	/* a primary key column changes type */
	for (k = 0; k < tp->ncols; k++) {
		const struct colpair *cp = &tp->cols[k];
		if (cp->prev == SQL_NONE || cp->next == SQL_NONE || !(cp->what & DIFF_COL_TYPE))
			continue;
		for (i = 0; i < x->ncolumns; i++)
			if (!ident_cmp(d->from->columns[x->columns[i].column_id].name, cp->name))
				return true;
	}
	return false;
}

static int cmp_change_ids(const void *a, const void *b)
{
	const struct diff_change *x = a, *y = b;
	if (x->prev != y->prev)
		return x->prev < y->prev ? -1 : 1;
	if (x->next != y->next)
		return x->next < y->next ? -1 : 1;
	return 0;
}

static void push_altered_tables(struct differ *d)
{
	uint32_t i, j, k;

	for (i = 0; i < d->ntables; i++) {
		const struct tablepair *tp = &d->tables[i];
		struct diff_change *ch;
		uint32_t nch = 0, alter_start, pa, pb;
		bool changed;

		if (tp->prev == SQL_NONE || tp->next == SQL_NONE)
			continue;
		push_fk_steps(d, tp);

		/* renamed indexes */
		FOR_SECONDARY(&d->ix_from, d->from, tp->prev, j, k) {
			uint32_t partner = index_partner(d, tp, k);
			if (partner != SQL_NONE &&
			    strcmp(d->from->indexes[k].name, d->to->indexes[partner].name))
				push_step(d, DIFF_RENAME_INDEX, k, partner);
		}

		ch = ARENA_NEW_ARRAY(&d->p->arena, struct diff_change, tp->ncols + 4);
		pa = sqlschema_table_pk(d->from, tp->prev);
		pb = sqlschema_table_pk(d->to, tp->next);
		changed = pa != SQL_NONE && pb != SQL_NONE && pk_changed(d, tp, pa, pb);
		if ((pa != SQL_NONE && pb == SQL_NONE) || changed)
			ch[nch++] = (struct diff_change){ DIFF_DROP_PRIMARY_KEY, SQL_NONE, SQL_NONE, 0,
							  DIFF_CAST_NONE, false };
		if (pa != SQL_NONE && pb != SQL_NONE && d->from->indexes[pa].name &&
		    d->to->indexes[pb].name && strcmp(d->from->indexes[pa].name, d->to->indexes[pb].name))
			ch[nch++] = (struct diff_change){ DIFF_RENAME_PRIMARY_KEY, SQL_NONE, SQL_NONE, 0,
							  DIFF_CAST_NONE, false };
		for (k = 0; k < tp->ncols; k++)
			if (tp->cols[k].next == SQL_NONE)
				ch[nch++] = (struct diff_change){ DIFF_DROP_COLUMN, tp->cols[k].prev,
								  SQL_NONE, 0, DIFF_CAST_NONE, false };
		for (k = 0; k < tp->ncols; k++)
			if (tp->cols[k].prev == SQL_NONE)
				ch[nch++] = (struct diff_change){
					DIFF_ADD_COLUMN, SQL_NONE, tp->cols[k].next, 0, DIFF_CAST_NONE,
					d->to->columns[tp->cols[k].next].client_default
				};
		alter_start = nch;
		for (k = 0; k < tp->ncols; k++) {
			const struct colpair *cp = &tp->cols[k];
			if (cp->prev == SQL_NONE || cp->next == SQL_NONE || !cp->what)
				continue;
			ch[nch++] = (struct diff_change){
				cp->cast == DIFF_CAST_NOT_CASTABLE ? DIFF_DROP_AND_RECREATE_COLUMN
								   : DIFF_ALTER_COLUMN,
				cp->prev, cp->next, cp->what, cp->cast, false
			};
		}
		qsort(ch + alter_start, nch - alter_start, sizeof(*ch), cmp_change_ids);
		if ((pa == SQL_NONE && pb != SQL_NONE) || changed)
			ch[nch++] = (struct diff_change){ DIFF_ADD_PRIMARY_KEY, SQL_NONE, SQL_NONE, 0,
							  DIFF_CAST_NONE, false };
		if (nch) {
			struct diff_step *s = push_step(d, DIFF_ALTER_TABLE, tp->prev, tp->next);
			s->changes = ch;
			s->nchanges = nch;
		}
	}
}

/* ---- enums ---- */

static bool enums_match(const struct differ *d, uint32_t a, uint32_t b)
{
	const struct sql_enum *x = &d->from->enums[a], *y = &d->to->enums[b];
	const char *na = diff_ns_name(d->from, x->namespace_id, true);
	const char *nb = diff_ns_name(d->to, y->namespace_id, true);

	if (strcmp(x->name, y->name))
		return false;
	if (!na || !nb)
		return na == nb;
	return !strcmp(na, nb);
}

/*
 * The enum of `other` with the same schema name and name as enum e of s
 * (what enums_match() pairs), or SQL_NONE: two hashed lookups.
 */
static uint32_t enum_twin(const struct sqlschema *s, uint32_t e, const struct sqlschema *other)
{
	const struct sql_enum *x = &s->enums[e];
	uint32_t ns;

	if (x->namespace_id >= s->nnamespaces)
		return SQL_NONE;
	ns = sqlschema_find_namespace(other, s->namespaces[x->namespace_id].name);
	return ns == SQL_NONE ? SQL_NONE : sqlschema_find_enum(other, ns, x->name);
}

static bool has_value(const struct sql_enum *e, const char *v)
{
	uint32_t i;
	for (i = 0; i < e->nvalues; i++)
		if (!strcmp(e->values[i], v))
			return true;
	return false;
}

static bool column_is_enum(const struct sqlschema *s, const struct sql_column *c, const char *name)
{
	return c->type.ptype == SQL_T_ENUM && c->type.enum_id < s->nenums &&
	       !strcmp(s->enums[c->type.enum_id].name, name);
}

static void alter_enum_defaults(struct differ *d, struct diff_step *s)
{
	const char *pname = d->from->enums[s->prev].name, *nname = d->to->enums[s->next].name;
	struct diff_enum_default *u = NULL;
	uint32_t n = 0, alloc = 0, i, k;

	/* dropped tables, then per table pair dropped columns and column pairs */
	for (i = 0; i < d->ntables; i++) {
		const struct tablepair *tp = &d->tables[i];
		if (tp->prev == SQL_NONE || tp->next != SQL_NONE)
			continue;
		for (k = 0; k < d->from->tables[tp->prev].ncolumns; k++) {
			uint32_t c = d->from->tables[tp->prev].first_column + k;
			const struct sql_column *col = &d->from->columns[c];
			if (column_is_enum(d->from, col, pname) && col->dflt.kind != SQL_DEFAULT_NONE) {
				ALLOC_GROW(u, n + 1, alloc);
				u[n++] = (struct diff_enum_default){ c, SQL_NONE };
			}
		}
	}
	for (i = 0; i < d->ntables; i++) {
		const struct tablepair *tp = &d->tables[i];
		if (tp->prev == SQL_NONE || tp->next == SQL_NONE)
			continue;
		for (k = 0; k < tp->ncols; k++) {
			const struct colpair *cp = &tp->cols[k];
			const struct sql_column *col;
			if (cp->prev == SQL_NONE || cp->next != SQL_NONE)
				continue;
			col = &d->from->columns[cp->prev];
			if (column_is_enum(d->from, col, pname) && col->dflt.kind != SQL_DEFAULT_NONE) {
				ALLOC_GROW(u, n + 1, alloc);
				u[n++] = (struct diff_enum_default){ cp->prev, SQL_NONE };
			}
		}
		for (k = 0; k < tp->ncols; k++) {
			const struct colpair *cp = &tp->cols[k];
			const struct sql_column *col, *next;
			if (cp->prev == SQL_NONE || cp->next == SQL_NONE)
				continue;
			col = &d->from->columns[cp->prev];
			next = &d->to->columns[cp->next];
			if (!column_is_enum(d->from, col, pname) || col->dflt.kind == SQL_DEFAULT_NONE)
				continue;
			ALLOC_GROW(u, n + 1, alloc);
			u[n++] = (struct diff_enum_default){
				cp->prev, column_is_enum(d->to, next, nname) &&
						  next->dflt.kind != SQL_DEFAULT_NONE ? cp->next : SQL_NONE
			};
		}
	}
	if (n) {
		s->enum_defaults = ARENA_NEW_ARRAY(&d->p->arena, struct diff_enum_default, n);
		memcpy(s->enum_defaults, u, n * sizeof(*u));
		s->nenum_defaults = n;
	}
	free(u);
}

static bool enum_is_new(const struct differ *d, uint32_t e)
{
	uint32_t i = enum_twin(d->to, e, d->from);
	return i == SQL_NONE || !enums_match(d, i, e);
}

static void push_enum_steps(struct differ *d)
{
	uint32_t i, k, v;

	/* pairs by (schema name, name): hashed lookups, not every pair */
	for (i = 0; i < d->from->nenums; i++) {
		const struct sql_enum *a = &d->from->enums[i], *b;
		struct diff_step *s;
		const char **added, **dropped;
		uint32_t nadded = 0, ndropped = 0;

		k = enum_twin(d->from, i, d->to);
		if (k == SQL_NONE || !enums_match(d, i, k))
			continue;
		b = &d->to->enums[k];
		added = ARENA_NEW_ARRAY(&d->p->arena, const char *, b->nvalues + 1);
		dropped = ARENA_NEW_ARRAY(&d->p->arena, const char *, a->nvalues + 1);
		for (v = 0; v < b->nvalues; v++)
			if (!has_value(a, b->values[v]))
				added[nadded++] = b->values[v];
		for (v = 0; v < a->nvalues; v++)
			if (!has_value(b, a->values[v]))
				dropped[ndropped++] = a->values[v];
		if (nadded || ndropped) {
			s = push_step(d, DIFF_ALTER_ENUM, i, k);
			s->added_values = added;
			s->nadded_values = nadded;
			s->dropped_values = dropped;
			s->ndropped_values = ndropped;
			alter_enum_defaults(d, s);
		}
	}
	for (k = 0; k < d->to->nenums; k++)
		if (enum_is_new(d, k))
			push_step(d, DIFF_CREATE_ENUM, SQL_NONE, k);
	for (i = 0; i < d->from->nenums; i++) {
		k = enum_twin(d->from, i, d->to);
		if (k == SQL_NONE || !enums_match(d, i, k))
			push_step(d, DIFF_DROP_ENUM, i, SQL_NONE);
	}
}

/* ---- ordering ---- */

static int cmp_u32(uint32_t a, uint32_t b)
{
	return a < b ? -1 : a > b;
}

/* Option<id>: None first */
static int cmp_opt(uint32_t a, uint32_t b)
{
	if (a == SQL_NONE || b == SQL_NONE)
		return a == b ? 0 : a == SQL_NONE ? -1 : 1;
	return cmp_u32(a, b);
}

struct sortable {
	struct diff_step step;
	uint32_t seq;
};

static int cmp_steps(const void *pa, const void *pb)
{
	const struct sortable *sa = pa, *sb = pb;
	const struct diff_step *a = &sa->step, *b = &sb->step;
	int c;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	switch (a->kind) {
	case DIFF_CREATE_INDEX:
		if ((c = cmp_opt(a->table_prev, b->table_prev)))
			return c;
		if ((c = cmp_u32(a->table_next, b->table_next)))
			return c;
		if ((c = cmp_u32(a->next, b->next)))
			return c;
		if (a->from_drop_and_recreate != b->from_drop_and_recreate)
			return a->from_drop_and_recreate ? 1 : -1;
		break;
	default:
		if ((c = cmp_opt(a->prev, b->prev)))
			return c;
		if ((c = cmp_opt(a->next, b->next)))
			return c;
		break;
	}
	return cmp_u32(sa->seq, sb->seq);
}

static bool index_has_column(const struct sql_index *ix, uint32_t column)
{
	uint32_t i;
	for (i = 0; i < ix->ncolumns; i++)
		if (ix->columns[i].column_id == column)
			return true;
	return false;
}

/*
 * A unique index dropped from a table without primary key must go after the
 * AlterTable that adds a primary key on the same columns (Prisma's
 * apply_partial_order_permutations).
 */
static void reorder_dropped_uniques(struct differ *d)
{
	struct plan *p = d->p;
	uint32_t i = 0;

	while (i < p->nsteps) {
		const struct sql_index *ix;
		uint32_t k, found = SQL_NONE;

		if (p->steps[i].kind != DIFF_DROP_INDEX) {
			i++;
			continue;
		}
		ix = &d->from->indexes[p->steps[i].prev];
		if (ix->kind != SQL_INDEX_UNIQUE || sqlschema_table_pk(d->from, ix->table_id) != SQL_NONE) {
			i++;
			continue;
		}
		for (k = i + 1; k < p->nsteps && found == SQL_NONE; k++) {
			const struct diff_step *s = &p->steps[k];
			uint32_t c, pk;
			bool adds = false, ok = true;
			if (s->kind != DIFF_ALTER_TABLE || s->prev != ix->table_id)
				continue;
			for (c = 0; c < s->nchanges; c++) {
				const struct diff_change *ch = &s->changes[c];
				if (ch->kind == DIFF_ADD_PRIMARY_KEY)
					adds = true;
				if ((ch->kind == DIFF_DROP_COLUMN || ch->kind == DIFF_DROP_AND_RECREATE_COLUMN) &&
				    index_has_column(ix, ch->prev))
					ok = false;
			}
			if (!adds || !ok)
				continue;
			pk = sqlschema_table_pk(d->to, s->next);
			if (pk == SQL_NONE || d->to->indexes[pk].ncolumns != ix->ncolumns)
				continue;
			ok = true;
			for (c = 0; c < ix->ncolumns; c++)
				if (ident_cmp(d->from->columns[ix->columns[c].column_id].name,
					   d->to->columns[d->to->indexes[pk].columns[c].column_id].name))
					ok = false;
			if (ok)
				found = k;
		}
		if (found != SQL_NONE) {
			struct diff_step moved = p->steps[i];
			memmove(&p->steps[i], &p->steps[i + 1], (found - i) * sizeof(moved));
			p->steps[found] = moved;
			continue; /* the step now at i has not been looked at */
		}
		i++;
	}
}

static void sort_steps(struct differ *d)
{
	struct plan *p = d->p;
	struct sortable *v = xcalloc(p->nsteps + 1, sizeof(*v));
	uint32_t i;

	for (i = 0; i < p->nsteps; i++) {
		v[i].step = p->steps[i];
		v[i].seq = i;
	}
	qsort(v, p->nsteps, sizeof(*v), cmp_steps);
	for (i = 0; i < p->nsteps; i++)
		p->steps[i] = v[i].step;
	free(v);
	reorder_dropped_uniques(d);
}

int diff_schemas(const struct sqlschema *from, const struct sqlschema *to,
		 const struct diff_opts *opts, struct plan *out, struct mesdb_err *err)
{
	static const struct diff_opts defaults = DIFF_OPTS_INIT;
	struct differ d;
	uint32_t i;

	(void)err;
	memset(&d, 0, sizeof(d));
	out->from = from;
	out->to = to;
	out->opts = opts ? *opts : defaults;
	d.p = out;
	d.from = from;
	d.to = to;

	bytable_build(&d.ix_from, from->ntables, from->nindexes, from->indexes,
		      sizeof(struct sql_index), offsetof(struct sql_index, table_id));
	bytable_build(&d.ix_to, to->ntables, to->nindexes, to->indexes, sizeof(struct sql_index),
		      offsetof(struct sql_index, table_id));
	bytable_build(&d.fk_from, from->ntables, from->nfks, from->fks,
		      sizeof(struct sql_foreign_key), offsetof(struct sql_foreign_key, table_id));
	bytable_build(&d.fk_to, to->ntables, to->nfks, to->fks, sizeof(struct sql_foreign_key),
		      offsetof(struct sql_foreign_key, table_id));
	match_tables(&d);
	push_extension_steps(&d);
	push_created_schemas(&d);
	push_created_tables(&d);
	push_dropped_tables(&d);
	push_dropped_indexes(&d);
	push_created_indexes(&d);
	push_altered_tables(&d);
	push_enum_steps(&d);
	sort_steps(&d);
	diff_plan_checks(out);

	for (i = 0; i < d.ntables; i++)
		d.tables[i].cols = NULL;
	free(d.tables);
	bytable_release(&d.ix_from);
	bytable_release(&d.ix_to);
	bytable_release(&d.fk_from);
	bytable_release(&d.fk_to);
	return 0;
}

void diff_opts_migration(struct diff_opts *o)
{
	static const char *const public_only[] = { "public" };

	o->existing_namespaces = public_only;
	o->nexisting_namespaces = 1;
	o->from_described = true;
}

/* Does the forward plan p drop extension x (an id of p->from)? */
static bool forward_drops_extension(const struct plan *p, uint32_t x)
{
	for (uint32_t i = 0; i < p->nsteps; i++)
		if (p->steps[i].kind == DIFF_DROP_EXTENSION && p->steps[i].prev == x)
			return true;
	return false;
}

int diff_reverse(const struct plan *p, struct plan *out, struct mesdb_err *err)
{
	struct diff_opts o = p->opts;
	uint32_t *map, n = 0;

	/* the reverse starts from the wanted schema: swap the sides' options */
	o.qualify_from = p->opts.qualify_to;
	o.qualify_to = p->opts.qualify_from;
	o.from_described = false;
	o.reverse = true;
	if (diff_schemas(p->to, p->from, &o, out, err) < 0)
		return -1;
	/*
	 * Prisma never drops an extension that is not in the schema, so the
	 * extensions of p->from the forward plan did not drop are still there:
	 * no CREATE EXTENSION for them (a described database always has plpgsql).
	 */
	map = xmalloc(((size_t)out->nsteps + 1) * sizeof(*map));
	for (uint32_t i = 0; i < out->nsteps; i++) {
		const struct diff_step *st = &out->steps[i];
		if (st->kind == DIFF_CREATE_EXTENSION && !forward_drops_extension(p, st->next)) {
			map[i] = SQL_NONE;
			continue;
		}
		map[i] = n;
		out->steps[n++] = *st;
	}
	out->nsteps = n;
	for (uint32_t i = 0; i < out->nchecks; i++)
		out->checks[i].step = map[out->checks[i].step];
	free(map);
	return 0;
}
