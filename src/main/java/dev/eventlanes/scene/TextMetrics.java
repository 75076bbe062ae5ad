package dev.eventlanes.scene;

/**
 * How wide a text is drawn, for placing labels so that none covers another. The window measures
 * with its fonts (JavaFX); the scene itself draws nothing.
 */
public interface TextMetrics {
    /** The kinds of text on the lanes, each in its own font. */
    enum Role {
        /** A segment's state, inside its bar ("waiting on event"). */
        SEGMENT,
        /** A running segment's state (bold). */
        SEGMENT_BOLD,
        /** A mark's label above the bar ("event.set()"). */
        MARK,
        /** A time on the ruler. */
        TICK,
        /** An instant band's label on the ruler ("t = 2.0 · 3 steps"). */
        BAND,
        /** A latency bracket's label under the bar ("+0.5 s"). */
        LATENCY
    }

    double width(String text, Role role);

    /** The height a line of this role takes. */
    double height(Role role);
}
