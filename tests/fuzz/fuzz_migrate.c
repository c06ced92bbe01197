/* fuzz_migrate.c - libFuzzer target: bytes as a migration script and as a .env file */
/*
 * The input goes through the statement splitter, the transaction check and
 * the checksum comparison as `mesdb migrate deploy` runs them, and through
 * the .env parser. The splitter's invariants are checked: statements lie
 * inside the text, in order, without overlap, each starting at a token.
 *
 * Built with -fsanitize=fuzzer by the MESDB_FUZZ build (clang), and in every
 * other build with replay_main.c, which feeds it the seed files once.
 */
#include "base/strbuf.h"
#include "migrate/migrate.h"
#include "migrate/sqlsplit.h"
#include "workspace/dotenv.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct sql_script sc = SQL_SCRIPT_INIT;
	struct strbuf why = STRBUF_INIT;
	struct dotenv env = DOTENV_INIT;
	char sum[SHA256_HEX_LEN + 1];
	uint32_t line = 0;
	size_t end = 0;

	sql_split(text, size, &sc);
	for (size_t i = 0; i < sc.nr; i++) {
		const struct sql_stmt *s = &sc.stmts[i];
		if (s->start < end || s->len == 0 || s->start + s->len > size || s->line == 0)
			abort();
		end = s->start + s->len;
	}
	(void)sql_script_transactional(&sc, text, size, 150000, &why, &line);
	sql_script_release(&sc);
	strbuf_release(&why);

	migration_checksum(text, size, sum);
	if (!migration_checksum_matches(text, size, sum))
		abort();

	dotenv_parse(&env, text, size);
	for (size_t i = 0; i < env.nr; i++)
		if (!env.items[i].key[0] || dotenv_get(&env, env.items[i].key) == NULL)
			abort();
	dotenv_release(&env);
	return 0;
}
