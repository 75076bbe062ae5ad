package dev.eventlanes.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/**
 * Holds one node that changes on every frame while playing (a label's text, a slider's range) and
 * keeps its layout requests from climbing to the window's root when they cannot move anything
 * outside it: when its minimum width and its minimum, preferred and maximum height are unchanged,
 * only the fence and what is inside it are laid out again. Otherwise (the sentence wraps onto a
 * second line) the request goes on up as usual.
 *
 * <p>A change of the content's preferred width alone is not passed on: a fence is for a node its
 * parent gives the width it has anyway (a bar across the window, a scrubber).
 */
final class LayoutFence extends StackPane {
    private final Node content;
    /** The content's size hints when the parents were last asked to lay out again (see {@link #hints}). */
    private double[] known;
    private LayoutFence(Node content) {
        super(content);
        this.content = content;
        setPickOnBounds(false);
    }

    /** Puts a fence around a node where it is (in a pane, or in a border pane's place). */
    static LayoutFence around(Node n) {
        Parent p = n.getParent();
        if (p instanceof BorderPane bp && bp.getBottom() == n) {
            bp.setBottom(null);
            LayoutFence f = new LayoutFence(n);
            bp.setBottom(f);
            return f;
        }
        if (p instanceof Pane pane) {
            int i = pane.getChildren().indexOf(n);
            pane.getChildren().remove(i);
            LayoutFence f = new LayoutFence(n);
            pane.getChildren().add(i, f);
            return f;
        }
        throw new IllegalArgumentException("no place for a fence around " + n);
    }

    @Override
    public void requestLayout() {
        // Also called while the superclass is being built, before the fields are set.
        if (content == null) {
            super.requestLayout();
            return;
        }
        // Into the same array each time: asked many times a frame while playing, a new one each
        // time was garbage the collector then stopped the frames to clear.
        double[] now = hints(scratch);
        if (known != null && getParent() != null && java.util.Arrays.equals(now, known)) {
            // Lays out this fence (and so the content) on the next pulse, without its parents.
            setNeedsLayout(true);
            return;
        }
        // The parents ask again, and cache, what they get from now on: as JavaFX's own caches,
        // this relies on every change of the content's size hints coming with a layout request.
        known = now.clone();
        super.requestLayout();
    }

    private final double[] scratch = new double[9];

    /** What a parent may ask of this fence, but its preferred width (see the class comment). */
    private double[] hints(double[] into) {
        double w = getWidth();
        into[0] = content.minWidth(-1);
        into[1] = content.maxWidth(-1);
        into[2] = content.minHeight(-1);
        into[3] = content.prefHeight(-1);
        into[4] = content.maxHeight(-1);
        into[5] = content.minHeight(w);
        into[6] = content.prefHeight(w);
        into[7] = content.maxHeight(w);
        into[8] = w;
        return into;
    }
}
