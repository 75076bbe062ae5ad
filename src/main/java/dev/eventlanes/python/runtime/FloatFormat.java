package dev.eventlanes.python.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Float to text exactly as CPython does it.
 *
 * <p>{@link #repr} is Python's shortest round-trip representation (David Gay's mode 0): the
 * fewest significant digits that parse back to the same double, the closest such string if
 * there are several. JDK 17's {@code Double.toString} is not always shortest and formats
 * exponents differently, so it is only used as a first guess for the digit count.
 *
 * <p>The fixed/exponent/general formatters round the EXACT binary value half-even (via
 * {@link BigDecimal#BigDecimal(double)}), which is what CPython's correctly rounded dtoa does:
 * {@code format(2.675, '.2f') == '2.67'} because 2.675 is really 2.67499999...
 */
public final class FloatFormat {
    private FloatFormat() {
    }

    /** Significant decimal digits (no trailing zeros, at least "0") and the decimal point position. */
    record Digits(String digits, int decpt) {
    }

    /** {@code repr(float)}: {@code 0.1}, {@code 1e+16}, {@code 1e-05}, {@code 2.0}, {@code inf}, {@code -0.0}. */
    public static String repr(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            // Integral and short: the common case (counters, sums of whole numbers).
            if (d == 0) {
                return (1 / d < 0) ? "-0.0" : "0.0";
            }
            return Long.toString((long) d) + ".0";
        }
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        Digits g = shortest(Math.abs(d));
        return (d < 0 ? "-" : "") + layout(g.digits, g.decpt, 16, false);
    }

    /**
     * Lays out digits as CPython's format_float_short: exponent notation if
     * {@code decpt <= -4 || decpt > maxFixedDecpt}, else fixed with a ".0" added to integers
     * when {@code addDot0} or in repr mode (maxFixedDecpt 16).
     */
    static String layout(String digits, int decpt, int maxFixedDecpt, boolean alwaysAddDot0) {
        int n = digits.length();
        StringBuilder sb = new StringBuilder(n + 8);
        if (decpt <= -4 || decpt > maxFixedDecpt) {
            sb.append(digits.charAt(0));
            if (n > 1) {
                sb.append('.').append(digits, 1, n);
            }
            appendExponent(sb, decpt - 1);
            return sb.toString();
        }
        if (decpt <= 0) {
            sb.append("0.");
            for (int i = decpt; i < 0; i++) {
                sb.append('0');
            }
            sb.append(digits);
        } else if (decpt >= n) {
            sb.append(digits);
            for (int i = n; i < decpt; i++) {
                sb.append('0');
            }
            sb.append(".0");
        } else {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, n);
        }
        return sb.toString();
    }

    static void appendExponent(StringBuilder sb, int exp) {
        sb.append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) {
            sb.append('0');
        }
        sb.append(a);
    }

    /** Shortest round-tripping digits of a positive finite double. */
    static Digits shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        int guess = jdkDigitCount(d);
        int p = Math.min(guess, 17);
        Digits best = candidate(exact, d, p);
        while (best == null && p < 17) {
            best = candidate(exact, d, ++p);
        }
        while (p > 1) {
            Digits shorter = candidate(exact, d, p - 1);
            if (shorter == null) {
                break;
            }
            best = shorter;
            p--;
        }
        return best;
    }

    private static int jdkDigitCount(double d) {
        String s = Double.toString(d);
        int count = 0;
        boolean leading = true;
        int lastNonZero = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'E') {
                break;
            }
            if (c >= '0' && c <= '9') {
                if (leading && c == '0') {
                    continue;
                }
                leading = false;
                count++;
                if (c != '0') {
                    lastNonZero = count;
                }
            }
        }
        return Math.max(1, lastNonZero);
    }

    /** The closest p-digit decimal that round-trips, else the other neighbour, else null. */
    private static Digits candidate(BigDecimal exact, double d, int p) {
        BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
        if (r.doubleValue() == d) {
            return digitsOf(r);
        }
        // Near powers of two the rounding interval is asymmetric: the neighbour on the wider
        // side may round-trip although the nearest p-digit value does not.
        BigDecimal other = r.compareTo(exact) < 0
                ? exact.round(new MathContext(p, RoundingMode.CEILING))
                : exact.round(new MathContext(p, RoundingMode.FLOOR));
        if (other.doubleValue() == d) {
            return digitsOf(other);
        }
        return null;
    }

    static Digits digitsOf(BigDecimal r) {
        String u = r.unscaledValue().abs().toString();
        int decpt = u.length() - r.scale();
        int end = u.length();
        while (end > 1 && u.charAt(end - 1) == '0') {
            end--;
        }
        if (u.equals("0")) {
            return new Digits("0", 1);
        }
        return new Digits(u.substring(0, end), decpt);
    }

    /** {@code format(d, '.{prec}f')} without sign handling of specials: magnitude only for finite d. */
    public static String fixed(double d, int prec) {
        if (!Double.isFinite(d)) {
            return special(d);
        }
        BigDecimal r = new BigDecimal(d).setScale(prec, RoundingMode.HALF_EVEN);
        String s = r.toPlainString();
        if (r.signum() == 0 && (d < 0 || (d == 0 && 1 / d < 0))) {
            s = "-" + s.replace("-", "");
        }
        return s;
    }

    /** {@code format(d, '.{prec}e')}. */
    public static String exponent(double d, int prec, boolean upper) {
        if (!Double.isFinite(d)) {
            String s = special(d);
            return upper ? s.toUpperCase() : s;
        }
        StringBuilder sb = new StringBuilder();
        if (d < 0 || (d == 0 && 1 / d < 0)) {
            sb.append('-');
        }
        String digits;
        int exp;
        if (d == 0) {
            digits = "0".repeat(prec + 1);
            exp = 0;
        } else {
            BigDecimal r = new BigDecimal(Math.abs(d)).round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
            String u = r.unscaledValue().toString();
            exp = u.length() - r.scale() - 1;
            digits = u.length() >= prec + 1 ? u.substring(0, prec + 1) : u + "0".repeat(prec + 1 - u.length());
        }
        sb.append(digits.charAt(0));
        if (prec > 0) {
            sb.append('.').append(digits, 1, prec + 1);
        }
        appendExponent(sb, exp);
        String s = sb.toString();
        return upper ? s.toUpperCase() : s;
    }

    /**
     * {@code format(d, '.{prec}g')}; with {@code noType} the rules of an empty presentation type
     * with a precision (always a digit after the point, exponent from {@code decpt > prec - 1}).
     */
    public static String general(double d, int prec, boolean upper, boolean alternate, boolean noType) {
        if (!Double.isFinite(d)) {
            String s = special(d);
            return upper ? s.toUpperCase() : s;
        }
        if (prec == 0) {
            prec = 1;
        }
        String sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : "";
        String digits;
        int decpt;
        if (d == 0) {
            digits = "0";
            decpt = 1;
        } else {
            Digits g = digitsOf(new BigDecimal(Math.abs(d)).round(new MathContext(prec, RoundingMode.HALF_EVEN)));
            digits = g.digits;
            decpt = g.decpt;
        }
        if (alternate && digits.length() < prec) {
            digits = digits + "0".repeat(prec - digits.length());
        }
        int maxFixed = noType ? prec - 1 : prec;
        String body;
        if (decpt <= -4 || decpt > maxFixed) {
            StringBuilder sb = new StringBuilder();
            sb.append(digits.charAt(0));
            if (digits.length() > 1 || alternate) {
                sb.append('.').append(digits, 1, digits.length());
            }
            appendExponent(sb, decpt - 1);
            body = sb.toString();
        } else {
            int n = digits.length();
            StringBuilder sb = new StringBuilder();
            if (decpt <= 0) {
                sb.append("0.");
                for (int i = decpt; i < 0; i++) {
                    sb.append('0');
                }
                sb.append(digits);
            } else if (decpt >= n) {
                sb.append(digits);
                for (int i = n; i < decpt; i++) {
                    sb.append('0');
                }
                if (noType) {
                    sb.append(".0");
                } else if (alternate) {
                    sb.append('.');
                }
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, n);
            }
            body = sb.toString();
        }
        String s = sign + body;
        return upper ? s.toUpperCase() : s;
    }

    private static String special(double d) {
        return Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";
    }
}
