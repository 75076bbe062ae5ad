package dev.eventlanes.python.runtime;

import java.util.Arrays;
import java.util.List;

/**
 * Python {@code tuple}: an immutable array. Java {@link #equals}/{@link #hashCode} follow
 * Python semantics ({@link PyOps#eq} and {@link PyOps#hash} element-wise), so tuples work as
 * {@link PyDict} keys; {@code hashCode} throws {@code TypeError: unhashable type} if an element
 * is unhashable, exactly when Python's {@code hash()} would.
 */
public final class PyTuple {
    public static final PyTuple EMPTY = new PyTuple(new Object[0]);

    private final Object[] items;
    private long hash;
    private boolean hashed;

    /** Takes ownership of {@code items} (no copy). */
    public PyTuple(Object[] items) {
        this.items = items;
    }

    public static PyTuple of(Object... items) {
        return items.length == 0 ? EMPTY : new PyTuple(items.clone());
    }

    public static PyTuple fromList(List<?> l) {
        return l.isEmpty() ? EMPTY : new PyTuple(l.toArray());
    }

    /** The backing array; callers must not modify it. */
    public Object[] items() {
        return items;
    }

    public int size() {
        return items.length;
    }

    public Object get(int i) {
        return items[i];
    }

    List<Object> view() {
        return Arrays.asList(items);
    }

    /** CPython's tuple hash (the xxHash-derived algorithm of 3.8+), so {@code hash(t)} matches. */
    public long pyHash() {
        if (!hashed) {
            long acc = 2870177450012600261L;
            for (Object o : items) {
                long lane = PyOps.hash(o);
                acc += lane * -4417276706812531889L;
                acc = Long.rotateLeft(acc, 31);
                acc *= -7046029288634856825L;
            }
            acc += items.length ^ (2870177450012600261L ^ 3527539L);
            if (acc == -1) {
                acc = 1546275796;
            }
            hash = acc;
            hashed = true;
        }
        return hash;
    }

    @Override
    public int hashCode() {
        long h = pyHash();
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyTuple && PyOps.eq(this, o);
    }

    @Override
    public String toString() {
        return PyOps.repr(this);
    }
}
