package dev.eventlanes.python.syntax;

import java.util.List;

/**
 * What {@link PythonParser#parse} found: the module (partial when there are errors) and every
 * diagnostic, first in the source first. The program may be run only when {@link #ok()}.
 */
public record ParseResult(Module module, List<Diagnostic> diagnostics) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when the program is valid Python inside the Event Lanes subset. */
    public boolean ok() {
        return diagnostics.isEmpty();
    }
}
