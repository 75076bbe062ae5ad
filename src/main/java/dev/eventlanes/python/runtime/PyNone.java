package dev.eventlanes.python.runtime;

/**
 * Python's {@code None}: a singleton, so the interpreter may compare it with {@code ==}.
 * Java {@code null} is never a Python value (it means "absent" in this API, e.g. an exhausted
 * {@link PyIterator} or an omitted slice bound).
 */
public final class PyNone {
    public static final PyNone NONE = new PyNone();

    private PyNone() {
    }

    @Override
    public String toString() {
        return "None";
    }
}
