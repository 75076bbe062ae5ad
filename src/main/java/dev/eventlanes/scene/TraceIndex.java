package dev.eventlanes.scene;

import dev.eventlanes.model.TaskState;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the lanes show, derived from a {@link TraceLog}: lane segments, marks, wake-up
 * arrows, latencies, event toggles, output lines, and each entry's place on the time axis.
 *
 * <p>Why an index instead of snapshots: every derived fact is appended in trace order together
 * with the trace index where it begins, so the picture at any earlier position {@code k} (the
 * first {@code k} entries) is found by binary search in each list. Scrubbing a run of millions of
 * entries is then O(lanes + events) x log n, and the index is built once, incrementally, by
 * {@link #sync()} as the simulation grows the log.
 *
 * <p><b>Where an entry is drawn.</b> Time is proportional on the axis; what happens at one
 * instant gets room in an <em>instant band</em> (see {@link Axis}). Each entry has a place in
 * <em>slots</em>, {@link #slots(int)}: a scheduler step takes one slot, or one per mark when it
 * makes several (a set() and a clear() in one step sit side by side), and a mark made outside any
 * step (a click from outside, a deadline expiring) takes a slot of its own. The x of an entry is
 * then {@code pixelsPerSecond * time + slotPixels * slots}: equal durations are equal widths, and
 * the slots are extra room, never time.
 *
 * <p>In a quiet run, the usual lesson, every slot is whole. In a busy stretch (a hundred tasks
 * starting at once, a run with thousands of steps a second) slots narrow as the steps crowd
 * ({@link #gap}), so the run is still drawn, and played, at about the chosen seconds per second;
 * zooming in shows the crowded steps apart.
 *
 * <p><b>Playback</b> moves along the same places: {@link #unitOf} is an entry's time plus its
 * slots at {@link #STEP_GAP} seconds each, so the playhead crosses a band step by step and time
 * at its own pace.
  */
public final class TraceIndex {
    /** How long one slot plays for, in playback units (as long as 0.4 virtual seconds). */
    public static final double STEP_GAP = 0.4;
    /** Steps per {@link #DENSITY_WINDOW} played at full length before they start to shrink. */
    public static final int FULL_STEPS = 12;
    /** Virtual seconds over which recent steps count towards the density. */
    public static final double DENSITY_WINDOW = 1.0;
    /** The shortest a step plays. */
    public static final double MIN_GAP = 0.001;
    private static final TaskState[] STATES = TaskState.values();
    private double density;

    /** What a mark on a lane stands for. */
    public enum MarkKind {
        /** {@code set()} that turned the event on (it may have woken tasks). */
        SET,
        /** {@code set()} on an event already set: nothing happens. */
        SET_AGAIN,
        /** {@code clear()} (asyncio). */
        CLEAR,
        /** {@code is_set()} (its result is the entry's value). */
        POLL,
        /** {@code wait()} on an event already set: it returned without blocking. */
        WAIT_SET,
        /** A cancellation delivered to the task (the entry's text says by what). */
        CANCEL,
        /** The task ended with an exception (the EXIT entry's text is its last line). */
        FAIL,
        /** A refused operation or a diagnostic. */
        ERROR,
        /** Drawn, never traced: a task blocked for good when the run ended in a deadlock. */
        FOREVER
    }

    private static final MarkKind[] MARK_KINDS = MarkKind.values();

    /** The code's name for each task (see {@link #TraceIndex(TraceLog, TaskNames)}). */
    public interface TaskNames {
        /** What the program calls task {@code task}, or null to use the trace's name. */
        String codeName(int task);

        /** A short literal first argument, as Python shows it ({@code 'A'}), or null. */
        String codeArg(int task);
    }

    /** One task's lane. */
    public static final class Lane {
        private final int task;
        private final String taskName;
        private String name;
        private final int parent;
        private final int spawnIndex;
        final IntList segStart = new IntList();
        final IntList segState = new IntList();
        final IntList segEvent = new IntList();
        final IntList lineAt = new IntList();
        final IntList lineVal = new IntList();
        final IntList marks = new IntList();
        final IntList markKind = new IntList();
        /** The step each mark was made in (the RUN entries up to it), to tell a step's marks apart. */
        final IntList markStep = new IntList();
        /** Moments the task noticed a set(): where (a RUN or a POLL) and the SET it noticed. */
        final IntList noticeAt = new IntList();
        final IntList noticeOf = new IntList();
        /** The SET whose wake-up this task has yet to act on (-1: none). */
        int pendingSet = -1;
        /** Per event: 1 if this task's last is_set() of it said True, 0 if False, -1 if never polled. */
        int[] lastPoll = new int[0];

        Lane(int task, String taskName, int parent, int spawnIndex) {
            this.task = task;
            this.taskName = taskName;
            this.name = taskName;
            this.parent = parent;
            this.spawnIndex = spawnIndex;
        }

        public int task() {
            return task;
        }

        /** The lane's name: what the code calls the task, told apart from its namesakes. */
        public String name() {
            return name;
        }

        /** The task's own name as the library knows it ({@code Task-3} for an unnamed asyncio task). */
        public String taskName() {
            return taskName;
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

        /** The trace index of mark m (marks are in trace order). */
        public int markIndex(int m) {
            return marks.get(m);
        }

        public MarkKind markKind(int m) {
            return MARK_KINDS[markKind.get(m)];
        }

        /** The number of scheduler steps begun by mark m's entry (marks of one step share it). */
        public int markStep(int m) {
            return markStep.get(m);
        }

        /** How many of this lane's marks are at trace indexes below {@code k}. */
        public int marksBelow(int k) {
            return marks.countBelow(k);
        }

        /** Where the task noticed a set(): the RUN after its wake-up, or a POLL that said True. */
        public int noticeIndex(int n) {
            return noticeAt.get(n);
        }

        /** The SET entry that notice {@code n} noticed. */
        public int noticedSet(int n) {
            return noticeOf.get(n);
        }

        public int noticesBelow(int k) {
            return noticeAt.countBelow(k);
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
        /** The last SET that turned this event on (-1: none yet), for a poller's latency. */
        int lastOn = -1;

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
     * task whose wait() it completed, in the order they were woken. The tasks' WAKE entries follow
     * the SET entry directly, so arrows are paired by adjacency, never by guessing (a waiter that
     * timed out earlier on the same event is not one of them).
     */
    public static final class Arrow {
        private final int index;
        private final int fromTask;
        private final int event;
        private int[] toTasks = new int[0];
        private int[] wakes = new int[0];

        Arrow(int index, int fromTask, int event) {
            this.index = index;
            this.fromTask = fromTask;
            this.event = event;
        }

        /** The SET entry. */
        public int index() {
            return index;
        }

        public int fromTask() {
            return fromTask;
        }

        public int event() {
            return event;
        }

        /** The woken tasks (a copy). */
        public int[] toTasks() {
            return toTasks.clone();
        }

        public int count() {
            return toTasks.length;
        }

        public int toTask(int j) {
            return toTasks[j];
        }

        /** The WAKE entry of the j-th woken task. */
        public int wakeIndex(int j) {
            return wakes[j];
        }

        void add(int task, int wake) {
            int n = toTasks.length;
            toTasks = Arrays.copyOf(toTasks, n + 1);
            wakes = Arrays.copyOf(wakes, n + 1);
            toTasks[n] = task;
            wakes[n] = wake;
        }
    }

    private final TraceLog log;
    private final TaskNames names;
    private int indexed;
    private double[] slots = new double[1024];
    /**
     * Each entry's time, copied from the log: drawing asks for the x of entries all over the run,
     * and the log keeps times once per change, found by a binary search each time.
     */
    private double[] times = new double[1024];
    private final IntList runs = new IntList();
    private final IntList output = new IntList();
    /** The first entry of each instant after the first (where the clock moved). */
    private final IntList clockJumps = new IntList();
    private final List<Lane> lanes = new ArrayList<>();
    private final List<EventTrack> events = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();
    private final IntList arrowAt = new IntList();
    /** Marks made from outside any task (a click's set()). */
    private final IntList outsideMarks = new IntList();
    private final IntList outsideKind = new IntList();
    private int[] waitingCount = new int[16];
    /** The set() whose wake-ups are being traced right now (they follow it directly), or null. */
    private Arrow openArrow;

    // The slot cursor (see the class comment).
    private double cur;
    private int stepTask = -1;
    private double stepStart;
    private double stepWidth;
    private int stepMarks;
    private boolean namesSettled = true;

    /** An index that names lanes as the trace does (SPAWN's text). */
    public TraceIndex(TraceLog log) {
        this(log, null);
    }

    /**
     * An index that names lanes after the code ({@link TaskNames}): a task's explicit name or its
     * coroutine function's, namesakes told apart by a short literal first argument
     * ({@code waiter('A')}) or else by number ({@code waiter #2}).
     */
    public TraceIndex(TraceLog log, TaskNames names) {
        this.log = log;
        this.names = names;
    }

    /** The index of a simulation's trace, its lanes named after the code (see {@link TaskNames}). */
    public static TraceIndex of(dev.eventlanes.model.Simulation sim) {
        dev.eventlanes.model.Loop loop = sim.loop();
        return new TraceIndex(sim.trace(), new TaskNames() {
            @Override
            public String codeName(int task) {
                dev.eventlanes.model.Task t = loop.task(task);
                return t == null ? null : t.codeName();
            }

            @Override
            public String codeArg(int task) {
                dev.eventlanes.model.Task t = loop.task(task);
                return t == null ? null : t.codeArg();
            }
        });
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
        if (n > slots.length) {
            slots = Arrays.copyOf(slots, Math.max(n, slots.length * 2));
            times = Arrays.copyOf(times, slots.length);
        }
        for (int i = indexed; i < n; i++) {
            index(i);
        }
        indexed = n;
        if (!namesSettled) {
            nameLanes();
        }
    }

    /**
     * How long a slot plays for (and so how wide it is, as a share of {@link #STEP_GAP}), given how
     * busy the run has been lately ({@code density}: steps in about the last virtual second,
     * decaying with virtual time). A quiet run, the usual lesson, gets {@link #STEP_GAP} per slot;
     * a burst (a hundred tasks starting at once) or a busy run gets narrower slots, so it still
     * plays at roughly the chosen virtual seconds per second.
     */
    static double gap(double density) {
        if (density <= FULL_STEPS) {
            return STEP_GAP;
        }
        double r = FULL_STEPS / density;
        return Math.max(MIN_GAP, STEP_GAP * r * r);
    }

    private static boolean isMark(TraceKind kind, TraceLog log, int i) {
        return switch (kind) {
            case SET, CLEAR, POLL, CANCEL -> true;
            case WAIT -> log.value(i) != 0;
            case EXIT -> !"done".equals(log.text(i)) && !"cancelled".equals(log.text(i));
            case ERROR -> true;
            default -> false;
        };
    }

    private MarkKind markKind(TraceKind kind, int i) {
        return switch (kind) {
            case SET -> "already set".equals(log.text(i)) ? MarkKind.SET_AGAIN : MarkKind.SET;
            case CLEAR -> MarkKind.CLEAR;
            case POLL -> MarkKind.POLL;
            case WAIT -> MarkKind.WAIT_SET;
            case CANCEL -> MarkKind.CANCEL;
            case EXIT -> MarkKind.FAIL;
            default -> MarkKind.ERROR;
        };
    }

    private void index(int i) {
        TraceKind kind = log.kind(i);
        double ti = log.time(i);
        times[i] = ti;
        double dt = i == 0 ? ti : ti - times[i - 1];
        if (dt > 0) {
            density *= Math.exp(-dt / DENSITY_WINDOW);
            if (i > 0) {
                clockJumps.add(i);
            }
        }
        int t = log.task(i);
        Lane lane = t >= 0 && t < lanes.size() ? lanes.get(t) : null;

        // The slot (see the class comment).
        boolean mark = isMark(kind, log, i);
        if (kind == TraceKind.RUN) {
            if (stepTask >= 0) {
                // The last step ended without a suspension on record (a run stopped inside it).
                cur = stepStart + stepWidth * Math.max(1, stepMarks);
            }
            density += 1;
            stepTask = t;
            stepStart = cur;
            stepWidth = gap(density) / STEP_GAP;
            stepMarks = 0;
            slots[i] = cur;
        } else if (mark && stepTask >= 0) {
            slots[i] = stepStart + stepWidth * (stepMarks + 0.5);
            stepMarks++;
            cur = slots[i];
        } else if (mark) {
            double w = gap(density) / STEP_GAP;
            slots[i] = cur + w / 2;
            cur += w;
        } else {
            slots[i] = cur;
        }
        if (stepTask >= 0 && t == stepTask && (kind == TraceKind.SUSPEND || kind == TraceKind.EXIT)) {
            // The step is over: it took a slot, or one per mark it made.
            cur = stepStart + stepWidth * Math.max(1, stepMarks);
            if (!mark) {
                slots[i] = cur;
            }
            stepTask = -1;
        }

        // Wake-ups of a set() follow it directly; anything else ends them.
        if (openArrow != null && !(kind == TraceKind.WAKE && log.event(i) == openArrow.event() && isSetWake(i))) {
            openArrow = null;
        }
        if (mark) {
            if (lane != null) {
                lane.marks.add(i);
                lane.markKind.add(markKind(kind, i).ordinal());
                lane.markStep.add(runs.size());
            } else if (t < 0) {
                outsideMarks.add(i);
                outsideKind.add(markKind(kind, i).ordinal());
            }
        }
        switch (kind) {
            case SPAWN -> {
                Lane l = new Lane(t, log.text(i), log.other(i), i);
                while (lanes.size() < t) {
                    lanes.add(null);
                }
                lanes.add(l);
                lane = l;
                segment(l, i, TaskState.READY, -1);
                namesSettled = false;
            }
            case RUN -> {
                runs.add(i);
                segment(lane, i, TaskState.RUNNING, -1);
                if (lane != null && lane.pendingSet >= 0) {
                    // The waiter acts on the set() that woke it: that is when it noticed.
                    lane.noticeAt.add(i);
                    lane.noticeOf.add(lane.pendingSet);
                    lane.pendingSet = -1;
                }
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
                if (openArrow != null && lane != null) {
                    openArrow.add(t, i);
                    lane.pendingSet = openArrow.index();
                } else if (lane != null) {
                    lane.pendingSet = -1;
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
                    EventTrack tr = track(e);
                    if (tr != null) {
                        tr.lastOn = i;
                    }
                    Arrow a = new Arrow(i, t, e);
                    arrows.add(a);
                    arrowAt.add(i);
                    openArrow = a;
                }
            }
            case CLEAR -> record(log.event(i), i, false);
            case POLL -> {
                if (lane != null) {
                    poll(lane, log.event(i), i, log.value(i) != 0);
                }
            }
            case PRINT -> output.add(i);
            case ERROR -> output.add(i);
            default -> {
                // WAIT, SLEEP, TIMER, CANCEL: drawn through their marks and the segments they cause.
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

    /** Whether WAKE entry i is a wait() completed by set() (not one ended by a cancellation). */
    private boolean isSetWake(int i) {
        return "event".equals(log.text(i));
    }

    /** A poll that says True after this task saw False (or never looked) noticed the last set(). */
    private void poll(Lane lane, int e, int i, boolean value) {
        if (e < 0) {
            return;
        }
        if (lane.lastPoll.length <= e) {
            int old = lane.lastPoll.length;
            lane.lastPoll = Arrays.copyOf(lane.lastPoll, Math.max(e + 1, old * 2));
            Arrays.fill(lane.lastPoll, old, lane.lastPoll.length, -1);
        }
        EventTrack tr = track(e);
        if (value && lane.lastPoll[e] != 1 && tr != null && tr.lastOn >= 0) {
            lane.noticeAt.add(i);
            lane.noticeOf.add(tr.lastOn);
        }
        lane.lastPoll[e] = value ? 1 : 0;
    }

    private EventTrack track(int e) {
        return e >= 0 && e < events.size() ? events.get(e) : null;
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
        EventTrack tr = track(e);
        if (tr != null) {
            boolean value = tr.valueAt.size() > 0 && tr.valueAt.last() != 0;
            record(e, i, value);
        }
    }

    private void record(int e, int i, boolean value) {
        EventTrack tr = track(e);
        if (tr == null) {
            return;
        }
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

    /**
     * Names the lanes after the code: namesakes are told apart by a short literal first argument
     * where that makes each unique ({@code waiter('A')}), else by number in spawn order
     * ({@code waiter #1}, {@code waiter #2}).
     */
    private void nameLanes() {
        namesSettled = true;
        Map<String, List<Lane>> byName = new HashMap<>();
        String[] base = new String[lanes.size()];
        String[] arg = new String[lanes.size()];
        for (Lane l : lanes) {
            if (l == null) {
                continue;
            }
            String b = names == null ? null : names.codeName(l.task);
            base[l.task] = b == null || b.isEmpty() ? l.taskName : b;
            arg[l.task] = names == null ? null : names.codeArg(l.task);
            byName.computeIfAbsent(base[l.task], k -> new ArrayList<>()).add(l);
        }
        for (List<Lane> group : byName.values()) {
            if (group.size() == 1) {
                group.get(0).name = base[group.get(0).task];
                continue;
            }
            Map<String, Integer> withArg = new HashMap<>();
            for (Lane l : group) {
                if (arg[l.task] != null) {
                    withArg.merge(arg[l.task], 1, Integer::sum);
                }
            }
            int n = 0;
            for (Lane l : group) {
                n++;
                String a = arg[l.task];
                l.name = a != null && withArg.get(a) == 1 ? base[l.task] + "(" + a + ")" : base[l.task] + " #" + n;
            }
        }
    }

    // ------------------------------------------------------------------ queries

    /** Playback position of entry i (see the class comment). */
    public double unitOf(int i) {
        return times[i] + STEP_GAP * slots[i];
    }

    /** The virtual time of entry i (as {@code log().time(i)}, without a search). */
    public double time(int i) {
        if (i >= indexed) {
            throw new IndexOutOfBoundsException(i);
        }
        return times[i];
    }

    /** Playback position after k entries. */
    public double unitAt(int k) {
        return k <= 0 || indexed == 0 ? 0 : unitOf(Math.min(k, indexed) - 1);
    }

    /** Virtual time after k entries. */
    public double timeAt(int k) {
        return k <= 0 || indexed == 0 ? 0 : times[Math.min(k, indexed) - 1];
    }

    /** Entry i's place in slots (see the class comment). */
    public double slots(int i) {
        return slots[i];
    }

    /** The slots taken after k entries: where the next thing would go. */
    public double slotsAt(int k) {
        if (k <= 0 || indexed == 0) {
            return 0;
        }
        return slots[Math.min(k, indexed) - 1];
    }

    /** The last position whose playback position is at most u (binary search; for playback and scrubbing). */
    public int positionAtUnit(double u) {
        int lo = 0;
        int hi = indexed;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (unitOf(mid) <= u) {
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

    /** Every set() that turned its event on, in trace order (most wake someone; see {@link Arrow}). */
    public List<Arrow> arrows() {
        return Collections.unmodifiableList(arrows);
    }

    /** The set()s made by the first k entries: the first this many of {@link #arrows()}. */
    public int arrowCountAt(int k) {
        return arrowAt.countBelow(k);
    }

    /** Marks made from outside any task (a click's set() or clear()), as trace indexes. */
    public int outsideMarkCount() {
        return outsideMarks.size();
    }

    public int outsideMarkIndex(int m) {
        return outsideMarks.get(m);
    }

    public MarkKind outsideMarkKind(int m) {
        return MARK_KINDS[outsideKind.get(m)];
    }

    public int outsideMarksBelow(int k) {
        return outsideMarks.countBelow(k);
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

    /** Instants: the first is entry 0; then one wherever the clock moved. */
    public int instantCount() {
        return indexed == 0 ? 0 : clockJumps.size() + 1;
    }

    /** The first entry of instant j. */
    public int instantStart(int j) {
        return j == 0 ? 0 : clockJumps.get(j - 1);
    }

    /** The instant entry i belongs to. */
    public int instantOf(int i) {
        return clockJumps.countBelow(i + 1);
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
