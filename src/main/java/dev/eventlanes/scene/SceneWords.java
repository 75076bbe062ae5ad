package dev.eventlanes.scene;

import dev.eventlanes.model.TaskState;

/** The words the lanes show, in the window's language (the window supplies them). */
public interface SceneWords {
    /**
     * A segment's label: its state, and for a waiting one what it waits for.
     *
     * @param event  the event a waiting task waits on, or null
     * @param reason for other waits, the trace's one word (children, task, gather, forever, other), or null
     */
    String state(TaskState state, String event, String reason);

    /**
     * A mark's label above its bar, or "" for none (the mark speaks for itself, e.g. a poll's T/F).
     *
     * @param event  the event involved, or null
     * @param detail per kind: the cancellation's cause, the exception's last line, the message
     */
    String mark(TraceIndex.MarkKind kind, String event, String detail);

    /** A ruler time, with this many decimals. */
    String tick(double seconds, int decimals);

    /** An instant band's label: its time and how many steps happen in it. */
    String band(double seconds, int steps);

    /** How late a task noticed a set(): "+0.5 s", or "at once" for no time at all. */
    String latency(double seconds);

    /** The label of a lane blocked for good at the end of a deadlocked run. */
    String forever();
}
