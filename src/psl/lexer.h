/* lexer.h - tokens of the Prisma schema language, scanned one at a time without allocation */
#ifndef MESDB_PSL_LEXER_H
#define MESDB_PSL_LEXER_H

/*
 * Owns: turning schema text into tokens. Knows nothing about the grammar:
 * the parser (parser.c) asks for one token at a time, may rewind by
 * resetting `pos`, and decides what a token means where it stands.
 *
 * PSL is line-oriented: line breaks ("\n", "\r\n" or a lone "\r") are
 * tokens; spaces, tabs and the other Unicode space separators (Zs) are
 * skipped and only remembered in `space_before`. An identifier starts with
 * a letter (any Unicode letter, as Prisma 6 accepts) or an ASCII digit and
 * goes on with letters, digits, `_` and `-`; so `123` and `1a` lex as
 * identifiers, and the parser tells numbers apart (Prisma's grammar tries
 * numbers only where an expression is expected). A number token is only a
 * negative one: `-12`, `-1.5`. Strings are kept raw (quotes included):
 * unescaping and its errors belong to the parser. Nothing here allocates.
 */

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* ORDER LEX */
enum lex_kind {
	LEX_EOF,
	LEX_NEWLINE,       /* "\n", "\r\n" or "\r" */
	LEX_IDENT,         /* [letter digit][letter digit _ -]* */
	LEX_NUMBER,        /* -12, -1.5 (unsigned numbers lex as LEX_IDENT) */
	LEX_STRING,        /* "..." with JSON escapes, raw text incl. quotes */
	LEX_AT,            /* @ */
	LEX_ATAT,          /* @@ */
	LEX_LPAREN,        /* ( */
	LEX_RPAREN,        /* ) */
	LEX_LBRACKET,      /* [ */
	LEX_RBRACKET,      /* ] */
	LEX_LBRACE,        /* { */
	LEX_RBRACE,        /* } */
	LEX_COMMA,         /* , */
	LEX_COLON,         /* : */
	LEX_EQUALS,        /* = */
	LEX_QUESTION,      /* ? */
	LEX_BANG,          /* ! (legacy required type) */
	LEX_DOT,           /* . */
	LEX_COMMENT,       /* // to the end of the line (line break excluded) */
	LEX_DOC_COMMENT,   /* /// to the end of the line */
	LEX_BLOCK_COMMENT, /* / * ... * / , may span lines */
	LEX_ERROR,         /* anything else: one character, an unterminated string or / * */
	LEX__COUNT
};

struct lex_token {
	enum lex_kind kind;
	uint32_t start, end;   /* byte range in the text */
	bool space_before;     /* white space between the previous position and start */
};

struct lexer {
	const char *text;
	uint32_t len;
	uint32_t pos;          /* where the next token is scanned from */
};

void lexer_init(struct lexer *lx, const char *text, uint32_t len);

/* Scan the token at lx->pos (after white space) and move past it. */
void lexer_next(struct lexer *lx, struct lex_token *t);
/* The token lexer_next() would return, without moving. */
void lexer_peek(const struct lexer *lx, struct lex_token *t);
/* The token at pos (after white space) of text[0..len), as lexer_peek() would scan it. */
void lexer_scan(const char *text, uint32_t len, uint32_t pos, struct lex_token *t);
/* The same, for text with text[len] == '\0' (a psl_source's text): fewer bounds checks. */
void lexer_scan_z(const char *text, uint32_t len, uint32_t pos, struct lex_token *t);

/* First position at or after pos that is not horizontal white space. */
uint32_t lexer_skip_space_slow(const char *text, uint32_t len, uint32_t pos);
static inline uint32_t lexer_skip_space(const char *text, uint32_t len, uint32_t pos)
{
	while (pos < len && (text[pos] == ' ' || text[pos] == '\t')) {
		pos++;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		/* a run of spaces (aligned columns): eight at a time */
		if (len - pos >= 8 && text[pos] == ' ' && text[pos + 1] == ' ') {
			do {
				uint64_t w;
				memcpy(&w, text + pos, sizeof(w));
				w ^= 0x2020202020202020ull;
				if (w) {
					pos += (uint32_t)__builtin_ctzll(w) >> 3;
					break;
				}
				pos += 8;
			} while (len - pos >= 8);
		}
#endif
	}
	if (pos >= len || (unsigned char)text[pos] < 0x80)
		return pos;
	return lexer_skip_space_slow(text, len, pos);
}

/* The same, for pos <= len and text[len] == '\0' (a psl_source's text): no bounds checks. */
static inline uint32_t lexer_skip_space_z(const char *text, uint32_t len, uint32_t pos)
{
	while (text[pos] == ' ' || text[pos] == '\t')
		pos++;
	if ((unsigned char)text[pos] < 0x80)
		return pos;
	return lexer_skip_space_slow(text, len, pos);
}

/*
 * Length of the line break at pos (2 for "\r\n", 1 for "\n" or "\r"), 0 when
 * there is none.
 */
uint32_t lexer_newline_len(const char *text, uint32_t len, uint32_t pos);
/* Position of the next line break at or after pos (len when none). */
uint32_t lexer_line_end(const char *text, uint32_t len, uint32_t pos);
/* Bytes of horizontal white space at pos (0 when none). */
uint32_t lexer_space_len(const char *text, uint32_t len, uint32_t pos);

/* Decode one UTF-8 sequence at pos: code point, and its length in *n (>= 1); invalid -> U+FFFD. */
uint32_t lexer_decode(const char *text, uint32_t len, uint32_t pos, uint32_t *n);
/* Unicode general category L (letters), ASCII included. */
bool lexer_is_letter(uint32_t cp);
/* Can an identifier start / go on with the character at pos? Length in *n. */
bool lexer_ident_start(const char *text, uint32_t len, uint32_t pos, uint32_t *n);
bool lexer_ident_char(const char *text, uint32_t len, uint32_t pos, uint32_t *n);
/*
 * End of the identifier at pos (pos when none): what lexer_next() would
 * return as a LEX_IDENT token starting there, without scanning a token.
 */
uint32_t lexer_ident_end(const char *text, uint32_t len, uint32_t pos);
/* The same, for pos <= len and text[len] == '\0' (a psl_source's text). */
uint32_t lexer_ident_end_z(const char *text, uint32_t len, uint32_t pos);

/* "identifier", "`(`", ... for messages and tests. */
const char *lex_kind_name(enum lex_kind kind);

#endif
