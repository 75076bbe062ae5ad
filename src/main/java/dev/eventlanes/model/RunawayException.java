package dev.eventlanes.model;

/**
 * A task ran too many operations without suspending: in real Python it would block the event
 * loop forever. Not a Python exception: user code cannot catch it; the run ends.
 */
public final class RunawayException extends RuntimeException {
    private final Task task;

    public RunawayException(Task task, long limit) {
        super((task == null ? "the program's top-level code ran " + limit + " operations without ending: it would never finish"
                : "task " + task.name() + " never awaits: it would block the event loop"
                + " (stopped after " + limit + " operations without an await)"), null, false, false);
        this.task = task;
    }

    public Task task() {
        return task;
    }
}
