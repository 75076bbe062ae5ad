package dev.eventlanes.scene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where two scenes of one view differ: the rectangles (x from, x to, y from, y to, picture
 * coordinates) a painter must repaint to turn the picture of the first into that of the second.
 * While a run plays, consecutive scenes differ near the playhead and where a label appeared or
 * went, so a frame repaints a few small pieces instead of the whole view (software rendering pays
 * per pixel).
 *
 * <p>Items are matched by what they stand for (a segment by its task and first entry, a mark by
 * its entry...); an item that appeared, went or changed is repainted over both its old and new
 * box. A segment that only grew at its right end is repainted just where it grew.
 */
public final class SceneDiff {
    private SceneDiff() {
    }

    /** Whether the two scenes need no diff at all: another view, zoom, rows or size repaints everything. */
    public static boolean sameFrame(Scene a, Scene b) {
        Scene.AxisInfo x = a.axis();
        Scene.AxisInfo y = b.axis();
        return x.pixelsPerSecond() == y.pixelsPerSecond() && x.slotPixels() == y.slotPixels()
                && x.viewStart() == y.viewStart() && x.width() == y.width() && x.height() == y.height()
                && x.rulerHeight() == y.rulerHeight() && a.lanes().equals(b.lanes());
    }

    /** The rectangles to repaint, unmerged (see {@link #merged}). Both scenes must be of the same frame. */
    public static List<double[]> dirty(Scene a, Scene b) {
        return dirty(a, b, Double.NEGATIVE_INFINITY);
    }

    /**
     * The rectangles to repaint, comparing only items that reach right of picture x {@code from}:
     * for a scene of the same run further on, where nothing left of there can have changed (see
     * {@link SceneBuilder#settledLeftOf}).
     */
    public static List<double[]> dirty(Scene a, Scene b, double from) {
        return dirty(a, b, from, Double.POSITIVE_INFINITY);
    }

    /**
     * The rectangles to repaint, comparing only items that reach into picture x [from, to]: a
     * page turn repaints the tiles new to the view whole, and compares only what the tiles it keeps
     * show (left of {@code to}).
     */
    public static List<double[]> dirty(Scene a, Scene b, double from, double to) {
        List<double[]> out = new ArrayList<>();
        double h = b.axis().height();
        double ruler = b.axis().rulerHeight();
        Map<Object, double[]> rowBar = new HashMap<>();
        for (Scene.LaneRow r : b.lanes()) {
            rowBar.put(r.task(), new double[] {r.barTop(), r.barBottom()});
        }
        // Segments: keyed by task and first entry; growth repaints the grown strip only.
        Map<Object, Scene.Segment> old = new HashMap<>();
        for (int i = 0; i < a.segments().size(); i++) {
            Scene.Segment s = a.segments().get(i);
            if (s.x1() + 4 >= from && s.x0() - 4 <= to) {
                old.put(List.of(s.task(), s.fromIndex()), s);
            }
        }
        for (int i = 0; i < b.segments().size(); i++) {
            Scene.Segment s = b.segments().get(i);
            if (s.x1() + 4 < from || s.x0() - 4 > to) {
                continue;
            }
            Scene.Segment o = old.remove(List.of(s.task(), s.fromIndex()));
            double[] bar = rowBar.get(s.task());
            if (bar == null || o == s || s.equals(o)) {
                continue;
            }
            if (o != null && o.x0() == s.x0() && o.state() == s.state() && o.event() == s.event()) {
                double grownFrom = Math.min(o.x1(), s.x1());
                double grownTo = Math.max(o.x1(), s.x1());
                out.add(new double[] {grownFrom - 4, grownTo + 4, bar[0] - 3, bar[1] + 3});
            } else {
                out.add(new double[] {s.x0() - 4, s.x1() + 4, bar[0] - 3, bar[1] + 3});
                if (o != null) {
                    out.add(new double[] {o.x0() - 4, o.x1() + 4, bar[0] - 3, bar[1] + 3});
                }
            }
        }
        for (Scene.Segment o : old.values()) {
            double[] bar = rowBar.get(o.task());
            if (bar != null) {
                out.add(new double[] {o.x0() - 4, o.x1() + 4, bar[0] - 3, bar[1] + 3});
            }
        }
        diff(a.marks(), b.marks(), m -> List.of(m.kind(), m.task(), m.index()), m -> m.x() + m.r() + 4, m -> m.x() - m.r() - 4,
                m -> new double[] {m.x() - m.r() - 4, m.x() + m.r() + 4, m.y() - m.r() - 4, m.y() + m.r() + 4}, from, to, out);
        diff(a.arrows(), b.arrows(), r -> List.of(r.setIndex(), r.toTask()), r -> r.x1() + r.bend() * 1.2 + 12, r -> r.x1() - 12,
                r -> new double[] {r.x1() - 12, r.x1() + r.bend() * 1.2 + 12, Math.min(r.y1(), r.y2()) - 4, Math.max(r.y1(), r.y2()) + 4}, from, to, out);
        diff(a.latencies(), b.latencies(), l -> List.of(l.task(), l.noticeIndex()), l -> l.x1() + 4, l -> l.x0() - 4,
                l -> new double[] {l.x0() - 4, l.x1() + 4, l.y() - 8, l.y() + 8}, from, to, out);
        diff(a.labels(), b.labels(), l -> List.of(l.role(), l.task(), l.index(), l.text(), l.y()), l -> l.x() + l.w() + 5, l -> l.x() - 3,
                l -> new double[] {l.x() - 3, l.x() + l.w() + 5, l.y() - 2, l.y() + l.h() + 2}, from, to, out);
        diff(a.bands(), b.bands(), band -> band.firstIndex(), band -> band.x1() + 5, band -> band.x0() - 5,
                band -> new double[] {band.x0() - 5, band.x1() + 5, 0, h}, from, to, out);
        diff(a.ticks(), b.ticks(), t -> t.t(), t -> t.x() + 2, t -> t.x() - 2, t -> new double[] {t.x() - 2, t.x() + 2, 0, ruler}, from, to, out);
        return out;
    }

    /**
     * Items of one kind: matched by key, compared, and the boxes of those that changed added to
     * {@code out}. Items whose box ends left of {@code from} ({@code right}) are left alone.
     */
    private static <T> void diff(List<T> a, List<T> b, java.util.function.Function<T, Object> key,
                                 java.util.function.ToDoubleFunction<T> right, java.util.function.ToDoubleFunction<T> left,
                                 java.util.function.Function<T, double[]> box, double from, double to,
                                 List<double[]> out) {
        Map<Object, T> old = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            T x = a.get(i);
            if (right.applyAsDouble(x) >= from && left.applyAsDouble(x) <= to) {
                old.put(key.apply(x), x);
            }
        }
        for (int i = 0; i < b.size(); i++) {
            T x = b.get(i);
            if (right.applyAsDouble(x) < from || left.applyAsDouble(x) > to) {
                continue;
            }
            T o = old.remove(key.apply(x));
            if (o != x && !Objects.equals(o, x)) {
                out.add(box.apply(x));
                if (o != null) {
                    out.add(box.apply(o));
                }
            }
        }
        for (T o : old.values()) {
            out.add(box.apply(o));
        }
    }

    /**
     * Fewer rectangles still, covering at least the same area: rectangles that overlap across rows
     * (a frame's growth at the playhead is a strip on every row) become their bounding box when
     * that adds little area. One piece to paint instead of one a row: each costs a clip and a walk
     * through the scene, on the window's thread and again where it is rendered.
     */
    public static List<double[]> coalesced(List<double[]> rects) {
        List<double[]> rows = merged(rects);
        boolean joined = true;
        while (joined) {
            joined = false;
            for (int i = 0; i < rows.size() && !joined; i++) {
                for (int j = i + 1; j < rows.size() && !joined; j++) {
                    double[] a = rows.get(i);
                    double[] b = rows.get(j);
                    if (a[0] <= b[1] && b[0] <= a[1]) {
                        double[] box = {Math.min(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.max(a[3], b[3])};
                        double area = (box[1] - box[0]) * (box[3] - box[2]);
                        double parts = (a[1] - a[0]) * (a[3] - a[2]) + (b[1] - b[0]) * (b[3] - b[2]);
                        if (area <= 2 * parts + JOIN_SLACK) {
                            rows.set(i, box);
                            rows.remove(j);
                            joined = true;
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** Area (square pixels) two rectangles may gain by being joined, besides doubling. */
    static final double JOIN_SLACK = 4000;

    /**
     * The same area in fewer rectangles: one inside another is dropped, and those on the same
     * rows that overlap or touch become one. A frame's new items often lie side by side on one
     * row; repainted one by one, what lies under the overlaps is painted two or three times over.
     */
    public static List<double[]> merged(List<double[]> rects) {
        List<double[]> out = new ArrayList<>();
        for (double[] r : rects) {
            out.add(r.clone());
        }
        out.sort((x, y) -> x[2] != y[2] ? Double.compare(x[2], y[2])
                : x[3] != y[3] ? Double.compare(x[3], y[3]) : Double.compare(x[0], y[0]));
        List<double[]> rows = new ArrayList<>();
        for (double[] r : out) {
            double[] last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (last != null && last[2] == r[2] && last[3] == r[3] && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                rows.add(r);
            }
        }
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            boolean inside = false;
            for (int j = 0; j < rows.size() && !inside; j++) {
                double[] o = rows.get(j);
                inside = j != i && o[0] <= r[0] && o[1] >= r[1] && o[2] <= r[2] && o[3] >= r[3];
            }
            if (!inside) {
                kept.add(r);
            }
        }
        return kept;
    }
}
