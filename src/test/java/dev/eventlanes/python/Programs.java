package dev.eventlanes.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.Loop;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: run a small Python program as the command line does, and read its trace. */
final class Programs {
    private Programs() {
    }

    /** Compiles and runs {@code source} on the semantics its imports say, to the end. */
    static Simulation run(String source) {
        PythonProgram.CompileResult c = PythonProgram.compile("test.py", source);
        assertThat(c.errors()).as("the test program compiles").isEmpty();
        return run(c.program(), c.program().semantics());
    }

    static Simulation run(PythonProgram p, Semantics semantics) {
        Simulation sim = new Simulation(p, semantics, 1);
        if (!sim.isStopped()) {
            sim.runToEnd();
        }
        assertThat(sim.startFailure()).as("the test program raised nothing").isNull();
        return sim;
    }

    /** What the program printed. */
    static String output(Simulation sim) {
        StringBuilder sb = new StringBuilder();
        TraceLog t = sim.trace();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == TraceKind.PRINT) {
                sb.append(t.text(i));
            }
        }
        return sb.toString();
    }

    /** The entries of one kind, each as "task <- other: text" with tasks by name (-1 for none). */
    static List<String> entries(Simulation sim, TraceKind kind) {
        TraceLog t = sim.trace();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == kind) {
                out.add(name(sim.loop(), t.task(i)) + " <- " + name(sim.loop(), t.other(i)) + ": " + t.text(i));
            }
        }
        return out;
    }

    private static String name(Loop loop, int task) {
        return task < 0 ? "-1" : loop.tasks().get(task).name();
    }
}
