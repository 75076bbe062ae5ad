package dev.eventlanes.python.syntax;

/**
 * One token. {@code value} is a BigInteger or Double for NUMBER, a {@link StringPiece} for
 * STRING, null otherwise. Positions: 1-based lines, 0-based columns, end column exclusive.
 */
record Token(TokenType type, String text, Object value, int line, int col, int endLine, int endCol) {

    /**
     * A single string literal as written. The body (between the quotes, escapes not yet decoded)
     * is {@code source[bodyStart, bodyEnd)} and starts at bodyLine/bodyCol; {@code decoded} is
     * its value for a non-f-string (null for f-strings, whose body the parser splits).
     */
    record StringPiece(boolean isF, boolean isRaw, boolean isBytes, int bodyStart, int bodyEnd,
                       int bodyLine, int bodyCol, String decoded) {
    }
}
