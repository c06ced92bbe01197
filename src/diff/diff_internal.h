/* diff_internal.h - helpers shared by the diff sources (not part of the module's API) */
#ifndef MESDB_DIFF_INTERNAL_H
#define MESDB_DIFF_INTERNAL_H

#include "diff/diff.h"

/* ORDER DIFF_ARITY (Prisma's ColumnArity) */
enum diff_arity { DIFF_ARITY_REQUIRED, DIFF_ARITY_NULLABLE, DIFF_ARITY_LIST };

enum diff_arity diff_column_arity(const struct sql_column *c);

/* How the type of a column changes (Prisma's postgres column_type_change). */
enum diff_cast diff_column_cast(const struct sqlschema *from, const struct sql_column *a,
				const struct sqlschema *to, const struct sql_column *b,
				bool qualified);

/* DIFF_COL_* bits and the cast of a column pair (Prisma's all_changes). */
unsigned diff_column_changes(const struct sqlschema *from, const struct sql_column *a,
			     const struct sqlschema *to, const struct sql_column *b, bool qualified,
			     enum diff_cast *cast);

/*
 * JSON texts equal as values (objects compared by key, whatever the order;
 * numbers by value). Texts that do not parse compare equal (Prisma's
 * unwrap_or(true)).
 */
bool diff_json_equal(const char *a, const char *b);

/* Namespace name of an entity of s, or NULL when names are not qualified. */
const char *diff_ns_name(const struct sqlschema *s, uint32_t namespace_id, bool qualified);

/* Fill plan->checks and plan->counts from the sorted steps. */
void diff_plan_checks(struct plan *p);

#endif
