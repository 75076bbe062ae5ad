package dev.eventlanes.python.syntax;

import java.util.List;

/**
 * Root of a parsed program: its top-level statements in source order. The list is immutable.
 * When the parse reported diagnostics the module may be partial (statements with syntax errors
 * are left out) and must not be executed.
 */
public record Module(List<Stmt> body, int line, int col) implements Node {
    public Module {
        body = List.copyOf(body);
    }
}
