package dev.eventlanes.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToolBar;

/**
 * Keeps a toolbar whole when it is too narrow for its words: its buttons show their icons alone
 * (their tooltips and accessible texts still say what they do) and its captions ("Library",
 * "Speed") step aside; only if even that does not fit does the toolbar fold its last items into
 * its overflow menu (drawn as "⋯", see the style sheet). A label is never cut to "Pres…".
 *
 * <p>The toolbar is measured with its words on each change of width, zoom or language, so it
 * takes them back as soon as they fit again.
 */
final class ToolbarFit {
    private final ToolBar bar;
    /** What to do after the toolbar changed its form (a button's fixed width is measured again). */
    private final Runnable after;
    private final List<Node> captions = new ArrayList<>();
    /** The buttons that give up their words first, before the rest. */
    private final List<Node> first = new ArrayList<>();
    private boolean compact;
    private boolean fitting;

    ToolbarFit(ToolBar bar, Runnable after) {
        this.bar = bar;
        this.after = after;
        bar.widthProperty().addListener((o, a, b) -> fit());
    }

    /** A caption that steps aside when the toolbar is compact. */
    ToolbarFit caption(Node n) {
        captions.add(n);
        return this;
    }

    /** Buttons that show their icons alone first, while the others keep their words. */
    ToolbarFit first(Node... n) {
        first.addAll(List.of(n));
        return this;
    }

    boolean compact() {
        return compact;
    }

    /** Words if they fit the toolbar's width, icons alone if not. */
    void fit() {
        if (fitting || bar.getScene() == null || bar.getWidth() <= 0) {
            return;
        }
        fitting = true;
        try {
            // In steps: all words; without the captions; the first buttons icons alone; all icons.
            int level = 0;
            for (; level < LEVELS - 1; level++) {
                set(level);
                after.run();
                bar.applyCss();
                // A pixel per item to spare: each is laid out at a whole pixel width, and one a
                // fraction of a pixel short of its words is cut to "…".
                if (bar.prefWidth(-1) + bar.getItems().size() <= bar.getWidth()) {
                    break;
                }
            }
            set(level);
            after.run();
        } finally {
            fitting = false;
        }
    }

    private static final int LEVELS = 4;

    private void set(int level) {
        compact = level == LEVELS - 1;
        for (Node n : bar.getItems()) {
            if (n instanceof Labeled l && l.getGraphic() != null) {
                boolean icon = level >= 3 || (level >= 2 && first.contains(n));
                l.setContentDisplay(icon ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
            }
        }
        for (Node n : captions) {
            n.setVisible(level < 1);
            n.setManaged(level < 1);
        }
    }
}
