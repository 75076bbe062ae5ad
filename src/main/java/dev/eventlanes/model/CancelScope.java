package dev.eventlanes.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A cancel scope (anyio 4 on asyncio, rule for rule; the trio profile uses it too): a region of
 * a task, and the tasks spawned into it, that can be cancelled together, directly by
 * {@link #cancel()} or when its deadline passes.
 *
 * <p>Cancelling delivers {@code task.cancel()} to every task inside that is blocked, and keeps
 * re-delivering once per loop pass while tasks remain inside (a task may catch the cancellation
 * and block again). A shielded scope stops delivery from outside. On exit, the scope swallows the
 * cancellation it caused ({@code move_on_after}) unless an enclosing scope is also cancelled.
 */
public final class CancelScope {
    private final Loop loop;
    private final int id;
    private double deadline;
    private boolean shield;
    private CancelScope parentScope;
    private final LinkedHashSet<CancelScope> childScopes = new LinkedHashSet<>();
    private boolean cancelCalled;
    private boolean cancelledCaught;
    private boolean active;
    private boolean used;
    private TimerHandle timeoutHandle;
    private boolean cancelHandleScheduled;
    final LinkedHashSet<Task> tasks = new LinkedHashSet<>();
    private Task hostTask;
    private int pendingUncancellations;
    /** What the trace says cancelled the scope's tasks when its deadline passes (see {@link CancelCause}). */
    private String deadlineCause = CancelCause.SCOPE_DEADLINE;
    /** Why the scope was cancelled and who asked, once it is: each task it cancels is told. */
    private String cancelCause;
    private Task cancelBy;

    public CancelScope(Loop loop, double deadline, boolean shield) {
        this.loop = loop;
        this.deadline = deadline;
        this.shield = shield;
        // Numbered per loop, not per JVM: the id is in the cancel message the trace records, and
        // two runs of one program must record the same trace.
        this.id = loop.nextScopeId();
    }

    /**
     * Says how the program made this scope, for the trace of a cancellation its deadline causes:
     * {@code move_on_after(1)} rather than the default {@link CancelCause#SCOPE_DEADLINE}.
     */
    public CancelScope madeBy(String deadlineCause) {
        this.deadlineCause = deadlineCause;
        return this;
    }

    /** The message anyio puts in the CancelledError it delivers; how it recognises its own. */
    String cancelMessage() {
        return "Cancelled by cancel scope " + Integer.toHexString(id);
    }

    /** {@code __enter__}: the current task is now inside this scope. */
    public CancelScope enter() {
        if (used) {
            throw PyException.of(ExcType.RUNTIME_ERROR, "Each CancelScope may only be used for a single 'with' block");
        }
        used = true;
        Task host = loop.currentTask();
        hostTask = host;
        tasks.add(host);
        parentScope = host.cancelScope;
        host.cancelScope = this;
        if (parentScope != null) {
            parentScope.childScopes.add(this);
            parentScope.tasks.remove(host);
        }
        timeout();
        active = true;
        if (cancelCalled) {
            deliverCancellation(this);
        }
        return this;
    }

    /**
     * {@code __exit__}: leaves the scope.
     *
     * @param exc the exception leaving the block, or null
     * @return true if the exception is swallowed (it was this scope's own cancellation)
     */
    public boolean exit(PyException exc) {
        if (!active) {
            throw PyException.of(ExcType.RUNTIME_ERROR, "This cancel scope is not active");
        }
        if (loop.currentTask() != hostTask) {
            throw PyException.of(ExcType.RUNTIME_ERROR,
                    "Attempted to exit cancel scope in a different task than it was entered in");
        }
        try {
            active = false;
            if (timeoutHandle != null) {
                timeoutHandle.cancel();
                timeoutHandle = null;
            }
            tasks.remove(hostTask);
            if (parentScope != null) {
                parentScope.childScopes.remove(this);
                parentScope.tasks.add(hostTask);
            }
            hostTask.cancelScope = parentScope;
            restartCancellationInParent();
            if (cancelCalled && !parentCancellationIsVisibleToUs()) {
                while (pendingUncancellations > 0) {
                    hostTask.uncancel();
                    pendingUncancellations--;
                }
                boolean cannotSwallow = false;
                if (exc != null) {
                    for (PyException e : iterateExceptions(exc)) {
                        if (e.isCancellation() && isOwnCancellation(e)) {
                            cancelledCaught = true;
                        } else {
                            cannotSwallow = true;
                        }
                    }
                }
                return cancelledCaught && !cannotSwallow;
            }
            if (pendingUncancellations > 0 && parentScope != null) {
                parentScope.pendingUncancellations += pendingUncancellations;
                pendingUncancellations = 0;
            }
            return false;
        } finally {
            hostTask = null;
        }
    }

    static List<PyException> iterateExceptions(PyException exc) {
        if (exc.exceptions().isEmpty() || !exc.isInstance(ExcType.BASE_EXCEPTION_GROUP)) {
            return List.of(exc);
        }
        List<PyException> out = new ArrayList<>();
        for (PyException e : exc.exceptions()) {
            out.addAll(iterateExceptions(e));
        }
        return out;
    }

    /** anyio's {@code is_anyio_cancellation}: a cancellation some cancel scope delivered. */
    static boolean isOwnCancellation(PyException exc) {
        for (PyException e = exc; e != null; ) {
            if (!e.args().isEmpty() && e.args().get(0) instanceof String s && s.startsWith("Cancelled by cancel scope ")) {
                return true;
            }
            PyException ctx = e.context();
            e = ctx != null && ctx.isCancellation() ? ctx : null;
        }
        return false;
    }

    boolean effectivelyCancelled() {
        for (CancelScope s = this; s != null; s = s.parentScope) {
            if (s.cancelCalled) {
                return true;
            }
            if (s.shield) {
                return false;
            }
        }
        return false;
    }

    private boolean parentCancellationIsVisibleToUs() {
        return parentScope != null && !shield && parentScope.effectivelyCancelled();
    }

    private void timeout() {
        if (deadline != Double.POSITIVE_INFINITY) {
            if (loop.time() >= deadline) {
                cancel(deadlineCause, null);
            } else {
                timeoutHandle = loop.callAt(deadline, this::timeout);
            }
        }
    }

    /**
     * Delivers cancellation to the tasks directly inside and to nested scopes; schedules another
     * delivery next pass while any task remains inside.
     */
    private boolean deliverCancellation(CancelScope origin) {
        boolean shouldRetry = false;
        Task current = loop.currentTask();
        for (Task task : List.copyOf(tasks)) {
            shouldRetry = true;
            if (task.mustCancel()) {
                continue;
            }
            if (task != current && (task == hostTask || (task.hasStarted() && !task.isDone()))) {
                Future waiter = task.waitingOn();
                if (waiter == null || !waiter.isDone()) {
                    task.cancel(origin.cancelMessage(), origin.cancelCause, origin.cancelBy);
                    if (task == origin.hostTask) {
                        origin.pendingUncancellations++;
                    }
                }
            }
        }
        for (CancelScope scope : List.copyOf(childScopes)) {
            if (!scope.shield && !scope.cancelCalled) {
                shouldRetry = scope.deliverCancellation(origin) || shouldRetry;
            }
        }
        if (origin == this) {
            if (shouldRetry) {
                cancelHandleScheduled = true;
                loop.callSoon(() -> deliverCancellation(origin));
            } else {
                cancelHandleScheduled = false;
            }
        }
        return shouldRetry;
    }

    private void restartCancellationInParent() {
        for (CancelScope scope = parentScope; scope != null; scope = scope.parentScope) {
            if (scope.cancelCalled) {
                if (!scope.cancelHandleScheduled) {
                    scope.deliverCancellation(scope);
                }
                break;
            }
            if (scope.shield) {
                break;
            }
        }
    }

    /** {@code cancel()} called by the program: cause {@link CancelCause#SCOPE_CANCEL}, asked by the running task. */
    public void cancel() {
        cancel(CancelCause.SCOPE_CANCEL, loop.currentTask());
    }

    /**
     * Cancels the scope; idempotent (a second call changes nothing, its cause included).
     *
     * @param cause what the trace says cancelled the scope's tasks ({@link CancelCause})
     * @param by    the task that asked, or null (a deadline)
     */
    public void cancel(String cause, Task by) {
        if (!cancelCalled) {
            cancelCause = cause;
            cancelBy = by;
            if (timeoutHandle != null) {
                timeoutHandle.cancel();
                timeoutHandle = null;
            }
            cancelCalled = true;
            if (hostTask != null) {
                deliverCancellation(this);
            }
        }
    }

    public double deadline() {
        return deadline;
    }

    public void setDeadline(double value) {
        deadline = value;
        // No longer the deadline move_on_after(...) set: the program's own.
        deadlineCause = CancelCause.SCOPE_DEADLINE;
        if (timeoutHandle != null) {
            timeoutHandle.cancel();
            timeoutHandle = null;
        }
        if (active && !cancelCalled) {
            timeout();
        }
    }

    public boolean cancelCalled() {
        return cancelCalled;
    }

    public boolean cancelledCaught() {
        return cancelledCaught;
    }

    public boolean shield() {
        return shield;
    }

    public void setShield(boolean value) {
        if (shield != value) {
            shield = value;
            if (!value) {
                restartCancellationInParent();
            }
        }
    }

    public Loop loop() {
        return loop;
    }
}
