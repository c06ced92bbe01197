/* validate_internal.h - the validation context shared by the psl validation passes */
#ifndef MESDB_PSL_VALIDATE_INTERNAL_H
#define MESDB_PSL_VALIDATE_INTERNAL_H

/*
 * Private to src/psl: validate.c (driver, names, types), validate_attrs.c,
 * validate_defaults.c, validate_native.c, validate_datasource.c and
 * validate_relations.c. Not part of the module's API (that is db.h).
 *
 * The driver mirrors Prisma 5.22's pipeline (checked against the real
 * Prisma 5.22 CLI):
 *
 *   1. names         (duplicates, reserved names, identifiers)
 *   2. types         (field types resolved; a field whose type does not
 *                    resolve is neither scalar nor relation field)
 *   3. attributes    first psl_vrel_attribute(ctx, rf_id) for EVERY relation
 *                    field that has an @relation attribute, in relation field
 *                    order (all models), each followed by that relation
 *                    field's other attributes (@id, @ignore, @default, @map,
 *                    @unique, unknown ones); then per model: the scalar fields'
 *                    attributes in field order, then the block attributes;
 *                    then per enum, per composite type
 *   4. psl_vrel_infer(ctx)                                 (pair the relation fields)
 *   5. generator, then datasource blocks
 *   -- 1..5 all run, whatever failed before; 6 runs only when nothing failed --
 *   6. validations: composite types, unknown default functions, datasource
 *      properties, database-name clashes, then per model (models, then views):
 *      model checks, scalar field checks, then
 *                    psl_vrel_model(ctx, model_id)         (per-model relation-field checks;
 *                                                          returning false stops ALL further
 *                                                          validation, as Prisma does after
 *                                                          an ambiguous relation)
 *      then the index checks; enums; then
 *                    psl_validate_relations(ctx)           (the per-relation checks)
 *
 * CONTRACT with validate_relations.c
 *
 * Filled before psl_vrel_attribute() is first called (after the types pass):
 *   - db->models[] (all fields but first_index/nindexes/primary_key, which
 *     the attribute pass fills model by model), db->enums[], db->enum_values[]
 *   - db->fields[]: every scalar field (name, db_name is the field name until
 *     @map is read, model_id, scalar, enum_id, unsupported, optional, list,
 *     ast_field, span, doc). Fields of a model are contiguous
 *     (models[m].first_field .. + nfields), in source order.
 *   - db->relation_fields[]: one per field whose type is a model or view:
 *     name, model_id, target_model_id, optional, list, ast_field, span;
 *     relation_name/fields/references/map NULL, on_delete/on_update NONE,
 *     relation_id PSL_NONE. Contiguous per model, in source order.
 *   - ctx->rf_attr[rf_id]: the field's @relation attribute (or NULL).
 *   - ctx lookups: psl_vctx_find_model(), psl_vctx_find_field(),
 *     psl_vctx_field_exists() (a field name that exists but whose type did
 *     not resolve counts, for Prisma, as a non-scalar field).
 *   - NOT yet: scalar fields' db_name (@map), models' db_name/indexes: the
 *     relation fields' attributes come first.
 *
 * Filled by the attribute pass before psl_vrel_infer() runs:
 *   - fields' db_name (@map), ignored (@ignore), updated_at, native, dflt;
 *     relation_fields' ignored (@ignore); models' db_name, schema, ignored,
 *     primary_key and their indexes (db->indexes).
 *
 * validate_relations.c fills:
 *   - in psl_vrel_attribute(): relation_fields[rf].relation_name, fields,
 *     nfields, references, nreferences, on_delete, on_update, map (arrays in
 *     db->arena), reporting the @relation argument errors;
 *   - in psl_vrel_infer(): db->relations[] / nrelations and every
 *     relation_fields[rf].relation_id. Implicit many-to-many join tables are
 *     NOT db entries: calc derives them from the relation.
 *   - psl_vrel_model() / psl_validate_relations(): diagnostics only. For the
 *     foreign-key constraint name check (Prisma's
 *     relations::has_a_unique_constraint_name) call psl_vctx_check_fk_name().
 */

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/strmap.h"
#include "psl/ast.h"
#include "psl/db.h"

/* psl_vctx_find_field() results: a scalar field id, or this bit | a relation field id */
#define PSL_VFIELD_RELATION 0x80000000u

struct psl_vctx {
	struct psl_schema *s;
	struct psl_db *db;

	/* top-level names: ns 0 models/views/enums/types (value: block index),
	 * ns 1 generators, ns 2 datasources */
	struct strmap tops;
	/* ns = model id: field name -> scalar field id | PSL_VFIELD_RELATION + rf id */
	struct strmap fields;
	/* ns = model id: the names of fields whose type did not resolve
	 * (Prisma treats those as existing, non-scalar fields; the others are
	 * in `fields`) -> the AST field index (the last one of duplicated names) */
	struct strmap all_fields;
	/* ns = enum id: value name -> enum value id */
	struct strmap enum_values;
	/* ns 0 model name -> model id, ns 1 enum name -> enum id */
	struct strmap ids;

	/* per schema block: model id (model/view), enum id (enum), else PSL_NONE */
	uint32_t *block_id;
	/* parallel to db->relation_fields: the field's @relation attribute or NULL */
	const struct psl_attr **rf_attr;
	/* parallel to db->models: the @@id / @id attribute of the primary key, or NULL */
	const struct psl_attr **pk_attr;

	const struct psl_block *datasource;   /* the first datasource block, or NULL */
	bool postgres;                        /* the datasource's provider is PostgreSQL
					       * (or there is none: checks then follow
					       * Prisma's empty connector where it differs) */
	bool stop;                            /* a check asked to stop validating */

	/* private to validate*.c (not for validate_relations.c) */
	struct psl_vpriv *priv;
};

/* ---- lookups ---- */

/* Model or view named `name`, or PSL_NONE. */
uint32_t psl_vctx_find_model(const struct psl_vctx *ctx, const char *name);
/* Enum named `name`, or PSL_NONE. */
uint32_t psl_vctx_find_enum(const struct psl_vctx *ctx, const char *name);
/* Field `name` of model_id: scalar field id, PSL_VFIELD_RELATION | relation field id,
 * or PSL_NONE. */
uint32_t psl_vctx_find_field(const struct psl_vctx *ctx, uint32_t model_id, const char *name);
/* Whether model_id has a field `name` at all (also one whose type is unknown:
 * Prisma reports such a field as a non-scalar, e.g. "relation fields: x"). */
bool psl_vctx_field_exists(const struct psl_vctx *ctx, uint32_t model_id, const char *name);

const struct psl_block *psl_vctx_model_block(const struct psl_vctx *ctx, uint32_t model_id);
const struct psl_field *psl_vctx_field_ast(const struct psl_vctx *ctx, uint32_t field_id);
const struct psl_field *psl_vctx_rf_ast(const struct psl_vctx *ctx, uint32_t rf_id);
/* "model" or "view" */
const char *psl_vctx_container(const struct psl_vctx *ctx, uint32_t model_id);

/*
 * The spans Prisma marks (ast.h's decl_span: an attribute with the white
 * space after it, @@ attributes to the end of the line, a field or enum
 * value through its line break). Use these for diagnostics.
 */
static inline struct psl_span psl_vattr_span(const struct psl_attr *a)
{
	return a->decl_span.end > a->decl_span.start ? a->decl_span : a->span;
}

static inline struct psl_span psl_vfield_span(const struct psl_field *f)
{
	return f->decl_span.end > f->decl_span.start ? f->decl_span : f->span;
}

/* ---- diagnostics (Prisma's message shapes) ---- */

/* A bare message. */
void psl_verr(struct psl_vctx *ctx, struct psl_span span, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
void psl_vwarn(struct psl_vctx *ctx, struct psl_span span, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
/* Error validating model "M": ...   ("view" for views) */
void psl_verr_model(struct psl_vctx *ctx, struct psl_span span, uint32_t model_id,
		    const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;
/* Error validating field `f` in model `M`: ...   ("view" for views) */
void psl_verr_field(struct psl_vctx *ctx, struct psl_span span, uint32_t model_id,
		    const char *field, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;
/* Error parsing attribute "@relation": ...   (attr_name with its @ or @@) */
void psl_verr_attr(struct psl_vctx *ctx, struct psl_span span, const char *attr_name,
		   const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;
/* Error validating: ... */
void psl_verr_validation(struct psl_vctx *ctx, struct psl_span span, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* ---- shared checks ---- */

/*
 * Prisma's check that a foreign key's constraint name (map: or the default
 * <table>_<columns>_fkey, cut to 63 bytes) does not clash with another
 * constraint in its namespace; reports the error itself. Call it where
 * Prisma's relations::has_a_unique_constraint_name runs (inline relations,
 * the side holding fields:). Needs relation_fields[rf].fields/map filled.
 */
void psl_vctx_check_fk_name(struct psl_vctx *ctx, uint32_t rf_id);

/*
 * Reading the @relation attribute's arguments inside psl_vrel_attribute(),
 * as Prisma's attribute visitor does: each call consumes an argument;
 * after psl_vrel_attribute() returns, every argument not consumed is
 * reported as "No such argument." (the duplicate-argument, empty-argument
 * and trailing-comma checks are done before the call; with an empty
 * argument `x:` the attribute is skipped and psl_vrel_attribute() is not
 * called at all).
 *   psl_vrel_arg(ctx, "fields")        the named argument, or NULL
 *   psl_vrel_default_arg(ctx, "name")  the argument `name:` or the unnamed
 *                                      one; NULL when absent or when both
 *                                      are given (no error reported: Prisma
 *                                      ignores that case for @relation)
 * Coercion errors (a value of the wrong type) are the caller's to report.
 */
const struct psl_expr *psl_vrel_arg(struct psl_vctx *ctx, const char *name);
const struct psl_expr *psl_vrel_default_arg(struct psl_vctx *ctx, const char *name);

/*
 * Prisma's validate_client_name for a field of model_id: the field's name is
 * taken by the `name:` of the model's @@unique or @@id ("The custom name `x`
 * specified for the `@@unique` attribute is already used as a name for a
 * field..."). Reports the errors itself; call it for each relation field
 * where Prisma does (psl_vrel_model, after the ambiguity check).
 */
void psl_vctx_check_client_name(struct psl_vctx *ctx, uint32_t model_id, const char *field_name);

/* ---- implemented in validate_relations.c ---- */

void psl_vrel_attribute(struct psl_vctx *ctx, uint32_t rf_id);
void psl_vrel_infer(struct psl_vctx *ctx);
bool psl_vrel_model(struct psl_vctx *ctx, uint32_t model_id);
void psl_validate_relations(struct psl_vctx *ctx);

/* ---- between the passes of validate*.c ---- */

void psl_vpass_attributes(struct psl_vctx *ctx);
void psl_vpass_configuration(struct psl_vctx *ctx);
void psl_vpass_validations(struct psl_vctx *ctx);

#endif
