package dev.eventlanes.python.runtime;

import dev.eventlanes.model.ExcType;
import dev.eventlanes.model.PyException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Python {@code dict}: insertion-ordered, keyed with Python equality and hashing.
 *
 * <p>Keys are normalised before hashing so that Java equality coincides with Python's:
 * {@code True}, {@code 1} and {@code 1.0} all become the {@code Long} 1 (an integral float
 * becomes an int), while the entry keeps the key object first inserted (so {@code {True: 1}}
 * still prints {@code {True: 1}} after {@code d[1] = 2}, as in CPython). {@code str} and
 * {@code int} keys need no work (the common, allocation-free path). Unhashable keys raise
 * {@code TypeError: unhashable type: 'list'}.
 */
public final class PyDict {
    /** One key/value pair; {@code key} is the original (un-normalised) key. */
    public static final class Entry {
        final Object key;
        Object value;

        Entry(Object key, Object value) {
            this.key = key;
            this.value = value;
        }

        public Object key() {
            return key;
        }

        public Object value() {
            return value;
        }
    }

    private final LinkedHashMap<Object, Entry> map;

    public PyDict() {
        map = new LinkedHashMap<>();
    }

    private PyDict(LinkedHashMap<Object, Entry> map) {
        this.map = map;
    }

    /** The hashing form of a key; raises TypeError for unhashable keys. */
    static Object normKey(Object k) {
        if (k instanceof String || k instanceof Long) {
            return k;
        }
        if (k instanceof Boolean) {
            return ((Boolean) k) ? 1L : 0L;
        }
        if (k instanceof Double) {
            double d = (Double) k;
            if (d == Math.rint(d) && !Double.isInfinite(d)) {
                if (Math.abs(d) < 9.2e18) {
                    return (long) d;
                }
                return PyOps.normInt(new java.math.BigDecimal(d).toBigInteger());
            }
            return k;
        }
        if (k instanceof PyTuple) {
            ((PyTuple) k).pyHash(); // raises for unhashable elements
            return k;
        }
        if (k instanceof BigInteger || k instanceof PyNone) {
            return k;
        }
        if (k instanceof PyList || k instanceof PyDict || k instanceof PyDictView) {
            throw PyException.of(ExcType.TYPE_ERROR, "unhashable type: '" + PyOps.typeName(k) + "'");
        }
        if (k instanceof PyObject) {
            ((PyObject) k).pyHash(); // lets the object refuse to be hashed
        }
        return k;
    }

    public int size() {
        return map.size();
    }

    /** The value for {@code key}, or Java {@code null} if absent. */
    public Object get(Object key) {
        Entry e = map.get(normKey(key));
        return e == null ? null : e.value;
    }

    /** {@code d[key]}: raises {@code KeyError(key)} when absent. */
    public Object getItem(Object key) {
        Entry e = map.get(normKey(key));
        if (e == null) {
            throw new PyException(ExcType.KEY_ERROR, List.of(key));
        }
        return e.value;
    }

    public boolean containsKey(Object key) {
        return map.containsKey(normKey(key));
    }

    /** {@code d[key] = value}; keeps the original key object if the key is already present. */
    public void put(Object key, Object value) {
        Object nk = normKey(key);
        Entry e = map.get(nk);
        if (e != null) {
            e.value = value;
            return;
        }
        if (map.size() >= Limits.maxSize()) {
            throw Limits.tooBig(map.size() + 1L, "dict");
        }
        map.put(nk, new Entry(key, value));
    }

    /** Removes {@code key}; returns the old value or Java {@code null} if absent. */
    public Object remove(Object key) {
        Entry e = map.remove(normKey(key));
        return e == null ? null : e.value;
    }

    public void clear() {
        map.clear();
    }

    public PyDict copy() {
        PyDict d = new PyDict();
        for (Entry e : map.values()) {
            d.map.put(normKey(e.key), new Entry(e.key, e.value));
        }
        return d;
    }

    /** A snapshot of the entries, in insertion order. */
    public List<Entry> entries() {
        return new ArrayList<>(map.values());
    }

    /** Removes and returns the last inserted entry, or null if empty ({@code popitem}). */
    Entry popLast() {
        Entry last = null;
        Object lastKey = null;
        for (var me : map.entrySet()) {
            last = me.getValue();
            lastKey = me.getKey();
        }
        if (last != null) {
            map.remove(lastKey);
        }
        return last;
    }

    /**
     * An iterator over the entries that detects mutation like CPython:
     * {@code RuntimeError: dictionary changed size during iteration}.
     */
    PyIterator iterator(int kind, String typeName) {
        final Iterator<Entry> it = map.values().iterator();
        final int size0 = map.size();
        return new PyIterator() {
            @Override
            public Object next() {
                try {
                    if (!it.hasNext()) {
                        if (map.size() != size0) {
                            throw changed();
                        }
                        return null;
                    }
                    Entry e = it.next();
                    return kind == 0 ? e.key : kind == 1 ? e.value : PyTuple.of(e.key, e.value);
                } catch (ConcurrentModificationException ex) {
                    throw changed();
                }
            }

            private PyException changed() {
                return PyException.of(ExcType.RUNTIME_ERROR, map.size() != size0
                        ? "dictionary changed size during iteration" : "dictionary keys changed during iteration");
            }

            @Override
            public String typeName() {
                return typeName;
            }
        };
    }

    /** Iterates over the keys (what {@code for k in d} does). */
    public PyIterator keyIterator() {
        return iterator(0, "dict_keyiterator");
    }

    @Override
    public String toString() {
        return PyOps.repr(this);
    }
}
