package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.TaskState;
import dev.eventlanes.ui.render.PngWriter;
import dev.eventlanes.ui.program.ProgramSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Writes target/screenshot-seed1.png: the window mid-run on seed 1, right after main's set() woke
 * the worker. Into target/, not docs/: a build must leave the working tree as it found it. The
 * README's pictures are made with {@code render} (see the README).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {
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

    @Test
    void writesTheReadmeScreenshotOfSeed1MidRun(FxRobot robot) throws Exception {
        // Step until the worker has been woken by main's set(): the arrow is on screen.
        for (int i = 0; i < 20 && vm.timeline().arrowCountAt(vm.positionProperty().get()) == 0; i++) {
            robot.clickOn("#step");
        }
        assertThat(vm.timeline().arrowCountAt(vm.positionProperty().get())).isEqualTo(1);
        assertThat(vm.timeline().lanes().get(1).stateAt(vm.positionProperty().get())).isEqualTo(TaskState.READY);
        robot.interact(() -> vm.selectedTaskProperty().set(1));
        WritableImage[] img = new WritableImage[1];
        // The scene, not its root: the window's colour is the scene's fill (the root has no background).
        robot.interact(() -> img[0] = view.root().getScene().snapshot(null));
        Path out = Path.of("target", "screenshot-seed1.png");
        PngWriter.write(img[0], out);
        byte[] head = Files.readAllBytes(out);
        assertThat(head.length).isGreaterThan(10_000);
        assertThat(head[1]).isEqualTo((byte) 'P');
        assertThat(img[0].getWidth()).isEqualTo(1280);
    }
}
