package dev.eventlanes.ui;

import dev.eventlanes.scene.SceneBuilder;

/**
 * How big each part of the window is drawn at a zoom: the zoom enlarges the content — the lanes,
 * the code, the events — before the chrome around it. A teacher zooms so that the back row reads
 * the lanes; toolbars that grew as fast pushed the lanes off a 1280×800 projector (at 214 % no
 * lane was left). So the toolbars and the status bar stop growing at {@link #CHROME_MAX}, the
 * events row, key and output at {@link #PANEL_MAX}, the code at {@link #CODE_MAX}; and the lanes
 * grow with the zoom for as long as three lanes and the ruler still fit the room they can have
 * ({@link #LANES_SHOWN}).
 *
 * <p>Each figure is a factor on the sizes at 100 %: 18 px text, and the lanes'
 * {@link SceneBuilder#RULER} and {@link SceneBuilder#ROW}.
 *
 * @param chrome the toolbars, the status bar, menus
 * @param panels the events row, the banner, the key, the output
 * @param code   the code panel
 * @param lanes  the lanes (their canvas and headers)
 */
record Sizes(double chrome, double panels, double code, double lanes) {
    /** The window's text size at 100 %, in pixels. */
    static final double BASE_FONT = 18;
    static final double CHROME_MAX = 1.1;
    static final double PANEL_MAX = 1.25;
    static final double CODE_MAX = 1.5;
    /** How many lanes stay in view at every zoom. */
    static final int LANES_SHOWN = 3;
    /** The least the lanes are drawn at: the zoom's own least. */
    static final double LANES_MIN = 0.5;

    /**
     * @param zoom      the window's zoom (1 is 100 %)
     * @param lanesRoom the most height the lanes' canvas can have, in pixels, with the other
     *                  parts at their sizes for this zoom (see {@link MainView})
     */
    static Sizes of(double zoom, double lanesRoom) {
        double fit = lanesRoom / lanesHeightAtOne();
        double lanes = Math.max(Math.min(zoom, LANES_MIN), Math.min(zoom, fit));
        return new Sizes(Math.min(zoom, CHROME_MAX), Math.min(zoom, PANEL_MAX), Math.min(zoom, CODE_MAX), lanes);
    }

    /** The ruler and {@link #LANES_SHOWN} lanes at 100 %, in pixels. */
    static double lanesHeightAtOne() {
        return SceneBuilder.rulerHeight(1) + LANES_SHOWN * SceneBuilder.rowHeight(1);
    }

    /** A part's CSS font size for a factor. */
    static String font(double factor) {
        return String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT * factor);
    }
}
