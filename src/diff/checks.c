/* checks.c - data-loss checks of a plan and Prisma's warning / unexecutable-step messages */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "diff/diff_internal.h"

/*
 * Owns Prisma's destructive change checker, minus the queries: which steps
 * need which counts, and the message each check gives once the counts are
 * known (or not). The texts are Prisma's, word for word: users grep them.
 */

/* ORDER SQL_PTYPE: Prisma's native type names */
static const char *const psl_type_names[] = {
	"Text", "VarChar", "Char", "SmallInt", "Integer", "BigInt", "Real", "DoublePrecision",
	"Decimal", "Money", "Boolean", "Timestamp", "Timestamptz", "Date", "Time", "Timetz", "Json",
	"JsonB", "ByteA", "Uuid", "Xml", "Inet", "Citext", "Oid", "Bit", "VarBit", "Enum",
	"Unsupported",
};

void diff_type_display(const struct sqlschema *s, const struct sql_column *c, struct strbuf *out)
{
	const struct sql_type *t = &c->type;

	_Static_assert(ARRAY_SIZE(psl_type_names) == SQL_T__COUNT, "psl_type_names out of sync");
	(void)s;
	if (t->ptype == SQL_T_ENUM) {
		strbuf_addf(out, "Enum(EnumId(%" PRIu32 "))", t->enum_id);
		return;
	}
	if (t->ptype == SQL_T_UNSUPPORTED) {
		strbuf_addf(out, "Unsupported(\"%s\")", t->unsupported ? t->unsupported : "");
		return;
	}
	strbuf_addstr(out, psl_type_names[t->ptype]);
	if (t->args[0] >= 0 && t->args[1] >= 0)
		strbuf_addf(out, "(%" PRId64 ",%" PRId64 ")", t->args[0], t->args[1]);
	else if (t->args[0] >= 0)
		strbuf_addf(out, "(%" PRId64 ")", t->args[0]);
}

/* ---- building the checks ---- */

static uint32_t count_index(struct plan *p, const char *ns, const char *table, const char *column)
{
	uint32_t i;
	struct diff_count *c;

	for (i = 0; i < p->ncounts; i++) {
		c = &p->counts[i];
		if (!strcmp(c->table, table) && (!c->namespace) == (!ns) &&
		    (!ns || !strcmp(c->namespace, ns)) && (!c->column) == (!column) &&
		    (!column || !strcmp(c->column, column)))
			return i;
	}
	ALLOC_GROW(p->counts, p->ncounts + 1, p->acounts);
	c = &p->counts[p->ncounts];
	c->namespace = ns;
	c->table = table;
	c->column = column;
	c->value = -1;
	return p->ncounts++;
}

static struct diff_check *push_check(struct plan *p, enum diff_check_kind kind, uint32_t step)
{
	struct diff_check *c;

	ALLOC_GROW(p->checks, p->nchecks + 1, p->achecks);
	c = &p->checks[p->nchecks++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->step = step;
	c->row_count = c->value_count = SQL_NONE;
	return c;
}

/* A check on a column of table `t` of schema s; needs the row and/or value count. */
static void column_check(struct plan *p, enum diff_check_kind kind, uint32_t step,
			 const struct sqlschema *s, uint32_t column, bool rows, bool values)
{
	const struct sql_column *col = &s->columns[column];
	const struct sql_table *t = &s->tables[col->table_id];
	const char *ns = diff_ns_name(s, t->namespace_id,
				      s == p->to ? p->opts.qualify_to : p->opts.qualify_from);
	struct diff_check *c = push_check(p, kind, step);

	c->namespace = ns;
	c->table = t->name;
	c->column = col->name;
	if (rows)
		c->row_count = count_index(p, ns, t->name, NULL);
	if (values)
		c->value_count = count_index(p, ns, t->name, col->name);
}

static const char *type_text(struct plan *p, const struct sqlschema *s, const struct sql_column *c)
{
	struct strbuf sb = STRBUF_INIT;
	const char *r;
	diff_type_display(s, c, &sb);
	r = arena_strndup(&p->arena, sb.buf, sb.len);
	strbuf_release(&sb);
	return r;
}

static void check_alter_column(struct plan *p, uint32_t step, const struct diff_change *ch)
{
	const struct sql_column *a = &p->from->columns[ch->prev], *b = &p->to->columns[ch->next];
	enum diff_arity pa = diff_column_arity(a), na = diff_column_arity(b);

	if ((ch->what & DIFF_COL_ARITY) && pa == DIFF_ARITY_NULLABLE && na == DIFF_ARITY_REQUIRED)
		column_check(p, DIFF_UNEXEC_MADE_OPTIONAL_FIELD_REQUIRED, step, p->from, ch->prev, true,
			     true);
	if ((ch->what & DIFF_COL_ARITY) && pa != DIFF_ARITY_LIST && na == DIFF_ARITY_LIST)
		column_check(p, DIFF_UNEXEC_MADE_SCALAR_FIELD_INTO_LIST, step, p->from, ch->prev, true,
			     true);
	if (ch->cast == DIFF_CAST_RISKY || ch->cast == DIFF_CAST_NOT_CASTABLE) {
		column_check(p, ch->cast == DIFF_CAST_RISKY ? DIFF_WARN_RISKY_CAST : DIFF_WARN_NOT_CASTABLE,
			     step, p->from, ch->prev, false, true);
		p->checks[p->nchecks - 1].previous_type = type_text(p, p->from, a);
		p->checks[p->nchecks - 1].next_type = type_text(p, p->to, b);
	}
}

static void check_drop_and_recreate(struct plan *p, uint32_t step, const struct diff_change *ch)
{
	const struct sql_column *a = &p->from->columns[ch->prev], *b = &p->to->columns[ch->next];
	bool next_required = diff_column_arity(b) == DIFF_ARITY_REQUIRED;
	bool no_default = b->dflt.kind == SQL_DEFAULT_NONE;

	if ((ch->what & DIFF_COL_ARITY) && diff_column_arity(a) == DIFF_ARITY_NULLABLE &&
	    next_required && no_default)
		column_check(p, DIFF_UNEXEC_ADDED_REQUIRED_FIELD, step, p->from, ch->prev, true, false);
	else if (next_required && no_default)
		column_check(p, DIFF_UNEXEC_DROP_AND_RECREATE_REQUIRED_COLUMN, step, p->from, ch->prev,
			     true, false);
	else
		column_check(p, DIFF_WARN_DROP_AND_RECREATE_COLUMN, step, p->from, ch->prev, true, true);
}

static void check_add_column(struct plan *p, uint32_t step, const struct diff_change *ch)
{
	const struct sql_column *c = &p->to->columns[ch->next];

	/* as Prisma: a SERIAL column has no default in the calculated schema and is flagged too */
	if (diff_column_arity(c) != DIFF_ARITY_REQUIRED || c->dflt.kind != SQL_DEFAULT_NONE)
		return;
	column_check(p,
		     ch->has_virtual_default ? DIFF_UNEXEC_ADDED_REQUIRED_FIELD_WITH_CLIENT_DEFAULT
					     : DIFF_UNEXEC_ADDED_REQUIRED_FIELD,
		     step, p->to, ch->next, true, false);
}

void diff_plan_checks(struct plan *p)
{
	bool q = p->opts.qualify_from;
	uint32_t i, k;

	for (i = 0; i < p->nsteps; i++) {
		const struct diff_step *s = &p->steps[i];
		struct diff_check *c;

		switch (s->kind) {
		case DIFF_ALTER_TABLE:
			for (k = 0; k < s->nchanges; k++) {
				const struct diff_change *ch = &s->changes[k];
				switch (ch->kind) {
				case DIFF_DROP_COLUMN:
					column_check(p, DIFF_WARN_NON_EMPTY_COLUMN_DROP, i, p->from, ch->prev,
						     false, true);
					break;
				case DIFF_ALTER_COLUMN:
					check_alter_column(p, i, ch);
					break;
				case DIFF_ADD_COLUMN:
					check_add_column(p, i, ch);
					break;
				case DIFF_DROP_PRIMARY_KEY: {
					const struct sql_table *t = &p->from->tables[s->prev];
					c = push_check(p, DIFF_WARN_PRIMARY_KEY_CHANGE, i);
					c->namespace = diff_ns_name(p->from, t->namespace_id, q);
					c->table = t->name;
					c->row_count = count_index(p, c->namespace, t->name, NULL);
					break;
				}
				case DIFF_DROP_AND_RECREATE_COLUMN:
					check_drop_and_recreate(p, i, ch);
					break;
				case DIFF_ADD_PRIMARY_KEY:
				case DIFF_RENAME_PRIMARY_KEY:
					break;
				}
			}
			break;
		case DIFF_DROP_TABLE: {
			const struct sql_table *t = &p->from->tables[s->prev];
			c = push_check(p, DIFF_WARN_NON_EMPTY_TABLE_DROP, i);
			c->namespace = diff_ns_name(p->from, t->namespace_id, q);
			c->table = t->name;
			c->row_count = count_index(p, c->namespace, t->name, NULL);
			break;
		}
		case DIFF_CREATE_INDEX: {
			const struct sql_index *ix = &p->to->indexes[s->next];
			if (s->table_prev == SQL_NONE || s->from_drop_and_recreate ||
			    ix->kind != SQL_INDEX_UNIQUE)
				break;
			c = push_check(p, DIFF_WARN_UNIQUE_CONSTRAINT_ADDITION, i);
			c->table = p->to->tables[ix->table_id].name;
			c->nnames = ix->ncolumns;
			c->names = ARENA_NEW_ARRAY(&p->arena, const char *, ix->ncolumns + 1);
			for (k = 0; k < ix->ncolumns; k++)
				c->names[k] = p->to->columns[ix->columns[k].column_id].name;
			break;
		}
		case DIFF_ALTER_ENUM:
			if (!s->ndropped_values)
				break;
			c = push_check(p, DIFF_WARN_ENUM_VALUE_REMOVAL, i);
			c->enum_name = p->to->enums[s->next].name;
			c->names = s->dropped_values;
			c->nnames = s->ndropped_values;
			break;
		default:
			break;
		}
	}
}

/* ---- messages ---- */

void diff_messages_init(struct diff_messages *m)
{
	memset(m, 0, sizeof(*m));
}

void diff_messages_release(struct diff_messages *m)
{
	uint32_t i;
	for (i = 0; i < m->nwarnings; i++)
		free(m->warnings[i].text);
	for (i = 0; i < m->nunexecutable; i++)
		free(m->unexecutable[i].text);
	free(m->warnings);
	free(m->unexecutable);
	diff_messages_init(m);
}

/* The count of table `table` in p->counts (rows), or -1. */
static int64_t rows_of(const struct plan *p, const struct diff_check *c)
{
	uint32_t i;
	if (c->row_count != SQL_NONE)
		return p->counts[c->row_count].value;
	if (!c->table)
		return -1;
	for (i = 0; i < p->ncounts; i++) {
		const struct diff_count *x = &p->counts[i];
		if (!x->column && !strcmp(x->table, c->table) && (!x->namespace) == (!c->namespace) &&
		    (!x->namespace || !strcmp(x->namespace, c->namespace)))
			return x->value;
	}
	return -1;
}

static int64_t values_of(const struct plan *p, const struct diff_check *c)
{
	uint32_t i;
	if (c->value_count != SQL_NONE)
		return p->counts[c->value_count].value;
	if (!c->column || !c->table)
		return -1;
	for (i = 0; i < p->ncounts; i++) {
		const struct diff_count *x = &p->counts[i];
		if (x->column && !strcmp(x->column, c->column) && !strcmp(x->table, c->table) &&
		    (!x->namespace) == (!c->namespace) &&
		    (!x->namespace || !strcmp(x->namespace, c->namespace)))
			return x->value;
	}
	return -1;
}

static void join_names(const struct diff_check *c, struct strbuf *sb)
{
	uint32_t i;
	for (i = 0; i < c->nnames; i++) {
		if (i)
			strbuf_addch(sb, ',');
		strbuf_addstr(sb, c->names[i]);
	}
}

/* The message of one check, or false when it does not apply with these counts. */
static bool check_message(const struct plan *p, const struct diff_check *c, struct strbuf *sb)
{
	int64_t rows = rows_of(p, c), vals = values_of(p, c);

	switch (c->kind) {
	case DIFF_WARN_DROP_AND_RECREATE_COLUMN:
		if (rows == 0 || vals == 0)
			return false;
		strbuf_addf(sb, "The `%s` column on the `%s` table would be dropped and recreated. %s",
			    c->column, c->table,
			    vals < 0 ? "This will lead to data loss if there is data in the column."
				     : "This will lead to data loss.");
		return true;
	case DIFF_WARN_NON_EMPTY_TABLE_DROP:
		if (rows == 0)
			return false;
		if (rows > 0)
			strbuf_addf(sb, "You are about to drop the `%s` table, which is not empty (%" PRId64
				    " rows).", c->table, rows);
		else
			strbuf_addf(sb, "You are about to drop the `%s` table. If the table is not empty, all the data it contains will be lost.",
				    c->table);
		return true;
	case DIFF_WARN_NON_EMPTY_COLUMN_DROP:
		if (rows == 0 || vals == 0)
			return false;
		if (vals > 0)
			strbuf_addf(sb, "You are about to drop the column `%s` on the `%s` table, which still contains %" PRId64
				    " non-null values.", c->column, c->table, vals);
		else
			strbuf_addf(sb, "You are about to drop the column `%s` on the `%s` table. All the data in the column will be lost.",
				    c->column, c->table);
		return true;
	case DIFF_WARN_RISKY_CAST:
		if (rows == 0 || vals == 0)
			return false;
		if (vals > 0)
			strbuf_addf(sb, "You are about to alter the column `%s` on the `%s` table, which contains %" PRId64
				    " non-null values. The data in that column will be cast from `%s` to `%s`.",
				    c->column, c->table, vals, c->previous_type, c->next_type);
		else
			strbuf_addf(sb, "You are about to alter the column `%s` on the `%s` table. The data in that column could be lost. The data in that column will be cast from `%s` to `%s`.",
				    c->column, c->table, c->previous_type, c->next_type);
		return true;
	case DIFF_WARN_NOT_CASTABLE:
		if (rows == 0 || vals == 0)
			return false;
		if (vals > 0)
			strbuf_addf(sb, "You are about to alter the column `%s` on the `%s` table, which contains %" PRId64
				    " non-null values. The data in that column will be cast from `%s` to `%s`. This cast may fail. Please make sure the data in the column can be cast.",
				    c->column, c->table, vals, c->previous_type, c->next_type);
		else
			strbuf_addf(sb, "You are about to alter the column `%s` on the `%s` table. The data in that column will be cast from `%s` to `%s`. This cast may fail. Please make sure the data in the column can be cast.",
				    c->column, c->table, c->previous_type, c->next_type);
		return true;
	case DIFF_WARN_PRIMARY_KEY_CHANGE:
		if (rows == 0)
			return false;
		strbuf_addf(sb, "The primary key for the `%s` table will be changed. If it partially fails, the table could be left without primary key constraint.",
			    c->table);
		return true;
	case DIFF_WARN_UNIQUE_CONSTRAINT_ADDITION:
		strbuf_addstr(sb, "A unique constraint covering the columns `[");
		join_names(c, sb);
		strbuf_addf(sb, "]` on the table `%s` will be added. If there are existing duplicate values, this will fail.",
			    c->table);
		return true;
	case DIFF_WARN_ENUM_VALUE_REMOVAL:
		strbuf_addstr(sb, "The values [");
		join_names(c, sb);
		strbuf_addf(sb, "] on the enum `%s` will be removed. If these variants are still used in the database, this will fail.",
			    c->enum_name);
		return true;
	case DIFF_UNEXEC_ADDED_REQUIRED_FIELD:
		if (rows == 0)
			return false;
		strbuf_addf(sb, "Added the required column `%s` to the `%s` table without a default value. ",
			    c->column, c->table);
		if (rows > 0)
			strbuf_addf(sb, "There are %" PRId64 " rows in this table, it is not possible to execute this step.",
				    rows);
		else
			strbuf_addstr(sb, "This is not possible if the table is not empty.");
		return true;
	case DIFF_UNEXEC_ADDED_REQUIRED_FIELD_WITH_CLIENT_DEFAULT:
		if (rows == 0)
			return false;
		strbuf_addf(sb, "The required column `%s` was added to the `%s` table with a prisma-level default value. ",
			    c->column, c->table);
		if (rows > 0)
			strbuf_addf(sb, "There are %" PRId64 " rows in this table, it is not possible to execute this step.",
				    rows);
		else
			strbuf_addstr(sb, "This is not possible if the table is not empty.");
		strbuf_addstr(sb, " Please add this column as optional, then populate it before making it required.");
		return true;
	case DIFF_UNEXEC_MADE_OPTIONAL_FIELD_REQUIRED:
		if (rows == 0)
			return false;
		if (rows > 0 && vals >= 0) {
			if (rows - vals == 0)
				return false;
			strbuf_addf(sb, "Made the column `%s` on table `%s` required, but there are %" PRId64
				    " existing NULL values.", c->column, c->table, rows - vals);
			return true;
		}
		strbuf_addf(sb, "Made the column `%s` on table `%s` required. This step will fail if there are existing NULL values in that column.",
			    c->column, c->table);
		return true;
	case DIFF_UNEXEC_MADE_SCALAR_FIELD_INTO_LIST:
		if (rows == 0 || vals == 0)
			return false;
		strbuf_addf(sb, "Changed the column `%s` on the `%s` table from a scalar field to a list field. ",
			    c->column, c->table);
		if (vals > 0)
			strbuf_addf(sb, "There are %" PRId64 " existing non-null values in that column, this step cannot be executed.",
				    vals);
		else
			strbuf_addstr(sb, "If there are non-null values in that column, this step will fail.");
		return true;
	case DIFF_UNEXEC_DROP_AND_RECREATE_REQUIRED_COLUMN:
		if (rows == 0)
			return false;
		if (rows < 0)
			strbuf_addf(sb, "Changed the type of `%s` on the `%s` table. No cast exists, the column would be dropped and recreated, which cannot be done if there is data, since the column is required.",
				    c->column, c->table);
		else
			strbuf_addf(sb, "Changed the type of `%s` on the `%s` table. No cast exists, the column would be dropped and recreated, which cannot be done since the column is required and there is data in the table.",
				    c->column, c->table);
		return true;
	}
	return false;
}

void diff_evaluate(const struct plan *p, struct diff_messages *out)
{
	struct strbuf sb = STRBUF_INIT;
	uint32_t i;

	for (i = 0; i < p->nchecks; i++) {
		const struct diff_check *c = &p->checks[i];
		struct diff_message *m;

		strbuf_reset(&sb);
		if (!check_message(p, c, &sb))
			continue;
		if (DIFF_CHECK_IS_WARNING(c->kind)) {
			ALLOC_GROW(out->warnings, out->nwarnings + 1, out->awarnings);
			m = &out->warnings[out->nwarnings++];
		} else {
			ALLOC_GROW(out->unexecutable, out->nunexecutable + 1, out->aunexecutable);
			m = &out->unexecutable[out->nunexecutable++];
		}
		m->text = xstrndup(sb.buf, sb.len);
		m->step = c->step;
	}
	strbuf_release(&sb);
}
