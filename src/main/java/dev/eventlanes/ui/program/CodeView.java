package dev.eventlanes.ui.program;

import dev.eventlanes.model.Simulation;
import java.util.List;

/**
 * What the code panel shows for a program, and where a task's traced line lands in it. Python
 * source maps lines one to one; a scenario shows every task's script (one op per line) under a
 * header, so a task's line {@code n} is row {@code header + n}.
 */
public interface CodeView {
    /** The panel's lines now (a click-built session's scripts grow as ops are appended). */
    List<String> lines(Simulation sim);

    /** The 1-based panel row for a task at a traced line, or 0 if it has none. */
    int row(Simulation sim, String task, int line);

    /** Source text shown as is (Python). */
    static CodeView source(List<String> lines) {
        List<String> copy = List.copyOf(lines);
        return new CodeView() {
            @Override
            public List<String> lines(Simulation sim) {
                return copy;
            }

            @Override
            public int row(Simulation sim, String task, int line) {
                return line >= 1 && line <= copy.size() ? line : 0;
            }
        };
    }
}
