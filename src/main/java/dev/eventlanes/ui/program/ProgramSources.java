package dev.eventlanes.ui.program;

import java.util.List;
import java.util.Locale;

/** The sources Open and Paste try, in order. */
public final class ProgramSources {
    private final List<ProgramSource> sources;

    public ProgramSources(List<ProgramSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** What this build can read: scenario files and Python programs. */
    public static ProgramSources defaults() {
        return new ProgramSources(List.of(new ScenarioSource(), new PythonSource()));
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
}
