package dev.eventlanes.model;

/** What a trace entry records. The JSON Lines schema uses these names in lower case. */
public enum TraceKind {
    /** A task was created (text: its name; other: the spawning task). */
    SPAWN,
    /** A task starts a step. */
    RUN,
    /** A task suspends (text: one word why — event, sleep, children, task, gather, forever, other, idle (a click-built task waiting for the next click), yield; event: the event; value: the deadline of a sleep). */
    SUSPEND,
    /**
     * A blocked task becomes ready. Text: what it waited for, in the one word of its SUSPEND
     * (event, sleep, children, task, gather, forever, other, idle), or {@code "cancelled"} when the
     * future it waited on was cancelled: its wait was given up, not completed. Event: the event
     * it waited on, also when cancelled. Other: who woke it (for {@code "event"} the setter, for
     * {@code "cancelled"} the canceller if known), -1 for a timer, an outside click or the loop.
     * A WAKE with text {@code "event"} means exactly this: the task's {@code wait()} was
     * completed by the {@code set()} just before it (see {@link #SET}).
     */
    WAKE,
    /** An event was created (text: its name). */
    EVENT_NEW,
    /**
     * {@code set()} (value: how many tasks it woke; text: {@code "already set"} if the event
     * already was, which wakes nobody).
     *
     * <p>Contract: a SET with value n is followed directly by exactly n WAKE entries for the same
     * event with text {@code "event"}, one per task whose {@code wait()} it completed, each with
     * other = the setting task (-1 for an outside click); no WAKE with text {@code "event"}
     * occurs anywhere else. A waiter whose wait was cancelled before the set() is not counted
     * and gets no such WAKE.
     */
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
    /**
     * A task is cancelled, recorded on the lane of that task (task), once per delivery: a second
     * request before the task runs again is the same CancelledError and is not recorded. Other:
     * the task that asked, -1 for a deadline, the loop or an outside click. Text: the cause in
     * the program's words, one of {@link CancelCause}'s: {@code move_on_after(1)},
     * {@code fail_after(0.5)}, {@code CancelScope deadline}, {@code CancelScope.cancel()},
     * {@code wait_for(timeout=1.0)}, {@code asyncio.timeout(1)}, {@code asyncio.timeout_at(2.5)},
     * {@code task.cancel()}, {@code task group}, {@code awaiter cancelled},
     * {@code gather.cancel()}, {@code run() shutdown}. Not the cancel message (the exception
     * carries that). When a deadline caused it, that deadline's TIMER entry comes before it.
     */
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
