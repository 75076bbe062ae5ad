package dev.eventlanes.python.syntax;

/**
 * One problem found in a program. {@link Kind#SYNTAX} diagnostics are what CPython would refuse
 * to compile; {@link Kind#UNSUPPORTED} ones are valid Python outside the Event Lanes subset.
 * A program with any diagnostic must not be run.
 *
 * @param kind          syntax error or unsupported construct
 * @param exceptionType the CPython exception class that would be raised: {@code SyntaxError},
 *                      {@code IndentationError} or {@code TabError} ({@code SyntaxError} for
 *                      unsupported constructs)
 * @param line          1-based line
 * @param col           0-based column (UTF-16 chars) where the caret goes
 * @param endCol        0-based exclusive end column on the same line, or -1 when unknown
 * @param message       the message without any location, e.g. {@code expected ':'}
 */
public record Diagnostic(Kind kind, String exceptionType, int line, int col, int endCol, String message) {

    public enum Kind { SYNTAX, UNSUPPORTED }

    /** Short one-line form, e.g. {@code line 3: expected ':'}. */
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
