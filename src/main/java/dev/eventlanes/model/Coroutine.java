package dev.eventlanes.model;

/**
 * A task body the scheduler can drive: Python's coroutine protocol ({@code send}/{@code throw}).
 *
 * <p>Each call runs the body until it next suspends and says on what: a {@link Future} to block
 * on (the bottom of an {@code await} chain, as asyncio's {@code Future.__await__} yields itself),
 * {@link #BARE_YIELD} (give up the processor for one loop pass: {@code await sleep(0)}), or
 * {@link #RETURNED} when the body finished, whose value {@link #result()} then gives. A Python
 * exception escaping the body is thrown as a {@link PyException}.
 *
 * <p>Scripted scenarios, the Python interpreter and the library primitives (an event's
 * {@code wait()}, a task group's exit) all implement this one interface.
 */
public interface Coroutine {
    /** Returned by send/throwIn when the coroutine has finished; see {@link #result()}. */
    Object RETURNED = new Marker("RETURNED");
    /** Returned by send/throwIn for a bare {@code yield}: reschedule me at the back of the queue. */
    Object BARE_YIELD = new Marker("BARE_YIELD");

    /** Resumes the body with {@code value} (None/null on the first call and after a bare yield). */
    Object send(Object value);

    /** Resumes the body by raising {@code exc} at the point where it is suspended. */
    Object throwIn(PyException exc);

    /** The return value, once send/throwIn returned {@link #RETURNED}. */
    Object result();

    /** The function name, as a task named after it shows it. */
    String name();

    /**
     * The function's qualified name as Python shows it ({@code __qualname__}: {@code Event.wait},
     * {@code main.<locals>.worker}); the name itself unless it differs.
     */
    default String qualName() {
        return name();
    }

    /**
     * The first positional argument the function was called with, as Python's repr shows it,
     * when it is a short literal (a str, int, float, bool or None whose repr has at most 12
     * characters: {@code 'A'}, {@code 3}); null otherwise, or when the body does not know its
     * call (a library coroutine). It tells apart lanes of several tasks of one function.
     */
    default String codeArg() {
        return null;
    }

    /** The source line the body is at (suspended at, or running), or 0 if unknown. */
    default int currentLine() {
        return 0;
    }

    /**
     * Whether {@link #currentLine()} can say anything but 0. Asked once per task, so that tracing
     * a body without source lines costs no call per entry.
     */
    default boolean hasLines() {
        return false;
    }

    /** Marker values; their identity is what counts. */
    final class Marker {
        private final String name;

        private Marker(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
