package dev.eventlanes.ui.lanes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

/**
 * Small pictures the lanes draw again and again (a state's label, a set() tag), each drawn once
 * into an image and then copied. A canvas replays its drawing on the render thread, and there a
 * {@code fillText} lays its text out afresh every time and a rounded tag is two Marlin paths: in
 * the slow frames while playing, text layouts were the largest part of the lanes' replay. A copy
 * of an image placed on whole pixels is exact, so a sprite looks as the drawing it holds.
 *
 * <p>A sprite is {@code w} by {@code h} drawing units with its anchor at {@code (ax, ay)}, all
 * whole numbers; {@link #draw} puts the anchor on the pixel nearest to the point asked for. The
 * images are made at the screen's scale, so they stay sharp on a doubled screen. The least
 * recently used go once there are {@link #CAPACITY}: the texts are a run's states and events.
 */
final class Sprites {
    static final int CAPACITY = 512;

    /** What a sprite shows: its key's parts must decide every pixel of it. */
    record Key(Object what, double scale) {
    }

    private record Sprite(Image image, double w, double h, double ax, double ay) {
    }

    private final Map<Key, Sprite> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Sprite> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Sprites made since the start, for tests. */
    int made;

    /** How to make a sprite: a canvas of w by h units on which {@code paint} draws with the anchor at (ax, ay). */
    record Picture(int w, int h, int ax, int ay, Consumer<GraphicsContext> paint) {
    }

    /**
     * Draws the sprite {@code what} with its anchor at (x, y), making it first from {@code picture}
     * if need be (asked only then: working out a picture's size measures text).
     */
    void draw(GraphicsContext g, Object what, double x, double y, Supplier<Picture> picture) {
        double rs = renderScale(g);
        Key key = new Key(what, rs);
        Sprite s = cache.get(key);
        if (s == null) {
            Picture p = picture.get();
            s = new Sprite(make(p, rs), p.w(), p.h(), p.ax(), p.ay());
            cache.put(key, s);
            made++;
        }
        g.drawImage(s.image(), Math.round(x) - s.ax(), Math.round(y) - s.ay(), s.w(), s.h());
    }

    void clear() {
        cache.clear();
    }

    private static Image make(Picture p, double rs) {
        Canvas c = new Canvas(p.w() * rs, p.h() * rs);
        GraphicsContext sg = c.getGraphicsContext2D();
        sg.scale(rs, rs);
        sg.translate(p.ax(), p.ay());
        p.paint().accept(sg);
        SnapshotParameters sp = new SnapshotParameters();
        sp.setFill(Color.TRANSPARENT);
        return c.snapshot(sp, null);
    }

    /** The screen's pixels per drawing unit where g draws (2 on a doubled screen), so images stay sharp. */
    static double renderScale(GraphicsContext g) {
        javafx.scene.Scene sc = g.getCanvas().getScene();
        return sc == null || sc.getWindow() == null ? 1 : Math.max(1, sc.getWindow().getRenderScaleX());
    }
}
