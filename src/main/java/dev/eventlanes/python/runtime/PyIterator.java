package dev.eventlanes.python.runtime;

/**
 * A Python iterator. {@link #next()} returns the next value, or Java {@code null} when
 * exhausted (Python's {@code None} is {@link PyNone#NONE}, so {@code null} is free to mean
 * "stop"). An iterator is its own iterable: {@link PyOps#iter} returns it unchanged, so the
 * interpreter can pass lazy generators to every builtin that consumes iterables.
 */
public interface PyIterator {
    Object next();

    /** The CPython type name, e.g. {@code list_iterator}, for error messages and repr. */
    default String typeName() {
        return "iterator";
    }
}
