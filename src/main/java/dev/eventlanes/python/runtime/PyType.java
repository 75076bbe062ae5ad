package dev.eventlanes.python.runtime;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A builtin Python type ({@code int}, {@code str}, {@code list}...): callable as a constructor
 * and usable with {@code isinstance}. Identity is equality ({@code type(x) is int} works on
 * the constants). Exception classes are {@link dev.eventlanes.model.ExcType}s instead.
 * Repr {@code <class 'int'>}; attribute {@code __name__} via {@link PyOps#getAttr}.
 */
public final class PyType implements PyCallable {
    private final String name;
    private final Predicate<Object> instanceTest;
    private final BuiltinFunction.Impl constructor;

    public PyType(String name, Predicate<Object> instanceTest, BuiltinFunction.Impl constructor) {
        this.name = name;
        this.instanceTest = instanceTest;
        this.constructor = constructor;
    }

    public static final PyType INT = new PyType("int",
            o -> o instanceof Long || o instanceof Boolean || o instanceof BigInteger, Builtins::intCtor);
    public static final PyType FLOAT = new PyType("float", o -> o instanceof Double, Builtins::floatCtor);
    public static final PyType STR = new PyType("str", o -> o instanceof String, Builtins::strCtor);
    public static final PyType BOOL = new PyType("bool", o -> o instanceof Boolean, Builtins::boolCtor);
    public static final PyType LIST = new PyType("list", o -> o instanceof PyList, Builtins::listCtor);
    public static final PyType TUPLE = new PyType("tuple", o -> o instanceof PyTuple, Builtins::tupleCtor);
    public static final PyType DICT = new PyType("dict", o -> o instanceof PyDict, Builtins::dictCtor);
    public static final PyType RANGE = new PyType("range", o -> o instanceof PyRange, Builtins::rangeCtor);
    public static final PyType SLICE = new PyType("slice", o -> o instanceof PySlice, Builtins::sliceCtor);
    public static final PyType NONE_TYPE = new PyType("NoneType", o -> o == PyNone.NONE, (a, k) -> {
        Builtins.noKwargs("NoneType", k);
        if (a.length > 0) {
            throw Builtins.typeError("NoneType takes no arguments");
        }
        return PyNone.NONE;
    });
    public static final PyType OBJECT = new PyType("object", o -> true, (a, k) -> {
        throw Builtins.typeError("object() takes no arguments");
    });
    public static final PyType TYPE = new PyType("type",
            o -> o instanceof PyType || o instanceof dev.eventlanes.model.ExcType, Builtins::typeCtor);

    private static final Map<String, PyType> FOREIGN = new ConcurrentHashMap<>();

    /** A type object standing for an interpreter-side class known only by name. */
    public static PyType foreign(String name) {
        return FOREIGN.computeIfAbsent(name, n -> new PyType(n, o -> n.equals(PyOps.typeName(o)), (a, k) -> {
            throw Builtins.typeError("cannot create '" + n + "' instances");
        }));
    }

    @Override
    public String name() {
        return name;
    }

    /** {@code isinstance(value, self)}. */
    public boolean isInstance(Object value) {
        return instanceTest.test(value);
    }

    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        return constructor.call(args, kwargs);
    }

    @Override
    public String toString() {
        return "<class '" + name + "'>";
    }
}
