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
    /** The last wait() this coroutine awaited with {@link #awaitWait}, reused once it is over. */
    private AsyncEvent.Wait spareWait;
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
            return drive(sub, value, null);
        }
        if (waitingOn != null) {
            // Future.__await__: after the wake-up, the awaiting side reads the outcome.
            Future f = waitingOn;
            waitingOn = null;
            return resumeWith(f);
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
            return drive(sub, null, exc);
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
            return drive(c, null, null);
        }
        Future f = (Future) awaitable;
        if (f.isDone()) {
            return resumeWith(f);
        }
        waitingOn = f;
        return f;
    }

    /**
     * {@code await event.wait()}, exactly as {@code await(event.waitCoroutine())}, but without
     * making a new wait() object each time: the body never sees the object, so once a wait is
     * over it can serve as the next. A task waiting in a loop then allocates nothing per wait.
     */
    protected final Object awaitWait(AsyncEvent event) {
        AsyncEvent.Wait w = spareWait;
        if (w != null && w.reusableFor(event)) {
            w.rewind(event);
        } else {
            w = new AsyncEvent.Wait(event);
            spareWait = w;
        }
        return drive(w, null, null);
    }

    /**
     * {@code yield from c}: sends {@code value} into {@code c} (or throws {@code exc} in); if it
     * suspends, this coroutine suspends on the same thing and keeps driving it; if it finishes
     * or raises, this coroutine resumes with its outcome.
     */
    private Object drive(Coroutine c, Object value, PyException exc) {
        Object r;
        try {
            r = exc == null ? c.send(value) : c.throwIn(exc);
        } catch (PyException e) {
            sub = null;
            return resume(null, e);
        }
        if (r != RETURNED) {
            sub = c;
            return r;
        }
        sub = null;
        return resume(c.result(), null);
    }

    /** Resumes with a done future's result, or with the exception it holds. */
    private Object resumeWith(Future f) {
        Object v;
        try {
            v = f.result();
        } catch (PyException e) {
            return resume(null, e);
        }
        return resume(v, null);
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
