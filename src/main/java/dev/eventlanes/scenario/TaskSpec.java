package dev.eventlanes.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A named task script: the ops one task runs, in order. Immutable; ops appended by clicks during
 * a session live in the session's click log, never here, so that the loaded scenario stays the
 * base a replay starts from.
 *
 * @param name the task's name, as its lane and Python's {@code Task.get_name()} show it
 * @param ops  the script
 */
public record TaskSpec(String name, List<Op> ops) {
    public TaskSpec {
        Objects.requireNonNull(name, "name");
        ops = List.copyOf(ops);
    }

    /** A spec from ops given inline. */
    public static TaskSpec of(String name, Op... ops) {
        return new TaskSpec(name, List.of(ops));
    }
}
