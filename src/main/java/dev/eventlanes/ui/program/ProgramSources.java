package dev.eventlanes.ui.program;

import java.util.List;
import java.util.Locale;

/** The sources Open and Paste try, in order. */
public final class ProgramSources {
    private final List<ProgramSource> sources;

    public ProgramSources(List<ProgramSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * What this build can read. The Python interpreter plugs in by replacing
     * {@link PythonPlaceholder} here with a source along these lines:
     *
     * <pre>{@code
     * final class PythonSource implements ProgramSource {
     *     public boolean accepts(String f) { return extension(f).equals("py"); }
     *     public Loaded load(String f, String text) {
     *         var r = PythonProgram.compile(f, text);
     *         if (r.program() == null) {
     *             return Loaded.failed(r.errors().stream().map(e -> new Problem(e.line(), e.message())).toList());
     *         }
     *         return new Loaded(r.program(), List.of(), List.of(), CodeView.source(text.lines().toList()), false);
     *     }
     * }
     * }</pre>
     *
     * Open, Paste, the problems list (with line numbers), the code panel and its per-task markers
     * (from the trace's line numbers) then work for .py files unchanged.
     */
    public static ProgramSources defaults() {
        return new ProgramSources(List.of(new ScenarioSource(), new PythonPlaceholder()));
    }

    /** Loads a file, or explains which kinds of files can be opened. */
    public ProgramSource.Loaded load(String fileName, String text) {
        for (ProgramSource s : sources) {
            if (s.accepts(fileName)) {
                return s.load(fileName, text);
            }
        }
        return ProgramSource.Loaded.failed(List.of(new ProgramSource.Problem(0,
                "cannot open " + fileName + ": open a .py or .json file")));
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Stands in for the Python interpreter until it is part of the build. */
    static final class PythonPlaceholder implements ProgramSource {
        @Override
        public boolean accepts(String fileName) {
            return extension(fileName).equals("py");
        }

        @Override
        public Loaded load(String fileName, String text) {
            return Loaded.failed(List.of(new Problem(0, "Python programs are not supported by this build yet")));
        }
    }
}
