package dev.eventlanes.ui.program;

import dev.eventlanes.scenario.Scenario;
import dev.eventlanes.scenario.ScenarioJson;
import java.util.ArrayList;
import java.util.List;

/** Scenario files (.json), read by {@link ScenarioJson} with every problem collected. */
public final class ScenarioSource implements ProgramSource {
    @Override
    public boolean accepts(String fileName) {
        return ProgramSources.extension(fileName).equals("json");
    }

    @Override
    public Loaded load(String fileName, String text) {
        ScenarioJson.ReadResult r = ScenarioJson.read(text);
        if (!r.ok()) {
            List<Problem> problems = new ArrayList<>();
            for (String e : r.errors()) {
                problems.add(new Problem(0, e));
            }
            return Loaded.failed(problems);
        }
        return of(r.scenario());
    }

    /** A scenario as the window opens it. */
    public static Loaded of(Scenario s) {
        return new Loaded(s, List.of(), s.clicks(), new ScenarioCode(s), s.interactive());
    }
}
