package dev.eventlanes.python;

import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs a .py file and prints what it printed (a development aid). */
public final class QuickRun {
    public static void main(String[] args) throws Exception {
        for (String a : args) {
            String src = Files.readString(Path.of(a));
            PythonProgram.CompileResult cr = PythonProgram.compile(Path.of(a).getFileName().toString(), src);
            if (!cr.ok()) {
                cr.errors().forEach(e -> System.out.println(e.formatted()));
                continue;
            }
            Simulation sim = new Simulation(cr.program(), cr.program().semantics(), 1);
            TraceLog t = sim.trace();
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < t.size(); i++) {
                if (t.kind(i) == TraceKind.PRINT) {
                    out.append(t.text(i));
                }
            }
            String expectedPath = a.replace(".py", ".expected");
            String got = out.toString();
            if (Files.exists(Path.of(expectedPath))) {
                String exp = Files.readString(Path.of(expectedPath));
                System.out.println((exp.equals(got) ? "PASS " : "FAIL ") + a);
                if (!exp.equals(got)) {
                    System.out.println("--- got:\n" + got + "--- expected:\n" + exp);
                }
            } else {
                System.out.print(got);
            }
            if (sim.startFailure() != null) {
                System.out.println(cr.program().traceback(sim.startFailure()));
            }
            if (sim.result() != null && sim.result().status() != dev.eventlanes.model.RunResult.Status.FINISHED) {
                System.out.println("RESULT: " + sim.result().message());
            }
        }
    }
}
