/* validate_attrs.c - the attribute pass: field, model and enum attributes, ids, indexes, defaults */

/*
 * Owns: reading every attribute of the schema the way Prisma's parser
 * database does — one attribute set at a time (a field, an enum value, a
 * block), each known attribute visited in a fixed order, its arguments
 * consumed by name, what is left reported ("No such argument.", "Attribute
 * not known"). Fills db->fields' db_name/ignored/updated_at/dflt,
 * db->models' db_name/schema/ignored/primary_key and db->indexes, and calls
 * psl_vrel_attribute() for each relation field's @relation.
 * Must not: judge anything that needs the datasource (native type names,
 * constraint names): that is validate_checks.c, run later.
 */

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "psl/validate_priv.h"

/* ---- the attribute-set state machine ---- */

/*
 * The attribute names the visitors ask for, classified once per attribute
 * set (st_begin), so that asking for an attribute the set does not have is
 * one bit test. ORDER ATTR
 */
enum attr_key {
	ATTR_MAP, ATTR_IGNORE, ATTR_RELATION, ATTR_ID, ATTR_UPDATED_AT, ATTR_DEFAULT, ATTR_UNIQUE,
	ATTR_SCHEMA, ATTR_INDEX, ATTR_FULLTEXT,
	ATTR_SCOPED,                   /* any name with a `.`: @db.VarChar */
	ATTR_OTHER,
};

/* ORDER ATTR */
static const char *const attr_key_names[] = {
	"map", "ignore", "relation", "id", "updatedAt", "default", "unique", "schema", "index",
	"fulltext",
};

static enum attr_key attr_key_of(const char *name)
{
	enum attr_key k;

	_Static_assert(ARRAY_SIZE(attr_key_names) == ATTR_SCOPED, "attr_key_names follows ORDER ATTR");
	switch (name[0]) {
	case 'm': k = ATTR_MAP; break;
	case 'r': k = ATTR_RELATION; break;
	case 'd': k = ATTR_DEFAULT; break;
	case 's': k = ATTR_SCHEMA; break;
	case 'f': k = ATTR_FULLTEXT; break;
	case 'u': k = name[1] == 'n' ? ATTR_UNIQUE : ATTR_UPDATED_AT; break;
	case 'i': k = name[1] == 'g' ? ATTR_IGNORE : name[1] == 'n' ? ATTR_INDEX : ATTR_ID; break;
	default: k = ATTR_OTHER; break;
	}
	if (k != ATTR_OTHER && !strcmp(name, attr_key_names[k]))
		return k;
	return strchr(name, '.') ? ATTR_SCOPED : ATTR_OTHER;
}

struct psl_vattr_state {
	struct psl_vctx *ctx;
	const struct psl_attr *attrs;
	uint32_t nattrs;
	bool *unused;                  /* per attribute of the set */
	uint32_t aunused;
	unsigned char *keys;           /* per attribute of the set: enum attr_key */
	uint32_t akeys;
	unsigned present;              /* bit (1 << enum attr_key) per key in the set */
	const struct psl_attr *cur;    /* the attribute whose arguments are being read */
	bool *live;                    /* per argument of cur: still to be consumed */
	uint32_t alive;
};

static void st_begin(struct psl_vattr_state *st, const struct psl_attr *attrs, uint32_t n)
{
	st->attrs = attrs;
	st->nattrs = n;
	st->present = 0;
	ALLOC_GROW(st->unused, n, st->aunused);
	ALLOC_GROW(st->keys, n, st->akeys);
	for (uint32_t i = 0; i < n; i++) {
		enum attr_key k = attr_key_of(attrs[i].name);
		st->unused[i] = true;
		st->keys[i] = (unsigned char)k;
		st->present |= 1u << k;
	}
	st->cur = NULL;
}

static void arglist_checks(struct psl_vattr_state *st, const struct psl_attr *a,
			   const struct psl_arg *args, uint32_t nargs, bool trailing,
			   struct psl_span trailing_span, bool *valid)
{
	struct psl_vctx *ctx = st->ctx;

	for (uint32_t i = 0; i < nargs; i++) {
		if (args[i].value)
			continue;
		psl_verr_attr(ctx, args[i].name_span, psl_vattr_fullname(ctx, a),
			      "The `%s` argument is missing a value.",
			      args[i].name ? args[i].name : "");
		*valid = false;
	}
	for (uint32_t i = 0; i < nargs; i++) {
		const struct psl_expr *v = args[i].value;
		if (!v || v->kind != PSL_EXPR_ARRAY)
			continue;
		for (uint32_t j = 0; j < v->nitems; j++) {
			const struct psl_expr *it = v->items[j];
			if (it->kind != PSL_EXPR_FUNC)
				continue;
			for (uint32_t k = 0; k < it->nargs; k++) {
				if (it->args[k].value)
					continue;
				psl_verr_attr(ctx, it->args[k].name_span,
					      arena_printf(&ctx->db->arena, "@@%s", a->name),
					      "The `%s` argument is missing a value.",
					      it->args[k].name ? it->args[k].name : "");
			}
		}
	}
	if (trailing) {
		psl_verr_attr(ctx, trailing_span, psl_vattr_fullname(ctx, a),
			      "Trailing commas are not valid in attribute arguments, please remove the comma.");
	}
}

static bool same_key(const struct psl_arg *a, const struct psl_arg *b)
{
	if (!a->name || !b->name)
		return !a->name && !b->name;
	return !strcmp(a->name, b->name);
}

/* Start reading the arguments of a (Prisma's set_attribute). */
static bool st_set(struct psl_vattr_state *st, const struct psl_attr *a)
{
	struct psl_vctx *ctx = st->ctx;
	bool valid = true;

	if (a->has_parens)
		arglist_checks(st, a, a->args, a->nargs, a->trailing_comma, a->trailing_comma_span, &valid);
	for (uint32_t i = 0; i < a->nargs; i++) {
		const struct psl_expr *v = a->args[i].value;
		if (v && v->kind == PSL_EXPR_FUNC)
			arglist_checks(st, a, v->args, v->nargs, v->trailing_comma, v->trailing_comma_span,
				       &valid);
	}
	if (!valid)
		return false;

	st->cur = a;
	ALLOC_GROW(st->live, a->nargs, st->alive);
	struct strbuf unnamed = STRBUF_INIT;
	bool have_unnamed = false;
	for (uint32_t i = 0; i < a->nargs; i++) {
		st->live[i] = true;
		for (uint32_t j = 0; j < i; j++) {
			if (!st->live[j] || !same_key(&a->args[j], &a->args[i]))
				continue;
			st->live[j] = false;
			if (!a->args[i].name) {
				if (!have_unnamed) {
					psl_vexpr_str(&unnamed, a->args[j].value);
					have_unnamed = true;
				}
				strbuf_addstr(&unnamed, ", ");
				psl_vexpr_str(&unnamed, a->args[i].value);
			} else {
				psl_verr(ctx, a->args[i].span, "Argument \"%s\" is already specified.",
					 a->args[i].name);
			}
			break;
		}
	}
	if (have_unnamed)
		psl_vattr_error(ctx, a,
				"You provided multiple unnamed arguments. This is not possible. Did you forget the brackets? Did you mean `[%s]`?",
				unnamed.buf);
	strbuf_release(&unnamed);
	return true;
}

/* visit_optional_single_attr (the set has an attribute `key`) */
static bool st_single_found(struct psl_vattr_state *st, enum attr_key key)
{
	uint32_t first = UINT32_MAX, count = 0;

	for (uint32_t i = 0; i < st->nattrs; i++) {
		if (st->keys[i] != key)
			continue;
		if (first == UINT32_MAX)
			first = i;
		count++;
	}
	if (count > 1) {
		for (uint32_t i = 0; i < st->nattrs; i++) {
			if (st->keys[i] != key)
				continue;
			psl_verr(st->ctx, psl_vattr_span(&st->attrs[i]),
				 "Attribute \"@%s\" can only be defined once.", attr_key_names[key]);
			st->unused[i] = false;
		}
		return false;
	}
	st->unused[first] = false;
	return st_set(st, &st->attrs[first]);
}

/* visit_optional_single_attr */
static inline bool st_single(struct psl_vattr_state *st, enum attr_key key)
{
	return (st->present & (1u << key)) && st_single_found(st, key);
}

/* visit_repeated_attr */
static bool st_repeated(struct psl_vattr_state *st, enum attr_key key)
{
	if (!(st->present & (1u << key)))
		return false;
	for (uint32_t i = 0; i < st->nattrs; i++) {
		if (!st->unused[i] || st->keys[i] != key)
			continue;
		st->unused[i] = false;
		if (st_set(st, &st->attrs[i]))
			return true;
	}
	return false;
}

/* visit_datasource_scoped: the last `@x.Y` attribute; duplicates reported. */
static const struct psl_attr *st_scoped(struct psl_vattr_state *st)
{
	const struct psl_attr *found = NULL;

	if (!(st->present & (1u << ATTR_SCOPED)))
		return NULL;
	for (uint32_t i = 0; i < st->nattrs; i++) {
		const struct psl_attr *a = &st->attrs[i];
		if (st->keys[i] != ATTR_SCOPED)
			continue;
		const char *dot = strchr(a->name, '.');
		st->unused[i] = false;
		if (found)
			psl_verr(st->ctx, psl_vattr_span(a), "Attribute \"@%.*s\" can only be defined once.",
				 (int)(dot - a->name), a->name);
		found = a;
	}
	return found;
}

/* visit_default_arg_with_idx: the argument `name` or the unnamed one. */
static const struct psl_expr *st_default_arg(struct psl_vattr_state *st, const char *name,
					     bool report, uint32_t *idx)
{
	const struct psl_attr *a = st->cur;
	uint32_t named = UINT32_MAX, unnamed = UINT32_MAX;
	for (uint32_t i = 0; i < a->nargs; i++) {
		if (!st->live[i])
			continue;
		if (!a->args[i].name)
			unnamed = i;
		else if (!strcmp(a->args[i].name, name))
			named = i;
	}
	if (named != UINT32_MAX && unnamed != UINT32_MAX) {
		st->live[named] = st->live[unnamed] = false;
		if (report)
			psl_verr(st->ctx, a->args[named].span,
				 "Argument \"%s\" is already specified as unnamed argument.", name);
		return NULL;
	}
	if (named == UINT32_MAX && unnamed == UINT32_MAX) {
		if (report)
			psl_verr(st->ctx, psl_vattr_span(a), "Argument \"%s\" is missing.", name);
		return NULL;
	}
	uint32_t i = named != UINT32_MAX ? named : unnamed;
	st->live[i] = false;
	if (idx)
		*idx = i;
	return a->args[i].value;
}

static const struct psl_expr *st_optional_arg(struct psl_vattr_state *st, const char *name)
{
	const struct psl_attr *a = st->cur;
	for (uint32_t i = 0; i < a->nargs; i++) {
		if (st->live[i] && a->args[i].name && !strcmp(a->args[i].name, name)) {
			st->live[i] = false;
			return a->args[i].value;
		}
	}
	return NULL;
}

/* The argument API of validate_internal.h, for psl_vrel_attribute(). */
const struct psl_expr *psl_vrel_arg(struct psl_vctx *ctx, const char *name)
{
	struct psl_vattr_state *st = ctx->priv->attr_state;
	return st && st->cur ? st_optional_arg(st, name) : NULL;
}

const struct psl_expr *psl_vrel_default_arg(struct psl_vctx *ctx, const char *name)
{
	struct psl_vattr_state *st = ctx->priv->attr_state;
	return st && st->cur ? st_default_arg(st, name, false, NULL) : NULL;
}

/* validate_visited_arguments */
static void st_args_done(struct psl_vattr_state *st)
{
	const struct psl_attr *a = st->cur;
	for (uint32_t i = 0; a && i < a->nargs; i++)
		if (st->live[i])
			psl_verr(st->ctx, a->args[i].span, "No such argument.");
	st->cur = NULL;
}

static void st_discard(struct psl_vattr_state *st)
{
	st->cur = NULL;
}

/* validate_visited_attributes */
static void st_end(struct psl_vattr_state *st)
{
	for (uint32_t i = 0; i < st->nattrs; i++)
		if (st->unused[i])
			psl_verr(st->ctx, psl_vattr_span(&st->attrs[i]), "Attribute not known: \"@%s\".",
				 st->attrs[i].name);
	st->nattrs = 0;
}

static void st_error(struct psl_vattr_state *st, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static void st_error(struct psl_vattr_state *st, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	psl_vattr_error(st->ctx, st->cur, "%s", sb.buf);
	strbuf_release(&sb);
}

/* An optional string argument, "" refused with `what` named. */
static const char *st_opt_string(struct psl_vattr_state *st, const char *name)
{
	const struct psl_expr *e = st_optional_arg(st, name);
	if (!e)
		return NULL;
	const char *s = psl_vcoerce_string(st->ctx, e);
	if (s && !*s) {
		st_error(st, "The `%s` argument cannot be an empty string.", name);
		return NULL;
	}
	return s;
}

static int st_sort(struct psl_vattr_state *st)
{
	const struct psl_expr *e = st_optional_arg(st, "sort");
	if (!e)
		return 0;
	const char *c = psl_vcoerce_constant(st->ctx, e);
	if (!c)
		return 0;
	if (!strcmp(c, "Asc"))
		return 1;
	if (!strcmp(c, "Desc"))
		return -1;
	st_error(st, "The `sort` argument can only be `Asc` or `Desc` you provided: %s.", c);
	return 0;
}

static int64_t st_length(struct psl_vattr_state *st)
{
	const struct psl_expr *e = st_optional_arg(st, "length");
	int64_t v;
	if (!e || !psl_vcoerce_integer(st->ctx, e, &v))
		return -1;
	return v;
}

static int st_clustered(struct psl_vattr_state *st)
{
	const struct psl_expr *e = st_optional_arg(st, "clustered");
	bool b;
	if (!e || !psl_vcoerce_bool(st->ctx, e, &b))
		return -1;
	return b ? 1 : 0;
}

/* ---- per-model collection of indexes ---- */

struct vidx {
	struct psl_db_index idx;
	struct psl_vindex_priv pv;
};

struct model_attrs {
	uint32_t mid;
	const struct psl_block *blk;
	struct vidx pk;
	bool has_pk;
	bool ignored;
	struct vidx *idx;              /* ast_indexes, in Prisma's order */
	uint32_t nidx, aidx;
};

static struct vidx *push_index(struct model_attrs *ma)
{
	ALLOC_GROW(ma->idx, ma->nidx + 1, ma->aidx);
	struct vidx *v = &ma->idx[ma->nidx++];
	memset(v, 0, sizeof(*v));
	v->idx.model_id = ma->mid;
	v->idx.clustered = -1;
	v->pv.source_field = PSL_NONE;
	return v;
}

/* ---- field lookups by name (all fields, typed or not) ---- */

/* The AST field named `name` in model mid: its scalar id, relation id | bit, or
 * PSL_NONE if it exists without a type; *exists tells whether the name exists. */
static uint32_t lookup_field_ref(struct psl_vctx *ctx, uint32_t mid, const char *name, size_t len,
				 bool *exists)
{
	uint32_t ref = strmap_getn(&ctx->fields, mid, name, len);
	if (ref != STRMAP_MISSING) {
		*exists = true;
		return ref;
	}
	/* a field without a resolvable type still exists by name */
	*exists = strmap_getn(&ctx->all_fields, mid, name, len) != STRMAP_MISSING;
	return PSL_NONE;
}

/* ---- field arrays of @@id / @@index / @@unique / @@fulltext ---- */

enum { RESOLVE_TOP_LEVEL, RESOLVE_FOLLOW_COMPOSITES };

struct field_arg {
	const char *name;
	int sort;
	int64_t length;
	const char *ops;
};

/* coerce_field_array_with_args: false when an error was reported */
static bool coerce_field_args(struct psl_vctx *ctx, const struct psl_expr *e, struct field_arg *out,
			      uint32_t *n)
{
	const struct psl_expr *const *items = (const struct psl_expr *const *)&e;
	uint32_t nitems = 1;
	bool ok = true;

	if (e->kind == PSL_EXPR_ARRAY) {
		items = (const struct psl_expr *const *)e->items;
		nitems = e->nitems;
	}
	*n = 0;
	for (uint32_t i = 0; i < nitems; i++) {
		const struct psl_expr *it = items[i];
		struct field_arg fa = { NULL, 0, -1, NULL };
		if (it->kind == PSL_EXPR_CONST) {
			fa.name = it->str;
		} else if (it->kind == PSL_EXPR_FUNC) {
			fa.name = it->str;
			const struct psl_arg *a;
			a = NULL;
			for (uint32_t k = 0; k < it->nargs; k++)
				if (it->args[k].name && !strcmp(it->args[k].name, "sort") && !a)
					a = &it->args[k];
			if (a && a->value) {
				const char *c = psl_vcoerce_constant(ctx, a->value);
				if (c && !strcmp(c, "Asc"))
					fa.sort = 1;
				else if (c && !strcmp(c, "Desc"))
					fa.sort = -1;
				else if (c)
					psl_verr(ctx, a->span, "Unexpected token. Expected one of: Asc, Desc");
			}
			a = NULL;
			for (uint32_t k = 0; k < it->nargs; k++)
				if (it->args[k].name && !strcmp(it->args[k].name, "length") && !a)
					a = &it->args[k];
			if (a && a->value) {
				int64_t v;
				if (psl_vcoerce_integer(ctx, a->value, &v) && v >= 0)
					fa.length = v;
			}
			a = NULL;
			for (uint32_t k = 0; k < it->nargs; k++)
				if (it->args[k].name && !strcmp(it->args[k].name, "ops") && !a)
					a = &it->args[k];
			if (a && a->value) {
				const struct psl_expr *v = a->value;
				if (v->kind == PSL_EXPR_CONST) {
					if (psl_vopclass_known(v->str))
						fa.ops = v->str;
					else
						psl_verr(ctx, v->span,
							 "Unexpected token. Expected one of: Invalid operator class: %s",
							 v->str);
				} else if (v->kind == PSL_EXPR_FUNC) {
					if (!strcmp(v->str, "raw")) {
						if (v->nargs == 1 && v->args[0].value &&
						    v->args[0].value->kind == PSL_EXPR_STRING)
							fa.ops = arena_printf(&ctx->db->arena, "raw:%s",
									      v->args[0].value->str);
						else if (v->nargs == 1)
							psl_verr(ctx, v->span,
								 "Unexpected token. Expected one of: Invalid parameter type: expected string");
						else
							psl_verr(ctx, v->span,
								 "Unexpected token. Expected one of: Wrong number of arguments. Expected: 1, got: %u",
								 v->nargs);
					}
				} else {
					psl_verr(ctx, a->span, "Unexpected token. Expected one of: operator class");
				}
			}
		} else {
			struct strbuf sb = STRBUF_INIT;
			psl_vexpr_str(&sb, it);
			psl_verr(ctx, it->span,
				 "Expected a constant literal value, but received %s value `%s`.",
				 psl_vexpr_kind_name(it), sb.buf);
			strbuf_release(&sb);
			ok = false;
			continue;
		}
		out[(*n)++] = fa;
	}
	return ok;
}

static size_t expr_array_len(const struct psl_expr *e)
{
	return e->kind == PSL_EXPR_ARRAY ? e->nitems : 1;
}

/*
 * resolve_field_array_with_args. Returns 1 resolved (ids in out_ids), 0 when
 * already reported, -1 with problematic fields (listed in unknown/relations).
 */
struct resolve_result {
	struct strbuf unknown;       /* "a, b" */
	uint32_t nunknown;
	struct strbuf relations;     /* "a, b" */
	uint32_t nrelations;
	struct strbuf suggested;     /* the relation fields' fields: names */
	uint32_t nsuggested;
};

static int resolve_fields(struct psl_vctx *ctx, const struct psl_expr *e, struct psl_span attr_span,
			  uint32_t mid, int mode, struct psl_db_index_field **out, uint32_t *nout,
			  struct resolve_result *rr)
{
	size_t cap = expr_array_len(e);
	struct field_arg fa_small[16];
	struct field_arg *fa = cap < ARRAY_SIZE(fa_small) ? fa_small : xcalloc(cap + 1, sizeof(*fa));
	uint32_t n = 0;
	int ret = 1;

	*out = NULL;
	*nout = 0;
	if (!coerce_field_args(ctx, e, fa, &n)) {
		if (fa != fa_small)
			free(fa);
		return 0;
	}
	struct psl_db_index_field *ids = ARENA_NEW_ARRAY(&ctx->db->arena, struct psl_db_index_field, n + 1);
	uint32_t nids = 0;
	for (uint32_t i = 0; i < n; i++) {
		const char *name = fa[i].name;
		const char *dot = strchr(name, '.');
		bool exists;
		uint32_t ref;

		if (dot) {
			if (mode == RESOLVE_TOP_LEVEL) {
				strbuf_addf(&rr->unknown, "%s%s", rr->nunknown++ ? ", " : "", name);
				continue;
			}
			ref = lookup_field_ref(ctx, mid, name, (size_t)(dot - name), &exists);
			if (!exists) {
				strbuf_addf(&rr->unknown, "%s%.*s", rr->nunknown++ ? ", " : "",
					    (int)(dot - name), name);
				continue;
			}
			if (ref == PSL_NONE || (ref & PSL_VFIELD_RELATION)) {
				strbuf_addf(&rr->relations, "%s%.*s", rr->nrelations++ ? ", " : "",
					    (int)(dot - name), name);
				goto suggest;
			}
			if (ctx->priv->fields[ref].composite == PSL_NONE) {
				strbuf_addf(&rr->unknown, "%s%s", rr->nunknown++ ? ", " : "", name);
				continue;
			}
			/* paths into composite types: accepted as the root field */
		} else {
			ref = lookup_field_ref(ctx, mid, name, strlen(name), &exists);
			if (!exists) {
				strbuf_addf(&rr->unknown, "%s%s", rr->nunknown++ ? ", " : "", name);
				continue;
			}
			if (ref == PSL_NONE || (ref & PSL_VFIELD_RELATION)) {
				strbuf_addf(&rr->relations, "%s%s", rr->nrelations++ ? ", " : "", name);
				goto suggest;
			}
		}
		for (uint32_t j = 0; j < nids; j++) {
			if (ids[j].field_id != ref)
				continue;
			psl_verr_model(ctx, attr_span, mid,
				       "The unique index definition refers to the field %s multiple times.",
				       dot ? name : ctx->db->fields[ref].name);
			if (fa != fa_small)
				free(fa);
			return 0;
		}
		ids[nids].field_id = ref;
		ids[nids].sort = fa[i].sort;
		ids[nids].length = fa[i].length;
		ids[nids].ops = fa[i].ops;
		nids++;
		continue;
suggest:
		if (ref != PSL_NONE && (ref & PSL_VFIELD_RELATION)) {
			const struct psl_db_relation_field *rf =
				&ctx->db->relation_fields[ref & ~PSL_VFIELD_RELATION];
			for (uint32_t k = 0; k < rf->nfields; k++)
				strbuf_addf(&rr->suggested, "%s%s", rr->nsuggested++ ? ", " : "",
					    ctx->db->fields[rf->fields[k]].name);
		}
	}
	if (fa != fa_small)
		free(fa);
	if (rr->nunknown || rr->nrelations)
		ret = -1;
	*out = ids;
	*nout = nids;
	return ret;
}

static void rr_init(struct resolve_result *rr)
{
	memset(rr, 0, sizeof(*rr));
	strbuf_init(&rr->unknown, 0);
	strbuf_init(&rr->relations, 0);
	strbuf_init(&rr->suggested, 0);
}

static void rr_release(struct resolve_result *rr)
{
	strbuf_release(&rr->unknown);
	strbuf_release(&rr->relations);
	strbuf_release(&rr->suggested);
}

/* common_index_validations */
static void common_index(struct psl_vattr_state *st, struct model_attrs *ma, struct vidx *v)
{
	struct psl_vctx *ctx = st->ctx;
	const struct psl_attr *attr = st->cur;
	const struct psl_expr *fields = st_default_arg(st, "fields", true, NULL);
	if (!fields)
		return;

	struct resolve_result rr;
	rr_init(&rr);
	int r = resolve_fields(ctx, fields, psl_vattr_span(attr), ma->mid, RESOLVE_FOLLOW_COMPOSITES,
			       &v->idx.fields, &v->idx.nfields, &rr);
	if (r < 0) {
		bool unique = v->idx.kind == PSL_INDEX_UNIQUE;
		v->idx.nfields = 0;
		if (rr.nunknown)
			psl_verr(ctx, psl_vattr_span(attr),
				 "Error validating model \"%s\": The %sindex definition refers to the unknown fields: %s.",
				 ma->blk->name, unique ? "unique " : "", rr.unknown.buf);
		if (rr.nrelations) {
			struct strbuf sug = STRBUF_INIT;
			if (rr.nsuggested)
				strbuf_addf(&sug, " Did you mean `@@%s([%s])`?", unique ? "unique" : "index",
					    rr.suggested.buf);
			psl_verr(ctx, psl_vattr_span(attr),
				 "Error validating model \"%s\": The %sindex definition refers to the relation fields %s. Index definitions must reference only scalar fields.%s",
				 ma->blk->name, unique ? "unique " : "", rr.relations.buf, sug.buf);
			strbuf_release(&sug);
		}
	} else if (r == 0) {
		v->idx.nfields = 0;
	}
	rr_release(&rr);
}

static const char *get_name_argument(struct psl_vattr_state *st)
{
	const struct psl_expr *e = st_optional_arg(st, "name");
	if (!e)
		return NULL;
	const char *s = psl_vcoerce_string(st->ctx, e);
	if (s && !*s) {
		st_error(st, "The `name` argument cannot be an empty string.");
		return NULL;
	}
	return s;
}

static void validate_client_name(struct psl_vctx *ctx, struct psl_span span, const char *model,
				 const char *name, const char *attr)
{
	for (const char *p = name; *p; p++) {
		char c = *p;
		if (c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z'))
			continue;
		psl_verr(ctx, span,
			 "Error validating model \"%s\": The `name` property within the `%s` attribute only allows for the following characters: `_a-zA-Z0-9`.",
			 model, attr);
		return;
	}
}

static void model_index(struct psl_vattr_state *st, struct model_attrs *ma)
{
	struct vidx *v = push_index(ma);
	v->idx.kind = PSL_INDEX_NORMAL;
	v->idx.span = psl_vattr_span(st->cur);
	v->pv.attr = st->cur;
	v->pv.attr_name = "@@index";
	common_index(st, ma, v);

	const char *name = get_name_argument(st);
	const char *map = st_opt_string(st, "map");
	if (name && map) {
		st_error(st, "The `@@index` attribute accepts the `name` argument as an alias for the `map` argument for legacy reasons. It does not accept both though. Please use the `map` argument to specify the database name of the index.");
		v->idx.map = NULL;
	} else {
		v->idx.map = name ? name : map;
	}
	v->idx.name = NULL;

	const struct psl_expr *t = st_optional_arg(st, "type");
	if (t) {
		const char *c = psl_vcoerce_constant(st->ctx, t);
		static const char *const algos[] = { "BTree", "Hash", "Gist", "Gin", "SpGist", "Brin" };
		static const enum psl_index_algo ids[] = { PSL_ALGO_BTREE, PSL_ALGO_HASH, PSL_ALGO_GIST,
							   PSL_ALGO_GIN, PSL_ALGO_SPGIST, PSL_ALGO_BRIN };
		if (c) {
			size_t i;
			for (i = 0; i < ARRAY_SIZE(algos); i++)
				if (!strcmp(c, algos[i]))
					break;
			if (i < ARRAY_SIZE(algos))
				v->idx.algo = ids[i];
			else
				st_error(st, "Unknown index type: %s.", c);
		}
	}
	v->idx.clustered = st_clustered(st);
	v->pv.has_clustered = v->idx.clustered >= 0;
}

static void model_unique(struct psl_vattr_state *st, struct model_attrs *ma)
{
	struct vidx *v = push_index(ma);
	const struct psl_attr *attr = st->cur;
	v->idx.kind = PSL_INDEX_UNIQUE;
	v->idx.span = psl_vattr_span(attr);
	v->pv.attr = attr;
	v->pv.attr_name = "@@unique";
	common_index(st, ma, v);

	const char *name = get_name_argument(st);
	v->idx.map = st_opt_string(st, "map");
	if (name)
		validate_client_name(st->ctx, psl_vattr_span(attr), ma->blk->name, name, "@@unique");
	v->idx.name = name;
	v->pv.client_name = name;
	v->idx.clustered = st_clustered(st);
	v->pv.has_clustered = v->idx.clustered >= 0;
}

static void model_fulltext(struct psl_vattr_state *st, struct model_attrs *ma)
{
	struct vidx *v = push_index(ma);
	v->idx.kind = PSL_INDEX_FULLTEXT;
	v->idx.span = psl_vattr_span(st->cur);
	v->pv.attr = st->cur;
	v->pv.attr_name = "@@fulltext";
	common_index(st, ma, v);
	v->idx.map = st_opt_string(st, "map");
}

/* @@id */
static void model_id(struct psl_vattr_state *st, struct model_attrs *ma)
{
	struct psl_vctx *ctx = st->ctx;
	const struct psl_attr *attr = st->cur;
	const struct psl_expr *fields = st_default_arg(st, "fields", true, NULL);
	if (!fields)
		return;

	struct resolve_result rr;
	struct psl_db_index_field *ids;
	uint32_t nids;
	rr_init(&rr);
	int r = resolve_fields(ctx, fields, psl_vattr_span(attr), ma->mid, RESOLVE_TOP_LEVEL, &ids, &nids, &rr);
	if (r <= 0) {
		if (rr.nunknown)
			psl_verr(ctx, fields->span,
				 "Error validating model \"%s\": The multi field id declaration refers to the unknown fields %s.",
				 ma->blk->name, rr.unknown.buf);
		if (rr.nrelations)
			psl_verr(ctx, psl_vattr_span(attr),
				 "Error validating model \"%s\": The id definition refers to the relation fields %s. ID definitions must reference only scalar fields.",
				 ma->blk->name, rr.relations.buf);
		rr_release(&rr);
		return;
	}
	rr_release(&rr);

	struct strbuf opt = STRBUF_INIT;
	uint32_t nopt = 0;
	for (uint32_t i = 0; i < nids; i++) {
		if (ctx->db->fields[ids[i].field_id].optional || ctx->db->fields[ids[i].field_id].list)
			strbuf_addf(&opt, "%s%s", nopt++ ? ", " : "", ctx->db->fields[ids[i].field_id].name);
	}
	if (nopt)
		psl_verr(ctx, psl_vattr_span(attr),
			 "Error validating model \"%s\": The id definition refers to the optional fields %s. ID definitions must reference only required fields.",
			 ma->blk->name, opt.buf);
	strbuf_release(&opt);

	if (ma->has_pk)
		psl_verr_model(ctx, ma->blk->span, ma->mid,
			       "Each model must have at most one id criteria. You can't have `@id` and `@@id` at the same time.");

	const char *map = st_opt_string(st, "map");
	const char *name = get_name_argument(st);
	if (name)
		validate_client_name(ctx, psl_vattr_span(attr), ma->blk->name, name, "@@id");
	int clustered = st_clustered(st);

	memset(&ma->pk, 0, sizeof(ma->pk));
	ma->has_pk = true;
	ma->pk.idx.kind = PSL_INDEX_ID;
	ma->pk.idx.model_id = ma->mid;
	ma->pk.idx.fields = ids;
	ma->pk.idx.nfields = nids;
	ma->pk.idx.name = name;
	ma->pk.idx.map = map;
	ma->pk.idx.clustered = clustered;
	ma->pk.idx.span = psl_vattr_span(attr);
	ma->pk.pv.attr = attr;
	ma->pk.pv.attr_name = "@@id";
	ma->pk.pv.client_name = name;
	ma->pk.pv.source_field = PSL_NONE;
	ma->pk.pv.has_clustered = clustered >= 0;
}

/* @id */
static void field_id(struct psl_vattr_state *st, struct model_attrs *ma, uint32_t fid)
{
	struct psl_vctx *ctx = st->ctx;
	if (ma->has_pk) {
		psl_verr_model(ctx, ma->blk->span, ma->mid,
			       "At most one field must be marked as the id field with the `@id` attribute.");
		return;
	}
	const char *map = st_opt_string(st, "map");
	int64_t length = st_length(st);
	int sort = st_sort(st);
	int clustered = st_clustered(st);

	struct psl_db_index_field *f = ARENA_NEW(&ctx->db->arena, struct psl_db_index_field);
	f->field_id = fid;
	f->sort = sort;
	f->length = length;
	memset(&ma->pk, 0, sizeof(ma->pk));
	ma->has_pk = true;
	ma->pk.idx.kind = PSL_INDEX_ID;
	ma->pk.idx.model_id = ma->mid;
	ma->pk.idx.fields = f;
	ma->pk.idx.nfields = 1;
	ma->pk.idx.map = map;
	ma->pk.idx.clustered = clustered;
	ma->pk.idx.field_level = true;
	ma->pk.idx.span = psl_vattr_span(st->cur);
	ma->pk.pv.attr = st->cur;
	ma->pk.pv.attr_name = "@id";
	ma->pk.pv.source_field = fid;
	ma->pk.pv.has_clustered = clustered >= 0;
}

/* @unique */
static void field_unique(struct psl_vattr_state *st, struct model_attrs *ma, uint32_t fid)
{
	struct psl_vctx *ctx = st->ctx;
	const char *map = st_opt_string(st, "map");
	int64_t length = st_length(st);
	int sort = st_sort(st);
	int clustered = st_clustered(st);

	struct vidx *v = push_index(ma);
	struct psl_db_index_field *f = ARENA_NEW(&ctx->db->arena, struct psl_db_index_field);
	f->field_id = fid;
	f->sort = sort;
	f->length = length;
	v->idx.kind = PSL_INDEX_UNIQUE;
	v->idx.fields = f;
	v->idx.nfields = 1;
	v->idx.map = map;
	v->idx.clustered = clustered;
	v->idx.field_level = true;
	v->idx.span = psl_vattr_span(st->cur);
	v->pv.attr = st->cur;
	v->pv.attr_name = "@unique";
	v->pv.source_field = fid;
	v->pv.has_clustered = clustered >= 0;
}

/* @map / @@map: the name, or NULL (errors reported) */
static const char *visit_map(struct psl_vattr_state *st)
{
	const struct psl_expr *e = st_default_arg(st, "name", true, NULL);
	if (!e)
		return NULL;
	return psl_vcoerce_string(st->ctx, e);
}

/* @map on a scalar field */
static void field_map(struct psl_vattr_state *st, struct model_attrs *ma, uint32_t fid,
		      struct strmap *mapped, bool *has_map)
{
	struct psl_vctx *ctx = st->ctx;
	struct psl_db_field *df = &ctx->db->fields[fid];
	const struct psl_field *ast = psl_vctx_field_ast(ctx, fid);
	uint32_t first = ctx->db->models[ma->mid].first_field;
	const char *name = visit_map(st);
	if (!name)
		return;
	const char *container = ctx->db->models[ma->mid].is_view ? "view" : "model";

	df->db_name = name;
	has_map[fid - first] = true;
	if (strmap_put(mapped, ma->mid, name, fid) != STRMAP_MISSING)
		psl_verr(ctx, psl_vfield_span(ast), "Field \"%s\" is already defined on %s \"%s\".", ast->name,
			 container, ma->blk->name);

	/* a scalar field named like the mapped name clashes, unless it is mapped
	 * (so far: fields are read in order) to another name */
	uint32_t ref = strmap_get(&ctx->fields, ma->mid, name);
	if (ref == STRMAP_MISSING || (ref & PSL_VFIELD_RELATION) || ref == fid)
		return;
	if (has_map[ref - first] && strcmp(ctx->db->fields[ref].db_name, name))
		return;
	psl_verr(ctx, psl_vfield_span(ast), "Field \"%s\" is already defined on %s \"%s\".", ast->name,
		 container, ma->blk->name);
}

/* ---- @default ---- */

static bool known_function(const char *n)
{
	static const char *const known[] = { "autoincrement", "cuid", "dbgenerated", "nanoid",
					     "now", "uuid", "ulid", "auto" };
	for (size_t i = 0; i < ARRAY_SIZE(known); i++)
		if (!strcmp(known[i], n))
			return true;
	return false;
}

static const char *const scalar_type_names[] = {
	"String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes",
};

static void dflt_invalid_scalar(struct psl_vattr_state *st, enum psl_scalar t, const struct psl_expr *v)
{
	struct strbuf sb = STRBUF_INIT;
	psl_vexpr_str(&sb, v);
	st_error(st, "Expected a %s value, but found `%s`.", scalar_type_names[t], sb.buf);
	strbuf_release(&sb);
}

/* validate_scalar_default_literal: true when accepted */
static bool dflt_scalar_literal(struct psl_vattr_state *st, enum psl_scalar t, const struct psl_expr *v)
{
	switch (v->kind) {
	case PSL_EXPR_STRING:
		if (t == PSL_SCALAR_STRING || t == PSL_SCALAR_JSON || t == PSL_SCALAR_BYTES ||
		    t == PSL_SCALAR_DATETIME || t == PSL_SCALAR_DECIMAL)
			return true;
		break;
	case PSL_EXPR_NUMBER:
		if (t == PSL_SCALAR_INT || t == PSL_SCALAR_BIGINT || t == PSL_SCALAR_FLOAT ||
		    t == PSL_SCALAR_DECIMAL)
			return true;
		break;
	case PSL_EXPR_CONST:
		if (t == PSL_SCALAR_BOOLEAN) {
			if (!strcmp(v->str, "true") || !strcmp(v->str, "false"))
				return true;
			psl_verr_attr(st->ctx, v->span, "@default",
				      "A boolean literal must be `true` or `false`.");
			return false;
		}
		break;
	default:
		break;
	}
	dflt_invalid_scalar(st, t, v);
	return false;
}

static bool dflt_empty_args(struct psl_vattr_state *st, const char *fn, const struct psl_expr *v)
{
	if (!v->nargs)
		return true;
	st_error(st, "The `%s` function does not take any argument. Consider changing this default to `%s()`.",
		 fn, fn);
	return false;
}

/* parse as u8 the way Rust's str::parse::<u8> does */
static bool parse_u8(const char *s, unsigned *out)
{
	unsigned v = 0;
	if (*s == '+')
		s++;
	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (unsigned)(*s - '0');
		if (v > 255)
			return false;
	}
	*out = v;
	return true;
}

static bool dflt_uuid_args(struct psl_vattr_state *st, const struct psl_expr *v, int64_t *arg)
{
	if (v->nargs > 1)
		st_error(st, "`uuid()` takes a single Int argument.");
	if (!v->nargs)
		return v->nargs <= 1;
	const struct psl_expr *a = v->args[0].value;
	if (a->kind == PSL_EXPR_NUMBER) {
		unsigned u = 0;
		if (!parse_u8(a->str, &u) || (u != 4 && u != 7)) {
			st_error(st, "`uuid()` takes either no argument, or a single integer argument which is either 4 or 7.");
			return false;
		}
		*arg = u;
		return v->nargs <= 1;
	}
	st_error(st, "`uuid()` takes a single Int argument.");
	return false;
}

/* cuid(1|2): accepted since Prisma 6 (mesdb follows 6.19 here) */
static bool dflt_cuid_args(struct psl_vattr_state *st, const struct psl_expr *v, int64_t *arg)
{
	if (v->nargs > 1)
		st_error(st, "`cuid()` takes a single Int argument.");
	if (!v->nargs)
		return true;
	const struct psl_expr *a = v->args[0].value;
	if (a && a->kind == PSL_EXPR_NUMBER) {
		unsigned u = 0;
		if (!parse_u8(a->str, &u) || (u != 1 && u != 2)) {
			st_error(st, "`cuid()` takes either no argument, or a single integer argument which is either 1 or 2.");
			return false;
		}
		*arg = u;
		return v->nargs <= 1;
	}
	st_error(st, "`cuid()` takes a single Int argument.");
	return false;
}

static bool dflt_nanoid_args(struct psl_vattr_state *st, const struct psl_expr *v, int64_t *arg)
{
	if (v->nargs > 1)
		st_error(st, "`nanoid()` takes a single Int argument.");
	if (!v->nargs)
		return true;
	const struct psl_expr *a = v->args[0].value;
	if (a->kind == PSL_EXPR_NUMBER) {
		unsigned u = 0;
		if (!parse_u8(a->str, &u) || u < 2) {
			st_error(st, "`nanoid()` takes either no argument, or a single integer argument >= 2.");
			return false;
		}
		*arg = u;
		return v->nargs <= 1;
	}
	st_error(st, "`nanoid()` takes a single Int argument.");
	return false;
}

static bool dflt_dbgenerated_args(struct psl_vattr_state *st, const struct psl_expr *v)
{
	if (v->nargs > 1)
		st_error(st, "`dbgenerated()` takes a single String argument");
	if (!v->nargs)
		return true;
	const struct psl_expr *a = v->args[0].value;
	if (a->kind == PSL_EXPR_STRING) {
		if (!*a->str) {
			st_error(st, "dbgenerated() takes either no argument, or a single nonempty string argument.");
			return false;
		}
		return true;
	}
	st_error(st, "`dbgenerated()` takes a single String argument");
	return false;
}

/* Fill a psl_default from an accepted literal expression. */
static void dflt_fill_literal(struct psl_vctx *ctx, struct psl_default *d, const struct psl_expr *v,
			      uint32_t enum_id)
{
	d->span = v->span;
	d->enum_value_id = PSL_NONE;
	switch (v->kind) {
	case PSL_EXPR_STRING:
		d->kind = PSL_DEFAULT_STRING;
		d->value = v->str;
		break;
	case PSL_EXPR_NUMBER:
		d->kind = PSL_DEFAULT_NUMBER;
		d->value = v->str;
		break;
	case PSL_EXPR_CONST:
		if (enum_id != PSL_NONE) {
			d->kind = PSL_DEFAULT_ENUM;
			d->value = v->str;
			uint32_t ev = strmap_get(&ctx->enum_values, enum_id, v->str);
			d->enum_value_id = ev == STRMAP_MISSING ? PSL_NONE : ev;
		} else {
			d->kind = PSL_DEFAULT_BOOLEAN;
			d->value = v->str;
		}
		break;
	case PSL_EXPR_ARRAY:
		d->kind = PSL_DEFAULT_LIST;
		d->items = ARENA_NEW_ARRAY(&ctx->db->arena, struct psl_default, v->nitems + 1);
		d->nitems = v->nitems;
		for (uint32_t i = 0; i < v->nitems; i++)
			dflt_fill_literal(ctx, &d->items[i], v->items[i], enum_id);
		break;
	case PSL_EXPR_FUNC:
		break;
	}
}

static bool dflt_enum_value(struct psl_vattr_state *st, const struct psl_expr *v, uint32_t enum_id)
{
	struct psl_vctx *ctx = st->ctx;
	if (v->kind == PSL_EXPR_CONST) {
		if (strmap_get(&ctx->enum_values, enum_id, v->str) != STRMAP_MISSING)
			return true;
		st_error(st, "The defined default value `%s` is not a valid value of the enum specified for the field.",
			 v->str);
		return false;
	}
	struct strbuf sb = STRBUF_INIT;
	psl_vexpr_str(&sb, v);
	st_error(st, "Expected an enum value, but found `%s`.", sb.buf);
	strbuf_release(&sb);
	return false;
}

static void field_default(struct psl_vattr_state *st, uint32_t fid)
{
	struct psl_vctx *ctx = st->ctx;
	struct psl_db_field *df = &ctx->db->fields[fid];
	struct psl_vfield_priv *fp = &ctx->priv->fields[fid];
	const struct psl_attr *attr = st->cur;
	const struct psl_expr *v = st_default_arg(st, "value", true, NULL);
	if (!v)
		return;

	const char *map = st_opt_string(st, "map");
	bool accepted = false;
	struct psl_default d;
	memset(&d, 0, sizeof(d));
	d.enum_value_id = PSL_NONE;
	d.span = v->span;

	if (v->kind == PSL_EXPR_FUNC && !strcmp(v->str, "dbgenerated")) {
		if (dflt_dbgenerated_args(st, v)) {
			accepted = true;
			d.kind = PSL_DEFAULT_DBGENERATED;
			d.value = v->nargs ? v->args[0].value->str : NULL;
		}
		goto out;
	}

	if (fp->composite != PSL_NONE) {
		psl_verr(ctx, psl_vattr_span(attr),
			 "Error validating field `%s` in composite type `%s`: Defaults on fields of type composite are not supported. Please remove the `@default` attribute.",
			 df->name, ctx->s->blocks[fp->composite].name);
		goto out;
	}
	if (df->scalar == PSL_SCALAR_ENUM) {
		if (df->list) {
			if (v->kind != PSL_EXPR_ARRAY) {
				struct strbuf sb = STRBUF_INIT;
				psl_vexpr_str(&sb, v);
				st_error(st, "Expected an enum value, but found `%s`.", sb.buf);
				strbuf_release(&sb);
				goto out;
			}
			bool ok = true;
			for (uint32_t i = 0; ok && i < v->nitems; i++)
				ok = dflt_enum_value(st, v->items[i], df->enum_id);
			accepted = ok;
		} else {
			accepted = dflt_enum_value(st, v, df->enum_id);
		}
		if (accepted)
			dflt_fill_literal(ctx, &d, v, df->enum_id);
		goto out;
	}
	if (df->scalar == PSL_SCALAR_UNSUPPORTED) {
		st_error(st, "Only @default(dbgenerated(\"...\")) can be used for Unsupported types.");
		goto out;
	}

	enum psl_scalar t = df->scalar;
	if (v->kind == PSL_EXPR_FUNC) {
		const char *fn = v->str;
		if (!strcmp(fn, "autoincrement") && map) {
			st_error(st, "Naming an autoincrement default value is not allowed.");
		} else if (!strcmp(fn, "autoincrement") && (t == PSL_SCALAR_INT || t == PSL_SCALAR_BIGINT)) {
			if ((accepted = dflt_empty_args(st, fn, v)))
				d.kind = PSL_DEFAULT_AUTOINCREMENT;
		} else if (!strcmp(fn, "cuid") && t == PSL_SCALAR_STRING) {
			if ((accepted = dflt_cuid_args(st, v, &d.fn_arg)))
				d.kind = PSL_DEFAULT_CUID;
		} else if (!strcmp(fn, "ulid") && t == PSL_SCALAR_STRING) {
			if ((accepted = dflt_empty_args(st, fn, v)))
				d.kind = PSL_DEFAULT_ULID;
		} else if (!strcmp(fn, "uuid") && t == PSL_SCALAR_STRING) {
			if ((accepted = dflt_uuid_args(st, v, &d.fn_arg)))
				d.kind = PSL_DEFAULT_UUID;
		} else if (!strcmp(fn, "nanoid") && t == PSL_SCALAR_STRING) {
			if ((accepted = dflt_nanoid_args(st, v, &d.fn_arg)))
				d.kind = PSL_DEFAULT_NANOID;
		} else if (!strcmp(fn, "now") && t == PSL_SCALAR_DATETIME) {
			if ((accepted = dflt_empty_args(st, "now", v)))
				d.kind = PSL_DEFAULT_NOW;
		} else if (!strcmp(fn, "auto")) {
			if (v->nargs)
				st_error(st, "`auto()` takes no arguments");
			else
				accepted = true;
		} else if (!known_function(fn)) {
			ALLOC_GROW(ctx->priv->unknown_fn_defaults, ctx->priv->nunknown_fn_defaults + 1,
				   ctx->priv->aunknown_fn_defaults);
			ctx->priv->unknown_fn_defaults[ctx->priv->nunknown_fn_defaults++] = fid;
			accepted = true;
			if (!strcmp(fn, "sequence"))
				d.kind = PSL_DEFAULT_SEQUENCE;
		} else {
			st_error(st, "The function `%s()` cannot be used on fields of type `%s`.", fn,
				 scalar_type_names[t]);
		}
		goto out;
	}
	if (df->list) {
		if (v->kind != PSL_EXPR_ARRAY) {
			st_error(st, "The default value of a list field must be a list.");
			goto out;
		}
		bool ok = true;
		for (uint32_t i = 0; ok && i < v->nitems; i++)
			ok = dflt_scalar_literal(st, t, v->items[i]);
		accepted = ok;
	} else if (v->kind == PSL_EXPR_ARRAY) {
		st_error(st, "The default value of a non-list field cannot be a list.");
	} else {
		accepted = dflt_scalar_literal(st, t, v);
	}
	if (accepted)
		dflt_fill_literal(ctx, &d, v, PSL_NONE);

out:
	if (!accepted)
		return;
	d.map = map;
	df->dflt = d;
	fp->default_attr = attr;
	fp->default_value = v;
}

/* ---- attribute sets ---- */

static void scalar_field_attributes(struct psl_vattr_state *st, struct model_attrs *ma, uint32_t fid,
				    struct strmap *mapped, bool *has_map)
{
	struct psl_vctx *ctx = st->ctx;
	struct psl_db_field *df = &ctx->db->fields[fid];
	struct psl_vfield_priv *fp = &ctx->priv->fields[fid];
	const struct psl_field *ast = psl_vctx_field_ast(ctx, fid);

	st_begin(st, ast->attrs, ast->nattrs);

	if (st_single(st, ATTR_MAP)) {
		field_map(st, ma, fid, mapped, has_map);
		st_args_done(st);
	}
	if (st_single(st, ATTR_IGNORE)) {
		if (df->scalar == PSL_SCALAR_UNSUPPORTED && fp->composite == PSL_NONE)
			st_error(st, "Fields of type `Unsupported` cannot take an `@ignore` attribute. They are already treated as ignored by the client due to their type.");
		else
			df->ignored = true;
		st_args_done(st);
	}
	if (st_single(st, ATTR_RELATION)) {
		st_error(st, "Invalid field type, not a relation.");
		st_args_done(st);
	}
	if (st_single(st, ATTR_ID)) {
		field_id(st, ma, fid);
		st_args_done(st);
	}
	if (st_single(st, ATTR_UPDATED_AT)) {
		if (df->scalar != PSL_SCALAR_DATETIME || fp->composite != PSL_NONE)
			st_error(st, "Fields that are marked with @updatedAt must be of type DateTime.");
		if (df->list)
			st_error(st, "Fields that are marked with @updatedAt cannot be lists.");
		df->updated_at = true;
		st_args_done(st);
	}
	if (st_single(st, ATTR_DEFAULT)) {
		field_default(st, fid);
		st_args_done(st);
	}
	if (df->scalar < PSL_SCALAR_ENUM && fp->composite == PSL_NONE) {
		const struct psl_attr *nt = st_scoped(st);
		if (nt) {
			const char *dot = strchr(nt->name, '.');
			fp->native_attr = nt;
			fp->native_scope = arena_strndup(&ctx->db->arena, nt->name, (size_t)(dot - nt->name));
			fp->native_name = dot + 1;
		}
	}
	if (st_single(st, ATTR_UNIQUE)) {
		field_unique(st, ma, fid);
		st_args_done(st);
	}
	st_end(st);
}

static void relation_field_attributes(struct psl_vattr_state *st, uint32_t rf_id)
{
	struct psl_vctx *ctx = st->ctx;
	struct psl_db_relation_field *rf = &ctx->db->relation_fields[rf_id];
	const struct psl_field *ast = psl_vctx_rf_ast(ctx, rf_id);

	st_begin(st, ast->attrs, ast->nattrs);
	if (st_single(st, ATTR_RELATION)) {
		ctx->priv->attr_state = st;
		psl_vrel_attribute(ctx, rf_id);
		ctx->priv->attr_state = NULL;
		st_args_done(st);
	}
	if (st_single(st, ATTR_ID)) {
		st_error(st, "The field `%s` is a relation field and cannot be marked with `@id`. Only scalar fields can be declared as id.",
			 ast->name);
		st_discard(st);
	}
	if (st_single(st, ATTR_IGNORE)) {
		rf->ignored = true;
		st_args_done(st);
	}
	if (st_single(st, ATTR_DEFAULT)) {
		st_error(st, "Cannot set a default value on a relation field.");
		st_discard(st);
	}
	if (st_single(st, ATTR_MAP)) {
		st_error(st, "The attribute `@map` cannot be used on relation fields.");
		st_default_arg(st, "name", true, NULL);
		st_discard(st);
	}
	if (st_single(st, ATTR_UNIQUE)) {
		struct strbuf sug = STRBUF_INIT;
		if (rf->nfields == 1)
			strbuf_addf(&sug, " Did you mean to put it on `%s`?",
				    ctx->db->fields[rf->fields[0]].name);
		else if (rf->nfields > 1) {
			strbuf_addstr(&sug, " Did you mean to provide `@@unique([");
			for (uint32_t i = 0; i < rf->nfields; i++)
				strbuf_addf(&sug, "%s%s", i ? ", " : "", ctx->db->fields[rf->fields[i]].name);
			strbuf_addstr(&sug, "])`?");
		}
		st_error(st, "The field `%s` is a relation field and cannot be marked with `unique`. Only scalar fields can be made unique.%s",
			 ast->name, sug.buf);
		strbuf_release(&sug);
		st_discard(st);
	}
	st_end(st);
}

static void flush_indexes(struct psl_vctx *ctx, struct model_attrs *ma)
{
	struct psl_db *db = ctx->db;
	struct psl_db_model *m = &db->models[ma->mid];
	m->first_index = db->nindexes;
	if (ma->has_pk) {
		uint32_t id = db->nindexes++;
		db->indexes[id] = ma->pk.idx;
		ctx->priv->indexes[id] = ma->pk.pv;
		m->primary_key = id;
		ctx->pk_attr[ma->mid] = ma->pk.pv.attr;
	}
	for (uint32_t i = 0; i < ma->nidx; i++) {
		uint32_t id = db->nindexes++;
		db->indexes[id] = ma->idx[i].idx;
		ctx->priv->indexes[id] = ma->idx[i].pv;
	}
	m->nindexes = db->nindexes - m->first_index;
}

static void model_attributes(struct psl_vattr_state *st, uint32_t mid, struct strmap *mapped)
{
	struct psl_vctx *ctx = st->ctx;
	struct psl_db_model *m = &ctx->db->models[mid];
	struct model_attrs ma;

	memset(&ma, 0, sizeof(ma));
	ma.mid = mid;
	ma.blk = psl_vctx_model_block(ctx, mid);
	bool *has_map = xcalloc(m->nfields + 1, sizeof(bool));

	for (uint32_t f = m->first_field; f < m->first_field + m->nfields; f++)
		scalar_field_attributes(st, &ma, f, mapped, has_map);

	st_begin(st, ma.blk->attrs, ma.blk->nattrs);
	if (st_single(st, ATTR_IGNORE)) {
		for (uint32_t f = m->first_field; f < m->first_field + m->nfields; f++) {
			if (!ctx->db->fields[f].ignored)
				continue;
			psl_verr_attr(ctx, psl_vfield_span(psl_vctx_field_ast(ctx, f)), "@ignore",
				      "Fields on an already ignored Model do not need an `@ignore` annotation.");
		}
		ma.ignored = true;
		m->ignored = true;
		st_args_done(st);
	}
	if (st_single(st, ATTR_ID)) {
		model_id(st, &ma);
		st_args_done(st);
	}
	if (st_single(st, ATTR_MAP)) {
		const char *name = visit_map(st);
		if (name) {
			m->db_name = name;
			ctx->priv->models[mid].map_attr = st->cur;
		}
		st_args_done(st);
	}
	if (st_single(st, ATTR_SCHEMA)) {
		const struct psl_expr *e = st_default_arg(st, "map", true, NULL);
		const char *name = e ? psl_vcoerce_string(ctx, e) : NULL;
		if (name) {
			m->schema = name;
			ctx->priv->models[mid].has_schema = true;
			ctx->priv->models[mid].schema_span = e->span;
		}
		st_args_done(st);
	}
	while (st_repeated(st, ATTR_INDEX)) {
		model_index(st, &ma);
		st_args_done(st);
	}
	while (st_repeated(st, ATTR_UNIQUE)) {
		model_unique(st, &ma);
		st_args_done(st);
	}
	while (st_repeated(st, ATTR_FULLTEXT)) {
		model_fulltext(st, &ma);
		st_args_done(st);
	}

	/* validate_id_field_arities */
	if (!ma.ignored && ma.has_pk && ma.pk.pv.source_field != PSL_NONE &&
	    (ctx->db->fields[ma.pk.pv.source_field].optional ||
	     ctx->db->fields[ma.pk.pv.source_field].list))
		psl_verr_attr(ctx, psl_vattr_span(ma.pk.pv.attr), "@id", "Fields that are marked as id must be required.");

	flush_indexes(ctx, &ma);
	st_end(st);
	free(ma.idx);
	free(has_map);
}

static void enum_attributes(struct psl_vattr_state *st, uint32_t eid)
{
	struct psl_vctx *ctx = st->ctx;
	struct psl_db_enum *e = &ctx->db->enums[eid];
	const struct psl_block *blk = &ctx->s->blocks[e->block];

	for (uint32_t v = 0; v < blk->nvalues; v++) {
		st_begin(st, blk->values[v].attrs, blk->values[v].nattrs);
		if (st_single(st, ATTR_MAP)) {
			const char *name = visit_map(st);
			if (name)
				ctx->db->enum_values[e->first_value + v].db_name = name;
			st_args_done(st);
		}
		st_end(st);
	}
	st_begin(st, blk->attrs, blk->nattrs);
	if (st_single(st, ATTR_MAP)) {
		const char *name = visit_map(st);
		if (name) {
			e->db_name = name;
			ctx->priv->enums[eid].map_attr = st->cur;
		}
		st_args_done(st);
	}
	if (st_single(st, ATTR_SCHEMA)) {
		const struct psl_expr *x = st_default_arg(st, "map", true, NULL);
		const char *name = x ? psl_vcoerce_string(ctx, x) : NULL;
		if (name) {
			e->schema = name;
			ctx->priv->enums[eid].has_schema = true;
			ctx->priv->enums[eid].schema_span = x->span;
		}
		st_args_done(st);
	}
	st_end(st);
}

static void composite_attributes(struct psl_vattr_state *st, const struct psl_block *blk)
{
	for (uint32_t f = 0; f < blk->nfields; f++) {
		const struct psl_field *fld = &blk->fields[f];
		st_begin(st, fld->attrs, fld->nattrs);
		bool builtin = false;
		for (size_t i = 0; fld->has_type && !fld->type.unsupported &&
				   i < ARRAY_SIZE(scalar_type_names); i++)
			builtin |= !strcmp(fld->type.name, scalar_type_names[i]);
		if (builtin)
			st_scoped(st);
		if (st_single(st, ATTR_MAP)) {
			visit_map(st);
			st_args_done(st);
		}
		if (st_single(st, ATTR_DEFAULT)) {
			st_default_arg(st, "value", true, NULL);
			if (st_optional_arg(st, "map"))
				st_error(st, "The `map` argument is not allowed on a composite type field.");
			st_args_done(st);
		}
		st_end(st);
	}
}

void psl_vpass_attributes(struct psl_vctx *ctx)
{
	struct psl_vattr_state st;
	struct strmap mapped = STRMAP_INIT;

	memset(&st, 0, sizeof(st));
	st.ctx = ctx;

	for (uint32_t rf = 0; rf < ctx->db->nrelation_fields; rf++)
		relation_field_attributes(&st, rf);

	for (uint32_t b = 0; b < ctx->s->nblocks; b++) {
		const struct psl_block *blk = &ctx->s->blocks[b];
		switch (blk->kind) {
		case PSL_BLOCK_MODEL:
		case PSL_BLOCK_VIEW:
			model_attributes(&st, ctx->block_id[b], &mapped);
			break;
		case PSL_BLOCK_ENUM:
			enum_attributes(&st, ctx->block_id[b]);
			break;
		case PSL_BLOCK_TYPE:
			composite_attributes(&st, blk);
			break;
		default:
			break;
		}
	}
	strmap_release(&mapped);
	free(st.unused);
	free(st.keys);
	free(st.live);
}
