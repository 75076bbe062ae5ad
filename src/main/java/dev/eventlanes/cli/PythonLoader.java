package dev.eventlanes.cli;

import dev.eventlanes.python.PythonProgram;
import java.util.ArrayList;
import java.util.List;

/** Loads {@code .py} programs through the Python front end and interpreter. */
final class PythonLoader implements ProgramLoader {
    @Override
    public boolean accepts(String fileName) {
        return fileName.endsWith(".py");
    }

    @Override
    public Result load(String fileName, String text) {
        PythonProgram.CompileResult r = PythonProgram.compile(fileName, text);
        if (r.ok()) {
            return Result.of(r.program());
        }
        List<String> errors = new ArrayList<>();
        for (PythonProgram.Error e : r.errors()) {
            errors.add(e.formatted());
        }
        return Result.failed(errors);
    }
}
