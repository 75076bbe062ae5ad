package dev.eventlanes.model;

/**
 * Base for library coroutines written in Java as small state machines (an event's
 * {@code wait()}, {@code sleep()}, a task group's {@code __aexit__}).
 *
 * <p>A subclass implements {@link #resume(Object, PyException)}, switching on {@link #state}.
 * To await something it returns {@link #await(Object)}, which either suspends (returning what to
 * suspend on) or, when the awaited thing completes at once, re-enters {@code resume} with its
 * value. Sub-coroutines are driven here ({@code yield from}), so a subclass never forwards
 * send/throw itself.
 */
public abstract class JavaCoroutine implements Coroutine {
    /** Where the state machine is; subclasses own its meaning. 0 on the first resume. */
    protected int state;
    private Coroutine sub;
    private Future waitingOn;
    private Object result;
    /** False until the first send/throwIn: the body has not run a single line yet. */
    private boolean started;

    /**
     * One step of the state machine: the value the awaited thing produced, or the exception it
     * raised (exactly one of them is meaningful). Returns what to suspend on, or
     * {@link #finish(Object)}'s value.
     */
    protected abstract Object resume(Object value, PyException exc);

    @Override
    public final Object send(Object value) {
        started = true;
        if (sub != null) {
            Object r;
            try {
                r = sub.send(value);
            } catch (PyException e) {
                sub = null;
                return resume(null, e);
            }
            if (r != RETURNED) {
                return r;
            }
            Object v = sub.result();
            sub = null;
            return resume(v, null);
        }
        if (waitingOn != null) {
            // Future.__await__: after the wake-up, the awaiting side reads the outcome.
            Future f = waitingOn;
            waitingOn = null;
            Object v;
            try {
                v = f.result();
            } catch (PyException e) {
                return resume(null, e);
            }
            return resume(v, null);
        }
        return resume(value, null);
    }

    @Override
    public final Object throwIn(PyException exc) {
        if (!started) {
            // Python: throwing into a coroutine that never ran raises at once, running none of
            // its body (a task cancelled before its first step never starts its sleep or wait).
            started = true;
            state = -1;
            throw exc;
        }
        waitingOn = null;
        if (sub != null) {
            Object r;
            try {
                r = sub.throwIn(exc);
            } catch (PyException e) {
                sub = null;
                return resume(null, e);
            }
            if (r != RETURNED) {
                return r;
            }
            Object v = sub.result();
            sub = null;
            return resume(v, null);
        }
        return resume(null, exc);
    }

    /**
     * Awaits a {@link Future} or a {@link Coroutine}: suspends, or resumes at once if there is
     * nothing to wait for (a done future, a coroutine that finishes without suspending).
     */
    protected final Object await(Object awaitable) {
        // Coroutine first: an event's wait() is a coroutine that is also the future it blocks on.
        if (awaitable instanceof Coroutine c) {
            Object r;
            try {
                r = c.send(null);
            } catch (PyException e) {
                return resume(null, e);
            }
            if (r == RETURNED) {
                return resume(c.result(), null);
            }
            sub = c;
            return r;
        }
        Future f = (Future) awaitable;
        if (f.isDone()) {
            Object v;
            try {
                v = f.result();
            } catch (PyException e) {
                return resume(null, e);
            }
            return resume(v, null);
        }
        waitingOn = f;
        return f;
    }

    /** Suspends for one loop pass ({@code yield}); resume gets null. */
    protected final Object bareYield() {
        return BARE_YIELD;
    }

    /** Ends the coroutine with a return value. */
    protected final Object finish(Object value) {
        result = value;
        state = -1;
        return RETURNED;
    }

    @Override
    public Object result() {
        return result;
    }

    @Override
    public String name() {
        return getClass().getSimpleName();
    }
}
