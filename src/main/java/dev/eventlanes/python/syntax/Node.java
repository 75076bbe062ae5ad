package dev.eventlanes.python.syntax;

/**
 * Anything in the syntax tree. Every node knows where it starts in the source: {@code line} is
 * 1-based and {@code col} is a 0-based offset in UTF-16 chars into that line (equal to the
 * character count for all text outside the astral planes), matching how the diagnostics place
 * their caret.
 */
public interface Node {
    /** 1-based line of the node's first token. */
    int line();

    /** 0-based column of the node's first token. */
    int col();
}
