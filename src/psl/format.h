/* format.h - reprint a Prisma schema file the way `prisma format` (5.22) does */
#ifndef MESDB_PSL_FORMAT_H
#define MESDB_PSL_FORMAT_H

/*
 * Owns: turning the AST of one source file back into text, byte for byte
 * what Prisma 5.22's formatter prints: fields, enum values and key/value
 * lines aligned in columns (a blank line starts a new alignment group),
 * two-space indentation, attributes in Prisma's canonical order, block
 * attributes moved to the end of their block after one blank line, one blank
 * line after every block, comments kept, expressions re-spaced but literals
 * kept as written.
 *
 * Like Prisma, it also "repairs" incomplete relations before printing: a
 * missing back-relation field (`Post Post[]`), a missing forward relation
 * field, a missing `@relation(fields: [...], references: [...])` or missing
 * arguments of one, and the missing scalar fields such an attribute refers
 * to. The repaired text is parsed again and then printed. As in Prisma, a
 * schema with legacy field syntax (psl_diag.legacy) gets no repairs.
 *
 * Pure: reads the schema (all its files, for the relation repairs), writes
 * only to `out`. Does not validate: Prisma's `format` command checks the
 * formatted output with the validator afterwards and refuses an invalid
 * schema; callers should do the same.
 */

#include <stdint.h>

#include "base/strbuf.h"
#include "psl/ast.h"

/*
 * Append the formatted text of source `file` of `s` to `out`: Prisma's
 * layout, after the relation repairs (which look at every file of `s`: a
 * missing back-relation field goes into the file of its model). Returns 0,
 * or -1 when there is no such file.
 *
 * Text the parser could not place in the tree (lines it reported as syntax
 * errors) is not printed: do not write back the output for a file with
 * syntax errors. Fields the parser flags `invalid` for legacy syntax
 * (`name: T`, `T!`, `[T]`) are printed the modern way, as Prisma does.
 */
int psl_format(const struct psl_schema *s, uint32_t file, struct strbuf *out);

#endif
