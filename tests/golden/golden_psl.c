/* golden_psl.c - golden tests: schema -> Prisma's diagnostics, schema -> prisma format output */
/*
 * For every tests/golden/psl/NAME.prisma (and every folder NAME/ of .prisma
 * files with an `expect` file), the expectation block after the line
 * "// ---- expect ----" holds Prisma's verdict: "valid", or the diagnostics
 * exactly as Prisma prints them (colour removed), where a line of spaces and
 * carets after a numbered source line marks the coloured span, and a last
 * "error-count: N" line. NAME.formatted, when present, is prisma format's
 * output for NAME.prisma.
 *
 * Usage: golden_psl DIR [NAME-FILTER]. MESDB_UPDATE_EXPECT=1 rewrites the
 * expectation blocks and .formatted files from mesdb's own output.
 */
#include "base/fs.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "psl/ast.h"
#include "psl/db.h"
#include "psl/format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char marker[] = "// ---- expect ----";

/* Turn coloured diagnostics into plain text plus caret lines under red spans. */
static void decolor(const char *in, struct strbuf *out)
{
	struct strbuf line = STRBUF_INIT, carets = STRBUF_INIT;
	const char *p = in;

	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		bool red = false, any = false, source_line;
		size_t i;

		strbuf_reset(&line);
		strbuf_reset(&carets);
		for (i = 0; i < n;) {
			if (p[i] == '\x1b' && i + 1 < n && p[i + 1] == '[') {
				size_t j = i + 2;
				while (j < n && p[j] != 'm')
					j++;
				red = (j - i - 2 == 4 && !strncmp(p + i + 2, "1;91", 4));
				i = j + 1;
				continue;
			}
			strbuf_addch(&line, p[i]);
			strbuf_addch(&carets, red ? '^' : ' ');
			if (red)
				any = true;
			i++;
		}
		/* carets only for numbered source lines (" 8 | ...") */
		source_line = false;
		for (i = 0; i < line.len && line.buf[i] == ' '; i++)
			;
		if (i < line.len && line.buf[i] >= '0' && line.buf[i] <= '9') {
			while (i < line.len && line.buf[i] >= '0' && line.buf[i] <= '9')
				i++;
			source_line = i + 1 < line.len && line.buf[i] == ' ' && line.buf[i + 1] == '|';
		}
		strbuf_addbuf(out, &line);
		strbuf_addch(out, '\n');
		if (source_line && any) {
			strbuf_rtrim(&carets);
			strbuf_addbuf(out, &carets);
			strbuf_addch(out, '\n');
		}
		p += n + (eol ? 1 : 0);
	}
	strbuf_release(&line);
	strbuf_release(&carets);
}

/* mesdb's verdict in the expectation form (without the // prefixes). */
static void actual_verdict(struct psl_schema *s, struct strbuf *out)
{
	struct psl_db db;
	struct strbuf colored = STRBUF_INIT;
	uint32_t i;

	psl_db_init(&db);
	psl_validate(s, &db);
	if (!s->nerrors) {
		strbuf_addstr(out, "valid\n");
	} else {
		for (i = 0; i < s->ndiags; i++)
			if (s->diags[i].severity == PSL_ERROR)
				psl_diag_render(s, &s->diags[i], true, &colored);
		decolor(colored.buf, out);
		strbuf_addf(out, "error-count: %u\n", s->nerrors);
	}
	strbuf_release(&colored);
	psl_db_release(&db);
}

/* Split text at the marker: schema part length and the expectation (prefixes removed). */
static bool split_expect(const char *text, size_t *schema_len, struct strbuf *expect)
{
	const char *m = strstr(text, marker);
	const char *p;
	if (!m)
		return false;
	*schema_len = (size_t)(m - text);
	p = strchr(m, '\n');
	p = p ? p + 1 : m + strlen(m);
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		size_t adv = n + (eol ? 1 : 0);
		if (n && p[n - 1] == '\r')
			n--; /* a CRLF file's expectation block */
		if (n >= 3 && !strncmp(p, "// ", 3))
			strbuf_add(expect, p + 3, n - 3);
		else if (!(n == 2 && !strncmp(p, "//", 2)) && n)
			strbuf_add(expect, p, n); /* tolerate a bare line */
		if (n || eol)
			strbuf_addch(expect, '\n');
		p += adv;
	}
	/* drop trailing empty lines */
	while (expect->len >= 2 && expect->buf[expect->len - 1] == '\n' &&
	       expect->buf[expect->len - 2] == '\n')
		strbuf_setlen(expect, expect->len - 1);
	return true;
}

static void prefix_lines(const char *in, struct strbuf *out)
{
	const char *p = in;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		if (n) {
			strbuf_addstr(out, "// ");
			strbuf_add(out, p, n);
		} else {
			strbuf_addstr(out, "//");
		}
		strbuf_addch(out, '\n');
		p += n + (eol ? 1 : 0);
	}
}

static int failures, passes;
static bool update;

static void report_diff(const char *what, const char *name, const char *want, const char *got)
{
	failures++;
	printf("FAIL %s %s\n--- expected\n%s--- actual\n%s---\n", what, name, want, got);
}

static void run_file(const char *dir, const char *name)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT, expect = STRBUF_INIT;
	struct strbuf got = STRBUF_INIT, fmt_path = STRBUF_INIT, fmt_want = STRBUF_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct psl_schema s;
	size_t schema_len = 0;

	fs_path_join(&path, dir, name);
	if (fs_read_file(path.buf, &text, &err) < 0) {
		printf("FAIL %s: %s\n", name, err.message);
		mesdb_err_release(&err);
		failures++;
		goto out;
	}
	if (!split_expect(text.buf, &schema_len, &expect)) {
		printf("FAIL %s: no \"%s\" block\n", name, marker);
		failures++;
		goto out;
	}
	psl_schema_init(&s);
	psl_parse(&s, psl_schema_add_source(&s, "schema.prisma", text.buf, text.len));
	actual_verdict(&s, &got);
	if (strcmp(got.buf, expect.buf)) {
		if (update) {
			struct strbuf nt = STRBUF_INIT;
			strbuf_add(&nt, text.buf, schema_len);
			strbuf_addstr(&nt, marker);
			strbuf_addch(&nt, '\n');
			prefix_lines(got.buf, &nt);
			fs_write_file(path.buf, nt.buf, nt.len, 0644, NULL);
			strbuf_release(&nt);
		} else {
			report_diff("validate", name, expect.buf, got.buf);
		}
	} else {
		passes++;
	}

	/* format */
	strbuf_addbuf(&fmt_path, &path);
	strbuf_setlen(&fmt_path, fmt_path.len - strlen(".prisma"));
	strbuf_addstr(&fmt_path, ".formatted");
	if (fs_is_file(fmt_path.buf)) {
		struct strbuf out = STRBUF_INIT;
		fs_read_file(fmt_path.buf, &fmt_want, NULL);
		psl_format(&s, 0, &out);
		if (strcmp(out.buf, fmt_want.buf)) {
			if (update)
				fs_write_file(fmt_path.buf, out.buf, out.len, 0644, NULL);
			else
				report_diff("format", name, fmt_want.buf, out.buf);
		} else {
			passes++;
		}
		strbuf_release(&out);
	}
	psl_schema_release(&s);
out:
	strbuf_release(&path);
	strbuf_release(&text);
	strbuf_release(&expect);
	strbuf_release(&got);
	strbuf_release(&fmt_path);
	strbuf_release(&fmt_want);
}

/* Parse every .prisma file below root/rel (recursively, sorted), named by its relative path. */
static void parse_tree(struct psl_schema *s, const char *root, const char *rel)
{
	struct strbuf dir = STRBUF_INIT, file = STRBUF_INIT, relfile = STRBUF_INIT;
	struct strbuf text = STRBUF_INIT;
	struct fs_list names = FS_LIST_INIT;
	size_t i;

	if (*rel)
		fs_path_join(&dir, root, rel);
	else
		strbuf_addstr(&dir, root);
	fs_list_dir(dir.buf, 0, NULL, &names, NULL);
	for (i = 0; i < names.nr; i++) {
		const char *n = names.names[i];
		size_t len = strlen(n);
		fs_path_join(&file, dir.buf, n);
		if (*rel)
			fs_path_join(&relfile, rel, n);
		else
			strbuf_reset(&relfile), strbuf_addstr(&relfile, n);
		if (fs_is_dir(file.buf)) {
			parse_tree(s, root, relfile.buf);
		} else if (len > 7 && !strcmp(n + len - 7, ".prisma")) {
			strbuf_reset(&text);
			fs_read_file(file.buf, &text, NULL);
			psl_parse(s, psl_schema_add_source(s, relfile.buf, text.buf, text.len));
		}
	}
	fs_list_release(&names);
	strbuf_release(&dir);
	strbuf_release(&file);
	strbuf_release(&relfile);
	strbuf_release(&text);
}

/* A folder of .prisma files with an `expect` file: a multi-file schema. */
static void run_folder(const char *dir, const char *name)
{
	struct strbuf path = STRBUF_INIT, file = STRBUF_INIT;
	struct strbuf expect = STRBUF_INIT, got = STRBUF_INIT;
	struct psl_schema s;

	fs_path_join(&path, dir, name);
	psl_schema_init(&s);
	parse_tree(&s, path.buf, "");
	fs_path_join(&file, path.buf, "expect");
	fs_read_file(file.buf, &expect, NULL);
	actual_verdict(&s, &got);
	if (strcmp(got.buf, expect.buf)) {
		if (update)
			fs_write_file(file.buf, got.buf, got.len, 0644, NULL);
		else
			report_diff("validate", name, expect.buf, got.buf);
	} else {
		passes++;
	}
	psl_schema_release(&s);
	strbuf_release(&path);
	strbuf_release(&file);
	strbuf_release(&expect);
	strbuf_release(&got);
}

int main(int argc, char **argv)
{
	struct fs_list names = FS_LIST_INIT;
	struct strbuf p = STRBUF_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;
	const char *filter = argc > 2 ? argv[2] : NULL;
	size_t i;

	if (argc < 2) {
		fprintf(stderr, "usage: golden_psl DIR [FILTER]\n");
		return 2;
	}
	update = getenv("MESDB_UPDATE_EXPECT") && !strcmp(getenv("MESDB_UPDATE_EXPECT"), "1");
	if (fs_list_dir(argv[1], 0, NULL, &names, &err) < 0) {
		fprintf(stderr, "golden_psl: %s\n", err.message);
		return 2;
	}
	for (i = 0; i < names.nr; i++) {
		const char *n = names.names[i];
		size_t len = strlen(n);
		if (filter && !strstr(n, filter))
			continue;
		fs_path_join(&p, argv[1], n);
		if (fs_is_dir(p.buf))
			run_folder(argv[1], n);
		else if (len > 7 && !strcmp(n + len - 7, ".prisma"))
			run_file(argv[1], n);
	}
	fs_list_release(&names);
	strbuf_release(&p);
	printf("%d passed, %d failed\n", passes, failures);
	return failures ? 1 : 0;
}
