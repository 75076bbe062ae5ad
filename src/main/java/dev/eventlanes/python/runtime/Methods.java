package dev.eventlanes.python.runtime;

import dev.eventlanes.model.ExcType;
import dev.eventlanes.model.PyException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Methods and attributes of builtin values (list, dict, str, tuple, range, int, float, exceptions, types). */
final class Methods {
    private Methods() {
    }

    static final Set<String> LIST = Set.of("append", "extend", "insert", "pop", "remove", "count", "index", "sort",
            "reverse", "copy", "clear");
    static final Set<String> DICT = Set.of("get", "pop", "popitem", "items", "keys", "values", "setdefault", "update",
            "copy", "clear", "fromkeys");
    static final Set<String> STR = Set.of("join", "split", "rsplit", "strip", "lstrip", "rstrip", "upper", "lower",
            "title", "capitalize", "swapcase", "casefold", "replace", "startswith", "endswith", "find", "rfind", "index",
            "rindex", "count", "format", "center", "ljust", "rjust", "zfill", "isdigit", "isalpha", "isalnum", "isspace",
            "isupper", "islower", "isdecimal", "isnumeric", "isascii", "istitle", "isidentifier", "isprintable",
            "splitlines", "partition", "rpartition", "removeprefix", "removesuffix", "expandtabs");
    static final Set<String> TUPLE = Set.of("count", "index");
    static final Set<String> INT = Set.of("bit_length", "bit_count", "conjugate");
    static final Set<String> FLOAT = Set.of("is_integer", "conjugate", "as_integer_ratio");

    private static Set<String> methodsOf(Object o) {
        if (o instanceof String) {
            return STR;
        }
        if (o instanceof PyList) {
            return LIST;
        }
        if (o instanceof PyDict) {
            return DICT;
        }
        if (o instanceof PyTuple || o instanceof PyRange) {
            return TUPLE;
        }
        if (o instanceof Long || o instanceof BigInteger || o instanceof Boolean) {
            return INT;
        }
        if (o instanceof Double) {
            return FLOAT;
        }
        return Set.of();
    }

    /** The attribute, or Java null if there is none. */
    static Object getAttr(Object obj, String name) {
        if (obj instanceof PyObject) {
            return ((PyObject) obj).getAttr(name);
        }
        if (methodsOf(obj).contains(name)) {
            return new BoundMethod(obj, name);
        }
        if (obj instanceof PyException) {
            PyException e = (PyException) obj;
            switch (name) {
                case "args":
                    if (e.type().isSubclassOf(ExcType.BASE_EXCEPTION_GROUP) && !e.args().isEmpty()) {
                        // The model builds groups with a Java list: Python sees ('msg', [excs]).
                        return PyTuple.of(e.args().get(0), PyList.copyOf(e.exceptions()));
                    }
                    return PyTuple.fromList(e.args());
                case "__class__":
                    return e.type();
                case "__cause__":
                    return e.cause() == null ? PyNone.NONE : e.cause();
                case "__context__":
                    return e.context() == null ? PyNone.NONE : e.context();
                case "__suppress_context__":
                    return e.suppressContext();
                case "exceptions":
                    return e.type().isSubclassOf(ExcType.BASE_EXCEPTION_GROUP) ? PyTuple.fromList(e.exceptions()) : null;
                case "message":
                    return e.type().isSubclassOf(ExcType.BASE_EXCEPTION_GROUP) && !e.args().isEmpty() ? e.args().get(0) : null;
                default:
                    return null;
            }
        }
        if (obj instanceof PyType) {
            PyType t = (PyType) obj;
            switch (name) {
                case "__name__":
                case "__qualname__":
                    return t.name();
                case "__module__":
                    return "builtins";
                default:
                    break;
            }
            Object proto = prototype(t);
            if (proto != null && methodsOf(proto).contains(name)) {
                // unbound method: str.upper('abc'), dict.fromkeys(...)
                if (t == PyType.DICT && name.equals("fromkeys")) {
                    return new BuiltinFunction("fromkeys", (a, k) -> call(new PyDict(), "fromkeys", a, k));
                }
                return new BuiltinFunction(name, (a, k) -> {
                    if (a.length == 0 || !t.isInstance(a[0])) {
                        throw PyOps.typeError("descriptor '" + name + "' for '" + t.name() + "' objects doesn't apply to a '"
                                + (a.length == 0 ? "NoneType" : PyOps.typeName(a[0])) + "' object");
                    }
                    Object[] rest = new Object[a.length - 1];
                    System.arraycopy(a, 1, rest, 0, rest.length);
                    return call(a[0], name, rest, k);
                });
            }
            return null;
        }
        if (obj instanceof ExcType) {
            ExcType t = (ExcType) obj;
            switch (name) {
                case "__name__":
                case "__qualname__":
                    return t.name();
                case "__module__":
                    return t.module();
                default:
                    return null;
            }
        }
        if (obj instanceof PyCallable && (name.equals("__name__") || name.equals("__qualname__"))) {
            return ((PyCallable) obj).name();
        }
        if (obj instanceof PyRange) {
            PyRange r = (PyRange) obj;
            switch (name) {
                case "start":
                    return r.start();
                case "stop":
                    return r.stop();
                case "step":
                    return r.step();
                default:
                    return null;
            }
        }
        if (PyOps.isInt(obj)) {
            switch (name) {
                case "real":
                case "numerator":
                    return obj instanceof Boolean ? PyOps.lv(obj) : obj;
                case "imag":
                    return 0L;
                case "denominator":
                    return 1L;
                default:
                    return null;
            }
        }
        if (obj instanceof Double) {
            switch (name) {
                case "real":
                    return obj;
                case "imag":
                    return 0.0;
                default:
                    return null;
            }
        }
        return null;
    }

    private static Object prototype(PyType t) {
        if (t == PyType.STR) {
            return "";
        }
        if (t == PyType.LIST) {
            return new PyList();
        }
        if (t == PyType.DICT) {
            return new PyDict();
        }
        if (t == PyType.TUPLE) {
            return PyTuple.EMPTY;
        }
        if (t == PyType.INT) {
            return 0L;
        }
        if (t == PyType.FLOAT) {
            return 0.0;
        }
        return null;
    }

    // ------------------------------------------------------------------ argument checks

    static void noKw(String qual, Map<String, Object> kw) {
        if (!kw.isEmpty()) {
            throw PyOps.typeError(qual + "() takes no keyword arguments");
        }
    }

    static void exactlyOne(String qual, Object[] a, Map<String, Object> kw) {
        noKw(qual, kw);
        if (a.length != 1) {
            throw PyOps.typeError(qual + "() takes exactly one argument (" + a.length + " given)");
        }
    }

    static void noArgs(String qual, Object[] a, Map<String, Object> kw) {
        noKw(qual, kw);
        if (a.length != 0) {
            throw PyOps.typeError(qual + "() takes no arguments (" + a.length + " given)");
        }
    }

    static void between(String name, Object[] a, int min, int max) {
        if (a.length < min) {
            if (min == max) {
                throw PyOps.typeError(name + " expected " + min + " argument" + (min == 1 ? "" : "s") + ", got " + a.length);
            }
            throw PyOps.typeError(name + " expected at least " + min + " argument" + (min == 1 ? "" : "s") + ", got " + a.length);
        }
        if (a.length > max) {
            if (min == max) {
                throw PyOps.typeError(name + " expected " + max + " argument" + (max == 1 ? "" : "s") + ", got " + a.length);
            }
            throw PyOps.typeError(name + " expected at most " + max + " argument" + (max == 1 ? "" : "s") + ", got " + a.length);
        }
    }

    static long asIndex(Object o) {
        if (o instanceof Long || o instanceof Boolean) {
            return PyOps.lv(o);
        }
        if (o instanceof BigInteger) {
            throw PyException.of(ExcType.OVERFLOW_ERROR, "Python int too large to convert to C ssize_t");
        }
        throw PyOps.typeError("'" + PyOps.typeName(o) + "' object cannot be interpreted as an integer");
    }

    /** Dispatches {@code obj.name(*args, **kwargs)} on a builtin value. */
    static Object call(Object obj, String name, Object[] a, Map<String, Object> kw) {
        if (obj instanceof String) {
            return strMethod((String) obj, name, a, kw);
        }
        if (obj instanceof PyList) {
            return listMethod((PyList) obj, name, a, kw);
        }
        if (obj instanceof PyDict) {
            return dictMethod((PyDict) obj, name, a, kw);
        }
        if ((obj instanceof PyTuple || obj instanceof PyRange) && TUPLE.contains(name)) {
            return seqMethod(obj, name, a, kw);
        }
        if (PyOps.isInt(obj) && INT.contains(name)) {
            noArgs("int." + name, a, kw);
            BigInteger b = PyOps.bv(obj);
            switch (name) {
                case "bit_length":
                    return (long) b.abs().bitLength();
                case "bit_count":
                    return (long) b.abs().bitCount();
                default:
                    return obj instanceof Boolean ? PyOps.lv(obj) : obj;
            }
        }
        if (obj instanceof Double && FLOAT.contains(name)) {
            noArgs("float." + name, a, kw);
            double d = (Double) obj;
            switch (name) {
                case "is_integer":
                    return Double.isFinite(d) && d == Math.rint(d);
                case "conjugate":
                    return obj;
                default: {
                    if (Double.isNaN(d)) {
                        throw PyException.of(ExcType.VALUE_ERROR, "cannot convert NaN to integer ratio");
                    }
                    if (Double.isInfinite(d)) {
                        throw PyException.of(ExcType.OVERFLOW_ERROR, "cannot convert Infinity to integer ratio");
                    }
                    java.math.BigDecimal bd = new java.math.BigDecimal(d);
                    BigInteger num = bd.unscaledValue();
                    BigInteger den = BigInteger.ONE;
                    if (bd.scale() > 0) {
                        den = BigInteger.TEN.pow(bd.scale());
                    } else {
                        num = num.multiply(BigInteger.TEN.pow(-bd.scale()));
                    }
                    BigInteger g = num.gcd(den);
                    return PyTuple.of(PyOps.normInt(num.divide(g)), PyOps.normInt(den.divide(g)));
                }
            }
        }
        Object attr = PyOps.getAttr(obj, name);
        return PyOps.call(attr, a, kw);
    }

    // ------------------------------------------------------------------ list

    static void listExtend(PyList l, Object iterable) {
        ArrayList<Object> items = l.items();
        if (iterable instanceof PyList || iterable instanceof PyTuple) {
            List<Object> src = iterable instanceof PyList ? ((PyList) iterable).items() : ((PyTuple) iterable).view();
            Limits.checkSize((long) items.size() + src.size(), "list");
            items.addAll(iterable == l ? new ArrayList<>(src) : src);
            return;
        }
        PyIterator it = PyOps.iter(iterable);
        for (Object o = it.next(); o != null; o = it.next()) {
            l.append(o);
        }
    }

    private static Object listMethod(PyList l, String name, Object[] a, Map<String, Object> kw) {
        ArrayList<Object> items = l.items();
        switch (name) {
            case "append":
                exactlyOne("list.append", a, kw);
                l.append(a[0]);
                return PyNone.NONE;
            case "extend":
                exactlyOne("list.extend", a, kw);
                listExtend(l, a[0]);
                return PyNone.NONE;
            case "insert": {
                noKw("list.insert", kw);
                between("insert", a, 2, 2);
                long i = asIndex(a[0]);
                int n = items.size();
                if (i < 0) {
                    i = Math.max(0, i + n);
                }
                if (i > n) {
                    i = n;
                }
                Limits.checkSize(n + 1L, "list");
                items.add((int) i, a[1]);
                return PyNone.NONE;
            }
            case "pop": {
                noKw("list.pop", kw);
                between("pop", a, 0, 1);
                if (items.isEmpty()) {
                    throw PyException.of(ExcType.INDEX_ERROR, "pop from empty list");
                }
                long i = a.length == 0 ? -1 : asIndex(a[0]);
                if (i < 0) {
                    i += items.size();
                }
                if (i < 0 || i >= items.size()) {
                    throw PyException.of(ExcType.INDEX_ERROR, "pop index out of range");
                }
                return items.remove((int) i);
            }
            case "remove":
                exactlyOne("list.remove", a, kw);
                for (int i = 0; i < items.size(); i++) {
                    if (PyOps.same(items.get(i), a[0])) {
                        items.remove(i);
                        return PyNone.NONE;
                    }
                }
                throw PyException.of(ExcType.VALUE_ERROR, "list.remove(x): x not in list");
            case "count":
            case "index":
                return seqMethod(l, name, a, kw);
            case "sort": {
                if (a.length > 0) {
                    throw PyOps.typeError("sort() takes no positional arguments");
                }
                Object key = PyNone.NONE;
                boolean reverse = false;
                for (Map.Entry<String, Object> e : kw.entrySet()) {
                    if (e.getKey().equals("key")) {
                        key = e.getValue();
                    } else if (e.getKey().equals("reverse")) {
                        reverse = PyOps.truthy(e.getValue());
                    } else {
                        throw PyOps.typeError("'" + e.getKey() + "' is an invalid keyword argument for sort()");
                    }
                }
                sort(items, key, reverse);
                return PyNone.NONE;
            }
            case "reverse":
                noArgs("list.reverse", a, kw);
                java.util.Collections.reverse(items);
                return PyNone.NONE;
            case "copy":
                noArgs("list.copy", a, kw);
                return new PyList(new ArrayList<>(items));
            case "clear":
                noArgs("list.clear", a, kw);
                items.clear();
                return PyNone.NONE;
            default:
                throw PyException.of(ExcType.ATTRIBUTE_ERROR, "'list' object has no attribute '" + name + "'");
        }
    }

    /**
     * Stable sort using only {@code <}, like CPython ({@code reverse} keeps equal elements in
     * their original order). Our own merge sort: Java's TimSort may throw on inconsistent
     * orders (NaN), Python never does.
     */
    static void sort(List<Object> items, Object key, boolean reverse) {
        int n = items.size();
        if (n < 2) {
            return;
        }
        Object[] keys = new Object[n];
        Object[] vals = items.toArray();
        if (reverse) {
            reverseArray(vals);
        }
        if (key == PyNone.NONE || key == null) {
            keys = vals.clone();
        } else {
            for (int i = 0; i < n; i++) {
                keys[i] = PyOps.call(key, new Object[] {vals[i]}, Map.of());
            }
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Integer[] tmp = new Integer[n];
        final Object[] k = keys;
        mergeSort(idx, tmp, 0, n, k);
        Object[] sorted = new Object[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = vals[idx[i]];
        }
        if (reverse) {
            reverseArray(sorted);
        }
        for (int i = 0; i < n; i++) {
            items.set(i, sorted[i]);
        }
    }

    private static void reverseArray(Object[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            Object t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static void mergeSort(Integer[] a, Integer[] tmp, int lo, int hi, Object[] keys) {
        if (hi - lo < 2) {
            return;
        }
        if (hi - lo <= 8) {
            // insertion sort: stable, uses only '<'
            for (int i = lo + 1; i < hi; i++) {
                Integer x = a[i];
                int j = i - 1;
                while (j >= lo && PyOps.lt(keys[x], keys[a[j]])) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid, keys);
        mergeSort(a, tmp, mid, hi, keys);
        if (!PyOps.lt(keys[a[mid]], keys[a[mid - 1]])) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo, j = mid, o = lo;
        while (i < mid && j < hi) {
            if (PyOps.lt(keys[tmp[j]], keys[tmp[i]])) {
                a[o++] = tmp[j++];
            } else {
                a[o++] = tmp[i++];
            }
        }
        while (i < mid) {
            a[o++] = tmp[i++];
        }
        while (j < hi) {
            a[o++] = tmp[j++];
        }
    }

    private static Object seqMethod(Object seq, String name, Object[] a, Map<String, Object> kw) {
        String tn = PyOps.typeName(seq);
        if (seq instanceof PyRange) {
            PyRange r = (PyRange) seq;
            exactlyOne("range." + name, a, kw);
            boolean in = PyOps.contains(r, a[0]);
            if (name.equals("count")) {
                return in ? 1L : 0L;
            }
            if (!in) {
                throw PyException.of(ExcType.VALUE_ERROR, PyOps.repr(a[0]) + " is not in range");
            }
            return Math.floorDiv(PyOps.lv(PyOps.isInt(a[0]) ? a[0] : Builtins.floatToInt((Double) a[0])) - r.start(), r.step());
        }
        List<Object> items = seq instanceof PyList ? ((PyList) seq).items() : ((PyTuple) seq).view();
        if (name.equals("count")) {
            exactlyOne(tn + ".count", a, kw);
            long c = 0;
            for (int i = 0; i < items.size(); i++) {
                if (PyOps.same(items.get(i), a[0])) {
                    c++;
                }
            }
            return c;
        }
        noKw(tn + ".index", kw);
        between("index", a, 1, 3);
        int n = items.size();
        long start = a.length > 1 ? clampIndex(asIndex(a[1]), n) : 0;
        long stop = a.length > 2 ? clampIndex(asIndex(a[2]), n) : n;
        for (long i = start; i < stop && i < items.size(); i++) {
            if (PyOps.same(items.get((int) i), a[0])) {
                return i;
            }
        }
        throw PyException.of(ExcType.VALUE_ERROR, seq instanceof PyList ? PyOps.repr(a[0]) + " is not in list" : "tuple.index(x): x not in tuple");
    }

    private static long clampIndex(long i, long n) {
        if (i < 0) {
            i += n;
            if (i < 0) {
                i = 0;
            }
        }
        return Math.min(i, n);
    }

    // ------------------------------------------------------------------ dict

    static void dictUpdate(PyDict d, Object other) {
        if (other instanceof PyDict) {
            for (PyDict.Entry e : ((PyDict) other).entries()) {
                d.put(e.key, e.value);
            }
            return;
        }
        if (other instanceof PyObject && ((PyObject) other).getAttr("keys") != null) {
            PyIterator it = PyOps.iter(PyOps.call(((PyObject) other).getAttr("keys"), new Object[0], Map.of()));
            for (Object k = it.next(); k != null; k = it.next()) {
                d.put(k, PyOps.getItem(other, k));
            }
            return;
        }
        PyIterator it = PyOps.iter(other);
        int i = 0;
        for (Object item = it.next(); item != null; item = it.next(), i++) {
            if (!(item instanceof PyTuple || item instanceof PyList || item instanceof String || item instanceof PyIterator)) {
                throw PyOps.typeError("cannot convert dictionary update sequence element #" + i + " to a sequence");
            }
            ArrayList<Object> pair = PyOps.toList(item);
            if (pair.size() != 2) {
                throw PyOps.valueError("dictionary update sequence element #" + i + " has length " + pair.size() + "; 2 is required");
            }
            d.put(pair.get(0), pair.get(1));
        }
    }

    private static Object dictMethod(PyDict d, String name, Object[] a, Map<String, Object> kw) {
        switch (name) {
            case "get": {
                noKw("dict.get", kw);
                between("get", a, 1, 2);
                Object v = d.get(a[0]);
                return v != null ? v : a.length > 1 ? a[1] : PyNone.NONE;
            }
            case "pop": {
                noKw("dict.pop", kw);
                between("pop", a, 1, 2);
                Object v = d.remove(a[0]);
                if (v != null) {
                    return v;
                }
                if (a.length > 1) {
                    return a[1];
                }
                throw new PyException(ExcType.KEY_ERROR, List.of(a[0]));
            }
            case "popitem": {
                noArgs("dict.popitem", a, kw);
                PyDict.Entry e = d.popLast();
                if (e == null) {
                    throw PyException.of(ExcType.KEY_ERROR, "popitem(): dictionary is empty");
                }
                return PyTuple.of(e.key, e.value);
            }
            case "items":
                noArgs("dict.items", a, kw);
                return new PyDictView(d, PyDictView.Kind.ITEMS);
            case "keys":
                noArgs("dict.keys", a, kw);
                return new PyDictView(d, PyDictView.Kind.KEYS);
            case "values":
                noArgs("dict.values", a, kw);
                return new PyDictView(d, PyDictView.Kind.VALUES);
            case "setdefault": {
                noKw("dict.setdefault", kw);
                between("setdefault", a, 1, 2);
                Object v = d.get(a[0]);
                if (v != null) {
                    return v;
                }
                Object dflt = a.length > 1 ? a[1] : PyNone.NONE;
                d.put(a[0], dflt);
                return dflt;
            }
            case "update":
                between("update", a, 0, 1);
                if (a.length == 1) {
                    dictUpdate(d, a[0]);
                }
                for (Map.Entry<String, Object> e : kw.entrySet()) {
                    d.put(e.getKey(), e.getValue());
                }
                return PyNone.NONE;
            case "copy":
                noArgs("dict.copy", a, kw);
                return d.copy();
            case "clear":
                noArgs("dict.clear", a, kw);
                d.clear();
                return PyNone.NONE;
            case "fromkeys": {
                noKw("dict.fromkeys", kw);
                between("fromkeys", a, 1, 2);
                PyDict r = new PyDict();
                Object v = a.length > 1 ? a[1] : PyNone.NONE;
                PyIterator it = PyOps.iter(a[0]);
                for (Object k = it.next(); k != null; k = it.next()) {
                    r.put(k, v);
                }
                return r;
            }
            default:
                throw PyException.of(ExcType.ATTRIBUTE_ERROR, "'dict' object has no attribute '" + name + "'");
        }
    }

    // ------------------------------------------------------------------ str

    static boolean isSpace(int c) {
        return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0
                || (c > 0xff && Character.isSpaceChar(c));
    }

    private static String strArg(Object o, String msgPrefix) {
        if (o instanceof String) {
            return (String) o;
        }
        throw PyOps.typeError(msgPrefix + PyOps.typeName(o));
    }

    /** Code point index to UTF-16 offset (identity for BMP-only strings). */
    private static int units(String s, long cp) {
        if (cp <= 0) {
            return 0;
        }
        int n = s.length();
        if (PyOps.strLen(s) == n) {
            return (int) Math.min(cp, n);
        }
        int cpCount = s.codePointCount(0, n);
        return cp >= cpCount ? n : s.offsetByCodePoints(0, (int) cp);
    }

    private static long cps(String s, int units) {
        return PyOps.strLen(s) == s.length() ? units : s.codePointCount(0, units);
    }

    /** [start, end) in UTF-16 units from optional Python start/end arguments (code points, negatives allowed). */
    private static int[] range(String s, Object[] a, int from) {
        long n = PyOps.strLen(s);
        long start = 0;
        long end = n;
        if (a.length > from && a[from] != PyNone.NONE) {
            start = adjust(asIndex(a[from]), n);
        }
        if (a.length > from + 1 && a[from + 1] != PyNone.NONE) {
            end = adjust(asIndex(a[from + 1]), n);
        }
        return new int[] {units(s, start), units(s, end), start > n ? 1 : 0};
    }

    private static long adjust(long i, long n) {
        if (i < 0) {
            i += n;
            if (i < 0) {
                i = 0;
            }
        }
        return i;
    }

    private static Object strMethod(String s, String name, Object[] a, Map<String, Object> kw) {
        switch (name) {
            case "join": {
                exactlyOne("str.join", a, kw);
                Object it0 = a[0];
                if (!(it0 instanceof PyList || it0 instanceof PyTuple || it0 instanceof String || it0 instanceof PyDict
                        || it0 instanceof PyIterator || it0 instanceof PyRange || it0 instanceof PyDictView || it0 instanceof PyObject)) {
                    throw PyOps.typeError("can only join an iterable");
                }
                PyIterator it = PyOps.iter(it0);
                StringBuilder sb = new StringBuilder();
                int i = 0;
                long max = Limits.maxSize();
                for (Object o = it.next(); o != null; o = it.next(), i++) {
                    if (!(o instanceof String)) {
                        throw PyOps.typeError("sequence item " + i + ": expected str instance, " + PyOps.typeName(o) + " found");
                    }
                    if (i > 0) {
                        sb.append(s);
                    }
                    sb.append((String) o);
                    if (sb.length() > max) {
                        throw Limits.tooBig(sb.length(), "str");
                    }
                }
                return sb.toString();
            }
            case "split":
            case "rsplit": {
                Object sep = PyNone.NONE;
                long max = -1;
                if (a.length > 2) {
                    throw PyOps.typeError(name + "() takes at most 2 arguments (" + a.length + " given)");
                }
                if (a.length > 0) {
                    sep = a[0];
                }
                if (a.length > 1) {
                    max = asIndex(a[1]);
                }
                for (Map.Entry<String, Object> e : kw.entrySet()) {
                    if (e.getKey().equals("sep")) {
                        sep = e.getValue();
                    } else if (e.getKey().equals("maxsplit")) {
                        max = asIndex(e.getValue());
                    } else {
                        throw PyOps.typeError(name + "() got an unexpected keyword argument '" + e.getKey() + "'");
                    }
                }
                if (sep != PyNone.NONE && !(sep instanceof String)) {
                    throw PyOps.typeError("must be str or None, not " + PyOps.typeName(sep));
                }
                if (max < 0) {
                    max = Long.MAX_VALUE;
                }
                return name.equals("split") ? split(s, sep == PyNone.NONE ? null : (String) sep, max)
                        : rsplit(s, sep == PyNone.NONE ? null : (String) sep, max);
            }
            case "strip":
            case "lstrip":
            case "rstrip": {
                noKw("str." + name, kw);
                if (a.length > 1) {
                    throw PyOps.typeError(name + " expected at most 1 argument, got " + a.length);
                }
                String chars = null;
                if (a.length == 1 && a[0] != PyNone.NONE) {
                    if (!(a[0] instanceof String)) {
                        throw PyOps.typeError(name + " arg must be None or str");
                    }
                    chars = (String) a[0];
                }
                int lo = 0;
                int hi = s.length();
                if (!name.equals("rstrip")) {
                    while (lo < hi && strips(s.charAt(lo), chars)) {
                        lo++;
                    }
                }
                if (!name.equals("lstrip")) {
                    while (hi > lo && strips(s.charAt(hi - 1), chars)) {
                        hi--;
                    }
                }
                return s.substring(lo, hi);
            }
            case "upper":
                noArgs("str.upper", a, kw);
                return s.toUpperCase(Locale.ROOT);
            case "lower":
                noArgs("str.lower", a, kw);
                return s.toLowerCase(Locale.ROOT);
            case "casefold":
                noArgs("str.casefold", a, kw);
                return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
            case "swapcase": {
                noArgs("str.swapcase", a, kw);
                StringBuilder sb = new StringBuilder(s.length());
                s.codePoints().forEach(c -> sb.append(Character.isUpperCase(c) ? new String(Character.toChars(c)).toLowerCase(Locale.ROOT)
                        : Character.isLowerCase(c) ? new String(Character.toChars(c)).toUpperCase(Locale.ROOT) : new String(Character.toChars(c))));
                return sb.toString();
            }
            case "title": {
                noArgs("str.title", a, kw);
                StringBuilder sb = new StringBuilder(s.length());
                boolean prevCased = false;
                for (int i = 0; i < s.length(); ) {
                    int c = s.codePointAt(i);
                    i += Character.charCount(c);
                    String ch = new String(Character.toChars(c));
                    if (prevCased) {
                        sb.append(ch.toLowerCase(Locale.ROOT));
                    } else {
                        sb.append(titleCase(c));
                    }
                    prevCased = isCased(c);
                }
                return sb.toString();
            }
            case "capitalize": {
                noArgs("str.capitalize", a, kw);
                if (s.isEmpty()) {
                    return s;
                }
                int c = s.codePointAt(0);
                return titleCase(c) + s.substring(Character.charCount(c)).toLowerCase(Locale.ROOT);
            }
            case "replace": {
                noKw("str.replace", kw);
                between("replace", a, 2, 3);
                String old = strArg(a[0], "replace() argument 1 must be str, not ");
                String neu = strArg(a[1], "replace() argument 2 must be str, not ");
                long count = a.length > 2 ? asIndex(a[2]) : -1;
                return replace(s, old, neu, count < 0 ? Long.MAX_VALUE : count);
            }
            case "startswith":
            case "endswith": {
                noKw("str." + name, kw);
                between(name, a, 1, 3);
                int[] r = range(s, a, 1);
                if (r[2] == 1) {
                    return false;
                }
                String sub = r[1] < r[0] ? null : s.substring(r[0], Math.max(r[0], r[1]));
                Object p = a[0];
                if (p instanceof PyTuple) {
                    for (Object o : ((PyTuple) p).items()) {
                        if (!(o instanceof String)) {
                            throw PyOps.typeError("tuple for " + name + " must only contain str, not " + PyOps.typeName(o));
                        }
                        if (sub != null && (name.equals("startswith") ? sub.startsWith((String) o) : sub.endsWith((String) o))) {
                            return true;
                        }
                    }
                    return false;
                }
                if (!(p instanceof String)) {
                    throw PyOps.typeError(name + " first arg must be str or a tuple of str, not " + PyOps.typeName(p));
                }
                return sub != null && (name.equals("startswith") ? sub.startsWith((String) p) : sub.endsWith((String) p));
            }
            case "find":
            case "rfind":
            case "index":
            case "rindex":
            case "count": {
                noKw("str." + name, kw);
                if (a.length < 1) {
                    throw PyOps.typeError(name + "() takes at least 1 argument (0 given)");
                }
                if (a.length > 3) {
                    throw PyOps.typeError(name + "() takes at most 3 arguments (" + a.length + " given)");
                }
                String sub = strArg(a[0], "must be str, not ");
                int[] r = range(s, a, 1);
                if (name.equals("count")) {
                    if (r[2] == 1 || r[1] < r[0]) {
                        return 0L;
                    }
                    String hay = s.substring(r[0], r[1]);
                    if (sub.isEmpty()) {
                        return (long) PyOps.strLen(hay) + 1;
                    }
                    long c = 0;
                    for (int i = hay.indexOf(sub); i >= 0; i = hay.indexOf(sub, i + sub.length())) {
                        c++;
                    }
                    return c;
                }
                long found = -1;
                if (r[2] == 0 && r[1] - r[0] >= sub.length()) {
                    int idx;
                    if (name.charAt(0) == 'r') {
                        idx = s.lastIndexOf(sub, r[1] - sub.length());
                        if (idx < r[0]) {
                            idx = -1;
                        }
                    } else {
                        idx = s.indexOf(sub, r[0]);
                        if (idx + sub.length() > r[1]) {
                            idx = -1;
                        }
                    }
                    found = idx < 0 ? -1 : cps(s, idx);
                }
                if (found < 0 && name.contains("index")) {
                    throw PyOps.valueError("substring not found");
                }
                return found;
            }
            case "format":
                return StrFormat.format(s, a, kw);
            case "center":
            case "ljust":
            case "rjust": {
                noKw("str." + name, kw);
                between(name, a, 1, 2);
                long width = asIndex(a[0]);
                String fill = " ";
                if (a.length > 1) {
                    if (!(a[1] instanceof String) || PyOps.strLen((String) a[1]) != 1) {
                        throw PyOps.typeError(a[1] instanceof String ? "The fill character must be exactly one character long"
                                : name + "() argument 2 must be str, not " + PyOps.typeName(a[1]));
                    }
                    fill = (String) a[1];
                }
                long len = PyOps.strLen(s);
                if (width <= len) {
                    return s;
                }
                Limits.checkSize(width, "str");
                long pad = width - len;
                long left = name.equals("ljust") ? 0 : name.equals("rjust") ? pad : pad / 2 + (pad & width & 1);
                return fill.repeat((int) left) + s + fill.repeat((int) (pad - left));
            }
            case "zfill": {
                exactlyOne("str.zfill", a, kw);
                long width = asIndex(a[0]);
                long len = PyOps.strLen(s);
                if (width <= len) {
                    return s;
                }
                Limits.checkSize(width, "str");
                String zeros = "0".repeat((int) (width - len));
                if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
                    return s.charAt(0) + zeros + s.substring(1);
                }
                return zeros + s;
            }
            case "isdigit":
            case "isalpha":
            case "isalnum":
            case "isspace":
            case "isdecimal":
            case "isnumeric":
            case "isascii":
            case "isprintable": {
                noArgs("str." + name, a, kw);
                if (s.isEmpty()) {
                    return name.equals("isascii") || name.equals("isprintable");
                }
                for (int i = 0; i < s.length(); ) {
                    int c = s.codePointAt(i);
                    i += Character.charCount(c);
                    if (!charTest(name, c)) {
                        return false;
                    }
                }
                return true;
            }
            case "isupper":
            case "islower": {
                noArgs("str." + name, a, kw);
                boolean cased = false;
                for (int i = 0; i < s.length(); ) {
                    int c = s.codePointAt(i);
                    i += Character.charCount(c);
                    if (name.equals("isupper") ? (Character.isLowerCase(c) || Character.isTitleCase(c)) : (Character.isUpperCase(c) || Character.isTitleCase(c))) {
                        return false;
                    }
                    cased |= isCased(c);
                }
                return cased;
            }
            case "istitle": {
                noArgs("str.istitle", a, kw);
                boolean prevCased = false;
                boolean cased = false;
                for (int i = 0; i < s.length(); ) {
                    int c = s.codePointAt(i);
                    i += Character.charCount(c);
                    if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                        if (prevCased) {
                            return false;
                        }
                        prevCased = true;
                        cased = true;
                    } else if (Character.isLowerCase(c)) {
                        if (!prevCased) {
                            return false;
                        }
                        prevCased = true;
                        cased = true;
                    } else {
                        prevCased = false;
                    }
                }
                return cased;
            }
            case "isidentifier": {
                noArgs("str.isidentifier", a, kw);
                if (s.isEmpty()) {
                    return false;
                }
                int c0 = s.codePointAt(0);
                if (!(Character.isUnicodeIdentifierStart(c0) || c0 == '_')) {
                    return false;
                }
                for (int i = Character.charCount(c0); i < s.length(); ) {
                    int c = s.codePointAt(i);
                    i += Character.charCount(c);
                    if (!Character.isUnicodeIdentifierPart(c) || Character.isIdentifierIgnorable(c)) {
                        return false;
                    }
                }
                return true;
            }
            case "splitlines": {
                boolean keep = false;
                if (a.length > 1) {
                    throw PyOps.typeError("splitlines() takes at most 1 argument (" + a.length + " given)");
                }
                if (a.length == 1) {
                    keep = PyOps.truthy(a[0]);
                }
                Object kk = kw.get("keepends");
                if (kk != null) {
                    keep = PyOps.truthy(kk);
                }
                ArrayList<Object> out = new ArrayList<>();
                int i = 0;
                int n = s.length();
                while (i < n) {
                    int j = i;
                    while (j < n && !isLineBreak(s.charAt(j))) {
                        j++;
                    }
                    int eol = j;
                    if (j < n) {
                        j += (s.charAt(j) == '\r' && j + 1 < n && s.charAt(j + 1) == '\n') ? 2 : 1;
                    }
                    out.add(s.substring(i, keep ? j : eol));
                    i = j;
                }
                return new PyList(out);
            }
            case "partition":
            case "rpartition": {
                exactlyOne("str." + name, a, kw);
                String sep = strArg(a[0], "must be str, not ");
                if (sep.isEmpty()) {
                    throw PyOps.valueError("empty separator");
                }
                int i = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
                if (i < 0) {
                    return name.equals("partition") ? PyTuple.of(s, "", "") : PyTuple.of("", "", s);
                }
                return PyTuple.of(s.substring(0, i), sep, s.substring(i + sep.length()));
            }
            case "removeprefix": {
                exactlyOne("str.removeprefix", a, kw);
                String p = strArg(a[0], "removeprefix() argument must be str, not ");
                return s.startsWith(p) ? s.substring(p.length()) : s;
            }
            case "removesuffix": {
                exactlyOne("str.removesuffix", a, kw);
                String p = strArg(a[0], "removesuffix() argument must be str, not ");
                return s.endsWith(p) && !p.isEmpty() ? s.substring(0, s.length() - p.length()) : s;
            }
            case "expandtabs": {
                long tab = a.length > 0 ? asIndex(a[0]) : kw.containsKey("tabsize") ? asIndex(kw.get("tabsize")) : 8;
                StringBuilder sb = new StringBuilder();
                int col = 0;
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '\t') {
                        if (tab > 0) {
                            int spaces = (int) (tab - col % tab);
                            sb.append(" ".repeat(spaces));
                            col += spaces;
                        }
                    } else {
                        sb.append(c);
                        col = (c == '\n' || c == '\r') ? 0 : col + 1;
                    }
                    if (sb.length() > Limits.maxSize()) {
                        throw Limits.tooBig(sb.length(), "str");
                    }
                }
                return sb.toString();
            }
            default:
                throw PyException.of(ExcType.ATTRIBUTE_ERROR, "'str' object has no attribute '" + name + "'");
        }
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85
                || c == 0x2028 || c == 0x2029;
    }

    private static boolean charTest(String name, int c) {
        switch (name) {
            case "isdigit":
                return isDigit(c);
            case "isalpha":
                return Character.isLetter(c);
            case "isalnum":
                return Character.isLetter(c) || isNumeric(c);
            case "isspace":
                return isSpace(c);
            case "isdecimal":
                return Character.isDigit(c);
            case "isnumeric":
                return isNumeric(c);
            case "isascii":
                return c < 0x80;
            default:
                return PyOps.isPrintable(c);
        }
    }

    private static boolean isDigit(int c) {
        if (Character.isDigit(c)) {
            return true;
        }
        int v = Character.getNumericValue(c);
        return Character.getType(c) == Character.OTHER_NUMBER && v >= 0 && v <= 9;
    }

    private static boolean isNumeric(int c) {
        int t = Character.getType(c);
        return Character.isDigit(c) || t == Character.OTHER_NUMBER || t == Character.LETTER_NUMBER
                || (Character.getNumericValue(c) >= 0 && Character.isIdeographic(c));
    }

    private static boolean isCased(int c) {
        return Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
    }

    private static String titleCase(int c) {
        int t = Character.toTitleCase(c);
        if (t != c || !Character.isLowerCase(c)) {
            return new String(Character.toChars(t));
        }
        return new String(Character.toChars(c)).toUpperCase(Locale.ROOT);
    }

    private static boolean strips(char c, String chars) {
        return chars == null ? isSpace(c) : chars.indexOf(c) >= 0;
    }

    static String replace(String s, String old, String neu, long count) {
        if (count == 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        long max = Limits.maxSize();
        if (old.isEmpty()) {
            long done = 0;
            int i = 0;
            while (i <= s.length()) {
                if (done < count) {
                    sb.append(neu);
                    done++;
                }
                if (i == s.length()) {
                    break;
                }
                int c = s.codePointAt(i);
                sb.appendCodePoint(c);
                i += Character.charCount(c);
                if (sb.length() > max) {
                    throw Limits.tooBig(sb.length(), "str");
                }
                if (done >= count) {
                    sb.append(s, i, s.length());
                    break;
                }
            }
            return sb.toString();
        }
        int i = 0;
        long done = 0;
        while (done < count) {
            int j = s.indexOf(old, i);
            if (j < 0) {
                break;
            }
            sb.append(s, i, j).append(neu);
            i = j + old.length();
            done++;
            if (sb.length() > max) {
                throw Limits.tooBig(sb.length(), "str");
            }
        }
        if (done == 0) {
            return s;
        }
        sb.append(s, i, s.length());
        Limits.checkSize(sb.length(), "str");
        return sb.toString();
    }

    static PyList split(String s, String sep, long max) {
        ArrayList<Object> out = new ArrayList<>();
        int n = s.length();
        if (sep == null) {
            int i = 0;
            while (true) {
                while (i < n && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                if (out.size() >= max) {
                    out.add(s.substring(i)); // the rest keeps its trailing whitespace, as CPython
                    break;
                }
                int j = i;
                while (j < n && !isSpace(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
            return new PyList(out);
        }
        if (sep.isEmpty()) {
            throw PyOps.valueError("empty separator");
        }
        int i = 0;
        while (out.size() < max) {
            int j = s.indexOf(sep, i);
            if (j < 0) {
                break;
            }
            out.add(s.substring(i, j));
            i = j + sep.length();
        }
        out.add(s.substring(i));
        return new PyList(out);
    }

    static PyList rsplit(String s, String sep, long max) {
        ArrayList<Object> out = new ArrayList<>();
        if (sep == null) {
            int j = s.length();
            while (true) {
                while (j > 0 && isSpace(s.charAt(j - 1))) {
                    j--;
                }
                if (j <= 0) {
                    break;
                }
                if (out.size() >= max) {
                    out.add(s.substring(0, j));
                    break;
                }
                int i = j;
                while (i > 0 && !isSpace(s.charAt(i - 1))) {
                    i--;
                }
                out.add(s.substring(i, j));
                j = i;
            }
            java.util.Collections.reverse(out);
            return new PyList(out);
        }
        if (sep.isEmpty()) {
            throw PyOps.valueError("empty separator");
        }
        int j = s.length();
        while (out.size() < max) {
            int i = s.lastIndexOf(sep, j - sep.length());
            if (i < 0) {
                break;
            }
            out.add(s.substring(i + sep.length(), j));
            j = i;
        }
        out.add(s.substring(0, j));
        java.util.Collections.reverse(out);
        return new PyList(out);
    }
}
