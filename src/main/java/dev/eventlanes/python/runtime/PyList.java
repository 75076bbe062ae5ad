package dev.eventlanes.python.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Python {@code list}: a mutable sequence backed by an {@link ArrayList}. Equality and hashing
 * are Java identity on purpose (lists are unhashable in Python; use {@link PyOps#eq} for value
 * equality). The interpreter may read and write {@link #items()} directly, but must call
 * {@link Limits#checkSize} before growing it in bulk.
 */
public final class PyList {
    private final ArrayList<Object> items;

    public PyList() {
        this.items = new ArrayList<>();
    }

    /** Takes ownership of {@code items} (no copy): the caller must not keep using it. */
    public PyList(ArrayList<Object> items) {
        this.items = items;
    }

    /** A new list holding a copy of {@code items}. */
    public static PyList copyOf(Collection<?> items) {
        return new PyList(new ArrayList<>(items));
    }

    public static PyList of(Object... items) {
        ArrayList<Object> l = new ArrayList<>(items.length);
        for (Object o : items) {
            l.add(o);
        }
        return new PyList(l);
    }

    /** The live backing list. */
    public ArrayList<Object> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public Object get(int i) {
        return items.get(i);
    }

    /** {@code list.append(x)}, checking the size limit. */
    public void append(Object x) {
        if (items.size() >= Limits.maxSize()) {
            throw Limits.tooBig(items.size() + 1L, "list");
        }
        items.add(x);
    }

    List<Object> view() {
        return items;
    }

    @Override
    public String toString() {
        return PyOps.repr(this);
    }
}
