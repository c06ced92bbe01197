/* diff_cmd.c - mesdb migrate diff: compare two schema sources, print a summary or the script */
/*
 * Each side (empty, a datamodel, a database, a migrations folder) becomes a
 * struct sqlschema; diff + render do the rest. A migrations folder is
 * replayed inside one transaction on a real database, in fresh copies of
 * the schemas it writes to (the existing ones are renamed out of the way
 * inside that transaction), described, and rolled back: no shadow
 * database, and nothing changes on the server.
 */
#include "db_common.h"
#include "migrate_replay.h"
#include "schema_load.h"

#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/xalloc.h"
#include "calc/calc.h"
#include "diff/diff.h"
#include "migrate/migrate.h"
#include "render/render.h"

struct side {
	const struct mesdb_diff_side *src;
	struct db_schema schema;        /* SCHEMA_* */
	struct sqlschema sql;
	bool qualify;
	bool described;                 /* read from a live database */
	char *conn_schema;              /* live sides: the connection's schema */
};

static void side_init(struct side *s, const struct mesdb_diff_side *src)
{
	memset(s, 0, sizeof(*s));
	s->src = src;
	db_schema_init(&s->schema);
	sqlschema_init(&s->sql);
}

static void side_release(struct side *s)
{
	db_schema_release(&s->schema);
	sqlschema_release(&s->sql);
	free(s->conn_schema);
}

static bool is_schema_side(const struct side *s)
{
	return s->src->kind == MESDB_DIFF_SRC_SCHEMA_DATAMODEL ||
	       s->src->kind == MESDB_DIFF_SRC_SCHEMA_DATASOURCE;
}

/* The namespaces a live side is read in: the other side's `schemas`, else the connection's. */
static uint32_t live_namespaces(const struct side *other, const char *const **names)
{
	if (other && is_schema_side(other) && other->schema.valid)
		return db_schema_namespaces(&other->schema, names);
	*names = NULL;
	return 0;
}

/* A URL for replaying migrations: --shadow-database-url, a schema's url, the other side's url. */
static int replay_url(const struct mesdb_diff_opts *o, const struct side *other,
		      struct ws_url *url, struct mesdb_err *err)
{
	if (o->shadow_url) {
		db_url_literal(url, o->shadow_url);
		return 0;
	}
	if (other && is_schema_side(other) && other->schema.valid &&
	    other->schema.db.has_datasource)
		return db_schema_url(&other->schema, url, err);
	if (other && other->src->kind == MESDB_DIFF_SRC_URL) {
		db_url_literal(url, other->src->arg);
		return 0;
	}
	mesdb_error(err, MESDB_E_USAGE, "--from-migrations / --to-migrations need a database to "
		    "replay the migrations on");
	mesdb_err_hint(err, "pass --shadow-database-url URL (the database is left unchanged)");
	return -1;
}

/* Replay the migrations of dir (migrate_replay.h): the database is left unchanged. */
static int replay_migrations(struct pg_conn *c, const char *dir, const char *const *names,
			     uint32_t n, struct sqlschema *out, struct mesdb_err *err)
{
	struct migrations migs;
	const struct migration **list = NULL;
	int ret = -1;

	migrations_init(&migs);
	if (!fs_is_dir(dir)) {
		mesdb_error(err, MESDB_E_IO, "could not find the migrations folder \"%s\"", dir);
		goto out;
	}
	if (migrations_load(&migs, dir, err) < 0)
		goto out;
	list = xcalloc(migs.nr ? migs.nr : 1, sizeof(*list));
	for (size_t i = 0; i < migs.nr; i++)
		list[i] = &migs.items[i];
	ret = migrate_replay(c, list, migs.nr, names, n, out, err);
out:
	free(list);
	migrations_release(&migs);
	return ret;
}

/* Read one side into s->sql. other: the other side (its schema, when loaded, guides this one). */
static int side_load(struct side *s, const struct side *other, const struct mesdb_diff_opts *o,
		     const struct mesdb_sink *sink, struct mesdb_err *err)
{
	const struct mesdb_diff_side *src = s->src;
	const char *const *names;
	struct ws_url url;
	struct pg_conn *conn = NULL;
	uint32_t n;
	int ret = -1;

	ws_url_init(&url);
	switch (src->kind) {
	case MESDB_DIFF_SRC_NONE:
	case MESDB_DIFF_SRC_EMPTY:
		ret = 0;
		break;
	case MESDB_DIFF_SRC_SCHEMA_DATAMODEL:
		if (db_schema_load(&s->schema, src->arg, false, sink, err) < 0)
			break;
		s->qualify = calc_multi_schema(&s->schema.db);
		ret = db_schema_calc(&s->schema, other && other->conn_schema ? other->conn_schema :
				     NULL, &s->sql, err);
		break;
	case MESDB_DIFF_SRC_SCHEMA_DATASOURCE:
		if (db_schema_load(&s->schema, src->arg, true, sink, err) < 0 ||
		    db_schema_url(&s->schema, &url, err) < 0 ||
		    pg_connect(&conn, url.url, PG_DEFAULT_CONNECT_TIMEOUT_S, err) < 0)
			break;
		s->qualify = calc_multi_schema(&s->schema.db);
		n = db_schema_namespaces(&s->schema, &names);
		s->described = true;
		s->conn_schema = xstrdup(pg_conn_schema(conn));
		ret = pg_describe(conn, names, n, &s->sql, err);
		break;
	case MESDB_DIFF_SRC_URL:
		db_url_literal(&url, src->arg);
		if (pg_connect(&conn, url.url, PG_DEFAULT_CONNECT_TIMEOUT_S, err) < 0)
			break;
		n = live_namespaces(other, &names);
		s->qualify = n > 0;
		s->described = true;
		s->conn_schema = xstrdup(pg_conn_schema(conn));
		ret = pg_describe(conn, names, n, &s->sql, err);
		break;
	case MESDB_DIFF_SRC_MIGRATIONS:
		if (replay_url(o, other, &url, err) < 0 ||
		    pg_connect(&conn, url.url, PG_DEFAULT_CONNECT_TIMEOUT_S, err) < 0)
			break;
		n = live_namespaces(other, &names);
		s->qualify = n > 0;
		s->described = true;
		s->conn_schema = xstrdup(pg_conn_schema(conn));
		ret = replay_migrations(conn, src->arg, names, n, &s->sql, err);
		break;
	}
	pg_close(conn);
	ws_url_release(&url);
	return ret;
}

/* ---- Prisma's human-readable summary (its drift_summary) ---- */

/* ORDER SUM: the sections, in Prisma's order */
enum sum_kind { SUM_ADDED_SCHEMA, SUM_ADDED_EXTENSION, SUM_ADDED_ENUM, SUM_ADDED_TABLE, SUM_REMOVED_ENUM, SUM_REMOVED_TABLE,
		SUM_CHANGED_ENUM, SUM_CHANGED_TABLE };

struct sum_item {
	enum sum_kind kind;
	const char *name;
	uint32_t step;
};

static int sum_cmp(const void *a, const void *b)
{
	const struct sum_item *x = a, *y = b;
	int c;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	c = strcmp(x->name, y->name);
	if (c)
		return c;
	return x->step < y->step ? -1 : x->step > y->step;
}

static const char *table_name(const struct sqlschema *s, uint32_t id)
{
	return s->tables[id].name;
}

static void index_columns(const struct sqlschema *s, const struct sql_index *ix, struct strbuf *sb)
{
	for (uint32_t i = 0; i < ix->ncolumns; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", s->columns[ix->columns[i].column_id].name);
}

static void fk_columns(const struct sqlschema *s, const struct sql_foreign_key *fk,
		       struct strbuf *sb)
{
	for (uint32_t i = 0; i < fk->ncolumns; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", s->columns[fk->columns[i]].name);
}

static const char *arity_name(const struct sql_column *c)
{
	return c->type.array ? "List" : c->nullable ? "Nullable" : "Required";
}

/* Rust's Debug form of a default as Prisma prints it: None, Some(Value(Int(1))), Some(Now) ... */
static void default_debug(const struct sql_default *d, enum sql_ptype t, struct strbuf *sb)
{
	switch (d->kind) {
	case SQL_DEFAULT_NONE:
		strbuf_addstr(sb, "None");
		return;
	case SQL_DEFAULT_STRING:
		strbuf_addf(sb, "Some(Value(String(\"%s\")))", d->value);
		return;
	case SQL_DEFAULT_NUMBER:
		if (t == SQL_T_REAL || t == SQL_T_DOUBLE || t == SQL_T_DECIMAL)
			strbuf_addf(sb, "Some(Value(Float(BigDecimal(\"%s\"))))", d->value);
		else if (t == SQL_T_BIGINT)
			strbuf_addf(sb, "Some(Value(BigInt(%s)))", d->value);
		else
			strbuf_addf(sb, "Some(Value(Int(%s)))", d->value);
		return;
	case SQL_DEFAULT_BOOLEAN:
		strbuf_addf(sb, "Some(Value(Boolean(%s)))", d->value);
		return;
	case SQL_DEFAULT_ENUM:
		strbuf_addf(sb, "Some(Value(Enum(\"%s\")))", d->value);
		return;
	case SQL_DEFAULT_LIST:
		strbuf_addstr(sb, "Some(Value(List([");
		for (uint32_t i = 0; i < d->nitems; i++) {
			struct strbuf item = STRBUF_INIT;
			default_debug(&d->items[i], t, &item);
			/* strip the Some(Value( ... )) wrapper of the element */
			if (item.len > 13 && !strncmp(item.buf, "Some(Value(", 11))
				strbuf_add(sb, item.buf + 11, item.len - 13);
			else
				strbuf_addbuf(sb, &item);
			if (i + 1 < d->nitems)
				strbuf_addstr(sb, ", ");
			strbuf_release(&item);
		}
		strbuf_addstr(sb, "])))");
		return;
	case SQL_DEFAULT_NOW:
		strbuf_addstr(sb, "Some(Now)");
		return;
	case SQL_DEFAULT_SEQUENCE:
		strbuf_addf(sb, "Some(Sequence(\"%s\"))", d->value);
		return;
	case SQL_DEFAULT_EXPR:
		strbuf_addf(sb, "Some(DbGenerated(Some(\"%s\")))", d->value);
		return;
	}
}

static void alter_column_line(const struct plan *p, const struct diff_change *ch,
			      struct strbuf *sb)
{
	const struct sql_column *a = &p->from->columns[ch->prev], *b = &p->to->columns[ch->next];
	bool first = true;

	if (ch->kind == DIFF_DROP_AND_RECREATE_COLUMN)
		strbuf_addf(sb, "  [*] Column `%s` would be dropped and recreated (", b->name);
	else
		strbuf_addf(sb, "  [*] Altered column `%s` (", b->name);
	if (ch->what & DIFF_COL_ARITY) {
		strbuf_addf(sb, "changed from %s to %s", arity_name(a), arity_name(b));
		first = false;
	}
	if (ch->what & DIFF_COL_DEFAULT) {
		strbuf_addstr(sb, first ? "default changed from `" : ", default changed from `");
		default_debug(&a->dflt, a->type.ptype, sb);
		strbuf_addstr(sb, "` to `");
		default_debug(&b->dflt, b->type.ptype, sb);
		strbuf_addch(sb, '`');
		first = false;
	}
	if (ch->what & DIFF_COL_TYPE) {
		strbuf_addstr(sb, first ? "type changed" : ", type changed");
		first = false;
	}
	if (ch->what & DIFF_COL_AUTOINCREMENT) {
		strbuf_addstr(sb, first ? "" : ", ");
		strbuf_addstr(sb, b->autoincrement ? "column became autoincrementing" :
			      "column is no longer autoincrementing");
	}
	strbuf_addstr(sb, ")\n");
}

static void changed_table_lines(const struct plan *p, const struct diff_step *st,
				struct strbuf *sb)
{
	const struct sqlschema *f = p->from, *t = p->to;

	switch (st->kind) {
	case DIFF_ALTER_TABLE:
		for (uint32_t i = 0; i < st->nchanges; i++) {
			const struct diff_change *ch = &st->changes[i];
			uint32_t pk;
			switch (ch->kind) {
			case DIFF_ADD_COLUMN:
				strbuf_addf(sb, "  [+] Added column `%s`\n", t->columns[ch->next].name);
				break;
			case DIFF_DROP_COLUMN:
				strbuf_addf(sb, "  [-] Removed column `%s`\n", f->columns[ch->prev].name);
				break;
			case DIFF_ALTER_COLUMN:
			case DIFF_DROP_AND_RECREATE_COLUMN:
				alter_column_line(p, ch, sb);
				break;
			case DIFF_DROP_PRIMARY_KEY:
				pk = sqlschema_table_pk(f, st->prev);
				strbuf_addstr(sb, "  [-] Dropped the primary key on columns (");
				if (pk != SQL_NONE)
					index_columns(f, &f->indexes[pk], sb);
				strbuf_addstr(sb, ")\n");
				break;
			case DIFF_ADD_PRIMARY_KEY:
				pk = sqlschema_table_pk(t, st->next);
				strbuf_addstr(sb, "  [+] Added primary key on columns (");
				if (pk != SQL_NONE)
					index_columns(t, &t->indexes[pk], sb);
				strbuf_addstr(sb, ")\n)\n"); /* sic: Prisma prints a stray ")" line */
				break;
			case DIFF_RENAME_PRIMARY_KEY:
				pk = sqlschema_table_pk(t, st->next);
				strbuf_addstr(sb, "  [*] Renamed the primary key on columns (");
				if (pk != SQL_NONE)
					index_columns(t, &t->indexes[pk], sb);
				strbuf_addstr(sb, ")\n");
				break;
			}
		}
		break;
	case DIFF_CREATE_INDEX:
		strbuf_addf(sb, "  [+] Added %sindex on columns (",
			    t->indexes[st->next].kind == SQL_INDEX_UNIQUE ? "unique " : "");
		index_columns(t, &t->indexes[st->next], sb);
		strbuf_addstr(sb, ")\n");
		break;
	case DIFF_DROP_INDEX:
		strbuf_addf(sb, "  [-] Removed %sindex on columns (",
			    f->indexes[st->prev].kind == SQL_INDEX_UNIQUE ? "unique " : "");
		index_columns(f, &f->indexes[st->prev], sb);
		strbuf_addstr(sb, ")\n");
		break;
	case DIFF_RENAME_INDEX:
		strbuf_addf(sb, "  [*] Renamed index `%s` to `%s`\n", f->indexes[st->prev].name,
			    t->indexes[st->next].name);
		break;
	case DIFF_ADD_FOREIGN_KEY:
		strbuf_addstr(sb, "  [+] Added foreign key on columns (");
		fk_columns(t, &t->fks[st->next], sb);
		strbuf_addstr(sb, ")\n");
		break;
	case DIFF_DROP_FOREIGN_KEY:
		strbuf_addstr(sb, "  [-] Removed foreign key on columns (");
		fk_columns(f, &f->fks[st->prev], sb);
		strbuf_addstr(sb, ")\n");
		break;
	case DIFF_RENAME_FOREIGN_KEY:
		strbuf_addf(sb, "  [*] Renamed the foreign key \"%s\" to \"%s\"\n",
			    f->fks[st->prev].name, t->fks[st->next].name);
		break;
	default:
		break;
	}
}

/* Prisma's summary of a plan; empty when the plan has no steps. */
static void render_summary(const struct plan *p, struct strbuf *sb)
{
	const struct sqlschema *f = p->from, *t = p->to;
	struct sum_item *items = xcalloc(p->nsteps ? p->nsteps : 1, sizeof(*items));
	uint32_t n = 0;

	for (uint32_t i = 0; i < p->nsteps; i++) {
		const struct diff_step *st = &p->steps[i];
		struct sum_item it = { SUM_CHANGED_TABLE, NULL, i };
		switch (st->kind) {
		case DIFF_CREATE_SCHEMA:
			it.kind = SUM_ADDED_SCHEMA;
			it.name = t->namespaces[st->next].name;
			break;
		case DIFF_CREATE_EXTENSION:
			it.kind = SUM_ADDED_EXTENSION;
			it.name = t->extensions[st->next].name;
			break;
		case DIFF_CREATE_ENUM:
			it.kind = SUM_ADDED_ENUM;
			it.name = t->enums[st->next].name;
			break;
		case DIFF_DROP_ENUM:
			it.kind = SUM_REMOVED_ENUM;
			it.name = f->enums[st->prev].name;
			break;
		case DIFF_ALTER_ENUM:
			it.kind = SUM_CHANGED_ENUM;
			it.name = t->enums[st->next].name;
			break;
		case DIFF_CREATE_TABLE:
			it.kind = SUM_ADDED_TABLE;
			it.name = table_name(t, st->next);
			break;
		case DIFF_DROP_TABLE:
			it.kind = SUM_REMOVED_TABLE;
			it.name = table_name(f, st->prev);
			break;
		case DIFF_ALTER_TABLE:
			it.name = table_name(t, st->next);
			break;
		case DIFF_CREATE_INDEX:
			it.name = table_name(t, t->indexes[st->next].table_id);
			break;
		case DIFF_DROP_INDEX:
			it.name = table_name(f, f->indexes[st->prev].table_id);
			break;
		case DIFF_RENAME_INDEX:
			it.name = table_name(t, t->indexes[st->next].table_id);
			break;
		case DIFF_ADD_FOREIGN_KEY:
			it.name = table_name(t, t->fks[st->next].table_id);
			break;
		case DIFF_DROP_FOREIGN_KEY:
			it.name = table_name(f, f->fks[st->prev].table_id);
			break;
		case DIFF_RENAME_FOREIGN_KEY:
			it.name = table_name(t, t->fks[st->next].table_id);
			break;
		default:
			continue;
		}
		items[n++] = it;
	}
	qsort(items, n, sizeof(*items), sum_cmp);
	for (uint32_t i = 0; i < n; i++) {
		const struct sum_item *it = &items[i];
		bool new_section = !i || items[i - 1].kind != it->kind ||
			((it->kind == SUM_CHANGED_TABLE || it->kind == SUM_CHANGED_ENUM) &&
			 strcmp(items[i - 1].name, it->name));
		const struct diff_step *st = &p->steps[it->step];
		if (new_section) {
			switch (it->kind) {
			case SUM_ADDED_SCHEMA: strbuf_addstr(sb, "\n[+] Added Schemas\n"); break;
			case SUM_ADDED_EXTENSION: strbuf_addstr(sb, "\n[+] Added extensions\n"); break;
			case SUM_ADDED_ENUM: strbuf_addstr(sb, "\n[+] Added enums\n"); break;
			case SUM_ADDED_TABLE: strbuf_addstr(sb, "\n[+] Added tables\n"); break;
			case SUM_REMOVED_ENUM: strbuf_addstr(sb, "\n[-] Removed enums\n"); break;
			case SUM_REMOVED_TABLE: strbuf_addstr(sb, "\n[-] Removed tables\n"); break;
			case SUM_CHANGED_ENUM:
				strbuf_addf(sb, "\n[*] Changed the `%s` enum\n", it->name);
				break;
			case SUM_CHANGED_TABLE:
				strbuf_addf(sb, "\n[*] Changed the `%s` table\n", it->name);
				break;
			}
		}
		switch (it->kind) {
		case SUM_CHANGED_ENUM:
			for (uint32_t v = 0; v < st->nadded_values; v++)
				strbuf_addf(sb, "  [+] Added variant `%s`\n", st->added_values[v]);
			for (uint32_t v = 0; v < st->ndropped_values; v++)
				strbuf_addf(sb, "  [-] Removed variant `%s`\n", st->dropped_values[v]);
			break;
		case SUM_CHANGED_TABLE:
			changed_table_lines(p, st, sb);
			break;
		default:
			strbuf_addf(sb, "  - %s\n", it->name);
			break;
		}
	}
	free(items);
}

/* A datamodel side compared with a live side: its models live in the connection's schema. */
static int recalc(struct side *s, const struct side *other, struct mesdb_err *err)
{
	if (s->src->kind != MESDB_DIFF_SRC_SCHEMA_DATAMODEL || !other->conn_schema)
		return 0;
	sqlschema_release(&s->sql);
	sqlschema_init(&s->sql);
	return db_schema_calc(&s->schema, other->conn_schema, &s->sql, err);
}

int mesdb_migrate_diff(const struct mesdb_diff_opts *opts, const struct mesdb_sink *sink,
		       bool *changed, struct mesdb_err *err)
{
	struct side from, to;
	struct diff_opts dopts = DIFF_OPTS_INIT;
	struct plan plan;
	struct strbuf out = STRBUF_INIT;
	int ret = -1;

	*changed = false;
	side_init(&from, &opts->from);
	side_init(&to, &opts->to);
	plan_init(&plan);

	if (opts->from.kind == MESDB_DIFF_SRC_NONE || opts->to.kind == MESDB_DIFF_SRC_NONE) {
		mesdb_error(err, MESDB_E_USAGE, "one --from-... and one --to-... must be given");
		goto out;
	}
	/* Schema files first (their `schemas` and urls guide the live sides), then live sides. */
	if (is_schema_side(&from) && side_load(&from, NULL, opts, sink, err) < 0)
		goto out;
	if (is_schema_side(&to) && side_load(&to, &from, opts, sink, err) < 0)
		goto out;
	if (!is_schema_side(&from) && side_load(&from, &to, opts, sink, err) < 0)
		goto out;
	if (!is_schema_side(&to) && side_load(&to, &from, opts, sink, err) < 0)
		goto out;
	/* a datamodel compared with a database takes the connection's schema */
	if (recalc(&from, &to, err) < 0 || recalc(&to, &from, err) < 0)
		goto out;

	dopts.qualify_from = from.qualify;
	dopts.qualify_to = to.qualify;
	dopts.from_described = from.described;
	if (diff_schemas(&from.sql, &to.sql, &dopts, &plan, err) < 0)
		goto out;
	*changed = plan.nsteps > 0;
	if (opts->script)
		render_diff_output(&plan, &out);
	else if (plan.nsteps)
		render_summary(&plan, &out), strbuf_addch(&out, '\n');
	else
		strbuf_addstr(&out, "No difference detected.\n");
	if (opts->output) {
		if (fs_write_file(opts->output, out.buf, out.len, 0644, err) < 0)
			goto out;
	} else {
		sink_out(sink, out.buf);
	}
	ret = 0;
out:
	strbuf_release(&out);
	plan_release(&plan);
	side_release(&from);
	side_release(&to);
	return ret;
}
