package dev.eventlanes.model;

import java.math.BigDecimal;

/**
 * What a {@link TraceKind#CANCEL} entry says caused a cancellation, in the program's own words.
 * The cancel <em>message</em> a CancelledError carries (what the program can print) is a
 * different thing and is never changed by this: anyio's "Cancelled by cancel scope 7f3a01" says
 * nothing a reader can place in the code.
 *
 * <p>The causes, and who the entry's {@code other} names:
 * <ul>
 * <li>{@code move_on_after(1)}, {@code fail_after(0.5)}: an anyio or trio scope whose deadline
 * passed, with the delay as the program wrote it (Python's repr of the number); other -1.</li>
 * <li>{@link #SCOPE_DEADLINE}: a CancelScope given an absolute deadline (or a scope whose
 * {@code deadline} the program assigned) whose deadline passed; other -1.</li>
 * <li>{@link #SCOPE_CANCEL}: the program called a scope's {@code cancel()} (a task group's
 * {@code cancel_scope.cancel()} included); other: the calling task.</li>
 * <li>{@code wait_for(timeout=1.0)}: asyncio.wait_for's timeout passed, cancelling what it
 * waited for; other -1.</li>
 * <li>{@code asyncio.timeout(1)}, {@code asyncio.timeout_at(2.5)}: the deadline of an
 * {@code async with asyncio.timeout...} block passed (the words the block was made with, also
 * after a {@code reschedule()}); other -1.</li>
 * <li>{@link #TASK_CANCEL}: the program called a task's {@code cancel()}; other: the caller (-1
 * from outside any task).</li>
 * <li>{@link #TASK_GROUP}: a task group or nursery cancels its remaining children (and, in
 * asyncio, its host task) because a child failed (other: that child), or because its body
 * raised or its host was cancelled while waiting for the children (other: the host).</li>
 * <li>{@link #AWAITER_CANCELLED}: the task was what a cancelled task was waiting for (its
 * {@code await}, through wait_for or gather too), and asyncio passes the cancellation on;
 * other: the cancelled awaiting task.</li>
 * <li>{@link #GATHER_CANCEL}: the program called {@code cancel()} on a gather's future, which
 * cancels its children; other: the caller.</li>
 * <li>{@link #RUN_SHUTDOWN}: the main task ended, and {@code run()} cancels every task still
 * alive; other -1.</li>
 * </ul>
 */
public final class CancelCause {
    public static final String TASK_CANCEL = "task.cancel()";
    public static final String SCOPE_CANCEL = "CancelScope.cancel()";
    public static final String SCOPE_DEADLINE = "CancelScope deadline";
    public static final String TASK_GROUP = "task group";
    public static final String AWAITER_CANCELLED = "awaiter cancelled";
    public static final String GATHER_CANCEL = "gather.cancel()";
    public static final String RUN_SHUTDOWN = "run() shutdown";

    private CancelCause() {
    }

    /** {@code move_on_after(delay)}, the delay as the program wrote it. */
    public static String moveOnAfter(String delay) {
        return call("move_on_after(", delay);
    }

    /** {@code fail_after(delay)}, the delay as the program wrote it. */
    public static String failAfter(String delay) {
        return call("fail_after(", delay);
    }

    /** {@code wait_for(timeout=t)}, the timeout as the program wrote it. */
    public static String waitFor(String timeout) {
        return call("wait_for(timeout=", timeout);
    }

    /** {@code asyncio.timeout(delay)}, the delay as the program wrote it. */
    public static String asyncioTimeout(String delay) {
        return call("asyncio.timeout(", delay);
    }

    /** {@code asyncio.timeout_at(when)}, the deadline as the program wrote it. */
    public static String asyncioTimeoutAt(String when) {
        return call("asyncio.timeout_at(", when);
    }

    /**
     * A number of seconds as Python's repr shows a float ({@code 1.0}, {@code 0.25}), for causes
     * made without the program's own spelling (Java callers of the model).
     */
    public static String number(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return Double.isNaN(seconds) ? "nan" : seconds > 0 ? "inf" : "-inf";
        }
        String s = BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    /**
     * One text per spelling: the trace keeps texts by identity, so a program making a scope per
     * round must not add a new text per round.
     */
    private static String call(String head, String arg) {
        return (head + arg + ")").intern();
    }
}
