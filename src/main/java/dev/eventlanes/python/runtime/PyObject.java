package dev.eventlanes.python.runtime;

/**
 * The hook through which values the runtime does not know (the interpreter's coroutines,
 * tasks, events, user-defined instances, modules...) take part in the builtin operations.
 *
 * <p>Every method except {@link #typeName()} has a default matching what CPython does for a
 * plain {@code object}: identity equality and hashing, always truthy, no length, not iterable,
 * no attributes. {@link PyOps} consults these hooks whenever one operand is a {@code PyObject}.
 *
 * <p>Dictionary keys: {@link PyDict} stores a {@code PyObject} key with Java
 * {@link Object#equals}/{@link Object#hashCode}, which it expects to agree with
 * {@link #pyEquals}/{@link #pyHash}. The defaults (identity) agree; an implementation that
 * overrides one pair must override the other.
 */
public interface PyObject {
    /** The class name as CPython shows it in messages: {@code 'coroutine'}, {@code 'Event'}. */
    String typeName();

    /** {@code repr(self)}. The default imitates {@code <Event object at 0x7f...>}. */
    default String repr() {
        return "<" + typeName() + " object at 0x" + Long.toHexString(0x7f0000000000L + System.identityHashCode(this)) + ">";
    }

    /** {@code str(self)}; defaults to {@link #repr()} like {@code object.__str__}. */
    default String str() {
        return repr();
    }

    /**
     * Attribute lookup ({@code self.name}); return Java {@code null} when there is no such
     * attribute, and {@link PyOps#getAttr} raises CPython's {@code AttributeError}.
     */
    default Object getAttr(String name) {
        return null;
    }

    /** {@code self == other}: return {@code null} for "NotImplemented" (identity is then used). */
    default Boolean pyEquals(Object other) {
        return null;
    }

    /** {@code hash(self)}; throw a {@code TypeError} PyException for unhashable objects. */
    default long pyHash() {
        return System.identityHashCode(this);
    }

    /** {@code bool(self)}. */
    default boolean truthy() {
        return true;
    }

    /** {@code len(self)}, or {@code -1} if the object has no length. */
    default long len() {
        return -1;
    }

    /** {@code iter(self)}, or {@code null} if not iterable. */
    default PyIterator iter() {
        return null;
    }

    /**
     * The type object for {@code type(self)}, or {@code null} to let the runtime use a
     * stand-in {@link PyType} named {@link #typeName()}.
     */
    default Object pyType() {
        return null;
    }

    /**
     * Binary operators and rich comparisons ({@code + - * / // % ** << >> & | ^ == != < <= > >=}):
     * return the result, or {@code null} for NotImplemented. {@code reflected} is true when
     * self is the right operand ({@code __radd__}); comparisons are passed already swapped
     * ({@code a < b} asks {@code b} for {@code >}).
     */
    default Object binaryOp(String op, Object other, boolean reflected) {
        return null;
    }

    /** Unary {@code - + ~} and {@code abs}: the result or {@code null} if unsupported. */
    default Object unaryOp(String op) {
        return null;
    }

    /** {@code isinstance(value, self)} when self is a class; {@code null} if self is not a class. */
    default Boolean instanceCheck(Object value) {
        return null;
    }

    /** {@code item in self}; {@code null} falls back to iterating {@link #iter()}. */
    default Boolean containsHook(Object item) {
        return null;
    }

    /** {@code self[key]} ({@link PySlice} for slices); {@code null} means not subscriptable. */
    default Object getItemHook(Object key) {
        return null;
    }

    /** {@code self[key] = value}; false means unsupported. */
    default boolean setItemHook(Object key, Object value) {
        return false;
    }

    /** {@code del self[key]}; false means unsupported. */
    default boolean delItemHook(Object key) {
        return false;
    }

    /** {@code format(self, spec)}; {@code null} uses the default ({@code str(self)} for an empty spec). */
    default String formatHook(String spec) {
        return null;
    }
}
