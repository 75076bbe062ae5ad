package dev.eventlanes.scene;

import dev.eventlanes.model.TaskState;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link Scene} of one moment in one view: what is drawn where, from the trace index,
 * the axis and the view's size. A function of its inputs alone: the same moment looks the same
 * however it was reached (playing, stepping back, scrubbing).
 *
 * <p>A row has three strips: marks' labels on top, the bar (the task's state, with its marks on
 * it and the state's label inside), and latency brackets under it. Labels are placed by rules
 * that make overlaps impossible rather than by searching: a mark's label ends just left of its
 * mark and is shown only if it starts right of the mark before it; a state's label goes in the
 * first stretch of its segment free of marks and arrows; a latency label inside its bracket, or
 * just right of it where nothing else lies. Where a label has no room it is left out and the
 * mark, segment or bracket tells it when hovered.
 */
public final class SceneBuilder {
    /** Sizes at scale 1: the ruler, a row and its three strips, marks. */
    public static final double RULER = 50;
    public static final double ROW = 72;
    static final double STRIP_TOP = 3;
    static final double STRIP_H = 19;
    static final double BAR_TOP = 24;
    static final double BAR_H = 30;
    static final double LAT_TOP = 57;
    static final double LAT_H = 14;
    static final double TICK_LINE = 14;
    static final double BAND_LINE = 37;
    static final double MARK_R = 9;
    static final double POLL_R = 11;
    /** The closest two set()s' arrows are drawn; closer ones (a busy run zoomed out) are left out. */
    static final double MIN_ARROW_GAP = 6;
    /** How much wider each further arrow of a fan-out bows. */
    static final double BOW = 9;
    /** Half the width an arrow's stem keeps clear of labels. */
    static final double STEM = 4;
    /** How far right of the playhead a lane blocked for good is drawn on, and labelled. */
    static final double FOREVER_REACH = 46;

    /** The view: where it starts on the axis, its size, how far its rows are scrolled, their order. */
    public record View(double viewStart, double width, double height, double scroll, int[] taskOfRow) {
    }

    private final TraceIndex idx;
    private final Axis axis;
    private final int k;
    private final double playhead;
    private final View view;
    private final Set<Integer> forever;
    private final SceneWords words;
    private final TextMetrics tm;
    private final double s;
    private final TraceLog log;
    /** The index's lists, asked for once (each ask wraps them anew). */
    private final List<TraceIndex.Lane> laneList;
    private final List<TraceIndex.EventTrack> eventList;
    private final List<TraceIndex.Arrow> arrowList;

    private final List<Scene.Band> bands = new ArrayList<>();
    private final List<Scene.Tick> ticks = new ArrayList<>();
    private final List<Scene.LaneRow> rows = new ArrayList<>();
    private final List<Scene.Segment> segments = new ArrayList<>();
    private final List<Scene.Mark> marks = new ArrayList<>();
    private final List<Scene.Arrow> arrows = new ArrayList<>();
    private final List<Scene.Latency> latencies = new ArrayList<>();
    private final List<Scene.Label> labels = new ArrayList<>();
    /** Per row in view: x ranges arrows' stems cross in its label strip, bar and latency strip. */
    private Obstacles[] stripStems;
    private Obstacles[] barStems;
    private Obstacles[] latStems;
    private int[] rowOfTask;

    /** The scene before, whose settled part this one keeps (see {@link #extend}), or null. */
    private Scene prev;
    /** The absolute x left of which {@link #prev}'s items are kept as they are. */
    private double settled = Double.NEGATIVE_INFINITY;

    private SceneBuilder(TraceIndex idx, Axis axis, int k, double playhead, View view, Set<Integer> forever,
                         SceneWords words, TextMetrics tm) {
        this.idx = idx;
        this.axis = axis;
        this.k = Math.min(k, idx.size());
        this.playhead = playhead;
        this.view = view;
        this.forever = forever;
        this.words = words;
        this.tm = tm;
        this.s = axis.scale();
        this.log = idx.log();
        this.laneList = idx.lanes();
        this.eventList = idx.events();
        this.arrowList = idx.arrows();
    }

    /**
     * The scene after the first k entries, the playhead at absolute x {@code playhead} (it may
     * glide ahead of entry k - 1 while time passes).
     *
     * @param forever tasks blocked for good (the run ended in a deadlock and k is its end), else empty
     */
    public static Scene build(TraceIndex idx, Axis axis, int k, double playhead, View view, Set<Integer> forever,
                              SceneWords words, TextMetrics tm) {
        return new SceneBuilder(idx, axis, k, playhead, view, forever, words, tm).build();
    }

    /**
     * Where a scene of the same view can differ from the one before it when the run only moved on
     * (more entries shown, the playhead further right): everything new lies right of the step the
     * old position was in, but for labels ending there (a mark's, a state's that now fits, a
     * latency's), which reach back at most their own width. Left of the returned picture x, the
     * two scenes are the same.
     *
     * @param stepStart the picture x where the step at the old position began
     */
    public static double settledLeftOf(Scene before, Scene after, double stepStart) {
        double widest = 0;
        for (Scene.Label l : before.labels()) {
            widest = Math.max(widest, l.w());
        }
        for (Scene.Label l : after.labels()) {
            widest = Math.max(widest, l.w());
        }
        // Margins (a label's gap to its mark and the mark's radius) grow with the window's scale.
        double s = before.axis().rulerHeight() / RULER;
        return Math.min(before.axis().playheadX(), stepStart) - widest - 30 * s;
    }

    /**
     * The scene after the first k entries, as {@link #build} makes it, made faster from the scene
     * of an earlier moment of the same run in the same view (same zoom, size, rows and index):
     * the items left of {@code settled} (picture x, from {@link #settledLeftOf}) are taken from it
     * as they are, and only the rest is built. While a run plays, that is most of the picture.
     */
    public static Scene extend(Scene before, double settled, TraceIndex idx, Axis axis, int k, double playhead, View view,
                               Set<Integer> forever, SceneWords words, TextMetrics tm) {
        SceneBuilder b = new SceneBuilder(idx, axis, k, playhead, view, forever, words, tm);
        b.prev = before;
        b.settled = settled + view.viewStart();
        return b.build();
    }

    /**
     * Left of which a scene of the same view stays as it was when the run only moves on: new
     * entries lie right of the old playhead, and of the step it was in (whose marks share one
     * label), and reach back from there at most a mark's radius. For {@link #extend}.
     *
     * @param playhead  the picture x of the playhead before
     * @param stepStart the picture x where the step at the old position began
     */
    public static double keptLeftOf(double playhead, double stepStart, double scale) {
        return Math.min(playhead, stepStart) - (POLL_R + STEM + 8) * scale;
    }

    /** The height of the ruler at a window scale. */
    public static double rulerHeight(double scale) {
        return RULER * scale;
    }

    public static double rowHeight(double scale) {
        return ROW * scale;
    }

    private double vx(double abs) {
        return abs - view.viewStart();
    }

    private Scene build() {
        double left = view.viewStart();
        double right = left + view.width();
        layoutRows();
        arrows(left, right);
        for (Scene.LaneRow r : rows) {
            TraceIndex.Lane lane = laneList.get(r.task());
            if (resuming()) {
                prevRow(r.task());
            }
            marks(lane, r, left, right);
            segments(lane, r, left, right);
            latencies(lane, r, left, right);
        }
        outsideMarks(left, right);
        bands(left, right);
        ticks(left, right);
        double tFrom = axis.timeAtX(left);
        double tTo = axis.timeAtX(right);
        Scene.AxisInfo info = new Scene.AxisInfo(axis.pixelsPerSecond(), axis.slotPixels(), left, view.width(),
                view.height(), rulerHeight(s), vx(playhead), playheadTime(), k, tFrom, tTo);
        // Wrapped, not copied: the builder is done with its lists, and a frame makes a scene.
        return new Scene(info, Collections.unmodifiableList(bands), Collections.unmodifiableList(ticks),
                Collections.unmodifiableList(rows), Collections.unmodifiableList(segments),
                Collections.unmodifiableList(marks), Collections.unmodifiableList(arrows),
                Collections.unmodifiableList(latencies), Collections.unmodifiableList(labels));
    }

    private double playheadTime() {
        double t = idx.timeAt(k);
        double xk = axis.xAt(k);
        if (playhead > xk && k < idx.size()) {
            // Gliding through time that passes before the next entry.
            t = Math.min(idx.time(k), t + (playhead - xk) / axis.pixelsPerSecond());
        }
        return t;
    }

    // ------------------------------------------------------------------ the scene before

    private boolean resuming() {
        return prev != null;
    }

    // Where each of the scene before's lists has got to. Its items come row by row, in the order
    // of the rows, which is this scene's too (same frame): a row's items are the next ones.
    private int prevSeg;
    private int prevMark;
    private int prevLabel;
    private int prevLat;
    /** The scene before's items of the row being built. */
    private List<Scene.Segment> rowSegs = List.of();
    private List<Scene.Mark> rowMarks = List.of();
    private List<Scene.Label> rowLabels = List.of();
    private List<Scene.Latency> rowLats = List.of();

    /** Takes the scene before's items of the next row, the task's, from each list. */
    private void prevRow(int task) {
        int a = prevSeg;
        while (prevSeg < prev.segments().size() && prev.segments().get(prevSeg).task() == task) {
            prevSeg++;
        }
        rowSegs = prev.segments().subList(a, prevSeg);
        a = prevMark;
        while (prevMark < prev.marks().size() && prev.marks().get(prevMark).task() == task) {
            prevMark++;
        }
        rowMarks = prev.marks().subList(a, prevMark);
        a = prevLabel;
        while (prevLabel < prev.labels().size() && prev.labels().get(prevLabel).task() == task) {
            prevLabel++;
        }
        rowLabels = prev.labels().subList(a, prevLabel);
        a = prevLat;
        while (prevLat < prev.latencies().size() && prev.latencies().get(prevLat).task() == task) {
            prevLat++;
        }
        rowLats = prev.latencies().subList(a, prevLat);
    }

    // ------------------------------------------------------------------ rows

    private void layoutRows() {
        int[] order = view.taskOfRow();
        int n = Math.min(order.length, idx.laneCountAt(k));
        rowOfTask = new int[laneList.size()];
        Arrays.fill(rowOfTask, -1);
        double ruler = rulerHeight(s);
        double rh = rowHeight(s);
        stripStems = new Obstacles[n];
        barStems = new Obstacles[n];
        latStems = new Obstacles[n];
        for (int r = 0; r < n; r++) {
            int t = order[r];
            if (t < 0 || t >= laneList.size() || laneList.get(t) == null) {
                continue;
            }
            rowOfTask[t] = r;
            stripStems[r] = new Obstacles();
            barStems[r] = new Obstacles();
            latStems[r] = new Obstacles();
            double y0 = ruler + r * rh - view.scroll();
            if (y0 + rh <= ruler || y0 >= view.height()) {
                continue;
            }
            rows.add(new Scene.LaneRow(t, laneList.get(t).name(), r, y0, y0 + rh, y0 + BAR_TOP * s,
                    y0 + (BAR_TOP + BAR_H) * s));
        }
    }

    private double rowTop(int row) {
        return rulerHeight(s) + row * rowHeight(s) - view.scroll();
    }

    private double barCenter(int row) {
        return rowTop(row) + (BAR_TOP + BAR_H / 2) * s;
    }

    // ------------------------------------------------------------------ arrows

    /**
     * Arrows first: their stems are what the labels of the rows they cross must keep clear of.
     * A stem runs straight down (or up) from the set() mark to the woken task's bar, at the x of
     * the set(): the wake-up happens at that very moment.
     */
    private void arrows(double left, double right) {
        int n = idx.arrowCountAt(k);
        List<TraceIndex.Arrow> all = arrowList;
        // Arrows are in x order: find the first in view.
        int lo = 0;
        int hi = n;
        double from = left - 2 * STEM * s;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (axis.x(all.get(mid).index()) < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        double ruler = rulerHeight(s);
        double lastArrowX = -1e300;
        if (resuming()) {
            // Keep the arrows left of the settled line (their stems still keep labels clear).
            for (Scene.Arrow ar : prev.arrows()) {
                double x = ar.x1() + view.viewStart();
                if (x >= settled) {
                    break;
                }
                arrows.add(ar);
                lastArrowX = x;
                int fromRow = ar.fromTask() >= 0 && ar.fromTask() < rowOfTask.length ? rowOfTask[ar.fromTask()] : -1;
                int toRow = rowOfTask[ar.toTask()];
                stems(fromRow, toRow, fromRow < 0 || toRow > fromRow, x, ar.bend());
            }
            double at = Math.max(from, settled);
            int hiA = n;
            while (lo < hiA) {
                int mid = (lo + hiA) >>> 1;
                if (axis.x(all.get(mid).index()) < at) {
                    lo = mid + 1;
                } else {
                    hiA = mid;
                }
            }
        }
        for (int a = lo; a < n; a++) {
            TraceIndex.Arrow ar = all.get(a);
            double x = axis.x(ar.index());
            if (x > right + 2 * STEM * s) {
                break;
            }
            int fromRow = ar.fromTask() >= 0 && ar.fromTask() < rowOfTask.length ? rowOfTask[ar.fromTask()] : -1;
            if (ar.fromTask() >= 0 && fromRow < 0 || ar.count() == 0 || ar.wakeIndex(0) >= k) {
                continue;
            }
            if (x - lastArrowX < MIN_ARROW_GAP * s) {
                // Level of detail: a busy run zoomed out; zoomed in, every set() has its slot.
                continue;
            }
            int drawnBefore = arrows.size();
            double t = idx.time(ar.index());
            // A fan-out spreads: the nearest woken lane gets a straight stem, each further one a
            // wider bow, so every arrow can be followed to its own head.
            int[] dist = new int[ar.count()];
            for (int j = 0; j < ar.count(); j++) {
                int to = ar.toTask(j);
                int toRow = to >= 0 && to < rowOfTask.length ? rowOfTask[to] : -1;
                dist[j] = toRow < 0 ? Integer.MAX_VALUE : fromRow < 0 ? toRow : toRow - fromRow;
            }
            for (int j = 0; j < ar.count(); j++) {
                if (ar.wakeIndex(j) >= k) {
                    break;
                }
                int rank = 0;
                for (int o = 0; o < ar.count() && ar.wakeIndex(o) < k; o++) {
                    if (Integer.signum(dist[o]) == Integer.signum(dist[j]) && Math.abs(dist[o]) < Math.abs(dist[j])) {
                        rank++;
                    }
                }
                double bend = rank * BOW * s;
                int to = ar.toTask(j);
                int toRow = to >= 0 && to < rowOfTask.length ? rowOfTask[to] : -1;
                if (toRow < 0) {
                    continue;
                }
                double y1;
                double y2;
                boolean down;
                if (fromRow < 0) {
                    // A click from outside: from the ruler, where its mark is.
                    y1 = BAND_LINE * s + MARK_R * s;
                    down = true;
                } else {
                    down = toRow > fromRow;
                    y1 = barCenter(fromRow) + (down ? 1 : -1) * (markR(TraceIndex.MarkKind.SET) + 1);
                }
                y2 = down ? rowTop(toRow) + BAR_TOP * s : rowTop(toRow) + (BAR_TOP + BAR_H) * s;
                if (Math.max(y1, y2) < ruler && fromRow >= 0 || Math.min(y1, y2) > view.height()) {
                    continue;
                }
                arrows.add(new Scene.Arrow(ar.event(), ar.fromTask(), to, t, vx(x), y1, vx(x), y2, bend, ar.index(),
                        ar.wakeIndex(j)));
                stems(fromRow, toRow, down, x, bend);
            }
            if (arrows.size() > drawnBefore) {
                // Only a drawn arrow keeps the next ones apart: what is drawn is all a later
                // scene, made from this one, knows of.
                lastArrowX = x;
            }
        }
    }

    /** Records which strips of which rows a stem at absolute x crosses. */
    private void stems(int fromRow, int toRow, boolean down, double x, double bend) {
        double a = x - STEM * s;
        double b = x + bend + STEM * s;
        int first = fromRow < 0 ? 0 : Math.min(fromRow, toRow);
        int last = fromRow < 0 ? toRow : Math.max(fromRow, toRow);
        for (int r = first; r <= last; r++) {
            if (r >= stripStems.length || stripStems[r] == null) {
                continue;
            }
            boolean isFrom = r == fromRow;
            boolean isTo = r == toRow;
            // The setter's row: from its mark on the bar towards the target.
            // The target's row: into the bar from the side the stem comes from.
            boolean strip = !isFrom && !isTo || isFrom && !down || isTo && down;
            boolean lat = !isFrom && !isTo || isFrom && down || isTo && !down;
            boolean bar = !isFrom && !isTo;
            if (strip) {
                stripStems[r].add(a, b);
            }
            if (bar) {
                barStems[r].add(a, b);
            }
            if (lat) {
                latStems[r].add(a, b);
            }
        }
    }

    // ------------------------------------------------------------------ marks

    private double markR(TraceIndex.MarkKind kind) {
        return (kind == TraceIndex.MarkKind.POLL ? POLL_R : MARK_R) * s;
    }

    private String eventName(int e) {
        return e >= 0 && e < eventList.size() && eventList.get(e) != null ? eventList.get(e).name() : null;
    }

    private String detail(TraceIndex.MarkKind kind, int i) {
        return switch (kind) {
            case POLL -> log.value(i) != 0 ? "True" : "False";
            case SET_AGAIN -> "already set";
            case SET -> String.valueOf(setWoke(i));
            case CANCEL, FAIL, ERROR -> log.text(i);
            default -> "";
        };
    }

    /** How many tasks the set() at entry i woke (0: nobody was waiting). */
    private int setWoke(int i) {
        List<TraceIndex.Arrow> all = arrowList;
        int a = idx.arrowCountAt(i + 1) - 1;
        return a >= 0 && all.get(a).index() == i ? all.get(a).count() : 0;
    }

    /**
     * A lane's marks and their labels. The marks one step makes (a set() and a clear() side by
     * side) share one label, their calls in order ("event.set() · event.clear()"), which ends
     * just left of the first of them: a label always tells what happens at its right end. It is
     * shown if it starts right of the label before it on the lane, inside the view, and crosses
     * no arrow; else the marks tell it when hovered.
     */
    private void marks(TraceIndex.Lane lane, Scene.LaneRow row, double left, double right) {
        int n = lane.marksBelow(k);
        double maxR = POLL_R * s;
        int m = firstMarkFrom(lane, n, left - maxR - 2);
        double y = row.barCenter();
        Obstacles strip = stripStems[row.row()];
        Obstacles bar = barStems[row.row()];
        double lastLabelRight = left - 6 * s;
        double lastMarkX = -1e300;
        if (resuming()) {
            // Keep the marks of the steps left of the settled line, and their labels; go on from
            // the first step whose marks reach it, as the whole build would have got there.
            int r = firstMarkFrom(lane, n, settled - maxR - 2);
            while (r > 0 && r < n && lane.markStep(r - 1) == lane.markStep(r) && lane.markStep(r) > 0) {
                r--;
            }
            int resumeAt = r < n ? lane.markIndex(r) : Integer.MAX_VALUE;
            if (r > m) {
                for (Scene.Mark mk : rowMarks) {
                    if (mk.index() >= 0 && mk.index() < resumeAt) {
                        marks.add(mk);
                        double x = mk.x() + view.viewStart();
                        lastMarkX = x;
                        bar.add(x - mk.r() - 3, x + mk.r() + 3);
                    }
                }
                for (Scene.Label l : rowLabels) {
                    if (l.role() == TextMetrics.Role.MARK && l.index() >= 0 && l.index() < resumeAt) {
                        labels.add(l);
                        lastLabelRight = l.x() + l.w() + view.viewStart();
                    }
                }
                m = r;
            }
        }
        while (m < n) {
            int first = m;
            int i0 = lane.markIndex(m);
            double x0 = axis.x(i0);
            if (x0 - maxR > right) {
                break;
            }
            // The marks of one step: consecutive marks of this lane in the same step.
            int step = lane.markStep(first);
            StringBuilder words = new StringBuilder();
            String firstWords = null;
            for (; m < n && (m == first || lane.markStep(m) == step && step > 0); m++) {
                int i = lane.markIndex(m);
                double x = axis.x(i);
                TraceIndex.MarkKind kind = lane.markKind(m);
                double r = markR(kind);
                if (x - lastMarkX < r) {
                    // Level of detail: more than half under the mark before it (a busy run
                    // zoomed out); zoomed in, every mark has its slot.
                    continue;
                }
                lastMarkX = x;
                marks.add(new Scene.Mark(kind, lane.task(), log.event(i), idx.time(i), vx(x), y, r, detail(kind, i), i));
                // The state's label keeps clear of marks as of arrows.
                bar.add(x - r - 3, x + r + 3);
                String text = this.words.mark(kind, eventName(log.event(i)), detail(kind, i));
                if (!text.isEmpty() && !words.toString().contains(text)) {
                    if (firstWords == null) {
                        firstWords = text;
                    } else {
                        words.append(" \u00b7 ");
                    }
                    words.append(text);
                }
            }
            if (firstWords == null) {
                continue;
            }
            double lr = x0 - STEM * s - 1;
            for (String text : new String[] {words.toString(), firstWords}) {
                double w = tm.width(text, TextMetrics.Role.MARK);
                double ll = lr - w;
                if (ll >= lastLabelRight + 6 * s && ll >= left && !strip.hits(ll - 1, lr + 1)) {
                    labels.add(new Scene.Label(TextMetrics.Role.MARK, text, vx(ll), row.y0() + STRIP_TOP * s, w,
                            STRIP_H * s, lane.task(), i0));
                    lastLabelRight = lr;
                    break;
                }
            }
        }
        if (forever.contains(lane.task()) && k >= idx.size()) {
            // Blocked for good: the lane runs on past the end, to a mark that says so.
            double x = playhead + FOREVER_REACH * s;
            marks.add(new Scene.Mark(TraceIndex.MarkKind.FOREVER, lane.task(), -1, playheadTime(), vx(x), y,
                    MARK_R * s, "", -1));
            String text = words.forever();
            double w = tm.width(text, TextMetrics.Role.MARK);
            labels.add(new Scene.Label(TextMetrics.Role.MARK, text, vx(x + MARK_R * s + 4 * s), row.barTop(), w,
                    row.barBottom() - row.barTop(), lane.task(), -1));
        }
    }

    /** The first of the lane's first n marks drawn at or right of absolute x. */
    private int firstMarkFrom(TraceIndex.Lane lane, int n, double x) {
        int lo = Math.min(n, lane.marksBelow(axis.positionAtX(x)));
        while (lo > 0 && axis.x(lane.markIndex(lo - 1)) >= x) {
            lo--;
        }
        return lo;
    }

    private void outsideMarks(double left, double right) {
        int n = idx.outsideMarksBelow(k);
        double y = BAND_LINE * s;
        double prevX = -1e300;
        for (int m = 0; m < n; m++) {
            int i = idx.outsideMarkIndex(m);
            double x = axis.x(i);
            if (x + MARK_R * s < left) {
                prevX = x;
                continue;
            }
            if (x - MARK_R * s > right) {
                break;
            }
            TraceIndex.MarkKind kind = idx.outsideMarkKind(m);
            marks.add(new Scene.Mark(kind, -1, log.event(i), idx.time(i), vx(x), y, MARK_R * s, detail(kind, i), i));
            String text = words.mark(kind, eventName(log.event(i)), detail(kind, i));
            double w = text.isEmpty() ? 0 : tm.width(text, TextMetrics.Role.MARK);
            double lr = x - MARK_R * s - 2;
            double ll = lr - w;
            if (w > 0 && ll >= prevX + MARK_R * s + 2 && ll >= left) {
                labels.add(new Scene.Label(TextMetrics.Role.MARK, text, vx(ll), y - STRIP_H * s / 2, w, STRIP_H * s,
                        -1, i));
            }
            prevX = x;
        }
    }

    // ------------------------------------------------------------------ segments

    /**
     * A lane's segments in view, each with its label where it fits. Where many segments fall in
     * one pixel column (a busy run zoomed out), the column is drawn in the state it starts with and
     * the walk jumps to the segment at the next column: a busy run costs per pixel, not per step.
     * Neighbouring columns of one state merge into one segment, marked as merged.
     */
    private void segments(TraceIndex.Lane lane, Scene.LaneRow row, double left, double right) {
        int last = lane.segmentAt(k);
        if (last < 0) {
            return;
        }
        int first = Math.max(0, lane.segmentAt(axis.positionAtX(left)));
        Obstacles bar = barStems[row.row()];
        boolean blocked = forever.contains(lane.task()) && k >= idx.size();
        if (resuming()) {
            // Keep the segments that ended left of the settled line, and their labels; go on from
            // the first that did not (a run of merged columns is built again from its start).
            List<Scene.Segment> before = rowSegs;
            int resumeFrom = -1;
            for (Scene.Segment sg : before) {
                if (sg.x1() + view.viewStart() >= settled || sg.toIndex() < 0) {
                    resumeFrom = sg.fromIndex();
                    break;
                }
            }
            if (resumeFrom < 0 && !before.isEmpty()) {
                resumeFrom = before.get(before.size() - 1).toIndex();
            }
            if (resumeFrom >= 0) {
                int from = resumeFrom;
                for (Scene.Segment sg : before) {
                    if (sg.fromIndex() < from) {
                        segments.add(sg);
                    }
                }
                for (Scene.Label l : rowLabels) {
                    if ((l.role() == TextMetrics.Role.SEGMENT || l.role() == TextMetrics.Role.SEGMENT_BOLD)
                            && l.index() < from) {
                        labels.add(l);
                    }
                }
                first = Math.max(first, lane.segmentAt(from + 1));
            }
        }
        Merged run = new Merged(lane.task());
        for (int sg = first; sg <= last; sg++) {
            int from = lane.segmentStart(sg);
            boolean going = sg == last;
            int to = going ? -1 : lane.segmentStart(sg + 1);
            double xa = axis.x(from);
            double xb = going ? playhead : axis.x(to);
            if (going && blocked) {
                xb = playhead + FOREVER_REACH * s;
            }
            if (xa > right) {
                break;
            }
            if (xb <= left || xb <= xa) {
                continue;
            }
            TaskState st = lane.segmentState(sg);
            if (xb - xa < 1 && !going) {
                double px = Math.floor(xa);
                run.add(st, px, from, to);
                int next = lane.segmentAt(axis.positionAtX(px + 1));
                sg = Math.max(sg, next - 1);
                continue;
            }
            run.flush();
            int ev = lane.segmentEvent(sg);
            String why = st == TaskState.WAITING && ev < 0 && log.kind(from) == TraceKind.SUSPEND ? log.text(from) : "";
            double t0 = idx.time(from);
            double t1 = going ? playheadTime() : idx.time(to);
            segments.add(new Scene.Segment(lane.task(), st, ev, why, t0, t1, vx(xa), vx(xb), from, to, false));
            String text = words.state(st, eventName(ev), why.isEmpty() ? null : why);
            TextMetrics.Role role = st == TaskState.RUNNING ? TextMetrics.Role.SEGMENT_BOLD : TextMetrics.Role.SEGMENT;
            double w = tm.width(text, role);
            // Left of the playhead: past it, a lane blocked for good only runs on to its mark.
            double x = labelPlace(Math.max(xa, left), Math.min(Math.min(xb, right), playhead - 4 * s), w, bar);
            if (!Double.isNaN(x)) {
                labels.add(new Scene.Label(role, text, vx(x), row.barTop(), w, row.barBottom() - row.barTop(),
                        lane.task(), from));
            }
        }
        run.flush();
    }

    /** Pixel columns of one state being merged into one segment (see {@link #segments}). */
    private final class Merged {
        private final int task;
        private TaskState state;
        private double x0;
        private double x1;
        private int from;
        private int to;

        Merged(int task) {
            this.task = task;
        }

        void add(TaskState st, double px, int f, int t) {
            if (state == st && px <= x1) {
                x1 = px + 1;
                to = t;
                return;
            }
            flush();
            state = st;
            x0 = px;
            x1 = px + 1;
            from = f;
            to = t;
        }

        void flush() {
            if (state != null) {
                segments.add(new Scene.Segment(task, state, -1, "", idx.time(from), idx.time(to), vx(x0), vx(x1), from,
                        to, true));
                state = null;
            }
        }
    }

    /**
     * Where a label of width w goes in [a, b] (absolute x), kept clear of the obstacles: the first
     * place from the left with room for it and a margin, or NaN. A label that fits stays where it
     * is as the segment grows: anything added later lies right of where it ends.
     */
    private static double labelPlace(double a, double b, double w, Obstacles obs) {
        double c = a;
        for (int guard = 0; guard <= obs.n + 1; guard++) {
            if (c + w + 12 > b) {
                return Double.NaN;
            }
            double hitEnd = obs.firstHitEnd(c + 5, c + w + 7);
            if (Double.isNaN(hitEnd)) {
                return c + 6;
            }
            c = hitEnd;
        }
        return Double.NaN;
    }

    // ------------------------------------------------------------------ latencies

    private void latencies(TraceIndex.Lane lane, Scene.LaneRow row, double left, double right) {
        int n = lane.noticesBelow(k);
        double y = row.y0() + (LAT_TOP + LAT_H / 2) * s;
        Obstacles lat = latStems[row.row()];
        List<Scene.Latency> mine = new ArrayList<>();
        double lastEnd = -1e300;
        int start = Math.max(0, lane.noticesBelow(axis.positionAtX(left - 200 * s)) - 64);
        int keptCount = 0;
        List<Scene.Label> keptLabels = new ArrayList<>();
        if (resuming()) {
            // Keep the brackets that end left of the settled line, and their labels.
            int resumeAt = -1;
            for (Scene.Latency l : rowLats) {
                if (l.x1() + view.viewStart() < settled) {
                    mine.add(l);
                    lastEnd = l.x1() + view.viewStart();
                    resumeAt = l.noticeIndex() + 1;
                } else {
                    break;
                }
            }
            keptCount = mine.size();
            if (resumeAt >= 0) {
                start = Math.max(start, lane.noticesBelow(resumeAt));
                for (Scene.Label l : rowLabels) {
                    if (l.role() == TextMetrics.Role.LATENCY && l.index() < resumeAt) {
                        keptLabels.add(l);
                    }
                }
            }
        }
        for (int j = start; j < n; j++) {
            int set = lane.noticedSet(j);
            int at = lane.noticeIndex(j);
            double xs = axis.x(set);
            double xn = axis.x(at);
            if (xn < left - 200 * s || xs > right) {
                continue;
            }
            if (xn - xs < 2 || xn - xs < 3 && xs < lastEnd + 6) {
                // Level of detail: a bracket too narrow to show as one, or crowded ones (a busy run
                // zoomed out); zoomed in, every one has its width.
                continue;
            }
            lastEnd = xn;
            Scene.Latency l = new Scene.Latency(lane.task(), log.event(set), idx.time(set), idx.time(at), vx(xs), vx(xn),
                    y, set, at);
            mine.add(l);
        }
        latencies.addAll(mine);
        // Labels: inside the bracket at its right end (where the task noticed), else just left of
        // the bracket where no other bracket, label or stem lies. Both depend on what came before
        // only, so a label never moves once shown.
        Obstacles taken = new Obstacles();
        for (Scene.Label l : keptLabels) {
            labels.add(l);
            double x = l.x() + view.viewStart();
            taken.add(x - 2, x + l.w() + 2);
        }
        for (int j = keptCount; j < mine.size(); j++) {
            Scene.Latency l = mine.get(j);
            double xs = l.x0() + view.viewStart();
            double xn = l.x1() + view.viewStart();
            String text = words.latency(l.tNotice() - l.tSet());
            double w = tm.width(text, TextMetrics.Role.LATENCY);
            double x;
            if (xn - xs >= w + 12) {
                x = xn - 6 - w;
            } else {
                x = xs - 5 - w;
            }
            boolean clear = !lat.hits(x - 1, x + w + 1) && !taken.hits(x - 2, x + w + 2) && x >= left;
            for (int o = 0; o < j && clear; o++) {
                Scene.Latency p = mine.get(o);
                clear = p.x1() + view.viewStart() + 2 < x || p.x0() + view.viewStart() - 2 > x + w;
            }
            if (clear) {
                taken.add(x - 2, x + w + 2);
                labels.add(new Scene.Label(TextMetrics.Role.LATENCY, text, vx(x), row.y0() + LAT_TOP * s, w, LAT_H * s,
                        lane.task(), l.noticeIndex()));
            }
        }
    }

    // ------------------------------------------------------------------ ruler

    private void bands(double left, double right) {
        int count = idx.instantCount();
        if (count == 0) {
            return;
        }
        int j = idx.instantOf(Math.max(0, axis.positionAtX(left) - 1));
        double y = BAND_LINE * s - STRIP_H * s / 2;
        if (resuming()) {
            // Keep the bands (and their labels) that end left of the settled line.
            int keptTo = -1;
            for (Scene.Band band : prev.bands()) {
                if (band.x1() + view.viewStart() >= settled) {
                    break;
                }
                bands.add(band);
                keptTo = band.firstIndex();
            }
            for (Scene.Label l : prev.labels()) {
                if (l.role() == TextMetrics.Role.BAND && l.index() <= keptTo) {
                    labels.add(l);
                }
            }
            j = Math.max(j, idx.instantOf(Math.max(0, axis.positionAtX(settled) - 1)));
            if (keptTo >= 0) {
                j = Math.max(j, idx.instantOf(keptTo) + 1);
            }
        }
        List<Scene.Label> marksOnRuler = new ArrayList<>();
        for (Scene.Label l : labels) {
            if (l.task() < 0) {
                marksOnRuler.add(l);
            }
        }
        for (; j < count; j++) {
            int first = idx.instantStart(j);
            int next = j + 1 < count ? idx.instantStart(j + 1) : idx.size();
            double s0 = idx.slots(first);
            double s1 = j + 1 < count ? idx.slots(next) : idx.slotsAt(idx.size());
            double t = idx.time(first);
            double x0 = axis.pixelsPerSecond() * t + axis.slotPixels() * s0;
            double x1 = axis.pixelsPerSecond() * t + axis.slotPixels() * s1;
            if (x0 > right) {
                break;
            }
            if (x1 - x0 < 1 || x1 < left) {
                // Under a pixel (a busy run zoomed out): nothing to see, nothing to hover. The
                // walk jumps to the instant at the next pixel, so a busy run costs per pixel.
                int at = idx.instantOf(Math.max(0, Math.min(idx.size(), axis.positionAtX(Math.floor(x0) + 1)) - 1));
                j = Math.max(j, at - 1);
                continue;
            }
            int steps = idx.stepsAt(next) - idx.stepsAt(first);
            bands.add(new Scene.Band(t, steps, s1 - s0, vx(x0), vx(x1), first));
            String text = words.band(t, steps);
            double w = tm.width(text, TextMetrics.Role.BAND);
            double lx = (x0 + x1 - w) / 2;
            if (x1 - x0 >= w + 8 && lx >= left && lx + w <= right) {
                Scene.Label l = new Scene.Label(TextMetrics.Role.BAND, text, vx(lx), y, w, STRIP_H * s, -1, first);
                boolean clear = true;
                for (Scene.Label o : marksOnRuler) {
                    clear &= !o.intersects(l);
                }
                for (Scene.Mark mk : marks) {
                    if (mk.task() < 0) {
                        clear &= mk.x() + mk.r() < l.x() || mk.x() - mk.r() > l.x() + l.w();
                    }
                }
                if (clear) {
                    labels.add(l);
                }
            }
        }
    }

    /** Ticks at round times (1, 2 or 5 times a power of ten) far enough apart for their labels. */
    private void ticks(double left, double right) {
        double pps = axis.pixelsPerSecond();
        double tTo = axis.timeAtX(right);
        double sample = Math.max(tTo, 1);
        double interval = 1e-6;
        int decimals = 6;
        // The widest label decides the spacing: try the next step until the labels fit, from
        // where a label of a few characters would just fit.
        int e0 = (int) Math.max(-9, Math.min(9, Math.floor(Math.log10(Math.max(1e-12, 20 * s / pps))) - 1));
        for (int e = e0; e <= 12; e++) {
            boolean found = false;
            for (int f : new int[] {1, 2, 5}) {
                double iv = f * Math.pow(10, e);
                int dec = Math.max(1, -e);
                double w = tm.width(words.tick(Math.floor(sample / iv) * iv, dec), TextMetrics.Role.TICK);
                if (iv * pps >= w + 16 * s) {
                    interval = iv;
                    decimals = dec;
                    found = true;
                    break;
                }
            }
            if (found) {
                break;
            }
        }
        double tFrom = axis.timeAtX(left);
        long m0 = (long) Math.ceil(tFrom / interval - 1e-9);
        double y = TICK_LINE * s - STRIP_H * s / 2;
        List<Scene.Tick> before = resuming() ? prev.ticks() : List.of();
        if (before.size() >= 2 && Math.abs(before.get(1).t() - before.get(0).t() - interval) < 1e-12
                && before.get(0).label().equals(words.tick(before.get(0).t(), decimals))) {
            // The same spacing as before: keep the ticks left of the settled line.
            for (Scene.Tick tk : before) {
                if (tk.x() + view.viewStart() >= settled) {
                    break;
                }
                ticks.add(tk);
                m0 = Math.round(tk.t() / interval) + 1;
            }
            for (Scene.Label l : prev.labels()) {
                if (l.role() == TextMetrics.Role.TICK && l.x() - 4 * s + view.viewStart() < settled
                        && ticks.size() > 0 && l.x() - 4 * s <= ticks.get(ticks.size() - 1).x() + 1e-9) {
                    labels.add(l);
                }
            }
        }
        // Up to the end of the run recorded so far: past it the axis is not known yet (a band may
        // yet come), and ticks there would shift as the run grows.
        double end = idx.size() == 0 ? 0 : idx.time(idx.size() - 1);
        for (long m = Math.max(0, m0); ; m++) {
            // Rounded to the interval's digits: 3 * 0.2 is 0.6000000000000001 in binary.
            double t = Math.round(m * interval * 1e9) / 1e9;
            double x = axis.xOfTime(t);
            if (x > right || t > end + 1e-9) {
                break;
            }
            if (x < left) {
                continue;
            }
            String text = words.tick(t, decimals);
            ticks.add(new Scene.Tick(t, vx(x), text));
            double w = tm.width(text, TextMetrics.Role.TICK);
            if (x + 4 * s + w <= right) {
                // A time cut by the right edge is left out; its tick stays.
                labels.add(new Scene.Label(TextMetrics.Role.TICK, text, vx(x + 4 * s), y, w, STRIP_H * s, -1, -1));
            }
            if (m > 10_000_000) {
                break;
            }
        }
    }

    /** X ranges in one strip of one row, kept few: a handful of arrows cross a row in view. */
    static final class Obstacles {
        private double[] a = EMPTY;
        private double[] b = EMPTY;
        private int n;
        private static final double[] EMPTY = new double[0];

        void add(double from, double to) {
            if (n == a.length) {
                if (n == 0) {
                    a = new double[8];
                    b = new double[8];
                } else {
                    a = Arrays.copyOf(a, n * 2);
                    b = Arrays.copyOf(b, n * 2);
                }
            }
            a[n] = from;
            b[n++] = to;
        }

        boolean hits(double from, double to) {
            for (int i = 0; i < n; i++) {
                if (a[i] < to && b[i] > from) {
                    return true;
                }
            }
            return false;
        }

        /** The furthest right end of the obstacles that hit [from, to], or NaN if none does. */
        double firstHitEnd(double from, double to) {
            double end = Double.NaN;
            for (int i = 0; i < n; i++) {
                if (a[i] < to && b[i] > from && !(b[i] <= end)) {
                    end = b[i];
                }
            }
            return end;
        }
    }
}
