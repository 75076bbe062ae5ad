package dev.eventlanes.python.runtime;

import dev.eventlanes.model.ExcType;
import dev.eventlanes.model.PyException;

/**
 * Python {@code range}: a lazy arithmetic sequence of {@code long}s. Never materialised unless
 * the program asks ({@code list(range(...))}, which checks {@link Limits}).
 */
public final class PyRange {
    private final long start;
    private final long stop;
    private final long step;
    private final long length;

    public PyRange(long start, long stop, long step) {
        if (step == 0) {
            throw PyException.of(ExcType.VALUE_ERROR, "range() arg 3 must not be zero");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
        // Unsigned arithmetic: stop - start cannot overflow as an unsigned 64-bit difference.
        long n;
        if (step > 0) {
            n = start < stop ? Long.divideUnsigned(stop - start - 1, step) + 1 : 0;
        } else {
            n = start > stop ? Long.divideUnsigned(start - stop - 1, -step) + 1 : 0;
        }
        if (n < 0) {
            n = Long.MAX_VALUE;
        }
        this.length = n;
    }

    public long start() {
        return start;
    }

    public long stop() {
        return stop;
    }

    public long step() {
        return step;
    }

    public long length() {
        return length;
    }

    /** The {@code i}-th element, {@code 0 <= i < length()}. */
    public long get(long i) {
        return start + i * step;
    }

    public boolean containsLong(long v) {
        if (step > 0 ? (v < start || v >= stop) : (v > start || v <= stop)) {
            return false;
        }
        return (v - start) % step == 0;
    }

    public PyIterator iterator() {
        return new PyIterator() {
            long i;

            @Override
            public Object next() {
                return i < length ? start + (i++) * step : null;
            }

            @Override
            public String typeName() {
                return "range_iterator";
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PyRange)) {
            return false;
        }
        PyRange r = (PyRange) o;
        if (length != r.length) {
            return false;
        }
        if (length == 0) {
            return true;
        }
        if (start != r.start) {
            return false;
        }
        return length == 1 || step == r.step;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(length) * 31 + (length == 0 ? 0 : Long.hashCode(start) * 17 + (length == 1 ? 0 : Long.hashCode(step)));
    }

    @Override
    public String toString() {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }
}
