/* validate_datasource.c - the configuration pass: generator and datasource blocks */

/*
 * Owns: reading `generator` and `datasource` blocks into db->generators and
 * db->datasource, with Prisma's diagnostics (missing or unknown properties,
 * provider, url/directUrl/shadowDatabaseUrl as a literal or env("VAR"),
 * relationMode, schemas, extensions, previewFeatures). Environment
 * variables are never read: an unset variable is not an error here.
 */

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "psl/validate_priv.h"

/* ---- preview features (Prisma 5.22) ---- */

struct preview_feature {
	const char *name;
	int kind;          /* 0 active, 1 hidden, 2 deprecated */
	unsigned flag;
};

/* active features in the order Prisma lists them */
static const struct preview_feature preview_features[] = {
	{ "deno", 0, 0 },
	{ "driverAdapters", 0, 0 },
	{ "fullTextIndex", 0, PSL_VPREVIEW_FULLTEXT_INDEX },
	{ "fullTextSearch", 0, 0 },
	{ "metrics", 0, 0 },
	{ "multiSchema", 0, PSL_VPREVIEW_MULTISCHEMA },
	{ "nativeDistinct", 0, 0 },
	{ "postgresqlExtensions", 0, PSL_VPREVIEW_EXTENSIONS },
	{ "tracing", 0, 0 },
	{ "views", 0, PSL_VPREVIEW_VIEWS },
	{ "relationJoins", 0, 0 },
	{ "prismaSchemaFolder", 0, 0 },
	{ "omitApi", 0, 0 },
	{ "strictUndefinedChecks", 0, 0 },
	{ "reactNative", 1, 0 },
	{ "typedSql", 1, 0 },
	{ "aggregateApi", 2, 0 },
	{ "atomicNumberOperations", 2, 0 },
	{ "clientExtensions", 2, 0 },
	{ "cockroachdb", 2, 0 },
	{ "connectOrCreate", 2, 0 },
	{ "createMany", 2, 0 },
	{ "dataProxy", 2, 0 },
	{ "distinct", 2, 0 },
	{ "extendedIndexes", 2, 0 },
	{ "extendedWhereUnique", 2, 0 },
	{ "fieldReference", 2, 0 },
	{ "filteredRelationCount", 2, 0 },
	{ "filterJson", 2, 0 },
	{ "groupBy", 2, 0 },
	{ "improvedQueryRaw", 2, 0 },
	{ "interactiveTransactions", 2, 0 },
	{ "jsonProtocol", 2, 0 },
	{ "microsoftSqlServer", 2, 0 },
	{ "middlewares", 2, 0 },
	{ "mongoDb", 2, 0 },
	{ "namedConstraints", 2, 0 },
	{ "nApi", 2, 0 },
	{ "nativeTypes", 2, 0 },
	{ "orderByAggregateGroup", 2, 0 },
	{ "orderByNulls", 2, 0 },
	{ "orderByRelation", 2, 0 },
	{ "referentialActions", 2, 0 },
	{ "referentialIntegrity", 2, 0 },
	{ "selectRelationCount", 2, 0 },
	{ "transactionApi", 2, 0 },
	{ "uncheckedScalarInputs", 2, 0 },
};

static const struct preview_feature *find_preview_feature(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(preview_features); i++)
		if (!strcasecmp(preview_features[i].name, name))
			return &preview_features[i];
	return NULL;
}

static void preview_feature_list(struct strbuf *sb)
{
	for (size_t i = 0; i < ARRAY_SIZE(preview_features); i++) {
		if (preview_features[i].kind != 0)
			continue;
		if (sb->len)
			strbuf_addstr(sb, ", ");
		strbuf_addstr(sb, preview_features[i].name);
	}
}

/* ---- StringFromEnvVar ---- */

struct env_string {
	const char *literal;
	const char *env;
};

static bool env_string_eq(const struct env_string *a, const struct env_string *b)
{
	if (a->literal && b->literal)
		return !strcmp(a->literal, b->literal);
	if (a->env && b->env)
		return !strcmp(a->env, b->env);
	return false;
}

/* StringFromEnvVar::coerce: false (error reported) when not a string or env("X") */
static bool coerce_env_string(struct psl_vctx *ctx, const struct psl_expr *e, struct env_string *out)
{
	out->literal = out->env = NULL;
	if (e->kind == PSL_EXPR_FUNC && !strcmp(e->str, "env")) {
		if (e->nargs != 1 || !e->args[0].value) {
			psl_verr(ctx, e->span,
				 "Exactly one string parameter must be passed to the env function.");
			return false;
		}
		if (e->args[0].name)
			psl_vwarn(ctx, e->span, "The env function doesn't expect named arguments");
		const char *v = psl_vcoerce_string(ctx, e->args[0].value);
		if (!v)
			return false;
		out->env = v;
		return true;
	}
	if (e->kind == PSL_EXPR_STRING) {
		out->literal = e->str;
		return true;
	}
	psl_vtype_mismatch(ctx, "String", e);
	return false;
}

static struct psl_span prop_span(const struct psl_prop *p)
{
	return p->decl_span.end > p->decl_span.start ? p->decl_span : p->span;
}

/* ---- generators ---- */

static const struct psl_prop *take_prop(const struct psl_block *b, bool *taken, const char *name)
{
	const struct psl_prop *found = NULL;
	for (uint32_t i = 0; i < b->nprops; i++) {
		if (!strcmp(b->props[i].name, name)) {
			taken[i] = true;
			found = &b->props[i]; /* the last one wins */
		}
	}
	return found;
}

static bool props_have_values(struct psl_vctx *ctx, const struct psl_block *b, const char *kind)
{
	for (uint32_t i = 0; i < b->nprops; i++) {
		if (b->props[i].value)
			continue;
		psl_verr(ctx, b->span, "Property %s in %s %s needs to be assigned a value",
			 b->props[i].name, kind, b->name);
		return false;
	}
	return true;
}

static void lift_generator(struct psl_vctx *ctx, uint32_t bi, struct psl_db_generator *gens,
			   uint32_t *ngens)
{
	const struct psl_block *b = &ctx->s->blocks[bi];
	struct psl_db *db = ctx->db;
	bool *taken = xcalloc(b->nprops + 1, sizeof(bool));
	struct env_string provider;

	if (!props_have_values(ctx, b, "generator"))
		goto out;

	const struct psl_prop *et = NULL;
	for (uint32_t i = 0; i < b->nprops; i++)
		if (!strcmp(b->props[i].name, "engineType"))
			et = &b->props[i];
	if (et && et->value->kind != PSL_EXPR_STRING)
		psl_vtype_mismatch(ctx, "String", et->value);

	const struct psl_prop *p = take_prop(b, taken, "provider");
	if (!p) {
		psl_verr(ctx, b->span, "Argument \"provider\" is missing in generator block \"%s\".",
			 b->name);
		goto out;
	}
	if (!coerce_env_string(ctx, p->value, &provider))
		goto out;

	struct env_string tmp;
	if ((p = take_prop(b, taken, "output")))
		coerce_env_string(ctx, p->value, &tmp);
	if ((p = take_prop(b, taken, "binaryTargets"))) {
		const struct psl_expr *v = p->value;
		if (v->kind == PSL_EXPR_ARRAY) {
			for (uint32_t i = 0; i < v->nitems; i++)
				coerce_env_string(ctx, v->items[i], &tmp);
		} else {
			coerce_env_string(ctx, v, &tmp);
		}
	}

	struct psl_db_generator *g = &gens[(*ngens)++];
	g->name = b->name;
	g->provider = provider.literal ? provider.literal : provider.env;
	g->block = bi;
	if ((p = take_prop(b, taken, "previewFeatures"))) {
		const struct psl_expr *v = p->value;
		const struct psl_expr *const *items = (const struct psl_expr *const *)&v;
		uint32_t n = 1;
		bool ok = true;
		if (v->kind == PSL_EXPR_ARRAY) {
			items = (const struct psl_expr *const *)v->items;
			n = v->nitems;
		}
		for (uint32_t i = 0; i < n; i++)
			if (!psl_vcoerce_string(ctx, items[i]))
				ok = false;
		if (ok) {
			g->preview_features = ARENA_NEW_ARRAY(&db->arena, const char *, n + 1);
			for (uint32_t i = 0; i < n; i++) {
				const char *name = items[i]->str;
				const struct preview_feature *pf = find_preview_feature(name);
				if (pf && pf->kind == 2) {
					psl_vwarn(ctx, v->span,
						  "Preview feature \"%s\" is deprecated. The functionality can be used without specifying it as a preview feature.",
						  name);
				} else if (pf) {
					ctx->priv->preview |= pf->flag;
					g->preview_features[g->npreview_features++] = pf->name;
				} else {
					struct strbuf list = STRBUF_INIT;
					preview_feature_list(&list);
					psl_verr(ctx, v->span,
						 "The preview feature \"%s\" is not known. Expected one of: %s",
						 name, list.buf);
					strbuf_release(&list);
				}
			}
		}
	}
out:
	free(taken);
}

/* ---- datasources ---- */

static const char *const providers[] = {
	"postgresql", "postgres", "mysql", "sqlite", "sqlserver", "mongodb", "cockroachdb",
};

struct ds_extra {
	bool postgres;
	bool has_schemas, has_extensions;
	struct psl_span schemas_span, extensions_span;
};

static bool lift_datasource(struct psl_vctx *ctx, uint32_t bi, struct psl_db_datasource *ds,
			    struct ds_extra *x)
{
	const struct psl_block *b = &ctx->s->blocks[bi];
	struct psl_db *db = ctx->db;
	bool *taken = xcalloc(b->nprops + 1, sizeof(bool));
	bool ok = false;
	const struct psl_prop *p;
	struct env_string url, shadow = { NULL, NULL }, direct = { NULL, NULL };
	bool have_shadow = false, have_direct = false;
	const struct psl_prop *url_prop, *direct_prop = NULL;

	if (!props_have_values(ctx, b, "datasource"))
		goto out;

	p = take_prop(b, taken, "provider");
	if (!p) {
		psl_verr(ctx, b->span, "Argument \"provider\" is missing in data source block \"%s\".",
			 b->name);
		goto out;
	}
	if (p->value->kind == PSL_EXPR_FUNC && !strcmp(p->value->str, "env")) {
		psl_verr(ctx, b->span, "A datasource must not use the env() function in the provider argument.");
		goto out;
	}
	if (p->value->kind != PSL_EXPR_STRING) {
		psl_verr(ctx, p->value->span,
			 "Error validating datasource `%s`: The provider argument in a datasource must be a string literal",
			 b->name);
		goto out;
	}
	if (!*p->value->str) {
		psl_verr(ctx, p->value->span,
			 "Error validating datasource `%s`: The provider argument in a datasource must not be empty",
			 b->name);
		goto out;
	}
	const char *provider = p->value->str;
	size_t pi;
	for (pi = 0; pi < ARRAY_SIZE(providers); pi++)
		if (!strcmp(providers[pi], provider))
			break;
	if (pi == ARRAY_SIZE(providers)) {
		psl_verr(ctx, p->value->span, "Datasource provider not known: \"%s\".", provider);
		goto out;
	}

	/* relationMode / referentialIntegrity */
	enum psl_relation_mode relmode = PSL_RELMODE_FOREIGN_KEYS;
	{
		const struct psl_prop *ri = NULL, *rm = NULL;
		for (uint32_t i = 0; i < b->nprops; i++)
			if (!strcmp(b->props[i].name, "referentialIntegrity"))
				ri = &b->props[i];
		if (ri)
			psl_vwarn(ctx, prop_span(ri),
				  "The `referentialIntegrity` attribute is deprecated. Please use `relationMode` instead. Learn more at https://pris.ly/d/relation-mode");
		rm = take_prop(b, taken, "relationMode");
		ri = take_prop(b, taken, "referentialIntegrity");
		if (rm && ri) {
			psl_verr(ctx, prop_span(ri),
				 "The `referentialIntegrity` and `relationMode` attributes cannot be used together. Please use only `relationMode` instead.");
		} else if (rm || ri) {
			const struct psl_prop *x = rm ? rm : ri;
			const char *v = psl_vcoerce_string(ctx, x->value);
			if (v && !strcmp(v, "prisma"))
				relmode = PSL_RELMODE_PRISMA;
			else if (v && strcmp(v, "foreignKeys"))
				psl_verr(ctx, b->span,
					 "Error validating datasource `relationMode`: Invalid relation mode setting: \"%s\". Supported values: \"prisma\", \"foreignKeys\"",
					 v);
		}
	}

	/* extensions (PostgreSQL) */
	if ((p = take_prop(b, taken, "extensions")) && pi <= 1) {
		const struct psl_expr *v = p->value;
		const struct psl_expr *const *items = (const struct psl_expr *const *)&v;
		uint32_t n = 1;
		bool all = true;
		if (v->kind == PSL_EXPR_ARRAY) {
			items = (const struct psl_expr *const *)v->items;
			n = v->nitems;
		}
		for (uint32_t i = 0; i < n; i++) {
			if (items[i]->kind != PSL_EXPR_FUNC && items[i]->kind != PSL_EXPR_CONST) {
				psl_vtype_mismatch(ctx, "function or constant", items[i]);
				all = false;
			}
		}
		if (all) {
			ds->extensions = ARENA_NEW_ARRAY(&db->arena, const char *, n + 1);
			for (uint32_t i = 0; i < n; i++) {
				const struct psl_expr *it = items[i];
				/* sorted by name, as Prisma keeps them */
				uint32_t j = ds->nextensions++;
				while (j > 0 && strcmp(ds->extensions[j - 1], it->str) > 0) {
					ds->extensions[j] = ds->extensions[j - 1];
					j--;
				}
				ds->extensions[j] = it->str;
				if (it->kind != PSL_EXPR_FUNC)
					continue;
				for (uint32_t k = 0; k < it->nargs; k++) {
					const struct psl_arg *a = &it->args[k];
					bool dup = false;
					for (uint32_t j = 0; j < k; j++)
						if (a->name && it->args[j].name && !strcmp(a->name, it->args[j].name))
							dup = true;
					if (!a->name) {
						psl_verr_validation(ctx, a->span, "The argument must have a name");
						continue;
					}
					if (dup) {
						psl_verr_validation(ctx, a->span,
								    "The argument `%s` can only be defined once",
								    a->name);
						continue;
					}
					bool is_str = a->value && a->value->kind == PSL_EXPR_STRING;
					if (!is_str && a->value)
						psl_vtype_mismatch(ctx, "string", a->value);
					if (!strcmp(a->name, "map") || !strcmp(a->name, "schema") ||
					    !strcmp(a->name, "version")) {
						if (!is_str)
							psl_verr_validation(ctx, a->span,
									    "The `%s` argument must be a string literal",
									    a->name);
					} else {
						psl_verr(ctx, a->span, "Argument not known: \"%s\".", a->name);
					}
				}
			}
			x->has_extensions = true;
			x->extensions_span = prop_span(p);
		}
	}

	url_prop = take_prop(b, taken, "url");
	if (!url_prop) {
		psl_verr(ctx, b->span, "Argument \"url\" is missing in data source block \"%s\".", b->name);
		goto out;
	}
	if (!coerce_env_string(ctx, url_prop->value, &url))
		goto out;

	if ((p = take_prop(b, taken, "shadowDatabaseUrl"))) {
		if (coerce_env_string(ctx, p->value, &shadow) && !(shadow.literal && !*shadow.literal))
			have_shadow = true;
	}
	if ((direct_prop = take_prop(b, taken, "directUrl")))
		have_direct = coerce_env_string(ctx, direct_prop->value, &direct);
	if (have_shadow) {
		if (have_direct && env_string_eq(&shadow, &direct))
			psl_verr(ctx, direct_prop->value->span,
				 "shadowDatabaseUrl is the same as directUrl for datasource \"%s\". Please specify a different database as shadow database to avoid data loss.",
				 b->name);
		if (env_string_eq(&shadow, &url))
			psl_verr(ctx, url_prop->value->span,
				 "shadowDatabaseUrl is the same as url for datasource \"%s\". Please specify a different database as shadow database to avoid data loss.",
				 b->name);
	}

	if ((p = take_prop(b, taken, "previewFeatures")))
		psl_verr(ctx, prop_span(p),
			 "Preview features are only supported in the generator block. Please move this field to the generator block.");

	if ((p = take_prop(b, taken, "schemas"))) {
		const struct psl_expr *v = p->value;
		const struct psl_expr *const *items = (const struct psl_expr *const *)&v;
		uint32_t n = 1;
		bool all = true;
		if (v->kind == PSL_EXPR_ARRAY) {
			items = (const struct psl_expr *const *)v->items;
			n = v->nitems;
		}
		for (uint32_t i = 0; i < n; i++)
			if (!psl_vcoerce_string(ctx, items[i]))
				all = false;
		if (all && !n) {
			psl_verr(ctx, v->span, "If provided, the schemas array can not be empty.");
		} else if (all) {
			/* stable sort by name, then report each adjacent equal pair */
			const struct psl_expr **sorted = xcalloc(n, sizeof(*sorted));
			for (uint32_t i = 0; i < n; i++) {
				uint32_t j = i;
				while (j > 0 && strcmp(sorted[j - 1]->str, items[i]->str) > 0) {
					sorted[j] = sorted[j - 1];
					j--;
				}
				sorted[j] = items[i];
			}
			for (uint32_t i = 0; i + 1 < n; i++)
				if (!strcmp(sorted[i]->str, sorted[i + 1]->str))
					psl_verr(ctx, sorted[i]->span, "Duplicated schema names are not allowed");
			ds->schemas = ARENA_NEW_ARRAY(&db->arena, const char *, n + 1);
			for (uint32_t i = 0; i < n; i++)
				ds->schemas[ds->nschemas++] = sorted[i]->str;
			free(sorted);
			x->has_schemas = true;
			x->schemas_span = v->span;
		}
	}

	for (uint32_t i = 0; i < b->nprops; i++)
		if (!taken[i])
			psl_verr(ctx, prop_span(&b->props[i]), "Property not known: \"%s\".", b->props[i].name);

	ds->name = b->name;
	ds->provider = provider;
	ds->url = url.literal;
	ds->url_env = url.env;
	ds->direct_url = direct.literal;
	ds->direct_url_env = direct.env;
	ds->shadow_url = have_shadow ? shadow.literal : NULL;
	ds->shadow_url_env = have_shadow ? shadow.env : NULL;
	ds->relation_mode = relmode;
	ds->block = bi;
	x->postgres = pi <= 1;
	ok = true;
out:
	free(taken);
	return ok;
}

/*
 * Prisma reads the configuration file by file: the generators of a file,
 * then its datasources, and refuses several datasources within one file
 * (two files with one datasource each pass; the first one is used).
 */
void psl_vpass_configuration(struct psl_vctx *ctx)
{
	struct psl_schema *s = ctx->s;
	struct psl_db *db = ctx->db;
	uint32_t ngen = 0, nlifted = 0, first_ok = PSL_NONE;

	for (uint32_t b = 0; b < s->nblocks; b++)
		if (s->blocks[b].kind == PSL_BLOCK_GENERATOR)
			ngen++;
	db->generators = ARENA_NEW_ARRAY(&db->arena, struct psl_db_generator, ngen + 1);
	db->datasource.block = PSL_NONE;

	for (uint32_t file = 0; file < s->nsources; file++) {
		uint32_t lifted_here = 0;
		for (uint32_t b = 0; b < s->nblocks; b++)
			if (s->blocks[b].kind == PSL_BLOCK_GENERATOR && s->blocks[b].span.file == file)
				lift_generator(ctx, b, db->generators, &db->ngenerators);

		for (uint32_t b = 0; b < s->nblocks; b++) {
			struct psl_db_datasource ds;
			struct ds_extra x;
			if (s->blocks[b].kind != PSL_BLOCK_DATASOURCE || s->blocks[b].span.file != file)
				continue;
			memset(&ds, 0, sizeof(ds));
			memset(&x, 0, sizeof(x));
			if (!lift_datasource(ctx, b, &ds, &x))
				continue;
			lifted_here++;
			if (nlifted++)
				continue;
			first_ok = b;
			db->datasource = ds;
			ctx->postgres = x.postgres;
			ctx->priv->ds_has_schemas = x.has_schemas;
			ctx->priv->ds_schemas_span = x.schemas_span;
			ctx->priv->ds_has_extensions = x.has_extensions;
			ctx->priv->ds_extensions_span = x.extensions_span;
		}
		if (lifted_here > 1) {
			for (uint32_t b = 0; b < s->nblocks; b++)
				if (s->blocks[b].kind == PSL_BLOCK_DATASOURCE && s->blocks[b].span.file == file)
					psl_verr(ctx, s->blocks[b].span,
						 "Error validating datasource `%s`: You defined more than one datasource. This is not allowed yet because support for multiple databases has not been implemented yet.",
						 s->blocks[b].name);
		}
	}
	if (nlifted) {
		db->has_datasource = true;
		ctx->datasource = &s->blocks[first_ok];
		ctx->priv->ds_valid = true;
		ctx->priv->ds_name = s->blocks[first_ok].name;
	}
	db->preview_views = ctx->priv->preview & PSL_VPREVIEW_VIEWS;
	db->preview_multischema = ctx->priv->preview & PSL_VPREVIEW_MULTISCHEMA;
	db->preview_extensions = ctx->priv->preview & PSL_VPREVIEW_EXTENSIONS;
	db->preview_fulltext = ctx->priv->preview & PSL_VPREVIEW_FULLTEXT_INDEX;
}
