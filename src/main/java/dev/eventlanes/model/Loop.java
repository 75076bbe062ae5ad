package dev.eventlanes.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * The event loop on a virtual clock: asyncio's {@code BaseEventLoop._run_once}, one rule at a
 * time, never sleeping in real time.
 *
 * <p>How a pass works. The loop keeps a FIFO ready queue of callbacks and a heap of timers
 * ordered by (deadline, registration sequence). A pass first moves every due timer to the back of
 * the ready queue; if nothing is ready, the clock jumps to the earliest deadline first. Then it
 * runs exactly the callbacks that were queued when the pass began: anything they queue runs in
 * the next pass. A task's step is one such callback, so a task woken by {@code set()} runs after
 * the setter has suspended and after everything queued before it.
 *
 * <p>Contracts: time never goes backwards; a callback runs at most once; with the same
 * semantics, seed and inputs the sequence of callbacks is always the same (the only randomness,
 * trio's, comes from the seeded {@link Random}).
 *
 * <p>{@link #stepHandle()} runs one callback, {@link #step()} runs callbacks until one task has
 * stepped; {@link #advance()} runs one callback of a whole run; {@link #runToEnd()} loops over it.
 */
public final class Loop {
    /**
     * A real selector returns after a deadline, never before. The model wakes this much late so
     * that times print as real runs print them ({@code f"{t:.1f}"} of a wake-up at 0.15 s is
     * "0.2", as 0.1502 s would be) and so that sleeping in steps drifts as it does for real.
     */
    public static final double WAKE_LATENCY = 1e-6;
    public static final long DEFAULT_OP_LIMIT = 1_000_000;
    /**
     * Loop callbacks a run may take before it is stopped as endless (real Python would keep going:
     * a `while True: await sleep(1)` never finishes). Large enough for any classroom program.
     */
    public static final long DEFAULT_CALLBACK_LIMIT = 50_000_000;

    private final Semantics semantics;
    private final Random random;
    private double now;
    private final ReadyQueue ready = new ReadyQueue();
    private final PriorityQueue<TimerHandle> timers = new PriorityQueue<>();
    private long timerSeq;
    private int liveTimers;
    private int batchRemaining;
    private boolean stopping;
    private Task current;
    private final List<Task> tasks = new ArrayList<>();
    private final EventTable eventTable = new EventTable();
    private final List<TraceListener> listeners = new ArrayList<>();
    private TraceListener[] listenerArray = new TraceListener[0];
    /**
     * The listener when it is the only one and a {@link TraceLog} (the window's recording): called
     * directly, without the loop over listeners.
     */
    private TraceLog onlyLog;
    private long traceSeq;
    private long opsSinceSuspend;
    private long opLimit = DEFAULT_OP_LIMIT;
    private long callbackLimit = DEFAULT_CALLBACK_LIMIT;
    private int nextTaskNumber = 1;
    private long handlesRun;
    /** Cancel scope ids, as anyio shows {@code id(scope)} in hex; per loop so runs repeat exactly. */
    private int nextScopeId = 0x7f3a00;
    private long stepsRun;

    public Loop(Semantics semantics, long seed) {
        this.semantics = semantics;
        // Small seeds (0, 1, 2...) give java.util.Random nearly the same first draws: spread them.
        this.random = new Random(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    }

    public Semantics semantics() {
        return semantics;
    }

    public Random random() {
        return random;
    }

    /** The virtual time in seconds since the run started. */
    public double time() {
        return now;
    }

    /** Advances the clock while a task keeps running ({@code time.sleep()} blocking the loop). */
    public void blockFor(double seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("time cannot go backwards: blockFor(" + seconds + ")");
        }
        now += seconds;
    }

    public Task currentTask() {
        return current;
    }

    public List<Task> tasks() {
        return Collections.unmodifiableList(tasks);
    }

    /** Every event made on this loop, by id (handles made on demand: see {@link EventTable}). */
    public List<AsyncEvent> events() {
        return new java.util.AbstractList<>() {
            @Override
            public AsyncEvent get(int index) {
                return event(index);
            }

            @Override
            public int size() {
                return eventTable.size();
            }
        };
    }

    /** The event with this id. */
    public AsyncEvent event(int id) {
        if (id < 0 || id >= eventTable.size()) {
            throw new IndexOutOfBoundsException("no event " + id);
        }
        return new AsyncEvent(this, id);
    }

    EventTable eventTable() {
        return eventTable;
    }

    public long stepsRun() {
        return stepsRun;
    }

    public void setOpLimit(long limit) {
        this.opLimit = limit;
    }

    public long opLimit() {
        return opLimit;
    }

    /** Stops a run after this many loop callbacks in all (see {@link #DEFAULT_CALLBACK_LIMIT}). */
    public void setCallbackLimit(long limit) {
        this.callbackLimit = limit;
    }

    // ---------------------------------------------------------------- tracing

    public void addListener(TraceListener l) {
        listeners.add(l);
        listenersChanged();
    }

    public void removeListener(TraceListener l) {
        listeners.remove(l);
        listenersChanged();
    }

    private void listenersChanged() {
        listenerArray = listeners.toArray(new TraceListener[0]);
        onlyLog = listenerArray.length == 1 && listenerArray[0] instanceof TraceLog log ? log : null;
    }

    public boolean tracing() {
        return listenerArray.length != 0;
    }

    /** Emits one entry; the line is the task's current source line. */
    void trace(TraceKind kind, Task task, AsyncEvent event, Task other, String text) {
        trace(kind, task, event, other, 0.0, text);
    }

    void trace(TraceKind kind, Task task, AsyncEvent event, Task other, double value, String text) {
        // Small enough to be inlined everywhere: with nobody listening, a trace point costs a test.
        if (listenerArray.length != 0) {
            emit(kind, task, event, other, value, text);
        }
    }

    private void emit(TraceKind kind, Task task, AsyncEvent event, Task other, double value, String text) {
        int line = task == null || !task.hasLines ? 0 : task.coroutine().currentLine();
        long seq = traceSeq++;
        int tk = task == null ? -1 : task.id();
        int ev = event == null ? -1 : event.id();
        int ot = other == null ? -1 : other.id();
        String tx = text == null ? "" : text;
        TraceLog log = onlyLog;
        if (log != null) {
            log.onEntry(seq, now, kind, tk, ev, ot, line, value, tx);
            return;
        }
        for (TraceListener l : listenerArray) {
            l.onEntry(seq, now, kind, tk, ev, ot, line, value, tx);
        }
    }

    private java.util.function.Consumer<String> output;

    /** Where printed text goes as it is printed (the command line streams it to stdout). */
    public void setOutput(java.util.function.Consumer<String> output) {
        this.output = output;
    }

    /**
     * Records text the program printed, exactly as {@code print} wrote it (newline included),
     * so the window and the command line show the same output.
     */
    public void emitPrint(String text) {
        if (output != null) {
            output.accept(text);
        }
        trace(TraceKind.PRINT, current, null, null, text);
    }

    /** Records a refused operation or a diagnostic in the running task. */
    public void emitError(String text) {
        trace(TraceKind.ERROR, current, null, null, text);
    }

    // ---------------------------------------------------------------- tasks and events

    /** {@code create_task} / {@code start_soon}: the task's first step runs when the loop gets to it. */
    public Task spawn(Coroutine coro, String name) {
        int id = tasks.size();
        Task t = new Task(this, id, coro, name == null ? "Task-" + nextTaskNumber : name, current);
        nextTaskNumber++;
        tasks.add(t);
        trace(TraceKind.SPAWN, t, null, current, t.name());
        scheduleStep(t, null);
        return t;
    }

    /**
     * A task the library makes by itself around a bare coroutine ({@code ensure_future},
     * {@code gather}, {@code wait_for}): named {@code Task-N} as asyncio names it; its
     * {@link Task#codeName()} is the coroutine's qualified name.
     */
    public Task spawnWrapping(Coroutine coro) {
        Task t = spawn(coro, null);
        t.wrapper = true;
        return t;
    }

    /** The task with this id (ids count from 0 in spawning order, as {@link #tasks()} lists them). */
    public Task task(int id) {
        if (id < 0 || id >= tasks.size()) {
            throw new IndexOutOfBoundsException("no task " + id);
        }
        return tasks.get(id);
    }

    /** The number asyncio would give the next unnamed task ({@code Task-N}). */
    public int nextTaskNumber() {
        return nextTaskNumber;
    }

    public AsyncEvent newEvent(String name) {
        int id = eventTable.add(name == null ? "event" + eventTable.size() : name);
        AsyncEvent e = new AsyncEvent(this, id);
        trace(TraceKind.EVENT_NEW, current, e, null, e.name());
        return e;
    }

    /** {@code await sleep(delay)}. */
    public Coroutine sleep(double delay) {
        return new Sleep(this, delay);
    }

    public Future newFuture(WaitReason reason) {
        return new Future(this, reason);
    }

    Task enter(Task t) {
        Task prev = current;
        current = t;
        lastStepped = t;
        t.taskState = TaskState.RUNNING;
        opsSinceSuspend = 0;
        stepsRun++;
        trace(TraceKind.RUN, t, null, null, "");
        return prev;
    }

    void leave(Task previous) {
        current = previous;
    }

    /**
     * Counts operations of the running task and stops a task that never suspends. Task bodies
     * call this once per operation they perform.
     */
    public void countOps(int n) {
        opsSinceSuspend += n;
        if (opsSinceSuspend > opLimit) {
            throw new RunawayException(current, opLimit);
        }
    }

    // ---------------------------------------------------------------- scheduling

    void scheduleStep(Task t, PyException exc) {
        t.taskState = TaskState.READY;
        ready.add(ReadyQueue.STEP, t, exc);
    }

    /** Outside actions (a user's clicks) to apply when the loop reaches a callback count. */
    private final ArrayDeque<long[]> clickAt = new ArrayDeque<>();
    private final ArrayDeque<Runnable> clickActions = new ArrayDeque<>();

    /**
     * Applies {@code action} just before the loop runs its callback number {@code atHandle}
     * (or as soon as it next tries to run one). This is how a click made at some moment of a run
     * is replayed at exactly that moment, even in a program that runs its loop by itself.
     * Clicks must be scheduled in order of position.
     */
    public void scheduleClick(long atHandle, Runnable action) {
        clickAt.addLast(new long[] {atHandle});
        clickActions.addLast(action);
    }

    private void applyDueClicks() {
        while (!clickAt.isEmpty() && clickAt.peekFirst()[0] <= handlesRun) {
            clickAt.pollFirst();
            Runnable r = clickActions.pollFirst();
            Task prev = current;
            current = null;
            try {
                r.run();
            } finally {
                current = prev;
            }
        }
    }

    /** {@code call_soon(cb, future)}: a done-callback, run in a later pass. */
    public void callSoon(FutureCallback cb, Future fut) {
        if (cb instanceof Task waiter) {
            // A blocked task becomes ready: the wake-up the lanes draw as an arrow.
            waiter.taskState = TaskState.READY;
            if (fut.state == Future.CANCELLED) {
                // Not a set(), whatever it waited on: an arrow from a set() must not point here.
                traceCancelledWake(waiter, fut);
            } else if (fut.waitEvent != null) {
                trace(TraceKind.WAKE, waiter, fut.waitEvent, current, Double.NaN, WaitReason.EVENT_WORD);
            } else {
                WaitReason why = fut.reason;
                trace(TraceKind.WAKE, waiter, why.event(), current, why.deadline(), why.shortName());
            }
        }
        ready.add(ReadyQueue.CALLBACK, cb, fut);
    }

    private void traceCancelledWake(Task waiter, Future fut) {
        WaitReason why = fut.reason();
        // The canceller is the one the task's CANCEL entry named; without one (what it awaited
        // was cancelled, not this task) it is not known.
        trace(TraceKind.WAKE, waiter, why.event(), waiter.pendingCanceller(), why.deadline(), WaitReason.CANCELLED_WORD);
    }

    /** {@code call_soon(fn)}. */
    public void callSoon(Runnable fn) {
        ready.add(ReadyQueue.RUNNABLE, fn, null);
    }

    /** {@code call_at(when, fn)}. */
    public TimerHandle callAt(double when, Runnable fn) {
        TimerHandle h = new TimerHandle(when, timerSeq++, fn, current);
        timers.add(h);
        return h;
    }

    /** {@code call_later(delay, fn)}: deadline = now + delay, as asyncio computes it. */
    public TimerHandle callLater(double delay, Runnable fn) {
        return callAt(now + delay, fn);
    }

    /** True when nothing can happen any more: nothing ready, no live timer, no pass under way. */
    public boolean isIdle() {
        if (batchRemaining > 0 || !ready.isEmpty()) {
            return false;
        }
        dropCancelledTimers();
        return timers.isEmpty();
    }

    private void dropCancelledTimers() {
        while (!timers.isEmpty() && timers.peek().cancelled) {
            timers.poll();
        }
    }

    /**
     * Runs one callback, starting a new pass first if the current one is over.
     *
     * @return false if there was nothing to run (the loop is idle)
     */
    public boolean stepHandle() {
        applyDueClicks();
        if (batchRemaining == 0 && !beginPass()) {
            return false;
        }
        ReadyQueue q = ready;
        q.poll();
        batchRemaining--;
        handlesRun++;
        if (q.kind == ReadyQueue.STEP) {
            Task t = (Task) q.first;
            if (!t.isDone()) {
                t.step((PyException) q.second);
            }
        } else if (q.kind == ReadyQueue.CALLBACK) {
            // A task's wake-up is nearly every callback: call it directly, not through the interface.
            if (q.first instanceof Task t) {
                t.onDone((Future) q.second);
            } else {
                ((FutureCallback) q.first).onDone((Future) q.second);
            }
        } else {
            Task prev = current;
            current = null;
            try {
                ((Runnable) q.first).run();
            } finally {
                current = prev;
            }
        }
        return true;
    }

    /** Starts a pass: due timers join the queue (the clock jumps if nothing is ready). */
    private boolean beginPass() {
        dropCancelledTimers();
        if (ready.isEmpty()) {
            if (timers.isEmpty()) {
                return false;
            }
            double next = timers.peek().when;
            if (next + WAKE_LATENCY > now) {
                now = Math.max(now, next + WAKE_LATENCY);
            }
        }
        while (!timers.isEmpty() && timers.peek().when <= now) {
            TimerHandle t = timers.poll();
            if (t.cancelled) {
                continue;
            }
            trace(TraceKind.TIMER, t.owner, null, null, t.when, "");
            if (semantics.timersWakeDirectly()) {
                // trio: expired deadlines reschedule their tasks before the batch is taken.
                Task prev = current;
                current = null;
                t.callback.run();
                current = prev;
            } else {
                ready.add(ReadyQueue.RUNNABLE, t.callback, null);
            }
        }
        batchRemaining = ready.size();
        if (batchRemaining > 1 && semantics.shufflesBatches() && random.nextBoolean()) {
            // trio reverses each batch with probability 1/2 so no code relies on FIFO order.
            ready.reverseFront(batchRemaining);
        }
        return batchRemaining > 0;
    }

    private Task lastStepped;

    /** What the next callback will do, in words, or null if the loop is idle. */
    public String peek() {
        if (batchRemaining == 0 && ready.isEmpty()) {
            dropCancelledTimers();
            if (timers.isEmpty()) {
                return null;
            }
            return "advance the clock to " + formatTime(timers.peek().when);
        }
        Object first = ready.peekFirst();
        if (first == null) {
            return null;
        }
        if (ready.peekKind() == ReadyQueue.STEP) {
            return "run " + ((Task) first).name();
        }
        if (ready.peekKind() == ReadyQueue.CALLBACK && first instanceof Task t) {
            return "wake " + t.name();
        }
        return "run a loop callback";
    }

    // ---------------------------------------------------------------- whole runs

    private enum Phase { MAIN, SHUTDOWN, OVER }

    private Phase phase = Phase.MAIN;
    private Task mainTask;
    private List<Task> shuttingDown;
    private RunResult result;

    /**
     * Declares the main task: when it is done the run stops after finishing that pass, then
     * cancels every task still alive and runs until they are done, as {@code asyncio.run}'s
     * shutdown does. Without a main task the loop runs until idle and can be resumed by clicks.
     */
    public void setMain(Task main) {
        // A program may run several event loops one after another (two asyncio.run calls).
        this.mainTask = main;
        this.phase = Phase.MAIN;
        this.result = null;
        this.stopping = false;
        main.addDoneCallback(f -> stopping = true);
    }

    public Task mainTask() {
        return mainTask;
    }

    /**
     * Runs one callback of the run. Returns false when nothing more can happen: the run is over
     * ({@link #result()} says how), or, without a main task, the loop is idle until a click.
     */
    public boolean advance() {
        if (phase == Phase.OVER) {
            return false;
        }
        if (handlesRun >= callbackLimit) {
            return end(RunResult.endless(this, callbackLimit));
        }
        try {
            if (phase == Phase.MAIN) {
                if (mainTask != null && stopping && batchRemaining == 0) {
                    stopping = false;
                    phase = Phase.SHUTDOWN;
                    shuttingDown = new ArrayList<>();
                    for (Task t : tasks) {
                        if (!t.isDone()) {
                            shuttingDown.add(t);
                        }
                    }
                    for (Task t : shuttingDown) {
                        t.cancel(null, CancelCause.RUN_SHUTDOWN, null);
                    }
                    return true;
                }
                if (stepHandle()) {
                    return true;
                }
                if (mainTask == null) {
                    return false;
                }
                return end(mainTask.isDone() ? RunResult.finished(this, mainTask) : RunResult.deadlock(this, mainTask));
            }
            for (Task t : shuttingDown) {
                if (!t.isDone()) {
                    if (stepHandle()) {
                        return true;
                    }
                    return end(RunResult.deadlock(this, mainTask));
                }
            }
            return end(RunResult.finished(this, mainTask));
        } catch (RunawayException e) {
            return end(RunResult.runaway(e, this));
        }
    }

    private boolean end(RunResult r) {
        result = r;
        phase = Phase.OVER;
        return false;
    }

    /** How the run ended, or null while it can still go on. */
    public RunResult result() {
        return result;
    }

    /** Runs until the run is over (or, without a main task, until idle). */
    public RunResult runToEnd() {
        while (advance()) {
            // keep going
        }
        return result != null ? result : RunResult.finished(this, null);
    }

    /** {@code asyncio.run(main)}: spawn the main task and run until the run is over. */
    public RunResult runMain(Coroutine main, String name) {
        setMain(spawn(main, name));
        return runToEnd();
    }

    /**
     * Runs callbacks until one task has stepped.
     *
     * @return the task that stepped, or null if nothing could run
     */
    public Task step() {
        long before = stepsRun;
        while (stepsRun == before) {
            if (!advance()) {
                return null;
            }
        }
        return lastStepped;
    }

    /** Tasks that are blocked (waiting or sleeping), in creation order. */
    public List<Task> blockedTasks() {
        List<Task> out = new ArrayList<>();
        for (Task t : tasks) {
            if (!t.isDone() && (t.taskState == TaskState.WAITING || t.taskState == TaskState.SLEEPING)) {
                out.add(t);
            }
        }
        return out;
    }

    int nextScopeId() {
        return nextScopeId++;
    }

    public long handlesRun() {
        return handlesRun;
    }

    /** Virtual times as people read them: "2.0", "0.25", "1.333". */
    public static String formatTime(double t) {
        double r = Math.round(t * 1000.0) / 1000.0;
        String s = java.math.BigDecimal.valueOf(r).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }
}
