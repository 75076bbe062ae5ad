package dev.eventlanes.model;

/**
 * Why a task blocked on a future is blocked: what the window writes on the lane ("waiting on
 * response_sent", "sleeping until 2.0") and what a deadlock report names.
 *
 * @param kind     what is awaited
 * @param event    the event, for {@link Kind#EVENT}
 * @param task     the task awaited, for {@link Kind#TASK}
 * @param deadline the wake-up time, for {@link Kind#SLEEP}
 */
public record WaitReason(Kind kind, AsyncEvent event, Task task, double deadline) {
    /** What a blocked task waits for. */
    public enum Kind { EVENT, SLEEP, CHILDREN, TASK, GATHER, FOREVER, OTHER, IDLE }

    public static WaitReason event(AsyncEvent e) {
        return new WaitReason(Kind.EVENT, e, null, Double.NaN);
    }

    public static WaitReason sleep(double deadline) {
        return new WaitReason(Kind.SLEEP, null, null, deadline);
    }

    public static WaitReason task(Task t) {
        return new WaitReason(Kind.TASK, null, t, Double.NaN);
    }

    public static final WaitReason CHILDREN = new WaitReason(Kind.CHILDREN, null, null, Double.NaN);
    public static final WaitReason GATHER = new WaitReason(Kind.GATHER, null, null, Double.NaN);
    public static final WaitReason FOREVER = new WaitReason(Kind.FOREVER, null, null, Double.NaN);
    public static final WaitReason OTHER = new WaitReason(Kind.OTHER, null, null, Double.NaN);
    /**
     * A click-built task whose script has run out: it waits at its {@code …} line for the user's
     * next click, not for anything in the program.
     */
    public static final WaitReason IDLE = new WaitReason(Kind.IDLE, null, null, Double.NaN);

    /** One word for the trace: event, sleep, children, task, gather, forever, other, idle. */
    public String shortName() {
        return SHORT[kind.ordinal()];
    }

    private static final String[] SHORT = {"event", "sleep", "children", "task", "gather", "forever", "other", "idle"};
    /** {@link #shortName()} of an event's wait. */
    static final String EVENT_WORD = SHORT[0];
    /** What a WAKE entry says for a task woken because the future it waited on was cancelled. */
    static final String CANCELLED_WORD = "cancelled";

    /** Plain words for a status line or a deadlock report. */
    public String describe() {
        return switch (kind) {
            case EVENT -> "waiting on " + event.name() + ".wait()";
            case SLEEP -> "sleeping until " + Loop.formatTime(deadline);
            case CHILDREN -> "waiting for its child tasks to finish";
            case TASK -> "waiting for task " + task.name();
            case GATHER -> "waiting in gather()";
            case FOREVER -> "sleeping forever";
            case OTHER -> "waiting";
            case IDLE -> "idle, waiting for your next action";
        };
    }
}
