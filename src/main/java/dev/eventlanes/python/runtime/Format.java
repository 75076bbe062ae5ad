package dev.eventlanes.python.runtime;

import dev.eventlanes.model.ExcType;
import dev.eventlanes.model.PyException;

import java.math.BigInteger;

/**
 * The format-spec mini-language ({@code format(value, spec)}, f-string {@code {x:spec}},
 * {@code str.format}) for int, bool, float and str, with CPython 3.11's error messages.
 * Grammar: {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]}.
 */
public final class Format {
    private Format() {
    }

    /** A parsed spec. */
    static final class Spec {
        char fill = ' ';
        boolean fillGiven;
        char align;
        char sign;
        boolean z;
        boolean alt;
        int width = -1;
        char grouping;
        int precision = -1;
        char type;
    }

    static PyException invalid(String spec, Object v) {
        return PyException.of(ExcType.VALUE_ERROR, "Invalid format specifier '" + spec + "' for object of type '" + PyOps.typeName(v) + "'");
    }

    static Spec parse(String s, Object v) {
        Spec sp = new Spec();
        int n = s.length();
        int i = 0;
        if (n >= 2 && isAlign(s.charAt(1))) {
            sp.fill = s.charAt(0);
            sp.fillGiven = true;
            sp.align = s.charAt(1);
            i = 2;
        } else if (n >= 1 && isAlign(s.charAt(0))) {
            sp.align = s.charAt(0);
            i = 1;
        }
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-' || s.charAt(i) == ' ')) {
            sp.sign = s.charAt(i++);
        }
        if (i < n && s.charAt(i) == 'z') {
            sp.z = true;
            i++;
        }
        if (i < n && s.charAt(i) == '#') {
            sp.alt = true;
            i++;
        }
        if (i < n && s.charAt(i) == '0') {
            if (!sp.fillGiven) {
                sp.fill = '0';
                sp.fillGiven = true;
                if (sp.align == 0) {
                    sp.align = 'Z'; // '=' for numbers, '<' for strings: decided by the formatter
                }
            }
            i++;
        }
        int start = i;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i > start) {
            sp.width = parseCount(s.substring(start, i));
        }
        if (i < n && (s.charAt(i) == ',' || s.charAt(i) == '_')) {
            sp.grouping = s.charAt(i++);
            if (i < n && (s.charAt(i) == ',' || s.charAt(i) == '_')) {
                throw PyException.of(ExcType.VALUE_ERROR, "Cannot specify both ',' and '_'.");
            }
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            start = i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw PyException.of(ExcType.VALUE_ERROR, "Format specifier missing precision");
            }
            sp.precision = parseCount(s.substring(start, i));
        }
        if (i < n) {
            if (n - i > 1) {
                throw invalid(s, v);
            }
            sp.type = s.charAt(i);
        }
        return sp;
    }

    private static int parseCount(String digits) {
        if (digits.length() > 9) {
            throw PyException.of(ExcType.VALUE_ERROR, "Too many decimal digits in format string");
        }
        int c = Integer.parseInt(digits);
        Limits.checkSize(c, "str");
        return c;
    }

    private static boolean isAlign(char c) {
        return c == '<' || c == '>' || c == '^' || c == '=';
    }

    /** {@code format(value, spec)}. */
    public static String format(Object v, String spec) {
        if (spec.isEmpty()) {
            return PyOps.str(v);
        }
        if (v instanceof String) {
            return formatStr((String) v, parse(spec, v));
        }
        if (v instanceof Long || v instanceof Boolean || v instanceof BigInteger) {
            return formatInt(v, parse(spec, v));
        }
        if (v instanceof Double) {
            return formatFloat((Double) v, parse(spec, v));
        }
        throw PyException.of(ExcType.TYPE_ERROR, "unsupported format string passed to " + PyOps.typeName(v) + ".__format__");
    }

    static String formatStr(String s, Spec sp) {
        if (sp.type != 0 && sp.type != 's') {
            throw unknown(sp.type, s);
        }
        if (sp.sign != 0) {
            throw PyException.of(ExcType.VALUE_ERROR, "Sign not allowed in string format specifier");
        }
        if (sp.z) {
            throw PyException.of(ExcType.VALUE_ERROR, "Negative zero coercion (z) not allowed in string format specifier");
        }
        if (sp.alt) {
            throw PyException.of(ExcType.VALUE_ERROR, "Alternate form (#) not allowed in string format specifier");
        }
        if (sp.grouping != 0) {
            throw PyException.of(ExcType.VALUE_ERROR, "Cannot specify '" + sp.grouping + "' with 's'.");
        }
        if (sp.align == '=') {
            throw PyException.of(ExcType.VALUE_ERROR, "'=' alignment not allowed in string format specifier");
        }
        if (sp.precision >= 0 && PyOps.strLen(s) > sp.precision) {
            s = PyOps.strSlice(s, 0, sp.precision);
        }
        char align = sp.align == 0 || sp.align == 'Z' ? '<' : sp.align;
        return pad(s, sp.width, align, sp.fill);
    }

    static PyException unknown(char type, Object v) {
        return PyException.of(ExcType.VALUE_ERROR, "Unknown format code '" + type + "' for object of type '" + PyOps.typeName(v) + "'");
    }

    /** Pads {@code s} to {@code width} code points. */
    static String pad(String s, int width, char align, char fill) {
        int len = PyOps.strLen(s);
        if (width <= len) {
            return s;
        }
        int total = width - len;
        int left = align == '>' ? total : align == '^' ? total / 2 : 0;
        StringBuilder sb = new StringBuilder(s.length() + total);
        for (int i = 0; i < left; i++) {
            sb.append(fill);
        }
        sb.append(s);
        for (int i = left; i < total; i++) {
            sb.append(fill);
        }
        return sb.toString();
    }

    static String formatInt(Object v, Spec sp) {
        char t = sp.type;
        switch (t) {
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
                return formatFloat(PyOps.toDouble(v), sp);
            default:
                break;
        }
        BigInteger big = null;
        long l = 0;
        boolean isLong = !(v instanceof BigInteger);
        if (isLong) {
            l = v instanceof Boolean ? (((Boolean) v) ? 1 : 0) : (Long) v;
        } else {
            big = (BigInteger) v;
        }
        if (sp.precision >= 0) {
            throw PyException.of(ExcType.VALUE_ERROR, "Precision not allowed in integer format specifier");
        }
        if (sp.z) {
            throw PyException.of(ExcType.VALUE_ERROR, "Negative zero coercion (z) not allowed in integer format specifier");
        }
        boolean negative = isLong ? l < 0 : big.signum() < 0;
        String digits;
        String prefix = "";
        int groupSize = 3;
        switch (t) {
            case 0: case 'd': case 'n':
                if (t == 'n' && sp.grouping != 0) {
                    throw PyException.of(ExcType.VALUE_ERROR, "Cannot specify '" + sp.grouping + "' with 'n'.");
                }
                digits = isLong ? (l == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(l)))
                        : PyOps.intToDecimal(big.abs());
                break;
            case 'b': case 'o': case 'x': case 'X': {
                int radix = t == 'b' ? 2 : t == 'o' ? 8 : 16;
                if (sp.grouping == ',') {
                    throw PyException.of(ExcType.VALUE_ERROR, "Cannot specify ',' with '" + t + "'.");
                }
                BigInteger a = isLong ? BigInteger.valueOf(l).abs() : big.abs();
                digits = a.toString(radix);
                if (t == 'X') {
                    digits = digits.toUpperCase();
                }
                if (sp.alt) {
                    prefix = "0" + t;
                }
                groupSize = 4;
                break;
            }
            case 'c': {
                if (sp.sign != 0) {
                    throw PyException.of(ExcType.VALUE_ERROR, "Sign not allowed with integer format specifier 'c'");
                }
                if (sp.alt) {
                    throw PyException.of(ExcType.VALUE_ERROR, "Alternate form (#) not allowed with integer format specifier 'c'");
                }
                if (sp.grouping != 0) {
                    throw PyException.of(ExcType.VALUE_ERROR, "Cannot specify '" + sp.grouping + "' with 'c'.");
                }
                if (!isLong || l < 0 || l > 0x10FFFF) {
                    throw PyException.of(ExcType.OVERFLOW_ERROR, "%c arg not in range(0x110000)");
                }
                String s = new String(Character.toChars((int) l));
                char align = sp.align == 0 ? '<' : sp.align == 'Z' ? '=' : sp.align;
                return pad(s, sp.width, align == '=' ? '>' : align, sp.fill);
            }
            default:
                throw unknown(t, v);
        }
        return finishNumber(sp, negative, prefix, digits, "", groupSize);
    }

    static String formatFloat(double d, Spec sp) {
        char t = sp.type;
        if (sp.grouping != 0 && t == 'n') {
            throw PyException.of(ExcType.VALUE_ERROR, "Cannot specify '" + sp.grouping + "' with 'n'.");
        }
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        double a = Math.abs(d);
        int prec = sp.precision;
        String body;
        switch (t) {
            case 0:
                body = prec < 0 ? FloatFormat.repr(a) : FloatFormat.general(a, prec, false, sp.alt, true);
                break;
            case 'f': case 'F':
                body = FloatFormat.fixed(a, prec < 0 ? 6 : prec);
                if (sp.alt && prec == 0 && Double.isFinite(a)) {
                    body += ".";
                }
                if (t == 'F') {
                    body = body.toUpperCase();
                }
                break;
            case 'e': case 'E':
                body = FloatFormat.exponent(a, prec < 0 ? 6 : prec, t == 'E');
                break;
            case 'g': case 'G': case 'n':
                body = FloatFormat.general(a, prec < 0 ? 6 : prec, t == 'G', sp.alt, false);
                break;
            case '%':
                body = FloatFormat.fixed(a * 100, prec < 0 ? 6 : prec) + "%";
                break;
            default:
                throw unknown(t, d);
        }
        if (negative && sp.z && isZero(body)) {
            negative = false;
        }
        if (Double.isNaN(d)) {
            negative = false;
        }
        int k = 0;
        while (k < body.length() && Character.isDigit(body.charAt(k))) {
            k++;
        }
        if (k == 0) {
            // inf / nan: nothing to group, but '=' padding still goes between sign and body
            return finishNumber(sp, negative, "", body, "", 0);
        }
        return finishNumber(sp, negative, "", body.substring(0, k), body.substring(k), 3);
    }

    private static boolean isZero(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
            if (c == 'e' || c == 'E') {
                break;
            }
        }
        return true;
    }

    /** Assembles sign, prefix, (grouped) integer digits and the rest, then pads. */
    static String finishNumber(Spec sp, boolean negative, String prefix, String intDigits, String rest, int groupSize) {
        String sign = negative ? "-" : sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "";
        char align = sp.align == 0 ? '>' : sp.align == 'Z' ? '=' : sp.align;
        String grouped = intDigits;
        if (sp.grouping != 0 && groupSize > 0) {
            int minWidth = 0;
            if (align == '=' && sp.fill == '0' && sp.width > 0) {
                minWidth = sp.width - sign.length() - prefix.length() - PyOps.strLen(rest);
            }
            grouped = group(intDigits, groupSize, sp.grouping, minWidth);
        }
        String s;
        int len = sign.length() + prefix.length() + grouped.length() + PyOps.strLen(rest);
        if (align == '=' && sp.width > len) {
            StringBuilder sb = new StringBuilder(sp.width);
            sb.append(sign).append(prefix);
            for (int i = len; i < sp.width; i++) {
                sb.append(sp.fill);
            }
            s = sb.append(grouped).append(rest).toString();
        } else {
            s = pad(sign + prefix + grouped + rest, sp.width, align == '=' ? '>' : align, sp.fill);
        }
        return s;
    }

    /** Inserts separators; zero-pads (through the separators) up to {@code minWidth}. */
    static String group(String digits, int size, char sep, int minWidth) {
        int nd = digits.length();
        while (nd + (nd - 1) / size < minWidth) {
            nd++;
        }
        String padded = nd > digits.length() ? "0".repeat(nd - digits.length()) + digits : digits;
        StringBuilder sb = new StringBuilder(nd + nd / size);
        int first = nd % size == 0 ? size : nd % size;
        sb.append(padded, 0, first);
        for (int i = first; i < nd; i += size) {
            sb.append(sep).append(padded, i, i + size);
        }
        return sb.toString();
    }
}
