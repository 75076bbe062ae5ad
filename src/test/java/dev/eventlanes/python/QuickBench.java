package dev.eventlanes.python;

import dev.eventlanes.model.Loop;
import dev.eventlanes.model.TraceKind;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs a .py without recording a trace (development aid for speed). */
public final class QuickBench {
    public static void main(String[] args) throws Exception {
        String src = Files.readString(Path.of(args[0]));
        PythonProgram p = PythonProgram.compile("p.py", src).program();
        Loop loop = new Loop(p.semantics(), 1);
        loop.addListener((seq, time, kind, task, event, other, line, value, text) -> {
            if (kind == TraceKind.PRINT) {
                System.out.print(text);
            }
        });
        p.start(loop);
    }
}
