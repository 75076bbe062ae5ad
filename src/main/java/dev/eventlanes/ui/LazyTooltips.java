package dev.eventlanes.ui;

import java.util.HashMap;
import java.util.Map;
import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first enters their control. A Tooltip is a popup window with a
 * scene of its own; the toolbars have a dozen and a half, and none shows before someone hovers,
 * so start-up builds none. Until then a control's text waits here, following language switches.
 */
final class LazyTooltips {
    private final Map<Control, String> pending = new HashMap<>();
    private final EventHandler<MouseEvent> onEnter = this::install;

    /** Sets {@code c}'s tooltip text: now if it has its tooltip, else when the pointer first enters it. */
    void set(Control c, String text) {
        Tooltip t = c.getTooltip();
        if (t != null) {
            t.setText(text);
        } else if (pending.put(c, text) == null) {
            c.addEventHandler(MouseEvent.MOUSE_ENTERED, onEnter);
        }
    }

    private void install(MouseEvent e) {
        Control c = (Control) e.getSource();
        c.removeEventHandler(MouseEvent.MOUSE_ENTERED, onEnter);
        String text = pending.remove(c);
        if (text != null && c.getTooltip() == null) {
            // Installed while the pointer enters: the tooltip's own hover timer starts as it moves on.
            c.setTooltip(new Tooltip(text));
        }
    }
}
