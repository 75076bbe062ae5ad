package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.TaskState;
import dev.eventlanes.scene.TraceIndex;
import dev.eventlanes.ui.program.ProgramSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The code panel, the output panel and the toggles' tooltips, in the real window (headless). */
@ExtendWith(ApplicationExtension.class)
class CodeAndOutputPanelsTest {
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

    private void open(FxRobot robot, String preset) {
        robot.interact(() -> view.openSession(PresetCatalog.open(preset)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void playToTheEnd(FxRobot robot) {
        robot.interact(() -> {
            vm.speedProperty().set(8);
            vm.play();
            for (int i = 0; i < 20_000 && vm.playingProperty().get(); i++) {
                vm.tick(1 / 60.0);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ListView<?> code(FxRobot robot) {
        return robot.lookup("#code").queryAs(ListView.class);
    }

    /** The code panel's cells on screen that show a line. */
    private List<ListCell<?>> codeCells(FxRobot robot) {
        List<ListCell<?>> out = new ArrayList<>();
        ListView<?> list = code(robot);
        for (Node n : list.lookupAll(".list-cell")) {
            if (n instanceof ListCell<?> c && c.isVisible() && c.getIndex() >= 0 && c.getIndex() < list.getItems().size()
                    && !c.isEmpty() && c.getParent() != null && c.getParent().isVisible()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The code a cell shows: the cell's own text, beside its graphic (badges and number). */
    private static Node codeText(ListCell<?> c) {
        return c.getChildrenUnmodifiable().stream().filter(javafx.scene.text.Text.class::isInstance).findFirst().orElse(null);
    }

    /** Colours as the style sheet writes them: a tint set in CSS is parsed back from #rrggbb. */
    private static String web(Object paint) {
        return Styles.web((Color) paint);
    }

    private static Bounds onScreen(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    // ------------------------------------------------------------------ output

    @Test
    void theOutputShowsItsNewestLineWholeAtTheEndOfARun(FxRobot robot) {
        for (String preset : new String[] {"py:seed2_polling", "py:starlette_call_next", "py:many_waiters"}) {
            open(robot, preset);
            playToTheEnd(robot);
            assertThat(robot.lookup("#output").queryAs(ListView.class).getItems()).as(preset).isNotEmpty();
            assertNewestOutputWhole(robot, preset);
        }
    }

    @Test
    void theNewestOutputLineStaysWholeWhileTheEndOfRunBannerOpens(FxRobot robot) throws Exception {
        String was = System.getProperty("eventlanes.animations");
        System.setProperty("eventlanes.animations", "on");
        try {
            open(robot, "py:seed2_polling");
            playToTheEnd(robot);
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> view.bannerSlide() == null);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#bannerText").queryAs(Label.class).getText()).startsWith("The run finished");
            assertNewestOutputWhole(robot, "seed 2, the banner open");
        } finally {
            if (was == null) {
                System.clearProperty("eventlanes.animations");
            } else {
                System.setProperty("eventlanes.animations", was);
            }
        }
    }

    private void assertNewestOutputWhole(FxRobot robot, String what) {
        ListView<?> out = robot.lookup("#output").queryAs(ListView.class);
        int last = out.getItems().size() - 1;
        Node viewport = out.lookup(".clipped-container");
        ListCell<?> newest = null;
        for (Node n : out.lookupAll(".list-cell")) {
            if (n instanceof ListCell<?> c && c.getIndex() == last && c.isVisible()) {
                newest = c;
            }
        }
        assertThat(newest).as(what + ": the newest line has a cell on screen").isNotNull();
        assertThat(onScreen(newest).getMaxY()).as(what + ": its bottom is in view")
                .isLessThanOrEqualTo(onScreen(viewport).getMaxY() + 0.5);
    }

    // ------------------------------------------------------------------ code

    @Test
    void theCodePanelNeverShowsAnotherProgramsLines(FxRobot robot) {
        open(robot, "py:deadlock");
        playToTheEnd(robot);
        robot.interact(() -> code(robot).scrollTo(code(robot).getItems().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        for (String next : new String[] {"py:asyncio_set_then_clear", "asyncio_set_clear", "py:seed1_worker_waits"}) {
            open(robot, next);
            List<String> lines = vm.codeLines();
            ListView<?> list = code(robot);
            assertThat(list.getItems()).hasSize(lines.size());
            // Every line, scrolled through with the wheel as the teacher did, and back up by rows.
            robot.interact(() -> list.scrollTo(0));
            javafx.scene.control.skin.VirtualFlow<?> flow = (javafx.scene.control.skin.VirtualFlow<?>) list.lookup(".virtual-flow");
            for (int step = 0; step < 30; step++) {
                robot.interact(() -> flow.scrollPixels(20));
                WaitForAsyncUtils.waitForFxEvents();
                assertShows(robot, next, lines);
            }
            for (int top = lines.size() - 1; top >= 0; top -= 3) {
                int at = top;
                robot.interact(() -> list.scrollTo(at));
                WaitForAsyncUtils.waitForFxEvents();
                assertShows(robot, next, lines);
            }
        }
    }

    private void assertShows(FxRobot robot, String program, List<String> lines) {
        for (ListCell<?> c : codeCells(robot)) {
            Label number = (Label) c.lookup(".code-number");
            assertThat(number.getText().strip() + " " + c.getText()).as(program + ", line " + (c.getIndex() + 1))
                    .isEqualTo((c.getIndex() + 1) + " " + lines.get(c.getIndex()));
        }
    }

    @Test
    void aTasksLineIsTintedInItsColourWithABadgeThatMovesNoCode(FxRobot robot) {
        for (int i = 0; i < 2; i++) {
            robot.clickOn("#step");
        }
        // Seed 1 with its lesson notes is taller than the panel: its two tasks' lines brought into view.
        int first = vm.markers().stream().mapToInt(MainViewModel.Marker::line).min().orElseThrow();
        robot.interact(() -> code(robot).scrollTo(first - 1));
        WaitForAsyncUtils.waitForFxEvents();
        List<ListCell<?>> cells = codeCells(robot);
        Double codeX = null;
        int marked = 0;
        for (ListCell<?> c : cells) {
            if (codeText(c) == null) {
                continue;
            }
            double x = onScreen(codeText(c)).getMinX();
            if (codeX == null) {
                codeX = x;
            }
            // The code starts at the same x on every line, marked or not.
            assertThat(x).as("line " + (c.getIndex() + 1)).isCloseTo(codeX, org.assertj.core.data.Offset.offset(0.5));
            MainView.CodeRow row = (MainView.CodeRow) c.getItem();
            if (!row.markers().isEmpty()) {
                marked++;
                int task = row.markers().get(0).task();
                List<BackgroundFill> fills = c.getBackground().getFills();
                assertThat(web(fills.get(fills.size() - 1).getFill())).as("the tint of task " + task)
                        .isEqualTo(Styles.web(Styles.lineTint(task, false)));
                // Full width: the tint covers the cell from edge to edge.
                assertThat(fills.get(fills.size() - 1).getInsets().getLeft()).isZero();
                assertThat(fills.get(fills.size() - 1).getInsets().getRight()).isZero();
                Label badge = (Label) c.lookup(".code-badge");
                assertThat(badge.getText()).isEqualTo(row.markers().get(0).name());
                assertThat(badge.getFont().getSize()).as("readable badge").isGreaterThanOrEqualTo(13.0);
                assertThat(onScreen(badge).getMaxX()).as("the badge is left of the code").isLessThan(codeX);
            }
        }
        assertThat(marked).as("main's and worker's lines").isEqualTo(2);
    }

    @Test
    void markedLinesReadWellAndBadgesToo() {
        for (int task = 0; task < 16; task++) {
            // Dark code over a tint; white names on a badge.
            assertThat(Styles.contrast(Color.web("#111827"), Styles.lineTint(task, false))).isGreaterThanOrEqualTo(7);
            assertThat(Styles.contrast(Color.web("#111827"), Styles.lineTint(task, true))).isGreaterThanOrEqualTo(4.5);
            assertThat(Styles.contrast(Color.WHITE, Styles.badgeColor(task))).isGreaterThanOrEqualTo(4.5);
        }
    }

    private static final String WAITERS = """
            import anyio

            async def waiter(e):
                await e.wait()

            async def main():
                e = anyio.Event()
                async with anyio.create_task_group() as tg:
                    for i in range(%d):
                        tg.start_soon(waiter, e)
                    await anyio.sleep(1)
                    e.set()

            anyio.run(main)
            """;

    /** Steps until every waiter waits, and gives the code panel's cell for the wait line. */
    private ListCell<?> waitLine(FxRobot robot, int waiters) {
        robot.interact(() -> assertThat(vm.openText("w.py", String.format(Locale.ROOT, WAITERS, waiters), "w")).isTrue());
        robot.interact(() -> view.showOpened());
        for (int i = 0; i < 2 + waiters; i++) {
            robot.interact(vm::step);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.markers().stream().filter(m -> m.line() == 4)).hasSize(waiters);
        return codeCells(robot).stream().filter(c -> c.getIndex() == 3).findFirst().orElseThrow();
    }

    @Test
    void severalTasksAtOneLineEachGetABadgeAndManyAreCounted(FxRobot robot) {
        ListCell<?> three = waitLine(robot, 3);
        List<Node> badges = new ArrayList<>(three.lookupAll(".code-badge"));
        assertThat(badges).hasSize(3);
        assertThat(badges).extracting(b -> ((Label) b).getBackground().getFills().get(0).getFill()).doesNotHaveDuplicates();
        double codeX = onScreen(codeText(three)).getMinX();
        for (Node b : badges) {
            assertThat(onScreen(b).getMaxX()).isLessThan(codeX);
        }
        // Many: as many badges as fit, then the count of the rest.
        ListCell<?> many = waitLine(robot, 12);
        List<Label> shown = many.lookupAll(".code-badge").stream().map(Label.class::cast).toList();
        Label more = shown.get(shown.size() - 1);
        assertThat(more.getStyleClass()).contains(Styles.CODE_BADGE_MORE);
        assertThat(more.getText()).isEqualTo("+" + (12 - (shown.size() - 1)));
        assertThat(onScreen(more).getMaxX()).isLessThan(onScreen(codeText(many)).getMinX());
        // Every line's code still starts at one x.
        assertThat(codeCells(robot).stream().filter(c -> codeText(c) != null)
                .map(c -> Math.round(onScreen(codeText(c)).getMinX())).distinct()).hasSize(1);
    }

    @Test
    void selectingALaneHighlightsItsLineMoreStronglyAndScrollsToIt(FxRobot robot) {
        open(robot, "py:starlette_call_next");
        for (int i = 0; i < 6; i++) {
            robot.interact(vm::step);
        }
        robot.interact(() -> code(robot).scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        // The lane whose line is furthest down the program, out of view at the top.
        MainViewModel.Marker far = vm.markers().stream().max(java.util.Comparator.comparingInt(MainViewModel.Marker::line)).orElseThrow();
        assertThat(codeCells(robot)).noneMatch(c -> c.getIndex() == far.line() - 1);
        robot.interact(() -> vm.selectedTaskProperty().set(far.task()));
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> line = codeCells(robot).stream().filter(c -> c.getIndex() == far.line() - 1).findFirst().orElseThrow();
        assertThat(line.getPseudoClassStates()).extracting(Object::toString).contains("selected-line");
        List<BackgroundFill> fills = line.getBackground().getFills();
        assertThat(web(fills.get(fills.size() - 1).getFill())).isEqualTo(Styles.web(Styles.lineTint(far.task(), true)));
        assertThat(web(fills.get(0).getFill())).as("a bar in the task's colour at the left edge")
                .isEqualTo(Styles.web(Styles.taskColor(far.task())));
    }

    @Test
    void anIdleClickBuiltTaskIsMarkedAtItsPlaceholderAndSaidToBeIdle(FxRobot robot) {
        robot.interact(() -> {
            view.openSession(PresetCatalog.blank(Semantics.ANYIO));
            vm.apply(dev.eventlanes.scenario.ScenarioClicks.addTask("alice"), null);
            vm.runToEnd();
        });
        WaitForAsyncUtils.waitForFxEvents();
        TraceIndex.Lane alice = vm.timeline().lanes().get(0);
        assertThat(alice.stateAt(vm.positionProperty().get())).isEqualTo(TaskState.WAITING);
        ListCell<?> placeholder = codeCells(robot).stream().filter(c -> "    \u2026".equals(c.getText())).findFirst().orElseThrow();
        assertThat(((Label) placeholder.lookup(".code-badge")).getText()).isEqualTo("alice");
        assertThat(placeholder.getAccessibleText()).contains("alice is here, idle, waiting for your next action");
        assertThat(robot.lookup("#sentence").queryAs(Label.class).getText()).isEqualTo("alice is idle, waiting for your next action.");
    }

    // ------------------------------------------------------------------ toggles

    @Test
    void aSetToggleSaysWhatAClickWillReallyDo(FxRobot robot) {
        assertThat(setToggleTip(robot, Semantics.ANYIO))
                .isEqualTo("event is set. anyio events have no clear(), so a click cannot unset it: make a new Event instead");
        assertThat(setToggleTip(robot, Semantics.ASYNCIO)).isEqualTo("event is set: click to call event.clear()");
        assertThat(setToggleTip(robot, Semantics.TRIO)).startsWith("event is set. trio events have no clear()");
        robot.interact(() -> vm.i18n().setLocale(I18n.CHINESE));
        assertThat(toggle(robot).getTooltip().getText()).isEqualTo("event 已设置。trio 的事件没有 clear()，点击无法取消设置：请改用一个新的 Event");
    }

    /** Seed 1 under a library, its event set by a click: the toggle's tooltip then. */
    private String setToggleTip(FxRobot robot, Semantics s) {
        robot.interact(() -> {
            view.openSession(PresetCatalog.seed());
            vm.semanticsProperty().set(s);
        });
        for (int i = 0; i < 10 && robot.lookup("#toggle-event").tryQuery().isEmpty(); i++) {
            robot.clickOn("#step");
        }
        robot.clickOn("#toggle-event");
        assertThat(toggle(robot).isSet()).as(s + ": " + vm.bannerProperty().get()).isTrue();
        return toggle(robot).getTooltip().getText();
    }

    private EventsBar.EventToggle toggle(FxRobot robot) {
        return robot.lookup("#toggle-event").queryAs(EventsBar.EventToggle.class);
    }
}
