package dev.eventlanes.python.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the diagnostics of one parse (scanner and parser share it). It keeps the report
 * readable after recovery: only the first syntax error of each line is kept, because a second
 * one on the same line is nearly always a consequence of the first; and once a bracket is known
 * to be never closed, parser errors after it are dropped, since everything up to the end of the
 * file was swallowed into that bracket.
 */
final class ErrorCollector {
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<Integer> linesWithSyntaxErrors = new HashSet<>();
    private int unclosedLine = Integer.MAX_VALUE;
    private int unclosedCol = Integer.MAX_VALUE;

    void syntax(int line, int col, int endCol, String message) {
        add("SyntaxError", line, col, endCol, message);
    }

    void indentation(int line, int col, String message) {
        add("IndentationError", line, col, -1, message);
    }

    void tab(int line, int col, String message) {
        add("TabError", line, col, -1, message);
    }

    void unsupported(int line, int col, String message) {
        diagnostics.add(new Diagnostic(Diagnostic.Kind.UNSUPPORTED, "SyntaxError", line, col, -1, message));
    }

    /** Records where an unclosed bracket was opened; later parser errors are its echoes. */
    void unclosedBracket(int line, int col) {
        unclosedLine = line;
        unclosedCol = col;
    }

    private void add(String type, int line, int col, int endCol, String message) {
        boolean afterUnclosed = line > unclosedLine || (line == unclosedLine && col > unclosedCol);
        if (afterUnclosed || !linesWithSyntaxErrors.add(line)) {
            return;
        }
        diagnostics.add(new Diagnostic(Diagnostic.Kind.SYNTAX, type, line, col, endCol, message));
    }

    /** All diagnostics, first in the source first (a stable sort keeps report order on ties). */
    List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(diagnostics);
        copy.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::col));
        return List.copyOf(copy);
    }
}
