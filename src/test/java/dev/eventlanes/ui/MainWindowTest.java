package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.TaskState;
import dev.eventlanes.ui.program.ProgramSources;
import dev.eventlanes.scene.TraceIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, driven by a robot (headless Monocle in the build). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainViewModel vm;
    private MainView view;
    private ScenarioActions actions;
    private final Deque<String> answers = new ArrayDeque<>();
    /** What the name dialogs asked, in order. */
    private final java.util.List<String> prompts = new java.util.ArrayList<>();

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
        view = new MainView(vm, PresetCatalog::all);
        Scene scene = MainView.scene(view.load(), 1280, 800);
        actions = new ScenarioActions(view);
        actions.setAsker(prompt -> {
            prompts.add(prompt);
            return Optional.ofNullable(answers.poll());
        });
        view.setLaneActions(actions);
        stage.setScene(scene);
        view.openSession(PresetCatalog.seed());
        stage.show();
    }

    private int position() {
        return vm.positionProperty().get();
    }

    private TaskState stateOf(String name) {
        for (TraceIndex.Lane l : vm.timeline().lanes()) {
            if (l != null && l.name().equals(name)) {
                return l.stateAt(position());
            }
        }
        return null;
    }

    private EventsBar.EventToggle toggle(FxRobot robot, String name) {
        return robot.lookup("#toggle-" + name).queryAs(EventsBar.EventToggle.class);
    }

    private void stepUntilWorkerWaits(FxRobot robot) {
        for (int i = 0; i < 10 && stateOf("worker") != TaskState.WAITING; i++) {
            robot.clickOn("#step");
        }
        assertThat(stateOf("worker")).isEqualTo(TaskState.WAITING);
    }

    @Test
    void clickingTheToggleWakesTheWaitingLane(FxRobot robot) {
        stepUntilWorkerWaits(robot);
        assertThat(toggle(robot, "event").isSet()).isFalse();
        assertThat(toggle(robot, "event").waiting()).isEqualTo(1);
        assertThat(view.lanes().stateTextOf(1)).isEqualTo("waiting on event");
        assertThat(view.lanes().headerOf(1).lookup(".lane-state").getPseudoClassStates())
                .contains(Styles.of(TaskState.WAITING)).doesNotContain(Styles.of(TaskState.READY));
        robot.clickOn("#toggle-event");
        assertThat(toggle(robot, "event").isSet()).isTrue();
        assertThat(toggle(robot, "event").lookup(".track").getPseudoClassStates()).contains(Styles.SET);
        assertThat(stateOf("worker")).isEqualTo(TaskState.READY);
        assertThat(view.lanes().stateTextOf(1)).isEqualTo("ready");
        assertThat(view.lanes().headerOf(1).lookup(".lane-state").getPseudoClassStates())
                .contains(Styles.of(TaskState.READY)).doesNotContain(Styles.of(TaskState.WAITING));
        assertThat(robot.lookup("#sentence").queryAs(Label.class).getText())
                .isEqualTo("You called event.set() (1 waiting task becomes ready).");
    }

    @Test
    void theLanesDoNotMoveWhenTheProgramMakesItsFirstEvent(FxRobot robot) {
        // Seed 1 opens with no event: main makes it in its first step.
        assertThat(robot.lookup("#events").queryAs(EventsBar.class).toggles()).isEmpty();
        // Meanwhile the row says what will appear in it.
        Label none = robot.lookup("#noEvents").queryAs(Label.class);
        assertThat(none.isVisible()).isTrue();
        assertThat(none.getText()).isEqualTo("None yet: each Event() the program makes appears here as a switch");
        Node lanesNode = robot.lookup("#lanes").query();
        double before = lanesNode.localToScene(0, 0).getY();
        for (int i = 0; i < 3 && robot.lookup("#events").queryAs(EventsBar.class).toggles().isEmpty(); i++) {
            robot.clickOn("#step");
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#events").queryAs(EventsBar.class).toggles()).hasSize(1);
        assertThat(lanesNode.localToScene(0, 0).getY()).as("the lanes' top, before and after the first toggle")
                .isEqualTo(before);
        assertThat(none.isVisible()).isFalse();
    }

    @Test
    void theEventsRowKeepsItsHeightWhenAToggleIsClickedAndKeepsTogglesWholeWhenTheyDoNotFit(FxRobot robot) {
        robot.interact(() -> view.openSession(PresetCatalog.open("multi_waiters")));
        WaitForAsyncUtils.waitForFxEvents();
        Node row = robot.lookup(".events-row").query();
        double before = row.getLayoutBounds().getHeight();
        robot.clickOn("#toggle-event");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toggle(robot, "event").isSet()).isTrue();
        // Nothing below the toggles moves when one is clicked...
        assertThat(row.getLayoutBounds().getHeight()).isEqualTo(before);
        // ...and while they fit, no room is kept for a scroll bar that is not there.
        javafx.scene.control.ScrollPane fits = robot.lookup(".events-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        assertThat(fits.getHeight()).isLessThan(toggle(robot, "event").getHeight() + 12);
        // 50 toggles do not fit in the bar: it scrolls, with its scroll bar below whole toggles.
        robot.interact(() -> view.openSession(dev.eventlanes.ui.bench.BenchPrograms.session(
                dev.eventlanes.ui.bench.BenchPrograms.busy(4, 50))));
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#step");
        }
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane scroll = robot.lookup(".events-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        EventsBar bar = robot.lookup("#events").queryAs(EventsBar.class);
        assertThat(bar.prefWidth(-1)).isGreaterThan(scroll.getWidth());
        javafx.scene.control.ScrollBar hbar = scroll.lookupAll(".scroll-bar").stream()
                .map(javafx.scene.control.ScrollBar.class::cast)
                .filter(b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL).findFirst().orElseThrow();
        assertThat(hbar.isVisible()).isTrue();
        EventsBar.EventToggle first = bar.toggles().get(0);
        assertThat(first.getHeight()).isEqualTo(first.prefHeight(-1));
        assertThat(scroll.getViewportBounds().getHeight()).isGreaterThanOrEqualTo(first.prefHeight(-1));
    }

    @Test
    void anyioRefusesTheClearVisiblyWithItsReason(FxRobot robot) {
        stepUntilWorkerWaits(robot);
        robot.clickOn("#toggle-event");
        robot.clickOn("#toggle-event");
        Label banner = robot.lookup("#bannerText").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getParent().isVisible()).isTrue();
        assertThat(banner.getText()).isEqualTo("anyio events have no clear(): replace the Event with a new one");
        assertThat(toggle(robot, "event").isSet()).isTrue();
        robot.clickOn("#bannerClose");
        assertThat(banner.getParent().isVisible()).isFalse();
    }

    @Test
    void asyncioClearsOnASecondClick(FxRobot robot) {
        robot.interact(() -> robot.lookup("#semantics").queryAs(ChoiceBox.class).setValue(Semantics.ASYNCIO));
        assertThat(vm.simulation().semantics()).isEqualTo(Semantics.ASYNCIO);
        stepUntilWorkerWaits(robot);
        robot.clickOn("#toggle-event");
        robot.clickOn("#toggle-event");
        assertThat(toggle(robot, "event").isSet()).isFalse();
    }

    @Test
    void stepStepBackAndResetMoveThroughTheRun(FxRobot robot) {
        int start = position();
        robot.clickOn("#step").clickOn("#step").clickOn("#step");
        int after = position();
        assertThat(vm.timeline().stepsAt(after)).isEqualTo(3);
        robot.clickOn("#stepBack");
        assertThat(vm.timeline().stepsAt(position())).isEqualTo(2);
        robot.clickOn("#stepLine");
        assertThat(position()).isGreaterThan(vm.timeline().runIndex(1));
        robot.clickOn("#reset");
        assertThat(position()).as("Reset goes back to where the run opened").isEqualTo(start);
        assertThat(start).isGreaterThan(0);
    }

    @Test
    void theScrubberShowsTheExactPositionOnceItStopsPlaying(FxRobot robot) {
        // While playing, the thumb is not moved for less than half a pixel (see MainView): play
        // until it lags behind the position, stop there, and it must catch up.
        robot.interact(() -> view.openSession(dev.eventlanes.ui.bench.BenchPrograms.session(
                dev.eventlanes.ui.bench.BenchPrograms.busy(100, 50))));
        Slider scrubber = robot.lookup("#scrubber").queryAs(Slider.class);
        boolean[] lagged = {false};
        robot.interact(() -> {
            vm.play();
            for (int i = 0; i < 3000 && !lagged[0]; i++) {
                vm.tick(1 / 60.0);
                lagged[0] = scrubber.getValue() != position();
            }
            vm.pause();
        });
        assertThat(lagged[0]).as("the thumb lagged behind while playing").isTrue();
        assertThat(scrubber.getMax()).isEqualTo(vm.totalProperty().get());
        assertThat(scrubber.getValue()).isEqualTo(position());
    }

    @Test
    void theScrubbersThumbIsAtTheLeftEndAtStepZeroAndAtTheRightEndAtTheEnd(FxRobot robot) {
        Slider scrubber = robot.lookup("#scrubber").queryAs(Slider.class);
        assertThat(robot.lookup("#stepCount").queryAs(Label.class).getText()).startsWith("step 0 of");
        assertThat(scrubber.getValue()).as("opened at step 0").isEqualTo(scrubber.getMin());
        assertThat(scrubber.getMin()).as("the program's set-up entries come before step 0").isPositive();
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#step");
        }
        assertThat(scrubber.getValue()).isGreaterThan(scrubber.getMin());
        robot.clickOn("#reset");
        assertThat(position()).as("Reset goes back to where the run opened").isEqualTo(vm.timeline().runIndex(0));
        assertThat(scrubber.getValue()).as("reset").isEqualTo(scrubber.getMin());
        robot.interact(() -> {
            vm.play();
            for (int i = 0; i < 600 && vm.playingProperty().get(); i++) {
                vm.tick(1 / 60.0);
            }
        });
        assertThat(vm.playingProperty().get()).as("seed 1 played to its end").isFalse();
        assertThat(scrubber.getValue()).as("at the end").isEqualTo(scrubber.getMax());
    }

    @Test
    void theBannerOpensDownwardsWhenAnimationsAreOn(FxRobot robot) throws Exception {
        String was = System.getProperty("eventlanes.animations");
        System.setProperty("eventlanes.animations", "on");
        try {
            javafx.scene.layout.HBox banner = robot.lookup(".banner").queryAs(javafx.scene.layout.HBox.class);
            assertThat(banner.isVisible()).isFalse();
            double[] atStart = new double[1];
            robot.interact(() -> {
                vm.play();
                for (int i = 0; i < 600 && vm.playingProperty().get(); i++) {
                    vm.tick(1 / 60.0);
                }
                atStart[0] = banner.getMaxHeight();
            });
            assertThat(banner.isVisible()).as("the run-finished banner").isTrue();
            assertThat(atStart[0]).as("it starts closed").isZero();
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> view.bannerSlide() == null);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(banner.getMaxHeight()).as("open: back to its own height").isEqualTo(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
            assertThat(banner.getClip()).isNull();
            // Its own height, or the status bar's that it lies over if that is taller.
            double statusBar = robot.lookup(".status-bar").queryAs(javafx.scene.layout.Region.class).getHeight();
            assertThat(banner.getHeight()).isCloseTo(Math.max(banner.prefHeight(banner.getWidth()), statusBar),
                    org.assertj.core.data.Offset.offset(1.0));
        } finally {
            if (was == null) {
                System.clearProperty("eventlanes.animations");
            } else {
                System.setProperty("eventlanes.animations", was);
            }
        }
    }

    @Test
    void theScrubberShowsAnyEarlierMoment(FxRobot robot) {
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#step");
        }
        int end = position();
        Slider scrubber = robot.lookup("#scrubber").queryAs(Slider.class);
        assertThat(scrubber.getValue()).isEqualTo(end);
        int earlier = (int) scrubber.getMin() + 1;
        assertThat(earlier).isLessThan(end);
        robot.interact(() -> scrubber.setValue(earlier));
        assertThat(position()).isEqualTo(earlier);
        assertThat(vm.totalProperty().get()).isGreaterThanOrEqualTo(end);
        robot.drag(scrubber.lookup(".thumb")).moveBy(2000, 0).drop();
        assertThat(position()).isEqualTo(vm.totalProperty().get());
    }

    @Test
    void playAndPauseFollowTheButtonAndTheSpeedSlider(FxRobot robot) {
        Button play = robot.lookup("#play").queryAs(Button.class);
        assertThat(play.getText()).contains("Play");
        robot.interact(() -> robot.lookup("#speed").queryAs(Slider.class).setValue(3));
        assertThat(vm.speedProperty().get()).isEqualTo(8.0);
        robot.clickOn("#play");
        assertThat(vm.playingProperty().get()).isTrue();
        assertThat(play.getText()).contains("Pause");
        WaitForAsyncUtils.sleep(600, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.timeline().timeAt(position())).isGreaterThan(0);
        if (vm.playingProperty().get()) {
            robot.clickOn("#play");
        }
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(play.getText()).contains("Play");
    }

    @Test
    void presetsLoadFromTheMenu(FxRobot robot) {
        robot.clickOn("#presets");
        robot.clickOn(PresetCatalog.find("py:move_on_after").title());
        assertThat(vm.session().id()).isEqualTo("preset:py:move_on_after");
        // The program's 28 lines under its 8 lines of lesson notes.
        assertThat(robot.lookup("#code").queryAs(org.fxmisc.richtext.CodeArea.class).getParagraphs()).hasSize(36);
        // The scenario files sit in a submenu (fired directly: headless, a submenu opens on hover).
        javafx.scene.control.MenuButton menu = robot.lookup("#presets").queryAs(javafx.scene.control.MenuButton.class);
        javafx.scene.control.Menu scenarios = (javafx.scene.control.Menu) menu.getItems().stream()
                .filter(i -> "preset-scenarios".equals(i.getId())).findFirst().orElseThrow();
        assertThat(scenarios.getText()).isEqualTo("Scenario files (the same lessons as data)");
        javafx.scene.control.MenuItem deadlock = scenarios.getItems().stream()
                .filter(i -> "preset-deadlock".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(deadlock::fire);
        assertThat(vm.session().id()).isEqualTo("preset:deadlock");
        assertThat(robot.lookup("#toggle-alice_done").tryQuery()).isPresent();
        assertThat(robot.lookup("#code").queryAs(org.fxmisc.richtext.CodeArea.class).getParagraphs()).isNotEmpty();
    }

    @Test
    void laneActionsAppendOpsThatRun(FxRobot robot) {
        answers.add("go");
        robot.clickOn("#addEvent");
        assertThat(vm.session().editable()).isTrue();
        answers.add("alice");
        robot.clickOn("#addTask");
        assertThat(robot.lookup("#toggle-go").tryQuery()).isPresent();
        robot.clickOn("#actions-alice");
        robot.clickOn("wait on");
        robot.clickOn("#wait-alice-go");
        robot.clickOn("#step").clickOn("#step").clickOn("#step");
        assertThat(stateOf("alice")).isEqualTo(TaskState.WAITING);
        // The header has room for the menu's button and the state beside it, neither cut short.
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.MenuButton actions = robot.lookup("#actions-alice").queryAs(javafx.scene.control.MenuButton.class);
        assertThat(((javafx.scene.text.Text) actions.lookup(".text")).getText()).isEqualTo("Actions");
        Node header = view.lanes().headerOf(0);
        assertThat(header.lookupAll(".lane-state .text")).extracting(n -> ((javafx.scene.text.Text) n).getText())
                .containsExactly("waiting on go");
        robot.clickOn("#toggle-go");
        assertThat(stateOf("alice")).isEqualTo(TaskState.READY);
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.simulation().clicks()).hasSize(4);
    }

    @Test
    void theLaneMenuSaysBeforeTheClickThatAnyioEventsHaveNoClear(FxRobot robot) {
        answers.add("go");
        robot.clickOn("#addEvent");
        answers.add("alice");
        robot.clickOn("#addTask");
        robot.interact(() -> vm.semanticsProperty().set(Semantics.ANYIO));
        robot.clickOn("#actions-alice");
        javafx.scene.control.MenuButton mb = robot.lookup("#actions-alice").queryAs(javafx.scene.control.MenuButton.class);
        assertThat(mb.getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .contains("clear (none in anyio: the task fails)").doesNotContain("clear");
        robot.clickOn("clear (none in anyio: the task fails)");
        robot.clickOn("#clear-alice-go");
        robot.clickOn("#step").clickOn("#step").clickOn("#step");
        assertThat(stateOf("alice")).as("the task fails, as under real anyio").isEqualTo(TaskState.FAILED);
        robot.interact(() -> vm.semanticsProperty().set(Semantics.ASYNCIO));
        robot.clickOn("#actions-alice");
        assertThat(robot.lookup("#actions-alice").queryAs(javafx.scene.control.MenuButton.class).getItems())
                .extracting(javafx.scene.control.MenuItem::getText).contains("clear");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void laneMenusShowPythonNamesWithTheirUnderscores(FxRobot robot) {
        answers.add("response_sent");
        robot.clickOn("#addEvent");
        answers.add("call_next");
        robot.clickOn("#addTask");
        robot.clickOn("#actions-call_next");
        javafx.scene.control.MenuButton mb = robot.lookup("#actions-call_next").queryAs(javafx.scene.control.MenuButton.class);
        java.util.List<javafx.scene.control.MenuItem> all = new java.util.ArrayList<>();
        for (javafx.scene.control.MenuItem it : mb.getItems()) {
            all.add(it);
            if (it instanceof javafx.scene.control.Menu m) {
                all.addAll(m.getItems());
            }
        }
        assertThat(all).extracting(javafx.scene.control.MenuItem::getText).contains("poll is_set", "response_sent");
        // A parsed underscore would be dropped from the text shown and taken as a shortcut key.
        assertThat(all).allSatisfy(it -> assertThat(it.isMnemonicParsing()).as(it.getText()).isFalse());
        robot.clickOn("poll is_set");
        robot.clickOn("#poll-call_next-response_sent");
        assertThat(vm.codeLines()).anyMatch(l -> l.contains("response_sent.is_set()"));
        // The lane's menu button follows a language switch at once, not only when it next opens.
        robot.interact(() -> vm.i18n().setLocale(I18n.CHINESE));
        assertThat(mb.getText()).isEqualTo(vm.i18n().get("lane.actions")).isNotEqualTo("Actions");
        assertThat(mb.getAccessibleText()).isEqualTo(vm.i18n().get("lane.actions.tip", "call_next"));
        robot.interact(() -> vm.i18n().setLocale(java.util.Locale.ENGLISH));
        assertThat(mb.getText()).isEqualTo("Actions");
    }

    @Test
    void aLaneMenuOpenedAgainStillShowsPythonsUnderscores(FxRobot robot) {
        answers.add("response_sent");
        robot.clickOn("#addEvent");
        answers.add("call_next");
        robot.clickOn("#addTask");
        for (int i = 0; i < 2; i++) {
            robot.clickOn("#actions-call_next");
            WaitForAsyncUtils.waitForFxEvents();
            // The words as drawn, not only the items' texts: refilled as it opened again, the
            // menu showed "poll isset".
            assertThat(robot.lookup(".context-menu .text").queryAll()).as("opening " + (i + 1))
                    .extracting(n -> ((javafx.scene.text.Text) n).getText()).contains("poll is_set");
            robot.type(KeyCode.ESCAPE);
        }
    }

    @Test
    void savingAndReopeningReplaysTheClicksExactly(FxRobot robot) throws Exception {
        answers.add("go");
        robot.clickOn("#addEvent");
        answers.add("alice");
        robot.clickOn("#addTask");
        robot.interact(() -> actions.append(vm, "alice", new dev.eventlanes.scenario.Op.Wait("go")));
        robot.clickOn("#step").clickOn("#step");
        robot.clickOn("#toggle-go");
        robot.clickOn("#step").clickOn("#step");
        robot.interact(() -> vm.runToEnd());
        java.util.List<String> before = traceOf();
        Path file = tmp.resolve("session.json");
        robot.interact(() -> assertThat(actions.saveTo(vm, file)).isTrue());
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.session().id()).isEqualTo("file:" + file.toAbsolutePath());
        String json = Files.readString(file);
        assertThat(json).contains("\"clicks\"").contains("append_op");
        robot.interact(() -> assertThat(view.openFile(file)).isTrue());
        assertThat(vm.simulation().clicks()).hasSize(4);
        robot.interact(() -> vm.runToEnd());
        assertThat(traceOf()).isEqualTo(before);
        assertThat(before).anyMatch(e -> e.startsWith("SET"));
    }

    /** The whole trace as comparable text: kind, time, task, event, value, text of every entry. */
    private java.util.List<String> traceOf() {
        return vm.simulation().trace().entries().stream()
                .map(e -> e.kind() + " " + e.time() + " " + e.task() + " " + e.event() + " " + e.value() + " " + e.text())
                .toList();
    }

    @Test
    void aBadFileShowsItsProblemsAndKeepsTheOldScenario(FxRobot robot) throws Exception {
        robot.clickOn("#step");
        var before = vm.session();
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"version\": 1, \"title\": \"t\", \"semantics\": \"anyio\", \"seed\": 1, \"events\": [],"
                + " \"tasks\": [{\"name\": \"main\", \"ops\": [{\"op\": \"sett\"}]}]}");
        robot.interact(() -> assertThat(view.openFile(bad)).isFalse());
        assertThat(vm.session()).isSameAs(before);
        ListView<?> problems = robot.lookup("#problems").queryAs(ListView.class);
        assertThat(problems.getItems()).isNotEmpty();
        assertThat(problems.isVisible()).isTrue();
        assertThat(robot.lookup("#bannerText").queryAs(Label.class).getText()).contains("bad.json");
        robot.clickOn("#step");
        assertThat(vm.timeline().stepsAt(position())).isEqualTo(2);
    }

    @Test
    void keyboardShortcutsDriveThePlayback(FxRobot robot) {
        robot.clickOn("#lanes");
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        assertThat(vm.timeline().stepsAt(position())).isEqualTo(2);
        robot.type(KeyCode.LEFT);
        assertThat(vm.timeline().stepsAt(position())).isEqualTo(1);
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertThat(vm.timeline().stepsAt(position())).isGreaterThanOrEqualTo(2);
        robot.type(KeyCode.SPACE);
        assertThat(vm.playingProperty().get()).isTrue();
        robot.type(KeyCode.SPACE);
        assertThat(vm.playingProperty().get()).isFalse();
        robot.type(KeyCode.HOME);
        assertThat(vm.timeline().stepsAt(position())).isZero();
        assertThat(position()).isEqualTo(vm.timeline().runIndex(0));
        double zoom = view.zoomProperty().get();
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        assertThat(view.zoomProperty().get()).isGreaterThan(zoom);
        assertThat(view.root().getStyle()).contains("-fx-font-size: 19.8px");
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        assertThat(view.zoomProperty().get()).isEqualTo(zoom);
    }

    @Test
    void switchingLanguageRelabelsTheWindowAtOnce(FxRobot robot) {
        robot.clickOn("#step");
        @SuppressWarnings("unchecked")
        ComboBox<Locale> lang = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> lang.setValue(I18n.CHINESE));
        assertThat(robot.lookup("#play").queryAs(Button.class).getText()).isEqualTo("播放");
        assertThat(robot.lookup("#step").queryAs(Button.class).getText()).startsWith("单步");
        assertThat(robot.lookup("#time").queryAs(Label.class).getText()).endsWith("秒");
        assertThat(view.lanes().stateTextOf(0)).isIn("运行中", "就绪", "休眠中", "等待中");
        // Chinese in a family with a bold face, where this machine has one (Styles.uiFamily).
        String family = Styles.uiFamily(I18n.CHINESE);
        if (family != null) {
            assertThat(view.root().getStyle()).contains("-fx-font-family: \"" + family + "\"");
        } else {
            assertThat(view.root().getStyle()).doesNotContain("-fx-font-family");
        }
        // The key under the lanes too: every one of its words follows the switch.
        javafx.scene.layout.Pane legend = robot.lookup(".legend").queryAs(javafx.scene.layout.Pane.class);
        assertThat(legend.getChildren().stream().filter(Label.class::isInstance).map(n -> ((Label) n).getText()))
                .contains("图例", "就绪", "运行中", "休眠中");
        // The window's title names the preset in the language shown, and so do the presets menu's
        // entries, the scenario files' too (their own titles are English).
        javafx.stage.Stage st = (javafx.stage.Stage) view.root().getScene().getWindow();
        assertThat(st.getTitle()).isEqualTo("事件泳道 \u2014 种子 1：worker 等待，main 在 2 秒后 set");
        javafx.scene.control.MenuButton presets = robot.lookup("#presets").queryAs(javafx.scene.control.MenuButton.class);
        robot.interact(() -> {
            presets.show();
            presets.hide();
        });
        javafx.scene.control.Menu scenarios = (javafx.scene.control.Menu) presets.getItems().stream()
                .filter(i -> "preset-scenarios".equals(i.getId())).findFirst().orElseThrow();
        assertThat(scenarios.getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .contains("死锁：两个任务各自等待对方的事件").noneMatch(t -> t.startsWith("deadlock"));
        robot.interact(() -> lang.setValue(I18n.ENGLISH));
        assertThat(robot.lookup("#play").queryAs(Button.class).getText()).isEqualTo("Play");
        assertThat(st.getTitle()).isEqualTo("Event Lanes \u2014 Seed 1: the worker waits, main sets after 2 s");
        assertThat(scenarios.getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .contains("Deadlock: two tasks, each waiting for the other's event");
    }

    @Test
    void plusTaskOnAProgramSaysItReplacesItAndCancelKeepsIt(FxRobot robot) {
        var seed = vm.session();
        robot.clickOn("#addTask");
        // No name given (Cancel): the program is still there, untouched.
        assertThat(vm.session()).isSameAs(seed);
        assertThat(prompts).hasSize(1);
        assertThat(prompts.get(0)).startsWith("Name of the new task\n")
                .contains("new click-built scenario under " + vm.semanticsProperty().get().library());
        answers.add("alice");
        robot.clickOn("#addTask");
        assertThat(vm.session().editable()).isTrue();
        assertThat(vm.timeline().lanes()).anyMatch(l -> l != null && l.name().equals("alice"));
        // Within a click-built scenario the dialog only asks for the name.
        answers.add("go");
        robot.clickOn("#addEvent");
        assertThat(prompts.get(2)).isEqualTo("Name of the new event");
        assertThat(robot.lookup("#toggle-go").tryQuery()).isPresent();
    }

    @Test
    void pasteOpensOnTheLastPastedCodeSoAPlusTaskCannotLoseIt(FxRobot robot) {
        String program = "import anyio\n\nasync def main():\n    print('pasted')\n\nanyio.run(main)\n";
        robot.clickOn("#paste");
        org.fxmisc.richtext.CodeArea area = robot.lookup("#pasteArea").queryAs(org.fxmisc.richtext.CodeArea.class);
        assertThat(area.getText()).isEmpty();
        robot.interact(() -> area.replaceText(program));
        robot.clickOn("#pasteRun");
        assertThat(vm.session().id()).startsWith("pasted:");
        answers.add("alice");
        robot.clickOn("#addTask");
        assertThat(vm.session().editable()).isTrue();
        robot.clickOn("#paste");
        org.fxmisc.richtext.CodeArea again = robot.lookup("#pasteArea").queryAs(org.fxmisc.richtext.CodeArea.class);
        assertThat(again.getText()).isEqualTo(program);
        // Selected whole, so that pasting replaces it at once.
        assertThat(again.getSelectedText()).isEqualTo(program);
        // Dressed like the window: its font, not JavaFX's small default, from the back row.
        javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) again.getScene().getRoot();
        assertThat(pane.getStyleClass()).contains("event-lanes");
        assertThat(((Label) pane.lookup(".header-panel .label")).getFont().getSize()).isGreaterThanOrEqualTo(18.0);
        robot.clickOn("#pasteRun");
        assertThat(vm.session().id()).startsWith("pasted:");
        assertThat(vm.session().editable()).isFalse();
    }

    @Test
    void theNameDialogIsWordedInTheLanguageShownButtonsIncluded(FxRobot robot) {
        robot.interact(() -> vm.i18n().setLocale(Locale.SIMPLIFIED_CHINESE));
        java.util.List<String> texts = new java.util.ArrayList<>();
        robot.interact(() -> {
            javafx.scene.control.DialogPane pane = actions.nameDialog(vm.i18n().get("dialog.name.task")).getDialogPane();
            for (javafx.scene.control.ButtonType b : pane.getButtonTypes()) {
                texts.add(((Button) pane.lookupButton(b)).getText());
            }
            texts.add(pane.getHeaderText());
        });
        assertThat(texts).containsExactly("确定", "取消", "新任务的名称");
    }

    @Test
    void pastedCodeThatFailsStaysInTheEditorWithItsProblems(FxRobot robot) {
        var before = vm.session();
        robot.interact(() -> view.showPasteDialog("{\"version\": 1, \"title\": \"t\", \"semantics\": \"anyio\","
                + " \"seed\": 1, \"events\": [], \"tasks\": [{\"name\": \"main\", \"ops\": [{\"op\": \"sett\"}]}]}"));
        robot.clickOn("#pasteRun");
        org.fxmisc.richtext.CodeArea area = robot.lookup("#pasteArea").queryAs(org.fxmisc.richtext.CodeArea.class);
        assertThat(area.getScene().getWindow().isShowing()).isTrue();
        assertThat(area.getText()).contains("sett");
        assertThat(robot.lookup("#pasteProblems").queryAs(ListView.class).getItems()).isNotEmpty();
        assertThat(vm.session()).isSameAs(before);
        // Fixed in place, it runs.
        robot.interact(() -> area.replaceText(area.getText().replace("{\"op\": \"sett\"}",
                "{\"op\": \"print\", \"text\": \"fixed\"}")));
        robot.clickOn("#pasteRun");
        assertThat(vm.session()).isNotSameAs(before);
        assertThat(vm.session().id()).startsWith("pasted:");
    }

    @Test
    void thePresetsMenuListsEveryPresetOnceOpened(FxRobot robot) {
        // Built on first open: until then it holds only the blank scenario.
        javafx.scene.control.MenuButton menu = robot.lookup("#presets").queryAs(javafx.scene.control.MenuButton.class);
        robot.clickOn("#presets");
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (javafx.scene.control.MenuItem i : menu.getItems()) {
            ids.add(i.getId());
            if (i instanceof javafx.scene.control.Menu m) {
                m.getItems().forEach(sub -> ids.add(sub.getId()));
            }
        }
        robot.type(KeyCode.ESCAPE);
        assertThat(ids).contains("preset-blank");
        for (Preset p : PresetCatalog.all()) {
            assertThat(ids).as(p.name()).contains("preset-" + p.name().replace(' ', '-').replace(':', '-'));
        }
        // A second opening adds nothing twice.
        int count = menu.getItems().size();
        robot.clickOn("#presets");
        robot.type(KeyCode.ESCAPE);
        assertThat(menu.getItems()).hasSize(count);
    }

    @Test
    void aTooltipIsMadeOnFirstHoverInTheLanguageShownThen(FxRobot robot) {
        Button play = robot.lookup("#play").queryAs(Button.class);
        Button step = robot.lookup("#step").queryAs(Button.class);
        assertThat(play.getTooltip()).isNull();
        assertThat(play.getAccessibleText()).isEqualTo("Play. Play or pause (Space)");
        // Switched before any hover: the tooltip, made later, is in Chinese.
        @SuppressWarnings("unchecked")
        ComboBox<Locale> lang = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> lang.setValue(I18n.CHINESE));
        robot.moveTo(play);
        assertThat(play.getTooltip()).isNotNull();
        assertThat(play.getTooltip().getText()).isEqualTo("播放或暂停 (空格)");
        // Switched after: the tooltip that exists follows.
        robot.interact(() -> lang.setValue(I18n.ENGLISH));
        assertThat(play.getTooltip().getText()).isEqualTo("Play or pause (Space)");
        robot.moveTo(step);
        assertThat(step.getTooltip().getText()).isEqualTo(new I18n(Locale.ENGLISH).get("action.step.tip"));
    }

    @Test
    void theProblemsListIsBuiltWhenItsTabFirstShowsEvenAfterALanguageSwitch(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#problems").tryQuery()).isEmpty();
        @SuppressWarnings("unchecked")
        ComboBox<Locale> lang = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> lang.setValue(I18n.CHINESE));
        Path bad = tmp.resolve("bad.py");
        Files.writeString(bad, "async def main(:\n    pass\n");
        robot.interact(() -> assertThat(view.openFile(bad)).isFalse());
        ListView<?> problems = robot.lookup("#problems").queryAs(ListView.class);
        assertThat(problems.isVisible()).isTrue();
        assertThat(problems.getItems()).isNotEmpty();
        javafx.scene.control.TabPane tabs = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).startsWith("问题");
        // Back on the output tab and again: the list stays built, once.
        robot.interact(() -> tabs.getSelectionModel().select(0));
        robot.interact(() -> tabs.getSelectionModel().select(1));
        assertThat(robot.lookup("#problems").queryAll()).hasSize(1);
    }

    @Test
    void everyControlHasAccessibleText(FxRobot robot) {
        // Seed 1 is a Python program: its event exists once main has run its first step.
        robot.clickOn("#step");
        for (String id : new String[] {"#presets", "#open", "#paste", "#save", "#semantics", "#reset", "#stepBack",
            "#play", "#step", "#stepLine", "#speed", "#addTask", "#addEvent", "#language", "#theme", "#scrubber",
            "#toggle-event"}) {
            Node n = robot.lookup(id).query();
            assertThat(n.getAccessibleText()).as(id).isNotBlank();
        }
    }
}
