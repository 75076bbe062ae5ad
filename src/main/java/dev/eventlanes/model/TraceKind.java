package dev.eventlanes.model;

/** What a trace entry records. The JSON Lines schema uses these names in lower case. */
public enum TraceKind {
    /** A task was created (text: its name; other: the spawning task). */
    SPAWN,
    /** A task starts a step. */
    RUN,
    /** A task suspends (text: one word why — event, sleep, children, task, gather, forever, other, yield; event: the event; value: the deadline of a sleep). */
    SUSPEND,
    /** A blocked task becomes ready (other: the waker, -1 for a timer or an outside click; text: what it waited for, one word). */
    WAKE,
    /** An event was created (text: its name). */
    EVENT_NEW,
    /** {@code set()} (value: how many waiters it woke). */
    SET,
    /** {@code clear()} (asyncio only). */
    CLEAR,
    /** {@code is_set()} (value: 1 for True, 0 for False). */
    POLL,
    /** A task called {@code wait()} (value: 1 if the event was already set). */
    WAIT,
    /** A task went to sleep (value: the deadline). */
    SLEEP,
    /** A timer's deadline passed. */
    TIMER,
    /** A cancellation was requested (other: who asked). */
    CANCEL,
    /** The program printed (text: exactly what print wrote, newline included). */
    PRINT,
    /** A task ended (text: done, cancelled, or the exception). */
    EXIT,
    /** A refused operation or a diagnostic (text: the message). */
    ERROR;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
