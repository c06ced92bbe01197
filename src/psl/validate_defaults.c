/* validate_defaults.c - the validation-pass checks of @default values (JSON, base64, dates, numbers) */

/*
 * Owns: what Prisma checks about an accepted default value once the whole
 * schema is known to be well-formed: the literal parses as the field's type
 * (JSON text, base64 bytes, an RFC 3339 timestamp, a 64-bit integer, a
 * decimal), default functions the connector does not know, auto(), and
 * named defaults. The messages embed the parse error texts of the Rust
 * libraries Prisma uses (serde_json, chrono, bigdecimal); the parsers here
 * reproduce those texts for the inputs schemas contain.
 */

#include <stdio.h>
#include <string.h>

#include "base/bytes.h"
#include "psl/validate_priv.h"

/* ---- JSON (serde_json's error texts and positions) ---- */

struct json_p {
	const char *s;
	size_t len, i;
	char err[128];
	int depth;
};

static void json_pos(const struct json_p *p, size_t at, size_t *line, size_t *col)
{
	size_t l = 1, start = 0;
	for (size_t k = 0; k < at && k < p->len; k++) {
		if (p->s[k] == '\n') {
			l++;
			start = k + 1;
		}
	}
	*line = l;
	*col = at - start;
}

/* error() reports at the current index, peek_error() one further (capped) */
static bool json_fail(struct json_p *p, const char *what, bool peek)
{
	size_t at = p->i;
	if (peek)
		at = p->i + 1 < p->len ? p->i + 1 : p->len;
	size_t line, col;
	json_pos(p, at, &line, &col);
	snprintf(p->err, sizeof(p->err), "%s at line %zu column %zu", what, line, col);
	return false;
}

static void json_ws(struct json_p *p)
{
	while (p->i < p->len && (p->s[p->i] == ' ' || p->s[p->i] == '\n' || p->s[p->i] == '\t' ||
				 p->s[p->i] == '\r'))
		p->i++;
}

static bool json_value(struct json_p *p);

static bool json_ident(struct json_p *p, const char *rest)
{
	p->i++;
	for (; *rest; rest++) {
		if (p->i >= p->len)
			return json_fail(p, "EOF while parsing a value", false);
		if (p->s[p->i++] != *rest)
			return json_fail(p, "expected ident", false);
	}
	return true;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool json_number(struct json_p *p)
{
	if (p->s[p->i] == '-')
		p->i++;
	if (p->i >= p->len)
		return json_fail(p, "EOF while parsing a value", false);
	char c = p->s[p->i++];
	if (c == '0') {
		if (p->i < p->len && is_digit(p->s[p->i]))
			return json_fail(p, "invalid number", true);
	} else if (is_digit(c)) {
		while (p->i < p->len && is_digit(p->s[p->i]))
			p->i++;
	} else {
		return json_fail(p, "invalid number", false);
	}
	if (p->i < p->len && p->s[p->i] == '.') {
		p->i++;
		if (p->i >= p->len)
			return json_fail(p, "EOF while parsing a value", false);
		if (!is_digit(p->s[p->i]))
			return json_fail(p, "invalid number", true);
		while (p->i < p->len && is_digit(p->s[p->i]))
			p->i++;
	}
	if (p->i < p->len && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->len && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (p->i >= p->len)
			return json_fail(p, "EOF while parsing a value", false);
		if (!is_digit(p->s[p->i]))
			return json_fail(p, "invalid number", true);
		while (p->i < p->len && is_digit(p->s[p->i]))
			p->i++;
	}
	return true;
}

static bool json_string(struct json_p *p)
{
	p->i++; /* the opening quote */
	for (;;) {
		if (p->i >= p->len)
			return json_fail(p, "EOF while parsing a string", false);
		unsigned char c = (unsigned char)p->s[p->i++];
		if (c == '"')
			return true;
		if (c < 0x20)
			return json_fail(p, "control character (\\u0000-\\u001F) found while parsing a string", false);
		if (c != '\\')
			continue;
		if (p->i >= p->len)
			return json_fail(p, "EOF while parsing a string", false);
		c = (unsigned char)p->s[p->i++];
		switch (c) {
		case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
			break;
		case 'u':
			for (int k = 0; k < 4; k++) {
				if (p->i >= p->len)
					return json_fail(p, "EOF while parsing a string", false);
				if (hex_digit_value(p->s[p->i++]) < 0)
					return json_fail(p, "invalid escape", false);
			}
			break;
		default:
			return json_fail(p, "invalid escape", false);
		}
	}
}

static bool json_array(struct json_p *p)
{
	if (++p->depth > 128)
		return json_fail(p, "recursion limit exceeded", false);
	p->i++;
	json_ws(p);
	if (p->i < p->len && p->s[p->i] == ']') {
		p->i++;
		p->depth--;
		return true;
	}
	for (;;) {
		if (!json_value(p))
			return false;
		json_ws(p);
		if (p->i >= p->len)
			return json_fail(p, "EOF while parsing a list", true);
		char c = p->s[p->i];
		if (c == ']') {
			p->i++;
			p->depth--;
			return true;
		}
		if (c != ',')
			return json_fail(p, "expected `,` or `]`", true);
		p->i++;
		json_ws(p);
		if (p->i < p->len && p->s[p->i] == ']')
			return json_fail(p, "trailing comma", true);
	}
}

static bool json_object(struct json_p *p)
{
	if (++p->depth > 128)
		return json_fail(p, "recursion limit exceeded", false);
	p->i++;
	json_ws(p);
	if (p->i < p->len && p->s[p->i] == '}') {
		p->i++;
		p->depth--;
		return true;
	}
	for (;;) {
		json_ws(p);
		if (p->i >= p->len)
			return json_fail(p, "EOF while parsing an object", true);
		if (p->s[p->i] != '"')
			return json_fail(p, "key must be a string", true);
		if (!json_string(p))
			return false;
		json_ws(p);
		if (p->i >= p->len)
			return json_fail(p, "EOF while parsing an object", true);
		if (p->s[p->i] != ':')
			return json_fail(p, "expected `:`", true);
		p->i++;
		if (!json_value(p))
			return false;
		json_ws(p);
		if (p->i >= p->len)
			return json_fail(p, "EOF while parsing an object", true);
		char c = p->s[p->i];
		if (c == '}') {
			p->i++;
			p->depth--;
			return true;
		}
		if (c != ',')
			return json_fail(p, "expected `,` or `}`", true);
		p->i++;
		json_ws(p);
		if (p->i < p->len && p->s[p->i] == '}')
			return json_fail(p, "trailing comma", true);
	}
}

static bool json_value(struct json_p *p)
{
	json_ws(p);
	if (p->i >= p->len)
		return json_fail(p, "EOF while parsing a value", true);
	switch (p->s[p->i]) {
	case 'n': return json_ident(p, "ull");
	case 't': return json_ident(p, "rue");
	case 'f': return json_ident(p, "alse");
	case '"': return json_string(p);
	case '[': return json_array(p);
	case '{': return json_object(p);
	case '-':
		return json_number(p);
	default:
		if (is_digit(p->s[p->i]))
			return json_number(p);
		return json_fail(p, "expected value", true);
	}
}

static bool json_check(const char *s, char *err, size_t errlen)
{
	struct json_p p;
	memset(&p, 0, sizeof(p));
	p.s = s;
	p.len = strlen(s);
	bool ok = json_value(&p);
	if (ok) {
		json_ws(&p);
		if (p.i < p.len)
			ok = json_fail(&p, "trailing characters", true);
	}
	if (!ok)
		snprintf(err, errlen, "%s", p.err);
	return ok;
}

/* ---- RFC 3339 (chrono's parse_from_rfc3339) ---- */

#define CH_OUT_OF_RANGE "input is out of range"
#define CH_INVALID "input contains invalid characters"
#define CH_TOO_SHORT "premature end of input"
#define CH_TOO_LONG "trailing input"
#define CH_IMPOSSIBLE "no possible date and time matching input"

static const char *ch_number(const char **s, size_t min, size_t max, long *out)
{
	size_t len = strlen(*s);
	if (len < min)
		return CH_TOO_SHORT;
	long n = 0;
	size_t i;
	for (i = 0; i < max && i < len; i++) {
		char c = (*s)[i];
		if (!is_digit(c)) {
			if (i < min)
				return CH_INVALID;
			break;
		}
		n = n * 10 + (c - '0');
	}
	*s += i;
	*out = n;
	return NULL;
}

static const char *ch_char(const char **s, char c)
{
	if (!**s)
		return CH_TOO_SHORT;
	if (**s != c)
		return CH_INVALID;
	(*s)++;
	return NULL;
}

static bool leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static const char *rfc3339_check(const char *s)
{
	const char *e;
	long year, month, day, hour, min, sec, x;

	if ((e = ch_number(&s, 4, 4, &year)))
		return e;
	if ((e = ch_char(&s, '-')))
		return e;
	if ((e = ch_number(&s, 2, 2, &month)))
		return e;
	if (month < 1 || month > 12)
		return CH_OUT_OF_RANGE;
	if ((e = ch_char(&s, '-')))
		return e;
	if ((e = ch_number(&s, 2, 2, &day)))
		return e;
	if (day < 1 || day > 31)
		return CH_OUT_OF_RANGE;
	if (!*s)
		return CH_TOO_SHORT;
	if (*s != 't' && *s != 'T' && *s != ' ')
		return CH_INVALID;
	s++;
	if ((e = ch_number(&s, 2, 2, &hour)))
		return e;
	if (hour > 23)
		return CH_OUT_OF_RANGE;
	if ((e = ch_char(&s, ':')))
		return e;
	if ((e = ch_number(&s, 2, 2, &min)))
		return e;
	if (min > 59)
		return CH_OUT_OF_RANGE;
	if ((e = ch_char(&s, ':')))
		return e;
	if ((e = ch_number(&s, 2, 2, &sec)))
		return e;
	if (sec > 60)
		return CH_OUT_OF_RANGE;
	if (*s == '.') {
		s++;
		if ((e = ch_number(&s, 1, 9, &x)))
			return e;
		while (is_digit(*s))
			s++;
	}
	/* offset: Z, or +hh:mm / -hh:mm */
	if (*s == 'z' || *s == 'Z') {
		s++;
	} else {
		if (!*s)
			return CH_TOO_SHORT;
		if (*s != '+' && *s != '-')
			return CH_INVALID;
		s++;
		if (strlen(s) < 2)
			return CH_TOO_SHORT;
		if (!is_digit(s[0]) || !is_digit(s[1]))
			return CH_INVALID;
		long oh = (s[0] - '0') * 10 + (s[1] - '0');
		s += 2;
		if ((e = ch_char(&s, ':')))
			return e;
		if (strlen(s) < 2)
			return CH_TOO_SHORT;
		if (!(s[0] >= '0' && s[0] <= '5') || !is_digit(s[1]))
			return CH_OUT_OF_RANGE;
		s += 2;
		if (oh > 23)
			return CH_OUT_OF_RANGE;
	}
	if (*s)
		return CH_TOO_LONG;
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int md = mdays[month - 1] + (month == 2 && leap(year));
	if (day > md)
		return CH_OUT_OF_RANGE;
	if (sec == 60 && !(hour == 23 && min == 59))
		return CH_IMPOSSIBLE;
	return NULL;
}

/* ---- base64 (lenient about padding, as prisma_value's decoder) ---- */

static bool base64_ok(const char *s)
{
	size_t n = strlen(s), data = 0, pad = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '=') {
			pad++;
			continue;
		}
		if (pad)
			return false;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '+' ||
		      c == '/'))
			return false;
		data++;
	}
	if (data % 4 == 1)
		return false;
	if (pad && (data + pad) % 4)
		return false;
	return true;
}

/* ---- integers and decimals ---- */

static const char *i64_error(const char *s)
{
	const char *p = s;
	bool neg = false;
	if (!*p)
		return "cannot parse integer from empty string";
	if (*p == '+' || *p == '-') {
		neg = *p == '-';
		p++;
		if (!*p)
			return "invalid digit found in string";
	}
	for (const char *q = p; *q; q++)
		if (!is_digit(*q))
			return "invalid digit found in string";
	int64_t v;
	if (!psl_vparse_i64(s, &v))
		return neg ? "number too small to fit in target type" : "number too large to fit in target type";
	return NULL;
}

static const char *decimal_error(const char *s)
{
	const char *p = s;
	if (!*p)
		return "Failed to parse empty string";
	const char *e = strpbrk(p, "eE");
	size_t mant = e ? (size_t)(e - p) : strlen(p);
	size_t i = 0, digits = 0;
	if (i < mant && (p[i] == '+' || p[i] == '-'))
		i++;
	bool dot = false;
	for (; i < mant; i++) {
		if (p[i] == '.' && !dot) {
			dot = true;
			continue;
		}
		if (p[i] == '_')
			continue;
		if (!is_digit(p[i]))
			return "invalid digit found in string";
		digits++;
	}
	if (!digits)
		return "invalid digit found in string";
	if (e) {
		const char *x = e + 1;
		if (*x == '+' || *x == '-')
			x++;
		if (!*x)
			return "invalid digit found in string";
		for (; *x; x++)
			if (!is_digit(*x))
				return "invalid digit found in string";
	}
	return NULL;
}

/* default_value::validate_default_value for one (non-array) expression */
static void check_value(struct psl_vctx *ctx, const struct psl_expr *v, enum psl_scalar t)
{
	char err[160];
	const char *e;

	if (v->kind == PSL_EXPR_ARRAY) {
		for (uint32_t i = 0; i < v->nitems; i++)
			check_value(ctx, v->items[i], t);
		return;
	}
	switch (t) {
	case PSL_SCALAR_JSON:
		if (v->kind == PSL_EXPR_STRING && !json_check(v->str, err, sizeof(err)))
			psl_verr_attr(ctx, v->span, "@default",
				      "Parse error: \"%s\" is not a valid JSON string. (%s)", v->str, err);
		break;
	case PSL_SCALAR_BYTES:
		if (v->kind == PSL_EXPR_STRING && !base64_ok(v->str))
			psl_verr_attr(ctx, v->span, "@default",
				      "Parse error: \"%s\" is not a valid base64 string. (Could not convert from `base64 encoded bytes` to `PrismaValue::Bytes`)",
				      v->str);
		break;
	case PSL_SCALAR_DATETIME:
		if (v->kind == PSL_EXPR_STRING && (e = rfc3339_check(v->str)))
			psl_verr_attr(ctx, v->span, "@default",
				      "Parse error: \"%s\" is not a valid rfc3339 datetime string. (%s)", v->str, e);
		break;
	case PSL_SCALAR_INT:
	case PSL_SCALAR_BIGINT:
		if (v->kind == PSL_EXPR_NUMBER && (e = i64_error(v->str)))
			psl_verr_attr(ctx, v->span, "@default",
				      "Parse error: \"%s\" is not a valid integer. (%s)", v->str, e);
		break;
	case PSL_SCALAR_DECIMAL:
		if (v->kind == PSL_EXPR_STRING && (e = decimal_error(v->str)))
			psl_verr_attr(ctx, v->span, "default",
				      "Parse error: \"%s\" is not a valid decimal. (%s)", v->str, e);
		break;
	default:
		break;
	}
}

void psl_vdefault_validate(struct psl_vctx *ctx, uint32_t fid)
{
	const struct psl_db_field *df = &ctx->db->fields[fid];
	const struct psl_vfield_priv *fp = &ctx->priv->fields[fid];
	const struct psl_expr *v = fp->default_value;

	if (!fp->default_attr)
		return;
	if (df->dflt.map && ctx->postgres)
		psl_verr_attr(ctx, psl_vattr_span(fp->default_attr), "@default",
			      "You defined a database name for the default value of a field on the model. This is not supported by the provider.");
	if (df->scalar < PSL_SCALAR_ENUM && fp->composite == PSL_NONE)
		check_value(ctx, v, df->scalar);
	if (v->kind == PSL_EXPR_FUNC && !strcmp(v->str, "auto"))
		psl_verr_attr(ctx, v->span, "@default",
			      "The current connector does not support the `auto()` function.");
}

void psl_vdefault_unknown_functions(struct psl_vctx *ctx)
{
	for (uint32_t i = 0; i < ctx->priv->nunknown_fn_defaults; i++) {
		const struct psl_expr *v = ctx->priv->fields[ctx->priv->unknown_fn_defaults[i]].default_value;
		psl_verr(ctx, v->span,
			 "Unknown function in @default(): `%s` is not known. You can read about the available functions here: https://pris.ly/d/attribute-functions",
			 v->str);
	}
}
