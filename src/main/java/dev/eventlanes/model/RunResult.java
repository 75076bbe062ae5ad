package dev.eventlanes.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How a run ended.
 *
 * @param status    finished, deadlock or runaway
 * @param main      the main task (null for a click-built scenario run until idle)
 * @param blocked   for a deadlock: each task still blocked and what it waits on; for a runaway,
 *                  the task that never awaits
 * @param message   one plain sentence for the status bar and stderr
 * @param endTime   the virtual time at the end
 */
public record RunResult(Status status, Task main, List<Blocked> blocked, String message, double endTime) {
    /** The ways a run can end. */
    public enum Status { FINISHED, DEADLOCK, RUNAWAY }

    /** A task left waiting forever, and on what. */
    public record Blocked(String task, String reason, String event) {
    }

    /** The main task's exception, if it failed. */
    public PyException failure() {
        return main != null && main.isDone() && !main.isCancelled() ? main.peekException() : null;
    }

    public boolean ok() {
        return status == Status.FINISHED && failure() == null;
    }

    public static RunResult finished(Loop loop, Task main) {
        return new RunResult(Status.FINISHED, main, List.of(), "finished at " + Loop.formatTime(loop.time()), loop.time());
    }

    /**
     * A run stopped because it would not end (it kept awaiting, so no task is to blame): reported
     * as a runaway with no task named.
     */
    public static RunResult endless(Loop loop, long callbacks) {
        return new RunResult(Status.RUNAWAY, null, List.of(), "the program ran " + String.format("%,d", callbacks)
                + " loop callbacks, to t = " + Loop.formatTime(loop.time())
                + " s, without finishing: it looks like it never ends (real Python would keep running)", loop.time());
    }

    /** A run stopped because a task never awaits; {@code blocked} names that task (reason "never awaits"). */
    public static RunResult runaway(RunawayException e, Loop loop) {
        List<Blocked> who = e.task() == null ? List.of() : List.of(new Blocked(e.task().name(), "never awaits", null));
        return new RunResult(Status.RUNAWAY, null, who, e.getMessage(), loop.time());
    }

    public static RunResult deadlock(Loop loop, Task main) {
        List<Blocked> blocked = new ArrayList<>();
        StringBuilder sb = new StringBuilder("deadlock at " + Loop.formatTime(loop.time())
                + ": no task can run and no timer is pending");
        for (Task t : loop.blockedTasks()) {
            Future f = t.waitingOn();
            WaitReason why = f == null ? WaitReason.OTHER : f.reason();
            blocked.add(new Blocked(t.name(), why.describe(), why.event() == null ? null : why.event().name()));
            sb.append("; ").append(t.name()).append(" is ").append(why.describe());
        }
        sb.append(" (real Python would hang here forever)");
        return new RunResult(Status.DEADLOCK, main, List.copyOf(blocked), sb.toString(), loop.time());
    }
}
