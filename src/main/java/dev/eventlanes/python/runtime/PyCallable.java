package dev.eventlanes.python.runtime;

import java.util.Map;

/**
 * Anything Python code can call synchronously: builtin functions, bound methods of builtin
 * values, builtin types (constructors) and, implemented by the interpreter, user functions.
 * Functions taking callables ({@code sorted(key=...)}, {@code min(key=...)}) call this.
 */
public interface PyCallable {
    /**
     * Calls with positional {@code args} and keyword {@code kwargs} (never {@code null}; use
     * {@link Map#of()} for none). Returns a Python value (never Java {@code null}).
     */
    Object call(Object[] args, Map<String, Object> kwargs);

    /** The name shown in messages and reprs ({@code len}, {@code append}). */
    String name();
}
