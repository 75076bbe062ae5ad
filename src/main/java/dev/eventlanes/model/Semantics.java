package dev.eventlanes.model;

import java.util.List;
import java.util.Locale;

/**
 * The three libraries whose events the model reproduces. They share one loop (asyncio's rules);
 * where they differ, the difference is a method here, so it is written once and named.
 */
public enum Semantics {
    /** CPython 3.11 asyncio. */
    ASYNCIO("asyncio"),
    /** anyio 4 on its asyncio backend. */
    ANYIO("anyio"),
    /** trio: shuffled batches, cancel scopes, no Future objects in user code. */
    TRIO("trio");

    private final String library;

    Semantics(String library) {
        this.library = library;
    }

    /** The Python module name: {@code asyncio}, {@code anyio}, {@code trio}. */
    public String library() {
        return library;
    }

    public static Semantics parse(String s) {
        for (Semantics v : values()) {
            if (v.library.equalsIgnoreCase(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown semantics '" + s + "': use asyncio, anyio or trio");
    }

    /** Only asyncio's Event has clear(); anyio and trio events are single-use by design. */
    public boolean eventsHaveClear() {
        return this == ASYNCIO;
    }

    /**
     * wait() on an event that is already set: asyncio returns without yielding; anyio and trio
     * pass one checkpoint (other ready tasks run first, and a cancellation can land there).
     */
    public boolean waitOnSetEventCheckpoints() {
        return this != ASYNCIO;
    }

    /**
     * trio reschedules a task the moment its deadline expires, before taking the batch; asyncio
     * runs the timer callback, which completes a future, whose callback steps the task a pass
     * later.
     */
    public boolean timersWakeDirectly() {
        return this == TRIO;
    }

    /** trio runs each batch of ready tasks forwards or reversed at random (seeded here). */
    public boolean shufflesBatches() {
        return this == TRIO;
    }

    /** The exception a cancellation raises inside the task. */
    public PyException cancelledError(String message) {
        ExcType t = this == TRIO ? ExcType.TRIO_CANCELLED : ExcType.CANCELLED_ERROR;
        return new PyException(t, message == null ? List.of() : List.of(message));
    }

    /** The exception {@code fail_after} raises when its deadline passes. */
    public ExcType timeoutError() {
        return this == TRIO ? ExcType.TOO_SLOW_ERROR : ExcType.TIMEOUT_ERROR;
    }

    /** The exception calling {@code clear()} on an anyio or trio event raises, with the hint. */
    public PyException noClearError() {
        PyException e = PyException.of(ExcType.ATTRIBUTE_ERROR, "'Event' object has no attribute 'clear'");
        e.setPayload(noClearHint());
        return e;
    }

    /** What a teacher tells the class when clear() is refused. */
    public String noClearHint() {
        return library + " events can't be reused: replace the Event with a new one";
    }

    @Override
    public String toString() {
        return library.toLowerCase(Locale.ROOT);
    }
}
