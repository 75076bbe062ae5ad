package dev.eventlanes.python.syntax;

import java.util.List;

/**
 * Entry point of the Python front end: source text in, syntax tree and diagnostics out.
 *
 * <p>Contract: {@link #parse} never throws for any input (null arguments excepted) and never
 * overflows the Java stack: nesting deeper than CPython allows is reported as a syntax error.
 * It reports every error it can find, not just the first; see {@link Diagnostic}. Not
 * thread-confined: each call is independent and the class has no state.
 */
public final class PythonParser {

    private PythonParser() {
    }

    /**
     * Parses a whole program.
     *
     * @param fileName only used in messages that CPython would print with it (kept for symmetry
     *                 with {@link DiagnosticFormatter#format}); may be any display name
     * @param source   the program text; {@code \r\n} and {@code \r} line breaks are accepted
     */
    public static ParseResult parse(String fileName, String source) {
        java.util.Objects.requireNonNull(fileName, "fileName");
        String text = source.indexOf('\r') < 0 ? source : source.replace("\r\n", "\n").replace('\r', '\n');
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            // CPython refuses such a file before tokenizing anything.
            int line = 1 + (int) text.substring(0, nul).chars().filter(c -> c == '\n').count();
            int col = nul - (text.lastIndexOf('\n', nul) + 1);
            Diagnostic d = new Diagnostic(Diagnostic.Kind.SYNTAX, "SyntaxError", line, col, -1,
                    "source code cannot contain null bytes");
            return new ParseResult(new Module(List.of(), 1, 0), List.of(d));
        }
        ErrorCollector errors = new ErrorCollector();
        List<Token> tokens = Scanner.scanModule(text, errors);
        Module module = new Parser(text, tokens, errors).module();
        return new ParseResult(module, errors.sorted());
    }
}
