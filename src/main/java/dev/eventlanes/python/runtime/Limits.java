package dev.eventlanes.python.runtime;

import dev.eventlanes.model.ExcType;
import dev.eventlanes.model.PyException;

/**
 * Resource limits that keep untrusted classroom programs from exhausting the JVM heap. Every
 * runtime operation that grows a list, tuple, dict or str checks its result size first and
 * raises {@code MemoryError} instead of attempting the allocation; the interpreter should call
 * {@link #checkSize(long)} for results it builds itself (comprehensions).
 *
 * <p>The limits are global and mutable (volatile) so a host or a test can tighten them.
 */
public final class Limits {
    /** Default maximum number of elements of a collection or characters of a string. */
    public static final int DEFAULT_MAX_SIZE = 10_000_000;
    /** Default maximum size of an int result, in bits (about 300,000 decimal digits). */
    public static final long DEFAULT_MAX_INT_BITS = 1_000_000;
    /** CPython 3.11's default {@code sys.get_int_max_str_digits()}. */
    public static final int INT_MAX_STR_DIGITS = 4300;

    private static volatile long maxSize = DEFAULT_MAX_SIZE;
    private static volatile long maxIntBits = DEFAULT_MAX_INT_BITS;

    private Limits() {
    }

    public static long maxSize() {
        return maxSize;
    }

    public static void setMaxSize(long n) {
        maxSize = n;
    }

    public static long maxIntBits() {
        return maxIntBits;
    }

    public static void setMaxIntBits(long bits) {
        maxIntBits = bits;
    }

    /** Checks a list result of {@code n} items. */
    public static void checkSize(long n) {
        checkSize(n, "list");
    }

    /**
     * Raises {@code MemoryError: <kind> of <n> items exceeds the size limit of <max>} if
     * {@code n} is too large; {@code kind} is {@code list}, {@code tuple}, {@code dict} or
     * {@code str} (which counts characters).
     */
    public static void checkSize(long n, String kind) {
        if (n > maxSize || n < 0) {
            throw tooBig(n, kind);
        }
    }

    static PyException tooBig(long n, String kind) {
        String unit = "str".equals(kind) ? "characters" : "items";
        String count = n < 0 ? "more than " + Long.MAX_VALUE : Long.toString(n);
        return PyException.of(ExcType.MEMORY_ERROR,
                kind + " of " + count + " " + unit + " exceeds the size limit of " + maxSize);
    }

    /** Raises {@code MemoryError} if an int of about {@code bits} bits would be too large. */
    public static void checkIntBits(double bits) {
        if (bits > maxIntBits) {
            throw PyException.of(ExcType.MEMORY_ERROR,
                    "int of about " + (long) Math.min(bits, Long.MAX_VALUE) + " bits exceeds the size limit of " + maxIntBits + " bits");
        }
    }
}
