/* render.h - migration plan -> SQL script text (Prisma's shape); identifier and literal quoting */
#ifndef MESDB_RENDER_H
#define MESDB_RENDER_H

/*
 * Owns: the SQL text of every step kind, byte for byte what Prisma 6.19's
 * `migrate diff --script` prints (sql_renderer/postgres_renderer), the
 * script layout (warnings block, "-- Step" comments, blank lines between
 * steps, "-- This is an empty migration."), and the quoting of identifiers
 * and literals for all of mesdb. Pure: no I/O.
 *
 * Deliberate difference from Prisma: identifiers are always quoted with
 * embedded double quotes doubled (Prisma writes them unescaped, which
 * produces broken SQL for names containing ").
 */

#include "base/strbuf.h"
#include "diff/diff.h"

/* "name" with embedded " doubled (PostgreSQL's quote_ident in quote-all mode). */
void sql_quote_ident(struct strbuf *out, const char *name);
/* 'text' with embedded ' doubled (standard_conforming_strings; backslashes stay). */
void sql_quote_literal(struct strbuf *out, const char *text);

struct render_opts {
	/*
	 * Warnings and unexecutable-step messages to put in the leading
	 * comment block (what `migrate dev` writes into a migration.sql), or
	 * NULL for none (what `migrate diff --script` prints).
	 */
	const struct diff_messages *messages;
};

#define RENDER_OPTS_INIT { NULL }

/*
 * Append the script of plan p to out: Prisma's text, ending with ";\n"
 * after the last statement (no trailing blank line), or exactly
 * "-- This is an empty migration." when p has no steps: the content of a
 * migration.sql. opts may be NULL. Returns 0.
 */
int render_script(const struct plan *p, const struct render_opts *opts, struct strbuf *out);

/*
 * Exactly what Prisma's `migrate diff --script` prints for p: the script
 * (no warnings) and one "\n"; an empty migration prints
 * "-- This is an empty migration.\n" and "\n".
 */
int render_diff_output(const struct plan *p, struct strbuf *out);

/*
 * The statements of one step, each without its ';' (a step may have none,
 * one or several), for callers that execute them one by one. Strings are
 * owned by the list; render_stmts_release frees them.
 */
struct render_stmts {
	char **v;
	size_t n, alloc;
};
#define RENDER_STMTS_INIT { NULL, 0, 0 }
void render_step_statements(const struct plan *p, uint32_t step, struct render_stmts *out);
void render_stmts_release(struct render_stmts *s);

/*
 * The query of a count a check needs: SELECT COUNT(*) FROM "t" (rows) or
 * SELECT COUNT(*) FROM "t" WHERE "c" IS NOT NULL (values), schema-qualified
 * when the count has a namespace.
 */
void render_count_query(const struct diff_count *c, struct strbuf *out);

/*
 * A column type as Prisma writes it in DDL: "TEXT", "VARCHAR(255)",
 * "DECIMAL(65,30)", "SERIAL" (autoincrement integer), "\"Role\"[]".
 */
void render_column_type(const struct sqlschema *s, const struct sql_column *c, bool qualified,
			struct strbuf *out);

#endif
