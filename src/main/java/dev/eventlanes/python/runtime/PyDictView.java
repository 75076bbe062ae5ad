package dev.eventlanes.python.runtime;

/**
 * The live views {@code dict.keys()}, {@code dict.values()} and {@code dict.items()}: they
 * iterate, support {@code len} and {@code in}, and print like {@code dict_items([('a', 1)])}.
 */
public final class PyDictView {
    /** Which view. */
    public enum Kind {
        KEYS("dict_keys", "dict_keyiterator"), VALUES("dict_values", "dict_valueiterator"),
        ITEMS("dict_items", "dict_itemiterator");

        final String typeName;
        final String iterName;

        Kind(String typeName, String iterName) {
            this.typeName = typeName;
            this.iterName = iterName;
        }
    }

    private final PyDict dict;
    private final Kind kind;

    public PyDictView(PyDict dict, Kind kind) {
        this.dict = dict;
        this.kind = kind;
    }

    public PyDict dict() {
        return dict;
    }

    public Kind kind() {
        return kind;
    }

    public String typeName() {
        return kind.typeName;
    }

    public PyIterator iterator() {
        return dict.iterator(kind.ordinal(), kind.iterName);
    }

    public boolean contains(Object item) {
        switch (kind) {
            case KEYS:
                return dict.containsKey(item);
            case ITEMS: {
                if (!(item instanceof PyTuple) || ((PyTuple) item).size() != 2) {
                    return false;
                }
                PyTuple t = (PyTuple) item;
                Object v = dict.get(t.get(0));
                return v != null && (v == t.get(1) || PyOps.eq(v, t.get(1)));
            }
            default:
                for (PyDict.Entry e : dict.entries()) {
                    if (e.value == item || PyOps.eq(e.value, item)) {
                        return true;
                    }
                }
                return false;
        }
    }

    @Override
    public String toString() {
        return PyOps.repr(this);
    }
}
