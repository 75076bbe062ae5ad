package dev.eventlanes.ui.program;

import dev.eventlanes.model.Program;
import dev.eventlanes.model.Simulation;
import java.util.List;

/**
 * Turns a file's text into a runnable {@link Program}: the one seam through which Open and Paste
 * reach scenario JSON and, when it exists, Python. Adding a language is one implementation
 * registered in {@link ProgramSources#defaults()}.
 */
public interface ProgramSource {
    /** True if this source reads files with this name (by extension). */
    boolean accepts(String fileName);

    /** Compiles; never throws for bad input: problems come back in {@link Loaded#problems()}. */
    Loaded load(String fileName, String text);

    /**
     * A problem in the input, with the 1-based line it refers to (0 if none) and the 0-based
     * column on that line where it is (-1 if not known), for the editor to mark it.
     */
    record Problem(int line, int column, String message) {
        public Problem(int line, String message) {
            this(line, -1, message);
        }
    }

    /**
     * The outcome.
     *
     * @param program  the program, or null if there were problems
     * @param problems every problem found (empty on success)
     * @param clicks   a saved session's click log to replay (empty if none)
     * @param code     what the code panel shows (source, or one op per line for scripts)
     * @param editable true for click-built scenarios, whose lanes get action menus
     */
    record Loaded(Program program, List<Problem> problems, List<Simulation.LoggedClick> clicks,
                  CodeView code, boolean editable) {
        public static Loaded failed(List<Problem> problems) {
            return new Loaded(null, List.copyOf(problems), List.of(), CodeView.source(List.of()), false);
        }

        public boolean ok() {
            return program != null && problems.isEmpty();
        }
    }
}
