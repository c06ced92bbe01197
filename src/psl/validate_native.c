/* validate_native.c - PostgreSQL native types (@db.X): names, arity, scalar types, argument ranges */

/*
 * Owns: the table of PostgreSQL native types Prisma 5.22 knows (ORDER
 * PSL_PGT), the checks of a field's @db attribute in the validation pass,
 * recording the accepted native type into db->fields[].native, and the
 * Unsupported("...") check (an Unsupported type that names a native type).
 */

#include <stdio.h>
#include <string.h>

#include "psl/validate_priv.h"

struct pg_native {
	const char *name;
	unsigned char len;          /* strlen(name) */
	unsigned optional;          /* number of optional arguments (all are optional) */
	enum psl_scalar scalar;
};

#define PGN(name, optional, scalar) { name, sizeof(name) - 1, optional, scalar }

/* ORDER PSL_PGT */
static const struct pg_native pg_natives[PSL_PGT_COUNT] = {
	PGN("SmallInt", 0, PSL_SCALAR_INT),
	PGN("Integer", 0, PSL_SCALAR_INT),
	PGN("BigInt", 0, PSL_SCALAR_BIGINT),
	PGN("Decimal", 2, PSL_SCALAR_DECIMAL),
	PGN("Money", 0, PSL_SCALAR_DECIMAL),
	PGN("Inet", 0, PSL_SCALAR_STRING),
	PGN("Oid", 0, PSL_SCALAR_INT),
	PGN("Citext", 0, PSL_SCALAR_STRING),
	PGN("Real", 0, PSL_SCALAR_FLOAT),
	PGN("DoublePrecision", 0, PSL_SCALAR_FLOAT),
	PGN("VarChar", 1, PSL_SCALAR_STRING),
	PGN("Char", 1, PSL_SCALAR_STRING),
	PGN("Text", 0, PSL_SCALAR_STRING),
	PGN("ByteA", 0, PSL_SCALAR_BYTES),
	PGN("Timestamp", 1, PSL_SCALAR_DATETIME),
	PGN("Timestamptz", 1, PSL_SCALAR_DATETIME),
	PGN("Date", 0, PSL_SCALAR_DATETIME),
	PGN("Time", 1, PSL_SCALAR_DATETIME),
	PGN("Timetz", 1, PSL_SCALAR_DATETIME),
	PGN("Boolean", 0, PSL_SCALAR_BOOLEAN),
	PGN("Bit", 1, PSL_SCALAR_STRING),
	PGN("VarBit", 1, PSL_SCALAR_STRING),
	PGN("Uuid", 0, PSL_SCALAR_STRING),
	PGN("Xml", 0, PSL_SCALAR_STRING),
	PGN("Json", 0, PSL_SCALAR_JSON),
	PGN("JsonB", 0, PSL_SCALAR_JSON),
};

/* ORDER PSL_SCALAR */
static const char *const scalar_names[] = {
	"String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes",
};

const char *psl_vnative_pg_name(int t)
{
	return t >= 0 && t < PSL_PGT_COUNT ? pg_natives[t].name : "";
}

static int pg_find(const char *name, size_t len)
{
	for (int i = 0; i < PSL_PGT_COUNT; i++)
		if (pg_natives[i].len == len && pg_natives[i].name[0] == name[0] &&
		    !memcmp(pg_natives[i].name, name, len))
			return i;
	return -1;
}

/*
 * An argument of a native type attribute as Prisma prints it (psl_vexpr_str);
 * numbers and constants are their own text, so no buffer is needed for them.
 */
static const char *native_arg_text(const struct psl_expr *e, struct strbuf *sb)
{
	if (!e)
		return "";
	if (e->kind == PSL_EXPR_NUMBER || e->kind == PSL_EXPR_CONST)
		return e->str;
	psl_vexpr_str(sb, e);
	return sb->buf;
}

/* Rust's u32::from_str */
static bool parse_u32(const char *s, int64_t *out)
{
	uint64_t v = 0;
	if (*s == '+')
		s++;
	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (uint64_t)(*s - '0');
		if (v > UINT32_MAX)
			return false;
	}
	*out = (int64_t)v;
	return true;
}

/*
 * PostgresType::from_parts: the arguments (as written) into values. On a
 * bad argument: report (when ctx) and return false.
 */
static bool pg_from_parts(struct psl_vctx *ctx, int t, const char *const *args, uint32_t nargs,
			  struct psl_span span, struct psl_native_type *out)
{
	const struct pg_native *n = &pg_natives[t];
	struct strbuf found = STRBUF_INIT;
	const char *what;
	bool ok;

	out->name = n->name;
	out->nargs = 0;
	out->args[0] = out->args[1] = -1;
	if (n->optional == 0)
		return !nargs; /* arguments: reported earlier by the arity check */
	if (!nargs)
		return true;
	if (n->optional == 1) {
		ok = nargs == 1 && parse_u32(args[0], &out->args[0]);
		what = "a nonnegative integer";
	} else {
		ok = nargs == 2 && parse_u32(args[0], &out->args[0]) && parse_u32(args[1], &out->args[1]);
		what = "two nonnegative integers";
	}
	if (ok) {
		out->nargs = n->optional;
		return true;
	}
	if (ctx) {
		strbuf_addch(&found, '(');
		for (uint32_t i = 0; i < nargs; i++) {
			if (i)
				strbuf_addstr(&found, ", ");
			strbuf_addstr(&found, args[i]);
		}
		strbuf_addch(&found, ')');
		psl_verr(ctx, span, "Expected %s, but found %s.", what, found.buf);
		strbuf_release(&found);
	}
	return false;
}

static void native_str(struct strbuf *sb, const struct psl_native_type *nt)
{
	strbuf_addstr(sb, nt->name);
	if (!nt->nargs)
		return;
	strbuf_addch(sb, '(');
	for (uint32_t i = 0; i < nt->nargs; i++)
		strbuf_addf(sb, "%s%lld", i ? "," : "", (long long)nt->args[i]);
	strbuf_addch(sb, ')');
}

/* The field's @db type (Prisma's native_type_instance): its name must be
 * known and its arguments parse; else -1. */
static int pg_type_of(const struct psl_vctx *ctx, uint32_t fid);

int psl_vnative_pg_type(const struct psl_vctx *ctx, uint32_t fid)
{
	/* asked per index field, after the attribute pass: computed once per field */
	struct psl_vfield_priv *fp = &ctx->priv->fields[fid];
	if (!fp->pg_type_known) {
		fp->pg_type = pg_type_of(ctx, fid);
		fp->pg_type_known = true;
	}
	return fp->pg_type;
}

static int pg_type_of(const struct psl_vctx *ctx, uint32_t fid)
{
	const struct psl_vfield_priv *fp = &ctx->priv->fields[fid];
	if (!fp->native_attr || !fp->native_name)
		return -1;
	int t = pg_find(fp->native_name, strlen(fp->native_name));
	if (t < 0 || fp->native_attr->nargs > pg_natives[t].optional)
		return -1;
	const struct psl_attr *a = fp->native_attr;
	const char *args[2] = { NULL, NULL };
	struct strbuf sb[2] = { STRBUF_INIT, STRBUF_INIT };
	for (uint32_t i = 0; i < a->nargs && i < 2; i++)
		args[i] = native_arg_text(a->args[i].value, &sb[i]);
	struct psl_native_type nt;
	bool ok = pg_from_parts(NULL, t, args, a->nargs, psl_vattr_span(a), &nt);
	strbuf_release(&sb[0]);
	strbuf_release(&sb[1]);
	return ok ? t : -1;
}

/* "VarChar(20)", "Decimal(10,2)": the native type in messages */
static const char *native_disp(struct strbuf *sb, const struct psl_native_type *nt)
{
	native_str(sb, nt);
	return sb->buf;
}

void psl_vnative_validate(struct psl_vctx *ctx, uint32_t fid)
{
	struct psl_db_field *df = &ctx->db->fields[fid];
	const struct psl_vfield_priv *fp = &ctx->priv->fields[fid];
	const struct psl_attr *a = fp->native_attr;

	if (!a || df->scalar >= PSL_SCALAR_ENUM || fp->composite != PSL_NONE)
		return;
	if (ctx->priv->ds_valid && strcmp(ctx->priv->ds_name, fp->native_scope))
		psl_verr(ctx, psl_vattr_span(a),
			 "The prefix %s is invalid. It must be equal to the name of an existing datasource e.g. %s. Did you mean to use %s.%s?",
			 fp->native_scope, ctx->priv->ds_name, ctx->priv->ds_name, fp->native_name);

	int t = ctx->postgres && ctx->priv->ds_valid ? pg_find(fp->native_name, strlen(fp->native_name)) : -1;
	if (t < 0) {
		psl_verr(ctx, psl_vattr_span(a), "Native type %s is not supported for %s connector.", fp->native_name,
			 ctx->priv->ds_valid ? "postgresql" : "Default");
		return;
	}
	const struct pg_native *n = &pg_natives[t];
	uint32_t nargs = a->nargs;
	if (nargs > 0 && n->optional == 0) {
		psl_verr(ctx, psl_vattr_span(a), "Function \"%s\" takes 0 arguments, but received %u.", n->name, nargs);
		return;
	}
	if (nargs > n->optional) {
		psl_verr(ctx, psl_vattr_span(a), "Native type %s takes %u optional arguments, but received %u.",
			 n->name, n->optional, nargs);
		return;
	}
	if (n->scalar != df->scalar) {
		psl_verr(ctx, psl_vattr_span(a),
			 "Native type %s is not compatible with declared field type %s, expected field type %s.",
			 n->name, scalar_names[df->scalar], scalar_names[n->scalar]);
		return;
	}

	const char *args[2] = { NULL, NULL };
	struct strbuf sb[2] = { STRBUF_INIT, STRBUF_INIT };
	for (uint32_t i = 0; i < nargs && i < 2; i++)
		args[i] = native_arg_text(a->args[i].value, &sb[i]);
	struct psl_native_type nt;
	bool ok = pg_from_parts(ctx, t, args, nargs, psl_vattr_span(a), &nt);
	strbuf_release(&sb[0]);
	strbuf_release(&sb[1]);
	if (!ok)
		return;

	struct strbuf disp = STRBUF_INIT;
	switch (t) {
	case PSL_PGT_DECIMAL:
		if (nt.nargs == 2 && nt.args[1] > nt.args[0])
			psl_verr(ctx, psl_vattr_span(a),
				 "The scale must not be larger than the precision for the %s native type in Postgres.",
				 native_disp(&disp, &nt));
		else if (nt.nargs == 2 && (nt.args[0] > 1000 || nt.args[0] == 0))
			psl_verr(ctx, psl_vattr_span(a),
				 "Argument M is out of range for native type `%s` of Postgres: Precision must be positive with a maximum value of 1000.",
				 native_disp(&disp, &nt));
		break;
	case PSL_PGT_BIT:
	case PSL_PGT_VARBIT:
		if (nt.nargs == 1 && nt.args[0] == 0)
			psl_verr(ctx, psl_vattr_span(a),
				 "Argument M is out of range for native type `%s` of Postgres: M must be a positive integer.",
				 native_disp(&disp, &nt));
		break;
	case PSL_PGT_TIMESTAMP:
	case PSL_PGT_TIMESTAMPTZ:
	case PSL_PGT_TIME:
	case PSL_PGT_TIMETZ:
		if (nt.nargs == 1 && nt.args[0] > 6)
			psl_verr(ctx, psl_vattr_span(a),
				 "Argument M is out of range for native type `%s` of Postgres: M can range from 0 to 6.",
				 native_disp(&disp, &nt));
		break;
	default:
		break;
	}
	strbuf_release(&disp);
	df->native = nt;
}

void psl_vnative_unsupported(struct psl_vctx *ctx, uint32_t fid)
{
	const struct psl_db_field *df = &ctx->db->fields[fid];
	const char *lit = df->unsupported;

	if (!ctx->priv->ds_valid || !ctx->postgres || df->scalar != PSL_SCALAR_UNSUPPORTED || !lit)
		return;
	/* ^(prefix: not '(' +)( \( params \) )?(suffix)?$ */
	const char *open = strchr(lit, '(');
	size_t plen = open ? (size_t)(open - lit) : strlen(lit);
	if (!plen)
		return;
	const char *ps = lit, *pe = lit + plen;
	while (ps < pe && (*ps == ' ' || *ps == '\t' || *ps == '\n' || *ps == '\r'))
		ps++;
	while (pe > ps && (pe[-1] == ' ' || pe[-1] == '\t' || pe[-1] == '\n' || pe[-1] == '\r'))
		pe--;
	int t = pg_find(ps, (size_t)(pe - ps));
	if (t < 0)
		return;

	const char *args[2] = { NULL, NULL };
	struct strbuf sb[2] = { STRBUF_INIT, STRBUF_INIT };
	uint32_t nargs = 0;
	bool ok = true;
	if (open) {
		const char *close = strchr(open + 1, ')');
		if (!close) {
			/* no parameter group: the whole rest would be the prefix */
			ok = false;
		} else {
			const char *p = open + 1;
			for (;;) {
				const char *comma = memchr(p, ',', (size_t)(close - p));
				const char *end = comma ? comma : close;
				const char *a = p, *b = end;
				while (a < b && (*a == ' ' || *a == '\t'))
					a++;
				while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
					b--;
				if (nargs < 2)
					strbuf_add(&sb[nargs], a, (size_t)(b - a));
				nargs++;
				if (!comma)
					break;
				p = comma + 1;
			}
		}
	}
	for (uint32_t i = 0; i < 2; i++)
		args[i] = sb[i].buf;
	struct psl_native_type nt;
	if (ok && nargs <= 2)
		ok = pg_from_parts(NULL, t, args, nargs, df->span, &nt);
	else
		ok = false;
	strbuf_release(&sb[0]);
	strbuf_release(&sb[1]);
	if (!ok)
		return;

	struct strbuf disp = STRBUF_INIT;
	native_str(&disp, &nt);
	psl_verr_validation(ctx, psl_vfield_span(psl_vctx_field_ast(ctx, fid)),
			    "The type `Unsupported(\"%s\")` you specified in the type definition for the field `%s` is supported as a native type by Prisma. Please use the native type notation `%s @%s.%s` for full support.",
			    lit, df->name, scalar_names[pg_natives[t].scalar], ctx->priv->ds_name, disp.buf);
	strbuf_release(&disp);
}
