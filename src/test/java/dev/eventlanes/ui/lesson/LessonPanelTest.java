package dev.eventlanes.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.lesson.Lesson;
import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.MainView;
import dev.eventlanes.ui.MainViewModel;
import dev.eventlanes.ui.PresetCatalog;
import dev.eventlanes.ui.program.ProgramSources;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The lesson panel in the real window, driven by a robot (headless Monocle in the build). */
@ExtendWith(ApplicationExtension.class)
class LessonPanelTest {
    private MainViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
        view = new MainView(vm, PresetCatalog::all);
        Scene scene = MainView.scene(view.load(), 1280, 800);
        stage.setScene(scene);
        view.openSession(PresetCatalog.seed());
        stage.show();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Whether a node with this id is in the window and shown. */
    private static boolean shown(FxRobot robot, String id) {
        Optional<Node> n = robot.lookup(id).tryQuery();
        return n.isPresent() && n.get().getScene() != null && n.get().isVisible() && n.get().getParent() != null;
    }

    @Test
    void theLessonToggleOpensThePanelOnTheOpenPresetsLesson(FxRobot robot) {
        assertThat(shown(robot, "#lessonPanel")).as("closed until asked for").isFalse();
        ToggleButton toggle = robot.lookup("#lessonToggle").queryAs(ToggleButton.class);
        assertThat(toggle.getText()).isEqualTo("Lesson");
        assertThat(toggle.getAccessibleText()).isNotBlank();
        robot.clickOn("#lessonToggle");
        assertThat(shown(robot, "#lessonPanel")).isTrue();
        assertThat(text(robot, "#lessonPanelTitle")).isEqualTo("Seed 1: the worker waits, main sets after 2 s");
        assertThat(text(robot, "#lessonPanelWatch")).isEqualTo("main's set() at 2.0 s and its arrow to the worker: woken \"at once\".");
        assertThat(text(robot, "#lessonPanelQuestion")).isEqualTo("How many times does the worker wake up before t = 2.0?");
        assertThat(view.lesson().title()).isEqualTo("Seed 1: the worker waits, main sets after 2 s");

        // Another preset, from the menu's own entry: the panel follows.
        robot.interact(() -> view.openSession(PresetCatalog.open("poll_vs_wait")));
        assertThat(text(robot, "#lessonPanelTitle")).isEqualTo("Waiting vs polling: the waiter wakes at 1.0, the poller at 1.2");
        assertThat(text(robot, "#lessonPanelWatch")).isEqualTo("Compare the two latencies under the lanes: \"at once\" vs \"+0.2 s\".");
        assertThat(view.lesson().watch()).isEqualTo(text(robot, "#lessonPanelWatch"));

        // Its close button puts it away and releases the toggle.
        robot.clickOn("#lessonClose");
        assertThat(shown(robot, "#lessonPanel")).isFalse();
        assertThat(toggle.isSelected()).isFalse();
        // The lesson is there for presentation mode with the panel closed too.
        assertThat(view.lesson()).isNotNull();
    }

    @Test
    void theLanguageSwitchRewordsTheLesson(FxRobot robot) {
        robot.clickOn("#lessonToggle");
        @SuppressWarnings("unchecked")
        ComboBox<Locale> language = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> language.setValue(I18n.CHINESE));
        assertThat(text(robot, "#lessonPanelTitle")).isEqualTo("种子 1：worker 等待，main 在 2 秒后 set");
        assertThat(text(robot, "#lessonPanelWatch")).isEqualTo("看 main 在 2.0 秒的 set() 和指向 worker 的箭头：“立即”醒来。");
        assertThat(robot.lookup("#lessonToggle").queryAs(ToggleButton.class).getText()).isEqualTo("课程要点");
        assertThat(robot.lookup("#lessonShowAnswer").queryAs(Button.class).getText()).isEqualTo("显示答案");
        assertThat(view.lesson().title()).isEqualTo("种子 1：worker 等待，main 在 2 秒后 set");
        robot.interact(() -> language.setValue(I18n.ENGLISH));
        assertThat(text(robot, "#lessonPanelTitle")).isEqualTo("Seed 1: the worker waits, main sets after 2 s");
    }

    @Test
    void showAnswerRevealsTheAnswerUntilAnotherProgramOpens(FxRobot robot) {
        robot.clickOn("#lessonToggle");
        Lesson l = view.lesson();
        assertThat(shown(robot, "#lessonPanelAnswer")).as("hidden until asked for").isFalse();
        Button button = robot.lookup("#lessonShowAnswer").queryAs(Button.class);
        assertThat(button.getText()).isEqualTo("Show answer");
        robot.clickOn("#lessonShowAnswer");
        assertThat(shown(robot, "#lessonPanelAnswer")).isTrue();
        assertThat(text(robot, "#lessonPanelAnswer")).isEqualTo(l.answer()).startsWith("Never");
        assertThat(button.getText()).isEqualTo("Hide answer");
        robot.clickOn("#lessonShowAnswer");
        assertThat(shown(robot, "#lessonPanelAnswer")).isFalse();
        robot.clickOn("#lessonShowAnswer");
        robot.interact(() -> view.openSession(PresetCatalog.open(PresetCatalog.PY + "deadlock")));
        assertThat(shown(robot, "#lessonPanelAnswer")).as("a new lesson starts with its answer hidden").isFalse();
    }

    @Test
    void aPastedProgramShowsItsOwnLessonBlock(FxRobot robot) {
        robot.clickOn("#lessonToggle");
        String program = """
                # Lesson: My own example
                # Shows: main sets an event nobody waits for.
                # Watch: The hollow diamond.
                # Ask: Who wakes? Nobody: no task was waiting.
                # Watch[zh]: 空心菱形。

                import anyio

                async def main():
                    e = anyio.Event()
                    e.set()

                anyio.run(main)
                """;
        paste(robot, program);
        assertThat(vm.session().id()).startsWith("pasted:");
        assertThat(text(robot, "#lessonPanelTitle")).isEqualTo("My own example");
        assertThat(text(robot, "#lessonPanelShows")).isEqualTo("main sets an event nobody waits for.");
        assertThat(text(robot, "#lessonPanelWatch")).isEqualTo("The hollow diamond.");
        assertThat(text(robot, "#lessonPanelQuestion")).isEqualTo("Who wakes?");
        robot.clickOn("#lessonShowAnswer");
        assertThat(text(robot, "#lessonPanelAnswer")).isEqualTo("Nobody: no task was waiting.");
        robot.interact(() -> vm.i18n().setLocale(I18n.CHINESE));
        assertThat(text(robot, "#lessonPanelWatch")).isEqualTo("空心菱形。");
        assertThat(text(robot, "#lessonPanelTitle")).as("no Chinese title: the program's own").isEqualTo("My own example");
    }

    @Test
    void aProgramWithoutNotesShowsHowToWriteThemAndAMalformedBlockItsProblems(FxRobot robot) {
        robot.clickOn("#lessonToggle");
        paste(robot, "import anyio\n\nasync def main():\n    print('hi')\n\nanyio.run(main)\n");
        assertThat(view.lesson()).isNull();
        assertThat(shown(robot, "#lessonPanelNone")).isTrue();
        assertThat(text(robot, "#lessonPanelSample")).startsWith("# Lesson: ").contains("# Watch: ");
        paste(robot, "# Lesson: Broken\n# Wacth: typo\n\nimport anyio\n\nasync def main():\n    pass\n\nanyio.run(main)\n");
        assertThat(vm.session().id()).as("the program still runs").startsWith("pasted:");
        assertThat(text(robot, "#lessonPanelTitle")).isEqualTo("Broken");
        assertThat(text(robot, "#lessonPanelProblems")).isEqualTo("line 2: unknown key 'Wacth' (expected Lesson, Shows, Watch or Ask)");
    }

    @Test
    void thePanelZoomsWithTheWindowAndKeepsTheLanesMostOfTheWidth(FxRobot robot) {
        robot.clickOn("#lessonToggle");
        Label title = robot.lookup("#lessonPanelTitle").queryAs(Label.class);
        double before = title.getFont().getSize();
        robot.interact(() -> view.zoomProperty().set(1.25));
        // As the events row and the output grow: the zoom enlarges the content before the chrome.
        assertThat(title.getFont().getSize()).isEqualTo(before * 1.25, org.assertj.core.data.Offset.offset(0.3));
        robot.interact(() -> view.zoomProperty().set(2.0));
        assertThat(title.getFont().getSize()).as("no bigger than the output's").isEqualTo(before * 1.25,
                org.assertj.core.data.Offset.offset(0.3));
        Node panel = robot.lookup("#lessonPanel").query();
        assertThat(panel.getLayoutBounds().getWidth()).isLessThanOrEqualTo(1280 * LessonPanel.MAX_SHARE + 1);
        assertThat(robot.lookup("#lanes").query().getLayoutBounds().getWidth()).isGreaterThan(400);
    }

    @Test
    void presentationModePutsTheLessonsTitleAndWatchLineOnTheCanvas(FxRobot robot) {
        robot.interact(() -> view.openSession(PresetCatalog.open(PresetCatalog.PY + "waiting_vs_polling")));
        robot.interact(view::togglePresentation);
        // Presentation mode's caption above the lanes (#lessonCaption), not the side panel.
        assertThat(text(robot, "#lessonTitle")).isEqualTo("Waiting vs polling, side by side");
        assertThat(text(robot, "#lessonWatch"))
                .isEqualTo("Watch: At 1.0 s the waiter wakes \"at once\"; the poller notices \"+0.2 s\" later.");
        robot.interact(() -> vm.i18n().setLocale(I18n.CHINESE));
        assertThat(text(robot, "#lessonWatch")).isEqualTo("请看：1.0 秒时等待者“立即”醒来；轮询者“晚 0.2 秒”才发现。");
        robot.interact(view::togglePresentation);
        robot.interact(() -> vm.i18n().setLocale(I18n.ENGLISH));
        // A teacher's own program: its own title and line to watch.
        paste(robot, "# Lesson: My own example\n# Watch: The hollow diamond.\n\nimport anyio\n\nasync def main():\n"
                + "    anyio.Event().set()\n\nanyio.run(main)\n");
        robot.interact(view::togglePresentation);
        assertThat(text(robot, "#lessonTitle")).isEqualTo("My own example");
        assertThat(text(robot, "#lessonWatch")).isEqualTo("Watch: The hollow diamond.");
        robot.interact(view::togglePresentation);
    }

    private void paste(FxRobot robot, String program) {
        robot.interact(() -> view.showPasteDialog(program));
        org.fxmisc.richtext.CodeArea area = robot.lookup("#pasteArea").queryAs(org.fxmisc.richtext.CodeArea.class);
        assertThat(area.getText()).isEqualTo(program);
        robot.clickOn("#pasteRun");
    }
}
