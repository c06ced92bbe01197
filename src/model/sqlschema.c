/* sqlschema.c - the SQL schema model: arrays, pushers, hashed name lookups, type names */
#include "model/sqlschema.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

/*
 * Owns the arrays of struct sqlschema and its name indexes; strings live in
 * s->arena (or are literals) and are never copied here. Knows nothing of
 * PostgreSQL connections or of PSL.
 */

static void maps_init(struct sqlschema *s)
{
	strmap_init(&s->by_name_namespace);
	strmap_init(&s->by_name_table);
	strmap_init(&s->by_name_column);
	strmap_init(&s->by_name_enum);
	strmap_init(&s->by_name_index);
	strmap_init(&s->by_name_fk);
	strmap_init(&s->by_name_view);
	strmap_init(&s->by_name_sequence);
}

static void maps_release(struct sqlschema *s)
{
	strmap_release(&s->by_name_namespace);
	strmap_release(&s->by_name_table);
	strmap_release(&s->by_name_column);
	strmap_release(&s->by_name_enum);
	strmap_release(&s->by_name_index);
	strmap_release(&s->by_name_fk);
	strmap_release(&s->by_name_view);
	strmap_release(&s->by_name_sequence);
}

void sqlschema_init(struct sqlschema *s)
{
	memset(s, 0, sizeof(*s));
	arena_init(&s->arena);
	maps_init(s);
}

void sqlschema_release(struct sqlschema *s)
{
	free(s->namespaces);
	free(s->tables);
	free(s->columns);
	free(s->indexes);
	free(s->fks);
	free(s->enums);
	free(s->views);
	free(s->view_columns);
	free(s->sequences);
	free(s->extensions);
	free(s->table_pk_ids);
	maps_release(s);
	arena_release(&s->arena);
	sqlschema_init(s);
}

/* A NULL name is legal (a producer may fill it later): it is simply not indexed. */
static void index_name(struct strmap *m, uint32_t ns, const char *name, uint32_t id)
{
	if (name)
		strmap_put(m, ns, name, id);
}

uint32_t sqlschema_push_namespace(struct sqlschema *s, const char *name)
{
	uint32_t id = s->nnamespaces;
	ALLOC_GROW(s->namespaces, s->nnamespaces + 1, s->anamespaces);
	s->namespaces[id].name = name;
	s->nnamespaces++;
	index_name(&s->by_name_namespace, 0, name, id);
	return id;
}

uint32_t sqlschema_push_table(struct sqlschema *s, const struct sql_table *t)
{
	uint32_t id = s->ntables;
	ALLOC_GROW(s->tables, s->ntables + 1, s->atables);
	ALLOC_GROW(s->table_pk_ids, s->ntables + 1, s->atable_pk_ids);
	s->tables[id] = *t;
	/* an empty range at the end; the first column pushed sets the start */
	s->tables[id].first_column = s->ncolumns;
	s->tables[id].ncolumns = 0;
	s->table_pk_ids[id] = SQL_NONE;
	s->ntables++;
	index_name(&s->by_name_table, t->namespace_id, t->name, id);
	return id;
}

uint32_t sqlschema_push_column(struct sqlschema *s, const struct sql_column *c)
{
	uint32_t id = s->ncolumns;
	struct sql_table *t;

	if (c->table_id >= s->ntables)
		MESDB_BUG("column pushed for a table that does not exist");
	t = &s->tables[c->table_id];
	if (t->ncolumns == 0)
		t->first_column = id;
	else if (t->first_column + t->ncolumns != id)
		MESDB_BUG("a table's columns must be pushed contiguously");
	ALLOC_GROW(s->columns, s->ncolumns + 1, s->acolumns);
	s->columns[id] = *c;
	s->ncolumns++;
	t->ncolumns++;
	index_name(&s->by_name_column, c->table_id, c->name, id);
	return id;
}

uint32_t sqlschema_push_index(struct sqlschema *s, const struct sql_index *i)
{
	uint32_t id = s->nindexes;
	if (i->table_id >= s->ntables)
		MESDB_BUG("index pushed for a table that does not exist");
	ALLOC_GROW(s->indexes, s->nindexes + 1, s->aindexes);
	s->indexes[id] = *i;
	s->nindexes++;
	if (i->kind == SQL_INDEX_PRIMARY && s->table_pk_ids[i->table_id] == SQL_NONE)
		s->table_pk_ids[i->table_id] = id;
	index_name(&s->by_name_index, i->table_id, i->name, id);
	return id;
}

uint32_t sqlschema_push_fk(struct sqlschema *s, const struct sql_foreign_key *fk)
{
	uint32_t id = s->nfks;
	if (fk->table_id >= s->ntables)
		MESDB_BUG("foreign key pushed for a table that does not exist");
	ALLOC_GROW(s->fks, s->nfks + 1, s->afks);
	s->fks[id] = *fk;
	s->nfks++;
	index_name(&s->by_name_fk, fk->table_id, fk->name, id);
	return id;
}

uint32_t sqlschema_push_enum(struct sqlschema *s, const struct sql_enum *e)
{
	uint32_t id = s->nenums;
	ALLOC_GROW(s->enums, s->nenums + 1, s->aenums);
	s->enums[id] = *e;
	s->nenums++;
	index_name(&s->by_name_enum, e->namespace_id, e->name, id);
	return id;
}

uint32_t sqlschema_push_view(struct sqlschema *s, const struct sql_view *v)
{
	uint32_t id = s->nviews;
	ALLOC_GROW(s->views, s->nviews + 1, s->aviews);
	s->views[id] = *v;
	s->nviews++;
	index_name(&s->by_name_view, v->namespace_id, v->name, id);
	return id;
}

void sqlschema_reserve_columns(struct sqlschema *s, uint32_t n)
{
	ALLOC_GROW(s->columns, s->ncolumns + n, s->acolumns);
	strmap_reserve(&s->by_name_column, s->by_name_column.n + n);
}

uint32_t sqlschema_push_view_column(struct sqlschema *s, const struct sql_column *c)
{
	uint32_t id = s->nview_columns;
	struct sql_view *v;

	if (c->table_id >= s->nviews)
		MESDB_BUG("column pushed for a view that does not exist");
	v = &s->views[c->table_id];
	if (v->ncolumns == 0)
		v->first_column = id;
	else if (v->first_column + v->ncolumns != id)
		MESDB_BUG("a view's columns must be pushed contiguously");
	ALLOC_GROW(s->view_columns, s->nview_columns + 1, s->aview_columns);
	s->view_columns[id] = *c;
	s->nview_columns++;
	v->ncolumns++;
	return id;
}

uint32_t sqlschema_push_sequence(struct sqlschema *s, const struct sql_sequence *q)
{
	uint32_t id = s->nsequences;
	ALLOC_GROW(s->sequences, s->nsequences + 1, s->asequences);
	s->sequences[id] = *q;
	s->nsequences++;
	index_name(&s->by_name_sequence, q->namespace_id, q->name, id);
	return id;
}

uint32_t sqlschema_push_extension(struct sqlschema *s, const struct sql_extension *x)
{
	uint32_t id = s->nextensions;
	ALLOC_GROW(s->extensions, s->nextensions + 1, s->aextensions);
	s->extensions[id] = *x;
	s->nextensions++;
	return id;
}

void sqlschema_reindex(struct sqlschema *s)
{
	uint32_t i;

	maps_release(s);
	maps_init(s);
	for (i = 0; i < s->nnamespaces; i++)
		index_name(&s->by_name_namespace, 0, s->namespaces[i].name, i);
	for (i = 0; i < s->ntables; i++) {
		index_name(&s->by_name_table, s->tables[i].namespace_id, s->tables[i].name, i);
		s->table_pk_ids[i] = SQL_NONE;
	}
	for (i = 0; i < s->ncolumns; i++)
		index_name(&s->by_name_column, s->columns[i].table_id, s->columns[i].name, i);
	for (i = 0; i < s->nenums; i++)
		index_name(&s->by_name_enum, s->enums[i].namespace_id, s->enums[i].name, i);
	for (i = 0; i < s->nindexes; i++) {
		const struct sql_index *x = &s->indexes[i];
		index_name(&s->by_name_index, x->table_id, x->name, i);
		if (x->kind == SQL_INDEX_PRIMARY && s->table_pk_ids[x->table_id] == SQL_NONE)
			s->table_pk_ids[x->table_id] = i;
	}
	for (i = 0; i < s->nfks; i++)
		index_name(&s->by_name_fk, s->fks[i].table_id, s->fks[i].name, i);
	for (i = 0; i < s->nviews; i++)
		index_name(&s->by_name_view, s->views[i].namespace_id, s->views[i].name, i);
	for (i = 0; i < s->nsequences; i++)
		index_name(&s->by_name_sequence, s->sequences[i].namespace_id, s->sequences[i].name, i);
}

static uint32_t lookup(const struct strmap *m, uint32_t ns, const char *name)
{
	uint32_t v;
	if (!name)
		return SQL_NONE;
	v = strmap_get(m, ns, name);
	return v == STRMAP_MISSING ? SQL_NONE : v;
}

uint32_t sqlschema_find_namespace(const struct sqlschema *s, const char *name)
{
	return lookup(&s->by_name_namespace, 0, name);
}

uint32_t sqlschema_find_table(const struct sqlschema *s, uint32_t namespace_id, const char *name)
{
	return lookup(&s->by_name_table, namespace_id, name);
}

uint32_t sqlschema_find_column(const struct sqlschema *s, uint32_t table_id, const char *name)
{
	return lookup(&s->by_name_column, table_id, name);
}

uint32_t sqlschema_find_enum(const struct sqlschema *s, uint32_t namespace_id, const char *name)
{
	return lookup(&s->by_name_enum, namespace_id, name);
}

uint32_t sqlschema_find_index(const struct sqlschema *s, uint32_t table_id, const char *name)
{
	return lookup(&s->by_name_index, table_id, name);
}

uint32_t sqlschema_find_fk(const struct sqlschema *s, uint32_t table_id, const char *name)
{
	return lookup(&s->by_name_fk, table_id, name);
}

uint32_t sqlschema_find_view(const struct sqlschema *s, uint32_t namespace_id, const char *name)
{
	return lookup(&s->by_name_view, namespace_id, name);
}

uint32_t sqlschema_find_sequence(const struct sqlschema *s, uint32_t namespace_id, const char *name)
{
	return lookup(&s->by_name_sequence, namespace_id, name);
}

uint32_t sqlschema_table_pk(const struct sqlschema *s, uint32_t table_id)
{
	uint32_t id;
	if (table_id >= s->ntables)
		return SQL_NONE;
	id = s->table_pk_ids[table_id];
	if (id != SQL_NONE && s->indexes[id].table_id == table_id &&
	    s->indexes[id].kind == SQL_INDEX_PRIMARY)
		return id;
	/* the index was edited in place after its push: search */
	for (id = 0; id < s->nindexes; id++)
		if (s->indexes[id].table_id == table_id && s->indexes[id].kind == SQL_INDEX_PRIMARY)
			return id;
	return SQL_NONE;
}

/* ORDER SQL_PTYPE */
static const char *const ptype_names[] = {
	"TEXT", "VARCHAR", "CHAR", "SMALLINT", "INTEGER", "BIGINT", "REAL",
	"DOUBLE PRECISION", "DECIMAL", "MONEY", "BOOLEAN", "TIMESTAMP", "TIMESTAMPTZ",
	"DATE", "TIME", "TIMETZ", "JSON", "JSONB", "BYTEA", "UUID", "XML", "INET",
	"CITEXT", "OID", "BIT", "VARBIT", "ENUM", "UNSUPPORTED",
};

const char *sql_ptype_name(enum sql_ptype t)
{
	_Static_assert(ARRAY_SIZE(ptype_names) == SQL_T__COUNT, "ptype_names out of sync");
	if ((unsigned)t >= SQL_T__COUNT)
		MESDB_BUG("bad sql_ptype");
	return ptype_names[t];
}

/* ORDER SQL_ALGO */
static const char *const algo_names[] = { "BTREE", "HASH", "GIST", "GIN", "SPGIST", "BRIN" };

const char *sql_index_algo_name(enum sql_index_algo a)
{
	_Static_assert(ARRAY_SIZE(algo_names) == SQL_ALGO_BRIN + 1, "algo_names out of sync");
	if ((unsigned)a > SQL_ALGO_BRIN)
		MESDB_BUG("bad sql_index_algo");
	return algo_names[a];
}

/* ORDER SQL_ACTION */
static const char *const action_names[] = {
	"NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT",
};

const char *sql_fk_action_name(enum sql_fk_action a)
{
	_Static_assert(ARRAY_SIZE(action_names) == SQL_ACTION_SET_DEFAULT + 1,
		       "action_names out of sync");
	if ((unsigned)a > SQL_ACTION_SET_DEFAULT)
		MESDB_BUG("bad sql_fk_action");
	return action_names[a];
}

/* ORDER SQL_DEFAULT */
static const char *const default_kind_names[] = {
	"NONE", "STRING", "NUMBER", "BOOLEAN", "ENUM", "LIST", "NOW", "SEQUENCE", "EXPR",
};

const char *sql_default_kind_name(enum sql_default_kind k)
{
	_Static_assert(ARRAY_SIZE(default_kind_names) == SQL_DEFAULT_EXPR + 1,
		       "default_kind_names out of sync");
	if ((unsigned)k > SQL_DEFAULT_EXPR)
		MESDB_BUG("bad sql_default_kind");
	return default_kind_names[k];
}

#define NUMBER_MAX_EXPONENT 1000

/*
 * number := [+-] digits [ '.' [digits] ] [ (e|E) [+-] digits ]   (or '.' digits)
 * The value is read into one digit string with a decimal exponent
 * (value = 0.<digits> is not used: value = <digits> * 10^(exp)), then
 * written back without exponent.
 */
bool sql_number_canonical(struct strbuf *out, const char *text)
{
	const char *p = text;
	bool negative = false;
	const char *int_start, *frac_start = NULL;
	size_t int_len, frac_len = 0, i;
	long exp10 = 0;
	struct strbuf digits = STRBUF_INIT;
	size_t lead, ndigits;
	long point; /* position of the decimal point in digits */

	if (*p == '+' || *p == '-')
		negative = *p++ == '-';
	int_start = p;
	while (isdigit((unsigned char)*p))
		p++;
	int_len = (size_t)(p - int_start);
	if (*p == '.') {
		frac_start = ++p;
		while (isdigit((unsigned char)*p))
			p++;
		frac_len = (size_t)(p - frac_start);
	}
	if (int_len + frac_len == 0)
		return false;
	if (*p == 'e' || *p == 'E') {
		bool eneg = false;
		p++;
		if (*p == '+' || *p == '-')
			eneg = *p++ == '-';
		if (!isdigit((unsigned char)*p))
			return false;
		while (isdigit((unsigned char)*p)) {
			exp10 = exp10 * 10 + (*p - '0');
			if (exp10 > NUMBER_MAX_EXPONENT)
				return false;
			p++;
		}
		if (eneg)
			exp10 = -exp10;
	}
	if (*p)
		return false;

	strbuf_add(&digits, int_start, int_len);
	if (frac_len)
		strbuf_add(&digits, frac_start, frac_len);
	point = (long)int_len + exp10;

	/* strip leading zeros (moving the point) and trailing zeros */
	for (lead = 0; lead < digits.len && digits.buf[lead] == '0'; lead++)
		;
	if (lead == digits.len) {
		strbuf_release(&digits);
		strbuf_addch(out, '0');
		return true;
	}
	strbuf_remove(&digits, 0, lead);
	point -= (long)lead;
	ndigits = digits.len;
	while (ndigits > 0 && digits.buf[ndigits - 1] == '0')
		ndigits--;
	strbuf_setlen(&digits, ndigits);

	if (negative)
		strbuf_addch(out, '-');
	if (point <= 0) {
		strbuf_addstr(out, "0.");
		strbuf_addchars(out, '0', (size_t)(-point));
		strbuf_addbuf(out, &digits);
	} else if ((size_t)point >= ndigits) {
		strbuf_addbuf(out, &digits);
		strbuf_addchars(out, '0', (size_t)point - ndigits);
	} else {
		for (i = 0; i < ndigits; i++) {
			if (i == (size_t)point)
				strbuf_addch(out, '.');
			strbuf_addch(out, digits.buf[i]);
		}
	}
	strbuf_release(&digits);
	return true;
}
