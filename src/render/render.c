/* render.c - the SQL of each migration step and the script around it (Prisma's PostgreSQL renderer) */
#include "render/render.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

/*
 * Owns the text of the steps. Every identifier goes through
 * sql_quote_ident and every string literal through sql_quote_literal; the
 * layout (indentation, separators, where Prisma writes ", " and where ",")
 * is Prisma's, including its oddities, so that scripts are byte-identical.
 */

#define INDENT "    "

/* A growing list of statements (for steps that need before/after statements). */
struct stmts {
	struct strbuf *v;
	size_t n, alloc;
};

static struct strbuf *stmt_new(struct stmts *s)
{
	ALLOC_GROW(s->v, s->n + 1, s->alloc);
	strbuf_init(&s->v[s->n], 0);
	return &s->v[s->n++];
}

static void stmts_release(struct stmts *s)
{
	size_t i;
	for (i = 0; i < s->n; i++)
		strbuf_release(&s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static const char *ns_of(const struct plan *p, const struct sqlschema *s, uint32_t namespace_id)
{
	bool q = s == p->to ? p->opts.qualify_to : p->opts.qualify_from;

	if (!q || namespace_id >= s->nnamespaces)
		return NULL;
	return s->namespaces[namespace_id].name;
}

/* "ns"."name" or "name" */
static void qualified(struct strbuf *out, const char *ns, const char *name)
{
	if (ns) {
		sql_quote_ident(out, ns);
		strbuf_addch(out, '.');
	}
	sql_quote_ident(out, name);
}

static void table_ref(const struct plan *p, const struct sqlschema *s, uint32_t table,
		      struct strbuf *out)
{
	const struct sql_table *t = &s->tables[table];
	qualified(out, ns_of(p, s, t->namespace_id), t->name);
}

/*
 * The table of an ALTER TABLE: the previous name (renames), the schema of
 * the next table (tables never move between schemas).
 */
static void alter_table_ref(const struct plan *p, uint32_t prev, uint32_t next, struct strbuf *out)
{
	qualified(out, ns_of(p, p->to, p->to->tables[next].namespace_id), p->from->tables[prev].name);
}

/* ---- columns ---- */

static void add_args(struct strbuf *out, const struct sql_type *t)
{
	if (t->args[0] >= 0 && t->args[1] >= 0)
		strbuf_addf(out, "(%lld,%lld)", (long long)t->args[0], (long long)t->args[1]);
	else if (t->args[0] >= 0)
		strbuf_addf(out, "(%lld)", (long long)t->args[0]);
}

void render_column_type(const struct sqlschema *s, const struct sql_column *c, bool q,
			struct strbuf *out)
{
	const struct sql_type *t = &c->type;

	switch (t->ptype) {
	case SQL_T_ENUM: {
		const struct sql_enum *e = &s->enums[t->enum_id];
		const char *ns = q && e->namespace_id < s->nnamespaces
					 ? s->namespaces[e->namespace_id].name : NULL;
		qualified(out, ns, e->name);
		break;
	}
	case SQL_T_UNSUPPORTED:
		strbuf_addstr(out, t->unsupported ? t->unsupported : "");
		break;
	case SQL_T_SMALLINT:
		strbuf_addstr(out, c->autoincrement ? "SMALLSERIAL" : "SMALLINT");
		break;
	case SQL_T_INTEGER:
		strbuf_addstr(out, c->autoincrement ? "SERIAL" : "INTEGER");
		break;
	case SQL_T_BIGINT:
		strbuf_addstr(out, c->autoincrement ? "BIGSERIAL" : "BIGINT");
		break;
	default:
		strbuf_addstr(out, sql_ptype_name(t->ptype));
		add_args(out, t);
		break;
	}
	if (t->array)
		strbuf_addstr(out, "[]");
}

static void render_value(const struct sql_default *d, const char *full_type, struct strbuf *out)
{
	uint32_t i;

	switch (d->kind) {
	case SQL_DEFAULT_STRING:
	case SQL_DEFAULT_ENUM:
		sql_quote_literal(out, d->value ? d->value : "");
		break;
	case SQL_DEFAULT_LIST:
		strbuf_addstr(out, "ARRAY[");
		for (i = 0; i < d->nitems; i++) {
			if (i)
				strbuf_addstr(out, ", ");
			render_value(&d->items[i], full_type, out);
		}
		strbuf_addstr(out, "]::");
		strbuf_addstr(out, full_type);
		break;
	case SQL_DEFAULT_NOW:
		strbuf_addstr(out, "CURRENT_TIMESTAMP");
		break;
	case SQL_DEFAULT_NUMBER:
		strbuf_addstr(out, d->literal ? d->literal : d->value ? d->value : "");
		break;
	case SQL_DEFAULT_EXPR:
	case SQL_DEFAULT_BOOLEAN:
		strbuf_addstr(out, d->value ? d->value : "");
		break;
	case SQL_DEFAULT_NONE:
	case SQL_DEFAULT_SEQUENCE:
		break;
	}
}

/* The default expression of a column (empty when it renders nothing). */
static void render_default(const struct plan *p, const struct sqlschema *s,
			   const struct sql_column *c, struct strbuf *out)
{
	struct strbuf type = STRBUF_INIT;
	render_column_type(s, c, s == p->to ? p->opts.qualify_to : p->opts.qualify_from, &type);
	render_value(&c->dflt, type.buf, out);
	strbuf_release(&type);
}

static bool column_required(const struct sql_column *c)
{
	return !c->nullable && !c->type.array;
}

/* INDENT "name" TYPE[ NOT NULL][ DEFAULT x] */
static void render_column(const struct plan *p, const struct sqlschema *s,
			  const struct sql_column *c, struct strbuf *out)
{
	struct strbuf dflt = STRBUF_INIT;

	strbuf_addstr(out, INDENT);
	sql_quote_ident(out, c->name);
	strbuf_addch(out, ' ');
	render_column_type(s, c, s == p->to ? p->opts.qualify_to : p->opts.qualify_from, out);
	if (column_required(c))
		strbuf_addstr(out, " NOT NULL");
	render_default(p, s, c, &dflt);
	if (dflt.len) {
		strbuf_addstr(out, " DEFAULT ");
		strbuf_addbuf(out, &dflt);
	}
	strbuf_release(&dflt);
}

/* ---- simple steps ---- */

static void create_table(const struct plan *p, uint32_t table, struct strbuf *out)
{
	const struct sqlschema *s = p->to;
	const struct sql_table *t = &s->tables[table];
	uint32_t i, pk;

	strbuf_addstr(out, "CREATE TABLE ");
	table_ref(p, s, table, out);
	strbuf_addstr(out, " (\n");
	for (i = 0; i < t->ncolumns; i++) {
		if (i)
			strbuf_addstr(out, ",\n");
		render_column(p, s, &s->columns[t->first_column + i], out);
	}
	pk = sqlschema_table_pk(s, table);
	if (pk != SQL_NONE) {
		const struct sql_index *ix = &s->indexes[pk];
		strbuf_addstr(out, ",\n\n" INDENT "CONSTRAINT ");
		sql_quote_ident(out, ix->name);
		strbuf_addstr(out, " PRIMARY KEY (");
		for (i = 0; i < ix->ncolumns; i++) {
			if (i)
				strbuf_addch(out, ',');
			sql_quote_ident(out, s->columns[ix->columns[i].column_id].name);
		}
		strbuf_addch(out, ')');
	}
	strbuf_addstr(out, "\n)");
}

static void create_index(const struct plan *p, uint32_t index, struct strbuf *out)
{
	const struct sqlschema *s = p->to;
	const struct sql_index *ix = &s->indexes[index];
	uint32_t i;

	if (ix->unsupported && ix->definition) {
		strbuf_addstr(out, ix->definition);
		return;
	}
	strbuf_addstr(out, ix->kind == SQL_INDEX_UNIQUE ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
	sql_quote_ident(out, ix->name);
	strbuf_addstr(out, " ON ");
	table_ref(p, s, ix->table_id, out);
	if (ix->algo != SQL_ALGO_BTREE) {
		strbuf_addstr(out, " USING ");
		strbuf_addstr(out, sql_index_algo_name(ix->algo));
		strbuf_addch(out, ' ');
	}
	strbuf_addch(out, '(');
	for (i = 0; i < ix->ncolumns; i++) {
		const struct sql_index_column *ic = &ix->columns[i];
		if (i)
			strbuf_addstr(out, ", ");
		sql_quote_ident(out, s->columns[ic->column_id].name);
		if (ic->opclass) {
			strbuf_addch(out, ' ');
			strbuf_addstr(out, ic->opclass);
		}
		if (ic->sort > 0)
			strbuf_addstr(out, " ASC");
		else if (ic->sort < 0)
			strbuf_addstr(out, " DESC");
	}
	strbuf_addch(out, ')');
}

static void drop_index(const struct plan *p, uint32_t index, struct strbuf *out)
{
	const struct sqlschema *s = p->from;
	const struct sql_index *ix = &s->indexes[index];

	strbuf_addstr(out, "DROP INDEX ");
	qualified(out, ns_of(p, s, s->tables[ix->table_id].namespace_id), ix->name);
}

static void column_list(const struct sqlschema *s, const uint32_t *cols, uint32_t n,
			struct strbuf *out)
{
	uint32_t i;
	for (i = 0; i < n; i++) {
		if (i)
			strbuf_addstr(out, ", ");
		sql_quote_ident(out, s->columns[cols[i]].name);
	}
}

static void add_foreign_key(const struct plan *p, uint32_t fk_id, struct strbuf *out)
{
	const struct sqlschema *s = p->to;
	const struct sql_foreign_key *fk = &s->fks[fk_id];

	strbuf_addstr(out, "ALTER TABLE ");
	table_ref(p, s, fk->table_id, out);
	strbuf_addstr(out, " ADD ");
	if (fk->name) {
		strbuf_addstr(out, "CONSTRAINT ");
		sql_quote_ident(out, fk->name);
		strbuf_addch(out, ' ');
	}
	strbuf_addstr(out, "FOREIGN KEY (");
	column_list(s, fk->columns, fk->ncolumns, out);
	strbuf_addstr(out, ") REFERENCES ");
	table_ref(p, s, fk->referenced_table_id, out);
	strbuf_addch(out, '(');
	column_list(s, fk->referenced_columns, fk->ncolumns, out);
	strbuf_addstr(out, ") ON DELETE ");
	strbuf_addstr(out, sql_fk_action_name(fk->on_delete));
	strbuf_addstr(out, " ON UPDATE ");
	strbuf_addstr(out, sql_fk_action_name(fk->on_update));
}

static void drop_foreign_key(const struct plan *p, uint32_t fk_id, struct strbuf *out)
{
	const struct sqlschema *s = p->from;
	const struct sql_foreign_key *fk = &s->fks[fk_id];

	strbuf_addstr(out, "ALTER TABLE ");
	table_ref(p, s, fk->table_id, out);
	strbuf_addstr(out, " DROP CONSTRAINT ");
	sql_quote_ident(out, fk->name ? fk->name : "");
}

static void create_enum_values(const struct sql_enum *e, struct strbuf *out)
{
	uint32_t i;
	strbuf_addstr(out, " AS ENUM (");
	for (i = 0; i < e->nvalues; i++) {
		if (i)
			strbuf_addstr(out, ", ");
		sql_quote_literal(out, e->values[i]);
	}
	strbuf_addch(out, ')');
}

static void create_extension(const struct sql_extension *x, struct strbuf *out)
{
	bool schema = x->schema && *x->schema, version = x->version && *x->version;

	strbuf_addstr(out, "CREATE EXTENSION IF NOT EXISTS ");
	sql_quote_ident(out, x->name);
	if (schema || version)
		strbuf_addstr(out, " WITH");
	if (schema) {
		strbuf_addstr(out, " SCHEMA ");
		sql_quote_ident(out, x->schema);
	}
	if (version) {
		strbuf_addstr(out, " VERSION ");
		sql_quote_ident(out, x->version);
	}
}

/* ---- AlterEnum ---- */

static const char enum_warning[] =
	"-- This migration adds more than one value to an enum.\n"
	"-- With PostgreSQL versions 11 and earlier, this is not possible\n"
	"-- in a single migration. This can be worked around by creating\n"
	"-- multiple migrations, each migration adding only one value to\n"
	"-- the enum.\n";

static bool enum_has(const struct sql_enum *e, const char *v)
{
	for (uint32_t i = 0; i < e->nvalues; i++)
		if (!strcmp(e->values[i], v))
			return true;
	return false;
}

/*
 * A reverse plan puts an added value back where it was: BEFORE the first
 * value after it (in ne) that the type already has (values in pe); none:
 * at the end, where ADD VALUE puts it. Prisma always appends.
 */
static void add_value_position(const struct sql_enum *pe, const struct sql_enum *ne,
			       const char *v, struct strbuf *sb)
{
	uint32_t i = 0;

	while (i < ne->nvalues && strcmp(ne->values[i], v))
		i++;
	for (i++; i < ne->nvalues; i++) {
		if (enum_has(pe, ne->values[i])) {
			strbuf_addstr(sb, " BEFORE ");
			sql_quote_literal(sb, ne->values[i]);
			return;
		}
	}
}

static void alter_enum(const struct plan *p, const struct diff_step *st, struct stmts *out)
{
	const struct sql_enum *pe = &p->from->enums[st->prev], *ne = &p->to->enums[st->next];
	const char *pns = ns_of(p, p->from, pe->namespace_id);
	const char *nns = ns_of(p, p->to, ne->namespace_id);
	struct strbuf tmp_new = STRBUF_INIT, tmp_old = STRBUF_INIT, *sb;
	uint32_t i, c;

	if (!st->ndropped_values) {
		for (i = 0; i < st->nadded_values; i++) {
			sb = stmt_new(out);
			if (i == 0 && st->nadded_values > 1) {
				strbuf_addstr(sb, enum_warning);
				strbuf_addstr(sb, "\n\n");
			}
			strbuf_addstr(sb, "ALTER TYPE ");
			qualified(sb, nns, pe->name);
			strbuf_addstr(sb, " ADD VALUE ");
			sql_quote_literal(sb, st->added_values[i]);
			if (p->opts.reverse)
				add_value_position(pe, ne, st->added_values[i], sb);
		}
		return;
	}

	strbuf_addf(&tmp_new, "%s_new", ne->name);
	strbuf_addf(&tmp_old, "%s_old", pe->name);
	strbuf_addstr(stmt_new(out), "BEGIN");
	sb = stmt_new(out);
	strbuf_addstr(sb, "CREATE TYPE ");
	qualified(sb, nns, tmp_new.buf);
	create_enum_values(ne, sb);
	for (i = 0; i < st->nenum_defaults; i++) {
		const struct sql_column *col = &p->from->columns[st->enum_defaults[i].prev_column];
		sb = stmt_new(out);
		strbuf_addstr(sb, "ALTER TABLE ");
		table_ref(p, p->from, col->table_id, sb);
		strbuf_addstr(sb, " ALTER COLUMN ");
		sql_quote_ident(sb, col->name);
		strbuf_addstr(sb, " DROP DEFAULT");
	}
	for (c = 0; c < p->to->ncolumns; c++) {
		const struct sql_column *col = &p->to->columns[c];
		const char *arr = col->type.array ? "[]" : "";
		if (col->type.ptype != SQL_T_ENUM || col->type.enum_id != st->next)
			continue;
		sb = stmt_new(out);
		strbuf_addstr(sb, "ALTER TABLE ");
		table_ref(p, p->to, col->table_id, sb);
		strbuf_addstr(sb, " ALTER COLUMN ");
		sql_quote_ident(sb, col->name);
		strbuf_addstr(sb, " TYPE ");
		qualified(sb, nns, tmp_new.buf);
		strbuf_addf(sb, "%s USING (", arr);
		sql_quote_ident(sb, col->name);
		strbuf_addstr(sb, "::text::");
		qualified(sb, nns, tmp_new.buf);
		strbuf_addf(sb, "%s)", arr);
	}
	sb = stmt_new(out);
	strbuf_addstr(sb, "ALTER TYPE ");
	qualified(sb, nns, pe->name);
	strbuf_addstr(sb, " RENAME TO ");
	sql_quote_ident(sb, tmp_old.buf);
	sb = stmt_new(out);
	strbuf_addstr(sb, "ALTER TYPE ");
	qualified(sb, nns, tmp_new.buf);
	strbuf_addstr(sb, " RENAME TO ");
	sql_quote_ident(sb, ne->name);
	sb = stmt_new(out);
	strbuf_addstr(sb, "DROP TYPE ");
	if (!pns && p->opts.from_described && pe->namespace_id < p->from->nnamespaces)
		pns = p->from->namespaces[pe->namespace_id].name;
	qualified(sb, pns, tmp_old.buf);
	for (i = 0; i < st->nenum_defaults; i++) {
		const struct diff_enum_default *u = &st->enum_defaults[i];
		const struct sql_column *prev, *next;
		if (u->next_column == SQL_NONE)
			continue;
		prev = &p->from->columns[u->prev_column];
		next = &p->to->columns[u->next_column];
		if (next->dflt.kind == SQL_DEFAULT_NONE)
			continue;
		sb = stmt_new(out);
		strbuf_addstr(sb, "ALTER TABLE ");
		alter_table_ref(p, prev->table_id, next->table_id, sb);
		strbuf_addstr(sb, " ALTER COLUMN ");
		sql_quote_ident(sb, prev->name);
		strbuf_addstr(sb, " SET DEFAULT ");
		render_default(p, p->to, next, sb);
	}
	strbuf_addstr(stmt_new(out), "COMMIT");
	strbuf_release(&tmp_new);
	strbuf_release(&tmp_old);
}

/* ---- AlterTable ---- */

struct alter_ctx {
	const struct plan *p;
	struct stmts before, lines, after;
};

static struct strbuf *line_new(struct alter_ctx *a)
{
	return stmt_new(&a->lines);
}

static void col_prefix(struct strbuf *sb, const struct sql_column *c)
{
	strbuf_addstr(sb, "ALTER COLUMN ");
	sql_quote_ident(sb, c->name);
}

static bool sequence_still_used(const struct plan *p, const char *seq, uint32_t except)
{
	uint32_t i;
	for (i = 0; i < p->to->ncolumns; i++) {
		const struct sql_column *c = &p->to->columns[i];
		if (i != except && c->dflt.kind == SQL_DEFAULT_SEQUENCE && c->dflt.value &&
		    !strcmp(c->dflt.value, seq))
			return true;
	}
	return false;
}

/* Prisma's name for the sequence of a new SERIAL column: lowercase [<"ns">.]<table>_<column>_seq */
static void prisma_sequence_name(const struct plan *p, const struct sqlschema *s,
				 const struct sql_column *c, struct strbuf *seq)
{
	const struct sql_table *t = &s->tables[c->table_id];
	const char *ns = ns_of(p, s, t->namespace_id);
	size_t i;

	if (ns) {
		sql_quote_ident(seq, ns);
		strbuf_addch(seq, '.');
	}
	strbuf_addf(seq, "%s_%s_seq", t->name, c->name);
	for (i = 0; i < seq->len; i++)
		seq->buf[i] = (char)tolower((unsigned char)seq->buf[i]);
}

static void drop_default(struct alter_ctx *a, const struct sql_column *prev, uint32_t next_id)
{
	struct strbuf *sb = line_new(a);

	col_prefix(sb, prev);
	strbuf_addstr(sb, " DROP DEFAULT");
	/*
	 * Drop the sequence unless another column uses it. Prisma does this
	 * also for its calculated schemas, whose sequences have no name:
	 * DROP SEQUENCE "" (unless another SERIAL column exists). A reverse
	 * plan drops the one its forward plan created, by Prisma's name.
	 */
	if (prev->dflt.kind == SQL_DEFAULT_SEQUENCE && prev->dflt.value &&
	    !sequence_still_used(a->p, prev->dflt.value, next_id)) {
		sb = stmt_new(&a->after);
		strbuf_addstr(sb, "DROP SEQUENCE ");
		if (!*prev->dflt.value && a->p->opts.reverse)
			prisma_sequence_name(a->p, a->p->from, prev, sb);
		else
			sql_quote_ident(sb, prev->dflt.value);
	}
}

static void add_sequence(struct alter_ctx *a, const struct sql_column *prev,
			 const struct sql_column *next)
{
	const struct plan *p = a->p;
	struct strbuf seq = STRBUF_INIT, *sb;

	if (p->opts.reverse && next->dflt.kind == SQL_DEFAULT_SEQUENCE && next->dflt.value &&
	    *next->dflt.value) {
		/* a reverse plan: the sequence the database had, by its own name */
		const char *ns = ns_of(p, p->to, p->to->tables[next->table_id].namespace_id);
		if (ns) {
			sql_quote_ident(&seq, ns);
			strbuf_addch(&seq, '.');
		}
		sql_quote_ident(&seq, next->dflt.value);
	} else {
		/* Prisma's name: lowercase of [<"ns">.]<table>_<column>_seq, not quoted */
		prisma_sequence_name(p, p->to, next, &seq);
	}

	sb = stmt_new(&a->before);
	strbuf_addstr(sb, "CREATE SEQUENCE ");
	strbuf_addbuf(sb, &seq);
	/*
	 * A reverse plan brings back what SERIAL/SMALLSERIAL made: a sequence of
	 * the column's type (Prisma's forward text has no AS: bigint).
	 */
	if (p->opts.reverse && next->type.ptype == SQL_T_INTEGER)
		strbuf_addstr(sb, " AS integer");
	else if (p->opts.reverse && next->type.ptype == SQL_T_SMALLINT)
		strbuf_addstr(sb, " AS smallint");
	sb = line_new(a);
	col_prefix(sb, prev);
	strbuf_addstr(sb, " SET DEFAULT nextval(");
	sql_quote_literal(sb, seq.buf);
	strbuf_addch(sb, ')');
	sb = stmt_new(&a->after);
	strbuf_addstr(sb, "ALTER SEQUENCE ");
	strbuf_addbuf(sb, &seq);
	strbuf_addstr(sb, " OWNED BY ");
	alter_table_ref(p, prev->table_id, next->table_id, sb);
	strbuf_addch(sb, '.');
	sql_quote_ident(sb, prev->name);
	strbuf_release(&seq);
}

static void alter_column(struct alter_ctx *a, const struct diff_change *ch)
{
	const struct plan *p = a->p;
	const struct sql_column *prev = &p->from->columns[ch->prev];
	const struct sql_column *next = &p->to->columns[ch->next];
	bool set_type = false;
	struct strbuf *sb;

	if (ch->what & DIFF_COL_ARITY) {
		bool pl = prev->type.array, nl = next->type.array;
		bool pr = column_required(prev), nr = column_required(next);
		if (pl || nl)
			set_type = true;
		if (!nl && (pl || pr != nr)) {
			sb = line_new(a);
			col_prefix(sb, prev);
			strbuf_addstr(sb, nr ? " SET NOT NULL" : " DROP NOT NULL");
		}
	}
	if (ch->what & DIFF_COL_DEFAULT) {
		if (next->dflt.kind != SQL_DEFAULT_NONE) {
			sb = line_new(a);
			col_prefix(sb, prev);
			strbuf_addstr(sb, " SET DEFAULT ");
			render_default(p, p->to, next, sb);
		} else {
			drop_default(a, prev, ch->next);
		}
	}
	if (ch->what & DIFF_COL_TYPE)
		set_type = true;
	if (ch->what & DIFF_COL_AUTOINCREMENT) {
		if (prev->autoincrement)
			drop_default(a, prev, ch->next);
		else
			add_sequence(a, prev, next);
	}
	if (set_type) {
		sb = line_new(a);
		col_prefix(sb, prev);
		strbuf_addstr(sb, " SET DATA TYPE ");
		render_column_type(p->to, next, p->opts.qualify_to, sb);
	}
}

static void alter_table(const struct plan *p, const struct diff_step *st, struct stmts *out)
{
	struct alter_ctx a;
	struct strbuf *sb;
	uint32_t i, pk;

	memset(&a, 0, sizeof(a));
	a.p = p;

	for (i = 0; i < st->nchanges; i++) {
		const struct diff_change *ch = &st->changes[i];
		switch (ch->kind) {
		case DIFF_DROP_PRIMARY_KEY:
			pk = sqlschema_table_pk(p->from, st->prev);
			sb = line_new(&a);
			strbuf_addstr(sb, "DROP CONSTRAINT ");
			sql_quote_ident(sb, pk != SQL_NONE ? p->from->indexes[pk].name : "");
			break;
		case DIFF_RENAME_PRIMARY_KEY: {
			uint32_t npk = sqlschema_table_pk(p->to, st->next);
			pk = sqlschema_table_pk(p->from, st->prev);
			sb = line_new(&a);
			strbuf_addstr(sb, "RENAME CONSTRAINT ");
			sql_quote_ident(sb, p->from->indexes[pk].name);
			strbuf_addstr(sb, " TO ");
			sql_quote_ident(sb, p->to->indexes[npk].name);
			break;
		}
		case DIFF_ADD_PRIMARY_KEY: {
			const struct sql_index *ix;
			uint32_t k;
			pk = sqlschema_table_pk(p->to, st->next);
			ix = &p->to->indexes[pk];
			sb = line_new(&a);
			strbuf_addstr(sb, "ADD ");
			if (ix->name) {
				strbuf_addstr(sb, "CONSTRAINT ");
				sql_quote_ident(sb, ix->name);
				strbuf_addch(sb, ' ');
			}
			strbuf_addstr(sb, "PRIMARY KEY (");
			for (k = 0; k < ix->ncolumns; k++) {
				if (k)
					strbuf_addstr(sb, ", ");
				sql_quote_ident(sb, p->to->columns[ix->columns[k].column_id].name);
			}
			strbuf_addch(sb, ')');
			break;
		}
		case DIFF_ADD_COLUMN:
			sb = line_new(&a);
			strbuf_addstr(sb, "ADD COLUMN ");
			render_column(p, p->to, &p->to->columns[ch->next], sb);
			break;
		case DIFF_DROP_COLUMN:
			sb = line_new(&a);
			strbuf_addstr(sb, "DROP COLUMN ");
			sql_quote_ident(sb, p->from->columns[ch->prev].name);
			break;
		case DIFF_ALTER_COLUMN:
			alter_column(&a, ch);
			break;
		case DIFF_DROP_AND_RECREATE_COLUMN:
			sb = line_new(&a);
			strbuf_addstr(sb, "DROP COLUMN ");
			sql_quote_ident(sb, p->from->columns[ch->prev].name);
			sb = line_new(&a);
			strbuf_addstr(sb, "ADD COLUMN ");
			render_column(p, p->to, &p->to->columns[ch->next], sb);
			break;
		}
	}

	if (a.lines.n) {
		size_t k;
		for (k = 0; k < a.before.n; k++)
			strbuf_addbuf(stmt_new(out), &a.before.v[k]);
		sb = stmt_new(out);
		strbuf_addstr(sb, "ALTER TABLE ");
		alter_table_ref(p, st->prev, st->next, sb);
		strbuf_addch(sb, ' ');
		for (k = 0; k < a.lines.n; k++) {
			if (k)
				strbuf_addstr(sb, ",\n");
			strbuf_addbuf(sb, &a.lines.v[k]);
		}
		for (k = 0; k < a.after.n; k++)
			strbuf_addbuf(stmt_new(out), &a.after.v[k]);
	}
	stmts_release(&a.before);
	stmts_release(&a.lines);
	stmts_release(&a.after);
}

/* ---- dispatch ---- */

static void step_statements(const struct plan *p, const struct diff_step *st, struct stmts *out)
{
	struct strbuf *sb;

	switch (st->kind) {
	case DIFF_CREATE_SCHEMA:
		sb = stmt_new(out);
		strbuf_addstr(sb, "CREATE SCHEMA IF NOT EXISTS ");
		sql_quote_ident(sb, p->to->namespaces[st->next].name);
		break;
	case DIFF_DROP_EXTENSION:
		sb = stmt_new(out);
		strbuf_addstr(sb, "DROP EXTENSION ");
		sql_quote_ident(sb, p->from->extensions[st->prev].name);
		break;
	case DIFF_CREATE_EXTENSION:
		create_extension(&p->to->extensions[st->next], stmt_new(out));
		break;
	case DIFF_ALTER_EXTENSION: {
		const struct sql_extension *a = &p->from->extensions[st->prev];
		const struct sql_extension *b = &p->to->extensions[st->next];
		if (st->alter_version) {
			sb = stmt_new(out);
			strbuf_addstr(sb, "ALTER EXTENSION ");
			sql_quote_ident(sb, a->name);
			strbuf_addstr(sb, " UPDATE TO ");
			sql_quote_ident(sb, b->version ? b->version : "");
		}
		if (st->alter_schema) {
			sb = stmt_new(out);
			strbuf_addstr(sb, "ALTER EXTENSION ");
			sql_quote_ident(sb, a->name);
			strbuf_addstr(sb, " SET SCHEMA ");
			sql_quote_ident(sb, b->schema ? b->schema : "");
		}
		break;
	}
	case DIFF_CREATE_ENUM: {
		const struct sql_enum *e = &p->to->enums[st->next];
		sb = stmt_new(out);
		strbuf_addstr(sb, "CREATE TYPE ");
		qualified(sb, ns_of(p, p->to, e->namespace_id), e->name);
		create_enum_values(e, sb);
		break;
	}
	case DIFF_ALTER_ENUM:
		alter_enum(p, st, out);
		break;
	case DIFF_DROP_ENUM: {
		const struct sql_enum *e = &p->from->enums[st->prev];
		sb = stmt_new(out);
		strbuf_addstr(sb, "DROP TYPE ");
		qualified(sb, ns_of(p, p->from, e->namespace_id), e->name);
		break;
	}
	case DIFF_DROP_FOREIGN_KEY:
		drop_foreign_key(p, st->prev, stmt_new(out));
		break;
	case DIFF_DROP_INDEX:
		drop_index(p, st->prev, stmt_new(out));
		break;
	case DIFF_ALTER_TABLE:
		alter_table(p, st, out);
		break;
	case DIFF_DROP_TABLE:
		sb = stmt_new(out);
		strbuf_addstr(sb, "DROP TABLE ");
		table_ref(p, p->from, st->prev, sb);
		break;
	case DIFF_CREATE_TABLE:
		create_table(p, st->next, stmt_new(out));
		break;
	case DIFF_CREATE_INDEX:
		create_index(p, st->next, stmt_new(out));
		break;
	case DIFF_RENAME_FOREIGN_KEY: {
		const struct sql_foreign_key *a = &p->from->fks[st->prev], *b = &p->to->fks[st->next];
		sb = stmt_new(out);
		strbuf_addstr(sb, "ALTER TABLE ");
		alter_table_ref(p, a->table_id, b->table_id, sb);
		strbuf_addstr(sb, " RENAME CONSTRAINT ");
		sql_quote_ident(sb, a->name);
		strbuf_addstr(sb, " TO ");
		sql_quote_ident(sb, b->name);
		break;
	}
	case DIFF_ADD_FOREIGN_KEY:
		add_foreign_key(p, st->next, stmt_new(out));
		break;
	case DIFF_RENAME_INDEX: {
		const struct sql_index *a = &p->from->indexes[st->prev], *b = &p->to->indexes[st->next];
		sb = stmt_new(out);
		strbuf_addstr(sb, "ALTER INDEX ");
		qualified(sb, ns_of(p, p->to, p->to->tables[b->table_id].namespace_id), a->name);
		strbuf_addstr(sb, " RENAME TO ");
		sql_quote_ident(sb, b->name);
		break;
	}
	case DIFF_STEP__COUNT:
		break;
	}
}

void render_step_statements(const struct plan *p, uint32_t step, struct render_stmts *out)
{
	struct stmts st;
	size_t i;

	memset(&st, 0, sizeof(st));
	step_statements(p, &p->steps[step], &st);
	for (i = 0; i < st.n; i++) {
		ALLOC_GROW(out->v, out->n + 1, out->alloc);
		out->v[out->n++] = strbuf_detach(&st.v[i], NULL);
	}
	stmts_release(&st);
}

void render_stmts_release(struct render_stmts *s)
{
	size_t i;
	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = s->alloc = 0;
}

int render_script(const struct plan *p, const struct render_opts *opts, struct strbuf *out)
{
	const struct diff_messages *m = opts ? opts->messages : NULL;
	bool first = true;
	uint32_t i;

	if (!p->nsteps) {
		strbuf_addstr(out, "-- This is an empty migration.");
		return 0;
	}
	if (m && (m->nwarnings || m->nunexecutable)) {
		strbuf_addstr(out, "/*\n  Warnings:\n\n");
		for (i = 0; i < m->nwarnings; i++)
			strbuf_addf(out, "  - %s\n", m->warnings[i].text);
		for (i = 0; i < m->nunexecutable; i++)
			strbuf_addf(out, "  - %s\n", m->unexecutable[i].text);
		strbuf_addstr(out, "\n*/\n");
	}
	for (i = 0; i < p->nsteps; i++) {
		struct stmts st;
		size_t k;

		memset(&st, 0, sizeof(st));
		step_statements(p, &p->steps[i], &st);
		if (st.n) {
			if (!first)
				strbuf_addch(out, '\n');
			first = false;
			strbuf_addf(out, "-- %s\n", diff_step_name(p->steps[i].kind));
			for (k = 0; k < st.n; k++) {
				strbuf_addbuf(out, &st.v[k]);
				strbuf_addstr(out, ";\n");
			}
		}
		stmts_release(&st);
	}
	return 0;
}

int render_diff_output(const struct plan *p, struct strbuf *out)
{
	render_script(p, NULL, out);
	if (!p->nsteps)
		strbuf_addch(out, '\n');
	strbuf_addch(out, '\n');
	return 0;
}

void render_count_query(const struct diff_count *c, struct strbuf *out)
{
	strbuf_addstr(out, "SELECT COUNT(*) FROM ");
	qualified(out, c->namespace, c->table);
	if (c->column) {
		strbuf_addstr(out, " WHERE ");
		sql_quote_ident(out, c->column);
		strbuf_addstr(out, " IS NOT NULL");
	}
}
