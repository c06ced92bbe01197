/* schema_load.c - locate, read, parse and validate a schema for the commands */
#include "schema_load.h"
#include "base/fs.h"
#include "base/xalloc.h"

#include <stdlib.h>
#include <string.h>

void sink_out(const struct mesdb_sink *sink, const char *text)
{
	if (sink && sink->out)
		sink->out(sink->ctx, text, strlen(text));
}

void sink_note(const struct mesdb_sink *sink, const char *text)
{
	if (sink && sink->note)
		sink->note(sink->ctx, text, strlen(text));
}

int mesdb_schema_locate(const char *given, char **resolved, struct mesdb_err *err)
{
	static const char *const defaults[] = {
		"prisma/schema.prisma", "schema.prisma", "prisma/schema",
	};
	size_t i;

	if (given) {
		if (!fs_is_file(given) && !fs_is_dir(given))
			return mesdb_error(err, MESDB_E_IO, "could not find the schema \"%s\"", given);
		*resolved = xstrdup(given);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(defaults); i++) {
		if (fs_is_file(defaults[i]) || (i == 2 && fs_is_dir(defaults[i]))) {
			*resolved = xstrdup(defaults[i]);
			return 0;
		}
	}
	mesdb_error(err, MESDB_E_IO, "could not find a schema in the current folder");
	mesdb_err_detail(err, "looked for prisma/schema.prisma, schema.prisma and prisma/schema/");
	mesdb_err_hint(err, "pass --schema PATH, or -s SERVICE inside the workspace");
	return -1;
}

/* Collect *.prisma files below dir, recursively, sorted per folder. */
static int collect_files(const char *dir, struct fs_list *files, struct mesdb_err *err)
{
	struct fs_list names = FS_LIST_INIT;
	struct strbuf path = STRBUF_INIT;
	size_t i;
	int ret = 0;

	if (fs_list_dir(dir, 0, NULL, &names, err) < 0)
		return -1;
	for (i = 0; i < names.nr && !ret; i++) {
		size_t n = strlen(names.names[i]);
		fs_path_join(&path, dir, names.names[i]);
		if (fs_is_dir(path.buf)) {
			if (names.names[i][0] != '.' && strcmp(names.names[i], "migrations"))
				ret = collect_files(path.buf, files, err);
		} else if (n > 7 && !strcmp(names.names[i] + n - 7, ".prisma") && fs_is_file(path.buf)) {
			ALLOC_GROW(files->names, files->nr + 1, files->alloc);
			files->names[files->nr++] = strbuf_detach(&path, NULL);
		}
	}
	strbuf_release(&path);
	fs_list_release(&names);
	return ret;
}

int schema_load(struct psl_schema *s, const char *path, struct mesdb_err *err)
{
	struct fs_list files = FS_LIST_INIT;
	size_t i;
	int ret = 0;

	if (fs_is_dir(path)) {
		if (collect_files(path, &files, err) < 0) {
			fs_list_release(&files);
			return -1;
		}
		if (!files.nr) {
			fs_list_release(&files);
			return mesdb_error(err, MESDB_E_IO, "no .prisma files in the folder \"%s\"", path);
		}
	} else {
		ALLOC_GROW(files.names, 1, files.alloc);
		files.names[files.nr++] = xstrdup(path);
	}
	for (i = 0; i < files.nr; i++) {
		const char *text;
		size_t len;
		if (fs_map_file(files.names[i], &text, &len, err) < 0) {
			ret = -1;
			break;
		}
		if (len >= UINT32_MAX) {
			fs_unmap_file(text, len);
			ret = mesdb_error(err, MESDB_E_IO, "the schema file \"%s\" is too big", files.names[i]);
			break;
		}
		psl_parse(s, psl_schema_adopt_source(s, files.names[i], text, len, fs_unmap_file));
	}
	fs_list_release(&files);
	return ret;
}

void schema_render_diags(const struct psl_schema *s, bool color, struct strbuf *sb)
{
	uint32_t i;
	for (i = 0; i < s->ndiags; i++)
		if (s->diags[i].severity == PSL_ERROR)
			psl_diag_render(s, &s->diags[i], color, sb);
	for (i = 0; i < s->ndiags; i++)
		if (s->diags[i].severity == PSL_WARNING)
			psl_diag_render(s, &s->diags[i], color, sb);
}

int schema_load_valid(struct psl_schema *s, struct psl_db *db, const char *path,
		      const struct mesdb_sink *sink, struct mesdb_err *err)
{
	struct strbuf sb = STRBUF_INIT;

	s->skip_layout = true;   /* never formatted */
	if (schema_load(s, path, err) < 0)
		return -1;
	psl_validate(s, db);
	if (s->ndiags) {
		schema_render_diags(s, sink ? sink->color : false, &sb);
		if (s->nerrors)
			strbuf_addf(&sb, "\nValidation Error Count: %u\n", s->nerrors);
		sink_note(sink, sb.buf);
	}
	strbuf_release(&sb);
	if (s->nerrors) {
		mesdb_error(err, MESDB_E_SCHEMA, "the schema at \"%s\" is invalid", path);
		mesdb_err_set_code(err, "P1012");
		return -1;
	}
	return 0;
}

int mesdb_validate(const char *schema_path, const struct mesdb_sink *sink, struct mesdb_err *err)
{
	struct psl_schema s;
	struct psl_db db;
	struct strbuf sb = STRBUF_INIT;
	char *path = NULL;
	int ret = -1;

	psl_schema_init(&s);
	psl_db_init(&db);
	if (mesdb_schema_locate(schema_path, &path, err) < 0)
		goto out;
	if (schema_load_valid(&s, &db, path, sink, err) < 0)
		goto out;
	strbuf_addf(&sb, "The schema at %s is valid \xf0\x9f\x9a\x80\n", path);
	sink_out(sink, sb.buf);
	ret = 0;
out:
	strbuf_release(&sb);
	free(path);
	psl_db_release(&db);
	psl_schema_release(&s);
	return ret;
}
