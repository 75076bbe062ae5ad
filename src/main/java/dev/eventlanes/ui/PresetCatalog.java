package dev.eventlanes.ui;

import dev.eventlanes.model.Semantics;
import dev.eventlanes.scenario.Presets;
import dev.eventlanes.scenario.Scenario;
import dev.eventlanes.ui.program.ProgramSource;
import dev.eventlanes.ui.program.ScenarioSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The presets the window offers: a blank click-built scenario, then the shipped scenarios
 * ({@link Presets}, seed 1 first, which a fresh launch opens). Reading a preset parses its JSON,
 * so start-up reads only the one it opens; the menu reads the rest when first shown.
 */
public final class PresetCatalog {
    private PresetCatalog() {
    }

    /** Every shipped preset, with its title (parses every file). */
    public static List<Preset> all() {
        List<Preset> out = new ArrayList<>();
        for (Presets.Preset p : Presets.all()) {
            out.add(new Preset(p.id(), p.title(), () -> session("preset:" + p.id(), p.scenario())));
        }
        return out;
    }

    /** An empty click-built scenario: add tasks and events with + Task and + Event. */
    public static Session blank(Semantics semantics) {
        Scenario s = new Scenario(Scenario.VERSION, "click-built", semantics, 1, List.of(), List.of(), true, List.of());
        return session("blank", s);
    }

    static Session session(String id, Scenario s) {
        ProgramSource.Loaded l = ScenarioSource.of(s);
        return new Session(id, l.program(), l.code(), l.editable(), l.clicks());
    }

    /** Opens one preset by id (parses only that file), or null if there is none. */
    public static Session open(String id) {
        if (!Presets.ids().contains(id)) {
            return null;
        }
        return session("preset:" + id, Presets.load(id));
    }

    /** The first preset, seed 1. */
    public static Session seed() {
        return open(Presets.SEED);
    }

    /** The preset with this id, from {@link #all()}, or null. */
    public static Preset find(String id) {
        for (Preset p : all()) {
            if (p.name().equals(id)) {
                return p;
            }
        }
        return null;
    }
}
