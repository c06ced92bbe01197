/* quote.c - SQL identifier and literal quoting for every statement mesdb writes */
#include "render/render.h"

/*
 * Owns the two quoting rules of mesdb. Identifiers are always quoted (no
 * keyword or case analysis: a quoted name is never wrong), literals use
 * standard-conforming strings (PostgreSQL's default since 9.1).
 */

void sql_quote_ident(struct strbuf *out, const char *name)
{
	const char *p;

	strbuf_addch(out, '"');
	for (p = name; *p; p++) {
		if (*p == '"')
			strbuf_addch(out, '"');
		strbuf_addch(out, *p);
	}
	strbuf_addch(out, '"');
}

void sql_quote_literal(struct strbuf *out, const char *text)
{
	const char *p;

	strbuf_addch(out, '\'');
	for (p = text; *p; p++) {
		if (*p == '\'')
			strbuf_addch(out, '\'');
		strbuf_addch(out, *p);
	}
	strbuf_addch(out, '\'');
}
