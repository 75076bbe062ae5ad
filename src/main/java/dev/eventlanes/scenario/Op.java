package dev.eventlanes.scenario;

import dev.eventlanes.model.Semantics;
import java.math.BigDecimal;

/**
 * One line of a scripted task. A script is a list of ops run in order by a {@link ScriptBody};
 * ops that await ({@link Wait}, {@link Sleep}, {@link PollUntilSet}, {@link Join}) are where the
 * task can be suspended, every other op runs without yielding, exactly as the Python statement
 * it stands for.
 *
 * <p>{@link #describe(Semantics)} gives the Python spelling a user reads on the lane; the library
 * name follows the semantics ({@code await anyio.sleep(0.5)}, {@code await trio.sleep(0.5)}).
 */
public sealed interface Op {
    /** The op in Python spelling, for the given library. */
    String describe(Semantics semantics);

    /** The op in Python spelling as anyio (the default library of scenarios) writes it. */
    default String describe() {
        return describe(Semantics.ANYIO);
    }

    /** {@code await event.wait()}. */
    record Wait(String event) implements Op {
        @Override
        public String describe(Semantics semantics) {
            return "await " + event + ".wait()";
        }
    }

    /** {@code event.set()}: never suspends the caller. */
    record Set(String event) implements Op {
        @Override
        public String describe(Semantics semantics) {
            return event + ".set()";
        }
    }

    /** {@code event.clear()}: asyncio only; anyio and trio raise AttributeError. */
    record Clear(String event) implements Op {
        @Override
        public String describe(Semantics semantics) {
            return event + ".clear()";
        }
    }

    /** {@code event.is_set()}: reads the flag, recorded as a poll; never suspends. */
    record Poll(String event) implements Op {
        @Override
        public String describe(Semantics semantics) {
            return event + ".is_set()";
        }
    }

    /** {@code await sleep(seconds)}; 0 is one pass at the back of the ready queue. */
    record Sleep(double seconds) implements Op {
        @Override
        public String describe(Semantics semantics) {
            return "await " + semantics.library() + ".sleep(" + number(seconds) + ")";
        }
    }

    /**
     * Starts another task of the scenario in the spawner's implicit task group
     * ({@code tg.start_soon(task)}): the child's first step runs when the spawner next yields.
     */
    record Spawn(String task) implements Op {
        @Override
        public String describe(Semantics semantics) {
            return switch (semantics) {
                case ASYNCIO -> "tg.create_task(" + task + "())";
                case ANYIO -> "tg.start_soon(" + task + ")";
                case TRIO -> "nursery.start_soon(" + task + ")";
            };
        }
    }

    /**
     * {@code print(text)}. The text may hold placeholders, written as in an f-string; see
     * {@link PrintText} for the list ({@code {time}}, {@code {polls}}, {@code {e.is_set()}},
     * {@code {e.statistics().tasks_waiting}}).
     */
    record Print(String text) implements Op {
        @Override
        public String describe(Semantics semantics) {
            return "print(" + (PrintText.hasPlaceholders(text) ? "f" : "") + pyString(text) + ")";
        }
    }

    /**
     * The polling loop as one op: {@code while not event.is_set(): [print(text)]; await sleep(interval)}.
     * The print is optional (null when absent); {@code {polls}} in a later print counts the rounds.
     */
    record PollUntilSet(String event, double interval, String print) implements Op {
        public PollUntilSet(String event, double interval) {
            this(event, interval, null);
        }

        @Override
        public String describe(Semantics semantics) {
            String body = (print == null ? "" : "print(" + (PrintText.hasPlaceholders(print) ? "f" : "")
                    + pyString(print) + "); ") + "await " + semantics.library() + ".sleep(" + number(interval) + ")";
            return "while not " + event + ".is_set(): " + body;
        }
    }

    /**
     * The end of the implicit {@code async with create_task_group()} block: waits until every
     * task this task spawned has finished. Without spawned tasks it does nothing. A later
     * {@link Spawn} opens a new group. A file-mode task that runs out of ops joins implicitly.
     */
    record Join() implements Op {
        @Override
        public String describe(Semantics semantics) {
            String opener = switch (semantics) {
                case ASYNCIO -> "async with asyncio.TaskGroup() as tg";
                case ANYIO -> "async with anyio.create_task_group() as tg";
                case TRIO -> "async with trio.open_nursery() as nursery";
            };
            return "# end of '" + opener + ":' (waits for the spawned tasks)";
        }
    }

    /** Seconds as Python source shows them: {@code 2}, {@code 0.5}. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.isNaN(d) ? "math.nan" : (d > 0 ? "math.inf" : "-math.inf");
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** A Python string literal with double quotes. */
    static String pyString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
