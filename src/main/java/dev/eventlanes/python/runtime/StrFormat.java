package dev.eventlanes.python.runtime;

import dev.eventlanes.model.ExcType;
import dev.eventlanes.model.PyException;

import java.util.List;
import java.util.Map;

/** {@code str.format(...)} and printf-style {@code str % args}, with CPython's messages. */
final class StrFormat {
    private StrFormat() {
    }

    /** {@code template.format(*args, **kwargs)}. */
    static String format(String t, Object[] args, Map<String, Object> kwargs) {
        int[] auto = {0}; // next automatic index; -1 once manual numbering was used
        boolean[] manual = {false};
        return render(t, args, kwargs, auto, manual, 2);
    }

    private static String render(String t, Object[] args, Map<String, Object> kwargs, int[] auto, boolean[] manual, int depth) {
        if (depth < 0) {
            throw PyException.of(ExcType.VALUE_ERROR, "Max string recursion exceeded");
        }
        StringBuilder out = new StringBuilder(t.length() + 16);
        int n = t.length();
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (c == '{') {
                if (i + 1 < n && t.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                // find the matching '}' allowing nested {} in the spec
                int level = 1;
                int j = i + 1;
                while (j < n && level > 0) {
                    char d = t.charAt(j);
                    if (d == '{') {
                        level++;
                    } else if (d == '}') {
                        level--;
                    }
                    if (level > 0) {
                        j++;
                    }
                }
                if (j >= n) {
                    throw PyException.of(ExcType.VALUE_ERROR, level > 1 ? "expected '}' before end of string" : "Single '{' encountered in format string");
                }
                String field = t.substring(i + 1, j);
                out.append(renderField(field, args, kwargs, auto, manual, depth));
                i = j + 1;
            } else if (c == '}') {
                if (i + 1 < n && t.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw PyException.of(ExcType.VALUE_ERROR, "Single '}' encountered in format string");
            } else {
                out.append(c);
                i++;
            }
            if (out.length() > Limits.maxSize()) {
                throw Limits.tooBig(out.length(), "str");
            }
        }
        return out.toString();
    }

    private static String renderField(String field, Object[] args, Map<String, Object> kwargs, int[] auto, boolean[] manual, int depth) {
        // split off the spec at the first ':' outside brackets, the conversion at '!'
        int colon = -1;
        int bang = -1;
        int bracket = 0;
        for (int k = 0; k < field.length(); k++) {
            char c = field.charAt(k);
            if (c == '[') {
                bracket++;
            } else if (c == ']') {
                bracket--;
            } else if (bracket == 0 && c == '!' && bang < 0 && colon < 0) {
                bang = k;
            } else if (bracket == 0 && c == ':') {
                colon = k;
                break;
            }
        }
        String spec = colon >= 0 ? field.substring(colon + 1) : "";
        String nameEnd = colon >= 0 ? field.substring(0, colon) : field;
        char conv = 0;
        if (bang >= 0) {
            String cs = nameEnd.substring(bang + 1);
            if (cs.length() != 1) {
                throw PyException.of(ExcType.VALUE_ERROR, cs.isEmpty() ? "end of string while looking for conversion specifier" : "expected ':' after conversion specifier");
            }
            conv = cs.charAt(0);
            if (conv != 'r' && conv != 's' && conv != 'a') {
                throw PyException.of(ExcType.VALUE_ERROR, "Unknown conversion specifier " + conv);
            }
            nameEnd = nameEnd.substring(0, bang);
        }
        // arg name up to the first '.' or '['
        int k = 0;
        while (k < nameEnd.length() && nameEnd.charAt(k) != '.' && nameEnd.charAt(k) != '[') {
            k++;
        }
        String argName = nameEnd.substring(0, k);
        Object value;
        if (argName.isEmpty()) {
            if (manual[0]) {
                throw PyException.of(ExcType.VALUE_ERROR, "cannot switch from manual field specification to automatic field numbering");
            }
            value = positional(args, auto[0]++);
        } else if (isDigits(argName)) {
            if (auto[0] > 0) {
                throw PyException.of(ExcType.VALUE_ERROR, "cannot switch from automatic field numbering to manual field specification");
            }
            manual[0] = true;
            value = positional(args, Integer.parseInt(argName));
        } else {
            value = kwargs.get(argName);
            if (value == null) {
                throw new PyException(ExcType.KEY_ERROR, List.of(argName));
            }
        }
        while (k < nameEnd.length()) {
            char c = nameEnd.charAt(k);
            if (c == '.') {
                int e = k + 1;
                while (e < nameEnd.length() && nameEnd.charAt(e) != '.' && nameEnd.charAt(e) != '[') {
                    e++;
                }
                value = PyOps.getAttr(value, nameEnd.substring(k + 1, e));
                k = e;
            } else {
                int e = nameEnd.indexOf(']', k);
                if (e < 0) {
                    throw PyException.of(ExcType.VALUE_ERROR, "Missing ']' in format string");
                }
                String key = nameEnd.substring(k + 1, e);
                value = PyOps.getItem(value, isDigits(key) ? (Object) Long.parseLong(key) : key);
                k = e + 1;
            }
        }
        if (conv != 0) {
            value = PyOps.fstringConvert(value, conv);
        }
        if (spec.indexOf('{') >= 0) {
            spec = render(spec, args, kwargs, auto, manual, depth - 1);
        }
        return PyOps.format(value, spec);
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Object positional(Object[] args, int i) {
        if (i >= args.length) {
            throw PyException.of(ExcType.INDEX_ERROR, "Replacement index " + i + " out of range for positional args tuple");
        }
        return args[i];
    }

    /** printf-style {@code fmt % values}. */
    static String percent(String fmt, Object values) {
        Object[] args;
        PyDict mapping = null;
        if (values instanceof PyTuple) {
            args = ((PyTuple) values).items();
        } else {
            args = new Object[] {values};
            if (values instanceof PyDict) {
                mapping = (PyDict) values;
            }
        }
        StringBuilder out = new StringBuilder(fmt.length() + 16);
        int ai = 0;
        int n = fmt.length();
        boolean usedMapping = false;
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            i++;
            if (i >= n) {
                throw PyException.of(ExcType.VALUE_ERROR, "incomplete format");
            }
            Object mapped = null;
            if (fmt.charAt(i) == '(') {
                int e = fmt.indexOf(')', i);
                if (e < 0) {
                    throw PyException.of(ExcType.VALUE_ERROR, "incomplete format key");
                }
                if (mapping == null) {
                    throw PyException.of(ExcType.TYPE_ERROR, "format requires a mapping");
                }
                mapped = mapping.getItem(fmt.substring(i + 1, e));
                usedMapping = true;
                i = e + 1;
            }
            Format.Spec sp = new Format.Spec();
            boolean left = false;
            boolean zero = false;
            for (; i < n; i++) {
                char f = fmt.charAt(i);
                if (f == '-') {
                    left = true;
                } else if (f == '+') {
                    sp.sign = '+';
                } else if (f == ' ') {
                    if (sp.sign != '+') {
                        sp.sign = ' ';
                    }
                } else if (f == '#') {
                    sp.alt = true;
                } else if (f == '0') {
                    zero = true;
                } else {
                    break;
                }
            }
            if (i < n && fmt.charAt(i) == '*') {
                if (ai >= args.length) {
                    throw PyException.of(ExcType.TYPE_ERROR, "not enough arguments for format string");
                }
                long w = PyOps.lv(args[ai++]);
                if (w < 0) {
                    left = true;
                    w = -w;
                }
                sp.width = (int) Math.min(w, Limits.maxSize());
                i++;
            } else {
                int s = i;
                while (i < n && Character.isDigit(fmt.charAt(i))) {
                    i++;
                }
                if (i > s) {
                    sp.width = Integer.parseInt(fmt.substring(s, i));
                    Limits.checkSize(sp.width, "str");
                }
            }
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                if (i < n && fmt.charAt(i) == '*') {
                    sp.precision = (int) PyOps.lv(args[ai++]);
                    i++;
                } else {
                    int s = i;
                    while (i < n && Character.isDigit(fmt.charAt(i))) {
                        i++;
                    }
                    sp.precision = i > s ? Integer.parseInt(fmt.substring(s, i)) : 0;
                }
            }
            if (i >= n) {
                throw PyException.of(ExcType.VALUE_ERROR, "incomplete format");
            }
            char type = fmt.charAt(i);
            if (type == '%') {
                out.append('%');
                continue;
            }
            Object v;
            if (mapped != null) {
                v = mapped;
            } else {
                if (ai >= args.length) {
                    throw PyException.of(ExcType.TYPE_ERROR, "not enough arguments for format string");
                }
                v = args[ai++];
            }
            sp.align = left ? '<' : '>';
            String text;
            switch (type) {
                case 's': case 'r': case 'a': {
                    String s = type == 's' ? PyOps.str(v) : type == 'r' ? PyOps.repr(v) : PyOps.ascii(v);
                    if (sp.precision >= 0 && PyOps.strLen(s) > sp.precision) {
                        s = PyOps.strSlice(s, 0, sp.precision);
                    }
                    text = Format.pad(s, sp.width, sp.align, ' ');
                    break;
                }
                case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
                    Object iv;
                    if (PyOps.isInt(v)) {
                        iv = v;
                    } else if (v instanceof Double && (type == 'd' || type == 'i' || type == 'u')) {
                        iv = Builtins.floatToInt((Double) v);
                    } else {
                        String kind = type == 'd' || type == 'i' || type == 'u' ? "a real number" : "an integer";
                        throw PyException.of(ExcType.TYPE_ERROR, "%" + type + " format: " + kind + " is required, not " + PyOps.typeName(v));
                    }
                    if (iv instanceof Boolean) {
                        iv = PyOps.lv(iv);
                    }
                    sp.type = type == 'i' || type == 'u' ? 'd' : type;
                    int prec = sp.precision;
                    sp.precision = -1;
                    if (zero && !left) {
                        sp.fill = '0';
                        sp.align = '=';
                    }
                    if (prec > 0) {
                        // precision = minimum number of digits
                        boolean neg = PyOps.lt(iv, 0L);
                        Format.Spec plain = new Format.Spec();
                        plain.type = sp.type;
                        String digits = Format.formatInt(PyOps.abs(iv), plain);
                        if (digits.length() < prec) {
                            digits = "0".repeat(prec - digits.length()) + digits;
                        }
                        String prefix = sp.alt && type != 'd' && type != 'i' && type != 'u' ? "0" + type : "";
                        text = Format.finishNumber(sp, neg, prefix, digits, "", 0);
                    } else {
                        text = Format.formatInt(iv, sp);
                    }
                    break;
                }
                case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
                    if (!(v instanceof Double) && !PyOps.isInt(v)) {
                        throw PyException.of(ExcType.TYPE_ERROR, "must be real number, not " + PyOps.typeName(v));
                    }
                    sp.type = type;
                    if (sp.precision < 0) {
                        sp.precision = 6;
                    }
                    if (zero && !left) {
                        sp.fill = '0';
                        sp.align = '=';
                    }
                    text = Format.formatFloat(PyOps.toDouble(v), sp);
                    break;
                }
                case 'c': {
                    String s;
                    if (v instanceof String && PyOps.strLen((String) v) == 1) {
                        s = (String) v;
                    } else if (v instanceof Long) {
                        s = new String(Character.toChars((int) (long) (Long) v));
                    } else {
                        throw PyException.of(ExcType.TYPE_ERROR, "%c requires int or char");
                    }
                    text = Format.pad(s, sp.width, sp.align, ' ');
                    break;
                }
                default:
                    throw PyException.of(ExcType.VALUE_ERROR, "unsupported format character '" + type + "' (0x" + Integer.toHexString(type) + ") at index " + i);
            }
            out.append(text);
            if (out.length() > Limits.maxSize()) {
                throw Limits.tooBig(out.length(), "str");
            }
        }
        if (ai < args.length && !usedMapping && mapping == null) {
            throw PyException.of(ExcType.TYPE_ERROR, "not all arguments converted during string formatting");
        }
        return out.toString();
    }
}
