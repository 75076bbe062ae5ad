package dev.eventlanes.python.runtime;

import dev.eventlanes.model.ExcType;
import dev.eventlanes.model.PyException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python operators and protocols on runtime values, with CPython 3.11 semantics and exact
 * error messages. All methods are static; all raise {@link PyException}.
 *
 * <p>Hot paths ({@code Long} arithmetic and comparison, {@code Boolean} truthiness, string
 * equality) are tested first and allocate nothing beyond the boxed result; overflow of a
 * {@code long} promotes to {@link BigInteger}, and every int result that fits in a
 * {@code long} is normalised back to {@code Long}.
 *
 * <p>{@link PyObject} values take part through their hooks; user-defined operators plug in via
 * {@link PyObject#binaryOp}.
 */
public final class PyOps {
    private PyOps() {
    }

    static final int ADD = 0, SUB = 1, MUL = 2, TRUEDIV = 3, FLOORDIV = 4, MOD = 5, POW = 6,
            LSHIFT = 7, RSHIFT = 8, AND = 9, OR = 10, XOR = 11;
    private static final String[] SYMBOLS = {"+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^"};
    private static final String[] HOOK_NAMES = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final String[] CHARS = new String[256];

    static {
        for (int i = 0; i < CHARS.length; i++) {
            CHARS[i] = String.valueOf((char) i);
        }
    }

    // ------------------------------------------------------------------ types

    /** The CPython type name used in error messages: {@code int}, {@code NoneType}, {@code list}... */
    public static String typeName(Object o) {
        if (o instanceof Long || o instanceof BigInteger) {
            return "int";
        }
        if (o instanceof dev.eventlanes.model.Coroutine && !(o instanceof PyObject)) {
            return "coroutine";
        }
        if (o instanceof String) {
            return "str";
        }
        if (o instanceof Double) {
            return "float";
        }
        if (o instanceof Boolean) {
            return "bool";
        }
        if (o instanceof PyNone) {
            return "NoneType";
        }
        if (o instanceof PyList) {
            return "list";
        }
        if (o instanceof PyTuple) {
            return "tuple";
        }
        if (o instanceof PyDict) {
            return "dict";
        }
        if (o instanceof PyRange) {
            return "range";
        }
        if (o instanceof PyDictView) {
            return ((PyDictView) o).typeName();
        }
        if (o instanceof PySlice) {
            return "slice";
        }
        if (o instanceof PyObject) {
            return ((PyObject) o).typeName();
        }
        if (o instanceof PyException) {
            return ((PyException) o).type().name();
        }
        if (o instanceof PyType || o instanceof ExcType) {
            return "type";
        }
        if (o instanceof BuiltinFunction || o instanceof BoundMethod) {
            return "builtin_function_or_method";
        }
        if (o instanceof PyIterator) {
            return ((PyIterator) o).typeName();
        }
        if (o instanceof PyCallable) {
            return "function";
        }
        return o == null ? "NULL" : o.getClass().getSimpleName();
    }

    /**
     * {@code type(o)}: a {@link PyType} constant for builtin values, the {@link ExcType} of an
     * exception, {@link PyObject#pyType()} for foreign objects (or a by-name stand-in).
     */
    public static Object type(Object o) {
        if (o instanceof Long || o instanceof BigInteger) {
            return PyType.INT;
        }
        if (o instanceof String) {
            return PyType.STR;
        }
        if (o instanceof Double) {
            return PyType.FLOAT;
        }
        if (o instanceof Boolean) {
            return PyType.BOOL;
        }
        if (o instanceof PyNone) {
            return PyType.NONE_TYPE;
        }
        if (o instanceof PyList) {
            return PyType.LIST;
        }
        if (o instanceof PyTuple) {
            return PyType.TUPLE;
        }
        if (o instanceof PyDict) {
            return PyType.DICT;
        }
        if (o instanceof PyRange) {
            return PyType.RANGE;
        }
        if (o instanceof PySlice) {
            return PyType.SLICE;
        }
        if (o instanceof PyException) {
            return ((PyException) o).type();
        }
        if (o instanceof PyType || o instanceof ExcType) {
            return PyType.TYPE;
        }
        if (o instanceof PyObject) {
            Object t = ((PyObject) o).pyType();
            if (t != null) {
                return t;
            }
        }
        return PyType.foreign(typeName(o));
    }

    /** {@code isinstance(value, cls)}; {@code cls} is a PyType, an ExcType or a tuple of them. */
    public static boolean isInstance(Object value, Object cls) {
        if (cls instanceof PyType) {
            return ((PyType) cls).isInstance(value);
        }
        if (cls instanceof ExcType) {
            return value instanceof PyException && ((PyException) value).type().isSubclassOf((ExcType) cls);
        }
        if (cls instanceof PyTuple) {
            for (Object c : ((PyTuple) cls).items()) {
                if (isInstance(value, c)) {
                    return true;
                }
            }
            return false;
        }
        if (cls instanceof PyObject) {
            Boolean b = ((PyObject) cls).instanceCheck(value);
            if (b != null) {
                return b;
            }
        }
        throw typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
    }

    static PyException typeError(String msg) {
        return PyException.of(ExcType.TYPE_ERROR, msg);
    }

    static PyException valueError(String msg) {
        return PyException.of(ExcType.VALUE_ERROR, msg);
    }

    // ------------------------------------------------------------------ numbers

    /** Normalises a BigInteger to Long when it fits (the representation invariant). */
    public static Object normInt(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    private static int kind(Object o) {
        if (o instanceof Long || o instanceof Boolean) {
            return 1;
        }
        if (o instanceof Double) {
            return 3;
        }
        if (o instanceof BigInteger) {
            return 2;
        }
        return 0;
    }

    /** True for Python ints (including bool). */
    public static boolean isInt(Object o) {
        return o instanceof Long || o instanceof Boolean || o instanceof BigInteger;
    }

    static long lv(Object o) {
        return o instanceof Long ? (Long) o : ((Boolean) o) ? 1 : 0;
    }

    static BigInteger bv(Object o) {
        return o instanceof BigInteger ? (BigInteger) o : BigInteger.valueOf(lv(o));
    }

    /** int or float to double; {@code OverflowError: int too large to convert to float}. */
    public static double toDouble(Object o) {
        if (o instanceof Double) {
            return (Double) o;
        }
        if (o instanceof BigInteger) {
            double d = ((BigInteger) o).doubleValue();
            if (Double.isInfinite(d)) {
                throw PyException.of(ExcType.OVERFLOW_ERROR, "int too large to convert to float");
            }
            return d;
        }
        if (!(o instanceof Long) && !(o instanceof Boolean)) {
            // CPython's PyFloat_AsDouble: a string where a timeout or a deadline goes.
            throw typeError("must be real number, not " + typeName(o));
        }
        return lv(o);
    }

    /** Decimal digits of an int, with CPython 3.11's 4300-digit conversion limit. */
    public static String intToDecimal(BigInteger b) {
        // 4300 digits need at least 14284 bits; below that no check is needed.
        if (b.bitLength() > 14280) {
            if (b.bitLength() > 14300 || b.abs().toString().length() > Limits.INT_MAX_STR_DIGITS) {
                throw valueError("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
            }
        }
        return b.toString();
    }

    public static Object add(Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            long x = (Long) a, y = (Long) b, r = x + y;
            if (((x ^ r) & (y ^ r)) < 0) {
                return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
            }
            return r;
        }
        if (a instanceof Double && b instanceof Double) {
            return (Double) a + (Double) b;
        }
        if (a instanceof String && b instanceof String) {
            String s = (String) a, t = (String) b;
            Limits.checkSize((long) s.length() + t.length(), "str");
            return s.concat(t);
        }
        return binary(ADD, a, b);
    }

    public static Object sub(Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            long x = (Long) a, y = (Long) b, r = x - y;
            if (((x ^ y) & (x ^ r)) < 0) {
                return BigInteger.valueOf(x).subtract(BigInteger.valueOf(y));
            }
            return r;
        }
        if (a instanceof Double && b instanceof Double) {
            return (Double) a - (Double) b;
        }
        return binary(SUB, a, b);
    }

    public static Object mul(Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            return mulLong((Long) a, (Long) b);
        }
        if (a instanceof Double && b instanceof Double) {
            return (Double) a * (Double) b;
        }
        return binary(MUL, a, b);
    }

    public static Object truediv(Object a, Object b) {
        return binary(TRUEDIV, a, b);
    }

    public static Object floordiv(Object a, Object b) {
        return binary(FLOORDIV, a, b);
    }

    public static Object mod(Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            long y = (Long) b;
            if (y != 0) {
                return Math.floorMod((long) (Long) a, y);
            }
        }
        return binary(MOD, a, b);
    }

    public static Object pow(Object a, Object b) {
        return binary(POW, a, b);
    }

    public static Object lshift(Object a, Object b) {
        return binary(LSHIFT, a, b);
    }

    public static Object rshift(Object a, Object b) {
        return binary(RSHIFT, a, b);
    }

    public static Object bitAnd(Object a, Object b) {
        return binary(AND, a, b);
    }

    public static Object bitOr(Object a, Object b) {
        return binary(OR, a, b);
    }

    public static Object bitXor(Object a, Object b) {
        return binary(XOR, a, b);
    }

    /**
     * A binary operator by its Python symbol ({@code "+"}, {@code "//"}, {@code "**"},
     * {@code "<<"}, {@code "&"}...), for interpreters that dispatch on the token.
     */
    public static Object binaryOp(String symbol, Object a, Object b) {
        for (int i = 0; i < HOOK_NAMES.length; i++) {
            if (HOOK_NAMES[i].equals(symbol)) {
                return i == ADD ? add(a, b) : binary(i, a, b);
            }
        }
        throw new IllegalArgumentException("not a binary operator: " + symbol);
    }

    /** Augmented assignment ({@code a += b}): in place for lists, else like the binary op. */
    public static Object inplaceOp(String symbol, Object a, Object b) {
        if (a instanceof PyList && "+".equals(symbol)) {
            Methods.listExtend((PyList) a, b);
            return a;
        }
        if (a instanceof PyList && "*".equals(symbol) && isInt(b)) {
            PyList l = (PyList) a;
            Object r = repeat(l, b);
            ArrayList<Object> items = ((PyList) r).items();
            l.items().clear();
            l.items().addAll(items);
            return l;
        }
        return binaryOp(symbol, a, b);
    }

    static Object binary(int op, Object a, Object b) {
        int ka = kind(a), kb = kind(b);
        if (ka != 0 && kb != 0) {
            if (ka == 3 || kb == 3) {
                if (op >= LSHIFT) {
                    throw unsupported(op, a, b);
                }
                return floatOp(op, toDouble(a), toDouble(b));
            }
            if (ka == 1 && kb == 1) {
                if (op >= AND && a instanceof Boolean && b instanceof Boolean) {
                    boolean x = (Boolean) a, y = (Boolean) b;
                    return op == AND ? x & y : op == OR ? x | y : x ^ y;
                }
                return longOp(op, lv(a), lv(b));
            }
            return bigOp(op, bv(a), bv(b));
        }
        if (a instanceof PyObject) {
            Object r = ((PyObject) a).binaryOp(HOOK_NAMES[op], b, false);
            if (r != null) {
                return r;
            }
        }
        if (b instanceof PyObject) {
            Object r = ((PyObject) b).binaryOp(HOOK_NAMES[op], a, true);
            if (r != null) {
                return r;
            }
        }
        switch (op) {
            case ADD:
                return concat(a, b);
            case MUL:
                if (isSequence(a) && isInt(b)) {
                    return repeat(a, b);
                }
                if (isSequence(b) && isInt(a)) {
                    return repeat(b, a);
                }
                if (isSequence(a) && !(b instanceof PyObject)) {
                    throw typeError("can't multiply sequence by non-int of type '" + typeName(b) + "'");
                }
                if (isSequence(b) && !(a instanceof PyObject)) {
                    throw typeError("can't multiply sequence by non-int of type '" + typeName(a) + "'");
                }
                break;
            case MOD:
                if (a instanceof String) {
                    return StrFormat.percent((String) a, b);
                }
                break;
            case OR:
                if (a instanceof PyDict && b instanceof PyDict) {
                    PyDict d = ((PyDict) a).copy();
                    Methods.dictUpdate(d, b);
                    return d;
                }
                break;
            default:
                break;
        }
        throw unsupported(op, a, b);
    }

    private static boolean isSequence(Object o) {
        return o instanceof String || o instanceof PyList || o instanceof PyTuple;
    }

    static PyException unsupported(int op, Object a, Object b) {
        return typeError("unsupported operand type(s) for " + SYMBOLS[op] + ": '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    private static Object concat(Object a, Object b) {
        if (a instanceof String) {
            if (b instanceof String) {
                Limits.checkSize((long) ((String) a).length() + ((String) b).length(), "str");
                return ((String) a).concat((String) b);
            }
            throw typeError("can only concatenate str (not \"" + typeName(b) + "\") to str");
        }
        if (a instanceof PyList) {
            if (b instanceof PyList) {
                List<Object> x = ((PyList) a).items(), y = ((PyList) b).items();
                Limits.checkSize((long) x.size() + y.size(), "list");
                ArrayList<Object> r = new ArrayList<>(x.size() + y.size());
                r.addAll(x);
                r.addAll(y);
                return new PyList(r);
            }
            throw typeError("can only concatenate list (not \"" + typeName(b) + "\") to list");
        }
        if (a instanceof PyTuple) {
            if (b instanceof PyTuple) {
                Object[] x = ((PyTuple) a).items(), y = ((PyTuple) b).items();
                Limits.checkSize((long) x.length + y.length, "tuple");
                Object[] r = new Object[x.length + y.length];
                System.arraycopy(x, 0, r, 0, x.length);
                System.arraycopy(y, 0, r, x.length, y.length);
                return r.length == 0 ? PyTuple.EMPTY : new PyTuple(r);
            }
            throw typeError("can only concatenate tuple (not \"" + typeName(b) + "\") to tuple");
        }
        throw unsupported(ADD, a, b);
    }

    static Object repeat(Object seq, Object count) {
        long n;
        if (count instanceof BigInteger) {
            if (((BigInteger) count).signum() < 0) {
                n = 0;
            } else {
                throw PyException.of(ExcType.OVERFLOW_ERROR, "cannot fit 'int' into an index-sized integer");
            }
        } else {
            n = Math.max(0, lv(count));
        }
        if (seq instanceof String) {
            String s = (String) seq;
            if (n == 0 || s.isEmpty()) {
                return "";
            }
            checkProduct(s.length(), n, "str");
            return s.repeat((int) n);
        }
        if (seq instanceof PyList) {
            List<Object> items = ((PyList) seq).items();
            checkProduct(items.size(), n, "list");
            ArrayList<Object> r = new ArrayList<>((int) (items.size() * n));
            for (long i = 0; i < n; i++) {
                r.addAll(items);
            }
            return new PyList(r);
        }
        Object[] items = ((PyTuple) seq).items();
        checkProduct(items.length, n, "tuple");
        int len = (int) (items.length * n);
        if (len == 0) {
            return PyTuple.EMPTY;
        }
        Object[] r = new Object[len];
        for (int i = 0; i < len; i += items.length) {
            System.arraycopy(items, 0, r, i, items.length);
        }
        return new PyTuple(r);
    }

    private static void checkProduct(long size, long n, String kind) {
        if (size == 0 || n == 0) {
            return;
        }
        if (n > Limits.maxSize() || size * n > Limits.maxSize()) {
            long total = n > Long.MAX_VALUE / size ? -1 : size * n;
            throw Limits.tooBig(total, kind);
        }
    }

    private static Object mulLong(long x, long y) {
        long hi = Math.multiplyHigh(x, y);
        long lo = x * y;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo;
        }
        return BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
    }

    private static Object longOp(int op, long x, long y) {
        switch (op) {
            case ADD: {
                long r = x + y;
                return (((x ^ r) & (y ^ r)) < 0) ? BigInteger.valueOf(x).add(BigInteger.valueOf(y)) : (Object) r;
            }
            case SUB: {
                long r = x - y;
                return (((x ^ y) & (x ^ r)) < 0) ? BigInteger.valueOf(x).subtract(BigInteger.valueOf(y)) : (Object) r;
            }
            case MUL:
                return mulLong(x, y);
            case TRUEDIV:
                if (y == 0) {
                    throw PyException.of(ExcType.ZERO_DIVISION_ERROR, "division by zero");
                }
                if (Math.abs(x) <= (1L << 53) && Math.abs(y) <= (1L << 53)) {
                    return (double) x / (double) y;
                }
                return bigTrueDiv(BigInteger.valueOf(x), BigInteger.valueOf(y));
            case FLOORDIV:
                if (y == 0) {
                    throw PyException.of(ExcType.ZERO_DIVISION_ERROR, "integer division or modulo by zero");
                }
                if (x == Long.MIN_VALUE && y == -1) {
                    return LONG_MIN.negate();
                }
                return Math.floorDiv(x, y);
            case MOD:
                if (y == 0) {
                    throw PyException.of(ExcType.ZERO_DIVISION_ERROR, "integer modulo by zero");
                }
                return Math.floorMod(x, y);
            case POW:
                if (y < 0) {
                    return floatOp(POW, (double) x, (double) y);
                }
                return powLong(x, y);
            case LSHIFT:
                if (y < 0) {
                    throw valueError("negative shift count");
                }
                if (x == 0) {
                    return 0L;
                }
                if (y < 63) {
                    long r = x << y;
                    if ((r >> y) == x) {
                        return r;
                    }
                }
                return shiftLeft(BigInteger.valueOf(x), y);
            case RSHIFT:
                if (y < 0) {
                    throw valueError("negative shift count");
                }
                return y >= 64 ? (x < 0 ? -1L : 0L) : x >> y;
            case AND:
                return x & y;
            case OR:
                return x | y;
            default:
                return x ^ y;
        }
    }

    private static Object shiftLeft(BigInteger x, long y) {
        Limits.checkIntBits((double) x.bitLength() + y);
        return normInt(x.shiftLeft((int) y));
    }

    private static Object powLong(long base, long exp) {
        long result = 1;
        long b = base;
        long e = exp;
        // Square-and-multiply in long arithmetic until something overflows.
        while (true) {
            if ((e & 1) != 0) {
                long hi = Math.multiplyHigh(result, b);
                long lo = result * b;
                if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) {
                    return powBig(BigInteger.valueOf(base), exp);
                }
                result = lo;
            }
            e >>= 1;
            if (e == 0) {
                return result;
            }
            long hi = Math.multiplyHigh(b, b);
            long lo = b * b;
            if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) {
                return powBig(BigInteger.valueOf(base), exp);
            }
            b = lo;
        }
    }

    private static Object powBig(BigInteger base, long exp) {
        int bits = base.abs().bitLength();
        if (bits <= 1 || base.abs().equals(BigInteger.ONE)) {
            // 0, 1, -1: trivially small whatever the exponent
            if (base.signum() == 0) {
                return exp == 0 ? 1L : 0L;
            }
            return base.signum() > 0 || (exp & 1) == 0 ? 1L : -1L;
        }
        Limits.checkIntBits((double) (bits - 1) * exp);
        return normInt(base.pow((int) exp));
    }

    private static Object bigOp(int op, BigInteger x, BigInteger y) {
        switch (op) {
            case ADD:
                return normInt(x.add(y));
            case SUB:
                return normInt(x.subtract(y));
            case MUL:
                Limits.checkIntBits((double) x.bitLength() + y.bitLength());
                return normInt(x.multiply(y));
            case TRUEDIV:
                return bigTrueDiv(x, y);
            case FLOORDIV: {
                if (y.signum() == 0) {
                    throw PyException.of(ExcType.ZERO_DIVISION_ERROR, "integer division or modulo by zero");
                }
                BigInteger[] qr = x.divideAndRemainder(y);
                BigInteger q = qr[0];
                if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                    q = q.subtract(BigInteger.ONE);
                }
                return normInt(q);
            }
            case MOD: {
                if (y.signum() == 0) {
                    throw PyException.of(ExcType.ZERO_DIVISION_ERROR, "integer modulo by zero");
                }
                BigInteger r = x.remainder(y);
                if (r.signum() != 0 && r.signum() != y.signum()) {
                    r = r.add(y);
                }
                return normInt(r);
            }
            case POW:
                if (y.signum() < 0) {
                    return floatOp(POW, toDouble(normInt(x)), toDouble(normInt(y)));
                }
                if (y.bitLength() > 62) {
                    if (x.abs().bitLength() <= 1) {
                        return powBig(x, y.testBit(0) ? 1 : 2);
                    }
                    Limits.checkIntBits(Double.MAX_VALUE);
                }
                return powBig(x, y.longValue());
            case LSHIFT:
                if (y.signum() < 0) {
                    throw valueError("negative shift count");
                }
                if (x.signum() == 0) {
                    return 0L;
                }
                if (y.bitLength() > 62) {
                    Limits.checkIntBits(Double.MAX_VALUE);
                }
                return shiftLeft(x, y.longValue());
            case RSHIFT:
                if (y.signum() < 0) {
                    throw valueError("negative shift count");
                }
                if (y.bitLength() > 31) {
                    return x.signum() < 0 ? -1L : 0L;
                }
                return normInt(x.shiftRight(y.intValue()));
            case AND:
                return normInt(x.and(y));
            case OR:
                return normInt(x.or(y));
            default:
                return normInt(x.xor(y));
        }
    }

    /** Correctly rounded int / int, as CPython's long_true_divide. */
    static double bigTrueDiv(BigInteger a, BigInteger b) {
        if (b.signum() == 0) {
            throw PyException.of(ExcType.ZERO_DIVISION_ERROR, "division by zero");
        }
        boolean neg = a.signum() * b.signum() < 0;
        if (a.signum() == 0) {
            return neg ? -0.0 : 0.0;
        }
        a = a.abs();
        b = b.abs();
        // Scale so the quotient has at least 55 bits, then fold the remainder into a sticky
        // bit: BigInteger.doubleValue then rounds exactly once, half-even.
        int shift = a.bitLength() - b.bitLength() - 56;
        BigInteger[] qr = shift >= 0 ? a.divideAndRemainder(b.shiftLeft(shift)) : a.shiftLeft(-shift).divideAndRemainder(b);
        BigInteger q = qr[0];
        if (qr[1].signum() != 0) {
            q = q.setBit(0);
        }
        double r = q.doubleValue();
        if (shift > 2000) {
            r = Double.POSITIVE_INFINITY;
        } else if (shift < -2000) {
            r = 0.0;
        } else {
            r = Math.scalb(r, shift);
        }
        if (Double.isInfinite(r)) {
            throw PyException.of(ExcType.OVERFLOW_ERROR, "integer division result too large for a float");
        }
        return neg ? -r : r;
    }

    private static Object floatOp(int op, double x, double y) {
        switch (op) {
            case ADD:
                return x + y;
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            case TRUEDIV:
                if (y == 0) {
                    throw PyException.of(ExcType.ZERO_DIVISION_ERROR, "float division by zero");
                }
                return x / y;
            case FLOORDIV:
                if (y == 0) {
                    throw PyException.of(ExcType.ZERO_DIVISION_ERROR, "float floor division by zero");
                }
                return floatDivmod(x, y)[0];
            case MOD:
                if (y == 0) {
                    throw PyException.of(ExcType.ZERO_DIVISION_ERROR, "float modulo");
                }
                return floatDivmod(x, y)[1];
            case POW:
                return floatPow(x, y);
            default:
                throw new IllegalStateException();
        }
    }

    /** CPython's float_divmod: {floor quotient, modulo with the divisor's sign}. */
    static double[] floatDivmod(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[] {floordiv, mod};
    }

    static double floatPow(double x, double y) {
        if (y == 0) {
            return 1.0;
        }
        if (x == 0 && y < 0) {
            throw PyException.of(ExcType.ZERO_DIVISION_ERROR, "0.0 cannot be raised to a negative power");
        }
        if (x < 0 && Double.isFinite(x) && Double.isFinite(y) && y != Math.rint(y)) {
            // CPython returns a complex number here; complex is not supported.
            throw valueError("complex numbers are not supported (negative number raised to a fractional power)");
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y)) {
            throw PyException.of(ExcType.OVERFLOW_ERROR, "(34, 'Numerical result out of range')");
        }
        return r;
    }

    /** {@code -a}. */
    public static Object neg(Object a) {
        if (a instanceof Long) {
            long x = (Long) a;
            return x == Long.MIN_VALUE ? LONG_MIN.negate() : (Object) (-x);
        }
        if (a instanceof Double) {
            return -(Double) a;
        }
        if (a instanceof Boolean) {
            return -lv(a);
        }
        if (a instanceof BigInteger) {
            return normInt(((BigInteger) a).negate());
        }
        return unary("-", a);
    }

    /** {@code +a}. */
    public static Object pos(Object a) {
        if (a instanceof Long || a instanceof Double || a instanceof BigInteger) {
            return a;
        }
        if (a instanceof Boolean) {
            return lv(a);
        }
        return unary("+", a);
    }

    /** {@code ~a}. */
    public static Object invert(Object a) {
        if (a instanceof Long || a instanceof Boolean) {
            return ~lv(a);
        }
        if (a instanceof BigInteger) {
            return normInt(((BigInteger) a).not());
        }
        return unary("~", a);
    }

    private static Object unary(String op, Object a) {
        if (a instanceof PyObject) {
            Object r = ((PyObject) a).unaryOp(op);
            if (r != null) {
                return r;
            }
        }
        throw typeError("bad operand type for unary " + op + ": '" + typeName(a) + "'");
    }

    /** {@code abs(a)}. */
    public static Object abs(Object a) {
        if (a instanceof Long) {
            long x = (Long) a;
            return x >= 0 ? a : neg(a);
        }
        if (a instanceof Double) {
            return Math.abs((Double) a);
        }
        if (a instanceof Boolean) {
            return lv(a);
        }
        if (a instanceof BigInteger) {
            return normInt(((BigInteger) a).abs());
        }
        if (a instanceof PyObject) {
            Object r = ((PyObject) a).unaryOp("abs");
            if (r != null) {
                return r;
            }
        }
        throw typeError("bad operand type for abs(): '" + typeName(a) + "'");
    }

    /** {@code divmod(a, b)}. */
    public static PyTuple divmod(Object a, Object b) {
        int ka = kind(a), kb = kind(b);
        if (ka == 0 || kb == 0) {
            throw typeError("unsupported operand type(s) for divmod(): '" + typeName(a) + "' and '" + typeName(b) + "'");
        }
        if (ka == 3 || kb == 3) {
            double x = toDouble(a), y = toDouble(b);
            if (y == 0) {
                throw PyException.of(ExcType.ZERO_DIVISION_ERROR, "float divmod()");
            }
            double[] r = floatDivmod(x, y);
            return PyTuple.of(r[0], r[1]);
        }
        if (isZeroInt(b)) {
            throw PyException.of(ExcType.ZERO_DIVISION_ERROR, "integer division or modulo by zero");
        }
        return PyTuple.of(floordiv(a, b), mod(a, b));
    }

    private static boolean isZeroInt(Object b) {
        return b instanceof BigInteger ? ((BigInteger) b).signum() == 0 : lv(b) == 0;
    }

    // ------------------------------------------------------------------ comparison

    public static boolean eq(Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            return ((Long) a).longValue() == (Long) b;
        }
        if (a instanceof String && b instanceof String) {
            return a.equals(b);
        }
        return eqSlow(a, b);
    }

    public static boolean ne(Object a, Object b) {
        if (a instanceof PyObject || b instanceof PyObject) {
            Object r = richHook("!=", a, b);
            if (r != null) {
                return truthy(r);
            }
        }
        return !eq(a, b);
    }

    /** Element equality inside containers: identity first, like CPython's PyObject_RichCompare use there. */
    static boolean same(Object a, Object b) {
        return a == b || eq(a, b);
    }

    private static boolean eqSlow(Object a, Object b) {
        int ka = kind(a), kb = kind(b);
        if (ka != 0 && kb != 0) {
            return cmpNum(a, ka, b, kb) == 0;
        }
        if (a instanceof PyObject || b instanceof PyObject) {
            Object r = richHook("==", a, b);
            if (r != null) {
                return truthy(r);
            }
            if (a instanceof PyObject) {
                Boolean e = ((PyObject) a).pyEquals(b);
                if (e != null) {
                    return e;
                }
            }
            if (b instanceof PyObject) {
                Boolean e = ((PyObject) b).pyEquals(a);
                if (e != null) {
                    return e;
                }
            }
            return a == b;
        }
        if (ka != 0 || kb != 0) {
            return false;
        }
        if (a == b) {
            return true;
        }
        if (a instanceof PyList && b instanceof PyList) {
            return seqEq(((PyList) a).items(), ((PyList) b).items());
        }
        if (a instanceof PyTuple && b instanceof PyTuple) {
            return seqEq(((PyTuple) a).view(), ((PyTuple) b).view());
        }
        if (a instanceof PyDict && b instanceof PyDict) {
            PyDict x = (PyDict) a, y = (PyDict) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (PyDict.Entry e : x.entries()) {
                Object v = y.get(e.key);
                if (v == null || !same(e.value, v)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof PyDictView && b instanceof PyDictView) {
            PyDictView x = (PyDictView) a, y = (PyDictView) b;
            if (x.kind() == PyDictView.Kind.VALUES || y.kind() == PyDictView.Kind.VALUES) {
                return false;
            }
            if (len(x) != len(y)) {
                return false;
            }
            PyIterator it = x.iterator();
            for (Object o = it.next(); o != null; o = it.next()) {
                if (!y.contains(o)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static Object richHook(String op, Object a, Object b) {
        if (a instanceof PyObject) {
            Object r = ((PyObject) a).binaryOp(op, b, false);
            if (r != null) {
                return r;
            }
        }
        if (b instanceof PyObject) {
            return ((PyObject) b).binaryOp(swapped(op), a, true);
        }
        return null;
    }

    private static String swapped(String op) {
        switch (op) {
            case "<":
                return ">";
            case ">":
                return "<";
            case "<=":
                return ">=";
            case ">=":
                return "<=";
            default:
                return op;
        }
    }

    private static boolean seqEq(List<Object> x, List<Object> y) {
        int n = x.size();
        if (n != y.size()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (i >= x.size() || i >= y.size()) {
                return false;
            }
            if (!same(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Numeric comparison: -1, 0, 1, or 2 when unordered (NaN). Exact between int and float. */
    private static int cmpNum(Object a, int ka, Object b, int kb) {
        if (ka == 1 && kb == 1) {
            return Long.compare(lv(a), lv(b));
        }
        if (ka == 3 && kb == 3) {
            return cmpDouble((Double) a, (Double) b);
        }
        if (ka == 3 || kb == 3) {
            double d = ka == 3 ? (Double) a : (Double) b;
            Object i = ka == 3 ? b : a;
            int r;
            if (Double.isNaN(d)) {
                return 2;
            }
            if (Double.isInfinite(d)) {
                r = d > 0 ? -1 : 1;
            } else if (i instanceof BigInteger) {
                r = new BigDecimal((BigInteger) i).compareTo(new BigDecimal(d));
            } else {
                long l = lv(i);
                r = Math.abs(l) <= (1L << 53) ? Double.compare((double) l, d) : new BigDecimal(l).compareTo(new BigDecimal(d));
                if (r != 0 && (double) l == d && Math.abs(l) <= (1L << 53)) {
                    r = 0; // Double.compare distinguishes 0.0 and -0.0; Python does not
                }
            }
            return ka == 3 ? -r : r;
        }
        return bv(a).compareTo(bv(b));
    }

    private static int cmpDouble(double x, double y) {
        if (x < y) {
            return -1;
        }
        if (x > y) {
            return 1;
        }
        if (x == y) {
            return 0;
        }
        return 2;
    }

    public static boolean lt(Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            return (Long) a < (Long) b;
        }
        return compare(a, b, "<");
    }

    public static boolean le(Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            return (Long) a <= (Long) b;
        }
        return compare(a, b, "<=");
    }

    public static boolean gt(Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            return (Long) a > (Long) b;
        }
        return compare(a, b, ">");
    }

    public static boolean ge(Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            return (Long) a >= (Long) b;
        }
        return compare(a, b, ">=");
    }

    /** A comparison by symbol: {@code == != < <= > >=}. */
    public static boolean compareOp(String op, Object a, Object b) {
        switch (op) {
            case "==":
                return eq(a, b);
            case "!=":
                return ne(a, b);
            default:
                return compare(a, b, op);
        }
    }

    private static boolean test(int c, String op) {
        if (c == 2) {
            return false;
        }
        switch (op) {
            case "<":
                return c < 0;
            case "<=":
                return c <= 0;
            case ">":
                return c > 0;
            default:
                return c >= 0;
        }
    }

    static boolean compare(Object a, Object b, String op) {
        int ka = kind(a), kb = kind(b);
        if (ka != 0 && kb != 0) {
            return test(cmpNum(a, ka, b, kb), op);
        }
        if (a instanceof String && b instanceof String) {
            return test(compareStr((String) a, (String) b), op);
        }
        if (a instanceof PyList && b instanceof PyList) {
            return seqCompare(((PyList) a).items(), ((PyList) b).items(), op);
        }
        if (a instanceof PyTuple && b instanceof PyTuple) {
            return seqCompare(((PyTuple) a).view(), ((PyTuple) b).view(), op);
        }
        if (a instanceof PyObject || b instanceof PyObject) {
            Object r = richHook(op, a, b);
            if (r != null) {
                return truthy(r);
            }
        }
        throw typeError("'" + op + "' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    /** Compares by code point (Java's compareTo compares UTF-16 units, which differs for astral chars). */
    static int compareStr(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i), y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return x < y ? -1 : 1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static boolean seqCompare(List<Object> x, List<Object> y, String op) {
        int i = 0;
        while (i < x.size() && i < y.size()) {
            if (!same(x.get(i), y.get(i))) {
                return compare(x.get(i), y.get(i), op);
            }
            i++;
        }
        return test(Integer.compare(x.size(), y.size()), op);
    }

    // ------------------------------------------------------------------ protocols

    /** {@code bool(o)}. */
    public static boolean truthy(Object o) {
        if (o instanceof Boolean) {
            return (Boolean) o;
        }
        if (o instanceof Long) {
            return (Long) o != 0;
        }
        if (o == PyNone.NONE) {
            return false;
        }
        if (o instanceof String) {
            return !((String) o).isEmpty();
        }
        if (o instanceof Double) {
            return (Double) o != 0;
        }
        if (o instanceof PyList) {
            return ((PyList) o).size() != 0;
        }
        if (o instanceof PyTuple) {
            return ((PyTuple) o).size() != 0;
        }
        if (o instanceof PyDict) {
            return ((PyDict) o).size() != 0;
        }
        if (o instanceof PyRange) {
            return ((PyRange) o).length() != 0;
        }
        if (o instanceof PyDictView) {
            return ((PyDictView) o).dict().size() != 0;
        }
        if (o instanceof PyObject) {
            return ((PyObject) o).truthy();
        }
        return true; // BigInteger is never zero (normalised); functions, types, exceptions
    }

    /** {@code not o}. */
    public static boolean not(Object o) {
        return !truthy(o);
    }

    /** {@code len(o)}. */
    public static long len(Object o) {
        if (o instanceof String) {
            return strLen((String) o);
        }
        if (o instanceof PyList) {
            return ((PyList) o).size();
        }
        if (o instanceof PyTuple) {
            return ((PyTuple) o).size();
        }
        if (o instanceof PyDict) {
            return ((PyDict) o).size();
        }
        if (o instanceof PyRange) {
            return ((PyRange) o).length();
        }
        if (o instanceof PyDictView) {
            return ((PyDictView) o).dict().size();
        }
        if (o instanceof PyObject) {
            long n = ((PyObject) o).len();
            if (n >= 0) {
                return n;
            }
        }
        throw typeError("object of type '" + typeName(o) + "' has no len()");
    }

    /** {@code x in container}. */
    public static boolean contains(Object container, Object item) {
        if (container instanceof String) {
            if (!(item instanceof String)) {
                throw typeError("'in <string>' requires string as left operand, not " + typeName(item));
            }
            return ((String) container).contains((String) item);
        }
        if (container instanceof PyList) {
            List<Object> items = ((PyList) container).items();
            for (int i = 0; i < items.size(); i++) {
                if (same(items.get(i), item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof PyTuple) {
            for (Object o : ((PyTuple) container).items()) {
                if (same(o, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof PyDict) {
            return ((PyDict) container).containsKey(item);
        }
        if (container instanceof PyRange) {
            PyRange r = (PyRange) container;
            if (item instanceof Long || item instanceof Boolean) {
                return r.containsLong(lv(item));
            }
            if (item instanceof Double) {
                double d = (Double) item;
                return d == Math.rint(d) && Math.abs(d) < 9e18 && r.containsLong((long) d);
            }
            if (item instanceof BigInteger) {
                return false;
            }
        }
        if (container instanceof PyDictView) {
            return ((PyDictView) container).contains(item);
        }
        if (container instanceof PyObject) {
            Boolean b = ((PyObject) container).containsHook(item);
            if (b != null) {
                return b;
            }
        }
        if (container instanceof PyIterator || container instanceof PyObject || container instanceof PyRange) {
            PyIterator it = iter(container);
            for (Object o = it.next(); o != null; o = it.next()) {
                if (same(o, item)) {
                    return true;
                }
            }
            return false;
        }
        throw typeError("argument of type '" + typeName(container) + "' is not iterable");
    }

    /** {@code iter(o)}: an iterator is its own iterable. */
    public static PyIterator iter(Object o) {
        if (o instanceof PyList) {
            return listIterator((PyList) o);
        }
        if (o instanceof PyIterator) {
            return (PyIterator) o;
        }
        if (o instanceof PyRange) {
            return ((PyRange) o).iterator();
        }
        if (o instanceof PyTuple) {
            Object[] items = ((PyTuple) o).items();
            return new PyIterator() {
                int i;

                @Override
                public Object next() {
                    return i < items.length ? items[i++] : null;
                }

                @Override
                public String typeName() {
                    return "tuple_iterator";
                }
            };
        }
        if (o instanceof String) {
            String s = (String) o;
            return new PyIterator() {
                int i;

                @Override
                public Object next() {
                    if (i >= s.length()) {
                        return null;
                    }
                    char c = s.charAt(i);
                    if (c < 256) {
                        i++;
                        return CHARS[c];
                    }
                    int cp = s.codePointAt(i);
                    i += Character.charCount(cp);
                    return new String(Character.toChars(cp));
                }

                @Override
                public String typeName() {
                    return "str_ascii_iterator";
                }
            };
        }
        if (o instanceof PyDict) {
            return ((PyDict) o).keyIterator();
        }
        if (o instanceof PyDictView) {
            return ((PyDictView) o).iterator();
        }
        if (o instanceof PyObject) {
            PyIterator it = ((PyObject) o).iter();
            if (it != null) {
                return it;
            }
        }
        throw typeError("'" + typeName(o) + "' object is not iterable");
    }

    private static PyIterator listIterator(PyList l) {
        // Index-based like CPython: mutation during iteration is allowed and visible.
        List<Object> items = l.items();
        return new PyIterator() {
            int i;

            @Override
            public Object next() {
                return i < items.size() ? items.get(i++) : null;
            }

            @Override
            public String typeName() {
                return "list_iterator";
            }
        };
    }

    /** Drains an iterable into a new Java list, checking the size limit. */
    public static ArrayList<Object> toList(Object iterable) {
        if (iterable instanceof PyList) {
            return new ArrayList<>(((PyList) iterable).items());
        }
        if (iterable instanceof PyTuple) {
            return new ArrayList<>(((PyTuple) iterable).view());
        }
        if (iterable instanceof PyRange) {
            PyRange r = (PyRange) iterable;
            Limits.checkSize(r.length(), "list");
            ArrayList<Object> l = new ArrayList<>((int) r.length());
            for (long i = 0; i < r.length(); i++) {
                l.add(r.get(i));
            }
            return l;
        }
        PyIterator it = iter(iterable);
        ArrayList<Object> l = new ArrayList<>();
        long max = Limits.maxSize();
        for (Object o = it.next(); o != null; o = it.next()) {
            if (l.size() >= max) {
                throw Limits.tooBig(l.size() + 1L, "list");
            }
            l.add(o);
        }
        return l;
    }

    // ------------------------------------------------------------------ strings by code point

    private static boolean hasSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Python's len(str): code points, not UTF-16 units. */
    public static int strLen(String s) {
        return hasSurrogates(s) ? s.codePointCount(0, s.length()) : s.length();
    }

    /** Substring by code point indexes {@code [from, to)}. */
    static String strSlice(String s, int from, int to) {
        if (!hasSurrogates(s)) {
            return s.substring(from, to);
        }
        int a = s.offsetByCodePoints(0, from);
        int b = s.offsetByCodePoints(a, to - from);
        return s.substring(a, b);
    }

    static int[] codePoints(String s) {
        return s.codePoints().toArray();
    }

    static String charAt(String s, int i) {
        if (!hasSurrogates(s)) {
            char c = s.charAt(i);
            return c < 256 ? CHARS[c] : String.valueOf(c);
        }
        return new String(Character.toChars(s.codePointAt(s.offsetByCodePoints(0, i))));
    }

    // ------------------------------------------------------------------ subscripts

    private static long index(Object key, String what, boolean quoted) {
        if (key instanceof Long) {
            return (Long) key;
        }
        if (key instanceof Boolean) {
            return lv(key);
        }
        if (key instanceof BigInteger) {
            throw PyException.of(ExcType.INDEX_ERROR, "cannot fit 'int' into an index-sized integer");
        }
        String tn = quoted ? "'" + typeName(key) + "'" : typeName(key);
        throw typeError(what + tn);
    }

    /** {@code obj[key]} (a {@link PySlice} key slices). */
    public static Object getItem(Object obj, Object key) {
        if (obj instanceof PyList) {
            if (key instanceof Long) {
                List<Object> items = ((PyList) obj).items();
                long i = (Long) key;
                if (i < 0) {
                    i += items.size();
                }
                if (i < 0 || i >= items.size()) {
                    throw PyException.of(ExcType.INDEX_ERROR, "list index out of range");
                }
                return items.get((int) i);
            }
            if (key instanceof PySlice) {
                return sliceOf(obj, (PySlice) key);
            }
            List<Object> items = ((PyList) obj).items();
            long i = index(key, "list indices must be integers or slices, not ", false);
            if (i < 0) {
                i += items.size();
            }
            if (i < 0 || i >= items.size()) {
                throw PyException.of(ExcType.INDEX_ERROR, "list index out of range");
            }
            return items.get((int) i);
        }
        if (obj instanceof PyDict) {
            return ((PyDict) obj).getItem(key);
        }
        if (obj instanceof String) {
            if (key instanceof PySlice) {
                return sliceOf(obj, (PySlice) key);
            }
            String s = (String) obj;
            long i = index(key, "string indices must be integers, not ", true);
            int n = strLen(s);
            if (i < 0) {
                i += n;
            }
            if (i < 0 || i >= n) {
                throw PyException.of(ExcType.INDEX_ERROR, "string index out of range");
            }
            return charAt(s, (int) i);
        }
        if (obj instanceof PyTuple) {
            if (key instanceof PySlice) {
                return sliceOf(obj, (PySlice) key);
            }
            Object[] items = ((PyTuple) obj).items();
            long i = index(key, "tuple indices must be integers or slices, not ", false);
            if (i < 0) {
                i += items.length;
            }
            if (i < 0 || i >= items.length) {
                throw PyException.of(ExcType.INDEX_ERROR, "tuple index out of range");
            }
            return items[(int) i];
        }
        if (obj instanceof PyRange) {
            if (key instanceof PySlice) {
                return sliceOf(obj, (PySlice) key);
            }
            PyRange r = (PyRange) obj;
            long i = index(key, "range indices must be integers or slices, not ", false);
            if (i < 0) {
                i += r.length();
            }
            if (i < 0 || i >= r.length()) {
                throw PyException.of(ExcType.INDEX_ERROR, "range object index out of range");
            }
            return r.get(i);
        }
        if (obj instanceof PyObject) {
            Object r = ((PyObject) obj).getItemHook(key);
            if (r != null) {
                return r;
            }
        }
        if (obj instanceof PyType && key instanceof Object) {
            // list[int] and friends (type hints) evaluate to the type itself here.
            return obj;
        }
        throw typeError("'" + typeName(obj) + "' object is not subscriptable");
    }

    private static Object sliceOf(Object obj, PySlice s) {
        return slice(obj, s.start(), s.stop(), s.step());
    }

    /** {@code obj[key] = value}. */
    public static void setItem(Object obj, Object key, Object value) {
        if (obj instanceof PyList) {
            if (key instanceof PySlice) {
                PySlice s = (PySlice) key;
                setSlice((PyList) obj, s.start(), s.stop(), s.step(), value);
                return;
            }
            List<Object> items = ((PyList) obj).items();
            long i = index(key, "list indices must be integers or slices, not ", false);
            if (i < 0) {
                i += items.size();
            }
            if (i < 0 || i >= items.size()) {
                throw PyException.of(ExcType.INDEX_ERROR, "list assignment index out of range");
            }
            items.set((int) i, value);
            return;
        }
        if (obj instanceof PyDict) {
            ((PyDict) obj).put(key, value);
            return;
        }
        if (obj instanceof PyObject && ((PyObject) obj).setItemHook(key, value)) {
            return;
        }
        throw typeError("'" + typeName(obj) + "' object does not support item assignment");
    }

    /** {@code del obj[key]}. */
    public static void delItem(Object obj, Object key) {
        if (obj instanceof PyList) {
            List<Object> items = ((PyList) obj).items();
            if (key instanceof PySlice) {
                PySlice s = (PySlice) key;
                long[] ix = sliceIndices(s.start(), s.stop(), s.step(), items.size());
                if (ix[2] == 1) {
                    items.subList((int) ix[0], (int) Math.max(ix[0], ix[1])).clear();
                } else {
                    ArrayList<Object> keep = new ArrayList<>(items.size());
                    java.util.Set<Integer> drop = new java.util.HashSet<>();
                    for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
                        drop.add((int) i);
                    }
                    for (int i = 0; i < items.size(); i++) {
                        if (!drop.contains(i)) {
                            keep.add(items.get(i));
                        }
                    }
                    items.clear();
                    items.addAll(keep);
                }
                return;
            }
            long i = index(key, "list indices must be integers or slices, not ", false);
            if (i < 0) {
                i += items.size();
            }
            if (i < 0 || i >= items.size()) {
                throw PyException.of(ExcType.INDEX_ERROR, "list assignment index out of range");
            }
            items.remove((int) i);
            return;
        }
        if (obj instanceof PyDict) {
            if (((PyDict) obj).remove(key) == null) {
                throw new PyException(ExcType.KEY_ERROR, List.of(key));
            }
            return;
        }
        if (obj instanceof PyObject && ((PyObject) obj).delItemHook(key)) {
            return;
        }
        throw typeError("'" + typeName(obj) + "' object doesn't support item deletion");
    }

    private static long sliceIndex(Object o) {
        if (o instanceof Long || o instanceof Boolean) {
            return lv(o);
        }
        if (o instanceof BigInteger) {
            return ((BigInteger) o).signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
        throw typeError("slice indices must be integers or None or have an __index__ method");
    }

    /**
     * CPython's PySlice_AdjustIndices: {start, stop, step, slicelength} for a sequence of
     * {@code len}; {@code null} or None for omitted parts.
     */
    public static long[] sliceIndices(Object start, Object stop, Object step, long len) {
        long st = step == null || step == PyNone.NONE ? 1 : sliceIndex(step);
        if (st == 0) {
            throw valueError("slice step cannot be zero");
        }
        long lo, hi;
        if (start == null || start == PyNone.NONE) {
            lo = st < 0 ? len - 1 : 0;
        } else {
            lo = sliceIndex(start);
            if (lo < 0) {
                lo += len;
                if (lo < 0) {
                    lo = st < 0 ? -1 : 0;
                }
            } else if (lo >= len) {
                lo = st < 0 ? len - 1 : len;
            }
        }
        if (stop == null || stop == PyNone.NONE) {
            hi = st < 0 ? -1 : len;
        } else {
            hi = sliceIndex(stop);
            if (hi < 0) {
                hi += len;
                if (hi < 0) {
                    hi = st < 0 ? -1 : 0;
                }
            } else if (hi >= len) {
                hi = st < 0 ? len - 1 : len;
            }
        }
        long n;
        if (st < 0) {
            n = hi < lo ? (lo - hi - 1) / (-st) + 1 : 0;
        } else {
            n = lo < hi ? (hi - lo - 1) / st + 1 : 0;
        }
        return new long[] {lo, hi, st, n};
    }

    /** {@code obj[start:stop:step]} for str, list, tuple and range ({@code null} = omitted). */
    public static Object slice(Object obj, Object start, Object stop, Object step) {
        if (obj instanceof PyList) {
            List<Object> items = ((PyList) obj).items();
            long[] ix = sliceIndices(start, stop, step, items.size());
            if (ix[2] == 1) {
                return new PyList(new ArrayList<>(items.subList((int) ix[0], (int) Math.max(ix[0], ix[0] + ix[3]))));
            }
            ArrayList<Object> r = new ArrayList<>((int) ix[3]);
            for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
                r.add(items.get((int) i));
            }
            return new PyList(r);
        }
        if (obj instanceof String) {
            String s = (String) obj;
            boolean bmp = !hasSurrogates(s);
            long[] ix = sliceIndices(start, stop, step, bmp ? s.length() : strLen(s));
            if (bmp) {
                if (ix[2] == 1) {
                    return ix[3] == 0 ? "" : s.substring((int) ix[0], (int) (ix[0] + ix[3]));
                }
                StringBuilder sb = new StringBuilder((int) ix[3]);
                for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
                    sb.append(s.charAt((int) i));
                }
                return sb.toString();
            }
            int[] cps = codePoints(s);
            StringBuilder sb = new StringBuilder();
            for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
                sb.appendCodePoint(cps[(int) i]);
            }
            return sb.toString();
        }
        if (obj instanceof PyTuple) {
            Object[] items = ((PyTuple) obj).items();
            long[] ix = sliceIndices(start, stop, step, items.length);
            if (ix[3] == 0) {
                return PyTuple.EMPTY;
            }
            if (ix[2] == 1 && ix[3] == items.length) {
                return obj;
            }
            Object[] r = new Object[(int) ix[3]];
            for (int k = 0; k < r.length; k++) {
                r[k] = items[(int) (ix[0] + k * ix[2])];
            }
            return new PyTuple(r);
        }
        if (obj instanceof PyRange) {
            PyRange r = (PyRange) obj;
            long[] ix = sliceIndices(start, stop, step, r.length());
            long st = r.step() * ix[2];
            long lo = r.start() + ix[0] * r.step();
            long hi = r.start() + ix[1] * r.step();
            return new PyRange(lo, hi, st);
        }
        if (obj instanceof PyObject) {
            Object r = ((PyObject) obj).getItemHook(new PySlice(start, stop, step));
            if (r != null) {
                return r;
            }
        }
        throw typeError("'" + typeName(obj) + "' object is not subscriptable");
    }

    /** {@code lst[start:stop:step] = iterable}. */
    public static void setSlice(PyList list, Object start, Object stop, Object step, Object value) {
        ArrayList<Object> items = list.items();
        ArrayList<Object> src = value == list ? new ArrayList<>(items) : toList(value);
        long[] ix = sliceIndices(start, stop, step, items.size());
        if (ix[2] == 1) {
            int lo = (int) ix[0];
            int hi = (int) Math.max(ix[0], ix[1]);
            Limits.checkSize((long) items.size() - (hi - lo) + src.size(), "list");
            items.subList(lo, hi).clear();
            items.addAll(lo, src);
            return;
        }
        if (src.size() != ix[3]) {
            throw valueError("attempt to assign sequence of size " + src.size() + " to extended slice of size " + ix[3]);
        }
        for (int k = 0; k < src.size(); k++) {
            items.set((int) (ix[0] + k * ix[2]), src.get(k));
        }
    }

    // ------------------------------------------------------------------ hashing

    private static final long HASH_MODULUS = (1L << 61) - 1;

    /** {@code hash(o)}: CPython's values for numbers and tuples (str hashes are randomised in CPython anyway). */
    public static long hash(Object o) {
        if (o instanceof Long) {
            return hashLong((Long) o);
        }
        if (o instanceof String) {
            return o.hashCode();
        }
        if (o instanceof Boolean) {
            return lv(o);
        }
        if (o instanceof Double) {
            return hashDouble((Double) o, o);
        }
        if (o instanceof BigInteger) {
            return hashBig((BigInteger) o);
        }
        if (o instanceof PyTuple) {
            return ((PyTuple) o).pyHash();
        }
        if (o instanceof PyList || o instanceof PyDict || o instanceof PyDictView) {
            throw typeError("unhashable type: '" + typeName(o) + "'");
        }
        if (o instanceof PyObject) {
            return ((PyObject) o).pyHash();
        }
        if (o instanceof PyRange) {
            return o.hashCode();
        }
        return System.identityHashCode(o);
    }

    private static long hashLong(long x) {
        if (x == Long.MIN_VALUE) {
            return hashBig(BigInteger.valueOf(x));
        }
        long h = Math.abs(x) % HASH_MODULUS;
        if (x < 0) {
            h = -h;
        }
        return h == -1 ? -2 : h;
    }

    private static long hashBig(BigInteger b) {
        long h = b.abs().mod(BigInteger.valueOf(HASH_MODULUS)).longValue();
        if (b.signum() < 0) {
            h = -h;
        }
        return h == -1 ? -2 : h;
    }

    private static long hashDouble(double v, Object identity) {
        if (Double.isNaN(v)) {
            return System.identityHashCode(identity);
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? 314159 : -314159;
        }
        if (v == 0) {
            return 0;
        }
        int sign = v < 0 ? -1 : 1;
        double m = Math.abs(v);
        // frexp: m in [0.5, 1), v = m * 2**e
        int e = Math.getExponent(m);
        if (e == Double.MIN_EXPONENT - 1) {
            m *= 0x1p54;
            e = Math.getExponent(m) - 54;
            m = m / Math.scalb(1.0, Math.getExponent(m) + 1);
        } else {
            m = m / Math.scalb(1.0, e + 1);
        }
        e += 1;
        long x = 0;
        while (m != 0) {
            x = ((x << 28) & HASH_MODULUS) | x >>> (61 - 28);
            m *= 268435456.0;
            e -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (x >= HASH_MODULUS) {
                x -= HASH_MODULUS;
            }
        }
        e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
        x = ((x << e) & HASH_MODULUS) | x >>> (61 - e);
        x = x * sign;
        return x == -1 ? -2 : x;
    }

    // ------------------------------------------------------------------ text

    /** {@code str(o)}. */
    public static String str(Object o) {
        if (o instanceof String) {
            return (String) o;
        }
        if (o instanceof Long) {
            return o.toString();
        }
        if (o instanceof PyException) {
            return excStr((PyException) o);
        }
        if (o instanceof PyObject) {
            return ((PyObject) o).str();
        }
        return repr(o);
    }

    /** {@code repr(o)}. */
    public static String repr(Object o) {
        if (o instanceof String) {
            return strRepr((String) o, false);
        }
        if (o instanceof Long) {
            return o.toString();
        }
        if (o instanceof Boolean) {
            return (Boolean) o ? "True" : "False";
        }
        if (o instanceof Double) {
            return FloatFormat.repr((Double) o);
        }
        if (o == PyNone.NONE) {
            return "None";
        }
        if (o instanceof BigInteger) {
            return intToDecimal((BigInteger) o);
        }
        if (o instanceof PyList || o instanceof PyTuple || o instanceof PyDict || o instanceof PyDictView) {
            StringBuilder sb = new StringBuilder();
            appendContainer(sb, o);
            return sb.toString();
        }
        if (o instanceof PyException) {
            return excRepr((PyException) o);
        }
        if (o instanceof PyObject) {
            return ((PyObject) o).repr();
        }
        if (o instanceof dev.eventlanes.model.Coroutine) {
            // A library coroutine (anyio.sleep(1), event.wait()) not awaited yet.
            return "<coroutine object " + ((dev.eventlanes.model.Coroutine) o).name() + " at 0x7f3b2f"
                    + String.format("%06x", (System.identityHashCode(o) & 0xffff) * 0x10) + ">";
        }
        if (o instanceof PyIterator && !(o instanceof PyCallable)) {
            return "<" + ((PyIterator) o).typeName() + " object at 0x" + Long.toHexString(0x7f0000000000L + System.identityHashCode(o)) + ">";
        }
        if (o instanceof PyCallable && !(o instanceof BuiltinFunction || o instanceof BoundMethod || o instanceof PyType)) {
            return "<function " + ((PyCallable) o).name() + " at 0x" + Long.toHexString(0x7f0000000000L + System.identityHashCode(o)) + ">";
        }
        return String.valueOf(o);
    }

    /** Repr of containers; guards against self-reference like CPython's Py_ReprEnter. */
    private static final ThreadLocal<IdentityHashMap<Object, Boolean>> IN_REPR = ThreadLocal.withInitial(IdentityHashMap::new);

    private static void appendRepr(StringBuilder sb, Object o) {
        if (o instanceof PyList || o instanceof PyTuple || o instanceof PyDict || o instanceof PyDictView) {
            appendContainer(sb, o);
        } else {
            sb.append(repr(o));
        }
    }

    private static void appendContainer(StringBuilder sb, Object o) {
        IdentityHashMap<Object, Boolean> active = IN_REPR.get();
        if (o instanceof PyDictView) {
            PyDictView v = (PyDictView) o;
            sb.append(v.typeName()).append('(');
            PyIterator it = v.iterator();
            ArrayList<Object> items = new ArrayList<>();
            for (Object x = it.next(); x != null; x = it.next()) {
                items.add(x);
            }
            appendContainer(sb, new PyList(items));
            sb.append(')');
            return;
        }
        if (active.containsKey(o)) {
            sb.append(o instanceof PyList ? "[...]" : o instanceof PyDict ? "{...}" : "(...)");
            return;
        }
        active.put(o, Boolean.TRUE);
        try {
            if (o instanceof PyList) {
                List<Object> items = ((PyList) o).items();
                sb.append('[');
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    appendRepr(sb, items.get(i));
                    checkReprSize(sb);
                }
                sb.append(']');
            } else if (o instanceof PyTuple) {
                Object[] items = ((PyTuple) o).items();
                sb.append('(');
                for (int i = 0; i < items.length; i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    appendRepr(sb, items[i]);
                    checkReprSize(sb);
                }
                sb.append(items.length == 1 ? ",)" : ")");
            } else {
                sb.append('{');
                boolean first = true;
                for (PyDict.Entry e : ((PyDict) o).entries()) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    appendRepr(sb, e.key);
                    sb.append(": ");
                    appendRepr(sb, e.value);
                    checkReprSize(sb);
                }
                sb.append('}');
            }
        } finally {
            active.remove(o);
        }
    }

    private static void checkReprSize(StringBuilder sb) {
        if (sb.length() > Limits.maxSize()) {
            throw Limits.tooBig(sb.length(), "str");
        }
    }

    /** CPython's str repr: quote choice, escapes, printable Unicode kept. */
    public static String strRepr(String s, boolean asciiOnly) {
        boolean hasSingle = s.indexOf('\'') >= 0;
        boolean hasDouble = s.indexOf('"') >= 0;
        char q = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append(q);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == q || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp >= 0x20 && cp < 0x7f) {
                sb.append((char) cp);
            } else if (cp < 0x7f || cp < 0xa0 || (asciiOnly ? cp >= 0x7f : !isPrintable(cp))) {
                if (cp < 0x100) {
                    sb.append("\\x").append(hex(cp, 2));
                } else if (cp < 0x10000) {
                    sb.append("\\u").append(hex(cp, 4));
                } else {
                    sb.append("\\U").append(hex(cp, 8));
                }
            } else {
                sb.appendCodePoint(cp);
            }
        }
        sb.append(q);
        return sb.toString();
    }

    private static String hex(int v, int width) {
        String h = Integer.toHexString(v);
        return "0".repeat(Math.max(0, width - h.length())) + h;
    }

    /** Python's str.isprintable for one code point (Unicode categories C* and Z* except space are not). */
    static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** {@code ascii(o)}: repr with non-ASCII characters escaped. */
    public static String ascii(Object o) {
        if (o instanceof String) {
            return strRepr((String) o, true);
        }
        String r = repr(o);
        StringBuilder sb = new StringBuilder(r.length());
        for (int i = 0; i < r.length(); ) {
            int cp = r.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                sb.append((char) cp);
            } else if (cp < 0x100) {
                sb.append("\\x").append(hex(cp, 2));
            } else if (cp < 0x10000) {
                sb.append("\\u").append(hex(cp, 4));
            } else {
                sb.append("\\U").append(hex(cp, 8));
            }
        }
        return sb.toString();
    }

    /** f-string conversion {@code !r}, {@code !s}, {@code !a}. */
    public static String fstringConvert(Object value, char conv) {
        switch (conv) {
            case 'r':
                return repr(value);
            case 's':
                return str(value);
            case 'a':
                return ascii(value);
            default:
                throw valueError("Unknown conversion specifier " + conv);
        }
    }

    /** {@code format(value, spec)}: the format-spec mini-language. */
    public static String format(Object value, String spec) {
        if (value instanceof PyObject) {
            String r = ((PyObject) value).formatHook(spec);
            if (r != null) {
                return r;
            }
        }
        return Format.format(value, spec);
    }

    /** {@code str(exc)}: '' / str(arg) / str(args); KeyError shows the repr of its key. */
    public static String excStr(PyException e) {
        List<Object> args = e.args();
        if (e.type().isSubclassOf(ExcType.BASE_EXCEPTION_GROUP) && !args.isEmpty()) {
            int n = e.exceptions().size();
            return str(args.get(0)) + " (" + n + " sub-exception" + (n == 1 ? "" : "s") + ")";
        }
        if (args.isEmpty()) {
            return "";
        }
        if (args.size() == 1) {
            Object a = args.get(0);
            return e.type().isSubclassOf(ExcType.KEY_ERROR) ? repr(a) : str(a);
        }
        return repr(PyTuple.fromList(args));
    }

    /**
     * Calls an exception class: {@code ValueError("x")}; for the group classes,
     * {@code ExceptionGroup(msg, excs)} with its sub-exceptions (a BaseExceptionGroup of only
     * Exceptions comes out as an ExceptionGroup, as in CPython).
     */
    public static PyException newException(ExcType type, Object[] args) {
        if (!type.isSubclassOf(ExcType.BASE_EXCEPTION_GROUP)) {
            return new PyException(type, java.util.Arrays.asList(args));
        }
        String tn = type.name();
        if (args.length != 2) {
            throw typeError(tn + " expected 2 arguments, got " + args.length);
        }
        if (!(args[0] instanceof String)) {
            throw typeError("argument 1 must be str, not " + typeName(args[0]));
        }
        List<PyException> subs = new ArrayList<>();
        PyIterator it;
        try {
            it = iter(args[1]);
        } catch (PyException notIterable) {
            throw typeError("second argument (exceptions) must be a sequence");
        }
        for (Object x = it.next(); x != null; x = it.next()) {
            if (!(x instanceof PyException pe)) {
                throw valueError("Item " + subs.size() + " of second argument (exceptions) is not an exception");
            }
            subs.add(pe);
        }
        if (subs.isEmpty()) {
            throw valueError("second argument (exceptions) must be a non-empty sequence");
        }
        boolean allExceptions = subs.stream().allMatch(x -> x.isInstance(ExcType.EXCEPTION));
        if (type == ExcType.EXCEPTION_GROUP && !allExceptions) {
            throw typeError("Cannot nest BaseExceptions in an ExceptionGroup");
        }
        ExcType actual = type == ExcType.BASE_EXCEPTION_GROUP && allExceptions ? ExcType.EXCEPTION_GROUP : type;
        return new PyException(actual, List.of(args[0], args[1]), subs);
    }

    /** {@code repr(exc)}: {@code ValueError('x')}, {@code ValueError()}, {@code ValueError(1, 2)}. */
    public static String excRepr(PyException e) {
        List<Object> args = e.args();
        if (e.type().isSubclassOf(ExcType.BASE_EXCEPTION_GROUP) && !args.isEmpty()) {
            // ExceptionGroup('msg', [KeyError('k')]): the sub-exceptions as the list they were given in.
            // The sub-exceptions print as the sequence they were given in: a list, or a tuple.
            boolean tuple = args.size() > 1 && args.get(1) instanceof PyTuple;
            StringBuilder sb = new StringBuilder(e.type().name()).append('(').append(repr(args.get(0)))
                    .append(tuple ? ", (" : ", [");
            for (int i = 0; i < e.exceptions().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(excRepr(e.exceptions().get(i)));
            }
            if (tuple && e.exceptions().size() == 1) {
                sb.append(',');
            }
            return sb.append(tuple ? "))" : "])").toString();
        }
        StringBuilder sb = new StringBuilder(e.type().name()).append('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(repr(args.get(i)));
        }
        return sb.append(')').toString();
    }

    /** The exact text {@code print(*args, sep=sep, end=end)} writes ({@code sep}/{@code end} default " " and "\n"). */
    public static String printText(Object[] args, String sep, String end) {
        if (sep == null) {
            sep = " ";
        }
        if (end == null) {
            end = "\n";
        }
        if (args.length == 1) {
            return str(args[0]).concat(end);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(str(args[i]));
        }
        return sb.append(end).toString();
    }

    // ------------------------------------------------------------------ attributes

    /** {@code obj.name}: bound methods of builtin values, exception {@code args}, {@code type.__name__}. */
    public static Object getAttr(Object obj, String name) {
        Object r = Methods.getAttr(obj, name);
        if (r != null) {
            return r;
        }
        if (obj instanceof PyType || obj instanceof ExcType) {
            String tn = obj instanceof PyType ? ((PyType) obj).name() : ((ExcType) obj).name();
            throw PyException.of(ExcType.ATTRIBUTE_ERROR, "type object '" + tn + "' has no attribute '" + name + "'");
        }
        throw PyException.of(ExcType.ATTRIBUTE_ERROR, "'" + typeName(obj) + "' object has no attribute '" + name + "'");
    }

    /** {@code obj.name(*args, **kwargs)} without allocating a bound method. */
    public static Object callMethod(Object obj, String name, Object[] args, Map<String, Object> kwargs) {
        if (obj instanceof PyObject) {
            Object m = getAttr(obj, name);
            return call(m, args, kwargs);
        }
        return Methods.call(obj, name, args, kwargs);
    }

    /** Calls a callable value: PyCallable, or an ExcType (constructs the exception value). */
    public static Object call(Object f, Object[] args, Map<String, Object> kwargs) {
        if (f instanceof PyCallable) {
            return ((PyCallable) f).call(args, kwargs);
        }
        if (f instanceof ExcType) {
            return newException((ExcType) f, args);
        }
        throw typeError("'" + typeName(f) + "' object is not callable");
    }
}
