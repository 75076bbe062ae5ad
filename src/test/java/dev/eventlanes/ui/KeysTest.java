package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.ui.program.ProgramSources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The keys overlay against the window: every key it lists does what its line says, and it lists
 * every key there is a check for here — a new key without a check, or a check for a key the
 * overlay has lost, fails.
 */
@ExtendWith(ApplicationExtension.class)
class KeysTest {
    private MainViewModel vm;
    private MainView view;
    private Stage stage;
    private final List<String> saved = new ArrayList<>();

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
        view = new MainView(vm, PresetCatalog::all);
        Scene scene = MainView.scene(view.load(), 1280, 800);
        view.setLaneActions(new MainView.LaneActions() {
            @Override
            public void save(MainViewModel m, Stage owner) {
                saved.add(m.session().id());
            }

            @Override
            public boolean canEdit(MainViewModel m) {
                return true;
            }
        });
        stage.setScene(scene);
        view.openSession(PresetCatalog.seed());
        stage.show();
    }

    private int position() {
        return vm.positionProperty().get();
    }

    private String stepText(FxRobot robot) {
        return robot.lookup("#stepCount").queryAs(Label.class).getText();
    }

    private static void shortcut(FxRobot robot, KeyCode k) {
        robot.press(KeyCode.CONTROL).type(k).release(KeyCode.CONTROL);
    }

    private static void shortcutShift(FxRobot robot, KeyCode k) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(k).release(KeyCode.SHIFT, KeyCode.CONTROL);
    }

    /** The size the code panel's text is drawn at. */
    private double codeTextSize(FxRobot r) {
        WaitForAsyncUtils.waitForFxEvents();
        return ((javafx.scene.text.Text) r.lookup("#code").query().lookup(".text")).getFont().getSize();
    }

    private static void shift(FxRobot robot, KeyCode k) {
        robot.press(KeyCode.SHIFT).type(k).release(KeyCode.SHIFT);
    }

    private Path seedFile() throws IOException {
        Path p = tmp.resolve("waiting_vs_polling.py");
        try (InputStream in = getClass().getResourceAsStream("/dev/eventlanes/python/presets/waiting_vs_polling.py")) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    /** What each key of the overlay must do, pressed on seed 1 at its start. */
    private Map<String, Consumer<FxRobot>> checks() {
        Map<String, Consumer<FxRobot>> c = new LinkedHashMap<>();
        c.put("play", r -> {
            r.type(KeyCode.SPACE);
            assertThat(vm.playingProperty().get()).isTrue();
            r.type(KeyCode.SPACE);
            assertThat(vm.playingProperty().get()).isFalse();
        });
        c.put("step", r -> {
            r.type(KeyCode.RIGHT);
            assertThat(stepText(r)).isEqualTo("step 1 of 5");
        });
        c.put("stepLine", r -> {
            shift(r, KeyCode.RIGHT);
            int afterLine = position();
            r.interact(() -> {
                vm.reset();
                vm.stepLine();
            });
            assertThat(afterLine).isPositive().isEqualTo(position());
        });
        c.put("stepBack", r -> {
            r.type(KeyCode.RIGHT, KeyCode.RIGHT);
            r.type(KeyCode.LEFT);
            assertThat(stepText(r)).isEqualTo("step 1 of 5");
        });
        c.put("stepLineBack", r -> {
            shift(r, KeyCode.RIGHT);
            shift(r, KeyCode.RIGHT);
            int two = position();
            shift(r, KeyCode.LEFT);
            assertThat(position()).isPositive().isLessThan(two);
        });
        c.put("start", r -> {
            int opened = position();
            r.type(KeyCode.RIGHT, KeyCode.RIGHT);
            assertThat(position()).isGreaterThan(opened);
            r.type(KeyCode.HOME);
            assertThat(position()).as("where the run opened").isEqualTo(opened);
            assertThat(stepText(r)).isEqualTo("step 0 of 5");
        });
        c.put("end", r -> {
            r.type(KeyCode.END);
            assertThat(stepText(r)).isEqualTo("step 5 of 5");
            assertThat(position()).isEqualTo(vm.timeline().size());
        });
        c.put("faster", r -> {
            r.type(KeyCode.CLOSE_BRACKET);
            assertThat(vm.speedProperty().get()).isEqualTo(2.0);
        });
        c.put("slower", r -> {
            r.type(KeyCode.OPEN_BRACKET, KeyCode.OPEN_BRACKET);
            assertThat(vm.speedProperty().get()).isEqualTo(0.25);
        });
        c.put("normalSpeed", r -> {
            r.type(KeyCode.CLOSE_BRACKET, KeyCode.CLOSE_BRACKET);
            r.type(KeyCode.DIGIT1);
            assertThat(vm.speedProperty().get()).isEqualTo(1.0);
        });
        c.put("timeZoomIn", r -> {
            double pps = view.lanes().pixelsPerSecond();
            r.type(KeyCode.W);
            assertThat(view.lanes().pixelsPerSecond()).isGreaterThan(pps);
        });
        c.put("timeZoomOut", r -> {
            r.type(KeyCode.W, KeyCode.W);
            double pps = view.lanes().pixelsPerSecond();
            r.type(KeyCode.S);
            assertThat(view.lanes().pixelsPerSecond()).isLessThan(pps);
        });
        c.put("panRight", r -> {
            r.type(KeyCode.END);
            r.type(KeyCode.W, KeyCode.W, KeyCode.W, KeyCode.W);
            double x = view.lanes().viewStartPixels();
            r.type(KeyCode.D);
            assertThat(view.lanes().viewStartPixels()).isGreaterThan(x);
        });
        c.put("panLeft", r -> {
            r.type(KeyCode.END);
            r.type(KeyCode.W, KeyCode.W, KeyCode.W, KeyCode.W, KeyCode.D, KeyCode.D);
            double x = view.lanes().viewStartPixels();
            r.type(KeyCode.A);
            assertThat(view.lanes().viewStartPixels()).isLessThan(x);
        });
        c.put("fit", r -> {
            double fitted = view.lanes().pixelsPerSecond();
            r.type(KeyCode.W, KeyCode.W);
            assertThat(view.lanes().pixelsPerSecond()).isNotEqualTo(fitted);
            r.type(KeyCode.F);
            assertThat(view.lanes().pixelsPerSecond()).isEqualTo(fitted);
        });
        c.put("zoomIn", r -> {
            shortcut(r, KeyCode.EQUALS);
            assertThat(view.zoomProperty().get()).isEqualTo(1.1);
            assertThat(r.lookup("#zoomLevel").queryLabeled().getText()).isEqualTo("110 %");
        });
        c.put("zoomOut", r -> {
            shortcut(r, KeyCode.MINUS);
            assertThat(view.zoomProperty().get()).isEqualTo(0.9);
            assertThat(r.lookup("#zoomLevel").queryLabeled().getText()).isEqualTo("90 %");
        });
        c.put("zoomReset", r -> {
            shortcut(r, KeyCode.EQUALS);
            shortcut(r, KeyCode.EQUALS);
            shortcut(r, KeyCode.DIGIT0);
            assertThat(view.zoomProperty().get()).isEqualTo(1.0);
        });
        c.put("present", r -> {
            r.type(KeyCode.F5);
            assertThat(view.presentingProperty().get()).isTrue();
            assertThat(stage.isFullScreen()).isTrue();
            assertThat(r.lookup("#toolbar").tryQuery()).map(Node::isVisible).contains(false);
            r.type(KeyCode.ESCAPE);
            assertThat(view.presentingProperty().get()).isFalse();
            assertThat(stage.isFullScreen()).isFalse();
            r.type(KeyCode.F5);
            r.type(KeyCode.F5);
            assertThat(view.presentingProperty().get()).isFalse();
        });
        c.put("lesson", r -> {
            r.type(KeyCode.L);
            assertThat(r.lookup("#lessonPanel").tryQuery()).map(Node::isVisible).contains(true);
            r.type(KeyCode.L);
            assertThat(r.lookup("#lessonPanel").tryQuery().map(Node::isVisible).orElse(false)).isFalse();
        });
        c.put("codeBigger", r -> {
            double size = codeTextSize(r);
            shortcutShift(r, KeyCode.EQUALS);
            assertThat(view.codeView().textScaleProperty().get()).isEqualTo(1.15);
            assertThat(codeTextSize(r)).isGreaterThan(size);
            assertThat(view.zoomProperty().get()).as("the window's zoom stays").isEqualTo(1.0);
        });
        c.put("codeSmaller", r -> {
            double size = codeTextSize(r);
            shortcutShift(r, KeyCode.MINUS);
            assertThat(view.codeView().textScaleProperty().get()).isEqualTo(0.9);
            assertThat(codeTextSize(r)).isLessThan(size);
            assertThat(view.zoomProperty().get()).as("the window's zoom stays").isEqualTo(1.0);
        });
        c.put("codeNormal", r -> {
            double size = codeTextSize(r);
            shortcutShift(r, KeyCode.EQUALS);
            shortcutShift(r, KeyCode.EQUALS);
            assertThat(codeTextSize(r)).isGreaterThan(size);
            shortcutShift(r, KeyCode.DIGIT0);
            assertThat(view.codeView().textScaleProperty().get()).isEqualTo(1.0);
            assertThat(codeTextSize(r)).isEqualTo(size);
            assertThat(view.zoomProperty().get()).isEqualTo(1.0);
        });
        c.put("fullScreen", r -> {
            r.type(KeyCode.F11);
            assertThat(stage.isFullScreen()).isTrue();
            r.type(KeyCode.F11);
            assertThat(stage.isFullScreen()).isFalse();
        });
        c.put("theme", r -> {
            // Light, dark, high contrast and round again: the window's colours, and the lanes'.
            r.type(KeyCode.T);
            assertThat(view.themeProperty().get()).isEqualTo(Theme.DARK);
            assertThat(view.lanes().palette()).isSameAs(Palette.DARK);
            r.type(KeyCode.T);
            assertThat(view.themeProperty().get()).isEqualTo(Theme.CONTRAST);
            r.type(KeyCode.T);
            assertThat(view.themeProperty().get()).isEqualTo(Theme.LIGHT);
            assertThat(Theme.current()).isEqualTo(Theme.LIGHT);
        });
        c.put("help", r -> {
            r.type(KeyCode.F1);
            assertThat(view.keyHelp()).isNotNull();
            r.type(KeyCode.ESCAPE);
            assertThat(view.keyHelp()).isNull();
            shift(r, KeyCode.SLASH);
            assertThat(view.keyHelp()).isNotNull();
            r.type(KeyCode.F1);
            assertThat(view.keyHelp()).isNull();
        });
        c.put("open", r -> {
            Path file;
            try {
                file = seedFile();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            view.programChooser = owner -> file.toFile();
            shortcut(r, KeyCode.O);
            assertThat(vm.session().id()).isEqualTo("file:" + file);
        });
        c.put("paste", r -> {
            shortcut(r, KeyCode.V);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(r.lookup("#pasteArea").tryQuery()).isPresent();
            r.interact(() -> {
                for (Window w : new ArrayList<>(Window.getWindows())) {
                    if (w != stage) {
                        w.hide();
                    }
                }
            });
        });
        c.put("save", r -> {
            shortcut(r, KeyCode.S);
            assertThat(saved).containsExactly(vm.session().id());
        });
        c.put("export", r -> {
            shortcut(r, KeyCode.E);
            javafx.scene.control.MenuButton menu = r.lookup("#export").queryAs(javafx.scene.control.MenuButton.class);
            assertThat(menu.isShowing()).isTrue();
            r.interact(menu::hide);
        });
        c.put("nextPreset", r -> {
            String first = vm.session().id();
            r.type(KeyCode.PAGE_DOWN);
            assertThat(vm.session().id()).isNotEqualTo(first).startsWith(PresetCatalog.SESSION + PresetCatalog.PY);
        });
        c.put("previousPreset", r -> {
            String first = vm.session().id();
            r.type(KeyCode.PAGE_DOWN);
            r.type(KeyCode.PAGE_UP);
            assertThat(vm.session().id()).isEqualTo(first);
        });
        return c;
    }

    /** Back to seed 1 at its start, at 1x, 100 %, the time axis fitted, nothing over the window. */
    private void fresh(FxRobot robot) {
        robot.interact(() -> {
            if (view.keyHelp() != null) {
                view.toggleKeyHelp();
            }
            view.openSession(PresetCatalog.seed());
            vm.speedProperty().set(1);
            if (view.presentingProperty().get()) {
                view.togglePresentation();
            }
            view.zoomProperty().set(1);
            view.themeProperty().set(Theme.LIGHT);
            view.codeView().textScaleProperty().set(1);
            stage.setFullScreen(false);
        });
        saved.clear();
        // Keys go to the window, not to a control that has the focus (a click on the lanes
        // would also move the playhead).
        robot.interact(() -> view.root().requestFocus());
        assertThat(stepText(robot)).as("seed 1 opens at its start").isEqualTo("step 0 of 5");
    }

    @Test
    void everyKeyTheOverlayListsDoesWhatItSays(FxRobot robot) {
        robot.type(KeyCode.F1);
        Node help = robot.lookup("#keyHelp").query();
        Set<String> listed = new TreeSet<>();
        for (KeyMap.Binding b : view.keys().bindings()) {
            Label words = robot.from(help).lookup("#keyHelp-" + b.id()).queryAs(Label.class);
            assertThat(words.getText()).as(b.id()).isNotBlank().doesNotStartWith("keys.");
            // Readable on the white card: the text colour is not left to a transparent background.
            assertThat(Styles.contrast((Color) words.getTextFill(), Color.WHITE)).as(b.id()).isGreaterThanOrEqualTo(7);
            listed.add(b.id());
        }
        for (Node cap : robot.from(help).lookup("." + KeyHelp.KEY_CAP).queryAll()) {
            assertThat(Styles.contrast((Color) ((Label) cap).getTextFill(), Color.web("#f1f5f9")))
                    .as(((Label) cap).getText()).isGreaterThanOrEqualTo(7);
        }
        robot.type(KeyCode.ESCAPE);
        Map<String, Consumer<FxRobot>> checks = checks();
        assertThat(listed).as("a check for every key the overlay lists, and no other")
                .isEqualTo(new TreeSet<>(checks.keySet()));
        for (Map.Entry<String, Consumer<FxRobot>> e : checks.entrySet()) {
            fresh(robot);
            try {
                e.getValue().accept(robot);
            } catch (AssertionError failed) {
                throw new AssertionError("the key for '" + e.getKey() + "': " + failed.getMessage(), failed);
            }
        }
    }

    @Test
    void theOverlayIsInChineseWhenTheWindowIs(FxRobot robot) {
        robot.interact(() -> vm.i18n().setLocale(I18n.CHINESE));
        robot.type(KeyCode.F1);
        assertThat(robot.lookup("#keyHelp-play").queryAs(Label.class).getText()).isEqualTo("播放或暂停");
        robot.clickOn("#keyHelpClose");
        assertThat(view.keyHelp()).isNull();
    }

    @Test
    void theSpeedSliderTakesTheArrowsWhenItHasTheFocusAndSnapsToOneTimes(FxRobot robot) {
        Slider speed = robot.lookup("#speed").queryAs(Slider.class);
        robot.interact(speed::requestFocus);
        int before = position();
        robot.type(KeyCode.RIGHT);
        assertThat(position()).as("no step while the slider has the focus").isEqualTo(before);
        assertThat(vm.speedProperty().get()).isGreaterThan(1.0);
        robot.interact(() -> speed.setValue(0.07));
        assertThat(vm.speedProperty().get()).as("close to 1x is 1x").isEqualTo(1.0);
        robot.interact(() -> speed.setValue(0.3));
        assertThat(vm.speedProperty().get()).isEqualTo(Math.pow(2, 0.3));
    }
}
