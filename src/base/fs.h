/* fs.h - small file-system helpers: whole-file read/write, directory listing, mkdir -p */
#ifndef MESDB_FS_H
#define MESDB_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "mesdb/mesdb_err.h"
#include "strbuf.h"

/* Append the whole file to sb. */
int fs_read_file(const char *path, struct strbuf *sb, struct mesdb_err *err);
/* As fs_read_file, but a path that does not exist returns 0 (nothing read, no error); 1 read. */
int fs_read_file_if_exists(const char *path, struct strbuf *sb, struct mesdb_err *err);
/*
 * The whole file as read-only text with (*text)[*len] == '\0', for a reader
 * that keeps it: a big file is mapped from the page cache (no copy, no fresh
 * pages to fill), a small one read into the heap. Release it with
 * fs_unmap_file(text, len), len as returned. A file truncated by another
 * process while it is mapped may end the process (SIGBUS), as with any mmap.
 */
int fs_map_file(const char *path, const char **text, size_t *len, struct mesdb_err *err);
void fs_unmap_file(const char *text, size_t len);
/* Write data to path atomically (temp file in the same folder + rename), with mode. */
int fs_write_file(const char *path, const void *data, size_t len, mode_t mode,
		  struct mesdb_err *err);
/* mkdir -p with mode for the created folders. */
int fs_mkdir_p(const char *path, mode_t mode, struct mesdb_err *err);
bool fs_is_dir(const char *path);
bool fs_is_file(const char *path);

/* A sorted list of names (heap strings), as returned by fs_list_dir. */
struct fs_list {
	char **names;
	size_t nr, alloc;
};
#define FS_LIST_INIT { NULL, 0, 0 }
/*
 * Names in folder `dir` (no "." / ".."), sorted bytewise. which: 'd' folders only,
 * 'f' regular files only, 0 both. suffix: keep only names ending with it (or NULL).
 */
int fs_list_dir(const char *dir, int which, const char *suffix, struct fs_list *out,
		struct mesdb_err *err);
void fs_list_release(struct fs_list *l);

/* dir + "/" + name into sb (sb is reset first). */
void fs_path_join(struct strbuf *sb, const char *dir, const char *name);
/* Last path component (pointer into path). */
const char *fs_basename(const char *path);

#endif
