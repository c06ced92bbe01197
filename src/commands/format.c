/* format.c - mesdb format: reprint schema files the way prisma format does */
#include "schema_load.h"
#include "base/fs.h"
#include "psl/format.h"
#include "base/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/*
 * Whether every syntax error of s is on legacy field syntax (`name: T`,
 * `T!`, `[T]`, `T[]?`): the formatter prints those fields the modern way, so
 * format goes on, as Prisma's does. Other syntax errors leave lines the tree
 * does not hold, which formatting would drop.
 */
static bool only_legacy_errors(const struct psl_schema *s)
{
	for (uint32_t i = 0; i < s->ndiags; i++)
		if (s->diags[i].severity == PSL_ERROR && !s->diags[i].legacy)
			return false;
	return true;
}

int mesdb_format(const struct mesdb_format_opts *opts, const struct mesdb_sink *sink,
		 struct mesdb_err *err)
{
	struct psl_schema s, formatted, *checked = &s;
	struct psl_db db;
	struct strbuf *outs = NULL;
	struct strbuf sb = STRBUF_INIT;
	char *path = NULL;
	double t0 = now_ms();
	uint32_t i, nchanged = 0;
	int ret = -1;

	psl_schema_init(&s);
	psl_schema_init(&formatted);
	psl_db_init(&db);
	if (mesdb_schema_locate(opts->schema_path, &path, err) < 0)
		goto out;
	if (schema_load(&s, path, err) < 0)
		goto out;
	if (s.nerrors && !only_legacy_errors(&s)) {
		/* syntax errors: the lines they are on would be lost */
		schema_render_diags(&s, sink ? sink->color : false, &sb);
		strbuf_addf(&sb, "\nValidation Error Count: %u\n", s.nerrors);
		sink_note(sink, sb.buf);
		mesdb_error(err, MESDB_E_SCHEMA, "the schema at \"%s\" could not be parsed", path);
		mesdb_err_set_code(err, "P1012");
		goto out;
	}
	outs = xcalloc(s.nsources ? s.nsources : 1, sizeof(*outs));
	for (i = 0; i < s.nsources; i++) {
		strbuf_init(&outs[i], s.sources[i].len + 64);
		psl_format(&s, i, &outs[i]);
		if (outs[i].len != s.sources[i].len ||
		    memcmp(outs[i].buf, s.sources[i].text, outs[i].len))
			nchanged++;
	}
	/*
	 * prisma format validates its output, refuses to write an invalid
	 * schema and reports the errors where they are in the formatted text.
	 * Formatting only moves text around (or repairs what is wrong), so a
	 * schema that validates as written formats into one that validates: the
	 * output is parsed and validated itself only when the schema has errors
	 * and its text changed.
	 */
	psl_validate(&s, &db);
	if (s.nerrors && nchanged) {
		for (i = 0; i < s.nsources; i++)
			psl_parse(&formatted, psl_schema_add_source(&formatted, s.sources[i].path,
								    outs[i].buf, outs[i].len));
		psl_db_release(&db);
		psl_db_init(&db);
		psl_validate(&formatted, &db);
		checked = &formatted;
	}
	if (checked->nerrors) {
		schema_render_diags(checked, sink ? sink->color : false, &sb);
		strbuf_addf(&sb, "\nValidation Error Count: %u\n", checked->nerrors);
		sink_note(sink, sb.buf);
		mesdb_error(err, MESDB_E_SCHEMA, "the schema at \"%s\" is invalid", path);
		mesdb_err_set_code(err, "P1012");
		goto out;
	}
	if (opts->print) {
		for (i = 0; i < s.nsources; i++)
			sink_out(sink, outs[i].buf);
		ret = 0;
		goto out;
	}
	if (opts->check) {
		if (nchanged) {
			mesdb_error(err, MESDB_E_REFUSED,
				    "There are unformatted files. Run mesdb format to format them.");
			goto out;
		}
		sink_out(sink, "All files are formatted correctly!\n");
		ret = 0;
		goto out;
	}
	for (i = 0; i < s.nsources; i++) {
		struct stat st;
		mode_t mode = 0644;
		if (outs[i].len == s.sources[i].len &&
		    !memcmp(outs[i].buf, s.sources[i].text, outs[i].len))
			continue;
		if (stat(s.sources[i].path, &st) == 0)
			mode = st.st_mode & 07777;
		if (fs_write_file(s.sources[i].path, outs[i].buf, outs[i].len, mode, err) < 0)
			goto out;
	}
	strbuf_reset(&sb);
	strbuf_addf(&sb, "Formatted %s in %.0fms \xf0\x9f\x9a\x80\n", path, now_ms() - t0);
	sink_out(sink, sb.buf);
	ret = 0;
out:
	if (outs) {
		for (i = 0; i < s.nsources; i++)
			strbuf_release(&outs[i]);
		free(outs);
	}
	strbuf_release(&sb);
	free(path);
	psl_db_release(&db);
	psl_schema_release(&formatted);
	psl_schema_release(&s);
	return ret;
}
