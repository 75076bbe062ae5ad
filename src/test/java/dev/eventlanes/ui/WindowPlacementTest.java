package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The window opens whole on the screen it opens on, whatever the last launch remembered. */
class WindowPlacementTest {
    /** A 1024 × 768 screen with a 40 px task bar at the bottom. */
    private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1024, 728);
    /** A 1280 × 800 screen with a 28 px menu bar at the top. */
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 28, 1280, 772);
    private static final Rectangle2D BIG = new Rectangle2D(0, 0, 2560, 1400);

    private static void assertInside(WindowPlacement p, Rectangle2D screen) {
        assertThat(p.x()).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(p.y()).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(p.x() + p.width()).isLessThanOrEqualTo(screen.getMaxX());
        assertThat(p.y() + p.height()).isLessThanOrEqualTo(screen.getMaxY());
    }

    @Test
    void aFirstLaunchOnASmallScreenFitsItsVisibleBounds() {
        for (Rectangle2D screen : new Rectangle2D[] {SMALL, LAPTOP}) {
            WindowPlacement p = WindowPlacement.fit(Double.NaN, Double.NaN, false, screen);
            assertInside(p, screen);
            assertThat(p.width()).isEqualTo(screen.getWidth());
            assertThat(p.height()).isEqualTo(screen.getHeight());
        }
    }

    @Test
    void aFirstLaunchOnABigScreenHasItsOwnSizeCentred() {
        WindowPlacement p = WindowPlacement.fit(Double.NaN, Double.NaN, false, BIG);
        assertThat(p.width()).isEqualTo(WindowPlacement.DEFAULT_WIDTH);
        assertThat(p.height()).isEqualTo(WindowPlacement.DEFAULT_HEIGHT);
        assertThat(p.x()).isEqualTo(530);
        assertThat(p.y()).isEqualTo(230);
    }

    @Test
    void aRememberedSizeThatNoLongerFitsIsClamped() {
        // Last used on the big screen, now on the projector.
        WindowPlacement p = WindowPlacement.fit(1900, 1200, false, SMALL);
        assertInside(p, SMALL);
        assertThat(p.width()).isEqualTo(1024);
        assertThat(p.height()).isEqualTo(728);
    }

    @Test
    void aRememberedSizeThatFitsIsKeptAndTooSmallOneGrowsToTheLayoutsMinimum() {
        WindowPlacement kept = WindowPlacement.fit(1200, 760, true, BIG);
        assertThat(kept.width()).isEqualTo(1200);
        assertThat(kept.height()).isEqualTo(760);
        assertThat(kept.maximized()).isTrue();
        WindowPlacement grown = WindowPlacement.fit(300, 200, false, BIG);
        assertThat(grown.width()).isEqualTo(WindowPlacement.MIN_WIDTH);
        assertThat(grown.height()).isEqualTo(WindowPlacement.MIN_HEIGHT);
        assertThat(WindowPlacement.minWidth(SMALL)).isEqualTo(1024);
        assertThat(WindowPlacement.minHeight(new Rectangle2D(0, 0, 800, 600))).isEqualTo(600);
    }

    @Test
    void nonsenseInTheSettingsFileGivesTheDefault() {
        WindowPlacement p = WindowPlacement.fit(Double.POSITIVE_INFINITY, -5, false, BIG);
        assertThat(p.width()).isEqualTo(WindowPlacement.DEFAULT_WIDTH);
        assertThat(p.height()).isEqualTo(WindowPlacement.DEFAULT_HEIGHT);
    }
}
