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
 * ({@link Presets}, seed 1 first, which a fresh launch opens).
 */
public final class PresetCatalog {
    public static final String BLANK = "blank";

    private PresetCatalog() {
    }

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

    /** The first preset, seed 1. */
    public static Preset seed() {
        return find(Presets.SEED);
    }

    public static Preset find(String id) {
        for (Preset p : all()) {
            if (p.name().equals(id)) {
                return p;
            }
        }
        return null;
    }
}
