/* validate_relations.c - relation fields: @relation arguments, pairing into relations, relation checks */

/*
 * Owns: what Prisma 5.22's parser database and validation pipeline do with
 * relations on PostgreSQL (and on the "empty" connector when the schema has
 * no datasource):
 *
 *   psl_vrel_attribute()     reads one @relation attribute (fields, references,
 *                            name, onDelete, onUpdate, map) and reports its
 *                            argument errors;
 *   psl_vrel_infer()         pairs the relation fields into db->relations the
 *                            way Prisma's relation inference does (including the
 *                            odd pairings it makes on invalid schemas, so that
 *                            the checks report what Prisma reports);
 *   psl_vrel_model()         the per-relation-field checks of one model;
 *   psl_validate_relations() the per-relation checks (arity, uniqueness, types,
 *                            1:1 / 1:n / m:n rules, cycles in relationMode prisma).
 *
 * Must not touch: scalar fields, indexes, names of other constraints (the
 * foreign key name clash check is psl_vctx_check_fk_name(), in validate_checks.c).
 * Everything allocated lives in db->arena; temporary arrays are freed here.
 * No loop is quadratic in the number of fields or relations of the schema
 * (only in the length of one attribute's argument lists).
 */

#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "psl/validate_internal.h"

#define RELATION_ATTR "@relation"

/* ---- small helpers ---- */

/*
 * Sort n elements of size bytes: an insertion sort for the few relation
 * fields of one model or fields of one index (stable, no call into the C
 * library's merge sort, which allocates and costs more than the sorting
 * itself at these sizes); qsort() for longer runs.
 */
#define SORT_FEW_MAX 32

static void sort_few(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	alignas(max_align_t) unsigned char tmp[32];
	unsigned char *a = base;

	if (n > SORT_FEW_MAX || size > sizeof(tmp)) {
		qsort(base, n, size, cmp);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		size_t j = i;
		if (cmp(a + (j - 1) * size, a + j * size) <= 0)
			continue;
		memcpy(tmp, a + i * size, size);
		do {
			memcpy(a + j * size, a + (j - 1) * size, size);
			j--;
		} while (j > 0 && cmp(a + (j - 1) * size, tmp) > 0);
		memcpy(a + j * size, tmp, size);
	}
}

static struct psl_db_relation_field *rfield(struct psl_vctx *ctx, uint32_t rf)
{
	return &ctx->db->relation_fields[rf];
}

static const char *model_name(const struct psl_vctx *ctx, uint32_t model_id)
{
	return ctx->db->models[model_id].name;
}

static bool same_name(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a, b);
}

/* A connector that is PostgreSQL (else Prisma's empty connector: no datasource). */
static bool is_pg(const struct psl_vctx *ctx)
{
	return ctx->postgres && ctx->datasource;
}

static bool relmode_prisma(const struct psl_vctx *ctx)
{
	return ctx->db->has_datasource &&
	       ctx->db->datasource.relation_mode == PSL_RELMODE_PRISMA;
}

/* fields: / references: given (possibly empty after an error) */
static bool has_list(const uint32_t *ids)
{
	return ids != NULL;
}

/* Prisma's is_empty_fields(): absent or empty */
static bool empty_list(const uint32_t *ids, uint32_t n)
{
	return !ids || n == 0;
}

/* The span of argument `name` of the field's @relation, or NULL. */
static const struct psl_arg *relation_arg(const struct psl_vctx *ctx, uint32_t rf, const char *name)
{
	const struct psl_attr *a = ctx->rf_attr[rf];
	if (!a)
		return NULL;
	for (uint32_t i = 0; i < a->nargs; i++)
		if (a->args[i].name && !strcmp(a->args[i].name, name))
			return &a->args[i];
	return NULL;
}

/* The value span of the explicit onDelete / onUpdate (Prisma keeps the expression's span). */
static struct psl_span action_value_span(const struct psl_vctx *ctx, uint32_t rf, const char *name)
{
	const struct psl_arg *arg = relation_arg(ctx, rf, name);
	if (arg && arg->value)
		return arg->value->span;
	return ctx->db->relation_fields[rf].span;
}

static const char *action_name(enum psl_ref_action a)
{
	switch (a) {
	case PSL_ACTION_CASCADE: return "Cascade";
	case PSL_ACTION_RESTRICT: return "Restrict";
	case PSL_ACTION_NO_ACTION: return "NoAction";
	case PSL_ACTION_SET_NULL: return "SetNull";
	case PSL_ACTION_SET_DEFAULT: return "SetDefault";
	case PSL_ACTION_NONE: break;
	}
	return "";
}

/* ---- expressions in messages (Prisma's Display of an expression) ---- */

static void expr_str(struct strbuf *sb, const struct psl_expr *e)
{
	if (!e)
		return;
	switch (e->kind) {
	case PSL_EXPR_STRING:
		strbuf_addch(sb, '"');
		strbuf_addstr(sb, e->str);
		strbuf_addch(sb, '"');
		break;
	case PSL_EXPR_NUMBER:
	case PSL_EXPR_CONST:
		strbuf_addstr(sb, e->str);
		break;
	case PSL_EXPR_FUNC:
		strbuf_addstr(sb, e->str);
		strbuf_addch(sb, '(');
		for (uint32_t i = 0; i < e->nargs; i++) {
			if (i)
				strbuf_addstr(sb, ", ");
			if (e->args[i].name) {
				strbuf_addstr(sb, e->args[i].name);
				strbuf_addstr(sb, ": ");
			}
			expr_str(sb, e->args[i].value);
		}
		strbuf_addch(sb, ')');
		break;
	case PSL_EXPR_ARRAY:
		strbuf_addch(sb, '[');
		for (uint32_t i = 0; i < e->nitems; i++) {
			if (i)
				strbuf_addstr(sb, ", ");
			expr_str(sb, e->items[i]);
		}
		strbuf_addch(sb, ']');
		break;
	}
}

static const char *expr_kind_name(const struct psl_expr *e)
{
	switch (e->kind) {
	case PSL_EXPR_STRING: return "string";
	case PSL_EXPR_NUMBER: return "numeric";
	case PSL_EXPR_CONST: return "literal";
	case PSL_EXPR_FUNC: return "functional";
	case PSL_EXPR_ARRAY: return "array";
	}
	return "";
}

static void type_mismatch(struct psl_vctx *ctx, const char *expected, const struct psl_expr *e)
{
	struct strbuf sb = STRBUF_INIT;
	expr_str(&sb, e);
	psl_verr(ctx, e->span, "Expected a %s value, but received %s value `%s`.", expected,
		 expr_kind_name(e), sb.buf);
	strbuf_release(&sb);
}

static const char *coerce_constant(struct psl_vctx *ctx, const struct psl_expr *e)
{
	if (e->kind == PSL_EXPR_CONST)
		return e->str;
	type_mismatch(ctx, "constant", e);
	return NULL;
}

static const char *coerce_string(struct psl_vctx *ctx, const struct psl_expr *e)
{
	if (e->kind == PSL_EXPR_STRING)
		return e->str;
	type_mismatch(ctx, "string", e);
	return NULL;
}

/* ---- fields: / references: resolution ---- */

enum resolve_result { RESOLVE_OK, RESOLVE_DEALT_WITH, RESOLVE_PROBLEMS };

struct resolved {
	uint32_t *ids;             /* scalar field ids, in the arena */
	uint32_t n;
	struct strbuf unknown;     /* "a, b" */
	struct strbuf relations;   /* "x, y" */
};

/* Does the model's source declare a field `name` (whatever its type)? Only used on the
 * error path, for fields the types pass could not resolve. */
static bool ast_has_field(const struct psl_vctx *ctx, uint32_t model_id, const char *name)
{
	const struct psl_block *blk = psl_vctx_model_block(ctx, model_id);
	for (uint32_t i = 0; i < blk->nfields; i++)
		if (!blk->fields[i].invalid && blk->fields[i].name && !strcmp(blk->fields[i].name, name))
			return true;   /* fields the parser rejected do not exist, as in Prisma */
	return false;
}

static enum resolve_result resolve_fields(struct psl_vctx *ctx, const struct psl_expr *value,
					  struct psl_span attr_span, uint32_t model_id,
					  struct resolved *out)
{
	const struct psl_expr *const *items;
	const struct psl_expr *single = value;
	uint32_t nitems;
	bool ok = true;

	if (value->kind == PSL_EXPR_ARRAY) {
		items = (const struct psl_expr *const *)value->items;
		nitems = value->nitems;
	} else {
		items = &single;
		nitems = 1;
	}

	const char *small[8];
	const char **names = nitems <= 8 ? small : xcalloc(nitems, sizeof(*names));
	for (uint32_t i = 0; i < nitems; i++) {
		names[i] = coerce_constant(ctx, items[i]);
		if (!names[i]) {
			ok = false;
			if (value->kind != PSL_EXPR_ARRAY)
				break;
		}
	}
	if (!ok) {
		if (names != small)
			free(names);
		return RESOLVE_DEALT_WITH;
	}

	out->ids = ARENA_NEW_ARRAY(&ctx->db->arena, uint32_t, nitems + 1);
	out->n = 0;
	bool problems = false;
	for (uint32_t i = 0; i < nitems; i++) {
		const char *name = names[i];
		uint32_t id = strchr(name, '.') ? PSL_NONE : psl_vctx_find_field(ctx, model_id, name);
		if (id == PSL_NONE && !strchr(name, '.') && ast_has_field(ctx, model_id, name))
			id = PSL_VFIELD_RELATION; /* a field whose type did not resolve: not a scalar */
		if (id == PSL_NONE) {
			if (out->unknown.len)
				strbuf_addstr(&out->unknown, ", ");
			strbuf_addstr(&out->unknown, name);
			problems = true;
			continue;
		}
		if (id & PSL_VFIELD_RELATION) {
			if (out->relations.len)
				strbuf_addstr(&out->relations, ", ");
			strbuf_addstr(&out->relations, name);
			problems = true;
			continue;
		}
		for (uint32_t j = 0; j < out->n; j++)
			if (out->ids[j] == id) {
				/* Prisma says "model" here also for views */
				psl_verr(ctx, attr_span,
					 "Error validating model \"%s\": The unique index definition refers to the field %s multiple times.",
					 model_name(ctx, model_id), ctx->db->fields[id].name);
				if (names != small)
					free(names);
				return RESOLVE_DEALT_WITH;
			}
		out->ids[out->n++] = id;
	}
	if (names != small)
		free(names);
	return problems ? RESOLVE_PROBLEMS : RESOLVE_OK;
}

static bool parse_action(const char *s, enum psl_ref_action *out)
{
	static const struct { const char *name; enum psl_ref_action a; } tab[] = {
		{ "Cascade", PSL_ACTION_CASCADE },
		{ "Restrict", PSL_ACTION_RESTRICT },
		{ "NoAction", PSL_ACTION_NO_ACTION },
		{ "SetNull", PSL_ACTION_SET_NULL },
		{ "SetDefault", PSL_ACTION_SET_DEFAULT },
	};
	for (size_t i = 0; i < ARRAY_SIZE(tab); i++)
		if (!strcmp(tab[i].name, s)) {
			*out = tab[i].a;
			return true;
		}
	return false;
}

static enum psl_ref_action read_action(struct psl_vctx *ctx, const struct psl_expr *e)
{
	enum psl_ref_action a;
	const char *s = coerce_constant(ctx, e);
	if (!s)
		return PSL_ACTION_NONE;
	if (parse_action(s, &a))
		return a;
	psl_verr_attr(ctx, e->span, RELATION_ATTR, "Invalid referential action: `%s`", s);
	return PSL_ACTION_NONE;
}

/* A non-NULL, empty id list: "fields: given, but nothing usable". */
static uint32_t *empty_ids(struct psl_vctx *ctx)
{
	return ARENA_NEW_ARRAY(&ctx->db->arena, uint32_t, 1);
}

void psl_vrel_attribute(struct psl_vctx *ctx, uint32_t rf_id)
{
	const struct psl_attr *a = ctx->rf_attr[rf_id];
	struct psl_db_relation_field *rf = rfield(ctx, rf_id);
	const struct psl_expr *e;

	/* the driver checked the arguments' shape and reports the unused ones */
	if (!a)
		return;

	/* fields: [...] */
	if ((e = psl_vrel_arg(ctx, "fields"))) {
		struct resolved r = { NULL, 0, STRBUF_INIT, STRBUF_INIT };
		switch (resolve_fields(ctx, e, a->span, rf->model_id, &r)) {
		case RESOLVE_OK:
			rf->fields = r.ids;
			rf->nfields = r.n;
			break;
		case RESOLVE_PROBLEMS:
			if (r.unknown.len)
				psl_verr_validation(ctx, e->span,
						    "The argument fields must refer only to existing fields. The following fields do not exist in this model: %s",
						    r.unknown.buf);
			if (r.relations.len)
				psl_verr_validation(ctx, e->span,
						    "The argument fields must refer only to scalar fields. But it is referencing the following relation fields: %s",
						    r.relations.buf);
			/* fall through */
		case RESOLVE_DEALT_WITH:
			rf->fields = empty_ids(ctx);
			rf->nfields = 0;
			break;
		}
		strbuf_release(&r.unknown);
		strbuf_release(&r.relations);
	}

	/* references: [...] (fields of the related model) */
	if ((e = psl_vrel_arg(ctx, "references"))) {
		struct resolved r = { NULL, 0, STRBUF_INIT, STRBUF_INIT };
		const char *target = model_name(ctx, rf->target_model_id);
		switch (resolve_fields(ctx, e, a->span, rf->target_model_id, &r)) {
		case RESOLVE_OK:
			rf->references = r.ids;
			rf->nreferences = r.n;
			break;
		case RESOLVE_PROBLEMS:
			if (r.unknown.len)
				psl_verr_validation(ctx, a->span,
						    "The argument `references` must refer only to existing fields in the related model `%s`. The following fields do not exist in the related model: %s",
						    target, r.unknown.buf);
			if (r.relations.len)
				psl_verr_validation(ctx, a->span,
						    "The argument `references` must refer only to scalar fields in the related model `%s`. But it is referencing the following relation fields: %s",
						    target, r.relations.buf);
			/* fall through */
		case RESOLVE_DEALT_WITH:
			rf->references = empty_ids(ctx);
			rf->nreferences = 0;
			break;
		}
		strbuf_release(&r.unknown);
		strbuf_release(&r.relations);
	}

	/* the name: positional or name: */
	if ((e = psl_vrel_default_arg(ctx, "name"))) {
		const char *name = coerce_string(ctx, e);
		if (name && !*name)
			psl_verr_attr(ctx, a->span, RELATION_ATTR, "A relation cannot have an empty name.");
		else if (name)
			rf->relation_name = name;
	}

	if ((e = psl_vrel_arg(ctx, "onDelete")))
		rf->on_delete = read_action(ctx, e);
	if ((e = psl_vrel_arg(ctx, "onUpdate")))
		rf->on_update = read_action(ctx, e);

	if ((e = psl_vrel_arg(ctx, "map"))) {
		const char *map = coerce_string(ctx, e);
		if (map && !*map)
			psl_verr_attr(ctx, a->span, RELATION_ATTR,
				      "The `map` argument cannot be an empty string.");
		else if (map)
			rf->map = map;
	}
}

/* ---- unique criteria (primary key first, then unique indexes in source order) ---- */

static bool index_is_unique(const struct psl_db_index *ix)
{
	return ix->kind == PSL_INDEX_UNIQUE;
}

/*
 * Calls fn for each unique criterion of the model, Prisma's order: the
 * primary key, then the field-level @unique, then the @@unique; stops when
 * fn returns true and returns true then.
 */
typedef bool (*criterion_fn)(const struct psl_vctx *ctx, const struct psl_db_index *ix, void *arg);

static bool each_unique_criterion(const struct psl_vctx *ctx, uint32_t model_id, criterion_fn fn,
				  void *arg)
{
	const struct psl_db *db = ctx->db;
	const struct psl_db_model *m = &db->models[model_id];

	if (m->primary_key != PSL_NONE && fn(ctx, &db->indexes[m->primary_key], arg))
		return true;
	for (int pass = 0; pass < 2; pass++)
		for (uint32_t i = m->first_index; i < m->first_index + m->nindexes; i++) {
			const struct psl_db_index *ix = &db->indexes[i];
			if (!index_is_unique(ix) || ix->field_level != (pass == 0))
				continue;
			if (fn(ctx, ix, arg))
				return true;
		}
	return false;
}

struct idlist {
	const uint32_t *ids;
	uint32_t n;
};

static bool criterion_exactly(const struct psl_vctx *ctx, const struct psl_db_index *ix, void *arg)
{
	const struct idlist *l = arg;
	(void)ctx;
	if (ix->nfields != l->n)
		return false;
	for (uint32_t i = 0; i < l->n; i++)
		if (ix->fields[i].field_id != l->ids[i])
			return false;
	return true;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Same field names, in any order (Prisma compares the sorted names). */
static bool criterion_same_set(const struct psl_vctx *ctx, const struct psl_db_index *ix, void *arg)
{
	const struct idlist *l = arg;
	if (ix->nfields != l->n)
		return false;
	const char *sa[8], *sb[8];
	const char **a = l->n <= 8 ? sa : xcalloc(l->n, sizeof(*a));
	const char **b = l->n <= 8 ? sb : xcalloc(l->n, sizeof(*b));
	for (uint32_t i = 0; i < l->n; i++) {
		a[i] = ctx->db->fields[ix->fields[i].field_id].name;
		b[i] = ctx->db->fields[l->ids[i]].name;
	}
	sort_few(a, l->n, sizeof(*a), cmp_str);
	sort_few(b, l->n, sizeof(*b), cmp_str);
	bool same = true;
	for (uint32_t i = 0; i < l->n && same; i++)
		same = !strcmp(a[i], b[i]);
	if (a != sa) {
		free(a);
		free(b);
	}
	return same;
}

static bool criterion_same_order(const struct psl_vctx *ctx, const struct psl_db_index *ix, void *arg)
{
	const struct idlist *l = arg;
	if (ix->nfields != l->n)
		return false;
	for (uint32_t i = 0; i < l->n; i++)
		if (strcmp(ctx->db->fields[ix->fields[i].field_id].name, ctx->db->fields[l->ids[i]].name))
			return false;
	return true;
}

/* The first criterion without optional or Unsupported fields (Prisma's default references). */
static bool criterion_strict(const struct psl_vctx *ctx, const struct psl_db_index *ix, void *arg)
{
	const struct psl_db_index **out = arg;
	for (uint32_t i = 0; i < ix->nfields; i++) {
		const struct psl_db_field *f = &ctx->db->fields[ix->fields[i].field_id];
		if (f->optional || f->scalar == PSL_SCALAR_UNSUPPORTED)
			return false;
	}
	*out = ix;
	return true;
}

/* ---- relation inference ---- */

/* A relation field's pairing key: (model, target, explicit relation name or NULL). */
struct rf_key {
	uint32_t model, target;
	const char *name;
	uint32_t rf;
};

struct infer {
	struct psl_vctx *ctx;
	struct rf_key *keys;   /* every relation field, sorted by key then id */
	uint32_t n;
};

static int cmp_key(const struct rf_key *a, const struct rf_key *b)
{
	if (a->model != b->model)
		return a->model < b->model ? -1 : 1;
	if (a->target != b->target)
		return a->target < b->target ? -1 : 1;
	if (!a->name || !b->name) {
		if (a->name == b->name)
			return 0;
		return a->name ? 1 : -1;
	}
	return strcmp(a->name, b->name);
}

static int cmp_key_id(const void *pa, const void *pb)
{
	const struct rf_key *a = pa, *b = pb;
	int c = cmp_key(a, b);
	if (c)
		return c;
	return a->rf < b->rf ? -1 : a->rf > b->rf;
}

/* The opposite field: the first field of the target model that points back with the same
 * explicit relation name (not the field itself on a self relation), or PSL_NONE. */
static uint32_t find_opposite(const struct infer *in, uint32_t rf_id)
{
	const struct psl_db_relation_field *rf = &in->ctx->db->relation_fields[rf_id];
	struct rf_key key = { rf->target_model_id, rf->model_id, rf->relation_name, 0 };

	uint32_t lo = 0, hi = in->n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (cmp_key(&in->keys[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (uint32_t i = lo; i < in->n && !cmp_key(&in->keys[i], &key); i++)
		if (in->keys[i].rf != rf_id)
			return in->keys[i].rf;
	return PSL_NONE;
}

/* [model name, field name] of a > that of b */
static bool pair_greater(const struct psl_vctx *ctx, uint32_t a, uint32_t b)
{
	const struct psl_db_relation_field *fa = &ctx->db->relation_fields[a];
	const struct psl_db_relation_field *fb = &ctx->db->relation_fields[b];
	int c = strcmp(model_name(ctx, fa->model_id), model_name(ctx, fb->model_id));
	if (c)
		return c > 0;
	return strcmp(fa->name, fb->name) > 0;
}

/* Are the relation field's fields: exactly the fields of a @unique / @@unique (not the id)? */
static bool fields_are_unique(const struct psl_vctx *ctx, uint32_t rf_id)
{
	const struct psl_db *db = ctx->db;
	const struct psl_db_relation_field *rf = &db->relation_fields[rf_id];
	const struct psl_db_model *m = &db->models[rf->model_id];
	struct idlist l = { rf->fields, rf->nfields };

	for (uint32_t i = m->first_index; i < m->first_index + m->nindexes; i++) {
		const struct psl_db_index *ix = &db->indexes[i];
		if (index_is_unique(ix) && criterion_exactly(ctx, ix, &l))
			return true;
	}
	return false;
}

static const char *generated_name(struct psl_vctx *ctx, uint32_t m1, uint32_t m2)
{
	const char *a = model_name(ctx, m1), *b = model_name(ctx, m2);
	if (strcmp(a, b) > 0) {
		const char *t = a;
		a = b;
		b = t;
	}
	size_t la = strlen(a), lb = strlen(b);
	char *name = arena_alloc(&ctx->db->arena, la + lb + 3);
	memcpy(name, a, la);
	memcpy(name + la, "To", 2);
	memcpy(name + la + 2, b, lb + 1);
	return name;
}

static void add_relation(struct psl_vctx *ctx, enum psl_relation_kind kind, uint32_t field_a,
			 uint32_t field_b, uint32_t model_a, uint32_t model_b, const char *explicit_name)
{
	struct psl_db *db = ctx->db;
	uint32_t id = db->nrelations++;
	struct psl_db_relation *r = &db->relations[id];

	r->kind = kind;
	r->field_a = field_a;
	r->field_b = field_b;
	r->model_a = model_a;
	r->model_b = model_b;
	r->self = model_a == model_b;
	r->name = explicit_name ? explicit_name : generated_name(ctx, model_a, model_b);
	r->ignored = db->models[model_a].ignored || db->models[model_b].ignored;
	if (field_a != PSL_NONE) {
		r->ignored |= db->relation_fields[field_a].ignored;
		if (db->relation_fields[field_a].relation_id == PSL_NONE)
			db->relation_fields[field_a].relation_id = id;
	}
	if (field_b != PSL_NONE) {
		r->ignored |= db->relation_fields[field_b].ignored;
		if (db->relation_fields[field_b].relation_id == PSL_NONE)
			db->relation_fields[field_b].relation_id = id;
	}
}

/* Prisma's ingest_relation(): one relation per pair, met from the side that defines it. */
static void ingest(struct infer *in, uint32_t rf_id)
{
	struct psl_vctx *ctx = in->ctx;
	const struct psl_db_relation_field *rf = &ctx->db->relation_fields[rf_id];
	uint32_t opp_id = find_opposite(in, rf_id);
	const struct psl_db_relation_field *opp = opp_id != PSL_NONE ? &ctx->db->relation_fields[opp_id] : NULL;
	bool self = rf->model_id == rf->target_model_id;
	bool required = !rf->list && !rf->optional;
	uint32_t ma = rf->model_id, mb = rf->target_model_id;

	if (rf->list) {
		if (opp && opp->list) {
			/* m:n, defined once from model A (names sorted; field names on self relations) */
			if (strcmp(model_name(ctx, ma), model_name(ctx, mb)) > 0)
				return;
			if (self && strcmp(rf->name, opp->name) > 0)
				return;
			add_relation(ctx, PSL_RELATION_MANY_TO_MANY, rf_id, opp_id, ma, mb, rf->relation_name);
			return;
		}
		if (opp)
			return; /* 1:n defined on both sides: met from the other side */
		/* 1:n with only the list side */
		add_relation(ctx, PSL_RELATION_ONE_TO_MANY, PSL_NONE, rf_id, mb, ma, rf->relation_name);
		return;
	}

	if (opp) {
		bool opp_required = !opp->list && !opp->optional;
		bool opp_optional = !opp->list && opp->optional;
		if (required && opp_optional) {
			add_relation(ctx, PSL_RELATION_ONE_TO_ONE, rf_id, opp_id, ma, mb, rf->relation_name);
			return;
		}
		if (required && opp_required) {
			if (pair_greater(ctx, rf_id, opp_id))
				return;
			add_relation(ctx, PSL_RELATION_ONE_TO_ONE, rf_id, opp_id, ma, mb, rf->relation_name);
			return;
		}
		if (!required && opp_required)
			return; /* the virtual side of a required 1:1 */
		if (!required && opp_optional) {
			if (has_list(rf->fields)) {
				add_relation(ctx, PSL_RELATION_ONE_TO_ONE, rf_id, opp_id, ma, mb, rf->relation_name);
			} else if (!has_list(opp->fields)) {
				if (pair_greater(ctx, rf_id, opp_id))
					return;
				add_relation(ctx, PSL_RELATION_ONE_TO_ONE, rf_id, opp_id, ma, mb, rf->relation_name);
			}
			return;
		}
		/* the opposite is a list: 1:n defined on both sides */
		add_relation(ctx, PSL_RELATION_ONE_TO_MANY, rf_id, opp_id, ma, mb, rf->relation_name);
		return;
	}

	/* no opposite field: 1:1 when fields: is exactly a unique constraint, else 1:n */
	if (has_list(rf->fields) && fields_are_unique(ctx, rf_id))
		add_relation(ctx, PSL_RELATION_ONE_TO_ONE, rf_id, PSL_NONE, ma, mb, rf->relation_name);
	else
		add_relation(ctx, PSL_RELATION_ONE_TO_MANY, rf_id, PSL_NONE, ma, mb, rf->relation_name);
}

void psl_vrel_infer(struct psl_vctx *ctx)
{
	struct psl_db *db = ctx->db;
	struct infer in;

	db->relations = ARENA_NEW_ARRAY(&db->arena, struct psl_db_relation, db->nrelation_fields + 1);
	db->nrelations = 0;
	if (!db->nrelation_fields)
		return;

	in.ctx = ctx;
	in.n = db->nrelation_fields;
	in.keys = xcalloc(in.n, sizeof(*in.keys));
	for (uint32_t i = 0; i < in.n; i++) {
		const struct psl_db_relation_field *rf = &db->relation_fields[i];
		in.keys[i].model = rf->model_id;
		in.keys[i].target = rf->target_model_id;
		in.keys[i].name = rf->relation_name;
		in.keys[i].rf = i;
		db->relation_fields[i].relation_id = PSL_NONE;
	}
	/*
	 * Relation fields are contiguous per model, in model order (the types
	 * pass builds them so): sorting each model's run sorts them all. Should
	 * that ever not hold, one sort of the whole array.
	 */
	for (uint32_t i = 0, j; i < in.n; i = j) {
		for (j = i + 1; j < in.n && in.keys[j].model == in.keys[i].model; j++)
			;
		if (j < in.n && in.keys[j].model < in.keys[i].model) {
			qsort(in.keys, in.n, sizeof(*in.keys), cmp_key_id);
			break;
		}
		sort_few(in.keys + i, j - i, sizeof(*in.keys), cmp_key_id);
	}

	for (uint32_t i = 0; i < db->nrelation_fields; i++)
		ingest(&in, i);

	free(in.keys);
}

/* ---- per-model relation field checks ---- */

/* The relation name Prisma groups fields by: explicit, else "AToB". */
struct named_rf {
	uint32_t rf;
	uint32_t target;
	const char *name;
};

static int cmp_named(const void *pa, const void *pb)
{
	const struct named_rf *a = pa, *b = pb;
	if (a->target != b->target)
		return a->target < b->target ? -1 : 1;
	int c = strcmp(a->name, b->name);
	if (c)
		return c;
	return a->rf < b->rf ? -1 : a->rf > b->rf;
}

/* "`a`", "`a` and `b`", "`a`, `b` and `c`" */
static void field_list(struct strbuf *sb, const struct psl_vctx *ctx, const struct named_rf *g, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		if (i && i == n - 1)
			strbuf_addstr(sb, " and ");
		else if (i)
			strbuf_addstr(sb, ", ");
		strbuf_addf(sb, "`%s`", ctx->db->relation_fields[g[i].rf].name);
	}
}

/* Prisma's relation_fields::ambiguity(); false when it reported an error. */
static bool check_ambiguity(struct psl_vctx *ctx, uint32_t model_id, uint32_t rf_id,
			    const struct named_rf *group, uint32_t n)
{
	const struct psl_db_relation_field *rf = &ctx->db->relation_fields[rf_id];
	bool self = rf->model_id == rf->target_model_id;
	/* the group's key is the first field's name: generated or explicit */
	bool is_explicit = ctx->db->relation_fields[group[0].rf].relation_name != NULL;
	const char *m = model_name(ctx, model_id);
	const char *target = model_name(ctx, rf->target_model_id);
	struct strbuf names = STRBUF_INIT;

	if (n < 2)
		return true;
	if (is_explicit && self && n == 2)
		return true;

	field_list(&names, ctx, group, n);
	if (!is_explicit && self && n == 2)
		psl_verr_model(ctx, rf->span, model_id,
			       "Ambiguous self relation detected. The fields %s in model `%s` both refer to `%s`. If they are part of the same relation add the same relation name for them with `@relation(<name>)`.",
			       names.buf, m, target);
	else if (!is_explicit && self)
		psl_verr_model(ctx, rf->span, model_id,
			       "Unnamed self relation detected. The fields %s in model `%s` have no relation name. Please provide a relation name for one of them by adding `@relation(<name>).",
			       names.buf, m);
	else if (is_explicit && self)
		psl_verr_model(ctx, rf->span, model_id,
			       "Wrongly named self relation detected. The fields %s in model `%s` have the same relation name. At most two relation fields can belong to the same relation and therefore have the same name. Please assign a different relation name to one of them.",
			       names.buf, m);
	else if (!is_explicit)
		psl_verr_model(ctx, rf->span, model_id,
			       "Ambiguous relation detected. The fields %s in model `%s` both refer to `%s`. Please provide different relation names for them by adding `@relation(<name>).",
			       names.buf, m, target);
	else
		psl_verr_model(ctx, rf->span, model_id,
			       "Wrongly named relation detected. The fields %s in model `%s` both use the same relation name. Please provide different relation names for them through `@relation(<name>).",
			       names.buf, m);
	strbuf_release(&names);
	return false;
}

/* A relation field named like the name: of the model's @@unique / @@id (fields::validate_client_name). */
static void check_client_name(struct psl_vctx *ctx, uint32_t model_id, uint32_t rf_id)
{
	const struct psl_db *db = ctx->db;
	const struct psl_db_model *m = &db->models[model_id];
	const char *fname = db->relation_fields[rf_id].name;
	struct psl_span span = psl_vctx_model_block(ctx, model_id)->span;
	bool index = false, unique = false, pk = false;

	for (uint32_t i = m->first_index; i < m->first_index + m->nindexes; i++) {
		const struct psl_db_index *ix = &db->indexes[i];
		if (!ix->name || strcmp(ix->name, fname))
			continue;
		if (ix->kind == PSL_INDEX_UNIQUE)
			unique = true;
		else if (ix->kind == PSL_INDEX_ID)
			pk = true;
		else
			index = true;
	}
	if (index)
		psl_verr_model(ctx, span, model_id,
			       "The custom name `%s` specified for the `@@index` attribute is already used as a name for a field. Please choose a different name.",
			       fname);
	if (unique)
		psl_verr_model(ctx, span, model_id,
			       "The custom name `%s` specified for the `@@unique` attribute is already used as a name for a field. Please choose a different name.",
			       fname);
	if (pk)
		psl_verr_model(ctx, span, model_id,
			       "The custom name `%s` specified for the `@@id` attribute is already used as a name for a field. Please choose a different name.",
			       fname);
}

static void check_ignored_related_model(struct psl_vctx *ctx, uint32_t rf_id)
{
	const struct psl_db *db = ctx->db;
	const struct psl_db_relation_field *rf = &db->relation_fields[rf_id];

	if (!db->models[rf->target_model_id].ignored || rf->ignored || db->models[rf->model_id].ignored)
		return;
	psl_verr_attr(ctx, rf->span, "@ignore",
		      "The relation field `%s` on Model `%s` must specify the `@ignore` attribute, because the model %s it is pointing to is marked ignored.",
		      rf->name, model_name(ctx, rf->model_id), model_name(ctx, rf->target_model_id));
}

/* Referential actions the connector (and relation mode) allows. */
static bool action_supported(const struct psl_vctx *ctx, enum psl_ref_action a)
{
	if (!is_pg(ctx))
		return true;
	if (!relmode_prisma(ctx))
		return true;
	return a == PSL_ACTION_CASCADE || a == PSL_ACTION_RESTRICT || a == PSL_ACTION_SET_NULL;
}

static void check_action(struct psl_vctx *ctx, uint32_t rf_id, enum psl_ref_action a, const char *arg)
{
	if (a == PSL_ACTION_NONE || action_supported(ctx, a))
		return;

	const struct psl_arg *ar = relation_arg(ctx, rf_id, arg);
	struct psl_span span = ar ? ar->span : ctx->db->relation_fields[rf_id].span;

	if (relmode_prisma(ctx) && a == PSL_ACTION_NO_ACTION)
		psl_verr_validation(ctx, span,
				    "Invalid referential action: `%s`. Allowed values: (`Cascade`, `Restrict`, `SetNull`). `NoAction` is not implemented for Postgres when using `relationMode = \"prisma\"`, you could try using `Restrict` instead. Learn more at https://pris.ly/d/relation-mode",
				    action_name(a));
	else if (relmode_prisma(ctx))
		psl_verr_validation(ctx, span,
				    "Invalid referential action: `%s`. Allowed values: (`Cascade`, `Restrict`, `SetNull`)",
				    action_name(a));
	else
		psl_verr_validation(ctx, span,
				    "Invalid referential action: `%s`. Allowed values: (`Cascade`, `Restrict`, `NoAction`, `SetNull`, `SetDefault`)",
				    action_name(a));
}

static void check_map(struct psl_vctx *ctx, uint32_t rf_id)
{
	const struct psl_db_relation_field *rf = &ctx->db->relation_fields[rf_id];
	const struct psl_attr *a = ctx->rf_attr[rf_id];

	if (!rf->map)
		return;
	if (!is_pg(ctx)) {
		psl_verr_attr(ctx, a ? a->span : rf->span, RELATION_ATTR,
			      "Your provider does not support named foreign keys.");
		return;
	}
	/* Prisma says "model" here also for views */
	if (a && strlen(rf->map) > 63)
		psl_verr(ctx, a->span,
			 "Error validating model \"%s\": The constraint name '%s' specified in the `map` argument for the `@relation` constraint is too long for your chosen provider. The maximum allowed length is 63 bytes.",
			 model_name(ctx, rf->model_id), rf->map);
}

/* { x_1..x_n } is a prefix of { y_1..y_m } */
static bool leftwise_included(const uint32_t *sub, uint32_t nsub, const struct psl_db_index *ix)
{
	if (ix->nfields < nsub)
		return false;
	for (uint32_t i = 0; i < nsub; i++)
		if (ix->fields[i].field_id != sub[i])
			return false;
	return true;
}

static void check_missing_index(struct psl_vctx *ctx, uint32_t rf_id)
{
	const struct psl_db *db = ctx->db;
	const struct psl_db_relation_field *rf = &db->relation_fields[rf_id];
	const struct psl_db_model *m = &db->models[rf->model_id];

	if (!is_pg(ctx) || !relmode_prisma(ctx) || !has_list(rf->fields))
		return;
	for (uint32_t i = m->first_index; i < m->first_index + m->nindexes; i++) {
		const struct psl_db_index *ix = &db->indexes[i];
		if (ix->kind == PSL_INDEX_ID)
			continue;
		if (leftwise_included(rf->fields, rf->nfields, ix))
			return;
	}
	if (m->primary_key != PSL_NONE &&
	    leftwise_included(rf->fields, rf->nfields, &db->indexes[m->primary_key]))
		return;

	const struct psl_attr *a = ctx->rf_attr[rf_id];
	psl_vwarn(ctx, a ? a->span : rf->span,
		  "With `relationMode = \"prisma\"`, no foreign keys are used, so relation fields will not benefit from the index usually created by the relational database under the hood. This can lead to poor performance when querying these fields. We recommend adding an index manually. Learn more at https://pris.ly/d/relation-mode-prisma-indexes\" ");
}

bool psl_vrel_model(struct psl_vctx *ctx, uint32_t model_id)
{
	const struct psl_db_model *m = &ctx->db->models[model_id];
	uint32_t n = m->nrelation_fields, first = m->first_relation_field;
	bool ok = true;

	if (!n)
		return true;

	/* group the model's relation fields by (target, relation name) */
	struct named_rf *byname = xcalloc(n, sizeof(*byname));
	uint32_t *pos = xcalloc(n, sizeof(*pos));
	for (uint32_t i = 0; i < n; i++) {
		const struct psl_db_relation_field *rf = &ctx->db->relation_fields[first + i];
		byname[i].rf = first + i;
		byname[i].target = rf->target_model_id;
		byname[i].name = rf->relation_name ? rf->relation_name
			: generated_name(ctx, rf->model_id, rf->target_model_id);
	}
	sort_few(byname, n, sizeof(*byname), cmp_named);
	for (uint32_t i = 0; i < n; i++)
		pos[byname[i].rf - first] = i;

	for (uint32_t i = 0; i < n && ok; i++) {
		uint32_t rf_id = first + i;
		const struct psl_db_relation_field *rf = &ctx->db->relation_fields[rf_id];

		/* the group holding this field */
		uint32_t lo = pos[i], hi = pos[i] + 1;
		while (lo > 0 && byname[lo - 1].target == rf->target_model_id &&
		       !strcmp(byname[lo - 1].name, byname[pos[i]].name))
			lo--;
		while (hi < n && byname[hi].target == rf->target_model_id &&
		       !strcmp(byname[hi].name, byname[pos[i]].name))
			hi++;
		if (!check_ambiguity(ctx, model_id, rf_id, &byname[lo], hi - lo)) {
			ctx->stop = true;
			ok = false;
			break;
		}

		check_client_name(ctx, model_id, rf_id);
		check_ignored_related_model(ctx, rf_id);
		check_action(ctx, rf_id, rf->on_delete, "onDelete");
		check_action(ctx, rf_id, rf->on_update, "onUpdate");
		check_map(ctx, rf_id);
		check_missing_index(ctx, rf_id);
	}

	free(byname);
	free(pos);
	return ok;
}

/* ---- per-relation checks ---- */

static const char *join_field_names(struct strbuf *sb, const struct psl_vctx *ctx, const uint32_t *ids,
				    uint32_t n, const char *sep)
{
	strbuf_reset(sb);
	for (uint32_t i = 0; i < n; i++) {
		if (i)
			strbuf_addstr(sb, sep);
		strbuf_addstr(sb, ctx->db->fields[ids[i]].name);
	}
	return sb->buf;
}

static void missing_opposite(struct psl_vctx *ctx, uint32_t rf_id)
{
	const struct psl_db_relation_field *rf = &ctx->db->relation_fields[rf_id];
	const char *container = psl_vctx_container(ctx, rf->model_id);
	psl_verr_field(ctx, rf->span, rf->model_id, rf->name,
		       "The relation field `%s` on %s `%s` is missing an opposite relation field on the model `%s`. Either run `prisma format` or add it manually.",
		       rf->name, container, model_name(ctx, rf->model_id),
		       model_name(ctx, rf->target_model_id));
}

/* The referenced fields: references:, else the first strict unique criterion of the target. */
static void referenced_fields(const struct psl_vctx *ctx, const struct psl_db_relation *r,
			      struct idlist *out)
{
	const struct psl_db_relation_field *fwd = &ctx->db->relation_fields[r->field_a];
	const struct psl_db_index *ix = NULL;

	if (has_list(fwd->references)) {
		out->ids = fwd->references;
		out->n = fwd->nreferences;
		return;
	}
	out->ids = NULL;
	out->n = 0;
	if (each_unique_criterion(ctx, r->model_b, criterion_strict, &ix)) {
		uint32_t *ids = ARENA_NEW_ARRAY(&ctx->db->arena, uint32_t, ix->nfields + 1);
		for (uint32_t i = 0; i < ix->nfields; i++)
			ids[i] = ix->fields[i].field_id;
		out->ids = ids;
		out->n = ix->nfields;
	}
}

static void references_unique(struct psl_vctx *ctx, const struct psl_db_relation *r)
{
	const struct psl_db_relation_field *fwd = &ctx->db->relation_fields[r->field_a];
	struct idlist refs = { fwd->references, fwd->nreferences };
	struct strbuf sb = STRBUF_INIT;

	if (empty_list(fwd->references, fwd->nreferences))
		return;
	if (each_unique_criterion(ctx, r->model_b, criterion_same_set, &refs)) {
		/* PostgreSQL accepts any order; the empty connector wants the criterion's order */
		if (is_pg(ctx) || refs.n <= 1 ||
		    each_unique_criterion(ctx, r->model_b, criterion_same_order, &refs))
			return;
		psl_verr_validation(ctx, fwd->span,
				    "The argument `references` must refer to a unique criterion in the related model `%s` using the same order of fields. Please check the ordering in the following fields: `%s`.",
				    model_name(ctx, r->model_b),
				    join_field_names(&sb, ctx, refs.ids, refs.n, ", "));
		strbuf_release(&sb);
		return;
	}
	join_field_names(&sb, ctx, refs.ids, refs.n, ", ");
	if (refs.n == 1)
		psl_verr_attr(ctx, fwd->span, RELATION_ATTR,
			      "The argument `references` must refer to a unique criterion in the related model. Consider adding an `@unique` attribute to the field `%s` in the model `%s`.",
			      sb.buf, model_name(ctx, r->model_b));
	else
		psl_verr_attr(ctx, fwd->span, RELATION_ATTR,
			      "The argument `references` must refer to a unique criterion in the related model. Consider adding an `@@unique([%s])` attribute to the model `%s`.",
			      sb.buf, model_name(ctx, r->model_b));
	strbuf_release(&sb);
}

static void same_length(struct psl_vctx *ctx, const struct psl_db_relation *r)
{
	const struct psl_db_relation_field *fwd = &ctx->db->relation_fields[r->field_a];
	const struct psl_attr *a = ctx->rf_attr[r->field_a];

	if (has_list(fwd->fields) && has_list(fwd->references) && fwd->nfields != fwd->nreferences)
		psl_verr_validation(ctx, a ? a->span : fwd->span,
				    "You must specify the same number of fields in `fields` and `references`.");
}

static void field_arity(struct psl_vctx *ctx, const struct psl_db_relation *r)
{
	const struct psl_db_relation_field *fwd = &ctx->db->relation_fields[r->field_a];
	struct strbuf sb = STRBUF_INIT;
	bool any_optional = false;

	if (fwd->optional || fwd->list || !has_list(fwd->fields))
		return;
	for (uint32_t i = 0; i < fwd->nfields; i++)
		any_optional |= ctx->db->fields[fwd->fields[i]].optional;
	if (!any_optional)
		return;
	psl_verr_validation(ctx, fwd->span,
			    "The relation field `%s` uses the scalar fields %s. At least one of those fields is optional. Hence the relation field must be optional as well.",
			    fwd->name, join_field_names(&sb, ctx, fwd->fields, fwd->nfields, ", "));
	strbuf_release(&sb);
}

static bool scalar_types_match(const struct psl_db_field *a, const struct psl_db_field *b)
{
	if (a->scalar != b->scalar)
		return false;
	if (a->scalar == PSL_SCALAR_ENUM)
		return a->enum_id == b->enum_id;
	if (a->scalar == PSL_SCALAR_UNSUPPORTED)
		return same_name(a->unsupported, b->unsupported);
	return true;
}

static void scalar_field_types(struct psl_vctx *ctx, const struct psl_db_relation *r)
{
	const struct psl_db_relation_field *fwd = &ctx->db->relation_fields[r->field_a];
	struct idlist refs;

	if (!has_list(fwd->fields))
		return;
	referenced_fields(ctx, r, &refs);
	for (uint32_t i = 0; i < fwd->nfields && i < refs.n; i++) {
		const struct psl_db_field *a = &ctx->db->fields[fwd->fields[i]];
		const struct psl_db_field *b = &ctx->db->fields[refs.ids[i]];
		if (scalar_types_match(a, b))
			continue;
		psl_verr_attr(ctx, fwd->span, RELATION_ATTR,
			      "The type of the field `%s` in the model `%s` is not matching the type of the referenced field `%s` in model `%s`.",
			      a->name, model_name(ctx, a->model_id), b->name, model_name(ctx, b->model_id));
	}
}

static void set_null_on_required(struct psl_vctx *ctx, const struct psl_db_relation *r)
{
	const struct psl_db_relation_field *fwd = &ctx->db->relation_fields[r->field_a];
	static const char *const names[2] = { "onDelete", "onUpdate" };
	enum psl_ref_action acts[2] = { fwd->on_delete, fwd->on_update };

	if (has_list(fwd->fields)) {
		bool any_required = false;
		for (uint32_t i = 0; i < fwd->nfields; i++) {
			const struct psl_db_field *f = &ctx->db->fields[fwd->fields[i]];
			any_required |= !f->optional && !f->list;
		}
		if (!any_required)
			return;
	}
	/* PostgreSQL with foreign keys accepts it (a warning); otherwise an error */
	bool warn = is_pg(ctx) && !relmode_prisma(ctx);
	for (int i = 0; i < 2; i++) {
		if (acts[i] != PSL_ACTION_SET_NULL)
			continue;
		if (warn)
			psl_vwarn(ctx, fwd->span,
				  "The `%s` referential action of a relation should not be set to `SetNull` when a referenced field is required. We recommend either to choose another referential action, or to make the referenced fields optional. Read more at https://pris.ly/d/postgres-set-null ",
				  names[i]);
		else
			psl_verr_attr(ctx, fwd->span, RELATION_ATTR,
				      "The `%s` referential action of a relation must not be set to `SetNull` when a referenced field is required.\nEither choose another referential action, or make the referenced fields optional.\n",
				      names[i]);
	}
}

/* ---- 1:1 ---- */

static void one_to_one_checks(struct psl_vctx *ctx, const struct psl_db_relation *r)
{
	const struct psl_db *db = ctx->db;
	const struct psl_db_relation_field *fwd = &db->relation_fields[r->field_a];
	const struct psl_db_relation_field *back;
	const char *fm = model_name(ctx, fwd->model_id);
	struct strbuf sb = STRBUF_INIT;

	/* both_sides_are_defined */
	if (r->field_b == PSL_NONE) {
		missing_opposite(ctx, r->field_a);
	} else {
		back = &db->relation_fields[r->field_b];
		const char *bm = model_name(ctx, back->model_id);

		/* fields_and_references_are_defined */
		if (empty_list(fwd->fields, fwd->nfields) && empty_list(back->fields, back->nfields)) {
			psl_verr_attr(ctx, fwd->span, RELATION_ATTR,
				      "The relation fields `%s` on Model `%s` and `%s` on Model `%s` do not provide the `fields` argument in the @relation attribute. You have to provide it on one of the two fields.",
				      fwd->name, fm, back->name, bm);
			psl_verr_attr(ctx, back->span, RELATION_ATTR,
				      "The relation fields `%s` on Model `%s` and `%s` on Model `%s` do not provide the `fields` argument in the @relation attribute. You have to provide it on one of the two fields.",
				      back->name, bm, fwd->name, fm);
		}
		if (empty_list(fwd->references, fwd->nreferences) &&
		    empty_list(back->references, back->nreferences)) {
			psl_verr_attr(ctx, fwd->span, RELATION_ATTR,
				      "The relation fields `%s` on Model `%s` and `%s` on Model `%s` do not provide the `references` argument in the @relation attribute. You have to provide it on one of the two fields.",
				      fwd->name, fm, back->name, bm);
			psl_verr_attr(ctx, back->span, RELATION_ATTR,
				      "The relation fields `%s` on Model `%s` and `%s` on Model `%s` do not provide the `references` argument in the @relation attribute. You have to provide it on one of the two fields.",
				      back->name, bm, fwd->name, fm);
		}

		/* fields_and_references_defined_on_one_side_only */
		if (!empty_list(fwd->references, fwd->nreferences) &&
		    !empty_list(back->references, back->nreferences)) {
			for (int k = 0; k < 2; k++)
				psl_verr_attr(ctx, k ? back->span : fwd->span, RELATION_ATTR,
					      "The relation fields `%s` on Model `%s` and `%s` on Model `%s` both provide the `references` argument in the @relation attribute. You have to provide it only on one of the two fields.",
					      fwd->name, fm, back->name, bm);
		}
		if (!empty_list(fwd->fields, fwd->nfields) && !empty_list(back->fields, back->nfields)) {
			for (int k = 0; k < 2; k++)
				psl_verr_attr(ctx, k ? back->span : fwd->span, RELATION_ATTR,
					      "The relation fields `%s` on Model `%s` and `%s` on Model `%s` both provide the `fields` argument in the @relation attribute. You have to provide it only on one of the two fields.",
					      fwd->name, fm, back->name, bm);
		}

		/* referential_actions */
		bool fwd_actions = fwd->on_delete != PSL_ACTION_NONE || fwd->on_update != PSL_ACTION_NONE;
		bool back_actions = back->on_delete != PSL_ACTION_NONE || back->on_update != PSL_ACTION_NONE;
		if (fwd_actions && back_actions) {
			psl_verr_attr(ctx, back->span, RELATION_ATTR,
				      "The relation fields `%s` on Model `%s` and `%s` on Model `%s` both provide the `onDelete` or `onUpdate` argument in the @relation attribute. You have to provide it only on one of the two fields.",
				      back->name, bm, fwd->name, fm);
			psl_verr_attr(ctx, fwd->span, RELATION_ATTR,
				      "The relation fields `%s` on Model `%s` and `%s` on Model `%s` both provide the `onDelete` or `onUpdate` argument in the @relation attribute. You have to provide it only on one of the two fields.",
				      fwd->name, fm, back->name, bm);
		} else if (back_actions) {
			psl_verr_attr(ctx, back->span, RELATION_ATTR,
				      "The relation field `%s` on Model `%s` must not specify the `onDelete` or `onUpdate` argument in the @relation attribute. You must only specify it on the opposite field `%s` on model `%s`.",
				      back->name, bm, fwd->name, fm);
		}
	}

	/* fields_must_be_a_unique_constraint */
	if (has_list(fwd->fields)) {
		struct idlist l = { fwd->fields, fwd->nfields };
		if (!each_unique_criterion(ctx, fwd->model_id, criterion_exactly, &l)) {
			join_field_names(&sb, ctx, fwd->fields, fwd->nfields, ", ");
			if (fwd->nfields == 1)
				psl_verr_attr(ctx, fwd->span, RELATION_ATTR,
					      "A one-to-one relation must use unique fields on the defining side. Either add an `@unique` attribute to the field `%s`, or change the relation to one-to-many.",
					      sb.buf);
			else
				psl_verr_attr(ctx, fwd->span, RELATION_ATTR,
					      "A one-to-one relation must use unique fields on the defining side. Either add an `@@unique([%s])` attribute to the model, or change the relation to one-to-many.",
					      sb.buf);
		}
	}

	if (r->field_b == PSL_NONE || ctx->s->nerrors) {
		strbuf_release(&sb);
		return;
	}
	back = &db->relation_fields[r->field_b];
	const char *bm = model_name(ctx, back->model_id);

	/* fields_references_mixups (only on a schema without errors so far) */
	if (!empty_list(fwd->fields, fwd->nfields) && !empty_list(back->references, back->nreferences)) {
		for (int k = 0; k < 2; k++)
			psl_verr_attr(ctx, k ? back->span : fwd->span, RELATION_ATTR,
				      "The relation field `%s` on Model `%s` provides the `fields` argument in the @relation attribute. And the related field `%s` on Model `%s` provides the `references` argument. You must provide both arguments on the same side.",
				      fwd->name, fm, back->name, bm);
	}
	if (!empty_list(fwd->references, fwd->nreferences) && !empty_list(back->fields, back->nfields))
		psl_verr_attr(ctx, fwd->span, RELATION_ATTR,
			      "The relation field `%s` on Model `%s` provides the `references` argument in the @relation attribute. And the related field `%s` on Model `%s` provides the `fields` argument. You must provide both arguments on the same side.",
			      fwd->name, fm, back->name, bm);

	/* back_relation_arity_is_optional */
	if (!ctx->s->nerrors && !back->optional && !back->list)
		psl_verr_attr(ctx, back->span, RELATION_ATTR,
			      "The relation field `%s` on Model `%s` is required. This is not valid because it's not possible to enforce this constraint on the database level. Please change the field type from `%s` to `%s?` to fix this.",
			      back->name, bm, fm, fm);

	/* fields_and_references_on_wrong_side */
	if (!ctx->s->nerrors && !fwd->optional && !fwd->list &&
	    (has_list(back->fields) || has_list(back->references)))
		psl_verr_attr(ctx, back->span, RELATION_ATTR,
			      "The relation field `%s.%s` defines the `fields` and/or `references` argument. You must set them on the required side of the relation (`%s.%s`) in order for the constraints to be enforced. Alternatively, you can change this field to be required and the opposite optional, or make both sides of the relation optional.",
			      bm, back->name, fm, fwd->name);
	strbuf_release(&sb);
}

/* ---- 1:n ---- */

static void one_to_many_checks(struct psl_vctx *ctx, const struct psl_db_relation *r)
{
	const struct psl_db *db = ctx->db;

	if (r->field_a == PSL_NONE || r->field_b == PSL_NONE) {
		missing_opposite(ctx, r->field_a != PSL_NONE ? r->field_a : r->field_b);
		return;
	}

	const struct psl_db_relation_field *fwd = &db->relation_fields[r->field_a];
	const struct psl_db_relation_field *back = &db->relation_fields[r->field_b];
	const char *fm = model_name(ctx, fwd->model_id);
	const char *bm = model_name(ctx, back->model_id);

	if (empty_list(fwd->fields, fwd->nfields))
		psl_verr_attr(ctx, fwd->span, RELATION_ATTR,
			      "The relation field `%s` on Model `%s` must specify the `fields` argument in the @relation attribute. You can run `prisma format` to fix this automatically.",
			      fwd->name, fm);
	if (empty_list(fwd->references, fwd->nreferences))
		psl_verr_attr(ctx, fwd->span, RELATION_ATTR,
			      "The relation field `%s` on Model `%s` must specify the `references` argument in the @relation attribute.",
			      fwd->name, fm);
	if (!empty_list(back->fields, back->nfields) || !empty_list(back->references, back->nreferences))
		psl_verr_attr(ctx, back->span, RELATION_ATTR,
			      "The relation field `%s` on Model `%s` must not specify the `fields` or `references` argument in the @relation attribute. You must only specify it on the opposite field `%s` on model `%s`.",
			      back->name, bm, fwd->name, fm);

	if (back->on_delete != PSL_ACTION_NONE || back->on_update != PSL_ACTION_NONE)
		psl_verr_attr(ctx, back->span, RELATION_ATTR,
			      "The relation field `%s` on Model `%s` must not specify the `onDelete` or `onUpdate` argument in the @relation attribute. You must only specify it on the opposite field `%s` on model `%s`, or in case of a many to many relation, in an explicit join table.",
			      back->name, bm, fwd->name, fm);
}

/* ---- m:n ---- */

static bool has_single_id(const struct psl_vctx *ctx, uint32_t model_id)
{
	const struct psl_db_model *m = &ctx->db->models[model_id];
	return m->primary_key != PSL_NONE && ctx->db->indexes[m->primary_key].nfields == 1;
}

static bool references_single_id(const struct psl_vctx *ctx, const struct psl_db_relation_field *rf)
{
	const struct psl_db_model *m = &ctx->db->models[rf->target_model_id];
	if (!has_list(rf->references))
		return true;
	if (rf->nreferences != 1 || m->primary_key == PSL_NONE)
		return false;
	const struct psl_db_index *pk = &ctx->db->indexes[m->primary_key];
	return pk->nfields == 1 && pk->fields[0].field_id == rf->references[0];
}

static void many_to_many_checks(struct psl_vctx *ctx, const struct psl_db_relation *r)
{
	const struct psl_db *db = ctx->db;
	const uint32_t sides[2] = { r->field_a, r->field_b };
	const struct psl_db_relation_field *fa = &db->relation_fields[r->field_a];
	const struct psl_db_relation_field *fb = &db->relation_fields[r->field_b];
	struct strbuf sb = STRBUF_INIT;

	/* a list relation with fields: is Prisma's "embedded" m:n (MongoDB only) */
	if (has_list(fa->fields) || has_list(fb->fields)) {
		const char *connector = is_pg(ctx) ? "Postgres"
			: "psl_core::datamodel_connector::empty_connector::EmptyDatamodelConnector";
		for (int k = 0; k < 2; k++)
			psl_verr_validation(ctx, db->relation_fields[sides[k]].span,
					    "Embedded many-to-many relations are not supported on %s. Please use the syntax defined in https://pris.ly/d/relational-database-many-to-many",
					    connector);
		return;
	}

	/* validate_singular_id */
	for (int k = 0; k < 2; k++) {
		const struct psl_db_relation_field *rf = &db->relation_fields[sides[k]];
		if (!has_single_id(ctx, rf->target_model_id)) {
			const char *container = psl_vctx_container(ctx, rf->target_model_id);
			/* Prisma names the container of the related model, and "field in model" */
			struct strbuf msg = STRBUF_INIT;
			strbuf_addf(&msg,
				    "The relation field `%s` on %s `%s` references `%s` which does not have an `@id` field. Models without `@id` cannot be part of a many to many relation. Use an explicit intermediate Model to represent this relationship.",
				    rf->name, container, model_name(ctx, rf->model_id),
				    model_name(ctx, rf->target_model_id));
			if (db->models[rf->model_id].is_view == db->models[rf->target_model_id].is_view)
				psl_verr_field(ctx, rf->span, rf->model_id, rf->name, "%s", msg.buf);
			else
				psl_verr(ctx, rf->span, "Error validating field `%s` in %s `%s`: %s",
					 rf->name, container, model_name(ctx, rf->model_id), msg.buf);
			strbuf_release(&msg);
			continue;
		}
		if (!references_single_id(ctx, rf))
			psl_verr_validation(ctx, rf->span,
					    "Implicit many-to-many relations must always reference the id field of the related model. Change the argument `references` to use the id field of the related model `%s`. But it is referencing the following fields that are not the id: %s",
					    model_name(ctx, rf->target_model_id),
					    join_field_names(&sb, ctx, rf->references, rf->nreferences, ", "));
	}

	/* validate_no_referential_actions */
	for (int k = 0; k < 2; k++) {
		const struct psl_db_relation_field *rf = &db->relation_fields[sides[k]];
		if (rf->on_delete != PSL_ACTION_NONE)
			psl_verr_validation(ctx, action_value_span(ctx, sides[k], "onDelete"),
					    "Referential actions on implicit many-to-many relations are not supported");
		if (rf->on_update != PSL_ACTION_NONE)
			psl_verr_validation(ctx, action_value_span(ctx, sides[k], "onUpdate"),
					    "Referential actions on implicit many-to-many relations are not supported");
	}

	/* cannot_define_references_argument */
	for (int k = 0; k < 2; k++)
		if (has_list(db->relation_fields[sides[k]].references))
			psl_verr_attr(ctx, db->relation_fields[sides[k]].span, RELATION_ATTR,
				      "Implicit many-to-many relation should not have references argument defined. Either remove it, or change the relation to one-to-many.");
	strbuf_release(&sb);
}

/* ---- cycles of cascading actions (relationMode = "prisma") ---- */

struct cycles {
	uint32_t *from_first;   /* per model: range in from_rel */
	uint32_t *from_count;
	uint32_t *from_rel;     /* complete inline relation ids, by (model_a, model_b, id) */
	uint32_t *stamp;        /* per relation field: visited in the current search */
	uint32_t gen;
	struct cstep { uint32_t rel; uint32_t parent; } *steps;
	uint32_t nsteps, asteps;
	uint32_t *stack;
	uint32_t nstack, astack;
};

static bool complete_inline(const struct psl_db_relation *r)
{
	return r->kind != PSL_RELATION_MANY_TO_MANY && r->field_a != PSL_NONE && r->field_b != PSL_NONE;
}

/* A complete inline relation by (model_a, model_b, id): Prisma's order of the relations from a model. */
struct from_key {
	uint32_t model_a, model_b, rel;
};

static int cmp_from(const void *pa, const void *pb)
{
	const struct from_key *a = pa, *b = pb;
	if (a->model_a != b->model_a)
		return a->model_a < b->model_a ? -1 : 1;
	if (a->model_b != b->model_b)
		return a->model_b < b->model_b ? -1 : 1;
	return a->rel < b->rel ? -1 : a->rel > b->rel;
}

static void cycles_init(struct psl_vctx *ctx, struct cycles *c)
{
	const struct psl_db *db = ctx->db;
	struct from_key *keys = xcalloc(db->nrelations + 1, sizeof(*keys));
	uint32_t n = 0;

	memset(c, 0, sizeof(*c));
	c->from_first = xcalloc(db->nmodels + 1, sizeof(uint32_t));
	c->from_count = xcalloc(db->nmodels + 1, sizeof(uint32_t));
	c->from_rel = xcalloc(db->nrelations + 1, sizeof(uint32_t));
	c->stamp = xcalloc(db->nrelation_fields + 1, sizeof(uint32_t));
	for (uint32_t i = 0; i < db->nrelations; i++) {
		const struct psl_db_relation *r = &db->relations[i];
		if (!complete_inline(r))
			continue;
		keys[n].model_a = r->model_a;
		keys[n].model_b = r->model_b;
		keys[n].rel = i;
		n++;
	}
	qsort(keys, n, sizeof(*keys), cmp_from);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t m = keys[i].model_a;
		c->from_rel[i] = keys[i].rel;
		if (!c->from_count[m])
			c->from_first[m] = i;
		c->from_count[m]++;
	}
	free(keys);
}

static void cycles_release(struct cycles *c)
{
	free(c->from_first);
	free(c->from_count);
	free(c->from_rel);
	free(c->stamp);
	free(c->steps);
	free(c->stack);
}

/* A foreign key counts as required when any of its fields is required. */
static bool referential_required(const struct psl_vctx *ctx, const struct psl_db_relation_field *rf)
{
	if (has_list(rf->fields))
		for (uint32_t i = 0; i < rf->nfields; i++) {
			const struct psl_db_field *f = &ctx->db->fields[rf->fields[i]];
			if (!f->optional && !f->list)
				return true;
		}
	return !rf->optional && !rf->list;
}

static enum psl_ref_action effective_on_delete(const struct psl_vctx *ctx, const struct psl_db_relation_field *rf)
{
	if (rf->on_delete != PSL_ACTION_NONE)
		return rf->on_delete;
	return referential_required(ctx, rf) ? PSL_ACTION_RESTRICT : PSL_ACTION_SET_NULL;
}

static enum psl_ref_action effective_on_update(const struct psl_db_relation_field *rf)
{
	return rf->on_update != PSL_ACTION_NONE ? rf->on_update : PSL_ACTION_CASCADE;
}

static bool triggers_modification(enum psl_ref_action a)
{
	return a != PSL_ACTION_NO_ACTION && a != PSL_ACTION_RESTRICT;
}

static void cascade_error(struct psl_vctx *ctx, uint32_t rel, const char *msg)
{
	const struct psl_db_relation_field *rf = &ctx->db->relation_fields[ctx->db->relations[rel].field_a];
	enum psl_ref_action del = effective_on_delete(ctx, rf), upd = effective_on_update(rf);
	bool show_del = rf->on_delete == PSL_ACTION_NONE && triggers_modification(del);
	bool show_upd = rf->on_update == PSL_ACTION_NONE && triggers_modification(upd);

	if (show_del && show_upd)
		psl_verr_validation(ctx, rf->span,
				    "%s (Implicit default `onDelete`: `%s`, and `onUpdate`: `%s`) Read more at https://pris.ly/d/cyclic-referential-actions",
				    msg, action_name(del), action_name(upd));
	else if (show_del)
		psl_verr_validation(ctx, rf->span,
				    "%s (Implicit default `onDelete`: `%s`) Read more at https://pris.ly/d/cyclic-referential-actions",
				    msg, action_name(del));
	else if (show_upd)
		psl_verr_validation(ctx, rf->span,
				    "%s (Implicit default `onUpdate`: `%s`) Read more at https://pris.ly/d/cyclic-referential-actions",
				    msg, action_name(upd));
	else
		psl_verr_validation(ctx, rf->span,
				    "%s Read more at https://pris.ly/d/cyclic-referential-actions", msg);
}

static void path_str(struct psl_vctx *ctx, const struct cycles *c, uint32_t step, struct strbuf *sb)
{
	uint32_t n = 0, *chain;
	for (uint32_t s = step; s != PSL_NONE; s = c->steps[s].parent)
		n++;
	chain = xcalloc(n + 1, sizeof(uint32_t));
	uint32_t i = n;
	for (uint32_t s = step; s != PSL_NONE; s = c->steps[s].parent)
		chain[--i] = c->steps[s].rel;
	for (i = 0; i < n; i++) {
		const struct psl_db_relation *r = &ctx->db->relations[chain[i]];
		if (i)
			strbuf_addstr(sb, " \xe2\x86\x92 ");
		strbuf_addf(sb, "%s.%s", model_name(ctx, r->model_a),
			    ctx->db->relation_fields[r->field_a].name);
	}
	free(chain);
}

static uint32_t push_step(struct cycles *c, uint32_t rel, uint32_t parent)
{
	ALLOC_GROW(c->steps, c->nsteps + 1, c->asteps);
	c->steps[c->nsteps].rel = rel;
	c->steps[c->nsteps].parent = parent;
	ALLOC_GROW(c->stack, c->nstack + 1, c->astack);
	c->stack[c->nstack++] = c->nsteps;
	return c->nsteps++;
}

/* Prisma's relations::cycles(): a depth-first walk along cascading foreign keys. */
static void check_cycles(struct psl_vctx *ctx, struct cycles *c, uint32_t rel)
{
	const struct psl_db *db = ctx->db;
	uint32_t parent_model = db->relations[rel].model_a;

	c->gen++;
	c->nsteps = c->nstack = 0;
	push_step(c, rel, PSL_NONE);

	while (c->nstack) {
		uint32_t step = c->stack[--c->nstack];
		const struct psl_db_relation *r = &db->relations[c->steps[step].rel];
		const struct psl_db_relation_field *rf = &db->relation_fields[r->field_a];
		c->stamp[r->field_a] = c->gen;

		if (!triggers_modification(effective_on_update(rf)) &&
		    !triggers_modification(effective_on_delete(ctx, rf)))
			continue;
		if (r->model_a == r->model_b) {
			cascade_error(ctx, rel,
				      "A self-relation must have `onDelete` and `onUpdate` referential actions set to `NoAction` in one of the @relation attributes.");
			return;
		}
		if (r->model_b == parent_model) {
			struct strbuf msg = STRBUF_INIT;
			strbuf_addstr(&msg,
				      "Reference causes a cycle. One of the @relation attributes in this cycle must have `onDelete` and `onUpdate` referential actions set to `NoAction`. Cycle path: ");
			path_str(ctx, c, step, &msg);
			strbuf_addch(&msg, '.');
			cascade_error(ctx, rel, msg.buf);
			strbuf_release(&msg);
			return;
		}
		uint32_t m = r->model_b;
		for (uint32_t i = 0; i < c->from_count[m]; i++) {
			uint32_t next = c->from_rel[c->from_first[m] + i];
			if (c->stamp[db->relations[next].field_a] == c->gen)
				continue;
			push_step(c, next, step);
		}
	}
}

/* ---- the relation walk ---- */

void psl_validate_relations(struct psl_vctx *ctx)
{
	struct psl_db *db = ctx->db;
	struct cycles cyc;
	bool cycles = relmode_prisma(ctx);

	if (cycles)
		cycles_init(ctx, &cyc);

	for (uint32_t i = 0; i < db->nrelations; i++) {
		const struct psl_db_relation *r = &db->relations[i];

		if (r->kind == PSL_RELATION_MANY_TO_MANY) {
			many_to_many_checks(ctx, r);
			continue;
		}

		if (cycles && complete_inline(r))
			check_cycles(ctx, &cyc, i);

		if (r->field_a != PSL_NONE) {
			references_unique(ctx, r);
			same_length(ctx, r);
			field_arity(ctx, r);
			scalar_field_types(ctx, r);
			psl_vctx_check_fk_name(ctx, r->field_a);
			set_null_on_required(ctx, r);
		}

		if (r->kind == PSL_RELATION_ONE_TO_ONE)
			one_to_one_checks(ctx, r);
		else
			one_to_many_checks(ctx, r);
	}

	if (cycles)
		cycles_release(&cyc);
}
