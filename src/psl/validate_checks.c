/* validate_checks.c - the validation pass: whole-schema checks run on a well-formed schema */

/*
 * Owns: Prisma's validation pipeline for the PostgreSQL connector, which
 * only runs when no earlier pass reported an error: composite types,
 * unknown default functions, datasource properties that need preview
 * features, database-name clashes, per model (views preview, a unique
 * criterion, primary key and index constraint names and their namespaces,
 * @@schema, PostgreSQL index rules: operator classes, GIN/GiST/SP-GiST/BRIN,
 * Xml, clustering, length), per scalar field (native types, default values,
 * Unsupported), per index, enums; relations through validate_relations.c.
 */

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "psl/validate_priv.h"

#define PG_MAX_IDENT 63

/* ---- operator classes ---- */

/* ORDER OPC */
enum opc {
	OPC_INET, OPC_JSONB, OPC_JSONB_PATH, OPC_ARRAY, OPC_TEXT,
	OPC_BIT_MINMAX, OPC_VARBIT_MINMAX, OPC_BPCHAR_BLOOM, OPC_BPCHAR_MINMAX,
	OPC_BYTEA_BLOOM, OPC_BYTEA_MINMAX, OPC_DATE_BLOOM, OPC_DATE_MINMAX, OPC_DATE_MINMAX_MULTI,
	OPC_FLOAT4_BLOOM, OPC_FLOAT4_MINMAX, OPC_FLOAT4_MINMAX_MULTI,
	OPC_FLOAT8_BLOOM, OPC_FLOAT8_MINMAX, OPC_FLOAT8_MINMAX_MULTI,
	OPC_INET_INCLUSION, OPC_INET_BLOOM, OPC_INET_MINMAX, OPC_INET_MINMAX_MULTI,
	OPC_INT2_BLOOM, OPC_INT2_MINMAX, OPC_INT2_MINMAX_MULTI,
	OPC_INT4_BLOOM, OPC_INT4_MINMAX, OPC_INT4_MINMAX_MULTI,
	OPC_INT8_BLOOM, OPC_INT8_MINMAX, OPC_INT8_MINMAX_MULTI,
	OPC_NUMERIC_BLOOM, OPC_NUMERIC_MINMAX, OPC_NUMERIC_MINMAX_MULTI,
	OPC_OID_BLOOM, OPC_OID_MINMAX, OPC_OID_MINMAX_MULTI,
	OPC_TEXT_BLOOM, OPC_TEXT_MINMAX,
	OPC_TIMESTAMP_BLOOM, OPC_TIMESTAMP_MINMAX, OPC_TIMESTAMP_MINMAX_MULTI,
	OPC_TIMESTAMPTZ_BLOOM, OPC_TIMESTAMPTZ_MINMAX, OPC_TIMESTAMPTZ_MINMAX_MULTI,
	OPC_TIME_BLOOM, OPC_TIME_MINMAX, OPC_TIME_MINMAX_MULTI,
	OPC_TIMETZ_BLOOM, OPC_TIMETZ_MINMAX, OPC_TIMETZ_MINMAX_MULTI,
	OPC_UUID_BLOOM, OPC_UUID_MINMAX, OPC_UUID_MINMAX_MULTI,
	OPC_COUNT
};

/* ORDER OPC */
static const char *const opc_names[OPC_COUNT] = {
	"InetOps", "JsonbOps", "JsonbPathOps", "ArrayOps", "TextOps",
	"BitMinMaxOps", "VarBitMinMaxOps", "BpcharBloomOps", "BpcharMinMaxOps",
	"ByteaBloomOps", "ByteaMinMaxOps", "DateBloomOps", "DateMinMaxOps", "DateMinMaxMultiOps",
	"Float4BloomOps", "Float4MinMaxOps", "Float4MinMaxMultiOps",
	"Float8BloomOps", "Float8MinMaxOps", "Float8MinMaxMultiOps",
	"InetInclusionOps", "InetBloomOps", "InetMinMaxOps", "InetMinMaxMultiOps",
	"Int2BloomOps", "Int2MinMaxOps", "Int2MinMaxMultiOps",
	"Int4BloomOps", "Int4MinMaxOps", "Int4MinMaxMultiOps",
	"Int8BloomOps", "Int8MinMaxOps", "Int8MinMaxMultiOps",
	"NumericBloomOps", "NumericMinMaxOps", "NumericMinMaxMultiOps",
	"OidBloomOps", "OidMinMaxOps", "OidMinMaxMultiOps",
	"TextBloomOps", "TextMinMaxOps",
	"TimestampBloomOps", "TimestampMinMaxOps", "TimestampMinMaxMultiOps",
	"TimestampTzBloomOps", "TimestampTzMinMaxOps", "TimestampTzMinMaxMultiOps",
	"TimeBloomOps", "TimeMinMaxOps", "TimeMinMaxMultiOps",
	"TimeTzBloomOps", "TimeTzMinMaxOps", "TimeTzMinMaxMultiOps",
	"UuidBloomOps", "UuidMinMaxOps", "UuidMinMaxMultiOps",
};

static int opc_find(const char *name)
{
	for (int i = 0; i < OPC_COUNT; i++)
		if (!strcmp(opc_names[i], name))
			return i;
	return -1;
}

bool psl_vopclass_known(const char *name)
{
	return opc_find(name) >= 0;
}

static const char *const algo_names[] = { "BTree", "BTree", "Hash", "Gist", "Gin", "SpGist", "Brin" };

static bool opc_supports(int op, enum psl_index_algo algo)
{
	switch (op) {
	case OPC_INET: return algo == PSL_ALGO_GIST || algo == PSL_ALGO_SPGIST;
	case OPC_JSONB:
	case OPC_JSONB_PATH:
	case OPC_ARRAY: return algo == PSL_ALGO_GIN;
	case OPC_TEXT: return algo == PSL_ALGO_SPGIST;
	default: return algo == PSL_ALGO_BRIN;
	}
}

/* Without a (valid) datasource Prisma validates with its empty connector: no
 * scalar lists, no Decimal, no named primary keys, BTree indexes only,
 * autoincrement only on an indexed single id, no constraint-name rules. */
static bool empty_connector(const struct psl_vctx *ctx)
{
	return !ctx->priv->ds_valid;
}

/* ---- constraint names (Prisma's ConstraintNames, 63-byte PostgreSQL limit) ---- */

/*
 * Prisma's default constraint names: table, then "_" and the columns joined
 * by "_" (when cols), cut to 63 bytes minus the suffix, then the suffix.
 * Only the first bytes survive the cut, so they are built in a fixed buffer.
 */
struct cname {
	char buf[PG_MAX_IDENT + 1];
	size_t len, limit;
};

static void cname_add(struct cname *c, const char *s, size_t n)
{
	if (n > c->limit - c->len)
		n = c->limit - c->len;
	memcpy(c->buf + c->len, s, n);
	c->len += n;
}

static void cname_begin(struct cname *c, const char *table, const char *suffix)
{
	c->len = 0;
	c->limit = PG_MAX_IDENT - strlen(suffix);
	cname_add(c, table, strlen(table));
}

static char *cname_finish(struct psl_vctx *ctx, struct cname *c, const char *suffix)
{
	size_t n = strlen(suffix);
	memcpy(c->buf + c->len, suffix, n);
	return arena_strndup(&ctx->db->arena, c->buf, c->len + n);
}

static const char *index_constraint_name(struct psl_vctx *ctx, uint32_t ix)
{
	const struct psl_db_index *idx = &ctx->db->indexes[ix];
	if (idx->map)
		return idx->map;
	const struct psl_db_model *m = &ctx->db->models[idx->model_id];
	const char *suffix = idx->kind == PSL_INDEX_ID ? "_pkey" :
			     idx->kind == PSL_INDEX_UNIQUE ? "_key" : "_idx";
	struct cname c;
	cname_begin(&c, m->db_name, suffix);
	if (idx->kind != PSL_INDEX_ID) {
		for (uint32_t i = 0; i < idx->nfields; i++) {
			const char *col = ctx->db->fields[idx->fields[i].field_id].db_name;
			cname_add(&c, "_", 1);
			cname_add(&c, col, strlen(col));
		}
		if (!idx->nfields)
			cname_add(&c, "_", 1);
	}
	return cname_finish(ctx, &c, suffix);
}

/* The foreign key name of a relation field holding fields: (or its default). */
static const char *fk_constraint_name(struct psl_vctx *ctx, uint32_t rf_id)
{
	const struct psl_db_relation_field *rf = &ctx->db->relation_fields[rf_id];
	if (rf->map)
		return rf->map;
	const struct psl_db_model *m = &ctx->db->models[rf->model_id];
	struct cname c;
	cname_begin(&c, m->db_name, "_fkey");
	for (uint32_t i = 0; i < rf->nfields; i++) {
		const char *col = ctx->db->fields[rf->fields[i]].db_name;
		cname_add(&c, "_", 1);
		cname_add(&c, col, strlen(col));
	}
	if (!rf->nfields)
		cname_add(&c, "_", 1);
	return cname_finish(ctx, &c, "_fkey");
}

/*
 * The namespaces: global (schema, name) for primary keys and indexes, local
 * (model, name) for primary key, indexes and foreign keys, and local custom
 * (client) names of the primary key and unique indexes.
 */
struct psl_vnames {
	struct strmap global;        /* ns schema: name -> count */
	struct strmap schemas;       /* schema name -> its namespace number */
	struct strmap local;         /* ns model: name -> count */
	struct strmap custom;        /* ns model: name -> count */
	const char **index_names;    /* per index: its constraint name */
	const char **fk_names;       /* per relation field holding the FK: its name, else NULL */
};


/* The global namespace is per database schema: ns = 0 (none) or 1 + schema number. */
static uint32_t schema_ns(struct psl_vctx *ctx, const char *schema)
{
	struct psl_vnames *n = ctx->priv->names;
	if (!schema)
		return 0;
	uint32_t id = strmap_get(&n->schemas, 0, schema);
	if (id == STRMAP_MISSING) {
		id = n->schemas.n + 1;
		strmap_put(&n->schemas, 0, schema, id);
	}
	return id;
}

static uint32_t global_ns(struct psl_vctx *ctx, uint32_t mid)
{
	return schema_ns(ctx, ctx->db->models[mid].schema);
}

static void count(struct strmap *m, uint32_t ns, const char *key)
{
	(*strmap_ref(m, ns, key, 0))++;
}

static uint32_t count_of(const struct strmap *m, uint32_t ns, const char *key)
{
	uint32_t v = strmap_get(m, ns, key);
	return v == STRMAP_MISSING ? 0 : v;
}

/* the relation field that holds the foreign key of an inline relation */
static uint32_t inline_fk_side(const struct psl_vctx *ctx, const struct psl_db_relation *r)
{
	if (r->kind == PSL_RELATION_MANY_TO_MANY)
		return PSL_NONE;
	return r->field_a;
}

static void build_names(struct psl_vctx *ctx, struct psl_vnames *n)
{
	struct psl_db *db = ctx->db;

	strmap_init_arena(&n->global, &db->arena);
	strmap_init_arena(&n->schemas, &db->arena);
	strmap_init_arena(&n->local, &db->arena);
	strmap_init_arena(&n->custom, &db->arena);
	strmap_reserve(&n->global, db->nindexes);
	strmap_reserve(&n->local, db->nindexes + db->nrelation_fields);
	n->index_names = ARENA_NEW_ARRAY(&db->arena, const char *, db->nindexes + 1);
	n->fk_names = ARENA_NEW_ARRAY(&db->arena, const char *, db->nrelation_fields + 1);

	/* global: primary keys, then indexes */
	for (uint32_t m = 0; m < db->nmodels; m++) {
		uint32_t pk = db->models[m].primary_key;
		if (pk == PSL_NONE)
			continue;
		n->index_names[pk] = index_constraint_name(ctx, pk);
		count(&n->global, global_ns(ctx, m), n->index_names[pk]);
	}
	for (uint32_t i = 0; i < db->nindexes; i++) {
		if (db->indexes[i].kind == PSL_INDEX_ID)
			continue;
		n->index_names[i] = index_constraint_name(ctx, i);
		count(&n->global, global_ns(ctx, db->indexes[i].model_id), n->index_names[i]);
	}
	/* local: primary key, indexes, foreign keys */
	for (uint32_t i = 0; i < db->nindexes; i++)
		count(&n->local, db->indexes[i].model_id, n->index_names[i]);
	for (uint32_t r = 0; r < db->nrelations; r++) {
		uint32_t rf = inline_fk_side(ctx, &db->relations[r]);
		if (rf == PSL_NONE)
			continue;
		n->fk_names[rf] = fk_constraint_name(ctx, rf);
		count(&n->local, db->relation_fields[rf].model_id, n->fk_names[rf]);
	}
	/* custom names */
	for (uint32_t i = 0; i < db->nindexes; i++) {
		const char *cn = ctx->priv->indexes[i].client_name;
		if (cn)
			count(&n->custom, db->indexes[i].model_id, cn);
	}
}

static void release_names(struct psl_vnames *n)
{
	strmap_release(&n->global);
	strmap_release(&n->schemas);
	strmap_release(&n->local);
	strmap_release(&n->custom);
}

/* The span of argument `name` of an attribute, or the attribute's span. */
static struct psl_span arg_span(const struct psl_attr *a, const char *name, bool *found)
{
	for (uint32_t i = 0; i < a->nargs; i++) {
		if (a->args[i].name && !strcmp(a->args[i].name, name)) {
			if (found)
				*found = true;
			return a->args[i].span;
		}
	}
	if (found)
		*found = false;
	return psl_vattr_span(a);
}

static void namespace_violation(struct psl_vctx *ctx, const char *name, const char *scope,
				const char *attr_name, struct psl_span span)
{
	psl_verr_attr(ctx, span, attr_name,
		      "The given constraint name `%s` has to be unique in the following namespace: %s. Please provide a different name using the `map` argument.",
		      name, scope);
}

void psl_vctx_check_fk_name(struct psl_vctx *ctx, uint32_t rf_id)
{
	struct psl_vnames *n = ctx->priv->names;
	if (!n || !n->fk_names[rf_id] || !ctx->priv->ds_valid)
		return;
	const struct psl_db_relation_field *rf = &ctx->db->relation_fields[rf_id];
	const char *name = n->fk_names[rf_id];
	if (count_of(&n->local, rf->model_id, name) <= 1)
		return;
	const struct psl_attr *a = ctx->rf_attr[rf_id];
	bool found = false;
	struct psl_span span = a ? arg_span(a, "map", &found) : rf->span;
	if (!found)
		span = psl_vfield_span(psl_vctx_rf_ast(ctx, rf_id));
	char *scope = arena_printf(&ctx->db->arena, "on model `%s` for primary key, indexes, unique constraints and foreign keys",
				   ctx->db->models[rf->model_id].name);
	namespace_violation(ctx, name, scope, "@relation", span);
}

void psl_vctx_check_client_name(struct psl_vctx *ctx, uint32_t mid, const char *name)
{
	const struct psl_db_model *m = &ctx->db->models[mid];
	struct psl_vmodel_priv *mp = &ctx->priv->models[mid];
	bool unique = false;

	if (!mp->client_names) {
		/* most models name none of their criteria: then no field name can clash */
		mp->client_names = 1;
		for (uint32_t i = m->first_index; i < m->first_index + m->nindexes; i++)
			if (ctx->db->indexes[i].name)
				mp->client_names = 2;
	}
	if (mp->client_names == 1)
		return;
	for (uint32_t i = m->first_index; i < m->first_index + m->nindexes; i++) {
		const struct psl_db_index *idx = &ctx->db->indexes[i];
		if (idx->kind == PSL_INDEX_UNIQUE && idx->name && !strcmp(idx->name, name))
			unique = true;
	}
	if (!unique && (m->primary_key == PSL_NONE || !ctx->db->indexes[m->primary_key].name))
		return;
	struct psl_span span = psl_vctx_model_block(ctx, mid)->span;
	if (unique)
		psl_verr_model(ctx, span, mid,
			       "The custom name `%s` specified for the `@@unique` attribute is already used as a name for a field. Please choose a different name.",
			       name);
	if (m->primary_key != PSL_NONE && ctx->db->indexes[m->primary_key].name &&
	    !strcmp(ctx->db->indexes[m->primary_key].name, name))
		psl_verr_model(ctx, span, mid,
			       "The custom name `%s` specified for the `@@id` attribute is already used as a name for a field. Please choose a different name.",
			       name);
}

/* ConstraintNames::is_db_name_too_long */
static void db_name_length(struct psl_vctx *ctx, uint32_t mid, const struct psl_attr *a,
			   const char *name, bool double_at)
{
	if (!name || strlen(name) <= PG_MAX_IDENT)
		return;
	psl_verr_model(ctx, psl_vattr_span(a), mid,
		       "The constraint name '%s' specified in the `map` argument for the `%s%s` constraint is too long for your chosen provider. The maximum allowed length is %d bytes.",
		       name, double_at ? "@@" : "@", a->name, PG_MAX_IDENT);
}

/* ---- models ---- */

static bool index_has_unsupported(struct psl_vctx *ctx, const struct psl_db_index *idx)
{
	for (uint32_t i = 0; i < idx->nfields; i++)
		if (ctx->db->fields[idx->fields[i].field_id].scalar == PSL_SCALAR_UNSUPPORTED)
			return true;
	return false;
}

static bool index_strict(struct psl_vctx *ctx, const struct psl_db_index *idx)
{
	for (uint32_t i = 0; i < idx->nfields; i++)
		if (ctx->db->fields[idx->fields[i].field_id].optional)
			return false;
	return true;
}

static void strict_unique_criteria(struct psl_vctx *ctx, uint32_t mid)
{
	const struct psl_db_model *m = &ctx->db->models[mid];
	if (m->ignored)
		return;
	for (uint32_t i = m->first_index; i < m->first_index + m->nindexes; i++) {
		const struct psl_db_index *idx = &ctx->db->indexes[i];
		if (idx->kind != PSL_INDEX_ID && idx->kind != PSL_INDEX_UNIQUE)
			continue;
		if (index_strict(ctx, idx) && !index_has_unsupported(ctx, idx))
			return;
	}
	const char *c = psl_vctx_container(ctx, mid);
	struct strbuf msg = STRBUF_INIT, loose = STRBUF_INIT;
	strbuf_addf(&msg, "Each %s must have at least one unique criteria that has only required fields. Either mark a single field with `@id`, `@unique` or add a multi field criterion with `@@id([])` or `@@unique([])` to the %s.",
		    c, c);
	for (uint32_t i = m->first_index; i < m->first_index + m->nindexes; i++) {
		const struct psl_db_index *idx = &ctx->db->indexes[i];
		if (idx->kind != PSL_INDEX_ID && idx->kind != PSL_INDEX_UNIQUE)
			continue;
		strbuf_addstr(&loose, "\n- ");
		for (uint32_t k = 0; k < idx->nfields; k++)
			strbuf_addf(&loose, "%s%s", k ? ", " : "", ctx->db->fields[idx->fields[k].field_id].name);
	}
	if (loose.len)
		strbuf_addf(&msg, " The following unique criterias were not considered as they contain fields that are not required:%s",
			    loose.buf);
	psl_verr_model(ctx, psl_vctx_model_block(ctx, mid)->span, mid, "%s", msg.buf);
	strbuf_release(&msg);
	strbuf_release(&loose);
}

static const char *joined_field_names(struct psl_vctx *ctx, const struct psl_db_index *idx)
{
	struct strbuf sb = STRBUF_INIT;
	for (uint32_t i = 0; i < idx->nfields; i++) {
		if (i)
			strbuf_addch(&sb, '_');
		strbuf_addstr(&sb, ctx->db->fields[idx->fields[i].field_id].name);
	}
	const char *r = arena_strdup(&ctx->db->arena, sb.buf);
	strbuf_release(&sb);
	return r;
}

static void primary_key_checks(struct psl_vctx *ctx, uint32_t mid)
{
	const struct psl_db_model *m = &ctx->db->models[mid];
	uint32_t pk = m->primary_key;
	if (pk == PSL_NONE)
		return;
	const struct psl_db_index *idx = &ctx->db->indexes[pk];
	const struct psl_vindex_priv *ip = &ctx->priv->indexes[pk];
	const char *name = ctx->priv->names->index_names[pk];

	/* has_a_unique_primary_key_name */
	struct psl_span span = arg_span(ip->attr, "map", NULL);
	if (empty_connector(ctx))
		goto custom;
	db_name_length(ctx, mid, ip->attr, name, !idx->field_level);
	if (count_of(&ctx->priv->names->global, global_ns(ctx, mid), name) > 1)
		namespace_violation(ctx, name, "global for primary key, indexes and unique constraints",
				    ip->attr_name, span);
	if (count_of(&ctx->priv->names->local, mid, name) > 1)
		namespace_violation(ctx, name,
				    arena_printf(&ctx->db->arena, "on model `%s` for primary key, indexes, unique constraints and foreign keys", m->name),
				    ip->attr_name, span);

custom:
	/* has_a_unique_custom_primary_key_name_per_model */
	if (idx->name && count_of(&ctx->priv->names->custom, mid, idx->name) > 1)
		psl_verr_attr(ctx, arg_span(ip->attr, "name", NULL), ip->attr_name,
			      "The given custom name `%s` has to be unique on the model. Please provide a different name for the `name` argument.",
			      idx->name);

	/* id_has_fields */
	if (!idx->nfields)
		psl_verr_attr(ctx, psl_vattr_span(ip->attr), ip->attr_name,
			      "The list of fields in an `%s()` attribute cannot be empty. Please specify at least one field.",
			      ip->attr_name);

	/* id_client_name_does_not_clash_with_field */
	if (idx->nfields > 1) {
		const char *cn = joined_field_names(ctx, idx);
		if (psl_vctx_find_field(ctx, mid, cn) != PSL_NONE &&
		    !(psl_vctx_find_field(ctx, mid, cn) & PSL_VFIELD_RELATION))
			psl_verr_model(ctx, psl_vattr_span(ip->attr), mid,
				       "The field `%s` clashes with the `@@id` attribute's name. Please resolve the conflict by providing a custom id name: `@@id([...], name: \"custom_name\")`",
				       cn);
	}

	/* primary_key_connector_specific */
	if (idx->map && empty_connector(ctx))
		psl_verr_model(ctx, psl_vctx_model_block(ctx, mid)->span, mid,
			       "You defined a database name for the primary key on the model. This is not supported by the provider.");

	/* length / sort on the primary key: not on PostgreSQL */
	for (uint32_t i = 0; i < idx->nfields; i++) {
		if (idx->fields[i].length >= 0) {
			psl_verr_attr(ctx, psl_vattr_span(ip->attr), ip->attr_name,
				      "The length argument is not supported in the primary key with the current connector");
			break;
		}
	}
	for (uint32_t i = 0; i < idx->nfields; i++) {
		if (idx->fields[i].sort) {
			psl_verr_attr(ctx, psl_vattr_span(ip->attr), ip->attr_name,
				      "The sort argument is not supported in the primary key with the current connector");
			break;
		}
	}
}

static void schema_checks(struct psl_vctx *ctx, bool has_schema, struct psl_span schema_span,
			  const char *schema, uint32_t mid, bool is_enum, struct psl_span block_span,
			  const char *container)
{
	if (!(ctx->priv->preview & PSL_VPREVIEW_MULTISCHEMA)) {
		if (has_schema)
			psl_verr(ctx, schema_span, "@@schema is only available with the `multiSchema` preview feature.");
		return;
	}
	if (has_schema && ctx->priv->ds_valid) {
		bool found = false;
		for (uint32_t i = 0; i < ctx->db->datasource.nschemas; i++)
			if (!strcmp(ctx->db->datasource.schemas[i], schema))
				found = true;
		if (!found)
			psl_verr(ctx, schema_span,
				 "This schema is not defined in the datasource. Read more on `@@schema` at https://pris.ly/d/multi-schema");
	}
	if (ctx->priv->ds_valid && ctx->priv->ds_has_schemas && !has_schema) {
		if (is_enum)
			psl_verr(ctx, block_span, "This enum is missing an `@@schema` attribute.");
		else
			psl_verr_model(ctx, block_span, mid, "This %s is missing an `@@schema` attribute.",
				       container);
	}
}

/* ---- PostgreSQL index rules (the connector's validate_model) ---- */

static const char *const scalar_type_names[] = {
	"String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes",
};

struct brin_rule {
	int pgt;                 /* native type, or -1 for "no native type" rows */
	int first, last;         /* allowed operator classes [first, last], -1: none */
	enum psl_scalar scalar;  /* for pgt == -1: the scalar type of the family */
};

static bool algo_supports_field(enum psl_index_algo algo, const struct psl_db_field *f)
{
	if (f->scalar == PSL_SCALAR_UNSUPPORTED)
		return true;
	switch (algo) {
	case PSL_ALGO_GIST:
	case PSL_ALGO_SPGIST:
		return f->scalar == PSL_SCALAR_STRING;
	case PSL_ALGO_GIN:
		return f->scalar == PSL_SCALAR_JSON || f->list;
	case PSL_ALGO_BRIN:
		return f->scalar == PSL_SCALAR_STRING || f->scalar == PSL_SCALAR_BYTES ||
		       f->scalar == PSL_SCALAR_DATETIME || f->scalar == PSL_SCALAR_FLOAT ||
		       f->scalar == PSL_SCALAR_INT || f->scalar == PSL_SCALAR_BIGINT ||
		       f->scalar == PSL_SCALAR_DECIMAL;
	default:
		return true;
	}
}

static void idx_err(struct psl_vctx *ctx, uint32_t ix, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

static void idx_err(struct psl_vctx *ctx, uint32_t ix, const char *fmt, ...)
{
	const struct psl_vindex_priv *ip = &ctx->priv->indexes[ix];
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	psl_verr_attr(ctx, psl_vattr_span(ip->attr), ip->attr_name, "%s", sb.buf);
	strbuf_release(&sb);
}

static void err_f(struct psl_vctx *ctx, uint32_t ix, const struct psl_db_field *f, int pgt, int op,
		  enum psl_index_algo algo)
{
	if (pgt >= 0 && op >= 0)
		idx_err(ctx, ix, "The given operator class `%s` does not support native type `%s` of field `%s`.",
			opc_names[op], psl_vnative_pg_name(pgt), f->name);
	else if (pgt >= 0)
		idx_err(ctx, ix, "The %s index field type `%s` has no default operator class.",
			algo_names[algo], psl_vnative_pg_name(pgt));
	else if (op >= 0)
		idx_err(ctx, ix, "The given operator class `%s` expects the field `%s` to define a valid native type.",
			opc_names[op], f->name);
	else if (!algo_supports_field(algo, f))
		idx_err(ctx, ix, "The %s index type does not support the type of the field `%s`.",
			algo_names[algo], f->name);
}

static bool op_in(int op, int a, int b)
{
	return op >= a && op <= b;
}

/* (None, Some(family)) rows of BRIN: true when handled */
static bool brin_family(struct psl_vctx *ctx, uint32_t ix, const struct psl_db_field *f, int op)
{
	static const struct { int first, last; enum psl_scalar s; } fam[] = {
		{ OPC_FLOAT8_BLOOM, OPC_FLOAT8_MINMAX_MULTI, PSL_SCALAR_FLOAT },
		{ OPC_INT4_BLOOM, OPC_INT4_MINMAX_MULTI, PSL_SCALAR_INT },
		{ OPC_INT8_BLOOM, OPC_INT8_MINMAX_MULTI, PSL_SCALAR_BIGINT },
		{ OPC_NUMERIC_BLOOM, OPC_NUMERIC_MINMAX_MULTI, PSL_SCALAR_DECIMAL },
		{ OPC_BYTEA_BLOOM, OPC_BYTEA_MINMAX, PSL_SCALAR_BYTES },
		{ OPC_TEXT_BLOOM, OPC_TEXT_MINMAX, PSL_SCALAR_STRING },
		{ OPC_TIMESTAMP_BLOOM, OPC_TIMESTAMP_MINMAX_MULTI, PSL_SCALAR_DATETIME },
	};
	for (size_t i = 0; i < ARRAY_SIZE(fam); i++) {
		if (!op_in(op, fam[i].first, fam[i].last))
			continue;
		if (f->scalar != fam[i].s)
			idx_err(ctx, ix, "The given operator class `%s` points to the field `%s` that is not of %s type.",
				opc_names[op], f->name, scalar_type_names[fam[i].s]);
		return true;
	}
	return false;
}

static bool brin_allowed(int pgt, int op)
{
	switch (pgt) {
	case PSL_PGT_BIT: return op < 0 || op == OPC_BIT_MINMAX;
	case PSL_PGT_VARBIT: return op < 0 || op == OPC_VARBIT_MINMAX;
	case PSL_PGT_CHAR: return op < 0 || op_in(op, OPC_BPCHAR_BLOOM, OPC_BPCHAR_MINMAX);
	case PSL_PGT_DATE: return op < 0 || op_in(op, OPC_DATE_BLOOM, OPC_DATE_MINMAX_MULTI);
	case PSL_PGT_REAL: return op < 0 || op_in(op, OPC_FLOAT4_BLOOM, OPC_FLOAT4_MINMAX_MULTI);
	case PSL_PGT_DOUBLE: return op < 0 || op_in(op, OPC_FLOAT8_BLOOM, OPC_FLOAT8_MINMAX_MULTI);
	case PSL_PGT_INET: return op < 0 || op_in(op, OPC_INET_INCLUSION, OPC_INET_MINMAX_MULTI);
	case PSL_PGT_SMALLINT: return op < 0 || op_in(op, OPC_INT2_BLOOM, OPC_INT2_MINMAX_MULTI);
	case PSL_PGT_INTEGER: return op < 0 || op_in(op, OPC_INT4_BLOOM, OPC_INT4_MINMAX_MULTI);
	case PSL_PGT_BIGINT: return op < 0 || op_in(op, OPC_INT8_BLOOM, OPC_INT8_MINMAX_MULTI);
	case PSL_PGT_DECIMAL: return op < 0 || op_in(op, OPC_NUMERIC_BLOOM, OPC_NUMERIC_MINMAX_MULTI);
	case PSL_PGT_OID: return op < 0 || op_in(op, OPC_OID_BLOOM, OPC_OID_MINMAX_MULTI);
	case PSL_PGT_BYTEA: return op < 0 || op_in(op, OPC_BYTEA_BLOOM, OPC_BYTEA_MINMAX);
	case PSL_PGT_TEXT:
	case PSL_PGT_VARCHAR: return op < 0 || op_in(op, OPC_TEXT_BLOOM, OPC_TEXT_MINMAX);
	case PSL_PGT_TIMESTAMP: return op < 0 || op_in(op, OPC_TIMESTAMP_BLOOM, OPC_TIMESTAMP_MINMAX_MULTI);
	case PSL_PGT_TIMESTAMPTZ: return op < 0 || op_in(op, OPC_TIMESTAMPTZ_BLOOM, OPC_TIMESTAMPTZ_MINMAX_MULTI);
	case PSL_PGT_TIME: return op < 0 || op_in(op, OPC_TIME_BLOOM, OPC_TIME_MINMAX_MULTI);
	case PSL_PGT_TIMETZ: return op < 0 || op_in(op, OPC_TIMETZ_BLOOM, OPC_TIMETZ_MINMAX_MULTI);
	case PSL_PGT_UUID: return op < 0 || op_in(op, OPC_UUID_BLOOM, OPC_UUID_MINMAX_MULTI);
	default: return false;
	}
}

static void generalized_index(struct psl_vctx *ctx, uint32_t ix)
{
	const struct psl_db_index *idx = &ctx->db->indexes[ix];
	enum psl_index_algo algo = idx->algo == PSL_ALGO_DEFAULT ? PSL_ALGO_BTREE : idx->algo;

	for (uint32_t i = 0; i < idx->nfields; i++) {
		const struct psl_db_index_field *xf = &idx->fields[i];
		const struct psl_db_field *f = &ctx->db->fields[xf->field_id];
		if (xf->ops && !strncmp(xf->ops, "raw:", 4))
			continue;
		int pgt = psl_vnative_pg_type(ctx, xf->field_id);
		int op = xf->ops ? opc_find(xf->ops) : -1;

		if (op >= 0 && !opc_supports(op, algo)) {
			idx_err(ctx, ix, "The given operator class `%s` is not supported with the `%s` index type.",
				opc_names[op], algo_names[algo]);
			continue;
		}
		if (algo == PSL_ALGO_GIST) {
			if (!(pgt == PSL_PGT_INET && op == OPC_INET))
				err_f(ctx, ix, f, pgt, op, algo);
		} else if (algo == PSL_ALGO_GIN) {
			if (pgt < 0 && op < 0 && f->scalar == PSL_SCALAR_JSON)
				continue;
			if (op < 0 && f->list)
				continue;
			if (pgt == PSL_PGT_JSONB && (op < 0 || op == OPC_JSONB || op == OPC_JSONB_PATH))
				continue;
			if (pgt < 0 && (op == OPC_JSONB || op == OPC_JSONB_PATH)) {
				if (f->scalar != PSL_SCALAR_JSON)
					idx_err(ctx, ix, "The given operator class `%s` points to the field `%s` that is not of Json type.",
						opc_names[op], f->name);
				continue;
			}
			if (op == OPC_ARRAY) {
				if (f->list)
					continue;
				idx_err(ctx, ix, "The given operator class `ArrayOps` expects the type of field `%s` to be an array.",
					f->name);
				continue;
			}
			err_f(ctx, ix, f, pgt, op, algo);
		} else if (algo == PSL_ALGO_SPGIST) {
			if (pgt == PSL_PGT_INET && (op == OPC_INET || op < 0))
				continue;
			if (pgt < 0 && op < 0 && f->scalar == PSL_SCALAR_STRING)
				continue;
			if (pgt < 0 && op == OPC_TEXT) {
				if (f->scalar != PSL_SCALAR_STRING)
					idx_err(ctx, ix, "The given operator class `%s` points to the field `%s` that is not of String type.",
						opc_names[op], f->name);
				continue;
			}
			if ((pgt == PSL_PGT_TEXT || pgt == PSL_PGT_VARCHAR || pgt == PSL_PGT_CHAR) &&
			    (op == OPC_TEXT || op < 0))
				continue;
			err_f(ctx, ix, f, pgt, op, algo);
		} else if (algo == PSL_ALGO_BRIN) {
			if (pgt >= 0) {
				if (!brin_allowed(pgt, op))
					err_f(ctx, ix, f, pgt, op, algo);
				continue;
			}
			if (op < 0) {
				if (f->scalar == PSL_SCALAR_FLOAT || f->scalar == PSL_SCALAR_INT ||
				    f->scalar == PSL_SCALAR_BIGINT || f->scalar == PSL_SCALAR_DECIMAL ||
				    f->scalar == PSL_SCALAR_BYTES || f->scalar == PSL_SCALAR_STRING ||
				    f->scalar == PSL_SCALAR_DATETIME)
					continue;
				err_f(ctx, ix, f, pgt, op, algo);
				continue;
			}
			if (!brin_family(ctx, ix, f, op))
				err_f(ctx, ix, f, pgt, op, algo);
		}
	}
}

static void postgres_model_checks(struct psl_vctx *ctx, uint32_t mid)
{
	const struct psl_db_model *m = &ctx->db->models[mid];
	for (uint32_t ix = m->first_index; ix < m->first_index + m->nindexes; ix++) {
		const struct psl_db_index *idx = &ctx->db->indexes[ix];
		if (idx->kind == PSL_INDEX_ID)
			continue;
		/* compatible_native_types: no index on Xml */
		for (uint32_t i = 0; i < idx->nfields; i++) {
			uint32_t fid = idx->fields[i].field_id;
			if (psl_vnative_pg_type(ctx, fid) != PSL_PGT_XML)
				continue;
			if (idx->kind == PSL_INDEX_UNIQUE)
				psl_verr(ctx, psl_vfield_span(psl_vctx_field_ast(ctx, fid)),
					 "Native type `Xml` cannot be unique in Postgres.");
			else
				psl_verr(ctx, psl_vfield_span(psl_vctx_field_ast(ctx, fid)),
					 "You cannot define an index on fields with native type `Xml` of Postgres.");
			break;
		}
		generalized_index(ctx, ix);
		if (idx->algo == PSL_ALGO_SPGIST && idx->nfields != 1)
			idx_err(ctx, ix, "SpGist does not support multi-column indices.");
	}
}

/* ---- indexes ---- */

static void index_checks(struct psl_vctx *ctx, uint32_t mid, uint32_t ix)
{
	const struct psl_db_index *idx = &ctx->db->indexes[ix];
	const struct psl_vindex_priv *ip = &ctx->priv->indexes[ix];
	const struct psl_attr *a = ip->attr;
	const char *name = ctx->priv->names->index_names[ix];
	bool found;

	/* has_fields */
	if (!idx->nfields)
		psl_verr_attr(ctx, psl_vattr_span(a), ip->attr_name,
			      "The list of fields in an index cannot be empty. Please specify at least one field.");

	/* has_a_unique_constraint_name */
	if (!empty_connector(ctx) && count_of(&ctx->priv->names->global, global_ns(ctx, mid), name) > 1) {
		struct psl_span span = arg_span(a, "map", &found);
		if (!found)
			span = arg_span(a, "name", NULL);
		namespace_violation(ctx, name, "global for primary key, indexes and unique constraints",
				    ip->attr_name, span);
	}

	/* unique_client_name_does_not_clash_with_field */
	if (idx->kind == PSL_INDEX_UNIQUE && idx->nfields > 1) {
		const char *cn = joined_field_names(ctx, idx);
		uint32_t ref = psl_vctx_find_field(ctx, mid, cn);
		if (ref != PSL_NONE && !(ref & PSL_VFIELD_RELATION))
			psl_verr_model(ctx, psl_vattr_span(a), mid,
				       "The field `%s` clashes with the `%s` name. Please resolve the conflict by providing a custom id name: `%s([...], name: \"custom_name\")`",
				       cn, ip->attr_name, ip->attr_name);
	}

	/* unique_index_has_a_unique_custom_name_per_model */
	if (idx->name && count_of(&ctx->priv->names->custom, mid, idx->name) > 1)
		psl_verr_attr(ctx, arg_span(a, "name", NULL), ip->attr_name,
			      "The given custom name `%s` has to be unique on the model. Please provide a different name for the `name` argument.",
			      idx->name);

	/* field_length_prefix_supported */
	for (uint32_t i = 0; i < idx->nfields; i++) {
		if (idx->fields[i].length >= 0) {
			psl_verr_attr(ctx, psl_vattr_span(a), ip->attr_name,
				      "The length argument is not supported in an index definition with the current connector");
			break;
		}
	}

	/* index_algorithm_is_supported: the empty connector knows BTree only */
	if (empty_connector(ctx) && idx->algo != PSL_ALGO_DEFAULT && idx->algo != PSL_ALGO_BTREE)
		psl_verr_attr(ctx, arg_span(a, "type", NULL), ip->attr_name,
			      "The given index type is not supported with the current connector");

	/* hash_index_must_not_use_sort_param */
	if (idx->algo == PSL_ALGO_HASH && !empty_connector(ctx)) {
		for (uint32_t i = 0; i < idx->nfields; i++) {
			if (idx->fields[i].sort) {
				psl_verr_attr(ctx, psl_vattr_span(a), ip->attr_name, "Hash type does not support sort option.");
				break;
			}
		}
	}

	/* fulltext */
	if (idx->kind == PSL_INDEX_FULLTEXT) {
		if (!(ctx->priv->preview & PSL_VPREVIEW_FULLTEXT_INDEX))
			psl_verr_attr(ctx, psl_vattr_span(a), ip->attr_name,
				      "You must enable `fullTextIndex` preview feature to be able to define a @@fulltext index.");
		psl_verr_attr(ctx, psl_vattr_span(a), ip->attr_name,
			      "Defining fulltext indexes is not supported with the current connector.");
	}

	/* has_valid_mapped_name */
	if (!empty_connector(ctx))
		db_name_length(ctx, mid, a, idx->map, !idx->field_level);

	/* supports_clustering_setting */
	if (ip->has_clustered)
		psl_verr_attr(ctx, psl_vattr_span(a), ip->attr_name,
			      "Defining clustering is not supported in the current connector.");

	/* opclasses_are_not_allowed_with_other_than_normal_indices */
	if (idx->kind != PSL_INDEX_NORMAL) {
		for (uint32_t i = 0; i < idx->nfields; i++) {
			if (idx->fields[i].ops) {
				psl_verr_attr(ctx, psl_vattr_span(a), ip->attr_name,
					      "Operator classes can only be defined to fields in an @@index attribute.");
				break;
			}
		}
	}
}

/* ---- without a datasource: Prisma's empty connector ---- */


static void scalar_field_connector_checks(struct psl_vctx *ctx, uint32_t mid, uint32_t fid)
{
	if (!empty_connector(ctx))
		return;

	const struct psl_db_field *f = &ctx->db->fields[fid];
	const char *c = psl_vctx_container(ctx, mid);
	const char *mn = ctx->db->models[mid].name;
	struct psl_span span = psl_vfield_span(psl_vctx_field_ast(ctx, fid));
	if (f->scalar == PSL_SCALAR_JSON && f->list)
		psl_verr_field(ctx, span, mid, f->name,
			       "Field `%s` in %s `%s` can't be of type Json[]. The current connector does not support the Json List type.",
			       f->name, c, mn);
	if (f->scalar == PSL_SCALAR_DECIMAL)
		psl_verr_field(ctx, span, mid, f->name,
			       "Field `%s` in %s `%s` can't be of type Decimal. The current connector does not support the Decimal type.",
			       f->name, c, mn);
	if (f->list)
		psl_verr(ctx, span,
			 "Field \"%s\" in %s \"%s\" can't be a list. The current connector does not support lists of primitive types.",
			 f->name, c, mn);
}

static bool is_autoincrement(const struct psl_db_field *f)
{
	return f->dflt.kind == PSL_DEFAULT_AUTOINCREMENT;
}

/* validate_auto_increment for the empty connector (PostgreSQL allows everything) */
static void autoincrement_checks(struct psl_vctx *ctx, uint32_t mid)
{
	const struct psl_db_model *m = &ctx->db->models[mid];
	uint32_t n = 0;

	if (!empty_connector(ctx))
		return;
	for (uint32_t f = m->first_field; f < m->first_field + m->nfields; f++)
		n += is_autoincrement(&ctx->db->fields[f]);
	if (!n)
		return;
	if (n > 1)
		psl_verr_attr(ctx, psl_vctx_model_block(ctx, mid)->span, "@default",
			      "The `autoincrement()` default value is used multiple times on this model even though the underlying datasource only supports one instance per table.");
	for (uint32_t f = m->first_field; f < m->first_field + m->nfields; f++) {
		if (!is_autoincrement(&ctx->db->fields[f]))
			continue;
		struct psl_span span = psl_vfield_span(psl_vctx_field_ast(ctx, f));
		const struct psl_db_index *pk = m->primary_key != PSL_NONE ? &ctx->db->indexes[m->primary_key] : NULL;
		if (!(pk && pk->nfields == 1 && pk->fields[0].field_id == f))
			psl_verr_attr(ctx, span, "@default",
				      "The `autoincrement()` default value is used on a non-id field even though the datasource does not support this.");
		bool indexed = false;
		for (uint32_t i = m->first_index; i < m->first_index + m->nindexes; i++)
			if (ctx->db->indexes[i].nfields && ctx->db->indexes[i].fields[0].field_id == f)
				indexed = true;
		if (!indexed)
			psl_verr_attr(ctx, span, "@default",
				      "The `autoincrement()` default value is used on a non-indexed field even though the datasource does not support this.");
	}
}

/* ---- the pass ---- */

static void model_checks(struct psl_vctx *ctx, uint32_t mid)
{
	struct psl_db *db = ctx->db;
	const struct psl_db_model *m = &db->models[mid];
	const struct psl_block *blk = psl_vctx_model_block(ctx, mid);
	const struct psl_vmodel_priv *mp = &ctx->priv->models[mid];

	if (m->is_view && !(ctx->priv->preview & PSL_VPREVIEW_VIEWS))
		psl_verr_validation(ctx, blk->span, "View definitions are only available with the `views` preview feature.");

	strict_unique_criteria(ctx, mid);
	primary_key_checks(ctx, mid);
	schema_checks(ctx, mp->has_schema, mp->schema_span, m->schema, mid, false, blk->span,
		      psl_vctx_container(ctx, mid));
	if (!empty_connector(ctx))
		postgres_model_checks(ctx, mid);
	autoincrement_checks(ctx, mid);

	/* the primary key's clustering */
	if (m->primary_key != PSL_NONE && ctx->priv->indexes[m->primary_key].has_clustered)
		psl_verr_attr(ctx, psl_vattr_span(ctx->priv->indexes[m->primary_key].attr),
			      ctx->priv->indexes[m->primary_key].attr_name,
			      "Defining clustering is not supported in the current connector.");

	for (uint32_t f = m->first_field; f < m->first_field + m->nfields; f++) {
		scalar_field_connector_checks(ctx, mid, f);
		psl_vctx_check_client_name(ctx, mid, db->fields[f].name);
		psl_vnative_validate(ctx, f);
		psl_vdefault_validate(ctx, f);
		psl_vnative_unsupported(ctx, f);
	}

	if (!psl_vrel_model(ctx, mid)) {
		ctx->stop = true;
		return;
	}

	for (uint32_t ix = m->first_index; ix < m->first_index + m->nindexes; ix++)
		if (db->indexes[ix].kind != PSL_INDEX_ID)
			index_checks(ctx, mid, ix);
}

static void database_name_clashes(struct psl_vctx *ctx)
{
	struct psl_db *db = ctx->db;
	struct strmap seen = STRMAP_INIT;
	/* models first, then views */
	for (int pass = 0; pass < 2; pass++) {
		for (uint32_t mid = 0; mid < db->nmodels; mid++) {
			const struct psl_db_model *m = &db->models[mid];
			if (m->is_view != (pass == 1))
				continue;
			uint32_t ns = global_ns(ctx, mid);
			uint32_t prev = strmap_get(&seen, ns, m->db_name);
			strmap_set(&seen, ns, m->db_name, mid);
			if (prev == STRMAP_MISSING)
				continue;
			const struct psl_attr *map = ctx->priv->models[mid].map_attr;
			if (map) {
				psl_verr(ctx, psl_vattr_span(map),
					 "The model with database name \"%s\" could not be defined because another model or view with this name exists: \"%s\"",
					 m->db_name, db->models[prev].name);
			} else {
				map = ctx->priv->models[prev].map_attr;
				if (map)
					psl_verr(ctx, psl_vattr_span(map),
						 "The model with database name \"%s\" could not be defined because another model or view with this name exists: \"%s\"",
						 m->db_name, m->name);
			}
		}
	}
	strmap_release(&seen);
}

static void enum_name_clashes(struct psl_vctx *ctx)
{
	struct psl_db *db = ctx->db;
	struct strmap seen = STRMAP_INIT;
	for (uint32_t e = 0; e < db->nenums; e++) {
		const struct psl_db_enum *en = &db->enums[e];
		uint32_t ns = schema_ns(ctx, en->schema);
		if (strmap_put(&seen, ns, en->db_name, e) != STRMAP_MISSING)
			psl_verr(ctx, ctx->s->blocks[en->block].span,
				 "An enum with the same database name is already defined.");
	}
	strmap_release(&seen);
}

void psl_vpass_validations(struct psl_vctx *ctx)
{
	struct psl_db *db = ctx->db;
	struct psl_vnames names;

	/* composite types */
	for (uint32_t b = 0; b < ctx->s->nblocks; b++)
		if (ctx->s->blocks[b].kind == PSL_BLOCK_TYPE)
			psl_verr_validation(ctx, ctx->s->blocks[b].span,
					    "Composite types are not supported on Postgres.");

	ctx->priv->names = &names;
	build_names(ctx, &names);

	psl_vdefault_unknown_functions(ctx);

	/* datasource properties */
	if (ctx->priv->ds_valid) {
		if (ctx->priv->ds_has_schemas && !(ctx->priv->preview & PSL_VPREVIEW_MULTISCHEMA))
			psl_verr(ctx, ctx->priv->ds_schemas_span,
				 "The `schemas` property is only availably with the `multiSchema` preview feature.");
		if (ctx->priv->ds_has_extensions && !(ctx->priv->preview & PSL_VPREVIEW_EXTENSIONS))
			psl_verr(ctx, ctx->priv->ds_extensions_span,
				 "The `extensions` property is only available with the `postgresqlExtensions` preview feature.");
	}

	database_name_clashes(ctx);

	/* models, then views */
	for (int pass = 0; pass < 2 && !ctx->stop; pass++)
		for (uint32_t mid = 0; mid < db->nmodels && !ctx->stop; mid++)
			if (db->models[mid].is_view == (pass == 1))
				model_checks(ctx, mid);
	if (ctx->stop)
		goto out;

	enum_name_clashes(ctx);
	for (uint32_t e = 0; e < db->nenums; e++) {
		const struct psl_venum_priv *ep = &ctx->priv->enums[e];
		schema_checks(ctx, ep->has_schema, ep->schema_span, db->enums[e].schema, e, true,
			      ctx->s->blocks[db->enums[e].block].span, "enum");
	}

	psl_validate_relations(ctx);
out:
	ctx->priv->names = NULL;
	release_names(&names);
}
