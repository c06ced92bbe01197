/* mesdb_err.h - the error type every fallible mesdb function fills */
#ifndef MESDB_ERR_H
#define MESDB_ERR_H

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Error status. ORDER MESDB_E: mesdb_err_status_name() in src/base/err.c
 * follows this order. The CLI maps a status to an exit code (cli/main.c).
 */
enum mesdb_status {
	MESDB_OK = 0,
	MESDB_E_USAGE,      /* bad command line (exit 129) */
	MESDB_E_IO,         /* file system */
	MESDB_E_SCHEMA,     /* invalid schema: diagnostics were collected */
	MESDB_E_CONFIG,     /* workspace, .env, URL, datasource problems */
	MESDB_E_CONNECT,    /* could not connect (exit 2) */
	MESDB_E_QUERY,      /* a query failed */
	MESDB_E_MIGRATION,  /* a migration script failed (exit 3) */
	MESDB_E_REFUSED,    /* refused change, pending/failed migrations (exit 1) */
	MESDB_E_LOCK,       /* advisory lock timeout (P1002) */
	MESDB_E_INTERNAL,   /* anything else */
	MESDB_E__COUNT
};

/*
 * An error: PostgreSQL's primary/detail/hint split, plus the SQLSTATE and a
 * Prisma error code (P3018...) where one applies. All strings are owned by the
 * struct (heap); mesdb_err_release() frees them. A zeroed struct is "no error".
 */
struct mesdb_err {
	enum mesdb_status status;
	char *message;      /* what went wrong, lowercase first word, no period */
	char *detail;       /* more facts, may be NULL */
	char *hint;         /* what to do, may be NULL */
	char sqlstate[6];   /* "" if none */
	char code[8];       /* Prisma-style code ("P3018"), "" if none */
};

#define MESDB_ERR_INIT { MESDB_OK, NULL, NULL, NULL, "", "" }

#if defined(__GNUC__)
#define MESDB_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define MESDB_PRINTF(a, b)
#endif

/* Fill *err (which must be empty or NULL) and return -1. err may be NULL. */
int mesdb_error(struct mesdb_err *err, enum mesdb_status status, const char *fmt, ...)
	MESDB_PRINTF(3, 4);
/* Set (replace) the detail / hint of an error already filled. */
void mesdb_err_detail(struct mesdb_err *err, const char *fmt, ...) MESDB_PRINTF(2, 3);
void mesdb_err_hint(struct mesdb_err *err, const char *fmt, ...) MESDB_PRINTF(2, 3);
void mesdb_err_set_sqlstate(struct mesdb_err *err, const char *sqlstate);
void mesdb_err_set_code(struct mesdb_err *err, const char *code);
/* Prefix the message with "context: " (callers adding context). */
void mesdb_err_prefix(struct mesdb_err *err, const char *fmt, ...) MESDB_PRINTF(2, 3);
/* Free the strings and reset to MESDB_OK. */
void mesdb_err_release(struct mesdb_err *err);
/* Move src into dst (dst must be empty); src is reset. */
void mesdb_err_move(struct mesdb_err *dst, struct mesdb_err *src);
const char *mesdb_status_name(enum mesdb_status status);

#ifdef __cplusplus
}
#endif
#endif
