package dev.eventlanes.python.runtime;

import java.util.Map;
import java.util.Objects;

/**
 * A method of a builtin value bound to its receiver ({@code xs.append}), as returned by
 * {@link PyOps#getAttr}; calling it is {@link PyOps#callMethod}.
 */
public final class BoundMethod implements PyCallable {
    private final Object self;
    private final String name;

    public BoundMethod(Object self, String name) {
        this.self = self;
        this.name = name;
    }

    public Object self() {
        return self;
    }

    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        return Methods.call(self, name, args, kwargs);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoundMethod && ((BoundMethod) o).self == self && ((BoundMethod) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(self) * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return "<built-in method " + name + " of " + PyOps.typeName(self) + " object at 0x"
                + Long.toHexString(0x7f0000000000L + System.identityHashCode(self)) + ">";
    }
}
