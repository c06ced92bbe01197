/* validate_priv.h - state shared by mesdb's own validation passes (not by validate_relations.c) */
#ifndef MESDB_PSL_VALIDATE_PRIV_H
#define MESDB_PSL_VALIDATE_PRIV_H

/*
 * Private to validate.c, validate_attrs.c, validate_defaults.c,
 * validate_native.c, validate_datasource.c and validate_checks.c: what the
 * attribute pass remembers for the later passes (the attribute nodes behind
 * each default, native type and index), the datasource and generator
 * settings, and the small helpers the passes share.
 */

#include "base/strbuf.h"
#include "psl/validate_internal.h"

struct psl_vattr_state;
struct psl_vnames;

struct psl_vfield_priv {
	const struct psl_attr *default_attr;  /* the accepted @default, or NULL */
	const struct psl_expr *default_value; /* its value expression */
	const struct psl_attr *native_attr;   /* @x.Y, or NULL */
	const char *native_scope;             /* "db" of @db.VarChar */
	const char *native_name;              /* "VarChar" */
	uint32_t composite;                   /* composite type block index, or PSL_NONE */
	bool pg_type_known;                   /* pg_type computed (validation pass) */
	int pg_type;                          /* psl_vnative_pg_type(), once known */
};

struct psl_vindex_priv {
	const struct psl_attr *attr;          /* the attribute that declared it */
	const char *attr_name;                /* "@id", "@@id", "@unique", "@@unique", "@@index", "@@fulltext" */
	const char *client_name;              /* name: of @@id / @@unique */
	uint32_t source_field;                /* field-level: the field id, else PSL_NONE */
	bool has_clustered;
};

struct psl_vmodel_priv {
	bool has_schema;
	struct psl_span schema_span;
	const struct psl_attr *map_attr;      /* @@map */
	/* validation pass: 0 not known yet, 1 no @@unique / @@id has a name:, 2 some have */
	unsigned char client_names;
};

struct psl_venum_priv {
	bool has_schema;
	struct psl_span schema_span;
	const struct psl_attr *map_attr;
};

/* ORDER PSL_VPREVIEW */
enum psl_vpreview {
	PSL_VPREVIEW_VIEWS = 1u << 0,
	PSL_VPREVIEW_MULTISCHEMA = 1u << 1,
	PSL_VPREVIEW_EXTENSIONS = 1u << 2,
	PSL_VPREVIEW_FULLTEXT_INDEX = 1u << 3,
};

struct psl_vpriv {
	struct psl_vfield_priv *fields;       /* parallel to db->fields */
	struct psl_vindex_priv *indexes;      /* parallel to db->indexes */
	struct psl_vmodel_priv *models;       /* parallel to db->models */
	struct psl_venum_priv *enums;         /* parallel to db->enums */

	/* the datasource, when it was read without errors */
	bool ds_valid;
	const char *ds_name;
	bool ds_has_schemas;
	struct psl_span ds_schemas_span;
	bool ds_has_extensions;
	struct psl_span ds_extensions_span;

	struct psl_vattr_state *attr_state;   /* during psl_vrel_attribute() */
	struct psl_vnames *names;             /* constraint namespaces (validation pass) */
	unsigned preview;                     /* enum psl_vpreview bits */
	uint32_t *unknown_fn_defaults;        /* field ids with @default(unknownFn()) */
	uint32_t nunknown_fn_defaults, aunknown_fn_defaults;
};

/* ---- helpers in validate.c ---- */

/* Prisma's rendering of an expression (as in "but found `...`"). */
void psl_vexpr_str(struct strbuf *sb, const struct psl_expr *e);
/* "numeric", "string", "literal", "functional", "array" */
const char *psl_vexpr_kind_name(const struct psl_expr *e);
/* Expected a <what> value, but received <kind> value `<expr>`. (at the expression) */
void psl_vtype_mismatch(struct psl_vctx *ctx, const char *what, const struct psl_expr *e);
/* coerce: NULL (and the error reported) unless e is a string / constant */
const char *psl_vcoerce_string(struct psl_vctx *ctx, const struct psl_expr *e);
const char *psl_vcoerce_constant(struct psl_vctx *ctx, const struct psl_expr *e);
bool psl_vcoerce_integer(struct psl_vctx *ctx, const struct psl_expr *e, int64_t *out);
bool psl_vcoerce_bool(struct psl_vctx *ctx, const struct psl_expr *e, bool *out);
/* parse a decimal integer as Rust's i64::from_str does */
bool psl_vparse_i64(const char *s, int64_t *out);

/* "Error parsing attribute "@name": msg" at the attribute's span */
void psl_vattr_error(struct psl_vctx *ctx, const struct psl_attr *a, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
/* "@" or "@@" + name, in the arena */
const char *psl_vattr_fullname(struct psl_vctx *ctx, const struct psl_attr *a);

/* ---- per-pass entry points ---- */

/* validate_checks.c: a known PostgreSQL operator class name (ops: X) */
bool psl_vopclass_known(const char *name);
/* validate_defaults.c: the validations-pass checks of a field's default */
void psl_vdefault_validate(struct psl_vctx *ctx, uint32_t field_id);
/* validate_defaults.c: unknown default functions (connector check) */
void psl_vdefault_unknown_functions(struct psl_vctx *ctx);

/* validate_native.c */
void psl_vnative_validate(struct psl_vctx *ctx, uint32_t field_id);
/* PostgreSQL native type id of a field's @db attribute, or -1 */
int psl_vnative_pg_type(const struct psl_vctx *ctx, uint32_t field_id);
/* Unsupported("x") that is a known native type: report it */
void psl_vnative_unsupported(struct psl_vctx *ctx, uint32_t field_id);

/* ORDER PSL_PGT (PostgreSQL native types) */
enum psl_pgt {
	PSL_PGT_SMALLINT, PSL_PGT_INTEGER, PSL_PGT_BIGINT, PSL_PGT_DECIMAL, PSL_PGT_MONEY,
	PSL_PGT_INET, PSL_PGT_OID, PSL_PGT_CITEXT, PSL_PGT_REAL, PSL_PGT_DOUBLE,
	PSL_PGT_VARCHAR, PSL_PGT_CHAR, PSL_PGT_TEXT, PSL_PGT_BYTEA, PSL_PGT_TIMESTAMP,
	PSL_PGT_TIMESTAMPTZ, PSL_PGT_DATE, PSL_PGT_TIME, PSL_PGT_TIMETZ, PSL_PGT_BOOLEAN,
	PSL_PGT_BIT, PSL_PGT_VARBIT, PSL_PGT_UUID, PSL_PGT_XML, PSL_PGT_JSON, PSL_PGT_JSONB,
	PSL_PGT_COUNT
};
const char *psl_vnative_pg_name(int t);

/* validate_datasource.c */
void psl_vpass_configuration(struct psl_vctx *ctx);

#endif
