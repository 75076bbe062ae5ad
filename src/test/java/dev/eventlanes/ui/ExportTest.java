package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventlanes.ui.program.ProgramSources;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Export menu writes what it says: pictures of the lanes (1× and a sharp 2×), of the window, and a trace. */
@ExtendWith(ApplicationExtension.class)
class ExportTest {
    private MainViewModel vm;
    private MainView view;
    private final List<String> asked = new ArrayList<>();

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
        view = new MainView(vm, PresetCatalog::all);
        stage.setScene(MainView.scene(view.load(), 1280, 800));
        view.openSession(PresetCatalog.open(PresetCatalog.PY + "waiting_vs_polling"));
        stage.show();
    }

    private Path exportTo(FxRobot robot, String item, String file) {
        Path p = tmp.resolve(file);
        view.exportChooser = (name, kind) -> {
            asked.add(name + " " + kind);
            return p.toFile();
        };
        robot.clickOn("#export").clickOn("#" + item);
        return p;
    }

    private static Image read(Path p) throws IOException {
        assertThat(p).exists();
        return new Image(p.toUri().toString());
    }

    @Test
    void picturesOfTheLanesAtOneAndTwiceTheSizeAndOfTheWindow(FxRobot robot) throws IOException {
        robot.interact(vm::runToEnd);
        Image one = read(exportTo(robot, "exportLanes", "one.png"));
        Image two = read(exportTo(robot, "exportLanes2x", "two.png"));
        Image window = read(exportTo(robot, "exportWindow", "window.png"));
        assertThat(asked).containsExactly("waiting_vs_polling-lanes.png png", "waiting_vs_polling-lanes@2x.png png",
                "waiting_vs_polling-window.png png");
        assertThat(two.getWidth()).isEqualTo(2 * one.getWidth());
        // Every size doubled but the 8 px margin under the last lane.
        assertThat(two.getHeight()).isBetween(2 * (one.getHeight() - 8) + 8 - 2, 2 * (one.getHeight() - 8) + 8 + 2);
        // Three lanes and the ruler, whole.
        double s = robot.lookup("#lanes").queryAs(dev.eventlanes.ui.lanes.LanesView.class).scaleProperty().get();
        assertThat(one.getHeight()).isGreaterThanOrEqualTo(dev.eventlanes.scene.SceneBuilder.rulerHeight(s)
                + 3 * dev.eventlanes.scene.SceneBuilder.rowHeight(s));
        assertThat(window.getWidth()).isEqualTo(1280);
        assertThat(window.getHeight()).isEqualTo(800);
        // Drawn afresh at 2x: a lane's bar keeps sharp edges (an enlarged 1x picture has
        // in-between colours at each edge); the picture is not blank.
        assertThat(distinctColours(two)).isGreaterThan(10);
    }

    private static int distinctColours(Image img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        javafx.scene.image.PixelReader r = img.getPixelReader();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(r.getArgb(x, y));
            }
        }
        return seen.size();
    }

    @Test
    void theTraceIsAChromeTraceOfTheRun(FxRobot robot) throws IOException {
        Path p = exportTo(robot, "exportTrace", "trace.json");
        JsonNode json = new ObjectMapper().readTree(p.toFile());
        JsonNode events = json.isArray() ? json : json.get("traceEvents");
        assertThat(events).isNotNull();
        List<String> names = new ArrayList<>();
        events.forEach(e -> {
            if (e.has("args") && e.get("args").has("name")) {
                names.add(e.get("args").get("name").asText());
            }
        });
        assertThat(names).contains("poller", "waiter");
    }

    @Test
    void aFolderThatCannotBeWrittenIsSaidAndNothingElseChanges(FxRobot robot) throws IOException {
        view.showDialogs = false;
        Path dir = Files.createDirectory(tmp.resolve("a-folder"));
        int at = vm.positionProperty().get();
        view.exportChooser = (name, kind) -> dir.toFile();
        robot.clickOn("#export").clickOn("#exportTrace");
        assertThat(view.lastExportError).isNotBlank().doesNotContain("Exception");
        assertThat(vm.positionProperty().get()).isEqualTo(at);
        File[] inside = dir.toFile().listFiles();
        assertThat(inside).isEmpty();
    }
}
