package dev.eventlanes.python.syntax;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;

/**
 * Turns source text into Python 3.11 tokens, including the NEWLINE/INDENT/DEDENT tokens that
 * carry Python's block structure. Expects line breaks already normalised to {@code \n}.
 *
 * <p>Errors are reported to the shared {@link ErrorCollector} and scanning goes on, so one run
 * finds every lexical error; the token list always ends with balanced DEDENTs and EOF.
 *
 * <p>The same scanner reads the expression of an f-string replacement field (field mode): a
 * range of the original source, scanned as if inside brackets so that no NEWLINE or INDENT is
 * produced, with positions that are already those of the enclosing file.
 */
final class Scanner {
    /** CPython's tokenizer limits (MAXINDENT and MAXLEVEL). */
    static final int MAX_INDENT_LEVELS = 100;
    static final int MAX_BRACKET_DEPTH = 200;
    private static final int TAB_SIZE = 8;

    private static final Map<String, TokenType> KEYWORDS = Map.ofEntries(
            entry("False", TokenType.FALSE), entry("None", TokenType.NONE), entry("True", TokenType.TRUE),
            entry("and", TokenType.AND), entry("as", TokenType.AS), entry("assert", TokenType.ASSERT),
            entry("async", TokenType.ASYNC), entry("await", TokenType.AWAIT), entry("break", TokenType.BREAK),
            entry("class", TokenType.CLASS), entry("continue", TokenType.CONTINUE), entry("def", TokenType.DEF),
            entry("del", TokenType.DEL), entry("elif", TokenType.ELIF), entry("else", TokenType.ELSE),
            entry("except", TokenType.EXCEPT), entry("finally", TokenType.FINALLY), entry("for", TokenType.FOR),
            entry("from", TokenType.FROM), entry("global", TokenType.GLOBAL), entry("if", TokenType.IF),
            entry("import", TokenType.IMPORT), entry("in", TokenType.IN), entry("is", TokenType.IS),
            entry("lambda", TokenType.LAMBDA), entry("nonlocal", TokenType.NONLOCAL), entry("not", TokenType.NOT),
            entry("or", TokenType.OR), entry("pass", TokenType.PASS), entry("raise", TokenType.RAISE),
            entry("return", TokenType.RETURN), entry("try", TokenType.TRY), entry("while", TokenType.WHILE),
            entry("with", TokenType.WITH), entry("yield", TokenType.YIELD));

    /** Operators by length, longest first, so that {@code **=} is not read as {@code **} {@code =}. */
    private static final Map<String, TokenType> OPERATORS3 = Map.of(
            "**=", TokenType.DOUBLESTAREQUAL, "//=", TokenType.DOUBLESLASHEQUAL, ">>=", TokenType.RIGHTSHIFTEQUAL,
            "<<=", TokenType.LEFTSHIFTEQUAL, "...", TokenType.ELLIPSIS);
    private static final Map<String, TokenType> OPERATORS2 = Map.ofEntries(
            entry("!=", TokenType.NOTEQUAL), entry("%=", TokenType.PERCENTEQUAL), entry("&=", TokenType.AMPEREQUAL),
            entry("**", TokenType.DOUBLESTAR), entry("*=", TokenType.STAREQUAL), entry("+=", TokenType.PLUSEQUAL),
            entry("-=", TokenType.MINEQUAL), entry("->", TokenType.ARROW), entry("//", TokenType.DOUBLESLASH),
            entry("/=", TokenType.SLASHEQUAL), entry(":=", TokenType.COLONEQUAL), entry("<<", TokenType.LEFTSHIFT),
            entry("<=", TokenType.LESSEQUAL), entry("==", TokenType.EQEQUAL), entry(">=", TokenType.GREATEREQUAL),
            entry(">>", TokenType.RIGHTSHIFT), entry("@=", TokenType.ATEQUAL), entry("^=", TokenType.CIRCUMFLEXEQUAL),
            entry("|=", TokenType.VBAREQUAL));
    private static final Map<Character, TokenType> OPERATORS1 = Map.ofEntries(
            entry('%', TokenType.PERCENT), entry('&', TokenType.AMPER), entry('(', TokenType.LPAR),
            entry(')', TokenType.RPAR), entry('*', TokenType.STAR), entry('+', TokenType.PLUS),
            entry(',', TokenType.COMMA), entry('-', TokenType.MINUS), entry('.', TokenType.DOT),
            entry('/', TokenType.SLASH), entry(':', TokenType.COLON), entry(';', TokenType.SEMI),
            entry('<', TokenType.LESS), entry('=', TokenType.EQUAL), entry('>', TokenType.GREATER),
            entry('@', TokenType.AT), entry('[', TokenType.LSQB), entry(']', TokenType.RSQB),
            entry('^', TokenType.CIRCUMFLEX), entry('{', TokenType.LBRACE), entry('|', TokenType.VBAR),
            entry('}', TokenType.RBRACE), entry('~', TokenType.TILDE));

    private final String src;
    private final int end;
    private final ErrorCollector errors;
    private final boolean fieldMode;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<Token> brackets = new ArrayDeque<>();
    private final int[] indents = new int[MAX_INDENT_LEVELS + 1];
    private final int[] altIndents = new int[MAX_INDENT_LEVELS + 1];
    private int indentTop = 0;
    private int pos;
    private int line;
    private int lineStart;
    private boolean atLineStart;
    private boolean lineHasTokens = false;

    private Scanner(String src, int start, int end, int line, int col, ErrorCollector errors, boolean fieldMode) {
        this.src = src;
        this.pos = start;
        this.end = end;
        this.line = line;
        this.lineStart = start - col;
        this.errors = errors;
        this.fieldMode = fieldMode;
        this.atLineStart = !fieldMode;
    }

    /** Tokens of a whole module. */
    static List<Token> scanModule(String src, ErrorCollector errors) {
        return new Scanner(src, 0, src.length(), 1, 0, errors, false).scan();
    }

    /** Tokens of the f-string field expression {@code src[start, end)} (no NEWLINE, ends in EOF). */
    static List<Token> scanField(String src, int start, int end, int line, int col, ErrorCollector errors) {
        return new Scanner(src, start, end, line, col, errors, true).scan();
    }

    private List<Token> scan() {
        while (true) {
            if (atLineStart && !indentation()) {
                break;
            }
            skipWhitespace();
            if (pos >= end) {
                break;
            }
            char c = src.charAt(pos);
            if (c == '#') {
                while (pos < end && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\n') {
                newline();
            } else if (c == '\\') {
                continuation();
            } else {
                token();
            }
        }
        finish();
        return tokens;
    }

    // ----- layout -----

    /**
     * Measures the indentation of a new logical line and emits INDENT/DEDENT. Blank and
     * comment-only lines do not count. Returns false when scanning must stop (nesting too deep
     * to be worth continuing: CPython stops there too).
     */
    private boolean indentation() {
        atLineStart = false;
        int col = 0;
        int alt = 0;
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == ' ') {
                col++;
                alt++;
            } else if (c == '\t') {
                col = (col / TAB_SIZE + 1) * TAB_SIZE;
                alt++;
            } else if (c == '\f') {
                col = 0;
                alt = 0;
            } else {
                break;
            }
            pos++;
        }
        if (pos >= end || src.charAt(pos) == '#' || src.charAt(pos) == '\n' || src.charAt(pos) == '\\') {
            return true;
        }
        int here = pos - lineStart;
        if (col == indents[indentTop]) {
            if (alt != altIndents[indentTop]) {
                errors.tab(line, here, "inconsistent use of tabs and spaces in indentation");
            }
        } else if (col > indents[indentTop]) {
            if (alt <= altIndents[indentTop]) {
                errors.tab(line, here, "inconsistent use of tabs and spaces in indentation");
            }
            if (indentTop + 1 >= MAX_INDENT_LEVELS) {
                errors.indentation(line, here, "too many levels of indentation");
                return false;
            }
            push(col, alt);
        } else {
            while (indentTop > 0 && col < indents[indentTop]) {
                indentTop--;
                add(TokenType.DEDENT, "", null, line, here, line, here);
            }
            if (col != indents[indentTop]) {
                errors.indentation(line, here, "unindent does not match any outer indentation level");
                // Recover by treating the odd level as a new block; the parser skips it.
                push(col, alt);
            } else if (alt != altIndents[indentTop]) {
                errors.tab(line, here, "inconsistent use of tabs and spaces in indentation");
            }
        }
        return true;
    }

    private void push(int col, int alt) {
        indentTop++;
        indents[indentTop] = col;
        altIndents[indentTop] = alt;
        int here = pos - lineStart;
        add(TokenType.INDENT, "", null, line, here, line, here);
    }

    private void newline() {
        if (brackets.isEmpty() && !fieldMode && lineHasTokens) {
            int col = pos - lineStart;
            add(TokenType.NEWLINE, "\n", null, line, col, line, col + 1);
            lineHasTokens = false;
        }
        pos++;
        line++;
        lineStart = pos;
        atLineStart = brackets.isEmpty() && !fieldMode;
    }

    private void continuation() {
        pos++;
        if (pos >= end) {
            errors.syntax(line, pos - lineStart, -1, "unexpected EOF while parsing");
        } else if (src.charAt(pos) == '\n') {
            pos++;
            line++;
            lineStart = pos;
        } else {
            errors.syntax(line, pos - lineStart, -1, "unexpected character after line continuation character");
        }
    }

    private void skipWhitespace() {
        while (pos < end) {
            char c = src.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\f') {
                return;
            }
            pos++;
        }
    }

    private void finish() {
        if (!brackets.isEmpty()) {
            Token outermost = brackets.peekLast();
            Token innermost = brackets.peekFirst();
            if (!fieldMode) {
                errors.unclosedBracket(outermost.line(), outermost.col());
            }
            errors.syntax(innermost.line(), innermost.col(), -1, "'" + innermost.text() + "' was never closed");
        }
        int col = pos - lineStart;
        if (lineHasTokens && !fieldMode) {
            add(TokenType.NEWLINE, "", null, line, col, line, col);
        }
        while (indentTop > 0) {
            indentTop--;
            add(TokenType.DEDENT, "", null, line, col, line, col);
        }
        add(TokenType.EOF, "", null, line, col, line, col);
    }

    // ----- tokens -----

    private void token() {
        int start = pos;
        int cp = src.codePointAt(pos);
        if (cp == '_' || Character.isUnicodeIdentifierStart(cp)) {
            nameOrString(start);
        } else if (isDigit(cp) || (cp == '.' && pos + 1 < end && isDigit(src.charAt(pos + 1)))) {
            number(start);
        } else if (cp == '"' || cp == '\'') {
            string(start, "");
        } else {
            operator(start);
        }
    }

    private void nameOrString(int start) {
        while (pos < end) {
            int cp = src.codePointAt(pos);
            if (!(cp == '_' || Character.isUnicodeIdentifierPart(cp)) || Character.isIdentifierIgnorable(cp)) {
                break;
            }
            pos += Character.charCount(cp);
        }
        String word = src.substring(start, pos);
        if (pos < end && (src.charAt(pos) == '"' || src.charAt(pos) == '\'') && isStringPrefix(word)) {
            string(start, word.toLowerCase());
            return;
        }
        add(KEYWORDS.getOrDefault(word, TokenType.NAME), word, null, start);
    }

    private static boolean isStringPrefix(String word) {
        switch (word.toLowerCase()) {
            case "r": case "u": case "f": case "b": case "br": case "rb": case "fr": case "rf":
                return true;
            default:
                return false;
        }
    }

    private void operator(int start) {
        TokenType type = null;
        int length = 0;
        if (pos + 3 <= end && (type = OPERATORS3.get(src.substring(pos, pos + 3))) != null) {
            length = 3;
        } else if (pos + 2 <= end && (type = OPERATORS2.get(src.substring(pos, pos + 2))) != null) {
            length = 2;
        } else if ((type = OPERATORS1.get(src.charAt(pos))) != null) {
            length = 1;
        }
        if (type == null) {
            invalidCharacter(start);
            return;
        }
        pos += length;
        Token token = add(type, src.substring(start, pos), null, start);
        bracket(token);
    }

    private void invalidCharacter(int start) {
        int cp = src.codePointAt(start);
        int col = start - lineStart;
        if (cp < 128) {
            errors.syntax(line, col, col + 1, "invalid syntax");
        } else {
            errors.syntax(line, col, col + 1, String.format("invalid character '%s' (U+%04X)", Character.toString(cp), cp));
        }
        pos += Character.charCount(cp);
    }

    /** Tracks bracket nesting, which switches off NEWLINE/INDENT (implicit line joining). */
    private void bracket(Token token) {
        switch (token.type()) {
            case LPAR, LSQB, LBRACE -> {
                if (brackets.size() == MAX_BRACKET_DEPTH) {
                    errors.syntax(token.line(), token.col(), -1, "too many nested parentheses");
                }
                brackets.push(token);
            }
            case RPAR, RSQB, RBRACE -> {
                if (brackets.isEmpty()) {
                    if (!fieldMode) {
                        errors.syntax(token.line(), token.col(), -1, "unmatched '" + token.text() + "'");
                    }
                    return;
                }
                Token open = brackets.pop();
                if (!matches(open.text(), token.text())) {
                    String where = open.line() == token.line() ? "" : " on line " + open.line();
                    errors.syntax(token.line(), token.col(), -1, "closing parenthesis '" + token.text()
                            + "' does not match opening parenthesis '" + open.text() + "'" + where);
                }
            }
            default -> {
            }
        }
    }

    private static boolean matches(String open, String close) {
        return (open + close).equals("()") || (open + close).equals("[]") || (open + close).equals("{}");
    }

    // ----- numbers -----

    private void number(int start) {
        if (src.charAt(pos) == '0' && pos + 1 < end && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
            radixNumber(start);
            return;
        }
        String whole = decimalDigits();
        boolean isFloat = false;
        StringBuilder text = new StringBuilder(whole);
        if (pos < end && src.charAt(pos) == '.') {
            isFloat = true;
            pos++;
            text.append('.').append(decimalDigits());
        }
        if (pos < end && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int sign = pos + 1 < end && (src.charAt(pos + 1) == '+' || src.charAt(pos + 1) == '-') ? 1 : 0;
            if (pos + 1 + sign < end && isDigit(src.charAt(pos + 1 + sign))) {
                isFloat = true;
                text.append('e');
                if (sign == 1) {
                    text.append(src.charAt(pos + 1));
                }
                pos += 1 + sign;
                text.append(decimalDigits());
            }
        }
        boolean imaginary = pos < end && (src.charAt(pos) == 'j' || src.charAt(pos) == 'J');
        if (imaginary) {
            pos++;
        }
        checkNumberEnd("invalid decimal literal");
        int col = start - lineStart;
        Object value;
        if (imaginary) {
            errors.unsupported(line, col, "complex numbers are not supported");
            value = 0.0;
        } else if (isFloat) {
            value = Double.parseDouble(text.toString());
        } else {
            if (whole.length() > 1 && whole.charAt(0) == '0' && !whole.chars().allMatch(ch -> ch == '0')) {
                errors.syntax(line, col, pos - lineStart, "leading zeros in decimal integer literals are not "
                        + "permitted; use an 0o prefix for octal integers");
            }
            value = new BigInteger(whole.isEmpty() ? "0" : whole);
        }
        add(TokenType.NUMBER, src.substring(start, pos), value, start);
    }

    private void radixNumber(int start) {
        char kind = Character.toLowerCase(src.charAt(pos + 1));
        int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
        String name = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
        pos += 2;
        StringBuilder digits = new StringBuilder();
        boolean valid = true;
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == '_' && pos + 1 < end && Character.digit(src.charAt(pos + 1), radix) >= 0) {
                pos++;
            } else if (Character.digit(c, radix) >= 0) {
                digits.append(c);
                pos++;
            } else {
                break;
            }
        }
        if (digits.length() == 0) {
            valid = false;
        }
        if (pos < end && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            valid = false;
            while (pos < end && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
        }
        if (!valid) {
            errors.syntax(line, pos - lineStart, -1, "invalid " + name + " literal");
        }
        BigInteger value = valid ? new BigInteger(digits.toString(), radix) : BigInteger.ZERO;
        add(TokenType.NUMBER, src.substring(start, pos), value, start);
    }

    /** Digits with single underscores between them; anything else odd is reported. */
    private String decimalDigits() {
        StringBuilder digits = new StringBuilder();
        while (pos < end) {
            char c = src.charAt(pos);
            if (isDigit(c)) {
                digits.append(c);
                pos++;
            } else if (c == '_' && digits.length() > 0 && pos + 1 < end && isDigit(src.charAt(pos + 1))) {
                pos++;
            } else if (c == '_') {
                errors.syntax(line, pos + 1 - lineStart, -1, "invalid decimal literal");
                pos++;
            } else {
                break;
            }
        }
        return digits.toString();
    }

    /** A number must not run into a name ({@code 1abc}); {@code 1if x else 2} is still legal. */
    private void checkNumberEnd(String message) {
        if (pos >= end) {
            return;
        }
        int cp = src.codePointAt(pos);
        if (!(cp == '_' || Character.isUnicodeIdentifierPart(cp))) {
            return;
        }
        int wordEnd = pos;
        while (wordEnd < end && (src.charAt(wordEnd) == '_' || Character.isLetterOrDigit(src.charAt(wordEnd)))) {
            wordEnd++;
        }
        String word = src.substring(pos, wordEnd);
        for (String keyword : new String[] {"and", "else", "for", "if", "in", "is", "not", "or"}) {
            if (word.startsWith(keyword)) {
                return;
            }
        }
        errors.syntax(line, pos - lineStart, -1, message);
        pos = wordEnd;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    // ----- strings -----

    private void string(int start, String prefix) {
        boolean raw = prefix.contains("r");
        boolean isF = prefix.contains("f");
        boolean isBytes = prefix.contains("b");
        char quote = src.charAt(pos);
        boolean triple = pos + 2 < end && src.charAt(pos + 1) == quote && src.charAt(pos + 2) == quote;
        int startLine = line;
        int startCol = start - lineStart;
        pos += triple ? 3 : 1;
        int bodyStart = pos;
        int bodyLine = line;
        int bodyCol = pos - lineStart;
        int bodyEnd;
        while (true) {
            if (pos >= end) {
                unterminated(triple, startLine, startCol);
                bodyEnd = pos;
                break;
            }
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < end) {
                if (src.charAt(pos + 1) == '\n') {
                    line++;
                    lineStart = pos + 2;
                }
                pos += 2;
            } else if (c == '\n') {
                if (!triple) {
                    unterminated(false, startLine, startCol);
                    bodyEnd = pos;
                    break;
                }
                pos++;
                line++;
                lineStart = pos;
            } else if (c == quote && (!triple || (pos + 2 < end && src.charAt(pos + 1) == quote
                    && src.charAt(pos + 2) == quote))) {
                bodyEnd = pos;
                pos += triple ? 3 : 1;
                break;
            } else {
                pos++;
            }
        }
        String decoded = isF ? null
                : Escapes.decode(src.substring(bodyStart, bodyEnd), raw, errors, startLine, startCol);
        Token.StringPiece piece = new Token.StringPiece(isF, raw, isBytes, bodyStart, bodyEnd, bodyLine, bodyCol,
                decoded);
        lineHasTokens = true;
        tokens.add(new Token(TokenType.STRING, src.substring(start, pos), piece, startLine, startCol, line,
                pos - lineStart));
    }

    private void unterminated(boolean triple, int startLine, int startCol) {
        String what = triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
        errors.syntax(startLine, startCol, -1, what + " (detected at line " + line + ")");
    }

    // ----- helpers -----

    private Token add(TokenType type, String text, Object value, int start) {
        int col = start - lineStart;
        return add(type, text, value, line, col, line, pos - lineStart);
    }

    private Token add(TokenType type, String text, Object value, int line, int col, int endLine, int endCol) {
        Token token = new Token(type, text, value, line, col, endLine, endCol);
        tokens.add(token);
        if (type != TokenType.NEWLINE && type != TokenType.INDENT && type != TokenType.DEDENT) {
            lineHasTokens = true;
        }
        return token;
    }
}
