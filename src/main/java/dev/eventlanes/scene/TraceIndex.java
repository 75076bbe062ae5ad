package dev.eventlanes.scene;

import dev.eventlanes.model.TaskState;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Everything the window draws, derived from a {@link TraceLog} alone: lane segments, poll marks,
 * wake-up arrows, event toggles, output lines and a layout position per entry.
 *
 * <p>Why an index instead of snapshots: every derived fact is appended in trace order together
 * with the trace index where it begins, so the picture at any earlier position {@code k} (the
 * first {@code k} entries) is found by binary search in each list. Scrubbing a run of millions of
 * entries is then O(lanes + events) x log n, and the index is built once, incrementally, by
 * {@link #sync()} as the simulation grows the log.
 *
 * <p>The horizontal axis is virtual time, dilated by scheduler steps: many steps happen at the
 * same virtual instant, so each step adds {@link #STEP_GAP} layout units (half before the RUN entry,
 * half after it) besides the seconds that pass; in busy stretches steps shrink (see {@link #gap}). A "unit" is one virtual second or one step gap.
 */
public final class TraceIndex {
    /** Layout units one scheduler step occupies (as wide as 0.4 virtual seconds). */
    public static final double STEP_GAP = 0.4;
    /** Steps per {@link #DENSITY_WINDOW} drawn at full width before they start to shrink. */
    public static final int FULL_STEPS = 12;
    /** Virtual seconds over which recent steps count towards the density. */
    public static final double DENSITY_WINDOW = 1.0;
    /** The narrowest a step gets. */
    public static final double MIN_GAP = 0.001;
    private static final TaskState[] STATES = TaskState.values();
    private double density;
    private double currentGap = STEP_GAP;

    /** One task's lane. */
    public static final class Lane {
        private final int task;
        private final String name;
        private final int parent;
        private final int spawnIndex;
        final IntList segStart = new IntList();
        final IntList segState = new IntList();
        final IntList segEvent = new IntList();
        final IntList lineAt = new IntList();
        final IntList lineVal = new IntList();
        final IntList polls = new IntList();

        Lane(int task, String name, int parent, int spawnIndex) {
            this.task = task;
            this.name = name;
            this.parent = parent;
            this.spawnIndex = spawnIndex;
        }

        public int task() {
            return task;
        }

        public String name() {
            return name;
        }

        public int parent() {
            return parent;
        }

        public int spawnIndex() {
            return spawnIndex;
        }

        public int segmentCount() {
            return segStart.size();
        }

        public int segmentStart(int s) {
            return segStart.get(s);
        }

        public TaskState segmentState(int s) {
            return STATES[segState.get(s)];
        }

        /** The event a WAITING segment waits on, or -1. */
        public int segmentEvent(int s) {
            return segEvent.get(s);
        }

        /** Index of the segment in force at position k (after k entries), or -1 before the spawn. */
        public int segmentAt(int k) {
            return segStart.countBelow(k) - 1;
        }

        public TaskState stateAt(int k) {
            int s = segmentAt(k);
            return s < 0 ? null : segmentState(s);
        }

        /** The source line the task was at, at position k, or 0. */
        public int lineAt(int k) {
            int i = lineAt.countBelow(k) - 1;
            return i < 0 ? 0 : lineVal.get(i);
        }

        public int pollCount() {
            return polls.size();
        }

        public int pollIndex(int p) {
            return polls.get(p);
        }

        /** How many of this lane's polls are at trace indexes below {@code k}. */
        public int pollsBelow(int k) {
            return polls.countBelow(k);
        }
    }

    /** One event's toggle over time. */
    public static final class EventTrack {
        private final int id;
        private final String name;
        private final int createdIndex;
        final IntList changeAt = new IntList();
        final IntList valueAt = new IntList();
        final IntList waitingAt = new IntList();

        EventTrack(int id, String name, int createdIndex) {
            this.id = id;
            this.name = name;
            this.createdIndex = createdIndex;
        }

        public int id() {
            return id;
        }

        public String name() {
            return name;
        }

        public int createdIndex() {
            return createdIndex;
        }

        private int at(int k) {
            return changeAt.countBelow(k) - 1;
        }

        public boolean isSetAt(int k) {
            int i = at(k);
            return i >= 0 && valueAt.get(i) != 0;
        }

        /** Tasks whose lanes are waiting on this event at position k. */
        public int waitingAt(int k) {
            int i = at(k);
            return i < 0 ? 0 : waitingAt.get(i);
        }
    }

    /**
     * A set() that woke tasks: one arrow from the setter's lane (-1: a click from outside) to each
     * woken lane. {@code toTasks} entries are -1 until the wake-up is indexed.
     */
    public record Arrow(int index, int fromTask, int event, int[] toTasks) {
    }

    private final TraceLog log;
    private int indexed;
    private double[] units = new double[1024];
    private final IntList runs = new IntList();
    private final IntList output = new IntList();
    private final IntList clockJumps = new IntList();
    private final List<Lane> lanes = new ArrayList<>();
    private final List<EventTrack> events = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();
    private final IntList arrowAt = new IntList();
    private int[] waitingCount = new int[16];
    /** Wake-ups per event since its last set(), to become the arrows of the next SET entry. */
    private final List<IntList> pendingWakes = new ArrayList<>();
    /** A set()'s arrow still collecting the WAKE entries that follow it, per event. */
    private Arrow[] openArrows = new Arrow[16];
    private int[] openFill = new int[16];

    public TraceIndex(TraceLog log) {
        this.log = log;
    }

    public TraceLog log() {
        return log;
    }

    /** Entries indexed so far (positions run from 0 to this). */
    public int size() {
        return indexed;
    }

    /** Indexes the entries the log gained since the last call. */
    public void sync() {
        int n = log.size();
        if (n > units.length) {
            units = Arrays.copyOf(units, Math.max(n, units.length * 2));
        }
        for (int i = indexed; i < n; i++) {
            index(i);
        }
        indexed = n;
    }

    /**
     * The width of a step, given how busy the run has been lately ({@code density}: steps in
     * about the last virtual second, decaying with virtual time). A quiet run, the usual lesson,
     * gets {@link #STEP_GAP} per step; a burst (a hundred tasks starting at once) or a busy run
     * gets narrower steps, so it still plays at roughly the chosen virtual seconds per second.
     */
    static double gap(double density) {
        if (density <= FULL_STEPS) {
            return STEP_GAP;
        }
        double r = FULL_STEPS / density;
        return Math.max(MIN_GAP, STEP_GAP * r * r);
    }

    private void index(int i) {
        TraceKind kind = log.kind(i);
        double prevU = i == 0 ? 0 : units[i - 1];
        double dt = i == 0 ? log.time(i) : log.time(i) - log.time(i - 1);
        double u = prevU + Math.max(0, dt);
        if (dt > 0) {
            density *= Math.exp(-dt / DENSITY_WINDOW);
        }
        if (kind == TraceKind.RUN) {
            density += 1;
            currentGap = gap(density);
            u += currentGap / 2;
        }
        if (i > 0 && log.kind(i - 1) == TraceKind.RUN) {
            u += currentGap / 2;
        }
        units[i] = u;
        if (dt > 0) {
            clockJumps.add(i);
        }
        int t = log.task(i);
        Lane lane = t >= 0 && t < lanes.size() ? lanes.get(t) : null;
        switch (kind) {
            case SPAWN -> {
                Lane l = new Lane(t, log.text(i), log.other(i), i);
                while (lanes.size() < t) {
                    lanes.add(null);
                }
                lanes.add(l);
                lane = l;
                segment(l, i, TaskState.READY, -1);
            }
            case RUN -> {
                runs.add(i);
                segment(lane, i, TaskState.RUNNING, -1);
            }
            case SUSPEND -> {
                String why = log.text(i);
                if ("yield".equals(why)) {
                    segment(lane, i, TaskState.READY, -1);
                } else if ("sleep".equals(why) || "forever".equals(why)) {
                    segment(lane, i, TaskState.SLEEPING, -1);
                } else {
                    segment(lane, i, TaskState.WAITING, log.event(i));
                }
            }
            case WAKE -> {
                segment(lane, i, TaskState.READY, -1);
                int e = log.event(i);
                if (e >= 0) {
                    Arrow open = openArrow(e);
                    if (open != null) {
                        // The model traces set() first, then one WAKE per waiter it woke.
                        open.toTasks()[openFill[e]++] = t;
                        if (openFill[e] == open.toTasks().length) {
                            openArrows[e] = null;
                        }
                    } else {
                        while (pendingWakes.size() <= e) {
                            pendingWakes.add(new IntList());
                        }
                        pendingWakes.get(e).add(t);
                    }
                }
            }
            case EXIT -> {
                String how = log.text(i);
                TaskState end = "done".equals(how) ? TaskState.DONE
                        : "cancelled".equals(how) ? TaskState.CANCELLED : TaskState.FAILED;
                segment(lane, i, end, -1);
            }
            case EVENT_NEW -> {
                int e = log.event(i);
                EventTrack tr = new EventTrack(e, log.text(i), i);
                while (events.size() < e) {
                    events.add(null);
                }
                events.add(tr);
                record(e, i, false);
            }
            case SET -> {
                int e = log.event(i);
                if (!"already set".equals(log.text(i))) {
                    record(e, i, true);
                }
                IntList woken = e >= 0 && e < pendingWakes.size() ? pendingWakes.get(e) : null;
                int n = (int) log.value(i);
                if (woken != null && woken.size() > 0 && n > 0) {
                    // Wake-ups traced before the set() (a model that reports them first).
                    int from = Math.max(0, woken.size() - n);
                    int[] to = new int[woken.size() - from];
                    for (int j = 0; j < to.length; j++) {
                        to[j] = woken.get(from + j);
                    }
                    arrows.add(new Arrow(i, t, e, to));
                    arrowAt.add(i);
                } else if (n > 0 && e >= 0) {
                    Arrow a = new Arrow(i, t, e, new int[n]);
                    java.util.Arrays.fill(a.toTasks(), -1);
                    arrows.add(a);
                    arrowAt.add(i);
                    if (e >= openArrows.length) {
                        openArrows = Arrays.copyOf(openArrows, Math.max(e + 1, openArrows.length * 2));
                        openFill = Arrays.copyOf(openFill, openArrows.length);
                    }
                    openArrows[e] = a;
                    openFill[e] = 0;
                }
                if (e >= 0 && e < pendingWakes.size()) {
                    pendingWakes.set(e, new IntList());
                }
            }
            case CLEAR -> record(log.event(i), i, false);
            case POLL -> {
                if (lane != null) {
                    lane.polls.add(i);
                }
            }
            case PRINT, ERROR -> output.add(i);
            default -> {
                // WAIT, SLEEP, TIMER, CANCEL: shown through the segments they cause.
            }
        }
        if (lane != null) {
            int ln = log.line(i);
            if (ln != 0 && (lane.lineVal.size() == 0 || lane.lineVal.last() != ln)) {
                lane.lineAt.add(i);
                lane.lineVal.add(ln);
            }
        }
    }

    private Arrow openArrow(int e) {
        return e < openArrows.length ? openArrows[e] : null;
    }

    private void segment(Lane lane, int i, TaskState state, int event) {
        if (lane == null) {
            return;
        }
        int n = lane.segState.size();
        if (n > 0) {
            int oldEvent = lane.segEvent.last();
            if (lane.segState.last() == state.ordinal() && oldEvent == event) {
                return;
            }
            if (lane.segState.last() == TaskState.WAITING.ordinal() && oldEvent >= 0) {
                changeWaiting(oldEvent, i, -1);
            }
        }
        lane.segStart.add(i);
        lane.segState.add(state.ordinal());
        lane.segEvent.add(event);
        if (state == TaskState.WAITING && event >= 0) {
            changeWaiting(event, i, +1);
        }
    }

    private void changeWaiting(int e, int i, int delta) {
        if (e >= waitingCount.length) {
            waitingCount = Arrays.copyOf(waitingCount, Math.max(e + 1, waitingCount.length * 2));
        }
        waitingCount[e] += delta;
        EventTrack tr = e < events.size() ? events.get(e) : null;
        if (tr != null) {
            boolean value = tr.valueAt.size() > 0 && tr.valueAt.last() != 0;
            record(e, i, value);
        }
    }

    private void record(int e, int i, boolean value) {
        if (e < 0 || e >= events.size() || events.get(e) == null) {
            return;
        }
        EventTrack tr = events.get(e);
        int w = e < waitingCount.length ? waitingCount[e] : 0;
        if (tr.changeAt.size() > 0 && tr.changeAt.last() == i) {
            int last = tr.changeAt.size() - 1;
            tr.valueAt.set(last, value ? 1 : 0);
            tr.waitingAt.set(last, w);
            return;
        }
        tr.changeAt.add(i);
        tr.valueAt.add(value ? 1 : 0);
        tr.waitingAt.add(w);
    }

    // ------------------------------------------------------------------ queries

    /** Layout position of entry i. */
    public double unitOf(int i) {
        return units[i];
    }

    /** Layout position of the playhead after k entries. */
    public double unitAt(int k) {
        return k <= 0 || indexed == 0 ? 0 : units[Math.min(k, indexed) - 1];
    }

    /** Virtual time after k entries. */
    public double timeAt(int k) {
        return k <= 0 || indexed == 0 ? 0 : log.time(Math.min(k, indexed) - 1);
    }

    /** The last position whose layout unit is at most u (binary search; for playback and scrubbing). */
    public int positionAtUnit(double u) {
        int lo = 0;
        int hi = indexed;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (units[mid] <= u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public List<Lane> lanes() {
        return Collections.unmodifiableList(lanes);
    }

    /** Lanes that exist after k entries: tasks are spawned in id order, so a prefix of {@link #lanes()}. */
    public int laneCountAt(int k) {
        int lo = 0;
        int hi = lanes.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Lane l = lanes.get(mid);
            if (l == null || l.spawnIndex < k) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public List<EventTrack> events() {
        return Collections.unmodifiableList(events);
    }

    public int eventCountAt(int k) {
        int n = 0;
        for (EventTrack e : events) {
            if (e != null && e.createdIndex < k) {
                n++;
            }
        }
        return n;
    }

    public List<Arrow> arrows() {
        return Collections.unmodifiableList(arrows);
    }

    /** Arrows drawn after k entries: the first this many of {@link #arrows()}. */
    public int arrowCountAt(int k) {
        return arrowAt.countBelow(k);
    }

    /** Output entries (PRINT and ERROR) visible after k entries: the first this many. */
    public int outputCountAt(int k) {
        return output.countBelow(k);
    }

    public int outputIndex(int n) {
        return output.get(n);
    }

    /** Number of scheduler steps (RUN entries) among the first k entries. */
    public int stepsAt(int k) {
        return runs.countBelow(k);
    }

    public int stepCount() {
        return runs.size();
    }

    /** Index of the RUN entry of step s (from 0). */
    public int runIndex(int s) {
        return runs.get(s);
    }

    /** Entries where the clock moved, for the ruler. */
    public int clockJumpCount() {
        return clockJumps.size();
    }

    public int clockJump(int j) {
        return clockJumps.get(j);
    }

    public int clockJumpsBelow(int k) {
        return clockJumps.countBelow(k);
    }

    // ------------------------------------------------------------------ line changes (for Step line)

    /*
     * Added for the window's Step line (Shift+right arrow), which stops at every moment a task
     * reaches a new source line: a query over the lanes' line changes ({@link Lane#lineAt}), kept
     * apart from the index proper. Position p shows entries below p, so a change recorded at
     * entry i is first seen at position i + 1.
     */

    /** The first position after k at which some task has just reached a new source line, or -1. */
    public int nextLineChange(int k) {
        int best = -1;
        for (Lane l : lanes) {
            if (l == null) {
                continue;
            }
            int c = l.lineAt.countBelow(k);
            if (c < l.lineAt.size()) {
                int p = l.lineAt.get(c) + 1;
                if (best < 0 || p < best) {
                    best = p;
                }
            }
        }
        return best;
    }

    /** The last position before k at which some task had just reached a new source line, or -1. */
    public int previousLineChange(int k) {
        int best = -1;
        for (Lane l : lanes) {
            if (l == null) {
                continue;
            }
            int c = l.lineAt.countBelow(k - 1);
            if (c > 0) {
                best = Math.max(best, l.lineAt.get(c - 1) + 1);
            }
        }
        return best;
    }
}
