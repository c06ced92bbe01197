/* schema_load.h - reading a schema (one file or a folder of .prisma files) into a psl_schema */
#ifndef MESDB_COMMANDS_SCHEMA_LOAD_H
#define MESDB_COMMANDS_SCHEMA_LOAD_H

#include "mesdb/mesdb.h"
#include "psl/ast.h"
#include "psl/db.h"

/*
 * Read path (a file, or every *.prisma below a folder, sorted) into s and parse
 * each file. I/O errors are errors; schema problems are diagnostics in s.
 */
int schema_load(struct psl_schema *s, const char *path, struct mesdb_err *err);

/*
 * Load, parse and validate. On return 0 the schema is valid and db is filled.
 * When the schema is invalid: renders every diagnostic to sink->note and
 * returns -1 with MESDB_E_SCHEMA / P1012.
 */
int schema_load_valid(struct psl_schema *s, struct psl_db *db, const char *path,
		      const struct mesdb_sink *sink, struct mesdb_err *err);

/* Render all diagnostics of s (errors and warnings) into sb, Prisma's layout. */
void schema_render_diags(const struct psl_schema *s, bool color, struct strbuf *sb);

/* sink helpers */
void sink_out(const struct mesdb_sink *sink, const char *text);
void sink_note(const struct mesdb_sink *sink, const char *text);

#endif
