package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.TaskState;
import dev.eventlanes.scene.TraceIndex;
import dev.eventlanes.ui.code.CodeEditor;
import dev.eventlanes.ui.code.CodePanel;
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
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.fxmisc.richtext.CodeArea;
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

    private CodeArea code(FxRobot robot) {
        return robot.lookup("#code").queryAs(CodeArea.class);
    }

    private CodePanel panel() {
        return view.codeView();
    }

    /** The gutters of the lines on show, each beside its line's text (the area shows only these). */
    private List<CodeEditor.Gutter> gutters(FxRobot robot) {
        List<CodeEditor.Gutter> out = new ArrayList<>();
        for (Node n : code(robot).lookupAll(".line-gutter")) {
            if (n instanceof CodeEditor.Gutter g && g.getParent() != null && g.isVisible() && g.getScene() != null) {
                out.add(g);
            }
        }
        return out;
    }

    /** The text beside a gutter, as drawn. */
    private static TextFlow codeText(CodeEditor.Gutter g) {
        return (TextFlow) g.getParent().getChildrenUnmodifiable().stream().filter(TextFlow.class::isInstance).findFirst().orElse(null);
    }

    private static String drawn(TextFlow t) {
        StringBuilder b = new StringBuilder();
        for (Node n : t.getChildren()) {
            if (n instanceof Text x) {
                b.append(x.getText());
            }
        }
        return b.toString();
    }

    private List<MainViewModel.Marker> markersAt(int line) {
        return vm.markers().stream().filter(m -> m.line() == line).toList();
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
        robot.interact(() -> code(robot).showParagraphAtBottom(code(robot).getParagraphs().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        for (String next : new String[] {"py:asyncio_set_then_clear", "asyncio_set_clear", "py:seed1_worker_waits"}) {
            open(robot, next);
            List<String> lines = vm.codeLines();
            CodeArea area = code(robot);
            assertThat(area.getParagraphs()).hasSize(lines.size());
            assertThat(area.getText()).isEqualTo(String.join("\n", lines));
            // Every line, scrolled through with the wheel as the teacher did, and back up by lines.
            robot.interact(() -> area.showParagraphAtTop(0));
            for (int step = 0; step < 30; step++) {
                robot.interact(() -> area.scrollYBy(20));
                WaitForAsyncUtils.waitForFxEvents();
                assertShows(robot, next, lines);
            }
            for (int top = lines.size() - 1; top >= 0; top -= 3) {
                int at = top;
                robot.interact(() -> area.showParagraphAtTop(at));
                WaitForAsyncUtils.waitForFxEvents();
                assertShows(robot, next, lines);
            }
        }
    }

    /** Every gutter on show has its own line's number, beside its own line's text. */
    private void assertShows(FxRobot robot, String program, List<String> lines) {
        List<CodeEditor.Gutter> shown = gutters(robot);
        assertThat(shown).as(program + ": lines on show").isNotEmpty();
        for (CodeEditor.Gutter g : shown) {
            assertThat(g.line()).as(program).isBetween(1, lines.size());
            assertThat(g.number().getText().strip() + " " + drawn(codeText(g))).as(program + ", line " + g.line())
                    .isEqualTo(g.line() + " " + lines.get(g.line() - 1));
        }
    }

    @Test
    void aTasksLineIsTintedInItsColourWithABadgeThatMovesNoCode(FxRobot robot) {
        for (int i = 0; i < 2; i++) {
            robot.clickOn("#step");
        }
        List<MainViewModel.Marker> markers = vm.markers();
        assertThat(markers).as("main's and worker's lines").hasSize(2);
        Double codeX = null;
        int marked = 0;
        // Each marked line in view in turn: seed 1 with its lesson notes, its lines wrapped, is
        // taller than the panel.
        for (MainViewModel.Marker m : markers) {
            robot.interact(() -> panel().revealLine(m.line()));
            WaitForAsyncUtils.waitForFxEvents();
            for (CodeEditor.Gutter g : gutters(robot)) {
                double x = onScreen(codeText(g)).getMinX();
                if (codeX == null) {
                    codeX = x;
                }
                // The code starts at the same x on every line, marked or not.
                assertThat(x).as("line " + g.line()).isCloseTo(codeX, org.assertj.core.data.Offset.offset(0.5));
                if (g.line() != m.line()) {
                    continue;
                }
                marked++;
                int task = m.task();
                List<BackgroundFill> fills = codeText(g).getBackground().getFills();
                assertThat(web(fills.get(fills.size() - 1).getFill())).as("the tint of task " + task)
                        .isEqualTo(Styles.web(Styles.lineTint(task, false)));
                // Full width: the tint covers the line's text from the gutter to the right edge,
                // and the gutter too.
                assertThat(fills.get(fills.size() - 1).getInsets().getLeft()).isZero();
                assertThat(fills.get(fills.size() - 1).getInsets().getRight()).isZero();
                assertThat(onScreen(codeText(g)).getMaxX()).isCloseTo(onScreen(code(robot)).getMaxX(),
                        org.assertj.core.data.Offset.offset(1.0));
                List<BackgroundFill> gutter = g.getBackground().getFills();
                assertThat(web(gutter.get(gutter.size() - 1).getFill())).isEqualTo(Styles.web(Styles.lineTint(task, false)));
                Label badge = (Label) g.lookup(".code-badge");
                assertThat(badge.getText()).isEqualTo(m.name());
                assertThat(badge.getFont().getSize()).as("readable badge").isGreaterThanOrEqualTo(13.0);
                assertThat(onScreen(badge).getMaxX()).as("the badge is left of the code").isLessThan(codeX);
            }
        }
        assertThat(marked).as("main's and worker's lines, tinted").isEqualTo(2);
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

    /** Steps until every waiter waits, and gives the code panel's gutter of the wait line. */
    private CodeEditor.Gutter waitLine(FxRobot robot, int waiters) {
        robot.interact(() -> assertThat(vm.openText("w.py", String.format(Locale.ROOT, WAITERS, waiters), "w")).isTrue());
        robot.interact(() -> view.showOpened());
        for (int i = 0; i < 2 + waiters; i++) {
            robot.interact(vm::step);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.markers().stream().filter(m -> m.line() == 4)).hasSize(waiters);
        return gutters(robot).stream().filter(g -> g.line() == 4).findFirst().orElseThrow();
    }

    @Test
    void severalTasksAtOneLineEachGetABadgeAndManyAreCounted(FxRobot robot) {
        CodeEditor.Gutter three = waitLine(robot, 3);
        List<Node> badges = new ArrayList<>(three.lookupAll(".code-badge"));
        assertThat(badges).hasSize(3);
        assertThat(badges).extracting(b -> ((Label) b).getBackground().getFills().get(0).getFill()).doesNotHaveDuplicates();
        double codeX = onScreen(codeText(three)).getMinX();
        for (Node b : badges) {
            assertThat(onScreen(b).getMaxX()).isLessThan(codeX);
        }
        // Many: as many badges as fit, then the count of the rest.
        CodeEditor.Gutter many = waitLine(robot, 12);
        List<Label> shown = many.lookupAll(".code-badge").stream().map(Label.class::cast).toList();
        Label more = shown.get(shown.size() - 1);
        assertThat(more.getStyleClass()).contains(Styles.CODE_BADGE_MORE);
        assertThat(more.getText()).isEqualTo("+" + (12 - (shown.size() - 1)));
        assertThat(onScreen(more).getMaxX()).isLessThan(onScreen(codeText(many)).getMinX());
        // Every line's code still starts at one x.
        assertThat(gutters(robot).stream().map(g -> Math.round(onScreen(codeText(g)).getMinX())).distinct()).hasSize(1);
    }

    @Test
    void selectingALaneHighlightsItsLineMoreStronglyAndScrollsToIt(FxRobot robot) {
        open(robot, "py:starlette_call_next");
        for (int i = 0; i < 6; i++) {
            robot.interact(vm::step);
        }
        robot.interact(() -> code(robot).showParagraphAtTop(0));
        WaitForAsyncUtils.waitForFxEvents();
        // The lane whose line is furthest down the program, out of view at the top.
        MainViewModel.Marker far = vm.markers().stream().max(java.util.Comparator.comparingInt(MainViewModel.Marker::line)).orElseThrow();
        assertThat(panel().lineInView(far.line())).isFalse();
        robot.interact(() -> vm.selectedTaskProperty().set(far.task()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel().lineInView(far.line())).as("scrolled to").isTrue();
        CodeEditor.Gutter line = gutters(robot).stream().filter(g -> g.line() == far.line()).findFirst().orElseThrow();
        assertThat(line.getPseudoClassStates()).extracting(Object::toString).contains("selected-line");
        List<BackgroundFill> fills = codeText(line).getBackground().getFills();
        assertThat(web(fills.get(fills.size() - 1).getFill())).isEqualTo(Styles.web(Styles.lineTint(far.task(), true)));
        assertThat(web(line.getBackground().getFills().get(0).getFill())).as("a bar in the task's colour at the left edge")
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
        CodeEditor.Gutter placeholder = gutters(robot).stream().filter(g -> "    \u2026".equals(drawn(codeText(g))))
                .findFirst().orElseThrow();
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
