package dev.eventlanes.ui;

import javafx.geometry.Rectangle2D;

/**
 * Where the window opens and how big: the size the last launch remembered (1500 × 940 the first
 * time), made to fit the screen's visible bounds — the screen less its task bar and menu bar — so
 * that on a 1280 × 800 or 1024 × 768 projector nothing opens off-screen. The sizes are the
 * window's own, title bar included, as a stage measures them.
 */
record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    /** The first launch's size, on a screen that has room for it. */
    static final double DEFAULT_WIDTH = 1500;
    static final double DEFAULT_HEIGHT = 940;
    /** The smallest window the layout is made for (every control reachable). */
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 700;

    /**
     * @param rememberedW the width the last launch ended with, or NaN
     * @param rememberedH its height, or NaN
     * @param maximized   whether it ended maximized
     * @param visible     the primary screen's visible bounds
     */
    static WindowPlacement fit(double rememberedW, double rememberedH, boolean maximized, Rectangle2D visible) {
        double w = usable(rememberedW) ? rememberedW : DEFAULT_WIDTH;
        double h = usable(rememberedH) ? rememberedH : DEFAULT_HEIGHT;
        // Never bigger than the screen shows, never smaller than the layout is made for, unless
        // the screen itself is smaller than that.
        w = Math.min(Math.max(w, Math.min(MIN_WIDTH, visible.getWidth())), visible.getWidth());
        h = Math.min(Math.max(h, Math.min(MIN_HEIGHT, visible.getHeight())), visible.getHeight());
        double x = visible.getMinX() + Math.floor((visible.getWidth() - w) / 2);
        double y = visible.getMinY() + Math.floor((visible.getHeight() - h) / 2);
        return new WindowPlacement(x, y, w, h, maximized);
    }

    /** The stage's minimum size on this screen. */
    static double minWidth(Rectangle2D visible) {
        return Math.min(MIN_WIDTH, visible.getWidth());
    }

    static double minHeight(Rectangle2D visible) {
        return Math.min(MIN_HEIGHT, visible.getHeight());
    }

    private static boolean usable(double v) {
        return !Double.isNaN(v) && !Double.isInfinite(v) && v > 0;
    }
}
