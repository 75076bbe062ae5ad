package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.TaskState;
import dev.eventlanes.scene.Scene;
import dev.eventlanes.ui.Palette.Ink;
import dev.eventlanes.ui.lanes.LanesView;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToolBar;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as launched, switching themes: the chooser beside the language and the key T
 * change the controls' colours and the lanes' pixels at once, and the next launch opens in the
 * theme chosen last.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeSwitchTest {
    @TempDir
    Path dir;
    private Stage stage;
    private String savedSettings;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        savedSettings = System.getProperty("eventlanes.settings");
        System.setProperty("eventlanes.settings", dir.resolve("settings.properties").toString());
        new EventLanesApp().start(stage);
    }

    @AfterEach
    void restore(FxRobot robot) {
        if (savedSettings == null) {
            System.clearProperty("eventlanes.settings");
        } else {
            System.setProperty("eventlanes.settings", savedSettings);
        }
        robot.interact(() -> Theme.use(Theme.LIGHT));
    }

    private static Color toolbarColour(FxRobot robot) {
        List<BackgroundFill> fills = robot.lookup("#toolbar").queryAs(ToolBar.class).getBackground().getFills();
        return (Color) fills.get(fills.size() - 1).getFill();
    }

    private static Color wordsColour(FxRobot robot) {
        return (Color) robot.lookup("#stepCount").queryAs(Label.class).getTextFill();
    }

    /** The lanes' pixel in the middle of the first running bar wide enough to have a middle. */
    private static Color runningPixel(FxRobot robot) {
        LanesView lanes = robot.lookup("#lanes").queryAs(LanesView.class);
        Color[] out = new Color[1];
        robot.interact(() -> {
            Scene sc = lanes.scene();
            for (Scene.Segment s : sc.segments()) {
                if (s.state() == TaskState.RUNNING && s.x1() - s.x0() > 12) {
                    Scene.LaneRow row = sc.lanes().stream().filter(r -> r.task() == s.task()).findFirst().orElseThrow();
                    WritableImage img = lanes.snapshotDrawing();
                    // Inside the bar's 2-pixel edge, left of where its words could start.
                    out[0] = img.getPixelReader().getColor((int) Math.floor(s.x0()) + 4,
                            (int) Math.round((row.barTop() + row.barBottom()) / 2));
                    return;
                }
            }
        });
        assertThat(out[0]).as("a running bar in view").isNotNull();
        return out[0];
    }

    private static void assertLooksLike(FxRobot robot, Theme t) {
        Palette p = t.palette();
        assertThat(Theme.current()).isEqualTo(t);
        assertThat(toolbarColour(robot)).as(t.id() + ": the toolbar").isEqualTo(p.get(Ink.TOOLBAR));
        assertThat(wordsColour(robot)).as(t.id() + ": the status bar's words").isEqualTo(p.get(Ink.STATUS_STRONG));
        assertThat(robot.lookup("#lanes").query().getScene().getFill()).as(t.id() + ": the window")
                .isEqualTo(p.get(Ink.BACKGROUND));
        Color px = runningPixel(robot);
        Color want = p.fill(TaskState.RUNNING);
        assertThat(Math.abs(px.getRed() - want.getRed()) + Math.abs(px.getGreen() - want.getGreen())
                + Math.abs(px.getBlue() - want.getBlue())).as(t.id() + ": a running bar is " + want + ", not " + px)
                .isLessThan(0.02);
    }

    @Test
    void theChooserBesideTheLanguageRecoloursTheControlsAndTheLanes(FxRobot robot) {
        // The whole run, so there are running bars to look at.
        robot.interact(() -> robot.lookup("#lanes").query().getScene().getRoot().requestFocus());
        robot.type(KeyCode.END);
        assertLooksLike(robot, Theme.LIGHT);
        MenuButton chooser = robot.lookup("#theme").queryAs(MenuButton.class);
        assertThat(chooser.getText()).isEqualTo("Theme");
        assertThat(chooser.getGraphic()).as("its icon, for a toolbar too narrow for words").isNotNull();
        assertThat(chooser.getParent()).isSameAs(robot.lookup("#language").query().getParent());
        for (Theme t : List.of(Theme.DARK, Theme.CONTRAST, Theme.LIGHT)) {
            robot.clickOn("#theme");
            robot.clickOn(t == Theme.DARK ? "Dark" : t == Theme.CONTRAST ? "High contrast" : "Light");
            WaitForAsyncUtils.waitForFxEvents();
            assertLooksLike(robot, t);
        }
    }

    @Test
    void theKeyTGoesRoundTheThemes(FxRobot robot) {
        robot.interact(() -> robot.lookup("#lanes").query().getScene().getRoot().requestFocus());
        robot.type(KeyCode.END);
        for (Theme t : List.of(Theme.DARK, Theme.CONTRAST, Theme.LIGHT)) {
            robot.type(KeyCode.T);
            WaitForAsyncUtils.waitForFxEvents();
            assertLooksLike(robot, t);
        }
    }

    @Test
    void theThemeChosenLastIsTheOneTheNextLaunchOpensIn(FxRobot robot) {
        robot.interact(() -> robot.lookup("#lanes").query().getScene().getRoot().requestFocus());
        robot.type(KeyCode.T, KeyCode.T);
        assertThat(Theme.current()).isEqualTo(Theme.CONTRAST);
        robot.interact(() -> stage.getOnCloseRequest().handle(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(new Settings(dir.resolve("settings.properties")).get("theme", null)).isEqualTo("contrast");
        // Another launch, in a process whose theme was light until it read its settings.
        robot.interact(() -> {
            Theme.use(Theme.LIGHT);
            new EventLanesApp().start(stage);
        });
        robot.interact(() -> robot.lookup("#lanes").query().getScene().getRoot().requestFocus());
        robot.type(KeyCode.END);
        assertLooksLike(robot, Theme.CONTRAST);
    }
}
