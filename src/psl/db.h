/* db.h - the validated datamodel: resolved models, fields, relations, indexes, enums */
#ifndef MESDB_PSL_DB_H
#define MESDB_PSL_DB_H

/*
 * Owns: the result of validating a struct psl_schema — what calc needs to
 * build the SQL schema, with every name resolved and every default,
 * native type and relation decided. Everything lives in db->arena; references
 * between entities are uint32 ids (indexes into the arrays), PSL_NONE when
 * absent. Pure.
 *
 * psl_validate() runs the passes in Prisma's order (names -> types ->
 * attributes -> relations -> connector checks), appends every diagnostic
 * to the schema, and fills the db only as far as the passes got: callers use
 * the db only when schema->nerrors == 0.
 */

#include <stdbool.h>
#include <stdint.h>

#include "psl/ast.h"

#define PSL_NONE UINT32_MAX

/* ORDER PSL_SCALAR */
enum psl_scalar {
	PSL_SCALAR_STRING,
	PSL_SCALAR_BOOLEAN,
	PSL_SCALAR_INT,
	PSL_SCALAR_BIGINT,
	PSL_SCALAR_FLOAT,
	PSL_SCALAR_DECIMAL,
	PSL_SCALAR_DATETIME,
	PSL_SCALAR_JSON,
	PSL_SCALAR_BYTES,
	PSL_SCALAR_ENUM,          /* enum_id says which */
	PSL_SCALAR_UNSUPPORTED,   /* Unsupported("..."): unsupported says the type */
};

/* @db.X(args): the native type as written; args are numbers (or -1 if absent). */
struct psl_native_type {
	const char *name;         /* "VarChar", "Decimal", "Timestamptz", ... ; NULL: none */
	uint32_t nargs;
	int64_t args[2];
};

/* ORDER PSL_DEFAULT */
enum psl_default_kind {
	PSL_DEFAULT_NONE,
	PSL_DEFAULT_STRING,       /* "abc" -> value (unescaped) */
	PSL_DEFAULT_NUMBER,       /* 12 / 1.5 / -3 -> value as written */
	PSL_DEFAULT_BOOLEAN,      /* true/false -> value "true"/"false" */
	PSL_DEFAULT_ENUM,         /* an enum value: value = PSL name; enum_value_id set */
	PSL_DEFAULT_LIST,         /* [a, b]: items/nitems (each a scalar default) */
	PSL_DEFAULT_NOW,
	PSL_DEFAULT_AUTOINCREMENT,
	PSL_DEFAULT_SEQUENCE,     /* sequence(...) (CockroachDB only: an error on PostgreSQL) */
	PSL_DEFAULT_DBGENERATED,  /* dbgenerated("expr") -> value = expr, or NULL for dbgenerated() */
	PSL_DEFAULT_CUID,         /* client side: no database default */
	PSL_DEFAULT_UUID,
	PSL_DEFAULT_NANOID,
	PSL_DEFAULT_ULID,
};

struct psl_default {
	enum psl_default_kind kind;
	uint32_t enum_value_id;   /* PSL_DEFAULT_ENUM: id into db->enum_values */
	const char *value;
	struct psl_default *items;
	int64_t fn_arg;           /* cuid(2) -> 2, uuid(7) -> 7, nanoid(10) -> 10; 0 if none */
	const char *map;          /* @default(..., map: "x"), or NULL */
	uint32_t nitems;
	struct psl_span span;
};

struct psl_db_enum_value {
	const char *name;
	const char *db_name;      /* @map or name */
	uint32_t enum_id;
	struct psl_span span;
};

struct psl_db_enum {
	const char *name;
	const char *db_name;      /* @@map or name */
	const char *schema;       /* @@schema, or NULL (datasource default) */
	uint32_t first_value, nvalues;   /* range in db->enum_values */
	uint32_t block;           /* index into schema->blocks */
	const char *doc;
};

/* A scalar field (also the foreign-key columns of relations). */
struct psl_db_field {
	const char *name;
	const char *db_name;      /* @map or name */
	const char *unsupported;  /* PSL_SCALAR_UNSUPPORTED */
	const char *doc;
	uint32_t model_id;
	enum psl_scalar scalar;
	uint32_t enum_id;         /* PSL_SCALAR_ENUM */
	uint32_t ast_field;       /* index into the block's fields */
	struct psl_span span;
	bool optional;
	bool list;
	bool updated_at;
	bool ignored;             /* @ignore */
	struct psl_native_type native;
	struct psl_default dflt;
};

/* ORDER PSL_ACTION (Prisma's referential actions; NONE = not written) */
enum psl_ref_action {
	PSL_ACTION_NONE,
	PSL_ACTION_CASCADE,
	PSL_ACTION_RESTRICT,
	PSL_ACTION_NO_ACTION,
	PSL_ACTION_SET_NULL,
	PSL_ACTION_SET_DEFAULT,
};

/* A relation field: `author User @relation(...)` or `posts Post[]`. */
struct psl_db_relation_field {
	const char *name;
	const char *relation_name;   /* @relation("x") / name: "x", or NULL */
	uint32_t *fields;            /* fields: [...] -> ids into db->fields (of model_id) */
	uint32_t *references;        /* references: [...] -> ids into db->fields (of target) */
	const char *map;             /* @relation(map: "fk_name") or NULL */
	uint32_t model_id;        /* the model it is declared in */
	uint32_t target_model_id;
	uint32_t nfields;
	uint32_t nreferences;
	enum psl_ref_action on_delete, on_update;
	uint32_t relation_id;        /* into db->relations */
	uint32_t ast_field;
	struct psl_span span;
	bool optional;
	bool list;
	bool ignored;
};

/* ORDER PSL_RELATION */
enum psl_relation_kind {
	PSL_RELATION_ONE_TO_ONE,
	PSL_RELATION_ONE_TO_MANY,
	PSL_RELATION_MANY_TO_MANY,   /* implicit: a join table _<name> */
};

/*
 * A relation between two relation fields. For 1:1 and 1:n, field_a is the
 * side that holds `fields:`/`references:` (the foreign key); field_b the other
 * side (PSL_NONE when absent, which only happens after an error). For m:n,
 * field_a is on the model whose name sorts first (the join table's "A").
 */
struct psl_db_relation {
	enum psl_relation_kind kind;
	const char *name;            /* the relation name: explicit, or Prisma's default
				      * ("ModelAToModelB", names sorted) */
	uint32_t field_a, field_b;   /* ids into db->relation_fields */
	uint32_t model_a, model_b;
	bool self;                   /* model_a == model_b */
	bool ignored;                /* a side is @ignore'd or on an @@ignore'd model */
};

/* ORDER PSL_INDEX */
enum psl_index_kind {
	PSL_INDEX_ID,                /* @id / @@id */
	PSL_INDEX_UNIQUE,            /* @unique / @@unique */
	PSL_INDEX_NORMAL,            /* @@index */
	PSL_INDEX_FULLTEXT,          /* @@fulltext (MySQL/Mongo only: an error here) */
};

/* ORDER PSL_ALGO (@@index(type: ...)) */
enum psl_index_algo {
	PSL_ALGO_DEFAULT,            /* not written (BTree) */
	PSL_ALGO_BTREE,
	PSL_ALGO_HASH,
	PSL_ALGO_GIST,
	PSL_ALGO_GIN,
	PSL_ALGO_SPGIST,
	PSL_ALGO_BRIN,
};

struct psl_db_index_field {
	uint32_t field_id;           /* into db->fields */
	int sort;                    /* 0 not written, 1 Asc, -1 Desc */
	int64_t length;              /* length: (MySQL) or -1 */
	const char *ops;             /* ops: the operator class as written (e.g. "JsonbPathOps",
				      * or raw("...") -> the raw text prefixed by "raw:"), or NULL */
};

struct psl_db_index {
	enum psl_index_kind kind;
	uint32_t model_id;
	struct psl_db_index_field *fields;
	uint32_t nfields;
	const char *name;            /* name: (client name), or NULL */
	const char *map;             /* map: (database name), or NULL: calc derives Prisma's default */
	enum psl_index_algo algo;
	bool field_level;            /* written as @id / @unique on a field */
	int clustered;               /* -1 not written (SQL Server only) */
	struct psl_span span;
};

struct psl_db_model {
	const char *name;
	const char *db_name;         /* @@map or name */
	const char *schema;          /* @@schema or NULL */
	bool is_view;
	bool ignored;                /* @@ignore */
	uint32_t first_field, nfields;                   /* range in db->fields */
	uint32_t first_relation_field, nrelation_fields; /* range in db->relation_fields */
	uint32_t first_index, nindexes;                  /* range in db->indexes (incl. the id) */
	uint32_t primary_key;        /* index id of kind PSL_INDEX_ID, or PSL_NONE */
	uint32_t block;              /* index into schema->blocks */
	const char *doc;
};

struct psl_db_generator {
	const char *name;
	const char *provider;
	const char **preview_features;
	uint32_t npreview_features;
	uint32_t block;
};

/* ORDER PSL_RELATION_MODE */
enum psl_relation_mode { PSL_RELMODE_FOREIGN_KEYS, PSL_RELMODE_PRISMA };

struct psl_db_datasource {
	const char *name;            /* "db" */
	const char *provider;        /* "postgresql" / "postgres" */
	/* url / directUrl / shadowDatabaseUrl: either a literal or env("VAR") */
	const char *url;             /* literal value or NULL */
	const char *url_env;         /* env var name or NULL */
	const char *direct_url, *direct_url_env;
	const char *shadow_url, *shadow_url_env;
	const char **schemas;        /* schemas = [...]; empty: "public" */
	uint32_t nschemas;
	const char **extensions;     /* extensions = [name, name(schema: "x", version: "1", map: "y")]: the names */
	uint32_t nextensions;
	enum psl_relation_mode relation_mode;
	uint32_t block;              /* PSL_NONE if none */
};

struct psl_db {
	struct arena arena;
	struct psl_db_model *models;           uint32_t nmodels;
	struct psl_db_field *fields;           uint32_t nfields;
	struct psl_db_relation_field *relation_fields; uint32_t nrelation_fields;
	struct psl_db_relation *relations;     uint32_t nrelations;
	struct psl_db_index *indexes;          uint32_t nindexes;
	struct psl_db_enum *enums;             uint32_t nenums;
	struct psl_db_enum_value *enum_values; uint32_t nenum_values;
	struct psl_db_generator *generators;   uint32_t ngenerators;
	struct psl_db_datasource datasource;
	bool has_datasource;
	/* preview features of all generators, merged */
	bool preview_views, preview_multischema, preview_extensions, preview_fulltext;
};

void psl_db_init(struct psl_db *db);
void psl_db_release(struct psl_db *db);

/*
 * Validate the parsed schema s into db (Prisma's passes and messages).
 * Diagnostics are appended to s. Returns the number of errors (s->nerrors).
 */
uint32_t psl_validate(struct psl_schema *s, struct psl_db *db);

/* Lookups (PSL_NONE when absent). */
uint32_t psl_db_find_model(const struct psl_db *db, const char *name);
uint32_t psl_db_find_enum(const struct psl_db *db, const char *name);
uint32_t psl_db_find_field(const struct psl_db *db, uint32_t model_id, const char *name);

#endif
