package dev.eventlanes.ui;

import dev.eventlanes.model.Program;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.ui.program.CodeView;
import java.util.List;

/**
 * What is open: a program plus how to show it.
 *
 * @param id       how to find it again next launch ("preset:seed 1", "file:/path/x.json")
 * @param program  the runnable program (re-startable, so the window can re-run it)
 * @param code     what the code panel shows
 * @param editable a click-built scenario: lanes get action menus, and closing asks to save
 * @param clicks   a saved click log to replay when opened
 */
public record Session(String id, Program program, CodeView code, boolean editable,
                      List<Simulation.LoggedClick> clicks) {
    public Session {
        clicks = List.copyOf(clicks);
    }
}
