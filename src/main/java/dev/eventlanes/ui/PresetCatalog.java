package dev.eventlanes.ui;

import dev.eventlanes.model.Semantics;
import dev.eventlanes.ui.program.DemoProgram;
import java.util.ArrayList;
import java.util.List;

/** The presets the window offers; the first is what a fresh launch opens. */
public final class PresetCatalog {
    private PresetCatalog() {
    }

    public static List<Preset> all() {
        List<Preset> out = new ArrayList<>();
        out.add(new Preset("seed 1", () -> new Session("preset:seed 1", new DemoProgram(Semantics.ANYIO),
                DemoProgram.SOURCE, false, List.of())));
        return out;
    }

    public static Preset find(String name) {
        for (Preset p : all()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
