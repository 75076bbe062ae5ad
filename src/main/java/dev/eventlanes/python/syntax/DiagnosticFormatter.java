package dev.eventlanes.python.syntax;

/**
 * Renders a {@link Diagnostic} as a user should see it. Syntax errors look exactly like
 * CPython 3.11's report for a script (without the trailing newline):
 *
 * <pre>
 *   File "prog.py", line 3
 *     if x
 *         ^
 * SyntaxError: expected ':'
 * </pre>
 *
 * Unsupported constructs are one line: {@code line 12: class definitions are not supported}.
 */
public final class DiagnosticFormatter {

    private DiagnosticFormatter() {
    }

    public static String format(Diagnostic d, String fileName, String source) {
        if (d.kind() == Diagnostic.Kind.UNSUPPORTED) {
            return d.toString();
        }
        StringBuilder out = new StringBuilder();
        out.append("  File \"").append(fileName).append("\", line ").append(d.line()).append('\n');
        String text = sourceLine(source, d.line());
        if (text != null && !text.isBlank()) {
            // CPython strips the indentation of the quoted line and moves the caret with it.
            int strip = 0;
            while (strip < text.length() && Character.isWhitespace(text.charAt(strip))) {
                strip++;
            }
            String shown = text.substring(strip).stripTrailing();
            out.append("    ").append(shown).append('\n');
            int caret = Math.max(0, Math.min(d.col() - strip, shown.length()));
            int width = d.endCol() > d.col() ? Math.min(d.endCol() - d.col(), Math.max(1, shown.length() - caret)) : 1;
            out.append("    ").append(" ".repeat(caret)).append("^".repeat(width)).append('\n');
        }
        out.append(d.exceptionType()).append(": ").append(d.message());
        return out.toString();
    }

    /** The 1-based line of the source, without its line terminator, or null if out of range. */
    static String sourceLine(String source, int line) {
        int start = 0;
        for (int n = 1; n < line; n++) {
            int nl = nextLineBreak(source, start);
            if (nl < 0) {
                return null;
            }
            start = nl + (source.startsWith("\r\n", nl) ? 2 : 1);
        }
        if (start > source.length()) {
            return null;
        }
        int end = nextLineBreak(source, start);
        return source.substring(start, end < 0 ? source.length() : end);
    }

    private static int nextLineBreak(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }
}
