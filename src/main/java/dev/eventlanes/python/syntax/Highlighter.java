package dev.eventlanes.python.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What each stretch of a program's text is, for colouring it: keywords, strings, comments,
 * numbers, builtins, decorators and the names a {@code def} or {@code class} introduces. The
 * spans come from the parser's own {@link Scanner}, so the colours agree with how the program
 * is read: a {@code #} inside a string is string, {@code match} is a name, an f-string's
 * replacement fields are code (their expressions coloured as such) inside a string.
 *
 * <p>Never throws for any text, however broken: an unterminated string runs to the end of its
 * line as the scanner reads it, and the rest is coloured as far as it can be. Plain JavaFX-free
 * data: the window maps kinds to style classes.
 */
public final class Highlighter {
    /** What a span is. */
    public enum Kind { KEYWORD, BUILTIN, STRING, COMMENT, NUMBER, DECORATOR, DEFINITION }

    /**
     * A stretch of text of one kind: {@code [start, end)} in UTF-16 chars of the text given.
     * Spans come in text order and never overlap; text between them is plain.
     */
    public record Span(int start, int end, Kind kind) {
    }

    /** Python 3.11's builtin functions, constants and exceptions: coloured where they are read as names. */
    static final Set<String> BUILTINS = Set.of(
            "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes",
            "callable", "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod",
            "enumerate", "eval", "exec", "filter", "float", "format", "frozenset", "getattr", "globals",
            "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len",
            "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow",
            "print", "property", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted",
            "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip", "__import__",
            "NotImplemented", "Ellipsis", "__name__",
            "BaseException", "BaseExceptionGroup", "Exception", "ExceptionGroup", "ArithmeticError",
            "AssertionError", "AttributeError", "EOFError", "GeneratorExit", "ImportError", "IndexError",
            "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError",
            "NotImplementedError", "OSError", "OverflowError", "RecursionError", "RuntimeError",
            "StopAsyncIteration", "StopIteration", "SyntaxError", "SystemExit", "TimeoutError", "TypeError",
            "ValueError", "ZeroDivisionError");

    /** How deep f-strings nest inside f-string fields before the inner ones stay plain string. */
    private static final int MAX_FSTRING_DEPTH = 4;

    private final String src;
    /** The kind of each char (ordinal + 1; 0 plain), painted outer first, inner over it. */
    private final byte[] kinds;
    private final int[] lineStarts;

    private Highlighter(String text) {
        // The scanner reads \n line breaks: \r\n becomes " \n" and a lone \r a \n, so that every
        // offset still points at the same char of the text given.
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\r') {
                if (b == null) {
                    b = new StringBuilder(text);
                }
                b.setCharAt(i, i + 1 < text.length() && text.charAt(i + 1) == '\n' ? ' ' : '\n');
            }
        }
        this.src = b == null ? text : b.toString();
        this.kinds = new byte[src.length()];
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The coloured spans of a whole program's text, in order. */
    public static List<Span> spans(String text) {
        Highlighter h = new Highlighter(text);
        if (text.indexOf('\0') < 0) {
            h.paintModule();
        }
        return h.collect();
    }

    private void paintModule() {
        List<Token> tokens;
        try {
            tokens = Scanner.scanModule(src, new ErrorCollector());
        } catch (RuntimeException e) {
            // The scanner reports errors instead of throwing; should it ever throw, the text
            // stays plain rather than the window failing.
            return;
        }
        paintTokens(tokens, 0, true);
        paintComments(tokens, 0, src.length());
    }

    private void paintTokens(List<Token> tokens, int depth, boolean module) {
        Token previous = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!hasText(t)) {
                if (t.type() == TokenType.NEWLINE || t.type() == TokenType.INDENT || t.type() == TokenType.DEDENT) {
                    previous = null;
                }
                continue;
            }
            int start = offset(t.line(), t.col());
            int end = offset(t.endLine(), t.endCol());
            switch (t.type()) {
                case STRING -> {
                    paint(start, end, Kind.STRING);
                    if (t.value() instanceof Token.StringPiece p && p.isF() && depth < MAX_FSTRING_DEPTH) {
                        fields(p.bodyStart(), p.bodyEnd(), p.isRaw(), depth);
                    }
                }
                case NUMBER -> paint(start, end, Kind.NUMBER);
                case NAME -> {
                    boolean attribute = previous != null && previous.type() == TokenType.DOT;
                    boolean defined = previous != null
                            && (previous.type() == TokenType.DEF || previous.type() == TokenType.CLASS);
                    if (defined) {
                        paint(start, end, Kind.DEFINITION);
                    } else if (!attribute && BUILTINS.contains(t.text())) {
                        paint(start, end, Kind.BUILTIN);
                    }
                }
                case AT -> {
                    // A decorator: '@' opening a logical line, and the dotted name after it.
                    if (module && previous == null) {
                        int last = end;
                        int j = i + 1;
                        while (j < tokens.size() && (tokens.get(j).type() == TokenType.NAME
                                || tokens.get(j).type() == TokenType.DOT)) {
                            last = offset(tokens.get(j).endLine(), tokens.get(j).endCol());
                            j++;
                        }
                        paint(start, last, Kind.DECORATOR);
                        i = j - 1;
                        previous = tokens.get(i);
                        continue;
                    }
                }
                default -> {
                    if (t.type().ordinal() >= TokenType.FALSE.ordinal()) {
                        paint(start, end, Kind.KEYWORD);
                    }
                }
            }
            previous = t;
        }
    }

    private static boolean hasText(Token t) {
        return switch (t.type()) {
            case NEWLINE, INDENT, DEDENT, EOF -> false;
            default -> true;
        };
    }

    /**
     * Comments: the scanner skips them, so they are what starts with {@code #} in the text
     * between tokens (a {@code #} in a string is inside its token).
     */
    private void paintComments(List<Token> tokens, int from, int to) {
        int at = from;
        for (Token t : tokens) {
            if (!hasText(t)) {
                continue;
            }
            int start = offset(t.line(), t.col());
            commentsIn(at, Math.min(start, to));
            at = Math.max(at, offset(t.endLine(), t.endCol()));
        }
        commentsIn(at, to);
    }

    private void commentsIn(int from, int to) {
        for (int i = from; i < to; i++) {
            if (src.charAt(i) == '#') {
                int end = src.indexOf('\n', i);
                end = end < 0 || end > to ? to : end;
                int last = end;
                while (last > i && Character.isWhitespace(src.charAt(last - 1))) {
                    last--;
                }
                paint(i, last, Kind.COMMENT);
                i = end;
            }
        }
    }

    // ----- f-strings -----

    /**
     * The replacement fields of an f-string's body {@code [from, to)}: each field's braces and
     * expression are code (plain, the expression's tokens coloured), its conversion and format
     * spec stay string. Lenient where {@link FStringParser} reports errors: the parser says
     * what is wrong, the colours only follow the text.
     */
    private void fields(int from, int to, boolean raw, int depth) {
        int i = from;
        while (i < to) {
            char c = src.charAt(i);
            char next = i + 1 < to ? src.charAt(i + 1) : '\0';
            if ((c == '{' && next == '{') || (c == '}' && next == '}')) {
                i += 2;
            } else if (c == '{') {
                i = field(i, to, depth);
            } else if (c == '\\' && !raw) {
                i += 2;
            } else {
                i++;
            }
        }
    }

    /** One field from its '{'; returns the index after its '}'. */
    private int field(int open, int to, int depth) {
        int exprEnd = FStringParser.expressionEnd(src, open + 1, to, false);
        paint(open, exprEnd, null);
        int line = lineOf(open + 1);
        List<Token> tokens;
        try {
            tokens = Scanner.scanField(src, open + 1, exprEnd, line, open + 1 - lineStarts[line - 1], new ErrorCollector());
        } catch (RuntimeException e) {
            tokens = List.of();
        }
        paintTokens(tokens, depth + 1, false);
        int j = exprEnd;
        if (j < to && src.charAt(j) == '=') {
            j++;
        }
        if (j < to && src.charAt(j) == '!') {
            j = Math.min(to, j + 2);
        }
        if (j < to && src.charAt(j) == ':') {
            j++;
            while (j < to && src.charAt(j) != '}') {
                j = src.charAt(j) == '{' ? field(j, to, depth) : j + 1;
            }
        }
        if (j < to && src.charAt(j) == '}') {
            paint(j, j + 1, null);
            return j + 1;
        }
        return j;
    }

    // ----- positions and painting -----

    private int offset(int line, int col) {
        if (line < 1) {
            return 0;
        }
        if (line > lineStarts.length) {
            return src.length();
        }
        return Math.min(src.length(), lineStarts[line - 1] + col);
    }

    /** The 1-based line of a char offset. */
    private int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    private void paint(int start, int end, Kind kind) {
        byte k = (byte) (kind == null ? 0 : kind.ordinal() + 1);
        for (int i = Math.max(0, start); i < end && i < kinds.length; i++) {
            kinds[i] = k;
        }
    }

    private List<Span> collect() {
        Kind[] all = Kind.values();
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < kinds.length) {
            byte k = kinds[i];
            int j = i + 1;
            while (j < kinds.length && kinds[j] == k) {
                j++;
            }
            if (k != 0) {
                out.add(new Span(i, j, all[k - 1]));
            }
            i = j;
        }
        return out;
    }
}
