package dev.eventlanes.ui;

import java.util.function.Supplier;

/** A ready-made example in the Presets menu: its id, its title and how to open it. */
public record Preset(String name, String title, Supplier<Session> open) {
}
