package dev.eventlanes.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios shipped with the app, as scenario files under
 * {@code /dev/eventlanes/scenario/presets/} (listed, in menu order, by {@code index.txt}, because
 * a jar cannot be listed). Each reproduces a conformance program; where one exists, its printed
 * output equals the real program's.
 */
public final class Presets {
    private static final String DIR = "/dev/eventlanes/scenario/presets/";

    /** The seed example the app opens on: the worker waits, main sets the event after 2 s. */
    public static final String SEED = "seed1_worker_waits";

    private Presets() {
    }

    /**
     * A shipped scenario.
     *
     * @param id       the file name without {@code .json}
     * @param scenario the scenario
     */
    public record Preset(String id, Scenario scenario) {
        public String title() {
            return scenario.title();
        }
    }

    /** The preset ids, in menu order. */
    public static List<String> ids() {
        String index = resource("index.txt");
        List<String> ids = new ArrayList<>();
        for (String line : index.split("\n")) {
            if (!line.isBlank()) {
                ids.add(line.strip());
            }
        }
        return ids;
    }

    /** Every preset, in menu order. */
    public static List<Preset> all() {
        List<Preset> out = new ArrayList<>();
        for (String id : ids()) {
            out.add(new Preset(id, load(id)));
        }
        return out;
    }

    /**
     * Loads one preset.
     *
     * @throws IllegalArgumentException if there is no such preset
     * @throws IllegalStateException    if the shipped file is broken (a build defect, caught by tests)
     */
    public static Scenario load(String id) {
        ScenarioJson.ReadResult r = ScenarioJson.read(resource(id + ".json"));
        if (!r.ok()) {
            throw new IllegalStateException("preset " + id + " is broken: " + String.join("; ", r.errors()));
        }
        return r.scenario();
    }

    private static String resource(String name) {
        try (InputStream in = Presets.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no preset resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read preset resource " + name, e);
        }
    }
}
