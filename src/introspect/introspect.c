/* introspect.c - Prisma's introspection rules: SQL schema (+ the existing schema) -> PSL text */
#include "base/bytes.h"
#include "introspect/introspect.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "calc/calc.h"
#include "psl/format.h"

/*
 * Owns the whole translation; reads the sqlschema and the previous
 * datamodel, never changes them. The text is generated unaligned, parsed
 * again and printed with psl_format (which aligns the columns and puts the
 * attributes in Prisma's order), as Prisma formats its own output.
 */

#define NONE UINT32_MAX

struct imodel {
	uint32_t table_id;
	const char *name;          /* PSL name */
	bool mapped;               /* @@map(table) */
	uint32_t prev;             /* previous model id or NONE */
	bool ignored;              /* no unique criteria: @@ignore */
	bool join;                 /* implicit many-to-many join table (not a model) */
	bool expr_index;           /* has an expression index */
	bool comments;             /* table or a column has a database comment */
	const char **col_names;    /* PSL name per column (index in table), NULL: commented out */
	bool *col_mapped;
	uint32_t *col_prev;        /* previous field id per column, or NONE */
	struct strbuf rel;         /* relation fields, rendered, sorted later */
};

/* a view (views preview feature): names like a model's, no keys of its own */
struct iview {
	uint32_t view_id;
	const char *name;          /* PSL name */
	bool mapped;               /* @@map(view) */
	uint32_t prev;             /* previous view (a psl_db_model with is_view) or NONE */
	const char **col_names;    /* PSL name per column, NULL: commented out */
	bool *col_mapped;
	uint32_t *col_prev;        /* previous field id per column, or NONE */
};

/* one relation field to render, sorted by relation name per model */
struct irelfield {
	uint32_t model;            /* imodel index */
	const char *sort_name;     /* relation name (explicit or default) */
	uint32_t seq;              /* creation order (ties) */
	char *text;                /* the line */
};

struct ienum {
	uint32_t enum_id;
	const char *name;
	bool mapped;
	uint32_t prev;
	const char **value_names;
	bool *value_mapped;
};

struct ictx {
	const struct introspect_input *in;
	const struct sqlschema *s;
	const struct psl_db *pdb;
	struct arena arena;
	struct imodel *models;     /* parallel to s->tables */
	struct iview *iviews;      /* parallel to s->views */
	struct ienum *enums;       /* parallel to s->enums */
	struct irelfield *rels;
	size_t nrels, arels;
	bool multischema;
	bool views;
	struct strbuf w_unsupported, w_ignored, w_expr, w_comments;
	struct strbuf w_map_fields, w_map_models, w_map_values, w_map_enums;
	struct strbuf w_map_view_fields, w_unsupported_views, w_map_views, w_duplicates;
};

/* ---- names ---- */

static bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_ident_char(unsigned char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9') || c == '_';
}

/* length of the UTF-8 character at p */
static size_t utf8_len(const char *p)
{
	unsigned char c = (unsigned char)*p;
	size_t n = 1;

	if (c >= 0xC0) {
		while (n < 4 && ((unsigned char)p[n] & 0xC0) == 0x80)
			n++;
	}
	return n;
}

void introspect_sanitize(const char *name, struct strbuf *out)
{
	const char *p = name;

	while (*p && !is_alpha((unsigned char)*p))
		p += utf8_len(p);
	while (*p) {
		if (is_ident_char((unsigned char)*p)) {
			strbuf_addch(out, *p);
			p++;
		} else {
			strbuf_addch(out, '_');
			p += utf8_len(p);
		}
	}
}

static const char *sanitized(struct ictx *x, const char *name, bool *changed)
{
	struct strbuf sb = STRBUF_INIT;
	const char *r;

	introspect_sanitize(name, &sb);
	*changed = strcmp(sb.buf, name) != 0;
	r = arena_strdup(&x->arena, sb.buf);
	strbuf_release(&sb);
	return r;
}

static void add_psl_string(struct strbuf *sb, const char *v)
{
	strbuf_addch(sb, '"');
	for (; *v; v++) {
		switch (*v) {
		case '"': strbuf_addstr(sb, "\\\""); break;
		case '\\': strbuf_addstr(sb, "\\\\"); break;
		case '\n': strbuf_addstr(sb, "\\n"); break;
		case '\r': strbuf_addstr(sb, "\\r"); break;
		case '\t': strbuf_addstr(sb, "\\t"); break;
		default: strbuf_addch(sb, *v);
		}
	}
	strbuf_addch(sb, '"');
}

/* ---- previous schema lookups ---- */

static bool prev_schema_matches(const struct ictx *x, const char *pschema, uint32_t ns)
{
	const char *nsname = x->s->namespaces[ns].name;

	if (!x->multischema)
		return true;
	return pschema ? !strcmp(pschema, nsname) : false;
}

static uint32_t prev_model(const struct ictx *x, const struct sql_table *t)
{
	uint32_t i;

	if (!x->pdb)
		return NONE;
	for (i = 0; i < x->pdb->nmodels; i++) {
		const struct psl_db_model *m = &x->pdb->models[i];
		if (!m->is_view && !strcmp(m->db_name, t->name) &&
		    prev_schema_matches(x, m->schema, t->namespace_id))
			return i;
	}
	return NONE;
}

static uint32_t prev_view(const struct ictx *x, const struct sql_view *v)
{
	uint32_t i;

	if (!x->pdb)
		return NONE;
	for (i = 0; i < x->pdb->nmodels; i++) {
		const struct psl_db_model *m = &x->pdb->models[i];
		if (m->is_view && !strcmp(m->db_name, v->name) &&
		    prev_schema_matches(x, m->schema, v->namespace_id))
			return i;
	}
	return NONE;
}

static uint32_t prev_field(const struct ictx *x, uint32_t pm, const char *column)
{
	const struct psl_db_model *m;
	uint32_t i;

	if (pm == NONE)
		return NONE;
	m = &x->pdb->models[pm];
	for (i = m->first_field; i < m->first_field + m->nfields; i++)
		if (!strcmp(x->pdb->fields[i].db_name, column))
			return i;
	return NONE;
}

static uint32_t prev_enum(const struct ictx *x, const struct sql_enum *e)
{
	uint32_t i;

	if (!x->pdb)
		return NONE;
	for (i = 0; i < x->pdb->nenums; i++)
		if (!strcmp(x->pdb->enums[i].db_name, e->name) &&
		    prev_schema_matches(x, x->pdb->enums[i].schema, e->namespace_id))
			return i;
	return NONE;
}

/* ---- models, enums: names ---- */

static bool is_join_table(const struct ictx *x, uint32_t tid)
{
	const struct sqlschema *s = x->s;
	const struct sql_table *t = &s->tables[tid];
	uint32_t a, b, i, nfk = 0;
	bool fa = false, fb = false, key = false;

	if (t->name[0] != '_' || t->ncolumns != 2)
		return false;
	a = t->first_column;
	b = t->first_column + 1;
	if (strcmp(s->columns[a].name, "A") || strcmp(s->columns[b].name, "B"))
		return false;
	for (i = 0; i < s->nfks; i++) {
		const struct sql_foreign_key *fk = &s->fks[i];
		if (fk->table_id != tid)
			continue;
		nfk++;
		if (fk->ncolumns == 1 && fk->columns[0] == a)
			fa = true;
		if (fk->ncolumns == 1 && fk->columns[0] == b)
			fb = true;
	}
	for (i = 0; i < s->nindexes; i++) {
		const struct sql_index *ix = &s->indexes[i];
		if (ix->table_id != tid || ix->kind == SQL_INDEX_NORMAL || ix->unsupported ||
		    ix->ncolumns != 2)
			continue;
		if (ix->columns[0].column_id == a && ix->columns[1].column_id == b)
			key = true;
	}
	return nfk == 2 && fa && fb && key;
}

/* A unique criteria: a primary key, or a unique index on required columns only. */
static bool has_unique_criteria(const struct ictx *x, uint32_t tid)
{
	const struct sqlschema *s = x->s;
	uint32_t i, k;

	for (i = 0; i < s->nindexes; i++) {
		const struct sql_index *ix = &s->indexes[i];
		bool ok = true;
		if (ix->table_id != tid || ix->kind == SQL_INDEX_NORMAL || ix->unsupported)
			continue;
		if (ix->kind == SQL_INDEX_PRIMARY)
			return true;
		for (k = 0; k < ix->ncolumns; k++)
			if (s->columns[ix->columns[k].column_id].nullable)
				ok = false;
		if (ok)
			return true;
	}
	return false;
}

/*
 * The PSL names of a table or view (sqlname) and of its ncols columns: the
 * previous schema's names where it had the item (prev), else sanitized
 * database names; mapped when they differ from the database's. A column
 * whose name sanitizes to nothing gets NULL (commented out).
 */
static void name_columns(struct ictx *x, uint32_t prev, const char *sqlname,
			 const struct sql_column *cols, uint32_t ncols, const char **name,
			 bool *mapped, const char ***col_names, bool **col_mapped,
			 uint32_t **col_prev)
{
	bool changed;

	if (prev != NONE) {
		*name = x->pdb->models[prev].name;
		*mapped = strcmp(*name, sqlname) != 0;
	} else {
		*name = sanitized(x, sqlname, &changed);
		*mapped = changed;
	}
	*col_names = arena_alloc(&x->arena, sizeof(**col_names) * (ncols + 1));
	*col_mapped = arena_alloc(&x->arena, sizeof(**col_mapped) * (ncols + 1));
	*col_prev = arena_alloc(&x->arena, sizeof(**col_prev) * (ncols + 1));
	for (uint32_t c = 0; c < ncols; c++) {
		uint32_t pf = prev_field(x, prev, cols[c].name);
		(*col_prev)[c] = pf;
		if (pf != NONE) {
			(*col_names)[c] = x->pdb->fields[pf].name;
			(*col_mapped)[c] = strcmp((*col_names)[c], cols[c].name) != 0;
		} else {
			(*col_names)[c] = sanitized(x, cols[c].name, &changed);
			(*col_mapped)[c] = changed;
			if (!*(*col_names)[c])
				(*col_names)[c] = NULL;
		}
	}
}

static void name_models(struct ictx *x)
{
	const struct sqlschema *s = x->s;
	uint32_t t;

	for (t = 0; t < s->ntables; t++) {
		const struct sql_table *tb = &s->tables[t];
		struct imodel *m = &x->models[t];

		m->table_id = t;
		strbuf_init(&m->rel, 0);
		m->join = is_join_table(x, t);
		m->prev = prev_model(x, tb);
		name_columns(x, m->prev, tb->name, &s->columns[tb->first_column], tb->ncolumns,
			     &m->name, &m->mapped, &m->col_names, &m->col_mapped, &m->col_prev);
		m->ignored = !m->join && !has_unique_criteria(x, t);
	}
}

/* Views as Prisma introspects them: plain views only, named like models. */
static bool introspected_view(const struct ictx *x, uint32_t v)
{
	return x->views && !x->s->views[v].materialized;
}

static void name_views(struct ictx *x)
{
	const struct sqlschema *s = x->s;
	uint32_t v;

	for (v = 0; v < s->nviews; v++) {
		const struct sql_view *sv = &s->views[v];
		struct iview *iv = &x->iviews[v];

		iv->view_id = v;
		iv->prev = prev_view(x, sv);
		name_columns(x, iv->prev, sv->name, &s->view_columns[sv->first_column], sv->ncolumns,
			     &iv->name, &iv->mapped, &iv->col_names, &iv->col_mapped, &iv->col_prev);
	}
}

/* One top-level name (model, view or enum) for the duplicate check. */
struct top_name {
	const char **name;         /* points at the item's name */
	bool *mapped;
	const char *kind;          /* "model", "view", "enum" */
	uint32_t ns;
	bool fresh;                /* not named by the previous schema */
};

static int cmp_top_name(const void *a, const void *b)
{
	const struct top_name *x = a, *y = b;
	return strcmp(*x->name, *y->name);
}

static int cmp_dup_warning(const void *a, const void *b)
{
	const struct top_name *x = a, *y = b;
	int c = strcmp(x->kind, y->kind);
	return c ? c : strcmp(*x->name, *y->name);
}

/*
 * Across schemas (multiSchema) two tables, views or enums may get the same
 * PSL name: Prisma prefixes each of them with its schema ("b_same",
 * "public_same", @@map keeping the database name) and says so.
 */
static void dedupe_names(struct ictx *x)
{
	const struct sqlschema *s = x->s;
	uint32_t n = 0, i, j, ndup = 0;
	struct top_name *v, *dup;

	if (!x->multischema)
		return;
	v = xcalloc(s->ntables + s->nviews + s->nenums + 1, sizeof(*v));
	dup = xcalloc(s->ntables + s->nviews + s->nenums + 1, sizeof(*dup));
	for (i = 0; i < s->ntables; i++) {
		if (x->models[i].join || !strcmp(s->tables[i].name, "_prisma_migrations"))
			continue;
		v[n++] = (struct top_name){ &x->models[i].name, &x->models[i].mapped, "model",
					    s->tables[i].namespace_id, x->models[i].prev == NONE };
	}
	for (i = 0; i < s->nviews; i++)
		if (introspected_view(x, i))
			v[n++] = (struct top_name){ &x->iviews[i].name, &x->iviews[i].mapped, "view",
						    s->views[i].namespace_id, x->iviews[i].prev == NONE };
	for (i = 0; i < s->nenums; i++)
		v[n++] = (struct top_name){ &x->enums[i].name, &x->enums[i].mapped, "enum",
					    s->enums[i].namespace_id, x->enums[i].prev == NONE };
	qsort(v, n, sizeof(*v), cmp_top_name);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && !strcmp(*v[j].name, *v[i].name); j++)
			;
		if (j - i < 2)
			continue;
		for (uint32_t k = i; k < j; k++)
			if (v[k].fresh)
				dup[ndup++] = v[k];
	}
	for (i = 0; i < ndup; i++) {
		*dup[i].name = arena_printf(&x->arena, "%s_%s", s->namespaces[dup[i].ns].name,
					    *dup[i].name);
		*dup[i].mapped = true;
	}
	qsort(dup, ndup, sizeof(*dup), cmp_dup_warning);
	for (i = 0; i < ndup; i++)
		strbuf_addf(&x->w_duplicates, "  - Type: \"%s\", name: \"%s\"\n", dup[i].kind,
			    *dup[i].name);
	free(v);
	free(dup);
}

static void name_enums(struct ictx *x)
{
	const struct sqlschema *s = x->s;
	uint32_t e, v;

	for (e = 0; e < s->nenums; e++) {
		const struct sql_enum *se = &s->enums[e];
		struct ienum *ie = &x->enums[e];
		bool changed;

		ie->enum_id = e;
		ie->prev = prev_enum(x, se);
		if (ie->prev != NONE) {
			ie->name = x->pdb->enums[ie->prev].name;
			ie->mapped = strcmp(ie->name, se->name) != 0;
		} else {
			ie->name = sanitized(x, se->name, &changed);
			ie->mapped = changed;
		}
		ie->value_names = arena_alloc(&x->arena, sizeof(char *) * (se->nvalues + 1));
		ie->value_mapped = arena_alloc(&x->arena, sizeof(bool) * (se->nvalues + 1));
		for (v = 0; v < se->nvalues; v++) {
			const char *pv = NULL;
			if (ie->prev != NONE) {
				const struct psl_db_enum *pe = &x->pdb->enums[ie->prev];
				uint32_t k;
				for (k = pe->first_value; k < pe->first_value + pe->nvalues; k++)
					if (!strcmp(x->pdb->enum_values[k].db_name, se->values[v]))
						pv = x->pdb->enum_values[k].name;
			}
			if (pv) {
				ie->value_names[v] = pv;
				ie->value_mapped[v] = strcmp(pv, se->values[v]) != 0;
			} else {
				ie->value_names[v] = sanitized(x, se->values[v], &changed);
				ie->value_mapped[v] = changed;
			}
		}
	}
}

static const char *enum_value_name(const struct ictx *x, uint32_t enum_id, const char *db_value)
{
	const struct sql_enum *se = &x->s->enums[enum_id];
	uint32_t v;

	for (v = 0; v < se->nvalues; v++)
		if (!strcmp(se->values[v], db_value))
			return x->enums[enum_id].value_names[v];
	return db_value;
}

/* ---- types ---- */

/* The PSL scalar type of a column type (NULL: Unsupported), and its native type attribute. */
static const char *scalar_type(const struct ictx *x, const struct sql_type *t, struct strbuf *native)
{
	int64_t a0 = t->args[0], a1 = t->args[1];

	switch (t->ptype) {
	case SQL_T_TEXT: return "String";
	case SQL_T_VARCHAR:
		if (a0 >= 0)
			strbuf_addf(native, "@db.VarChar(%lld)", (long long)a0);
		else
			strbuf_addstr(native, "@db.VarChar");
		return "String";
	case SQL_T_CHAR:
		if (a0 >= 0)
			strbuf_addf(native, "@db.Char(%lld)", (long long)a0);
		else
			strbuf_addstr(native, "@db.Char");
		return "String";
	case SQL_T_SMALLINT: strbuf_addstr(native, "@db.SmallInt"); return "Int";
	case SQL_T_INTEGER: return "Int";
	case SQL_T_BIGINT: return "BigInt";
	case SQL_T_REAL: strbuf_addstr(native, "@db.Real"); return "Float";
	case SQL_T_DOUBLE: return "Float";
	case SQL_T_DECIMAL:
		if (a0 == 65 && a1 == 30)
			return "Decimal";
		if (a0 >= 0)
			strbuf_addf(native, "@db.Decimal(%lld, %lld)", (long long)a0,
				    (long long)(a1 >= 0 ? a1 : 0));
		else
			strbuf_addstr(native, "@db.Decimal");
		return "Decimal";
	case SQL_T_MONEY: strbuf_addstr(native, "@db.Money"); return "Decimal";
	case SQL_T_BOOLEAN: return "Boolean";
	case SQL_T_TIMESTAMP:
		if (a0 == 3)
			return "DateTime";
		strbuf_addf(native, "@db.Timestamp(%lld)", (long long)(a0 >= 0 ? a0 : 6));
		return "DateTime";
	case SQL_T_TIMESTAMPTZ:
		strbuf_addf(native, "@db.Timestamptz(%lld)", (long long)(a0 >= 0 ? a0 : 6));
		return "DateTime";
	case SQL_T_DATE: strbuf_addstr(native, "@db.Date"); return "DateTime";
	case SQL_T_TIME:
		strbuf_addf(native, "@db.Time(%lld)", (long long)(a0 >= 0 ? a0 : 6));
		return "DateTime";
	case SQL_T_TIMETZ:
		strbuf_addf(native, "@db.Timetz(%lld)", (long long)(a0 >= 0 ? a0 : 6));
		return "DateTime";
	case SQL_T_JSON: strbuf_addstr(native, "@db.Json"); return "Json";
	case SQL_T_JSONB: return "Json";
	case SQL_T_BYTEA: return "Bytes";
	case SQL_T_UUID: strbuf_addstr(native, "@db.Uuid"); return "String";
	case SQL_T_XML: strbuf_addstr(native, "@db.Xml"); return "String";
	case SQL_T_INET: strbuf_addstr(native, "@db.Inet"); return "String";
	case SQL_T_CITEXT: strbuf_addstr(native, "@db.Citext"); return "String";
	case SQL_T_OID: strbuf_addstr(native, "@db.Oid"); return "Int";
	case SQL_T_BIT:
		strbuf_addf(native, "@db.Bit(%lld)", (long long)(a0 >= 0 ? a0 : 1));
		return "String";
	case SQL_T_VARBIT:
		if (a0 >= 0)
			strbuf_addf(native, "@db.VarBit(%lld)", (long long)a0);
		else
			strbuf_addstr(native, "@db.VarBit");
		return "String";
	case SQL_T_ENUM: return x->enums[t->enum_id].name;
	case SQL_T_UNSUPPORTED:
	case SQL_T__COUNT:
		break;
	}
	return NULL;
}

/* The SQL type name PostgreSQL prints in a cast of a date/time literal. */
static const char *cast_type_name(enum sql_ptype t)
{
	switch (t) {
	case SQL_T_TIMESTAMP: return "timestamp without time zone";
	case SQL_T_TIMESTAMPTZ: return "timestamp with time zone";
	case SQL_T_DATE: return "date";
	case SQL_T_TIME: return "time without time zone";
	case SQL_T_TIMETZ: return "time with time zone";
	default: return "text";
	}
}

/* "\x0102" -> base64 "AQI=" (false when not a hex bytea literal) */
static bool bytea_base64(const char *v, struct strbuf *out)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	struct strbuf raw = STRBUF_INIT;
	size_t i;

	if (v[0] != '\\' || v[1] != 'x')
		return false;
	for (v += 2; v[0] && v[1]; v += 2) {
		int h = hex_digit_value(v[0]), l = hex_digit_value(v[1]);
		if (h < 0 || l < 0) {
			strbuf_release(&raw);
			return false;
		}
		strbuf_addch(&raw, h * 16 + l);
	}
	if (*v) {
		strbuf_release(&raw);
		return false;
	}
	for (i = 0; i < raw.len; i += 3) {
		unsigned n = (unsigned char)raw.buf[i] << 16;
		size_t left = raw.len - i;
		if (left > 1)
			n |= (unsigned char)raw.buf[i + 1] << 8;
		if (left > 2)
			n |= (unsigned char)raw.buf[i + 2];
		strbuf_addch(out, b64[(n >> 18) & 63]);
		strbuf_addch(out, b64[(n >> 12) & 63]);
		strbuf_addch(out, left > 1 ? b64[(n >> 6) & 63] : '=');
		strbuf_addch(out, left > 2 ? b64[n & 63] : '=');
	}
	strbuf_release(&raw);
	return true;
}

static void add_dbgenerated(struct strbuf *sb, const char *expr)
{
	strbuf_addstr(sb, "@default(dbgenerated(");
	add_psl_string(sb, expr);
	strbuf_addstr(sb, "))");
}

/* one scalar default value (not a list) as a PSL expression; false: not expressible */
static bool default_value(const struct ictx *x, const struct sql_type *t, const char *scalar,
			  const struct sql_default *d, bool in_list, struct strbuf *sb)
{
	switch (d->kind) {
	case SQL_DEFAULT_STRING:
		if (!strcmp(scalar, "String") || !strcmp(scalar, "Json")) {
			add_psl_string(sb, d->value);
			return true;
		}
		if (!strcmp(scalar, "Bytes")) {
			struct strbuf b = STRBUF_INIT;
			bool ok = bytea_base64(d->value, &b);
			if (ok)
				add_psl_string(sb, b.buf);
			strbuf_release(&b);
			return ok;
		}
		return false;
	case SQL_DEFAULT_NUMBER:
		if (!strcmp(scalar, "Int") || !strcmp(scalar, "BigInt") || !strcmp(scalar, "Float") ||
		    !strcmp(scalar, "Decimal")) {
			strbuf_addstr(sb, d->literal ? d->literal : d->value);
			return true;
		}
		return false;
	case SQL_DEFAULT_BOOLEAN:
		if (!strcmp(scalar, "Boolean")) {
			strbuf_addstr(sb, d->value);
			return true;
		}
		return false;
	case SQL_DEFAULT_ENUM:
		if (t->ptype == SQL_T_ENUM) {
			/* Prisma writes the database names of the values inside a list */
			strbuf_addstr(sb, in_list ? d->value : enum_value_name(x, t->enum_id, d->value));
			return true;
		}
		return false;
	default:
		return false;
	}
}

static void render_default(const struct ictx *x, const struct sql_column *col, const char *scalar,
			   struct strbuf *sb)
{
	const struct sql_default *d = &col->dflt;
	size_t mark = sb->len;

	if (col->generated) {
		strbuf_addch(sb, ' ');
		add_dbgenerated(sb, col->generated);
		return;
	}
	if (col->identity || d->kind == SQL_DEFAULT_SEQUENCE ||
	    (d->kind == SQL_DEFAULT_EXPR && !strncmp(d->value, "nextval(", 8))) {
		strbuf_addstr(sb, " @default(autoincrement())");
		return;
	}
	switch (d->kind) {
	case SQL_DEFAULT_NONE:
	case SQL_DEFAULT_SEQUENCE:
		return;
	case SQL_DEFAULT_NOW:
		strbuf_addstr(sb, " @default(now())");
		return;
	case SQL_DEFAULT_EXPR:
		strbuf_addch(sb, ' ');
		add_dbgenerated(sb, d->value);
		return;
	case SQL_DEFAULT_LIST: {
		uint32_t i;
		if (col->type.ptype == SQL_T_BIGINT && d->nitems) {
			/* Prisma cannot read PostgreSQL's ARRAY[(1)::bigint] back: dbgenerated */
			struct strbuf e = STRBUF_INIT;
			strbuf_addstr(&e, "ARRAY[");
			for (i = 0; i < d->nitems; i++)
				strbuf_addf(&e, "%s(%s)::bigint", i ? ", " : "",
					    d->items[i].value ? d->items[i].value : "NULL");
			strbuf_addch(&e, ']');
			strbuf_addch(sb, ' ');
			add_dbgenerated(sb, e.buf);
			strbuf_release(&e);
			return;
		}
		strbuf_addstr(sb, " @default([");
		for (i = 0; i < d->nitems; i++) {
			if (i)
				strbuf_addstr(sb, ", ");
			if (!scalar || !default_value(x, &col->type, scalar, &d->items[i], true, sb)) {
				strbuf_setlen(sb, mark);
				return;
			}
		}
		strbuf_addstr(sb, "])");
		return;
	}
	default:
		break;
	}
	strbuf_addstr(sb, " @default(");
	if (scalar && default_value(x, &col->type, scalar, d, false, sb)) {
		strbuf_addch(sb, ')');
		return;
	}
	strbuf_setlen(sb, mark);
	if (d->kind == SQL_DEFAULT_STRING && !col->type.array) {
		/* a literal PSL cannot write for this type: PostgreSQL's own spelling */
		struct strbuf e = STRBUF_INIT;
		const char *p;
		strbuf_addch(&e, '\'');
		for (p = d->value; *p; p++) {
			if (*p == '\'')
				strbuf_addch(&e, '\'');
			strbuf_addch(&e, *p);
		}
		strbuf_addf(&e, "'::%s", cast_type_name(col->type.ptype));
		strbuf_addch(sb, ' ');
		add_dbgenerated(sb, e.buf);
		strbuf_release(&e);
	} else if (d->value) {
		strbuf_addch(sb, ' ');
		add_dbgenerated(sb, d->value);
	}
}

/* ---- indexes ---- */

static const char *algo_name(enum sql_index_algo a)
{
	switch (a) {
	case SQL_ALGO_HASH: return "Hash";
	case SQL_ALGO_GIST: return "Gist";
	case SQL_ALGO_GIN: return "Gin";
	case SQL_ALGO_SPGIST: return "SpGist";
	case SQL_ALGO_BRIN: return "Brin";
	default: return NULL;
	}
}

/* "jsonb_path_ops" -> "JsonbPathOps", "int4_minmax_ops" -> "Int4MinMaxOps" */
static void opclass_psl(const char *sql, struct strbuf *out)
{
	static const struct { const char *w, *p; } joined[] = {
		{ "minmax", "MinMax" }, { "timestamptz", "TimestampTz" }, { "timetz", "TimeTz" },
		{ "varbit", "VarBit" },
	};
	const char *p = sql;

	while (*p) {
		size_t n = strcspn(p, "_"), k;
		bool done = false;
		for (k = 0; k < ARRAY_SIZE(joined); k++)
			if (strlen(joined[k].w) == n && !strncmp(p, joined[k].w, n)) {
				strbuf_addstr(out, joined[k].p);
				done = true;
			}
		if (!done && n) {
			strbuf_addch(out, p[0] >= 'a' && p[0] <= 'z' ? p[0] - 32 : p[0]);
			strbuf_add(out, p + 1, n - 1);
		}
		p += n;
		if (*p == '_')
			p++;
	}
}

static const char *col_psl_name(const struct ictx *x, uint32_t column_id)
{
	const struct sql_column *c = &x->s->columns[column_id];
	const struct sql_table *t = &x->s->tables[c->table_id];
	const char *n = x->models[c->table_id].col_names[column_id - t->first_column];
	return n ? n : c->name;
}

static void default_index_name(const struct ictx *x, const struct sql_index *ix, struct strbuf *out)
{
	const struct sql_table *t = &x->s->tables[ix->table_id];
	const char **cols = xmalloc(sizeof(char *) * (ix->ncolumns + 1));
	uint32_t k;

	if (ix->kind == SQL_INDEX_PRIMARY) {
		calc_pk_name(t->name, out);
	} else {
		for (k = 0; k < ix->ncolumns; k++)
			cols[k] = x->s->columns[ix->columns[k].column_id].name;
		calc_index_name(t->name, cols, ix->ncolumns, ix->kind == SQL_INDEX_UNIQUE, out);
	}
	free(cols);
}

static bool index_name_is_default(const struct ictx *x, const struct sql_index *ix)
{
	struct strbuf sb = STRBUF_INIT;
	bool r;

	default_index_name(x, ix, &sb);
	r = !strcmp(sb.buf, ix->name);
	strbuf_release(&sb);
	return r;
}

static bool is_partial(const struct sql_index *ix)
{
	return ix->definition && strstr(ix->definition, " WHERE ");
}

/* the index column list: [a, b(sort: Desc), c(ops: X)] */
static void index_fields(const struct ictx *x, const struct sql_index *ix, struct strbuf *sb)
{
	uint32_t k;

	strbuf_addch(sb, '[');
	for (k = 0; k < ix->ncolumns; k++) {
		const struct sql_index_column *ic = &ix->columns[k];
		bool ops = ic->opclass && ix->algo != SQL_ALGO_BTREE;
		if (k)
			strbuf_addstr(sb, ", ");
		strbuf_addstr(sb, col_psl_name(x, ic->column_id));
		if (ic->sort < 0 || ops) {
			strbuf_addch(sb, '(');
			if (ic->sort < 0)
				strbuf_addstr(sb, "sort: Desc");
			if (ops) {
				if (ic->sort < 0)
					strbuf_addstr(sb, ", ");
				strbuf_addstr(sb, "ops: ");
				opclass_psl(ic->opclass, sb);
			}
			strbuf_addch(sb, ')');
		}
	}
	strbuf_addch(sb, ']');
}

/* Field-level @id / @unique of column cid: appended to sb. */
static void field_index_attrs(const struct ictx *x, uint32_t tid, uint32_t cid, struct strbuf *sb)
{
	const struct sqlschema *s = x->s;
	uint32_t i;

	for (i = 0; i < s->nindexes; i++) {
		const struct sql_index *ix = &s->indexes[i];
		bool args = false;
		if (ix->table_id != tid || ix->unsupported || ix->kind == SQL_INDEX_NORMAL ||
		    ix->ncolumns != 1 || ix->columns[0].column_id != cid)
			continue;
		strbuf_addstr(sb, ix->kind == SQL_INDEX_PRIMARY ? " @id" : " @unique");
		if (ix->columns[0].sort < 0) {
			strbuf_addstr(sb, "(sort: Desc");
			args = true;
		}
		if (!index_name_is_default(x, ix)) {
			strbuf_addstr(sb, args ? ", map: " : "(map: ");
			add_psl_string(sb, ix->name);
			args = true;
		}
		if (args)
			strbuf_addch(sb, ')');
	}
}

/* the previous schema's index of the same kind on the same columns: its id, or NONE */
static uint32_t prev_index(const struct ictx *x, const struct sql_index *ix)
{
	uint32_t pm = x->models[ix->table_id].prev, i, k;
	const struct psl_db_model *m;

	if (pm == NONE)
		return NONE;
	m = &x->pdb->models[pm];
	for (i = m->first_index; i < m->first_index + m->nindexes; i++) {
		const struct psl_db_index *pi = &x->pdb->indexes[i];
		bool same;
		if ((pi->kind == PSL_INDEX_ID) != (ix->kind == SQL_INDEX_PRIMARY) ||
		    (pi->kind == PSL_INDEX_UNIQUE) != (ix->kind == SQL_INDEX_UNIQUE) ||
		    pi->nfields != ix->ncolumns)
			continue;
		same = true;
		for (k = 0; same && k < pi->nfields; k++)
			if (strcmp(x->pdb->fields[pi->fields[k].field_id].db_name,
				   x->s->columns[ix->columns[k].column_id].name))
				same = false;
		if (same)
			return i;
	}
	return NONE;
}

/* index ids of a table: the previous schema's order first, then by name */
static const struct sqlschema *cmp_index_s;
static const uint32_t *cmp_index_rank;
static int cmp_index(const void *a, const void *b)
{
	uint32_t ia = *(const uint32_t *)a, ib = *(const uint32_t *)b;
	uint32_t ra = cmp_index_rank[ia], rb = cmp_index_rank[ib];

	if (ra != rb)
		return ra < rb ? -1 : 1;
	return strcmp(cmp_index_s->indexes[ia].name, cmp_index_s->indexes[ib].name);
}

static void block_index_attrs(struct ictx *x, uint32_t tid, struct strbuf *sb)
{
	const struct sqlschema *s = x->s;
	const char *tname = s->tables[tid].name;
	uint32_t *ids = xmalloc(sizeof(uint32_t) * (s->nindexes + 1));
	uint32_t *rank = xmalloc(sizeof(uint32_t) * (s->nindexes + 1));
	uint32_t n = 0, i;

	for (i = 0; i < s->nindexes; i++)
		if (s->indexes[i].table_id == tid) {
			ids[n++] = i;
			rank[i] = prev_index(x, &s->indexes[i]);
		}
	cmp_index_s = s;
	cmp_index_rank = rank;
	qsort(ids, n, sizeof(uint32_t), cmp_index);
	for (i = 0; i < n; i++) {
		const struct sql_index *ix = &s->indexes[ids[i]];
		const char *algo;
		if (ix->unsupported) {
			if (!is_partial(ix)) {
				x->models[tid].expr_index = true;
				strbuf_addf(&x->w_expr, "  - Model: \"%s\", constraint: \"%s\"\n",
					    x->models[tid].name, ix->name);
			}
			continue;
		}
		if (ix->kind != SQL_INDEX_NORMAL && ix->ncolumns == 1)
			continue; /* on the field */
		strbuf_addstr(sb, ix->kind == SQL_INDEX_PRIMARY ? "  @@id(" :
				  ix->kind == SQL_INDEX_UNIQUE ? "  @@unique(" : "  @@index(");
		index_fields(x, ix, sb);
		if (!index_name_is_default(x, ix)) {
			strbuf_addstr(sb, ", map: ");
			add_psl_string(sb, ix->name);
		}
		algo = ix->kind == SQL_INDEX_NORMAL ? algo_name(ix->algo) : NULL;
		if (algo)
			strbuf_addf(sb, ", type: %s", algo);
		strbuf_addstr(sb, ")\n");
	}
	(void)tname;
	free(ids);
	free(rank);
}

/* ---- relations ---- */

static const char *action_name(enum sql_fk_action a)
{
	switch (a) {
	case SQL_ACTION_NO_ACTION: return "NoAction";
	case SQL_ACTION_RESTRICT: return "Restrict";
	case SQL_ACTION_CASCADE: return "Cascade";
	case SQL_ACTION_SET_NULL: return "SetNull";
	case SQL_ACTION_SET_DEFAULT: return "SetDefault";
	}
	return "NoAction";
}

static void add_relfield(struct ictx *x, uint32_t model, const char *sort_name, struct strbuf *line)
{
	struct irelfield *r;

	ALLOC_GROW(x->rels, x->nrels + 1, x->arels);
	r = &x->rels[x->nrels];
	r->model = model;
	r->sort_name = sort_name;
	r->seq = (uint32_t)x->nrels;
	r->text = strbuf_detach(line, NULL);
	x->nrels++;
}

/* relations between the unordered pair of tables (foreign keys and join tables) */
static uint32_t pair_count(const struct ictx *x, uint32_t t1, uint32_t t2)
{
	const struct sqlschema *s = x->s;
	uint32_t i, n = 0;

	for (i = 0; i < s->nfks; i++) {
		const struct sql_foreign_key *fk = &s->fks[i];
		uint32_t a = fk->table_id, b = fk->referenced_table_id;
		if (x->models[a].join)
			continue;
		if ((a == t1 && b == t2) || (a == t2 && b == t1))
			n++;
	}
	for (i = 0; i < s->ntables; i++) {
		uint32_t a, b;
		if (!x->models[i].join)
			continue;
		a = b = NONE;
		for (uint32_t k = 0; k < s->nfks; k++) {
			if (s->fks[k].table_id != i)
				continue;
			if (s->fks[k].columns[0] == s->tables[i].first_column)
				a = s->fks[k].referenced_table_id;
			else
				b = s->fks[k].referenced_table_id;
		}
		if ((a == t1 && b == t2) || (a == t2 && b == t1))
			n++;
	}
	return n;
}

static const char *default_relation_name(struct ictx *x, const char *m1, const char *m2)
{
	if (strcmp(m1, m2) > 0) {
		const char *t = m1;
		m1 = m2;
		m2 = t;
	}
	return arena_printf(&x->arena, "%sTo%s", m1, m2);
}

/* the previous relation field of model pm whose fields are exactly the columns (by db name) */
static uint32_t prev_relation_field(const struct ictx *x, uint32_t pm, const struct sql_foreign_key *fk)
{
	const struct psl_db_model *m;
	uint32_t i, k;

	if (pm == NONE)
		return NONE;
	m = &x->pdb->models[pm];
	for (i = m->first_relation_field; i < m->first_relation_field + m->nrelation_fields; i++) {
		const struct psl_db_relation_field *rf = &x->pdb->relation_fields[i];
		bool same = rf->nfields == fk->ncolumns;
		for (k = 0; same && k < rf->nfields; k++)
			if (strcmp(x->pdb->fields[rf->fields[k]].db_name,
				   x->s->columns[fk->columns[k]].name))
				same = false;
		if (same)
			return i;
	}
	return NONE;
}

/* the other side of a previous relation field, or NONE */
static uint32_t prev_other_side(const struct ictx *x, uint32_t rfid)
{
	const struct psl_db_relation *rel;

	if (rfid == NONE)
		return NONE;
	rel = &x->pdb->relations[x->pdb->relation_fields[rfid].relation_id];
	return rel->field_a == rfid ? rel->field_b : rel->field_a;
}

static bool fk_is_unique(const struct ictx *x, const struct sql_foreign_key *fk)
{
	const struct sqlschema *s = x->s;
	uint32_t i, k, j;

	for (i = 0; i < s->nindexes; i++) {
		const struct sql_index *ix = &s->indexes[i];
		bool all = true;
		if (ix->table_id != fk->table_id || ix->kind == SQL_INDEX_NORMAL || ix->unsupported ||
		    ix->ncolumns != fk->ncolumns)
			continue;
		for (k = 0; k < ix->ncolumns && all; k++) {
			bool found = false;
			for (j = 0; j < fk->ncolumns; j++)
				if (fk->columns[j] == ix->columns[k].column_id)
					found = true;
			all = found;
		}
		if (all)
			return true;
	}
	return false;
}

static void fk_relations(struct ictx *x)
{
	const struct sqlschema *s = x->s;
	uint32_t i, k;

	for (i = 0; i < s->nfks; i++) {
		const struct sql_foreign_key *fk = &s->fks[i];
		uint32_t t = fk->table_id, r = fk->referenced_table_id;
		struct imodel *mt = &x->models[t], *mr = &x->models[r];
		bool self = t == r, ambiguous, optional = false, named;
		const char *relname, *fwd, *back;
		uint32_t pf, pb;
		struct strbuf line = STRBUF_INIT, cols = STRBUF_INIT;
		struct strbuf defname = STRBUF_INIT;
		enum sql_fk_action dd, du;
		const char **colnames;

		if (mt->join || mr->join)
			continue;
		ambiguous = pair_count(x, t, r) > 1;
		for (k = 0; k < fk->ncolumns; k++)
			if (s->columns[fk->columns[k]].nullable)
				optional = true;
		if (ambiguous) {
			strbuf_addf(&cols, "%s_", s->tables[t].name);
			for (k = 0; k < fk->ncolumns; k++)
				strbuf_addf(&cols, "%s%s", k ? "_" : "", s->columns[fk->columns[k]].name);
			strbuf_addf(&cols, "To%s", s->tables[r].name);
			relname = arena_strdup(&x->arena, cols.buf);
			strbuf_reset(&cols);
		} else {
			relname = default_relation_name(x, mt->name, mr->name);
		}
		named = ambiguous || self;
		if (ambiguous) {
			fwd = arena_printf(&x->arena, "%s_%s", mr->name, relname);
			back = arena_printf(&x->arena, "%s%s_%s", self ? "other_" : "", mt->name, relname);
		} else {
			fwd = mr->name;
			back = self ? arena_printf(&x->arena, "other_%s", mt->name) : mt->name;
		}
		/* re-introspection: the previous relation's field names and name */
		pf = prev_relation_field(x, mt->prev, fk);
		pb = prev_other_side(x, pf);
		if (pf != NONE) {
			const struct psl_db_relation_field *prf = &x->pdb->relation_fields[pf];
			fwd = prf->name;
			if (prf->target_model_id == mr->prev || (mr->prev == NONE && false)) {
				if (pb != NONE)
					back = x->pdb->relation_fields[pb].name;
				if (prf->relation_name) {
					relname = prf->relation_name;
					named = true;
				} else if (!self) {
					named = false;
					relname = default_relation_name(x, mt->name, mr->name);
				}
			}
		}

		/* forward side */
		strbuf_addf(&line, "  %s %s%s @relation(", fwd, mr->name, optional ? "?" : "");
		if (named) {
			add_psl_string(&line, relname);
			strbuf_addstr(&line, ", ");
		}
		strbuf_addstr(&line, "fields: [");
		for (k = 0; k < fk->ncolumns; k++)
			strbuf_addf(&line, "%s%s", k ? ", " : "", col_psl_name(x, fk->columns[k]));
		strbuf_addstr(&line, "], references: [");
		for (k = 0; k < fk->ncolumns; k++)
			strbuf_addf(&line, "%s%s", k ? ", " : "", col_psl_name(x, fk->referenced_columns[k]));
		strbuf_addch(&line, ']');
		dd = optional ? SQL_ACTION_SET_NULL : SQL_ACTION_RESTRICT;
		du = SQL_ACTION_CASCADE;
		if (fk->on_delete != dd)
			strbuf_addf(&line, ", onDelete: %s", action_name(fk->on_delete));
		if (fk->on_update != du)
			strbuf_addf(&line, ", onUpdate: %s", action_name(fk->on_update));
		colnames = xmalloc(sizeof(char *) * (fk->ncolumns + 1));
		for (k = 0; k < fk->ncolumns; k++)
			colnames[k] = s->columns[fk->columns[k]].name;
		calc_fk_name(s->tables[t].name, colnames, fk->ncolumns, &defname);
		free(colnames);
		if (strcmp(defname.buf, fk->name)) {
			strbuf_addstr(&line, ", map: ");
			add_psl_string(&line, fk->name);
		}
		strbuf_addstr(&line, ")\n");
		add_relfield(x, t, fk->name, &line);

		/* back side */
		strbuf_addf(&line, "  %s %s%s", back, mt->name, fk_is_unique(x, fk) ? "?" : "[]");
		if (named) {
			strbuf_addstr(&line, " @relation(");
			add_psl_string(&line, relname);
			strbuf_addch(&line, ')');
		}
		if (mt->ignored)
			strbuf_addstr(&line, " @ignore");
		strbuf_addch(&line, '\n');
		add_relfield(x, r, fk->name, &line);
		strbuf_release(&line);
		strbuf_release(&cols);
		strbuf_release(&defname);
	}
}

static void join_relations(struct ictx *x)
{
	const struct sqlschema *s = x->s;
	uint32_t i, k;

	for (i = 0; i < s->ntables; i++) {
		uint32_t a = NONE, b = NONE;
		const char *relname, *fa, *fb;
		bool ambiguous, self, named;
		struct strbuf line = STRBUF_INIT;

		if (!x->models[i].join)
			continue;
		for (k = 0; k < s->nfks; k++) {
			if (s->fks[k].table_id != i)
				continue;
			if (s->fks[k].columns[0] == s->tables[i].first_column)
				a = s->fks[k].referenced_table_id;
			else
				b = s->fks[k].referenced_table_id;
		}
		if (a == NONE || b == NONE)
			continue;
		relname = s->tables[i].name + 1;
		self = a == b;
		ambiguous = pair_count(x, a, b) > 1;
		named = true; /* Prisma always names the relation of a join table */
		if (self) {
			fa = arena_printf(&x->arena, "%s_A", x->models[a].name);
			fb = arena_printf(&x->arena, "%s_B", x->models[a].name);
		} else if (ambiguous) {
			fa = arena_printf(&x->arena, "%s_%s", x->models[b].name, relname);
			fb = arena_printf(&x->arena, "%s_%s", x->models[a].name, relname);
		} else {
			fa = x->models[b].name;
			fb = x->models[a].name;
		}
		/* re-introspection: the previous m:n fields of this relation name (Prisma
		 * renames the fields of a self relation to <Model>_A / <Model>_B) */
		if (x->pdb && !self) {
			for (k = 0; k < x->pdb->nrelations; k++) {
				const struct psl_db_relation *pr = &x->pdb->relations[k];
				if (pr->kind != PSL_RELATION_MANY_TO_MANY || strcmp(pr->name, relname) ||
				    pr->field_a == PSL_NONE || pr->field_b == PSL_NONE)
					continue;
				if (pr->model_a != x->models[a].prev || pr->model_b != x->models[b].prev)
					continue;
				fa = x->pdb->relation_fields[pr->field_a].name;
				fb = x->pdb->relation_fields[pr->field_b].name;
			}
		}
		strbuf_addf(&line, "  %s %s[]", fa, x->models[b].name);
		if (named) {
			strbuf_addstr(&line, " @relation(");
			add_psl_string(&line, relname);
			strbuf_addch(&line, ')');
		}
		strbuf_addch(&line, '\n');
		add_relfield(x, a, s->tables[i].name, &line);
		strbuf_addf(&line, "  %s %s[]", fb, x->models[a].name);
		if (named) {
			strbuf_addstr(&line, " @relation(");
			add_psl_string(&line, relname);
			strbuf_addch(&line, ')');
		}
		strbuf_addch(&line, '\n');
		add_relfield(x, b, s->tables[i].name, &line);
		strbuf_release(&line);
	}
}

static int cmp_relfield(const void *a, const void *b)
{
	const struct irelfield *ra = a, *rb = b;
	int c;

	if (ra->model != rb->model)
		return ra->model < rb->model ? -1 : 1;
	c = strcmp(ra->sort_name, rb->sort_name);
	if (c)
		return c;
	return ra->seq < rb->seq ? -1 : ra->seq > rb->seq;
}

/* ---- rendering ---- */

static void add_doc(struct strbuf *sb, const char *indent, const char *doc)
{
	const char *p = doc;

	while (p && *p) {
		size_t n = strcspn(p, "\n");
		strbuf_addf(sb, "%s///", indent);
		if (n && p[0] != ' ')
			strbuf_addch(sb, ' ');
		strbuf_add(sb, p, n);
		strbuf_addch(sb, '\n');
		p += n;
		if (*p)
			p++;
	}
}

static bool value_sanitized_equal(const char *name, const char *db);

static void render_field(struct ictx *x, uint32_t tid, uint32_t c, struct strbuf *sb)
{
	const struct sqlschema *s = x->s;
	const struct sql_table *t = &s->tables[tid];
	struct imodel *m = &x->models[tid];
	uint32_t cid = t->first_column + c;
	const struct sql_column *col = &s->columns[cid];
	struct strbuf native = STRBUF_INIT;
	const char *scalar = scalar_type(x, &col->type, &native);
	const char *name = m->col_names[c];

	if (col->description)
		m->comments = true;
	if (m->col_prev[c] != NONE && x->pdb->fields[m->col_prev[c]].doc)
		add_doc(sb, "  ", x->pdb->fields[m->col_prev[c]].doc);
	if (!name) {
		/* Prisma comments the field out */
		strbuf_addstr(sb, "  // This field was commented out because of an invalid name. Please "
				  "provide a valid one that matches [a-zA-Z][a-zA-Z0-9_]*\n  // ");
		name = col->name;
	} else {
		strbuf_addstr(sb, "  ");
	}
	strbuf_addf(sb, "%s ", name);
	if (scalar) {
		strbuf_addstr(sb, scalar);
	} else {
		strbuf_addstr(sb, "Unsupported(");
		if (col->type.array) {
			struct strbuf u = STRBUF_INIT;
			strbuf_addf(&u, "_%s", col->type.unsupported);
			add_psl_string(sb, u.buf);
			strbuf_release(&u);
		} else {
			add_psl_string(sb, col->type.unsupported ? col->type.unsupported : "");
		}
		strbuf_addch(sb, ')');
		strbuf_addf(&x->w_unsupported, "  - Model: \"%s\", field: \"%s\", original data type: \"%s%s\"\n",
			    m->name, name, col->type.array ? "_" : "",
			    col->type.unsupported ? col->type.unsupported : "");
	}
	if (col->type.array)
		strbuf_addstr(sb, "[]");
	else if (col->nullable)
		strbuf_addch(sb, '?');
	field_index_attrs(x, tid, cid, sb);
	render_default(x, col, scalar, sb);
	if (m->col_mapped[c] && m->col_prev[c] != NONE && !value_sanitized_equal(name, col->name))
		strbuf_addf(&x->w_map_fields, "  - Model: \"%s\", field: \"%s\"\n", m->name, name);
	if (m->col_mapped[c]) {
		strbuf_addstr(sb, " @map(");
		add_psl_string(sb, col->name);
		strbuf_addch(sb, ')');
	}
	if (native.len)
		strbuf_addf(sb, " %s", native.buf);
	/* keep @updatedAt and client defaults of the previous schema */
	if (m->col_prev[c] != NONE) {
		const struct psl_db_field *pf = &x->pdb->fields[m->col_prev[c]];
		if (pf->updated_at)
			strbuf_addstr(sb, " @updatedAt");
		if (col->dflt.kind == SQL_DEFAULT_NONE && !col->identity && !col->generated) {
			switch (pf->dflt.kind) {
			case PSL_DEFAULT_CUID: strbuf_addstr(sb, " @default(cuid())"); break;
			case PSL_DEFAULT_UUID: strbuf_addstr(sb, " @default(uuid())"); break;
			case PSL_DEFAULT_NANOID: strbuf_addstr(sb, " @default(nanoid())"); break;
			case PSL_DEFAULT_ULID: strbuf_addstr(sb, " @default(ulid())"); break;
			default: break;
			}
		}
		if (pf->ignored)
			strbuf_addstr(sb, " @ignore");
	}
	strbuf_addch(sb, '\n');
	strbuf_release(&native);
}

static void render_model(struct ictx *x, uint32_t tid, size_t *relpos, struct strbuf *out)
{
	const struct sqlschema *s = x->s;
	const struct sql_table *t = &s->tables[tid];
	struct imodel *m = &x->models[tid];
	struct strbuf body = STRBUF_INIT, attrs = STRBUF_INIT;
	uint32_t c;

	m->comments = t->description != NULL;
	if (t->description)
		strbuf_addf(&x->w_comments, "  - Type: \"model\", name: \"%s\"\n", m->name);
	for (c = 0; c < t->ncolumns; c++) {
		render_field(x, tid, c, &body);
		if (s->columns[t->first_column + c].description)
			strbuf_addf(&x->w_comments, "  - Type: \"field\", name: \"%s.%s\"\n", m->name,
				    m->col_names[c] ? m->col_names[c] : s->columns[t->first_column + c].name);
	}
	while (*relpos < x->nrels && x->rels[*relpos].model == tid) {
		strbuf_addstr(&body, x->rels[*relpos].text);
		(*relpos)++;
	}
	block_index_attrs(x, tid, &attrs);
	if (m->mapped && m->prev != NONE && !value_sanitized_equal(m->name, t->name))
		strbuf_addf(&x->w_map_models, "  - \"%s\"\n", m->name);
	if (m->mapped) {
		strbuf_addstr(&attrs, "  @@map(");
		add_psl_string(&attrs, t->name);
		strbuf_addstr(&attrs, ")\n");
	}
	if (x->multischema)
		strbuf_addf(&attrs, "  @@schema(\"%s\")\n", s->namespaces[t->namespace_id].name);
	if (m->ignored) {
		strbuf_addstr(&attrs, "  @@ignore\n");
		strbuf_addf(&x->w_ignored, "  - \"%s\"\n", m->name);
	}

	if (m->prev != NONE && x->pdb->models[m->prev].doc)
		add_doc(out, "", x->pdb->models[m->prev].doc);
	if (m->ignored)
		add_doc(out, "", "The underlying table does not contain a valid unique identifier and "
				 "can therefore currently not be handled by Prisma Client.");
	if (m->comments) {
		add_doc(out, "", "This model or at least one of its fields has comments in the database, "
				 "and requires an additional setup for migrations: Read more: "
				 "https://pris.ly/d/database-comments");
	}
	if (m->expr_index)
		add_doc(out, "", "This model contains an expression index which requires additional "
				 "setup for migrations. Visit https://pris.ly/d/expression-indexes for "
				 "more info.");
	strbuf_addf(out, "model %s {\n", m->name);
	strbuf_addbuf(out, &body);
	if (attrs.len) {
		strbuf_addch(out, '\n');
		strbuf_addbuf(out, &attrs);
	}
	strbuf_addstr(out, "}\n\n");
	strbuf_release(&body);
	strbuf_release(&attrs);
}

/* a value name that sanitising alone produces is not an enrichment */
static bool value_sanitized_equal(const char *name, const char *db)
{
	struct strbuf sb = STRBUF_INIT;
	bool r;

	introspect_sanitize(db, &sb);
	r = !strcmp(sb.buf, name);
	strbuf_release(&sb);
	return r;
}

/*
 * The previous view's unique criteria whose fields all still exist: field
 * level (@unique on field f, sb gets " @unique") when f is given, else the
 * block level ones ("  @@unique([a, b])" lines). A view has no keys in the
 * database: these only come from the previous schema.
 */
static void prev_view_uniques(const struct ictx *x, const struct iview *iv, uint32_t field,
			      struct strbuf *sb)
{
	const struct sql_view *sv = &x->s->views[iv->view_id];
	const struct psl_db_model *m;
	uint32_t i, k, c;

	if (iv->prev == NONE)
		return;
	m = &x->pdb->models[iv->prev];
	for (i = m->first_index; i < m->first_index + m->nindexes; i++) {
		const struct psl_db_index *pi = &x->pdb->indexes[i];
		bool all = true;
		if (pi->kind != PSL_INDEX_UNIQUE || !pi->nfields)
			continue;
		if (field != NONE) {
			if (!pi->field_level || pi->fields[0].field_id != field)
				continue;
		} else if (pi->field_level) {
			continue;
		}
		for (k = 0; k < pi->nfields && all; k++) {
			bool found = false;
			for (c = 0; c < sv->ncolumns; c++)
				if (iv->col_prev[c] == pi->fields[k].field_id && iv->col_names[c])
					found = true;
			all = found;
		}
		if (!all)
			continue;
		if (field != NONE) {
			strbuf_addstr(sb, " @unique");
			if (pi->map) {
				strbuf_addstr(sb, "(map: ");
				add_psl_string(sb, pi->map);
				strbuf_addch(sb, ')');
			}
			continue;
		}
		strbuf_addstr(sb, "  @@unique([");
		for (k = 0; k < pi->nfields; k++)
			strbuf_addf(sb, "%s%s", k ? ", " : "", x->pdb->fields[pi->fields[k].field_id].name);
		strbuf_addch(sb, ']');
		if (pi->name) {
			strbuf_addstr(sb, ", name: ");
			add_psl_string(sb, pi->name);
		}
		if (pi->map) {
			strbuf_addstr(sb, ", map: ");
			add_psl_string(sb, pi->map);
		}
		strbuf_addstr(sb, ")\n");
	}
}

/*
 * A view block: its columns as fields, optional (a view says nothing of
 * nullability; a field of the previous schema keeps its arity), no
 * defaults; names, docs and unique criteria of the previous schema kept.
 */
static void render_view(struct ictx *x, uint32_t v, struct strbuf *out)
{
	const struct sqlschema *s = x->s;
	const struct sql_view *sv = &s->views[v];
	struct iview *iv = &x->iviews[v];
	struct strbuf body = STRBUF_INIT, attrs = STRBUF_INIT;
	uint32_t c;

	for (c = 0; c < sv->ncolumns; c++) {
		const struct sql_column *col = &s->view_columns[sv->first_column + c];
		struct strbuf native = STRBUF_INIT;
		const char *scalar = scalar_type(x, &col->type, &native);
		const char *name = iv->col_names[c];
		uint32_t pf = iv->col_prev[c];

		if (pf != NONE && x->pdb->fields[pf].doc)
			add_doc(&body, "  ", x->pdb->fields[pf].doc);
		if (!name) {
			strbuf_addstr(&body, "  // This field was commented out because of an invalid name. "
					     "Please provide a valid one that matches "
					     "[a-zA-Z][a-zA-Z0-9_]*\n  // ");
			name = col->name;
		} else {
			strbuf_addstr(&body, "  ");
		}
		strbuf_addf(&body, "%s ", name);
		if (scalar) {
			strbuf_addstr(&body, scalar);
		} else {
			struct strbuf u = STRBUF_INIT;
			strbuf_addf(&u, "%s%s", col->type.array ? "_" : "",
				    col->type.unsupported ? col->type.unsupported : "");
			strbuf_addstr(&body, "Unsupported(");
			add_psl_string(&body, u.buf);
			strbuf_addch(&body, ')');
			strbuf_addf(&x->w_unsupported_views, "  - View: \"%s\", field: \"%s\", original "
				    "data type: \"%s\"\n", iv->name, name, u.buf);
			strbuf_release(&u);
		}
		if (col->type.array)
			strbuf_addstr(&body, "[]");
		else if (pf == NONE || x->pdb->fields[pf].optional)
			strbuf_addch(&body, '?');
		if (pf != NONE)
			prev_view_uniques(x, iv, pf, &body);
		if (iv->col_mapped[c] && pf != NONE && !value_sanitized_equal(name, col->name))
			strbuf_addf(&x->w_map_view_fields, "  - View: \"%s\", field: \"%s\"\n",
				    iv->name, name);
		if (iv->col_mapped[c]) {
			strbuf_addstr(&body, " @map(");
			add_psl_string(&body, col->name);
			strbuf_addch(&body, ')');
		}
		if (native.len)
			strbuf_addf(&body, " %s", native.buf);
		if (pf != NONE && x->pdb->fields[pf].ignored)
			strbuf_addstr(&body, " @ignore");
		strbuf_addch(&body, '\n');
		strbuf_release(&native);
	}
	prev_view_uniques(x, iv, NONE, &attrs);
	if (iv->mapped && iv->prev != NONE && !value_sanitized_equal(iv->name, sv->name))
		strbuf_addf(&x->w_map_views, "  - \"%s\"\n", iv->name);
	if (iv->mapped) {
		strbuf_addstr(&attrs, "  @@map(");
		add_psl_string(&attrs, sv->name);
		strbuf_addstr(&attrs, ")\n");
	}
	if (x->multischema)
		strbuf_addf(&attrs, "  @@schema(\"%s\")\n", s->namespaces[sv->namespace_id].name);
	if (iv->prev != NONE && x->pdb->models[iv->prev].doc)
		add_doc(out, "", x->pdb->models[iv->prev].doc);
	strbuf_addf(out, "view %s {\n", iv->name);
	strbuf_addbuf(out, &body);
	if (attrs.len) {
		strbuf_addch(out, '\n');
		strbuf_addbuf(out, &attrs);
	}
	strbuf_addstr(out, "}\n\n");
	strbuf_release(&body);
	strbuf_release(&attrs);
}

static void render_enum(struct ictx *x, uint32_t e, struct strbuf *out)
{
	const struct sql_enum *se = &x->s->enums[e];
	struct ienum *ie = &x->enums[e];
	uint32_t v;

	if (ie->prev != NONE && x->pdb->enums[ie->prev].doc)
		add_doc(out, "", x->pdb->enums[ie->prev].doc);
	strbuf_addf(out, "enum %s {\n", ie->name);
	for (v = 0; v < se->nvalues; v++) {
		strbuf_addf(out, "  %s", ie->value_names[v]);
		if (ie->value_mapped[v] && ie->prev != NONE &&
		    strcmp(ie->value_names[v], se->values[v]) && !value_sanitized_equal(ie->value_names[v], se->values[v]))
			strbuf_addf(&x->w_map_values, "  - Enum: \"%s\", value: \"%s\"\n", ie->name,
				    ie->value_names[v]);
		if (ie->value_mapped[v]) {
			strbuf_addstr(out, " @map(");
			add_psl_string(out, se->values[v]);
			strbuf_addch(out, ')');
		}
		strbuf_addch(out, '\n');
	}
	if (ie->mapped || x->multischema)
		strbuf_addch(out, '\n');
	if (ie->mapped && ie->prev != NONE && !value_sanitized_equal(ie->name, se->name))
		strbuf_addf(&x->w_map_enums, "  - \"%s\"\n", ie->name);
	if (ie->mapped) {
		strbuf_addstr(out, "  @@map(");
		add_psl_string(out, se->name);
		strbuf_addstr(out, ")\n");
	}
	if (x->multischema)
		strbuf_addf(out, "  @@schema(\"%s\")\n", x->s->namespaces[se->namespace_id].name);
	strbuf_addstr(out, "}\n\n");
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The datasource and generator blocks of the previous schema, as written. */
static void render_config(struct ictx *x, struct strbuf *out)
{
	const struct psl_schema *p = x->in->prev;
	uint32_t i, k, start;

	if (!p)
		return;
	for (i = 0; i < p->nblocks; i++) {
		const struct psl_block *b = &p->blocks[i];
		const struct psl_source *src;
		if (b->kind != PSL_BLOCK_DATASOURCE && b->kind != PSL_BLOCK_GENERATOR)
			continue;
		if (b->span.file != x->in->prev_file)
			continue;
		src = &p->sources[b->span.file];
		if (b->doc)
			add_doc(out, "", b->doc);
		start = b->span.start;
		for (k = 0; k < b->nprops; k++) {
			/* Prisma writes the datasource's schemas and the preview features sorted */
			const struct psl_prop *pp = &b->props[k];
			const char *sorted_prop = b->kind == PSL_BLOCK_DATASOURCE ? "schemas" :
				"previewFeatures";
			const char **items;
			uint32_t j;
			if (strcmp(pp->name, sorted_prop) || !pp->value ||
			    pp->value->kind != PSL_EXPR_ARRAY)
				continue;
			items = xmalloc(sizeof(char *) * (pp->value->nitems + 1));
			for (j = 0; j < pp->value->nitems; j++)
				items[j] = pp->value->items[j]->str ? pp->value->items[j]->str : "";
			qsort(items, pp->value->nitems, sizeof(char *), cmp_str);
			strbuf_add(out, src->text + start, pp->value->span.start - start);
			strbuf_addch(out, '[');
			for (j = 0; j < pp->value->nitems; j++) {
				if (j)
					strbuf_addstr(out, ", ");
				add_psl_string(out, items[j]);
			}
			strbuf_addch(out, ']');
			start = pp->value->span.end;
			free(items);
		}
		strbuf_add(out, src->text + start, b->span.end - start);
		strbuf_addstr(out, "\n\n");
	}
}

/* model order: tables by schema name, then name */
static const struct sqlschema *cmp_s;

static int cmp_ns(uint32_t a, uint32_t b)
{
	if (a == b || a >= cmp_s->nnamespaces || b >= cmp_s->nnamespaces)
		return 0;
	return strcmp(cmp_s->namespaces[a].name, cmp_s->namespaces[b].name);
}
static const struct imodel *cmp_models;
static const struct ienum *cmp_enums;
static int cmp_table(const void *a, const void *b)
{
	uint32_t ia = *(const uint32_t *)a, ib = *(const uint32_t *)b;
	uint32_t pa = cmp_models[ia].prev, pb = cmp_models[ib].prev;
	int c;

	/* re-introspection: the previous schema's models first, in its order */
	if (pa != pb)
		return pa < pb ? -1 : 1;
	/* then by schema (one unless multiSchema) and table name */
	c = cmp_ns(cmp_s->tables[ia].namespace_id, cmp_s->tables[ib].namespace_id);
	if (!c)
		c = strcmp(cmp_s->tables[ia].name, cmp_s->tables[ib].name);
	return c ? c : (ia < ib ? -1 : ia > ib);
}

static const struct iview *cmp_views;
static int cmp_view(const void *a, const void *b)
{
	uint32_t ia = *(const uint32_t *)a, ib = *(const uint32_t *)b;
	uint32_t pa = cmp_views[ia].prev, pb = cmp_views[ib].prev;
	int c;

	if (pa != pb)
		return pa < pb ? -1 : 1;
	/* by name only (whatever the schema), unlike models and enums */
	c = strcmp(cmp_s->views[ia].name, cmp_s->views[ib].name);
	return c ? c : (ia < ib ? -1 : ia > ib);
}

static int cmp_enum(const void *a, const void *b)
{
	uint32_t ia = *(const uint32_t *)a, ib = *(const uint32_t *)b;
	uint32_t pa = cmp_enums[ia].prev, pb = cmp_enums[ib].prev;
	int c;

	if (pa != pb)
		return pa < pb ? -1 : 1;
	c = cmp_ns(cmp_s->enums[ia].namespace_id, cmp_s->enums[ib].namespace_id);
	if (!c)
		c = strcmp(cmp_s->enums[ia].name, cmp_s->enums[ib].name);
	return c ? c : (ia < ib ? -1 : ia > ib);
}

static bool skipped_table(const struct ictx *x, uint32_t t)
{
	return x->models[t].join || !strcmp(x->s->tables[t].name, "_prisma_migrations");
}

static void add_warning(struct strbuf *w, const char *message, const struct strbuf *items)
{
	if (!items->len)
		return;
	if (w->len)
		strbuf_addch(w, '\n');
	strbuf_addf(w, "%s\n", message);
	strbuf_addbuf(w, items);
}

void introspect_result_init(struct introspect_result *r)
{
	memset(r, 0, sizeof(*r));
	strbuf_init(&r->schema, 0);
	strbuf_init(&r->warnings, 0);
}

void introspect_result_release(struct introspect_result *r)
{
	strbuf_release(&r->schema);
	strbuf_release(&r->warnings);
}

int introspect_schema(const struct introspect_input *in, struct introspect_result *r,
		      struct mesdb_err *err)
{
	struct ictx x;
	const struct sqlschema *s = in->sql;
	struct strbuf text = STRBUF_INIT;
	struct psl_schema ps;
	struct strbuf *texts;
	uint32_t *order, i, n;
	size_t relpos = 0;
	int ret = -1;

	memset(&x, 0, sizeof(x));
	x.in = in;
	x.s = s;
	x.pdb = in->prev_db;
	arena_init(&x.arena);
	strbuf_init(&x.w_unsupported, 0);
	strbuf_init(&x.w_ignored, 0);
	strbuf_init(&x.w_expr, 0);
	strbuf_init(&x.w_comments, 0);
	strbuf_init(&x.w_map_enums, 0);
	strbuf_init(&x.w_map_values, 0);
	strbuf_init(&x.w_map_models, 0);
	strbuf_init(&x.w_map_fields, 0);
	strbuf_init(&x.w_map_view_fields, 0);
	strbuf_init(&x.w_unsupported_views, 0);
	strbuf_init(&x.w_map_views, 0);
	strbuf_init(&x.w_duplicates, 0);
	{
		const struct psl_db *cfg = in->config_db ? in->config_db : x.pdb;
		if (cfg) {
			x.multischema = cfg->has_datasource && cfg->datasource.nschemas > 0;
			x.views = cfg->preview_views;
		}
	}
	x.models = xcalloc(s->ntables + 1, sizeof(*x.models));
	x.enums = xcalloc(s->nenums + 1, sizeof(*x.enums));
	x.iviews = xcalloc(s->nviews + 1, sizeof(*x.iviews));
	name_enums(&x);
	name_models(&x);
	name_views(&x);
	dedupe_names(&x);
	fk_relations(&x);
	join_relations(&x);
	if (x.nrels)
		qsort(x.rels, x.nrels, sizeof(*x.rels), cmp_relfield);

	render_config(&x, &text);
	order = xmalloc(sizeof(uint32_t) * (s->ntables + s->nenums + s->nviews + 1));
	for (i = n = 0; i < s->ntables; i++)
		if (!skipped_table(&x, i))
			order[n++] = i;
	/* render in table order (Prisma lists the warnings so), print in model order */
	texts = xcalloc(s->ntables + 1, sizeof(*texts));
	for (i = 0; i < n; i++) {
		uint32_t t = order[i];
		strbuf_init(&texts[t], 0);
		relpos = 0;
		while (relpos < x.nrels && x.rels[relpos].model != t)
			relpos++;
		render_model(&x, t, &relpos, &texts[t]);
		r->nmodels++;
	}
	cmp_s = s;
	cmp_models = x.models;
	cmp_enums = x.enums;
	qsort(order, n, sizeof(uint32_t), cmp_table);
	for (i = 0; i < n; i++) {
		strbuf_addbuf(&text, &texts[order[i]]);
		strbuf_release(&texts[order[i]]);
	}
	free(texts);
	/* views after the models (views preview feature) */
	for (i = n = 0; i < s->nviews; i++)
		if (introspected_view(&x, i))
			order[n++] = i;
	cmp_views = x.iviews;
	qsort(order, n, sizeof(uint32_t), cmp_view);
	for (i = 0; i < n; i++) {
		render_view(&x, order[i], &text);
		r->nviews++;
	}
	for (i = n = 0; i < s->nenums; i++)
		order[n++] = i;
	qsort(order, n, sizeof(uint32_t), cmp_enum);
	for (i = 0; i < n; i++) {
		render_enum(&x, order[i], &text);
		r->nenums++;
	}
	free(order);

	/* Prisma's order (its warnings Display) */
	add_warning(&r->warnings,
		    "These fields were enriched with `@map` information taken from the previous "
		    "Prisma schema:", &x.w_map_fields);
	add_warning(&r->warnings,
		    "These fields were enriched with `@map` information taken from the previous "
		    "Prisma schema:", &x.w_map_view_fields);
	add_warning(&r->warnings,
		    "The following models were ignored as they do not have a valid unique identifier "
		    "or id. This is currently not supported by Prisma Client:", &x.w_ignored);
	add_warning(&r->warnings,
		    "These fields are not supported by Prisma Client, because Prisma currently does "
		    "not support their types:", &x.w_unsupported);
	add_warning(&r->warnings,
		    "These fields are not supported by Prisma Client, because Prisma currently does "
		    "not support their types:", &x.w_unsupported_views);
	add_warning(&r->warnings,
		    "These models were enriched with `@@map` information taken from the previous "
		    "Prisma schema:", &x.w_map_models);
	add_warning(&r->warnings,
		    "These views were enriched with `@@map` information taken from the previous "
		    "Prisma schema:", &x.w_map_views);
	add_warning(&r->warnings,
		    "These enum values were enriched with `@map` information taken from the previous "
		    "Prisma schema:", &x.w_map_values);
	add_warning(&r->warnings,
		    "These enums were enriched with `@@map` information taken from the previous "
		    "Prisma schema:", &x.w_map_enums);
	add_warning(&r->warnings,
		    "These items were renamed due to their names being duplicates in the Prisma "
		    "schema:", &x.w_duplicates);
	add_warning(&r->warnings,
		    "These objects have comments defined in the database, which is not yet fully "
		    "supported. Read more: https://pris.ly/d/database-comments", &x.w_comments);
	add_warning(&r->warnings,
		    "These indexes are not supported by Prisma Client, because Prisma currently does "
		    "not fully support expression indexes. Read more: https://pris.ly/d/expression-indexes",
		    &x.w_expr);

	/* parse the text again and print it the way prisma format does */
	psl_schema_init(&ps);
	psl_schema_add_source(&ps, "introspected.prisma", text.buf, text.len);
	psl_parse(&ps, 0);
	if (ps.nerrors) {
		mesdb_error(err, MESDB_E_INTERNAL, "the introspected schema does not parse: %s",
			    ps.diags[0].message);
		mesdb_err_detail(err, "%s", text.buf);
	} else if (psl_format(&ps, 0, &r->schema) == 0) {
		ret = 0;
	} else {
		mesdb_error(err, MESDB_E_INTERNAL, "could not format the introspected schema");
	}
	/* the formatter ends with one blank line after the last block: the file has none */
	while (r->schema.len >= 2 && r->schema.buf[r->schema.len - 1] == '\n' &&
	       r->schema.buf[r->schema.len - 2] == '\n')
		strbuf_setlen(&r->schema, r->schema.len - 1);
	psl_schema_release(&ps);

	for (i = 0; i < x.nrels; i++)
		free(x.rels[i].text);
	free(x.rels);
	for (i = 0; i < s->ntables; i++)
		strbuf_release(&x.models[i].rel);
	free(x.models);
	free(x.iviews);
	free(x.enums);
	strbuf_release(&x.w_map_view_fields);
	strbuf_release(&x.w_unsupported_views);
	strbuf_release(&x.w_map_views);
	strbuf_release(&x.w_duplicates);
	strbuf_release(&x.w_unsupported);
	strbuf_release(&x.w_ignored);
	strbuf_release(&x.w_expr);
	strbuf_release(&x.w_comments);
	strbuf_release(&x.w_map_enums);
	strbuf_release(&x.w_map_values);
	strbuf_release(&x.w_map_models);
	strbuf_release(&x.w_map_fields);
	strbuf_release(&text);
	arena_release(&x.arena);
	return ret;
}
