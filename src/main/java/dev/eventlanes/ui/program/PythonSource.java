package dev.eventlanes.ui.program;

import dev.eventlanes.python.PythonProgram;
import java.util.ArrayList;
import java.util.List;

/** Opens {@code .py} programs: compile errors become problems with their lines; the code panel shows the source. */
public final class PythonSource implements ProgramSource {
    @Override
    public boolean accepts(String fileName) {
        return ProgramSources.extension(fileName).equals("py");
    }

    @Override
    public Loaded load(String fileName, String text) {
        PythonProgram.CompileResult r = PythonProgram.compile(fileName, text);
        if (!r.ok()) {
            List<Problem> problems = new ArrayList<>();
            for (PythonProgram.Error e : r.errors()) {
                problems.add(new Problem(e.line(), e.column(), e.message()));
            }
            return Loaded.failed(problems);
        }
        return of(r.program(), text);
    }

    /** A compiled program, with its source for the code panel. */
    public static Loaded of(PythonProgram program, String text) {
        return new Loaded(program, List.of(), List.of(), CodeView.source(text.lines().toList()), false);
    }
}
