/* dump.c - a stable text form of struct sqlschema, for tests and debugging (pure) */
#include "model/sqlschema.h"

#include <inttypes.h>
#include <string.h>

/*
 * Owns sql_type_format() and sqlschema_dump(). The text is not SQL and is
 * never sent to a server: render owns SQL spelling and quoting.
 */

void sql_type_format(const struct sqlschema *s, const struct sql_type *t, struct strbuf *out)
{
	switch (t->ptype) {
	case SQL_T_ENUM:
		if (t->enum_id < s->nenums)
			strbuf_addf(out, "\"%s\"", s->enums[t->enum_id].name);
		else
			strbuf_addstr(out, "ENUM(?)");
		break;
	case SQL_T_UNSUPPORTED:
		strbuf_addstr(out, t->unsupported ? t->unsupported : "UNSUPPORTED");
		break;
	case SQL_T_DECIMAL:
		strbuf_addstr(out, sql_ptype_name(t->ptype));
		if (t->args[0] >= 0)
			strbuf_addf(out, "(%" PRId64 ",%" PRId64 ")", t->args[0],
				    t->args[1] >= 0 ? t->args[1] : 0);
		break;
	default:
		strbuf_addstr(out, sql_ptype_name(t->ptype));
		if (t->args[0] >= 0)
			strbuf_addf(out, "(%" PRId64 ")", t->args[0]);
		break;
	}
	if (t->array)
		strbuf_addstr(out, "[]");
}

static void add_quoted(struct strbuf *out, const char *v)
{
	strbuf_addch(out, '\'');
	for (const char *p = v ? v : ""; *p; p++) {
		if (*p == '\'')
			strbuf_addch(out, '\'');
		strbuf_addch(out, *p);
	}
	strbuf_addch(out, '\'');
}

static void dump_default(const struct sql_default *d, struct strbuf *out)
{
	strbuf_addstr(out, sql_default_kind_name(d->kind));
	switch (d->kind) {
	case SQL_DEFAULT_NONE:
	case SQL_DEFAULT_NOW:
		break;
	case SQL_DEFAULT_STRING:
		strbuf_addch(out, ' ');
		add_quoted(out, d->value);
		break;
	case SQL_DEFAULT_LIST:
		strbuf_addstr(out, " [");
		for (uint32_t i = 0; i < d->nitems; i++) {
			if (i)
				strbuf_addstr(out, ", ");
			dump_default(&d->items[i], out);
		}
		strbuf_addch(out, ']');
		break;
	default:
		strbuf_addf(out, " %s", d->value ? d->value : "(null)");
		break;
	}
}

static const char *ns_name(const struct sqlschema *s, uint32_t ns)
{
	return ns < s->nnamespaces ? s->namespaces[ns].name : "?";
}

static const char *column_name(const struct sqlschema *s, uint32_t c)
{
	return c < s->ncolumns ? s->columns[c].name : "?";
}

static void dump_column(const struct sqlschema *s, const struct sql_column *c, struct strbuf *out)
{
	strbuf_addf(out, "  column %s ", c->name);
	sql_type_format(s, &c->type, out);
	strbuf_addstr(out, c->nullable ? " NULL" : " NOT NULL");
	if (c->dflt.kind != SQL_DEFAULT_NONE) {
		strbuf_addstr(out, " DEFAULT ");
		dump_default(&c->dflt, out);
	}
	if (c->autoincrement)
		strbuf_addstr(out, " autoincrement");
	if (c->identity)
		strbuf_addstr(out, " identity");
	if (c->generated)
		strbuf_addf(out, " generated (%s)", c->generated);
	if (c->description)
		strbuf_addf(out, " -- %s", c->description);
	strbuf_addch(out, '\n');
}

/* ORDER SQL_INDEX_KIND */
static const char *const index_kinds[] = { "PRIMARY", "UNIQUE", "NORMAL" };

static void dump_index(const struct sqlschema *s, const struct sql_index *x, struct strbuf *out)
{
	strbuf_addf(out, "  index %s %s %s (", x->name, index_kinds[x->kind],
		    sql_index_algo_name(x->algo));
	for (uint32_t i = 0; i < x->ncolumns; i++) {
		const struct sql_index_column *ic = &x->columns[i];
		if (i)
			strbuf_addstr(out, ", ");
		strbuf_addstr(out, column_name(s, ic->column_id));
		if (ic->sort < 0)
			strbuf_addstr(out, " DESC");
		else if (ic->sort > 0)
			strbuf_addstr(out, " ASC");
		if (ic->opclass)
			strbuf_addf(out, " %s", ic->opclass);
	}
	strbuf_addch(out, ')');
	if (x->constraint)
		strbuf_addstr(out, " constraint");
	if (x->unsupported)
		strbuf_addf(out, " unsupported: %s", x->definition ? x->definition : "?");
	strbuf_addch(out, '\n');
}

static void dump_fk(const struct sqlschema *s, const struct sql_foreign_key *fk, struct strbuf *out)
{
	const struct sql_table *ref = fk->referenced_table_id < s->ntables
		? &s->tables[fk->referenced_table_id] : NULL;

	strbuf_addf(out, "  fk %s (", fk->name);
	for (uint32_t i = 0; i < fk->ncolumns; i++)
		strbuf_addf(out, "%s%s", i ? ", " : "", column_name(s, fk->columns[i]));
	strbuf_addf(out, ") -> %s.%s (", ref ? ns_name(s, ref->namespace_id) : "?",
		    ref ? ref->name : "?");
	for (uint32_t i = 0; i < fk->ncolumns; i++)
		strbuf_addf(out, "%s%s", i ? ", " : "", column_name(s, fk->referenced_columns[i]));
	strbuf_addf(out, ") ON DELETE %s ON UPDATE %s\n", sql_fk_action_name(fk->on_delete),
		    sql_fk_action_name(fk->on_update));
}

void sqlschema_dump(const struct sqlschema *s, struct strbuf *out)
{
	_Static_assert(sizeof(index_kinds) / sizeof(index_kinds[0]) == SQL_INDEX_NORMAL + 1,
		       "index_kinds out of sync");

	for (uint32_t i = 0; i < s->nnamespaces; i++)
		strbuf_addf(out, "namespace %s\n", s->namespaces[i].name);
	for (uint32_t i = 0; i < s->nenums; i++) {
		const struct sql_enum *e = &s->enums[i];
		strbuf_addf(out, "enum %s.%s:", ns_name(s, e->namespace_id), e->name);
		for (uint32_t v = 0; v < e->nvalues; v++)
			strbuf_addf(out, "%s %s", v ? "," : "", e->values[v]);
		strbuf_addch(out, '\n');
	}
	for (uint32_t t = 0; t < s->ntables; t++) {
		const struct sql_table *tb = &s->tables[t];
		strbuf_addf(out, "table %s.%s", ns_name(s, tb->namespace_id), tb->name);
		if (tb->partitioned)
			strbuf_addstr(out, " partitioned");
		if (tb->description)
			strbuf_addf(out, " -- %s", tb->description);
		strbuf_addch(out, '\n');
		for (uint32_t c = tb->first_column; c < tb->first_column + tb->ncolumns; c++)
			dump_column(s, &s->columns[c], out);
		for (uint32_t x = 0; x < s->nindexes; x++)
			if (s->indexes[x].table_id == t)
				dump_index(s, &s->indexes[x], out);
		for (uint32_t f = 0; f < s->nfks; f++)
			if (s->fks[f].table_id == t)
				dump_fk(s, &s->fks[f], out);
	}
	for (uint32_t i = 0; i < s->nsequences; i++) {
		const struct sql_sequence *q = &s->sequences[i];
		strbuf_addf(out, "sequence %s.%s", ns_name(s, q->namespace_id), q->name);
		if (q->owner_table_id < s->ntables)
			strbuf_addf(out, " owned by %s.%s", s->tables[q->owner_table_id].name,
				    column_name(s, q->owner_column_id));
		strbuf_addch(out, '\n');
	}
	for (uint32_t i = 0; i < s->nviews; i++) {
		const struct sql_view *v = &s->views[i];
		strbuf_addf(out, "view %s.%s%s: %s\n", ns_name(s, v->namespace_id), v->name,
			    v->materialized ? " materialized" : "",
			    v->definition ? v->definition : "");
		for (uint32_t c = v->first_column; c < v->first_column + v->ncolumns; c++)
			dump_column(s, &s->view_columns[c], out);
	}
	for (uint32_t i = 0; i < s->nextensions; i++) {
		const struct sql_extension *x = &s->extensions[i];
		strbuf_addf(out, "extension %s %s in %s\n", x->name, x->version ? x->version : "?",
			    x->schema ? x->schema : "?");
	}
}
