package dev.eventlanes.python.syntax;

import dev.eventlanes.python.syntax.Expr.Conversion;
import dev.eventlanes.python.syntax.Expr.FStringPart;

/**
 * Splits the body of one f-string literal into text and replacement fields, following the
 * Python 3.11 rules: {@code {{}/{@code }}} are literal braces, a field is
 * {@code {expression[=][!conversion][:spec]}} and the spec may itself contain fields. The
 * expression text is handed back to the {@link Parser} (positions stay those of the file).
 */
final class FStringParser {
    private final String src;
    private final Token.StringPiece piece;
    private final ErrorCollector errors;
    private final Parser parser;
    private final int end;

    FStringParser(String src, Token.StringPiece piece, ErrorCollector errors, Parser parser) {
        this.src = src;
        this.piece = piece;
        this.errors = errors;
        this.parser = parser;
        this.end = piece.bodyEnd();
    }

    void parseInto(FStringBuilder out) {
        int i = literalParts(piece.bodyStart(), out, false);
        if (i < end) {
            throw error(i, "f-string: single '}' is not allowed");
        }
    }

    /**
     * Reads text and fields from {@code i} until the end of the body or, inside a format spec,
     * until the '}' closing the field; returns the index where it stopped.
     */
    private int literalParts(int i, FStringBuilder out, boolean inSpec) {
        StringBuilder text = new StringBuilder();
        int textStart = i;
        while (i < end) {
            char c = src.charAt(i);
            if (c == '{' && !inSpec && i + 1 < end && src.charAt(i + 1) == '{') {
                text.append('{');
                i += 2;
            } else if (c == '}' && !inSpec && i + 1 < end && src.charAt(i + 1) == '}') {
                text.append('}');
                i += 2;
            } else if (c == '{') {
                flush(text, textStart, out);
                i = field(i, out);
                textStart = i;
            } else if (c == '}') {
                break;
            } else if (c == '\\' && !piece.isRaw() && i + 1 < end) {
                text.append(c).append(src.charAt(i + 1));
                i += 2;
            } else {
                text.append(c);
                i++;
            }
        }
        flush(text, textStart, out);
        return i;
    }

    private void flush(StringBuilder text, int start, FStringBuilder out) {
        if (text.length() > 0) {
            out.text(Escapes.decode(text.toString(), piece.isRaw(), errors, line(start), col(start)),
                    line(start), col(start));
            text.setLength(0);
        }
    }

    /** field: '{' expression ['='] ['!' conversion] [':' spec] '}'; returns the index after '}'. */
    private int field(int open, FStringBuilder out) {
        int exprStart = open + 1;
        int j = expressionEnd(exprStart);
        if (j >= end) {
            throw error(j, "f-string: expecting '}'");
        }
        if (src.substring(exprStart, j).isBlank()) {
            throw error(j, "f-string: empty expression not allowed");
        }
        Expr value = parser.fieldExpression(exprStart, j, line(exprStart), col(exprStart));
        boolean debug = false;
        if (src.charAt(j) == '=') {
            debug = true;
            j++;
            while (j < end && Character.isWhitespace(src.charAt(j))) {
                j++;
            }
            out.text(src.substring(exprStart, j), line(exprStart), col(exprStart));
        }
        Conversion conversion = Conversion.NONE;
        if (j < end && src.charAt(j) == '!') {
            char c = j + 1 < end ? src.charAt(j + 1) : '\0';
            conversion = c == 's' ? Conversion.STR : c == 'r' ? Conversion.REPR : c == 'a' ? Conversion.ASCII : null;
            if (conversion == null) {
                throw error(j + 1, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
            j += 2;
        }
        FStringBuilder spec = new FStringBuilder();
        if (j < end && src.charAt(j) == ':') {
            j = literalParts(j + 1, spec, true);
        }
        if (j >= end || src.charAt(j) != '}') {
            throw error(Math.min(j, end), "f-string: expecting '}'");
        }
        if (debug && conversion == Conversion.NONE && spec.parts().isEmpty()) {
            conversion = Conversion.REPR;
        }
        out.field(new FStringPart.FormattedValue(value, conversion, spec.parts(), line(open), col(open)));
        return j + 1;
    }

    private int expressionEnd(int i) {
        int j = expressionEnd(src, i, end, true);
        if (j < 0) {
            int at = -j - 1;
            throw error(at, src.charAt(at) == '\\' ? "f-string expression part cannot include a backslash"
                    : "f-string expression part cannot include '#'");
        }
        return j;
    }

    /**
     * Where the expression of a field that starts at i ends: the first '=', '!', ':' or '}'
     * outside brackets and strings that is not part of an operator such as '==' or '!='; {@code
     * end} if none. Strict (the parser): a backslash or '#' in the expression is an error, and
     * its index k comes back as -(k + 1). Not strict (the highlighter, which colours text being
     * typed): they are ordinary characters.
     */
    static int expressionEnd(String src, int i, int end, boolean strict) {
        int depth = 0;
        while (i < end) {
            char c = src.charAt(i);
            char next = i + 1 < end ? src.charAt(i + 1) : '\0';
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == '\'' || c == '"') {
                int close = src.indexOf(c, i + 1);
                i = close < 0 || close >= end ? end : close;
            } else if (strict && (c == '\\' || c == '#')) {
                return -(i + 1);
            } else if (depth == 0 && c == '!' && next != '=') {
                return i;
            } else if (depth == 0 && c == ':') {
                return i;
            } else if (depth == 0 && c == '=' && next != '=' && "=!<>".indexOf(src.charAt(i - 1)) < 0) {
                return i;
            } else if ((c == '=' || c == '!' || c == '<' || c == '>') && next == '=') {
                i++;
            }
            i++;
        }
        return end;
    }

    private RuntimeException error(int at, String message) {
        errors.syntax(line(at), col(at), -1, message);
        return parser.fStringError();
    }

    private int line(int offset) {
        int line = piece.bodyLine();
        for (int k = piece.bodyStart(); k < offset && k < src.length(); k++) {
            if (src.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }

    private int col(int offset) {
        int lastBreak = src.lastIndexOf('\n', offset - 1);
        if (lastBreak < piece.bodyStart()) {
            return piece.bodyCol() + (offset - piece.bodyStart());
        }
        return offset - lastBreak - 1;
    }
}
