package dev.eventlanes.ui.lanes;

import dev.eventlanes.model.TaskState;
import dev.eventlanes.scene.Scene;
import dev.eventlanes.scene.TextMetrics;
import dev.eventlanes.scene.TraceIndex;
import dev.eventlanes.ui.Palette;
import dev.eventlanes.ui.Palette.Ink;
import dev.eventlanes.ui.Theme;
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
    /** Words: WCAG 2.1 AA's contrast for text (1.4.3), against what they are drawn on. */
    static final double TEXT = 4.5;
    /** Marks, bars, lines, the playhead: WCAG 2.1 AA's contrast for graphics (1.4.11). */
    static final double GRAPHIC = 3;

    /**
     * Sees every colour the painter draws that has to stand out, with what it is drawn on; tests
     * set one ({@code ThemeContrastTest}), so the pairs they check are those drawn, not a list
     * kept beside the drawing.
     */
    interface Witness {
        /**
         * {@code inks} (the parts of one thing: a mark's face and its outline) drawn over {@code
         * ground}: at least one of them must stand {@code need}:1 from it.
         */
        void drawn(String what, double need, Color ground, Color... inks);
    }

    /** Null but in tests: then drawing costs nothing more. */
    static Witness witness;
    private static final TaskState[] STATES = TaskState.values();

    private Palette palette = Theme.current().palette();
    private Patterns patterns = new Patterns(palette);
    private final Sprites sprites = new Sprites();
    private LaneText text;
    /** Per scene: what each label belongs to, for its colour. */
    private Scene indexed;
    private final Map<Long, Scene.Segment> segmentAt = new HashMap<>();
    private final Map<Long, Scene.Mark> markAt = new HashMap<>();

    /** Paints in {@code p}'s colours from now on (the window's theme changed). */
    void setPalette(Palette p) {
        if (p != palette) {
            palette = p;
            patterns = new Patterns(p);
            sprites.clear();
        }
    }

    Palette palette() {
        return palette;
    }

    private Color ink(Ink i) {
        return palette.get(i);
    }

    // ------------------------------------------------------------------ what is under what

    /**
     * What a lane's row may show under a mark, a label, a line: the window, a stripe or the
     * selection, each maybe under an instant band.
     */
    static Color[] laneGrounds(Palette p) {
        Color[] plain = {p.get(Ink.BACKGROUND), p.get(Ink.STRIPE), p.get(Ink.HIGHLIGHT)};
        Color[] all = new Color[plain.length * 2];
        for (int i = 0; i < plain.length; i++) {
            all[2 * i] = plain[i];
            all[2 * i + 1] = Palette.over(p.get(Ink.BAND), plain[i]);
        }
        return all;
    }

    /**
     * What a bar of a task not finished is: its state's colour (its pattern is a texture on it,
     * checked against it; what lies on a bar is seen against the bar's colour).
     */
    static Color[] barGrounds(Palette p) {
        java.util.List<Color> out = new java.util.ArrayList<>();
        for (TaskState s : STATES) {
            if (!s.isFinished()) {
                out.add(p.fill(s));
            }
        }
        return out.toArray(new Color[0]);
    }

    /** The ruler, and an instant band on it. */
    static Color[] rulerGrounds(Palette p) {
        return new Color[] {p.get(Ink.RULER), Palette.over(p.get(Ink.BAND_RULER), p.get(Ink.RULER))};
    }

    static Color[] join(Color[] a, Color[] b) {
        Color[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Tells the witness, if there is one, that {@code inks} are drawn over each of {@code grounds}. */
    static void see(String what, double need, Color[] grounds, Color... inks) {
        Witness w = witness;
        if (w != null) {
            for (Color g : grounds) {
                w.drawn(what, need, g, inks);
            }
        }
    }

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
        g.setFill(ink(Ink.BACKGROUND));
        g.fillRect(l, t, r - l, b - t);
        for (Scene.LaneRow row : sc.lanes()) {
            if (row.y1() <= t || row.y0() >= b) {
                continue;
            }
            if (row.task() == selected) {
                g.setFill(ink(Ink.HIGHLIGHT));
                g.fillRect(l, row.y0(), r - l, row.y1() - row.y0());
                // Edged: on a washed-out projector the pale highlight alone is not seen.
                double e = Math.max(2, Math.round(2 * s));
                g.setFill(ink(Ink.SELECTION_EDGE));
                g.fillRect(l, row.y0(), r - l, e);
                g.fillRect(l, row.y1() - e, r - l, e);
                if (witness != null) {
                    see("the selected lane's edge", GRAPHIC, new Color[] {ink(Ink.HIGHLIGHT), ink(Ink.BACKGROUND),
                        ink(Ink.STRIPE)}, ink(Ink.SELECTION_EDGE));
                }
            } else if (row.row() % 2 == 1) {
                g.setFill(ink(Ink.STRIPE));
                g.fillRect(l, row.y0(), r - l, row.y1() - row.y0());
            }
        }
        for (int iband = 0; iband < sc.bands().size(); iband++) {
            Scene.Band band = sc.bands().get(iband);
            if (band.x1() > l && band.x0() < r) {
                g.setFill(ink(Ink.BAND));
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
        double[] box = barBox(st, row.barTop(), row.barBottom());
        double y = box[0];
        double h = box[1];
        if (st == TaskState.WAITING && "idle".equals(seg.why())) {
            // Idle, waiting for the user's next click: an empty bar, not a wait on anything.
            g.setFill(ink(Ink.IDLE));
            g.fillRect(x, y, w, h);
            g.setStroke(ink(Ink.IDLE_EDGE));
            g.setLineWidth(1.5);
            g.setLineDashes(6, 4);
            g.strokeRect(x + 0.75, y + 0.75, Math.max(0, w - 1.5), h - 1.5);
            g.setLineDashes(null);
            if (witness != null) {
                see("an idle bar's edge", GRAPHIC, join(laneGrounds(palette), new Color[] {ink(Ink.IDLE)}), ink(Ink.IDLE_EDGE));
            }
            return;
        }
        bar(g, palette, patterns, st, x, y, w, h, sc.axis().viewStart(), seg.merged() || w < 4);
    }

    /**
     * Where a bar of state st is drawn in a lane whose bars span top to bottom: {y, height}. A
     * finished task's life is over: it goes on as a thin line at the foot of its bar.
     */
    /** How the witness is told of a state's bar: "a waiting bar", "a done line". */
    static String what(TaskState st) {
        return "a " + st.name().toLowerCase(java.util.Locale.ROOT) + (st.isFinished() ? " line" : " bar");
    }

    static double[] barBox(TaskState st, double top, double bottom) {
        double h = bottom - top;
        if (!st.isFinished()) {
            return new double[] {top, h};
        }
        double th = Math.max(3, h * 0.16);
        return new double[] {bottom - th, th};
    }

    /**
     * A state's bar (for a finished task, the line at its foot) at (x, y), w by h: its colour, its
     * pattern anchored {@code originX} along the picture, and a running bar's edge. {@code bare}:
     * the colour alone (a sliver, or pixel columns of a busy run, where neither would show, and
     * software rendering pays dearly for a pattern fill). The lanes and their key draw bars so.
     */
    static void bar(GraphicsContext g, Palette p, Patterns patterns, TaskState st, double x, double y, double w, double h,
            double originX, boolean bare) {
        g.setFill(p.fill(st));
        g.fillRect(x, y, w, h);
        if (witness != null) {
            see(what(st), GRAPHIC, laneGrounds(p), p.fill(st));
        }
        if (bare) {
            return;
        }
        Paint pattern = st.isFinished() ? null : patterns.overlay(st, originX);
        if (pattern != null) {
            g.setFill(pattern);
            g.fillRect(x, y, w, h);
            if (witness != null) {
                see(what(st) + "'s pattern", GRAPHIC, new Color[] {p.fill(st)}, Palette.over(p.pattern(st), p.fill(st)));
            }
        }
        if (st == TaskState.RUNNING) {
            g.setStroke(p.get(Ink.RUNNING_EDGE));
            g.setLineWidth(2);
            g.strokeRect(x + 1, y + 1, Math.max(0, w - 2), h - 2);
            if (witness != null) {
                see("a running bar's edge", GRAPHIC, laneGrounds(p), p.get(Ink.RUNNING_EDGE), p.fill(st));
            }
        }
    }

    private void latency(GraphicsContext g, Scene.Latency lat, double s) {
        boolean atOnce = lat.tNotice() - lat.tSet() < 5e-4;
        Color c = ink(atOnce ? Ink.LATENCY_AT_ONCE : Ink.LATENCY);
        g.setStroke(c);
        g.setLineWidth(2 * s);
        if (witness != null) {
            see("a latency bracket", GRAPHIC, laneGrounds(palette), c);
        }
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
            g.setFill(ink(Ink.ARROW));
            if (witness != null) {
                // The head comes to the woken bar's edge from the lane around it.
                see("a wake-up arrow's head", GRAPHIC, laneGrounds(palette), ink(Ink.ARROW));
            }
            g.fillPolygon(new double[] {x, x - 6.5 * s, x + 6.5 * s}, new double[] {y2, y2 - dir * head, y2 - dir * head}, 3);
            return;
        }
        g.setLineCap(StrokeLineCap.BUTT);
        g.setStroke(ink(layer == 0 ? Ink.HALO : Ink.ARROW));
        if (witness != null && layer == 1) {
            // On its halo, over whatever lanes and bars it crosses.
            Color[] under = join(laneGrounds(palette), barGrounds(palette));
            for (int i = 0; i < under.length; i++) {
                under[i] = Palette.over(ink(Ink.HALO), under[i]);
            }
            see("a wake-up arrow", GRAPHIC, under, ink(Ink.ARROW));
        }
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
                half, sg -> drawGlyph(sg, palette, m.kind(), v, r, text.font(TextMetrics.Role.MARK))));
        if (witness != null) {
            // A mark on a task's lane sits on its bar or beside it; one of no task's, on the ruler.
            drawGlyph(null, palette, m.kind(), v, r, null, m.task() < 0 ? rulerGrounds(palette)
                    : join(laneGrounds(palette), barGrounds(palette)));
        }
    }

    /** A mark's glyph centred on (0, 0), radius r, in p's colours: as on the lanes, and in the key under them. */
    static void drawGlyph(GraphicsContext g, Palette p, TraceIndex.MarkKind kind, boolean value, double r, Font f) {
        drawGlyph(g, p, kind, value, r, f, null);
    }

    /**
     * As {@link #drawGlyph(GraphicsContext, Palette, TraceIndex.MarkKind, boolean, double, Font)}
     * on what {@code grounds} are, which the witness is told; a null {@code g} only tells it.
     */
    static void drawGlyph(GraphicsContext g, Palette p, TraceIndex.MarkKind kind, boolean value, double r, Font f,
            Color[] grounds) {
        Color paper = p.get(Ink.MARK_PAPER);
        Color ink = p.get(Ink.MARK_INK);
        Color arrow = p.get(Ink.ARROW);
        Glyph gl = new Glyph(g, grounds, kind.name(), paper);
        if (g != null) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setLineWidth(2);
        }
        double[] dxs = {0, r, 0, -r};
        double[] dys = {-r, 0, r, 0};
        switch (kind) {
            case SET, SET_AGAIN -> {
                // A set() is a solid diamond; one on an event already set, a hollow one.
                boolean solid = kind == TraceIndex.MarkKind.SET;
                gl.polygon(dxs, dys, solid ? arrow : paper, solid ? paper : arrow);
            }
            case CLEAR -> {
                Color c = p.get(Ink.CLEAR);
                gl.polygon(dxs, dys, paper, c);
                gl.line(c, paper, -r * 0.45, 0, r * 0.45, 0);
            }
            case POLL -> {
                Color face = value ? p.get(Ink.POLL_TRUE) : paper;
                gl.oval(r, face, ink);
                gl.text(value ? "T" : "F", value ? paper : ink, face, f);
            }
            case WAIT_SET -> {
                Color c = p.get(Ink.POLL_TRUE);
                gl.oval(r, paper, c);
                gl.line(c, paper, -r * 0.45, 0, -r * 0.1, r * 0.4);
                gl.line(c, paper, -r * 0.1, r * 0.4, r * 0.5, -r * 0.4);
            }
            case CANCEL -> {
                Color c = p.get(Ink.CANCEL);
                gl.oval(r, c, null);
                gl.line(paper, c, -r * 0.4, -r * 0.4, r * 0.4, r * 0.4);
                gl.line(paper, c, -r * 0.4, r * 0.4, r * 0.4, -r * 0.4);
            }
            case FAIL, ERROR -> {
                Color c = p.get(Ink.FAIL);
                gl.square(r, c);
                gl.text("!", paper, c, f);
            }
            case FOREVER -> {
                gl.oval(r, paper, ink);
                gl.text("\u221e", ink, paper, f);
            }
        }
    }

    /**
     * Draws a glyph's parts and tells the witness of each: the face and outline against what the
     * mark is on (one of them must stand out), lines and letters against the face they are on.
     */
    private record Glyph(GraphicsContext g, Color[] grounds, String what, Color paper) {
        /** Every mark sits in a rim of the paper's colour, so it stands out from a bar of any colour. */
        private static final double RIM = 1.75;

        void polygon(double[] xs, double[] ys, Color face, Color edge) {
            if (g != null) {
                // A diamond: its rim is a diamond RIM further out along each side's normal.
                double[] rx = new double[xs.length];
                double[] ry = new double[ys.length];
                for (int i = 0; i < xs.length; i++) {
                    rx[i] = xs[i] + Math.signum(xs[i]) * RIM * Math.sqrt(2);
                    ry[i] = ys[i] + Math.signum(ys[i]) * RIM * Math.sqrt(2);
                }
                g.setFill(paper);
                g.fillPolygon(rx, ry, rx.length);
                g.setFill(face);
                g.fillPolygon(xs, ys, xs.length);
                g.setStroke(edge);
                g.strokePolygon(xs, ys, xs.length);
            }
            body(face, edge);
        }

        void oval(double r, Color face, Color edge) {
            if (g != null) {
                g.setFill(paper);
                g.fillOval(-r - RIM, -r - RIM, 2 * (r + RIM), 2 * (r + RIM));
                g.setFill(face);
                g.fillOval(-r, -r, 2 * r, 2 * r);
                if (edge != null) {
                    g.setStroke(edge);
                    g.strokeOval(-r, -r, 2 * r, 2 * r);
                }
            }
            body(face, edge);
        }

        void square(double r, Color face) {
            if (g != null) {
                g.setFill(paper);
                g.fillRect(-r - RIM, -r - RIM, 2 * (r + RIM), 2 * (r + RIM));
                g.setFill(face);
                g.fillRect(-r, -r, 2 * r, 2 * r);
            }
            body(face, null);
        }

        void line(Color c, Color on, double x0, double y0, double x1, double y1) {
            if (g != null) {
                g.setStroke(c);
                g.strokeLine(x0, y0, x1, y1);
            }
            if (grounds != null) {
                see("the " + what + " mark's line", GRAPHIC, new Color[] {on}, c);
            }
        }

        void text(String s, Color c, Color on, Font f) {
            if (g != null) {
                g.setFill(c);
                g.setFont(f);
                g.fillText(s, 0, 0);
            }
            if (grounds != null) {
                see("the " + what + " mark's letter", TEXT, new Color[] {on}, c);
            }
        }

        private void body(Color face, Color edge) {
            if (grounds != null) {
                see("a " + what + " mark", GRAPHIC, grounds, edge == null ? new Color[] {face, paper}
                        : new Color[] {face, edge, paper});
            }
        }
    }

    private void ruler(GraphicsContext g, Scene sc, double l, double r, double s) {
        double top = sc.axis().rulerHeight();
        g.setFill(ink(Ink.RULER));
        g.fillRect(l, 0, r - l, top);
        double bandTop = top * 0.52;
        for (Scene.Band band : sc.bands()) {
            // The break marks reach a few pixels either side of the band.
            if (band.x1() + 5 * s > l && band.x0() - 5 * s < r) {
                // The band on the ruler: a strip with break marks at its edges, room and not time.
                g.setFill(ink(Ink.BAND_RULER));
                g.fillRect(band.x0(), bandTop, band.x1() - band.x0(), top - bandTop);
                g.setStroke(ink(Ink.BAND_EDGE));
                g.setLineWidth(1.2);
                for (double bx : new double[] {band.x0(), band.x1()}) {
                    double zig = 3 * s;
                    double h = (top - bandTop) / 4;
                    g.strokePolyline(new double[] {bx, bx - zig, bx + zig, bx - zig, bx},
                            new double[] {bandTop, bandTop + h, bandTop + 2 * h, bandTop + 3 * h, top}, 5);
                }
                if (witness != null) {
                    see("an instant band's break marks", GRAPHIC, rulerGrounds(palette), ink(Ink.BAND_EDGE));
                }
            }
        }
        g.setFill(ink(Ink.RULER_LINE));
        g.fillRect(l, top - 1, r - l, 1);
        for (Scene.Tick tk : sc.ticks()) {
            if (tk.x() + 1 > l && tk.x() - 1 < r) {
                g.fillRect(Math.round(tk.x()) - 0.5, 2 * s, 1.2, top * 0.5 - 2 * s);
                g.fillRect(Math.round(tk.x()) - 0.5, top - 7 * s, 1.2, 7 * s);
            }
        }
        if (witness != null) {
            see("the ruler's ticks", GRAPHIC, rulerGrounds(palette), ink(Ink.RULER_LINE));
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
            g.setFill(ink(Ink.HALO));
            g.fillRect(lb.x() - 2, lb.y() + h * 0.15, w + 4, h * 0.7);
        }
        Color on = labelGround(lb);
        if (on != null) {
            // A state's words on its bar: on the bar's own colour, its pattern kept from under them.
            g.setFill(on);
            // Within the 2 pixels around a label that a piece painted apart repaints with it.
            g.fillRect(lb.x() - 2, lb.y() + h * 0.18, w + 4, h * 0.64);
        }
        if (witness != null) {
            Color[] grounds = on != null ? new Color[] {on}
                    : lb.role() == TextMetrics.Role.TICK || lb.role() == TextMetrics.Role.BAND
                            || lb.role() == TextMetrics.Role.MARK && lb.task() < 0 ? rulerGrounds(palette)
                    : laneGrounds(palette);
            if (lb.role() == TextMetrics.Role.LATENCY) {
                for (int i = 0; i < grounds.length; i++) {
                    grounds[i] = Palette.over(ink(Ink.HALO), grounds[i]);
                }
            }
            see("a " + lb.role().name().toLowerCase(java.util.Locale.ROOT) + " label", TEXT, grounds, fill);
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

    /** The state of the segment a label names, or null for a label of something else. */
    private TaskState segmentState(Scene.Label lb) {
        if (lb.role() != TextMetrics.Role.SEGMENT && lb.role() != TextMetrics.Role.SEGMENT_BOLD) {
            return null;
        }
        Scene.Segment seg = segmentAt.get(key(lb.task(), lb.index()));
        return seg == null ? TaskState.WAITING : seg.state();
    }

    /** The bar's colour under a state's words on its bar; null where they are on the lane (a finished task's). */
    private Color labelGround(Scene.Label lb) {
        TaskState st = segmentState(lb);
        return st == null || st.isFinished() ? null : palette.fill(st);
    }

    private Color labelColour(Scene.Label lb) {
        switch (lb.role()) {
            case SEGMENT, SEGMENT_BOLD -> {
                return palette.label(segmentState(lb));
            }
            case MARK -> {
                Scene.Mark m = markAt.get(key(lb.task(), lb.index()));
                if (m == null) {
                    return ink(Ink.TEXT);
                }
                return switch (m.kind()) {
                    case SET, SET_AGAIN -> ink(Ink.ARROW);
                    case CLEAR -> ink(Ink.CLEAR);
                    case CANCEL -> ink(Ink.CANCEL_TEXT);
                    case FAIL, ERROR -> ink(Ink.FAIL);
                    default -> ink(Ink.TEXT);
                };
            }
            case LATENCY -> {
                return ink(lb.text().startsWith("+") ? Ink.LATENCY : Ink.LATENCY_AT_ONCE);
            }
            case BAND -> {
                return ink(Ink.MUTED_TEXT);
            }
            default -> {
                return ink(Ink.TEXT);
            }
        }
    }

    /** The playhead at x, from the ruler's foot down to height h, leaving gaps (y from, to) over marks. */
    void paintPlayhead(GraphicsContext g, double x, double top, double h, double s, List<double[]> gaps) {
        g.setStroke(ink(Ink.PLAYHEAD));
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
        g.setFill(ink(Ink.PLAYHEAD));
        double a = 9 * s;
        g.fillPolygon(new double[] {x - a, x + a, x}, new double[] {top - a * 1.4, top - a * 1.4, top}, 3);
        if (witness != null) {
            // Down the lanes (across bars too, where it is a line among their edges) and its head on the ruler.
            see("the playhead", GRAPHIC, join(laneGrounds(palette), rulerGrounds(palette)), ink(Ink.PLAYHEAD));
        }
    }

    static double playheadHalfWidth(double s) {
        return 9 * s + 3 * s + 2;
    }
}
