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
 */
public final class AsyncEvent {
    private final Loop loop;
    private final int id;
    private final String name;
    private boolean value;
    /** Futures of the current waiters, in the order they called wait(). */
    // Made on first use: a program may create an event per round (ping-pong) and most are
    // waited on once or never, so an event costs a few words until someone waits.
    private ArrayList<Future> waiters = EMPTY;
    /** An empty list to swap in during set(), so that waking a batch allocates nothing. */
    private ArrayList<Future> spare;
    /** Why a waiter blocks here: made once, shared by every wait(). */
    private WaitReason waitReason;
    private static final ArrayList<Future> EMPTY = new ArrayList<>(0);

    AsyncEvent(Loop loop, int id, String name) {
        this.loop = loop;
        this.id = id;
        this.name = name;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** {@code is_set()}, recorded as a poll. */
    public boolean isSet() {
        loop.trace(TraceKind.POLL, loop.currentTask(), this, null, value ? 1 : 0, value ? "True" : "False");
        return value;
    }

    /** The flag, without recording a poll (for drawing the toggle). */
    public boolean peekValue() {
        return value;
    }

    /**
     * Waiters woken by a set() that have not resumed yet (asyncio and anyio still count them).
     * Kept as a count rather than in the list so that a set() waking many waiters costs linear,
     * not quadratic, time.
     */
    private int wokenNotResumed;

    /** {@code statistics().tasks_waiting}. */
    public int tasksWaiting() {
        return waiters.size() + wokenNotResumed;
    }

    /** The waiters' futures, in wait() order (read-only; for views). */
    public List<Future> waiters() {
        return Collections.unmodifiableList(waiters);
    }

    /** {@code set()}: wakes every current waiter; does nothing if already set. */
    public void set() {
        if (value) {
            loop.trace(TraceKind.SET, loop.currentTask(), this, null, 0, "already set");
            return;
        }
        value = true;
        int n = 0;
        for (int i = 0; i < waiters.size(); i++) {
            if (!waiters.get(i).isDone()) {
                n++;
            }
        }
        loop.trace(TraceKind.SET, loop.currentTask(), this, null, n, "");
        if (n == 0) {
            return;
        }
        // Swap in the spare list: the current one becomes the batch to wake. Waiters cancelled
        // but not yet resumed stay behind; they remove themselves when they resume.
        ArrayList<Future> woken = waiters;
        waiters = spare != null ? spare : new ArrayList<>();
        spare = woken;
        if (n != woken.size()) {
            for (int i = woken.size() - 1; i >= 0; i--) {
                if (woken.get(i).isDone()) {
                    waiters.add(woken.remove(i));
                }
            }
            Collections.reverse(waiters);
        }
        if (loop.semantics() == Semantics.TRIO) {
            // trio keeps waiters in a set and forgets them at once: statistics() says 0 now,
            // and the wake-up order is not the wait() order (seeded here).
            Collections.shuffle(woken, loop.random());
        } else {
            // asyncio keeps each woken future in its waiter list until that waiter resumes (it
            // removes it in a finally clause), so statistics() still counts it until then.
            wokenNotResumed += n;
        }
        for (int i = 0; i < woken.size(); i++) {
            woken.get(i).setResult(Boolean.TRUE);
        }
        woken.clear();
        if (waiters.isEmpty()) {
            // A set event rarely gets waiters again (anyio/trio never block on it): let the lists
            // go, so a program making an event per round keeps only a few words per event.
            waiters = EMPTY;
            spare = null;
        }
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
        value = false;
        loop.trace(TraceKind.CLEAR, loop.currentTask(), this, null, "");
    }

    /** {@code wait()}: a coroutine to await. */
    public Coroutine waitCoroutine() {
        return new Wait();
    }

    private final class Wait extends JavaCoroutine {
        private Future fut;

        @Override
        protected Object resume(Object v, PyException exc) {
            switch (state) {
                case 0 -> {
                    loop.trace(TraceKind.WAIT, loop.currentTask(), AsyncEvent.this, null, value ? 1 : 0, "");
                    if (value) {
                        if (!loop.semantics().waitOnSetEventCheckpoints()) {
                            return finish(Boolean.TRUE);
                        }
                        state = 2;
                        return bareYield();
                    }
                    if (waitReason == null) {
                        waitReason = WaitReason.event(AsyncEvent.this);
                    }
                    fut = new Future(loop, waitReason);
                    if (waiters == EMPTY) {
                        waiters = new ArrayList<>(2);
                    }
                    waiters.add(fut);
                    state = 1;
                    return await(fut);
                }
                case 1 -> {
                    if (fut.isDone() && !fut.isCancelled()) {
                        if (loop.semantics() != Semantics.TRIO) {
                            wokenNotResumed--;
                        }
                    } else {
                        waiters.remove(fut);
                    }
                    if (exc != null) {
                        throw exc;
                    }
                    return finish(loop.semantics() == Semantics.ASYNCIO ? Boolean.TRUE : null);
                }
                case 2 -> {
                    if (exc != null) {
                        throw exc;
                    }
                    return finish(null);
                }
                default -> throw new IllegalStateException("wait() resumed after it finished");
            }
        }

        @Override
        public String name() {
            return "wait";
        }
    }

    @Override
    public String toString() {
        return "<Event " + name + (value ? " set" : " unset") + ">";
    }
}
