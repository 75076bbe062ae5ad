package dev.eventlanes.model;

/**
 * The model's stand-in for Python's {@code None} as a result value. The interpreter maps it to
 * its own None; null is avoided because futures and coroutines use it for "no value yet".
 */
public final class PyNoneHolder {
    public static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private PyNoneHolder() {
    }
}
