package dev.eventlanes.ui.program;

import dev.eventlanes.model.Click;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.scenario.Op;
import dev.eventlanes.scenario.Scenario;
import dev.eventlanes.scenario.ScenarioClicks;
import dev.eventlanes.scenario.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's scripts as the code panel shows them: {@code async def name():} then one op per
 * line in the semantics' own spelling, including ops and tasks added by clicks so far.
 */
public final class ScenarioCode implements CodeView {
    private final Scenario scenario;

    public ScenarioCode(Scenario scenario) {
        this.scenario = scenario;
    }

    private Map<String, List<Op>> scripts(Simulation sim) {
        Map<String, List<Op>> out = new LinkedHashMap<>();
        for (TaskSpec t : scenario.tasks()) {
            out.put(t.name(), new ArrayList<>(t.ops()));
        }
        if (sim != null) {
            for (Simulation.LoggedClick lc : sim.clicks()) {
                Click c = lc.click();
                if (c instanceof ScenarioClicks.AddTask a) {
                    out.putIfAbsent(a.task(), new ArrayList<>());
                } else if (c instanceof ScenarioClicks.AppendOp a && out.containsKey(a.task())) {
                    out.get(a.task()).add(a.op());
                }
            }
        }
        return out;
    }

    @Override
    public List<String> lines(Simulation sim) {
        Semantics sem = sim == null ? scenario.semantics() : sim.semantics();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<Op>> e : scripts(sim).entrySet()) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.add("async def " + e.getKey() + "():");
            for (Op op : e.getValue()) {
                lines.add("    " + op.describe(sem));
            }
            if (scenario.interactive()) {
                lines.add("    \u2026");
            }
        }
        return lines;
    }

    @Override
    public int row(Simulation sim, String task, int line) {
        int row = 0;
        boolean first = true;
        for (Map.Entry<String, List<Op>> e : scripts(sim).entrySet()) {
            if (!first) {
                row++;
            }
            first = false;
            row++;
            int n = e.getValue().size() + (scenario.interactive() ? 1 : 0);
            if (e.getKey().equals(task)) {
                return line >= 1 ? row + Math.min(line, Math.max(1, n)) : 0;
            }
            row += n;
        }
        return 0;
    }
}
