/* lexer.c - scan PSL tokens: identifiers, strings, punctuation, comments, line breaks */

/*
 * Owns: the character classes of PSL (white space, identifier characters,
 * line breaks) and the token boundaries. Does not own: what a token means
 * (parser.c), string unescaping (parser.c), diagnostics.
 */

#include "psl/lexer.h"
#include "psl/lexer_letters.h"

#include "base/xalloc.h"

#include <stddef.h>
#include <string.h>

void lexer_init(struct lexer *lx, const char *text, uint32_t len)
{
	lx->text = text;
	lx->len = len;
	lx->pos = 0;
}

uint32_t lexer_decode(const char *text, uint32_t len, uint32_t pos, uint32_t *n)
{
	const unsigned char *s = (const unsigned char *)text + pos;
	uint32_t avail = len - pos, need, cp, min, i;

	if (s[0] < 0x80) {
		*n = 1;
		return s[0];
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		need = 2;
		cp = s[0] & 0x1f;
		min = 0x80;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		need = 3;
		cp = s[0] & 0x0f;
		min = 0x800;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		need = 4;
		cp = s[0] & 0x07;
		min = 0x10000;
	} else {
		*n = 1;
		return 0xfffd;
	}
	if (avail < need) {
		*n = 1;
		return 0xfffd;
	}
	for (i = 1; i < need; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*n = 1;
			return 0xfffd;
		}
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
		*n = 1;
		return 0xfffd;
	}
	*n = need;
	return cp;
}

bool lexer_is_letter(uint32_t cp)
{
	size_t lo = 0, hi = ARRAY_SIZE(lexer_letter_ranges);

	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < lexer_letter_ranges[mid][0])
			hi = mid;
		else if (cp > lexer_letter_ranges[mid][1])
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* Unicode Zs (space separators) other than U+0020. */
static bool is_space_separator(uint32_t cp)
{
	return cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x202f ||
	       cp == 0x205f || cp == 0x3000;
}

uint32_t lexer_space_len(const char *text, uint32_t len, uint32_t pos)
{
	unsigned char c;
	uint32_t cp, n;

	if (pos >= len)
		return 0;
	c = (unsigned char)text[pos];
	if (c == ' ' || c == '\t')
		return 1;
	if (c < 0x80)
		return 0;
	cp = lexer_decode(text, len, pos, &n);
	return is_space_separator(cp) ? n : 0;
}

uint32_t lexer_skip_space_slow(const char *text, uint32_t len, uint32_t pos)
{
	for (;;) {
		uint32_t n;
		while (pos < len && (text[pos] == ' ' || text[pos] == '\t'))
			pos++;
		if (pos >= len || (unsigned char)text[pos] < 0x80)
			return pos;
		n = lexer_space_len(text, len, pos);
		if (!n)
			return pos;
		pos += n;
	}
}

uint32_t lexer_newline_len(const char *text, uint32_t len, uint32_t pos)
{
	if (pos >= len)
		return 0;
	if (text[pos] == '\n')
		return 1;
	if (text[pos] == '\r')
		return (pos + 1 < len && text[pos + 1] == '\n') ? 2 : 1;
	return 0;
}

uint32_t lexer_line_end(const char *text, uint32_t len, uint32_t pos)
{
	const char *nl;

	if (pos >= len)
		return len;
	nl = memchr(text + pos, '\n', len - pos);
	len = nl ? (uint32_t)(nl - text) : len;
	nl = memchr(text + pos, '\r', len - pos);
	return nl ? (uint32_t)(nl - text) : len;
}

/*
 * ASCII classes: 1 = starts an identifier (letter, digit), 2 = goes on with
 * one (also _ -). Bytes >= 0x80 are 0 here: UTF-8 is decoded separately.
 */
#define ID_START 1
#define ID_CHAR 2
static const unsigned char ascii_class[256] = {
	['0'] = 3, ['1'] = 3, ['2'] = 3, ['3'] = 3, ['4'] = 3, ['5'] = 3, ['6'] = 3, ['7'] = 3,
	['8'] = 3, ['9'] = 3,
	['A'] = 3, ['B'] = 3, ['C'] = 3, ['D'] = 3, ['E'] = 3, ['F'] = 3, ['G'] = 3, ['H'] = 3,
	['I'] = 3, ['J'] = 3, ['K'] = 3, ['L'] = 3, ['M'] = 3, ['N'] = 3, ['O'] = 3, ['P'] = 3,
	['Q'] = 3, ['R'] = 3, ['S'] = 3, ['T'] = 3, ['U'] = 3, ['V'] = 3, ['W'] = 3, ['X'] = 3,
	['Y'] = 3, ['Z'] = 3,
	['a'] = 3, ['b'] = 3, ['c'] = 3, ['d'] = 3, ['e'] = 3, ['f'] = 3, ['g'] = 3, ['h'] = 3,
	['i'] = 3, ['j'] = 3, ['k'] = 3, ['l'] = 3, ['m'] = 3, ['n'] = 3, ['o'] = 3, ['p'] = 3,
	['q'] = 3, ['r'] = 3, ['s'] = 3, ['t'] = 3, ['u'] = 3, ['v'] = 3, ['w'] = 3, ['x'] = 3,
	['y'] = 3, ['z'] = 3,
	['_'] = ID_CHAR, ['-'] = ID_CHAR,
};

bool lexer_ident_start(const char *text, uint32_t len, uint32_t pos, uint32_t *n)
{
	unsigned char c;

	if (pos >= len)
		return false;
	c = (unsigned char)text[pos];
	if (c < 0x80) {
		*n = 1;
		return ascii_class[c] & ID_START;
	}
	return lexer_is_letter(lexer_decode(text, len, pos, n));
}

bool lexer_ident_char(const char *text, uint32_t len, uint32_t pos, uint32_t *n)
{
	unsigned char c;

	if (pos >= len)
		return false;
	c = (unsigned char)text[pos];
	if (c < 0x80) {
		*n = 1;
		return ascii_class[c] & ID_CHAR;
	}
	return lexer_is_letter(lexer_decode(text, len, pos, n));
}

/* First position at or after pos that is not an ASCII identifier character. */
static inline uint32_t ascii_ident_end(const char *text, uint32_t len, uint32_t pos)
{
	while (pos < len && (ascii_class[(unsigned char)text[pos]] & ID_CHAR))
		pos++;
	return pos;
}

/* End of the identifier whose first character ends at pos. */
static uint32_t ident_rest(const char *text, uint32_t len, uint32_t pos)
{
	uint32_t n;

	for (;;) {
		pos = ascii_ident_end(text, len, pos);
		if (pos >= len || (unsigned char)text[pos] < 0x80 || !lexer_ident_char(text, len, pos, &n))
			return pos;
		pos += n;
	}
}

uint32_t lexer_ident_end_z(const char *text, uint32_t len, uint32_t pos)
{
	/* text[len] == '\0' ends the ASCII loop */
	if (ascii_class[(unsigned char)text[pos]] & ID_START) {
		do
			pos++;
		while (ascii_class[(unsigned char)text[pos]] & ID_CHAR);
		if (pos >= len || (unsigned char)text[pos] < 0x80)
			return pos;
		return ident_rest(text, len, pos);
	}
	return lexer_ident_end(text, len, pos);
}

uint32_t lexer_ident_end(const char *text, uint32_t len, uint32_t pos)
{
	uint32_t n;

	if (pos < len && (ascii_class[(unsigned char)text[pos]] & ID_START)) {
		pos = ascii_ident_end(text, len, pos + 1);
		if (pos >= len || (unsigned char)text[pos] < 0x80)
			return pos;
		return ident_rest(text, len, pos);
	}
	if (!lexer_ident_start(text, len, pos, &n))
		return pos;
	return ident_rest(text, len, pos + n);
}

static bool is_digit(const char *text, uint32_t len, uint32_t pos)
{
	return pos < len && text[pos] >= '0' && text[pos] <= '9';
}

/* "..." : JSON-like; a backslash escapes any one character; control characters end it badly. */
static enum lex_kind scan_string(const char *text, uint32_t len, uint32_t *pos)
{
	uint32_t p = *pos + 1, n;

	while (p < len) {
		unsigned char c = (unsigned char)text[p];
		if (c == '"') {
			*pos = p + 1;
			return LEX_STRING;
		}
		if (c == '\\') {
			if (p + 1 >= len)
				break;
			lexer_decode(text, len, p + 1, &n);
			p += 1 + n;
			continue;
		}
		if (c < 0x20)
			break;
		p++;
	}
	*pos = p;
	return LEX_ERROR;
}

/* Every token: white space, strings, comments, numbers, Unicode, errors. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void scan_full(const char *text, uint32_t len, uint32_t start, struct lex_token *t)
{
	uint32_t p = lexer_skip_space(text, len, start), n;
	unsigned char c;

	t->space_before = p != start;
	t->start = p;
	if (p >= len) {
		t->kind = LEX_EOF;
		t->end = p;
		return;
	}
	c = (unsigned char)text[p];
	if (ascii_class[c] & ID_START) {
		p = ascii_ident_end(text, len, p + 1);
		if (p < len && (unsigned char)text[p] >= 0x80)
			p = ident_rest(text, len, p);
		t->kind = LEX_IDENT;
		t->end = p;
		return;
	}
	switch (c) {
	case '\n':
	case '\r':
		t->kind = LEX_NEWLINE;
		t->end = p + lexer_newline_len(text, len, p);
		return;
	case '"':
		t->kind = scan_string(text, len, &p);
		t->end = p;
		return;
	case '@':
		if (p + 1 < len && text[p + 1] == '@') {
			t->kind = LEX_ATAT;
			t->end = p + 2;
		} else {
			t->kind = LEX_AT;
			t->end = p + 1;
		}
		return;
	case '/':
		if (p + 1 < len && text[p + 1] == '/') {
			t->kind = (p + 2 < len && text[p + 2] == '/') ? LEX_DOC_COMMENT : LEX_COMMENT;
			t->end = lexer_line_end(text, len, p);
			return;
		}
		if (p + 1 < len && text[p + 1] == '*') {
			uint32_t q = p + 2;
			while (q + 1 < len && !(text[q] == '*' && text[q + 1] == '/'))
				q++;
			if (q + 1 < len) {
				t->kind = LEX_BLOCK_COMMENT;
				t->end = q + 2;
			} else {
				t->kind = LEX_ERROR;
				t->end = p + 2;
			}
			return;
		}
		break;
	case '-':
		if (is_digit(text, len, p + 1)) {
			p += 1;
			while (is_digit(text, len, p))
				p++;
			if (p < len && text[p] == '.' && is_digit(text, len, p + 1)) {
				p++;
				while (is_digit(text, len, p))
					p++;
			}
			t->kind = LEX_NUMBER;
			t->end = p;
			return;
		}
		break;
	case '(': t->kind = LEX_LPAREN; t->end = p + 1; return;
	case ')': t->kind = LEX_RPAREN; t->end = p + 1; return;
	case '[': t->kind = LEX_LBRACKET; t->end = p + 1; return;
	case ']': t->kind = LEX_RBRACKET; t->end = p + 1; return;
	case '{': t->kind = LEX_LBRACE; t->end = p + 1; return;
	case '}': t->kind = LEX_RBRACE; t->end = p + 1; return;
	case ',': t->kind = LEX_COMMA; t->end = p + 1; return;
	case ':': t->kind = LEX_COLON; t->end = p + 1; return;
	case '=': t->kind = LEX_EQUALS; t->end = p + 1; return;
	case '?': t->kind = LEX_QUESTION; t->end = p + 1; return;
	case '!': t->kind = LEX_BANG; t->end = p + 1; return;
	case '.': t->kind = LEX_DOT; t->end = p + 1; return;
	default:
		break;
	}
	if (lexer_ident_start(text, len, p, &n)) {
		t->kind = LEX_IDENT;
		t->end = ident_rest(text, len, p + n);
		return;
	}
	lexer_decode(text, len, p, &n);
	t->kind = LEX_ERROR;
	t->end = p + n;
}

/*
 * The common tokens without calls: ASCII white space, ASCII identifiers,
 * punctuation and line breaks. Anything else (a byte >= 0x80 on the way,
 * strings, comments, numbers, `@@`, the end) goes to scan_full() from the
 * start, as a tail call, so this path saves no registers. With z set, the
 * caller guarantees text[len] == '\0', which stops every loop here (NUL is
 * neither white space nor part of an identifier): no bounds checks.
 */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void scan_fast(const char *text, uint32_t len, uint32_t start, struct lex_token *t,
			     const bool z)
{
	uint32_t p = start;
	unsigned char c;

	while ((z || p < len) && (text[p] == ' ' || text[p] == '\t')) {
		p++;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		/* a run of spaces (aligned columns): eight at a time */
		if (len - p >= 8 && text[p] == ' ') {
			for (;;) {
				uint64_t w;
				memcpy(&w, text + p, sizeof(w));
				w ^= 0x2020202020202020ull;
				if (w) {
					p += (uint32_t)__builtin_ctzll(w) >> 3;
					break;
				}
				p += 8;
				if (len - p < 8)
					break;
			}
		}
#endif
	}
	if (p >= len) {
		scan_full(text, len, start, t);
		return;
	}
	c = (unsigned char)text[p];
	if (ascii_class[c] & ID_START) {
		uint32_t q = p + 1;
		while ((z || q < len) && (ascii_class[(unsigned char)text[q]] & ID_CHAR))
			q++;
		if (q < len && (unsigned char)text[q] >= 0x80) {
			scan_full(text, len, start, t);
			return;
		}
		t->kind = LEX_IDENT;
		t->end = q;
	} else {
		enum lex_kind k;
		switch (c) {
		case '\n': k = LEX_NEWLINE; break;
		case '(': k = LEX_LPAREN; break;
		case ')': k = LEX_RPAREN; break;
		case '[': k = LEX_LBRACKET; break;
		case ']': k = LEX_RBRACKET; break;
		case '{': k = LEX_LBRACE; break;
		case '}': k = LEX_RBRACE; break;
		case ',': k = LEX_COMMA; break;
		case ':': k = LEX_COLON; break;
		case '=': k = LEX_EQUALS; break;
		case '?': k = LEX_QUESTION; break;
		case '!': k = LEX_BANG; break;
		case '.': k = LEX_DOT; break;
		case '@':
			if (p + 1 < len && text[p + 1] == '@') {
				scan_full(text, len, start, t);
				return;
			}
			k = LEX_AT;
			break;
		default:
			scan_full(text, len, start, t);
			return;
		}
		t->kind = k;
		t->end = p + 1;
	}
	t->start = p;
	t->space_before = p != start;
}

void lexer_scan(const char *text, uint32_t len, uint32_t start, struct lex_token *t)
{
	scan_fast(text, len, start, t, false);
}

void lexer_scan_z(const char *text, uint32_t len, uint32_t start, struct lex_token *t)
{
	scan_fast(text, len, start, t, true);
}

void lexer_next(struct lexer *lx, struct lex_token *t)
{
	lexer_scan(lx->text, lx->len, lx->pos, t);
	lx->pos = t->end;
}

void lexer_peek(const struct lexer *lx, struct lex_token *t)
{
	lexer_scan(lx->text, lx->len, lx->pos, t);
}

/* ORDER LEX */
static const char *const lex_kind_names[] = {
	"end of file", "line break", "identifier", "number", "string", "`@`", "`@@`",
	"`(`", "`)`", "`[`", "`]`", "`{`", "`}`", "`,`", "`:`", "`=`", "`?`", "`!`", "`.`",
	"comment", "doc comment", "block comment", "invalid character",
};

const char *lex_kind_name(enum lex_kind kind)
{
	_Static_assert(ARRAY_SIZE(lex_kind_names) == LEX__COUNT, "lex_kind_names follows ORDER LEX");
	return (unsigned)kind < LEX__COUNT ? lex_kind_names[kind] : "?";
}
