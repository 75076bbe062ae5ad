package dev.eventlanes.python.runtime;

/**
 * A Python {@code slice} object; {@code null} or {@link PyNone#NONE} for omitted parts.
 * {@link PyOps#getItem} accepts one, equivalent to {@link PyOps#slice}.
 */
public record PySlice(Object start, Object stop, Object step) {
    @Override
    public String toString() {
        return "slice(" + PyOps.repr(n(start)) + ", " + PyOps.repr(n(stop)) + ", " + PyOps.repr(n(step)) + ")";
    }

    private static Object n(Object o) {
        return o == null ? PyNone.NONE : o;
    }
}
