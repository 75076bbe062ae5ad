package dev.eventlanes.ui.lanes;

import dev.eventlanes.model.TaskState;
import dev.eventlanes.ui.Palette;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.paint.Paint;

/**
 * Overlay patterns that make lane states readable without colour (projectors wash colours out,
 * and some students cannot tell them apart): diagonal hatch for waiting, dots for sleeping,
 * vertical stripes for ready. Running is solid, a finished task a thin line. Each is drawn in
 * its state's pattern ink of the palette ({@link Palette#pattern}), which stands 3:1 from the bar.
 */
final class Patterns {
    /** Every pattern repeats after this many pixels, across and down. */
    static final int SIZE = 12;
    private final Palette palette;
    private final WritableImage waiting;
    private final WritableImage sleeping;
    private final WritableImage ready;
    /** Paints by state and horizontal phase, made when first used. */
    private final Paint[][] byPhase = new Paint[TaskState.values().length][SIZE];

    Patterns(Palette palette) {
        this.palette = palette;
        waiting = make(TaskState.WAITING, (x, y) -> (x + y) % SIZE < 3);
        sleeping = make(TaskState.SLEEPING, (x, y) -> {
            int dx = x % 6 - 2;
            int dy = y % 6 - 2;
            return dx * dx + dy * dy <= 2;
        });
        ready = make(TaskState.READY, (x, y) -> x % 6 < 2);
    }

    private interface Mask {
        boolean on(int x, int y);
    }

    private WritableImage make(TaskState s, Mask m) {
        Color ink = palette.pattern(s);
        if (ink == null) {
            return null;
        }
        WritableImage img = new WritableImage(SIZE, SIZE);
        PixelWriter w = img.getPixelWriter();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                w.setColor(x, y, m.on(x, y) ? ink : Color.TRANSPARENT);
            }
        }
        return img;
    }

    private WritableImage image(TaskState s) {
        return switch (s) {
            case WAITING -> waiting;
            case SLEEPING -> sleeping;
            case READY -> ready;
            default -> null;
        };
    }

    /** The overlay for a state, or null for none, anchored at the drawing's origin. */
    Paint overlay(TaskState s) {
        return overlay(s, 0);
    }

    /**
     * The overlay for a state on a drawing whose x = 0 is {@code originX} pixels along a longer
     * picture: the pattern is anchored at that picture's origin, so pieces drawn apart (tiles,
     * a strip drawn over them) line up as one.
     */
    Paint overlay(TaskState s, double originX) {
        WritableImage img = image(s);
        if (img == null) {
            return null;
        }
        int phase = Math.floorMod((long) Math.floor(originX), SIZE);
        Paint p = byPhase[s.ordinal()][phase];
        if (p == null) {
            p = new ImagePattern(img, -phase, 0, SIZE, SIZE, false);
            byPhase[s.ordinal()][phase] = p;
        }
        return p;
    }
}
