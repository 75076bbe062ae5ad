package dev.eventlanes.scene;

import dev.eventlanes.model.TaskState;
import java.util.List;

/**
 * What the lanes show at one moment of a run, in one view: every band, tick, lane, segment, mark,
 * arrow, latency bracket and label, with its place in the picture's pixels (x from the view's
 * left edge, y from its top). Built by {@link SceneBuilder}; the window paints exactly this, a
 * headless render writes it as JSON beside its picture ({@code docs/scene-format.md}), and tests
 * hold it against the trace.
 *
 * @param axis       the zoom and the moment shown
 * @param bands      instant bands in view: room for what happens at one instant, not time
 * @param ticks      the ruler's times in view, at round intervals
 * @param lanes      the rows in view
 * @param segments   each lane's states over time
 * @param marks      set(), clear(), is_set(), wait() on a set event, cancellations, failures, errors
 * @param arrows     from each set() to each task whose wait() it completed
 * @param latencies  from a set() to where a task noticed it (woke and ran, or polled True)
 * @param labels     every text drawn on the lanes and the ruler; no two boxes intersect
 */
public record Scene(AxisInfo axis, List<Band> bands, List<Tick> ticks, List<LaneRow> lanes, List<Segment> segments,
                    List<Mark> marks, List<Arrow> arrows, List<Latency> latencies, List<Label> labels) {
    /** The version of the scene's JSON format. */
    public static final int VERSION = 1;

    /**
     * The same scene seen from a view starting at absolute x {@code viewStart} (a page turned, or
     * panned): every x moved by the difference. Compared with the scene of the new view, it says
     * what of the picture kept by tiles fixed to the axis must be painted again.
     */
    public Scene shifted(double viewStart) {
        return shifted(viewStart, Double.POSITIVE_INFINITY);
    }

    /** {@link #shifted(double)}, keeping only the items that start left of picture x {@code to} (new view). */
    public Scene shifted(double viewStart, double to) {
        double d = axis.viewStart() - viewStart;
        if (d == 0 && to == Double.POSITIVE_INFINITY) {
            return this;
        }
        AxisInfo a = new AxisInfo(axis.pixelsPerSecond(), axis.slotPixels(), viewStart, axis.width(), axis.height(),
                axis.rulerHeight(), axis.playheadX() + d, axis.time(), axis.position(), axis.timeFrom(), axis.timeTo());
        double lim = to - d;
        return new Scene(a,
                bands.stream().filter(b -> b.x0() - 5 <= lim)
                        .map(b -> new Band(b.t(), b.steps(), b.slots(), b.x0() + d, b.x1() + d, b.firstIndex())).toList(),
                ticks.stream().filter(t -> t.x() - 2 <= lim).map(t -> new Tick(t.t(), t.x() + d, t.label())).toList(),
                lanes,
                segments.stream().filter(s -> s.x0() - 4 <= lim)
                        .map(s -> new Segment(s.task(), s.state(), s.event(), s.why(), s.t0(), s.t1(), s.x0() + d,
                                s.x1() + d, s.fromIndex(), s.toIndex(), s.merged())).toList(),
                marks.stream().filter(m -> m.x() - m.r() - 4 <= lim)
                        .map(m -> new Mark(m.kind(), m.task(), m.event(), m.t(), m.x() + d, m.y(), m.r(), m.result(),
                                m.index())).toList(),
                arrows.stream().filter(r -> r.x1() - 12 <= lim)
                        .map(r -> new Arrow(r.event(), r.fromTask(), r.toTask(), r.t(), r.x1() + d, r.y1(), r.x2() + d,
                                r.y2(), r.bend(), r.setIndex(), r.wakeIndex())).toList(),
                latencies.stream().filter(l -> l.x0() - 4 <= lim)
                        .map(l -> new Latency(l.task(), l.event(), l.tSet(), l.tNotice(), l.x0() + d, l.x1() + d,
                                l.y(), l.setIndex(), l.noticeIndex())).toList(),
                labels.stream().filter(l -> l.x() - 3 <= lim)
                        .map(l -> new Label(l.role(), l.text(), l.x() + d, l.y(), l.w(), l.h(), l.task(), l.index()))
                        .toList());
    }

    /**
     * The items that reach into picture x [l, r] (with {@code pad} pixels to spare for strokes and
     * halos): what painting a piece of that stretch needs, without going through the rest.
     */
    public Scene within(double l, double r, double pad) {
        double a = l - pad;
        double b = r + pad;
        return new Scene(axis,
                bands.stream().filter(x -> x.x1() >= a && x.x0() <= b).toList(),
                ticks.stream().filter(x -> x.x() >= a && x.x() <= b).toList(),
                lanes,
                segments.stream().filter(x -> x.x1() >= a && x.x0() <= b).toList(),
                marks.stream().filter(x -> x.x() + x.r() >= a && x.x() - x.r() <= b).toList(),
                arrows.stream().filter(x -> x.x1() + x.bend() * 1.2 >= a && x.x1() <= b).toList(),
                latencies.stream().filter(x -> x.x1() >= a && x.x0() <= b).toList(),
                labels.stream().filter(x -> x.x() + x.w() >= a && x.x() <= b).toList());
    }

    /**
     * @param pixelsPerSecond how wide a virtual second is
     * @param slotPixels      how wide one slot of an instant band is
     * @param viewStart       the absolute x at the view's left edge (0 until the view turns a page)
     * @param width           the view's size
     * @param height          the view's size
     * @param rulerHeight     the ruler across the top
     * @param playheadX       where the playhead is
     * @param time            the virtual time at the playhead
     * @param position        the trace entries shown (the first this many)
     * @param timeFrom        the time at the view's left edge
     * @param timeTo          the time at the view's right edge
     */
    public record AxisInfo(double pixelsPerSecond, double slotPixels, double viewStart, double width, double height,
                           double rulerHeight, double playheadX, double time, int position, double timeFrom,
                           double timeTo) {
    }

    /**
     * An instant at which steps happen, drawn as a shaded band {@code slots} slots wide (a slot
     * per step or per mark; narrower where steps crowd).
     */
    public record Band(double t, int steps, double slots, double x0, double x1, int firstIndex) {
        // equals and hashCode written out: the window compares scenes every frame, and a record's
        // own go through method handles, slow in the window's C1-compiled JVM.
        @Override
        public boolean equals(Object o) {
            return o instanceof Band b && firstIndex == b.firstIndex && x0 == b.x0 && x1 == b.x1 && t == b.t
                    && steps == b.steps && slots == b.slots;
        }

        @Override
        public int hashCode() {
            return firstIndex;
        }
    }

    /** A time on the ruler. */
    public record Tick(double t, double x, String label) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Tick k && x == k.x && t == k.t && label.equals(k.label);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(t);
        }
    }

    /** A lane: a task's row, its bar from barTop to barBottom. */
    public record LaneRow(int task, String name, int row, double y0, double y1, double barTop, double barBottom) {
        public double barCenter() {
            return (barTop + barBottom) / 2;
        }
    }

    /**
     * A stretch of one task's life in one state, from trace entry {@code fromIndex} to
     * {@code toIndex} (-1: still going at the playhead).
     *
     * @param event the event a waiting task waits on, or -1
     * @param why    for a waiting task not on an event, the trace's word for what it waits for, else ""
     * @param merged whether it stands for several segments inside pixel columns (a busy run zoomed
     *               out), drawn in the state each column starts with
     */
    public record Segment(int task, TaskState state, int event, String why, double t0, double t1, double x0, double x1,
                          int fromIndex, int toIndex, boolean merged) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Segment g && fromIndex == g.fromIndex && task == g.task && x1 == g.x1 && x0 == g.x0
                    && toIndex == g.toIndex && state == g.state && event == g.event && t0 == g.t0 && t1 == g.t1
                    && merged == g.merged && why.equals(g.why);
        }

        @Override
        public int hashCode() {
            return fromIndex * 31 + task;
        }
    }

    /**
     * A mark at trace entry {@code index} on a task's bar (task -1: from outside, on the ruler).
     *
     * @param result per kind: the poll's True/False, the cancellation's cause, the failure, the message
     */
    public record Mark(TraceIndex.MarkKind kind, int task, int event, double t, double x, double y, double r,
                       String result, int index) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Mark m && index == m.index && task == m.task && kind == m.kind && x == m.x && y == m.y
                    && r == m.r && event == m.event && t == m.t && result.equals(m.result);
        }

        @Override
        public int hashCode() {
            return index * 31 + task;
        }
    }

    /**
     * A wake-up: from a set() ({@code setIndex}) to the task it woke ({@code wakeIndex}), straight
     * down or up at the set()'s x; in a fan-out, further arrows bow out to the right by up to
     * {@code bend} pixels so that each can be followed.
     */
    public record Arrow(int event, int fromTask, int toTask, double t, double x1, double y1, double x2, double y2,
                        double bend, int setIndex, int wakeIndex) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Arrow a && wakeIndex == a.wakeIndex && setIndex == a.setIndex && x1 == a.x1 && y1 == a.y1
                    && x2 == a.x2 && y2 == a.y2 && bend == a.bend && event == a.event && fromTask == a.fromTask
                    && toTask == a.toTask && t == a.t;
        }

        @Override
        public int hashCode() {
            return wakeIndex;
        }
    }

    /**
     * How long after a set() a task noticed it: from the set() at {@code tSet} to its next step
     * (a waiter) or to the poll that said True (a poller) at {@code tNotice}.
     */
    public record Latency(int task, int event, double tSet, double tNotice, double x0, double x1, double y,
                          int setIndex, int noticeIndex) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Latency l && noticeIndex == l.noticeIndex && task == l.task && x0 == l.x0 && x1 == l.x1
                    && y == l.y && setIndex == l.setIndex && event == l.event && tSet == l.tSet && tNotice == l.tNotice;
        }

        @Override
        public int hashCode() {
            return noticeIndex * 31 + task;
        }
    }

    /** A text drawn at (x, y), its box's top-left corner. */
    public record Label(TextMetrics.Role role, String text, double x, double y, double w, double h, int task,
                        int index) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Label l && index == l.index && task == l.task && x == l.x && y == l.y && role == l.role
                    && w == l.w && h == l.h && text.equals(l.text);
        }

        @Override
        public int hashCode() {
            return index * 31 + task;
        }
        public boolean intersects(Label o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }
    }
}
