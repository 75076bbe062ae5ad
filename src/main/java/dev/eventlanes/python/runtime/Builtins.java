package dev.eventlanes.python.runtime;

import dev.eventlanes.model.ExcType;
import dev.eventlanes.model.PyException;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The builtin namespace: {@link #get(String)} / {@link #all()} map names ({@code len},
 * {@code sorted}, {@code int}, {@code ValueError}...) to values — {@link BuiltinFunction}s,
 * {@link PyType}s, and {@link ExcType}s for the exception classes (the interpreter turns a call
 * of an ExcType into a PyException, or uses {@link PyOps#call}). {@code print} is not here:
 * the interpreter owns output and uses {@link PyOps#printText}.
 */
public final class Builtins {
    private Builtins() {
    }

    private static final Map<String, Object> ALL = build();

    /** The builtin named {@code name}, or Java null. */
    public static Object get(String name) {
        return ALL.get(name);
    }

    /** All builtins, unmodifiable, in a stable order. */
    public static Map<String, Object> all() {
        return ALL;
    }

    private static Map<String, Object> build() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (PyType t : new PyType[] {PyType.INT, PyType.FLOAT, PyType.STR, PyType.BOOL, PyType.LIST, PyType.TUPLE,
            PyType.DICT, PyType.RANGE, PyType.OBJECT, PyType.TYPE, PyType.SLICE}) {
            m.put(t.name(), t);
        }
        fn(m, "len", (a, k) -> {
            noKwargs("len", k);
            if (a.length != 1) {
                throw typeError("len() takes exactly one argument (" + a.length + " given)");
            }
            return PyOps.len(a[0]);
        });
        fn(m, "repr", (a, k) -> PyOps.repr(one("repr", a, k)));
        fn(m, "ascii", (a, k) -> PyOps.ascii(one("ascii", a, k)));
        fn(m, "hash", (a, k) -> PyOps.hash(one("hash", a, k)));
        fn(m, "abs", (a, k) -> PyOps.abs(one("abs", a, k)));
        fn(m, "isinstance", (a, k) -> {
            noKwargs("isinstance", k);
            if (a.length != 2) {
                throw typeError("isinstance expected 2 arguments, got " + a.length);
            }
            return PyOps.isInstance(a[0], a[1]);
        });
        fn(m, "divmod", (a, k) -> {
            args("divmod", a, k, 2, 2);
            return PyOps.divmod(a[0], a[1]);
        });
        fn(m, "pow", Builtins::pow);
        fn(m, "round", Builtins::round);
        fn(m, "chr", (a, k) -> {
            Object v = one("chr", a, k);
            long c = Methods.asIndex(v);
            if (c < 0 || c > 0x10FFFF) {
                throw PyException.of(ExcType.VALUE_ERROR, "chr() arg not in range(0x110000)");
            }
            return new String(Character.toChars((int) c));
        });
        fn(m, "ord", (a, k) -> {
            Object v = one("ord", a, k);
            if (!(v instanceof String)) {
                throw typeError("ord() expected string of length 1, but " + PyOps.typeName(v) + " found");
            }
            String s = (String) v;
            int n = PyOps.strLen(s);
            if (n != 1) {
                throw typeError("ord() expected a character, but string of length " + n + " found");
            }
            return (long) s.codePointAt(0);
        });
        fn(m, "min", (a, k) -> minMax("min", a, k, true));
        fn(m, "max", (a, k) -> minMax("max", a, k, false));
        fn(m, "sum", Builtins::sum);
        fn(m, "any", (a, k) -> {
            PyIterator it = PyOps.iter(one("any", a, k));
            for (Object o = it.next(); o != null; o = it.next()) {
                if (PyOps.truthy(o)) {
                    return true;
                }
            }
            return false;
        });
        fn(m, "all", (a, k) -> {
            PyIterator it = PyOps.iter(one("all", a, k));
            for (Object o = it.next(); o != null; o = it.next()) {
                if (!PyOps.truthy(o)) {
                    return false;
                }
            }
            return true;
        });
        fn(m, "enumerate", Builtins::enumerate);
        fn(m, "zip", Builtins::zip);
        fn(m, "reversed", Builtins::reversed);
        fn(m, "sorted", (a, k) -> {
            if (a.length != 1) {
                throw typeError("sorted expected 1 argument, got " + a.length);
            }
            ArrayList<Object> l = PyOps.toList(a[0]);
            Object key = PyNone.NONE;
            boolean reverse = false;
            for (Map.Entry<String, Object> e : k.entrySet()) {
                if (e.getKey().equals("key")) {
                    key = e.getValue();
                } else if (e.getKey().equals("reverse")) {
                    reverse = PyOps.truthy(e.getValue());
                } else {
                    throw typeError("'" + e.getKey() + "' is an invalid keyword argument for sort()");
                }
            }
            Methods.sort(l, key, reverse);
            return new PyList(l);
        });
        fn(m, "iter", (a, k) -> PyOps.iter(one("iter", a, k)));
        fn(m, "next", (a, k) -> {
            args("next", a, k, 1, 2);
            if (!(a[0] instanceof PyIterator)) {
                throw typeError("'" + PyOps.typeName(a[0]) + "' object is not an iterator");
            }
            Object v = ((PyIterator) a[0]).next();
            if (v != null) {
                return v;
            }
            if (a.length > 1) {
                return a[1];
            }
            throw new PyException(ExcType.STOP_ITERATION, List.of());
        });
        fn(m, "map", Builtins::map);
        fn(m, "filter", Builtins::filter);
        fn(m, "format", (a, k) -> {
            args("format", a, k, 1, 2);
            Object spec = a.length > 1 ? a[1] : "";
            if (!(spec instanceof String)) {
                throw typeError("format() argument 2 must be str, not " + PyOps.typeName(spec));
            }
            return PyOps.format(a[0], (String) spec);
        });
        fn(m, "callable", (a, k) -> {
            Object o = one("callable", a, k);
            return o instanceof PyCallable || o instanceof ExcType;
        });
        fn(m, "id", (a, k) -> (long) System.identityHashCode(one("id", a, k)) + 0x7f0000000000L);
        // Exception classes by name: every public ExcType constant with module builtins.
        for (Field f : ExcType.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ExcType.class) {
                try {
                    ExcType t = (ExcType) f.get(null);
                    if ("builtins".equals(t.module())) {
                        m.put(t.name(), t);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        m.put("None", PyNone.NONE);
        m.put("True", Boolean.TRUE);
        m.put("False", Boolean.FALSE);
        return Collections.unmodifiableMap(m);
    }

    private static void fn(Map<String, Object> m, String name, BuiltinFunction.Impl impl) {
        m.put(name, new BuiltinFunction(name, impl));
    }

    static PyException typeError(String msg) {
        return PyException.of(ExcType.TYPE_ERROR, msg);
    }

    static void noKwargs(String name, Map<String, Object> k) {
        if (!k.isEmpty()) {
            throw typeError(name + "() takes no keyword arguments");
        }
    }

    private static Object one(String name, Object[] a, Map<String, Object> k) {
        noKwargs(name, k);
        if (a.length != 1) {
            throw typeError(name + "() takes exactly one argument (" + a.length + " given)");
        }
        return a[0];
    }

    private static void args(String name, Object[] a, Map<String, Object> k, int min, int max) {
        noKwargs(name, k);
        Methods.between(name, a, min, max);
    }

    // ------------------------------------------------------------------ constructors

    static Object intCtor(Object[] a, Map<String, Object> k) {
        Object base = k.get("base");
        if (k.size() > (base != null ? 1 : 0)) {
            throw typeError("'" + k.keySet().iterator().next() + "' is an invalid keyword argument for int()");
        }
        if (a.length > 2 || (a.length == 2 && base != null)) {
            throw typeError("int() takes at most 2 arguments (" + (a.length + (base != null ? 1 : 0)) + " given)");
        }
        if (a.length == 2) {
            base = a[1];
        }
        if (a.length == 0) {
            if (base != null) {
                throw typeError("int() missing string argument");
            }
            return 0L;
        }
        Object v = a[0];
        if (base != null) {
            if (!(v instanceof String)) {
                throw typeError("int() can't convert non-string with explicit base");
            }
            long b = Methods.asIndex(base);
            if (b != 0 && (b < 2 || b > 36)) {
                throw PyException.of(ExcType.VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0");
            }
            return parseInt((String) v, (int) b);
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return v;
        }
        if (v instanceof Boolean) {
            return PyOps.lv(v);
        }
        if (v instanceof Double) {
            return floatToInt((Double) v);
        }
        if (v instanceof String) {
            return parseInt((String) v, 10);
        }
        throw typeError("int() argument must be a string, a bytes-like object or a real number, not '" + PyOps.typeName(v) + "'");
    }

    /** {@code int(x)} for a float: truncation toward zero, with CPython's errors for inf and nan. */
    public static Object floatToInt(double d) {
        if (Double.isNaN(d)) {
            throw PyException.of(ExcType.VALUE_ERROR, "cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw PyException.of(ExcType.OVERFLOW_ERROR, "cannot convert float infinity to integer");
        }
        if (Math.abs(d) < 9.2e18) {
            return (long) d;
        }
        return PyOps.normInt(new BigDecimal(d).toBigInteger());
    }

    /** {@code int(s, base)} with Python's literal syntax: whitespace, sign, underscores, prefixes. */
    public static Object parseInt(String text, int base) {
        String s = strip(text);
        int i = 0;
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        int b = base;
        if (i + 1 < s.length() && s.charAt(i) == '0') {
            char p = Character.toLowerCase(s.charAt(i + 1));
            int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (pb != 0 && (base == 0 || base == pb)) {
                b = pb;
                i += 2;
                if (i < s.length() && s.charAt(i) == '_') {
                    i++; // 0x_ff is allowed
                }
            }
        }
        if (b == 0) {
            b = 10;
            // base 0 forbids leading zeros in non-zero decimals ("09")
            if (i < s.length() && s.charAt(i) == '0') {
                for (int j = i; j < s.length(); j++) {
                    char c = s.charAt(j);
                    if (c != '0' && c != '_') {
                        throw invalidInt(text, base);
                    }
                }
            }
        }
        StringBuilder digits = new StringBuilder(s.length());
        boolean lastUnderscore = true;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (lastUnderscore) {
                    throw invalidInt(text, base);
                }
                lastUnderscore = true;
                continue;
            }
            int d = Character.digit(c, b);
            if (d < 0) {
                throw invalidInt(text, base);
            }
            digits.append(Character.forDigit(d, b));
            lastUnderscore = false;
        }
        if (digits.length() == 0 || lastUnderscore) {
            throw invalidInt(text, base);
        }
        if (b == 10 && digits.length() > Limits.INT_MAX_STR_DIGITS) {
            throw PyException.of(ExcType.VALUE_ERROR, "Exceeds the limit (4300 digits) for integer string conversion: value has "
                    + digits.length() + " digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        if (digits.length() <= 18 && b == 10) {
            long v = Long.parseLong(digits.toString());
            return neg ? -v : v;
        }
        BigInteger v = new BigInteger(digits.toString(), b);
        return PyOps.normInt(neg ? v.negate() : v);
    }

    private static PyException invalidInt(String text, int base) {
        return PyException.of(ExcType.VALUE_ERROR, "invalid literal for int() with base " + base + ": " + PyOps.repr(text));
    }

    private static String strip(String s) {
        int lo = 0;
        int hi = s.length();
        while (lo < hi && Methods.isSpace(s.charAt(lo))) {
            lo++;
        }
        while (hi > lo && Methods.isSpace(s.charAt(hi - 1))) {
            hi--;
        }
        return s.substring(lo, hi);
    }

    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*)?\\.?\\d(?:_?\\d)*(?:[eE][+-]?\\d(?:_?\\d)*)?|\\d(?:_?\\d)*\\.(?:[eE][+-]?\\d(?:_?\\d)*)?)");

    static Object floatCtor(Object[] a, Map<String, Object> k) {
        noKwargs("float", k);
        if (a.length > 1) {
            throw typeError("float expected at most 1 argument, got " + a.length);
        }
        if (a.length == 0) {
            return 0.0;
        }
        Object v = a[0];
        if (v instanceof Double) {
            return v;
        }
        if (PyOps.isInt(v)) {
            return PyOps.toDouble(v);
        }
        if (v instanceof String) {
            return parseFloat((String) v);
        }
        throw typeError("float() argument must be a string or a real number, not '" + PyOps.typeName(v) + "'");
    }

    /** {@code float(s)}: Python's float literal syntax plus inf/nan spellings. */
    public static double parseFloat(String text) {
        String s = strip(text);
        // Unicode decimal digits are accepted by CPython: map them to ASCII first.
        StringBuilder ascii = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            ascii.append(c > 127 && Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c);
        }
        s = ascii.toString();
        String low = s.toLowerCase(java.util.Locale.ROOT);
        String body = low.startsWith("+") || low.startsWith("-") ? low.substring(1) : low;
        boolean neg = low.startsWith("-");
        if (body.equals("inf") || body.equals("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (body.equals("nan")) {
            return Double.NaN;
        }
        if (!FLOAT.matcher(s).matches()) {
            throw PyException.of(ExcType.VALUE_ERROR, "could not convert string to float: " + PyOps.repr(text));
        }
        return Double.parseDouble(s.replace("_", ""));
    }

    static Object strCtor(Object[] a, Map<String, Object> k) {
        noKwargs("str", k);
        if (a.length > 1) {
            throw typeError("str expected at most 1 argument, got " + a.length);
        }
        return a.length == 0 ? "" : PyOps.str(a[0]);
    }

    static Object boolCtor(Object[] a, Map<String, Object> k) {
        noKwargs("bool", k);
        if (a.length > 1) {
            throw typeError("bool expected at most 1 argument, got " + a.length);
        }
        return a.length != 0 && PyOps.truthy(a[0]);
    }

    static Object listCtor(Object[] a, Map<String, Object> k) {
        noKwargs("list", k);
        if (a.length > 1) {
            throw typeError("list expected at most 1 argument, got " + a.length);
        }
        return a.length == 0 ? new PyList() : new PyList(PyOps.toList(a[0]));
    }

    static Object tupleCtor(Object[] a, Map<String, Object> k) {
        noKwargs("tuple", k);
        if (a.length > 1) {
            throw typeError("tuple expected at most 1 argument, got " + a.length);
        }
        if (a.length == 0) {
            return PyTuple.EMPTY;
        }
        if (a[0] instanceof PyTuple) {
            return a[0];
        }
        return PyTuple.fromList(PyOps.toList(a[0]));
    }

    static Object dictCtor(Object[] a, Map<String, Object> k) {
        if (a.length > 1) {
            throw typeError("dict expected at most 1 argument, got " + a.length);
        }
        PyDict d = new PyDict();
        if (a.length == 1) {
            Methods.dictUpdate(d, a[0]);
        }
        for (Map.Entry<String, Object> e : k.entrySet()) {
            d.put(e.getKey(), e.getValue());
        }
        return d;
    }

    static Object rangeCtor(Object[] a, Map<String, Object> k) {
        noKwargs("range", k);
        if (a.length == 0) {
            throw typeError("range expected at least 1 argument, got 0");
        }
        if (a.length > 3) {
            throw typeError("range expected at most 3 arguments, got " + a.length);
        }
        long[] v = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            if (a[i] instanceof BigInteger) {
                throw PyException.of(ExcType.OVERFLOW_ERROR, "Python int too large to convert to C ssize_t");
            }
            v[i] = Methods.asIndex(a[i]);
        }
        return a.length == 1 ? new PyRange(0, v[0], 1) : new PyRange(v[0], v[1], a.length == 3 ? v[2] : 1);
    }

    static Object sliceCtor(Object[] a, Map<String, Object> k) {
        noKwargs("slice", k);
        Methods.between("slice", a, 1, 3);
        return a.length == 1 ? new PySlice(null, a[0], null) : new PySlice(a[0], a[1], a.length > 2 ? a[2] : null);
    }

    static Object typeCtor(Object[] a, Map<String, Object> k) {
        if (a.length != 1 || !k.isEmpty()) {
            throw typeError("type() takes 1 or 3 arguments");
        }
        return PyOps.type(a[0]);
    }

    // ------------------------------------------------------------------ functions

    private static Object pow(Object[] a, Map<String, Object> k) {
        args("pow", a, k, 2, 3);
        if (a.length == 2 || a[2] == PyNone.NONE) {
            return PyOps.pow(a[0], a[1]);
        }
        if (!PyOps.isInt(a[0]) || !PyOps.isInt(a[1]) || !PyOps.isInt(a[2])) {
            throw typeError("unsupported operand type(s) for ** or pow(): '" + PyOps.typeName(a[0]) + "', '"
                    + PyOps.typeName(a[1]) + "', '" + PyOps.typeName(a[2]) + "'");
        }
        BigInteger mod = PyOps.bv(a[2]);
        if (mod.signum() == 0) {
            throw PyException.of(ExcType.VALUE_ERROR, "pow() 3rd argument cannot be 0");
        }
        BigInteger base = PyOps.bv(a[0]);
        BigInteger exp = PyOps.bv(a[1]);
        BigInteger m = mod.abs();
        BigInteger r;
        if (exp.signum() < 0) {
            try {
                r = base.modInverse(m).modPow(exp.negate(), m);
            } catch (ArithmeticException e) {
                throw PyException.of(ExcType.VALUE_ERROR, "base is not invertible for the given modulus");
            }
        } else {
            r = base.modPow(exp, m);
        }
        if (mod.signum() < 0 && r.signum() != 0) {
            r = r.add(mod);
        }
        return PyOps.normInt(r);
    }

    private static Object round(Object[] a, Map<String, Object> k) {
        Object x = a.length > 0 ? a[0] : k.get("number");
        Object nd = a.length > 1 ? a[1] : k.getOrDefault("ndigits", PyNone.NONE);
        if (x == null || a.length > 2) {
            throw typeError(x == null ? "round() missing required argument 'number' (pos 1)"
                    : "round() takes at most 2 arguments (" + a.length + " given)");
        }
        if (x instanceof Double) {
            double d = (Double) x;
            if (nd == PyNone.NONE) {
                return floatToInt(Math.rint(d));
            }
            long n = Methods.asIndex(nd);
            if (!Double.isFinite(d) || d == 0) {
                return d;
            }
            if (n > 330) {
                return d;
            }
            if (n < -330) {
                return Math.copySign(0.0, d);
            }
            // Round the exact binary value half-even, as CPython's correctly rounded dtoa.
            double r = new BigDecimal(d).setScale((int) n, RoundingMode.HALF_EVEN).doubleValue();
            if (Double.isInfinite(r)) {
                throw PyException.of(ExcType.OVERFLOW_ERROR, "rounded value too large to represent");
            }
            return r == 0 ? Math.copySign(0.0, d) : r;
        }
        if (PyOps.isInt(x)) {
            Object v = x instanceof Boolean ? PyOps.lv(x) : x;
            if (nd == PyNone.NONE) {
                return v;
            }
            long n = Methods.asIndex(nd);
            if (n >= 0) {
                return v;
            }
            BigDecimal r = new BigDecimal(PyOps.bv(v)).setScale((int) Math.max(n, -100000), RoundingMode.HALF_EVEN);
            return PyOps.normInt(r.toBigInteger());
        }
        if (x instanceof PyObject) {
            Object m = ((PyObject) x).getAttr("__round__");
            if (m != null) {
                return PyOps.call(m, nd == PyNone.NONE ? new Object[0] : new Object[] {nd}, Map.of());
            }
        }
        throw typeError("type " + PyOps.typeName(x) + " doesn't define __round__ method");
    }

    private static Object minMax(String name, Object[] a, Map<String, Object> k, boolean min) {
        Object key = k.get("key");
        Object dflt = k.get("default");
        for (String kn : k.keySet()) {
            if (!kn.equals("key") && !kn.equals("default")) {
                throw typeError("'" + kn + "' is an invalid keyword argument for " + name + "()");
            }
        }
        if (a.length == 0) {
            throw typeError(name + " expected at least 1 argument, got 0");
        }
        PyIterator it;
        if (a.length == 1) {
            it = PyOps.iter(a[0]);
        } else {
            if (dflt != null) {
                throw typeError("Cannot specify a default for " + name + "() with multiple positional arguments");
            }
            it = PyOps.iter(PyTuple.of(a));
        }
        if (key == PyNone.NONE) {
            key = null;
        }
        Object best = null;
        Object bestKey = null;
        for (Object o = it.next(); o != null; o = it.next()) {
            Object kv = key == null ? o : PyOps.call(key, new Object[] {o}, Map.of());
            if (best == null || (min ? PyOps.lt(kv, bestKey) : PyOps.gt(kv, bestKey))) {
                best = o;
                bestKey = kv;
            }
        }
        if (best == null) {
            if (dflt != null) {
                return dflt;
            }
            throw PyException.of(ExcType.VALUE_ERROR, name + "() arg is an empty sequence");
        }
        return best;
    }

    private static Object sum(Object[] a, Map<String, Object> k) {
        Object start = a.length > 1 ? a[1] : k.getOrDefault("start", 0L);
        if (a.length == 0 || a.length > 2) {
            throw typeError(a.length == 0 ? "sum() takes at least 1 positional argument (0 given)"
                    : "sum() takes at most 2 arguments (" + a.length + " given)");
        }
        if (start instanceof String) {
            throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
        }
        Object acc = start;
        PyIterator it = PyOps.iter(a[0]);
        for (Object o = it.next(); o != null; o = it.next()) {
            acc = PyOps.add(acc, o);
        }
        return acc;
    }

    private static Object enumerate(Object[] a, Map<String, Object> k) {
        Object startObj = a.length > 1 ? a[1] : k.getOrDefault("start", 0L);
        if (a.length == 0 || a.length > 2) {
            throw typeError(a.length == 0 ? "enumerate() missing required argument 'iterable' (pos 1)"
                    : "enumerate() takes at most 2 arguments (" + a.length + " given)");
        }
        if (!PyOps.isInt(startObj)) {
            throw typeError("'" + PyOps.typeName(startObj) + "' object cannot be interpreted as an integer");
        }
        PyIterator it = PyOps.iter(a[0]);
        Object[] counter = {startObj instanceof Boolean ? PyOps.lv(startObj) : startObj};
        return new PyIterator() {
            @Override
            public Object next() {
                Object v = it.next();
                if (v == null) {
                    return null;
                }
                Object i = counter[0];
                counter[0] = PyOps.add(i, 1L);
                return new PyTuple(new Object[] {i, v});
            }

            @Override
            public String typeName() {
                return "enumerate";
            }
        };
    }

    private static Object zip(Object[] a, Map<String, Object> k) {
        boolean strict = k.containsKey("strict") && PyOps.truthy(k.get("strict"));
        for (String kn : k.keySet()) {
            if (!kn.equals("strict")) {
                throw typeError("zip() got an unexpected keyword argument '" + kn + "'");
            }
        }
        PyIterator[] its = new PyIterator[a.length];
        for (int i = 0; i < a.length; i++) {
            its[i] = PyOps.iter(a[i]);
        }
        return new PyIterator() {
            boolean done = its.length == 0;

            @Override
            public Object next() {
                if (done) {
                    return null;
                }
                Object[] row = new Object[its.length];
                for (int i = 0; i < its.length; i++) {
                    Object v = its[i].next();
                    if (v == null) {
                        done = true;
                        if (strict) {
                            if (i > 0) {
                                throw PyException.of(ExcType.VALUE_ERROR, "zip() argument " + (i + 1) + " is shorter than argument"
                                        + (i == 1 ? " 1" : "s 1-" + i));
                            }
                            for (int j = 1; j < its.length; j++) {
                                if (its[j].next() != null) {
                                    throw PyException.of(ExcType.VALUE_ERROR, "zip() argument " + (j + 1) + " is longer than argument"
                                            + (j == 1 ? " 1" : "s 1-" + j));
                                }
                            }
                        }
                        return null;
                    }
                    row[i] = v;
                }
                return new PyTuple(row);
            }

            @Override
            public String typeName() {
                return "zip";
            }
        };
    }

    private static Object reversed(Object[] a, Map<String, Object> k) {
        Object seq = one("reversed", a, k);
        if (seq instanceof PyList) {
            List<Object> items = ((PyList) seq).items();
            return new PyIterator() {
                int i = items.size() - 1;

                @Override
                public Object next() {
                    if (i >= items.size()) {
                        i = -1; // list shrank: CPython stops
                    }
                    return i >= 0 ? items.get(i--) : null;
                }

                @Override
                public String typeName() {
                    return "list_reverseiterator";
                }
            };
        }
        if (seq instanceof PyTuple || seq instanceof String || seq instanceof PyRange) {
            long n = PyOps.len(seq);
            return new PyIterator() {
                long i = n - 1;

                @Override
                public Object next() {
                    return i >= 0 ? PyOps.getItem(seq, i--) : null;
                }

                @Override
                public String typeName() {
                    return seq instanceof PyRange ? "range_iterator" : "reversed";
                }
            };
        }
        if (seq instanceof PyDict || seq instanceof PyDictView) {
            PyDict d = seq instanceof PyDict ? (PyDict) seq : ((PyDictView) seq).dict();
            ArrayList<Object> l = PyOps.toList(seq instanceof PyDict ? new PyDictView(d, PyDictView.Kind.KEYS) : seq);
            Collections.reverse(l);
            return PyOps.iter(new PyList(l));
        }
        throw typeError("'" + PyOps.typeName(seq) + "' object is not reversible");
    }

    private static Object map(Object[] a, Map<String, Object> k) {
        noKwargs("map", k);
        if (a.length < 2) {
            throw typeError("map() must have at least two arguments.");
        }
        Object f = a[0];
        PyIterator[] its = new PyIterator[a.length - 1];
        for (int i = 1; i < a.length; i++) {
            its[i - 1] = PyOps.iter(a[i]);
        }
        return new PyIterator() {
            @Override
            public Object next() {
                Object[] args = new Object[its.length];
                for (int i = 0; i < its.length; i++) {
                    args[i] = its[i].next();
                    if (args[i] == null) {
                        return null;
                    }
                }
                return PyOps.call(f, args, Map.of());
            }

            @Override
            public String typeName() {
                return "map";
            }
        };
    }

    private static Object filter(Object[] a, Map<String, Object> k) {
        noKwargs("filter", k);
        if (a.length != 2) {
            throw typeError("filter expected 2 arguments, got " + a.length);
        }
        Object f = a[0];
        PyIterator it = PyOps.iter(a[1]);
        return new PyIterator() {
            @Override
            public Object next() {
                for (Object o = it.next(); o != null; o = it.next()) {
                    if (PyOps.truthy(f == PyNone.NONE ? o : PyOps.call(f, new Object[] {o}, Map.of()))) {
                        return o;
                    }
                }
                return null;
            }

            @Override
            public String typeName() {
                return "filter";
            }
        };
    }
}
