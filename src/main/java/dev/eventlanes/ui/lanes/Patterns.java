package dev.eventlanes.ui.lanes;

import dev.eventlanes.model.TaskState;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.paint.Paint;

/**
 * Overlay patterns that make lane states readable without colour (projectors wash colours out,
 * and some students cannot tell them apart): diagonal hatch for waiting, dots for sleeping,
 * vertical stripes for ready, cross-hatch for cancelled. Running is solid, done is a thin bar.
 */
final class Patterns {
    private static final int SIZE = 12;
    private final Paint waiting = make((x, y) -> (x + y) % SIZE < 3);
    private final Paint sleeping = make((x, y) -> {
        int dx = x % 6 - 2;
        int dy = y % 6 - 2;
        return dx * dx + dy * dy <= 2;
    });
    private final Paint ready = make((x, y) -> x % 6 < 2);
    private final Paint cancelled = make((x, y) -> (x + y) % SIZE < 2 || (x - y + SIZE * 4) % SIZE < 2);
    private final Paint failed = make((x, y) -> (x + SIZE - y % SIZE) % SIZE < 4);

    private interface Mask {
        boolean on(int x, int y);
    }

    private static Paint make(Mask m) {
        WritableImage img = new WritableImage(SIZE, SIZE);
        PixelWriter w = img.getPixelWriter();
        Color ink = Color.rgb(0, 0, 0, 0.33);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                w.setColor(x, y, m.on(x, y) ? ink : Color.TRANSPARENT);
            }
        }
        return new ImagePattern(img, 0, 0, SIZE, SIZE, false);
    }

    /** The overlay for a state, or null for none. */
    Paint overlay(TaskState s) {
        return switch (s) {
            case WAITING -> waiting;
            case SLEEPING -> sleeping;
            case READY -> ready;
            case CANCELLED -> cancelled;
            case FAILED -> failed;
            default -> null;
        };
    }
}
