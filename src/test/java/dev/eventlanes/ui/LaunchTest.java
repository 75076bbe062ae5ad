package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window as a launch opens it (EventLanesApp.start, its view model prepared as main() would). */
@ExtendWith(ApplicationExtension.class)
class LaunchTest {
    @TempDir
    Path dir;
    private Stage stage;
    private String savedSettings;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        savedSettings = System.getProperty("eventlanes.settings");
        // The headless screen is 1280 x 800: a launch that remembers a size from a bigger screen,
        // and nothing else.
        Settings s = new Settings(dir.resolve("settings.properties"));
        s.putDouble("width", 1900);
        s.putDouble("height", 1200);
        s.save();
        System.setProperty("eventlanes.settings", s.file().toString());
        new EventLanesApp().start(stage);
    }

    @AfterEach
    void restore() {
        if (savedSettings == null) {
            System.clearProperty("eventlanes.settings");
        } else {
            System.setProperty("eventlanes.settings", savedSettings);
        }
    }

    @Test
    void aFirstLaunchShowsSeedOneReadyToPlay(FxRobot robot) {
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).startsWith("Event Lanes \u2014 ");
        // Seed 1's 17 lines under its 7 lines of lesson notes.
        assertThat(robot.lookup("#code").queryAs(org.fxmisc.richtext.CodeArea.class).getParagraphs()).hasSize(24);
        assertThat(robot.lookup("#stepCount").queryAs(Label.class).getText()).isEqualTo("step 0 of 5");
        assertThat(robot.lookup("#play").queryAs(Button.class).getText()).isEqualTo("Play");
        assertThat(robot.lookup("#lanes").tryQuery()).isPresent();
        // What the first frame does not show is not built yet, and nothing was written.
        assertThat(robot.lookup("#problems").tryQuery()).isEmpty();
        assertThat(robot.lookup("#play").queryAs(Button.class).getTooltip()).isNull();
        assertThat(new Settings(dir.resolve("settings.properties")).get("last", null)).isNull();
        // It plays.
        robot.clickOn("#step");
        assertThat(robot.lookup("#stepCount").queryAs(Label.class).getText()).isEqualTo("step 1 of 5");
    }

    @Test
    void theWindowOpensWholeOnTheScreen() {
        // Remembered 1900 x 1200 on another screen: here the window, title bar included, fits.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(stage.getX()).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(stage.getY()).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(stage.getX() + stage.getWidth()).isLessThanOrEqualTo(screen.getMaxX());
        assertThat(stage.getY() + stage.getHeight()).isLessThanOrEqualTo(screen.getMaxY());
        assertThat(stage.getMinWidth()).isEqualTo(Math.min(1024, screen.getWidth()));
    }
}
