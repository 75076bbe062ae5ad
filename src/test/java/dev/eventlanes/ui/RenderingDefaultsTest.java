package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rendering settings the window starts its toolkit with. */
class RenderingDefaultsTest {
    private final String before = System.getProperty("prism.dirtyregioncount");

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("prism.dirtyregioncount");
        } else {
            System.setProperty("prism.dirtyregioncount", before);
        }
    }

    @Test
    void softwareRenderingMayRepaintAFrameInTwelveRectangles() {
        System.clearProperty("prism.dirtyregioncount");
        EventLanesApp.renderingDefaults();
        assertThat(System.getProperty("prism.dirtyregioncount")).isEqualTo("12");
    }

    @Test
    void aUsersOwnSettingWins() {
        System.setProperty("prism.dirtyregioncount", "4");
        EventLanesApp.renderingDefaults();
        assertThat(System.getProperty("prism.dirtyregioncount")).isEqualTo("4");
    }
}
