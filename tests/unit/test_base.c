/* test_base.c - unit tests for src/base: strbuf, arena, sha256, fs, err, xalloc */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/arena.h"
#include "base/fs.h"
#include "base/sha256.h"
#include "base/strbuf.h"
#include "base/strmap.h"
#include "base/xalloc.h"
#include "mesdb/mesdb_err.h"

#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- strbuf ---- */

static void test_strbuf_init_empty(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_non_null(sb.buf);
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
	assert_non_null(sb.buf);
	assert_string_equal(sb.buf, "");
	/* reset on an untouched strbuf does not write to the shared empty buffer */
	strbuf_reset(&sb);
	assert_string_equal(sb.buf, "");
}

static void test_strbuf_add(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_addstr(&sb, "work");
	strbuf_addch(&sb, '-');
	strbuf_add(&sb, "order!!", 5);
	strbuf_addchars(&sb, '.', 3);
	assert_string_equal(sb.buf, "work-order...");
	assert_int_equal(sb.len, 13);
	assert_true(sb.alloc > sb.len);

	struct strbuf other = STRBUF_INIT;
	strbuf_addbuf(&other, &sb);
	strbuf_addbuf(&other, &sb);
	assert_string_equal(other.buf, "work-order...work-order...");

	strbuf_insert(&other, 0, "[", 1);
	strbuf_insert(&other, other.len, "]", 1);
	strbuf_remove(&other, 5, 6);
	assert_string_equal(other.buf, "[work...work-order...]");
	assert_true(strbuf_ends_with(&other, "...]"));
	assert_false(strbuf_ends_with(&other, "x]"));
	assert_false(strbuf_ends_with(&other, "a much longer suffix than the buffer itself holds"));

	strbuf_setlen(&other, 5);
	assert_string_equal(other.buf, "[work");
	strbuf_reset(&other);
	assert_string_equal(other.buf, "");
	assert_int_equal(other.len, 0);
	strbuf_release(&other);
	strbuf_release(&sb);
}

static void test_strbuf_addf_growth(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char big[5000];
	int i;

	(void)state;
	strbuf_addf(&sb, "%s=%d", "quantity", 42);
	assert_string_equal(sb.buf, "quantity=42");
	/* one addf much larger than the current allocation */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	strbuf_addf(&sb, "[%s]", big);
	assert_int_equal(sb.len, 11 + 2 + sizeof(big) - 1);
	assert_int_equal(sb.buf[11], '[');
	assert_int_equal(sb.buf[sb.len - 1], ']');
	assert_int_equal(sb.buf[sb.len], '\0');
	/* many small ones */
	strbuf_reset(&sb);
	for (i = 0; i < 1000; i++)
		strbuf_addf(&sb, "%03d,", i);
	assert_int_equal(sb.len, 4000);
	assert_memory_equal(sb.buf, "000,001,", 8);
	assert_memory_equal(sb.buf + sb.len - 4, "999,", 4);
	/* an empty format */
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s", "");
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
}

static void test_strbuf_detach(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = 99;
	char *s;

	(void)state;
	/* detaching an empty strbuf still hands over a heap string */
	s = strbuf_detach(&sb, &len);
	assert_non_null(s);
	assert_int_equal(len, 0);
	assert_string_equal(s, "");
	free(s);

	strbuf_addstr(&sb, "Material");
	s = strbuf_detach(&sb, &len);
	assert_string_equal(s, "Material");
	assert_int_equal(len, 8);
	/* the strbuf is empty and usable again */
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.buf, "");
	strbuf_addstr(&sb, "Lot");
	assert_string_equal(sb.buf, "Lot");
	assert_string_equal(s, "Material");
	free(s);
	s = strbuf_detach(&sb, NULL);
	assert_string_equal(s, "Lot");
	free(s);
}

static void test_strbuf_trim(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_addstr(&sb, " \t\n model \r\n");
	strbuf_rtrim(&sb);
	assert_string_equal(sb.buf, " \t\n model");
	strbuf_ltrim(&sb);
	assert_string_equal(sb.buf, "model");
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "   ");
	strbuf_trim(&sb);
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
}

/* ---- arena ---- */

static void test_arena_alignment(void **state)
{
	struct arena a = ARENA_INIT;
	size_t sizes[] = { 1, 3, 7, 8, 13, 16, 17, 31, 100, 0, 5 };
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned char *p = arena_alloc(&a, sizes[i]);
		size_t j;
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
		for (j = 0; j < sizes[i]; j++)
			assert_int_equal(p[j], 0);
		memset(p, 0xab, sizes[i]);
	}
	/* typed allocations */
	long double *ld = ARENA_NEW(&a, long double);
	*ld = 1.5L;
	uint64_t *arr = ARENA_NEW_ARRAY(&a, uint64_t, 10);
	assert_int_equal((uintptr_t)arr % alignof(uint64_t), 0);
	assert_int_equal(arr[9], 0);
	assert_true(a.total > 0);
	arena_release(&a);
	assert_null(a.head);
	assert_int_equal(a.total, 0);
}

static void test_arena_big(void **state)
{
	struct arena a;
	unsigned char *small1, *big, *small2, *huge;
	size_t i;

	(void)state;
	arena_init(&a);
	small1 = arena_alloc(&a, 10);
	/* bigger than a block: gets its own block, the current block stays in use */
	big = arena_alloc(&a, 1024 * 1024);
	small2 = arena_alloc(&a, 10);
	for (i = 0; i < 1024 * 1024; i++)
		assert_true(big[i] == 0);
	memset(big, 0x5a, 1024 * 1024);
	memset(small1, 1, 10);
	memset(small2, 2, 10);
	assert_int_equal((uintptr_t)big % alignof(max_align_t), 0);
	/* small2 follows small1 in the same block */
	assert_true(small2 > small1 && small2 - small1 < 64);
	huge = arena_alloc(&a, 8 * 1024 * 1024 + 3);
	huge[8 * 1024 * 1024 + 2] = 7;
	assert_int_equal(big[1024 * 1024 - 1], 0x5a);
	assert_int_equal(small1[9], 1);
	/* many allocations across many blocks */
	for (i = 0; i < 20000; i++) {
		uint32_t *p = arena_alloc(&a, 24);
		*p = (uint32_t)i;
	}
	arena_release(&a);
	/* reusable after release */
	assert_non_null(arena_alloc(&a, 1));
	arena_release(&a);
}

static void test_arena_strings(void **state)
{
	struct arena a = ARENA_INIT;
	char *s;
	int *ints, src[3] = { 1, 2, 3 };

	(void)state;
	s = arena_strdup(&a, "QualityPlan");
	assert_string_equal(s, "QualityPlan");
	s = arena_strndup(&a, "QualityPlan", 7);
	assert_string_equal(s, "Quality");
	s = arena_printf(&a, "%s_%d_%s", "idx", 3, "key");
	assert_string_equal(s, "idx_3_key");
	ints = arena_memdup(&a, src, sizeof(src));
	assert_int_equal(ints[2], 3);
	ints = arena_memdup(&a, NULL, sizeof(src));
	assert_int_equal(ints[0], 0);
	arena_release(&a);
}

/* ---- sha256 ---- */

static void test_sha256(void **state)
{
	char hex[SHA256_HEX_LEN + 1];
	struct sha256_ctx *ctx;

	(void)state;
	sha256_hex("hello", 5, hex);
	assert_string_equal(hex, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
	sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

	/* incremental: the same digest in pieces, including empty ones */
	ctx = sha256_begin();
	sha256_update(ctx, "he", 2);
	sha256_update(ctx, "", 0);
	sha256_update(ctx, "llo", 3);
	sha256_finish(ctx, hex);
	assert_string_equal(hex, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");

	/* bigger input across many updates equals one call */
	{
		static unsigned char data[100000];
		char one[SHA256_HEX_LEN + 1];
		size_t i;
		for (i = 0; i < sizeof(data); i++)
			data[i] = (unsigned char)(i * 31 + 7);
		sha256_hex(data, sizeof(data), one);
		ctx = sha256_begin();
		for (i = 0; i < sizeof(data); i += 777)
			sha256_update(ctx, data + i, sizeof(data) - i < 777 ? sizeof(data) - i : 777);
		sha256_finish(ctx, hex);
		assert_string_equal(hex, one);
		assert_int_equal(strlen(hex), SHA256_HEX_LEN);
	}
}

/* ---- fs ---- */

struct tmpdir {
	char path[256];
};

static int tmpdir_setup(void **state)
{
	struct tmpdir *t = calloc(1, sizeof(*t));
	const char *base = getenv("TMPDIR");

	if (!t)
		return -1;
	snprintf(t->path, sizeof(t->path), "%s/mesdb-test-base-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(t->path)) {
		free(t);
		return -1;
	}
	*state = t;
	return 0;
}

static void rm_rf(const char *path)
{
	struct fs_list l = FS_LIST_INIT;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if (fs_is_dir(path) && fs_list_dir(path, 0, NULL, &l, NULL) == 0) {
		for (i = 0; i < l.nr; i++) {
			fs_path_join(&sb, path, l.names[i]);
			rm_rf(sb.buf);
		}
		fs_list_release(&l);
		rmdir(path);
	} else {
		unlink(path);
	}
	strbuf_release(&sb);
}

static int tmpdir_teardown(void **state)
{
	struct tmpdir *t = *state;
	rm_rf(t->path);
	free(t);
	return 0;
}

static void test_fs_write_read(void **state)
{
	struct tmpdir *t = *state;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct strbuf path = STRBUF_INIT, sb = STRBUF_INIT;
	struct stat st;
	const char text[] = "model User {\n  id Int @id\n}\n";
	struct fs_list l = FS_LIST_INIT;

	fs_path_join(&path, t->path, "schema.prisma");
	assert_int_equal(fs_write_file(path.buf, text, strlen(text), 0600, &err), 0);
	assert_int_equal(err.status, MESDB_OK);
	assert_true(fs_is_file(path.buf));
	assert_false(fs_is_dir(path.buf));
	assert_int_equal(stat(path.buf, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	strbuf_addstr(&sb, "prefix:");
	assert_int_equal(fs_read_file(path.buf, &sb, &err), 0);
	assert_string_equal(sb.buf, "prefix:model User {\n  id Int @id\n}\n");

	/* rewriting replaces the content and leaves no temporary file behind */
	assert_int_equal(fs_write_file(path.buf, "x", 1, 0644, &err), 0);
	strbuf_reset(&sb);
	assert_int_equal(fs_read_file(path.buf, &sb, &err), 0);
	assert_string_equal(sb.buf, "x");
	assert_int_equal(fs_list_dir(t->path, 0, NULL, &l, &err), 0);
	assert_int_equal(l.nr, 1);
	assert_string_equal(l.names[0], "schema.prisma");
	fs_list_release(&l);

	/* an empty file, and a big one */
	assert_int_equal(fs_write_file(path.buf, "", 0, 0644, &err), 0);
	strbuf_reset(&sb);
	assert_int_equal(fs_read_file(path.buf, &sb, &err), 0);
	assert_int_equal(sb.len, 0);
	{
		size_t n = 300000, i;
		char *big = malloc(n);
		assert_non_null(big);
		for (i = 0; i < n; i++)
			big[i] = (char)('a' + i % 26);
		assert_int_equal(fs_write_file(path.buf, big, n, 0644, &err), 0);
		strbuf_reset(&sb);
		assert_int_equal(fs_read_file(path.buf, &sb, &err), 0);
		assert_int_equal(sb.len, n);
		assert_memory_equal(sb.buf, big, n);
		assert_int_equal(sb.buf[n], '\0');
		free(big);
	}
	strbuf_release(&sb);
	strbuf_release(&path);
}

static void test_fs_errors(void **state)
{
	struct tmpdir *t = *state;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct strbuf path = STRBUF_INIT, sb = STRBUF_INIT;
	struct fs_list l = FS_LIST_INIT;

	fs_path_join(&path, t->path, "missing.prisma");
	assert_int_equal(fs_read_file(path.buf, &sb, &err), -1);
	assert_int_equal(err.status, MESDB_E_IO);
	assert_non_null(strstr(err.message, "missing.prisma"));
	assert_non_null(strstr(err.message, "could not open"));
	mesdb_err_release(&err);

	/* reading a folder */
	assert_int_equal(fs_read_file(t->path, &sb, &err), -1);
	assert_non_null(strstr(err.message, "is a directory"));
	mesdb_err_release(&err);

	/* writing into a folder that does not exist */
	fs_path_join(&path, t->path, "no/such/file");
	assert_int_equal(fs_write_file(path.buf, "x", 1, 0644, &err), -1);
	assert_int_equal(err.status, MESDB_E_IO);
	mesdb_err_release(&err);

	/* listing a folder that does not exist */
	assert_int_equal(fs_list_dir(path.buf, 0, NULL, &l, &err), -1);
	assert_int_equal(err.status, MESDB_E_IO);
	mesdb_err_release(&err);

	/* errors may be ignored with a NULL err */
	assert_int_equal(fs_read_file(path.buf, &sb, NULL), -1);
	strbuf_release(&sb);
	strbuf_release(&path);
}

static void test_fs_mkdir_list(void **state)
{
	struct tmpdir *t = *state;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct strbuf path = STRBUF_INIT, p2 = STRBUF_INIT;
	struct fs_list l = FS_LIST_INIT;
	const char *names[] = { "20240102000000_b", "0_init", "20240101000000_a", "migration_lock.toml",
				"notes.sql" };
	size_t i;

	fs_path_join(&path, t->path, "prisma/migrations");
	assert_int_equal(fs_mkdir_p(path.buf, 0755, &err), 0);
	assert_true(fs_is_dir(path.buf));
	/* again: nothing to do, no error */
	assert_int_equal(fs_mkdir_p(path.buf, 0755, &err), 0);

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		fs_path_join(&p2, path.buf, names[i]);
		if (strchr(names[i], '.'))
			assert_int_equal(fs_write_file(p2.buf, "-- x\n", 5, 0644, &err), 0);
		else
			assert_int_equal(fs_mkdir_p(p2.buf, 0755, &err), 0);
	}
	/* a trailing slash */
	fs_path_join(&p2, path.buf, "nested/deeper/");
	assert_int_equal(fs_mkdir_p(p2.buf, 0755, &err), 0);
	assert_true(fs_is_dir(p2.buf));

	assert_int_equal(fs_list_dir(path.buf, 0, NULL, &l, &err), 0);
	assert_int_equal(l.nr, 6);
	assert_string_equal(l.names[0], "0_init");
	assert_string_equal(l.names[1], "20240101000000_a");
	assert_string_equal(l.names[2], "20240102000000_b");
	assert_string_equal(l.names[3], "migration_lock.toml");
	assert_string_equal(l.names[4], "nested");
	assert_string_equal(l.names[5], "notes.sql");
	fs_list_release(&l);
	assert_int_equal(l.nr, 0);

	assert_int_equal(fs_list_dir(path.buf, 'd', NULL, &l, &err), 0);
	assert_int_equal(l.nr, 4);
	assert_string_equal(l.names[3], "nested");
	fs_list_release(&l);

	assert_int_equal(fs_list_dir(path.buf, 'f', NULL, &l, &err), 0);
	assert_int_equal(l.nr, 2);
	fs_list_release(&l);

	assert_int_equal(fs_list_dir(path.buf, 0, ".sql", &l, &err), 0);
	assert_int_equal(l.nr, 1);
	assert_string_equal(l.names[0], "notes.sql");
	fs_list_release(&l);

	/* an empty folder */
	assert_int_equal(fs_list_dir(p2.buf, 0, NULL, &l, &err), 0);
	assert_int_equal(l.nr, 0);
	fs_list_release(&l);

	/* mkdir -p over a file fails */
	fs_path_join(&p2, path.buf, "notes.sql");
	assert_int_equal(fs_mkdir_p(p2.buf, 0755, &err), -1);
	assert_int_equal(err.status, MESDB_E_IO);
	mesdb_err_release(&err);
	fs_path_join(&p2, path.buf, "notes.sql/sub");
	assert_int_equal(fs_mkdir_p(p2.buf, 0755, &err), -1);
	mesdb_err_release(&err);

	strbuf_release(&p2);
	strbuf_release(&path);
}

static void test_fs_paths(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	fs_path_join(&sb, "services/auth", "prisma");
	assert_string_equal(sb.buf, "services/auth/prisma");
	fs_path_join(&sb, "services/auth/", "prisma");
	assert_string_equal(sb.buf, "services/auth/prisma");
	fs_path_join(&sb, "", "prisma");
	assert_string_equal(sb.buf, "prisma");
	assert_string_equal(fs_basename("a/b/schema.prisma"), "schema.prisma");
	assert_string_equal(fs_basename("schema.prisma"), "schema.prisma");
	assert_string_equal(fs_basename("a/b/"), "");
	strbuf_release(&sb);
}

/* ---- err ---- */

static int fails_with_query_error(struct mesdb_err *err)
{
	return mesdb_error(err, MESDB_E_QUERY, "could not describe table \"%s\"", "WorkOrder");
}

static void test_err_fill_release(void **state)
{
	struct mesdb_err err = MESDB_ERR_INIT;

	(void)state;
	assert_int_equal(err.status, MESDB_OK);
	assert_int_equal(fails_with_query_error(&err), -1);
	assert_int_equal(err.status, MESDB_E_QUERY);
	assert_string_equal(err.message, "could not describe table \"WorkOrder\"");
	assert_null(err.detail);
	assert_null(err.hint);

	mesdb_err_detail(&err, "relation %d", 42);
	mesdb_err_detail(&err, "relation %d", 43); /* replaces */
	mesdb_err_hint(&err, "run %s", "mesdb migrate status");
	mesdb_err_set_sqlstate(&err, "42P01");
	mesdb_err_set_code(&err, "P3018");
	assert_string_equal(err.detail, "relation 43");
	assert_string_equal(err.hint, "run mesdb migrate status");
	assert_string_equal(err.sqlstate, "42P01");
	assert_string_equal(err.code, "P3018");
	/* too long codes are cut, never overflow */
	mesdb_err_set_sqlstate(&err, "1234567890");
	assert_string_equal(err.sqlstate, "12345");
	mesdb_err_set_code(&err, NULL);
	assert_string_equal(err.code, "");

	mesdb_err_release(&err);
	assert_int_equal(err.status, MESDB_OK);
	assert_null(err.message);
	assert_null(err.detail);
	assert_null(err.hint);
	assert_string_equal(err.sqlstate, "");
	/* released errors can be filled again; releasing twice is fine */
	assert_int_equal(mesdb_error(&err, MESDB_E_IO, "x"), -1);
	mesdb_err_release(&err);
	mesdb_err_release(&err);

	/* a NULL err: the status is still returned, nothing is kept */
	assert_int_equal(mesdb_error(NULL, MESDB_E_IO, "ignored %s", "x"), -1);
	mesdb_err_detail(NULL, "x");
	mesdb_err_hint(NULL, "x");
	mesdb_err_prefix(NULL, "x");
	mesdb_err_release(NULL);
}

static void test_err_prefix(void **state)
{
	struct mesdb_err err = MESDB_ERR_INIT;

	(void)state;
	mesdb_error(&err, MESDB_E_CONNECT, "connection refused");
	mesdb_err_prefix(&err, "service \"%s\"", "auth");
	assert_string_equal(err.message, "service \"auth\": connection refused");
	mesdb_err_prefix(&err, "deploy");
	assert_string_equal(err.message, "deploy: service \"auth\": connection refused");
	assert_int_equal(err.status, MESDB_E_CONNECT);
	mesdb_err_release(&err);
}

static void test_err_move(void **state)
{
	struct mesdb_err a = MESDB_ERR_INIT, b = MESDB_ERR_INIT;

	(void)state;
	mesdb_error(&a, MESDB_E_MIGRATION, "migration \"%s\" failed", "0_init");
	mesdb_err_hint(&a, "see the log");
	mesdb_err_set_sqlstate(&a, "23505");
	mesdb_err_move(&b, &a);
	assert_int_equal(a.status, MESDB_OK);
	assert_null(a.message);
	assert_null(a.hint);
	assert_string_equal(a.sqlstate, "");
	assert_int_equal(b.status, MESDB_E_MIGRATION);
	assert_string_equal(b.message, "migration \"0_init\" failed");
	assert_string_equal(b.hint, "see the log");
	assert_string_equal(b.sqlstate, "23505");
	mesdb_err_release(&a);
	mesdb_err_release(&b);
}

static void test_err_status_names(void **state)
{
	(void)state;
	assert_string_equal(mesdb_status_name(MESDB_OK), "ok");
	assert_string_equal(mesdb_status_name(MESDB_E_USAGE), "usage");
	assert_string_equal(mesdb_status_name(MESDB_E_CONNECT), "connect");
	assert_string_equal(mesdb_status_name(MESDB_E_INTERNAL), "internal");
	assert_string_equal(mesdb_status_name(MESDB_E__COUNT), "unknown");
	assert_string_equal(mesdb_status_name((enum mesdb_status)-1), "unknown");
}

/* ---- xalloc ---- */

static void test_xalloc(void **state)
{
	char *s;
	int *v = NULL;
	size_t nr = 0, alloc = 0, i;

	(void)state;
	s = xstrdup("ElectronicSignature");
	assert_string_equal(s, "ElectronicSignature");
	free(s);
	s = xstrndup("ElectronicSignature", 10);
	assert_string_equal(s, "Electronic");
	free(s);
	s = xstrndup("ab", 10);
	assert_string_equal(s, "ab");
	free(s);
	s = xcalloc(4, 8);
	for (i = 0; i < 32; i++)
		assert_int_equal(s[i], 0);
	s = xrealloc(s, 1000);
	free(s);
	assert_int_equal(xmul(3, 7), 21);
	assert_int_equal(xmul(0, SIZE_MAX), 0);
	for (i = 0; i < 1000; i++) {
		ALLOC_GROW(v, nr + 1, alloc);
		v[nr++] = (int)i;
	}
	assert_true(alloc >= 1000);
	assert_int_equal(v[999], 999);
	free(v);
}

/* xzalloc_got: zeroed, at least the size asked, whole huge pages from 1 MiB on; frees cleanly */
static void test_xzalloc_got(void **state)
{
	static const size_t sizes[] = { 1, 4000, 200 * 1024, 1024 * 1024, 3 * 1024 * 1024 + 5 };
	(void)state;
	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		size_t got = 0;
		unsigned char *p = xzalloc_got(sizes[k], &got);
		assert_non_null(p);
		assert_true(got >= sizes[k]);
		assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
		for (size_t i = 0; i < got; i += 4096)
			assert_int_equal(p[i], 0);
		assert_int_equal(p[got - 1], 0);
		memset(p, 0xa5, got);   /* every byte it claims is usable */
		xzfree(p);
	}
	xzfree(NULL);
}

/* arena_expect: one block for what is announced; memory still zeroed when asked; no reuse of bytes */
static void test_arena_expect(void **state)
{
	struct arena a;
	unsigned char *first, *p = NULL, *prev = NULL;

	(void)state;
	arena_init(&a);
	arena_expect(&a, 10);                 /* too small to matter: nothing allocated */
	assert_null(a.head);
	arena_expect(&a, 3 * 1024 * 1024);
	assert_non_null(a.head);
	first = arena_alloc(&a, 16);
	/*
	 * the announced bytes come one after the other, zeroed: one stride all
	 * along (a new block at most once, where the system's rounding left
	 * less than the estimate)
	 */
	ptrdiff_t stride = 0;
	int jumps = 0;
	for (int i = 0; i < 100000; i++) {
		p = arena_alloc(&a, 24);
		for (int j = 0; j < 24; j++)
			assert_int_equal(p[j], 0);
		memset(p, 0x11, 24);
		if (prev && !stride)
			stride = p - prev;
		else if (prev && p - prev != stride)
			jumps++;
		prev = p;
	}
	assert_true(stride >= 24 && stride <= 32);
	assert_true(jumps <= 1);
	assert_non_null(first);
	/* strings from the other end of the same block do not overlap the nodes */
	char *str = arena_strdup(&a, "Machine");
	assert_string_equal(str, "Machine");
	assert_int_equal(p[0], 0x11);
	/* memory written, released and allocated again is zeroed again */
	arena_release(&a);
	arena_expect(&a, 2 * 1024 * 1024);
	p = arena_alloc(&a, 64);
	for (int j = 0; j < 64; j++)
		assert_int_equal(p[j], 0);
	arena_release(&a);
}

/* a strmap whose slots live in an arena works as one in the heap, across rehashes */
static void test_strmap_arena(void **state)
{
	struct arena a;
	struct strmap m;
	char keys[5000][8];

	(void)state;
	arena_init(&a);
	strmap_init_arena(&m, &a);
	for (uint32_t i = 0; i < 5000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "f%u", i);
		assert_int_equal(strmap_put(&m, i % 7, keys[i], i), STRMAP_MISSING);
	}
	for (uint32_t i = 0; i < 5000; i++) {
		assert_int_equal(strmap_get(&m, i % 7, keys[i]), i);
		assert_int_equal(strmap_get(&m, (i + 1) % 7, keys[i]), STRMAP_MISSING);
	}
	strmap_release(&m);
	assert_int_equal(strmap_get(&m, 0, "f0"), STRMAP_MISSING);
	/* still bound to the arena after a release */
	assert_int_equal(strmap_put(&m, 0, "again", 1), STRMAP_MISSING);
	assert_int_equal(strmap_get(&m, 0, "again"), 1);
	strmap_release(&m);
	arena_release(&a);
}

static jmp_buf oom_jump;
static size_t oom_size;

static void test_oom_handler(size_t size)
{
	oom_size = size;
	longjmp(oom_jump, 1);
}

static void test_xalloc_overflow(void **state)
{
	(void)state;
	xalloc_set_oom_handler(test_oom_handler);
	oom_size = 0;
	if (setjmp(oom_jump) == 0) {
		(void)xmul(SIZE_MAX / 2, 3);
		xalloc_set_oom_handler(NULL);
		fail_msg("xmul overflow did not reach the out-of-memory handler");
	}
	xalloc_set_oom_handler(NULL);
	assert_int_equal(oom_size, SIZE_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strbuf_init_empty),
		cmocka_unit_test(test_strbuf_add),
		cmocka_unit_test(test_strbuf_addf_growth),
		cmocka_unit_test(test_strbuf_detach),
		cmocka_unit_test(test_strbuf_trim),
		cmocka_unit_test(test_arena_alignment),
		cmocka_unit_test(test_arena_big),
		cmocka_unit_test(test_arena_strings),
		cmocka_unit_test(test_sha256),
		cmocka_unit_test_setup_teardown(test_fs_write_read, tmpdir_setup, tmpdir_teardown),
		cmocka_unit_test_setup_teardown(test_fs_errors, tmpdir_setup, tmpdir_teardown),
		cmocka_unit_test_setup_teardown(test_fs_mkdir_list, tmpdir_setup, tmpdir_teardown),
		cmocka_unit_test(test_fs_paths),
		cmocka_unit_test(test_err_fill_release),
		cmocka_unit_test(test_err_prefix),
		cmocka_unit_test(test_err_move),
		cmocka_unit_test(test_err_status_names),
		cmocka_unit_test(test_xalloc),
		cmocka_unit_test(test_xalloc_overflow),
		cmocka_unit_test(test_xzalloc_got),
		cmocka_unit_test(test_arena_expect),
		cmocka_unit_test(test_strmap_arena),
	};
	return cmocka_run_group_tests_name("base", tests, NULL, NULL);
}
