package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.scene.SceneBuilder;
import dev.eventlanes.ui.lanes.LanesView;
import dev.eventlanes.ui.program.ProgramSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window in front of a class, on the small screens teachers project from (1024×768 and
 * 1280×800; the headless screen is 1280×800, so presentation mode's full screen is that size):
 * at every zoom three lanes and the code stay in view, zooming in never draws the lanes smaller,
 * no word is cut to "…", and presentation mode sizes the text for a room.
 */
@ExtendWith(ApplicationExtension.class)
class ClassroomLayoutTest {
    private MainViewModel vm;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
        view = new MainView(vm, PresetCatalog::all);
        stage.setScene(MainView.scene(view.load(), 1280, 800));
        view.openSession(PresetCatalog.open(PresetCatalog.PY + "waiting_vs_polling"));
        stage.show();
    }

    private void size(FxRobot robot, double w, double h) {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private LanesView lanes(FxRobot robot) {
        return robot.lookup("#lanes").queryAs(LanesView.class);
    }

    /** Whether a node is shown whole inside the window. */
    private boolean inWindow(Node n) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        Scene sc = n.getScene();
        return n.isVisible() && b.getMinX() >= -0.5 && b.getMinY() >= -0.5 && b.getMaxX() <= sc.getWidth() + 0.5
                && b.getMaxY() <= sc.getHeight() + 0.5;
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** Every visible word the toolbars, events row and status bar show, cut short ("Pres…"). */
    private List<String> cutWords(Parent root) {
        List<String> cut = new ArrayList<>();
        for (Node n : root.lookupAll(".labeled")) {
            collect(n, cut);
        }
        for (Node n : root.lookupAll(".button")) {
            collect(n, cut);
        }
        for (Node n : root.lookupAll(".label")) {
            collect(n, cut);
        }
        return cut;
    }

    private void collect(Node n, List<String> cut) {
        if (!(n instanceof Labeled l) || !shown(n) || l.getText() == null || l.getText().isEmpty()
                || l.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY || l.isWrapText()) {
            return;
        }
        Node text = l.lookup(".text");
        if (text instanceof javafx.scene.text.Text t && !t.getText().equals(l.getText())) {
            cut.add(l.getText() + " shown as " + t.getText());
        }
    }

    private void checkClassroomView(FxRobot robot, String where) {
        LanesView lanes = lanes(robot);
        double s = lanes.scaleProperty().get();
        double need = SceneBuilder.rulerHeight(s) + 3 * SceneBuilder.rowHeight(s);
        assertThat(lanes.getHeight()).as(where + ": room for the ruler and three lanes at scale " + s).isGreaterThanOrEqualTo(need - 1);
        assertThat(inWindow(lanes)).as(where + ": the lanes in the window").isTrue();
        javafx.scene.layout.Region code = robot.lookup("#code").queryAs(org.fxmisc.richtext.CodeArea.class);
        assertThat(inWindow(code)).as(where + ": the code in the window").isTrue();
        assertThat(code.getWidth()).as(where + ": the code panel's width").isGreaterThan(200);
        assertThat(code.getHeight()).as(where + ": the code panel's height").isGreaterThan(120);
        assertThat(cutWords(stage.getScene().getRoot())).as(where + ": words cut short").isEmpty();
        Button present = robot.lookup("#present").queryAs(Button.class);
        assertThat(shown(present) && inWindow(present)).as(where + ": the Present button").isTrue();
    }

    @Test
    void atEveryZoomThreeLanesAndTheCodeStayInViewAndZoomingInNeverShrinksTheLanes(FxRobot robot) {
        for (double[] screen : new double[][] {{1024, 768}, {1280, 800}}) {
            size(robot, screen[0], screen[1]);
            double last = 0;
            for (double z : MainView.ZOOM_STEPS) {
                robot.interact(() -> view.zoomProperty().set(z));
                WaitForAsyncUtils.waitForFxEvents();
                String where = (int) screen[0] + "x" + (int) screen[1] + " at " + Math.round(z * 100) + " %";
                checkClassroomView(robot, where);
                double s = lanes(robot).scaleProperty().get();
                assertThat(s).as(where + ": the lanes are never drawn bigger than the zoom").isLessThanOrEqualTo(z + 1e-9);
                assertThat(s).as(where + ": zooming in never draws the lanes smaller").isGreaterThanOrEqualTo(last - 1e-9);
                last = s;
            }
        }
    }

    @Test
    void zoomEnlargesTheLanesBeforeTheToolbars(FxRobot robot) {
        size(robot, 1280, 800);
        robot.interact(() -> view.zoomProperty().set(1.5));
        WaitForAsyncUtils.waitForFxEvents();
        double lanes = lanes(robot).scaleProperty().get();
        Button open = robot.lookup("#open").queryAs(Button.class);
        double toolbarText = open.getFont().getSize();
        assertThat(lanes).as("the lanes grew").isGreaterThan(1.2);
        assertThat(toolbarText / Sizes.BASE_FONT).as("the toolbar grew less than the lanes").isLessThan(lanes);
    }

    @Test
    void presentationModeFillsTheScreenWithTextSizedForARoomAndEscLeavesIt(FxRobot robot) {
        size(robot, 1280, 800);
        robot.interact(() -> view.root().requestFocus());
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(robot.lookup("#toolbar").query().isVisible()).as("one transport row").isFalse();
        assertThat(robot.lookup("#playbar").query().isVisible()).isTrue();
        assertThat(robot.lookup("#lessonTitle").queryLabeled().getText()).isEqualTo(vm.i18n().get("preset.waiting_vs_polling"));
        assertThat(robot.lookup("#output").tryQuery()).as("the output makes way").isEmpty();
        checkClassroomView(robot, "presentation");
        double s = lanes(robot).scaleProperty().get();
        // The canvas' smallest words are 13 px at scale 1 (LaneText): all of them 20 px or more.
        assertThat(13 * s).as("the lanes' smallest text, px").isGreaterThanOrEqualTo(20);
        Labeled name = (Labeled) lanes(robot).lookup(".lane-name");
        assertThat(name.getFont().getSize()).as("a lane's name, px").isGreaterThanOrEqualTo(20);
        javafx.scene.text.Text codeText = (javafx.scene.text.Text) robot.lookup("#code").query().lookup(".text");
        assertThat(codeText.getFont().getSize()).as("the code, px").isGreaterThanOrEqualTo(20);
        robot.clickOn("#presentOutput");
        assertThat(robot.lookup("#output").tryQuery()).as("the output when asked for").isPresent();
        robot.interact(() -> view.root().requestFocus());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isFullScreen()).isFalse();
        assertThat(robot.lookup("#toolbar").query().isVisible()).isTrue();
        assertThat(robot.lookup("#lessonCaption").query().isVisible()).isFalse();
        assertThat(view.zoomProperty().get()).as("the desk's zoom back").isEqualTo(1.0);
    }

    @Test
    void playIsAsWideAsPauseAndTheLibraryChooserAsWideAsItsWidestLibrary(FxRobot robot) {
        size(robot, 1280, 800);
        for (double z : new double[] {1.0, 2.0}) {
            robot.interact(() -> view.zoomProperty().set(z));
            WaitForAsyncUtils.waitForFxEvents();
            Button play = robot.lookup("#play").queryAs(Button.class);
            double notYetPlayed = play.getWidth();
            robot.interact(vm::play);
            WaitForAsyncUtils.waitForFxEvents();
            double paused = play.getWidth();
            Node addTask = robot.lookup("#addTask").query();
            double x = addTask.localToScene(0, 0).getX();
            robot.interact(() -> {
                vm.pause();
                vm.semanticsProperty().set(dev.eventlanes.model.Semantics.ASYNCIO);
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(play.getWidth()).as("Play and Pause at " + z).isEqualTo(paused).isEqualTo(notYetPlayed);
            assertThat(addTask.localToScene(0, 0).getX()).as("+ Task stays where it was").isEqualTo(x);
            robot.interact(() -> vm.semanticsProperty().set(dev.eventlanes.model.Semantics.ANYIO));
        }
    }

    @Test
    void aFocusedToggleKeepsItsSizeAndShowsARingOfTwoPixelsOrMore(FxRobot robot) {
        robot.interact(vm::runToEnd);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.Region toggle = robot.lookup(".event-toggle").match(Node::isFocusTraversable)
                .match(ClassroomLayoutTest::shown).queryAs(javafx.scene.layout.Region.class);
        double w = toggle.getWidth();
        double h = toggle.getHeight();
        double x = toggle.getLayoutX();
        robot.interact(toggle::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toggle.isFocused()).isTrue();
        assertThat(toggle.getWidth()).isEqualTo(w);
        assertThat(toggle.getHeight()).isEqualTo(h);
        assertThat(toggle.getLayoutX()).isEqualTo(x);
        double ring = 0;
        for (javafx.scene.layout.BackgroundFill f : toggle.getBackground().getFills()) {
            ring = Math.max(ring, -f.getInsets().getTop());
        }
        assertThat(ring).as("a ring drawn outside the toggle, px").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theEndOfRunBannerDoesNotMoveTheLanes(FxRobot robot) {
        LanesView lanes = lanes(robot);
        double y = lanes.localToScene(0, 0).getY();
        double h = lanes.getHeight();
        robot.interact(vm::runToEnd);
        WaitForAsyncUtils.waitForFxEvents();
        Node banner = robot.lookup(".banner").query();
        assertThat(banner.isVisible()).as("the run-finished banner").isTrue();
        assertThat(inWindow(banner)).isTrue();
        assertThat(lanes.localToScene(0, 0).getY()).as("the lanes' top").isEqualTo(y);
        assertThat(lanes.getHeight()).as("the lanes' height").isEqualTo(h);
    }

    @Test
    void inPresentationModeAtEveryZoomThreeLanesAndTheCodeStayInView(FxRobot robot) {
        robot.interact(view::togglePresentation);
        double last = 0;
        for (double z : MainView.ZOOM_STEPS) {
            robot.interact(() -> view.zoomProperty().set(z));
            WaitForAsyncUtils.waitForFxEvents();
            String where = "presentation at " + Math.round(z * 100) + " %";
            checkClassroomView(robot, where);
            double s = lanes(robot).scaleProperty().get();
            assertThat(s).as(where + ": zooming in never draws the lanes smaller").isGreaterThanOrEqualTo(last - 1e-9);
            last = s;
        }
        robot.interact(view::togglePresentation);
    }
}
