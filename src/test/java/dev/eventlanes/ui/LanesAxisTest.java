package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eventlanes.scene.Scene;
import dev.eventlanes.scene.TraceIndex;
import dev.eventlanes.ui.lanes.LanesView;
import dev.eventlanes.ui.program.ProgramSources;
import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The time axis as a user drives it: it opens fitted to the run, W / S and Ctrl+wheel zoom at the
 * pointer, A / D and Shift+wheel pan (never left of t = 0), F fits the whole run again, and
 * another program opens fitted; hovering says what a piece of the lanes is, in one sentence.
 */
@ExtendWith(ApplicationExtension.class)
class LanesAxisTest {
    private MainViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
        view = new MainView(vm, PresetCatalog::all);
        stage.setScene(MainView.scene(view.load(), 1280, 800));
        view.openSession(PresetCatalog.seed());
        stage.show();
    }

    private LanesView lanes() {
        return view.lanes();
    }

    private Scene scene() {
        return lanes().scene();
    }

    /** The picture x where time t is drawn now (its tick). */
    private double tickX(double t) {
        for (Scene.Tick tk : scene().ticks()) {
            if (Math.abs(tk.t() - t) < 1e-9) {
                return tk.x();
            }
        }
        return Double.NaN;
    }

    @Test
    void theRunOpensFittedToTheViewAndFFitsItAgainAfterZooming(FxRobot robot) {
        robot.interact(() -> vm.runToEnd());
        double fitted = lanes().pixelsPerSecond();
        // Seed 1 runs 2 s: fitted, its end is in view and fills most of it.
        assertThat(scene().axis().playheadX()).isBetween(scene().axis().width() * 0.6, scene().axis().width());
        robot.moveTo(lanes()).type(KeyCode.W);
        assertThat(lanes().pixelsPerSecond()).isCloseTo(fitted * 1.25, within(1e-6));
        robot.type(KeyCode.W, KeyCode.W);
        assertThat(lanes().pixelsPerSecond()).isGreaterThan(fitted * 1.9);
        robot.type(KeyCode.F);
        assertThat(lanes().pixelsPerSecond()).isCloseTo(fitted, within(1e-6));
        assertThat(lanes().viewStartPixels()).isZero();
        robot.type(KeyCode.S);
        assertThat(lanes().pixelsPerSecond()).isCloseTo(fitted / 1.25, within(1e-6));
    }

    @Test
    void zoomingKeepsTheTimeUnderThePointerInPlace(FxRobot robot) {
        robot.interact(() -> vm.runToEnd());
        double x1 = tickX(1.0);
        assertThat(x1).isPositive();
        // Zoom with Ctrl+wheel with the pointer on the 1.0 s tick: it stays under the pointer.
        double px = x1 + lanes().drawingLeft();
        robot.interact(() -> lanes().fireEvent(new ScrollEvent(ScrollEvent.SCROLL, px, 100, px, 100, false, true, false,
                false, false, false, 0, 40, 0, 0, null, 0, null, 0, 0, null)));
        assertThat(lanes().pixelsPerSecond()).isGreaterThan(0);
        double after = Double.NaN;
        for (Scene.Tick tk : scene().ticks()) {
            if (Math.abs(tk.t() - 1.0) < 1e-9) {
                after = tk.x();
            }
        }
        assertThat(after).as("the 1.0 s tick after zooming in at it").isCloseTo(x1, within(2.0));
        assertThat(lanes().viewStartPixels()).isPositive();
    }

    @Test
    void panningMovesTheViewButNeverLeftOfTimeZero(FxRobot robot) {
        robot.interact(() -> vm.runToEnd());
        robot.moveTo(lanes()).type(KeyCode.W, KeyCode.W, KeyCode.W, KeyCode.W);
        double start = lanes().viewStartPixels();
        robot.type(KeyCode.D);
        assertThat(lanes().viewStartPixels()).isGreaterThan(start);
        for (int i = 0; i < 30; i++) {
            robot.type(KeyCode.A);
        }
        assertThat(lanes().viewStartPixels()).isZero();
        assertThat(scene().axis().timeFrom()).isZero();
        // Shift+wheel pans too.
        robot.interact(() -> lanes().fireEvent(new ScrollEvent(ScrollEvent.SCROLL, 300, 100, 300, 100, true, false,
                false, false, false, false, 0, -120, 0, 0, null, 0, null, 0, 0, null)));
        assertThat(lanes().viewStartPixels()).isPositive();
    }

    @Test
    void anotherProgramOpensFittedAgain(FxRobot robot) {
        robot.moveTo(lanes()).type(KeyCode.W, KeyCode.W, KeyCode.W);
        double zoomed = lanes().pixelsPerSecond();
        robot.interact(() -> view.openSession(PresetCatalog.open("py:waiting_vs_polling")));
        robot.interact(() -> vm.runToEnd());
        assertThat(lanes().pixelsPerSecond()).isNotCloseTo(zoomed, within(1.0));
        assertThat(lanes().viewStartPixels()).isZero();
        // The run (1.2 s) is shown whole.
        assertThat(scene().axis().playheadX()).isLessThanOrEqualTo(scene().axis().width());
    }

    @Test
    void hoveringAWaitSaysWhoWokeItAndWhen(FxRobot robot) {
        robot.interact(() -> vm.runToEnd());
        TraceIndex idx = vm.timeline();
        Scene.Segment wait = null;
        for (Scene.Segment s : scene().segments()) {
            if (idx.lanes().get(s.task()).name().equals("worker") && s.state() == dev.eventlanes.model.TaskState.WAITING) {
                wait = s;
            }
        }
        assertThat(wait).isNotNull();
        Scene.LaneRow row = scene().lanes().stream().filter(r -> r.task() == 1).findFirst().orElseThrow();
        String tip = lanes().tipAt((wait.x0() + wait.x1()) / 2, row.barCenter());
        assertThat(tip).isEqualTo("worker: waiting on event.wait(), from 0.0 to 2.0 s (2.0 s); woken by main's"
                + " event.set() (line 22)");
        Scene.Mark set = scene().marks().stream().filter(m -> m.kind() == TraceIndex.MarkKind.SET).findFirst().orElseThrow();
        assertThat(lanes().tipAt(set.x(), set.y())).isEqualTo("main called event.set() at t = 2.0 s (line 22): it woke"
                + " 1 waiting task");
        Scene.Arrow arrow = scene().arrows().get(0);
        assertThat(lanes().tipAt(arrow.x1(), (arrow.y1() + arrow.y2()) / 2))
                .isEqualTo("main's event.set() at t = 2.0 s (line 22) woke worker");
        Scene.Latency lat = scene().latencies().get(0);
        assertThat(lanes().tipAt((lat.x0() + lat.x1()) / 2, lat.y()))
                .isEqualTo("worker woke as soon as main set event at t = 2.0 s: no time lost");
        Scene.Band band = scene().bands().get(0);
        assertThat(lanes().tipAt((band.x0() + band.x1()) / 2, scene().axis().rulerHeight() * 0.75))
                .startsWith("t = 0.0 s: 2 steps run at this instant.");
        // And in Chinese.
        robot.interact(() -> vm.i18n().setLocale(I18n.CHINESE));
        assertThat(lanes().tipAt(set.x(), set.y())).isEqualTo("main 在 t = 2.0 秒（第 22 行）调用了 event.set()：唤醒了 1 个等待的任务");
    }

    @Test
    void everythingHoveredOnTheStarletteLanesSaysSomethingInBothLanguages(FxRobot robot) {
        robot.interact(() -> view.openSession(PresetCatalog.open("py:starlette_call_next")));
        robot.interact(() -> vm.runToEnd());
        for (java.util.Locale l : new java.util.Locale[] {java.util.Locale.ENGLISH, I18n.CHINESE}) {
            robot.interact(() -> vm.i18n().setLocale(l));
            java.util.List<String> said = new java.util.ArrayList<>();
            for (Scene.Segment s : scene().segments()) {
                Scene.LaneRow row = scene().lanes().stream().filter(r -> r.task() == s.task()).findFirst().orElseThrow();
                said.add(lanes().tipAt((Math.max(0, s.x0()) + s.x1()) / 2, row.barTop() + 2));
            }
            for (Scene.Mark m : scene().marks()) {
                said.add(lanes().tipAt(m.x(), m.y()));
            }
            for (Scene.Latency lt : scene().latencies()) {
                said.add(lanes().tipAt((lt.x0() + lt.x1()) / 2, lt.y()));
            }
            assertThat(said).isNotEmpty().allSatisfy(t -> assertThat(t).isNotBlank().doesNotContain("!").doesNotContain("{"));
            assertThat(said).anySatisfy(t -> assertThat(t).contains(l == I18n.CHINESE ? "取消" : "cancel"));
        }
    }

    @Test
    void clickingASegmentSelectsItsLaneAndShowsTheLineWhereItHappened(FxRobot robot) {
        robot.interact(() -> vm.runToEnd());
        Scene.Segment wait = scene().segments().stream()
                .filter(s -> s.task() == 1 && s.state() == dev.eventlanes.model.TaskState.WAITING).findFirst().orElseThrow();
        Scene.LaneRow row = scene().lanes().stream().filter(r -> r.task() == 1).findFirst().orElseThrow();
        javafx.geometry.Point2D at = lanes().localToScreen(lanes().drawingLeft() + (wait.x0() + wait.x1()) / 2, row.barCenter());
        robot.clickOn(at);
        assertThat(vm.selectedTaskProperty().get()).isEqualTo(1);
        // Seed 1 (below its 7 lines of lesson notes): the worker waits at line 12, await event.wait().
        assertThat(vm.selectedRowProperty().get()).isEqualTo(12);
        // Clicking main's set() mark shows line 22.
        Scene.Mark set = scene().marks().stream().filter(m -> m.kind() == TraceIndex.MarkKind.SET).findFirst().orElseThrow();
        robot.clickOn(lanes().localToScreen(lanes().drawingLeft() + set.x(), set.y()));
        assertThat(vm.selectedTaskProperty().get()).isZero();
        assertThat(vm.selectedRowProperty().get()).isEqualTo(22);
        // Selecting a lane by its header shows its own line again.
        robot.clickOn(lanes().headerOf(1));
        assertThat(vm.selectedRowProperty().get()).isZero();
    }
}
