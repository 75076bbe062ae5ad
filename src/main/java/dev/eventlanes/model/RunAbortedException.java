package dev.eventlanes.model;

/**
 * A run inside a program ended without finishing (a deadlock, a task that never awaits), so the
 * program cannot go on: real Python would hang there. Carries how the run ended.
 */
public final class RunAbortedException extends RuntimeException {
    private final RunResult result;

    public RunAbortedException(RunResult result) {
        super(result.message(), null, false, false);
        this.result = result;
    }

    public RunResult result() {
        return result;
    }
}
