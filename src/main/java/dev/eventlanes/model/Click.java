package dev.eventlanes.model;

/**
 * Something the user did from outside the program (a toggle clicked, an op appended to a
 * lane's script). A session records each click with the loop position it happened at, so
 * re-running the program and applying the clicks at the same positions replays it exactly.
 */
public interface Click {
    /**
     * Applies the click to the running loop.
     *
     * @return null if it was applied, or a plain sentence saying why it was refused
     */
    String apply(Loop loop);

    /** What the click did, in words ("you clicked response_sent: set()"). */
    String describe();
}
