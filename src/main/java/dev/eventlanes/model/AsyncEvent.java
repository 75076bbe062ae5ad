package dev.eventlanes.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An async event: a flag plus the tasks waiting for it to become true. The problem it solves is
 * the lost wake-up: a task that wants to continue "once X has happened" can neither miss an
 * {@code X} that happened before it looked nor burn cycles polling for it.
 *
 * <ul>
 * <li>{@code set()} turns the flag on and wakes every current waiter; it never suspends the
 * setter, which keeps running until its own next await. Only false→true wakes anyone: setting a
 * set event does nothing. asyncio and anyio wake waiters in the order they called
 * {@code wait()}; trio in an order it keeps random by design (seeded here).</li>
 * <li>{@code wait()} returns at once if the flag is on: asyncio without yielding, anyio and trio
 * after one checkpoint. Otherwise the task blocks until the next {@code set()}.</li>
 * <li>{@code clear()} exists only in asyncio: it turns the flag off; a waiter already woken still
 * wakes (and sees {@code is_set() == False}). anyio and trio events are single-use on purpose: a
 * flag that can go back to false reintroduces the races an event is meant to remove (a waiter
 * woken by {@code set()} may find it cleared again), so there the way to "reset" is to replace
 * the Event with a new one, and calling {@code clear()} is an {@code AttributeError}.</li>
 * <li>{@code statistics().tasks_waiting}: anyio counts a woken waiter until it actually resumes
 * (asyncio keeps it in its waiter list until then); trio forgets the waiters inside {@code set()}.</li>
 * </ul>
 *
 * <p>An {@code AsyncEvent} is a handle: the flag and the waiters live in the loop's
 * {@link EventTable}, so handles on the same event are equal and the loop can find any event
 * again without keeping an object per event alive.
 */
public final class AsyncEvent {
    private final Loop loop;
    private final int id;

    /** A handle on row {@code id} of the loop's event table (see {@link EventTable}). */
    AsyncEvent(Loop loop, int id) {
        this.loop = loop;
        this.id = id;
    }

    public int id() {
        return id;
    }

    public String name() {
        return loop.eventTable().name(id);
    }

    /** {@code is_set()}, recorded as a poll. */
    public boolean isSet() {
        boolean value = loop.eventTable().value(id);
        loop.trace(TraceKind.POLL, loop.currentTask(), this, null, value ? 1 : 0, value ? "True" : "False");
        return value;
    }

    /** The flag, without recording a poll (for drawing the toggle). */
    public boolean peekValue() {
        return loop.eventTable().value(id);
    }

    /**
     * {@code statistics().tasks_waiting}. Waiters woken by a set() that have not resumed yet are
     * kept as a count rather than in the list (asyncio and anyio still count them), so that a set()
     * waking many waiters costs linear, not quadratic, time.
     */
    public int tasksWaiting() {
        EventTable t = loop.eventTable();
        return t.waiterCount(id) + t.wokenNotResumed(id);
    }

    /** The waiters' futures, in wait() order (a copy; for views). */
    public List<Future> waiters() {
        EventTable t = loop.eventTable();
        int n = t.waiterCount(id);
        List<Future> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(t.waiter(id, i));
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code set()}: wakes every current waiter; does nothing if already set. */
    public void set() {
        EventTable t = loop.eventTable();
        if (t.value(id)) {
            loop.trace(TraceKind.SET, loop.currentTask(), this, null, 0, "already set");
            return;
        }
        t.setValue(id, true);
        Object w = t.takeWaiters(id);
        if (w == null) {
            loop.trace(TraceKind.SET, loop.currentTask(), this, null, 0, "");
            return;
        }
        if (w instanceof Future single) {
            // One waiter, the common case (a handoff): no list at all.
            if (single.isDone()) {
                // Cancelled but not resumed yet: it stays, and removes itself when it resumes.
                t.putWaiters(id, single);
                loop.trace(TraceKind.SET, loop.currentTask(), this, null, 0, "");
                return;
            }
            loop.trace(TraceKind.SET, loop.currentTask(), this, null, 1, "");
            if (loop.semantics() != Semantics.TRIO) {
                t.addWoken(id, 1);
            }
            single.setResult(waitResult());
            return;
        }
        @SuppressWarnings("unchecked")
        ArrayList<Future> woken = (ArrayList<Future>) w;
        // A pending wait() in the list is one task blocked in it (a Wait is only ever driven by
        // the one task awaiting it), so n counts tasks woken, as the SET entry promises.
        int n = 0;
        for (int i = 0; i < woken.size(); i++) {
            if (!woken.get(i).isDone()) {
                n++;
            }
        }
        loop.trace(TraceKind.SET, loop.currentTask(), this, null, n, "");
        if (n != woken.size()) {
            // Waiters cancelled but not yet resumed stay behind, in their order; they remove
            // themselves when they resume.
            ArrayList<Future> stay = new ArrayList<>();
            int j = 0;
            for (int i = 0; i < woken.size(); i++) {
                Future f = woken.get(i);
                if (f.isDone()) {
                    stay.add(f);
                } else {
                    woken.set(j++, f);
                }
            }
            woken.subList(j, woken.size()).clear();
            t.putWaiters(id, stay);
        }
        if (n == 0) {
            return;
        }
        if (loop.semantics() == Semantics.TRIO) {
            // trio keeps waiters in a set and forgets them at once: statistics() says 0 now,
            // and the wake-up order is not the wait() order (seeded here).
            Collections.shuffle(woken, loop.random());
        } else {
            // asyncio keeps each woken future in its waiter list until that waiter resumes (it
            // removes it in a finally clause), so statistics() still counts it until then.
            t.addWoken(id, n);
        }
        Object r = waitResult();
        for (int i = 0; i < woken.size(); i++) {
            woken.get(i).setResult(r);
        }
        t.recycle(woken);
    }

    /**
     * {@code clear()}: asyncio only. anyio and trio raise the AttributeError Python raises,
     * carrying the hint of {@link Semantics#noClearHint()}.
     */
    public void clear() {
        if (!loop.semantics().eventsHaveClear()) {
            PyException e = loop.semantics().noClearError();
            loop.trace(TraceKind.ERROR, loop.currentTask(), this, null, 0,
                    e.type().name() + ": " + e.messageText() + " (" + loop.semantics().noClearHint() + ")");
            throw e;
        }
        loop.eventTable().setValue(id, false);
        loop.trace(TraceKind.CLEAR, loop.currentTask(), this, null, "");
    }

    /** {@code wait()}: a coroutine to await. */
    public Coroutine waitCoroutine() {
        return new Wait(this);
    }

    /** What {@code wait()} returns: True in asyncio, None in anyio and trio. */
    private Object waitResult() {
        return loop.semantics() == Semantics.ASYNCIO ? Boolean.TRUE : null;
    }

    /**
     * One call of {@code wait()}: the coroutine and, when it blocks, the future it blocks on, in one
     * object (asyncio's {@code Event.wait} makes one future per call, and so does this). As a
     * coroutine it runs to its end without suspending if the flag is on (anyio and trio after one
     * checkpoint); otherwise it joins the waiters and suspends on itself. {@code set()} resolves it
     * with the value {@code wait()} returns, so its future result and its coroutine result agree.
     */
    static final class Wait extends Future implements Coroutine {
        /** 0: not started; 1: waiting; 2: at the checkpoint of a set event; -1: over. */
        private int step;

        Wait(AsyncEvent event) {
            super(event.loop);
            waitEvent = event;
        }

        /**
         * True when this call of wait() is over and may serve as a new call on {@code event}: only
         * for an owner that never handed it out (see {@link JavaCoroutine#awaitWait}). Once over,
         * nothing else refers to it: the event forgot it when it resumed, and the task that
         * awaited it drops it at its next step.
         */
        boolean reusableFor(AsyncEvent event) {
            return step == -1 && loop == event.loop;
        }

        /** Starts over as a new call of wait() on {@code event}. */
        void rewind(AsyncEvent event) {
            resetForReuse();
            waitEvent = event;
            step = 0;
        }

        @Override
        public Object send(Object v) {
            switch (step) {
                case 0 -> {
                    EventTable t = loop.eventTable();
                    boolean value = t.value(waitEvent.id);
                    loop.trace(TraceKind.WAIT, loop.currentTask(), waitEvent, null, value ? 1 : 0, "");
                    if (value) {
                        if (!loop.semantics().waitOnSetEventCheckpoints()) {
                            return end();
                        }
                        step = 2;
                        return BARE_YIELD;
                    }
                    t.addWaiter(waitEvent.id, this);
                    step = 1;
                    return this;
                }
                case 1 -> {
                    leaveWaiters();
                    step = -1;
                    // Woken by set(), which resolved this future: result() is what wait() returns.
                    return RETURNED;
                }
                case 2 -> {
                    return end();
                }
                default -> throw new IllegalStateException("wait() resumed after it finished");
            }
        }

        @Override
        public Object throwIn(PyException exc) {
            if (step == 1) {
                leaveWaiters();
            }
            // Python: throwing into a coroutine that never ran raises at once, running none of it.
            step = -1;
            throw exc;
        }

        private void leaveWaiters() {
            EventTable t = loop.eventTable();
            if (isDone() && !isCancelled()) {
                if (loop.semantics() != Semantics.TRIO) {
                    t.addWoken(waitEvent.id, -1);
                }
            } else {
                t.removeWaiter(waitEvent.id, this);
            }
        }

        /** Finishes without having blocked: the future holds the return value, no one waited on it. */
        private Object end() {
            step = -1;
            setResult(waitEvent.waitResult());
            return RETURNED;
        }

        @Override
        public String name() {
            return "wait";
        }

        @Override
        public String qualName() {
            return "Event.wait";
        }
    }

    /** Two handles on the same row of the same loop are the same event. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncEvent e && e.id == id && e.loop == loop;
    }

    @Override
    public int hashCode() {
        return id;
    }

    @Override
    public String toString() {
        return "<Event " + name() + (peekValue() ? " set" : " unset") + ">";
    }
}
