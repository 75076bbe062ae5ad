package dev.eventlanes.ui.lanes;

import dev.eventlanes.model.TaskState;
import dev.eventlanes.scene.Scene;
import dev.eventlanes.scene.TextMetrics;
import dev.eventlanes.scene.TraceIndex;
import dev.eventlanes.ui.Styles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints a {@link Scene}: the scene says what goes where, this says how it looks. A piece of the
 * picture (a tile, a repaired strip) is painted by clipping to it and painting every item that
 * reaches into it, so pieces painted apart join up into the same picture as one painting of all.
 * Patterns are anchored at the view's left edge, which every piece shares.
 *
 * <p>Texts and marks are copied from small images made once ({@link Sprites}): software rendering
 * lays text out anew on every drawing, which was the largest cost of a frame while playing.
 */
final class ScenePainter {
    private static final Color BACKGROUND = Styles.WINDOW_BACKGROUND;
    private static final Color STRIPE = Color.web("#f1f3f7");
    private static final Color HIGHLIGHT = Color.web("#fff4cc");
    private static final Color BAND = Color.rgb(70, 90, 150, 0.09);
    private static final Color BAND_RULER = Color.rgb(70, 90, 150, 0.22);
    private static final Color BAND_EDGE = Color.rgb(70, 90, 150, 0.55);
    private static final Color RUNNING_EDGE = Color.web("#14532d");
    private static final Color DARK_TEXT = Color.web("#1d1d1f");
    private static final Color MUTED_TEXT = Color.web("#4a5060");
    private static final Color ARROW = Color.web("#c0392b");
    private static final Color HALO = Color.rgb(255, 255, 255, 0.85);
    private static final Color RULER = Color.web("#e9ecf2");
    private static final Color RULER_LINE = Color.web("#9aa3b2");
    private static final Color POLL_TRUE = Color.web("#1e8e3e");
    private static final Color CLEAR = Color.web("#2b5797");
    private static final Color CANCEL = Color.web("#d9822b");
    private static final Color FAIL = Color.web("#c62828");
    private static final Color LATENCY = Color.web("#6b4fa0");
    private static final Color LATENCY_AT_ONCE = Color.web("#1e7a3c");
    private static final Color PLAYHEAD = Color.web("#d62d20");
    private static final Color IDLE = Color.web("#f4f6fa");
    private static final Color IDLE_EDGE = Color.web("#8a93a6");
    private static final TaskState[] STATES = TaskState.values();
    private static final Color[] LANE = new Color[STATES.length];

    static {
        for (TaskState s : STATES) {
            LANE[s.ordinal()] = Styles.laneColor(s);
        }
    }

    private final Patterns patterns = new Patterns();
    private final Sprites sprites = new Sprites();
    private LaneText text;
    /** Per scene: what each label belongs to, for its colour. */
    private Scene indexed;
    private final Map<Long, Scene.Segment> segmentAt = new HashMap<>();
    private final Map<Long, Scene.Mark> markAt = new HashMap<>();

    void setText(LaneText t) {
        if (t != text) {
            text = t;
            sprites.clear();
        }
    }

    int spritesMade() {
        return sprites.made;
    }

    private void index(Scene sc) {
        if (indexed == sc) {
            return;
        }
        indexed = sc;
        segmentAt.clear();
        markAt.clear();
        for (Scene.Segment s : sc.segments()) {
            segmentAt.put(key(s.task(), s.fromIndex()), s);
        }
        for (int im = 0; im < sc.marks().size(); im++) {
            Scene.Mark m = sc.marks().get(im);
            markAt.put(key(m.task(), m.index()), m);
        }
    }

    private static long key(int task, int index) {
        return ((long) task << 32) ^ (index & 0xFFFFFFFFL);
    }

    /**
     * Paints the part [l, r) x [t, b) of the scene (picture coordinates) on g, whose own (0, 0)
     * is at picture x {@code ox}: the background first, so the part is painted whole.
     */
    void paint(GraphicsContext g, Scene sc, double ox, double l, double t, double r, double b, int selected) {
        index(sc);
        double s = text.scale();
        double ruler = sc.axis().rulerHeight();
        g.save();
        Canvas canvas = g.getCanvas();
        boolean whole = l <= ox && t <= 0 && r >= ox + canvas.getWidth() && b >= canvas.getHeight();
        if (!whole) {
            // A piece: clipped to it. A whole canvas needs no clip (its edges are one), and
            // software rendering masks every fill through a clip.
            g.beginPath();
            g.rect(l - ox, t, r - l, b - t);
            g.clip();
        }
        g.translate(-ox, 0);
        // Every stroke with flat ends: a piece painted apart must not depend on what a painting
        // of more items left in the graphics state.
        g.setLineCap(StrokeLineCap.BUTT);
        g.setFill(BACKGROUND);
        g.fillRect(l, t, r - l, b - t);
        for (Scene.LaneRow row : sc.lanes()) {
            if (row.y1() <= t || row.y0() >= b) {
                continue;
            }
            if (row.task() == selected) {
                g.setFill(HIGHLIGHT);
                g.fillRect(l, row.y0(), r - l, row.y1() - row.y0());
            } else if (row.row() % 2 == 1) {
                g.setFill(STRIPE);
                g.fillRect(l, row.y0(), r - l, row.y1() - row.y0());
            }
        }
        for (int iband = 0; iband < sc.bands().size(); iband++) {
            Scene.Band band = sc.bands().get(iband);
            if (band.x1() > l && band.x0() < r) {
                g.setFill(BAND);
                g.fillRect(band.x0(), ruler, band.x1() - band.x0(), sc.axis().height() - ruler);
            }
        }
        for (int iseg = 0; iseg < sc.segments().size(); iseg++) {
            Scene.Segment seg = sc.segments().get(iseg);
            if (seg.x1() + 3 > l && seg.x0() - 3 < r) {
                segment(g, sc, seg);
            }
        }
        for (int ilat = 0; ilat < sc.latencies().size(); ilat++) {
            Scene.Latency lat = sc.latencies().get(ilat);
            if (lat.x1() + 4 > l && lat.x0() - 4 < r) {
                latency(g, lat, s);
            }
        }
        // Arrows in three layers, so no arrow's halo hides another's line or head.
        for (int layer = 0; layer < 3; layer++) {
            for (Scene.Arrow a : sc.arrows()) {
                if (a.x1() + a.bend() * 1.2 + 12 * s > l && a.x1() - 12 * s < r) {
                    arrow(g, a, s, layer);
                }
            }
        }
        for (Scene.Mark m : sc.marks()) {
            if (m.x() + m.r() + 3 > l && m.x() - m.r() - 3 < r) {
                mark(g, m);
            }
        }
        if (t < ruler) {
            ruler(g, sc, l, r, s);
        }
        for (int ilb = 0; ilb < sc.labels().size(); ilb++) {
            Scene.Label lb = sc.labels().get(ilb);
            if (lb.x() + lb.w() + 2 > l && lb.x() - 2 < r && lb.y() < b && lb.y() + lb.h() > t) {
                label(g, lb);
            }
        }
        g.restore();
    }

    private static Scene.LaneRow rowOf(Scene sc, int task) {
        List<Scene.LaneRow> rows = sc.lanes();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).task() == task) {
                return rows.get(i);
            }
        }
        return null;
    }

    private void segment(GraphicsContext g, Scene sc, Scene.Segment seg) {
        Scene.LaneRow row = rowOf(sc, seg.task());
        if (row == null) {
            return;
        }
        TaskState st = seg.state();
        double x = seg.x0();
        double w = seg.x1() - seg.x0();
        double y = row.barTop();
        double h = row.barBottom() - row.barTop();
        if (st.isFinished()) {
            // The task's life is over: a thin line at the foot of its bar.
            double th = Math.max(3, h * 0.16);
            y = row.barBottom() - th;
            h = th;
        }
        if (st == TaskState.WAITING && "idle".equals(seg.why())) {
            // Idle, waiting for the user's next click: an empty bar, not a wait on anything.
            g.setFill(IDLE);
            g.fillRect(x, y, w, h);
            g.setStroke(IDLE_EDGE);
            g.setLineWidth(1.5);
            g.setLineDashes(6, 4);
            g.strokeRect(x + 0.75, y + 0.75, Math.max(0, w - 1.5), h - 1.5);
            g.setLineDashes(null);
            return;
        }
        g.setFill(LANE[st.ordinal()]);
        g.fillRect(x, y, w, h);
        if (seg.merged() || w < 4) {
            // Pixel columns of a busy run, or a sliver: a pattern or an outline would not show in
            // it, and software rendering pays dearly for a pattern fill.
            return;
        }
        Paint p = patterns.overlay(st, sc.axis().viewStart());
        if (p != null && !st.isFinished()) {
            g.setFill(p);
            g.fillRect(x, y, w, h);
        }
        if (st == TaskState.RUNNING) {
            g.setStroke(RUNNING_EDGE);
            g.setLineWidth(2);
            g.strokeRect(x + 1, y + 1, Math.max(0, w - 2), h - 2);
        }
    }

    private void latency(GraphicsContext g, Scene.Latency lat, double s) {
        boolean atOnce = lat.tNotice() - lat.tSet() < 5e-4;
        g.setStroke(atOnce ? LATENCY_AT_ONCE : LATENCY);
        g.setLineWidth(2 * s);
        g.setLineCap(StrokeLineCap.BUTT);
        double y = lat.y();
        double tick = 5 * s;
        g.strokeLine(lat.x0(), y, lat.x1(), y);
        g.strokeLine(lat.x0(), y - tick, lat.x0(), y + tick);
        g.strokeLine(lat.x1(), y - tick, lat.x1(), y + tick);
    }

    /**
     * A wake-up: from the set() to the woken bar, on a white halo so it reads over any lane. A
     * bowed arrow (a fan-out) leaves the mark to the right and comes into the bar straight, so its
     * head points where the wake-up happened. Layer 0 is the halo, 1 the line, 2 the head.
     */
    private void arrow(GraphicsContext g, Scene.Arrow a, double s, int layer) {
        double x = a.x1();
        double y1 = a.y1();
        double y2 = a.y2();
        double dir = Math.signum(y2 - y1);
        double head = 11 * s;
        double end = y2 - dir * head * (layer == 0 ? 1 : 0.8);
        if (layer == 2) {
            g.setFill(ARROW);
            g.fillPolygon(new double[] {x, x - 6.5 * s, x + 6.5 * s}, new double[] {y2, y2 - dir * head, y2 - dir * head}, 3);
            return;
        }
        g.setLineCap(StrokeLineCap.BUTT);
        g.setStroke(layer == 0 ? HALO : ARROW);
        g.setLineWidth(layer == 0 ? 6 * s : 2.5 * s);
        if (a.bend() <= 0) {
            g.strokeLine(x, y1, x, end);
            return;
        }
        double dy = end - y1;
        g.beginPath();
        g.moveTo(x, y1);
        g.bezierCurveTo(x + a.bend() * 1.6, y1 + dy * 0.3, x, end - dy * 0.35, x, end);
        g.stroke();
    }

    private record MarkKey(TraceIndex.MarkKind kind, boolean value, double r) {
    }

    private void mark(GraphicsContext g, Scene.Mark m) {
        boolean v = "True".equals(m.result());
        double r = m.r();
        int half = (int) Math.ceil(r + 3);
        sprites.draw(g, new MarkKey(m.kind(), v, r), m.x(), m.y(), () -> new Sprites.Picture(2 * half, 2 * half, half,
                half, sg -> drawMark(sg, m.kind(), v, r)));
    }

    private void drawMark(GraphicsContext g, TraceIndex.MarkKind kind, boolean value, double r) {
        drawGlyph(g, kind, value, r, text.font(TextMetrics.Role.MARK));
    }

    /** A mark's glyph centred on (0, 0), radius r: as on the lanes, and in the key under them. */
    static void drawGlyph(GraphicsContext g, TraceIndex.MarkKind kind, boolean value, double r, Font f) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(2);
        switch (kind) {
            case SET, SET_AGAIN -> {
                double[] xs = {0, r, 0, -r};
                double[] ys = {-r, 0, r, 0};
                g.setFill(kind == TraceIndex.MarkKind.SET ? ARROW : Color.WHITE);
                g.fillPolygon(xs, ys, 4);
                g.setStroke(kind == TraceIndex.MarkKind.SET ? Color.WHITE : ARROW);
                g.strokePolygon(xs, ys, 4);
            }
            case CLEAR -> {
                double[] xs = {0, r, 0, -r};
                double[] ys = {-r, 0, r, 0};
                g.setFill(Color.WHITE);
                g.fillPolygon(xs, ys, 4);
                g.setStroke(CLEAR);
                g.strokePolygon(xs, ys, 4);
                g.strokeLine(-r * 0.45, 0, r * 0.45, 0);
            }
            case POLL -> {
                g.setFill(value ? POLL_TRUE : Color.WHITE);
                g.fillOval(-r, -r, 2 * r, 2 * r);
                g.setStroke(DARK_TEXT);
                g.strokeOval(-r, -r, 2 * r, 2 * r);
                g.setFill(value ? Color.WHITE : DARK_TEXT);
                g.setFont(f);
                g.fillText(value ? "T" : "F", 0, 0);
            }
            case WAIT_SET -> {
                g.setFill(Color.WHITE);
                g.fillOval(-r, -r, 2 * r, 2 * r);
                g.setStroke(POLL_TRUE);
                g.strokeOval(-r, -r, 2 * r, 2 * r);
                g.strokeLine(-r * 0.45, 0, -r * 0.1, r * 0.4);
                g.strokeLine(-r * 0.1, r * 0.4, r * 0.5, -r * 0.4);
            }
            case CANCEL -> {
                g.setFill(CANCEL);
                g.fillOval(-r, -r, 2 * r, 2 * r);
                g.setStroke(Color.WHITE);
                g.strokeLine(-r * 0.4, -r * 0.4, r * 0.4, r * 0.4);
                g.strokeLine(-r * 0.4, r * 0.4, r * 0.4, -r * 0.4);
            }
            case FAIL, ERROR -> {
                g.setFill(FAIL);
                g.fillRect(-r, -r, 2 * r, 2 * r);
                g.setFill(Color.WHITE);
                g.setFont(f);
                g.fillText("!", 0, 0);
            }
            case FOREVER -> {
                g.setFill(Color.WHITE);
                g.fillOval(-r, -r, 2 * r, 2 * r);
                g.setStroke(DARK_TEXT);
                g.strokeOval(-r, -r, 2 * r, 2 * r);
                g.setFill(DARK_TEXT);
                g.setFont(f);
                g.fillText("\u221e", 0, 0);
            }
        }
    }

    private void ruler(GraphicsContext g, Scene sc, double l, double r, double s) {
        double top = sc.axis().rulerHeight();
        g.setFill(RULER);
        g.fillRect(l, 0, r - l, top);
        double bandTop = top * 0.52;
        for (Scene.Band band : sc.bands()) {
            // The break marks reach a few pixels either side of the band.
            if (band.x1() + 5 * s > l && band.x0() - 5 * s < r) {
                // The band on the ruler: a strip with break marks at its edges, room and not time.
                g.setFill(BAND_RULER);
                g.fillRect(band.x0(), bandTop, band.x1() - band.x0(), top - bandTop);
                g.setStroke(BAND_EDGE);
                g.setLineWidth(1.2);
                for (double bx : new double[] {band.x0(), band.x1()}) {
                    double zig = 3 * s;
                    double h = (top - bandTop) / 4;
                    g.strokePolyline(new double[] {bx, bx - zig, bx + zig, bx - zig, bx},
                            new double[] {bandTop, bandTop + h, bandTop + 2 * h, bandTop + 3 * h, top}, 5);
                }
            }
        }
        g.setFill(RULER_LINE);
        g.fillRect(l, top - 1, r - l, 1);
        for (Scene.Tick tk : sc.ticks()) {
            if (tk.x() + 1 > l && tk.x() - 1 < r) {
                g.fillRect(Math.round(tk.x()) - 0.5, 2 * s, 1.2, top * 0.5 - 2 * s);
                g.fillRect(Math.round(tk.x()) - 0.5, top - 7 * s, 1.2, 7 * s);
            }
        }
    }

    private record TextKey(String text, TextMetrics.Role role, Color fill) {
    }

    private void label(GraphicsContext g, Scene.Label lb) {
        Color fill = labelColour(lb);
        Font f = text.font(lb.role());
        double w = lb.w();
        double h = lb.h();
        if (lb.role() == TextMetrics.Role.LATENCY) {
            // Over its bracket's line: a patch of the window's colour keeps the text readable.
            g.setFill(HALO);
            g.fillRect(lb.x() - 2, lb.y() + h * 0.15, w + 4, h * 0.7);
        }
        if (lb.role() == TextMetrics.Role.TICK || lb.role() == TextMetrics.Role.BAND || lb.role() == TextMetrics.Role.LATENCY) {
            // Times differ from label to label: an image of each would be made once and used once.
            g.setFont(f);
            g.setFill(fill);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(lb.text(), Math.round(lb.x()), Math.round(lb.y() + h / 2));
            return;
        }
        int ih = (int) Math.ceil(h);
        int iw = (int) Math.ceil(w) + 4;
        sprites.draw(g, new TextKey(lb.text(), lb.role(), fill), lb.x(), lb.y(), () -> new Sprites.Picture(iw, ih, 0, 0,
                sg -> {
                    sg.setFont(f);
                    sg.setFill(fill);
                    sg.setTextAlign(TextAlignment.LEFT);
                    sg.setTextBaseline(VPos.CENTER);
                    sg.fillText(lb.text(), 0, h / 2);
                }));
    }

    private Color labelColour(Scene.Label lb) {
        switch (lb.role()) {
            case SEGMENT, SEGMENT_BOLD -> {
                Scene.Segment seg = segmentAt.get(key(lb.task(), lb.index()));
                TaskState st = seg == null ? TaskState.WAITING : seg.state();
                return switch (st) {
                    case RUNNING, WAITING, SLEEPING -> Color.WHITE;
                    case READY -> DARK_TEXT;
                    case FAILED -> FAIL;
                    default -> MUTED_TEXT;
                };
            }
            case MARK -> {
                Scene.Mark m = markAt.get(key(lb.task(), lb.index()));
                if (m == null) {
                    return DARK_TEXT;
                }
                return switch (m.kind()) {
                    case SET, SET_AGAIN -> ARROW;
                    case CLEAR -> CLEAR;
                    case CANCEL -> Color.web("#a35a12");
                    case FAIL, ERROR -> FAIL;
                    default -> DARK_TEXT;
                };
            }
            case LATENCY -> {
                return lb.text().startsWith("+") ? LATENCY : LATENCY_AT_ONCE;
            }
            case BAND -> {
                return MUTED_TEXT;
            }
            default -> {
                return DARK_TEXT;
            }
        }
    }

    /** The playhead at x, from the ruler's foot down to height h, leaving gaps (y from, to) over marks. */
    void paintPlayhead(GraphicsContext g, double x, double top, double h, double s, List<double[]> gaps) {
        g.setStroke(PLAYHEAD);
        g.setLineWidth(3 * s);
        g.setLineCap(StrokeLineCap.BUTT);
        double y = top;
        List<double[]> sorted = new java.util.ArrayList<>(gaps);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        for (double[] gap : sorted) {
            if (gap[0] > y) {
                g.strokeLine(x, y, x, gap[0]);
            }
            y = Math.max(y, gap[1]);
        }
        if (y < h) {
            g.strokeLine(x, y, x, h);
        }
        g.setFill(PLAYHEAD);
        double a = 9 * s;
        g.fillPolygon(new double[] {x - a, x + a, x}, new double[] {top - a * 1.4, top - a * 1.4, top}, 3);
    }

    static double playheadHalfWidth(double s) {
        return 9 * s + 3 * s + 2;
    }
}
