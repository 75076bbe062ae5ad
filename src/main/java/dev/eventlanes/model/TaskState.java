package dev.eventlanes.model;

/** Where a task is in its life, as a lane shows it. */
public enum TaskState {
    /** Queued to run (spawned, woken, or after a bare yield). */
    READY,
    /** Executing: the one task the loop is running now. */
    RUNNING,
    /** Blocked on something other than the clock (an event, children, another task). */
    WAITING,
    /** Blocked until a virtual time. */
    SLEEPING,
    /** Returned normally. */
    DONE,
    /** Ended by a cancellation. */
    CANCELLED,
    /** Ended by an exception. */
    FAILED;

    public boolean isFinished() {
        return this == DONE || this == CANCELLED || this == FAILED;
    }
}
