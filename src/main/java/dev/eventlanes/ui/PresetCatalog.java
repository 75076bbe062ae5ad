package dev.eventlanes.ui;

import dev.eventlanes.python.PythonPresets;
import dev.eventlanes.ui.program.PythonSource;

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
        // Real programs first: what a teacher brings is Python.
        for (PythonPresets.Preset p : PythonPresets.all()) {
            out.add(new Preset(PY + p.id(), p.title(), () -> python(p)));
        }
        for (Presets.Preset p : Presets.all()) {
            out.add(new Preset(p.id(), p.title(), () -> session(SESSION + p.id(), p.scenario())));
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
        if (id.startsWith(PY)) {
            PythonPresets.Preset p = PythonPresets.find(id.substring(PY.length()));
            return p == null ? null : python(p);
        }
        if (!Presets.ids().contains(id)) {
            return null;
        }
        return session(SESSION + id, Presets.load(id));
    }

    /** Seed 1, the program Event Lanes was born from: the worker waits, main sets after 2 s. */
    public static Session seed() {
        return open(SEED);
    }

    /** A shipped preset's session id is this and the preset's id ({@link Session#id()}). */
    public static final String SESSION = "preset:";
    /** Preset ids of Python programs start with this. */
    public static final String PY = "py:";
    /** The id of seed 1. */
    public static final String SEED = PY + "seed1_worker_waits";

    static Session python(PythonPresets.Preset p) {
        ProgramSource.Loaded l = PythonSource.of(p.program(), p.source());
        return new Session(SESSION + PY + p.id(), l.program(), l.code(), l.editable(), l.clicks());
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
