/* validate.c - psl_validate(): the pass driver, name resolution and field types */

/*
 * Owns: the psl_db lifecycle and lookups, the validation context, the
 * diagnostic helpers every pass uses, and the first two passes (names,
 * types). The attribute pass is in validate_attrs.c, the configuration
 * blocks in validate_datasource.c, the whole-schema checks in
 * validate_checks.c, relations in validate_relations.c.
 *
 * The order of passes and diagnostics follows Prisma 5.22's psl (parser
 * database, then configuration, then the validation pipeline, which only
 * runs when nothing failed before it).
 */

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "psl/validate_priv.h"

/* ---- psl_db ---- */

void psl_db_init(struct psl_db *db)
{
	memset(db, 0, sizeof(*db));
	arena_init(&db->arena);
	db->datasource.block = PSL_NONE;
}

void psl_db_release(struct psl_db *db)
{
	arena_release(&db->arena);
	psl_db_init(db);
}

uint32_t psl_db_find_model(const struct psl_db *db, const char *name)
{
	/* After validation the context is gone: a linear scan (callers use it rarely). */
	for (uint32_t i = 0; i < db->nmodels; i++)
		if (!strcmp(db->models[i].name, name))
			return i;
	return PSL_NONE;
}

uint32_t psl_db_find_enum(const struct psl_db *db, const char *name)
{
	for (uint32_t i = 0; i < db->nenums; i++)
		if (!strcmp(db->enums[i].name, name))
			return i;
	return PSL_NONE;
}

uint32_t psl_db_find_field(const struct psl_db *db, uint32_t model_id, const char *name)
{
	if (model_id >= db->nmodels)
		return PSL_NONE;
	const struct psl_db_model *m = &db->models[model_id];
	for (uint32_t i = m->first_field; i < m->first_field + m->nfields; i++)
		if (!strcmp(db->fields[i].name, name))
			return i;
	return PSL_NONE;
}

/* ---- context lookups ---- */

uint32_t psl_vctx_find_model(const struct psl_vctx *ctx, const char *name)
{
	uint32_t v = strmap_get(&ctx->ids, 0, name);
	return v == STRMAP_MISSING ? PSL_NONE : v;
}

uint32_t psl_vctx_find_enum(const struct psl_vctx *ctx, const char *name)
{
	uint32_t v = strmap_get(&ctx->ids, 1, name);
	return v == STRMAP_MISSING ? PSL_NONE : v;
}

uint32_t psl_vctx_find_field(const struct psl_vctx *ctx, uint32_t model_id, const char *name)
{
	uint32_t v = strmap_get(&ctx->fields, model_id, name);
	return v == STRMAP_MISSING ? PSL_NONE : v;
}

bool psl_vctx_field_exists(const struct psl_vctx *ctx, uint32_t model_id, const char *name)
{
	return strmap_get(&ctx->fields, model_id, name) != STRMAP_MISSING ||
	       strmap_get(&ctx->all_fields, model_id, name) != STRMAP_MISSING;
}

const struct psl_block *psl_vctx_model_block(const struct psl_vctx *ctx, uint32_t model_id)
{
	return &ctx->s->blocks[ctx->db->models[model_id].block];
}

const struct psl_field *psl_vctx_field_ast(const struct psl_vctx *ctx, uint32_t field_id)
{
	const struct psl_db_field *f = &ctx->db->fields[field_id];
	return &psl_vctx_model_block(ctx, f->model_id)->fields[f->ast_field];
}

const struct psl_field *psl_vctx_rf_ast(const struct psl_vctx *ctx, uint32_t rf_id)
{
	const struct psl_db_relation_field *f = &ctx->db->relation_fields[rf_id];
	return &psl_vctx_model_block(ctx, f->model_id)->fields[f->ast_field];
}

const char *psl_vctx_container(const struct psl_vctx *ctx, uint32_t model_id)
{
	return ctx->db->models[model_id].is_view ? "view" : "model";
}

/* ---- diagnostics ---- */

static void vdiag(struct psl_vctx *ctx, enum psl_severity sev, struct psl_span span,
		  const char *prefix, const char *fmt, va_list ap)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 0)))
#endif
	;

static void vdiag(struct psl_vctx *ctx, enum psl_severity sev, struct psl_span span,
		  const char *prefix, const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;
	if (prefix)
		strbuf_addstr(&sb, prefix);
	strbuf_vaddf(&sb, fmt, ap);
	psl_diag_add(ctx->s, sev, span, "%s", sb.buf);
	strbuf_release(&sb);
}

void psl_verr(struct psl_vctx *ctx, struct psl_span span, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(ctx, PSL_ERROR, span, NULL, fmt, ap);
	va_end(ap);
}

void psl_vwarn(struct psl_vctx *ctx, struct psl_span span, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(ctx, PSL_WARNING, span, NULL, fmt, ap);
	va_end(ap);
}

void psl_verr_model(struct psl_vctx *ctx, struct psl_span span, uint32_t model_id,
		    const char *fmt, ...)
{
	struct strbuf pre = STRBUF_INIT;
	va_list ap;

	strbuf_addf(&pre, "Error validating %s \"%s\": ", psl_vctx_container(ctx, model_id),
		    ctx->db->models[model_id].name);
	va_start(ap, fmt);
	vdiag(ctx, PSL_ERROR, span, pre.buf, fmt, ap);
	va_end(ap);
	strbuf_release(&pre);
}

void psl_verr_field(struct psl_vctx *ctx, struct psl_span span, uint32_t model_id,
		    const char *field, const char *fmt, ...)
{
	struct strbuf pre = STRBUF_INIT;
	va_list ap;

	strbuf_addf(&pre, "Error validating field `%s` in %s `%s`: ", field,
		    psl_vctx_container(ctx, model_id), ctx->db->models[model_id].name);
	va_start(ap, fmt);
	vdiag(ctx, PSL_ERROR, span, pre.buf, fmt, ap);
	va_end(ap);
	strbuf_release(&pre);
}

void psl_verr_attr(struct psl_vctx *ctx, struct psl_span span, const char *attr_name,
		   const char *fmt, ...)
{
	struct strbuf pre = STRBUF_INIT;
	va_list ap;

	strbuf_addf(&pre, "Error parsing attribute \"%s\": ", attr_name);
	va_start(ap, fmt);
	vdiag(ctx, PSL_ERROR, span, pre.buf, fmt, ap);
	va_end(ap);
	strbuf_release(&pre);
}

void psl_verr_validation(struct psl_vctx *ctx, struct psl_span span, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(ctx, PSL_ERROR, span, "Error validating: ", fmt, ap);
	va_end(ap);
}

/* Prisma names the attribute "@" + name in these messages, also for @@ ones. */
const char *psl_vattr_fullname(struct psl_vctx *ctx, const struct psl_attr *a)
{
	return arena_printf(&ctx->db->arena, "@%s", a->name);
}

void psl_vattr_error(struct psl_vctx *ctx, const struct psl_attr *a, const char *fmt, ...)
{
	struct strbuf pre = STRBUF_INIT;
	va_list ap;

	strbuf_addf(&pre, "Error parsing attribute \"@%s\": ", a->name);
	va_start(ap, fmt);
	vdiag(ctx, PSL_ERROR, a->span, pre.buf, fmt, ap);
	va_end(ap);
	strbuf_release(&pre);
}

/* ---- expressions ---- */

static void vstring_literal(struct strbuf *sb, const char *s)
{
	strbuf_addch(sb, '"');
	for (; *s; s++) {
		switch (*s) {
		case '"': strbuf_addstr(sb, "\\\""); break;
		case '\\': strbuf_addstr(sb, "\\\\"); break;
		case '\n': strbuf_addstr(sb, "\\n"); break;
		case '\r': strbuf_addstr(sb, "\\r"); break;
		case '\t': strbuf_addstr(sb, "\\t"); break;
		default: strbuf_addch(sb, *s); break;
		}
	}
	strbuf_addch(sb, '"');
}

void psl_vexpr_str(struct strbuf *sb, const struct psl_expr *e)
{
	switch (e->kind) {
	case PSL_EXPR_NUMBER:
	case PSL_EXPR_CONST:
		strbuf_addstr(sb, e->str);
		break;
	case PSL_EXPR_STRING:
		vstring_literal(sb, e->str);
		break;
	case PSL_EXPR_FUNC:
		strbuf_addstr(sb, e->str);
		strbuf_addch(sb, '(');
		for (uint32_t i = 0; i < e->nargs; i++) {
			if (i)
				strbuf_addch(sb, ',');
			if (e->args[i].name) {
				strbuf_addstr(sb, e->args[i].name);
				strbuf_addstr(sb, ": ");
			}
			if (e->args[i].value)
				psl_vexpr_str(sb, e->args[i].value);
		}
		strbuf_addch(sb, ')');
		break;
	case PSL_EXPR_ARRAY:
		strbuf_addch(sb, '[');
		for (uint32_t i = 0; i < e->nitems; i++) {
			if (i)
				strbuf_addch(sb, ',');
			psl_vexpr_str(sb, e->items[i]);
		}
		strbuf_addch(sb, ']');
		break;
	}
}

const char *psl_vexpr_kind_name(const struct psl_expr *e)
{
	switch (e->kind) {
	case PSL_EXPR_NUMBER: return "numeric";
	case PSL_EXPR_STRING: return "string";
	case PSL_EXPR_CONST: return "literal";
	case PSL_EXPR_FUNC: return "functional";
	case PSL_EXPR_ARRAY: return "array";
	}
	return "";
}

void psl_vtype_mismatch(struct psl_vctx *ctx, const char *what, const struct psl_expr *e)
{
	struct strbuf sb = STRBUF_INIT;
	psl_vexpr_str(&sb, e);
	psl_verr(ctx, e->span, "Expected a %s value, but received %s value `%s`.", what,
		 psl_vexpr_kind_name(e), sb.buf);
	strbuf_release(&sb);
}

const char *psl_vcoerce_string(struct psl_vctx *ctx, const struct psl_expr *e)
{
	if (e->kind == PSL_EXPR_STRING)
		return e->str;
	psl_vtype_mismatch(ctx, "string", e);
	return NULL;
}

const char *psl_vcoerce_constant(struct psl_vctx *ctx, const struct psl_expr *e)
{
	if (e->kind == PSL_EXPR_CONST)
		return e->str;
	psl_vtype_mismatch(ctx, "constant", e);
	return NULL;
}

bool psl_vparse_i64(const char *s, int64_t *out)
{
	const char *p = s;
	bool neg = false;
	uint64_t v = 0;

	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (!*p)
		return false;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		uint64_t d = (uint64_t)(*p - '0');
		if (v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	if (neg) {
		if (v > (uint64_t)INT64_MAX + 1)
			return false;
		*out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
	} else {
		if (v > (uint64_t)INT64_MAX)
			return false;
		*out = (int64_t)v;
	}
	return true;
}

bool psl_vcoerce_integer(struct psl_vctx *ctx, const struct psl_expr *e, int64_t *out)
{
	if (e->kind == PSL_EXPR_NUMBER && psl_vparse_i64(e->str, out))
		return true;
	psl_vtype_mismatch(ctx, "numeric", e);
	return false;
}

bool psl_vcoerce_bool(struct psl_vctx *ctx, const struct psl_expr *e, bool *out)
{
	if (e->kind == PSL_EXPR_CONST && (!strcmp(e->str, "true") || !strcmp(e->str, "false"))) {
		*out = e->str[0] == 't';
		return true;
	}
	psl_vtype_mismatch(ctx, "boolean", e);
	return false;
}

/* ---- pass 1: names ---- */

static const char *const reserved_names[] = {
	"PrismaClient", "break", "case", "catch", "class", "const", "continue", "debugger",
	"default", "delete", "do", "else", "enum", "export", "extends", "false", "finally",
	"for", "function", "if", "implements", "import", "in", "instanceof", "interface",
	"let", "new", "null", "package", "private", "protected", "public", "return", "super",
	"switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
	"yield",
};

static bool is_reserved_name(const char *name)
{
	/* all of them start with a lowercase letter, but for PrismaClient */
	if (name[0] != 'P' && !(name[0] >= 'a' && name[0] <= 'z'))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(reserved_names); i++)
		if (!strcmp(reserved_names[i], name))
			return true;
	return false;
}

/* ORDER PSL_SCALAR (the built-in ones) */
static const char *const scalar_names[] = {
	"String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes",
};

static int scalar_from_name(const char *name)
{
	int i;

	switch (name[0]) {
	case 'S': i = PSL_SCALAR_STRING; break;
	case 'B': i = name[1] == 'o' ? PSL_SCALAR_BOOLEAN : name[1] == 'i' ? PSL_SCALAR_BIGINT : PSL_SCALAR_BYTES; break;
	case 'I': i = PSL_SCALAR_INT; break;
	case 'F': i = PSL_SCALAR_FLOAT; break;
	case 'D': i = name[1] == 'e' ? PSL_SCALAR_DECIMAL : PSL_SCALAR_DATETIME; break;
	case 'J': i = PSL_SCALAR_JSON; break;
	default: return -1;
	}
	return strcmp(scalar_names[i], name) ? -1 : i;
}

static int scalar_from_name_nocase(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(scalar_names); i++)
		if (!strcasecmp(scalar_names[i], name))
			return (int)i;
	return -1;
}

/* First character numeric (Unicode-ish: ASCII digits; UTF-8 digits are rare in names). */
static void identifier_error(struct psl_vctx *ctx, const char *name, struct psl_span span,
			     const char *item)
{
	if (!name || !*name)
		psl_verr_validation(ctx, span, "The name of a %s must not be empty.", item);
	else if (name[0] >= '0' && name[0] <= '9')
		psl_verr_validation(ctx, span, "The name of a %s must not start with a number.", item);
	else if (strchr(name, '-'))
		psl_verr_validation(ctx, span, "The character `-` is not allowed in %s names.", item);
}

static inline void validate_identifier(struct psl_vctx *ctx, const char *name, struct psl_span span,
				       const char *item)
{
	if (!name || !*name || (name[0] >= '0' && name[0] <= '9') || strchr(name, '-'))
		identifier_error(ctx, name, span, item);
}

static void validate_attr_identifiers(struct psl_vctx *ctx, const struct psl_attr *attrs,
				      uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		validate_identifier(ctx, attrs[i].name, attrs[i].name_span, "Attribute");
}

static const char *top_type_name(enum psl_block_kind k)
{
	switch (k) {
	case PSL_BLOCK_DATASOURCE: return "source";
	case PSL_BLOCK_GENERATOR: return "generator";
	case PSL_BLOCK_MODEL: return "model";
	case PSL_BLOCK_VIEW: return "view";
	case PSL_BLOCK_TYPE: return "composite type";
	case PSL_BLOCK_ENUM: return "enum";
	}
	return "";
}

/*
 * Member names already seen in one block (a field, enum value or property
 * name defined twice). A block of up to DUP_LOCAL members uses a small
 * local hash table of member indexes (cleared per block); a bigger one the
 * map, with the block index as namespace.
 */
#define DUP_LOCAL 256

struct dup_names {
	struct strmap map;
	uint32_t ns;
	bool big;
	uint32_t mask;                      /* local table: slots - 1 */
	uint16_t slot[2 * DUP_LOCAL];       /* 0 empty, else 1 + index into names */
	uint32_t n;
	const char *names[DUP_LOCAL];
	uint32_t lens[DUP_LOCAL];
};

static void dup_begin(struct dup_names *d, uint32_t b, uint32_t members)
{
	uint32_t slots = 16;

	d->ns = b;
	d->big = members > DUP_LOCAL;
	d->n = 0;
	if (d->big)
		return;
	while (slots < 2 * members)
		slots *= 2;
	d->mask = slots - 1;
	memset(d->slot, 0, slots * sizeof(d->slot[0]));
}

/* A cheap hash of a name: its length, first and last bytes (collisions are compared). */
static uint32_t dup_hash(const char *name, size_t len)
{
	uint64_t x = len;

	if (len >= 8) {
		uint64_t a, b;
		memcpy(&a, name, 8);
		memcpy(&b, name + len - 8, 8);
		x ^= a ^ (b << 7 | b >> 57);
	} else if (len >= 4) {
		uint32_t a, b;
		memcpy(&a, name, 4);
		memcpy(&b, name + len - 4, 4);
		x ^= a ^ ((uint64_t)b << 29);
	} else {
		for (size_t i = 0; i < len; i++)
			x = x << 8 | (unsigned char)name[i];
	}
	x *= 0x9e3779b97f4a7c15ull;
	return (uint32_t)(x >> 32);
}

/* Whether name was seen before in the block; remembers it. */
static bool dup_seen(struct dup_names *d, const char *name, uint32_t index)
{
	if (d->big)
		return strmap_put(&d->map, d->ns, name, index) != STRMAP_MISSING;
	size_t len = strlen(name);
	for (uint32_t i = dup_hash(name, len) & d->mask;; i = (i + 1) & d->mask) {
		uint32_t k = d->slot[i];
		if (!k) {
			d->names[d->n] = name;
			d->lens[d->n] = (uint32_t)len;
			d->slot[i] = (uint16_t)++d->n;
			return false;
		}
		if (d->lens[k - 1] == len && !memcmp(d->names[k - 1], name, len))
			return true;
	}
}

static void names_pass(struct psl_vctx *ctx)
{
	struct psl_schema *s = ctx->s;
	struct dup_names dup;

	strmap_init(&dup.map);
	for (uint32_t b = 0; b < s->nblocks; b++) {
		const struct psl_block *blk = &s->blocks[b];
		uint32_t ns = 0;

		dup_begin(&dup, b, blk->nfields + blk->nvalues + blk->nprops);

		if (blk->name && scalar_from_name(blk->name) >= 0)
			psl_verr(ctx, blk->name_span,
				 "\"%s\" is a reserved scalar type name and cannot be used.", blk->name);

		switch (blk->kind) {
		case PSL_BLOCK_ENUM:
			validate_identifier(ctx, blk->name, blk->name_span, "Enum");
			if (blk->name && is_reserved_name(blk->name))
				psl_verr(ctx, blk->span,
					 "Error validating enum `%s`: The enum name `%s` is invalid. It is a reserved name. Please change it. Read more at https://www.prisma.io/docs/reference/tools-and-interfaces/prisma-schema/data-model#naming-enums",
					 blk->name, blk->name);
			validate_attr_identifiers(ctx, blk->attrs, blk->nattrs);
			for (uint32_t v = 0; v < blk->nvalues; v++) {
				const struct psl_enum_value *ev = &blk->values[v];
				validate_identifier(ctx, ev->name, ev->name_span, "Enum Value");
				validate_attr_identifiers(ctx, ev->attrs, ev->nattrs);
				if (dup_seen(&dup, ev->name, v))
					psl_verr(ctx, (ev->decl_span.end ? ev->decl_span : ev->span),
						 "Value \"%s\" is already defined on enum \"%s\".",
						 ev->name, blk->name);
			}
			break;
		case PSL_BLOCK_MODEL:
		case PSL_BLOCK_VIEW: {
			bool view = blk->kind == PSL_BLOCK_VIEW;
			validate_identifier(ctx, blk->name, blk->name_span, view ? "view" : "Model");
			if (blk->name && is_reserved_name(blk->name))
				psl_verr(ctx, blk->span,
					 "Error validating model \"%s\": The %s name `%s` is invalid. It is a reserved name. Please change it. Read more at https://pris.ly/d/naming-models",
					 blk->name, view ? "view" : "model", blk->name);
			validate_attr_identifiers(ctx, blk->attrs, blk->nattrs);
			for (uint32_t f = 0; f < blk->nfields; f++) {
				const struct psl_field *fld = &blk->fields[f];
				if (!fld->has_type || fld->invalid)
					continue; /* not a field: the parser reported it */
				validate_identifier(ctx, fld->name, fld->name_span, view ? "field" : "Field");
				validate_attr_identifiers(ctx, fld->attrs, fld->nattrs);
				if (dup_seen(&dup, fld->name, f))
					psl_verr(ctx, fld->name_span,
						 "Field \"%s\" is already defined on %s \"%s\".",
						 fld->name, view ? "view" : "model", blk->name);
			}
			break;
		}
		case PSL_BLOCK_TYPE:
			validate_identifier(ctx, blk->name, blk->name_span, "Composite type");
			for (uint32_t f = 0; f < blk->nfields; f++) {
				const struct psl_field *fld = &blk->fields[f];
				if (!fld->has_type || fld->invalid)
					continue;
				if (dup_seen(&dup, fld->name, f))
					psl_verr(ctx, fld->name_span,
						 "Field \"%s\" is already defined on composite type \"%s\".",
						 fld->name, blk->name);
			}
			break;
		case PSL_BLOCK_DATASOURCE:
		case PSL_BLOCK_GENERATOR:
			ns = blk->kind == PSL_BLOCK_GENERATOR ? 1 : 2;
			for (uint32_t p = 0; p < blk->nprops; p++) {
				const struct psl_prop *pr = &blk->props[p];
				if (dup_seen(&dup, pr->name, p))
					psl_verr(ctx, pr->name_span,
						 "Key \"%s\" is already defined in %s \"%s\".", pr->name,
						 top_type_name(blk->kind), blk->name);
			}
			break;
		}

		if (!blk->name)
			continue;
		/* the last definition wins the name, as in Prisma's map */
		uint32_t prev = strmap_get(&ctx->tops, ns, blk->name);
		strmap_set(&ctx->tops, ns, blk->name, b);
		if (prev != STRMAP_MISSING)
			psl_verr(ctx, blk->name_span,
				 "The %s \"%s\" cannot be defined because a %s with that name already exists.",
				 top_type_name(blk->kind), blk->name, top_type_name(s->blocks[prev].kind));
	}
	strmap_release(&dup.map);
}

/* ---- pass 2: types ---- */

/*
 * Builds db->models / enums / enum_values / fields / relation_fields. A model
 * or enum whose name is a duplicate still gets an entry (its block is
 * validated), but name lookups resolve to the first definition, as Prisma's.
 */
static bool is_index_attr(const struct psl_attr *a)
{
	if (a->name[0] != 'i' && a->name[0] != 'u' && a->name[0] != 'f')
		return false;
	if (a->block)
		return !strcmp(a->name, "id") || !strcmp(a->name, "unique") ||
		       !strcmp(a->name, "index") || !strcmp(a->name, "fulltext");
	return !strcmp(a->name, "id") || !strcmp(a->name, "unique");
}

/*
 * What a model or view field's type resolves to, decided once by
 * collect_tops() for types_pass(): FT_SCALAR | the built-in scalar (or
 * PSL_SCALAR_UNSUPPORTED for Unsupported("...")), else the block index the
 * name has among the top-level names, or STRMAP_MISSING (test it first: it
 * has the FT_SCALAR bit). One entry per field
 * of every model and view block, in block then field order.
 */
#define FT_SCALAR 0x80000000u

static uint32_t field_type_of(const struct psl_vctx *ctx, const struct psl_field *fld)
{
	int sc;

	if (fld->type.unsupported)
		return FT_SCALAR | PSL_SCALAR_UNSUPPORTED;
	if ((sc = scalar_from_name(fld->type.name)) >= 0)
		return FT_SCALAR | (uint32_t)sc;
	return strmap_get(&ctx->tops, 0, fld->type.name);
}

static void collect_tops(struct psl_vctx *ctx, uint32_t *ftypes)
{
	struct psl_schema *s = ctx->s;
	struct psl_db *db = ctx->db;
	struct psl_vpriv *pv = ctx->priv;
	uint32_t nmodels = 0, nenums = 0, nvalues = 0, nfields = 0, nrel = 0, nidx = 0, k = 0;

	/* exact sizes (relation fields: types naming a model or view) */
	for (uint32_t b = 0; b < s->nblocks; b++) {
		const struct psl_block *blk = &s->blocks[b];
		if (blk->kind == PSL_BLOCK_MODEL || blk->kind == PSL_BLOCK_VIEW) {
			nmodels++;
			for (uint32_t a = 0; a < blk->nattrs; a++)
				nidx += is_index_attr(&blk->attrs[a]);
			for (uint32_t f = 0; f < blk->nfields; f++, k++) {
				const struct psl_field *fld = &blk->fields[f];
				for (uint32_t a = 0; a < fld->nattrs; a++)
					nidx += is_index_attr(&fld->attrs[a]);
				if (!fld->has_type || fld->invalid)
					continue;
				/* as types_pass() decides: built-in scalar names first */
				uint32_t t = ftypes[k] = field_type_of(ctx, fld);
				if (t != STRMAP_MISSING && !(t & FT_SCALAR) &&
				    (s->blocks[t].kind == PSL_BLOCK_MODEL || s->blocks[t].kind == PSL_BLOCK_VIEW))
					nrel++;
				else
					nfields++;
			}
		} else if (blk->kind == PSL_BLOCK_ENUM) {
			nenums++;
			nvalues += blk->nvalues;
		}
	}

	db->models = ARENA_NEW_ARRAY(&db->arena, struct psl_db_model, nmodels + 1);
	db->enums = ARENA_NEW_ARRAY(&db->arena, struct psl_db_enum, nenums + 1);
	db->enum_values = ARENA_NEW_ARRAY(&db->arena, struct psl_db_enum_value, nvalues + 1);
	db->fields = ARENA_NEW_ARRAY(&db->arena, struct psl_db_field, nfields + 1);
	db->relation_fields = ARENA_NEW_ARRAY(&db->arena, struct psl_db_relation_field, nrel + 1);
	db->indexes = ARENA_NEW_ARRAY(&db->arena, struct psl_db_index, nidx + 1);
	pv->fields = ARENA_NEW_ARRAY(&db->arena, struct psl_vfield_priv, nfields + 1);
	pv->indexes = ARENA_NEW_ARRAY(&db->arena, struct psl_vindex_priv, nidx + 1);
	pv->models = ARENA_NEW_ARRAY(&db->arena, struct psl_vmodel_priv, nmodels + 1);
	pv->enums = ARENA_NEW_ARRAY(&db->arena, struct psl_venum_priv, nenums + 1);
	ctx->rf_attr = ARENA_NEW_ARRAY(&db->arena, const struct psl_attr *, nrel + 1);
	ctx->pk_attr = ARENA_NEW_ARRAY(&db->arena, const struct psl_attr *, nmodels + 1);
	ctx->block_id = ARENA_NEW_ARRAY(&db->arena, uint32_t, s->nblocks + 1);

	for (uint32_t b = 0; b < s->nblocks; b++) {
		const struct psl_block *blk = &s->blocks[b];
		ctx->block_id[b] = PSL_NONE;
		if (blk->kind == PSL_BLOCK_MODEL || blk->kind == PSL_BLOCK_VIEW) {
			uint32_t id = db->nmodels++;
			struct psl_db_model *m = &db->models[id];
			m->name = blk->name ? blk->name : "";
			m->db_name = m->name;
			m->is_view = blk->kind == PSL_BLOCK_VIEW;
			m->block = b;
			m->doc = blk->doc;
			m->primary_key = PSL_NONE;
			ctx->block_id[b] = id;
			if (blk->name && strmap_get(&ctx->tops, 0, blk->name) == b)
				strmap_set(&ctx->ids, 0, blk->name, id);
		} else if (blk->kind == PSL_BLOCK_ENUM) {
			uint32_t id = db->nenums++;
			struct psl_db_enum *e = &db->enums[id];
			e->name = blk->name ? blk->name : "";
			e->db_name = e->name;
			e->block = b;
			e->doc = blk->doc;
			e->first_value = db->nenum_values;
			for (uint32_t v = 0; v < blk->nvalues; v++) {
				uint32_t vid = db->nenum_values++;
				struct psl_db_enum_value *ev = &db->enum_values[vid];
				ev->name = blk->values[v].name;
				ev->db_name = ev->name;
				ev->enum_id = id;
				ev->span = blk->values[v].decl_span.end ? blk->values[v].decl_span : blk->values[v].span;
				strmap_put(&ctx->enum_values, id, ev->name, vid);
			}
			e->nvalues = db->nenum_values - e->first_value;
			ctx->block_id[b] = id;
			if (blk->name && strmap_get(&ctx->tops, 0, blk->name) == b)
				strmap_set(&ctx->ids, 1, blk->name, id);
		}
	}
}

static void type_not_found(struct psl_vctx *ctx, const struct psl_field *fld)
{
	int sc = scalar_from_name_nocase(fld->type.name);
	if (sc >= 0)
		psl_verr(ctx, fld->type.name_span,
			 "Type \"%s\" is neither a built-in type, nor refers to another model, composite type, or enum. Did you mean \"%s\"?",
			 fld->type.name, scalar_names[sc]);
	else
		psl_verr(ctx, fld->type.name_span,
			 "Type \"%s\" is neither a built-in type, nor refers to another model, composite type, or enum.",
			 fld->type.name);
}

static void types_pass(struct psl_vctx *ctx, const uint32_t *ftypes)
{
	struct psl_schema *s = ctx->s;
	struct psl_db *db = ctx->db;
	struct psl_vpriv *pv = ctx->priv;
	uint32_t k = 0;

	for (uint32_t b = 0; b < s->nblocks; b++) {
		const struct psl_block *blk = &s->blocks[b];

		if (blk->kind == PSL_BLOCK_ENUM) {
			if (!blk->nvalues)
				psl_verr_validation(ctx, blk->span, "An enum must have at least one value.");
			continue;
		}
		if (blk->kind == PSL_BLOCK_TYPE) {
			for (uint32_t f = 0; f < blk->nfields; f++) {
				const struct psl_field *fld = &blk->fields[f];
				if (!fld->has_type || fld->invalid || fld->type.unsupported)
					continue;
				if (scalar_from_name(fld->type.name) >= 0)
					continue;
				uint32_t t = strmap_get(&ctx->tops, 0, fld->type.name);
				if (t == STRMAP_MISSING) {
					type_not_found(ctx, fld);
				} else if (s->blocks[t].kind == PSL_BLOCK_MODEL ||
					   s->blocks[t].kind == PSL_BLOCK_VIEW) {
					psl_verr(ctx, fld->type.name_span,
						 "Error validating composite type \"%s\": %s refers to a model, making this a relation field. Relation fields inside composite types are not supported.",
						 blk->name, s->blocks[t].name);
				}
			}
			continue;
		}
		if (blk->kind != PSL_BLOCK_MODEL && blk->kind != PSL_BLOCK_VIEW)
			continue;

		uint32_t mid = ctx->block_id[b];
		struct psl_db_model *m = &db->models[mid];
		m->first_field = db->nfields;
		m->first_relation_field = db->nrelation_fields;

		for (uint32_t f = 0; f < blk->nfields; f++, k++) {
			const struct psl_field *fld = &blk->fields[f];
			if (!fld->has_type || fld->invalid)
				continue;

			int sc = -1;
			uint32_t enum_id = PSL_NONE, target = PSL_NONE, composite = PSL_NONE;
			uint32_t t = ftypes[k];
			if (t != STRMAP_MISSING && (t & FT_SCALAR)) {
				sc = (int)(t & ~FT_SCALAR);
			} else {
				if (t == STRMAP_MISSING) {
					type_not_found(ctx, fld);
					strmap_set(&ctx->all_fields, mid, fld->name, f);
					continue;
				}
				switch (s->blocks[t].kind) {
				case PSL_BLOCK_MODEL:
				case PSL_BLOCK_VIEW:
					target = ctx->block_id[t];
					break;
				case PSL_BLOCK_ENUM:
					sc = PSL_SCALAR_ENUM;
					enum_id = ctx->block_id[t];
					break;
				case PSL_BLOCK_TYPE:
					sc = PSL_SCALAR_UNSUPPORTED;
					composite = t;
					break;
				default:
					strmap_set(&ctx->all_fields, mid, fld->name, f);
					continue;
				}
			}

			if (target != PSL_NONE) {
				uint32_t id = db->nrelation_fields++;
				struct psl_db_relation_field *rf = &db->relation_fields[id];
				rf->name = fld->name;
				rf->model_id = mid;
				rf->target_model_id = target;
				rf->optional = fld->type.optional;
				rf->list = fld->type.list;
				rf->on_delete = rf->on_update = PSL_ACTION_NONE;
				rf->relation_id = PSL_NONE;
				rf->ast_field = f;
				rf->span = psl_vfield_span(fld);
				ctx->rf_attr[id] = psl_field_attr(fld, "relation");
				strmap_set(&ctx->fields, mid, fld->name, PSL_VFIELD_RELATION | id);
			} else {
				uint32_t id = db->nfields++;
				struct psl_db_field *df = &db->fields[id];
				df->name = fld->name;
				df->db_name = fld->name;
				df->model_id = mid;
				df->scalar = (enum psl_scalar)sc;
				df->enum_id = enum_id;
				df->unsupported = composite == PSL_NONE ? fld->type.unsupported : NULL;
				df->optional = fld->type.optional;
				df->list = fld->type.list;
				df->ast_field = f;
				df->span = psl_vfield_span(fld);
				df->doc = fld->doc;
				df->dflt.kind = PSL_DEFAULT_NONE;
				df->dflt.enum_value_id = PSL_NONE;
				pv->fields[id].composite = composite;
				strmap_set(&ctx->fields, mid, fld->name, id);
			}
		}
		m->nfields = db->nfields - m->first_field;
		m->nrelation_fields = db->nrelation_fields - m->first_relation_field;
	}
}

/* ---- driver ---- */

uint32_t psl_validate(struct psl_schema *s, struct psl_db *db)
{
	struct psl_vctx ctx;
	struct psl_vpriv priv;

	memset(&ctx, 0, sizeof(ctx));
	memset(&priv, 0, sizeof(priv));
	ctx.s = s;
	ctx.db = db;
	ctx.priv = &priv;
	ctx.postgres = true;
	strmap_init_arena(&ctx.tops, &db->arena);
	strmap_init_arena(&ctx.fields, &db->arena);
	strmap_init_arena(&ctx.all_fields, &db->arena);
	strmap_init_arena(&ctx.enum_values, &db->arena);
	strmap_init_arena(&ctx.ids, &db->arena);

	/* size the name tables once: no rehashing on big schemas */
	uint32_t nfields = 0, nvalues = 0;
	for (uint32_t b = 0; b < s->nblocks; b++) {
		nfields += s->blocks[b].nfields + s->blocks[b].nprops;
		nvalues += s->blocks[b].nvalues;
	}
	/*
	 * The db with its name tables takes some 300 bytes per field (the
	 * field, its private part, its index and default, the table slots):
	 * one block for all of it.
	 */
	arena_expect(&db->arena, (size_t)nfields * 320 + (size_t)nvalues * 64 + (size_t)s->nblocks * 256);
	strmap_reserve(&ctx.tops, s->nblocks);
	strmap_reserve(&ctx.fields, nfields);
	strmap_reserve(&ctx.enum_values, nvalues);
	strmap_reserve(&ctx.ids, s->nblocks);

	/* the parser database: names, types, attributes, relations */
	names_pass(&ctx);
	uint32_t nmfields = 0;
	for (uint32_t b = 0; b < s->nblocks; b++)
		if (s->blocks[b].kind == PSL_BLOCK_MODEL || s->blocks[b].kind == PSL_BLOCK_VIEW)
			nmfields += s->blocks[b].nfields;
	uint32_t *ftypes = xmalloc(xmul(nmfields + 1, sizeof(*ftypes)));
	collect_tops(&ctx, ftypes);
	types_pass(&ctx, ftypes);
	free(ftypes);
	psl_vpass_attributes(&ctx);
	psl_vrel_infer(&ctx);

	/* the configuration blocks */
	psl_vpass_configuration(&ctx);

	/* the validation pipeline runs only on a schema without errors so far */
	if (s->nerrors == 0)
		psl_vpass_validations(&ctx);

	free(priv.unknown_fn_defaults);
	strmap_release(&ctx.tops);
	strmap_release(&ctx.fields);
	strmap_release(&ctx.all_fields);
	strmap_release(&ctx.enum_values);
	strmap_release(&ctx.ids);
	return s->nerrors;
}
