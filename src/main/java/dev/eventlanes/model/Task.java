package dev.eventlanes.model;

/**
 * A task: a {@link Coroutine} driven by the loop, itself a {@link Future} of the coroutine's
 * outcome. This is asyncio's {@code Task} rule for rule ({@code __step}, {@code __wakeup},
 * {@code cancel}); anyio (on asyncio) and the model's trio profile build on it.
 *
 * <p>Contract: a task is stepped only by the loop, once per scheduled step; every suspension on a
 * future registers exactly one wake-up on it; a cancel request either cancels the future the task
 * is blocked on or is remembered ({@code mustCancel}) and thrown in at the next step.
 */
public class Task extends Future implements FutureCallback {
    private final int id;
    private final Coroutine coro;
    /**
     * The body when it is a {@link JavaCoroutine}: stepped with a direct call (through the
     * interface, a loop stepping many kinds of bodies makes every step a table lookup).
     */
    private final JavaCoroutine javaCoro;
    /** Whether the body knows its source line ({@link Coroutine#hasLines()}). */
    final boolean hasLines;
    private String name;
    /** The name the program gave the task ({@link #setName}), or null. */
    private String givenName;
    /** True for a task the library made around a bare coroutine ({@link Loop#spawnWrapping}). */
    boolean wrapper;
    private final Task parent;
    private boolean mustCancel;
    private String taskCancelMessage;
    private Future futWaiter;
    private int numCancelsRequested;
    /**
     * A cancellation was asked for and traced, and this task has not run since: a second
     * request before it runs is the same delivery (one CancelledError), so it is not traced.
     */
    private boolean cancelPending;
    /** Who asked for the pending cancellation (null: a deadline, the loop, or outside any task). */
    private Task cancelBy;
    TaskState taskState = TaskState.READY;
    /** Library bookkeeping (anyio's TaskState: the task's innermost cancel scope). */
    CancelScope cancelScope;
    boolean started;

    Task(Loop loop, int id, Coroutine coro, String name, Task parent) {
        super(loop);
        this.id = id;
        this.coro = coro;
        this.javaCoro = coro instanceof JavaCoroutine j ? j : null;
        this.hasLines = coro.hasLines();
        this.name = name;
        this.parent = parent;
        this.reason = WaitReason.task(this);
    }

    public int id() {
        return id;
    }

    /**
     * The task's name as the library gives it, as the program's {@code get_name()} returns it
     * (asyncio's {@code Task-1}...).
     */
    public String name() {
        return name;
    }

    /**
     * The program names the task: {@code set_name()}, or the {@code name=} it was created with
     * ({@code create_task}, a task group's {@code create_task} or {@code start_soon}). From now on
     * both {@link #name()} and {@link #codeName()} say it.
     */
    public void setName(String name) {
        this.name = name;
        this.givenName = name;
    }

    /**
     * The task's name as the code calls it, for a lane: the name the program gave it
     * ({@link #setName}, or a scenario's task name), otherwise the name of the coroutine function
     * it runs ({@code worker}), never asyncio's {@code Task-N}. A task the library made by itself
     * around a coroutine (wait_for's inner task, gather's or ensure_future's) is called by the
     * coroutine's qualified name ({@code Event.wait}).
     */
    public String codeName() {
        if (givenName != null) {
            return givenName;
        }
        return wrapper ? coro.qualName() : coro.name();
    }

    /**
     * The first argument the task's coroutine function was called with, as a short literal's
     * repr ({@code 'A'}, {@code 3}), or null: see {@link Coroutine#codeArg()}.
     */
    public String codeArg() {
        return coro.codeArg();
    }

    public Task parent() {
        return parent;
    }

    public Coroutine coroutine() {
        return coro;
    }

    public TaskState state() {
        return taskState;
    }

    /** The future this task is blocked on, or null. */
    public Future waitingOn() {
        return futWaiter;
    }

    public boolean mustCancel() {
        return mustCancel;
    }

    public boolean hasStarted() {
        return started;
    }

    public CancelScope cancelScope() {
        return cancelScope;
    }

    /**
     * {@code task.cancel(msg)} called by the program: {@link #cancel(String, String, Task)} with
     * cause {@link CancelCause#TASK_CANCEL}, asked by the running task.
     */
    @Override
    public boolean cancel(String message) {
        return cancel(message, CancelCause.TASK_CANCEL, loop.currentTask());
    }

    /**
     * Requests cancellation, as {@code task.cancel(msg)}; false if the task is already done. The
     * first request since the task last ran is traced as a CANCEL entry on this task, with
     * {@code cause} as its text and {@code by} as the other task; a later one before the task
     * runs adds to {@link #cancelling()} but is the same delivery, and is not traced again.
     *
     * @param cause what caused it, one of {@link CancelCause}'s
     * @param by    the task that asked, or null for a deadline, the loop or a click
     */
    @Override
    public boolean cancel(String message, String cause, Task by) {
        if (isDone()) {
            return false;
        }
        numCancelsRequested++;
        if (!cancelPending) {
            cancelPending = true;
            cancelBy = by;
            loop.trace(TraceKind.CANCEL, this, null, by, cause);
        }
        // asyncio passes the cancellation on to what this task awaits (a task, a gather).
        if (futWaiter != null && futWaiter.cancel(message, CancelCause.AWAITER_CANCELLED, this)) {
            // Leave futWaiter: it may be a task that ignores the cancellation, to cancel again.
            return true;
        }
        // The step is already scheduled: throw the cancellation in when it runs.
        mustCancel = true;
        taskCancelMessage = message;
        return true;
    }

    /** {@code task.uncancel()}: undo one cancel request; returns the remaining count. */
    public int uncancel() {
        if (numCancelsRequested > 0) {
            numCancelsRequested--;
        }
        return numCancelsRequested;
    }

    public int cancelling() {
        return numCancelsRequested;
    }

    /** Who asked for the cancellation not yet delivered, for the trace; null if none or unknown. */
    Task pendingCanceller() {
        return cancelPending ? cancelBy : null;
    }

    /** The wake-up callback registered on the future this task blocked on. */
    @Override
    public void onDone(Future future) {
        PyException exc = null;
        if (future.state != FINISHED || future.peekException() != null) {
            // Only an outcome that raises needs asking: no try block on a plain wake-up.
            try {
                future.result();
            } catch (PyException e) {
                exc = e;
            }
        }
        step(exc);
    }

    /** One step: run the coroutine until it next suspends (asyncio's {@code Task.__step}). */
    void step(PyException exc) {
        if (isDone()) {
            throw new IllegalStateException("step() on a finished task " + name);
        }
        if (mustCancel) {
            if (exc == null || !exc.isCancellation()) {
                exc = loop.semantics().cancelledError(taskCancelMessage);
            }
            mustCancel = false;
        }
        futWaiter = null;
        started = true;
        // A cancellation asked for before now is delivered now, or was overtaken (what it
        // cancelled finished anyway): a new request is a new delivery.
        cancelPending = false;
        Task previous = loop.enter(this);
        Object r;
        try {
            JavaCoroutine j = javaCoro;
            if (j != null) {
                r = exc == null ? j.send(null) : j.throwIn(exc);
            } else {
                r = exc == null ? coro.send(null) : coro.throwIn(exc);
            }
        } catch (PyException e) {
            loop.leave(previous);
            if (e.isCancellation()) {
                super.cancel(e.args().isEmpty() ? null : String.valueOf(e.args().get(0)));
                finishTrace(TaskState.CANCELLED, null);
            } else {
                super.setException(e);
                finishTrace(TaskState.FAILED, e);
            }
            return;
        } catch (RunawayException e) {
            loop.leave(previous);
            throw e;
        }
        loop.leave(previous);
        if (r == Coroutine.RETURNED) {
            if (mustCancel) {
                // Cancelled right before the coroutine returned.
                mustCancel = false;
                super.cancel(taskCancelMessage);
                finishTrace(TaskState.CANCELLED, null);
            } else {
                super.setResult(coro.result());
                finishTrace(TaskState.DONE, null);
            }
        } else if (r == Coroutine.BARE_YIELD) {
            taskState = TaskState.READY;
            loop.trace(TraceKind.SUSPEND, this, null, null, "yield");
            loop.scheduleStep(this, null);
        } else if (r instanceof Future f) {
            if (f == this) {
                throw new IllegalStateException("task cannot await on itself");
            }
            f.addDoneCallback(this);
            futWaiter = f;
            if (f.waitEvent != null) {
                taskState = TaskState.WAITING;
                loop.trace(TraceKind.SUSPEND, this, f.waitEvent, null, Double.NaN, WaitReason.EVENT_WORD);
            } else {
                WaitReason why = f.reason;
                taskState = why.kind() == WaitReason.Kind.SLEEP ? TaskState.SLEEPING : TaskState.WAITING;
                loop.trace(TraceKind.SUSPEND, this, why.event(), why.task(), why.deadline(), why.shortName());
            }
            if (mustCancel && futWaiter.cancel(taskCancelMessage, CancelCause.AWAITER_CANCELLED, this)) {
                mustCancel = false;
            }
        } else {
            throw new IllegalStateException("coroutine " + coro.name() + " yielded " + r);
        }
    }

    private void finishTrace(TaskState end, PyException e) {
        taskState = end;
        loop.trace(TraceKind.EXIT, this, null, null,
                end == TaskState.FAILED ? e.type().name() + ": " + e.messageText() : end.name().toLowerCase());
    }

    @Override
    public String toString() {
        return "<Task " + name + " " + taskState + ">";
    }
}
