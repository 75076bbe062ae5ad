package dev.eventlanes.python.runtime;

import java.util.Map;

/** A builtin function ({@code len}, {@code sorted}...): a name and a Java implementation. */
public final class BuiltinFunction implements PyCallable {
    /** The implementation: positional args and keyword args (never null). */
    @FunctionalInterface
    public interface Impl {
        Object call(Object[] args, Map<String, Object> kwargs);
    }

    private final String name;
    private final Impl impl;

    public BuiltinFunction(String name, Impl impl) {
        this.name = name;
        this.impl = impl;
    }

    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        return impl.call(args, kwargs);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "<built-in function " + name + ">";
    }
}
