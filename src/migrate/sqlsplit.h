/* sqlsplit.h - split a SQL script into statements; find what cannot run in a transaction */
#ifndef MESDB_MIGRATE_SQLSPLIT_H
#define MESDB_MIGRATE_SQLSPLIT_H

/*
 * Owns: PostgreSQL's lexical rules as far as statement boundaries need
 * them. A ';' ends a statement except inside a string literal ('...',
 * E'...' with backslash escapes, U&'...'), a quoted identifier ("..."),
 * a comment (-- to the end of the line, or a nested block comment), a
 * dollar-quoted body ($$...$$, $tag$...$tag$) or a SQL-standard function
 * body (CREATE FUNCTION/PROCEDURE ... BEGIN ATOMIC ... END), the same
 * rules psql follows. Unterminated quotes run to the end of the text (the
 * server reports the error). Pure.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

/* ORDER SQL_TOK */
enum sql_tok {
	SQL_TOK_END,
	SQL_TOK_WORD,        /* keyword or unquoted identifier */
	SQL_TOK_STRING,      /* '...', E'...', U&'...' */
	SQL_TOK_IDENT,       /* "..." */
	SQL_TOK_DOLLAR,      /* $tag$...$tag$ */
	SQL_TOK_SEMICOLON,
	SQL_TOK_OTHER,       /* numbers, operators, punctuation, parameters */
};

struct sql_token {
	enum sql_tok kind;
	size_t start, len;   /* bytes of the text */
	uint32_t line;       /* 1-based */
};

struct sql_lexer {
	const char *s;
	size_t len, pos;
	uint32_t line;
};

void sql_lexer_init(struct sql_lexer *lx, const char *text, size_t len);
/* The next token (comments and white space skipped); SQL_TOK_END at the end. */
void sql_lex(struct sql_lexer *lx, struct sql_token *tok);

/* Up to SQL_STMT_WORDS leading words of a statement, upper-cased (longer words: ""). */
#define SQL_STMT_WORDS 8
#define SQL_WORD_MAX 16

struct sql_stmt {
	size_t start, len;   /* from the first token through the ';' (if any) */
	uint32_t line;       /* line of the first token */
	char words[SQL_STMT_WORDS][SQL_WORD_MAX];
	uint32_t nwords;
	bool concurrently;   /* the word CONCURRENTLY at the statement's top level */
	size_t add_value_start, add_value_len;   /* ALTER TYPE ... ADD VALUE 'x': the literal */
};

struct sql_script {
	struct sql_stmt *stmts;
	size_t nr, alloc;
};

#define SQL_SCRIPT_INIT { NULL, 0, 0 }
void sql_script_release(struct sql_script *s);

/* Split text into statements (statements of only comments are dropped). */
void sql_split(const char *text, size_t len, struct sql_script *out);

/*
 * BEGIN, START TRANSACTION, COMMIT or END: a statement that opens or ends
 * the transaction block (a script's own wrapping, left out where mesdb runs
 * the script in a transaction of its own).
 */
bool sql_stmt_is_tx_boundary(const struct sql_stmt *s);

/*
 * Can the script run inside one transaction block? False for explicit
 * transaction control (BEGIN, COMMIT, ROLLBACK, ...), VACUUM, CREATE/DROP
 * DATABASE or TABLESPACE, ALTER SYSTEM, subscriptions, REINDEX
 * SYSTEM/DATABASE, CLUSTER without a table, ... CONCURRENTLY of indexes
 * and partitions, and ALTER TYPE ... ADD VALUE when the new value appears
 * in a later statement (or on servers before 12). On false, `why` gets a
 * short reason ("CREATE INDEX CONCURRENTLY") and *line its line.
 */
bool sql_script_transactional(const struct sql_script *s, const char *text, size_t len,
			      int server_version, struct strbuf *why, uint32_t *line);

#endif
