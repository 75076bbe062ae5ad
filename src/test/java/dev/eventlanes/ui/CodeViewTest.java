package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.ui.code.CodeEditor;
import dev.eventlanes.ui.code.CodePanel;
import dev.eventlanes.ui.code.ProgramSaver;
import dev.eventlanes.ui.program.ProgramSource;
import dev.eventlanes.ui.program.ProgramSources;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The code component in the window (the code panel: colours, gutter, tints, its own text size)
 * and in the paste dialog (problems marked and gone to), and Save for a pasted program.
 */
@ExtendWith(ApplicationExtension.class)
class CodeViewTest {
    private MainViewModel vm;
    private MainView view;
    private Stage stage;
    private Settings settings;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
        view = new MainView(vm, PresetCatalog::all);
        stage.setScene(MainView.scene(view.load(), 1280, 800));
        view.setLaneActions(new ScenarioActions(view));
        settings = new Settings(tmp.resolve("settings.properties"));
        view.useSettings(settings);
        view.openSession(PresetCatalog.open("py:waiting_vs_polling"));
        stage.show();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != stage) {
                    w.hide();
                }
            }
        });
    }

    private CodeArea code(FxRobot robot) {
        return robot.lookup("#code").queryAs(CodeArea.class);
    }

    private CodePanel panel() {
        return view.codeView();
    }

    private List<CodeEditor.Gutter> gutters(Node area) {
        List<CodeEditor.Gutter> out = new ArrayList<>();
        for (Node n : area.lookupAll(".line-gutter")) {
            if (n instanceof CodeEditor.Gutter g && g.getParent() != null && g.getScene() != null) {
                out.add(g);
            }
        }
        return out;
    }

    private static TextFlow codeText(CodeEditor.Gutter g) {
        return (TextFlow) g.getParent().getChildrenUnmodifiable().stream().filter(TextFlow.class::isInstance)
                .findFirst().orElseThrow();
    }

    private static Bounds onScreen(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    /** The colour a line's text is tinted in, or null for none. */
    private static String tint(TextFlow t) {
        Background b = t.getBackground();
        if (b == null || b.getFills().isEmpty()) {
            return null;
        }
        BackgroundFill f = b.getFills().get(b.getFills().size() - 1);
        return f.getFill() instanceof Color c && c.getOpacity() > 0 ? Styles.web(c) : null;
    }

    // ------------------------------------------------------------------ the code panel

    @Test
    void aKnownProgramIsColouredByWhatEachWordIs(FxRobot robot) {
        String program = "import anyio  # a comment\n\ndef helper():\n    return len(\"another\") + 7\n\n"
                + "async def main():\n    print(\"a string\", 42)\n\nanyio.run(main)\n";
        robot.interact(() -> {
            assertThat(vm.openText("known.py", program, "known")).isTrue();
            view.showOpened();
        });
        WaitForAsyncUtils.waitForFxEvents();
        CodeArea area = code(robot);
        assertThat(area.getText()).isEqualTo(program.stripTrailing());
        assertThat(area.getStyleOfChar(program.indexOf("import") + 1)).containsExactly("py-keyword");
        assertThat(area.getStyleOfChar(program.indexOf("async") + 1)).containsExactly("py-keyword");
        assertThat(area.getStyleOfChar(program.indexOf("main") + 1)).containsExactly("py-definition");
        assertThat(area.getStyleOfChar(program.indexOf("a string") + 1)).containsExactly("py-string");
        assertThat(area.getStyleOfChar(program.indexOf("a comment") + 1)).containsExactly("py-comment");
        assertThat(area.getStyleOfChar(program.indexOf("42") + 1)).containsExactly("py-number");
        assertThat(area.getStyleOfChar(program.indexOf("print") + 1)).containsExactly("py-builtin");
        assertThat(area.getStyleOfChar(program.indexOf("anyio.run") + 1)).isEmpty();
        // As drawn, in every theme: each kind in a colour of its own that reads on the code's
        // surface; on a line where a task is, all of it in the code's colour, which reads on
        // every tint (ThemeContrastTest).
        for (Theme theme : Theme.values()) {
            robot.interact(() -> view.themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            Palette p = theme.palette();
            Set<String> fills = new TreeSet<>();
            int onMarked = 0;
            for (Node n : area.lookupAll(".text")) {
                if (!(n instanceof Text t) || t.getText().isBlank()) {
                    continue;
                }
                Color c = (Color) t.getFill();
                boolean marked = t.getParent().getStyleClass().contains("marked-line");
                if (marked) {
                    onMarked++;
                    assertThat(c).as(theme.id() + ": " + t.getText() + " on a task's line").isEqualTo(p.get(Palette.Ink.CODE_TEXT));
                } else if (t.getStyleClass().stream().anyMatch(k -> k.startsWith("py-"))) {
                    fills.add(t.getStyleClass().stream().filter(k -> k.startsWith("py-")).findFirst().orElseThrow() + " " + Styles.web(c));
                    assertThat(Styles.contrast(c, p.get(Palette.Ink.SURFACE))).as(theme.id() + ": " + t.getText())
                            .isGreaterThanOrEqualTo(4.5);
                }
            }
            assertThat(onMarked).as(theme.id() + ": main's line is marked").isPositive();
            // The area and a marked line in this theme's colours (tints drawn again on a switch).
            assertThat(area.getBackground().getFills().get(0).getFill()).as(theme.id()).isEqualTo(p.get(Palette.Ink.SURFACE));
            MainViewModel.Marker main = vm.markers().get(0);
            robot.interact(() -> panel().revealLine(main.line()));
            WaitForAsyncUtils.waitForFxEvents();
            TextFlow line = codeText(gutters(area).stream().filter(g -> g.line() == main.line()).findFirst().orElseThrow());
            assertThat(tint(line)).as(theme.id() + ": main's line").isEqualTo(Styles.web(p.lineTint(main.task(), false)));
            assertThat(fills.stream().map(f -> f.split(" ")[0]).distinct()).as(theme.id())
                    .contains("py-keyword", "py-definition", "py-string", "py-comment", "py-number", "py-builtin");
            assertThat(fills.stream().map(f -> f.split(" ")[1]).distinct()).as(theme.id() + ": one colour per kind").hasSize(6);
        }
        robot.interact(() -> view.themeProperty().set(Theme.LIGHT));
    }

    @Test
    void theGutterKeepsItsWidthWhileStepping(FxRobot robot) {
        Set<Long> gutterWidths = new TreeSet<>();
        Set<Long> codeXs = new TreeSet<>();
        int badgesSeen = 0;
        int steps = 0;
        while (vm.positionProperty().get() < vm.timeline().size() && steps++ < 60) {
            robot.interact(vm::step);
            WaitForAsyncUtils.waitForFxEvents();
            for (CodeEditor.Gutter g : gutters(code(robot))) {
                gutterWidths.add(Math.round(g.getWidth() * 10));
                codeXs.add(Math.round(onScreen(codeText(g)).getMinX() * 10));
                badgesSeen += g.badges().getChildren().size();
            }
        }
        assertThat(badgesSeen).as("badges came and went").isPositive();
        assertThat(gutterWidths).as("one gutter width on every line at every step").hasSize(1);
        assertThat(codeXs).as("the code starts at one x throughout").hasSize(1);
    }

    @Test
    void theTintFollowsThePlayheadForwardsAndBack(FxRobot robot) {
        int checked = 0;
        for (int i = 0; i < 8; i++) {
            robot.interact(vm::step);
            checked += assertTintsMatchMarkers(robot, "step " + (i + 1));
        }
        for (int i = 0; i < 5; i++) {
            robot.interact(vm::stepBack);
            checked += assertTintsMatchMarkers(robot, "back " + (i + 1));
        }
        robot.interact(() -> vm.scrubTo(vm.timeline().size() / 2));
        checked += assertTintsMatchMarkers(robot, "scrubbed");
        assertThat(checked).as("marked lines seen").isGreaterThan(10);
    }

    /** Every line on show is tinted exactly when a task is at it, in that task's colour; returns how many were. */
    private int assertTintsMatchMarkers(FxRobot robot, String when) {
        WaitForAsyncUtils.waitForFxEvents();
        List<MainViewModel.Marker> markers = vm.markers();
        boolean leadInView = false;
        int marked = 0;
        for (CodeEditor.Gutter g : gutters(code(robot))) {
            List<MainViewModel.Marker> here = markers.stream().filter(m -> m.line() == g.line()).toList();
            String expected = here.isEmpty() ? null : Styles.web(Styles.lineTint(here.get(0).task(), false));
            assertThat(tint(codeText(g))).as(when + ", line " + g.line() + " " + here).isEqualTo(expected);
            assertThat(g.badges().getChildren()).as(when + ", line " + g.line()).hasSize(here.size());
            marked += here.isEmpty() ? 0 : 1;
            leadInView |= !here.isEmpty();
        }
        assertThat(leadInView || markers.isEmpty()).as(when + ": a task's line is in view " + markers).isTrue();
        return marked;
    }

    @Test
    void theCodeKeysChangeItsTextSizeAloneAndItIsRemembered(FxRobot robot) throws Exception {
        robot.interact(() -> view.root().requestFocus());
        double size = codeTextSize(robot);
        double ui = robot.lookup("#play").queryAs(Button.class).getFont().getSize();
        for (int i = 0; i < 2; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.EQUALS).release(KeyCode.SHIFT, KeyCode.CONTROL);
        }
        assertThat(panel().textScaleProperty().get()).isEqualTo(1.3);
        assertThat(codeTextSize(robot)).isCloseTo(size * 1.3, org.assertj.core.data.Offset.offset(0.2));
        assertThat(robot.lookup("#play").queryAs(Button.class).getFont().getSize()).as("the window's text stays").isEqualTo(ui);
        // Written at once: a launch that ends in a crash keeps it too.
        assertThat(new Settings(settings.file()).getDouble("codeText", 0)).isEqualTo(1.3);
        // The next launch's window opens with it.
        MainView next = new MainView(new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults()), PresetCatalog::all);
        robot.interact(() -> {
            next.load();
            next.useSettings(new Settings(settings.file()));
        });
        assertThat(next.codeView().textScaleProperty().get()).isEqualTo(1.3);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.DIGIT0).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(codeTextSize(robot)).isEqualTo(size);
        assertThat(new Settings(settings.file()).getDouble("codeText", 0)).isEqualTo(1.0);
    }

    private double codeTextSize(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return ((Text) code(robot).lookup(".text")).getFont().getSize();
    }

    // ------------------------------------------------------------------ the paste editor

    /** A program with a problem on line 5 (a missing colon), long enough to scroll. */
    private static String brokenOnLineFive() {
        StringBuilder b = new StringBuilder("import anyio\n\nasync def main():\n    x = 1\n    if x\n        print(x)\n");
        for (int i = 0; i < 40; i++) {
            b.append("    print(").append(i).append(")\n");
        }
        return b.append("\nanyio.run(main)\n").toString();
    }

    private CodeArea pasteArea(FxRobot robot) {
        return robot.lookup("#pasteArea").queryAs(CodeArea.class);
    }

    @Test
    void aProblemOnLineFiveIsMarkedThereAndClickingItGoesThere(FxRobot robot) {
        String program = brokenOnLineFive();
        robot.interact(() -> view.showPasteDialog(program));
        robot.clickOn("#pasteRun");
        CodeArea area = pasteArea(robot);
        assertThat(area.getScene().getWindow().isShowing()).as("the dialog stays open with the code").isTrue();
        @SuppressWarnings("unchecked")
        ListView<ProgramSource.Problem> problems = robot.lookup("#pasteProblems").queryAs(ListView.class);
        assertThat(problems.getItems()).extracting(ProgramSource.Problem::line).containsExactly(5);
        // The wavy line: under line 5's text, nowhere else.
        int lineFive = program.indexOf("    if x");
        List<Integer> marked = new ArrayList<>();
        for (int i = 0; i < area.getLength(); i++) {
            Collection<String> style = area.getStyleOfChar(i);
            if (style.contains("code-problem") && program.charAt(i) != '\n') {
                marked.add(i);
            }
        }
        assertThat(marked).isNotEmpty().allMatch(i -> i >= lineFive && i < program.indexOf('\n', lineFive));
        // The sign in line 5's gutter alone, which says what is wrong.
        robot.interact(() -> area.showParagraphAtTop(0));
        WaitForAsyncUtils.waitForFxEvents();
        for (CodeEditor.Gutter g : gutters(area)) {
            assertThat(g.icon().isVisible()).as("line " + g.line()).isEqualTo(g.line() == 5);
        }
        // Drawn by the window's style sheet, which the dialog wears: a red sign.
        CodeEditor.Gutter five = gutters(area).stream().filter(g -> g.line() == 5).findFirst().orElseThrow();
        assertThat((Color) five.icon().getBackground().getFills().get(0).getFill())
                .isEqualTo(Theme.current().palette().get(Palette.Ink.CODE_PROBLEM));
        // The caret went to the problem at once, the code no longer all selected.
        assertThat(area.getCurrentParagraph()).isEqualTo(4);
        assertThat(area.getSelectedText()).isEmpty();
        // Scrolled away, then the problem clicked: the caret goes to line 5, in view.
        robot.interact(() -> area.showParagraphAtBottom(area.getParagraphs().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.firstVisibleParToAllParIndex()).isGreaterThan(4);
        ListCell<?> cell = robot.from(problems).lookup(".list-cell").queryAll().stream().map(n -> (ListCell<?>) n)
                .filter(c -> c.getItem() != null).findFirst().orElseThrow();
        assertThat(cell.getText()).startsWith("line 5: ");
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getCurrentParagraph()).isEqualTo(4);
        // Where the parser's caret points: after "if x", where the ':' is missing.
        assertThat(area.getCaretColumn()).isEqualTo(problems.getItems().get(0).column()).isEqualTo(8);
        assertThat(area.firstVisibleParToAllParIndex()).isLessThanOrEqualTo(4);
        assertThat(area.lastVisibleParToAllParIndex()).isGreaterThanOrEqualTo(4);
        assertThat(area.isFocused()).as("ready to type the fix").isTrue();
        // Fixed, the marks go.
        robot.interact(() -> area.insertText(area.getCaretPosition(), ":"));
        assertThat(area.getStyleOfChar(lineFive + 5)).doesNotContain("code-problem");
    }

    // ------------------------------------------------------------------ save

    private static final String PASTED = "import anyio\n\nasync def main():\n    # \u7b49\u4e00\u4e0b  \n"
            + "    await anyio.sleep(1)\n    print('pasted, saved, opened')   \n\nanyio.run(main)";

    private void paste(FxRobot robot, String text) {
        robot.interact(() -> view.showPasteDialog(""));
        robot.interact(() -> pasteArea(robot).replaceText(text));
        robot.clickOn("#pasteRun");
        assertThat(vm.session().id()).startsWith("pasted:");
    }

    private List<String> outputToTheEnd(FxRobot robot) {
        robot.interact(vm::runToEnd);
        return vm.output().stream().map(o -> o.time() + " " + o.text()).toList();
    }

    @Test
    void savingAPastedProgramWritesItsExactTextWhichOpensAndRunsTheSame(FxRobot robot) throws Exception {
        paste(robot, PASTED);
        List<String> ran = outputToTheEnd(robot);
        assertThat(robot.lookup("#save").queryAs(Button.class).isDisabled()).as("Save is there for a pasted program").isFalse();
        List<FileChooser> asked = new ArrayList<>();
        Path target = tmp.resolve("lesson");
        view.saver().setChooser((owner, fc) -> {
            asked.add(fc);
            return target.toFile();
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        Path saved = tmp.resolve("lesson.py");
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).getExtensionFilters().get(0).getExtensions()).containsExactly("*.py");
        assertThat(asked.get(0).getInitialFileName()).isEqualTo("pasted.py");
        assertThat(Files.readString(saved, StandardCharsets.UTF_8)).isEqualTo(PASTED);
        assertThat(robot.lookup("#bannerText").queryAs(Label.class).getText()).isEqualTo("Saved lesson.py.");
        assertThat(vm.session().id()).isEqualTo("file:" + saved);
        // The folder is remembered for the next Save, this launch or the next.
        assertThat(new Settings(settings.file()).get(ProgramSaver.FOLDER, null)).isEqualTo(tmp.toString());
        robot.clickOn("#save");
        assertThat(asked.get(1).getInitialDirectory()).isEqualTo(tmp.toFile());
        // Opened again, it runs the same.
        robot.interact(() -> view.openSession(PresetCatalog.seed()));
        robot.interact(() -> assertThat(view.openFile(saved)).isTrue());
        assertThat(outputToTheEnd(robot)).isEqualTo(ran).isNotEmpty();
    }

    @Test
    void aPastedScenarioIsSavedAsJson(FxRobot robot) throws Exception {
        String json = "{\"version\": 1, \"title\": \"t\", \"semantics\": \"anyio\", \"seed\": 1, \"events\": [],"
                + " \"tasks\": [{\"name\": \"main\", \"ops\": [{\"op\": \"print\", \"text\": \"hi\"}]}]}";
        paste(robot, json);
        List<FileChooser> asked = new ArrayList<>();
        view.saver().setChooser((owner, fc) -> {
            asked.add(fc);
            return tmp.resolve("scenario.json").toFile();
        });
        robot.clickOn("#save");
        assertThat(asked.get(0).getExtensionFilters().get(0).getExtensions()).containsExactly("*.json");
        assertThat(Files.readString(tmp.resolve("scenario.json"))).isEqualTo(json);
    }

    @Test
    void aWriteThatFailsSaysSoAndLosesNothing(FxRobot robot) throws Exception {
        paste(robot, PASTED);
        String session = vm.session().id();
        Path folder = Files.createDirectory(tmp.resolve("read-only"));
        Path before = Files.writeString(folder.resolve("lesson.py"), "the file that was there\n");
        folder.toFile().setWritable(false, false);
        // As root every folder can be written: then a folder that is gone stands in for it.
        boolean readOnly = !Files.isWritable(folder);
        File target = readOnly ? before.toFile() : tmp.resolve("gone").resolve("lesson.py").toFile();
        List<Alert> failures = new ArrayList<>();
        view.saver().setChooser((owner, fc) -> target);
        view.saver().setFailureShower(a -> {
            failures.add(a);
            a.show();
        });
        robot.clickOn("#save");
        assertThat(failures).hasSize(1);
        Alert a = failures.get(0);
        assertThat(a.getHeaderText()).isEqualTo("lesson.py was not saved.");
        assertThat(a.getContentText()).contains(readOnly ? "the folder is read-only" : "the folder does not exist")
                .contains("Nothing is lost");
        assertThat(a.getDialogPane().getStyleClass()).as("dressed like the window").contains("event-lanes");
        robot.interact(a::hide);
        folder.toFile().setWritable(true, false);
        assertThat(Files.readString(before)).as("the file that was there is untouched").isEqualTo("the file that was there\n");
        try (var files = Files.list(folder)) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
        // The program is still open and still savable; Paste still has its code.
        assertThat(vm.session().id()).isEqualTo(session);
        assertThat(robot.lookup("#save").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#paste");
        assertThat(pasteArea(robot).getText()).isEqualTo(PASTED);
    }
}
