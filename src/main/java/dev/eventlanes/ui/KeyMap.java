package dev.eventlanes.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every key the window answers to, in one list: the same list dispatches a key press and fills
 * the help overlay ({@link KeyHelp}), so the overlay can never promise a key that does nothing or
 * leave one out.
 */
final class KeyMap {
    /** The groups the overlay shows the keys in, in this order. */
    enum Section {
        PLAY("keys.section.play"),
        TIME("keys.section.time"),
        VIEW("keys.section.view"),
        FILES("keys.section.files");

        final String key;

        Section(String key) {
            this.key = key;
        }
    }

    /**
     * One action and the keys that do it.
     *
     * @param id      a name for tests and the overlay's rows ({@code keys.<id>} is its words)
     * @param keys    the combinations, the first one shown first
     * @param shown   how the keys read in the overlay (null: from the combinations)
     * @param action  what the keys do
     */
    record Binding(String id, Section section, List<KeyCombination> keys, String shown, Runnable action) {
        boolean matches(KeyEvent e) {
            for (KeyCombination k : keys) {
                if (k.match(e)) {
                    return true;
                }
            }
            return false;
        }

        /** The keys as the overlay writes them: as given, or the first combination as the platform writes it. */
        String keysText() {
            return shown != null ? shown : keys.get(0).getDisplayText();
        }
    }

    private final List<Binding> bindings = new ArrayList<>();

    KeyMap add(String id, Section section, String shown, Runnable action, KeyCombination... keys) {
        bindings.add(new Binding(id, section, List.of(keys), shown, action));
        return this;
    }

    List<Binding> bindings() {
        return Collections.unmodifiableList(bindings);
    }

    /** Runs the action of the first binding that matches; false if none does. */
    boolean dispatch(KeyEvent e) {
        for (Binding b : bindings) {
            if (b.matches(e)) {
                b.action().run();
                return true;
            }
        }
        return false;
    }
}
