package dev.eventlanes.python.syntax;

/** Decodes the backslash escapes of a (non-bytes) string literal body the way CPython does. */
final class Escapes {

    private Escapes() {
    }

    /**
     * The value of a literal body. Raw bodies are returned unchanged. Unknown escapes keep their
     * backslash (CPython only warns); malformed hex, unicode and named escapes are
     * reported at the literal's position ({@code line}, {@code col}).
     */
    static String decode(String body, boolean raw, ErrorCollector errors, int line, int col) {
        if (raw || body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> { }
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = e - '0';
                    for (int k = 0; k < 2 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++) {
                        value = value * 8 + body.charAt(i++) - '0';
                    }
                    out.append((char) value);
                }
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int value = hex(body, i, digits);
                    if (value < 0 || !Character.isValidCodePoint(value)) {
                        errors.syntax(line, col, -1, "(unicode error) 'unicodeescape' codec can't decode bytes: "
                                + "truncated \\" + e + "XX escape");
                        return out.toString();
                    }
                    out.appendCodePoint(value);
                    i += digits;
                }
                case 'N' -> {
                    int close = body.indexOf('}', i);
                    int cp = -1;
                    if (i < body.length() && body.charAt(i) == '{' && close > i) {
                        try {
                            cp = Character.codePointOf(body.substring(i + 1, close));
                        } catch (IllegalArgumentException unknownName) {
                            cp = -1;
                        }
                    }
                    if (cp < 0) {
                        errors.syntax(line, col, -1, "(unicode error) 'unicodeescape' codec can't decode bytes: "
                                + "malformed \\N character escape");
                        return out.toString();
                    }
                    out.appendCodePoint(cp);
                    i = close + 1;
                }
                default -> out.append('\\').append(e);
            }
        }
        return out.toString();
    }

    private static int hex(String s, int from, int digits) {
        if (from + digits > s.length()) {
            return -1;
        }
        int value = 0;
        for (int k = from; k < from + digits; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }
}
