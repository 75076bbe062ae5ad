package dev.eventlanes.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-shot result slot, as asyncio's {@code Future}: pending, then finished (with a result or
 * an exception) or cancelled. Completing it schedules its done-callbacks on the loop (they run one
 * pass later, never inside the completing call): that is how {@code set()} queues the waiters
 * instead of running them, and why the setter keeps running until its own next await.
 */
public class Future {
    static final int PENDING = 0;
    static final int FINISHED = 1;
    static final int CANCELLED = 2;

    protected final Loop loop;
    int state = PENDING;
    private Object result;
    private PyException exception;
    private String cancelMessage;
    /** Usually zero or one callback: an array list with lazy creation keeps that cheap. */
    private Object callbacks;
    /** What a task blocked here is waiting for (see {@link #waitEvent} for an event's wait). */
    WaitReason reason = WaitReason.OTHER;
    /**
     * The event, when this future is an event's wait(). Kept instead of a WaitReason made per
     * wait: a program waiting on a fresh event each round would make one per handoff.
     */
    AsyncEvent waitEvent;

    public Future(Loop loop) {
        this.loop = loop;
    }

    public Future(Loop loop, WaitReason reason) {
        this.loop = loop;
        this.reason = reason;
    }

    public Loop loop() {
        return loop;
    }

    public WaitReason reason() {
        return waitEvent != null ? WaitReason.event(waitEvent) : reason;
    }

    public void setReason(WaitReason reason) {
        this.reason = reason;
        this.waitEvent = null;
    }

    public boolean isDone() {
        return state != PENDING;
    }

    public boolean isCancelled() {
        return state == CANCELLED;
    }

    /** The result; raises the stored exception, or CancelledError if cancelled (asyncio). */
    public Object result() {
        if (state == CANCELLED) {
            throw makeCancelledError();
        }
        if (state == PENDING) {
            throw PyException.of(ExcType.INVALID_STATE_ERROR, "Result is not ready.");
        }
        if (exception != null) {
            throw exception;
        }
        return result;
    }

    /** {@code exception()}: the stored exception or null; raises CancelledError if cancelled. */
    public PyException exception() {
        if (state == CANCELLED) {
            throw makeCancelledError();
        }
        if (state == PENDING) {
            throw PyException.of(ExcType.INVALID_STATE_ERROR, "Exception is not set.");
        }
        return exception;
    }

    /** The exception without raising anything (null if none, or still pending). */
    public PyException peekException() {
        return exception;
    }

    public String cancelMessage() {
        return cancelMessage;
    }

    protected PyException makeCancelledError() {
        return loop.semantics().cancelledError(cancelMessage);
    }

    /** Pending again, with no outcome and no callback: for a finished future nobody refers to any more. */
    void resetForReuse() {
        state = PENDING;
        result = null;
        exception = null;
        cancelMessage = null;
        callbacks = null;
    }

    public void setResult(Object value) {
        if (state != PENDING) {
            throw PyException.of(ExcType.INVALID_STATE_ERROR, "invalid state");
        }
        result = value;
        state = FINISHED;
        scheduleCallbacks();
    }

    public void setException(PyException exc) {
        if (state != PENDING) {
            throw PyException.of(ExcType.INVALID_STATE_ERROR, "invalid state");
        }
        exception = exc;
        state = FINISHED;
        scheduleCallbacks();
    }

    /** Cancels a pending future; false if it was already done. */
    public boolean cancel(String message) {
        if (state != PENDING) {
            return false;
        }
        state = CANCELLED;
        cancelMessage = message;
        scheduleCallbacks();
        return true;
    }

    /**
     * {@link #cancel(String)}, saying for the trace what caused it and who asked: a task records
     * them in a CANCEL entry ({@link Task#cancel(String, String, Task)}), a gather passes them
     * to its children, a plain future has nothing to record.
     *
     * @param cause what caused it, one of {@link CancelCause}'s
     * @param by    the task that asked, or null for a deadline, the loop or a click
     */
    public boolean cancel(String message, String cause, Task by) {
        return cancel(message);
    }

    public void addDoneCallback(FutureCallback cb) {
        if (state != PENDING) {
            loop.callSoon(cb, this);
            return;
        }
        if (callbacks == null) {
            callbacks = cb;
        } else if (callbacks instanceof ArrayList<?> list) {
            @SuppressWarnings("unchecked")
            ArrayList<FutureCallback> l = (ArrayList<FutureCallback>) list;
            l.add(cb);
        } else {
            ArrayList<FutureCallback> l = new ArrayList<>(4);
            l.add((FutureCallback) callbacks);
            l.add(cb);
            callbacks = l;
        }
    }

    public int removeDoneCallback(FutureCallback cb) {
        if (callbacks == cb) {
            callbacks = null;
            return 1;
        }
        if (callbacks instanceof ArrayList<?> list) {
            int before = list.size();
            list.removeIf(x -> x == cb);
            return before - list.size();
        }
        return 0;
    }

    private void scheduleCallbacks() {
        Object cbs = callbacks;
        if (cbs == null) {
            return;
        }
        callbacks = null;
        if (cbs instanceof ArrayList<?> list) {
            for (Object cb : List.copyOf(list)) {
                loop.callSoon((FutureCallback) cb, this);
            }
        } else {
            loop.callSoon((FutureCallback) cbs, this);
        }
    }
}
