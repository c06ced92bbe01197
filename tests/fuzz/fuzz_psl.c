/* fuzz_psl.c - libFuzzer target: arbitrary bytes as a schema file through parse, validate, format */
/*
 * Every input is one schema file. It goes through the whole psl pipeline the
 * CLI runs for `mesdb validate` and `mesdb format`: parse, validate, render
 * every diagnostic, format (with and without the relation repairs) and, when
 * the formatted text comes back, parse and validate that again. Crashes,
 * sanitizer reports and leaks are the findings; the results are not checked.
 *
 * Built with -fsanitize=fuzzer by the MESDB_FUZZ build (clang), and in every
 * other build with replay_main.c, which feeds it the seed files once.
 */
#include "base/strbuf.h"
#include "psl/ast.h"
#include "psl/db.h"

#if defined(__has_include)
#if __has_include("psl/format.h")
#include "psl/format.h"
#define FUZZ_PSL_FORMAT 1
#endif
#endif

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Parse and validate text; render the diagnostics into diags. Returns the file index. */
static uint32_t check(struct psl_schema *s, struct psl_db *db, const char *text, size_t len,
		      struct strbuf *diags)
{
	uint32_t file, i;

	file = psl_schema_add_source(s, "fuzz.prisma", text, len);
	psl_parse(s, file);
	psl_validate(s, db);
	for (i = 0; i < s->ndiags; i++)
		psl_diag_render(s, &s->diags[i], i % 2 == 0, diags);
	return file;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct psl_schema s;
	struct psl_db db;
	struct strbuf diags = STRBUF_INIT;
	uint32_t file;

	if (size > 256 * 1024)
		return 0;
	psl_schema_init(&s);
	psl_db_init(&db);
	file = check(&s, &db, (const char *)data, size, &diags);
#ifdef FUZZ_PSL_FORMAT
	{
		struct strbuf out = STRBUF_INIT;
		if (psl_format(&s, file, &out) == 0) {
			/* the formatted text must parse and validate without crashing too */
			struct psl_schema s2;
			struct psl_db db2;
			psl_schema_init(&s2);
			psl_db_init(&db2);
			check(&s2, &db2, out.buf, out.len, &diags);
			psl_db_release(&db2);
			psl_schema_release(&s2);
		}
		strbuf_release(&out);
	}
#else
	(void)file;
#endif
	strbuf_release(&diags);
	psl_db_release(&db);
	psl_schema_release(&s);
	return 0;
}
