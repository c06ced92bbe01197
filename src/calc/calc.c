/* calc.c - validated datamodel -> SQL schema (Prisma's sql_schema_calculator for PostgreSQL) */
#include "calc/calc.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "calc/calc_internal.h"

/*
 * Owns the walk over the datamodel and the order in which entities are
 * pushed into the SQL schema; defaults and types are converted in
 * values.c, names in names.c. Reads db, writes only `out`.
 */

struct calc_ctx {
	const struct psl_db *db;
	const struct psl_schema *ast;   /* may be NULL */
	struct sqlschema *s;
	uint32_t *model_table;          /* model id -> table id, SQL_NONE for views */
	uint32_t *enum_map;             /* psl enum id -> sql enum id */
	uint32_t default_ns;
	struct mesdb_err *err;
};

bool calc_multi_schema(const struct psl_db *db)
{
	return db->has_datasource && db->datasource.nschemas > 0;
}

static const char *dup(struct calc_ctx *c, const char *s)
{
	return s ? arena_strdup(&c->s->arena, s) : NULL;
}

static const char *dup_buf(struct calc_ctx *c, struct strbuf *sb)
{
	const char *r = arena_strndup(&c->s->arena, sb->buf, sb->len);
	strbuf_reset(sb);
	return r;
}

static uint32_t namespace_of(struct calc_ctx *c, const char *schema)
{
	uint32_t id;

	if (!schema)
		return c->default_ns;
	id = sqlschema_find_namespace(c->s, schema);
	return id == SQL_NONE ? c->default_ns : id;
}

/*
 * Namespaces: with `schemas = [...]` each listed schema (Prisma keeps them
 * sorted by name), else only the default namespace.
 */
static void push_namespaces(struct calc_ctx *c)
{
	const struct psl_db_datasource *ds = &c->db->datasource;
	uint32_t i;

	if (calc_multi_schema(c->db)) {
		for (i = 0; i < ds->nschemas; i++)
			if (sqlschema_find_namespace(c->s, ds->schemas[i]) == SQL_NONE)
				sqlschema_push_namespace(c->s, dup(c, ds->schemas[i]));
		c->default_ns = 0;
		return;
	}
	c->default_ns = sqlschema_push_namespace(c->s, CALC_DEFAULT_NAMESPACE);
}

static void push_enums(struct calc_ctx *c)
{
	const struct psl_db *db = c->db;
	uint32_t i, k;

	for (i = 0; i < db->nenums; i++) {
		const struct psl_db_enum *e = &db->enums[i];
		struct sql_enum se;

		memset(&se, 0, sizeof(se));
		se.namespace_id = namespace_of(c, e->schema);
		se.name = dup(c, e->db_name);
		se.nvalues = e->nvalues;
		se.values = ARENA_NEW_ARRAY(&c->s->arena, const char *, e->nvalues + 1);
		for (k = 0; k < e->nvalues; k++)
			se.values[k] = dup(c, db->enum_values[e->first_value + k].db_name);
		c->enum_map[i] = sqlschema_push_enum(c->s, &se);
	}
}

static uint32_t column_of_field(struct calc_ctx *c, uint32_t table, uint32_t field_id)
{
	return sqlschema_find_column(c->s, table, c->db->fields[field_id].db_name);
}

/* ---- model tables ---- */

static int push_column(struct calc_ctx *c, uint32_t table, const struct psl_db_field *f)
{
	struct sql_column col;

	memset(&col, 0, sizeof(col));
	col.table_id = table;
	col.name = dup(c, f->db_name);
	calc_field_type(c->db, c->enum_map, f, &col.type);
	if (col.type.ptype == SQL_T_UNSUPPORTED)
		col.type.unsupported = dup(c, col.type.unsupported);
	col.nullable = f->optional || f->list;
	if (calc_field_default(c->db, &c->s->arena, f, &col) < 0)
		return mesdb_error(c->err, MESDB_E_SCHEMA,
				   "invalid default value for field \"%s\"", f->name);
	sqlschema_push_column(c->s, &col);
	return 0;
}

static void fill_index_columns(struct calc_ctx *c, uint32_t table, const struct psl_db_index *ix,
			       struct sql_index *si)
{
	uint32_t k;

	si->ncolumns = ix->nfields;
	si->columns = ARENA_NEW_ARRAY(&c->s->arena, struct sql_index_column, ix->nfields + 1);
	for (k = 0; k < ix->nfields; k++) {
		const struct psl_db_index_field *f = &ix->fields[k];
		struct sql_index_column *ic = &si->columns[k];
		ic->column_id = column_of_field(c, table, f->field_id);
		ic->sort = f->sort;
		if (f->ops) {
			struct strbuf sb = STRBUF_INIT;
			calc_opclass_name(f->ops, &sb);
			ic->opclass = dup_buf(c, &sb);
			strbuf_release(&sb);
		}
	}
}

/* ORDER PSL_ALGO -> SQL_ALGO */
static enum sql_index_algo algo_of(enum psl_index_algo a)
{
	switch (a) {
	case PSL_ALGO_HASH: return SQL_ALGO_HASH;
	case PSL_ALGO_GIST: return SQL_ALGO_GIST;
	case PSL_ALGO_GIN: return SQL_ALGO_GIN;
	case PSL_ALGO_SPGIST: return SQL_ALGO_SPGIST;
	case PSL_ALGO_BRIN: return SQL_ALGO_BRIN;
	case PSL_ALGO_DEFAULT:
	case PSL_ALGO_BTREE:
		break;
	}
	return SQL_ALGO_BTREE;
}

static void push_index(struct calc_ctx *c, uint32_t table, const struct psl_db_model *m,
		       const struct psl_db_index *ix)
{
	struct sql_index si;
	struct strbuf sb = STRBUF_INIT;

	memset(&si, 0, sizeof(si));
	si.table_id = table;
	si.algo = algo_of(ix->algo);
	fill_index_columns(c, table, ix, &si);
	switch (ix->kind) {
	case PSL_INDEX_ID:
		si.kind = SQL_INDEX_PRIMARY;
		si.constraint = true;
		if (ix->map)
			strbuf_addstr(&sb, ix->map);
		else
			calc_pk_name(m->db_name, &sb);
		break;
	case PSL_INDEX_UNIQUE:
	case PSL_INDEX_NORMAL:
	case PSL_INDEX_FULLTEXT:
		si.kind = ix->kind == PSL_INDEX_UNIQUE ? SQL_INDEX_UNIQUE : SQL_INDEX_NORMAL;
		if (ix->map) {
			strbuf_addstr(&sb, ix->map);
		} else {
			const char **cols = xcalloc(ix->nfields + 1, sizeof(*cols));
			uint32_t k;
			for (k = 0; k < ix->nfields; k++)
				cols[k] = c->db->fields[ix->fields[k].field_id].db_name;
			calc_index_name(m->db_name, cols, ix->nfields, ix->kind == PSL_INDEX_UNIQUE, &sb);
			free(cols);
		}
		break;
	}
	si.name = dup_buf(c, &sb);
	strbuf_release(&sb);
	sqlschema_push_index(c->s, &si);
}

static int push_model_tables(struct calc_ctx *c)
{
	const struct psl_db *db = c->db;
	uint32_t i, k;

	sqlschema_reserve_columns(c->s, db->nfields);
	for (i = 0; i < db->nmodels; i++) {
		const struct psl_db_model *m = &db->models[i];
		struct sql_table t;
		uint32_t table;

		c->model_table[i] = SQL_NONE;
		if (m->is_view)
			continue;
		memset(&t, 0, sizeof(t));
		t.namespace_id = namespace_of(c, m->schema);
		t.name = dup(c, m->db_name);
		table = sqlschema_push_table(c->s, &t);
		c->model_table[i] = table;
		for (k = 0; k < m->nfields; k++)
			if (push_column(c, table, &db->fields[m->first_field + k]) < 0)
				return -1;
		if (m->primary_key != PSL_NONE)
			push_index(c, table, m, &db->indexes[m->primary_key]);
		for (k = 0; k < m->nindexes; k++) {
			uint32_t ix = m->first_index + k;
			if (ix == m->primary_key || db->indexes[ix].kind == PSL_INDEX_ID)
				continue;
			push_index(c, table, m, &db->indexes[ix]);
		}
	}
	return 0;
}

/* ---- foreign keys of 1:1 and 1:n relations ---- */

static enum sql_fk_action action_of(enum psl_ref_action a)
{
	switch (a) {
	case PSL_ACTION_CASCADE: return SQL_ACTION_CASCADE;
	case PSL_ACTION_RESTRICT: return SQL_ACTION_RESTRICT;
	case PSL_ACTION_NO_ACTION: return SQL_ACTION_NO_ACTION;
	case PSL_ACTION_SET_NULL: return SQL_ACTION_SET_NULL;
	case PSL_ACTION_SET_DEFAULT: return SQL_ACTION_SET_DEFAULT;
	case PSL_ACTION_NONE: break;
	}
	return SQL_ACTION_NO_ACTION;
}

static void push_inline_relations(struct calc_ctx *c)
{
	const struct psl_db *db = c->db;
	uint32_t i, k;

	for (i = 0; i < db->nrelations; i++) {
		const struct psl_db_relation *r = &db->relations[i];
		const struct psl_db_relation_field *rf;
		struct sql_foreign_key fk;
		struct strbuf sb = STRBUF_INIT;
		const char **cols;
		bool required = false;
		uint32_t table, ref;

		if (r->kind == PSL_RELATION_MANY_TO_MANY || r->field_a == PSL_NONE)
			continue;
		rf = &db->relation_fields[r->field_a];
		if (!rf->nfields || rf->nfields != rf->nreferences)
			continue;
		table = c->model_table[rf->model_id];
		ref = c->model_table[rf->target_model_id];
		if (table == SQL_NONE || ref == SQL_NONE)
			continue; /* a side is a view */

		memset(&fk, 0, sizeof(fk));
		fk.table_id = table;
		fk.referenced_table_id = ref;
		fk.ncolumns = rf->nfields;
		fk.columns = ARENA_NEW_ARRAY(&c->s->arena, uint32_t, rf->nfields + 1);
		fk.referenced_columns = ARENA_NEW_ARRAY(&c->s->arena, uint32_t, rf->nfields + 1);
		cols = xcalloc(rf->nfields + 1, sizeof(*cols));
		for (k = 0; k < rf->nfields; k++) {
			const struct psl_db_field *f = &db->fields[rf->fields[k]];
			fk.columns[k] = column_of_field(c, table, rf->fields[k]);
			fk.referenced_columns[k] = column_of_field(c, ref, rf->references[k]);
			cols[k] = f->db_name;
			if (!f->optional)
				required = true;
		}
		if (rf->map)
			strbuf_addstr(&sb, rf->map);
		else
			calc_fk_name(db->models[rf->model_id].db_name, cols, rf->nfields, &sb);
		free(cols);
		fk.name = dup_buf(c, &sb);
		strbuf_release(&sb);
		/* Prisma's defaults: Restrict when a constrained field is required, else SetNull; Cascade on update */
		if (rf->on_delete != PSL_ACTION_NONE)
			fk.on_delete = action_of(rf->on_delete);
		else
			fk.on_delete = required ? SQL_ACTION_RESTRICT : SQL_ACTION_SET_NULL;
		fk.on_update = rf->on_update != PSL_ACTION_NONE ? action_of(rf->on_update)
								: SQL_ACTION_CASCADE;
		sqlschema_push_fk(c->s, &fk);
	}
}

/* ---- implicit many-to-many join tables ---- */

/* the first 'n' bytes of s (ASCII names; Prisma counts chars, which agrees there) */
static void add_prefix(struct strbuf *sb, const char *s, size_t n)
{
	size_t len = strlen(s);
	strbuf_add(sb, s, len < n ? len : n);
}

static uint32_t first_pk_column(struct calc_ctx *c, uint32_t table)
{
	uint32_t pk = sqlschema_table_pk(c->s, table);
	if (pk == SQL_NONE || !c->s->indexes[pk].ncolumns)
		return SQL_NONE;
	return c->s->indexes[pk].columns[0].column_id;
}

static uint32_t push_join_column(struct calc_ctx *c, uint32_t table, const char *name,
				 uint32_t model_table)
{
	struct sql_column col;
	uint32_t src = first_pk_column(c, model_table);

	memset(&col, 0, sizeof(col));
	col.table_id = table;
	col.name = name;
	col.type = c->s->columns[src].type;
	col.nullable = false;
	return sqlschema_push_column(c->s, &col);
}

static void push_join_fk(struct calc_ctx *c, uint32_t table, const char *name, uint32_t column,
			 uint32_t model_table)
{
	struct sql_foreign_key fk;

	memset(&fk, 0, sizeof(fk));
	fk.table_id = table;
	fk.name = name;
	fk.referenced_table_id = model_table;
	fk.ncolumns = 1;
	fk.columns = ARENA_NEW_ARRAY(&c->s->arena, uint32_t, 1);
	fk.referenced_columns = ARENA_NEW_ARRAY(&c->s->arena, uint32_t, 1);
	fk.columns[0] = column;
	fk.referenced_columns[0] = first_pk_column(c, model_table);
	fk.on_delete = SQL_ACTION_CASCADE;
	fk.on_update = SQL_ACTION_CASCADE;
	sqlschema_push_fk(c->s, &fk);
}

static int push_relation_tables(struct calc_ctx *c, bool with_fks)
{
	const struct psl_db *db = c->db;
	const size_t max_table = CALC_MAX_IDENT - 5 - 2; /* room for _A_fkey */
	struct strbuf sb = STRBUF_INIT;
	uint32_t i;

	for (i = 0; i < db->nrelations; i++) {
		const struct psl_db_relation *r = &db->relations[i];
		uint32_t ta, tb, table, col_a, col_b;
		struct sql_table t;
		struct sql_index si;
		const char *tname;
		size_t tlen;

		if (r->kind != PSL_RELATION_MANY_TO_MANY)
			continue;
		ta = c->model_table[r->model_a];
		tb = c->model_table[r->model_b];
		if (ta == SQL_NONE || tb == SQL_NONE)
			continue;
		if (first_pk_column(c, ta) == SQL_NONE || first_pk_column(c, tb) == SQL_NONE) {
			strbuf_release(&sb);
			return mesdb_error(c->err, MESDB_E_SCHEMA,
					   "many-to-many relation \"%s\" needs an id on both models",
					   r->name);
		}

		strbuf_addch(&sb, '_');
		add_prefix(&sb, r->name, CALC_MAX_IDENT - 1);
		tname = dup_buf(c, &sb);
		tlen = strlen(tname);

		memset(&t, 0, sizeof(t));
		t.namespace_id = c->s->tables[ta].namespace_id; /* the join table lives with A */
		t.name = tname;
		table = sqlschema_push_table(c->s, &t);
		col_a = push_join_column(c, table, "A", ta);
		col_b = push_join_column(c, table, "B", tb);

		/* PRIMARY KEY ("A", "B") named <table>_AB_pkey */
		memset(&si, 0, sizeof(si));
		si.table_id = table;
		si.kind = SQL_INDEX_PRIMARY;
		si.constraint = true;
		si.ncolumns = 2;
		si.columns = ARENA_NEW_ARRAY(&c->s->arena, struct sql_index_column, 2);
		si.columns[0].column_id = col_a;
		si.columns[1].column_id = col_b;
		add_prefix(&sb, tname, CALC_MAX_IDENT - 8);
		strbuf_addstr(&sb, "_AB_pkey");
		si.name = dup_buf(c, &sb);
		sqlschema_push_index(c->s, &si);

		/* INDEX ("B") named <table>_B_index */
		memset(&si, 0, sizeof(si));
		si.table_id = table;
		si.kind = SQL_INDEX_NORMAL;
		si.ncolumns = 1;
		si.columns = ARENA_NEW_ARRAY(&c->s->arena, struct sql_index_column, 1);
		si.columns[0].column_id = col_b;
		add_prefix(&sb, tname, CALC_MAX_IDENT - 8);
		strbuf_addstr(&sb, "_B_index");
		si.name = dup_buf(c, &sb);
		sqlschema_push_index(c->s, &si);

		if (!with_fks)
			continue;
		/* Prisma's asymmetry: A is cut when longer than the room, B already at equal length */
		strbuf_add(&sb, tname, tlen > max_table ? max_table : tlen);
		strbuf_addstr(&sb, "_A_fkey");
		push_join_fk(c, table, dup_buf(c, &sb), col_a, ta);
		strbuf_add(&sb, tname, tlen >= max_table ? max_table : tlen);
		strbuf_addstr(&sb, "_B_fkey");
		push_join_fk(c, table, dup_buf(c, &sb), col_b, tb);
	}
	strbuf_release(&sb);
	return 0;
}

/* ---- extensions ---- */

/* The datasource block's `extensions` expression, or NULL. */
static const struct psl_expr *extensions_expr(const struct psl_schema *ast, const struct psl_db *db)
{
	const struct psl_block *b;
	uint32_t i;

	if (!ast || !db->has_datasource || db->datasource.block == PSL_NONE ||
	    db->datasource.block >= ast->nblocks)
		return NULL;
	b = &ast->blocks[db->datasource.block];
	for (i = 0; i < b->nprops; i++)
		if (!strcmp(b->props[i].name, "extensions"))
			return b->props[i].value;
	return NULL;
}

static const char *func_string_arg(const struct psl_expr *e, const char *name)
{
	uint32_t i;

	if (!e || e->kind != PSL_EXPR_FUNC)
		return NULL;
	for (i = 0; i < e->nargs; i++)
		if (e->args[i].name && !strcmp(e->args[i].name, name) && e->args[i].value &&
		    e->args[i].value->kind == PSL_EXPR_STRING)
			return e->args[i].value->str;
	return NULL;
}

static int cmp_extension(const void *a, const void *b)
{
	return strcmp(((const struct sql_extension *)a)->name, ((const struct sql_extension *)b)->name);
}

static void push_extensions(struct calc_ctx *c)
{
	const struct psl_db_datasource *ds = &c->db->datasource;
	const struct psl_expr *list = extensions_expr(c->ast, c->db);
	struct sql_extension *list_x = NULL;
	size_t n = 0, alloc = 0;
	uint32_t i;

	if (!c->db->has_datasource)
		return;
	for (i = 0; i < ds->nextensions; i++) {
		const struct psl_expr *e = NULL;
		const char *map, *schema, *version;
		struct sql_extension x;
		uint32_t k;

		/* the AST item of this extension, found by name (the db may reorder them) */
		if (list && list->kind == PSL_EXPR_ARRAY) {
			for (k = 0; k < list->nitems && !e; k++)
				if (list->items[k]->str && !strcmp(list->items[k]->str, ds->extensions[i]))
					e = list->items[k];
		} else if (list && list->str && !strcmp(list->str, ds->extensions[i])) {
			e = list;
		}
		map = func_string_arg(e, "map");
		schema = func_string_arg(e, "schema");
		version = func_string_arg(e, "version");
		memset(&x, 0, sizeof(x));
		x.name = dup(c, map ? map : ds->extensions[i]);
		x.schema = schema ? dup(c, schema) : "";
		x.version = version ? dup(c, version) : "";
		ALLOC_GROW(list_x, n + 1, alloc);
		list_x[n++] = x;
	}
	/* Prisma keeps the extensions sorted by (database) name */
	if (n)
		qsort(list_x, n, sizeof(*list_x), cmp_extension);
	for (i = 0; i < n; i++)
		sqlschema_push_extension(c->s, &list_x[i]);
	free(list_x);
}

int calc_schema_ast(const struct psl_schema *ast, const struct psl_db *db, struct sqlschema *out,
		    struct mesdb_err *err)
{
	struct calc_ctx c;
	int ret = -1;

	memset(&c, 0, sizeof(c));
	c.db = db;
	c.ast = ast;
	c.s = out;
	c.err = err;
	c.model_table = xcalloc(db->nmodels + 1, sizeof(uint32_t));
	c.enum_map = xcalloc(db->nenums + 1, sizeof(uint32_t));

	push_namespaces(&c);
	push_extensions(&c);
	push_enums(&c);
	if (push_model_tables(&c) < 0)
		goto out;
	if (db->datasource.relation_mode != PSL_RELMODE_PRISMA)
		push_inline_relations(&c);
	if (push_relation_tables(&c, db->datasource.relation_mode != PSL_RELMODE_PRISMA) < 0)
		goto out;
	ret = 0;
out:
	free(c.model_table);
	free(c.enum_map);
	return ret;
}

int calc_schema(const struct psl_db *db, struct sqlschema *out, struct mesdb_err *err)
{
	return calc_schema_ast(NULL, db, out, err);
}
