package dev.eventlanes.scenario;

import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.TraceEntry;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: run a scenario and read what it printed or recorded. */
final class Runs {
    private Runs() {
    }

    static Simulation run(Scenario s) {
        Simulation sim = s.simulate();
        sim.runToEnd();
        return sim;
    }

    /** The printed lines, each followed by a newline, as stdout would hold them. */
    static String output(Simulation sim) {
        StringBuilder sb = new StringBuilder();
        TraceLog log = sim.trace();
        for (int i = 0; i < log.size(); i++) {
            if (log.kind(i) == TraceKind.PRINT) {
                sb.append(log.text(i)).append('\n');
            }
        }
        return sb.toString();
    }

    static String output(Scenario s) {
        return output(run(s));
    }

    static List<TraceEntry> trace(Simulation sim) {
        return new ArrayList<>(sim.trace().entries());
    }
}
